"""The Parameters page: the tabs (Taxes included), unsaved-change dots, Save and Revert."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.documents import DocumentKind
from qbconnector.core.settings import Settings
from qbconnector.core.validation import FieldError
from qbconnector.services import ConnectionReport, ConnectorServices, ServiceItem
from qbconnector.storage.settings_file import SettingsInvalidError
from qbconnector.storage.vault import REFRESH_TOKEN
from qbconnector.ui.messages import describe_error
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.connect_flow import ConnectFlow
from qbconnector.ui.parameters.documents_tab import DocumentsTab
from qbconnector.ui.parameters.flowfit_tab import FlowFitTab
from qbconnector.ui.parameters.server_tab import ServerTab
from qbconnector.ui.parameters.services_tab import ServicesTab
from qbconnector.ui.parameters.sync_tab import SyncTab
from qbconnector.ui.parameters.taxes_loader import TaxesLoader
from qbconnector.ui.parameters.taxes_tab import TaxesTab
from qbconnector.ui.workers import TaskRunner

DIRTY_MARK = "● "


class ParametersPage(QWidget):
    """Signals: saved(object settings) after a save; dirtyChanged(bool); currentTabChanged(str);
    connectionTested(object ConnectionReport) after a successful connection check;
    connectionFailed(str message) when the start-up check fails; connected(object
    ConnectOutcome) after Connect to QuickBooks saved a connection; disconnected(object)."""

    saved = Signal(object)
    connectionTested = Signal(object)
    connectionFailed = Signal(str)
    connected = Signal(object)
    disconnected = Signal(object)
    dirtyChanged = Signal(bool)
    currentTabChanged = Signal(str)

    def __init__(
        self, services: ConnectorServices, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.runner = runner
        self.settings = Settings()
        self._dirty = False
        self._flowfit_services_loaded = False
        self._services_requested = False
        self.server = ServerTab()
        self.flowfit = FlowFitTab()
        self.invoices = DocumentsTab(DocumentKind.INVOICE)
        self.quotes = DocumentsTab(DocumentKind.QUOTE)
        self.sync = SyncTab()
        self.services_tab = ServicesTab()
        self.taxes_tab = TaxesTab()
        self.tabs_list: list[ParametersTab] = [
            self.server, self.flowfit, self.invoices, self.quotes, self.sync, self.services_tab,
            self.taxes_tab,
        ]  # fmt: skip
        self.tabs = QTabWidget()
        self.tabs.setObjectName("parametersTabs")
        for tab in self.tabs_list:
            self.tabs.addTab(tab, tab.title())
            tab.changed.connect(self._update_dirty)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setObjectName("parametersSave")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Re&vert"))
        self.revert_button.setObjectName("parametersRevert")
        self.revert_button.clicked.connect(self.revert)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        # Enter saves (the default button alone only works in dialogs).
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.server.testRequested.connect(self.test_connection)
        self.connect_flow = ConnectFlow(
            services.connect, runner, self.server.connect_panel,
            lambda: self.settings.server.realm_id, self,
        )  # fmt: skip
        self.server.connect_panel.connectRequested.connect(self.connect_to_quickbooks)
        self.connect_flow.connected.connect(self._connected)
        self.connect_flow.disconnected.connect(self._disconnected)
        self.services_tab.refreshRequested.connect(self.load_service_items)
        self.taxes = TaxesLoader(services, runner, self.taxes_tab, self._saved_for_lookup)
        self.sync.postingModeChanged.connect(self._posting_mode_changed)
        self.runner.submit(self.services.preview_documents, self._preview_documents)

    # -- state ---------------------------------------------------------------------------------

    def load(self, settings: Settings) -> None:
        """Show ``settings`` as the saved state."""
        self.settings = settings
        stored = self.services.stored_secret_names()
        for tab in self.tabs_list:
            tab.load(settings, stored)
        self.connect_flow.set_connected(REFRESH_TOKEN in stored)
        self._set_save_label(0)
        self._update_dirty()

    def show_draft(self, draft: Settings, typed_secrets: dict[str, str]) -> None:
        """Show edited values over the saved ones (used when the window is rebuilt)."""
        stored = self.services.stored_secret_names()
        for tab in self.tabs_list:
            tab.load(draft, stored)
        self.server.set_typed_secrets(typed_secrets)
        self.taxes_tab.set_saved(self.settings.taxes)  # its rows say what is saved
        self._update_dirty()

    def draft(self) -> Settings:
        """The settings as currently edited (not validated)."""
        settings = self.settings
        for tab in self.tabs_list:
            settings = tab.apply(settings)
        return settings

    def typed_secrets(self) -> dict[str, str]:
        secrets: dict[str, str] = {}
        for tab in self.tabs_list:
            secrets.update(tab.typed_secrets())
        return secrets

    def is_dirty(self) -> bool:
        return self._dirty

    def current_tab_title(self) -> str:
        tab = self.tabs.currentWidget()
        return tab.title() if isinstance(tab, ParametersTab) else ""

    def _tab_dirty(self, tab: ParametersTab) -> bool:
        return tab.apply(self.settings) != self.settings or bool(tab.typed_secrets())

    def _update_dirty(self) -> None:
        any_dirty = False
        for index, tab in enumerate(self.tabs_list):
            dirty = self._tab_dirty(tab)
            any_dirty = any_dirty or dirty
            self.tabs.setTabText(index, (DIRTY_MARK if dirty else "") + tab.title())
        self.revert_button.setEnabled(any_dirty)
        if any_dirty != self._dirty:
            self._dirty = any_dirty
            self.dirtyChanged.emit(any_dirty)

    def current_tab_is_own_page(self) -> bool:
        """Whether FlowFit shows the current tab as a page beside Parameters (Taxes)."""
        tab = self.tabs.currentWidget()
        return isinstance(tab, ParametersTab) and tab.own_page

    def _tab_changed(self, _index: int) -> None:
        self.currentTabChanged.emit(self.current_tab_title())
        if self.tabs.currentWidget() is self.taxes_tab:
            self.taxes.first_visit(bool(self.settings.server.realm_id))
        if (
            self.tabs.currentWidget() is self.services_tab
            and not self._services_requested
            and self.settings.server.realm_id
        ):
            self._submit_service_load()  # the first visit fills the list, saving nothing

    def _posting_mode_changed(self, itemized: bool) -> None:
        self.invoices.set_itemized(itemized)
        self.quotes.set_itemized(itemized)
        self.services_tab.set_itemized(itemized)

    # -- save / revert -------------------------------------------------------------------------

    def save(self) -> bool:
        """Validate and save; errors go under their fields and nothing is written."""
        draft = self.draft()
        secrets = self.typed_secrets()
        try:
            self.services.save(draft, secrets)  # validates everything before writing anything
        except SettingsInvalidError as error:
            self._show_errors(error.errors)
            return False
        except Exception as error:  # noqa: BLE001 - disk or keyring refusals are shown, not raised
            self.server.show_test_result(describe_error(error), ok=False)
            return False
        self.load(draft)
        self.saved.emit(draft)
        return True

    def revert(self) -> None:
        self.load(self.settings)

    def _show_errors(self, errors: list[FieldError]) -> None:
        shown = [tab.show_errors(errors) for tab in self.tabs_list]
        self._set_save_label(sum(shown))
        if any(shown) and not shown[self.tabs.currentIndex()]:
            # Take the user to the first tab with a problem unless this one has one.
            self.tabs.setCurrentIndex(next(index for index, count in enumerate(shown) if count))

    def _set_save_label(self, fields: int) -> None:
        if fields == 1:
            self.save_button.setText(self.tr("&Save (1 field needs attention)"))
        elif fields:
            text = self.tr("&Save (%1 fields need attention)").replace("%1", str(fields))
            self.save_button.setText(text)
        else:
            self.save_button.setText(self.tr("&Save"))

    # -- QuickBooks look-ups (off the GUI thread) -----------------------------------------------

    def _saved_for_lookup(self) -> bool:
        """Look-ups use the saved parameters: unsaved edits are saved first, so a refresh
        token QuickBooks rotates during the look-up is never lost."""
        return not self.is_dirty() or self.save()

    def test_connection(self) -> None:
        if not self._saved_for_lookup():
            self.server.show_test_result(
                self.tr("Correct the fields marked in red, then test again."), ok=False
            )
            return
        self.server.test_button.setEnabled(False)
        self.server.show_test_result(self.tr("Connecting to QuickBooks…"), ok=True)
        self.runner.submit(
            self.services.test_connection, self._connection_ok, self._connection_failed
        )

    def connect_to_quickbooks(self) -> None:
        """Connect with the app's keys as saved: pending edits (client ID...) are saved first."""
        if not self._saved_for_lookup():
            self.server.connect_panel.set_status(
                self.tr("Correct the fields marked in red, then connect again."), ok=False
            )
            return
        self.connect_flow.start()

    def _connected(self, outcome: Any) -> None:
        self.load(outcome.settings)
        self.saved.emit(outcome.settings)
        self.connected.emit(outcome)

    def _disconnected(self, outcome: Any) -> None:
        self.load(self.settings)  # the token fields no longer say "saved"
        self.disconnected.emit(outcome)

    def check_connection_quietly(self) -> None:
        """At start-up: learn the company's name for the banner without touching the tab.

        A failure is reported through connectionFailed (the status bar), not as an error under
        Test connection, and a result that arrives late never overwrites what a user did since.
        """
        self.runner.submit(
            self.services.test_connection,
            self.connectionTested.emit,
            lambda error: self.connectionFailed.emit(describe_error(error)),
        )

    def _connection_ok(self, report: Any) -> None:
        self.server.test_button.setEnabled(True)
        assert isinstance(report, ConnectionReport)
        text = self.tr("Connected to %1 (%2).").replace("%1", report.company_name)
        text = text.replace("%2", report.country or "?")
        if report.refresh_hard_expires is not None:
            when = report.refresh_hard_expires.date().isoformat()
            text += " " + self.tr("The refresh token expires for good on %1.").replace("%1", when)
        self.server.show_test_result(text, ok=True)
        self.connectionTested.emit(report)

    def _connection_failed(self, error: Any) -> None:
        self.server.test_button.setEnabled(True)
        self.server.show_test_result(describe_error(error), ok=False)

    def load_service_items(self) -> None:
        """Refresh: saves pending edits first, like Test connection."""
        if not self._saved_for_lookup():
            self.services_tab.set_load_error(
                self.tr("Correct the fields marked in red, then refresh again.")
            )
            return
        self._submit_service_load()

    def _submit_service_load(self) -> None:
        """Load with the saved parameters (the vault keeps any token QuickBooks rotates)."""
        self.services_tab.set_loading()
        self.runner.submit(
            self.services.list_service_items,
            self._items_loaded,
            self._items_failed,
        )
        self._services_requested = True
        if not self._flowfit_services_loaded:
            self._flowfit_services_loaded = True
            self.runner.submit(self.services.flowfit_services, self._flowfit_services)

    def _preview_documents(self, documents: Any) -> None:
        self.invoices.set_preview_document(documents.get(DocumentKind.INVOICE))
        self.quotes.set_preview_document(documents.get(DocumentKind.QUOTE))

    def _items_failed(self, error: Any) -> None:
        self.services_tab.set_load_error(describe_error(error))

    def _flowfit_services(self, names: Any) -> None:
        self.services_tab.set_flowfit_services([str(name) for name in names])

    def _items_loaded(self, items: Any) -> None:
        self.services_tab.set_items([item for item in items if isinstance(item, ServiceItem)])
