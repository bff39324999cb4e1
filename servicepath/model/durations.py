"""Durations of transitions, written as ISO 8601 (``PT15M``, ``P3D``) in files.

People typing into a spreadsheet write ``15 min``, ``2 h``, ``3 d`` or, in
Finnish, ``3 pv``; all of these are read.
"""

from __future__ import annotations

import re
from datetime import timedelta

__all__ = ["parse_duration", "format_duration"]

_ISO = re.compile(
    r"^P(?:(?P<weeks>\d+(?:[.,]\d+)?)W)?(?:(?P<days>\d+(?:[.,]\d+)?)D)?"
    r"(?:T(?:(?P<hours>\d+(?:[.,]\d+)?)H)?(?:(?P<minutes>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<seconds>\d+(?:[.,]\d+)?)S)?)?$"
)
_PLAIN = re.compile(r"^(?P<number>\d+(?:[.,]\d+)?)\s*(?P<unit>[^\d\s.,]+)\.?$")
_UNITS = {
    "s": "seconds", "sec": "seconds", "sek": "seconds",
    "min": "minutes", "m": "minutes",
    "h": "hours", "t": "hours", "hour": "hours", "hours": "hours",
    "tunti": "hours", "tuntia": "hours",
    "d": "days", "day": "days", "days": "days", "pv": "days", "vrk": "days", "päivä": "days", "päivää": "days",
    "w": "weeks", "wk": "weeks", "week": "weeks", "weeks": "weeks",
    "vk": "weeks", "viikko": "weeks", "viikkoa": "weeks",
}


def _decimal(text: str) -> float:
    return float(text.replace(",", "."))


def parse_duration(text: str) -> timedelta:
    """Read a duration from ISO 8601 or a ``<number> <unit>`` phrase.

    Raises
    ------
    ValueError
        If the text is neither; callers turn it into a located error.

    Examples
    --------
    >>> parse_duration("PT15M")
    datetime.timedelta(seconds=900)
    >>> parse_duration("2 pv")
    datetime.timedelta(days=2)
    """
    cleaned = text.strip()
    iso = _ISO.match(cleaned.upper())
    plain = _PLAIN.match(cleaned.lower())
    try:
        if iso and cleaned.upper() not in ("P", "PT"):
            return timedelta(**{k: _decimal(v) for k, v in iso.groupdict().items() if v})
        if plain and plain["unit"] in _UNITS:
            return timedelta(**{_UNITS[plain["unit"]]: _decimal(plain["number"])})
    except OverflowError:
        raise ValueError(f"{text!r} is too long a duration (at most {timedelta.max.days:,} days)") from None
    raise ValueError(f"{text!r} is not a duration (write e.g. 'PT15M', '15 min', '2 h', '3 d')")


def format_duration(value: timedelta) -> str:
    """Write a duration as ISO 8601, in whole seconds.

    Examples
    --------
    >>> format_duration(timedelta(days=1, hours=2))
    'P1DT2H'
    >>> format_duration(timedelta(0))
    'PT0S'
    """
    seconds = int(round(value.total_seconds()))
    if seconds < 0:
        raise ValueError("a duration cannot be negative")
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    time = "".join(f"{n}{u}" for n, u in ((hours, "H"), (minutes, "M"), (secs, "S")) if n)
    out = "P" + (f"{days}D" if days else "")
    if time:
        out += "T" + time
    return out if out != "P" else "PT0S"
