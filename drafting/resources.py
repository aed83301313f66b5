"""Access to the data files in the top-level ``resources`` package (installed or in source)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources as importlib_resources
from typing import Any


def read_text(*parts: str) -> str:
    """Text of a file under ``resources/``."""
    node = importlib_resources.files("resources")
    for part in parts:
        node = node / part
    return node.read_text(encoding="utf-8")


@cache
def load_json(*parts: str) -> Any:
    """Parsed JSON file under ``resources/`` (cached; treat the result as read-only)."""
    return json.loads(read_text(*parts))


def exists(*parts: str) -> bool:
    node = importlib_resources.files("resources")
    for part in parts:
        node = node / part
    return node.is_file()
