"""The steps of a sync run: reconcile, report the plan, build jobs, apply answers, follow up."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.batch import BatchItemResult
from qbconnector.quickbooks.customers import currency_mismatch_message
from qbconnector.quickbooks.errors import (
    DuplicateDocNumberError,
    QuickBooksError,
    StaleObjectError,
    ThrottledError,
)
from qbconnector.quickbooks.payloads import update_payload, with_customer
from qbconnector.storage.ledger_schema import LedgerRow, Operation
from qbconnector.sync.customers import CustomerResolver, Wanted
from qbconnector.sync.jobs import Batch, Job, replayable
from qbconnector.sync.plan import Action, CompanyFacts, Plan, PlannedDocument
from qbconnector.sync.reconcile import Found, find_by_doc_number, taken_message
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.sync.run import FollowUps, RunStopError, action_of, is_fatal
from qbconnector.sync.sender import BatchCall
from qbconnector.sync.totals import entity_totals, job_totals

if TYPE_CHECKING:
    from qbconnector.sync.run import SyncRun

__all__ = ["BatchCall"]

NOT_CONFIRMED = text(
    "QuickBooks did not confirm this document; the next synchronization checks it first "
    "(it is never created twice)."
)


# -- results -----------------------------------------------------------------------------------


def synced(
    run: SyncRun,
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


def failed(run: SyncRun, job: Job, message: Text, tid: str | None = None) -> None:
    run.ledger.mark_failed(job.kind, job.number, message, action=action_of(job),
                           intuit_tid=tid)  # fmt: skip
    run.finish(DocumentResult(job.kind, job.number, Outcome.FAILED, job.qbo_id, str(message),
                              note=message))  # fmt: skip


# -- reconcile what an earlier run left open ---------------------------------------------------


def reconcile_unfinished(run: SyncRun) -> None:
    """Replay each interrupted batch with its own requestid, then ask by DocNumber."""
    rows = run.ledger.unfinished()
    if not rows:
        return
    run.reconciling = True
    try:
        by_request: dict[str, list[LedgerRow]] = defaultdict(list)
        for row in rows:
            by_request[row.requestid or ""].append(row)
        replays: list[Batch] = []
        unclear: list[Job] = []
        for requestid, group in by_request.items():
            everything = run.ledger.with_requestid(requestid) if requestid else []
            if requestid and len(everything) == len(group) and replayable(everything):
                replays.append(Batch.replay_of(requestid, everything))
            else:
                unclear.extend(Job.from_row(row) for row in group)
        follow_ups = run.send(replays)
        unclear += follow_ups.check + follow_ups.stale + follow_ups.update
        settle_unclear(run, unclear)
        if run.stop is not None:
            raise run.stop
    finally:
        run.reconciling = False


def settle_unclear(run: SyncRun, jobs: list[Job]) -> None:
    """Creates: adopt by DocNumber or mark failed (created later); updates: re-planned."""
    creates = [job for job in jobs if job.operation is Operation.CREATE]
    for job in jobs:
        if job.operation is Operation.UPDATE:
            failed(run, job, text("The update was not confirmed; it is sent again."))
    for kind, found in _look_up(run, creates).items():
        for job in (job for job in creates if job.kind is kind):
            match = found.get(job.number)
            if match is None:
                failed(run, job, text("Not found in QuickBooks after an interrupted attempt; "
                                      "it is sent again."))  # fmt: skip
            elif match.ours:
                synced(run, job, match.qbo_id, match.sync_token, None, match.totals)
            else:
                failed(run, job, taken_message(job.kind, job.number, match))


def _look_up(run: SyncRun, jobs: list[Job]) -> dict[DocumentKind, dict[str, Found | None]]:
    found: dict[DocumentKind, dict[str, Found | None]] = {}
    for kind in DocumentKind:
        numbers = [job.number for job in jobs if job.kind is kind]
        if numbers:
            found[kind] = dict(find_by_doc_number(run.engine.api, kind, numbers))
    return found


# -- plan and jobs -----------------------------------------------------------------------------


def report_plan(run: SyncRun, the_plan: Plan) -> None:
    for item in the_plan.items:
        if item.action is Action.BLOCKED:
            reasons = tuple(reason.text for reason in item.reasons)
            run.finish(DocumentResult(item.document.kind, item.document.number, Outcome.BLOCKED,
                                      item.row.qbo_id if item.row else None,
                                      item.blocked_message, reasons))  # fmt: skip
        elif item.action is Action.UNCHANGED:
            earlier = run.reconciled.get(item.key)
            qbo_id = item.row.qbo_id if item.row else None
            outcome = earlier.outcome if earlier and earlier.outcome.synced else Outcome.UNCHANGED
            totals = item.row.totals if item.row else None
            run.finish(DocumentResult(item.document.kind, item.document.number, outcome, qbo_id,
                                      totals=totals))  # fmt: skip
    run.report.to_send = len(the_plan.to_send)


def build_jobs(run: SyncRun, the_plan: Plan) -> list[Job]:
    """Customers first (found or created), then one job per document to send."""
    to_send = the_plan.to_send
    if not to_send:
        return []
    multicurrency = the_plan.facts.multicurrency is True
    wanted: dict[str, Wanted] = {}
    for item in to_send:
        client = item.document.client
        currency = item.document.currency.upper() if multicurrency else None
        wanted.setdefault(client.code, Wanted(client, currency))
    resolver = CustomerResolver(run.engine.api, run.ledger, run.engine.config.retry,
                                requestids=run.engine.requestids)  # fmt: skip
    customers = resolver.resolve(wanted)
    jobs: list[Job] = []
    for item in to_send:
        job = _job(item, "")
        code = item.document.client.code
        if code in customers.errors:
            failed(run, job, customers.errors[code])
            continue
        link = customers.links[code]
        problem = _currency_problem(item, link.currency, link.display_name, the_plan.facts)
        if problem:
            failed(run, job, problem)
            continue
        jobs.append(_job(item, link.qbo_id))
    return jobs


def _currency_problem(
    item: PlannedDocument, currency: str | None, name: str, facts: CompanyFacts
) -> Text | None:
    wanted = item.document.currency.upper()
    if facts.multicurrency is True and currency and currency.upper() != wanted:
        return currency_mismatch_message(name, currency.upper(), wanted)
    return None


def _job(item: PlannedDocument, customer_id: str) -> Job:
    document = item.document
    payload = with_customer(item.payload, customer_id)
    row = item.row
    total, tax = str(document.total), str(document.tax_amount)
    if item.action is Action.UPDATE and row is not None and row.qbo_id:
        body = update_payload(payload, row.qbo_id, row.sync_token or "0")
        return Job(document.kind, document.number, Operation.UPDATE, body, item.payload_hash,
                   row.qbo_id, flowfit_total=total, flowfit_tax=tax)  # fmt: skip
    return Job(document.kind, document.number, Operation.CREATE, payload, item.payload_hash,
               flowfit_total=total, flowfit_tax=tax)  # fmt: skip


# -- answers -----------------------------------------------------------------------------------


def apply_call(run: SyncRun, batch: Batch, call: BatchCall, follow_ups: FollowUps) -> None:
    """Record what QuickBooks answered for each job of ``batch`` (one ledger commit)."""
    with run.ledger.transaction():
        if call.error is not None:
            _apply_batch_error(run, batch, call.error, follow_ups)
            return
        assert call.result is not None
        for bid, job in zip(batch.bids, batch.jobs, strict=True):
            answer = call.result.items.get(bid)
            _apply_item(run, job, answer, call.result.intuit_tid, follow_ups)


def _apply_batch_error(
    run: SyncRun, batch: Batch, error: QuickBooksError, follow_ups: FollowUps
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
    run: SyncRun,
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
            failed(run, job, text("Conflict: the document was changed in QuickBooks at the same "
                                  "time; synchronize again to push the FlowFit version."),
                   tid)  # fmt: skip
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


# -- between rounds ----------------------------------------------------------------------------


def follow_up(run: SyncRun, follow_ups: FollowUps, *, last_round: bool) -> list[Job]:
    """Re-read stale SyncTokens and look up unclear creates; returns the next round's jobs."""
    next_jobs: list[Job] = list(follow_ups.update)
    try:
        next_jobs += _reread_stale(run, follow_ups.stale)
        next_jobs += _check(run, follow_ups.check)
    except QuickBooksError as error:
        raise RunStopError(str(error), error.exit_code) from None
    if last_round:
        for job in next_jobs:
            run.ledger.mark_uncertain(job.kind, job.number, NOT_CONFIRMED,
                                      action=action_of(job))  # fmt: skip
            run.finish(DocumentResult(job.kind, job.number, Outcome.FAILED, job.qbo_id,
                                      str(NOT_CONFIRMED), note=NOT_CONFIRMED))  # fmt: skip
        return []
    return next_jobs


def _reread_stale(run: SyncRun, jobs: list[Job]) -> list[Job]:
    fresh: list[Job] = []
    for job in jobs:
        entity = run.engine.api.read(job.entity, str(job.qbo_id)).entity
        token = str(entity.get("SyncToken", "0"))
        run.ledger.set_sync_token(job.kind, job.number, token)
        fresh.append(job.with_sync_token(token))
    return fresh


def _check(run: SyncRun, jobs: list[Job]) -> list[Job]:
    """Updates are simply sent again (a stale token is re-read); creates are looked up first."""
    again = [job for job in jobs if job.operation is Operation.UPDATE]
    creates = [job for job in jobs if job.operation is Operation.CREATE]
    for kind, found in _look_up(run, creates).items():
        for job in (job for job in creates if job.kind is kind):
            match = found.get(job.number)
            if match is None:
                again.append(job)  # never reached QuickBooks: a new attempt, new requestid
            elif match.ours:
                synced(run, job, match.qbo_id, match.sync_token, None, match.totals)
            else:
                failed(run, job, taken_message(job.kind, job.number, match))
    return again
