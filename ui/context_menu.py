"""The editor's context menu: spelling suggestions and "Add to dictionary" for the word under
the mouse (from the background check), editing, paragraph kind and footnotes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QMenu

from drafting.checks import Finding
from drafting.model import Text
from ui.editor import formats
from ui.editor.findings_view import finding_range
from ui.editor.suggesting import ask_rationale
from ui.proposal_commands import resolve_proposal

if TYPE_CHECKING:
    from ui.main_window import MainWindow

KIND_ORDER = ("preambular", "operative", "subparagraph", "heading", "paragraph")


def spelling_finding_at(window: MainWindow, position: int) -> tuple[Finding, tuple[int, int]] | None:
    session = window.current_session()
    if session is None or not session.text_is_read():
        return None
    for finding in session.findings:
        if not finding.rule.startswith("spelling"):
            continue
        place = finding_range(session.qdoc, session.last_snapshot(), finding)
        if place is not None and place[0] <= position <= place[1]:
            return finding, place
    return None


def build_menu(window: MainWindow, point: QPoint) -> QMenu | None:
    session = window.current_session()
    if session is None:
        return None
    editor = session.editor
    menu = QMenu(editor)
    position = editor.cursorForPosition(point).position()
    found = spelling_finding_at(window, position)
    if found is not None:
        finding, place = found
        word = finding.extra.get("word") or session.qdoc.toPlainText()[place[0] : place[1]]
        suggestions = list(finding.extra.get("suggestions") or [])
        if finding.fix is not None and finding.fix.text and finding.fix.text not in suggestions:
            suggestions.insert(0, finding.fix.text)
        for suggestion in suggestions[:5]:
            action = menu.addAction(suggestion)
            action.triggered.connect(lambda _c=False, s=suggestion, p=place: _replace(window, p, s))
        if not suggestions:
            menu.addAction("(no suggestions)").setEnabled(False)
        if finding.rule == "spelling.unknown-word":
            add = menu.addAction(f"Add “{word}” to the dictionary")
            add.triggered.connect(lambda _c=False, w=word: window.edits.add_to_dictionary(w))
        menu.addSeparator()
    proposal_id = _proposal_at(editor, point)
    if proposal_id is not None:
        proposal = session.base.proposals.get(proposal_id)
        who = (proposal.author if proposal else None) or "an unnamed delegation"
        accept = menu.addAction(f"Accept the proposal by {who}")
        accept.triggered.connect(lambda _c=False: resolve_proposal(session, proposal_id, accept=True))
        reject = menu.addAction(f"Reject the proposal by {who}")
        reject.triggered.connect(lambda _c=False: resolve_proposal(session, proposal_id, accept=False))
        has_rationale = proposal is not None and proposal.rationale
        rationale = menu.addAction("Edit rationale…" if has_rationale else "Add rationale…")
        rationale.triggered.connect(lambda _c=False: ask_rationale(window, session, proposal_id))
        menu.addSeparator()
    menu.addAction(window.undo_action)
    menu.addAction(window.redo_action)
    menu.addSeparator()
    for key in ("cut", "copy", "paste"):
        menu.addAction(window.actions[key])
    menu.addSeparator()
    kinds = menu.addMenu("Paragraph kind")
    current = formats.kind_of(editor.textCursor().blockFormat())
    for kind in KIND_ORDER:
        action = window.actions[f"kind_{kind}"]
        action.setCheckable(True)
        action.setChecked(kind == current)
        kinds.addAction(action)
    menu.addAction(window.actions["agreed_ad_ref"])
    menu.addAction(window.actions["footnote"])
    menu.addAction(window.actions["recite"])
    return menu


def _replace(window: MainWindow, place: tuple[int, int], text: str) -> None:
    session = window.current_session()
    if session is None:
        return
    cursor = QTextCursor(session.qdoc)
    cursor.setPosition(place[0])
    cursor.setPosition(place[1], QTextCursor.MoveMode.KeepAnchor)
    if session.suggesting.applies(place[0]):  # the correction is proposed, as any other edit
        session.suggesting.replace_range(place[0], place[1], [Text(text)], f"Suggest “{text}”")
        return
    with session.edit_step(f"Correct spelling to “{text}”"):
        cursor.insertText(text)


def _proposal_at(editor, point: QPoint) -> str | None:
    cursor = editor.cursorForPosition(point)
    for probe_offset in (0, 1):
        probe = QTextCursor(cursor)
        if probe_offset:
            probe.movePosition(QTextCursor.MoveOperation.NextCharacter)
        value = probe.charFormat().property(formats.PROPOSAL_ID)
        if isinstance(value, str) and value:
            return value
    return None
