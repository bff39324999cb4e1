"""The tokens journey files use, and the Finnish words accepted for them on import."""

from __future__ import annotations

import re

__all__ = [
    "LANES",
    "PRINCIPLES",
    "RECOVERY_STEPS",
    "AFTERCARE_PRACTICES",
    "KNOWN_TAGS",
    "normalise_lane",
    "normalise_tag",
]

#: Service-blueprint lanes, top to bottom.
LANES = ("evidence", "customer", "frontstage", "backstage", "support")

#: The four A.R.V.O. principles.
PRINCIPLES = ("A", "R", "V", "O")

#: Service recovery in five steps, in order.
RECOVERY_STEPS = tuple(
    f"recovery:{step}" for step in ("assure", "listen", "confirm", "fix", "follow-up")
)

#: The ten aftercare practices.
AFTERCARE_PRACTICES = tuple(
    f"aftercare:{practice}"
    for practice in (
        "partnership",
        "communication",
        "documentation",
        "feedback",
        "invoicing",
        "complaints",
        "contact-person",
        "gifts",
        "extra-value",
        "ambassadorship",
    )
)

KNOWN_TAGS = ("payment", "invoicing", "complaint", *RECOVERY_STEPS, *AFTERCARE_PRACTICES)

_LANE_ALIASES = {
    "todisteet": "evidence",
    "palvelun todisteet": "evidence",
    "asiakas": "customer",
    "customer actions": "customer",
    "asiakkaan toiminnot": "customer",
    "näkyvä": "frontstage",
    "näkyvä palvelu": "frontstage",
    "näkymätön": "backstage",
    "näkymätön palvelu": "backstage",
    "tuki": "support",
    "support processes": "support",
    "tukiprosessit": "support",
}

_TAG_ALIASES = {"maksu": "payment", "laskutus": "invoicing", "reklamaatio": "complaint"}


def _word_key(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().casefold())


def normalise_lane(value):
    """Map a lane name (English token or Finnish word) to its token.

    Anything that is not a known name is returned unchanged, so validation can
    name it in its message.

    Examples
    --------
    >>> normalise_lane("Näkymätön")
    'backstage'
    >>> normalise_lane("customer")
    'customer'
    """
    if not isinstance(value, str):
        return value
    key = _word_key(value)
    if key in LANES:
        return key
    return _LANE_ALIASES.get(key, value)


def normalise_tag(value):
    """Map a tag's Finnish alias to its token; other tags are kept as typed.

    Examples
    --------
    >>> normalise_tag("Maksu")
    'payment'
    >>> normalise_tag("vip")
    'vip'
    """
    if not isinstance(value, str):
        return value
    key = _word_key(value)
    if key in KNOWN_TAGS:
        return key
    return _TAG_ALIASES.get(key, value.strip())
