"""``python -m servicepath.demo OUT``: every export of the bundled samples, for a first look (``make demo``)."""

from __future__ import annotations

import sys
from pathlib import Path

from .export.bundle import export_bundle
from .io import SAMPLES, load_sample


def main(argv: list[str] | None = None) -> int:
    """Write the export bundle of each sample in English and Finnish to ``OUT/<sample>-<lang>/``."""
    out = Path((argv or sys.argv[1:] or ["out"])[0])
    for sample in SAMPLES:
        for lang in ("en", "fi"):
            folder = out / f"{sample}-{lang}"
            paths = export_bundle(load_sample(sample), folder, lang=lang, force=True)
            print(f"{folder}/")
            for path in paths:
                print(f"  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
