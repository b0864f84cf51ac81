"""Client of the FlowFit connector API (docs/flowfit-api.md): list documents, report results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import requests

from qbconnector import __version__
from qbconnector.core.documents import Document, DocumentKind, DocumentStatus
from qbconnector.core.errors import ExitCode, QbConnectorError
from qbconnector.flowfit.api_pdf import PdfDownloadError, fetch_pdf, resolve_url
from qbconnector.flowfit.parse import FieldError, parse_record

API_VERSION = "v1"
DEFAULT_PAGE_SIZE = 200
MAX_PAGES = 10_000  # a server that never stops paging is a bug, not a reason to hang


class FlowFitApiError(QbConnectorError):
    """The FlowFit connector API could not be used; the message says what to check."""

    exit_code = ExitCode.UNREACHABLE

    def __init__(self, message: str, *, exit_code: ExitCode = ExitCode.UNREACHABLE) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class SyncResultRecord:
    """How one document ended, as the contract's sync-results entry tells FlowFit."""

    kind: DocumentKind
    number: str
    state: str  # synced, failed, blocked, held, or pulled (what QuickBooks says now)
    action: str
    qbo_id: str | None = None
    message: str | None = None
    qbo_state: str | None = None  # pulled: paid, partially-paid, accepted, ... (PulledState)
    balance: str | None = None  # pulled invoices: decimal text
    pdf: str | None = None  # attached, unchanged or failed, for a document with a PDF
    pdf_message: str | None = None

    def as_json(self, at: dt.datetime) -> dict[str, Any]:
        record: dict[str, Any] = {
            "kind": self.kind.value,
            "number": self.number,
            "state": self.state,
            "action": self.action,
            "at": at.isoformat(),
        }
        if self.qbo_id:
            record["qbo_id"] = self.qbo_id
        if self.message:
            record["message"] = self.message
        if self.qbo_state:
            record["qbo_state"] = self.qbo_state
        if self.balance is not None:
            record["balance"] = self.balance
        if self.pdf:
            record["pdf"] = self.pdf
        if self.pdf_message:
            record["pdf_message"] = self.pdf_message
        return record


class FlowFitApiClient:
    """One FlowFit account (its Customer sync. number) on the FlowFit connector API."""

    def __init__(
        self,
        base_url: str,
        sync_number: str,
        *,
        timeout: tuple[float, float] = (3.05, 30.0),
        page_size: int = DEFAULT_PAGE_SIZE,
        pdf_folder: Path | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.pdf_folder = pdf_folder  # where PDFs named by pdf_url are kept (<sha256>.pdf)
        self.sync_number = sync_number
        self.timeout = timeout
        self.page_size = page_size
        self.session = requests.Session()
        self.session.headers.update(
            {"Accept": "application/json", "User-Agent": f"qbconnector/{__version__}"}
        )

    def __repr__(self) -> str:
        return f"FlowFitApiClient({self.base_url!r})"

    @property
    def account_url(self) -> str:
        return f"{self.base_url}/{API_VERSION}/accounts/{quote(self.sync_number, safe='')}"

    def documents(
        self,
        kind: DocumentKind,
        *,
        status: DocumentStatus | None = None,
        updated_since: dt.datetime | None = None,
        numbers: Sequence[str] = (),
    ) -> list[Document]:
        """Every matching document, page after page."""
        params: dict[str, str] = {"kind": kind.value, "page_size": str(self.page_size)}
        if status is not None:
            params["status"] = status.value
        if updated_since is not None:
            params["updated_since"] = updated_since.isoformat()
        if numbers:
            params["number"] = ",".join(numbers)
        return [self._document(record) for record in self._pages(params)]

    def report(self, results: Sequence[SyncResultRecord], at: dt.datetime | None = None) -> int:
        """Tell FlowFit how each document ended; returns how many it accepted."""
        when = at or dt.datetime.now(dt.UTC)
        records = [result.as_json(when) for result in results]
        if not records:
            return 0
        answer = self._call("POST", "sync-results", json_body={"results": records})
        accepted = answer.get("accepted")
        return int(accepted) if isinstance(accepted, int) else len(records)

    def close(self) -> None:
        self.session.close()

    # -- plumbing ------------------------------------------------------------------------------

    def _document(self, record: object) -> Document:
        """A listed document; its ``pdf_url`` fetched now, so the planner checks the file."""
        pdf_url = record.pop("pdf_url", None) if isinstance(record, dict) else None
        document = _parse(record)
        if pdf_url is None:
            return document
        try:
            if not isinstance(pdf_url, str) or not pdf_url.strip():
                raise PdfDownloadError("pdf_url must be a non-empty URL text")
            if self.pdf_folder is None:
                raise PdfDownloadError("no folder is set to keep PDFs in")
            url = resolve_url(self.account_url, pdf_url.strip())
            pdf = fetch_pdf(self.session, url, self.pdf_folder, self.timeout)
        except PdfDownloadError as error:
            raise FlowFitApiError(
                f"The FlowFit API sent {document.kind.value} {document.number} with a PDF that "
                f"cannot be used: {error}."
            ) from None
        return replace(document, pdf=pdf)

    def _pages(self, params: dict[str, str]) -> Iterator[Any]:
        page: int | None = 1
        for _ in range(MAX_PAGES):
            if page is None:
                return
            answer = self._call("GET", "documents", params={**params, "page": str(page)})
            records = answer.get("documents")
            if not isinstance(records, list):
                raise FlowFitApiError("The FlowFit API answered without a documents list.")
            yield from records
            next_page = answer.get("next_page")
            page = next_page if isinstance(next_page, int) and next_page > page else None
        raise FlowFitApiError("The FlowFit API kept paging; stopped after 10,000 pages.")

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        url = f"{self.account_url}/{path}"
        try:
            response = self.session.request(
                method, url, params=params, json=json_body, timeout=self.timeout
            )
        except requests.RequestException as error:
            raise FlowFitApiError(
                f"The FlowFit API at {self.base_url} cannot be reached ({type(error).__name__}). "
                "Check the FlowFit/Quickbooks API URL and the network."
            ) from None
        return _answer(response, self.base_url)


def _answer(response: requests.Response, base_url: str) -> dict[str, Any]:
    if response.status_code in (401, 403, 404):
        raise FlowFitApiError(
            f"The FlowFit API at {base_url} refused the Customer sync. number "
            f"(HTTP {response.status_code}): check it in Parameters > Synchronization.",
            exit_code=ExitCode.BAD_INPUT,
        )
    if not response.ok:
        raise FlowFitApiError(f"The FlowFit API failed (HTTP {response.status_code}).")
    if not response.content:
        return {}
    try:
        body = response.json(parse_float=Decimal)  # numbers exactly, like the importer
    except (ValueError, RecursionError):
        raise FlowFitApiError("The FlowFit API answered something that is not JSON.") from None
    if not isinstance(body, dict):
        raise FlowFitApiError("The FlowFit API answered JSON that is not an object.")
    return body


def _parse(record: object) -> Document:
    try:
        # One document whose total does not add up is blocked by the planner, not the listing.
        return parse_record(record, strict_total=False)
    except (FieldError, ValueError) as error:
        number = record.get("number") if isinstance(record, dict) else None
        raise FlowFitApiError(
            f"The FlowFit API sent a document it cannot be read from ({number or 'no number'}): "
            f"{error}"
        ) from None


__all__ = ["FlowFitApiClient", "FlowFitApiError", "SyncResultRecord"]
