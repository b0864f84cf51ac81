"""What a pull's Payment and Customer changes mean for the ledger: applied payments, stale links."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.quickbooks.cdc import CdcChange
from qbconnector.storage.ledger import AppliedPayment, Ledger, LedgerRow

__all__ = ["applications", "store_links"]

CENT = Decimal("0.01")  # QuickBooks keeps amounts in cents; JSON numbers may read 100.0


def applications(change: CdcChange, invoices: dict[str, LedgerRow]) -> list[AppliedPayment]:
    """The parts of a payment applied to pushed invoices (``invoices`` by QuickBooks Id), one
    per invoice (several lines on one invoice are added up); none for a deleted payment."""
    if change.deleted:
        return []
    record = change.record
    amounts: dict[str, Decimal] = {}
    for line in record.get("Line") or []:
        if not isinstance(line, dict):
            continue
        for invoice_id in _invoice_links(line):
            if invoice_id in invoices:
                amount = Decimal(str(line.get("Amount", 0)))
                amounts[invoice_id] = amounts.get(invoice_id, Decimal(0)) + amount
    date = str(record["TxnDate"]) if record.get("TxnDate") else None
    reference = str(record["PaymentRefNum"]) if record.get("PaymentRefNum") else None
    return [
        AppliedPayment(change.entity_id, DocumentKind.INVOICE, invoices[invoice_id].number,
                       date, amount.quantize(CENT), reference)
        for invoice_id, amount in amounts.items()
    ]  # fmt: skip


def _invoice_links(line: dict[str, Any]) -> list[str]:
    return [
        str(link.get("TxnId"))
        for link in line.get("LinkedTxn") or []
        if isinstance(link, dict) and link.get("TxnType") == "Invoice"
    ]


def store_links(ledger: Ledger, changes: Iterable[CdcChange], rows: Iterable[LedgerRow]) -> None:
    """Write each changed payment's applications; forget links to customers deleted in
    QuickBooks, so the next push looks the customer up (or creates it) again."""
    invoices = {row.qbo_id: row for row in rows
                if row.kind is DocumentKind.INVOICE and row.qbo_id}  # fmt: skip
    links = ledger.customers()
    for change in changes:
        if change.entity == "Payment":
            # Even when its invoice did not change in the same answer: apply it anyway.
            ledger.replace_payment(change.entity_id, applications(change, invoices))
        elif change.entity == "Customer" and change.deleted:
            for code, link in links.items():
                if link.qbo_id == change.entity_id:
                    ledger.unlink_customer(code)
                    why = f"QuickBooks customer {link.qbo_id} was deleted"
                    ledger.record("customer-pull", "unlinked", number=code, message=why)
