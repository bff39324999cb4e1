"""Dot voting and the improvement plan: what the group votes on, what it plans, and what the plan would change.

:class:`DotVote` lets each participant spread a dot budget over the pain points
or the improvement ideas; :class:`ImprovementPlanner` turns a pain point (or a
blank form) into an improvement with an owner, a due date and an expected
effect, ranks the plan, draws the priority matrix and shows what the journey
would look like with the whole plan carried out. Both only wire library
functions (:func:`~servicepath.cast_votes`, :func:`~servicepath.prioritise`,
:func:`~servicepath.apply` …) to controls, and change the journey only through
:meth:`Workbench.change`, so every step is checked, saved and can be undone.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

import ipywidgets as w
import pandas as pd

from ..analysis.improvements import (
    METHODS,
    STATUSES,
    Improvement,
    add_improvement,
    apply,
    cast_votes,
    compare,
    dot_budget,
    improvement_table,
    improvements,
    prioritise,
    vote_results,
)
from ..analysis.pain import pain_points
from ..errors import ServicepathError, UnknownIdError
from ..export.pictures import figure_bytes
from ..figures.compare import compare_maps
from ..figures.priority import priority_matrix
from ..i18n import label, number_text
from ..model import PRINCIPLES, Journey, Text
from ._common import escape, html_table, set_options, touchpoint_options
from .panels import status_line
from .workbench import Workbench

__all__ = ["DotVote", "ImprovementPlanner", "VOTE_SUBJECTS"]

#: What a dot vote can be about: the journey's pain points or the plan's improvement ideas.
VOTE_SUBJECTS = ("pain", "ideas")

_WIDE = {"description_width": "11rem"}
#: What an empty form shows (the defaults of an improvement).
_BLANK = Improvement("new", Text(en="new"))


class DotVote(w.VBox):
    """Dot voting: each participant spreads a budget of dots over the pain points or the improvement ideas.

    The budget is :func:`~servicepath.dot_budget` of the number of options. A
    participant's vote replaces their earlier vote on the same subject (their
    vote on the other subject is kept); a vote over budget is refused and the
    reason shown, nothing changes.

    Parameters
    ----------
    bench : Workbench
    subject : {"pain", "ideas"}
        Vote on the pain points (ranked worst first) or on the improvement ideas (in plan order).

    Attributes
    ----------
    subject : ipywidgets.ToggleButtons
    participant : ipywidgets.Combobox
        The participant's name or pseudonym; an earlier voter's dots are filled in.
    dots : dict of str to ipywidgets.BoundedIntText
        One input per option, by option id.
    cast_button : ipywidgets.Button
    results : ipywidgets.HTML
        The results table, most dots first.

    Examples
    --------
    >>> import servicepath as sp
    >>> journey = sp.load_sample("webshop")
    >>> journey.votes.clear()
    >>> vote = DotVote(Workbench(journey, lang="en"))
    >>> vote.budget_dots, list(vote.dots)[:2]
    (5, ['search-results', 'pay-no-reassurance'])
    >>> vote.participant.value = "Aino"
    >>> vote.dots["pay-slow"].value = 3
    >>> vote.cast_button.click()
    >>> vote.results_table()[["rank", "option", "dots"]].to_dict("records")
    [{'rank': 1, 'option': 'pay-slow', 'dots': 3}]
    """

    def __init__(self, bench: Workbench, subject: str = "pain"):
        self.bench = bench
        self._quiet = False
        self._choices: list[tuple[str, str]] = []  # (option id, name in the workshop's language)
        self.dots: dict[str, w.BoundedIntText] = {}
        self._names: dict[str, w.HTML] = {}
        self.heading = w.HTML()
        self.subject = w.ToggleButtons(options=_subject_options(bench.lang), value=subject)
        self.participant = w.Combobox(ensure_option=False, layout=w.Layout(width="24rem"), style=_WIDE)
        self.budget = w.HTML()
        self.options_box = w.VBox(layout=w.Layout(max_height="24rem", overflow="auto"))
        self.cast_button = w.Button(icon="check", button_style="primary")
        self.message = w.HTML()
        self.results_heading = w.HTML()
        self.voted = w.HTML()
        self.results = w.HTML()
        super().__init__([self.heading, self.subject, self.participant, self.budget, self.options_box,
                          w.HBox([self.cast_button, self.message]), self.results_heading, self.voted, self.results])
        self.subject.observe(lambda _: self.refresh(), names="value")
        self.participant.observe(self._fill_in, names="value")
        self.cast_button.on_click(lambda _: self.cast())
        bench.observe(lambda _: self.refresh(), names=["version", "lang"])
        bench.observe(lambda _: self._show_status(), names="status")
        self.refresh()

    # -- what the widget shows ----------------------------------------------------------------------
    @property
    def options(self) -> list[str]:
        """The ids voted on now (pain point or improvement ids)."""
        return [option for option, _ in self._choices]

    @property
    def budget_dots(self) -> int:
        """Dots each participant may give on this subject."""
        return dot_budget(len(self._choices))

    @property
    def given(self) -> dict[str, int]:
        """The dots entered now, by option (options without dots left out)."""
        return {option: int(box.value) for option, box in self.dots.items() if box.value}

    @property
    def left(self) -> int:
        """Dots the participant still has (negative when over budget)."""
        return self.budget_dots - sum(self.given.values())

    def results_table(self) -> pd.DataFrame:
        """The vote on this subject: ``rank``, ``option``, ``name`` (in the workshop's language), ``dots``, ``voters``.

        Dots given to options of the other subject (or to options that are gone) are left out.
        """
        names = dict(self._choices)
        try:
            table = vote_results(self.bench.journey)
        except ServicepathError:
            table = pd.DataFrame(columns=["rank", "option", "dots", "voters"])
        table = table[table["option"].isin(list(names))].reset_index(drop=True)
        table["rank"] = range(1, len(table) + 1)
        table.insert(2, "name", [names[o] for o in table["option"]])
        return table

    def voters(self) -> list[str]:
        """Who has given dots on this subject, in the order they first voted."""
        wanted = set(self.options)
        seen: dict[str, None] = {}
        for vote in self.bench.journey.votes:
            if vote.get("option") in wanted and vote.get("participant"):
                seen[vote["participant"]] = None
        return list(seen)

    # -- actions --------------------------------------------------------------------------------------
    def cast(self) -> bool:
        """Record the participant's dots (through :func:`~servicepath.cast_votes`); return whether it was kept.

        On success the form is emptied for the next participant; a refusal
        (no name, over budget) leaves it as it is, with the reason in the status.
        """
        name, options, dots, budget = self.participant.value.strip(), self.options, self.given, self.budget_dots

        def vote(journey: Journey) -> None:
            # cast_votes replaces all of a participant's dots; keep the ones given on the other subject
            elsewhere = [v for v in journey.votes if v.get("participant") == name and v.get("option") not in options]
            cast_votes(journey, name, dots, options=options, budget=budget)
            journey.votes.extend(elsewhere)

        kept = self.bench.change(label("widget.vote.what", self.bench.lang).format(name=name or "?"), vote)
        if kept:
            self._quiet = True
            try:
                self.participant.value = ""
                for box in self.dots.values():
                    box.value = 0
            finally:
                self._quiet = False
            self._show_budget()
        return kept

    def refresh(self) -> None:
        """Rebuild the options, labels and results from the journey and language as they are now."""
        lang, journey = self.bench.lang, self.bench.journey
        self._quiet = True
        try:
            self.heading.value = f"<h3>{escape(label('widget.vote.title', lang))}</h3>"
            if list(self.subject.options) != _subject_options(lang):
                set_options(self.subject, _subject_options(lang), self.subject.value)
            self.participant.description = label("widget.vote.participant", lang)
            self.participant.placeholder = label("widget.vote.participant_hint", lang)
            self.cast_button.description = label("widget.vote.cast", lang)
            self.results_heading.value = f"<b>{escape(label('widget.vote.results', lang))}</b>"
            try:
                self._choices = _vote_choices(journey, self.subject.value, lang)
                problem = ""
            except ServicepathError as exc:  # e.g. a broken plan in a hand-edited file
                self._choices, problem = [], f"✗ {exc}"
            self._rebuild_inputs()
            self.participant.options = self._all_participants()
        finally:
            self._quiet = False
        self._show_budget()
        self._show_results()
        if problem:
            self.message.value = status_line(problem)

    # -- inside ----------------------------------------------------------------------------------------
    def _rebuild_inputs(self) -> None:
        budget, old = self.budget_dots, self.dots
        self.dots, rows = {}, []
        for option, name in self._choices:
            box = old.get(option) or w.BoundedIntText(min=0, layout=w.Layout(width="4.5rem"))
            box.max = max(budget, box.value)
            if box is not old.get(option):
                box.observe(lambda _: self._show_budget(), names="value")
            text = self._names.get(option) or w.HTML()
            text.value = escape(name)
            self.dots[option], self._names[option] = box, text
            rows.append(w.HBox([box, text]))
        self._names = {o: self._names[o] for o in self.dots}
        self.options_box.children = rows

    def _all_participants(self) -> list[str]:
        return sorted({v["participant"] for v in self.bench.journey.votes if v.get("participant")})

    def _fill_in(self, _=None) -> None:
        """A participant who has voted already sees their dots on this subject (and can change them)."""
        if self._quiet:
            return
        name = self.participant.value.strip()
        theirs = {v["option"]: v.get("dots", 0) for v in self.bench.journey.votes
                  if v.get("participant") == name and v.get("option") in self.dots}
        shown_before, self._prefilled = getattr(self, "_prefilled", False), bool(theirs)
        if not theirs:
            if shown_before:  # "Ann" was filled in while typing "Anna": Ann's dots are not Anna's
                for box in self.dots.values():
                    box.value = 0
            return
        for option, box in self.dots.items():
            box.max = max(box.max, theirs.get(option, 0))
            box.value = theirs.get(option, 0)

    def _show_budget(self) -> None:
        if self._quiet:
            return
        lang = self.bench.lang
        if not self._choices:
            self.budget.value = f"<i>{escape(label('widget.vote.no_options', lang))}</i>"
            self.cast_button.disabled = True
            return
        self.cast_button.disabled = False
        left = self.left
        text = escape(label("widget.vote.budget", lang).format(budget=self.budget_dots, left=max(left, 0)))
        if left < 0:
            text += " · " + status_line("✗ " + label("widget.vote.over", lang).format(over=-left))
        self.budget.value = text

    def _show_results(self) -> None:
        lang, table = self.bench.lang, self.results_table()
        voters = self.voters()
        self.voted.value = escape(label("widget.vote.voted", lang).format(names=", ".join(voters))) if voters else ""
        if table.empty:
            self.results.value = f"<i>{escape(label('widget.vote.no_dots', lang))}</i>"
            return
        column = "column.pain_point" if self.subject.value == "pain" else "column.improvement"
        header = [label("column.rank", lang), label(column, lang), label("widget.vote.dots", lang),
                  label("widget.vote.voters", lang)]
        rows = [(r.rank, r.name, r.dots, r.voters) for r in table.itertuples(index=False)]
        self.results.value = html_table(header, rows)

    def _show_status(self) -> None:
        self.message.value = status_line(self.bench.status)


def _subject_options(lang: str) -> list[tuple[str, str]]:
    return [(label(f"widget.vote.subject.{s}", lang), s) for s in VOTE_SUBJECTS]


def _vote_choices(journey: Journey, subject: str, lang: str) -> list[tuple[str, str]]:
    """(id, name) of what is voted on: pain points worst first, or the plan's improvements in order."""
    if subject == "ideas":
        return [(imp.id, imp.title.get(lang)) for imp in improvements(journey)]
    return _pain_choices(journey, lang)


def _pain_choices(journey: Journey, lang: str) -> list[tuple[str, str]]:
    table = pain_points(journey)
    if table.empty:
        return []
    names = {tp: name for name, tp in touchpoint_options(journey, lang, set(table["touchpoint"]))}
    return [(row.pain_point, f"{names[row.touchpoint]}: {Text(row.text_fi, row.text_en).get(lang)}")
            for row in table.itertuples(index=False)]


class ImprovementPlanner(w.VBox):
    """Plan improvements: from a pain point or from scratch, ranked, on the priority matrix, with a what-if.

    Pick a pain point and its touchpoint and id are filled in (and its weakest
    A.R.V.O. principle, if none is chosen yet; while an improvement is being
    edited they are added to its own); or fill the form from scratch.
    **Add** puts a new improvement in the plan, **Update** changes the one
    chosen in *Improvement* (fields the form does not show, such as the
    description, are kept), **Remove** takes it out. After every change the
    ranked table (:func:`~servicepath.prioritise`), the priority matrix and the
    what-if — :func:`~servicepath.compare_maps` of the journey and
    :func:`~servicepath.apply` of the whole plan, with the change in customers
    reaching the goal in words — are redrawn.

    Parameters
    ----------
    bench : Workbench
    method : {"quadrant", "ice", "rice"}
        How the table is ranked at first.
    dpi : float
        Resolution of the two pictures.

    Attributes
    ----------
    pain, chosen : ipywidgets.Dropdown
        The pain point to start from (``None``: from scratch), and the
        improvement being edited (``None``: a new one).
    id, title_fi, title_en, owner, metric : ipywidgets.Text
    touchpoints, pain_points, principles : ipywidgets.SelectMultiple
    impact, effort, confidence : ipywidgets.IntSlider
    due : ipywidgets.DatePicker
    status : ipywidgets.Dropdown
        ``idea``, ``planned``, ``doing``, ``done``.
    score_change : dict of str to ipywidgets.BoundedFloatText
        The expected change of each principle's score, −4…4.
    emotion_change, drop_out_reduction : ipywidgets.FloatSlider
    add_button, update_button, remove_button, clear_button : ipywidgets.Button
    method : ipywidgets.Dropdown
    table, whatif_text, message : ipywidgets.HTML
    matrix, whatif : ipywidgets.Image
        The priority matrix and the before/after picture (PNG).

    Examples
    --------
    >>> import servicepath as sp
    >>> journey = sp.load_sample("webshop")
    >>> journey.improvements.clear(); journey.votes.clear()
    >>> planner = ImprovementPlanner(Workbench(journey, lang="en"), dpi=30)
    >>> planner.pain.value = "pay-slow"
    >>> planner.touchpoints.value, planner.pain_points.value
    (('pay',), ('pay-slow',))
    >>> planner.title_en.value = "Faster payment page"
    >>> planner.impact.value, planner.effort.value = 5, 2
    >>> planner.add_button.click()
    >>> planner.ranked()[["id", "quadrant"]].to_dict("records")
    [{'id': 'faster-payment-page', 'quadrant': 'quick win'}]
    """

    def __init__(self, bench: Workbench, *, method: str = "quadrant", dpi: float = 70):
        self.bench, self.dpi = bench, dpi
        self._quiet = False
        self._drawn: dict[str, str] = {}  # what each picture shows now, to redraw only when it changes
        self.heading = w.HTML()
        self.pain = w.Dropdown(layout=w.Layout(width="46rem"), style=_WIDE)
        self.chosen = w.Dropdown(layout=w.Layout(width="46rem"), style=_WIDE)
        self.id = w.Text(layout=w.Layout(width="30rem"), style=_WIDE)
        self.title_fi = w.Text(layout=w.Layout(width="46rem"), style=_WIDE)
        self.title_en = w.Text(layout=w.Layout(width="46rem"), style=_WIDE)
        self.touchpoints = w.SelectMultiple(rows=6, layout=w.Layout(width="22rem"))
        self.pain_points = w.SelectMultiple(rows=6, layout=w.Layout(width="30rem"))
        self.principles = w.SelectMultiple(rows=4, layout=w.Layout(width="18rem"))
        self.impact = w.IntSlider(3, min=1, max=5, style=_WIDE)
        self.effort = w.IntSlider(3, min=1, max=5, style=_WIDE)
        self.confidence = w.IntSlider(3, min=1, max=5, style=_WIDE)
        self.owner = w.Text(layout=w.Layout(width="30rem"), style=_WIDE)
        self.metric = w.Text(layout=w.Layout(width="46rem"), style=_WIDE)
        self.due = w.DatePicker(style=_WIDE)
        self.status = w.Dropdown(value=None, options=[], style=_WIDE)
        self.score_change = {p: w.BoundedFloatText(0, min=-4, max=4, step=0.5, description=p,
                                                   layout=w.Layout(width="8rem"), style={"description_width": "1.5rem"})
                             for p in PRINCIPLES}
        self.emotion_change = w.FloatSlider(0, min=-6, max=6, step=0.5, style=_WIDE)
        self.drop_out_reduction = w.FloatSlider(0, min=0, max=1, step=0.05, readout_format=".0%", style=_WIDE)
        self.add_button = w.Button(icon="plus", button_style="primary")
        self.update_button = w.Button(icon="pencil")
        self.remove_button = w.Button(icon="trash")
        self.clear_button = w.Button(icon="eraser")
        self.message = w.HTML()
        self.method = w.Dropdown(value=None, options=[], style=_WIDE)
        self.table = w.HTML()
        self.matrix = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.whatif = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.whatif_text = w.HTML()
        self._labels = {key: w.HTML() for key in ("touchpoints", "pain_points", "principles", "effect",
                                                  "score_change", "ranked", "whatif")}
        lab = self._labels
        super().__init__([
            self.heading, self.pain, self.chosen, self.id, self.title_fi, self.title_en,
            w.HBox([w.VBox([lab["touchpoints"], self.touchpoints]), w.VBox([lab["pain_points"], self.pain_points]),
                    w.VBox([lab["principles"], self.principles])]),
            self.impact, self.effort, self.confidence, self.owner, self.metric, self.due, self.status,
            lab["effect"], w.HBox([lab["score_change"], *self.score_change.values()]), self.emotion_change,
            self.drop_out_reduction,
            w.HBox([self.add_button, self.update_button, self.remove_button, self.clear_button]), self.message,
            lab["ranked"], self.method, self.table, self.matrix, lab["whatif"], self.whatif_text, self.whatif,
        ])
        self._relabel()
        self.method.value = method
        self.pain.observe(self._from_pain, names="value")
        self.chosen.observe(self._edit_chosen, names="value")
        self.method.observe(lambda _: self._show_table(), names="value")
        self.add_button.on_click(lambda _: self.add())
        self.update_button.on_click(lambda _: self.update())
        self.remove_button.on_click(lambda _: self.remove())
        self.clear_button.on_click(lambda _: self.clear())
        bench.observe(lambda _: self.refresh(), names="version")
        bench.observe(lambda _: (self._relabel(), self.refresh()), names="lang")
        bench.observe(lambda _: self._show_status(), names="status")
        self.refresh()

    # -- reading the plan ------------------------------------------------------------------------------
    def ranked(self) -> pd.DataFrame:
        """The plan ranked with the chosen method (:func:`~servicepath.prioritise`)."""
        return prioritise(self.bench.journey, self.method.value)

    def goal_change(self) -> tuple[float, float]:
        """Share of customers reaching a goal now and with the whole plan carried out (NaN without goals)."""
        return _goal_change(self.bench.journey, apply(self.bench.journey))

    # -- actions --------------------------------------------------------------------------------------
    def add(self) -> bool:
        """Add the form as a new improvement; return whether it was kept (the reason is in the status if not).

        The id is the one typed, or one made from the title; while an
        improvement is being edited, *Add* saves the form as a new one beside it.
        """
        new_id = (self.id.value.strip() if self.chosen.value is None else "") or self._new_id()
        fields = self._fields()
        kept = self.bench.change(label("widget.plan.added", self.bench.lang).format(id=new_id),
                                 lambda journey: add_improvement(journey, Improvement(new_id, **fields)))
        if kept and new_id in [option[1] for option in self.chosen.options]:
            self.chosen.value = new_id
        return kept

    def update(self) -> bool:
        """Save the form into the improvement chosen in *Improvement*; fields the form does not show are kept."""
        target = self.chosen.value
        if target is None:
            self.bench.status = "✗ " + label("widget.plan.pick_first", self.bench.lang)
            return False
        fields = self._fields()

        def change(journey: Journey) -> None:
            index = _index(journey, target)
            changed = replace(improvements(journey)[index], **fields)  # checked like a new one
            del journey.improvements[index]
            add_improvement(journey, changed)  # its touchpoints must exist
            journey.improvements.insert(index, journey.improvements.pop())

        return self.bench.change(label("widget.plan.updated", self.bench.lang).format(id=target), change)

    def remove(self) -> bool:
        """Take the improvement chosen in *Improvement* out of the plan (undo brings it back)."""
        target = self.chosen.value
        if target is None:
            self.bench.status = "✗ " + label("widget.plan.pick_first", self.bench.lang)
            return False
        return self.bench.change(label("widget.plan.removed", self.bench.lang).format(id=target),
                                 lambda journey: journey.improvements.pop(_index(journey, target)))

    def clear(self) -> None:
        """Empty the form for a new improvement."""
        self._quiet = True
        try:
            self.chosen.value = self.pain.value = None
            self._fill(_BLANK)
        finally:
            self._quiet = False

    def refresh(self) -> None:
        """Renew the choices, the ranked table and both pictures from the journey as it is now."""
        journey, lang = self.bench.journey, self.bench.lang
        self._quiet = True
        try:
            try:  # ranking pain points needs a journey customers can walk through; the plan list does not
                pains, problem = _pain_choices(journey, lang), ""
            except ServicepathError as exc:
                pains, problem = [], f"✗ {exc}"
            try:
                plan = [(imp.title.get(lang) or imp.id, imp.id) for imp in improvements(journey)]
            except ServicepathError as exc:
                plan, problem = [], f"✗ {exc}"
            set_options(self.pain, [(label("widget.plan.scratch", lang), None)] + [(n, i) for i, n in pains],
                        self.pain.value)
            set_options(self.chosen, [(label("widget.plan.new", lang), None)] + plan, self.chosen.value)
            _keep_multi(self.touchpoints, touchpoint_options(journey, lang))
            _keep_multi(self.pain_points, [(n, i) for i, n in pains])
            self.id.disabled = self.chosen.value is not None
        finally:
            self._quiet = False
        self._show_table()
        self._draw()
        if problem:
            self.message.value = status_line(problem)

    # -- inside ----------------------------------------------------------------------------------------
    def _fields(self) -> dict:
        """The form as keyword arguments of :class:`~servicepath.Improvement` (all but the id)."""
        return {
            "title": Text(fi=self.title_fi.value, en=self.title_en.value),
            "touchpoints": tuple(self.touchpoints.value), "principles": tuple(self.principles.value),
            "pain_points": tuple(self.pain_points.value),
            "score_change": {p: box.value for p, box in self.score_change.items() if box.value},
            "emotion_change": self.emotion_change.value, "drop_out_reduction": self.drop_out_reduction.value,
            "impact": self.impact.value, "effort": self.effort.value, "confidence": self.confidence.value,
            "owner": self.owner.value.strip(), "metric": self.metric.value.strip(), "due": self.due.value,
            "status": self.status.value,
        }

    def _fill(self, imp: Improvement) -> None:
        blank = imp is _BLANK
        self.id.value = "" if blank else imp.id
        self.title_fi.value, self.title_en.value = ("", "") if blank else (imp.title.fi or "", imp.title.en or "")
        _select(self.touchpoints, imp.touchpoints)
        _select(self.pain_points, imp.pain_points)
        self.principles.value = tuple(p for p in PRINCIPLES if p in imp.principles)
        for p, box in self.score_change.items():
            box.value = imp.score_change.get(p, 0)
        self.emotion_change.value, self.drop_out_reduction.value = imp.emotion_change, imp.drop_out_reduction
        self.impact.value, self.effort.value, self.confidence.value = imp.impact, imp.effort, imp.confidence
        self.owner.value, self.metric.value, self.due.value, self.status.value = (imp.owner, imp.metric, imp.due,
                                                                                  imp.status)

    def _new_id(self) -> str:
        """An id from the title (``Faster payment page`` → ``faster-payment-page``), unique in the plan."""
        title = self.title_en.value.strip() or self.title_fi.value.strip()
        plain = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
        base = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:40].rstrip("-") or "improvement"
        taken = {d.get("id") for d in self.bench.journey.improvements}
        new, n = base, 1
        while new in taken:
            n += 1
            new = f"{base}-{n}"
        return new

    def _from_pain(self, change) -> None:
        if self._quiet or change["new"] is None:
            return
        table = pain_points(self.bench.journey)
        row = table[table["pain_point"] == change["new"]].iloc[0]
        if self.chosen.value is None:  # a new improvement starts from this pain point
            self.touchpoints.value = (row["touchpoint"],)
            self.pain_points.value = (change["new"],)
        else:  # an improvement being edited answers this pain point too
            _select(self.touchpoints, (*self.touchpoints.value, row["touchpoint"]))
            _select(self.pain_points, (*self.pain_points.value, change["new"]))
        if not self.principles.value and row["weakest_principle"]:
            self.principles.value = (row["weakest_principle"],)

    def _edit_chosen(self, change) -> None:
        self.id.disabled = change["new"] is not None
        if self._quiet:
            return
        if change["new"] is None:
            self.id.value = ""
            return
        self._fill(improvements(self.bench.journey)[_index(self.bench.journey, change["new"])])

    def _relabel(self) -> None:
        lang = self.bench.lang
        self._quiet = True
        try:
            self.heading.value = f"<h3>{escape(label('widget.plan.title', lang))}</h3>"
            for name in ("pain", "chosen", "id", "title_fi", "title_en", "impact", "effort", "confidence", "owner",
                         "metric", "due", "status", "emotion_change", "drop_out_reduction", "method"):
                key = {"pain": "source"}.get(name, name)
                getattr(self, name).description = label(f"widget.plan.{key}", lang)
            for key, html in self._labels.items():
                html.value = f"<b>{escape(label(f'widget.plan.{key}', lang))}</b>"
            for name in ("add", "update", "remove", "clear"):
                getattr(self, f"{name}_button").description = label(f"widget.plan.{name}", lang)
            set_options(self.status, [(label(f"status.{s}", lang), s) for s in STATUSES], self.status.value or "idea")
            set_options(self.method, [(label(f"widget.plan.method.{m}", lang), m) for m in METHODS],
                        self.method.value or "quadrant")
            _keep_multi(self.principles, [(label(f"principle.{p}", lang), p) for p in PRINCIPLES])
        finally:
            self._quiet = False

    def _show_table(self) -> None:
        if self._quiet:
            return
        lang = self.bench.lang
        try:
            ranked = self.ranked()
            details = improvement_table(self.bench.journey).set_index("id")
        except ServicepathError as exc:
            self.table.value = status_line(f"✗ {exc}")
            return
        if ranked.empty:
            self.table.value = f"<i>{escape(label('report.no_plan', lang))}</i>"
            return
        header = [label(k, lang) for k in ("column.rank", "column.improvement", "column.quadrant", "widget.plan.score",
                                           "column.impact", "column.effort", "column.votes", "column.status",
                                           "column.owner", "column.due")]
        rows = []
        for r in ranked.itertuples(index=False):
            d = details.loc[r.id]
            rows.append((r.rank, Text(r.title_fi, r.title_en).get(lang) or r.id,
                         label(f"quadrant.{r.quadrant}", lang), number_text(r.score, lang, 2), r.impact, r.effort,
                         r.votes, label(f"status.{d['status']}", lang), d["owner"],
                         d["due"].isoformat() if isinstance(d["due"], date) else ""))
        self.table.value = html_table(header, rows)

    def _draw(self) -> None:
        """Redraw the matrix and the what-if, each only when what it shows has changed (a vote changes neither)."""
        journey, lang = self.bench.journey, self.bench.lang
        try:
            ranked = prioritise(journey)
            shown = ranked[["id", "impact", "effort", "title_fi", "title_en"]].values.tolist()
            key = repr((lang, journey.title, shown))
            if key != self._drawn.get("matrix"):
                self.matrix.value = figure_bytes(priority_matrix(journey, lang=lang), "png", dpi=self.dpi)
                self._drawn["matrix"] = key
            key = _fingerprint(journey, lang)
            if key != self._drawn.get("whatif"):
                after = apply(journey)
                self.whatif.value = figure_bytes(compare_maps(journey, after, lang=lang), "png", dpi=self.dpi)
                self.whatif_text.value = escape(_whatif_words(*_goal_change(journey, after), lang))
                self._drawn["whatif"] = key
        except ServicepathError as exc:  # e.g. an improvement names a touchpoint that was removed
            self._drawn.clear()
            self.whatif_text.value = status_line(f"✗ {exc}")

    def _show_status(self) -> None:
        self.message.value = status_line(self.bench.status)


def _fingerprint(journey: Journey, lang: str) -> str:
    """Everything a what-if picture depends on: the journey without its votes and timestamps, and the language."""
    graph = journey.graph
    return repr((lang, list(graph.nodes(data=True)), list(graph.edges(data=True)), journey.title, journey.persona,
                 journey.stages, journey.goals, journey.ratings, journey.answers, journey.improvements))


def _index(journey: Journey, improvement_id: str) -> int:
    for i, data in enumerate(journey.improvements):
        if data.get("id") == improvement_id:
            return i
    raise UnknownIdError(f"there is no improvement {improvement_id!r} in the plan")


def _keep_multi(widget: w.SelectMultiple, options: Sequence[tuple[str, str]]) -> None:
    """New options for a multiple choice, keeping the chosen values that are still there."""
    chosen = widget.value
    if list(widget.options) != list(options):
        widget.options = options
    _select(widget, chosen)


def _select(widget: w.SelectMultiple, values: Sequence[str]) -> None:
    there = {v for _, v in widget.options}
    widget.value = tuple(dict.fromkeys(v for v in values if v in there))


def _goal_change(before: Journey, after: Journey) -> tuple[float, float]:
    diff = compare(before, after).set_index(["measure", "id"])
    row = diff.loc[("goal_probability", "journey")]
    return float(row["before"]), float(row["after"])


def _whatif_words(before: float, after: float, lang: str) -> str:
    """The change in customers reaching the goal, as a sentence.

    Examples
    --------
    >>> _whatif_words(0.15, 0.189, "en")
    'If the plan works as expected, 18.9% of the customers reach the goal instead of 15.0% (+3.9 pp).'
    """
    if math.isnan(before) or math.isnan(after):
        return label("widget.plan.whatif.no_goal", lang)
    if abs(after - before) < 0.0005:
        return label("widget.plan.whatif.same", lang).format(before=_percent(before, lang))
    change = number_text(100 * abs(after - before), lang, 1)
    return label("widget.plan.whatif.change", lang).format(
        before=_percent(before, lang), after=_percent(after, lang), change=("+" if after > before else "−") + change)


def _percent(share: float, lang: str) -> str:
    """A share with one decimal, as on the what-if picture's subtitle ("15,0 %" in Finnish, "15.0%" in English)."""
    return number_text(100 * share, lang, 1) + ("\u00a0%" if lang == "fi" else "%")
