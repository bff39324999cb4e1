"""The export panel: choose the files a client gets, write them into a folder, and link them.

Nothing here changes the journey: the panel hands the workbench's journey and language
to :func:`servicepath.export.export_bundle`, which checks every name before it writes
anything, so an export that would replace files is refused whole (the reason goes to
the workbench's status) unless "replace existing files" is ticked.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import quote

import ipywidgets as w

from ..errors import ServicepathError
from ..export import EXPORTS, export_bundle
from ..export.bundle import bundle_names
from ..i18n import label
from .panels import status_line
from .workbench import Workbench

__all__ = ["ExportPanel", "file_links", "DEFAULT_KINDS"]

#: What a consultant most often hands over: the map as an image, the PDF report and the Excel workbook.
DEFAULT_KINDS = ("png", "report", "xlsx")


def file_links(paths: Iterable[str | os.PathLike], *, start: str | os.PathLike | None = None) -> str:
    """An HTML list of links to files, by their paths relative to ``start`` (the current folder).

    Relative links open in JupyterLab from a notebook's output, since a notebook
    runs in its own folder. A folder (the CSV tables) is listed with its files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a & b.md").write_text("hello")
    >>> print(file_links([folder / "a & b.md"], start=folder))
    <ul><li><a href="a%20%26%20b.md" target="_blank">a &amp; b.md</a></li></ul>
    """
    start = Path(start if start is not None else os.getcwd())
    items = []
    for path in map(Path, paths):
        item = _link(path, start)
        if path.is_dir():
            inside = "".join(f"<li>{_link(p, start)}</li>" for p in sorted(path.iterdir()) if p.is_file())
            item += f"<ul>{inside}</ul>"
        items.append(f"<li>{item}</li>")
    return f"<ul>{''.join(items)}</ul>"


def _link(path: Path, start: Path) -> str:
    try:
        relative = Path(os.path.relpath(path, start)).as_posix()
    except ValueError:  # another drive (Windows): no relative path exists
        relative = path.resolve().as_posix()
    return f'<a href="{html.escape(quote(relative))}" target="_blank">{html.escape(path.name)}</a>'


class ExportPanel(w.VBox):
    """Choose export kinds, a folder and whether to replace files; Export writes them and links them.

    Choosing every kind writes the full bundle, with ``index.html`` linking the files.

    Parameters
    ----------
    bench : Workbench
    folder : path-like
        Where the files go (relative to the notebook's folder); the group can change it.
    kinds : iterable of str
        The kinds chosen at first (see :data:`servicepath.export.EXPORTS`).

    Attributes
    ----------
    kinds, folder, overwrite : ipywidgets
        The export kinds (a multi-select), the folder (text) and "replace existing files" (checkbox).
    export_button, all_button : ipywidgets.Button
    written : list of Path
        What the last export that went through wrote (files, and the CSV folder); linked below.
    links, message : ipywidgets.HTML

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> bench = Workbench(sp.load_sample("webshop"), lang="en")
    >>> panel = ExportPanel(bench, tempfile.mkdtemp(), kinds=["json", "mermaid"])
    >>> panel.export_button.click()
    >>> [p.name for p in panel.written]
    ['webshop-buying-a-coffee-maker.journey.json', 'webshop-buying-a-coffee-maker.mmd']
    >>> panel.export_button.click()  # again, without "replace existing files"
    >>> bench.status.startswith("✗ Nothing was written"), len(panel.written)
    (True, 2)
    """

    def __init__(self, bench: Workbench, folder: str | os.PathLike = "work/exports", *,
                 kinds: Iterable[str] = DEFAULT_KINDS):
        self.bench = bench
        self.kinds = w.SelectMultiple(options=self._options(), value=tuple(kinds), rows=min(len(EXPORTS), 10),
                                      layout=w.Layout(width="32rem"))
        self.all_button = w.Button(icon="check-square", layout=w.Layout(width="10rem"))
        self.folder = w.Text(value=str(folder), layout=w.Layout(width="22rem"))
        self.overwrite = w.Checkbox(value=False, indent=False)
        self.export_button = w.Button(icon="download", button_style="primary")
        self.progress = w.IntProgress(value=0, min=0, max=1, layout=w.Layout(width="22rem", visibility="hidden"))
        self.message = w.HTML()
        self.links = w.HTML()
        self.written: list[Path] = []
        self._labels = {name: w.HTML() for name in ("kinds", "folder")}
        super().__init__([
            self._labels["kinds"], w.HBox([self.kinds, self.all_button]),
            w.HBox([self._labels["folder"], self.folder]), self.overwrite,
            w.HBox([self.export_button, self.progress]), self.message, self.links,
        ])
        self.all_button.on_click(lambda _: setattr(self.kinds, "value", tuple(e.kind for e in EXPORTS)))
        self.export_button.on_click(lambda _: self.export())
        bench.observe(lambda _: self.relabel(), names="lang")
        self.relabel()

    def _options(self) -> list[tuple[str, str]]:
        return [(f"{e.what(self.bench.lang)} ({e.kind})", e.kind) for e in EXPORTS]

    def relabel(self) -> None:
        """Put every label in the workbench's language (keeping what is chosen)."""
        lang = self.bench.lang
        chosen = self.kinds.value
        self.kinds.options = self._options()
        self.kinds.value = chosen
        self._labels["kinds"].value = f"<b>{html.escape(label('widget.export.kinds', lang))}</b>"
        self._labels["folder"].value = html.escape(label("widget.export.folder", lang)) + "&nbsp;"
        self.all_button.description = label("widget.export.all", lang)
        self.overwrite.description = label("widget.export.overwrite", lang)
        self.export_button.description = label("widget.export.button", lang)
        self._show_links()

    def export(self) -> list[Path]:
        """Write the chosen kinds into the folder; return what was written (nothing when refused).

        A refused export writes nothing and keeps the links of the last one that went through.
        """
        lang, chosen, folder = self.bench.lang, list(self.kinds.value), self.folder.value.strip()
        if not chosen:
            return self._refuse(label("widget.export.nothing_chosen", lang))
        if not folder:
            return self._refuse(label("widget.export.no_folder", lang))
        if self.bench.allowed(folder) is None:
            return []  # outside the notebook's folder: the workbench said why
        every = set(chosen) == {e.kind for e in EXPORTS}
        self.progress.layout.visibility = "visible"
        try:
            written = export_bundle(self.bench.journey, folder, kinds=None if every else chosen, lang=lang,
                                    force=self.overwrite.value, progress=self._progress)
        except ServicepathError as exc:
            return self._refuse(self._why(exc, chosen, Path(folder)))
        finally:
            self.progress.layout.visibility = "hidden"
        self.written = written
        key = "widget.export.done.one" if len(written) == 1 else "widget.export.done"
        self._tell("✓ " + label(key, lang).format(count=len(written), folder=folder))
        return written

    def _progress(self, done: int, total: int, name: str) -> None:
        self.progress.max, self.progress.value = total, done
        self.message.value = status_line(label("widget.export.writing", self.bench.lang).format(name=name))

    def _why(self, exc: ServicepathError, chosen: list[str], folder: Path) -> str:
        """Say which files are in the way when that is why; otherwise the error's own words."""
        lang = self.bench.lang
        if not self.overwrite.value and folder.is_dir():
            try:
                names = list(bundle_names(self.bench.journey, chosen, lang=lang).values())
            except ServicepathError:
                names = []
            if set(chosen) == {e.kind for e in EXPORTS}:
                names.append("index.html")
            there = [n for n in names if (folder / n).exists()]
            if there:
                shown = ", ".join(there[:3]) + (", …" if len(there) > 3 else "")
                return label("widget.export.exists", lang).format(count=len(there), folder=folder, names=shown)
        return label("widget.export.failed", lang).format(reason=exc)

    def _refuse(self, reason: str) -> list[Path]:
        self._tell("✗ " + reason)
        return []

    def _tell(self, text: str) -> None:
        self.bench.status = text
        self.message.value = status_line(text)
        self._show_links()

    def _show_links(self) -> None:
        if not self.written:
            self.links.value = ""
            return
        title = html.escape(label("widget.export.files", self.bench.lang))
        self.links.value = f"<b>{title}</b>{file_links(self.written)}"
