"""Where documents come from: the local document store, or the FlowFit connector API."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Protocol

from qbconnector.core.documents import Document, DocumentStatus
from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Settings
from qbconnector.flowfit.api import FlowFitApiClient, SyncResultRecord
from qbconnector.flowfit.selection import Selection, check_all_found, missing_numbers
from qbconnector.flowfit.store import DocumentFilter, DocumentStore
from qbconnector.storage.ledger_schema import LedgerRow
from qbconnector.storage.profile import Profile
from qbconnector.sync.results import DocumentResult, Outcome

__all__ = ["DocumentSource", "Selection", "check_all_found", "missing_numbers", "open_source"]


class DocumentSource(Protocol):
    """A provider of FlowFit documents, told the result of each sync."""

    description: str

    def list_documents(self, selection: Selection) -> list[Document]: ...

    def report_results(self, results: Sequence[DocumentResult]) -> None: ...

    def report_pulled(self, rows: Sequence[LedgerRow]) -> None: ...

    def close(self) -> None: ...


class LocalStoreSource:
    """The profile's document store (filled by `qbconnector import` or the demo)."""

    def __init__(self, store: DocumentStore) -> None:
        self.store = store
        self.description = f"local document store {store.database.path}"

    @classmethod
    def open(cls, profile: Profile) -> LocalStoreSource:
        return cls(DocumentStore.open(profile.store_file))

    def list_documents(self, selection: Selection) -> list[Document]:
        documents: list[Document] = []
        for kind in selection.kinds:
            if selection.numbers:
                found = (self.store.get(kind, number) for number in selection.numbers)
                documents += [document for document in found if document is not None]
            else:
                where = DocumentFilter(kind, DocumentStatus.APPROVED, selection.updated_since)
                documents += self.store.documents(where)
        return documents

    def report_results(self, results: Sequence[DocumentResult]) -> None:
        """The store keeps no sync state: the ledger has it."""

    def report_pulled(self, rows: Sequence[LedgerRow]) -> None:
        """Nor what a pull found."""

    def close(self) -> None:
        self.store.close()


def result_record(result: DocumentResult) -> SyncResultRecord | None:
    """What FlowFit is told of one result (None for a document that was not sent)."""
    if result.outcome.synced:
        state = "synced"
    elif result.outcome in (Outcome.BLOCKED, Outcome.FAILED, Outcome.HELD):
        state = result.outcome.value
    else:
        return None  # not sent: nothing to tell
    pdf_message = str(result.pdf_note) if result.pdf_note is not None else None
    return SyncResultRecord(result.kind, result.number, state, result.action, result.qbo_id,
                            result.message, pdf=result.pdf, pdf_message=pdf_message)  # fmt: skip


def pulled_record(row: LedgerRow) -> SyncResultRecord:
    """What FlowFit is told of a document whose QuickBooks state a pull wrote anew."""
    balance = f"{Decimal(row.qbo_balance):.2f}" if row.qbo_balance is not None else None
    return SyncResultRecord(row.kind, row.number, "pulled", "pull", row.qbo_id,
                            qbo_state=row.qbo_state, balance=balance)  # fmt: skip


class FlowFitApiSource:
    """A DocumentSource backed by the FlowFit connector API."""

    def __init__(self, client: FlowFitApiClient) -> None:
        self.client = client
        self.description = f"FlowFit API {client.base_url}"

    def list_documents(self, selection: Selection) -> list[Document]:
        documents: list[Document] = []
        for kind in selection.kinds:
            if selection.numbers:
                documents += self.client.documents(kind, numbers=selection.numbers)
            else:
                documents += self.client.documents(
                    kind, status=DocumentStatus.APPROVED, updated_since=selection.updated_since
                )
        return documents

    def report_results(self, results: Sequence[DocumentResult]) -> None:
        records = [record for result in results if (record := result_record(result))]
        self.client.report(records)

    def report_pulled(self, rows: Sequence[LedgerRow]) -> None:
        """Tell FlowFit what QuickBooks now says of these documents (paid, accepted, ...)."""
        self.client.report([pulled_record(row) for row in rows if row.qbo_state])

    def close(self) -> None:
        self.client.close()


def open_source(profile: Profile, settings: Settings) -> DocumentSource:
    """The FlowFit connector API when its URL is set, else the local document store."""
    if settings.flowfit.api_url:
        if not settings.sync.customer_sync_number:
            raise BadInputError(
                "The FlowFit/Quickbooks API needs the Customer sync. number: "
                "qbconnector configure --customer-sync-number NUMBER"
            )
        client = FlowFitApiClient(settings.flowfit.api_url, settings.sync.customer_sync_number,
                                  pdf_folder=profile.root / "pdfs")  # fmt: skip
        return FlowFitApiSource(client)
    return LocalStoreSource.open(profile)
