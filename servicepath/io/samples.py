"""The bundled sample journeys, written from the project's domain notes."""

from __future__ import annotations

from importlib import resources

from ..errors import UnknownIdError
from ..model.journey import Journey
from .files import loads

__all__ = ["SAMPLES", "load_sample", "sample_path"]

#: Names of the bundled samples.
SAMPLES = ("webshop", "b2b-service")


def sample_path(name: str):
    """The packaged file of a sample (a ``Traversable``; use ``str()`` for a path)."""
    if name not in SAMPLES:
        raise UnknownIdError(f"no sample {name!r}; the samples are: {', '.join(SAMPLES)}")
    return resources.files(__package__).joinpath("samples", f"{name}.journey.json")


def load_sample(name: str = "webshop") -> Journey:
    """Load a bundled sample journey: ``"webshop"`` or ``"b2b-service"``.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.load_sample("webshop")
    >>> j.touchpoint("pay").name.get("fi")
    'Maksaminen'
    """
    path = sample_path(name)
    return loads(path.read_bytes(), "json", file=f"sample {name}")

