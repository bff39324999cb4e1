"""The journey a workshop group works on: every change goes through here, is saved and can be undone.

Widgets never change a journey directly. They hand a change to
:meth:`Workbench.change`, which checks it, keeps a copy for undo, saves the
file atomically (so closing the browser tab loses nothing) and bumps
:attr:`Workbench.version`, which every widget observes to redraw. State lives
in traits, so tests drive a workbench with no browser at all.

In a workshop session (:meth:`Workbench.in_session`) the journey lives in the
group's row of the session database instead of a file: every change is saved
there as a new version, so the kernels of many groups (and of one group) can
save at the same time without losing anything.
"""

from __future__ import annotations

import os
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import traitlets

from ..errors import ConflictError, ServicepathError
from ..i18n import LANGUAGES, label
from ..io import load, load_sample, save
from ..io.files import checked_document
from ..io.session import Session
from ..model import Journey, validate

__all__ = ["Workbench", "UNDO_DEPTH"]

#: How many changes can be undone, one after the other.
UNDO_DEPTH = 50


class Workbench(traitlets.HasTraits):
    """A journey, the file it is saved to, the workshop's language and an undo history.

    Parameters
    ----------
    journey : Journey
    path : path-like, optional
        Where every change is saved (``.journey.json``, ``.yaml`` or ``.xlsx``);
        without it nothing is saved until :meth:`save` is given a path.
    lang : {"fi", "en"}
    autosave : bool
        Save after every change (the default; a workshop should never lose a note).

    Examples
    --------
    >>> import servicepath as sp, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "w.journey.json"
    >>> bench = Workbench(sp.load_sample("webshop"), path)
    >>> bench.change("emotion of payment", lambda j: j.update_touchpoint("pay", emotion=-1))
    True
    >>> sp.load(path).touchpoint("pay").emotion, bench.version
    (-1, 1)
    >>> bench.undo(), bench.journey.touchpoint("pay").emotion, sp.load(path).touchpoint("pay").emotion
    (True, -2, -2)
    """

    lang = traitlets.Unicode("fi")
    version = traitlets.Int(0, help="Bumped after every change, undo and load; widgets observe it.")
    status = traitlets.Unicode("", help="What the last action did, or why it was refused, in plain words.")

    def __init__(self, journey: Journey, path: str | os.PathLike | None = None, *, lang: str = "fi",
                 autosave: bool = True):
        super().__init__(lang=lang)
        self.journey = journey
        self.path = Path(path) if path is not None else None
        self.autosave = autosave
        self._undo: list[tuple[str, Journey, Path | None]] = []
        self._disk = _fingerprint(self.path)  # what the file looked like when this workbench last read or wrote it
        #: Where a notebook writes what it makes besides the journey (exports, plans).
        self.work_folder = self.path.parent if self.path is not None else Path("work")
        #: When set, files can be saved, opened and exported only inside this folder (see :meth:`open`).
        self.root: Path | None = None
        self._home: _SessionHome | None = None  # set by in_session: the journey lives in a session, not a file

    @traitlets.validate("lang")
    def _check_lang(self, proposal):
        if proposal["value"] not in LANGUAGES:
            raise traitlets.TraitError(f"unknown language {proposal['value']!r}; use one of {', '.join(LANGUAGES)}")
        return proposal["value"]

    # -- opening -------------------------------------------------------------------------------------
    @classmethod
    def open(cls, source: str, work_folder: str | os.PathLike = "work", *, lang: str = "fi") -> Workbench:
        """A workbench on a bundled sample (copied into ``work_folder``) or on a journey file.

        A sample is never changed in place: its working copy is
        ``<work_folder>/<sample>.journey.json``, reused if it is already there
        so a group carries on where it stopped. A journey file of your own is
        worked on where it is. The environment variable ``SERVICEPATH_WORK``,
        when set, replaces ``work_folder`` (the test suite points it at a
        temporary folder so running the notebooks never touches a real
        workshop's work). The folder used is :attr:`work_folder`.
        """
        from ..io import SAMPLES

        work = Path(os.environ.get("SERVICEPATH_WORK") or work_folder)
        if source in SAMPLES:
            path = work / f"{source}.journey.json"
            if path.exists():
                bench = cls(load(path, strict=False), path, lang=lang)
            else:
                bench = cls(load_sample(source), path, lang=lang)
                bench.save()
        else:
            bench = cls(load(source, strict=False), source, lang=lang)
        bench.work_folder = work
        # What people type into a save, open or export field stays inside the folder the notebook works in:
        # in a Voilà app on the room's network, a participant must not write or read files elsewhere.
        bench.root = work if source in SAMPLES else Path(source).parent
        return bench

    @classmethod
    def in_session(cls, session: Session | str | os.PathLike, group: str, *, lang: str = "fi") -> Workbench:
        """A workbench on one group's journey in a workshop session: every change is saved in the session.

        There is no journey file: each change, undo or opened file is saved as
        the group's next version, made on the version this workbench last read
        or wrote. A change after someone else saved the group is made on top of
        their journey. If another kernel saves the group in the instant between,
        the session refuses the save and keeps it as a conflict, and the
        workbench shows the newer journey and says so in :attr:`status`.
        :meth:`save` with a path writes a copy of the journey to a file.

        Parameters
        ----------
        session : Session or path-like
            The session, or its folder.
        group : str
            The group's id, e.g. ``"group-1"``.

        Examples
        --------
        >>> import servicepath as sp, tempfile
        >>> from servicepath.io.session import Session
        >>> session = Session.create(tempfile.mkdtemp(), kit="payment-moment", groups=2,
        ...                          journey=sp.load_sample("webshop"))
        >>> bench = Workbench.in_session(session, "group-2", lang="en")
        >>> bench.change("calmer payment", lambda j: j.update_touchpoint("pay", emotion=0))
        True
        >>> session.load("group-2")[0].touchpoint("pay").emotion, bench.session_version, bench.path
        (0, 1, None)
        """
        session = session if isinstance(session, Session) else Session(session)
        home = _SessionHome(session, group)
        bench = cls(home.loaded, lang=lang)
        bench._home = home
        bench.work_folder = session.folder / group  # the group's exports and plans
        bench.root = session.folder
        return bench

    @property
    def session(self) -> Session | None:
        """The workshop session the journey is saved in (``None`` when it is saved to a file)."""
        return self._home.session if self._home else None

    @property
    def group(self) -> str | None:
        """The session group whose journey this is (``None`` outside a session)."""
        return self._home.group if self._home else None

    @property
    def session_version(self) -> int | None:
        """The group's version this workbench last read or wrote (``None`` outside a session)."""
        return self._home.version if self._home else None

    def allowed(self, path: str | os.PathLike) -> Path | None:
        """``path`` if this workbench may use it (inside :attr:`root`), else ``None`` with the reason in the status.

        Examples
        --------
        >>> import servicepath as sp, tempfile, pathlib
        >>> bench = Workbench.open("webshop", pathlib.Path(tempfile.mkdtemp()))
        >>> work = bench.work_folder
        >>> bench.allowed(work / "copy.xlsx") == work / "copy.xlsx", bench.allowed(work / ".." / "x.xlsx")
        (True, None)
        """
        path = Path(path)
        if self.root is None:
            return path
        root = Path(os.path.realpath(self.root))
        target = Path(os.path.realpath(path))
        if target != root and root not in target.parents:
            self.refuse(label("widget.bench.outside", self.lang).format(name=path, root=self.root))
            return None
        return path

    # -- changing -------------------------------------------------------------------------------------
    def change(self, what: str, action: Callable[[Journey], object]) -> bool:
        """Apply ``action`` to the journey; keep it only if it works. Return whether it was kept.

        A refused change (one of servicepath's own errors, e.g. a duplicate id, a
        share out of range, or a value the file could not hold) leaves the journey
        exactly as it was and puts the reason in :attr:`status`; nothing is raised,
        so a workshop never sees a traceback. If another notebook or tab saved the
        file since, the change is made on top of that newer journey, not over it.
        """
        self._catch_up()
        before = self.journey.copy()
        try:
            action(self.journey)
            # refuse what cannot be saved (a session saves this checked document as it is)
            document = checked_document(self.journey, str(self.path) if self.path else None)
        except ServicepathError as exc:
            self.journey = before
            self.refuse(str(exc))
            return False
        self._undo.append((what, before, self.path))
        del self._undo[:-UNDO_DEPTH]
        return self._saved(f"✓ {what}", document)

    def undo(self) -> bool:
        """Take the last change back (and save); ``False`` when there is nothing to undo."""
        if self._catch_up():
            return False  # the file changed elsewhere: its history is not this tab's to undo
        if not self._undo:
            self.refuse(label("widget.bench.nothing_to_undo", self.lang))
            return False
        what, before, path = self._undo.pop()
        self.journey, self.path = before, path
        self._disk = _fingerprint(path)
        return self._saved("↶ " + label("widget.bench.undone", self.lang).format(what=what))

    def _catch_up(self) -> bool:
        """Reload the file if something else saved it since this workbench last read or wrote it.

        Two notebooks (or browser tabs) on one journey file each keep a copy in memory; without
        this, the second to save would silently drop the first one's work.
        """
        if self._home is not None:
            return self._home.catch_up(self)
        if self.path is None or _fingerprint(self.path) in (None, self._disk):
            return False
        try:
            newer = load(self.path, strict=False)
        except ServicepathError as exc:
            self.refuse(str(exc))
            return True
        self.journey, self._disk = newer, _fingerprint(self.path)
        self._undo.clear()
        self.version += 1
        self.refuse(label("widget.bench.changed_elsewhere", self.lang).format(name=self.path.name))
        return True

    def refuse(self, reason: str) -> None:
        """Say why something was not done (widgets call this for refusals before any change)."""
        self.status = f"✗ {reason}"

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    def problems(self):
        """The journey's validation problems now (see :func:`servicepath.validate`)."""
        return validate(self.journey)

    # -- files ----------------------------------------------------------------------------------------
    def save(self, path: str | os.PathLike | None = None) -> Path | None:
        """Save to ``path`` (which then becomes the workbench's file) or to the current file.

        Another journey's file is never replaced: saving to a different path that exists is refused.
        In a session, a path gets a copy of the journey and the work goes on being saved in the session.
        """
        if self._home is not None:
            return self._home.save(self, path)
        target = self.allowed(path) if path is not None else self.path
        if path is not None and target is None:
            return None
        if target is None:
            self.refuse(label("widget.bench.no_file", self.lang))
            return None
        if target != self.path and target.exists():
            self.refuse(label("widget.bench.exists", self.lang).format(name=target))
            return None
        if target == self.path and self._catch_up():
            return None  # newer work from elsewhere was opened instead of being overwritten
        try:
            written = save(self.journey, target)
        except ServicepathError as exc:
            self.refuse(label("widget.bench.not_saved", self.lang).format(reason=exc))
            return None
        self.path, self._disk = target, _fingerprint(target)
        self.status = "✓ " + label("widget.bench.saved", self.lang).format(name=written.name)
        return written

    def load(self, path: str | os.PathLike) -> bool:
        """Replace the journey with the one in ``path`` (undo brings the previous one and its file back)."""
        if self.allowed(path) is None:
            return False
        try:
            journey = load(path, strict=False)
        except ServicepathError as exc:
            self.refuse(str(exc))
            return False
        if self._home is not None:
            self._catch_up()  # undo must bring back the group's journey as it is now, and the save must not be stale
        self._undo.append((f"{label('widget.load', self.lang)} {Path(path).name}", self.journey, self.path))
        if self._home is not None:  # the group's journey in the session becomes the file's; undo brings it back
            self.journey = journey
            return self._saved("✓ " + label("widget.bench.opened", self.lang).format(name=Path(path).name))
        self.journey, self.path = journey, Path(path)
        self._disk = _fingerprint(self.path)
        self.version += 1
        self.status = "✓ " + label("widget.bench.opened", self.lang).format(name=Path(path).name)
        return True

    def _saved(self, message: str, document: dict | None = None) -> bool:
        """Save after a change; ``False`` only when a session refused it as a conflict (the change is withdrawn).

        ``document`` is the journey's checked document when the change made it already (a session reuses it).
        """
        self.version += 1
        if self.autosave and self._home is not None:
            return self._home.write(self, message, document)
        if self.autosave and self.path is not None:
            if self.save() is None:
                return True  # status already says why it was not saved
        self.status = message
        return True

    def _show_newer(self, journey: Journey, message: str) -> None:
        """Replace the journey with a newer one saved elsewhere; its history is not this tab's to undo."""
        self.journey = journey
        self._undo.clear()
        self.version += 1
        self.refuse(message)


class _SessionHome:
    """Where a session workbench's journey lives: one group's row in a workshop session.

    Keeps the group's version this workbench last read or wrote; a save carries it,
    so the session refuses (and keeps) a save made on an older journey.
    """

    def __init__(self, session: Session, group: str):
        self.session, self.group = session, group
        self.loaded, self.version = session.load(group)

    def catch_up(self, bench: Workbench) -> bool:
        """Show the group's newer journey if another kernel saved it since; ``True`` if so."""
        try:
            if self.session.version(self.group) == self.version:
                return False
            newer, self.version = self.session.load(self.group)
        except (ServicepathError, sqlite3.Error) as exc:
            bench.refuse(str(exc))
            return True
        bench._show_newer(newer, label("session.changed_elsewhere", bench.lang).format(
            group=self.group, version=self.version))
        return True

    def write(self, bench: Workbench, message: str, document: dict | None = None) -> bool:
        """Save the journey as the group's next version; ``False`` when refused as a conflict (the change is gone)."""
        outcome = self._store(bench, document)
        if outcome == "saved":
            bench.status = message
        return outcome != "conflict"

    def _store(self, bench: Workbench, document: dict | None = None) -> str:
        """``"saved"``, ``"conflict"`` (the newer journey is shown) or ``"failed"`` (the status says why)."""
        try:
            self.version = self.session.save(self.group, bench.journey, version=self.version, document=document)
        except ConflictError as exc:
            # another kernel of the group saved in the instant since the catch-up: the session kept this journey
            try:
                newer, self.version = self.session.load(self.group)
            except (ServicepathError, sqlite3.Error) as again:
                bench.refuse(str(again))
                return "conflict"
            bench._show_newer(newer, label("session.conflict", bench.lang).format(
                group=self.group, conflict=exc.conflict))
            return "conflict"
        except (ServicepathError, sqlite3.Error) as exc:
            bench.refuse(label("widget.bench.not_saved", bench.lang).format(reason=exc))
            return "failed"  # kept in memory: the next change or Save saves it
        return "saved"

    def save(self, bench: Workbench, path: str | os.PathLike | None) -> Path | None:
        """Save into the session (no path) or write a copy of the journey to ``path``."""
        if path is None:
            if bench._catch_up() or self._store(bench) != "saved":
                return None
            bench.status = "✓ " + label("session.saved", bench.lang).format(group=self.group, version=self.version)
            return self.session.path
        target = bench.allowed(path)
        if target is None:
            return None
        if target.exists():
            bench.refuse(label("widget.bench.exists", bench.lang).format(name=target))
            return None
        if bench._catch_up():
            return None  # the copy would miss the newer work: it is shown now, save again to copy it
        try:
            written = save(bench.journey.copy(), target)
        except ServicepathError as exc:
            bench.refuse(label("widget.bench.not_saved", bench.lang).format(reason=exc))
            return None
        bench.status = "✓ " + label("session.exported", bench.lang).format(name=written.name, group=self.group)
        return written


def _fingerprint(path: Path | None) -> int | None:
    """A checksum of the file's bytes (None when there is no file).

    The bytes, not the modification time: two saves within one tick of a coarse file-system clock
    would look the same by time.
    """
    if path is None:
        return None
    try:
        return zlib.crc32(path.read_bytes())
    except OSError:
        return None
