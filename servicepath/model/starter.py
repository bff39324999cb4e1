"""A small journey to start a workshop from."""

from __future__ import annotations

from .journey import Journey
from .text import Text
from .touchpoint import Stage, Touchpoint

__all__ = ["new_journey"]


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
