"""Held updates: which pulled states hold an update, what each says, and push anyway."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import pytest

from qbconnector.core.documents import Document, DocumentStatus
from qbconnector.core.errors import ExitCode
from qbconnector.storage.ledger_schema import LedgerRow, Operation, RowState
from qbconnector.sync.auto import next_cursor
from qbconnector.sync.holds import Hold, hold_for
from qbconnector.sync.plan import Action, decide, plan
from qbconnector.sync.results import DocumentResult, Outcome, SyncReport
from qbconnector.sync.sources import result_record
from tests.unit.test_plan import FACTS, INVOICE, OPTIONS, QUOTE, digest_of


def pushed(document: Document, digest: str | None = "old-hash", **pulled: Any) -> LedgerRow:
    """A synced row of ``document`` (QuickBooks Id 55, total 115.00) as a pull left it."""
    base = LedgerRow(document.kind, document.number, RowState.SYNCED, Operation.CREATE, "55",
                     "0", document.number, digest, None, "r", "b", 1, None, "t", "t", None,
                     flowfit_total="115.00", qbo_total="115.00")  # fmt: skip
    return dataclasses.replace(base, **pulled)


@pytest.mark.parametrize(
    ("pulled", "hold"),
    [
        ({"qbo_state": "paid", "qbo_balance": "0"}, Hold.PAID),
        ({"qbo_state": "partially-paid", "qbo_balance": "15.00"}, Hold.PAID),
        ({"qbo_state": "overdue", "qbo_balance": "15.00"}, Hold.PAID),  # late, partly paid
        ({"qbo_state": "edited-in-quickbooks", "qbo_edited": 1}, Hold.EDITED),
        ({"qbo_state": "partially-paid", "qbo_edited": 1}, Hold.EDITED),  # the edit says more
        ({"qbo_state": "deleted-in-quickbooks"}, Hold.DELETED),
    ],
)
def test_changed_invoice_is_held_with_its_reason(pulled: dict[str, Any], hold: Hold) -> None:
    planned = decide(INVOICE, OPTIONS, FACTS, pushed(INVOICE, **pulled))
    assert (planned.action, planned.hold) == (Action.HELD, hold)
    assert planned.hold_text is not None
    assert INVOICE.number in str(planned.hold_text)
    assert "Push anyway" in str(planned.hold_text)


@pytest.mark.parametrize(
    "pulled",
    [
        {},  # never pulled
        {"qbo_state": "unpaid", "qbo_balance": "115.00"},
        {"qbo_state": "overdue", "qbo_balance": "115.00"},  # late, nothing paid
        {"qbo_state": "no-such-state"},  # written by a newer version: no hold, no crash
    ],
)
def test_open_invoice_is_updated(pulled: dict[str, Any]) -> None:
    planned = decide(INVOICE, OPTIONS, FACTS, pushed(INVOICE, **pulled))
    assert (planned.action, planned.hold) == (Action.UPDATE, None)


@pytest.mark.parametrize(
    ("state", "hold"),
    [
        ("accepted", Hold.ESTIMATE_ACCEPTED),
        ("converted", Hold.ESTIMATE_CONVERTED),
        ("closed", Hold.ESTIMATE_CLOSED),
        ("rejected", Hold.ESTIMATE_REJECTED),
        ("edited-in-quickbooks", Hold.EDITED),
        ("deleted-in-quickbooks", Hold.DELETED),
        ("pending", None),
    ],
)
def test_estimate_states(state: str, hold: Hold | None) -> None:
    planned = decide(QUOTE, OPTIONS, FACTS, pushed(QUOTE, qbo_state=state))
    assert planned.hold is hold
    assert planned.action is (Action.HELD if hold else Action.UPDATE)


def test_paid_sentence_gives_balance_and_total() -> None:
    planned = decide(INVOICE, OPTIONS, FACTS, pushed(INVOICE, qbo_state="paid", qbo_balance="0"))
    assert "was paid in QuickBooks (balance 0.00 of 115.00)" in str(planned.hold_text)
    partial = pushed(INVOICE, qbo_state="partially-paid", qbo_balance="15")
    sentence = str(decide(INVOICE, OPTIONS, FACTS, partial).hold_text)
    assert "partially paid in QuickBooks (balance 15.00 of 115.00)" in sentence


def test_unchanged_document_is_never_held() -> None:
    row = pushed(INVOICE, digest_of(INVOICE), qbo_state="paid", qbo_balance="0")
    assert decide(INVOICE, OPTIONS, FACTS, row).action is Action.UNCHANGED
    edited = pushed(INVOICE, digest_of(INVOICE), qbo_state="edited-in-quickbooks", qbo_edited=1)
    assert decide(INVOICE, OPTIONS, FACTS, edited).action is Action.UNCHANGED


def test_blocked_wins_over_held() -> None:
    draft = dataclasses.replace(INVOICE, status=DocumentStatus.DRAFT)
    planned = decide(draft, OPTIONS, FACTS, pushed(draft, qbo_state="paid", qbo_balance="0"))
    assert planned.action is Action.BLOCKED


def test_push_anyway_updates_an_edited_or_paid_invoice() -> None:
    for pulled in ({"qbo_state": "paid", "qbo_balance": "0"}, {"qbo_edited": 1}):
        planned = decide(INVOICE, OPTIONS, FACTS, pushed(INVOICE, **pulled), overwrite=True)
        assert planned.action is Action.UPDATE
        assert planned.hold is not None  # the lifted hold stays known


def test_push_anyway_recreates_a_deleted_document_even_unchanged() -> None:
    for digest in ("old-hash", digest_of(INVOICE)):
        row = pushed(INVOICE, digest, qbo_state="deleted-in-quickbooks")
        assert decide(INVOICE, OPTIONS, FACTS, row, overwrite=True).action is Action.CREATE


def test_plan_lifts_only_the_keys_given() -> None:
    other = dataclasses.replace(INVOICE, number="INV-2")
    rows = {doc.key: pushed(doc, qbo_state="paid", qbo_balance="0") for doc in (INVOICE, other)}
    result = plan([INVOICE, other], OPTIONS, rows=rows, facts=FACTS, overwrite=[INVOICE.key])
    assert [item.action for item in result.items] == [Action.UPDATE, Action.HELD]
    assert result.counts()[Action.HELD] == 1
    assert [item.key for item in result.to_send] == [INVOICE.key]


def test_row_without_qbo_id_is_never_held() -> None:
    row = dataclasses.replace(pushed(INVOICE, qbo_state="paid"), qbo_id=None)
    assert hold_for(row) is None
    assert hold_for(None) is None


def test_auto_sync_cursor_waits_for_a_held_document() -> None:
    stamp = dt.datetime(2026, 1, 1, 3, tzinfo=dt.UTC)
    held = dataclasses.replace(INVOICE, number="H", updated_at=stamp)
    later = dataclasses.replace(INVOICE, number="L", updated_at=stamp + dt.timedelta(hours=2))
    report = SyncReport([DocumentResult(INVOICE.kind, "H", Outcome.HELD, hold=Hold.PAID),
                         DocumentResult(INVOICE.kind, "L", Outcome.CREATED)])  # fmt: skip
    assert next_cursor([held, later], report, None) == stamp


def test_flowfit_is_told_a_held_document_is_held_with_the_reason() -> None:
    sentence = "Invoice INV-1 was paid in QuickBooks ..."
    result = DocumentResult(INVOICE.kind, "INV-1", Outcome.HELD, "55", sentence, hold=Hold.PAID,
                            qbo_state="paid")  # fmt: skip
    record = result_record(result)
    assert record is not None
    assert record.as_json(dt.datetime(2026, 1, 1, tzinfo=dt.UTC)) == {
        "kind": "invoice", "number": "INV-1", "state": "held", "action": "held",
        "qbo_id": "55", "message": sentence, "at": "2026-01-01T00:00:00+00:00",
    }  # fmt: skip


def test_report_lists_held_documents_and_exits_1() -> None:
    edited = "edited-in-quickbooks"
    held = DocumentResult(INVOICE.kind, "INV-1", Outcome.HELD, "55", "why", hold=Hold.EDITED,
                          qbo_state=edited)  # fmt: skip
    report = SyncReport([held])
    assert report.as_json()["held"] == [
        {"kind": "invoice", "number": "INV-1", "reason": edited, "state": edited, "message": "why"}
    ]
    assert report.as_json()["failed"] == []
    assert report.summary_line().endswith("0 blocked, 1 held.")
    assert report.final_exit_code() is ExitCode.SOME_FAILED
