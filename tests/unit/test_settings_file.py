"""Settings: schema, validation messages, atomic save, recovery from damaged files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from qbconnector.core.settings import Environment, PostingMode, Settings
from qbconnector.core.settings_codec import (
    SCHEMA_VERSION,
    SettingsVersionError,
    settings_from_dict,
    settings_to_dict,
)
from qbconnector.core.validation import check_url, clean_token, validate_settings
from qbconnector.storage.settings_file import SettingsFile, SettingsInvalidError


def _fields(settings: Settings) -> set[str]:
    return {error.field for error in validate_settings(settings)}


def test_defaults_are_valid_and_round_trip() -> None:
    settings = Settings()
    assert validate_settings(settings) == []
    data = settings_to_dict(settings)
    assert data["version"] == SCHEMA_VERSION
    assert settings_from_dict(json.loads(json.dumps(data))) == (settings, [])


def test_every_field_round_trips() -> None:
    settings = (
        Settings()
        .with_section("server", enabled=True, realm_id="9130357992221046", client_id="ABc")
        .with_section("server", environment=Environment.PRODUCTION)
        .with_section("flowfit", api_url="https://flowfit.example.com/qb")
        .with_section("sync", customer_sync_number="42", posting_mode=PostingMode.ITEMIZED)
        .with_section("services", service_id="7", service_name="Translation", mapping={"DTP": "9"})
        .with_section("quotes", auto_sync=True)
    )
    loaded, warnings = settings_from_dict(json.loads(json.dumps(settings_to_dict(settings))))
    assert warnings == []
    assert loaded == settings


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"server": {"realm_id": "12a4"}}, "server.realm_id"),
        ({"server": {"enabled": True}}, "server.realm_id"),
        ({"server": {"client_id": "ab cd"}}, "server.client_id"),
        ({"server": {"environment": Environment.CUSTOM}}, "server.api_base_url"),
        ({"flowfit": {"api_url": "http://flowfit.example.com"}}, "flowfit.api_url"),
        ({"flowfit": {"api_url": "ftp://x"}}, "flowfit.api_url"),
        ({"flowfit": {"api_url": "https://f.example.com"}}, "sync.customer_sync_number"),
        ({"sync": {"customer_sync_number": "0"}}, "sync.customer_sync_number"),
        ({"sync": {"customer_sync_number": "-3"}}, "sync.customer_sync_number"),
        ({"sync": {"customer_sync_number": "12.5"}}, "sync.customer_sync_number"),
        ({"sync": {"auto_sync_minutes": 0}}, "sync.auto_sync_minutes"),
        ({"services": {"service_id": "abc"}}, "services.service_id"),
        ({"services": {"mapping": {"DTP": "x"}}}, "services.mapping"),
        ({"invoices": {"description": "Invoice %PROJEC_NUMBER%"}}, "invoices.description"),
        ({"quotes": {"description": "Quote %DUE_DATE%"}}, "quotes.description"),
    ],
)
def test_invalid_values_name_their_field(changes: dict[str, dict[str, object]], field: str) -> None:
    settings = Settings()
    for section, values in changes.items():
        settings = settings.with_section(section, **values)
    errors = [error for error in validate_settings(settings) if error.field == field]
    assert errors, f"expected an error on {field}"
    assert all(error.message and "{" not in error.message for error in errors)


def test_realm_message_says_how_to_fix() -> None:
    settings = Settings().with_section("server", realm_id="12a4")
    (error,) = validate_settings(settings)
    assert "digits" in error.message
    assert "12a4" in error.message


def test_loopback_http_is_allowed_but_not_remote_http() -> None:
    assert check_url("u", "http://127.0.0.1:8080/x", required=True) is None
    assert check_url("u", "http://localhost/x", required=True) is None
    assert check_url("u", "http://[::1]:9/x", required=True) is None
    assert check_url("u", "http://10.0.0.1/x", required=True) is not None
    assert check_url("u", "", required=True) is not None
    assert check_url("u", "", required=False) is None


def test_tokens_are_trimmed_and_inner_whitespace_refused() -> None:
    assert clean_token("  abc.def-123\n") == ("abc.def-123", None)
    _value, error = clean_token("abc def")
    assert error is not None
    assert "one piece" in error.message


def test_save_writes_json_and_invalid_settings_never_reach_disk(tmp_path: Path) -> None:
    store = SettingsFile(tmp_path / "settings.json")
    good = Settings().with_section("server", realm_id="123")
    store.save(good)
    before = store.path.read_bytes()
    with pytest.raises(SettingsInvalidError) as caught:
        store.save(Settings().with_section("server", realm_id="abc"))
    assert caught.value.errors[0].field == "server.realm_id"
    assert store.path.read_bytes() == before
    assert store.load().settings == good
    assert list(tmp_path.glob("*.tmp")) == []


def test_corrupt_file_is_moved_aside_and_defaults_load(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 1, "server": {"realm_id": "12', encoding="utf-8")
    loaded = SettingsFile(path).load()
    assert loaded.settings == Settings()
    assert loaded.moved_aside is not None
    assert loaded.moved_aside.exists()
    assert loaded.moved_aside.read_text(encoding="utf-8").startswith('{"version": 1')
    assert "kept as" in loaded.warnings[0]
    assert not path.exists()


def test_wrong_typed_field_falls_back_alone_and_original_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    data = settings_to_dict(Settings().with_section("server", realm_id="555"))
    data["sync"]["auto_sync_minutes"] = "often"
    data["sync"]["posting_mode"] = "weekly"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = SettingsFile(path).load()
    assert loaded.settings.server.realm_id == "555"
    assert loaded.settings.sync == Settings().sync
    assert any("sync.auto_sync_minutes" in w for w in loaded.warnings)
    assert any("sync.posting_mode" in w for w in loaded.warnings)
    assert len(list(tmp_path.glob("settings.json.broken-*"))) == 1


def test_unversioned_file_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"server": {"realm_id": "77"}}), encoding="utf-8")
    loaded = SettingsFile(path).load()
    assert loaded.settings.server.realm_id == "77"
    assert loaded.warnings == []


def test_newer_schema_is_refused_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": SCHEMA_VERSION + 1}), encoding="utf-8")
    with pytest.raises(SettingsVersionError, match="newer qbconnector"):
        SettingsFile(path).load()
    assert path.exists()


def test_unreadable_file_is_moved_aside(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"\xff\xfe\x00garbage")
    loaded = SettingsFile(path).load()
    assert loaded.settings == Settings()
    assert loaded.moved_aside is not None


def test_leftover_temp_files_are_swept(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    (tmp_path / ".settings.json.abc.tmp").write_text("partial", encoding="utf-8")
    SettingsFile(path).load()
    assert list(tmp_path.glob("*.tmp")) == []


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_settings_file_is_private(tmp_path: Path) -> None:
    store = SettingsFile(tmp_path / "settings.json")
    store.save(Settings())
    assert store.path.stat().st_mode & 0o777 == 0o600
