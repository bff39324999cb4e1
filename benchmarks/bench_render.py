"""Time to draw the journey map of 20, 100 and 400 touchpoints to PNG and SVG, and to write a full bundle.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/bench_render.py``). Prints one row per
size and the checks the maps issue names: the map of 100 touchpoints drawn and written as
PNG in under 1.5 s, and the full export bundle of a bundled sample in under 15 s. Each
figure is the best of ``--repeat`` runs (the least disturbed by other work on the machine).
"""

from __future__ import annotations

import argparse
import platform
import tempfile
from pathlib import Path

from bench_model import best_of  # the same timing rule: best of --repeat runs

import servicepath as sp
from servicepath.export.bundle import export_bundle
from servicepath.export.pictures import figure_bytes, png_dpi

SIZES = (20, 100, 400)
MAP_TARGET_S, BUNDLE_TARGET_S = 1.5, 15.0


def measure_map(size: int, repeat: int) -> dict[str, float]:
    journey = sp.synthetic_journey(size, max(4, size // 8))
    draw, figure = best_of(repeat, lambda: sp.journey_map(journey))
    png, data = best_of(repeat, lambda: figure_bytes(sp.journey_map(journey), "png"))
    svg, _ = best_of(repeat, lambda: figure_bytes(sp.journey_map(journey), "svg"))
    width, height = figure.get_size_inches()
    return {"draw": draw, "map→PNG": png, "map→SVG": svg, "inches": f"{width:.0f}×{height:.0f}",
            "PNG dpi": png_dpi(figure), "PNG MB": len(data) / 1e6}


def measure_bundle(sample: str, repeat: int) -> tuple[float, int]:
    journey = sp.load_sample(sample)
    with tempfile.TemporaryDirectory() as folder:
        seconds, paths = best_of(repeat, lambda: export_bundle(journey, Path(folder), force=True))
    return seconds, len(paths)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat}")
    print(f"{'touchpoints':>12} {'draw':>9} {'map→PNG':>9} {'map→SVG':>9} {'inches':>9} {'PNG dpi':>8} {'PNG MB':>7}")
    rows = {}
    for size in SIZES:
        row = rows[size] = measure_map(size, args.repeat)
        print(f"{size:>12} {row['draw']:>8.2f}s {row['map→PNG']:>8.2f}s {row['map→SVG']:>8.2f}s "
              f"{row['inches']:>9} {row['PNG dpi']:>8.0f} {row['PNG MB']:>7.1f}")
    for sample in sp.SAMPLES:
        seconds, files = measure_bundle(sample, args.repeat)
        verdict = "ok" if seconds < BUNDLE_TARGET_S else "TOO SLOW"
        print(f"bundle of {sample}: {files} files in {seconds:.1f} s (target under {BUNDLE_TARGET_S:.0f} s: {verdict})")
    map_png = rows[100]["map→PNG"]
    verdict = "ok" if map_png < MAP_TARGET_S else "TOO SLOW"
    print(f"map of 100 touchpoints drawn and written as PNG: {map_png:.2f} s "
          f"(target under {MAP_TARGET_S} s: {verdict})")


if __name__ == "__main__":
    main()
