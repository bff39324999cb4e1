"""The swimlane map: what is drawn where, checked on the figure's artists, not on pixels."""

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from strategies import journeys

import servicepath as sp
from servicepath.export.pictures import figure_bytes
from servicepath.figures import style
from servicepath.figures.journey_map import map_emotion_points

JOURNEYS = {
    "webshop": lambda: sp.load_sample("webshop"),
    "b2b-service": lambda: sp.load_sample("b2b-service"),
    "synthetic-40x8": lambda: sp.synthetic_journey(40, 8, seed=3),
}


def _by_gid(fig, prefix):
    found = {}
    for artist in fig.findobj(lambda a: (a.get_gid() or "").startswith(prefix)):
        found[artist.get_gid()[len(prefix):]] = artist
    return found


def _grid(fig):
    return fig.axes[0]


@pytest.fixture(scope="module", params=[(name, lang) for name in JOURNEYS for lang in ("en", "fi")],
                ids=lambda p: f"{p[0]}-{p[1]}")
def drawn(request):
    name, lang = request.param
    journey = JOURNEYS[name]()
    fig = sp.journey_map(journey, lang=lang)
    renderer = FigureCanvasAgg(fig).get_renderer()
    return journey, fig, renderer, lang


def test_one_column_per_stage_in_order_and_every_card_in_its_stage(drawn):
    journey, fig, _, _ = drawn
    headers = _by_gid(fig, "stage:")
    assert list(headers) == [s.id for s in journey.stages]
    lefts = [headers[s.id].get_x() for s in journey.stages]
    assert lefts == sorted(lefts)
    cards = _by_gid(fig, "card:")
    assert set(cards) == set(journey.graph)
    for tp, card in cards.items():
        header = headers[journey.graph.nodes[tp]["stage"]]
        assert header.get_x() <= card.get_x() and card.get_x() + card.get_width() <= header.get_x() + 1 + \
            header.get_width(), tp


def test_cards_sit_in_their_blueprint_lane(drawn):
    journey, fig, _, _ = drawn
    for tp, card in _by_gid(fig, "card:").items():
        lane = sp.LANES.index(journey.graph.nodes[tp]["lane"])
        assert lane < card.get_y() < card.get_y() + card.get_height() < lane + 1


def test_no_two_cards_overlap(drawn):
    _, fig, renderer, _ = drawn
    boxes = [(tp, card.get_window_extent(renderer)) for tp, card in _by_gid(fig, "card:").items()]
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            assert not box_a.overlaps(box_b), (a, b)


def test_card_texts_fit_inside_their_card(drawn):
    _, fig, renderer, _ = drawn
    cards = {tp: card.get_window_extent(renderer) for tp, card in _by_gid(fig, "card:").items()}
    texts = {**_by_gid(fig, "card-name:"), **{f"{k}/detail": v for k, v in _by_gid(fig, "card-detail:").items()}}
    for key, text in texts.items():
        card = cards[key.split("/")[0]]
        box = text.get_window_extent(renderer)
        assert card.x0 <= box.x0 and box.x1 <= card.x1 and card.y0 <= box.y0 and box.y1 <= card.y1, key


def test_stage_and_lane_labels_fit_their_space(drawn):
    journey, fig, renderer, _ = drawn
    headers = _by_gid(fig, "stage:")
    for sid, text in _by_gid(fig, "stage-label:").items():
        box, header = text.get_window_extent(renderer), headers[sid].get_window_extent(renderer)
        assert header.x0 <= box.x0 and box.x1 <= header.x1, sid
    first_card = min(card.get_window_extent(renderer).x0 for card in _by_gid(fig, "card:").values())
    for lane, text in _by_gid(fig, "lane-label:").items():
        assert text.get_window_extent(renderer).x1 < first_card, lane


def test_emotion_line_passes_through_the_seen_touchpoints_values(drawn):
    journey, fig, _, _ = drawn
    line = _by_gid(fig, "emotion-line")[""]
    cards = _by_gid(fig, "card:")
    expected = sorted(
        (cards[tp].get_x() + cards[tp].get_width() / 2, float(attrs["emotion"]))
        for tp, attrs in journey.graph.nodes(data=True)
        if attrs.get("emotion") is not None and attrs["lane"] in ("evidence", "customer", "frontstage")
    )
    assert list(line.get_xdata()) == pytest.approx([x for x, _ in expected])
    assert list(line.get_ydata()) == pytest.approx([y for _, y in expected])
    assert list(line.get_xdata()) == sorted(set(line.get_xdata())), "one point per column, left to right"


def test_one_numbered_marker_per_pain_point_and_the_key_lists_them(drawn):
    journey, fig, _, lang = drawn
    pains = journey.pain_points
    markers = _by_gid(fig, "pain:")
    assert len(markers) == len(pains)
    assert sorted(int(m.get_text()) for m in markers.values()) == list(range(1, len(pains) + 1))
    for key in markers:
        touchpoint, number = key.rsplit(":", 1)
        assert key == f"{touchpoint}:{number}" and touchpoint in journey.graph
    assert len(_by_gid(fig, "pain-key:")) == len(pains)
    per_touchpoint = pains["touchpoint"].value_counts().to_dict()
    assert {tp: sum(k.startswith(f"{tp}:") for k in markers) for tp in per_touchpoint} == per_touchpoint


def test_critical_moments_are_framed(drawn):
    journey, fig, _, _ = drawn
    for tp, card in _by_gid(fig, "card:").items():
        critical = journey.graph.nodes[tp].get("critical") is True
        assert (to_hex(card.get_edgecolor()) == style.CRITICAL.lower()) is critical, tp


def test_one_arrow_per_transition_wider_for_larger_shares(drawn):
    journey, fig, _, _ = drawn
    arrows = _by_gid(fig, "arrow:")
    assert set(arrows) == {f"{s}->{t}" for s, t in journey.graph.edges}
    by_share = sorted((share or 0, arrows[f"{s}->{t}"].get_linewidth())
                      for s, t, share in journey.graph.edges(data="share"))
    widths = [w for _, w in by_share]
    assert widths == sorted(widths)


def test_the_three_blueprint_lines_lie_between_their_lanes(drawn):
    _, fig, _, lang = drawn
    ys = {key: _by_gid(fig, key)[""].get_ydata()[0]
          for key in ("map.line.interaction", "map.line.visibility", "map.line.internal")}
    assert ys == {"map.line.interaction": 2, "map.line.visibility": 3, "map.line.internal": 4}
    label = _by_gid(fig, "map.line.visibility:label")[""].get_text()
    assert label == sp.label("map.line.visibility", lang)


def test_arvo_strip_shows_each_scored_principle(webshop):
    fig = sp.journey_map(webshop)
    bars = _by_gid(fig, "arvo-bars")[""]
    heights = [path.vertices[:, 1].max() - path.vertices[:, 1].min() for path in bars.get_paths()]
    scores = sp.effective_scores(webshop)
    expected = [0.15 * row[p] / 4 for _, row in scores.iterrows() for p in sp.PRINCIPLES if not math.isnan(row[p])]
    assert heights == pytest.approx(expected)  # card by card, A R V O, unscored principles left out
    colours = [to_hex(c) for c in bars.get_facecolors()]
    assert colours[:4] == [style.PRINCIPLE_COLOURS[p].lower() for p in sp.PRINCIPLES]


def test_words_follow_the_language(webshop):
    fi = sp.journey_map(webshop, lang="fi")
    en = sp.journey_map(webshop, lang="en")
    assert _by_gid(fi, "lane-label:")["backstage"].get_text().replace("\n", " ") == "Näkymätön palvelu"
    assert _by_gid(en, "card-name:")["pay"].get_text() == "Payment"
    assert _by_gid(fi, "card-name:")["pay"].get_text() == "Maksaminen"
    assert _by_gid(fi, "stage-label:")["buy"].get_text() == "Ostaminen"


def test_a_very_long_name_wraps_to_three_lines_and_still_fits(coffee):
    coffee.update_touchpoint("menu", name=sp.Text(en="A remarkably long touchpoint name " * 6))
    fig = sp.journey_map(coffee)
    renderer = FigureCanvasAgg(fig).get_renderer()
    name = _by_gid(fig, "card-name:")["menu"]
    assert name.get_text().count("\n") == 2 and name.get_text().endswith("…")
    card = _by_gid(fig, "card:")["menu"].get_window_extent(renderer)
    assert card.contains(*name.get_window_extent(renderer).p0) and card.contains(*name.get_window_extent(renderer).p1)


def test_pain_numbers_run_left_to_right(webshop):
    numbers = sp.map_pain_numbers(webshop)
    slots = [sp.map_layout(webshop).slots[tp][0] for tp in numbers["touchpoint"]]
    assert slots == sorted(slots)
    assert numbers["number"].tolist() == list(range(1, len(numbers) + 1))


def test_backstage_cards_sit_under_the_card_they_serve(webshop):
    layout = sp.map_layout(webshop)
    assert layout.slots["psp"][0] == layout.slots["pay"][0]
    assert layout.slots["fix"][0] == layout.slots["confirm"][0]


def test_a_missing_emotion_is_a_gap_in_the_curve_not_a_bridge(coffee):
    # the payment card without an emotion must not look as happy as its neighbours
    coffee.update_touchpoint("card", emotion=None)
    coffee.update_touchpoint("receipt", emotion=1)
    fig = sp.journey_map(coffee)
    line = _by_gid(fig, "emotion-line")[""]
    assert [None if math.isnan(y) else y for y in line.get_ydata()] == [1.0, None, 1.0]
    assert len(_by_gid(fig, "emotion-unknown")[""].get_offsets()) == 1
    points = map_emotion_points(coffee, sp.map_layout(coffee))
    assert points["touchpoint"].tolist() == ["menu", "card", "receipt"]


def test_many_pain_points_on_one_card_stay_on_that_card(coffee):
    pains = tuple(sp.PainPoint(sp.Text(en=f"Pain {i}"), id=f"p{i}") for i in range(9))
    coffee.update_touchpoint("card", pain_points=pains)
    fig = sp.journey_map(coffee)
    renderer = FigureCanvasAgg(fig).get_renderer()
    card = _by_gid(fig, "card:")["card"].get_window_extent(renderer)
    markers = [*_by_gid(fig, "pain:card:").values(), *_by_gid(fig, "pain-more:").values()]
    assert len(markers) == 5 and _by_gid(fig, "pain-more:")["card"].get_text() == "+5"
    for marker in markers:
        box = marker.get_window_extent(renderer)
        assert card.x0 <= box.x0 and box.x1 <= card.x1
    assert len(_by_gid(fig, "pain-key:")) == 9  # the key still lists every one


def test_a_card_that_leads_back_to_itself_gets_a_visible_loop(coffee):
    coffee.add_transition("menu", "menu", share=0.1)
    fig = sp.journey_map(coffee)
    renderer = FigureCanvasAgg(fig).get_renderer()
    loop = _by_gid(fig, "arrow:")["menu->menu"].get_window_extent(renderer)
    assert loop.width > 5 and loop.height > 5


def test_long_arrows_in_a_lane_run_between_the_cards_not_through_them(webshop):
    fig = sp.journey_map(webshop)
    layout = sp.map_layout(webshop)
    cards = _by_gid(fig, "card:")
    for key, arrow in _by_gid(fig, "arrow:").items():
        source, target = key.split("->")
        (sx, sl), (tx, tl) = layout.slots[source], layout.slots[target]
        if sl != tl or abs(tx - sx) < 2:
            continue
        arrow.get_path()  # lays the arrow out
        path = arrow.get_transform().inverted().transform_path(arrow._get_path_in_displaycoord()[0][0])
        points = path.interpolated(40).vertices
        for tp, card in cards.items():
            if tp in (source, target):
                continue
            inside = ((card.get_x() < points[:, 0]) & (points[:, 0] < card.get_x() + card.get_width())
                      & (card.get_y() < points[:, 1]) & (points[:, 1] < card.get_y() + card.get_height()))
            assert not inside.any(), f"{key} runs through {tp}"


def test_a_small_journey_keeps_its_title_clear_of_the_legend():
    fig = sp.journey_map(sp.new_journey("Kahvila: aamukahvi mukaan ja vähän pidempi otsikko", "fi"), lang="fi")
    renderer = FigureCanvasAgg(fig).get_renderer()
    title = _by_gid(fig, "title")[""].get_window_extent(renderer)
    subtitle = _by_gid(fig, "subtitle")[""].get_window_extent(renderer)
    legend = [t.get_window_extent(renderer) for t in fig.texts if t.get_gid() not in ("title", "subtitle")]
    assert legend and not any(box.overlaps(title) or box.overlaps(subtitle) for box in legend)


def test_map_without_optional_parts(webshop):
    fig = sp.journey_map(webshop, emotion=False, pain_key=False, title=False)
    assert len(fig.axes) == 1 and not _by_gid(fig, "title")


def test_empty_journey_and_unknown_language_are_clear_errors(webshop):
    with pytest.raises(sp.ServicepathError, match="no touchpoints"):
        sp.journey_map(sp.Journey(sp.Text(en="Empty")))
    with pytest.raises(sp.ServicepathError, match="unknown language 'sv'"):
        sp.journey_map(webshop, lang="sv")


def test_dollar_signs_in_user_text_are_shown_as_typed(coffee):
    # matplotlib reads $…$ as mathematics: "Price $5 or $10" would lose its dollars and turn italic
    coffee.title = sp.Text(en="Costs in $ and $$")
    coffee.update_touchpoint("menu", name=sp.Text(en="Price $5 or $10"), channel="$web", owner="$ales$")
    coffee.stages[0] = sp.Stage("order", sp.Text(en="Order $tage$"))
    fig = sp.journey_map(coffee)
    texts = [_by_gid(fig, "card-name:")["menu"], _by_gid(fig, "card-detail:")["menu"],
             _by_gid(fig, "stage-label:")["order"], _by_gid(fig, "title")[""], _by_gid(fig, "pain-key-text:")["1"]]
    assert texts[0].get_text() == "Price $5 or $10"
    assert not any(t.get_parse_math() for t in texts)
    assert figure_bytes(fig, "png", dpi=30)[:4] == b"\x89PNG"


@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # random text: any Unicode character
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journey=journeys(), lang=st.sampled_from(["en", "fi"]))
def test_any_journey_the_model_allows_is_mapped(journey, lang):
    if len(journey) == 0:
        with pytest.raises(sp.ServicepathError):
            sp.journey_map(journey, lang=lang)
        return
    fig = sp.journey_map(journey, lang=lang)
    assert set(_by_gid(fig, "card:")) == set(journey.graph)
    assert figure_bytes(fig, "png", dpi=20)[:4] == b"\x89PNG"
