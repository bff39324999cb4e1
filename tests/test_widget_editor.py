"""The journey editor, driven as a workshop group drives it: set values, click buttons, read the file back."""

import pytest

import servicepath as sp
from servicepath.i18n import label
from servicepath.widgets import JourneyEditor, SaveBar, Workbench


@pytest.fixture
def bench(tmp_path):
    return Workbench(sp.load_sample("webshop"), tmp_path / "group.journey.json", lang="fi")


@pytest.fixture
def editor(bench):
    return JourneyEditor(bench)


def fill_touchpoint(editor, tp_id, fi, en, stage, lane="customer"):
    editor.touchpoint_picker.value = JourneyEditor.NEW
    editor.touchpoint_id.value = tp_id
    editor.touchpoint_name_fi.value, editor.touchpoint_name_en.value = fi, en
    editor.touchpoint_stage.value, editor.lane.value = stage, lane


def test_a_workshop_maps_its_journey_and_the_file_has_everything(bench, editor):
    path = bench.path
    # a new stage for comparing offers, moved before "buy"
    editor.new_stage_id.value = "compare"
    editor.new_stage_name_fi.value, editor.new_stage_name_en.value = "Vertailu", "Compare"
    editor.add_stage_button.click()
    assert bench.journey.stage_ids[-1] == "compare" and editor.stage_list.value == "compare"
    for _ in range(4):
        editor.stage_up_button.click()
    assert bench.journey.stage_ids == ["discover", "choose", "compare", "buy", "receive", "use", "after"]
    editor.stage_name_en.value = "Compare offers"
    editor.rename_stage_button.click()
    assert bench.journey.stage("compare").name.en == "Compare offers"

    # a new touchpoint there, then its emotion and lane changed
    fill_touchpoint(editor, "price-check", "Hintavertailu", "Price check", "compare")
    editor.channel.value, editor.owner.value, editor.tags.value = "web", "Marketing", "maksu, search"
    editor.critical.value = True
    editor.add_touchpoint_button.click()
    assert bench.status == "✓ uusi kosketuspiste price-check"
    assert editor.touchpoint_picker.value == "price-check"
    assert bench.journey.touchpoint("price-check").emotion is None  # "no emotion" was ticked
    editor.emotion.value = -1  # moving the slider records an emotion
    assert editor.no_emotion.value is False
    editor.lane.value = "frontstage"
    editor.save_touchpoint_button.click()
    tp = bench.journey.touchpoint("price-check")
    assert (tp.emotion, tp.lane, tp.tags, tp.critical) == (-1, "frontstage", ("payment", "search"), True)

    # customers come there from the cart
    editor.sections.selected_index = 3
    editor.transition_source.value, editor.transition_target.value = "cart", "price-check"
    editor.transition_share.value = 0.1
    editor.add_transition_button.click()
    assert bench.journey.transition("cart", "price-check").share == pytest.approx(0.1)
    assert "92 %" in editor.transition_info.value or "92%" in editor.transition_info.value

    # a second touchpoint with an id already taken is refused and changes nothing
    before, version = sp.dumps(bench.journey), bench.version
    fill_touchpoint(editor, "pay", "Toinen maksu", "Another payment", "buy")
    assert not editor.add_touchpoint()
    assert bench.status.startswith("✗") and "'pay'" in bench.status and "already" in bench.status
    assert sp.dumps(bench.journey) == before and sp.dumps(sp.load(path)) == before
    assert bench.version == version
    assert "✗" in editor.status.value  # said next to the buttons, not as a traceback

    # a share that takes the cart's outgoing shares over 1 is kept but shown next to the form
    editor.transition_source.value, editor.transition_target.value = "cart", "price-check"
    editor.transition_share.value = 0.3
    editor.add_transition_button.click()
    assert "outgoing shares sum to 1.12" in editor.transition_problems.value
    assert label("level.error", "fi") in editor.transition_problems.value
    editor.touchpoint_picker.value = "cart"
    assert "outgoing shares sum to 1.12" in editor.touchpoint_problems.value
    editor.touchpoint_picker.value = "search"
    assert "outgoing shares" not in editor.touchpoint_problems.value
    editor.transition_share.value = 0.15
    editor.add_transition_button.click()
    assert "share-sum" not in {p.code for p in bench.problems()}
    assert "outgoing shares" not in editor.transition_problems.value

    # a touchpoint removed by mistake, and the undo that brings it back
    fill_touchpoint(editor, "gift-wrap", "Lahjapaketointi", "Gift wrapping", "buy", "backstage")
    editor.add_touchpoint_button.click()
    editor.remove_touchpoint_button.click()
    assert "gift-wrap" not in bench.journey and "gift-wrap" not in sp.load(path)
    assert editor.touchpoint_picker.value == JourneyEditor.NEW
    SaveBar(bench).undo_button.click()
    assert "gift-wrap" in bench.journey and "gift-wrap" in sp.load(path)
    assert "gift-wrap" in [v for _, v in editor.touchpoint_picker.options]

    # the group switches to English: every label follows
    assert editor.add_touchpoint_button.description == "Lisää"
    bench.lang = "en"
    assert editor.add_touchpoint_button.description == "Add"
    assert editor.save_touchpoint_button.description == "Save changes"
    assert editor.sections.titles == ("Journey", "Stages", "Touchpoints", "Transitions")
    assert ("Frontstage", "frontstage") in editor.lane.options
    assert editor.touchpoint_picker.options[0][0] == label("widget.editor.new_touchpoint", "en")
    assert ("Compare offers · compare", "compare") in editor.stage_list.options

    # reloaded from the file: everything the group entered is there
    saved = sp.load(path)
    assert saved.stage_ids == ["discover", "choose", "compare", "buy", "receive", "use", "after"]
    assert saved.stage("compare").name.en == "Compare offers"
    tp = saved.touchpoint("price-check")
    assert (tp.name.fi, tp.stage, tp.lane, tp.emotion, tp.channel, tp.owner) == (
        "Hintavertailu", "compare", "frontstage", -1, "web", "Marketing")
    assert saved.transition("cart", "price-check").share == pytest.approx(0.15)
    assert saved.touchpoint("gift-wrap").lane == "backstage"


def test_title_persona_and_goals_are_saved_when_changed(bench, editor):
    editor.title_fi.value = "Kahvinkeittimen ostaminen verkosta"
    editor.persona_en.value = "A student buying a first coffee maker"
    editor.goals.value = ("confirmed", "repurchase", "use")
    saved = sp.load(bench.path)
    assert saved.title.fi == "Kahvinkeittimen ostaminen verkosta"
    assert saved.persona.en == "A student buying a first coffee maker"
    assert saved.goals == ["confirmed", "repurchase", "use"]
    editor.goals.value = ("use",)
    assert sp.load(bench.path).goals == ["use"]


def test_the_form_shows_the_picked_touchpoint_and_saves_only_what_changed(bench, editor):
    editor.touchpoint_picker.value = "pay"
    assert editor.touchpoint_name_fi.value == bench.journey.touchpoint("pay").name.fi
    assert (editor.emotion.value, editor.no_emotion.value, editor.tags.value) == (-2, False, "payment")
    editor.no_emotion.value = True
    editor.touchpoint_id.value = "checkout"  # a new id renames it, keeping its transitions
    editor.save_touchpoint_button.click()
    journey = bench.journey
    assert "pay" not in journey and journey.touchpoint("checkout").emotion is None
    assert journey.graph.has_edge("cart", "checkout") and journey.touchpoint("checkout").arvo.scored()
    assert editor.touchpoint_picker.value == "checkout"
    assert not editor.save_touchpoint()  # nothing changed since: nothing to save
    assert bench.status == "✗ " + label("widget.editor.nothing_changed", "fi")


def test_an_edit_in_the_form_survives_a_change_made_elsewhere(bench, editor):
    editor.touchpoint_picker.value = "pay"
    editor.channel.value = "mobile app"
    bench.change("emotion elsewhere", lambda j: j.update_touchpoint("pay", emotion=1))
    assert editor.channel.value == "mobile app" and editor.emotion.value == 1
    editor.save_touchpoint_button.click()
    tp = bench.journey.touchpoint("pay")
    assert (tp.channel, tp.emotion) == ("mobile app", 1)


def test_updating_a_transition_keeps_its_volume_and_duration(bench, editor):
    editor.transition_list.value = ("cart", "pay")
    assert editor.transition_source.value == "cart" and editor.transition_share.value == pytest.approx(0.82)
    editor.transition_share.value = 0.75
    editor.add_transition_button.click()
    transition = sp.load(bench.path).transition("cart", "pay")
    assert transition.share == pytest.approx(0.75) and transition.volume == 4140
    assert transition.duration is not None
    editor.remove_transition_button.click()
    assert not bench.journey.graph.has_edge("cart", "pay")


def test_refusals_say_why_and_never_raise(bench, editor):
    version = bench.version
    editor.touchpoint_picker.value = JourneyEditor.NEW
    editor.touchpoint_name_en.value = "No id yet"
    assert not editor.add_touchpoint()
    assert bench.status.startswith("✗") and "id" in bench.status
    editor.touchpoint_id.value = "nameless"
    editor.touchpoint_name_en.value = ""
    assert not editor.add_touchpoint()
    assert "name" in bench.status
    assert not editor.save_touchpoint() and not editor.remove_touchpoint()
    assert bench.status == "✗ " + label("widget.editor.need.touchpoint", "fi")
    editor.new_stage_id.value = "buy"
    assert not editor.add_stage() and "already" in bench.status
    editor.transition_source.value = None
    assert not editor.add_transition() and not editor.remove_transition()
    editor.transition_source.value, editor.transition_target.value = "search", "use"
    assert not editor.remove_transition() and "no transition" in bench.status
    assert bench.version == version


def test_a_journey_with_no_stages_asks_for_a_stage_first(tmp_path):
    bench = Workbench(sp.Journey(sp.Text(en="Blank")), tmp_path / "blank.journey.json", lang="en")
    editor = JourneyEditor(bench)
    assert "the journey has no stages" in editor.stage_problems.value
    editor.touchpoint_id.value, editor.touchpoint_name_en.value = "hello", "Hello"
    assert not editor.add_touchpoint()
    assert bench.status == "✗ " + label("widget.editor.need.stage", "en")
    editor.new_stage_id.value, editor.new_stage_name_en.value = "start", "Start"
    editor.add_stage_button.click()
    assert editor.touchpoint_stage.value == "start"
    editor.entry_share.value, editor.final.value = 1.0, True
    editor.add_touchpoint_button.click()
    editor.goals.value = ("hello",)
    assert sp.validate(sp.load(bench.path)) == []
    assert "No problems here" in editor.touchpoint_problems.value


def test_moving_the_first_stage_up_does_nothing(bench, editor):
    editor.stage_list.value = "discover"
    assert editor.stage_up_button.disabled
    assert not editor.move_stage_up()
    assert editor.move_stage_down()
    assert bench.journey.stage_ids[:2] == ["choose", "discover"]
    assert editor.stage_list.value == "discover" and not editor.stage_up_button.disabled
