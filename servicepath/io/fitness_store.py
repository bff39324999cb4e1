"""The customer-fitness database: people, teams, rounds, answers and customer interviews in SQLite.

One ``servicepath.db`` file per organisation or workshop folder. Answers and
interviews are append-only: a correction is a new row, the latest row of a
person, round and item is the answer, and every earlier one stays as history.
The one exception is :meth:`FitnessStore.erase_person`, which removes
everything about a person on request and logs only when and how many rows.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import UTC, date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from ..analysis.fitness import FITNESS_ANSWER_COLUMNS, MIN_RESPONDENTS, FitnessReport, fitness_report
from ..errors import DuplicateIdError, SchemaError, UnknownIdError, shown
from ..model.fitness import (
    FITNESS_AREAS,
    FITNESS_ITEMS,
    FITNESS_METHODS,
    FitnessAnswer,
    Interview,
    check_level,
    check_note,
)
from ..model.timestamps import format_timestamp
from .database import integrity, open_database, write

__all__ = ["FitnessStore", "DEFAULT_DATABASE", "INTERVIEW_COLUMNS"]

DEFAULT_DATABASE = "servicepath.db"
APPLICATION_ID = 0x53504654  # "SPFT": a servicepath fitness database
INTERVIEW_COLUMNS = ["round", "opened", "team", "touchpoint", "got", "got_why", "again", "again_why", "recommend",
                     "recommend_why", "asked_at"]
MAX_NAME_LENGTH = 200

_APPEND_ONLY = """
CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table}
BEGIN SELECT RAISE(ABORT, '{table} are append-only: save a new row instead'); END
"""
_KEPT = """
CREATE TRIGGER {table}_kept BEFORE DELETE ON {table}
WHEN NOT EXISTS (SELECT 1 FROM erasing WHERE person_id = OLD.{person})
BEGIN SELECT RAISE(ABORT, '{table} are kept: only erasing a person removes rows'); END
"""

MIGRATIONS = [
    (
        """CREATE TABLE teams (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, target_level TEXT NOT NULL DEFAULT 'good',
            covers TEXT NOT NULL DEFAULT '[]', created_at TEXT NOT NULL)""",
        """CREATE TABLE people (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, role TEXT NOT NULL DEFAULT '',
            team_id INTEGER REFERENCES teams(id), shares_answers INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL)""",
        """CREATE TABLE rounds (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, opened TEXT NOT NULL)""",
        """CREATE TABLE answers (
            id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES rounds(id),
            person_id INTEGER NOT NULL REFERENCES people(id), team_id INTEGER REFERENCES teams(id),
            item TEXT NOT NULL, value INTEGER NOT NULL CHECK (value BETWEEN 1 AND 5),
            note TEXT NOT NULL DEFAULT '', answered_at TEXT NOT NULL)""",
        "CREATE INDEX answers_latest ON answers (round_id, person_id, item, id)",
        """CREATE TABLE interviews (
            id INTEGER PRIMARY KEY, round_id INTEGER NOT NULL REFERENCES rounds(id),
            team_id INTEGER REFERENCES teams(id), asked_by INTEGER REFERENCES people(id),
            touchpoint TEXT NOT NULL DEFAULT '',
            got TEXT CHECK (got IN ('yes', 'partly', 'no')), got_why TEXT NOT NULL DEFAULT '',
            again TEXT CHECK (again IN ('yes', 'partly', 'no')), again_why TEXT NOT NULL DEFAULT '',
            recommend INTEGER CHECK (recommend BETWEEN 0 AND 10), recommend_why TEXT NOT NULL DEFAULT '',
            asked_at TEXT NOT NULL)""",
        # Who was erased is not kept; only that an erasure happened.
        "CREATE TABLE erasures (id INTEGER PRIMARY KEY, erased_at TEXT NOT NULL, rows_removed INTEGER NOT NULL)",
        # Holds a person's id only inside the transaction that erases them: the delete triggers' key.
        "CREATE TABLE erasing (person_id INTEGER PRIMARY KEY)",
        _APPEND_ONLY.format(table="answers"),
        _APPEND_ONLY.format(table="interviews"),
        _KEPT.format(table="answers", person="person_id"),
        _KEPT.format(table="interviews", person="asked_by"),
    ),
]


def _now() -> str:
    return format_timestamp(datetime.now(UTC))


def _name(value, what: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_NAME_LENGTH or not value.isprintable():
        raise SchemaError(f"{shown(value)} is not a {what} name (expected 1…{MAX_NAME_LENGTH} printable "
                          "characters)", where=what)
    return value.strip()


class FitnessStore:
    """A customer-fitness database file (SQLite), created on first use.

    Several processes may open the same file and save at once: each save is
    one short transaction and waits for the others. Keep the file on a local
    disk (SQLite's write-ahead log does not work over network file systems).

    Parameters
    ----------
    path : str or os.PathLike
        The database file, ``servicepath.db`` in the current folder by default.
    timeout : float
        Seconds a save waits for another process's save before retrying.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> with FitnessStore(folder / "servicepath.db") as store:
    ...     store.add_team("Asiakaspalvelu", target="excellent")
    ...     store.add_person("Aino", team="Asiakaspalvelu")
    ...     store.new_round("2026-Q4", opened="2026-11-23")
    ...     store.save_answers("Aino", [FitnessAnswer("K1", 4), FitnessAnswer("S2", 5, "Kysyn ensin")])
    ...     store.answers()[["person", "team", "item", "value"]].values.tolist()
    '2026-Q4'
    2
    [['Aino', 'Asiakaspalvelu', 'K1', 4], ['Aino', 'Asiakaspalvelu', 'S2', 5]]
    """

    def __init__(self, path: str | os.PathLike = DEFAULT_DATABASE, *, timeout: float = 30.0):
        self.path = Path(path)
        self._connection = open_database(self.path, kind="customer-fitness", application_id=APPLICATION_ID,
                                         migrations=MIGRATIONS, timeout=timeout)
        # Erased rows are overwritten on disk, not just unlinked.
        self._connection.execute("PRAGMA secure_delete = ON")

    # -- the file --------------------------------------------------------------------------
    def close(self) -> None:
        """Close the database; the store cannot be used afterwards."""
        self._connection.close()

    def __enter__(self) -> FitnessStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"FitnessStore({str(self.path)!r})"

    @property
    def schema_version(self) -> int:
        """The schema version of the file (the number of migrations applied)."""
        return self._connection.execute("PRAGMA user_version").fetchone()[0]

    def check(self) -> str:
        """SQLite's integrity check of the whole file: ``"ok"`` when sound."""
        return integrity(self._connection)

    def _write(self, work):
        return write(self._connection, work, file=str(self.path))

    def _rows(self, sql: str, params=()) -> list[tuple]:
        return self._connection.execute(sql, params).fetchall()

    # -- teams, people, rounds -------------------------------------------------------------
    def add_team(self, name: str, *, target: str | None = None, covers: Iterable[str] | None = None) -> None:
        """Add a team, or change its target level or what it covers.

        Parameters
        ----------
        target : {"good", "excellent", "very-best"}, optional
            The level the team aims at (``"good"`` for a new team).
        covers : iterable of str, optional
            Touchpoint ids or owner names whose touchpoints the team serves,
            besides the touchpoints whose owner is the team itself.
        """
        name = _name(name, "team")
        if target is not None:
            check_level(target)
        listed = None if covers is None else json.dumps([_name(c, "covered touchpoint") for c in covers],
                                                         ensure_ascii=False)

        def work(db):
            db.execute("INSERT INTO teams (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       (name, _now()))
            if target is not None:
                db.execute("UPDATE teams SET target_level = ? WHERE name = ?", (target, name))
            if listed is not None:
                db.execute("UPDATE teams SET covers = ? WHERE name = ?", (listed, name))

        self._write(work)

    def add_person(self, name: str, *, team: str | None = None, role: str | None = None,
                   shares_answers: bool | None = None) -> None:
        """Add a person, or change their team, role or choice to share their own answers.

        A new team name adds the team. ``shares_answers=True`` lets team
        reports show this person's own results; nobody's are shown otherwise.
        """
        name = _name(name, "person")
        team = None if team is None else _name(team, "team")
        role = None if role is None else check_note(role, "role")

        def work(db):
            db.execute("INSERT INTO people (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       (name, _now()))
            if team is not None:
                db.execute("INSERT INTO teams (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                           (team, _now()))
                db.execute("UPDATE people SET team_id = (SELECT id FROM teams WHERE name = ?) WHERE name = ?",
                           (team, name))
            if role is not None:
                db.execute("UPDATE people SET role = ? WHERE name = ?", (role, name))
            if shares_answers is not None:
                db.execute("UPDATE people SET shares_answers = ? WHERE name = ?", (int(bool(shares_answers)), name))

        self._write(work)

    def new_round(self, name: str | None = None, *, opened: str | date | None = None) -> str:
        """Open an assessment round (named by its date unless named); return its name.

        Raises
        ------
        DuplicateIdError
            A round of that name exists.
        """
        opened_on = _date(opened)
        name = _name(name if name is not None else opened_on, "round")

        def work(db):
            if db.execute("SELECT 1 FROM rounds WHERE name = ?", (name,)).fetchone():
                raise DuplicateIdError(f"a round called {name!r} exists already (expected a new name)",
                                       file=str(self.path), where="round")
            db.execute("INSERT INTO rounds (name, opened) VALUES (?, ?)", (name, opened_on))
            return name

        return self._write(work)

    def latest_round(self) -> str:
        """The round opened last; :class:`UnknownIdError` when there is none yet."""
        rows = self._rows("SELECT name FROM rounds ORDER BY opened DESC, id DESC LIMIT 1")
        if not rows:
            raise UnknownIdError(f"{self.path}: no assessment round yet (start one with new_round, or "
                                 "`servicepath fitness new-round`)")
        return rows[0][0]

    def rounds(self) -> pd.DataFrame:
        """Rounds, oldest first: ``round``, ``opened``, ``people`` who answered, ``answers`` (rows)."""
        rows = self._rows("""SELECT r.name, r.opened, COUNT(DISTINCT a.person_id), COUNT(a.id)
                             FROM rounds r LEFT JOIN answers a ON a.round_id = r.id
                             GROUP BY r.id ORDER BY r.opened, r.id""")
        return pd.DataFrame(rows, columns=["round", "opened", "people", "answers"])

    def teams(self) -> pd.DataFrame:
        """Teams by name: ``team``, ``target``, ``covers`` (list), ``people``."""
        rows = self._rows("""SELECT t.name, t.target_level, t.covers, COUNT(p.id) FROM teams t
                             LEFT JOIN people p ON p.team_id = t.id GROUP BY t.id ORDER BY t.name""")
        return pd.DataFrame([(n, t, json.loads(c), k) for n, t, c, k in rows],
                            columns=["team", "target", "covers", "people"])

    def people(self) -> pd.DataFrame:
        """People by name: ``person``, ``team``, ``role``, ``shares_answers``."""
        rows = self._rows("""SELECT p.name, COALESCE(t.name, ''), p.role, p.shares_answers FROM people p
                             LEFT JOIN teams t ON t.id = p.team_id ORDER BY p.name""")
        frame = pd.DataFrame(rows, columns=["person", "team", "role", "shares_answers"])
        return frame.astype({"shares_answers": bool})

    def targets(self) -> dict[str, str]:
        """Each team's target level."""
        return dict(self._rows("SELECT name, target_level FROM teams"))

    def covers(self) -> dict[str, list[str]]:
        """What each team covers besides the touchpoints it owns."""
        return {name: json.loads(covers) for name, covers in self._rows("SELECT name, covers FROM teams")}

    # -- saving answers --------------------------------------------------------------------
    def _id(self, db, table: str, name: str, what: str) -> int:
        # table is one of our own table names, never user text; the name is a parameter
        row = db.execute(f"SELECT id FROM {table} WHERE name = ?", (name,)).fetchone()  # noqa: S608
        if row is None:
            raise UnknownIdError(f"{self.path}: no {what} {shown(name)} (expected one of the {what}s in the "
                                 f"database{'; add them first' if what == 'person' else ''})")
        return row[0]

    def _round_id(self, db, round_: str | None) -> int:
        return self._id(db, "rounds", self.latest_round() if round_ is None else round_, "round")

    def save_answers(self, person: str, answers: Iterable[FitnessAnswer], *, round: str | None = None) -> int:
        """Save a person's answers in one transaction (the latest round unless named); return how many.

        Earlier answers to the same items stay in the history; the new ones
        become the answers.
        """
        answers = list(answers)
        for answer in answers:
            if not isinstance(answer, FitnessAnswer):
                raise SchemaError(f"{shown(answer)} is not a FitnessAnswer", where="answers")
        now = _now()

        def work(db):
            round_id = self._round_id(db, round)
            person_id = self._id(db, "people", person, "person")
            team_id = db.execute("SELECT team_id FROM people WHERE id = ?", (person_id,)).fetchone()[0]
            db.executemany(
                "INSERT INTO answers (round_id, person_id, team_id, item, value, note, answered_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(round_id, person_id, team_id, a.item, a.value, a.note, now) for a in answers])
            return len(answers)

        return self._write(work)

    def save_batch(self, answers: Iterable[tuple[str, str | None, FitnessAnswer]],
                   interviews: Iterable[tuple[str | None, Interview]] = (), *, round: str | None = None) -> int:
        """Save many people's answers and interviews in one transaction: all are kept, or none.

        Parameters
        ----------
        answers : iterable of (person, team, FitnessAnswer)
            People not yet in the database are added; a team given for a
            person becomes their team (None keeps it).
        interviews : iterable of (team, Interview)
            Customer interviews; team None is the whole organisation.

        Returns
        -------
        int
            The number of answers saved.
        """
        answers, interviews = list(answers), list(interviews)
        for person, team, answer in answers:
            _name(person, "person")
            if team is not None:
                _name(team, "team")
            if not isinstance(answer, FitnessAnswer):
                raise SchemaError(f"{shown(answer)} is not a FitnessAnswer", where="answers")
        for _team, interview in interviews:
            if not isinstance(interview, Interview):
                raise SchemaError(f"{shown(interview)} is not an Interview", where="interviews")
        now = _now()

        def team_id(db, team):
            if team is None:
                return None
            db.execute("INSERT INTO teams (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                       (team.strip(), now))
            return self._id(db, "teams", team.strip(), "team")

        def work(db):
            round_id = self._round_id(db, round)
            rows = []
            for person, team, answer in answers:
                person = person.strip()
                db.execute("INSERT INTO people (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
                           (person, now))
                if team is not None:
                    db.execute("UPDATE people SET team_id = ? WHERE name = ?", (team_id(db, team), person))
                person_id, person_team = db.execute("SELECT id, team_id FROM people WHERE name = ?",
                                                    (person,)).fetchone()
                rows.append((round_id, person_id, person_team, answer.item, answer.value, answer.note, now))
            db.executemany("INSERT INTO answers (round_id, person_id, team_id, item, value, note, answered_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
            for team, i in interviews:
                db.execute(
                    "INSERT INTO interviews (round_id, team_id, touchpoint, got, got_why, again, again_why, "
                    "recommend, recommend_why, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (round_id, team_id(db, team), i.touchpoint, i.got, i.got_why, i.again, i.again_why,
                     i.recommend, i.recommend_why, now))
            return len(rows)

        return self._write(work)

    def save_interview(self, interview: Interview, *, team: str | None = None, round: str | None = None,
                       asked_by: str | None = None) -> None:
        """Save one customer interview for a team (or the whole organisation) in a round."""
        if not isinstance(interview, Interview):
            raise SchemaError(f"{shown(interview)} is not an Interview", where="interview")
        i = interview

        def work(db):
            round_id = self._round_id(db, round)
            team_id = None if team is None else self._id(db, "teams", team, "team")
            asker = None if asked_by is None else self._id(db, "people", asked_by, "person")
            db.execute(
                "INSERT INTO interviews (round_id, team_id, asked_by, touchpoint, got, got_why, again, again_why, "
                "recommend, recommend_why, asked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (round_id, team_id, asker, i.touchpoint, i.got, i.got_why, i.again, i.again_why, i.recommend,
                 i.recommend_why, _now()))

        self._write(work)

    # -- reading ---------------------------------------------------------------------------
    def answers(self, *, round: str | None = None, team: str | None = None,
                person: str | None = None) -> pd.DataFrame:
        """The answers (the latest row per person, round and item), columns ``FITNESS_ANSWER_COLUMNS``.

        ``team`` is the team the person was in when answering, so moving
        people between teams does not rewrite a team's history.
        """
        return self._answer_rows(latest=True, round=round, team=team, person=person)

    def history(self, *, round: str | None = None, team: str | None = None,
                person: str | None = None) -> pd.DataFrame:
        """Every answer row ever saved, corrections included, oldest first (plus an ``id`` column)."""
        return self._answer_rows(latest=False, round=round, team=team, person=person)

    def _answer_rows(self, *, latest: bool, round, team, person) -> pd.DataFrame:
        # Rows come as integer ids and become categoricals through small lookups: 180,000 answers of
        # 1,000 people read in a fraction of the time that joining names in SQL takes, and group fast.
        rounds = self._rows("SELECT id, name, opened FROM rounds ORDER BY opened, id")
        people = self._rows("SELECT id, name FROM people ORDER BY name")
        teams = [(0, ""), *self._rows("SELECT id, name FROM teams ORDER BY name")]
        where, params = [], []
        if latest:
            where.append("id IN (SELECT MAX(id) FROM answers GROUP BY round_id, person_id, item)")
        for column, value, known in (("round_id", round, rounds), ("team_id", team, teams[1:]),
                                     ("person_id", person, people)):
            if value is not None:
                found = next((row[0] for row in known if row[1] == value), None)
                if found is None:
                    what = column.removesuffix("_id")
                    raise UnknownIdError(f"{self.path}: no {what} {shown(value)} (expected one of "
                                         f"{', '.join(str(row[1]) for row in known[:10]) or 'none yet'})")
                where.append(f"{column} = ?")
                params.append(found)
        sql = f"""SELECT id, round_id, person_id, COALESCE(team_id, 0), item, value, note, answered_at FROM answers
                  {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY id"""  # noqa: S608
        raw = pd.DataFrame(self._rows(sql, params),
                           columns=["id", "round", "person", "team", "item", "value", "note", "answered_at"])
        round_codes = _codes(raw["round"], [r[0] for r in rounds])
        item_codes = pd.Categorical(raw["item"], categories=_ITEM_IDS).codes
        frame = pd.DataFrame({
            "id": raw["id"].astype("int64"),
            "round": pd.Categorical.from_codes(round_codes, [r[1] for r in rounds]),
            "opened": _opened(round_codes, rounds),
            "person": pd.Categorical.from_codes(_codes(raw["person"], [p[0] for p in people]), [p[1] for p in people]),
            "team": pd.Categorical.from_codes(_codes(raw["team"], [t[0] for t in teams]), [t[1] for t in teams]),
            "item": pd.Categorical.from_codes(item_codes, _ITEM_IDS),
            "area": pd.Categorical.from_codes(_ITEM_AREA[item_codes], list(FITNESS_AREAS)),
            "method": pd.Categorical.from_codes(_ITEM_METHOD[item_codes], list(FITNESS_METHODS)),
            "value": raw["value"].astype("int64"),
            "note": raw["note"],
            "answered_at": raw["answered_at"],
        })
        if latest:  # rounds oldest first, people by name, items in questionnaire order
            order = np.lexsort((item_codes, frame["person"].cat.codes, round_codes))
            frame = frame.take(order).reset_index(drop=True)
            return frame[FITNESS_ANSWER_COLUMNS]
        return frame[["id", *FITNESS_ANSWER_COLUMNS]]

    def interviews(self, *, round: str | None = None, team: str | None = None) -> pd.DataFrame:
        """Customer interviews, columns ``INTERVIEW_COLUMNS`` (``team`` is "" for the whole organisation)."""
        where, params = [], []
        for column, value in (("r.name", round), ("t.name", team)):
            if value is not None:
                where.append(f"{column} = ?")
                params.append(value)
        sql = f"""SELECT r.name, r.opened, COALESCE(t.name, ''), i.touchpoint, i.got, i.got_why, i.again,
                         i.again_why, i.recommend, i.recommend_why, i.asked_at
                  FROM interviews i JOIN rounds r ON r.id = i.round_id LEFT JOIN teams t ON t.id = i.team_id
                  {'WHERE ' + ' AND '.join(where) if where else ''} ORDER BY i.id"""  # noqa: S608
        frame = pd.DataFrame(self._rows(sql, params), columns=INTERVIEW_COLUMNS)
        frame["recommend"] = frame["recommend"].astype("Int64")
        return frame

    def report(self, *, team: str | None = None, min_respondents: int = MIN_RESPONDENTS,
               lang: str = "en") -> FitnessReport:
        """A team's report over all rounds (the whole organisation when ``team`` is None).

        See :func:`servicepath.fitness_report`; the privacy rule applies.
        """
        if team is not None:
            self._id(self._connection, "teams", team, "team")
        answers = self.answers(team=team)
        interviews = self.interviews(team=team)
        sharing = set(self.people().query("shares_answers")["person"])
        return fitness_report(answers, interviews, team=team, targets=self.targets(), sharing=sharing,
                              min_respondents=min_respondents, lang=lang)

    # -- erasure ---------------------------------------------------------------------------
    def erase_person(self, name: str) -> int:
        """Remove a person and every row about them (their right to erasure); return the rows removed.

        Their answers and the interviews they recorded go too. The erasure
        is logged with its time and the number of rows, never the name.
        """

        def work(db):
            person_id = self._id(db, "people", name, "person")
            db.execute("INSERT INTO erasing (person_id) VALUES (?)", (person_id,))
            removed = db.execute("DELETE FROM answers WHERE person_id = ?", (person_id,)).rowcount
            removed += db.execute("DELETE FROM interviews WHERE asked_by = ?", (person_id,)).rowcount
            removed += db.execute("DELETE FROM people WHERE id = ?", (person_id,)).rowcount
            db.execute("DELETE FROM erasing WHERE person_id = ?", (person_id,))
            db.execute("INSERT INTO erasures (erased_at, rows_removed) VALUES (?, ?)", (_now(), removed))
            return removed

        removed = self._write(work)
        # Move the deletions out of the write-ahead log into the (overwritten) main file.
        self._connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed

    def erasures(self) -> pd.DataFrame:
        """The erasure log: ``erased_at`` and ``rows_removed``, nothing about who."""
        return pd.DataFrame(self._rows("SELECT erased_at, rows_removed FROM erasures ORDER BY id"),
                            columns=["erased_at", "rows_removed"])


_ITEM_IDS = [item.id for item in FITNESS_ITEMS]
_ITEM_AREA = np.array([FITNESS_AREAS.index(item.area) for item in FITNESS_ITEMS] + [-1])  # [-1]: unknown item
_ITEM_METHOD = np.array([FITNESS_METHODS.index(item.method) for item in FITNESS_ITEMS] + [-1])


def _codes(ids: pd.Series, order: list[int]) -> np.ndarray:
    """Positions of database ids in ``order`` (-1 where absent): the codes of a categorical."""
    position = np.full(max(order, default=0) + 2, -1, dtype=np.int64)
    position[order] = np.arange(len(order))
    values = ids.to_numpy(dtype=np.int64)
    return position[np.clip(values, 0, len(position) - 1)]


def _opened(round_codes: np.ndarray, rounds: list[tuple]) -> pd.Categorical:
    dates = sorted({r[2] for r in rounds})
    index = np.array([dates.index(r[2]) for r in rounds] + [-1], dtype=np.int64)
    return pd.Categorical.from_codes(index[round_codes], dates)


def _date(value) -> str:
    if value is None:
        return date.today().isoformat()
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SchemaError(f"{shown(value)} is not a date (expected YYYY-MM-DD)", where="opened") from None

