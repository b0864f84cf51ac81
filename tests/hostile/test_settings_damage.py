"""A damaged or hand-edited settings.json: told on stderr, kept byte for byte, defaults loaded."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.hostile.support import (
    DRY_RUN,
    assert_clean_failure,
    assert_unchanged,
    nested,
    run,
    snapshot,
)

COMMANDS: dict[str, tuple[str, ...]] = {
    "status": ("status",),
    "status-json": ("status", "--json"),
    "sync-dry-run": DRY_RUN,
    "configure": ("configure", "--customer-sync-number", "1001"),
}


def _text(content: str | bytes) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))

    return damage


def _utf16(path: Path) -> None:
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))


def _bom(path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "inside.txt").write_text("x")


def _fifo(path: Path) -> None:
    path.unlink()
    os.mkfifo(path)  # reading it would wait forever for a writer


def _huge(path: Path) -> None:
    path.write_bytes(b'{"server": {"client_id": "' + b"x" * 5_000_000 + b'"}}')


def _dangling_link(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.parent / "nowhere.json")


# Unreadable as a whole: the file is set aside (renamed) and the defaults load.
SET_ASIDE: dict[str, Callable[[Path], None]] = {
    "invalid-json": _text("{not json"),
    "empty": _text(""),
    "whitespace": _text("   \n"),
    "utf-16": _utf16,
    "truncated": _truncated,
    "binary": _text(bytes(range(256))),
    "latin-1": _text('{"server": {"client_id": "caf\xe9"}}'.encode("latin-1")),
    "a-list": _text("[1, 2, 3]"),
    "a-string": _text('"settings"'),
    "null": _text("null"),
    "nested-100k-arrays": _text('{"server": ' + nested(100_000) + "}"),
    "nested-100k-objects": _text('{"a": ' * 100_000 + "1" + "}" * 100_000),
    "version-text": _text('{"version": "two"}'),
    "version-negative": _text('{"version": -1}'),
    "a-folder": _folder,
    "dangling-link": _dangling_link,
    "a-fifo": _fifo,
    "five-megabytes": _huge,
}


def _edit(change: Callable[[dict[str, object]], None]) -> Callable[[Path], None]:
    def damage(path: Path) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")

    return damage


def _set(section: str, name: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(data: dict[str, object]) -> None:
        data[section][name] = value  # type: ignore[index]

    return change


# Readable, with some values unusable or unknown: each falls back alone and a copy is kept.
FIELD_DAMAGE: dict[str, Callable[[Path], None]] = {
    "realm-id-a-number": _edit(_set("server", "realm_id", 5)),
    "enabled-a-string": _edit(_set("server", "enabled", "yes")),
    "minutes-a-string": _edit(_set("sync", "auto_sync_minutes", "15")),
    "minutes-a-float": _edit(_set("sync", "auto_sync_minutes", 1.5)),
    "minutes-huge": _edit(_set("sync", "auto_sync_minutes", 10**30)),
    "environment-unknown": _edit(_set("server", "environment", "staging")),
    "posting-mode-null": _edit(_set("sync", "posting_mode", None)),
    "mapping-a-list": _edit(_set("services", "mapping", ["a"])),
    "mapping-number-values": _edit(_set("services", "mapping", {"DTP": 12})),
    "lone-surrogate": _edit(_set("server", "client_id", "\ud800")),
    "surrogate-in-mapping": _edit(_set("services", "mapping", {"\udfff": "12"})),
    "section-a-string": _edit(lambda data: data.__setitem__("sync", "fast")),
    "unknown-top-level-key": _edit(lambda data: data.__setitem__("proxy", {"url": "x"})),
    "unknown-field": _edit(_set("server", "timeout_seconds", 30)),
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", SET_ASIDE)
def test_an_unusable_settings_file_is_set_aside_and_told(
    profile: Path, damage: str, command: str
) -> None:
    settings = profile / "settings.json"
    SET_ASIDE[damage](settings)
    original = settings.read_bytes() if settings.is_file() else None
    before = snapshot(profile)
    result = run("--profile", str(profile), *COMMANDS[command])
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err
    assert "settings.json" in result.err
    assert "kept as" in result.err, result.err
    aside = [p for p in profile.iterdir() if p.name.startswith("settings.json.broken-")]
    assert len(aside) == 1
    if original is not None:
        assert aside[0].read_bytes() == original  # set aside byte for byte
    assert_unchanged(before, profile, "settings.json")
    if command == "configure":
        assert result.code == 0, result.text
    if command == "status-json":
        json.loads(result.out)  # the warning went to stderr, the JSON stays clean


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("damage", FIELD_DAMAGE)
def test_an_unusable_field_falls_back_alone_and_the_file_is_kept(
    profile: Path, damage: str, command: str
) -> None:
    settings = profile / "settings.json"
    FIELD_DAMAGE[damage](settings)
    original = settings.read_bytes()
    before = snapshot(profile)
    result = run("--profile", str(profile), *COMMANDS[command])
    assert "Traceback" not in result.text
    assert "unexpected error" not in result.err
    assert "warning" in result.err
    assert "kept in" in result.err, result.err
    aside = [p for p in profile.iterdir() if p.name.startswith("settings.json.broken-")]
    assert [p.read_bytes() for p in aside] == [original]
    if command != "configure":
        assert_unchanged(before, profile)
        again = run("--profile", str(profile), *COMMANDS[command])  # no second copy
        assert len(list(profile.glob("settings.json.broken-*"))) == 1, again.err


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("version", [3, 99, 10**20])
def test_a_newer_schema_is_left_alone_and_the_command_stops(
    profile: Path, version: int, command: str
) -> None:
    _edit(lambda data: data.__setitem__("version", version))(profile / "settings.json")
    before = snapshot(profile)
    result = run("--profile", str(profile), *COMMANDS[command])
    assert_clean_failure(result, 2, "settings.json", "newer qbconnector", "update qbconnector")
    assert_unchanged(before, profile)
    assert not list(profile.glob("settings.json.broken-*"))


needs_permissions = pytest.mark.skipif(
    os.name != "posix" or os.geteuid() == 0, reason="root reads every file"
)


def test_a_bom_added_by_an_editor_is_accepted(profile: Path) -> None:
    _bom(profile / "settings.json")
    result = run("--profile", str(profile), "status")
    assert result.code == 0, result.text
    assert result.err == ""
    assert "9130357992221046" in result.out


@needs_permissions
def test_an_unreadable_settings_file_is_set_aside(profile: Path) -> None:
    (profile / "settings.json").chmod(0)
    result = run("--profile", str(profile), "status")
    assert "Traceback" not in result.text
    assert "kept as" in result.err
