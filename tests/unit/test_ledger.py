"""The sync ledger on real SQLite: attempts, outcomes, customers, history, reopening."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import text
from qbconnector.storage.ledger import Attempt, CustomerLink, Ledger, Operation, RowState
from qbconnector.storage.ledger_schema import (
    MIGRATIONS,
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    Pulled,
    PulledState,
)

INVOICE = DocumentKind.INVOICE
QUOTE = DocumentKind.QUOTE


class Clock:
    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.sqlite3", who="alice", clock=Clock()) as opened:
        yield opened


def attempt(number: str, requestid: str = "r1", bid: str = "b1", kind: DocumentKind = INVOICE,
            operation: Operation = Operation.CREATE) -> Attempt:  # fmt: skip
    return Attempt(kind, number, operation, f'{{"DocNumber": "{number}"}}', "h-" + number,
                   requestid, bid)  # fmt: skip


def test_attempt_is_pending_with_its_requestid_before_sending(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1", "req-1", "b7")])
    row = ledger.get(INVOICE, "F1")
    assert row is not None
    assert (row.state, row.requestid, row.bid, row.attempts, row.payload_hash) == (
        RowState.PENDING,
        "req-1",
        "b7",
        1,
        "h-F1",
    )


def test_synced_keeps_id_token_and_drops_the_payload(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="55", sync_token="0", payload_hash="h-F1")
    row = ledger.get(INVOICE, "F1")
    assert row is not None
    assert (row.state, row.qbo_id, row.sync_token, row.payload, row.synced_at is not None) == (
        RowState.SYNCED,
        "55",
        "0",
        None,
        True,
    )


def test_second_attempt_counts_and_keeps_qbo_id(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="55", sync_token="0")
    ledger.begin_attempts([attempt("F1", "r2", operation=Operation.UPDATE)])
    row = ledger.get(INVOICE, "F1")
    assert row is not None
    assert (row.state, row.operation, row.qbo_id, row.attempts) == (
        RowState.PENDING,
        Operation.UPDATE,
        "55",
        2,
    )


def test_unfinished_lists_pending_and_uncertain_only(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1"), attempt("F2", bid="b2"), attempt("F3", bid="b3")])
    ledger.mark_uncertain(INVOICE, "F2", "timed out")
    ledger.mark_failed(INVOICE, "F3", "refused")
    assert [row.number for row in ledger.unfinished()] == ["F1", "F2"]


def test_failure_for_a_document_without_row_creates_one(ledger: Ledger) -> None:
    ledger.mark_failed(QUOTE, "Q1", "the name is taken")
    row = ledger.get(QUOTE, "Q1")
    assert row is not None
    assert (row.state, row.last_error, row.qbo_id) == (RowState.FAILED, "the name is taken", None)


def test_counts_by_state(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1"), attempt("F2", bid="b2")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="1", sync_token="0")
    counts = ledger.counts()
    assert (counts[RowState.SYNCED], counts[RowState.PENDING], counts[RowState.FAILED]) == (1, 1, 0)


def test_rows_survive_reopening(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with Ledger.open(path, who="alice") as first:
        first.begin_attempts([attempt("F1", "req-9")])
    with Ledger.open(path, who="bob") as second:
        assert [row.requestid for row in second.unfinished()] == ["req-9"]


def test_rows_with_requestid(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1", "A", "b1"), attempt("F2", "A", "b2"), attempt("F3", "B")])
    assert [row.number for row in ledger.with_requestid("A")] == ["F1", "F2"]


def test_history_records_who_what_and_intuit_tid(ledger: Ledger) -> None:
    ledger.begin_attempts([attempt("F1", "req-1")])
    ledger.mark_synced(INVOICE, "F1", qbo_id="55", sync_token="0", intuit_tid="tid-1")
    entries = ledger.history(INVOICE, "F1")
    assert [(e.action, e.result, e.qbo_id, e.intuit_tid, e.requestid, e.who) for e in entries] == [
        ("create", "synced", "55", "tid-1", "req-1", "alice"),
        ("create", "sent", None, None, "req-1", "alice"),
    ]


def test_customer_link_is_stored_and_replaced(ledger: Ledger) -> None:
    ledger.link_customer(CustomerLink("ACME", "Acme Inc.", "10", "CAD"), how="created")
    ledger.link_customer(CustomerLink("ACME", "Acme Inc.", "11", None), how="linked")
    assert ledger.customer("ACME") == CustomerLink("ACME", "Acme Inc.", "11", None)
    assert [entry.action for entry in ledger.history(limit=5)] == [
        "customer-linked",
        "customer-created",
    ]


def test_unlink_customer(ledger: Ledger) -> None:
    ledger.link_customer(CustomerLink("ACME", "Acme Inc.", "10", None), how="found")
    ledger.unlink_customer("ACME")
    assert ledger.customer("ACME") is None


def test_cursor_round_trip(ledger: Ledger) -> None:
    assert ledger.cursor("auto:invoice") is None
    ledger.set_cursor("auto:invoice", "2026-01-01T00:00:00+00:00")
    ledger.set_cursor("auto:invoice", "2026-02-01T00:00:00+00:00")
    assert ledger.cursor("auto:invoice") == "2026-02-01T00:00:00+00:00"


def test_failed_transaction_leaves_nothing(ledger: Ledger) -> None:
    def crash_inside_transaction() -> None:
        with ledger.transaction():
            ledger.begin_attempts([attempt("F1")])
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        crash_inside_transaction()
    assert ledger.get(INVOICE, "F1") is None


def test_ledger_uses_wal(ledger: Ledger) -> None:
    assert ledger.database.journal_mode == "wal"


def test_failure_sentence_is_kept_for_translation(ledger: Ledger) -> None:
    sentence = text("QuickBooks refused it: {error}", error="Invalid Reference Id (code 2500)")
    ledger.mark_failed(DocumentKind.INVOICE, "INV-9", sentence)
    row = ledger.get(DocumentKind.INVOICE, "INV-9")
    assert row is not None
    assert row.last_error == "QuickBooks refused it: Invalid Reference Id (code 2500)"
    assert row.error_sentence == sentence
    ledger.mark_failed(DocumentKind.INVOICE, "INV-9", "plain words from elsewhere")
    again = ledger.get(DocumentKind.INVOICE, "INV-9")
    assert again is not None
    assert again.error_sentence is None


def test_a_version_1_ledger_is_migrated_without_losing_rows(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1)
        old.execute(
            "INSERT INTO documents (kind, number, state, doc_number, last_error, created_at,"
            " updated_at) VALUES ('invoice', 'INV-1', 'failed', 'INV-1', 'refused', 'x', 'x')"
        )
        old.execute("PRAGMA user_version = 1")
    old.close()
    with Ledger.open(path) as migrated:
        row = migrated.get(DocumentKind.INVOICE, "INV-1")
        assert row is not None
        assert row.last_error == "refused"
        assert row.error_sentence is None
        assert migrated.database.user_version == len(MIGRATIONS)


def test_a_version_3_ledger_is_migrated_and_keeps_pulled_states(tmp_path: Path) -> None:
    path = tmp_path / "ledger.sqlite3"
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1 + ";" + SCHEMA_V2 + ";" + SCHEMA_V3)
        old.execute(
            "INSERT INTO documents (kind, number, state, qbo_id, sync_token, doc_number,"
            " created_at, updated_at, qbo_total) VALUES ('invoice', 'INV-1', 'synced', '7', '0',"
            " 'INV-1', 'x', 'x', '115.00')"
        )
        old.execute("PRAGMA user_version = 3")
    old.close()
    with Ledger.open(path) as migrated:
        assert migrated.database.user_version == len(MIGRATIONS) >= 6
        (row,) = migrated.pushed()
        assert (row.qbo_total, row.qbo_state, row.qbo_balance, row.qbo_edited) == (
            "115.00", None, None, 0)  # fmt: skip
        pulled = Pulled(INVOICE, "INV-1", PulledState.PARTIALLY_PAID, Decimal("15.00"),
                        "2026-01-02T03:04:05.000-08:00", False, "2026-02-01", "f", "0")  # fmt: skip
        migrated.store_pulled([pulled])
        again = migrated.get(INVOICE, "INV-1")
        assert again is not None
        assert (again.qbo_state, again.qbo_balance, again.qbo_due_date) == (
            "partially-paid", "15.00", "2026-02-01")  # fmt: skip


def test_totals_are_kept_and_differences_listed(ledger: Ledger) -> None:
    for number, qbo_total in (("T1", "5168.32"), ("T2", "5168.31")):
        billed = dataclasses.replace(attempt(number), flowfit_total="5168.32", flowfit_tax="673.16")
        ledger.begin_attempts([billed])
        tax = Decimal(qbo_total) - Decimal("4495.16")
        ledger.mark_synced(INVOICE, number, qbo_id=number, sync_token="0",
                           qbo_totals=(Decimal(qbo_total), tax))  # fmt: skip
    equal = ledger.get(INVOICE, "T1")
    assert equal is not None
    assert equal.totals is not None
    assert not equal.totals.differ
    (different,) = ledger.totals_differ()
    assert different.number == "T2"
    assert different.totals is not None
    assert different.totals.difference == Decimal("-0.01")
    # A later answer without totals (adopted by DocNumber) keeps the ones known.
    ledger.mark_synced(INVOICE, "T2", qbo_id="T2", sync_token="1")
    again = ledger.get(INVOICE, "T2")
    assert again is not None
    assert again.qbo_total == "5168.31"
