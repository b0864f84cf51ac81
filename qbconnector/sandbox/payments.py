"""Payment: a customer's money applied to invoices through ``Line[].LinkedTxn``."""

from __future__ import annotations

from decimal import Decimal

from qbconnector.sandbox import errors
from qbconnector.sandbox.clock import today
from qbconnector.sandbox.rules import (
    WriteContext,
    active_reference,
    check_currency,
    check_date,
    check_length,
    check_string,
    currency_ref,
    drop_nones,
    reject_unknown,
    to_decimal,
)
from qbconnector.sandbox.state import CompanyState, Record

PAYMENT_FIELDS = frozenset(
    {"CustomerRef", "TotalAmt", "Line", "TxnDate", "PaymentRefNum", "PrivateNote", "CurrencyRef"}
)
LINE_FIELDS = frozenset({"Amount", "LinkedTxn", "Id", "LineNum"})
PAYMENT_REF_MAX = 21  # like DocNumber (integration pitfalls, item 6)


def applied_amounts(payment: Record | None) -> dict[str, Decimal]:
    """Invoice Id -> amount this payment applies to it."""
    applied: dict[str, Decimal] = {}
    for line in (payment or {}).get("Line", []):
        for link in line.get("LinkedTxn", []):
            if link.get("TxnType") == "Invoice":
                key = str(link["TxnId"])
                applied[key] = applied.get(key, Decimal(0)) + Decimal(line["Amount"])
    return applied


class PaymentKind:
    """Validates a payment against the invoices it names; ``links`` applies it afterwards."""

    name = "Payment"
    deletable = True
    writable = PAYMENT_FIELDS
    ignored = frozenset({"UnappliedAmt", "HomeTotalAmt"})

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        record = drop_nones(body)
        if "CustomerRef" not in record:
            raise errors.required("CustomerRef")
        if "TotalAmt" not in record:
            raise errors.required("TotalAmt")
        customer = active_reference(ctx, "Customer", record["CustomerRef"], "CustomerRef")
        record["CustomerRef"] = {"value": str(customer["Id"]), "name": customer["DisplayName"]}
        total = to_decimal(record["TotalAmt"], "TotalAmt")
        if total < 0:
            raise errors.business("A payment amount cannot be negative.", "TotalAmt")
        record["TotalAmt"] = total
        record.setdefault("TxnDate", today())
        check_date(record, "TxnDate")
        if "PaymentRefNum" in record:
            value = check_string(record["PaymentRefNum"], "PaymentRefNum")
            check_length(value, "PaymentRefNum", PAYMENT_REF_MAX)
        if "PrivateNote" in record:
            check_length(check_string(record["PrivateNote"], "PrivateNote"), "PrivateNote", 4000)
        code = check_currency(
            ctx.state, record.get("CurrencyRef", currency_ref(ctx.state.home_currency))
        )
        if code != str(customer["CurrencyRef"]["value"]):
            raise errors.business(
                f"The payment currency {code} must match the customer's currency.", "CurrencyRef"
            )
        record["CurrencyRef"] = currency_ref(code)
        record["Line"] = self._lines(ctx.state, record.get("Line", []), customer)
        applied = sum((Decimal(line["Amount"]) for line in record["Line"]), Decimal(0))
        if applied > total:
            raise errors.business(
                f"The amounts applied to invoices ({applied}) are more than the payment's "
                f"TotalAmt ({total}).",
                "Line.Amount",
            )
        self._check_balances(ctx.state, record, existing)
        record["UnappliedAmt"] = total - applied
        return record

    def _lines(self, state: CompanyState, raw_lines: object, customer: Record) -> list[Record]:
        if not isinstance(raw_lines, list):
            raise errors.invalid_property("Line", "a list of lines is expected")
        lines: list[Record] = []
        for number, raw in enumerate(raw_lines, start=1):
            if not isinstance(raw, dict):
                raise errors.invalid_property("Line", "each line is an object")
            reject_unknown(raw, LINE_FIELDS, "Payment.Line")
            if "Amount" not in raw:
                raise errors.required("Line.Amount")
            amount = to_decimal(raw["Amount"], "Line.Amount")
            if amount <= 0:
                raise errors.business("A payment line amount must be more than 0.", "Line.Amount")
            links = raw.get("LinkedTxn")
            if not isinstance(links, list) or len(links) != 1 or not isinstance(links[0], dict):
                raise errors.required("Line.LinkedTxn")
            link = links[0]
            if link.get("TxnType") != "Invoice":
                # Credit memos, journal entries... can be linked in QuickBooks; not modelled.
                raise errors.invalid_property(
                    "Line.LinkedTxn.TxnType", f"{link.get('TxnType')!r}; only Invoice is modelled"
                )
            invoice_id = str(link.get("TxnId", ""))
            invoice = state.table("Invoice").get(invoice_id)
            if invoice is None:
                raise errors.invalid_reference("Line.LinkedTxn.TxnId", invoice_id)
            if invoice["CustomerRef"]["value"] != customer["Id"]:
                raise errors.business(
                    f"Invoice {invoice_id} belongs to another customer than the payment's.",
                    "Line.LinkedTxn",
                )
            lines.append(
                {
                    "Id": str(number),
                    "LineNum": number,
                    "Amount": amount,
                    "LinkedTxn": [{"TxnId": invoice_id, "TxnType": "Invoice"}],
                }
            )
        return lines

    def _check_balances(self, state: CompanyState, record: Record, existing: Record | None) -> None:
        """No invoice may be paid beyond its open balance (what this payment held is freed)."""
        before = applied_amounts(existing)
        for invoice_id, amount in applied_amounts(record).items():
            invoice = state.table("Invoice")[invoice_id]
            open_balance = Decimal(invoice["Balance"]) + before.get(invoice_id, Decimal(0))
            if amount > open_balance:
                raise errors.business(
                    f"The payment applies {amount} to Invoice {invoice_id}, whose open balance "
                    f"is {open_balance}. A payment cannot be applied for more than the balance.",
                    "Line.Amount",
                )


PAYMENT = PaymentKind()
