"""`qbconnector pull` in depth against the sandbox: payments listed, fields edited, paging."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from qbconnector.core.documents import DocumentKind
from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Attempt, Ledger, Operation
from qbconnector.sync.pull import pull
from tests.cli_helpers import run_cli
from tests.integration import client_helpers
from tests.integration.client_helpers import ClientFactory
from tests.integration.conftest import SandboxFactory
from tests.integration.pullback_support import stored
from tests.integration.test_pull import _by_number, _pull, _pushed, _qbo_id

client_for = client_helpers.client_for  # the fixture, shared with the other client tests


def test_partial_then_full_payment_lists_each_payment(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    assert _by_number(output)[invoice.number]["payments"] == []
    qbo_id = _qbo_id(output, invoice.number)
    server.record_payment(qbo_id, Decimal("100.00"), payment_ref_num="CHQ-1")
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], entry["balance"]) == ("partially-paid", str(invoice.total - 100))
    (first,) = entry["payments"]
    assert (Decimal(first["amount"]), first["reference"]) == (Decimal(100), "CHQ-1")
    server.record_payment(qbo_id, invoice.total - 100, payment_ref_num="WIRE 7")
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], Decimal(entry["balance"])) == ("paid", 0)
    amounts = sorted(Decimal(p["amount"]) for p in entry["payments"])
    assert amounts == sorted([Decimal(100), invoice.total - 100])
    assert {p["reference"] for p in entry["payments"]} == {"CHQ-1", "WIRE 7"}
    text = run_cli(profile, "pull")
    assert text.returncode == 0, text.stderr
    assert f"  payment {first['date']}: 100.00, reference CHQ-1" in text.stdout


def test_a_deleted_payment_gives_the_balance_and_payments_back(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, *_rest) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    qbo_id = _qbo_id(output, invoice.number)
    payment = server.record_payment(qbo_id, Decimal("25.00"))
    _, output = _pull(profile)
    assert len(_by_number(output)[invoice.number]["payments"]) == 1
    server.delete_in_quickbooks("Payment", str(payment["Id"]))
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert (entry["state"], entry["balance"], entry["payments"]) == (
        "unpaid", str(invoice.total), [])  # fmt: skip


def test_fields_edited_in_quickbooks_are_reported_with_both_values(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile, (invoice, other, *_rest) = _pushed(server, tmp_path)
    _, output = _pull(profile)
    qbo_id = _qbo_id(output, invoice.number)
    record = stored(server, "Invoice", qbo_id)
    first_line = next(line for line in record["Line"] if line.get("Id"))
    new_due = "2099-01-15"
    new_amount = Decimal(first_line["Amount"]) - 10
    server.edit_in_quickbooks("Invoice", qbo_id, changes={"DueDate": new_due},
                              line_amounts={str(first_line["Id"]): new_amount})  # fmt: skip
    _, output = _pull(profile)
    entry = _by_number(output)[invoice.number]
    assert entry["state"] == "edited-in-quickbooks"
    edits = {edit["field"]: (edit["sent"], edit["now"]) for edit in entry["edited_fields"]}
    assert edits["DueDate"] == (record["DueDate"], new_due)
    assert edits["Line[1].Amount"] == (f"{Decimal(first_line['Amount']):.2f}", f"{new_amount:.2f}")
    assert "TotalAmt" in edits
    assert _by_number(output)[other.number]["edited_fields"] == []
    text = run_cli(profile, "pull")
    assert text.returncode == 0, text.stderr
    assert f"due date {record['DueDate']} → {new_due}" in text.stdout
    assert f"line 1 amount {Decimal(first_line['Amount']):.2f} → {new_amount:.2f}" in text.stdout


def _seed_invoices(server: SandboxServer, ledger: Ledger, count: int) -> dict[str, str]:
    """``count`` invoices made in-process (fast) and ledger rows as if we had pushed them."""
    company, numbers = server.company, {}
    with company.lock:
        ctx = WriteContext(company.state)
        customer = company.create("Customer", {"DisplayName": "Bulk client"}, ctx)
        gst = {"value": server.tax_code_id("GST")}
        for index in range(count):
            detail = {"ItemRef": {"value": "1"}, "TaxCodeRef": gst}
            line = {"DetailType": "SalesItemLineDetail", "Amount": Decimal(100),
                    "SalesItemLineDetail": detail}  # fmt: skip
            body = {"CustomerRef": {"value": customer["Id"]}, "Line": [line],
                    "DocNumber": f"B{index}", "DueDate": "2099-12-31"}  # fmt: skip
            numbers[f"B{index}"] = str(company.create("Invoice", body, ctx)["Id"])
    attempts = [Attempt(DocumentKind.INVOICE, number, Operation.CREATE, "{}", "h", f"r{number}",
                        "b") for number in numbers]  # fmt: skip
    with ledger.transaction():
        ledger.begin_attempts(attempts)
        for number, qbo_id in numbers.items():
            ledger.mark_synced(DocumentKind.INVOICE, number, qbo_id=qbo_id, sync_token="0")
    return numbers


def test_a_pull_pages_past_1000_changed_invoices_and_stores_them_all(
    sandbox_factory: SandboxFactory, client_for: ClientFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    client = client_for(server)
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        numbers = _seed_invoices(server, ledger, 1050)
        server.record_payment(numbers["B1049"], Decimal("40.00"))
        before = server.limiter.stats()["admitted"]
        result = pull(client, ledger, now=lambda: server.company.clock.now().astimezone(dt.UTC))
        assert server.limiter.stats()["admitted"] - before >= 2  # Invoice asked twice
        states = {row.number: row.qbo_state for row in result.rows}
        assert len(states) == 1050
        assert set(states.values()) == {"unpaid", "partially-paid"}
        assert states["B1049"] == "partially-paid"
        assert [p.amount for p in ledger.payments(DocumentKind.INVOICE, "B1049")] == [
            Decimal("40.00")]  # fmt: skip
        assert result.changed == 1050


def test_beyond_30_days_a_pull_finds_older_changes_by_query_and_says_so(
    sandbox_factory: SandboxFactory, client_for: ClientFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    client = client_for(server)
    clock = server.company.clock

    def now() -> dt.datetime:
        return clock.now().astimezone(dt.UTC)

    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        numbers = _seed_invoices(server, ledger, 3)
        pull(client, ledger, now=now)
        server.advance_clock(2)
        server.record_payment(numbers["B0"], Decimal("30.00"), payment_ref_num="OLD")
        server.delete_in_quickbooks("Invoice", numbers["B1"])  # too old to be seen
        server.advance_clock(31 * 86400)  # the payment is now beyond CDC's 30 days
        server.record_payment(numbers["B2"], Decimal("5.00"))  # and this one within them
        result = pull(client, ledger, now=now)
        states = {row.number: (row.qbo_state, row.qbo_balance) for row in result.rows}
        assert states["B0"][0] == "partially-paid"
        assert [p.reference for p in ledger.payments(DocumentKind.INVOICE, "B0")] == ["OLD"]
        assert states["B2"][0] == "partially-paid"
        assert states["B1"][0] == "unpaid"  # deleted more than 30 days ago: not visible
        assert result.note is not None
        assert result.note_text is not None
        assert "deletion older than 30 days cannot be found" in result.note
        assert result.note_text.template.startswith("The last pull read changes up to {cursor}")


def test_changes_by_query_page_past_1000_with_decimal_amounts(
    sandbox_factory: SandboxFactory, client_for: ClientFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    client = client_for(server)
    after = (server.company.clock.now() - dt.timedelta(seconds=5)).isoformat()
    with Ledger.open(tmp_path / "ledger.sqlite3") as ledger:
        _seed_invoices(server, ledger, 1050)
    found = client.changed_after("Invoice", after)
    assert len({change.entity_id for change in found.changes}) == 1050
    assert len(found.intuit_tids) == 2  # 1000, then 50
    assert isinstance(found.changes[0].record["TotalAmt"], Decimal)
    later = dt.datetime.fromisoformat(found.changes[-1].last_updated)
    # After the last one, in whole seconds: only that second's objects come back again.
    again = client.changed_after("Invoice", later.isoformat())
    second = later.replace(microsecond=0)
    assert len(again.changes) < 1050
    assert all(dt.datetime.fromisoformat(c.last_updated) >= second for c in again.changes)
    assert client.changed_after("Invoice", (second + dt.timedelta(seconds=1)).isoformat()
                                ).changes == ()  # fmt: skip
