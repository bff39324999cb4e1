"""Score a touchpoint on the four A.R.V.O. principles, as a group or rater by rater."""

from __future__ import annotations

import ipywidgets as w

from ..analysis.checklists import answers_for
from ..analysis.library import CHECK_QUESTIONS, RUBRIC
from ..analysis.scoring import DISAGREEMENT_RANGE, rating_summary, score_from_answers
from ..errors import ServicepathError
from ..i18n import label, number_text
from ..model import Arvo, Rating
from ..model.vocab import PRINCIPLES
from ._common import Markup, escape, html_table, set_options, touchpoint_name, touchpoint_options
from .panels import status_line
from .workbench import Workbench

__all__ = ["ArvoScorer"]

#: Where a principle starts on the slider before anyone has scored it (the middle anchor of the rubric).
START_LEVEL = 2
_DISAGREE = "#FCE4D6"


class ArvoScorer(w.VBox):
    """Four sliders (A, R, V, O) for one touchpoint, with the rubric and check questions under each.

    With the rater field empty, Save sets the touchpoint's own score (the
    group's score). With a name in it, Save keeps that person's ratings beside
    the other raters' (a rater who rates again replaces their earlier rating),
    and the table shows where the raters differ by
    :data:`~servicepath.analysis.scoring.DISAGREEMENT_RANGE` points or more.

    Only principles ticked "scored" are saved; moving a slider ticks it, and
    unticking a saved score removes it. Nothing is changed until Save.

    Parameters
    ----------
    bench : Workbench
    touchpoint : str, optional
        The touchpoint to show first (default: the first one on the map).

    Attributes
    ----------
    touchpoint : Dropdown
        The touchpoint scored, by id (its name shows in the workshop language).
    rater : Text
        Empty for the group's score, or a rater's name.
    sliders, scored : dict of IntSlider, dict of Checkbox
        By principle ``"A"``, ``"R"``, ``"V"``, ``"O"``.
    rubric, questions : dict of HTML
        What the slider's level looks like, and the check questions, by principle.
    save_button : Button
    table : HTML
        The raters' ratings of this touchpoint, their median and range, and the disagreement.

    Examples
    --------
    >>> import servicepath as sp
    >>> bench = Workbench(sp.load_sample("webshop"))
    >>> scorer = ArvoScorer(bench, "pay")
    >>> scorer.sliders["O"].value = 3
    >>> scorer.save_button.click()
    >>> bench.journey.touchpoint("pay").arvo
    Arvo(A=1, R=1, V=1, O=3)
    >>> scorer.rater.value = "Aino"
    >>> scorer.sliders["R"].value = 0
    >>> scorer.save_button.click()
    >>> scorer.rater.value = "Eero"
    >>> scorer.sliders["R"].value = 4
    >>> scorer.save_button.click()
    >>> scorer.disagreeing
    ['R']
    """

    def __init__(self, bench: Workbench, touchpoint: str | None = None):
        self.bench = bench
        self._quiet = False
        self._touched: set[str] = set()
        self._loaded: tuple | None = None
        layout = w.Layout(width="22rem")
        self.touchpoint = w.Dropdown(layout=layout, style={"description_width": "7rem"})
        self.rater = w.Text(layout=layout, continuous_update=False, style={"description_width": "7rem"})
        self.mode = w.HTML()
        self.titles = {p: w.HTML() for p in PRINCIPLES}
        self.sliders = {p: w.IntSlider(value=START_LEVEL, min=0, max=4, description=p, layout=w.Layout(width="16rem"),
                                       style={"description_width": "1.5rem"}) for p in PRINCIPLES}
        self.scored = {p: w.Checkbox(indent=False, layout=w.Layout(width="auto")) for p in PRINCIPLES}
        self.rubric = {p: w.HTML() for p in PRINCIPLES}
        self.questions = {p: w.HTML() for p in PRINCIPLES}
        self.save_button = w.Button(icon="check", button_style="primary", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        self.table = w.HTML()
        cards = [w.VBox([self.titles[p], w.HBox([self.sliders[p], self.scored[p]]), self.rubric[p], self.questions[p]],
                        layout=w.Layout(border="1px solid #ddd", padding="4px 8px"))
                 for p in PRINCIPLES]
        grid = w.GridBox(cards, layout=w.Layout(grid_template_columns="repeat(2, minmax(18rem, 1fr))",
                                                grid_gap="6px"))
        super().__init__([w.HBox([self.touchpoint, self.rater]), self.mode, grid,
                          w.HBox([self.save_button, self.status]), self.table])

        self._fill_options(touchpoint)
        for p in PRINCIPLES:
            self.sliders[p].observe(lambda _, p=p: self._moved(p), names="value")
            self.scored[p].observe(lambda _, p=p: self._ticked(p), names="value")
        self.touchpoint.observe(lambda _: None if self._quiet else self._load(), names="value")
        self.rater.observe(lambda _: None if self._quiet else self._load(keep_touched=True), names="value")
        self.save_button.on_click(lambda _: self.save())
        bench.observe(self._changed, names="version")
        bench.observe(lambda _: (self._fill_options(), self._relabel()), names="lang")
        bench.observe(lambda _: setattr(self.status, "value", status_line(bench.status)), names="status")
        self._load()

    # -- what is shown ----------------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        """The id of the touchpoint being scored (``None`` when the journey has none)."""
        return self.touchpoint.value

    @property
    def rater_name(self) -> str:
        """The rater's name, or ``""`` for the group's own score."""
        return self.rater.value.strip()

    @property
    def disagreeing(self) -> list[str]:
        """The principles of this touchpoint whose ratings span ``DISAGREEMENT_RANGE`` points or more."""
        summary = self._summary()
        return [p for p in PRINCIPLES if p in summary and summary[p]["disagree"]]

    def _stored(self) -> dict[str, float | None]:
        """The saved values for the touchpoint and rater shown: the own score, or the rater's ratings."""
        tp, rater = self.selected, self.rater_name
        if tp is None or tp not in self.bench.journey:
            return dict.fromkeys(PRINCIPLES)
        if not rater:
            attrs = self.bench.journey.graph.nodes[tp]
            return {p: attrs.get(p) for p in PRINCIPLES}
        values: dict[str, float | None] = dict.fromkeys(PRINCIPLES)
        for r in self.bench.journey.ratings:
            if r.touchpoint == tp and r.rater == rater:
                values[r.principle] = r.value
        return values

    def _summary(self) -> dict[str, dict]:
        try:
            table = rating_summary(self.bench.journey)
        except ServicepathError:  # a file whose ratings name a touchpoint it lacks: show no summary, not a traceback
            return {}
        rows = table[table["touchpoint"] == self.selected]
        return {row["principle"]: row for _, row in rows.iterrows()}

    # -- reacting ---------------------------------------------------------------------------------------
    def _fill_options(self, keep: str | None = None) -> None:
        self._quiet = True
        try:
            set_options(self.touchpoint, touchpoint_options(self.bench.journey, self.bench.lang),
                        keep if keep is not None else self.touchpoint.value)
        finally:
            self._quiet = False

    def _load(self, *, keep_touched: bool = False) -> None:
        """Put the saved values on the sliders (keeping the moves not saved yet, if asked)."""
        stored = self._stored()
        kept = self._touched if keep_touched else set()
        self._quiet = True
        try:
            for p in PRINCIPLES:
                if p in kept:
                    continue
                value = stored[p]
                self.sliders[p].value = START_LEVEL if value is None else int(round(value))
                self.scored[p].value = value is not None
        finally:
            self._quiet = False
        self._touched = set(kept)
        self._loaded = (self.selected, self.rater_name, stored)
        disabled = self.selected is None
        for widget in (*self.sliders.values(), *self.scored.values(), self.save_button):
            widget.disabled = disabled
        self._relabel()

    def _moved(self, p: str) -> None:
        if not self._quiet:
            self._touched.add(p)
            self._quiet = True
            try:
                self.scored[p].value = True
            finally:
                self._quiet = False
        self._show_rubric(p)

    def _ticked(self, p: str) -> None:
        if not self._quiet:
            self._touched.add(p)
        self._show_rubric(p)

    def _changed(self, _=None) -> None:
        """After any change to the journey: new touchpoint list; reload the sliders if the saved values moved."""
        before = self.selected
        self._fill_options(before)
        if self.selected != before or self._loaded != (self.selected, self.rater_name, self._stored()):
            self._load()
        else:
            self._relabel()

    # -- saving -----------------------------------------------------------------------------------------
    def values(self) -> dict[str, float | None]:
        """What Save would keep: each ticked principle's level (an untouched saved score stays exact)."""
        stored = self._stored()
        out: dict[str, float | None] = {}
        for p in PRINCIPLES:
            if not self.scored[p].value:
                out[p] = None
            elif p in self._touched or stored[p] is None:
                out[p] = self.sliders[p].value
            else:
                out[p] = stored[p]
        return out

    def save(self) -> bool:
        """Save the sliders as the group's score or as the rater's ratings; return whether it was kept."""
        tp, rater, lang = self.selected, self.rater_name, self.bench.lang
        if tp is None:
            self.bench.status = "✗ " + label("widget.scorer.no_touchpoints", lang)
            return False
        new = self.values()
        if new == self._stored():
            self.bench.status = "✗ " + label("widget.scorer.nothing", lang)
            return False
        name = touchpoint_name(self.bench.journey, tp, lang)
        scores = " · ".join(f"{p} {number_text(v, lang, 0 if v is None or float(v).is_integer() else 1)}"
                            for p, v in new.items())
        if not rater:
            what = label("widget.scorer.saved_group", lang).format(name=name, scores=scores)
            return self.bench.change(what, lambda j: j.update_touchpoint(tp, arvo=Arvo(**new)))

        def rate(journey) -> None:
            fresh = [Rating(rater, tp, p, v) for p, v in new.items() if v is not None]
            journey.ratings[:] = [r for r in journey.ratings if not (r.touchpoint == tp and r.rater == rater)]
            journey.ratings.extend(fresh)

        what = label("widget.scorer.saved_rater", lang).format(rater=rater, name=name, scores=scores)
        return self.bench.change(what, rate)

    # -- labels -----------------------------------------------------------------------------------------
    def _relabel(self) -> None:
        lang = self.bench.lang
        self.touchpoint.description = label("widget.scorer.touchpoint", lang)
        self.rater.description = label("widget.scorer.rater", lang)
        self.rater.placeholder = label("widget.scorer.rater_placeholder", lang)
        self.save_button.description = label("widget.scorer.save", lang)
        for p in PRINCIPLES:
            self.titles[p].value = f"<b>{escape(label('principle.' + p, lang))}</b>"
            self.scored[p].description = label("widget.scorer.scored", lang)
            self._show_rubric(p)
            self._show_questions(p)
        self._show_mode()
        self._show_table()
        self.status.value = status_line(self.bench.status)

    def _show_mode(self) -> None:
        lang, rater = self.bench.lang, self.rater_name
        if self.selected is None:
            self.mode.value = status_line("✗ " + label("widget.scorer.no_touchpoints", lang))
            return
        text = (label("widget.scorer.mode_rater", lang).format(rater=rater) if rater
                else label("widget.scorer.mode_group", lang))
        if not rater and self._summary():
            text += " " + label("widget.scorer.median_note", lang)
        self.mode.value = f'<span style="color:#555">{escape(text)}</span>'

    def _show_rubric(self, p: str) -> None:
        lang, level = self.bench.lang, self.sliders[p].value
        text = f"<b>{escape(label('widget.scorer.level', lang).format(level=level))}</b> — " \
               f"{escape(RUBRIC[p][level].get(lang))}"
        if not self.scored[p].value:
            text = (f'<span style="color:#888">{text}</span><br>'
                    f'<i style="color:#D55E00">{escape(label("widget.scorer.unscored", lang))}</i>')
        self.rubric[p].value = f'<div style="line-height:1.35;font-size:90%">{text}</div>'

    def _show_questions(self, p: str) -> None:
        lang = self.bench.lang
        answers = answers_for(self.bench.journey, self.selected, rater=self.rater_name) if self.selected else {}
        marks = {True: "✓", False: "✗", None: "·"}
        items = "".join(f"<li>{marks[answers.get(q.id)]} {escape(q.text.get(lang))}</li>" for q in CHECK_QUESTIONS[p])
        own = {q.id: answers[q.id] for q in CHECK_QUESTIONS[p] if q.id in answers}
        level = score_from_answers(p, own) if own else None
        hint = (f"<div><i>{escape(label('widget.scorer.from_answers', lang).format(level=level))}</i></div>"
                if level is not None else "")
        self.questions[p].value = (
            f'<details style="font-size:90%"><summary>{escape(label("widget.scorer.questions", lang))}</summary>'
            f'<ul style="margin:2px 0 2px 0;padding-left:1.2rem;list-style:none">{items}</ul>{hint}</details>'
        )

    def _show_table(self) -> None:
        lang, tp = self.bench.lang, self.selected
        if tp is None:
            self.table.value = ""
            return
        ratings = [r for r in self.bench.journey.ratings if r.touchpoint == tp]
        heading = f"<b>{escape(label('widget.scorer.ratings', lang))}</b>"
        if not ratings:
            self.table.value = f"{heading}<br><i>{escape(label('widget.scorer.no_ratings', lang))}</i>"
            return
        raters: dict[str, dict[str, float]] = {}
        for r in ratings:
            raters.setdefault(r.rater, {})[r.principle] = r.value
        summary = self._summary()
        attrs = self.bench.journey.graph.nodes[tp]

        def num(value) -> str:
            return number_text(value, lang, 0 if value is None or float(value).is_integer() else 1)

        rows = [[rater, *(num(values.get(p)) for p in PRINCIPLES)] for rater, values in raters.items()]
        rows.append([label("widget.scorer.median", lang), *(num(summary[p]["median"]) if p in summary else "–"
                                                             for p in PRINCIPLES)])
        def spread(p: str):
            if p not in summary:
                return "–"
            text = num(summary[p]["range"])
            return Markup(f"<b>⚠ {escape(text)}</b>") if summary[p]["disagree"] else text

        flagged = [spread(p) for p in PRINCIPLES]
        rows.append([label("widget.scorer.range", lang), *flagged])
        rows.append([label("widget.scorer.own", lang), *(num(attrs.get(p)) for p in PRINCIPLES)])
        marks = [""] * len(raters) + ["", _DISAGREE if self.disagreeing else "", ""]
        table = html_table([label("widget.scorer.rater", lang), *PRINCIPLES], rows, marks=marks)
        disagree = self.disagreeing
        if disagree:
            spans = ", ".join(f"{p} ({num(summary[p]['low'])}–{num(summary[p]['high'])})" for p in disagree)
            text = label("widget.scorer.disagree", lang).format(principles=spans)
            note = f'<div style="color:#D55E00">⚠ {escape(text)}</div>'
        else:
            text = label("widget.scorer.agree", lang).format(range=DISAGREEMENT_RANGE)
            note = f'<div style="color:#555">{escape(text)}</div>'
        self.table.value = f"{heading}{table}{note}"
