"""Check a journey against the rules of the model and report every problem."""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from ..errors import SchemaError, ValidationError
from .journey import Journey
from .touchpoint import Touchpoint, Transition
from .vocab import normalise_lane

__all__ = ["Problem", "validate", "check", "raise_for_errors"]

#: Tolerance for sums of shares, so that 0.1 + 0.2 + 0.7 counts as 1.
SHARE_TOLERANCE = 1e-6


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a journey.

    Attributes
    ----------
    level : {"error", "warning"}
        Errors make the journey unusable for analysis; warnings are worth a look.
    where : str
        The place: ``touchpoints['pay'].stage``, ``transitions['cart'→'pay']`` ...
    message : str
        What is wrong and what is expected.
    code : str
        A stable token for programs, e.g. ``"unknown-stage"``.
    """

    level: str
    where: str
    message: str
    code: str

    def __str__(self) -> str:
        return f"{self.level}: {self.where}: {self.message}"


def validate(journey: Journey) -> list[Problem]:
    """Return every problem in the journey, errors first.

    Examples
    --------
    >>> import servicepath as sp
    >>> sp.validate(sp.load_sample("webshop"))
    []
    >>> j = sp.load_sample("webshop")
    >>> j.graph.nodes["pay"]["stage"] = "nowhere"
    >>> print(sp.validate(j)[0])  # doctest: +ELLIPSIS
    error: touchpoints['pay'].stage: 'nowhere' is not a stage of this journey (stages: discover, choose, ...)
    """
    problems: list[Problem] = []
    touchpoints = _touchpoints(journey, problems)
    # The flow checks read the raw attributes, so one bad value elsewhere in a
    # touchpoint does not hide it from them (and cause false "no entry" errors).
    flow = {node: _Flow.of(attrs) for node, attrs in journey.graph.nodes(data=True) if attrs}
    _check_stages(journey, flow, problems)
    _check_transitions(journey, problems)
    _check_entries_and_goals(journey, flow, problems)
    _check_sections(journey, touchpoints, problems)
    return sorted(problems, key=lambda p: p.level != "error")


def check(journey: Journey, *, file: str | None = None) -> Journey:
    """Raise :class:`ValidationError` on the first error-level problem; return the journey."""
    raise_for_errors(validate(journey), file=file)
    return journey


def raise_for_errors(problems: list[Problem], *, file: str | None = None) -> None:
    """Raise :class:`ValidationError` naming the first error among ``problems`` (and how many more)."""
    errors = [p for p in problems if p.level == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        raise ValidationError(first.message + more, file=file, where=first.where, problems=errors)


@dataclass(frozen=True)
class _Flow:
    """What the flow checks need of a touchpoint, read leniently from its attributes."""

    stage: object
    lane: object
    entry_share: float
    final: bool

    @classmethod
    def of(cls, attrs: dict) -> _Flow:
        lane = normalise_lane(attrs.get("lane", "customer"))
        return cls(attrs.get("stage"), lane, _share_or_zero(attrs.get("entry_share")), attrs.get("final") is True)


def _touchpoints(journey: Journey, problems: list[Problem]) -> dict[str, Touchpoint]:
    """Rebuild every touchpoint from its attributes; a bad attribute becomes a problem."""
    built = {}
    for node, attrs in journey.graph.nodes(data=True):
        where = f"touchpoints[{node!r}]"
        if not attrs:
            problems.append(Problem(
                "error", where, "this node has no touchpoint data (name, stage...); was it made by a transition "
                "to an unknown id?", "dangling-edge"
            ))
            continue
        try:
            built[node] = Touchpoint.from_attrs(node, attrs)
        except SchemaError as exc:
            problems.append(Problem("error", f"{where}.{exc.field}", exc.what, "bad-value"))
        except (TypeError, ValueError) as exc:
            problems.append(Problem("error", where, f"unreadable attributes ({exc})", "bad-value"))
    return built


def _check_stages(journey: Journey, touchpoints: dict[str, _Flow], problems: list[Problem]) -> None:
    ids = journey.stage_ids
    if not ids:
        problems.append(Problem("error", "stages", "the journey has no stages", "no-stages"))
    for stage_id in sorted({s for s in ids if ids.count(s) > 1}):
        problems.append(Problem("error", f"stages[{stage_id!r}]", "two stages share this id", "duplicate-id"))
    known = set(ids)
    for tp_id, tp in touchpoints.items():
        if tp.stage not in known:
            problems.append(Problem(
                "error", f"touchpoints[{tp_id!r}].stage",
                f"{tp.stage!r} is not a stage of this journey (stages: {', '.join(ids) or 'none'})",
                "unknown-stage",
            ))
    used = {tp.stage for tp in touchpoints.values()}
    for stage_id in ids:
        if stage_id not in used:
            problems.append(Problem("warning", f"stages[{stage_id!r}]", "no touchpoint in this stage", "empty-stage"))


def _check_transitions(journey: Journey, problems: list[Problem]) -> None:
    graph = journey.graph
    for source, target, attrs in graph.edges(data=True):
        try:
            Transition.from_attrs(source, target, attrs)
        except SchemaError as exc:
            problems.append(Problem(
                "error", f"transitions[{source!r}→{target!r}].{exc.field}", exc.what, "bad-value"
            ))
    for node in graph:
        shares = [(t, _share_or_zero(a.get("share"))) for _, t, a in graph.out_edges(node, data=True)]
        total = sum(share for _, share in shares)
        if total > 1 + SHARE_TOLERANCE:
            targets = ", ".join(f"{t} {share:g}" for t, share in shares)
            problems.append(Problem(
                "error", f"touchpoints[{node!r}]",
                f"outgoing shares sum to {total:.3g} ({targets}); they may sum to at most 1",
                "share-sum",
            ))


def _check_entries_and_goals(journey: Journey, touchpoints: dict[str, _Flow], problems: list[Problem]) -> None:
    if not touchpoints:
        problems.append(Problem("warning", "touchpoints", "the journey has no touchpoints yet", "empty"))
        return
    entries = [tp_id for tp_id, tp in touchpoints.items() if tp.entry_share > 0]
    if not entries:
        problems.append(Problem(
            "error", "touchpoints", "no touchpoint has an entry_share: where do customers start?", "no-entry"
        ))
    else:
        total = sum(touchpoints[e].entry_share for e in entries)
        if abs(total - 1) > SHARE_TOLERANCE:
            problems.append(Problem(
                "error", "touchpoints", f"entry shares sum to {total:.3g}; they must sum to 1", "entry-share-sum"
            ))
        reachable = set(entries).union(*(nx.descendants(journey.graph, e) for e in entries))
        for tp_id, tp in touchpoints.items():
            if tp.lane == "customer" and tp_id not in reachable:
                problems.append(Problem(
                    "warning", f"touchpoints[{tp_id!r}]",
                    "no customer can reach this customer action from an entry point", "unreachable",
                ))
    if not any(tp.final for tp in touchpoints.values()):
        problems.append(Problem(
            "warning", "touchpoints", "no touchpoint is final: every customer who leaves counts as a drop-out",
            "no-final",
        ))
    for i, goal in enumerate(journey.goals):
        if goal not in touchpoints:
            problems.append(Problem("error", f"goals[{i}]", f"{goal!r} is not a touchpoint", "unknown-goal"))


def _check_sections(journey: Journey, touchpoints: dict[str, Touchpoint], problems: list[Problem]) -> None:
    for i, answer in enumerate(journey.answers):
        if answer.touchpoint not in journey.graph:
            problems.append(Problem(
                "error", f"answers[{i}].touchpoint", f"{answer.touchpoint!r} is not a touchpoint", "unknown-id"
            ))
    for i, rating in enumerate(journey.ratings):
        if rating.touchpoint not in journey.graph:
            problems.append(Problem(
                "error", f"ratings[{i}].touchpoint", f"{rating.touchpoint!r} is not a touchpoint", "unknown-id"
            ))
    for i, improvement in enumerate(journey.improvements):
        where = f"improvements[{improvement.get('id', i)!r}]"
        for tp in improvement.get("touchpoints", []):
            if tp not in journey.graph:
                problems.append(Problem("error", f"{where}.touchpoints", f"{tp!r} is not a touchpoint", "unknown-id"))
        missing = [k for k in ("owner", "metric") if not improvement.get(k)]
        if missing:
            problems.append(Problem(
                "warning", where, f"names no {' and no '.join(missing)}: who makes it happen, and how is it measured?",
                "improvement-unowned",
            ))
    seen: dict[str, str] = {}
    for tp_id, touchpoint in touchpoints.items():
        for pain in touchpoint.pain_points:
            if pain.id and pain.id in seen:
                problems.append(Problem(
                    "error", f"touchpoints[{tp_id!r}].pain_points",
                    f"pain point id {pain.id!r} is already used at {seen[pain.id]!r}", "duplicate-id",
                ))
            elif pain.id:
                seen[pain.id] = tp_id


def _share_or_zero(value) -> float:
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else 0.0
