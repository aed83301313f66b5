"""The bar above an imported text when the importer left warnings ("some footnotes or
paragraphs may need a look"), like a browser's infobar: Show details lists every warning and
note in a dialog whose text can be selected and copied; × dismisses the bar."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from drafting.importers.report import ImportReport


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def notice_text(report: ImportReport) -> str:
    """The one line on the bar (the tab already names the file)."""
    return (
        f"Penholder read this file with {_plural(len(report.warnings), 'warning')}: "
        "some footnotes or paragraphs may need a look."
    )


def report_text(report: ImportReport, name: str) -> str:
    """Every warning, then the notes and the lines set aside, as plain text to read or copy."""
    lines = [f"Penholder read {name} with {_plural(len(report.warnings), 'warning')}:"]
    lines += [f"• {warning}" for warning in report.warnings]
    if report.notes:
        lines += ["", f"{_plural(len(report.notes), 'note')}:", *(f"• {note}" for note in report.notes)]
    if report.discarded:
        lines += ["", f"{_plural(len(report.discarded), 'line')} set aside as page furniture:"]
        lines += [f"• line {item.line}: {item.text} ({item.reason})" for item in report.discarded]
    return "\n".join(lines) + "\n"


class ImportReportDialog(QDialog):
    """The import report in full; the text is read-only but selectable and copyable."""

    def __init__(self, report: ImportReport, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import warnings — {name}")
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(report_text(report, name))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = buttons.addButton("Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.text.toPlainText()))
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ImportNotice(QFrame):
    """The dismissable bar; shown only for a report with warnings (see :func:`import_notice`)."""

    def __init__(self, report: ImportReport, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report, self.name = report, name
        self.dialog: ImportReportDialog | None = None
        self.setObjectName("importNotice")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setStyleSheet(
            "#importNotice { background: #fff4ce; border-bottom: 1px solid #e3c77a; }"
            "#importNotice QLabel { color: #3b2f00; }"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 6, 5)
        layout.setSpacing(8)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        layout.addWidget(icon)
        self.label = QLabel(notice_text(report))
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)
        self.details_button = QPushButton("Show details")
        self.details_button.setToolTip("List every warning of the import, to read or copy")
        self.details_button.clicked.connect(self.show_details)
        layout.addWidget(self.details_button)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss")
        self.close_button.setAccessibleName("Dismiss the import warnings")
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button)

    def show_details(self) -> None:
        if self.dialog is None:
            self.dialog = ImportReportDialog(self.report, self.name, self)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()


def import_notice(report: ImportReport | None, name: str) -> ImportNotice | None:
    """The bar for an import that left warnings; None when there is nothing to look at."""
    if report is None or not report.warnings:
        return None
    return ImportNotice(report, name)
