"""Injected faults and the admin endpoint: drops, resets, 500, 503, latency, early expiry."""

from __future__ import annotations

import time
from typing import Any

import pytest
import requests

from qbconnector.sandbox.faults import FaultSettings
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory


def test_drop_commits_then_requestid_retry_returns_the_original(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    sandbox.set_faults(drop=1.0)
    with pytest.raises(requests.ConnectionError):
        qbo.post("customer", {"DisplayName": "Dropped"}, requestid="drop-1")
    sandbox.set_faults(drop=0.0)

    retry = qbo.post("customer", {"DisplayName": "Dropped"}, requestid="drop-1")

    assert retry.status_code == 200
    assert retry.json()["Customer"]["Id"] == "1"
    assert len(sandbox.entities("Customer")) == 1


def test_reset_happens_before_the_write(qbo: QboSession, sandbox: SandboxServer) -> None:
    sandbox.set_faults(reset=1.0)

    with pytest.raises(requests.ConnectionError):
        qbo.post("customer", {"DisplayName": "Never"})

    assert sandbox.entities("Customer") == []
    assert sandbox.summary()["fault_counts"]["reset"] == 1


def test_500_is_a_system_fault_and_503_is_html(qbo: QboSession, sandbox: SandboxServer) -> None:
    sandbox.set_faults(error500=1.0)
    server_error = qbo.post("customer", {"DisplayName": "Nope"})
    sandbox.set_faults(error500=0.0, error503=1.0)
    unavailable = qbo.post("customer", {"DisplayName": "Nope"})

    error = server_error.json()["Fault"]
    assert server_error.status_code == 500
    assert error["type"] == "SystemFault"
    assert error["Error"][0]["code"] == "10000"
    assert unavailable.status_code == 503
    assert unavailable.headers["Content-Type"].startswith("text/html")
    assert b"<html>" in unavailable.content
    assert sandbox.entities("Customer") == []


def test_latency_is_added(qbo: QboSession, sandbox: SandboxServer) -> None:
    sandbox.set_faults(latency=150)
    started = time.monotonic()

    qbo.get(f"companyinfo/{sandbox.realm_id}")

    assert time.monotonic() - started >= 0.15


def test_tokens_expire_early(qbo: QboSession, sandbox: SandboxServer) -> None:
    sandbox.set_faults(expire=1.0)
    fresh = qbo.get(f"companyinfo/{sandbox.realm_id}")  # a token's first request: never
    first = qbo.get(f"companyinfo/{sandbox.realm_id}")
    sandbox.set_faults(expire=0.0)
    second = qbo.get(f"companyinfo/{sandbox.realm_id}")

    assert fresh.status_code == 200
    assert first.status_code == second.status_code == 401
    assert "expired" in second.json()["fault"]["error"][0]["detail"]


def outcomes(server: SandboxServer, session: QboSession) -> list[str]:
    seen = []
    for _ in range(20):
        try:
            seen.append(str(session.get(f"companyinfo/{server.realm_id}").status_code))
        except requests.ConnectionError:
            seen.append("reset")
    return seen


def test_seeded_faults_repeat(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    faults = FaultSettings(reset=0.3, error500=0.3, seed=7)
    runs = []
    for _ in range(2):
        server = sandbox_factory(faults=faults, limits=False)
        runs.append(outcomes(server, qbo_for(server)))

    assert runs[0] == runs[1]
    assert {"200", "500", "reset"} <= set(runs[0])


def test_admin_endpoint(qbo: QboSession, sandbox: SandboxServer) -> None:
    admin = sandbox.admin_url
    qbo.post("customer", {"DisplayName": "Listed"})

    faults = requests.post(f"{admin}/faults", json={"drop": 0.25, "latency": 5}, timeout=5)
    bad = requests.post(f"{admin}/faults", json={"explode": 1}, timeout=5)
    state = requests.get(f"{admin}/state", timeout=5).json()
    listed = requests.get(f"{admin}/entities/Customer", timeout=5).json()
    expired = requests.post(f"{admin}/tokens/expire", json={}, timeout=5).json()

    assert faults.json()["drop"] == 0.25
    assert bad.status_code == 400
    assert state["faults"]["latency"] == 5
    assert state["counts"]["Customer"] == 1
    assert listed["Customer"][0]["DisplayName"] == "Listed"
    assert expired["expired"] >= 1
    assert qbo.get(f"companyinfo/{sandbox.realm_id}").status_code == 401


def test_admin_revoke_and_company_switch(sandbox: SandboxServer) -> None:
    grant = sandbox.issue_tokens()
    admin = sandbox.admin_url

    requests.post(f"{admin}/tokens/revoke", json={"token": grant["access_token"]}, timeout=5)
    company = requests.post(f"{admin}/company", json={"multicurrency": True}, timeout=5).json()

    assert sandbox.oauth.check_access(grant["access_token"]) == "Token revoked"
    assert company["multicurrency"] is True
