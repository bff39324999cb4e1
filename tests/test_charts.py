"""The six charts of the figures layer: what they draw (data, order, labels, languages), not their pixels.

Artists are found by their gids (``emotion-line``, ``cell:<touchpoint>:<principle>``, ``node:<id>``,
``improvement:<id>`` …), so the tests read back the numbers a chart shows and compare them with the
analysis functions that produced them.
"""

from __future__ import annotations

import io
import itertools
import math
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.figure import Figure
from strategies import journeys

import servicepath as sp
from servicepath.figures.compare import compare_maps
from servicepath.figures.emotion import emotion_curve
from servicepath.figures.heatmap import arvo_heatmap
from servicepath.figures.network import journey_graph
from servicepath.figures.priority import priority_matrix
from servicepath.figures.radar import arvo_radar
from servicepath.figures.style import new_figure

CHARTS = {
    "emotion_curve": emotion_curve,
    "arvo_heatmap": arvo_heatmap,
    "arvo_radar": arvo_radar,
    "journey_graph": journey_graph,
    "priority_matrix": priority_matrix,
    "compare_maps": lambda journey, **kw: compare_maps(journey, sp.apply(journey), **kw),
}
JOURNEYS = {
    "webshop": lambda: sp.load_sample("webshop"),
    "b2b-service": lambda: sp.load_sample("b2b-service"),
    "synthetic-40": lambda: sp.synthetic_journey(40, 8, seed=0),
}


# -- helpers ------------------------------------------------------------------------------------
def by_gid(fig: Figure, gid: str):
    """Every artist in the figure with this gid."""
    return [a for a in fig.findobj() if a.get_gid() == gid]


def one(fig: Figure, gid: str):
    found = by_gid(fig, gid)
    assert len(found) == 1, f"{len(found)} artists with gid {gid!r}"
    return found[0]


def with_prefix(fig: Figure, prefix: str) -> dict:
    return {a.get_gid()[len(prefix):]: a for a in fig.findobj() if (a.get_gid() or "").startswith(prefix)}


def all_text(fig: Figure) -> str:
    """Every word drawn: texts, tick labels, titles and legend entries (findobj reaches them all)."""
    from matplotlib.text import Text

    return "\n".join(t.get_text() for t in fig.findobj(Text)).replace("\n", " ")


def render(fig: Figure) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=40)
    return buffer.getvalue()


def plan(journey: sp.Journey, spots, prefix="imp") -> None:
    """Add improvements at the given (impact, effort) spots, with long titles in both languages."""
    journey.improvements.clear()
    tp = next(iter(journey.graph))
    for i, (impact, effort) in enumerate(spots):
        sp.add_improvement(journey, sp.Improvement(
            f"{prefix}-{i}", sp.Text(fi=f"Kehitystoimenpide numero {i} asiakaslähtöisemmäksi",
                                     en=f"Improvement number {i} for the customer"),
            (tp,), impact=impact, effort=effort))


# -- every chart, every journey, both languages --------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fi"])
@pytest.mark.parametrize("journey_name", list(JOURNEYS))
@pytest.mark.parametrize("chart", list(CHARTS))
def test_every_chart_renders_for_the_samples_and_a_synthetic_journey(chart, journey_name, lang):
    fig = CHARTS[chart](JOURNEYS[journey_name](), lang=lang)
    assert isinstance(fig, Figure)
    assert render(fig)[:4] == b"\x89PNG"


@pytest.mark.parametrize("chart", list(CHARTS))
def test_an_unknown_language_is_a_servicepath_error(chart, webshop):
    with pytest.raises(sp.ServicepathError, match="language"):
        CHARTS[chart](webshop, lang="sv")


@pytest.mark.parametrize("chart", ["emotion_curve", "arvo_heatmap", "journey_graph", "priority_matrix"])
def test_a_chart_given_axes_draws_into_them_and_returns_their_figure(chart, webshop):
    fig = new_figure(9, 7)
    ax = fig.add_subplot()
    assert CHARTS[chart](webshop, ax=ax) is fig
    assert fig.axes[0] is ax and ax.has_data()


def test_charts_never_use_pyplot():
    # pyplot keeps global state (a memory leak on a server); the figures layer must not even import it
    code = ("import sys, servicepath as sp\n"
            "from servicepath.figures import emotion, heatmap, radar, network, priority, compare\n"
            "j = sp.load_sample('webshop')\n"
            "for fig in (emotion.emotion_curve(j), heatmap.arvo_heatmap(j), radar.arvo_radar(j),\n"
            "            network.journey_graph(j), priority.priority_matrix(j),\n"
            "            compare.compare_maps(j, sp.apply(j))):\n"
            "    fig.savefig(__import__('io').BytesIO(), format='png', dpi=30)\n"
            "assert 'matplotlib.pyplot' not in sys.modules, 'pyplot was imported'\n")
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_charts_have_no_top_or_right_spines(webshop):
    for name, chart in CHARTS.items():
        fig = chart(webshop)
        for ax in fig.axes:
            if ax.name != "polar":
                assert not ax.spines["top"].get_visible() and not ax.spines["right"].get_visible(), name


# -- emotion curve ------------------------------------------------------------------------------
def test_emotion_line_follows_the_typical_path(webshop):
    fig = emotion_curve(webshop)
    line = one(fig, "emotion-line")
    curve = sp.emotion_along_path(webshop)
    assert list(line.get_xdata()) == curve["step"].tolist()
    np.testing.assert_array_equal(line.get_ydata(), curve["emotion"].to_numpy())
    labels = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_xticklabels()]
    assert labels[: 4] == ["Searching for a product", "Product page", "Cart and checkout", "Payment"]


def test_missing_emotions_are_gaps_not_zero(coffee):
    # the receipt has no emotion: the line has NaN there, no point is drawn, the step is hatched
    fig = emotion_curve(coffee, ["menu", "card", "receipt"])
    y = one(fig, "emotion-line").get_ydata()
    assert y[:2].tolist() == [1.0, -2.0] and math.isnan(y[2])
    assert one(fig, "emotion-points").get_offsets().tolist() == [[1.0, 1.0], [2.0, -2.0]]
    assert by_gid(fig, "emotion-gap:receipt")
    assert not by_gid(fig, "emotion-gap:menu")


def test_payment_marker_sits_at_the_payment_step(webshop):
    fig = emotion_curve(webshop, lang="fi")
    curve = sp.emotion_along_path(webshop)
    step = int(curve.loc[curve["payment"], "step"].iloc[0])
    assert one(fig, "payment-marker").get_offsets().tolist() == [[step, -2.0]]
    assert one(fig, "payment-label").get_text() == "Maksamisen hetki"


def test_emotion_curve_in_finnish_names_steps_and_stages(webshop):
    text = all_text(emotion_curve(webshop, lang="fi"))
    for word in ("Tunnekäyrä", "Maksaminen", "Ostaminen", "Tyypillinen polku", "Tunne"):
        assert word in text
    assert "Payment" not in text


def test_emotion_curve_takes_a_path(webshop):
    fig = emotion_curve(webshop, ["complaint", "assure", "listen", "confirm", "fix", "follow-up"])
    assert one(fig, "emotion-line").get_ydata().tolist() == [-2, -1, -1, 0, 1, 2]
    assert not by_gid(fig, "payment-marker")
    with pytest.raises(sp.UnknownIdError):
        emotion_curve(webshop, ["nowhere"])


@pytest.mark.parametrize("sample, turned", [("webshop", False), ("b2b-service", True)])
def test_step_names_never_overlap(sample, turned):
    fig = emotion_curve(sp.load_sample(sample), lang="fi")
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = fig.axes[0].get_xticklabels()
    assert all(t.get_rotation() != 0 for t in labels) == turned
    if not turned:
        boxes = [t.get_window_extent(renderer) for t in labels]
        assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
        return
    # Turned names are parallel: they stay apart if neighbours' baselines are further apart than a line is high.
    angle = math.radians(labels[0].get_rotation())
    step = np.diff([fig.axes[0].transData.transform((x, 0))[0] for x in fig.axes[0].get_xticks()]).min()
    labels[0].set_rotation(0)
    height = max(t.get_window_extent(renderer).height for t in labels[:1])
    assert step * math.sin(angle) > height


# -- A.R.V.O. heatmap ---------------------------------------------------------------------------
def test_heatmap_cells_show_the_scores(webshop):
    fig = arvo_heatmap(webshop)
    scores = sp.effective_scores(webshop)
    for tp in webshop.graph:
        for p in sp.PRINCIPLES:
            value = scores.loc[tp, p]
            expected = "–" if math.isnan(value) else str(int(value))
            assert one(fig, f"cell-text:{tp}:{p}").get_text() == expected
    assert one(fig, "cell:psp:O").get_hatch()  # unscored: hatched and grey, never a colour of the scale
    assert not one(fig, "cell:pay:O").get_hatch()


def test_heatmap_rows_follow_stage_order(webshop):
    fig = arvo_heatmap(webshop, lang="fi")
    cells = with_prefix(fig, "cell:")
    rows = sorted(((patch.get_y(), key.split(":")[0]) for key, patch in cells.items() if key.endswith(":A")))
    order = [tp for _, tp in rows]  # y grows downwards: the first row is on top
    assert order == webshop.touchpoints["id"].tolist()
    stage_index = {s: i for i, s in enumerate(webshop.stage_ids)}
    stages = [stage_index[webshop.graph.nodes[tp]["stage"]] for tp in order]
    assert stages == sorted(stages)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert labels.index("Löytäminen") < labels.index("Tuotteen etsiminen") < labels.index("Valinta")


def test_heatmap_shows_the_raters_median_and_marks_disagreement(webshop):
    webshop.ratings.extend([sp.Rating("Aino", "pay", "R", 1), sp.Rating("Eero", "pay", "R", 4)])
    fig = arvo_heatmap(webshop, lang="fi")
    assert one(fig, "cell-text:pay:R").get_text() == "2,5"
    assert by_gid(fig, "disagree:pay:R") and not by_gid(fig, "disagree:pay:A")


def test_heatmap_numbers_are_readable_on_their_cells(webshop):
    from servicepath.figures._chart import luminance

    fig = arvo_heatmap(webshop)
    for key, patch in with_prefix(fig, "cell:").items():
        text = one(fig, f"cell-text:{key}")
        if text.get_text() == "–":
            continue
        a, b = luminance(patch.get_facecolor()), luminance(text.get_color())
        contrast = (max(a, b) + 0.05) / (min(a, b) + 0.05)
        assert contrast >= 3, (key, contrast)  # WCAG AA for bold text


def test_heatmap_in_finnish_names_principles_and_stages(webshop):
    text = all_text(arvo_heatmap(webshop, lang="fi"))
    for word in ("A.R.V.O.-pisteet kosketuspisteittäin", "asiakaslähtöisesti", "reagoi", "viesti", "osoita",
                 "Oston jälkeen", "ei pisteitä"):
        assert word in text


# -- A.R.V.O. radar -----------------------------------------------------------------------------
def radar_lines(fig: Figure) -> list:
    lines = with_prefix(fig, "radar:")
    return [lines[str(i)] for i in range(len(lines))]


def test_radar_draws_one_polygon_per_stage(webshop):
    fig = arvo_radar(webshop)
    table = sp.score_journey(webshop)
    stages = table[table["level"] == "stage"]
    lines = radar_lines(fig)
    assert len(lines) == len(webshop.stages) == len(stages)
    for line, (_, row) in zip(lines, stages.iterrows(), strict=True):
        radii = line.get_ydata()
        np.testing.assert_allclose(radii[:4], row[list(sp.PRINCIPLES)].to_numpy(dtype=float))
        assert radii[4] == radii[0]  # closed
    legend = [t.get_text() for t in fig.axes[0].get_legend().get_texts()]
    assert legend == [s.label("en") for s in webshop.stages]


def test_radar_draws_one_polygon_per_journey(webshop):
    b2b = sp.load_sample("b2b-service")
    fig = arvo_radar({"Webshop": webshop, "B2B": b2b}, lang="fi")
    lines = radar_lines(fig)
    assert len(lines) == 2
    for line, journey in zip(lines, (webshop, b2b), strict=True):
        table = sp.score_journey(journey)
        expected = table.loc[table["level"] == "journey", list(sp.PRINCIPLES)].iloc[0].to_numpy(dtype=float)
        np.testing.assert_allclose(line.get_ydata()[:4], expected)
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Webshop", "B2B"]
    assert "A.R.V.O. poluittain" in all_text(fig)


def test_radar_names_journeys_by_labels_or_titles(webshop):
    fig = arvo_radar([webshop, sp.load_sample("webshop")], labels=["before", "after"])
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["before", "after"]
    fig = arvo_radar([webshop, sp.load_sample("webshop")])
    names = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_legend().get_texts()]
    assert names[1].endswith("(2)") and names[0] != names[1]
    with pytest.raises(sp.ServicepathError, match="label"):
        arvo_radar([webshop], labels=["a", "b"])
    with pytest.raises(sp.ServicepathError):
        arvo_radar("webshop")
    with pytest.raises(sp.ServicepathError):
        arvo_radar([])


def test_radar_unscored_principle_is_a_gap_not_zero(coffee):
    # nobody scored O anywhere in the coffee journey: every stage's O is NaN, drawn as a gap
    fig = arvo_radar(coffee)
    for line in radar_lines(fig):
        assert math.isnan(line.get_ydata()[3])


def test_radar_needs_polar_axes(webshop):
    fig = new_figure(6, 6)
    with pytest.raises(sp.ServicepathError, match="polar"):
        arvo_radar(webshop, ax=fig.add_subplot())
    polar = fig.add_subplot(projection="polar")
    assert arvo_radar(webshop, ax=polar) is fig


def test_radar_spokes_are_the_principles_in_the_language(webshop):
    text = all_text(arvo_radar(webshop, lang="fi"))
    for p in sp.PRINCIPLES:
        assert sp.label(f"principle.{p}", "fi") in text
    assert "A.R.V.O. vaiheittain" in text and "Oston jälkeen" in text


# -- journey graph ------------------------------------------------------------------------------
def test_graph_nodes_are_placed_left_to_right_by_stage(webshop):
    fig = journey_graph(webshop)
    nodes = with_prefix(fig, "node:")
    assert set(nodes) == set(webshop.graph)
    x = {tp: dot.get_offsets()[0][0] for tp, dot in nodes.items()}
    columns = {}
    for tp, attrs in webshop.graph.nodes(data=True):
        columns.setdefault(webshop.stage_ids.index(attrs["stage"]), []).append(x[tp])
    for k in range(len(columns) - 1):
        assert max(columns[k]) < min(columns[k + 1])


def test_graph_node_sizes_rank_as_reach(webshop):
    fig = journey_graph(webshop)
    reached = sp.reach(webshop).set_index("id")["reach"]
    size = {tp: dot.get_sizes()[0] for tp, dot in with_prefix(fig, "node:").items()}
    for a, b in itertools.combinations(webshop.graph, 2):
        if reached[a] < reached[b] - 1e-12:
            assert size[a] < size[b], (a, b)


def test_graph_edge_widths_rank_as_shares(webshop):
    fig = journey_graph(webshop)
    edges = with_prefix(fig, "edge:")
    assert len(edges) == webshop.graph.number_of_edges()
    width = {key: patch.get_linewidth() for key, patch in edges.items()}
    share = {f"{s}->{t}": a["share"] for s, t, a in webshop.graph.edges(data=True)}
    for a, b in itertools.combinations(share, 2):
        if share[a] < share[b]:
            assert width[a] < width[b], (a, b)


def test_graph_back_edges_are_dashed_and_curved(webshop):
    fig = journey_graph(webshop)
    back = one(fig, "edge:repurchase->product")  # after the purchase, back to choosing
    forward = one(fig, "edge:search->product")
    assert back.get_linestyle() != forward.get_linestyle()
    assert back.get_connectionstyle().rad > 0 and forward.get_connectionstyle().rad == 0


def test_graph_draws_a_self_loop(coffee):
    coffee.add_transition("menu", "menu", share=0.1)
    fig = journey_graph(coffee)
    assert by_gid(fig, "edge:menu->menu")


def test_graph_in_finnish_names_touchpoints_stages_and_lanes(webshop):
    fig = journey_graph(webshop, lang="fi")
    assert one(fig, "label:pay").get_text() == "Maksaminen"
    assert one(fig, "stage:buy").get_text() == "Ostaminen"
    text = all_text(fig)
    for word in ("Asiakaspolku verkkona", "totuuden hetki", "Tukiprosessit", "jatkavien osuus"):
        assert word in text
    assert by_gid(fig, "critical:pay")


# -- priority matrix ----------------------------------------------------------------------------
def test_priority_points_sit_at_effort_and_impact(webshop):
    table = sp.prioritise(webshop)
    assert len(table) > 0
    fig = priority_matrix(table)
    points = with_prefix(fig, "improvement:")
    assert set(points) == set(table["id"])
    counts = table.groupby(["effort", "impact"]).size()
    for row in table.itertuples():
        x, y = points[row.id].get_offsets()[0]
        if counts[(row.effort, row.impact)] == 1:
            assert (x, y) == (row.effort, row.impact)
        else:  # nudged apart, but still at its spot
            assert 0 < math.hypot(x - row.effort, y - row.impact) < 0.3


def test_priority_points_at_one_spot_are_nudged_apart(webshop):
    plan(webshop, [(4, 2)] * 5)
    fig = priority_matrix(webshop)
    spots = [tuple(dot.get_offsets()[0]) for dot in with_prefix(fig, "improvement:").values()]
    assert len(set(spots)) == 5
    for x, y in spots:
        assert math.hypot(x - 2, y - 4) < 0.3


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_priority_labels_never_overlap(webshop, lang):
    plan(webshop, [(4, 2)] * 4 + [(4, 1), (5, 2), (3, 3), (3, 3), (1, 1), (5, 5), (5, 5), (2, 4)])
    fig = priority_matrix(webshop, lang=lang)
    renderer = fig.canvas.get_renderer()
    labels = with_prefix(fig, "improvement-label:")
    assert len(labels) == len(webshop.improvements)
    boxes = [t.get_window_extent(renderer) for t in labels.values()]
    assert not any(a.overlaps(b) for a, b in itertools.combinations(boxes, 2))
    frame = fig.axes[0].get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    title = "Kehitystoimenpide numero 0" if lang == "fi" else "Improvement number 0"
    assert labels["imp-0"].get_text().replace("\n", " ").startswith(title)


def test_a_crowded_plan_is_numbered_and_listed(webshop):
    plan(webshop, [(i % 5 + 1, i // 5 % 5 + 1) for i in range(60)])
    fig = priority_matrix(webshop)
    listed = one(fig, "improvement-list").get_text().splitlines()
    assert len(listed) == 60
    assert len(with_prefix(fig, "improvement-number:")) == 60


def test_priority_quadrants_are_named_in_the_language(webshop):
    fig = priority_matrix(webshop, lang="fi")
    names = {key: t.get_text() for key, t in with_prefix(fig, "quadrant:").items()}
    assert names == {"quick win": "Nopea voitto", "big bet": "Iso panostus", "fill-in": "Täyte",
                     "money pit": "Rahanreikä"}
    assert "Työmäärä" in all_text(fig) and "Vaikutus" in all_text(fig)


@pytest.mark.parametrize("lang, words", [("en", "No improvements yet"), ("fi", "Ei vielä kehitystoimenpiteitä")])
def test_an_empty_plan_says_so(webshop, lang, words):
    webshop.improvements.clear()
    fig = priority_matrix(webshop, lang=lang)
    assert one(fig, "empty-note").get_text() == words
    assert not with_prefix(fig, "improvement:")


def test_priority_matrix_takes_only_a_journey_or_the_prioritise_table(webshop):
    with pytest.raises(sp.ServicepathError):
        priority_matrix([1, 2, 3])
    with pytest.raises(sp.ServicepathError, match="column"):
        priority_matrix(sp.prioritise(webshop).drop(columns="effort"))


# -- before and after ---------------------------------------------------------------------------
def easier_payment(journey):
    fix = sp.Improvement("easy-pay", sp.Text(en="Fewer steps", fi="Vähemmän vaiheita"), ("pay",),
                         score_change={"A": 2}, emotion_change=2, drop_out_reduction=0.5)
    return sp.apply(journey, [fix])


def test_compare_draws_both_emotion_curves_on_the_same_steps(webshop):
    after = easier_payment(webshop)
    fig = compare_maps(webshop, after)
    path = sp.typical_path(webshop)
    before_y = one(fig, "before-line").get_ydata()
    after_y = one(fig, "after-line").get_ydata()
    np.testing.assert_array_equal(before_y, sp.emotion_along_path(webshop, path)["emotion"].to_numpy())
    np.testing.assert_array_equal(after_y, sp.emotion_along_path(after, path)["emotion"].to_numpy())
    step = path.index("pay")
    assert (before_y[step], after_y[step]) == (-2, 0)


def test_compare_bars_are_the_stage_scores_after_and_lines_before(webshop):
    after = easier_payment(webshop)
    fig = compare_maps(webshop, after)
    diff = sp.compare(webshop, after).set_index(["measure", "id"])
    for sid in webshop.stage_ids:
        for p in sp.PRINCIPLES:
            bar = one(fig, f"after:{sid}:{p}")
            line = one(fig, f"before:{sid}:{p}")
            assert bar.get_height() == pytest.approx(diff.loc[(p, f"stage {sid}"), "after"])
            assert line.get_ydata()[0] == pytest.approx(diff.loc[(p, f"stage {sid}"), "before"])
    assert by_gid(fig, "change:buy:A") and not by_gid(fig, "change:discover:A")


@pytest.mark.parametrize("lang, goal, unit", [("en", "Goal reached", "pp"), ("fi", "Tavoitteeseen pääsee", "%-yks.")])
def test_compare_names_the_change_in_goal_reach_and_index(webshop, lang, goal, unit):
    after = easier_payment(webshop)
    summary = one(compare_maps(webshop, after, lang=lang), "change-summary").get_text().replace("\n", " ")
    b, a = sp.goal_probability(webshop), sp.goal_probability(after)
    number = f"{100 * b:.1f}" if lang == "en" else f"{100 * b:.1f}".replace(".", ",")
    assert summary.startswith(f"{goal} {number}")
    assert f"+{100 * (a - b):.1f}".replace(".", "," if lang == "fi" else ".") in summary
    assert unit in summary and "A.R.V.O." in summary
    assert ("Drop-out" if lang == "en" else "Poistuma") not in summary  # it reads as if it should add up to 100 %


def test_compare_in_finnish(webshop):
    text = all_text(compare_maps(webshop, easier_payment(webshop), lang="fi"))
    for word in ("Ennen ja jälkeen", "Tunne tyypillisellä polulla", "Ennen", "Jälkeen", "parempi",
                 "A.R.V.O. vaiheittain", "Maksamisen hetki"):
        assert word in text


# -- any journey the model allows -----------------------------------------------------------------
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # random text: any Unicode character
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey=journeys(), lang=st.sampled_from(["en", "fi"]))
def test_any_valid_journey_draws_or_says_why(journey, lang):
    # hostile names ($, line breaks, formula starts), self-loops, unscored principles, no emotions at all:
    # every chart draws, or refuses with a ServicepathError that says why (e.g. no path through the journey)
    for name, chart in CHARTS.items():
        try:
            fig = chart(journey, lang=lang)
        except sp.ServicepathError:
            continue
        assert render(fig)[:4] == b"\x89PNG", name
