"""`servicepath workshop`: kits, print, new and collect from the shell."""

import json

import pytest
from pypdf import PdfReader

import servicepath as sp
from servicepath.cli import main
from servicepath.io.session import Session
from servicepath.widgets import Workbench


def test_kits_lists_every_kit_with_its_length(capsys):
    assert main(["workshop", "kits", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    for kit, minutes in (("payment-moment", 90), ("aftercare-checkup", 120), ("arvo-scoring", 240),
                         ("customer-fitness", 60)):
        assert kit in out and f"{minutes} min" in out


def test_print_writes_four_pdfs_with_a_canvas_page_per_group(tmp_path, capsys):
    assert main(["workshop", "print", "payment-moment", "--to", str(tmp_path), "--groups", "3", "--lang", "en"]) == 0
    pdfs = sorted(tmp_path.glob("*.pdf"))
    assert [p.name for p in pdfs] == ["payment-moment-agenda.pdf", "payment-moment-canvas.pdf",
                                      "payment-moment-cheatsheet.pdf", "payment-moment-scoring.pdf"]
    assert len(PdfReader(tmp_path / "payment-moment-canvas.pdf").pages) == 3
    assert main(["workshop", "print", "payment-moment", "--to", str(tmp_path)]) == 2  # no overwrite
    assert "already exists" in capsys.readouterr().err


def test_new_then_groups_work_then_collect_merges_everyone(tmp_path, capsys):
    folder = tmp_path / "session"
    assert main(["workshop", "new", "payment-moment", "--groups", "2", "--dir", str(folder)]) == 0
    notebooks = sorted(folder.glob("group-*.ipynb"))
    assert [p.name for p in notebooks] == ["group-1.ipynb", "group-2.ipynb"]
    first_cell = "".join(json.loads(notebooks[1].read_text())["cells"][1]["source"])
    assert '"group-2"' in first_cell
    for group, emotion in (("group-1", -3), ("group-2", -1)):
        bench = Workbench.in_session(folder, group, lang="en")
        assert bench.change("emotion", lambda j, e=emotion: j.update_touchpoint("pay", emotion=e))
    capsys.readouterr()
    assert main(["workshop", "collect", str(folder), "--lang", "en"]) == 0
    assert "merged 2 groups" in capsys.readouterr().out
    merged = sp.load(next((folder / "merged").glob("*.journey.json")))
    assert merged.touchpoint("pay").emotion == -2  # the median of -3 and -1
    assert (folder / "merged" / "index.html").is_file()


@pytest.mark.parametrize("argv, message", [
    (["workshop", "new", "no-such-kit", "--dir", "{tmp}/x"], "no kit 'no-such-kit'"),
    (["workshop", "collect", "{tmp}"], "no workshop session here"),
    (["workshop", "new", "payment-moment", "--groups", "0", "--dir", "{tmp}/y"], "0 groups"),
    (["workshop", "print", "payment-moment", "--to", "{tmp}/p", "--kits", "{tmp}"], "no kit 'payment-moment'"),
])
def test_mistakes_give_one_line_and_exit_2(tmp_path, capsys, argv, message):
    assert main([a.replace("{tmp}", str(tmp_path)) for a in argv]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err


def test_a_second_session_in_the_same_folder_is_refused_and_the_first_is_kept(tmp_path, capsys):
    assert main(["workshop", "new", "payment-moment", "--groups", "2", "--dir", str(tmp_path)]) == 0
    assert main(["workshop", "new", "arvo-scoring", "--groups", "5", "--dir", str(tmp_path)]) == 2
    with Session(tmp_path) as session:
        assert session.groups() == ["group-1", "group-2"] and session.meta()["kit"] == "payment-moment"


# -- found in review ----------------------------------------------------------------------------------------------
def test_new_into_a_file_says_so_in_one_line(tmp_path, capsys):
    file = tmp_path / "file.txt"
    file.write_text("x")
    assert main(["workshop", "new", "payment-moment", "--dir", str(file)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "file.txt" in err and "Traceback" not in err


def test_collect_on_a_damaged_session_says_so_in_one_line(tmp_path, capsys):
    folder = tmp_path / "session"
    assert main(["workshop", "new", "payment-moment", "--groups", "3", "--dir", str(folder)]) == 0
    path = folder / "session.db"
    data = bytearray(path.read_bytes())
    for page in range(8192, len(data), 4096):
        data[page + 200:page + 500] = b"\xff" * 300
    path.write_bytes(bytes(data))
    capsys.readouterr()
    assert main(["workshop", "collect", str(folder)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "session.db" in err


def test_a_refused_new_leaves_no_half_made_session_behind(tmp_path, capsys):
    folder = tmp_path / "session"
    folder.mkdir()
    (folder / "group-1.ipynb").write_text("{}")  # a notebook left from an earlier workshop
    assert main(["workshop", "new", "payment-moment", "--groups", "2", "--dir", str(folder)]) == 2
    assert "group-1.ipynb" in capsys.readouterr().err
    assert not (folder / "session.db").exists()
    assert (folder / "group-1.ipynb").read_text() == "{}"
