"""The Finance page: the quotes and invoices table, its toolbar, Synchronize and automatic sync."""

from __future__ import annotations

import functools
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.collector import bulk_allocation
from qbconnector.core.documents import DocumentKind
from qbconnector.core.settings import Settings
from qbconnector.services import ConnectorServices
from qbconnector.storage.ledger_schema import PulledState
from qbconnector.storage.profile import Profile
from qbconnector.sync.details import DocumentDetails, load_details
from qbconnector.sync.listing import ListedDocument, QbState, list_documents
from qbconnector.sync.remote import open_window_session
from qbconnector.sync.session import SessionConfig, WindowSession
from qbconnector.ui.finance.auto_sync import AutoSyncController
from qbconnector.ui.finance.delegate import StateBadgeDelegate
from qbconnector.ui.finance.details import DetailsDialog, UrlOpener
from qbconnector.ui.finance.model import (
    PULLED_ROLE,
    Column,
    FinanceTableModel,
    Listing,
    RowFilter,
    SortState,
    make_listing,
)
from qbconnector.ui.finance.proxy import FinanceProxy
from qbconnector.ui.finance.pull_view import PullPresenter
from qbconnector.ui.finance.run_view import RunPresenter
from qbconnector.ui.finance.summary import PreflightPanel, SummaryStrip
from qbconnector.ui.finance.sync_worker import SyncController
from qbconnector.ui.finance.texts import pulled_label, state_label
from qbconnector.ui.finance.toolbar import FinanceToolbar
from qbconnector.ui.messages import describe_error
from qbconnector.ui.workers import TaskRunner

PULSE_MS = 120
BADGE_ROOM = 32  # a badge's padding and margins around its text


class FinancePage(QWidget):
    """Signals: reconnectRequired(str explanation) when QuickBooks refuses the saved refresh
    token; autoSyncChanged(str status-bar text); kindChanged(object DocumentKind)."""

    reconnectRequired = Signal(str)
    autoSyncChanged = Signal(str)
    kindChanged = Signal(object)

    def __init__(
        self, services: ConnectorServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("financePage")
        self.services = services
        self.runner = runner
        self.settings = Settings()
        self.session_config = SessionConfig()
        self.open_url: UrlOpener = QDesktopServices.openUrl  # tests record addresses instead
        self.details_dialog: DetailsDialog | None = None
        self.models = {kind: FinanceTableModel(kind, self) for kind in DocumentKind}
        for model in self.models.values():
            # Big lists sort and filter on a worker thread, so the window never stalls.
            model.background = self.runner.submit
            model.computeFailed.connect(self._load_failed)
        self._loading: dict[DocumentKind, int] = {}
        self._load_after_run: set[DocumentKind] = set()
        self._build()
        self.sync = SyncController(self.new_session, self)
        self.auto_sync = AutoSyncController(runner, self.new_session, self._may_auto_sync,
                                            self)  # fmt: skip
        self.run = RunPresenter(self)
        self.pull = PullPresenter(self)
        self.pull.busyChanged.connect(self.update_actions)
        self.auto_sync.stateChanged.connect(self._auto_sync_changed)
        self.auto_sync.passFinished.connect(self.run.auto_pass_finished)
        self.auto_sync.passFailed.connect(self.run.auto_pass_failed)
        self._show_kind(self.toolbar.kind())

    def _build(self) -> None:
        self.toolbar = FinanceToolbar()
        self.preflight = PreflightPanel()
        self.summary = SummaryStrip()
        self.proxy = FinanceProxy(self)
        self.table = QTableView()
        self.table.setObjectName("financeTable")
        self.table.setAccessibleName(self.tr("Documents"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(Column.NUMBER, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        self.badges = StateBadgeDelegate(self.table)
        self.table.setItemDelegateForColumn(Column.QB_STATE, self.badges)
        self.pulled_badges = StateBadgeDelegate(self.table, PULLED_ROLE)
        self.table.setItemDelegateForColumn(Column.PULLED, self.pulled_badges)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.table.doubleClicked.connect(self._double_clicked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.toolbar, self.preflight, self.summary):
            layout.addWidget(widget)
        layout.addWidget(self.table, 1)
        self.pulse = QTimer(self)
        self.pulse.setInterval(PULSE_MS)
        self.pulse.timeout.connect(self._pulse)
        self.toolbar.kindChanged.connect(self._show_kind)
        self.toolbar.filterChanged.connect(self._filter_changed)
        self.toolbar.selectAll.connect(lambda: self.model().set_all_checked(True))
        self.toolbar.selectNone.connect(lambda: self.model().set_all_checked(False))
        self.toolbar.selectVisible.connect(lambda: self.model().check_visible())
        for model in self.models.values():
            model.checkedCountChanged.connect(self.update_actions)
            model.modelReset.connect(self.update_actions)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self.focus_search)
        find.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        again = QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self._refresh_key)
        again.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # -- what is shown -------------------------------------------------------------------------

    def kind(self) -> DocumentKind:
        return self.toolbar.kind()

    def model(self) -> FinanceTableModel:
        return self.models[self.kind()]

    def _show_kind(self, kind: DocumentKind) -> None:
        self.proxy.show_model(self.models[kind])
        self._size_columns()
        self.update_actions()
        self.kindChanged.emit(kind)

    def _filter_changed(self, row_filter: Any) -> None:
        self.proxy.set_row_filter(row_filter)
        self.update_actions()

    def focus_search(self) -> None:
        self.toolbar.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toolbar.search.selectAll()

    def _size_columns(self) -> None:
        header = self.table.horizontalHeader()
        metrics = self.fontMetrics()
        widths = {Column.CHECK: 28, Column.NUMBER: 100, Column.DATE: 86, Column.CLIENT: 170,
                  Column.PROJECT: 70, Column.TOTAL: 90, Column.CURRENCY: 64,
                  Column.STATUS: 104, Column.BALANCE: 90, Column.QB_NUMBER: 110,
                  Column.LAST_SYNC: 156}  # fmt: skip
        scale = max(metrics.horizontalAdvance("M") / 11, 0.8)
        for column, width in widths.items():
            header.resizeSection(column, int(width * scale))
        # The badge columns fit their longest label in the window's language.
        badges = {Column.QB_STATE: [state_label(state) for state in QbState],
                  Column.PULLED: [pulled_label(state) for state in PulledState]}  # fmt: skip
        for column, labels in badges.items():
            widest = max(metrics.horizontalAdvance(label) for label in labels)
            header.resizeSection(column, widest + BADGE_ROOM)

    def update_actions(self) -> None:
        """The selected count, and whether Synchronize can be pressed (and why not)."""
        model = self.model()
        if model.loaded:
            self.toolbar.show_count(model.checked_count(), model.rowCount(), model.total_count())
        else:
            self.toolbar.count_label.setText(self.tr("Loading…"))
        reason = self._why_not_synchronize(model)
        self._refresh_actions()
        self.toolbar.sync_button.setEnabled(reason is None)
        self.toolbar.sync_button.setToolTip(reason or self.tr("Send the checked documents to "
                                                              "QuickBooks."))  # fmt: skip

    def _refresh_actions(self) -> None:
        """Refresh from QuickBooks waits for a pull, a run or an automatic pass to end."""
        busy = self.pull.running or self.sync.is_busy() or self.auto_sync.running
        enabled = self.settings.server.enabled
        self.toolbar.refresh_button.setEnabled(not busy and enabled)
        self.toolbar.refresh_button.setToolTip(
            self.tr("Read back payments, estimate states, edits and deletions from QuickBooks.")
            if enabled
            else self.tr("The connector is disabled: turn it on in Parameters > Quickbooks server.")
        )

    def _refresh_key(self) -> None:
        """F5: Refresh from QuickBooks, when the button could be pressed."""
        if self.toolbar.refresh_button.isEnabled():
            self.pull.refresh()

    def _may_auto_sync(self) -> bool:
        return not self.sync.is_busy() and not self.pull.running

    def _why_not_synchronize(self, model: FinanceTableModel) -> str | None:
        if not self.settings.server.enabled:
            return self.tr("The connector is disabled: turn it on in Parameters > Quickbooks "
                           "server.")  # fmt: skip
        if self.sync.is_busy():
            return self.tr("A synchronization is running.")
        if self.auto_sync.running:
            return self.tr("Automatic sync is running; try again in a moment.")
        if self.pull.running:
            return self.tr("Reading back from QuickBooks; try again in a moment.")
        if model.checked_count() == 0:
            return self.tr("Check the documents to send first.")
        return None

    # -- settings and loading ------------------------------------------------------------------

    def apply_settings(self, settings: Settings) -> None:
        """Follow the saved parameters (connector on or off, automatic sync)."""
        self.settings = settings
        self.auto_sync.apply_settings(settings)
        self.update_actions()
        self.pull.start_pull()

    def new_session(self) -> WindowSession:
        """Opened on a worker thread with the parameters saved when the run starts; served
        from a child process when it can be, so the sync's work never delays a paint."""
        return open_window_session(self.services.profile, self.settings,
                                   self.services.vault.store, self.session_config)  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        for kind, model in self.models.items():
            if not model.loaded and kind not in self._loading:
                self.reload(kind)

    def reload(self, kind: DocumentKind | None = None) -> None:
        """List the documents again (in a worker); both kinds when ``kind`` is None."""
        for chosen in [kind] if kind is not None else list(DocumentKind):
            if self.sync.is_busy():
                self._load_after_run.add(chosen)
                continue
            model = self.models[chosen]
            load = functools.partial(_listed, self.services.profile, self.settings, chosen,
                                     model.sort_state, model.row_filter)  # fmt: skip
            self._loading[chosen] = self.runner.submit(
                load, functools.partial(self._loaded, chosen), self._load_failed
            )
        self.update_actions()

    def is_loading(self) -> bool:
        return bool(self._loading)

    def _loaded(self, kind: DocumentKind, rows: Listing) -> None:
        self._loading.pop(kind, None)
        if self.sync.is_busy():  # a run's live rows win; list again when it ends
            self._load_after_run.add(kind)
            return
        model = self.models[kind]
        model.set_documents(rows)
        if kind is self.kind():
            self.proxy.show_model(model, fresh=True)
        self.update_actions()
        self.pull.start_pull()

    def _load_failed(self, error: Any) -> None:
        self._loading.clear()
        self.summary.show_error(describe_error(error))

    def after_run(self) -> None:
        if self._load_after_run:
            kinds, self._load_after_run = self._load_after_run, set()
            for kind in kinds:
                self.reload(kind)
        self.update_actions()

    # -- details -------------------------------------------------------------------------------

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.isValid() and index.column() != Column.CHECK:
            self.show_details(self.document_at(index).number)

    def document_at(self, index: QModelIndex) -> ListedDocument:
        return self.model().document_at(self.proxy.source_row(index))

    def _context_menu(self, position: QPoint) -> None:
        menu = self.context_menu(self.table.indexAt(position))
        if menu is not None:
            menu.popup(self.table.viewport().mapToGlobal(position))

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The row's menu (tests read it without opening it)."""
        if not index.isValid():
            return None
        number = self.document_at(index).number
        menu = QMenu(self)
        menu.setObjectName("financeContextMenu")
        details = menu.addAction(self.tr("Show details…"))
        details.triggered.connect(lambda: self.show_details(number))
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def show_details(self, number: str) -> None:
        kind, settings, profile = self.kind(), self.settings, self.services.profile
        self.runner.submit(functools.partial(load_details, profile, settings, kind, number),
                           self._details_loaded, self._details_failed)  # fmt: skip

    def _details_loaded(self, details: Any) -> None:
        if not isinstance(details, DocumentDetails):
            return
        model = self.models[details.kind]
        if self.details_dialog is not None:
            self.details_dialog.close()
        self.details_dialog = DetailsDialog(details, model.document(details.number),
                                            model.error_for(details.number), self,
                                            self._open_url)  # fmt: skip
        self.details_dialog.show()

    def _open_url(self, url: QUrl) -> bool:
        return bool(self.open_url(url))

    def _details_failed(self, error: Any) -> None:
        self.summary.show_error(describe_error(error))

    # -- runs and automatic sync ---------------------------------------------------------------

    def _pulse(self) -> None:
        self.badges.phase = (self.badges.phase + PULSE_MS / 1200) % 1.0
        left = self.table.columnViewportPosition(Column.QB_STATE)
        width = self.table.columnWidth(Column.QB_STATE)
        self.table.viewport().update(left, 0, width, self.table.viewport().height())

    def _auto_sync_changed(self) -> None:
        text = self.run.auto_sync_text()
        self.toolbar.auto_label.setText(text)
        self.toolbar.auto_label.setToolTip(text)
        self.autoSyncChanged.emit(text)
        self.update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            for model in self.models.values():
                model.clear_texts()
                model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
            self._size_columns()
            self._auto_sync_changed()
        super().changeEvent(event)

    def shutdown(self) -> None:
        """Stop automatic sync and any run before the window closes."""
        self.pulse.stop()
        self.pull.started_once = True  # no pull starts while the window closes
        self.auto_sync.shutdown()
        self.sync.shutdown()
        if self.details_dialog is not None:
            self.details_dialog.close()


def _listed(
    profile: Profile, settings: Settings, kind: DocumentKind, sort: SortState, wanted: RowFilter
) -> Listing:
    """The documents of ``kind`` with their derived orders (runs on a worker thread)."""
    with bulk_allocation():
        return make_listing(list_documents(profile, settings, kind), sort, wanted)
