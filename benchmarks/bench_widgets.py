"""Time from a widget change to the redrawn map, as a workshop group sees it.

Run: ``make bench`` (or ``.venv/bin/python benchmarks/bench_widgets.py``). A change goes through
the same path as a slider in a notebook: ``Workbench.change`` (check, copy for undo, atomic
autosave) and then the ``MapPanel`` redraw (journey map to PNG at the panel's 80 dpi). The
target the widgets issue names: under 0.5 s for the bundled samples. Best of ``--repeat``.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
from pathlib import Path

from bench_model import best_of  # the same timing rule: best of --repeat runs

import servicepath as sp
from servicepath.widgets import MapPanel, Workbench

TARGET_S = 0.5


def measure(journey: sp.Journey, folder: Path, repeat: int) -> tuple[float, float]:
    """Seconds from one emotion change to the new map image, and of that the save alone."""
    bench = Workbench(journey, folder / "bench.journey.json")
    panel = MapPanel(bench)
    touchpoint = next(iter(journey.graph))
    values = iter(range(10_000))

    def change():
        before = panel.image.value
        assert bench.change("emotion", lambda j: j.update_touchpoint(touchpoint, emotion=next(values) % 7 - 3))
        assert panel.image.value is not before  # the panel redrew inside the change

    seconds, _ = best_of(repeat, change)
    saving, _ = best_of(repeat, bench.save)
    return seconds, saving


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat}")
    journeys = {name: sp.load_sample(name) for name in sp.SAMPLES}
    journeys["generated, 100 touchpoints"] = sp.synthetic_journey(100, 12)
    with tempfile.TemporaryDirectory() as folder:
        for name, journey in journeys.items():
            seconds, saving = measure(journey, Path(folder), args.repeat)
            verdict = "" if "generated" in name else f"  (target under {TARGET_S} s: " \
                f"{'ok' if seconds < TARGET_S else 'TOO SLOW'})"
            print(f"{name:>28}: change → redrawn map {seconds:.2f} s, of which saving {saving * 1000:.0f} ms{verdict}")


if __name__ == "__main__":
    main()
