"""The ledger's attachments table: each PDF version sent to QuickBooks, written before upload."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import Text, text_from_json, text_to_json
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import RowState
from qbconnector.storage.readsafe import damaged_rows

COLUMNS = (
    "kind, number, sha256, state, requestid, entity, entity_id, attachable_id, file_name, path,"
    " size, last_error, last_error_text, verified_at, created_at, updated_at"
)


@dataclass(frozen=True)
class AttachmentRow:
    """One version (``sha256``) of a document's PDF and where its upload stands.

    pending: written, the upload may be on its way; uncertain: sent (or downloaded back) without
    a clear answer; synced: uploaded and its download compared equal; failed: refused, or the
    download differed (``last_error`` says which). Unfinished rows are settled first next run.
    """

    kind: DocumentKind
    number: str
    sha256: str
    state: RowState
    requestid: str
    entity: str  # Invoice or Estimate
    entity_id: str  # the QuickBooks Id it is linked to (AttachableRef)
    attachable_id: str | None
    file_name: str
    path: str
    size: int
    last_error: str | None
    last_error_text: str | None
    verified_at: str | None
    created_at: str
    updated_at: str

    @property
    def error_sentence(self) -> Text | None:
        return text_from_json(self.last_error_text)

    @classmethod
    @damaged_rows("ledger.sqlite3")
    def from_row(cls, row: tuple[Any, ...]) -> AttachmentRow:
        kind, number, sha256, state, *rest = row
        return cls(DocumentKind(kind), number, sha256, RowState(state), *rest)


@dataclass(frozen=True)
class Upload:
    """An upload about to be sent (its row is written first)."""

    kind: DocumentKind
    number: str
    sha256: str
    requestid: str
    entity: str
    entity_id: str
    file_name: str
    path: str
    size: int


class Attachments:
    """The attachments rows of one ledger (same database, same thread, same history)."""

    def __init__(self, ledger: Ledger) -> None:
        self.ledger = ledger
        self.database = ledger.database

    def _now(self) -> str:
        # The ledger's own clock, so that tests with a fixed clock see one time line.
        return self.ledger._now()

    def get(self, kind: DocumentKind, number: str, sha256: str) -> AttachmentRow | None:
        row = self.database.query_one(
            f"SELECT {COLUMNS} FROM attachments WHERE kind = ? AND number = ? AND sha256 = ?",
            (kind.value, number, sha256),
        )
        return AttachmentRow.from_row(row) if row is not None else None

    def of_document(self, kind: DocumentKind, number: str) -> list[AttachmentRow]:
        """Every version of a document's PDF, oldest first."""
        rows = self.database.query(
            f"SELECT {COLUMNS} FROM attachments WHERE kind = ? AND number = ?"
            " ORDER BY created_at, sha256",
            (kind.value, number),
        )
        return [AttachmentRow.from_row(row) for row in rows]

    def unfinished(self) -> list[AttachmentRow]:
        rows = self.database.query(
            f"SELECT {COLUMNS} FROM attachments WHERE state IN ('pending', 'uncertain')"
            " ORDER BY created_at"
        )
        return [AttachmentRow.from_row(row) for row in rows]

    def begin(self, upload: Upload) -> None:
        """Write the upload (state pending, its requestid) before it is sent; one commit."""
        now = self._now()
        with self.ledger.transaction():
            self.database.execute(
                "INSERT INTO attachments (kind, number, sha256, state, requestid, entity,"
                " entity_id, file_name, path, size, created_at, updated_at)"
                " VALUES (?, ?, ?, 'pending', ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (kind, number, sha256) DO UPDATE SET state = 'pending',"
                " requestid = excluded.requestid, entity = excluded.entity,"
                " entity_id = excluded.entity_id, attachable_id = NULL,"
                " file_name = excluded.file_name, path = excluded.path, size = excluded.size,"
                " last_error = NULL, last_error_text = NULL, updated_at = excluded.updated_at",
                (upload.kind.value, upload.number, upload.sha256, upload.requestid, upload.entity,
                 upload.entity_id, upload.file_name, upload.path, upload.size, now, now),
            )  # fmt: skip
            self.ledger.record("pdf-upload", "sent", kind=upload.kind, number=upload.number,
                               message=f"{upload.file_name} sha256 {upload.sha256} "
                               f"requestid {upload.requestid}")  # fmt: skip

    def uploaded(self, row: AttachmentRow, attachable_id: str, tid: str | None) -> None:
        """QuickBooks holds the file as ``attachable_id``; not verified yet (uncertain)."""
        self._set(row, RowState.UNCERTAIN, attachable_id, None, tid, "uploaded")

    def verified(self, row: AttachmentRow, attachable_id: str) -> None:
        now = self._now()
        with self.ledger.transaction():
            self.database.execute(
                "UPDATE attachments SET state = 'synced', attachable_id = ?, verified_at = ?,"
                " last_error = NULL, last_error_text = NULL, updated_at = ?"
                " WHERE kind = ? AND number = ? AND sha256 = ?",
                (attachable_id, now, now, row.kind.value, row.number, row.sha256),
            )
            self.ledger.record("pdf-attached", "synced", kind=row.kind, number=row.number,
                               message=f"{row.file_name} as Attachable {attachable_id}, "
                               f"sha256 {row.sha256} verified")  # fmt: skip

    def failed(self, row: AttachmentRow, error: Text, attachable_id: str | None = None,
               tid: str | None = None) -> None:  # fmt: skip
        self._set(row, RowState.FAILED, attachable_id, error, tid, "failed")

    def uncertain(
        self,
        row: AttachmentRow,
        error: str | Text,
        tid: str | None = None,
        *,
        attachable_id: str | None = None,
    ) -> None:
        """No clear answer (or not downloaded back yet): settled first next run."""
        kept = attachable_id or row.attachable_id
        self._set(row, RowState.UNCERTAIN, kept, error, tid, "uncertain")

    def _set(
        self,
        row: AttachmentRow,
        state: RowState,
        attachable_id: str | None,
        error: str | Text | None,
        tid: str | None,
        result: str,
    ) -> None:
        now = self._now()
        sentence = text_to_json(error) if isinstance(error, Text) else None
        message = str(error) if error is not None else None
        with self.ledger.transaction():
            self.database.execute(
                "UPDATE attachments SET state = ?, attachable_id = ?, last_error = ?,"
                " last_error_text = ?, updated_at = ? WHERE kind = ? AND number = ? AND sha256 = ?",
                (state.value, attachable_id, message, sentence, now, row.kind.value, row.number,
                 row.sha256),
            )  # fmt: skip
            where = f" as Attachable {attachable_id}" if attachable_id else ""
            self.ledger.record("pdf-upload", result, kind=row.kind, number=row.number,
                               message=f"{row.file_name}{where}" + (f": {message}" if message
                               else ""), intuit_tid=tid)  # fmt: skip
