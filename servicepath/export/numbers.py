"""Numbers and shares as people read them in Finnish or English text."""

from __future__ import annotations

import math

__all__ = ["number_text", "percent_text"]


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def number_text(value, lang: str = "en", digits: int = 1) -> str:
    """``value`` with ``digits`` decimals (a decimal comma in Finnish); ``–`` when missing.

    Examples
    --------
    >>> number_text(2.25, "fi"), number_text(float("nan")), number_text(3, digits=0)
    ('2,2', '–', '3')
    """
    if _missing(value):
        return "–"
    text = f"{value:.{digits}f}"
    return text.replace(".", ",") if lang == "fi" else text


def percent_text(share, lang: str = "en") -> str:
    """A share 0…1 as a percentage: whole percents from 10 % up, one decimal below.

    Examples
    --------
    >>> percent_text(0.55), percent_text(0.055, "fi"), percent_text(1.0, "fi"), percent_text(0.08)
    ('55%', '5,5 %', '100 %', '8%')
    """
    if _missing(share):
        return "–"
    percent = share * 100
    text = number_text(percent, lang, 0 if round(percent, 1) >= 10 else 1)
    if text[-2:] in (".0", ",0"):  # "8%", not "8.0%"
        text = text[:-2]
    return f"{text} %" if lang == "fi" else f"{text}%"
