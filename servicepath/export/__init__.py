"""Exports: pictures, reports and data files that open in the programs people use.

Every writer takes the journey first and a file or folder path, writes atomically and
never replaces an existing file unless ``force=True``. :func:`export_bundle` writes them all.
"""

from .bundle import EXPORTS, export_bundle
from .csvtables import export_csv
from .drawings import Drawings
from .fitness import export_fitness_report, fitness_summary
from .graphs import export_gexf, export_graphml
from .html import export_html, html_report
from .kit_print import print_kit
from .markdown import markdown_report
from .mermaid import mermaid_flowchart
from .names import safe_filename
from .pdf import POSTER_SIZES, pdf_report, poster_pdf
from .pictures import PICTURE_FORMATS, figure_bytes, save_figure
from .workbook import export_workbook

__all__ = [
    "EXPORTS", "export_bundle", "export_csv", "Drawings", "export_gexf", "export_graphml", "export_html",
    "html_report", "markdown_report", "mermaid_flowchart", "safe_filename", "POSTER_SIZES", "pdf_report",
    "poster_pdf", "PICTURE_FORMATS", "figure_bytes", "save_figure", "export_workbook", "export_fitness_report",
    "fitness_summary", "print_kit",
]
