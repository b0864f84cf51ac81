"""A damaged secrets.json: every command says so, and no command changes any file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.support import DRY_RUN, assert_clean_failure, assert_unchanged, run, snapshot


def _write(content: bytes) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        path.write_bytes(content)

    return damage


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)


DAMAGE: dict[str, Callable[[Path], None]] = {
    "invalid-json": _write(b"{oops"),
    "empty": _write(b""),
    "a-list": _write(b'["RT1-abc"]'),
    "a-number": _write(b"42"),
    "binary": _write(bytes(range(256))),
    "utf-16": _write('{"refresh_token": "x"}'.encode("utf-16")),
    "truncated": _write(b'{"refresh_token": "RT1-hostile-ref'),
    "a-folder": _folder,
    "a-fifo": _fifo,
    "five-megabytes": _write(b'{"refresh_token": "' + b"x" * 5_000_000 + b'"}'),
    "nested-100k": _write(b"[" * 100_000 + b"]" * 100_000),
}
COMMANDS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "status-json": ("status", "--json"),
    "sync-dry-run": DRY_RUN,
    "configure-realm": ("configure", "--realm-id", "555"),
    "configure-token": ("configure", "--access-token=AT-new"),
    "configure-template": ("configure", "--quote-description", "Quote %DOCUMENT_NUMBER%"),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", DAMAGE)
def test_a_damaged_vault_stops_the_command_and_changes_nothing(
    profile: Path, damage: str, command: str
) -> None:
    DAMAGE[damage](profile / "secrets.json")
    before = snapshot(profile)
    result = run("--profile", str(profile), *COMMANDS[command])
    # A dry run still shows the plan, with the reason QuickBooks was not asked.
    if command == "sync-dry-run":
        assert result.code == 0, result.text
        assert "secrets.json" in result.out
        assert "Traceback" not in result.text
    else:
        assert_clean_failure(result, 2, "secrets.json")
    assert "RT1-hostile" not in result.text
    assert_unchanged(before, profile)
    if (profile / "secrets.json").is_dir():
        assert (profile / "secrets.json").is_dir()
