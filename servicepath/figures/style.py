"""The one look of every servicepath picture: colours, fonts, sizes and text helpers.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common kinds of colour blindness; positive and negative emotion are blue and
vermillion (never red against green). Pictures are built on a bare
:class:`matplotlib.figure.Figure` (no pyplot), so making many of them in a
notebook or a server keeps no global state and leaks no memory.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from ..i18n import LANGUAGES
from ..model import PRINCIPLES

__all__ = [
    "PALETTE", "PRINCIPLE_COLOURS", "LANE_FILLS", "EMOTION_POSITIVE", "EMOTION_NEGATIVE", "EMOTION_NEUTRAL",
    "INK", "MUTED", "GRID", "CRITICAL", "FONT_FAMILY", "SIZES",
    "styled", "new_figure", "emotion_colour", "text_in", "wrap", "fit_lines", "fit_text", "text_width", "check_lang",
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


@functools.lru_cache(maxsize=8192)
def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width of one line of ``text`` in points, as matplotlib draws it in :data:`FONT_FAMILY`.

    Examples
    --------
    >>> text_width("MMMM", 10) > text_width("iiii", 10)
    True
    """
    from matplotlib.font_manager import FontProperties

    props = FontProperties(family=FONT_FAMILY, size=size, weight="bold" if bold else "normal")
    width, _, _ = _measuring_renderer().get_text_width_height_descent(text, props, ismath=False)
    return width


@functools.cache
def _measuring_renderer():
    from matplotlib.backends.backend_agg import RendererAgg

    return RendererAgg(1, 1, 72)  # at 72 dpi a pixel is a point


def fit_lines(text: str, width: float, size: float, max_lines: int, *, bold: bool = False,
              whole_words: bool = False) -> list[str] | None:
    """Wrap ``text`` into at most ``max_lines`` lines that are each at most ``width`` points wide.

    Measured, not guessed: capitals and wide letters get shorter lines. With
    ``whole_words`` no word may be broken, and ``None`` means it cannot fit.

    Examples
    --------
    >>> fit_lines("Käyttöönottokoulutus", 110, 8, 3, bold=True)
    ['Käyttöönottokoulutus']
    >>> fit_lines("Käyttöönottokoulutus", 90, 8, 3, bold=True, whole_words=True) is None
    True
    >>> all(text_width(line, 8, True) <= 60 for line in fit_lines("MAKSUPALVELUNTARJOAJA", 60, 8, 3, bold=True))
    True
    """
    longest = max((len(word) for word in text.split()), default=0)
    for chars in range(max(4, int(width / (0.4 * size))), 0, -1):
        if whole_words and chars < longest:
            return None
        lines = wrap(text, chars, max_lines)
        if all(text_width(line, size, bold) <= width for line in lines):
            return lines
    return wrap(text, 1, max_lines)


def fit_text(text: str, width: float, sizes: tuple[float, ...], max_lines: int, *,
             bold: bool = False) -> tuple[list[str], float]:
    """Lines and font size for ``text`` in a box ``width`` points wide: the first size in ``sizes``
    that keeps every word whole, else the smallest size with long words broken.

    Examples
    --------
    >>> fit_text("Käyttöönottokoulutus", 92, (8, 7.5, 7), 3, bold=True)
    (['Käyttöönottokoulutus'], 7)
    """
    for size in sizes:
        lines = fit_lines(text, width, size, max_lines, bold=bold, whole_words=True)
        if lines is not None:
            return lines, size
    return fit_lines(text, width, sizes[-1], max_lines, bold=bold), sizes[-1]
