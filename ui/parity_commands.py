"""Document ▸ Compare language versions…: the open document (the reference) checked against
other language versions of the same text (:mod:`drafting.parity`), the discrepancies listed in
a window of their own; a double-click goes to the place in the open document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.errors import DraftingError
from drafting.importers import load_document
from drafting.numbering import block_labels
from drafting.parity import ParityReport, parity, version_labels
from ui import file_io

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.main_window import MainWindow

PLACE_ROLE = Qt.ItemDataRole.UserRole


class ParityDialog(QDialog):
    """The discrepancies between language versions, one row each."""

    placeChosen = Signal(str)
    """A place in the reference version ("OP 5 (b)", "PP 3", "footnote 2") to go to."""

    def __init__(self, report: ParityReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Language versions compared")
        self.resize(760, 420)
        count = len(report.discrepancies)
        others = ", ".join(report.versions[1:])
        summary = (
            f"No discrepancy between {report.reference} (this document) and {others}."
            if not count
            else f"{count} discrepanc{'y' if count == 1 else 'ies'} between {report.reference}"
            f" (this document) and {others}. Double-click a row to go there."
        )
        self.summary = QLabel(summary, self)
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Place", "Version", "What differs"])
        self.tree.setRootIsDecorated(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        for d in report.discrepancies:
            place = d.place + (f" ({d.versions[1]}: {d.other_place})" if d.other_place else "")
            item = QTreeWidgetItem([place, d.versions[1], d.detail])
            item.setData(0, PLACE_ROLE, d.place)
            tip = "\n".join(f"{label}: {text}" for label, text in d.excerpts) or d.detail
            for column in range(3):
                item.setToolTip(column, tip)
            self.tree.addTopLevelItem(item)
        self.tree.itemActivated.connect(lambda item, _c: self.placeChosen.emit(item.data(0, PLACE_ROLE)))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)


class ParityCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.dialog: ParityDialog | None = None

    def compare_language_versions(self, names: list[str] | None = None) -> ParityDialog | None:
        """Ask for the other versions (or take ``names``), compare, show the discrepancies."""
        session = self.window.current_session()
        if session is None:
            return None
        if names is None:
            names, _ = QFileDialog.getOpenFileNames(
                self.window,
                "Other language versions of this text",
                self.window.files.last_folder,
                file_io.OPEN_FILTER,
            )
        if not names:
            return None
        versions = [(session.display_name, session.document())]
        for name in names:
            try:
                versions.append((Path(name).name, load_document(name).document))
            except (DraftingError, OSError) as exc:
                QMessageBox.warning(self.window, "Penholder", f"{Path(name).name} could not be read: {exc}")
                return None
        labels = version_labels(versions)
        if len(set(labels)) != len(labels):
            QMessageBox.warning(self.window, "Penholder", "The same file is given twice.")
            return None
        report = parity(dict(zip(labels, (document for _, document in versions), strict=True)))
        self.dialog = ParityDialog(report, self.window)
        self.dialog.placeChosen.connect(lambda place: self.go_to(session, place))
        self.dialog.show()
        return self.dialog

    def go_to(self, session: DocumentSession, place: str) -> None:
        """The cursor to a place of the reference: a paragraph by its reference, a footnote by
        its printed number; a place for a whole part ("OP") goes nowhere."""
        document = session.document()
        if place.startswith("footnote "):
            number = place.removeprefix("footnote ")
            for note_id, printed in session.footnote_numbers.items():
                if str(printed) == number:
                    session.goto_footnote_reference(note_id)
                    return
            return
        for block_id, label in block_labels(document).items():
            if label.reference == place:
                session.goto_block(block_id)
                return
