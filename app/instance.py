"""One Penholder window per user and data folder: a second ``penholder FILE`` opens FILE there.

A file manager opens each file with a new ``penholder FILE`` process. Without this, every file
opened a window of its own, each with its own autosave and file locks over the same data folder.
Now the first window listens on a local socket (:class:`InstanceServer`, a ``QLocalServer``: a
Unix socket file, a named pipe on Windows); a later ``penholder`` hands its files to it
(:func:`forward_to_running`) and exits with 0 without opening a window.

The protocol is one line of UTF-8 JSON from the client, ``{"open": ["/absolute/path", ...]}``,
and one line back, ``{"ok": true}``, once the window has accepted the message. The window
checks every message (size, shape, absolute paths) and logs and drops anything else: another
process, however broken or hostile, never raises an exception in the window, hangs it or opens
a file it did not name. Only the same user can connect (``UserAccessOption``).

Races are lost gracefully: two ``penholder`` started at the same moment may both find nobody
listening and both open a window. The second to start serving sees the first answer and does
not take its name (:func:`listen`); it keeps its window, but later files go to the first.

Measured with PySide6 6.11 on Linux:

* :func:`forward_to_running` needs no ``QCoreApplication``: ``QLocalSocket``'s blocking
  ``waitFor*`` calls poll the socket themselves, no event loop, no warning. ``penholder FILE``
  hands its files over before it creates the ``QApplication`` (and before it connects to the
  display). With nobody listening it returns False in well under a millisecond (no socket
  file: ``ServerNotFoundError``; a stale file after a crash: ``ConnectionRefusedError``).
* With ``UserAccessOption`` Qt binds the socket in a private temporary folder and renames it
  into place, so a stale socket file is replaced without ``AddressInUseError``, and so would a
  live server's be: :func:`listen` therefore first asks whether someone answers. ``AddressInUseError``
  (without that option, other platforms or Qt versions) is still handled: remove the stale
  file, listen again.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtNetwork import QAbstractSocket, QLocalServer, QLocalSocket

from app.paths import user_data_dir

log = logging.getLogger(__name__)

MAX_MESSAGE = 64 * 1024
"""Bytes in one message, newline included; a longer one is refused."""
MAX_PATHS = 100
"""Files in one message; more are refused (the client then opens its own window)."""
CONNECT_MS = 500
"""How long a client waits for the connection. Nobody listening fails at once, not after this."""
IDLE_MS = 5000
"""A connection that has not sent a whole message by then is closed."""
ACK = b'{"ok": true}\n'
MAX_SOCKET_PATH = 100
"""Unix socket paths are limited to 104-108 bytes."""


def instance_name() -> str:
    """The server's name: one per user and data folder (``PENHOLDER_DATA_DIR``), so tests with
    their own data folders never meet each other or the user's own Penholder.

    On Unix Qt makes a plain name a socket file in the temporary folder, which every user can
    write to; where the user has a private runtime folder (``XDG_RUNTIME_DIR``, mode 0700) the
    socket is put there instead, so that another user cannot take the name first."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no login name in the environment nor in the password database
        user = str(os.getuid()) if hasattr(os, "getuid") else ""
    key = f"{user}|{os.path.abspath(user_data_dir())}".encode("utf-8", "surrogatepass")
    name = "penholder-" + hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if (
        sys.platform != "win32"
        and os.path.isabs(runtime)
        and os.path.isdir(runtime)
        and len(os.path.join(runtime, name).encode("utf-8", "surrogatepass")) < MAX_SOCKET_PATH
    ):
        return os.path.join(runtime, name)
    return name


def encode(paths: list[str]) -> bytes | None:
    """The message asking the running window to open ``paths`` (made absolute against the current
    folder), or None if it would be refused as too large."""
    absolute = [str(Path(path).expanduser().absolute()) for path in paths]
    message = (json.dumps({"open": absolute}) + "\n").encode("ascii")
    if len(absolute) > MAX_PATHS or len(message) > MAX_MESSAGE:
        return None
    return message


def decode(line: bytes) -> list[str] | None:
    """The paths asked for in one message (without its newline), or None if it is malformed."""
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    paths = message.get("open") if isinstance(message, dict) else None
    if not isinstance(paths, list) or len(paths) > MAX_PATHS:
        return None
    if not all(isinstance(path, str) and "\0" not in path and os.path.isabs(path) for path in paths):
        return None
    return paths


def forward_to_running(paths: list[str], timeout_ms: int = 3000) -> bool:
    """Hand ``paths`` to the Penholder window already running for this user and data folder.

    True if one is running and took them (this process should exit), False if nobody listens
    (no socket, or a stale one after a crash: this fails at once), if the window refused the
    message or if there are too many files for one message: then this process opens its own
    window. A window that accepted the connection but did not answer within ``timeout_ms``
    counts as True: the message is in its hands, and a second window for the same files would
    only contend with it for their locks. Needs no ``QCoreApplication`` and no event loop."""
    try:
        message = encode(paths)
    except OSError:  # the current folder no longer exists
        return False
    if message is None:
        return False
    socket = QLocalSocket()
    socket.connectToServer(instance_name())
    if not socket.waitForConnected(CONNECT_MS):
        return False
    deadline = time.monotonic() + timeout_ms / 1000

    def remaining() -> int:
        return max(1, int((deadline - time.monotonic()) * 1000))

    socket.write(message)
    while socket.bytesToWrite() > 0 and time.monotonic() < deadline:
        if not socket.waitForBytesWritten(remaining()):
            break
    if socket.state() != QLocalSocket.LocalSocketState.ConnectedState and socket.bytesToWrite() > 0:
        return False  # the window went away before it had the message
    while not socket.canReadLine() and time.monotonic() < deadline:
        if not socket.waitForReadyRead(remaining()):
            break
    if socket.canReadLine():
        answered = bytes(socket.readLine().data()) == ACK
        socket.disconnectFromServer()
        return answered
    closed = socket.state() != QLocalSocket.LocalSocketState.ConnectedState
    socket.abort()
    return not closed  # closed without an answer: refused; still connected: slow, see above


def answers(name: str) -> bool:
    """Whether a server is listening on ``name`` (a stale socket file refuses at once)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    connected = socket.waitForConnected(CONNECT_MS)
    socket.abort()
    return connected


def listen(server: QLocalServer, name: str) -> bool:
    """Listen on ``name`` unless another server answers there; a socket file left by a crashed
    Penholder (``AddressInUseError``) is removed first. False: this process does not serve."""
    if answers(name):
        return False
    if server.listen(name):
        return True
    if server.serverError() == QAbstractSocket.SocketError.AddressInUseError:
        QLocalServer.removeServer(name)  # nobody answered above: the file is stale
        return server.listen(name)
    return False


class InstanceServer(QObject):
    """Listens for later ``penholder`` processes and opens their files in ``window``."""

    def __init__(self, window, name: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.name = name or instance_name()
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def start(self) -> bool:
        serving = listen(self.server, self.name)
        if not serving:
            log.info("not serving as %s: %s", self.name, self.server.errorString() or "another answers")
        return serving

    def close(self) -> None:
        """Stop listening and remove the socket file."""
        self.server.close()

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            if socket is not None:
                self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        received = bytearray()
        done = False

        def finish() -> None:
            nonlocal done
            done = True
            socket.disconnectFromServer()  # after the answer, if any, has been written

        def read() -> None:
            if done:
                socket.readAll()
                return
            received.extend(bytes(socket.readAll().data()))
            end = received.find(b"\n")
            if end < 0:
                if len(received) >= MAX_MESSAGE:
                    log.warning("refused a message over %d bytes", MAX_MESSAGE)
                    finish()
                return
            if end + 1 > MAX_MESSAGE:
                log.warning("refused a message over %d bytes", MAX_MESSAGE)
                finish()
                return
            paths = decode(bytes(received[:end]))
            if paths is None:
                log.warning("refused a malformed message (%d bytes)", end + 1)
                finish()
                return
            socket.write(ACK)
            finish()
            QTimer.singleShot(0, self, lambda: self.open_paths(paths))

        def idle() -> None:
            if not done:
                log.warning("closed a connection that sent no whole message")
                finish()

        socket.setReadBufferSize(MAX_MESSAGE)  # Qt buffers no more than that for a flood
        socket.readyRead.connect(read)
        socket.disconnected.connect(socket.deleteLater)
        QTimer.singleShot(IDLE_MS, socket, idle)
        read()  # what arrived before the signal was connected

    def open_paths(self, paths: list[str]) -> None:
        """Open each file as ``penholder FILE`` would (a file already open is brought to the
        front; a bad file is the window's usual one-line message), then raise the window."""
        for path in paths:
            self.window.files.open_path(Path(path))
        raise_window(self.window)


class FileOpenEvents(QObject):
    """macOS: the Finder asks a running application to open a document with a ``QFileOpenEvent``
    sent to the application object, not with a new process (and the document that started it
    arrives in ``sys.argv`` through PyInstaller's argv emulation). Those files go where a second
    ``penholder FILE`` sends its files: :meth:`InstanceServer.open_paths`."""

    def __init__(self, server: InstanceServer) -> None:
        super().__init__(server)
        self.server = server

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            path = event.file()
            if path:
                QTimer.singleShot(0, self, lambda: self.server.open_paths([path]))
            return True
        return False


def raise_window(window) -> None:
    if window.isMinimized():
        window.showNormal()
    elif not window.isVisible():
        window.show()
    window.raise_()
    window.activateWindow()


def serve(window) -> InstanceServer:
    """Start serving for ``window`` (as :func:`app.gui.run` does), kept as ``window.instance_server``
    and closed when the application quits or the window is destroyed."""
    server = InstanceServer(window)
    window.instance_server = server
    server.start()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(server.close)
        server.file_open_events = FileOpenEvents(server)
        app.installEventFilter(server.file_open_events)
    return server
