"""A.R.V.O. scoring, raters, roll-ups by stage and journey, the weakest spots, and the emotion curve.

Every expected number is worked out by hand in the test from a small journey whose
reach is known (a chain with shares 0.5 halves the customers at every step).
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import servicepath as sp
from servicepath.analysis.library import (
    ATTENTIVENESS_QUESTIONS,
    CHECK_QUESTIONS,
    PAYMENT_PRACTICES,
    PRINCIPLE_NAMES,
    RUBRIC,
)


def _tp(tp_id: str, stage: str, **kwargs) -> sp.Touchpoint:
    return sp.Touchpoint(tp_id, sp.Text(fi=f"{tp_id} fi", en=f"{tp_id} en"), stage, **kwargs)


@pytest.fixture
def line():
    """a → b → c, shares 0.5 each: reach a = 1, b = 0.5, c = 0.25; c is critical; nobody scores O.

    stage "first" holds a and b, stage "second" holds c.
    """
    j = sp.Journey(sp.Text(en="Line"), stages=[sp.Stage("first"), sp.Stage("second")])
    j.add_touchpoint(_tp("a", "first", entry_share=1.0, arvo=sp.Arvo(A=4, R=2, V=1)))
    j.add_touchpoint(_tp("b", "first", arvo=sp.Arvo(A=2, R=4, V=3)))
    j.add_touchpoint(_tp("c", "second", critical=True, final=True, arvo=sp.Arvo(A=1, R=2)))
    j.add_transition("a", "b", share=0.5)
    j.add_transition("b", "c", share=0.5)
    return j


def _row(table, level: str, row_id: str):
    rows = table[(table["level"] == level) & (table["id"] == row_id)]
    assert len(rows) == 1, (level, row_id)
    return rows.iloc[0]


# -- score_from_answers ------------------------------------------------------------------------
@pytest.mark.parametrize(("answers", "expected"), [
    ([True, True, True, True], 4),
    ([False, False, False, False], 0),
    ([True, True, True, False], 3),       # 4 × 3/4 = 3
    ([True, False, False, False], 1),     # 4 × 1/4 = 1
    ([True, False, None, None], 2),       # 4 × 1/2 = 2 (two unanswered do not count)
    ([True, True, False, None], 3),       # 4 × 2/3 = 2.67 → 3
    ([True, False, False, None], 1),      # 4 × 1/3 = 1.33 → 1
    ([True, None, None, None], 4),        # one answer, a yes: 4 × 1/1
    ([False, None, None, None], 0),
])
def test_score_from_answers_rounds_the_share_of_yes_answers_to_a_level(answers, expected):
    score = sp.score_from_answers("V", answers)
    assert score == expected
    assert isinstance(score, int)


@pytest.mark.parametrize("answers", [[None, None, None, None], [], {}, {"A-walk-the-path": None}])
def test_score_from_answers_with_nothing_answered_is_unscored(answers):
    assert sp.score_from_answers("A", answers) is None


def test_score_from_answers_accepts_answers_keyed_by_question_id():
    answers = {"O-know-customer": True, "O-personalise": False, "O-keep-promises": True, "O-little-more": None}
    assert sp.score_from_answers("O", answers) == 3  # 4 × 2/3 = 2.67 → 3
    # every principle's own question ids work
    for principle, questions in CHECK_QUESTIONS.items():
        assert sp.score_from_answers(principle, {q.id: True for q in questions}) == 4


def test_score_from_answers_rejects_a_question_id_it_does_not_know():
    with pytest.raises(sp.UnknownIdError, match="no-such-question"):
        sp.score_from_answers("R", {"R-ask-feedback": True, "no-such-question": False})
    # a question of another principle is unknown too
    with pytest.raises(sp.UnknownIdError, match="A-walk-the-path"):
        sp.score_from_answers("V", {"A-walk-the-path": True})


@pytest.mark.parametrize("principle", ["X", "a", "", "AR"])
def test_score_from_answers_rejects_a_bad_principle(principle):
    with pytest.raises(sp.SchemaError):
        sp.score_from_answers(principle, [True])


# -- the rubric and question library -----------------------------------------------------------
def test_rubric_has_levels_0_to_4_for_every_principle_in_both_languages():
    assert list(RUBRIC) == list(sp.PRINCIPLES)
    for principle, levels in RUBRIC.items():
        assert sorted(levels) == [0, 1, 2, 3, 4], principle
        for text in levels.values():
            assert text.fi and text.en
        # the anchors describe different things
        assert len({levels[i].en for i in levels}) == 5
    assert all(name.fi and name.en for name in PRINCIPLE_NAMES.values())
    assert PRINCIPLE_NAMES["V"].en == "Communicate" and PRINCIPLE_NAMES["O"].en == "Show"


def test_four_bilingual_check_questions_per_principle_with_unique_ids():
    assert list(CHECK_QUESTIONS) == list(sp.PRINCIPLES)
    ids = []
    for principle, questions in CHECK_QUESTIONS.items():
        assert len(questions) == 4, principle
        for q in questions:
            assert q.principle == principle
            assert q.text.fi and q.text.en
            assert q.text.en.endswith("?") and q.text.fi.endswith("?")
            ids.append(q.id)
    assert len(ids) == len(set(ids)) == 16


def test_attentiveness_questions_cover_the_pizza_case_and_payment_practices_are_bilingual():
    ids = {q.id for q in ATTENTIVENESS_QUESTIONS}
    assert {"attn-promise-kept", "attn-apologise", "attn-ask-before-substituting"} <= ids
    assert all(q.principle in sp.PRINCIPLES and q.text.fi and q.text.en for q in ATTENTIVENESS_QUESTIONS)
    for practice in PAYMENT_PRACTICES:
        assert practice.text.fi and practice.text.en
        assert practice.principles and set(practice.principles) <= set(sp.PRINCIPLES)


# -- effective scores and raters ---------------------------------------------------------------
@pytest.fixture
def rated(line):
    j = line
    j.ratings.extend([
        sp.Rating("Aino", "a", "A", 2), sp.Rating("Eero", "a", "A", 3),                # even count
        sp.Rating("Aino", "a", "R", 1), sp.Rating("Eero", "a", "R", 3),                # range exactly 2
        sp.Rating("Aino", "b", "V", 0), sp.Rating("Eero", "b", "V", 4), sp.Rating("Pia", "b", "V", 1),
        sp.Rating("Pia", "b", "O", 3),                                                  # b had no O of its own
    ])
    return j


def test_effective_scores_take_the_raters_median_else_the_own_score(rated):
    scores = sp.effective_scores(rated)
    assert list(scores.index) == ["a", "b", "c"]
    # a.A: median(2, 3) = 2.5 — an even count gives a half step
    assert scores.loc["a", "A"] == 2.5
    # a.R: median(1, 3) = 2
    assert scores.loc["a", "R"] == 2
    # a.V was not rated: its own 1 stays
    assert scores.loc["a", "V"] == 1
    assert math.isnan(scores.loc["a", "O"])
    # b.V: median(0, 4, 1) = 1; b.O: only Pia's 3, although b had no O of its own
    assert scores.loc["b", "V"] == 1
    assert scores.loc["b", "O"] == 3
    assert scores.loc["b", "A"] == 2 and scores.loc["b", "R"] == 4
    # c has no ratings: exactly its own arvo
    assert scores.loc["c", ["A", "R"]].tolist() == [1, 2]
    assert scores["rated"].tolist() == [4, 4, 0]


def test_effective_scores_without_ratings_are_the_own_arvo(line):
    scores = sp.effective_scores(line)
    assert scores.loc["a", ["A", "R", "V"]].tolist() == [4, 2, 1]
    assert scores["rated"].tolist() == [0, 0, 0]


def test_rating_summary_shows_the_spread_and_flags_strong_disagreement(rated):
    summary = sp.rating_summary(rated).set_index(["touchpoint", "principle"])
    assert len(summary) == 4
    a_a, a_r, b_v, b_o = (summary.loc[k] for k in [("a", "A"), ("a", "R"), ("b", "V"), ("b", "O")])
    assert (a_a["ratings"], a_a["median"], a_a["low"], a_a["high"], a_a["range"]) == (2, 2.5, 2, 3, 1)
    assert not a_a["disagree"]                                   # range 1 < 2
    assert a_r["range"] == 2 and a_r["disagree"]                 # range 2 ≥ 2: talk it through
    assert (b_v["ratings"], b_v["median"], b_v["range"]) == (3, 1, 4) and b_v["disagree"]
    assert b_o["range"] == 0 and not b_o["disagree"]
    assert a_a["raters"] == "Aino, Eero"
    assert b_v["raters"] == "Aino, Eero, Pia"


def test_rating_summary_disagreement_threshold_is_a_parameter(rated):
    loose = sp.rating_summary(rated, disagreement=3).set_index(["touchpoint", "principle"])["disagree"]
    assert loose.to_dict() == {("a", "A"): False, ("a", "R"): False, ("b", "V"): True, ("b", "O"): False}
    strict = sp.rating_summary(rated, disagreement=1).set_index(["touchpoint", "principle"])["disagree"]
    assert strict.to_dict() == {("a", "A"): True, ("a", "R"): True, ("b", "V"): True, ("b", "O"): False}
    assert sp.DISAGREEMENT_RANGE == 2


def test_rating_summary_without_ratings_is_empty(line):
    summary = sp.rating_summary(line)
    assert summary.empty
    assert {"touchpoint", "principle", "median", "range", "disagree"} <= set(summary.columns)


def test_ratings_naming_an_unknown_touchpoint_raise(line):
    line.ratings.append(sp.Rating("Aino", "ghost", "A", 2))
    for analysis in (sp.effective_scores, sp.rating_summary, sp.score_journey):
        with pytest.raises(sp.UnknownIdError, match="ghost"):
            analysis(line)


# -- score_journey -----------------------------------------------------------------------------
def test_score_journey_touchpoint_rows_are_the_effective_scores(rated):
    table = sp.score_journey(rated)
    scores = sp.effective_scores(rated)
    rows = table[table["level"] == "touchpoint"].set_index("id")
    assert list(rows.index) == ["a", "b", "c"]
    for p in sp.PRINCIPLES:
        assert rows[p].tolist() == pytest.approx(scores[p].tolist(), nan_ok=True)
    assert rows["stage"].tolist() == ["first", "first", "second"]


def test_score_journey_index_is_the_mean_of_scored_principles_over_4_times_100(line):
    table = sp.score_journey(line)
    a, b, c = (_row(table, "touchpoint", t) for t in "abc")
    assert a["index"] == pytest.approx((4 + 2 + 1) / 3 / 4 * 100)   # 58.33; O unscored is left out
    assert (a["unscored"], a["unscored_principles"]) == (1, "O")
    assert b["index"] == pytest.approx((2 + 4 + 3) / 3 / 4 * 100)   # 75
    assert c["index"] == pytest.approx((1 + 2) / 2 / 4 * 100)       # 37.5
    assert (c["unscored"], c["unscored_principles"]) == (2, "V, O")


def test_score_journey_rolls_up_weighted_by_reach_and_critical(line):
    # reach a = 1, b = 0.5, c = 0.25; c is critical (× 2): weights 1, 0.5, 0.5
    table = sp.score_journey(line)
    assert [_row(table, "touchpoint", t)["weight"] for t in "abc"] == pytest.approx([1, 0.5, 0.5])

    first = _row(table, "stage", "first")                 # a (1) and b (0.5)
    assert first["A"] == pytest.approx((4 * 1 + 2 * 0.5) / 1.5)      # 3.333
    assert first["R"] == pytest.approx((2 * 1 + 4 * 0.5) / 1.5)      # 2.667
    assert first["V"] == pytest.approx((1 * 1 + 3 * 0.5) / 1.5)      # 1.667
    assert first["index"] == pytest.approx((10 / 3 + 8 / 3 + 5 / 3) / 3 / 4 * 100)  # 63.89
    assert first["weight"] == pytest.approx(1.5)
    # the plain means beside them
    assert (first["A_unweighted"], first["R_unweighted"], first["V_unweighted"]) == (3, 3, 2)
    assert first["index_unweighted"] == pytest.approx((3 + 3 + 2) / 3 / 4 * 100)  # 66.67

    second = _row(table, "stage", "second")               # c alone
    assert (second["A"], second["R"]) == (1, 2)
    assert second["unscored_principles"] == "V, O"

    journey = _row(table, "journey", "journey")           # weights 1, 0.5, 0.5 (sum 2)
    assert journey["A"] == pytest.approx((4 * 1 + 2 * 0.5 + 1 * 0.5) / 2)   # 2.75
    assert journey["R"] == pytest.approx((2 * 1 + 4 * 0.5 + 2 * 0.5) / 2)   # 2.5
    assert journey["V"] == pytest.approx((1 * 1 + 3 * 0.5) / 1.5)           # c has no V: 1.667
    assert journey["index"] == pytest.approx((2.75 + 2.5 + 5 / 3) / 3 / 4 * 100)  # 57.64
    assert journey["weight"] == pytest.approx(2)
    assert journey["A_unweighted"] == pytest.approx((4 + 2 + 1) / 3)
    assert journey["R_unweighted"] == pytest.approx((2 + 4 + 2) / 3)
    assert journey["V_unweighted"] == pytest.approx((1 + 3) / 2)
    assert journey["index_unweighted"] == pytest.approx((7 / 3 + 8 / 3 + 2) / 3 / 4 * 100)  # 58.33


def test_score_journey_critical_weight_is_a_parameter(line):
    # critical_weight 4: weights 1, 0.5, 0.25 × 4 = 1
    journey = _row(sp.score_journey(line, critical_weight=4), "journey", "journey")
    assert journey["A"] == pytest.approx((4 * 1 + 2 * 0.5 + 1 * 1) / 2.5)  # 2.4
    # critical_weight 1: critical counts like any other, weights 1, 0.5, 0.25
    journey = _row(sp.score_journey(line, critical_weight=1), "journey", "journey")
    assert journey["A"] == pytest.approx((4 * 1 + 2 * 0.5 + 1 * 0.25) / 1.75)  # 3.0
    assert journey["R"] == pytest.approx((2 * 1 + 4 * 0.5 + 2 * 0.25) / 1.75)  # 2.571
    assert sp.CRITICAL_WEIGHT == 2


def test_score_journey_without_reach_weights_only_by_critical(line):
    # by_reach=False: weights 1, 1, 2 (c critical)
    table = sp.score_journey(line, by_reach=False)
    journey = _row(table, "journey", "journey")
    assert journey["A"] == pytest.approx((4 + 2 + 1 * 2) / 4)   # 2.0
    assert journey["R"] == pytest.approx((2 + 4 + 2 * 2) / 4)   # 2.5
    assert journey["V"] == pytest.approx((1 + 3) / 2)           # 2.0
    assert journey["weight"] == 4
    first = _row(table, "stage", "first")
    assert first["A"] == first["A_unweighted"] == 3
    weights = sp.touchpoint_weights(line, by_reach=False)
    assert weights.to_dict() == {"a": 1, "b": 1, "c": 2}


def test_a_principle_nobody_scored_is_nan_and_listed_never_zero(line):
    table = sp.score_journey(line)
    for level, row_id in [("stage", "first"), ("stage", "second"), ("journey", "journey")]:
        row = _row(table, level, row_id)
        assert math.isnan(row["O"]) and math.isnan(row["O_unweighted"])
        assert "O" in row["unscored_principles"].split(", ")
    journey = _row(table, "journey", "journey")
    assert (journey["unscored"], journey["unscored_principles"]) == (1, "O")
    # counted as 0 the index would be (2.75 + 2.5 + 1.667 + 0) / 4 / 4 × 100 = 43.2
    assert journey["index"] == pytest.approx(57.64, abs=0.01)


def test_a_touchpoint_with_no_scores_at_all_is_explicitly_unscored(line):
    line.add_touchpoint(_tp("d", "second"))
    line.add_transition("c", "d", share=0.5)
    row = _row(sp.score_journey(line), "touchpoint", "d")
    assert row["unscored"] == 4
    assert row["unscored_principles"] == "A, R, V, O"
    assert math.isnan(row["index"])
    # it does not drag the stage down either: c alone gives the stage's A
    assert _row(sp.score_journey(line), "stage", "second")["A"] == 1


def test_a_stage_nobody_reaches_falls_back_to_plain_means(line):
    line.add_stage(sp.Stage("island"))
    line.add_touchpoint(_tp("x", "island", arvo=sp.Arvo(A=0, R=1)))
    line.add_touchpoint(_tp("y", "island", arvo=sp.Arvo(A=2, R=3)))
    table = sp.score_journey(line)
    island = _row(table, "stage", "island")
    assert (island["A"], island["R"]) == (1, 2)        # (0 + 2) / 2, (1 + 3) / 2
    assert island["weight"] == 0
    # weight 0: the journey's weighted means do not move
    assert _row(table, "journey", "journey")["A"] == pytest.approx(2.75)


def test_score_journey_has_one_row_per_touchpoint_stage_and_journey_on_the_samples():
    for name in ("webshop", "b2b-service"):
        j = sp.load_sample(name)
        table = sp.score_journey(j)
        assert table.groupby("level").size().to_dict() == {
            "journey": 1, "stage": len(j.stages), "touchpoint": len(j)}
        assert table[table["level"] == "stage"]["id"].tolist() == j.stage_ids
        assert table["index"].between(0, 100).all()
        journey = table[table["level"] == "journey"].iloc[0]
        assert journey["unscored"] == 0
        # a weighted mean lies between the smallest and the largest touchpoint score
        tps = table[table["level"] == "touchpoint"]
        for p in sp.PRINCIPLES:
            assert tps[p].min() <= journey[p] <= tps[p].max()


def test_score_journey_with_no_entry_point_raises_a_validation_error(line):
    line.update_touchpoint("a", entry_share=0.0)
    with pytest.raises(sp.ValidationError, match="entry") as caught:
        sp.score_journey(line)
    assert isinstance(caught.value, sp.ServicepathError)


# -- weakest -----------------------------------------------------------------------------------
def test_weakest_orders_pairs_by_gap_times_reach(line):
    # (touchpoint, principle): gap to 4 × reach
    #   a.V 3 × 1 = 3, a.R 2 × 1 = 2, b.A 2 × 0.5 = 1, c.A 3 × 0.25 = 0.75,
    #   c.R 2 × 0.25 = 0.5 (gap 2), b.V 1 × 0.5 = 0.5 (gap 1), a.A 0, b.R 0
    table = sp.weakest(line, 8)
    pairs = list(zip(table["touchpoint"], table["principle"], strict=True))
    assert pairs == [("a", "V"), ("a", "R"), ("b", "A"), ("c", "A"), ("c", "R"), ("b", "V"), ("a", "A"), ("b", "R")]
    assert table["weighted_gap"].tolist() == pytest.approx([3, 2, 1, 0.75, 0.5, 0.5, 0, 0])
    assert table["gap"].tolist() == [3, 2, 2, 3, 2, 1, 0, 0]
    assert table["reach"].tolist() == pytest.approx([1, 1, 0.5, 0.25, 0.25, 0.5, 1, 0.5])


def test_weakest_respects_n(line):
    assert sp.weakest(line, 3)[["touchpoint", "principle"]].values.tolist() == [["a", "V"], ["a", "R"], ["b", "A"]]
    assert len(sp.weakest(line, 1)) == 1
    assert len(sp.weakest(line)) == 5


def test_weakest_leaves_unscored_pairs_out(line):
    # 3 touchpoints × 4 principles = 12 pairs, of which 8 are scored (no O anywhere, no V at c)
    table = sp.weakest(line, 100)
    assert len(table) == 8
    assert table["score"].notna().all()
    assert "O" not in set(table["principle"])


def test_weakest_leaves_unscored_pairs_out_on_the_webshop(webshop):
    # the webshop has two unscored pairs: psp.O and picking.V
    table = sp.weakest(webshop, 1000)
    assert len(table) == 4 * len(webshop) - 2
    assert table["score"].notna().all()
    assert table["weighted_gap"].is_monotonic_decreasing


# -- emotion along the path, remembered experience --------------------------------------------
@pytest.fixture
def feelings():
    """s → pay → wow → end and an invoice at the side; emotions 1, −2, 3, −1, invoice −1."""
    j = sp.Journey(sp.Text(en="Feelings"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("s", "all", entry_share=1.0, emotion=1))
    j.add_touchpoint(_tp("pay", "all", emotion=-2, tags=("payment",)))
    j.add_touchpoint(_tp("wow", "all", emotion=3))
    j.add_touchpoint(_tp("end", "all", emotion=-1, final=True))
    j.add_touchpoint(_tp("invoice", "all", emotion=-1, tags=("invoicing",), final=True))
    j.add_touchpoint(_tp("blank", "all"))
    j.add_transition("s", "pay", share=1.0)
    j.add_transition("pay", "wow", share=0.9)
    j.add_transition("wow", "end", share=0.6)
    j.add_transition("wow", "invoice", share=0.3)
    return j


def test_emotion_along_path_goes_step_by_step(feelings):
    curve = sp.emotion_along_path(feelings, ["s", "pay", "wow", "blank"])
    assert list(curve.columns) == list(sp.EMOTION_COLUMNS)
    assert curve["step"].tolist() == [1, 2, 3, 4]
    assert curve["emotion"].tolist()[:3] == [1, -2, 3] and math.isnan(curve["emotion"].iloc[3])
    assert curve["payment"].tolist() == [False, True, False, False]


def test_remembered_experience_is_the_mean_of_peak_and_end(feelings):
    memory = sp.remembered_experience(feelings, ["s", "pay", "wow", "end"])
    # emotions 1, −2, 3, −1: the most intense is wow (|3|), the end is −1
    assert (memory.peak, memory.peak_id) == (3, "wow")
    assert (memory.end, memory.end_id) == (-1, "end")
    assert memory.remembered == pytest.approx((3 + -1) / 2)      # 1.0
    assert memory.mean == pytest.approx((1 - 2 + 3 - 1) / 4)     # 0.25
    assert (memory.worst, memory.worst_id) == (-2, "pay")
    assert memory.worst_is_payment and not memory.end_is_payment
    assert memory.path == ("s", "pay", "wow", "end")


def test_a_tie_in_intensity_goes_to_the_bad_moment(feelings):
    feelings.update_touchpoint("wow", emotion=2)
    feelings.update_touchpoint("end", emotion=2)
    memory = sp.remembered_experience(feelings, ["wow", "pay", "end"])
    # intensities 2, 2, 2: the peak is the −2 at pay
    assert (memory.peak, memory.peak_id) == (-2, "pay")
    assert memory.remembered == pytest.approx((-2 + 2) / 2)


def test_ending_at_the_invoice_is_flagged(feelings):
    memory = sp.remembered_experience(feelings, ["s", "wow", "invoice"])
    assert memory.end_id == "invoice" and memory.end_is_payment
    assert memory.worst_id == "invoice" and memory.worst_is_payment   # −1 is the lowest here
    assert memory.remembered == pytest.approx((3 + -1) / 2)


def test_the_end_is_the_last_moment_with_an_emotion(feelings):
    memory = sp.remembered_experience(feelings, ["s", "wow", "blank"])
    assert (memory.end, memory.end_id) == (3, "wow")
    assert memory.remembered == 3                                     # (3 + 3) / 2
    assert memory.mean == 2                                           # (1 + 3) / 2, blank has none
    assert memory.path == ("s", "wow", "blank")


def test_the_default_path_is_the_most_likely_completed_one(feelings):
    # s → pay → wow → end: 1 × 0.9 × 0.6 = 0.54 beats → invoice 0.27
    assert sp.typical_path(feelings) == ("s", "pay", "wow", "end")
    assert sp.remembered_experience(feelings).path == ("s", "pay", "wow", "end")


def test_coffee_remembers_the_payment(coffee):
    # menu +1, card −2, receipt has no emotion: peak −2 and end −2 (card)
    memory = sp.remembered_experience(coffee)
    assert memory.path == ("menu", "card", "receipt")
    assert memory.remembered == -2
    assert memory.mean == pytest.approx(-0.5)
    assert memory.worst_is_payment and memory.end_is_payment


def test_a_path_with_an_unknown_touchpoint_raises(feelings):
    with pytest.raises(sp.UnknownIdError, match="ghost"):
        sp.emotion_along_path(feelings, ["s", "ghost"])
    with pytest.raises(sp.UnknownIdError, match="ghost"):
        sp.remembered_experience(feelings, ["ghost"])


def test_a_path_without_emotions_raises(feelings):
    with pytest.raises(sp.ServicepathError, match="emotion"):
        sp.remembered_experience(feelings, ["blank"])


def test_on_the_webshop_payment_is_the_worst_moment(webshop):
    memory = sp.remembered_experience(webshop)
    assert memory.worst_id == "pay" and memory.worst == -2
    assert memory.worst_is_payment
    curve = sp.emotion_along_path(webshop)
    assert curve.loc[curve["payment"], "id"].tolist() == ["pay"]
    # only what the customer experiences counts: backstage and support moments are left out
    felt = curve[curve["lane"].isin(["evidence", "customer", "frontstage"])]
    assert memory.mean == pytest.approx(felt["emotion"].mean())
    curve = felt
    # peak–end: the most intense moment and the last one, by hand from the curve
    emotions = curve["emotion"].dropna()
    peak = emotions[emotions.abs() == emotions.abs().max()].min()
    assert memory.remembered == pytest.approx((peak + emotions.iloc[-1]) / 2)
    assert not np.isnan(memory.remembered)
