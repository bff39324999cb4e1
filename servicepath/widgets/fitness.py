"""Customer fitness (asiakaskunto) in a notebook: the questionnaire, the results and the customer interview.

The widgets only wire the fitness store and the analysis functions to controls:
answers go to :class:`~servicepath.FitnessStore` (append-only, one transaction
per save), results come from :meth:`FitnessStore.report` under the privacy
rule. State lives in traits and every action has a method, so tests fill in a
whole questionnaire with no browser.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from pathlib import Path

import ipywidgets as w
import pandas as pd
import traitlets

from ..analysis.fitness import MIN_RESPONDENTS, FitnessReport, development_actions, person_results
from ..errors import SchemaError, ServicepathError
from ..export.fitness import _one_decimal, _score_text
from ..export.pictures import figure_bytes
from ..i18n import LANGUAGES, label, number_text, percent_text
from ..io.fitness_sample import fill_fitness_sample
from ..io.fitness_store import DEFAULT_DATABASE, FitnessStore
from ..model.fitness import (
    AGREEMENT_SCALE,
    DEVELOPMENT_WAYS,
    FITNESS_AREAS,
    FITNESS_ITEMS,
    INTERVIEW_ANSWERS,
    RECOMMEND_SCALE,
    FitnessAnswer,
    Interview,
    item_by_id,
)
from ._common import escape, html_table
from .panels import status_line

__all__ = ["FitnessQuestionnaire", "FitnessResults", "InterviewForm", "open_fitness_store", "fitness_team_table"]

MODES = ("item", "area")
_ITEM_IDS = tuple(item.id for item in FITNESS_ITEMS)
_MUTED = "#555"


def open_fitness_store(database: str | os.PathLike = DEFAULT_DATABASE, work_folder: str | os.PathLike = "work", *,
                       sample: bool = True) -> FitnessStore:
    """Open the fitness database in the notebook's work folder, made up and filled the first time.

    A database that does not exist yet is created and, with ``sample``, filled
    with :func:`~servicepath.fill_fitness_sample` (a made-up organisation to
    try things on; delete the file to start your own). A database with no
    round gets one, opened today, so a questionnaire can be answered at once.
    As in :meth:`Workbench.open`, the environment variable ``SERVICEPATH_WORK``,
    when set, replaces ``work_folder`` (the test suite points it at a temporary
    folder, so running the notebooks never touches a real workshop's database).

    Examples
    --------
    >>> import tempfile
    >>> store = open_fitness_store("servicepath.db", tempfile.mkdtemp(), sample=False)
    >>> len(store.rounds()), store.path.name
    (1, 'servicepath.db')
    >>> store.close()
    """
    work = Path(os.environ.get("SERVICEPATH_WORK") or work_folder)
    work.mkdir(parents=True, exist_ok=True)
    path = work / database
    new = not path.exists()
    store = FitnessStore(path)
    if new and sample:
        fill_fitness_sample(store)
    if store.rounds().empty:
        store.new_round()
    return store


def _check_lang(proposal):
    if proposal["value"] not in LANGUAGES:
        raise traitlets.TraitError(f"unknown language {proposal['value']!r}; use one of {', '.join(LANGUAGES)}")
    return proposal["value"]


def _lang_switch() -> w.ToggleButtons:
    return w.ToggleButtons(options=[(code.upper(), code) for code in LANGUAGES], style={"button_width": "3.5rem"})


def _saved_text(count: int, lang: str) -> str:
    key = "fitness.widget.saved.one" if count == 1 else "fitness.widget.saved.many"
    return label(key, lang).format(count=count)


def _set_choices(widget: w.ToggleButtons, options: list, tooltips: list[str] | None = None) -> None:
    """New option labels for a choice, keeping what is chosen (new options reset it to the first one)."""
    kept = widget.value
    if list(widget.options) != options:
        widget.options = options
    if tooltips is not None:
        widget.tooltips = tooltips
    if widget.value != kept:
        widget.value = kept


def _hide(widget: w.Widget, hidden: bool) -> None:
    widget.layout.display = "none" if hidden else None


class FitnessQuestionnaire(w.VBox):
    """The self-assessment for one person in one round: one statement at a time, or a page per area.

    Each statement shows its area and method, the 1…5 agreement scale with its
    anchored labels, and a field for a note. Moving on (:meth:`next`,
    :meth:`previous`, :meth:`finish`) saves every choice that differs from what
    is stored, in one transaction: the store is append-only, so a changed answer
    becomes a new row and unchanged answers are not saved again. What the
    person already answered in the round is filled in, so they can come back
    later. Switching the mode or the language redraws in place and keeps the
    choices not saved yet.

    Parameters
    ----------
    store : FitnessStore
    person : str
        Added to the store (with ``team``) if new.
    team : str, optional
        The person's team, for a person not in the store yet (a known person keeps theirs).
    round : str, optional
        The round answered (default: the latest round).
    lang : {"fi", "en"}
    mode : {"item", "area"}

    Attributes
    ----------
    item : str
        The current statement's id (in area mode, one on the page shown).
    saved : int
        How many answers this questionnaire has saved.
    scales, notes : dict of ToggleButtons, dict of Text
        The scale and the note of every statement, by item id; :attr:`scale`
        and :attr:`note` are the current statement's.
    consent : Checkbox
        "Show my own result to my team".
    mode_switch, lang_switch : ToggleButtons
    previous_button, next_button, finish_button : Button
    progress, status : HTML

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> store = sp.FitnessStore(pathlib.Path(tempfile.mkdtemp()) / "servicepath.db")
    >>> store.new_round("2026-Q4", opened="2026-11-23")
    '2026-Q4'
    >>> form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="en")
    >>> form.item, form.progress.value.startswith("Statement 1 / 18")
    ('K1', True)
    >>> form.choose(4, "Tunnen kanta-asiakkaat")
    >>> form.next()
    True
    >>> form.item, form.saved, store.answers(person="Aino")[["item", "value", "note"]].values.tolist()
    ('K2', 1, [['K1', 4, 'Tunnen kanta-asiakkaat']])
    """

    lang = traitlets.Unicode("fi")
    mode = traitlets.Unicode("item")
    item = traitlets.Unicode(_ITEM_IDS[0])
    saved = traitlets.Int(0, help="Answers saved by this questionnaire so far.")

    def __init__(self, store: FitnessStore, person: str, *, team: str | None = None, round: str | None = None,
                 lang: str = "fi", mode: str = "item"):
        self.store = store
        self._callbacks: list[Callable[[], object]] = []
        self._stored: dict[str, tuple[int, str]] = {}
        self._quiet = False
        self._said: tuple[Callable[[str], str], bool] = (lambda lang: "", False)
        self.title = w.HTML()
        self.who = w.HTML()
        self.mode_switch = w.ToggleButtons(options=MODES, style={"button_width": "11rem"})
        self.lang_switch = _lang_switch()
        self.consent = w.Checkbox(indent=False, layout=w.Layout(width="auto"))
        self.progress = w.HTML()
        self.bar = w.IntProgress(min=0, max=len(FITNESS_ITEMS), layout=w.Layout(width="18rem"))
        self.heading = w.HTML()
        self.legend = w.HTML()
        self.statements = {item.id: w.HTML() for item in FITNESS_ITEMS}
        self.scales = {item.id: w.ToggleButtons(options=list(AGREEMENT_SCALE), value=None) for item in FITNESS_ITEMS}
        self.notes = {item.id: w.Text(layout=w.Layout(width="30rem"), style={"description_width": "5rem"})
                      for item in FITNESS_ITEMS}
        self.rows = {item.id: w.VBox([self.statements[item.id], w.HBox([self.scales[item.id]]),
                                      self.notes[item.id]],
                                     layout=w.Layout(border_bottom="1px solid #ddd", padding="4px 0"))
                     for item in FITNESS_ITEMS}
        self.body = w.VBox()
        self.previous_button = w.Button(icon="arrow-left", layout=w.Layout(width="auto"))
        self.next_button = w.Button(icon="arrow-right", button_style="primary", layout=w.Layout(width="auto"))
        self.finish_button = w.Button(icon="check", button_style="success", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        super().__init__([self.title, self.who, w.HBox([self.mode_switch, self.lang_switch]), self.consent,
                          w.HBox([self.bar, self.progress]), self.heading, self.body,
                          w.HBox([self.previous_button, self.next_button, self.finish_button]), self.status],
                         lang=lang, mode=mode)

        self.person = person
        self.team, self.round = self._enrol(person, team, round)
        self._prefill()
        self.mode_switch.value = self.mode
        self.lang_switch.value = self.lang
        w.link((self.mode_switch, "value"), (self, "mode"))
        w.link((self.lang_switch, "value"), (self, "lang"))
        for scale in self.scales.values():
            scale.observe(lambda _: None if self._quiet else self._show_progress(), names="value")
        self.consent.observe(lambda change: None if self._quiet else self._share(change["new"]), names="value")
        self.previous_button.on_click(lambda _: self.previous())
        self.next_button.on_click(lambda _: self.next())
        self.finish_button.on_click(lambda _: self.finish())
        self.observe(lambda _: self._relabel(), names="lang")
        self.observe(lambda _: self._draw(), names=["mode", "item"])
        self._relabel()

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        return _check_lang(proposal)

    @traitlets.validate("mode")
    def _valid_mode(self, proposal):
        if proposal["value"] not in MODES:
            raise traitlets.TraitError(f"unknown mode {proposal['value']!r}; use one of {', '.join(MODES)}")
        return proposal["value"]

    @traitlets.validate("item")
    def _valid_item(self, proposal):
        try:
            return item_by_id(proposal["value"]).id
        except ServicepathError as exc:
            raise traitlets.TraitError(str(exc)) from None

    # -- the person, the round and what is stored -----------------------------------------------
    def _enrol(self, person: str, team: str | None, round_: str | None) -> tuple[str, str | None]:
        """Add the person if new; return their team and the round (None, with the reason shown, if there is none)."""
        people = self.store.people()
        known = people[people["person"] == person]
        if known.empty:
            self.store.add_person(person, team=team)
        else:  # answers go to the team the store knows the person by, so that is the team shown
            team = known["team"].iloc[0] or None
        try:
            round_ = self.store.latest_round() if round_ is None else round_
        except ServicepathError:
            round_ = None
        return team, round_

    def _prefill(self) -> None:
        """Put the stored answers of this person and round on the scales, and start at the first one not answered."""
        if self.round is not None:
            stored = self.store.answers(person=self.person, round=self.round)
            self._stored = {row.item: (int(row.value), row.note) for row in stored.itertuples(index=False)}
        for item, (value, note) in self._stored.items():
            self.scales[item].value, self.notes[item].value = value, note
        people = self.store.people()
        self.consent.value = bool(people.loc[people["person"] == self.person, "shares_answers"].any())
        open_items = [item for item in _ITEM_IDS if item not in self._stored]
        self.item = open_items[0] if open_items else _ITEM_IDS[0]

    # -- what is shown -------------------------------------------------------------------------------
    @property
    def scale(self) -> w.ToggleButtons:
        """The current statement's 1…5 scale."""
        return self.scales[self.item]

    @property
    def note(self) -> w.Text:
        """The current statement's note field."""
        return self.notes[self.item]

    @property
    def page(self) -> str:
        """The area of the current statement (the page shown in area mode)."""
        return item_by_id(self.item).area

    @property
    def answered(self) -> list[str]:
        """Ids of the statements with a choice, saved or not."""
        return [item for item in _ITEM_IDS if self.scales[item].value is not None]

    @property
    def missing(self) -> list[str]:
        """Ids of the statements with no choice yet."""
        return [item for item in _ITEM_IDS if self.scales[item].value is None]

    def _units(self) -> list[str]:
        """What Previous and Next step through: statements, or the first statement of each area."""
        if self.mode == "item":
            return list(_ITEM_IDS)
        return [next(i.id for i in FITNESS_ITEMS if i.area == area) for area in FITNESS_AREAS]

    def _unit(self) -> int:
        return _ITEM_IDS.index(self.item) if self.mode == "item" else FITNESS_AREAS.index(self.page)

    # -- acting ---------------------------------------------------------------------------------------
    def choose(self, value: int | None, note: str | None = None, *, item: str | None = None) -> None:
        """Choose ``value`` (1…5) on the current statement's scale (or ``item``'s), and its note if given."""
        item = self.item if item is None else item_by_id(item).id
        self.scales[item].value = value
        if note is not None:
            self.notes[item].value = note

    def next(self) -> bool:
        """Save what changed and go to the next statement or page; return whether it moved."""
        return self._move(+1)

    def previous(self) -> bool:
        """Save what changed and go back one statement or page; return whether it moved."""
        return self._move(-1)

    def _move(self, step: int) -> bool:
        saved = self.save()
        if saved is None:
            return False
        units, here = self._units(), self._unit()
        there = here + step
        if not 0 <= there < len(units):
            key = "fitness.widget.last" if step > 0 else "fitness.widget.first"
            self._say(lambda lang: " ".join(filter(None, [_saved_text(saved, lang) if saved else "",
                                                          label(key, lang)])))
            return False
        self.item = units[there]
        self._say(lambda lang: _saved_text(saved, lang) if saved else "")
        return True

    def finish(self) -> bool:
        """Save what changed, say what is still missing, and tell the linked results; return whether it saved."""
        saved = self.save()
        if saved is None:
            return False
        missing = self.missing

        def said(lang: str) -> str:
            parts = [_saved_text(saved, lang) if saved else label("fitness.widget.nothing_new", lang)]
            if missing:
                parts.append(label("fitness.widget.missing", lang).format(count=len(missing), items=", ".join(missing)))
            else:
                parts.append(label("fitness.widget.all_done", lang).format(count=len(_ITEM_IDS)))
            return " ".join(parts)

        self._say(said, failed=bool(missing))
        for callback in self._callbacks:
            callback()
        return True

    def on_finish(self, callback: Callable[[], object]) -> None:
        """Call ``callback()`` after every :meth:`finish` (e.g. ``results.refresh``)."""
        self._callbacks.append(callback)

    def changes(self) -> list[FitnessAnswer]:
        """The choices that differ from the stored answers (what the next save keeps).

        Raises :class:`~servicepath.SchemaError` for a note with no choice or a
        note that is too long.
        """
        pending = []
        for item in _ITEM_IDS:
            value, note = self.scales[item].value, self.notes[item].value.strip()
            if value is None:
                if note:
                    raise SchemaError(label("fitness.widget.note_needs_value", self.lang), where=item)
                continue
            if (value, note) != self._stored.get(item):
                pending.append(FitnessAnswer(item, value, note))
        return pending

    def save(self) -> int | None:
        """Save every changed choice in one transaction; return how many, or None (reason in the status)."""
        if self.round is None:
            self._say(lambda lang: label("fitness.widget.no_round", lang), failed=True)
            return None
        try:
            pending = self.changes()
            if pending:
                self.store.save_answers(self.person, pending, round=self.round)
        except ServicepathError as exc:
            self._say(lambda lang, exc=exc: label("fitness.widget.not_saved", lang).format(reason=exc), failed=True)
            return None
        for answer in pending:
            self._stored[answer.item] = (answer.value, answer.note)
            self.notes[answer.item].value = answer.note
        self.saved += len(pending)
        return len(pending)

    def _share(self, shares: bool) -> None:
        try:
            self.store.add_person(self.person, shares_answers=shares)
        except ServicepathError as exc:
            self._say(lambda lang, exc=exc: label("fitness.widget.not_saved", lang).format(reason=exc), failed=True)
            return
        self._say(lambda lang: label("fitness.widget.consent_on" if shares else "fitness.widget.consent_off", lang))

    def _say(self, text: Callable[[str], str], *, failed: bool = False) -> None:
        """Show ``text(lang)`` in the status line; a language switch says it again in the new language."""
        self._said = (text, failed)
        shown = text(self.lang)
        self.status.value = status_line(f"✗ {shown}" if failed else f"✓ {shown}") if shown else ""

    # -- drawing --------------------------------------------------------------------------------------
    def _relabel(self) -> None:
        lang = self.lang
        self.title.value = f"<h3>{escape(label('fitness.title', lang))} · " \
                           f"{escape(label('fitness.widget.questionnaire', lang))}</h3>"
        team = self.team or label("fitness.widget.no_team", lang)
        who = label("fitness.widget.who", lang).format(person=self.person, team=team, round=self.round or "–")
        self.who.value = f'<span style="color:{_MUTED}">{escape(who)}</span>'
        self._quiet = True
        try:
            _set_choices(self.mode_switch, [(label(f"fitness.widget.mode.{m}", lang), m) for m in MODES])
        finally:
            self._quiet = False
        self.consent.description = label("fitness.widget.consent", lang)
        self.previous_button.description = label("fitness.widget.previous", lang)
        self.next_button.description = label("fitness.widget.next", lang)
        self.finish_button.description = label("fitness.widget.finish", lang)
        self._say(self._said[0], failed=self._said[1])
        for note in self.notes.values():
            note.description = label("fitness.widget.note", lang)
            note.placeholder = label("fitness.widget.note_placeholder", lang)
        anchors = "".join(f"<li><b>{n}</b> {escape(label(f'fitness.scale.{n}', lang))}</li>" for n in AGREEMENT_SCALE)
        self.legend.value = (f'<ul style="list-style:none;padding-left:0;margin:2px 0;display:flex;gap:1.2rem;'
                             f'flex-wrap:wrap;color:{_MUTED}">{anchors}</ul>')
        self._draw()

    def _draw(self) -> None:
        """Show the current statement or page, with the scale labels that fit the mode."""
        lang, item_mode = self.lang, self.mode == "item"
        scale_labels = [label(f"fitness.scale.{n}", lang) for n in AGREEMENT_SCALE]
        options = [(f"{n} · {text}" if item_mode else str(n), n) for n, text in zip(AGREEMENT_SCALE, scale_labels,
                                                                                    strict=True)]
        self._quiet = True
        try:
            for scale in self.scales.values():
                _set_choices(scale, options, scale_labels)
                scale.style.button_width = "13.5rem" if item_mode else "3rem"
        finally:
            self._quiet = False
        for item in FITNESS_ITEMS:
            self.statements[item.id].value = self._statement(item, lang, with_area=item_mode)
        units, here = self._units(), self._unit()
        if item_mode:
            self.body.children = [self.rows[self.item]]
            self.heading.value = ""
        else:
            area = self.page
            self.body.children = [self.legend, *(self.rows[i.id] for i in FITNESS_ITEMS if i.area == area)]
            self.heading.value = f"<h4>{escape(label(f'fitness.area.{area}', lang))}</h4>"
        self.previous_button.disabled = here == 0 or self.round is None
        self.next_button.disabled = here == len(units) - 1 or self.round is None
        self.finish_button.disabled = self.round is None
        self._show_progress()

    @staticmethod
    def _statement(item, lang: str, *, with_area: bool) -> str:
        tags = [item.id, *([label(f"fitness.area.{item.area}", lang)] if with_area else []),
                label(f"fitness.method.{item.method}", lang)]
        size = "115%" if with_area else "100%"
        return (f'<div style="color:{_MUTED};font-size:90%">{" · ".join(escape(t) for t in tags)}</div>'
                f'<div style="font-size:{size};margin:2px 0 4px 0">{escape(item.text.get(lang))}</div>')

    def _show_progress(self) -> None:
        lang, answered = self.lang, len(self.answered)
        if self.mode == "item":
            where = label("fitness.widget.statement", lang).format(number=self._unit() + 1, count=len(_ITEM_IDS))
        else:
            where = label("fitness.widget.page", lang).format(number=self._unit() + 1, count=len(FITNESS_AREAS))
        done = label("fitness.widget.answered", lang).format(count=answered, total=len(_ITEM_IDS))
        self.progress.value = escape(f"{where} · {done}")
        self.bar.value = answered


class FitnessResults(w.VBox):
    """A person's result, their team's result under the privacy rule, the trend, actions and customer interviews.

    The person's own result (level, area scores and a radar) is shown to
    them. The team's result is shown only when at least ``min_respondents``
    people answered every area; until then the panel says how many have
    answered and shows no scores. Development actions are for the team's
    weakest area (or the person's own while the team's result is hidden),
    grouped by the three ways of keeping fitness up. :meth:`refresh` (or
    the button) reads the store again.

    Parameters
    ----------
    store : FitnessStore
    person : str, optional
    team : str, optional
        Default: the person's team; with neither, all teams together.
    lang : {"fi", "en"}
    min_respondents : int
        The privacy threshold.
    round : str, optional
        The round of the person's result (default: the latest round).
    dpi : float
        Resolution of the charts.

    Attributes
    ----------
    report : FitnessReport or None
        The team's report as last read.
    own : dict or None
        The person's row of :func:`~servicepath.person_results` in the round.
    person_box, team_box, trend_box, actions, shared, interviews : HTML
    radar, trend : Image
    refresh_button : Button
    status : HTML

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> store = sp.FitnessStore(pathlib.Path(tempfile.mkdtemp()) / "servicepath.db")
    >>> sp.fill_fitness_sample(store, rounds=1, interviews=2)
    >>> results = FitnessResults(store, team="Logistiikka", lang="en", dpi=30)
    >>> results.report.shown, "2 answered so far" in results.team_box.value
    (False, True)
    """

    lang = traitlets.Unicode("fi")

    def __init__(self, store: FitnessStore, *, person: str | None = None, team: str | None = None,
                 lang: str = "fi", min_respondents: int = MIN_RESPONDENTS, round: str | None = None,
                 dpi: float = 100):
        self.store, self.person, self.min_respondents, self.dpi = store, person, min_respondents, dpi
        self._team, self._round = team, round
        self.team: str | None = team
        self.report: FitnessReport | None = None
        self.own: dict | None = None
        self.title = w.HTML()
        self.refresh_button = w.Button(icon="refresh", layout=w.Layout(width="auto"))
        self.person_box = w.HTML()
        # Shown near their natural size (7.4 and 9 inches at 100 dpi): shrunk further, the ring and band labels
        # fall under 8 px and cannot be read.
        self.radar = w.Image(format="png", layout=w.Layout(max_width="46rem", height="auto"))
        self.team_box = w.HTML()
        self.trend = w.Image(format="png", layout=w.Layout(max_width="56rem", height="auto"))
        self.actions = w.HTML()
        self.shared = w.HTML()
        self.interviews = w.HTML()
        self.status = w.HTML()
        super().__init__([w.HBox([self.title, self.refresh_button]), self.status, self.person_box, self.radar,
                          self.team_box, self.trend, self.actions, self.shared, self.interviews], lang=lang)
        self.refresh_button.on_click(lambda _: self.refresh())
        self.observe(lambda _: self.refresh(), names="lang")
        self.refresh()

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        return _check_lang(proposal)

    def refresh(self) -> None:
        """Read the store again and redraw everything."""
        lang = self.lang
        self.title.value = f"<h3>{escape(label('fitness.title', lang))} · " \
                           f"{escape(label('fitness.widget.results', lang))}</h3>"
        self.refresh_button.description = label("fitness.widget.refresh", lang)
        try:
            self._read()
        except ServicepathError as exc:  # e.g. a team not in the database: say so, no traceback
            self.status.value = status_line(f"✗ {exc}")
            return
        self.status.value = ""
        self._show_person()
        self._show_team()
        self._show_actions()
        self._show_shared()
        self._show_interviews()

    def _read(self) -> None:
        self.team = self._team
        self.own = None
        if self.person is not None:
            people = self.store.people()
            known = people[people["person"] == self.person]
            if self.team is None and not known.empty:
                self.team = known["team"].iloc[0] or None
            if len(self.store.rounds()):
                round_ = self._round or self.store.latest_round()
                rows = person_results(self.store.answers(person=self.person, round=round_))
                self.own = rows.iloc[-1].to_dict() if len(rows) else {"round": round_}
        self.report = self.store.report(team=self.team, min_respondents=self.min_respondents, lang=self.lang)

    def _team_name(self) -> str:
        return self.team if self.team is not None else label("fitness.organisation", self.lang)

    def _image(self, image: w.Image, figure) -> None:
        image.value = b"" if figure is None else figure_bytes(figure, "png", dpi=self.dpi)
        _hide(image, figure is None)

    def _show_person(self) -> None:
        from ..figures.fitness import fitness_radar

        lang, own = self.lang, self.own
        if self.person is None or own is None:
            self.person_box.value = ""
            self._image(self.radar, None)
            return
        heading = label("fitness.widget.own_result", lang).format(person=self.person, round=own["round"])
        if "level" not in own:
            text = label("fitness.widget.no_answers", lang).format(person=self.person, round=own["round"])
            self.person_box.value = f"<h4>{escape(heading)}</h4><p>{escape(text)}</p>"
            self._image(self.radar, None)
            return
        self.person_box.value = f"<h4>{escape(heading)}</h4>" + _level_and_scores(own, lang)
        series = {self.person: _scores(own)}
        latest = self.report.latest if self.report is not None else None
        if latest is not None and latest["shown"] and latest["round"] == own["round"]:
            series[self._team_name()] = _scores(latest)  # the team beside the person, only when it may be shown
        scored = {name: s for name, s in series.items() if any(not math.isnan(v) for v in s.values())}
        self._image(self.radar, fitness_radar(scored, lang=lang) if scored else None)

    def _show_team(self) -> None:
        from ..figures.fitness import fitness_trend_chart

        lang, report = self.lang, self.report
        latest = report.latest
        team = self._team_name()
        if latest is None:
            heading = label("fitness.widget.team_heading", lang).format(team=team)
            hidden = label("fitness.hidden", lang).format(count=0, needed=self.min_respondents)
            self.team_box.value = f"<h4>{escape(heading)}</h4><p>{escape(hidden)}</p>"
        else:
            heading = label("fitness.widget.team_result", lang).format(team=team, round=latest["round"])
            target = label("fitness.target", lang).format(level=label(f"fitness.level.{latest['target']}", lang))
            if latest["shown"]:
                body = _level_and_scores(latest, lang) + f"<p>{escape(target)}. {escape(_gap_text(latest, lang))}</p>"
            else:
                hidden = label("fitness.hidden", lang).format(count=int(latest["respondents"]),
                                                              needed=self.min_respondents)
                body = f'<p style="color:{_MUTED}">{escape(hidden)}</p><p>{escape(target)}.</p>'
            self.team_box.value = f"<h4>{escape(heading)}</h4>{body}"
        results = report.results
        shown_rounds = results[results["shown"].astype(bool)] if len(results) else results
        if len(shown_rounds):
            title = label("fitness.widget.trend", lang).format(team=team)
            self._image(self.trend, fitness_trend_chart(results, lang=lang, title=title))
        else:
            self._image(self.trend, None)

    def _show_actions(self) -> None:
        lang, report = self.lang, self.report
        if report.shown:
            actions, key, area = report.actions, "fitness.widget.actions", report.latest["weakest"]
        elif self.own is not None and self.own.get("level") is not None:  # own answers in every area
            actions = development_actions(_scores(self.own), lang)
            key = "fitness.widget.own_actions"
            area = actions["area"].iloc[0] if len(actions) else None
        else:
            self.actions.value = ""
            return
        if actions.empty:
            self.actions.value = ""
            return
        areas = ", ".join(label(f"fitness.area.{a}", lang) for a in dict.fromkeys(actions["area"])) if area else ""
        parts = [f"<h4>{escape(label(key, lang).format(area=areas))}</h4>"]
        for way in DEVELOPMENT_WAYS:
            texts = actions.loc[actions["way"] == way, "text"].tolist()
            if texts:
                items = "".join(f"<li>{escape(t)}</li>" for t in texts)
                parts.append(f"<b>{escape(label(f'fitness.way.{way}', lang))}</b><ul style='margin-top:2px'>{items}"
                             "</ul>")
        self.actions.value = "".join(parts)

    def _show_shared(self) -> None:
        """The results of those who chose to show them, as far as the privacy rule lets the report show them."""
        lang, people, withheld = self.lang, self.report.people, self.report.withheld
        parts = []
        if not people.empty:
            areas = [label(f"fitness.area.{a}", lang) for a in FITNESS_AREAS]
            header = [label("fitness.widget.person", lang), *areas, label("fitness.widget.level_column", lang)]
            rows = [[row["person"], *(_score_text(row[a], lang) for a in FITNESS_AREAS),
                     _level_name(row["level"], lang)] for _, row in people.iterrows()]
            parts.append(html_table(header, rows, caption=label("fitness.widget.shared", lang)))
        if withheld:
            text = label("fitness.withheld", lang).format(count=withheld)
            parts.append(f'<p style="color:{_MUTED}">{escape(text)}</p>')
        self.shared.value = "".join(parts)

    def _show_interviews(self) -> None:
        lang, summary = self.lang, self.report.interviews
        heading = f"<h4>{escape(label('fitness.widget.interviews', lang))}</h4>"
        if summary.empty:
            self.interviews.value = f"{heading}<p>{escape(label('fitness.widget.no_interviews', lang))}</p>"
            return

        def shares(row, question: str) -> str:
            return " · ".join(f"{label(f'fitness.answer.{a}', lang)} {percent_text(row[f'{question}_{a}'], lang)}"
                              for a in INTERVIEW_ANSWERS)

        header = [label("fitness.widget.round", lang), label("fitness.widget.interview_count", lang),
                  label("fitness.question.got", lang), label("fitness.question.again", lang),
                  label("fitness.nps", lang)]
        rows = [[row["round"], int(row["interviews"]), shares(row, "got"), shares(row, "again"), _nps_text(row, lang)]
                for _, row in summary.iterrows()]
        self.interviews.value = heading + html_table(header, rows)


def fitness_team_table(results: pd.DataFrame, lang: str = "fi", *, min_respondents: int = MIN_RESPONDENTS) -> w.HTML:
    """Every team's result round by round as a table in ``lang``; a hidden row says so and shows no scores.

    Parameters
    ----------
    results : pandas.DataFrame
        From :func:`~servicepath.team_results`.
    min_respondents : int
        The privacy threshold the results were computed with (for the notice).

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> store = sp.FitnessStore(pathlib.Path(tempfile.mkdtemp()) / "servicepath.db")
    >>> sp.fill_fitness_sample(store, rounds=1, interviews=0)
    >>> html = fitness_team_table(sp.team_results(store.answers()), "fi").value
    >>> "Logistiikka" in html and "piilotettu: alle 3 vastaajaa" in html
    True
    """
    _check_lang({"value": lang})
    header = [label("fitness.widget.round", lang), label("fitness.widget.team", lang),
              label("fitness.report.respondents", lang), *(label(f"fitness.area.{a}", lang) for a in FITNESS_AREAS),
              label("fitness.report.level", lang), label("fitness.report.target", lang),
              label("fitness.report.gap", lang)]
    hidden = label("fitness.chart.hidden", lang).format(needed=min_respondents)
    rows = []
    for row in results.to_dict("records"):
        shown = bool(row["shown"])
        if not shown:
            level, gap = hidden, "–"
        else:
            level = _level_name(row["level"], lang)
            gap = (label("fitness.report.reached", lang) if row["gap"] <= 1e-9
                   else number_text(_one_decimal(row["gap"], up=True), lang))
        rows.append([row["round"], row["team"] or label("fitness.organisation", lang), int(row["respondents"]),
                     *(_score_text(row[a] if shown else None, lang) for a in FITNESS_AREAS), level,
                     label(f"fitness.level.{row['target']}", lang), gap])
    return w.HTML(html_table(header, rows))


def _scores(row) -> dict[str, float]:
    return {area: float(row[area]) for area in FITNESS_AREAS}


def _level_name(level, lang: str) -> str:
    if level is None or (isinstance(level, float) and math.isnan(level)):
        return label("fitness.level.none", lang)
    return label(f"fitness.level.{level}", lang)


def _level_and_scores(row, lang: str) -> str:
    """The level in big letters and the area scores as a small table (HTML, escaped)."""
    level = row["level"]
    if level is None or (isinstance(level, float) and math.isnan(level)):
        none = label("fitness.level.none", lang)
        level = none[:1].upper() + none[1:]
    else:
        level = label("fitness.widget.level", lang).format(level=label(f"fitness.level.{level}", lang))
    table = html_table([label("fitness.widget.area", lang), label("fitness.widget.score", lang)],
                       [[label(f"fitness.area.{a}", lang), _score_text(row[a], lang)] for a in FITNESS_AREAS])
    return f'<p style="font-size:120%"><b>{escape(level)}</b></p>{table}'


def _gap_text(row, lang: str) -> str:
    gap = row["gap"]
    if pd.isna(gap) or gap <= 0:
        return label("fitness.widget.reached", lang)
    # Scores are cut and the gap rounded up, as in the report files: 3.46 reads 3.4 beside "not yet GOOD", gap 0.1.
    return label("fitness.widget.gap", lang).format(gap=number_text(_one_decimal(gap, up=True), lang),
                                                    area=label(f"fitness.area.{row['weakest']}", lang))


def _nps_text(row, lang: str) -> str:
    if pd.isna(row["nps"]):
        return "–"
    score = number_text(row["nps"], lang, 0)
    sign = "+" if row["nps"] > 0 and not score.startswith("+") else ""
    counts = label("fitness.widget.nps_counts", lang).format(
        promoters=int(row["promoters"]), passives=int(row["passives"]), detractors=int(row["detractors"]))
    return f"{sign}{score} ({counts})"


class InterviewForm(w.VBox):
    """One customer interview: the three questions, each with its "Why?", and where the customer was asked.

    "Did you get what you came for?" and "Will you do business with us again?"
    are answered yes / partly / no, "Would you recommend us?" on 0…10 (for a
    real NPS). Save keeps the interview in the store and clears the form; an
    empty interview or a text that does not fit is refused in the status line,
    never with a traceback.

    Parameters
    ----------
    store : FitnessStore
    team : str, optional
        The team interviewed for (default: all teams together); the team menu changes it.
    round : str, optional
        Default: the latest round.
    lang : {"fi", "en"}

    Attributes
    ----------
    got, again : ToggleButtons
        ``"yes"``, ``"partly"``, ``"no"`` or None.
    recommend : ToggleButtons
        0…10 or None.
    got_why, again_why, recommend_why, touchpoint : Text
    team : Dropdown
    save_button : Button
    status : HTML
    saved : int
        Interviews saved with this form.

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> store = sp.FitnessStore(pathlib.Path(tempfile.mkdtemp()) / "servicepath.db")
    >>> store.new_round("2026-Q4", opened="2026-11-23")
    '2026-Q4'
    >>> form = InterviewForm(store, lang="en")
    >>> form.save_button.click()
    >>> form.saved, "answer at least one" in form.status.value
    (0, True)
    >>> form.recommend.value, form.recommend_why.value = 9, "Nopea toimitus"
    >>> form.save_button.click()
    >>> form.saved, store.interviews()["recommend"].tolist(), form.recommend.value
    (1, [9], None)
    """

    lang = traitlets.Unicode("fi")
    saved = traitlets.Int(0, help="Interviews saved with this form.")

    def __init__(self, store: FitnessStore, *, team: str | None = None, round: str | None = None,
                 lang: str = "fi"):
        self.store, self.round = store, round
        self._quiet = False
        self._callbacks: list[Callable[[], object]] = []
        self.title = w.HTML()
        self.team = w.Dropdown(layout=w.Layout(width="24rem"), style={"description_width": "7rem"})
        self.questions = {q: w.HTML() for q in ("got", "again", "recommend")}
        self.got = w.ToggleButtons(options=list(INTERVIEW_ANSWERS), value=None, style={"button_width": "6rem"})
        self.again = w.ToggleButtons(options=list(INTERVIEW_ANSWERS), value=None, style={"button_width": "6rem"})
        self.recommend = w.ToggleButtons(options=list(RECOMMEND_SCALE), value=None, style={"button_width": "2.6rem"})
        why = {"layout": w.Layout(width="30rem"), "style": {"description_width": "5rem"}}
        self.got_why, self.again_why, self.recommend_why = w.Text(**why), w.Text(**why), w.Text(**why)
        self.touchpoint = w.Text(layout=w.Layout(width="30rem"), style={"description_width": "7rem"})
        self.save_button = w.Button(icon="check", button_style="primary", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        blocks = [w.VBox([self.questions["got"], self.got, self.got_why]),
                  w.VBox([self.questions["again"], self.again, self.again_why]),
                  w.VBox([self.questions["recommend"], self.recommend, self.recommend_why])]
        super().__init__([self.title, self.team, *blocks, self.touchpoint,
                          w.HBox([self.save_button, self.status])], lang=lang)
        self._fill_teams(team)
        self.save_button.on_click(lambda _: self.save())
        self.observe(lambda _: self._relabel(), names="lang")
        self._relabel()

    @traitlets.validate("lang")
    def _valid_lang(self, proposal):
        return _check_lang(proposal)

    def _fill_teams(self, keep: str | None) -> None:
        teams = self.store.teams()["team"].tolist()
        if keep is not None and keep not in teams:
            teams.append(keep)  # a team named in the notebook but not in the database: saving says so
        self._quiet = True
        try:
            _set_choices(self.team, [(label("fitness.organisation", self.lang), None), *((t, t) for t in teams)])
            self.team.value = keep
        finally:
            self._quiet = False

    def interview(self) -> Interview:
        """The interview on the form (raises :class:`~servicepath.SchemaError` when it does not fit)."""
        return Interview(got=self.got.value, got_why=self.got_why.value, again=self.again.value,
                         again_why=self.again_why.value, recommend=self.recommend.value,
                         recommend_why=self.recommend_why.value, touchpoint=self.touchpoint.value)

    def save(self) -> bool:
        """Save the interview and clear the form; return whether it was kept (the reason in the status if not)."""
        lang = self.lang
        if self.got.value is None and self.again.value is None and self.recommend.value is None:
            self.status.value = status_line("✗ " + label("fitness.widget.interview_empty", lang))
            return False
        try:
            round_ = self.round or self.store.latest_round()
            self.store.save_interview(self.interview(), team=self.team.value, round=round_)
        except ServicepathError as exc:
            self.status.value = status_line("✗ " + label("fitness.widget.not_saved", lang).format(reason=exc))
            return False
        self.saved += 1
        self.clear()
        count = len(self.store.interviews(round=round_, team=self.team.value))
        team = self.team.value if self.team.value is not None else label("fitness.organisation", lang)
        self.status.value = status_line("✓ " + label("fitness.widget.interview_saved", lang).format(
            team=team, round=round_, count=count))
        for callback in self._callbacks:
            callback()
        return True

    def on_save(self, callback: Callable[[], object]) -> None:
        """Call ``callback()`` after every interview saved (e.g. ``results.refresh``)."""
        self._callbacks.append(callback)

    def clear(self) -> None:
        """Empty the answers and texts (the team stays) for the next customer."""
        for choice in (self.got, self.again, self.recommend):
            choice.value = None
        for text in (self.got_why, self.again_why, self.recommend_why, self.touchpoint):
            text.value = ""

    def _relabel(self) -> None:
        lang = self.lang
        self.title.value = f"<h3>{escape(label('fitness.widget.interview', lang))}</h3>"
        self.team.description = label("fitness.widget.team", lang)
        self._fill_teams(self.team.value)
        for question, html in self.questions.items():
            html.value = f"<b>{escape(label(f'fitness.question.{question}', lang))}</b>"
        answers = [(label(f"fitness.answer.{a}", lang), a) for a in INTERVIEW_ANSWERS]
        for choice in (self.got, self.again):
            _set_choices(choice, answers)
        for text in (self.got_why, self.again_why, self.recommend_why):
            text.description = label("fitness.why", lang)
            text.placeholder = label("fitness.widget.why_placeholder", lang)
        self.touchpoint.description = label("fitness.widget.touchpoint", lang)
        self.touchpoint.placeholder = label("fitness.widget.touchpoint_placeholder", lang)
        self.save_button.description = label("fitness.widget.save_interview", lang)
