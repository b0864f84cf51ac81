"""Helpers of the Taxes tab tests: a profile on the sandbox with taxed documents in its store."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from pytestqt.qtbot import QtBot

from qbconnector.core.settings import Settings, TaxSettings
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.connect import settings_for_sandbox, store_sandbox_secrets
from qbconnector.sandbox.server import SandboxServer
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.ui.main_window import MainWindow
from qbconnector.ui.parameters.taxes_tab import TaxesTab

WindowFactory = Callable[[], MainWindow]
# The generated documents' FlowFit taxes and the sandbox codes with the same rates.
EXPECTED = {
    "TPS-TVQ": "GST/QST QC - 9.975",
    "TPS-TVP-BC": "GST/PST BC - 7",
    "TVH-ON": "HST ON",
}


def prepare(
    profile: Profile, sandbox: SandboxServer | None, taxes: TaxSettings | None = None
) -> None:
    """A profile connected to ``sandbox`` (if any) whose store holds taxed documents."""
    services = ConnectorServices(profile)
    settings = Settings()
    if sandbox is not None:
        info = sandbox.connection_info()
        store_sandbox_secrets(info, services.vault.store)
        settings = settings_for_sandbox(info)
    services.save(replace(settings, taxes=taxes or TaxSettings()), {})
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(generate_documents(40, seed=3))


def open_taxes(window: MainWindow, qtbot: QtBot, *, loaded: bool = True) -> TaxesTab:
    page = window.parameters
    tab = page.taxes_tab
    page.tabs.setCurrentWidget(tab)  # the first visit loads the codes and the FlowFit taxes
    qtbot.waitUntil(lambda: tab.mapping.rowCount() == len(EXPECTED), timeout=10_000)
    if loaded:
        qtbot.waitUntil(lambda: tab.codes.rowCount() > 0, timeout=10_000)
    return tab


def code_id(sandbox: SandboxServer, name: str) -> str:
    return sandbox.tax_code_id(name)
