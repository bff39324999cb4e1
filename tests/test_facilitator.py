"""The facilitator's view of a workshop session, the group notebooks, and the facilitator notebook run by nbval."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import servicepath as sp
from servicepath.analysis.merge import merge_groups
from servicepath.errors import SaveError
from servicepath.io.kits import find_kit, kit_journey
from servicepath.io.session import Session
from servicepath.widgets import (
    AgendaTimer,
    FacilitatorView,
    GroupComparison,
    GroupProgress,
    MergedResult,
    Workbench,
    demo_session,
)
from servicepath.widgets.group_notebook import group_notebook, write_group_notebooks

ROOT = Path(__file__).resolve().parents[1]


class Clock:
    """A clock the test moves on by hand: no sleeping, no timing."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def kit():
    return find_kit("arvo-scoring")


@pytest.fixture
def demo(tmp_path):
    session = demo_session(tmp_path / "demo")
    yield session
    session.close()


@pytest.fixture
def plain(tmp_path):
    session = Session.create(tmp_path / "plain", kit="payment-moment", groups=2, journey=sp.load_sample("webshop"))
    yield session
    session.close()


# -- the timer ----------------------------------------------------------------------------------------
def test_timer_counts_down_the_step_and_pauses(kit):
    clock = Clock()
    timer = AgendaTimer(kit, lang="en", clock=clock)
    first = kit.agenda[0]
    assert timer.current == first and timer.time_text == f"{first.minutes:02d}:00" and not timer.running
    assert first.title.get("en") in timer.heading.value and first.what.get("en") in timer.what.value
    timer.start_button.click()
    clock.now += 65
    timer.update()
    assert timer.left == first.minutes * 60 - 65
    timer.pause_button.click()
    clock.now += 600                       # paused: the time left stays
    timer.update()
    assert timer.left == first.minutes * 60 - 65 and "paused" in timer.face.value
    timer.start_button.click()
    clock.now += 5
    timer.update()
    assert timer.left == first.minutes * 60 - 70 and "running" in timer.face.value


def test_timer_goes_over_time_in_red_and_steps_start_afresh(kit):
    clock = Clock()
    timer = AgendaTimer(kit, lang="fi", clock=clock)
    steps = []
    timer.on_step(steps.append)
    timer.start()
    clock.now += kit.agenda[0].minutes * 60 + 75
    timer.update()
    assert timer.left == -75 and timer.time_text == "+01:15" and "yli ajan" in timer.face.value
    timer.next_button.click()
    assert timer.current == kit.agenda[1] and timer.left == kit.agenda[1].minutes * 60 and timer.running
    assert steps == [kit.agenda[1]]
    timer.previous_button.click()
    assert timer.step == 0 and not timer.previous() and timer.previous_button.disabled
    timer.step = len(kit.agenda) - 1
    assert not timer.next() and timer.next_button.disabled


def test_timer_speaks_both_languages_and_the_ticker_lives_in_the_browser(kit):
    threads = threading.active_count()
    timer = AgendaTimer(kit, lang="fi", clock=Clock())
    assert timer.start_button.description == "Käynnistä" and kit.agenda[0].title.get("fi") in timer.heading.value
    timer.lang = "en"
    assert timer.start_button.description == "Start" and kit.agenda[0].title.get("en") in timer.heading.value
    timer.start()
    assert timer.ticker.playing          # the browser's Play widget calls update() every second
    timer.ticker.value += 1              # … as a tick from the browser would
    timer.pause()
    assert not timer.ticker.playing and threading.active_count() == threads  # no thread left behind


# -- progress -----------------------------------------------------------------------------------------
def test_progress_refreshes_after_a_save_in_the_session(plain):
    progress = GroupProgress(plain, lang="en")
    before = progress.table.set_index("group")
    assert before.loc["group-1", "version"] == 0 and "not yet" in progress.view.value
    journey, version = plain.load("group-1")
    journey.add_touchpoint(sp.Touchpoint("sms", sp.Text(en="Text message"), "buy", lane="frontstage",
                                         pain_points=(sp.PainPoint(sp.Text(en="<b>late</b>")),)))
    plain.save("group-1", journey, version=version)
    progress.refresh_button.click()
    after = progress.table.set_index("group")
    assert after.loc["group-1", "version"] == 1 and after.loc["group-2", "version"] == 0
    assert after.loc["group-1", "touchpoints"] == before.loc["group-1", "touchpoints"] + 1
    assert after.loc["group-1", "pain_points"] == before.loc["group-1", "pain_points"] + 1
    assert after.loc["group-1", "scored"] < before.loc["group-1", "scored"]  # the new touchpoint is unscored
    progress.lang = "fi"
    assert "Tallennuksia" in progress.view.value and "ei vielä" in progress.view.value


# -- side by side -------------------------------------------------------------------------------------
def test_comparison_draws_one_picture_per_group(demo):
    comparison = GroupComparison(demo, lang="en", picture="map", dpi=20)
    maps = {group: bytes(image.value) for group, image in comparison.images.items()}
    assert list(maps) == demo.groups() and all(png[:4] == b"\x89PNG" for png in maps.values())
    assert len(comparison.grid.children) == 3
    comparison.picture_switch.value = "heatmap"
    heatmaps = {group: bytes(image.value) for group, image in comparison.images.items()}
    assert comparison.picture == "heatmap" and all(heatmaps[g] != maps[g] for g in maps)
    assert len(set(heatmaps.values())) == 3  # the groups made different changes
    journey, version = demo.load("group-2")
    journey.update_touchpoint("pay", arvo=sp.Arvo(A=4, R=4, V=4, O=4))
    demo.save("group-2", journey, version=version)
    comparison.refresh_button.click()
    redrawn = {group: bytes(image.value) for group, image in comparison.images.items()}
    assert redrawn["group-2"] != heatmaps["group-2"] and redrawn["group-1"] == heatmaps["group-1"]


def test_comparison_shows_where_groups_disagree_and_escapes_names(plain):
    for group, score in (("group-1", 0), ("group-2", 4)):
        journey, version = plain.load(group)
        journey.update_touchpoint("pay", name=sp.Text(en="<i>Pay</i>"), arvo=sp.Arvo(A=score))
        plain.save(group, journey, version=version)
    comparison = GroupComparison(plain, lang="en", picture="heatmap", dpi=20)
    table = comparison.result.agreement
    row = table.iloc[0]
    assert (row["touchpoint"], row["principle"], row["spread"], row["agree"]) == ("pay", "A", 4.0, False)
    assert "&lt;i&gt;Pay&lt;/i&gt;" in comparison.agreement.value and "<i>Pay" not in comparison.agreement.value
    assert "disagree" in comparison.agreement.value and "#FCE4D6" in comparison.agreement.value


# -- merged result ------------------------------------------------------------------------------------
def test_merged_result_pools_and_exports_into_the_session_folder(demo):
    merged = MergedResult(demo, lang="en", dpi=20)
    result = merged.result
    assert bytes(merged.image.value)[:4] == b"\x89PNG"
    pains = result.pain_points.set_index("id")
    assert pains.loc["demo-next-step", "groups"] == 2           # two groups wrote the same pain point
    assert "The customer does not know what happens next" in merged.pain_points.value
    assert result.improvements.set_index("id").loc["demo-0", "groups"] == 2
    assert "reminder" in set(result.matches.loc[result.matches["matched_by"] == "name", "touchpoint"])
    exported = []
    merged.on_export(exported.append)
    merged.export_button.click()
    folder = demo.folder / "merged"
    written = exported[0]
    assert folder / "merged.journey.json" in written and (folder / "index.html") in written
    assert all(path.exists() and folder in path.parents for path in written)  # CSV tables are a folder
    again = sp.load(folder / "merged.journey.json")
    assert [p for p in sp.validate(again) if p.level == "error"] == []
    assert len(again) == len(result.journey)


def test_merged_result_refuses_a_folder_outside_the_session(demo):
    merged = MergedResult(demo, lang="fi", dpi=20)
    for name in ("../elsewhere", "/tmp/x", "", ".."):
        assert merged.export(name) == []
        assert "✗" in merged.status.value
    assert not (demo.folder.parent / "elsewhere").exists()


def test_merged_result_sees_the_latest_saves(demo):
    merged = MergedResult(demo, lang="en", dpi=20)
    journey, version = demo.load("group-2")
    journey.update_touchpoint("pay", pain_points=(sp.PainPoint(sp.Text(en="<script>x</script>")),))
    demo.save("group-2", journey, version=version)
    merged.refresh_button.click()
    assert "&lt;script&gt;" in merged.pain_points.value and "<script>" not in merged.pain_points.value


# -- all together and the demonstration session -------------------------------------------------------
def test_facilitator_view_switches_every_part_and_remembers_the_step(plain, kit):
    demo = plain
    view = FacilitatorView(demo, kit, lang="fi", dpi=20, clock=Clock())
    assert len(view.tabs.children) == 5 and view.tabs.titles[4] == "Yhdistetty tulos"
    view.language.value = "en"
    assert {view.timer.lang, view.progress.lang, view.maps.lang, view.heatmaps.lang, view.merged.lang} == {"en"}
    assert view.tabs.titles[0] == "Agenda and timer" and kit.title.get("en") in view.title.value
    view.timer.next()
    view.timer.next()
    assert demo.meta()["agenda_step"] == kit.agenda[2].id
    again = FacilitatorView(demo, kit, lang="en", dpi=20, clock=Clock())
    assert again.timer.step == 2


def test_demo_session_is_deterministic_and_its_groups_differ(tmp_path):
    one, two = demo_session(tmp_path / "one"), demo_session(tmp_path / "two")
    first, second = merge_groups(one.journeys()), merge_groups(two.journeys())
    assert first.agreement.equals(second.agreement)
    assert first.improvements.equals(second.improvements)
    assert not first.agreement["agree"].all() and first.agreement["agree"].any()
    scores = [sp.effective_scores(j).loc[:, ["A", "R"]] for j in one.journeys().values()]
    assert not scores[0].equals(scores[1]) and not scores[1].equals(scores[2])
    assert [p for p in sp.validate(first.journey) if p.level == "error"] == []
    versions = [one.version(g) for g in one.groups()]
    assert [demo_session(tmp_path / "one").version(g) for g in one.groups()] == versions  # opened, not remade


# -- group notebooks ----------------------------------------------------------------------------------
def _code_cells(notebook):
    return ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.mark.parametrize(("kit_id", "present", "absent"), [
    ("payment-moment", ["JourneyEditor", "PainPointBoard", "DotVote", "ImprovementPlanner"],
     ["ArvoScorer", "AftercareCheckup", "Fitness"]),
    ("aftercare-checkup", ["JourneyEditor", "AftercareCheckup", "DotVote"], ["ArvoScorer", "PainPointBoard"]),
    ("arvo-scoring", ["JourneyEditor", "ArvoScorer", "DotVote", "ImprovementPlanner"], ["PainPointBoard"]),
    ("customer-fitness", ["FitnessQuestionnaire", "FitnessResults", "servicepath.db"],
     ["JourneyEditor", "ArvoScorer", "DotVote"]),
])
def test_group_notebooks_show_the_widgets_of_their_kit(tmp_path, kit_id, present, absent):
    kit = find_kit(kit_id)
    notebook = group_notebook(tmp_path, "group-3", kit)
    code = _code_cells(notebook)
    assert code[0].splitlines()[1:] == [f'SESSION = "{tmp_path.resolve()}"', 'GROUP = "group-3"',
                                        'LANG = "fi"  # "fi" tai/or "en"']
    assert "Workbench.in_session(SESSION, GROUP, lang=LANG)" in code[1] and code[-1] == "MapPanel(bench)"
    text = "\n".join(code)
    assert all(name in text for name in present) and not any(name in text for name in absent)
    intro = "".join(notebook["cells"][0]["source"])
    assert "group-3" in intro and kit.goal.get("fi")[:30] in intro and kit.goal.get("en")[:30] in intro
    assert all(step.title.get("fi") in intro and step.title.get("en") in intro for step in kit.agenda)
    assert all(not cell.get("outputs") and cell.get("execution_count") is None for cell in notebook["cells"])
    assert notebook["nbformat"] == 4 and len({cell["id"] for cell in notebook["cells"]}) == len(notebook["cells"])


def test_group_notebooks_are_written_once_per_group(plain):
    kit = find_kit("payment-moment")
    paths = write_group_notebooks(plain, kit)
    assert [p.name for p in paths] == ["group-1.ipynb", "group-2.ipynb"]
    assert json.loads(paths[1].read_text(encoding="utf-8")) == group_notebook(plain.folder, "group-2", kit)
    with pytest.raises(SaveError, match="group-1.ipynb"):
        write_group_notebooks(plain, kit)
    assert write_group_notebooks(plain, kit, force=True) == paths


def test_the_fitness_kit_gets_its_database_in_the_session_folder(tmp_path):
    kit = find_kit("customer-fitness")
    with Session.create(tmp_path / "s", kit=kit.id, groups=2, journey=kit_journey(kit)) as session:
        write_group_notebooks(session, kit)
        with sp.FitnessStore(session.folder / "servicepath.db") as store:
            assert sorted(store.teams()["team"]) == ["group-1", "group-2"] and len(store.rounds()) == 1


def _nbval(notebook: Path, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
               "--nbval-current-env", str(notebook)]
    return subprocess.run(command, cwd=cwd, env={**os.environ, **env}, capture_output=True, text=True, timeout=900)


def test_a_group_notebook_runs_headless_on_its_session(tmp_path):
    kit = find_kit("arvo-scoring")
    with Session.create(tmp_path / "session", kit=kit.id, groups=2, journey=kit_journey(kit)) as session:
        paths = write_group_notebooks(session, kit)
        run = _nbval(paths[1], {"SERVICEPATH_WORK": str(tmp_path / "work")}, tmp_path)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
        # the notebook's workbench saves into the session, as a group's widgets do
        bench = Workbench.in_session(session, "group-2", lang="en")
        assert bench.change("calmer payment", lambda j: j.update_touchpoint("pay", emotion=0))
        assert session.version("group-2") == 1


def test_nbval_runs_the_facilitator_notebook_on_a_session_made_by_the_test(tmp_path):
    session = demo_session(tmp_path / "session", kit_id="payment-moment")
    versions = [session.version(g) for g in session.groups()]
    session.close()
    run = _nbval(ROOT / "notebooks" / "08_facilitator.ipynb",
                 {"SERVICEPATH_SESSION": str(tmp_path / "session"), "SERVICEPATH_WORK": str(tmp_path / "work")},
                 ROOT)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert " passed" in run.stdout
    with Session(tmp_path / "session") as again:
        assert [again.version(g) for g in again.groups()] == versions  # the facilitator only reads the groups' work
    assert not (tmp_path / "work" / "demo-session").exists()          # the given session was used, no demo made


# -- found in review ----------------------------------------------------------------------------------------------
def test_the_merged_result_is_never_exported_into_a_groups_own_folder(plain):
    # session/group-1 is where group 1's notebook writes its own exports: the merged bundle must not replace them
    own = plain.folder / "group-1"
    own.mkdir()
    merged = MergedResult(plain, lang="en", dpi=20)
    assert merged.export("group-1") == []
    assert "group-1" in merged.status.value and "✗" in merged.status.value
    assert list(own.iterdir()) == []
