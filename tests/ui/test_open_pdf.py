"""An official UN PDF opens in the window like any other file."""

from __future__ import annotations

from tests.helpers import shared_corpus
from tests.ui.window_helpers import open_corpus, operative_texts

PDF = shared_corpus() / "pdf" / "A_RES_73_8-EN.pdf"


def test_a_un_pdf_opens_with_its_structure(window):
    session = open_corpus(window, PDF)
    document = session.document()
    assert len(document.preambular) == 8
    assert len(operative_texts(session)) == 5
    assert len(document.footnotes) == 1
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("A_RES_73_8-EN")
