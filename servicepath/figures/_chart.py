"""What the charts share: a figure or the caller's axes, headings, names in a language, safe text.

Private to the figures layer; every chart module draws through these so the
headings, wrapping and number formats look the same on every picture.
"""

from __future__ import annotations

import math

from ..errors import ServicepathError
from ..i18n import label, number_text
from ..model import Journey
from . import style

#: Average width of a DejaVu Sans character in ems; used to wrap text to a width in points.
CHAR_EM = 0.6
#: Line height as a multiple of the font size.
LINE = 1.25


def new_chart(width: float, height: float):
    """A constrained-layout figure with an Agg canvas, so ``fig.canvas.get_renderer()`` works without pyplot."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = style.new_figure(width, height, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def figure_and_axes(ax, width: float, height: float, *, polar: bool = False):
    """The caller's axes and its figure, or a new figure of ``width`` × ``height`` inches with one axes."""
    if ax is not None:
        if polar and getattr(ax, "name", "") != "polar":
            raise ServicepathError("this chart needs polar axes: fig.add_subplot(projection='polar')")
        return ax.figure, ax
    fig = new_chart(width, height)
    return fig, fig.add_subplot(projection="polar" if polar else None)


def renderer(fig):
    """A renderer to measure text with; a figure without one gets an Agg canvas (it draws nothing on screen)."""
    get = getattr(fig.canvas, "get_renderer", None)
    if get is None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg

        get = FigureCanvasAgg(fig).get_renderer
    return get()


def plain(text: str) -> str:
    """Text shown as typed: a ``$`` in a name must not start matplotlib's math mode."""
    return text.replace("$", r"\$")


def chars_in(points: float, size: float) -> int:
    """How many characters of font ``size`` fit in ``points``, at least 4."""
    return max(4, int(points / (CHAR_EM * size)))


def wrapped(text: str, width: int, lines: int, *, stretch: int = 0) -> str:
    r"""``style.wrap`` joined into one string, made safe to draw.

    ``stretch`` lets a line grow by up to that many characters so a long
    word (a Finnish compound) stays whole instead of being cut in two.

    Examples
    --------
    >>> wrapped("Käyttöönottokoulutus", 16, 3), wrapped("Käyttöönottokoulutus", 16, 3, stretch=6)
    ('Käyttöönottokoul\nutus', 'Käyttöönottokoulutus')
    """
    longest = max((len(word) for word in text.split()), default=0)
    width = max(width, min(longest, width + stretch))
    return plain("\n".join(style.wrap(text, width, lines)) or "")


def touchpoint_name(journey: Journey, tp: str, lang: str) -> str:
    """The touchpoint's name in ``lang`` (the other language, then its id, when missing)."""
    attrs = journey.graph.nodes[tp] if tp in journey.graph else {}
    return style.text_in(attrs, "name", lang) or str(tp)


def stage_name(journey: Journey, stage_id, lang: str) -> str:
    """The stage's name in ``lang``; a stage the journey does not list is shown by its id."""
    for stage in journey.stages:
        if stage.id == stage_id:
            return stage.label(lang)
    return "" if stage_id is None else str(stage_id)


def journey_title(journey: Journey, lang: str) -> str:
    return journey.title.get(lang) or label("map.untitled", lang)


number = number_text  # charts write numbers the way the reports do


def score_text(value: float, lang: str) -> str:
    """A score as written in a cell: whole numbers without decimals, "–" when unscored."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return str(int(value)) if float(value).is_integer() else number(value, lang)


def percent(share: float, lang: str) -> str:
    """A share 0…1 as a percentage: "15.0%" in English, "15,0 %" in Finnish."""
    return number(100 * share, lang) + ("\u00a0%" if lang == "fi" else "%")


def heading(ax, title: str, subtitle: str = "", *, owned: bool = True, clear: float = 0.0,
            extra: tuple[str, ...] = ()):
    """Title and muted subtitle, left-aligned over the plot area.

    The title sits on the axes (so constrained layout makes room for it and it
    lines up with the plot), the subtitle and ``extra`` lines (bold headings)
    between it and the axes; ``clear`` points are left free above the axes
    for labels drawn outside it. Returns the subtitle's artist (None without one).
    """
    fig = ax.figure
    # Room from the plot's left edge to the figure's right edge (the position is an estimate before layout).
    room = 72 * fig.get_figwidth() * (0.97 - max(0.0, min(ax.get_position().x0, 0.4)))
    title = "\n".join(style.wrap(title, chars_in(room, style.SIZES["title"] * 1.1), 2))
    subtitle = "\n".join(style.wrap(subtitle, chars_in(room, style.SIZES["subtitle"]), 3)) if subtitle else ""
    rise = clear + 4
    shown = None
    for text, size, colour, weight in [*((e, style.SIZES["heading"], style.INK, "bold") for e in reversed(extra)),
                                       (subtitle, style.SIZES["subtitle"], style.MUTED, "normal")]:
        if not text:
            continue
        shown = ax.annotate(plain(text), xy=(0, 1), xycoords="axes fraction", xytext=(0, rise),
                            textcoords="offset points", ha="left", va="bottom", fontsize=size, color=colour,
                            fontweight=weight, annotation_clip=False)
        rise += size * LINE * (text.count("\n") + 1) + 3
    ax.set_title(plain(title), loc="left", fontsize=style.SIZES["title" if owned else "heading"],
                 fontweight="bold", color=style.INK, pad=rise + 2)
    return shown


def bare(ax, *, left: bool = True, bottom: bool = True) -> None:
    """No top/right spines (also on a caller's axes drawn outside :func:`style.styled`)."""
    ax.spines[["top", "right"]].set_visible(False)
    ax.spines["left"].set_visible(left)
    ax.spines["bottom"].set_visible(bottom)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(style.GRID)


def luminance(colour) -> float:
    """Relative luminance 0 (black) … 1 (white), to pick a readable text colour on a fill."""
    from matplotlib.colors import to_rgb

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in to_rgb(colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ink_on(colour) -> str:
    """White on dark fills, the ink colour on light ones (whichever contrasts more)."""
    lum = luminance(colour)
    ink = luminance(style.INK)
    return "white" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / (ink + 0.05)) else style.INK
