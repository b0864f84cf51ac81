"""Token refresh against the sandbox's OAuth service, through intuit-oauth's AuthClient."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.tokens import TokenManager
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.vault import ACCESS_TOKEN, REFRESH_TOKEN, MemoryVault
from tests.integration import client_helpers
from tests.integration.client_helpers import ClientFactory

client_for = client_helpers.client_for

FIVE_YEARS = 5 * 365 * 24 * 3600
ROLLING = 8_726_400


class FakeWallClock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


class RecordingVault(MemoryVault):
    """Remembers the order of writes; can be told to fail on one secret's write."""

    def __init__(self) -> None:
        super().__init__()
        self.writes: list[str] = []
        self.fail_on: str | None = None

    def set(self, name: str, value: str) -> None:
        if name == self.fail_on:
            raise OSError("vault unavailable")
        self.writes.append(name)
        super().set(name, value)


@pytest.fixture
def vault() -> RecordingVault:
    return RecordingVault()


ManagerFactory = Callable[..., TokenManager]


@pytest.fixture
def manager_for(tmp_path: Path, vault: RecordingVault) -> ManagerFactory:
    def build(sandbox: SandboxServer, **options: object) -> TokenManager:
        settings = OAuthSettings(
            sandbox.client_id,
            str(options.pop("client_secret", sandbox.client_secret)),
            environment=str(options.pop("environment", sandbox.discovery_url)),
        )
        grant = sandbox.issue_tokens()
        manager = TokenManager(
            vault,
            settings,
            lock_file=tmp_path / "token-refresh.lock",
            state_file=tmp_path / "token-state.json",
            **options,  # type: ignore[arg-type]
        )
        manager.save_connection(grant["refresh_token"], grant["access_token"])
        vault.writes.clear()
        return manager

    return build


def test_401_mid_run_refreshes_once_and_retries(
    sandbox: SandboxServer,
    manager_for: ManagerFactory,
    client_for: ClientFactory,
    vault: RecordingVault,
) -> None:
    manager = manager_for(sandbox)
    client = client_for(sandbox, tokens=manager)
    old_refresh = vault.get(REFRESH_TOKEN)
    client.company_info()
    sandbox.expire_access_token()
    assert client.company_info().entity
    assert manager.refresh_count == 1
    assert vault.writes == [REFRESH_TOKEN, ACCESS_TOKEN]  # the rotated token is saved first
    assert vault.get(REFRESH_TOKEN) != old_refresh


def test_many_threads_hit_by_401_cause_one_refresh(
    sandbox: SandboxServer, manager_for: ManagerFactory, client_for: ClientFactory
) -> None:
    manager = manager_for(sandbox)
    client = client_for(sandbox, tokens=manager)
    client.company_info()
    sandbox.expire_access_token()
    barrier = threading.Barrier(6)
    failures: list[BaseException] = []

    def call() -> None:
        barrier.wait()
        try:
            client.company_info()
        except errors.QuickBooksError as failure:
            failures.append(failure)

    threads = [threading.Thread(target=call) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert manager.refresh_count == 1


def test_refresh_ahead_of_expiry(sandbox: SandboxServer, manager_for: ManagerFactory) -> None:
    clock = FakeWallClock()
    manager = manager_for(sandbox, wall_clock=clock, margin=300.0)
    first = manager.refresh_now()
    assert manager.access_token() == first
    clock.now += 3600 - 299  # inside the margin: replaced before QuickBooks refuses it
    second = manager.access_token()
    assert second != first
    assert manager.refresh_count == 2


def test_lifetimes_are_stored_and_reported(
    sandbox: SandboxServer, manager_for: ManagerFactory, tmp_path: Path
) -> None:
    manager = manager_for(sandbox)
    before = time.time()
    token = manager.refresh_now()
    status = manager.status()
    assert status.has_refresh_token
    assert status.last_refresh_at is not None
    assert status.last_refresh_at.timestamp() >= before
    assert status.access_expires_at is not None
    assert status.access_expires_at.timestamp() == pytest.approx(before + 3600, abs=60)
    assert status.refresh_expires_at is not None
    assert status.refresh_expires_at.timestamp() == pytest.approx(before + ROLLING, abs=60)
    assert status.refresh_hard_expires_at is not None
    assert status.refresh_hard_expires_at.timestamp() == pytest.approx(
        before + FIVE_YEARS, abs=86400
    )
    assert token not in (tmp_path / "token-state.json").read_text()


def test_invalid_grant_requires_reconnect_and_keeps_tokens(
    sandbox: SandboxServer, manager_for: ManagerFactory, vault: RecordingVault
) -> None:
    manager = manager_for(sandbox)
    refresh_token = vault.get(REFRESH_TOKEN)
    access_token = vault.get(ACCESS_TOKEN)
    assert refresh_token is not None
    sandbox.revoke_token(refresh_token)
    with pytest.raises(errors.ReconnectRequired, match="reconnect") as raised:
        manager.refresh_now()
    assert raised.value.code == "invalid_grant"
    assert "Parameters > Quickbooks server" in str(raised.value)
    assert refresh_token not in str(raised.value)
    assert (vault.get(REFRESH_TOKEN), vault.get(ACCESS_TOKEN)) == (refresh_token, access_token)
    assert raised.value.__cause__ is None


def test_invalid_client(sandbox: SandboxServer, manager_for: ManagerFactory) -> None:
    manager = manager_for(sandbox, client_secret="wrong-secret-xyz")
    with pytest.raises(errors.InvalidClientError, match="client ID or client secret") as raised:
        manager.refresh_now()
    assert "wrong-secret-xyz" not in str(raised.value) + repr(raised.value)
    assert raised.value.http_status == 401


def test_missing_refresh_token(
    sandbox: SandboxServer, manager_for: ManagerFactory, vault: RecordingVault
) -> None:
    manager = manager_for(sandbox)
    vault.delete(REFRESH_TOKEN)
    with pytest.raises(errors.ReconnectRequired, match="no QuickBooks refresh token"):
        manager.refresh_now()


def test_unreachable_discovery_document(
    sandbox: SandboxServer, manager_for: ManagerFactory
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    manager = manager_for(sandbox, environment=f"http://127.0.0.1:{port}/.well-known/x")
    with pytest.raises(errors.NetworkError) as raised:
        manager.refresh_now()
    assert not raised.value.maybe_sent


def test_rotated_token_is_saved_before_anything_else(
    sandbox: SandboxServer, manager_for: ManagerFactory, vault: RecordingVault
) -> None:
    manager = manager_for(sandbox)
    old_refresh = vault.get(REFRESH_TOKEN)
    vault.fail_on = ACCESS_TOKEN  # the crash comes after the refresh token was written
    with pytest.raises(OSError, match="vault unavailable"):
        manager.refresh_now()
    vault.fail_on = None
    assert vault.get(REFRESH_TOKEN) != old_refresh
    manager.refresh_now()  # the saved token is the live one: no invalid_grant
    assert manager.refresh_count == 1
