"""Access to the data files in the top-level ``resources`` package (installed or in source)."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib import resources as importlib_resources
from typing import Any

_PART = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}")
"""One plain file or folder name: parts come from documents too (``resources/phrases/<language>
.json``), and a language "../../x" or one with a 5,000-tab name must not reach the file system."""


def _node(parts: tuple[str, ...]):
    node = importlib_resources.files("resources")
    for part in parts:
        if not _PART.fullmatch(part) or ".." in part:
            raise FileNotFoundError(f"not a resource name: {part[:40]!r}")
        node = node / part
    return node


def read_text(*parts: str) -> str:
    """Text of a file under ``resources/``."""
    return _node(parts).read_text(encoding="utf-8")


def read_bytes(*parts: str) -> bytes:
    """Bytes of a file under ``resources/`` (the icon)."""
    return _node(parts).read_bytes()


@cache
def load_json(*parts: str) -> Any:
    """Parsed JSON file under ``resources/`` (cached; treat the result as read-only)."""
    return json.loads(read_text(*parts))


def exists(*parts: str) -> bool:
    try:
        return _node(parts).is_file()
    except FileNotFoundError:
        return False
