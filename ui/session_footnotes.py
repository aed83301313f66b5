"""The footnote gestures of a document session: insert, cite again, edit, delete, find.

Footnote texts live outside the surface (in ``DocumentSession.base``); changing them is an
undoable command of its own, and the marker in the text is one object character whose format
names the footnote, preceded by a word joiner that keeps it on the line of the word before
(``ui.editor.writer.insert_marker``). Mixed into :class:`ui.document_session.DocumentSession`,
whose attributes (``base``, ``undo``, ``editor``, ``qdoc``, ``markers``) these methods use.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor

from drafting.ids import new_id
from drafting.model import Document, Footnote, Inline, NoteRef, iter_inlines
from ui.editor import formats
from ui.editor.writer import insert_marker
from ui.undo_bridge import CallbackStep


class FootnoteGestures:
    def _set_footnotes(self, name: str | None, footnotes: dict[str, Footnote]) -> None:
        def apply(value: object) -> None:
            self.base.footnotes = dict(value)  # type: ignore[arg-type]
            self._snapshot = None
            self.refresh()
            self._check_later.poke()

        step = CallbackStep(name or "Footnotes", apply, dict(self.base.footnotes), dict(footnotes))
        self.undo.push(step)

    def insert_footnote(self, content: list[Inline] | None = None) -> str:
        """A new footnote at the cursor (Ctrl+Alt+F); later footnotes renumber. Returns its id."""
        footnote_id = new_id("fn")
        footnotes = dict(self.base.footnotes)
        footnotes[footnote_id] = Footnote(footnote_id, list(content or []))
        with self.undo.step("Insert footnote"):
            self._set_footnotes(None, footnotes)
            self._insert_marker(footnote_id)
        self.refresh()
        return footnote_id

    def recite_footnote(self, footnote_id: str) -> None:
        """Cite an existing footnote again at the cursor."""
        if footnote_id not in self.base.footnotes:
            return
        number = self.markers.numbers.get(footnote_id, "")
        with self.undo.step(f"Cite footnote {number} again"):
            self._insert_marker(footnote_id)
        self.refresh()

    def _insert_marker(self, footnote_id: str) -> None:
        cursor = self.editor.textCursor()
        cursor.clearSelection()
        plain = formats.plain_format(cursor.charFormat())
        insert_marker(cursor, formats.footnote_format(footnote_id))
        cursor.setCharFormat(plain)
        self.editor.setTextCursor(cursor)

    def set_footnote_content(self, footnote_id: str, content: list[Inline]) -> None:
        if footnote_id not in self.base.footnotes:
            return
        footnotes = dict(self.base.footnotes)
        footnotes[footnote_id] = Footnote(footnote_id, list(content))
        number = self.markers.numbers.get(footnote_id, "")
        self._set_footnotes(f"Edit footnote {number}", footnotes)

    def delete_footnote(self, footnote_id: str) -> None:
        footnotes = {k: v for k, v in self.base.footnotes.items() if k != footnote_id}
        number = self.markers.numbers.get(footnote_id, "")
        self._set_footnotes(f"Delete footnote {number}", footnotes)

    def goto_footnote_reference(self, footnote_id: str) -> None:
        block = self.qdoc.firstBlock()
        while block.isValid():
            it = block.begin()
            while not it.atEnd():
                fragment = it.fragment()
                it += 1
                if fragment.charFormat().property(formats.NOTE_ID) == footnote_id:
                    cursor = QTextCursor(self.qdoc)
                    cursor.setPosition(fragment.position() + 1)
                    self.editor.setTextCursor(cursor)
                    self.editor.ensureCursorVisible()
                    return
            block = block.next()

    def _adopt_footnotes(self, content: list[Inline], source: Document) -> None:
        missing = {
            node.footnote_id
            for node in iter_inlines(content)
            if isinstance(node, NoteRef) and node.footnote_id not in self.base.footnotes
        }
        missing &= set(source.footnotes)
        if missing:
            footnotes = dict(self.base.footnotes)
            footnotes.update({i: source.footnotes[i] for i in missing})
            self._set_footnotes(None, footnotes)
