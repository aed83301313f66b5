"""Pausing Python's cyclic garbage collector while a large structure is built.

Comparing or opening 1 MB makes some hundred thousand small objects that form no cycles and
mostly live on; the cyclic collector then runs over them again and again (young collections
by the hundred, and now and then a full one over the whole heap), which doubled the time of a
comparison (measured: 254 ms against 126 ms median) and added 20-140 ms to opening a 1 MB text
in the window. Reference counting still frees everything as usual while it is paused.

The collector is one switch for the process while such work may overlap on several threads
(two comparison tabs, a comparison and an opening): the first to start turns it off, the last
to finish turns it back on (if it was on), so none finishes with it off or turns it on under
another.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_LOCK = threading.Lock()
_pauses = 0
"""Pieces of work running now (on any thread) that asked for the cyclic collector to pause."""
_was_enabled = False


@contextmanager
def cyclic_gc_paused() -> Iterator[None]:
    """``with cyclic_gc_paused(): …``: no cyclic collection while the block runs."""
    global _pauses, _was_enabled
    with _LOCK:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _LOCK:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
