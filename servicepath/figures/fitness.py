"""Customer-fitness pictures: the three areas as a radar and the results round by round.

Both charts show the level bars (GOOD 3.5, EXCELLENT 4.0, VERY BEST 4.5) so a
reader sees at once how far a score is from the next level. The level colours
(:data:`LEVEL_COLOURS`) are one light-to-dark blue scale, shared with the
badges on the journey map.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..analysis.fitness import MIN_RESPONDENTS, ORGANISATION
from ..errors import SchemaError, shown
from ..i18n import label, number_text
from ..model.fitness import AGREEMENT_SCALE, FITNESS_AREAS, FITNESS_LEVELS, LEVEL_BARS
from . import style
from ._chart import figure_and_axes, heading, plain, wrapped
from .emotion import step_ticks
from .radar import SERIES_COLOURS, SERIES_MARKERS

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["fitness_radar", "fitness_trend_chart", "LEVEL_COLOURS", "AREA_COLOURS", "level_bands", "badge_text"]

#: One sequential blue per level, light (below GOOD) to dark (VERY BEST): readable without colour vision,
#: since only the lightness changes.
LEVEL_COLOURS = {"below-good": "#E4EDF4", "good": "#A9CFE9", "excellent": "#4F9BD0", "very-best": "#08517F"}
#: Edge of the lightest badge, which would otherwise vanish on a white card.
LEVEL_EDGE = "#8FA9BE"
#: A line per area in the one-team trend, in the palette's order.
AREA_COLOURS = dict(zip(FITNESS_AREAS, (style.PALETTE["blue"], style.PALETTE["orange"], style.PALETTE["green"]),
                        strict=True))
AREA_MARKERS = dict(zip(FITNESS_AREAS, ("o", "s", "^"), strict=True))
LOW, HIGH = AGREEMENT_SCALE[0], AGREEMENT_SCALE[-1]
#: Spoke angles: knowledge at the top, then clockwise skills and emotional tone.
ANGLES = np.linspace(0, 2 * np.pi, len(FITNESS_AREAS), endpoint=False)
_LABEL_OFFSET = 10  # points between the outer ring and an area's name
_RING_ANGLE = np.pi  # the ring names sit straight down, between skills and emotional tone
_TREND_COLUMNS = ("round", "opened", "team", "shown", *FITNESS_AREAS)


def level_bands() -> list[tuple[str, float, float]]:
    """Each level with the score range it covers on the 1…5 scale, lowest first.

    Examples
    --------
    >>> level_bands()[:2]
    [('below-good', 1, 3.5), ('good', 3.5, 4.0)]
    """
    edges = [LOW, *LEVEL_BARS.values(), HIGH]
    return [(level, edges[i], edges[i + 1]) for i, level in enumerate(FITNESS_LEVELS)]


def bar_text(level: str, lang: str) -> str:
    """A level with its bar: "GOOD ≥ 3.5"; below GOOD is "< 3.5" (a decimal comma in Finnish).

    Examples
    --------
    >>> bar_text("good", "fi"), bar_text("below-good", "en")
    ('HYVÄ ≥ 3,5', 'not yet GOOD < 3.5')
    """
    name = label(f"fitness.level.{level}", lang)
    if level in LEVEL_BARS:
        return f"{name} ≥ {number_text(LEVEL_BARS[level], lang)}"
    return f"{name} < {number_text(min(LEVEL_BARS.values()), lang)}"


def badge_text(text: str, width: float, height: float, *, sizes=(6.5, 6, 5.5, 5, 4.5)) -> tuple[list[str], float]:
    """Lines and font size for a level's name in a badge ``width`` × ``height`` points (inside its padding).

    The largest size at which the whole name fits on one line or, if the
    height allows, two; a second line costs as much as 0.75 pt of size (one
    line at 6 pt reads better than two at 6.5). Words are only broken (or the
    name cut) when nothing else fits. Measured with :func:`style.fit_lines`,
    so wide capitals count.

    Examples
    --------
    >>> badge_text("ERINOMAINEN", 60, 9)
    (['ERINOMAINEN'], 6.5)
    >>> badge_text("ei vielä HYVÄ", 40, 16)
    (['ei vielä', 'HYVÄ'], 6.5)
    """
    whole = " ".join(text.split())
    choices = sorted(((size, count) for size in sizes for count in (1, 2)),
                     key=lambda choice: choice[0] - 0.75 * (choice[1] - 1), reverse=True)
    for size, count in choices:
        if count * size * BADGE_LINE > height:
            continue
        lines = style.fit_lines(whole, width, size, count, bold=True, whole_words=True)
        if lines is not None and " ".join(lines) == whole:  # not cut short with "…"
            return lines, size
    size = sizes[-1]
    return style.fit_lines(whole, width, size, max(1, int(height // (size * BADGE_LINE))), bold=True), size


#: Height of a badge line as a multiple of its font size (DejaVu Sans: ascent and descent at linespacing 1.0).
BADGE_LINE = 1.17


# -- the radar ---------------------------------------------------------------------------------------
def fitness_radar(series, *, lang: str = "en", title: str | None = None, ax: Axes | None = None) -> Figure:
    """Draw area scores as a radar: three spokes, one polygon per person, team or target.

    Parameters
    ----------
    series : mapping of name to mapping of area to score, or DataFrame
        ``{"Aino": {"knowledge": 4.2, "skills": 3.8, "emotional-tone": 4.5}, ...}``,
        or a table with the columns ``knowledge``, ``skills`` and
        ``emotional-tone`` (other columns are ignored) whose index names the
        polygons. Scores are 1…5; a missing one (None or NaN) leaves a gap.
    lang : {"en", "fi"}
        Language of every word on the picture.
    title : str, optional
        Instead of "Customer fitness by area".
    ax : matplotlib polar Axes, optional
        Draw into it (``fig.add_subplot(projection="polar")``) instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Each polygon's outline is a line with id ``fitness-radar:<n>`` (n = 0,
        1, … in the order given) whose angles and radii are the areas and
        scores, knowledge first, clockwise; the level rings are
        ``fitness-ring:<level>`` with names ``fitness-ring-label:<level>``.

    Raises
    ------
    SchemaError
        No series, a series without any score, an unknown area, or a score outside 1…5.

    Examples
    --------
    >>> fig = fitness_radar({"Aino": {"knowledge": 4.2, "skills": 3.8, "emotional-tone": 4.5},
    ...                      "Target": {"knowledge": 4, "skills": 4, "emotional-tone": 4}}, lang="fi")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['Aino', 'Target']
    """
    lang = style.check_lang(lang)
    pairs = _radar_series(series)
    with style.styled():
        fig, ax = figure_and_axes(ax, 7.4, 7.8, polar=True)
        _radar_frame(ax, lang)
        complete = sum(1 for _, values in pairs if not np.isnan(values).any())
        for i, (name, values) in enumerate(pairs):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            (line,) = ax.plot(np.append(ANGLES, ANGLES[0]), np.append(values, values[0]), color=colour, lw=2,
                              marker=SERIES_MARKERS[i % len(SERIES_MARKERS)], markersize=6, zorder=4,
                              label=wrapped(name, 28, 2), ls="--" if i >= len(SERIES_COLOURS) else "-")
            line.set_gid(f"fitness-radar:{i}")
            if complete <= 3 and not np.isnan(values).any():  # more fills would muddy the centre
                (fill,) = ax.fill(ANGLES, values, color=colour, alpha=0.06, zorder=3)
                fill.set_gid(f"fitness-radar-fill:{i}")
        if len(pairs) > 1:
            # Below the radar, clear of the lower area names: beside it, the legend would shrink the circle.
            ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), ncol=min(3, len(pairs)),
                      borderaxespad=_LABEL_OFFSET / style.SIZES["label"] + 3.5, fontsize=style.SIZES["label"])
        heading(ax, title or label("fitness.chart.radar.title", lang), label("fitness.chart.radar.note", lang),
                owned=fig.axes == [ax], clear=_LABEL_OFFSET + 2 * style.SIZES["label"] * 1.25)
    return fig


def _radar_series(series) -> list[tuple[str, np.ndarray]]:
    """(name, scores in area order) for each polygon, checked."""
    if isinstance(series, pd.DataFrame):
        missing = [area for area in FITNESS_AREAS if area not in series.columns]
        if missing:
            raise SchemaError(f"no column {', '.join(map(repr, missing))} (expected the area columns "
                              f"{', '.join(FITNESS_AREAS)}; the table has {', '.join(map(str, series.columns))})",
                              where="fitness radar table")
        pairs = [(str(name), row.to_dict()) for name, row in series[list(FITNESS_AREAS)].iterrows()]
    elif isinstance(series, Mapping):
        pairs = [(str(name), scores) for name, scores in series.items()]
    else:
        raise SchemaError(f"a {type(series).__name__} is not a set of series (expected a mapping of name to "
                          f"{{area: score}} or a table with the columns {', '.join(FITNESS_AREAS)})",
                          where="fitness radar")
    if not pairs:
        raise SchemaError("there is nothing to draw (expected at least one series of area scores)",
                          where="fitness radar")
    return [(name, _scores(name, scores)) for name, scores in pairs]


def _scores(name: str, scores) -> np.ndarray:
    where = f"series {shown(name)}"
    if isinstance(scores, pd.Series):
        scores = scores.to_dict()
    if not isinstance(scores, Mapping):
        raise SchemaError(f"a {type(scores).__name__} is not a set of area scores (expected a mapping of area to "
                          "score 1…5)", where=where)
    for area in scores:
        if area not in FITNESS_AREAS:
            raise SchemaError(f"{shown(area)} is not a fitness area (expected one of {', '.join(FITNESS_AREAS)})",
                              where=where)
    values = []
    for area in FITNESS_AREAS:
        value = scores.get(area)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            values.append(math.nan)
            continue
        if isinstance(value, bool) or not isinstance(value, Real) or not LOW <= float(value) <= HIGH:
            raise SchemaError(f"{shown(value)} is not a score (expected a number {LOW}…{HIGH} or empty)",
                              where=f"{where}, area {area}")
        values.append(float(value))
    if all(math.isnan(v) for v in values):
        raise SchemaError(f"the series has no scores (expected a score 1…5 in at least one of "
                          f"{', '.join(FITNESS_AREAS)})", where=where)
    return np.array(values)


def _radar_frame(ax, lang: str) -> None:
    """Spokes clockwise from the top, rings at whole scores, the level bars as coloured rings, area names outside."""
    ax.set_theta_zero_location("N")
    ax.set_theta_direction(-1)
    ax.set_ylim(LOW, HIGH)
    ax.set_xticks(ANGLES, [""] * len(ANGLES))
    ax.set_yticks(range(LOW, HIGH + 1))
    ax.set_rlabel_position(60)  # between knowledge and skills, away from the ring names at the bottom
    ax.tick_params(axis="y", labelsize=style.SIZES["small"], labelcolor=style.MUTED)
    ax.grid(color=style.GRID, lw=0.6)
    ax.spines["polar"].set_color(style.GRID)
    around = np.linspace(0, 2 * np.pi, 241)
    for level, bar in LEVEL_BARS.items():
        (ring,) = ax.plot(around, np.full_like(around, bar), color=LEVEL_COLOURS[level], lw=1.4, alpha=0.6,
                          zorder=2, solid_capstyle="butt")
        ring.set_gid(f"fitness-ring:{level}")
        ax.text(_RING_ANGLE, bar, plain(bar_text(level, lang)), ha="center", va="center",
                fontsize=style.SIZES["small"], color=style.INK, zorder=3, gid=f"fitness-ring-label:{level}",
                bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    for angle, area in zip(ANGLES, FITNESS_AREAS, strict=True):
        dx, dy = math.sin(angle), math.cos(angle)  # clockwise from the top
        ha = "center" if abs(dx) < 0.1 else ("left" if dx > 0 else "right")
        va = "bottom" if dy > 0.1 else ("top" if dy < -0.1 else "center")
        ax.annotate(plain(label(f"fitness.area.{area}", lang)), xy=(angle, HIGH),
                    xytext=(dx * _LABEL_OFFSET, dy * _LABEL_OFFSET), textcoords="offset points", ha=ha, va=va,
                    fontsize=style.SIZES["heading"], fontweight="bold", color=style.INK, annotation_clip=False,
                    gid=f"fitness-area:{area}")


# -- the trend ---------------------------------------------------------------------------------------
def fitness_trend_chart(results: pd.DataFrame, *, lang: str = "en", title: str | None = None,
                        min_respondents: int = MIN_RESPONDENTS, ax: Axes | None = None) -> Figure:
    """Draw team results round by round over the level bands.

    With one team in the table: a line per area. With several: a line per
    team of its weakest area (the lowest of the three), since a level needs
    every area at its bar. A round whose result is hidden by the privacy
    rule is a gap in the line with a note saying why.

    Parameters
    ----------
    results : pandas.DataFrame
        What :func:`servicepath.team_results` or :func:`servicepath.fitness_trend`
        return (columns ``round``, ``opened``, ``team``, ``shown`` and the
        three areas are used). Rounds run left to right by ``opened``, then name.
    lang : {"en", "fi"}
        Language of every word on the picture.
    title : str, optional
        Instead of "Customer fitness round by round".
    min_respondents : int
        The privacy threshold the results were made with, named in the notes on hidden rounds.
    ax : matplotlib Axes, optional
        Draw into it instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Lines have ids ``fitness-trend:<area>`` (one team) or
        ``fitness-trend:<team>`` (several; ``""`` is all teams together), one
        point per round (NaN where hidden); notes ``fitness-hidden:<round>``
        or ``fitness-hidden:<team>:<round>``; bands ``fitness-band:<level>``.

    Raises
    ------
    SchemaError
        An empty table or one without the columns above.

    Examples
    --------
    >>> import pandas as pd
    >>> rows = pd.DataFrame({"round": ["2026-01", "2026-04"], "opened": ["2026-01-01", "2026-04-01"],
    ...                      "team": ["Sales", "Sales"], "shown": [True, False], "knowledge": [3.6, None],
    ...                      "skills": [4.1, None], "emotional-tone": [3.9, None]})
    >>> fig = fitness_trend_chart(rows)
    >>> [t.get_text() for t in fig.axes[0].get_xticklabels()]
    ['2026-01', '2026-04']
    """
    lang = style.check_lang(lang)
    table = _trend_table(results)
    rounds = list(dict.fromkeys(table["round"]))
    teams = list(dict.fromkeys(table["team"]))
    x = np.arange(len(rounds), dtype=float)
    with style.styled():
        fig, ax = figure_and_axes(ax, 9.0, 5.4)
        _trend_frame(ax, rounds, lang)
        if len(teams) == 1:
            subtitle = _area_lines(ax, table, rounds, x, lang, min_respondents)
            default = f"{label('fitness.chart.trend.title', lang)} — {_team_name(teams[0], lang)}"
        else:
            subtitle = _team_lines(ax, table, teams, rounds, x, lang, min_respondents)
            default = label("fitness.chart.trend.title", lang)
        handles = ax.get_legend_handles_labels()[0]
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.1), ncol=min(4, len(handles)),
                           fontsize=style.SIZES["label"])
        legend.set_gid("fitness-legend")
        heading(ax, title or default, subtitle, owned=fig.axes == [ax])
    return fig


def _trend_table(results) -> pd.DataFrame:
    if not isinstance(results, pd.DataFrame):
        raise SchemaError(f"a {type(results).__name__} is not a results table (expected the DataFrame that "
                          "team_results or fitness_trend returns)", where="fitness trend")
    missing = [c for c in _TREND_COLUMNS if c not in results.columns]
    if missing:
        raise SchemaError(f"no column {', '.join(map(repr, missing))} (expected the columns of team_results: "
                          f"{', '.join(_TREND_COLUMNS)})", where="fitness trend table")
    if results.empty:
        raise SchemaError("the results table is empty: nobody has answered in any round yet, so there is no "
                          "trend to draw", where="fitness trend table")
    table = results.loc[:, [c for c in (*_TREND_COLUMNS, "target") if c in results.columns]].copy()
    table["team"] = table["team"].fillna(ORGANISATION).astype(str)
    table["round"] = table["round"].astype(str)
    table["shown"] = table["shown"].fillna(False).astype(bool)
    for area in FITNESS_AREAS:
        table[area] = pd.to_numeric(table[area], errors="coerce").where(table["shown"])
    return table.sort_values(["opened", "round"], kind="stable").reset_index(drop=True)


def _team_name(team: str, lang: str) -> str:
    return team if team != ORGANISATION else label("fitness.organisation", lang)


def _trend_frame(ax, rounds: list[str], lang: str) -> None:
    """The 1…5 scale over the shaded level bands, named at the right edge; rounds along the bottom."""
    from matplotlib.transforms import blended_transform_factory

    n = len(rounds)
    ax.set_xlim(-0.5, n - 0.5)
    ax.set_ylim(LOW - 0.08, HIGH + 0.08)
    ax.set_yticks(range(LOW, HIGH + 1))
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for level, low, high in level_bands():
        ax.axhspan(low, high, color=LEVEL_COLOURS[level], alpha=0.3, lw=0, zorder=0, gid=f"fitness-band:{level}")
        ax.text(1.01, (low + high) / 2, plain(bar_text(level, lang)), transform=edge, ha="left", va="center",
                fontsize=style.SIZES["small"], color=style.INK, fontweight="bold", gid=f"fitness-band-label:{level}")
    for bar in LEVEL_BARS.values():
        ax.axhline(bar, color="white", lw=0.8, zorder=0.5)
    ax.spines[["top", "right"]].set_visible(False)
    ax.spines[["left", "bottom"]].set_color(style.GRID)
    step_ticks(ax, np.arange(n), rounds)
    ax.set_xlabel(label("fitness.chart.round", lang), fontsize=style.SIZES["label"])


def _area_lines(ax, table: pd.DataFrame, rounds: list[str], x: np.ndarray, lang: str, needed: int) -> str:
    """One team: a line per area; hidden rounds hatched and explained. Returns the subtitle."""
    by_round = table.drop_duplicates("round").set_index("round").reindex(rounds)
    for area in FITNESS_AREAS:
        (line,) = ax.plot(x, by_round[area].to_numpy(dtype=float), color=AREA_COLOURS[area], lw=2,
                          marker=AREA_MARKERS[area], markersize=6, markeredgecolor="white", zorder=3,
                          label=plain(label(f"fitness.area.{area}", lang)))
        line.set_gid(f"fitness-trend:{area}")
    ax.set_ylabel(label("fitness.chart.score", lang), fontsize=style.SIZES["label"])
    hidden = [i for i, r in enumerate(rounds) if not by_round.loc[r, "shown"]]
    for i in hidden:
        gap = ax.fill_between([x[i] - 0.3, x[i] + 0.3], LOW, HIGH, facecolor="none", edgecolor=style.GRID,
                              hatch="////", lw=0, zorder=0.8)
        gap.set_gid(f"fitness-hatch:{rounds[i]}")
        _hidden_note(ax, x[i], label("fitness.chart.hidden", lang).format(needed=needed), style.MUTED,
                     f"fitness-hidden:{rounds[i]}", top=HIGH - 0.1, boxed=True)
    target = table["target"].iloc[-1] if "target" in table.columns else None
    if target in LEVEL_BARS:
        name = label("fitness.target", lang).format(level=label(f"fitness.level.{target}", lang))
        line = ax.axhline(LEVEL_BARS[target], color=style.INK, lw=1.1, ls="--", zorder=2.5, label=plain(name))
        line.set_gid("fitness-target")
    return label("fitness.chart.trend.areas", lang)


def _team_lines(ax, table: pd.DataFrame, teams: list[str], rounds: list[str], x: np.ndarray, lang: str,
                needed: int) -> str:
    """Several teams: a line per team of its weakest area; each hidden point noted. Returns the subtitle."""
    table = table.assign(weakest=table[list(FITNESS_AREAS)].min(axis=1, skipna=False))
    hidden_at: dict[int, list[tuple[str, str]]] = {}
    for i, team in enumerate(teams):
        rows = table[table["team"] == team].drop_duplicates("round").set_index("round").reindex(rounds)
        colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
        (line,) = ax.plot(x, rows["weakest"].to_numpy(dtype=float), color=colour, lw=2, markersize=6,
                          marker=SERIES_MARKERS[i % len(SERIES_MARKERS)], markeredgecolor="white", zorder=3,
                          label=wrapped(_team_name(team, lang), 28, 2),
                          ls="--" if i >= len(SERIES_COLOURS) else "-")
        line.set_gid(f"fitness-trend:{team}")
        # a round without a row for the team (NaN) is not there at all; only False is hidden
        hidden = rows["shown"].notna() & ~rows["shown"].fillna(True).astype(bool)
        for k in np.flatnonzero(hidden.to_numpy()):
            hidden_at.setdefault(int(k), []).append((team, colour))
    ax.set_ylabel(label("fitness.chart.weakest", lang), fontsize=style.SIZES["label"])
    for k, notes in hidden_at.items():
        for j, (team, colour) in enumerate(notes):
            text = label("fitness.chart.team_hidden", lang).format(team=_team_name(team, lang), needed=needed)
            # beside the round, not on it: the other teams' points are there
            _hidden_note(ax, x[k], text, colour, f"fitness-hidden:{team}:{rounds[k]}", top=LOW + 1.5,
                         shift=(j + 0.9) * 2.3 * style.SIZES["small"])
    return label("fitness.chart.trend.weakest", lang)


def _hidden_note(ax, x: float, text: str, colour: str, gid: str, *, top: float, shift: float = 0.0,
                 boxed: bool = False) -> None:
    """A turned note from the bottom of the scale up to ``top``: at most three lines, fitted to the room."""
    from matplotlib.transforms import offset_copy

    size = style.SIZES["small"]
    bottom = LOW + 0.1
    room = (top - bottom) / (ax.get_ylim()[1] - ax.get_ylim()[0]) * _axes_points(ax)[1]
    lines = style.fit_lines(text, room, size, 3)
    ax.text(x, bottom, plain("\n".join(lines)), rotation=90, ha="center", va="bottom", fontsize=size,
            color=colour, fontweight="bold", zorder=2, linespacing=1.0, gid=gid,
            bbox={"boxstyle": "square,pad=0.25", "facecolor": "white", "edgecolor": "none"} if boxed else None,
            transform=offset_copy(ax.transData, fig=ax.figure, x=shift, y=0, units="points"))


def _axes_points(ax) -> tuple[float, float]:
    """The axes' width and height in points; before layout an estimate on the small side (the heading and
    the legend take some of the default position)."""
    box = ax.get_position()
    fig = ax.figure
    share = 0.85 if fig.get_layout_engine() is not None else 1.0
    return 72 * box.width * fig.get_figwidth() * share, 72 * box.height * fig.get_figheight() * share
