"""Sync building blocks without a network: reports, cursors, retries, batches and replays."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

import pytest

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.core.variables import sample_document
from qbconnector.quickbooks.batch import BatchItem, BatchResult
from qbconnector.quickbooks.client import EntityResult, QueryResult
from qbconnector.quickbooks.errors import (
    NetworkError,
    QuickBooksError,
    ServerError,
    ValidationError,
)
from qbconnector.storage.ledger_schema import LedgerRow, Operation, RowState
from qbconnector.sync.auto import next_cursor
from qbconnector.sync.jobs import Batch, Job, replayable
from qbconnector.sync.results import DocumentResult, Outcome, SyncReport
from qbconnector.sync.sender import RetryPolicy, send_batch

INVOICE = DocumentKind.INVOICE


def result(number: str, outcome: Outcome, **fields: Any) -> DocumentResult:
    return DocumentResult(INVOICE, number, outcome, **fields)


def test_report_json_shape() -> None:
    report = SyncReport([
        result("A", Outcome.CREATED, qbo_id="1"),
        result("B", Outcome.UNCHANGED, qbo_id="2"),
        result("C", Outcome.FAILED, message="refused"),
        result("D", Outcome.BLOCKED, message="no lines", reasons=("no lines",)),
    ])  # fmt: skip
    assert report.as_json() == {
        "synced": [
            {"kind": "invoice", "number": "A", "action": "create", "qbo_id": "1"},
            {"kind": "invoice", "number": "B", "action": "unchanged", "qbo_id": "2"},
        ],
        "failed": [{"kind": "invoice", "number": "C", "error": "refused"}],
        "blocked": [{"kind": "invoice", "number": "D", "reasons": ["no lines"]}],
        "held": [],
    }


@pytest.mark.parametrize(
    ("outcomes", "expected"),
    [
        ([Outcome.CREATED, Outcome.UNCHANGED], ExitCode.OK),
        ([Outcome.CREATED, Outcome.BLOCKED], ExitCode.SOME_FAILED),
        ([Outcome.FAILED], ExitCode.SOME_FAILED),
        ([Outcome.NOT_SENT], ExitCode.SOME_FAILED),
        ([Outcome.CREATED, Outcome.HELD], ExitCode.SOME_FAILED),
    ],
)
def test_exit_codes(outcomes: list[Outcome], expected: ExitCode) -> None:
    report = SyncReport([result(str(i), o) for i, o in enumerate(outcomes)])
    assert report.final_exit_code() is expected


def test_stop_reason_wins_the_exit_code() -> None:
    report = SyncReport([result("A", Outcome.NOT_SENT)], exit_code=ExitCode.RECONNECT_REQUIRED)
    assert report.final_exit_code() is ExitCode.RECONNECT_REQUIRED


def test_cancelled_summary_says_n_of_m() -> None:
    report = SyncReport([result("A", Outcome.CREATED), result("B", Outcome.NOT_SENT)],
                        to_send=2, cancelled=True)  # fmt: skip
    assert report.summary_line().startswith("Stopped after 1 of 2 documents to send")


def _doc(number: str, hour: int) -> Document:
    stamp = dt.datetime(2026, 1, 1, hour, tzinfo=dt.UTC)
    return dataclasses.replace(sample_document(), number=number, updated_at=stamp)


def test_cursor_moves_to_latest_when_all_synced() -> None:
    docs = [_doc("A", 1), _doc("B", 5)]
    report = SyncReport([result("A", Outcome.CREATED), result("B", Outcome.UNCHANGED)])
    assert next_cursor(docs, report, None) == dt.datetime(2026, 1, 1, 5, tzinfo=dt.UTC)


def test_cursor_is_held_back_by_a_failure() -> None:
    docs = [_doc("A", 1), _doc("B", 3), _doc("C", 5)]
    report = SyncReport([result("A", Outcome.CREATED), result("B", Outcome.FAILED),
                         result("C", Outcome.NOT_SENT)])  # fmt: skip
    assert next_cursor(docs, report, None) == dt.datetime(2026, 1, 1, 3, tzinfo=dt.UTC)


def test_cursor_ignores_blocked_and_keeps_previous_without_documents() -> None:
    previous = dt.datetime(2026, 1, 1, 9, tzinfo=dt.UTC)
    docs = [_doc("A", 2)]
    assert next_cursor(docs, SyncReport([result("A", Outcome.BLOCKED)]), None) == docs[0].updated_at
    assert next_cursor([], SyncReport(), previous) == previous


class ScriptedApi:
    """Answers batches from a script of errors, then succeeds; counts the requestids seen."""

    def __init__(self, failures: list[QuickBooksError]) -> None:
        self.failures = failures
        self.requestids: list[str] = []

    def batch(self, items: Sequence[BatchItem], request_id: str) -> BatchResult:
        self.requestids.append(request_id)
        if self.failures:
            raise self.failures.pop(0)
        return BatchResult({}, (), None, request_id)

    def query(self, select: str) -> QueryResult:
        raise NotImplementedError

    def read(self, entity: str, entity_id: str) -> EntityResult:
        raise NotImplementedError


def test_uncertain_batch_is_resent_with_the_same_requestid() -> None:
    api = ScriptedApi([ServerError("503"), NetworkError("reset", maybe_sent=True)])
    call = send_batch(api, [], "req-1", RetryPolicy(retries=3), sleep=lambda s: None)
    assert (call.error, call.tries, api.requestids) == (None, 3, ["req-1"] * 3)


def test_refusal_is_not_retried() -> None:
    api = ScriptedApi([ValidationError("bad")])
    call = send_batch(api, [], "req-1", RetryPolicy(retries=3), sleep=lambda s: None)
    assert (isinstance(call.error, ValidationError), call.tries) == (True, 1)


def test_retries_give_up_with_the_last_error() -> None:
    api = ScriptedApi([ServerError("1"), ServerError("2"), ServerError("3")])
    call = send_batch(api, [], "req-1", RetryPolicy(retries=2), sleep=lambda s: None)
    assert (str(call.error), call.tries) == ("3", 3)


def _row(number: str, bid: str, state: RowState = RowState.PENDING) -> LedgerRow:
    body = f'{{"DocNumber": "{number}"}}'
    return LedgerRow(INVOICE, number, state, Operation.CREATE, None, None, number, "h", body,
                     "req", bid, 1, None, "t", "t", None)  # fmt: skip


def test_replay_keeps_the_original_order_and_bodies() -> None:
    rows = [_row("X10", "b10"), _row("X2", "b2"), _row("X0", "b0")]
    batch = Batch.replay_of("req", rows)
    assert [(item.bid, item.body) for item in batch.items()] == [
        ("b0", {"DocNumber": "X0"}),
        ("b2", {"DocNumber": "X2"}),
        ("b10", {"DocNumber": "X10"}),
    ]


def test_replayable_only_when_every_row_is_unfinished() -> None:
    assert replayable([_row("A", "b0"), _row("B", "b1", RowState.UNCERTAIN)])
    assert not replayable([_row("A", "b0"), _row("B", "b1", RowState.SYNCED)])
    assert not replayable([])


def test_new_batch_names_items_and_records_attempts() -> None:
    jobs = [Job(INVOICE, n, Operation.CREATE, {"DocNumber": n}, "h" + n) for n in ("A", "B")]
    batch = Batch.new("req-9", jobs)
    attempts = batch.attempts()
    assert [(a.bid, a.requestid, a.payload) for a in attempts] == [
        ("b0", "req-9", '{"DocNumber": "A"}'),
        ("b1", "req-9", '{"DocNumber": "B"}'),
    ]
