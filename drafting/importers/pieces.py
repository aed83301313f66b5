"""Lines gathered into paragraphs and footnotes, as the text importer builds them, and the
line shapes that always start a new paragraph (a label, an adoption line, an indent)."""

from __future__ import annotations

import re

from drafting.importers.text_lines import Line

NEW_PARAGRAPH = re.compile(
    r"^(?:\s{2,}|\t|\s*\d{1,3}\.\s|\s*\d{1,3}\s+-\s|\s*\([a-z]{1,4}\)\s|\s*[a-z]\)\s|"
    r"\s*[IVXLC]{1,6}\.\s|\s*[-•#]\s|\s*\*?\d+(?:st|nd|rd|th) plenary meeting)"
)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


class Piece:
    """Lines that make one paragraph or one footnote.

    The text is kept as parts and joined on demand, and the end of the text is available
    without joining, so rejoining thousands of page-broken pieces stays linear.
    """

    def __init__(self, lines: list[Line], first: str) -> None:
        self.lines = [lines[0]]
        self._parts = [first.strip()]
        self._length = len(self._parts[0])
        self.offsets = [0]
        """Where each line's text starts in :attr:`text`."""
        self._text: str | None = None
        self.add(lines[1:])

    def add(self, lines: list[Line]) -> None:
        for line in lines:
            piece = line.text.strip()
            self.lines.append(line)
            last = next((p for p in reversed(self._parts) if p), "")
            separator = "" if not last or not piece or CJK.match(last[-1]) or CJK.match(piece[0]) else " "
            self.offsets.append(self._length + len(separator))
            if not piece:
                continue
            self._parts.extend((separator, piece))
            self._length += len(separator) + len(piece)
            self._text = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._parts)
            self._parts = [self._text]
        return self._text

    def __len__(self) -> int:
        return self._length

    def tail(self, size: int = 80) -> str:
        """The last ``size`` characters or so, without joining the whole text."""
        out: list[str] = []
        total = 0
        for part in reversed(self._parts):
            out.append(part)
            total += len(part)
            if total >= size:
                break
        return "".join(reversed(out))


class Para(Piece):
    def __init__(self, lines: list[Line], break_before: bool = False) -> None:
        super().__init__(lines, lines[0].text)
        self.break_before = break_before


class Note(Piece):
    def __init__(self, label: str, style: str, lines: list[Line]) -> None:
        super().__init__(lines, lines[0].footnote_text)
        self.label = label
        self.style = style
