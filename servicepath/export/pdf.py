"""PDF exports: a multi-page report for clients and the map as a poster for the workshop wall.

Pages are vector drawings with real text (TrueType), so a PDF reader can
search them and a printer prints them sharp at any size.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from ..errors import UnsupportedFormatError
from ..figures import style
from ..figures.table_pages import table_pages
from ..i18n import label
from ..io.atomic import atomic_write
from ..model import Journey
from .drawings import Drawings
from .names import output_path
from .report_tables import report_tables

__all__ = ["POSTER_SIZES", "report_figures", "pdf_report", "poster_pdf", "poster_bytes", "pdf_bytes"]

#: Poster sheets in landscape, in PDF points (1/72 inch).
POSTER_SIZES = {"A3": (1190.55, 841.89), "A2": (1683.78, 1190.55), "A1": (2383.94, 1683.78)}
_POSTER_MARGIN = 28.35  # one centimetre
_TABLE_WIDTHS = {
    "touchpoints": [1.3, 2.2, 1.5, 1.1, 1.5, 0.6, 0.4, 0.4, 0.4, 0.4, 0.8],
    "scores": [2.5, 0.8, 0.8, 0.8, 0.8, 0.8],
    "pain_points": [0.5, 1.6, 4.9, 0.9, 0.9, 1.1, 1.1],
    "payment": [2, 0.8, 1, 0.9, 0.9, 0.5, 0.5, 0.5, 0.5],
    "suggestions": [8, 1, 1],
    "plan": [0.5, 3.6, 1.3, 0.9, 0.9, 1.5, 1.1, 1.0, 0.7],
}


def report_figures(journey: Journey, lang: str = "en", *, drawings: Drawings | None = None) -> list:
    """The report's pages as figures: map, emotion curve, A.R.V.O. heatmap, tables, priority matrix.

    Examples
    --------
    >>> import servicepath as sp
    >>> len(report_figures(sp.load_sample("webshop"))) >= 7
    True
    """
    style.check_lang(lang)
    drawings = drawings or Drawings(journey, lang)
    tables = report_tables(journey, lang)
    title = journey.title.get(lang)
    pages = [drawings.figure(name) for name in ("map", "emotion", "heatmap")]
    for key in ("scores", "pain_points", "payment", "suggestions"):
        pages += _table(tables[key], key, title, lang)
    pages.append(drawings.figure("priority"))
    pages += _table(tables["plan"], "plan", title, lang)
    return pages


def _table(table, key, title, lang):
    if table.empty:
        table = pd.DataFrame([[label("report.empty", lang)] + [""] * (len(table.columns) - 1)], columns=table.columns)
    return table_pages(table, title=label(f"report.section.{key}", lang), subtitle=title,
                       widths=_TABLE_WIDTHS[key])


def pdf_bytes(figures) -> bytes:
    """Several figures as the pages of one PDF (each page the size of its figure)."""
    from matplotlib.backends.backend_pdf import PdfPages

    buffer = io.BytesIO()
    with style.styled(), PdfPages(buffer, metadata={"Creator": "servicepath", "CreationDate": None}) as pdf:
        for figure in figures:
            pdf.savefig(figure)
    return buffer.getvalue()


def pdf_report(journey: Journey, path: str | os.PathLike, *, lang: str = "en", force: bool = False) -> Path:
    """Write the multi-page PDF report; return its path.

    ``path`` is a ``.pdf`` file or a folder (the file is then named after the
    journey's title). An existing file is kept unless ``force`` is true (then it is replaced atomically).

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> path = pdf_report(sp.load_sample("webshop"), pathlib.Path(tempfile.mkdtemp()) / "report.pdf")
    >>> path.read_bytes()[:5]
    b'%PDF-'
    """
    target = output_path(path, suffix=".pdf", title=f"{_title(journey, lang)}-report", force=force)
    data = pdf_bytes(report_figures(journey, lang))
    return atomic_write(target, lambda f: f.write(data))


def poster_pdf(journey: Journey, path: str | os.PathLike, *, size: str = "A2", lang: str = "en",
               force: bool = False) -> Path:
    """Write the journey map as a one-page landscape poster (A3, A2 or A1), scaled to fit with 1 cm margins.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib, pypdf
    >>> path = poster_pdf(sp.load_sample("webshop"), pathlib.Path(tempfile.mkdtemp()) / "p.pdf", size="A3")
    >>> [round(float(v)) for v in pypdf.PdfReader(path).pages[0].mediabox[2:]]
    [1191, 842]
    """
    target = output_path(path, suffix=".pdf", title=f"{_title(journey, lang)}-poster-{size}", force=force)
    data = poster_bytes(journey, size=size, lang=lang)
    return atomic_write(target, lambda f: f.write(data))


def poster_bytes(journey: Journey, *, size: str = "A2", lang: str = "en", drawings: Drawings | None = None) -> bytes:
    """The bytes of :func:`poster_pdf`'s PDF."""
    if size not in POSTER_SIZES:
        raise UnsupportedFormatError(f"unknown poster size {size!r}; use one of {', '.join(POSTER_SIZES)}")
    return _fit_on_sheet((drawings or Drawings(journey, lang)).encoded("map", "pdf"), POSTER_SIZES[size])


def _title(journey: Journey, lang: str) -> str:
    return journey.title.get(lang) or "journey"


def _fit_on_sheet(pdf: bytes, sheet: tuple[float, float]) -> bytes:
    """Scale the first page of ``pdf`` onto a sheet, centred, keeping it vector."""
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation

    page = PdfReader(io.BytesIO(pdf)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    scale = min((sheet[0] - 2 * _POSTER_MARGIN) / width, (sheet[1] - 2 * _POSTER_MARGIN) / height)
    dx, dy = (sheet[0] - width * scale) / 2, (sheet[1] - height * scale) / 2
    writer = PdfWriter()
    poster = PageObject.create_blank_page(width=sheet[0], height=sheet[1])
    poster.merge_transformed_page(page, Transformation().scale(scale, scale).translate(dx, dy))
    writer.add_page(poster)
    writer.add_metadata({"/Creator": "servicepath"})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
