"""The Checks panel's Fix and Fix all, applied to the current document (or proposed, while
suggesting), with what happened said in the status bar."""

from __future__ import annotations

from typing import TYPE_CHECKING

from drafting.checks import Finding
from ui.suggested_fix import FixNotProposable

if TYPE_CHECKING:
    from ui.main_window import MainWindow


class FixCommands:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def fix(self, finding: Finding) -> None:
        session = self.window.current_session()
        if session is None:
            return
        try:
            applied = session.apply_fix(finding)
        except FixNotProposable as refusal:
            self._say(str(refusal))
            return
        if not applied:
            self._say("The text has changed since this was checked; checking again…", 5000)
            session.request_checks()

    def fix_all(self, findings: list[Finding]) -> None:
        """Every fix of one kind, one undo step ("Fix all: 39 × style.zh-fullwidth")."""
        session = self.window.current_session()
        if session is None or not findings:
            return
        try:
            done, failed = session.apply_fixes(findings, f"Fix all: {len(findings)} × {findings[0].rule}")
        except FixNotProposable as refusal:
            self._say(str(refusal))
            return
        verb = "Proposed" if session.suggesting.active else "Fixed"
        message = f"{verb} {done} of {done + failed}"
        if failed:
            message += f"; {failed} could not be (the text changed or they overlap): checking again…"
        self._say(message)

    def _say(self, message: str, milliseconds: int = 8000) -> None:
        self.window.statusBar().showMessage(message, milliseconds)
