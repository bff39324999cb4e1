"""Any picture as PNG, SVG or PDF bytes or file."""

from __future__ import annotations

import io
import os
from pathlib import Path

from ..errors import UnsupportedFormatError
from ..figures.style import styled
from ..io.atomic import atomic_write

__all__ = ["PICTURE_FORMATS", "figure_bytes", "save_figure", "MAX_PIXELS"]

PICTURE_FORMATS = ("png", "svg", "pdf")
#: The longest side of a PNG in pixels; a larger picture is drawn at a lower dpi so viewers can open it.
MAX_PIXELS = 20_000


def figure_bytes(figure, format: str = "png", *, dpi: float = 150) -> bytes:
    """The figure encoded as ``png``, ``svg`` or ``pdf``.

    Examples
    --------
    >>> from servicepath.figures.style import new_figure
    >>> figure_bytes(new_figure(2, 1), "png")[:4]
    b'\\x89PNG'
    """
    if format not in PICTURE_FORMATS:
        raise UnsupportedFormatError(f"cannot draw a picture as {format!r}; use one of {', '.join(PICTURE_FORMATS)}")
    if format == "png":
        dpi = min(dpi, MAX_PIXELS / max(figure.get_size_inches()))
    buffer = io.BytesIO()
    with styled():
        figure.savefig(buffer, format=format, dpi=dpi, metadata=_metadata(format))
    return buffer.getvalue()


def _metadata(format: str) -> dict:
    # No creation date: the same journey gives the same bytes, so exports can be compared and cached.
    if format == "png":
        return {"Software": "servicepath"}
    if format == "svg":
        return {"Date": None, "Creator": "servicepath"}
    return {"CreationDate": None, "Creator": "servicepath"}


def save_figure(figure, path: str | os.PathLike, *, format: str | None = None, dpi: float = 150) -> Path:
    """Write the figure to ``path`` atomically; the format comes from the file ending unless given."""
    path = Path(path)
    kind = format or path.suffix.lower().lstrip(".")
    data = figure_bytes(figure, kind, dpi=dpi)
    return atomic_write(path, lambda f: f.write(data))
