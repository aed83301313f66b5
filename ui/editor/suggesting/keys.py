"""The keys that would change the text, carried out as suggestions. Enter, Tab and the undo
keys are the editor widget's own; Insert is swallowed (no overwriting: every change is a
proposal)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

from ui.editor.suggesting.deleting import (
    backspace,
    delete_forward,
    delete_selection,
    delete_to_paragraph_end,
    delete_word,
)
from ui.editor.suggesting.inserting import type_text
from ui.editor.suggesting.recorder import Recorder

SK = QKeySequence.StandardKey
_Mod = Qt.KeyboardModifier


def handle_key(recorder: Recorder, event: QKeyEvent) -> bool:
    """Carry out a key that would change the text; True when it was handled here."""
    key = event.key()
    mods = event.modifiers() & ~_Mod.KeypadModifier
    if event.matches(SK.Cut):
        recorder.session.editor.copy()
        delete_selection(recorder)
        return True
    if event.matches(SK.DeleteStartOfWord) or event.matches(SK.DeleteEndOfWord):
        delete_word(recorder, backward=event.matches(SK.DeleteStartOfWord))
        return True
    if event.matches(SK.DeleteEndOfLine) or event.matches(SK.DeleteCompleteLine):
        delete_to_paragraph_end(recorder, whole=event.matches(SK.DeleteCompleteLine))
        return True
    if key == Qt.Key.Key_Backspace and not mods & ~_Mod.ShiftModifier:
        backspace(recorder)
        return True
    if event.matches(SK.Delete) or (key == Qt.Key.Key_Delete and not mods):
        delete_forward(recorder)
        return True
    if key == Qt.Key.Key_Insert and not mods:
        return True  # no overwriting: every change is a proposal
    text = event.text()
    alt_gr = mods & _Mod.ControlModifier and mods & _Mod.AltModifier
    if text and text.isprintable() and (not mods & (_Mod.ControlModifier | _Mod.MetaModifier) or alt_gr):
        type_text(recorder, text)
        return True
    return False
