"""The PDF goes along: uploaded once per version (its SHA-256), downloaded back and compared.

Exactly once like the documents: the row and its requestid are written before the upload, an
unclear answer is re-sent with the same requestid, and a row an interrupted run left is settled
before anything else (looked up by AttachableRef and FileName, then replayed).
"""

from __future__ import annotations

import enum
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.pdf_file import PdfError, PdfFile, read_pdf
from qbconnector.core.texts import Text, text
from qbconnector.quickbooks.attachments import AttachmentResult
from qbconnector.quickbooks.client import QueryResult
from qbconnector.quickbooks.errors import NetworkError, QuickBooksError
from qbconnector.quickbooks.payloads import ENTITY_FOR_KIND
from qbconnector.quickbooks.query import quote_literal
from qbconnector.storage.attachments import AttachmentRow, Attachments, Upload
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import RowState
from qbconnector.sync.run_state import is_fatal
from qbconnector.sync.sender import RetryPolicy

CONTENT_TYPE = "application/pdf"
_T = TypeVar("_T")
Key = tuple[DocumentKind, str]

NOT_CONFIRMED = text(
    "QuickBooks did not confirm the PDF's upload; the next synchronization checks it first (it "
    "is never attached twice)."
)
NOT_FOUND = text("The PDF was not found in QuickBooks after an interrupted upload; it is "
                 "uploaded again.")  # fmt: skip


class AttachApi(Protocol):
    """The part of the QuickBooks client attachments use (QuickBooksClient provides it)."""

    def upload_attachment(self, entity: str, entity_id: str, filename: str, content_type: str,
                          data: bytes, request_id: str) -> AttachmentResult: ...  # fmt: skip

    def download_attachment(self, attachable_id: str) -> bytes: ...

    def query(self, select: str) -> QueryResult: ...


class PdfStatus(enum.StrEnum):
    """What became of a document's PDF in this run (``"pdf"`` in ``sync --json``)."""

    ATTACHED = "attached"  # uploaded and verified in this run
    UNCHANGED = "unchanged"  # this version was attached and verified before
    FAILED = "failed"  # refused, corrupt on download, unreadable, or not confirmed yet


@dataclass(frozen=True)
class PdfOutcome:
    status: PdfStatus
    note: Text | None = None  # why, when it failed
    attachable_id: str | None = None


def mismatch(row: AttachmentRow, attachable_id: str, got: bytes) -> Text:
    return text(
        "The PDF {file} arrived corrupt in QuickBooks (Attachable {id}: its download has "
        "SHA-256 {got}, the file {sha256}); it is uploaded again at the next synchronization. "
        "Delete the corrupt attachment in QuickBooks.",
        file=row.file_name, id=attachable_id, got=hashlib.sha256(got).hexdigest()[:16],
        sha256=row.sha256[:16])  # fmt: skip


class Attacher:
    """Attaches documents' PDFs through ``api``; the rows live in ``ledger``'s attachments."""

    def __init__(
        self,
        api: AttachApi,
        ledger: Ledger,
        requestids: Callable[[], str],
        policy: RetryPolicy,
        sleep: Callable[[float], Any] = time.sleep,
    ) -> None:
        self.api = api
        self.rows = Attachments(ledger)
        self.ledger = ledger
        self.requestids = requestids
        self.policy = policy
        self._sleep = sleep

    # -- what the run calls --------------------------------------------------------------------

    def reconcile(self) -> dict[Key, PdfOutcome]:
        """Settle every upload an earlier run left pending or uncertain; before anything else."""
        return {(row.kind, row.number): self._settle(row) for row in self.rows.unfinished()}

    def attach(self, document: Document, qbo_id: str) -> PdfOutcome | None:
        """Attach ``document``'s PDF to QuickBooks' ``qbo_id`` unless this version already is."""
        pdf = document.pdf
        if pdf is None:
            return None
        row = self.rows.get(document.kind, document.number, pdf.sha256)
        if row is not None and row.entity_id == qbo_id:
            if row.state is RowState.SYNCED:
                return PdfOutcome(PdfStatus.UNCHANGED, attachable_id=row.attachable_id)
            if row.state.unfinished:  # reconcile could not settle it: never a second upload
                return self._settle(row)
        try:
            data = read_pdf(pdf)
        except PdfError as error:
            self.ledger.record("pdf-upload", "failed", kind=document.kind,
                               number=document.number, message=str(error))  # fmt: skip
            return PdfOutcome(PdfStatus.FAILED, error.sentence)
        self.rows.begin(self._upload(document, pdf, qbo_id))
        fresh = self.rows.get(document.kind, document.number, pdf.sha256)
        assert fresh is not None
        return self._send(fresh, data)

    # -- steps ---------------------------------------------------------------------------------

    def _upload(self, document: Document, pdf: PdfFile, qbo_id: str) -> Upload:
        return Upload(document.kind, document.number, pdf.sha256, self.requestids(),
                      ENTITY_FOR_KIND[document.kind], qbo_id, pdf.file_name, pdf.path,
                      pdf.size)  # fmt: skip

    def _send(self, row: AttachmentRow, data: bytes) -> PdfOutcome:
        def upload() -> AttachmentResult:
            return self.api.upload_attachment(row.entity, row.entity_id, row.file_name,
                                              CONTENT_TYPE, data, row.requestid)  # fmt: skip

        try:
            result = self._retried(upload)
        except QuickBooksError as error:
            if error.outcome_uncertain:
                self.rows.uncertain(row, str(error), error.intuit_tid)
                return PdfOutcome(PdfStatus.FAILED, NOT_CONFIRMED)
            refused = text("QuickBooks refused the PDF {file}: {error}", file=row.file_name,
                           error=error)  # fmt: skip
            self.rows.failed(row, refused, tid=error.intuit_tid)
            if is_fatal(error):  # reconnect, or throttled: the run stops, as for documents
                raise
            return PdfOutcome(PdfStatus.FAILED, refused)
        self.rows.uploaded(row, result.attachable_id, result.intuit_tid)
        return self._verify(row, result.attachable_id)

    def _verify(self, row: AttachmentRow, attachable_id: str) -> PdfOutcome:
        """Download it back: only the same SHA-256 counts as attached."""
        try:
            got = self._retried(lambda: self.api.download_attachment(attachable_id))
        except QuickBooksError as error:
            self.rows.uncertain(row, str(error), error.intuit_tid, attachable_id=attachable_id)
            return PdfOutcome(PdfStatus.FAILED, NOT_CONFIRMED, attachable_id)
        if hashlib.sha256(got).hexdigest() != row.sha256:
            sentence = mismatch(row, attachable_id, got)
            self.rows.failed(row, sentence, attachable_id)
            return PdfOutcome(PdfStatus.FAILED, sentence, attachable_id)
        self.rows.verified(row, attachable_id)
        return PdfOutcome(PdfStatus.ATTACHED, attachable_id=attachable_id)

    def _settle(self, row: AttachmentRow) -> PdfOutcome:
        """An unfinished upload: verify what QuickBooks holds, or replay the same requestid."""
        try:
            if row.attachable_id:
                return self._verify(row, row.attachable_id)
            found = self._look_up(row)
        except QuickBooksError as error:
            self.rows.uncertain(row, str(error), error.intuit_tid)
            return PdfOutcome(PdfStatus.FAILED, NOT_CONFIRMED)
        if found is not None:
            self.rows.verified(row, found)
            return PdfOutcome(PdfStatus.ATTACHED, attachable_id=found)
        pdf = PdfFile(row.path, row.sha256, row.size)
        try:
            data = read_pdf(pdf)
        except PdfError:
            self.rows.failed(row, NOT_FOUND)
            return PdfOutcome(PdfStatus.FAILED, NOT_FOUND)
        return self._send(row, data)  # the same requestid: a committed upload is answered again

    def _look_up(self, row: AttachmentRow) -> str | None:
        """The Attachable of this version already linked to the document, if any: same link,
        file name and size, and the same SHA-256 once downloaded."""
        select = ("SELECT * FROM Attachable WHERE AttachableRef.EntityRef.Value = "
                  f"{quote_literal(row.entity_id)}")  # fmt: skip
        for found in self._retried(lambda: self.api.query(select)).rows:
            refs = [ref.get("EntityRef", {}) for ref in found.get("AttachableRef") or []]
            linked = {"type": row.entity, "value": row.entity_id} in refs
            same = found.get("FileName") == row.file_name and found.get("Size") == row.size
            if linked and same and self._holds(str(found["Id"]), row.sha256):
                return str(found["Id"])
        return None

    def _holds(self, attachable_id: str, sha256: str) -> bool:
        got = self._retried(lambda: self.api.download_attachment(attachable_id))
        return hashlib.sha256(got).hexdigest() == sha256

    def _retried(self, call: Callable[[], _T]) -> _T:
        """Unclear answers are asked again (an upload with its own requestid)."""
        for wait in self.policy.waits():
            try:
                return call()
            except QuickBooksError as error:
                if not (error.outcome_uncertain or isinstance(error, NetworkError)):
                    raise
            self._sleep(wait)
        return call()
