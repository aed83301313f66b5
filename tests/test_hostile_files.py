"""Issue 14, items 10 and 15: only regular files are read, and never more than the limit; a
Penholder file reads the same from the command line and from the window."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app.cli import main
from drafting import reading, storage
from drafting.errors import DraftingError, ImportFailed, StorageError
from drafting.importers import load_document
from drafting.importers.decoding import MAX_TEXT_BYTES
from drafting.model import Block, BlockKind, Document, Text

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and /dev are POSIX")


def finishes(call, fifo: Path | None = None, seconds: float = 10):
    """``call()``'s result or exception, failing the test if it does not return in time (a
    reader blocked on a named pipe is released by opening the pipe for writing)."""
    outcome: list = []

    def run():
        try:
            outcome.append(("ok", call()))
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome.append(("raised", exc))

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    if thread.is_alive():
        if fifo is not None:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail(f"still reading after {seconds} s")
    kind, value = outcome[0]
    if kind == "raised":
        raise value
    return value


def refused(call, error: type[Exception], match: str, fifo: Path | None = None) -> str:
    with pytest.raises(error, match=match) as info:
        finishes(call, fifo)
    assert "\n" not in str(info.value)
    return str(info.value)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".docx", ".pdf", ".penholder"])
def test_a_named_pipe_is_not_opened(tmp_path, suffix):
    fifo = tmp_path / f"x{suffix}"
    os.mkfifo(fifo)
    message = refused(lambda: load_document(fifo), ImportFailed, "not a regular file", fifo)
    assert f"x{suffix}" in message


def test_a_named_pipe_is_not_loaded_as_a_penholder_file(tmp_path):
    fifo = tmp_path / "x.penholder"
    os.mkfifo(fifo)
    assert refused(lambda: storage.load(fifo), StorageError, "not a regular file", fifo).startswith(
        "x.penholder is not a regular file"
    )


@pytest.mark.parametrize(
    ("device", "name"),
    [
        ("/dev/zero", "x.txt"),
        ("/dev/urandom", "x.docx"),
        ("/dev/zero", "x.pdf"),
        ("/dev/zero", "x.penholder"),
    ],
)
def test_a_link_to_a_device_is_not_read(tmp_path, device, name):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    link = tmp_path / name
    link.symlink_to(device)
    refused(lambda: load_document(link), ImportFailed, f"{name} is not a regular file")
    if name.endswith(".penholder"):
        refused(lambda: storage.load(link), StorageError, f"^{name} is not a regular file")


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as out:
        out.truncate(size)
    return path


@pytest.mark.parametrize(
    ("name", "size", "expected"),
    [
        ("big.txt", MAX_TEXT_BYTES + 1, f"big.txt is too large (over {MAX_TEXT_BYTES // 2**20} MB)"),
        ("big.docx", 1024 * 2**20, "big.docx is too large (over "),
        ("big.pdf", 1024 * 2**20, "big.pdf is too large (over 200 MB)"),
        ("big.penholder", 1024 * 2**20, "big.penholder is too large (over "),
    ],
)
def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, name, size, expected):
    path = _sparse(tmp_path / name, size)
    message = refused(lambda: load_document(path), ImportFailed, "too large")
    assert expected in message


def test_a_file_whose_size_is_not_known_is_read_only_to_the_limit(tmp_path):
    """Files in /proc say they are empty: the limit is kept while reading, not only by fstat."""
    source = Path("/proc/self/maps")
    if not source.exists():
        pytest.skip("no /proc")
    assert source.stat().st_size == 0
    with pytest.raises(StorageError, match="maps is too large"):
        reading.read_regular_file(source, 64)
    assert reading.read_regular_file(source, 2**20).startswith(source.read_bytes()[:8])


def test_ordinary_files_still_read(tmp_path):
    text = tmp_path / "x.txt"
    text.write_text(
        "The General Assembly,\n\nRecalling its resolutions,\n\n1. Decides to act;\n", encoding="utf-8"
    )
    assert len(finishes(lambda: load_document(text)).document.operative) == 1
    link = tmp_path / "link.txt"
    link.symlink_to(text)
    assert len(finishes(lambda: load_document(link)).document.operative) == 1


# --- item 15: one reader of Penholder files ---------------------------------------------------


def _penholder_with_bom(tmp_path: Path) -> Path:
    doc = Document(blocks=[Block("b1", BlockKind.OPERATIVE, [Text("Decides to act;")])])
    path = tmp_path / "bom.penholder"
    path.write_bytes(b"\xef\xbb\xbf" + storage.dumps(storage.PenholderFile(doc)).encode("utf-8"))
    return path


def test_a_penholder_file_with_a_bom_reads_through_load_document(tmp_path):
    path = _penholder_with_bom(tmp_path)
    assert storage.load(path).document.blocks[0].id == "b1"  # as the window reads it
    assert load_document(path).document.blocks[0].id == "b1"  # as the command line reads it


def test_the_command_line_reads_a_penholder_file_with_a_bom(tmp_path, capsys):
    path = _penholder_with_bom(tmp_path)
    assert main(["outline", str(path)]) == 0
    assert "Decides to act;" in capsys.readouterr().out


def test_load_document_and_storage_load_refuse_alike(tmp_path):
    path = tmp_path / "broken.penholder"
    path.write_bytes(b'\xef\xbb\xbf{"format": "penholder", "sch')
    with pytest.raises(StorageError) as stored:
        storage.load(path)
    with pytest.raises(ImportFailed) as imported:
        load_document(path)
    assert str(imported.value) == str(stored.value)
    assert isinstance(imported.value, DraftingError)


def test_the_window_refuses_a_named_pipe_in_one_line(tmp_path):
    from ui.file_io import FileProblem, open_file

    for name in ("x.txt", "x.penholder"):
        fifo = tmp_path / name
        os.mkfifo(fifo)
        with pytest.raises(FileProblem, match=f"^{name} is not a regular file"):
            finishes(lambda fifo=fifo: open_file(fifo), fifo)


def test_a_user_dictionary_that_is_a_pipe_is_refused_not_waited_for(tmp_path):
    from drafting.spelling import load_user_words

    pipe = tmp_path / "words.txt"
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="not a regular file"):
        load_user_words(pipe)
