"""The demo: a throw-away profile connected to an in-process sandbox, with sample documents."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from qbconnector.core.documents import Document
from qbconnector.core.resources import resource_path
from qbconnector.flowfit.importer import read_documents
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.connect import (
    settings_for_sandbox,
    store_sandbox_secrets,
    suggested_tax_settings,
)
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxConfig, SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import open_vault

DEMO_COMPANY = CompanySeed(
    company_name="Traductions Démo inc.",
    country="CA",  # a Québec company: GST + QST at home, HST and PST elsewhere in Canada
    home_currency="CAD",
    multicurrency=True,
    services=["Translation", "Revision", "Interpreting", "Desktop publishing", "Transcreation"],
    vendors=["Acme Freight LLC"],
)
GENERATED_DOCUMENTS = 240


@dataclass
class DemoEnvironment:
    """A running demo: stop() ends its sandbox."""

    profile: Profile
    server: SandboxServer

    def stop(self) -> None:
        self.server.stop()


def samples_file() -> Path:
    return resource_path("samples", "sample-documents.json")


def prepare_demo(profile: Profile | None = None) -> DemoEnvironment:
    """Start the sandbox and fill ``profile`` (a new temporary one by default)."""
    if profile is None:
        root = Path(tempfile.mkdtemp(prefix="qbconnector-demo-"))
        profile = Profile(root, "demo")
    profile.ensure()
    server = SandboxServer(SandboxConfig(seed=DEMO_COMPANY)).start()
    try:
        _configure(profile, server)
        _fill_store(profile)
    except BaseException:
        server.stop()
        raise
    return DemoEnvironment(profile, server)


def demo_documents() -> list[Document]:
    """The samples and the generated documents the demo's store holds."""
    return [*read_documents(samples_file()), *generate_documents(GENERATED_DOCUMENTS, seed=7)]


def _configure(profile: Profile, server: SandboxServer) -> None:
    info = server.connection_info()
    # Demo secrets stay in the demo profile's file, never in the user's keyring.
    store_sandbox_secrets(info, open_vault(profile, prefer_file=True).store)
    translation = next(item for item in server.entities("Item") if item["Name"] == "Translation")
    settings = settings_for_sandbox(info).with_section(
        "services", service_id=str(translation["Id"]), service_name="Translation"
    )
    settings = settings.with_section("sync", customer_sync_number="1001")
    # The demo's Québec company has its taxes mapped as the Taxes tab suggests them.
    taxes = {doc.tax.code: doc.tax for doc in demo_documents() if doc.tax is not None}
    settings = replace(settings, taxes=suggested_tax_settings(server.entities, taxes.values()))
    SettingsFile(profile.settings_file).save(settings)


def _fill_store(profile: Profile) -> None:
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(demo_documents())
