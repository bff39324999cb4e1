"""The one look of every servicepath picture: colours, fonts, sizes and text helpers.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common kinds of colour blindness; positive and negative emotion are blue and
vermillion (never red against green). Pictures are built on a bare
:class:`matplotlib.figure.Figure` (no pyplot), so making many of them in a
notebook or a server keeps no global state and leaks no memory.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from ..i18n import LANGUAGES
from ..model import PRINCIPLES

__all__ = [
    "PALETTE", "PRINCIPLE_COLOURS", "LANE_FILLS", "EMOTION_POSITIVE", "EMOTION_NEGATIVE", "EMOTION_NEUTRAL",
    "INK", "MUTED", "GRID", "CRITICAL", "FONT_FAMILY", "SIZES",
    "styled", "new_figure", "emotion_colour", "text_in", "wrap", "check_lang",
]

#: Okabe–Ito colours by name.
PALETTE = {
    "black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73",
    "yellow": "#F0E442", "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}
#: One colour per A.R.V.O. principle, used in every picture that shows them.
PRINCIPLE_COLOURS = dict(zip(PRINCIPLES, (PALETTE["orange"], PALETTE["sky"], PALETTE["green"], PALETTE["purple"]),
                             strict=True))
#: Light fills for the blueprint lanes, top to bottom: the customer's side warm, the organisation's side cool.
LANE_FILLS = {
    "evidence": "#F7F4EA", "customer": "#FDF1DC", "frontstage": "#EAF4FB",
    "backstage": "#EEF1F4", "support": "#F3F0F6",
}
EMOTION_POSITIVE = PALETTE["blue"]
EMOTION_NEGATIVE = PALETTE["vermillion"]
EMOTION_NEUTRAL = "#7A7A7A"
#: Text and lines.
INK = "#222222"
MUTED = "#6B6B6B"
GRID = "#C9C9C9"
#: The outline of critical moments (such as the payment moment).
CRITICAL = PALETTE["vermillion"]

FONT_FAMILY = "DejaVu Sans"  # ships with matplotlib and has every Finnish letter
#: Font sizes in points.
SIZES = {"title": 15, "subtitle": 10, "heading": 10, "label": 8.5, "card": 8, "small": 6.5}

_RC = {
    "font.family": "sans-serif",
    "font.sans-serif": [FONT_FAMILY],
    "font.size": SIZES["label"],
    "axes.edgecolor": GRID,
    "axes.labelcolor": INK,
    "axes.titlesize": SIZES["heading"],
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": None,  # filled in below with the palette
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "text.color": INK,
    "legend.frameon": False,
    "figure.facecolor": "white",
    "savefig.facecolor": "white",
    "svg.fonttype": "path",  # text drawn as shapes: the SVG looks the same everywhere and carries no markup
    "svg.hashsalt": "servicepath",  # fixed element ids: the same journey gives the same SVG bytes
    "pdf.fonttype": 42,  # TrueType in PDFs: text stays selectable and searchable
}


def _rc() -> dict:
    from cycler import cycler

    rc = dict(_RC)
    rc["axes.prop_cycle"] = cycler(color=[PALETTE[c] for c in ("blue", "orange", "green", "vermillion",
                                                                "purple", "sky", "yellow", "black")])
    return rc


@contextmanager
def styled() -> Iterator[None]:
    """Draw with servicepath's fonts and colours; settings are restored afterwards.

    Examples
    --------
    >>> import matplotlib
    >>> with styled():
    ...     matplotlib.rcParams["pdf.fonttype"]
    42
    """
    import matplotlib

    with matplotlib.rc_context(_rc()):
        yield


def new_figure(width: float, height: float, **kwargs):
    """A bare matplotlib Figure (no pyplot registry), ``width`` × ``height`` inches."""
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), **kwargs)


def emotion_colour(value: float | None) -> str:
    """Blue above zero, vermillion below, grey at zero or when unknown.

    Examples
    --------
    >>> emotion_colour(-2) == EMOTION_NEGATIVE, emotion_colour(0) == EMOTION_NEUTRAL
    (True, True)
    """
    if value is None or value != value or value == 0:
        return EMOTION_NEUTRAL
    return EMOTION_POSITIVE if value > 0 else EMOTION_NEGATIVE


def check_lang(lang: str) -> str:
    """Return ``lang`` if servicepath speaks it, else raise a clear error."""
    if lang not in LANGUAGES:
        from ..errors import ServicepathError

        raise ServicepathError(f"unknown language {lang!r}; use one of {', '.join(LANGUAGES)}")
    return lang


def text_in(values: Mapping, key: str, lang: str) -> str:
    """``values[f"{key}_{lang}"]``, falling back to the other language, then ``""``.

    Examples
    --------
    >>> text_in({"name_fi": "Maksaminen", "name_en": ""}, "name", "en")
    'Maksaminen'
    """
    other = "en" if lang == "fi" else "fi"
    for code in (lang, other):
        value = values.get(f"{key}_{code}")
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def wrap(text: str, width: int, max_lines: int) -> list[str]:
    """Wrap ``text`` to lines of at most ``width`` characters; cut with "…" after ``max_lines``.

    Words longer than a line (long Finnish compounds) are broken, so a line is
    never wider than ``width``.

    Examples
    --------
    >>> wrap("Tilausvahvistus ja kuitti", 12, 2)
    ['Tilausvahvis', 'tus ja…']
    """
    lines = textwrap.wrap(text, width=max(1, width), break_long_words=True, break_on_hyphens=True)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    last = kept[-1]
    kept[-1] = (last[: max(0, width - 1)].rstrip() + "…") if len(last) >= width else last + "…"
    return kept
