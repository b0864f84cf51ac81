"""Intuit's OAuth 2.0 token service: codes, bearer tokens, refresh-token rotation, revoke."""

from __future__ import annotations

import base64
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Any

from qbconnector.sandbox.company import Company

ROLLING_REFRESH_LIFETIME = 8_726_400  # ~101 days, renewed by each use
HARD_REFRESH_LIFETIME = 5 * 365 * 24 * 3600  # the 5-year cap (reference §2)
CODE_LIFETIME = 600
INVALID_GRANT = {
    "error": "invalid_grant",
    "error_description": "Incorrect or invalid refresh token",
}


@dataclass
class TokenSettings:
    access_lifetime: int = 3600
    refresh_grace: float = 0.0  # how long a rotated-out refresh token keeps working


@dataclass
class TokenReply:
    status: int
    body: dict[str, Any] | None


class OAuthService:
    """Tokens live in ``state.oauth`` (they survive a restart), guarded by the company lock."""

    def __init__(self, company: Company, settings: TokenSettings) -> None:
        self.company = company
        self.settings = settings
        oauth = company.state.oauth
        for table in ("families", "refresh", "access", "codes"):
            oauth.setdefault(table, {})

    @property
    def _tables(self) -> dict[str, dict[str, dict[str, Any]]]:
        return self.company.state.oauth

    def client_ok(self, authorization: str | None) -> bool:
        """Checks ``Authorization: Basic base64(client_id:client_secret)``."""
        if not authorization or not authorization.startswith("Basic "):
            return False
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode()
        except ValueError:
            return False
        client_id, _, client_secret = decoded.partition(":")
        state = self.company.state
        return hmac.compare_digest(client_id, state.client_id) and hmac.compare_digest(
            client_secret, state.client_secret
        )

    def new_code(self, redirect_uri: str) -> str:
        code = "AB11" + secrets.token_urlsafe(24)
        with self.company.lock:
            self._tables["codes"][code] = {"redirect_uri": redirect_uri, "issued": time.time()}
            self.company.committed()
        return code

    def issue_new_grant(self, include_hard: bool = False) -> dict[str, Any]:
        """A fresh connection (as after the consent screen): access + refresh token."""
        with self.company.lock:
            family = secrets.token_hex(8)
            self._tables["families"][family] = {"created": time.time(), "revoked": False}
            body = self._issue(family, include_hard)
            self.company.committed()
            return body

    def token(self, form: dict[str, str], include_hard: bool) -> TokenReply:
        grant_type = form.get("grant_type", "")
        with self.company.lock:
            if grant_type == "authorization_code":
                code = self._tables["codes"].pop(form.get("code", ""), None)
                expired = code is None or time.time() - code["issued"] > CODE_LIFETIME
                if expired or code is None or code["redirect_uri"] != form.get("redirect_uri"):
                    return TokenReply(400, {"error": "invalid_grant"})
                body = self.issue_new_grant(include_hard)
            elif grant_type == "refresh_token":
                family = self._usable_family(form.get("refresh_token", ""))
                if family is None:
                    return TokenReply(400, dict(INVALID_GRANT))
                body = self._issue(family, include_hard)
            else:
                return TokenReply(400, {"error": "unsupported_grant_type"})
            self.company.committed()
            return TokenReply(200, body)

    def revoke(self, token: str) -> None:
        """Revoking either token of a grant ends the whole grant, as at Intuit."""
        with self.company.lock:
            record = self._tables["refresh"].get(token) or self._tables["access"].get(token)
            if record is not None:
                self._tables["families"][record["family"]]["revoked"] = True
                self.company.committed()

    def expire_access(self, token: str | None) -> int:
        """Make one access token (or all when None) expire now; returns how many."""
        with self.company.lock:
            now = time.time()
            targets = [token] if token is not None else list(self._tables["access"])
            count = 0
            for name in targets:
                record = self._tables["access"].get(name)
                if record is not None and record["expires"] > now:
                    record["expires"] = now
                    count += 1
            self.company.committed()
            return count

    def check_access(self, token: str | None) -> str | None:
        """None when ``token`` is a live access token, else the 401 detail text."""
        if not token:
            return "Malformed bearer token: too short or too long"
        with self.company.lock:
            record = self._tables["access"].get(token)
            if record is None:
                return "Token invalid"
            if self._tables["families"][record["family"]]["revoked"]:
                return "Token revoked"
            if record["expires"] <= time.time():
                return "Token expired"
            return None

    def _usable_family(self, refresh_token: str) -> str | None:
        record = self._tables["refresh"].get(refresh_token)
        if record is None:
            return None
        now = time.time()
        family = self._tables["families"][record["family"]]
        superseded = record["superseded"]
        if family["revoked"] or record["expires"] <= now or family["hard_expires"] <= now:
            return None
        if superseded is not None and now - superseded > self.settings.refresh_grace:
            return None
        return str(record["family"])

    def _issue(self, family_id: str, include_hard: bool) -> dict[str, Any]:
        now = time.time()
        family = self._tables["families"][family_id]
        family.setdefault("hard_expires", family["created"] + HARD_REFRESH_LIFETIME)
        for record in self._tables["refresh"].values():
            if record["family"] == family_id and record["superseded"] is None:
                record["superseded"] = now
        access_token = "sbx-at-" + secrets.token_urlsafe(32)
        refresh_token = "RT1-sbx-" + secrets.token_urlsafe(24)
        self._tables["access"][access_token] = {
            "family": family_id,
            "expires": now + self.settings.access_lifetime,
        }
        self._tables["refresh"][refresh_token] = {
            "family": family_id,
            "expires": now + ROLLING_REFRESH_LIFETIME,
            "superseded": None,
        }
        body: dict[str, Any] = {
            "access_token": access_token,
            "refresh_token": refresh_token,
            "token_type": "bearer",
            "expires_in": self.settings.access_lifetime,
            "x_refresh_token_expires_in": ROLLING_REFRESH_LIFETIME,
        }
        if include_hard:
            body["x_refresh_token_hard_expires_in"] = int(family["hard_expires"] - now)
        return body
