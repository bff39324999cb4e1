"""Counting flows in files larger than memory: DuckDB streams the file and spills to disk past ``memory_limit``.

One pass puts each event beside the next one of its case (``LEAD()`` over the
case ordered by time) into a temporary table; the counts, durations and
variants are grouped from it. The result is the same :class:`Flows` the
in-memory engine gives.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from ..errors import FileFormatError, ResourceError, SchemaError, UnsupportedFormatError, shown
from .events import OPTIONAL_COLUMNS, find_columns
from .flows import TIES, Flows

__all__ = ["duckdb_flows"]


def duckdb_flows(path, *, case: str = "case_id", touchpoint: str = "activity", timestamp: str = "timestamp",
                 nps: str | None = None, ties: str = "error", memory_limit: str = "1GB", top_variants: int = 100,
                 progress: bool = False) -> Flows:
    """:class:`Flows` of a CSV or Parquet event log, counted by DuckDB within ``memory_limit``."""
    import duckdb

    path = Path(path)
    if ties not in TIES:
        raise SchemaError(f"{ties!r} is not a way to handle ties (expected one of {', '.join(TIES)})", where="ties")
    with tempfile.TemporaryDirectory(prefix="servicepath-duckdb-") as spill, duckdb.connect() as db:
        limit = _limit(memory_limit)
        db.execute(f"SET memory_limit = '{limit}'")
        db.execute(f"SET threads = {_threads(limit)}")
        db.execute(f"SET temp_directory = '{spill}'")  # a fresh folder, removed afterwards
        db.execute("SET preserve_insertion_order = false")
        db.execute(f"SET enable_progress_bar = {'true' if progress else 'false'}")
        try:
            return _count(db, path, case, touchpoint, timestamp, nps, ties, top_variants)
        except duckdb.OutOfMemoryException:
            raise ResourceError(f"{path}: counting needed more than memory_limit={limit!r} (expected a larger limit, "
                                "such as memory_limit='4GB'; nothing else was changed)") from None
        except duckdb.Error as exc:
            raise FileFormatError(f"cannot be read as an event log ({str(exc).splitlines()[0]})",
                                  file=str(path)) from None


_UNITS = {"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "TB": 1 << 40}
#: DuckDB gives every thread its own buffers; below this much memory per thread, fewer threads finish where more fail.
_BYTES_PER_THREAD = 256 << 20


def _limit(text: str) -> str:
    value = str(text).strip().upper().replace(" ", "")
    try:
        if value[-2:] not in _UNITS or float(value[:-2]) <= 0:
            raise ValueError
    except ValueError:
        raise SchemaError(f"{shown(text)} is not a memory limit (expected a size such as 1GB or 500MB)",
                          where="memory_limit") from None
    return value


def _threads(limit: str) -> int:
    budget = float(limit[:-2]) * _UNITS[limit[-2:]]
    return max(1, min(os.cpu_count() or 1, int(budget // _BYTES_PER_THREAD)))


def _source(path: Path) -> str:
    """The DuckDB table function that scans the file; CSV cells are read as text so we parse the times."""
    if not path.is_file():
        raise FileFormatError("no such file (expected an event log)", file=str(path))
    suffix = path.suffix.lower()
    quoted = "'" + str(path).replace("'", "''") + "'"
    if suffix == ".csv":
        return f"read_csv({quoted}, header = true, all_varchar = true)"
    if suffix in (".parquet", ".pq"):
        return f"read_parquet({quoted})"
    raise UnsupportedFormatError(f"{path}: the duckdb engine reads .csv and .parquet files, not {suffix or 'this'}")


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _count(db, path: Path, case, touchpoint, timestamp, nps, ties, top_variants) -> Flows:
    file, source = str(path), _source(path)
    present = [row[0] for row in db.execute(f"DESCRIBE SELECT * FROM {source}").fetchall()]  # noqa: S608
    cols = find_columns(present, {"case": case, "touchpoint": touchpoint, "timestamp": timestamp}, file)
    extra = [name for name in OPTIONAL_COLUMNS if name in present]
    if nps is not None and nps not in present:
        raise SchemaError(f"no NPS column {nps!r} (columns present: {', '.join(present[:12])})", file=file,
                          where=f"column {nps!r}")
    time_text = f"CAST({_q(cols['timestamp'])} AS VARCHAR)"
    time = f"TRY_CAST({_q(cols['timestamp'])} AS TIMESTAMPTZ)"
    text = _unescaped if path.suffix.lower() == ".csv" else (lambda expr: expr)
    case_text, touchpoint_text = (text(f"CAST({_q(cols[role])} AS VARCHAR)") for role in ("case", "touchpoint"))
    select = [f"NULLIF(TRIM({case_text}), '') AS c", f"NULLIF(TRIM({touchpoint_text}), '') AS a",
              f"{time} AS t", f"{time_text} AS t_text"]
    select += [f"COALESCE(CAST({_q(name)} AS VARCHAR), '') AS x_{name}" for name in extra]
    if nps is not None:
        select.append(f"TRY_CAST({_q(nps)} AS DOUBLE) AS nps, CAST({_q(nps)} AS VARCHAR) AS nps_text")
    db.execute(f"CREATE TEMP VIEW events AS SELECT {', '.join(select)} FROM {source}")  # noqa: S608
    skipped = _check(db, file, cols["timestamp"], nps)
    tie_order = ", t_text" if ties == "file-order" else ""
    extra_cols = "".join(f", x_{name}" for name in extra) + (", nps" if nps is not None else "")
    db.execute(f"""CREATE TEMP TABLE steps AS
        SELECT c, a, LEAD(a) OVER w AS next, epoch_ns(LEAD(t) OVER w) - epoch_ns(t) AS gap,
               ROW_NUMBER() OVER w - 1 AS pos {extra_cols}
        FROM events WHERE c IS NOT NULL AND a IS NOT NULL
        WINDOW w AS (PARTITION BY c ORDER BY t{tie_order})""")  # noqa: S608
    if ties == "error":
        _check_ties(db, file, cols["timestamp"])
    nodes = _touchpoints(db, extra, nps is not None)
    edges = db.execute(_quantiles("next IS NOT NULL", ["a", "next"], "gap / 1e9", {"duration_median": 0.5,
                                                                                 "duration_p90": 0.9})).df()
    edges = edges.rename(columns={"a": "source", "next": "target", "n": "volume"}).sort_values(["source", "target"])
    events, cases = db.execute("SELECT count(*), count(*) FILTER (WHERE pos = 0) FROM steps").fetchone()
    variants = _variants(db, top_variants, cases, nps is not None)
    return Flows(nodes, edges, variants, events=int(events), cases=int(cases), source=file, skipped=skipped)


def _quantiles(where: str, groups: list[str], value: str, quantiles: dict[str, float]) -> str:
    """SQL for exact quantiles per group (numpy's linear interpolation) from a sort DuckDB can spill to disk.

    DuckDB's own ``quantile_cont`` keeps every value of a group in memory, which a large log does not allow.
    """
    by = ", ".join(groups)
    picks = []
    for name, q in quantiles.items():
        h = f"((n - 1) * {q})"
        low, high = f"max(v) FILTER (WHERE r = floor({h}))", f"max(v) FILTER (WHERE r = ceil({h}))"
        picks.append(f"{low} + (any_value({h}) - floor(any_value({h}))) * ({high} - {low}) AS {name}")
    wanted = " OR ".join(f"r IN (floor((n - 1) * {q}), ceil((n - 1) * {q}))" for q in quantiles.values())
    return f"""WITH ranked AS (SELECT {by}, {value} AS v, count(*) OVER (PARTITION BY {by}) AS n,
                                   row_number() OVER (PARTITION BY {by} ORDER BY {value}) - 1 AS r
                               FROM steps WHERE {where})
               SELECT {by}, any_value(n) AS n, {", ".join(picks)} FROM ranked WHERE {wanted} GROUP BY {by}"""  # noqa: S608


def _unescaped(expr: str) -> str:
    """Undo the apostrophe formula-safe CSV writers put before ``= + - @`` (as :func:`unsafe_cell` does)."""
    return f"CASE WHEN regexp_matches({expr}, '^''+[=+@\t\r-]') THEN {expr}[2:] ELSE {expr} END"


def _check(db, file: str, column: str, nps: str | None) -> dict[str, int]:
    """Empty log, unreadable times and NPS answers (named by value and case); rows without case or touchpoint."""
    bad_nps = "any_value(nps_text) FILTER (WHERE nps_text IS NOT NULL AND (nps IS NULL OR nps < 0 OR nps > 10 " \
              "OR nps <> round(nps)))" if nps else "NULL"
    total, no_case, no_tp, bad_time, bad_case, bad_answer = db.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE c IS NULL), count(*) FILTER (WHERE c IS NOT NULL AND a IS NULL),
               any_value(t_text) FILTER (WHERE t IS NULL AND c IS NOT NULL AND a IS NOT NULL),
               any_value(c) FILTER (WHERE t IS NULL AND c IS NOT NULL AND a IS NOT NULL), {bad_nps}
        FROM events""").fetchone()  # noqa: S608
    if total == 0:
        raise FileFormatError("the event log is empty (expected one row per event)", file=file)
    if bad_case is not None:
        what = "no timestamp" if bad_time is None else f"{shown(bad_time)} is not a date and time"
        raise SchemaError(f"case {bad_case!r}: {what} (expected ISO 8601, such as 2026-03-01T09:30:00Z)", file=file,
                          where=f"column {column!r}")
    if bad_answer is not None:
        raise SchemaError(f"{shown(bad_answer)} is not an answer from 0 to 10 (expected a whole number 0…10)",
                          file=file, where=f"column {nps!r}")
    if total == no_case + no_tp:
        raise FileFormatError("no event has both a case and a touchpoint (expected at least one)", file=file)
    return {"no case": int(no_case), "no touchpoint": int(no_tp)}


def _check_ties(db, file: str, column: str) -> None:
    count, case = db.execute("SELECT count(*), any_value(c) FROM steps WHERE next IS NOT NULL AND gap = 0").fetchone()
    if count:
        raise SchemaError(f"two events of case {case!r} have the same time, so their order is unknown ({count:,} such "
                          "ties in all; expected distinct times within a case, or pass ties='file-order')",
                          file=file, where=f"column {column!r}")


def _touchpoints(db, extra: list[str], with_nps: bool) -> pd.DataFrame:
    nodes = db.execute("""SELECT a AS touchpoint, count(*) AS visits, count(*) FILTER (WHERE pos = 0) AS entries,
                                 count(*) FILTER (WHERE next IS NULL) AS exits
                          FROM steps GROUP BY a""").df()
    # steps are few distinct numbers: their counts are a small table, and the median comes from it exactly
    steps = db.execute("SELECT a, pos, count(*) AS n FROM steps GROUP BY a, pos ORDER BY a, pos").df()
    nodes["position"] = nodes["touchpoint"].map({a: _median_of_counts(g["pos"].to_numpy(), g["n"].to_numpy())
                                                 for a, g in steps.groupby("a")})
    cases = db.execute("SELECT a, count(*) AS cases FROM (SELECT DISTINCT c, a FROM steps) GROUP BY a").df()
    nodes = nodes.merge(cases.rename(columns={"a": "touchpoint"}), on="touchpoint")
    for name in extra:
        mode = db.execute(f"""SELECT a, arg_max(x_{name}, n) AS value FROM (
                                  SELECT a, x_{name}, count(*) AS n FROM steps WHERE x_{name} <> ''
                                  GROUP BY a, x_{name}) GROUP BY a""").df()  # noqa: S608
        nodes[name] = nodes["touchpoint"].map(dict(zip(mode["a"], mode["value"], strict=True))).fillna("")
    if with_nps:
        nodes = nodes.merge(_nps(db), on="touchpoint", how="left")
    order = ["touchpoint", "visits", "cases", "entries", "exits", "position", *extra]
    order += ["nps", "nps_answers"] if with_nps else []
    nodes = nodes.sort_values(["position", "touchpoint"]).reset_index(drop=True)
    return nodes[order].astype({"visits": np.int64, "cases": np.int64, "entries": np.int64, "exits": np.int64})


def _median_of_counts(values: np.ndarray, counts: np.ndarray) -> float:
    """The median (numpy's interpolation) of ``values`` each repeated ``counts`` times, without repeating them."""
    ends = np.cumsum(counts)
    middle = (ends[-1] - 1) / 2
    low = values[np.searchsorted(ends, np.floor(middle), side="right")]
    high = values[np.searchsorted(ends, np.ceil(middle), side="right")]
    return float(low + (middle - np.floor(middle)) * (high - low))


def _nps(db) -> pd.DataFrame:
    """NPS of the customers who passed each touchpoint: one answer per case, counted once per touchpoint."""
    table = db.execute("""WITH answer AS (SELECT c, max(nps) AS nps FROM steps GROUP BY c),
                               passed AS (SELECT DISTINCT c, a FROM steps)
                          SELECT a AS touchpoint, count(answer.nps) AS nps_answers,
                                 100.0 * (count(*) FILTER (WHERE answer.nps >= 9)
                                          - count(*) FILTER (WHERE answer.nps <= 6)) / NULLIF(count(answer.nps), 0)
                                     AS nps
                          FROM passed JOIN answer USING (c) GROUP BY a""").df()
    return table


def _variants(db, top: int, cases: int, with_nps: bool) -> pd.DataFrame:
    """The most frequent complete paths, most frequent first.

    A case's path is identified by XOR-ing the hashes of its "step, touchpoint" texts, which DuckDB groups
    with its spilling hash aggregate; only the paths shown are spelled out.
    """
    per_case_nps = ", max(nps) AS nps" if with_nps else ""
    nps = ", 100.0 * (count(*) FILTER (WHERE nps >= 9) - count(*) FILTER (WHERE nps <= 6)) " \
          "/ NULLIF(count(nps), 0) AS nps" if with_nps else ""
    table = db.execute(f"""
        WITH per_case AS (SELECT c, bit_xor(hash(concat(pos, chr(31), a))) AS h, count(*) AS length {per_case_nps}
                          FROM steps GROUP BY c),
             top AS (SELECT h, length, count(*) AS cases, min(c) AS example {nps}
                     FROM per_case GROUP BY h, length ORDER BY cases DESC, example LIMIT {int(top)})
        SELECT top.*, list(steps.a ORDER BY steps.pos) AS path
        FROM top JOIN steps ON steps.c = top.example
        GROUP BY ALL ORDER BY cases DESC, example""").df()  # noqa: S608
    table["path"] = [tuple(p) for p in table["path"]]  # a loop over the few paths shown
    table["share"] = table["cases"] / cases
    return table[["path", "length", "cases", "share"] + (["nps"] if with_nps else [])]
