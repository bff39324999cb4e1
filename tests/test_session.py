"""Workshop sessions: each group's journey in one SQLite file that many kernels save to at once, losing nothing."""

import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import servicepath as sp
from servicepath.analysis.merge import merge_journeys
from servicepath.errors import ConflictError, DuplicateIdError, FileFormatError, SchemaError, UnknownIdError
from servicepath.i18n import label
from servicepath.io.session import SESSION_FILE, Session
from servicepath.widgets import ArvoScorer, JourneyEditor, SaveBar, Workbench


@pytest.fixture
def session(tmp_path):
    with Session.create(tmp_path / "session", kit="payment-moment", groups=2, journey=sp.load_sample("webshop"),
                        title="Maksamisen hetki") as made:
        yield made


def _touchpoint(tp_id: str) -> sp.Touchpoint:
    return sp.Touchpoint(tp_id, sp.Text(fi=tp_id, en=tp_id), "buy")


def _add(tp_id: str):
    return lambda journey: journey.add_touchpoint(_touchpoint(tp_id))


# -- making and opening a session --------------------------------------------------------------------------------
def test_a_folder_without_a_session_is_refused_naming_the_path(tmp_path):
    with pytest.raises(FileFormatError, match=re.escape(str(tmp_path / SESSION_FILE))) as caught:
        Session(tmp_path)
    assert "servicepath workshop new" in str(caught.value)
    with pytest.raises(FileFormatError, match="not a SQLite database"):
        (tmp_path / SESSION_FILE).write_text("not a database")
        Session(tmp_path)


def test_a_session_opens_by_folder_or_by_file_and_remembers_its_kit(session):
    for where in (session.folder, session.path, str(session.folder)):
        with Session(where) as again:
            assert again.groups() == ["group-1", "group-2"]
            assert again.meta()["kit"] == "payment-moment" and again.meta()["title"] == "Maksamisen hetki"
    session.set_meta("step", "vote")
    assert Session(session.folder).meta()["step"] == "vote" and session.meta()["settings"] == {}


def test_a_second_session_in_the_same_folder_is_refused(session):
    session.save("group-1", session.load("group-1")[0], version=0)
    with pytest.raises(DuplicateIdError, match="exists here already"):
        Session.create(session.folder, kit="aftercare", groups=3, journey=sp.load_sample("b2b-service"))
    assert session.groups() == ["group-1", "group-2"] and session.version("group-1") == 1  # untouched


@pytest.mark.parametrize(("groups", "error", "message"), [
    (["Group 1"], SchemaError, "'Group 1' is not a group id"),
    (["ok", ""], SchemaError, "'' is not a group id"),
    (["-dash-first"], SchemaError, "is not a group id"),
    (["a" * 41], SchemaError, "is not a group id"),
    (0, SchemaError, "0 groups"),
    (51, SchemaError, "51 groups"),
    (["red", "red"], DuplicateIdError, "two groups share one id"),
])
def test_bad_group_ids_are_refused_and_no_session_is_left_behind(tmp_path, groups, error, message):
    with pytest.raises(error, match=re.escape(message)):
        Session.create(tmp_path, kit="payment-moment", groups=groups, journey=sp.load_sample("webshop"))
    assert not (tmp_path / SESSION_FILE).exists()


def test_groups_can_have_their_own_ids(tmp_path):
    with Session.create(tmp_path, kit="arvo", groups=["red", "blue-2"], journey=sp.load_sample("webshop")) as made:
        assert made.groups() == ["red", "blue-2"]
        assert list(made.journeys()) == ["red", "blue-2"]


def test_an_unknown_group_is_refused_naming_the_groups_there_are(session):
    with pytest.raises(UnknownIdError, match="no group 'group-9'.*group-1, group-2"):
        session.load("group-9")
    with pytest.raises(UnknownIdError, match="no group 'group-9'"):
        session.save("group-9", sp.load_sample("webshop"), version=0)
    with pytest.raises(UnknownIdError, match="no group 'group-9'"):
        Workbench.in_session(session, "group-9")


# -- saving, versions, history -------------------------------------------------------------------------------------
def test_every_save_is_a_new_version_and_every_version_stays(session):
    journey, version = session.load("group-1")
    assert version == 0 and session.version("group-1") == 0
    journey.update_touchpoint("pay", emotion=0)
    assert session.save("group-1", journey, version=0) == 1
    journey.update_touchpoint("pay", emotion=2)
    assert session.save("group-1", journey, version=1) == 2
    assert session.load("group-1")[0].touchpoint("pay").emotion == 2
    assert session.version_journey("group-1", 1).touchpoint("pay").emotion == 0
    assert session.version_journey("group-1", 0).touchpoint("pay").emotion == -2  # as the session started
    assert session.load("group-2")[0].touchpoint("pay").emotion == -2  # the other group is its own
    history = session.history("group-1")
    assert history["version"].tolist() == [0, 1, 2] and len(session.history()) == 4
    assert session.progress().set_index("group")["version"].to_dict() == {"group-1": 2, "group-2": 0}
    with pytest.raises(UnknownIdError, match="no version 7"):
        session.version_journey("group-1", 7)
    assert session.check() == "ok"


def test_a_stale_save_is_refused_and_kept_as_a_conflict(session):
    journey, _ = session.load("group-1")
    session.save("group-1", journey, version=0)
    journey.update_touchpoint("pay", notes="made on version 0")
    with pytest.raises(ConflictError, match="after version 0") as caught:
        session.save("group-1", journey, version=0)
    assert caught.value.group == "group-1" and caught.value.conflict == 1
    conflicts = session.conflicts()
    assert conflicts[["conflict", "group", "based_on", "current"]].values.tolist() == [[1, "group-1", 0, 1]]
    assert session.conflict_journey(1).touchpoint("pay").notes == "made on version 0"
    assert session.load("group-1")[0].touchpoint("pay").notes != "made on version 0" and session.version("group-1") == 1
    with pytest.raises(UnknownIdError, match="no conflict 2"):
        session.conflict_journey(2)


def test_a_group_exports_its_journey_to_a_file(session, tmp_path):
    journey, _ = session.load("group-2")
    journey.update_touchpoint("pay", emotion=1)
    session.save("group-2", journey, version=0)
    written = session.export("group-2", tmp_path / "group-2.journey.json")
    assert sp.load(written).touchpoint("pay").emotion == 1


# -- the workbench in a session ---------------------------------------------------------------------------------
def test_a_session_workbench_saves_every_change_and_undo_in_the_session(session):
    bench = Workbench.in_session(session.folder, "group-1", lang="en")
    assert (bench.session.path, bench.group, bench.session_version, bench.path) == (session.path, "group-1", 0, None)
    assert bench.work_folder == session.folder / "group-1" and bench.root == session.folder
    assert bench.change("calmer payment", lambda j: j.update_touchpoint("pay", emotion=0))
    assert bench.change("queue noted", lambda j: j.update_touchpoint("pay", notes="queue at the till"))
    assert bench.status == "✓ queue noted" and bench.session_version == 2
    assert session.load("group-1")[0].touchpoint("pay").notes == "queue at the till"
    assert bench.undo() and session.version("group-1") == 3  # undo is a new version, not a rewrite
    undone = session.load("group-1")[0].touchpoint("pay")
    assert (undone.emotion, undone.notes) == (0, sp.load_sample("webshop").touchpoint("pay").notes)
    assert not bench.change("two pays", _add("pay")) and "pay" in bench.status
    assert session.version("group-1") == 3  # a refused change saves nothing


def test_a_change_after_someone_elses_save_is_made_on_top_of_it(session):
    first = Workbench.in_session(session, "group-1", lang="en")
    second = Workbench.in_session(Session(session.folder), "group-1", lang="en")  # another kernel
    assert first.change("pain at pay", lambda j: j.update_touchpoint("pay", notes="queue"))
    assert second.change("calmer search", lambda j: j.update_touchpoint("search", emotion=-3))
    saved, version = session.load("group-1")
    assert (saved.touchpoint("pay").notes, saved.touchpoint("search").emotion, version) == ("queue", -3, 2)
    assert not first.undo() and "newer version (2) is shown now" in first.status  # not its history to undo
    assert first.journey.touchpoint("search").emotion == -3 and first.session_version == 2


def test_two_kernels_saving_at_the_same_instant_get_the_clear_message_and_lose_nothing(session):
    first = Workbench.in_session(session, "group-1", lang="en")
    second = Workbench.in_session(Session(session.folder), "group-1", lang="fi")

    def race(journey):
        # the first kernel saves between the second's catch-up and its save
        assert first.change("payment note", lambda j: j.update_touchpoint("pay", notes="first's note"))
        journey.update_touchpoint("pay", emotion=3)

    assert not second.change("happier payment", race)
    assert second.status == "✗ " + label("session.conflict", "fi").format(group="group-1", conflict=1)
    assert all(words in second.status for words in ("ryhmä group-1", "ristiriitana 1", "ei kadonnut", "uudelleen"))
    saved = session.load("group-1")[0].touchpoint("pay")
    assert (saved.notes, saved.emotion) == ("first's note", -2)  # the first's work is there, not written over
    assert second.journey.touchpoint("pay").notes == "first's note" and second.session_version == 1
    assert session.conflicts()["conflict"].tolist() == [1]
    assert session.conflict_journey(1).touchpoint("pay").emotion == 3  # the refused change is kept
    assert not second.can_undo
    assert second.change("happier payment", lambda j: j.update_touchpoint("pay", emotion=3))  # made again: kept
    saved = session.load("group-1")[0].touchpoint("pay")
    assert (saved.notes, saved.emotion) == ("first's note", 3)
    english = label("session.conflict", "en").format(group="group-1", conflict=1)
    assert all(words in english for words in ("group group-1", "someone else saved", "conflict 1", "not lost",
                                              "newer journey is shown now", "make your change again"))


def test_save_with_a_path_exports_a_copy_and_the_work_stays_in_the_session(session):
    bench = Workbench.in_session(session, "group-2", lang="en")
    bench.change("calm", lambda j: j.update_touchpoint("pay", emotion=0))
    copy = bench.save(session.folder / "group-2" / "copy.journey.json")
    assert copy is not None and sp.load(copy).touchpoint("pay").emotion == 0
    assert bench.path is None and "copy.journey.json" in bench.status and session.version("group-2") == 1
    assert bench.save(copy) is None and "already exists" in bench.status  # a file is never replaced
    assert bench.save(session.folder / ".." / "outside.journey.json") is None and "outside" in bench.status
    bench.change("anxious", lambda j: j.update_touchpoint("pay", emotion=-3))
    assert session.load("group-2")[0].touchpoint("pay").emotion == -3 and sp.load(copy).touchpoint("pay").emotion == 0
    assert bench.save() == session.path and bench.status == "✓ saved in the session (group group-2, version 3)"


def test_opening_a_file_in_a_session_makes_it_the_groups_journey_and_undo_brings_the_old_one_back(session):
    other = sp.save(sp.load_sample("b2b-service"), session.folder / "b2b.journey.json")
    bench = Workbench.in_session(session, "group-1", lang="en")
    assert bench.load(other) and bench.path is None
    assert session.load("group-1")[0].title.en.startswith("B2B") and session.version("group-1") == 1
    assert bench.undo() and session.load("group-1")[0].title == sp.load_sample("webshop").title
    assert session.version("group-1") == 2 and sp.load(other).title.en.startswith("B2B")


def test_the_journey_editor_on_a_session_saves_into_the_session(session):
    bench = Workbench.in_session(session, "group-1")
    editor = JourneyEditor(bench)
    editor.touchpoint_picker.value = JourneyEditor.NEW
    editor.touchpoint_id.value = "price-check"
    editor.touchpoint_name_fi.value, editor.touchpoint_name_en.value = "Hintavertailu", "Price check"
    editor.touchpoint_stage.value = "buy"
    editor.add_touchpoint_button.click()
    assert bench.status == "✓ uusi kosketuspiste price-check"
    assert session.load("group-1")[0].touchpoint("price-check").name.en == "Price check"
    assert "price-check" not in session.load("group-2")[0]
    SaveBar(bench).undo_button.click()
    assert "price-check" not in session.load("group-1")[0] and session.version("group-1") == 2


def test_the_arvo_scorer_on_a_session_saves_into_the_session(session):
    bench = Workbench.in_session(session, "group-2", lang="en")
    scorer = ArvoScorer(bench)
    scorer.touchpoint.value = "pay"
    for principle, level in dict(A=2, R=1, V=3, O=1).items():
        scorer.sliders[principle].value = level
        scorer.scored[principle].value = True
    scorer.save_button.click()
    assert session.load("group-2")[0].touchpoint("pay").arvo == sp.Arvo(A=2, R=1, V=3, O=1)
    assert session.version("group-2") == 1 and session.version("group-1") == 0


# -- many kernels at once -----------------------------------------------------------------------------------------
# One process = one kernel: it opens its group's workbench and adds touchpoints, one change (one save) each.
DRIVER = textwrap.dedent("""
    import json, sys, time
    from pathlib import Path
    import servicepath as sp
    from servicepath.widgets.workbench import Workbench
    folder, group, who, changes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    go, out = Path(sys.argv[5]), Path(sys.argv[6])
    bench = Workbench.in_session(folder, group, lang="en")
    while not go.exists():
        time.sleep(0.005)
    results = []
    for n in range(changes):
        tp_id = f"t-{who}-{n}"
        tp = sp.Touchpoint(tp_id, sp.Text(en=tp_id), "buy")
        kept = bench.change(f"add {tp_id}", lambda j: j.add_touchpoint(tp))
        results.append([tp_id, kept, bench.status])
    out.write_text(json.dumps(results))
""")


def _drive(folder: Path, kernels: list[tuple[str, str]], changes: int) -> dict[str, list]:
    """Run one process per (group, who) at once; return each one's [touchpoint id, kept, status] per change."""
    go = folder / "go"
    processes = {who: subprocess.Popen([sys.executable, "-c", DRIVER, str(folder), group, who, str(changes),
                                        str(go), str(folder / f"{who}.json")], stderr=subprocess.PIPE, text=True)
                 for group, who in kernels}
    go.touch()
    for process in processes.values():
        _, err = process.communicate(timeout=240)
        assert process.returncode == 0, err
    return {who: json.loads((folder / f"{who}.json").read_text()) for who in processes}


def _added(journey: sp.Journey) -> set[str]:
    return {tp.id for tp in journey if tp.id.startswith("t-")}


def test_four_groups_in_four_processes_at_once_lose_nothing(tmp_path):
    groups = [f"group-{n}" for n in range(1, 5)]
    Session.create(tmp_path, kit="arvo-scoring", groups=4, journey=sp.load_sample("webshop")).close()
    results = _drive(tmp_path, [(group, group) for group in groups], 100)
    with Session(tmp_path) as after:
        journeys = after.journeys()
        for group in groups:
            assert all(kept and status == f"✓ add {tp_id}" for tp_id, kept, status in results[group])
            assert _added(journeys[group]) == {f"t-{group}-{n}" for n in range(100)}  # every single change
            assert after.version(group) == 100
            assert after.history(group)["version"].tolist() == list(range(101))
        assert after.conflicts().empty and after.check() == "ok"
    merged = merge_journeys(journeys)  # then collect: one journey from the four groups
    assert _added(merged) == {f"t-{group}-{n}" for group in groups for n in range(100)}
    assert {tp.id for tp in sp.load_sample("webshop")} <= {tp.id for tp in merged}  # matched, not repeated
    assert len(merged) == len(sp.load_sample("webshop")) + 400


def test_two_processes_on_one_group_lose_nothing_and_are_told_of_every_conflict(tmp_path):
    Session.create(tmp_path, kit="arvo-scoring", groups=1, journey=sp.load_sample("webshop")).close()
    results = _drive(tmp_path, [("group-1", "a"), ("group-1", "b")], 50)
    with Session(tmp_path) as after:
        final, version = after.load("group-1")
        conflicts = after.conflicts()
        refused = [(tp_id, status) for rows in results.values() for tp_id, kept, status in rows if not kept]
        kept = {tp_id for rows in results.values() for tp_id, was_kept, _ in rows if was_kept}
        assert _added(final) == kept and version == len(kept)  # each kept change is one version, on top of the rest
        assert len(conflicts) == len(refused) and len(kept) + len(refused) == 100
        for tp_id, status in refused:  # nothing lost: each refused change is kept as the conflict it names
            number = int(re.search(r"conflict (\d+)", status)[1])
            assert status == "✗ " + label("session.conflict", "en").format(group="group-1", conflict=number)
            assert tp_id in after.conflict_journey(number)
        assert after.check() == "ok"


# -- found in review ----------------------------------------------------------------------------------------------
def test_a_session_folder_that_is_a_file_is_refused_with_our_error(tmp_path):
    file = tmp_path / "notes.txt"
    file.write_text("not a folder")
    with pytest.raises(sp.ServicepathError, match="notes.txt"):
        Session.create(file, kit="payment-moment", groups=2, journey=sp.load_sample("webshop"))
    assert file.read_text() == "not a folder"


def test_a_damaged_session_file_is_our_error_naming_it_not_a_traceback(tmp_path):
    folder = tmp_path / "session"
    Session.create(folder, kit="payment-moment", groups=3, journey=sp.load_sample("webshop")).close()
    path = folder / SESSION_FILE
    data = bytearray(path.read_bytes())
    for page in range(8192, len(data), 4096):  # the first pages (header, schema) stay: it still opens
        data[page + 200:page + 500] = b"\xff" * 300
    path.write_bytes(bytes(data))
    with Session(folder) as damaged, pytest.raises(FileFormatError, match=re.escape(str(path))):
        damaged.journeys()


def test_the_starting_journeys_dots_are_not_given_to_every_group(tmp_path):
    # The webshop sample holds example dot votes; copied into every group they would count once per group.
    journey = sp.load_sample("webshop")
    assert journey.votes
    with Session.create(tmp_path / "s", kit="payment-moment", groups=4, journey=journey) as session:
        assert all(not j.votes for j in session.journeys().values())
        assert merge_journeys(session.journeys()).votes == []
    assert journey.votes  # the caller's journey is not changed


def test_opening_a_file_after_another_tab_saved_is_not_refused_as_a_conflict(session, tmp_path):
    file = sp.save(sp.load_sample("b2b-service"), session.folder / "other.journey.json")
    tab_one = Workbench.in_session(session, "group-1", lang="en")
    tab_two = Workbench.in_session(session, "group-1", lang="en")
    assert tab_one.change("calm payment", lambda j: j.update_touchpoint("pay", emotion=1))
    assert tab_two.load(file), tab_two.status
    assert session.conflicts().empty
    assert session.load("group-1")[0].title == sp.load_sample("b2b-service").title
    assert tab_two.undo(), tab_two.status  # back to the journey as tab one left it, not tab two's stale copy
    assert session.load("group-1")[0].touchpoint("pay").emotion == 1
