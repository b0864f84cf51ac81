"""The local document store: FlowFit documents kept in the profile's documents.sqlite3."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from qbconnector.core.documents import Document, DocumentKind, DocumentStatus, DocumentTax
from qbconnector.flowfit.store_rows import (
    DOCUMENT_COLUMNS,
    ROW_COLUMNS,
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SUMMARY_COLUMNS,
    DocumentSummary,
    document_row,
    row_document,
    row_summary,
    tax_from_json,
    utc_text,
)
from qbconnector.storage.sqlite import Database, Migration

__all__ = [
    "MIGRATIONS",
    "DocumentFilter",
    "DocumentStore",
    "DocumentSummary",
    "UpsertCounts",
    "UpsertOutcome",
]

MIGRATIONS: tuple[Migration, ...] = (SCHEMA_V1, SCHEMA_V2, SCHEMA_V3)

_ROW_NAMES = [name.strip() for name in ROW_COLUMNS.split(",")]
_UPSERT = (
    f"INSERT INTO documents ({ROW_COLUMNS}) VALUES ({', '.join('?' for _ in _ROW_NAMES)})"
    " ON CONFLICT (kind, number) DO UPDATE SET "
    + ", ".join(f"{name} = excluded.{name}" for name in _ROW_NAMES[2:])
)


class UpsertOutcome(enum.StrEnum):
    """What storing one document did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class UpsertCounts:
    """How many documents of a batch were new, updated or already stored as given."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True)
class DocumentFilter:
    """Which documents to list; every field left as None matches everything.

    ``updated_since`` keeps documents updated at or after that instant (naive means UTC);
    ``text`` keeps documents whose number, client or project contain every word, ignoring case.
    """

    kind: DocumentKind | None = None
    status: DocumentStatus | None = None
    updated_since: dt.datetime | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The SQL WHERE clause (or "") and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.kind is not None:
            clauses.append("kind = ?")
            params.append(self.kind.value)
        if self.status is not None:
            clauses.append("status = ?")
            params.append(self.status.value)
        if self.updated_since is not None:
            clauses.append("updated_utc >= ?")
            params.append(utc_text(self.updated_since))
        for word in (self.text or "").casefold().split():
            clauses.append("instr(search_text, ?) > 0")
            params.append(word)
        return (" WHERE " + " AND ".join(clauses) if clauses else "", params)


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class DocumentStore:
    """FlowFit documents keyed by (kind, number); one store per thread, like its Database."""

    def __init__(self, database: Database, *, clock: Callable[[], dt.datetime] = _utc_now) -> None:
        self.database = database
        self._clock = clock

    @classmethod
    def open(cls, path: Path, *, clock: Callable[[], dt.datetime] = _utc_now) -> DocumentStore:
        """Open (creating or migrating) the store at ``path``, e.g. ``profile.store_file``."""
        return cls(Database(path, MIGRATIONS), clock=clock)

    def close(self) -> None:
        self.database.close()

    def __enter__(self) -> DocumentStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Database]:
        """Group several writes: all are kept, or none if the block raises."""
        return self.database.transaction()

    # -- writing -------------------------------------------------------------------------------

    def upsert(self, document: Document) -> UpsertOutcome:
        """Insert or replace the document with the same (kind, number).

        ``updated_at`` is the document's own when it has one; otherwise the stored one is kept
        when the content is unchanged, and it becomes now when the content changed.
        """
        with self.transaction():
            return self._upsert(document)

    def _upsert(self, document: Document) -> UpsertOutcome:
        stored = self.database.query_one(
            "SELECT content_hash, updated_at FROM documents WHERE kind = ? AND number = ?",
            (document.kind.value, document.number),
        )
        content_hash = document.content_hash()
        same_content = stored is not None and stored[0] == content_hash
        if document.updated_at is not None:
            stamp = document.updated_at
        elif same_content:
            stamp = dt.datetime.fromisoformat(stored[1])
        else:
            stamp = self._clock()
        if same_content and stored[1] == stamp.isoformat():
            return UpsertOutcome.UNCHANGED
        self.database.execute(_UPSERT, document_row(document, content_hash, stamp))
        return UpsertOutcome.NEW if stored is None else UpsertOutcome.UPDATED

    def upsert_many(self, documents: Iterable[Document]) -> UpsertCounts:
        """Upsert every document in one transaction: all are stored, or none."""
        tally = dict.fromkeys(UpsertOutcome, 0)
        with self.transaction():
            for document in documents:
                tally[self._upsert(document)] += 1
        return UpsertCounts(
            new=tally[UpsertOutcome.NEW],
            updated=tally[UpsertOutcome.UPDATED],
            unchanged=tally[UpsertOutcome.UNCHANGED],
        )

    def delete(self, kind: DocumentKind, number: str) -> bool:
        """Remove one document; False when there was none."""
        cursor = self.database.execute(
            "DELETE FROM documents WHERE kind = ? AND number = ?", (kind.value, number)
        )
        return cursor.rowcount > 0

    # -- reading -------------------------------------------------------------------------------

    def get(self, kind: DocumentKind, number: str) -> Document | None:
        row = self.database.query_one(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE kind = ? AND number = ?",
            (kind.value, number),
        )
        return row_document(row) if row is not None else None

    def count(self, where: DocumentFilter | None = None) -> int:
        clause, params = (where or DocumentFilter()).where()
        row = self.database.query_one(f"SELECT count(*) FROM documents{clause}", params)
        return int(row[0])

    def latest(self, kind: DocumentKind) -> Document | None:
        """The most recently updated document of ``kind`` (a realistic template preview)."""
        row = self.database.query_one(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE kind = ? "
            "ORDER BY updated_utc DESC, number DESC LIMIT 1",
            (kind.value,),
        )
        return row_document(row) if row is not None else None

    def service_names(self) -> list[str]:
        """Every FlowFit service named on a line of any stored document, sorted."""
        rows = self.database.query(
            "SELECT DISTINCT json_extract(line.value, '$.service') FROM documents, "
            "json_each(documents.lines) AS line ORDER BY 1"
        )
        return [str(name) for (name,) in rows if name]

    def taxes_seen(self) -> list[DocumentTax]:
        """One FlowFit tax per tax code carried by a stored document (the last stored), by code."""
        rows = self.database.query(
            "SELECT tax FROM documents WHERE rowid IN (SELECT max(rowid) FROM documents"
            " WHERE tax_code IS NOT NULL GROUP BY tax_code) ORDER BY tax_code"
        )
        taxes = [tax_from_json(text) for (text,) in rows]
        return [tax for tax in taxes if tax is not None]

    def keys(self, where: DocumentFilter | None = None) -> list[tuple[DocumentKind, str]]:
        """(kind, number) of the matching documents, in key order."""
        clause, params = (where or DocumentFilter()).where()
        rows = self.database.query(
            f"SELECT kind, number FROM documents{clause} ORDER BY kind, number", params
        )
        return [(DocumentKind(kind), number) for kind, number in rows]

    def summaries(self, where: DocumentFilter | None = None) -> list[DocumentSummary]:
        """The list-view columns of the matching documents, in key order (lines not decoded)."""
        return list(self.iter_summaries(where))

    def iter_summaries(self, where: DocumentFilter | None = None) -> Iterator[DocumentSummary]:
        """Like :meth:`summaries`, one at a time: each database row is freed as soon as it is
        read (a list of 100,000 freed at once holds the interpreter lock for about 20 ms)."""
        clause, params = (where or DocumentFilter()).where()
        cursor = self.database.execute(
            f"SELECT {SUMMARY_COLUMNS} FROM documents{clause} ORDER BY kind, number", params
        )
        for row in cursor:
            yield row_summary(row)

    def documents(self, where: DocumentFilter | None = None) -> list[Document]:
        """The matching documents in full, in key order."""
        return list(self.iter_documents(where))

    def iter_documents(self, where: DocumentFilter | None = None) -> Iterator[Document]:
        """Like :meth:`documents`, one at a time; do not write to the store while iterating."""
        clause, params = (where or DocumentFilter()).where()
        cursor = self.database.execute(
            f"SELECT {DOCUMENT_COLUMNS} FROM documents{clause} ORDER BY kind, number", params
        )
        for row in cursor:
            yield row_document(row)
