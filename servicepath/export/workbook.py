"""An Excel workbook for clients: the journey's own sheets, the analysis tables and the map."""

from __future__ import annotations

import io
import os
from datetime import date, datetime
from pathlib import Path

from ..figures.style import check_lang
from ..i18n import label
from ..io.atomic import atomic_write
from ..io.files import checked_document, write_xlsx
from ..io.tables import safe_cell, tables_from_document
from ..model.journey import Journey
from .clienttables import Rows, client_tables
from .drawings import Drawings
from .names import output_path

__all__ = ["export_workbook", "workbook_bytes"]

#: Pictures wider than this (in pixels) are shown smaller, so the map fits a screen without zooming out.
MAX_PICTURE_WIDTH = 1600
_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"  # what the journey sheets use


def export_workbook(journey: Journey, path: str | os.PathLike, *, lang: str = "en", picture: bool = True,
                    force: bool = False) -> Path:
    """Write the journey as an xlsx workbook for people who work in Excel; return its path.

    The workbook holds the journey's own sheets exactly as
    :func:`servicepath.save` writes them, so :func:`servicepath.load` reads it
    back as the same journey, plus the sheets ``scores``
    (:func:`~servicepath.score_journey`), ``pain_points_ranked``
    (:func:`~servicepath.pain_points`) and ``plan``
    (:func:`~servicepath.prioritise` with the plan's owners, metrics and due
    dates), and, with ``picture``, a sheet with the journey map.

    Parameters
    ----------
    journey : Journey
    path : path-like
        A ``.xlsx`` file, or a folder to write ``<title>.xlsx`` into.
    lang : {"en", "fi"}
        The language of names in the analysis sheets and of the map.
    picture : bool
        Add the journey map as a picture.
    force : bool
        Replace an existing file.

    Raises
    ------
    SaveError
        The file exists (and ``force`` is false), or it cannot be written;
        a file that was there is left untouched.

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> from servicepath.export.workbook import export_workbook
    >>> path = export_workbook(sp.load_sample("webshop"), tempfile.mkdtemp(), picture=False)
    >>> path.name, len(sp.load(path))
    ('webshop-buying-a-coffee-maker.xlsx', 20)
    """
    target = output_path(path, suffix=".xlsx", title=journey.title.get(check_lang(lang)), force=force)
    data = workbook_bytes(journey, lang=lang, picture=picture, file=str(target))
    return atomic_write(target, lambda f: f.write(data))


def workbook_bytes(journey: Journey, *, lang: str = "en", picture: bool = True, file: str | None = None,
                   drawings: Drawings | None = None) -> bytes:
    """The bytes of :func:`export_workbook`'s workbook, made in memory (for a download, say).

    Examples
    --------
    >>> import servicepath as sp
    >>> workbook_bytes(sp.load_sample("webshop"), picture=False)[:2]
    b'PK'
    """
    import openpyxl

    # The journey sheets come from the foundation's own writer, so this workbook and a saved
    # one can never drift apart; the extra sheets are added to what it wrote.
    base = io.BytesIO()
    write_xlsx(tables_from_document(checked_document(journey, file)), base)
    workbook = openpyxl.load_workbook(io.BytesIO(base.getvalue()))
    for name, rows in client_tables(journey, lang).items():
        _fill_sheet(workbook.create_sheet(name), rows)
    png = (drawings or Drawings(journey, lang)).encoded("map", "png") if picture else None
    if png is not None:
        _picture_sheet(workbook, label("export.sheet.map", lang), journey.title.get(lang), png)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _fill_sheet(sheet, rows: Rows) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, body = rows
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in body:
        sheet.append([safe_cell(v) if isinstance(v, str) else v for v in row])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = _DATETIME_FORMAT
            elif isinstance(cell.value, date):
                cell.number_format = _DATE_FORMAT
    sheet.freeze_panes = "A2"
    if body:
        sheet.auto_filter.ref = sheet.dimensions  # clients sort and filter these tables
    for i, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = _width(name, (r[i - 1] for r in body))


def _width(name: str, values) -> float:
    """Wide enough for the header and most cells; long texts wrap past 60 characters."""
    longest = max([len(name)] + [len(_shown(v)) for v in values if v is not None])
    return min(60, max(8, longest + 2))


def _shown(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"  # Excel's General format shows about this many digits in a normal column
    if isinstance(value, datetime):
        return "yyyy-mm-dd hh:mm:ss"
    return str(value)


def _picture_sheet(workbook, name: str, title: str, png: bytes) -> None:
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    sheet = workbook.create_sheet(name[:31])  # Excel's limit for sheet names
    sheet["A1"] = safe_cell(title)
    sheet["A1"].font = Font(bold=True, size=14)
    image = Image(io.BytesIO(png))
    if image.width > MAX_PICTURE_WIDTH:
        image.height = round(image.height * MAX_PICTURE_WIDTH / image.width)
        image.width = MAX_PICTURE_WIDTH
    sheet.add_image(image, "A3")
