"""What one sync run carries: its context (API, ledger, options, tuning) and its bookkeeping."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.core.texts import text
from qbconnector.quickbooks.batch import MAX_BATCH_ITEMS
from qbconnector.quickbooks.errors import (
    AuthenticationError,
    AuthorizationError,
    NetworkError,
    QuickBooksError,
    ThrottledError,
    TokenError,
)
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import Operation
from qbconnector.sync.jobs import Job
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome, SyncReport
from qbconnector.sync.sender import RetryPolicy, SyncApi

Key = tuple[DocumentKind, str]
CANCELLED = text("not sent: the synchronization was stopped before its turn")
# Intuit allows 10 requests in flight per company; the engine keeps 8 of them for its writes
# so the company's reads (look-ups, the window's refreshes) still find a place.
DEFAULT_IN_FLIGHT = 8


@dataclass(frozen=True)
class EngineConfig:
    """Tuning of a run; the defaults follow Intuit's limits."""

    batch_size: int = MAX_BATCH_ITEMS
    in_flight: int = DEFAULT_IN_FLIGHT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    rounds: int = 3  # send, check what is unclear, send what is missing: at most this often
    singles: bool = True  # send single requests while the batch-call budget is spent

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= MAX_BATCH_ITEMS:
            raise ValueError(f"batch_size must be 1..{MAX_BATCH_ITEMS}")
        if self.in_flight < 1 or self.rounds < 1:
            raise ValueError("in_flight and rounds must be at least 1")


@dataclass(frozen=True)
class RunContext:
    """What a run works with; the engine builds one per run."""

    api: SyncApi
    ledger: Ledger
    options: PayloadOptions
    config: EngineConfig
    requestids: Callable[[], str]


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


def action_of(job: Job) -> str:
    return "update" if job.operation is Operation.UPDATE else "create"


@dataclass
class FollowUps:
    """Jobs whose answer needs another look before the next round, and the clients whose
    customer could not be created in this round (their jobs wait in ``customers``)."""

    check: list[Job] = field(default_factory=list)  # outcome unknown, or DocNumber taken
    stale: list[Job] = field(default_factory=list)  # refused as stale: re-read the SyncToken
    update: list[Job] = field(default_factory=list)  # ready to send (again)
    customers: dict[str, list[Job]] = field(default_factory=dict)


class RunState:
    """Results of one run, reported once per document through the callbacks."""

    def __init__(
        self,
        context: RunContext,
        documents: Sequence[Document],
        callbacks: Callbacks,
        cancel: threading.Event | None,
    ) -> None:
        self.context = context
        self.ledger = context.ledger
        self.documents: dict[Key, Document] = {doc.key: doc for doc in documents}
        self.callbacks = callbacks
        self.cancel = cancel or threading.Event()
        self.report = SyncReport()
        self.results: dict[Key, DocumentResult] = {}
        self.reconciled: dict[Key, DocumentResult] = {}
        self.reconciling = False
        self.stop: RunStopError | None = None
        self.overwrite: frozenset[Key] = frozenset()  # holds the user lifted (push anyway)

    @property
    def api(self) -> SyncApi:
        return self.context.api

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

    def not_sent(self, job: Job) -> None:
        """A job the run never sent: cancelled, or stopped before its turn."""
        note = None if self.stop else CANCELLED
        reason = self.stop.message if self.stop else str(CANCELLED)
        self.finish(DocumentResult(job.kind, job.number, Outcome.NOT_SENT, job.qbo_id, reason,
                                   note=note))  # fmt: skip

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
