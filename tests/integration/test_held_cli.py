"""`qbconnector sync` with held documents: the `held` list, the hint, `--push-anyway`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from tests.integration.cli_sync_support import configure_profile, run_sync, store_documents
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import in_home_currency, sample


def _setup(server: SandboxServer, tmp_path: Path) -> tuple[Path, Document, str]:
    """A profile with one pushed invoice, edited in QuickBooks, then changed in FlowFit."""
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    invoice = next(doc for doc in in_home_currency(sample(6)) if doc.kind is DocumentKind.INVOICE)
    invoice = dataclasses.replace(invoice, due_date=dt.date.today() + dt.timedelta(days=30))
    store_documents(profile, [invoice])
    assert run_sync(profile).returncode == 0
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        row = ledger.get(invoice.kind, invoice.number)
    assert row is not None
    qbo_id = str(row.qbo_id)
    server.edit_in_quickbooks("Invoice", qbo_id, changes={"CustomerMemo": {"value": "Theirs"}})
    assert invoice.due_date is not None
    changed = dataclasses.replace(invoice, due_date=invoice.due_date + dt.timedelta(days=7))
    store_documents(profile, [changed])
    return profile, changed, qbo_id


def _due_date(server: SandboxServer, qbo_id: str) -> str:
    return str(next(r for r in server.entities("Invoice") if r["Id"] == qbo_id)["DueDate"])


def test_held_update_is_listed_and_pushed_anyway(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, changed, qbo_id = _setup(server, tmp_path)
    before = _due_date(server, qbo_id)
    dry = run_sync(profile, "--dry-run", "--json")  # learns of the edit as a run would
    assert dry.returncode == 1, dry.stderr
    (planned,) = json.loads(dry.stdout)["plan"]
    assert (planned["action"], planned["reason"], planned["state"]) == (
        "held", "edited-in-quickbooks", "edited-in-quickbooks")  # fmt: skip
    assert "payload" not in planned
    done = run_sync(profile, "--json")
    assert done.returncode == 1, done.stderr
    (held,) = json.loads(done.stdout)["held"]
    assert {key: held[key] for key in ("kind", "number", "reason", "state")} == {
        "kind": "invoice", "number": changed.number, "reason": "edited-in-quickbooks",
        "state": "edited-in-quickbooks",
    }  # fmt: skip
    assert "edited in QuickBooks" in held["message"]
    assert _due_date(server, qbo_id) == before
    text = run_sync(profile)
    assert f"invoice {changed.number}: held: " in text.stdout
    assert f"qbconnector sync --push-anyway {changed.number}" in text.stdout
    assert text.stdout.strip().endswith("1 held.")
    pushed = run_sync(profile, "--json", "--push-anyway", f"invoice:{changed.number}")
    assert pushed.returncode == 0, pushed.stderr
    output = json.loads(pushed.stdout)
    assert (output["held"], output["synced"][0]["action"]) == ([], "update")
    assert _due_date(server, qbo_id) == str(changed.due_date)


def test_push_anyway_refuses_unknown_numbers_and_watch(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, _changed, _qbo_id = _setup(server, tmp_path)
    unknown = run_sync(profile, "--push-anyway", "NOPE-1")
    assert unknown.returncode == 2
    assert "--push-anyway NOPE-1: no document numbered NOPE-1" in unknown.stderr
    watch = run_sync(profile, "--watch", "--push-anyway", "NOPE-1")
    assert watch.returncode == 2
    assert "cannot be used with --watch" in watch.stderr
