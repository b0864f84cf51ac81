"""A document's sync details: what was sent, QuickBooks Id, number, payments, history, address."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.settings import Environment, Settings
from qbconnector.quickbooks.company_taxes import taxes_from_json
from qbconnector.quickbooks.payloads import (
    PayloadOptions,
    document_payload,
    payload_hash,
    with_customer,
)
from qbconnector.storage.attachments import AttachmentRow, Attachments
from qbconnector.storage.ledger import AppliedPayment, HistoryEntry, Ledger, LedgerRow
from qbconnector.storage.profile import Profile
from qbconnector.sync.facts import COMPANY_TAXES_CURSOR
from qbconnector.sync.sources import Selection, open_source

WEB_HOSTS = {
    Environment.SANDBOX: "https://sandbox.qbo.intuit.com",
    Environment.PRODUCTION: "https://qbo.intuit.com",
}
WEB_PAGES = {DocumentKind.INVOICE: "invoice", DocumentKind.QUOTE: "estimate"}


def web_address(environment: Environment, kind: DocumentKind, qbo_id: str | None) -> str | None:
    """The QuickBooks Online page of a transaction; None without an Id or a known web site
    (a custom environment has none)."""
    host = WEB_HOSTS.get(environment)
    if host is None or not qbo_id:
        return None
    return f"{host}/app/{WEB_PAGES[kind]}?txnId={qbo_id}"


@dataclass(frozen=True)
class DocumentDetails:
    """Everything the details dialog shows of one document.

    ``payload_sent`` is True when ``payload`` is exactly what QuickBooks holds (or what is in
    flight); False when the document changed since and ``payload`` is what would be sent now.
    """

    kind: DocumentKind
    number: str
    document: Document | None
    row: LedgerRow | None
    history: tuple[HistoryEntry, ...]
    payload: dict[str, Any] | None
    payload_sent: bool
    web_address: str | None
    payments: tuple[AppliedPayment, ...] = ()  # applied in QuickBooks, as the last pull found
    # every version of the document's PDF sent to QuickBooks, oldest first (state, Attachable
    # Id, SHA-256, verified_at, last_error); empty when it has none
    attachments: tuple[AttachmentRow, ...] = ()


def _payload(
    document: Document | None, row: LedgerRow | None, settings: Settings, ledger: Ledger
) -> tuple[dict[str, Any] | None, bool]:
    if row is not None and row.payload:
        return json.loads(row.payload), True  # an attempt in flight keeps its exact body
    if document is None:
        return None, False
    taxes = taxes_from_json(ledger.cursor(COMPANY_TAXES_CURSOR))
    options = PayloadOptions.from_settings(settings).with_company_taxes(taxes)
    base = document_payload(document, options, customer_id=None)
    sent = row is not None and row.qbo_id is not None and row.payload_hash == payload_hash(base)
    link = ledger.customer(document.client.code)
    return (with_customer(base, link.qbo_id) if link else base), sent


def load_details(
    profile: Profile, settings: Settings, kind: DocumentKind, number: str
) -> DocumentDetails:
    """Read the document, its ledger row and history; blocks (call it off the GUI thread)."""
    source = open_source(profile, settings)
    try:
        found = source.list_documents(Selection(kinds=(kind,), numbers=(number,)))
    finally:
        source.close()
    document = found[0] if found else None
    with Ledger.open(profile.ledger_file) as ledger:
        row = ledger.get(kind, number)
        history = tuple(ledger.history(kind, number, limit=200))
        payload, sent = _payload(document, row, settings, ledger)
        payments = tuple(ledger.payments(kind, number))
        attachments = tuple(Attachments(ledger).of_document(kind, number))
    address = web_address(settings.server.environment, kind, row.qbo_id if row else None)
    return DocumentDetails(kind, number, document, row, history, payload, sent, address,
                           payments, attachments)  # fmt: skip
