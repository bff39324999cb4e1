"""The swimlane journey map: stages as columns, blueprint lanes as rows, emotion underneath.

Sizes are fixed in inches per column and per lane, so a card and its text look
the same on every map and a longer journey simply gives a wider picture.
Artists carry ids (``set_gid``) such as ``card:pay`` and ``stage:buy``; they
become element ids in SVG and let tests find what was drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..analysis.experience import EXPERIENCED_LANES
from ..analysis.paths import goal_probability
from ..analysis.scoring import effective_scores
from ..errors import SchemaError, ServicepathError, UnknownIdError, shown
from ..i18n import count_label, label, percent_text
from ..model import LANES, PRINCIPLES, Journey
from ..model.fitness import FITNESS_LEVELS
from ..model.touchpoint import SCORE_RANGE
from . import style
from ._chart import ink_on
from .fitness import LEVEL_COLOURS, LEVEL_EDGE, badge_text
from .layout import MapLayout, map_layout

__all__ = ["journey_map", "map_pain_numbers", "map_emotion_points", "fitness_badges", "FitnessBadges"]

SLOT_IN = 1.65  # width of one card column, inches
LANE_IN = 1.32  # height of one lane
MARGIN_IN = 1.5  # the lane names on the left
CARD_W, CARD_H = 0.88, 0.84  # card size as a share of its column / lane
NAME_LINES = 3
TEXT_WIDTH_PT = (CARD_W - 0.1) * SLOT_IN * 72  # room for text on a card, inside its padding
LEGEND_IN = 4.9  # room for the legend, top right
MIN_COLUMNS = 7  # the narrowest map, so the title and legend have room
MAX_MARKERS = 5  # pain markers on one card; beyond that the last says "+n"
#: The lines drawn between lanes: (label key, lane above it, line style).
BLUEPRINT_LINES = (
    ("map.line.interaction", "customer", "-"),
    ("map.line.visibility", "frontstage", "--"),
    ("map.line.internal", "backstage", ":"),
)
FITNESS_KEY_IN = 0.42  # the one-line key of the fitness badges
#: The badge's place on a card, as shares of the card's column and lane: right of the A.R.V.O. strip (which
#: ends at 0.435 of the column), from the strip's top to just above the card's foot. The card's name and
#: details end above it even at their most lines.
BADGE_LEFT, BADGE_RIGHT = 0.46, CARD_W - 0.02
BADGE_TOP, BADGE_BOTTOM = CARD_H - 0.215, CARD_H - 0.03
BADGE_PAD_PT = 1.5  # between a badge's edge and its text, left and right (above and below: 1 pt, 0.4 in a row)


def journey_map(journey: Journey, *, lang: str = "en", emotion: bool = True, pain_key: bool = True,
                title: bool = True, fitness: pd.DataFrame | None = None):
    """Draw the journey as a service-blueprint swimlane map.

    Stages are columns in their order, the five blueprint lanes are rows with
    the lines of interaction, visibility and internal interaction between
    them. Each touchpoint is a card (name, channel, owner, a small A.R.V.O.
    bar strip); arrows show transitions with width by share; critical
    moments have a vermillion frame; pain points are numbered markers keyed
    to a list under the map; the customer's emotion (−3…+3) runs along the
    bottom through the cards the customer sees.

    Parameters
    ----------
    journey : Journey
    lang : {"en", "fi"}
        Language of every word on the map; texts missing in it fall back to the other.
    emotion, pain_key, title : bool
        Draw the emotion band, the pain point list and the title block.
    fitness : DataFrame, optional
        Team fitness levels to show on the cards, as
        :func:`servicepath.fitness_by_touchpoint` returns them (columns
        ``touchpoint``, ``level`` and, named in the key, ``round``). Each
        listed card gets a badge with the level's name, coloured light
        (below GOOD) to dark (VERY BEST), beside its A.R.V.O. strip; a card
        of teams at different levels gets one badge with a row per level
        (the lowest and the highest when there are more than two). A
        one-line key under the map explains the badges.

    Returns
    -------
    matplotlib.figure.Figure
        Badges have ids ``fitness:<touchpoint>``, their texts
        ``fitness-text:<touchpoint>:<level>``.

    Raises
    ------
    UnknownIdError
        ``fitness`` names a touchpoint the journey does not have.
    SchemaError
        ``fitness`` lacks a column or names an unknown level.

    Examples
    --------
    >>> import servicepath as sp
    >>> fig = sp.journey_map(sp.load_sample("webshop"), lang="fi")
    >>> [t.get_text() for t in fig.texts][0]
    'Verkkokauppa: kahvinkeittimen ostaminen'
    """
    style.check_lang(lang)
    if len(journey) == 0:
        raise ServicepathError("the journey has no touchpoints to draw; add some first")
    badges = None if fitness is None else fitness_badges(journey, fitness)
    layout = map_layout(journey)
    pains = map_pain_numbers(journey, layout)
    with style.styled():
        return _draw(journey, layout, pains, lang, emotion=emotion, pain_key=pain_key, title=title, badges=badges)


def map_pain_numbers(journey: Journey, layout: MapLayout | None = None) -> pd.DataFrame:
    """The pain points in the order the map numbers them (left to right, top to bottom).

    Returns
    -------
    DataFrame
        ``number`` (1, 2, …), ``touchpoint``, ``id``, ``text_fi``, ``text_en``,
        ``severity``, ``frequency``.

    Examples
    --------
    >>> import servicepath as sp
    >>> map_pain_numbers(sp.load_sample("webshop"))[["number", "touchpoint"]].head(2).values.tolist()
    [[1, 'search'], [2, 'product']]
    """
    layout = layout or map_layout(journey)
    table = journey.pain_points.copy()
    position = table["touchpoint"].map(lambda tp: layout.slots[tp])
    table["_slot"], table["_lane"] = position.str[0], position.str[1]
    table = table.sort_values(["_slot", "_lane"], kind="stable").drop(columns=["_slot", "_lane"])
    table.insert(0, "number", range(1, len(table) + 1))
    return table.reset_index(drop=True)


# -- the figure -------------------------------------------------------------------------------------
def _draw(journey, layout, pains, lang, *, emotion, pain_key, title, badges=None):
    key_rows = _key_rows(len(pains), layout) if pain_key and len(pains) else 0
    width = MARGIN_IN + SLOT_IN * _columns(layout) + 0.3
    heading = _heading(journey, lang, width) if title else None
    heights = {"title": heading.height if heading else 0.15, "grid": 0.5 + LANE_IN * len(LANES),
               "emotion": 1.55 if emotion else 0, "key": 0.35 + 0.34 * key_rows if key_rows else 0,
               "fitness": FITNESS_KEY_IN if badges is not None else 0}
    height = sum(heights.values()) + 0.2
    fig = style.new_figure(width, height)
    left, right = 0.12 / width, 1 - 0.3 / width
    top = height - heights["title"]
    grid = fig.add_axes(_rect(left, right, top - heights["grid"], heights["grid"], height))
    _draw_grid(grid, journey, layout, lang)
    if badges is not None:
        _draw_fitness_badges(grid, badges, layout, lang)
    top -= heights["grid"]
    if emotion:
        band = fig.add_axes(_rect(left, right, top - heights["emotion"] + 0.15, heights["emotion"] - 0.2, height))
        _draw_emotion(band, journey, layout, lang)
        top -= heights["emotion"]
    if key_rows:
        key = fig.add_axes(_rect(left, right, top - heights["key"], heights["key"], height))
        _draw_pain_key(key, pains, layout, lang, key_rows)
        top -= heights["key"]
    if badges is not None:
        key = fig.add_axes(_rect(left, right, top - heights["fitness"], heights["fitness"], height))
        _draw_fitness_key(key, badges, layout, lang)
    if heading:
        _draw_title(fig, heading, lang, height)
    return fig


def _rect(left, right, bottom_in, height_in, fig_height):
    return [left, bottom_in / fig_height, right - left, height_in / fig_height]


def _columns(layout: MapLayout) -> int:
    """Columns the grid spans: a small journey still gets room for its title beside the legend."""
    return max(layout.width, MIN_COLUMNS)


def _x_limits(layout: MapLayout) -> tuple[float, float]:
    return -MARGIN_IN / SLOT_IN + 0.05, _columns(layout)


@dataclass(frozen=True)
class _Heading:
    title: list[str]
    title_size: float
    subtitle: list[str]

    @property
    def height(self) -> float:
        return 0.3 + len(self.title) * self.title_size * 1.3 / 72 + len(self.subtitle) * 0.2 + 0.25


def _heading(journey, lang, width) -> _Heading:
    """The title and the facts line, fitted beside the legend (two lines each at most)."""
    room = (width - LEGEND_IN - 0.5) * 72
    name = journey.title.get(lang) or label("map.untitled", lang)
    title, size = style.fit_text(name, room, (style.SIZES["title"], 13), 2, bold=True)
    facts = [count_label(len(journey), "touchpoints", lang), count_label(len(journey.stages), "stages", lang)]
    if journey.goals:
        facts.append(label("map.goal_reached", lang).format(share=percent_text(goal_probability(journey), lang)))
    persona = journey.persona.get(lang)
    subtitle = " · ".join(facts) + (f"   —   {label('word.persona', lang)}: {persona}" if persona else "")
    return _Heading(title, size, style.fit_lines(subtitle, room, style.SIZES["subtitle"], 2))


def _draw_title(fig, heading: _Heading, lang, height):
    x = 0.12 / fig.get_figwidth()
    fig.text(x, 1 - 0.22 / height, "\n".join(heading.title), fontsize=heading.title_size, parse_math=False,
             fontweight="bold", va="top", linespacing=1.15, gid="title")
    below = 0.22 + len(heading.title) * heading.title_size * 1.3 / 72 + 0.08
    fig.text(x, 1 - below / height, "\n".join(heading.subtitle), parse_math=False,
             fontsize=style.SIZES["subtitle"], color=style.MUTED, va="top", gid="subtitle")
    _draw_legend(fig, lang, height)


def _draw_legend(fig, lang, height):
    """A.R.V.O. colours, arrow width and the critical frame, top right."""
    width = fig.get_figwidth()
    y = 1 - 0.25 / height
    items = [(style.PRINCIPLE_COLOURS[p], p) for p in PRINCIPLES]
    x = 1 - LEGEND_IN / width
    for colour, text in items:
        fig.patches.append(_legend_square(fig, x, y, colour))
        fig.text(x + 0.14 / width, y, text, fontsize=style.SIZES["small"], va="center", fontweight="bold")
        x += 0.42 / width
    fig.text(x + 0.05 / width, y, label("map.legend.arvo", lang), fontsize=style.SIZES["small"], va="center",
             color=style.MUTED)
    small = style.SIZES["small"]
    fig.text(1 - LEGEND_IN / width, y - 0.24 / height, label("map.legend.arrows", lang), fontsize=small,
             va="center", color=style.MUTED)
    fig.text(1 - LEGEND_IN / width, y - 0.46 / height, label("map.legend.critical", lang), fontsize=small,
             va="center", color=style.CRITICAL, fontweight="bold")


def _legend_square(fig, x, y, colour):
    from matplotlib.patches import Rectangle

    w, h = 0.1 / fig.get_figwidth(), 0.1 / fig.get_figheight()
    return Rectangle((x, y - h / 2), w, h, transform=fig.transFigure, facecolor=colour, edgecolor="none")


# -- stages, lanes and cards ------------------------------------------------------------------------
def _draw_grid(ax, journey, layout, lang):
    ax.set_xlim(*_x_limits(layout))
    ax.set_ylim(len(LANES), -0.5)  # lane 0 on top; the stage headers above it
    ax.axis("off")
    _draw_lanes(ax, layout, lang)
    _draw_stages(ax, journey, layout, lang)
    strips = [_draw_card(ax, tp, journey.graph.nodes[tp], layout.slots[tp], lang, scores)
              for tp, scores in _scores(journey).iterrows()]
    _draw_arvo_strips(ax, strips)
    _draw_arrows(ax, journey, layout)
    _draw_pain_markers(ax, journey, layout)


def _scores(journey):
    return effective_scores(journey)[list(PRINCIPLES)]


def _draw_lanes(ax, layout, lang):
    from matplotlib.patches import Rectangle

    x0 = _x_limits(layout)[0]
    for i, lane in enumerate(LANES):
        ax.add_artist(Rectangle((x0, i), _columns(layout) - x0, 1, facecolor=style.LANE_FILLS[lane], edgecolor="none",
                               zorder=0, gid=f"lane:{lane}"))
        name = "\n".join(style.wrap(label(f"lane.{lane}", lang), 16, 2))
        ax.text(x0 + 0.06, i + 0.5, name, fontsize=style.SIZES["label"], fontweight="bold", va="center",
                ha="left", color=style.INK, gid=f"lane-label:{lane}")
    for key, lane_above, linestyle in BLUEPRINT_LINES:
        y = LANES.index(lane_above) + 1
        ax.plot([x0, _columns(layout)], [y, y], color=style.MUTED, lw=1.0, ls=linestyle, zorder=1, gid=key)
        ax.text(x0 + 0.06, y - 0.04, label(key, lang), fontsize=style.SIZES["small"], style="italic",
                color=style.MUTED, va="bottom", ha="left", gid=f"{key}:label")


def _draw_stages(ax, journey, layout, lang):
    from matplotlib.patches import Rectangle

    names = {s.id: s.label(lang) for s in journey.stages}
    for i, (sid, first, count) in enumerate(layout.stages):
        shade = "#E4E8EC" if i % 2 == 0 else "#D5DBE1"
        ax.add_artist(Rectangle((first + 0.02, -0.48), count - 0.04, 0.42, facecolor=shade, edgecolor="none",
                               zorder=1, gid=f"stage:{sid}"))
        lines, size = style.fit_text(names.get(sid, sid), (count - 0.12) * SLOT_IN * 72,
                                     (style.SIZES["heading"], 9, 8), 2, bold=True)
        ax.text(first + count / 2, -0.27, "\n".join(lines), ha="center", va="center", fontsize=size,
                parse_math=False,
                fontweight="bold", color=style.INK, gid=f"stage-label:{sid}")
        if first:
            ax.axvline(first, color="white", lw=3, zorder=1.5)


def _draw_card(ax, tp, attrs, position, lang, scores):
    from matplotlib.patches import FancyBboxPatch

    slot, lane = position
    x, y = slot + (1 - CARD_W) / 2, lane + (1 - CARD_H) / 2
    critical = attrs.get("critical") is True
    card = FancyBboxPatch((x, y), CARD_W, CARD_H, boxstyle="round,pad=0,rounding_size=0.05",
                          facecolor="white", edgecolor=style.CRITICAL if critical else style.GRID,
                          lw=2.2 if critical else 0.8, zorder=3, gid=f"card:{tp}")
    ax.add_artist(card)
    name = style.text_in(attrs, "name", lang) or tp
    lines, size = style.fit_text(name, TEXT_WIDTH_PT, (style.SIZES["card"], 7.5, 7), NAME_LINES, bold=True)
    ax.text(x + 0.05, y + 0.07, "\n".join(lines), fontsize=size, fontweight="bold", va="top",
            parse_math=False,
            ha="left", color=style.INK, zorder=4, linespacing=1.1, gid=f"card-name:{tp}")
    detail = " · ".join(v for v in (attrs.get("channel"), attrs.get("owner")) if v)
    if detail:
        detail_lines = style.fit_lines(detail, TEXT_WIDTH_PT, style.SIZES["small"], 2)
        ax.text(x + 0.05, y + 0.1 + 0.115 * len(lines), "\n".join(detail_lines),
                parse_math=False,
                fontsize=style.SIZES["small"], color=style.MUTED, va="top", ha="left", zorder=4, linespacing=1.05,
                gid=f"card-detail:{tp}")
    return x, y, scores


def _draw_arvo_strips(ax, strips):
    """Four small bars at each card's foot, one per principle, full height = the top score.

    Two collections for the whole map (the grey wells, then the scores in card order, A R V O, unscored
    left out) instead of eight patches per card: a map of 100 touchpoints draws 0.3 s sooner.
    """
    from matplotlib.collections import PolyCollection

    wells, bars, colours = [], [], []
    full, width = 0.15, 0.075
    for x, y, scores in strips:
        base = y + CARD_H - 0.05
        for i, principle in enumerate(PRINCIPLES):
            left = x + 0.06 + i * (width + 0.025)
            wells.append(_box(left, base, width, full))
            if not math.isnan(scores[principle]):
                bars.append(_box(left, base, width, full * scores[principle] / SCORE_RANGE[1]))
                colours.append(style.PRINCIPLE_COLOURS[principle])
    ax.add_collection(PolyCollection(wells, facecolors="#F1F1F1", edgecolors="none", zorder=4), autolim=False)
    ax.add_collection(PolyCollection(bars, facecolors=colours, edgecolors="none", zorder=4.5, gid="arvo-bars"),
                      autolim=False)


def _box(left: float, base: float, width: float, height: float) -> list[tuple[float, float]]:
    return [(left, base), (left + width, base), (left + width, base - height), (left, base - height)]


def _draw_arrows(ax, journey, layout):
    from matplotlib.patches import FancyArrowPatch

    for source, target, share in journey.graph.edges(data="share"):
        (sx, sl), (tx, tl) = layout.slots[source], layout.slots[target]
        start, end, connection = _route((sx, sl), (tx, tl))
        share = float(share or 0)
        ax.add_artist(FancyArrowPatch(
            start, end, connectionstyle=connection, arrowstyle="-|>",
            mutation_scale=7 + 6 * share, lw=0.5 + 3.5 * share, color="#8C99A6", alpha=0.85, zorder=2,
            shrinkA=0, shrinkB=0, gid=f"arrow:{source}->{target}"))


def _route(source: tuple[int, int], target: tuple[int, int]) -> tuple[tuple, tuple, str]:
    """Start, end and shape of an arrow between two cards.

    Neighbours are joined straight (or gently curved). An arrow that would
    pass over other cards in its lane runs instead in the gap under the cards
    (forwards) or over them (backwards), so it never seems to enter a card it
    does not connect. A card's arrow to itself is a small loop over its top edge.
    """
    (sx, sl), (tx, tl) = source, target
    top, bottom = (1 - CARD_H) / 2, (1 + CARD_H) / 2
    if (sx, sl) == (tx, tl):
        return (sx + 0.62, sl + top), (sx + 0.38, sl + top), "arc3,rad=1.2"
    if sl == tl and abs(tx - sx) > 1:
        edge = bottom if tx > sx else top
        reach = abs(tx - sx) * SLOT_IN
        # "bar" joins A and B with a bracket; its arms are `fraction` × |AB| long: about 0.08 inch here
        return (sx + 0.5, sl + edge), (tx + 0.5, tl + edge), f"bar,fraction={0.075 / reach:.4f}"
    start, end = _card_edge(source, target), _card_edge(target, source)
    return start, end, f"arc3,rad={_bend(sx, sl, tx, tl)}"


def _card_edge(card: tuple[int, int], towards: tuple[int, int]) -> tuple[float, float]:
    """Where the straight line from a card's centre towards another card leaves the card (data units).

    Worked out here rather than by matplotlib's patch clipping, which splits
    Bézier curves point by point and made maps of 100 touchpoints ten times slower.
    """
    (x, y), (tx, ty) = card, towards
    dx, dy = (tx - x) * SLOT_IN, (ty - y) * LANE_IN  # inches, so the card's true shape counts
    half_w, half_h = CARD_W * SLOT_IN / 2, CARD_H * LANE_IN / 2
    if dx == dy == 0:
        return x + 0.5, y + 0.5
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    return x + 0.5 + dx * scale / SLOT_IN, y + 0.5 + dy * scale / LANE_IN


def _bend(sx, sl, tx, tl) -> float:
    """How much an arrow curves: loops back bend most, but never more than about half a lane."""
    distance = math.hypot((tx - sx) * SLOT_IN, (tl - sl) * LANE_IN)
    backwards = tx < sx or (tx == sx and tl < sl)
    if backwards:
        return round(min(0.35, 0.55 / distance), 3)
    if sx == tx or (sl == tl and tx - sx == 1):
        return 0.0
    return round(min(0.12, 0.5 / distance), 3)


def _draw_pain_markers(ax, journey, layout):
    """Numbered markers along each card's top edge, right-aligned; more than fit end in one "+n" marker."""
    numbers = map_pain_numbers(journey, layout)
    for tp, rows in numbers.groupby("touchpoint", sort=False):
        shown = [(str(n), f"pain:{tp}:{n}") for n in rows["number"]]
        if len(shown) > MAX_MARKERS:
            shown = shown[:MAX_MARKERS - 1] + [(f"+{len(shown) - MAX_MARKERS + 1}", f"pain-more:{tp}")]
        slot, lane = layout.slots[tp]
        for k, (text, gid) in enumerate(shown):
            x = slot + 0.5 + CARD_W / 2 - 0.07 - (len(shown) - 1 - k) * 0.15
            ax.text(x, lane + (1 - CARD_H) / 2 + 0.01, text, ha="center", va="center", fontsize=style.SIZES["small"],
                    color="white", fontweight="bold", zorder=6, gid=gid,
                    bbox={"boxstyle": "circle,pad=0.25", "facecolor": style.INK, "edgecolor": "white", "lw": 0.8})


# -- emotion band and pain key ---------------------------------------------------------------------
def map_emotion_points(journey: Journey, layout: MapLayout) -> pd.DataFrame:
    """The points of the emotion curve: each card the customer sees, by column; NaN (a gap) where none is known."""
    rows = [(layout.slots[tp][0] + 0.5, np.nan if attrs.get("emotion") is None else float(attrs["emotion"]), tp,
             attrs.get("critical") is True)
            for tp, attrs in journey.graph.nodes(data=True) if attrs.get("lane") in EXPERIENCED_LANES]
    return pd.DataFrame(rows, columns=["x", "emotion", "touchpoint", "critical"]).sort_values("x", kind="stable")


def _draw_emotion(ax, journey, layout, lang):
    points = map_emotion_points(journey, layout)
    ax.set_xlim(*_x_limits(layout))
    ax.set_ylim(-3.6, 3.6)
    for side in ("top", "right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for _, first, _ in layout.stages[1:]:
        ax.axvline(first, color=style.GRID, lw=0.6, zorder=0)
    end = _columns(layout)
    for level in (-3, 3):
        ax.plot([0, end], [level, level], color=style.GRID, lw=0.5, ls=":", zorder=0)
    ax.plot([0, end], [0, 0], color=style.MUTED, lw=0.8, zorder=1)  # starts at the grid, clear of the label
    x0 = _x_limits(layout)[0]
    ax.text(x0 + 0.06, 0, label("map.emotion", lang), fontsize=style.SIZES["label"], fontweight="bold",
            va="center", ha="left")
    for level in (-3, 0, 3):
        ax.text(-0.08, level, f"{level:+d}" if level else "0", fontsize=style.SIZES["small"], color=style.MUTED,
                ha="right", va="center")
    if points["emotion"].isna().all():
        ax.text(end / 2, 0.6, label("map.no_emotions", lang), ha="center", color=style.MUTED,
                fontsize=style.SIZES["label"])
        return
    x, y = points["x"].to_numpy(), points["emotion"].to_numpy()
    known = ~np.isnan(y)
    ax.fill_between(x, y, 0, where=known & (y >= 0), interpolate=True, color=style.EMOTION_POSITIVE, alpha=0.15, lw=0)
    ax.fill_between(x, y, 0, where=known & (y <= 0), interpolate=True, color=style.EMOTION_NEGATIVE, alpha=0.15, lw=0)
    ax.plot(x, y, color=style.INK, lw=1.4, zorder=3, gid="emotion-line")  # NaN breaks the line: a gap
    ax.scatter(x[known], y[known], s=34, c=[style.emotion_colour(v) for v in y[known]], zorder=4, edgecolors="white",
               linewidths=0.8, gid="emotion-points")
    ax.scatter(x[~known], np.zeros((~known).sum()), s=30, marker="x", c=style.EMOTION_NEUTRAL, zorder=4,
               linewidths=1.0, gid="emotion-unknown")
    for row in points[points["critical"] & points["emotion"].notna()].itertuples():
        ax.scatter([row.x], [row.emotion], s=160, facecolors="none", edgecolors=style.CRITICAL, linewidths=1.6,
                   zorder=5, gid=f"emotion-critical:{row.touchpoint}")
        ax.annotate(f"{row.emotion:+.0f}" if row.emotion else "0", (row.x, row.emotion),
                    xytext=(0, -14 if row.emotion < 0 else 9), textcoords="offset points", ha="center",
                    fontsize=style.SIZES["small"], color=style.CRITICAL,
                    fontweight="bold")


def _key_columns(layout: MapLayout) -> int:
    return max(1, int((SLOT_IN * layout.width) // 6.5))


def _key_rows(count: int, layout: MapLayout) -> int:
    return math.ceil(count / _key_columns(layout))


def _draw_pain_key(ax, pains, layout, lang, rows):
    ax.set_xlim(*_x_limits(layout))
    ax.set_ylim(rows + 0.6, -0.4)
    ax.axis("off")
    x0 = _x_limits(layout)[0]
    ax.text(x0 + 0.06, 0, label("map.pain_key", lang), fontsize=style.SIZES["label"], fontweight="bold",
            va="center", ha="left")
    columns = _key_columns(layout)
    column_width = layout.width / columns
    chars = int(column_width * SLOT_IN * 72 / (style.SIZES["small"] * 0.56)) - 6
    for i, row in enumerate(pains.itertuples()):
        column, line = divmod(i, rows)
        x, y = column * column_width + 0.05, line + 0.75
        ax.text(x, y, str(row.number), ha="center", va="center", fontsize=style.SIZES["small"], color="white",
                fontweight="bold", bbox={"boxstyle": "circle,pad=0.25", "facecolor": style.INK, "lw": 0},
                gid=f"pain-key:{row.number}")
        text = style.text_in({"t_fi": row.text_fi, "t_en": row.text_en}, "t", lang)
        ax.text(x + 0.14, y, style.wrap(text, chars, 1)[0] if text else "", parse_math=False, ha="left", va="center",
                fontsize=style.SIZES["small"], color=style.INK, gid=f"pain-key-text:{row.number}")


# -- team fitness badges ---------------------------------------------------------------------------
@dataclass(frozen=True)
class FitnessBadges:
    """What the badges show: each touchpoint's levels, highest first, and the rounds they come from."""

    levels: dict[str, list[str]]
    rounds: list[str]


def fitness_badges(journey: Journey, fitness: pd.DataFrame) -> FitnessBadges:
    """Check a table of team fitness levels by touchpoint and group it by touchpoint.

    A touchpoint of teams at more than two levels keeps the highest and the
    lowest, so its badge stays readable.

    Examples
    --------
    >>> import pandas as pd, servicepath as sp
    >>> table = pd.DataFrame({"touchpoint": ["pay", "pay", "chat"], "team": ["A", "B", "C"],
    ...                       "level": ["good", "very-best", "good"], "round": ["2026-11"] * 3})
    >>> fitness_badges(sp.load_sample("webshop"), table)
    FitnessBadges(levels={'pay': ['very-best', 'good'], 'chat': ['good']}, rounds=['2026-11'])
    """
    if not isinstance(fitness, pd.DataFrame):
        raise SchemaError(f"a {type(fitness).__name__} is not a table of fitness levels (expected the DataFrame "
                          "that fitness_by_touchpoint returns)", where="fitness")
    missing = [c for c in ("touchpoint", "level") if c not in fitness.columns]
    if missing:
        raise SchemaError(f"no column {', '.join(map(repr, missing))} (expected touchpoint, team, level, round as "
                          "fitness_by_touchpoint returns them)", where="fitness table")
    levels: dict[str, set[str]] = {}
    for n, (tp, level) in enumerate(fitness[["touchpoint", "level"]].itertuples(index=False), start=1):
        if tp not in journey.graph:
            raise UnknownIdError(f"fitness table, row {n}: {shown(tp)} is not a touchpoint of this journey "
                                 f"(expected one of {', '.join(map(str, list(journey.graph)[:8]))}…)")
        if level not in FITNESS_LEVELS:
            raise SchemaError(f"{shown(level)} is not a fitness level (expected one of {', '.join(FITNESS_LEVELS)})",
                              where=f"fitness table, row {n}, column level")
        levels.setdefault(tp, set()).add(level)
    ordered = {}
    for tp, found in levels.items():
        ranked = sorted(found, key=FITNESS_LEVELS.index, reverse=True)
        ordered[tp] = ranked if len(ranked) <= 2 else [ranked[0], ranked[-1]]
    rounds = [] if "round" not in fitness.columns else [str(r) for r in dict.fromkeys(fitness["round"].dropna())]
    return FitnessBadges(ordered, rounds)


def _draw_fitness_badges(ax, badges: FitnessBadges, layout: MapLayout, lang: str) -> None:
    """A badge beside each listed card's A.R.V.O. strip: one row per level, its name fitted inside."""
    from matplotlib.patches import FancyBboxPatch, Rectangle

    width, height = BADGE_RIGHT - BADGE_LEFT, BADGE_BOTTOM - BADGE_TOP
    for tp, levels in badges.levels.items():
        slot, lane = layout.slots[tp]
        left, top = slot + (1 - CARD_W) / 2 + BADGE_LEFT, lane + (1 - CARD_H) / 2 + BADGE_TOP
        single = len(levels) == 1
        ax.add_artist(FancyBboxPatch(
            (left, top), width, height, boxstyle="round,pad=0,rounding_size=0.025",
            facecolor=LEVEL_COLOURS[levels[0]] if single else "white",
            edgecolor=LEVEL_EDGE if not single or levels[0] == "below-good" else "none", lw=0.6, zorder=4.6,
            gid=f"fitness:{tp}"))
        row = height / len(levels)
        for i, level in enumerate(levels):
            y = top + i * row
            if not single:
                inset = 0.012
                ax.add_artist(Rectangle((left + inset, y + inset), width - 2 * inset, row - 2 * inset,
                                        facecolor=LEVEL_COLOURS[level], edgecolor="none", zorder=4.7,
                                        gid=f"fitness-row:{tp}:{level}"))
            _badge_label(ax, label(f"fitness.level.{level}", lang), left + width / 2, y + row / 2,
                         width * SLOT_IN * 72, row * LANE_IN * 72 - (2 if single else 0.8), LEVEL_COLOURS[level],
                         f"fitness-text:{tp}:{level}")


def _badge_label(ax, text: str, x: float, y: float, width_pt: float, height_pt: float, fill: str, gid: str):
    """The level's name centred at (x, y), fitted to ``width_pt`` (less the padding) × ``height_pt``."""
    lines, size = badge_text(text, width_pt - 2 * BADGE_PAD_PT, height_pt)
    return ax.text(x, y, "\n".join(lines), ha="center", va="center", fontsize=size, fontweight="bold",
                   color=ink_on(fill), linespacing=1.0, zorder=4.8, parse_math=False, gid=gid)


def _draw_fitness_key(ax, badges: FitnessBadges, layout: MapLayout, lang: str) -> None:
    """One line: what the badges are, a sample badge per level (lowest first), then where they are shown."""
    from matplotlib.patches import FancyBboxPatch

    ax.set_xlim(*_x_limits(layout))
    ax.set_ylim(1, 0)
    ax.axis("off")
    unit = SLOT_IN * 72  # points per x unit
    x = _x_limits(layout)[0] + 0.06
    if len(badges.rounds) == 1:
        heading = label("fitness.chart.map.key_round", lang).format(round=badges.rounds[0])
    elif badges.rounds:
        heading = label("fitness.chart.map.key_round", lang).format(round=", ".join(badges.rounds))
    else:
        heading = label("fitness.chart.map.key", lang)
    size = style.SIZES["label"]
    ax.text(x, 0.5, heading, fontsize=size, fontweight="bold", va="center", ha="left", parse_math=False,
            gid="fitness-key-heading")
    x += (style.text_width(heading, size, True) + 8) / unit
    height_pt = 0.5 * FITNESS_KEY_IN * 72
    for level in FITNESS_LEVELS:
        name = label(f"fitness.level.{level}", lang)
        width_pt = style.text_width(name, 6.5, True) + 2 * BADGE_PAD_PT + 6
        ax.add_artist(FancyBboxPatch(
            (x, 0.25), width_pt / unit, 0.5, boxstyle="round,pad=0,rounding_size=0.025",
            facecolor=LEVEL_COLOURS[level], edgecolor=LEVEL_EDGE if level == "below-good" else "none", lw=0.6,
            gid=f"fitness-key:{level}"))
        _badge_label(ax, name, x + width_pt / unit / 2, 0.5, width_pt, height_pt - 2, LEVEL_COLOURS[level],
                     f"fitness-key-text:{level}")
        x += (width_pt + 4) / unit
    note = label("fitness.chart.map.note" if badges.levels else "fitness.chart.map.none", lang)
    ax.text(x + 4 / unit, 0.5, note, fontsize=style.SIZES["small"], color=style.MUTED, va="center", ha="left",
            parse_math=False, gid="fitness-key-note")
