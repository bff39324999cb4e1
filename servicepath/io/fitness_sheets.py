"""Customer-fitness answers in spreadsheets: import what a paper or online form collected, export a round.

:func:`import_answers` reads an ``.xlsx`` workbook or a ``.csv`` file as
Finnish or international Excel writes it (``;`` or ``,``, UTF-8 with or
without a byte-order mark, or cp1252). Column names are matched without
regard to case, spaces or punctuation, in English or Finnish.

Answers come in one of two layouts, told apart by the header:

LONG — one row per person and item (what :func:`export_round` writes):
    ``person`` (henkilö, nimi, vastaaja), ``team`` (tiimi; optional),
    ``item`` (väite, kohta), ``value`` (arvo, vastaus), ``note`` (huomio,
    kommentti; optional) and ``round`` (kierros; optional). A blank value
    is a bad row.
WIDE — one row per person, as forms give: ``person``, ``team``, then a
    column per item named by its id (``K1`` … ``E6``; a form's header such
    as ``K1. I know who our customers are…`` works too) and optional note
    columns ``K1 note`` / ``K1 huomio``. A blank cell is an item not answered.

Values are whole numbers 1…5 (``4``, ``4.0`` and the text ``"4"`` are all 4).
A workbook may also hold customer interviews on a sheet called
``interviews`` (haastattelut), one row per customer: ``team`` (tiimi;
blank = the whole organisation), ``touchpoint`` (kosketuspiste), ``got``
(sai), ``again`` (palaa), ``recommend`` (suosittelee) and the why columns
``got_why``, ``again_why``, ``recommend_why`` (``sai_miksi``,
``palaa_miksi``, ``suosittelee_miksi``). ``got`` and ``again`` take
yes/partly/no or kyllä/osittain/ei, ``recommend`` a whole number 0…10;
blank is not answered. The answers are on the sheet ``answers``
(vastaukset), or else the first sheet that is not the interviews.

Every row is checked before anything is saved; one :class:`SchemaError`
lists every bad row with its place, and then nothing is imported.
"""

from __future__ import annotations

import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from ..errors import FileFormatError, SaveError, SchemaError, UnknownIdError, UnsupportedFormatError, shown
from ..model.fitness import FITNESS_ITEMS, RECOMMEND_SCALE, FitnessAnswer, Interview, check_note
from .atomic import atomic_write
from .files import _csv_place, _read_bytes, _read_csv, _read_xlsx, _sheet_place, csv_bytes, write_xlsx
from .fitness_store import INTERVIEW_COLUMNS, FitnessStore, _name
from .tables import Table, unsafe_cell

__all__ = ["ImportSummary", "import_answers", "export_round", "ROUND_COLUMNS", "ROUND_INTERVIEW_COLUMNS",
           "MAX_LISTED_PROBLEMS"]

#: The columns of the answers :func:`export_round` writes (the LONG layout).
ROUND_COLUMNS = ["round", "person", "team", "item", "value", "note", "answered_at"]
#: The columns of the ``interviews`` sheet :func:`export_round` writes.
ROUND_INTERVIEW_COLUMNS = [c for c in INTERVIEW_COLUMNS if c != "opened"]
#: An error lists at most this many bad cells (and says how many more there are).
MAX_LISTED_PROBLEMS = 100

_NOTE_WORDS = ("note", "notes", "comment", "huomio", "huomiot", "kommentti")
_ANSWER_HEADERS = {
    "person": ("person", "name", "respondent", "henkilö", "henkilo", "nimi", "vastaaja"),
    "team": ("team", "tiimi"),
    "item": ("item", "statement", "väite", "vaite", "kohta"),
    "value": ("value", "answer", "arvo", "vastaus"),
    "note": _NOTE_WORDS,
    "round": ("round", "kierros"),
}
_QUESTIONS = {"got": ("got", "sai", "saiko"), "again": ("again", "palaa", "palaako"),
              "recommend": ("recommend", "suosittelee", "suosittelisi")}
_INTERVIEW_HEADERS = {
    "team": ("team", "tiimi"),
    "touchpoint": ("touchpoint", "kosketuspiste"),
    "round": ("round", "kierros"),
    **_QUESTIONS,
    **{f"{q}_why": tuple(f"{n}_{why}" for n in names for why in ("why", "miksi")) for q, names in _QUESTIONS.items()},
}
_ANSWER_SHEETS = ("answers", "vastaukset")
_INTERVIEW_SHEETS = ("interviews", "haastattelut", "asiakashaastattelut")
_CHOICES = {"yes": "yes", "kyllä": "yes", "kylla": "yes", "partly": "partly", "osittain": "partly",
            "no": "no", "ei": "no"}
_ITEM_IDS = {item.id.casefold(): item.id for item in FITNESS_ITEMS}
_ITEM_LETTERS = "".join(sorted({item.id[0].casefold() for item in FITNESS_ITEMS}))
# "K1", "K1 note", "K1. I know who our customers are…" (a form's header); _key has made them "k1_…"
_ITEM_HEADER = re.compile(rf"^([{_ITEM_LETTERS}]\d{{1,2}})(?:_(.*))?$")


def _item_range() -> str:
    groups: dict[str, list[str]] = {}
    for item in FITNESS_ITEMS:
        groups.setdefault(item.id[0], []).append(item.id)
    parts = [f"{ids[0]}…{ids[-1]}" for ids in groups.values()]
    return ", ".join(parts[:-1]) + " or " + parts[-1]


_ITEMS_EXPECTED = _item_range()


@dataclass(frozen=True)
class ImportSummary:
    """What :func:`import_answers` saved: into which round, from how many people, how many rows."""

    file: str
    round: str
    people: int
    answers: int
    interviews: int


# -- importing ---------------------------------------------------------------------------------
def import_answers(store: FitnessStore, path: str | os.PathLike, *, round: str | None = None) -> ImportSummary:
    """Import answers (and a workbook's customer interviews) from a spreadsheet, all or nothing.

    Parameters
    ----------
    store : FitnessStore
        The database to save into; people and teams not in it yet are added.
    path : path-like
        An ``.xlsx`` workbook or a ``.csv`` file (answers only) in one of
        the layouts of this module's description.
    round : str, optional
        The round the answers belong to. Without it, the round a ``round``
        column names (one round per file), or else the latest round. The
        round must exist (:meth:`FitnessStore.new_round`).

    Raises
    ------
    SchemaError
        Bad rows (every one is listed, with its place and what was
        expected), a missing column, or several rounds in one file; nothing
        is saved.
    FileFormatError
        The file cannot be read as a spreadsheet.
    UnknownIdError
        The round is not in the database.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "vastaukset.csv").write_text("henkilö;tiimi;K1;S1;E1\\nAino;Kassa;4;5;3\\n", encoding="utf-8")
    >>> with FitnessStore(folder / "servicepath.db") as store:
    ...     _ = store.new_round("2026-Q4", opened="2026-11-23")
    ...     import_answers(store, folder / "vastaukset.csv")  # doctest: +ELLIPSIS
    ImportSummary(file='.../vastaukset.csv', round='2026-Q4', people=1, answers=3, interviews=0)
    """
    path = Path(path)
    answers_table, interviews_table, place = _tables(path)
    reader = _SheetReader(str(path), place, csv=path.suffix.lower() == ".csv")
    answers = reader.answers(answers_table) if answers_table is not None else []
    interviews = reader.interviews(interviews_table) if interviews_table is not None else []
    reader.raise_if_bad()
    if not answers and not interviews:
        raise SchemaError("no answers found (expected rows with person, item and value, or a column per item "
                          f"{_ITEMS_EXPECTED})", file=str(path))
    round_ = _round(store, path, round, reader.rounds)
    saved = store.save_batch(answers, interviews, round=round_)
    return ImportSummary(str(path), round_, len({person for person, _, _ in answers}), saved, len(interviews))


def _tables(path: Path) -> tuple[Table | None, Table | None, Callable]:
    """The answers and interviews tables of the file, and how to name places in it."""
    kind = path.suffix.lower()
    if path.is_dir():  # said here: the shared readers would call it "not a journey file"
        raise FileFormatError("is a folder, not a file of answers (expected an .xlsx or .csv file)", file=str(path))
    if kind == ".csv":
        try:
            table = _read_csv(path)
        except FileFormatError as exc:  # named by its folder, as in a journey's folder of tables
            raise FileFormatError(exc.what, file=str(path), where=exc.where) from None
        if not table.header and not table.rows:
            raise FileFormatError("the file is empty (expected a header row and answers)", file=str(path))
        return table, None, lambda sheet, row, column: _csv_place(path.stem, row, column)
    if kind == ".xlsx":
        tables = _read_xlsx(_read_bytes(path), str(path))
        interviews = _find(tables, _INTERVIEW_SHEETS)
        answers = _find(tables, _ANSWER_SHEETS)
        if answers is None:  # a form's workbook: its first sheet that is not the interviews
            answers = next((t for t in tables.values() if t is not interviews), None)
        return _unless_blank(answers), _unless_blank(interviews), _sheet_place
    raise UnsupportedFormatError(f"{path}: answers are read from .xlsx or .csv files "
                                 f"(got {path.suffix or 'no ending'})")


def _find(tables: dict[str, Table], names: tuple[str, ...]) -> Table | None:
    return next((t for name, t in tables.items() if _key(name) in names), None)


def _unless_blank(table: Table | None) -> Table | None:
    if table is None:
        return None
    cells = [*table.header, *(c for _, row in table.rows for c in row)]
    return None if all(c in (None, "") for c in cells) else table


def _key(text) -> str:
    """A header as matched: lower case, every run of spaces and punctuation one ``_``."""
    return re.sub(r"[\W_]+", "_", str(text).strip().casefold()).strip("_")


def _round(store: FitnessStore, path: Path, given: str | None, named: dict[str, str]) -> str:
    if given is not None:
        round_ = given
    elif len(named) > 1:
        raise SchemaError(f"the file holds answers of {len(named)} rounds ({', '.join(map(repr, named))}); "
                          "import one round at a time, or name the round to import into", file=str(path),
                          where="column round")
    else:
        round_ = next(iter(named), None) or store.latest_round()
    if round_ not in set(store.rounds()["round"]):
        raise UnknownIdError(f"{path}: no round {shown(round_)} in {store.path} (open it first with "
                             f"`servicepath fitness new-round {round_}` or FitnessStore.new_round)")
    return round_


class _SheetReader:
    """Checks every row of the answers and interviews tables, collecting every bad cell."""

    def __init__(self, file: str, place: Callable, *, csv: bool = False):
        self.file, self.place, self.csv = file, place, csv
        self.problems: list[tuple[str, int, str]] = []  # (sheet, row, "place: what")
        self.rounds: dict[str, str] = {}  # round names in round columns, in order of appearance
        self.teams: dict[str, tuple[str, int]] = {}  # person → (team, row) where the team is first given
        self.seen: dict[tuple[str, str], int] = {}  # (person, item) → row

    def bad(self, sheet: str, row: int, column: str | None, what: str) -> None:
        self.problems.append((sheet, row, f"{self.place(sheet, row, column)}: {what}"))

    def raise_if_bad(self) -> None:
        if not self.problems:
            return
        rows = len({(sheet, row) for sheet, row, _ in self.problems})
        lines = [line for _, _, line in self.problems]
        listed = lines[:MAX_LISTED_PROBLEMS]
        if len(lines) > len(listed):
            listed.append(f"… and {len(lines) - len(listed)} more")
        error = SchemaError(f"{rows} bad row{'' if rows == 1 else 's'}, nothing was imported\n  "
                            + "\n  ".join(listed), file=self.file)
        error.bad_rows = lines  # every problem, for programs that show them one by one
        raise error

    def columns(self, table: Table, names: dict[str, tuple[str, ...]]) -> dict[str, tuple[int, str]]:
        """Field → (position, header as typed) for the header cells that name one of ``names``."""
        lookup = {_key(alias): field for field, aliases in names.items() for alias in aliases}
        found: dict[str, tuple[int, str]] = {}
        for i, head in enumerate(table.header):
            field = lookup.get(_key(head)) if head not in (None, "") else None
            if field is None:
                continue
            if field in found:
                raise SchemaError(f"column {field!r} appears twice ({found[field][1]!r} and {str(head).strip()!r}); "
                                  "keep one", file=self.file, where=self.whole_sheet(table))
            found[field] = (i, str(head).strip())
        return found

    def missing(self, table: Table, wanted: str) -> SchemaError:
        heads = ", ".join(str(h).strip() for h in table.header if h not in (None, "")) or "none"
        return SchemaError(f"missing column {wanted} (columns found: {heads})", file=self.file,
                           where=self.whole_sheet(table))

    # -- answers -------------------------------------------------------------------------------
    def answers(self, table: Table) -> list[tuple[str, str | None, FitnessAnswer]]:
        columns = self.columns(table, _ANSWER_HEADERS)
        if "item" in columns or "value" in columns:
            return self.with_teams(self.long(table, columns))
        items = self.item_columns(table, columns)
        if items:
            return self.with_teams(self.wide(table, columns, items))
        if "person" not in columns:
            raise self.missing(table, "'person' (henkilö)")
        raise self.missing(table, f"'item' and 'value' (väite, arvo), or a column per item {_ITEMS_EXPECTED}")

    def item_columns(self, table: Table, taken: dict) -> dict[str, dict]:
        """Item id → {"value": (position, header), "note": (position, header)} of a WIDE header."""
        used = {i for i, _ in taken.values()}
        items: dict[str, dict] = {}
        for i, head in enumerate(table.header):
            match = _ITEM_HEADER.match(_key(head)) if head not in (None, "") and i not in used else None
            if match is None:
                continue
            typed = str(head).strip()
            item = _ITEM_IDS.get(match.group(1))
            if item is None:
                raise SchemaError(f"column {typed!r} names no fitness item (expected {_ITEMS_EXPECTED})",
                                  file=self.file, where=self.whole_sheet(table))
            kind = "note" if match.group(2) in _NOTE_WORDS else "value"
            if kind in items.get(item, {}):
                raise SchemaError(f"two columns hold the {kind} of {item} ({items[item][kind][1]!r} and "
                                  f"{typed!r}); keep one", file=self.file,
                                  where=self.whole_sheet(table))
            items.setdefault(item, {})[kind] = (i, typed)
        for item, kinds in items.items():
            if "value" not in kinds:
                raise SchemaError(f"column {kinds['note'][1]!r} is a note of {item}, but there is no {item} column",
                                  file=self.file, where=self.whole_sheet(table))
        if items and "person" not in taken:
            raise self.missing(table, "'person' (henkilö)")
        return items

    def long(self, table: Table, columns: dict) -> list:
        for wanted in ("person", "item", "value"):
            if wanted not in columns:
                raise self.missing(table, repr(wanted))
        out = []
        for row, cells in _rows(table):
            cell = _cells(cells, columns)
            person, team = self.person(table.name, row, cell, columns)
            self.round(table.name, row, cell, columns)
            item = self.item(table.name, row, cell("item"), columns["item"][1])
            value = self.agreement(table.name, row, cell("value"), columns["value"][1], blank_ok=False)
            note = self.note(table.name, row, cell("note"), columns.get("note", (0, "note"))[1])
            first = person is not None and item is not None and self.once(table.name, row, person, item,
                                                                          columns["item"][1])
            if first and value is not None and note is not None:
                out.append((person, team, FitnessAnswer(item, value, note)))
        return out

    def wide(self, table: Table, columns: dict, items: dict) -> list:
        out = []
        for row, cells in _rows(table):
            cell = _cells(cells, columns)
            given = {item: (_at(cells, kinds["value"][0]), _at(cells, kinds.get("note", (None,))[0]))
                     for item, kinds in items.items()}
            if all(_blank(v) and _blank(n) for v, n in given.values()):
                continue  # a name with no answers: the person did not answer (yet)
            person, team = self.person(table.name, row, cell, columns)
            self.round(table.name, row, cell, columns)
            for item, (raw, raw_note) in given.items():
                value_head = items[item]["value"][1]
                note_head = items[item].get("note", (None, f"{item} note"))[1]
                if _blank(raw):
                    if not _blank(raw_note):
                        self.bad(table.name, row, note_head, f"a note for {item}, which is not answered "
                                 "(expected an answer 1…5 beside the note)")
                    continue
                value = self.agreement(table.name, row, raw, value_head, blank_ok=False)
                note = self.note(table.name, row, raw_note, note_head)
                if None not in (person, value, note) and self.once(table.name, row, person, item, value_head):
                    out.append((person, team, FitnessAnswer(item, value, note)))
        return out

    def person(self, sheet: str, row: int, cell: Callable, columns: dict) -> tuple[str | None, str | None]:
        head = columns["person"][1]
        person = self.name(sheet, row, cell("person"), head, "person",
                           "the name of the person who answered")
        team = None
        if "team" in columns and not _blank(cell("team")):
            team = self.name(sheet, row, cell("team"), columns["team"][1], "team", "a team name")
        if person is None or team is None:
            return person, team
        earlier, first_row = self.teams.setdefault(person, (team, row))
        if earlier != team:
            self.bad(sheet, row, columns["team"][1],
                     f"{shown(person)} is in team {shown(earlier)} on {self.row_word(first_row)} {first_row} "
                     "(expected one team per person in a file)")
        return person, team

    def name(self, sheet: str, row: int, raw, head: str, what: str, expected: str) -> str | None:
        text = _text(raw)
        if not text:
            self.bad(sheet, row, head, f"empty {what} (expected {expected})")
            return None
        try:
            return _name(text, what)
        except SchemaError as exc:
            self.bad(sheet, row, head, exc.what)
            return None

    def round(self, sheet: str, row: int, cell: Callable, columns: dict) -> None:
        if "round" in columns and not _blank(cell("round")):
            self.rounds.setdefault(_text(cell("round")), sheet)

    def item(self, sheet: str, row: int, raw, head: str) -> str | None:
        text = _text(raw)
        item = _ITEM_IDS.get(text.casefold())
        if item is None:
            what = "empty item" if not text else f"{shown(text)} is not a fitness item"
            self.bad(sheet, row, head, f"{what} (expected {_ITEMS_EXPECTED})")
        return item

    def agreement(self, sheet: str, row: int, raw, head: str, *, blank_ok: bool) -> int | None:
        if _blank(raw):
            if not blank_ok:
                self.bad(sheet, row, head, "empty value (expected a whole number 1…5)")
            return None
        try:
            return _whole(raw, 1, 5, "an agreement")
        except ValueError as exc:
            self.bad(sheet, row, head, str(exc))
            return None

    def note(self, sheet: str, row: int, raw, head: str) -> str | None:
        try:
            return check_note(_text(raw))
        except SchemaError as exc:
            self.bad(sheet, row, head, exc.what)
            return None

    def once(self, sheet: str, row: int, person: str, item: str, head: str) -> bool:
        earlier = self.seen.setdefault((person, item), row)
        if earlier != row:
            self.bad(sheet, row, head, f"a second answer of {shown(person)} to {item} (the first is on "
                     f"{self.row_word(earlier)} {earlier}; expected one answer per person and item)")
            return False
        return True

    def row_word(self, row: int) -> str:
        return "line" if self.csv else "row"

    def whole_sheet(self, table: Table) -> str | None:
        """The place of a whole sheet; a CSV file is the file itself."""
        return None if self.csv else self.place(table.name, None, None)

    def with_teams(self, answers: list) -> list:
        """Every answer of a person under the team given on any of their rows (one team per person)."""
        return [(person, self.teams.get(person, (team,))[0], answer) for person, team, answer in answers]

    # -- interviews ----------------------------------------------------------------------------
    def interviews(self, table: Table) -> list[tuple[str | None, Interview]]:
        columns = self.columns(table, _INTERVIEW_HEADERS)
        if not any(q in columns for q in _QUESTIONS):
            raise self.missing(table, "'got', 'again' or 'recommend' (sai, palaa, suosittelee)")
        out = []
        for row, cells in _rows(table):
            cell = _cells(cells, columns)
            fields, ok = {}, True
            for question in ("got", "again"):
                if question in columns:
                    fields[question], good = self.choice(table.name, row, cell(question), columns[question][1])
                    ok &= good
            if "recommend" in columns and not _blank(cell("recommend")):
                try:
                    fields["recommend"] = _whole(cell("recommend"), RECOMMEND_SCALE[0], RECOMMEND_SCALE[-1],
                                                 "a recommendation")
                except ValueError as exc:
                    self.bad(table.name, row, columns["recommend"][1], str(exc))
                    ok = False
            for field in ("got_why", "again_why", "recommend_why", "touchpoint"):
                fields[field] = _text(cell(field)) if field in columns else ""
            team = None
            if "team" in columns and not _blank(cell("team")):
                team = self.name(table.name, row, cell("team"), columns["team"][1], "team", "a team name")
                ok &= team is not None
            self.round(table.name, row, cell, columns)
            if ok:
                try:
                    out.append((team, Interview(**fields)))
                except SchemaError as exc:
                    head = columns.get(exc.where, (0, None))[1]
                    self.bad(table.name, row, head, exc.what)
        return out

    def choice(self, sheet: str, row: int, raw, head: str) -> tuple[str | None, bool]:
        if _blank(raw):
            return None, True
        answer = ({True: "yes", False: "no"}.get(raw) if isinstance(raw, bool)
                  else _CHOICES.get(_text(raw).casefold()))
        if answer is None:
            self.bad(sheet, row, head, f"{shown(_text(raw))} is not an answer (expected yes, partly or no; "
                     "kyllä, osittain tai ei)")
            return None, False
        return answer, True


def _rows(table: Table):
    """The rows of a table that hold anything."""
    return ((row, cells) for row, cells in table.rows if not all(_blank(c) for c in cells))


def _cells(cells: list, columns: dict) -> Callable:
    return lambda field: _at(cells, columns[field][0]) if field in columns else None


def _at(cells: list, index: int | None):
    return cells[index] if index is not None and index < len(cells) else None


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> str:
    """A cell as text: outer spaces off and our own formula escaping undone."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a name typed as 12 comes back from Excel as 12.0
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return unsafe_cell(str(value).strip())


_MINUS = str.maketrans({"−": "-", "–": "-", "\u00a0": "", " ": "", "\u202f": ""})


def _whole(value, low: int, high: int, what: str) -> int:
    """A whole number low…high from a cell (4, 4.0 and "4" alike); ValueError saying what was expected."""
    expected = f"(expected a whole number {low}…{high})"
    number = value
    if isinstance(value, str):
        try:
            number = float(value.strip().translate(_MINUS).replace(",", "."))
        except ValueError:
            raise ValueError(f"{shown(value.strip())} is not {what} {expected}") from None
    if isinstance(number, bool) or not isinstance(number, (int, float)):
        raise ValueError(f"{shown(value)} is not {what} {expected}")
    if not math.isfinite(number) or number != int(number) or not low <= number <= high:
        text = str(int(number)) if math.isfinite(number) and number == int(number) else f"{number:g}"
        raise ValueError(f"{text} is not {what} {expected}")
    return int(number)


# -- exporting ---------------------------------------------------------------------------------
def export_round(store: FitnessStore, path: str | os.PathLike, *, round: str | None = None,
                 dialect: str | None = None, force: bool = False) -> Path:
    """Write a round's answers (the latest of each person and item) to ``.xlsx`` or ``.csv``; return the path.

    The answers are in the LONG layout, columns :data:`ROUND_COLUMNS`, so
    :func:`import_answers` reads the file back. A workbook also holds the
    round's customer interviews on an ``interviews`` sheet; a CSV file holds
    the answers only. Text a spreadsheet would run as a formula gets a ``'``
    in front (undone on import). Written atomically.

    Parameters
    ----------
    round : str, optional
        The round (default: the latest).
    dialect : {"excel-fi", "excel"}, optional
        For CSV: ``excel-fi`` (default) writes ``;``, a decimal comma and a
        byte-order mark, as Finnish Excel expects; ``excel`` writes ``,``.
    force : bool
        Replace an existing file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with FitnessStore(folder / "servicepath.db") as store:
    ...     _ = store.new_round("2026-Q4", opened="2026-11-23")
    ...     store.save_batch([("Aino", "Kassa", FitnessAnswer("K1", 4, "=kysy ensin"))])
    ...     path = export_round(store, folder / "round.csv")
    1
    >>> path.read_text(encoding="utf-8-sig").splitlines()[1][:36]
    "2026-Q4;Aino;Kassa;K1;4;'=kysy ensin"
    """
    path = Path(path)
    kind = path.suffix.lower()
    if kind not in (".xlsx", ".csv"):
        raise UnsupportedFormatError(f"{path}: a round is written as .xlsx or .csv (got {path.suffix or 'no ending'})")
    dialect = dialect or "excel-fi"
    if dialect not in ("excel", "excel-fi"):
        raise UnsupportedFormatError(f"unknown CSV dialect {dialect!r} (use 'excel' or 'excel-fi')")
    if path.is_dir():
        raise SaveError(f"{path} is a folder; give the name of a file to write")
    if path.exists() and not force:
        raise SaveError(f"{path} already exists; use force=True / --force to replace it")
    round_ = store.latest_round() if round is None else round
    if round_ not in set(store.rounds()["round"]):
        raise UnknownIdError(f"{store.path}: no round {shown(round_)} (expected one of the rounds in the database)")
    answers = store.answers(round=round_)
    rows = [[r["round"], r["person"], r["team"], r["item"], int(r["value"]), r["note"], r["answered_at"]]
            for r in answers.to_dict("records")]
    if kind == ".csv":
        data = csv_bytes(ROUND_COLUMNS, rows, dialect)
        return atomic_write(path, lambda f: f.write(data))
    interviews = store.interviews(round=round_)
    interview_rows = [[_plain(r[c]) for c in ROUND_INTERVIEW_COLUMNS] for r in interviews.to_dict("records")]
    sheets = {"answers": (ROUND_COLUMNS, rows), "interviews": (ROUND_INTERVIEW_COLUMNS, interview_rows)}
    return atomic_write(path, lambda f: write_xlsx(sheets, f))


def _plain(value):
    """A table value as a cell: missing values empty, NumPy numbers as Python numbers."""
    if pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value
