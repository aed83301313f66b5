"""The cyclic collector is paused while a comparison or an opening runs, and always resumed."""

from __future__ import annotations

import gc
import threading

import pytest

from drafting.gc_pause import cyclic_gc_paused


@pytest.fixture(autouse=True)
def _collector_on():
    gc.enable()
    yield
    gc.enable()


def test_paused_inside_resumed_after_also_after_an_error():
    with cyclic_gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError, match="in the middle"), cyclic_gc_paused():
        raise ValueError("in the middle")
    assert gc.isenabled()


def test_overlapping_pauses_on_threads_resume_once_the_last_ends():
    first_in, second_done, first_may_end = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with cyclic_gc_paused():
            first_in.set()
            first_may_end.wait(5)
        seen.append(gc.isenabled())

    def second() -> None:
        first_in.wait(5)
        with cyclic_gc_paused():
            pass
        seen.append(gc.isenabled())  # the first is still running: still paused
        second_done.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    second_done.wait(5)
    first_may_end.set()
    for thread in threads:
        thread.join(5)
    assert seen == [False, True]
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off():
    gc.disable()
    with cyclic_gc_paused():
        pass
    assert not gc.isenabled()
