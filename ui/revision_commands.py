"""Revision commands for the window: save, view, restore, rename, delete, compare.

Revisions live in the document's Penholder file (:mod:`drafting.storage`); changing the list
marks the document as changed so that Save writes it.
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from drafting.revisions import suggest_next_name
from drafting.storage import PenholderFile, Revision
from ui import file_io
from ui.file_io import FileProblem
from ui.revisions_panel import SaveRevisionDialog

if TYPE_CHECKING:
    from drafting.model import Document
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace


def suggest_name(revisions: list[Revision]) -> str:
    return suggest_next_name(PenholderFile(None, list(revisions)))  # type: ignore[arg-type]


def revision_title(revision: Revision) -> str:
    return f"{revision.name} ({revision.date})" if revision.date else revision.name


class RevisionCommands:
    def __init__(self, window: Workspace) -> None:
        self.window = window

    def _session(self) -> DocumentSession | None:
        return self.window.current_session()

    def _changed(self, session: DocumentSession) -> None:
        session.mark_unsaved()
        self.window.show_revisions(session)

    def save_revision(self, name: str | None = None, date: str | None = None) -> Revision | None:
        """Keep the current text under a name ("Rev.1"); with no name given, ask for one."""
        session = self._session()
        if session is None:
            return None
        today = datetime.date.today().isoformat()
        if name is None:
            dialog = SaveRevisionDialog(suggest_name(session.revisions), today, self.window)
            if not dialog.exec():
                return None
            name, date = dialog.values()
        revision = Revision(name=name, date=date or today, document=copy.deepcopy(session.document()))
        session.revisions.append(revision)
        self._changed(session)
        self.window.show_message(f"Revision “{name}” saved in the document (Save writes the file)", 5000)
        return revision

    def view(self, index: int) -> None:
        session = self._session()
        if session is None or not 0 <= index < len(session.revisions):
            return
        revision = session.revisions[index]
        viewer = self.window.open_document(
            copy.deepcopy(revision.document), title=f"{session.display_name}: {revision.name} (read-only)"
        )
        viewer.editor.setReadOnly(True)
        viewer.read_only = True

    def restore(self, index: int) -> None:
        session = self._session()
        if session is None or not 0 <= index < len(session.revisions):
            return
        revision = session.revisions[index]
        answer = QMessageBox.question(
            self.window,
            "Penholder",
            f"Replace the current text with “{revision.name}”? (Edit ▸ Undo brings the current text back.)",
        )
        if answer == QMessageBox.StandardButton.Yes:
            session.replace_document(revision.document, f"Restore “{revision.name}”")

    def rename(self, index: int) -> None:
        session = self._session()
        if session is None or not 0 <= index < len(session.revisions):
            return
        old = session.revisions[index]
        name, ok = QInputDialog.getText(self.window, "Rename revision", "Name:", text=old.name)
        if ok and name.strip():
            session.revisions[index] = Revision(name.strip(), old.date, old.document)
            self._changed(session)

    def delete(self, index: int) -> None:
        session = self._session()
        if session is None or not 0 <= index < len(session.revisions):
            return
        name = session.revisions[index].name
        answer = QMessageBox.question(
            self.window, "Penholder", f"Delete the revision “{name}” from this document?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            del session.revisions[index]
            self._changed(session)

    def compare(self, older: int, newer: int) -> None:
        """Compare two revisions (index -1 is the current text)."""
        session = self._session()
        if session is None:
            return

        def side(index: int) -> tuple[Document, str]:
            if index < 0:
                return session.document(), "Current text"
            return session.revisions[index].document, revision_title(session.revisions[index])

        old_doc, old_title = side(older)
        new_doc, new_title = side(newer)
        self.window.open_comparison(
            old_doc, new_doc, old_title, new_title, against=session if newer < 0 else None
        )

    def compare_with_file(self) -> None:
        session = self._session()
        if session is None:
            return
        name, _ = QFileDialog.getOpenFileName(
            self.window, "Compare the current text with", self.window.files.last_folder, file_io.OPEN_FILTER
        )
        if name:
            selected = [i for i in self.window.selected_revisions() if i >= 0]
            self.compare_with_path(Path(name), selected[0] if len(selected) == 1 else -1)

    def compare_with_path(self, path: Path, index: int = -1) -> bool:
        """Compare another file (older side) with a revision of this document or, for index -1,
        with the current text."""
        session = self._session()
        if session is None:
            return False
        try:
            opened = file_io.open_file(path)
        except FileProblem as exc:
            QMessageBox.warning(self.window, "Penholder", str(exc))
            return False
        if 0 <= index < len(session.revisions):
            revision = session.revisions[index]
            newer, title, against = revision.document, revision_title(revision), None
        else:
            newer, title, against = session.document(), "Current text", session
        self.window.open_comparison(opened.document, newer, path.name, title, against=against)
        return True
