"""How fast the lived journey is counted from an event log, against pm4py and a bare sort.

Synthetic logs of a 15-touchpoint web shop (branching, 30 % drop-out at payment, loops
through complaint handling), cases interleaved in time as a real export is, written to
Parquet and read back with pandas (string columns as Arrow strings). For each size, in the
same run, the median of ``--repeat`` runs of:

- ours: ``journey_from_events(frame)`` (directly-follows counts, entries, exits, variants
  and the median and 90th-percentile durations, into a Journey), and ``event_flows`` alone;
- pm4py: ``discover_dfg`` plus ``discover_performance_dfg`` on the same frame (pm4py is a
  dev dependency for this check only, never imported by servicepath: it is AGPL-3.0);
- the floor: a bare ``np.lexsort`` of the integer-coded case and time columns.

Edge counts, start and end counts must agree exactly with pm4py, and median durations too.
Peak memory (resident set) is measured in a fresh process per size. ``--duckdb-events N``
also writes an N-event Parquet file in row groups and counts it with the DuckDB engine
held to ``memory_limit='1GB'``.

    python benchmarks/bench_mining.py                  # 100 k, 1 M, 5 M events
    python benchmarks/bench_mining.py --sizes 1000000 --repeat 5
    python benchmarks/bench_mining.py --sizes 100000 --duckdb-events 20000000
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

import servicepath as sp
from servicepath.mining import event_flows, journey_from_events

KEYS = {"case_id_key": "case_id", "activity_key": "activity", "timestamp_key": "timestamp"}
TARGETS = {1_000_000: 10.0, 5_000_000: 8.0}  # at least this many times faster than pm4py's two calls
MEMORY_TARGET = 2.5  # peak resident memory during our call, as a multiple of the loaded input


def shop() -> sp.Journey:
    """The web shop the logs are simulated from: 15 touchpoints, 30 % leave at payment, complaint loops."""
    names = ["Ad", "Landing page", "Search", "Product page", "Reviews", "Cart", "Login", "Delivery options",
             "Payment", "Payment failed", "Order confirmed", "Delivery", "Receipt", "Complaint", "Complaint handled"]
    journey = sp.Journey({"en": "Benchmark shop"}, stages=[sp.Stage("all")])
    for name in names:
        journey.add_touchpoint(sp.Touchpoint(name, {"en": name}, "all", entry_share={"Ad": 0.4, "Search": 0.6}
                                             .get(name, 0.0), final=name == "Receipt"))
    flows = [("Ad", "Landing page", 0.8), ("Landing page", "Product page", 0.6), ("Landing page", "Search", 0.2),
             ("Search", "Product page", 0.85), ("Product page", "Reviews", 0.25), ("Product page", "Cart", 0.5),
             ("Reviews", "Product page", 0.5), ("Reviews", "Cart", 0.3), ("Cart", "Login", 0.5),
             ("Cart", "Delivery options", 0.4), ("Login", "Delivery options", 0.85),
             ("Delivery options", "Payment", 0.9), ("Payment", "Order confirmed", 0.62),
             ("Payment", "Payment failed", 0.08), ("Payment failed", "Payment", 0.6),
             ("Order confirmed", "Delivery", 0.98), ("Delivery", "Receipt", 0.85), ("Delivery", "Complaint", 0.12),
             ("Complaint", "Complaint handled", 0.95), ("Complaint handled", "Delivery", 0.5),
             ("Complaint handled", "Receipt", 0.45)]
    for source, target, share in flows:
        journey.add_transition(source, target, share=share, duration=f"PT{3 + len(target) % 7}M")
    return journey


def make_log(events: int, seed: int = 0) -> pd.DataFrame:
    """About ``events`` events, sorted by time across cases (as an export is), microsecond timestamps."""
    per_case = len(sp.simulate_events(shop(), 20_000, seed=99)) / 20_000
    frame = sp.simulate_events(shop(), max(1, round(events / per_case)), seed=seed)
    rng = np.random.default_rng(seed)
    # microseconds within the second, rising within a case, so no two events of a case share a time
    frame["timestamp"] = frame["timestamp"] + pd.to_timedelta(rng.integers(0, 999_999, len(frame)) // 1000 * 1000
                                                              + np.arange(len(frame)) % 1000, unit="us")
    frame = frame.sort_values("timestamp", kind="stable").reset_index(drop=True)
    frame["case_id"] = frame["case_id"].str.replace("case-", "C", regex=False)
    return frame


def write_parquet(events: int, folder: Path) -> Path:
    path = folder / f"log-{events}.parquet"
    if not path.exists():
        make_log(events).to_parquet(path, index=False)
    return path


def median_time(run, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def floor_run(frame: pd.DataFrame):
    cases = pd.factorize(frame["case_id"])[0]
    stamps = np.asarray(frame["timestamp"].array.asi8)
    return lambda: np.lexsort((stamps, cases))


def pm4py_calls(frame: pd.DataFrame):
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import pm4py  # prints a licence banner on import

    return (lambda: pm4py.discover_dfg(frame, **KEYS), lambda: pm4py.discover_performance_dfg(frame, **KEYS))


def check_agreement(frame: pd.DataFrame) -> list[str]:
    """Everything on which ours and pm4py's must agree exactly; the list of disagreements (empty: agree)."""
    dfg_call, perf_call = pm4py_calls(frame)
    dfg, starts, ends = dfg_call()
    performance, _, _ = perf_call()
    flows = event_flows(frame)
    ours = {(s, t): int(v) for s, t, v in flows.transitions[["source", "target", "volume"]].itertuples(index=False)}
    nodes = flows.touchpoints.set_index("touchpoint")
    problems = []
    if ours != {k: int(v) for k, v in dfg.items()}:
        problems.append("edge counts")
    if {k: int(v) for k, v in nodes["entries"].items() if v} != {k: int(v) for k, v in starts.items()}:
        problems.append("start counts")
    if {k: int(v) for k, v in nodes["exits"].items() if v} != {k: int(v) for k, v in ends.items()}:
        problems.append("end counts")
    medians = flows.transitions.set_index(["source", "target"])["duration_median"]
    worst = max(abs(medians[k] - float(v["median"])) for k, v in performance.items())
    if worst > 1e-6:
        problems.append(f"median durations (up to {worst:.3g} s apart)")
    return problems


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def memory_child(path: str, engine: str) -> None:
    """Run in a fresh process: resident memory before and after loading, and the peak during our call."""
    before = rss_kib("VmRSS")
    if engine == "duckdb":
        input_kib = Path(path).stat().st_size // 1024
        after = before
        start = time.perf_counter()
        journey_from_events(path, engine="duckdb", memory_limit="1GB")
    else:
        frame = pd.read_parquet(path)
        after = rss_kib("VmRSS")
        input_kib = after - before
        Path("/proc/self/clear_refs").write_text("5")  # restart the peak here: the Parquet read's own peak is not ours
        start = time.perf_counter()
        journey_from_events(frame)
    seconds = time.perf_counter() - start
    print(json.dumps({"before": before, "after": after, "input": input_kib, "peak": rss_kib("VmHWM"),
                      "seconds": seconds, "frame": int(frame.memory_usage(deep=True).sum()) // 1024
                      if engine != "duckdb" else None}))


def measure_memory(path: Path, engine: str = "pandas") -> dict:
    out = subprocess.run([sys.executable, __file__, "--memory-child", str(path), "--engine", engine],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def write_big_parquet(events: int, path: Path, chunk: int = 2_000_000) -> None:
    """``events`` events in row groups, never all in memory; case ids stay unique across chunks."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer, done, offset = None, 0, 0
    while done < events:
        frame = make_log(min(chunk, events - done), seed=done)
        codes = pd.factorize(frame["case_id"])[0] + offset
        frame["case_id"] = pd.Series(codes).map("C{:09d}".format)
        frame["timestamp"] = frame["timestamp"] + pd.Timedelta(days=done // chunk)
        offset, done = int(codes.max()) + 1, done + len(frame)
        table = pa.Table.from_pandas(frame, preserve_index=False)
        writer = writer or pq.ParquetWriter(path, table.schema)
        writer.write_table(table)
    writer.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000, 5_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", metavar="DIR", help="keep the generated logs here and reuse them")
    parser.add_argument("--duckdb-events", type=int, default=0, help="also count a file this big with DuckDB")
    parser.add_argument("--memory-child", metavar="PARQUET", help=argparse.SUPPRESS)
    parser.add_argument("--engine", default="pandas", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child, args.engine)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        failed = run_sizes(args.sizes, args.repeat, folder)
        if args.duckdb_events:
            run_duckdb(args.duckdb_events, folder)
    sys.exit(1 if failed else 0)


def run_sizes(sizes: list[int], repeat: int, folder: Path) -> bool:
    print(f"event-log mining, median of {repeat} runs (seconds); pm4py = discover_dfg + discover_performance_dfg")
    print(f"{'events':>10} {'ours':>7} {'flows':>7} {'pm4py':>7} {'(dfg':>7} {'perf)':>7} {'floor':>7} "
          f"{'×pm4py':>7} {'×floor':>7}  agreement  target")
    failed = False
    rows = []
    for size in sizes:
        frame = pd.read_parquet(write_parquet(size, folder))
        problems = check_agreement(frame)
        dfg_call, perf_call = pm4py_calls(frame)
        ours = median_time(lambda f=frame: journey_from_events(f), repeat)
        flows = median_time(lambda f=frame: event_flows(f), repeat)
        dfg, perf = median_time(dfg_call, repeat), median_time(perf_call, repeat)
        floor = median_time(floor_run(frame), repeat)
        speedup = (dfg + perf) / ours
        target = TARGETS.get(size)
        verdict = "" if target is None else f"≥{target:.0f}× {'PASS' if speedup >= target else 'FAIL'}"
        failed |= bool(problems) or (target is not None and speedup < target)
        print(f"{len(frame):>10,} {ours:7.3f} {flows:7.3f} {dfg + perf:7.3f} {dfg:7.3f} {perf:7.3f} {floor:7.3f} "
              f"{speedup:7.1f} {ours / floor:7.1f}  {'agree' if not problems else 'DISAGREE: ' + ', '.join(problems)}"
              f"  {verdict}")
        rows.append((size, len(frame)))
        del frame
    print("\npeak resident memory during journey_from_events (fresh process per size; input = RSS growth of the "
          "Parquet load)")
    print(f"{'events':>10} {'input MB':>9} {'frame MB':>9} {'peak extra MB':>14} {'peak/input':>11}  target")
    for size, events in rows:
        m = measure_memory(write_parquet(size, folder))
        extra = (m["peak"] - m["after"]) / 1024
        ratio = (m["peak"] - m["before"]) / max(m["input"], 1)
        ok = ratio < MEMORY_TARGET
        failed |= not ok
        print(f"{events:>10,} {m['input'] / 1024:9.0f} {m['frame'] / 1024:9.0f} {extra:14.0f} {ratio:11.2f}  "
              f"<{MEMORY_TARGET}× {'PASS' if ok else 'FAIL'}")
    return failed


def run_duckdb(events: int, folder: Path) -> None:
    path = folder / f"big-{events}.parquet"
    if not path.exists():
        start = time.perf_counter()
        write_big_parquet(events, path)
        print(f"\nwrote {path.stat().st_size / 2**20:,.0f} MB of Parquet in {time.perf_counter() - start:.0f} s")
    m = measure_memory(path, engine="duckdb")
    print(f"DuckDB engine, memory_limit='1GB': {events:,} events in {m['seconds']:.1f} s, peak resident "
          f"{m['peak'] / 1024:,.0f} MB (file {path.stat().st_size / 2**20:,.0f} MB)")


if __name__ == "__main__":
    main()
