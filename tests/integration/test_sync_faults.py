"""Exactly once under injected faults, and token expiry and rotation in the middle of a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbconnector.quickbooks.errors import ReconnectRequired
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.storage.ledger import Ledger, RowState
from qbconnector.storage.vault import REFRESH_TOKEN
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import (
    admin_state,
    assert_exactly_once,
    make_engine,
    sample,
    sandbox_client,
    settings_for,
)

# 20% of data-API requests fail, spread over every kind of fault the sandbox injects.
FAULTS = {"drop": 0.05, "reset": 0.04, "error500": 0.04, "error503": 0.04, "expire": 0.03}


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_every_document_synced_exactly_once_with_20_percent_faults(
    sandbox_factory: SandboxFactory, tmp_path: Path, seed: int
) -> None:
    server = sandbox_factory(time_scale=120, seed=CompanySeed(multicurrency=True),
                             faults={**FAULTS, "seed": seed})  # fmt: skip
    docs = sample(400, seed)
    client, _vault, _tokens = sandbox_client(server, time_scale=120)
    try:
        with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
            engine = make_engine(client, ledger, settings_for(server), batch_size=3, in_flight=3)
            report = engine.run(docs)
            unfinished = ledger.counts()[RowState.PENDING] + ledger.counts()[RowState.UNCERTAIN]
    finally:
        client.close()
    state = admin_state(server)
    assert (report.stopped, report.counts()[Outcome.CREATED], unfinished) == (None, len(docs), 0)
    assert_exactly_once(server, docs)
    assert all(state["fault_counts"][name] > 0 for name in FAULTS), state["fault_counts"]
    assert state["replay_mismatches"] == 0


def test_access_token_expiry_mid_run_refreshes_and_rotates(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=120, seed=CompanySeed(multicurrency=True))
    docs = sample(60, 2)
    client, vault, tokens = sandbox_client(server, time_scale=120)
    original_refresh = vault.get(REFRESH_TOKEN)
    expired: list[int] = []

    def expire_once(result: DocumentResult) -> None:
        if not expired:
            expired.append(server.expire_access_token())

    try:
        with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
            engine = make_engine(client, ledger, settings_for(server), batch_size=5, in_flight=1)
            report = engine.run(docs, callbacks=Callbacks(result=expire_once))
    finally:
        client.close()
    assert (report.counts()[Outcome.CREATED], tokens.refresh_count) == (len(docs), 1)
    assert vault.get(REFRESH_TOKEN) != original_refresh
    assert_exactly_once(server, docs)


def test_rotation_by_another_holder_mid_run_is_picked_up(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=120, seed=CompanySeed(multicurrency=True))
    docs = sample(60, 3)
    client, vault, tokens = sandbox_client(server, time_scale=120)
    # Another process (sharing the vault) refreshes, rotating the refresh token, and every
    # access token this run holds is expired: the run must adopt the other holder's tokens.
    other_client, _same_vault, other = sandbox_client(server, time_scale=120, vault=vault)
    rotated: list[str] = []

    def rotate_once(result: DocumentResult) -> None:
        if not rotated:
            old = vault.get(REFRESH_TOKEN) or ""
            other.refresh_now()
            rotated.append(old)
            server.expire_access_token(tokens.access_token())

    try:
        with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
            engine = make_engine(client, ledger, settings_for(server), batch_size=5, in_flight=1)
            report = engine.run(docs, callbacks=Callbacks(result=rotate_once))
    finally:
        client.close()
        other_client.close()
    assert report.counts()[Outcome.CREATED] == len(docs)
    assert tokens.refresh_count == 0  # it used the rotated tokens instead of refreshing again
    assert_exactly_once(server, docs)


def test_lost_refresh_token_stops_the_run_as_reconnect_required(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(seed=CompanySeed(multicurrency=True))
    client, vault, _tokens = sandbox_client(server)
    server.revoke_token(vault.get(REFRESH_TOKEN) or "")
    try:
        with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
            report = make_engine(client, ledger, settings_for(server)).run(sample(10))
    finally:
        client.close()
    assert report.exit_code == ReconnectRequired.exit_code
    assert {r.outcome for r in report.results} == {Outcome.NOT_SENT}
