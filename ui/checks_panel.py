"""The checks dock: findings by place, filtered by severity, with their safe fixes one click away.

The panel only shows what it is given (:meth:`ChecksPanel.set_findings`) and says what the
user asked for through signals; going to a place or applying a fix is the session's job.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.checks import Finding, Severity

FINDING_ROLE = Qt.ItemDataRole.UserRole

_FILTER_NAMES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_ICONS = {
    Severity.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
    Severity.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Severity.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
}

EMPTY_TEXT = "No findings"
FILTERED_TEXT = "No findings shown: the filters hide them all"
BUSY_TEXT = "Checking…"


def finding_key(finding: Finding) -> tuple[str, str, int, str]:
    """What identifies "the same finding" across two runs of the checks."""
    return (finding.rule, finding.target, finding.start, finding.message)


class ChecksPanel(QWidget):
    activated = Signal(object)
    """The user chose a finding (double-click or Enter): go to its place."""
    fixRequested = Signal(object)
    """The user asked to apply the finding's fix."""
    fixAllRequested = Signal(object)
    """The user asked to apply every listed fix of one kind (a list of findings)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

        self.filter_buttons: dict[Severity, QToolButton] = {}
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        for severity, name in _FILTER_NAMES.items():
            button = QToolButton(self)
            button.setCheckable(True)
            button.setChecked(True)
            button.setIcon(self.severity_icon(severity))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(f"Show {name.lower()}" if severity is not Severity.INFO else "Show style notes")
            button.toggled.connect(lambda _checked: self._rebuild())
            self.filter_buttons[severity] = button
            header.addWidget(button)
        header.addStretch(1)
        actions = QHBoxLayout()  # a row of its own: the panel stays narrow enough for a small window
        actions.setContentsMargins(0, 0, 0, 0)
        self.busy_label = QLabel(BUSY_TEXT, self)
        self.busy_label.setVisible(False)
        keep_place = self.busy_label.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)
        self.busy_label.setSizePolicy(keep_place)
        actions.addWidget(self.busy_label)
        actions.addStretch(1)
        self.fix_button = QPushButton("Fix", self)
        self.fix_button.setEnabled(False)
        self.fix_button.clicked.connect(self._request_fix_of_current)
        actions.addWidget(self.fix_button)
        self.fix_all_button = QPushButton("Fix all", self)
        self.fix_all_button.setEnabled(False)
        self.fix_all_button.clicked.connect(self._request_fix_of_all_like_current)
        actions.addWidget(self.fix_all_button)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Place", "Finding"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)
        self.tree.itemActivated.connect(self._on_item_activated)
        self.tree.currentItemChanged.connect(self._update_fix_button)

        self.empty_label = QLabel(EMPTY_TEXT, self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)
        grey = self.empty_label.palette()
        grey.setColor(QPalette.ColorRole.WindowText, QColor(Qt.GlobalColor.gray))
        self.empty_label.setPalette(grey)

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.empty_label)
        self._stack.addWidget(self.tree)

        self.detail = QLabel(self)
        """The whole message of the selected finding (the list cuts it to the dock's width)."""
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(4, 4, 4, 4)
        self.detail.setVisible(False)
        self.tree.currentItemChanged.connect(self._show_detail)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(header)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)
        self._rebuild()

    # --- in -------------------------------------------------------------------------------

    def set_findings(self, findings: list[Finding]) -> None:
        """Show ``findings``; the selection stays on the same finding if it is still there."""
        self._findings = list(findings)
        self._update_counts()
        self._rebuild()
        self._show_detail()

    def _show_detail(self, *_args: object) -> None:
        finding = self.current_finding()
        if finding is None:
            self.detail.setVisible(False)
            return
        text = f"<b>{escape(finding.label)}</b>: {escape(finding.message)}"
        if finding.excerpt:
            text += f"<br><span style='color:#555'>“{escape(finding.excerpt)}”</span>"
        if finding.fix is not None:
            text += f"<br><i>Fix: {escape(finding.fix.description)}</i>"
        self.detail.setText(text)
        self.detail.setVisible(True)

    def set_busy(self, busy: bool) -> None:
        self.busy_label.setVisible(busy)

    # --- reading ----------------------------------------------------------------------------

    def findings(self) -> list[Finding]:
        return list(self._findings)

    def visible_findings(self) -> list[Finding]:
        """The findings the list shows now, in order (after the filters)."""
        return [self.tree.topLevelItem(i).data(0, FINDING_ROLE) for i in range(self.tree.topLevelItemCount())]

    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        return item.data(0, FINDING_ROLE) if item is not None else None

    def shown_severities(self) -> set[Severity]:
        return {severity for severity, button in self.filter_buttons.items() if button.isChecked()}

    def severity_icon(self, severity: Severity) -> QIcon:
        return self.style().standardIcon(_ICONS[severity])

    # --- building -------------------------------------------------------------------------

    def _update_counts(self) -> None:
        for severity, button in self.filter_buttons.items():
            count = sum(1 for f in self._findings if f.severity is severity)
            button.setText(f"{_FILTER_NAMES[severity]} {count}")

    def _rebuild(self) -> None:
        selected = self.current_finding()
        selected_key = finding_key(selected) if selected is not None else None
        shown = self.shown_severities()
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            current: QTreeWidgetItem | None = None
            for finding in self._findings:
                if finding.severity not in shown:
                    continue
                item = self._item_for(finding)
                self.tree.addTopLevelItem(item)
                if current is None and finding_key(finding) == selected_key:
                    current = item
            if current is not None:
                self.tree.setCurrentItem(current)
        finally:
            self.tree.blockSignals(False)
        if current is not None:
            self.tree.scrollToItem(current)
        has_rows = self.tree.topLevelItemCount() > 0
        self.empty_label.setText(FILTERED_TEXT if self._findings and not has_rows else EMPTY_TEXT)
        self._stack.setCurrentWidget(self.tree if has_rows else self.empty_label)
        self._update_fix_button()

    def _item_for(self, finding: Finding) -> QTreeWidgetItem:
        item = QTreeWidgetItem([finding.label, finding.message])
        item.setIcon(0, self.severity_icon(finding.severity))
        item.setData(0, FINDING_ROLE, finding)
        excerpt = finding.excerpt or finding.message
        item.setToolTip(0, excerpt)
        # The message column is elided in a narrow dock: its tooltip gives it in full.
        item.setToolTip(1, f"{finding.message}\n\n{finding.excerpt}" if finding.excerpt else finding.message)
        return item

    # --- out ------------------------------------------------------------------------------

    def _update_fix_button(self, *_args: object) -> None:
        finding = self.current_finding()
        fix = finding.fix if finding is not None else None
        self.fix_button.setEnabled(fix is not None)
        self.fix_button.setToolTip(
            fix.description if fix is not None else "The selected finding has no safe fix"
        )
        self._update_fix_all_button()

    def fixable_like(self, finding: Finding | None) -> list[Finding]:
        """The listed findings of ``finding``'s kind (its rule) that have a fix."""
        if finding is None or finding.fix is None:
            return []
        return [f for f in self.visible_findings() if f.rule == finding.rule and f.fix is not None]

    def _update_fix_all_button(self) -> None:
        alike = self.fixable_like(self.current_finding())
        self.fix_all_button.setEnabled(len(alike) > 1)
        self.fix_all_button.setText(f"Fix all ({len(alike)})" if len(alike) > 1 else "Fix all")
        self.fix_all_button.setToolTip(
            f"Apply the {len(alike)} fixes of this kind ({alike[0].rule}) as one step"
            if len(alike) > 1
            else "Select a finding that has others of its kind with a fix"
        )

    def _request_fix_of_all_like_current(self) -> None:
        alike = self.fixable_like(self.current_finding())
        if alike:
            self.fixAllRequested.emit(alike)

    def _request_fix_of_current(self) -> None:
        finding = self.current_finding()
        if finding is not None and finding.fix is not None:
            self.fixRequested.emit(finding)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.activated.emit(item.data(0, FINDING_ROLE))

    def context_menu_for(self, item: QTreeWidgetItem) -> QMenu:
        """The menu of one row: go to its place, and apply its fix when it has one."""
        finding: Finding = item.data(0, FINDING_ROLE)
        menu = QMenu(self)
        go = QAction(f"Go to {finding.label}", menu)
        go.triggered.connect(lambda: self.activated.emit(finding))
        menu.addAction(go)
        if finding.fix is not None:
            apply = QAction(f"Apply fix: {finding.fix.description}", menu)
            apply.triggered.connect(lambda: self.fixRequested.emit(finding))
            menu.addAction(apply)
        alike = self.fixable_like(finding)
        if len(alike) > 1:
            apply_all = QAction(f"Fix all {len(alike)} of this kind", menu)
            apply_all.triggered.connect(lambda: self.fixAllRequested.emit(alike))
            menu.addAction(apply_all)
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = self.context_menu_for(item)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(position))
