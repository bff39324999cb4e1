"""Panels every workshop notebook shows: the live picture, the language switch, save / load / undo."""

from __future__ import annotations

import ipywidgets as w

from ..errors import ServicepathError
from ..export.drawings import PICTURES, Drawings
from ..i18n import LANGUAGES, label
from .workbench import Workbench

__all__ = ["MapPanel", "LanguageSwitch", "SaveBar", "status_line"]


class MapPanel(w.VBox):
    """The journey map (or another picture) that redraws after every change and language switch.

    ``compact`` (the default) leaves the numbered pain point list out from under the map; the
    markers stay on the cards and the pain board lists the points, and the map redraws sooner.

    Examples
    --------
    >>> import servicepath as sp
    >>> bench = Workbench(sp.load_sample("webshop"))
    >>> panel = MapPanel(bench, dpi=40)
    >>> before = panel.image.value
    >>> _ = bench.change("pay", lambda j: j.update_touchpoint("pay", emotion=2))
    >>> panel.image.value != before
    True
    """

    def __init__(self, bench: Workbench, picture: str = "map", *, dpi: float = 80, compact: bool = True):
        self.bench, self.dpi, self.compact = bench, dpi, compact
        self.picture = w.Dropdown(options=_picture_options(bench.lang), value=picture, layout=w.Layout(width="16rem"))
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.message = w.HTML()
        super().__init__([self.picture, self.message, self.image])
        self.picture.observe(lambda _: self.redraw(), names="value")
        bench.observe(lambda _: self.redraw(), names=["version", "lang"])
        self.redraw()

    def redraw(self) -> None:
        """Draw the chosen picture of the journey as it is now."""
        if self.picture.options != _picture_options(self.bench.lang):
            chosen = self.picture.value
            self.picture.options = _picture_options(self.bench.lang)
            self.picture.value = chosen
        try:
            drawings = Drawings(self.bench.journey, self.bench.lang, dpi=self.dpi, compact=self.compact)
            self.image.value = drawings.encoded(self.picture.value)
            self.message.value = ""
        except ServicepathError as exc:  # e.g. no touchpoints yet: say so where the picture would be
            self.message.value = status_line(f"✗ {exc}")


def _picture_options(lang: str) -> list[tuple[str, str]]:
    names = {"map": "report.section.map", "emotion": "report.section.emotion", "heatmap": "report.section.heatmap",
             "radar": "report.section.scores", "graph": "export.kind.chart-graph",
             "priority": "report.section.priority"}
    return [(label(names[p], lang), p) for p in PICTURES]


class LanguageSwitch(w.ToggleButtons):
    """FI / EN for every label of every widget on the same workbench."""

    def __init__(self, bench: Workbench):
        super().__init__(options=[(code.upper(), code) for code in LANGUAGES], value=bench.lang,
                         style={"button_width": "3.5rem"})
        w.link((self, "value"), (bench, "lang"))


class SaveBar(w.HBox):
    """Save, load from a path, undo the last change, and what happened last.

    Examples
    --------
    >>> import servicepath as sp
    >>> bench = Workbench(sp.load_sample("webshop"))
    >>> bar = SaveBar(bench)
    >>> _ = bench.change("no emotion at pay", lambda j: j.update_touchpoint("pay", emotion=None))
    >>> bar.undo_button.click()
    >>> bench.journey.touchpoint("pay").emotion
    -2
    """

    def __init__(self, bench: Workbench):
        self.bench = bench
        self.path = w.Text(value=str(bench.path or ""), layout=w.Layout(width="22rem"))
        self.save_button = w.Button(icon="save")
        self.load_button = w.Button(icon="folder-open")
        self.undo_button = w.Button(icon="undo")
        self.status = w.HTML()
        super().__init__([self.path, self.save_button, self.load_button, self.undo_button, self.status])
        self.save_button.on_click(lambda _: bench.save(self.path.value or None))
        self.load_button.on_click(lambda _: bench.load(self.path.value))
        self.undo_button.on_click(lambda _: bench.undo())
        bench.observe(self._refresh, names=["status", "lang", "version"])
        self._refresh()

    def _refresh(self, _=None) -> None:
        lang = self.bench.lang
        self.save_button.description = label("widget.save", lang)
        self.load_button.description = label("widget.load", lang)
        self.undo_button.description = label("widget.undo", lang)
        self.undo_button.disabled = not self.bench.can_undo
        self.status.value = status_line(self.bench.status)


def status_line(text: str) -> str:
    """A status message as HTML, escaped, red when it starts with ✗."""
    import html

    colour = "#D55E00" if text.startswith("✗") else "#555"
    return f'<span style="color:{colour}">{html.escape(text)}</span>'
