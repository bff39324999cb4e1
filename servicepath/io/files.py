"""Load and save journeys: JSON (native), YAML, xlsx workbooks and folders of CSV files."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import json
import os
import zipfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import yaml

from ..errors import FileFormatError, InputError, SaveError, SchemaError, UnsupportedFormatError
from ..model.journey import Journey, now
from ..model.timestamps import format_timestamp
from ..model.validate import Problem, raise_for_errors, validate
from .atomic import atomic_write, atomic_write_many
from .document import check_document, from_document, to_document
from .tables import Table, document_from_tables, safe_cell, sheet_of, tables_from_document

__all__ = ["load", "save", "loads", "dumps", "format_of", "validate_file", "FORMATS", "MAX_FILE_BYTES"]

#: The formats, by name: what ``format_of`` returns and ``save(format=...)`` takes.
FORMATS = ("json", "yaml", "xlsx", "csv")
#: Files larger than this are refused before reading (a journey of 10,000 touchpoints is ~6 MB).
MAX_FILE_BYTES = 200 * 1024 * 1024
_SUFFIXES = {".json": "json", ".yaml": "yaml", ".yml": "yaml", ".xlsx": "xlsx", ".csv": "csv"}


def format_of(path: str | os.PathLike) -> str:
    """The format a path names: by its ending, or ``csv`` for a folder (a name without an ending).

    Examples
    --------
    >>> format_of("my.journey.json"), format_of("notes.xlsx"), format_of("tables/")
    ('json', 'xlsx', 'csv')
    """
    path = Path(path)
    if path.suffix.lower() in _SUFFIXES:
        return _SUFFIXES[path.suffix.lower()]
    if path.is_dir() or not path.suffix:
        return "csv"
    raise UnsupportedFormatError(
        f"{path}: cannot tell the format from the name; use .journey.json, .yaml, .xlsx, "
        "or a folder (or .csv file) of CSV tables"
    )


# -- loading ---------------------------------------------------------------------------------
def load(path: str | os.PathLike, *, strict: bool = True) -> Journey:
    """Read a journey from a file.

    Parameters
    ----------
    path : path-like
        A ``.journey.json``, ``.yaml``/``.yml`` or ``.xlsx`` file, or a folder
        of CSV tables (or one of its ``.csv`` files).
    strict : bool
        Raise :class:`~servicepath.ValidationError` on the first error that
        :func:`~servicepath.validate` finds. With ``False`` the journey is
        returned as it is, for ``validate`` to list every problem.

    Raises
    ------
    ServicepathError
        A subclass naming the file, the place in it and what was expected.
        Nothing in the file is ever executed.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> path = sp.save(sp.load_sample("webshop"), folder / "webshop.journey.json")
    >>> len(sp.load(path))
    20
    """
    if not strict:
        with _collector_paused():
            return _read_journey(Path(path), format_of(path))[0]
    journey, problems = validate_file(path)
    raise_for_errors(problems, file=str(path))
    return journey


def validate_file(path: str | os.PathLike) -> tuple[Journey, list[Problem]]:
    """Load a journey without stopping at rule breaks; return it and every problem found.

    Places are given as the file shows them: a sheet, row and column for
    spreadsheets. Errors that leave no journey to check still raise.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> path = sp.save(sp.load_sample("webshop"), pathlib.Path(tempfile.mkdtemp()) / "w.xlsx")
    >>> sp.validate_file(path)[1]
    []
    """
    path = Path(path)
    with _collector_paused():
        journey, locate = _read_journey(path, format_of(path))
        problems = validate(journey)
    if locate is not None:
        problems = [replace(p, where=locate(p.where)) for p in problems]
    return journey, problems


@contextlib.contextmanager
def _collector_paused():
    """Pause Python's cycle collector while a file is read.

    Reading makes hundreds of thousands of small objects and no cycles; the
    collector's repeated scans of them made loading 10,000 touchpoints grow
    faster than linearly (benchmarks/bench_model.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_journey(path: Path, kind: str):
    locate = None
    if kind == "csv":
        folder = path if path.is_dir() else path.parent
        journey, locate = _from_tables(_readcsv_folder(folder), str(folder), _csv_place, folder.name)
    elif kind == "xlsx":
        tables = _read_xlsx(_read_bytes(path), str(path))
        journey, locate = _from_tables(tables, str(path), _sheet_place, _title_from(path))
    else:
        journey = loads(_read_bytes(path), kind, file=str(path))
    return journey, locate


def loads(data: bytes | str, kind: str = "json", *, file: str = "<data>", default_title: str = "Journey") -> Journey:
    """Read a journey from the bytes of a JSON, YAML or xlsx file (not checked with ``validate``).

    Examples
    --------
    >>> import servicepath as sp
    >>> sp.loads("{}")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    servicepath.errors.SchemaError: <data>: schema_version: schema_version is None; expected a whole number ...
    """
    if kind == "json":
        document = _parse_json(_decode(data, file), file)
    elif kind == "yaml":
        document = _parse_yaml(_decode(data, file), file)
    elif kind == "xlsx":
        if isinstance(data, str):
            raise FileFormatError("an xlsx workbook is binary; got text", file=file)
        return _from_tables(_read_xlsx(data, file), file, _sheet_place, default_title)[0]
    else:
        raise UnsupportedFormatError(f"{file}: cannot read format {kind!r} from bytes (use one of json, yaml, xlsx)")
    return from_document(document, file=file)


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise FileFormatError(f"the file is {size / 2**20:.0f} MB; journey files may be at most "
                                  f"{MAX_FILE_BYTES // 2**20} MB", file=str(path))
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", file=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a journey file", file=str(path)) from None
    except PermissionError:
        raise InputError("not allowed to read this file", file=str(path)) from None


def _title_from(path: Path) -> str:
    name = path.name
    for ending in (".journey.json", ".json", ".yaml", ".yml", ".xlsx"):
        if name.lower().endswith(ending):
            return name[: -len(ending)] or name
    return name


def _decode(data: bytes | str, file: str) -> str:
    if isinstance(data, str):
        text = data
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise FileFormatError(
                f"not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); save the file as UTF-8",
                file=file,
            ) from None
    if not text.strip():
        raise FileFormatError("the file is empty; expected a journey", file=file)
    return text


MAX_DIGITS = 100


class _Unreadable(str):
    """Stands in for a JSON value we refuse (NaN, a 5,000-digit number) until we know where it is."""


def _refuse_constant(name: str) -> _Unreadable:
    return _Unreadable(f"{name} is not allowed; write a number or null")


def _read_integer(digits: str):
    if len(digits) > MAX_DIGITS:
        return _Unreadable(f"a number with {len(digits):,} digits is too long (at most {MAX_DIGITS})")
    return int(digits)


def _parse_json(text: str, file: str):
    try:
        data = json.loads(text, parse_constant=_refuse_constant, parse_int=_read_integer)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"not valid JSON: {exc.msg}", file=file,
                              where=f"line {exc.lineno}, column {exc.colno}") from None
    except (ValueError, OverflowError) as exc:  # e.g. a float too long for the machine
        raise FileFormatError(f"not valid JSON: {exc}", file=file) from None
    except RecursionError:
        raise FileFormatError("not valid JSON: nested too deeply", file=file) from None
    found = _find_unreadable(data, "")
    if found:
        path, value = found
        raise FileFormatError(f"not valid JSON: {value}", file=file, where=path or "(top)")
    return data


def _find_unreadable(value, path: str):
    """The path and value of the first refused value, searching depth first; None if there is none."""
    if type(value) is _Unreadable:
        return path, value
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        if isinstance(item, (dict, list, _Unreadable)):
            found = _find_unreadable(item, f"{path}[{key}]" if isinstance(key, int) else f"{path}.{key}".lstrip("."))
            if found:
                return found
    return None


class _JourneyYamlLoader(yaml.SafeLoader):
    """``yaml.safe_load``'s loader, refusing aliases and naming the line of a bad value.

    Aliases let a few lines expand into an exponentially large document (the
    "billion laughs"); no journey needs them.
    """

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            mark = self.peek_event().start_mark
            raise yaml.MarkedYAMLError("while reading", None, "YAML aliases (*name) are not supported", mark)
        return super().compose_node(parent, index)

    def construct_yaml_timestamp(self, node):
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError) as exc:
            raise yaml.constructor.ConstructorError(
                None, None, f"{node.value!r} is not a real date and time ({exc})", node.start_mark) from None

    def construct_yaml_int(self, node):
        digits = sum(ch.isdigit() for ch in node.value)
        if digits > MAX_DIGITS:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number with {digits:,} digits is too long (at most {MAX_DIGITS})", node.start_mark)
        return super().construct_yaml_int(node)


_JourneyYamlLoader.add_constructor("tag:yaml.org,2002:timestamp", _JourneyYamlLoader.construct_yaml_timestamp)
_JourneyYamlLoader.add_constructor("tag:yaml.org,2002:int", _JourneyYamlLoader.construct_yaml_int)


def _parse_yaml(text: str, file: str):
    try:
        document = yaml.load(text, Loader=_JourneyYamlLoader)  # noqa: S506 - a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else None
        problem = getattr(exc, "problem", None) or str(exc)
        raise FileFormatError(f"not valid YAML: {problem}", file=file, where=where) from None
    except RecursionError:
        raise FileFormatError("not valid YAML: nested too deeply", file=file) from None
    return _plain_json(document, file, "")


def _plain_json(value, file: str, path: str):
    """YAML values as JSON would give them: text keys, ISO dates, and no NaN or infinity."""
    if isinstance(value, dict):
        return {str(k): _plain_json(v, file, f"{path}.{k}" if path else str(k)) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_json(v, file, f"{path}[{i}]") for i, v in enumerate(value)]
    if isinstance(value, float) and value != value or value in (float("inf"), float("-inf")):
        raise FileFormatError(f"{value} is not allowed; write a number or null", file=file, where=path)
    if isinstance(value, datetime):
        try:
            return format_timestamp(value)
        except ValueError as exc:
            raise FileFormatError(str(exc), file=file, where=path) from None
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        raise FileFormatError("binary values (!!binary) are not allowed", file=file, where=path)
    return value


def _read_xlsx(data: bytes, file: str) -> dict[str, Table]:
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError, EOFError) as exc:
        raise FileFormatError(f"not an xlsx workbook ({type(exc).__name__})", file=file) from None
    except Exception as exc:  # openpyxl raises its own classes for broken workbook parts
        raise FileFormatError(f"not a readable xlsx workbook ({type(exc).__name__}: {exc})", file=file) from None
    tables = {}
    try:
        for sheet in workbook.worksheets:
            rows = sheet.iter_rows(values_only=True)
            header = list(next(rows, ()) or ())
            tables[sheet.title] = Table(sheet.title, header, [(n, list(r)) for n, r in enumerate(rows, start=2)])
    except Exception as exc:  # a broken sheet inside a sound zip: openpyxl and its XML parser raise many kinds
        raise FileFormatError(f"the {sheet.title} sheet of this xlsx workbook cannot be read "
                              f"({type(exc).__name__})", file=file) from None
    finally:
        workbook.close()
    return tables


def _sheet_place(sheet: str, row: int | None, column: str | None) -> str:
    parts = [f"{sheet} sheet"] + ([f"row {row}"] if row else []) + ([f"column {column}"] if column else [])
    return ", ".join(parts)


def _csv_place(sheet: str, row: int | None, column: str | None) -> str:
    parts = [f"{sheet}.csv"] + ([f"line {row}"] if row else []) + ([f"column {column}"] if column else [])
    return ", ".join(parts)


def _from_tables(tables: dict[str, Table], file: str, place, default_title: str):
    """The journey in a workbook's or folder's tables, and how to name places in them."""
    document, locate = document_from_tables(tables, file=file, place=place, default_title=default_title)
    return from_document(document, file=file, locate=locate), locate


def _readcsv_folder(folder: Path) -> dict[str, Table]:
    if not folder.is_dir():
        raise InputError("no such folder of CSV tables", file=str(folder))
    files = _sheet_files(folder)
    if not files:
        raise FileFormatError("no .csv files of a journey here; expected at least touchpoints.csv", file=str(folder))
    return {path.stem: _read_csv(path) for path in files.values()}


def _sheet_files(folder: Path) -> dict[str, Path]:
    """The CSV files of a folder that hold journey tables, by sheet; other CSV files are not read."""
    files: dict[str, Path] = {}
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else ():
        sheet = sheet_of(path.stem)
        if sheet in files:
            raise FileFormatError(f"{files[sheet].name} and {path.name} both hold the {sheet} table; "
                                  "keep one of them", file=str(folder))
        if sheet:
            files[sheet] = path
    return files


def _read_csv(path: Path) -> Table:
    """Read one CSV as Finnish or international Excel writes it (``;`` or ``,``; UTF-8 or cp1252)."""
    data = _read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # what Excel's plain "CSV" gives on Windows
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, line = [], 1
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FILE_BYTES)  # a long cell is for the schema to judge, with its place
    try:
        for cells in reader:
            rows.append((line, cells))  # the line a record starts on, even if a quoted cell spans lines
            line = reader.line_num + 1
    except csv.Error as exc:
        what = "a quote is never closed" if "end of data" in str(exc) else f"not a readable CSV file ({exc})"
        raise FileFormatError(what, file=str(path.parent), where=f"{path.name}, line {line}") from None
    finally:
        csv.field_size_limit(limit)
    header = rows[0][1] if rows else []
    return Table(path.stem, header, rows[1:])


# -- saving ---------------------------------------------------------------------------------
def dumps(journey: Journey, kind: str = "json") -> str:
    """The text of a journey in JSON or YAML (what ``save`` writes).

    Examples
    --------
    >>> import servicepath as sp
    >>> text = sp.dumps(sp.load_sample("webshop"))
    >>> sp.dumps(sp.loads(text)) == text
    True
    """
    if kind not in ("json", "yaml"):
        raise UnsupportedFormatError(f"cannot write format {kind!r} as text (use json or yaml)")
    return _text_of(checked_document(journey), kind)


def _text_of(document: dict, kind: str) -> str:
    try:
        if kind == "json":
            return json.dumps(document, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
        return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)
    except (TypeError, ValueError, yaml.YAMLError) as exc:  # e.g. a date object put in improvements
        raise SaveError(f"the journey holds a value that cannot be written ({exc})") from None


def checked_document(journey: Journey, file: str | None = None) -> dict:
    """The journey's document, checked against the schema so a save never writes what load refuses."""
    document = to_document(journey)
    try:
        check_document(document, file=file)
    except SchemaError as exc:
        raise SaveError(f"{exc} — not saved; fix this value first") from None
    return document


def save(journey: Journey, path: str | os.PathLike, *, format: str | None = None,
         csv_dialect: str = "excel", touch: bool = True) -> Path:
    """Write a journey to a file, atomically; return the path written.

    Parameters
    ----------
    journey : Journey
    path : path-like
        ``.journey.json`` (native), ``.yaml``, ``.xlsx``, or a folder for CSV tables.
    format : {"json", "yaml", "xlsx", "csv"}, optional
        Overrides the format the path's ending names.
    csv_dialect : {"excel", "excel-fi"}
        For CSV: ``excel`` writes ``,`` and UTF-8; ``excel-fi`` writes what
        Finnish Excel expects: ``;``, decimal comma and a UTF-8 byte-order mark.
    touch : bool
        Set the journey's ``modified`` time to now first.

    A failed save raises :class:`~servicepath.SaveError` and leaves the
    previous file untouched.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> sp.save(sp.load_sample("webshop"), folder / "w.xlsx").name
    'w.xlsx'
    >>> sorted(p.name for p in sp.save(sp.load_sample("webshop"), folder / "tables").iterdir())[:3]
    ['answers.csv', 'improvements.csv', 'journey.csv']
    """
    kind = format or format_of(path)
    path = Path(path)
    if touch:
        journey.touch(now())
    if kind in ("json", "yaml"):
        text = _text_of(checked_document(journey, str(path)), kind)
        return atomic_write(path, lambda f: f.write(text.encode("utf-8")))
    sheets = tables_from_document(checked_document(journey, str(path)))
    if kind == "xlsx":
        return atomic_write(path, lambda f: write_xlsx(sheets, f))
    if kind == "csv":
        if csv_dialect not in ("excel", "excel-fi"):
            raise UnsupportedFormatError(f"unknown CSV dialect {csv_dialect!r} (use 'excel' or 'excel-fi')")
        folder = csv_folder(path)
        existing = _sheet_files(folder)  # a folder typed in Finnish keeps its file names
        atomic_write_many({
            existing.get(name, folder / f"{name}.csv"): lambda f, table=table: f.write(csv_bytes(*table, csv_dialect))
            for name, table in sheets.items()
        })
        return folder
    raise UnsupportedFormatError(f"{path}: cannot write format {kind!r} (use one of {', '.join(FORMATS)})")


def csv_folder(path: Path) -> Path:
    """Where CSV tables go: the folder itself, or the folder of a table file such as ``notes/touchpoints.csv``."""
    if path.suffix.lower() != ".csv":
        return path
    if sheet_of(path.stem) is None:
        raise UnsupportedFormatError(
            f"{path}: CSV tables are several files; give a folder name (e.g. {path.with_suffix('')})")
    return path.parent


def write_xlsx(sheets: dict, stream) -> None:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, (header, rows) in sheets.items():
        sheet = workbook.create_sheet(name)
        sheet.append(header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([safe_cell(v) if isinstance(v, str) else v for v in row])
        sheet.freeze_panes = "A2"
        for i, column in enumerate(header, start=1):
            longest = max([len(str(column))] + [len(str(r[i - 1])) for r in rows if r[i - 1] is not None])
            sheet.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.is_date:
                    cell.number_format = "yyyy-mm-dd hh:mm:ss"
    workbook.save(stream)


def csv_bytes(header: list, rows: list, dialect: str) -> bytes:
    finnish = dialect == "excel-fi"
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if finnish else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_csv_cell(v, finnish) for v in row])
    return out.getvalue().encode("utf-8-sig" if finnish else "utf-8")


def _csv_cell(value, finnish: bool):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value).replace(".", ",") if finnish else repr(value)
    if isinstance(value, datetime):
        return format_timestamp(value)  # ISO text: Excel keeps it as typed, so it reads back exactly
    return safe_cell(value) if isinstance(value, str) else value
