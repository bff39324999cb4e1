"""A.R.V.O. scores: several raters per touchpoint, and scores rolled up by stage and journey."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from ..errors import SchemaError, UnknownIdError
from ..model.journey import Journey
from ..model.touchpoint import check_number
from ..model.vocab import PRINCIPLES
from .markov import chain

__all__ = [
    "DISAGREEMENT_RANGE",
    "CRITICAL_WEIGHT",
    "effective_scores",
    "rating_summary",
    "score_from_answers",
    "score_journey",
    "touchpoint_weights",
    "weakest",
]

#: Raters disagree strongly when their scores of one principle span at least this much.
DISAGREEMENT_RANGE = 2
#: How much more a critical touchpoint (a moment of truth) weighs in the roll-ups.
CRITICAL_WEIGHT = 2.0


def score_from_answers(principle: str, answers: Mapping[str, bool | None] | Iterable[bool | None]) -> float | None:
    """The 0…4 level that yes/no answers to a principle's check questions give.

    Each "yes" is worth an equal part of the scale: ``round(4 × yes / answered)``.
    Unanswered questions (``None``) do not count; with none answered the
    principle stays unscored (``None``).

    Parameters
    ----------
    principle : {"A", "R", "V", "O"}
    answers : mapping of question id to bool, or a sequence of bools in question order

    Examples
    --------
    >>> score_from_answers("V", [True, True, False, None])
    3
    >>> score_from_answers("A", [None, None]) is None
    True
    """
    from .library import CHECK_QUESTIONS

    if principle not in PRINCIPLES:
        raise SchemaError(f"{principle!r} is not a principle (expected one of A, R, V, O)", where="principle")
    if isinstance(answers, Mapping):
        known = {q.id for q in CHECK_QUESTIONS[principle]}
        unknown = sorted(set(answers) - known)
        if unknown:
            raise UnknownIdError(f"no check question {unknown[0]!r} for {principle} "
                                 f"(questions: {', '.join(sorted(known))})")
        answers = answers.values()
    if isinstance(answers, (str, bytes)) or not hasattr(answers, "__iter__"):
        raise SchemaError("give the answers as a list (or a mapping by question id) of True, False or None",
                          where="answers")
    answers = list(answers)
    if len(answers) > len(CHECK_QUESTIONS[principle]):
        raise SchemaError(f"{len(answers)} answers for {len(CHECK_QUESTIONS[principle])} check questions of "
                          f"{principle}", where="answers")
    if any(a is not None and not isinstance(a, bool) for a in answers):
        raise SchemaError("answers are True (yes), False (no) or None (not answered)", where="answers")
    given = [a for a in answers if a is not None]
    if not given:
        return None
    return int(round(4 * sum(given) / len(given) + 1e-9))


def effective_scores(journey: Journey) -> pd.DataFrame:
    """Each touchpoint's A.R.V.O. scores: the raters' median where ratings exist, else its own.

    Returns
    -------
    DataFrame
        Index: touchpoint ids (journey order); columns ``A``, ``R``, ``V``,
        ``O`` (NaN = unscored) and ``rated`` (how many ratings went in).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.ratings.extend([sp.Rating("Aino", "pay", "R", 1), sp.Rating("Eero", "pay", "R", 4)])
    >>> float(sp.effective_scores(j).loc["pay", "R"])
    2.5
    """
    table = pd.DataFrame(
        [[attrs.get(p) for p in PRINCIPLES] for _, attrs in journey.graph.nodes(data=True)],
        index=pd.Index(list(journey.graph), name="id"), columns=list(PRINCIPLES), dtype=float,
    )
    table["rated"] = 0
    ratings = _ratings(journey)
    if not ratings.empty:
        medians = ratings.groupby(["touchpoint", "principle"])["value"].median().unstack()
        for principle in medians.columns:
            values = medians[principle].dropna()
            table.loc[values.index, principle] = values
        table["rated"] = ratings.groupby("touchpoint").size().reindex(table.index, fill_value=0)
    return table


def rating_summary(journey: Journey, *, disagreement: float = DISAGREEMENT_RANGE) -> pd.DataFrame:
    """Every rated (touchpoint, principle): how many raters, the median, the spread.

    ``disagree`` is true where the raters' scores span ``disagreement`` or more
    (default 2 on the 0…4 scale): those are the ones to talk through.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.ratings.extend([sp.Rating("Aino", "pay", "R", 1), sp.Rating("Eero", "pay", "R", 4)])
    >>> sp.rating_summary(j)[["touchpoint", "principle", "median", "range", "disagree"]].to_dict("records")
    [{'touchpoint': 'pay', 'principle': 'R', 'median': 2.5, 'range': 3.0, 'disagree': True}]
    """
    ratings = _ratings(journey)
    columns = ["touchpoint", "principle", "ratings", "median", "low", "high", "range", "disagree", "raters"]
    if ratings.empty:
        return pd.DataFrame(columns=columns)
    grouped = ratings.groupby(["touchpoint", "principle"], sort=False)
    table = grouped["value"].agg(ratings="size", median="median", low="min", high="max").reset_index()
    table["range"] = table["high"] - table["low"]
    table["disagree"] = table["range"] >= disagreement
    table["raters"] = grouped["rater"].agg(lambda r: ", ".join(sorted(set(r)))).to_numpy()
    return table[columns]


def _ratings(journey: Journey) -> pd.DataFrame:
    rows = [(r.rater, r.touchpoint, r.principle, float(r.value)) for r in journey.ratings]
    ratings = pd.DataFrame(rows, columns=["rater", "touchpoint", "principle", "value"])
    unknown = sorted(set(ratings["touchpoint"]) - set(journey.graph))
    if unknown:
        raise UnknownIdError(f"ratings name {unknown[0]!r}, which is not a touchpoint of this journey")
    return ratings


def touchpoint_weights(journey: Journey, *, by_reach: bool = True,
                       critical_weight: float = CRITICAL_WEIGHT) -> pd.Series:
    """The weight of each touchpoint in roll-ups: its reach (0…1), times ``critical_weight`` if critical.

    Examples
    --------
    >>> import servicepath as sp
    >>> weights = sp.touchpoint_weights(sp.load_sample("webshop"))
    >>> round(float(weights["search"]), 2), round(float(weights["pay"]), 2)  # pay is critical: 2 × its reach
    (0.7, 0.39)
    """
    critical_weight = check_number(critical_weight, 0, 1000, "critical_weight", optional=False)
    nodes = journey.graph.nodes
    if by_reach:
        solved = chain(journey)
        weights = pd.Series(solved.reach, index=solved.order)
    else:
        weights = pd.Series(1.0, index=list(journey.graph))
    critical = pd.Series({n: nodes[n].get("critical") is True for n in journey.graph})
    return weights.where(~critical, weights * critical_weight)


def score_journey(journey: Journey, *, by_reach: bool = True, critical_weight: float = CRITICAL_WEIGHT) -> pd.DataFrame:
    """A.R.V.O. scores per touchpoint, per stage and for the whole journey, in one table.

    Parameters
    ----------
    by_reach : bool
        Weight touchpoints by the share of customers who reach them (default),
        so a rarely visited touchpoint moves the stage's score less.
    critical_weight : float
        Extra weight of critical touchpoints (moments of truth), default 2.

    Returns
    -------
    DataFrame
        One row per touchpoint (``level`` = "touchpoint"), then per stage
        (``level`` = "stage", in map order), then one for the journey
        (``level`` = "journey"). Columns: ``level``, ``id``, ``stage``,
        ``A``, ``R``, ``V``, ``O`` (weighted means in the roll-ups),
        ``index`` (0…100: mean of the scored principles / 4 × 100),
        ``unscored`` (how many principles have no score) and
        ``unscored_principles`` (which, e.g. "R, O"), ``weight``, and the
        plain means beside the weighted ones: ``A_unweighted`` …
        ``index_unweighted``. A principle nobody scored is NaN and listed in
        ``unscored_principles`` — never silently averaged as zero. Where no
        customer reaches any touchpoint of a stage, its weighted means equal
        the plain ones.

    Examples
    --------
    >>> import servicepath as sp
    >>> table = sp.score_journey(sp.load_sample("webshop"))
    >>> table.groupby("level").size().to_dict()
    {'journey': 1, 'stage': 6, 'touchpoint': 20}
    >>> row = table[table["level"] == "journey"].iloc[0]
    >>> bool(0 <= row["index"] <= 100 and row["unscored"] == 0)
    True
    """
    scores = effective_scores(journey)[list(PRINCIPLES)]
    weights = touchpoint_weights(journey, by_reach=by_reach, critical_weight=critical_weight)
    stages = pd.Series({n: journey.graph.nodes[n].get("stage") for n in journey.graph})
    rows = [_row("stage", stage, stage, scores.loc[stages.index[stages == stage]], weights[stages == stage])
            for stage in journey.stage_ids]
    rows.append(_row("journey", "journey", "", scores, weights))
    return pd.concat([_touchpoint_rows(scores, stages, weights), pd.DataFrame(rows)], ignore_index=True)


def _touchpoint_rows(scores: pd.DataFrame, stages: pd.Series, weights: pd.Series) -> pd.DataFrame:
    """The touchpoint rows, all at once (a row at a time is slow for thousands)."""
    table = scores.copy()
    table.insert(0, "level", "touchpoint")
    table.insert(1, "id", scores.index)
    table.insert(2, "stage", stages.reindex(scores.index).to_numpy())
    table["index"] = scores.mean(axis=1) / 4 * 100
    missing = scores.isna()
    table["unscored"] = missing.sum(axis=1)
    table["unscored_principles"] = missing.apply(lambda row: ", ".join(p for p in PRINCIPLES if row[p]), axis=1)
    table["weight"] = weights.reindex(scores.index).to_numpy()
    for p in PRINCIPLES:
        table[f"{p}_unweighted"] = scores[p]
    table["index_unweighted"] = table["index"]
    return table.reset_index(drop=True)


def _row(level: str, row_id: str, stage: str, scores: pd.DataFrame, weights: pd.Series) -> dict:
    row: dict = {"level": level, "id": row_id, "stage": stage}
    weighted, plain = {}, {}
    for p in PRINCIPLES:
        scored = scores[p].notna()
        values, w = scores.loc[scored, p], weights[scored.to_numpy()]
        plain[p] = values.mean() if len(values) else np.nan
        weighted[p] = float(np.average(values, weights=w)) if w.sum() > 0 else plain[p]
    missing = [p for p in PRINCIPLES if np.isnan(weighted[p])]
    row.update(weighted)
    row["index"] = _index(weighted)
    row["unscored"] = len(missing)
    row["unscored_principles"] = ", ".join(missing)
    row["weight"] = float(weights.sum())
    row.update({f"{p}_unweighted": plain[p] for p in PRINCIPLES})
    row["index_unweighted"] = _index(plain)
    return row


def _index(scores: dict) -> float:
    scored = [v for v in scores.values() if not np.isnan(v)]
    return float(np.mean(scored) / 4 * 100) if scored else np.nan


def weakest(journey: Journey, n: int = 5) -> pd.DataFrame:
    """The ``n`` weakest (touchpoint, principle) pairs by reach-weighted gap to the top score 4.

    Columns: ``touchpoint``, ``principle``, ``score``, ``reach``, ``gap``
    (4 − score) and ``weighted_gap`` (gap × reach), largest first. Unscored
    pairs are left out.

    Examples
    --------
    >>> import servicepath as sp
    >>> sp.weakest(sp.load_sample("webshop"), 3)["touchpoint"].tolist()[:1]
    ['search']
    """
    if not isinstance(n, int) or n < 1:
        raise SchemaError(f"n is {n!r}; ask for at least one pair", where="n")
    scores = effective_scores(journey)[list(PRINCIPLES)]
    solved = chain(journey)
    reach_of = pd.Series(solved.reach, index=solved.order)
    long = scores.stack().dropna().rename("score").reset_index()
    long.columns = ["touchpoint", "principle", "score"]
    long["reach"] = long["touchpoint"].map(reach_of)
    long["gap"] = 4 - long["score"]
    long["weighted_gap"] = long["gap"] * long["reach"]
    ordered = long.sort_values(["weighted_gap", "gap"], ascending=False, kind="stable")
    return ordered.head(n).reset_index(drop=True)
