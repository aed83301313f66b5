"""The heap keeper: after the heap grows it freezes what survives a collection, so that later
full collections stay short; after a tab closes it unfreezes and collects, so that nothing
frozen is kept for ever; it waits for a quiet moment."""

from __future__ import annotations

import gc
import os
import time
import weakref

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app import heap
from app.heap import HeapKeeper, Workload


class Node:
    """An object in a reference cycle: only the cyclic collector can free it."""

    def __init__(self) -> None:
        self.me = self


@pytest.fixture(autouse=True)
def unfrozen():
    gc.unfreeze()
    yield
    gc.unfreeze()
    heap.full_collection_watch().slow = False


class Load:
    def __init__(self) -> None:
        self.now = Workload(tabs=1, edits=0, busy=False)

    def __call__(self) -> Workload:
        return self.now

    def set(self, **changes) -> None:
        self.now = self.now._replace(**changes)


def frozen_cycle() -> weakref.ref:
    node = Node()
    gc.collect()
    gc.freeze()
    return weakref.ref(node)


def test_a_quiet_tick_after_start_settles_the_heap(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    before = gc.get_freeze_count()
    keeper.tick()
    assert keeper.settled == 1
    assert gc.get_freeze_count() > before
    keeper.tick()
    assert keeper.settled == 1  # nothing grew since


def test_a_new_tab_freezes_survivors_and_a_closed_tab_frees_frozen_cycles(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    keeper.tick()
    survivor = Node()
    load.set(tabs=2)
    keeper.tick()
    assert keeper.settled == 2
    assert any(obj is survivor for obj in gc.get_objects()) is False  # frozen: out of the collector's sight
    garbage = weakref.ref(survivor)
    del survivor
    gc.collect()
    assert garbage() is not None  # a frozen cycle waits
    load.set(tabs=1)
    keeper.tick()
    assert keeper.settled == 3
    assert garbage() is None  # the thorough settle after a closed tab collected it


def test_it_waits_while_the_user_types_but_not_for_ever(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    keeper.tick()
    load.set(tabs=2)
    for tick in range(heap.PATIENCE_TICKS - 1):
        load.set(edits=load.now.edits + 1)
        keeper.tick()
        assert keeper.settled == 1, tick
    survivor = Node()
    load.set(edits=load.now.edits + 1)
    keeper.tick()
    assert keeper.settled == 2
    assert any(obj is survivor for obj in gc.get_objects()) is False  # settled although typing went on


def test_the_thorough_settle_after_a_closed_tab_waits_for_a_quiet_tick(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    keeper.tick()
    cycle = frozen_cycle()
    load.set(tabs=0)
    for _ in range(heap.PATIENCE_TICKS):
        load.set(edits=load.now.edits + 1)
        keeper.tick()
    assert keeper.settled == 2  # a plain settle, when patience ran out: the whole heap is not walked
    assert cycle() is not None
    keeper.tick()  # quiet
    assert keeper.settled == 3
    assert cycle() is None


def test_it_waits_for_a_running_check(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    load.set(busy=True)
    keeper.tick()
    assert keeper.settled == 0
    load.set(busy=False)
    keeper.tick()
    assert keeper.settled == 1


def test_a_slow_full_collection_asks_for_a_settle(qapp):
    load = Load()
    keeper = HeapKeeper(load)
    keeper.tick()
    watch = heap.full_collection_watch()
    assert watch in gc.callbacks
    watch("start", {"generation": 1})
    watch("stop", {"generation": 1})
    keeper.tick()
    assert keeper.settled == 1  # a young collection says nothing about the old heap
    watch("start", {"generation": 2})
    time.sleep(heap.SLOW_FULL_COLLECTION_MS / 1000 * 1.5)
    watch("stop", {"generation": 2})
    keeper.tick()
    assert keeper.settled == 2
