"""Improvements: the plan a workshop makes, how it is prioritised, and what it would change."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime

import numpy as np
import pandas as pd

from ..errors import DuplicateIdError, SchemaError, ServicepathError, UnknownIdError
from ..model.journey import Journey
from ..model.text import Text
from ..model.touchpoint import EMOTION_RANGE, SCORE_RANGE, check_id, check_number
from ..model.vocab import PRINCIPLES
from .markov import chain
from .paths import goal_probability
from .scoring import effective_scores, score_journey

__all__ = [
    "STATUSES", "QUADRANTS", "METHODS", "Improvement", "add_improvement", "improvements", "improvement_table",
    "prioritise", "dot_budget", "cast_votes", "vote_results", "apply", "compare",
]

#: Improvement status, in order.
STATUSES = ("idea", "planned", "doing", "done")
#: Impact/effort quadrants.
QUADRANTS = ("quick win", "big bet", "fill-in", "money pit")
#: Prioritisation methods of :func:`prioritise`.
METHODS = ("quadrant", "ice", "rice")


@dataclass(frozen=True)
class Improvement:
    """A planned change to the journey (kept in the journey file's improvements section).

    Parameters
    ----------
    id : str
    title : Text
    touchpoints : tuple of str
        The touchpoints it changes.
    principles : tuple of str
        The A.R.V.O. principles it lifts.
    score_change : mapping of principle to float
        Expected change of each principle's score at the touchpoints (e.g. ``{"V": 2}``).
    emotion_change : float
        Expected change of the customer's emotion there.
    drop_out_reduction : float
        Share (0…1) of the customers who now leave there that would go on instead.
    impact, effort, confidence : int, 1…5
        For prioritising; ``effort_days`` may give the effort in person-days.
    owner, metric : str
        Who makes it happen, and how success is measured (``validate`` warns without them).
    due : datetime.date, optional
    status : {"idea", "planned", "doing", "done"}
    pain_points : tuple of str
        The pain point ids it answers.
    """

    id: str
    title: Text
    touchpoints: tuple[str, ...] = ()
    principles: tuple[str, ...] = ()
    description: Text = field(default_factory=Text)
    score_change: Mapping[str, float] = field(default_factory=dict)
    emotion_change: float = 0.0
    drop_out_reduction: float = 0.0
    impact: int = 3
    effort: int = 3
    confidence: int = 3
    effort_days: float | None = None
    owner: str = ""
    metric: str = ""
    due: date | None = None
    status: str = "idea"
    pain_points: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        check_id(self.id, "id")
        try:
            set_(self, "title", Text.coerce(self.title))
            set_(self, "description", Text.coerce(self.description))
        except TypeError:
            raise SchemaError("title and description are texts in Finnish and/or English, e.g. "
                              "Text(fi='…', en='…') or {'fi': '…'}", where=f"{self.id}.title") from None
        if not self.title:
            raise SchemaError("an improvement needs a title in Finnish or English", where=f"{self.id}.title")
        for name in ("touchpoints", "principles", "pain_points"):
            value = getattr(self, name)
            set_(self, name, (value,) if isinstance(value, str) else tuple(value or ()))
        if not isinstance(self.score_change, Mapping):
            raise SchemaError(f"{self.score_change!r} is not a mapping of principle to change, e.g. {{'V': 2}}",
                              where=f"{self.id}.score_change")
        bad = [p for p in (*self.principles, *self.score_change) if p not in PRINCIPLES]
        if bad:
            raise SchemaError(f"{bad[0]!r} is not a principle (expected A, R, V, O)", where=f"{self.id}.principles")
        set_(self, "score_change", {p: check_number(v, -4, 4, f"{self.id}.score_change.{p}", optional=False)
                                    for p, v in self.score_change.items()})
        set_(self, "emotion_change", check_number(self.emotion_change, -6, 6, f"{self.id}.emotion_change",
                                                  optional=False))
        set_(self, "drop_out_reduction", check_number(self.drop_out_reduction, 0, 1,
                                                      f"{self.id}.drop_out_reduction", optional=False))
        for name in ("impact", "effort", "confidence"):
            set_(self, name, check_number(getattr(self, name), 1, 5, f"{self.id}.{name}", optional=False, whole=True))
        set_(self, "effort_days", check_number(self.effort_days, 0, math.inf, f"{self.id}.effort_days"))
        if self.status not in STATUSES:
            raise SchemaError(f"{self.status!r} is not a status (expected {', '.join(STATUSES)})",
                              where=f"{self.id}.status")
        set_(self, "due", _due_date(self.due, self.id))

    def to_dict(self) -> dict:
        """The JSON form kept in the journey file."""
        data = asdict(self)
        data.update(title=self.title.as_dict(), description=self.description.as_dict(),
                    touchpoints=list(self.touchpoints), principles=list(self.principles),
                    pain_points=list(self.pain_points), score_change=dict(self.score_change),
                    due=self.due.isoformat() if self.due else None)
        return {k: v for k, v in data.items() if v not in (None, "", [], {})}

    @classmethod
    def from_dict(cls, data: Mapping) -> Improvement:
        known = {f for f in cls.__dataclass_fields__}
        unknown = sorted(set(data) - known)
        if unknown:
            raise SchemaError(f"unknown field {unknown[0]!r} (expected: {', '.join(sorted(known))})",
                              where=str(data.get("id", "improvement")))
        return cls(**data)


def _due_date(value, improvement_id: str) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise SchemaError(f"{value!r} is not a date (write 2026-12-31)", where=f"{improvement_id}.due")


def improvements(journey: Journey) -> list[Improvement]:
    """The journey's improvements as dataclasses (from its improvements section).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> [i.id for i in sp.improvements(j)]
    ['saved-card', 'pay-error-message', 'costs-upfront', 'complaint-follow-up', 'pay-reward-game']
    >>> sp.add_improvement(j, sp.Improvement("one-click", sp.Text(fi="Yhden klikkauksen tilaus"), ("pay",)))
    >>> sp.improvements(j)[-1].id, j.improvements[-1]["touchpoints"]
    ('one-click', ['pay'])
    """
    out = []
    for i, data in enumerate(journey.improvements):
        try:
            out.append(Improvement.from_dict(data))
        except (SchemaError, TypeError) as exc:
            raise SchemaError(str(exc), where=f"improvements[{i}]") from None
    return out


def add_improvement(journey: Journey, improvement: Improvement) -> None:
    """Add an improvement to the journey's plan; its touchpoints must exist and its id be new.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> sp.add_improvement(j, sp.Improvement("x", sp.Text(en="Ask less"), ("nowhere",)))
    Traceback (most recent call last):
    ...
    servicepath.errors.UnknownIdError: improvement 'x' names 'nowhere', which is not a touchpoint
    """
    for tp in improvement.touchpoints:
        if tp not in journey.graph:
            raise UnknownIdError(f"improvement {improvement.id!r} names {tp!r}, which is not a touchpoint")
    if any(i.id == improvement.id for i in improvements(journey)):
        raise DuplicateIdError(f"there is already an improvement {improvement.id!r}", where="improvements")
    journey.improvements.append(improvement.to_dict())


def improvement_table(journey: Journey) -> pd.DataFrame:
    """The plan as a table: one row per improvement, in the order they were added.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.improvements.clear(); j.votes.clear()        # start a plan of our own
    >>> sp.add_improvement(j, sp.Improvement("one-click", sp.Text(en="Saved card"), ("pay",), owner="Maija"))
    >>> sp.improvement_table(j)[["id", "title_en", "owner", "status"]].to_dict("records")
    [{'id': 'one-click', 'title_en': 'Saved card', 'owner': 'Maija', 'status': 'idea'}]
    """
    columns = ["id", "title_fi", "title_en", "touchpoints", "principles", "impact", "effort", "confidence",
               "effort_days", "owner", "metric", "due", "status", "pain_points"]
    rows = [{
        "id": i.id, "title_fi": i.title.fi or "", "title_en": i.title.en or "",
        "touchpoints": ", ".join(i.touchpoints), "principles": ", ".join(i.principles), "impact": i.impact,
        "effort": i.effort, "confidence": i.confidence, "effort_days": i.effort_days, "owner": i.owner,
        "metric": i.metric, "due": i.due, "status": i.status, "pain_points": ", ".join(i.pain_points),
    } for i in improvements(journey)]
    return pd.DataFrame(rows, columns=columns)


def prioritise(journey: Journey, method: str = "quadrant", *, midpoint: float = 3) -> pd.DataFrame:
    """Rank the improvements; the method used is stored with the result.

    Parameters
    ----------
    method : {"quadrant", "ice", "rice"}
        ``quadrant``: impact/effort quadrants — quick win (impact ≥ midpoint,
        effort < midpoint), big bet, fill-in, money pit; ranked by quadrant in
        that order, then by impact ÷ effort within a quadrant. ``ice``: impact × confidence × ease
        (ease = 6 − effort), all 1…5. ``rice``: reach × impact × confidence
        ÷ effort, where reach is the share of customers who reach the
        improvement's touchpoints, confidence is 0.2…1 and effort is in
        person-days when given (else the 1…5 level).

    Returns
    -------
    DataFrame
        ``rank``, ``id``, ``title_fi``, ``title_en``, ``quadrant``, ``score``,
        ``impact``, ``effort``, ``confidence``, ``reach``, ``votes`` (dots
        given), ``method``; ``attrs["method"]`` holds the method too.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.improvements.clear(); j.votes.clear()        # start a plan of our own
    >>> sp.add_improvement(j, sp.Improvement("one-click", sp.Text(en="Saved card"), ("pay",), impact=5, effort=2))
    >>> sp.add_improvement(j, sp.Improvement("rebuild", sp.Text(en="New shop"), ("product",), impact=2, effort=5))
    >>> sp.prioritise(j)[["id", "quadrant"]].to_records(index=False).tolist()
    [('one-click', 'quick win'), ('rebuild', 'money pit')]
    """
    if method not in METHODS:
        raise ServicepathError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
    plan = improvements(journey)
    solved = chain(journey)
    reach_of = dict(zip(solved.order, solved.reach.tolist(), strict=True))
    votes = vote_results(journey).set_index("option")["dots"] if journey.votes else pd.Series(dtype=float)
    rows = []
    for imp in plan:
        reach = max((reach_of.get(tp, 0.0) for tp in imp.touchpoints), default=0.0)
        high_impact, high_effort = imp.impact >= midpoint, imp.effort >= midpoint
        quadrant = QUADRANTS[[(True, False), (True, True), (False, False), (False, True)].index(
            (high_impact, high_effort))]
        effort = imp.effort_days if imp.effort_days else imp.effort
        score = {
            "quadrant": imp.impact / imp.effort,
            "ice": imp.impact * imp.confidence * (6 - imp.effort),
            "rice": reach * imp.impact * (imp.confidence / 5) / effort if effort else math.inf,
        }[method]
        rows.append({"id": imp.id, "title_fi": imp.title.fi or "", "title_en": imp.title.en or "",
                     "quadrant": quadrant, "score": float(score), "impact": imp.impact, "effort": imp.effort,
                     "confidence": imp.confidence, "reach": reach, "votes": int(votes.get(imp.id, 0)),
                     "method": method})
    table = pd.DataFrame(rows, columns=["id", "title_fi", "title_en", "quadrant", "score", "impact", "effort",
                                        "confidence", "reach", "votes", "method"])
    keys = ["score", "votes"] if method != "quadrant" else ["_q", "score", "votes"]
    table["_q"] = -table["quadrant"].map({q: i for i, q in enumerate(QUADRANTS)})
    table = table.sort_values(keys, ascending=False, kind="stable").drop(columns="_q").reset_index(drop=True)
    table.insert(0, "rank", range(1, len(table) + 1))
    table.attrs["method"] = method
    return table


# -- dot voting -------------------------------------------------------------------------------
def dot_budget(options: int) -> int:
    """Dots per participant: a quarter of the options, rounded up (at least 1).

    Examples
    --------
    >>> dot_budget(10), dot_budget(3)
    (3, 1)
    """
    return max(1, math.ceil(options / 4))


def cast_votes(journey: Journey, participant: str, dots: Mapping[str, int], *, options: Iterable[str],
               budget: int | None = None) -> None:
    """Record one participant's dots (replacing their earlier vote) in the journey's votes section.

    ``options`` are the ids voted on (pain point or improvement ids); the
    budget defaults to :func:`dot_budget` of their number.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> ideas = ["pay-slow", "pay-methods", "pay-no-reassurance", "search-results", "product-delivery-time"]
    >>> sp.cast_votes(j, "Aino", {"pay-methods": 2}, options=ideas)
    >>> sp.cast_votes(j, "Eero", {"pay-methods": 1, "pay-slow": 1}, options=ideas)
    >>> sp.cast_votes(j, "Eero", {"pay-slow": 3}, options=ideas)
    Traceback (most recent call last):
    ...
    servicepath.errors.SchemaError: votes: Eero gave 3 dots; the budget is 2
    """
    options = list(options)
    budget = dot_budget(len(options)) if budget is None else budget
    if not isinstance(participant, str) or not participant.strip():
        raise SchemaError("a vote needs the participant's name or pseudonym", where="participant")
    for option, count in dots.items():
        if option not in options:
            raise UnknownIdError(f"{option!r} is not one of the options voted on")
        if not isinstance(count, int) or isinstance(count, bool) or count < 0:
            raise SchemaError(f"{count!r} dots for {option!r}: expected a whole number ≥ 0", where=participant)
    if sum(dots.values()) > budget:
        raise SchemaError(f"{participant} gave {sum(dots.values())} dots; the budget is {budget}",
                          where="votes")
    journey.votes[:] = [v for v in journey.votes if v.get("participant") != participant.strip()]
    journey.votes.extend({"participant": participant.strip(), "option": o, "dots": n}
                         for o, n in dots.items() if n)


def vote_results(journey: Journey) -> pd.DataFrame:
    """Dots per option, most first: ``rank``, ``option``, ``dots``, ``voters``.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.votes.clear()                                 # a vote of our own
    >>> sp.cast_votes(j, "Aino", {"a": 1}, options=["a", "b"])
    >>> sp.cast_votes(j, "Eero", {"a": 1}, options=["a", "b"])
    >>> sp.vote_results(j).to_dict("records")
    [{'rank': 1, 'option': 'a', 'dots': 2, 'voters': 2}]
    >>> sp.vote_results(sp.load_sample("webshop")).head(1).to_dict("records")   # the sample workshop's vote
    [{'rank': 1, 'option': 'pay-error-message', 'dots': 4, 'voters': 3}]
    """
    for i, vote in enumerate(journey.votes):
        dots = vote.get("dots")
        if not isinstance(dots, int) or isinstance(dots, bool) or dots < 0 or not vote.get("option"):
            raise SchemaError(f"{vote!r}: expected an option and a whole number of dots ≥ 0", where=f"votes[{i}]")
    votes = pd.DataFrame(journey.votes, columns=["participant", "option", "dots"])
    if votes.empty:
        return pd.DataFrame(columns=["rank", "option", "dots", "voters"])
    table = votes.groupby("option", sort=False).agg(dots=("dots", "sum"), voters=("participant", "nunique"))
    table = table.sort_values(["dots", "voters"], ascending=False, kind="stable").reset_index()
    table.insert(0, "rank", range(1, len(table) + 1))
    return table


# -- what-if ---------------------------------------------------------------------------------
def apply(journey: Journey, plan: Iterable[Improvement] | None = None) -> Journey:
    """A new journey as it would be with the improvements made; the original is not changed.

    Scores (the touchpoint's own and every rating) move by ``score_change``
    within 0…4, emotions by ``emotion_change`` within −3…+3, and
    ``drop_out_reduction`` sends that share of the leaving customers on,
    along the existing transitions in proportion to their shares. A principle
    or emotion nobody has scored stays unscored, and a touchpoint without
    onward transitions keeps its drop-out: there is nothing to move by.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> fix = sp.Improvement("easy-pay", sp.Text(en="Fewer steps"), ("pay",), score_change={"A": 2},
    ...                      emotion_change=2, drop_out_reduction=0.5)
    >>> after = sp.apply(j, [fix])
    >>> after.touchpoint("pay").emotion, j.touchpoint("pay").emotion
    (0, -2)
    """
    after = journey.copy()
    plan = improvements(journey) if plan is None else [
        imp if isinstance(imp, Improvement) else Improvement.from_dict(imp) for imp in plan]
    for imp in plan:
        for tp in imp.touchpoints:
            if tp not in after.graph:
                raise UnknownIdError(f"improvement {imp.id!r} names {tp!r}, which is not a touchpoint")
            _improve(after, tp, imp)
    return after


def _improve(journey: Journey, tp: str, imp: Improvement) -> None:
    attrs = journey.graph.nodes[tp]
    for p, change in imp.score_change.items():
        if attrs.get(p) is not None:
            attrs[p] = _clip(attrs[p] + change, SCORE_RANGE)
    journey.ratings[:] = [replace(r, value=_clip(r.value + imp.score_change.get(r.principle, 0), SCORE_RANGE))
                          if r.touchpoint == tp else r for r in journey.ratings]
    if imp.emotion_change and attrs.get("emotion") is not None:
        attrs["emotion"] = _clip(attrs["emotion"] + imp.emotion_change, EMOTION_RANGE)
    if imp.drop_out_reduction and attrs.get("final") is not True:
        edges = list(journey.graph.out_edges(tp, data=True))
        total = sum(a.get("share", 0) for _, _, a in edges)
        if total > 0:
            grow = (total + imp.drop_out_reduction * (1 - total)) / total
            for _, _, a in edges:
                a["share"] = min(1.0, a["share"] * grow)


def _clip(value: float, bounds: tuple[float, float]) -> float:
    clipped = min(max(value, bounds[0]), bounds[1])
    return int(clipped) if float(clipped).is_integer() else clipped


def compare(before: Journey, after: Journey) -> pd.DataFrame:
    """Every change between two journeys, matched by touchpoint id.

    Returns
    -------
    DataFrame
        ``measure``, ``id`` (touchpoint id, "stage <id>", or "journey"),
        ``before``, ``after``, ``change``. Measures per touchpoint: ``A``,
        ``R``, ``V``, ``O`` (effective scores), ``emotion``, ``reach``,
        ``dropped_out``; per stage and for the journey: ``A`` … ``O``
        (reach-weighted), ``arvo_index`` and ``arvo_index_unweighted``; for
        the journey also ``goal_probability``, ``completed``,
        ``dropped_out``, ``emotion_mean`` and ``remembered`` (peak–end) along
        the typical path. A touchpoint in one journey only has NaN on the
        other side. Rows that did not change are kept, so the table is complete.

    See Also
    --------
    compare_lived : the designed journey against the one customers lived (from event data).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> fix = sp.Improvement("easy-pay", sp.Text(en="Fewer steps"), ("pay",), drop_out_reduction=0.5)
    >>> diff = sp.compare(j, sp.apply(j, [fix])).set_index(["measure", "id"])
    >>> float(diff.loc[("goal_probability", "journey"), "change"]) > 0
    True
    """
    rows = _measures(before).merge(_measures(after), on=["measure", "id"], how="outer", suffixes=("_b", "_a"),
                                   sort=False)
    rows = rows.rename(columns={"value_b": "before", "value_a": "after"})
    rows["change"] = rows["after"] - rows["before"]
    return rows[["measure", "id", "before", "after", "change"]]


def _measures(journey: Journey) -> pd.DataFrame:
    from .experience import remembered_experience

    solved = chain(journey)
    scores = effective_scores(journey)
    rows = []
    for i, tp in enumerate(solved.order):
        for p in PRINCIPLES:
            rows.append(("touchpoint " + p, tp, scores.loc[tp, p]))
        emotion = journey.graph.nodes[tp].get("emotion")
        leave_out = 0.0 if journey.graph.nodes[tp].get("final") is True else solved.leave[i]
        rows += [("emotion", tp, np.nan if emotion is None else float(emotion)),
                 ("reach", tp, float(solved.reach[i])),
                 ("dropped_out", tp, float(solved.visits[i] * leave_out))]
    final = np.array([journey.graph.nodes[n].get("final") is True for n in solved.order])
    leaving = solved.visits * solved.leave
    total = score_journey(journey)
    for _, row in total[total["level"] != "touchpoint"].iterrows():
        where = "journey" if row["level"] == "journey" else f"stage {row['id']}"
        rows += [(p, where, float(row[p])) for p in PRINCIPLES]
        rows += [("arvo_index_unweighted", where, float(row["index_unweighted"]))]
        if row["level"] == "stage":
            rows += [("arvo_index", where, float(row["index"]))]
    rows += [
        ("arvo_index", "journey", float(total.loc[total["level"] == "journey", "index"].iloc[0])),
        ("goal_probability", "journey", goal_probability(journey) if journey.goals else np.nan),
        ("completed", "journey", float(leaving[final].sum())),
        ("dropped_out", "journey", float(leaving[~final].sum())),
    ]
    try:
        memory = remembered_experience(journey)
        rows += [("emotion_mean", "journey", memory.mean), ("remembered", "journey", memory.remembered)]
    except ServicepathError:
        rows += [("emotion_mean", "journey", np.nan), ("remembered", "journey", np.nan)]
    table = pd.DataFrame(rows, columns=["measure", "id", "value"])
    table["measure"] = table["measure"].str.removeprefix("touchpoint ")
    return table
