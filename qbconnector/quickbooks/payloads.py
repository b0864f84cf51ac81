"""FlowFit documents as QuickBooks Invoice and Estimate payloads (summary or itemized lines)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import Document, DocumentKind, Line, to_cents
from qbconnector.core.settings import PostingMode, Settings, TaxSettings
from qbconnector.core.template import (
    FieldLimit,
    Template,
    TemplateError,
    default_template,
    parse_template,
)
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.tax_payload import TaxPlan

MAX_DOC_NUMBER = 21
ENTITY_FOR_KIND: Mapping[DocumentKind, str] = {
    DocumentKind.INVOICE: "Invoice",
    DocumentKind.QUOTE: "Estimate",
}
NOUN_FOR_KIND: Mapping[DocumentKind, str] = {
    DocumentKind.INVOICE: "invoice",
    DocumentKind.QUOTE: "quote",
}


@dataclass(frozen=True)
class PayloadOptions:
    """What the parameters say about building payloads (one value for a whole run)."""

    templates: Mapping[DocumentKind, Template]
    posting_mode: PostingMode = PostingMode.SUMMARY
    service_id: str = ""
    service_name: str = ""
    # FlowFit service name -> QuickBooks Item Id; unmapped lines use service_id
    service_mapping: Mapping[str, str] = field(default_factory=dict)
    taxes: TaxPlan = field(default_factory=lambda: TaxPlan(TaxSettings()))

    @classmethod
    def from_settings(cls, settings: Settings) -> PayloadOptions:
        """Options from saved settings; a template that no longer parses falls back to default."""
        return cls(
            templates={
                DocumentKind.INVOICE: _template_or_default(
                    settings.invoices.description, DocumentKind.INVOICE
                ),
                DocumentKind.QUOTE: _template_or_default(
                    settings.quotes.description, DocumentKind.QUOTE
                ),
            },
            posting_mode=settings.sync.posting_mode,
            service_id=settings.services.service_id,
            service_name=settings.services.service_name,
            service_mapping=dict(settings.services.mapping),
            taxes=TaxPlan(settings.taxes),
        )

    def with_company_taxes(self, company: CompanyTaxes | None) -> PayloadOptions:
        """The same options for a company whose tax regime and codes are known."""
        return replace(self, taxes=replace(self.taxes, company=company))

    def item_ids(self) -> set[str]:
        """Every QuickBooks item the documents may be posted to."""
        return {self.service_id, *self.service_mapping.values()}

    def item_for(self, line: Line) -> str:
        """The QuickBooks Item Id a FlowFit line is posted to in itemized mode."""
        return self.service_mapping.get(line.service) or self.service_id

    def description(self, document: Document) -> str:
        """The rendered naming convention for ``document``."""
        return self.templates[document.kind].render(document)

    def description_limit(self) -> int:
        """The QuickBooks field the rendered description goes to, as a length limit."""
        if self.posting_mode is PostingMode.ITEMIZED:
            return int(FieldLimit.CUSTOMER_MEMO)
        return int(FieldLimit.LINE_DESCRIPTION)


def _template_or_default(text: str, kind: DocumentKind) -> Template:
    try:
        return parse_template(text)
    except TemplateError:
        return default_template(kind)


def money(amount: Decimal) -> float:
    """A cent-rounded amount as the JSON number QuickBooks expects.

    The float is made from the cent-rounded text, so it prints back as the same digits.
    """
    return float(str(to_cents(amount)))


def quantity(value: Decimal) -> float | int:
    """A quantity or unit price as JSON; whole numbers stay integers."""
    if value == value.to_integral_value():
        return int(value)
    return float(str(value))


def private_note(document: Document) -> str:
    """The statement memo naming the FlowFit document; also how reconciliation recognises it."""
    return f"{document_marker(document.kind, document.number)} - client {document.client.code}"


def document_marker(kind: DocumentKind, number: str) -> str:
    """The start of the PrivateNote of every document qbconnector pushes."""
    return f"FlowFit {NOUN_FOR_KIND[kind]} {number}"


def _sales_line(
    amount: Decimal, item_id: str, description: str, tax_code: str | None, **detail: Any
) -> dict[str, Any]:
    if tax_code is not None:
        detail["TaxCodeRef"] = {"value": tax_code}
    line: dict[str, Any] = {
        "DetailType": "SalesItemLineDetail",
        "Amount": money(amount),
        "SalesItemLineDetail": {"ItemRef": {"value": item_id}, **detail},
    }
    if description:
        line["Description"] = description
    return line


def summary_lines(document: Document, options: PayloadOptions) -> list[dict[str, Any]]:
    """The selected service and the rendered naming convention on one line per tax treatment:
    the taxable subtotal, and the subtotal of the lines no tax applies to."""
    description = options.description(document)
    taxed = document.tax is not None and any(line.taxable for line in document.lines)
    parts: list[tuple[Decimal, bool]] = []
    if taxed:
        parts.append((document.taxable_subtotal, True))
    if not taxed or any(not line.taxable for line in document.lines):
        parts.append((document.untaxed_subtotal, False))
    lines = []
    for amount, taxable in parts:
        code = options.taxes.line_code(document, taxable)
        line = _sales_line(amount, options.service_id, description, code)
        if options.service_name:
            line["SalesItemLineDetail"]["ItemRef"]["name"] = options.service_name
        lines.append(line)
    return lines


def itemized_lines(document: Document, options: PayloadOptions) -> list[dict[str, Any]]:
    """One line per FlowFit line, with Qty and UnitPrice; Amount is rounded half-up to cents."""
    return [
        _sales_line(
            line.amount,
            options.item_for(line),
            line.description,
            options.taxes.line_code(document, line.taxable),
            Qty=quantity(line.quantity),
            UnitPrice=quantity(line.unit_price),
        )
        for line in document.lines
    ]


def document_payload(
    document: Document, options: PayloadOptions, customer_id: str | None
) -> dict[str, Any]:
    """The Invoice or Estimate body for a create (no Id/SyncToken).

    ``customer_id`` None leaves CustomerRef out: that form is what the payload hash covers,
    so a customer found later does not make a document look changed.
    """
    payload: dict[str, Any] = {"DocNumber": document.number, "TxnDate": document.date.isoformat()}
    if document.kind is DocumentKind.INVOICE and document.due_date is not None:
        payload["DueDate"] = document.due_date.isoformat()
    if document.kind is DocumentKind.QUOTE and document.valid_until is not None:
        payload["ExpirationDate"] = document.valid_until.isoformat()
    if customer_id is not None:
        payload["CustomerRef"] = {"value": customer_id}
    payload["CurrencyRef"] = {"value": document.currency.upper()}
    payload["PrivateNote"] = private_note(document)
    if options.posting_mode is PostingMode.ITEMIZED:
        payload["Line"] = itemized_lines(document, options)
        payload["CustomerMemo"] = {"value": options.description(document)}
    else:
        payload["Line"] = summary_lines(document, options)
    payload.update(options.taxes.transaction_fields(document))
    return payload


def with_customer(payload: dict[str, Any], customer_id: str) -> dict[str, Any]:
    """A copy of ``payload`` addressed to the QuickBooks customer ``customer_id``."""
    return {**payload, "CustomerRef": {"value": customer_id}}


def update_payload(payload: dict[str, Any], qbo_id: str, sync_token: str) -> dict[str, Any]:
    """A sparse update body: the fields we own, with the stored Id and SyncToken.

    CurrencyRef is left out: QuickBooks does not let a transaction change currency.
    """
    body = {key: value for key, value in payload.items() if key != "CurrencyRef"}
    return {"Id": qbo_id, "SyncToken": sync_token, "sparse": True, **body}


def payload_hash(payload: Mapping[str, Any]) -> str:
    """A stable hash of a payload (CustomerRef excluded): equal hashes mean nothing to push."""
    hashed = {key: value for key, value in payload.items() if key != "CustomerRef"}
    text = json.dumps(hashed, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
