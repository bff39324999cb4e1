"""Journey ⇄ the JSON document of a journey file (schema check, migrations, canonical form).

Every reader (JSON, YAML, spreadsheets) turns its input into this one document
shape and calls :func:`from_document`, so every format is checked the same way
and reports problems with the same words.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from functools import cache
from importlib import resources

from ..errors import DuplicateIdError, SchemaError, SchemaVersionError, ValidationError, shown
from ..model.journey import SCHEMA_VERSION, Journey
from ..model.text import Text
from ..model.timestamps import format_timestamp, parse_timestamp
from ..model.touchpoint import Answer, Rating, Stage, Touchpoint, Transition
from ..model.validate import Problem
from ..model.vocab import normalise_lane, normalise_tag

__all__ = ["to_document", "from_document", "check_document", "schema", "register_migration", "MIGRATIONS"]

#: ``{n: function}``: turns a version-``n`` document into a version ``n + 1`` one.
MIGRATIONS: dict[int, Callable[[dict], dict]] = {}

#: Maps a JSON path such as ``touchpoints[3].arvo.R`` to a place a person can find.
Locate = Callable[[str], str]

_TYPE_WORDS = {
    "number": "a number", "integer": "a whole number", "string": "text", "boolean": "true or false",
    "object": "an object", "array": "a list", "null": "empty",
}


def register_migration(from_version: int):
    """Decorator: register how to turn a ``from_version`` document into the next version.

    Examples
    --------
    >>> @register_migration(0)
    ... def _rename_nodes(document):
    ...     document["touchpoints"] = document.pop("nodes", [])
    ...     return document
    >>> MIGRATIONS.pop(0) is _rename_nodes
    True
    """

    def register(function):
        MIGRATIONS[from_version] = function
        return function

    return register


@cache
def schema() -> dict:
    """The JSON Schema of journey files (shipped as ``journey.schema.json``)."""
    text = resources.files(__package__).joinpath("journey.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _compiled_check():
    # Compiled once from our own shipped schema (never from a user's file):
    # the generated checker is ~30x faster than a generic validator at 10k touchpoints.
    import fastjsonschema

    return fastjsonschema.compile(schema())


# -- document → journey ---------------------------------------------------------------
def from_document(data, *, file: str | None = None, locate: Locate | None = None) -> Journey:
    """Check a parsed journey document and build the :class:`Journey`.

    Raises
    ------
    SchemaError, SchemaVersionError, DuplicateIdError, ValidationError
        With ``file`` and the place in the document named.
    """
    locate = locate or (lambda path: path)
    if not isinstance(data, dict):
        raise SchemaError(f"expected a journey object at the top, found {_kind(data)}", file=file)
    data = _migrate(data, file, locate)
    _normalise_tokens(data)
    _check_schema(data, file, locate)
    _check_ids(data, file, locate)
    try:
        return _build(data)
    except SchemaError as exc:  # a rule the schema cannot state, e.g. an impossible date
        raise SchemaError(exc.what, file=file, where=locate(exc.where or "")) from None


def _migrate(data: dict, file: str | None, locate: Locate) -> dict:
    version = data.get("schema_version")
    where = locate("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise SchemaError(
            f"schema_version is {version!r}; expected a whole number (this servicepath writes {SCHEMA_VERSION})",
            file=file, where=where,
        )
    if version > SCHEMA_VERSION:
        raise SchemaVersionError(
            f"the file has schema version {version}, newer than this servicepath reads "
            f"(up to {SCHEMA_VERSION}); update servicepath to open it",
            file=file, where=where,
        )
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise SchemaVersionError(f"no migration from schema version {version}", file=file, where=where)
        data = MIGRATIONS[version](dict(data))
        version += 1
        data["schema_version"] = version
    return data


def _normalise_tokens(data: dict) -> None:
    """Accept the Finnish words for lanes and tags (the glossary's import aliases)."""
    touchpoints = data.get("touchpoints")
    if not isinstance(touchpoints, list):
        return
    for tp in touchpoints:
        if not isinstance(tp, dict):
            continue
        if "lane" in tp:
            tp["lane"] = normalise_lane(tp["lane"])
        tags = tp.get("tags")
        if isinstance(tags, list) and all(isinstance(t, str) for t in tags):  # else the schema says what is wrong
            tp["tags"] = list(dict.fromkeys(normalise_tag(t) for t in tags))


def check_document(data: dict, *, file: str | None = None) -> None:
    """Raise :class:`SchemaError` (with the JSON path) if ``data`` breaks the journey schema."""
    _check_schema(data, file, lambda path: path)


def _check_schema(data: dict, file: str | None, locate: Locate) -> None:
    import fastjsonschema

    try:
        _compiled_check()(data)
    except fastjsonschema.JsonSchemaValueException as exc:
        path = exc.name.removeprefix("data").lstrip(".") or "(top)"
        raise SchemaError(_explain(exc), file=file, where=locate(path)) from None


def _explain(exc) -> str:
    """Say what a schema rule expected, in words a workshop facilitator understands."""
    rule, value, definition = exc.rule, exc.value, exc.definition or {}
    value_text = shown(value)
    if rule in ("minimum", "maximum"):
        low, high = definition.get("minimum"), definition.get("maximum")
        if low is not None and high is not None:
            return f"{value_text} is out of range {low}..{high}"
        return f"{value_text} must be at least {low}" if low is not None else f"{value_text} must be at most {high}"
    if rule == "type":
        wanted = exc.rule_definition if isinstance(exc.rule_definition, list) else [exc.rule_definition]
        words = " or ".join(_TYPE_WORDS.get(t, t) for t in wanted)
        return f"{value_text} is {_kind(value)}; expected {words}"
    if rule == "required":
        missing = [k for k in definition.get("required", []) if k not in value]
        return f"missing required field {', '.join(repr(m) for m in missing)}"
    if rule == "additionalProperties":
        allowed = list(definition.get("properties", {}))
        extra = sorted(str(k) for k in value if k not in allowed)
        return f"unknown field {', '.join(repr(e) for e in extra)} (expected: {', '.join(allowed)})"
    if rule == "enum":
        return f"{value_text} is not one of {', '.join(map(str, exc.rule_definition))}"
    if rule == "maxLength":
        return f"text of {len(value):,} characters is too long (at most {exc.rule_definition})"
    if rule == "minLength":
        return "empty text; write at least one character"
    if rule == "minProperties":
        return "write the text in Finnish ('fi') or English ('en'), or both"
    if rule == "maxItems":
        return f"{len(value):,} items is too many (at most {exc.rule_definition})"
    if rule == "uniqueItems":
        return "the same item appears twice"
    if rule == "pattern":
        form = _PATTERN_WORDS.get(exc.rule_definition, exc.rule_definition)
        return f"{value_text} is not in the expected form ({form})"
    return exc.message.removeprefix("data").lstrip(".")


_PATTERN_WORDS = {
    schema()["definitions"]["id"]["pattern"]: "an id: printable text without commas or spaces at the ends",
    schema()["definitions"]["name"]["properties"]["en"]["pattern"]: "text without control characters",
    schema()["definitions"]["timestamp"]["pattern"]: "date and time with a zone, e.g. 2026-11-23T13:30:00Z",
    "^[a-z]{2}$": "a two-letter language code such as fi or en",
    "^[^,]+$": "a tag without commas",
}


def _check_ids(data: dict, file: str | None, locate: Locate) -> None:
    for section in ("stages", "touchpoints"):
        first_seen: dict[str, int] = {}
        for i, item in enumerate(data.get(section, [])):
            if item["id"] in first_seen:
                first = locate(f"{section}[{first_seen[item['id']]}]")
                raise DuplicateIdError(
                    f"id {item['id']!r} is used twice (first at {first})",
                    file=file, where=locate(f"{section}[{i}].id"),
                )
            first_seen[item["id"]] = i
    ids = {tp["id"] for tp in data["touchpoints"]}
    problems, pairs = [], set()
    for i, tr in enumerate(data.get("transitions", [])):
        for end in ("source", "target"):
            if tr[end] not in ids:
                problems.append(Problem(
                    "error", locate(f"transitions[{i}].{end}"),
                    f"{tr[end]!r} is not the id of any touchpoint", "dangling-edge",
                ))
        pair = (tr["source"], tr["target"])
        if pair in pairs:
            raise DuplicateIdError(
                f"transition {pair[0]!r} → {pair[1]!r} appears twice", file=file, where=locate(f"transitions[{i}]")
            )
        pairs.add(pair)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ValidationError(problems[0].message + more, file=file, where=problems[0].where, problems=problems)


def _build(data: dict) -> Journey:
    """Make the journey; a rule the schema cannot state raises SchemaError at its document path."""
    journey = Journey(
        _text(data["title"]),
        persona=_text(data.get("persona")),
        languages=data.get("languages", ["fi", "en"]),
        goals=data.get("goals", []),
        created=_parse_time(data, "created"),
        modified=_parse_time(data, "modified"),
    )
    for i, stage in enumerate(data["stages"]):
        journey.add_stage(_item(f"stages[{i}]", Stage, stage["id"], _text(stage.get("name"))))
    add_node = journey.graph.add_node
    for i, tp in enumerate(data["touchpoints"]):
        touchpoint = _item(
            f"touchpoints[{i}]", Touchpoint,
            id=tp["id"], name=_text(tp["name"]), stage=tp["stage"], lane=tp.get("lane", "customer"),
            channel=tp.get("channel", ""), owner=tp.get("owner", ""),
            description=_text(tp.get("description")), emotion=tp.get("emotion"),
            arvo=tp.get("arvo", {}), pain_points=tp.get("pain_points", ()),
            critical=tp.get("critical", False), tags=tp.get("tags", ()),
            entry_share=tp.get("entry_share", 0.0), final=tp.get("final", False), notes=tp.get("notes", ""),
        )
        add_node(touchpoint.id, **touchpoint.to_attrs())
    add_edge = journey.graph.add_edge
    for i, tr in enumerate(data.get("transitions", [])):
        transition = _item(f"transitions[{i}]", Transition, tr["source"], tr["target"], tr["share"],
                           tr.get("volume"), tr.get("duration"))
        add_edge(transition.source, transition.target, **transition.to_attrs())
    journey.ratings.extend(_item(f"ratings[{i}]", Rating, **r) for i, r in enumerate(data.get("ratings", [])))
    journey.answers.extend(_item(f"answers[{i}]", Answer, **a) for i, a in enumerate(data.get("answers", [])))
    journey.improvements.extend(data.get("improvements", []))
    journey.votes.extend(data.get("votes", []))
    return journey


def _item(path: str, make, *args, **kwargs):
    """``make(*args, **kwargs)``, with any SchemaError placed at ``path`` in the document."""
    try:
        return make(*args, **kwargs)
    except SchemaError as exc:
        raise SchemaError(exc.what, where=f"{path}.{exc.field}") from None


def _text(value) -> Text:
    return Text(value.get("fi"), value.get("en")) if value else Text()


def _parse_time(data: dict, key: str) -> datetime | None:
    value = data.get(key)
    if value is None:
        return None
    try:
        return parse_timestamp(value)
    except ValueError as exc:  # the schema's pattern passes 2026-02-30; the calendar does not
        raise SchemaError(str(exc), where=key) from None


def _kind(value) -> str:
    if value is None:
        return "empty (null)"
    if isinstance(value, bool):
        return "true/false"
    for kind, word in ((str, "text"), ((int, float), "a number"), (dict, "an object"), (list, "a list")):
        if isinstance(value, kind):
            return word
    return type(value).__name__


# -- journey → document ---------------------------------------------------------------
def to_document(journey: Journey) -> dict:
    """The canonical JSON document of a journey (what ``save`` writes).

    Numbers are canonical (``2.0`` is written as ``2``), empty optional
    fields are left out and times are UTC, so the same journey always gives
    the same document whatever format it came from.
    """
    doc: dict = {"schema_version": SCHEMA_VERSION, "title": journey.title.as_dict()}
    if journey.persona:
        doc["persona"] = journey.persona.as_dict()
    doc["languages"] = list(journey.languages)
    doc["created"] = _format_time(journey.created)
    doc["modified"] = _format_time(journey.modified)
    doc["stages"] = [_stage_document(s) for s in journey.stages]
    doc["goals"] = list(journey.goals)
    doc["touchpoints"] = [_touchpoint_document(tp) for tp in journey]
    doc["transitions"] = [_transition_document(s, t, a) for s, t, a in journey.graph.edges(data=True)]
    doc["ratings"] = [
        {"rater": r.rater, "touchpoint": r.touchpoint, "principle": r.principle, "value": _canonical(r.value)}
        for r in journey.ratings
    ]
    doc["answers"] = [
        {"touchpoint": a.touchpoint, "question": a.question, "answer": a.answer}
        | ({"rater": a.rater} if a.rater else {})
        for a in journey.answers
    ]
    doc["improvements"] = list(journey.improvements)
    doc["votes"] = list(journey.votes)
    return doc


def _stage_document(stage: Stage) -> dict:
    return {"id": stage.id, "name": stage.name.as_dict()} if stage.name else {"id": stage.id}


def _touchpoint_document(tp: Touchpoint) -> dict:
    out: dict = {"id": tp.id, "name": tp.name.as_dict(), "stage": tp.stage, "lane": tp.lane}
    optional = {
        "channel": tp.channel,
        "owner": tp.owner,
        "description": tp.description.as_dict(),
        "arvo": {p: _canonical(v) for p, v in tp.arvo.scored().items()},
        "pain_points": [p.as_dict() for p in tp.pain_points],
        "critical": tp.critical,
        "tags": list(tp.tags),
        "entry_share": _canonical(tp.entry_share),
        "final": tp.final,
        "notes": tp.notes,
    }
    out.update((k, v) for k, v in optional.items() if v not in (None, "", {}, [], False, 0))
    if tp.emotion is not None:  # 0 is a real answer here (neutral), so not left out
        out["emotion"] = _canonical(tp.emotion)
    return out


def _transition_document(source: str, target: str, attrs: dict) -> dict:
    out = {"source": source, "target": target, "share": _canonical(attrs.get("share", 0.0))}
    for key in ("volume", "duration"):
        if attrs.get(key) is not None:
            out[key] = _canonical(attrs[key])
    return out


def _canonical(value):
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _format_time(value: datetime) -> str:
    try:
        return format_timestamp(value)
    except ValueError as exc:
        raise SchemaError(str(exc), where="created/modified") from None

