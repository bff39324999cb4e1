"""The customer journey: a thin wrapper around a ``networkx.DiGraph``.

Nodes are touchpoints and edges are transitions. Their attributes are flat,
JSON-able values (see :meth:`Touchpoint.to_attrs`), so every networkx algorithm
and GraphML/GEXF writer works on :attr:`Journey.graph` as it is.
"""

from __future__ import annotations

import copy as _copy
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import networkx as nx
import pandas as pd

from ..errors import DuplicateIdError, UnknownIdError
from .text import Text
from .touchpoint import Answer, Rating, Stage, Touchpoint, Transition, check_id
from .vocab import LANES, PRINCIPLES

__all__ = ["Journey", "SCHEMA_VERSION", "TOUCHPOINT_COLUMNS", "TRANSITION_COLUMNS", "PAIN_POINT_COLUMNS"]

#: The version of the journey file format this servicepath writes.
SCHEMA_VERSION = 1

#: Columns of :attr:`Journey.touchpoints`, in order.
TOUCHPOINT_COLUMNS = (
    "id", "name_fi", "name_en", "stage", "stage_index", "lane", "channel", "owner",
    "emotion", *PRINCIPLES, "critical", "tags", "entry_share", "final",
    "pain_point_count", "description_fi", "description_en", "notes",
)
#: Columns of :attr:`Journey.transitions`, in order.
TRANSITION_COLUMNS = ("source", "target", "share", "volume", "duration")
#: Columns of :attr:`Journey.pain_points`, in order.
PAIN_POINT_COLUMNS = ("touchpoint", "id", "text_fi", "text_en", "severity", "frequency")


_TEXT_COLUMNS = ("name_fi", "name_en", "channel", "owner", "tags", "description_fi", "description_en", "notes")


def now() -> datetime:
    """The current time in UTC, to the second (the precision files keep)."""
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class _Meta:
    title: Text = field(default_factory=Text)
    persona: Text = field(default_factory=Text)
    languages: list[str] = field(default_factory=lambda: ["fi", "en"])
    stages: list[Stage] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    created: datetime = field(default_factory=now)
    modified: datetime = field(default_factory=now)
    ratings: list[Rating] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    improvements: list[dict] = field(default_factory=list)
    votes: list[dict] = field(default_factory=list)


class Journey:
    """A customer journey: touchpoints (nodes) and transitions (edges) plus metadata.

    Parameters
    ----------
    title, persona : Text or mapping, optional
        What the journey is and whose it is, in Finnish and/or English.
    stages : iterable of Stage, optional
        The stages in the order they appear on the map.
    languages : list of str
        The languages the workshop writes in, first the main one.
    goals : iterable of str
        Touchpoint ids whose reach measures success (e.g. payment confirmed).

    Examples
    --------
    >>> from servicepath import Journey, Stage, Text, Touchpoint
    >>> j = Journey(Text(en="Coffee to go"), stages=[Stage("order"), Stage("pay")])
    >>> j.add_touchpoint(Touchpoint("menu", Text(en="Read the menu"), "order", entry_share=1.0))
    >>> j.add_touchpoint(Touchpoint("card", Text(en="Pay by card"), "pay", final=True))
    >>> j.add_transition("menu", "card", share=0.9)
    >>> j.graph.number_of_nodes(), j.graph.edges["menu", "card"]["share"]
    (2, 0.9)
    """

    def __init__(
        self,
        title: Text | dict | None = None,
        *,
        persona: Text | dict | None = None,
        stages: Iterable[Stage] = (),
        languages: Iterable[str] = ("fi", "en"),
        goals: Iterable[str] = (),
        created: datetime | None = None,
        modified: datetime | None = None,
        graph: nx.DiGraph | None = None,
    ) -> None:
        self.graph: nx.DiGraph = graph if graph is not None else nx.DiGraph()
        self._meta = _Meta(title=Text.coerce(title), persona=Text.coerce(persona))
        self._meta.languages = list(languages)
        self._meta.goals = list(goals)
        if created:
            self._meta.created = created
        self._meta.modified = modified or self._meta.created
        for stage in stages:
            self.add_stage(stage)

    # -- metadata ------------------------------------------------------------------
    title = property(lambda self: self._meta.title, lambda self, v: setattr(self._meta, "title", Text.coerce(v)))
    persona = property(
        lambda self: self._meta.persona, lambda self, v: setattr(self._meta, "persona", Text.coerce(v))
    )
    languages = property(lambda self: self._meta.languages)
    stages = property(lambda self: self._meta.stages, doc="The stages, in map order.")
    goals = property(lambda self: self._meta.goals, doc="Touchpoint ids whose reach measures success.")
    created = property(lambda self: self._meta.created)
    modified = property(lambda self: self._meta.modified)
    ratings = property(lambda self: self._meta.ratings, doc="Every rater's A.R.V.O. ratings.")
    answers = property(lambda self: self._meta.answers, doc="Answers to check questions, per touchpoint.")
    improvements = property(lambda self: self._meta.improvements, doc="The improvement plan section.")
    votes = property(lambda self: self._meta.votes, doc="The dot-voting section.")

    def touch(self, when: datetime | None = None) -> None:
        """Mark the journey modified (saving does this)."""
        self._meta.modified = when or now()

    # -- stages --------------------------------------------------------------------
    def add_stage(self, stage: Stage, position: int | None = None) -> None:
        """Add a stage at the end, or at ``position`` in the map order."""
        if any(s.id == stage.id for s in self._meta.stages):
            raise DuplicateIdError(f"there is already a stage {stage.id!r}", where="stages")
        stages = self._meta.stages
        stages.insert(len(stages) if position is None else position, stage)

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id."""
        for s in self._meta.stages:
            if s.id == stage_id:
                return s
        raise UnknownIdError(f"no stage {stage_id!r} (stages: {', '.join(self.stage_ids) or 'none'})")

    @property
    def stage_ids(self) -> list[str]:
        return [s.id for s in self._meta.stages]

    # -- touchpoints ---------------------------------------------------------------
    def add_touchpoint(self, touchpoint: Touchpoint) -> None:
        """Add a touchpoint; its id must be new."""
        if touchpoint.id in self.graph:
            raise DuplicateIdError(f"there is already a touchpoint {touchpoint.id!r}", where="touchpoints")
        self.graph.add_node(touchpoint.id, **touchpoint.to_attrs())

    def touchpoint(self, touchpoint_id: str) -> Touchpoint:
        """The touchpoint with this id, built from its node attributes."""
        self._require(touchpoint_id)
        return Touchpoint.from_attrs(touchpoint_id, self.graph.nodes[touchpoint_id])

    def update_touchpoint(self, touchpoint_id: str, **changes) -> Touchpoint:
        """Change fields of a touchpoint (checked like a new one) and return it."""
        if "id" in changes:
            raise TypeError("update_touchpoint() cannot change an id; use rename_touchpoint()")
        changed = self.touchpoint(touchpoint_id).replace(**changes)
        attrs = self.graph.nodes[touchpoint_id]
        attrs.clear()
        attrs.update(changed.to_attrs())
        return changed

    def rename_touchpoint(self, old_id: str, new_id: str) -> None:
        """Give a touchpoint a new id, keeping its transitions, goal mark, ratings, answers and the
        improvements that name it."""
        self._require(old_id)
        check_id(new_id, "id")
        if new_id in self.graph:
            raise DuplicateIdError(f"there is already a touchpoint {new_id!r}", where="touchpoints")
        nx.relabel_nodes(self.graph, {old_id: new_id}, copy=False)
        self._meta.goals = [new_id if g == old_id else g for g in self._meta.goals]
        self._meta.ratings = [
            replace(r, touchpoint=new_id) if r.touchpoint == old_id else r for r in self._meta.ratings
        ]
        self._meta.answers = [
            replace(a, touchpoint=new_id) if a.touchpoint == old_id else a for a in self._meta.answers
        ]
        self._improvements_naming(old_id, lambda names: [new_id if n == old_id else n for n in names])

    def _improvements_naming(self, touchpoint_id: str, change) -> None:
        """Apply ``change`` to the touchpoint list of every planned improvement that names the touchpoint."""
        for improvement in self._meta.improvements:
            names = improvement.get("touchpoints")
            if isinstance(names, list) and touchpoint_id in names:
                improvement["touchpoints"] = change(names)

    def remove_touchpoint(self, touchpoint_id: str) -> None:
        """Remove a touchpoint with its transitions, its goal mark, its ratings and answers; improvements
        that named it no longer do (the improvements themselves stay in the plan)."""
        self._require(touchpoint_id)
        self.graph.remove_node(touchpoint_id)
        self._improvements_naming(touchpoint_id, lambda names: [n for n in names if n != touchpoint_id])
        self._meta.goals = [g for g in self._meta.goals if g != touchpoint_id]
        self._meta.ratings = [r for r in self._meta.ratings if r.touchpoint != touchpoint_id]
        self._meta.answers = [a for a in self._meta.answers if a.touchpoint != touchpoint_id]

    def __iter__(self) -> Iterator[Touchpoint]:
        for node, attrs in self.graph.nodes(data=True):
            yield Touchpoint.from_attrs(node, attrs)

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def __contains__(self, touchpoint_id) -> bool:
        return touchpoint_id in self.graph

    def _require(self, touchpoint_id: str) -> None:
        if touchpoint_id not in self.graph:
            known = ", ".join(list(self.graph)[:8])
            raise UnknownIdError(f"no touchpoint {touchpoint_id!r} in this journey (ids include: {known})")

    # -- transitions ---------------------------------------------------------------
    def add_transition(self, source: str, target: str, share: float, **extra) -> None:
        """Add (or replace) the transition ``source → target``.

        ``extra`` may hold ``volume`` and ``duration`` (a timedelta or text).
        """
        self._require(source)
        self._require(target)
        transition = Transition(source, target, share, **extra)
        if self.graph.has_edge(source, target):
            self.graph.edges[source, target].clear()  # replace: networkx would merge old values in
        self.graph.add_edge(source, target, **transition.to_attrs())

    def transition(self, source: str, target: str) -> Transition:
        if not self.graph.has_edge(source, target):
            raise UnknownIdError(f"no transition {source!r} → {target!r}")
        return Transition.from_attrs(source, target, self.graph.edges[source, target])

    def remove_transition(self, source: str, target: str) -> None:
        self.transition(source, target)
        self.graph.remove_edge(source, target)

    # -- tables --------------------------------------------------------------------
    @property
    def touchpoints(self) -> pd.DataFrame:
        """One row per touchpoint, sorted by stage order; columns :data:`TOUCHPOINT_COLUMNS`.

        Unscored A.R.V.O. principles and unset emotions are NaN; ``tags`` is
        comma-separated text.
        """
        order = {s: i for i, s in enumerate(self.stage_ids)}
        rows = []
        for node, attrs in self.graph.nodes(data=True):
            row = {c: attrs.get(c) for c in TOUCHPOINT_COLUMNS}
            row.update(
                id=node,
                stage_index=order.get(attrs.get("stage"), -1),
                critical=bool(attrs.get("critical", False)),
                final=bool(attrs.get("final", False)),
                entry_share=float(attrs.get("entry_share", 0.0)),
                tags=attrs.get("tags", ""),
                pain_point_count=_count_pains(attrs.get("pain_points")),
            )
            rows.append(row)
        table = pd.DataFrame(rows, columns=list(TOUCHPOINT_COLUMNS))
        for column in _TEXT_COLUMNS:
            table[column] = table[column].fillna("").astype(str)
        for column in ("emotion", *PRINCIPLES):
            table[column] = table[column].astype(float)
        lane_rank = table["lane"].map({lane: i for i, lane in enumerate(LANES)})
        table = table.assign(_lane=lane_rank).sort_values(["stage_index", "_lane"], kind="stable")
        return table.drop(columns="_lane").reset_index(drop=True)

    @property
    def transitions(self) -> pd.DataFrame:
        """One row per transition; columns :data:`TRANSITION_COLUMNS` (duration as Timedelta)."""
        rows = [Transition.from_attrs(s, t, a) for s, t, a in self.graph.edges(data=True)]
        table = pd.DataFrame(
            [(r.source, r.target, r.share, r.volume, r.duration) for r in rows],
            columns=list(TRANSITION_COLUMNS),
        )
        table["share"] = table["share"].astype(float)
        table["volume"] = table["volume"].astype(float)
        table["duration"] = pd.to_timedelta(table["duration"])
        return table

    @property
    def pain_points(self) -> pd.DataFrame:
        """Every pain point, one row each; columns :data:`PAIN_POINT_COLUMNS`."""
        rows = [
            (tp.id, p.id or "", p.text.fi or "", p.text.en or "", p.severity, p.frequency)
            for tp in self
            for p in tp.pain_points
        ]
        return pd.DataFrame(rows, columns=list(PAIN_POINT_COLUMNS))

    # -- whole journey ---------------------------------------------------------------
    def copy(self) -> Journey:
        """A deep copy; changing it never changes this journey."""
        twin = Journey.__new__(Journey)
        twin.graph = self.graph.copy()
        twin._meta = _copy.deepcopy(self._meta)
        return twin

    def __repr__(self) -> str:
        return (
            f"<Journey {self.title.get(self.languages[0] if self.languages else 'en')!r}: "
            f"{len(self)} touchpoints, {self.graph.number_of_edges()} transitions, "
            f"{len(self.stages)} stages>"
        )


def _count_pains(encoded: str | None) -> int:
    return len(json.loads(encoded)) if encoded else 0
