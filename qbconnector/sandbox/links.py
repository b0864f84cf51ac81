"""Links between transactions: payments lower invoice balances; invoices close estimates."""

from __future__ import annotations

from decimal import Decimal

from qbconnector.sandbox import errors
from qbconnector.sandbox.clock import Clock
from qbconnector.sandbox.payments import applied_amounts
from qbconnector.sandbox.state import CompanyState, Record


def _links(record: Record | None, txn_type: str) -> list[str]:
    return [
        str(link.get("TxnId"))
        for link in (record or {}).get("LinkedTxn", [])
        if isinstance(link, dict) and link.get("TxnType") == txn_type
    ]


def touch(record: Record, clock: Clock) -> None:
    """A change QuickBooks makes to a record as a side effect: new SyncToken and time."""
    record["SyncToken"] = str(int(record["SyncToken"]) + 1)
    record["MetaData"]["LastUpdatedTime"] = clock.stamp()


def paid_on(state: CompanyState, invoice: Record) -> Decimal:
    invoice_id = str(invoice.get("Id", ""))
    total = Decimal(0)
    for payment_id in _links(invoice, "Payment"):
        payment = state.table("Payment").get(payment_id)
        total += applied_amounts(payment).get(invoice_id, Decimal(0))
    return total


def prepare_invoice(state: CompanyState, record: Record, existing: Record | None) -> None:
    """Before an invoice is stored: server-kept payment links, the estimate link, Balance."""
    sent = [link for link in record.get("LinkedTxn", []) if isinstance(link, dict)]
    for link in sent:
        if link.get("TxnType") not in ("Estimate", "Payment"):
            raise errors.invalid_property(
                "LinkedTxn.TxnType", f"{link.get('TxnType')!r}; an invoice links one Estimate"
            )
    if existing is None and any(link.get("TxnType") == "Payment" for link in sent):
        raise errors.business(
            "Apply a payment from the Payment, not from the invoice.", "LinkedTxn"
        )
    estimates = [str(link.get("TxnId", "")) for link in sent if link.get("TxnType") == "Estimate"]
    if len(estimates) > 1:
        raise errors.business("An invoice can be linked to one estimate only.", "LinkedTxn")
    for estimate_id in estimates:
        _check_estimate(state, record, estimate_id, existing)
    kept = [{"TxnId": e, "TxnType": "Estimate"} for e in estimates]
    kept += [{"TxnId": p, "TxnType": "Payment"} for p in _links(existing, "Payment")]
    record["LinkedTxn"] = kept
    paid = paid_on(state, {**record, "Id": (existing or {}).get("Id", "")})
    if paid > Decimal(record["TotalAmt"]):
        raise errors.business(
            f"The invoice total {record['TotalAmt']} would be less than the {paid} already paid.",
            "Line",
        )
    record["Balance"] = Decimal(record["TotalAmt"]) - paid


def _check_estimate(
    state: CompanyState, record: Record, estimate_id: str, existing: Record | None
) -> None:
    estimate = state.table("Estimate").get(estimate_id)
    if estimate is None:
        raise errors.invalid_reference("LinkedTxn.TxnId", estimate_id)
    if estimate["CustomerRef"]["value"] != record["CustomerRef"]["value"]:
        raise errors.business(
            f"Estimate {estimate_id} belongs to another customer than the invoice's.", "LinkedTxn"
        )
    own_id = str((existing or {}).get("Id", ""))
    others = [i for i in _links(estimate, "Invoice") if i != own_id]
    if others:
        # QuickBooks can split one estimate over several invoices (progress invoicing); the
        # sandbox models one invoice per estimate.
        raise errors.business(
            f"Estimate {estimate_id} is already linked to Invoice {others[0]}.", "LinkedTxn"
        )


def after_invoice(
    state: CompanyState, clock: Clock, old: Record | None, new: Record | None
) -> None:
    """After an invoice is stored or deleted: its estimate is closed (or unlinked)."""
    invoice_id = str((new or old or {}).get("Id"))
    before, after = set(_links(old, "Estimate")), set(_links(new, "Estimate"))
    for estimate_id in sorted(before ^ after):
        estimate = state.table("Estimate").get(estimate_id)
        if estimate is None:
            continue
        links = [
            link
            for link in estimate.get("LinkedTxn", [])
            if not (link.get("TxnType") == "Invoice" and str(link.get("TxnId")) == invoice_id)
        ]
        if estimate_id in after:
            links.append({"TxnId": invoice_id, "TxnType": "Invoice"})
            estimate["TxnStatus"] = "Closed"  # what QuickBooks shows once converted
        estimate["LinkedTxn"] = links
        touch(estimate, clock)


def refuse_if_paid(invoice: Record, action: str) -> None:
    paid = _links(invoice, "Payment")
    if paid:
        raise errors.business(
            f"Invoice {invoice['Id']} has payments applied (Payment {', '.join(paid)}); delete "
            f"or change the payments before you {action} it."
        )


def refuse_if_converted(estimate: Record) -> None:
    invoices = _links(estimate, "Invoice")
    if invoices:
        raise errors.business(
            f"Estimate {estimate['Id']} is linked to Invoice {invoices[0]}; "
            "delete the invoice first."
        )


def keep_estimate_links(record: Record, existing: Record | None) -> None:
    """An estimate's LinkedTxn is the server's: invoices made from it, whatever was sent."""
    record["LinkedTxn"] = list((existing or {}).get("LinkedTxn", []))


def after_payment(
    state: CompanyState, clock: Clock, old: Record | None, new: Record | None
) -> None:
    """After a payment is stored or deleted: each invoice it touches gets its new Balance."""
    payment_id = str((new or old or {}).get("Id"))
    before, after = applied_amounts(old), applied_amounts(new)
    for invoice_id in sorted(set(before) | set(after), key=int):
        invoice = state.table("Invoice").get(invoice_id)
        if invoice is None:
            continue
        links = [
            link
            for link in invoice.get("LinkedTxn", [])
            if not (link.get("TxnType") == "Payment" and str(link.get("TxnId")) == payment_id)
        ]
        if invoice_id in after:
            links.append({"TxnId": payment_id, "TxnType": "Payment"})
        invoice["LinkedTxn"] = links
        invoice["Balance"] = Decimal(invoice["TotalAmt"]) - paid_on(state, invoice)
        touch(invoice, clock)
