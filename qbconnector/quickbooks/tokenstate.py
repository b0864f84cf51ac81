"""Token lifetimes (not the tokens): a small JSON file in the profile, read by `status`."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path

from qbconnector.storage.atomic import atomic_write_text
from qbconnector.storage.readsafe import read_small_file


def token_fingerprint(token: str) -> str:
    """A short one-way digest telling which access token the lifetimes describe."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class TokenTimes:
    """Absolute times (Unix seconds, UTC) as stored in the token state file; None = unknown."""

    access_expires_at: float | None = None
    refresh_expires_at: float | None = None  # rolling: pushed back by each refresh
    refresh_hard_expires_at: float | None = None  # the five-year cap; a reconnect resets it
    last_refresh_at: float | None = None
    access_fingerprint: str | None = None

    def describes(self, access_token: str) -> bool:
        return self.access_fingerprint == token_fingerprint(access_token)


@dataclass(frozen=True)
class TokenStatus:
    """What `qbconnector status` and the Parameters tab show about the connection's tokens."""

    has_refresh_token: bool
    access_expires_at: datetime | None
    refresh_expires_at: datetime | None
    refresh_hard_expires_at: datetime | None
    last_refresh_at: datetime | None

    @classmethod
    def from_times(cls, times: TokenTimes, has_refresh_token: bool) -> TokenStatus:
        return cls(
            has_refresh_token=has_refresh_token,
            access_expires_at=_as_datetime(times.access_expires_at),
            refresh_expires_at=_as_datetime(times.refresh_expires_at),
            refresh_hard_expires_at=_as_datetime(times.refresh_hard_expires_at),
            last_refresh_at=_as_datetime(times.last_refresh_at),
        )


def _as_datetime(stamp: float | None) -> datetime | None:
    return None if stamp is None else datetime.fromtimestamp(stamp, UTC)


def read_token_times(path: Path | None) -> TokenTimes:
    """The stored times; a missing or damaged file means "all unknown", never an error."""
    if path is None:
        return TokenTimes()
    try:
        document = json.loads(read_small_file(path).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return TokenTimes()
    if not isinstance(document, dict):
        return TokenTimes()
    values: dict[str, float | str | None] = {}
    for time_field in fields(TokenTimes):
        value = document.get(time_field.name)
        if time_field.name == "access_fingerprint":
            values[time_field.name] = value if isinstance(value, str) else None
        elif isinstance(value, int | float) and not isinstance(value, bool):
            values[time_field.name] = float(value)
    return TokenTimes(**values)  # type: ignore[arg-type]


def write_token_times(path: Path | None, times: TokenTimes) -> None:
    if path is None:
        return
    atomic_write_text(path, json.dumps(asdict(times), indent=2, sort_keys=True) + "\n")


RENEWAL_WARNING_DAYS = 14


def renewal_deadline(
    refresh_expires_at: datetime | None, refresh_hard_expires_at: datetime | None
) -> datetime | None:
    """When the refresh token can no longer be renewed: 100 days unused, or the 5-year cap."""
    known = [moment for moment in (refresh_expires_at, refresh_hard_expires_at) if moment]
    return min(known) if known else None


def renewal_warning_due(deadline: datetime | None, now: datetime | None = None) -> bool:
    """True from RENEWAL_WARNING_DAYS before the deadline: time to reconnect."""
    if deadline is None:
        return False
    current = now or datetime.now(UTC)
    return (deadline - current).total_seconds() <= RENEWAL_WARNING_DAYS * 86_400
