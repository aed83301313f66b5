"""Edit ▸ Record oral revisions… and Document ▸ Text as orally revised: the window's side of
:attr:`drafting.model.Proposal.oral` and :func:`drafting.next_revision.as_orally_revised`.

At adoption the sponsor reads out changes to the draft ("oral revisions", conventions §5.1);
the text adopted is the draft "as orally revised". Recording them is suggesting mode with the
meeting stamped on every new proposal (``session.suggesting.oral_meeting``); the text as
orally revised opens in a new tab, the draft itself left as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox

from drafting.next_revision import as_orally_revised, oral_summary

if TYPE_CHECKING:
    from ui.document_session import DocumentSession
    from ui.workspace import Workspace


class OralRevisionCommands:
    def __init__(self, window: Workspace, show_state: Callable[[], None]) -> None:
        self.window = window
        self.show_state = show_state
        """Puts the actions' check marks and the status bar's indicator in step with the current
        document (``EditCommands.show_suggesting``)."""
        self.last_meeting = ""
        """The meeting last typed, offered again for a document whose masthead names none."""

    def toggle_recording(self) -> None:
        """Record oral revisions (asking for the meeting; suggesting mode goes on with it), or
        stop recording them (suggesting mode stays on). The action's check mark shows the
        document's state whatever the dialog's answer (it has toggled itself already)."""
        window = self.window
        session = window.current_session()
        if session is None:
            self.show_state()
            return
        suggesting = session.suggesting
        if suggesting.oral_meeting is not None:
            suggesting.oral_meeting = None
            window.show_message("Oral revisions no longer recorded: your edits are proposals as before", 4000)
            self.show_state()
            return
        meeting = self._ask_meeting(session)
        if not meeting:
            self.show_state()
            return
        self.last_meeting = meeting
        if not suggesting.active:
            window.files.ask_author_once()
            suggesting.set_active(True)
        suggesting.oral_meeting = meeting
        window.show_message(
            f"Recording oral revisions ({meeting}): your edits are proposals read out there", 4000
        )
        self.show_state()
        session.editor.setFocus()

    def open_as_orally_revised(self) -> None:
        """The current text with its oral revisions applied, in a new tab (other proposals kept)."""
        window = self.window
        session = window.current_session()
        if session is None:
            return
        document = session.document()
        summary = oral_summary(document)
        if summary is None:
            QMessageBox.information(
                window,
                "Penholder",
                f"“{session.display_name}” has no oral revisions. Record them with Edit ▸ Record oral"
                " revisions… while the sponsor reads them out.",
            )
            return
        revised = window.open_document(
            as_orally_revised(document),
            title=f"{session.display_name} as orally revised",
            revisions=list(session.revisions),
        )
        revised.mark_unsaved()
        window.show_message(f"As orally revised: {summary}", 8000)

    def _ask_meeting(self, session: DocumentSession) -> str:
        """The meeting, prefilled with the masthead's adoption meeting or the last one typed;
        "" when cancelled or left empty."""
        prefilled = session.document().masthead.adoption_meeting or self.last_meeting
        meeting, ok = QInputDialog.getText(
            self.window,  # type: ignore[arg-type]
            "Record oral revisions",
            "The meeting at which the changes are read out (for example “52nd plenary meeting”).\n"
            "Your edits become oral revisions, applied in Document ▸ Text as orally revised:",
            QLineEdit.EchoMode.Normal,
            prefilled,
        )
        return " ".join(meeting.split()) if ok else ""
