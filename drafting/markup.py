"""Lightweight emphasis markup used in extracted text and in Penholder's text export.

``*italic*``, ``**bold**``, ``***both***`` and ``~~struck~~``. A delimiter opens only when
followed by a non-space character and closes only when preceded by one, so the star of a
sponsors note (``决议草案*``, ``* 提案国…``) or of a reissued symbol (``A/69/L.52*``) stays
literal. A backslash escapes a delimiter character.
"""

from __future__ import annotations

import re

from drafting.model import Mark, Text

_TOKEN = re.compile(r"\\[*~]|\*\*\*|\*\*|~~|\*")
_MARKS = {
    "*": frozenset({Mark.ITALIC}),
    "**": frozenset({Mark.BOLD}),
    "***": frozenset({Mark.BOLD, Mark.ITALIC}),
    "~~": frozenset({Mark.STRIKE}),
}


def parse(text: str, base: frozenset[Mark] = frozenset()) -> list[Text]:
    """Split ``text`` into runs, turning balanced delimiters into marks."""
    if "*" not in text and "~" not in text and "\\" not in text:
        return [Text(text, base)] if text else []
    tokens = []  # (start, end, delimiter or None for an escape)
    for m in _TOKEN.finditer(text):
        tok = m.group()
        tokens.append((m.start(), m.end(), None if tok.startswith("\\") else tok))
    # Match openers and closers with a stack; unmatched delimiters stay literal.
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, (start, end, tok) in enumerate(tokens):
        if tok is None:
            continue
        before = text[start - 1] if start > 0 else " "
        after = text[end] if end < len(text) else " "
        can_close = not before.isspace()
        can_open = not after.isspace()
        closed = False
        if can_close:
            for depth in range(len(stack) - 1, -1, -1):
                if tokens[stack[depth]][2] == tok:
                    pairs.append((stack[depth], i))
                    del stack[depth:]
                    closed = True
                    break
        if not closed and can_open:
            stack.append(i)
    # Build runs: delimiter tokens in pairs vanish, escapes keep their character.
    active: dict[int, frozenset[Mark]] = {}
    openers = {o for o, _ in pairs}
    opener_of_closer = {c: o for o, c in pairs}
    runs: list[Text] = []
    pos = 0
    current: frozenset[Mark] = base

    def emit(segment: str) -> None:
        if not segment:
            return
        if runs and runs[-1].marks == current:
            runs[-1] = Text(runs[-1].text + segment, current)
        else:
            runs.append(Text(segment, current))

    for i, (start, end, tok) in enumerate(tokens):
        emit(text[pos:start])
        pos = end
        if tok is None:
            emit(text[start + 1 : end])
        elif i in openers:
            active[i] = _MARKS[tok]
            current = base.union(*active.values())
        elif i in opener_of_closer:
            active.pop(opener_of_closer[i], None)
            current = base.union(*active.values()) if active else base
        else:
            emit(tok)
    emit(text[pos:])
    return runs


def render(runs: list[Text]) -> str:
    """Inverse of :func:`parse` for runs carrying italic, bold and strike marks.

    Neighbouring runs that differ only in marks this markup cannot show (superscript,
    underline) are written as one span, so ``**a****b**`` never appears.
    """
    groups: list[tuple[list[str], str]] = []
    for run in runs:
        delims = _delimiters(run.marks)
        if groups and groups[-1][0] == delims:
            groups[-1] = (delims, groups[-1][1] + run.text)
        else:
            groups.append((delims, run.text))
    out: list[str] = []
    for delims, raw in groups:
        text = _escape(raw)
        if not delims or not text.strip():
            out.append(text)
            continue
        core = text.strip()
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(lead + "".join(delims) + core + "".join(reversed(delims)) + trail)
    return "".join(out)


def _delimiters(marks: frozenset[Mark]) -> list[str]:
    delims = []
    if Mark.STRIKE in marks:
        delims.append("~~")
    if Mark.BOLD in marks and Mark.ITALIC in marks:
        delims.append("***")
    elif Mark.BOLD in marks:
        delims.append("**")
    elif Mark.ITALIC in marks:
        delims.append("*")
    return delims


def _escape(text: str) -> str:
    """Escape delimiter characters that would otherwise open a span on re-import."""
    if "*" not in text and "~" not in text:
        return text
    out = []
    for i, ch in enumerate(text):
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "*" or (ch == "~" and nxt == "~") or (ch == "~" and i and text[i - 1] == "~"):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)
