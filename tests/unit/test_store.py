"""The local document store on a real SQLite file: exact round trips, upserts, filters."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus, document_to_dict
from qbconnector.flowfit.importer import read_documents
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import (
    MIGRATIONS,
    DocumentFilter,
    DocumentStore,
    UpsertCounts,
    UpsertOutcome,
)

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
NOW = dt.datetime(2026, 11, 20, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DocumentStore]:
    with DocumentStore.open(tmp_path / "documents.sqlite3", clock=lambda: NOW) as opened:
        yield opened


@pytest.fixture
def samples() -> list[Document]:
    return read_documents(SAMPLES / "sample-documents.json")


def test_documents_round_trip_exactly(store: DocumentStore, samples: list[Document]) -> None:
    documents = samples + generate_documents(300, seed=7)
    store.upsert_many(documents)
    for document in documents:
        stored = store.get(*document.key)
        assert stored == document
        assert stored is not None
        # Text form too: Decimal("18.50") == Decimal("18.5"), but an invoice shows the digits.
        assert document_to_dict(stored) == document_to_dict(document)


def test_store_survives_reopening(tmp_path: Path, samples: list[Document]) -> None:
    path = tmp_path / "documents.sqlite3"
    with DocumentStore.open(path) as first:
        first.upsert_many(samples)
    with DocumentStore.open(path) as second:
        assert second.documents() == sorted(samples, key=lambda document: document.key)
        assert second.database.user_version == len(MIGRATIONS) == 3


def test_reimport_counts_new_updated_and_unchanged(
    store: DocumentStore, samples: list[Document]
) -> None:
    assert store.upsert_many(samples) == UpsertCounts(new=12)
    assert store.upsert_many(samples) == UpsertCounts(unchanged=12)
    approved = dataclasses.replace(samples[2], status=DocumentStatus.APPROVED)
    renamed = dataclasses.replace(samples[0], number="INV-9999")
    assert store.upsert_many([approved, renamed, samples[1]]) == UpsertCounts(1, 1, 1)
    assert store.get(*samples[2].key) == approved
    assert store.count() == 13


def test_updated_at_is_kept_for_same_content_and_set_to_now_for_changes(
    store: DocumentStore, samples: list[Document]
) -> None:
    original = samples[0]
    stamp = original.updated_at
    assert stamp is not None
    without_stamp = dataclasses.replace(original, updated_at=None)
    assert store.upsert(without_stamp) is UpsertOutcome.NEW
    assert _stored(store, original).updated_at == NOW

    store.upsert(original)  # a given updated_at always wins
    assert _stored(store, original).updated_at == stamp
    assert store.upsert(without_stamp) is UpsertOutcome.UNCHANGED
    assert _stored(store, original).updated_at == stamp

    changed = dataclasses.replace(without_stamp, currency="USD")
    assert store.upsert(changed) is UpsertOutcome.UPDATED
    assert _stored(store, original).updated_at == NOW
    assert _stored(store, original).currency == "USD"


def _stored(store: DocumentStore, document: Document) -> Document:
    stored = store.get(*document.key)
    assert stored is not None
    return stored


def test_a_failing_batch_stores_nothing(store: DocumentStore, samples: list[Document]) -> None:
    broken = dataclasses.replace(samples[1], date=None)  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        store.upsert_many([samples[0], broken])
    assert store.count() == 0


def test_filters(store: DocumentStore, samples: list[Document]) -> None:
    store.upsert_many(samples)
    quotes = store.keys(DocumentFilter(kind=DocumentKind.QUOTE))
    assert quotes == sorted(d.key for d in samples if d.kind is DocumentKind.QUOTE)
    approved_invoices = DocumentFilter(kind=DocumentKind.INVOICE, status=DocumentStatus.APPROVED)
    assert [key[1] for key in store.keys(approved_invoices)] == [
        "INV-1042",
        "INV-1043",
        "INV-1046",
        "INV-1047",
    ]
    assert store.count(approved_invoices) == 4
    # 16:45 at -05:00 is 21:45 UTC: "since" compares instants, whatever the offset.
    since = dt.datetime(2026, 11, 10, 21, 45, tzinfo=dt.UTC)
    later = DocumentFilter(updated_since=since)
    assert [key[1] for key in store.keys(later)] == [
        "INV-1046",
        "INV-1047",
        "INV-1048",
        "Q-2034",
        "Q-2035",
    ]
    a_second_later = DocumentFilter(updated_since=since + dt.timedelta(seconds=1))
    assert store.count(a_second_later) == 4
    approved_since = DocumentFilter(status=DocumentStatus.APPROVED, updated_since=since)
    assert [key[1] for key in store.keys(approved_since)] == ["INV-1046", "INV-1047", "Q-2035"]


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("MUSÉE", ["INV-1046", "Q-2035"]),
        ("l'atelier", ["INV-1044", "Q-2033"]),
        ("p-2293", ["INV-1043"]),
        ("buckeye 2308", ["Q-2034"]),
        ("PO-48812", ["INV-1042"]),
        ("50%_", []),
    ],
)
def test_text_search_ignores_case_and_needs_every_word(
    store: DocumentStore, samples: list[Document], text: str, numbers: list[str]
) -> None:
    store.upsert_many(samples)
    found = store.summaries(DocumentFilter(text=text))
    assert [summary.number for summary in found] == numbers


def test_summaries_agree_with_documents(store: DocumentStore) -> None:
    documents = generate_documents(500, seed=3)
    store.upsert_many(documents)
    by_key = {document.key: document for document in documents}
    summaries = store.summaries()
    assert [summary.key for summary in summaries] == sorted(by_key)
    for summary in summaries:
        document = by_key[summary.key]
        assert summary.subtotal == document.subtotal
        assert isinstance(summary.subtotal, Decimal)
        assert summary.line_count == len(document.lines)
        assert (summary.tax_code, summary.tax_amount, summary.total) == (
            document.tax.code if document.tax else None,
            document.tax_amount,
            document.total,
        )
        assert (summary.client_name, summary.status, summary.date, summary.updated_at) == (
            document.client.name,
            document.status,
            document.date,
            document.updated_at,
        )


def test_delete(store: DocumentStore, samples: list[Document]) -> None:
    store.upsert_many(samples)
    assert store.delete(DocumentKind.QUOTE, "Q-2031") is True
    assert store.delete(DocumentKind.QUOTE, "Q-2031") is False
    assert store.get(DocumentKind.QUOTE, "Q-2031") is None
    assert store.count() == 11


def test_generated_documents_are_deterministic_and_distinct() -> None:
    first = generate_documents(2000, seed=11)
    assert first == generate_documents(2000, seed=11)
    assert first != generate_documents(2000, seed=12)
    assert len({document.key for document in first}) == 2000
    kinds = {document.kind for document in first}
    statuses = {document.status for document in first}
    currencies = {document.currency for document in first}
    assert kinds == set(DocumentKind)
    assert statuses == set(DocumentStatus)
    assert currencies == {"CAD", "USD"}


def test_taxes_seen_lists_each_flowfit_tax_once(tmp_path: Path) -> None:
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        store.upsert_many(generate_documents(120, seed=4))
        seen = store.taxes_seen()
    assert [tax.code for tax in seen] == ["TPS-TVP-BC", "TPS-TVQ", "TVH-ON"]
    assert seen[1].rates == (Decimal("5"), Decimal("9.975"))
