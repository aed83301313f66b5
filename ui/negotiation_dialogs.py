"""The two dialogs of the negotiation commands: who each return is from, and how to make Rev.N."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


class ReturnsDialog(QDialog):
    """One row per return: the file and the delegation its changes are attributed to (read from
    the Word file's properties or the file name; tracked changes keep their own authors unless a
    name is typed here)."""

    def __init__(self, rows: list[tuple[str, str, str]], parent: QWidget | None = None) -> None:
        """``rows``: (file name, delegation suggested, how the return was read)."""
        super().__init__(parent)
        self.setWindowTitle("Compile returns")
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Each change becomes a proposal by the delegation named here. Type a name to attribute "
                "every change of a return to it."
            )
        )
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Return", "Delegation", "Read as"])
        for row, (name, delegation, read_as) in enumerate(rows):
            for column, text in enumerate((name, delegation, read_as)):
                item = QTableWidgetItem(text)
                if column != 1:
                    item.setFlags(item.flags() & ~item.flags().ItemIsEditable)
                self.table.setItem(row, column, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Compile")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.buttons = buttons
        self.resize(640, 120 + 30 * min(len(rows), 12))

    def delegations(self) -> list[str]:
        return [" ".join(self.table.item(row, 1).text().split()) for row in range(self.table.rowCount())]


class RevisionDialog(QDialog):
    """Make Rev.N: its name, what becomes of the proposals still open, and whether to write the
    Word redline against the previous draft."""

    def __init__(self, suggested: str, counts: tuple[int, int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Make the next revision")
        applied, dropped, still_open = counts
        layout = QFormLayout(self)
        layout.addRow(
            QLabel(
                f"{applied} agreed or accepted proposals go into the text, {dropped} rejected or "
                f"withdrawn ones are dropped, {still_open} are still open."
            )
        )
        self.name = QLineEdit(suggested)
        layout.addRow("Name:", self.name)
        self.keep = QRadioButton("Keep them as proposals")
        self.brackets = QRadioButton("Write them into the text in [square brackets]")
        self.keep.setChecked(True)
        layout.addRow("Open proposals:", self.keep)
        layout.addRow("", self.brackets)
        self.redline = QCheckBox("Also write the Word redline against the previous draft…")
        self.redline.setChecked(True)
        layout.addRow("", self.redline)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Make revision")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        self.buttons = buttons

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()

    def pending(self) -> str:
        return "brackets" if self.brackets.isChecked() else "keep"
