"""Every export of a journey in one folder, with an index page that links them."""

from __future__ import annotations

import contextlib
import html
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

from ..errors import SaveError, UnsupportedFormatError
from ..figures import style
from ..i18n import label
from ..io.atomic import atomic_write_many
from ..io.files import csv_bytes, dumps
from ..model import Journey
from .csvtables import CSV_DIALECTS, csv_tables, csv_targets
from .drawings import PICTURES, Drawings
from .graphs import portable_graph
from .html import CSP, html_report
from .markdown import markdown_report
from .mermaid import mermaid_flowchart
from .names import safe_filename, target_path
from .pdf import pdf_bytes, poster_bytes, report_figures
from .pictures import check_dpi
from .workbook import workbook_bytes

__all__ = ["EXPORTS", "CHARTS", "Export", "export_bundle", "bundle_names"]

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Export:
    """One kind of file the bundle writes: the ending after the journey's name; its description is a label."""

    kind: str
    ending: str

    def what(self, lang: str) -> str:
        """What the file is for, in ``lang`` (shown on the bundle's index page)."""
        return label(f"export.kind.{self.kind}", lang)


#: Pictures besides the map, by the name used in file names and on the command line.
CHARTS = PICTURES[1:]

#: What ``export_bundle`` writes, in order.
EXPORTS = (
    Export("json", ".journey.json"), Export("png", "-map.png"), Export("svg", "-map.svg"), Export("pdf", "-map.pdf"),
    Export("poster", "-poster.pdf"), Export("report", "-report.pdf"), Export("html", "-report.html"),
    Export("md", "-report.md"), *(Export(f"chart-{c}", f"-{c}.png") for c in CHARTS), Export("xlsx", ".xlsx"),
    Export("csv", "-csv"), Export("mermaid", ".mmd"), Export("graphml", ".graphml"), Export("gexf", ".gexf"),
)
_BY_KIND = {e.kind: e for e in EXPORTS}


def bundle_names(journey: Journey, kinds: Iterable[str] | None = None, *, lang: str = "en") -> dict[str, str]:
    """Export kind → file name in the bundle folder, made from the journey's title.

    Examples
    --------
    >>> import servicepath as sp
    >>> bundle_names(sp.load_sample("webshop"), ["png", "xlsx"])
    {'png': 'webshop-buying-a-coffee-maker-map.png', 'xlsx': 'webshop-buying-a-coffee-maker.xlsx'}
    """
    stem = safe_filename(journey.title.get(lang) or "", fallback="journey")
    chosen = list(kinds) if kinds is not None else [e.kind for e in EXPORTS]
    unknown = [k for k in chosen if k not in _BY_KIND]
    if unknown:
        raise UnsupportedFormatError(f"unknown export {unknown[0]!r}; use one of {', '.join(_BY_KIND)}")
    return {kind: stem + _BY_KIND[kind].ending for kind in chosen}


def export_bundle(journey: Journey, folder: str | os.PathLike, *, kinds: Iterable[str] | None = None,
                  lang: str = "en", dpi: float = 150, poster_size: str = "A2", csv_dialect: str | None = None,
                  force: bool = False, progress: Progress | None = None) -> list[Path]:
    """Write every export (or the ``kinds`` chosen from :data:`EXPORTS`) into ``folder``.

    The full bundle also gets ``index.html``, a page that links every file; a
    chosen few kinds are written without one, so several exports can share a
    folder. All or nothing: every name is checked first (an existing file
    stops the export unless ``force``), every file is made in memory, and then
    all are written together, so a failure leaves the folder as it was.

    Parameters
    ----------
    kinds : iterable of str, optional
        Export kinds (default: all of :data:`EXPORTS`).
    lang : {"en", "fi"}
    dpi : float
        Resolution of the PNG pictures.
    poster_size : {"A3", "A2", "A1"}
    csv_dialect : {"excel", "excel-fi"}, optional
        Defaults to ``excel-fi`` (``;``, decimal comma) for Finnish and ``excel`` otherwise.
    progress : callable, optional
        Called as ``progress(done, total, file_name)`` before each file.

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> paths = export_bundle(sp.load_sample("webshop"), tempfile.mkdtemp(), kinds=["json", "mermaid"])
    >>> [p.name for p in paths]
    ['webshop-buying-a-coffee-maker.journey.json', 'webshop-buying-a-coffee-maker.mmd']
    """
    style.check_lang(lang)
    check_dpi(dpi)
    if csv_dialect not in (None, *CSV_DIALECTS):
        raise UnsupportedFormatError(f"unknown CSV dialect {csv_dialect!r}; use one of {', '.join(CSV_DIALECTS)}")
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise SaveError(f"{folder} is a file; give a folder for the export bundle")
    names = bundle_names(journey, [kinds] if isinstance(kinds, str) else kinds, lang=lang)
    targets = {kind: (_csv_target if kind == "csv" else target_path)(folder, name, force=force)
               for kind, name in names.items()}
    index = target_path(folder, "index.html", force=force) if kinds is None else None
    dialect = csv_dialect or ("excel-fi" if lang == "fi" else "excel")
    options = {"lang": lang, "poster_size": poster_size, "dialect": dialect, "force": force, "names": names,
               "drawings": Drawings(journey, lang, dpi=dpi)}
    contents: dict[Path, bytes] = {}
    total = len(targets) + (index is not None)
    for done, (kind, target) in enumerate(targets.items()):
        if progress:
            progress(done, total, target.name)
        contents.update(_contents(kind, journey, target, options))
    if index is not None:
        if progress:
            progress(total - 1, total, index.name)
        contents[index] = _index_page(journey, names, lang).encode("utf-8")
    _write_all(contents, folder)
    return [*targets.values(), *([index] if index is not None else [])]


def _write_all(contents: dict[Path, bytes], folder: Path) -> None:
    """Write every file together; a folder made for them is removed again if writing fails."""
    new_folders = [f for f in {folder, *(p.parent for p in contents)} if not f.exists()]
    try:
        atomic_write_many({path: (lambda f, data=data: f.write(data)) for path, data in contents.items()})
    except SaveError:
        for made in sorted(new_folders, key=lambda f: len(f.parts), reverse=True):
            with contextlib.suppress(OSError):  # only empty folders go; anything else stays as it is
                made.rmdir()
        raise


def _csv_target(folder: Path, name: str, *, force: bool) -> Path:
    """The CSV folder of the bundle, checked like a file: none of its tables is replaced without ``force``."""
    path = folder / name
    if path.exists() and not path.is_dir():
        raise SaveError(f"{path} is a file; the CSV tables need a folder there")
    if path.is_dir():
        csv_targets(path, force=force)
    return path


def _contents(kind: str, journey: Journey, target: Path, options: dict) -> dict[Path, bytes]:
    if kind == "csv":
        tables = csv_tables(journey, lang=options["lang"], file=str(target))
        paths = csv_targets(target, force=options["force"])
        return {paths[name]: csv_bytes(*rows, options["dialect"]) for name, rows in tables.items()}
    return {target: _bytes(kind, journey, options)}


def _bytes(kind: str, journey: Journey, options: dict) -> bytes:
    lang, drawings = options["lang"], options["drawings"]
    if kind in ("png", "svg", "pdf"):
        return drawings.encoded("map", kind)
    if kind.startswith("chart-"):
        return drawings.encoded(kind.removeprefix("chart-"), "png")
    text = {
        "json": lambda: dumps(journey),
        "html": lambda: html_report(journey, lang=lang, drawings=drawings),
        "md": lambda: markdown_report(journey, lang=lang, pictures=_markdown_pictures(options["names"], lang)),
        "mermaid": lambda: mermaid_flowchart(journey, lang=lang),
    }
    if kind in text:
        return text[kind]().encode("utf-8")
    if kind == "report":
        return pdf_bytes(report_figures(journey, lang, drawings=drawings))
    if kind == "poster":
        return poster_bytes(journey, size=options["poster_size"], lang=lang, drawings=drawings)
    if kind == "xlsx":
        return workbook_bytes(journey, lang=lang, drawings=drawings)
    return _graph_bytes(kind, journey, lang)


def _graph_bytes(kind: str, journey: Journey, lang: str) -> bytes:
    import io

    buffer = io.BytesIO()
    graph = portable_graph(journey, lang=lang)
    (nx.write_graphml if kind == "graphml" else nx.write_gexf)(graph, buffer, encoding="utf-8")
    return buffer.getvalue()


def _markdown_pictures(names: dict[str, str], lang: str) -> dict[str, str]:
    captions = {"png": label("report.section.map", lang), "chart-emotion": label("report.section.emotion", lang),
                "chart-heatmap": label("report.section.heatmap", lang),
                "chart-priority": label("report.section.priority", lang)}
    return {caption: names[kind] for kind, caption in captions.items() if kind in names}


def _index_page(journey: Journey, names: dict[str, str], lang: str) -> str:
    e = html.escape
    title = journey.title.get(lang) or label("map.untitled", lang)
    items = "".join(f'<li><a href="{e(name)}">{e(name)}</a> — {e(_BY_KIND[kind].what(lang))}</li>\n'
                    for kind, name in names.items())
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{e(CSP)}">\n'
            f"<title>{e(title)}</title>\n"
            "<style>body{font-family:sans-serif;margin:2rem;max-width:50rem}li{margin:.3rem 0}</style>\n"
            f"</head>\n<body>\n<h1>{e(title)}</h1>\n<h2>{e(label('report.index_title', lang))}</h2>\n"
            f"<ul>\n{items}</ul>\n</body>\n</html>\n")
