"""Connect, reconnect and disconnect a profile: the Qt-free service behind the window and CLI."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Environment, Settings
from qbconnector.quickbooks.connect import AuthClientFactory, ConnectAttempt, Grant
from qbconnector.quickbooks.connect_errors import realm_switch_refused
from qbconnector.quickbooks.lockfile import InterProcessLock
from qbconnector.quickbooks.oauth import PLAYGROUND_REDIRECT_URI, OAuthSettings, make_auth_client
from qbconnector.quickbooks.redirect import Redirect
from qbconnector.quickbooks.tokenstate import TokenTimes, write_token_times
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import ACCESS_TOKEN, CLIENT_SECRET, REFRESH_TOKEN, SecretStore
from qbconnector.sync.connection import open_client

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ConnectOutcome:
    """A saved connection: which company, where, and the settings now saved."""

    realm_id: str
    company_name: str | None  # None when CompanyInfo could not be read right after
    environment: Environment
    switched: bool  # another company than the one saved before
    settings: Settings


@dataclass(frozen=True)
class DisconnectOutcome:
    """``revoked``: Intuit confirmed; False with ``had_tokens``: removed locally only."""

    had_tokens: bool
    revoked: bool


def redirect_uri_of(settings: Settings, override: str | None = None) -> str:
    return (override or settings.server.redirect_uri or PLAYGROUND_REDIRECT_URI).strip()


def oauth_settings(
    settings: Settings, vault: SecretStore, redirect_uri: str | None = None
) -> OAuthSettings:
    """The app's OAuth identity from the saved parameters (custom: the discovery URL)."""
    server = settings.server
    environment: str = server.environment.value
    if server.environment is Environment.CUSTOM:
        if not server.discovery_url:
            raise BadInputError(
                "The custom environment needs a discovery URL: qbconnector configure "
                "--discovery-url URL"
            )
        environment = server.discovery_url
    return OAuthSettings(
        client_id=server.client_id,
        client_secret=vault.get(CLIENT_SECRET) or "",
        environment=environment,
        redirect_uri=redirect_uri_of(settings, redirect_uri),
    )


class ConnectService:
    """One profile's connection. Every method blocks (network, vault, files): workers only."""

    def __init__(
        self,
        profile: Profile,
        settings_file: SettingsFile,
        vault: SecretStore,
        auth_client_factory: AuthClientFactory = make_auth_client,
    ) -> None:
        self.profile = profile
        self.settings_file = settings_file
        self.vault = vault
        self._factory = auth_client_factory

    def begin(self, redirect_uri: str | None = None) -> ConnectAttempt:
        """A started attempt: its ``url`` is ready to open, its listener (if any) bound."""
        settings = self.settings_file.load().settings
        attempt = ConnectAttempt(oauth_settings(settings, self.vault, redirect_uri), self._factory)
        try:
            attempt.start()
        except BaseException:
            attempt.close()
            raise
        return attempt

    def saved_realm_if_other(self, redirect: Redirect) -> str | None:
        """The saved realm ID when the consent was for another company (ask before switching)."""
        saved = self.settings_file.load().settings.server.realm_id
        return saved if saved and saved != redirect.realm_id else None

    def complete(
        self, attempt: ConnectAttempt, redirect: Redirect, *, allow_switch: bool
    ) -> ConnectOutcome:
        """Exchange the code, then save tokens and realm ID; nothing is written on failure."""
        try:
            saved = self.saved_realm_if_other(redirect)
            if saved is not None and not allow_switch:
                raise realm_switch_refused(saved, redirect.realm_id)
            grant = attempt.exchange(redirect)
        finally:
            attempt.close()
        settings = self._save(grant)
        return ConnectOutcome(
            realm_id=grant.realm_id,
            company_name=self._company_name(settings),
            environment=settings.server.environment,
            switched=saved is not None,
            settings=settings,
        )

    def disconnect(self) -> DisconnectOutcome:
        """Revoke the grant at Intuit, then forget the tokens here whatever Intuit said."""
        token = self.vault.get(REFRESH_TOKEN) or self.vault.get(ACCESS_TOKEN)
        if not token:
            return DisconnectOutcome(had_tokens=False, revoked=False)
        revoked = self._revoke(token)
        with InterProcessLock(self.profile.token_lock_file):
            self.vault.delete(REFRESH_TOKEN)
            self.vault.delete(ACCESS_TOKEN)
            write_token_times(self.profile.token_state_file, TokenTimes())
        return DisconnectOutcome(had_tokens=True, revoked=revoked)

    # -- internals ---------------------------------------------------------------------------

    def _save(self, grant: Grant) -> Settings:
        # Tokens first, realm ID second. Until the exchange succeeded nothing was written, so a
        # failed connect leaves the old connection whole. After it, the new refresh token is the
        # one thing that cannot be had again without the person (the code is single-use): it
        # reaches the vault first. Should the settings write then fail, the error is reported
        # and `connect` run again fixes the realm; writing the realm first instead could leave
        # a new company paired with the old company's tokens and nothing to redo it with.
        with InterProcessLock(self.profile.token_lock_file):  # no refresh in between
            self.vault.set(REFRESH_TOKEN, grant.refresh_token)
            self.vault.set(ACCESS_TOKEN, grant.access_token)
            write_token_times(self.profile.token_state_file, grant.times)
        settings = self.settings_file.load().settings
        updated = settings.with_section("server", realm_id=grant.realm_id, enabled=True)
        self.settings_file.save(updated)
        return updated

    def _company_name(self, settings: Settings) -> str | None:
        try:
            client = open_client(self.profile, settings, self.vault)
        except Exception:  # noqa: BLE001 - the connection is saved; the name is a nicety
            return None
        try:
            info = client.company_info().entity
        except Exception as error:  # noqa: BLE001 - same
            log.info("company name not read after connecting: %s", type(error).__name__)
            return None
        finally:
            client.close()
        name = info.get("CompanyName") or info.get("LegalName")
        return str(name) if name else None

    def _revoke(self, token: str) -> bool:
        settings = self.settings_file.load().settings
        client: Any = None
        try:
            client = self._factory(oauth_settings(settings, self.vault))
            client.revoke(token=token)
        except Exception as error:  # noqa: BLE001 - offline, refused: forgotten here all the same
            log.info("revoke not sent or refused: %s", type(error).__name__)
            return False
        finally:
            if client is not None:
                client.close()
        return True
