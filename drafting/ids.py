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
    """Content ids, unique within one import: the *k*-th paragraph with the same text gets
    ``<base>-<k>`` (the first, plain ``<base>``).

    Ids are stored in files and shared between revisions, so the rule must never change. It
    used to be applied by probing ``base``, ``base-2``, ``base-3`` … until a free one was found:
    the *k*-th copy cost *k* probes, and 20,000 identical paragraphs took 200 million
    (``penholder outline`` ran 32 s, issue 14). The next suffix of each base is now
    remembered, so the probe starts where the last one stopped; the set of used ids stays,
    so the ids are exactly those of the probing rule whatever the prefixes.
    """

    def __init__(self) -> None:
        self._used: set[str] = set()
        self._next: dict[str, int] = {}
        self.probes = 0
        """Candidates looked at so far: one per id for any input (what the tests count)."""

    def from_content(self, prefix: str, text: str) -> str:
        base = f"{prefix}-{hashlib.sha1(text.encode('utf-8')).hexdigest()[:10]}"
        n = self._next.get(base, 1)
        candidate = base if n == 1 else f"{base}-{n}"
        self.probes += 1
        while candidate in self._used:  # only ever true for an id another base already took
            n += 1
            candidate = f"{base}-{n}"
            self.probes += 1
        self._used.add(candidate)
        self._next[base] = n + 1
        return candidate


def new_id(prefix: str) -> str:
    """A fresh random id for something created by an edit."""
    return f"{prefix}-{secrets.token_hex(5)}"
