"""Through the real window: the heap is settled once a document is open and checked, and a
document closed with its tab's close button is freed although it had been frozen
(``app.heap``)."""

from __future__ import annotations

import gc
import weakref

import pytest
from PySide6.QtCore import Qt

from tests.helpers import CORPUS
from tests.ui.window_helpers import open_corpus, put_cursor_at_end_of


@pytest.fixture(autouse=True)
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_the_window_settles_after_opening_and_frees_a_closed_document(make_window, qtbot):
    window = make_window()
    keeper = window.heap_keeper
    session = open_corpus(window, CORPUS / "ga-res-67-193-en.txt")
    qtbot.waitUntil(lambda opened=session: opened.checks_current, timeout=20_000)
    settled = keeper.settled
    qtbot.waitUntil(lambda: keeper.settled > settled, timeout=5_000)
    frozen = gc.get_freeze_count()
    assert frozen > 10_000  # the document, its surface and the program itself
    put_cursor_at_end_of(session, session.document().operative[0].id)
    qtbot.keyClicks(session.editor, " typed")
    session.mark_saved()
    document = weakref.ref(session.qdoc)
    model = weakref.ref(session.document())
    del session
    settled = keeper.settled
    bar = window.tabs.tabBar()
    close = bar.tabButton(window.tabs.currentIndex(), bar.ButtonPosition.RightSide)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert window.tabs.count() == 0
    qtbot.waitUntil(lambda: keeper.settled > settled, timeout=5_000)
    assert model() is None
    assert document() is None
    assert gc.get_freeze_count() < frozen
