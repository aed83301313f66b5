"""Walking a paragraph with its subparagraphs, and choosing an id nothing uses yet."""

from __future__ import annotations

from collections.abc import Iterator

from drafting.model import Block


def walk(blocks: list[Block]) -> Iterator[Block]:
    for block in blocks:
        yield block
        yield from walk(block.children)


def unique(wanted: str, used) -> str:
    """``wanted``, else ``wanted-2``, ``wanted-3``, … whichever is not in ``used``."""
    if wanted not in used:
        return wanted
    n = 2
    while f"{wanted}-{n}" in used:
        n += 1
    return f"{wanted}-{n}"
