"""Ledger v5 on real SQLite: applied payments, the body last synced, fields edited in QuickBooks."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import DocumentKind
from qbconnector.quickbooks.cdc import CdcChange
from qbconnector.storage.ledger import (
    AppliedPayment,
    Attempt,
    CustomerLink,
    FieldDifference,
    Ledger,
    Operation,
)
from qbconnector.storage.ledger_schema import Pulled, PulledState, differences_from_json
from qbconnector.sync.pull_links import store_links

INVOICE = DocumentKind.INVOICE


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.sqlite3", who="alice") as opened:
        yield opened


def _part(payment_id: str, number: str, amount: str, date: str = "2026-03-01") -> AppliedPayment:
    return AppliedPayment(payment_id, INVOICE, number, date, Decimal(amount), "CHQ-" + payment_id)


def test_payments_are_kept_per_document_oldest_first_as_decimal(ledger: Ledger) -> None:
    ledger.replace_payment("9", [_part("9", "F1", "40.10", "2026-03-05")])
    ledger.replace_payment("8", [_part("8", "F1", "10.00", "2026-03-01"), _part("8", "F2", "5")])
    assert ledger.payments(INVOICE, "F1") == [
        _part("8", "F1", "10.00", "2026-03-01"), _part("9", "F1", "40.10", "2026-03-05")
    ]  # fmt: skip
    assert ledger.payments(INVOICE, "F1")[1].amount == Decimal("40.10")
    assert [p.number for p in ledger.payments(INVOICE, "F2")] == ["F2"]


def test_a_payment_replaced_or_deleted_leaves_only_what_quickbooks_holds(ledger: Ledger) -> None:
    ledger.replace_payment("8", [_part("8", "F1", "10"), _part("8", "F2", "5")])
    ledger.replace_payment("8", [_part("8", "F2", "15")])  # re-applied in QuickBooks
    assert ledger.payments(INVOICE, "F1") == []
    assert [p.amount for p in ledger.payments(INVOICE, "F2")] == [Decimal(15)]
    ledger.replace_payment("8", [])  # deleted
    assert ledger.payments(INVOICE, "F2") == []


def test_the_body_synced_is_kept_when_the_payload_is_cleared(ledger: Ledger) -> None:
    body = '{"DocNumber": "F1", "DueDate": "2026-12-31"}'
    ledger.begin_attempts([Attempt(INVOICE, "F1", Operation.CREATE, body, "h", "r1", "b1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="5", sync_token="0")
    row = ledger.get(INVOICE, "F1")
    assert row is not None
    assert (row.payload, row.synced_payload) == (None, body)
    # A reconciliation that marks it synced again without a new attempt keeps that body.
    ledger.mark_synced(INVOICE, "F1", qbo_id="5", sync_token="1")
    again = ledger.get(INVOICE, "F1")
    assert again is not None
    assert again.synced_payload == body


def test_edited_fields_are_stored_and_read_back(ledger: Ledger) -> None:
    ledger.begin_attempts([Attempt(INVOICE, "F1", Operation.CREATE, "{}", "h", "r1", "b1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="5", sync_token="0")
    edits = (FieldDifference("DueDate", "2026-12-31", "2027-01-15"),
             FieldDifference("Line[1].Amount", "100.00", "90.00"))  # fmt: skip
    pulled = Pulled(INVOICE, "F1", PulledState.EDITED, Decimal("90.00"), "t", True, None, "f",
                    "1", edits)  # fmt: skip
    ledger.store_pulled([pulled])
    row = ledger.get(INVOICE, "F1")
    assert row is not None
    assert row.edited_fields == list(edits)
    ledger.store_pulled([Pulled(INVOICE, "F1", PulledState.PAID, Decimal(0), "t", False, None,
                                "f", "2")])  # fmt: skip
    cleared = ledger.get(INVOICE, "F1")
    assert cleared is not None
    assert cleared.edited_fields == []


def test_unreadable_differences_read_as_none() -> None:
    assert differences_from_json("not json") == []
    assert differences_from_json('[{"sent": 1}]') == []
    assert differences_from_json(None) == []


def test_a_pull_drops_the_link_to_a_customer_deleted_in_quickbooks(ledger: Ledger) -> None:
    ledger.link_customer(CustomerLink("C1", "Bird", "7", "CAD"), how="found")
    ledger.link_customer(CustomerLink("C2", "Owl", "8", "CAD"), how="found")
    tombstone = CdcChange("Customer", "7", True, "2026-03-04T10:00:00-08:00",
                          {"Id": "7", "status": "Deleted"})  # fmt: skip
    edited = CdcChange("Customer", "8", False, "2026-03-04T10:00:00-08:00", {"Id": "8"})
    store_links(ledger, [tombstone, edited], [])
    assert set(ledger.customers()) == {"C2"}
    (entry,) = [e for e in ledger.history() if e.action == "customer-pull"]
    assert (entry.result, entry.message) == ("unlinked", "QuickBooks customer 7 was deleted")


def test_a_pull_stores_a_payment_whose_invoice_did_not_change(ledger: Ledger) -> None:
    ledger.begin_attempts([Attempt(INVOICE, "F1", Operation.CREATE, "{}", "h", "r1", "b1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="55", sync_token="0")
    line = {"Amount": 12.5, "LinkedTxn": [{"TxnId": "55", "TxnType": "Invoice"}]}
    payment = CdcChange("Payment", "90", False, "2026-03-04T10:00:00-08:00",
                        {"Id": "90", "TxnDate": "2026-03-04", "Line": [line]})  # fmt: skip
    store_links(ledger, [payment], ledger.pushed())
    assert [(p.amount, p.reference) for p in ledger.payments(INVOICE, "F1")] == [
        (Decimal("12.50"), None)]  # fmt: skip
