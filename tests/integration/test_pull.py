"""`qbconnector pull` against the sandbox: payments, estimate status, edits, deletions."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.pull import CURSOR
from tests.cli_helpers import run_cli
from tests.integration.cli_sync_support import configure_profile, run_sync, store_documents
from tests.integration.conftest import QboSession, SandboxFactory
from tests.integration.sync_support import in_home_currency, sample


def _pull(profile: Path) -> tuple[subprocess.CompletedProcess[str], dict[str, Any]]:
    done = run_cli(profile, "pull", "--json")
    assert done.returncode == 0, done.stderr
    return done, json.loads(done.stdout)


def _by_number(output: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {entry["number"]: entry for entry in output["documents"]}


def _pushed(
    server: SandboxServer, tmp_path: Path, due_in_days: int = 365
) -> tuple[Path, list[Document]]:
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    # Due in a year by default: "unpaid", not "overdue".
    due = dt.date.today() + dt.timedelta(days=due_in_days)
    documents = [dataclasses.replace(doc, due_date=due) for doc in in_home_currency(sample(12))]
    invoices = [doc for doc in documents if doc.kind is DocumentKind.INVOICE][:3]
    quotes = [doc for doc in documents if doc.kind is DocumentKind.QUOTE][:1]
    assert (len(invoices), len(quotes)) == (3, 1)
    store_documents(profile, [*invoices, *quotes])
    assert run_sync(profile).returncode == 0
    return profile, [*invoices, *quotes]


def _qbo_id(output: dict[str, Any], number: str) -> str:
    return str(_by_number(output)[number]["qbo_id"])


def test_first_pull_shows_every_pushed_document_open(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (first, second, third, quote) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    states = {number: entry["state"] for number, entry in _by_number(output).items()}
    assert states == {first.number: "unpaid", second.number: "unpaid", third.number: "unpaid",
                      quote.number: "pending"}  # fmt: skip
    assert _by_number(output)[first.number]["balance"] == str(first.total)
    assert _by_number(output)[quote.number]["balance"] is None
    assert "note" not in output


def test_open_invoice_becomes_overdue_when_its_due_date_passes(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path, due_in_days=1)
    _, output = _pull(profile)
    assert _by_number(output)[invoice.number]["state"] == "unpaid"
    server.advance_clock(3 * 86400)  # nothing changes in QuickBooks; the due date passes
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], entry["balance"]) == ("overdue", str(invoice.total))


def test_partial_then_full_payment(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    qbo_id = _qbo_id(output, invoice.number)
    server.record_payment(qbo_id, Decimal("100.00"))
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], entry["balance"]) == ("partially-paid", str(invoice.total - 100))
    server.record_payment(qbo_id, invoice.total - 100)
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], Decimal(entry["balance"])) == ("paid", 0)


def test_estimate_accepted_then_converted(
    sandbox_factory: SandboxFactory, tmp_path: Path, qbo_for: Any
) -> None:
    server = sandbox_factory()
    profile, (*_invoices, quote) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    estimate_id = _qbo_id(output, quote.number)
    server.set_estimate_status(estimate_id, "Accepted", accepted_by="Client")
    _, output = _pull(profile)
    assert _by_number(output)[quote.number]["state"] == "accepted"
    _convert(qbo_for(server), server, estimate_id)
    _, output = _pull(profile)
    assert _by_number(output)[quote.number]["state"] == "converted"


def _convert(qbo: QboSession, server: SandboxServer, estimate_id: str) -> None:
    """Make an invoice from the estimate, as "Create invoice" does in QuickBooks."""
    (estimate,) = [row for row in server.entities("Estimate") if row["Id"] == estimate_id]
    lines = [
        {key: line[key] for key in ("Amount", "DetailType", "SalesItemLineDetail")}
        for line in estimate["Line"]
        if line.get("DetailType") == "SalesItemLineDetail"
    ]
    body = {"CustomerRef": estimate["CustomerRef"], "Line": lines,
            "LinkedTxn": [{"TxnId": estimate_id, "TxnType": "Estimate"}]}  # fmt: skip
    # JSON numbers for the amounts (two decimals: exact enough as floats on the wire).
    answer = qbo.post("invoice", json.loads(json.dumps(body, default=float)))
    assert answer.status_code == 200, answer.text


def test_edited_deleted_and_voided_invoices(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (edited, deleted, voided, _quote) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    memo = {"CustomerMemo": {"value": "Changed in QuickBooks"}}
    server.edit_in_quickbooks("Invoice", _qbo_id(output, edited.number), changes=memo)
    server.delete_in_quickbooks("Invoice", _qbo_id(output, deleted.number))
    server.void_in_quickbooks(_qbo_id(output, voided.number))
    _, output = _pull(profile)
    states = {number: entry["state"] for number, entry in _by_number(output).items()}
    assert states[edited.number] == "edited-in-quickbooks"
    assert states[deleted.number] == "deleted-in-quickbooks"
    assert states[voided.number] == "deleted-in-quickbooks"
    # A payment after the edit keeps the edit flagged (the row stays edited in QuickBooks).
    server.record_payment(_qbo_id(output, edited.number), Decimal("1.00"))
    _, output = _pull(profile)
    assert _by_number(output)[edited.number]["state"] == "edited-in-quickbooks"
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        row = ledger.get(DocumentKind.INVOICE, edited.number)
        assert row is not None
        assert (row.qbo_edited, row.qbo_balance) == (1, str(edited.total - 1))


def test_second_pull_with_nothing_new_changes_nothing(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    server.record_payment(_qbo_id(output, invoice.number), Decimal("10.00"))
    _, first = _pull(profile)
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        rows, cursor = ledger.rows(), ledger.cursor(CURSOR)
    _, second = _pull(profile)
    assert second["documents"] == first["documents"]
    assert second["since"] == cursor
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        assert ledger.rows() == rows
    text = run_cli(profile, "pull")
    assert text.returncode == 0, text.stderr
    assert "0 document(s) changed" in text.stdout
    (line,) = [
        line for line in text.stdout.splitlines() if line.startswith(f"invoice {invoice.number} ")
    ]
    assert f"partially-paid, balance {invoice.total - 10}" in line


def test_last_pull_beyond_30_days_reads_the_30_days_and_says_so(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path)
    long_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=31)
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        ledger.set_cursor(CURSOR, long_ago.isoformat(timespec="milliseconds"))
    _, output = _pull(profile)
    assert "more than 30 days ago" in output["note"]
    assert dt.datetime.fromisoformat(output["since"]) > long_ago + dt.timedelta(days=1)
    assert _by_number(output)[invoice.number]["state"] == "unpaid"


def test_unreachable_quickbooks_exits_4(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    server = sandbox_factory()
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    server.stop()
    done = run_cli(profile, "pull", "--json", timeout=120)
    assert done.returncode == 4, done.stderr


def test_refused_refresh_token_exits_3(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    server = sandbox_factory()
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    server.expire_access_token()
    server.revoke_token(json.loads((profile / "secrets.json").read_text())["refresh_token"])
    done = run_cli(profile, "pull", "--json")
    assert done.returncode == 3
    assert "reconnect" in done.stderr.lower()
