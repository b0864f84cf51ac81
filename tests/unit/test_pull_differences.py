"""What a pull compares: fields edited in QuickBooks, payments applied, customers deleted."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.quickbooks.cdc import CdcChange
from qbconnector.storage.ledger import FieldDifference, LedgerRow, Operation, RowState
from qbconnector.sync.differences import difference_line, differences, field_label
from qbconnector.sync.pull_links import applications

SENT = {
    "DocNumber": "F1", "TxnDate": "2026-12-01", "DueDate": "2026-12-31",
    "CustomerRef": {"value": "7"}, "PrivateNote": "FlowFit invoice F1 - client C1",
    "Line": [
        {"DetailType": "SalesItemLineDetail", "Amount": 100.0, "Description": "Translation",
         "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "TaxCodeRef": {"value": "3"}}},
        {"DetailType": "SalesItemLineDetail", "Amount": 20.0,
         "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "Qty": 2}},
    ],
}  # fmt: skip


def _row(**extra: Any) -> LedgerRow:
    fields = {"synced_payload": json.dumps(SENT), "qbo_total": "126.00", **extra}
    return LedgerRow(DocumentKind.INVOICE, "F1", RowState.SYNCED, Operation.CREATE, "55", "0",
                     "F1", "h", None, "r", "b", 1, None, "t", "t", "t", **fields)  # fmt: skip


def _record(**changes: Any) -> dict[str, Any]:
    record = json.loads(json.dumps(SENT), parse_float=Decimal)
    record.update({"Id": "55", "SyncToken": "3", "TotalAmt": Decimal("126.00"),
                   "Balance": Decimal("126.00"), "CurrencyRef": {"value": "CAD"}})  # fmt: skip
    record["Line"].append({"DetailType": "SubTotalLineDetail", "Amount": Decimal(120)})
    record.update(changes)
    return record


def test_nothing_differs_when_quickbooks_holds_what_we_sent() -> None:
    assert differences(_row(), _record()) == ()


def test_header_and_line_fields_edited_are_named_with_both_values() -> None:
    record = _record(DueDate="2027-01-15", CustomerRef={"value": "8", "name": "Other"},
                     TotalAmt=Decimal("115.50"))  # fmt: skip
    record["Line"][0]["Amount"] = Decimal("90.00")
    record["Line"][0]["SalesItemLineDetail"]["TaxCodeRef"] = {"value": "4"}
    record["Line"][1]["SalesItemLineDetail"]["Qty"] = Decimal("2.000")  # same quantity
    found = differences(_row(), record)
    assert found == (
        FieldDifference("CustomerRef", "7", "8"),
        FieldDifference("DueDate", "2026-12-31", "2027-01-15"),
        FieldDifference("Line[1].Amount", "100.00", "90.00"),
        FieldDifference("Line[1].TaxCodeRef", "3", "4"),
        FieldDifference("TotalAmt", "126.00", "115.50"),
    )
    assert [difference_line(d) for d in found[1:3]] == [
        "due date 2026-12-31 → 2027-01-15", "line 1 amount 100.00 → 90.00"]  # fmt: skip


def test_a_line_removed_in_quickbooks_is_counted() -> None:
    record = _record()
    del record["Line"][1]
    assert differences(_row(qbo_total=None), record) == (FieldDifference("Lines", "2", "1"),)


def test_without_the_body_sent_nothing_is_compared() -> None:
    assert differences(_row(synced_payload=None), _record(DueDate="2027-01-15")) == ()


def test_field_labels_are_sentences_and_unknown_fields_keep_their_name() -> None:
    assert str(field_label("Line[3].Qty")) == "line 3 quantity"
    assert field_label("Line[3].Qty").template == "line {line} quantity"
    assert str(field_label("DocNumber")) == "number"
    assert str(field_label("ShipAddr")) == "ShipAddr"


def _payment(lines: list[dict[str, Any]], deleted: bool = False) -> CdcChange:
    record = {"Id": "90", "TxnDate": "2026-03-04", "PaymentRefNum": "CHQ 12", "Line": lines}
    return CdcChange("Payment", "90", deleted, "2026-03-04T10:00:00-08:00", record)


def _applied(invoice_id: str, amount: str) -> dict[str, Any]:
    return {"Amount": Decimal(amount),
            "LinkedTxn": [{"TxnId": invoice_id, "TxnType": "Invoice"}]}  # fmt: skip


def test_a_payment_is_applied_per_pushed_invoice_and_summed_over_lines() -> None:
    invoices = {"55": _row()}
    change = _payment(
        [
            _applied("55", "30.00"),
            _applied("55", "12.50"),
            _applied("66", "9"),
            {"Amount": 5, "LinkedTxn": [{"TxnId": "55", "TxnType": "CreditMemo"}]},
        ]
    )
    (part,) = applications(change, invoices)
    assert (part.payment_id, part.number, part.date, part.amount, part.reference) == (
        "90", "F1", "2026-03-04", Decimal("42.50"), "CHQ 12")  # fmt: skip


def test_a_deleted_payment_applies_nothing() -> None:
    assert applications(_payment([_applied("55", "30")], deleted=True), {"55": _row()}) == []
