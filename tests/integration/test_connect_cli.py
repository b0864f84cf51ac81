"""`qbconnector connect` and `disconnect` in a subprocess, the sandbox playing Intuit."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qbconnector.sandbox.consent import OTHER_REALM
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import REFRESH_TOKEN, FileVault
from tests.cli_helpers import run_cli
from tests.connect_support import free_redirect_uri, prepare_profile
from tests.consent_browser import consent, follow
from tests.integration.cli_sync_support import cli_env


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile", "--profile").ensure()


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def vault_of(profile: Profile) -> FileVault:
    return FileVault(profile.vault_file)  # run_cli switches the keyring off


def start_connect(
    processes: list[subprocess.Popen[str]], profile: Profile, *args: str
) -> tuple[subprocess.Popen[str], str]:
    command = [sys.executable, "-m", "qbconnector", "--profile", str(profile.root), "connect"]
    process = subprocess.Popen(
        [*command, "--no-browser", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=cli_env(),
    )
    processes.append(process)
    assert process.stdout is not None
    url = process.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), url if url else process.stderr.read()
    return process, url


def finish(process: subprocess.Popen[str], stdin: str | None = None) -> tuple[int, str, str]:
    out, err = process.communicate(stdin, timeout=30)
    return process.returncode, out, err


def test_connect_through_the_listener_saves_realm_and_tokens(
    profile: Profile, sandbox: SandboxServer, processes: list[subprocess.Popen[str]]
) -> None:
    prepare_profile(profile, vault_of(profile), sandbox, redirect_uri=free_redirect_uri())
    process, url = start_connect(processes, profile)

    follow(consent(url))
    code, out, err = finish(process)

    assert code == 0, err
    assert f"realm ID {sandbox.realm_id}" in out
    assert sandbox.company.state.company_name in out
    assert SettingsFile(profile.settings_file).load().settings.server.realm_id == sandbox.realm_id
    assert vault_of(profile).get(REFRESH_TOKEN)


def test_pasted_url_with_a_redirect_uri_option(
    profile: Profile, sandbox: SandboxServer, processes: list[subprocess.Popen[str]]
) -> None:
    prepare_profile(profile, vault_of(profile), sandbox)
    hosted = "https://connect.example.com/qbconnector/callback"
    process, url = start_connect(processes, profile, "--redirect-uri", hosted)

    code, out, err = finish(process, consent(url) + "\n")

    assert code == 0, err
    assert "Connected to" in out


@pytest.mark.parametrize("case", ["deny", "state", "no-code", "other-company"])
def test_refusals_exit_2_and_keep_the_connection(
    profile: Profile, sandbox: SandboxServer, processes: list[subprocess.Popen[str]], case: str
) -> None:
    before = prepare_profile(profile, vault_of(profile), sandbox, connected=True)
    process, url = start_connect(processes, profile)
    answers = {
        "deny": lambda: consent(url, decision="deny"),
        "state": lambda: consent(url).replace("state=", "state=x"),
        "no-code": lambda: "https://developer.intuit.com/v2/OAuth2Playground/RedirectUrl",
        "other-company": lambda: consent(url, realm=OTHER_REALM),
    }

    code, out, err = finish(process, answers[case]() + "\n")

    assert code == 2, err
    assert out == ""  # standard output had the URL alone (read above), then nothing
    expected = {
        "deny": "declined",
        "state": "state differs",
        "no-code": "no authorization code",
        "other-company": "--switch-company",
    }
    assert expected[case] in err
    assert vault_of(profile).get(REFRESH_TOKEN) == before[REFRESH_TOKEN]


def test_listener_timeout_exits_2(profile: Profile, sandbox: SandboxServer) -> None:
    prepare_profile(profile, vault_of(profile), sandbox, redirect_uri=free_redirect_uri())

    done = run_cli(profile.root, "connect", "--no-browser", "--timeout", "0.5")

    assert done.returncode == 2
    assert "within 0.5 seconds" in done.stderr
    assert done.stdout.count("\n") == 1


def test_token_endpoint_unreachable_exits_4(
    profile: Profile, sandbox: SandboxServer, processes: list[subprocess.Popen[str]]
) -> None:
    prepare_profile(profile, vault_of(profile), sandbox)
    process, url = start_connect(processes, profile)
    location = consent(url)
    sandbox.stop()

    code, _out, err = finish(process, location + "\n")

    assert code == 4, err
    assert vault_of(profile).get(REFRESH_TOKEN) is None


def test_disconnect_online_then_offline(profile: Profile, sandbox: SandboxServer) -> None:
    prepare_profile(profile, vault_of(profile), sandbox, connected=True)

    online = run_cli(profile.root, "disconnect")
    status = json.loads(run_cli(profile.root, "status", "--json").stdout)

    assert online.returncode == 0, online.stderr
    assert "revoked" in online.stdout
    assert online.stderr == ""
    assert status["tokens"]["refresh_token_saved"] is False

    prepare_profile(profile, vault_of(profile), sandbox, connected=True)
    sandbox.stop()
    offline = run_cli(profile.root, "disconnect")

    assert offline.returncode == 0
    assert "removed from this computer" in offline.stdout
    assert "revoke could not be sent" in offline.stderr
    assert vault_of(profile).get(REFRESH_TOKEN) is None


def test_configure_redirect_uri_is_validated_and_saved(profile: Profile) -> None:
    refused = run_cli(profile.root, "configure", "--redirect-uri", "http://example.com/callback")
    saved = run_cli(profile.root, "configure", "--redirect-uri", "http://localhost:8765/callback")

    assert refused.returncode == 2
    assert "not encrypted" in refused.stderr
    assert saved.returncode == 0, saved.stderr
    assert "Redirect URI: http://localhost:8765/callback" in saved.stdout
