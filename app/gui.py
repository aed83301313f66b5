"""Starting the window: the Qt application, settings, crash recovery, files from the command line."""

from __future__ import annotations

import datetime
import sys
from pathlib import Path

from app.recovery import SnapshotStore
from app.settings import load_settings

SWITCH_INTERVAL = 0.0005
"""Seconds a Python thread may hold the interpreter before another may run.

The checks and comparisons run in a worker thread. Every Qt event that reaches Python code
in the window (key handlers, overridden event methods) must wait for the worker to hand over
the interpreter, 5 ms each by default; while a 1 MB comparison ran, dozens of such waits in a
row froze the window for 0.2-0.3 s. At 0.5 ms the worst wait measured was 30-60 ms
(``bench/compare_window.py``).

Still needed (measured again 2026-12-05, ``bench/compare_window.py --switch-interval
app|default``, 2 x 5 runs each): the longest stall while a 1 MB comparison runs in the
background is 20-59 ms (medians 33 and 33 ms) at 0.5 ms, and 37-308 ms (medians 204 and
249 ms) at Python's default 5 ms."""


def configure_runtime() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL)


def no_display() -> bool:
    """On Linux without X or Wayland Qt would abort with a fatal error; say so in one line instead."""
    import os

    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def log_to_file():
    """Penholder's warnings (refused files, a preference reset, a message from another process
    refused) go to ``penholder.log`` in the platform's log folder (:func:`app.paths.log_path`),
    kept to three files of 1 MB; a window started from a desktop menu has no terminal to print
    to. Returns the handler, or None if the folder cannot be written (then nothing is logged)."""
    import logging
    from logging.handlers import RotatingFileHandler

    from app.paths import log_path

    path = log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)
    return handler


def report_unexpected_errors(parent_of_messages=None) -> None:
    """An error nobody foresaw must not end the session or print a traceback at the user: it is
    written to ``penholder.log`` in the platform's log folder (:func:`app.paths.log_path`) and shown
    as one line."""
    import logging
    import traceback

    from app.paths import log_path

    def hook(kind, error, trace) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        path = log_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path, "a", encoding="utf-8") as log:
                log.write("".join(traceback.format_exception(kind, error, trace)) + "\n")
        except OSError:
            logging.getLogger("penholder").exception("unexpected error", exc_info=(kind, error, trace))
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(
            parent_of_messages,
            "Penholder",
            f"Something went wrong ({kind.__name__}: {error}). Your work is autosaved; "
            f"the details are in {path}.",
        )

    sys.excepthook = hook


def release_clipboard() -> None:
    """Before quitting, hand what Penholder put on the clipboard to Qt as plain text.

    A copy from the drafting surface puts mime data made in Python on the clipboard (text,
    HTML and Penholder's own format with footnotes); left there, Qt's teardown deleted it a
    second time and the process crashed on quitting (measured on 33cb84b as well). The text
    stays available to other programs after Penholder has quit."""
    from PySide6.QtWidgets import QApplication

    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.formats():
        clipboard.setText(clipboard.text())


def application():
    """The Qt application, named so that settings, the task bar, the window list and the About
    dialog say "Penholder", with its icon and version (the window, the self-test)."""
    from PySide6.QtWidgets import QApplication

    from app import APP_ID, APP_NAME, __version__
    from ui.app_icon import application_icon

    configure_runtime()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # Wayland and X11 task bars find the .desktop entry by it
    app.setWindowIcon(application_icon())
    app.aboutToQuit.connect(release_clipboard)
    return app


def run(files: list[str]) -> int:
    """``penholder [FILE]``: open the editor window (with FILE) and run until it is closed. If a
    Penholder window already runs for this user and data folder, FILE opens there instead and
    this returns 0 at once (:mod:`app.instance`)."""
    from app.instance import forward_to_running, serve

    if no_display():
        print(
            "penholder: there is no display to open the window on (no DISPLAY or WAYLAND_DISPLAY); "
            "the commands work without one: see 'penholder --help'",
            file=sys.stderr,
        )
        return 2
    if forward_to_running(files):  # a Penholder window already runs: it opens the files
        return 0
    app = application()
    log_to_file()
    window = start_window(files)
    serve(window)  # later 'penholder FILE' processes hand their files to this window
    report_unexpected_errors(window)
    window.show()
    return app.exec()


def services(settings=None, settings_path: Path | None = None):
    """What the window gets from the application (``ui.services.Services``): the preferences
    (kept in ``settings_path``, by default the user's settings file), the user dictionary,
    file locks, autosave and the version. The only place where ``app`` is handed to ``ui``."""
    from app import __version__
    from app.autosave import Autosaver
    from app.paths import user_dictionary_path
    from app.recovery import FileLock
    from app.settings import Settings, save_settings, with_recent
    from ui.services import Services

    return Services(
        settings=settings if settings is not None else Settings(),
        store_settings=lambda value: save_settings(value, settings_path),
        remember_file=with_recent,
        user_dictionary=user_dictionary_path,
        lock_for=lambda path: FileLock(str(path)),
        autosave=lambda sessions, seconds, parent: Autosaver(sessions, seconds, parent=parent),
        version=__version__,
    )


def make_window(settings=None, settings_path: Path | None = None):
    """The main window wired to the application (tests, benchmarks and :func:`start_window`),
    with a :class:`app.heap.HeapKeeper` that keeps garbage collections short."""
    from app.heap import HeapKeeper, Workload
    from ui.main_window import MainWindow

    window = MainWindow(services(settings, settings_path))

    def workload() -> Workload:
        sessions = list(window.sessions())
        return Workload(
            tabs=window.tabs.count(),
            edits=sum(session.change_count for session in sessions),
            busy=not all(session.checks_current for session in sessions),
        )

    window.heap_keeper = HeapKeeper(workload, window)
    return window


def start_window(files: list[str], *, ask_recovery: bool = True):
    """Build the main window: settings (with a notice if they had to fall back), recovered
    documents after a crash, then the files asked for (or an empty document)."""
    from PySide6.QtWidgets import QMessageBox

    from drafting.templates import new_document

    settings, notices = load_settings()
    window = make_window(settings)
    if notices:
        QMessageBox.information(
            window,
            "Penholder",
            "Some preferences could not be read and were reset:\n• " + "\n• ".join(notices),
        )
    if ask_recovery:
        offer_recovery(window)
    for name in files:
        window.files.open_path(Path(name))
    if window.tabs.count() == 0:
        empty = new_document("empty", on=datetime.date.today())
        empty.language = settings.language
        window.files.new_document(empty, "empty", replaceable=True)
    return window


def offer_recovery(window, store: SnapshotStore | None = None) -> int:
    """After a crash, offer the autosaved versions; returns how many were recovered."""
    from drafting import storage
    from drafting.errors import DraftingError
    from ui.recovery_dialog import RecoveryDialog

    store = store or window.autosaver.store
    orphans = store.orphans()
    if not orphans:
        return 0
    dialog = RecoveryDialog(orphans, window)
    dialog.exec()
    to_recover, to_discard = dialog.choices()
    recovered = 0
    for snapshot in to_recover:
        try:
            pf = storage.load(snapshot.path)
        except (DraftingError, OSError):
            continue
        source = Path(snapshot.source) if snapshot.source else None
        path = source if source is not None and source.suffix == ".penholder" else None
        name = (source.stem if source else "Untitled") + " (recovered)"
        session = window.open_document(
            pf.document, title=name, path=path, source=source, revisions=list(pf.revisions)
        )
        session.autosave_key = snapshot.key
        session.mark_unsaved()
        recovered += 1
    for snapshot in to_discard:
        store.clear(snapshot.key)
    return recovered
