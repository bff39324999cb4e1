"""The lived journey drawn over the designed one: where customers really go, on the workshop's own map."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..analysis.lived import lived_reach, match_lived, pooled_shares
from ..i18n import label
from ..model import Journey
from . import style
from ._chart import heading, journey_title, percent, touchpoint_name
from .network import COL_IN, draw_network

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["lived_over_designed"]

SIDE = 1.5  # stage columns added beside the map
MORE, LESS, NEW = style.PALETTE["blue"], style.PALETTE["vermillion"], style.PALETTE["purple"]


def lived_over_designed(designed: Journey, lived: Journey, *, mapping=None, min_share: float = 0.0,
                        lang: str = "en", ax: Axes | None = None) -> Figure:
    """Draw the lived shares over the designed journey's network.

    The designed journey is drawn as :func:`journey_graph` draws it (grey
    lines, designed shares). On top, each lived transition between matched
    touchpoints is a coloured line as wide as its lived share: blue where
    more customers go on than designed, vermillion where fewer, purple where
    the design has no such transition; its label is "lived (designed)".
    Designed touchpoints no customer reached get a dashed ring; lived
    touchpoints the design does not have are listed beside the map.

    Parameters
    ----------
    designed, lived : Journey
    mapping : dict or DataFrame, optional
        Lived id → designed id (see :func:`servicepath.match_lived`).
    min_share : float
        Do not draw lived transitions under this share (display only).
    lang : {"en", "fi"}
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib.figure.Figure
        Overlay artists carry ids ``lived:<source>-><target>`` (designed ids),
        ``missing:<id>`` and ``only-lived``.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> fig = lived_over_designed(j, j)
    >>> sum(1 for p in fig.axes[0].patches if (p.get_gid() or "").startswith("lived:")) == j.graph.number_of_edges()
    True
    """
    lang = style.check_lang(lang)
    matches = match_lived(designed, lived, mapping)
    shares = pooled_shares(designed, lived, matches)
    with style.styled():
        owned = ax is None
        fig, ax, layout = draw_network(designed, lang=lang, ax=ax)
        left, right = ax.get_xlim()
        ax.set_xlim(left, right + SIDE)  # a column beside the map for the key and the touchpoints only in the data
        if owned:
            fig.set_figwidth(fig.get_figwidth() + SIDE * COL_IN)
        drawable = shares["source"].isin(layout.positions) & shares["target"].isin(layout.positions)
        for source, target, share, designed_share, _ in shares[drawable].itertuples(index=False):
            if share >= min_share and share > 0:
                _overlay_edge(ax, layout, source, target, share, designed_share, lang)
        for tp in matches.loc[matches["lived"] == "", "designed"]:
            x, y = layout.positions[tp]
            ring = ax.scatter([x], [y], s=900, facecolors="none", edgecolors=style.MUTED, linewidths=1.2,
                              linestyles="--", zorder=6)
            ring.set_gid(f"missing:{tp}")
        _only_lived(ax, lived, matches, right, lang)
        heading(ax, f"{label('chart.lived.title', lang)} — {journey_title(designed, lang)}",
                label("chart.lived.subtitle", lang), owned=fig.axes == [ax])
        _key(ax, right, lang)
    return fig


def _overlay_edge(ax, layout, source: str, target: str, share: float, designed_share, lang: str) -> None:
    from matplotlib.patches import FancyArrowPatch

    colour = NEW if designed_share != designed_share else MORE if share >= designed_share else LESS  # NaN: new
    (xs, ys), (xt, yt) = layout.positions[source], layout.positions[target]
    back = layout.columns[target] < layout.columns[source]
    rad = 0.0 if source == target else (0.3 if back else 0.12)  # a little bow, so the grey design line shows
    arrow = FancyArrowPatch((xs, ys), (xt, yt), arrowstyle="-|>", mutation_scale=8, lw=0.5 + 4.5 * share,
                            color=colour, alpha=0.8, connectionstyle=f"arc3,rad={rad}", shrinkA=12, shrinkB=14,
                            zorder=3)
    arrow.set_gid(f"lived:{source}->{target}")
    ax.add_patch(arrow)
    text = percent(share, lang) + ("" if colour == NEW else f" ({percent(designed_share, lang)})")
    ax.annotate(text, xy=((xs + xt) / 2, (ys + yt) / 2 + (0.12 if not back else -0.25)), ha="center",
                va="center", fontsize=style.SIZES["small"], color=colour, zorder=7,
                bbox={"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none", "alpha": 0.8})


def _only_lived(ax, lived: Journey, matches, x: float, lang: str) -> None:
    extra = [tp for tp in matches.loc[matches["designed"] == "", "lived"]]
    if not extra:
        return
    reached = lived_reach(lived)
    lines = [f"• {touchpoint_name(lived, tp, lang)} ({percent(float(reached.get(tp, 0.0)), lang)})"
             for tp in sorted(extra, key=lambda t: -float(reached.get(t, 0.0)))[:12]]
    if len(extra) > 12:
        lines.append(f"… +{len(extra) - 12}")
    ax.text(x + 0.1, 0.62, label("chart.lived.new", lang) + ":\n" + "\n".join(lines),
            transform=ax.get_xaxis_transform(), ha="left", va="top", fontsize=style.SIZES["small"] + 0.5,
            color=NEW, gid="only-lived",
            bbox={"boxstyle": "round,pad=0.4", "facecolor": "white", "edgecolor": NEW})


def _key(ax, x: float, lang: str) -> None:
    """The overlay's colours, beside the map (the network's own key stays under it)."""
    entries = [(MORE, "━ " + label("chart.lived.more", lang)), (LESS, "━ " + label("chart.lived.less", lang)),
               (NEW, "━ " + label("chart.lived.new", lang)), (style.MUTED, "◌ " + label("chart.lived.missing", lang))]
    for k, (colour, text) in enumerate(entries):
        ax.text(x + 0.1, 0.98 - 0.07 * k, text, transform=ax.get_xaxis_transform(), ha="left", va="top", color=colour,
                fontsize=style.SIZES["small"] + 0.5, gid=f"key:{k}")
