"""File commands with their dialogs and prompts: new, open, save, export, print, close.

Every failure is a message box with one line, never a traceback; nothing is closed or
overwritten without asking when it would lose work.
"""

from __future__ import annotations

import copy
import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from drafting.gc_pause import cyclic_gc_paused
from ui import file_io
from ui.background import EveryJob
from ui.editor.writer import flatten
from ui.file_io import FileProblem
from ui.import_notice import import_notice

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace

Button = QMessageBox.StandardButton
PDF_FALLBACK_NOTE = "LibreOffice is not installed: simplified layout, footnotes at the end"
"""Said in the Export as PDF dialog when the PDF cannot be made from the Word file."""
PDF_FALLBACK_DETAIL = (
    "Its footnotes are collected at the end and its masthead differs from the Word file. For a PDF"
    " made from the Word file (footnotes at the foot of each page), install LibreOffice"
    " (libreoffice-writer) and export again."
)


class FileCommands:
    def __init__(self, window: Workspace) -> None:
        self.window = window
        self.last_folder = str(Path.home())
        self.pdf_jobs = EveryJob("PDF export", window)  # type: ignore[arg-type]
        """LibreOffice making PDFs, one after another, off the GUI thread."""

    # -- new / open --------------------------------------------------------------------------------

    def new_from_template(self) -> DocumentSession | None:
        from ui.template_dialog import TemplateDialog

        dialog = TemplateDialog(self.window, on=datetime.date.today(), language=self.window.settings.language)
        if not dialog.exec():
            return None
        document = dialog.chosen_document()
        if document is None:
            return None
        return self.new_document(document, dialog.selected_template().name)

    def new_document(self, document, template_name: str, *, replaceable: bool = False) -> DocumentSession:
        """A new document holding the template's text, with nothing to undo and nothing to save
        yet. ``replaceable``: the blank document of start-up, which a file opened while it is
        unchanged replaces (as Word does)."""
        shell = copy.deepcopy(document)
        shell.blocks, shell.front, shell.footnotes, shell.proposals = [], [], {}, {}
        shell.masthead.title = shell.masthead.organ_line = None
        title = "Untitled" if template_name == "empty" else f"Untitled ({template_name})"
        session = self.window.open_document(shell, title=title)
        session.insert_template(list(flatten(document)), f"Insert template “{template_name}”")
        session.undo.forget()
        session.mark_saved()
        session.replaceable = replaceable
        return session

    def _replace_blank(self, opened: DocumentSession) -> None:
        """Close the unchanged blank start-up document once a file is open in its place."""
        for session in list(self.window.sessions()):
            if session is not opened and session.replaceable and not session.modified:
                self.window.close_session(session)
        self.window.show_session(opened)

    def open_dialog(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(self.window, "Open", self.last_folder, file_io.OPEN_FILTER)
        for name in names:
            self.open_path(Path(name))

    def open_path(self, path: Path) -> DocumentSession | None:
        path = path.expanduser()
        for session in self.window.sessions():
            if session.path is not None and session.path.resolve() == path.resolve():
                self.window.show_session(session)
                return session
        if not path.exists():
            self._error(f"{path.name}: there is no such file")
            return None
        lock = None
        if path.suffix.lower() == file_io.PENHOLDER_SUFFIX:
            lock = self.window.services.lock_for(path.resolve())
            holder = lock.holder()
            if holder is not None:
                answer = QMessageBox.question(
                    self.window, "Penholder", open_anyway_warning(path.name, holder)
                )
                if answer != Button.Yes:
                    return None
        problem = None
        with cyclic_gc_paused():  # a long text makes many objects and few cycles (collected after)
            try:
                opened = file_io.open_file(path)
            except FileProblem as exc:
                problem = str(exc)
            if problem is None:
                if lock is not None:
                    lock.acquire()
                session = self.window.open_document(
                    opened.document,
                    title=file_io.display_name(opened.path, opened.source),
                    path=opened.path,
                    source=opened.source,
                    revisions=opened.revisions,
                )
        if problem is not None:  # told outside the pause: the message waits for the user
            self._error(problem)
            return None
        session.disk_stamp = opened.stamp
        session.lock = lock
        notice = import_notice(opened.report, path.name)
        if notice is not None:
            self.window.show_notice(session, notice)
        self.last_folder = str(path.parent)
        self.window.remember_file(path)
        if opened.notices:
            self.window.show_message("; ".join(opened.notices), 10000)
        self._replace_blank(session)
        return session

    # -- save --------------------------------------------------------------------------------------

    def save(self, session: DocumentSession | None = None) -> bool:
        session = session or self.window.current_session()
        if session is None:
            return False
        if session.path is None:
            return self.save_as(session)
        if file_io.changed_on_disk(session.path, session.disk_stamp):
            answer = QMessageBox.warning(
                self.window,
                "Penholder",
                f"{session.path.name} has been changed on disk since you opened it, perhaps by a colleague.\n"
                "Overwrite it with your version, or save yours under another name?",
                Button.Save | Button.SaveAll | Button.Cancel,
            )
            if answer == Button.Cancel:
                return False
            if answer == Button.SaveAll:
                return self.save_as(session)
        return self._write(session, session.path)

    def save_as(self, session: DocumentSession | None = None) -> bool:
        session = session or self.window.current_session()
        if session is None:
            return False
        suggested = str(Path(self.last_folder) / f"{session.display_name}.penholder")
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Save as", suggested, "Penholder files (*.penholder)"
        )
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != file_io.PENHOLDER_SUFFIX:
            path = path.with_suffix(file_io.PENHOLDER_SUFFIX)
        return self._write(session, path)

    def _write(self, session: DocumentSession, path: Path) -> bool:
        try:
            stamp = file_io.save_file(path, session.document(), session.revisions)
        except FileProblem as exc:
            self._error(str(exc))
            return False
        lock = session.lock
        if session.path != path:
            self.window.autosaver.forget(session)
            session.autosave_key = None  # the snapshot of the new file has a name of its own
            lock = self.window.services.lock_for(path.resolve())
        session.set_file(path, stamp, lock)
        self.window.autosaver.forget(session)
        self.last_folder = str(path.parent)
        self.window.remember_file(path)
        self.window.show_message(f"Saved {path.name}", 4000)
        return True

    # -- export / print ----------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        session = self.window.current_session()
        if session is None:
            return
        filters = {"docx": "Word documents (*.docx)", "txt": "Text files (*.txt)", "pdf": "PDF files (*.pdf)"}
        base = session.display_name
        suggested = str(Path(self.last_folder) / f"{base}.{kind}")
        caption = "Export"
        if kind == "pdf":
            from drafting.exporters.pdf_export import find_soffice

            caption = "Export as PDF" if find_soffice() else f"Export as PDF — {PDF_FALLBACK_NOTE}"
        name, _ = QFileDialog.getSaveFileName(self.window, caption, suggested, filters[kind])
        if name:
            self.export_to(session, Path(name), kind)

    def export_to(self, session: DocumentSession, path: Path, kind: str) -> bool:
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        if kind == "pdf":
            try:
                path = file_io.output_target(path)  # the user chose it: through a link to its file
            except FileProblem as exc:
                self._error(str(exc))
                return False
            return self._export_pdf(session, path)
        try:
            warnings = file_io.export_file(path, session.document(), author=self.window.settings.delegation)
        except FileProblem as exc:
            self._error(str(exc))
            return False
        message = f"Exported {path.name}" + (f" ({'; '.join(warnings)})" if warnings else "")
        self.window.show_message(message, 6000)
        return True

    def _export_pdf(self, session: DocumentSession, path: Path) -> bool:
        """The PDF made from the Word export by LibreOffice (footnotes at the page foot, the Word
        file's layout), off the GUI thread: LibreOffice takes a second or more and the window
        stays usable meanwhile. Without LibreOffice, or if it fails, Penholder's own print
        rendering, and the user is told why it looks different. Returns True when the PDF is
        written or on its way."""
        from drafting.exporters import DocxOptions
        from drafting.exporters.pdf_export import find_soffice

        document = session.document()  # a snapshot: the worker reads nothing the user edits
        if find_soffice() is None:
            return self._print_pdf(document, session.language, path, "LibreOffice is not installed")
        options = DocxOptions(author=self.window.settings.delegation or None)
        self.window.show_message(f"Making {path.name} with LibreOffice…")
        self.pdf_jobs.run(
            lambda: _pdf_through_libreoffice(document, path, options),
            lambda outcome, error: self._pdf_done(document, session.language, path, outcome, error),
        )
        return True

    def _pdf_done(self, document, language: str, path: Path, outcome, error: str) -> None:
        """Back on the GUI thread: the PDF is there, or Penholder's own print of the same text."""
        kind, detail = outcome if outcome else ("failed", error)
        if kind == "done":
            message = f"Exported {path.name}" + (f" ({'; '.join(detail)})" if detail else "")
            self.window.show_message(message, 6000)
        else:
            self._print_pdf(document, language, path, detail)

    def _print_pdf(self, document, language: str, path: Path, reason: str) -> bool:
        from ui.print_document import export_pdf as print_pdf

        try:
            print_pdf(document, path, language=language)
        except OSError as exc:
            self._error(str(exc))
            return False
        self.window.show_message(f"Exported {path.name} in the simplified layout ({reason})", 10000)
        QMessageBox.information(
            self.window,
            "Penholder",
            f"{path.name} was made with Penholder's own print layout ({reason}).\n\n{PDF_FALLBACK_DETAIL}",
        )
        return True

    def print_document(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.print_document import print_to

        session = self.window.current_session()
        if session is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self.window)
        if dialog.exec():
            print_to(printer, session.document(), language=session.language)

    # -- close -------------------------------------------------------------------------------------

    def may_close(self, session: DocumentSession) -> bool:
        """Whether the document may close: True when nothing is unsaved, or the user saved or
        discarded it; False when the user cancelled (or saving failed)."""
        if not session.modified:
            return True
        self.window.show_session(session)
        answer = QMessageBox.question(
            self.window,
            "Penholder",
            f"Save the changes to “{session.display_name}” before closing?",
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )
        return not (answer == Button.Cancel or (answer == Button.Save and not self.save(session)))

    def closed(self, session: DocumentSession) -> None:
        """The document is closed on purpose: no snapshot to recover, no lock left."""
        self.window.autosaver.forget(session)
        session.close()

    # -- dialogs on the document -------------------------------------------------------------------

    def ask_author_once(self) -> None:
        """Before the first file that carries an author (a redline's tracked changes), ask for
        the user's name or delegation once, as Word asks for a user name; Cancel is a fine
        answer and is not asked again. Preferences can change it any time."""
        settings = self.window.settings
        if settings.delegation or settings.author_asked:
            return
        name, ok = QInputDialog.getText(
            self.window,
            "Your name or delegation",
            "Tracked changes and redlines you export carry an author, as in Word.\n"
            "Your name or delegation (for example “Mexico”), or Cancel to leave it blank:",
        )
        from dataclasses import replace

        self.window.apply_settings(
            replace(settings, author_asked=True, delegation=name.strip() if ok else "")
        )

    def preferences(self) -> None:
        from ui.preferences_dialog import PreferencesDialog

        dialog = PreferencesDialog(self.window.settings, self.window)
        if dialog.exec():
            self.window.apply_settings(dialog.settings())

    def edit_details(self) -> None:
        from ui.masthead_dialog import MastheadDialog

        session = self.window.current_session()
        if session is None:
            return
        dialog = MastheadDialog(session.document().masthead, self.window)
        if dialog.exec():
            session.set_masthead(dialog.masthead())

    def recite_footnote(self) -> None:
        session = self.window.current_session()
        if session is None or not session.base.footnotes:
            self.window.show_message("There is no footnote to cite yet (Ctrl+Alt+F inserts one)", 5000)
            return
        from drafting.model import plain_text

        numbers = session.footnote_numbers
        ordered = sorted(session.base.footnotes.values(), key=lambda f: numbers.get(f.id, 0))
        items = [f"{numbers.get(f.id, '?')}  {plain_text(f.content)[:80]}" for f in ordered]
        choice, ok = QInputDialog.getItem(self.window, "Cite a footnote again", "Footnote:", items, 0, False)
        if ok and choice in items:
            session.recite_footnote(ordered[items.index(choice)].id)

    def orphaned_footnote(self, footnote_id: str, number: int) -> None:
        session = self.window.current_session()
        if session is None or footnote_id not in session.base.footnotes:
            return
        answer = QMessageBox.question(
            self.window,
            "Penholder",
            f"Footnote {number} is no longer cited anywhere. Delete its text as well?",
            Button.Yes | Button.No,
            Button.Yes,
        )
        if answer == Button.Yes:
            session.delete_footnote(footnote_id)

    def _error(self, message: str) -> None:
        QMessageBox.warning(self.window, "Penholder", message)


def open_anyway_warning(name: str, holder: int) -> str:
    """The question before opening a file another Penholder has open. Answering Yes makes two
    copies of one file: say what that risks (whichever is saved last replaces the file), and
    that each window's unsaved work is still autosaved on its own (``app.recovery``)."""
    return (
        f"{name} is already open in another Penholder window (process {holder}).\n\n"
        "Opening it here as well makes two copies of one file, each edited on its own. The copy "
        "saved last wins: it replaces the file, and what was saved from the other window is lost "
        "from it. (Each window's unsaved changes are still autosaved separately.)\n\n"
        "Open it anyway?"
    )


def _pdf_through_libreoffice(document, path: Path, options) -> tuple[str, object]:
    """On the worker thread: ("done", warnings), or ("fallback", why LibreOffice could not)."""
    from drafting.errors import DraftingError
    from drafting.exporters.pdf_export import PdfExportUnavailable, export_pdf

    try:
        return "done", export_pdf(document, path, options)
    except PdfExportUnavailable:
        return "fallback", "LibreOffice is not installed"
    except DraftingError as exc:
        return "fallback", str(exc)
