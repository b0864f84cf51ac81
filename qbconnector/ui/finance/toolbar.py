"""The Finance toolbar: Quotes | Invoices, search, filters, selection, Synchronize and progress."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.storage.ledger_schema import PulledState
from qbconnector.sync.listing import QbState
from qbconnector.ui.finance.model import RowFilter
from qbconnector.ui.finance.texts import kind_plural, pulled_label, state_label, status_label

SEARCH_DELAY_MS = 150  # typing a word filters once, not once per letter
# The "In QuickBooks" filter's choices, invoices' states first.
PULLED_CHOICES = (PulledState.PAID, PulledState.UNPAID, PulledState.PARTIALLY_PAID,
                  PulledState.OVERDUE, PulledState.EDITED, PulledState.DELETED,
                  PulledState.ACCEPTED, PulledState.CONVERTED, PulledState.CLOSED,
                  PulledState.REJECTED, PulledState.PENDING)  # fmt: skip


class FinanceToolbar(QWidget):
    """Signals: kindChanged(object DocumentKind), filterChanged(object RowFilter),
    selectAll(), selectNone(), selectVisible(), synchronizeClicked(), cancelClicked(),
    refreshClicked() (Refresh from QuickBooks)."""

    kindChanged = Signal(object)
    filterChanged = Signal(object)
    selectAll = Signal()
    selectNone = Signal()
    selectVisible = Signal()
    synchronizeClicked = Signal()
    cancelClicked = Signal()
    refreshClicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financeToolbar")
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._first_row())
        column.addLayout(self._second_row())
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._emit_filter)
        self.search.textChanged.connect(self._search_timer.start)
        self.status_filter.currentIndexChanged.connect(self._emit_filter)
        self.state_filter.currentIndexChanged.connect(self._emit_filter)
        self.pulled_filter.currentIndexChanged.connect(self._emit_filter)
        self.retranslate()

    def _first_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.kind_group = QButtonGroup(self)
        self.quotes_button = self._kind_button("quotesButton", DocumentKind.QUOTE)
        self.invoices_button = self._kind_button("invoicesButton", DocumentKind.INVOICE)
        self.invoices_button.setChecked(True)
        row.addWidget(self.quotes_button)
        row.addWidget(self.invoices_button)
        row.addSpacing(12)
        self.search = QLineEdit()
        self.search.setObjectName("financeSearch")
        self.search.setClearButtonEnabled(True)
        row.addWidget(self.search, 1)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("statusFilter")
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.pulled_filter = QComboBox()
        self.pulled_filter.setObjectName("pulledFilter")
        for combo in (self.status_filter, self.state_filter, self.pulled_filter):
            # As wide as their longest choice when there is room, but they may shrink to about
            # nine characters: three filters at full width made the window wider than an
            # 800-pixel screen.
            combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance("x" * 9) + 40)
            row.addWidget(combo)
        return row

    def _kind_button(self, name: str, kind: DocumentKind) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setCheckable(True)
        button.setProperty("kind", kind.value)
        self.kind_group.addButton(button)
        button.toggled.connect(self._kind_toggled)
        return button

    def _second_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.select_all_button = QPushButton()
        self.select_all_button.setObjectName("selectAllButton")
        self.select_visible_button = QPushButton()
        self.select_visible_button.setObjectName("selectVisibleButton")
        self.select_none_button = QPushButton()
        self.select_none_button.setObjectName("selectNoneButton")
        self.select_all_button.clicked.connect(self.selectAll)
        self.select_visible_button.clicked.connect(self.selectVisible)
        self.select_none_button.clicked.connect(self.selectNone)
        self.count_label = QLabel()
        self.count_label.setObjectName("selectedCount")
        for widget in (self.select_all_button, self.select_visible_button,
                       self.select_none_button, self.count_label):  # fmt: skip
            row.addWidget(widget)
        row.addStretch(1)
        self.auto_label = QLabel()
        self.auto_label.setObjectName("autoSyncState")
        # It gives way first when the window is narrow (its text is the tooltip too).
        self.auto_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.auto_label, 1)
        self.progress = QProgressBar()
        self.progress.setObjectName("syncProgress")
        self.progress.setTextVisible(True)
        self.progress.setFormat("%v / %m")
        self.progress.setMinimumWidth(160)
        self.progress.hide()
        row.addWidget(self.progress)
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.clicked.connect(self.cancelClicked)
        self.cancel_button.hide()
        self.refresh_button = QPushButton()
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refreshClicked)
        row.addWidget(self.refresh_button)
        self.sync_button = QPushButton()
        self.sync_button.setObjectName("synchronizeButton")
        self.sync_button.setProperty("primary", True)
        self.sync_button.setDefault(True)
        self.sync_button.clicked.connect(self.synchronizeClicked)
        row.addWidget(self.cancel_button)
        row.addWidget(self.sync_button)
        return row

    def retranslate(self) -> None:
        self.quotes_button.setText(kind_plural(DocumentKind.QUOTE))
        self.invoices_button.setText(kind_plural(DocumentKind.INVOICE))
        self.search.setPlaceholderText(self.tr("Search number, client or project (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self._fill(self.status_filter, self.tr("Any FlowFit status"),
                   [(status_label(status), status) for status in DocumentStatus])  # fmt: skip
        self._fill(self.state_filter, self.tr("Any sync state"),
                   [(state_label(state), state) for state in QbState])  # fmt: skip
        self._fill(self.pulled_filter, self.tr("In QuickBooks: any"),
                   [(pulled_label(state), state) for state in PULLED_CHOICES])  # fmt: skip
        self.status_filter.setAccessibleName(self.tr("FlowFit status"))
        self.state_filter.setAccessibleName(self.tr("Sync state"))
        self.pulled_filter.setAccessibleName(self.tr("In QuickBooks"))
        self.pulled_filter.setToolTip(
            self.tr(
                "What became of the documents in QuickBooks, as the last refresh read it. "
                '"unpaid" also shows partially paid and overdue invoices.'
            )
        )
        self.select_all_button.setText(self.tr("Select all"))
        self.select_visible_button.setText(self.tr("Select all visible"))
        self.select_none_button.setText(self.tr("Select none"))
        self.sync_button.setText(self.tr("Synchronize"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.refresh_button.setText(self.tr("Refresh from QuickBooks"))

    def _fill(self, combo: QComboBox, anything: str, choices: list[tuple[str, object]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(anything, None)
        for label, value in choices:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- state ---------------------------------------------------------------------------------

    def kind(self) -> DocumentKind:
        return DocumentKind.QUOTE if self.quotes_button.isChecked() else DocumentKind.INVOICE

    def set_kind(self, kind: DocumentKind) -> None:
        button = self.quotes_button if kind is DocumentKind.QUOTE else self.invoices_button
        button.setChecked(True)

    def row_filter(self) -> RowFilter:
        status = self.status_filter.currentData()
        state = self.state_filter.currentData()
        pulled = self.pulled_filter.currentData()
        # Qt hands the enums back as plain strings (they are str subclasses).
        return RowFilter(
            self.search.text().strip(),
            DocumentStatus(status) if status else None,
            QbState(state) if state else None,
            PulledState(pulled) if pulled else None,
        )

    def apply_filter_now(self) -> None:
        """Filter without waiting for the typing pause (tests, Enter)."""
        self._search_timer.stop()
        self._emit_filter()

    def show_count(self, checked: int, shown: int, total: int) -> None:
        self.count_label.setText(
            self.tr("%1 selected · %2 of %3 shown")
            .replace("%1", f"{checked:,}")
            .replace("%2", f"{shown:,}")
            .replace("%3", f"{total:,}")
        )

    def show_running(self, running: bool) -> None:
        """Cancel and the progress bar in place of Synchronize while a run goes."""
        self.sync_button.setVisible(not running)
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(running)
        self.kind_group.setExclusive(True)
        for button in (self.quotes_button, self.invoices_button):
            button.setEnabled(not running)

    def show_progress(self, done: int, total: int) -> None:
        # QProgressBar.setValue repaints at once, and that repaint took the window with it
        # (table and all: 21 ms every update during a sync); with updates off it paints with
        # the next frame instead, alongside the rows that changed.
        self.progress.setUpdatesEnabled(False)
        try:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))
        finally:
            self.progress.setUpdatesEnabled(True)
        self.progress.update()

    def _kind_toggled(self, checked: bool) -> None:
        if checked:
            self.kindChanged.emit(self.kind())

    def _emit_filter(self) -> None:
        self.filterChanged.emit(self.row_filter())
