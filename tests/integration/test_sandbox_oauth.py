"""OAuth on the sandbox: discovery, intuit-oauth's AuthClient, rotation and grace, 401/403."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from intuitlib.client import AuthClient
from intuitlib.enums import Scopes
from intuitlib.exceptions import AuthClientError

from qbconnector.sandbox.server import SandboxServer
from tests.consent_browser import consent
from tests.integration.conftest import SandboxFactory

REDIRECT = "http://127.0.0.1:9/callback"


@pytest.fixture
def auth_client(sandbox: SandboxServer) -> Iterator[AuthClient]:
    client = AuthClient(
        sandbox.client_id, sandbox.client_secret, REDIRECT, environment=sandbox.discovery_url
    )
    yield client
    client.close()


def token_request(server: SandboxServer, form: dict[str, str], **headers: str) -> requests.Response:
    credentials = f"{server.client_id}:{server.client_secret}".encode()
    return requests.post(
        f"{server.api_base_url}/oauth2/v1/tokens/bearer",
        data=form,
        headers={"Authorization": "Basic " + base64.b64encode(credentials).decode(), **headers},
        timeout=5,
    )


def refresh(server: SandboxServer, refresh_token: str) -> requests.Response:
    return token_request(server, {"grant_type": "refresh_token", "refresh_token": refresh_token})


def company_info(server: SandboxServer, access_token: str | None, realm: str | None = None) -> Any:
    headers = {"Accept": "application/json"}
    if access_token is not None:
        headers["Authorization"] = f"Bearer {access_token}"
    realm_id = realm or server.realm_id
    url = f"{server.api_base_url}/v3/company/{realm_id}/companyinfo/{realm_id}"
    return requests.get(url, headers=headers, timeout=5)


def test_discovery_document_points_at_the_sandbox(sandbox: SandboxServer) -> None:
    document = requests.get(sandbox.discovery_url, timeout=5).json()

    for key in (
        "authorization_endpoint",
        "token_endpoint",
        "revocation_endpoint",
        "issuer",
        "jwks_uri",
        "userinfo_endpoint",
    ):
        assert document[key].startswith(sandbox.api_base_url), key


def test_intuit_oauth_auth_client_refreshes(
    auth_client: AuthClient, sandbox: SandboxServer
) -> None:
    first = sandbox.issue_tokens()

    auth_client.refresh(refresh_token=first["refresh_token"])

    assert auth_client.refresh_token != first["refresh_token"]
    assert auth_client.expires_in == 3600
    assert auth_client.x_refresh_token_expires_in > 0
    assert auth_client.id_token is None
    assert company_info(sandbox, auth_client.access_token).status_code == 200


def test_intuit_oauth_hard_expiry_and_code_flow(
    auth_client: AuthClient, sandbox: SandboxServer
) -> None:
    url = auth_client.get_authorization_url([Scopes.ACCOUNTING], state_token="s-42")
    answer = parse_qs(urlsplit(consent(url)).query)
    auth_client.include_refresh_token_hard_expires_in = True

    auth_client.get_bearer_token(answer["code"][0], realm_id=answer["realmId"][0])

    assert answer["state"] == ["s-42"]
    assert answer["realmId"] == [sandbox.realm_id]
    assert auth_client.x_refresh_token_hard_expires_in > 4 * 365 * 24 * 3600
    assert company_info(sandbox, auth_client.access_token).status_code == 200
    with pytest.raises(AuthClientError) as reused:
        auth_client.get_bearer_token(answer["code"][0])
    assert reused.value.status_code == 400


def test_hard_expiry_only_on_request(sandbox: SandboxServer) -> None:
    grant = sandbox.issue_tokens()

    plain = refresh(sandbox, grant["refresh_token"]).json()
    with_header = token_request(
        sandbox,
        {"grant_type": "refresh_token", "refresh_token": plain["refresh_token"]},
        **{"x-include-refresh-token-hard-expires-in": "true"},
    ).json()

    assert "x_refresh_token_hard_expires_in" not in plain
    assert "x_refresh_token_hard_expires_in" in with_header
    assert "id_token" not in with_header
    assert with_header["token_type"] == "bearer"


def test_rotation_without_grace_kills_the_old_refresh_token(sandbox: SandboxServer) -> None:
    grant = sandbox.issue_tokens()
    rotated = refresh(sandbox, grant["refresh_token"])

    reused = refresh(sandbox, grant["refresh_token"])

    assert rotated.status_code == 200
    assert rotated.json()["refresh_token"] != grant["refresh_token"]
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    assert refresh(sandbox, rotated.json()["refresh_token"]).status_code == 200


def test_rotated_token_works_during_grace(sandbox_factory: SandboxFactory) -> None:
    server = sandbox_factory(refresh_grace=60.0)
    grant = server.issue_tokens()
    refresh(server, grant["refresh_token"])

    again = refresh(server, grant["refresh_token"])

    assert again.status_code == 200
    assert again.json()["refresh_token"] != grant["refresh_token"]


def test_bad_client_is_401_invalid_client(sandbox: SandboxServer) -> None:
    response = requests.post(
        f"{sandbox.api_base_url}/oauth2/v1/tokens/bearer",
        data={"grant_type": "refresh_token", "refresh_token": "x"},
        auth=(sandbox.client_id, "wrong"),
        timeout=5,
    )

    assert response.status_code == 401
    assert response.json() == {"error": "invalid_client"}


def test_access_token_lifetime_is_configurable(sandbox_factory: SandboxFactory) -> None:
    server = sandbox_factory(access_token_lifetime=120)

    assert server.issue_tokens()["expires_in"] == 120


def test_gateway_401_shapes(sandbox: SandboxServer) -> None:
    grant = sandbox.issue_tokens()
    sandbox.expire_access_token(grant["access_token"])

    for token, detail in (
        (None, "Malformed"),
        ("nonsense", "invalid"),
        (grant["access_token"], "expired"),
    ):
        response = company_info(sandbox, token)
        fault = response.json()["fault"]
        assert response.status_code == 401
        assert fault["type"] == "AUTHENTICATION"
        assert fault["error"][0]["code"] == "3200"
        assert detail in fault["error"][0]["detail"]
        assert "statusCode=401" in fault["error"][0]["message"]


def test_other_realm_is_403(sandbox: SandboxServer) -> None:
    response = company_info(sandbox, sandbox.issue_tokens()["access_token"], realm="123")

    assert response.status_code == 403
    assert response.json()["fault"]["error"][0]["code"] == "3100"


def test_revoke_ends_the_grant(auth_client: AuthClient, sandbox: SandboxServer) -> None:
    grant = sandbox.issue_tokens()

    assert auth_client.revoke(token=grant["refresh_token"]) is True
    assert company_info(sandbox, grant["access_token"]).status_code == 401
    assert refresh(sandbox, grant["refresh_token"]).json()["error"] == "invalid_grant"
