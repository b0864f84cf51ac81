"""The main window: navigation column, breadcrumb, environment banner, pages, status bar."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QStatusBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from qbconnector.connect_service import ConnectOutcome
from qbconnector.core.errors import QbConnectorError
from qbconnector.core.licences import bundled_libraries, licence_texts_dir
from qbconnector.core.resources import resource_path
from qbconnector.core.settings import Environment, Settings
from qbconnector.quickbooks.tokenstate import renewal_deadline, renewal_warning_due
from qbconnector.services import ConnectionReport, ConnectorServices
from qbconnector.storage.settings_file import LoadedSettings
from qbconnector.ui.about import AboutDialog
from qbconnector.ui.finance.page import FinancePage
from qbconnector.ui.finance.texts import kind_plural
from qbconnector.ui.i18n import current_language
from qbconnector.ui.parameters.page import ParametersPage
from qbconnector.ui.ui_state import UiState
from qbconnector.ui.welcome import WelcomePage
from qbconnector.ui.workers import TaskRunner

PAGE_PARAMETERS = "parameters"
PAGE_FINANCE = "finance"
PAGE_WELCOME = "welcome"


class MainWindow(QMainWindow):
    """Signals: languageRequested(str) when the user picks another interface language;
    demoRequested() when the welcome's Open the demo is chosen."""

    languageRequested = Signal(str)
    demoRequested = Signal()

    def __init__(
        self,
        services: ConnectorServices,
        ui_state: UiState,
        *,
        demo: bool = False,
        welcome: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services = services
        self.ui_state = ui_state
        self.demo = demo
        self.runner = TaskRunner(self)
        self.company_name = ""
        self._resume_finance = False  # a reconnect asked from Finance goes back there after
        self._startup_warnings: list[str] = []
        self._profile_problems: list[str] = []
        self.setWindowIcon(QIcon(str(resource_path("icons", "app.svg"))))
        self._build()
        try:
            loaded = services.load_settings()
        except QbConnectorError as error:  # e.g. settings saved by a newer qbconnector
            loaded = LoadedSettings(Settings())
            services.problems.append(str(error))
            self.parameters.setEnabled(False)  # a save would overwrite the file it cannot read
        self._startup_warnings = loaded.warnings
        self.parameters.load(loaded.settings)
        self._show_profile_problems([*services.problems, *loaded.warnings])
        self._settings_changed(loaded.settings)
        self._restore_state()
        if welcome and not demo and services.is_first_run():
            self.show_page(PAGE_WELCOME)
        server = loaded.settings.server
        if server.enabled and server.realm_id:
            # Name the company in the banner from the start (one CompanyInfo read, off-thread).
            self.parameters.check_connection_quietly()

    # -- construction --------------------------------------------------------------------------

    def _build(self) -> None:
        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self._navigation())
        column = QVBoxLayout()
        column.setContentsMargins(12, 8, 12, 8)
        self.problem_banner = QLabel()
        self.problem_banner.setObjectName("profileProblem")
        self.problem_banner.setWordWrap(True)
        self.problem_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_banner.hide()
        column.addWidget(self.problem_banner)
        self.banner = QLabel()
        self.banner.setObjectName("environmentBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.breadcrumb = QLabel()
        self.breadcrumb.setObjectName("breadcrumb")
        self.stack = QStackedWidget()
        self.finance = FinancePage(self.services, self.runner)
        self.parameters = self._new_parameters_page()
        self.welcome = WelcomePage()
        self.stack.addWidget(self.parameters)
        self.stack.addWidget(self.finance)
        self.stack.addWidget(self.welcome)
        column.addWidget(self.banner)
        column.addWidget(self.breadcrumb)
        column.addWidget(self.stack, 1)
        row.addLayout(column, 1)
        self.setCentralWidget(central)
        self._build_status_bar()
        self.finance.kindChanged.connect(self._update_breadcrumb)
        self.finance.autoSyncChanged.connect(self.auto_sync_label.setText)
        self.finance.reconnectRequired.connect(self.show_reconnect_required)
        self.runner.busyChanged.connect(self._busy_changed)
        self.welcome.connectChosen.connect(self._welcome_connect)
        self.welcome.tokensChosen.connect(self._welcome_tokens)
        self.welcome.demoChosen.connect(self.demoRequested)
        QShortcut(QKeySequence("Ctrl+1"), self, lambda: self.show_page(PAGE_PARAMETERS))
        QShortcut(QKeySequence("Ctrl+2"), self, lambda: self.show_page(PAGE_FINANCE))
        self.retranslate()

    def _new_parameters_page(self) -> ParametersPage:
        page = ParametersPage(self.services, self.runner)
        page.saved.connect(self._settings_changed)
        page.currentTabChanged.connect(self._update_breadcrumb)
        page.dirtyChanged.connect(self._update_title)
        page.connectionTested.connect(self._connection_tested)
        page.connectionFailed.connect(self._connection_failed)
        page.connected.connect(self._connected)
        page.disconnected.connect(self._disconnected)
        return page

    def rebuild_parameters(self) -> None:
        """Build the Parameters page again (after a language change), keeping the edits."""
        old = self.parameters
        saved, draft, secrets = old.settings, old.draft(), old.typed_secrets()
        tab_index, showing = old.tabs.currentIndex(), self.stack.currentWidget() is old
        self.parameters = self._new_parameters_page()
        self.stack.insertWidget(0, self.parameters)
        self.stack.removeWidget(old)
        old.deleteLater()
        self.parameters.load(saved)
        self.parameters.show_draft(draft, secrets)
        self.parameters.tabs.setCurrentIndex(tab_index)
        if showing:
            self.stack.setCurrentWidget(self.parameters)
        self.retranslate()

    def _navigation(self) -> QWidget:
        column = QWidget()
        column.setObjectName("navigation")
        layout = QVBoxLayout(column)
        layout.setContentsMargins(6, 12, 6, 12)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.nav_parameters = self._nav_button("navParameters", "parameters.svg")
        self.nav_finance = self._nav_button("navFinance", "finance.svg")
        for button in (self.nav_parameters, self.nav_finance):
            layout.addWidget(button)
            self.nav_group.addButton(button)
        self.nav_parameters.setChecked(True)
        self.nav_parameters.clicked.connect(lambda: self.show_page(PAGE_PARAMETERS))
        self.nav_finance.clicked.connect(lambda: self.show_page(PAGE_FINANCE))
        layout.addStretch(1)
        self.language = QComboBox()
        self.language.setObjectName("languageChooser")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.activated.connect(self._language_chosen)
        layout.addWidget(self.language)
        self.about_button = QToolButton()
        self.about_button.setObjectName("aboutButton")
        self.about_button.clicked.connect(self.show_about)
        layout.addWidget(self.about_button, 0, Qt.AlignmentFlag.AlignHCenter)
        return column

    def _nav_button(self, name: str, icon: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setCheckable(True)
        button.setIcon(QIcon(str(resource_path("icons", icon))))
        button.setIconSize(QSize(28, 28))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setMinimumWidth(92)
        return button

    def _build_status_bar(self) -> None:
        bar = QStatusBar()
        bar.setObjectName("statusBar")
        self.connection_label = QLabel()
        self.connection_label.setObjectName("statusConnection")
        self.token_label = QLabel()
        self.token_label.setObjectName("statusTokens")
        self.auto_sync_label = QLabel()
        self.auto_sync_label.setObjectName("statusAutoSync")
        self.vault_label = QLabel()
        self.vault_label.setObjectName("statusVault")
        for label in (
            self.vault_label, self.connection_label, self.token_label, self.auto_sync_label,
        ):  # fmt: skip
            bar.addPermanentWidget(label)
        self.setStatusBar(bar)

    def retranslate(self) -> None:
        self._render_problems()
        unencrypted = not self.services.vault.encrypted
        self.vault_label.setVisible(unencrypted)
        self.vault_label.setText(self.tr("Tokens stored unencrypted") if unencrypted else "")
        self.vault_label.setToolTip(
            self.tr(
                "No system keyring is available, so the QuickBooks tokens are stored unencrypted "
                "in %1 (readable only by your user account)."
            ).replace("%1", str(self.services.profile.vault_file))
            if unencrypted
            else ""
        )
        self.nav_parameters.setText(self.tr("Parameters"))
        self.nav_parameters.setAccessibleName(self.tr("Parameters"))
        self.nav_finance.setText(self.tr("Finance"))
        self.nav_finance.setAccessibleName(self.tr("Finance"))
        self.language.setAccessibleName(self.tr("Interface language"))
        self.language.setToolTip(self.tr("Interface language"))
        self.about_button.setText(self.tr("About"))
        self._update_title()
        self._update_breadcrumb()
        self._settings_changed(self.parameters.settings)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- navigation ----------------------------------------------------------------------------

    def show_page(self, name: str) -> None:
        leaving = self.current_page() == PAGE_PARAMETERS and name != PAGE_PARAMETERS
        if leaving and self.parameters.is_dirty() and not self._confirm_discard(revert=True):
            self.nav_parameters.setChecked(True)  # stay: the user chose Cancel
            return
        if name == PAGE_WELCOME:
            self.stack.setCurrentWidget(self.welcome)
            self.nav_group.setExclusive(False)  # no navigation button stands for the welcome
            self.nav_parameters.setChecked(False)
            self.nav_group.setExclusive(True)
            self._update_breadcrumb()
            return
        widget = self.parameters if name == PAGE_PARAMETERS else self.finance
        self.stack.setCurrentWidget(widget)
        button = self.nav_parameters if name == PAGE_PARAMETERS else self.nav_finance
        button.setChecked(True)
        self._update_breadcrumb()

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        if current is self.welcome:
            return PAGE_WELCOME
        return PAGE_PARAMETERS if current is self.parameters else PAGE_FINANCE

    def _update_breadcrumb(self) -> None:
        if self.current_page() == PAGE_WELCOME:
            parts = [self.tr("Welcome")]
        elif self.current_page() == PAGE_PARAMETERS:
            parts = ["⚙", self.tr("Connectors"), "Quickbooks", self.tr("Parameters")]
            if self.parameters.current_tab_is_own_page():
                parts.pop()  # ⚙ > Connectors > Quickbooks > Taxes, beside Parameters
            parts.append(self.parameters.current_tab_title())
        else:
            parts = [self.tr("Finance"), kind_plural(self.finance.kind())]
        self.breadcrumb.setText(" > ".join(part for part in parts if part))

    def _update_title(self) -> None:
        mark = "● " if self.parameters.is_dirty() else ""
        self.setWindowTitle(mark + self.tr("qbconnector — FlowFit to QuickBooks Online"))

    # -- state shown in the frame -------------------------------------------------------------

    def _settings_changed(self, settings: object) -> None:
        if not isinstance(settings, Settings):
            return
        self._update_banner(settings)
        server = settings.server
        if not server.enabled:
            self.connection_label.setText(self.tr("Connector disabled"))
        elif self.company_name:
            self.connection_label.setText(self.tr("Connected: %1").replace("%1", self.company_name))
        else:
            self.connection_label.setText(self.tr("Connection not tested yet"))
        self.finance.apply_settings(settings)  # also sets the automatic sync status text

    def _update_banner(self, settings: Settings) -> None:
        environment = "demo" if self.demo else settings.server.environment.value
        names = {
            "demo": self.tr("DEMO"),
            Environment.SANDBOX.value: self.tr("SANDBOX"),
            Environment.PRODUCTION.value: self.tr("PRODUCTION"),
            Environment.CUSTOM.value: self.tr("CUSTOM"),
        }
        company = self.company_name or (
            self.tr("company %1").replace("%1", settings.server.realm_id)
            if settings.server.realm_id
            else self.tr("no QuickBooks company configured")
        )
        self.banner.setText(f"{names[environment]} — {company}")
        self.banner.setProperty("environment", environment)
        self.banner.style().unpolish(self.banner)
        self.banner.style().polish(self.banner)

    def _connection_tested(self, report: object) -> None:
        if isinstance(report, ConnectionReport):
            self.company_name = report.company_name
            # The rolling expiry moves with each use; the hard one (5 years) never does.
            until = report.refresh_expires or report.refresh_hard_expires
            if report.refresh_hard_expires is not None and until is not None:
                until = min(until, report.refresh_hard_expires)
            if until is not None:
                self.token_label.setText(
                    self.tr("Refresh token valid until %1").replace("%1", until.date().isoformat())
                )
            self._warn_about_renewal(report)
        self._settings_changed(self.parameters.settings)

    def _warn_about_renewal(self, report: ConnectionReport) -> None:
        deadline = renewal_deadline(report.refresh_expires, report.refresh_hard_expires)
        warning = ""
        if deadline is not None and renewal_warning_due(deadline):
            when = deadline.date().isoformat()
            warning = self.tr(
                "The refresh token can no longer be renewed after %1: reconnect to QuickBooks "
                "before then."
            ).replace("%1", when)
            self.token_label.setText(
                self.tr("Reconnect to QuickBooks before %1").replace("%1", when)
            )
        self.parameters.server.show_token_warning(warning)

    def _connected(self, outcome: object) -> None:
        if not isinstance(outcome, ConnectOutcome):
            return
        self.company_name = outcome.company_name or ""
        self.token_label.clear()
        self.connection_label.setToolTip("")
        self.parameters.server.show_token_warning("")
        self._settings_changed(outcome.settings)
        if self._resume_finance:
            self._resume_finance = False
            self.show_page(PAGE_FINANCE)  # Finance resumes: its timer restarted with the settings

    def _disconnected(self, _outcome: object) -> None:
        self.company_name = ""
        self.token_label.clear()
        self._settings_changed(self.parameters.settings)
        self.connection_label.setText(self.tr("QuickBooks not connected"))

    def _welcome_connect(self) -> None:
        self._open_server_tab()
        server = self.parameters.server
        server.connect_panel.set_status(
            self.tr(
                "Enter your app's client ID and client secret (developer.intuit.com > your app > "
                "Keys & credentials) and its redirect URI, then press Connect to QuickBooks."
            )
        )
        server.client_id.setFocus()

    def _welcome_tokens(self) -> None:
        self._open_server_tab()
        self.parameters.server.realm_id.setFocus()

    def _open_server_tab(self) -> None:
        self.show_page(PAGE_PARAMETERS)
        self.parameters.tabs.setCurrentWidget(self.parameters.server)

    def show_reconnect_required(self, explanation: str) -> None:
        """QuickBooks refused the saved refresh token: the server tab, with why and what to do."""
        self._resume_finance = self.current_page() == PAGE_FINANCE or self._resume_finance
        self._open_server_tab()
        self.parameters.server.show_test_result(explanation, ok=False)
        self.parameters.connect_flow.set_connected(True, reconnect=True)
        self.parameters.server.connect_panel.connect_button.setFocus()  # one click (or Enter)

    def _connection_failed(self, message: str) -> None:
        self.connection_label.setText(self.tr("QuickBooks not connected"))
        self.connection_label.setToolTip(message)

    def _busy_changed(self, busy: bool) -> None:
        # Switching language rebuilds texts; wait until background jobs have reported back.
        self.language.setEnabled(not busy)

    def show_about(self) -> None:
        """The About dialog (version, folders, licences), once the libraries' versions are read
        off the GUI thread; shown without blocking the window."""
        self.runner.submit(bundled_libraries, on_done=self._open_about)

    def _open_about(self, libraries: Any) -> None:
        profile = self.services.profile
        dialog = AboutDialog(
            profile.root, profile.log_dir, tuple(libraries), licence_texts_dir(), self
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _language_chosen(self, _index: int) -> None:
        self.languageRequested.emit(str(self.language.currentData()))

    # -- geometry and closing ------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.ui_state.geometry()
        if geometry is not None:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1100, 760)
        self.show_page(self.ui_state.page() or PAGE_PARAMETERS)
        self.parameters.tabs.setCurrentIndex(self.ui_state.parameters_tab())

    def _show_profile_problems(self, problems: list[str]) -> None:
        """A red banner over the pages: the window opened on what could be read."""
        self._profile_problems = problems
        self._render_problems()

    def _render_problems(self) -> None:
        problems = self._profile_problems
        self.problem_banner.setVisible(bool(problems))
        # The details name files and come from the Qt-free core, in English.
        title = self.tr("Some files of the profile could not be used:")
        self.problem_banner.setText("\n".join([title, *problems]) if problems else "")

    def startup_warnings(self) -> list[str]:
        return list(self._startup_warnings)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.parameters.is_dirty() and not self._confirm_discard():
            event.ignore()
            return
        self.ui_state.save(
            bytes(self.saveGeometry().data()),
            PAGE_PARAMETERS if self.current_page() == PAGE_WELCOME else self.current_page(),
            self.parameters.tabs.currentIndex(),
        )
        self.finance.shutdown()
        self.runner.shutdown()
        event.accept()

    def _confirm_discard(self, *, revert: bool = False) -> bool:
        """Save, or discard (reverting the page when it stays open), or cancel: False."""
        answer = self.ask_about_unsaved()
        if answer == QMessageBox.StandardButton.Save:
            return self.parameters.save()
        if answer == QMessageBox.StandardButton.Discard and revert:
            self.parameters.revert()
        return answer == QMessageBox.StandardButton.Discard

    def ask_about_unsaved(self) -> QMessageBox.StandardButton:
        """Save, Discard or Cancel; tests replace this method, a person sees a dialog."""
        box = QMessageBox(self)
        box.setObjectName("unsavedChangesDialog")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Unsaved parameters"))
        box.setText(self.tr("Some parameters were changed but not saved."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        return QMessageBox.StandardButton(box.exec())
