"""The six official languages of the United Nations, by ISO 639-1 code, in the order the
Organization lists them in its own preferences (English first, as most drafts are)."""

from __future__ import annotations

import unicodedata

OFFICIAL_LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")
LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "ru": "Russian",
    "zh": "Chinese",
    "ar": "Arabic",
}
RIGHT_TO_LEFT = frozenset({"ar"})
ENDONYMS = {
    "en": "English",
    "fr": "Français",
    "es": "Español",
    "ru": "Русский",
    "zh": "中文",
    "ar": "العربية",
}
"""Each language in its own script, as a language menu shows it."""

_UNCOUNTED = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Po", "Ps", "Pe", "Pi", "Pf", "Pd", "Pc"})


def count_text(text: str, language: str) -> int:
    """The length of ``text`` as its language counts it: Chinese in characters (punctuation and
    spaces left out, as a Chinese word count does; a Latin word or number inside counts by its
    characters too), every other language in words separated by spaces."""
    if language == "zh":
        return sum(1 for ch in text if unicodedata.category(ch) not in _UNCOUNTED)
    return len(text.split())


def count_unit(language: str, count: int) -> str:
    """ "1,234 words", or "1,234 characters" for Chinese."""
    noun = "character" if language == "zh" else "word"
    return f"{count:,} {noun}{'' if count == 1 else 's'}"
