"""Background jobs let go of their work once it is done: each check job holds a snapshot of
the document, and PySide kept every job (with auto-delete off) for as long as Penholder ran."""

from __future__ import annotations

import gc
import weakref

from ui.background import EveryJob, LatestOnly


class Snapshot:
    """Stands for the document snapshot a job's work holds."""


def test_finished_jobs_free_what_their_work_held(qtbot):
    latest, every = LatestOnly("checks"), EveryJob("autosave")
    held = []
    results = []
    for _ in range(20):
        snapshot = Snapshot()
        held.append(weakref.ref(snapshot))
        latest.submit(lambda s=snapshot: s)
        qtbot.waitUntil(lambda: not latest.is_busy, timeout=5_000)
        every.run(lambda s=snapshot: type(s).__name__, lambda result, error: results.append((result, error)))
        del snapshot
    every.wait()
    qtbot.waitUntil(lambda: len(results) == 20, timeout=5_000)
    assert results == [("Snapshot", "")] * 20

    def all_freed() -> bool:
        gc.collect()
        return all(ref() is None for ref in held)

    qtbot.waitUntil(all_freed, timeout=5_000)  # the pool's threads release the jobs after run()
    latest.shutdown()
