"""Bilingual text: the Finnish and the English wording of one thing."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Text"]


@dataclass(frozen=True)
class Text:
    """A text in Finnish and English; either may be missing.

    Examples
    --------
    >>> name = Text(fi="Maksaminen", en="Payment")
    >>> name.get("fi"), name.get("en")
    ('Maksaminen', 'Payment')
    >>> Text(fi="Kassa").get("en")  # falls back to the language that is there
    'Kassa'
    """

    fi: str | None = None
    en: str | None = None

    def __post_init__(self) -> None:
        # Spaces at the ends are never meant, and "" means "not written": one way to say each.
        for lang in ("fi", "en"):
            value = getattr(self, lang)
            object.__setattr__(self, lang, value.strip() or None if isinstance(value, str) else value)

    def get(self, lang: str = "en") -> str:
        """Return the text in ``lang``, or in the other language, or ``""``."""
        first, second = (self.fi, self.en) if lang == "fi" else (self.en, self.fi)
        return first or second or ""

    def __bool__(self) -> bool:
        return bool(self.fi or self.en)

    def __str__(self) -> str:
        return self.get("en")

    def as_dict(self) -> dict[str, str]:
        """The JSON form: only the languages that are written."""
        return {lang: text for lang, text in (("fi", self.fi), ("en", self.en)) if text}

    @classmethod
    def coerce(cls, value) -> Text:
        """Accept a :class:`Text`, a ``{"fi": .., "en": ..}`` mapping or ``None``."""
        if value is None:
            return cls()
        if isinstance(value, Text):
            return value
        if isinstance(value, dict):
            return cls(fi=value.get("fi"), en=value.get("en"))
        raise TypeError(f"expected Text or a mapping with 'fi'/'en', got {value!r}")
