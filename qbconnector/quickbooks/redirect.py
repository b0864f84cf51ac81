"""The OAuth redirect: where it goes (loopback or not) and what its URL carries back."""

from __future__ import annotations

import hmac
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlsplit

from qbconnector.core.redact import register_secret
from qbconnector.core.validation import is_loopback_host
from qbconnector.quickbooks import connect_errors


@dataclass(frozen=True)
class LoopbackTarget:
    """A redirect URI on this computer: the one-shot listener binds ``host``:``port``."""

    host: str
    port: int
    path: str


@dataclass(frozen=True)
class Redirect:
    """What the authorization server sent back; the code is a secret (not in repr)."""

    code: str = field(repr=False)
    state: str
    realm_id: str


def loopback_target(redirect_uri: str) -> LoopbackTarget | None:
    """The listener address for ``http://127.0.0.1:PORT/...`` or ``http://localhost:PORT/...``."""
    parts = urlsplit(redirect_uri.strip())
    if parts.scheme != "http" or not parts.hostname or not is_loopback_host(parts.hostname):
        return None
    # "localhost" is served on IPv4: it is what browsers try first and what Intuit registers.
    host = "::1" if parts.hostname == "::1" else "127.0.0.1"
    return LoopbackTarget(host, parts.port or 80, parts.path or "/")


def parse_redirect(url: str, expected_state: str) -> Redirect:
    """``code``, ``state`` and ``realmId`` from a redirect URL; ConnectError when unusable.

    An ``error`` answer is reported first (Intuit sends it with the state), then a missing code,
    then a state that is not ours (the answer may have been forged or belong to an older try).
    """
    parts = urlsplit(url.strip())
    params = {key: values[0] for key, values in parse_qs(parts.query).items() if values}
    if "error" in params:
        raise connect_errors.denied(params["error"])
    code, realm_id = params.get("code", ""), params.get("realmId", "")
    if not code or not realm_id:
        raise connect_errors.missing_code()
    register_secret(code)  # masked in any log record from here on
    state = params.get("state", "")
    if not hmac.compare_digest(state.encode(), expected_state.encode()):
        raise connect_errors.state_mismatch()
    return Redirect(code=code, state=state, realm_id=realm_id)
