"""User preferences: one typed dataclass with every default, validated on load, saved atomically.

A damaged or hand-edited settings file never stops Penholder: what cannot be read falls back
to the default, and the reasons are returned so the window can say so once.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from app.paths import user_data_dir
from drafting.atomic import atomic_write_bytes
from drafting.reading import read_regular_file

LANGUAGES = ("en", "fr", "es", "ru", "zh", "ar")
"""The six official UN languages (Arabic is written right to left)."""
FOOTNOTE_REGIMES = ("legacy", "current")


@dataclass
class Settings:
    language: str = "en"
    """Default document language for new documents and spelling."""
    footnote_regime: str = "legacy"
    """"legacy": re-used footnote indicators allowed (older Editorial Manual); "current": each once."""
    un_spelling: bool = True
    """Check UN house spelling (-ize, programme, centre …) as well as the dictionary."""
    delegation: str = ""
    """Who the user speaks for: the author of proposals and tracked changes ("" = ask)."""
    author_asked: bool = False
    """The user was asked once for a name or delegation (and may have declined)."""
    autosave_seconds: int = 30
    recent_files: tuple[str, ...] = ()
    delegation_colours: dict[str, str] = field(default_factory=dict)
    """Colours the user chose for delegations' proposals (delegation -> "#rrggbb"); the others
    get one of the window's own colours."""

    @property
    def right_to_left(self) -> bool:
        return self.language == "ar"


_LIMITS = {"autosave_seconds": (5, 3600)}
_CHOICES = {"language": LANGUAGES, "footnote_regime": FOOTNOTE_REGIMES}
MAX_RECENT = 10
MAX_DELEGATION_COLOURS = 200
MAX_DELEGATION_NAME = 100
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
MAX_BYTES = 2**20
"""A settings file is a few hundred bytes; anything beyond a megabyte is not one."""
_log = logging.getLogger("penholder.settings")


def settings_path() -> Path:
    return user_data_dir() / "settings.json"


def load_settings(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The saved settings, and notices about anything that had to fall back to its default.

    Never raises: the window calls this before it exists, so a failure here would stop
    Penholder from starting. A JSON parser fails on a damaged file in more ways than
    ``JSONDecodeError`` (``ValueError`` for an integer of thousands of digits,
    ``RecursionError`` for deep nesting), and reading can fail on what is not a file (a
    named pipe would even block): whatever goes wrong gives the defaults, a notice for the
    window and a warning in the log."""
    path = path or settings_path()
    try:
        settings, notices = _load(path)
    except Exception as exc:  # noqa: BLE001 - the promise: a damaged settings file never stops Penholder
        settings, notices = (
            Settings(),
            [f"the settings file could not be read ({exc.__class__.__name__}); defaults are used"],
        )
    for notice in notices:
        _log.warning("%s: %s", path, notice)
    return settings, notices


def _load(path: Path) -> tuple[Settings, list[str]]:
    defaults = Settings()
    if not path.exists():
        return defaults, []
    try:
        data = json.loads(read_regular_file(path, MAX_BYTES, OSError).decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError, RecursionError) as exc:
        return defaults, [
            f"the settings file could not be read ({exc.__class__.__name__}); defaults are used"
        ]
    if not isinstance(data, dict):
        return defaults, ["the settings file is not a settings object; defaults are used"]
    values: dict[str, Any] = {}
    notices: list[str] = []
    for item in fields(Settings):
        if item.name not in data:
            continue
        value, problem = _validate(item.name, data[item.name], getattr(defaults, item.name))
        if problem and value is not None:  # partly readable: what could be read is kept
            notices.append(f"setting '{item.name}': {problem}")
            values[item.name] = value
        elif problem:
            notices.append(f"setting '{item.name}': {problem}; the default is used")
        else:
            values[item.name] = value
    return Settings(**values), notices


def _validate(name: str, value: Any, default: Any) -> tuple[Any, str | None]:
    """The value to use and, if the stored one was not right, why (value None: the default)."""
    if isinstance(default, dict):
        return _delegation_colours(value)
    if isinstance(default, tuple):
        if not isinstance(value, list) or not all(isinstance(v, str) and _encodable(v) for v in value):
            return None, "not a list of file names"
        return tuple(value[:MAX_RECENT]), None
    if isinstance(default, bool):
        return (value, None) if isinstance(value, bool) else (None, "not true or false")
    if isinstance(default, int):
        low, high = _LIMITS.get(name, (None, None))
        if not isinstance(value, int) or isinstance(value, bool):
            return None, "not a whole number"
        if low is not None and not low <= value <= high:
            return None, f"{value} is outside {low}–{high}"
        return value, None
    if not isinstance(value, str) or not _encodable(value):
        return None, "not text"
    if name in _CHOICES and value not in _CHOICES[name]:
        return None, f"'{value}' is not one of {', '.join(_CHOICES[name])}"
    return value.strip() if name == "delegation" else value, None


def _delegation_colours(value: Any) -> tuple[dict[str, str] | None, str | None]:
    """Delegation -> "#rrggbb"; entries that are not that are dropped (and said)."""
    if not isinstance(value, dict):
        return None, "not a table of delegations and colours"
    kept: dict[str, str] = {}
    dropped = 0
    for name, colour in value.items():
        if (
            isinstance(name, str)
            and name.strip()
            and len(name) <= MAX_DELEGATION_NAME
            and _encodable(name)
            and isinstance(colour, str)
            and _COLOUR.fullmatch(colour)
            and len(kept) < MAX_DELEGATION_COLOURS
        ):
            kept[name.strip()] = colour.lower()
        else:
            dropped += 1
    if dropped:
        return (
            kept,
            f"{dropped} entr{'y' if dropped == 1 else 'ies'} not a delegation and a #rrggbb colour, left out",
        )
    return kept, None


def _encodable(text: str) -> bool:
    """False for text with lone surrogates (a ``"\\ud800"`` escape in the file): JSON reads
    them, but they have no UTF-8 form, so the settings could never be saved again."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically (the folder is created if needed). Raises OSError."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    data["recent_files"] = list(settings.recent_files)
    text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    # The user's own file, sometimes a link into a dotfiles folder: written through it.
    atomic_write_bytes(path, text.encode("utf-8"), follow_links=True)


def with_recent(settings: Settings, file: str) -> Settings:
    """``settings`` with ``file`` first in the recent files (no duplicates, at most ten)."""
    recent = (file, *[f for f in settings.recent_files if f != file])[:MAX_RECENT]
    return Settings(**{**asdict(settings), "recent_files": recent})
