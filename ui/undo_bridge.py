"""One named undo history per document, covering the text and everything outside it.

The ``QTextDocument`` keeps its own undo levels (typing is merged there). Each new level is
pushed onto a ``QUndoStack`` as a :class:`TextStep` that replays it, named by whatever
operation is running ("New operative paragraph", "Fix: …") or "Typing". Changes outside the
text (footnote texts, document details) are ordinary commands on the same stack, and an
operation that touches both is one macro — so Edit ▸ Undo always undoes exactly what its
label says.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from PySide6.QtGui import QTextCursor, QTextDocument, QUndoCommand, QUndoStack


class TextStep(QUndoCommand):
    def __init__(self, qdoc: QTextDocument, name: str, after: Callable[[], None]) -> None:
        super().__init__(name)
        self._qdoc = qdoc
        self._after = after
        self._done = True  # the edit has already happened when the step is pushed

    def undo(self) -> None:
        self._qdoc.undo()
        self._after()

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._qdoc.redo()
        self._after()


class CallbackStep(QUndoCommand):
    """A change outside the text: ``apply(new)`` on redo, ``apply(old)`` on undo."""

    def __init__(self, name: str, apply: Callable[[object], None], old: object, new: object) -> None:
        super().__init__(name)
        self._apply, self._old, self._new = apply, old, new

    def undo(self) -> None:
        self._apply(self._old)

    def redo(self) -> None:
        self._apply(self._new)


class UndoBridge:
    def __init__(self, qdoc: QTextDocument, after_text_step: Callable[[], None] = lambda: None) -> None:
        self.qdoc = qdoc
        self.stack = QUndoStack(qdoc)
        self._names: list[str] = []
        self._after = after_text_step
        self._levels_in_step = 0
        qdoc.undoCommandAdded.connect(self._text_level_added)

    def _text_level_added(self) -> None:
        name = self._names[-1] if self._names else "Typing"
        self._levels_in_step += 1
        self.stack.push(TextStep(self.qdoc, name, self._after))

    def _seal(self) -> None:
        """End the step's text changes with a change of another kind (a block format set to
        itself). Qt merges typing into the previous undo level when that level ended with an
        insertion at the same place and format, which would fold the next word typed into, say,
        "Insert template"; typing never merges with a format change."""
        cursor = QTextCursor(self.qdoc)
        cursor.beginEditBlock()
        cursor.setBlockFormat(cursor.blockFormat())
        cursor.endEditBlock()

    @contextlib.contextmanager
    def step(self, name: str) -> Iterator[None]:
        """Run an operation as one named undo step (text edits and other commands alike)."""
        outermost = not self._names
        if outermost:
            self._levels_in_step = 0
        self._names.append(name)
        self.stack.beginMacro(name)
        try:
            yield
        finally:
            if outermost and self._levels_in_step:
                self._seal()
            self.stack.endMacro()
            self._names.pop()
            self._drop_if_empty()

    def _drop_if_empty(self) -> None:
        # An operation that changed nothing must not leave an empty step behind: an obsolete
        # command is deleted by the stack when it is undone.
        if self.stack.index() == 0 or self._names:
            return
        top = self.stack.command(self.stack.index() - 1)
        if top is not None and top.childCount() == 0:
            top.setObsolete(True)
            self.stack.undo()

    def forget(self) -> None:
        """No history at all: a new document starts with nothing to undo, as in Word."""
        self.qdoc.clearUndoRedoStacks()
        self.stack.clear()

    def push(self, command: QUndoCommand) -> None:
        self.stack.push(command)
