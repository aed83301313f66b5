"""The proposals dock: every proposal of the document as a row — delegation, place, kind, the
words, status, rationale — with filters, and the buttons that settle one.

The panel only shows what it is given (:meth:`ProposalsPanel.set_rows`, rows from
:func:`drafting.proposal_status.proposal_rows`) and says what the user asked for through
signals; going to the text and changing the document is the owner's job
(:class:`ui.proposal_commands.ProposalCommands`).
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QFont,
    QFontMetrics,
    QIcon,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from drafting.model import ProposalStatus
from drafting.proposal_status import GREYED_STATUSES, MOVE, STATUS_NAMES, ProposalRow, delegations, shorten
from ui.editor import formats

ROW_ROLE = Qt.ItemDataRole.UserRole
WORDS_ROLE = Qt.ItemDataRole.UserRole + 1
"""(deleted, inserted, greyed) for the words column, which the delegate draws struck / underlined."""

COLUMNS = ("Delegation", "Place", "Kind", "Status", "Text", "Rationale")
DELEGATION, PLACE, KIND, STATUS, WORDS, RATIONALE = range(len(COLUMNS))
WORDS_LIMIT = 70
ALL = ""
EMPTY_TEXT = "No proposals in this document"
FILTERED_TEXT = "No proposals shown: the filters hide them all"


_SWATCHES: dict[tuple[str, int], QIcon] = {}


def swatch(colour: QColor, size: int = 12) -> QIcon:
    """A small square of ``colour`` (one icon per colour and size)."""
    key = (colour.name(), size)
    icon = _SWATCHES.get(key)
    if icon is None:
        icon = _SWATCHES[key] = _draw_swatch(colour, size)
    return icon


def _draw_swatch(colour: QColor, size: int) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(130))
    painter.setBrush(colour)
    painter.drawRoundedRect(1, 1, size - 2, size - 2, 2, 2)
    painter.end()
    return QIcon(pixmap)


class _WordsDelegate(QStyledItemDelegate):
    """Deleted words struck through, inserted words underlined, elided to the column."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        words = index.data(WORDS_ROLE)
        if not words:
            super().paint(painter, option, index)
            return
        deleted, inserted, colour = words
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pen = option.palette.color(QPalette.ColorRole.HighlightedText) if selected else QColor(colour)
        rect = option.rect.adjusted(4, 0, -4, 0)
        painter.save()
        painter.setClipRect(option.rect)
        painter.setPen(pen)
        x = rect.left()
        parts = []
        if deleted:
            parts.append((deleted, True, False))
        if deleted and inserted:
            parts.append((" → ", False, False))
        if inserted:
            parts.append((inserted, False, True))
        for text, struck, underlined in parts:
            font = QFont(option.font)
            font.setStrikeOut(struck)
            font.setUnderline(underlined)
            metrics = QFontMetrics(font)
            room = rect.right() - x
            if room <= metrics.horizontalAdvance("…"):
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            painter.setFont(font)
            painter.drawText(
                QRect(x, rect.top(), room, rect.height()), int(Qt.AlignmentFlag.AlignVCenter), shown
            )
            x += metrics.horizontalAdvance(shown)
            if shown != text:
                break
        painter.restore()


class _ProposalTree(QTreeWidget):
    """Enter on a row goes to the proposal in the text, like a double-click."""

    def __init__(self, panel: ProposalsPanel) -> None:
        super().__init__(panel)
        self._panel = panel

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem() is not None:
            self._panel.activated.emit(self.currentItem().data(0, ROW_ROLE))
            return
        super().keyPressEvent(event)


class ProposalsPanel(QWidget):
    shown = Signal(object)
    """A row was clicked: show its proposal in the text (the keyboard stays in the panel)."""
    activated = Signal(object)
    """Enter or a double-click on a row: go to its proposal and into the text."""
    resolveRequested = Signal(object, bool)
    """Accept (True) or reject (False) the row's proposal(s)."""
    statusRequested = Signal(object, str)
    """Give the row's proposal(s) this status (a :class:`ProposalStatus` value)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalRow] = []
        self._items: dict[tuple[str, ...], QTreeWidgetItem] = {}
        self._colours: dict[str, str] = {}
        self._filled: dict[str, list] = {}

        self.delegation_filter = QComboBox(self)
        self.delegation_filter.setAccessibleName("Delegation filter")
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName("Status filter")
        self.status_filter.addItem("All statuses", ALL)
        for status, name in STATUS_NAMES.items():
            self.status_filter.addItem(name.capitalize(), status.value)
        self.place_filter = QComboBox(self)
        self.place_filter.setAccessibleName("Paragraph filter")
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search words and rationales")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search proposals")
        for combo in (self.delegation_filter, self.status_filter, self.place_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(self._apply_filters)
        self.search.textChanged.connect(self._apply_filters)
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.delegation_filter, 0, 0)
        filters.addWidget(self.status_filter, 0, 1)
        filters.addWidget(self.place_filter, 1, 0)
        filters.addWidget(self.search, 1, 1)
        filters.setColumnStretch(0, 1)
        filters.setColumnStretch(1, 1)

        self.tree = _ProposalTree(self)
        self.tree.setAccessibleName("Proposals")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels(list(COLUMNS))
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.SingleSelection)
        self.tree.setItemDelegateForColumn(WORDS, _WordsDelegate(self.tree))
        header = self.tree.header()
        # Sized to their contents once per change of the list, not by the header on every
        # change of a row (with thousands of rows that was quadratic).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(WORDS, 220)
        header.setStretchLastSection(True)
        self.tree.itemClicked.connect(lambda item, _column: self.shown.emit(item.data(0, ROW_ROLE)))
        self.tree.itemDoubleClicked.connect(lambda item, _column: self.activated.emit(item.data(0, ROW_ROLE)))
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._show_context_menu)

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
        """The selected proposal in full (the list cuts its words and rationale to the dock)."""
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.RichText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setContentsMargins(4, 4, 4, 4)
        self.detail.setVisible(False)

        self.accept_button = QPushButton("Accept", self)
        self.accept_button.setToolTip("Apply the proposal to the text (one undo step)")
        self.reject_button = QPushButton("Reject", self)
        self.reject_button.setToolTip("Drop the proposal from the text (one undo step)")
        self.withdraw_button = QPushButton("Withdraw", self)
        self.withdraw_button.setToolTip("Its delegation withdrew it: kept in the text, greyed")
        self.status_button = QToolButton(self)
        self.status_button.setText("Status")
        self.status_button.setToolTip("Mark the proposal pending, agreed ad ref, bracketed …")
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        group = QActionGroup(self.status_menu)
        self.status_actions: dict[ProposalStatus, QAction] = {}
        for status, name in STATUS_NAMES.items():
            action = self.status_menu.addAction(name.capitalize())
            action.setCheckable(True)
            action.setActionGroup(group)
            if status in (ProposalStatus.ACCEPTED, ProposalStatus.REJECTED):
                action.setToolTip(f"Record it as {name}, leaving the text as it is")
            action.triggered.connect(lambda _checked=False, s=status: self._request_status(s))
            self.status_actions[status] = action
        self.status_menu.setToolTipsVisible(True)
        self.status_button.setMenu(self.status_menu)
        self.accept_button.clicked.connect(lambda: self._request_resolve(True))
        self.reject_button.clicked.connect(lambda: self._request_resolve(False))
        self.withdraw_button.clicked.connect(lambda: self._request_status(ProposalStatus.WITHDRAWN))
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for button in (self.accept_button, self.reject_button, self.withdraw_button, self.status_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(filters)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.detail)
        layout.addLayout(buttons)
        self._fill_filters()
        self._apply_filters()

    # --- in -------------------------------------------------------------------------------

    def set_rows(self, rows: list[ProposalRow], colours: dict[str, str] | None = None) -> None:
        """Show ``rows`` (``colours``: delegation -> "#rrggbb", else the window's colours).
        Nothing is done when they are what the panel shows; rows changed in place are updated
        in place; the list is rebuilt (keeping the selection) when proposals came or went."""
        if colours is None:
            colours = {row.delegation: formats.delegation_colour(row.author).name() for row in rows}
        if rows == self._rows and colours == self._colours:
            return
        recoloured = colours != self._colours
        old, self._rows, self._colours = self._rows, list(rows), dict(colours)
        selected = self.current_row()
        self.tree.blockSignals(True)
        try:
            same_ids = [row.ids for row in old] == [row.ids for row in rows]
            changed = (
                [row for before, row in zip(old, rows, strict=True) if before != row] if same_ids else []
            )
            if same_ids and (recoloured or len(changed) * 4 > len(rows)):
                changed = rows  # most rows: as quick to refill them all, and no sizes to keep
            if same_ids:
                for row in changed:
                    self._fill_item(self._items[row.ids], row)
            else:
                self.tree.clear()
                self._items = {}
                for row in rows:
                    item = QTreeWidgetItem()
                    self._fill_item(item, row)
                    self.tree.addTopLevelItem(item)
                    self._items[row.ids] = item
                if selected is not None and selected.ids in self._items:
                    self.tree.setCurrentItem(self._items[selected.ids])
        finally:
            self.tree.blockSignals(False)
        if not same_ids or changed:
            for column in (DELEGATION, PLACE, KIND, STATUS):
                self.tree.resizeColumnToContents(column)
        self._fill_filters()
        self._apply_filters()
        self._selection_changed()

    # --- reading ----------------------------------------------------------------------------

    def rows(self) -> list[ProposalRow]:
        return list(self._rows)

    def visible_rows(self) -> list[ProposalRow]:
        """The rows the list shows now, in order (after the filters)."""
        return [
            item.data(0, ROW_ROLE)
            for i in range(self.tree.topLevelItemCount())
            if not (item := self.tree.topLevelItem(i)).isHidden()
        ]

    def current_row(self) -> ProposalRow | None:
        item = self.tree.currentItem()
        if item is None or item.isHidden():
            return None
        return item.data(0, ROW_ROLE)

    def select(self, proposal_id: str) -> None:
        for ids, item in self._items.items():
            if proposal_id in ids and not item.isHidden():
                self.tree.setCurrentItem(item)
                self.tree.scrollToItem(item)
                return

    def item_for(self, proposal_id: str) -> QTreeWidgetItem | None:
        return next((item for ids, item in self._items.items() if proposal_id in ids), None)

    # --- building ---------------------------------------------------------------------------

    def _colour(self, row: ProposalRow) -> QColor:
        if row.status in GREYED_STATUSES:
            return QColor(formats.GREYED_COLOUR)
        return QColor(self._colours.get(row.delegation) or formats.delegation_colour(row.author))

    def _fill_item(self, item: QTreeWidgetItem, row: ProposalRow) -> None:
        item.setData(0, ROW_ROLE, row)
        colour = self._colour(row)
        deleted, inserted = shorten(row.deleted, WORDS_LIMIT), shorten(row.inserted, WORDS_LIMIT)
        words = f"{deleted} → {inserted}" if deleted and inserted else deleted or inserted
        if row.kind == MOVE:
            deleted, words = "", inserted or deleted
        texts = {
            DELEGATION: row.delegation,
            PLACE: row.place,
            KIND: row.kind_label,
            STATUS: row.status_name,
            WORDS: words,
            RATIONALE: shorten(row.rationale, 120),
        }
        for column, text in texts.items():
            item.setText(column, text)
        item.setIcon(DELEGATION, swatch(QColor(self._colours.get(row.delegation) or colour)))
        item.setData(WORDS, WORDS_ROLE, (deleted, inserted if row.kind != MOVE else words, colour.name()))
        tip = _row_tooltip(row)
        for column in range(len(COLUMNS)):
            item.setToolTip(column, tip)
        grey = row.status in GREYED_STATUSES
        foreground = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        for column in (DELEGATION, PLACE, KIND, STATUS, RATIONALE):
            item.setForeground(column, foreground if grey else self.palette().brush(QPalette.ColorRole.Text))

    def _fill_filters(self) -> None:
        names = delegations(self._rows)
        self._refill(self.delegation_filter, "All delegations", [(n, self._colours.get(n)) for n in names])
        places = dict.fromkeys(place for row in self._rows for place in row.places)
        self._refill(self.place_filter, "All paragraphs", [(place, None) for place in places])

    def _refill(self, combo: QComboBox, all_text: str, values: list[tuple[str, str | None]]) -> None:
        """The filter's choices (value, swatch colour or None), keeping the one chosen."""
        if self._filled.get(combo.accessibleName()) == values:
            return
        self._filled[combo.accessibleName()] = values
        chosen = combo.currentData() or ALL
        combo.blockSignals(True)
        try:
            combo.clear()
            combo.addItem(all_text, ALL)
            for value, colour in values:
                if colour:
                    combo.addItem(swatch(QColor(colour)), value, value)
                else:
                    combo.addItem(value, value)
            index = combo.findData(chosen)
            combo.setCurrentIndex(index if index >= 0 else 0)
        finally:
            combo.blockSignals(False)

    def _matches(self, row: ProposalRow) -> bool:
        delegation = self.delegation_filter.currentData() or ALL
        status = self.status_filter.currentData() or ALL
        place = self.place_filter.currentData() or ALL
        needle = self.search.text().strip().casefold()
        if delegation and row.delegation != delegation:
            return False
        if status and row.status.value != status:
            return False
        if place and place not in row.places:
            return False
        if needle:
            haystack = " ".join(
                (row.delegation, row.place, row.deleted, row.inserted, row.rationale, row.oral or "")
            ).casefold()
            return needle in haystack
        return True

    def _apply_filters(self, *_args: object) -> None:
        shown = 0
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            visible = self._matches(item.data(0, ROW_ROLE))
            item.setHidden(not visible)
            shown += visible
        self.empty_label.setText(FILTERED_TEXT if self._rows and not shown else EMPTY_TEXT)
        self._stack.setCurrentWidget(self.tree if shown else self.empty_label)
        current = self.tree.currentItem()
        if current is not None and current.isHidden():
            self.tree.setCurrentItem(None)
        self._selection_changed()

    def _selection_changed(self, *_args: object) -> None:
        row = self.current_row()
        for widget in (self.accept_button, self.reject_button, self.status_button):
            widget.setEnabled(row is not None)
        self.withdraw_button.setEnabled(row is not None and row.status is not ProposalStatus.WITHDRAWN)
        for status, action in self.status_actions.items():
            action.setChecked(row is not None and row.status is status)
        if row is None:
            self.detail.setVisible(False)
            return
        self.detail.setText(_row_detail(row))
        self.detail.setVisible(True)

    # --- out ------------------------------------------------------------------------------

    def _request_resolve(self, accept: bool) -> None:
        row = self.current_row()
        if row is not None:
            self.resolveRequested.emit(row, accept)

    def _request_status(self, status: ProposalStatus) -> None:
        row = self.current_row()
        if row is not None and row.status is not status:
            self.statusRequested.emit(row, status.value)
        self._selection_changed()

    def context_menu_for(self, item: QTreeWidgetItem) -> QMenu:
        row: ProposalRow = item.data(0, ROW_ROLE)
        menu = QMenu(self)
        go = menu.addAction(f"Go to {row.place}")
        go.triggered.connect(lambda: self.activated.emit(row))
        menu.addSeparator()
        accept = menu.addAction("Accept")
        accept.triggered.connect(lambda: self.resolveRequested.emit(row, True))
        reject = menu.addAction("Reject")
        reject.triggered.connect(lambda: self.resolveRequested.emit(row, False))
        statuses = menu.addMenu("Status")
        for status, name in STATUS_NAMES.items():
            action = statuses.addAction(name.capitalize())
            action.setCheckable(True)
            action.setChecked(row.status is status)
            action.setEnabled(row.status is not status)
            action.triggered.connect(lambda _c=False, s=status: self.statusRequested.emit(row, s.value))
        return menu

    def _show_context_menu(self, position: QPoint) -> None:
        item = self.tree.itemAt(position)
        if item is None:
            return
        self.tree.setCurrentItem(item)
        menu = self.context_menu_for(item)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.tree.viewport().mapToGlobal(position))


def _kind_phrase(row: ProposalRow) -> str:
    return ("Move" if row.kind == MOVE else row.kind.capitalize()) + (" (oral)" if row.oral else "")


def _row_tooltip(row: ProposalRow) -> str:
    return f"<p style='max-width: 36em'>{_row_detail(row)}</p>"


def _row_detail(row: ProposalRow) -> str:
    lines = [
        f"<b>{escape(_kind_phrase(row))}</b> proposed by <b>{escape(row.delegation)}</b>, "
        f"{escape(row.place)} — {escape(row.status_name)}"
    ]
    words = []
    if row.deleted and row.kind != MOVE:
        words.append(f"<s>{escape(shorten(row.deleted, 400))}</s>")
    if row.inserted or (row.kind == MOVE and row.deleted):
        words.append(f"<u>{escape(shorten(row.inserted or row.deleted, 400))}</u>")
    if words:
        lines.append(" → ".join(words))
    if row.oral:
        lines.append(f"Oral revision, {escape(row.oral)}")
    if row.rationale:
        lines.append(f"Rationale: {escape(shorten(row.rationale, 600))}")
    if row.date:
        lines.append(f"Date: {escape(row.date)}")
    return "<br>".join(lines)
