"""Token state file, the inter-process lock and error texts that must never leak secrets."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qbconnector.quickbooks.errors import NetworkError, ReconnectRequired, ValidationError
from qbconnector.quickbooks.lockfile import InterProcessLock, LockTimeoutError
from qbconnector.quickbooks.network import retry_after_seconds
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.tokens import StaticTokenSource
from qbconnector.quickbooks.tokenstate import (
    TokenStatus,
    TokenTimes,
    read_token_times,
    token_fingerprint,
    write_token_times,
)


def test_token_times_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "token-state.json"
    times = TokenTimes(1000.0, 2000.0, 3000.0, 900.0, token_fingerprint("abc"))
    write_token_times(path, times)
    assert read_token_times(path) == times
    assert read_token_times(path).describes("abc")
    assert not read_token_times(path).describes("abd")
    assert "abc" not in path.read_text()


@pytest.mark.parametrize("content", ["", "{", "[]", '{"access_expires_at": "soon"}', "\x00"])
def test_damaged_state_files_read_as_unknown(tmp_path: Path, content: str) -> None:
    path = tmp_path / "token-state.json"
    path.write_text(content)
    assert read_token_times(path) == TokenTimes()
    assert read_token_times(tmp_path / "missing.json") == TokenTimes()
    assert read_token_times(None) == TokenTimes()


def test_state_file_booleans_are_not_times(tmp_path: Path) -> None:
    path = tmp_path / "token-state.json"
    path.write_text(json.dumps({"access_expires_at": True, "last_refresh_at": 5}))
    assert read_token_times(path) == TokenTimes(last_refresh_at=5.0)


def test_status_converts_to_utc_datetimes() -> None:
    status = TokenStatus.from_times(TokenTimes(access_expires_at=0.0), has_refresh_token=True)
    assert status.access_expires_at == datetime(1970, 1, 1, tzinfo=UTC)
    assert status.refresh_hard_expires_at is None
    assert status.has_refresh_token


def test_lock_excludes_a_second_holder_until_released(tmp_path: Path) -> None:
    path = tmp_path / "token-refresh.lock"
    with InterProcessLock(path), pytest.raises(LockTimeoutError):
        InterProcessLock(path, timeout=0.05).acquire()
    second = InterProcessLock(path, timeout=0.05)
    second.acquire()
    second.release()
    second.release()  # releasing twice is harmless


def test_secrets_stay_out_of_reprs() -> None:
    settings = OAuthSettings("client-id", "very-secret-value")
    assert "very-secret-value" not in repr(settings)
    assert "tok-123" not in repr(StaticTokenSource("tok-123"))


def test_static_token_source_cannot_refresh() -> None:
    source = StaticTokenSource("tok")
    assert source.access_token() == "tok"
    assert source.after_unauthorized("tok") == "tok"


def test_error_text_and_repr() -> None:
    error = ValidationError(
        "Duplicate Name Exists Error", code="6240", detail="The name supplied already exists."
    )
    assert str(error) == (
        "Duplicate Name Exists Error: The name supplied already exists. (code 6240)"
    )
    assert "6240" in repr(error)
    assert NetworkError("x", maybe_sent=True).outcome_uncertain
    assert not NetworkError("x", maybe_sent=False).outcome_uncertain
    assert ReconnectRequired("r").exit_code == 3


@pytest.mark.parametrize(
    ("header", "expected"),
    [(None, None), ("", None), ("7", 7.0), ("1.5", 1.5), ("-3", 0.0), ("soon", None)],
)
def test_retry_after_seconds(header: str | None, expected: float | None) -> None:
    assert retry_after_seconds(header) == expected


def test_retry_after_as_http_date() -> None:
    assert retry_after_seconds("Thu, 01 Jan 1970 00:01:40 GMT", now=40.0) == 60.0
