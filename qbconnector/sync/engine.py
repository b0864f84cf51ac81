"""The sync engine: what a company can take, the plan, and runs that push it exactly once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.attach import Attacher
from qbconnector.sync.customers import new_requestid
from qbconnector.sync.facts import fetch_company_facts
from qbconnector.sync.plan import CompanyFacts, Plan, plan
from qbconnector.sync.pull import pull
from qbconnector.sync.results import Callbacks, SyncReport
from qbconnector.sync.run import SyncRun
from qbconnector.sync.run_state import DEFAULT_IN_FLIGHT, EngineConfig, RunContext
from qbconnector.sync.sender import RetryingReads, SyncApi


class SyncEngine:
    """Pushes documents to one QuickBooks company, exactly once, recording all in the ledger.

    Use it from one thread (the ledger's); it sends on its own worker threads.
    """

    def __init__(
        self,
        api: SyncApi,
        ledger: Ledger,
        options: PayloadOptions,
        config: EngineConfig | None = None,
        *,
        requestids: Callable[[], str] = new_requestid,
    ) -> None:
        self.config = config or EngineConfig()
        # A real client can read QuickBooks' changes before an update (see SyncRun.execute).
        self._client = api if isinstance(api, QuickBooksClient) else None
        self.api: SyncApi = RetryingReads(api, self.config.retry)
        self.ledger = ledger
        self.options = options
        self.requestids = requestids

    def facts(self) -> CompanyFacts:
        """What the company can take (reads only: a dry run changes nothing)."""
        return fetch_company_facts(self.api, self.options.item_ids())

    def plan(
        self,
        documents: Iterable[Document],
        facts: CompanyFacts | None = None,
        *,
        overwrite: Collection[Key] = (),
    ) -> Plan:
        """The decision for each document given the ledger as it is; sends nothing.

        ``overwrite``: documents whose hold is lifted (they plan as update or create)."""
        chosen = unique(documents)
        rows = self.ledger.rows_for(document.key for document in chosen)
        options = self.options.with_company_taxes(facts.taxes) if facts else self.options
        return plan(chosen, options, rows=rows, facts=facts, overwrite=overwrite)

    def run(
        self,
        documents: Iterable[Document],
        *,
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
        overwrite: Collection[Key] = (),
    ) -> SyncReport:
        """Reconcile unfinished rows, then push ``documents``; never raises for QuickBooks
        trouble: the report says what stopped the run and its exit code.

        ``overwrite`` ("push anyway") lifts the hold of these documents for this run: an
        edited or paid one is updated over QuickBooks' version, a deleted one created anew."""
        return self._run(unique(documents), callbacks or Callbacks(), cancel, frozenset(overwrite))

    def reconcile(self) -> SyncReport:
        """Only settle the rows an interrupted run left pending or uncertain."""
        return self._run([], Callbacks(), None, frozenset())

    def _run(
        self,
        documents: list[Document],
        callbacks: Callbacks,
        cancel: threading.Event | None,
        overwrite: frozenset[Key],
    ) -> SyncReport:
        context = RunContext(self.api, self.ledger, self.options, self.config, self.requestids)

        def planner(chosen: Iterable[Document], facts: CompanyFacts) -> Plan:
            return self.plan(chosen, facts, overwrite=overwrite)

        client = self._client
        attacher = (Attacher(client, self.ledger, self.requestids, self.config.retry)
                    if client is not None else None)  # fmt: skip
        run = SyncRun(context, documents, callbacks, cancel, planner=planner,
                      refresh=self.pull_changes if client is not None else None,
                      attacher=attacher)  # fmt: skip
        run.overwrite = overwrite
        return run.execute()

    def pull_changes(self) -> bool:
        """Learn what QuickBooks changed since the last pull (one change-data-capture read),
        so that the next plan holds what was edited or paid there; False when the API given
        cannot read changes (not a QuickBooksClient). Raises the client's QuickBooksError."""
        if self._client is None:
            return False
        pull(self._client, self.ledger)
        return True


Key = tuple[DocumentKind, str]


def unique(documents: Iterable[Document]) -> list[Document]:
    """One document per (kind, number), the last given winning, in first-seen order."""
    by_key: dict[tuple[object, str], Document] = {}
    for document in documents:
        by_key[document.key] = document
    return list(by_key.values())


__all__ = ["DEFAULT_IN_FLIGHT", "EngineConfig", "SyncEngine", "unique"]
