"""Finding out by DocNumber whether QuickBooks holds a document whose create may have happened."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.batch import MAX_BATCH_ITEMS
from qbconnector.quickbooks.payloads import ENTITY_FOR_KIND, document_marker
from qbconnector.quickbooks.query import UnsearchableValueError, quote_literal, where_equals
from qbconnector.sync.sender import SyncApi
from qbconnector.sync.totals import entity_totals


@dataclass(frozen=True)
class Found:
    """A QuickBooks transaction with the DocNumber we looked for."""

    qbo_id: str
    sync_token: str
    ours: bool  # its PrivateNote names this FlowFit document
    totals: tuple[Decimal, Decimal] | None = None  # its TotalAmt and TotalTax


def is_ours(row: dict[str, Any], kind: DocumentKind, number: str) -> bool:
    """Whether a transaction was pushed by us for this FlowFit document (PrivateNote marker)."""
    note = str(row.get("PrivateNote") or "")
    marker = document_marker(kind, number)
    return note == marker or note.startswith(marker + " ")


def _found(row: dict[str, Any], kind: DocumentKind, number: str) -> Found:
    return Found(str(row["Id"]), str(row.get("SyncToken", "0")), is_ours(row, kind, number),
                 entity_totals(row))  # fmt: skip


def _pick(rows: list[dict[str, Any]], kind: DocumentKind, number: str) -> Found | None:
    matches = [row for row in rows if row.get("DocNumber") == number]
    if not matches:
        return None
    ours = [row for row in matches if is_ours(row, kind, number)]
    return _found((ours or matches)[0], kind, number)


def find_by_doc_number(
    api: SyncApi, kind: DocumentKind, numbers: Iterable[str]
) -> dict[str, Found | None]:
    """For each number, the QuickBooks Invoice/Estimate carrying it (None when there is none).

    Raises the client's QuickBooksError when QuickBooks cannot be asked: nothing is assumed.
    """
    entity = ENTITY_FOR_KIND[kind]
    wanted = sorted(set(numbers))
    quoted: dict[str, str] = {}
    answers: dict[str, Found | None] = {}
    for number in wanted:
        try:
            quoted[number] = quote_literal(number)
        except UnsearchableValueError:
            condition = where_equals("DocNumber", number)
            rows = api.query(f"SELECT * FROM {entity} WHERE {condition.text}").rows
            answers[number] = _pick([row for row in rows if condition.keeps(row)], kind, number)
    plain = list(quoted)
    for start in range(0, len(plain), MAX_BATCH_ITEMS):
        chunk = plain[start : start + MAX_BATCH_ITEMS]
        listed = ", ".join(quoted[number] for number in chunk)
        rows = api.query(f"SELECT * FROM {entity} WHERE DocNumber IN ({listed})").rows
        for number in chunk:
            answers[number] = _pick(rows, kind, number)
    return answers


def taken_message(kind: DocumentKind, number: str, found: Found) -> Text:
    """The DocNumber belongs to a QuickBooks transaction we did not push for this document."""
    if kind is DocumentKind.INVOICE:
        return text(
            "QuickBooks already has an invoice numbered {number} (Id {qbo_id}) that was not "
            "pushed for this FlowFit invoice. Renumber or delete that invoice in QuickBooks, then "
            "synchronize again.",
            number=number,
            qbo_id=found.qbo_id,
        )
    return text(
        "QuickBooks already has an estimate numbered {number} (Id {qbo_id}) that was not pushed "
        "for this FlowFit quote. Renumber or delete that estimate in QuickBooks, then synchronize "
        "again.",
        number=number,
        qbo_id=found.qbo_id,
    )
