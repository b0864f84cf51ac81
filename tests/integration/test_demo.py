"""The demo profile: connected to its sandbox, with documents, and nothing in the keyring."""

from __future__ import annotations

import json
from pathlib import Path

from qbconnector.demo import GENERATED_DOCUMENTS, prepare_demo
from qbconnector.flowfit.selection import Selection
from qbconnector.flowfit.store import DocumentStore
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import open_vault
from qbconnector.sync.results import Outcome
from qbconnector.sync.session import SessionConfig, SyncSession
from tests.conftest import MemoryKeyring


def test_demo_profile_is_connected_and_filled(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    demo = prepare_demo(Profile(tmp_path / "demo", "--profile"))
    try:
        settings = json.loads(demo.profile.settings_file.read_text())
        assert settings["server"]["environment"] == "custom"
        assert settings["server"]["api_base_url"] == demo.server.api_base_url
        assert settings["services"]["service_name"] == "Translation"
        with DocumentStore.open(demo.profile.store_file) as store:
            assert store.count() >= GENERATED_DOCUMENTS
        services = ConnectorServices(demo.profile, open_vault(demo.profile, prefer_file=True))
        report = services.test_connection()
        assert report.company_name == "Traductions Démo inc."
        names = [item.name for item in services.list_service_items()]
        assert "Desktop publishing" in names
        assert "Translation" in services.flowfit_services()
        assert memory_keyring.store == {}  # demo secrets stay in the demo folder
    finally:
        demo.stop()


def test_the_whole_demo_set_lands_with_tax_codes_and_flowfits_totals(
    tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    demo = prepare_demo(Profile(tmp_path / "demo", "--profile"))
    try:
        settings = SettingsFile(demo.profile.settings_file).load().settings
        vault = open_vault(demo.profile, prefer_file=True).store
        session = SyncSession(demo.profile, settings, vault, SessionConfig())
        try:
            documents = session.source.list_documents(Selection())
            report = session.run(documents)
        finally:
            session.close()
        created = report.counts()[Outcome.CREATED]
        assert created == len(documents), report.as_json()["failed"]
        pushed = demo.server.entities("Invoice") + demo.server.entities("Estimate")
        by_number = {str(row["DocNumber"]): row for row in pushed}
        for document in documents:
            row = by_number[document.number]
            lines = [line for line in row["Line"] if line["DetailType"] == "SalesItemLineDetail"]
            assert all("TaxCodeRef" in line["SalesItemLineDetail"] for line in lines)
            assert row["TotalAmt"] == document.total, document.number
        assert all(not (r.totals and r.totals.differ) for r in report.results)
    finally:
        demo.stop()
