"""A comparison open in a tab: the view, its background runner, exports, and accepting or
rejecting a single change into the current text when the newer side is that text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QVBoxLayout, QWidget

from drafting.atomic import atomic_write_bytes
from drafting.compare import BlockChange, Comparison, FootnoteChange, MetadataChange
from drafting.compare.redline import redline_document
from drafting.compare.report import comparison_html
from drafting.exporters.docx_export import DocxOptions, export_docx
from drafting.model import Block, Document
from ui.compare_runner import CompareRunner
from ui.compare_view import CompareView
from ui.editor.writer import flatten_blocks

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace


class CompareTab(QWidget):
    def __init__(
        self,
        window: Workspace,
        old: Document,
        new: Document,
        old_title: str,
        new_title: str,
        against: DocumentSession | None = None,
    ) -> None:
        super().__init__()
        self.window = window
        # Snapshots and revisions are never changed in place, so they are shared, not copied:
        # copying two 1 MB texts froze the window for a third of a second.
        self.old, self.new = old, new
        self.old_title, self.new_title = old_title, new_title
        self.against = against
        self.session = None  # not a document tab: the window's document commands skip it
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.view = CompareView(self)
        layout.addWidget(self.view)
        self.runner = CompareRunner(self)
        self.runner.busy.connect(self.view.set_busy)
        self.runner.finished.connect(self._finished)
        self.runner.failed.connect(lambda message: QMessageBox.warning(self, "Penholder", message))
        self.view.exportDocxRequested.connect(self.export_docx_dialog)
        self.view.exportHtmlRequested.connect(self.export_html_dialog)
        self.view.printRequested.connect(self.print_comparison)
        self.view.acceptRequested.connect(self.accept_change)
        self.view.rejectRequested.connect(self.reject_change)
        self.view.set_accept_reject_enabled(against is not None)
        self.accepted: set[tuple] = set()
        # A tab in the background must not set the window's minimum width: the document tabs
        # and their panels share the same tab widget, whose minimum is that of its widest page.
        self.setMinimumWidth(320)
        self.runner.start(self.old, self.new)

    def title(self) -> str:
        return f"{self.old_title} → {self.new_title}"

    def comparison(self) -> Comparison | None:
        return self.view.comparison()

    def _finished(self, comparison: Comparison) -> None:
        self.view.set_comparison(comparison, self.old_title, self.new_title, self.old, self.new)
        self._mark_accepted()

    # -- exports -----------------------------------------------------------------------------------

    def author(self) -> str:
        return self.window.settings.delegation or "Comparison"

    def export_docx(self, path: Path) -> None:
        """The comparison as a Word file with real tracked changes (author: the user's delegation)."""
        comparison = self.comparison()
        if comparison is None:
            raise OSError("the comparison is still running")
        from datetime import UTC, datetime

        date = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")  # the changes are dated
        redline = redline_document(comparison, self.author(), date)
        options = DocxOptions(proposals="tracked")
        data = export_docx(redline.document, options, redline.deleted_labels, redline.moves).data
        atomic_write_bytes(path, data, follow_links=True)  # chosen in a Save dialog

    def export_html(self, path: Path) -> None:
        comparison = self.comparison()
        if comparison is None:
            raise OSError("the comparison is still running")
        html = comparison_html(comparison, self.title()).encode("utf-8")
        atomic_write_bytes(path, html, follow_links=True)  # chosen in a Save dialog

    def _export(self, kind: str, writer) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the comparison", str(Path(self.window.files.last_folder) / f"comparison.{kind}"),
            "Word documents (*.docx)" if kind == "docx" else "Web pages (*.html)",
        )  # fmt: skip
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != f".{kind}":
            path = path.with_suffix(f".{kind}")
        try:
            writer(path)
        except OSError as exc:
            QMessageBox.warning(self, "Penholder", f"could not write {path.name}: {exc.strerror or exc}")
            return
        self.window.show_message(f"Exported {path.name}", 5000)

    def export_docx_dialog(self) -> None:
        self.window.files.ask_author_once()
        self._export("docx", self.export_docx)

    def export_html_dialog(self) -> None:
        self._export("html", self.export_html)

    def print_comparison(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec():
            self.view.finish_building()  # a long comparison may still be being written out
            self.view.inline_browser.document().print_(printer)

    # -- accept / reject into the current text -----------------------------------------------------

    def accept_change(self, change: BlockChange | FootnoteChange | MetadataChange) -> None:
        """Keep the change as it stands in the current text: the row is ticked off and the
        next change is selected (the text itself does not change). ``change`` is the engine's
        change object, as the view's ``acceptRequested`` carries it."""
        self.accepted.add(_key(change))
        self._mark_accepted()
        self.view.next_change()

    def _mark_accepted(self) -> None:
        for index, item_entry in enumerate(self.view.changes()):
            if _key(item_entry.change) in self.accepted:
                item = self.view.change_list.topLevelItem(index)
                if item is not None and not item.text(0).startswith("✓"):
                    item.setText(0, f"✓ {item.text(0)} (accepted)")
                    item.setForeground(0, self.palette().placeholderText())

    def reject_change(self, change: BlockChange | FootnoteChange | MetadataChange) -> None:
        """Put the older text back for this one change, as one undoable step in the document."""
        session = self.against
        if session is None:
            return
        if isinstance(change, FootnoteChange):
            old = self.old.footnotes.get(change.old_id) if change.old_id else None
            if old is not None and change.new_id:
                session.set_footnote_content(change.new_id, old.content)
            elif change.new_id:
                session.delete_footnote(change.new_id)
        elif isinstance(change, BlockChange):
            self._reject_block(session, change)
        elif isinstance(change, MetadataChange):
            self._reject_metadata(session, change)
        self._recompare()

    def _reject_metadata(self, session: DocumentSession, change: MetadataChange) -> None:
        """A masthead field (symbol, date, agenda item…) back to its old value, one undo step.
        The title, the organ line and the material before the title are part of the text."""
        if change.field in ("title", "organ_line", "front"):
            self.window.show_message("That part is edited in the text itself: change it there", 6000)
            return
        masthead = copy.deepcopy(session.document().masthead)
        setattr(masthead, change.field, copy.deepcopy(change.old))
        session.set_masthead(masthead)

    def _reject_block(self, session: DocumentSession, change: BlockChange) -> None:
        label = change.new_label or change.old_label or "paragraph"
        name = f"Reject the change to {label}"
        if change.change in ("modified", "formatting") and change.old_id and change.new_id:
            old_block = self.old.block(change.old_id)
            session.replace_paragraph(change.new_id, old_block.content, self.old, name)
        elif change.change == "inserted" and change.new_id:
            session.delete_paragraph(change.new_id, name)
        elif change.change == "deleted" and change.old_id:
            block = self.old.block(change.old_id)
            anchor = self._anchor_in_new(change.old_id)
            session.insert_paragraphs_after(anchor, _family(block), self.old, f"Restore {change.old_label}")
        elif change.change == "moved" and change.new_id and change.old_id:
            following = self._old_successor_in_new(change.old_id)
            session.move_block(change.new_id, following or "")
            if change.edited:
                session.replace_paragraph(
                    change.new_id, self.old.block(change.old_id).content, self.old, name
                )

    def _pairs(self) -> dict[str, str]:
        comparison = self.comparison()
        if comparison is None:
            return {}
        return {c.old_id: c.new_id for c in comparison.blocks if c.old_id and c.new_id}

    def _anchor_in_new(self, old_id: str) -> str | None:
        """The paragraph of the current text after which an old paragraph goes back."""
        pairs = self._pairs()
        previous = None
        for block in self.old.iter_blocks():
            if block.id == old_id:
                return previous
            if block.id in pairs and block.kind.value != "subparagraph":
                previous = pairs[block.id]
        return previous

    def _old_successor_in_new(self, old_id: str) -> str | None:
        pairs = self._pairs()
        seen = False
        for block in self.old.blocks:
            if seen and block.id in pairs:
                return pairs[block.id]
            seen = seen or block.id == old_id
        return None

    def _recompare(self) -> None:
        if self.against is not None:
            self.new = self.against.document()
        self.runner.start(self.old, self.new)

    def close(self) -> bool:
        self.runner.shutdown()
        return super().close()


def _key(change) -> tuple:
    return (type(change).__name__, getattr(change, "change", ""), change.old_id, change.new_id)


def _family(block: Block):
    return list(flatten_blocks([block]))
