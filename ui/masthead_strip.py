"""The masthead above the text: organ, symbol, session, agenda item and sponsors, as the
document will circulate them. Double-click opens Document details."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QWidget

from drafting import masthead_words as words
from drafting.model import Masthead


def masthead_html(masthead: Masthead, language: str = "en") -> str:
    """The strip's text, in the words the document's language version prints."""
    left = [masthead.organization or words.organization_name(language), masthead.organ or ""]
    right = [masthead.symbol or ""]
    if masthead.distribution:
        right.append(words.distribution_line(masthead.distribution, language))
    if masthead.date:
        right.append(masthead.date)
    below = [masthead.session or ""]
    if masthead.agenda_item:
        below.append(
            words.agenda_item_line(masthead.agenda_item, language)
            + (f" — {masthead.agenda_title}" if masthead.agenda_title else "")
        )
    if masthead.adoption_heading:
        below.append(masthead.adoption_heading)
    if masthead.sponsors:
        designation = masthead.designation or words.draft_designation(language)
        separator = "：" if language == "zh" else ": "
        below.append(f"{words.join_names(list(masthead.sponsors), language)}{separator}{designation}")

    def line(parts: list[str]) -> str:
        return " · ".join(escape(p) for p in parts if p)

    return (
        "<table width='100%' cellspacing='0' cellpadding='0'><tr>"
        f"<td><b>{line(left)}</b></td><td align='right'><b>{line(right[:1])}</b> {line(right[1:])}</td>"
        f"</tr><tr><td colspan='2' style='color:#333'>{line(below)}</td></tr></table>"
    )


class MastheadStrip(QLabel):
    editRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setContentsMargins(12, 6, 12, 6)
        self.setStyleSheet("MastheadStrip { background: #f4f1ea; border-bottom: 2px solid #1f3b6e; }")
        self.setToolTip("Double-click to edit the document details (symbol, session, agenda item, sponsors)")

    def show_masthead(self, masthead: Masthead, language: str = "en") -> None:
        self.setText(masthead_html(masthead, language))

    def mouseDoubleClickEvent(self, event) -> None:
        self.editRequested.emit()
