"""The journey as a network: stages left to right, lanes top to bottom, reach and shares to scale."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

import networkx as nx

from ..analysis.lived import lived_reach
from ..i18n import label
from ..model import LANES, Journey
from . import style
from ._chart import figure_and_axes, heading, journey_title, percent, plain, stage_name, touchpoint_name, wrapped

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["journey_graph", "GraphLayout", "graph_layout", "node_size", "edge_width"]

COL_IN = 1.8  # inches per stage column
ROW_IN = 0.95  # inches per node row: the biggest circle plus a three-line name under it
ZIGZAG = 0.15  # columns: nodes stacked in one stage alternate left/right so edges between them stay visible
EDGE_COLOUR = "#8C8C8C"


def node_size(share: float) -> float:
    """Circle area in points² for the share of customers who reach a touchpoint (area grows with reach)."""
    return 50.0 + 1000.0 * max(0.0, float(share))


def edge_width(share: float) -> float:
    """Line width in points for the share of customers taking a transition."""
    return 0.5 + 4.5 * max(0.0, float(share))


@dataclass(frozen=True)
class GraphLayout:
    """Node positions (x = stage column, y = row from 0 downwards) and the lane bands."""

    positions: dict[str, tuple[float, float]]
    columns: dict[str, int]  # touchpoint → stage column
    stages: list[str]  # stage ids by column
    lanes: list[tuple[str, float, float]]  # (lane, top y, bottom y)


def graph_layout(journey: Journey) -> GraphLayout:
    """Place every touchpoint: its stage's column, its lane's band, in the order customers get there.

    Examples
    --------
    >>> import servicepath as sp
    >>> layout = graph_layout(sp.load_sample("webshop"))
    >>> layout.columns["search"], layout.columns["pay"]
    (0, 2)
    """
    table = journey.touchpoints
    stages = list(journey.stage_ids)
    stages += [s for s in dict.fromkeys(table["stage"]) if s not in stages]
    column = {s: i for i, s in enumerate(stages)}
    entries = [n for n, a in journey.graph.nodes(data=True) if float(a.get("entry_share") or 0) > 0]
    depth = nx.multi_source_dijkstra_path_length(journey.graph, entries, weight=None) if entries else {}
    order = {tp: i for i, tp in enumerate(table["id"])}
    cells: dict[tuple[str, str], list[str]] = {}
    for tp, stage, lane in table[["id", "stage", "lane"]].itertuples(index=False):
        cells.setdefault((stage, lane), []).append(tp)
    for members in cells.values():
        members.sort(key=lambda tp: (depth.get(tp, math.inf), order[tp]))
    positions, columns, lanes, top = {}, {}, [], 0.0
    for lane in [lane for lane in LANES if lane in set(table["lane"])]:
        height = max(len(m) for (_, ln), m in cells.items() if ln == lane)
        for (stage, ln), members in cells.items():
            if ln != lane:
                continue
            offset = (height - len(members)) / 2
            for k, tp in enumerate(members):
                zig = (ZIGZAG if k % 2 else -ZIGZAG) if len(members) > 1 else 0.0
                positions[tp] = (column[stage] + zig, top - offset - k - 0.5)
                columns[tp] = column[stage]
        lanes.append((lane, top, top - height))
        top -= height
    return GraphLayout(positions, columns, stages, lanes)


def journey_graph(journey: Journey, *, lang: str = "en", min_share: float = 0.0, ax: Axes | None = None) -> Figure:
    """Draw the journey as a network, left to right by stage.

    Circles are touchpoints, their area the share of customers who get there
    (:func:`servicepath.reach`) and their colour the customer's emotion;
    moments of truth have a vermillion ring. Lines are transitions, as wide
    as the share taking them; a transition back to an earlier stage is
    dashed and curved, and transitions within a stage curve so they do not
    run through the circles between. Lanes are bands, named on the left.

    Parameters
    ----------
    journey : Journey
    lang : {"en", "fi"}
        Language of every word on the picture.
    min_share : float
        Hide transitions taken by fewer than this share of the customers at
        their source (a display filter: sizes and numbers still count every
        transition; the subtitle says how many are hidden).
    ax : matplotlib Axes, optional
        Draw into it instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        For a journey built from event data, circle sizes are the counted share
        of customers (:func:`servicepath.lived_reach`). Artists carry ids: ``node:<id>`` (one scatter per touchpoint),
        ``edge:<source>-><target>``, ``label:<id>``, ``stage:<stage>``,
        ``lane:<lane>``.

    Examples
    --------
    >>> import servicepath as sp
    >>> fig = journey_graph(sp.load_sample("webshop"), lang="fi")
    >>> sum(1 for c in fig.axes[0].collections if (c.get_gid() or "").startswith("node:"))
    20
    """
    lang = style.check_lang(lang)
    with style.styled():
        fig, ax, _ = draw_network(journey, lang=lang, min_share=min_share, ax=ax)
        subtitle = (f"{len(journey)} {label('word.touchpoints', lang)} · "
                    f"{journey.graph.number_of_edges()} {label('word.transitions', lang)}")
        hidden = sum(1 for *_, a in journey.graph.edges(data=True) if float(a.get("share") or 0) < min_share)
        if hidden:
            subtitle += " · " + label("chart.graph.hidden", lang).format(count=hidden, share=percent(min_share, lang))
        heading(ax, f"{label('chart.graph.title', lang)} — {journey_title(journey, lang)}", subtitle,
                owned=fig.axes == [ax])
    return fig


def draw_network(journey: Journey, *, lang: str, min_share: float = 0.0, ax: Axes | None = None):
    """The network without its heading (inside :func:`style.styled`): returns the figure, axes and layout."""
    layout = graph_layout(journey)
    reached = lived_reach(journey)
    shown_edges = [(s, t, float(a.get("share") or 0)) for s, t, a in journey.graph.edges(data=True)
                   if float(a.get("share") or 0) >= min_share]
    rows = -min((bottom for _, _, bottom in layout.lanes), default=-1)
    # at least as wide as the key under the network, however small the journey
    fig, ax = figure_and_axes(ax, max(9.0, 1.6 + COL_IN * (len(layout.stages) + 0.55)),
                              max(5.5, 2.6 + ROW_IN * rows))
    left, right = -0.95, len(layout.stages) - 0.4
    _bands(ax, journey, layout, left, right, lang)
    for source, target, share in shown_edges:
        _edge(ax, layout, source, target, share, reached)
    for tp, (x, y) in layout.positions.items():
        _node(ax, journey, tp, x, y, float(reached.get(tp, 0.0)), lang)
    ax.set_xlim(left, right)
    ax.set_ylim(-rows - 0.3, 0.75)  # room for the names under the lowest circles
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ("top", "right", "left", "bottom"):
        ax.spines[side].set_visible(False)
    _legends(ax, lang)
    return fig, ax, layout


def _bands(ax, journey: Journey, layout: GraphLayout, left: float, right: float, lang: str) -> None:
    from matplotlib.patches import Rectangle

    for lane, top, bottom in layout.lanes:
        band = Rectangle((left, bottom), right - left, top - bottom, facecolor=style.LANE_FILLS.get(lane, "#F7F7F7"),
                         edgecolor="white", lw=1.5, zorder=0)
        band.set_gid(f"lane:{lane}")
        ax.add_patch(band)
        name = label(f"lane.{lane}", lang)
        ax.text(left + 0.05, (top + bottom) / 2, wrapped(name, max(12, *map(len, name.split())), 3), ha="left",
                va="center", fontsize=style.SIZES["small"], fontweight="bold", color=style.MUTED)
    for i, stage in enumerate(layout.stages):
        if i:
            ax.axvline(i - 0.5, color="white", lw=2, zorder=0.5)
        ax.text(i, 0.2, wrapped(stage_name(journey, stage, lang), 20, 2, stretch=6), ha="center", va="bottom",
                fontsize=style.SIZES["label"], fontweight="bold", color=style.INK, gid=f"stage:{stage}")


def _radius(reached: float) -> float:
    """The circle's radius in points (scatter sizes are areas)."""
    return math.sqrt(node_size(reached)) / 2


def _edge(ax, layout: GraphLayout, source: str, target: str, share: float, reached) -> None:
    from matplotlib.patches import FancyArrowPatch

    (xs, ys), (xt, yt) = layout.positions[source], layout.positions[target]
    width = edge_width(share)
    back = layout.columns[target] < layout.columns[source]
    if source == target:
        _self_loop(ax, source, xs, ys, width, float(reached.get(source, 0.0)))
        return
    # The arc bows out by rad × its length, so rad is set from the length in inches for a steady bulge.
    length = math.hypot((xt - xs) * COL_IN, (yt - ys) * ROW_IN)
    if back:
        rad = min(0.35, 0.9 / length)  # back to an earlier stage: a wide arc, not read as a forward step
    elif layout.columns[target] == layout.columns[source]:
        rad = min(0.5, 0.35 / length)  # within one stage: bow out past the circles stacked between
    else:
        rad = min(0.1, 0.25 / length) if layout.columns[target] - layout.columns[source] > 1 else 0.0
    arrow = FancyArrowPatch((xs, ys), (xt, yt), arrowstyle="-|>", mutation_scale=7 + 1.5 * width,
                            connectionstyle=f"arc3,rad={rad}", lw=width, color=EDGE_COLOUR,
                            alpha=0.75, ls="--" if back else "-", zorder=2,
                            shrinkA=_radius(float(reached.get(source, 0.0))) + 1,
                            shrinkB=_radius(float(reached.get(target, 0.0))) + 2)
    arrow.set_gid(f"edge:{source}->{target}")
    ax.add_patch(arrow)


def _self_loop(ax, tp: str, x: float, y: float, width: float, reached: float) -> None:
    """A customer repeating a touchpoint: a loop on top of its circle (a marker, so it keeps its size in points)."""
    from matplotlib.path import Path

    radius, loop = _radius(reached), 7.0  # points
    half = radius + 1.6 * loop  # a marker path is scaled so its farthest point is half the marker size
    path = Path.circle(center=(0.0, (radius + 0.6 * loop) / half), radius=loop / half)
    mark = ax.scatter([x], [y], s=(2 * half) ** 2, marker=path, facecolors="none", edgecolors=EDGE_COLOUR,
                      linewidths=width, alpha=0.75, zorder=2)
    mark.set_gid(f"edge:{tp}->{tp}")


def _node(ax, journey: Journey, tp: str, x: float, y: float, reached: float, lang: str) -> None:
    attrs = journey.graph.nodes[tp]
    emotion = attrs.get("emotion")
    size = node_size(reached)
    dot = ax.scatter([x], [y], s=size, color=style.emotion_colour(emotion), edgecolors="white", linewidths=1.2,
                     zorder=4)
    dot.set_gid(f"node:{tp}")
    if attrs.get("critical") is True:
        ring = ax.scatter([x], [y], s=(math.sqrt(size) + 7) ** 2, facecolors="none", edgecolors=style.CRITICAL,
                          linewidths=1.8, zorder=4)
        ring.set_gid(f"critical:{tp}")
    extra = 3.5 if attrs.get("critical") is True else 0
    ax.annotate(wrapped(touchpoint_name(journey, tp, lang), 16, 3, stretch=6), xy=(x, y),
                xytext=(0, -(_radius(reached) + extra + 3)), textcoords="offset points", ha="center", va="top",
                fontsize=style.SIZES["small"], color=style.INK, zorder=5, gid=f"label:{tp}",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.7})


def _legends(ax, lang: str) -> None:
    """One key under the network in three columns: colour and ring, circle size, line width."""
    from matplotlib.lines import Line2D

    def dot(colour, text, size=7.0, face=None):
        return Line2D([], [], ls="none", marker="o", markersize=size, markerfacecolor=face or colour,
                      markeredgecolor=colour if face else "white", label=plain(text))

    def header(text):
        return Line2D([], [], ls="none", label=plain(text))

    blank = Line2D([], [], ls="none", label=" ")
    columns = [
        [header(label("column.emotion", lang)),
         dot(style.EMOTION_POSITIVE, label("chart.emotion.positive", lang)),
         dot(style.EMOTION_NEGATIVE, label("chart.emotion.negative", lang)),
         dot(style.EMOTION_NEUTRAL, label("chart.emotion.neutral", lang)),
         dot(style.CRITICAL, label("chart.critical", lang), 9.0, "none")],
        [header(label("chart.graph.size", lang)),
         *(dot(style.EMOTION_NEUTRAL, percent(s, lang), math.sqrt(node_size(s))) for s in (0.1, 0.4, 0.8))],
        [header(label("chart.graph.width", lang)),
         *(Line2D([], [], color=EDGE_COLOUR, lw=edge_width(s), label=percent(s, lang)) for s in (0.1, 0.5, 1.0)),
         Line2D([], [], color=EDGE_COLOUR, lw=edge_width(0.3), ls="--", label=label("chart.graph.back", lang))],
    ]
    rows = max(map(len, columns))
    handles = [h for column in columns for h in [*column, *[blank] * (rows - len(column))]]
    legend = ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, 0), ncol=len(columns),
                       fontsize=style.SIZES["small"] + 0.5, handlelength=2.6, handleheight=3.2, labelspacing=0.8,
                       columnspacing=3.0, borderaxespad=0.6)
    headers = {h.get_label() for h in (c[0] for c in columns)}
    for text in legend.get_texts():
        if text.get_text() in headers:
            text.set_fontweight("bold")
            text.set_color(style.MUTED)
            text.set_position((-40, 0))  # headers start where the symbols do
