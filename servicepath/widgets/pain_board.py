"""Mark pain points on touchpoints, see them ranked, and look closely at the payment moment."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import ipywidgets as w

from ..analysis.pain import PAYMENT_TAGS, pain_points, payment_moment
from ..errors import DuplicateIdError, ServicepathError
from ..i18n import label, number_text, percent_text
from ..model import Journey, PainPoint, Text
from ..model.vocab import PRINCIPLES
from ._common import escape, html_table, set_options, touchpoint_name, touchpoint_options
from .panels import status_line
from .workbench import Workbench

__all__ = ["PainPointBoard", "VIEWS", "RANKED_ROWS"]

#: The two views of the board: every pain point ranked, or the payment moment up close.
VIEWS = ("all", "payment")
#: How many rows the ranked table shows (the rest are counted under it).
RANKED_ROWS = 25
_HERE = "#FFF3CD"


class PainPointBoard(w.VBox):
    """Pain points of a touchpoint (add, remove), all pain points ranked, and the payment-moment view.

    A pain point has a text in Finnish and/or English, a severity and a
    frequency (both 1…5) and an id, made from the text when left empty. The
    ranked table is :func:`~servicepath.pain_points`; the payment-moment view
    (``view`` = ``"payment"``) offers only the payment touchpoints and shows
    :func:`~servicepath.payment_moment`: the emotion before, at and after
    payment, the drop-out there, their pain points and the suggestions, the
    most needed first.

    Parameters
    ----------
    bench : Workbench
    touchpoint : str, optional
        The touchpoint to show first.
    view : {"all", "payment"}

    Attributes
    ----------
    view : ToggleButtons
    touchpoint : Dropdown
    pains : HTML
        The chosen touchpoint's pain points.
    text_fi, text_en, severity, frequency, pain_id, add_button
        The form that adds a pain point to the chosen touchpoint.
    pain_choice, remove_button
        Which of its pain points to remove.
    ranked : HTML
        Every pain point of the journey, worst first (the "all" view).
    payment : HTML
        The payment moment (the "payment" view).

    Examples
    --------
    >>> import servicepath as sp
    >>> bench = Workbench(sp.load_sample("webshop"), lang="en")
    >>> board = PainPointBoard(bench, view="payment")
    >>> board.touchpoint.value
    'pay'
    >>> board.text_en.value, board.severity.value, board.frequency.value = "No receipt arrives", 3, 2
    >>> board.add_button.click()
    >>> bench.journey.touchpoint("pay").pain_points[-1].id
    'pay-no-receipt-arrives'
    >>> "No receipt arrives" in board.pains.value and "No receipt arrives" in board.ranked.value
    True
    """

    def __init__(self, bench: Workbench, touchpoint: str | None = None, *, view: str = "all"):
        if view not in VIEWS:
            raise ValueError(f"view is {view!r}; use one of {', '.join(VIEWS)}")
        self.bench = bench
        self._quiet = False
        wide, narrow = w.Layout(width="28rem"), w.Layout(width="12rem")
        style = {"description_width": "7rem"}
        self.view = w.ToggleButtons(options=self._view_options(), value=view)
        self.touchpoint = w.Dropdown(layout=wide, style=style)
        self.pains = w.HTML()
        self.pain_choice = w.Dropdown(layout=wide, style=style)
        self.remove_button = w.Button(icon="trash", layout=w.Layout(width="auto"))
        self.text_fi = w.Text(layout=wide, style=style)
        self.text_en = w.Text(layout=wide, style=style)
        self.severity = w.IntText(value=3, layout=narrow, style=style)
        self.frequency = w.IntText(value=3, layout=narrow, style=style)
        self.pain_id = w.Text(layout=wide, style=style)
        self.scale = w.HTML()
        self.add_button = w.Button(icon="plus", button_style="primary", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.ranked = w.HTML()
        self.payment = w.HTML()
        self.detail = w.VBox()
        form = w.VBox([self.text_fi, self.text_en, w.HBox([self.severity, self.frequency]), self.scale,
                       self.pain_id, w.HBox([self.add_button, self.status])],
                      layout=w.Layout(border="1px solid #ddd", padding="4px 8px"))
        super().__init__([self.view, self.touchpoint, self.pains, w.HBox([self.pain_choice, self.remove_button]),
                          form, self.detail])

        self._fill_options(touchpoint)
        self.view.observe(lambda _: None if self._quiet else self._switch(), names="value")
        self.touchpoint.observe(lambda _: None if self._quiet else self.refresh(), names="value")
        self.add_button.on_click(lambda _: self.add())
        self.remove_button.on_click(lambda _: self.remove())
        bench.observe(lambda _: self.refresh(), names=["version", "lang"])
        bench.observe(lambda _: setattr(self.status, "value", status_line(bench.status)), names="status")
        self.refresh()

    # -- what is shown ------------------------------------------------------------------------------
    def _view_options(self) -> list[tuple[str, str]]:
        return [(label(f"widget.pain.view.{v}", self.bench.lang), v) for v in VIEWS]

    def _payment_ids(self) -> list[str]:
        return [n for n, a in self.bench.journey.graph.nodes(data=True)
                if set(a.get("tags", "").split(",")) & set(PAYMENT_TAGS)]

    def _fill_options(self, keep: str | None = None) -> None:
        journey, lang = self.bench.journey, self.bench.lang
        ids = self._payment_ids() if self.view.value == "payment" else None
        self._quiet = True
        try:
            set_options(self.view, self._view_options(), self.view.value)
            set_options(self.touchpoint, touchpoint_options(journey, lang, ids),
                        keep if keep is not None else self.touchpoint.value)
        finally:
            self._quiet = False

    def _switch(self) -> None:
        self._fill_options()
        self.refresh()

    def refresh(self) -> None:
        """Redraw everything from the journey as it is now, in the workshop's language."""
        lang = self.bench.lang
        self._fill_options()
        self.text_fi.description = label("widget.pain.text_fi", lang)
        self.text_en.description = label("widget.pain.text_en", lang)
        for field in (self.text_fi, self.text_en):
            field.placeholder = label("widget.pain.text_placeholder", lang)
        self.severity.description = label("widget.pain.severity", lang)
        self.frequency.description = label("widget.pain.frequency", lang)
        self.pain_id.description = label("widget.pain.id", lang)
        self.pain_id.placeholder = label("widget.pain.id_placeholder", lang)
        self.scale.value = f'<span style="color:#555;font-size:90%">{escape(label("widget.pain.scale", lang))}</span>'
        self.add_button.description = label("widget.pain.add", lang)
        self.remove_button.description = label("widget.pain.remove", lang)
        self.touchpoint.description = label("widget.pain.touchpoint", lang)
        self.pain_choice.description = label("widget.pain.pick", lang)
        self.status.value = status_line(self.bench.status)
        self._show_touchpoint()
        self.ranked.value = self._ranked_html()
        self.payment.value = self._payment_html()
        self.detail.children = (self.payment,) if self.view.value == "payment" else (self.ranked,)

    def _show_touchpoint(self) -> None:
        lang, tp = self.bench.lang, self.touchpoint.value
        for widget in (self.add_button, self.remove_button, self.pain_choice):
            widget.disabled = tp is None
        if tp is None:
            key = "report.no_payment" if self.view.value == "payment" else "widget.scorer.no_touchpoints"
            self.pains.value = f"<i>{escape(label(key, lang))}</i>"
            self.pain_choice.options = []
            return
        pains = self.bench.journey.touchpoint(tp).pain_points
        name = touchpoint_name(self.bench.journey, tp, lang)
        heading = f"<b>{escape(label('widget.pain.here', lang).format(name=name))}</b>"
        if pains:
            rows = [[p.id or f"{tp}#{i}", p.text.get(lang), p.severity, p.frequency]
                    for i, p in enumerate(pains, start=1)]
            header = [label("widget.pain.id", lang), label("column.pain_point", lang),
                      label("column.severity", lang), label("column.frequency", lang)]
            self.pains.value = heading + html_table(header, rows)
        else:
            self.pains.value = f"{heading}<br><i>{escape(label('widget.pain.none_here', lang))}</i>"
        choices = [(f"{p.id or f'{tp}#{i}'} — {_short(p.text.get(lang))}", i - 1) for i, p in enumerate(pains, start=1)]
        self._quiet = True
        try:
            set_options(self.pain_choice, choices, self.pain_choice.value)
        finally:
            self._quiet = False
        self.remove_button.disabled = not choices

    def _ranked_html(self) -> str:
        lang, journey = self.bench.lang, self.bench.journey
        heading = f"<b>{escape(label('widget.pain.ranked', lang))}</b>"
        try:
            table = pain_points(journey)
        except ServicepathError as exc:  # e.g. the journey is being edited and has no entry yet
            return heading + "<br>" + status_line(f"✗ {exc}")
        if table.empty:
            return f"{heading}<br><i>{escape(label('report.no_pain_points', lang))}</i>"
        return heading + _pain_table(table.head(RANKED_ROWS), journey, lang, here=self.touchpoint.value) + (
            f"<i>{escape(label('widget.pain.more', lang).format(count=len(table) - RANKED_ROWS))}</i>"
            if len(table) > RANKED_ROWS else "")

    def _payment_html(self) -> str:
        lang, journey = self.bench.lang, self.bench.journey
        try:
            moment = payment_moment(journey)
        except ServicepathError as exc:
            return status_line(f"✗ {exc}")
        if not moment.found:
            return f"<i>{escape(label('report.no_payment', lang))}</i>"
        rows = [[touchpoint_name(journey, r["id"], lang), _signed(r["emotion_before"], lang),
                 _signed(r["emotion"], lang), _signed(r["emotion_after"], lang), _signed(r["drop_into"], lang),
                 percent_text(r["reach"], lang), percent_text(r["drop_out_share"], lang),
                 percent_text(r["dropped_out"], lang), *(number_text(r[p], lang) for p in PRINCIPLES)]
                for _, r in moment.touchpoints.iterrows()]
        header = [label("widget.pain.touchpoint", lang), label("column.emotion_before", lang),
                  label("widget.pain.emotion", lang), label("widget.pain.emotion_after", lang),
                  label("column.drop_into", lang), label("column.reach", lang), label("column.drop_out_share", lang),
                  label("widget.pain.dropped_out", lang), *PRINCIPLES]
        marks = ["#FCE4D6" if r["drop_into"] < 0 else "" for _, r in moment.touchpoints.iterrows()]
        out = [html_table(header, rows, marks=marks, caption=label("widget.pain.payment_touchpoints", lang))]
        out.append(f"<p><b>{escape(label('widget.pain.payment_pains', lang))}</b></p>")
        if moment.pain_points.empty:
            out.append(f"<i>{escape(label('widget.pain.no_payment_pains', lang))}</i>")
        else:
            out.append(_pain_table(moment.pain_points, journey, lang, here=self.touchpoint.value))
        out.append(f"<p><b>{escape(label('report.suggestions', lang))}</b></p>")
        text = f"text_{lang}"
        rows = [[r[text] or r["text_en" if lang == "fi" else "text_fi"], r["principles"], number_text(r["need"], lang)]
                for _, r in moment.suggestions.iterrows()]
        out.append(html_table([label("column.practice", lang), label("widget.pain.principles", lang),
                               label("column.need", lang)], rows))
        return "".join(out)

    # -- changing ---------------------------------------------------------------------------------------
    def add(self) -> bool:
        """Add the form's pain point to the chosen touchpoint; return whether it was kept.

        A refused pain point (no text, severity or frequency outside 1…5, an id
        in use) leaves the journey as it was, and :attr:`Workbench.status` says why.
        """
        tp, lang, journey = self.touchpoint.value, self.bench.lang, self.bench.journey
        if tp is None:
            self.bench.status = "✗ " + label("widget.pain.need_touchpoint", lang)
            return False
        text = Text(fi=self.text_fi.value, en=self.text_en.value)
        severity, frequency, given = self.severity.value, self.frequency.value, self.pain_id.value.strip()
        taken = _pain_ids(journey)
        pain_id = given or new_pain_id(tp, text.get(lang), taken)

        def action(j: Journey) -> None:
            pain = PainPoint(text, severity, frequency, id=given or None)  # refuses what does not fit
            if pain_id in taken:
                raise DuplicateIdError(label("widget.pain.taken", lang).format(id=pain_id, where=taken[pain_id]),
                                       where="id")
            j.update_touchpoint(tp, pain_points=(*j.touchpoint(tp).pain_points, replace(pain, id=pain_id)))

        name = touchpoint_name(journey, tp, lang)
        if not self.bench.change(label("widget.pain.added", lang).format(id=pain_id, name=name), action):
            return False
        self.text_fi.value = self.text_en.value = self.pain_id.value = ""
        return True

    def remove(self) -> bool:
        """Remove the pain point chosen in :attr:`pain_choice`; return whether it was removed."""
        tp, index, lang = self.touchpoint.value, self.pain_choice.value, self.bench.lang
        if tp is None or index is None:
            self.bench.status = "✗ " + label("widget.pain.need_pain", lang)
            return False
        journey = self.bench.journey
        pains = journey.touchpoint(tp).pain_points
        shown = pains[index].id or f"{tp}#{index + 1}"
        what = label("widget.pain.removed", lang).format(id=shown, name=touchpoint_name(journey, tp, lang))
        named = [str(i.get("id")) for i in journey.improvements if shown in (i.get("pain_points") or ())]
        named += sorted({str(v.get("participant")) for v in journey.votes if v.get("option") == shown})
        if named:  # the plan and the votes keep the id: say so, so the group can tidy them up
            what += label("widget.pain.still_named", lang).format(names=", ".join(named))
        return self.bench.change(what, lambda j: j.update_touchpoint(tp, pain_points=pains[:index] + pains[index + 1:]))


def new_pain_id(touchpoint: str, text: str, taken=()) -> str:
    """An id for a new pain point: the touchpoint's id and the first words of its text, unused so far.

    Examples
    --------
    >>> new_pain_id("pay", "Maksusivu on hidas ja sekava!")
    'pay-maksusivu-on-hidas-ja'
    >>> new_pain_id("pay", "Slow", taken={"pay-slow"})
    'pay-slow-2'
    """
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().casefold()
    words = [word for word in re.split(r"[^a-z0-9]+", folded) if word][:4]
    base = "-".join([touchpoint[:40], *words])[:60].strip("-") or "pain"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def _pain_ids(journey: Journey) -> dict[str, str]:
    """Every pain point id in use, with the touchpoint it is at."""
    return {p.id: tp.id for tp in journey for p in tp.pain_points if p.id}


def _pain_table(table, journey: Journey, lang: str, *, here: str | None = None) -> str:
    other = "text_en" if lang == "fi" else "text_fi"
    rows = [[r["rank"], touchpoint_name(journey, r["touchpoint"], lang), r[f"text_{lang}"] or r[other],
             r["severity"], r["frequency"], percent_text(r["reach"], lang), number_text(r["priority"], lang, 2)]
            for _, r in table.iterrows()]
    header = [label("column.rank", lang), label("widget.pain.touchpoint", lang), label("column.pain_point", lang),
              label("column.severity", lang), label("column.frequency", lang), label("column.reach", lang),
              label("column.priority", lang)]
    return html_table(header, rows, marks=[_HERE if r["touchpoint"] == here else "" for _, r in table.iterrows()])


def _signed(value, lang: str) -> str:
    text = number_text(value, lang)
    return text.replace("-", "−") if text.startswith("-") else (f"+{text}" if text not in ("–", "0.0", "0,0") else text)


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
