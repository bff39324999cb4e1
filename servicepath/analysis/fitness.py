"""Customer-fitness results: area scores, levels, the gap to a target, actions, NPS.

Every function takes tables (pandas DataFrames) and returns tables or small
dataclasses. The answers table is what :meth:`servicepath.FitnessStore.answers`
returns: one row per person, round and item with the latest answer, columns
:data:`FITNESS_ANSWER_COLUMNS`.

Privacy: :func:`team_results` and :func:`fitness_trend` never return a
person's answers, and they hide a team's scores until at least
``min_respondents`` people have answered every area.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import SchemaError
from ..model import Journey
from ..model.fitness import (
    DEVELOPMENT_ACTIONS,
    FITNESS_AREAS,
    INTERVIEW_ANSWERS,
    LEVEL_BARS,
    check_level,
)

__all__ = [
    "FITNESS_ANSWER_COLUMNS", "FITNESS_PERSON_COLUMNS", "FITNESS_TEAM_COLUMNS", "INTERVIEW_SUMMARY_COLUMNS",
    "FITNESS_ACTION_COLUMNS",
    "MIN_RESPONDENTS", "Nps", "nps", "fitness_level", "level_gap", "person_results", "team_results",
    "fitness_trend", "development_actions", "interview_summary", "fitness_by_touchpoint", "FitnessReport",
    "fitness_report",
]

FITNESS_ANSWER_COLUMNS = ["round", "opened", "person", "team", "item", "area", "method", "value", "note", "answered_at"]
FITNESS_PERSON_COLUMNS = ["round", "opened", "person", "team", *FITNESS_AREAS, "answered", "level"]
FITNESS_TEAM_COLUMNS = ["round", "opened", "team", "respondents", "shown", *FITNESS_AREAS, "level", "target", "gap",
                "weakest"]
INTERVIEW_SUMMARY_COLUMNS = [
    "round", "team", "interviews",
    *(f"got_{a}" for a in INTERVIEW_ANSWERS), *(f"again_{a}" for a in INTERVIEW_ANSWERS),
    "recommend_answers", "promoters", "passives", "detractors", "nps",
]
FITNESS_ACTION_COLUMNS = ["action", "area", "way", "text"]
MIN_RESPONDENTS = 3
ORGANISATION = ""  # the team name of results over all teams together
_TOLERANCE = 1e-9  # a mean of 3.5 computed as 3.4999999999 still reaches GOOD


def fitness_level(scores: Mapping[str, float]) -> str | None:
    """The highest level whose bar every area reaches; ``None`` when an area has no score.

    The bars are :data:`~servicepath.model.fitness.LEVEL_BARS`: GOOD needs
    every area at 3.5 or more, EXCELLENT 4.0, VERY BEST 4.5. One weak area
    keeps the level down however strong the others are.

    Examples
    --------
    >>> fitness_level({"knowledge": 4.6, "skills": 4.5, "emotional-tone": 4.9})
    'very-best'
    >>> fitness_level({"knowledge": 5.0, "skills": 5.0, "emotional-tone": 3.4})
    'below-good'
    >>> fitness_level({"knowledge": 4.0, "skills": 4.0}) is None
    True
    """
    values = [scores.get(area) for area in FITNESS_AREAS]
    if any(v is None or (isinstance(v, float) and math.isnan(v)) for v in values):
        return None
    weakest = min(values)
    reached = "below-good"
    for level, bar in LEVEL_BARS.items():
        if weakest >= bar - _TOLERANCE:
            reached = level
    return reached


def level_gap(scores: Mapping[str, float], target: str) -> dict[str, float]:
    """How far each area is below the target level's bar (0 where it is reached).

    Examples
    --------
    >>> level_gap({"knowledge": 3.2, "skills": 4.1, "emotional-tone": 3.9}, "excellent")
    {'knowledge': 0.8, 'skills': 0.0, 'emotional-tone': 0.1}
    """
    check_level(target)
    bar = LEVEL_BARS.get(target, 0.0)
    gaps = {}
    for area in FITNESS_AREAS:
        value = scores.get(area)
        missing = value is None or (isinstance(value, float) and math.isnan(value))
        gaps[area] = math.nan if missing else round(max(0.0, bar - value), 6)
    return gaps


@dataclass(frozen=True)
class Nps:
    """The Net Promoter Score of a set of 0…10 answers.

    ``score`` is % promoters (9–10) − % detractors (0–6) of everyone who
    answered, passives (7–8) included in the denominator; ``None`` when
    nobody answered.
    """

    promoters: int
    passives: int
    detractors: int

    @property
    def respondents(self) -> int:
        return self.promoters + self.passives + self.detractors

    @property
    def score(self) -> float | None:
        if not self.respondents:
            return None
        return 100.0 * (self.promoters - self.detractors) / self.respondents


def nps(answers: Iterable) -> Nps:
    """Count promoters, passives and detractors in 0…10 answers (missing ones are skipped).

    Examples
    --------
    >>> result = nps([10, 9, 8, 7, 6, 0])
    >>> result.promoters, result.passives, result.detractors, round(result.score, 1)
    (2, 2, 2, 0.0)
    >>> nps([]).score is None
    True
    """
    values = pd.to_numeric(pd.Series(list(answers), dtype=object), errors="raise").dropna()
    if ((values < 0) | (values > 10) | (values != values.round())).any():
        bad = values[(values < 0) | (values > 10) | (values != values.round())].iloc[0]
        raise SchemaError(f"{bad!r} is not a recommendation (expected a whole number 0…10)", where="recommend")
    return Nps(int((values >= 9).sum()), int(values.between(7, 8).sum()), int((values <= 6).sum()))


def _ordered(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    return frame.sort_values(keys, kind="stable").reset_index(drop=True)


def person_results(answers: pd.DataFrame) -> pd.DataFrame:
    """Each person's area scores (the mean of their answers in the area) and level, per round.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FITNESS_PERSON_COLUMNS`: ``round``, ``opened``, ``person``,
        ``team``, one column per area (1…5, NaN when the area has no answer),
        ``answered`` (items answered) and ``level`` (None until every area
        has an answer).
    """
    _check_columns(answers, ["round", "opened", "person", "team", "area", "value"])
    keys = ["round", "opened", "person", "team"]
    if answers.empty:
        return pd.DataFrame(columns=FITNESS_PERSON_COLUMNS)
    means = answers.pivot_table(index=keys, columns="area", values="value", aggfunc="mean", observed=True)
    means = means.reindex(columns=list(FITNESS_AREAS)).astype(float)
    means["answered"] = answers.groupby(keys, observed=True)["value"].size()
    result = means.reset_index()
    result.columns.name = None
    result["level"] = _levels(result)
    return _ordered(result[FITNESS_PERSON_COLUMNS], ["opened", "round", "team", "person"])


def _levels(frame: pd.DataFrame) -> list[str | None]:
    # Vectorised fitness_level: the weakest area against each bar.
    weakest = frame[list(FITNESS_AREAS)].min(axis=1, skipna=False).to_numpy()
    levels = np.full(len(frame), "below-good", dtype=object)
    for level, bar in LEVEL_BARS.items():
        levels[weakest >= bar - _TOLERANCE] = level
    levels[np.isnan(weakest)] = None
    return list(levels)


def team_results(answers: pd.DataFrame, *, targets: Mapping[str, str] | None = None,
                 min_respondents: int = MIN_RESPONDENTS, organisation: bool = False) -> pd.DataFrame:
    """Each team's result per round, shown only when enough people answered.

    A respondent is a person with at least one answer in every area. A
    team's area score is the mean of its respondents' area scores (each
    person counts once, however many items they answered). When fewer than
    ``min_respondents`` people responded, ``shown`` is False and the scores,
    level and gap are empty: nobody can work out a colleague's answers.

    Parameters
    ----------
    answers : pandas.DataFrame
        Latest answers, columns :data:`FITNESS_ANSWER_COLUMNS`.
    targets : mapping of team to level, optional
        Each team's chosen target level (default ``"good"``).
    min_respondents : int
        The privacy threshold, 3 unless the organisation chose otherwise.
    organisation : bool
        Add a row per round for all teams together (team ``""``).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FITNESS_TEAM_COLUMNS`; ``gap`` is the largest shortfall below
        the target's bar and ``weakest`` the area with the lowest score.
    """
    if isinstance(min_respondents, bool) or not isinstance(min_respondents, int) or min_respondents < 1:
        raise SchemaError(f"{min_respondents!r} is not a privacy threshold (expected a whole number ≥ 1)",
                          where="min_respondents")
    people = person_results(answers)
    keys = ["round", "opened", "team"]
    if people.empty:
        return pd.DataFrame(columns=FITNESS_TEAM_COLUMNS)
    if organisation:
        people = pd.concat([people, _pooled(people, keys, min_respondents)], ignore_index=True)
    # Every round a team has answers in gets a row, even before anyone has answered every area.
    complete = people["level"].notna().rename("respondents")
    scores = people[list(FITNESS_AREAS)].where(complete, axis=0)
    grouped = pd.concat([people[keys], scores, complete], axis=1).groupby(keys, observed=True, sort=False)
    result = grouped[list(FITNESS_AREAS)].mean()
    result["respondents"] = grouped["respondents"].sum().astype("int64")
    result = result.reset_index()
    result["shown"] = result["respondents"] >= min_respondents
    result.loc[~result["shown"], list(FITNESS_AREAS)] = math.nan
    result["level"] = _levels(result)
    targets = dict(targets or {})
    result["target"] = [check_level(targets.get(team, "good"), f"target level of team {team!r}")
                        for team in result["team"]]
    bars = result["target"].map(LEVEL_BARS).fillna(0.0)
    shortfall = (bars.to_numpy()[:, None] - result[list(FITNESS_AREAS)].to_numpy()).clip(min=0.0)
    result["gap"] = np.round(shortfall.max(axis=1), 6)
    scores = result[list(FITNESS_AREAS)].to_numpy()
    weakest = np.array(FITNESS_AREAS, dtype=object)[np.nan_to_num(scores, nan=np.inf).argmin(axis=1)]
    result["weakest"] = np.where(result["shown"], weakest, None)
    return _ordered(result[FITNESS_TEAM_COLUMNS], ["opened", "round", "team"])


def _pooled(people: pd.DataFrame, keys: list[str], min_respondents: int) -> pd.DataFrame:
    """The people of the teams shown in their round, as one organisation-wide team.

    A hidden team is left out: pooled in, its mean could be worked out from the
    organisation's row and the other teams' rows.
    """
    complete = people[people["level"].notna()]
    sizes = complete.groupby(keys, observed=True).size()
    shown_teams = sizes[sizes >= min_respondents].index
    in_shown = pd.MultiIndex.from_frame(people[keys].astype(object)).isin(shown_teams)
    pooled = people.assign(team=ORGANISATION)
    # Kept as rows (so the round still appears) but not as respondents.
    pooled.loc[~in_shown, [*FITNESS_AREAS, "level"]] = None
    return pooled


def fitness_trend(answers: pd.DataFrame, *, team: str | None = None, targets: Mapping[str, str] | None = None,
                  min_respondents: int = MIN_RESPONDENTS) -> pd.DataFrame:
    """One team's results round by round (all teams together when ``team`` is None).

    Returns the rows of :func:`team_results` for that team, oldest round first.
    """
    results = team_results(answers, targets=targets, min_respondents=min_respondents, organisation=team is None)
    wanted = ORGANISATION if team is None else team
    return results[results["team"] == wanted].reset_index(drop=True)


def development_actions(scores: Mapping[str, float], lang: str = "en") -> pd.DataFrame:
    """Suggested actions for the weakest area: one in each way of keeping fitness up.

    The ways are daily routines with customer feedback, onboarding and customer
    workshops, and well-being and atmosphere. Areas tied for weakest all get
    their actions; with no scores at all there is nothing to suggest.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FITNESS_ACTION_COLUMNS`: ``action`` (id), ``area``, ``way``, ``text`` in ``lang``.

    Examples
    --------
    >>> development_actions({"knowledge": 4.2, "skills": 3.1, "emotional-tone": 4.0})["way"].tolist()
    ['daily-feedback', 'onboarding-workshops', 'well-being']
    """
    known = {area: scores.get(area) for area in FITNESS_AREAS}
    known = {a: v for a, v in known.items() if v is not None and not (isinstance(v, float) and math.isnan(v))}
    if not known:
        return pd.DataFrame(columns=FITNESS_ACTION_COLUMNS)
    lowest = min(known.values())
    weakest = {area for area, value in known.items() if value <= lowest + _TOLERANCE}
    rows = [(a.id, a.area, a.way, a.text.get(lang)) for a in DEVELOPMENT_ACTIONS if a.area in weakest]
    return pd.DataFrame(rows, columns=FITNESS_ACTION_COLUMNS)


def interview_summary(interviews: pd.DataFrame, by: tuple[str, ...] = ("round", "team")) -> pd.DataFrame:
    """Shares of yes/partly/no and the NPS of customer interviews, per round and team.

    Parameters
    ----------
    interviews : pandas.DataFrame
        Columns ``got``, ``again`` (yes/partly/no or empty), ``recommend``
        (0…10 or empty) and the grouping columns.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`INTERVIEW_SUMMARY_COLUMNS`. The ``got_*`` and
        ``again_*`` shares are of those who answered that question; ``nps``
        is NaN when nobody answered the recommendation question.
    """
    _check_columns(interviews, [*by, "got", "again", "recommend"])
    rows = []
    for key, group in interviews.groupby(list(by), sort=True, dropna=False):
        row = dict(zip(by, key if isinstance(key, tuple) else (key,), strict=True))
        row["interviews"] = len(group)
        for question in ("got", "again"):
            answered = group[question].dropna()
            for answer in INTERVIEW_ANSWERS:
                row[f"{question}_{answer}"] = (answered == answer).mean() if len(answered) else math.nan
        result = nps(group["recommend"])
        row.update(recommend_answers=result.respondents, promoters=result.promoters, passives=result.passives,
                   detractors=result.detractors, nps=math.nan if result.score is None else result.score)
        rows.append(row)
    columns = [c for c in INTERVIEW_SUMMARY_COLUMNS if c not in ("round", "team")]
    return pd.DataFrame(rows, columns=[*by, *columns])


def fitness_by_touchpoint(journey: Journey, results: pd.DataFrame,
                          covers: Mapping[str, Iterable[str]] | None = None) -> pd.DataFrame:
    """Which team's fitness level to show beside each touchpoint, from its latest shown result.

    A team covers the touchpoints whose ``owner`` is the team's name (case
    and outer spaces ignored) and whatever ``covers`` names for it: touchpoint
    ids or owner names. Teams whose latest result is hidden by the privacy
    rule are left out.

    Returns
    -------
    pandas.DataFrame
        Columns ``touchpoint``, ``team``, ``level``, ``round``, one row per
        touchpoint and team, in map order.
    """
    _check_columns(results, ["round", "opened", "team", "shown", "level"])
    shown = results[results["shown"].astype(bool) & (results["team"] != ORGANISATION)]
    latest = shown.sort_values(["opened", "round"], kind="stable").groupby("team", sort=False).tail(1)
    owners = {tp: str(attrs.get("owner", "")).strip().casefold() for tp, attrs in journey.graph.nodes(data=True)}
    rows = []
    for team, level, round_ in latest[["team", "level", "round"]].itertuples(index=False):
        names = {team.strip().casefold()}
        ids = set()
        for entry in (covers or {}).get(team, ()):
            (ids if entry in owners else names).add(entry)
            names.add(entry.strip().casefold())
        for tp in journey.touchpoints["id"]:
            if tp in ids or owners[tp] in names:
                rows.append((tp, team, level, round_))
    order = {tp: i for i, tp in enumerate(journey.touchpoints["id"])}
    rows.sort(key=lambda row: (order[row[0]], row[1]))
    return pd.DataFrame(rows, columns=["touchpoint", "team", "level", "round"])


@dataclass(frozen=True)
class FitnessReport:
    """A team's (or the whole organisation's) customer-fitness report over its rounds.

    Attributes
    ----------
    team : str or None
        The team, None for all teams together.
    results : pandas.DataFrame
        :func:`team_results` rows of the team, oldest round first (the trend).
    latest : dict or None
        The newest of those rows, None before anyone answered.
    actions : pandas.DataFrame
        :func:`development_actions` for the latest result's weakest area
        (empty while the result is hidden).
    interviews : pandas.DataFrame
        :func:`interview_summary` per round.
    people : pandas.DataFrame
        :func:`person_results` in the latest round of only those people who
        chose to share their own results.
    min_respondents : int
        The privacy threshold used.
    withheld : int
        People who chose to share but are not shown, because with the team's
        mean their results would give away the few who keep theirs private.
    """

    team: str | None
    results: pd.DataFrame
    latest: dict | None
    actions: pd.DataFrame
    interviews: pd.DataFrame
    people: pd.DataFrame
    min_respondents: int
    withheld: int = 0

    @property
    def shown(self) -> bool:
        """Whether the latest result may be shown (enough people answered)."""
        return bool(self.latest and self.latest["shown"])


def fitness_report(answers: pd.DataFrame, interviews: pd.DataFrame | None = None, *, team: str | None = None,
                   targets: Mapping[str, str] | None = None, sharing: Iterable[str] = (),
                   min_respondents: int = MIN_RESPONDENTS, lang: str = "en") -> FitnessReport:
    """Put together a :class:`FitnessReport` from the latest answers and the interviews.

    ``sharing`` names the people who chose to show their own results; nobody
    else's answers or scores appear in the report.
    """
    results = fitness_trend(answers, team=team, targets=targets, min_respondents=min_respondents)
    latest = results.iloc[-1].to_dict() if len(results) else None
    shown = bool(latest and latest["shown"])
    actions = development_actions(latest if shown else {}, lang)
    if interviews is None or interviews.empty:
        summary = pd.DataFrame(columns=INTERVIEW_SUMMARY_COLUMNS)
    else:
        summary = interview_summary(interviews.assign(team=team or ORGANISATION))
    mine = answers if team is None else answers[answers["team"] == team]
    if latest is not None:
        mine = mine[mine["round"] == latest["round"]]
    people, withheld = _shared_results(person_results(mine), set(sharing), min_respondents)
    return FitnessReport(team, results, latest, actions, summary, people, min_respondents, withheld)


def _shared_results(people: pd.DataFrame, sharing: set[str], min_respondents: int) -> tuple[pd.DataFrame, int]:
    """The results of people who share, except where they would give away those who do not.

    With the team's mean in the report, the sharers' own results reveal the
    rest: one private respondent exactly, two each other's. So in a team
    whose result is shown, sharers are shown only where nobody keeps private
    or at least ``min_respondents`` people do.
    """
    shares = people["person"].isin(sharing)
    complete = people["level"].notna()
    private = (complete & ~shares).groupby(people["team"], observed=True).transform("sum")
    hidden = complete.groupby(people["team"], observed=True).transform("sum") < min_respondents
    safe = (private == 0) | (private >= min_respondents) | hidden  # a hidden team shows no mean to subtract
    return people[shares & safe].reset_index(drop=True), int((shares & ~safe).sum())


def _check_columns(frame: pd.DataFrame, needed: list[str]) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise SchemaError(f"the table has no column {', '.join(missing)} (expected {', '.join(needed)})",
                          where="columns")

