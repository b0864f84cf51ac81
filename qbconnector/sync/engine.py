"""The sync engine: reconcile what an earlier run left open, plan, customers, then documents."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from qbconnector.core.documents import Document
from qbconnector.quickbooks.batch import MAX_BATCH_ITEMS
from qbconnector.quickbooks.company_taxes import taxes_to_json
from qbconnector.quickbooks.payloads import PayloadOptions
from qbconnector.storage.ledger import Ledger
from qbconnector.sync.customers import new_requestid
from qbconnector.sync.facts import fetch_company_facts
from qbconnector.sync.plan import CompanyFacts, Plan, plan
from qbconnector.sync.results import Callbacks, SyncReport
from qbconnector.sync.run import SyncRun
from qbconnector.sync.sender import RetryingReads, RetryPolicy, SyncApi

# Intuit allows 40 batch calls a minute and 10 requests at once per company; four batches in
# flight keep that pace busy when one call takes up to six seconds, without queueing at the server.
DEFAULT_IN_FLIGHT = 4
COMPANY_TAXES_CURSOR = "company-taxes"


@dataclass(frozen=True)
class EngineConfig:
    """Tuning of a run; the defaults follow Intuit's limits."""

    batch_size: int = MAX_BATCH_ITEMS
    in_flight: int = DEFAULT_IN_FLIGHT
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    rounds: int = 3  # send, check what is unclear, send what is missing: at most this often

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= MAX_BATCH_ITEMS:
            raise ValueError(f"batch_size must be 1..{MAX_BATCH_ITEMS}")
        if self.in_flight < 1 or self.rounds < 1:
            raise ValueError("in_flight and rounds must be at least 1")


class SyncEngine:
    """Pushes documents to one QuickBooks company, exactly once, recording all in the ledger.

    Use it from one thread (the ledger's); it runs batches on its own worker threads.
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
        self.api: SyncApi = RetryingReads(api, self.config.retry)
        self.ledger = ledger
        self.options = options
        self.requestids = requestids

    def facts(self) -> CompanyFacts:
        """What the company can take (reads only); its taxes are kept in the ledger so that
        offline views build the same payloads."""
        item_ids = {self.options.service_id, *self.options.service_mapping.values()}
        facts = fetch_company_facts(self.api, item_ids)
        if facts.taxes is not None:
            self.ledger.set_cursor(COMPANY_TAXES_CURSOR, taxes_to_json(facts.taxes))
        return facts

    def plan(self, documents: Iterable[Document], facts: CompanyFacts | None = None) -> Plan:
        """The decision for each document given the ledger as it is; sends nothing."""
        chosen = unique(documents)
        rows = self.ledger.rows_for(document.key for document in chosen)
        options = self.options.with_company_taxes(facts.taxes) if facts else self.options
        return plan(chosen, options, rows=rows, facts=facts)

    def run(
        self,
        documents: Iterable[Document],
        *,
        callbacks: Callbacks | None = None,
        cancel: threading.Event | None = None,
    ) -> SyncReport:
        """Reconcile unfinished rows, then push ``documents``; never raises for QuickBooks
        trouble: the report says what stopped the run and its exit code."""
        sync_run = SyncRun(self, unique(documents), callbacks or Callbacks(), cancel)
        return sync_run.execute()

    def reconcile(self) -> SyncReport:
        """Only settle the rows an interrupted run left pending or uncertain."""
        return SyncRun(self, [], Callbacks(), None).execute()


def unique(documents: Iterable[Document]) -> list[Document]:
    """One document per (kind, number), the last given winning, in first-seen order."""
    by_key: dict[tuple[object, str], Document] = {}
    for document in documents:
        by_key[document.key] = document
    return list(by_key.values())


__all__ = ["EngineConfig", "SyncEngine", "unique"]
