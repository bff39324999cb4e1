"""Simulated customers walking a designed journey, written down as an event log.

:func:`simulate_events` turns the shares of a :class:`~servicepath.Journey`
into the event log its customers would leave behind: one row per visit, with
the time the customer got there. It gives test data for event-log mining and
a way to see what a journey's numbers mean case by case.
:func:`write_event_log` saves such a log (or any) as CSV or Parquet.

The walk is vectorised across cases: Python loops over steps only, numpy moves
every active case one step at a time.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path
from typing import BinaryIO

import numpy as np
import pandas as pd

from ..analysis.markov import check_flow
from ..errors import SchemaError, UnsupportedFormatError, shown
from ..io.atomic import atomic_write
from ..io.tables import safe_cell
from ..model.durations import parse_duration
from ..model.journey import Journey
from ..model.touchpoint import Transition

__all__ = ["simulate_events", "write_event_log", "DEFAULT_GAP", "EVENT_LOG_WRITE_FORMATS"]

#: The mean time between two steps of a case when the transition has no duration.
DEFAULT_GAP = timedelta(minutes=10)
#: File endings :func:`write_event_log` writes.
EVENT_LOG_WRITE_FORMATS = (".csv", ".parquet", ".xes", ".xes.gz")

_DAY_SECONDS = 86_400
_LEAVE = -1  # the "next touchpoint" of a case that leaves the journey


def simulate_events(
    journey: Journey,
    cases: int = 1000,
    *,
    seed: int | np.random.Generator | None = 0,
    start: str | pd.Timestamp = "2026-01-01T09:00:00Z",
    mean_gap: timedelta | str | None = None,
    case: str = "case_id",
    touchpoint: str = "activity",
    timestamp: str = "timestamp",
    max_steps: int = 200,
) -> pd.DataFrame:
    """Simulate ``cases`` customers walking the journey; return their events as an event log.

    Each case starts at a touchpoint drawn by ``entry_share``. At every
    touchpoint it goes on along a transition with probability ``share``, or
    leaves the journey with what the shares leave over (a ``final``
    touchpoint may still send customers on). The time to the next touchpoint
    is drawn from an exponential distribution whose mean is the transition's
    ``duration`` (``mean_gap`` where it has none), rounded to whole seconds
    and at least one second, so the events of a case never share a time.
    Cases start at ``start`` plus a uniform time within the first 24 hours.

    Parameters
    ----------
    journey : Journey
        A journey customers can walk (see :func:`servicepath.analysis.markov.check_flow`).
    cases : int
        How many customers to simulate (positive).
    seed : int, Generator or None
        The random seed: the same seed gives the same frame.
    start : str or Timestamp
        The earliest possible start of a case; a time without a zone is UTC.
    mean_gap : timedelta or str, optional
        The mean time between steps along transitions without a duration
        (default :data:`DEFAULT_GAP`, ten minutes); text such as ``"PT5M"`` or ``"5 min"`` is read.
    case, touchpoint, timestamp : str
        The names of the three columns.
    max_steps : int
        At most this many events per case: a case still walking (round a
        loop, say) after ``max_steps`` visits is cut there, as if it left.

    Returns
    -------
    DataFrame
        Exactly the columns ``case``, ``touchpoint`` and ``timestamp``, one row
        per visit, sorted by case then time. Case ids are ``"case-0001"`` …,
        zero-padded to the width of ``cases``; timestamps are UTC.

    Raises
    ------
    ValidationError
        If customers cannot walk the journey (no entry, shares over 1, a loop never left).
    SchemaError
        If an argument is of the wrong kind or out of range.

    Examples
    --------
    >>> import servicepath as sp
    >>> events = simulate_events(sp.load_sample("webshop"), cases=50, seed=1)
    >>> list(events.columns), events["case_id"].nunique()
    (['case_id', 'activity', 'timestamp'], 50)
    >>> events["case_id"].iloc[0], str(events["timestamp"].dt.tz)
    ('case-01', 'UTC')
    """
    _check_count(cases, "cases")
    _check_count(max_steps, "max_steps")
    names = _check_columns(case, touchpoint, timestamp)
    origin, default_gap = _start_seconds(start), _gap_seconds(mean_gap)
    rng = _generator(seed)
    if not isinstance(journey, Journey):
        raise SchemaError(f"{type(journey).__name__} is not a journey (expected a servicepath.Journey)",
                          where="journey")
    leave = check_flow(journey)
    steps = _Steps.of(journey, leave, default_gap)
    case_codes, tp_codes, seconds = _walk(steps, cases, max_steps, origin, rng)
    return _frame(names, cases, case_codes, steps.order, tp_codes, seconds)


class _Steps:
    """Every touchpoint's ways on, flattened for one vectorised ``searchsorted`` per step.

    Row ``r`` (touchpoint code ``r``) owns the entries with keys in ``(r, r + 1]``:
    ``r`` plus the cumulative share of each transition, then its leave entry at
    exactly ``r + 1``. A case at ``r`` with a uniform draw ``u`` in [0, 1) takes the
    first entry whose key is above ``r + u``: each way with probability its share.
    """

    def __init__(self, order, entry, keys, targets, means):
        self.order, self.entry, self.keys, self.targets, self.means = order, entry, keys, targets, means

    @classmethod
    def of(cls, journey: Journey, leave: np.ndarray, default_gap: float) -> _Steps:
        graph = journey.graph
        order = list(graph)
        index = {node: i for i, node in enumerate(order)}
        keys, targets, means = [], [], []
        for r, node in enumerate(order):  # a loop over touchpoints and transitions, never over cases
            ways = [Transition.from_attrs(node, target, attrs) for _, target, attrs in graph.out_edges(node, data=True)]
            shares = np.array([w.share for w in ways], dtype=float)
            # Scale so the ways on add up to exactly 1 − leave: shares a rounding over 1 cannot
            # hide the leave entry, nor can a rounding under 1 open one leave_shares says is shut.
            total = shares.sum()
            cumulative = np.cumsum(shares) * ((1 - leave[r]) / total) if total > 0 else shares
            keys.extend(r + np.minimum(cumulative, 1.0))
            keys.append(r + 1.0)
            targets.extend(index[w.target] for w in ways)
            targets.append(_LEAVE)
            means.extend(default_gap if w.duration is None else w.duration.total_seconds() for w in ways)
            means.append(0.0)
        entry = np.array([_number(graph.nodes[n].get("entry_share")) for n in order])
        return cls(order, np.cumsum(entry) / entry.sum(), np.array(keys), np.array(targets, dtype=np.int64),
                   np.array(means))

    def first(self, u: np.ndarray) -> np.ndarray:
        """The touchpoint codes where cases with uniform draws ``u`` start."""
        return np.minimum(np.searchsorted(self.entry, u, side="right"), len(self.order) - 1)

    def next(self, current: np.ndarray, u: np.ndarray) -> np.ndarray:
        """The index of the way each case takes: into ``targets`` and ``means``."""
        return np.searchsorted(self.keys, current + u, side="right")


def _walk(steps: _Steps, cases: int, max_steps: int, origin: int,
          rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Move every case until it leaves or has ``max_steps`` events; return (case, touchpoint, seconds) per event."""
    active = np.arange(cases)
    current = steps.first(rng.random(cases))
    now = origin + np.floor(rng.random(cases) * _DAY_SECONDS).astype(np.int64)
    visited = [(active, current, now)]
    for _ in range(max_steps - 1):
        way = steps.next(current, rng.random(len(active)))
        target = steps.targets[way]
        going = target != _LEAVE
        if not going.any():
            break
        way, active, current = way[going], active[going], target[going]
        gaps = np.rint(rng.exponential(steps.means[way]))
        now = now[going] + np.maximum(gaps, 1).astype(np.int64)
        visited.append((active, current, now))
    case_codes, tp_codes, seconds = (np.concatenate(part) for part in zip(*visited, strict=True))
    return case_codes, tp_codes, seconds


def _frame(names: tuple[str, str, str], cases: int, case_codes, order: list[str], tp_codes, seconds) -> pd.DataFrame:
    # Events were gathered step by step, so within a case they are in time order already:
    # a stable sort by case alone gives case-then-time order.
    by_case = np.argsort(case_codes, kind="stable")
    case_codes, tp_codes, seconds = case_codes[by_case], tp_codes[by_case], seconds[by_case]
    width = len(str(cases))
    case_ids = np.char.add("case-", np.char.zfill(np.arange(1, cases + 1).astype(str), width))
    try:
        times = pd.to_datetime(seconds, unit="s", utc=True)
    except (OverflowError, pd.errors.OutOfBoundsDatetime):
        raise SchemaError("the simulated times run past the last date pandas can hold; use shorter durations, "
                          "a shorter mean_gap or fewer max_steps", where="journey") from None
    case_name, tp_name, time_name = names
    return pd.DataFrame({
        case_name: pd.array(case_ids[case_codes], dtype="str"),
        tp_name: pd.array(np.asarray(order, dtype=object)[tp_codes], dtype="str"),
        time_name: times,
    })


# -- checking the arguments ------------------------------------------------------------
def _check_count(value, name: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise SchemaError(f"{shown(value)} is not a number of {name.replace('_', ' ')} (expected a positive whole "
                          "number)", where=name)


def _check_columns(*names) -> tuple[str, str, str]:
    for role, name in zip(("case", "touchpoint", "timestamp"), names, strict=True):
        if not isinstance(name, str) or not name:
            raise SchemaError(f"{shown(name)} is not a column name (expected text)", where=role)
    if len(set(names)) < len(names):
        raise SchemaError(f"the columns must have three different names, not {', '.join(map(repr, names))}",
                          where="case, touchpoint, timestamp")
    return names


def _start_seconds(start) -> int:
    """``start`` as whole seconds since 1970 (UTC); text without a zone is UTC."""
    try:
        moment = pd.Timestamp(start)
        if pd.isna(moment):
            raise ValueError("no time given")
        moment = moment.tz_localize("UTC") if moment.tzinfo is None else moment.tz_convert("UTC")
        return int(moment.floor("s").value // 1_000_000_000)
    except (ValueError, TypeError, OverflowError) as exc:
        raise SchemaError(f"{shown(start)} is not a date and time ({exc}); write e.g. 2026-01-01T09:00:00Z",
                          where="start") from None


def _gap_seconds(mean_gap) -> float:
    if mean_gap is None:
        return DEFAULT_GAP.total_seconds()
    try:
        gap = parse_duration(mean_gap) if isinstance(mean_gap, str) else mean_gap
    except ValueError as exc:
        raise SchemaError(str(exc), where="mean_gap") from None
    if not isinstance(gap, timedelta) or pd.isna(gap) or gap < timedelta(0):
        raise SchemaError(f"{shown(mean_gap)} is not a mean gap (expected a duration of zero or more, "
                          "e.g. timedelta(minutes=10) or '10 min')", where="mean_gap")
    return gap.total_seconds()


def _generator(seed) -> np.random.Generator:
    if isinstance(seed, bool):
        raise SchemaError("True is not a seed (expected a whole number of zero or more)", where="seed")
    try:
        return np.random.default_rng(seed)
    except (TypeError, ValueError):
        raise SchemaError(f"{shown(seed)} is not a seed (expected a whole number of zero or more)",
                          where="seed") from None


def _number(value) -> float:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else 0.0


# -- writing ---------------------------------------------------------------------------
def write_event_log(
    events: pd.DataFrame,
    path: str | os.PathLike,
    *,
    case: str = "case_id",
    touchpoint: str = "activity",
    timestamp: str = "timestamp",
) -> Path:
    """Save an event log as ``.csv``, ``.parquet``, ``.xes`` or ``.xes.gz``; a failed save leaves the old file.

    The case, touchpoint and timestamp columns come first, any other columns
    after them. CSV is UTF-8 with ISO 8601 times in UTC (``2026-01-01T09:00:00Z``)
    and text that a spreadsheet would run as a formula (``=``, ``+``, ``-``,
    ``@`` first) gets a ``'`` in front. Parquet keeps the case and touchpoint as
    strings and the time as ``timestamp[us, UTC]``. Times without a zone are
    taken as UTC.

    Parameters
    ----------
    events : DataFrame
        One row per event, e.g. from :func:`simulate_events`.
    path : str or path-like
        The file to write; its ending chooses the format.
    case, touchpoint, timestamp : str
        The names of the three columns in ``events``.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    UnsupportedFormatError
        If the ending is not one of :data:`EVENT_LOG_WRITE_FORMATS`.
    SchemaError
        If a column is missing or a timestamp cannot be read.
    SaveError
        If writing fails; the previous file is untouched.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> events = simulate_events(sp.load_sample("webshop"), cases=3)
    >>> path = write_event_log(events, pathlib.Path(tempfile.mkdtemp()) / "log.csv")
    >>> path.read_text(encoding="utf-8").splitlines()[1]
    'case-1,search,2026-01-01T09:23:47Z'
    """
    path = Path(path)
    suffix = ".xes.gz" if path.name.lower().endswith(".xes.gz") else path.suffix.lower()
    if suffix not in EVENT_LOG_WRITE_FORMATS:
        raise UnsupportedFormatError(f"{path}: {shown(suffix) if suffix else 'no ending'} is not an event log "
                                     f"format this writes (supported: {', '.join(EVENT_LOG_WRITE_FORMATS)})")
    frame = _ordered(events, (case, touchpoint, timestamp), str(path))
    frame[timestamp] = _utc(frame[timestamp], timestamp, str(path))
    if suffix == ".csv":
        return atomic_write(path, lambda file: _write_csv(frame, timestamp, file))
    if suffix.startswith(".xes"):
        from .xes import write_xes

        return write_xes(frame, path, case=case, touchpoint=touchpoint, timestamp=timestamp)
    return atomic_write(path, lambda file: _write_parquet(frame, (case, touchpoint), timestamp, file))


def _ordered(events, columns: tuple[str, str, str], file: str) -> pd.DataFrame:
    """A shallow copy of ``events`` with the three columns first (checked present)."""
    if not isinstance(events, pd.DataFrame):
        raise SchemaError(f"{type(events).__name__} is not an event log (expected a DataFrame)", file=file,
                          where="events")
    for name in columns:
        if name not in events.columns:
            present = ", ".join(map(str, events.columns)) or "none"
            raise SchemaError(f"no column {name!r} (columns present: {present})", file=file, where=f"column {name!r}")
    rest = [c for c in events.columns if c not in columns]
    return events[[*columns, *rest]].copy(deep=False)


def _utc(column: pd.Series, name: str, file: str) -> pd.Series:
    """The timestamps as UTC datetimes; text is parsed, times without a zone are UTC."""
    if isinstance(column.dtype, pd.DatetimeTZDtype):
        return column.dt.tz_convert("UTC")
    if pd.api.types.is_datetime64_dtype(column.dtype):
        return column.dt.tz_localize("UTC")
    parsed = pd.to_datetime(column, errors="coerce", utc=True, format="ISO8601")
    bad = np.flatnonzero(parsed.isna().to_numpy() & column.notna().to_numpy())
    if len(bad):
        raise SchemaError(f"row {bad[0] + 1}: {shown(column.iloc[bad[0]])} is not a date and time (expected e.g. "
                          "2026-01-01T09:00:00Z)", file=file, where=f"column {name!r}")
    return parsed


def _write_csv(frame: pd.DataFrame, timestamp: str, file: BinaryIO) -> None:
    out = frame.copy(deep=False)
    for name in out.columns:
        if name == timestamp:
            out[name] = _iso(out[name])
        elif not pd.api.types.is_numeric_dtype(out[name].dtype) and not pd.api.types.is_bool_dtype(out[name].dtype):
            out[name] = _formula_safe(out[name])
    out.to_csv(file, index=False, encoding="utf-8", lineterminator="\n")


def _iso(times: pd.Series) -> np.ndarray:
    """ISO 8601 text in UTC: to the second when every time is whole seconds, else as fine as needed."""
    values = times.dt.tz_localize(None).to_numpy()
    whole = (times.dt.microsecond == 0).all() and (times.dt.nanosecond == 0).all()
    text = np.datetime_as_string(values, unit="s" if whole else "auto", timezone="UTC")
    return np.where(times.isna().to_numpy(), "", text)


def _formula_safe(column: pd.Series) -> pd.Series:
    # safe_cell on each distinct text once, not on every event: a log repeats its touchpoints.
    codes, uniques = pd.factorize(column, use_na_sentinel=True)
    if not len(uniques):
        return column
    safe = np.array([safe_cell(v) if isinstance(v, str) else v for v in uniques], dtype=object)
    return pd.Series(np.where(codes >= 0, safe[np.maximum(codes, 0)], None), index=column.index, dtype=object)


def _write_parquet(frame: pd.DataFrame, texts: tuple[str, str], timestamp: str, file: BinaryIO) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(frame, preserve_index=False)
    for name in texts:
        table = table.set_column(table.schema.get_field_index(name), name, _strings(frame[name]))
    stamp = table.schema.get_field_index(timestamp)
    # Parquet readers everywhere understand microseconds; nanoseconds beyond them are dropped.
    times = table.column(stamp).cast(pa.timestamp("us", tz="UTC"), safe=False)
    table = table.set_column(stamp, timestamp, times)
    pq.write_table(table, file)


def _strings(values: pd.Series):
    """A column as an Arrow string array: case ids such as 7 become "7", missing values stay missing."""
    import pyarrow as pa

    if not pd.api.types.is_string_dtype(values):
        values = values.where(values.isna(), values.astype(str))
    return pa.array(values, type=pa.string(), from_pandas=True)
