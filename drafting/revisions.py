"""Named revisions kept inside a Penholder file ("zero draft", "Rev.1", …): the pure helpers
behind the window's revision commands.

:attr:`PenholderFile.revisions` runs from the oldest to the newest; a new revision is added
at the end. Indices are plain list positions from 0; a negative index is refused rather than
counted from the end, because the window uses -1 for the current text.
"""

from __future__ import annotations

import copy
import datetime
import re

from drafting.model import Document
from drafting.storage import PenholderFile, Revision

FIRST_NAME = "zero draft"
_REV = re.compile(r"Rev\.\s*(\d+)(?:\s*\(\d+\))?", re.IGNORECASE)


def add_revision(pf: PenholderFile, name: str, document: Document, date: str | None = None) -> Revision:
    """Keep a copy of ``document`` as the newest revision of ``pf`` and return it.

    ``date`` defaults to today ("YYYY-MM-DD"); a blank one counts as not given. The document
    is deep-copied, so later edits of the text do not change the revision.
    """
    date = (date or "").strip() or datetime.date.today().isoformat()
    revision = Revision(_checked(name), date, copy.deepcopy(document))
    pf.revisions.append(revision)
    return revision


def rename_revision(pf: PenholderFile, index: int, name: str) -> Revision:
    """Give revision ``index`` a new name (stripped, not empty) and return it."""
    revision = pf.revisions[_index(pf, index)]
    revision.name = _checked(name)
    return revision


def delete_revision(pf: PenholderFile, index: int) -> Revision:
    """Remove revision ``index`` from ``pf`` and return it."""
    return pf.revisions.pop(_index(pf, index))


def unique_name(pf: PenholderFile, name: str) -> str:
    """``name`` if no revision has it yet, otherwise the first free "name (2)", "name (3)", …

    Duplicate names are allowed; this is a suggestion for a dialog.
    """
    name = _checked(name)
    used = {r.name for r in pf.revisions}
    candidate, n = name, 1
    while candidate in used:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def suggest_next_name(pf: PenholderFile) -> str:
    """The usual name for the next revision: "zero draft" first, then "Rev.1", "Rev.2", …

    The number follows the highest "Rev.N" already kept (so "Rev.N" is followed by
    "Rev.N+1", and "zero draft" or any other name by "Rev.1" when there is no "Rev." yet).
    """
    if not pf.revisions:
        return FIRST_NAME
    numbers = [int(m.group(1)) for r in pf.revisions if (m := _REV.fullmatch(r.name.strip()))]
    return f"Rev.{max(numbers, default=0) + 1}"


def _checked(name: str) -> str:
    name = name.strip()
    if not name:
        raise ValueError("A revision needs a name.")
    return name


def _index(pf: PenholderFile, index: int) -> int:
    if not 0 <= index < len(pf.revisions):
        raise IndexError(f"There is no revision {index} (the file has {len(pf.revisions)}).")
    return index
