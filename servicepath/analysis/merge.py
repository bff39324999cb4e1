"""One journey from many: the workshop groups' journeys merged, with where the groups agree and disagree.

Each group of a workshop session works on its own copy of the journey. Here the
copies come together: touchpoints are matched across the groups (the same id, or
the same name in the same stage), each group's A.R.V.O. scores become that
group's ratings of the merged touchpoint (so the median across the groups and
their spread come from the ordinary scoring), and pain points, improvements and
dot votes are pooled.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

import pandas as pd

from ..errors import SchemaError
from ..i18n import label
from ..model.journey import Journey
from ..model.touchpoint import Answer, Arvo, PainPoint, Rating, Stage, Touchpoint, Transition
from ..model.vocab import PRINCIPLES
from .improvements import Improvement, improvements, vote_results
from .scoring import DISAGREEMENT_RANGE, effective_scores

__all__ = [
    "MATCH_COLUMNS", "AGREEMENT_COLUMNS", "POOLED_PAIN_COLUMNS", "POOLED_IMPROVEMENT_COLUMNS",
    "GroupMerge", "match_touchpoints", "merge_journeys", "group_agreement", "merge_groups",
]

#: Columns of :func:`match_touchpoints`.
MATCH_COLUMNS = ("touchpoint", "group", "group_touchpoint", "matched_by")
#: Columns of :func:`group_agreement`.
AGREEMENT_COLUMNS = ("touchpoint", "stage", "principle", "groups", "median", "low", "high", "spread", "agree",
                     "scores")
#: Columns of :attr:`GroupMerge.pain_points`.
POOLED_PAIN_COLUMNS = ("touchpoint", "id", "text_fi", "text_en", "severity", "frequency", "groups", "group_ids")
#: Columns of :attr:`GroupMerge.improvements`.
POOLED_IMPROVEMENT_COLUMNS = ("id", "title_fi", "title_en", "touchpoints", "groups", "group_ids", "dots", "voters")

#: Shares are rounded to this many decimals, so the median of 0.9 and 0.8 is 0.85, not 0.8500000000000001.
_DECIMALS = 10


@dataclass
class GroupMerge:
    """Everything :func:`merge_groups` finds: the merged journey and the tables behind it.

    Attributes
    ----------
    journey : Journey
        The merged journey (see :func:`merge_journeys`).
    matches : DataFrame
        Which group touchpoint went into which merged one (:data:`MATCH_COLUMNS`).
    agreement : DataFrame
        Where the groups agree and disagree (see :func:`group_agreement`).
    pain_points : DataFrame
        The pooled pain points (:data:`POOLED_PAIN_COLUMNS`): ``groups`` is how
        many groups named the point, ``group_ids`` which.
    improvements : DataFrame
        The pooled improvements (:data:`POOLED_IMPROVEMENT_COLUMNS`), most dots first.
    """

    journey: Journey
    matches: pd.DataFrame
    agreement: pd.DataFrame
    pain_points: pd.DataFrame
    improvements: pd.DataFrame


def match_touchpoints(journeys: Mapping[str, Journey]) -> pd.DataFrame:
    """Which touchpoints of the groups are the same one.

    Two touchpoints are the same when they have the same id, or the same name
    (case and spaces at the ends ignored, in Finnish or in English) in the
    same stage. A name in another stage is another touchpoint. Groups are
    read in order; a touchpoint no earlier group has is new and keeps its id.
    One group's touchpoints never go into the same merged touchpoint twice.

    Parameters
    ----------
    journeys : mapping of group id to Journey
        In group order, e.g. ``Session.journeys()``.

    Returns
    -------
    DataFrame
        :data:`MATCH_COLUMNS`: ``touchpoint`` (the merged id), ``group``,
        ``group_touchpoint`` (its id in that group), ``matched_by`` (``"id"``
        or ``"name"``); ordered by merged touchpoint, then group.

    Examples
    --------
    >>> import servicepath as sp
    >>> one, two = sp.load_sample("webshop"), sp.load_sample("webshop")
    >>> two.rename_touchpoint("pay", "payment")            # another id, the same name and stage
    >>> table = match_touchpoints({"group-1": one, "group-2": two})
    >>> table[table["touchpoint"] == "pay"].to_dict("records")[1]
    {'touchpoint': 'pay', 'group': 'group-2', 'group_touchpoint': 'payment', 'matched_by': 'name'}
    """
    return _Matching(_checked(journeys)).table()


def merge_journeys(journeys: Mapping[str, Journey]) -> Journey:
    """One journey from the groups' journeys.

    - Touchpoints: the union, matched as in :func:`match_touchpoints`; the
      first group that has a touchpoint gives its name, lane, channel, owner,
      description, tags, critical and final marks and notes.
    - Stages: the union, in order (a stage one group added comes after the
      stage it follows in that group's journey).
    - Scores: each group's A.R.V.O. score of a touchpoint (its raters' median
      where the group rated, else its own score) becomes a rating with the
      group's id as the rater, so :func:`effective_scores` gives the median
      across the groups and :func:`rating_summary` their spread. The merged
      touchpoint's own score is that median too.
    - Emotion: the median across the groups that recorded one.
    - Transitions: the median share (and volume and duration) across the
      groups that have the transition; where a touchpoint's medians sum over 1
      they are scaled down to sum to 1. Entry shares: the median across the
      groups where customers start there, scaled to sum to 1.
    - Pain points: pooled per touchpoint; the same text (either language,
      case ignored) is one pain point, whose severity and frequency are the
      groups' medians rounded half up. How many groups named each is noted
      in the touchpoint's notes (when there is more than one group).
    - Improvements: pooled; the same title is one improvement (the first
      group's, naming every group's touchpoints). Dot votes are kept, each
      participant named with their group (``group-1 · Aino``), so the dots of
      an improvement add up across the groups.
    - Goals, check-question answers: the union, with answers' raters named with their group.

    The merged journey validates (:func:`servicepath.validate` reports no
    errors) whenever the groups' journeys do.

    Examples
    --------
    >>> import servicepath as sp
    >>> one, two = sp.load_sample("webshop"), sp.load_sample("webshop")
    >>> _ = one.update_touchpoint("pay", arvo=sp.Arvo(A=2), emotion=-1)
    >>> _ = two.update_touchpoint("pay", arvo=sp.Arvo(A=4), emotion=-3)
    >>> merged = merge_journeys({"group-1": one, "group-2": two})
    >>> float(sp.effective_scores(merged).loc["pay", "A"]), merged.touchpoint("pay").emotion
    (3.0, -2)
    >>> [e.message for e in sp.validate(merged) if e.level == "error"]
    []
    """
    journeys = _checked(journeys)
    return _merge(journeys, _Matching(journeys)).journey


def group_agreement(journeys: Mapping[str, Journey]) -> pd.DataFrame:
    """Where the groups agree and disagree on the A.R.V.O. scores of the merged touchpoints.

    Returns
    -------
    DataFrame
        :data:`AGREEMENT_COLUMNS`, one row per merged touchpoint and principle
        some group scored: ``groups`` (how many scored it), ``median``,
        ``low``, ``high``, ``spread`` (high − low), ``agree`` and ``scores``
        (each group's score, as text). ``agree`` is false where the spread is
        :data:`~servicepath.analysis.scoring.DISAGREEMENT_RANGE` points or more
        — the same rule that marks raters who disagree. Biggest disagreement
        first, then in map order.

    Examples
    --------
    >>> import servicepath as sp
    >>> one, two = sp.load_sample("webshop"), sp.load_sample("webshop")
    >>> _ = one.update_touchpoint("pay", arvo=sp.Arvo(A=2, R=1))
    >>> _ = two.update_touchpoint("pay", arvo=sp.Arvo(A=4, R=1))
    >>> table = group_agreement({"group-1": one, "group-2": two})
    >>> table[["touchpoint", "principle", "median", "spread", "agree"]].head(1).to_dict("records")
    [{'touchpoint': 'pay', 'principle': 'A', 'median': 3.0, 'spread': 2.0, 'agree': False}]
    """
    return _agreement(merge_journeys(journeys), list(_checked(journeys)))


def merge_groups(journeys: Mapping[str, Journey]) -> GroupMerge:
    """The merged journey with its matches, agreement table and pooled pain points and improvements.

    One pass for the facilitator's view and ``servicepath workshop collect``;
    the parts are what :func:`merge_journeys`, :func:`match_touchpoints` and
    :func:`group_agreement` give.

    Examples
    --------
    >>> import servicepath as sp
    >>> result = merge_groups({"group-1": sp.load_sample("webshop"), "group-2": sp.load_sample("webshop")})
    >>> len(result.journey), int(result.pain_points["groups"].max()), bool(result.agreement["agree"].all())
    (20, 2, True)
    """
    journeys = _checked(journeys)
    merged = _merge(journeys, _Matching(journeys))
    merged.agreement = _agreement(merged.journey, list(journeys))
    return merged


# -- matching ---------------------------------------------------------------------------------------
def _checked(journeys: Mapping[str, Journey]) -> dict[str, Journey]:
    if not isinstance(journeys, Mapping):
        raise SchemaError("give the journeys as a mapping of group id to journey, e.g. Session.journeys()",
                          where="journeys")
    if not journeys:
        raise SchemaError("there are no groups' journeys to merge (expected at least one)", where="journeys")
    for group, journey in journeys.items():
        if not isinstance(journey, Journey):
            raise SchemaError(f"group {group!r} gave {type(journey).__name__}, not a Journey", where="journeys")
    return dict(journeys)


def _key(text) -> str:
    """A text as matching compares it: case folded, spaces at the ends and runs of spaces ignored."""
    return " ".join(str(text).split()).casefold() if text else ""


def _keys(*texts) -> set[str]:
    return {_key(t) for t in texts} - {""}


class _Matching:
    """The merged touchpoint ids, where each came from first, and every group touchpoint's merged id."""

    def __init__(self, journeys: dict[str, Journey]):
        self.order: list[str] = []                       # merged ids, in the order they were met
        self.source: dict[str, tuple[str, str]] = {}     # merged id → (group, its id there) that gave it
        self.ids: dict[str, dict[str, str]] = {}         # group → its touchpoint id → merged id
        self.how: dict[tuple[str, str], str] = {}        # (group, its id) → "id" or "name"
        self.having: dict[str, list[tuple[str, str]]] = {}  # merged id → (group, its id) of every group with it
        names: dict[str, set[str]] = {}
        in_stage: dict[str, list[str]] = {}
        for group, journey in journeys.items():
            self.ids[group] = mapping = {}
            nodes = journey.graph.nodes
            ordered = journey.touchpoints["id"].tolist()
            for tp in ordered:  # an id match first, so a name match never takes a touchpoint its id claims
                if tp in self.source:
                    mapping[tp] = tp
                    self.how[group, tp] = "id"
                    names[tp] |= _keys(nodes[tp].get("name_fi"), nodes[tp].get("name_en"))
            taken = set(mapping.values())
            for tp in ordered:
                if tp in mapping:
                    continue
                attrs = nodes[tp]
                keys, stage = _keys(attrs.get("name_fi"), attrs.get("name_en")), attrs.get("stage")
                same = next((m for m in in_stage.get(stage, []) if m not in taken and names[m] & keys), None)
                if same is None:
                    same = tp
                    self.order.append(tp)
                    self.source[tp] = (group, tp)
                    names[tp] = set()
                    in_stage.setdefault(stage, []).append(tp)
                    self.how[group, tp] = "id"
                else:
                    self.how[group, tp] = "name"
                mapping[tp] = same
                taken.add(same)
                names[same] |= keys
            for tp, m in mapping.items():
                self.having.setdefault(m, []).append((group, tp))

    def table(self) -> pd.DataFrame:
        position = {m: i for i, m in enumerate(self.order)}
        rows = [(m, group, tp, self.how[group, tp])
                for group, mapping in self.ids.items() for tp, m in mapping.items()]
        rows.sort(key=lambda row: position[row[0]])  # stable: groups stay in order within a touchpoint
        return pd.DataFrame(rows, columns=list(MATCH_COLUMNS))



# -- merging ----------------------------------------------------------------------------------------
@dataclass
class _Pool:
    """A pooled pain point or improvement: what the first group wrote, and which groups had it."""

    keys: set[str]
    item: object
    groups: list[str] = field(default_factory=list)
    severities: list[int] = field(default_factory=list)
    frequencies: list[int] = field(default_factory=list)


class _Ids:
    """Pain point and improvement ids of the merged journey: a group's own id where it is free."""

    def __init__(self):
        self.taken: set[str] = set()

    def claim(self, wanted: str | None) -> str | None:
        if wanted is None:
            return None
        new, n = wanted, 1
        while new in self.taken:
            n += 1
            new = f"{wanted}-{n}"[-100:]
        self.taken.add(new)
        return new


def _merge(journeys: dict[str, Journey], matching: _Matching) -> GroupMerge:
    first = next(iter(journeys.values()))
    merged = Journey(first.title, persona=first.persona, languages=first.languages or ("fi", "en"),
                     stages=_stages(journeys.values()))
    lang = merged.languages[0] if merged.languages and merged.languages[0] in ("fi", "en") else "fi"
    scores = {group: effective_scores(journey) for group, journey in journeys.items()}
    ids = _Ids()
    pain_ids: dict[str, dict[str, str]] = {group: {} for group in journeys}  # group → its pain id → merged id
    pooled_pains = []
    entries = {}
    for m in matching.order:
        having = matching.having[m]
        group, tp = matching.source[m]
        base = Touchpoint.from_attrs(tp, journeys[group].graph.nodes[tp])
        arvo, ratings = _scores(m, having, scores)
        merged.ratings.extend(ratings)
        pains, pools = _pool_pains(m, having, journeys, ids, pain_ids)
        pooled_pains += [(m, pool) for pool in pools]
        notes = _pain_notes(base.notes, pools, len(journeys), lang)
        starts = [journeys[g].graph.nodes[t].get("entry_share", 0.0) for g, t in having]
        entries[m] = _median([s for s in starts if s > 0]) or 0.0
        merged.add_touchpoint(replace(base, id=m, arvo=arvo, emotion=_median(
            [journeys[g].graph.nodes[t].get("emotion") for g, t in having]), pain_points=pains, notes=notes))
    _entry_shares(merged, entries)
    _transitions(merged, journeys, matching)
    for group, journey in journeys.items():
        mapping = matching.ids[group]
        merged.goals.extend(mapping[g] for g in journey.goals if g in mapping and mapping[g] not in merged.goals)
        merged.answers.extend(Answer(mapping[a.touchpoint], a.question, a.answer, _named(group, a.rater))
                              for a in journey.answers if a.touchpoint in mapping)
    plan = _pool_improvements(merged, journeys, matching, ids, pain_ids)
    return GroupMerge(merged, matching.table(), pd.DataFrame(columns=list(AGREEMENT_COLUMNS)),
                      _pain_table(pooled_pains), _improvement_table(merged, plan))


def _stages(journeys: Iterable[Journey]) -> list[Stage]:
    """Every group's stages, in order: a stage new to the merge comes right after the one it follows."""
    merged: list[Stage] = []
    for journey in journeys:
        known = [s.id for s in merged]
        listed = list(journey.stages)
        listed += [Stage(s) for s in dict.fromkeys(a.get("stage") for _, a in journey.graph.nodes(data=True))
                   if isinstance(s, str) and s.strip() and s not in journey.stage_ids]
        after = -1
        for stage in listed:
            if stage.id in known:
                after = known.index(stage.id)
                continue
            after += 1
            merged.insert(after, stage)
            known.insert(after, stage.id)
    return merged


def _median(values: Iterable) -> float | int | None:
    """The median of the values that are there (None when none is), as a plain number."""
    present = [v for v in values if v is not None and not (isinstance(v, float) and math.isnan(v))]
    if not present:
        return None
    middle = round(float(statistics.median(present)), _DECIMALS)
    return int(middle) if middle.is_integer() else middle


def _named(group: str, who: str) -> str:
    return f"{group} · {who}" if who else group


def _scores(m: str, having: list[tuple[str, str]], scores: dict[str, pd.DataFrame]) -> tuple[Arvo, list[Rating]]:
    ratings = []
    for group, tp in having:
        for p in PRINCIPLES:
            value = scores[group].loc[tp, p]
            if not math.isnan(value):
                ratings.append(Rating(group, m, p, _median([value])))
    medians = {p: _median(r.value for r in ratings if r.principle == p) for p in PRINCIPLES}
    return Arvo(**medians), ratings


def _pool_pains(m, having, journeys, ids: _Ids, pain_ids) -> tuple[tuple[PainPoint, ...], list[_Pool]]:
    pools: list[_Pool] = []
    for group, tp in having:
        for pain in Touchpoint.from_attrs(tp, journeys[group].graph.nodes[tp]).pain_points:
            keys = _keys(pain.text.fi, pain.text.en)
            pool = next((p for p in pools if p.keys & keys), None)
            if pool is None:
                pool = _Pool(set(), replace(pain, id=ids.claim(pain.id)))
                pools.append(pool)
            elif pool.item.id is None and pain.id is not None:
                pool.item = replace(pool.item, id=ids.claim(pain.id))
            pool.keys |= keys
            if group not in pool.groups:
                pool.groups.append(group)
            pool.severities.append(pain.severity)
            pool.frequencies.append(pain.frequency)
            if pain.id is not None:
                pain_ids[group][pain.id] = pool.item.id
    for pool in pools:
        pool.item = replace(pool.item, severity=_half_up(pool.severities), frequency=_half_up(pool.frequencies))
    # a pain point that got its id from a later group: the earlier groups' ids (none) need no mapping
    return tuple(pool.item for pool in pools), pools


def _half_up(values: list[int]) -> int:
    return int(math.floor(statistics.median(values) + 0.5))


def _pain_notes(notes: str, pools: list[_Pool], groups: int, lang: str) -> str:
    if groups < 2 or not pools:
        return notes
    lines = [label("merge.pain_note", lang).format(text=pool.item.text.get(lang), count=len(pool.groups),
                                                   total=groups, groups=", ".join(pool.groups))
             for pool in pools]
    return "\n".join([notes, *lines] if notes else lines)


def _entry_shares(merged: Journey, entries: dict[str, float]) -> None:
    total = sum(entries.values())
    for m, share in entries.items():
        value = round(share / total, _DECIMALS) if total > 0 else 0.0
        merged.graph.nodes[m]["entry_share"] = int(value) if float(value).is_integer() else value


def _transitions(merged: Journey, journeys: dict[str, Journey], matching: _Matching) -> None:
    found: dict[tuple[str, str], list[Transition]] = {}
    for group, journey in journeys.items():
        mapping = matching.ids[group]
        for source, target, attrs in journey.graph.edges(data=True):
            if source in mapping and target in mapping:
                edge = (mapping[source], mapping[target])
                found.setdefault(edge, []).append(Transition.from_attrs(source, target, attrs))
    shares = {edge: _median(t.share for t in ts) for edge, ts in found.items()}
    out: dict[str, float] = {}
    for (source, _), share in shares.items():
        out[source] = out.get(source, 0.0) + share
    for (source, target), ts in found.items():
        share = shares[source, target]
        if out[source] > 1:  # medians of different groups' splits can add up to more than everyone
            share = round(share / out[source], _DECIMALS)
        durations = sorted(t.duration for t in ts if t.duration is not None)
        merged.add_transition(source, target, share, volume=_median(t.volume for t in ts),
                              duration=statistics.median(durations) if durations else None)


def _pool_improvements(merged: Journey, journeys, matching: _Matching, ids: _Ids, pain_ids) -> list[_Pool]:
    pools: list[_Pool] = []
    option_ids: dict[str, dict[str, str]] = {}
    for group, journey in journeys.items():
        tps, pains = matching.ids[group], pain_ids[group]
        option_ids[group] = options = dict(pains)
        for imp in improvements(journey):
            keys = _keys(imp.title.fi, imp.title.en)
            pool = next((p for p in pools if p.keys & keys), None)
            named = tuple(tps[t] for t in imp.touchpoints if t in tps)
            answered = tuple(pains[p] for p in imp.pain_points if p in pains)
            if pool is None:
                pool = _Pool(set(), replace(imp, id=ids.claim(imp.id), touchpoints=(), pain_points=()))
                pools.append(pool)
            item: Improvement = pool.item
            pool.item = replace(item, touchpoints=tuple(dict.fromkeys((*item.touchpoints, *named))),
                                pain_points=tuple(dict.fromkeys((*item.pain_points, *answered))))
            pool.keys |= keys
            if group not in pool.groups:
                pool.groups.append(group)
            options[imp.id] = pool.item.id
        merged.votes.extend({"participant": _named(group, str(vote.get("participant", ""))),
                             "option": options.get(vote.get("option"), vote.get("option")), "dots": vote.get("dots")}
                            for vote in journey.votes)
    merged.improvements.extend(pool.item.to_dict() for pool in pools)
    return pools


def _pain_table(pooled: list[tuple[str, _Pool]]) -> pd.DataFrame:
    rows = [(m, pool.item.id or "", pool.item.text.fi or "", pool.item.text.en or "", pool.item.severity,
             pool.item.frequency, len(pool.groups), ", ".join(pool.groups)) for m, pool in pooled]
    return pd.DataFrame(rows, columns=list(POOLED_PAIN_COLUMNS))


def _improvement_table(merged: Journey, pools: list[_Pool]) -> pd.DataFrame:
    votes = vote_results(merged).set_index("option") if merged.votes else pd.DataFrame(columns=["dots", "voters"])
    rows = [(imp.id, imp.title.fi or "", imp.title.en or "", ", ".join(imp.touchpoints), len(pool.groups),
             ", ".join(pool.groups), int(votes["dots"].get(imp.id, 0)), int(votes["voters"].get(imp.id, 0)))
            for pool in pools for imp in [pool.item]]
    table = pd.DataFrame(rows, columns=list(POOLED_IMPROVEMENT_COLUMNS))
    return table.sort_values("dots", ascending=False, kind="stable").reset_index(drop=True)


# -- agreement --------------------------------------------------------------------------------------
def _agreement(merged: Journey, groups: list[str]) -> pd.DataFrame:
    ratings = pd.DataFrame([(r.rater, r.touchpoint, r.principle, float(r.value)) for r in merged.ratings],
                           columns=["group", "touchpoint", "principle", "value"])
    if ratings.empty:
        return pd.DataFrame(columns=list(AGREEMENT_COLUMNS))
    position = {g: i for i, g in enumerate(groups)}
    ratings = ratings.assign(_g=ratings["group"].map(position)).sort_values("_g", kind="stable")
    grouped = ratings.groupby(["touchpoint", "principle"], sort=False)
    table = grouped["value"].agg(groups="size", median="median", low="min", high="max").reset_index()
    table["spread"] = table["high"] - table["low"]
    table["agree"] = table["spread"] < DISAGREEMENT_RANGE
    texts: dict[tuple[str, str], list[str]] = {}
    for group, tp, p, value in ratings[["group", "touchpoint", "principle", "value"]].itertuples(index=False):
        texts.setdefault((tp, p), []).append(f"{group} {_median([value])}")
    table["scores"] = [", ".join(texts[tp, p]) for tp, p in zip(table["touchpoint"], table["principle"], strict=True)]
    order = merged.touchpoints[["id", "stage"]].reset_index(drop=True)
    table = table.merge(order.rename(columns={"id": "touchpoint"}), on="touchpoint", how="left")
    table["_tp"] = table["touchpoint"].map({tp: i for i, tp in enumerate(order["id"])})
    table["_p"] = table["principle"].map({p: i for i, p in enumerate(PRINCIPLES)})
    table = table.sort_values(["spread", "_tp", "_p"], ascending=[False, True, True], kind="stable")
    return table[list(AGREEMENT_COLUMNS)].reset_index(drop=True)
