"""The checks dock, driven as a user would: filters, selection, double-click, Enter, Fix, context menu."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QStyle

from drafting.checks import CheckSettings, Finding, Severity, run_checks
from tests.helpers import load
from ui.checks_panel import ChecksPanel

RES_67_193 = "ga-res-67-193-en.txt"


@pytest.fixture(scope="module")
def document():
    return load(RES_67_193).document


@pytest.fixture(scope="module")
def legacy_findings(document) -> list[Finding]:
    return run_checks(document, CheckSettings())


@pytest.fixture(scope="module")
def current_findings(document) -> list[Finding]:
    return run_checks(document, CheckSettings(footnote_regime="current"))


@pytest.fixture
def panel(qtbot):
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(700, 400)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


def rows(panel: ChecksPanel) -> list[tuple[str, str]]:
    tree = panel.tree
    return [
        (tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1)) for i in range(tree.topLevelItemCount())
    ]


def click_row(qtbot, panel: ChecksPanel, index: int, *, double: bool = False) -> None:
    item = panel.tree.topLevelItem(index)
    centre = panel.tree.visualItemRect(item).center()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def row_of(panel: ChecksPanel, predicate) -> int:
    return next(i for i, f in enumerate(panel.visible_findings()) if predicate(f))


def test_the_treaty_error_is_listed_with_its_place(panel, legacy_findings):
    panel.set_findings(legacy_findings)
    errors = [f for f in panel.visible_findings() if f.severity is Severity.ERROR]
    assert len(errors) == 1
    index = panel.visible_findings().index(errors[0])
    place, message = rows(panel)[index]
    assert place == "PP 7"
    assert "1954" in message
    assert panel.tree.isVisible()
    assert not panel.empty_label.isVisible()


def test_counts_follow_the_findings(panel, legacy_findings, current_findings):
    panel.set_findings(legacy_findings)
    texts = {s: b.text() for s, b in panel.filter_buttons.items()}
    assert texts[Severity.ERROR] == "Errors 1"
    assert (
        texts[Severity.WARNING] == f"Warnings {sum(f.severity is Severity.WARNING for f in legacy_findings)}"
    )
    panel.set_findings(current_findings)
    warnings = sum(f.severity is Severity.WARNING for f in current_findings)
    assert warnings > 0
    assert panel.filter_buttons[Severity.WARNING].text() == f"Warnings {warnings}"
    assert panel.filter_buttons[Severity.INFO].text() == (
        f"Info {sum(f.severity is Severity.INFO for f in current_findings)}"
    )


def test_unchecking_errors_hides_the_error(qtbot, panel, current_findings):
    panel.set_findings(current_findings)
    errors_button = panel.filter_buttons[Severity.ERROR]
    assert errors_button.isChecked()
    qtbot.mouseClick(errors_button, Qt.MouseButton.LeftButton)
    assert not errors_button.isChecked()
    shown = panel.visible_findings()
    assert shown
    assert all(f.severity is not Severity.ERROR for f in shown)
    assert "PP 7" not in [place for place, _ in rows(panel)]
    assert errors_button.text() == "Errors 1"  # the count is of all findings, not of the shown ones
    qtbot.mouseClick(errors_button, Qt.MouseButton.LeftButton)
    assert any(f.severity is Severity.ERROR for f in panel.visible_findings())


def test_hiding_everything_says_so(qtbot, panel, legacy_findings):
    panel.set_findings(legacy_findings)
    for button in panel.filter_buttons.values():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert panel.visible_findings() == []
    assert panel.empty_label.isVisible()
    assert "filters" in panel.empty_label.text()


def test_empty_state_is_grey_no_findings(panel, legacy_findings):
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No findings"
    assert not panel.tree.isVisible()
    colour = panel.empty_label.palette().color(panel.empty_label.foregroundRole())
    assert colour.hsvSaturation() < 20  # grey, neither black nor white
    assert 0x60 <= colour.value() <= 0xC0
    panel.set_findings(legacy_findings)
    assert not panel.empty_label.isVisible()
    panel.set_findings([])
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No findings"
    assert panel.filter_buttons[Severity.ERROR].text() == "Errors 0"


def test_double_click_activates_the_finding(qtbot, panel, legacy_findings):
    panel.set_findings(legacy_findings)
    index = row_of(panel, lambda f: f.rule == "treaty.wrong-year")
    with qtbot.waitSignal(panel.activated, timeout=1000) as signal:
        click_row(qtbot, panel, index, double=True)
    assert signal.args[0].rule == "treaty.wrong-year"
    assert signal.args[0].label == "PP 7"


def test_enter_activates_the_current_finding(qtbot, panel, current_findings):
    panel.set_findings(current_findings)
    index = row_of(panel, lambda f: f.label == "OP 9")
    click_row(qtbot, panel, index)
    with qtbot.waitSignal(panel.activated, timeout=1000) as signal:
        qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert signal.args[0] is panel.visible_findings()[index]


def test_row_icons_and_tooltips(panel, current_findings):
    panel.set_findings(current_findings)
    style = panel.style()
    expected = {
        Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
        Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    }
    for index, finding in enumerate(panel.visible_findings()):
        item = panel.tree.topLevelItem(index)
        assert item.toolTip(0) == finding.excerpt
        assert finding.excerpt in item.toolTip(1)
        wanted = style.standardIcon(expected[finding.severity]).pixmap(16).toImage()
        assert item.icon(0).pixmap(16).toImage() == wanted


def test_fix_button_follows_the_selection_and_requests_the_fix(qtbot, panel, current_findings):
    panel.set_findings(current_findings)
    assert not panel.fix_button.isEnabled()  # nothing selected yet
    index = row_of(panel, lambda f: f.rule == "treaty.wrong-year")
    click_row(qtbot, panel, index)
    assert panel.fix_button.isEnabled()
    assert panel.fix_button.toolTip() == "write 1961"
    with qtbot.waitSignal(panel.fixRequested, timeout=1000) as signal:
        qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert signal.args[0].fix.text == "1961"

    index = row_of(panel, lambda f: f.rule == "footnote.repeat-regime")
    click_row(qtbot, panel, index)
    assert panel.fix_button.toolTip() == "give this reference a footnote of its own"
    with qtbot.waitSignal(panel.fixRequested, timeout=1000) as signal:
        qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert signal.args[0] is panel.visible_findings()[index]
    assert signal.args[0].fix.operation == "new-footnote"


def test_fix_button_is_disabled_for_a_finding_without_fix(qtbot, panel):
    plain = Finding("style.example", Severity.INFO, "b-1", "OP 1", 0, 2, "a note without a fix", "UN")
    panel.set_findings([plain])
    emitted: list[object] = []
    panel.fixRequested.connect(emitted.append)
    click_row(qtbot, panel, 0)
    assert panel.current_finding() is plain
    assert not panel.fix_button.isEnabled()
    qtbot.mouseClick(panel.fix_button, Qt.MouseButton.LeftButton)
    assert emitted == []


def test_selection_stays_on_the_same_finding_after_new_results(qtbot, panel, document, current_findings):
    panel.set_findings(current_findings)
    index = row_of(panel, lambda f: f.label == "OP 28")
    click_row(qtbot, panel, index)
    chosen = panel.current_finding()
    # A later run: new objects, and the findings before it are gone.
    rerun = run_checks(document, CheckSettings(footnote_regime="current"))
    later = [f for f in rerun if f.label in ("OP 28", "OP 34", "OP 42")]
    panel.set_findings(later)
    current = panel.current_finding()
    assert current is not None
    assert current is not chosen
    assert (current.rule, current.target, current.start, current.message) == (
        chosen.rule,
        chosen.target,
        chosen.start,
        chosen.message,
    )
    assert panel.fix_button.isEnabled()

    panel.set_findings([f for f in later if f.label != "OP 28"])
    assert panel.current_finding() is None
    assert not panel.fix_button.isEnabled()


def test_context_menu_applies_the_fix(qtbot, panel, legacy_findings):
    panel.set_findings(legacy_findings)
    index = row_of(panel, lambda f: f.rule == "treaty.wrong-year")
    viewport = panel.tree.viewport()
    centre = panel.tree.visualItemRect(panel.tree.topLevelItem(index)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, viewport.mapToGlobal(centre))
    QApplication.sendEvent(viewport, event)
    menu = panel.findChild(QMenu)
    assert menu is not None
    qtbot.waitUntil(menu.isVisible, timeout=1000)
    actions = {action.text(): action for action in menu.actions()}
    assert "Apply fix: write 1961" in actions
    assert "Go to PP 7" in actions
    with qtbot.waitSignal(panel.fixRequested, timeout=1000) as signal:
        actions["Apply fix: write 1961"].trigger()
    assert signal.args[0].rule == "treaty.wrong-year"
    menu.close()


def test_busy_indicator(panel):
    assert not panel.busy_label.isVisible()
    panel.set_busy(True)
    assert panel.busy_label.isVisible()
    assert panel.busy_label.text() == "Checking…"
    panel.set_busy(False)
    assert not panel.busy_label.isVisible()


def test_the_selected_finding_is_shown_whole_below_the_list(qtbot):
    panel = ChecksPanel()
    qtbot.addWidget(panel)
    panel.resize(300, 400)
    panel.show()
    panel.set_findings(run_checks(load(RES_67_193).document))
    assert not panel.detail.isVisible()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    assert panel.detail.isVisible()
    assert "PP 7" in panel.detail.text()
    assert "not 1954" in panel.detail.text()
    assert "Fix: write 1961" in panel.detail.text()
    panel.set_findings([])  # another document: nothing selected, nothing described
    assert not panel.detail.isVisible()
