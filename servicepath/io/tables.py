"""Journeys as spreadsheet tables: an xlsx workbook or a folder of CSV files.

One sheet (or CSV file) per section, with flat columns. Column and sheet names
may be written in English or Finnish; the columns are documented in the README
("Spreadsheet columns"). Readers turn the rows into a journey document and
report any problem by sheet, row and column.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from ..errors import SchemaError, ValidationError, shown
from ..model.timestamps import format_timestamp, parse_timestamp
from ..model.validate import Problem

__all__ = [
    "SHEETS", "Column", "Table", "document_from_tables", "safe_cell", "sheet_of", "tables_from_document", "unsafe_cell",
]


@dataclass(frozen=True)
class Column:
    name: str
    kind: str = "text"  # text | number | integer | bool | list | time | json
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()


def _cols(spec: str) -> tuple[Column, ...]:
    """Columns from ``"name:kind=alias|alias name2 ..."`` (kind text when left out)."""
    out = []
    for item in spec.split():
        head, _, aliases = item.partition("=")
        name, _, kind = head.partition(":")
        out.append(Column(name, kind or "text", tuple(a for a in aliases.split("|") if a)))
    return tuple(out)


SHEETS: dict[str, Sheet] = {
    sheet.name: sheet
    for sheet in (
        Sheet("journey", _cols("field=kenttä value=arvo"), ("asiakaspolku", "polku")),
        Sheet("stages", _cols("id=tunniste name_fi=nimi_fi name_en=nimi_en"), ("vaiheet",)),
        Sheet(
            "touchpoints",
            _cols(
                "id=tunniste name_fi=nimi_fi name_en=nimi_en stage=vaihe lane=kaista channel=kanava "
                "owner=vastuuhenkilö|omistaja emotion:number=tunne A:number R:number V:number O:number "
                "critical:bool=kriittinen|totuuden_hetki tags:list=tagit|avainsanat "
                "entry_share:number=aloitusosuus|alkuosuus final:bool=päätepiste|lopetus "
                "description_fi=kuvaus_fi description_en=kuvaus_en notes=muistiinpanot|huomiot"
            ),
            ("kosketuspisteet",),
        ),
        Sheet(
            "transitions",
            _cols("source=lähtö|mistä target=kohde|mihin share:number=osuus volume:number=määrä duration=kesto"),
            ("siirtymät",),
        ),
        Sheet(
            "pain_points",
            _cols(
                "touchpoint=kosketuspiste id=tunniste text_fi=teksti_fi text_en=teksti_en "
                "severity:integer=vakavuus frequency:integer=yleisyys|toistuvuus"
            ),
            ("kipupisteet",),
        ),
        Sheet(
            "ratings",
            _cols("rater=arvioija touchpoint=kosketuspiste principle=periaate value:number=arvo|pisteet"),
            ("arviot",),
        ),
        Sheet("answers", _cols("touchpoint=kosketuspiste question=kysymys answer:bool=vastaus rater=arvioija"),
              ("vastaukset",)),
        Sheet("improvements", _cols("json:json"), ("kehitystoimenpiteet",)),
        Sheet("votes", _cols("json:json"), ("äänet",)),
    )
}

#: Keys of the journey sheet (field → value rows), with their Finnish names.
JOURNEY_FIELDS = {
    "schema_version": ("integer", ("skeemaversio",)),
    "title_fi": ("text", ("otsikko_fi",)),
    "title_en": ("text", ("otsikko_en",)),
    "persona_fi": ("text", ("persoona_fi",)),
    "persona_en": ("text", ("persoona_en",)),
    "languages": ("list", ("kielet",)),
    "goals": ("list", ("tavoitteet",)),
    "created": ("time", ("luotu",)),
    "modified": ("time", ("muokattu",)),
}


@dataclass
class Table:
    """The cells of one sheet: its header and its data rows with their row numbers."""

    name: str
    header: list
    rows: list[tuple[int, list]] = field(default_factory=list)


# -- formula safety ---------------------------------------------------------------------
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Make text harmless in a spreadsheet: a leading ``= + - @`` or tab gets a ``'`` before it.

    Examples
    --------
    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    >>> safe_cell("Maksaminen")
    'Maksaminen'
    """
    # Text that is a formula start behind any number of apostrophes gets one more, so that reading
    # back (which takes exactly one away) gives "=x", "'=x" and "''=x" back as they were typed.
    return "'" + text if text.lstrip("'").startswith(_FORMULA_START) else text


def unsafe_cell(text: str) -> str:
    """Undo :func:`safe_cell` when reading back, so names round-trip exactly.

    Examples
    --------
    >>> [unsafe_cell(safe_cell(t)) for t in ("=x", "'=x", "''=x", "'x")]
    ['=x', "'=x", "''=x", "'x"]
    """
    return text[1:] if text.startswith("'") and text.lstrip("'").startswith(_FORMULA_START) else text


# -- reading ----------------------------------------------------------------------------
def _header_key(text) -> str:
    return re.sub(r"[\s\-()]+", "_", str(text).strip().casefold()).strip("_")


def sheet_of(name: str) -> str | None:
    """The sheet a sheet or file name stands for, in English or Finnish; None for other names.

    Examples
    --------
    >>> sheet_of("Kosketuspisteet"), sheet_of("notes")
    ('touchpoints', None)
    """
    key = _header_key(name)
    return next((s.name for s in SHEETS.values() if key in {_header_key(s.name), *map(_header_key, s.aliases)}), None)


def _find_sheet(tables: dict[str, Table], sheet: Sheet) -> Table | None:
    names = {_header_key(sheet.name), *(_header_key(a) for a in sheet.aliases)}
    return next((t for name, t in tables.items() if _header_key(name) in names), None)


class _Reader:
    """Turns the tables of one workbook or CSV folder into a journey document."""

    def __init__(self, tables: dict[str, Table], file: str, place):
        self.tables, self.file, self.place = tables, file, place
        self.doc: dict = {}
        self.locations: dict[str, tuple[str, int]] = {}  # document path → (sheet, row)
        self.headers: dict[str, dict[str, str]] = {}  # sheet → column → header as typed

    def fail(self, what: str, sheet: str, row: int | None = None, column: str | None = None, cls=SchemaError):
        where = self.place(sheet, row, self.headers.get(sheet, {}).get(column, column))
        if cls is ValidationError:
            raise cls(what, file=self.file, where=where, problems=[Problem("error", where, what, "unknown-id")])
        raise cls(what, file=self.file, where=where)

    def records(self, sheet: Sheet, required=(), must_exist=False) -> tuple[str, list[tuple[int, dict]]]:
        """The sheet's non-blank rows as ``(row number, {column: value})``; ``required`` columns checked."""
        table = _find_sheet(self.tables, sheet)
        if table is not None and not must_exist and _is_blank(table):
            table = None  # a sheet cleared in Excel means "nothing here", not "columns missing"
        if table is None:
            if must_exist:
                found = ", ".join(self.tables) or "none"
                self.fail(f"missing sheet {sheet.name!r} (sheets found: {found})", sheet.name)
            return sheet.name, []
        lookup = {}
        for column in sheet.columns:
            for name in (column.name, *column.aliases):
                lookup[_header_key(name)] = column
        positions: dict[int, Column] = {}
        typed = self.headers.setdefault(table.name, {})
        for i, head in enumerate(table.header):
            column = lookup.get(_header_key(head)) if head not in (None, "") else None
            if column is not None:
                if column in positions.values():
                    self.fail(f"column {column.name!r} appears twice; keep one", table.name, None, column.name)
                positions[i] = column
                typed[column.name] = str(head).strip()
        for names in required:
            if not any(c.name in names.split("|") for c in positions.values()):
                found = ", ".join(str(h) for h in table.header if h not in (None, "")) or "none"
                wanted = " or ".join(map(repr, names.split("|")))
                self.fail(f"missing column {wanted} (columns found: {found})", table.name)
        out = []
        for row_number, cells in table.rows:
            record = {}
            for i, column in positions.items():
                value = cells[i] if i < len(cells) else None
                record[column.name] = self.cell(value, column.kind, table.name, row_number, column.name)
            if any(v not in (None, "", []) for v in record.values()):
                out.append((row_number, record))
        return table.name, out

    def cell(self, value, kind: str, sheet: str, row: int, column: str, *, unescape: bool = True):
        if isinstance(value, str):
            value = value.strip()
            value = unsafe_cell(value) if unescape else value
            if value == "":
                return None
        if value is None:
            return None
        try:
            return _CONVERT[kind](value)
        except (ValueError, TypeError) as exc:
            self.fail(f"{shown(value)} is not {_KIND_WORDS[kind]}{': ' + str(exc) if kind == 'json' else ''}",
                      sheet, row, column)

    def document(self, default_title: str) -> dict:
        doc = self.doc = self.journey_fields(default_title)
        tp_sheet, touchpoints = self.records(SHEETS["touchpoints"], required=("stage", "name_fi|name_en"),
                                                 must_exist=True)
        # A row with no id, name or stage holds only leftovers (e.g. false, 0) of a deleted touchpoint.
        touchpoints = [(row, rec) for row, rec in touchpoints
                       if any(rec.get(k) for k in ("id", "name_fi", "name_en", "stage"))]
        self.typed_touchpoints, self.made_ids = touchpoints, set()
        doc["touchpoints"] = [self.touchpoint(i, tp_sheet, row, rec) for i, (row, rec) in enumerate(touchpoints)]
        doc["stages"] = self.stages(doc["touchpoints"])
        self.pain_points(doc["touchpoints"])
        doc["transitions"] = self.transitions(doc["touchpoints"])
        doc["ratings"] = self.ratings()
        doc["answers"] = self.answers()
        for name in ("improvements", "votes"):
            sheet_name, rows = self.records(SHEETS[name])
            doc[name] = [rec["json"] for _, rec in rows if rec.get("json") is not None]
        return doc

    def journey_fields(self, default_title: str) -> dict:
        sheet_name, rows = self.records(SHEETS["journey"])
        lookup = {_header_key(k): k for k in JOURNEY_FIELDS}
        lookup |= {_header_key(alias): k for k, (_, aliases) in JOURNEY_FIELDS.items() for alias in aliases}
        values = {}
        for row, rec in rows:
            key = lookup.get(_header_key(rec.get("field") or ""))
            if key is None:
                self.fail(f"{rec.get('field')!r} is not a journey field (expected: {', '.join(JOURNEY_FIELDS)})",
                          sheet_name, row, "field")
            raw = rec.get("value")
            # `raw` was read as a cell already (formula-safety undone): convert it, do not undo it twice
            values[key] = None if raw is None else self.cell(raw, JOURNEY_FIELDS[key][0], sheet_name, row, "value",
                                                             unescape=False)
            self.locations[{"title_fi": "title", "title_en": "title", "persona_fi": "persona",
                            "persona_en": "persona"}.get(key, key)] = (sheet_name, row)
        doc: dict = {"schema_version": values.get("schema_version") or 1}
        doc["title"] = _text(values.get("title_fi"), values.get("title_en")) or {"en": default_title}
        persona = _text(values.get("persona_fi"), values.get("persona_en"))
        if persona:
            doc["persona"] = persona
        for key in ("languages", "goals", "created", "modified"):
            if values.get(key) is not None:
                doc[key] = values[key]
        return doc

    def touchpoint(self, index: int, sheet: str, row: int, rec: dict) -> dict:
        self.locations[f"touchpoints[{index}]"] = (sheet, row)
        tp: dict = {"id": rec.get("id") or self.new_id(rec.get("name_en") or rec.get("name_fi") or f"row-{row}")}
        tp["name"] = _text(rec.get("name_fi"), rec.get("name_en"))
        tp["stage"] = rec.get("stage")
        for key in ("lane", "channel", "owner", "emotion", "critical", "tags", "entry_share", "final", "notes"):
            if rec.get(key) is not None:
                tp[key] = rec[key]
        description = _text(rec.get("description_fi"), rec.get("description_en"))
        if description:
            tp["description"] = description
        arvo = {p: rec[p] for p in "ARVO" if rec.get(p) is not None}
        if arvo:
            tp["arvo"] = arvo
        if tp["stage"] is None:
            self.fail("empty stage; every touchpoint needs a stage", sheet, row, "stage")
        return tp

    def new_id(self, name: str) -> str:
        """An id made from a name, unique among the ids made so far ("kassa", "kassa-2", ...)."""
        base = _slug(name)
        typed = {rec.get("id") for _, rec in self.typed_touchpoints}
        candidate, n = base, 1
        while candidate in self.made_ids or candidate in typed:
            n += 1
            candidate = f"{base}-{n}"
        self.made_ids.add(candidate)
        return candidate

    def stages(self, touchpoints: list[dict]) -> list[dict]:
        sheet_name, rows = self.records(SHEETS["stages"], required=("id",))
        if not rows and _find_sheet(self.tables, SHEETS["stages"]) is None:
            # No stages sheet: the stages are those the touchpoints name, in order of appearance.
            return [{"id": s} for s in dict.fromkeys(str(tp["stage"]) for tp in touchpoints)]
        stages = []
        for i, (row, rec) in enumerate(rows):
            self.locations[f"stages[{i}]"] = (sheet_name, row)
            stage = {"id": rec.get("id")}
            name = _text(rec.get("name_fi"), rec.get("name_en"))
            if name:
                stage["name"] = name
            stages.append(stage)
        return stages

    def resolve(self, reference, touchpoints: list[dict]):
        """A touchpoint id, or a name typed in its place (workshop notes often use names)."""
        if any(tp["id"] == reference for tp in touchpoints) or not isinstance(reference, str):
            return reference
        wanted = reference.casefold()
        matches = [tp["id"] for tp in touchpoints if wanted in (n.casefold() for n in tp["name"].values())]
        return matches[0] if len(matches) == 1 else reference

    def pain_points(self, touchpoints: list[dict]) -> None:
        sheet_name, rows = self.records(SHEETS["pain_points"], required=("touchpoint", "text_fi|text_en"))
        index = {tp["id"]: i for i, tp in enumerate(touchpoints)}
        for row, rec in rows:
            tp_id = self.resolve(rec.get("touchpoint"), touchpoints)
            if tp_id not in index:
                self.fail(f"{tp_id!r} is not the id of any touchpoint", sheet_name, row, "touchpoint", ValidationError)
            pains = touchpoints[index[tp_id]].setdefault("pain_points", [])
            self.locations[f"touchpoints[{index[tp_id]}].pain_points[{len(pains)}]"] = (sheet_name, row)
            pain = {"id": rec["id"]} if rec.get("id") else {}
            pain["text"] = _text(rec.get("text_fi"), rec.get("text_en"))
            for key in ("severity", "frequency"):
                if rec.get(key) is not None:
                    pain[key] = rec[key]
            pains.append(pain)

    def transitions(self, touchpoints: list[dict]) -> list[dict]:
        sheet_name, rows = self.records(SHEETS["transitions"], required=("source", "target", "share"))
        out = []
        for i, (row, rec) in enumerate(rows):
            self.locations[f"transitions[{i}]"] = (sheet_name, row)
            tr = {"source": self.resolve(rec.get("source"), touchpoints),
                  "target": self.resolve(rec.get("target"), touchpoints), "share": rec.get("share")}
            for key in ("volume", "duration"):
                if rec.get(key) is not None:
                    tr[key] = rec[key]
            out.append(tr)
        return out

    def ratings(self) -> list[dict]:
        sheet_name, rows = self.records(SHEETS["ratings"], required=("rater", "touchpoint", "principle", "value"))
        for i, (row, _) in enumerate(rows):
            self.locations[f"ratings[{i}]"] = (sheet_name, row)
        return [rec for _, rec in rows]

    def answers(self) -> list[dict]:
        sheet_name, rows = self.records(SHEETS["answers"], required=("touchpoint", "question"))
        out = []
        for i, (row, rec) in enumerate(rows):
            self.locations[f"answers[{i}]"] = (sheet_name, row)
            answer = {"touchpoint": rec.get("touchpoint"), "question": rec.get("question"), "answer": rec.get("answer")}
            if rec.get("rater"):
                answer["rater"] = rec["rater"]
            out.append(answer)
        return out

    def locate(self, path: str) -> str:
        """Turn a document path, or a :func:`validate` place, into 'sheet, row, column'."""
        path = self.by_index(path)
        if path in ("touchpoints", "stages", "transitions"):  # the section as a whole, e.g. entry shares
            table = _find_sheet(self.tables, SHEETS[path])
            return self.place(table.name if table else path, None, None)
        best = max((p for p in self.locations if path == p or path.startswith(p + ".")), key=len, default=None)
        if best is None:
            return self.place("journey", None, None) + f" ({path})"
        sheet, row = self.locations[best]
        if "[" not in best:  # a field of the journey sheet: its value is in the value column
            return self.place(sheet, row, self.headers.get(sheet, {}).get("value", "value"))
        rest = path[len(best):].lstrip(".")
        column = _COLUMN_OF.get(rest.split(".", 1)[0], rest.replace(".", "_")) if rest else None
        if rest.startswith(("arvo.", "name.", "text.", "description.")):
            column = {"arvo": rest[5:]}.get(rest.split(".")[0], rest.replace(".", "_"))
        typed = self.headers.get(sheet, {}).get(column, column)
        return self.place(sheet, row, typed)


    def by_index(self, path: str) -> str:
        """``touchpoints['pay'].stage`` (how validate names places) → ``touchpoints[4].stage``."""
        doc = self.doc
        for section, key in (("touchpoints", "id"), ("stages", "id")):
            for i, item in enumerate(doc.get(section, [])):
                prefix = f"{section}[{item[key]!r}]"
                if path.startswith(prefix):
                    return f"{section}[{i}]{path[len(prefix):]}"
        for i, tr in enumerate(doc.get("transitions", [])):
            prefix = f"transitions[{tr['source']!r}→{tr['target']!r}]"
            if path.startswith(prefix):
                return f"transitions[{i}]{path[len(prefix):]}"
        return "goals" if path.startswith("goals[") else path


_COLUMN_OF = {"name": "name_fi", "text": "text_fi", "title": "value", "persona": "value"}


def document_from_tables(tables: dict[str, Table], *, file: str, place, default_title: str):
    """Build a journey document from tables; return ``(document, locate)``."""
    reader = _Reader(tables, file, place)
    return reader.document(default_title), reader.locate


def _is_blank(table: Table) -> bool:
    return all(c in (None, "") for c in table.header) and all(
        c in (None, "") for _, cells in table.rows for c in cells)


def _text(fi, en) -> dict:
    return {k: str(v) for k, v in (("fi", fi), ("en", en)) if v not in (None, "")}


def _slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.casefold()).strip("-")[:60] or "touchpoint"


# -- cell conversion -------------------------------------------------------------------
_MINUS = str.maketrans({"−": "-", "–": "-", "\u00a0": "", " ": "", "\u202f": ""})


def _read_number(value):
    if isinstance(value, bool):
        raise ValueError("true/false")
    if isinstance(value, (int, float)):
        return value
    text = str(value).translate(_MINUS)
    percent = text.endswith("%")
    text = text.rstrip("%").replace(",", ".")
    if text.startswith("+"):
        text = text[1:]
    number = float(text)  # raises ValueError on anything else
    if number != number or number in (float("inf"), float("-inf")):
        raise ValueError("not finite")
    number = number / 100 if percent else number
    return int(number) if number.is_integer() and "." not in text and not percent else number


def _integer(value):
    number = _read_number(value)
    if isinstance(number, float):
        if not number.is_integer():
            raise ValueError("not whole")
        number = int(number)
    return number


_TRUE = {"true", "yes", "y", "x", "1", "kyllä", "k", "tosi", "on"}
_FALSE = {"false", "no", "n", "0", "ei", "epätosi", "off"}


def _bool(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)) and value in (0, 1):
        return bool(value)
    key = str(value).strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(key)


def _list(value):
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _time(value):
    return format_timestamp(parse_timestamp(value))


def _json(value):
    parsed = json.loads(str(value))
    if not isinstance(parsed, dict):
        raise ValueError("expected a JSON object")
    return parsed


def _plain_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # an id typed as 12 comes back from Excel as 12.0
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)


_CONVERT = {
    "text": _plain_text, "number": _read_number, "integer": _integer, "bool": _bool,
    "list": _list, "time": _time, "json": _json,
}
_KIND_WORDS = {
    "text": "text", "number": "a number", "integer": "a whole number", "bool": "yes/no (kyllä/ei)",
    "list": "a comma-separated list", "time": "a date and time", "json": "a JSON object",
}


# -- writing ----------------------------------------------------------------------------
def tables_from_document(doc: dict) -> dict[str, tuple[list[str], list[list]]]:
    """The sheets of a journey document: ``{sheet: (header, rows)}`` with plain cell values.

    Text is returned as written; writers apply :func:`safe_cell`.
    """
    journey_rows = [["schema_version", doc["schema_version"]]]
    for key, section in (("title", "title"), ("persona", "persona")):
        for lang in ("fi", "en"):
            journey_rows.append([f"{key}_{lang}", doc.get(section, {}).get(lang)])
    journey_rows += [
        ["languages", ", ".join(doc.get("languages", []))],
        ["goals", ", ".join(doc.get("goals", []))],
        ["created", _as_datetime(doc.get("created"))],
        ["modified", _as_datetime(doc.get("modified"))],
    ]
    tp_columns = [c.name for c in SHEETS["touchpoints"].columns]
    touchpoint_rows = []
    pain_rows = []
    for tp in doc["touchpoints"]:
        flat = {
            "id": tp["id"], "stage": tp["stage"], "lane": tp.get("lane"), "channel": tp.get("channel"),
            "owner": tp.get("owner"), "emotion": tp.get("emotion"), "critical": tp.get("critical", False),
            "tags": ", ".join(tp.get("tags", [])), "entry_share": tp.get("entry_share", 0),
            "final": tp.get("final", False), "notes": tp.get("notes"),
        }
        for lang in ("fi", "en"):
            flat[f"name_{lang}"] = tp["name"].get(lang)
            flat[f"description_{lang}"] = tp.get("description", {}).get(lang)
        flat.update(tp.get("arvo", {}))
        touchpoint_rows.append([flat.get(c) for c in tp_columns])
        for pain in tp.get("pain_points", []):
            pain_rows.append([tp["id"], pain.get("id"), pain["text"].get("fi"), pain["text"].get("en"),
                              pain.get("severity", 3), pain.get("frequency", 3)])
    return {
        "journey": (["field", "value"], journey_rows),
        "stages": (["id", "name_fi", "name_en"],
                   [[s["id"], s.get("name", {}).get("fi"), s.get("name", {}).get("en")] for s in doc["stages"]]),
        "touchpoints": (tp_columns, touchpoint_rows),
        "transitions": (["source", "target", "share", "volume", "duration"],
                        [[t["source"], t["target"], t["share"], t.get("volume"), t.get("duration")]
                         for t in doc.get("transitions", [])]),
        "pain_points": ([c.name for c in SHEETS["pain_points"].columns], pain_rows),
        "ratings": (["rater", "touchpoint", "principle", "value"],
                    [[r["rater"], r["touchpoint"], r["principle"], r["value"]] for r in doc.get("ratings", [])]),
        "answers": (["touchpoint", "question", "answer", "rater"],
                    [[a["touchpoint"], a["question"], a["answer"], a.get("rater")] for a in doc.get("answers", [])]),
        "improvements": (["json"], [[json.dumps(i, ensure_ascii=False)] for i in doc.get("improvements", [])]),
        "votes": (["json"], [[json.dumps(v, ensure_ascii=False)] for v in doc.get("votes", [])]),
    }


def _as_datetime(value: str | None):
    # Excel has no time zones: cells hold UTC.
    return None if value is None else parse_timestamp(value).replace(tzinfo=None)

