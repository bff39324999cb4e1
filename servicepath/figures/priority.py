"""The priority matrix: every improvement by impact and effort, in the four quadrants."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from ..analysis.improvements import prioritise
from ..errors import ServicepathError
from ..i18n import label
from ..model import Journey
from . import style
from ._chart import figure_and_axes, heading, journey_title, renderer, wrapped

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["priority_matrix", "QUADRANT_BOXES"]

LOW, HIGH = 1, 5
#: Where the quadrants split. ``prioritise`` counts impact ≥ 3 as high and effort ≥ 3 as high, so on the
#: whole-number scale the lines fall at 2.5: a 3 is on the high side, as the quadrant names say.
SPLIT = 2.5
#: Each quadrant as (effort from, effort to, impact from, impact to) and its tint from the palette.
QUADRANT_BOXES = {
    "quick win": ((LOW - 0.5, SPLIT, SPLIT, HIGH + 0.5), style.PALETTE["green"]),
    "big bet": ((SPLIT, HIGH + 0.5, SPLIT, HIGH + 0.5), style.PALETTE["blue"]),
    "fill-in": ((LOW - 0.5, SPLIT, LOW - 0.5, SPLIT), style.EMOTION_NEUTRAL),
    "money pit": ((SPLIT, HIGH + 0.5, LOW - 0.5, SPLIT), style.PALETTE["vermillion"]),
}
_NUDGE = 0.13  # data units between improvements that share one (effort, impact) spot
_REQUIRED = ("id", "impact", "effort")


def priority_matrix(improvements: Journey | pd.DataFrame, *, lang: str = "en",
                    ax: Axes | None = None) -> Figure:
    """Draw the improvements on an impact × effort matrix with the four quadrants named.

    Each improvement is a labelled point at (effort, impact); improvements at
    the same spot are nudged apart around it, and labels are placed where they
    overlap no other label (with a leader line when they had to move away).
    An empty plan gives a matrix that says so.

    Parameters
    ----------
    improvements : Journey or DataFrame
        A journey (its plan is ranked with :func:`servicepath.prioritise`) or
        a table from ``prioritise`` (``id``, ``impact``, ``effort``,
        ``title_fi``, ``title_en``).
    lang : {"en", "fi"}
        Language of every word on the picture; titles fall back to the other language.
    ax : matplotlib Axes, optional
        Draw into it instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Points carry ids ``improvement:<id>``, their labels
        ``improvement-label:<id>``, the quadrant names ``quadrant:<name>``
        and an empty plan's message ``empty-note``.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> sp.add_improvement(j, sp.Improvement("one-click", sp.Text(en="Saved card"), ("pay",), impact=5, effort=2))
    >>> fig = priority_matrix(j)
    >>> [c.get_offsets().tolist() for c in fig.axes[0].collections if c.get_gid() == "improvement:one-click"]
    [[[2.0, 5.0]]]
    """
    lang = style.check_lang(lang)
    subject = ""
    if isinstance(improvements, Journey):
        subject = journey_title(improvements, lang)
        improvements = prioritise(improvements)
    if not isinstance(improvements, pd.DataFrame):
        raise ServicepathError("priority_matrix takes a Journey or the table from prioritise()")
    missing = [c for c in _REQUIRED if c not in improvements.columns]
    if missing:
        raise ServicepathError(f"the table has no column {missing[0]!r}; pass the table from prioritise()")
    with style.styled():
        fig, ax = figure_and_axes(ax, 10.0, 7.4)
        _quadrants(ax, lang)
        count = label("chart.priority.count", lang).format(count=len(improvements))
        # the heading first: labels are placed once the layout (which makes room for it) is settled
        heading(ax, label("chart.priority.title", lang), f"{subject} · {count}" if subject else count,
                owned=fig.axes == [ax])
        spots = _spots(improvements)
        points = []
        for row, (x, y) in zip(improvements.itertuples(index=False), spots, strict=True):
            dot = ax.scatter([x], [y], s=46, color=style.INK, edgecolors="white", linewidths=1.2, zorder=4)
            dot.set_gid(f"improvement:{row.id}")
            points.append((row, x, y))
        if points:
            _place_labels(ax, points, lang, owned=fig.axes == [ax])
        else:
            ax.text(0.5, 0.52, label("chart.priority.empty", lang), transform=ax.transAxes, ha="center",
                    va="bottom", fontsize=style.SIZES["heading"] + 2, fontweight="bold", color=style.MUTED,
                    gid="empty-note", bbox={"boxstyle": "round,pad=0.6", "facecolor": "white",
                                            "edgecolor": style.GRID})
            ax.text(0.5, 0.47, label("chart.priority.empty_hint", lang), transform=ax.transAxes, ha="center",
                    va="top", fontsize=style.SIZES["label"], color=style.MUTED,
                    bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": "none"})
    return fig


def _quadrants(ax, lang: str) -> None:
    from matplotlib.patches import Rectangle

    for name, ((x0, x1, y0, y1), tint) in QUADRANT_BOXES.items():
        ax.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=tint, alpha=0.09, lw=0, zorder=0))
        right, top = x0 > LOW, y0 > LOW  # name each quadrant in its outer corner, away from the centre lines
        ax.text(x1 - 0.08 if right else x0 + 0.08, y1 - 0.08 if top else y0 + 0.08,
                label(f"quadrant.{name}", lang), ha="right" if right else "left", va="top" if top else "bottom",
                fontsize=style.SIZES["heading"], fontweight="bold", color=tint, alpha=0.9, zorder=1,
                gid=f"quadrant:{name}")
    ax.axvline(SPLIT, color=style.GRID, lw=1, zorder=0.5)
    ax.axhline(SPLIT, color=style.GRID, lw=1, zorder=0.5)
    ax.set_xlim(LOW - 0.5, HIGH + 0.5)
    ax.set_ylim(LOW - 0.5, HIGH + 0.5)
    ax.set_xticks(range(LOW, HIGH + 1))
    ax.set_yticks(range(LOW, HIGH + 1))
    ax.tick_params(length=0)
    ax.set_xlabel(label("chart.priority.effort", lang), fontsize=style.SIZES["label"])
    ax.set_ylabel(label("chart.priority.impact", lang), fontsize=style.SIZES["label"])
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)


def _spots(table: pd.DataFrame) -> list[tuple[float, float]]:
    """(effort, impact) of each row; rows sharing a spot are spread on a small ring around it."""
    keys = [(float(e), float(i)) for e, i in zip(table["effort"], table["impact"], strict=True)]
    counts: dict[tuple[float, float], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    seen: dict[tuple[float, float], int] = {}
    spots = []
    for x, y in keys:
        n, k = counts[(x, y)], seen.get((x, y), 0)
        seen[(x, y)] = k + 1
        if n == 1:
            spots.append((x, y))
            continue
        radius = _NUDGE * (1 + (n > 6) * 0.6)
        angle = math.pi / 2 + 2 * math.pi * k / n
        spots.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    return spots


def _title(row, lang: str) -> str:
    other = "en" if lang == "fi" else "fi"
    for code in (lang, other):
        text = getattr(row, f"title_{code}", "")
        if isinstance(text, str) and text.strip():
            return text.strip()
    return str(row.id)


def _place_labels(ax, points, lang: str, *, owned: bool) -> None:
    """Put every label where it overlaps no other label nor point, trying spots ever further out.

    The figure's layout is settled first and, in a figure of our own, frozen,
    so positions measured here are the positions drawn (a caller's figure
    keeps its layout engine). If some label finds no free spot, the points
    get numbers instead and the titles are listed beside the matrix.
    """
    from matplotlib.transforms import offset_copy

    fig = ax.figure
    engine = fig.get_layout_engine()
    if engine is not None:
        fig.draw_without_rendering()
        if owned:
            fig.set_layout_engine("none")
    draw = renderer(fig)
    frame = ax.get_window_extent(draw)
    scale = fig.dpi / 72  # points → pixels
    taken = [_point_box(ax, x, y, scale) for _, x, y in points]
    placed = []
    for row, x, y in sorted(points, key=lambda p: (-p[2], p[1])):  # top rows first: they have least room above
        text = ax.text(x, y, wrapped(_title(row, lang), 24, 3), fontsize=style.SIZES["label"], color=style.INK,
                       zorder=5, gid=f"improvement-label:{row.id}")
        placed.append(text)
        for dx, dy, ha, va in _candidates():
            text.set_transform(offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points"))
            text.set_horizontalalignment(ha)
            text.set_verticalalignment(va)
            box = text.get_window_extent(draw).padded(2 * scale)
            if frame.contains(box.x0, box.y0) and frame.contains(box.x1, box.y1) and \
                    not any(box.overlaps(other) for other in taken):
                taken.append(box)
                if math.hypot(dx, dy) > 10:  # moved away from its point: a leader line shows whose it is
                    placed.append(ax.annotate("", xy=(x, y), xytext=(dx, dy), textcoords="offset points",
                                              arrowprops={"arrowstyle": "-", "color": style.MUTED, "lw": 0.6,
                                                          "shrinkA": 1, "shrinkB": 4}, zorder=3))
                break
        else:
            for artist in placed:
                artist.remove()
            if engine is not None and owned:
                fig.set_layout_engine(engine)  # the list beside the matrix needs room
            _number(ax, points, lang)
            return


def _candidates():
    """Offsets in points to try, nearest first: right, left, above, below, then the diagonals, further out."""
    for d in (8, 20, 34, 50, 70, 95, 125):
        yield from ((d, 0, "left", "center"), (-d, 0, "right", "center"), (0, d, "center", "bottom"),
                    (0, -d, "center", "top"), (d, d, "left", "bottom"), (-d, d, "right", "bottom"),
                    (d, -d, "left", "top"), (-d, -d, "right", "top"))


def _point_box(ax, x: float, y: float, scale: float):
    from matplotlib.transforms import Bbox

    cx, cy = ax.transData.transform((x, y))
    r = 5 * scale
    return Bbox([[cx - r, cy - r], [cx + r, cy + r]])


def _number(ax, points, lang: str) -> None:
    """Too crowded to name in place: number the points (top to bottom) and list the titles beside the matrix."""
    lines = []
    for n, (row, x, y) in enumerate(sorted(points, key=lambda p: (-p[2], p[1])), start=1):
        ax.annotate(str(n), xy=(x, y), xytext=(0, 6), textcoords="offset points", ha="center", va="bottom",
                    fontsize=style.SIZES["small"], color=style.INK, fontweight="bold", zorder=6,
                    gid=f"improvement-number:{row.id}")
        lines.append(f"{n:>2}  {wrapped(_title(row, lang), 40, 1)}")
    ax.text(1.03, 1.0, "\n".join(lines), transform=ax.transAxes, ha="left", va="top",
            fontsize=style.SIZES["small"], color=style.INK, gid="improvement-list", linespacing=1.4)
