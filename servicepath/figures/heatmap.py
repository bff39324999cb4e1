"""The A.R.V.O. heatmap: every touchpoint's four scores as a table of coloured cells."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from ..analysis.scoring import effective_scores, rating_summary
from ..i18n import label
from ..model import PRINCIPLES, Journey
from ..model.touchpoint import SCORE_RANGE
from . import style
from ._chart import (
    figure_and_axes,
    heading,
    ink_on,
    journey_title,
    plain,
    renderer,
    score_text,
    stage_name,
    touchpoint_name,
    wrapped,
)

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["arvo_heatmap", "score_colours"]

ROW_IN = 0.32  # height of one touchpoint row, inches: room for a name on two lines
HEADER_ROW = 0.9  # a stage's header row, in touchpoint rows
MISSING_FILL = "#F4F4F4"


def score_colours():
    """The sequential light → dark blue map of scores (one hue: safe for colour-blind readers) and its norm.

    Built from the style palette's sky and blue, darkened towards the ink
    colour at the strong end, so a higher score is always a darker cell.
    """
    from matplotlib.colors import LinearSegmentedColormap, Normalize, to_hex, to_rgb

    def mix(a: str, b: str, share_b: float) -> str:
        return to_hex(tuple((1 - share_b) * x + share_b * y for x, y in zip(to_rgb(a), to_rgb(b), strict=True)))

    sky, blue = style.PALETTE["sky"], style.PALETTE["blue"]
    # five evenly spaced stops, one per whole score 0…4, so neighbouring scores differ clearly
    stops = [mix(sky, "white", 0.9), mix(sky, "white", 0.5), sky, blue, mix(blue, style.INK, 0.45)]
    cmap = LinearSegmentedColormap.from_list("servicepath-arvo", stops)
    return cmap, Normalize(*SCORE_RANGE)


def arvo_heatmap(journey: Journey, *, lang: str = "en", ax: Axes | None = None) -> Figure:
    """Draw every touchpoint's A.R.V.O. scores as a heatmap: touchpoints as rows, principles as columns.

    Rows follow the map (stage order, then lane) under a header for each
    stage; a cell's colour and number are the score (0…4; the raters' median
    where workshop ratings exist), an unscored cell is grey, hatched and
    shows "–", and a small vermillion corner marks where raters disagree.

    Parameters
    ----------
    journey : Journey
    lang : {"en", "fi"}
        Language of every word on the picture.
    ax : matplotlib Axes, optional
        Draw into it instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Artists carry ids: ``cell:<touchpoint>:<principle>`` (the fill),
        ``cell-text:<touchpoint>:<principle>``, ``stage:<stage>``,
        ``principle:<principle>`` and ``disagree:<touchpoint>:<principle>``.

    Examples
    --------
    >>> import servicepath as sp
    >>> fig = arvo_heatmap(sp.load_sample("webshop"), lang="fi")
    >>> [t.get_text() for t in fig.axes[0].texts if t.get_gid() == "cell-text:pay:A"]
    ['1']
    """
    lang = style.check_lang(lang)
    table = journey.touchpoints[["id", "stage"]]
    scores = effective_scores(journey)[list(PRINCIPLES)]
    rows = _rows(table)
    units = sum(HEADER_ROW if kind == "stage" else 1 for kind, _ in rows)
    with style.styled():
        fig, ax = figure_and_axes(ax, 7.4, 2.3 + ROW_IN * units)
        cmap, norm = score_colours()
        ticks, names, headers, y = [], [], [], 0.0
        for kind, key in rows:
            if kind == "stage":
                centre, y = y + HEADER_ROW / 2 + 0.1, y + HEADER_ROW
                if y > HEADER_ROW:  # a separator above every stage but the first
                    ax.plot([-0.5, len(PRINCIPLES) - 0.5], [y - HEADER_ROW, y - HEADER_ROW], color=style.GRID,
                            lw=0.8, clip_on=False)
                ticks.append(centre)
                names.append(wrapped(stage_name(journey, key, lang), 30, 1))
                headers.append(len(names) - 1)
                continue
            centre, y = y + 0.5, y + 1
            ticks.append(centre)
            names.append(wrapped(touchpoint_name(journey, key, lang), 26, 2))
            for j, p in enumerate(PRINCIPLES):
                _cell(ax, key, p, j, centre, scores.loc[key, p], cmap, norm, lang)
        _mark_disagreement(ax, journey, rows, ticks)
        _principle_headers(ax, lang)
        ax.set_xlim(-0.5, len(PRINCIPLES) - 0.5)
        ax.set_ylim(y + 0.05, -1.05)  # inverted: the first stage on top
        ax.set_xticks([])
        _row_labels(ax, ticks, names, headers)
        for side in ("top", "right", "left", "bottom"):
            ax.spines[side].set_visible(False)
        _legend(ax, cmap, norm, lang)
        heading(ax, label("chart.heatmap.title", lang), journey_title(journey, lang), owned=fig.axes == [ax],
                clear=_header_points(lang))
    return fig


def _rows(table) -> list[tuple[str, str]]:
    """("stage", id) headers and ("touchpoint", id) rows in map order."""
    rows: list[tuple[str, str]] = []
    previous = object()
    for tp, stage in table.itertuples(index=False):
        if stage != previous:
            rows.append(("stage", stage))
            previous = stage
        rows.append(("touchpoint", tp))
    return rows


def _cell(ax, tp: str, p: str, column: int, centre: float, value: float, cmap, norm, lang: str) -> None:
    from matplotlib.patches import Rectangle

    missing = value is None or math.isnan(value)
    fill = MISSING_FILL if missing else cmap(norm(value))
    cell = Rectangle((column - 0.46, centre - 0.44), 0.92, 0.88, facecolor=fill, lw=0,
                     edgecolor=style.GRID if missing else "none", hatch="////" if missing else None)
    cell.set_gid(f"cell:{tp}:{p}")
    ax.add_patch(cell)
    ax.text(column, centre, score_text(value, lang), ha="center", va="center", fontsize=style.SIZES["label"],
            color=style.MUTED if missing else ink_on(fill), fontweight="normal" if missing else "bold",
            gid=f"cell-text:{tp}:{p}")


def _mark_disagreement(ax, journey: Journey, rows, ticks) -> None:
    """A vermillion corner where the raters' scores of a cell span 2 or more (talk those through)."""
    from matplotlib.patches import Polygon

    summary = rating_summary(journey)
    if summary.empty:
        return
    centre_of = {key: ticks[i] for i, (kind, key) in enumerate(rows) if kind == "touchpoint"}
    for tp, p in summary.loc[summary["disagree"], ["touchpoint", "principle"]].itertuples(index=False):
        if tp not in centre_of:
            continue
        x, y = PRINCIPLES.index(p) + 0.46, centre_of[tp] - 0.44
        corner = Polygon([(x, y), (x - 0.2, y), (x, y + 0.36)], closed=True, facecolor=style.CRITICAL, lw=0)
        corner.set_gid(f"disagree:{tp}:{p}")
        ax.add_patch(corner)


def _principle_headers(ax, lang: str) -> None:
    """The principles over the columns, each over a strip of its colour (as in every A.R.V.O. picture)."""
    from matplotlib.patches import Rectangle

    for j, p in enumerate(PRINCIPLES):
        ax.add_patch(Rectangle((j - 0.46, -0.2), 0.92, 0.1, facecolor=style.PRINCIPLE_COLOURS[p], lw=0,
                               clip_on=False))
        ax.text(j, -0.3, wrapped(label(f"principle.{p}", lang), _header_chars(lang), 3), ha="center", va="bottom",
                fontsize=style.SIZES["label"], fontweight="bold", color=style.INK, clip_on=False,
                gid=f"principle:{p}")


def _header_chars(lang: str) -> int:
    """Wrap width of the principle headers: 14, or the longest word so no word is broken."""
    return max(14, *(len(w) for p in PRINCIPLES for w in label(f"principle.{p}", lang).split()))


def _header_points(lang: str) -> float:
    """Points the principle headers rise above the axes: three lines at most."""
    lines = max(len(style.wrap(label(f"principle.{p}", lang), _header_chars(lang), 3)) for p in PRINCIPLES)
    return lines * style.SIZES["label"] * 1.25 - 4


def _row_labels(ax, ticks, names, headers) -> None:
    """Names left-aligned in one column (a table, not a ragged edge), stage headers in bold."""
    ax.set_yticks(ticks, names)
    ax.tick_params(axis="y", length=0)
    labels = ax.get_yticklabels()
    for i in headers:
        labels[i].set_fontweight("bold")
        labels[i].set_color(style.INK)
    for t in labels:
        t.set_fontsize(style.SIZES["label"])
        if t.get_fontweight() != "bold":
            t.set_color(style.INK)
    draw = renderer(ax.figure)
    widest = max((t.get_window_extent(draw).width for t in labels), default=0) * 72 / ax.figure.dpi
    for t in labels:
        t.set_horizontalalignment("left")
    ax.tick_params(axis="y", pad=widest + 10)


def _legend(ax, cmap, norm, lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    low, high = SCORE_RANGE
    handles = [Patch(facecolor=cmap(norm(v)), label=str(v)) for v in range(int(low), int(high) + 1)]
    handles.append(Patch(facecolor=MISSING_FILL, edgecolor=style.GRID, hatch="////", lw=0,
                         label=label("chart.no_score", lang)))
    handles.append(Line2D([], [], marker=[(1, 1), (-1, 1), (1, -1)], ls="none", color=style.CRITICAL,
                          markersize=7, label=label("chart.disagree", lang)))
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), ncol=len(handles),
                       title=plain(label("chart.heatmap.legend", lang)), fontsize=style.SIZES["small"] + 0.5,
                       title_fontsize=style.SIZES["small"] + 0.5, handlelength=1.2, handleheight=1.0,
                       columnspacing=1.0, borderaxespad=0.6)
    legend.set_alignment("left")
    legend.get_title().set_color(style.MUTED)
