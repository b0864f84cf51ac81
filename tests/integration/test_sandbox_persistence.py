"""State files: a sandbox restarted on its file keeps entities, tokens and requestids."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.integration.conftest import SandboxFactory


def test_restart_keeps_entities_tokens_and_replies(
    sandbox_factory: SandboxFactory, qbo_for: Any, tmp_path: Path
) -> None:
    state_file = tmp_path / "qbo.json"
    first = sandbox_factory(state_file=state_file)
    qbo = qbo_for(first)
    created = qbo.post("customer", {"DisplayName": "Kept"}, requestid="keep-1")
    grant = first.issue_tokens()
    saved = json.loads(state_file.read_text(encoding="utf-8"))
    first.stop()

    second = sandbox_factory(state_file=state_file)
    session = qbo_for(second)
    replay = session.post("customer", {"DisplayName": "Kept"}, requestid="keep-1")

    assert saved["entities"]["Customer"]["1"]["DisplayName"] == "Kept"
    assert second.client_id == first.client_id
    assert second.realm_id == first.realm_id
    assert [c["DisplayName"] for c in second.entities("Customer")] == ["Kept"]
    assert replay.content == created.content
    assert second.oauth.check_access(grant["access_token"]) is None


def test_interval_saving_flushes_on_stop(
    sandbox_factory: SandboxFactory, qbo_for: Any, tmp_path: Path
) -> None:
    state_file = tmp_path / "lazy.json"
    server = sandbox_factory(state_file=state_file, save_interval=30.0)
    qbo_for(server).post("customer", {"DisplayName": "Flushed"})

    server.stop()

    data = json.loads(state_file.read_text(encoding="utf-8"))
    assert data["entities"]["Customer"]["1"]["DisplayName"] == "Flushed"
    assert not list(tmp_path.glob(".lazy.json.*.tmp"))
