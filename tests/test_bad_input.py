"""Bad input never crashes servicepath: it raises one of servicepath's own errors.

Every case in :data:`CASES` is a malformed journey (a file in ``tests/corpus/``,
or a workbook built here with openpyxl) together with the exact exception class
it must raise and the words its message must contain: the file's name, the place
in it (a JSON path such as ``touchpoints[1].arvo.R``, ``touchpoints.csv, line 3,
column tunne`` or ``touchpoints sheet, row 5, column emotion``) and what was
expected. Further tests run the command line on corpus files, feed random and
mutated bytes to ``loads``, make saving fail half-way and try very large inputs.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import os
import subprocess
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import servicepath
from servicepath import (
    DuplicateIdError,
    FileFormatError,
    SaveError,
    SchemaError,
    SchemaVersionError,
    ServicepathError,
    ValidationError,
)
from servicepath.cli import main
from servicepath.io import atomic

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "corpus"
#: Where ``yaml-python-object.yaml`` would write if YAML tags were ever executed.
PWNED = Path("/tmp/pwned")

#: The valid journey the corpus files are mutations of (touchpoints 0..3: find, order, pay, leave).
VALID_DOCUMENT = {
    "schema_version": 1,
    "title": {"fi": "Kahvila", "en": "Cafe"},
    "languages": ["fi", "en"],
    "stages": [{"id": "before"}, {"id": "during"}, {"id": "after"}],
    "goals": ["leave"],
    "touchpoints": [
        {"id": "find", "name": {"en": "Find the cafe"}, "stage": "before", "entry_share": 1},
        {"id": "order", "name": {"en": "Order"}, "stage": "during", "emotion": 1, "arvo": {"A": 3, "R": 2},
         "pain_points": [{"id": "p1", "text": {"en": "Long queue"}, "severity": 3}]},
        {"id": "pay", "name": {"en": "Pay"}, "stage": "during", "critical": True, "tags": ["payment"]},
        {"id": "leave", "name": {"en": "Leave"}, "stage": "after", "final": True},
    ],
    "transitions": [
        {"source": "find", "target": "order", "share": 0.8, "duration": "PT5M"},
        {"source": "order", "target": "pay", "share": 0.9},
        {"source": "pay", "target": "leave", "share": 1},
    ],
}


# -- workbooks built at test time ---------------------------------------------------------------
def _sheets() -> dict[str, list[list]]:
    """The cells of a valid workbook (the same journey as VALID_DOCUMENT, without pain points)."""
    return {
        "journey": [["field", "value"], ["schema_version", 1], ["title_en", "Cafe"]],
        "stages": [["id"], ["before"], ["during"], ["after"]],
        "touchpoints": [
            ["id", "name_en", "stage", "emotion", "entry_share", "final"],
            ["find", "Find the cafe", "before", 0, 1, False],  # row 2
            ["order", "Order", "during", 1, 0, False],  # row 3
            ["pay", "Pay", "during", -1, 0, False],  # row 4
            ["leave", "Leave", "after", 2, 0, True],  # row 5
        ],
        "transitions": [
            ["source", "target", "share", "duration"],
            ["find", "order", 0.8, "PT5M"],  # row 2
            ["order", "pay", 0.9, None],
            ["pay", "leave", 1, None],
        ],
        "pain_points": [["touchpoint", "text_en", "severity"]],
        "ratings": [["rater", "touchpoint", "principle", "value"]],
    }


def _workbook_bytes(sheets: dict[str, list[list]]) -> bytes:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _workbook(change: Callable[[dict], None] | None = None) -> Callable[[Path], bytes]:
    """A builder: the valid workbook's sheets, changed by ``change``."""

    def build(_: Path) -> bytes:
        sheets = _sheets()
        if change:
            change(sheets)
        return _workbook_bytes(sheets)

    return build


def _drop_stage_column(sheets):
    sheets["touchpoints"] = [row[:2] + row[3:] for row in sheets["touchpoints"]]


def _finnish_touchpoints(sheets):
    rows = sheets.pop("touchpoints")
    rows[0] = ["tunniste", "nimi_en", "vaihe", "tunne", "aloitusosuus", "päätepiste"]
    rows[2][3] = "hyvä"  # row 3
    sheets["kosketuspisteet"] = rows


def _truncated_workbook(tmp: Path) -> bytes:
    data = _workbook()(tmp)
    return data[: len(data) // 2]


def _broken_sheet_xml(tmp: Path) -> bytes:
    """A sound zip whose touchpoints sheet holds cut-off XML (a crash while copying, a bad sync)."""
    sheets = _sheets()
    number = list(sheets).index("touchpoints") + 1
    source = zipfile.ZipFile(io.BytesIO(_workbook_bytes(sheets)))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            data = source.read(name)
            if name == f"xl/worksheets/sheet{number}.xml":
                data = data[: len(data) // 2]
            target.writestr(name, data)
    return out.getvalue()


def _set(sheet: str, row: int, column: int, value) -> Callable[[dict], None]:
    """A change: put ``value`` at 1-based ``row``/``column`` of ``sheet`` (row 1 is the header)."""

    def change(sheets):
        sheets[sheet][row - 1][column - 1] = value

    return change


def _empty_folder(tmp: Path) -> Path:
    folder = tmp / "csv-empty-folder"
    folder.mkdir()
    return folder


# -- the table ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Case:
    """One malformed input and what it must raise.

    name : a file or folder in tests/corpus, or the file name given to a built input
    error : the exact exception class
    says : substrings the message must contain besides the file name; a tuple means any one of them
    code : for rule breaks, the Problem code that validate() (or the ValidationError) must report
    build : makes the input at test time: returns the file's bytes, or the path it made
    """

    name: str
    error: type
    says: tuple = ()
    code: str | None = None
    build: Callable[[Path], bytes | Path] | None = None

    def path(self, tmp: Path) -> Path:
        if self.build is None:
            return CORPUS / self.name
        made = self.build(tmp)
        if isinstance(made, Path):
            return made
        path = tmp / self.name
        path.write_bytes(made)
        return path


CASES = [
    # -- JSON that cannot be read at all
    Case("empty.journey.json", FileFormatError, ("the file is empty", "expected a journey")),
    Case("truncated.journey.json", FileFormatError, ("line 37, column 15", "not valid JSON")),
    Case("trailing-garbage.journey.json", FileFormatError, ("line 94, column 1", "not valid JSON")),
    Case("wrong-encoding-latin1.journey.json", FileFormatError, ("byte 0xe4 at position 58", "save the file as UTF-8")),
    Case("wrong-encoding-utf16.journey.json", FileFormatError, ("byte 0xff at position 0", "save the file as UTF-8")),
    Case("nan-emotion.journey.json", FileFormatError,
         (("touchpoints[1].emotion", "line 40"), "NaN", "write a number or null")),
    Case("huge-integer.journey.json", FileFormatError,
         (("touchpoints[1].emotion", "line 40"), "digits")),
    # -- JSON with the wrong shape
    Case("not-an-object.journey.json", SchemaError, ("expected a journey object at the top", "found a list")),
    Case("missing-schema-version.journey.json", SchemaError, ("schema_version: ", "expected a whole number")),
    Case("newer-schema-version.journey.json", SchemaVersionError,
         ("schema_version: ", "schema version 2", "update servicepath")),
    Case("score-out-of-range.journey.json", SchemaError, ("touchpoints[1].arvo.R: 5 is out of range 0..4",)),
    Case("emotion-out-of-range.journey.json", SchemaError, ("touchpoints[1].emotion: ", "out of range -3..3")),
    Case("emotion-as-text.journey.json", SchemaError, ("touchpoints[1].emotion: ", "'happy'", "expected a number")),
    Case("severity-out-of-range.journey.json", SchemaError,
         ("touchpoints[1].pain_points[0].severity: ", "out of range 1..5")),
    Case("negative-share.journey.json", SchemaError, ("transitions[0].share: ", "-0.2 is out of range 0..1")),
    Case("huge-number-1e400.journey.json", SchemaError, ("touchpoints[0].entry_share: ", "out of range 0..1")),
    Case("rating-out-of-range.journey.json", SchemaError, ("ratings[0].value: ", "7 is out of range 0..4")),
    Case("unknown-lane.journey.json", SchemaError,
         ("touchpoints[2].lane: ", "'kitchen'", "evidence, customer, frontstage, backstage, support")),
    Case("missing-name.journey.json", SchemaError, ("touchpoints[3]: ", "missing required field 'name'")),
    Case("name-wrong-type.journey.json", SchemaError, ("touchpoints[3].name: ", "expected an object")),
    Case("empty-title.journey.json", SchemaError, ("title: ", "Finnish ('fi') or English ('en')")),
    Case("unknown-field.journey.json", SchemaError,
         ("touchpoints[1]: ", "unknown field 'colour'", "expected: id, name")),
    Case("critical-not-boolean.journey.json", SchemaError, ("touchpoints[2].critical: ", "expected true or false")),
    Case("id-with-outer-space.journey.json", SchemaError, ("touchpoints[1].id: ", "' order'", "spaces at the ends")),
    Case("bad-language-code.journey.json", SchemaError, ("languages[0]: ", "'finnish'", "two-letter language code")),
    Case("bad-duration.journey.json", SchemaError,
         ("transitions[0].duration: ", "'five minutes' is not a duration", "PT15M")),
    Case("huge-duration.journey.json", SchemaError, ("transitions[0].duration: ", "'P99999999999D'")),
    Case("bad-timestamp.journey.json", SchemaError, ("created: ", "'23.11.2026 13:30'", "2026-11-23T13:30:00Z")),
    Case("impossible-date.journey.json", SchemaError, ("modified: ", "'2026-02-30T10:00:00Z'")),
    Case("tag-is-a-list.journey.json", SchemaError, ("touchpoints[2].tags[0]: ", "expected text")),
    Case("pain-point-id-unprintable.journey.json", SchemaError, ("touchpoints[1].pain_points[0].id: ", "not an id")),
    Case("stage-id-unprintable.journey.json", SchemaError, ("stages[3].id: ", "not an id")),
    Case("blank-rater.journey.json", SchemaError, ("ratings[0].rater: ", "rater")),
    # -- ids
    Case("duplicate-touchpoint-ids.journey.json", DuplicateIdError,
         ("touchpoints[4].id: ", "'pay' is used twice", "touchpoints[2]")),
    Case("duplicate-stage-ids.journey.json", DuplicateIdError, ("stages[3].id: ", "'after' is used twice")),
    Case("duplicate-transition.journey.json", DuplicateIdError, ("transitions[3]: ", "'order' → 'pay' appears twice")),
    # -- rule breaks (ValidationError from the strict load; validate() lists them too)
    Case("dangling-transition.journey.json", ValidationError,
         ("transitions[3].target: ", "'ghost' is not the id of any touchpoint"), code="dangling-edge"),
    Case("share-sum-1.7.journey.json", ValidationError,
         ("touchpoints['find']: ", "sum to 1.7", "at most 1"), code="share-sum"),
    Case("entry-shares-not-1.journey.json", ValidationError,
         (": touchpoints: ", "sum to 0.6", "must sum to 1"), code="entry-share-sum"),
    Case("no-entry-point.journey.json", ValidationError, (": touchpoints: ", "entry_share"), code="no-entry"),
    Case("unknown-stage.journey.json", ValidationError,
         ("touchpoints['pay'].stage: ", "'checkout' is not a stage", "before, during, after"), code="unknown-stage"),
    Case("unknown-goal.journey.json", ValidationError,
         ("goals[1]: ", "'tip' is not a touchpoint"), code="unknown-goal"),
    Case("rating-unknown-touchpoint.journey.json", ValidationError,
         ("ratings[0].touchpoint: ", "'ghost' is not a touchpoint"), code="unknown-id"),
    Case("duplicate-pain-point-id.journey.json", ValidationError,
         ("touchpoints['pay'].pain_points: ", "'p1' is already used"), code="duplicate-id"),
    # -- YAML
    Case("yaml-alias-bomb.yaml", FileFormatError, ("line 2, column 8", "aliases")),
    Case("yaml-python-object.yaml", FileFormatError, ("line 1, column 1", "python/object/apply:os.system")),
    Case("yaml-nan-emotion.yaml", FileFormatError, ("touchpoints[1].emotion: ", "write a number or null")),
    Case("yaml-tab-indent.yaml", FileFormatError, ("line 3, column 1", "not valid YAML")),
    Case("yaml-two-documents.yaml", FileFormatError, ("line 3, column 1", "another document")),
    Case("yaml-binary.yaml", FileFormatError, ("title: ", "!!binary")),
    Case("yaml-set.yaml", SchemaError, ("stages: ", "expected a list")),
    Case("yaml-scalar.yaml", SchemaError, ("expected a journey object at the top", "found text")),
    Case("yaml-impossible-date.yaml", FileFormatError, (("line 3", "created"), "2026-02-30")),
    Case("yaml-huge-integer.yaml", FileFormatError, (("line 5", "touchpoints[0].emotion"), "digits")),
    # -- CSV folders
    Case("csv-empty-folder", FileFormatError, ("no .csv files", "touchpoints.csv"), build=_empty_folder),
    Case("csv-empty-touchpoints", SchemaError, ("touchpoints.csv: ", "missing column 'stage'", "columns found: none")),
    Case("csv-missing-stage-column", SchemaError, ("touchpoints.csv: ", "missing column 'stage'", "id, name_en")),
    Case("csv-finnish-bad-tunne", SchemaError,
         ("touchpoints.csv, line 3, column tunne: ", "'iloinen' is not a number")),
    Case("csv-cp1252", SchemaError, ("touchpoints.csv, line 2, column tunne: ", "'hyvä' is not a number")),
    Case("csv-bad-boolean", SchemaError, ("touchpoints.csv, line 2, column final: ", "'maybe' is not yes/no")),
    Case("csv-multiline-cell", SchemaError,
         ("touchpoints.csv, line 4, column emotion: ", "'very bad' is not a number")),
    Case("csv-unclosed-quote", FileFormatError, ("touchpoints.csv", "line 2", "quote")),
    Case("csv-journey-unknown-field", SchemaError,
         ("journey.csv, line 3, column field: ", "'colour' is not a journey field", "title_en")),
    Case("csv-newer-schema-version", SchemaVersionError,
         ("journey.csv, line 2, column value: ", "schema version 7", "update servicepath")),
    Case("csv-share-not-a-number", SchemaError, ("transitions.csv, line 2, column share: ", "'most' is not a number")),
    Case("csv-duplicate-id", DuplicateIdError,
         ("touchpoints.csv, line 5, column id: ", "'order' is used twice", "touchpoints.csv, line 3")),
    Case("csv-dangling-transition", ValidationError,
         ("transitions.csv, line 4, column target: ", "'ghost' is not the id of any touchpoint"), code="dangling-edge"),
    Case("csv-pain-point-unknown-touchpoint", ValidationError,
         ("pain_points.csv, line 3, column touchpoint: ", "'ghost' is not the id of any touchpoint")),
    Case("csv-share-sum", ValidationError,
         (("touchpoints.csv, line 2", "transitions.csv, line 2"), "sum to 1.7", "at most 1"), code="share-sum"),
    # -- xlsx workbooks
    Case("not-a-zip.xlsx", FileFormatError, ("not an xlsx workbook",)),
    Case("truncated.xlsx", FileFormatError, ("not an xlsx workbook",), build=_truncated_workbook),
    Case("broken-sheet-xml.xlsx", FileFormatError, ("touchpoints", "xlsx"), build=_broken_sheet_xml),
    Case("missing-stage-column.xlsx", SchemaError, ("touchpoints sheet: ", "missing column 'stage'"),
         build=_workbook(_drop_stage_column)),
    Case("text-in-number-row-5.xlsx", SchemaError,
         ("touchpoints sheet, row 5, column emotion: ", "'happy' is not a number"),
         build=_workbook(_set("touchpoints", 5, 4, "happy"))),
    Case("finnish-headers.xlsx", SchemaError,
         ("kosketuspisteet sheet, row 3, column tunne: ", "'hyvä' is not a number"),
         build=_workbook(_finnish_touchpoints)),
    Case("huge-duration.xlsx", SchemaError, ("transitions sheet, row 2, column duration: ", "'P99999999999D'"),
         build=_workbook(_set("transitions", 2, 4, "P99999999999D"))),
    Case("unknown-stage.xlsx", ValidationError,
         ("touchpoints sheet, row 3, column stage: ", "'nowhere' is not a stage"), code="unknown-stage",
         build=_workbook(_set("touchpoints", 3, 3, "nowhere"))),
]
CASE_BY_NAME = {case.name: case for case in CASES}


def _raised(action: Callable[[], object]) -> BaseException:
    """The exception ``action`` raises (any class, so a crash shows as a wrong class, not a test error)."""
    try:
        action()
    except Exception as exc:
        return exc
    pytest.fail("no error was raised")


def _assert_says(message: str, says) -> None:
    for expected in says:
        options = expected if isinstance(expected, tuple) else (expected,)
        assert any(o in message for o in options), f"{' or '.join(map(repr, options))} not in message: {message}"


def _stat(path: Path):
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return None


@pytest.fixture
def nothing_runs(monkeypatch):
    """Fail loudly if reading a file tries to run a program."""
    calls = []

    def refuse(*args, **kwargs):
        calls.append(args)
        raise AssertionError(f"tried to run {args!r}")

    for name in ("system", "popen", "execv", "execvp", "spawnv"):
        monkeypatch.setattr(os, name, refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    before = _stat(PWNED)
    yield calls
    assert calls == []
    assert _stat(PWNED) == before


# -- the corpus ---------------------------------------------------------------------------------
def test_corpus_is_complete():
    """Every file and folder in tests/corpus has a case, and the valid bases are valid."""
    listed = {case.name for case in CASES if case.build is None}
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(listed)
    assert len(CASES) >= 30
    assert servicepath.validate(servicepath.loads(json.dumps(VALID_DOCUMENT))) == []
    assert servicepath.validate(servicepath.loads(_valid_bytes("xlsx"), "xlsx")) == []


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_bad_input_raises_our_error_naming_file_place_and_expectation(case, tmp_path, nothing_runs):
    path = case.path(tmp_path)
    error = _raised(lambda: servicepath.load(path))
    assert type(error) is case.error, f"{type(error).__name__}: {error}"
    _assert_says(str(error), (path.name, *case.says))
    if case.code:
        assert case.code in {p.code for p in error.problems}, error.problems
        try:  # the non-strict load gives the journey to validate(), when it can be built at all
            journey = servicepath.load(path, strict=False)
        except ValidationError as exc:
            codes = {p.code for p in exc.problems}
        else:
            codes = {p.code for p in servicepath.validate(journey) if p.level == "error"}
        assert case.code in codes


# -- the command line ---------------------------------------------------------------------------
CLI_CASES = [
    "truncated.journey.json", "score-out-of-range.journey.json", "share-sum-1.7.journey.json",
    "yaml-python-object.yaml", "csv-finnish-bad-tunne", "not-a-zip.xlsx",
]


@pytest.mark.parametrize("name", CLI_CASES)
def test_cli_validate_prints_the_message_without_traceback(name, capsys, nothing_runs):
    case = CASE_BY_NAME[name]
    status = main(["validate", str(CORPUS / name)])
    out, err = capsys.readouterr()
    assert status == 2
    assert "Traceback" not in out + err
    _assert_says(err, (name, *case.says))


def test_cli_validate_in_a_subprocess():
    name = "score-out-of-range.journey.json"
    result = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "servicepath"), "validate", str(CORPUS / name)],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    _assert_says(result.stderr, (name, *CASE_BY_NAME[name].says))


# -- fuzzing ------------------------------------------------------------------------------------
@functools.cache
def _sample_document() -> dict:
    """The webshop sample as a document, or VALID_DOCUMENT while the samples are not there."""
    try:
        return json.loads(servicepath.dumps(servicepath.load_sample("webshop")))
    except Exception:
        return VALID_DOCUMENT


def _valid_document() -> dict:
    return copy.deepcopy(_sample_document())


@functools.cache  # built once: a workbook's bytes hold the time it was written
def _valid_bytes(kind: str) -> bytes:
    journey = servicepath.loads(json.dumps(VALID_DOCUMENT))
    if kind == "xlsx":
        return _workbook()(CORPUS)
    return servicepath.dumps(journey, kind).encode("utf-8")


FUZZ = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                suppress_health_check=list(HealthCheck))

#: Values that the rules care about, so mutations hit the interesting edges.
_EDGE_VALUES = st.sampled_from([
    "pay", "ghost", "", " ", " pay", "p\u200bay", "a,b", "PT5M", "P99999999999D", "-PT1M", "5 min",
    "2026-11-23T13:30:00Z", "2026-02-30T10:00:00Z", "2026-11-23T13:30:00+25:00", "customer", "kitchen",
    "A", "X", 0, 1, -1, 2, 4, 5, 0.5, 1.0000001, -0.0, 10**30, 1e308, True, False, None, [], {},
])
_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12) | _EDGE_VALUES,
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["id", "en", "fi", "name", "stage", "share", "x"]) | st.text(max_size=4),
                      inner, max_size=3),
    max_leaves=6,
)


def _places(value, path=()):
    """Every path into a JSON value, containers included."""
    yield path
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _places(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _places(item, (*path, index))


@st.composite
def _mutated_documents(draw):
    document = _valid_document()
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from([p for p in _places(document) if p]))
        parent = document
        for step in place[:-1]:
            parent = parent[step]
        if isinstance(parent, dict) and draw(st.booleans()) and draw(st.booleans()):
            del parent[place[-1]]  # sometimes drop the field instead
        else:
            parent[place[-1]] = draw(_JSON_VALUES)
    return document


@st.composite
def _mutated_bytes(draw, valid: bytes):
    data = bytearray(valid)
    for _ in range(draw(st.integers(1, 8))):
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["set", "cut", "insert"]))
        if action == "set":
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            del data[at: at + draw(st.integers(1, 64))]
        else:
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        if not data:
            break
    return bytes(data)


@st.composite
def _workbooks_with_a_mutated_part(draw):
    """A sound zip with one part (a sheet's XML, the shared strings ...) changed: what a bad export gives."""
    source = zipfile.ZipFile(io.BytesIO(_valid_bytes("xlsx")))
    names = source.namelist()
    chosen = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            data = source.read(name)
            if name == chosen:
                data = draw(_mutated_bytes(data))
            target.writestr(name, data)
    return out.getvalue()


def _loads_or_our_error(data, kind: str) -> None:
    try:
        journey = servicepath.loads(data, kind)
    except ServicepathError:
        return
    assert isinstance(journey, servicepath.Journey)
    assert isinstance(servicepath.validate(journey), list)  # a journey that loads can be checked


@pytest.mark.parametrize("kind", ["json", "yaml", "xlsx"])
def test_any_bytes_load_or_raise_our_error(kind):
    @FUZZ
    @given(data=st.one_of(
        st.binary(max_size=500),
        st.text(max_size=200).map(lambda t: t.encode("utf-8")),
        _JSON_VALUES.map(lambda v: json.dumps(v).encode("utf-8")),
        _mutated_bytes(_valid_bytes(kind)),
        *([_workbooks_with_a_mutated_part()] if kind == "xlsx" else []),
    ))
    def check(data):
        _loads_or_our_error(data, kind)

    check()


@FUZZ
@given(document=_mutated_documents())
def test_mutated_document_loads_or_raises_our_error(document):
    _loads_or_our_error(json.dumps(document, ensure_ascii=False), "json")


# -- saving -------------------------------------------------------------------------------------
def _raise_oserror(*args, **kwargs):
    raise OSError(28, "No space left on device")


def _assert_untouched(folder: Path, before: dict[str, bytes]) -> None:
    after = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert sorted(after) == sorted(before), "a temporary file was left behind"
    assert after == before, "the previous file changed"


def _saved(tmp_path: Path, name: str) -> tuple[servicepath.Journey, Path, Path, dict[str, bytes]]:
    journey = servicepath.loads(json.dumps(VALID_DOCUMENT))
    folder = tmp_path / "out"
    folder.mkdir()
    path = servicepath.save(journey, folder / name)
    files = path if path.is_dir() else folder
    journey.title = {"en": "Changed cafe"}
    return journey, path, files, {p.name: p.read_bytes() for p in files.iterdir()}


@pytest.mark.parametrize("fails", ["replace", "fsync"])
@pytest.mark.parametrize("name", ["cafe.journey.json", "cafe.yaml", "cafe.xlsx"])
def test_failed_save_leaves_the_old_file_untouched(tmp_path, monkeypatch, name, fails):
    journey, path, files, before = _saved(tmp_path, name)
    monkeypatch.setattr(atomic.os, fails, _raise_oserror)
    error = _raised(lambda: servicepath.save(journey, path))
    monkeypatch.undo()
    assert type(error) is SaveError, f"{type(error).__name__}: {error}"
    _assert_says(str(error), (name, "No space left on device"))
    _assert_untouched(files, before)


def test_failed_save_of_a_csv_folder_leaves_every_old_file_untouched(tmp_path, monkeypatch):
    journey, path, files, before = _saved(tmp_path, "cafe")
    calls = []
    real_replace = os.replace

    def third_fails(*args):
        calls.append(args)
        if len(calls) == 3:
            _raise_oserror()
        return real_replace(*args)

    monkeypatch.setattr(atomic.os, "replace", third_fails)
    error = _raised(lambda: servicepath.save(journey, path))
    monkeypatch.undo()
    assert type(error) is SaveError, f"{type(error).__name__}: {error}"
    _assert_untouched(files, before)


@pytest.mark.parametrize("name", ["cafe.journey.json", "cafe"])
def test_save_of_text_that_cannot_be_written_raises_save_error(tmp_path, name):
    journey, path, files, before = _saved(tmp_path, name)
    journey.title = {"en": "Caf\ud800"}  # a lone surrogate: valid in a JSON file ("\ud800"), not encodable
    error = _raised(lambda: servicepath.save(journey, path))
    assert type(error) is SaveError, f"{type(error).__name__}: {error}"
    _assert_untouched(files, before)


def test_save_into_a_file_instead_of_a_folder_raises_save_error(tmp_path):
    (tmp_path / "notes.txt").write_text("not a folder")
    journey = servicepath.loads(json.dumps(VALID_DOCUMENT))
    error = _raised(lambda: servicepath.save(journey, tmp_path / "notes.txt" / "cafe.journey.json"))
    assert type(error) is SaveError, f"{type(error).__name__}: {error}"
    assert "notes.txt" in str(error)


# -- size ---------------------------------------------------------------------------------------
def _huge_name_json(path: Path) -> None:
    document = copy.deepcopy(VALID_DOCUMENT)
    document["touchpoints"][0]["name"] = {"en": "x" * 10_000_000}
    path.write_text(json.dumps(document), encoding="utf-8")


def _huge_name_csv(path: Path) -> None:
    path.mkdir()
    (path / "touchpoints.csv").write_text(
        "id,name_en,stage,entry_share\nfind," + "x" * 10_000_000 + ",before,1\n", encoding="utf-8"
    )


@pytest.mark.parametrize("name, write, error, says", [
    ("huge-name.journey.json", _huge_name_json, SchemaError,
     ("touchpoints[0].name.en: ", "10,000,000 characters is too long", "at most 300")),
    ("csv-huge-name", _huge_name_csv, SchemaError,
     ("touchpoints.csv, line 2, column name_en: ", "10,000,000 characters is too long", "at most 300")),
], ids=["json", "csv"])
def test_ten_megabyte_name_is_refused_with_its_place(tmp_path, name, write, error, says):
    path = tmp_path / name
    write(path)
    raised = _raised(lambda: servicepath.load(path))
    assert type(raised) is error, f"{type(raised).__name__}: {str(raised)[:300]}"
    _assert_says(str(raised), (name, *says))
    assert len(str(raised)) < 1000, "the message repeats the whole value"


DEEP = 100_000


@pytest.mark.parametrize("kind, text", [
    ("json", "[" * DEEP + "]" * DEEP),
    ("json", '{"schema_version": 1, "votes": [{"x": ' + "[" * DEEP + "]" * DEEP + "}]}"),
    ("yaml", "[" * DEEP + "]" * DEEP),
], ids=["json-top", "json-in-votes", "yaml-top"])
def test_deeply_nested_input_is_refused(tmp_path, kind, text):
    path = tmp_path / f"deep.{'journey.json' if kind == 'json' else 'yaml'}"
    path.write_text(text, encoding="utf-8")
    limit = sys.getrecursionlimit()
    raised = _raised(lambda: servicepath.load(path))
    assert sys.getrecursionlimit() == limit
    assert type(raised) is FileFormatError, f"{type(raised).__name__}: {str(raised)[:300]}"
    _assert_says(str(raised), (path.name, "nested too deeply"))
