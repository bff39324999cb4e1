"""The customer-fitness database: append-only history, erasure, migrations, bad files, concurrent saves."""

import sqlite3
import subprocess
import sys
import textwrap

import pytest

import servicepath as sp
from servicepath.errors import DuplicateIdError, FileFormatError, SchemaError, SchemaVersionError, UnknownIdError
from servicepath.io import fitness_store
from servicepath.io.fitness_store import FitnessStore
from servicepath.model.fitness import FITNESS_ITEMS, FitnessAnswer, Interview


@pytest.fixture
def store(tmp_path):
    with FitnessStore(tmp_path / "servicepath.db") as opened:
        opened.add_team("Asiakaspalvelu", target="excellent")
        opened.add_person("Aino", team="Asiakaspalvelu")
        opened.new_round("2026-11", opened="2026-11-01")
        yield opened


def test_a_correction_is_a_new_row_and_the_old_one_stays(store):
    store.save_answers("Aino", [FitnessAnswer("K1", 2, "en tiennyt")])
    store.save_answers("Aino", [FitnessAnswer("K1", 4, "kysyin kollegalta")])
    latest = store.answers(person="Aino")
    assert latest[["item", "value", "note"]].values.tolist() == [["K1", 4, "kysyin kollegalta"]]
    history = store.history(person="Aino")
    assert history["value"].tolist() == [2, 4]
    assert history["note"].tolist() == ["en tiennyt", "kysyin kollegalta"]


def test_the_database_itself_refuses_to_change_or_delete_answers(store):
    store.save_answers("Aino", [FitnessAnswer("K1", 2)])
    store.save_interview(Interview(got="yes"), team="Asiakaspalvelu")
    raw = sqlite3.connect(store.path)
    for sql in ("UPDATE answers SET value = 5", "DELETE FROM answers",
                "UPDATE interviews SET got = 'no'", "DELETE FROM interviews"):
        with pytest.raises(sqlite3.DatabaseError, match="append-only|are kept"):
            raw.execute(sql)
    raw.close()
    assert store.history()["value"].tolist() == [2]


def test_answers_keep_the_team_the_person_was_in_when_answering(store):
    store.save_answers("Aino", [FitnessAnswer("K1", 3)])
    store.new_round("2027-02", opened="2027-02-01")
    store.add_person("Aino", team="Verkkokauppatiimi")
    store.save_answers("Aino", [FitnessAnswer("K1", 5)])
    answers = store.answers()
    assert answers[["round", "team", "value"]].values.tolist() == [
        ["2026-11", "Asiakaspalvelu", 3], ["2027-02", "Verkkokauppatiimi", 5]]
    assert store.latest_round() == "2027-02"


def test_saves_go_to_the_latest_round_unless_one_is_named(store):
    store.new_round("2027-02", opened="2027-02-01")
    store.save_answers("Aino", [FitnessAnswer("K1", 3)])
    store.save_answers("Aino", [FitnessAnswer("K2", 4)], round="2026-11")
    assert store.answers()[["round", "item"]].values.tolist() == [["2026-11", "K2"], ["2027-02", "K1"]]
    assert store.rounds()[["round", "people", "answers"]].values.tolist() == [["2026-11", 1, 1], ["2027-02", 1, 1]]


def test_a_batch_is_saved_whole_or_not_at_all(store):
    good = ("Eero", "Logistiikka", FitnessAnswer("K1", 4))
    with pytest.raises(SchemaError):
        store.save_batch([good, ("Eero", "Logistiikka", "not an answer")])
    assert store.history().empty and "Eero" not in set(store.people()["person"])
    assert store.save_batch([good], [("Logistiikka", Interview(recommend=9))]) == 1
    assert store.answers()["team"].tolist() == ["Logistiikka"]
    assert store.interviews()["recommend"].tolist() == [9]


def test_unknown_names_and_duplicates_are_errors_that_name_them(store):
    with pytest.raises(UnknownIdError, match="no person 'Nobody'"):
        store.save_answers("Nobody", [FitnessAnswer("K1", 3)])
    with pytest.raises(UnknownIdError, match="no round '1999'"):
        store.save_answers("Aino", [FitnessAnswer("K1", 3)], round="1999")
    with pytest.raises(UnknownIdError, match="no team 'Ghosts'"):
        store.report(team="Ghosts")
    with pytest.raises(DuplicateIdError, match="a round called '2026-11' exists"):
        store.new_round("2026-11")
    with pytest.raises(SchemaError, match="'great' is not a fitness level"):
        store.add_team("Asiakaspalvelu", target="great")
    with pytest.raises(SchemaError, match="not a date"):
        store.new_round("next", opened="31.2.2027")
    with pytest.raises(SchemaError, match="not a person name"):
        store.add_person("  ")
    assert store.history().empty


def test_no_round_yet_says_how_to_start_one(tmp_path):
    with FitnessStore(tmp_path / "empty.db") as empty:
        empty.add_person("Aino")
        with pytest.raises(UnknownIdError, match="no assessment round yet.*new-round"):
            empty.save_answers("Aino", [FitnessAnswer("K1", 3)])


def test_team_settings_and_consent_are_kept(store):
    store.add_team("Asiakaspalvelu", covers=["pay", "Varasto"])
    store.add_person("Aino", shares_answers=True, role="myyjä")
    teams = store.teams().set_index("team")
    assert teams.loc["Asiakaspalvelu", "target"] == "excellent"  # covers did not reset the target
    assert teams.loc["Asiakaspalvelu", "covers"] == ["pay", "Varasto"]
    assert store.covers() == {"Asiakaspalvelu": ["pay", "Varasto"]}
    assert store.people()[["person", "team", "role", "shares_answers"]].values.tolist() == [
        ["Aino", "Asiakaspalvelu", "myyjä", True]]


def test_erasing_a_person_removes_every_row_about_them_and_logs_no_name(store):
    name = "Zyxwvu Erasable"
    store.add_person(name, team="Asiakaspalvelu")
    store.save_answers(name, [FitnessAnswer("K1", 3, "muistiinpano Qwxyz")])
    store.save_answers(name, [FitnessAnswer("K1", 4)])
    store.save_interview(Interview(got="no", got_why="jono"), team="Asiakaspalvelu", asked_by=name)
    store.save_answers("Aino", [FitnessAnswer("K1", 5)])

    assert store.erase_person(name) == 4  # two answers, one interview, the person
    assert name not in set(store.people()["person"])
    assert store.history()["person"].tolist() == ["Aino"]
    assert store.interviews().empty
    log = store.erasures()
    assert log["rows_removed"].tolist() == [4] and list(log.columns) == ["erased_at", "rows_removed"]
    # Not in the file either: deleted pages are overwritten and the log is checkpointed.
    for path in store.path.parent.glob("servicepath.db*"):
        data = path.read_bytes()
        assert name.encode() not in data and b"Qwxyz" not in data, path.name
    assert store.check() == "ok"
    with pytest.raises(UnknownIdError):
        store.erase_person(name)


def test_a_file_that_is_not_a_fitness_database_is_refused_untouched(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("kokouksen muistiinpanot")
    with pytest.raises(FileFormatError, match="notes.db: not a SQLite database"):
        FitnessStore(text)
    assert text.read_text() == "kokouksen muistiinpanot"

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as raw:
        raw.execute("CREATE TABLE customers (id INTEGER)")
    with pytest.raises(FileFormatError, match="not a servicepath customer-fitness database"):
        FitnessStore(other)

    with pytest.raises(FileFormatError, match="is a folder"):
        FitnessStore(tmp_path)


def test_a_database_from_a_newer_servicepath_is_refused(tmp_path):
    path = tmp_path / "future.db"
    FitnessStore(path).close()
    with sqlite3.connect(path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(SchemaVersionError, match="schema version 99.*update servicepath"):
        FitnessStore(path)


def test_opening_an_older_database_applies_the_missing_migrations_and_keeps_data(tmp_path, monkeypatch):
    path = tmp_path / "old.db"
    with FitnessStore(path) as old:
        old.add_person("Aino")
        old.new_round("R1")
        old.save_answers("Aino", [FitnessAnswer("K1", 3)])
        assert old.schema_version == len(fitness_store.MIGRATIONS)
    newer = [*fitness_store.MIGRATIONS, ("ALTER TABLE people ADD COLUMN email TEXT NOT NULL DEFAULT ''",)]
    monkeypatch.setattr(fitness_store, "MIGRATIONS", newer)
    with FitnessStore(path) as upgraded:
        assert upgraded.schema_version == len(newer)
        assert upgraded.answers()["value"].tolist() == [3]
        columns = [row[1] for row in upgraded._rows("PRAGMA table_info(people)")]
        assert "email" in columns


def test_the_database_runs_in_wal_mode(store):
    assert store._rows("PRAGMA journal_mode")[0][0] == "wal"


# Eight processes each save 200 answers, one transaction per answer, all at once.
WRITER = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from servicepath.io.fitness_store import FitnessStore
    from servicepath.model.fitness import FITNESS_ITEMS, FitnessAnswer
    path, person, go = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    store = FitnessStore(path)
    while not go.exists():
        time.sleep(0.005)
    for n in range(200):
        item = FITNESS_ITEMS[n % len(FITNESS_ITEMS)].id
        store.save_answers(person, [FitnessAnswer(item, n % 5 + 1, f"{person} {n}")])
    store.close()
""")


def test_eight_processes_saving_at_once_lose_nothing_and_corrupt_nothing(tmp_path):
    path, go = tmp_path / "servicepath.db", tmp_path / "go"
    with FitnessStore(path) as setup:
        setup.new_round("R1")
        for p in range(8):
            setup.add_person(f"P{p}", team=f"T{p % 2}")
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"P{p}", str(go)],
                                stderr=subprocess.PIPE, text=True) for p in range(8)]
    go.touch()
    for writer in writers:
        _, err = writer.communicate(timeout=240)
        assert writer.returncode == 0, err
    with FitnessStore(path) as after:
        history = after.history()
        assert len(history) == 8 * 200
        assert history.groupby("person").size().to_dict() == {f"P{p}": 200 for p in range(8)}
        for p in range(8):  # every single save is there, with its own note
            notes = set(history.loc[history["person"] == f"P{p}", "note"])
            assert notes == {f"P{p} {n}" for n in range(200)}
        assert len(after.answers()) == 8 * len(FITNESS_ITEMS)
        assert after.check() == "ok"


def test_the_sample_organisation_fills_an_empty_store(tmp_path):
    with FitnessStore(tmp_path / "sample.db") as sample:
        sp.fill_fitness_sample(sample)
        assert sample.teams()["people"].tolist() == [6, 2, 4]  # by name: Asiakaspalvelu, Logistiikka, Verkko…
        assert len(sample.rounds()) == 3
        hidden = sample.report(team="Logistiikka")
        assert not hidden.shown and hidden.latest["respondents"] == 2
        shown = sample.report(team="Asiakaspalvelu")
        assert shown.shown and shown.latest["target"] == "excellent"
        assert shown.interviews["interviews"].tolist() == [8, 8, 8]


def test_asking_for_an_unknown_round_team_or_person_is_an_error_not_an_empty_table(store):
    with pytest.raises(UnknownIdError, match="no round '1999'"):
        store.answers(round="1999")
    with pytest.raises(UnknownIdError, match="no team 'Ghosts'"):
        store.history(team="Ghosts")
    with pytest.raises(UnknownIdError, match="no person 'Nobody'"):
        store.answers(person="Nobody")
    assert store.answers(person="Aino").empty  # known, just no answers yet
