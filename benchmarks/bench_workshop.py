"""Saves per second when 8 workshop groups save into one session at once, and the time to collect them.

Run: ``.venv/bin/python benchmarks/bench_workshop.py``. Makes a session of 8 groups, each
starting from a generated journey of 60 touchpoints, then starts 8 processes together (one
kernel per group) that each make 500 changes through ``Workbench.in_session(...).change`` —
the save path the widgets use: catch up, check, keep an undo copy, one SQLite transaction —
each change setting one touchpoint's note. Each process times its own saves and writes them
to a file; the parent prints saves per second overall and per process, the median and the
slowest save. Then "collect": loading all 8 journeys from the session and merging them with
``merge_journeys``, best of ``--repeat``, against the issue's target of under 2 s.
The figures are printed, never asserted: they depend on the machine and its disk.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from bench_model import best_of  # the same timing rule: best of --repeat runs

import servicepath as sp
from servicepath.io.session import Session

GROUPS, SAVES, TOUCHPOINTS, STAGES = 8, 500, 60, 8
COLLECT_TARGET_S = 2.0

# One process = one group's kernel. It waits for the "go" file so that all start together.
KERNEL = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    from servicepath.widgets.workbench import Workbench
    folder, group, saves, go, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4]), Path(sys.argv[5])
    bench = Workbench.in_session(folder, group, lang="en")
    ids = [tp.id for tp in bench.journey]
    out.with_suffix(".ready").touch()
    while not go.exists():
        time.sleep(0.002)
    latencies, kept = [], 0
    started, start = time.time(), time.perf_counter()
    for n in range(saves):
        note = f"{group} note {n}"
        before = time.perf_counter()
        kept += bench.change(note, lambda j: j.update_touchpoint(ids[n % len(ids)], notes=note))
        latencies.append(time.perf_counter() - before)
    elapsed = time.perf_counter() - start
    out.write_text(json.dumps({"started": started, "ended": started + elapsed, "elapsed": elapsed,
                               "latencies": latencies, "kept": kept}))
""")


def run_kernels(folder: Path, groups: int, saves: int) -> tuple[float, dict[str, dict]]:
    """Start one process per group at once; return the time from the first save to the last and each one's figures.

    Each process signals when it has imported servicepath and opened the session; all start on the "go" file.
    """
    go, names = folder / "go", [f"group-{n}" for n in range(1, groups + 1)]
    processes = {group: subprocess.Popen([sys.executable, "-c", KERNEL, str(folder), group, str(saves), str(go),
                                          str(folder / f"{group}.json")]) for group in names}
    while not all((folder / f"{group}.ready").exists() for group in names):
        if any(process.poll() not in (None, 0) for process in processes.values()):
            raise SystemExit("a group's process failed before the start")
        time.sleep(0.01)
    go.touch()
    for group, process in processes.items():
        if process.wait(timeout=900) != 0:
            raise SystemExit(f"the process of {group} failed")
    figures = {group: json.loads((folder / f"{group}.json").read_text()) for group in names}
    span = max(f["ended"] for f in figures.values()) - min(f["started"] for f in figures.values())
    return span, figures


def collect_action(session: Session):
    """Loading every group's journey and merging them, or only loading when the merging code is missing."""
    try:
        from servicepath.analysis.merge import merge_journeys
    except ImportError:
        return "loading only (servicepath.analysis.merge is not there yet)", session.journeys
    return "loading + merge_journeys", lambda: merge_journeys(session.journeys())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--groups", type=int, default=GROUPS, help="groups, one process each")
    parser.add_argument("--saves", type=int, default=SAVES, help="saves per group")
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"SQLite {__import__('sqlite3').sqlite_version}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        Session.create(folder, kit="arvo-scoring", groups=args.groups,
                       journey=sp.synthetic_journey(TOUCHPOINTS, STAGES)).close()
        span, figures = run_kernels(folder, args.groups, args.saves)
        latencies = [s for process in figures.values() for s in process["latencies"]]
        kept = sum(process["kept"] for process in figures.values())
        print(f"{args.groups} groups × {args.saves} saves at once, {TOUCHPOINTS} touchpoints each: {kept:,} of "
              f"{args.groups * args.saves:,} kept in {span:.1f} s, {kept / span:,.0f} saves/s overall")
        rates = sorted(args.saves / process["elapsed"] for process in figures.values())
        print(f"per process: {rates[0]:,.0f}…{rates[-1]:,.0f} saves/s (median {statistics.median(rates):,.0f})")
        print(f"one save: median {statistics.median(latencies) * 1000:.1f} ms, "
              f"95th percentile {statistics.quantiles(latencies, n=20)[-1] * 1000:.1f} ms, "
              f"slowest {max(latencies) * 1000:.0f} ms")
        with Session(folder) as session:
            versions = session.progress()["version"].tolist()
            print(f"session after: versions {sorted(set(versions))}, {len(session.conflicts())} conflicts, "
                  f"check {session.check()}, {session.path.stat().st_size / 1e6:.1f} MB")
            what, action = collect_action(session)
            seconds, _ = best_of(args.repeat, action)
    verdict = "meets" if seconds < COLLECT_TARGET_S else "MISSES"
    print(f"collect {args.groups} groups × {TOUCHPOINTS} touchpoints, {what}: {seconds * 1000:.0f} ms   "
          f"{verdict} the < {COLLECT_TARGET_S:.0f} s target")


if __name__ == "__main__":
    main()
