"""Point a profile at a running sandbox: the parameters and secrets `qbconnector sandbox` prints."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from qbconnector.core.settings import Environment, Settings
from qbconnector.storage.vault import ACCESS_TOKEN, CLIENT_SECRET, REFRESH_TOKEN, SecretStore


def settings_for_sandbox(info: Mapping[str, Any], base: Settings | None = None) -> Settings:
    """``base`` (or defaults) with the Quickbooks server section aimed at the sandbox."""
    settings = base or Settings()
    return settings.with_section(
        "server",
        enabled=True,
        realm_id=str(info["realm_id"]),
        environment=Environment.CUSTOM,
        api_base_url=str(info["api_base_url"]),
        discovery_url=str(info["discovery_url"]),
        client_id=str(info["client_id"]),
    )


def store_sandbox_secrets(info: Mapping[str, Any], vault: SecretStore) -> None:
    """Put the sandbox's client secret and token pair in ``vault``."""
    vault.set(CLIENT_SECRET, str(info["client_secret"]))
    vault.set(REFRESH_TOKEN, str(info["refresh_token"]))
    vault.set(ACCESS_TOKEN, str(info["access_token"]))
