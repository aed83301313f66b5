"""What the command objects may ask of the window: the narrow interface between them.

The command objects (:mod:`ui.file_commands`, :mod:`ui.edit_commands`,
:mod:`ui.revision_commands`, :mod:`ui.compare_tab`) turn menu actions into dialogs and
session calls. They see the main window only through :class:`Workspace`: which documents
are open, opening and closing one, the preferences, a status message — never its widgets'
insides or private methods (tests/test_architecture.py checks that no command module touches
a private attribute of the window). :class:`ui.main_window.MainWindow` implements it, and is
also the parent widget of the commands' dialogs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from drafting.checks import CheckSettings
    from drafting.model import Document
    from drafting.storage import Revision
    from ui.document_session import DocumentSession
    from ui.file_commands import FileCommands
    from ui.services import Autosave, Services


class Workspace(Protocol):
    settings: Any
    """The preferences (``ui.services.Preferences``); replaced by :meth:`apply_settings`."""
    services: Services
    autosaver: Autosave
    files: FileCommands
    """The file commands (the folder last used, asking once for the author's name)."""

    def sessions(self) -> Iterator[DocumentSession]: ...
    def current_session(self) -> DocumentSession | None: ...
    def open_document(
        self,
        document: Document,
        *,
        title: str = "Untitled",
        path: Path | None = None,
        source: Path | None = None,
        revisions: list[Revision] | None = None,
    ) -> DocumentSession: ...
    def open_comparison(
        self, old: Document, new: Document, old_title: str, new_title: str, *, against: Any = None
    ) -> Any: ...
    def show_session(self, session: DocumentSession) -> None:
        """Bring the document's tab to the front."""

    def show_notice(self, session: DocumentSession, notice: Any) -> None:
        """A notice above the document's text (what an import could not read)."""

    def close_session(self, session: DocumentSession) -> bool:
        """Close the document's tab, asking to save first if it has unsaved work."""

    def show_message(self, message: str, milliseconds: int = 0) -> None:
        """A message in the status bar."""

    def show_revisions(self, session: DocumentSession) -> None:
        """The Revisions panel lists ``session``'s revisions again."""

    def selected_revisions(self) -> list[int]: ...
    def apply_settings(self, settings: Any) -> None: ...
    def remember_file(self, path: Path) -> None:
        """Put the file first in File ▸ Recent (a convenience: failing to store it is silent)."""

    def check_settings(self) -> CheckSettings: ...
