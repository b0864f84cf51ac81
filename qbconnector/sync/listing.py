"""The Finance list's rows: FlowFit documents joined with their QuickBooks state from the ledger."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import NamedTuple

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus
from qbconnector.core.settings import Settings
from qbconnector.core.texts import Text
from qbconnector.flowfit.store import DocumentFilter, DocumentStore, DocumentSummary
from qbconnector.storage.ledger import Ledger, LedgerRow, RowState
from qbconnector.storage.ledger_schema import PulledState, Totals
from qbconnector.storage.profile import Profile
from qbconnector.sync.sources import Selection, open_source

Key = tuple[DocumentKind, str]


class QbState(enum.StrEnum):
    """A document's state with QuickBooks as the list shows it."""

    NOT_SYNCED = "not-synced"
    SYNCED = "synced"
    CHANGED = "changed"  # synced, then edited in FlowFit
    FAILED = "failed"
    UNCERTAIN = "uncertain"  # sent, outcome unknown until the next run reconciles it
    SYNCING = "syncing"  # only while a run in this window is sending it
    TOTALS_DIFFER = "totals-differ"  # synced, but QuickBooks' total is not FlowFit's


class LedgerView(NamedTuple):
    """What the list shows of a document's ledger row."""

    state: RowState
    qbo_id: str | None
    qb_number: str
    last_sync: dt.datetime | None
    synced_at: dt.datetime | None
    error: str | Text  # a Text when the engine wrote a translatable sentence
    totals: Totals | None = None  # FlowFit's and QuickBooks' totals after the last write
    qbo_state: PulledState | None = None  # what the last pull read (None: not pulled yet)
    qbo_balance: Decimal | None = None  # the invoice's balance in QuickBooks, last pulled
    qbo_edited: bool = False  # edited in QuickBooks since our push


class ListedDocument(NamedTuple):
    """One row of the Finance list: compact (100,000 of them stay small) and immutable."""

    kind: DocumentKind
    number: str
    date: dt.date
    client: str
    project: str
    tax: Decimal
    total: Decimal  # what FlowFit billed, tax included
    currency: str
    status: DocumentStatus
    updated_at: dt.datetime | None
    qb_state: QbState
    qbo_id: str | None
    qb_number: str
    last_sync: dt.datetime | None
    error: str | Text
    qbo_total: Decimal | None = None  # QuickBooks' TotalAmt after the last write
    qbo_state: PulledState | None = None  # what became of it in QuickBooks (last pull)
    qbo_balance: Decimal | None = None  # invoices: what is still owed in QuickBooks
    qbo_edited: bool = False  # edited in QuickBooks since our push

    @property
    def key(self) -> Key:
        return (self.kind, self.number)

    def with_ledger(self, view: LedgerView | None) -> ListedDocument:
        """This row with the state the ledger now holds (None: never synced)."""
        if view is None:
            return self._replace(qb_state=QbState.NOT_SYNCED, qbo_id=None, qb_number="",
                                 last_sync=None, error="", qbo_total=None, qbo_state=None,
                                 qbo_balance=None, qbo_edited=False)  # fmt: skip
        return self._replace(
            qb_state=qb_state(view, self.updated_at),
            qbo_id=view.qbo_id,
            qb_number=view.qb_number,
            last_sync=view.last_sync,
            error=view.error if view.state is not RowState.SYNCED else "",
            qbo_total=view.totals.qbo_total if view.totals else self.qbo_total,
            qbo_state=view.qbo_state,
            qbo_balance=view.qbo_balance,
            qbo_edited=view.qbo_edited,
        )


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    """Naive instants are UTC, as everywhere in the stores."""
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.UTC)


def _instant(text: str | None) -> dt.datetime | None:
    return _aware(dt.datetime.fromisoformat(text)) if text else None


def ledger_view(row: LedgerRow) -> LedgerView:
    return LedgerView(
        state=row.state,
        qbo_id=row.qbo_id,
        qb_number=row.doc_number if row.qbo_id else "",
        last_sync=_instant(row.updated_at),
        synced_at=_instant(row.synced_at),
        error=row.error_sentence or row.last_error or "",
        totals=row.totals,
        qbo_state=_pulled_state(row.qbo_state),
        qbo_balance=Decimal(row.qbo_balance) if row.qbo_balance is not None else None,
        qbo_edited=bool(row.qbo_edited),
    )


def _pulled_state(value: str | None) -> PulledState | None:
    """The stored state; an unknown value (a newer version wrote it) reads as not pulled."""
    try:
        return PulledState(value) if value else None
    except ValueError:
        return None


def qb_state(view: LedgerView, updated_at: dt.datetime | None) -> QbState:
    """Synced documents edited in FlowFit after their last push show as changed."""
    if view.state is RowState.SYNCED:
        edited = _aware(updated_at)
        if edited is not None and view.synced_at is not None and edited > view.synced_at:
            return QbState.CHANGED
        if view.totals is not None and view.totals.differ:
            return QbState.TOTALS_DIFFER
        return QbState.SYNCED
    if view.state is RowState.FAILED:
        return QbState.FAILED
    return QbState.UNCERTAIN  # pending outside a run: interrupted, settled by the next run


def _from_summary(summary: DocumentSummary) -> ListedDocument:
    return ListedDocument(summary.kind, summary.number, summary.date, summary.client_name,
                          summary.project_number, summary.tax_amount, summary.total,
                          summary.currency, summary.status, summary.updated_at,
                          QbState.NOT_SYNCED, None, "", None, "")  # fmt: skip


def _from_document(document: Document) -> ListedDocument:
    return ListedDocument(document.kind, document.number, document.date, document.client.name,
                          document.project.number, document.tax_amount, document.total,
                          document.currency, document.status, document.updated_at,
                          QbState.NOT_SYNCED, None, "", None, "")  # fmt: skip


def join_ledger(
    documents: Iterable[ListedDocument], views: Mapping[str, LedgerView]
) -> list[ListedDocument]:
    """Rows with their ledger state (``views`` by document number)."""
    joined = []
    for document in documents:
        view = views.get(document.number)
        joined.append(document if view is None else document.with_ledger(view))
    return joined


def ledger_views(ledger: Ledger, kind: DocumentKind) -> dict[str, LedgerView]:
    """Every ledger row of ``kind``, by number."""
    return {row.number: ledger_view(row) for row in ledger.rows(kind)}


def views_for(ledger: Ledger, keys: Iterable[Key]) -> dict[Key, LedgerView | None]:
    """The ledger state of these documents now (None for those never synced)."""
    wanted = list(keys)
    rows = {key: ledger.get(*key) for key in wanted}
    return {key: ledger_view(row) if row is not None else None for key, row in rows.items()}


def list_documents(
    profile: Profile, settings: Settings, kind: DocumentKind
) -> list[ListedDocument]:
    """Every document of ``kind`` with its QuickBooks state; blocks (call it off the GUI thread).

    The local store lists every status; the FlowFit API lists the approved documents only.
    """
    with Ledger.open(profile.ledger_file) as ledger:
        views = ledger_views(ledger, kind)
    if settings.flowfit.api_url:
        source = open_source(profile, settings)
        try:
            listed = [_from_document(doc) for doc in source.list_documents(Selection((kind,)))]
        finally:
            source.close()
        return join_ledger(listed, views)
    # Each row goes from the database to the listing alone: intermediate lists of 100,000
    # would be freed at once, and freeing one holds the interpreter lock for about 20 ms.
    with DocumentStore.open(profile.store_file) as store:
        summaries = store.iter_summaries(DocumentFilter(kind))
        return join_ledger((_from_summary(summary) for summary in summaries), views)
