"""The servicepath command: new, validate, show, convert."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

import servicepath as sp
from servicepath.cli import main


def test_new_writes_a_valid_journey_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "oma.journey.json"
    assert main(["new", str(path), "--title", "Kahvila"]) == 0
    journey = sp.load(path)
    assert journey.title.fi == "Kahvila" and sp.validate(journey) == []
    assert main(["new", str(path)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert main(["new", str(path), "--force"]) == 0


def test_validate_reports_every_problem_and_exits_2(tmp_path, capsys):
    journey = sp.load_sample("webshop")
    journey.graph.nodes["pay"]["stage"] = "nowhere"
    journey.goals.append("no-such-touchpoint")
    path = tmp_path / "broken.journey.json"
    path.write_text(sp.dumps(journey))
    assert main(["validate", str(path)]) == 2
    err = capsys.readouterr().err
    assert "touchpoints['pay'].stage: 'nowhere' is not a stage" in err
    assert "'no-such-touchpoint' is not a touchpoint" in err and "Traceback" not in err


def test_validate_passes_the_samples(tmp_path, capsys):
    paths = [str(sp.save(sp.load_sample(n), tmp_path / f"{n}.journey.json")) for n in sp.SAMPLES]
    assert main(["validate", *paths]) == 0
    assert "0 errors, 0 warnings" in capsys.readouterr().out


def test_show_prints_touchpoints_by_stage_in_finnish(tmp_path, capsys):
    path = sp.save(sp.load_sample("webshop"), tmp_path / "w.journey.json")
    assert main(["show", str(path), "--lang", "fi"]) == 0
    out = capsys.readouterr().out
    assert "Maksaminen" in out and "Asiakkaan toiminnot" in out and "Ongelmia ei löytynyt." in out


@pytest.mark.parametrize("ending", [".yaml", ".xlsx", ""])
def test_convert_round_trips(tmp_path, ending):
    source = sp.save(sp.load_sample("b2b-service"), tmp_path / "b2b.journey.json")
    out = tmp_path / f"converted{ending}"
    assert main(["convert", str(source), str(out)]) == 0
    back = tmp_path / "back.journey.json"
    assert main(["convert", str(out), str(back)]) == 0
    assert json.loads(back.read_text()) == json.loads(source.read_text())


def test_convert_writes_finnish_excel_csv(tmp_path):
    source = sp.save(sp.load_sample("webshop"), tmp_path / "w.journey.json")
    assert main(["convert", str(source), str(tmp_path / "fi"), "--csv-dialect", "excel-fi"]) == 0
    raw = (tmp_path / "fi" / "transitions.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"source;target;share" in raw and b"0," in raw


def test_convert_does_not_overwrite_without_force(tmp_path, capsys):
    source = sp.save(sp.load_sample("webshop"), tmp_path / "w.journey.json")
    target = tmp_path / "w.yaml"
    target.write_text("keep me")
    assert main(["convert", str(source), str(target)]) == 2
    assert target.read_text() == "keep me"
    assert main(["convert", str(source), str(target), "--force"]) == 0


def test_unknown_file_and_format_are_clear_errors(tmp_path, capsys):
    assert main(["show", str(tmp_path / "missing.journey.json")]) == 2
    assert "missing.journey.json: no such file" in capsys.readouterr().err
    assert main(["convert", str(tmp_path / "x.docx"), "y.json"]) == 2
    assert "x.docx" in capsys.readouterr().err


def test_installed_command_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.journey.json"
    bad.write_text('{"schema_version": 1, "title": {"en": "x"}, "stages": [], "touchpoints": [')
    command = Path(sys.executable).parent / "servicepath"
    result = subprocess.run([str(command), "validate", str(bad)], capture_output=True, text=True)
    assert result.returncode == 2
    assert "bad.journey.json: line 1, column" in result.stderr and "Traceback" not in result.stderr
