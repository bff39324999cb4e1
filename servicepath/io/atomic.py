"""Atomic saving: write a temporary file beside the target, fsync, then rename over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..errors import SaveError

__all__ = ["atomic_write"]


def atomic_write(path: str | os.PathLike, write: Callable[[BinaryIO], None]) -> Path:
    """Call ``write(file)`` on a temporary file and move it over ``path`` only if it succeeds.

    A failure at any point (in ``write``, a full disk, a crash) leaves the
    previous file at ``path`` exactly as it was.

    Raises
    ------
    SaveError
        Naming the file and the reason; the temporary file is removed.
    """
    target = Path(path)
    if target.is_dir():
        raise SaveError(f"{target}: is a folder; give a file name to save to")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as temp:
            write(temp)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        if isinstance(exc, (KeyboardInterrupt, SystemExit)):
            raise
        raise SaveError(f"{target}: could not save ({exc}); the previous file is untouched") from exc
    _sync_folder(target.parent)
    return target


def _mode_for(target: Path) -> int:
    """The old file's permissions, or what a plain new file would get (mkstemp makes 0600)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable; not possible on every platform (Windows), hence best effort.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
