"""Reading a user's file safely: only regular files, and never more than a limit.

A path is not always a file: a named pipe blocks ``open`` until someone writes to it (Penholder
would hang), and a device such as ``/dev/zero`` never ends (it would be read until memory runs
out). Every reader of user files (imports, Penholder files, settings, the user dictionary)
comes through :func:`read_regular_file`.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from drafting.errors import StorageError


def read_regular_file(
    path: str | os.PathLike[str],
    limit: int,
    error: type[Exception] = StorageError,
    name: str | None = None,
) -> bytes:
    """The bytes of the regular file at ``path`` (symbolic links followed), at most ``limit``.

    Every reader of user files comes here, because a path is not always a file: a named pipe
    blocks ``open`` until someone writes to it (Penholder would hang), and a device such as
    ``/dev/zero`` never ends (it would be read until memory runs out). So the path is checked
    with ``stat`` before it is opened (opening some devices has effects), opened with
    ``O_NONBLOCK`` (if it became a pipe meanwhile, opening cannot hang) and checked again with
    ``fstat`` on what was actually opened. The size is checked before reading and the read
    stops at ``limit + 1`` bytes, since some files (those in ``/proc``) say they are empty.

    Raises ``error`` (named ``name``, by default the file name) with a one-line message for a
    file that is not regular or is too large; ``OSError`` for the rest (missing, a folder
    (``IsADirectoryError``), no permission), which callers word in their own way.
    """
    name = name if name is not None else Path(path).name
    not_regular = f"{name} is not a regular file (a device, a pipe or a socket); Penholder reads only files"
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise error(not_regular)
    nonblocking = getattr(os, "O_NONBLOCK", 0)
    flags = os.O_RDONLY | nonblocking | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    with open(os.open(path, flags), "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):  # replaced between the stat and the open
            raise error(not_regular)
        too_large = error(f"{name} is too large (over {limit / 2**20:,.0f} MB)")
        if info.st_size > limit:
            raise too_large
        if nonblocking:
            os.set_blocking(stream.fileno(), True)
        chunks = [stream.read(info.st_size + 1)]
        size = len(chunks[0])
        while size <= limit and (chunk := stream.read(min(2**20, limit + 1 - size))):
            chunks.append(chunk)
            size += len(chunk)
    if size > limit:
        raise too_large
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)
