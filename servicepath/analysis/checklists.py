"""Checklists from the domain: the ten aftercare practices and service recovery in five steps."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import pandas as pd

from ..errors import SchemaError, UnknownIdError
from ..model.durations import parse_duration
from ..model.journey import Journey
from ..model.vocab import AFTERCARE_PRACTICES, PRINCIPLES, RECOVERY_STEPS
from .scoring import effective_scores

__all__ = [
    "AftercareCoverage", "aftercare_coverage", "answers_for", "attentiveness_check", "record_answers",
    "scores_from_answers", "service_recovery", "FOLLOW_UP_DAYS",
]

#: The follow-up of a complaint should come this many days after the fix (1–2 weeks).
FOLLOW_UP_DAYS = (7, 14)


def _tags(journey: Journey) -> dict[str, set[str]]:
    return {n: set(a.get("tags", "").split(",")) - {""} for n, a in journey.graph.nodes(data=True)}


@dataclass(frozen=True)
class AftercareCoverage:
    """Which of the ten aftercare practices the journey has.

    Attributes
    ----------
    table : DataFrame
        One row per practice, in the order of the domain: ``practice`` (tag),
        ``name_fi``, ``name_en``, ``present``, ``touchpoints`` (ids, comma
        separated) and the mean A.R.V.O. scores of those touchpoints.
    count : int
        How many of the ten are present (0…10).
    """

    table: pd.DataFrame
    count: int

    @property
    def missing(self) -> list[str]:
        return self.table.loc[~self.table["present"], "practice"].tolist()


def aftercare_coverage(journey: Journey) -> AftercareCoverage:
    """Check the journey against the ten aftercare practices (by their ``aftercare:*`` tags).

    Examples
    --------
    >>> import servicepath as sp
    >>> sp.aftercare_coverage(sp.load_sample("b2b-service")).count
    10
    >>> sp.aftercare_coverage(sp.load_sample("webshop")).count < 10
    True
    """
    from .library import AFTERCARE_PRACTICES as NAMES

    tags = _tags(journey)
    scores = effective_scores(journey)[list(PRINCIPLES)]
    rows = []
    for practice in AFTERCARE_PRACTICES:
        members = [n for n, t in tags.items() if practice in t]
        means = scores.loc[members].mean() if members else pd.Series(float("nan"), index=list(PRINCIPLES))
        rows.append({"practice": practice, "name_fi": NAMES[practice].fi, "name_en": NAMES[practice].en,
                     "present": bool(members), "touchpoints": ", ".join(members), **means.to_dict()})
    table = pd.DataFrame(rows)
    return AftercareCoverage(table, int(table["present"].sum()))


def service_recovery(journey: Journey) -> pd.DataFrame:
    """For every complaint touchpoint: are the five recovery steps there, in order, along its paths?

    From each touchpoint tagged ``complaint`` the steps are looked for one
    after the other (assure → listen → confirm → fix → follow-up), each
    among the touchpoints reachable from the step found before it.

    Returns
    -------
    DataFrame
        One row per complaint touchpoint: ``complaint``, ``steps_found``
        (0…5), ``missing`` (step tags, comma separated), ``out_of_order``
        (missing steps that are there, but not in order), ``path`` (the step
        touchpoints found, in order), ``follow_up_days`` (from the fix to the
        follow-up by the transitions' durations, NaN if unknown) and
        ``follow_up_in_time`` (1–2 weeks, as the practice advises).

    Examples
    --------
    >>> import servicepath as sp
    >>> row = sp.service_recovery(sp.load_sample("webshop")).iloc[0]
    >>> row["complaint"], int(row["steps_found"]), row["missing"]
    ('complaint', 5, '')
    """
    graph, tags = journey.graph, _tags(journey)
    rows = []
    for complaint in (n for n, t in tags.items() if "complaint" in t):
        found, missing, out_of_order = _recovery_steps(graph, tags, complaint)
        days = _follow_up_days(journey, tags, found)
        rows.append({
            "complaint": complaint, "steps_found": len(found), "missing": ", ".join(missing),
            "out_of_order": ", ".join(out_of_order), "path": " → ".join(found), "follow_up_days": days,
            "follow_up_in_time": bool(FOLLOW_UP_DAYS[0] <= days <= FOLLOW_UP_DAYS[1]) if days == days else False,
        })
    columns = ["complaint", "steps_found", "missing", "out_of_order", "path", "follow_up_days",
               "follow_up_in_time"]
    return pd.DataFrame(rows, columns=columns)


def _recovery_steps(graph: nx.DiGraph, tags: dict[str, set[str]], complaint: str):
    """Walk forward from the complaint, step by step, never back through where the walk has been.

    Returns the step touchpoints found in order, the steps missing, and those
    missing from the order that do exist somewhere after the complaint
    (done, but in the wrong order).
    """
    position, behind, found, missing = complaint, {complaint}, [], []
    for step in RECOVERY_STEPS:
        ahead = graph.subgraph(set(graph) - behind | {position})  # a loop cannot lead back to an earlier step
        reachable = nx.descendants(ahead, position)
        match = _nearest(ahead, position, [n for n in reachable if step in tags[n]])
        if match is None:
            missing.append(step)
        else:
            found.append(match)
            behind |= set(nx.shortest_path(ahead, position, match))
            position = match
    anywhere = nx.descendants(graph, complaint)
    out_of_order = [s for s in missing if any(s in tags[n] for n in anywhere)]
    return found, missing, out_of_order


def _nearest(graph: nx.DiGraph, source: str, candidates: list[str]) -> str | None:
    if not candidates:
        return None
    distance = nx.single_source_shortest_path_length(graph, source)
    return min(candidates, key=lambda n: (distance.get(n, 0), n))


def _follow_up_days(journey: Journey, tags: dict[str, set[str]], found: list[str]) -> float:
    fix = next((n for n in found if "recovery:fix" in tags[n]), None)
    follow = next((n for n in found if "recovery:follow-up" in tags[n]), None)
    if fix is None or follow is None:
        return float("nan")
    path = nx.shortest_path(journey.graph, fix, follow)
    total = 0.0
    for source, target in zip(path, path[1:], strict=False):
        duration = journey.graph.edges[source, target].get("duration")
        if duration is None:
            return float("nan")
        total += parse_duration(duration).total_seconds() / 86400
    return total


def attentiveness_check(answers: dict[str, bool | None] | None = None) -> pd.DataFrame:
    """The attentiveness questions (greet, listen, notice, the pizza case) for one touchpoint, with answers.

    Parameters
    ----------
    answers : mapping of question id to True (yes), False (no) or None (not asked yet)
        Answers to A.R.V.O. check questions may be among them (as
        :func:`answers_for` gives them) and are passed over.

    Returns
    -------
    DataFrame
        ``question``, ``principle`` (the A.R.V.O. principle a yes supports),
        ``text_fi``, ``text_en``, ``answer`` and ``to_fix`` (answered no).

    Examples
    --------
    >>> import servicepath as sp
    >>> table = sp.attentiveness_check({"attn-promise-kept": False})
    >>> table.loc[table["to_fix"], "question"].tolist()
    ['attn-promise-kept']
    """
    from .library import ATTENTIVENESS_QUESTIONS

    answers = dict(answers or {})
    known = {q.id for q in ATTENTIVENESS_QUESTIONS}
    other_questions = set(_questions()) - known  # A.R.V.O. answers kept beside them are passed over
    for question, answer in answers.items():
        if question in other_questions:
            continue
        if question not in known:
            raise UnknownIdError(f"no attentiveness question {question!r} (questions: {', '.join(sorted(known))})")
        if answer is not None and not isinstance(answer, bool):
            raise SchemaError("answers are True (yes), False (no) or None (not asked)", where=question)
    return pd.DataFrame([{
        "question": q.id, "principle": q.principle, "text_fi": q.text.fi, "text_en": q.text.en,
        "answer": answers.get(q.id), "to_fix": answers.get(q.id) is False,
    } for q in ATTENTIVENESS_QUESTIONS])


def _questions() -> dict:
    from .library import ATTENTIVENESS_QUESTIONS, CHECK_QUESTIONS

    return {q.id: q for q in (*ATTENTIVENESS_QUESTIONS, *(q for qs in CHECK_QUESTIONS.values() for q in qs))}


def record_answers(journey: Journey, touchpoint: str, answers: dict[str, bool | None], *, rater: str = "") -> None:
    """Keep answers to check questions (A.R.V.O. or attentiveness) on a touchpoint, in the journey file.

    A rater's new answer to a question replaces their earlier one.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> sp.record_answers(j, "pay", {"attn-promise-kept": False, "V-next-step": True}, rater="Aino")
    >>> sp.answers_for(j, "pay")
    {'attn-promise-kept': False, 'V-next-step': True}
    """
    from ..model.touchpoint import Answer

    if touchpoint not in journey.graph:
        raise UnknownIdError(f"no touchpoint {touchpoint!r} in this journey")
    known = _questions()
    new = []
    for question, answer in answers.items():
        if question not in known:
            raise UnknownIdError(f"no check question {question!r} (see servicepath.analysis.library)")
        new.append(Answer(touchpoint, question, answer, rater))
    replaced = {(a.touchpoint, a.question, a.rater) for a in new}
    journey.answers[:] = [a for a in journey.answers if (a.touchpoint, a.question, a.rater) not in replaced]
    journey.answers.extend(new)


def answers_for(journey: Journey, touchpoint: str, *, rater: str | None = None) -> dict[str, bool | None]:
    """The answers kept on a touchpoint, by question id (the last one per question; one rater's if given)."""
    return {a.question: a.answer for a in journey.answers
            if a.touchpoint == touchpoint and (rater is None or a.rater == rater)}


def scores_from_answers(journey: Journey) -> pd.DataFrame:
    """The A.R.V.O. level each touchpoint's answered check questions give (all raters' answers together).

    Returns
    -------
    DataFrame
        ``touchpoint``, ``principle``, ``answered``, ``yes``, ``level``
        (``round(4 × yes / answered)``, see :func:`score_from_answers`).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> sp.record_answers(j, "pay", {"V-next-step": True, "V-no-silent-waiting": False, "V-keep-in-touch": True})
    >>> sp.scores_from_answers(j).to_dict("records")
    [{'touchpoint': 'pay', 'principle': 'V', 'answered': 3, 'yes': 2, 'level': 3}]
    """
    from .library import CHECK_QUESTIONS

    arvo_questions = {q.id: q for qs in CHECK_QUESTIONS.values() for q in qs}
    rows = {}
    for a in journey.answers:
        question = arvo_questions.get(a.question)
        if question is None or a.answer is None:
            continue  # attentiveness questions and unanswered ones give no level
        answered, yes = rows.get((a.touchpoint, question.principle), (0, 0))
        rows[(a.touchpoint, question.principle)] = (answered + 1, yes + a.answer)
    table = pd.DataFrame([(tp, p, n, y, int(round(4 * y / n + 1e-9))) for (tp, p), (n, y) in rows.items()],
                         columns=["touchpoint", "principle", "answered", "yes", "level"])
    return table
