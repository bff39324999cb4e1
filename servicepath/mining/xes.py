"""XES event logs (IEEE 1849): read as a stream, safely, and written for process-mining tools.

Reading never builds the whole XML tree: each ``<event>`` is read and dropped,
so memory stays a small multiple of the table it makes. The parser refuses
DTDs, entity declarations and external references (defusedxml): an XES file
never needs them, and they are how "billion laughs" and file-reading attacks work.
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FileFormatError, SchemaError, shown
from ..io.atomic import atomic_write

__all__ = ["read_xes", "write_xes", "XES_CASE", "XES_ACTIVITY", "XES_TIME"]

XES_CASE, XES_ACTIVITY, XES_TIME = "case:concept:name", "concept:name", "time:timestamp"
_VALUE_TAGS = {"string", "date", "int", "float", "boolean", "id"}
_GZIP_MAGIC = b"\x1f\x8b"


def _local(tag: str) -> str:
    """``{http://www.xes-standard.org/}event`` → ``event``."""
    return tag.rsplit("}", 1)[-1]


def _open(path: Path):
    raw = open(path, "rb")  # closed by the caller
    if raw.read(2) == _GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw, mode="rb"), raw
    raw.seek(0)
    return raw, raw


class _Progress(io.RawIOBase):
    """A file wrapper that moves a progress bar by the bytes read from the disk."""

    def __init__(self, stream, raw, bar):
        self.stream, self.raw, self.bar, self.seen = stream, raw, bar, 0

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        data = self.stream.read(size)
        position = self.raw.tell()
        self.bar.update(position - self.seen)
        self.seen = position
        return data


def read_xes(path: str | os.PathLike, *, attributes: tuple[str, ...] = (XES_ACTIVITY, XES_TIME),
             progress: bool = False) -> pd.DataFrame:
    """Read an XES (``.xes`` or gzip-compressed ``.xes.gz``) event log into a table.

    Parameters
    ----------
    path : path
    attributes : tuple of str
        Event attributes to keep (keys such as ``concept:name``,
        ``time:timestamp``, ``org:resource``); a missing one is a missing value.
    progress : bool
        Show a progress bar by bytes read.

    Returns
    -------
    DataFrame
        ``case:concept:name`` (the trace's name) and one column per attribute,
        one row per event in file order; ``time:timestamp`` as UTC datetimes.

    Raises
    ------
    FileFormatError
        Not XML or cut short (the line is named), a DTD or entity declaration,
        a root other than ``<log>``, a trace without a name, a date that cannot
        be read (the trace and event are named), or no events at all.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "log.xes"
    >>> _ = path.write_text('<log xes.version="1849-2016"><trace><string key="concept:name" value="c1"/>'
    ...     '<event><string key="concept:name" value="Cart"/><date key="time:timestamp" '
    ...     'value="2026-01-01T10:00:00+02:00"/></event></trace></log>')
    >>> read_xes(path).iloc[0].tolist()
    ['c1', 'Cart', Timestamp('2026-01-01 08:00:00+0000', tz='UTC')]
    """
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    path = Path(path)
    file = str(path)
    if not path.is_file():
        raise FileFormatError("no such file (expected an XES event log)", file=file)
    from tqdm.auto import tqdm

    stream, raw = _open(path)
    table = _Table(attributes)
    with raw, tqdm(total=path.stat().st_size, desc=path.name, unit="B", unit_scale=True, leave=False,
                   disable=not progress) as bar:
        source = _Progress(stream, raw, bar) if progress else stream
        try:
            _parse(safe_xml.iterparse(source, events=("start", "end"), forbid_dtd=True, forbid_entities=True,
                                      forbid_external=True), table, file)
        except DefusedXmlException as exc:
            raise FileFormatError(f"refused: the file declares a DTD or entities ({type(exc).__name__}); XES files "
                                  "never need them", file=file) from None
        except safe_xml.ParseError as exc:
            line = exc.position[0] if getattr(exc, "position", None) else "?"
            raise FileFormatError(f"line {line}: not well-formed XML ({exc}; expected an XES log)", file=file) from None
        except (OSError, EOFError) as exc:  # a damaged gzip stream
            raise FileFormatError(f"cannot be read ({exc})", file=file) from None
    return table.frame(file)


def _parse(events, table: _Table, file: str) -> None:
    depth, root = 0, None
    trace_name, trace_rows, in_trace, in_event = None, 0, False, False
    for kind, element in events:
        tag = _local(element.tag)
        if kind == "start":
            depth += 1
            if depth == 1:
                if tag != "log":
                    raise FileFormatError(f"the root element is <{tag}> (expected <log>)", file=file)
                root = element
            elif tag == "trace" and depth == 2:
                trace_name, trace_rows, in_trace = None, 0, True
            elif tag == "event" and depth == 3:
                in_event = True
            continue
        depth -= 1
        if tag == "event" and in_event and depth == 2:
            table.add_event({element_key: value for element_key, value in _values(element)})
            trace_rows += 1
            in_event = False
            element.clear()
        elif tag in _VALUE_TAGS and depth == 2 and in_trace and not in_event and element.get("key") == "concept:name":
            trace_name = element.get("value")
        elif tag == "trace" and depth == 1:
            if trace_name is None:
                raise FileFormatError(f"trace {table.traces + 1} has no concept:name (expected one, the case id)",
                                      file=file)
            table.end_trace(trace_name, trace_rows)
            in_trace = False
            element.clear()
            root.remove(element)  # nothing of a finished trace stays in memory


def _values(event):
    for child in event:
        if _local(child.tag) in _VALUE_TAGS and child.get("key") is not None:
            yield child.get("key"), child.get("value")


class _Table:
    """Columns collected as lists, repeated texts shared (one string object per distinct value)."""

    def __init__(self, attributes: tuple[str, ...]):
        self.attributes = tuple(attributes)
        self.columns: dict[str, list] = {key: [] for key in self.attributes}
        self.cases: list[str] = []
        self.numbers: list[int] = []  # the event's number within its trace, for error messages
        self.traces = 0
        self.shared: dict[str, str] = {}

    def add_event(self, values: dict) -> None:
        for key in self.attributes:
            value = values.get(key)
            self.columns[key].append(None if value is None else self.shared.setdefault(value, value))

    def end_trace(self, name: str, events: int) -> None:
        name = self.shared.setdefault(name, name)
        self.cases.extend([name] * events)
        self.numbers.extend(range(1, events + 1))
        self.traces += 1

    def frame(self, file: str) -> pd.DataFrame:
        if not self.cases:
            raise FileFormatError("no events (expected traces with events)", file=file)
        data = {XES_CASE: pd.array(self.cases, dtype="str")}
        for key in self.attributes:
            values = self.columns[key]
            data[key] = self._dates(key, values, file) if key == XES_TIME else pd.array(values, dtype="str")
        return pd.DataFrame(data)

    def _dates(self, key: str, values: list, file: str) -> pd.Series:
        parsed = pd.to_datetime(pd.Series(values, dtype="str"), errors="coerce", utc=True, format="ISO8601")
        bad = parsed.isna().to_numpy() & np.array([v is not None for v in values])
        if bad.any():
            k = int(np.flatnonzero(bad)[0])
            raise FileFormatError(f"trace {self.cases[k]!r}, event {self.numbers[k]}: {shown(values[k])} is not a "
                                  f"date and time (expected ISO 8601 in {key})", file=file)
        return parsed


def write_xes(events: pd.DataFrame, path: str | os.PathLike, *, case: str = "case_id", touchpoint: str = "activity",
              timestamp: str = "timestamp") -> Path:
    """Write an event log as XES 1849 (gzip-compressed when the name ends in ``.xes.gz``), atomically.

    One ``<trace>`` per case in order of first appearance, its events in time
    order; text is XML-escaped.

    Examples
    --------
    >>> import pathlib, tempfile, servicepath as sp
    >>> log = sp.simulate_events(sp.load_sample("webshop"), cases=20, seed=2)
    >>> path = write_xes(log, pathlib.Path(tempfile.mkdtemp()) / "webshop.xes.gz")
    >>> back = read_xes(path)
    >>> (back["concept:name"].tolist() == log["activity"].tolist(), len(back) == len(log))
    (True, True)
    """
    missing = [c for c in (case, touchpoint, timestamp) if c not in events.columns]
    if missing:
        raise SchemaError(f"no column {missing[0]!r} (columns present: {', '.join(map(str, events.columns))})",
                          where=f"column {missing[0]!r}")
    text = _xes_text(events, case, touchpoint, timestamp)
    path = Path(path)
    data = gzip.compress(text.encode("utf-8"), mtime=0) if path.name.lower().endswith(".gz") else text.encode("utf-8")
    return atomic_write(path, lambda f: f.write(data))


def _xes_text(events: pd.DataFrame, case: str, touchpoint: str, timestamp: str) -> str:
    from xml.sax.saxutils import quoteattr

    codes, names = pd.factorize(events[case].astype(str))
    times = pd.to_datetime(events[timestamp], utc=True)
    order = np.lexsort((times.to_numpy(dtype="datetime64[ns]"), codes))
    stamps = times.iloc[order].dt.strftime("%Y-%m-%dT%H:%M:%S.%f+00:00").tolist()
    activities = events[touchpoint].astype(str).to_numpy()[order]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
           '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
           '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>']
    codes_sorted = codes[order]
    starts = np.flatnonzero(np.r_[True, codes_sorted[1:] != codes_sorted[:-1]])
    for k, start in enumerate(starts):  # writing a file: one line per event is the work itself
        end = starts[k + 1] if k + 1 < len(starts) else len(order)
        out.append(f'  <trace><string key="concept:name" value={quoteattr(names[codes_sorted[start]])}/>')
        out += [f'    <event><string key="concept:name" value={quoteattr(activities[i])}/>'
                f'<date key="time:timestamp" value="{stamps[i]}"/></event>' for i in range(start, end)]
        out.append("  </trace>")
    out.append("</log>")
    return "\n".join(out) + "\n"
