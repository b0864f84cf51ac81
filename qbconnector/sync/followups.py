"""Settling what is unclear: an earlier run's unfinished rows, and a round's follow-ups."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import text
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.storage.ledger_schema import LedgerRow, Operation
from qbconnector.sync.holds import hold_text
from qbconnector.sync.jobs import Batch, Job, replayable
from qbconnector.sync.reconcile import Found, find_by_doc_number, taken_message
from qbconnector.sync.record import failed, synced
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.sync.run_state import FollowUps, RunState, RunStopError, action_of
from qbconnector.sync.schedule import Work
from qbconnector.sync.stale import hold_after_stale, with_pulled

NOT_CONFIRMED = text(
    "QuickBooks did not confirm this document; the next synchronization checks it first "
    "(it is never created twice)."
)
SendWork = Callable[[Work], FollowUps]


def reconcile_unfinished(run: RunState, send: SendWork) -> None:
    """Replay each interrupted request with its own requestid, then ask by DocNumber."""
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
        follow_ups = send(Work(units=replays))
        unclear += follow_ups.check + follow_ups.stale + follow_ups.update
        settle_unclear(run, unclear)
        if run.stop is not None:
            raise run.stop
    finally:
        run.reconciling = False


def settle_unclear(run: RunState, jobs: list[Job]) -> None:
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


def _look_up(run: RunState, jobs: list[Job]) -> dict[DocumentKind, dict[str, Found | None]]:
    found: dict[DocumentKind, dict[str, Found | None]] = {}
    for kind in DocumentKind:
        numbers = [job.number for job in jobs if job.kind is kind]
        if numbers:
            found[kind] = dict(find_by_doc_number(run.api, kind, numbers))
    return found


def follow_up(run: RunState, follow_ups: FollowUps, *, last_round: bool) -> list[Job]:
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


def _reread_stale(run: RunState, jobs: list[Job]) -> list[Job]:
    fresh: list[Job] = []
    for job in jobs:
        entity = run.api.read(job.entity, str(job.qbo_id)).entity
        if job.key not in run.overwrite and _held(run, job, entity):
            continue
        token = str(entity.get("SyncToken", "0"))
        run.ledger.set_sync_token(job.kind, job.number, token)
        fresh.append(job.with_sync_token(token))
    return fresh


def _held(run: RunState, job: Job, entity: dict[str, object]) -> bool:
    """Someone changed it in QuickBooks since the last pull: hold the update (the row keeps
    the state found, and fails with the reason so that the next run plans it again)."""
    row = run.ledger.get(job.kind, job.number)
    found = hold_after_stale(row, job.entity, dict(entity), dt.date.today()) if row else None
    if row is None or found is None:
        return False
    hold, pulled = found
    sentence = hold_text(hold, with_pulled(row, pulled))
    with run.ledger.transaction():
        run.ledger.store_pulled([pulled])
        run.ledger.mark_failed(job.kind, job.number, sentence, action=action_of(job))
    run.finish(DocumentResult(job.kind, job.number, Outcome.HELD, job.qbo_id, str(sentence),
                              note=sentence, hold=hold, qbo_state=pulled.state.value))  # fmt: skip
    return True


def _check(run: RunState, jobs: list[Job]) -> list[Job]:
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
