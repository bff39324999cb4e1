"""Pain points, the payment moment, aftercare coverage and service recovery.

The expected numbers are worked out by hand in each test from small journeys whose
reach follows directly from the shares.
"""

from __future__ import annotations

import math
import warnings

import pytest

import servicepath as sp
from servicepath.analysis.library import PAYMENT_PRACTICES


def _tp(tp_id: str, stage: str = "all", **kwargs) -> sp.Touchpoint:
    return sp.Touchpoint(tp_id, sp.Text(fi=f"{tp_id} fi", en=f"{tp_id} en"), stage, **kwargs)


def _pain(severity: int, frequency: int, pain_id: str | None = None) -> sp.PainPoint:
    return sp.PainPoint(sp.Text(fi="Kipu", en=f"Pain {pain_id}"), severity=severity, frequency=frequency, id=pain_id)


# -- pain points -------------------------------------------------------------------------------
@pytest.fixture
def painful():
    """a → b → c with shares 0.5: reach a = 1, b = 0.5, c = 0.25; b is critical."""
    j = sp.Journey(sp.Text(en="Painful"), stages=[sp.Stage("one"), sp.Stage("two")])
    j.add_touchpoint(_tp("a", "one", entry_share=1.0, owner="Shop team", arvo=sp.Arvo(A=3, R=1, V=2),
                         pain_points=(_pain(2, 5, "slow"), _pain(5, 2, "rude"))))
    j.add_touchpoint(_tp("b", "one", lane="frontstage", critical=True, pain_points=(_pain(5, 4, "lost"),)))
    j.add_touchpoint(_tp("c", "two", final=True, arvo=sp.Arvo(O=1, V=1),
                         pain_points=(_pain(5, 5, "wait"), _pain(1, 1))))
    j.add_transition("a", "b", share=0.5)
    j.add_transition("b", "c", share=0.5)
    return j


def test_pain_priority_is_severity_times_frequency_times_reach_boosted_at_critical(painful):
    table = sp.pain_points(painful)
    assert list(table.columns) == list(sp.PAIN_COLUMNS)
    by_id = table.set_index("pain_point")
    # b.lost: 5 × 4 × 0.5 × 1.5 (critical) = 15
    assert by_id.loc["lost", "priority"] == pytest.approx(15)
    # a.slow: 2 × 5 × 1 = 10, a.rude: 5 × 2 × 1 = 10
    assert by_id.loc["slow", "priority"] == pytest.approx(10)
    assert by_id.loc["rude", "priority"] == pytest.approx(10)
    # c.wait: 5 × 5 × 0.25 = 6.25; c's second pain has no id: 1 × 1 × 0.25 = 0.25
    assert by_id.loc["wait", "priority"] == pytest.approx(6.25)
    assert by_id.loc["c#2", "priority"] == pytest.approx(0.25)
    assert by_id["reach"].to_dict() == pytest.approx({"slow": 1, "rude": 1, "lost": 0.5, "wait": 0.25, "c#2": 0.25})
    assert by_id["critical"].to_dict() == {"slow": False, "rude": False, "lost": True, "wait": False, "c#2": False}


def test_pain_points_are_ranked_1_to_n_highest_priority_first(painful):
    table = sp.pain_points(painful)
    assert table["rank"].tolist() == [1, 2, 3, 4, 5]
    # 15, then the tie at 10 (the more severe first), then 6.25 and 0.25
    assert table["pain_point"].tolist() == ["lost", "rude", "slow", "wait", "c#2"]
    assert table["priority"].is_monotonic_decreasing


def test_pain_points_name_stage_lane_owner_and_the_weakest_principle(painful):
    rows = sp.pain_points(painful).set_index("pain_point")
    assert rows.loc["slow", ["touchpoint", "stage", "lane", "owner"]].tolist() == ["a", "one", "customer", "Shop team"]
    assert rows.loc["lost", ["touchpoint", "stage", "lane"]].tolist() == ["b", "one", "frontstage"]
    assert rows.loc["slow", "weakest_principle"] == "R"      # A 3, R 1, V 2
    assert rows.loc["lost", "weakest_principle"] == ""       # b has no scores
    assert rows.loc["wait", "weakest_principle"] in {"V", "O"}  # V 1 and O 1 tie
    assert rows.loc["slow", "text_en"] == "Pain slow" and rows.loc["slow", "text_fi"] == "Kipu"
    assert (rows.loc["slow", "severity"], rows.loc["slow", "frequency"]) == (2, 5)


def test_the_critical_boost_is_a_parameter(painful, coffee):
    assert sp.CRITICAL_BOOST == 1.5
    table = sp.pain_points(painful, critical_boost=1).set_index("pain_point")
    assert table.loc["lost", "priority"] == pytest.approx(5 * 4 * 0.5)   # 10, no boost
    table = sp.pain_points(painful, critical_boost=3).set_index("pain_point")
    assert table.loc["lost", "priority"] == pytest.approx(5 * 4 * 0.5 * 3)  # 30
    # coffee: the queue at the card payment, 4 × 3 × reach 0.8 × 1.5 = 14.4
    row = sp.pain_points(coffee).iloc[0]
    assert (row["rank"], row["touchpoint"], row["pain_point"]) == (1, "card", "queue")
    assert row["priority"] == pytest.approx(4 * 3 * 0.8 * 1.5)
    assert row["weakest_principle"] == "V"                   # A 1, R 2, V 0


def test_a_journey_without_pain_points_has_an_empty_ranking():
    j = sp.Journey(sp.Text(en="Calm"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("only", entry_share=1.0, final=True))
    table = sp.pain_points(j)
    assert table.empty
    assert list(table.columns) == list(sp.PAIN_COLUMNS)


def test_pain_points_on_the_samples_cover_every_pain_point():
    for name in ("webshop", "b2b-service"):
        j = sp.load_sample(name)
        table = sp.pain_points(j)
        assert len(table) == len(j.pain_points)
        assert table["rank"].tolist() == list(range(1, len(table) + 1))
        assert table["priority"].is_monotonic_decreasing
        reach = sp.reach(j).set_index("id")["reach"]
        for _, row in table.iterrows():
            boost = 1.5 if row["critical"] else 1.0
            assert row["priority"] == pytest.approx(row["severity"] * row["frequency"] * reach[row["touchpoint"]]
                                                    * boost)


# -- the payment moment ------------------------------------------------------------------------
@pytest.fixture
def checkout():
    """Customers come to pay from a (happy, 0.6 enter) and b (annoyed, 0.4 enter).

    a → pay 0.5, b → pay 1.0: 0.3 + 0.4 = 0.7 reach pay. From pay 0.6 go to ok, 0.2 to help,
    0.2 leave (drop out).
    """
    j = sp.Journey(sp.Text(en="Checkout"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("a", entry_share=0.6, emotion=2))
    j.add_touchpoint(_tp("b", entry_share=0.4, emotion=-1))
    j.add_touchpoint(_tp("pay", emotion=-2, tags=("payment",), critical=True, arvo=sp.Arvo(A=1, R=3, V=2, O=0),
                         pain_points=(_pain(4, 4, "fees"),)))
    j.add_touchpoint(_tp("ok", emotion=3, final=True, pain_points=(_pain(1, 1, "mail"),)))
    j.add_touchpoint(_tp("help", emotion=0, final=True))
    j.add_transition("a", "pay", share=0.5)
    j.add_transition("b", "pay", share=1.0)
    j.add_transition("pay", "ok", share=0.6)
    j.add_transition("pay", "help", share=0.2)
    return j


def test_payment_moment_weights_the_emotions_before_and_after_by_flow(checkout):
    moment = sp.payment_moment(checkout)
    assert moment.found
    row = moment.touchpoints.set_index("id").loc["pay"]
    # before: 0.3 customers come from a (+2), 0.4 from b (−1): (0.3 × 2 + 0.4 × −1) / 0.7 = 0.2857
    assert row["emotion_before"] == pytest.approx(0.2 / 0.7)
    assert row["drop_into"] == pytest.approx(-2 - 0.2 / 0.7)       # −2.2857: the curve dips
    # after: 0.6 go to ok (+3), 0.2 to help (0): (0.6 × 3 + 0.2 × 0) / 0.8 = 2.25
    assert row["emotion_after"] == pytest.approx(2.25)
    assert row["rise_out_of"] == pytest.approx(2.25 - -2)          # 4.25
    assert row["reach"] == pytest.approx(0.7)
    # 1 − 0.6 − 0.2 = 0.2 of those at pay leave; of all customers 0.7 × 0.2 = 0.14
    assert row["drop_out_share"] == pytest.approx(0.2)
    assert row["dropped_out"] == pytest.approx(0.14)
    assert row[["A", "R", "V", "O"]].tolist() == [1, 3, 2, 0]


def test_payment_moment_lists_only_the_pain_points_there(checkout):
    pains = sp.payment_moment(checkout).pain_points
    assert pains["pain_point"].tolist() == ["fees"]
    assert pains.iloc[0]["priority"] == pytest.approx(4 * 4 * 0.7 * 1.5)   # 16.8


def _card_practices():
    return [p for p in PAYMENT_PRACTICES if not p.id.startswith("pay-invoice")]


def test_invoice_practices_are_suggested_only_where_customers_are_invoiced():
    b2b = sp.payment_moment(sp.load_sample("b2b-service")).suggestions  # has an invoicing touchpoint
    webshop = sp.payment_moment(sp.load_sample("webshop")).suggestions  # card payment only
    assert "pay-invoice-after-delivery" in set(b2b["practice"])
    assert not webshop["practice"].str.startswith("pay-invoice").any()


def test_payment_suggestions_that_lift_the_weakest_principle_come_first(checkout):
    # at pay: A 1, R 3, V 2, O 0 → O is the weakest (gap 4), then A (3), V (2), R (1)
    suggestions = sp.payment_moment(checkout).suggestions
    card_practices = _card_practices()  # no invoicing tag here: the invoice practices are left out
    assert len(suggestions) == len(card_practices)
    lifts = [set(p.split(", ")) for p in suggestions["principles"]]
    lifting_o = sum("O" in s for s in lifts)
    assert lifting_o == sum("O" in p.principles for p in card_practices)
    assert all("O" in s for s in lifts[:lifting_o])
    # then those lifting A, then the rest (V best, R not on its own)
    rest = lifts[lifting_o:]
    assert all("A" in s for s in rest[:2]) and not any("A" in s for s in rest[2:])
    assert suggestions["text_fi"].str.len().gt(0).all() and suggestions["text_en"].str.len().gt(0).all()
    assert suggestions["need"].is_monotonic_decreasing


def test_coffee_payment_suggestions_lift_communication_first(coffee):
    # at the card payment: A 1, R 2, V 0 → V (gap 4) first
    suggestions = sp.payment_moment(coffee).suggestions
    assert "V" in suggestions.iloc[0]["principles"].split(", ")
    lifting_v = sum("V" in p.principles for p in _card_practices())
    assert all("V" in p.split(", ") for p in suggestions["principles"].head(lifting_v))


def test_an_unscored_principle_at_payment_gives_no_numpy_warning_and_no_nan_need(coffee):
    # the card has no O score; the practice that lifts only O must not come out as a silent NaN
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        suggestions = sp.payment_moment(coffee).suggestions
    assert suggestions["need"].notna().all()


def test_coffee_payment_moment_by_hand(coffee):
    row = sp.payment_moment(coffee).touchpoints.iloc[0]
    assert row["id"] == "card"
    assert row["emotion_before"] == 1 and row["drop_into"] == -3   # −2 − 1
    assert math.isnan(row["emotion_after"])                         # the receipt has no emotion
    assert row["drop_out_share"] == pytest.approx(0.05)             # 1 − 0.95
    assert row["dropped_out"] == pytest.approx(0.8 * 0.05)          # 0.04


def test_the_webshop_dips_into_payment(webshop):
    moment = sp.payment_moment(webshop)
    assert moment.touchpoints["id"].tolist() == ["pay"]
    row = moment.touchpoints.iloc[0]
    assert row["drop_into"] < 0
    assert row["drop_out_share"] == pytest.approx(1 - 0.70 - 0.08)   # 0.22
    reach = sp.reach(webshop).set_index("id")
    assert row["reach"] == pytest.approx(reach.loc["pay", "reach"])
    assert row["dropped_out"] == pytest.approx(reach.loc["pay", "dropped_out"])
    assert set(moment.pain_points["touchpoint"]) == {"pay"}
    assert len(moment.pain_points) == 3
    assert len(moment.suggestions) >= 6


def test_invoicing_counts_as_the_payment_moment():
    moment = sp.payment_moment(sp.load_sample("b2b-service"))
    assert moment.found
    assert moment.touchpoints["id"].tolist() == ["invoice"]


def test_a_journey_without_payment_has_no_payment_moment():
    j = sp.Journey(sp.Text(en="Free"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("look", entry_share=1.0, emotion=1, pain_points=(_pain(3, 3, "dull"),)))
    j.add_touchpoint(_tp("leave", final=True))
    j.add_transition("look", "leave", share=0.5)
    moment = sp.payment_moment(j)
    assert moment.found is False
    assert moment.touchpoints.empty and moment.pain_points.empty
    assert {"id", "drop_into", "drop_out_share"} <= set(moment.touchpoints.columns)


# -- aftercare coverage ------------------------------------------------------------------------
def test_the_b2b_sample_covers_all_ten_aftercare_practices():
    coverage = sp.aftercare_coverage(sp.load_sample("b2b-service"))
    assert coverage.count == 10
    assert coverage.missing == []
    assert coverage.table["practice"].tolist() == list(sp.AFTERCARE_PRACTICES)
    assert coverage.table["present"].all()
    assert (coverage.table["name_fi"].str.len() > 0).all() and (coverage.table["name_en"].str.len() > 0).all()
    invoicing = coverage.table.set_index("practice").loc["aftercare:invoicing"]
    assert invoicing["touchpoints"] == "invoice"
    assert invoicing[["A", "R", "V", "O"]].tolist() == [2, 2, 2, 2]


def test_removing_an_aftercare_tag_lowers_the_count_and_shows_it_missing():
    j = sp.load_sample("b2b-service")
    j.update_touchpoint("gifts", tags=())
    coverage = sp.aftercare_coverage(j)
    assert coverage.count == 9
    assert coverage.missing == ["aftercare:gifts"]
    gifts = coverage.table.set_index("practice").loc["aftercare:gifts"]
    assert not gifts["present"] and gifts["touchpoints"] == ""
    assert all(math.isnan(gifts[p]) for p in sp.PRINCIPLES)


def test_aftercare_scores_are_the_mean_of_the_tagged_touchpoints(coffee):
    coffee.update_touchpoint("menu", tags=("aftercare:feedback",), arvo=sp.Arvo(A=4, R=1))
    coffee.update_touchpoint("card", tags=("payment", "aftercare:feedback"))
    coverage = sp.aftercare_coverage(coffee)
    assert coverage.count == 1
    feedback = coverage.table.set_index("practice").loc["aftercare:feedback"]
    assert feedback["touchpoints"] == "menu, card"
    assert feedback["A"] == pytest.approx((4 + 1) / 2)   # menu 4, card 1
    assert feedback["R"] == pytest.approx((1 + 2) / 2)   # menu 1, card 2
    assert feedback["V"] == 0                            # only card has V
    assert math.isnan(feedback["O"])
    assert len(coverage.missing) == 9


# -- service recovery --------------------------------------------------------------------------
def test_the_webshop_recovers_in_all_five_steps_and_follows_up_in_time(webshop):
    table = sp.service_recovery(webshop)
    assert len(table) == 1
    row = table.iloc[0]
    assert row["complaint"] == "complaint"
    assert row["steps_found"] == 5 and row["missing"] == ""
    assert row["path"] == "assure → listen → confirm → fix → follow-up"
    assert row["follow_up_days"] == pytest.approx(10)
    assert row["follow_up_in_time"]


def _recovery(order: list[str], follow_up: str = "10 d") -> sp.Journey:
    """complaint → the steps in ``order`` (each tagged recovery:<step>), one after the other."""
    j = sp.Journey(sp.Text(en="Recovery"), stages=[sp.Stage("all")])
    j.add_touchpoint(_tp("complaint", entry_share=1.0, tags=("complaint",)))
    previous = "complaint"
    for step in order:
        j.add_touchpoint(_tp(step, tags=(f"recovery:{step}",)))
        j.add_transition(previous, step, share=0.9, duration=follow_up if step == "follow-up" else "1 h")
        previous = step
    return j


def test_steps_in_order_are_all_found():
    row = sp.service_recovery(_recovery(["assure", "listen", "confirm", "fix", "follow-up"])).iloc[0]
    assert (row["steps_found"], row["missing"]) == (5, "")
    assert row["follow_up_days"] == pytest.approx(10) and row["follow_up_in_time"]


def test_a_step_out_of_order_is_reported_missing():
    # confirm comes before listen: after listen there is no confirm any more
    row = sp.service_recovery(_recovery(["assure", "confirm", "listen", "fix", "follow-up"])).iloc[0]
    assert row["steps_found"] == 4
    assert row["missing"] == "recovery:confirm"
    assert row["path"] == "assure → listen → fix → follow-up"


def test_missing_steps_are_reported():
    row = sp.service_recovery(_recovery(["assure", "fix"])).iloc[0]
    assert row["steps_found"] == 2
    assert row["missing"] == "recovery:listen, recovery:confirm, recovery:follow-up"
    assert math.isnan(row["follow_up_days"])
    assert not row["follow_up_in_time"]


def test_steps_off_the_paths_from_the_complaint_do_not_count():
    j = _recovery(["assure", "listen"])
    j.add_touchpoint(_tp("elsewhere", tags=("recovery:confirm",)))   # nobody gets there from the complaint
    row = sp.service_recovery(j).iloc[0]
    assert row["missing"].split(", ") == ["recovery:confirm", "recovery:fix", "recovery:follow-up"]


@pytest.mark.parametrize(("follow_up", "days", "in_time"), [
    ("3 d", 3, False),
    ("6 d", 6, False),
    ("7 d", 7, True),
    ("P2W", 14, True),
    ("15 d", 15, False),
    ("30 d", 30, False),
])
def test_the_follow_up_should_come_one_to_two_weeks_after_the_fix(follow_up, days, in_time):
    row = sp.service_recovery(_recovery(["assure", "listen", "confirm", "fix", "follow-up"], follow_up)).iloc[0]
    assert row["follow_up_days"] == pytest.approx(days)
    assert bool(row["follow_up_in_time"]) is in_time
    assert sp.FOLLOW_UP_DAYS == (7, 14)


def test_follow_up_days_add_up_along_the_way():
    j = _recovery(["assure", "listen", "confirm", "fix"])
    j.add_touchpoint(_tp("wait"))
    j.add_touchpoint(_tp("follow-up", tags=("recovery:follow-up",)))
    j.add_transition("fix", "wait", share=1.0, duration="4 d")
    j.add_transition("wait", "follow-up", share=1.0, duration="5 d")
    row = sp.service_recovery(j).iloc[0]
    assert row["follow_up_days"] == pytest.approx(4 + 5)
    assert row["follow_up_in_time"]


def test_a_journey_without_complaints_has_no_recovery_rows(coffee):
    table = sp.service_recovery(coffee)
    assert table.empty
    assert {"complaint", "steps_found", "missing", "follow_up_in_time"} <= set(table.columns)


def test_attentiveness_check_lists_the_pizza_case_failures_to_fix():
    answers = {"attn-promise-kept": False, "attn-apologise": False, "attn-ask-before-substituting": False,
               "attn-greet": True}
    table = sp.attentiveness_check(answers)
    assert sorted(table.loc[table["to_fix"], "question"]) == [
        "attn-apologise", "attn-ask-before-substituting", "attn-promise-kept"]
    assert table["text_fi"].str.len().gt(0).all() and table["text_en"].str.len().gt(0).all()


def test_attentiveness_check_refuses_unknown_questions_and_non_answers():
    with pytest.raises(sp.UnknownIdError, match="attn-nope"):
        sp.attentiveness_check({"attn-nope": True})
    with pytest.raises(sp.SchemaError):
        sp.attentiveness_check({"attn-greet": "no"})
