"""Profiles wired to a sandbox for `qbconnector sync` subprocess tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

from qbconnector.core.documents import Document
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.server import SandboxServer
from tests.cli_helpers import REPO, run_cli
from tests.integration.sync_support import service_ids


def cli_env() -> dict[str, str]:
    """The environment run_cli uses: this checkout, no system keyring."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("QBCONNECTOR_PROFILE", None)
    return env


def sync_command(profile: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "qbconnector", "--profile", str(profile), "sync", *args]


def configure_profile(profile: Path, server: SandboxServer, *extra: str) -> None:
    """Point a profile at ``server`` with a fresh grant and the Translation service."""
    grant = server.issue_tokens()
    done = run_cli(
        profile, "configure", "--enabled", "--environment", "custom",
        "--api-base-url", server.api_base_url, "--discovery-url", server.discovery_url,
        "--realm-id", server.realm_id, "--client-id", server.client_id,
        # --option=VALUE: a generated secret may start with "-", which argparse would
        # otherwise take for an option.
        f"--client-secret={server.client_secret}", f"--refresh-token={grant['refresh_token']}",
        f"--access-token={grant['access_token']}", "--service", service_ids(server)["Translation"],
        *extra,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    # The tax codes are looked up by name with the connection saved above.
    taxes = run_cli(
        profile, "configure", "--map-tax=TPS-TVQ=GST/QST QC - 9.975", "--map-tax=TVH-ON=HST ON",
        "--map-tax=TPS-TVP-BC=GST/PST BC - 7", "--untaxed-tax-code=Exempt",
    )  # fmt: skip
    assert taxes.returncode == 0, taxes.stderr


def store_documents(profile: Path, documents: Iterable[Document]) -> None:
    with DocumentStore.open(profile / "documents.sqlite3") as store:
        store.upsert_many(documents)


def run_sync(profile: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return run_cli(profile, "sync", *args, timeout=timeout)
