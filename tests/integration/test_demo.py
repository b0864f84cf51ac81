"""The demo profile: connected to its sandbox, with documents, and nothing in the keyring."""

from __future__ import annotations

import json
from pathlib import Path

from qbconnector.demo import GENERATED_DOCUMENTS, prepare_demo
from qbconnector.flowfit.store import DocumentStore
from qbconnector.services import ConnectorServices
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import open_vault
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
