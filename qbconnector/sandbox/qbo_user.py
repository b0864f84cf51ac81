"""What a person does in the QuickBooks web app: edit a pushed invoice, take a payment, accept."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from qbconnector.sandbox import jsonio
from qbconnector.sandbox.company import KINDS, Company
from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.state import Record
from qbconnector.sandbox.taxes import TAX_ENTITIES

ESTIMATE_STATUSES = ("Pending", "Accepted", "Closed", "Rejected")
RATE = Decimal("0.00001")


def money(value: object, name: str) -> Decimal:
    """Decimal from a Decimal, int or numeric string; a float is refused (money is exact)."""
    if isinstance(value, (bool, float)) or not isinstance(value, (int, str, Decimal)):
        raise TypeError(f"{name} must be a Decimal, an int or a numeric string, not {value!r}")
    try:
        return Decimal(str(value))
    except ArithmeticError:
        raise ValueError(f"{name} is not a number: {value!r}") from None


class QuickBooksUser:
    """Each change goes through the same rules as the API and bumps SyncToken and
    LastUpdatedTime, so it shows in reads, queries and CDC like a real edit would."""

    def __init__(self, company: Company) -> None:
        self.company = company

    def edit(
        self,
        entity: str,
        entity_id: str,
        changes: dict[str, Any] | None = None,
        line_amounts: dict[str, Any] | None = None,
    ) -> Record:
        """A sparse change of ``changes`` (e.g. DueDate, PrivateNote, CustomerMemo); and
        ``line_amounts`` {line Id: new amount}, the rate following the amount as in the app."""
        if entity not in KINDS or entity in TAX_ENTITIES:
            raise ValueError(f"cannot edit {entity!r} records")
        with self.company.lock:
            current = self.company.read(entity, str(entity_id))
            body: dict[str, Any] = {
                **jsonio.copy(changes or {}),
                "Id": current["Id"],
                "SyncToken": current["SyncToken"],
                "sparse": True,
            }
            if line_amounts:
                body["Line"] = self._lines_with(current, line_amounts)
            return self._commit(lambda ctx: self.company.update(entity, body, ctx))

    def record_payment(
        self,
        invoice_id: str,
        amount: object,
        total_amount: object | None = None,
        payment_ref_num: str | None = None,
    ) -> Record:
        """ "Receive payment" on one invoice: ``amount`` applied; ``total_amount`` (default
        ``amount``) is what the customer paid, the rest staying unapplied."""
        applied = money(amount, "amount")
        total = applied if total_amount is None else money(total_amount, "total_amount")
        with self.company.lock:
            invoice = self.company.read("Invoice", str(invoice_id))
            body: dict[str, Any] = {
                "CustomerRef": {"value": invoice["CustomerRef"]["value"]},
                "TotalAmt": total,
                "Line": [
                    {
                        "Amount": applied,
                        "LinkedTxn": [{"TxnId": invoice["Id"], "TxnType": "Invoice"}],
                    }
                ],
            }
            if payment_ref_num is not None:
                body["PaymentRefNum"] = payment_ref_num
            return self._commit(lambda ctx: self.company.create("Payment", body, ctx))

    def set_estimate_status(
        self, estimate_id: str, status: str, accepted_by: str | None = None
    ) -> Record:
        """The customer accepted (or rejected) the estimate, or the user closed it."""
        if status not in ESTIMATE_STATUSES:
            raise ValueError(f"status must be one of {', '.join(ESTIMATE_STATUSES)}")
        changes: dict[str, Any] = {"TxnStatus": status}
        if status == "Accepted":
            changes["AcceptedDate"] = self.company.clock.today()
            if accepted_by:
                changes["AcceptedBy"] = accepted_by
        return self.edit("Estimate", estimate_id, changes)

    def delete(self, entity: str, entity_id: str) -> Record:
        with self.company.lock:
            current = self.company.read(entity, str(entity_id))
            body = {"Id": current["Id"], "SyncToken": current["SyncToken"]}
            return self._commit(lambda _ctx: self.company.delete(entity, body))

    def void(self, invoice_id: str) -> Record:
        with self.company.lock:
            current = self.company.read("Invoice", str(invoice_id))
            body = {"Id": current["Id"], "SyncToken": current["SyncToken"]}
            return self._commit(lambda _ctx: self.company.void("Invoice", body))

    def _lines_with(self, current: Record, line_amounts: dict[str, Any]) -> list[Record]:
        lines = [
            jsonio.copy(line)
            for line in current.get("Line", [])
            if line.get("DetailType") != "SubTotalLineDetail"
        ]
        known = {str(line.get("Id")) for line in lines}
        unknown = sorted(set(map(str, line_amounts)) - known)
        if unknown:
            raise ValueError(f"no line with Id {', '.join(unknown)}")
        for line in lines:
            if str(line.get("Id")) in {str(key) for key in line_amounts}:
                amount = money(line_amounts[str(line["Id"])], "line amount")
                line["Amount"] = amount
                detail = line.get("SalesItemLineDetail") or {}
                if "Qty" in detail and Decimal(detail["Qty"]) != 0:
                    # QuickBooks keeps rates to 5 decimals ("10.5 format").
                    detail["UnitPrice"] = (amount / Decimal(detail["Qty"])).quantize(RATE)
                elif "UnitPrice" in detail:
                    detail["UnitPrice"] = amount
        return lines

    def _commit(self, write: Callable[[WriteContext], Record]) -> Record:
        """Run one write under the rules; a refusal raises ``errors.FaultError``, unsaved."""
        record = write(WriteContext(self.company.state))
        self.company.committed()
        return record
