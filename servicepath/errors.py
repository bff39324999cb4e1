"""The one exception family of servicepath.

Every error that bad input can cause is a :class:`ServicepathError`. Its message
names where the problem is (file, row or field) and what was expected, so the
command line can print it as it is, without a traceback.
"""

from __future__ import annotations

__all__ = [
    "ServicepathError",
    "InputError",
    "FileFormatError",
    "SchemaError",
    "SchemaVersionError",
    "ValidationError",
    "DuplicateIdError",
    "UnknownIdError",
    "UnsupportedFormatError",
    "SaveError",
    "ConflictError",
    "ResourceError",
]


def shown(value) -> str:
    """A value as a message shows it: its repr, cut short when long (a 10 MB name is not repeated)."""
    text = repr(value)
    return text if len(text) <= 60 else text[:50] + f"…' ({len(str(value)):,} characters)"


class ServicepathError(Exception):
    """Base class of every error servicepath raises on purpose."""


class InputError(ServicepathError):
    """Bad input data; the message starts with the file and the place in it.

    Parameters
    ----------
    what : str
        What is wrong and what was expected.
    file : str, optional
        The file being read, if any.
    where : str, optional
        The place inside the data: a JSON path such as ``touchpoints[3].arvo.R``
        or a spreadsheet place such as ``touchpoints sheet, row 5, column R``.
    field : str, optional
        The field inside one item (``arvo.R``), so a reader can put the item's
        own place in front of it.
    """

    def __init__(self, what: str, *, file: str | None = None, where: str | None = None, field: str | None = None):
        self.what = what
        self.file = file
        self.where = where
        self.field = field if field is not None else where
        super().__init__(": ".join(part for part in (file, where, what) if part))


class FileFormatError(InputError):
    """The file cannot be read at all: empty, truncated, wrong encoding, not JSON/YAML..."""


class SchemaError(InputError):
    """The data has the wrong shape: a missing field or column, a wrong type, a value out of range."""


class SchemaVersionError(InputError):
    """The file was written for a schema version this servicepath cannot read."""


class ValidationError(InputError):
    """The journey breaks a rule (dangling transition, shares summing over 1 ...).

    Attributes
    ----------
    problems : list of Problem
        Every error-level problem found; the message shows the first one.
    """

    def __init__(self, what: str, *, file=None, where=None, problems=()):
        super().__init__(what, file=file, where=where)
        self.problems = list(problems)


class DuplicateIdError(InputError, ValueError):
    """Two touchpoints, stages or pain points share one id."""


class UnknownIdError(ServicepathError, KeyError):
    """An id that names no touchpoint, stage or sample."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class UnsupportedFormatError(ServicepathError):
    """A file name whose ending names no format servicepath reads or writes."""


class SaveError(ServicepathError):
    """Saving failed; the previous file is untouched."""


class ConflictError(SaveError):
    """Someone else saved the same thing first; the refused change is kept, not lost.

    Attributes
    ----------
    group : str
        The workshop group whose journey it was.
    conflict : int
        Where the refused change is kept (see ``Session.conflict_journey``).
    """

    def __init__(self, what: str, *, file: str | None = None, group: str = "", conflict: int = 0):
        self.file, self.group, self.conflict = file, group, conflict
        super().__init__(f"{file}: {what}" if file else what)


class ResourceError(ServicepathError):
    """The work needs more memory or disk than it was allowed; the message says which limit to raise."""
