"""The journey as an absorbing Markov chain, solved exactly.

Customers start at touchpoints by ``entry_share``; at each touchpoint a share
of them moves along each transition and the rest leave the journey there
(completed at a ``final`` touchpoint, dropped out elsewhere). Loops are fine.

The chain is solved one strongly connected component at a time, in
topological order of the components: between components customers only flow
forward, so each component is a small dense system. That is exact, needs
only numpy and networkx, and grows linearly with the journey for the sparse
graphs journeys are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np

from ..errors import ValidationError
from ..model.journey import Journey
from ..model.validate import Problem

__all__ = ["Chain", "chain"]


@dataclass(frozen=True)
class Chain:
    """The solved chain: per touchpoint, in ``order``.

    Attributes
    ----------
    order : list of str
        Touchpoint ids, the index of every array.
    visits : ndarray
        Expected visits per customer (above 1 only with loops).
    reach : ndarray
        Probability that a customer reaches the touchpoint at least once.
    leave : ndarray
        Share of the customers at a touchpoint who leave the journey there.
    returns : ndarray
        Expected visits to a touchpoint by a customer who starts there (1 without loops).
    """

    order: list[str]
    visits: np.ndarray
    reach: np.ndarray
    leave: np.ndarray
    returns: np.ndarray


def chain(journey: Journey, *, cut: Iterable[str] = ()) -> Chain:
    """Solve the journey's chain; customers at a ``cut`` touchpoint all leave there.

    Raises
    ------
    ValidationError
        If no touchpoint has an entry share, outgoing shares sum over 1, or
        customers can enter a loop they can never leave.
    """
    graph, cut = journey.graph, set(cut)
    order = list(graph)
    index = {node: i for i, node in enumerate(order)}
    entry = np.array([_share(graph.nodes[n].get("entry_share")) for n in order])
    if entry.sum() <= 0:
        raise ValidationError("no touchpoint has an entry_share, so no customer enters the journey",
                              where="touchpoints", problems=[Problem("error", "touchpoints", "no entry", "no-entry")])
    out = np.zeros(len(order))
    for source, _, attrs in graph.edges(data=True):
        out[index[source]] += 0 if source in cut else _share(attrs.get("share"))
    over = [order[i] for i in np.flatnonzero(out > 1 + 1e-9)]
    if over:
        raise ValidationError(f"outgoing shares of {over[0]!r} sum to {out[index[over[0]]]:.3g}; at most 1 is possible",
                              where=f"touchpoints[{over[0]!r}]")
    visits, returns = np.zeros(len(order)), np.ones(len(order))
    inflow = entry.copy()
    condensed = nx.condensation(graph)
    for component in nx.topological_sort(condensed):
        members = [index[n] for n in condensed.nodes[component]["members"]]
        local = {m: k for k, m in enumerate(members)}
        block = np.zeros((len(members), len(members)))
        for m in members:
            if order[m] in cut:
                continue
            for _, target, attrs in graph.out_edges(order[m], data=True):
                t = index[target]
                if t in local:
                    block[local[m], local[t]] += _share(attrs.get("share"))
        system = np.eye(len(members)) - block
        if len(members) > 1 or block[0, 0] > 0:
            _check_leavable(system, members, order, inflow)
            fundamental = np.linalg.inv(system)
            visits[members] = inflow[members] @ fundamental
            returns[members] = np.diag(fundamental)
        else:
            visits[members] = inflow[members]
        for m in members:
            if order[m] in cut or visits[m] == 0:
                continue
            for _, target, attrs in graph.out_edges(order[m], data=True):
                t = index[target]
                if t not in local:
                    inflow[t] += visits[m] * _share(attrs.get("share"))
    leave = 1 - out
    return Chain(order, visits, visits / returns, np.clip(leave, 0, 1), returns)


def _check_leavable(system: np.ndarray, members: list[int], order: list[str], inflow: np.ndarray) -> None:
    # A loop is a trap when no member lets anyone go: then I - Q is singular.
    if np.linalg.matrix_rank(system) < len(members) and inflow[members].sum() > 0:
        loop = " → ".join(order[m] for m in members[:6])
        raise ValidationError(
            f"customers who enter the loop {loop} can never leave it (its shares sum to 1 everywhere)",
            where=f"touchpoints[{order[members[0]]!r}]",
            problems=[Problem("error", f"touchpoints[{order[members[0]]!r}]", "a loop no customer can leave", "trap")],
        )


def _share(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0
