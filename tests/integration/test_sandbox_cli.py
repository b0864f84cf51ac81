"""`qbconnector sandbox` as a process: the JSON line, serving, SIGTERM, kill -9 and restart."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

ROOT = Path(__file__).resolve().parents[2]


def launch(*args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-m", "qbconnector", "sandbox", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def start(processes: list[subprocess.Popen[str]], *args: str) -> dict[str, Any]:
    process = launch(*args)
    processes.append(process)
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, process.stderr.read() if process.stderr else "no output"
    return json.loads(line)  # type: ignore[no-any-return]


def create_customer(info: dict[str, Any], name: str) -> requests.Response:
    return requests.post(
        f"{info['api_base_url']}/v3/company/{info['realm_id']}/customer",
        json={"DisplayName": name},
        headers={"Authorization": f"Bearer {info['access_token']}"},
        timeout=5,
    )


def test_prints_one_json_line_serves_and_stops_on_sigterm(
    processes: list[subprocess.Popen[str]],
) -> None:
    info = start(processes, "--no-limits", "--fault", "latency=1", "--realm", "4620816365")

    created = create_customer(info, "From CLI")
    discovery = requests.get(info["discovery_url"], timeout=5)
    processes[0].send_signal(signal.SIGTERM)

    assert set(info) >= {"api_base_url", "discovery_url", "admin_url", "client_id", "client_secret"}
    assert info["realm_id"] == "4620816365"
    assert info["api_base_url"].startswith("http://127.0.0.1:")
    assert created.status_code == 200
    assert discovery.json()["token_endpoint"].startswith(info["api_base_url"])
    assert processes[0].wait(timeout=10) == 0


def test_kill_and_restart_on_the_state_file(
    processes: list[subprocess.Popen[str]], tmp_path: Path
) -> None:
    state = str(tmp_path / "state.json")
    first = start(processes, "--state", state)
    assert create_customer(first, "Survivor").status_code == 200
    processes[0].kill()
    processes[0].wait(timeout=10)

    second = start(processes, "--state", state)

    assert second["client_secret"] == first["client_secret"]
    duplicate = create_customer({**second, "access_token": first["access_token"]}, "Survivor")
    assert duplicate.json()["Fault"]["Error"][0]["code"] == "6240"


def test_us_company_with_automated_sales_tax(processes: list[subprocess.Popen[str]]) -> None:
    info = start(processes, "--country", "US", "--currency", "USD", "--us-sales-tax-rate", "8.25")

    prefs = requests.get(
        f"{info['api_base_url']}/v3/company/{info['realm_id']}/preferences",
        headers={"Authorization": f"Bearer {info['access_token']}"},
        timeout=5,
    ).json()["Preferences"]
    company = requests.get(f"{info['admin_url']}/company", timeout=5).json()

    assert prefs["TaxPrefs"] == {"UsingSalesTax": True, "PartnerTaxEnabled": True}
    assert company["country"] == "US"
    assert company["us_sales_tax_rate"] == 8.25


@pytest.mark.parametrize(
    "args",
    [
        ["--host", "0.0.0.0"],
        ["--fault", "drop=2"],
        ["--time-scale", "0"],
        ["--country", "GB"],
        ["--us-sales-tax-rate", "5"],  # a Canadian company has no automated sales tax
        ["--country", "US", "--us-sales-tax-rate", "lots"],
    ],
)
def test_bad_arguments_exit_2(args: list[str]) -> None:
    process = launch(*args)
    _, stderr = process.communicate(timeout=20)

    assert process.returncode == 2
    assert "qbconnector sandbox:" in stderr
