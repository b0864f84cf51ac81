"""How a Document maps to a row of the local document store, and back, without losing a digit."""

from __future__ import annotations

import datetime as dt
import functools
import json
from decimal import Decimal
from typing import Any, NamedTuple

from qbconnector.core.documents import (
    Client,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentTax,
    Line,
    Project,
    TaxComponent,
    tax_to_dict,
)
from qbconnector.core.pdf_file import PdfFile
from qbconnector.storage.readsafe import damaged_rows

# Lines live in a JSON column: they are always read and written with their document and never
# queried alone, so a separate table would only cost a join and 3x the rows. A rowid table (not
# WITHOUT ROWID) because rows are large: SQLite advises WITHOUT ROWID for small rows only.
SCHEMA_V1 = """
CREATE TABLE documents (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('invoice', 'quote')),
    number           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'cancelled')),
    date             TEXT NOT NULL,
    due_date         TEXT,
    valid_until      TEXT,
    currency         TEXT NOT NULL,
    client_code      TEXT NOT NULL,
    client_name      TEXT NOT NULL,
    client_email     TEXT,
    client_language  TEXT,
    project_number   TEXT NOT NULL,
    project_name     TEXT,
    client_po        TEXT,
    project_manager  TEXT,
    source_language  TEXT,
    target_languages TEXT NOT NULL,  -- JSON array of language codes
    subtotal         TEXT NOT NULL,  -- decimal text, kept for list views
    line_count       INTEGER NOT NULL,
    content_hash     TEXT NOT NULL,
    updated_at       TEXT NOT NULL,  -- ISO 8601 as given (keeps its offset)
    updated_utc      TEXT NOT NULL,  -- the same instant, fixed-width UTC text: sorts and compares
    search_text      TEXT NOT NULL,  -- case-folded number, client and project, for text search
    -- last: a list view reads the columns before it without walking the (long) lines
    lines            TEXT NOT NULL,  -- JSON array of lines, in order; money as decimal text
    UNIQUE (kind, number)
);
CREATE INDEX documents_by_updated ON documents (updated_utc);
CREATE INDEX documents_by_status ON documents (status, updated_utc);
"""

_V1_COLUMNS = (
    "id, kind, number, status, date, due_date, valid_until, currency, client_code, client_name,"
    " client_email, client_language, project_number, project_name, client_po, project_manager,"
    " source_language, target_languages, subtotal, line_count, content_hash, updated_at,"
    " updated_utc, search_text"
)

# The columns of schemas 2 and 3 before pdf and lines (each schema rebuilds the table).
_TAXED_COLUMNS = """\
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('invoice', 'quote')),
    number           TEXT NOT NULL,
    status           TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'cancelled')),
    date             TEXT NOT NULL,
    due_date         TEXT,
    valid_until      TEXT,
    currency         TEXT NOT NULL,
    client_code      TEXT NOT NULL,
    client_name      TEXT NOT NULL,
    client_email     TEXT,
    client_language  TEXT,
    project_number   TEXT NOT NULL,
    project_name     TEXT,
    client_po        TEXT,
    project_manager  TEXT,
    source_language  TEXT,
    target_languages TEXT NOT NULL,  -- JSON array of language codes
    subtotal         TEXT NOT NULL,  -- decimal text, kept for list views
    line_count       INTEGER NOT NULL,
    content_hash     TEXT NOT NULL,
    updated_at       TEXT NOT NULL,  -- ISO 8601 as given (keeps its offset)
    updated_utc      TEXT NOT NULL,  -- the same instant, fixed-width UTC text: sorts and compares
    search_text      TEXT NOT NULL,  -- case-folded number, client and project, for text search
    tax_code         TEXT,           -- NULL: the document is not taxed
    tax_name         TEXT,
    tax_amount       TEXT NOT NULL,  -- decimal text, all components together (0.00 untaxed)
    total            TEXT NOT NULL,  -- decimal text: subtotal + tax_amount
    tax              TEXT,           -- JSON {code, name, components: [{name, rate, amount}]}
"""

# Schema 2: the document's tax. The table is rebuilt (not ALTER TABLE ... ADD COLUMN, which
# appends) so that lines stays the last column. Existing documents are untaxed: no tax, a tax
# amount of 0.00 and a total equal to the subtotal; their lines' JSON needs no change (a line
# without "taxable" is taxable).
SCHEMA_V2 = f"""
CREATE TABLE documents_v2 (
{_TAXED_COLUMNS}    -- last: a list view reads the columns before it without the (long) lines
    lines            TEXT NOT NULL,  -- JSON array of lines, in order; money as decimal text
    UNIQUE (kind, number)
);
INSERT INTO documents_v2 ({_V1_COLUMNS}, tax_code, tax_name, tax_amount, total, tax, lines)
    SELECT {_V1_COLUMNS}, NULL, NULL, '0.00', subtotal, NULL, lines FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v2 RENAME TO documents;
CREATE INDEX documents_by_updated ON documents (updated_utc);
CREATE INDEX documents_by_status ON documents (status, updated_utc);
"""

# Schema 3: the document's PDF, JSON {path, sha256, size} as checked when it was imported
# (the hash is the version attached in QuickBooks; a moved or changed file is noticed). The
# table is rebuilt, as for schema 2, so that lines stays the last column.
_V2_COLUMNS = _V1_COLUMNS + ", tax_code, tax_name, tax_amount, total, tax"
SCHEMA_V3 = f"""
CREATE TABLE documents_v3 (
{_TAXED_COLUMNS}    pdf              TEXT,           -- JSON {{path, sha256, size}}; NULL: no PDF
    -- last: a list view reads the columns before it without walking the (long) lines
    lines            TEXT NOT NULL,  -- JSON array of lines, in order; money as decimal text
    UNIQUE (kind, number)
);
INSERT INTO documents_v3 ({_V2_COLUMNS}, pdf, lines)
    SELECT {_V2_COLUMNS}, NULL, lines FROM documents;
DROP TABLE documents;
ALTER TABLE documents_v3 RENAME TO documents;
CREATE INDEX documents_by_updated ON documents (updated_utc);
CREATE INDEX documents_by_status ON documents (status, updated_utc);
"""

ROW_COLUMNS = (
    "kind, number, status, date, due_date, valid_until, currency, client_code, client_name,"
    " client_email, client_language, project_number, project_name, client_po, project_manager,"
    " source_language, target_languages, subtotal, line_count, content_hash, updated_at,"
    " updated_utc, search_text, tax_code, tax_name, tax_amount, total, tax, pdf, lines"
)
DOCUMENT_COLUMNS = (
    "kind, number, status, date, due_date, valid_until, currency, client_code, client_name,"
    " client_email, client_language, project_number, project_name, client_po, project_manager,"
    " source_language, target_languages, updated_at, tax, pdf, lines"
)
SUMMARY_COLUMNS = (
    "kind, number, status, date, due_date, valid_until, currency, client_code, client_name,"
    " project_number, subtotal, line_count, updated_at, tax_code, tax_name, tax_amount, total"
)


class DocumentSummary(NamedTuple):
    """What a list view shows of a document, read without decoding its lines.

    A NamedTuple rather than a frozen dataclass: five times faster to build, which is most of
    the time of listing 100,000 documents.
    """

    kind: DocumentKind
    number: str
    status: DocumentStatus
    date: dt.date
    due_date: dt.date | None
    valid_until: dt.date | None
    currency: str
    client_code: str
    client_name: str
    project_number: str
    subtotal: Decimal
    line_count: int
    updated_at: dt.datetime
    tax_code: str | None  # None: the document is not taxed
    tax_name: str | None
    tax_amount: Decimal  # all components together; 0.00 when not taxed
    total: Decimal  # what FlowFit billed: subtotal + tax_amount

    @property
    def key(self) -> tuple[DocumentKind, str]:
        return (self.kind, self.number)


def utc_text(value: dt.datetime) -> str:
    """Fixed-width UTC text of an instant (naive values are taken as UTC), so text order is time."""
    aware = value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)
    return aware.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def search_text(document: Document) -> str:
    fields = (
        document.number,
        document.client.code,
        document.client.name,
        document.project.number,
        document.project.name,
        document.project.client_po,
    )
    return "\n".join(field for field in fields if field).casefold()


def _lines_json(lines: tuple[Line, ...]) -> str:
    encoded = [
        {
            "service": line.service,
            "description": line.description,
            "quantity": str(line.quantity),
            "unit": line.unit,
            "unit_price": str(line.unit_price),
            **({} if line.taxable else {"taxable": False}),  # absent: taxable (schema 1 lines)
        }
        for line in lines
    ]
    return json.dumps(encoded, ensure_ascii=False, separators=(",", ":"))


def _tax_json(tax: DocumentTax | None) -> str | None:
    if tax is None:
        return None
    return json.dumps(tax_to_dict(tax), ensure_ascii=False, separators=(",", ":"))


def document_row(document: Document, content_hash: str, updated_at: dt.datetime) -> tuple[Any, ...]:
    """The values of ROW_COLUMNS for ``document``, stamped with ``updated_at``."""
    client, project = document.client, document.project
    return (
        document.kind.value,
        document.number,
        document.status.value,
        document.date.isoformat(),
        document.due_date.isoformat() if document.due_date else None,
        document.valid_until.isoformat() if document.valid_until else None,
        document.currency,
        client.code,
        client.name,
        client.email,
        client.language,
        project.number,
        project.name,
        project.client_po,
        project.manager,
        project.source_language,
        json.dumps(list(project.target_languages), ensure_ascii=False),
        str(document.subtotal),
        len(document.lines),
        content_hash,
        updated_at.isoformat(),
        utc_text(updated_at),
        search_text(document),
        document.tax.code if document.tax else None,
        document.tax.name if document.tax else None,
        str(document.tax_amount),
        str(document.total),
        _tax_json(document.tax),
        pdf_to_json(document.pdf),
        _lines_json(document.lines),
    )


# Listing 100,000 rows spends its time converting values: enum calls and date parsing are
# replaced by lookups (a store holds a few thousand distinct dates at most).
_KINDS = {kind.value: kind for kind in DocumentKind}
_STATUSES = {status.value: status for status in DocumentStatus}


@functools.lru_cache(maxsize=8192)
def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text is not None else None


def _line(encoded: dict[str, Any]) -> Line:
    return Line(
        service=encoded["service"],
        description=encoded["description"],
        quantity=Decimal(encoded["quantity"]),
        unit_price=Decimal(encoded["unit_price"]),
        unit=encoded["unit"],
        taxable=encoded.get("taxable", True),
    )


def tax_from_json(text: str | None) -> DocumentTax | None:
    """The tax column's JSON as a DocumentTax (None for an untaxed document)."""
    if text is None:
        return None
    encoded = json.loads(text)
    return DocumentTax(
        code=encoded["code"],
        name=encoded["name"],
        components=tuple(
            TaxComponent(
                name=part["name"], rate=Decimal(part["rate"]), amount=Decimal(part["amount"])
            )
            for part in encoded["components"]
        ),
    )


def pdf_to_json(pdf: PdfFile | None) -> str | None:
    if pdf is None:
        return None
    return json.dumps({"path": pdf.path, "sha256": pdf.sha256, "size": pdf.size},
                      ensure_ascii=False)  # fmt: skip


def pdf_from_json(stored: str | None) -> PdfFile | None:
    if stored is None:
        return None
    encoded = json.loads(stored)
    return PdfFile(str(encoded["path"]), str(encoded["sha256"]), int(encoded["size"]))


@damaged_rows("documents.sqlite3")
def row_document(row: tuple[Any, ...]) -> Document:
    """The Document a row of DOCUMENT_COLUMNS holds."""
    (kind, number, status, date, due_date, valid_until, currency, code, name, email, language,
     project_number, project_name, client_po, manager, source_language, targets, updated_at,
     tax, pdf, lines) = row  # fmt: skip
    return Document(
        kind=DocumentKind(kind),
        number=number,
        status=DocumentStatus(status),
        date=dt.date.fromisoformat(date),
        due_date=_date(due_date),
        valid_until=_date(valid_until),
        currency=currency,
        client=Client(code=code, name=name, email=email, language=language),
        project=Project(
            number=project_number,
            name=project_name,
            client_po=client_po,
            manager=manager,
            source_language=source_language,
            target_languages=tuple(json.loads(targets)),
        ),
        lines=tuple(_line(encoded) for encoded in json.loads(lines)),
        updated_at=dt.datetime.fromisoformat(updated_at),
        tax=tax_from_json(tax),
        pdf=pdf_from_json(pdf),
    )


@damaged_rows("documents.sqlite3")
def row_summary(row: tuple[Any, ...]) -> DocumentSummary:
    """The DocumentSummary a row of SUMMARY_COLUMNS holds."""
    (kind, number, status, date, due_date, valid_until, currency, code, name, project_number,
     subtotal, line_count, updated_at, tax_code, tax_name, tax_amount, total) = row  # fmt: skip
    return DocumentSummary(
        _KINDS[kind],
        number,
        _STATUSES[status],
        _date(date),  # type: ignore[arg-type]  # the column is NOT NULL
        _date(due_date),
        _date(valid_until),
        currency,
        code,
        name,
        project_number,
        Decimal(subtotal),
        line_count,
        dt.datetime.fromisoformat(updated_at),
        tax_code,
        tax_name,
        Decimal(tax_amount),
        Decimal(total),
    )
