"""Automatic sync: push documents approved since the last cursor, for kinds switched on, then
pull back what became of the pushed documents in QuickBooks."""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Sequence

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.settings import Settings
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.engine import SyncEngine
from qbconnector.sync.pull import PullResult, pull
from qbconnector.sync.results import Callbacks, Outcome, SyncReport
from qbconnector.sync.sources import DocumentSource, Selection

log = logging.getLogger(__name__)
CURSOR_PREFIX = "auto-sync:"


def auto_kinds(settings: Settings) -> tuple[DocumentKind, ...]:
    """The kinds whose "Automatic sync. approved ..." switch is on."""
    switches = {DocumentKind.INVOICE: settings.invoices.auto_sync,
                DocumentKind.QUOTE: settings.quotes.auto_sync}  # fmt: skip
    return tuple(kind for kind, on in switches.items() if on)


def next_cursor(
    documents: Sequence[Document], report: SyncReport, previous: dt.datetime | None
) -> dt.datetime | None:
    """Where the next listing starts: the latest ``updated_at`` seen, held back to the oldest
    document that failed, was not sent or was held (so it is tried again, and a hold lifted in
    QuickBooks, say a payment removed, lets it go; unchanged ones cost nothing)."""
    stamps = {doc.key: doc.updated_at for doc in documents if doc.updated_at is not None}
    unsynced = [
        stamps[result.key]
        for result in report.results
        if result.outcome in (Outcome.FAILED, Outcome.NOT_SENT, Outcome.HELD)
        and result.key in stamps
    ]
    if unsynced:
        return min(unsynced)
    return max([*stamps.values(), *([previous] if previous else [])], default=None)


class AutoSync:
    """The Qt-free runner behind ``qbconnector sync --watch`` and the window's auto-sync.

    :meth:`run_once` does one pass; :meth:`run_until` repeats it every ``interval`` seconds
    until the event is set. Cursors live in the ledger, one per kind. Given the engine's
    ``client``, each pass then pulls through it (one rate limiter for pushes and reads):
    ``last_pull`` holds what came back, ``pull_error`` why it did not (the pushes stand).
    """

    def __init__(
        self,
        settings: Settings,
        source: DocumentSource,
        engine: SyncEngine,
        ledger: Ledger,
        *,
        client: QuickBooksClient | None = None,
    ) -> None:
        self.settings = settings
        self.source = source
        self.engine = engine
        self.ledger = ledger
        self.client = client
        self.last_pull: PullResult | None = None
        self.pull_error: Exception | None = None

    def cursor(self, kind: DocumentKind) -> dt.datetime | None:
        text = self.ledger.cursor(CURSOR_PREFIX + kind.value)
        return dt.datetime.fromisoformat(text) if text else None

    def run_once(
        self, callbacks: Callbacks | None = None, cancel: threading.Event | None = None
    ) -> SyncReport | None:
        """One pass over every kind switched on; None when none is."""
        kinds = auto_kinds(self.settings)
        if not kinds:
            return None
        listed: dict[DocumentKind, list[Document]] = {}
        for kind in kinds:
            selection = Selection(kinds=(kind,), updated_since=self.cursor(kind))
            listed[kind] = self.source.list_documents(selection)
        documents = [document for kind in kinds for document in listed[kind]]
        report = self.engine.run(documents, callbacks=callbacks, cancel=cancel)
        self.source.report_results(report.results)
        for kind in kinds:
            cursor = next_cursor(listed[kind], report, self.cursor(kind))
            if cursor is not None:
                self.ledger.set_cursor(CURSOR_PREFIX + kind.value, cursor.isoformat())
        if not (cancel is not None and cancel.is_set()):
            self._pull()
        return report

    def _pull(self) -> None:
        """Read back from QuickBooks after the pushes; a failure is kept, never raised."""
        self.last_pull, self.pull_error = None, None
        if self.client is None:
            return
        try:
            self.last_pull = pull(self.client, self.ledger)
            self.source.report_pulled(self.last_pull.changed_rows)
        except Exception as error:  # noqa: BLE001 - the pass's pushes must still be reported
            log.info("pull after the automatic pass failed: %s", type(error).__name__)
            self.pull_error = error

    def run_until(
        self,
        stop: threading.Event,
        interval: float,
        on_report: Callable[[SyncReport | None], None],
        callbacks: Callbacks | None = None,
    ) -> None:
        """Pass after pass, ``interval`` seconds apart, until ``stop`` is set."""
        while not stop.is_set():
            on_report(self.run_once(callbacks, stop))
            stop.wait(interval)
