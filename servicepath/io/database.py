"""SQLite databases that several processes write at once: WAL, short transactions, migrations.

Each kind of servicepath database (the customer-fitness store, a workshop
session) lists its schema as numbered migrations. Opening a database applies
the missing ones in one transaction and records the version in SQLite's
``user_version``; ``application_id`` tells a servicepath database of one kind
from any other SQLite file.

Writers take the write lock at the start (``BEGIN IMMEDIATE``) so two
transactions never deadlock upgrading a read lock, wait up to ``timeout``
seconds for each other, and retry a few times if SQLite still says busy.
WAL mode lets readers go on while one process writes. WAL needs shared
memory between the processes, so the file must be on a local disk, not a
network file system.
"""

from __future__ import annotations

import os
import random
import sqlite3
import time
from collections.abc import Callable, Sequence
from contextlib import closing
from pathlib import Path
from typing import TypeVar

from ..errors import FileFormatError, SaveError, SchemaVersionError

__all__ = ["Migration", "open_database", "write", "integrity", "BUSY_RETRIES"]

Migration = Sequence[str]  # the SQL statements of one schema version, run in order
T = TypeVar("T")
BUSY_RETRIES = 8
_SQLITE_HEADER = b"SQLite format 3\x00"


def open_database(path: str | os.PathLike, *, kind: str, application_id: int,
                  migrations: Sequence[Migration], timeout: float = 30.0) -> sqlite3.Connection:
    """Open (creating if needed) a database of ``kind`` and bring its schema up to date.

    Raises
    ------
    FileFormatError
        The file is not SQLite, or is a SQLite database of another kind.
    SchemaVersionError
        The database was written by a newer servicepath.
    """
    path = Path(path)
    _check_header(path, kind)
    try:
        connection = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    except sqlite3.Error as exc:
        raise FileFormatError(f"cannot open the {kind} database ({exc})", file=str(path)) from None
    try:
        connection.execute("PRAGMA foreign_keys = ON")
        mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if mode.lower() != "wal":
            raise FileFormatError(f"the {kind} database cannot use write-ahead logging (journal mode {mode}); "
                                  "keep it on a local disk", file=str(path))
        connection.execute("PRAGMA synchronous = NORMAL")  # safe with WAL: a crash loses no committed data
        write(connection, lambda c: _migrate(c, path, kind, application_id, migrations))
    except sqlite3.DatabaseError as exc:
        connection.close()
        raise FileFormatError(f"not a servicepath {kind} database ({exc})", file=str(path)) from None
    except BaseException:
        connection.close()
        raise
    return connection


def _check_header(path: Path, kind: str) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise FileFormatError(f"is a folder, not a {kind} database file", file=str(path))
    with open(path, "rb") as stream:
        if stream.read(len(_SQLITE_HEADER)) != _SQLITE_HEADER:
            raise FileFormatError(f"not a SQLite database (expected a servicepath {kind} database)",
                                  file=str(path))


def _migrate(connection: sqlite3.Connection, path: Path, kind: str, application_id: int,
             migrations: Sequence[Migration]) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    found_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if found_id != application_id and (found_id or tables):
        raise FileFormatError(f"a SQLite database, but not a servicepath {kind} database", file=str(path))
    if version > len(migrations):
        raise SchemaVersionError(f"the {kind} database has schema version {version}; this servicepath reads "
                                 f"versions up to {len(migrations)} (update servicepath)", file=str(path))
    for number in range(version, len(migrations)):
        for statement in migrations[number]:
            connection.execute(statement)
    connection.execute(f"PRAGMA application_id = {int(application_id)}")
    connection.execute(f"PRAGMA user_version = {len(migrations)}")


def write(connection: sqlite3.Connection, work: Callable[[sqlite3.Connection], T], *,
          retries: int = BUSY_RETRIES, file: str | None = None) -> T:
    """Run ``work(connection)`` in one write transaction: all of it is kept, or none.

    The transaction is retried (with a short random pause) when another
    process holds the database longer than the connection's timeout. Errors
    raised by ``work`` roll everything back and pass through.
    """
    for attempt in range(retries + 1):
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc) and attempt < retries:
                time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
                continue
            raise SaveError(f"{file + ': ' if file else ''}the database stayed busy; nothing was saved "
                            f"({exc})") from None
        try:
            result = work(connection)
            connection.execute("COMMIT")
            return result
        except sqlite3.OperationalError as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            if _busy(exc) and attempt < retries:
                continue
            raise
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise
    raise AssertionError("unreachable")  # the loop returns or raises


def _busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def integrity(connection: sqlite3.Connection) -> str:
    """SQLite's own check of the whole file: ``"ok"`` or the first problems it found."""
    with closing(connection.execute("PRAGMA integrity_check")) as cursor:
        return "; ".join(row[0] for row in cursor.fetchall())
