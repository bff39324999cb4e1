"""A workshop session: each group's journey in one SQLite file that many kernels write at once.

``servicepath workshop new`` makes a folder with ``session.db`` and a notebook per
group. Every save of a group's journey is one short transaction that also keeps
the version it replaces, so the whole history stays. Saves carry the version
they were made on: if someone else saved the same group in between, the save
is refused with :class:`~servicepath.errors.ConflictError` and the refused
journey is kept in the session too, so nothing is ever lost.

The folder must be on the local disk of the machine that runs the kernels:
SQLite's write-ahead log does not work over network file systems.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zlib
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from ..errors import ConflictError, DuplicateIdError, FileFormatError, SaveError, SchemaError, UnknownIdError, shown
from ..model import Journey
from ..model.timestamps import format_timestamp
from .database import integrity, open_database
from .database import write as _write
from .files import checked_document, loads, save

__all__ = ["Session", "SESSION_FILE", "MAX_GROUPS"]

SESSION_FILE = "session.db"
APPLICATION_ID = 0x53505753  # "SPWS": a servicepath workshop session
MAX_GROUPS = 50
_GROUP_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")

MIGRATIONS = [
    (
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE groups (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL, version INTEGER NOT NULL,
            journey BLOB NOT NULL, saved_at TEXT NOT NULL)""",
        # Every version a group ever saved, and every save refused as a conflict: nothing is lost.
        """CREATE TABLE versions (
            id INTEGER PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id), version INTEGER NOT NULL,
            journey BLOB NOT NULL, saved_at TEXT NOT NULL, UNIQUE (group_id, version))""",
        """CREATE TABLE conflicts (
            id INTEGER PRIMARY KEY, group_id TEXT NOT NULL REFERENCES groups(id), based_on INTEGER NOT NULL,
            current INTEGER NOT NULL, journey BLOB NOT NULL, refused_at TEXT NOT NULL)""",
    ),
]


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


def _pack(journey: Journey, document: dict | None = None) -> bytes:
    # Compact JSON (C-encoded, four times faster than indented) compressed about fivefold: a session keeps
    # every version, and a workshop saves after every change.
    document = checked_document(journey) if document is None else document
    try:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:  # e.g. a date object put in improvements
        raise SaveError(f"the journey holds a value that cannot be written ({exc})") from None
    return zlib.compress(text.encode("utf-8"), 3)


def write(connection: sqlite3.Connection, work, *, file: str):
    """One write transaction; a damaged file is a SaveError naming it (nothing was written)."""
    try:
        return _write(connection, work, file=file)
    except sqlite3.DatabaseError as exc:
        raise SaveError(f"{file}: nothing was saved: the workshop session database is damaged or "
                        f"cannot be written ({exc})") from None


def _unpack(blob: bytes, where: str) -> Journey:
    try:
        text = zlib.decompress(blob)
    except (zlib.error, TypeError) as exc:  # a damaged file: say which, never a traceback
        raise FileFormatError(f"a saved journey is damaged ({exc})", file=where) from None
    return loads(text, "json", file=where)


class _Reading:
    """The session's connection for reads: a damaged file is a FileFormatError naming it, not an sqlite3 error."""

    def __init__(self, connection: sqlite3.Connection, path: Path):
        self.connection, self.path = connection, path

    def execute(self, sql: str, parameters=()) -> list:
        try:
            return self.connection.execute(sql, parameters).fetchall()
        except sqlite3.DatabaseError as exc:
            raise FileFormatError(f"the workshop session database is damaged ({exc}); the groups' journeys "
                                  "may still be read one by one with an SQLite tool", file=str(self.path)) from None


class Session:
    """An existing workshop session (a folder holding ``session.db``, or the file itself).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import servicepath as sp
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> session = Session.create(folder, kit="payment-moment", groups=2, journey=sp.load_sample("webshop"))
    >>> session.groups()
    ['group-1', 'group-2']
    >>> journey, version = session.load("group-1")
    >>> _ = journey.update_touchpoint("pay", emotion=-1)
    >>> session.save("group-1", journey, version=version)
    1
    >>> session.load("group-1")[0].touchpoint("pay").emotion, session.load("group-2")[0].touchpoint("pay").emotion
    (-1, -2)
    """

    def __init__(self, location: str | os.PathLike, *, timeout: float = 30.0):
        path = Path(location)
        path = path / SESSION_FILE if path.is_dir() else path
        if not path.is_file():
            raise FileFormatError(f"no workshop session here (expected {SESSION_FILE}; make one with "
                                  "`servicepath workshop new`)", file=str(path))
        self.path = path
        self._connection = open_database(path, kind="workshop session", application_id=APPLICATION_ID,
                                         migrations=MIGRATIONS, timeout=timeout)
        self._read = _Reading(self._connection, path)

    @classmethod
    def create(cls, folder: str | os.PathLike, *, kit: str, groups: int | list[str], journey: Journey,
               title: str = "", settings: dict | None = None) -> Session:
        """Make a session in ``folder`` with every group starting from a copy of ``journey``.

        Parameters
        ----------
        kit : str
            The workshop kit's id, kept for the facilitator's view.
        groups : int or list of str
            How many groups (named ``group-1`` …), or their ids (lower-case letters, digits, ``-``).
        settings : dict, optional
            Anything the facilitator's view should remember (JSON-serialisable).

        The starting journey's dot votes are left out: a copy in every group would count
        them once per group in the merged result.

        Raises
        ------
        DuplicateIdError
            A session exists in the folder already.
        SaveError
            ``folder`` is a file, or cannot be made.
        SchemaError
            A group id is not one (or there are no groups, or more than :data:`MAX_GROUPS`).
        """
        ids = [f"group-{n}" for n in range(1, groups + 1)] if isinstance(groups, int) else list(groups)
        _check_groups(ids)
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise SaveError(f"{folder}: is a file, not a folder (expected a folder for the workshop session)")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"{folder}: cannot make the session folder ({exc.strerror or exc})") from None
        path = folder / SESSION_FILE
        if path.exists():
            raise DuplicateIdError("a workshop session exists here already (expected a new folder)", file=str(path))
        path.touch()
        session = cls(path)
        start = journey.copy()
        start.votes.clear()  # the groups cast their own dots
        blob, now = _pack(start), _now()

        def work(db):
            meta = {"kit": kit, "title": title or journey.title.get("fi"), "created": now,
                    "settings": json.dumps(settings or {}, ensure_ascii=False)}
            db.executemany("INSERT INTO meta (key, value) VALUES (?, ?)", list(meta.items()))
            for position, group in enumerate(ids):
                db.execute("INSERT INTO groups VALUES (?, ?, ?, 0, ?, ?)", (group, group, position, blob, now))
                db.execute("INSERT INTO versions (group_id, version, journey, saved_at) VALUES (?, 0, ?, ?)",
                           (group, blob, now))

        write(session._connection, work, file=str(path))
        return session

    # -- the file ---------------------------------------------------------------------------------
    def close(self) -> None:
        self._connection.close()

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Session({str(self.path.parent)!r})"

    @property
    def folder(self) -> Path:
        return self.path.parent

    def meta(self) -> dict[str, str]:
        """The session's kit, title, creation time and settings (``settings`` decoded)."""
        meta = dict(self._read.execute("SELECT key, value FROM meta"))
        meta["settings"] = json.loads(meta.get("settings", "{}"))
        return meta

    def set_meta(self, key: str, value: str) -> None:
        """Remember one setting (e.g. the current agenda step) for everyone who opens the session."""
        write(self._connection, lambda db: db.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, str(value))), file=str(self.path))

    def check(self) -> str:
        """SQLite's integrity check of the session file: ``"ok"`` when sound."""
        return integrity(self._connection)

    # -- groups -----------------------------------------------------------------------------------
    def groups(self) -> list[str]:
        """The group ids in their order."""
        return [row[0] for row in self._read.execute("SELECT id FROM groups ORDER BY position")]

    def _row(self, group: str, columns: str):
        rows = self._read.execute(f"SELECT {columns} FROM groups WHERE id = ?", (group,))  # noqa: S608 - fixed columns
        row = rows[0] if rows else None
        if row is None:
            raise UnknownIdError(f"{self.path}: no group {shown(group)} in this session (expected one of "
                                 f"{', '.join(self.groups())})")
        return row

    def version(self, group: str) -> int:
        """The group's current version: 0 as created, one more after each save."""
        return self._row(group, "version")[0]

    def load(self, group: str) -> tuple[Journey, int]:
        """The group's current journey and its version."""
        blob, version = self._row(group, "journey, version")
        return _unpack(blob, f"{self.path}: {group}"), version

    def journeys(self) -> dict[str, Journey]:
        """Every group's current journey, in group order."""
        rows = self._read.execute("SELECT id, journey FROM groups ORDER BY position")
        return {group: _unpack(blob, f"{self.path}: {group}") for group, blob in rows}

    def save(self, group: str, journey: Journey, *, version: int, document: dict | None = None) -> int:
        """Save the group's journey made on ``version``; return the new version.

        ``document`` is the journey's checked document when the caller has made it already
        (the workbench checks every change before saving it); it is not checked again.

        Raises
        ------
        ConflictError
            Someone else saved the group after ``version``. The journey given
            here is kept in the session (see :meth:`conflicts`); the group's
            journey stays as the other save left it.
        """
        blob, now = _pack(journey, document), _now()

        def work(db):
            row = db.execute("SELECT version, saved_at FROM groups WHERE id = ?", (group,)).fetchone()
            if row is None:
                self._row(group, "id")  # raises UnknownIdError naming the groups
            current, saved_at = row
            if current != version:
                cursor = db.execute("INSERT INTO conflicts (group_id, based_on, current, journey, refused_at) "
                                    "VALUES (?, ?, ?, ?, ?)", (group, version, current, blob, now))
                return None, (current, saved_at, cursor.lastrowid)
            new = current + 1
            db.execute("UPDATE groups SET version = ?, journey = ?, saved_at = ? WHERE id = ?",
                       (new, blob, now, group))
            db.execute("INSERT INTO versions (group_id, version, journey, saved_at) VALUES (?, ?, ?, ?)",
                       (group, new, blob, now))
            return new, None

        new, conflict = write(self._connection, work, file=str(self.path))
        if conflict is not None:
            current, saved_at, number = conflict
            raise ConflictError(
                f"{group}: someone else saved this group's journey (version {current}, at {saved_at[11:19]} UTC) "
                f"after version {version} that this change was made on; it was not written over their work and "
                f"is kept in the session as conflict {number}", file=str(self.path), group=group, conflict=number)
        return new

    def history(self, group: str | None = None) -> pd.DataFrame:
        """Every saved version: ``group``, ``version``, ``saved_at`` (oldest first)."""
        sql = "SELECT group_id, version, saved_at FROM versions"
        rows = self._read.execute(sql + (" WHERE group_id = ?" if group else "") + " ORDER BY id",
                                  (group,) if group else ())
        return pd.DataFrame(rows, columns=["group", "version", "saved_at"])

    def version_journey(self, group: str, version: int) -> Journey:
        """The journey as the group saved it in ``version``."""
        rows = self._read.execute("SELECT journey FROM versions WHERE group_id = ? AND version = ?", (group, version))
        row = rows[0] if rows else None
        if row is None:
            raise UnknownIdError(f"{self.path}: group {shown(group)} has no version {version!r}")
        return _unpack(row[0], f"{self.path}: {group} version {version}")

    def conflicts(self, group: str | None = None) -> pd.DataFrame:
        """Saves refused as conflicts: ``conflict``, ``group``, ``based_on``, ``current``, ``refused_at``."""
        sql = "SELECT id, group_id, based_on, current, refused_at FROM conflicts"
        rows = self._read.execute(sql + (" WHERE group_id = ?" if group else "") + " ORDER BY id",
                                  (group,) if group else ())
        return pd.DataFrame(rows, columns=["conflict", "group", "based_on", "current", "refused_at"])

    def conflict_journey(self, conflict: int) -> Journey:
        """The journey a refused save would have written."""
        rows = self._read.execute("SELECT journey FROM conflicts WHERE id = ?", (conflict,))
        row = rows[0] if rows else None
        if row is None:
            raise UnknownIdError(f"{self.path}: no conflict {conflict!r}")
        return _unpack(row[0], f"{self.path}: conflict {conflict}")

    def export(self, group: str, path: str | os.PathLike) -> Path:
        """Write the group's current journey to a file (any format ``servicepath.save`` writes)."""
        return save(self.load(group)[0], path)

    def progress(self) -> pd.DataFrame:
        """Per group: ``group``, ``version``, ``saved_at`` (of the current version), in group order."""
        rows = self._read.execute("SELECT id, version, saved_at FROM groups ORDER BY position")
        return pd.DataFrame(rows, columns=["group", "version", "saved_at"])


def _check_groups(ids: list[str]) -> None:
    if not 1 <= len(ids) <= MAX_GROUPS:
        raise SchemaError(f"{len(ids)} groups (expected 1…{MAX_GROUPS})", where="groups")
    for group in ids:
        if not isinstance(group, str) or not _GROUP_ID.match(group):
            raise SchemaError(f"{shown(group)} is not a group id (expected lower-case letters, digits and -)",
                              where="groups")
    if len(set(ids)) != len(ids):
        raise DuplicateIdError("two groups share one id", where="groups")
