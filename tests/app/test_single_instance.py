"""One window per user and data folder (``app.instance``): a second ``python -m app FILE`` hands
FILE to the running window over a real local socket and exits with 0; a stale socket left by a
crash does not stop the next window from serving; nothing another process sends makes the
window raise, hang or open a tab it was not asked for."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtNetwork import QAbstractSocket, QLocalServer
from PySide6.QtWidgets import QMessageBox

from app import instance
from app.gui import start_window
from app.instance import (
    MAX_MESSAGE,
    MAX_PATHS,
    InstanceServer,
    answers,
    forward_to_running,
    instance_name,
    listen,
    serve,
)
from drafting import storage
from drafting.importers import load_document

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus"
FIRST = CORPUS / "ga-res-62-172-en.txt"
OTHER = CORPUS / "ga-res-67-193-en.txt"
ACK = b'{"ok": true}\n'

CLIENT = """
import json, sys
from PySide6.QtNetwork import QLocalSocket
data = sys.stdin.buffer.read()
client = QLocalSocket()
client.connectToServer(sys.argv[1])
if not client.waitForConnected(2000):
    sys.exit(3)
client.write(data)
while client.bytesToWrite() > 0 and client.waitForBytesWritten(5000):
    pass
reply = b""
while client.waitForReadyRead(10000):
    reply += bytes(client.readAll().data())
reply += bytes(client.readAll().data())
connected = client.state() == client.LocalSocketState.ConnectedState
print(json.dumps({"reply": reply.decode("latin-1"), "connected": connected}))
"""
"""A local client in its own process: sends stdin's bytes, prints what came back."""


def environment(data: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PENHOLDER_DATA_DIR=str(data), PYTHONPATH=str(ROOT))
    return env


@pytest.fixture
def data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv("PENHOLDER_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def said(monkeypatch) -> list[str]:
    """The window's messages, recorded instead of shown (a modal box would block the test)."""
    messages: list[str] = []
    for kind in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, **k: messages.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    return messages


@pytest.fixture
def running(qtbot, data, said):
    """A Penholder window with FIRST open, serving as ``app.gui.run`` wires it."""
    window = start_window([str(FIRST)], ask_recovery=False)
    serve(window)
    window.show()
    yield window
    window.instance_server.close()
    for session in list(window.sessions()):
        session.mark_saved()
    window.close()
    window.deleteLater()


def message(value) -> bytes:
    """One line of JSON, as ``forward_to_running`` sends."""
    return json.dumps(value).encode() + b"\n"


def sources(window) -> list[Path]:
    return [session.source.resolve() for session in window.sessions()]


def finished(qtbot, process: subprocess.Popen, timeout: float) -> float:
    """Wait for ``process`` while the test's event loop runs (the window must answer it)."""
    started = time.monotonic()
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=int(timeout * 1000))
    finally:
        if process.poll() is None:  # e.g. it opened a window of its own: leave nothing running
            process.kill()
            process.wait(10)
    return time.monotonic() - started


def send(qtbot, data: bytes) -> dict:
    """Send ``data`` to the running window from another process; what came back."""
    process = subprocess.Popen(
        [sys.executable, "-c", CLIENT, instance_name()],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdin.write(data)
    process.stdin.close()
    finished(qtbot, process, 30)
    out, err = process.stdout.read(), process.stderr.read()
    assert process.returncode == 0, err
    return json.loads(out)


def test_a_second_penholder_opens_its_file_in_the_running_window(qtbot, running, data):
    assert running.instance_server.server.isListening()
    running.showMinimized()
    qtbot.waitUntil(running.isMinimized, timeout=5000)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", OTHER.name],  # relative to its own folder
        env=environment(data),
        cwd=CORPUS,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    took = finished(qtbot, process, 20)
    assert process.returncode == 0, process.stderr.read()
    assert took < 10  # it only starts Python, connects and exits: no window of its own
    qtbot.waitUntil(lambda: OTHER.resolve() in sources(running), timeout=5000)
    assert sources(running) == [FIRST.resolve(), OTHER.resolve()]
    assert running.current_session().source.resolve() == OTHER.resolve()
    assert not running.isMinimized()
    assert running.instance_server.server.isListening()  # the second process did not take over


def test_a_file_opened_from_the_macos_finder_opens_in_the_running_window(qtbot, running):
    """On macOS the Finder sends the running application a QFileOpenEvent; Qt delivers it to the
    application object as sent here."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtGui import QFileOpenEvent

    QCoreApplication.sendEvent(QCoreApplication.instance(), QFileOpenEvent(str(OTHER)))
    qtbot.waitUntil(lambda: OTHER.resolve() in sources(running), timeout=5000)
    assert sources(running) == [FIRST.resolve(), OTHER.resolve()]


def test_a_second_penholder_without_files_raises_the_running_window(qtbot, running, data):
    running.showMinimized()
    qtbot.waitUntil(running.isMinimized, timeout=5000)
    process = subprocess.Popen(
        [sys.executable, "-m", "app"],
        env=environment(data),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    finished(qtbot, process, 20)
    assert process.returncode == 0, process.stderr.read()
    qtbot.waitUntil(lambda: not running.isMinimized(), timeout=5000)
    assert sources(running) == [FIRST.resolve()]


def test_the_window_stops_serving_when_it_is_destroyed(qtbot, data, said):
    window = start_window([str(FIRST)], ask_recovery=False)
    path = serve(window).server.fullServerName()
    assert answers(instance_name())
    for session in list(window.sessions()):
        session.mark_saved()
    window.close()
    window.deleteLater()
    qtbot.waitUntil(lambda: not answers(instance_name()), timeout=5000)
    if sys.platform != "win32":
        assert not os.path.exists(path)


def test_a_file_already_open_is_brought_to_the_front(qtbot, running, tmp_path):
    path = tmp_path / "draft.penholder"
    storage.save(storage.PenholderFile(load_document(OTHER).document, []), path)
    draft = running.files.open_path(path)
    running.show_session(next(session for session in running.sessions() if session is not draft))
    count = running.tabs.count()
    assert send(qtbot, message({"open": [str(path)]}))["reply"] == ACK.decode()
    qtbot.waitUntil(lambda: running.current_session() is draft, timeout=5000)
    assert running.tabs.count() == count


def test_with_no_penholder_running_forwarding_fails_at_once_without_an_application(data):
    probe = (
        "import sys, time\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.instance import forward_to_running\n"
        "started = time.perf_counter()\n"
        "forwarded = forward_to_running(sys.argv[1:])\n"
        "print(forwarded, time.perf_counter() - started, QCoreApplication.instance() is None)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(OTHER)],
        env=environment(data),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    forwarded, seconds, no_application = result.stdout.split()
    assert forwarded == "False"
    assert no_application == "True"
    assert float(seconds) < 0.5
    assert result.stderr == ""
    started = time.monotonic()
    assert not forward_to_running([str(OTHER)])  # and in this process too
    assert time.monotonic() - started < 0.5


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_a_stale_socket_after_a_crash_does_not_stop_the_next_window(qtbot, running):
    name = instance_name()
    path = running.instance_server.server.fullServerName()
    running.instance_server.close()
    assert not os.path.exists(path)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)  # what a crashed Penholder leaves
    stale.bind(path)
    stale.close()
    assert os.path.exists(path)

    started = time.monotonic()
    assert not forward_to_running([str(OTHER)])  # refused at once: nobody listens there
    assert time.monotonic() - started < 0.5
    server = InstanceServer(running)
    assert server.start()
    assert answers(name)
    assert server.server.fullServerName() == path
    running.instance_server = server
    reply = send(qtbot, message({"open": [str(OTHER)]}))
    assert reply["reply"] == ACK.decode()
    qtbot.waitUntil(lambda: OTHER.resolve() in sources(running), timeout=5000)


@pytest.mark.skipif(sys.platform == "win32", reason="named pipes leave no file behind")
def test_address_in_use_from_a_stale_file_is_cleared_and_listened_again(qapp, data):
    name = instance_name()
    first = QLocalServer()
    assert first.listen(name)
    path = first.fullServerName()
    first.close()
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(path)
    stale.close()
    plain = QLocalServer()  # without UserAccessOption Qt reports the stale file as in use
    assert not plain.listen(name)
    assert plain.serverError() == QAbstractSocket.SocketError.AddressInUseError
    assert listen(plain, name)
    assert answers(name)
    plain.close()


def test_a_live_server_keeps_its_name(qapp, data):
    name = instance_name()
    first = QLocalServer()
    first.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    assert listen(first, name)
    second = QLocalServer()
    second.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
    assert not listen(second, name)  # Qt alone would have renamed its socket over the first's
    assert not second.isListening()
    assert first.isListening()
    assert answers(name)
    first.close()


HOSTILE = {
    "garbage": b"\x00\xff\xfe garbage \x80\x81\n",
    "not utf-8 json": b'{"open": ["/tmp/\xff"]}\n',
    "json, not an object": message(["open", str(OTHER)]),
    "no open": message({"close": [str(OTHER)]}),
    "open not a list": message({"open": str(OTHER)}),
    "a number for a path": message({"open": [42]}),
    "a relative path": message({"open": ["ga-res-67-193-en.txt"]}),
    "a null byte": message({"open": [str(OTHER) + "\0"]}),
    "too many paths": message({"open": [str(OTHER)] * (MAX_PATHS + 1)}),
    "oversize, one line": message({"open": ["/" + "x" * MAX_MESSAGE]}),
    "oversize, no newline": b"{" + b" " * (2 * MAX_MESSAGE),
    "deep nesting": b"[" * 50000 + b"\n",
    "nothing": b"",
}
"""What a broken or hostile local process might send; the window must refuse each silently."""


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_a_malformed_message_is_refused_without_a_tab_or_a_message(qtbot, running, said, monkeypatch, kind):
    monkeypatch.setattr(instance, "IDLE_MS", 300)  # "nothing": hung up on after 0.3 s, not 5 s
    reply = send(qtbot, HOSTILE[kind])
    assert reply == {"reply": "", "connected": False}  # no answer, and the window hung up
    qtbot.wait(100)
    assert sources(running) == [FIRST.resolve()]
    assert said == []
    # The window still serves.
    assert send(qtbot, message({"open": [str(OTHER)]}))["reply"] == ACK.decode()
    qtbot.waitUntil(lambda: OTHER.resolve() in sources(running), timeout=5000)


def test_files_that_are_not_there_or_not_documents_get_the_usual_message(qtbot, running, said, tmp_path):
    binary = tmp_path / "tool.docx"  # the start of the Python executable, named as a Word file
    with open(sys.executable, "rb") as executable:
        binary.write_bytes(executable.read(20000))
    missing = tmp_path / "missing.penholder"
    paths = [str(missing), str(binary), str(Path(sys.executable).resolve()), str(tmp_path)]
    reply = send(qtbot, message({"open": paths}))
    assert reply["reply"] == ACK.decode()
    qtbot.waitUntil(lambda: len(said) == 4, timeout=5000)
    assert said[0] == "missing.penholder: there is no such file"
    assert said[1] == "tool.docx: not a Word file (.docx is a zip archive)"
    assert "unknown file type" in said[2]
    assert said[3].endswith("is a folder, not a file")
    assert sources(running) == [FIRST.resolve()]


def test_a_window_that_does_not_answer_in_time_still_has_the_files(qapp, data):
    """A window too busy to answer (here: its event loop is this test, blocked in the client)
    has the message in its socket; the client does not open a second window for the files."""
    server = QLocalServer()
    assert listen(server, instance_name())
    started = time.monotonic()
    assert forward_to_running([str(OTHER)], timeout_ms=300)
    assert 0.25 < time.monotonic() - started < 2
    server.close()
