"""Counting directly-follows flows from integer-coded events: sorting and counting in numpy, no loop over events.

The result, :class:`Flows`, holds plain tables (touchpoints and transitions),
so the in-memory engine here and the DuckDB engine for large files hand the
same thing to the journey builder.
"""

from __future__ import annotations

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


def case_order(codes: EventCodes, ties: str = "error") -> np.ndarray:
    """Row order that puts every case's events together, in time order (ties in the order read)."""
    time = codes.time
    order = None if bool(np.all(time[1:] >= time[:-1])) else np.argsort(time, kind="stable")
    cases = codes.case if order is None else codes.case[order]
    by_case = _stable_radix(cases.astype(np.uint32))
    order = by_case if order is None else order[by_case]
    _check_ties(codes, order, ties)
    return order


def _stable_radix(keys: np.ndarray) -> np.ndarray:
    """Stable argsort of uint32 keys in two 16-bit passes: numpy radix-sorts 16-bit keys, far faster than timsort."""
    order = np.argsort((keys & 0xFFFF).astype(np.uint16), kind="stable")
    if keys.max(initial=0) <= 0xFFFF:
        return order
    high = (keys[order] >> 16).astype(np.uint16)
    return order[np.argsort(high, kind="stable")]


def _check_ties(codes: EventCodes, order: np.ndarray, ties: str) -> None:
    if ties not in TIES:
        raise SchemaError(f"{ties!r} is not a way to handle ties (expected one of {', '.join(TIES)})", where="ties")
    if ties == "file-order":
        return
    case, time = codes.case[order], codes.time[order]
    tied = np.flatnonzero((case[1:] == case[:-1]) & (time[1:] == time[:-1]))
    if len(tied):
        first, second = codes.row[order[tied[0]]], codes.row[order[tied[0] + 1]]
        name = codes.case_names[case[tied[0]]]
        raise SchemaError(f"rows {min(first, second)} and {max(first, second)}: two events of case {name!r} have the "
                          f"same time, so their order is unknown ({len(tied):,} such ties in all; expected distinct "
                          "times within a case, or pass ties='file-order' to keep the order of the rows)",
                          file=codes.source, where="column timestamp")


def count_flows(codes: EventCodes, *, ties: str = "error", top_variants: int = 100) -> Flows:
    """Directly-follows counts, durations, entries, exits and variants of an encoded log."""
    order = case_order(codes, ties)
    case, tp, time = codes.case[order], codes.touchpoint[order], codes.time[order]
    n_tp = len(codes.touchpoint_names)
    starts = np.flatnonzero(np.r_[True, case[1:] != case[:-1]])
    first = np.zeros(len(case), dtype=bool)
    first[starts] = True
    last = np.r_[first[1:], True]
    position = np.arange(len(case)) - np.repeat(starts, np.diff(np.r_[starts, len(case)]))
    nodes = _touchpoint_table(codes, order, tp, case, first, last, position, n_tp)
    follows = ~last[:-1]
    edges = _transition_table(tp[:-1][follows], tp[1:][follows], np.diff(time)[follows], n_tp,
                              codes.touchpoint_names)
    variants = _variants(tp, starts, codes, case, top_variants)
    skipped = {"no case": codes.skipped_case, "no touchpoint": codes.skipped_touchpoint}
    return Flows(nodes, edges, variants, events=len(case), cases=len(starts), source=codes.source, skipped=skipped)


def _touchpoint_table(codes, order, tp, case, first, last, position, n_tp) -> pd.DataFrame:
    by_tp = _stable_radix(tp.astype(np.uint32))  # within a touchpoint, events stay in case order
    tp_sorted, case_sorted = tp[by_tp], case[by_tp]
    new_pair = np.r_[True, (tp_sorted[1:] != tp_sorted[:-1]) | (case_sorted[1:] != case_sorted[:-1])]
    visits = np.bincount(tp, minlength=n_tp)
    table = pd.DataFrame({
        "touchpoint": codes.touchpoint_names.to_numpy(dtype=object),
        "visits": visits, "cases": np.bincount(tp_sorted[new_pair], minlength=n_tp),
        "entries": np.bincount(tp[first], minlength=n_tp), "exits": np.bincount(tp[last], minlength=n_tp),
        "position": _group_quantiles(position[by_tp].astype(float), visits, (0.5,))[0],
    })
    for name, (values, texts) in codes.extra.items():
        table[name] = _most_frequent(tp, values[order], n_tp, texts)
    if codes.nps is not None:
        answer = codes.nps[case_sorted[new_pair]]
        table["nps"], table["nps_answers"] = _nps_by(tp_sorted[new_pair], answer, n_tp)
    return table


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


def _variants(tp: np.ndarray, starts: np.ndarray, codes: EventCodes, case: np.ndarray, top: int) -> pd.DataFrame:
    """The ``top`` most frequent complete paths: cases grouped by two independent hashes of their sequence."""
    lengths = np.diff(np.r_[starts, len(tp)])
    step = np.arange(len(tp)) - np.repeat(starts, lengths)
    frame = pd.DataFrame({"h1": _sequence_hash(tp, step, starts, 1_000_003, 2_147_483_647),
                          "h2": _sequence_hash(tp, step, starts, 998_244_353, 2_147_483_629),
                          "length": lengths, "first": starts})
    if codes.nps is not None:
        frame["answer"] = codes.nps[case[starts]]
    grouped = frame.groupby(["h1", "h2", "length"], sort=False)
    table = grouped.agg(cases=("first", "size"), first=("first", "first")).reset_index()
    if codes.nps is not None:
        table["nps"] = grouped["answer"].agg(_nps_of).to_numpy()
    table = table.sort_values(["cases", "first"], ascending=[False, True]).head(top).reset_index(drop=True)
    names = codes.touchpoint_names.to_numpy(dtype=object)
    # a loop over the few paths shown, not over cases
    table.insert(0, "path", [tuple(names[tp[s:s + n]]) for s, n in zip(table["first"], table["length"], strict=True)])
    table["share"] = table["cases"] / len(starts)
    table.attrs["distinct"] = int(grouped.ngroups)
    return table[["path", "length", "cases", "share"] + (["nps"] if codes.nps is not None else [])]


def _sequence_hash(tp: np.ndarray, step: np.ndarray, starts: np.ndarray, base: int, mod: int) -> np.ndarray:
    """Per case, sum of (code + 1)·base^step mod a 31-bit prime: products stay below 2**62, sums fit in uint64."""
    power = np.ones(int(step.max()) + 1, dtype=np.uint64)
    for i in range(1, len(power)):  # as many steps as the longest case, never per event
        power[i] = power[i - 1] * np.uint64(base) % np.uint64(mod)
    term = (tp.astype(np.uint64) + np.uint64(1)) * power[step] % np.uint64(mod)
    return np.add.reduceat(term, starts) % np.uint64(mod)


def _nps_of(answers: pd.Series) -> float:
    answers = answers.dropna()
    if answers.empty:
        return np.nan
    return 100.0 * (float((answers >= 9).mean()) - float((answers <= 6).mean()))
