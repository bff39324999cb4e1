"""The bundled sample journeys, written from the project's domain notes."""

from __future__ import annotations

from importlib import resources

from ..errors import UnknownIdError
from ..model.journey import Journey
from .files import loads

__all__ = ["SAMPLES", "load_sample", "new_journey", "sample_path"]

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


def new_journey(title: str | None = None, lang: str = "fi") -> Journey:
    """A small journey to start from: three stages and three touchpoints in a row.

    It passes :func:`~servicepath.validate`, so a workshop can edit it step by step.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.new_journey("Kahvila", lang="fi")
    >>> [s.id for s in j.stages], sp.validate(j)
    (['before', 'during', 'after'], [])
    """
    from ..model.text import Text
    from ..model.touchpoint import Stage, Touchpoint

    journey = Journey(
        Text(**{lang: title}) if title else Text(fi="Uusi asiakaspolku", en="New customer journey"),
        languages=[lang, "en" if lang == "fi" else "fi"],
        stages=[
            Stage("before", Text(fi="Ennen", en="Before")),
            Stage("during", Text(fi="Palvelun aikana", en="During")),
            Stage("after", Text(fi="Jälkeen", en="After")),
        ],
    )
    journey.add_touchpoint(Touchpoint(
        "first-contact", Text(fi="Ensikontakti", en="First contact"), "before", entry_share=1.0
    ))
    journey.add_touchpoint(Touchpoint("service", Text(fi="Palvelu", en="Service"), "during"))
    journey.add_touchpoint(Touchpoint("follow-up", Text(fi="Seuranta", en="Follow-up"), "after", final=True))
    journey.add_transition("first-contact", "service", share=1.0)
    journey.add_transition("service", "follow-up", share=1.0)
    journey.goals.append("follow-up")
    return journey
