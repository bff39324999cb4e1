"""The workbench every widget stands on: changes are checked, saved at once, undoable; panels follow it."""

import pytest

import servicepath as sp
from servicepath.widgets import LanguageSwitch, MapPanel, SaveBar, Workbench


@pytest.fixture
def bench(tmp_path):
    return Workbench(sp.load_sample("webshop"), tmp_path / "group.journey.json")


def test_every_change_is_saved_at_once_so_a_closed_tab_loses_nothing(bench):
    assert bench.change("calmer payment", lambda j: j.update_touchpoint("pay", emotion=0))
    assert sp.load(bench.path).touchpoint("pay").emotion == 0
    assert bench.version == 1 and bench.status == "✓ calmer payment"


def test_a_refused_change_leaves_the_journey_and_the_file_as_they_were(bench):
    bench.change("first", lambda j: j.update_touchpoint("pay", emotion=0))
    before = sp.dumps(bench.journey)
    duplicate = sp.Touchpoint("pay", sp.Text(en="Another payment"), "buy")
    assert not bench.change("add a second pay", lambda j: j.add_touchpoint(duplicate))
    assert bench.status.startswith("✗") and "pay" in bench.status
    assert sp.dumps(bench.journey) == before and sp.dumps(sp.load(bench.path)) == before
    assert bench.version == 1


def test_a_half_done_change_is_rolled_back_whole(bench):
    def two_steps(journey):
        journey.update_touchpoint("pay", emotion=3)
        journey.remove_touchpoint("no-such-touchpoint")

    assert not bench.change("two steps", two_steps)
    assert bench.journey.touchpoint("pay").emotion == -2


def test_undo_goes_back_change_by_change_and_saves(bench):
    bench.change("one", lambda j: j.update_touchpoint("pay", emotion=0))
    bench.change("two", lambda j: j.update_touchpoint("pay", emotion=1))
    assert bench.undo() and bench.journey.touchpoint("pay").emotion == 0
    assert sp.load(bench.path).touchpoint("pay").emotion == 0
    assert bench.undo() and bench.journey.touchpoint("pay").emotion == -2
    assert not bench.undo() and bench.status == "✗ ei kumottavaa"  # the workshop's language
    bench.lang = "en"
    assert not bench.undo() and bench.status == "✗ nothing to undo"


def test_open_a_sample_works_on_a_copy_in_the_work_folder_and_carries_on_from_it(tmp_path):
    bench = Workbench.open("webshop", tmp_path / "work")
    assert bench.path == tmp_path / "work" / "webshop.journey.json" and bench.path.exists()
    bench.change("note", lambda j: j.update_touchpoint("pay", notes="queue at the till"))
    again = Workbench.open("webshop", tmp_path / "work")
    assert again.journey.touchpoint("pay").notes == "queue at the till"
    assert sp.load_sample("webshop").touchpoint("pay").notes != "queue at the till"


def test_opening_a_broken_file_in_the_save_bar_says_why(bench, tmp_path):
    broken = tmp_path / "broken.journey.json"
    broken.write_text("{nope")
    bar = SaveBar(bench)
    bar.path.value = str(broken)
    bar.load_button.click()
    assert "broken.journey.json" in bar.status.value and bar.status.value.count("✗") == 1
    assert len(bench.journey) == 20


def test_save_bar_saves_elsewhere_and_opens_it_again(bench, tmp_path):
    bar = SaveBar(bench)
    bench.change("calm", lambda j: j.update_touchpoint("pay", emotion=0))
    bar.path.value = str(tmp_path / "copy.xlsx")
    bar.save_button.click()
    assert (tmp_path / "copy.xlsx").exists() and bench.path == tmp_path / "copy.xlsx"
    bench.change("anxious", lambda j: j.update_touchpoint("pay", emotion=-3))
    bar.undo_button.click()
    bar.load_button.click()
    assert bench.journey.touchpoint("pay").emotion == 0


def test_language_switch_relabels_every_panel_on_the_bench(bench):
    switch, bar, panel = LanguageSwitch(bench), SaveBar(bench), MapPanel(bench, dpi=30)
    picture_fi = panel.image.value
    switch.value = "en"
    assert bench.lang == "en" and bar.save_button.description == "Save"
    assert dict(panel.picture.options)["Journey map"] == "map"
    assert panel.image.value != picture_fi  # redrawn with English words
    bench.lang = "fi"
    assert switch.value == "fi" and bar.save_button.description == "Tallenna"


def test_map_panel_redraws_after_a_change_and_shows_other_pictures(bench):
    panel = MapPanel(bench, dpi=30)
    first = panel.image.value
    assert first[:4] == b"\x89PNG"
    bench.change("more pain", lambda j: j.update_touchpoint("cart", critical=True))
    assert panel.image.value != first
    panel.picture.value = "emotion"
    assert panel.image.value[:4] == b"\x89PNG" and panel.image.value != first


def test_map_panel_says_why_when_there_is_nothing_to_draw(tmp_path):
    bench = Workbench(sp.Journey(sp.Text(fi="Tyhjä")), tmp_path / "empty.journey.json")
    panel = MapPanel(bench, dpi=30)
    assert "no touchpoints" in panel.message.value and panel.image.value == b""


def test_unknown_language_is_refused(bench):
    with pytest.raises(Exception, match="unknown language 'sv'"):
        bench.lang = "sv"


def test_two_notebooks_on_one_file_never_drop_each_others_work(tmp_path):
    # found in review: each tab saved its own copy over the other's
    first = Workbench.open("webshop", tmp_path / "work")
    second = Workbench.open("webshop", tmp_path / "work")
    pain = sp.PainPoint(sp.Text(en="Queue at checkout"), id="queue")
    assert first.change("pain", lambda j: j.update_touchpoint("pay", pain_points=(
        *j.touchpoint("pay").pain_points, pain)))
    assert second.change("calmer", lambda j: j.update_touchpoint("search", emotion=-3))
    saved = sp.load(first.path)
    assert "queue" in {p.id for p in saved.touchpoint("pay").pain_points}  # the first tab's work survived
    assert saved.touchpoint("search").emotion == -3
    assert not first.undo() and "uudempi versio" in first.status  # its history belongs to the old file


def test_undoing_a_load_goes_back_to_the_previous_file_without_writing_over_the_loaded_one(bench, tmp_path):
    other = sp.save(sp.load_sample("b2b-service"), tmp_path / "other.journey.json")
    original = bench.path
    bench.save()
    assert bench.load(other) and bench.path == other
    assert bench.undo() and bench.path == original
    assert sp.load(other).title.en.startswith("B2B")  # the loaded file still holds its own journey


def test_saving_over_another_journey_file_is_refused(bench, tmp_path):
    other = sp.save(sp.load_sample("b2b-service"), tmp_path / "other.journey.json")
    assert bench.save(other) is None and "already exists" in bench.status or "on jo olemassa" in bench.status
    assert sp.load(other).title.en.startswith("B2B")


def test_a_change_the_file_could_not_hold_is_refused_and_saving_goes_on(bench):
    assert not bench.change("huge channel", lambda j: j.update_touchpoint("pay", channel="x" * 500))
    assert bench.status.startswith("✗") and bench.journey.touchpoint("pay").channel == "web"
    assert bench.change("calm", lambda j: j.update_touchpoint("pay", emotion=0))
    assert sp.load(bench.path).touchpoint("pay").emotion == 0


def test_a_refused_save_as_keeps_the_old_file_for_autosave(bench, tmp_path):
    assert bench.save(tmp_path / "notes.txt") is None
    assert bench.path == tmp_path / "group.journey.json"
    assert bench.change("calm", lambda j: j.update_touchpoint("pay", emotion=0))
    assert sp.load(bench.path).touchpoint("pay").emotion == 0


def test_servicepath_work_moves_every_notebooks_work_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("SERVICEPATH_WORK", str(tmp_path / "elsewhere"))
    bench = Workbench.open("webshop", "work")
    assert bench.work_folder == tmp_path / "elsewhere" and bench.path.parent == tmp_path / "elsewhere"


def test_a_notebooks_files_stay_inside_its_folder(tmp_path):
    # in a Voilà app on the room's network, a participant must not write or read files elsewhere
    from servicepath.widgets import ExportPanel

    secret = sp.save(sp.load_sample("b2b-service"), tmp_path / "secret.journey.json")
    bench = Workbench.open("webshop", tmp_path / "work", lang="en")
    assert bench.save(tmp_path / "work" / ".." / "outside.journey.json") is None
    assert "outside" in bench.status and not (tmp_path / "outside.journey.json").exists()
    assert not bench.load(secret) and len(bench.journey) == 20
    panel = ExportPanel(bench, str(tmp_path / "exports"))
    assert panel.export() == [] and not (tmp_path / "exports").exists()
    assert bench.save(tmp_path / "work" / "copy.xlsx") is not None
