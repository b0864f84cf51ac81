"""The sync ledger: what was pushed to QuickBooks, what is in flight, and the audit trail."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from decimal import Decimal
from pathlib import Path

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text_to_json
from qbconnector.storage.ledger_schema import (
    DOCUMENT_COLUMNS,
    MIGRATIONS,
    AppliedPayment,
    Attempt,
    CustomerLink,
    FieldDifference,
    HistoryEntry,
    LedgerRow,
    Operation,
    Pulled,
    PulledState,
    RowState,
    differences_to_json,
)
from qbconnector.storage.readsafe import damaged_rows
from qbconnector.storage.sqlite import Database

__all__ = [
    "AppliedPayment",
    "Attempt",
    "CustomerLink",
    "FieldDifference",
    "HistoryEntry",
    "Ledger",
    "LedgerRow",
    "Operation",
    "Pulled",
    "PulledState",
    "RowState",
]

Key = tuple[DocumentKind, str]


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def current_user() -> str:
    """The OS account running the sync, for the audit trail."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some services and containers)
        return "unknown"


class Ledger:
    """Ledger rows per (kind, number), customer links and history; one per thread."""

    def __init__(
        self,
        database: Database,
        *,
        who: str | None = None,
        clock: Callable[[], dt.datetime] = _utc_now,
    ) -> None:
        self.database = database
        self.who = who or current_user()
        self._clock = clock

    @classmethod
    def open(
        cls, path: Path, *, who: str | None = None, clock: Callable[[], dt.datetime] = _utc_now
    ) -> Ledger:
        """Open (creating or migrating) the ledger at ``path``, e.g. ``profile.ledger_file``."""
        return cls(Database(path, MIGRATIONS), who=who, clock=clock)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Database]:
        """Group writes so they are committed together (one fsync for a whole batch)."""
        return self.database.transaction()

    def _now(self) -> str:
        return self._clock().isoformat()

    # -- documents: reading --------------------------------------------------------------------

    def get(self, kind: DocumentKind, number: str) -> LedgerRow | None:
        row = self.database.query_one(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE kind = ? AND number = ?",
            (kind.value, number),
        )
        return LedgerRow.from_row(row) if row is not None else None

    def rows(self, kind: DocumentKind | None = None) -> list[LedgerRow]:
        """Every row (of ``kind``), in key order."""
        where, params = ("WHERE kind = ?", (kind.value,)) if kind is not None else ("", ())
        found = self.database.query(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents {where} ORDER BY kind, number", params
        )
        return [LedgerRow.from_row(row) for row in found]

    def rows_for(self, keys: Iterable[Key]) -> dict[Key, LedgerRow]:
        """The rows of these documents (missing keys are absent from the result)."""
        wanted = set(keys)
        return {row.key: row for row in self.rows() if row.key in wanted}

    def unfinished(self) -> list[LedgerRow]:
        """Rows left pending or uncertain: they are reconciled before anything else is sent."""
        found = self.database.query(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE state IN ('pending', 'uncertain')"
            " ORDER BY requestid, bid"
        )
        return [LedgerRow.from_row(row) for row in found]

    def with_requestid(self, requestid: str) -> list[LedgerRow]:
        found = self.database.query(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE requestid = ? ORDER BY bid",
            (requestid,),
        )
        return [LedgerRow.from_row(row) for row in found]

    def counts(self) -> dict[RowState, int]:
        """How many rows are in each state."""
        tally = dict.fromkeys(RowState, 0)
        for state, count in self.database.query(
            "SELECT state, count(*) FROM documents GROUP BY state"
        ):
            tally[_state(state)] = int(count)
        return tally

    def totals_differ(self) -> list[LedgerRow]:
        """Synced rows whose QuickBooks total or tax is not what FlowFit billed."""
        rows = self.database.query(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE state = 'synced'"
            " AND qbo_total IS NOT NULL AND flowfit_total IS NOT NULL ORDER BY kind, number"
        )
        found = [LedgerRow.from_row(row) for row in rows]
        # Compared as Decimal: as text "10.0" and "10.00" would differ.
        return [row for row in found if row.totals is not None and row.totals.differ]

    # -- documents: writing --------------------------------------------------------------------

    def begin_attempts(self, attempts: Sequence[Attempt]) -> None:
        """Write each attempt (state pending, its requestid) before it is sent; one commit."""
        now = self._now()
        with self.transaction():
            for attempt in attempts:
                self.database.execute(
                    "INSERT INTO documents (kind, number, state, operation, doc_number,"
                    " payload_hash, payload, requestid, bid, attempts, created_at, updated_at,"
                    " flowfit_total, flowfit_tax)"
                    " VALUES (?, ?, 'pending', ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)"
                    " ON CONFLICT (kind, number) DO UPDATE SET state = 'pending',"
                    " operation = excluded.operation, payload_hash = excluded.payload_hash,"
                    " payload = excluded.payload, requestid = excluded.requestid,"
                    " bid = excluded.bid, attempts = attempts + 1,"
                    " updated_at = excluded.updated_at, flowfit_total = excluded.flowfit_total,"
                    " flowfit_tax = excluded.flowfit_tax",
                    (
                        attempt.kind.value,
                        attempt.number,
                        attempt.operation.value,
                        attempt.number,
                        attempt.payload_hash,
                        attempt.payload,
                        attempt.requestid,
                        attempt.bid,
                        now,
                        now,
                        attempt.flowfit_total,
                        attempt.flowfit_tax,
                    ),
                )
                self._history(attempt.kind, attempt.number, attempt.operation, "sent", None,
                              attempt.requestid, None, None, now)  # fmt: skip

    def mark_synced(
        self,
        kind: DocumentKind,
        number: str,
        *,
        qbo_id: str,
        sync_token: str,
        payload_hash: str | None = None,
        action: str = "create",
        intuit_tid: str | None = None,
        message: str | None = None,
        qbo_totals: tuple[Decimal, Decimal] | None = None,
    ) -> None:
        """QuickBooks holds the document as Id ``qbo_id``; the attempt is finished.

        ``qbo_totals`` is QuickBooks' (TotalAmt, TotalTax) when its answer carried them.
        """
        now = self._now()
        total, tax = (str(qbo_totals[0]), str(qbo_totals[1])) if qbo_totals else (None, None)
        with self.transaction():
            self._ensure(kind, number, now)
            self._forget_pulled(kind, number, qbo_id, now)
            self.database.execute(
                "UPDATE documents SET state = 'synced', qbo_id = ?, sync_token = ?,"
                " payload_hash = COALESCE(?, payload_hash), synced_payload = COALESCE(payload,"
                " synced_payload), payload = NULL, last_error = NULL,"
                " updated_at = ?, synced_at = ?, qbo_total = COALESCE(?, qbo_total),"
                " qbo_tax = COALESCE(?, qbo_tax) WHERE kind = ? AND number = ?",
                (qbo_id, sync_token, payload_hash, now, now, total, tax, kind.value, number),
            )
            row = self.get(kind, number)
            requestid = row.requestid if row else None
            self._history(kind, number, action, "synced", qbo_id, requestid, intuit_tid,
                          message, now)  # fmt: skip

    def _forget_pulled(self, kind: DocumentKind, number: str, qbo_id: str, now: str) -> None:
        """What a pull found no longer holds once our version is written: the edit is
        overwritten (a recreated document is another QuickBooks transaction: all of it goes),
        and the balance is unknown until the next pull (the total may have moved)."""
        row = self.get(kind, number)
        if row is None or row.qbo_id is None:
            return
        if row.qbo_id != qbo_id:
            self.database.execute(
                "UPDATE documents SET qbo_state = NULL, qbo_balance = NULL, qbo_changed_at = NULL,"
                " qbo_edited = 0, qbo_due_date = NULL, qbo_fingerprint = NULL,"
                " qbo_fingerprint_token = NULL, qbo_differences = NULL"
                " WHERE kind = ? AND number = ?",
                (kind.value, number),
            )
            # Payments were applied to the deleted transaction, not to the new one.
            self.database.execute("DELETE FROM payments WHERE kind = ? AND number = ?",
                                  (kind.value, number))  # fmt: skip
            self._history(kind, number, "recreate", "synced", qbo_id, row.requestid, None,
                          f"recreated in QuickBooks as Id {qbo_id}; Id {row.qbo_id} was deleted "
                          "or voided there", now)  # fmt: skip
            return
        self.database.execute(
            "UPDATE documents SET qbo_edited = 0, qbo_balance = NULL, qbo_differences = NULL,"
            " qbo_state = CASE WHEN"
            " qbo_state IN (?, ?) THEN NULL ELSE qbo_state END WHERE kind = ? AND number = ?",
            (PulledState.EDITED.value, PulledState.DELETED.value, kind.value, number),
        )

    def mark_failed(
        self,
        kind: DocumentKind,
        number: str,
        error: str | Text,
        *,
        action: str = "create",
        intuit_tid: str | None = None,
    ) -> None:
        """QuickBooks refused the attempt (nothing was written there); ``error`` says why."""
        self._mark(kind, number, RowState.FAILED, error, action, intuit_tid)

    def mark_uncertain(
        self,
        kind: DocumentKind,
        number: str,
        error: str | Text,
        *,
        action: str = "create",
        intuit_tid: str | None = None,
    ) -> None:
        """The attempt may or may not have been committed: reconcile before sending again."""
        self._mark(kind, number, RowState.UNCERTAIN, error, action, intuit_tid)

    def _mark(
        self,
        kind: DocumentKind,
        number: str,
        state: RowState,
        error: str | Text,
        action: str,
        intuit_tid: str | None,
    ) -> None:
        now = self._now()
        sentence = text_to_json(error) if isinstance(error, Text) else None
        error = str(error)
        with self.transaction():
            self._ensure(kind, number, now)
            self.database.execute(
                "UPDATE documents SET state = ?, last_error = ?, last_error_text = ?,"
                " updated_at = ? WHERE kind = ? AND number = ?",
                (state.value, error, sentence, now, kind.value, number),
            )
            row = self.get(kind, number)
            self._history(kind, number, action, state.value, row.qbo_id if row else None,
                          row.requestid if row else None, intuit_tid, error, now)  # fmt: skip

    def set_sync_token(self, kind: DocumentKind, number: str, sync_token: str) -> None:
        """Remember a SyncToken re-read from QuickBooks (after a stale-object refusal)."""
        self.database.execute(
            "UPDATE documents SET sync_token = ?, updated_at = ? WHERE kind = ? AND number = ?",
            (sync_token, self._now(), kind.value, number),
        )

    def _ensure(self, kind: DocumentKind, number: str, now: str) -> None:
        # A failure can be recorded for a document that never had an attempt (blocked...).
        self.database.execute(
            "INSERT INTO documents (kind, number, state, doc_number, created_at, updated_at)"
            " VALUES (?, ?, 'failed', ?, ?, ?) ON CONFLICT (kind, number) DO NOTHING",
            (kind.value, number, number, now, now),
        )

    def pushed(self) -> list[LedgerRow]:
        """Rows QuickBooks holds (they have an Id), in key order: what a pull reports on."""
        return [row for row in self.rows() if row.qbo_id is not None]

    def store_pulled(self, pulled: Iterable[Pulled]) -> None:
        """Write what a pull found for each document; one commit."""
        with self.transaction():
            for found in pulled:
                balance = str(found.balance) if found.balance is not None else None
                self.database.execute(
                    "UPDATE documents SET qbo_state = ?, qbo_balance = ?, qbo_changed_at = ?,"
                    " qbo_edited = ?, qbo_due_date = ?, qbo_fingerprint = ?,"
                    " qbo_fingerprint_token = ?, qbo_differences = ? WHERE kind = ? AND number = ?",
                    (found.state.value, balance, found.changed_at, int(found.edited),
                     found.due_date, found.fingerprint, found.fingerprint_token,
                     differences_to_json(found.differences), found.kind.value, found.number),
                )  # fmt: skip

    def payments(self, kind: DocumentKind, number: str) -> list[AppliedPayment]:
        """The payments QuickBooks applied to a pushed document, oldest first."""
        rows = self.database.query(
            "SELECT payment_id, kind, number, date, amount, reference FROM payments"
            " WHERE kind = ? AND number = ? ORDER BY date, payment_id",
            (kind.value, number),
        )
        return [AppliedPayment(str(pid), DocumentKind(k), str(n), d, Decimal(a), ref)
                for pid, k, n, d, a, ref in rows]  # fmt: skip

    def replace_payment(self, payment_id: str, applied: Iterable[AppliedPayment]) -> None:
        """A payment's applications as QuickBooks now holds them (none: it was deleted)."""
        with self.transaction():
            self.database.execute("DELETE FROM payments WHERE payment_id = ?", (payment_id,))
            for part in applied:
                self.database.execute(
                    "INSERT INTO payments (payment_id, kind, number, date, amount, reference)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    (payment_id, part.kind.value, part.number, part.date, str(part.amount),
                     part.reference),
                )  # fmt: skip

    # -- customers -----------------------------------------------------------------------------

    def customer(self, client_code: str) -> CustomerLink | None:
        row = self.database.query_one(
            "SELECT client_code, display_name, qbo_id, currency FROM customers"
            " WHERE client_code = ?",
            (client_code,),
        )
        return CustomerLink(*row) if row is not None else None

    def customers(self) -> dict[str, CustomerLink]:
        rows = self.database.query(
            "SELECT client_code, display_name, qbo_id, currency FROM customers"
        )
        return {row[0]: CustomerLink(*row) for row in rows}

    def link_customer(self, link: CustomerLink, *, how: str, intuit_tid: str | None = None) -> None:
        """Bind a client code to a QuickBooks customer (``how``: created, found, linked)."""
        now = self._now()
        with self.transaction():
            self.database.execute(
                "INSERT INTO customers (client_code, display_name, qbo_id, currency, linked_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (client_code) DO UPDATE SET"
                " display_name = excluded.display_name, qbo_id = excluded.qbo_id,"
                " currency = excluded.currency, linked_at = excluded.linked_at",
                (link.client_code, link.display_name, link.qbo_id, link.currency, now),
            )
            self._history(None, link.client_code, f"customer-{how}", "linked", link.qbo_id,
                          None, intuit_tid, link.display_name, now)  # fmt: skip

    def unlink_customer(self, client_code: str) -> None:
        """Forget a mapping (the customer was deleted or made inactive in QuickBooks)."""
        self.database.execute("DELETE FROM customers WHERE client_code = ?", (client_code,))

    # -- history and cursors -------------------------------------------------------------------

    def _history(
        self,
        kind: DocumentKind | None,
        number: str | None,
        action: str,
        result: str,
        qbo_id: str | None,
        requestid: str | None,
        intuit_tid: str | None,
        message: str | None,
        at: str,
    ) -> None:
        self.database.execute(
            "INSERT INTO history (at, kind, number, action, result, qbo_id, requestid,"
            " intuit_tid, message, who) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (at, kind.value if kind else None, number, str(action), result, qbo_id, requestid,
             intuit_tid, message, self.who),
        )  # fmt: skip

    def record(
        self,
        action: str,
        result: str,
        *,
        kind: DocumentKind | None = None,
        number: str | None = None,
        message: str | None = None,
        intuit_tid: str | None = None,
    ) -> None:
        """Add a line to the audit trail without touching any row."""
        self._history(kind, number, action, result, None, None, intuit_tid, message, self._now())

    def history(
        self, kind: DocumentKind | None = None, number: str | None = None, limit: int = 1000
    ) -> list[HistoryEntry]:
        """The audit trail, newest first (of one document when kind and number are given)."""
        where = ""
        params: tuple[str, ...] = ()
        if kind is not None and number is not None:
            where, params = "WHERE kind = ? AND number = ?", (kind.value, number)
        rows = self.database.query(
            "SELECT at, kind, number, action, result, qbo_id, requestid, intuit_tid, message, who"
            f" FROM history {where} ORDER BY id DESC LIMIT ?",
            (*params, limit),
        )
        return [HistoryEntry(*row) for row in rows]

    def cursor(self, name: str) -> str | None:
        row = self.database.query_one("SELECT value FROM cursors WHERE name = ?", (name,))
        return str(row[0]) if row is not None else None

    def set_cursor(self, name: str, value: str) -> None:
        self.database.execute(
            "INSERT INTO cursors (name, value) VALUES (?, ?)"
            " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, value),
        )


@damaged_rows("ledger.sqlite3")
def _state(value: str) -> RowState:
    return RowState(value)
