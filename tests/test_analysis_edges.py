"""Journeys at the edges: parts nobody reaches, steps out of order, odd input to the plan tools."""

import pytest

import servicepath as sp


def _line(*ids, goal=None, extra=()):
    """a → b → … with share 1 each, the last one final; ``extra`` adds (source, target, share) edges."""
    j = sp.Journey(sp.Text(en="line"), stages=[sp.Stage("s")])
    for i, tp in enumerate(ids):
        j.add_touchpoint(sp.Touchpoint(tp, sp.Text(en=tp), "s", entry_share=1.0 if i == 0 else 0.0,
                                       final=i == len(ids) - 1))
    for source, target in zip(ids, ids[1:], strict=False):
        j.add_transition(source, target, share=1.0)
    for source, target, share in extra:
        j.add_transition(source, target, share=share)
    j.goals.append(goal or ids[-1])
    return j


def test_removal_effect_ignores_a_loop_only_staff_use():
    j = _line("a", "b", "c")
    for tp in ("x", "y"):
        j.add_touchpoint(sp.Touchpoint(tp, sp.Text(en=tp), "s", lane="backstage"))
    j.add_transition("x", "y", share=1.0)
    j.add_transition("y", "x", share=1.0)
    effects = sp.removal_effect(j).set_index("id")
    assert effects.loc["b", "effect"] == pytest.approx(1.0) and effects.loc["x", "effect"] == 0


def test_recovery_steps_in_the_wrong_order_are_not_passed_even_with_a_loop_back():
    steps = ["complaint", "fix", "listen", "confirm", "assure", "follow"]
    j = _line("start", *steps, "repeat", extra=[("repeat", "start", 0.5)])
    tags = {"complaint": ("complaint",), "fix": ("recovery:fix",), "listen": ("recovery:listen",),
            "confirm": ("recovery:confirm",), "assure": ("recovery:assure",), "follow": ("recovery:follow-up",)}
    for tp, tag in tags.items():
        j.update_touchpoint(tp, tags=tag)
    row = sp.service_recovery(j).iloc[0]
    assert row["steps_found"] < 5
    assert "recovery:listen" in row["out_of_order"] and "recovery:fix" in row["out_of_order"]


def test_remembered_experience_leaves_out_unseen_work_and_flags_a_tie_at_payment():
    j = _line("a", "b", "c")
    j.update_touchpoint("a", emotion=1)
    j.update_touchpoint("b", emotion=-1, tags=("invoicing",))
    j.update_touchpoint("c", emotion=2)
    j.add_touchpoint(sp.Touchpoint("ops", sp.Text(en="ops"), "s", lane="backstage", emotion=-3))
    memory = sp.remembered_experience(j, ["a", "ops", "b", "c"])
    assert memory.worst == -1 and memory.worst_is_payment and "ops" not in (memory.peak_id, memory.worst_id)


def test_payment_moment_without_payment_suggests_nothing():
    moment = sp.payment_moment(_line("a", "b"))
    assert not moment.found and moment.suggestions.empty and moment.pain_points.empty


@pytest.mark.parametrize("make", [
    lambda: sp.Improvement("x", sp.Text(en="x"), score_change=None),
    lambda: sp.Improvement.from_dict({"id": "x", "title": "plain text"}),
    lambda: sp.Improvement("x", sp.Text(en="x"), impact=9),
])
def test_odd_improvements_are_schema_errors(make):
    with pytest.raises(sp.SchemaError):
        make()


def test_a_touchpoint_given_as_text_is_one_touchpoint():
    assert sp.Improvement("x", sp.Text(en="x"), "pay").touchpoints == ("pay",)


def test_apply_takes_improvements_as_stored_in_the_file():
    j = _line("a", "b")
    j.update_touchpoint("a", emotion=0)
    after = sp.apply(j, [{"id": "x", "title": {"en": "x"}, "touchpoints": ["a"], "emotion_change": 2}])
    assert after.touchpoint("a").emotion == 2 and j.touchpoint("a").emotion == 0


def test_votes_must_be_whole_numbers_of_dots():
    j = _line("a", "b")
    with pytest.raises(sp.SchemaError):
        sp.cast_votes(j, "Aino", {"a": True}, options=["a", "b"])
    with pytest.raises(sp.SchemaError):
        sp.cast_votes(j, None, {"a": 1}, options=["a", "b"])
    j.votes.append({"participant": "Eero", "option": "a", "dots": "2"})  # as a hand-edited file might say
    with pytest.raises(sp.SchemaError, match=r"votes\[0\]"):
        sp.vote_results(j)


def test_weights_and_counts_are_checked():
    j = sp.load_sample("webshop")
    with pytest.raises(sp.SchemaError):
        sp.score_journey(j, critical_weight=float("nan"))
    with pytest.raises(sp.SchemaError):
        sp.pain_points(j, critical_boost=-1)
    with pytest.raises(sp.SchemaError):
        sp.weakest(j, -1)
    with pytest.raises(sp.SchemaError):
        sp.score_from_answers("A", None)


def test_compare_reports_stage_and_journey_scores():
    j = sp.load_sample("webshop")
    fix = sp.Improvement("easy-pay", sp.Text(en="Fewer steps"), ("pay",), score_change={"A": 2})
    diff = sp.compare(j, sp.apply(j, [fix])).set_index(["measure", "id"])
    assert diff.loc[("A", "stage buy"), "change"] > 0 and diff.loc[("A", "stage use"), "change"] == 0
    assert diff.loc[("arvo_index", "journey"), "change"] > 0


def test_answers_are_kept_on_touchpoints_through_every_format(tmp_path):
    j = sp.load_sample("webshop")
    sp.record_answers(j, "pay", {"attn-promise-kept": False, "V-next-step": True, "V-keep-in-touch": None})
    sp.record_answers(j, "pay", {"V-next-step": False}, rater="Eero")
    for name in ("j.journey.json", "j.yaml", "j.xlsx", "tables"):
        again = sp.load(sp.save(j, tmp_path / name, touch=False))
        assert sp.dumps(again) == sp.dumps(j), name
    assert sp.answers_for(again, "pay", rater="") == {
        "attn-promise-kept": False, "V-next-step": True, "V-keep-in-touch": None}
    table = sp.attentiveness_check(sp.answers_for(again, "pay"))
    assert table.loc[table["to_fix"], "question"].tolist() == ["attn-promise-kept"]
    # one yes (the group) and one no (Eero) for V: level round(4 × 1/2) = 2
    assert sp.scores_from_answers(again).to_dict("records") == [
        {"touchpoint": "pay", "principle": "V", "answered": 2, "yes": 1, "level": 2}]


def test_answers_leave_and_move_with_their_touchpoint_and_unknown_questions_are_refused():
    j = sp.load_sample("webshop")
    sp.record_answers(j, "pay", {"attn-greet": True})
    j.rename_touchpoint("pay", "payment")
    assert sp.answers_for(j, "payment") == {"attn-greet": True}
    j.remove_touchpoint("payment")
    assert j.answers == []
    with pytest.raises(sp.UnknownIdError, match="no-such-question"):
        sp.record_answers(j, "cart", {"no-such-question": True})
