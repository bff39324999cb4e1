"""`servicepath events`: the lived journey and the comparison from the shell."""

import csv

import pytest
from test_lived_compare import LOG, designed

import servicepath as sp
from servicepath.cli import main


@pytest.fixture
def files(tmp_path):
    LOG.to_csv(tmp_path / "log.csv", index=False)
    sp.save(designed(), tmp_path / "designed.journey.json")
    return tmp_path


def test_lived_writes_the_journey_and_prints_the_most_frequent_paths(files, capsys):
    target = files / "lived.journey.json"
    assert main(["events", "lived", str(files / "log.csv"), "--to", str(target), "--final", "Receipt",
                 "--picture", str(files / "lived.png")]) == 0
    out = capsys.readouterr().out
    assert "27 events, 10 cases, 4 touchpoints" in out
    assert " 40.0%         4  Cart → Payment → Receipt" in out
    lived = sp.load(target)
    assert lived.transition("Cart", "Payment").volume == 6 and lived.touchpoint("Receipt").final
    assert (files / "lived.png").read_bytes()[:4] == b"\x89PNG"
    assert main(["events", "lived", str(files / "log.csv"), "--to", str(target)]) == 2  # no overwrite
    assert "already exists; add --force" in capsys.readouterr().err


def test_compare_prints_the_surprises_and_writes_them_formula_safe(files, capsys):
    mapping = files / "map.csv"
    mapping.write_text("designed,lived\nthanks,Receipt\n", encoding="utf-8")
    assert main(["events", "compare", str(files / "designed.journey.json"), str(files / "log.csv"),
                 "--mapping", str(mapping), "--to", str(files / "diff.csv"), "--picture", str(files / "over.png"),
                 "--final", "Receipt", "--top", "3"]) == 0
    out = capsys.readouterr().out
    assert "only_lived" in out and "Login" in out
    with open(files / "diff.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert rows[0]["kind"] and float(rows[0]["surprise"]) >= float(rows[-1]["surprise"])
    assert {"cart", "pay", "thanks"} <= {r["designed_id"] for r in rows}


def test_bad_event_data_is_one_line_on_stderr_and_status_2(files, capsys):
    (files / "bad.csv").write_text("case_id,activity,when\na,Cart,2026-01-01T10:00:00Z\n", encoding="utf-8")
    assert main(["events", "lived", str(files / "bad.csv"), "--to", str(files / "x.journey.json")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("servicepath: error: ") and "no timestamp column 'timestamp'" in err
    assert "Traceback" not in err and not (files / "x.journey.json").exists()
    (files / "map.csv").write_text("design,lived\n", encoding="utf-8")
    assert main(["events", "compare", str(files / "designed.journey.json"), str(files / "log.csv"),
                 "--mapping", str(files / "map.csv")]) == 2
    assert "map.csv: no column 'designed'" in capsys.readouterr().err


def test_simulate_writes_an_event_log_that_mines_back(files, capsys):
    target = files / "designed.xes.gz"
    assert main(["events", "simulate", str(files / "designed.journey.json"), "--to", str(target),
                 "--cases", "500", "--seed", "2"]) == 0
    assert "of 500 cases" in capsys.readouterr().out
    lived = sp.journey_from_events(target)
    assert lived.graph.graph["event_log"]["cases"] == 500 and "cart" in lived
    assert main(["events", "simulate", str(files / "designed.journey.json"), "--to", str(files / "x.txt")]) == 2
    assert "not an event log format this writes" in capsys.readouterr().err
