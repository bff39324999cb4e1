"""The emotion curve: how the customer feels, step by step, along one path through the journey."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..analysis.experience import emotion_along_path
from ..i18n import label
from ..model import Journey
from . import style
from ._chart import (
    CHAR_EM,
    bare,
    chars_in,
    figure_and_axes,
    heading,
    journey_title,
    stage_name,
    touchpoint_name,
    wrapped,
)

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["emotion_curve"]

EMOTION_LIMIT = 3
MAX_WIDTH = 18.0  # inches; a longer path turns its step names instead of growing wider
#: Data units above +3 per line of stage name at the top of the axes.
_STAGE_LINE = 0.42


def emotion_curve(journey: Journey, path: Sequence[str] | None = None, *, lang: str = "en",
                  ax: Axes | None = None) -> Figure:
    """Draw the customer's emotion (−3…+3) step by step along a path.

    Points and the area under the curve are blue above zero and vermillion
    below; a touchpoint without a recorded emotion is a hatched gap, never a
    zero. The payment moment is ringed and named, and the stages the path
    passes through are bands with their names along the top.

    Parameters
    ----------
    journey : Journey
    path : sequence of touchpoint ids, optional
        Defaults to :func:`servicepath.typical_path`, the most likely completed path.
    lang : {"en", "fi"}
        Language of every word on the picture.
    ax : matplotlib Axes, optional
        Draw into it instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Artists carry ids: ``emotion-line``, ``emotion-points``,
        ``emotion-gap:<touchpoint>``, ``payment-marker``, ``stage:<stage>``.

    Examples
    --------
    >>> import servicepath as sp
    >>> fig = emotion_curve(sp.load_sample("webshop"))
    >>> len(fig.axes)
    1
    """
    lang = style.check_lang(lang)
    curve = emotion_along_path(journey, path)
    with style.styled():
        names = [touchpoint_name(journey, tp, lang) for tp in curve["id"]]
        width = figure_width(names)
        fig, ax = figure_and_axes(ax, width, 5.0 if width < MAX_WIDTH else 5.6)
        emotion_axes(ax, journey, curve, names, lang)
        if len(curve):
            draw_curve(ax, curve["step"].to_numpy(), curve["emotion"].to_numpy(), gid="emotion")
            mark_gaps(ax, curve, lang)
            mark_payment(ax, curve, lang)
        else:
            ax.text(0.5, 0.5, label("chart.emotion.no_steps", lang), transform=ax.transAxes, ha="center",
                    color=style.MUTED, fontsize=style.SIZES["heading"])
        key = "chart.emotion.typical" if path is None else "chart.emotion.path"
        heading(ax, f"{label('chart.emotion.title', lang)} — {journey_title(journey, lang)}",
                label(key, lang).format(steps=steps_text(len(curve), lang)), owned=fig.axes == [ax])
    return fig


def emotion_axes(ax, journey: Journey, curve: pd.DataFrame, names: list[str], lang: str) -> None:
    """The frame every emotion curve shares: −3…+3 with a zero line, stage bands, step names below."""
    n = len(curve)
    ax.set_xlim(0.5, max(n, 1) + 0.5)
    top = EMOTION_LIMIT + 0.3 + _STAGE_LINE * stage_bands(ax, journey, curve, lang)
    ax.set_ylim(-EMOTION_LIMIT - 0.35, top)
    ticks = list(range(-EMOTION_LIMIT, EMOTION_LIMIT + 1))
    ax.set_yticks(ticks, [f"{t:+d}".replace("-", "−") if t else "0" for t in ticks])
    ax.set_ylabel(label("column.emotion", lang), fontsize=style.SIZES["label"])
    bottom = -EMOTION_LIMIT - 0.35
    ax.yaxis.label.set_y(-bottom / (top - bottom))  # centred on the scale, not on the stage names
    bare(ax, bottom=False)
    ax.spines["left"].set_bounds(-EMOTION_LIMIT, EMOTION_LIMIT)
    for t in ticks:  # a light grid inside the −3…+3 range only, not through the stage names
        ax.plot([0.5, n + 0.5], [t, t], color=style.GRID, lw=0.5, alpha=0.6, zorder=0.5)
    ax.axhline(0, color=style.MUTED, lw=0.9, zorder=1)
    step_ticks(ax, curve["step"].to_numpy(), names)


def stage_bands(ax, journey: Journey, curve: pd.DataFrame, lang: str) -> int:
    """Shade runs of steps in one stage in turn and name them at the top; return the lines the names take."""
    runs: list[tuple[str, int, int]] = []  # (stage, first step, last step)
    for step, stage in zip(curve["step"], curve["stage"], strict=True):
        if runs and runs[-1][0] == stage:
            runs[-1] = (stage, runs[-1][1], step)
        else:
            runs.append((stage, step, step))
    step_points = _step_points(ax)
    texts = []
    for i, (stage, first, last) in enumerate(runs):
        if i % 2:
            ax.axvspan(first - 0.5, last + 0.5, color="#F4F4F4", zorder=0, lw=0)
        if i:
            ax.axvline(first - 0.5, color=style.GRID, lw=0.6, zorder=0.6)
        width = chars_in((last - first + 1) * step_points - 6, style.SIZES["label"])
        texts.append(((first + last) / 2, wrapped(stage_name(journey, stage, lang), width, 2, stretch=3), stage))
    lines = max((t.count("\n") + 1 for _, t, _ in texts), default=1)
    for x, text, stage in texts:
        ax.text(x, EMOTION_LIMIT + 0.3 + _STAGE_LINE * lines - 0.05, text, ha="center", va="top",
                fontsize=style.SIZES["label"], fontweight="bold", color=style.MUTED, gid=f"stage:{stage}")
    return lines


def figure_width(names: list[str]) -> float:
    """Inches: wide enough that every step name's longest word fits on a line, within 8…18."""
    longest = max((len(word) for n in names for word in n.split()), default=8)
    step_in = max(0.8, longest * CHAR_EM * style.SIZES["card"] / 72 + 0.2)
    if 1.4 + step_in * len(names) > MAX_WIDTH:
        step_in = 0.62  # the names will be turned (see step_ticks), so a narrower step will do
    return min(MAX_WIDTH, max(8.0, 1.4 + step_in * len(names)))


def step_ticks(ax, steps: np.ndarray, names: list[str]) -> None:
    """Name the steps under the axis: wrapped when every word fits, else turned at an angle (never overlapping)."""
    size = style.SIZES["card"]
    room = chars_in(_step_points(ax) - 6, size)
    ax.tick_params(axis="x", length=0, pad=4)
    longest = max((len(word) for n in names for word in n.split()), default=0)
    if longest <= room:  # style.wrap would break a long word mid-way; turn the names instead
        ax.set_xticks(steps, [wrapped(n, room, 3) for n in names], fontsize=size)
    else:
        ax.set_xticks(steps, [wrapped(n, 34, 1) for n in names], fontsize=size, rotation=40, ha="right",
                      rotation_mode="anchor")


def draw_curve(ax, x: np.ndarray, y: np.ndarray, *, gid: str, colour: str | None = None,
               sign_colours: bool = True, area: bool = True, linestyle: str = "-", label: str | None = None):
    """One emotion line; NaN stays a gap.

    Points are coloured by sign (else in the line's colour) and, with
    ``area``, so is the area between the line and zero.
    """
    line_colour = colour or "#4D4D4D"
    if area:
        known = ~np.isnan(y)
        for where, fill, name in ((y >= 0, style.EMOTION_POSITIVE, "positive"),
                                  (y <= 0, style.EMOTION_NEGATIVE, "negative")):
            area = ax.fill_between(x, y, 0, where=where & known, interpolate=True, color=fill, alpha=0.16, lw=0,
                                   zorder=1.5)
            area.set_gid(f"{gid}-area-{name}")
    (line,) = ax.plot(x, y, color=line_colour, lw=1.8, ls=linestyle, zorder=3, label=label,
                      solid_capstyle="round")
    line.set_gid(f"{gid}-line")
    known = ~np.isnan(y)
    colours = [style.emotion_colour(v) for v in y[known]] if sign_colours else [line_colour] * int(known.sum())
    points = ax.scatter(x[known], y[known], s=42, c=colours, edgecolors="white", linewidths=1.2, zorder=4)
    points.set_gid(f"{gid}-points")
    return line


def mark_gaps(ax, curve: pd.DataFrame, lang: str) -> None:
    """A hatched column where a step has no recorded emotion, so the gap reads as "unknown", not as zero."""
    for step, tp in curve.loc[curve["emotion"].isna(), ["step", "id"]].itertuples(index=False):
        gap = ax.fill_between([step - 0.32, step + 0.32], -EMOTION_LIMIT, EMOTION_LIMIT, facecolor="none",
                              edgecolor=style.GRID, hatch="////", lw=0, zorder=0.8)
        gap.set_gid(f"emotion-gap:{tp}")
        ax.text(step, 0, label("chart.emotion.missing", lang), rotation=90, ha="center", va="center",
                fontsize=style.SIZES["small"], color=style.MUTED, zorder=2,
                bbox={"boxstyle": "square,pad=0.2", "facecolor": "white", "edgecolor": "none"})


def mark_payment(ax, curve: pd.DataFrame, lang: str) -> None:
    """Ring the payment moment(s) and name them; an unknown emotion is ringed on the bottom line."""
    paid = curve[curve["payment"]]
    if paid.empty:
        return
    x = paid["step"].to_numpy(dtype=float)
    y = paid["emotion"].fillna(-EMOTION_LIMIT).to_numpy(dtype=float)
    ring = ax.scatter(x, y, s=260, facecolors="none", edgecolors=style.CRITICAL, linewidths=2, zorder=5)
    ring.set_gid("payment-marker")
    for px, py in zip(x, y, strict=True):
        below = py > -EMOTION_LIMIT + 0.8
        ax.annotate(label("chart.payment", lang), xy=(px, py), xytext=(0, -16 if below else 16),
                    textcoords="offset points", ha="center", va="top" if below else "bottom",
                    fontsize=style.SIZES["label"], fontweight="bold", color=style.CRITICAL, zorder=6,
                    bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.85},
                    gid="payment-label")


def steps_text(count: int, lang: str) -> str:
    """How many steps, in words: "1 step", "11 steps" ("1 askel", "11 askelta")."""
    return label("chart.step" if count == 1 else "chart.steps", lang).format(count=count)


def _step_points(ax) -> float:
    """Width of one step in points, from the axes' share of the figure (before layout: an estimate)."""
    lo, hi = ax.get_xlim()
    share = ax.get_position().width
    spec = ax.get_subplotspec()
    if ax.figure.get_layout_engine() is not None and spec is not None:
        # constrained layout gives a full-width axes nearly the whole figure (the position is still the default)
        share = 0.9 * len(spec.colspan) / spec.get_gridspec().ncols
    width_in = share * ax.figure.get_figwidth()
    return 72 * width_in / max(hi - lo, 1)
