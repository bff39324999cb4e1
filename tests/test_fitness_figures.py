"""Customer-fitness pictures: the radar, the trend and the badges on the journey map, checked on their artists."""

import math

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex

import servicepath as sp
from servicepath.analysis.fitness import fitness_by_touchpoint, fitness_trend, team_results
from servicepath.figures import fitness_radar, fitness_trend_chart
from servicepath.figures._chart import ink_on
from servicepath.figures.fitness import LEVEL_COLOURS
from servicepath.io.fitness_sample import fill_fitness_sample
from servicepath.io.fitness_store import FitnessStore
from servicepath.model.fitness import FITNESS_AREAS, FITNESS_LEVELS, LEVEL_BARS

SCORES = {
    "Aino": {"knowledge": 3.4, "skills": 4.2, "emotional-tone": 4.7},
    "Team": {"knowledge": 3.6, "skills": 3.9, "emotional-tone": 4.1},
    "Target": {"knowledge": 4.0, "skills": 4.0, "emotional-tone": 4.0},
}


def _by_gid(fig, prefix):
    return {a.get_gid()[len(prefix):]: a for a in fig.findobj(lambda a: (a.get_gid() or "").startswith(prefix))}


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """The sample organisation's answers, its team results (Logistiikka is hidden) and the team targets."""
    with FitnessStore(tmp_path_factory.mktemp("fitness") / "servicepath.db") as store:
        fill_fitness_sample(store)
        answers, targets = store.answers(), store.targets()
    return answers, team_results(answers, targets=targets), targets


# -- radar -------------------------------------------------------------------------------------------
def test_radar_draws_each_series_at_its_areas_angles():
    fig = fitness_radar(SCORES)
    lines = _by_gid(fig, "fitness-radar:")
    assert sorted(lines) == ["0", "1", "2"]
    for i, scores in enumerate(SCORES.values()):
        line = lines[str(i)]
        expected = [scores[a] for a in FITNESS_AREAS]
        assert list(line.get_ydata()) == pytest.approx([*expected, expected[0]])  # closed polygon
        assert list(line.get_xdata()) == pytest.approx([0, 2 * math.pi / 3, 4 * math.pi / 3, 0])
    colours = {to_hex(line.get_color()) for line in lines.values()}
    assert len(colours) == 3
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == list(SCORES)


def test_radar_scale_and_level_rings():
    fig = fitness_radar({"Aino": SCORES["Aino"]})
    ax = fig.axes[0]
    assert ax.get_ylim() == (1, 5)
    rings = _by_gid(fig, "fitness-ring:")
    assert {level: set(np.round(ring.get_ydata(), 6)) for level, ring in rings.items()} == \
        {level: {bar} for level, bar in LEVEL_BARS.items()}
    assert ax.get_legend() is None  # one series needs no legend


@pytest.mark.parametrize("lang, areas, rings", [
    ("fi", ["Tiedot", "Taidot", "Tunnetaso"], ["HYVÄ ≥ 3,5", "ERINOMAINEN ≥ 4,0", "IHAN PARAS ≥ 4,5"]),
    ("en", ["Knowledge", "Skills", "Emotional tone"], ["GOOD ≥ 3.5", "EXCELLENT ≥ 4.0", "VERY BEST ≥ 4.5"]),
])
def test_radar_words_follow_the_language(lang, areas, rings):
    fig = fitness_radar(SCORES, lang=lang)
    assert [_by_gid(fig, "fitness-area:")[a].get_text() for a in FITNESS_AREAS] == areas
    assert [_by_gid(fig, "fitness-ring-label:")[level].get_text() for level in LEVEL_BARS] == rings
    assert fig.axes[0].get_title(loc="left") == sp.label("fitness.chart.radar.title", lang)


def test_radar_takes_a_table_and_leaves_missing_scores_as_gaps():
    table = pd.DataFrame({"knowledge": [4.0, 3.0], "skills": [None, 3.5], "emotional-tone": [4.5, 5.0],
                          "respondents": [4, 5]}, index=["Sales", "Support"])
    fig = fitness_radar(table, title="Two teams")
    lines = _by_gid(fig, "fitness-radar:")
    assert np.isnan(lines["0"].get_ydata()[1]) and list(lines["1"].get_ydata()) == [3.0, 3.5, 5.0, 3.0]
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["Sales", "Support"]
    assert fig.axes[0].get_title(loc="left") == "Two teams"


@pytest.mark.parametrize("series, message", [
    ({"Aino": {"knowledge": 6}}, r"series 'Aino', area knowledge: 6 is not a score \(expected a number 1…5"),
    ({"Aino": {"knowledge": 0.5}}, "series 'Aino', area knowledge: 0.5"),
    ({"Aino": {"knowledge": "high"}}, "series 'Aino', area knowledge: 'high'"),
    ({"Aino": {"knowlege": 4}}, "series 'Aino': 'knowlege' is not a fitness area"),
    ({"Aino": {"knowledge": None}}, "series 'Aino': the series has no scores"),
    ({}, "nothing to draw"),
    (pd.DataFrame({"knowledge": [4], "skill": [4]}), "no column 'skills', 'emotional-tone'"),
])
def test_radar_refuses_bad_input_naming_series_and_area(series, message):
    with pytest.raises(sp.SchemaError, match=message):
        fitness_radar(series)


# -- trend -------------------------------------------------------------------------------------------
def test_one_team_gets_a_line_per_area_over_the_rounds(sample):
    answers, _, targets = sample
    results = fitness_trend(answers, team="Asiakaspalvelu", targets=targets)
    fig = fitness_trend_chart(results)
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == results["round"].tolist()
    lines = _by_gid(fig, "fitness-trend:")
    assert set(lines) == set(FITNESS_AREAS)
    for area in FITNESS_AREAS:
        assert list(lines[area].get_ydata()) == pytest.approx(results[area].tolist())
    assert _by_gid(fig, "fitness-target")[""].get_ydata()[0] == LEVEL_BARS["excellent"]  # the team's target


def test_hidden_rounds_are_gaps_with_a_note(sample):
    answers, _, targets = sample
    results = fitness_trend(answers, team="Verkkokauppatiimi", targets=targets)
    middle = results["round"].iloc[1]
    results.loc[1, "shown"] = False
    results.loc[1, list(FITNESS_AREAS)] = math.nan
    fig = fitness_trend_chart(results, lang="fi")
    for line in _by_gid(fig, "fitness-trend:").values():
        y = line.get_ydata()
        assert np.isnan(y[1]) and not np.isnan(y[0]) and not np.isnan(y[2])
    notes = _by_gid(fig, "fitness-hidden:")
    assert list(notes) == [middle]
    assert notes[middle].get_text().replace("\n", " ") == "piilotettu: alle 3 vastaajaa"
    assert set(_by_gid(fig, "fitness-hatch:")) == {middle}


def test_several_teams_get_a_line_each_of_their_weakest_area(sample):
    _, results, _ = sample
    fig = fitness_trend_chart(results, min_respondents=3)
    lines = _by_gid(fig, "fitness-trend:")
    assert set(lines) == {"Asiakaspalvelu", "Verkkokauppatiimi", "Logistiikka"}
    rounds = list(dict.fromkeys(results["round"]))
    assert [t.get_text() for t in fig.axes[0].get_xticklabels()] == rounds
    for team in ("Asiakaspalvelu", "Verkkokauppatiimi"):
        rows = results[results["team"] == team]
        assert list(lines[team].get_ydata()) == pytest.approx(rows[list(FITNESS_AREAS)].min(axis=1).tolist())
    assert np.isnan(lines["Logistiikka"].get_ydata()).all()  # fewer than 3 people: never shown
    notes = _by_gid(fig, "fitness-hidden:Logistiikka:")
    assert list(notes) == rounds
    assert all("Logistiikka hidden: fewer than 3 answered" in n.get_text().replace("\n", " ")
               for n in notes.values())
    subtitle = " ".join(t.get_text().replace("\n", " ") for t in fig.axes[0].texts)
    assert "weakest area" in subtitle


def test_level_bands_are_shaded_and_named_with_decimal_commas_in_finnish(sample):
    _, results, _ = sample
    fig = fitness_trend_chart(results, lang="fi")
    bands = _by_gid(fig, "fitness-band:")
    assert list(bands) == list(FITNESS_LEVELS)
    names = {level: text.get_text() for level, text in _by_gid(fig, "fitness-band-label:").items()}
    assert names == {"below-good": "ei vielä HYVÄ < 3,5", "good": "HYVÄ ≥ 3,5", "excellent": "ERINOMAINEN ≥ 4,0",
                     "very-best": "IHAN PARAS ≥ 4,5"}


def test_a_single_round_still_shows_its_points(sample):
    _, results, _ = sample
    first = results[results["round"] == results["round"].iloc[0]]
    fig = fitness_trend_chart(first[first["team"] == "Asiakaspalvelu"])
    for line in _by_gid(fig, "fitness-trend:").values():
        assert len(line.get_ydata()) == 1 and line.get_marker() not in ("", "None", None)


def test_trend_refuses_empty_or_wrong_tables(sample):
    _, results, _ = sample
    with pytest.raises(sp.SchemaError, match="the results table is empty"):
        fitness_trend_chart(results.iloc[0:0])
    with pytest.raises(sp.SchemaError, match="no column 'shown'"):
        fitness_trend_chart(results.drop(columns="shown"))
    with pytest.raises(sp.SchemaError, match="not a results table"):
        fitness_trend_chart([1, 2])


# -- map badges ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def badged(sample):
    _, results, _ = sample
    journey = sp.load_sample("webshop")
    fitness = fitness_by_touchpoint(journey, results)
    fig = sp.journey_map(journey, lang="fi", fitness=fitness)
    return journey, fitness, fig, FigureCanvasAgg(fig).get_renderer()


def test_a_badge_on_exactly_the_listed_touchpoints_with_the_level_name(badged):
    _, fitness, fig, _ = badged
    badges = _by_gid(fig, "fitness:")
    assert set(badges) == set(fitness["touchpoint"])
    assert "delivery" not in badges  # Logistiikka's result is hidden by the privacy rule
    texts = _by_gid(fig, "fitness-text:")
    for tp, level in fitness[["touchpoint", "level"]].itertuples(index=False):
        text = texts[f"{tp}:{level}"]
        assert text.get_text().replace("\n", " ") == sp.label(f"fitness.level.{level}", "fi")
        assert to_hex(badges[tp].get_facecolor()) == LEVEL_COLOURS[level].lower()
        assert to_hex(text.get_color()) == to_hex(ink_on(LEVEL_COLOURS[level]))


def test_badges_stay_clear_of_card_text_and_the_arvo_strip(badged):
    _, _, fig, renderer = badged
    cards = {tp: c.get_window_extent(renderer) for tp, c in _by_gid(fig, "card:").items()}
    words = {**_by_gid(fig, "card-name:"), **{f"{k}/detail": v for k, v in _by_gid(fig, "card-detail:").items()}}
    grid = fig.axes[0]
    strips = [grid.transData.transform_bbox(p.get_extents()) for p in _by_gid(fig, "arvo-bars")[""].get_paths()]
    texts = _by_gid(fig, "fitness-text:")
    for tp, badge in _by_gid(fig, "fitness:").items():
        box = badge.get_window_extent(renderer)
        card = cards[tp]
        assert card.x0 <= box.x0 and box.x1 <= card.x1 and card.y0 <= box.y0 and box.y1 <= card.y1, tp
        for key, text in words.items():
            assert not box.overlaps(text.get_window_extent(renderer)), (tp, key)
        assert not any(box.overlaps(strip) for strip in strips), tp
        for key, text in texts.items():
            if key.startswith(f"{tp}:"):
                inner = text.get_window_extent(renderer)
                assert box.x0 <= inner.x0 and inner.x1 <= box.x1 and box.y0 <= inner.y0 and inner.y1 <= box.y1, key


def test_the_key_under_the_map_explains_the_badges(badged):
    _, fitness, fig, renderer = badged
    heading = _by_gid(fig, "fitness-key-heading")[""]
    assert heading.get_text() == f"Tiimin asiakaskuntotaso (viimeisin kierros {fitness['round'].iloc[0]}):"
    assert [t.get_text().replace("\n", " ") for t in _by_gid(fig, "fitness-key-text:").values()] == \
        [sp.label(f"fitness.level.{level}", "fi") for level in FITNESS_LEVELS]
    pain_key = min(t.get_window_extent(renderer).y0 for t in _by_gid(fig, "pain-key-text:").values())
    assert heading.get_window_extent(renderer).y1 < pain_key  # under the map and its pain list
    boxes = [a.get_window_extent(renderer) for a in _by_gid(fig, "fitness-key:").values()]
    boxes += [t.get_window_extent(renderer) for t in (heading, *_by_gid(fig, "fitness-key-note").values())]
    for i, a in enumerate(boxes):
        assert 0 <= a.x0 and a.x1 <= fig.bbox.x1
        assert not any(a.overlaps(b) for b in boxes[i + 1:])


def test_teams_at_two_levels_share_one_badge_with_a_row_each():
    journey = sp.load_sample("webshop")
    journey.update_touchpoint("pay", name=sp.Text(en="A remarkably long touchpoint name " * 6),
                              channel="a web shop with a long channel name", owner="Two teams who share the work")
    table = pd.DataFrame({"touchpoint": ["pay", "pay", "chat"], "team": ["A", "B", "C"],
                          "level": ["excellent", "below-good", "very-best"], "round": ["r1", "r1", "r1"]})
    fig = sp.journey_map(journey, fitness=table)
    renderer = FigureCanvasAgg(fig).get_renderer()
    badge = _by_gid(fig, "fitness:")["pay"].get_window_extent(renderer)
    rows = _by_gid(fig, "fitness-row:pay:")
    assert list(rows) == ["excellent", "below-good"]  # the higher level on top
    for level in rows:
        text = _by_gid(fig, "fitness-text:pay:")[level]
        assert text.get_text().replace("\n", " ") == sp.label(f"fitness.level.{level}", "en")
        box = text.get_window_extent(renderer)
        assert badge.x0 <= box.x0 and box.x1 <= badge.x1 and badge.y0 <= box.y0 and box.y1 <= badge.y1
    for key in ("card-name:", "card-detail:"):
        assert not badge.overlaps(_by_gid(fig, key)["pay"].get_window_extent(renderer)), key


def test_no_fitness_gives_the_map_as_before(webshop):
    plain = sp.journey_map(webshop)
    empty = sp.journey_map(webshop, fitness=pd.DataFrame(columns=["touchpoint", "team", "level", "round"]))
    assert not _by_gid(plain, "fitness")
    assert not _by_gid(empty, "fitness:")
    assert _by_gid(empty, "fitness-key-note")[""].get_text() == sp.label("fitness.chart.map.none", "en")
    assert empty.get_figheight() > plain.get_figheight() == sp.journey_map(webshop, fitness=None).get_figheight()


def test_map_refuses_unknown_touchpoints_and_levels(webshop):
    with pytest.raises(sp.UnknownIdError, match="fitness table, row 2: 'nowhere' is not a touchpoint"):
        sp.journey_map(webshop, fitness=pd.DataFrame({"touchpoint": ["pay", "nowhere"], "level": ["good", "good"]}))
    with pytest.raises(sp.SchemaError, match="row 1, column level: 'superb' is not a fitness level"):
        sp.journey_map(webshop, fitness=pd.DataFrame({"touchpoint": ["pay"], "level": ["superb"]}))
    with pytest.raises(sp.SchemaError, match="no column 'level'"):
        sp.journey_map(webshop, fitness=pd.DataFrame({"touchpoint": ["pay"]}))
