"""Before and after: what a plan of improvements would change, as one picture for a client."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..analysis.experience import emotion_along_path, typical_path
from ..analysis.improvements import compare
from ..i18n import label
from ..model import PRINCIPLES, Journey
from ..model.touchpoint import SCORE_RANGE
from . import style
from ._chart import bare, heading, journey_title, new_chart, number, percent, stage_name, touchpoint_name, wrapped
from .emotion import draw_curve, emotion_axes, figure_width, mark_gaps, mark_payment

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.figure import Figure

__all__ = ["compare_maps", "change_summary"]

BEFORE_COLOUR = style.EMOTION_NEUTRAL
BAR_WIDTH = 0.19  # stage columns are 1 wide: four bars and a little air


def compare_maps(before: Journey, after: Journey, *, lang: str = "en") -> Figure:
    """Draw two journeys before and after: the emotion curve and A.R.V.O. by stage, with the change in outcomes.

    Both curves follow the typical path of ``before`` (the same steps, so
    they can be compared point by point); the band between them is blue
    where the experience got better and vermillion where it got worse. The
    bars are the stages' A.R.V.O. scores after, the black line on each the
    score before. The subtitle names the change in goal reached, drop-out
    and the A.R.V.O. index (from :func:`servicepath.compare`).

    Parameters
    ----------
    before, after : Journey
        Typically a journey and ``servicepath.apply(journey, plan)``.
    lang : {"en", "fi"}
        Language of every word on the picture.

    Returns
    -------
    matplotlib.figure.Figure
        Two axes. Ids: ``before-line`` and ``after-line`` (emotion),
        ``after:<stage>:<principle>`` (bars) and ``before:<stage>:<principle>``
        (the lines), ``change-summary`` (the subtitle's text).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> fig = compare_maps(j, sp.apply(j))
    >>> len(fig.axes)
    2
    """
    lang = style.check_lang(lang)
    diff = compare(before, after).set_index(["measure", "id"])
    path = typical_path(before)
    curve = emotion_along_path(before, path)
    later = curve.assign(emotion=[_emotion(after, tp) for tp in path],
                         payment=curve["payment"])  # the payment moment is the same step
    names = [touchpoint_name(before, tp, lang) for tp in path]
    with style.styled():
        fig = new_chart(max(11.0, figure_width(names)), 10.5)
        top, bottom = fig.subplots(2, 1, height_ratios=[1.15, 1])
        _emotions(top, before, curve, later, names, lang)
        _stage_bars(bottom, before, after, diff, lang)
        summary = heading(top, f"{label('chart.compare.title', lang)} — {journey_title(before, lang)}",
                          change_summary(diff, lang), extra=(label("chart.compare.emotion", lang),))
        if summary is not None:
            summary.set_gid("change-summary")
    return fig


def _emotion(journey: Journey, tp: str) -> float:
    value = journey.graph.nodes[tp].get("emotion") if tp in journey.graph else None
    return np.nan if value is None else float(value)


def change_summary(diff: pd.DataFrame, lang: str) -> str:
    """The change in outcomes in words, from a :func:`servicepath.compare` table (indexed by measure and id).

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> diff = sp.compare(j, j).set_index(["measure", "id"])
    >>> change_summary(diff, "en").split(" · ")[0]
    'Goal reached 15.0% → 15.0% (+0.0 pp)'
    """
    parts = []
    # Goal reach only: "drop-out" counts everyone who stops short of a final touchpoint, browsers included,
    # and printed beside goal reach the two look like they should add up to 100 %.
    for measure, key in (("goal_probability", "chart.goal_probability"),):
        if (measure, "journey") not in diff.index:
            continue
        b, a = (float(diff.loc[(measure, "journey"), c]) for c in ("before", "after"))
        if math.isnan(b) or math.isnan(a):
            continue
        change = number(100 * (a - b), lang)
        sign = "+" if a - b >= 0 else "−"
        parts.append(f"{label(key, lang)} {percent(b, lang)} → {percent(a, lang)} "
                     f"({sign}{change.lstrip('-')} {label('chart.pp', lang)})")
    if ("arvo_index", "journey") in diff.index:
        b, a = (float(diff.loc[("arvo_index", "journey"), c]) for c in ("before", "after"))
        if not (math.isnan(b) or math.isnan(a)):
            parts.append(f"{label('chart.arvo_index', lang)} {number(b, lang, 0)} → {number(a, lang, 0)}")
    return " · ".join(parts)


def _emotions(ax, journey: Journey, curve: pd.DataFrame, later: pd.DataFrame, names, lang: str) -> None:
    x = curve["step"].to_numpy(dtype=float)
    yb, ya = curve["emotion"].to_numpy(dtype=float), later["emotion"].to_numpy(dtype=float)
    emotion_axes(ax, journey, curve, names, lang)
    both = ~np.isnan(yb) & ~np.isnan(ya)
    for where, colour, key in ((ya >= yb, style.EMOTION_POSITIVE, "better"), (ya <= yb, style.EMOTION_NEGATIVE,
                                                                              "worse")):
        band = ax.fill_between(x, yb, ya, where=where & both, interpolate=True, color=colour, alpha=0.2, lw=0,
                               zorder=1.5, label=label(f"chart.{key}", lang))
        band.set_gid(f"change-{key}")
    draw_curve(ax, x, yb, gid="before", colour=BEFORE_COLOUR, sign_colours=False, area=False, linestyle="--",
               label=label("chart.before", lang))
    draw_curve(ax, x, ya, gid="after", area=False, label=label("chart.after", lang))
    mark_gaps(ax, later, lang)
    mark_payment(ax, later, lang)
    legend = ax.legend(loc="lower right", bbox_to_anchor=(1, 1.0), ncol=4, fontsize=style.SIZES["label"],
                       handlelength=2.4, borderaxespad=0.3)
    legend.set_gid("emotion-legend")


def _stage_bars(ax, before: Journey, after: Journey, diff: pd.DataFrame, lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    stages = list(before.stage_ids) + [s for s in after.stage_ids if s not in before.stage_ids]
    for k, sid in enumerate(stages):
        for j, p in enumerate(PRINCIPLES):
            x = k + (j - 1.5) * BAR_WIDTH
            b, a = _value(diff, p, sid, "before"), _value(diff, p, sid, "after")
            if not math.isnan(a):
                (bar,) = ax.bar([x], [a], width=BAR_WIDTH * 0.9, color=style.PRINCIPLE_COLOURS[p], zorder=2)
                bar.set_gid(f"after:{sid}:{p}")
            if not math.isnan(b):
                (line,) = ax.plot([x - BAR_WIDTH * 0.48, x + BAR_WIDTH * 0.48], [b, b], color=style.INK, lw=2,
                                  zorder=3, solid_capstyle="butt")
                line.set_gid(f"before:{sid}:{p}")
            if not (math.isnan(a) or math.isnan(b)) and abs(a - b) >= 0.05:
                ax.text(x, max(a, b) + 0.06, f"{'+' if a > b else '−'}{number(abs(a - b), lang)}", ha="center",
                        va="bottom", fontsize=style.SIZES["small"], fontweight="bold",
                        color=style.EMOTION_POSITIVE if a > b else style.EMOTION_NEGATIVE, gid=f"change:{sid}:{p}")
    low, high = SCORE_RANGE
    ax.set_ylim(low, high + 0.45)
    ax.set_xlim(-0.55, len(stages) - 0.45)
    ax.set_yticks(range(int(low), int(high) + 1))
    ax.set_ylabel(label("chart.score", lang), fontsize=style.SIZES["label"])
    ax.yaxis.grid(True, color=style.GRID, lw=0.5, alpha=0.6)
    ax.set_axisbelow(True)
    names = [stage_name(before if s in before.stage_ids else after, s, lang) for s in stages]
    ax.set_xticks(range(len(stages)), [wrapped(n, 18, 2, stretch=6) for n in names], fontsize=style.SIZES["card"])
    ax.tick_params(axis="x", length=0)
    bare(ax, bottom=False)
    handles = [Patch(color=style.PRINCIPLE_COLOURS[p], label=label(f"principle.{p}", lang)) for p in PRINCIPLES]
    handles.append(Line2D([], [], color=style.INK, lw=2, label=label("chart.before", lang)))
    ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1, 1.0), ncol=5, fontsize=style.SIZES["small"] + 0.5,
              borderaxespad=0.3, handlelength=1.6)
    ax.set_title(label("chart.compare.arvo", lang), loc="left", fontsize=style.SIZES["heading"], pad=24)


def _value(diff: pd.DataFrame, principle: str, stage: str, side: str) -> float:
    key = (principle, f"stage {stage}")
    return float(diff.loc[key, side]) if key in diff.index else math.nan
