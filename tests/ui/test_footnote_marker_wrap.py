"""A footnote reference keeps to the word before it, as in Word and the printed UN documents.

On the surface the marker is one U+FFFC object character; Qt's line breaker allows a break
before it, so at some widths a line ended with "… session," and the next began with the lone
marker. The surface now writes a WORD JOINER (U+2060) before each marker: these tests lay
real paragraphs out at many widths, and check that the joiner is invisible to everything else
(the model, copy and paste, the cursor, deleting, finding).
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import QApplication, QTextEdit

from drafting.importers import load_document
from drafting.model import NoteRef, Text, iter_inlines, plain_text
from tests.helpers import structure
from tests.ui.window_helpers import RES_67_193, open_corpus
from ui.editor import formats, structure_ops
from ui.editor.findings_view import surface_offset

JOINER = "\u2060"


def _marker_positions(block) -> list[int]:
    """Block-relative positions of the footnote markers in ``block``."""
    positions = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        it += 1
        if fragment.charFormat().objectType() == formats.FOOTNOTE_OBJECT:
            start = fragment.position() - block.position()
            positions.extend(range(start, start + fragment.length()))
    return positions


def _visible_before(text: str, position: int) -> int:
    """The position of the last character before ``position`` that is not a word joiner."""
    k = position - 1
    while k >= 0 and text[k] == JOINER:
        k -= 1
    return k


def _first_paragraph(session):
    block_id = session.document().blocks[0].id
    return structure_ops.find_block(session.qdoc, block_id)


def _marker_after_text(session):
    """(block, position) of the first marker in the first paragraph typed right after text."""
    block = _first_paragraph(session)
    text = block.text()
    for position in _marker_positions(block):
        before = _visible_before(text, position)
        if before >= 0 and not text[before].isspace():
            return block, position
    raise AssertionError("the first paragraph of A/RES/67/193 cites footnotes after words")


def _place(session, position: int) -> None:
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(position)
    session.editor.setTextCursor(cursor)
    session.editor.setFocus()


def test_a_marker_never_starts_a_line_after_the_word_it_follows(qtbot, window):
    session = open_corpus(window, RES_67_193)
    editor = session.editor
    block = _first_paragraph(session)  # "… special session,¹ the Declaration … Reduction,² …"
    text = block.text()
    markers = [m for m in _marker_positions(block) if not text[_visible_before(text, m)].isspace()]
    assert len(markers) >= 3
    editor.setLineWrapMode(QTextEdit.LineWrapMode.FixedPixelWidth)
    split, carried = [], []
    for width in range(250, 600):
        editor.setLineWrapColumnOrWidth(width)
        session.qdoc.documentLayout().blockBoundingRect(block)  # lays the paragraph out
        layout = block.layout()
        for marker in markers:
            before = _visible_before(text, marker)
            line = layout.lineForTextPosition(marker)
            if layout.lineForTextPosition(before).lineNumber() != line.lineNumber():
                split.append((width, text[max(0, before - 10) : before + 1]))
            elif line.textStart() == before + 1 - len(text[: before + 1].split()[-1]):
                carried.append(width)  # the word begins the line: it went there with its marker
    assert split == []
    # The scan did cross the widths where a marker would otherwise have wrapped on its own.
    assert carried


def test_the_model_read_back_has_no_joiner_and_is_the_document_opened(qtbot, window):
    session = open_corpus(window, RES_67_193)
    block, marker = _marker_after_text(session)
    # Every marker on the surface has its joiner just before it.
    assert block.text()[marker - 1] == JOINER
    document = session.document()
    original = load_document(RES_67_193).document
    assert structure(document) == structure(original)
    assert [b.content for b in document.iter_blocks()] == [b.content for b in original.iter_blocks()]
    assert all(
        JOINER not in node.text
        for b in document.iter_blocks()
        for node in iter_inlines(b.content)
        if isinstance(node, Text)
    )


def test_arrows_step_over_the_marker_in_one_press(qtbot, window):
    session = open_corpus(window, RES_67_193)
    editor = session.editor
    block, marker = _marker_after_text(session)
    at = block.position() + marker
    before = block.position() + _visible_before(block.text(), marker) + 1  # just after "session,"
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    assert editor.textCursor().position() == at + 1  # past the marker
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.textCursor().position() == before  # back before it, not between joiner and marker
    qtbot.keyClick(editor, Qt.Key.Key_Left)
    assert editor.textCursor().position() == before - 1
    # Selecting across the marker takes it with its joiner.
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    cursor = editor.textCursor()
    assert (cursor.anchor(), cursor.position()) == (before, at + 1)
    _place(session, at + 1)
    qtbot.keyClick(editor, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    cursor = editor.textCursor()
    assert (cursor.anchor(), cursor.position()) == (at + 1, before)


def test_no_gesture_leaves_the_cursor_between_joiner_and_marker(qtbot, window):
    from PySide6.QtCore import QPoint

    session = open_corpus(window, RES_67_193)
    editor = session.editor
    block, marker = _marker_after_text(session)
    at = block.position() + marker
    before = block.position() + _visible_before(block.text(), marker) + 1
    _place(session, at)  # a position set by code (a finding, a search) lands before the pair
    assert editor.textCursor().position() == before
    # A click on the marker's left half puts the cursor before it, on its right half after it,
    # wherever the cursor was.
    editor.ensureCursorVisible()
    left = editor.cursorRect(editor.textCursor())
    _place(session, at + 1)
    right = editor.cursorRect(editor.textCursor())
    assert right.x() - left.x() >= 4  # the marker's width
    for start in (before, at + 1, before - 5):
        for fraction, expected in ((0.25, before), (0.75, at + 1)):
            _place(session, start)
            point = QPoint(round(left.x() + fraction * (right.x() - left.x())), left.center().y())
            qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
            assert editor.textCursor().position() == expected, (start, fraction)
    # A double click on the marker selects it with its joiner.
    point = QPoint(round((left.x() + right.x()) / 2), left.center().y())
    qtbot.mouseDClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=point)
    cursor = editor.textCursor()
    assert (cursor.selectionStart(), cursor.selectionEnd()) == (before, at + 1)
    # Down then Up comes back before the pair, not into it.
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Down)
    qtbot.keyClick(editor, Qt.Key.Key_Up)
    assert editor.textCursor().position() == before


def test_typing_and_deleting_around_a_marker(qtbot, window):
    session = open_corpus(window, RES_67_193)
    editor = session.editor
    block_id = session.document().blocks[0].id
    block, marker = _marker_after_text(session)
    before = block.position() + _visible_before(block.text(), marker) + 1  # after "session,"
    original = session.document().blocks[0].content
    index = next(i for i, n in enumerate(original) if isinstance(n, NoteRef))
    note = original[index]
    plain = plain_text(original)

    def content():
        return session.document().block(block_id).content

    # Typed before the marker, the text joins the word, and the marker stays glued to it.
    _place(session, before)
    qtbot.keyClicks(editor, "x")
    assert content()[index - 1].text.endswith("session,x")
    assert content()[index] == note
    assert session.qdoc.characterAt(editor.textCursor().position()) == JOINER
    # Backspace there deletes the typed letter, not the joiner.
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert content() == original
    # Delete before the marker removes it (with its joiner) in one press.
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert note not in content()
    assert plain_text(content()) == plain
    assert session.qdoc.characterAt(before) == " "
    session.undo.stack.undo()
    assert content() == original
    # Backspace after the marker removes it (with its joiner) in one press.
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    assert editor.textCursor().position() == before
    assert note not in content()
    assert plain_text(content()) == plain
    assert session.qdoc.characterAt(before - 1) == ","
    assert session.qdoc.characterAt(before) == " "
    session.undo.stack.undo()
    assert content() == original
    # Ctrl+Backspace after the marker takes it whole too (Qt's word step stops between the two).
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClick(editor, Qt.Key.Key_Backspace, Qt.KeyboardModifier.ControlModifier)
    assert note not in content()
    assert JOINER not in structure_ops.find_block(session.qdoc, block_id).text()[: marker + 1]
    session.undo.stack.undo()
    assert content() == original
    # Typed after the marker, the text follows it.
    _place(session, before)
    qtbot.keyClick(editor, Qt.Key.Key_Right)
    qtbot.keyClicks(editor, "y")
    assert content()[index] == note
    assert content()[index + 1].text.startswith("y the Declaration")


def test_copy_and_paste_of_a_marker_keeps_it_glued_and_the_clipboard_clean(qtbot, window):
    session = open_corpus(window, RES_67_193)
    editor = session.editor
    block_id = session.document().blocks[0].id
    block, marker = _marker_after_text(session)
    before = block.position() + _visible_before(block.text(), marker) + 1
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(before - len("session,"))
    cursor.setPosition(before + 2, QTextCursor.MoveMode.KeepAnchor)  # "session," + marker
    editor.setTextCursor(cursor)
    qtbot.keyClick(editor, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    data = QApplication.clipboard().mimeData()
    assert JOINER not in data.text()
    assert data.text() == "session," + formats.OBJECT_CHAR
    assert JOINER not in bytes(data.data("text/html")).decode("utf-8")
    del data  # the clipboard owns it: no Python wrapper may outlive it
    # Pasted at the end of the paragraph, the marker comes with its joiner again.
    end = QTextCursor(structure_ops.find_block(session.qdoc, block_id))
    end.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    editor.setTextCursor(end)
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    block = structure_ops.find_block(session.qdoc, block_id)
    assert block.text().endswith("session," + JOINER + formats.OBJECT_CHAR)
    content = session.document().block(block_id).content
    assert isinstance(content[-1], NoteRef)
    assert content[-2].text.endswith("session,")
    assert JOINER not in content[-2].text
    QApplication.clipboard().clear()  # mime data made in Python left on it crashes Qt at exit


def test_model_offsets_map_to_the_surface_characters_past_markers(qtbot, window):
    """Findings are underlined through the reader's segments: each model offset must land on
    the same character on the surface, however many markers and joiners come before it."""
    session = open_corpus(window, RES_67_193)
    snapshot = session.snapshot()
    checked = 0
    for b in session.document().blocks[:6]:
        block = structure_ops.find_block(session.qdoc, b.id)
        model_text = "".join(n.text for n in iter_inlines(b.content) if isinstance(n, Text))
        surface = block.text()
        for offset, char in enumerate(model_text):
            assert surface[surface_offset(snapshot.segments[b.id], offset)] == char, (b.id, offset)
            checked += 1
    assert checked > 1000


def test_find_over_a_cited_word_selects_the_word_only(qtbot, window):
    session = open_corpus(window, RES_67_193)
    found = session.qdoc.find("special session,", QTextCursor(session.qdoc), QTextDocument.FindFlag(0))
    assert not found.isNull()
    session.editor.setTextCursor(found)
    assert session.editor.textCursor().selectedText() == "special session,"


def test_a_joiner_of_the_text_itself_is_kept_and_proposals_stay_whole(qapp):
    """Only the surface's own joiners are dropped on reading: one the text holds stays, and a
    marker's joiner never splits the proposal the marker is in."""
    from drafting.model import Block, BlockKind, Document, DocumentKind, Proposal, ProposalKind, ProposalSpan
    from ui.editor.reader import SurfaceReader
    from ui.editor.writer import load_into

    content = [
        Text("no\u2060break" + JOINER),
        NoteRef("fn-1"),
        ProposalSpan("pr-1", deleted=[Text("old"), NoteRef("fn-2")], inserted=[NoteRef("fn-1"), Text("new")]),
        Text(" and"),
        ProposalSpan("pr-2", inserted=[NoteRef("fn-2")]),
    ]
    document = Document(kind=DocumentKind.RESOLUTION, language="en")
    document.blocks.append(Block("p-1", BlockKind.OPERATIVE, content))
    document.proposals = {
        "pr-1": Proposal("pr-1", ProposalKind.REPLACE, author="Mexico"),
        "pr-2": Proposal("pr-2", ProposalKind.INSERT, author="Kazakhstan"),
    }
    qdoc = QTextDocument()
    load_into(qdoc, document)
    assert qdoc.firstBlock().text().count(JOINER) == 2 + 4  # the text's two, one per marker
    snapshot = SurfaceReader(qdoc).read(document)
    assert snapshot.document.blocks[0].content == content
    # "no⁠break⁠" then "old" (deleted, counted) are the model text; the markers are not.
    surface = qdoc.firstBlock().text()
    for offset, char in enumerate("no\u2060break\u2060old and"):
        assert surface[surface_offset(snapshot.segments["p-1"], offset)] == char


def test_a_new_footnote_gets_its_joiner(qtbot, window):
    session = open_corpus(window, RES_67_193)
    block, marker = _marker_after_text(session)
    before = block.position() + _visible_before(block.text(), marker) + 1
    _place(session, before - 1)  # between "session" and ","
    note = session.insert_footnote()
    position = session.editor.textCursor().position()
    assert session.qdoc.characterAt(position - 1) == formats.OBJECT_CHAR
    assert session.qdoc.characterAt(position - 2) == JOINER
    assert NoteRef(note) in session.document().blocks[0].content
    session.undo.stack.undo()
    assert session.qdoc.characterAt(before - 1) == ","
