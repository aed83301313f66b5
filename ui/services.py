"""What the application hands the window: ``ui`` never imports ``app``.

The dependencies run one way, ``app`` → ``ui`` → ``drafting`` (tests/test_architecture.py
checks it). The window needs a few things that belong to the application — the preferences
and a way to keep them, the user dictionary's place, a lock for an open file, autosave, the
version — and receives them as one :class:`Services` value, built by ``app.gui.services``
(the program and the tests alike). The shapes ``ui`` relies on are the protocols below.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from PySide6.QtCore import QObject, SignalInstance

    from ui.document_session import DocumentSession


class Preferences(Protocol):
    """The user's preferences (``app.settings.Settings``): a dataclass the window replaces
    (``dataclasses.replace``) rather than changes in place."""

    language: str
    footnote_regime: str
    un_spelling: bool
    delegation: str
    author_asked: bool
    autosave_seconds: int
    recent_files: tuple[str, ...]


class FileLock(Protocol):
    """Marks a Penholder file as open here, so that another Penholder notices."""

    def holder(self) -> int | None: ...
    def acquire(self) -> bool: ...
    def release(self) -> None: ...


class Autosave(Protocol):
    """Writes a snapshot of each changed document every few seconds (``app.autosave``)."""

    saved: SignalInstance
    failed: SignalInstance
    last_saved: float | None

    def set_interval(self, seconds: int) -> None: ...
    def save_now(self) -> int: ...
    def forget(self, session: DocumentSession) -> None: ...
    def wait(self) -> None: ...


@dataclass(frozen=True)
class Services:
    settings: Any
    """The preferences at start (a :class:`Preferences`)."""
    store_settings: Callable[[Any], None]
    """Keep the preferences for the next start; raises OSError when that fails."""
    remember_file: Callable[[Any, str], Any]
    """The preferences with this file first among the recent files."""
    user_dictionary: Callable[[], Path]
    """Where the user's own words are (one a line)."""
    lock_for: Callable[[Path], FileLock]
    """The lock of an open Penholder file."""
    autosave: Callable[[Callable[[], Iterable[DocumentSession]], int, QObject], Autosave]
    """Starts autosave of the window's documents, every so many seconds."""
    version: str
