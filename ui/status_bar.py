"""The window's status bar: the place of the cursor, the word count, the counts of the negotiation
(paragraphs agreed and pending, bracket pairs), the document's language, the autosave state and
the Editing / Suggesting switch. Built here; the window fills the labels in."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QLabel, QStatusBar, QToolButton


@dataclass
class StatusWidgets:
    place: QLabel
    words: QLabel
    language: QLabel
    autosave: QLabel
    suggesting: QToolButton
    """ "Editing" / "Suggesting": the current document's mode; a click switches it (Ctrl+Shift+E)."""


def build_status_bar(
    bar: QStatusBar, counts: list[QLabel], toggle_suggesting: Callable[[], None]
) -> StatusWidgets:
    """The permanent widgets, left to right; ``counts`` go after the word count."""
    widgets = StatusWidgets(QLabel(), QLabel(), QLabel(), QLabel(), QToolButton())
    for label in (widgets.place, widgets.words, *counts, widgets.language, widgets.autosave):
        label.setContentsMargins(8, 0, 8, 0)
        bar.addPermanentWidget(label)
    indicator = widgets.suggesting
    indicator.setObjectName("suggesting-indicator")
    indicator.setText("Editing")
    indicator.setCheckable(True)
    indicator.setAutoRaise(True)
    indicator.setEnabled(False)
    indicator.clicked.connect(lambda _checked=False: toggle_suggesting())
    bar.addPermanentWidget(indicator)
    return widgets


def autosave_text(saved: bool | None, has_path: bool, last_autosave: float | None, every: int) -> str:
    """ "Saved", "Not saved yet", "Autosaved 14:05" or "Autosave every 60 s". ``saved``: whether
    the current document is unmodified (None without a document)."""
    if saved:
        return "Saved" if has_path else "Not saved yet"
    if last_autosave is not None:
        return f"Autosaved {time.strftime('%H:%M', time.localtime(last_autosave))}"
    return f"Autosave every {every} s"
