"""File names for exports: safe on Windows, macOS and Linux, and never outside the chosen folder."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from ..errors import SaveError, UnsupportedFormatError

__all__ = ["MAX_NAME_LENGTH", "safe_filename", "target_path", "output_path"]

#: The longest name :func:`safe_filename` gives, suffix included (well inside every file system's limit).
MAX_NAME_LENGTH = 100
# 255 bytes is the usual limit per name; 100 four-byte characters (emoji) would pass it.
_MAX_NAME_BYTES = 200
# Names Windows keeps for devices, whatever the ending ("con.xlsx" is the console too).
_RESERVED = {"con", "prn", "aux", "nul", "conin$", "conout$",
             *(f"{kind}{n}" for kind in ("com", "lpt") for n in (*"0123456789", "¹", "²", "³"))}
# Letters and digits of any language stay (ä, ö, å); everything else becomes a "-".
_UNSAFE = re.compile(r"[^\w.\-]+")
_DOTS = re.compile(r"\.{2,}")
_DASHES = re.compile(r"-{2,}")
_SUFFIX = re.compile(r"^(\.[A-Za-z0-9]+)*$")


def safe_filename(text: str, *, suffix: str = "", fallback: str = "journey") -> str:
    """A file name made from a title people wrote: one plain name, lower case, ``-`` for spaces.

    Path separators, ``..``, control characters and characters Windows
    refuses (``<>:"/\\|?*``) are replaced; Windows device names (``CON``,
    ``NUL``, ``COM1`` …) get a ``_``; the name is at most 100 characters,
    suffix included. Finnish letters are kept.

    Parameters
    ----------
    text : str
        The title, e.g. the journey's.
    suffix : str
        The file ending, e.g. ``".xlsx"`` (or ``""``).
    fallback : str
        Used when nothing of ``text`` is left (an empty or all-symbol title).

    Examples
    --------
    >>> safe_filename("Verkkokauppa: kahvinkeittimen ostaminen", suffix=".xlsx")
    'verkkokauppa-kahvinkeittimen-ostaminen.xlsx'
    >>> safe_filename("../../etc/passwd"), safe_filename("CON", suffix=".csv"), safe_filename("???")
    ('etc-passwd', 'con_.csv', 'journey')
    >>> safe_filename("Ä ö å")
    'ä-ö-å'
    """
    if not _SUFFIX.match(suffix) or len(suffix) > 20:
        raise ValueError(f"{suffix!r} is not a file ending; give e.g. '.xlsx' or ''")
    limit = MAX_NAME_LENGTH - len(suffix)
    stem = _clean(text, limit) or _clean(fallback, limit) or "journey"
    first = stem.split(".", 1)[0]
    if first in _RESERVED:  # "con.txt" is the console as well: mark the part before the first dot
        stem = (first + "_" + stem[len(first):])[:limit].rstrip(".- ")
    return stem + suffix


def _clean(text: str, limit: int) -> str:
    # NFC: macOS hands over "ä" as "a" + a combining mark; one form keeps names comparable.
    name = unicodedata.normalize("NFC", str(text)).lower()
    name = "".join(ch if unicodedata.category(ch)[0] != "C" else " " for ch in name)
    name = _UNSAFE.sub("-", name)
    name = _DASHES.sub("-", _DOTS.sub(".", name))
    name = _trim(name[:limit])
    while len(name.encode("utf-8")) > _MAX_NAME_BYTES:
        name = _trim(name[:-1])
    return name


def _trim(name: str) -> str:
    # A leading dot hides the file; Windows drops trailing dots and spaces; "-x" reads as an option.
    return name.strip(".-_ ")


def target_path(folder: str | os.PathLike, name: str, *, force: bool = False) -> Path:
    """The path of file ``name`` in ``folder``, checked before anything is written.

    Raises
    ------
    SaveError
        If ``name`` is not one plain file name, if the path would lead out of
        ``folder`` (also through a symbolic link), if it is a folder, or if
        the file exists and ``force`` is false.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> target_path(folder, "report.md").name
    'report.md'
    >>> _ = (folder / "report.md").write_text("old")
    >>> target_path(folder, "report.md")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    servicepath.errors.SaveError: .../report.md already exists; use force=True / --force to replace it
    >>> target_path(folder, "report.md", force=True).name
    'report.md'
    """
    folder = Path(folder)
    if not isinstance(name, str) or name in ("", ".", "..") or Path(name).name != name or "\\" in name:
        raise SaveError(f"{name!r} is not a plain file name for {folder}; make one with safe_filename()")
    path = folder / name
    if Path(os.path.realpath(path)).parent != Path(os.path.realpath(folder)):
        raise SaveError(f"{path} leads outside {folder}; not written")
    if path.is_dir():
        raise SaveError(f"{path} is a folder; give the name of a file to write")
    if (path.exists() or path.is_symlink()) and not force:
        raise SaveError(f"{path} already exists; use force=True / --force to replace it")
    return path


def output_path(path: str | os.PathLike, *, suffix: str, title: str, force: bool = False) -> Path:
    """Where an export goes: ``path`` itself, or a file named after ``title`` when ``path`` is a folder.

    A file path must end in ``suffix`` (so ``report.md`` is never written as
    a workbook by mistake).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> output_path(folder, suffix=".xlsx", title="Kahvila / Café").name
    'kahvila-café.xlsx'
    >>> output_path(folder / "plan.xlsx", suffix=".xlsx", title="ignored").name
    'plan.xlsx'
    """
    path = Path(path)
    if path.is_dir():
        return target_path(path, safe_filename(title, suffix=suffix), force=force)
    if not path.name.lower().endswith(suffix):
        raise UnsupportedFormatError(f"{path}: this export writes a {suffix} file; give a name ending in "
                                     f"{suffix}, or a folder")
    return target_path(path.parent, path.name, force=force)
