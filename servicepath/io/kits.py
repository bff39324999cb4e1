"""Find and read workshop kits: ``workshops/<kit>/kit.yaml`` and its facilitator guides.

``kit.yaml`` is read as data only (a safe YAML loader that refuses aliases);
nothing in a kit is ever executed. The kits ship in the repository's
``workshops/`` folder (found when servicepath is installed in editable mode,
as ``make setup`` does); another folder of kits can be given to every
function (and to the command line as ``--kits DIR``).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import FileFormatError, InputError, SchemaError, UnknownIdError
from ..model.journey import Journey
from ..model.kit import EMPTY_JOURNEY, KIT_LANGUAGES, Kit
from ..model.starter import new_journey
from .files import _parse_yaml
from .samples import SAMPLES, load_sample

__all__ = ["KITS_FOLDER", "NOTEBOOKS_FOLDER", "KIT_FILE", "MAX_KIT_BYTES", "load_kit", "find_kits", "find_kit",
           "kit_journey", "read_guide"]

_ROOT = Path(__file__).resolve().parents[2]
#: The repository's folder of kits (it exists when servicepath runs from a clone, e.g. an editable install).
KITS_FOLDER = _ROOT / "workshops"
#: The repository's notebooks; a kit's steps may only name notebooks found here (when the folder exists).
NOTEBOOKS_FOLDER = _ROOT / "notebooks"
#: The name of a kit's description file inside its folder.
KIT_FILE = "kit.yaml"
#: ``kit.yaml`` and guide files larger than this are refused before reading.
MAX_KIT_BYTES = 1024 * 1024


def load_kit(path: str | os.PathLike, *, notebooks: str | os.PathLike | None = NOTEBOOKS_FOLDER) -> Kit:
    """Read and check one kit: its folder or its ``kit.yaml``.

    Parameters
    ----------
    path : path-like
        The kit's folder or its ``kit.yaml``.
    notebooks : path-like or None
        The folder of notebooks the steps' ``notebook`` fields must name
        (default: the repository's ``notebooks/``; not checked when that
        folder does not exist or ``notebooks`` is None).

    Raises
    ------
    SchemaError
        Naming the file and the field (e.g. ``agenda[2].minutes``); also when
        the kit's id is not its folder's name, a guide is missing or a step
        names a notebook that does not exist.
    FileFormatError
        When the file is not UTF-8 YAML, is too large or uses YAML aliases.

    Examples
    --------
    >>> kit = load_kit(KITS_FOLDER / "payment-moment")
    >>> kit.id, kit.duration, kit.journey
    ('payment-moment', 90, 'webshop')
    """
    path = Path(path)
    file = path / KIT_FILE if path.is_dir() or path.suffix == "" else path
    folder = file.parent
    name = str(file)
    kit = Kit.from_dict(_parse_yaml(_read_text(file), name), name, samples=SAMPLES, folder=folder)
    if kit.id != folder.name:
        raise SchemaError(f"the kit's id {kit.id!r} is not its folder's name {folder.name!r}; make them the same",
                          file=name, where="id")
    for lang in KIT_LANGUAGES:
        if not (folder / kit.guides[lang]).is_file():
            raise SchemaError(f"the guide {kit.guides[lang]!r} is not in {folder}", file=name, where=f"guides.{lang}")
    _check_notebooks(kit, name, Path(notebooks) if notebooks is not None else None)
    return kit


def _read_text(file: Path) -> str:
    try:
        size = file.stat().st_size
        if size > MAX_KIT_BYTES:
            raise FileFormatError(f"the file is {size:,} bytes; kit files may be at most {MAX_KIT_BYTES:,}",
                                  file=str(file))
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file; a kit is a folder with a kit.yaml", file=str(file)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a kit.yaml", file=str(file)) from None
    except PermissionError:
        raise InputError("not allowed to read this file", file=str(file)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); save the "
                              "file as UTF-8", file=str(file)) from None
    if not text.strip():
        raise FileFormatError("the file is empty; expected a kit", file=str(file))
    return text


def _check_notebooks(kit: Kit, file: str, notebooks: Path | None) -> None:
    if notebooks is None or not notebooks.is_dir():
        return  # servicepath installed without the repository: nothing to check against
    for i, step in enumerate(kit.agenda):
        if step.notebook and not (notebooks / f"{step.notebook}.ipynb").is_file():
            raise SchemaError(f"step {step.id!r} uses the notebook {step.notebook!r}, which is not in {notebooks}",
                              file=file, where=f"agenda[{i}].notebook")


def find_kits(folder: str | os.PathLike | None = None) -> list[Kit]:
    """Every kit in ``folder`` (default :data:`KITS_FOLDER`), sorted by id.

    A subfolder is a kit if it holds a ``kit.yaml``; a broken kit raises
    (its error names the file) rather than being left out silently.

    Examples
    --------
    >>> [kit.id for kit in find_kits()]
    ['aftercare-checkup', 'arvo-scoring', 'customer-fitness', 'payment-moment']
    """
    folder = Path(folder) if folder is not None else KITS_FOLDER
    if not folder.is_dir():
        raise InputError(f"no folder of kits at {folder}; give one with --kits DIR (the kits ship in the "
                         "repository's workshops/ folder)")
    kits = [load_kit(sub) for sub in sorted(folder.iterdir()) if (sub / KIT_FILE).is_file()]
    return sorted(kits, key=lambda kit: kit.id)


def find_kit(kit_id: str, folder: str | os.PathLike | None = None) -> Kit:
    """The kit called ``kit_id`` in ``folder`` (default :data:`KITS_FOLDER`).

    Raises
    ------
    UnknownIdError
        Listing the kits there are.

    Examples
    --------
    >>> find_kit("customer-fitness").duration
    60
    """
    kits = find_kits(folder)
    for kit in kits:
        if kit.id == kit_id:
            return kit
    raise UnknownIdError(f"no kit {kit_id!r}; the kits are: {', '.join(k.id for k in kits) or '(none)'}")


def kit_journey(kit: Kit) -> Journey:
    """The journey the kit's groups start from: its sample, or a small new journey titled like the kit.

    Examples
    --------
    >>> kit_journey(find_kit("payment-moment")).title.get("en")
    'Webshop: buying a coffee maker'
    >>> kit_journey(find_kit("customer-fitness")).title.get("fi")
    'Asiakaskunto'
    """
    if kit.journey == EMPTY_JOURNEY:
        journey = new_journey()
        journey.title = kit.title
        return journey
    return load_sample(kit.journey)


def read_guide(kit: Kit, lang: str = "fi") -> str:
    """The text (Markdown) of the kit's facilitator guide in ``lang``.

    Examples
    --------
    >>> read_guide(find_kit("payment-moment"), "en").startswith("# ")
    True
    """
    path = kit.guide_path(lang)
    if path is None:
        raise InputError(f"kit {kit.id!r} was not loaded from a folder, so it has no guide files")
    return _read_text(path)
