"""Atomic writes (issue 14, "Nothing lost"): a read-only file is not replaced, a symbolic link is
not followed unless the caller says so, names up to the file system's limit work, and temporary
files left by a writer killed before its rename are cleaned on a later save, never anything else."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from drafting.atomic import atomic_write_bytes

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions, links and signals")


def aged(path: Path, seconds: float = 600) -> Path:
    """``path`` (made if missing) as last touched ``seconds`` ago."""
    if not path.exists():
        path.write_bytes(b"half a file")
    then = time.time() - seconds
    os.utime(path, (then, then), follow_symlinks=False)
    return path


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@posix_only
def test_a_read_only_file_is_not_replaced(tmp_path):
    """The rename only needs the folder's permission; the file's own 0444 must still count, also
    for root (for whom ``os.access`` says every file is writable)."""
    target = tmp_path / "final.docx"
    target.write_bytes(b"agreed text")
    target.chmod(0o444)
    with pytest.raises(PermissionError, match=r"final\.docx is read-only"):
        atomic_write_bytes(target, b"new text")
    assert target.read_bytes() == b"agreed text"
    assert stat.S_IMODE(target.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["final.docx"]  # no temporary file left
    target.chmod(0o644)
    atomic_write_bytes(target, b"new text")  # writable again: replaced, permissions kept
    assert target.read_bytes() == b"new text"
    assert stat.S_IMODE(target.stat().st_mode) == 0o644


@posix_only
def test_a_symbolic_link_is_refused_unless_links_are_followed(tmp_path):
    victim = tmp_path / "victim.conf"
    victim.write_bytes(b"setting = 1\n")
    link = tmp_path / "link.docx"
    link.symlink_to(victim)
    with pytest.raises(OSError, match=r"link\.docx is a symbolic link; give the real file name"):
        atomic_write_bytes(link, b"exported")
    assert victim.read_bytes() == b"setting = 1\n"
    assert link.is_symlink()

    dangling = tmp_path / "dangling.docx"
    dangling.symlink_to(tmp_path / "created-elsewhere.conf")
    with pytest.raises(OSError, match="is a symbolic link"):
        atomic_write_bytes(dangling, b"exported")
    assert not (tmp_path / "created-elsewhere.conf").exists()

    # A file the user chose in a Save dialog: the link's target is written, the link is kept.
    atomic_write_bytes(link, b"saved", follow_links=True)
    assert victim.read_bytes() == b"saved"
    assert link.is_symlink()
    assert os.readlink(link) == str(victim)
    atomic_write_bytes(dangling, b"saved", follow_links=True)
    assert (tmp_path / "created-elsewhere.conf").read_bytes() == b"saved"
    assert dangling.is_symlink()


@posix_only
def test_a_read_only_link_target_is_not_replaced_either(tmp_path):
    victim = tmp_path / "victim.penholder"
    victim.write_bytes(b"kept")
    victim.chmod(0o444)
    link = tmp_path / "link.penholder"
    link.symlink_to(victim)
    with pytest.raises(PermissionError, match="is read-only"):
        atomic_write_bytes(link, b"new", follow_links=True)
    assert victim.read_bytes() == b"kept"


def test_names_up_to_255_characters_can_be_written(tmp_path):
    for length in (242, 250, 255):
        target = tmp_path / ("n" * (length - 5) + ".docx")
        assert len(target.name) == length
        atomic_write_bytes(target, b"x" * length)
        assert target.read_bytes() == b"x" * length
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_the_temporary_file_has_a_short_name_with_the_writers_pid(tmp_path, monkeypatch):
    import drafting.atomic as atomic

    seen = []
    real_replace = os.replace

    def spy(source, destination):
        seen.append(Path(source).name)
        return real_replace(source, destination)

    monkeypatch.setattr(atomic.os, "replace", spy)
    atomic_write_bytes(tmp_path / ("long" * 60 + ".penholder"), b"data")
    (name,) = seen
    assert name.startswith(f".ph-{os.getpid()}-")
    assert name.endswith(".tmp")
    assert len(name) <= 24


@posix_only
def test_stale_temporary_files_of_dead_writers_are_cleaned_and_nothing_else(tmp_path):
    gone = dead_pid()
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stale = aged(tmp_path / f".ph-{gone}-abc_12yz.tmp")
        fresh = tmp_path / f".ph-{gone}-fresh123.tmp"  # a writer still flushing: too young
        fresh.write_bytes(b"")
        live = aged(tmp_path / f".ph-{sleeper.pid}-live1234.tmp")
        legacy = aged(tmp_path / ".r.penholder.k2j4h1q9.tmp")  # the old name, kill -9 mid-save
        legacy_other = aged(tmp_path / ".other.penholder.k2j4h1q9.tmp")  # another file's
        others = [
            aged(tmp_path / ".ph-notes.tmp"),  # not ours: wrong shape
            aged(tmp_path / f".ph-{gone}-short.tmp"),
            aged(tmp_path / "draft.tmp"),
            aged(tmp_path / f"ph-{gone}-abcdefgh.tmp"),
        ]
        folder_like = tmp_path / f".ph-{gone}-folder12.tmp"
        folder_like.mkdir()
        aged(folder_like)
        atomic_write_bytes(tmp_path / "r.penholder", b"saved")
        assert not stale.exists()
        assert not legacy.exists()
        assert fresh.exists()
        assert live.exists()
        assert legacy_other.exists()
        assert folder_like.is_dir()
        assert all(path.exists() for path in others)
        assert (tmp_path / "r.penholder").read_bytes() == b"saved"
    finally:
        sleeper.kill()
        sleeper.wait()


@posix_only
def test_a_writer_killed_before_its_rename_leaves_a_temporary_file_the_next_save_removes(tmp_path):
    """A real ``kill -9`` between writing the temporary file and renaming it."""
    target = tmp_path / "draft.penholder"
    target.write_bytes(b"the old file")
    child = textwrap.dedent(
        f"""
        import os, sys, time
        sys.path.insert(0, {str(ROOT)!r})
        import drafting.atomic as atomic
        def stop_before_rename(source, destination):
            print(os.path.basename(source), flush=True)
            time.sleep(60)
        atomic.os.replace = stop_before_rename
        atomic.atomic_write_bytes({str(target)!r}, b"the new file")
        """
    )
    process = subprocess.Popen([sys.executable, "-c", child], stdout=subprocess.PIPE, text=True)
    try:
        temp = tmp_path / process.stdout.readline().strip()
        assert temp.exists()
        assert temp.name.startswith(".ph-")
        aged(temp)
        atomic_write_bytes(target, b"saved while the other writer is paused")
        assert temp.exists()  # its writer is alive: not ours to remove
        os.kill(process.pid, signal.SIGKILL)
        process.wait(10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert temp.exists()  # left behind by the killed writer
    atomic_write_bytes(target, b"saved again")
    assert not temp.exists()
    assert target.read_bytes() == b"saved again"
    assert [p.name for p in tmp_path.iterdir()] == ["draft.penholder"]
