"""Workshop kits: a ready-to-run workshop described as data (``workshops/<kit>/kit.yaml``).

A kit says what a workshop is for, how long it takes and for how many
people, which journey the groups start from, the timed agenda (with the
notebook each step uses), the roles in a group and the questions to discuss.
Every text is written in Finnish and English. :meth:`Kit.from_dict` checks
the shape of the data; reading the file (and checking the guides and
notebooks on disk) is :mod:`servicepath.io.kits`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SchemaError, UnknownIdError, shown
from .text import Text

__all__ = ["Kit", "AgendaStep", "Role", "EMPTY_JOURNEY", "KIT_LANGUAGES"]

#: The ``journey`` value of a kit whose groups start from a new, nearly empty journey.
EMPTY_JOURNEY = "empty"
#: Every text of a kit is written in these languages.
KIT_LANGUAGES = ("fi", "en")

_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_NOTEBOOK = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_GUIDE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.md$")
_MAX_ID = 60
_MAX_TEXT = 4000
_MAX_MINUTES = 24 * 60

_KIT_KEYS = ("id", "title", "goal", "duration", "group_size", "journey", "agenda", "roles", "questions", "guides")
_STEP_KEYS = ("id", "title", "minutes", "notebook", "what")
_STEP_OPTIONAL = ("notebook",)
_ROLE_KEYS = ("id", "name", "task")


@dataclass(frozen=True)
class AgendaStep:
    """One timed step of a kit's agenda.

    Attributes
    ----------
    id : str
        Unique within the kit (lower-case letters, digits and ``-``).
    title : Text
        The step's name.
    minutes : int
        How long the step takes (at least 1).
    notebook : str or None
        The notebook the groups use, by its name in ``notebooks/`` without ``.ipynb``.
    what : Text
        What the groups do in this step.
    """

    id: str
    title: Text
    minutes: int
    notebook: str | None
    what: Text


@dataclass(frozen=True)
class Role:
    """A role in a group (facilitator, timekeeper, scribe, the customer's voice …) and its task."""

    id: str
    name: Text
    task: Text


@dataclass(frozen=True)
class Kit:
    """A workshop kit: goal, duration, group size, starting journey, agenda, roles and questions.

    Build one with :meth:`from_dict` (which checks everything) or load one
    with :func:`servicepath.io.kits.load_kit`.

    Attributes
    ----------
    id : str
        The kit's name, also its folder's name (e.g. ``"payment-moment"``).
    title, goal : Text
    duration : int
        Minutes; equal to the sum of the agenda's minutes.
    group_size : tuple of int
        People per group, smallest and largest.
    journey : str
        A bundled sample's name (``"webshop"``, ``"b2b-service"``) or ``"empty"``.
    agenda : tuple of AgendaStep
        In order.
    roles : tuple of Role
    questions : tuple of Text
        Questions for the groups to discuss.
    guides : dict
        Language → the file name of the facilitator guide beside ``kit.yaml``.
    folder : Path or None
        The kit's folder, when it was loaded from one.

    Examples
    --------
    >>> kit = Kit.from_dict({
    ...     "id": "coffee", "title": {"fi": "Kahvi", "en": "Coffee"}, "goal": {"fi": "Maistetaan", "en": "Taste"},
    ...     "duration": 15, "group_size": [2, 4], "journey": "empty",
    ...     "agenda": [{"id": "brew", "title": {"fi": "Keitä", "en": "Brew"}, "minutes": 10,
    ...                 "what": {"fi": "Keitetään", "en": "Brew it"}},
    ...                {"id": "taste", "title": {"fi": "Maista", "en": "Taste"}, "minutes": 5,
    ...                 "notebook": "00_start_here", "what": {"fi": "Maistetaan", "en": "Taste it"}}],
    ...     "roles": [{"id": "barista", "name": {"fi": "Barista", "en": "Barista"},
    ...                "task": {"fi": "Keittää", "en": "Brews"}}],
    ...     "questions": [{"fi": "Onko hyvää?", "en": "Is it good?"}],
    ...     "guides": {"fi": "guide.fi.md", "en": "guide.en.md"}})
    >>> kit.title.get("fi"), kit.duration, kit.start_minutes(), kit.notebooks()
    ('Kahvi', 15, (0, 10), ('00_start_here',))
    """

    id: str
    title: Text
    goal: Text
    duration: int
    group_size: tuple[int, int]
    journey: str
    agenda: tuple[AgendaStep, ...]
    roles: tuple[Role, ...]
    questions: tuple[Text, ...]
    guides: dict[str, str] = field(default_factory=dict)
    folder: Path | None = None

    def __repr__(self) -> str:
        return f"<Kit {self.id!r}: {self.duration} min, {len(self.agenda)} steps>"

    def step(self, step_id: str) -> AgendaStep:
        """The agenda step with id ``step_id``."""
        for step in self.agenda:
            if step.id == step_id:
                return step
        raise UnknownIdError(f"kit {self.id!r} has no agenda step {step_id!r}; its steps are: "
                             f"{', '.join(s.id for s in self.agenda)}")

    def start_minutes(self) -> tuple[int, ...]:
        """When each agenda step starts, in minutes from the start of the workshop."""
        starts, clock = [], 0
        for step in self.agenda:
            starts.append(clock)
            clock += step.minutes
        return tuple(starts)

    def notebooks(self) -> tuple[str, ...]:
        """The notebooks the agenda uses, each once, in the order they are first needed."""
        return tuple(dict.fromkeys(s.notebook for s in self.agenda if s.notebook))

    def guide_path(self, lang: str) -> Path | None:
        """The facilitator guide's path in ``lang`` (None for a kit not loaded from a folder)."""
        if lang not in self.guides:
            raise UnknownIdError(f"kit {self.id!r} has no guide in {lang!r}; it has: {', '.join(self.guides)}")
        return self.folder / self.guides[lang] if self.folder is not None else None

    @classmethod
    def from_dict(cls, data, file: str | None = None, *, samples: Iterable[str] | None = None,
                  folder: Path | None = None) -> Kit:
        """Check the data of a ``kit.yaml`` and build the kit.

        Parameters
        ----------
        data : mapping
            As ``yaml.safe_load`` gives it.
        file : str, optional
            Named in error messages.
        samples : iterable of str, optional
            The sample journeys a kit may start from (besides ``"empty"``);
            without it any journey name of the right shape is accepted.
        folder : Path, optional
            Stored as :attr:`folder`.

        Raises
        ------
        SchemaError
            Naming the file, the field (e.g. ``agenda[2].minutes``) and what was
            expected (also when two steps or two roles share an id).
        """
        data = _mapping(data, file, "(top)", "a mapping of the kit's fields")
        _check_keys(data, _KIT_KEYS, (), file, "")
        kit_id = _identifier(data["id"], file, "id")
        duration = _minutes(data["duration"], file, "duration")
        agenda = _agenda(data["agenda"], file)
        total = sum(step.minutes for step in agenda)
        if total != duration:
            raise SchemaError(f"the duration is {duration} minutes but the agenda's steps add up to {total} minutes; "
                              "make them equal", file=file, where="duration")
        return cls(
            id=kit_id,
            title=_text(data["title"], file, "title"),
            goal=_text(data["goal"], file, "goal"),
            duration=duration,
            group_size=_group_size(data["group_size"], file),
            journey=_journey(data["journey"], file, samples),
            agenda=agenda,
            roles=_roles(data["roles"], file),
            questions=tuple(_text(q, file, f"questions[{i}]")
                            for i, q in enumerate(_list(data["questions"], file, "questions", "questions"))),
            guides=_guides(data["guides"], file),
            folder=folder,
        )


# -- checks of single fields -----------------------------------------------------------------
def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _mapping(value, file, where, expected) -> Mapping:
    if not isinstance(value, Mapping):
        raise SchemaError(f"{shown(value)} is not {expected}", file=file, where=where)
    return value


def _check_keys(data: Mapping, keys: tuple[str, ...], optional: tuple[str, ...], file, path: str) -> None:
    unknown = [str(k) for k in data if k not in keys]
    if unknown:
        raise SchemaError(f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))}; "
                          f"the fields are: {', '.join(keys)}", file=file, where=path or "(top)")
    missing = [k for k in keys if k not in data and k not in optional]
    if missing:
        raise SchemaError(f"missing field{'s' if len(missing) > 1 else ''} {', '.join(map(repr, missing))}",
                          file=file, where=path or "(top)")


def _list(value, file, where, what) -> list:
    if not isinstance(value, list):
        raise SchemaError(f"{shown(value)} is not a list of {what}", file=file, where=where)
    if not value:
        raise SchemaError(f"the list of {what} is empty; give at least one", file=file, where=where)
    return value


def _identifier(value, file, where) -> str:
    if not isinstance(value, str) or not _ID.match(value) or len(value) > _MAX_ID:
        raise SchemaError(f"{shown(value)} is not an id: use lower-case letters, digits and '-' "
                          f"(at most {_MAX_ID} characters), e.g. 'payment-moment'", file=file, where=where)
    return value


def _minutes(value, file, where) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise SchemaError(f"{shown(value)} is not a whole number of minutes", file=file, where=where)
    if not 1 <= value <= _MAX_MINUTES:
        raise SchemaError(f"{value} minutes is out of range; give 1…{_MAX_MINUTES}", file=file, where=where)
    return value


def _text(value, file, where) -> Text:
    value = _mapping(value, file, where, "a text in both languages: {fi: \"…\", en: \"…\"}")
    unknown = [str(k) for k in value if k not in KIT_LANGUAGES]
    if unknown:
        raise SchemaError(f"unknown language {', '.join(map(repr, unknown))}; write the text in "
                          f"{' and '.join(KIT_LANGUAGES)}", file=file, where=where)
    for lang in KIT_LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            problem = ("is missing" if text is None else "is empty" if isinstance(text, str)
                       else f"{shown(text)} is not a text")
            raise SchemaError(f"the {'Finnish' if lang == 'fi' else 'English'} text {problem}; every text is "
                              "written in Finnish and English", file=file, where=_join(where, lang))
        if len(text) > _MAX_TEXT:
            raise SchemaError(f"the text is {len(text):,} characters long; at most {_MAX_TEXT:,}", file=file,
                              where=_join(where, lang))
    return Text(fi=value["fi"], en=value["en"])


def _group_size(value, file) -> tuple[int, int]:
    where = "group_size"
    if not isinstance(value, list) or len(value) != 2:
        raise SchemaError(f"{shown(value)} is not [smallest, largest] people per group, e.g. [3, 6]", file=file,
                          where=where)
    sizes = []
    for i, size in enumerate(value):
        if isinstance(size, bool) or not isinstance(size, int) or not 1 <= size <= 1000:
            raise SchemaError(f"{shown(size)} is not a number of people (1…1000)", file=file, where=f"{where}[{i}]")
        sizes.append(size)
    if sizes[0] > sizes[1]:
        raise SchemaError(f"the smallest group ({sizes[0]}) is larger than the largest ({sizes[1]})", file=file,
                          where=where)
    return sizes[0], sizes[1]


def _journey(value, file, samples) -> str:
    if samples is not None:
        allowed = (*samples, EMPTY_JOURNEY)
        if value not in allowed:
            raise SchemaError(f"{shown(value)} is not a sample journey; use one of {', '.join(allowed)}", file=file,
                              where="journey")
        return value
    return _identifier(value, file, "journey")


def _agenda(value, file) -> tuple[AgendaStep, ...]:
    steps, seen = [], set()
    for i, item in enumerate(_list(value, file, "agenda", "agenda steps")):
        where = f"agenda[{i}]"
        item = _mapping(item, file, where, "an agenda step (id, title, minutes, what, optional notebook)")
        _check_keys(item, _STEP_KEYS, _STEP_OPTIONAL, file, where)
        step_id = _identifier(item["id"], file, f"{where}.id")
        if step_id in seen:
            raise SchemaError(f"two agenda steps have the id {step_id!r}; give each step its own id",
                                   file=file, where=f"{where}.id")
        seen.add(step_id)
        notebook = item.get("notebook")
        if notebook is not None and (not isinstance(notebook, str) or not _NOTEBOOK.match(notebook)
                                     or len(notebook) > 100):
            raise SchemaError(f"{shown(notebook)} is not a notebook name: give its name in notebooks/ without "
                              "'.ipynb', e.g. 01_map_the_journey", file=file, where=f"{where}.notebook")
        steps.append(AgendaStep(step_id, _text(item["title"], file, f"{where}.title"),
                                _minutes(item["minutes"], file, f"{where}.minutes"), notebook,
                                _text(item["what"], file, f"{where}.what")))
    return tuple(steps)


def _roles(value, file) -> tuple[Role, ...]:
    roles, seen = [], set()
    for i, item in enumerate(_list(value, file, "roles", "roles")):
        where = f"roles[{i}]"
        item = _mapping(item, file, where, "a role (id, name, task)")
        _check_keys(item, _ROLE_KEYS, (), file, where)
        role_id = _identifier(item["id"], file, f"{where}.id")
        if role_id in seen:
            raise SchemaError(f"two roles have the id {role_id!r}; give each role its own id", file=file,
                                   where=f"{where}.id")
        seen.add(role_id)
        roles.append(Role(role_id, _text(item["name"], file, f"{where}.name"),
                          _text(item["task"], file, f"{where}.task")))
    return tuple(roles)


def _guides(value, file) -> dict[str, str]:
    value = _mapping(value, file, "guides", "a mapping of language to guide file: {fi: guide.fi.md, en: guide.en.md}")
    _check_keys(value, KIT_LANGUAGES, (), file, "guides")
    for lang in KIT_LANGUAGES:
        name = value[lang]
        if not isinstance(name, str) or not _GUIDE.match(name) or ".." in name:
            raise SchemaError(f"{shown(name)} is not the name of a Markdown file beside kit.yaml, e.g. "
                              f"guide.{lang}.md", file=file, where=f"guides.{lang}")
    return {lang: value[lang] for lang in KIT_LANGUAGES}
