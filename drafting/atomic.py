"""Atomic file writes: a crash or a full disk never leaves a half-written file behind.

The data goes to a temporary file in the target's folder, is flushed and fsynced, and then
replaces the target in one ``os.replace``; the folder is fsynced where the platform allows.

Because the rename needs only the folder's permission, the target's own permission and kind are
checked first (:func:`check_writable`): a read-only file is not replaced, and a symbolic link is
not written through unless the caller says the user chose it (``follow_links``).

The temporary file has a short name of its own, ``.ph-<pid>-<8 random>.tmp``: it does not repeat
the target's name, so a target of up to the file system's 255 characters can be written, and the
writer's process id in it lets a later save remove the file a killed writer left behind
(:func:`clean_stale_temporaries`) without ever touching one that is still being written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

# Read once at import, while the process is single-threaded: os.umask can only be read by
# setting it, which would race with other threads later.
_UMASK = os.umask(0o022)
os.umask(_UMASK)

TEMPORARY_PREFIX = ".ph-"
TEMPORARY_SUFFIX = ".tmp"
STALE_SECONDS = 60.0
"""A temporary file untouched this long is no longer being written: writing one takes well under a
second, and its writer's process id must also be gone (or on another machine) before it goes."""
_OURS = re.compile(r"\.ph-([0-9]{1,10})-[a-z0-9_]{8}\.tmp")
"""Exactly the names :func:`atomic_write_bytes` creates (``tempfile``'s 8 random characters)."""
_ANY_WRITE_BIT = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, *, follow_links: bool = False) -> None:
    """Write ``data`` to ``path`` atomically. Raises OSError; the old file stays intact.

    ``follow_links``: False (the default, for names given on a command line or by a program)
    refuses a symbolic link, dangling or not, with an OSError saying so: following it would
    replace whatever file the link points at (``ln -s ~/.bashrc out.docx``). True (a file the
    user picked in a Save dialog, where the link is how they reach their file) writes the link's
    target and keeps the link. A read-only file is refused with a PermissionError either way
    (see :func:`check_writable`). An existing file keeps its permissions, a new one gets the
    usual 0o666 minus umask. Stale temporary files of killed writers in the folder are removed.
    """
    target = check_writable(path, follow_links=follow_links)
    folder = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~_UMASK
    clean_stale_temporaries(folder, target.name)  # first: on a full disk it may free the space
    handle = tempfile.NamedTemporaryFile(  # noqa: SIM115 - closed below, before the rename
        dir=folder, prefix=f"{TEMPORARY_PREFIX}{os.getpid()}-", suffix=TEMPORARY_SUFFIX, delete=False
    )
    temp = Path(handle.name)
    try:
        with handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    _fsync_folder(folder)


def check_writable(path: str | os.PathLike[str], *, follow_links: bool = False) -> Path:
    """The path :func:`atomic_write_bytes` would replace, or an OSError with a one-line
    ``strerror`` saying why it will not (callers that want to refuse before doing any work, such
    as the command line, call this first).

    Read-only is judged from the file's mode bits, not ``os.access``: for root ``os.access``
    says every file is writable, and the rename would then replace a 0o444 file that its owner
    marked as not to be changed. So a file we own is read-only without its owner write bit;
    for root, a file nobody may write is read-only; anyone else gets ``os.access``'s answer
    (group bits and ACLs included).
    """
    given = Path(path)
    target = given
    if os.path.islink(given):
        if not follow_links:
            raise OSError(
                errno.ELOOP, f"{given.name} is a symbolic link; give the real file name", str(given)
            )
        target = Path(os.path.realpath(given))
    try:
        info = os.stat(target)
    except OSError:
        return target  # a new file, or one the write itself will report on
    if stat.S_ISREG(info.st_mode) and _read_only(target, info):
        raise PermissionError(errno.EACCES, f"{given.name} is read-only", str(given))
    return target


def _read_only(target: Path, info: os.stat_result) -> bool:
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # Windows: the read-only attribute clears every write bit
        return not info.st_mode & stat.S_IWUSR
    euid = geteuid()
    if info.st_uid == euid:
        return not info.st_mode & stat.S_IWUSR
    if euid == 0:
        return not info.st_mode & _ANY_WRITE_BIT
    return not os.access(target, os.W_OK)


def clean_stale_temporaries(folder: Path, target_name: str) -> int:
    """Remove the temporary files a writer killed between creating and renaming them left in
    ``folder``; returns how many. Best effort: never raises.

    Only files this module creates are candidates: ``.ph-<pid>-<8 random>.tmp`` whose process is
    no longer running, and the name earlier versions used for this target,
    ``.<target_name>.<8 random>.tmp`` (no process id in it: age alone decides). Each must be a
    regular file (not a link), ours (same owner), and untouched for :data:`STALE_SECONDS`.
    """
    legacy = re.compile(re.escape(f".{target_name}.") + r"[a-z0-9_]{8}\.tmp")
    geteuid = getattr(os, "geteuid", None)
    now = time.time()
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        name = entry.name
        if not name.endswith(TEMPORARY_SUFFIX) or not name.startswith("."):
            continue
        ours = _OURS.fullmatch(name)
        if ours is None and legacy.fullmatch(name) is None:
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode) or (geteuid is not None and info.st_uid != geteuid()):
            continue
        if now - info.st_mtime < STALE_SECONDS:
            continue
        if ours is not None and (int(ours[1]) == os.getpid() or process_alive(int(ours[1]))):
            continue
        with contextlib.suppress(OSError):
            os.unlink(entry.path)
            removed += 1
    return removed


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running (best effort, every platform)."""
    if pid <= 0:
        return False
    if os.name == "nt":  # pragma: no cover - exercised on Windows only
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or a number no process has: leave it be
    return True


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
