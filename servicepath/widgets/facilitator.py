"""The facilitator's view of a workshop session: the agenda timer, the groups' progress, side by side, merged.

The groups work in their own notebooks (see :mod:`servicepath.widgets.group_notebook`),
each saving to the session database. These widgets only read the session: the
timer walks the kit's agenda, :class:`GroupProgress` counts what each group has
done, :class:`GroupComparison` draws every group's map or A.R.V.O. heatmap side by
side with where the groups agree and disagree, and :class:`MergedResult` shows
(and exports) the one journey merged from all of them. Everything has a method
and state lives in traits, so tests drive the view with no browser; the timer's
clock is injectable, so tests move time on without sleeping.
"""

from __future__ import annotations

import math
import os
import re
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import ipywidgets as w
import pandas as pd
import traitlets

from ..analysis.improvements import Improvement, add_improvement, cast_votes, improvements
from ..analysis.merge import GroupMerge, merge_groups
from ..analysis.scoring import DISAGREEMENT_RANGE, effective_scores
from ..errors import ServicepathError
from ..export.bundle import export_bundle
from ..export.pictures import figure_bytes
from ..figures import arvo_heatmap, journey_map
from ..i18n import LANGUAGES, label, number_text, percent_text
from ..io.files import save
from ..io.kits import find_kit, kit_journey
from ..io.session import SESSION_FILE, Session
from ..model import Arvo, Journey, PainPoint, Text, Touchpoint
from ..model.timestamps import parse_timestamp
from ..model.vocab import PRINCIPLES
from ._common import Markup, escape, html_table
from .panels import status_line

__all__ = ["AgendaTimer", "GroupProgress", "GroupComparison", "MergedResult", "FacilitatorView", "demo_session",
           "PICTURES", "PROGRESS_COLUMNS"]

#: The pictures :class:`GroupComparison` draws of each group.
PICTURES = ("map", "heatmap")
#: Columns of :attr:`GroupProgress.table`.
PROGRESS_COLUMNS = ("group", "version", "saved_at", "touchpoints", "scored", "pain_points", "improvements", "votes")
_DISAGREE = "#FCE4D6"
_OVER = "#D55E00"
_MUTED = "#555"
#: How many rows of the agreement table are shown (every disagreement is, however many there are).
AGREEMENT_ROWS = 24


def _check_lang(proposal):
    if proposal["value"] not in LANGUAGES:
        raise traitlets.TraitError(f"unknown language {proposal['value']!r}; use one of {', '.join(LANGUAGES)}")
    return proposal["value"]


def _png(figure, dpi: float) -> bytes:
    return figure_bytes(figure, "png", dpi=dpi)


# -- the agenda timer ---------------------------------------------------------------------------------
class AgendaTimer(w.VBox):
    """The current agenda step of a kit, its minutes and the time left, with Start, Pause, Next and Previous.

    The time is read from ``clock`` (seconds, default :func:`time.monotonic`)
    whenever :meth:`update` runs. In a live notebook a hidden
    ``ipywidgets.Play`` in the browser calls it once a second while the timer
    runs, so no thread is left behind in the kernel; headless, nothing ticks
    and tests call :meth:`update` after moving their own clock on.

    Parameters
    ----------
    kit : Kit
        Its ``agenda`` steps give the titles, minutes, notebooks and what the groups do.
    lang : {"fi", "en"}
    clock : callable
        Returns the time in seconds.

    Attributes
    ----------
    step : int
        The current step's index in the agenda; setting it starts the step's time afresh.
    running : bool
    left : int
        Seconds left of the current step as of the last :meth:`update` (negative when over time).
    start_button, pause_button, next_button, previous_button : Button
    heading, face, what, agenda : HTML
        The step's title, the time left, what the groups do, and the whole agenda.

    Examples
    --------
    >>> from servicepath.io.kits import find_kit
    >>> now = [0.0]
    >>> timer = AgendaTimer(find_kit("payment-moment"), lang="en", clock=lambda: now[0])
    >>> timer.start()
    >>> now[0] += 65
    >>> timer.update()
    >>> timer.current.minutes, timer.left, timer.time_text
    (10, 535, '08:55')
    >>> timer.next(), timer.current.minutes, timer.time_text
    (True, 20, '20:00')
    """

    lang = traitlets.Unicode("fi")
    step = traitlets.Int(0)
    running = traitlets.Bool(False)
    left = traitlets.Int(0, help="Seconds left of the current step (negative when over time).")

    def __init__(self, kit, *, lang: str = "fi", clock: Callable[[], float] = time.monotonic):
        self.kit, self.clock = kit, clock
        self.steps = tuple(kit.agenda)
        self._spent = 0.0          # seconds of the step before the last start
        self._since: float | None = None  # clock reading at the last start, while running
        self._callbacks: list[Callable] = []
        self.heading = w.HTML()
        self.face = w.HTML()
        self.what = w.HTML()
        self.notebook = w.HTML()
        self.start_button = w.Button(icon="play", button_style="success", layout=w.Layout(width="auto"))
        self.pause_button = w.Button(icon="pause", layout=w.Layout(width="auto"))
        self.previous_button = w.Button(icon="step-backward", layout=w.Layout(width="auto"))
        self.next_button = w.Button(icon="step-forward", button_style="primary", layout=w.Layout(width="auto"))
        self.agenda = w.HTML()
        # The browser's Play widget ticks once a second while playing; hidden, it is only the timer's heartbeat.
        self.ticker = w.Play(interval=1000, min=0, max=10**9, repeat=True, layout=w.Layout(display="none"))
        buttons = w.HBox([self.start_button, self.pause_button, self.previous_button, self.next_button, self.ticker])
        super().__init__([self.heading, self.face, buttons, self.what, self.notebook, self.agenda], lang=lang)
        self.start_button.on_click(lambda _: self.start())
        self.pause_button.on_click(lambda _: self.pause())
        self.previous_button.on_click(lambda _: self.previous())
        self.next_button.on_click(lambda _: self.next())
        self.ticker.observe(lambda _: self.update(), names="value")
        self.observe(self._new_step, names="step")
        self.observe(lambda _: self._relabel(), names="lang")
        self._relabel()

    _valid_lang = traitlets.validate("lang")(lambda self, proposal: _check_lang(proposal))

    @traitlets.validate("step")
    def _valid_step(self, proposal):
        if not 0 <= proposal["value"] < max(len(self.steps), 1):
            raise traitlets.TraitError(f"step {proposal['value']} is not in the agenda (0…{len(self.steps) - 1})")
        return proposal["value"]

    # -- what is shown ------------------------------------------------------------------------------
    @property
    def current(self):
        """The current agenda step (``None`` for a kit without steps)."""
        return self.steps[self.step] if self.steps else None

    @property
    def elapsed(self) -> float:
        """Seconds spent in the current step, now."""
        return self._spent + (self.clock() - self._since if self._since is not None else 0.0)

    @property
    def time_text(self) -> str:
        """The time left as ``mm:ss`` (``+mm:ss`` over time), as of the last :meth:`update`."""
        return _clock_text(self.left)

    # -- actions ----------------------------------------------------------------------------------
    def start(self) -> None:
        """Start (or go on with) the current step's time."""
        if not self.running and self.steps:
            self._since = self.clock()
            self.running = True
            self.ticker.playing = True
        self.update()

    def pause(self) -> None:
        """Stop the time; :meth:`start` goes on from here."""
        if self.running:
            self._spent, self._since = self.elapsed, None
            self.running = False
            self.ticker.playing = False
        self.update()

    def next(self) -> bool:
        """Go to the next step (its time starts afresh, running if the timer runs); ``False`` at the last."""
        if self.step + 1 >= len(self.steps):
            return False
        self.step += 1
        return True

    def previous(self) -> bool:
        """Go back to the previous step (its time starts afresh); ``False`` at the first."""
        if self.step == 0:
            return False
        self.step -= 1
        return True

    def go(self, step_id: str) -> None:
        """Go to the step with this id (e.g. where the session says the workshop is)."""
        for i, step in enumerate(self.steps):
            if step.id == step_id:
                self.step = i
                return
        raise ServicepathError(f"the kit has no agenda step {step_id!r} (steps: {', '.join(s.id for s in self.steps)})")

    def on_step(self, callback: Callable) -> None:
        """Call ``callback(step)`` with the new :class:`AgendaStep` whenever the step changes."""
        self._callbacks.append(callback)

    def update(self) -> None:
        """Recompute the time left and redraw the clock face (the browser's ticker calls this every second)."""
        step = self.current
        if step is None:
            self.face.value = status_line(label("facilitator.timer.no_steps", self.lang))
            return
        self.left = math.ceil(step.minutes * 60 - self.elapsed - 1e-9)
        over = self.left < 0
        colour = _OVER if over else "#000"
        state = label("facilitator.timer.running" if self.running else "facilitator.timer.paused", self.lang)
        words = label("facilitator.timer.over" if over else "facilitator.timer.left", self.lang)
        self.face.value = (f'<div style="font-size:260%;font-weight:bold;color:{colour};line-height:1.2">'
                           f'{escape(self.time_text)}</div>'
                           f'<div style="color:{_MUTED}">{escape(words)} · {escape(state)}</div>')
        self.start_button.disabled, self.pause_button.disabled = self.running, not self.running

    # -- drawing ----------------------------------------------------------------------------------
    def _new_step(self, _=None) -> None:
        self._spent = 0.0
        self._since = self.clock() if self.running else None
        self._relabel()
        for callback in self._callbacks:
            callback(self.current)

    def _relabel(self) -> None:
        lang = self.lang
        for button, key in ((self.start_button, "start"), (self.pause_button, "pause"),
                            (self.previous_button, "previous"), (self.next_button, "next")):
            button.description = label(f"facilitator.timer.{key}", lang)
        self.previous_button.disabled = self.step == 0
        self.next_button.disabled = self.step + 1 >= len(self.steps)
        step = self.current
        if step is None:
            self.heading.value = self.what.value = self.notebook.value = self.agenda.value = ""
            self.update()
            return
        number = label("facilitator.timer.step", lang).format(number=self.step + 1, count=len(self.steps))
        minutes = label("facilitator.timer.minutes", lang).format(minutes=step.minutes)
        self.heading.value = (f'<div style="color:{_MUTED}">{escape(number)} · {escape(minutes)}</div>'
                              f'<h3 style="margin:0">{escape(step.title.get(lang))}</h3>')
        self.what.value = (f"<b>{escape(label('facilitator.timer.what', lang))}:</b> "
                           f"{escape(step.what.get(lang))}")
        self.notebook.value = f'<span style="color:{_MUTED}">{escape(_notebook_text(step, lang))}</span>'
        self.agenda.value = self._agenda_html()
        self.update()

    def _agenda_html(self) -> str:
        lang, start, rows, marks = self.lang, 0, [], []
        for i, step in enumerate(self.steps):
            rows.append([f"{start // 60}:{start % 60:02d}", step.title.get(lang),
                         label("facilitator.timer.minutes", lang).format(minutes=step.minutes)])
            marks.append("#E8F1FA" if i == self.step else "")
            start += step.minutes
        caption = label("facilitator.timer.agenda", lang).format(minutes=start)
        return html_table(["", "", ""], rows, marks=marks, caption=caption)


def _notebook_text(step, lang: str) -> str:
    if step.notebook:
        return label("facilitator.timer.notebook", lang).format(notebook=step.notebook)
    return label("facilitator.timer.no_notebook", lang)


def _clock_text(seconds: int) -> str:
    """``mm:ss``, with a ``+`` in front when over time.

    Examples
    --------
    >>> _clock_text(835), _clock_text(0), _clock_text(-75), _clock_text(5400)
    ('13:55', '00:00', '+01:15', '90:00')
    """
    sign = "+" if seconds < 0 else ""
    minutes, rest = divmod(abs(int(seconds)), 60)
    return f"{sign}{minutes:02d}:{rest:02d}"


# -- the groups' progress -------------------------------------------------------------------------------
class GroupProgress(w.VBox):
    """A table of what every group has done so far, read from the session.

    Per group: how many saves (the group's version), when it last saved,
    touchpoints, the share of touchpoints with all four principles scored,
    pain points, improvements and the dots given. :meth:`refresh` (or the
    button) reads the session again.

    Attributes
    ----------
    table : DataFrame
        :data:`PROGRESS_COLUMNS` as last read (``saved_at`` is a UTC datetime, None before the first save).
    view : HTML
    refresh_button : Button

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> from servicepath.io.session import Session
    >>> session = Session.create(tempfile.mkdtemp(), kit="payment-moment", groups=2, journey=sp.load_sample("webshop"))
    >>> progress = GroupProgress(session, lang="en")
    >>> progress.table[["group", "version", "touchpoints", "pain_points"]].to_dict("records")[0]
    {'group': 'group-1', 'version': 0, 'touchpoints': 20, 'pain_points': 17}
    """

    lang = traitlets.Unicode("fi")

    def __init__(self, session: Session, *, lang: str = "fi"):
        self.session = session
        self.table = pd.DataFrame(columns=list(PROGRESS_COLUMNS))
        self._read_at: datetime | None = None
        self.title = w.HTML()
        self.refresh_button = w.Button(icon="refresh", layout=w.Layout(width="auto"))
        self.view = w.HTML()
        self.note = w.HTML()
        self.status = w.HTML()
        super().__init__([w.HBox([self.title, self.refresh_button]), self.view, self.note, self.status], lang=lang)
        self.refresh_button.on_click(lambda _: self.refresh())
        self.observe(lambda _: self._draw(), names="lang")
        self.refresh()

    _valid_lang = traitlets.validate("lang")(lambda self, proposal: _check_lang(proposal))

    def refresh(self) -> None:
        """Read every group's journey and version from the session again."""
        try:
            self.table = progress_table(self.session)
        except ServicepathError as exc:
            self.status.value = status_line(f"✗ {exc}")
            return
        self._read_at = datetime.now()
        self.status.value = ""
        self._draw()

    def _draw(self) -> None:
        lang = self.lang
        self.title.value = f"<h3 style='margin:0'>{escape(label('facilitator.progress.title', lang))}</h3>"
        self.refresh_button.description = label("facilitator.refresh", lang)
        header = [label("facilitator.group", lang)] + [label(f"facilitator.progress.{c}", lang)
                                                       for c in PROGRESS_COLUMNS[1:]]
        rows = [[r.group, r.version, _local_time(r.saved_at, lang) if r.version else
                 label("facilitator.progress.not_saved", lang), r.touchpoints, percent_text(r.scored, lang),
                 r.pain_points, r.improvements, r.votes] for r in self.table.itertuples()]
        read = label("facilitator.read_at", lang).format(time=self._read_at.strftime("%H:%M:%S")) \
            if self._read_at else ""
        self.view.value = html_table(header, rows, caption=read)
        self.note.value = f'<span style="color:{_MUTED}">{escape(label("facilitator.progress.note", lang))}</span>'


def progress_table(session: Session) -> pd.DataFrame:
    """Per group of the session: :data:`PROGRESS_COLUMNS`, in group order."""
    versions = session.progress().set_index("group")
    rows = []
    for group, journey in session.journeys().items():
        scores = effective_scores(journey)[list(PRINCIPLES)]
        scored = float(scores.notna().all(axis=1).mean()) if len(scores) else 0.0
        version = int(versions.loc[group, "version"])
        rows.append((group, version, parse_timestamp(versions.loc[group, "saved_at"]), len(journey), scored,
                     int(journey.pain_points.shape[0]), len(journey.improvements),
                     sum(int(v.get("dots", 0) or 0) for v in journey.votes)))
    return pd.DataFrame(rows, columns=list(PROGRESS_COLUMNS))


def _local_time(when, lang: str) -> str:
    """A UTC time as the clock on the facilitator's wall shows it."""
    local = pd.Timestamp(when).to_pydatetime().astimezone()
    return local.strftime("%H.%M.%S" if lang == "fi" else "%H:%M:%S")


# -- the groups side by side --------------------------------------------------------------------------
class GroupComparison(w.VBox):
    """Every group's journey map (or A.R.V.O. heatmap) side by side, and where the groups agree and disagree.

    Parameters
    ----------
    session : Session
    lang : {"fi", "en"}
    picture : {"map", "heatmap"}
    dpi : float
        Resolution of the small pictures.

    Attributes
    ----------
    picture : str
        The picture drawn of each group; changing it redraws.
    images : dict of Image
        By group id, in group order.
    result : GroupMerge
        The merge of the groups as last read; ``result.agreement`` is the agreement table.
    agreement : HTML
        The agreement table: every disagreement (shaded) first.
    refresh_button : Button

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> from servicepath.io.session import Session
    >>> session = Session.create(tempfile.mkdtemp(), kit="arvo-scoring", groups=2, journey=sp.load_sample("webshop"))
    >>> comparison = GroupComparison(session, lang="en", picture="heatmap", dpi=30)
    >>> sorted(comparison.images), bytes(comparison.images["group-1"].value[:4])
    (['group-1', 'group-2'], b'\\x89PNG')
    """

    lang = traitlets.Unicode("fi")
    picture = traitlets.Unicode("map")

    def __init__(self, session: Session, *, lang: str = "fi", picture: str = "map", dpi: float = 50):
        self.session, self.dpi = session, dpi
        self.images: dict[str, w.Image] = {}
        self.captions: dict[str, w.HTML] = {}
        self.result: GroupMerge | None = None
        self._journeys: dict[str, Journey] = {}
        self._versions: dict[str, int] = {}
        self._cells: dict[str, w.VBox] = {}
        self._pictures: dict[tuple, bytes] = {}  # (group, version, picture, lang) → PNG
        self.title = w.HTML()
        self.picture_switch = w.ToggleButtons(style={"button_width": "12rem"})
        self.refresh_button = w.Button(icon="refresh", layout=w.Layout(width="auto"))
        self.grid = w.GridBox()
        self.agreement_title = w.HTML()
        self.agreement = w.HTML()
        self.status = w.HTML()
        super().__init__([w.HBox([self.picture_switch, self.refresh_button]), self.status, self.grid,
                          self.agreement_title, self.agreement], lang=lang, picture=picture)
        self._relabel()
        self.picture_switch.value = self.picture
        w.link((self.picture_switch, "value"), (self, "picture"))
        self.refresh_button.on_click(lambda _: self.refresh())
        self.observe(lambda _: self._draw(), names="picture")
        self.observe(lambda _: (self._relabel(), self._draw()), names="lang")
        self.refresh()

    _valid_lang = traitlets.validate("lang")(lambda self, proposal: _check_lang(proposal))

    @traitlets.validate("picture")
    def _valid_picture(self, proposal):
        if proposal["value"] not in PICTURES:
            raise traitlets.TraitError(f"unknown picture {proposal['value']!r}; use one of {', '.join(PICTURES)}")
        return proposal["value"]

    def refresh(self) -> None:
        """Read the groups' journeys from the session again and redraw."""
        try:
            self._versions = dict(self.session.progress()[["group", "version"]].itertuples(index=False))
            self._journeys = self.session.journeys()
            self.result = merge_groups(self._journeys)
        except ServicepathError as exc:
            self.status.value = status_line(f"✗ {exc}")
            return
        current = {(group, version) for group, version in self._versions.items()}
        self._pictures = {key: png for key, png in self._pictures.items() if key[:2] in current}
        self.status.value = ""
        self._draw()

    def _relabel(self) -> None:
        lang = self.lang
        options = [(label(f"facilitator.compare.{p}", lang), p) for p in PICTURES]
        if list(self.picture_switch.options) != options:
            chosen = self.picture
            self.picture_switch.options = options
            self.picture_switch.value = chosen
        self.refresh_button.description = label("facilitator.refresh", lang)
        self.agreement_title.value = f"<h3>{escape(label('facilitator.agreement.title', lang))}</h3>"

    def _draw(self) -> None:
        lang, failed = self.lang, []
        for group, journey in self._journeys.items():
            if group not in self.images:
                self.images[group] = w.Image(format="png", layout=w.Layout(width="100%", height="auto"))
                self.captions[group] = w.HTML(f"<b>{escape(group)}</b>")
                self._cells[group] = w.VBox([self.captions[group], self.images[group]],
                                            layout=w.Layout(border="1px solid #ddd", padding="4px"))
            key = (group, self._versions.get(group), self.picture, lang)
            try:
                if key not in self._pictures:  # a group that saved nothing since is not drawn again
                    self._pictures[key] = _png(_group_picture(journey, self.picture, lang), self.dpi)
                self.images[group].value = self._pictures[key]
            except ServicepathError as exc:  # e.g. a group that removed every touchpoint: say so in its cell
                self.images[group].value = b""
                failed.append(f"{group}: {exc}")
        width = "40rem" if self.picture == "map" else "18rem"  # a map is wide: two to a row on a laptop
        self.grid.layout = w.Layout(grid_template_columns=f"repeat(auto-fill, minmax({width}, 1fr))",
                                    grid_gap="8px", width="100%")
        self.grid.children = [self._cells[group] for group in self._journeys]
        self.status.value = status_line("✗ " + "; ".join(failed)) if failed else ""
        self.agreement.value = agreement_html(self.result, lang) if self.result else ""


def _group_picture(journey: Journey, picture: str, lang: str):
    if picture == "map":
        return journey_map(journey, lang=lang, pain_key=False, title=False)
    return arvo_heatmap(journey, lang=lang)


def agreement_html(result: GroupMerge, lang: str, *, rows: int = AGREEMENT_ROWS) -> str:
    """The agreement table as HTML: a note, every disagreement (shaded), then agreements up to ``rows`` rows."""
    table = result.agreement
    if table.empty:
        return status_line(label("facilitator.agreement.none", lang))
    disagree = int((~table["agree"]).sum())
    shown = table.head(max(rows, disagree))
    nodes = result.journey.graph.nodes
    body = [[Text(nodes[r.touchpoint].get("name_fi"), nodes[r.touchpoint].get("name_en")).get(lang) or r.touchpoint,
             label(f"principle.{r.principle}", lang), r.groups, number_text(r.median, lang),
             number_text(r.spread, lang, 0), label("facilitator.agree" if r.agree else "facilitator.disagree", lang),
             r.scores] for r in shown.itertuples()]
    header = [label(f"facilitator.column.{c}", lang)
              for c in ("touchpoint", "principle", "groups", "median", "spread", "agree", "scores")]
    note = label("facilitator.agreement.note", lang).format(disagree=disagree, total=len(table),
                                                           limit=DISAGREEMENT_RANGE)
    more = len(table) - len(shown)
    tail = f'<div style="color:{_MUTED}">{escape(label("facilitator.agreement.more", lang).format(count=more))}' \
           "</div>" if more else ""
    marks = ["" if r.agree else _DISAGREE for r in shown.itertuples()]
    return f"<p>{escape(note)}</p>" + html_table(header, body, marks=marks) + tail


# -- the merged result --------------------------------------------------------------------------------
class MergedResult(w.VBox):
    """The journey merged from every group: its map, the agreement, pooled pain points and improvements, export.

    Export writes the merged journey (``merged.journey.json``) and its whole
    export bundle (pictures, PDF report, workbook, tables …) into a folder
    inside the session folder, ``merged`` unless another name is given;
    exporting again replaces the files.

    Attributes
    ----------
    result : GroupMerge
        As last read (:func:`~servicepath.analysis.merge.merge_groups`).
    image : Image
        The merged journey's map.
    summary, agreement, pain_points, improvements, status : HTML
    folder : Text
        The export folder's name.
    export_button, refresh_button : Button

    Examples
    --------
    >>> import servicepath as sp, tempfile
    >>> from servicepath.io.session import Session
    >>> session = Session.create(tempfile.mkdtemp(), kit="arvo-scoring", groups=2, journey=sp.load_sample("webshop"))
    >>> merged = MergedResult(session, lang="en", dpi=30)
    >>> len(merged.result.journey), merged.result.improvements["dots"].tolist()[:2]  # no group has voted yet
    (20, [0, 0])
    """

    lang = traitlets.Unicode("fi")

    def __init__(self, session: Session, *, lang: str = "fi", dpi: float = 60, folder: str = "merged"):
        self.session, self.dpi = session, dpi
        self.result: GroupMerge | None = None
        self._callbacks: list[Callable] = []
        self.summary = w.HTML()
        self.refresh_button = w.Button(icon="refresh", layout=w.Layout(width="auto"))
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.agreement_title = w.HTML()
        self.agreement = w.HTML()
        self.pain_title = w.HTML()
        self.pain_points = w.HTML()
        self.improvement_title = w.HTML()
        self.improvements = w.HTML()
        self.folder = w.Text(value=folder, layout=w.Layout(width="16rem"), style={"description_width": "4rem"})
        self.export_button = w.Button(icon="download", button_style="primary", layout=w.Layout(width="auto"))
        self.status = w.HTML()
        super().__init__([w.HBox([self.summary, self.refresh_button]), self.image, self.agreement_title,
                          self.agreement, self.pain_title, self.pain_points, self.improvement_title,
                          self.improvements, w.HBox([self.folder, self.export_button]), self.status], lang=lang)
        self.refresh_button.on_click(lambda _: self.refresh())
        self.export_button.on_click(lambda _: self.export())
        self.observe(lambda _: self._draw(), names="lang")
        self.refresh()

    _valid_lang = traitlets.validate("lang")(lambda self, proposal: _check_lang(proposal))

    def refresh(self) -> bool:
        """Merge the groups' journeys as they are in the session now, and redraw."""
        try:
            self.result = merge_groups(self.session.journeys())
        except ServicepathError as exc:
            self.status.value = status_line(f"✗ {exc}")
            return False
        self._draw()
        return True

    def export(self, folder: str | None = None) -> list[Path]:
        """Merge again and write the merged journey and its export bundle; return the files written.

        ``folder`` (default: the folder field) is a plain name; the folder is made inside the session folder.
        A refusal or failure is said in :attr:`status` and nothing is returned.
        """
        lang = self.lang
        name = (self.folder.value if folder is None else folder).strip()
        if not re.fullmatch(r"[\w-]+( [\w-]+)*", name):
            self.status.value = status_line("✗ " + label("facilitator.merged.bad_folder", lang).format(name=name))
            return []
        if name in self.session.groups():  # that group's own exports and plans are there: never replace them
            self.status.value = status_line("✗ " + label("facilitator.merged.group_folder", lang).format(name=name))
            return []
        if not self.refresh():
            return []
        target = self.session.folder / name
        try:
            written = [save(self.result.journey, target / "merged.journey.json")]
            written += export_bundle(self.result.journey, target, lang=lang, force=True)
        except ServicepathError as exc:
            self.status.value = status_line("✗ " + label("facilitator.merged.failed", lang).format(reason=exc))
            return []
        self.status.value = status_line("✓ " + label("facilitator.merged.exported", lang).format(
            count=len(written), folder=target))
        for callback in self._callbacks:
            callback(written)
        return written

    def on_export(self, callback: Callable[[list[Path]], object]) -> None:
        """Call ``callback(paths)`` after every export."""
        self._callbacks.append(callback)

    def _draw(self) -> None:
        lang, result = self.lang, self.result
        self.refresh_button.description = label("facilitator.refresh", lang)
        self.folder.description = label("facilitator.merged.folder", lang)
        self.export_button.description = label("facilitator.merged.export", lang)
        for widget, key in ((self.agreement_title, "agreement.title"), (self.pain_title, "merged.pain_points"),
                            (self.improvement_title, "merged.improvements")):
            widget.value = f"<h3>{escape(label('facilitator.' + key, lang))}</h3>"
        if result is None:
            return
        by_name = int((result.matches["matched_by"] == "name").sum())
        groups = result.matches["group"].nunique()
        self.summary.value = "<h3 style='margin:0'>{}</h3><div>{}</div>".format(
            escape(label("facilitator.tab.merged", lang)), escape(label("facilitator.merged.summary", lang).format(
                groups=groups, touchpoints=len(result.journey), by_name=by_name)))
        try:
            self.image.value = _png(journey_map(result.journey, lang=lang, pain_key=False), self.dpi)
        except ServicepathError as exc:
            self.image.value = b""
            self.status.value = status_line(f"✗ {exc}")
        self.agreement.value = agreement_html(result, lang)
        self.pain_points.value = _pain_html(result, lang)
        self.improvements.value = _improvement_html(result, lang)


def _pain_html(result: GroupMerge, lang: str) -> str:
    table = result.pain_points
    if table.empty:
        return status_line(label("facilitator.merged.no_pain_points", lang))
    table = table.sort_values(["groups", "severity"], ascending=False, kind="stable")
    nodes = result.journey.graph.nodes
    rows = [[Text(nodes[r.touchpoint].get("name_fi"), nodes[r.touchpoint].get("name_en")).get(lang),
             Text(r.text_fi or None, r.text_en or None).get(lang), r.severity, r.frequency,
             Markup(f"<b>{r.groups}</b> · {escape(r.group_ids)}")] for r in table.itertuples()]
    header = [label(f"facilitator.column.{c}", lang)
              for c in ("touchpoint", "pain_point", "severity", "frequency", "named_by")]
    return html_table(header, rows)


def _improvement_html(result: GroupMerge, lang: str) -> str:
    table = result.improvements
    if table.empty:
        return status_line(label("facilitator.merged.no_improvements", lang))
    rows = [[Text(r.title_fi or None, r.title_en or None).get(lang), Markup(f"<b>{r.dots}</b>"), r.voters,
             Markup(f"<b>{r.groups}</b> · {escape(r.group_ids)}")] for r in table.itertuples()]
    header = [label(f"facilitator.column.{c}", lang) for c in ("improvement", "dots", "voters", "named_by")]
    return html_table(header, rows)


# -- all together -------------------------------------------------------------------------------------
class FacilitatorView(w.VBox):
    """The timer, the progress, maps and heatmaps side by side and the merged result, in tabs, with one FI/EN switch.

    The agenda step is kept in the session (``agenda_step``), so a facilitator
    who reopens the notebook finds the workshop where it was.

    Attributes
    ----------
    timer : AgendaTimer
    progress : GroupProgress
    maps, heatmaps : GroupComparison
    merged : MergedResult
    tabs : Tab
    language : ToggleButtons
    title : HTML

    Examples
    --------
    >>> import tempfile
    >>> from servicepath.io.kits import find_kit
    >>> session = demo_session(tempfile.mkdtemp(), groups=1, kit_id="payment-moment")
    >>> view = FacilitatorView(session, find_kit("payment-moment"), lang="en", dpi=25)
    >>> view.lang = "fi"
    >>> view.merged.lang, view.tabs.titles[0]
    ('fi', 'Ohjelma ja ajastin')
    """

    lang = traitlets.Unicode("fi")

    def __init__(self, session: Session, kit, *, lang: str = "fi", dpi: float = 50,
                 clock: Callable[[], float] = time.monotonic):
        self.session, self.kit = session, kit
        self.language = w.ToggleButtons(options=[(code.upper(), code) for code in LANGUAGES], value=lang,
                                        style={"button_width": "3.5rem"})
        self.title = w.HTML()
        self.timer = AgendaTimer(kit, lang=lang, clock=clock)
        self.progress = GroupProgress(session, lang=lang)
        self.maps = GroupComparison(session, lang=lang, picture="map", dpi=dpi)
        self.heatmaps = GroupComparison(session, lang=lang, picture="heatmap", dpi=dpi)
        self.merged = MergedResult(session, lang=lang, dpi=dpi)
        self.tabs = w.Tab([self.timer, self.progress, self.maps, self.heatmaps, self.merged])
        super().__init__([w.HBox([self.title, self.language]), self.tabs], lang=lang)
        w.link((self.language, "value"), (self, "lang"))
        for part in (self.timer, self.progress, self.maps, self.heatmaps, self.merged):
            w.link((self, "lang"), (part, "lang"))
        step = session.meta().get("agenda_step")
        if step and any(s.id == step for s in self.timer.steps):
            self.timer.go(step)
        self.timer.on_step(lambda step: step is not None and session.set_meta("agenda_step", step.id))
        self.observe(lambda _: self._relabel(), names="lang")
        self._relabel()

    _valid_lang = traitlets.validate("lang")(lambda self, proposal: _check_lang(proposal))

    def refresh(self) -> None:
        """Read the session again in every part."""
        self.progress.refresh()
        self.maps.refresh()
        self.heatmaps.refresh()
        self.merged.refresh()

    def _relabel(self) -> None:
        lang = self.lang
        self.tabs.titles = [label(f"facilitator.tab.{key}", lang)
                            for key in ("timer", "progress", "maps", "heatmaps", "merged")]
        groups = label("facilitator.groups", lang).format(count=len(self.session.groups()))
        self.title.value = "<h2 style='margin:0 1rem 0 0'>{}</h2>".format(escape(label(
            "facilitator.view.title", lang).format(kit=self.kit.title.get(lang), folder=self.session.folder.name,
                                                   groups=groups)))


# -- a demonstration session --------------------------------------------------------------------------
def demo_session(folder: str | os.PathLike, *, groups: int = 3, kit_id: str = "arvo-scoring") -> Session:
    """A workshop session whose groups have each made different changes: for trying the facilitator's view.

    Every group starts from the kit's journey and then, as a workshop group
    would, saves a few changes of its own: different A.R.V.O. scores and
    emotions (so groups disagree somewhere), a pain point or two (two groups
    write the same one), an improvement that other groups also name, with
    dots, and — in two groups — a new touchpoint under different ids but the
    same name, so the merge matches it by name. Always the same changes, so the
    session is deterministic (but for the times of the saves). A folder that
    holds a session already is opened as it is (a demonstration carries on).

    Examples
    --------
    >>> import tempfile
    >>> session = demo_session(tempfile.mkdtemp())
    >>> session.groups(), [session.version(g) for g in session.groups()]
    (['group-1', 'group-2', 'group-3'], [4, 4, 5])
    """
    folder = Path(folder)
    if (folder / SESSION_FILE).exists():
        return Session(folder)
    kit = find_kit(kit_id)
    session = Session.create(folder, kit=kit.id, groups=groups, journey=kit_journey(kit), title=kit.title.get("fi"),
                             settings={"demo": True})
    for n, group in enumerate(session.groups()):
        for change in _demo_changes(n):
            journey, version = session.load(group)
            change(journey)
            session.save(group, journey, version=version)
    return session


_NEXT_STEP = Text(fi="Asiakas ei tiedä, mitä seuraavaksi tapahtuu", en="The customer does not know what happens next")
_WAITING = Text(fi="Vastausta joutuu odottamaan päiviä", en="An answer takes days to come")
_TELL_NEXT = Text(fi="Kerro joka vaiheessa seuraava askel", en="Tell the next step at every stage")
_ANSWER_FAST = Text(fi="Vastaus samana päivänä", en="An answer the same day")
_REMINDER = Text(fi="Muistutusviesti", en="Reminder message")


def _demo_changes(n: int) -> list[Callable[[Journey], None]]:
    """The changes group number ``n`` (from 0) saves, one save each."""
    kind = n % 3
    changes = [lambda j: _demo_scores(j, kind, n // 3), lambda j: _demo_pain(j, kind)]
    changes.append(lambda j: _demo_plan(j, kind))
    if kind in (1, 2):
        changes.append(lambda j: _demo_reminder(j, kind))
    if kind != 1:
        changes.append(lambda j: _demo_emotion(j, kind))
    return changes


def _customer_touchpoints(journey: Journey) -> list[str]:
    table = journey.touchpoints
    ids = table.loc[table["lane"] == "customer", "id"].tolist()
    return ids or table["id"].tolist()


#: How each kind of demonstration group moves the scores of every first, second and third touchpoint.
_SHIFTS = ((-1, 0, 0), (0, 0, 1), (2, 1, 0))


def _demo_scores(journey: Journey, kind: int, extra: int) -> None:
    """Move the scores of the first customer touchpoints (the third kind leaves O as it was)."""
    for i, tp in enumerate(_customer_touchpoints(journey)[:6]):
        arvo = journey.touchpoint(tp).arvo
        base = {p: 2 if getattr(arvo, p) is None else getattr(arvo, p) for p in PRINCIPLES}
        shift = _SHIFTS[kind][i % 3] + extra
        scores = {p: min(4, max(0, base[p] + shift)) for p in PRINCIPLES if kind != 2 or p != "O"}
        journey.update_touchpoint(tp, arvo=Arvo(**{**arvo.scored(), **scores}))


def _demo_emotion(journey: Journey, kind: int) -> None:
    table = journey.touchpoints
    tagged = table.loc[table["tags"].str.contains("payment"), "id"].tolist()
    tp = (tagged or _customer_touchpoints(journey))[0]
    journey.update_touchpoint(tp, emotion=(-3, 0, 1)[kind])


def _demo_pain(journey: Journey, kind: int) -> None:
    tps = _customer_touchpoints(journey)
    tp = tps[min(1, len(tps) - 1)]
    text = _WAITING if kind == 2 else _NEXT_STEP
    pains = journey.touchpoint(tp).pain_points
    journey.update_touchpoint(tp, pain_points=(*pains, PainPoint(text, severity=4 - kind, frequency=3 + kind % 2,
                                                                 id="demo-waiting" if kind == 2 else "demo-next-step")))


def _demo_plan(journey: Journey, kind: int) -> None:
    tps = _customer_touchpoints(journey)
    title = _ANSWER_FAST if kind == 1 else _TELL_NEXT
    idea = Improvement(f"demo-{kind}", title, (tps[min(1, len(tps) - 1)],), principles=("V",), impact=4, effort=2,
                       owner="Maija", metric="contacts asking what happens next")
    add_improvement(journey, idea)
    options = [i.id for i in improvements(journey)]
    for k, person in enumerate(("Aino", "Eero", "Noora")[: 2 + kind % 2]):
        cast_votes(journey, person, {idea.id: 1 + (k + kind) % 2}, options=options, budget=3)


def _demo_reminder(journey: Journey, kind: int) -> None:
    tps = _customer_touchpoints(journey)
    stage = journey.graph.nodes[tps[min(1, len(tps) - 1)]]["stage"]
    name = _REMINDER if kind == 1 else Text(fi=(_REMINDER.fi or "").lower())  # same name, other case and id
    journey.add_touchpoint(Touchpoint("reminder" if kind == 1 else "sms-reminder", name, stage, lane="frontstage",
                                      channel="SMS", emotion=kind))
