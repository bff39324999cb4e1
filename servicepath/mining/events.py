"""Reading an event log into integer codes: the columns checked, bad rows named, nothing dropped silently.

An event log has one row per event: which customer journey (case) it belongs
to, which touchpoint it happened at and when. Everything after this module
works on integer codes (numpy), because sorting and counting Arrow strings
costs most of the time on large logs.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FileFormatError, SchemaError, UnsupportedFormatError, shown

__all__ = ["XES_COLUMNS", "OPTIONAL_COLUMNS", "EventCodes", "read_event_frame", "encode_events"]

#: XES standard attribute names and the column each stands for.
XES_COLUMNS = {"case:concept:name": "case", "concept:name": "touchpoint", "time:timestamp": "timestamp"}
#: Optional per-event columns carried onto the touchpoints (the most frequent value wins).
OPTIONAL_COLUMNS = ("channel", "stage", "lane")
#: File endings read as an event log.
EVENT_FORMATS = (".csv", ".parquet", ".pq", ".xes", ".xes.gz")


@dataclass
class EventCodes:
    """An event log as integer codes, rows in the order they were read.

    ``case`` and ``touchpoint`` are codes into ``case_names`` and
    ``touchpoint_names``; ``time`` is int64 nanoseconds since 1970 (UTC).
    ``kept`` holds the source row index of each event when rows were left
    out (None when every row was kept); :meth:`row` gives row numbers.
    """

    case: np.ndarray
    touchpoint: np.ndarray
    time: np.ndarray
    case_names: pd.Index
    touchpoint_names: pd.Index
    source: str
    extra: dict[str, tuple[np.ndarray, np.ndarray]] = field(default_factory=dict)  # optional column: (codes, texts)
    nps: np.ndarray | None = None  # per case code: the 0…10 answer, NaN where none
    skipped_case: int = 0
    skipped_touchpoint: int = 0
    first_skipped: int | None = None
    kept: np.ndarray | None = None

    def __len__(self) -> int:
        return len(self.case)

    def row(self, event: int) -> int:
        """The source row number (1 = the first data row) of event ``event``."""
        return int(event if self.kept is None else self.kept[event]) + 1


def is_event_log(path: str | os.PathLike) -> bool:
    """Whether the file name ends like an event log (.csv, .parquet, .pq, .xes, .xes.gz)."""
    name = Path(path).name.lower()
    return name.endswith(".xes.gz") or Path(name).suffix in EVENT_FORMATS


def read_event_frame(events, *, columns: list[str], file: str, progress: bool = False) -> pd.DataFrame:
    """A DataFrame, CSV or Parquet path (or XES) as a DataFrame.

    ``columns`` are the case, touchpoint and timestamp columns (and the NPS one): in a CSV they are
    read as text (a case id 007 stays "007"); from Parquet only they and the optional columns are read.
    """
    if isinstance(events, pd.DataFrame):
        return events
    if not isinstance(events, str | os.PathLike):
        raise SchemaError(f"{type(events).__name__} is not an event log (expected a DataFrame or a CSV, Parquet "
                          "or XES file)", where="events")
    path = Path(events)
    suffix = ".xes.gz" if path.name.lower().endswith(".xes.gz") else path.suffix.lower()
    if suffix not in EVENT_FORMATS:
        raise UnsupportedFormatError(f"{path}: {suffix or 'no ending'} is not an event log format "
                                     f"(expected one of {', '.join(EVENT_FORMATS)})")
    if not path.is_file():
        raise FileFormatError("no such file (expected an event log)", file=str(path))
    if suffix.startswith(".xes"):
        from .xes import read_xes

        return read_xes(path, progress=progress)
    wanted = [*columns, *XES_COLUMNS, *OPTIONAL_COLUMNS]
    return _read_table(path, suffix, file, progress, wanted)


def _read_table(path: Path, suffix: str, file: str, progress: bool, wanted: list[str]) -> pd.DataFrame:
    import pyarrow as pa

    try:
        if suffix == ".csv":
            table = _read_csv(path, progress, wanted)
        else:
            table = _read_parquet(path, progress, wanted)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OSError) as exc:
        raise FileFormatError(f"cannot be read as {suffix[1:].upper()} ({str(exc).splitlines()[0]})",
                              file=file) from None
    return table.to_pandas()


def _read_csv(path: Path, progress: bool, wanted: list[str]):
    import pyarrow as pa
    import pyarrow.csv as pcsv

    # Ids and times as text: "007" stays a case of its own, and a bad time is parsed by us, naming its row.
    text = {name: pa.string() for name in wanted}
    reader = pcsv.open_csv(path, convert_options=pcsv.ConvertOptions(column_types=text, strings_can_be_null=True,
                                                                      timestamp_parsers=[]),
                           read_options=pcsv.ReadOptions(block_size=16 << 20))
    batches = []
    with _bar(progress, path.stat().st_size, path.name) as bar:
        for batch in reader:
            batches.append(batch)
            bar.update(batch.nbytes)
    return _unescape_formulas(pa.Table.from_batches(batches, schema=reader.schema))


def _unescape_formulas(table):
    """Undo the apostrophe that formula-safe writers put before ``= + - @`` (as :func:`unsafe_cell`, vectorised)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for k, field_ in enumerate(table.schema):
        if not pa.types.is_string(field_.type) and not pa.types.is_large_string(field_.type):
            continue
        column = table.column(k)
        escaped = pc.fill_null(pc.match_substring_regex(column, r"^'+[=+\-@\t\r]"), False)
        if pc.any(escaped).as_py():
            table = table.set_column(k, field_.name, pc.if_else(escaped, pc.utf8_slice_codeunits(column, 1), column))
    return table


def _read_parquet(path: Path, progress: bool, wanted: list[str]):
    import pyarrow as pa
    import pyarrow.parquet as pq

    parquet = pq.ParquetFile(path)
    present = [name for name in parquet.schema_arrow.names if name in wanted] or None  # the rest is never read
    schema = parquet.schema_arrow if present is None else pa.schema([parquet.schema_arrow.field(n) for n in present])
    batches = []
    with _bar(progress, parquet.metadata.num_rows, path.name, unit="rows") as bar:
        for batch in parquet.iter_batches(batch_size=1 << 20, columns=present):
            batches.append(batch)
            bar.update(batch.num_rows)
    return pa.Table.from_batches(batches, schema=schema)


#: A progress bar is shown only for reads at least this long (bytes, or rows of Parquet).
BAR_FROM = {"B": 64 << 20, "rows": 1_000_000}


def _bar(progress: bool, total: int, name: str, unit: str = "B"):
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=name, unit=unit, unit_scale=True, leave=False,
                disable=not progress or total < BAR_FROM[unit])


def find_columns(columns, wanted: dict[str, str], file: str) -> dict[str, str]:
    """Map each role (case, touchpoint, timestamp) to one of ``columns``, accepting the XES names."""
    columns = list(columns)
    found = {}
    for role, column in wanted.items():
        if column in columns:
            found[role] = column
            continue
        xes = next((name for name, r in XES_COLUMNS.items() if r == role and name in columns), None)
        if xes is None:
            present = ", ".join(map(str, columns[:12])) or "none"
            raise SchemaError(f"no {role} column {column!r} (expected it, or {_xes_name(role)!r}; columns present: "
                              f"{present})", file=file, where=f"column {column!r}")
        found[role] = xes
    return found


def _xes_name(role: str) -> str:
    return next(name for name, r in XES_COLUMNS.items() if r == role)


def encode_events(frame: pd.DataFrame, *, case: str, touchpoint: str, timestamp: str, file: str,
                  nps: str | None = None, extra: tuple[str, ...] = OPTIONAL_COLUMNS) -> EventCodes:
    """Check an event table and turn it into :class:`EventCodes`.

    Rows with no case or no touchpoint are counted (``skipped_case``,
    ``skipped_touchpoint``) and left out; a timestamp that cannot be read is
    an error naming the column and the row.
    """
    if len(frame) == 0:
        raise FileFormatError("the event log is empty (expected one row per event)", file=file)
    cols = find_columns(frame.columns, {"case": case, "touchpoint": touchpoint, "timestamp": timestamp}, file)
    # The two hashings release the GIL: side by side on two cores they take the time of the longer one.
    with ThreadPoolExecutor(max_workers=2) as pool:
        touchpoints = pool.submit(_codes, frame[cols["touchpoint"]])
        case_codes, case_names = _codes(frame[cols["case"]])
        tp_codes, tp_names = touchpoints.result()
    time = _nanoseconds(frame[cols["timestamp"]], cols["timestamp"], file)
    missing_case, missing_tp = case_codes < 0, (tp_codes < 0) & (case_codes >= 0)
    keep = ~(missing_case | missing_tp)
    skipped = np.flatnonzero(~keep)
    codes = EventCodes(
        case=case_codes, touchpoint=tp_codes, time=time,
        case_names=case_names, touchpoint_names=tp_names, source=file,
        skipped_case=int(missing_case.sum()), skipped_touchpoint=int(missing_tp.sum()),
        first_skipped=int(skipped[0]) + 1 if len(skipped) else None,
    )
    nat = (time == np.iinfo(np.int64).min) & keep
    if nat.any():
        row = int(np.flatnonzero(nat)[0])
        raise SchemaError(f"row {row + 1}: no timestamp (expected a date and time for every event)", file=file,
                          where=f"column {cols['timestamp']!r}")
    codes.extra = {name: _text_column(frame[name]) for name in extra if name in frame.columns}
    if nps is not None:
        codes.nps = _case_nps(frame, nps, case_codes, len(case_names), file)
    if not keep.all():
        _keep_rows(codes, keep)
    if len(codes) == 0:
        raise FileFormatError("no event has both a case and a touchpoint (expected at least one)", file=file)
    return codes


def _codes(column: pd.Series) -> tuple[np.ndarray, pd.Index]:
    """Integer codes (-1 for missing or blank) and the distinct values, in order of first appearance."""
    codes, names = pd.factorize(column, use_na_sentinel=True)
    names = pd.Index(names).astype(str)
    blank = names.str.strip() == ""
    if blank.any():  # an empty cell in a CSV is a missing value, not a touchpoint called ""
        remap = np.where(blank, -1, np.cumsum(~blank) - 1)
        codes = np.where(codes >= 0, remap[codes], -1)
        names = names[~blank]
    return codes.astype(np.int32, copy=False), names


def _nanoseconds(column: pd.Series, name: str, file: str) -> np.ndarray:
    if not isinstance(column.dtype, pd.DatetimeTZDtype) and not pd.api.types.is_datetime64_dtype(column.dtype):
        parsed = pd.to_datetime(column, errors="coerce", utc=True, format="ISO8601")
        bad = parsed.isna() & column.notna() & (column.astype(str).str.strip() != "")
        if bad.any():
            row = int(np.flatnonzero(bad.to_numpy())[0])
            raise SchemaError(f"row {row + 1}: {shown(column.iloc[row])} is not a date and time (expected ISO 8601, "
                              "such as 2026-03-01T09:30:00Z)", file=file, where=f"column {name!r}")
        column = parsed
    elif column.dt.tz is None:
        column = column.dt.tz_localize("UTC")  # naive times are read as UTC, the same for every row
    return np.asarray(column.dt.as_unit("ns").array.asi8)


def _text_column(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes (-1 for missing or blank) and the distinct texts of an optional column."""
    codes, names = _codes(column)
    return codes, names.to_numpy(dtype=object)


def _case_nps(frame: pd.DataFrame, column: str, case_codes: np.ndarray, cases: int, file: str) -> np.ndarray:
    if column not in frame.columns:
        raise SchemaError(f"no NPS column {column!r} (columns present: {', '.join(map(str, frame.columns[:12]))})",
                          file=file, where=f"column {column!r}")
    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=float)
    given = (raw.notna() & (raw.astype(str).str.strip() != "")).to_numpy()
    with np.errstate(invalid="ignore"):
        bad = given & (np.isnan(values) | (values < 0) | (values > 10) | (values != np.round(values)))
    if bad.any():
        row = int(np.flatnonzero(bad)[0])
        value = raw.iloc[row]
        raise SchemaError(f"row {row + 1}: {shown(value.item() if hasattr(value, 'item') else value)} is not an "
                          "answer from 0 to 10 (expected a whole number 0…10, or an empty cell)", file=file,
                          where=f"column {column!r}")
    per_case = np.full(cases, np.nan)
    answered = ~np.isnan(values) & (case_codes >= 0)
    per_case[case_codes[answered]] = values[answered]  # one answer per case: the last row given wins
    return per_case


def _keep_rows(codes: EventCodes, keep: np.ndarray) -> None:
    codes.kept = np.flatnonzero(keep)
    for name in ("case", "touchpoint", "time"):
        setattr(codes, name, getattr(codes, name)[keep])
    codes.extra = {name: (values[keep], texts) for name, (values, texts) in codes.extra.items()}
