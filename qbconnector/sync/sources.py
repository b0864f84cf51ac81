"""Where documents come from: the local document store, or the FlowFit connector API."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus
from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Settings
from qbconnector.flowfit.store import DocumentFilter, DocumentStore
from qbconnector.storage.profile import Profile
from qbconnector.sync.results import DocumentResult


@dataclass(frozen=True)
class Selection:
    """Which documents a sync takes.

    With ``numbers``, exactly those (whatever their status: drafts are then reported blocked);
    otherwise every approved document, updated at or after ``updated_since`` when given.
    """

    kinds: tuple[DocumentKind, ...] = tuple(DocumentKind)
    numbers: tuple[str, ...] = ()
    updated_since: dt.datetime | None = None


class DocumentSource(Protocol):
    """A provider of FlowFit documents, told the result of each sync."""

    description: str

    def list_documents(self, selection: Selection) -> list[Document]: ...

    def report_results(self, results: Sequence[DocumentResult]) -> None: ...

    def close(self) -> None: ...


def missing_numbers(selection: Selection, documents: Sequence[Document]) -> list[str]:
    """Numbers asked for that no document of the chosen kinds has."""
    found = {document.number for document in documents}
    return [number for number in selection.numbers if number not in found]


def check_all_found(selection: Selection, documents: Sequence[Document], where: str) -> None:
    missing = missing_numbers(selection, documents)
    if missing:
        kinds = " or ".join(kind.value for kind in selection.kinds)
        raise BadInputError(f"No {kinds} numbered {', '.join(missing)} in {where}.")


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

    def close(self) -> None:
        self.store.close()


def open_source(profile: Profile, settings: Settings) -> DocumentSource:
    """The FlowFit connector API when its URL is set, else the local document store."""
    if settings.flowfit.api_url:
        from qbconnector.flowfit.api import FlowFitApiClient, FlowFitApiSource

        if not settings.sync.customer_sync_number:
            raise BadInputError(
                "The FlowFit/Quickbooks API needs the Customer sync. number: "
                "qbconnector configure --customer-sync-number NUMBER"
            )
        client = FlowFitApiClient(settings.flowfit.api_url, settings.sync.customer_sync_number)
        return FlowFitApiSource(client)
    return LocalStoreSource.open(profile)
