"""Sales transactions (Invoice, Estimate): references, DocNumber, dates, currency, tax, totals."""

from __future__ import annotations

from decimal import Decimal

from qbconnector.sandbox import errors
from qbconnector.sandbox.clock import today
from qbconnector.sandbox.lines import build_lines
from qbconnector.sandbox.rules import (
    WriteContext,
    active_reference,
    check_currency,
    check_date,
    check_length,
    check_string,
    currency_ref,
    drop_nones,
    to_decimal,
)
from qbconnector.sandbox.state import CompanyState, Record
from qbconnector.sandbox.taxes import compute as compute_tax

DOC_NUMBER_MAX = 21
FIRST_DOC_NUMBER = 1001
SALES_FIELDS = frozenset(
    {
        "DocNumber",
        "TxnDate",
        "DueDate",
        "CustomerRef",
        "Line",
        "PrivateNote",
        "CustomerMemo",
        "CurrencyRef",
        "ExchangeRate",
        "BillEmail",
        "BillEmailCc",
        "BillEmailBcc",
        "BillAddr",
        "ShipAddr",
        "ShipFromAddr",
        "ShipDate",
        "TrackingNum",
        "ShipMethodRef",
        "SalesTermRef",
        "ClassRef",
        "DepartmentRef",
        "CustomField",
        "TxnTaxDetail",
        "GlobalTaxCalculation",
        "ApplyTaxAfterDiscount",
        "PrintStatus",
        "EmailStatus",
        "AllowIPNPayment",
        "AllowOnlinePayment",
        "AllowOnlineCreditCardPayment",
        "AllowOnlineACHPayment",
        "LinkedTxn",
        "TransactionLocationType",
        "ProjectRef",
        "TxnSource",
    }
)
ESTIMATE_FIELDS = frozenset({"TxnStatus", "ExpirationDate", "AcceptedBy", "AcceptedDate"})
ESTIMATE_STATUSES = frozenset({"Pending", "Accepted", "Closed", "Rejected", "Converted"})
TAX_CALCULATIONS = frozenset({"TaxExcluded", "TaxInclusive", "NotApplicable"})
DATE_FIELDS = ("TxnDate", "DueDate", "ShipDate", "ExpirationDate", "AcceptedDate")


class SalesTxnKind:
    """Invoice or Estimate; both may be deleted, and an invoice may also be voided."""

    deletable = True

    def __init__(self, name: str, extra: frozenset[str]) -> None:
        self.name = name
        self.writable = SALES_FIELDS | extra
        # DeliveryInfo is read-only and QuickBooks refuses it in updates (reference §4).
        self.ignored = frozenset({"TotalAmt", "Balance", "HomeBalance", "HomeTotalAmt", "Deposit"})

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        record = drop_nones(body)
        if "CustomerRef" not in record:
            raise errors.required("CustomerRef")
        customer = active_reference(ctx, "Customer", record["CustomerRef"], "CustomerRef")
        record["CustomerRef"] = {"value": str(customer["Id"]), "name": customer["DisplayName"]}
        result = build_lines(ctx, record.get("Line"))
        self._check_texts(record)
        record.setdefault("TxnDate", today())
        for field_name in DATE_FIELDS:
            check_date(record, field_name)
        if self.name == "Invoice":
            record.setdefault("DueDate", record["TxnDate"])
        else:
            status = record.setdefault("TxnStatus", "Pending")
            if status not in ESTIMATE_STATUSES:
                raise errors.invalid_property("TxnStatus", f"{status!r} is not a status")
        self._currency(ctx.state, record, customer)
        tax_calculation = record.get("GlobalTaxCalculation", "TaxExcluded")
        if tax_calculation not in TAX_CALCULATIONS:
            raise errors.invalid_property("GlobalTaxCalculation", f"{tax_calculation!r}")
        if ctx.state.country != "US":
            record["GlobalTaxCalculation"] = tax_calculation
        tax = compute_tax(ctx, record, result.lines)
        record["TxnTaxDetail"] = tax.detail
        total = result.subtotal - result.discount + tax.total
        record["Line"] = result.lines
        record["TotalAmt"] = total
        if self.name == "Invoice":
            record["Balance"] = total
        if "ExchangeRate" in record:
            rate = to_decimal(record["ExchangeRate"], "ExchangeRate")
            record["HomeTotalAmt"] = (total * rate).quantize(Decimal("0.01"))
        record.setdefault("LinkedTxn", [])
        record.setdefault("ApplyTaxAfterDiscount", False)
        record.setdefault("PrintStatus", "NotSet")
        record.setdefault("EmailStatus", "NotSet")
        self._doc_number(ctx, record, existing)  # last: an automatic number is used up
        return record

    def _check_texts(self, record: Record) -> None:
        if "PrivateNote" in record:
            check_length(check_string(record["PrivateNote"], "PrivateNote"), "PrivateNote", 4000)
        memo = record.get("CustomerMemo")
        if memo is not None:
            if not isinstance(memo, dict):
                raise errors.invalid_property(
                    "CustomerMemo", 'an object {"value": ...} is expected'
                )
            value = check_string(memo.get("value", ""), "CustomerMemo.value")
            check_length(value, "CustomerMemo.value", 1000)
        bill_email = record.get("BillEmail")
        if isinstance(bill_email, dict):
            check_length(bill_email.get("Address"), "BillEmail.Address", 100)

    def _doc_number(self, ctx: WriteContext, record: Record, existing: Record | None) -> None:
        if record.get("DocNumber") in (None, ""):
            record.pop("DocNumber", None)
            if existing is None:
                record["DocNumber"] = next_doc_number(ctx.state, self.name)
            return
        doc_number = check_string(record["DocNumber"], "DocNumber")
        check_length(doc_number, "DocNumber", DOC_NUMBER_MAX)
        if ctx.allow_duplicate_docnum:
            return
        own = (self.name, str(existing["Id"])) if existing else ("", "")
        others = sorted(ctx.state.owners(f"doc:{self.name}", doc_number) - {own})
        if others:
            raise errors.validation(
                6140,
                errors.MSG_DUP_DOC,
                f"Duplicate Document Number Error : You must specify a different number. "
                f"This number has already been used. DocNumber={doc_number} is assigned "
                f"to TxnType={self.name} with TxnId={others[0][1]}",
            )

    def _currency(self, state: CompanyState, record: Record, customer: Record) -> None:
        if "CurrencyRef" in record:
            code = check_currency(state, record["CurrencyRef"])
        elif state.multicurrency:
            raise errors.required("CurrencyRef")
        else:
            code = state.home_currency
        customer_code = str(customer["CurrencyRef"]["value"])
        if code != customer_code:
            raise errors.business(
                f"The transaction currency {code} must match the customer's currency "
                f"{customer_code}.",
                "CurrencyRef",
            )
        record["CurrencyRef"] = currency_ref(code)
        if code != state.home_currency:
            record.setdefault("ExchangeRate", Decimal(1))
        else:
            record.pop("ExchangeRate", None)


def next_doc_number(state: CompanyState, entity: str) -> str:
    """The next free automatic number for ``entity`` (per entity type, like QBO)."""
    number = state.next_doc_numbers.get(entity, FIRST_DOC_NUMBER)
    while state.owners(f"doc:{entity}", str(number)):
        number += 1
    state.next_doc_numbers[entity] = number + 1
    return str(number)


INVOICE = SalesTxnKind("Invoice", frozenset())
ESTIMATE = SalesTxnKind("Estimate", ESTIMATE_FIELDS)
