"""Profiles with the app's keys for a sandbox (no tokens), and a free loopback redirect URI."""

from __future__ import annotations

import socket

from qbconnector.core.settings import Environment, Settings
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import ACCESS_TOKEN, CLIENT_SECRET, REFRESH_TOKEN, SecretStore


def free_redirect_uri() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/callback"


def app_settings(server: SandboxServer, redirect_uri: str = "", realm_id: str = "") -> Settings:
    return Settings().with_section(
        "server",
        enabled=bool(realm_id),
        realm_id=realm_id,
        environment=Environment.CUSTOM,
        api_base_url=server.api_base_url,
        discovery_url=server.discovery_url,
        client_id=server.client_id,
        redirect_uri=redirect_uri,
    )


def prepare_profile(
    profile: Profile,
    vault: SecretStore,
    server: SandboxServer,
    *,
    redirect_uri: str = "",
    connected: bool = False,
    client_secret: str | None = None,
) -> dict[str, str]:
    """The app's keys saved; with ``connected``, a grant for the sandbox's company too."""
    profile.ensure()
    realm = server.realm_id if connected else ""
    SettingsFile(profile.settings_file).save(app_settings(server, redirect_uri, realm))
    vault.set(CLIENT_SECRET, client_secret or server.client_secret)
    if not connected:
        return {}
    grant = server.issue_tokens()
    vault.set(REFRESH_TOKEN, grant["refresh_token"])
    vault.set(ACCESS_TOKEN, grant["access_token"])
    return {REFRESH_TOKEN: grant["refresh_token"], ACCESS_TOKEN: grant["access_token"]}
