"""Counting directly-follows flows from integer-coded events: sorting and counting in numpy, no loop over events.

The result, :class:`Flows`, holds plain tables (touchpoints and transitions),
so the in-memory engine here and the DuckDB engine for large files hand the
same thing to the journey builder.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..errors import SchemaError
from .events import EventCodes

__all__ = ["Flows", "TOUCHPOINT_FLOW_COLUMNS", "TRANSITION_FLOW_COLUMNS", "count_flows", "case_order"]

#: Columns of :attr:`Flows.touchpoints`.
TOUCHPOINT_FLOW_COLUMNS = ("touchpoint", "visits", "cases", "entries", "exits", "position")
#: Columns of :attr:`Flows.transitions` (durations in seconds).
TRANSITION_FLOW_COLUMNS = ("source", "target", "volume", "duration_median", "duration_p90")

TIES = ("error", "file-order")


@dataclass
class Flows:
    """What an event log says about the journey, before it becomes a :class:`Journey`.

    ``touchpoints``: per touchpoint its visits, the cases that visited it,
    the cases that began (``entries``) and ended (``exits``) there, and its
    median step number within the case (``position``, 0 = first). Optional
    columns ``channel``, ``stage``, ``lane`` (most frequent value) and
    ``nps``/``nps_answers`` are added when the log has them.
    ``transitions``: directly-follows pairs with ``volume`` and the median
    and 90th percentile of the time between the two events, in seconds.
    ``variants``: complete paths (``path`` as a tuple of touchpoints) with
    their ``cases`` (and ``nps`` when known), most frequent first.
    """

    touchpoints: pd.DataFrame
    transitions: pd.DataFrame
    variants: pd.DataFrame
    events: int
    cases: int
    source: str = ""
    skipped: dict[str, int] = field(default_factory=dict)


def case_order(codes: EventCodes) -> np.ndarray:
    """Row order that puts every case's events together, in time order (ties in the order read)."""
    time = codes.time
    order = None if bool(np.all(time[1:] >= time[:-1])) else np.argsort(time, kind="stable")
    cases = codes.case if order is None else codes.case[order]
    by_case = _stable_radix(cases.astype(np.uint32))
    return by_case if order is None else order[by_case]


def _stable_radix(keys: np.ndarray) -> np.ndarray:
    """Stable argsort of uint32 keys in two 16-bit passes: numpy radix-sorts 16-bit keys, far faster than timsort."""
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    if keys.max(initial=0) <= 0xFFFF:
        return order
    high = (keys[order] >> 16).astype(np.uint16)
    return order[np.argsort(high, kind="stable")]


def _check_ties(codes: EventCodes, order: np.ndarray, tied: np.ndarray, case: np.ndarray) -> None:
    """``tied[i]``: events i and i + 1 (in case order) are of one case at one time."""
    where = np.flatnonzero(tied)
    if len(where):
        case_of_first = case[where[0]]
        first, second = codes.row(order[where[0]]), codes.row(order[where[0] + 1])
        name = codes.case_names[case_of_first]
        raise SchemaError(f"rows {min(first, second)} and {max(first, second)}: two events of case {name!r} have the "
                          f"same time, so their order is unknown ({len(where):,} such ties in all; expected distinct "
                          "times within a case, or pass ties='file-order' to keep the order of the rows)",
                          file=codes.source, where="column timestamp")


def count_flows(codes: EventCodes, *, ties: str = "error", top_variants: int = 100) -> Flows:
    """Directly-follows counts, durations, entries, exits and variants of an encoded log.

    The event arrays of ``codes`` are consumed (set to None once sorted), so a large log
    does not sit in memory twice.
    """
    if ties not in TIES:
        raise SchemaError(f"{ties!r} is not a way to handle ties (expected one of {', '.join(TIES)})", where="ties")
    order = case_order(codes)
    case, tp, gap = codes.case[order], codes.touchpoint[order], np.diff(codes.time[order])
    codes.case = codes.touchpoint = codes.time = None
    n_tp = len(codes.touchpoint_names)
    follows = case[1:] == case[:-1]  # event i is followed by event i + 1 of its own case
    if ties == "error":
        _check_ties(codes, order, follows & (gap == 0), case)
    gap = gap[follows]
    starts = np.flatnonzero(np.r_[True, ~follows])
    lengths = np.diff(np.r_[starts, len(case)])
    ends = starts + lengths - 1
    position = np.arange(len(case), dtype=np.int32) - np.repeat(starts.astype(np.int32), lengths)
    # numpy releases the GIL on big arrays: the transitions (a sort and quantiles) run beside the rest
    with ThreadPoolExecutor(max_workers=1) as pool:
        edges = pool.submit(_transition_table, tp[:-1][follows], tp[1:][follows], gap, n_tp, codes.touchpoint_names)
        del gap, follows
        nodes = _touchpoint_table(codes, order, tp, case, starts, ends, position, n_tp)
        del order
        variants = _variants(tp, case, starts, lengths, position, codes, top_variants)
        edges = edges.result()
    skipped = {"no case": codes.skipped_case, "no touchpoint": codes.skipped_touchpoint}
    return Flows(nodes, edges, variants, events=len(case), cases=len(starts), source=codes.source, skipped=skipped)


def _touchpoint_table(codes, order, tp, case, starts, ends, position, n_tp) -> pd.DataFrame:
    visits = np.bincount(tp, minlength=n_tp)
    passed, answers = _cases_per_touchpoint(tp, case, starts, n_tp, codes.nps)
    table = pd.DataFrame({
        "touchpoint": codes.touchpoint_names.to_numpy(dtype=object),
        "visits": visits, "cases": passed,
        "entries": np.bincount(tp[starts], minlength=n_tp), "exits": np.bincount(tp[ends], minlength=n_tp),
        "position": _median_step(tp, position, n_tp),
    })
    for name, (values, texts) in codes.extra.items():
        table[name] = _most_frequent(tp, values[order], n_tp, texts)
    if codes.nps is not None:
        table["nps"], table["nps_answers"] = answers
    return table


def _median_step(tp: np.ndarray, position: np.ndarray, n_tp: int) -> np.ndarray:
    """Per touchpoint, the median step number (numpy's interpolation), from a touchpoint × step histogram."""
    steps = int(position.max(initial=0)) + 1
    if n_tp * steps > 1 << 24:  # very long cases: sort instead of a huge histogram
        by_tp = _stable_radix(tp.astype(np.uint32))
        return _group_quantiles(position[by_tp].astype(float), np.bincount(tp, minlength=n_tp), (0.5,))[0]
    histogram = np.bincount(tp.astype(np.int64) * steps + position, minlength=n_tp * steps).reshape(n_tp, steps)
    cumulative = histogram.cumsum(axis=1)
    total = cumulative[:, -1]
    middle = (total - 1) / 2

    def step_at(rank: np.ndarray) -> np.ndarray:  # the step of the value at 0-based rank ``rank`` in each row
        return (cumulative <= rank[:, None]).sum(axis=1)

    low, high = step_at(np.floor(middle)), step_at(np.ceil(middle))
    return np.where(total > 0, low + (middle - np.floor(middle)) * (high - low), np.nan)


def _cases_per_touchpoint(tp, case, starts, n_tp, nps) -> tuple[np.ndarray, tuple | None]:
    """How many cases visited each touchpoint (once each, however often), and their NPS when known."""
    if n_tp <= 64:  # each case's set of touchpoints as one 64-bit mask: no sort needed
        bits = np.left_shift(np.uint64(1), np.arange(n_tp, dtype=np.uint64))
        masks = np.bitwise_or.reduceat(bits[tp], starts)
        visited = [(masks >> np.uint64(k)) & np.uint64(1) == 1 for k in range(n_tp)]  # a loop over touchpoints
        passed = np.array([v.sum() for v in visited], dtype=np.int64)
        if nps is None:
            return passed, None
        answer = nps[case[starts]]
        groups = np.concatenate([np.full(int(c), k) for k, c in enumerate(passed)]) if n_tp else np.empty(0, int)
        return passed, _nps_by(groups.astype(np.int64), np.concatenate([answer[v] for v in visited]), n_tp)
    by_tp = _stable_radix(tp.astype(np.uint32))  # within a touchpoint, events stay in case order
    tp_sorted, case_sorted = tp[by_tp], case[by_tp]
    new_pair = np.r_[True, (tp_sorted[1:] != tp_sorted[:-1]) | (case_sorted[1:] != case_sorted[:-1])]
    passed = np.bincount(tp_sorted[new_pair], minlength=n_tp)
    if nps is None:
        return passed, None
    return passed, _nps_by(tp_sorted[new_pair], nps[case_sorted[new_pair]], n_tp)


def _most_frequent(groups: np.ndarray, values: np.ndarray, n: int, texts: np.ndarray) -> np.ndarray:
    """Per group the value seen most often (the first such value on a tie); "" where there is none."""
    known = values >= 0
    counts = np.bincount(groups[known].astype(np.int64) * len(texts) + values[known],
                         minlength=n * len(texts)).reshape(n, len(texts))
    best = counts.argmax(axis=1) if len(texts) else np.zeros(n, dtype=int)
    return np.where(counts.sum(axis=1) > 0 if len(texts) else False, texts[best] if len(texts) else "", "")


def _nps_by(groups: np.ndarray, answers: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """NPS per group: % promoters (9–10) − % detractors (0–6) of those who answered; NaN when nobody did."""
    answered = ~np.isnan(answers)
    total = np.bincount(groups[answered], minlength=n)
    promoters = np.bincount(groups[answered & (answers >= 9)], minlength=n)
    detractors = np.bincount(groups[answered & (answers <= 6)], minlength=n)
    with np.errstate(invalid="ignore", divide="ignore"):
        nps = np.where(total > 0, 100.0 * (promoters - detractors) / total, np.nan)
    return nps, total


#: Up to this many possible (source, target) pairs, edges are counted with one bincount instead of a sort.
_DENSE_PAIRS = 1 << 22


def _transition_table(source, target, gap_ns, n_tp, names) -> pd.DataFrame:
    key = source.astype(np.int64) * n_tp + target
    if n_tp * n_tp <= _DENSE_PAIRS:
        counts = np.bincount(key, minlength=n_tp * n_tp)
        edge_ids = np.flatnonzero(counts)
        rank = np.zeros(n_tp * n_tp, dtype=np.uint32)
        rank[edge_ids] = np.arange(len(edge_ids), dtype=np.uint32)
        edge_of, volume = rank[key], counts[edge_ids]
    else:
        edge_ids, edge_of, volume = np.unique(key, return_inverse=True, return_counts=True)
        edge_of = edge_of.astype(np.uint32)
    by_edge = _stable_radix(edge_of) if len(edge_of) else edge_of
    median, p90 = _group_quantiles(gap_ns[by_edge] / 1e9, volume, (0.5, 0.9))
    names = names.to_numpy(dtype=object)
    return pd.DataFrame({"source": names[edge_ids // n_tp], "target": names[edge_ids % n_tp], "volume": volume,
                         "duration_median": median, "duration_p90": p90}, columns=list(TRANSITION_FLOW_COLUMNS))


def _group_quantiles(values: np.ndarray, counts: np.ndarray, qs: tuple[float, ...]) -> list[np.ndarray]:
    """Quantiles (numpy's linear interpolation) of values laid out group after group, ``counts`` long each.

    One ``np.quantile`` per group: a loop over touchpoints or transitions, never over events.
    """
    result = np.full((len(qs), len(counts)), np.nan)
    bounds = np.r_[0, np.cumsum(counts)]
    for g in np.flatnonzero(counts):
        result[:, g] = np.quantile(values[bounds[g]:bounds[g + 1]], qs)
    return list(result)


def _variants(tp, case, starts, lengths, position, codes: EventCodes, top: int) -> pd.DataFrame:
    """The ``top`` most frequent complete paths, each case's path identified by a 64-bit hash of its steps.

    A step's hash is a random odd number for the touchpoint times a random number for its position,
    mixed; a case's hash is the wrapping sum over its steps. Two different paths share a hash with a
    chance of about 2**-60, so no collision is expected in any real log.
    """
    rng = np.random.default_rng(1849)
    by_touchpoint = rng.integers(1, 2**63, len(codes.touchpoint_names) + 1, dtype=np.uint64) | np.uint64(1)
    by_step = rng.integers(1, 2**63, int(position.max(initial=0)) + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # in place: two arrays of the log's length at most
        term, mix = by_touchpoint[tp], by_step[position]
        np.multiply(term, mix, out=term)
        np.right_shift(term, np.uint64(29), out=mix)
        np.bitwise_xor(term, mix, out=term)
        del mix
        key = np.add.reduceat(term, starts) ^ lengths.astype(np.uint64)
        del term
    variant, uniques = pd.factorize(key)  # variants in order of their first case
    counts = np.bincount(variant)
    first = np.empty(len(uniques), dtype=np.int64)
    first[variant[::-1]] = np.arange(len(starts))[::-1]  # assigned backwards, so the earliest case stays
    chosen = np.lexsort((np.arange(len(counts)), -counts))[:top]  # most cases first; ties: seen first
    names = codes.touchpoint_names.to_numpy(dtype=object)
    table = pd.DataFrame({
        "path": [tuple(names[tp[starts[f]:starts[f] + lengths[f]]]) for f in first[chosen]],  # only the shown
        "length": lengths[first[chosen]], "cases": counts[chosen], "share": counts[chosen] / len(starts),
    })
    if codes.nps is not None:
        nps, _ = _nps_by(variant, codes.nps[case[starts]], len(uniques))
        table["nps"] = nps[chosen]
    table.attrs["distinct"] = len(uniques)
    return table
