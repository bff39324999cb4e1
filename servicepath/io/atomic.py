"""Atomic saving: write temporary files beside the targets, fsync, then rename over them."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import SaveError

__all__ = ["atomic_write", "atomic_write_many"]

Writer = Callable[[BinaryIO], None]


def atomic_write(path: str | os.PathLike, write: Writer) -> Path:
    """Call ``write(file)`` on a temporary file and move it over ``path`` only if it succeeds.

    A failure at any point (in ``write``, a full disk, a crash) leaves the
    previous file at ``path`` exactly as it was.

    Raises
    ------
    SaveError
        Naming the file and the reason; the temporary file is removed.
    """
    atomic_write_many({Path(path): write})
    return Path(path)


def atomic_write_many(files: dict[Path, Writer]) -> None:
    """Write several files so that either all are new or all are as they were.

    Every file is first written and synced to a temporary name; only then are
    they renamed over the targets. If a rename fails, the files already
    renamed are put back from hard-link backups of the old ones.
    """
    # Saving through a symbolic link replaces the file it points to, not the link.
    files = {Path(os.path.realpath(path)): write for path, write in files.items()}
    temps: dict[Path, str] = {}
    backups: dict[Path, str | None] = {}
    done: list[Path] = []
    current = next(iter(files), Path("."))
    try:
        for current, write in files.items():
            temps[current] = _write_temp(current, write)
        if len(files) > 1:  # one file needs no roll-back: its rename is all or nothing
            for current in files:
                backups[current] = _backup(current)
        for current in files:
            os.replace(temps[current], current)
            del temps[current]
            done.append(current)
    except BaseException as exc:
        _roll_back(done, backups)
        for temp in temps.values():
            with contextlib.suppress(OSError):
                os.unlink(temp)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise SaveError(f"{current}: could not save ({exc}); the previous file is untouched") from exc
    finally:
        for backup in backups.values():
            if backup:
                with contextlib.suppress(OSError):
                    os.unlink(backup)
    for folder in {p.parent for p in files}:
        _sync_folder(folder)


def _write_temp(target: Path, write: Writer) -> str:
    if target.is_dir():
        raise IsADirectoryError(f"{target} is a folder; give a file name to save to")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            write(temp)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, _mode_for(target))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    return temp_name


def _backup(target: Path) -> str | None:
    """A copy of the old file under a temporary name (None if there is no old file)."""
    if not target.exists():
        return None
    name = str(target.parent / f".{target.name}.{uuid.uuid4().hex[:12]}.old")
    try:
        os.link(target, name)
    except OSError:  # no hard links here (FAT, some network drives): copy instead
        shutil.copy2(target, name)
    return name


def _roll_back(done: list[Path], backups: dict[Path, str | None]) -> None:
    for target in reversed(done):
        with contextlib.suppress(OSError):
            if backups.get(target):
                os.replace(backups[target], target)
                backups[target] = None
            else:
                os.unlink(target)  # it did not exist before this save


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a plain new file would get (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the renames themselves durable; not possible on every platform (Windows), hence best effort.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
