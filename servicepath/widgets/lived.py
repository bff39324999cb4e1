"""The journey as lived next to the designed one: a picture with a display filter and the biggest surprises."""

from __future__ import annotations

import ipywidgets as w
import pandas as pd
import traitlets

from ..analysis.lived import compare_lived
from ..errors import ServicepathError
from ..export.pictures import figure_bytes
from ..i18n import LANGUAGES, label, percent_text
from ..model import Journey
from ._common import html_table
from .panels import status_line

__all__ = ["LivedJourneyView", "VIEWS"]

#: What the picture shows: the lived journey as a network, or its shares over the designed map.
VIEWS = ("overlay", "network")


class LivedJourneyView(w.VBox):
    """The lived journey beside the designed one.

    The picture is either the lived shares over the designed map or the lived
    journey as a network. The slider hides transitions under a share from the
    picture only: the surprises table and the paths are always computed on
    all the data.

    Parameters
    ----------
    designed, lived : Journey
        ``lived`` is usually from :func:`servicepath.journey_from_events`.
    mapping : dict or DataFrame, optional
        How lived touchpoints map to designed ones.
    lang : {"fi", "en"}
    top : int
        How many surprises and paths to list.
    dpi : float

    Attributes
    ----------
    comparison : DataFrame
        :func:`~servicepath.compare_lived` of the two journeys.
    min_share : FloatSlider
    view : ToggleButtons
        One of :data:`VIEWS`.
    image : Image
    surprises, paths, status : HTML

    Examples
    --------
    >>> import servicepath as sp
    >>> from servicepath.mining.samples import sample_event_log
    >>> lived = sp.journey_from_events(sample_event_log(500))
    >>> view = LivedJourneyView(sp.load_sample("webshop"), lived, lang="en", dpi=30)
    >>> view.min_share.value = 0.2  # fewer lines in the picture, the same findings
    >>> len(view.comparison) > 0 and "Log in or sign up" in view.surprises.value
    True
    """

    lang = traitlets.Unicode("fi")

    def __init__(self, designed: Journey, lived: Journey, *, mapping=None, lang: str = "fi", top: int = 10,
                 dpi: float = 100):
        self.designed, self.lived, self.mapping, self.top, self.dpi = designed, lived, mapping, top, dpi
        self.comparison = compare_lived(designed, lived, mapping=mapping)
        self.min_share = w.FloatSlider(value=0.0, min=0.0, max=0.5, step=0.01, readout_format=".0%",
                                       continuous_update=False, style={"description_width": "initial"})
        self.view = w.ToggleButtons(options=[(v, v) for v in VIEWS], value="overlay")
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.surprises, self.paths, self.status = w.HTML(), w.HTML(), w.HTML()
        super().__init__([w.HBox([self.view, self.min_share]), self.status, self.image, self.surprises, self.paths],
                         lang=lang)
        self.min_share.observe(lambda _: self.draw(), names="value")
        self.view.observe(lambda _: self.draw(), names="value")
        self.observe(lambda _: self.refresh(), names="lang")
        self.refresh()

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        if proposal["value"] not in LANGUAGES:
            raise traitlets.TraitError(f"{proposal['value']!r} is not a language (expected fi or en)")
        return proposal["value"]

    def refresh(self) -> None:
        """Relabel the controls and redraw everything in the current language."""
        lang = self.lang
        self.min_share.description = label("lived.widget.min_share", lang)
        self.view.options = [(label(f"lived.widget.view.{v}", lang), v) for v in VIEWS]
        self.surprises.value = self._surprises_html()
        self.paths.value = self._paths_html()
        self.draw()

    def draw(self) -> None:
        """Draw the picture for the current view and display filter."""
        from ..figures import journey_graph, lived_over_designed

        try:
            if self.view.value == "network":
                figure = journey_graph(self.lived, lang=self.lang, min_share=self.min_share.value)
            else:
                figure = lived_over_designed(self.designed, self.lived, mapping=self.mapping, lang=self.lang,
                                             min_share=self.min_share.value)
        except ServicepathError as exc:  # e.g. a lived journey customers cannot walk: say so, no traceback
            self.status.value = status_line(f"✗ {exc}")
            return
        self.status.value = ""
        self.image.value = figure_bytes(figure, "png", dpi=self.dpi)

    def _surprises_html(self) -> str:
        lang = self.lang
        header = [label(f"lived.widget.column.{c}", lang) for c in ("kind", "designed", "lived", "was", "is")]
        rows = [[label(f"lived.kind.{r.kind}", lang), r.designed_id, r.lived_id, percent_text(r.designed, lang),
                 percent_text(r.lived, lang)] for r in self.comparison.head(self.top).itertuples(index=False)]
        return html_table(header, rows, caption=label("lived.widget.surprises", lang))

    def _paths_html(self) -> str:
        lang = self.lang
        variants = self.lived.graph.graph.get("event_log", {}).get("variants")
        if not isinstance(variants, pd.DataFrame) or variants.empty:
            return ""
        header = [label("lived.widget.column.share", lang), label("lived.widget.column.cases", lang),
                  label("lived.widget.column.path", lang)]
        rows = [[percent_text(v.share, lang), f"{v.cases:,}".replace(",", "\u00a0"),
                 " → ".join(self._name(tp) for tp in v.path)] for v in variants.head(self.top).itertuples()]
        return html_table(header, rows, caption=label("lived.widget.paths", lang))

    def _name(self, touchpoint: str) -> str:
        attrs = self.lived.graph.nodes.get(touchpoint, {})
        return attrs.get(f"name_{self.lang}") or attrs.get("name_en") or attrs.get("name_fi") or touchpoint
