"""Dates and times of journeys: always UTC, to the second, written as ``2026-11-23T13:30:00Z``."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

__all__ = ["parse_timestamp", "format_timestamp"]

# Finnish Excel re-saves 2026-11-23T09:00:00Z as "23.11.2026 9.00" (or with seconds).
_FINNISH = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2})[.:](\d{2})(?:[.:](\d{2}))?)?$")


def parse_timestamp(value) -> datetime:
    """A UTC datetime from ISO 8601 text, Finnish ``d.m.yyyy h.mm`` text, a date or a datetime.

    Text without a zone, and dates, are taken as UTC.

    Raises
    ------
    ValueError
        With a sentence saying what was expected (also for years out of range).

    Examples
    --------
    >>> parse_timestamp("2026-11-23T15:30:00+02:00")
    datetime.datetime(2026, 11, 23, 13, 30, tzinfo=datetime.timezone.utc)
    >>> parse_timestamp("23.11.2026 9.05").isoformat()
    '2026-11-23T09:05:00+00:00'
    """
    try:
        if isinstance(value, datetime):
            moment = value
        elif isinstance(value, date):
            moment = datetime(value.year, value.month, value.day)
        elif isinstance(value, str) and (finnish := _FINNISH.match(value.strip())):
            day, month, year, hour, minute, second = (int(g or 0) for g in finnish.groups())
            moment = datetime(year, month, day, hour, minute, second)
        elif isinstance(value, str):
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        else:
            raise ValueError(f"{value!r} is not a date and time")
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        return moment.astimezone(UTC).replace(microsecond=0)
    except (ValueError, OverflowError) as exc:
        raise ValueError(f"{value!r} is not a real date and time ({exc}); write e.g. 2026-11-23T13:30:00Z") from None


def format_timestamp(value: datetime) -> str:
    """``2026-11-23T13:30:00Z``: UTC, to the second.

    Examples
    --------
    >>> format_timestamp(datetime(2026, 11, 23, 13, 30, 5, 999))
    '2026-11-23T13:30:05Z'
    """
    return parse_timestamp(value).strftime("%Y-%m-%dT%H:%M:%SZ")
