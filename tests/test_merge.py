"""Merging the workshop groups' journeys: a hand-made case of three groups whose every number is known."""

import pytest

import servicepath as sp
from servicepath.analysis.merge import group_agreement, match_touchpoints, merge_groups, merge_journeys
from servicepath.errors import SchemaError

T = sp.Text


def _base(menu_arvo=None, card_arvo=None, card_id="card", card_name=T(fi="Korttimaksu", en="Card payment"),
          card_emotion=None, card_pains=(), receipt_arvo=None):
    """Three touchpoints (menu → card → receipt) in three stages, with the scores a group gave."""
    j = sp.Journey(T(fi="Kahvila", en="Café"),
                   stages=[sp.Stage("order"), sp.Stage("pay"), sp.Stage("after")])
    j.add_touchpoint(sp.Touchpoint("menu", T(fi="Ruokalista", en="Menu"), "order", entry_share=1.0,
                                   arvo=sp.Arvo(**(menu_arvo or {}))))
    j.add_touchpoint(sp.Touchpoint(card_id, card_name, "pay", arvo=sp.Arvo(**(card_arvo or {})),
                                   emotion=card_emotion, pain_points=card_pains))
    j.add_touchpoint(sp.Touchpoint("receipt", T(fi="Kuitti", en="Receipt"), "after", lane="evidence", final=True,
                                   arvo=sp.Arvo(**(receipt_arvo or {}))))
    return j


def _vote(journey, participant, dots):
    journey.votes.extend({"participant": participant, "option": o, "dots": n} for o, n in dots.items())


@pytest.fixture
def groups():
    # group 1: its own scores, two raters on the receipt (their median 2 is the group's score)
    one = _base({"A": 2}, {"A": 1, "R": 2, "V": 2}, card_emotion=-2,
                card_pains=(sp.PainPoint(T(fi="Jono"), severity=4, frequency=3, id="queue"),))
    one.ratings.extend([sp.Rating("Aino", "receipt", "O", 1), sp.Rating("Eero", "receipt", "O", 3)])
    one.add_transition("menu", "card", share=0.8)
    one.add_transition("card", "receipt", share=0.95)
    sp.add_improvement(one, sp.Improvement("fast", T(en="Faster payment"), ("card",), pain_points=("queue",)))
    _vote(one, "Aino", {"fast": 2})

    # group 2: a touchpoint of its own, the same pain point in other words' case, the same improvement title
    two = _base({"A": 4}, {"A": 3, "R": 2, "V": 4}, card_emotion=-1, receipt_arvo={"O": 4},
                card_pains=(sp.PainPoint(T(fi="jono ", en="Queue"), severity=2, frequency=3, id="jono"),
                            sp.PainPoint(T(fi="Kallis", en="Expensive"), severity=3, frequency=2, id="price")))
    two.add_touchpoint(sp.Touchpoint("queue-app", T(fi="Jonosovellus", en="Queue app"), "order"))
    two.add_transition("menu", "card", share=0.9)
    two.add_transition("menu", "queue-app", share=0.1)
    two.add_transition("card", "receipt", share=0.85)
    sp.add_improvement(two, sp.Improvement("speed", T(fi="Nopeampi maksu", en="  faster PAYMENT"), ("card",)))
    _vote(two, "Pekka", {"speed": 1, "jono": 1})
    _vote(two, "Liisa", {"speed": 1})

    # group 3: the card under another id (same name, other case and spaces), "Queue app" in another stage,
    # an improvement that happens to reuse group 1's id for another idea
    three = _base({"A": 3}, {"A": 1, "R": 3}, card_id="payment", card_name=T(fi="  KORTTIMAKSU "),
                  card_pains=(sp.PainPoint(T(en="queue"), severity=5, frequency=1),))
    three.add_touchpoint(sp.Touchpoint("app", T(en="Queue app"), "after"))
    three.add_transition("menu", "payment", share=0.7)
    three.add_transition("payment", "receipt", share=0.9)
    sp.add_improvement(three, sp.Improvement("fast", T(en="Tip jar"), ("payment",)))
    _vote(three, "Aino", {"fast": 3})
    return {"group-1": one, "group-2": two, "group-3": three}


def test_touchpoints_match_by_id_and_by_name_in_the_same_stage(groups):
    table = match_touchpoints(groups)
    rows = {(r.group, r.group_touchpoint): (r.touchpoint, r.matched_by) for r in table.itertuples()}
    assert rows[("group-2", "card")] == ("card", "id")
    assert rows[("group-3", "payment")] == ("card", "name")  # "  KORTTIMAKSU " in stage pay = "Korttimaksu"
    assert rows[("group-2", "queue-app")] == ("queue-app", "id")
    assert rows[("group-3", "app")] == ("app", "id")  # the same name in another stage is another touchpoint
    assert list(table.columns) == ["touchpoint", "group", "group_touchpoint", "matched_by"]
    assert table.groupby("touchpoint").size().to_dict() == {"menu": 3, "card": 3, "receipt": 3, "queue-app": 1,
                                                            "app": 1}


def test_a_group_never_puts_two_touchpoints_into_one():
    one = _base()
    two = _base()
    two.add_touchpoint(sp.Touchpoint("card-2", T(fi="Korttimaksu"), "pay"))  # the same name as its own "card"
    table = match_touchpoints({"a": one, "b": two})
    assert table[table["group"] == "b"].set_index("group_touchpoint")["touchpoint"].to_dict() == {
        "menu": "menu", "card": "card", "card-2": "card-2", "receipt": "receipt"}


def test_scores_are_the_median_across_groups_with_the_spread(groups):
    table = group_agreement(groups).set_index(["touchpoint", "principle"])
    expected = {  # (groups, median, low, high, spread, agree)
        ("menu", "A"): (3, 3.0, 2.0, 4.0, 2.0, False),
        ("card", "A"): (3, 1.0, 1.0, 3.0, 2.0, False),
        ("card", "R"): (3, 2.0, 2.0, 3.0, 1.0, True),
        ("card", "V"): (2, 3.0, 2.0, 4.0, 2.0, False),      # an even number of groups: the median of 2 and 4
        ("receipt", "O"): (2, 3.0, 2.0, 4.0, 2.0, False),   # group 1's raters 1 and 3 → its score 2
    }
    assert len(table) == len(expected)
    for key, values in expected.items():
        row = table.loc[key]
        assert (row["groups"], row["median"], row["low"], row["high"], row["spread"], row["agree"]) == values, key
    assert table.loc[("card", "V"), "scores"] == "group-1 2, group-2 4"
    spreads = group_agreement(groups)["spread"].tolist()
    assert spreads == sorted(spreads, reverse=True)  # the biggest disagreement first


def test_the_merged_journey_scores_with_the_ordinary_scoring(groups):
    merged = merge_journeys(groups)
    scores = sp.effective_scores(merged)
    assert scores.loc["card", ["A", "R", "V"]].tolist() == [1.0, 2.0, 3.0]
    assert scores.loc["receipt", "O"] == 3.0
    assert {r.rater for r in merged.ratings} == {"group-1", "group-2", "group-3"}
    summary = sp.rating_summary(merged).set_index(["touchpoint", "principle"])
    assert summary.loc[("card", "V"), "range"] == 2 and bool(summary.loc[("card", "V"), "disagree"])
    assert merged.touchpoint("card").arvo == sp.Arvo(A=1, R=2, V=3)


def test_touchpoints_stages_emotions_and_shares(groups):
    merged = merge_journeys(groups)
    assert sorted(merged.graph) == ["app", "card", "menu", "queue-app", "receipt"]
    card = merged.touchpoint("card")
    assert card.name == T(fi="Korttimaksu", en="Card payment")  # the first group's name
    assert card.emotion == -1.5                                  # median of −2 and −1; group 3 recorded none
    assert merged.stage_ids == ["order", "pay", "after"]
    assert merged.transition("menu", "card").share == 0.8        # median of 0.8, 0.9, 0.7
    assert merged.transition("card", "receipt").share == 0.9     # median of 0.95, 0.85, 0.9
    assert merged.transition("menu", "queue-app").share == 0.1
    assert merged.touchpoint("menu").entry_share == 1


def test_pain_points_are_pooled_once_per_text_noting_the_groups(groups):
    result = merge_groups(groups)
    pains = result.pain_points.set_index("id")
    assert pains.loc["queue", "groups"] == 3 and pains.loc["queue", "group_ids"] == "group-1, group-2, group-3"
    assert (pains.loc["queue", "severity"], pains.loc["queue", "frequency"]) == (4, 3)  # medians of 4,2,5 and 3,3,1
    assert pains.loc["price", "groups"] == 1
    card = result.journey.touchpoint("card")
    assert [p.id for p in card.pain_points] == ["queue", "price"]
    assert "”Jono”: 3/3 ryhmää (group-1, group-2, group-3)" in card.notes


def test_improvements_are_pooled_by_title_and_their_dots_add_up(groups):
    result = merge_groups(groups)
    plan = result.improvements.set_index("id")
    assert plan.loc["fast", "groups"] == 2 and plan.loc["fast", "dots"] == 4 and plan.loc["fast", "voters"] == 3
    assert plan.loc["fast-2", "title_en"] == "Tip jar" and plan.loc["fast-2", "dots"] == 3
    assert result.improvements["id"].tolist() == ["fast", "fast-2"]  # most dots first
    votes = sp.vote_results(result.journey).set_index("option")["dots"].to_dict()
    assert votes == {"fast": 4, "fast-2": 3, "queue": 1}  # group 2's vote on its pain point "jono" → "queue"
    fast = next(i for i in sp.improvements(result.journey) if i.id == "fast")
    assert fast.touchpoints == ("card",) and fast.pain_points == ("queue",)


def test_the_merged_journey_validates_and_round_trips(groups):
    merged = merge_journeys(groups)
    assert [p for p in sp.validate(merged) if p.level == "error"] == []
    text = sp.dumps(merged)
    again = sp.loads(text)
    assert sp.dumps(again) == text
    assert sp.effective_scores(again).equals(sp.effective_scores(merged))


def test_medians_of_different_splits_never_send_more_than_everyone_on():
    one, two, three = _base(), _base(), _base()
    for j in (one, two, three):
        j.add_touchpoint(sp.Touchpoint("web", T(en="Web shop"), "pay"))
    one.add_transition("menu", "card", share=0.9)
    two.add_transition("menu", "card", share=0.8)
    three.add_transition("menu", "web", share=0.95)
    one.add_transition("menu", "web", share=0.1)
    merged = merge_journeys({"a": one, "b": two, "c": three})
    shares = merged.transitions.set_index("target")["share"]
    assert shares.sum() == pytest.approx(1.0)   # medians 0.85 and 0.525 scaled down together
    assert shares["card"] / shares["web"] == pytest.approx(0.85 / 0.525)
    assert [p for p in sp.validate(merged) if p.level == "error"] == []


def test_entry_shares_sum_to_one_and_new_stages_keep_their_place():
    one, two = _base(), _base()
    two.add_stage(sp.Stage("wait", T(en="Waiting")), position=1)
    two.add_touchpoint(sp.Touchpoint("door", T(en="Door"), "wait", entry_share=0.5))
    two.update_touchpoint("menu", entry_share=0.5)
    merged = merge_journeys({"a": one, "b": two})
    assert merged.stage_ids == ["order", "wait", "pay", "after"]
    entries = merged.touchpoints.set_index("id")["entry_share"]
    assert entries[entries > 0].to_dict() == {"menu": pytest.approx(0.75 / 1.25), "door": pytest.approx(0.5 / 1.25)}
    assert [p for p in sp.validate(merged) if p.level == "error"] == []


def test_one_group_merges_to_its_own_journey(webshop):
    merged = merge_journeys({"group-1": webshop})
    scores = [sp.effective_scores(j)[["A", "R", "V", "O"]].sort_index() for j in (merged, webshop)]
    assert scores[0].equals(scores[1])
    assert sp.vote_results(merged)["dots"].tolist() == sp.vote_results(webshop)["dots"].tolist()
    assert merged.touchpoint("pay").notes == webshop.touchpoint("pay").notes


def test_nothing_to_merge_is_a_clear_error(webshop):
    with pytest.raises(SchemaError, match="no groups' journeys"):
        merge_journeys({})
    with pytest.raises(SchemaError, match="not a Journey"):
        merge_journeys({"group-1": "webshop.journey.json"})
