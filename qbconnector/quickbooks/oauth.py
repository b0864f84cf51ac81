"""intuit-oauth glue: the app's OAuth settings, a time-limited AuthClient, readable failures."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

import requests

from qbconnector.quickbooks.errors import (
    InvalidClientError,
    QuickBooksError,
    ReconnectRequired,
    TokenEndpointError,
)
from qbconnector.quickbooks.faults import parse_fault
from qbconnector.quickbooks.network import network_error

# The OAuth 2.0 Playground's redirect: the one Intuit registers for every app by default.
PLAYGROUND_REDIRECT_URI = "https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl"

_RECONNECT = (
    "QuickBooks no longer accepts the saved refresh token; reconnect to QuickBooks in "
    "Parameters > Quickbooks server (the saved tokens were kept)"
)
_INVALID_CLIENT = (
    "QuickBooks refused the app's client ID or client secret; check them in "
    "Parameters > Quickbooks server"
)


@dataclass(frozen=True)
class OAuthSettings:
    """The app's OAuth identity. ``environment`` is "sandbox", "production" or the URL of an
    OpenID discovery document (how a local sandbox is reached)."""

    client_id: str
    client_secret: str = field(repr=False)
    environment: str = "sandbox"
    redirect_uri: str = PLAYGROUND_REDIRECT_URI
    timeout: tuple[float, float] = (3.05, 30.0)


@functools.cache
def _timed_auth_client() -> type[Any]:
    """The AuthClient class, built on first use: intuitlib (and the JWT and crypto libraries
    it loads) is needed only when a token is refreshed or a connection made, not at every
    start of `qbconnector sync`."""
    from intuitlib.client import AuthClient

    class _TimedAuthClient(AuthClient):  # type: ignore[misc]
        """AuthClient sends its requests without a timeout; a hung token endpoint would hang us."""

        def __init__(self, settings: OAuthSettings) -> None:
            self._qb_timeout = (
                settings.timeout
            )  # set first: the constructor already calls request()
            super().__init__(
                settings.client_id,
                settings.client_secret,
                settings.redirect_uri,
                settings.environment,
            )
            self.include_refresh_token_hard_expires_in = True

        def request(self, *args: Any, **kwargs: Any) -> Any:
            kwargs.setdefault("timeout", self._qb_timeout)
            return super().request(*args, **kwargs)

        def __repr__(self) -> str:
            return f"AuthClient(client_id={self.client_id!r})"

    return _TimedAuthClient


def make_auth_client(settings: OAuthSettings) -> Any:
    """An intuitlib AuthClient that asks for the refresh token's hard expiry. Blocking: it
    fetches the discovery document. Not thread-safe: use it under the refresh lock only."""
    return _timed_auth_client()(settings)


def refresh_failure(failure: BaseException) -> QuickBooksError:
    """The typed error for anything AuthClient raised; its text carries no token."""
    if isinstance(failure, requests.RequestException):
        return network_error(failure)
    from intuitlib.exceptions import AuthClientError

    if not isinstance(failure, AuthClientError):
        return TokenEndpointError(
            f"the token endpoint gave an unusable answer ({type(failure).__name__})"
        )
    status = int(failure.status_code)
    first = parse_fault(bytes(failure.content or b"")).first
    fields: dict[str, Any] = {
        "code": first.code,
        "detail": first.detail,
        "intuit_tid": failure.intuit_tid,
        "http_status": status,
    }
    if first.code == "invalid_grant":
        return ReconnectRequired(_RECONNECT, **fields)
    if first.code == "invalid_client" or status == 401:
        return InvalidClientError(_INVALID_CLIENT, **fields)
    return TokenEndpointError(
        f"the QuickBooks token endpoint answered HTTP {status}: {first.message}", **fields
    )
