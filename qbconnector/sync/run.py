"""One sync run: its bookkeeping of results, rounds of batches, follow-ups and stopping."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.core.texts import text
from qbconnector.quickbooks.errors import (
    AuthenticationError,
    AuthorizationError,
    NetworkError,
    QuickBooksError,
    ThrottledError,
    TokenError,
)
from qbconnector.storage.ledger_schema import Operation
from qbconnector.sync.jobs import Batch, Job
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome, SyncReport

if TYPE_CHECKING:
    from qbconnector.sync.engine import SyncEngine

Key = tuple[DocumentKind, str]
CANCELLED = text("not sent: the synchronization was stopped before its turn")


class RunStopError(Exception):
    """Ends a run early (reconnect needed, QuickBooks unreachable or throttling)."""

    def __init__(self, message: str, exit_code: ExitCode) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code


def is_fatal(error: QuickBooksError) -> bool:
    """Errors after which sending more documents is pointless in this run."""
    if isinstance(error, NetworkError):
        return not error.maybe_sent
    return isinstance(error, AuthenticationError | AuthorizationError | TokenError | ThrottledError)


@dataclass
class FollowUps:
    """Jobs whose answer needs another look before the next round."""

    check: list[Job] = field(default_factory=list)  # outcome unknown, or DocNumber taken
    stale: list[Job] = field(default_factory=list)  # refused as stale: re-read the SyncToken
    update: list[Job] = field(default_factory=list)  # ready to send (again)


class RunState:
    """Results of one run, reported once per document through the callbacks."""

    def __init__(
        self,
        documents: Sequence[Document],
        callbacks: Callbacks,
        cancel: threading.Event | None,
    ) -> None:
        self.documents: dict[Key, Document] = {doc.key: doc for doc in documents}
        self.callbacks = callbacks
        self.cancel = cancel or threading.Event()
        self.report = SyncReport()
        self.results: dict[Key, DocumentResult] = {}
        self.reconciled: dict[Key, DocumentResult] = {}
        self.reconciling = False
        self.stop: RunStopError | None = None

    def finish(self, result: DocumentResult) -> None:
        """Record a document's result; while reconciling it is only remembered."""
        if self.reconciling or result.key not in self.documents:
            self.reconciled[result.key] = result
            return
        if result.key in self.results:
            return
        self.results[result.key] = result
        self.report.results.append(result)
        self.callbacks.result(result)

    def progress(self) -> None:
        self.callbacks.progress(len(self.results), len(self.documents))

    def should_stop(self) -> bool:
        return self.stop is not None or self.cancel.is_set()

    def request_stop(self, error: QuickBooksError) -> None:
        if self.stop is None:
            self.stop = RunStopError(str(error), error.exit_code)

    def close_out(self) -> SyncReport:
        """Every document without a result is reported as not sent."""
        if self.stop is not None:
            self.report.stopped = self.stop.message
            self.report.exit_code = self.stop.exit_code
        elif self.cancel.is_set():
            self.report.cancelled = True
        note = None if self.stop is not None else CANCELLED
        message = self.stop.message if self.stop is not None else str(CANCELLED)
        for key in self.documents:
            if key not in self.results:
                self.finish(DocumentResult(key[0], key[1], Outcome.NOT_SENT, message=message,
                                           note=note))  # fmt: skip
        self.progress()
        return self.report


class SyncRun(RunState):
    """reconcile → plan → customers → rounds of batches → follow-ups; see :class:`SyncEngine`."""

    def __init__(
        self,
        engine: SyncEngine,
        documents: Sequence[Document],
        callbacks: Callbacks,
        cancel: threading.Event | None,
    ) -> None:
        super().__init__(documents, callbacks, cancel)
        self.engine = engine
        self.ledger = engine.ledger

    def execute(self) -> SyncReport:
        from qbconnector.sync import steps  # the steps use SyncRun's methods below

        try:
            facts = self.engine.facts()
            steps.reconcile_unfinished(self)
            the_plan = self.engine.plan(self.documents.values(), facts)
            steps.report_plan(self, the_plan)
            self.progress()
            if not self.should_stop():
                self.send_rounds(steps.build_jobs(self, the_plan))
        except RunStopError as stop:
            self.stop = stop
        except QuickBooksError as error:
            self.stop = RunStopError(str(error), error.exit_code)
        return self.close_out()

    # -- rounds --------------------------------------------------------------------------------

    def send_rounds(self, jobs: list[Job]) -> None:
        from qbconnector.sync import steps

        queue = jobs
        config = self.engine.config
        for round_number in range(config.rounds):
            if not queue or self.should_stop():
                break
            follow_ups = self.send(self.batches(queue))
            last = round_number == config.rounds - 1
            queue = steps.follow_up(self, follow_ups, last_round=last)
        if self.stop is not None:
            raise self.stop

    def batches(self, jobs: Sequence[Job]) -> list[Batch]:
        size = self.engine.config.batch_size
        return [
            Batch.new(self.engine.requestids(), jobs[start : start + size])
            for start in range(0, len(jobs), size)
        ]

    def send(self, batches: Sequence[Batch]) -> FollowUps:
        """Send batches (ledger rows first), apply each answer; unsent batches become not-sent."""
        from qbconnector.sync import steps
        from qbconnector.sync.dispatch import dispatch

        follow_ups = FollowUps()

        def before_send(batch: Batch) -> None:
            if not batch.replay:
                self.ledger.begin_attempts(batch.attempts())

        def after(batch: Batch, call: steps.BatchCall) -> None:
            steps.apply_call(self, batch, call, follow_ups)
            self.progress()

        unsent = dispatch(
            self.engine.api,
            batches,
            in_flight=self.engine.config.in_flight,
            policy=self.engine.config.retry,
            before_send=before_send,
            after=after,
            should_stop=self.should_stop,
        )
        for batch in unsent:
            for job in batch.jobs:
                if batch.replay:
                    continue  # still pending in the ledger: the next run replays it
                note = None if self.stop else CANCELLED
                reason = self.stop.message if self.stop else str(CANCELLED)
                self.finish(DocumentResult(job.kind, job.number, Outcome.NOT_SENT, job.qbo_id,
                                           reason, note=note))  # fmt: skip
        return follow_ups


def action_of(job: Job) -> str:
    return "update" if job.operation is Operation.UPDATE else "create"
