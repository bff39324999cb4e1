"""How much memory and time reading a large XES event log takes.

Writes a ``--mb`` MB XES file (default 100) of simulated web-shop customers, then reads it with
``read_xes`` in a fresh process and prints the seconds, the events, and the peak resident memory
the read added, as a multiple of the file's size (the target: a few times the size at most).

    python benchmarks/bench_xes.py
    python benchmarks/bench_xes.py --mb 20
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import servicepath as sp
from servicepath.mining.xes import read_xes, write_xes

BYTES_PER_CASE = 1_000  # about what one simulated customer takes in XES, to size the file


def rss_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(field)


def child(path: str) -> None:
    before = rss_kib("VmRSS")
    start = time.perf_counter()
    frame = read_xes(path)
    seconds = time.perf_counter() - start
    print(json.dumps({"before": before, "peak": rss_kib("VmHWM"), "after": rss_kib("VmRSS"), "seconds": seconds,
                      "events": len(frame), "frame": int(frame.memory_usage(deep=True).sum()) // 1024}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=100)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.xes"
        cases = int(args.mb * 2**20 / BYTES_PER_CASE)
        size = 0
        while size < args.mb * 2**20 * 0.95:  # simulate a little more until the file is big enough
            log = sp.simulate_events(sp.load_sample("webshop"), cases, seed=1)
            size = write_xes(log, path).stat().st_size
            cases = int(cases * args.mb * 2**20 / max(size, 1)) + 1
        out = subprocess.run([sys.executable, __file__, "--child", str(path)], capture_output=True, text=True,
                             check=True)
        m = json.loads(out.stdout.strip().splitlines()[-1])
        peak = (m["peak"] - m["before"]) * 1024
        print(f"read_xes: {size / 2**20:.0f} MB file, {m['events']:,} events in {m['seconds']:.1f} s "
              f"({m['events'] / m['seconds']:,.0f} events/s)")
        print(f"peak resident memory added by the read: {peak / 2**20:.0f} MB = {peak / size:.2f}× the file "
              f"(the table it makes: {m['frame'] / 1024:.0f} MB)")


if __name__ == "__main__":
    main()
