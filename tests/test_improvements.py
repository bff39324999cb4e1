"""Improvements: the plan, its prioritisation (quadrants, ICE, RICE, dot votes) and what-if.

The coffee journey (conftest) has reach menu = 1, card = 0.8 (critical, A 1 R 2 V 0, emotion −2)
and receipt = 0.8 × 0.95 = 0.76 (final, the goal); every expected number below comes from these.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import pytest

import servicepath as sp


def _imp(imp_id: str, touchpoints=("card",), **kwargs) -> sp.Improvement:
    return sp.Improvement(imp_id, sp.Text(fi=f"{imp_id} fi", en=f"{imp_id} en"), tuple(touchpoints), **kwargs)


def _tp(tp_id: str, stage: str = "all", **kwargs) -> sp.Touchpoint:
    return sp.Touchpoint(tp_id, sp.Text(fi=f"{tp_id} fi", en=f"{tp_id} en"), stage, **kwargs)


# -- the Improvement record --------------------------------------------------------------------
@pytest.mark.parametrize("changes", [
    {"principles": ("X",)},
    {"principles": ("a",)},
    {"score_change": {"Q": 1}},
    {"score_change": {"A": 5}},
    {"status": "wip"},
    {"status": "Done"},
    {"impact": 0},
    {"impact": 6},
    {"impact": 2.5},
    {"effort": 0},
    {"confidence": 6},
    {"drop_out_reduction": 1.5},
    {"drop_out_reduction": -0.1},
    {"emotion_change": 7},
    {"effort_days": -1},
    {"due": "31.12.2026"},
    {"due": "next week"},
])
def test_improvement_rejects_bad_values(changes):
    with pytest.raises(sp.SchemaError):
        _imp("bad", **changes)


def test_improvement_rejects_a_due_date_that_is_not_a_date():
    # a number (e.g. "due": 20261231 in a journey file) is no date
    with pytest.raises(sp.SchemaError, match="due"):
        _imp("bad", due=20261231)


def test_a_due_datetime_survives_the_round_trip_or_is_refused():
    try:
        improvement = _imp("when", due=datetime(2026, 12, 31, 9, 30))
    except sp.SchemaError:
        return
    assert sp.Improvement.from_dict(improvement.to_dict()).due == date(2026, 12, 31)


def test_improvement_needs_a_title_and_a_good_id():
    with pytest.raises(sp.SchemaError):
        sp.Improvement("x", sp.Text())
    with pytest.raises(sp.SchemaError):
        sp.Improvement("a,b", sp.Text(en="Two ids"))


def test_improvement_accepts_every_status_and_a_due_date_as_text():
    for status in sp.STATUSES:
        assert _imp("ok", status=status).status == status
    assert sp.STATUSES == ("idea", "planned", "doing", "done")
    assert _imp("ok", due="2026-12-31").due == date(2026, 12, 31)
    assert _imp("ok", due=date(2027, 1, 15)).due == date(2027, 1, 15)


def _full() -> sp.Improvement:
    return sp.Improvement(
        "easy-pay", sp.Text(fi="Helpompi maksu", en="Easier payment"), ("card", "receipt"), ("A", "V"),
        description=sp.Text(fi="Vähemmän vaiheita", en="Fewer steps"), score_change={"A": 1, "V": 2},
        emotion_change=1.5, drop_out_reduction=0.25, impact=4, effort=2, confidence=5, effort_days=3.5,
        owner="Maija", metric="drop-out at payment", due="2026-12-31", status="planned", pain_points=("queue",),
    )


def test_to_dict_and_from_dict_round_trip():
    improvement = _full()
    data = improvement.to_dict()
    assert data["due"] == "2026-12-31"
    assert data["title"] == {"fi": "Helpompi maksu", "en": "Easier payment"}
    assert data["touchpoints"] == ["card", "receipt"]
    assert sp.Improvement.from_dict(data) == improvement
    minimal = _imp("tiny")
    assert sp.Improvement.from_dict(minimal.to_dict()) == minimal


def test_from_dict_rejects_an_unknown_field():
    data = _full().to_dict() | {"budget": 1000}
    with pytest.raises(sp.SchemaError, match="budget"):
        sp.Improvement.from_dict(data)


@pytest.mark.parametrize("ending", ["journey.json", "yaml"])
def test_improvements_and_votes_are_kept_in_the_journey_file(coffee, tmp_path, ending):
    sp.add_improvement(coffee, _full())
    sp.add_improvement(coffee, _imp("menu-board", ("menu",), owner="Olli", metric="time to order"))
    sp.cast_votes(coffee, "Aino", {"easy-pay": 1}, options=["easy-pay", "menu-board"])
    path = sp.save(coffee, tmp_path / f"plan.{ending}")
    loaded = sp.load(path)
    assert sp.improvements(loaded) == [_full(), _imp("menu-board", ("menu",), owner="Olli", metric="time to order")]
    assert loaded.votes == [{"participant": "Aino", "option": "easy-pay", "dots": 1}]
    assert sp.improvement_table(loaded)["id"].tolist() == ["easy-pay", "menu-board"]


def test_add_improvement_checks_touchpoints_and_ids(coffee):
    sp.add_improvement(coffee, _imp("one"))
    with pytest.raises(sp.UnknownIdError, match="ghost"):
        sp.add_improvement(coffee, _imp("two", ("card", "ghost")))
    with pytest.raises(sp.InputError, match="one"):
        sp.add_improvement(coffee, _imp("one", ("menu",)))
    assert [i.id for i in sp.improvements(coffee)] == ["one"]   # nothing half-added


def test_validate_warns_about_improvements_without_owner_or_metric(coffee):
    sp.add_improvement(coffee, _imp("orphan"))
    sp.add_improvement(coffee, _imp("owned", owner="Maija", metric="queue length"))
    sp.add_improvement(coffee, _imp("half", owner="Maija"))
    unowned = [p for p in sp.validate(coffee) if p.code == "improvement-unowned"]
    assert [p.level for p in unowned] == ["warning", "warning"]
    assert "orphan" in unowned[0].where and "half" in unowned[1].where
    assert "metric" in unowned[1].message and "owner" not in unowned[1].message
    assert not [p for p in sp.validate(coffee) if p.level == "error"]


def test_validate_errors_on_improvements_naming_unknown_touchpoints(coffee):
    coffee.improvements.append({"id": "lost", "title": {"en": "Lost"}, "touchpoints": ["ghost"],
                                "owner": "Maija", "metric": "m"})
    errors = [p for p in sp.validate(coffee) if p.level == "error"]
    assert [p.code for p in errors] == ["unknown-id"]
    assert "ghost" in errors[0].message


# -- prioritisation ----------------------------------------------------------------------------
@pytest.fixture
def planned(coffee):
    # impact / effort (midpoint 3): quadrant, impact ÷ effort
    sp.add_improvement(coffee, _imp("qw", impact=5, effort=2))     # quick win, 2.5
    sp.add_improvement(coffee, _imp("qw-edge", impact=3, effort=1))  # impact 3 = midpoint is high: quick win, 3.0
    sp.add_improvement(coffee, _imp("bb", impact=5, effort=4))     # big bet, 1.25
    sp.add_improvement(coffee, _imp("fi", impact=2, effort=2))     # fill-in, 1.0
    sp.add_improvement(coffee, _imp("mp", impact=1, effort=5))     # money pit, 0.2
    sp.add_improvement(coffee, _imp("bb-edge", impact=4, effort=3))  # effort 3 = midpoint is high: big bet, 1.33
    return coffee


def test_quadrants_by_impact_and_effort(planned):
    table = sp.prioritise(planned)
    quadrant = table.set_index("id")["quadrant"].to_dict()
    assert quadrant == {"qw": "quick win", "qw-edge": "quick win", "bb": "big bet", "bb-edge": "big bet",
                        "fi": "fill-in", "mp": "money pit"}
    assert table.set_index("id")["score"].to_dict() == pytest.approx(
        {"qw": 2.5, "qw-edge": 3.0, "bb": 1.25, "bb-edge": 4 / 3, "fi": 1.0, "mp": 0.2})
    # quick wins first, the money pit last; within a quadrant by impact ÷ effort
    assert table["id"].tolist() == ["qw-edge", "qw", "bb-edge", "bb", "fi", "mp"]
    assert table["rank"].tolist() == [1, 2, 3, 4, 5, 6]
    assert set(sp.QUADRANTS) == set(quadrant.values())


def test_the_quadrant_midpoint_is_a_parameter(planned):
    quadrant = sp.prioritise(planned, midpoint=5).set_index("id")["quadrant"].to_dict()
    # with midpoint 5 only impact 5 is high and every effort below 5 is low
    assert quadrant["bb"] == "quick win" and quadrant["bb-edge"] == "fill-in" and quadrant["mp"] == "money pit"


def test_the_method_is_stored_with_the_result(planned):
    for method in sp.METHODS:
        table = sp.prioritise(planned, method)
        assert table.attrs["method"] == method
        assert set(table["method"]) == {method}
    with pytest.raises(sp.ServicepathError, match="method"):
        sp.prioritise(planned, "gut feeling")


def test_ice_is_impact_times_confidence_times_ease(coffee):
    sp.add_improvement(coffee, _imp("i1", impact=5, confidence=4, effort=2))   # 5 × 4 × (6 − 2) = 80
    sp.add_improvement(coffee, _imp("i2", impact=3, confidence=5, effort=5))   # 3 × 5 × (6 − 5) = 15
    sp.add_improvement(coffee, _imp("i3", impact=4, confidence=2, effort=1))   # 4 × 2 × (6 − 1) = 40
    table = sp.prioritise(coffee, "ice")
    assert table["id"].tolist() == ["i1", "i3", "i2"]
    assert table["score"].tolist() == [80, 40, 15]


def test_rice_is_reach_times_impact_times_confidence_over_effort(coffee):
    # card reach 0.8: 0.8 × 5 × (4 / 5) / 2 person-days = 1.6
    sp.add_improvement(coffee, _imp("r1", ("card",), impact=5, confidence=4, effort=4, effort_days=2))
    # menu reach 1 (receipt 0.76): 1 × 2 × (5 / 5) / effort level 4 = 0.5
    sp.add_improvement(coffee, _imp("r2", ("menu", "receipt"), impact=2, confidence=5, effort=4))
    # receipt reach 0.76: 0.76 × 4 × (5 / 5) / 1 = 3.04
    sp.add_improvement(coffee, _imp("r3", ("receipt",), impact=4, confidence=5, effort=1))
    table = sp.prioritise(coffee, "rice")
    assert table["id"].tolist() == ["r3", "r1", "r2"]
    assert table["score"].tolist() == pytest.approx([3.04, 1.6, 0.5])
    assert table["reach"].tolist() == pytest.approx([0.76, 0.8, 1.0])


def test_prioritise_shows_the_dots_given(planned):
    options = [i.id for i in sp.improvements(planned)]          # 6 options: 2 dots each
    sp.cast_votes(planned, "Aino", {"mp": 2}, options=options)
    sp.cast_votes(planned, "Eero", {"mp": 1, "fi": 1}, options=options)
    votes = sp.prioritise(planned).set_index("id")["votes"].to_dict()
    assert votes == {"qw": 0, "qw-edge": 0, "bb": 0, "bb-edge": 0, "fi": 1, "mp": 3}


def test_an_empty_plan_prioritises_to_an_empty_table(coffee):
    table = sp.prioritise(coffee, "rice")
    assert table.empty and table.attrs["method"] == "rice"


# -- dot voting --------------------------------------------------------------------------------
@pytest.mark.parametrize(("options", "budget"), [(0, 1), (1, 1), (3, 1), (4, 1), (5, 2), (8, 2), (9, 3), (10, 3),
                                                 (17, 5)])
def test_dot_budget_is_a_quarter_of_the_options_rounded_up(options, budget):
    assert sp.dot_budget(options) == budget


OPTIONS = ["a", "b", "c", "d", "e", "f", "g", "h"]   # 8 options: ceil(8 / 4) = 2 dots each


def test_cast_votes_enforces_the_budget(coffee):
    sp.cast_votes(coffee, "Aino", {"a": 2}, options=OPTIONS)
    with pytest.raises(sp.SchemaError, match="budget"):
        sp.cast_votes(coffee, "Eero", {"a": 1, "b": 1, "c": 1}, options=OPTIONS)
    with pytest.raises(sp.SchemaError):
        sp.cast_votes(coffee, "Aino", {"a": 3}, options=OPTIONS)
    # the refused votes changed nothing
    assert coffee.votes == [{"participant": "Aino", "option": "a", "dots": 2}]
    # an explicit budget
    sp.cast_votes(coffee, "Eero", {"a": 1, "b": 1, "c": 1}, options=OPTIONS, budget=3)
    assert sum(v["dots"] for v in coffee.votes if v["participant"] == "Eero") == 3


def test_a_new_vote_replaces_the_participants_earlier_one(coffee):
    sp.cast_votes(coffee, "Aino", {"a": 2}, options=OPTIONS)
    sp.cast_votes(coffee, "Eero", {"c": 1}, options=OPTIONS)
    sp.cast_votes(coffee, "Aino", {"b": 1, "c": 1}, options=OPTIONS)
    aino = sorted((v["option"], v["dots"]) for v in coffee.votes if v["participant"] == "Aino")
    assert aino == [("b", 1), ("c", 1)]
    assert [v for v in coffee.votes if v["participant"] == "Eero"] == [{"participant": "Eero", "option": "c",
                                                                         "dots": 1}]


def test_cast_votes_rejects_unknown_options_and_bad_dots(coffee):
    with pytest.raises(sp.UnknownIdError, match="zzz"):
        sp.cast_votes(coffee, "Aino", {"zzz": 1}, options=OPTIONS)
    with pytest.raises(sp.SchemaError):
        sp.cast_votes(coffee, "Aino", {"a": -1}, options=OPTIONS)
    with pytest.raises(sp.SchemaError):
        sp.cast_votes(coffee, "  ", {"a": 1}, options=OPTIONS)
    assert coffee.votes == []


def test_vote_results_rank_by_dots_then_voters(coffee):
    sp.cast_votes(coffee, "Aino", {"a": 2}, options=OPTIONS)
    sp.cast_votes(coffee, "Eero", {"b": 1, "c": 1}, options=OPTIONS)
    sp.cast_votes(coffee, "Pia", {"b": 1}, options=OPTIONS)
    table = sp.vote_results(coffee)
    # b: 1 + 1 = 2 dots from 2 voters; a: 2 dots from 1 voter; c: 1 dot
    assert table[["rank", "option", "dots", "voters"]].values.tolist() == [[1, "b", 2, 2], [2, "a", 2, 1],
                                                                          [3, "c", 1, 1]]
    # a journey nobody has voted on: an empty table with the same columns
    unvoted = sp.load_sample("webshop")
    unvoted.votes.clear()
    empty = sp.vote_results(unvoted)
    assert empty.empty and empty.columns.tolist() == ["rank", "option", "dots", "voters"]


# -- the bundled samples' plans ----------------------------------------------------------------
@pytest.mark.parametrize("name", ["webshop", "b2b-service"])
def test_the_bundled_samples_carry_a_complete_plan(name):
    journey = sp.load_sample(name)
    plan = sp.improvements(journey)
    assert len(plan) >= 4 and sp.validate(journey) == []
    pain_ids = set(sp.pain_points(journey)["pain_point"])
    owners = {tp.owner for tp in journey}
    for imp in plan:
        assert imp.title.fi and imp.title.en and imp.principles and imp.metric and imp.due, imp.id
        assert imp.owner in owners, imp.id
        assert imp.pain_points and set(imp.pain_points) <= pain_ids, imp.id
    assert {"idea", "planned", "doing"} <= {imp.status for imp in plan}
    assert set(sp.prioritise(journey)["quadrant"]) == set(sp.QUADRANTS)


def test_the_webshop_sample_plan_answers_the_payment_moment_and_its_vote_keeps_the_budget():
    journey = sp.load_sample("webshop")
    plan = sp.improvements(journey)
    touched = {tp for imp in plan for tp in imp.touchpoints}
    assert {"pay", "psp"} <= touched and touched & {"complaint", "fix", "follow-up"}
    options = [imp.id for imp in plan]
    dots: dict[str, int] = {}
    for vote in journey.votes:
        assert vote["option"] in options
        dots[vote["participant"]] = dots.get(vote["participant"], 0) + vote["dots"]
    assert len(dots) == 4 and max(dots.values()) <= sp.dot_budget(len(options))
    results = sp.vote_results(journey)
    assert results.iloc[0]["option"] == "pay-error-message"
    assert sp.prioritise(journey)["votes"].sum() == results["dots"].sum() == sum(dots.values())


# -- what-if: apply ----------------------------------------------------------------------------
@pytest.fixture
def shop():
    """start → pay (1.0); pay → ok 0.4, pay → alt 0.2, so 0.4 of those at pay drop out."""
    j = sp.Journey(sp.Text(en="Shop"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("start", entry_share=1.0, emotion=0, arvo=sp.Arvo(A=3, R=1)))
    j.add_touchpoint(_tp("pay", emotion=-2, tags=("payment",), arvo=sp.Arvo(A=1, V=0)))
    j.add_touchpoint(_tp("ok", emotion=2, final=True))
    j.add_touchpoint(_tp("alt", emotion=1, final=True))
    j.add_transition("start", "pay", share=1.0)
    j.add_transition("pay", "ok", share=0.4)
    j.add_transition("pay", "alt", share=0.2)
    j.ratings.extend([sp.Rating("Aino", "pay", "A", 3), sp.Rating("Eero", "pay", "A", 1),
                      sp.Rating("Aino", "start", "A", 2)])
    return j


def test_apply_returns_a_new_journey_and_leaves_the_original_alone(shop):
    before = sp.dumps(shop)
    fix = _imp("fix", ("pay",), score_change={"A": 2, "V": 1}, emotion_change=2, drop_out_reduction=0.5)
    after = sp.apply(shop, [fix])
    assert after is not shop
    assert sp.dumps(shop) == before
    assert sp.dumps(after) != before
    # changing the result later does not reach the original either
    after.update_touchpoint("start", emotion=3)
    after.ratings.clear()
    assert sp.dumps(shop) == before


def test_apply_moves_scores_and_emotions(shop):
    fix = _imp("fix", ("pay",), score_change={"A": 2, "V": 1, "R": 1}, emotion_change=1)
    pay = sp.apply(shop, [fix]).touchpoint("pay")
    assert (pay.arvo.A, pay.arvo.V) == (3, 1)        # 1 + 2, 0 + 1
    assert pay.arvo.R is None                        # unscored stays unscored
    assert pay.emotion == -1                         # −2 + 1


def test_apply_clips_scores_and_emotions_at_the_bounds(shop):
    up = _imp("up", ("pay",), score_change={"A": 4}, emotion_change=6)
    pay = sp.apply(shop, [up]).touchpoint("pay")
    assert pay.arvo.A == 4                           # 1 + 4 = 5 → 4
    assert pay.emotion == 3                          # −2 + 6 = 4 → 3
    down = _imp("down", ("start",), score_change={"A": -4, "R": -2}, emotion_change=-5)
    start = sp.apply(shop, [down]).touchpoint("start")
    assert (start.arvo.A, start.arvo.R) == (0, 0)    # 3 − 4 → 0, 1 − 2 → 0
    assert start.emotion == -3                       # 0 − 5 → −3


def test_apply_shifts_the_ratings_too(shop):
    fix = _imp("fix", ("pay",), score_change={"A": 2})
    after = sp.apply(shop, [fix])
    ratings = {(r.rater, r.touchpoint, r.principle): r.value for r in after.ratings}
    # pay: Aino 3 + 2 = 5 → 4, Eero 1 + 2 = 3; Aino's rating of start does not move
    assert ratings == {("Aino", "pay", "A"): 4, ("Eero", "pay", "A"): 3, ("Aino", "start", "A"): 2}
    # so the effective score moves from median(3, 1) = 2 to median(4, 3) = 3.5
    assert sp.effective_scores(shop).loc["pay", "A"] == 2
    assert sp.effective_scores(after).loc["pay", "A"] == 3.5


def test_drop_out_reduction_sends_leaving_customers_on_in_proportion(shop):
    # out shares 0.4 + 0.2 = 0.6, 0.4 leave; half of them go on: total 0.6 + 0.5 × 0.4 = 0.8,
    # split as before: ok 0.4 × 0.8 / 0.6 = 0.5333, alt 0.2 × 0.8 / 0.6 = 0.2667
    after = sp.apply(shop, [_imp("fix", ("pay",), drop_out_reduction=0.5)])
    assert after.graph.edges["pay", "ok"]["share"] == pytest.approx(0.4 * 0.8 / 0.6)
    assert after.graph.edges["pay", "alt"]["share"] == pytest.approx(0.2 * 0.8 / 0.6)
    assert after.graph.edges["start", "pay"]["share"] == 1.0
    assert shop.graph.edges["pay", "ok"]["share"] == 0.4
    reach = sp.reach(after).set_index("id")["reach"]
    assert reach["ok"] == pytest.approx(0.4 * 0.8 / 0.6)


def test_a_full_drop_out_reduction_keeps_every_customer(shop):
    after = sp.apply(shop, [_imp("fix", ("pay",), drop_out_reduction=1.0)])
    out = after.graph.edges["pay", "ok"]["share"] + after.graph.edges["pay", "alt"]["share"]
    assert out == pytest.approx(1.0)


def test_apply_uses_the_journeys_own_plan_by_default(shop):
    sp.add_improvement(shop, _imp("fix", ("pay",), score_change={"V": 3}))
    assert sp.apply(shop).touchpoint("pay").arvo.V == 3
    assert shop.touchpoint("pay").arvo.V == 0


def test_apply_rejects_an_improvement_on_an_unknown_touchpoint(shop):
    with pytest.raises(sp.UnknownIdError, match="ghost"):
        sp.apply(shop, [_imp("lost", ("ghost",))])


# -- what-if: compare --------------------------------------------------------------------------
def test_compare_shows_what_the_improvement_changes(coffee):
    # at the card: V 0 → 2, emotion −2 → 0, out share 0.95 → 0.95 + 0.6 × 0.05 = 0.98
    fix = _imp("fix", ("card",), score_change={"V": 2}, emotion_change=2, drop_out_reduction=0.6)
    after = sp.apply(coffee, [fix])
    diff = sp.compare(coffee, after).set_index(["measure", "id"])
    change = diff["change"]
    assert change[("V", "card")] == 2
    assert change[("emotion", "card")] == 2
    # receipt reach 0.8 × 0.95 = 0.76 → 0.8 × 0.98 = 0.784
    assert diff.loc[("reach", "receipt"), ["before", "after"]].tolist() == pytest.approx([0.76, 0.784])
    assert change[("reach", "receipt")] == pytest.approx(0.024)
    # drop-out at the card 0.8 × 0.05 = 0.04 → 0.8 × 0.02 = 0.016
    assert change[("dropped_out", "card")] == pytest.approx(-0.024)
    assert change[("goal_probability", "journey")] == pytest.approx(0.024)
    assert change[("completed", "journey")] == pytest.approx(0.024)
    # drop-out overall: 0.2 at the menu + 0.04 → 0.2 + 0.016
    assert diff.loc[("dropped_out", "journey"), ["before", "after"]].tolist() == pytest.approx([0.24, 0.216])
    # A.R.V.O. index: only the card is scored, (1 + 2 + 0) / 3 / 4 × 100 = 25 → (1 + 2 + 2) / 3 / 4 × 100
    assert diff.loc[("arvo_index", "journey"), "before"] == pytest.approx(25)
    assert change[("arvo_index", "journey")] == pytest.approx(5 / 12 * 100 - 25)
    # along menu → card → receipt: emotions (1, −2) → (1, 0)
    assert change[("emotion_mean", "journey")] == pytest.approx((1 + 0) / 2 - (1 - 2) / 2)   # 0.5
    # peak–end: before peak −2, end −2 → −2; after peak 1 (menu), end 0 (card) → 0.5
    assert diff.loc[("remembered", "journey"), ["before", "after"]].tolist() == pytest.approx([-2, 0.5])


def test_compare_keeps_unchanged_measures_with_change_zero(coffee):
    fix = _imp("fix", ("card",), score_change={"V": 2}, emotion_change=2, drop_out_reduction=0.6)
    change = sp.compare(coffee, sp.apply(coffee, [fix])).set_index(["measure", "id"])["change"]
    for key in [("A", "card"), ("R", "card"), ("emotion", "menu"), ("reach", "menu"), ("reach", "card"),
                ("dropped_out", "menu"), ("dropped_out", "receipt")]:
        assert change[key] == 0, key
    # nobody scored card.O or menu.A: unscored on both sides is NaN, not a made-up 0
    assert math.isnan(change[("O", "card")]) and math.isnan(change[("A", "menu")])


def test_compare_with_itself_changes_nothing(webshop):
    diff = sp.compare(webshop, webshop.copy())
    scored = diff.dropna(subset=["before"])
    assert (scored["change"] == 0).all()
    measures = set(diff["measure"])
    assert {"A", "R", "V", "O", "emotion", "reach", "dropped_out", "arvo_index", "goal_probability", "completed",
            "emotion_mean", "remembered"} <= measures
    # every touchpoint has every per-touchpoint measure
    per_touchpoint = diff[(diff["id"] != "journey") & ~diff["id"].str.startswith("stage ")]
    assert per_touchpoint.groupby("id").size().eq(7).all() and len(per_touchpoint) == 7 * len(webshop)


def test_a_touchpoint_in_one_journey_only_has_nan_on_the_other_side(coffee):
    extended = coffee.copy()
    extended.add_touchpoint(_tp("survey", "after", emotion=0, arvo=sp.Arvo(A=2)))
    forward = sp.compare(coffee, extended).set_index(["measure", "id"])
    assert math.isnan(forward.loc[("reach", "survey"), "before"])
    assert forward.loc[("reach", "survey"), "after"] == 0
    assert math.isnan(forward.loc[("A", "survey"), "before"]) and forward.loc[("A", "survey"), "after"] == 2
    assert math.isnan(forward.loc[("emotion", "survey"), "change"])
    backward = sp.compare(extended, coffee).set_index(["measure", "id"])
    assert math.isnan(backward.loc[("reach", "survey"), "after"])
    assert backward.loc[("A", "survey"), "before"] == 2
    # the shared touchpoints still match up
    assert forward.loc[("reach", "card"), "change"] == 0


def test_webshop_what_if_on_the_payment(webshop):
    fix = sp.Improvement("easy-pay", sp.Text(en="Fewer steps"), ("pay",), score_change={"A": 2},
                         emotion_change=2, drop_out_reduction=0.5)
    before = sp.dumps(webshop)
    after = sp.apply(webshop, [fix])
    assert sp.dumps(webshop) == before
    # pay → confirmed 0.7, pay → psp 0.08: total 0.78 → 0.78 + 0.5 × 0.22 = 0.89
    out = after.graph.edges["pay", "confirmed"]["share"] + after.graph.edges["pay", "psp"]["share"]
    assert out == pytest.approx(0.89)
    change = sp.compare(webshop, after).set_index(["measure", "id"])["change"]
    assert change[("A", "pay")] == 2 and change[("emotion", "pay")] == 2
    assert change[("goal_probability", "journey")] > 0
    assert change[("dropped_out", "pay")] < 0
    assert change[("reach", "search")] == 0
