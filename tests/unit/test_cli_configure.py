"""`qbconnector configure` and `status` through the real entry point."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli_helpers import run_cli

TOKEN = "RT1-222-H0-abcdefghijklmnop"


def test_configure_saves_parameters_and_masks_secrets(tmp_path: Path) -> None:
    result = run_cli(
        tmp_path,
        "configure",
        "--enabled",
        "--realm-id",
        "9130357992221046",
        "--refresh-token",
        f"  {TOKEN}\n",
        "--client-id",
        "ABcid",
        "--posting-mode",
        "itemized",
        "--invoice-description",
        "Invoice #%PROJECT_NUMBER% - %CLIENT_CODE%",
        "--auto-sync-quotes",
        "on",
        "--map-service",
        "DTP=12",
    )
    assert result.returncode == 0, result.stderr
    assert TOKEN not in result.stdout + result.stderr
    assert "Refresh token: ••••" in result.stdout
    assert "Longest possible description: " in result.stdout
    assert "of 1000 characters (customer memo)" in result.stdout  # itemized mode
    assert "unencrypted" in result.stderr
    settings = json.loads((tmp_path / "settings.json").read_text())
    assert settings["server"]["realm_id"] == "9130357992221046"
    assert settings["sync"]["posting_mode"] == "itemized"
    assert settings["quotes"]["auto_sync"] is True
    assert settings["services"]["mapping"] == {"DTP": "12"}
    assert TOKEN not in (tmp_path / "settings.json").read_text()
    assert json.loads((tmp_path / "secrets.json").read_text())["refresh_token"] == TOKEN


def test_secret_can_come_from_stdin(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--client-secret", "-", stdin="s3cr3t-value\n")
    assert result.returncode == 0, result.stderr
    assert json.loads((tmp_path / "secrets.json").read_text())["client_secret"] == "s3cr3t-value"


def test_bad_input_exits_2_with_a_fix_and_keeps_what_was_stored(tmp_path: Path) -> None:
    assert run_cli(tmp_path, "configure", "--realm-id", "123").returncode == 0
    before = (tmp_path / "settings.json").read_text()
    result = run_cli(tmp_path, "configure", "--realm-id", "12x", "--customer-sync-number", "0")
    assert result.returncode == 2
    assert "server.realm_id" in result.stderr
    assert "digits" in result.stderr
    assert "sync.customer_sync_number" in result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "settings.json").read_text() == before


def test_token_with_inner_space_is_refused(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--access-token", "abc def")
    assert result.returncode == 2
    assert "one piece" in result.stderr
    assert not (tmp_path / "secrets.json").exists()


def test_unknown_template_variable_is_refused(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--invoice-description", "Inv %PROJEC_NUMBER%")
    assert result.returncode == 2
    assert "PROJEC_NUMBER" in result.stderr


def test_usage_error_exits_2(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--posting-mode", "weekly")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_status_names_the_profile_folder(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "status", "--json")
    assert result.returncode == 0, result.stderr
    status = json.loads(result.stdout)
    assert status["profile"] == {"folder": str(tmp_path), "chosen_by": "--profile"}
    assert status["vault"]["encrypted"] is False
    text = run_cli(tmp_path, "status")
    assert f"Profile folder: {tmp_path}" in text.stdout


def test_a_secret_starting_with_a_dash_goes_in_with_an_equals_sign(tmp_path: Path) -> None:
    result = run_cli(tmp_path, "configure", "--client-secret=-starts-with-a-dash")
    assert result.returncode == 0, result.stderr
    secrets = json.loads((tmp_path / "secrets.json").read_text())
    assert secrets["client_secret"] == "-starts-with-a-dash"
