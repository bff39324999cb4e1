"""The data of a journey: touchpoints, their scores and pain points, transitions, stages.

Every dataclass checks its own values when it is made, so a bad value is caught
where it enters (with the field named), not later in an analysis.
"""

from __future__ import annotations

import json
import math
import numbers
from dataclasses import dataclass, field, replace
from datetime import timedelta

from ..errors import SchemaError
from .durations import format_duration, parse_duration
from .text import Text
from .vocab import LANES, PRINCIPLES, normalise_lane, normalise_tag

__all__ = [
    "EMOTION_RANGE",
    "SCORE_RANGE",
    "SEVERITY_RANGE",
    "FREQUENCY_RANGE",
    "Arvo",
    "PainPoint",
    "Touchpoint",
    "Transition",
    "Stage",
    "Rating",
    "Answer",
]

EMOTION_RANGE = (-3, 3)
SCORE_RANGE = (0, 4)
SEVERITY_RANGE = (1, 5)
FREQUENCY_RANGE = (1, 5)
MAX_ID_LENGTH = 100


def _is_number(value) -> bool:
    return isinstance(value, numbers.Real) and not isinstance(value, bool) and math.isfinite(value)


def check_number(value, low, high, where: str, *, optional: bool = True, whole: bool = False):
    """Return ``value`` as a plain int or float if it is a finite number in ``low..high``.

    NumPy numbers (as a DataFrame gives them) are accepted and turned into
    Python numbers, so they can be written to JSON. Raises SchemaError otherwise.
    """
    if value is None and optional:
        return None
    if not _is_number(value):
        raise SchemaError(f"{value!r} is not a number (expected {low}..{high})", where=where)
    plain = int(value) if float(value).is_integer() else float(value)
    if whole and not isinstance(plain, int):
        raise SchemaError(f"{value!r} is not a whole number (expected {low}..{high})", where=where)
    if not low <= plain <= high:
        raise SchemaError(f"{plain!r} is out of range {low}..{high}", where=where)
    return plain


def _set_number(obj, name: str, *args, **kwargs) -> None:
    object.__setattr__(obj, name, check_number(getattr(obj, name), *args, **kwargs))


def check_id(value, where: str) -> str:
    """Return ``value`` if it can be an id: short text with no line breaks or outer spaces."""
    if not isinstance(value, str) or not value.strip():
        raise SchemaError(f"{value!r} is not an id (expected non-empty text)", where=where)
    if value != value.strip() or len(value) > MAX_ID_LENGTH or not value.isprintable() or "," in value:
        raise SchemaError(
            f"{value[:40]!r} is not an id (expected at most {MAX_ID_LENGTH} printable "
            "characters, no commas, no spaces at the ends)",
            where=where,
        )
    return value


@dataclass(frozen=True)
class Arvo:
    """A.R.V.O. scores of one touchpoint, each 0…4 or ``None`` when unscored.

    Examples
    --------
    >>> Arvo(A=3, V=1).scored()
    {'A': 3, 'V': 1}
    """

    A: float | None = None
    R: float | None = None
    V: float | None = None
    O: float | None = None  # noqa: E741 - the principle's own letter

    def __post_init__(self) -> None:
        for principle in PRINCIPLES:
            _set_number(self, principle, *SCORE_RANGE, f"arvo.{principle}")

    def scored(self) -> dict[str, float]:
        """The principles that have a score, in A, R, V, O order."""
        return {p: getattr(self, p) for p in PRINCIPLES if getattr(self, p) is not None}


@dataclass(frozen=True)
class PainPoint:
    """Something that hurts the customer at a touchpoint.

    ``severity`` (how much it hurts) and ``frequency`` (how often it happens,
    1 = rarely … 5 = nearly always) are both 1…5.
    """

    text: Text
    severity: int = 3
    frequency: int = 3
    id: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", Text.coerce(self.text))
        if not self.text:
            raise SchemaError("a pain point needs a text in Finnish or English", where="text")
        _set_number(self, "severity", *SEVERITY_RANGE, "severity", optional=False, whole=True)
        _set_number(self, "frequency", *FREQUENCY_RANGE, "frequency", optional=False, whole=True)
        if self.id is not None:
            check_id(self.id, "id")

    def as_dict(self) -> dict:
        out = {"id": self.id} if self.id else {}
        out.update(text=self.text.as_dict(), severity=self.severity, frequency=self.frequency)
        return out

    @classmethod
    def from_dict(cls, data: dict) -> PainPoint:
        return cls(
            text=Text.coerce(data.get("text")),
            severity=data.get("severity", 3),
            frequency=data.get("frequency", 3),
            id=data.get("id"),
        )


@dataclass(frozen=True)
class Touchpoint:
    """One place where the customer meets the service: a node of the journey.

    Examples
    --------
    >>> pay = Touchpoint("pay", Text(fi="Maksaminen", en="Payment"), stage="buy",
    ...                  emotion=-2, arvo=Arvo(A=2, R=1), tags=("payment",), critical=True)
    >>> pay.name.get("fi"), pay.lane
    ('Maksaminen', 'customer')
    """

    id: str
    name: Text
    stage: str
    lane: str = "customer"
    channel: str = ""
    owner: str = ""
    description: Text = field(default_factory=Text)
    emotion: float | None = None
    arvo: Arvo = field(default_factory=Arvo)
    pain_points: tuple[PainPoint, ...] = ()
    critical: bool = False
    tags: tuple[str, ...] = ()
    entry_share: float = 0.0
    final: bool = False
    notes: str = ""

    def __post_init__(self) -> None:
        check_id(self.id, "id")
        try:
            self._check_fields()
        except SchemaError as exc:
            raise SchemaError(exc.what, where=f"{self.id}.{exc.field}", field=exc.field) from None

    def _check_fields(self) -> None:
        set_ = object.__setattr__
        set_(self, "name", Text.coerce(self.name))
        set_(self, "description", Text.coerce(self.description))
        if not self.name:
            raise SchemaError("a touchpoint needs a name in Finnish or English", where="name")
        check_id(self.stage, "stage")
        set_(self, "lane", normalise_lane(self.lane))
        if self.lane not in LANES:
            raise SchemaError(f"{self.lane!r} is not a lane (expected one of {', '.join(LANES)})", where="lane")
        _set_number(self, "emotion", *EMOTION_RANGE, "emotion")
        _set_number(self, "entry_share", 0, 1, "entry_share", optional=False)
        if isinstance(self.arvo, dict):
            unknown = set(self.arvo) - set(PRINCIPLES)
            if unknown:
                raise SchemaError(f"unknown principle {', '.join(map(repr, unknown))} (expected A, R, V, O)",
                                  where="arvo")
            set_(self, "arvo", Arvo(**self.arvo))
        pains = []
        for j, pain in enumerate(self.pain_points):
            try:
                pains.append(pain if isinstance(pain, PainPoint) else PainPoint.from_dict(pain))
            except SchemaError as exc:
                raise SchemaError(exc.what, where=f"pain_points[{j}].{exc.field}") from None
        set_(self, "pain_points", tuple(pains))
        if isinstance(self.tags, str):
            set_(self, "tags", tuple(t for t in self.tags.split(",") if t.strip()))
        for j, tag in enumerate(self.tags):
            if not isinstance(tag, str) or not tag.strip() or "," in tag:
                raise SchemaError(f"{tag!r} is not a tag (expected text without commas)", where=f"tags[{j}]")
        set_(self, "tags", tuple(dict.fromkeys(normalise_tag(t) for t in self.tags)))
        for name in ("channel", "owner", "notes"):
            if not isinstance(getattr(self, name), str):
                raise SchemaError(f"{getattr(self, name)!r} is not text", where=name)
            set_(self, name, getattr(self, name).strip())
        for name in ("critical", "final"):
            if not isinstance(getattr(self, name), bool):
                raise SchemaError(f"{getattr(self, name)!r} is not true/false", where=name)

    def replace(self, **changes) -> Touchpoint:
        """A copy with some fields changed (checked like a new touchpoint)."""
        return replace(self, **changes)

    # -- the flat node attributes the graph holds ---------------------------------
    def to_attrs(self) -> dict:
        """Flat, JSON-able node attributes (scalars only, so GraphML/GEXF can write them)."""
        attrs: dict = {}
        for prefix, text in (("name", self.name), ("description", self.description)):
            for lang, value in text.as_dict().items():
                attrs[f"{prefix}_{lang}"] = value
        attrs.update(stage=self.stage, lane=self.lane, channel=self.channel, owner=self.owner)
        if self.emotion is not None:
            attrs["emotion"] = self.emotion
        attrs.update(self.arvo.scored())
        attrs.update(
            critical=self.critical,
            tags=",".join(self.tags),
            entry_share=self.entry_share,
            final=self.final,
            notes=self.notes,
        )
        if self.pain_points:
            attrs["pain_points"] = json.dumps(
                [p.as_dict() for p in self.pain_points], ensure_ascii=False, separators=(",", ":")
            )
        return attrs

    @classmethod
    def from_attrs(cls, touchpoint_id: str, attrs: dict) -> Touchpoint:
        """Build a touchpoint back from its node attributes."""
        pains = attrs.get("pain_points")
        return cls(
            id=touchpoint_id,
            name=Text(attrs.get("name_fi"), attrs.get("name_en")),
            stage=attrs.get("stage", ""),
            lane=attrs.get("lane", "customer"),
            channel=attrs.get("channel", ""),
            owner=attrs.get("owner", ""),
            description=Text(attrs.get("description_fi"), attrs.get("description_en")),
            emotion=attrs.get("emotion"),
            arvo={p: attrs.get(p) for p in PRINCIPLES},  # built inside, so errors name the touchpoint
            pain_points=tuple(PainPoint.from_dict(p) for p in json.loads(pains)) if pains else (),
            critical=attrs.get("critical", False),
            tags=tuple(t for t in attrs.get("tags", "").split(",") if t),
            entry_share=attrs.get("entry_share", 0.0),
            final=attrs.get("final", False),
            notes=attrs.get("notes", ""),
        )


@dataclass(frozen=True)
class Transition:
    """Customers moving from one touchpoint to the next: an edge of the journey.

    ``share`` is the fraction of the customers at ``source`` who go on to
    ``target``; what the outgoing shares leave over leaves the journey there.
    """

    source: str
    target: str
    share: float
    volume: float | None = None
    duration: timedelta | None = None

    def __post_init__(self) -> None:
        try:
            self._check_fields()
        except SchemaError as exc:
            where = f"transition {self.source}→{self.target}.{exc.field}"
            raise SchemaError(exc.what, where=where, field=exc.field) from None

    def _check_fields(self) -> None:
        _set_number(self, "share", 0, 1, "share", optional=False)
        _set_number(self, "volume", 0, math.inf, "volume")
        if isinstance(self.duration, str):
            try:
                object.__setattr__(self, "duration", parse_duration(self.duration))
            except ValueError as exc:
                raise SchemaError(str(exc), where="duration") from None
        if self.duration is not None and self.duration < timedelta(0):
            raise SchemaError("a duration cannot be negative", where="duration")

    def to_attrs(self) -> dict:
        attrs: dict = {"share": self.share}
        if self.volume is not None:
            attrs["volume"] = self.volume
        if self.duration is not None:
            attrs["duration"] = format_duration(self.duration)
        return attrs

    @classmethod
    def from_attrs(cls, source: str, target: str, attrs: dict) -> Transition:
        return cls(source, target, attrs.get("share", 0.0), attrs.get("volume"), attrs.get("duration"))


@dataclass(frozen=True)
class Stage:
    """A column of the journey map, such as "discover" or "pay"."""

    id: str
    name: Text = field(default_factory=Text)

    def __post_init__(self) -> None:
        check_id(self.id, "id")
        object.__setattr__(self, "name", Text.coerce(self.name))

    def label(self, lang: str = "en") -> str:
        """The stage's name in ``lang``, or its id when it has no name."""
        return self.name.get(lang) or self.id


@dataclass(frozen=True)
class Rating:
    """One workshop participant's score of one principle at one touchpoint."""

    rater: str
    touchpoint: str
    principle: str
    value: float

    def __post_init__(self) -> None:
        if not isinstance(self.rater, str) or not self.rater.strip():
            raise SchemaError(f"{self.rater!r} is not a rater name", where="rater")
        object.__setattr__(self, "rater", self.rater.strip())
        check_id(self.touchpoint, "touchpoint")
        if self.principle not in PRINCIPLES:
            raise SchemaError(
                f"{self.principle!r} is not a principle (expected one of A, R, V, O)", where="principle"
            )
        _set_number(self, "value", *SCORE_RANGE, "value", optional=False)


@dataclass(frozen=True)
class Answer:
    """A yes/no answer to a check question (A.R.V.O. or attentiveness) about one touchpoint.

    ``answer`` is True (yes), False (no) or None (not answered yet); ``rater``
    names who answered, "" for the group.
    """

    touchpoint: str
    question: str
    answer: bool | None
    rater: str = ""

    def __post_init__(self) -> None:
        check_id(self.touchpoint, "touchpoint")
        check_id(self.question, "question")
        if self.answer is not None and not isinstance(self.answer, bool):
            raise SchemaError(f"{self.answer!r} is not an answer (expected true, false or null)", where="answer")
        if not isinstance(self.rater, str):
            raise SchemaError(f"{self.rater!r} is not a rater name", where="rater")
        object.__setattr__(self, "rater", self.rater.strip())
