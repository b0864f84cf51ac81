"""A hostile environment: logs in the way, read-only or full disks, a failing keyring."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from qbconnector.storage import atomic
from tests.hostile.support import DRY_RUN, assert_clean_failure, assert_unchanged, run, snapshot

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
READING = {
    "status": ("status",),
    "status-json": ("status", "--json"),
    "documents": ("documents",),
    "sync-dry-run": DRY_RUN,
}
WRITING = {
    "configure-realm": ("configure", "--realm-id", "555"),
    "configure-token": ("configure", "--access-token=AT-new-value"),
    "configure-both": ("configure", "--realm-id", "555", "--refresh-token=RT-new-value"),
    "configure-template": ("configure", "--invoice-description", "Invoice %DOCUMENT_NUMBER%"),
}


def _logs_is_a_file(profile: Path) -> None:
    (profile / "logs").write_text("not a folder\n")


def _log_file_is_a_folder(profile: Path) -> None:
    (profile / "logs" / "qbconnector.log").mkdir(parents=True)


@pytest.mark.parametrize("command", READING)
@pytest.mark.parametrize("damage", [_logs_is_a_file, _log_file_is_a_folder])
def test_unusable_logs_are_told_and_the_command_still_works(
    profile: Path, damage: object, command: str
) -> None:
    damage(profile)  # type: ignore[operator]
    before = snapshot(profile)
    result = run("--profile", str(profile), *READING[command])
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
    if command != "documents":  # it keeps no log
        assert "log file cannot be written" in result.err
    assert_unchanged(before, profile)


WRITE_FAILURES = {
    "disk-full": (errno.ENOSPC, "disk is full"),
    "quota": (errno.EDQUOT, "quota"),
    "read-only-drive": (errno.EROFS, "read-only"),
    "permission": (errno.EACCES, "permission denied"),
    "disk-error": (errno.EIO, "disk error"),
}


@pytest.mark.parametrize("command", WRITING)
@pytest.mark.parametrize("failure", WRITE_FAILURES)
def test_a_failed_write_changes_nothing(
    profile: Path, monkeypatch: pytest.MonkeyPatch, failure: str, command: str
) -> None:
    code, message = WRITE_FAILURES[failure]

    def refuse(*args: object, dir: str = "", **kwargs: object) -> tuple[int, str]:
        raise OSError(code, os.strerror(code), str(dir))

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    before = snapshot(profile)
    result = run("--profile", str(profile), *WRITING[command])
    assert_clean_failure(result, 2, message, str(profile))
    assert_unchanged(before, profile)


class LockedKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.KeyringLocked("locked")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.KeyringLocked("locked")


@pytest.mark.parametrize("command", {**WRITING, "status": ("status",)})
def test_a_locked_keyring_is_reported_and_nothing_is_written(profile: Path, command: str) -> None:
    (profile / "secrets.json").unlink()  # a keyring is in use: no secrets file
    keyring.set_keyring(LockedKeyring())
    before = snapshot(profile)
    result = run("--profile", str(profile), *{**WRITING, "status": ("status",)}[command])
    assert_clean_failure(result, 2, "locked")
    assert_unchanged(before, profile)


needs_permissions = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root ignores file permissions"
)


@needs_permissions
@pytest.mark.parametrize("command", {**WRITING, **READING})
def test_a_read_only_profile_gives_a_message(profile: Path, command: str) -> None:
    before = snapshot(profile)
    mode = profile.stat().st_mode
    profile.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        result = run("--profile", str(profile), *{**WRITING, **READING}[command])
    finally:
        profile.chmod(mode)
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err
    assert result.code in (0, 2), result.text
    assert_unchanged(before, profile)


@pytest.mark.parametrize("command", READING)
def test_a_fifo_as_token_state_never_blocks(profile: Path, command: str) -> None:
    os.mkfifo(profile / "token-state.json")
    result = run("--profile", str(profile), *READING[command])
    assert result.code == 0, result.text
    assert "Traceback" not in result.text
