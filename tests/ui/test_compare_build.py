"""Writing documents in pieces between events (ui.compare_build), on made-up jobs."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QTextCursor, QTextDocument

from ui.compare_build import COMMIT_CHARACTERS, Job, PieceBuilder

LINE = "The General Assembly, recalling its resolutions on the subject, decides to continue. "


def paragraphs(document: QTextDocument, count: int, fail_at: int | None = None) -> Job:
    """A job writing ``count`` numbered paragraphs of about 850 characters each."""
    cursor = QTextCursor(document)

    def steps():
        for index in range(count):
            if index == fail_at:
                raise ValueError("a faulty paragraph")
            if index:
                cursor.insertBlock()
            cursor.insertText(f"{index}. " + LINE * 10)
            yield

    return Job(cursor, steps())


def texts(document: QTextDocument) -> list[str]:
    return document.toPlainText().split("\n")


@pytest.fixture
def builder_of(qtbot):
    made: list[PieceBuilder] = []

    def make(jobs: list[Job]) -> PieceBuilder:
        made.append(PieceBuilder(jobs))
        return made[-1]

    yield make
    for builder in made:
        builder.cancel()


def run_events_until(builder: PieceBuilder, limit: int = 10_000) -> int:
    turns = 0
    while builder.is_running() and turns < limit:
        QCoreApplication.processEvents()
        turns += 1
    return turns


def test_start_writes_the_first_characters_and_the_event_loop_the_rest(qtbot, builder_of):
    document = QTextDocument()
    builder = builder_of([paragraphs(document, 400)])
    finished: list[bool] = []
    builder.finished.connect(lambda: finished.append(True))
    builder.start(10_000)
    written = document.characterCount()
    assert 10_000 <= written < 10_000 + COMMIT_CHARACTERS + 1000  # up to the commit that passed it
    assert builder.is_running()
    assert finished == []
    assert run_events_until(builder) >= 1
    assert finished == [True]
    assert texts(document) == [f"{i}. " + (LINE * 10) for i in range(400)]


def test_start_with_none_writes_everything_at_once(builder_of):
    document = QTextDocument()
    builder = builder_of([paragraphs(document, 50)])
    finished: list[bool] = []
    builder.finished.connect(lambda: finished.append(True))
    builder.start(None)
    assert finished == [True]
    assert not builder.is_running()
    assert len(texts(document)) == 50


def test_two_documents_are_written_side_by_side(builder_of):
    left, right = QTextDocument(), QTextDocument()
    builder = builder_of([paragraphs(left, 300), paragraphs(right, 30)])
    builder.start(8_000)
    assert left.characterCount() >= 8_000
    assert right.characterCount() >= 8_000  # each document's first screen, not one after the other
    assert left.characterCount() < 8_000 + COMMIT_CHARACTERS + 1000
    builder.finish()
    assert not builder.is_running()
    assert (len(texts(left)), len(texts(right))) == (300, 30)


def test_cancel_keeps_what_was_written_and_writes_no_more(builder_of):
    document = QTextDocument()
    builder = builder_of([paragraphs(document, 400)])
    finished: list[bool] = []
    builder.finished.connect(lambda: finished.append(True))
    builder.start(5_000)
    written = document.characterCount()
    builder.cancel()
    for _ in range(50):
        QCoreApplication.processEvents()
    assert document.characterCount() == written
    assert not builder.is_running()
    assert finished == []


def test_a_failing_step_stops_the_writing_and_is_reported(builder_of):
    document = QTextDocument()
    builder = builder_of([paragraphs(document, 400, fail_at=3)])
    with pytest.raises(ValueError, match="faulty"):
        builder.start(50_000)
    assert not builder.is_running()
    assert len(texts(document)) == 3
