"""The client tables as CSV files, for Excel in English or Finnish settings and for other tools."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import SaveError, UnsupportedFormatError
from ..figures.style import check_lang
from ..io.atomic import atomic_write_many
from ..io.files import checked_document, csv_bytes
from ..io.tables import sheet_of, tables_from_document
from ..model.journey import Journey
from .clienttables import Rows, client_tables
from .names import target_path

__all__ = ["CSV_DIALECTS", "CSV_TABLES", "csv_tables", "csv_targets", "export_csv"]

CSV_DIALECTS = ("excel", "excel-fi")
#: The files written, without ``.csv``: the journey's own two tables, then the client tables.
CSV_TABLES = ("touchpoints", "transitions", "scores", "pain_points_ranked", "plan")


def export_csv(journey: Journey, folder: str | os.PathLike, *, dialect: str = "excel", lang: str = "en",
               force: bool = False) -> list[Path]:
    """Write the client tables as CSV files in ``folder``, all or none; return their paths.

    ``touchpoints.csv`` and ``transitions.csv`` are the journey's own tables
    as :func:`servicepath.save` writes them (so the folder can be loaded as a
    journey's touchpoints and transitions); ``scores.csv``,
    ``pain_points_ranked.csv`` and ``plan.csv`` are the analysis tables of
    :func:`~servicepath.export.workbook.export_workbook`. Text that a
    spreadsheet would run as a formula gets a ``'`` in front.

    Parameters
    ----------
    dialect : {"excel", "excel-fi"}
        ``excel``: ``,`` between cells, a decimal point, UTF-8. ``excel-fi``:
        what Excel in Finnish settings expects: ``;``, a decimal comma and a
        UTF-8 byte-order mark.
    lang : {"en", "fi"}
        The language of the ``name`` columns.
    force : bool
        Replace files that exist; without it nothing is written if any does.

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> paths = export_csv(sp.load_sample("webshop"), tempfile.mkdtemp(), dialect="excel-fi")
    >>> [p.name for p in paths]
    ['touchpoints.csv', 'transitions.csv', 'scores.csv', 'pain_points_ranked.csv', 'plan.csv']
    >>> paths[2].read_text(encoding="utf-8-sig").splitlines()[1][:41]
    'touchpoint;search;Searching for a product'
    """
    if dialect not in CSV_DIALECTS:
        raise UnsupportedFormatError(f"unknown CSV dialect {dialect!r} (use 'excel' or 'excel-fi')")
    check_lang(lang)
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise SaveError(f"{folder} is a file; give a folder for the CSV tables")
    tables = csv_tables(journey, lang=lang, file=str(folder))
    targets = csv_targets(folder, force=force)
    # Every target is checked before anything is written, and written together, so a refusal
    # or a failure leaves the folder as it was.
    contents = {targets[name]: csv_bytes(*rows, dialect) for name, rows in tables.items()}
    atomic_write_many({path: (lambda f, data=data: f.write(data)) for path, data in contents.items()})
    return list(targets.values())


def csv_tables(journey: Journey, *, lang: str = "en", file: str | None = None) -> dict[str, Rows]:
    """The tables of :func:`export_csv` as ``{name: (header, rows)}``, by file name without ``.csv``.

    Examples
    --------
    >>> import servicepath as sp
    >>> list(csv_tables(sp.load_sample("webshop"))) == list(CSV_TABLES)
    True
    """
    own = tables_from_document(checked_document(journey, file))
    tables = {name: own[name] for name in ("touchpoints", "transitions")}
    tables.update(client_tables(journey, lang))
    return tables


def csv_targets(folder: str | os.PathLike, *, force: bool = False) -> dict[str, Path]:
    """Table name → the file :func:`export_csv` writes it to, each checked (see ``names.target_path``)."""
    folder = Path(folder)
    return {name: target_path(folder, _file_name(folder, name), force=force) for name in CSV_TABLES}


def _file_name(folder: Path, table: str) -> str:
    """``touchpoints.csv``, or the name a folder already uses for that table (``kosketuspisteet.csv``).

    Two files holding one table would make the folder unreadable as a journey.
    """
    if sheet_of(table) is not None and folder.is_dir():
        for path in sorted(folder.glob("*.csv")):
            if sheet_of(path.stem) == table:
                return path.name
    return f"{table}.csv"
