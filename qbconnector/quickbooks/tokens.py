"""OAuth tokens: refreshed before expiry or after a 401, one refresh at a time across processes."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

from qbconnector.quickbooks.errors import ReconnectRequired, TokenEndpointError, TokenError
from qbconnector.quickbooks.lockfile import InterProcessLock, LockTimeoutError
from qbconnector.quickbooks.oauth import OAuthSettings, make_auth_client, refresh_failure
from qbconnector.quickbooks.tokenstate import (
    TokenStatus,
    TokenTimes,
    read_token_times,
    token_fingerprint,
    write_token_times,
)
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import ACCESS_TOKEN, REFRESH_TOKEN, SecretStore

NO_REFRESH_TOKEN_MESSAGE = (
    "no QuickBooks refresh token is saved; connect to QuickBooks in Parameters > Quickbooks server"
)

AuthClientFactory = Callable[[OAuthSettings], Any]


@dataclass
class _Current:
    """The access token this process uses, and when to replace it (None: when refused)."""

    token: str | None = None
    renew_at: float | None = None
    refreshes: int = field(default=0)


class TokenManager:
    """The connection's tokens for every thread of this process.

    Refresh happens when the access token is within ``margin`` seconds of expiry, or once after
    a 401. A thread lock and a lock file serialise refreshes across threads and processes;
    inside them the vault is read again, since another process may have rotated the tokens.
    The rotated refresh token reaches the vault before the new access token is handed out.
    """

    def __init__(
        self,
        vault: SecretStore,
        settings: OAuthSettings,
        *,
        lock_file: Path | None,
        state_file: Path | None,
        margin: float = 300.0,
        wall_clock: Callable[[], float] = time.time,
        auth_client_factory: AuthClientFactory = make_auth_client,
        lock_timeout: float = 60.0,
    ) -> None:
        self.vault = vault
        self.settings = settings
        self.lock_file = lock_file
        self.state_file = state_file
        self.margin = margin
        self.wall_clock = wall_clock
        self._auth_client_factory = auth_client_factory
        self._auth_client: Any = None
        self._lock_timeout = lock_timeout
        self._lock = threading.Lock()
        self._current = _Current()

    @classmethod
    def for_profile(
        cls, profile: Profile, vault: SecretStore, settings: OAuthSettings, **options: Any
    ) -> TokenManager:
        return cls(
            vault,
            settings,
            lock_file=profile.token_lock_file,
            state_file=profile.token_state_file,
            **options,
        )

    def __repr__(self) -> str:
        return f"TokenManager(client_id={self.settings.client_id!r}, state={self.state_file})"

    @property
    def refresh_count(self) -> int:
        """Refreshes this manager performed itself (not those adopted from another process)."""
        return self._current.refreshes

    def access_token(self) -> str:
        with self._lock:
            current = self._current
            if current.token is not None and self._fresh(current.renew_at):
                return current.token
            return self._obtain(rejected=current.token, forced=False)

    def after_unauthorized(self, rejected: str) -> str:
        with self._lock:
            current = self._current.token
            if current is not None and current != rejected:
                return current  # another thread already replaced it
            return self._obtain(rejected=rejected, forced=False)

    def refresh_now(self) -> str:
        """Refresh whatever the state (after checking the vault under the lock)."""
        with self._lock:
            return self._obtain(rejected=None, forced=True)

    def save_connection(self, refresh_token: str, access_token: str | None = None) -> None:
        """Store tokens the user pasted (Parameters > Quickbooks server): lifetimes unknown."""
        with self._lock, self._cross_process_lock():
            self.vault.set(REFRESH_TOKEN, refresh_token)
            if access_token:
                self.vault.set(ACCESS_TOKEN, access_token)
            else:
                self.vault.delete(ACCESS_TOKEN)
            fingerprint = token_fingerprint(access_token) if access_token else None
            write_token_times(self.state_file, TokenTimes(access_fingerprint=fingerprint))
            self._current = _Current(access_token, None, self._current.refreshes)

    def status(self) -> TokenStatus:
        times = read_token_times(self.state_file)
        return TokenStatus.from_times(times, bool(self.vault.get(REFRESH_TOKEN)))

    # -- inside self._lock -----------------------------------------------------------------

    def _fresh(self, renew_at: float | None) -> bool:
        # Unknown expiry (pasted token): use it, a 401 will tell when it is dead.
        return renew_at is None or renew_at > self.wall_clock()

    def _renew_at(self, times: TokenTimes) -> float | None:
        """``margin`` before expiry, but never before half the token's life (short lifetimes)."""
        expires_at = times.access_expires_at
        if expires_at is None:
            return None
        margin = self.margin
        issued_at = times.last_refresh_at
        if issued_at is not None and expires_at > issued_at:
            margin = min(margin, (expires_at - issued_at) / 2)
        return expires_at - margin

    def _obtain(self, rejected: str | None, forced: bool) -> str:
        with self._cross_process_lock():
            times = read_token_times(self.state_file)
            stored = self.vault.get(ACCESS_TOKEN)
            if not forced and stored and stored != rejected:
                renew_at = self._renew_at(times) if times.describes(stored) else None
                if self._fresh(renew_at):
                    self._current = _Current(stored, renew_at, self._current.refreshes)
                    return stored
            return self._refresh(times)

    def _refresh(self, times: TokenTimes) -> str:
        refresh_token = self.vault.get(REFRESH_TOKEN)
        if not refresh_token:
            raise ReconnectRequired(NO_REFRESH_TOKEN_MESSAGE)
        client = self._client()
        for name in ("expires_in", "x_refresh_token_expires_in", "x_refresh_token_hard_expires_in"):
            setattr(client, name, None)  # values of an earlier refresh must not linger
        try:
            client.refresh(refresh_token=refresh_token)
        except requests.RequestException as failure:
            raise refresh_failure(failure) from None
        except Exception as failure:  # noqa: BLE001 - intuitlib raises AuthClientError/ValueError
            raise refresh_failure(failure) from None
        now = self.wall_clock()
        new_access, new_refresh = client.access_token, client.refresh_token
        if not isinstance(new_access, str) or not isinstance(new_refresh, str):
            raise TokenEndpointError("the token endpoint answered without tokens")
        # Order matters: a crash after the rotation must still leave the newest refresh token.
        self.vault.set(REFRESH_TOKEN, new_refresh)
        self.vault.set(ACCESS_TOKEN, new_access)
        new_times = TokenTimes(
            access_expires_at=_after(now, client.expires_in),
            refresh_expires_at=_after(now, client.x_refresh_token_expires_in),
            refresh_hard_expires_at=_after(now, client.x_refresh_token_hard_expires_in)
            or times.refresh_hard_expires_at,
            last_refresh_at=now,
            access_fingerprint=token_fingerprint(new_access),
        )
        write_token_times(self.state_file, new_times)
        self._current = _Current(new_access, self._renew_at(new_times), self._current.refreshes + 1)
        return new_access

    def _client(self) -> Any:
        # Built on first need: its constructor fetches the discovery document over the network.
        if self._auth_client is None:
            try:
                self._auth_client = self._auth_client_factory(self.settings)
            except Exception as failure:  # noqa: BLE001 - see refresh_failure
                raise refresh_failure(failure) from None
        return self._auth_client

    @contextlib.contextmanager
    def _cross_process_lock(self) -> Iterator[None]:
        if self.lock_file is None:
            yield
            return
        try:
            lock = InterProcessLock(self.lock_file, self._lock_timeout)
            lock.acquire()
        except LockTimeoutError as timeout:
            raise TokenError(str(timeout)) from None
        try:
            yield
        finally:
            lock.release()


def _after(now: float, seconds: object) -> float | None:
    if isinstance(seconds, int | float) and not isinstance(seconds, bool) and seconds > 0:
        return now + float(seconds)
    return None


class StaticTokenSource:
    """A fixed access token (benchmarks, tests, one-off scripts): a 401 is final."""

    def __init__(self, token: str) -> None:
        self._token = token

    def __repr__(self) -> str:
        return "StaticTokenSource()"

    def access_token(self) -> str:
        return self._token

    def after_unauthorized(self, rejected: str) -> str:
        return rejected
