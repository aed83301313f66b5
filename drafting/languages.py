"""The six official languages of the United Nations, by ISO 639-1 code, in the order the
Organization lists them in its own preferences (English first, as most drafts are)."""

from __future__ import annotations

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
