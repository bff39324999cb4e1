"""Time to build, validate, save and load generated journeys of 1,000 and 10,000 touchpoints.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/bench_model.py``). Prints one row per
size and the checks the foundation issue names: the 10k/1k ratio of every step must stay
under 12 (linear growth), and loading plus validating 10,000 touchpoints under 2 s.
Each figure is the best of ``--repeat`` runs, since the fastest run is the least disturbed
by other work on the machine.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import servicepath as sp

SIZES = (1_000, 10_000)


def best_of(repeat: int, action) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = action()
        best = min(best, time.perf_counter() - start)
    return best, result


def measure(size: int, folder: Path, repeat: int) -> dict[str, float]:
    path = folder / f"generated-{size}.journey.json"
    build, journey = best_of(repeat, lambda: sp.synthetic_journey(size, max(8, size // 50)))
    check, problems = best_of(repeat, lambda: sp.validate(journey))
    assert problems == [], problems[:3]
    save, _ = best_of(repeat, lambda: sp.save(journey, path))
    load, loaded = best_of(repeat, lambda: sp.load(path, strict=False))
    load_validate, _ = best_of(repeat, lambda: sp.load(path))  # strict: load + validate
    assert len(loaded) == size
    return {
        "build": build, "validate": check, "save": save, "load": load, "load+validate": load_validate,
        "file MB": path.stat().st_size / 1e6,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        rows = {size: measure(size, Path(folder), args.repeat) for size in SIZES}
    steps = list(rows[SIZES[0]])
    print(f"{'touchpoints':>12} " + " ".join(f"{s:>14}" for s in steps))
    for size, row in rows.items():
        cells = [f"{row[s]:>12.1f}  " if s == "file MB" else f"{row[s] * 1000:>11.0f} ms" for s in steps]
        print(f"{size:>12,} " + " ".join(cells))
    small, large = rows[SIZES[0]], rows[SIZES[-1]]
    ratios = {s: large[s] / small[s] for s in steps if s != "file MB"}
    print(f"{'10k / 1k':>12} " + " ".join(f"{ratios[s]:>13.1f}x" for s in ratios))
    linear = all(r < 12 for r in ratios.values())
    fast = large["load+validate"] < 2.0
    print(f"linear (every step 10k < 12 x 1k): {'yes' if linear else 'NO'}")
    print(f"10k load+validate under 2 s: {'yes' if fast else 'NO'} ({large['load+validate']:.2f} s)")


if __name__ == "__main__":
    main()
