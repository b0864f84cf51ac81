"""`qbconnector status` after a real sync: tokens, documents and ledger, secrets masked."""

from __future__ import annotations

import json
from pathlib import Path

from qbconnector.sandbox.server import SandboxServer
from tests.cli_helpers import run_cli
from tests.integration.cli_sync_support import configure_profile, run_sync, store_documents
from tests.integration.sync_support import sample


def test_status_reports_tokens_documents_and_ledger(tmp_path: Path, sandbox: SandboxServer) -> None:
    configure_profile(tmp_path, sandbox)
    documents = [doc for doc in sample(20) if doc.currency == "CAD"][:5]
    store_documents(tmp_path, documents)
    synced = run_sync(tmp_path, "--approved")
    assert synced.returncode == 0, synced.stdout + synced.stderr
    result = run_cli(tmp_path, "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["tokens"]["refresh_token_saved"] is True
    assert status["documents"]["invoices"] + status["documents"]["quotes"] == len(documents)
    assert status["sync_ledger"]["synced"] == len(documents)
    secrets = json.loads((tmp_path / "secrets.json").read_text())
    for value in secrets.values():
        assert value not in result.stdout
    text = run_cli(tmp_path, "status").stdout
    assert "Sync ledger" in text
    assert "refresh token saved: True" in text


def test_configure_finds_a_service_by_name(tmp_path: Path, sandbox: SandboxServer) -> None:
    configure_profile(tmp_path, sandbox)
    result = run_cli(tmp_path, "configure", "--service", "revision")
    assert result.returncode == 0, result.stderr
    revision = next(item for item in sandbox.entities("Item") if item["Name"] == "Revision")
    assert f"#{revision['Id']} Revision" in result.stdout
    settings = json.loads((tmp_path / "settings.json").read_text())
    assert settings["services"]["service_id"] == str(revision["Id"])
    missing = run_cli(tmp_path, "configure", "--service", "Proofreading")
    assert missing.returncode == 2
    assert "no active service" in missing.stderr
    assert "Translation (#" in missing.stderr
    kept = json.loads((tmp_path / "settings.json").read_text())["services"]
    assert kept["service_id"] == str(revision["Id"])  # a failed look-up loses nothing
