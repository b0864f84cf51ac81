"""The sync ledger's schema (user_version migrations) and its row types."""

from __future__ import annotations

import enum
import json
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text_from_json
from qbconnector.storage.readsafe import damaged_rows

SCHEMA_V1 = """
CREATE TABLE documents (
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'synced', 'failed', 'uncertain')),
    operation TEXT NOT NULL DEFAULT 'create' CHECK (operation IN ('create', 'update')),
    qbo_id TEXT,
    sync_token TEXT,
    doc_number TEXT NOT NULL,
    payload_hash TEXT,
    payload TEXT,
    requestid TEXT,
    bid TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    synced_at TEXT,
    PRIMARY KEY (kind, number)
);
CREATE INDEX documents_by_state ON documents (state);
CREATE INDEX documents_by_requestid ON documents (requestid);

CREATE TABLE customers (
    client_code TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    qbo_id TEXT NOT NULL,
    currency TEXT,
    linked_at TEXT NOT NULL
);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT,
    number TEXT,
    action TEXT NOT NULL,
    result TEXT NOT NULL,
    qbo_id TEXT,
    requestid TEXT,
    intuit_tid TEXT,
    message TEXT,
    who TEXT NOT NULL
);
CREATE INDEX history_by_document ON history (kind, number);

CREATE TABLE cursors (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

# Version 2 keeps the last error as a translatable sentence too (template and parameters, JSON),
# so the window can show an earlier run's error in its own language.
SCHEMA_V2 = "ALTER TABLE documents ADD COLUMN last_error_text TEXT"

# Version 3 keeps what FlowFit billed (total and tax, written with each attempt) and what
# QuickBooks computed (written when it answers), so a difference can be shown.
SCHEMA_V3 = """
ALTER TABLE documents ADD COLUMN flowfit_total TEXT;
ALTER TABLE documents ADD COLUMN flowfit_tax TEXT;
ALTER TABLE documents ADD COLUMN qbo_total TEXT;
ALTER TABLE documents ADD COLUMN qbo_tax TEXT;
"""

# Version 4 keeps what a pull from QuickBooks found: balance, state, last change, whether it
# was edited there; and a fingerprint of the record's content (with the SyncToken it was taken
# at) that later versions are compared with, so payments and status changes are not edits.
SCHEMA_V4 = """
ALTER TABLE documents ADD COLUMN qbo_balance TEXT;
ALTER TABLE documents ADD COLUMN qbo_state TEXT;
ALTER TABLE documents ADD COLUMN qbo_changed_at TEXT;
ALTER TABLE documents ADD COLUMN qbo_edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE documents ADD COLUMN qbo_due_date TEXT;
ALTER TABLE documents ADD COLUMN qbo_fingerprint TEXT;
ALTER TABLE documents ADD COLUMN qbo_fingerprint_token TEXT;
"""

# Version 5 keeps each payment applied to a pushed invoice (a pull reads them from QuickBooks),
# the body last synced (``payload`` is cleared once QuickBooks holds it) and, for a document
# edited in QuickBooks, which fields differ from that body (JSON [{field, sent, now}]).
SCHEMA_V5 = """
CREATE TABLE payments (
    payment_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    date TEXT,
    amount TEXT NOT NULL,
    reference TEXT,
    PRIMARY KEY (payment_id, kind, number)
);
CREATE INDEX payments_by_document ON payments (kind, number);
ALTER TABLE documents ADD COLUMN synced_payload TEXT;
ALTER TABLE documents ADD COLUMN qbo_differences TEXT;
"""


# Version 6 keeps the PDFs attached to pushed documents, one row per version (the file's
# SHA-256), written with its requestid before the upload (storage/attachments.py uses it).
SCHEMA_ATTACHMENTS = """
CREATE TABLE attachments (
    kind TEXT NOT NULL,
    number TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('pending', 'synced', 'failed', 'uncertain')),
    requestid TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    attachable_id TEXT,
    file_name TEXT NOT NULL,
    path TEXT NOT NULL,
    size INTEGER NOT NULL,
    last_error TEXT,
    last_error_text TEXT,
    verified_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (kind, number, sha256)
);
CREATE INDEX attachments_by_state ON attachments (state);
"""

MIGRATIONS = (SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_ATTACHMENTS)


class RowState(enum.StrEnum):
    """Where a document stands with QuickBooks.

    pending: an attempt is written and may be on its way; uncertain: it was sent and we do not
    know whether QuickBooks committed it; both are reconciled before anything else is sent.
    """

    PENDING = "pending"
    SYNCED = "synced"
    FAILED = "failed"
    UNCERTAIN = "uncertain"

    @property
    def unfinished(self) -> bool:
        return self in (RowState.PENDING, RowState.UNCERTAIN)


class Operation(enum.StrEnum):
    """What an attempt does in QuickBooks."""

    CREATE = "create"
    UPDATE = "update"


DOCUMENT_COLUMNS = (
    "kind, number, state, operation, qbo_id, sync_token, doc_number, payload_hash, payload,"
    " requestid, bid, attempts, last_error, created_at, updated_at, synced_at, last_error_text,"
    " flowfit_total, flowfit_tax, qbo_total, qbo_tax, qbo_balance, qbo_state, qbo_changed_at,"
    " qbo_edited, qbo_due_date, qbo_fingerprint, qbo_fingerprint_token, synced_payload,"
    " qbo_differences"
)


@dataclass(frozen=True)
class FieldDifference:
    """One field edited in QuickBooks: what we sent and what QuickBooks has now (as text).

    ``field`` names it as QuickBooks does, e.g. ``DueDate`` or ``Line[1].Amount``."""

    field: str
    sent: str | None
    now: str | None


def differences_to_json(differences: Sequence[FieldDifference]) -> str | None:
    if not differences:
        return None
    return json.dumps([{"field": d.field, "sent": d.sent, "now": d.now} for d in differences],
                      ensure_ascii=False)  # fmt: skip


def differences_from_json(stored: str | None) -> list[FieldDifference]:
    """What :func:`differences_to_json` wrote; empty when absent or unreadable."""
    try:
        entries = json.loads(stored) if stored else []
        return [FieldDifference(str(e["field"]), _text(e.get("sent")), _text(e.get("now")))
                for e in entries]  # fmt: skip
    except (ValueError, KeyError, TypeError, AttributeError):
        return []


def _text(value: object) -> str | None:
    return None if value is None else str(value)


@dataclass(frozen=True)
class AppliedPayment:
    """Part of a QuickBooks payment applied to one pushed invoice."""

    payment_id: str
    kind: DocumentKind
    number: str
    date: str | None  # the payment's TxnDate
    amount: Decimal  # the part applied to this invoice
    reference: str | None  # PaymentRefNum (cheque number, transfer reference...)


@dataclass(frozen=True)
class Totals:
    """What FlowFit billed and what QuickBooks holds, tax included; they should be equal."""

    flowfit_total: Decimal
    flowfit_tax: Decimal
    qbo_total: Decimal
    qbo_tax: Decimal

    @property
    def differ(self) -> bool:
        return self.flowfit_total != self.qbo_total or self.flowfit_tax != self.qbo_tax

    @property
    def difference(self) -> Decimal:
        """QuickBooks' total minus FlowFit's."""
        return self.qbo_total - self.flowfit_total


@dataclass(frozen=True)
class LedgerRow:
    """One document's ledger row."""

    kind: DocumentKind
    number: str
    state: RowState
    operation: Operation
    qbo_id: str | None
    sync_token: str | None
    doc_number: str
    payload_hash: str | None
    payload: str | None  # the exact JSON body of the last attempt, kept to replay it
    requestid: str | None
    bid: str | None
    attempts: int
    last_error: str | None
    created_at: str
    updated_at: str
    synced_at: str | None
    last_error_text: str | None = None  # JSON {"template", "params"} of ``last_error``
    flowfit_total: str | None = None  # decimal text: what FlowFit billed, tax included
    flowfit_tax: str | None = None
    qbo_total: str | None = None  # decimal text: QuickBooks' TotalAmt after the last write
    qbo_tax: str | None = None  # QuickBooks' TxnTaxDetail.TotalTax
    qbo_balance: str | None = None  # decimal text: the Balance last pulled (invoices)
    qbo_state: str | None = None  # a PulledState value, None until pulled
    qbo_changed_at: str | None = None  # MetaData.LastUpdatedTime last pulled
    qbo_edited: int = 0  # 1: edited in QuickBooks since our push
    qbo_due_date: str | None = None  # DueDate last pulled (for overdue)
    qbo_fingerprint: str | None = None  # the content we compare later versions with
    qbo_fingerprint_token: str | None = None  # the SyncToken that fingerprint was taken at
    synced_payload: str | None = None  # the JSON body QuickBooks last accepted from us
    qbo_differences: str | None = None  # JSON [{field, sent, now}]: edits made in QuickBooks

    @property
    def edited_fields(self) -> list[FieldDifference]:
        """The fields QuickBooks holds differently from what we sent (empty when not edited)."""
        return differences_from_json(self.qbo_differences)

    @property
    def totals(self) -> Totals | None:
        """FlowFit's and QuickBooks' totals, once QuickBooks has answered with its own."""
        if self.qbo_total is None or self.flowfit_total is None:
            return None
        return Totals(
            Decimal(self.flowfit_total),
            Decimal(self.flowfit_tax or "0"),
            Decimal(self.qbo_total),
            Decimal(self.qbo_tax or "0"),
        )

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return (self.kind, self.number)

    @property
    def error_sentence(self) -> Text | None:
        """``last_error`` as a translatable sentence, when the engine wrote it as one."""
        return text_from_json(self.last_error_text)

    @classmethod
    @damaged_rows("ledger.sqlite3")
    def from_row(cls, row: tuple[Any, ...]) -> LedgerRow:
        kind, number, state, operation, *rest = row
        return cls(DocumentKind(kind), number, RowState(state), Operation(operation), *rest)


class PulledState(enum.StrEnum):
    """What QuickBooks says became of a pushed document (``qbconnector pull``)."""

    PAID = "paid"
    PARTIALLY_PAID = "partially-paid"
    OVERDUE = "overdue"
    UNPAID = "unpaid"
    ACCEPTED = "accepted"
    CLOSED = "closed"
    REJECTED = "rejected"
    CONVERTED = "converted"
    PENDING = "pending"
    EDITED = "edited-in-quickbooks"
    DELETED = "deleted-in-quickbooks"


@dataclass(frozen=True)
class Pulled:
    """One document's QuickBooks state as a pull found it, to be written to its row."""

    kind: DocumentKind
    number: str
    state: PulledState
    balance: Decimal | None
    changed_at: str
    edited: bool
    due_date: str | None
    fingerprint: str | None
    fingerprint_token: str | None
    differences: tuple[FieldDifference, ...] = ()  # what an edit in QuickBooks changed


@dataclass(frozen=True)
class Attempt:
    """An operation about to be sent, written to the ledger first."""

    kind: DocumentKind
    number: str
    operation: Operation
    payload: str
    payload_hash: str
    requestid: str
    bid: str
    flowfit_total: str | None = None  # decimal text, compared with QuickBooks' answer
    flowfit_tax: str | None = None


@dataclass(frozen=True)
class CustomerLink:
    """A FlowFit client code bound to a QuickBooks customer."""

    client_code: str
    display_name: str
    qbo_id: str
    currency: str | None


@dataclass(frozen=True)
class HistoryEntry:
    """One line of the audit trail."""

    at: str
    kind: str | None
    number: str | None
    action: str
    result: str
    qbo_id: str | None
    requestid: str | None
    intuit_tid: str | None
    message: str | None
    who: str
