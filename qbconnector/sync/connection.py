"""Building the QuickBooks client a sync uses from a profile's settings and vault."""

from __future__ import annotations

from dataclasses import dataclass

from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Environment, Settings
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.tokens import TokenManager
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import CLIENT_SECRET, SecretStore


@dataclass(frozen=True)
class Pace:
    """How fast to go: ``time_scale`` > 1 only against a time-scaled sandbox (benchmarks)."""

    time_scale: float = 1.0
    timeout: tuple[float, float] = (3.05, 30.0)


def _oauth_environment(settings: Settings) -> str:
    server = settings.server
    if server.environment is Environment.CUSTOM:
        if not server.discovery_url:
            raise BadInputError(
                "The custom environment needs a discovery URL: qbconnector configure "
                "--discovery-url URL"
            )
        return server.discovery_url
    return server.environment.value


def check_ready(settings: Settings) -> None:
    """Refuse to sync when the Quickbooks server section is off or incomplete."""
    server = settings.server
    if not server.enabled:
        raise BadInputError(
            "The QuickBooks connection is disabled: turn it on in Parameters > Quickbooks server "
            "(or qbconnector configure --enabled)."
        )
    if not server.realm_id:
        raise BadInputError("No Realm ID is set: qbconnector configure --realm-id DIGITS")


def open_client(
    profile: Profile, settings: Settings, vault: SecretStore, pace: Pace | None = None
) -> QuickBooksClient:
    """A client for the configured company, with the profile's token manager and limits."""
    check_ready(settings)
    chosen = pace or Pace()
    server = settings.server
    oauth = OAuthSettings(
        client_id=server.client_id,
        client_secret=vault.get(CLIENT_SECRET) or "",
        environment=_oauth_environment(settings),
        timeout=chosen.timeout,
    )
    tokens = TokenManager.for_profile(profile, vault, oauth)
    config = ClientConfig(
        realm_id=server.realm_id,
        environment=server.environment.value,
        base_url=server.api_base_url or None,
        timeout=chosen.timeout,
        backoff=Backoff().time_scaled(chosen.time_scale),
    )
    limiter = RateLimiter(RateLimits().time_scaled(chosen.time_scale))
    return QuickBooksClient(config, tokens, limiter)
