"""The background check runner: results off the GUI thread, newest request wins, errors survive."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import threading

import pytest
from PySide6.QtCore import QCoreApplication

from drafting import checks
from drafting.checks import CheckSettings, Finding, Rule, Severity
from drafting.model import Block, BlockKind, Document, Text
from tests.helpers import load
from ui.check_runner import CheckRunner, Debouncer

RES_67_193 = "ga-res-67-193-en.txt"


@pytest.fixture(scope="module")
def document() -> Document:
    return load(RES_67_193).document


@pytest.fixture
def runner(qtbot, monkeypatch):
    # Depends on monkeypatch so that the rule registry is restored only after the worker has stopped.
    checks._load_rules()
    runner = CheckRunner()
    yield runner
    runner.shutdown()


def register_rule(monkeypatch, rule_id: str, function) -> None:
    """A temporary document rule (the registry is put back after the test)."""
    monkeypatch.setitem(checks.RULES, rule_id, Rule(rule_id, "document", function, rule_id, False))


def small_document(text: str) -> Document:
    document = load(RES_67_193).document
    document.blocks = [Block("b-probe", BlockKind.OPERATIVE, [Text(text)])]
    document.footnotes = {}
    return document


def test_the_treaty_error_of_67_193_arrives(qtbot, runner, document):
    with qtbot.waitSignal(runner.finished, timeout=5000) as signal:
        generation = runner.request(document, CheckSettings())
    received_generation, findings = signal.args
    assert received_generation == generation == runner.latest_generation
    errors = [f for f in findings if f.severity is Severity.ERROR]
    assert [(f.rule, f.label) for f in errors] == [("treaty.wrong-year", "PP 7")]
    assert "1954" in errors[0].message


def test_each_result_is_delivered_with_the_generation_its_request_returned(runner, document, qtbot):
    with qtbot.waitSignal(runner.finished, timeout=5000) as first:
        requested = runner.request(document, CheckSettings())
    assert first.args[0] == requested
    with qtbot.waitSignal(runner.finished, timeout=5000) as second:
        again = runner.request(document, CheckSettings(footnote_regime="current"))
    assert second.args[0] == again
    assert again > requested


def test_only_the_newest_of_quick_requests_is_emitted(qtbot, runner, document):
    emitted: list[int] = []
    runner.finished.connect(lambda generation, _findings: emitted.append(generation))
    runner.request(document, CheckSettings())
    last = runner.request(document, CheckSettings(footnote_regime="current"))
    with qtbot.waitSignal(runner.busy, check_params_cb=lambda busy: not busy, timeout=5000):
        pass
    assert emitted == [last]


def test_requests_in_between_are_skipped(qtbot, runner, monkeypatch):
    seen: list[str] = []

    def record(ctx):
        seen.append(ctx.document.blocks[0].id)
        return []

    register_rule(monkeypatch, "test.record", record)
    first, second, third = (small_document("decides to remain seized of the matter.") for _ in range(3))
    for index, doc in enumerate((first, second, third)):
        doc.blocks[0].id = f"b-{index}"
    emitted: list[int] = []
    runner.finished.connect(lambda generation, _findings: emitted.append(generation))
    runner.request(first, CheckSettings())
    runner.request(second, CheckSettings())
    newest = runner.request(third, CheckSettings())
    with qtbot.waitSignal(runner.busy, check_params_cb=lambda busy: not busy, timeout=5000):
        pass
    assert seen == ["b-0", "b-2"]
    assert emitted == [newest]


def test_busy_goes_on_then_off(qtbot, runner, document):
    states: list[bool] = []
    runner.busy.connect(states.append)
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.request(document, CheckSettings())
    qtbot.waitUntil(lambda: states == [True, False], timeout=5000)
    assert not runner.is_busy


def test_a_rule_that_raises_reports_failure_and_the_runner_keeps_working(
    qtbot, runner, monkeypatch, document
):
    def explode(ctx):
        raise ValueError("broken rule\nsecond line")

    register_rule(monkeypatch, "test.explode", explode)
    finished: list[int] = []
    runner.finished.connect(lambda generation, _findings: finished.append(generation))
    with qtbot.waitSignal(runner.failed, timeout=5000) as signal:
        generation = runner.request(document, CheckSettings())
    failed_generation, message = signal.args
    assert failed_generation == generation
    assert "ValueError: broken rule second line" in message
    assert "explode" in message
    assert "\n" not in message
    assert finished == []

    monkeypatch.delitem(checks.RULES, "test.explode")
    with qtbot.waitSignal(runner.finished, timeout=5000) as signal:
        generation = runner.request(document, CheckSettings())
    assert signal.args[0] == generation
    assert any(f.rule == "treaty.wrong-year" for f in signal.args[1])


def test_a_malformed_document_reports_failure(qtbot, runner, document):
    broken = small_document("decides to remain seized of the matter.")
    broken.blocks[0].content = None  # not a list of inlines: the rules cannot read it
    with qtbot.waitSignal(runner.failed, timeout=5000):
        runner.request(broken, CheckSettings())
    with qtbot.waitSignal(runner.finished, timeout=5000):
        runner.request(document, CheckSettings())


def test_checks_run_off_the_gui_thread_and_results_arrive_on_it(qtbot, runner, monkeypatch):
    rule_threads: list[int] = []
    delivery_threads: list[int] = []

    def probe(ctx):
        rule_threads.append(threading.get_ident())
        return [Finding("test.probe", Severity.INFO, "b-probe", "OP 1", 0, 1, "probe")]

    register_rule(monkeypatch, "test.probe", probe)
    runner.finished.connect(lambda *_: delivery_threads.append(threading.get_ident()))
    with qtbot.waitSignal(runner.finished, timeout=5000) as signal:
        runner.request(small_document("decides to remain seized of the matter."), CheckSettings())
    assert any(f.rule == "test.probe" for f in signal.args[1])
    gui_thread = threading.get_ident()
    assert len(rule_threads) == 1
    assert rule_threads[0] != gui_thread
    assert delivery_threads == [gui_thread]


def test_nothing_is_emitted_after_shutdown(qtbot, runner, document):
    emitted: list[object] = []
    runner.finished.connect(lambda *args: emitted.append(args))
    runner.failed.connect(lambda *args: emitted.append(args))
    runner.request(document, CheckSettings())
    runner.request(document, CheckSettings())
    runner.shutdown()
    runner.request(document, CheckSettings())
    QCoreApplication.processEvents()  # a delivery queued before shutdown() returned would arrive now
    assert emitted == []


def test_debouncer_runs_once_after_the_last_poke(qtbot):
    calls: list[int] = []
    debouncer = Debouncer(20, lambda: calls.append(1))
    debouncer.poke()
    debouncer.poke()
    debouncer.poke()
    assert debouncer.pending
    qtbot.waitUntil(lambda: calls == [1], timeout=5000)
    assert not debouncer.pending


def test_debouncer_flush_runs_now_only_if_pending(qtbot):
    calls: list[int] = []
    debouncer = Debouncer(60_000, lambda: calls.append(1))
    debouncer.flush()
    assert calls == []
    debouncer.poke()
    debouncer.flush()
    assert calls == [1]
    assert not debouncer.pending
    debouncer.flush()
    assert calls == [1]


def test_debouncer_cancel(qtbot):
    calls: list[int] = []
    debouncer = Debouncer(10, lambda: calls.append(1))
    debouncer.poke()
    debouncer.cancel()
    debouncer.flush()
    assert calls == []
