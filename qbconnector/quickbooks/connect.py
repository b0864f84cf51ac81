"""The OAuth 2.0 authorization-code flow: authorization URL, redirect, code exchange."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import requests

from qbconnector.quickbooks import connect_errors
from qbconnector.quickbooks.errors import TokenEndpointError
from qbconnector.quickbooks.faults import parse_fault
from qbconnector.quickbooks.oauth import OAuthSettings, make_auth_client, refresh_failure
from qbconnector.quickbooks.redirect import Redirect, loopback_target, parse_redirect
from qbconnector.quickbooks.redirect_listener import RedirectListener
from qbconnector.quickbooks.tokenstate import TokenTimes, token_fingerprint

DEFAULT_TIMEOUT = 300.0
AuthClientFactory = Callable[[OAuthSettings], Any]


@dataclass(frozen=True)
class Grant:
    """A new connection as the token endpoint gave it; the tokens stay out of repr."""

    realm_id: str
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    times: TokenTimes


class ConnectAttempt:
    """One authorization: its random ``state``, the AuthClient, the loopback listener.

    Every method but ``cancel`` and ``parse`` blocks (network or socket): call them from a
    worker thread, one after the other. ``cancel`` may be called from any thread.
    """

    def __init__(
        self, settings: OAuthSettings, auth_client_factory: AuthClientFactory = make_auth_client
    ) -> None:
        if not settings.client_id or not settings.client_secret:
            raise connect_errors.missing_credentials()
        self.settings = settings
        self.state = secrets.token_urlsafe(24)
        self.target = loopback_target(settings.redirect_uri)
        self._factory = auth_client_factory
        self._client: Any = None
        self._listener: RedirectListener | None = None
        self._cancelled = False
        self.url = ""

    def __repr__(self) -> str:
        return f"ConnectAttempt(client_id={self.settings.client_id!r}, loopback={self.loopback})"

    @property
    def loopback(self) -> bool:
        return self.target is not None

    def start(self) -> str:
        """Listen (loopback redirect) and return the authorization URL to open in a browser."""
        try:
            self._client = self._factory(self.settings)  # fetches the discovery document
        except Exception as failure:  # noqa: BLE001 - intuitlib raises AuthClientError/requests'
            raise refresh_failure(failure) from None
        if self.target is not None:
            self._listener = RedirectListener(self.target, self.settings.redirect_uri)
            if self._cancelled:
                self._listener.cancel()
        from intuitlib.enums import Scopes  # loaded when connecting, not at every start

        self.url = str(self._client.get_authorization_url([Scopes.ACCOUNTING], self.state))
        return self.url

    def wait_for_redirect(self, timeout: float = DEFAULT_TIMEOUT) -> str:
        """The redirect URL the browser brought to the listener (loopback redirect only)."""
        if self._listener is None:
            raise RuntimeError("wait_for_redirect needs a started attempt on a loopback redirect")
        return self._listener.wait(timeout)

    def cancel(self) -> None:
        self._cancelled = True
        if self._listener is not None:
            self._listener.cancel()

    def parse(self, url: str) -> Redirect:
        return parse_redirect(url, self.state)

    def exchange(self, redirect: Redirect, wall_clock: Callable[[], float] = time.time) -> Grant:
        """Trade the code for tokens. Writes nothing: the caller saves the grant."""
        if self._client is None:
            raise RuntimeError("exchange needs a started attempt")
        client = self._client
        from intuitlib.exceptions import AuthClientError

        try:
            client.get_bearer_token(redirect.code, realm_id=redirect.realm_id)
        except AuthClientError as failure:
            raise _exchange_failure(failure) from None
        except (requests.RequestException, ValueError) as failure:
            raise refresh_failure(failure) from None
        access, refresh = client.access_token, client.refresh_token
        if not isinstance(access, str) or not isinstance(refresh, str):
            raise TokenEndpointError("the token endpoint answered without tokens")
        now = wall_clock()
        times = TokenTimes(
            access_expires_at=_after(now, client.expires_in),
            refresh_expires_at=_after(now, client.x_refresh_token_expires_in),
            refresh_hard_expires_at=_after(now, client.x_refresh_token_hard_expires_in),
            last_refresh_at=now,
            access_fingerprint=token_fingerprint(access),
        )
        return Grant(redirect.realm_id, access, refresh, times)

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        if self._client is not None:
            self._client.close()


def _exchange_failure(failure: Any) -> Exception:
    """``failure`` is intuitlib's AuthClientError."""
    # At the exchange, invalid_grant means the code (not a saved refresh token) is refused.
    if parse_fault(bytes(failure.content or b"")).first.code == "invalid_grant":
        return connect_errors.code_rejected()
    return refresh_failure(failure)


def _after(now: float, seconds: object) -> float | None:
    if isinstance(seconds, int | float) and not isinstance(seconds, bool) and seconds > 0:
        return now + float(seconds)
    return None
