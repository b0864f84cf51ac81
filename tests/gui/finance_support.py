"""Finance page test helpers: a profile wired to a loopback sandbox, documents, waiting."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from pytestqt.qtbot import QtBot

from qbconnector.core.documents import Client, Document, DocumentKind, DocumentStatus
from qbconnector.core.settings import Environment, Settings
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import ACCESS_TOKEN, CLIENT_SECRET, REFRESH_TOKEN, open_vault
from qbconnector.sync.connection import Pace
from qbconnector.sync.engine import EngineConfig
from qbconnector.sync.session import SessionConfig
from qbconnector.ui.finance.page import FinancePage
from tests.integration.sync_support import FAST_RETRY, in_home_currency, settings_for

VENDOR_NAME = "Vendor Taken Inc."  # a vendor in the sandbox: a customer cannot take this name


def sandbox_settings(server: SandboxServer) -> Settings:
    """Summary mode on the Translation service, connected to ``server``."""
    return settings_for(server).with_section(
        "server", enabled=True, environment=Environment.CUSTOM, realm_id=server.realm_id,
        api_base_url=server.api_base_url, discovery_url=server.discovery_url,
        client_id=server.client_id,
    )  # fmt: skip


def connect_profile(profile: Profile, server: SandboxServer, settings: Settings) -> None:
    """Save ``settings`` and a fresh grant, as the Parameters page would."""
    SettingsFile(profile.settings_file).save(settings)
    grant = server.issue_tokens()
    store = open_vault(profile).store
    store.set(CLIENT_SECRET, server.client_secret)
    store.set(REFRESH_TOKEN, grant["refresh_token"])
    store.set(ACCESS_TOKEN, grant["access_token"])


def approved_invoices(count: int, seed: int = 4) -> list[Document]:
    """Approved invoices in the sandbox's home currency."""
    documents = in_home_currency(generate_documents(count * 4, seed))
    return [
        doc
        for doc in documents
        if doc.kind is DocumentKind.INVOICE and doc.status is DocumentStatus.APPROVED
    ][:count]


def rejected(document: Document) -> Document:
    """QuickBooks will refuse it: its client's name belongs to a vendor."""
    return dataclasses.replace(document, client=Client(code="VT", name=VENDOR_NAME))


def blocked(document: Document) -> Document:
    """The pre-flight stops it: a draft."""
    return dataclasses.replace(document, status=DocumentStatus.DRAFT)


def store_documents(profile: Profile, documents: Iterable[Document]) -> None:
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(documents)


def fast_sessions(page: FinancePage, *, batch_size: int = 30, in_flight: int = 4) -> None:
    engine = EngineConfig(batch_size=batch_size, in_flight=in_flight, retry=FAST_RETRY)
    page.session_config = SessionConfig(engine=engine, pace=Pace(time_scale=60))


def wait_loaded(qtbot: QtBot, page: FinancePage) -> None:
    """Both lists loaded, and the pull made when the page opens (if connected) is done."""
    qtbot.waitUntil(lambda: all(m.loaded for m in page.models.values()), timeout=10_000)
    qtbot.waitUntil(lambda: not page.is_loading() and not page.pull.running, timeout=10_000)


def check(page: FinancePage, numbers: Iterable[str]) -> None:
    page.model().set_checked_numbers(numbers)
