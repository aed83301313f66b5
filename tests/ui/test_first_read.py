"""Conversions made from the model at opening (``ui.editor.first_read``) are the reader's own.

Every paragraph of the corpus texts, of the real GA resolutions and of a compilation with
proposals is written onto a surface; each conversion made without reading must equal what the
reader makes from the surface (``convert_block``), and an opened session's model must equal a
read of the whole surface from scratch.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument

from drafting.importers import load_document
from drafting.model import Mark, NoteRef, Text
from drafting.storage import document_to_dict
from tests.arabic_fixture import arabic_resolution
from tests.helpers import CORPUS, shared_corpus, three_author_compilation
from ui.document_session import DocumentSession
from ui.editor import structure_ops
from ui.editor.first_read import conversions
from ui.editor.reader import SurfaceReader, convert_block
from ui.editor.writer import load_into

REAL = sorted((shared_corpus() / "real-ga80").glob("*.md"))


def _documents():
    for path in sorted(CORPUS.glob("*.txt")):
        yield path.name, load_document(path).document
    for path in REAL[::5]:
        yield path.name, load_document(path).document
    yield "compilation with proposals", three_author_compilation()


def test_every_conversion_made_at_opening_is_the_readers(qapp):
    made = total = 0
    for name, document in _documents():
        qdoc = QTextDocument()
        written = load_into(qdoc, document)
        for block, converted in conversions(qdoc, written):
            assert converted == convert_block(block), (name, converted.block_id)
            made += 1
        total += qdoc.blockCount()
    assert made > 0.9 * total  # most paragraphs are plain runs and footnote references


def test_paragraphs_with_proposals_or_joined_runs_are_left_to_the_reader(qapp):
    document = three_author_compilation()
    proposed = {b.id for b in document.operative[:6]}
    joined = document.operative[7]
    joined.content = [
        Text("Calls upon ", frozenset({Mark.ITALIC})),
        Text("all "),
        Text("States"),
        NoteRef(""),
    ]
    qdoc = QTextDocument()
    made = {converted.block_id for _block, converted in conversions(qdoc, load_into(qdoc, document))}
    assert not made & proposed
    assert joined.id not in made
    assert document.operative[8].id in made


@pytest.mark.parametrize("name", ["ga-res-67-193-en.txt", "ga-draft-central-asia-drugs-zh.txt", "arabic"])
def test_an_opened_session_reads_as_a_surface_read_from_scratch(qapp, name):
    document = arabic_resolution() if name == "arabic" else load_document(CORPUS / name).document
    session = DocumentSession(document)
    fresh = SurfaceReader(session.qdoc).read(session.base)
    seeded = session.snapshot()
    assert session.reader.conversions == 0  # nothing had to be read
    assert document_to_dict(seeded.document) == document_to_dict(fresh.document)
    assert seeded.order == fresh.order
    assert seeded.segments == fresh.segments


def test_a_conversion_made_at_opening_gives_way_to_an_edit(qapp):
    session = DocumentSession(load_document(CORPUS / "ga-res-67-193-en.txt").document)
    target = session.base.operative[2]
    cursor = session.text_cursor()
    block = structure_ops.find_block(session.qdoc, target.id)
    cursor.setPosition(block.position() + 5)
    cursor.insertText("XYZ")
    edited = session.document().block(target.id)
    assert "XYZ" in "".join(n.text for n in edited.content if isinstance(n, Text))
    assert edited.content == convert_block(block).content


def test_file_open_shows_the_text_and_typing_reads_back(window, qtbot, monkeypatch):
    """Through the File ▸ Open action: the opened text is the file's (nothing read back at
    opening), and a key typed into a paragraph reaches the model and its findings."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QFileDialog

    path = CORPUS / "ga-res-67-193-en.txt"
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a, **_k: ([str(path)], ""))
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in menu.actions() if a.text() == "&Open…").trigger()
    session = window.current_session()
    assert session.source == path
    qtbot.waitUntil(lambda: session.checks_current, timeout=10_000)
    assert session.reader.conversions == 0
    expected = load_document(path).document
    assert _texts(session.document()) == _texts(expected)
    target = session.document().operative[4]
    block = structure_ops.find_block(session.qdoc, target.id)
    cursor = session.text_cursor()
    cursor.setPosition(block.position() + block.length() - 2)
    session.set_text_cursor(cursor)
    qtbot.keyClicks(session.editor, " zzqx")
    qtbot.keyClick(session.editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: session.checks_current, timeout=10_000)
    assert "zzqx" in "".join(
        n.text for n in session.document().block(target.id).content if isinstance(n, Text)
    )
    assert 0 < session.reader.conversions <= 6  # the edited paragraph, once a read; no other
    assert any(f.target == target.id and f.rule.startswith("spelling") for f in session.findings)


def _texts(document):
    from drafting.model import plain_text

    return [plain_text(block.content) for block in document.iter_blocks()]
