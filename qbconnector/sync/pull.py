"""One pull from QuickBooks: what became of each pushed document (payments, status, edits)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text
from qbconnector.quickbooks.cdc import LOOK_BACK, CdcChange, is_look_back_refusal, since_text
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.storage.ledger import FieldDifference, Ledger, LedgerRow, Pulled, PulledState
from qbconnector.sync.differences import differences
from qbconnector.sync.pull_fallback import too_old, with_queries
from qbconnector.sync.pull_links import store_links

ENTITIES = ("Invoice", "Estimate", "Payment", "Customer")
CURSOR = "pull-since"
KIND_OF = {"Invoice": DocumentKind.INVOICE, "Estimate": DocumentKind.QUOTE}
# A minute inside QuickBooks' 30 days: its clock runs on while the request travels.
MARGIN = dt.timedelta(minutes=1)
# What QuickBooks changes through payments, conversions and status: not edits of the content.
SIDE_EFFECTS = frozenset(
    {"SyncToken", "MetaData", "Balance", "HomeBalance", "LinkedTxn", "TxnStatus", "AcceptedDate",
     "AcceptedBy", "EmailStatus", "PrintStatus", "status", "domain", "sparse"}
)  # fmt: skip
OPEN = (PulledState.UNPAID, PulledState.PARTIALLY_PAID)

__all__ = ["CURSOR", "PullResult", "pull"]


@dataclass(frozen=True)
class PullResult:
    """Every pushed row after the pull, what was asked, and what changed."""

    rows: list[LedgerRow]
    since: str  # the changedSince asked
    cursor: str  # the changedSince of the next pull
    changed: int  # documents whose QuickBooks state was written anew
    note: str | None  # e.g. changes older than QuickBooks' 30 days were found by queries
    note_text: Text | None = None  # ``note`` as a translatable sentence (the window's language)
    changed_keys: tuple[tuple[DocumentKind, str], ...] = ()  # the documents behind ``changed``

    @property
    def changed_rows(self) -> list[LedgerRow]:
        """The rows whose QuickBooks state this pull wrote anew."""
        wanted = set(self.changed_keys)
        return [row for row in self.rows if row.key in wanted]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def pull(
    client: QuickBooksClient, ledger: Ledger, *, now: Callable[[], dt.datetime] = _utc_now
) -> PullResult:
    """Read every change since the last pull (CDC) and store each pushed document's state."""
    since, older = _since(ledger.cursor(CURSOR), now())
    try:
        result = client.cdc(ENTITIES, since)
    except QuickBooksError as error:
        if not is_look_back_refusal(error):
            raise
        since, older = since_text(now() - LOOK_BACK + MARGIN), since
        result = client.cdc(ENTITIES, since)
    note = too_old(older) if older is not None else None
    if older is not None:
        result = with_queries(client, result, older)
    today = _date_of(result.server_time) or now().date()
    rows = ledger.pushed()
    by_id = {(row.kind, row.qbo_id): row for row in rows}
    found: dict[tuple[DocumentKind, str], Pulled] = {}
    for change in result.changes:
        kind = KIND_OF.get(change.entity)
        row = by_id.get((kind, change.entity_id)) if kind is not None else None
        if row is not None:
            found[row.key] = derive(row, change, today)
    for row in rows:
        if row.key not in found and _now_overdue(row, today):
            found[row.key] = _overdue(row)
    changed = [pulled for pulled in found.values() if _differs(by_id, pulled)]
    cursor = result.server_time or result.latest_change or since
    tid = result.intuit_tids[-1] if result.intuit_tids else None
    with ledger.transaction():
        ledger.store_pulled(changed)
        store_links(ledger, result.changes, rows)
        for pulled in changed:
            ledger.record("pull", pulled.state.value, kind=pulled.kind, number=pulled.number,
                          intuit_tid=tid)  # fmt: skip
        ledger.set_cursor(CURSOR, cursor)
    keys = tuple((pulled.kind, pulled.number) for pulled in changed)
    return PullResult(ledger.pushed(), since, cursor, len(changed),
                      str(note) if note else None, note, keys)  # fmt: skip


def _since(cursor: str | None, now: dt.datetime) -> tuple[str, str | None]:
    """The changedSince to ask CDC, and the cursor when it is beyond CDC's 30 days."""
    limit = now - LOOK_BACK + MARGIN
    try:
        last = _moment(cursor) if cursor is not None else None
    except ValueError:
        last = None  # unreadable: read as the first pull does
    if cursor is None or last is None:
        return since_text(limit), None  # first pull: as far back as QuickBooks keeps
    if last < limit:
        return since_text(limit), cursor
    return cursor, None


def derive(row: LedgerRow, change: CdcChange, today: dt.date) -> Pulled:
    """The state of ``row``'s document from its latest QuickBooks version ``change``."""
    record = change.record
    if change.deleted:
        return Pulled(row.kind, row.number, PulledState.DELETED, None, change.last_updated,
                      bool(row.qbo_edited), row.qbo_due_date, row.qbo_fingerprint,
                      row.qbo_fingerprint_token, tuple(row.edited_fields))  # fmt: skip
    token = str(record.get("SyncToken", ""))
    fingerprint = _fingerprint(record)
    base, base_token = row.qbo_fingerprint, row.qbo_fingerprint_token
    if base_token is not None and _number(base_token) < _number(row.sync_token):
        base, base_token = None, None  # we pushed an update since: that fingerprint is stale
    if token == row.sync_token:
        base, base_token = fingerprint, token
    if base is not None:
        edited = fingerprint != base
    else:  # first seen after other changes: more SyncToken moves than they explain
        edited = _number(token) - _number(row.sync_token) > _explained_moves(change.entity, record)
    due = str(record["DueDate"]) if record.get("DueDate") else None
    if change.entity == "Invoice":
        total = Decimal(str(record.get("TotalAmt", 0)))
        balance = Decimal(str(record.get("Balance", total)))
        voided = total == 0 and balance == 0 and Decimal(row.flowfit_total or "1") != 0
        state = _invoice_state(total, balance, due, today, edited, voided)
        edited = edited and not voided
        return Pulled(row.kind, row.number, state, balance, change.last_updated, edited, due,
                      base, base_token, _edits(row, record, edited))  # fmt: skip
    state = PulledState.EDITED if edited else _estimate_state(record)
    return Pulled(row.kind, row.number, state, None, change.last_updated, edited, due, base,
                  base_token, _edits(row, record, edited))  # fmt: skip


def _edits(row: LedgerRow, record: dict[str, Any], edited: bool) -> tuple[FieldDifference, ...]:
    # Only for an edit: QuickBooks fills in some fields itself, which is not a user's edit.
    return differences(row, record) if edited else ()


def _invoice_state(
    total: Decimal, balance: Decimal, due: str | None, today: dt.date, edited: bool, voided: bool
) -> PulledState:
    if voided:
        return PulledState.DELETED  # voided: the states name no separate "voided"
    if edited:
        return PulledState.EDITED
    if balance == 0 and total > 0:
        return PulledState.PAID
    if balance > 0 and due is not None and dt.date.fromisoformat(due) < today:
        return PulledState.OVERDUE
    if 0 < balance < total:
        return PulledState.PARTIALLY_PAID
    return PulledState.UNPAID


def _estimate_state(record: dict[str, Any]) -> PulledState:
    if _links(record, "Invoice"):
        return PulledState.CONVERTED
    status = str(record.get("TxnStatus") or "Pending")
    return {
        "Accepted": PulledState.ACCEPTED,
        "Closed": PulledState.CLOSED,
        "Rejected": PulledState.REJECTED,
    }.get(status, PulledState.PENDING)


def _explained_moves(entity: str, record: dict[str, Any]) -> int:
    """SyncToken moves that payments, conversions and a status change account for."""
    if entity == "Invoice":
        return len(_links(record, "Payment"))
    status_moved = str(record.get("TxnStatus") or "Pending") != "Pending"
    return len(_links(record, "Invoice")) + int(status_moved)


def _links(record: dict[str, Any], txn_type: str) -> list[str]:
    return [
        str(link.get("TxnId"))
        for link in record.get("LinkedTxn") or []
        if isinstance(link, dict) and link.get("TxnType") == txn_type
    ]


def _fingerprint(record: dict[str, Any]) -> str:
    content = {key: value for key, value in record.items() if key not in SIDE_EFFECTS}
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()


def _now_overdue(row: LedgerRow, today: dt.date) -> bool:
    """An open invoice whose due date passed since the last pull (no change in QuickBooks)."""
    if row.kind is not DocumentKind.INVOICE or row.qbo_state not in OPEN:
        return False
    due, balance = row.qbo_due_date, Decimal(row.qbo_balance or "0")
    return due is not None and balance > 0 and dt.date.fromisoformat(due) < today


def _overdue(row: LedgerRow) -> Pulled:
    balance = Decimal(row.qbo_balance) if row.qbo_balance is not None else None
    return Pulled(row.kind, row.number, PulledState.OVERDUE, balance, row.qbo_changed_at or "",
                  bool(row.qbo_edited), row.qbo_due_date, row.qbo_fingerprint,
                  row.qbo_fingerprint_token, tuple(row.edited_fields))  # fmt: skip


def _differs(by_id: dict[tuple[DocumentKind, str | None], LedgerRow], pulled: Pulled) -> bool:
    row = next(row for row in by_id.values() if row.key == (pulled.kind, pulled.number))
    balance = str(pulled.balance) if pulled.balance is not None else None
    stored = (row.qbo_state, row.qbo_balance, row.qbo_changed_at, bool(row.qbo_edited),
              row.qbo_due_date, row.qbo_fingerprint, row.qbo_fingerprint_token,
              tuple(row.edited_fields))  # fmt: skip
    return stored != (pulled.state.value, balance, pulled.changed_at, pulled.edited,
                      pulled.due_date, pulled.fingerprint, pulled.fingerprint_token,
                      pulled.differences)  # fmt: skip


def _number(token: str | None) -> int:
    try:
        return int(token or "0")
    except ValueError:
        return 0


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _date_of(text: str | None) -> dt.date | None:
    """The company's local date in QuickBooks' ``time`` (it carries the company's offset)."""
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None
