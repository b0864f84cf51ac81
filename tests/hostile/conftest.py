"""Fixtures of the bad-input suite: a filled profile (settings, secrets, store, ledger) per test."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest

from qbconnector.core.documents import DocumentKind
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import Attempt, Operation
from tests.hostile.support import CLOSED_PORT_URL, DRY_RUN, REALM, run

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"


@pytest.fixture(autouse=True)
def file_vault(memory_keyring: object) -> Iterator[None]:
    """No keyring: the secrets live in secrets.json, so the snapshot covers them."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def _close_log_files() -> Iterator[None]:
    yield
    root = logging.getLogger("qbconnector")
    for handler in list(root.handlers):
        if getattr(handler, "qbconnector_file", False):
            root.removeHandler(handler)
            handler.close()


def _build(folder: Path) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        _fill(folder)
    finally:
        keyring.set_keyring(previous)


def _fill(folder: Path) -> None:
    done = run(
        "--profile", str(folder), "configure", "--enabled", "--realm-id", REALM,
        "--environment", "custom", "--api-base-url", CLOSED_PORT_URL,
        "--discovery-url", CLOSED_PORT_URL, "--client-id", "ABcid",
        "--refresh-token=RT1-hostile-refresh-token", "--access-token=AT-hostile-access",
        "--service", "1", "--auto-sync-invoices", "on",
    )  # fmt: skip
    assert done.code == 0, done.text
    imported = run("--profile", str(folder), "import", str(SAMPLES / "sample-documents.json"))
    assert imported.code == 0, imported.text
    with Ledger.open(folder / "ledger.sqlite3") as ledger:
        ledger.begin_attempts([_attempt("INV-1042", 1), _attempt("INV-1043", 2)])
        ledger.mark_synced(DocumentKind.INVOICE, "INV-1042", qbo_id="17", sync_token="0")
    # The first reads let SQLite's PRAGMA optimize record its statistics once; after that a
    # command that only reads leaves every byte as it was.
    for command in (("status",), ("documents",), DRY_RUN):
        run("--profile", str(folder), *command)


def _attempt(number: str, n: int) -> Attempt:
    body = f'{{"DocNumber": "{number}"}}'
    return Attempt(DocumentKind.INVOICE, number, Operation.CREATE, body, f"h{n}", f"r-{n}", f"b{n}")


@pytest.fixture(scope="session")
def template_profile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile") / "template"
    _build(folder)
    return folder


@pytest.fixture
def profile(template_profile: Path, tmp_path: Path) -> Path:
    """A copy of the filled profile, for one case to damage."""
    folder = tmp_path / "profile"
    shutil.copytree(template_profile, folder, ignore=shutil.ignore_patterns("logs"))
    return folder
