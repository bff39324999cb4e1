"""``servicepath fitness``: rounds, imports, reports and exports from the command line, and every way to get it
wrong ending in one line on stderr and exit status 2."""

import subprocess
import sys

import openpyxl
import pytest

from servicepath.cli import main
from servicepath.io.fitness_store import FitnessStore


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Run in an empty folder, so the default database is ./servicepath.db."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(["fitness", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def answers_workbook(path, values=(4, 4, 4)):
    """Three people of team Kassa answering one item per area, plus two customer interviews."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "vastaukset"
    sheet.append(["henkilö", "tiimi", "K1", "S1", "E1", "K1 huomio"])
    for person, value in zip(("Aino", "Eero", "Helmi"), values, strict=True):
        sheet.append([person, "Kassa", value, value, value, f"muistiinpano {person}"])
    interviews = workbook.create_sheet("haastattelut")
    interviews.append(["tiimi", "sai", "palaa", "suosittelee", "suosittelee miksi"])
    interviews.append(["Kassa", "kyllä", "kyllä", 10, "nopea"])
    interviews.append(["Kassa", "osittain", "ei", 6, "jono"])
    workbook.save(path)
    return path


def assert_one_error(status, err, *says):
    assert status == 2
    assert err.startswith("servicepath: error: ") and "Traceback" not in err
    for text in says:
        assert text in err


def test_a_whole_round_from_the_command_line(folder, capsys):
    status, out, _ = run(capsys, "new-round", "2026-Q4", "--opened", "2026-11-23")
    assert status == 0 and "2026-Q4" in out and (folder / "servicepath.db").exists()
    status, out, _ = run(capsys, "team", "Kassa", "--target", "very-best", "--covers", "pay", "Kassa-tiimi")
    assert status == 0 and "very-best" in out and "pay, Kassa-tiimi" in out
    status, out, _ = run(capsys, "answer", str(answers_workbook(folder / "kierros.xlsx")))
    assert status == 0 and "9 answers of 3 people and 2 customer interviews" in out
    assert "round 2026-Q4" in out

    status, out, _ = run(capsys, "report", "--team", "Kassa")
    assert status == 0
    assert "Asiakaskunto: Kassa" in out and "ERINOMAINEN" in out and "IHAN PARAS" in out and "+0 " not in out
    assert "Aino" not in out  # nobody chose to share their own answers

    status, out, _ = run(capsys, "report", "--lang", "en", "--to", "report")
    assert status == 0 and "EXCELLENT" in out and "wrote 5 files to report:" in out
    assert sorted(p.name for p in (folder / "report").iterdir()) == [
        "fitness-radar.png", "fitness-report.md", "fitness-report.xlsx", "fitness-results.csv", "fitness-trend.png"]
    assert "EXCELLENT" in (folder / "report" / "fitness-report.md").read_text()

    status, out, _ = run(capsys, "export", "round.csv")
    assert status == 0 and (folder / "round.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    status, out, _ = run(capsys, "erase", "Aino", "--yes")
    assert status == 0 and "4 rows removed" in out  # 3 answers and the person
    with FitnessStore(folder / "servicepath.db") as store:
        assert "Aino" not in set(store.answers()["person"]) and len(store.erasures()) == 1


def test_another_database_and_a_named_round(tmp_path, capsys):
    db = str(tmp_path / "työpaja" / "kunto.db")
    (tmp_path / "työpaja").mkdir()
    assert run(capsys, "new-round", "--db", db, "--opened", "2026-02-01")[0] == 0
    assert run(capsys, "new-round", "--db", db, "kevät")[0] == 0
    path = answers_workbook(tmp_path / "a.xlsx")
    status, out, _ = run(capsys, "answer", str(path), "--db", db, "--round", "2026-02-01")
    assert status == 0 and "into round 2026-02-01" in out
    assert run(capsys, "export", str(tmp_path / "r.xlsx"), "--db", db, "--round", "2026-02-01")[0] == 0
    assert len(list(openpyxl.load_workbook(tmp_path / "r.xlsx")["answers"].values)) == 1 + 9


@pytest.mark.parametrize("command", [["report"], ["answer", "x.csv"], ["export", "x.csv"], ["erase", "Aino", "--yes"]])
def test_a_missing_database_is_never_created_quietly(folder, capsys, command):
    status, out, err = run(capsys, *command)
    assert_one_error(status, err, "no database at servicepath.db (start with `servicepath fitness new-round`)")
    assert not (folder / "servicepath.db").exists() and out == ""


def test_bad_rows_are_each_named_and_nothing_is_imported(folder, capsys):
    run(capsys, "new-round")
    (folder / "answers.csv").write_text("person;item;value\nAino;K1;6\nEero;X1;4\n;S1;4\nHelmi;E1;4\n")
    status, out, err = run(capsys, "answer", "answers.csv")
    assert_one_error(status, err, "answers.csv: 3 bad rows, nothing was imported",
                     "answers.csv, line 2, column value: 6 is not an agreement",
                     "answers.csv, line 3, column item: 'X1' is not a fitness item",
                     "answers.csv, line 4, column person: empty person")
    with FitnessStore(folder / "servicepath.db") as store:
        assert store.history().empty and store.people().empty


@pytest.mark.parametrize(("argv", "says"), [
    (["erase", "Aino"], "add --yes to confirm"),
    (["erase", "Nobody", "--yes"], "no person 'Nobody'"),
    (["new-round", "first"], "a round called 'first' exists already"),
    (["new-round", "--opened", "2026-13-45"], "'2026-13-45' is not a date (expected YYYY-MM-DD)"),
    (["report", "--team", "Nobody"], "no team 'Nobody'"),
    (["report", "--min-people", "0"], "--min-people 0: give a whole number 1 or more"),
    (["answer", "missing.xlsx"], "missing.xlsx: no such file"),
    (["answer", "notes.txt"], "answers are read from .xlsx or .csv files"),
    (["export", "round.json"], "a round is written as .xlsx or .csv"),
    (["export", "x.csv", "--round", "1999"], "no round '1999'"),
    (["team", " "], "is not a team name"),
])
def test_each_error_is_one_line_on_stderr_and_exit_2(folder, capsys, argv, says):
    run(capsys, "new-round", "first")
    (folder / "notes.txt").write_text("hello")
    status, _, err = run(capsys, *argv)
    assert_one_error(status, err, says)
    assert err.count("\n") == 1


def test_files_that_exist_are_kept_without_force(folder, capsys):
    run(capsys, "new-round")
    run(capsys, "answer", str(answers_workbook(folder / "a.xlsx")))
    (folder / "round.xlsx").write_text("oma")
    assert_one_error(*run(capsys, "export", "round.xlsx")[::2], "round.xlsx already exists")
    assert (folder / "round.xlsx").read_text() == "oma"
    assert run(capsys, "export", "round.xlsx", "--force")[0] == 0
    (folder / "out").mkdir()
    (folder / "out" / "fitness-trend.png").write_text("oma")
    status, out, err = run(capsys, "report", "--to", "out")
    assert_one_error(status, err, "fitness-trend.png already exists")
    assert out == "" and sorted(p.name for p in (folder / "out").iterdir()) == ["fitness-trend.png"]
    assert run(capsys, "report", "--to", "out", "--force")[0] == 0


def test_a_file_that_is_not_a_database(folder, capsys):
    (folder / "servicepath.db").write_text("person;item;value\n")
    assert_one_error(*run(capsys, "report")[::2], "not a SQLite database")


def test_argument_mistakes_exit_2_with_usage(folder, capsys):
    with pytest.raises(SystemExit) as info:
        main(["fitness", "team", "Kassa", "--target", "best"])
    assert info.value.code == 2 and "invalid choice: 'best'" in capsys.readouterr().err


def test_the_installed_command_prints_no_traceback(tmp_path):
    (tmp_path / "bad.csv").write_text("person;item;value\nAino;K1;9\n")
    subprocess.run([sys.executable, "-m", "servicepath", "fitness", "new-round"], cwd=tmp_path, check=True,
                   capture_output=True)
    done = subprocess.run([sys.executable, "-m", "servicepath", "fitness", "answer", "bad.csv"], cwd=tmp_path,
                          capture_output=True, text=True)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("servicepath: error: bad.csv: 1 bad row, nothing was imported")


@pytest.mark.parametrize("name", ["answers.csv", "answers.xlsx"])
def test_a_folder_given_as_the_answers_file_is_called_a_folder_of_answers(folder, capsys, name):
    run(capsys, "new-round", "first")
    (folder / name).mkdir()
    status, _, err = run(capsys, "answer", name)
    assert_one_error(status, err, f"{name}: is a folder", "answers")
    assert "journey" not in err
