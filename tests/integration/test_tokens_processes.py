"""Two processes refreshing one profile's tokens at the same moment: no lost rotation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.tokens import TokenManager
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.vault import REFRESH_TOKEN
from tests.integration.client_helpers import FileVault

ROOT = Path(__file__).resolve().parents[2]


def _manager(sandbox: SandboxServer, profile: Path) -> TokenManager:
    return TokenManager(
        FileVault(profile / "vault.json"),
        OAuthSettings(sandbox.client_id, sandbox.client_secret, sandbox.discovery_url),
        lock_file=profile / "token-refresh.lock",
        state_file=profile / "token-state.json",
    )


@pytest.fixture
def connected_profile(sandbox: SandboxServer, tmp_path: Path) -> Path:
    grant = sandbox.issue_tokens()
    _manager(sandbox, tmp_path).save_connection(grant["refresh_token"], grant["access_token"])
    return tmp_path


@pytest.fixture
def spawn(sandbox: SandboxServer, connected_profile: Path) -> Iterator[object]:
    workers: list[subprocess.Popen[str]] = []
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "QB_CLIENT_SECRET": sandbox.client_secret,
    }

    def start(mode: str, rounds: int = 1) -> subprocess.Popen[str]:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tests.integration.token_worker",
                *("--profile", str(connected_profile), "--client-id", sandbox.client_id),
                *("--discovery", sandbox.discovery_url, "--api", sandbox.api_base_url),
                *("--realm", sandbox.realm_id, "--mode", mode, "--rounds", str(rounds)),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
            cwd=ROOT,
        )
        workers.append(worker)
        return worker

    yield start
    for worker in workers:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        for stream in (worker.stdin, worker.stdout):
            if stream is not None:
                stream.close()


def _run_together(workers: list[subprocess.Popen[str]], before_go: object = None) -> list[dict]:
    for worker in workers:
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == "ready"
    if callable(before_go):
        before_go()
    for worker in workers:
        assert worker.stdin is not None
        worker.stdin.write("go\n")
        worker.stdin.flush()
    reports = []
    for worker in workers:
        output, _ = worker.communicate(timeout=60)
        reports.append(json.loads(output.strip().splitlines()[-1]))
    return reports


def _rotations(sandbox: SandboxServer) -> int:
    # Every refresh token the sandbox ever issued, less the one from the original grant.
    return len(sandbox.company.state.oauth["refresh"]) - 1


def test_simultaneous_401s_in_two_processes_rotate_once(
    sandbox: SandboxServer, connected_profile: Path, spawn
) -> None:
    workers = [spawn("401"), spawn("401")]
    reports = _run_together(workers, before_go=sandbox.expire_access_token)
    assert all("error" not in report for report in reports), reports
    assert sum(report["refreshes"] for report in reports) == 1
    assert _rotations(sandbox) == 1
    _assert_vault_holds_the_newest_token(sandbox, connected_profile)


def test_concurrent_forced_refreshes_never_lose_a_rotation(
    sandbox: SandboxServer, connected_profile: Path, spawn
) -> None:
    workers = [spawn("force", rounds=5), spawn("force", rounds=5)]
    reports = _run_together(workers)
    assert all("error" not in report for report in reports), reports
    assert sum(report["refreshes"] for report in reports) == 10
    assert _rotations(sandbox) == 10  # one rotation per refresh, each from the newest token
    _assert_vault_holds_the_newest_token(sandbox, connected_profile)


def _assert_vault_holds_the_newest_token(sandbox: SandboxServer, profile: Path) -> None:
    issued = sandbox.company.state.oauth["refresh"]
    live = [token for token, record in issued.items() if record["superseded"] is None]
    assert FileVault(profile / "vault.json").get(REFRESH_TOKEN) == live[-1]
    manager = _manager(sandbox, profile)
    manager.refresh_now()  # the saved token works (the sandbox allows no grace period)
    assert manager.refresh_count == 1
