"""The journey as an absorbing Markov chain, solved exactly.

Customers start at touchpoints by ``entry_share``; at each touchpoint a share
of them moves along each transition and the rest leave the journey there
(completed at a ``final`` touchpoint, dropped out elsewhere). Loops are fine.

The chain is solved one strongly connected component at a time, in
topological order of the components: between components customers only flow
forward. A component (a loop) is solved exactly: as a dense system when it is
small, with a sparse LU factorisation (scipy) when it is large — a repurchase
loop can make most of a journey one component.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
from scipy import sparse
from scipy.sparse import linalg as splinalg

from ..errors import ValidationError
from ..model.journey import Journey
from ..model.validate import SHARE_TOLERANCE, Problem

__all__ = ["Chain", "chain", "check_flow", "leave_shares", "loop_matrix", "solve_loop", "DENSE_LIMIT"]

#: Loops up to this many touchpoints are solved as dense systems; larger ones with sparse LU.
DENSE_LIMIT = 1500
_DIAGONAL_BLOCK = 256


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
    entry, leave = _entries(journey), leave_shares(journey, cut)
    visits, returns = np.zeros(len(order)), np.ones(len(order))
    inflow = entry.copy()
    condensed = nx.condensation(graph)
    for component in nx.topological_sort(condensed):
        members = [index[n] for n in condensed.nodes[component]["members"]]
        if inflow[members].sum() == 0:
            continue  # nobody gets here (e.g. a loop only staff use): no visits, nothing to solve
        local = {m: k for k, m in enumerate(members)}
        block = loop_matrix(graph, [order[m] for m in members], cut)
        if block.nnz:
            _check_leavable(block, members, order)
            visits[members], returns[members] = _visits_in_loop(block, inflow[members])
        else:
            visits[members] = inflow[members]
        for m in members:
            if order[m] in cut or visits[m] == 0:
                continue
            for _, target, attrs in graph.out_edges(order[m], data=True):
                t = index[target]
                if t not in local:
                    inflow[t] += visits[m] * _share(attrs.get("share"))
    return Chain(order, visits, visits / returns, leave, returns)


def check_flow(journey: Journey) -> np.ndarray:
    """Check that customers can flow through the journey; return the leave shares (journey order).

    Raises
    ------
    ValidationError
        No entry point, entry shares not summing to 1, outgoing shares over 1,
        or a loop customers can enter and never leave.
    """
    entry, leave = _entries(journey), leave_shares(journey)
    graph = journey.graph
    index = {node: i for i, node in enumerate(graph)}
    condensed = nx.condensation(graph)
    reached = set().union(*(nx.descendants(condensed, condensed.graph["mapping"][n]) | {condensed.graph["mapping"][n]}
                            for n, i in index.items() if entry[i] > 0))
    for component in reached:
        members = list(condensed.nodes[component]["members"])
        block = loop_matrix(graph, members)
        if block.nnz:
            _check_leavable(block, [index[n] for n in members], list(graph))
    return leave


def _entries(journey: Journey) -> np.ndarray:
    graph = journey.graph
    entry = np.array([_share(graph.nodes[n].get("entry_share")) for n in graph])
    if entry.sum() <= 0:
        raise ValidationError("no touchpoint has an entry_share, so no customer enters the journey",
                              where="touchpoints", problems=[Problem("error", "touchpoints", "no entry", "no-entry")])
    if abs(entry.sum() - 1) > SHARE_TOLERANCE:
        message = f"entry shares sum to {entry.sum():.6g}; they must sum to 1"
        raise ValidationError(message, where="touchpoints",
                              problems=[Problem("error", "touchpoints", message, "entry-share-sum")])
    return entry


def leave_shares(journey: Journey, cut: Iterable[str] = ()) -> np.ndarray:
    """Per touchpoint (journey order), the share of the customers there who leave the journey there.

    Raises
    ------
    ValidationError
        If a touchpoint's outgoing shares sum over 1.
    """
    graph, cut = journey.graph, set(cut)
    index = {node: i for i, node in enumerate(graph)}
    out = np.zeros(len(index))
    for source, _, attrs in graph.edges(data=True):
        out[index[source]] += 0 if source in cut else _share(attrs.get("share"))
    over = np.flatnonzero(out > 1 + SHARE_TOLERANCE)
    if len(over):
        node = list(graph)[over[0]]
        raise ValidationError(f"outgoing shares of {node!r} sum to {out[over[0]]:.6g}; at most 1 is possible",
                              where=f"touchpoints[{node!r}]")
    # 0.3 + 0.7 leaves 1e-17 in floating point: nobody leaves there.
    return np.where(np.abs(1 - out) <= SHARE_TOLERANCE, 0.0, np.clip(1 - out, 0, 1))


def loop_matrix(graph: nx.DiGraph, members: list[str], cut: set[str] = frozenset()) -> sparse.csr_matrix:
    """The shares among the members of one strongly connected component, as a sparse matrix Q."""
    local = {n: k for k, n in enumerate(members)}
    rows, cols, values = [], [], []
    for n in members:
        if n in cut:
            continue
        for _, target, attrs in graph.out_edges(n, data=True):
            if target in local:
                rows.append(local[n])
                cols.append(local[target])
                values.append(_share(attrs.get("share")))
    return sparse.csr_matrix((values, (rows, cols)), shape=(len(members), len(members)))


def solve_loop(block: sparse.csr_matrix, rhs: np.ndarray, *, transpose: bool = False) -> np.ndarray:
    """Solve (I − Q) x = rhs (or its transpose) for one component: dense when small, sparse LU when large."""
    system = sparse.identity(block.shape[0], format="csc") - block.tocsc()
    if transpose:
        system = system.T.tocsc()
    if block.shape[0] <= DENSE_LIMIT:
        return np.linalg.solve(system.toarray(), rhs)
    return splinalg.splu(system).solve(rhs)


def _visits_in_loop(block: sparse.csr_matrix, inflow: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Expected visits (inflow · N) and the diagonal of N = (I − Q)⁻¹ for one component."""
    size = block.shape[0]
    system = np.eye(size) - block.toarray() if size <= DENSE_LIMIT else None
    if system is not None:
        fundamental = np.linalg.inv(system)
        return inflow @ fundamental, np.diag(fundamental).copy()
    lu = splinalg.splu(sparse.identity(size, format="csc") - block.tocsc())
    visits = lu.solve(inflow, trans="T")
    diagonal = np.empty(size)
    for start in range(0, size, _DIAGONAL_BLOCK):  # columns of N in blocks: memory stays small
        stop = min(start + _DIAGONAL_BLOCK, size)
        unit = np.zeros((size, stop - start))
        unit[np.arange(start, stop), np.arange(stop - start)] = 1.0
        diagonal[start:stop] = lu.solve(unit)[np.arange(start, stop), np.arange(stop - start)]
    return visits, diagonal


def _check_leavable(block: sparse.csr_matrix, members: list[int], order: list[str]) -> None:
    # A strongly connected loop traps its customers exactly when no member lets anyone go:
    # every member's shares inside the loop sum to 1 (then I − Q is singular).
    inside = np.asarray(block.sum(axis=1)).ravel()
    if np.all(inside >= 1 - SHARE_TOLERANCE):
        loop = " → ".join(order[m] for m in members[:6])
        raise ValidationError(
            f"customers who enter the loop {loop} can never leave it (its shares sum to 1 everywhere)",
            where=f"touchpoints[{order[members[0]]!r}]",
            problems=[Problem("error", f"touchpoints[{order[members[0]]!r}]", "a loop no customer can leave", "trap")],
        )


def _share(value) -> float:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else 0.0
