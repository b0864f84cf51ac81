"""Quickbooks server tab: Enabled switch, Realm ID, tokens, environment, Connect, Test."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.settings import Environment, Settings
from qbconnector.storage import vault as secret_names
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.connect_panel import ConnectPanel
from qbconnector.ui.parameters.form import FieldBox, SecretField, add_row
from qbconnector.ui.widgets.toggle_switch import ToggleSwitch


class ServerTab(ParametersTab):
    """Signals: testRequested() when the user presses Test connection."""

    testRequested = Signal()
    prefixes = ("server.",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = self._form = QFormLayout()
        self.enabled = ToggleSwitch(self.tr("Enabled"))
        self.enabled.setObjectName("serverEnabled")
        self.boxes["server.enabled"] = FieldBox(
            self.enabled,
            self.tr("Push the Enabled button to the right to activate the connector."),
            compact=True,
        )
        add_row(form, self.tr("&Enabled"), self.boxes["server.enabled"])
        self.realm_id = self._line(
            "serverRealmId",
            "server.realm_id",
            form,
            self.tr("&Realm ID"),
            self.tr(
                "The Company ID: in QuickBooks, ⚙ > Account and "
                "settings > Billing & subscription, digits only."
            ),
        )
        self.access_token = self._secret("serverAccessToken", form, self.tr("&Access token"))
        self.refresh_token = self._secret("serverRefreshToken", form, self.tr("Re&fresh token"))
        self.environment = QComboBox()
        self.environment.setObjectName("serverEnvironment")
        for environment, label in self._environment_labels().items():
            self.environment.addItem(label, environment.value)
        self.boxes["server.environment"] = FieldBox(self.environment)
        add_row(form, self.tr("E&nvironment"), self.boxes["server.environment"])
        self.api_base_url = self._line(
            "serverApiBaseUrl", "server.api_base_url", form, self.tr("API &base URL")
        )
        self.discovery_url = self._line(
            "serverDiscoveryUrl", "server.discovery_url", form, self.tr("&Discovery URL")
        )
        self.client_id = self._line(
            "serverClientId",
            "server.client_id",
            form,
            self.tr("&Client ID"),
            self.tr("From your app's Keys & credentials page at Intuit."),
        )
        self.client_secret = self._secret("serverClientSecret", form, self.tr("Client &secret"))
        self.redirect_uri = self._line(
            "serverRedirectUri",
            "server.redirect_uri",
            form,
            self.tr("Redirect &URI"),
            self.tr(
                "One of your app's redirect URIs at Intuit. http://localhost:PORT/... (development "
                "keys): qbconnector receives the answer itself. Empty: Intuit's OAuth Playground; "
                "you paste back the address it shows."
            ),
        )
        self.connect_panel = ConnectPanel()
        self.token_warning = QLabel()
        self.token_warning.setObjectName("serverTokenWarning")
        self.token_warning.setWordWrap(True)
        self.token_warning.setProperty("role", "error")
        self.token_warning.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.connect_panel)
        layout.addWidget(self.token_warning)
        layout.addLayout(self._test_row())
        layout.addStretch(1)
        self.enabled.toggled.connect(self._emit_changed)
        self.environment.currentIndexChanged.connect(self._environment_changed)
        self._environment_changed()

    def title(self) -> str:
        return self.tr("Quickbooks server")

    def _environment_labels(self) -> dict[Environment, str]:
        return {
            Environment.SANDBOX: self.tr("Sandbox (test company)"),
            Environment.PRODUCTION: self.tr("Production (real books)"),
            Environment.CUSTOM: self.tr("Custom addresses"),
        }

    def _line(
        self, name: str, field: str, form: QFormLayout, label: str, help_text: str = ""
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.textEdited.connect(self._emit_changed)
        self.boxes[field] = FieldBox(edit, help_text)
        add_row(form, label, self.boxes[field])
        return edit

    def _secret(self, name: str, form: QFormLayout, label: str) -> SecretField:
        edit = SecretField(name)
        edit.edited.connect(self._emit_changed)
        self.boxes[f"server.{name}"] = FieldBox(edit)
        add_row(form, label, self.boxes[f"server.{name}"])
        return edit

    def _test_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.test_button = QPushButton(self.tr("&Test connection"))
        self.test_button.setObjectName("serverTestConnection")
        self.test_button.clicked.connect(self.testRequested)
        self.test_result = QLabel()
        self.test_result.setObjectName("serverTestResult")
        self.test_result.setWordWrap(True)
        row.addWidget(self.test_button)
        row.addWidget(self.test_result, 1)
        return row

    def _environment_changed(self) -> None:
        custom = self.environment.currentData() == Environment.CUSTOM.value
        for field in ("server.api_base_url", "server.discovery_url"):
            self._form.setRowVisible(self.boxes[field], custom)
        self._emit_changed()

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        server = settings.server
        self.enabled.setChecked(server.enabled)
        self.realm_id.setText(server.realm_id)
        self.environment.setCurrentIndex(self.environment.findData(server.environment.value))
        self.api_base_url.setText(server.api_base_url)
        self.discovery_url.setText(server.discovery_url)
        self.client_id.setText(server.client_id)
        self.redirect_uri.setText(server.redirect_uri)
        self.access_token.set_stored(secret_names.ACCESS_TOKEN in stored_secrets)
        self.refresh_token.set_stored(secret_names.REFRESH_TOKEN in stored_secrets)
        self.client_secret.set_stored(secret_names.CLIENT_SECRET in stored_secrets)
        self.test_result.clear()

    def apply(self, settings: Settings) -> Settings:
        return settings.with_section(
            "server",
            enabled=self.enabled.isChecked(),
            realm_id=self.realm_id.text().strip(),
            environment=Environment(self.environment.currentData()),
            api_base_url=self.api_base_url.text().strip(),
            discovery_url=self.discovery_url.text().strip(),
            client_id=self.client_id.text().strip(),
            redirect_uri=self.redirect_uri.text().strip(),
        )

    def typed_secrets(self) -> dict[str, str]:
        fields = {
            secret_names.ACCESS_TOKEN: self.access_token,
            secret_names.REFRESH_TOKEN: self.refresh_token,
            secret_names.CLIENT_SECRET: self.client_secret,
        }
        return {name: value for name, edit in fields.items() if (value := edit.typed_value())}

    def set_typed_secrets(self, secrets: dict[str, str]) -> None:
        fields = {
            secret_names.ACCESS_TOKEN: self.access_token,
            secret_names.REFRESH_TOKEN: self.refresh_token,
            secret_names.CLIENT_SECRET: self.client_secret,
        }
        for name, value in secrets.items():
            fields[name].setText(value)

    def raw_secret_texts(self) -> dict[str, str]:
        """What is typed in each secret field, untrimmed inside (for validation)."""
        return {
            "server.serverAccessToken": self.access_token.text(),
            "server.serverRefreshToken": self.refresh_token.text(),
            "server.serverClientSecret": self.client_secret.text(),
        }

    def show_token_warning(self, text: str) -> None:
        self.token_warning.setText(text)
        self.token_warning.setVisible(bool(text))

    def show_test_result(self, text: str, ok: bool) -> None:
        self.test_result.setText(text)
        self.test_result.setProperty("role", "success" if ok else "error")
        self.test_result.style().unpolish(self.test_result)
        self.test_result.style().polish(self.test_result)
