"""File ▸ Compile returns… and Document ▸ Make next revision…: the window's side of
:mod:`drafting.compilation` and :mod:`drafting.next_revision`.

Compiling opens the result as a new document (the current draft is the base; with no document
open, the base is asked for); making Rev.N replaces the current text as one undo step and keeps
both the text as negotiated and the new revision in the document's revisions.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from drafting.atomic import atomic_write_bytes
from drafting.errors import DraftingError
from drafting.storage import PenholderFile
from ui import file_io
from ui.negotiation_dialogs import ReturnsDialog, RevisionDialog

if TYPE_CHECKING:
    from ui.workspace import Workspace

WORD_FILTER = "Word document (*.docx)"


class NegotiationCommands:
    def __init__(self, window: Workspace) -> None:
        self.window = window

    # -- compile ----------------------------------------------------------------------------------

    def compile_returns(self) -> None:
        from drafting.compilation import compile_returns, read_return
        from drafting.importers import load_document

        window = self.window
        session = window.current_session()
        if session is not None:
            base, base_name = session.document(), session.display_name
        else:
            name, _ = QFileDialog.getOpenFileName(
                window, "The draft the returns answer (base)", window.files.last_folder, file_io.OPEN_FILTER
            )
            if not name:
                return
            try:
                base, base_name = load_document(name).document, Path(name).stem
            except (DraftingError, OSError) as exc:
                QMessageBox.warning(window, "Penholder", str(exc))
                return
        names, _ = QFileDialog.getOpenFileNames(
            window, f"Returns of “{base_name}”", window.files.last_folder, file_io.OPEN_FILTER
        )
        if not names:
            return
        returns = []
        for name in names:
            try:
                returns.append(read_return(name))
            except (DraftingError, OSError) as exc:
                QMessageBox.warning(window, "Penholder", f"{Path(name).name}: {exc}")
                return
        rows = [(Path(r.source_name).name, r.delegation, r.read_as or "") for r in returns]
        dialog = ReturnsDialog(rows, window)
        if not dialog.exec():
            return
        for item, (row, typed) in zip(returns, zip(rows, dialog.delegations(), strict=True), strict=True):
            if typed and typed != row[1]:
                item.delegation, item.named = typed, True
        with _busy():
            compilation = compile_returns(base, returns)
        title = f"{base_name}: compilation of {len(returns)} returns"
        window.open_document(compilation.document, title=title)
        box = QMessageBox(
            QMessageBox.Icon.Information, "Penholder", compilation.report.summary(), parent=window
        )
        box.setDetailedText("\n".join(compilation.report.details()))
        box.exec()

    # -- Rev.N ------------------------------------------------------------------------------------

    def make_revision(self) -> None:
        from drafting.next_revision import make_next_revision, next_revision_text, redline_docx
        from drafting.revisions import suggest_next_name

        window = self.window
        session = window.current_session()
        if session is None:
            return
        document = session.document()
        pf = PenholderFile(document, list(session.revisions))
        suggested = suggest_next_name(pf)
        suggested = "Rev.1" if suggested == "zero draft" else suggested
        _text, *counts = next_revision_text(document)
        dialog = RevisionDialog(suggested, tuple(counts), window)
        if not dialog.exec():
            return
        redline_path = None
        if dialog.redline.isChecked():
            name = dialog.name.text().strip()
            suggested_path = str(
                Path(window.files.last_folder) / f"{session.display_name} {name} redline.docx"
            )
            chosen, _ = QFileDialog.getSaveFileName(window, "Save the redline", suggested_path, WORD_FILTER)
            if not chosen:
                return
            redline_path = Path(chosen if chosen.lower().endswith(".docx") else chosen + ".docx")
        made = make_next_revision(pf, pending=dialog.pending(), name=dialog.name.text())
        session.revisions = pf.revisions
        session.replace_document(made.document, f"Make {made.name}")
        session.mark_unsaved()
        window.show_revisions(session)
        message = (
            f"{made.name}: {made.applied} proposals applied, {made.dropped} dropped, {made.open} still open"
        )
        if redline_path is not None:
            stamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            author = getattr(window.services.settings, "delegation", "") or "Penholder"
            try:
                atomic_write_bytes(redline_path, redline_docx(made.previous, made.document, author, stamp))
            except OSError as exc:
                QMessageBox.warning(window, "Penholder", f"{redline_path}: cannot be written ({exc})")
                return
            message += f"; redline written to {redline_path.name}"
        window.show_message(message, 10000)


class _busy:
    """The wait cursor while a compilation runs (a second or two for twenty returns)."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()
