"""The Qt-free services the window is given: parameters, secrets, QuickBooks look-ups."""

from __future__ import annotations

from collections.abc import Mapping

from qbconnector import connection_checks
from qbconnector.connect_service import ConnectService
from qbconnector.connection_checks import ConnectionReport, ServiceItem
from qbconnector.core.documents import Document, DocumentKind, DocumentTax
from qbconnector.core.settings import Settings
from qbconnector.core.validation import FieldError, clean_token, validate_settings
from qbconnector.flowfit.store import DocumentStore
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.storage import vault as secret_names
from qbconnector.storage.profile import Profile
from qbconnector.storage.save_all import save_all
from qbconnector.storage.settings_file import LoadedSettings, SettingsFile, SettingsInvalidError
from qbconnector.storage.vault import OpenedVault, VaultError, open_vault

SECRET_FIELDS = {
    secret_names.ACCESS_TOKEN: "server.serverAccessToken",
    secret_names.REFRESH_TOKEN: "server.serverRefreshToken",
    secret_names.CLIENT_SECRET: "server.serverClientSecret",
}


class ConnectorServices:
    """One profile's parameters and secrets, and the QuickBooks calls the window needs.

    Methods that talk to QuickBooks block: the window calls them from a worker thread.
    """

    def __init__(self, profile: Profile, vault: OpenedVault | None = None) -> None:
        self.profile = profile.ensure()
        self.settings_file = SettingsFile(profile.settings_file)
        # What is wrong with the profile (a damaged vault...): the window shows it in a banner.
        self.problems: list[str] = []
        try:
            self.vault = vault or open_vault(profile)
        except VaultError as error:  # a damaged secrets.json the keyring was to take over
            self.problems.append(str(error))
            self.vault = open_vault(profile, prefer_file=True)
        self.connect = ConnectService(profile, self.settings_file, self.vault.store)

    def is_first_run(self) -> bool:
        """Nothing configured yet: no parameters saved and no token in the vault."""
        return not self.profile.settings_file.exists() and not self.stored_secret_names()

    def load_settings(self) -> LoadedSettings:
        return self.settings_file.load()

    def stored_secret_names(self) -> set[str]:
        try:
            return {name for name in SECRET_FIELDS if self.vault.store.get(name)}
        except VaultError as error:
            if str(error) not in self.problems:
                self.problems.append(str(error))
            return set()

    def check(self, settings: Settings, typed_secrets: Mapping[str, str]) -> list[FieldError]:
        """Every problem with the parameters and with the typed secrets."""
        errors = validate_settings(settings)
        for name, value in typed_secrets.items():
            _value, error = clean_token(value)
            if error is not None:
                errors.append(FieldError(SECRET_FIELDS[name], error.template, error.params))
        return errors

    def save(self, settings: Settings, typed_secrets: Mapping[str, str]) -> None:
        """Validate everything, then write the settings file and the typed secrets."""
        errors = self.check(settings, typed_secrets)
        if errors:
            raise SettingsInvalidError(errors)
        cleaned = {name: clean_token(value)[0] for name, value in typed_secrets.items()}
        save_all(self.settings_file, self.vault.store, settings, cleaned)

    def test_connection(self) -> ConnectionReport:
        """Blocking: CompanyInfo with the saved parameters (call from a worker thread)."""
        settings = self.settings_file.load().settings
        return connection_checks.test_connection(self.profile, settings, self.vault.store)

    def list_service_items(self) -> list[ServiceItem]:
        """Blocking: the company's service items (call from a worker thread)."""
        settings = self.settings_file.load().settings
        return connection_checks.list_service_items(self.profile, settings, self.vault.store)

    def list_tax_codes(self) -> CompanyTaxes:
        """Blocking: the company's tax regime and tax codes (call from a worker thread)."""
        settings = self.settings_file.load().settings
        return connection_checks.list_tax_codes(self.profile, settings, self.vault.store)

    def flowfit_taxes(self) -> list[DocumentTax]:
        """The FlowFit taxes the stored documents carry, one per tax code, by code."""
        if not self.profile.store_file.exists():
            return []
        with DocumentStore.open(self.profile.store_file) as store:
            return store.taxes_seen()

    def flowfit_services(self) -> list[str]:
        """The FlowFit service names seen in the local document store (for itemized mapping)."""
        if not self.profile.store_file.exists():
            return []
        with DocumentStore.open(self.profile.store_file) as store:
            return store.service_names()

    def preview_documents(self) -> dict[DocumentKind, Document]:
        """The latest stored invoice and quote, to preview the description templates with."""
        if not self.profile.store_file.exists():
            return {}
        with DocumentStore.open(self.profile.store_file) as store:
            found = {kind: store.latest(kind) for kind in DocumentKind}
        return {kind: document for kind, document in found.items() if document is not None}


__all__ = ["CompanyTaxes", "ConnectionReport", "ConnectorServices", "ServiceItem"]
