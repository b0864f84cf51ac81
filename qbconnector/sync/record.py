"""Recording what QuickBooks answered: ledger rows, results, and what needs another look."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.batch import BatchItemResult
from qbconnector.quickbooks.errors import (
    DuplicateDocNumberError,
    QuickBooksError,
    StaleObjectError,
    ThrottledError,
)
from qbconnector.storage.ledger_schema import Operation
from qbconnector.sync.jobs import Batch, Job
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.sync.run_state import FollowUps, RunState, action_of, is_fatal
from qbconnector.sync.sender import BatchCall
from qbconnector.sync.totals import entity_totals, job_totals

CONFLICT = text(
    "Conflict: the document was changed in QuickBooks at the same time; synchronize again to "
    "push the FlowFit version."
)


@dataclass(frozen=True)
class CustomerAnswer:
    """QuickBooks' answer for one customer create: the customer, or nothing (look again)."""

    code: str
    entity: dict[str, Any] | None


def synced(
    run: RunState,
    job: Job,
    qbo_id: str,
    sync_token: str,
    tid: str | None,
    qbo_totals: tuple[Decimal, Decimal] | None = None,
) -> None:
    """Record a document QuickBooks holds, with its (TotalAmt, TotalTax) when known."""
    run.ledger.mark_synced(job.kind, job.number, qbo_id=qbo_id, sync_token=sync_token,
                           payload_hash=job.payload_hash, action=action_of(job),
                           intuit_tid=tid, qbo_totals=qbo_totals)  # fmt: skip
    outcome = Outcome.UPDATED if job.operation is Operation.UPDATE else Outcome.CREATED
    totals = job_totals(job, qbo_totals)
    run.finish(DocumentResult(job.kind, job.number, outcome, qbo_id, totals=totals))


def failed(run: RunState, job: Job, message: Text, tid: str | None = None) -> None:
    run.ledger.mark_failed(job.kind, job.number, message, action=action_of(job),
                           intuit_tid=tid)  # fmt: skip
    run.finish(DocumentResult(job.kind, job.number, Outcome.FAILED, job.qbo_id, str(message),
                              note=message))  # fmt: skip


def apply_call(
    run: RunState, batch: Batch, call: BatchCall, follow_ups: FollowUps
) -> list[CustomerAnswer]:
    """Record what QuickBooks answered for each job of ``batch`` (one ledger commit); returns
    the answers for the customers it created."""
    with run.ledger.transaction():
        if call.error is not None:
            _apply_batch_error(run, batch, call.error, follow_ups)
            return [CustomerAnswer(customer.code, None) for customer in batch.customers]
        assert call.result is not None
        for bid, job in zip(batch.bids, batch.jobs, strict=True):
            answer = call.result.items.get(bid)
            _apply_item(run, job, answer, call.result.intuit_tid, follow_ups)
    answers = []
    for bid, customer in zip(batch.customer_bids, batch.customers, strict=True):
        item = call.result.items.get(bid)
        created = item.entity if item is not None and item.ok else None
        answers.append(CustomerAnswer(customer.code, created))
    return answers


def _apply_batch_error(
    run: RunState, batch: Batch, error: QuickBooksError, follow_ups: FollowUps
) -> None:
    for job in batch.jobs:
        if error.outcome_uncertain:
            run.ledger.mark_uncertain(job.kind, job.number, str(error), action=action_of(job),
                                      intuit_tid=error.intuit_tid)  # fmt: skip
            follow_ups.check.append(job)
        elif is_fatal(error):
            run.ledger.mark_failed(job.kind, job.number, f"not sent: {error}",
                                   action=action_of(job), intuit_tid=error.intuit_tid)  # fmt: skip
        else:
            failed(run, job, text("QuickBooks refused it: {error}", error=error), error.intuit_tid)
    if is_fatal(error):
        run.request_stop(error)


def _apply_item(
    run: RunState,
    job: Job,
    answer: BatchItemResult | None,
    tid: str | None,
    follow_ups: FollowUps,
) -> None:
    if answer is None or (answer.error is None and not answer.entity):
        run.ledger.mark_uncertain(job.kind, job.number, "QuickBooks' answer did not mention it",
                                  action=action_of(job), intuit_tid=tid)  # fmt: skip
        follow_ups.check.append(job)
        return
    error = answer.error
    if error is None:
        entity = answer.entity or {}
        synced(run, job, str(entity.get("Id")), str(entity.get("SyncToken", "0")), tid,
               entity_totals(entity))  # fmt: skip
    elif isinstance(error, StaleObjectError) and job.operation is Operation.UPDATE:
        if job.stale_retried:
            failed(run, job, CONFLICT, tid)
        else:
            follow_ups.stale.append(job)
    elif isinstance(error, DuplicateDocNumberError) and job.operation is Operation.CREATE:
        follow_ups.check.append(job)
    elif error.outcome_uncertain or isinstance(error, ThrottledError):
        run.ledger.mark_uncertain(job.kind, job.number, str(error), action=action_of(job),
                                  intuit_tid=tid)  # fmt: skip
        follow_ups.check.append(job)
    else:
        failed(run, job, text("QuickBooks refused it: {error}", error=error), tid)
