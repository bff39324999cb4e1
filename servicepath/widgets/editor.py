"""The journey editor: title, persona, goals, stages, touchpoints and transitions, in four tabs.

Every button hands its change to :meth:`Workbench.change`, so each edit is
checked, saved at once and can be undone; a refused edit leaves the journey as
it was and says why in the status line. Validation problems of the touchpoint
(or transition) being edited are listed next to its form.
"""

from __future__ import annotations

import html
import math
import numbers
from contextlib import contextmanager

import ipywidgets as w

from ..i18n import label
from ..model import LANES, Problem, Stage, Text, Touchpoint
from ..model.touchpoint import EMOTION_RANGE
from ..model.vocab import normalise_lane
from .panels import status_line
from .workbench import Workbench

__all__ = ["JourneyEditor"]

_FIELD_STYLE = {"description_width": "11rem"}
_ERROR, _WARNING, _FINE = "#D55E00", "#8A6500", "#007A5A"


class JourneyEditor(w.VBox):
    """Edit a journey in a workshop: its title, persona and goals, stages, touchpoints and transitions.

    Four tabs (:attr:`sections`): *journey*, *stages*, *touchpoints* and
    *transitions*. Every control is an attribute and every button calls a
    method of the same name, so a test or a notebook can do what a participant
    does: set ``.value`` and ``.click()``. Labels follow ``bench.lang``.

    Parameters
    ----------
    bench : Workbench
        The journey, its file, the language and the undo history.
    section : int
        The tab shown first: 0 journey, 1 stages, 2 touchpoints (the default), 3 transitions.

    Attributes
    ----------
    title_fi, title_en, persona_fi, persona_en, goals
        Journey details; a change is applied when the field loses focus.
    stage_list, stage_name_fi, stage_name_en, rename_stage_button, stage_up_button, stage_down_button
        The stages in map order, and renaming or moving the picked one.
    new_stage_id, new_stage_name_fi, new_stage_name_en, add_stage_button
        A new stage, added as the last column.
    touchpoint_picker
        The touchpoint being edited, or :attr:`NEW` for a new one.
    touchpoint_id, touchpoint_name_fi, touchpoint_name_en, touchpoint_stage, lane, channel, owner, emotion,
    no_emotion, critical, tags, entry_share, final
        The touchpoint form (``name_fi`` and ``name_en`` are short names for the two name fields).
    add_touchpoint_button, save_touchpoint_button, remove_touchpoint_button
        Add the form as a new touchpoint, save it over the picked one, remove the picked one.
    touchpoint_problems
        Validation problems of the picked touchpoint, next to the form.
    transition_list, transition_source, transition_target, transition_share
        The transitions, and the one being edited (share 0…1).
    add_transition_button, remove_transition_button, transition_problems, transition_info
        Add or update, remove, and what is wrong or left over at the source.
    status
        What the last action did or why it was refused.

    Examples
    --------
    >>> import servicepath as sp
    >>> from servicepath.widgets import Workbench
    >>> bench = Workbench(sp.load_sample("webshop"), lang="en")
    >>> editor = JourneyEditor(bench)
    >>> editor.touchpoint_id.value = "queue"
    >>> editor.touchpoint_name_fi.value, editor.touchpoint_name_en.value = "Kassajono", "Checkout queue"
    >>> editor.touchpoint_stage.value, editor.lane.value, editor.emotion.value = "buy", "customer", -2
    >>> editor.add_touchpoint_button.click()
    >>> bench.journey.touchpoint("queue").emotion, bench.status
    (-2, '✓ new touchpoint queue')
    >>> editor.transition_source.value, editor.transition_target.value = "cart", "queue"
    >>> editor.transition_share.value = 0.3
    >>> editor.add_transition_button.click()
    >>> "outgoing shares sum to 1.12" in editor.transition_problems.value
    True
    """

    #: The picker's value for "a new touchpoint" (no id can be empty).
    NEW = ""

    def __init__(self, bench: Workbench, *, section: int = 2):
        self.bench = bench
        self._quiet = 0
        self._loaded: dict = {}  # the form as the picked touchpoint filled it: Save sends only what differs

        # (1) journey details and goals
        self.title_fi, self.title_en = _text(on_leave=True), _text(on_leave=True)
        self.persona_fi, self.persona_en = _area(), _area()
        self.goals = w.SelectMultiple(rows=8, style=_FIELD_STYLE, layout=w.Layout(width="34rem"))
        self.goals_hint = w.HTML()
        self.journey_problems = w.HTML()
        journey_tab = w.VBox([self.title_fi, self.title_en, self.persona_fi, self.persona_en, self.goals,
                              self.goals_hint, self.journey_problems])

        # (2) stages
        self.stage_list = w.Select(rows=8, style=_FIELD_STYLE, layout=w.Layout(width="34rem"))
        self.stage_name_fi, self.stage_name_en = _text(), _text()
        self.rename_stage_button = _button("pencil")
        self.stage_up_button = _button("arrow-up")
        self.stage_down_button = _button("arrow-down")
        self.new_stage_heading = w.HTML()
        self.new_stage_id, self.new_stage_name_fi, self.new_stage_name_en = _text(), _text(), _text()
        self.add_stage_button = _button("plus")
        self.stages_hint = w.HTML()
        self.stage_problems = w.HTML()
        stages_tab = w.VBox([
            self.stages_hint, self.stage_list, self.stage_name_fi, self.stage_name_en,
            w.HBox([self.rename_stage_button, self.stage_up_button, self.stage_down_button]),
            self.new_stage_heading, self.new_stage_id, self.new_stage_name_fi, self.new_stage_name_en,
            w.HBox([self.add_stage_button]), self.stage_problems,
        ])

        # (3) touchpoints
        self.touchpoint_picker = w.Dropdown(style=_FIELD_STYLE, layout=w.Layout(width="34rem"))
        self.touchpoint_id = _text()
        self.touchpoint_name_fi, self.touchpoint_name_en = _text(), _text()
        self.touchpoint_stage = w.Dropdown(style=_FIELD_STYLE, layout=w.Layout(width="30rem"))
        self.lane = w.Dropdown(style=_FIELD_STYLE, layout=w.Layout(width="30rem"))
        self.channel, self.owner = _text(), _text()
        self.emotion = w.IntSlider(min=EMOTION_RANGE[0], max=EMOTION_RANGE[1], value=0, style=_FIELD_STYLE,
                                   layout=w.Layout(width="30rem"))
        self.no_emotion = w.Checkbox(value=True, indent=False, layout=w.Layout(width="auto"))
        self.critical = _checkbox()
        self.tags = _text()
        self.entry_share = w.FloatSlider(min=0, max=1, step=0.01, readout_format=".2f", style=_FIELD_STYLE,
                                         layout=w.Layout(width="30rem"))
        self.final = _checkbox()
        self.add_touchpoint_button = _button("plus")
        self.save_touchpoint_button = _button("check")
        self.remove_touchpoint_button = _button("trash")
        self.touchpoint_problems = w.HTML(layout=w.Layout(width="26rem", margin="0 0 0 1rem"))
        form = w.VBox([
            self.touchpoint_id, self.touchpoint_name_fi, self.touchpoint_name_en, self.touchpoint_stage, self.lane,
            self.channel, self.owner, w.HBox([self.emotion, self.no_emotion]), self.critical, self.tags,
            self.entry_share, self.final,
            w.HBox([self.add_touchpoint_button, self.save_touchpoint_button, self.remove_touchpoint_button]),
        ])
        touchpoints_tab = w.VBox([self.touchpoint_picker, w.HBox([form, self.touchpoint_problems])])

        # (4) transitions
        self.transition_list = w.Select(rows=8, style=_FIELD_STYLE, layout=w.Layout(width="34rem"))
        self.transition_source = w.Dropdown(style=_FIELD_STYLE, layout=w.Layout(width="30rem"))
        self.transition_target = w.Dropdown(style=_FIELD_STYLE, layout=w.Layout(width="30rem"))
        self.transition_share = w.FloatSlider(min=0, max=1, step=0.01, value=0.5, readout_format=".2f",
                                              style=_FIELD_STYLE, layout=w.Layout(width="30rem"))
        self.add_transition_button = _button("plus")
        self.remove_transition_button = _button("trash")
        self.transition_info = w.HTML()
        self.transition_problems = w.HTML(layout=w.Layout(width="26rem", margin="0 0 0 1rem"))
        transition_form = w.VBox([
            self.transition_list, self.transition_source, self.transition_target, self.transition_share,
            w.HBox([self.add_transition_button, self.remove_transition_button]), self.transition_info,
        ])
        transitions_tab = w.HBox([transition_form, self.transition_problems])

        self.sections = w.Tab(children=[journey_tab, stages_tab, touchpoints_tab, transitions_tab],
                              selected_index=section)
        self.status = w.HTML()
        super().__init__([self.sections, self.status])

        for field in (self.title_fi, self.title_en, self.persona_fi, self.persona_en):
            field.observe(self._when_active(self.apply_details), names="value")
        self.goals.observe(self._when_active(self.apply_goals), names="value")
        self.stage_list.observe(self._when_active(self._load_stage), names="value")
        self.rename_stage_button.on_click(lambda _: self.rename_stage())
        self.stage_up_button.on_click(lambda _: self.move_stage_up())
        self.stage_down_button.on_click(lambda _: self.move_stage_down())
        self.add_stage_button.on_click(lambda _: self.add_stage())
        self.touchpoint_picker.observe(self._when_active(self._pick_touchpoint), names="value")
        self.emotion.observe(self._when_active(lambda: setattr(self.no_emotion, "value", False)), names="value")
        self.add_touchpoint_button.on_click(lambda _: self.add_touchpoint())
        self.save_touchpoint_button.on_click(lambda _: self.save_touchpoint())
        self.remove_touchpoint_button.on_click(lambda _: self.remove_touchpoint())
        self.transition_list.observe(self._when_active(self._pick_transition), names="value")
        for end in (self.transition_source, self.transition_target):
            end.observe(self._when_active(self._show_transition), names="value")
        self.add_transition_button.on_click(lambda _: self.add_transition())
        self.remove_transition_button.on_click(lambda _: self.remove_transition())
        bench.observe(self._on_bench, names=["version", "lang"])
        bench.observe(lambda _: self._show_status(), names="status")

        self._relabel()
        self.refresh()
        self._show_status()

    # -- short names ----------------------------------------------------------------------------------
    name_fi = property(lambda self: self.touchpoint_name_fi, doc="The touchpoint's Finnish name field.")
    name_en = property(lambda self: self.touchpoint_name_en, doc="The touchpoint's English name field.")

    # -- (1) journey details and goals ----------------------------------------------------------------
    def apply_details(self) -> bool:
        """Save the title and persona fields to the journey (called when one of them changes).

        Returns
        -------
        bool
            Whether the journey changed.
        """
        title = Text(self.title_fi.value, self.title_en.value)
        persona = Text(self.persona_fi.value, self.persona_en.value)
        journey = self.bench.journey
        if title == journey.title and persona == journey.persona:
            return False

        def action(j):
            j.title, j.persona = title, persona

        return self.bench.change(self._t("did.details"), action)

    def apply_goals(self) -> bool:
        """Make the touchpoints chosen in :attr:`goals` the journey's goals (called when the choice changes)."""
        chosen = list(self.goals.value)
        current = self.bench.journey.goals
        if set(chosen) == set(current):
            return False
        goals = [g for g in current if g in chosen] + [g for g in chosen if g not in current]
        return self.bench.change(self._t("did.goals"), lambda j: j.goals.__setitem__(slice(None), goals))

    # -- (2) stages -----------------------------------------------------------------------------------
    def add_stage(self) -> bool:
        """Add the *new stage* fields as the last stage, and pick it."""
        stage_id = self.new_stage_id.value.strip()
        name = Text(self.new_stage_name_fi.value, self.new_stage_name_en.value)
        done = self.bench.change(self._t("did.add_stage", id=stage_id), lambda j: j.add_stage(Stage(stage_id, name)))
        if done:
            with self._hold():
                for field in (self.new_stage_id, self.new_stage_name_fi, self.new_stage_name_en):
                    field.value = ""
            self.stage_list.value = stage_id
        return done

    def rename_stage(self) -> bool:
        """Give the picked stage the names in :attr:`stage_name_fi` and :attr:`stage_name_en` (its id stays)."""
        stage_id = self.stage_list.value
        if stage_id is None:
            return self._refuse("need.stage_picked")
        name = Text(self.stage_name_fi.value, self.stage_name_en.value)

        def action(j):
            stages = j.stages
            stages[j.stage_ids.index(stage_id)] = Stage(stage_id, name)

        return self.bench.change(self._t("did.rename_stage", id=stage_id), action)

    def move_stage(self, offset: int) -> bool:
        """Move the picked stage ``offset`` places (−1 one column earlier, +1 one later)."""
        stage_id = self.stage_list.value
        if stage_id is None:
            return self._refuse("need.stage_picked")
        ids = self.bench.journey.stage_ids
        old = ids.index(stage_id)
        new = min(max(old + offset, 0), len(ids) - 1)
        if new == old:
            return False

        def action(j):
            j.stages.insert(new, j.stages.pop(old))

        return self.bench.change(self._t("did.move_stage"), action)

    def move_stage_up(self) -> bool:
        """Move the picked stage one column earlier."""
        return self.move_stage(-1)

    def move_stage_down(self) -> bool:
        """Move the picked stage one column later."""
        return self.move_stage(+1)

    def _load_stage(self) -> None:
        stage_id = self.stage_list.value
        stage = next((s for s in self.bench.journey.stages if s.id == stage_id), None)
        with self._hold():
            self.stage_name_fi.value = (stage.name.fi or "") if stage else ""
            self.stage_name_en.value = (stage.name.en or "") if stage else ""
        ids = self.bench.journey.stage_ids
        self.stage_up_button.disabled = stage is None or ids.index(stage_id) == 0
        self.stage_down_button.disabled = stage is None or ids.index(stage_id) == len(ids) - 1
        self.rename_stage_button.disabled = stage is None

    # -- (3) touchpoints ------------------------------------------------------------------------------
    def add_touchpoint(self) -> bool:
        """Add the form as a new touchpoint (its id must be new) and pick it."""
        form = self._form()
        if form["stage"] is None:
            return self._refuse("need.stage")
        done = self.bench.change(self._t("did.add_touchpoint", id=form["id"]),
                                 lambda j: j.add_touchpoint(Touchpoint(**form)))
        if done:
            self.touchpoint_picker.value = form["id"]
        return done

    def save_touchpoint(self) -> bool:
        """Save what was changed in the form to the picked touchpoint (a new id renames it)."""
        old_id = self.touchpoint_picker.value
        if old_id == self.NEW or old_id is None:
            return self._refuse("need.touchpoint")
        changes = self._edits()
        if not changes:
            return self._refuse("nothing_changed")
        new_id = changes.pop("id", old_id)

        def action(j):
            if new_id != old_id:
                j.rename_touchpoint(old_id, new_id)
            if changes:
                j.update_touchpoint(new_id, **changes)

        done = self.bench.change(self._t("did.save_touchpoint", id=new_id), action)
        if done:
            self.touchpoint_picker.value = new_id
        return done

    def remove_touchpoint(self) -> bool:
        """Remove the picked touchpoint with its transitions (the form keeps its values, so Add brings it back)."""
        tp_id = self.touchpoint_picker.value
        if tp_id == self.NEW or tp_id is None:
            return self._refuse("need.touchpoint")
        return self.bench.change(self._t("did.remove_touchpoint", id=tp_id), lambda j: j.remove_touchpoint(tp_id))

    def _pick_touchpoint(self) -> None:
        if self.touchpoint_picker.value == self.NEW:
            with self._hold():  # a clean form, but in the same stage and lane: the next one is often near
                for field in (self.touchpoint_id, self.touchpoint_name_fi, self.touchpoint_name_en, self.channel,
                              self.owner, self.tags):
                    field.value = ""
                self.emotion.value, self.no_emotion.value = 0, True
                self.critical.value = self.final.value = False
                self.entry_share.value = 0.0
            self._loaded = {}
        else:
            self._load_touchpoint(keep_edits=False)
        self._show_problems()

    def _load_touchpoint(self, *, keep_edits: bool) -> None:
        """Fill the form from the picked touchpoint; with ``keep_edits``, fields edited since stay as typed."""
        tp_id = self.touchpoint_picker.value
        if tp_id == self.NEW or tp_id not in self.bench.journey:
            return
        edits = self._edits() if keep_edits and self._loaded else {}
        self._fill(self._values_of(tp_id))
        self._loaded = self._form()
        self._fill(edits)

    def _form(self) -> dict:
        """The form as :class:`Touchpoint` fields."""
        return {
            "id": self.touchpoint_id.value.strip(),
            "name": Text(self.touchpoint_name_fi.value, self.touchpoint_name_en.value),
            "stage": self.touchpoint_stage.value,
            "lane": self.lane.value,
            "channel": self.channel.value.strip(),
            "owner": self.owner.value.strip(),
            "emotion": None if self.no_emotion.value else self.emotion.value,
            "critical": self.critical.value,
            "tags": _split_tags(self.tags.value),
            "entry_share": round(self.entry_share.value, 4),
            "final": self.final.value,
        }

    def _edits(self) -> dict:
        return {key: value for key, value in self._form().items() if value != self._loaded.get(key)}

    def _values_of(self, tp_id: str) -> dict:
        """The touchpoint's node attributes as form values, read leniently (a bad value never raises here)."""
        attrs = self.bench.journey.graph.nodes[tp_id]
        emotion = attrs.get("emotion")
        share = attrs.get("entry_share")
        return {
            "id": tp_id,
            "name": Text(_str(attrs.get("name_fi")), _str(attrs.get("name_en"))),
            "stage": attrs.get("stage"),
            "lane": normalise_lane(attrs.get("lane", "customer")),
            "channel": _str(attrs.get("channel")),
            "owner": _str(attrs.get("owner")),
            "emotion": round(emotion) if _number(emotion) else None,
            "critical": attrs.get("critical") is True,
            "tags": _split_tags(_str(attrs.get("tags"))),
            "entry_share": float(share) if _number(share) else 0.0,
            "final": attrs.get("final") is True,
        }

    def _fill(self, values: dict) -> None:
        with self._hold():
            for key, value in values.items():
                if key == "name":
                    self.touchpoint_name_fi.value, self.touchpoint_name_en.value = value.fi or "", value.en or ""
                elif key == "emotion":
                    self.no_emotion.value = value is None
                    if value is not None:
                        self.emotion.value = min(max(value, EMOTION_RANGE[0]), EMOTION_RANGE[1])
                elif key == "tags":
                    self.tags.value = ", ".join(value)
                elif key in ("stage", "lane"):
                    widget = self.touchpoint_stage if key == "stage" else self.lane
                    widget.value = value if value in _values(widget) else None
                else:
                    {"id": self.touchpoint_id, "channel": self.channel, "owner": self.owner,
                     "critical": self.critical, "entry_share": self.entry_share, "final": self.final}[key].value = value

    # -- (4) transitions ------------------------------------------------------------------------------
    def add_transition(self) -> bool:
        """Add the transition *from → to* with :attr:`transition_share`, or give an existing one that share.

        An existing transition keeps its volume and duration. Shares leaving one
        touchpoint that sum over 1 are kept but shown as a problem next to the form.
        """
        source, target = self.transition_source.value, self.transition_target.value
        if source is None or target is None:
            return self._refuse("need.transition")
        share = round(self.transition_share.value, 4)

        def action(j):
            kept = {}
            if j.graph.has_edge(source, target):
                kept = {k: v for k, v in j.graph.edges[source, target].items() if k in ("volume", "duration")}
            j.add_transition(source, target, share, **kept)

        what = self._t("did.add_transition", source=source, target=target, share=f"{share:g}")
        return self.bench.change(what, action)

    def remove_transition(self) -> bool:
        """Remove the transition *from → to*."""
        source, target = self.transition_source.value, self.transition_target.value
        if source is None or target is None:
            return self._refuse("need.transition")
        return self.bench.change(self._t("did.remove_transition", source=source, target=target),
                                 lambda j: j.remove_transition(source, target))

    def _pick_transition(self) -> None:
        picked = self.transition_list.value
        if picked is not None:
            with self._hold():
                self.transition_source.value, self.transition_target.value = picked
        self._show_transition()

    def _show_transition(self) -> None:
        """Show the share of the chosen transition (if it exists), what leaves its source, and the problems."""
        journey, lang = self.bench.journey, self.bench.lang
        source, target = self.transition_source.value, self.transition_target.value
        graph = journey.graph
        with self._hold():
            if source is not None and target is not None and graph.has_edge(source, target):
                share = graph.edges[source, target].get("share")
                if _number(share):
                    self.transition_share.value = share
                self.transition_list.value = (source, target)
            else:
                self.transition_list.value = None
        self.remove_transition_button.disabled = not (source is not None and graph.has_edge(source, target))
        if source is None or source not in graph:
            self.transition_info.value = ""
        else:
            shares = [a.get("share") for _, _, a in graph.out_edges(source, data=True)]
            total = sum(s for s in shares if _number(s))
            self.transition_info.value = html.escape(self._t(
                "outgoing", name=_name(graph.nodes[source], source, lang), total=f"{total:.0%}",
                count=len(shares), left=f"{max(0.0, 1 - total):.0%}",
            ))
        self._show_problems()

    # -- refreshing -----------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the journey as it is now: choices, the picked items' values and their problems."""
        journey, lang = self.bench.journey, self.bench.lang
        with self._hold():
            self.title_fi.value, self.title_en.value = journey.title.fi or "", journey.title.en or ""
            self.persona_fi.value, self.persona_en.value = journey.persona.fi or "", journey.persona.en or ""
            touchpoints = _touchpoint_options(journey, lang)
            _set_options(self.goals, touchpoints, tuple(g for g in journey.goals if g in journey))
            stages = [(f"{s.label(lang)} · {s.id}", s.id) for s in journey.stages]
            _set_options(self.stage_list, stages, self.stage_list.value)
            _set_options(self.touchpoint_stage, [(s.label(lang), s.id) for s in journey.stages],
                         self.touchpoint_stage.value, fallback=next(iter(journey.stage_ids), None))
            _set_options(self.lane, [(label(f"lane.{lane}", lang), lane) for lane in LANES], self.lane.value or
                         "customer")
            _set_options(self.touchpoint_picker, [(self._t("new_touchpoint"), self.NEW), *touchpoints],
                         self.touchpoint_picker.value, fallback=self.NEW)
            for end in (self.transition_source, self.transition_target):
                _set_options(end, touchpoints, end.value)
            names = dict((tp, name) for name, tp in touchpoints)
            transitions = [(f"{names.get(s, s)} → {names.get(t, t)} · {_share(a.get('share'))}", (s, t))
                           for s, t, a in journey.graph.edges(data=True)]
            _set_options(self.transition_list, transitions, self.transition_list.value)
        self._load_stage()
        self._load_touchpoint(keep_edits=True)
        self._show_transition()  # also shows every problem panel

    def _show_problems(self, problems: list[Problem] | None = None) -> None:
        problems = self.bench.problems() if problems is None else problems
        lang = self.bench.lang
        journey_wide = [p for p in problems if not p.where.startswith(("touchpoints[", "transitions[", "stages"))]
        self.journey_problems.value = _problems_html(journey_wide, lang)
        self.stage_problems.value = _problems_html([p for p in problems if p.where.startswith("stages")], lang)
        tp_id = self.touchpoint_picker.value
        self.touchpoint_problems.value = "" if tp_id in (self.NEW, None) else _problems_html(
            [p for p in problems if _mentions(p, tp_id)], lang)
        source = self.transition_source.value
        self.transition_problems.value = "" if source is None else _problems_html(
            [p for p in problems if _mentions(p, source)], lang)
        picked = tp_id not in (self.NEW, None)
        self.save_touchpoint_button.disabled = self.remove_touchpoint_button.disabled = not picked

    def _relabel(self) -> None:
        t = self._t
        self.sections.titles = tuple(t(f"tab.{name}") for name in ("journey", "stages", "touchpoints", "transitions"))
        descriptions = {
            self.title_fi: "title_fi", self.title_en: "title_en", self.persona_fi: "persona_fi",
            self.persona_en: "persona_en", self.goals: "goals", self.stage_list: "stage_list",
            self.stage_name_fi: "name_fi", self.stage_name_en: "name_en", self.new_stage_id: "stage_id",
            self.new_stage_name_fi: "name_fi", self.new_stage_name_en: "name_en",
            self.rename_stage_button: "rename_stage", self.stage_up_button: "move_up",
            self.stage_down_button: "move_down", self.add_stage_button: "add_stage",
            self.touchpoint_picker: "touchpoint", self.touchpoint_id: "id", self.touchpoint_name_fi: "name_fi",
            self.touchpoint_name_en: "name_en", self.touchpoint_stage: "stage", self.lane: "lane",
            self.channel: "channel", self.owner: "owner", self.emotion: "emotion", self.no_emotion: "no_emotion",
            self.critical: "critical", self.tags: "tags", self.entry_share: "entry_share", self.final: "final",
            self.add_touchpoint_button: "add", self.save_touchpoint_button: "save_changes",
            self.remove_touchpoint_button: "remove", self.transition_list: "transition_list",
            self.transition_source: "source", self.transition_target: "target", self.transition_share: "share",
            self.add_transition_button: "add_update", self.remove_transition_button: "remove",
        }
        for widget, key in descriptions.items():
            widget.description = t(key)
            if isinstance(widget, w.Button):
                widget.tooltip = t(key)
        self.goals_hint.value = f"<small>{html.escape(t('goals_hint'))}</small>"
        self.stages_hint.value = f"<small>{html.escape(t('stages_hint'))}</small>"
        self.new_stage_heading.value = f"<b>{html.escape(t('new_stage'))}</b>"

    def _on_bench(self, change) -> None:
        if change["name"] == "lang":
            self._relabel()
        self.refresh()

    def _show_status(self) -> None:
        self.status.value = status_line(self.bench.status)

    # -- helpers --------------------------------------------------------------------------------------
    def _t(self, key: str, **values) -> str:
        text = label(f"widget.editor.{key}", self.bench.lang)
        return text.format(**values) if values else text

    def _refuse(self, key: str) -> bool:
        self.bench.status = f"✗ {self._t(key)}"
        return False

    @contextmanager
    def _hold(self):
        """Set values without their observers reacting (they would take a refresh for a participant's edit)."""
        self._quiet += 1
        try:
            yield
        finally:
            self._quiet -= 1

    def _when_active(self, handler):
        def observer(_change):
            if not self._quiet:
                handler()
        return observer


# -- module helpers -----------------------------------------------------------------------------------
def _text(*, on_leave: bool = False) -> w.Text:
    """A text field; ``on_leave`` ones report their value when the participant leaves the field (or presses Enter)."""
    return w.Text(continuous_update=not on_leave, style=_FIELD_STYLE, layout=w.Layout(width="30rem"))


def _checkbox() -> w.Checkbox:
    return w.Checkbox(style=_FIELD_STYLE, layout=w.Layout(width="30rem"))


def _button(icon: str) -> w.Button:
    return w.Button(icon=icon, layout=w.Layout(width="auto", min_width="9rem"))


def _area() -> w.Textarea:
    return w.Textarea(continuous_update=False, rows=3, style=_FIELD_STYLE, layout=w.Layout(width="34rem"))


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def _share(value) -> str:
    return f"{value:.2f}" if _number(value) else "?"


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(tag.strip() for tag in text.split(",") if tag.strip())


def _name(attrs: dict, tp_id: str, lang: str) -> str:
    return Text(_str(attrs.get("name_fi")), _str(attrs.get("name_en"))).get(lang) or tp_id


def _touchpoint_options(journey, lang: str) -> list[tuple[str, str]]:
    """``(name · id, id)`` for every touchpoint, in map order (stage, then lane), read leniently."""
    stage_rank = {s: i for i, s in enumerate(journey.stage_ids)}
    lane_rank = {lane: i for i, lane in enumerate(LANES)}
    nodes = list(journey.graph.nodes(data=True))
    nodes.sort(key=lambda item: (stage_rank.get(item[1].get("stage"), len(stage_rank)),
                                 lane_rank.get(normalise_lane(item[1].get("lane", "customer")), len(LANES))))
    return [(f"{_name(attrs, tp_id, lang)} · {tp_id}", tp_id) for tp_id, attrs in nodes]


def _values(widget) -> list:
    return [value for _, value in widget.options]


def _set_options(widget, options: list, value, *, fallback=None) -> None:
    """Give a selection widget new options, keeping its value where it is still one of them."""
    if list(widget.options) != list(options):
        widget.options = options
    allowed = [v for _, v in options]
    if isinstance(widget, w.SelectMultiple):
        widget.value = tuple(v for v in value if v in allowed)
    else:
        widget.value = value if value in allowed else fallback


def _mentions(problem: Problem, tp_id: str) -> bool:
    """Whether a problem's place names this touchpoint (``touchpoints['pay']``, ``transitions['pay'→'x']``)."""
    return repr(tp_id) in problem.where


def _problems_html(problems: list[Problem], lang: str) -> str:
    if not problems:
        return f'<span style="color:{_FINE}">✓ {html.escape(label("widget.editor.no_problems_here", lang))}</span>'
    items = "".join(
        f'<li style="color:{_ERROR if p.level == "error" else _WARNING}">'
        f"<b>{html.escape(label('level.' + p.level, lang))}</b>: {html.escape(p.message)} "
        f"<small>({html.escape(p.where)})</small></li>"
        for p in problems
    )
    return f"<b>{html.escape(label('widget.editor.problems', lang))}</b><ul style='margin:0.2em 0'>{items}</ul>"
