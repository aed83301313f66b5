"""Stable ids for blocks and footnotes.

An importer derives ids from content (a hash of the text plus an occurrence counter), so
importing the same text twice gives the same ids, and two revisions imported separately
share the ids of the paragraphs they have in common. Once assigned, an id never changes:
edits keep it and the Penholder file stores it. Blocks created while editing get random ids.
"""

from __future__ import annotations

import hashlib
import secrets


class IdMaker:
    def __init__(self) -> None:
        self._used: set[str] = set()

    def from_content(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
        candidate, n = base, 1
        while candidate in self._used:
            n += 1
            candidate = f"{base}-{n}"
        self._used.add(candidate)
        return candidate


def new_id(prefix: str) -> str:
    """A fresh random id for something created by an edit."""
    return f"{prefix}-{secrets.token_hex(5)}"
