"""A YAML front-matter block (``---`` … ``---``) at the top of an extracted text.

Repositories of extracted UN documents put the symbol, title and date there. It is metadata,
not resolution text: it is read into hints and its lines are blanked (so line numbers in the
report still match the file) and listed in the report as set aside.
"""

from __future__ import annotations

import re

from drafting.importers.report import ImportReport

_KEY_VALUE = re.compile(r"^([A-Za-z_][\w-]*)\s*:\s*((?:.*\S)?)\s*$")
r"""``key: value``, the value without the spaces around it. The value is "up to its last non-space
character" rather than the lazy ``(.*?)\s*$``, which is the same value but tried the trailing
spaces again after each character: a value with a long run of spaces inside was quadratic."""
_MAX_LINES = 200


def split_front_matter(lines: list[str], report: ImportReport) -> dict[str, str]:
    """Read and blank a front-matter block at the top of ``lines`` (in place); return its fields."""
    start = next((i for i, line in enumerate(lines[:5]) if line.strip()), None)
    if start is None or lines[start].strip() != "---":
        return {}
    end = next(
        (i for i in range(start + 1, min(len(lines), start + _MAX_LINES)) if lines[i].strip() == "---"),
        None,
    )
    if end is None:
        return {}
    body = lines[start + 1 : end]
    if not body or not all(_KEY_VALUE.match(line) or not line.strip() for line in body):
        return {}  # a horizontal rule and text, not a metadata block
    fields: dict[str, str] = {}
    for line in body:
        if m := _KEY_VALUE.match(line):
            fields[m.group(1).lower()] = _unquote(m.group(2))
    for index in range(start, end + 1):
        if lines[index].strip():
            report.discard(index + 1, lines[index].strip(), "front matter (metadata)")
        lines[index] = ""
    return fields


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].replace('\\"', '"').replace("\\'", "'")
    return value


def clean_title(title: str) -> str:
    """The title as metadata gives it, without a trailing colon left by a subtitle split."""
    # Not re.sub(r"\s*:\s*$", "", title): searched from every position of a long run of spaces,
    # that was quadratic in the run (issue 14). This removes the same text.
    title = title.rstrip()
    return (title[:-1] if title.endswith(":") else title).strip()
