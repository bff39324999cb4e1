"""Journey analysis: reach, drop-out, the most likely paths, goal probability and removal effect.

Every expected number below is worked out by hand in a comment next to it, from
the model servicepath uses: customers start at touchpoints by ``entry_share``,
follow each transition with its ``share`` and leave the journey with what is
left over (completed at a ``final`` touchpoint, a drop-out elsewhere). The
samples are also checked against a simulation of 100,000 customers.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

import servicepath as sp
from servicepath import ServicepathError, ValidationError


def build(entries: dict[str, float], edges: list[tuple[str, str, float]], *, final=(), goals=(), more=()) -> sp.Journey:
    """A journey from entry shares and ``(source, target, share)`` edges; every id gets a touchpoint."""
    ids = list(dict.fromkeys([*entries, *(n for s, t, _ in edges for n in (s, t)), *final, *more]))
    journey = sp.Journey(sp.Text(en="Test"), stages=[sp.Stage("s")], goals=goals)
    for tp_id in ids:
        journey.add_touchpoint(sp.Touchpoint(
            tp_id, sp.Text(en=tp_id), "s", entry_share=entries.get(tp_id, 0.0), final=tp_id in final,
        ))
    for source, target, share in edges:
        journey.add_transition(source, target, share=share)
    return journey


def table(journey: sp.Journey):
    return sp.reach(journey).set_index("id")


@pytest.fixture
def looped():
    """a (entry 1.0) → b 0.9; b → c 0.8; c → b 0.3 (back), c → d 0.6; d final.

    Leave shares: a 0.1, b 0.2, c 0.1, d 1.0.
    """
    return build({"a": 1.0}, [("a", "b", 0.9), ("b", "c", 0.8), ("c", "b", 0.3), ("c", "d", 0.6)], final=["d"])


# -- reach and drop-out ---------------------------------------------------------------------------

def test_reach_columns_and_order(looped):
    result = sp.reach(looped)
    assert tuple(result.columns) == sp.REACH_COLUMNS
    assert list(result["id"]) == ["a", "b", "c", "d"]
    assert list(result["stage"]) == ["s"] * 4


def test_loop_visits_are_a_geometric_series(looped):
    t = table(looped)
    # One round b → c → b keeps 0.8 * 0.3 = 0.24 of the customers at b, so
    # visits_b = 0.9 * (1 + 0.24 + 0.24² + ...) = 0.9 / (1 - 0.24) = 0.9 / 0.76 = 1.184210...
    visits_b = 0.9 / 0.76
    # Every visit to b sends 0.8 on to c: visits_c = 0.8 * 0.9 / 0.76 = 0.72 / 0.76 = 0.947368...
    visits_c = 0.8 * visits_b
    # d is reached from c with 0.6: visits_d = 0.6 * 0.72 / 0.76 = 0.432 / 0.76 = 0.568421...
    visits_d = 0.6 * visits_c
    assert t.loc["a", "visits"] == pytest.approx(1.0)
    assert t.loc["b", "visits"] == pytest.approx(1.1842105263157894)
    assert t.loc["b", "visits"] == pytest.approx(visits_b)
    assert t.loc["c", "visits"] == pytest.approx(0.9473684210526315)
    assert t.loc["c", "visits"] == pytest.approx(visits_c)
    assert t.loc["d", "visits"] == pytest.approx(visits_d)
    # Reach counts a customer once: b is reached by the 0.9 who leave a towards it, c by 0.9 * 0.8 = 0.72
    # of them (the loop only brings back customers who were at c already), d (never looped) = its visits.
    assert t.loc["a", "reach"] == pytest.approx(1.0)
    assert t.loc["b", "reach"] == pytest.approx(0.9)
    assert t.loc["c", "reach"] == pytest.approx(0.72)
    assert t.loc["d", "reach"] == pytest.approx(0.432 / 0.76)
    assert (t["visits"] >= t["reach"] - 1e-12).all()


def test_loop_leaving_completed_and_dropped_out(looped):
    t = table(looped)
    # leave shares: a 1 - 0.9 = 0.1, b 1 - 0.8 = 0.2, c 1 - 0.3 - 0.6 = 0.1, d (no way on) 1.
    assert list(t["leave_share"]) == pytest.approx([0.1, 0.2, 0.1, 1.0])
    # leaving = visits × leave share:
    #   a 1 × 0.1 = 0.1;  b 0.9/0.76 × 0.2 = 0.18/0.76 = 0.236842;  c 0.72/0.76 × 0.1 = 0.072/0.76 = 0.094737;
    #   d 0.432/0.76 × 1 = 0.568421.   Sum: 0.1 + (0.18 + 0.072 + 0.432) / 0.76 = 0.1 + 0.684 / 0.76 = 0.1 + 0.9 = 1.
    expected = {"a": 0.1, "b": 0.18 / 0.76, "c": 0.072 / 0.76, "d": 0.432 / 0.76}
    for tp_id, leaving in expected.items():
        assert t.loc[tp_id, "leaving"] == pytest.approx(leaving)
    assert t["leaving"].sum() == pytest.approx(1.0)
    # Only d is final: whoever leaves there completed, whoever leaves anywhere else dropped out.
    assert list(t["completed"]) == pytest.approx([0, 0, 0, 0.432 / 0.76])
    assert list(t["dropped_out"]) == pytest.approx([0.1, 0.18 / 0.76, 0.072 / 0.76, 0])
    assert t["dropped_out"].sum() == pytest.approx(1 - 0.432 / 0.76)  # 0.431579
    assert (t["completed"] + t["dropped_out"]).tolist() == pytest.approx(t["leaving"].tolist())


def test_two_entries_and_an_exact_drop_out_split():
    # e1 (entry 0.6) → m 0.5, → side 0.25 (e1 keeps 0.25);  e2 (entry 0.4) → m 0.5 (e2 keeps 0.5);
    # m → done 0.8 (m keeps 0.2);  side and done have no way on;  done is final.
    journey = build({"e1": 0.6, "e2": 0.4},
                    [("e1", "m", 0.5), ("e1", "side", 0.25), ("e2", "m", 0.5), ("m", "done", 0.8)], final=["done"])
    t = table(journey)
    # reach: e1 0.6, e2 0.4, m 0.6 × 0.5 + 0.4 × 0.5 = 0.3 + 0.2 = 0.5, side 0.6 × 0.25 = 0.15, done 0.5 × 0.8 = 0.4.
    assert t.loc[["e1", "e2", "m", "side", "done"], "reach"].tolist() == pytest.approx([0.6, 0.4, 0.5, 0.15, 0.4])
    # drop-outs: e1 0.6 × 0.25 = 0.15, e2 0.4 × 0.5 = 0.2, m 0.5 × 0.2 = 0.1, side 0.15 × 1 = 0.15: total 0.6;
    # completed: done 0.4.  0.6 + 0.4 = 1.
    assert t.loc[["e1", "e2", "m", "side", "done"], "dropped_out"].tolist() == pytest.approx([0.15, 0.2, 0.1, 0.15, 0])
    assert t["dropped_out"].sum() == pytest.approx(0.6)
    assert t["completed"].sum() == pytest.approx(0.4)
    assert t.loc["done", "completed"] == pytest.approx(0.4)
    assert t["leaving"].sum() == pytest.approx(1.0)
    assert (t["visits"] == t["reach"]).all()  # no loop: every touchpoint is visited at most once


def test_coffee_fixture_by_hand(coffee):
    t = table(coffee)
    # menu 1.0 → card 0.8 → receipt 0.8 × 0.95 = 0.76; drop-outs menu 0.2, card 0.8 × 0.05 = 0.04; completed 0.76.
    assert t["reach"].tolist() == pytest.approx([1.0, 0.8, 0.76])
    assert t["dropped_out"].tolist() == pytest.approx([0.2, 0.04, 0.0])
    assert t["completed"].tolist() == pytest.approx([0.0, 0.0, 0.76])
    assert t.loc["card", "lane"] == "customer" and t.loc["receipt", "lane"] == "evidence"
    assert sp.goal_probability(coffee) == pytest.approx(0.76)


def test_final_touchpoint_with_a_way_on_completes_only_those_who_leave_there():
    # a (entry 1) → f 0.5;  f is final but sends 0.4 on to g:  leaving f = 0.5 × 0.6 = 0.3 completed;
    # g: 0.5 × 0.4 = 0.2 dropped out; a: 0.5 dropped out.
    t = table(build({"a": 1.0}, [("a", "f", 0.5), ("f", "g", 0.4)], final=["f"]))
    assert t.loc["f", "completed"] == pytest.approx(0.3)
    assert t.loc["g", "dropped_out"] == pytest.approx(0.2)
    assert t["dropped_out"].sum() == pytest.approx(0.7)


def test_unreached_touchpoint_has_zero_reach():
    t = table(build({"a": 1.0}, [("a", "b", 0.5), ("x", "b", 0.5)]))
    # x has no entry share and nothing leads to it.
    assert t.loc["x", ["reach", "visits", "leaving"]].tolist() == [0.0, 0.0, 0.0]
    assert t.loc["b", "reach"] == pytest.approx(0.5)


def test_synthetic_journey_reach_is_a_probability_and_everyone_leaves():
    t = sp.reach(sp.synthetic_journey(200, 10))
    assert len(t) == 200
    assert t["reach"].between(0, 1 + 1e-9).all()
    assert (t["visits"] >= t["reach"] - 1e-9).all()
    assert t["leaving"].sum() == pytest.approx(1.0)
    assert (t["completed"] + t["dropped_out"]).sum() == pytest.approx(1.0)


# -- most likely paths ----------------------------------------------------------------------------

# The paths of `looped` with max_passes=2 (b and c at most twice each), probability = entry × shares × leave share:
LOOPED_PATHS = {
    ("a", "b", "c", "d"): 0.9 * 0.8 * 0.6 * 1.0,                     # 0.432
    ("a", "b"): 0.9 * 0.2,                                           # 0.18
    ("a", "b", "c", "b", "c", "d"): 0.9 * 0.8 * 0.3 * 0.8 * 0.6,     # 0.10368
    ("a",): 0.1,                                                     # 0.1
    ("a", "b", "c"): 0.9 * 0.8 * 0.1,                                # 0.072
    ("a", "b", "c", "b"): 0.9 * 0.8 * 0.3 * 0.2,                     # 0.0432
    ("a", "b", "c", "b", "c"): 0.9 * 0.8 * 0.3 * 0.8 * 0.1,          # 0.01728
}


def test_likely_paths_by_hand(looped):
    paths = sp.likely_paths(looped, k=100)
    assert all(isinstance(p, sp.Path) for p in paths)
    # k larger than the number of paths: all 7, most likely first.
    assert [p.touchpoints for p in paths] == list(LOOPED_PATHS)
    assert [p.probability for p in paths] == pytest.approx(list(LOOPED_PATHS.values()))
    best = paths[0]
    assert best.touchpoints == ("a", "b", "c", "d")
    assert best.probability == pytest.approx(0.432)  # 1.0 × 0.9 × 0.8 × 0.6 × (leave share of d) 1.0
    assert best.completed is True
    # The loop walked twice, then left at d: 0.9 × 0.8 × 0.3 × 0.8 × 0.6 = 0.10368.
    assert paths[2].probability == pytest.approx(0.10368)
    probabilities = [p.probability for p in paths]
    assert probabilities == sorted(probabilities, reverse=True)


def test_likely_paths_walk_a_loop_at_most_twice(looped):
    paths = sp.likely_paths(looped, k=100, max_passes=2)
    assert max(p.touchpoints.count("b") for p in paths) == 2
    assert all(max(p.touchpoints.count(n) for n in p.touchpoints) <= 2 for p in paths)
    # Only the third round is cut off: the 7 paths hold all but 0.9 × 0.8 × 0.3 × 0.8 × 0.3 = 0.05184,
    # so they sum to 0.94816.
    assert sum(p.probability for p in paths) == pytest.approx(1 - 0.05184)
    once = sp.likely_paths(looped, k=100, max_passes=1)
    assert [p.touchpoints for p in once] == [("a", "b", "c", "d"), ("a", "b"), ("a",), ("a", "b", "c")]
    thrice = sp.likely_paths(looped, k=100, max_passes=3)
    assert len(thrice) == 10 and max(p.touchpoints.count("c") for p in thrice) == 3


def test_likely_paths_start_at_an_entry_follow_transitions_and_end_where_customers_leave(webshop):
    leave = table(webshop)["leave_share"]
    graph = webshop.graph
    paths = sp.likely_paths(webshop, k=200)
    assert len(paths) == 200
    for path in paths:
        assert graph.nodes[path.touchpoints[0]]["entry_share"] > 0
        assert all(graph.has_edge(s, t) for s, t in zip(path.touchpoints, path.touchpoints[1:], strict=False))
        assert leave[path.touchpoints[-1]] > 0
        assert path.completed is (graph.nodes[path.touchpoints[-1]]["final"] is True)
        # probability = entry share × every share × the leave share at the end
        expected = graph.nodes[path.touchpoints[0]]["entry_share"] * leave[path.touchpoints[-1]]
        for s, t in zip(path.touchpoints, path.touchpoints[1:], strict=False):
            expected *= graph.edges[s, t]["share"]
        assert path.probability == pytest.approx(expected)
    assert any(p.completed for p in paths) and not all(p.completed for p in paths)


def test_likely_paths_k_and_totals(coffee, webshop):
    # coffee: (menu, card, receipt) 1 × 0.8 × 0.95 = 0.76; (menu) 0.2; (menu, card) 0.8 × 0.05 = 0.04 — sum 1.
    paths = sp.likely_paths(coffee, k=50)
    assert [(p.touchpoints, p.completed) for p in paths] == [
        (("menu", "card", "receipt"), True), (("menu",), False), (("menu", "card"), False)]
    assert [p.probability for p in paths] == pytest.approx([0.76, 0.2, 0.04])
    assert sum(p.probability for p in paths) == pytest.approx(1.0)
    assert [p.touchpoints for p in sp.likely_paths(coffee, k=1)] == [("menu", "card", "receipt")]
    everything = sp.likely_paths(webshop, k=1_000_000)
    assert 0 < sum(p.probability for p in everything) <= 1 + 1e-9
    assert len({p.touchpoints for p in everything}) == len(everything)
    with pytest.raises(ServicepathError, match="k is 0"):
        sp.likely_paths(coffee, k=0)


def test_no_path_ends_where_nobody_leaves():
    # a sends 0.7 + 0.2 + 0.1 = 1 (exactly, in decimals) onwards, so nobody leaves at a: there are
    # exactly three paths, (a, b) 0.7, (a, c) 0.2, (a, d) 0.1. In floating point 0.7 + 0.2 + 0.1 is
    # 0.9999999999999999; the 1.1e-16 left over must not become a fourth path "(a,) dropped out".
    journey = build({"a": 1.0}, [("a", "b", 0.7), ("a", "c", 0.2), ("a", "d", 0.1)], final=["b", "c", "d"])
    paths = sp.likely_paths(journey, k=10)
    assert [p.touchpoints for p in paths] == [("a", "b"), ("a", "c"), ("a", "d")]
    assert all(p.completed for p in paths)


# -- goal probability and removal effect ----------------------------------------------------------

@pytest.fixture
def two_routes():
    """start (entry 1) → web 0.6, → phone 0.3;  web → paid 0.5;  phone → paid 0.8;  paid final, the goal."""
    return build({"start": 1.0}, [("start", "web", 0.6), ("start", "phone", 0.3),
                                  ("web", "paid", 0.5), ("phone", "paid", 0.8)], final=["paid"], goals=["paid"])


def test_goal_probability_two_routes(two_routes):
    # 0.6 × 0.5 (web) + 0.3 × 0.8 (phone) = 0.30 + 0.24 = 0.54
    assert sp.goal_probability(two_routes) == pytest.approx(0.54)


def test_removal_effect_two_routes(two_routes):
    effects = sp.removal_effect(two_routes)
    assert list(effects.columns) == ["id", "goal_probability", "effect", "importance"]
    # Largest effect first; start and paid tie at 0.54 and keep journey order.
    assert list(effects["id"]) == ["start", "paid", "web", "phone"]
    e = effects.set_index("id")
    # Without web only phone's 0.24 is left: drop 0.30 = web's route, importance 0.30 / 0.54 = 0.5556.
    assert e.loc["web", "goal_probability"] == pytest.approx(0.24)
    assert e.loc["web", "effect"] == pytest.approx(0.30)
    assert e.loc["web", "importance"] == pytest.approx(0.30 / 0.54)
    # Without phone: 0.30 is left, drop 0.24, importance 0.24 / 0.54 = 0.4444.
    assert e.loc["phone", "goal_probability"] == pytest.approx(0.30)
    assert e.loc["phone", "effect"] == pytest.approx(0.24)
    assert e.loc["phone", "importance"] == pytest.approx(0.24 / 0.54)
    # Every success passes start and the goal itself: removing either loses all 0.54.
    for tp_id in ("start", "paid"):
        assert e.loc[tp_id, "goal_probability"] == pytest.approx(0.0)
        assert e.loc[tp_id, "effect"] == pytest.approx(0.54)
        assert e.loc[tp_id, "importance"] == pytest.approx(1.0)


def test_removal_effect_matches_really_removing_the_touchpoint(two_routes, webshop):
    for journey in (two_routes, webshop, sp.load_sample("b2b-service")):
        effects = sp.removal_effect(journey).set_index("id")
        for tp_id in journey.graph:
            broken = journey.copy()
            # A failing touchpoint loses everyone who gets there: no way on, and no longer a goal.
            broken.graph.remove_edges_from(list(broken.graph.out_edges(tp_id)))
            broken.goals[:] = [g for g in broken.goals if g != tp_id]
            expected = sp.goal_probability(broken) if broken.goals else 0.0
            assert effects.loc[tp_id, "goal_probability"] == pytest.approx(expected, abs=1e-9), tp_id


def test_removing_a_goal_loses_only_those_for_whom_it_is_the_first_goal():
    # start (entry 1) → pay 0.5, → shop2 0.2;  pay → confirmed 0.9;  confirmed → repurchase 0.3;
    # shop2 → repurchase 0.5.  Goals: confirmed and repurchase.
    journey = build({"start": 1.0}, [("start", "pay", 0.5), ("start", "shop2", 0.2), ("pay", "confirmed", 0.9),
                                     ("confirmed", "repurchase", 0.3), ("shop2", "repurchase", 0.5)],
                    final=["confirmed", "repurchase"], goals=["confirmed", "repurchase"])
    # A customer succeeds at the first goal reached: confirmed 0.5 × 0.9 = 0.45, repurchase without
    # confirming first 0.2 × 0.5 = 0.10.  Total 0.55 (repurchase after confirmed adds nothing).
    assert sp.goal_probability(journey) == pytest.approx(0.55)
    e = sp.removal_effect(journey).set_index("id")
    # confirmed fails: its 0.45 are lost, also the 0.45 × 0.3 who would have repurchased after it → 0.10 left.
    assert e.loc["confirmed", "effect"] == pytest.approx(0.45)
    assert e.loc["confirmed", "goal_probability"] == pytest.approx(0.10)
    assert e.loc["confirmed", "importance"] == pytest.approx(0.45 / 0.55)
    # repurchase fails: only those who had not confirmed before, 0.10, are lost → 0.45 left.
    assert e.loc["repurchase", "effect"] == pytest.approx(0.10)
    assert e.loc["repurchase", "goal_probability"] == pytest.approx(0.45)
    assert e.loc["pay", "effect"] == pytest.approx(0.45)
    assert e.loc["shop2", "effect"] == pytest.approx(0.10)
    assert e.loc["start", "importance"] == pytest.approx(1.0)


def test_goal_probability_and_removal_in_a_loop(looped):
    looped.goals.append("d")
    # reach of d = 0.432 / 0.76 = 0.568421 (see above); every success passes a, b, c and d.
    assert sp.goal_probability(looped) == pytest.approx(0.432 / 0.76)
    e = sp.removal_effect(looped).set_index("id")
    assert e["importance"].tolist() == pytest.approx([1.0] * 4)


def test_importance_is_between_0_and_1(webshop):
    for journey in (webshop, sp.load_sample("b2b-service"), sp.synthetic_journey(200, 10)):
        base = sp.goal_probability(journey)
        assert 0 < base <= 1
        e = sp.removal_effect(journey)
        assert len(e) == len(journey)
        assert e["importance"].between(0, 1 + 1e-9).all()
        assert e["effect"].between(-1e-12, base + 1e-9).all()
        assert e["goal_probability"].between(0, base + 1e-9).all()
        assert e["effect"].is_monotonic_decreasing


def test_a_journey_without_goals_has_no_goal_probability(coffee):
    coffee.goals.clear()
    for analysis in (sp.goal_probability, sp.removal_effect):
        with pytest.raises(ServicepathError, match="no goals"):
            analysis(coffee)
    coffee.goals.append("not-a-touchpoint")  # a goal that names no touchpoint is no goal either
    with pytest.raises(ServicepathError, match="no goals"):
        sp.goal_probability(coffee)


# -- bad input ------------------------------------------------------------------------------------

ANALYSES = (sp.reach, sp.likely_paths, sp.goal_probability, sp.removal_effect)


@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda f: f.__name__)
def test_no_entry_point(analysis):
    journey = build({}, [("a", "b", 0.5)], final=["b"], goals=["b"])
    with pytest.raises(ValidationError, match="no touchpoint has an entry_share") as caught:
        analysis(journey)
    assert caught.value.where == "touchpoints"
    assert [p.code for p in caught.value.problems] == ["no-entry"]


@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda f: f.__name__)
def test_shares_summing_over_1(analysis):
    # hub sends 0.7 + 0.5 = 1.2 of its customers on
    journey = build({"start": 1.0}, [("start", "hub", 1.0), ("hub", "b", 0.7), ("hub", "c", 0.5)],
                    final=["b", "c"], goals=["b"])
    with pytest.raises(ValidationError) as caught:
        analysis(journey)
    message = str(caught.value)
    assert "'hub'" in message and "1.2" in message and "at most 1" in message
    assert caught.value.where == "touchpoints['hub']"


@pytest.mark.parametrize("analysis", ANALYSES, ids=lambda f: f.__name__)
def test_a_loop_no_customer_can_leave(analysis):
    # a (entry 1) → b 0.5;  b → c 1.0, c → b 1.0: whoever gets to b circles for ever.
    journey = build({"a": 1.0}, [("a", "b", 0.5), ("b", "c", 1.0), ("c", "b", 1.0)], more=["goal"], goals=["goal"])
    with pytest.raises(ValidationError, match="can never leave") as caught:
        analysis(journey)
    message = str(caught.value)
    assert "b → c" in message or "c → b" in message
    assert caught.value.where in ("touchpoints['b']", "touchpoints['c']")
    assert [p.code for p in caught.value.problems] == ["trap"]


def test_a_self_loop_no_customer_can_leave():
    journey = build({"a": 1.0}, [("a", "stuck", 0.5), ("stuck", "stuck", 1.0)])
    with pytest.raises(ValidationError, match="stuck"):
        sp.reach(journey)


def test_a_closed_loop_nobody_can_enter_is_no_crash():
    # x → y 1.0, y → x 1.0 but no customer ever gets to x or y (no entry share, no way in). A sketch
    # half-drawn in a workshop looks like this. It must give either reach 0 for x and y or a
    # ServicepathError — never numpy's LinAlgError.
    journey = build({"a": 1.0}, [("a", "b", 0.5), ("x", "y", 1.0), ("y", "x", 1.0)], final=["b"])
    try:
        t = table(journey)
    except ServicepathError:
        return
    assert t.loc[["x", "y"], "reach"].tolist() == [0.0, 0.0]
    assert t.loc["b", "reach"] == pytest.approx(0.5)


def test_entry_shares_summing_over_1():
    # Two entries of 0.7 each: 1.4 customers per customer. sp.validate calls this an error
    # ("entry shares sum to 1.4; they must sum to 1"); analysing it anyway gives c a "probability" of
    # 0.7 + 0.7 = 1.4. It must be refused with a ServicepathError naming the entry shares.
    journey = build({"a": 0.7, "b": 0.7}, [("a", "c", 1.0), ("b", "c", 1.0)], final=["c"])
    assert any(p.code == "entry-share-sum" for p in sp.validate(journey))
    with pytest.raises(ServicepathError, match="entry"):
        sp.reach(journey)


def test_a_journey_that_validates_can_be_analysed():
    # Three shares of 0.3333334 sum to 1.0000002: within the 1e-6 that sp.validate allows for rounding,
    # so the journey is valid (and sp.load accepts it); analysing it must not fail on the same sum.
    journey = build({"a": 1.0}, [("a", "b", 0.3333334), ("a", "c", 0.3333334), ("a", "d", 0.3333334)],
                    final=["b", "c", "d"])
    assert [p for p in sp.validate(journey) if p.level == "error"] == []
    t = table(journey)
    assert t["leaving"].sum() == pytest.approx(1.0, abs=1e-6)


# -- simulation cross-check -----------------------------------------------------------------------

def simulate(journey: sp.Journey, customers: int, rng: np.random.Generator) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Walk ``customers`` customers through the journey; return ids, share who visited each, mean visits."""
    order = list(journey.graph)
    index = {n: i for i, n in enumerate(order)}
    size = len(order)
    width = max(1, max(d for _, d in journey.graph.out_degree()))
    # cumulative[n, j]: share of n's customers taking one of its first j + 1 transitions; inf pads the rest.
    cumulative = np.full((size, width), np.inf)
    targets = np.zeros((size, width), dtype=np.int64)
    degree = np.zeros(size, dtype=np.int64)
    for node in order:
        total = 0.0
        for j, (_, target, attrs) in enumerate(journey.graph.out_edges(node, data=True)):
            total += attrs["share"]
            cumulative[index[node], j] = total
            targets[index[node], j] = index[target]
        degree[index[node]] = journey.graph.out_degree(node)
    entry = np.cumsum([journey.graph.nodes[n]["entry_share"] for n in order])
    start = np.searchsorted(entry, rng.random(customers), side="right")  # == size: never enters
    who = np.flatnonzero(start < size)
    where = start[who]
    visited = np.zeros((customers, size), dtype=bool)
    visits = np.zeros(size)
    for _ in range(10_000):
        if who.size == 0:
            break
        visited[who, where] = True
        visits += np.bincount(where, minlength=size)
        # Transition j is taken when u falls between cumulative[j - 1] and cumulative[j]; j == degree: leave.
        choice = (rng.random(who.size)[:, None] >= cumulative[where]).sum(axis=1)
        stays = choice < degree[where]
        who, where = who[stays], targets[where[stays], choice[stays]]
    else:
        raise AssertionError("customers still walking after 10,000 steps")
    return order, visited.mean(axis=0), visits / customers


@pytest.mark.parametrize("sample", ["webshop", "b2b-service"])
def test_reach_and_visits_agree_with_a_simulation(sample):
    journey = sp.load_sample(sample)
    assert math.isclose(sum(journey.graph.nodes[n]["entry_share"] for n in journey.graph), 1.0)
    order, reached, visits = simulate(journey, 100_000, np.random.default_rng(7))
    t = table(journey).loc[order]
    assert (visits > 1e-3).sum() > 10  # the simulation got somewhere
    for tp_id, simulated_reach, simulated_visits in zip(order, reached, visits, strict=True):
        assert t.loc[tp_id, "reach"] == pytest.approx(simulated_reach, abs=0.01), tp_id
        assert t.loc[tp_id, "visits"] == pytest.approx(simulated_visits, abs=0.02), tp_id
