"""One document tab: a notice bar when there is one, the masthead strip, the drafting surface
and the find bar."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.document_session import DocumentSession
from ui.find_bar import FindBar
from ui.masthead_strip import MastheadStrip


class DocumentTab(QWidget):
    """One tab: the editor over its find bar."""

    def __init__(self, session: DocumentSession) -> None:
        super().__init__()
        self.session = session
        self.notice: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.masthead = MastheadStrip(self)
        layout.addWidget(self.masthead)
        layout.addWidget(session.editor)
        session.refreshed.connect(self.update_masthead)
        self.update_masthead()
        self.find_bar = FindBar(self)
        self.find_bar.hide()
        layout.addWidget(self.find_bar)

    def show_notice(self, notice: QWidget) -> None:
        """A bar above the masthead and the text (an import's warnings)."""
        self.notice = notice
        self.layout().insertWidget(0, notice)
        notice.show()

    def update_masthead(self) -> None:
        masthead = self.session.base.masthead
        self.masthead.setVisible(any((masthead.symbol, masthead.organ, masthead.session, masthead.sponsors)))
        self.masthead.show_masthead(masthead, self.session.language)
