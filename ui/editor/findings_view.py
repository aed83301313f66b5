"""Findings drawn on the surface: spelling underlines, and the place a finding points at."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from drafting.checks import Finding
from ui.editor import structure_ops
from ui.editor.reader import Segment, Snapshot


def surface_offset(segments: tuple[Segment, ...], model_offset: int) -> int:
    """Block-relative surface position of a model text offset."""
    for segment in segments:
        if model_offset < segment.model_start + segment.length:
            return segment.surface_start + max(0, model_offset - segment.model_start)
    if segments:
        last = segments[-1]
        return last.surface_start + last.length
    return 0


def finding_range(qdoc: QTextDocument, snapshot: Snapshot, finding: Finding) -> tuple[int, int] | None:
    """Absolute surface positions of a finding in a paragraph (None for footnotes or stale ids)."""
    segments = snapshot.segments.get(finding.target)
    if segments is None:
        return None
    block = structure_ops.find_block(qdoc, finding.target.split("~")[0])
    if block is None:
        return None
    start = block.position() + surface_offset(segments, finding.start)
    end = block.position() + surface_offset(segments, max(finding.end - 1, finding.start)) + 1
    end = min(max(end, start), block.position() + block.length() - 1)
    return start, end


def spelling_selections(
    qdoc: QTextDocument, snapshot: Snapshot, findings: list[Finding]
) -> list[QTextEdit.ExtraSelection]:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(QColor(Qt.GlobalColor.red))
    selections = []
    for finding in findings:
        if not finding.rule.startswith("spelling"):
            continue
        place = finding_range(qdoc, snapshot, finding)
        if place is None:
            continue
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(qdoc)
        cursor.setPosition(place[0])
        cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        selections.append(selection)
    return selections
