"""Where each touchpoint card goes on the swimlane map: plain data, no drawing.

The map is a grid of columns ("slots") grouped into stages, and the five
blueprint lanes as rows. Every card the customer sees (evidence, customer
actions, frontstage) gets a column of its own, left to right in the order
customers move, so the emotion curve under the map passes through one card per
column. Backstage and support cards go under the customer-facing card they are
linked to, so a blueprint reads top to bottom as cause and effect.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..analysis.experience import EXPERIENCED_LANES
from ..model import LANES, Journey

__all__ = ["MapLayout", "map_layout", "flow_order"]


@dataclass(frozen=True)
class MapLayout:
    """Card positions of a journey map.

    Attributes
    ----------
    stages : list of (stage id, first slot, number of slots)
        Stage columns in map order; every stage has at least one slot.
    slots : dict
        Touchpoint id → (slot, lane index); slot 0 is the leftmost column.
    width : int
        Number of slots in all.
    """

    stages: list[tuple[str, int, int]]
    slots: dict[str, tuple[int, int]] = field(default_factory=dict)
    width: int = 0

    def stage_span(self, stage_id: str) -> tuple[int, int]:
        """The first slot and the slot after the last one of a stage."""
        for sid, first, count in self.stages:
            if sid == stage_id:
                return first, first + count
        raise KeyError(stage_id)


def flow_order(journey: Journey) -> dict[str, int]:
    """Touchpoint id → position in the order customers move (loops ignored).

    Back edges found by a depth-first walk from the entry points are set aside
    and the rest is sorted topologically; ties keep the order of the file.

    Examples
    --------
    >>> import servicepath as sp
    >>> order = flow_order(sp.load_sample("webshop"))
    >>> order["search"] < order["cart"] < order["pay"] < order["confirmed"]
    True
    """
    graph = journey.graph
    file_order = {tp: i for i, tp in enumerate(graph.nodes)}
    entries = [tp for tp, share in graph.nodes(data="entry_share") if share]
    roots = entries + [tp for tp in graph.nodes if tp not in set(entries)]
    back_edges = _back_edges(graph, roots)  # walk from where customers enter, so loops close there
    forward = nx.DiGraph()
    forward.add_nodes_from(graph.nodes)
    forward.add_edges_from((u, v) for u, v in graph.edges if (u, v) not in back_edges)
    ordered = nx.lexicographical_topological_sort(forward, key=file_order.__getitem__)
    return {tp: i for i, tp in enumerate(ordered)}


def _back_edges(graph: nx.DiGraph, roots: list[str]) -> set[tuple[str, str]]:
    """Edges that close a cycle in a depth-first walk started from ``roots`` in order."""
    state: dict[str, int] = {}  # 1 = on the walk's stack, 2 = finished
    back: set[tuple[str, str]] = set()
    for root in roots:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(graph.successors(root)))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(graph.successors(child))))
    return back


def map_layout(journey: Journey) -> MapLayout:
    """Columns and rows of every card on the journey map.

    Examples
    --------
    >>> import servicepath as sp
    >>> layout = map_layout(sp.load_sample("webshop"))
    >>> [s[0] for s in layout.stages][:3]
    ['discover', 'choose', 'buy']
    >>> layout.slots["psp"][0] == layout.slots["pay"][0]  # the payment provider sits under the payment
    True
    """
    order = flow_order(journey)
    lane_index = {lane: i for i, lane in enumerate(LANES)}
    stage_ids = [s.id for s in journey.stages]
    nodes = journey.graph.nodes
    members: dict[str, list[str]] = {sid: [] for sid in stage_ids}
    for tp in sorted(nodes, key=order.__getitem__):
        members.setdefault(nodes[tp].get("stage"), []).append(tp)
    stages, slots, first = [], {}, 0
    for sid in [*stage_ids, *(s for s in members if s not in stage_ids)]:
        placed = _place_stage(journey, members[sid], lane_index)
        count = max([1] + [slot + 1 for slot, _ in placed.values()])
        slots.update({tp: (first + slot, lane) for tp, (slot, lane) in placed.items()})
        stages.append((sid, first, count))
        first += count
    return MapLayout(stages, slots, first)


def _place_stage(journey: Journey, touchpoints: list[str], lane_index: dict[str, int]) -> dict[str, tuple[int, int]]:
    """Slots within one stage: seen cards in flow order, hidden ones under the card they serve."""
    nodes = journey.graph.nodes
    seen = [tp for tp in touchpoints if nodes[tp].get("lane") in EXPERIENCED_LANES]
    placed = {tp: (slot, lane_index[nodes[tp]["lane"]]) for slot, tp in enumerate(seen)}
    taken = {(slot, lane) for slot, lane in placed.values()}
    for tp in touchpoints:
        if tp in placed:
            continue
        lane = lane_index.get(nodes[tp].get("lane"), len(LANES) - 1)
        wanted = _linked_slot(journey, tp, placed)
        slot = _free_slot(taken, lane, wanted)
        placed[tp] = (slot, lane)
        taken.add((slot, lane))
    return placed


def _linked_slot(journey: Journey, tp: str, placed: dict[str, tuple[int, int]]) -> int:
    graph = journey.graph
    for neighbour in [*graph.predecessors(tp), *graph.successors(tp)]:
        if neighbour in placed:
            return placed[neighbour][0]
    return 0


def _free_slot(taken: set[tuple[int, int]], lane: int, wanted: int) -> int:
    """The free slot in ``lane`` nearest to ``wanted`` (right before left), opening a new one if needed."""
    for distance in range(len(taken) + 2):
        for slot in (wanted + distance, wanted - distance):
            if slot >= 0 and (slot, lane) not in taken:
                return slot
    raise AssertionError("unreachable: there is always a free slot")
