"""Connect, reconnect and disconnect against the sandbox's consent page and token endpoint."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import pytest
import requests

from qbconnector.connect_service import ConnectService
from qbconnector.quickbooks import connect_errors as errors
from qbconnector.quickbooks.connect import ConnectAttempt
from qbconnector.quickbooks.errors import InvalidClientError, NetworkError
from qbconnector.quickbooks.tokenstate import read_token_times
from qbconnector.sandbox.consent import OTHER_REALM
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import ACCESS_TOKEN, REFRESH_TOKEN, MemoryVault
from tests.connect_support import free_redirect_uri, prepare_profile
from tests.consent_browser import consent, follow


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", "--profile").ensure()


def service(profile: Profile, vault: MemoryVault) -> ConnectService:
    return ConnectService(profile, SettingsFile(profile.settings_file), vault)


def saved_realm(profile: Profile) -> str:
    return SettingsFile(profile.settings_file).load().settings.server.realm_id


def refresh_works(server: SandboxServer, refresh_token: str) -> bool:
    form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
    reply = requests.post(
        server.api_base_url + "/oauth2/v1/tokens/bearer",
        data=form,
        auth=(server.client_id, server.client_secret),
        timeout=5,
    )
    return reply.status_code == 200


def pasted(attempt: ConnectAttempt, **consent_options: str) -> str:
    return consent(attempt.url, **consent_options)


def test_connect_through_the_loopback_listener(profile: Profile, sandbox: SandboxServer) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox, redirect_uri=free_redirect_uri())
    connector = service(profile, vault)
    attempt = connector.begin()
    received: list[str] = []
    waiter = threading.Thread(target=lambda: received.append(attempt.wait_for_redirect(10)))
    waiter.start()

    page = follow(consent(attempt.url))
    waiter.join(10)
    outcome = connector.complete(attempt, attempt.parse(received[0]), allow_switch=False)

    assert "You can close this tab" in page.text
    assert "Vous pouvez fermer" in page.text
    assert outcome.realm_id == sandbox.realm_id == saved_realm(profile)
    assert outcome.company_name == sandbox.company.state.company_name
    assert not outcome.switched
    assert refresh_works(sandbox, vault.get(REFRESH_TOKEN) or "")
    times = read_token_times(profile.token_state_file)
    assert times.refresh_hard_expires_at is not None
    assert times.access_expires_at is not None
    assert SettingsFile(profile.settings_file).load().settings.server.enabled


def test_connect_by_pasted_url(profile: Profile, sandbox: SandboxServer) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox)  # no redirect URI: the OAuth Playground's
    connector = service(profile, vault)
    attempt = connector.begin()
    location = pasted(attempt)

    outcome = connector.complete(attempt, attempt.parse(location), allow_switch=False)

    assert not attempt.loopback
    assert location.startswith("https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl?")
    assert outcome.realm_id == sandbox.realm_id
    assert vault.get(ACCESS_TOKEN)


def test_wrong_state_denied_and_no_code_change_nothing(
    profile: Profile, sandbox: SandboxServer
) -> None:
    vault = MemoryVault()
    before = prepare_profile(profile, vault, sandbox, connected=True)
    attempt = service(profile, vault).begin()
    location = pasted(attempt)

    with pytest.raises(errors.StateMismatchError):
        attempt.parse(location.replace(attempt.state, "forged"))
    with pytest.raises(errors.ConsentDeniedError) as denied:
        attempt.parse(pasted(attempt, decision="deny"))
    with pytest.raises(errors.MissingCodeError):
        attempt.parse("https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl")
    attempt.close()

    assert "declined" in str(denied.value)
    assert vault.get(REFRESH_TOKEN) == before[REFRESH_TOKEN]
    assert vault.get(ACCESS_TOKEN) == before[ACCESS_TOKEN]


def test_a_used_code_is_refused_and_the_connection_kept(
    profile: Profile, sandbox: SandboxServer
) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox)
    connector = service(profile, vault)
    first = connector.begin()
    redirect = first.parse(pasted(first))
    connector.complete(first, redirect, allow_switch=False)
    kept = vault.get(REFRESH_TOKEN)
    second = connector.begin()

    with pytest.raises(errors.CodeRejectedError) as refused:
        connector.complete(second, replace(redirect, state=second.state), allow_switch=False)

    assert "already used or has expired" in str(refused.value)
    assert refused.value.exit_code == 2
    assert vault.get(REFRESH_TOKEN) == kept


def test_another_company_is_refused_unless_switching_is_allowed(
    profile: Profile, sandbox: SandboxServer
) -> None:
    vault = MemoryVault()
    before = prepare_profile(profile, vault, sandbox, connected=True)
    connector = service(profile, vault)
    attempt = connector.begin()
    redirect = attempt.parse(pasted(attempt, realm=OTHER_REALM))

    assert connector.saved_realm_if_other(redirect) == sandbox.realm_id
    with pytest.raises(errors.RealmSwitchRefusedError):
        connector.complete(attempt, redirect, allow_switch=False)
    assert vault.get(REFRESH_TOKEN) == before[REFRESH_TOKEN]
    assert saved_realm(profile) == sandbox.realm_id

    again = connector.begin()
    outcome = connector.complete(
        again, again.parse(pasted(again, realm=OTHER_REALM)), allow_switch=True
    )
    assert outcome.switched
    assert outcome.realm_id == OTHER_REALM == saved_realm(profile)
    assert outcome.company_name is None  # the sandbox serves one company only


def test_wrong_client_secret_says_so_and_keeps_the_connection(
    profile: Profile, sandbox: SandboxServer
) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox, client_secret="not-the-secret")
    connector = service(profile, vault)
    attempt = connector.begin()

    with pytest.raises(InvalidClientError):
        connector.complete(attempt, attempt.parse(pasted(attempt)), allow_switch=False)
    assert vault.get(REFRESH_TOKEN) is None
    assert saved_realm(profile) == ""


def test_token_endpoint_unreachable_is_a_network_error(
    profile: Profile, sandbox: SandboxServer
) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox)
    connector = service(profile, vault)
    attempt = connector.begin()
    redirect = attempt.parse(pasted(attempt))
    sandbox.stop()

    with pytest.raises(NetworkError) as failure:
        connector.complete(attempt, redirect, allow_switch=False)
    assert failure.value.exit_code == 4
    assert vault.get(REFRESH_TOKEN) is None


def test_listener_times_out_and_cancels(profile: Profile, sandbox: SandboxServer) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox, redirect_uri=free_redirect_uri())
    connector = service(profile, vault)
    late = connector.begin()
    with pytest.raises(errors.ConnectTimedOutError):
        late.wait_for_redirect(0.3)
    late.close()
    cancelled = connector.begin()
    threading.Timer(0.2, cancelled.cancel).start()
    with pytest.raises(errors.ConnectCancelledError):
        cancelled.wait_for_redirect(10)
    cancelled.close()


def test_disconnect_revokes_online(profile: Profile, sandbox: SandboxServer) -> None:
    vault = MemoryVault()
    before = prepare_profile(profile, vault, sandbox, connected=True)

    outcome = service(profile, vault).disconnect()

    assert outcome.had_tokens
    assert outcome.revoked
    assert vault.get(REFRESH_TOKEN) is None
    assert vault.get(ACCESS_TOKEN) is None
    assert not refresh_works(sandbox, before[REFRESH_TOKEN])
    assert saved_realm(profile) == sandbox.realm_id  # kept: a reconnect finds the company


def test_disconnect_offline_removes_locally(profile: Profile, sandbox: SandboxServer) -> None:
    vault = MemoryVault()
    prepare_profile(profile, vault, sandbox, connected=True)
    sandbox.stop()

    outcome = service(profile, vault).disconnect()

    assert outcome.had_tokens
    assert not outcome.revoked
    assert vault.get(REFRESH_TOKEN) is None
