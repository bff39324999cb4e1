"""Time the journey analysis on generated journeys of 100, 1,000 and 10,000 touchpoints.

Run: ``.venv/bin/python benchmarks/bench_analysis.py`` (``--sizes 100 1000`` for a quick run).
Each journey is ``synthetic_journey(n, max(8, n // 50))``: sparse, about 3 transitions per
touchpoint, with the occasional loop back. Prints one row per size with the time of
``reach``, ``likely_paths(k=10)``, ``removal_effect`` and, once servicepath has it,
``score_journey`` ("n/a" until then), their total, the size of the largest loop (strongly
connected component, which the chain solver handles as one dense system), the 10k/1k
ratios, and whether 1,000 touchpoints finish under 1 s in total.
Each figure is the best of ``--repeat`` runs, since the fastest run is the least disturbed
by other work on the machine; a step that has already taken ``--budget`` seconds is not
run again, so the largest size is timed once.
"""

from __future__ import annotations

import argparse
import platform
import time

import networkx as nx

import servicepath as sp

SIZES = (100, 1_000, 10_000)
TARGET_SIZE, TARGET_SECONDS = 1_000, 1.0


def best_of(repeat: int, budget: float, action) -> float:
    best, spent = float("inf"), 0.0
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        took = time.perf_counter() - start
        best, spent = min(best, took), spent + took
        if spent >= budget:
            break
    return best


def steps() -> dict[str, object]:
    """The analyses to time; ``None`` for one servicepath does not have (yet)."""
    score = getattr(sp, "score_journey", None)
    return {
        "reach": sp.reach,
        "likely_paths": lambda journey: sp.likely_paths(journey, k=10),
        "removal_effect": sp.removal_effect,
        "score_journey": score,
    }


def measure(size: int, repeat: int, budget: float) -> tuple[dict[str, float | None], int]:
    journey = sp.synthetic_journey(size, max(8, size // 50))
    loop = max(len(c) for c in nx.strongly_connected_components(journey.graph))
    row: dict[str, float | None] = {}
    for name, analysis in steps().items():
        row[name] = None if analysis is None else best_of(repeat, budget, lambda a=analysis: a(journey))
        print(f"  {size:>6,} {name:<15} {'n/a' if row[name] is None else f'{row[name]:.3f} s'}", flush=True)
    row["total"] = sum(v for v in row.values() if v is not None)
    return row, loop


def cell(seconds: float | None) -> str:
    if seconds is None:
        return f"{'n/a':>14}"
    return f"{seconds * 1000:>11.1f} ms" if seconds < 10 else f"{seconds:>12.1f} s"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--budget", type=float, default=10.0, help="stop repeating a step after this many seconds")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat} (a step stops repeating after {args.budget:g} s)")
    rows, loops = {}, {}
    for size in args.sizes:
        rows[size], loops[size] = measure(size, args.repeat, args.budget)
    columns = list(rows[args.sizes[0]])
    print(f"{'touchpoints':>12} " + " ".join(f"{c:>14}" for c in columns) + f" {'largest loop':>14}")
    for size, row in rows.items():
        print(f"{size:>12,} " + " ".join(cell(row[c]) for c in columns) + f" {loops[size]:>14,}")
    if 1_000 in rows and 10_000 in rows:
        small, large = rows[1_000], rows[10_000]
        ratios = {c: large[c] / small[c] if small[c] and large[c] is not None else None for c in columns}
        print(f"{'10k / 1k':>12} " + " ".join(f"{'n/a':>14}" if r is None else f"{r:>13.1f}x" for r in ratios.values()))
        linear = all(r < 12 for r in ratios.values() if r is not None)
        print(f"linear (every step 10k < 12 x 1k): {'yes' if linear else 'NO'}")
    if TARGET_SIZE in rows:
        total = rows[TARGET_SIZE]["total"]
        missing = [c for c in columns if rows[TARGET_SIZE][c] is None]
        note = f" — without {', '.join(missing)}" if missing else ""
        print(f"{TARGET_SIZE:,} touchpoints under {TARGET_SECONDS:g} s in total: "
              f"{'yes' if total < TARGET_SECONDS else 'NO'} ({total:.2f} s{note})")


if __name__ == "__main__":
    main()
