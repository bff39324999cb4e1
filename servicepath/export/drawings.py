"""The pictures of one export run, each drawn once and encoded once per format.

A bundle puts the journey map in seven files (PNG, SVG, PDF, poster, report,
web page, workbook); drawing it once instead of seven times is most of the
difference between a bundle in 6 seconds and one in 12.
"""

from __future__ import annotations

from ..errors import UnsupportedFormatError
from ..model import Journey
from .pictures import figure_bytes

__all__ = ["PICTURES", "Drawings"]

#: The pictures an export can hold, by name.
PICTURES = ("map", "emotion", "heatmap", "radar", "graph", "priority")


class Drawings:
    """Lazily drawn, remembered figures of ``journey`` in ``lang``.

    Examples
    --------
    >>> import servicepath as sp
    >>> drawings = Drawings(sp.load_sample("webshop"), "fi")
    >>> drawings.figure("map") is drawings.figure("map")
    True
    >>> drawings.encoded("map", "png")[:4]
    b'\\x89PNG'
    """

    def __init__(self, journey: Journey, lang: str = "en", *, dpi: float = 150, compact: bool = False):
        self.journey, self.lang, self.dpi = journey, lang, dpi
        self.compact = compact  # a map without the pain point list under it: a live panel redraws 40 % sooner
        self._figures: dict[str, object] = {}
        self._bytes: dict[tuple[str, str], bytes] = {}

    def figure(self, name: str):
        """The figure called ``name`` (one of :data:`PICTURES`), drawn on first use."""
        if name not in self._figures:
            self._figures[name] = _draw(name, self.journey, self.lang, compact=self.compact)
        return self._figures[name]

    def encoded(self, name: str, format: str = "png") -> bytes:
        """The figure as ``png``, ``svg`` or ``pdf`` bytes, encoded on first use."""
        key = (name, format)
        if key not in self._bytes:
            self._bytes[key] = figure_bytes(self.figure(name), format, dpi=self.dpi)
        return self._bytes[key]


def _draw(name: str, journey: Journey, lang: str, *, compact: bool = False):
    from .. import figures

    if name == "map" and compact:
        return figures.journey_map(journey, lang=lang, pain_key=False)
    draw = {"map": figures.journey_map, "emotion": figures.emotion_curve, "heatmap": figures.arvo_heatmap,
            "radar": figures.arvo_radar, "graph": figures.journey_graph, "priority": figures.priority_matrix}
    if name not in draw:
        raise UnsupportedFormatError(f"unknown picture {name!r}; use one of {', '.join(PICTURES)}")
    return draw[name](journey, lang=lang)
