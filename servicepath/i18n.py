"""Translation tables: the labels servicepath puts on tokens, columns and messages.

Code uses English tokens; :func:`label` turns a token into the words a workshop
sees, in Finnish (``"fi"``) or English (``"en"``). (Content such as the sample
journeys carries its own Finnish and English text.) The terms follow the
project glossary so that notebooks, maps and exports speak one language.
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "label", "LABELS"]

LANGUAGES = ("fi", "en")

LABELS: dict[str, dict[str, str]] = {
    # blueprint lanes, top to bottom
    "lane.evidence": {"en": "Evidence", "fi": "Palvelun todisteet"},
    "lane.customer": {"en": "Customer actions", "fi": "Asiakkaan toiminnot"},
    "lane.frontstage": {"en": "Frontstage", "fi": "Näkyvä palvelu"},
    "lane.backstage": {"en": "Backstage", "fi": "Näkymätön palvelu"},
    "lane.support": {"en": "Support processes", "fi": "Tukiprosessit"},
    # A.R.V.O. principles
    "principle.A": {"en": "A — think customer-first", "fi": "A — ajattele asiakaslähtöisesti"},
    "principle.R": {"en": "R — react", "fi": "R — reagoi"},
    "principle.V": {"en": "V — communicate", "fi": "V — viesti"},
    "principle.O": {"en": "O — show", "fi": "O — osoita"},
    # touchpoint table headers
    "column.id": {"en": "Id", "fi": "Tunniste"},
    "column.name": {"en": "Touchpoint", "fi": "Kosketuspiste"},
    "column.stage": {"en": "Stage", "fi": "Vaihe"},
    "column.lane": {"en": "Lane", "fi": "Kaista"},
    "column.channel": {"en": "Channel", "fi": "Kanava"},
    "column.owner": {"en": "Owner", "fi": "Vastuuhenkilö"},
    "column.emotion": {"en": "Emotion", "fi": "Tunne"},
    "column.pain_point_count": {"en": "Pain points", "fi": "Kipupisteitä"},
    # validation levels
    "level.error": {"en": "error", "fi": "virhe"},
    "level.warning": {"en": "warning", "fi": "varoitus"},
    # words in summaries
    "word.touchpoints": {"en": "touchpoints", "fi": "kosketuspistettä"},
    "word.transitions": {"en": "transitions", "fi": "siirtymää"},
    "word.stages": {"en": "stages", "fi": "vaihetta"},
    "word.pain_points": {"en": "pain points", "fi": "kipupistettä"},
    "word.persona": {"en": "Persona", "fi": "Persoona"},
    "word.no_problems": {"en": "No problems found.", "fi": "Ongelmia ei löytynyt."},
}


def label(key: str, lang: str = "en") -> str:
    """Return the text for a token in the given language.

    Parameters
    ----------
    key : str
        A key of :data:`LABELS` such as ``"lane.customer"``.
    lang : {"fi", "en"}
        The language; an unknown key gives the key itself so nothing is lost.

    Examples
    --------
    >>> label("lane.backstage", "fi")
    'Näkymätön palvelu'
    >>> label("principle.V")
    'V — communicate'
    """
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(lang) or entry["en"]
