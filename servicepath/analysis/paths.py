"""Reach, drop-out, the most likely paths, and what each touchpoint is worth to the goals."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from ..errors import ServicepathError
from ..model.journey import Journey
from ..model.validate import SHARE_TOLERANCE
from .markov import chain, check_flow, loop_matrix, solve_loop

__all__ = ["REACH_COLUMNS", "reach", "likely_paths", "Path", "removal_effect", "goal_probability"]

#: Columns of :func:`reach`.
REACH_COLUMNS = ("id", "stage", "lane", "reach", "visits", "leave_share", "leaving", "completed", "dropped_out")


def reach(journey: Journey) -> pd.DataFrame:
    """Per touchpoint: how many customers get there and how many leave there.

    Returns
    -------
    DataFrame
        One row per touchpoint (journey order) with :data:`REACH_COLUMNS`:
        ``reach`` — probability that a customer gets there at least once;
        ``visits`` — expected visits per customer (over 1 only in loops);
        ``leave_share`` — share of those there who leave the journey there;
        ``leaving`` — customers (per customer entering) who leave there;
        ``completed`` / ``dropped_out`` — the same, split by whether the
        touchpoint is ``final``.

    Examples
    --------
    >>> import servicepath as sp
    >>> table = sp.reach(sp.load_sample("webshop")).set_index("id")
    >>> round(float(table.loc["pay", "reach"]), 3), round(float(table["leaving"].sum()), 6)
    (0.196, 1.0)
    """
    solved = chain(journey)
    nodes = journey.graph.nodes
    leaving = solved.visits * solved.leave
    final = np.array([nodes[n].get("final") is True for n in solved.order])
    return pd.DataFrame({
        "id": solved.order,
        "stage": [nodes[n].get("stage") for n in solved.order],
        "lane": [nodes[n].get("lane") for n in solved.order],
        "reach": solved.reach,
        "visits": solved.visits,
        "leave_share": solved.leave,
        "leaving": leaving,
        "completed": np.where(final, leaving, 0.0),
        "dropped_out": np.where(final, 0.0, leaving),
    })


@dataclass(frozen=True, order=True)
class Path:
    """One way through the journey, from an entry to leaving it."""

    probability: float
    touchpoints: tuple[str, ...]
    completed: bool


def likely_paths(journey: Journey, k: int = 10, *, max_passes: int = 2, max_steps: int = 200_000) -> list[Path]:
    """The ``k`` most likely complete paths, most likely first.

    A path starts at an entry touchpoint and ends where the customer leaves;
    its probability is the entry share times every share along it times the
    share leaving at its end. A path passes any touchpoint at most
    ``max_passes`` times, so a loop is walked at most twice.

    Examples
    --------
    >>> import servicepath as sp
    >>> best = sp.likely_paths(sp.load_sample("webshop"), k=1)[0]
    >>> best.touchpoints, round(best.probability, 3)
    (('search',), 0.315)
    """
    if k < 1:
        raise ServicepathError(f"k is {k}; ask for at least one path")
    graph = journey.graph
    leave = dict(zip(graph, check_flow(journey).tolist(), strict=True))
    # Best-first search: extending a path never raises its probability, so the
    # first k complete paths popped from the heap are the k most likely.
    heap: list[tuple[float, int, tuple[str, ...], bool]] = []
    counter = 0
    for node, attrs in graph.nodes(data=True):
        share = float(attrs.get("entry_share") or 0)
        if share > 0:
            heap.append((-share, counter := counter + 1, (node,), False))
    heapq.heapify(heap)
    found: list[Path] = []
    steps = 0
    while heap and len(found) < k and steps < max_steps:
        steps += 1
        negative, _, path, complete = heapq.heappop(heap)
        last = path[-1]
        if complete:
            found.append(Path(float(-negative), path, graph.nodes[last].get("final") is True))
            continue
        if leave[last] > 0:
            heapq.heappush(heap, (negative * leave[last], counter := counter + 1, path, True))
        for _, target, attrs in graph.out_edges(last, data=True):
            share = float(attrs.get("share") or 0)
            if share > 0 and path.count(target) < max_passes:
                heapq.heappush(heap, (negative * share, counter := counter + 1, (*path, target), False))
    return found


def goal_probability(journey: Journey) -> float:
    """Probability that a customer reaches at least one of the journey's goals.

    Examples
    --------
    >>> import servicepath as sp
    >>> round(sp.goal_probability(sp.load_sample("webshop")), 3)
    0.15
    """
    return float(_success(journey)[0])


def removal_effect(journey: Journey) -> pd.DataFrame:
    """How much the chance of reaching the goals drops if a touchpoint fails.

    A failing touchpoint loses every customer who gets there (they all drop
    out). Its effect is the probability of the customers who would have
    reached a goal through it. A goal that fails counts as not reached, so
    its effect is every customer who reached the goals there first.

    Returns
    -------
    DataFrame
        ``id``, ``goal_probability`` (with the touchpoint failing),
        ``effect`` (the drop), ``importance`` (the drop as a share of the
        journey's goal probability, 0…1), sorted by effect, largest first.

    Examples
    --------
    >>> import servicepath as sp
    >>> effects = sp.removal_effect(sp.load_sample("webshop")).set_index("id")
    >>> round(float(effects.loc["pay", "importance"]), 3), round(float(effects.loc["chat", "importance"]), 3)
    (1.0, 0.139)
    """
    base, hit_first, success_from = _success(journey, per_touchpoint=True)
    effect = hit_first * success_from
    order = list(journey.graph)
    table = pd.DataFrame({
        "id": order,
        "goal_probability": np.clip(base - effect, 0.0, 1.0),
        "effect": effect,
        "importance": effect / base if base > 0 else np.zeros(len(order)),
    })
    return table.sort_values("effect", ascending=False, kind="stable").reset_index(drop=True)


def _success(journey: Journey, per_touchpoint: bool = False):
    """Goal probability; with ``per_touchpoint`` also, for every touchpoint, the
    probability of reaching it before any goal and of reaching a goal from it."""
    goals = [g for g in journey.goals if g in journey.graph]
    if not goals:
        raise ServicepathError("the journey names no goals; set journey.goals to touchpoint ids")
    # Goals absorb: a customer who reaches one has succeeded, whatever comes after.
    solved = chain(journey, cut=goals)
    index = {n: i for i, n in enumerate(solved.order)}
    base = float(sum(solved.reach[index[g]] for g in goals))
    if not per_touchpoint:
        return (base,)
    return base, solved.reach, _success_from(journey, goals, index)


def _success_from(journey: Journey, goals: list[str], index: dict[str, int]) -> np.ndarray:
    """For every touchpoint, the probability of reaching a goal when starting there.

    Solved backwards, one strongly connected component at a time.
    """
    graph = journey.graph
    success = np.zeros(len(index))
    for g in goals:
        success[index[g]] = 1.0
    condensed = nx.condensation(graph)
    for component in reversed(list(nx.topological_sort(condensed))):
        members = [n for n in condensed.nodes[component]["members"] if n not in goals]
        if not members:
            continue
        local = {n: k for k, n in enumerate(members)}
        known = np.zeros(len(members))
        for n in members:
            for _, target, attrs in graph.out_edges(n, data=True):
                if target not in local:
                    known[local[n]] += float(attrs.get("share") or 0) * success[index[target]]
        block = loop_matrix(graph, members)
        inside = np.asarray(block.sum(axis=1)).ravel()
        if block.nnz and np.all(inside >= 1 - SHARE_TOLERANCE):
            solution = np.zeros(len(members))  # a loop nobody leaves never reaches a goal (and nobody enters it)
        else:
            solution = solve_loop(block, known) if block.nnz else known
        for n, value in zip(members, solution, strict=True):
            success[index[n]] = value
    return success
