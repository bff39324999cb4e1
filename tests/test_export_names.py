"""Export file names: safe everywhere, never outside the chosen folder, never over a file without force."""

import os
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import servicepath as sp
from servicepath.export.names import MAX_NAME_LENGTH, output_path, safe_filename, target_path

WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}


@pytest.mark.parametrize(("title", "expected"), [
    ("../../etc/passwd", "etc-passwd"),
    ("..\\..\\windows\\system32", "windows-system32"),
    ("/absolute/path", "absolute-path"),
    ("Verkkokauppa: kahvinkeittimen ostaminen", "verkkokauppa-kahvinkeittimen-ostaminen"),
    ("Äiti ÖLJY åkerö", "äiti-öljy-åkerö"),
    ("CON", "con_"),
    ("nul.txt", "nul_.txt"),
    ("Com1", "com1_"),
    ("a\x00b\x1fc\u202ed", "a-b-c-d"),
    ('what?<is>*this*|"', "what-is-this"),
    ("   ", "journey"),
    ("..", "journey"),
    ("", "journey"),
])
def test_safe_filename_examples(title, expected):
    assert safe_filename(title) == expected


def test_safe_filename_keeps_the_suffix_within_the_length_limit():
    name = safe_filename("pitkä " * 100, suffix=".xlsx")
    assert name.endswith(".xlsx") and len(name) <= MAX_NAME_LENGTH and not name[:-5].endswith(("-", "."))
    assert safe_filename("con", suffix=".xlsx") == "con_.xlsx"
    assert safe_filename("???", fallback="kartta", suffix=".png") == "kartta.png"


def test_safe_filename_refuses_a_suffix_that_is_not_an_ending():
    with pytest.raises(ValueError, match="ending"):
        safe_filename("x", suffix="/../x")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return tmp_path_factory.mktemp("names")


@settings(max_examples=300, deadline=None)
@given(text=st.text(), suffix=st.sampled_from(["", ".xlsx", ".journey.json"]))
def test_any_title_gives_one_plain_name_inside_the_folder(folder, text, suffix):
    name = safe_filename(text, suffix=suffix)
    assert name and name.endswith(suffix) and len(name) <= MAX_NAME_LENGTH
    assert len(name.encode("utf-8")) < 255
    assert "/" not in name and "\\" not in name and name not in (".", "..") and not name.startswith(".")
    assert Path(name).name == name and len(Path(name).parts) == 1
    assert not any(unicodedata.category(ch)[0] == "C" for ch in name)
    assert not any(ch in '<>:"|?*' for ch in name)
    assert name.split(".")[0] not in WINDOWS_DEVICES
    assert (folder / name).resolve().parent == folder.resolve()
    assert target_path(folder, name).parent == folder


def test_target_path_refuses_an_existing_file_unless_forced(tmp_path):
    (tmp_path / "map.png").write_bytes(b"old")
    with pytest.raises(sp.SaveError, match=r"map\.png.*use force=True / --force to replace it"):
        target_path(tmp_path, "map.png")
    assert target_path(tmp_path, "map.png", force=True) == tmp_path / "map.png"
    assert (tmp_path / "map.png").read_bytes() == b"old"


@pytest.mark.parametrize("name", ["../escape.txt", "a/b.txt", "..", ".", "", "a\\b.txt", "/etc/passwd"])
def test_target_path_refuses_names_that_are_not_one_plain_name(tmp_path, name):
    with pytest.raises(sp.SaveError):
        target_path(tmp_path, name, force=True)


def test_target_path_refuses_a_link_leading_out_of_the_folder(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("keep")
    inside = tmp_path / "inside"
    inside.mkdir()
    os.symlink(outside, inside / "report.md")
    with pytest.raises(sp.SaveError, match="outside"):
        target_path(inside, "report.md", force=True)


def test_target_path_refuses_a_folder(tmp_path):
    (tmp_path / "tables").mkdir()
    with pytest.raises(sp.SaveError, match="folder"):
        target_path(tmp_path, "tables", force=True)


def test_output_path_names_a_file_after_the_title_in_a_folder(tmp_path):
    assert output_path(tmp_path, suffix=".xlsx", title="../Kahvila / Café").name == "kahvila-café.xlsx"
    with pytest.raises(sp.UnsupportedFormatError, match=r"\.xlsx"):
        output_path(tmp_path / "report.md", suffix=".xlsx", title="x")
