"""A.R.V.O. as a radar: the four principles as spokes, stages or journeys as polygons side by side."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import numpy as np

from ..analysis.scoring import score_journey
from ..errors import ServicepathError
from ..i18n import label
from ..model import PRINCIPLES, Journey
from ..model.touchpoint import SCORE_RANGE
from . import style
from ._chart import figure_and_axes, heading, journey_title, plain, stage_name, wrapped

if TYPE_CHECKING:  # matplotlib is imported where drawing happens, not when servicepath is imported
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["arvo_radar", "SERIES_COLOURS", "SERIES_MARKERS"]

#: Colours of the polygons in turn: the palette without yellow (too faint as a line on white).
SERIES_COLOURS = tuple(style.PALETTE[c] for c in ("blue", "orange", "green", "purple", "sky", "vermillion", "black"))
#: Markers in turn, so polygons of similar colour still differ.
SERIES_MARKERS = ("o", "s", "^", "D", "v", "P", "X")
#: Spoke angles: A at the top, then clockwise R, V, O.
ANGLES = np.linspace(0, 2 * np.pi, len(PRINCIPLES), endpoint=False)
_LABEL_OFFSET = 10  # points between the outer ring and a principle's name


def arvo_radar(items: Journey | Sequence[Journey] | Mapping[str, Journey], *, lang: str = "en",
               labels: Sequence[str] | None = None, ax: Axes | None = None) -> Figure:
    """Draw A.R.V.O. scores as a radar: one polygon per stage of a journey, or per journey.

    Parameters
    ----------
    items : Journey, sequence of Journey or mapping of name to Journey
        One journey: a polygon per stage (the stage rows of
        :func:`servicepath.score_journey`, weighted by reach). Several: a
        polygon per journey (its journey-level scores), named by the mapping's
        keys, by ``labels`` or by the journeys' titles.
    lang : {"en", "fi"}
        Language of every word on the picture.
    labels : sequence of str, optional
        Names of the polygons, in order (overrides stage names, keys or titles).
    ax : matplotlib polar Axes, optional
        Draw into it (``fig.add_subplot(projection="polar")``) instead of a new figure.

    Returns
    -------
    matplotlib.figure.Figure
        Each polygon's outline is a line with id ``radar:<n>`` (n = 0, 1, …
        in legend order); its radii, read clockwise from A, are the scores
        (0…4, NaN where a principle is unscored, which leaves a gap).

    Examples
    --------
    >>> import servicepath as sp
    >>> fig = arvo_radar(sp.load_sample("webshop"))
    >>> sum(1 for line in fig.axes[0].lines if (line.get_gid() or "").startswith("radar:"))
    6
    >>> fig = arvo_radar({"before": sp.load_sample("webshop"), "b2b": sp.load_sample("b2b-service")}, lang="fi")
    >>> [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    ['before', 'b2b']
    """
    lang = style.check_lang(lang)
    names, values, by_stage, subject = _series(items, lang)
    if labels is not None:
        labels = [str(x) for x in labels]
        if len(labels) != len(names):
            raise ServicepathError(f"{len(labels)} labels for {len(names)} polygons; give one label for each")
        names = labels
    with style.styled():
        fig, ax = figure_and_axes(ax, 8.0, 8.4, polar=True)
        _frame(ax, lang)
        for i, (name, row) in enumerate(zip(names, values, strict=True)):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            closed = np.append(row, row[0])
            angles = np.append(ANGLES, ANGLES[0])
            (line,) = ax.plot(angles, closed, color=colour, lw=2, marker=SERIES_MARKERS[i % len(SERIES_MARKERS)],
                              markersize=5, zorder=3, label=wrapped(name, 28, 2),
                              ls="--" if i >= len(SERIES_COLOURS) else "-")  # the colours came round again
            line.set_gid(f"radar:{i}")
            if len(names) <= 3 and not np.isnan(row).any():  # more fills would muddy the centre
                (fill,) = ax.fill(ANGLES, row, color=colour, alpha=0.07, zorder=2)
                fill.set_gid(f"radar-fill:{i}")
        # Below the radar, clear of the V label: beside it, the legend's width would shrink the square plot.
        legend = ax.legend(loc="upper center", bbox_to_anchor=(0.5, 0), ncol=min(3, len(names)),
                           borderaxespad=_LABEL_OFFSET / style.SIZES["label"] + 2, fontsize=style.SIZES["label"],
                           title=label("column.stage" if by_stage else "chart.journey", lang),
                           title_fontsize=style.SIZES["label"])
        legend.set_alignment("left")
        legend.get_title().set_fontweight("bold")
        title = label("chart.radar.stages" if by_stage else "chart.radar.journeys", lang)
        heading(ax, f"{title} — {subject}" if subject else title, label("chart.radar.note", lang),
                owned=fig.axes == [ax], clear=_LABEL_OFFSET + 2 * style.SIZES["label"] * 1.25)
    return fig


def _series(items, lang: str) -> tuple[list[str], list[np.ndarray], bool, str]:
    """Polygon names and their four scores; whether they are stages; the journey named in the title."""
    if isinstance(items, Journey):
        table = score_journey(items)
        stages = table[table["level"] == "stage"]
        if stages.empty:
            raise ServicepathError("the journey has no stages to compare; add stages or pass several journeys")
        names = [stage_name(items, sid, lang) for sid in stages["id"]]
        values = [row.to_numpy(dtype=float) for _, row in stages[list(PRINCIPLES)].iterrows()]
        return names, values, True, journey_title(items, lang)
    if isinstance(items, Mapping):
        pairs = [(str(k), v) for k, v in items.items()]
    elif isinstance(items, Sequence) and not isinstance(items, (str, bytes)):
        pairs = [(None, v) for v in items]
    else:
        raise ServicepathError(f"arvo_radar takes a Journey, a list of journeys or a mapping of name to journey, "
                               f"not {type(items).__name__}")
    if not pairs:
        raise ServicepathError("no journeys to draw; pass at least one")
    names, values = [], []
    for i, (name, journey) in enumerate(pairs):
        if not isinstance(journey, Journey):
            raise ServicepathError(f"item {i} is a {type(journey).__name__}, not a Journey")
        table = score_journey(journey)
        row = table.loc[table["level"] == "journey", list(PRINCIPLES)].iloc[0]
        names.append(name if name is not None else journey_title(journey, lang))
        values.append(row.to_numpy(dtype=float))
    return _distinct(names), values, False, ""


def _distinct(names: list[str]) -> list[str]:
    """Number repeated names ("Webshop", "Webshop (2)") so the legend tells the polygons apart."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def _frame(ax, lang: str) -> None:
    """Spokes A (top), R, V, O clockwise; rings at every whole score; principle names outside the ring."""
    low, high = SCORE_RANGE
    ax.set_theta_zero_location("N")
    ax.set_theta_direction(-1)
    ax.set_ylim(low, high)
    ax.set_xticks(ANGLES, [""] * len(ANGLES))
    ax.set_yticks(range(int(low) + 1, int(high) + 1))
    ax.set_rlabel_position(45)
    ax.tick_params(axis="y", labelsize=style.SIZES["small"], labelcolor=style.MUTED)
    ax.grid(color=style.GRID, lw=0.6)
    ax.spines["polar"].set_color(style.GRID)
    placement = {0: ("center", "bottom", (0, 1)), 1: ("left", "center", (1, 0)),
                 2: ("center", "top", (0, -1)), 3: ("right", "center", (-1, 0))}
    for i, p in enumerate(PRINCIPLES):
        ha, va, (dx, dy) = placement[i]
        ax.annotate(plain("\n".join(style.wrap(label(f"principle.{p}", lang), 18, 3))), xy=(ANGLES[i], high),
                    xytext=(dx * _LABEL_OFFSET, dy * _LABEL_OFFSET), textcoords="offset points", ha=ha, va=va,
                    fontsize=style.SIZES["label"], fontweight="bold", color=style.INK, annotation_clip=False,
                    gid=f"principle:{p}")
