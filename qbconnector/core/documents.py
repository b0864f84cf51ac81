"""FlowFit documents (client invoices and quotes) as immutable, Qt-free values."""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qbconnector.core.pdf_file import PdfFile

CENT = Decimal("0.01")


class DocumentKind(enum.StrEnum):
    """A FlowFit client invoice (QuickBooks Invoice) or client quote (QuickBooks Estimate)."""

    INVOICE = "invoice"
    QUOTE = "quote"


class DocumentStatus(enum.StrEnum):
    """FlowFit's approval state; only approved documents are ever pushed."""

    DRAFT = "draft"
    APPROVED = "approved"
    CANCELLED = "cancelled"


def to_cents(amount: Decimal) -> Decimal:
    """Round money half-up to cents, the way an invoice prints it."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Client:
    """The FlowFit client a document is addressed to."""

    code: str
    name: str
    email: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class Project:
    """The FlowFit project a document belongs to."""

    number: str
    name: str | None = None
    client_po: str | None = None
    manager: str | None = None
    source_language: str | None = None
    target_languages: tuple[str, ...] = ()


@dataclass(frozen=True)
class Line:
    """One billed FlowFit service; money is Decimal, never float.

    ``taxable`` False marks a line the document's tax does not apply to.
    """

    service: str
    description: str
    quantity: Decimal
    unit_price: Decimal
    unit: str | None = None
    taxable: bool = True

    @property
    def amount(self) -> Decimal:
        """Quantity times unit price, rounded half-up to cents."""
        return to_cents(self.quantity * self.unit_price)


@dataclass(frozen=True)
class TaxComponent:
    """One rate of a FlowFit tax (GST, QST, HST, PST): percent and the amount billed."""

    name: str
    rate: Decimal  # percent: 9.975 means 9.975 %
    amount: Decimal


@dataclass(frozen=True)
class DocumentTax:
    """The FlowFit tax a document carries: simple (one component) or compound (Tax 1 / Tax 2)."""

    code: str
    name: str
    components: tuple[TaxComponent, ...]

    @property
    def amount(self) -> Decimal:
        """What FlowFit billed in tax, all components together."""
        return sum((component.amount for component in self.components), Decimal("0.00"))

    @property
    def rates(self) -> tuple[Decimal, ...]:
        """The component rates in percent, in FlowFit's order (Tax 1, Tax 2)."""
        return tuple(component.rate for component in self.components)


@dataclass(frozen=True)
class Document:
    """A FlowFit client invoice or quote, keyed by (kind, number)."""

    kind: DocumentKind
    number: str
    status: DocumentStatus
    date: dt.date
    currency: str
    client: Client
    project: Project
    lines: tuple[Line, ...] = ()
    due_date: dt.date | None = None
    valid_until: dt.date | None = None
    updated_at: dt.datetime | None = None
    tax: DocumentTax | None = None  # None: the document is not taxed
    stated_total: Decimal | None = None  # the total FlowFit printed, when it said one
    pdf: PdfFile | None = None  # the document's PDF, attached in QuickBooks once per version
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def key(self) -> tuple[DocumentKind, str]:
        """The identity of a document in every store and in the ledger."""
        return (self.kind, self.number)

    @property
    def subtotal(self) -> Decimal:
        """Sum of the line amounts (each already rounded to cents)."""
        return sum((line.amount for line in self.lines), Decimal("0.00"))

    @property
    def taxable_subtotal(self) -> Decimal:
        """Sum of the amounts of the lines the document's tax applies to."""
        if self.tax is None:
            return Decimal("0.00")
        return sum((line.amount for line in self.lines if line.taxable), Decimal("0.00"))

    @property
    def untaxed_subtotal(self) -> Decimal:
        """Sum of the amounts of the lines no tax applies to (all of them when untaxed)."""
        return self.subtotal - self.taxable_subtotal

    @property
    def tax_amount(self) -> Decimal:
        """The tax FlowFit billed (0 when the document is not taxed)."""
        return self.tax.amount if self.tax is not None else Decimal("0.00")

    @property
    def total(self) -> Decimal:
        """What FlowFit billed the client: subtotal plus tax."""
        return self.subtotal + self.tax_amount

    def content_hash(self) -> str:
        """A stable hash of everything that can change what is pushed."""
        encoded = document_to_dict(self, with_updated_at=False)
        if self.pdf is not None:  # a new version of the PDF (same path) is a change too
            encoded["pdf_sha256"] = self.pdf.sha256
        payload = json.dumps(encoded, sort_keys=True)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _iso(value: dt.date | dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _drop_none(mapping: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in mapping.items() if value not in (None, (), [])}


def document_to_dict(document: Document, *, with_updated_at: bool = True) -> dict[str, Any]:
    """The import-format (snake_case JSON) form of a document; money as strings."""
    client = _drop_none(
        {
            "code": document.client.code,
            "name": document.client.name,
            "email": document.client.email,
            "language": document.client.language,
        }
    )
    project = _drop_none(
        {
            "number": document.project.number,
            "name": document.project.name,
            "client_po": document.project.client_po,
            "manager": document.project.manager,
            "source_language": document.project.source_language,
            "target_languages": list(document.project.target_languages),
        }
    )
    lines = [
        _drop_none(
            {
                "service": line.service,
                "description": line.description,
                "quantity": str(line.quantity),
                "unit": line.unit,
                "unit_price": str(line.unit_price),
                "taxable": None if line.taxable else False,
            }
        )
        for line in document.lines
    ]
    result = _drop_none(
        {
            "kind": document.kind.value,
            "number": document.number,
            "status": document.status.value,
            "date": _iso(document.date),
            "due_date": _iso(document.due_date),
            "valid_until": _iso(document.valid_until),
            "currency": document.currency,
            "client": client,
            "project": project,
            "updated_at": _iso(document.updated_at) if with_updated_at else None,
            "pdf": document.pdf.path if document.pdf is not None else None,
        }
    )
    if document.tax is not None:
        result["tax"] = tax_to_dict(document.tax)
        result["total"] = str(document.total)
    result["lines"] = lines
    return result


def tax_to_dict(tax: DocumentTax) -> dict[str, Any]:
    """The import-format form of a document's tax; rates and amounts as decimal strings."""
    return {
        "code": tax.code,
        "name": tax.name,
        "components": [
            {"name": part.name, "rate": str(part.rate), "amount": str(part.amount)}
            for part in tax.components
        ],
    }
