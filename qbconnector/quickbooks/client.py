"""QuickBooks Online Accounting API client: reads, writes, queries, batches, over requests."""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

import requests

from qbconnector import __version__
from qbconnector.quickbooks import query as query_text
from qbconnector.quickbooks.attachments import AttachmentResult, download, upload
from qbconnector.quickbooks.batch import (
    BatchItem,
    BatchResult,
    batch_body,
    parse_batch_response,
    validate_batch,
)
from qbconnector.quickbooks.cdc import CdcResult, fetch_changes, query_changes
from qbconnector.quickbooks.errors import ServerError, ThrottledError
from qbconnector.quickbooks.network import network_error, retry_after_seconds
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter
from qbconnector.quickbooks.responses import ApiResponse, entity_in, interpret

SANDBOX_BASE_URL = "https://sandbox-quickbooks.api.intuit.com"
PRODUCTION_BASE_URL = "https://quickbooks.api.intuit.com"
MINOR_VERSION = "75"
MAX_REQUEST_ID_LENGTH = 50
_ENTITY_NAME = re.compile(r"^[A-Z][A-Za-z]*$")
# Multipart parts for an upload: name -> (file name, bytes, content type).
Files = dict[str, tuple[str, bytes, str]]


class AccessTokenSource(Protocol):
    """Hands the client a bearer token; refreshes it once when QuickBooks answers 401."""

    def access_token(self) -> str: ...

    def after_unauthorized(self, rejected: str) -> str:
        """A token other than ``rejected``, or ``rejected`` itself when none can be had."""
        ...


def base_url_for(environment: str, custom_base_url: str | None = None) -> str:
    """The API root for "sandbox", "production" or "custom" (then ``custom_base_url``)."""
    if environment == "sandbox":
        return SANDBOX_BASE_URL
    if environment == "production":
        return PRODUCTION_BASE_URL
    if environment == "custom" and custom_base_url:
        return custom_base_url.rstrip("/")
    raise ValueError(f"unknown QuickBooks environment {environment!r} (or custom without a URL)")


@dataclass(frozen=True)
class ClientConfig:
    """Where and how to call QuickBooks for one company."""

    realm_id: str
    environment: str = "sandbox"
    base_url: str | None = None  # only for environment "custom"
    timeout: tuple[float, float] = (3.05, 30.0)  # connect, read
    backoff: Backoff = field(default_factory=Backoff)
    page_size: int = query_text.MAX_PAGE_SIZE

    @property
    def api_root(self) -> str:
        return base_url_for(self.environment, self.base_url)


@dataclass(frozen=True)
class EntityResult:
    """One entity as QuickBooks returned it, with the response's intuit_tid."""

    entity: dict[str, Any]
    intuit_tid: str | None


@dataclass(frozen=True)
class QueryPage:
    rows: list[dict[str, Any]]
    total_count: int | None
    intuit_tid: str | None


@dataclass(frozen=True)
class QueryResult:
    """Every row of a paged query, and the intuit_tid of each page's response."""

    rows: list[dict[str, Any]]
    intuit_tids: tuple[str | None, ...]


MAX_UNAUTHORIZED_RETRIES = 2


class QuickBooksClient:
    """Calls one company's API. Safe to share between threads: each thread gets its own
    requests.Session, and all share the company's rate limiter and token source."""

    def __init__(
        self,
        config: ClientConfig,
        tokens: AccessTokenSource,
        limiter: RateLimiter | None = None,
    ) -> None:
        self.config = config
        self.tokens = tokens
        self.limiter = limiter or RateLimiter()
        self._company_url = f"{config.api_root}/v3/company/{config.realm_id}"
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._sessions_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"QuickBooksClient(realm_id={self.config.realm_id!r}, api={self.config.api_root!r})"

    # -- operations ------------------------------------------------------------------------

    def read(self, entity: str, entity_id: str) -> EntityResult:
        response = self._call("GET", f"{_path(entity)}/{entity_id}")
        return EntityResult(entity_in(response, entity), response.intuit_tid)

    def create(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult:
        response = self._call("POST", _path(entity), json_body=body, request_id=request_id)
        return EntityResult(entity_in(response, entity), response.intuit_tid)

    def sparse_update(self, entity: str, body: dict[str, Any], request_id: str) -> EntityResult:
        """Change only the fields in ``body``, which must carry Id and the current SyncToken."""
        if not body.get("Id") or body.get("SyncToken") is None:
            raise ValueError("a sparse update needs the entity's Id and SyncToken")
        sparse_body = {**body, "sparse": True}
        response = self._call("POST", _path(entity), json_body=sparse_body, request_id=request_id)
        return EntityResult(entity_in(response, entity), response.intuit_tid)

    def company_info(self) -> EntityResult:
        """The company's CompanyInfo: the cheapest call that proves the connection works."""
        return self.read("CompanyInfo", self.config.realm_id)

    def query(self, select: str) -> QueryResult:
        """All rows of ``select`` (no STARTPOSITION/MAXRESULTS), fetched page by page."""
        if query_text.has_paging_clause(select):
            raise ValueError("query() adds STARTPOSITION/MAXRESULTS itself; use query_page()")
        size = self.config.page_size
        rows: list[dict[str, Any]] = []
        tids: list[str | None] = []
        start = 1
        while True:
            page = self.query_page(query_text.page_statement(select, start, size))
            rows.extend(page.rows)
            tids.append(page.intuit_tid)
            if len(page.rows) < size:
                return QueryResult(rows, tuple(tids))
            start += size

    def query_page(self, statement: str) -> QueryPage:
        """One query call, as written (QuickBooks returns at most 1000 rows)."""
        response = self._call("GET", "query", params={"query": statement})
        query_response = response.body.get("QueryResponse")
        if not isinstance(query_response, dict):
            raise ServerError("query answer without QueryResponse", intuit_tid=response.intuit_tid)
        rows = next((value for value in query_response.values() if isinstance(value, list)), [])
        total = query_response.get("totalCount")
        return QueryPage(
            [row for row in rows if isinstance(row, dict)],
            total if isinstance(total, int) else None,
            response.intuit_tid,
        )

    def count(self, where_from: str) -> int:
        """``SELECT COUNT(*) FROM ...``: pass what follows COUNT(*), e.g. "FROM Invoice"."""
        page = self.query_page(f"SELECT COUNT(*) {where_from}")
        return page.total_count or 0

    def batch(self, items: Sequence[BatchItem], request_id: str) -> BatchResult:
        """Up to 30 independent operations in one call; results matched by bId."""
        validate_batch(items, request_id)
        response = self._call(
            "POST", "batch", json_body=batch_body(items), request_id=request_id, batch=True
        )
        return parse_batch_response(response.body, items, response.intuit_tid, request_id)

    def cdc(self, entities: Sequence[str], changed_since: dt.datetime | str) -> CdcResult:
        """Every change to ``entities`` at or after ``changed_since`` (QuickBooks keeps 30 days),
        all pages fetched; deleted objects come back flagged. See ``cdc.py``."""
        return fetch_changes(self._call_raw, entities, changed_since)

    def changed_after(self, entity: str, after: str) -> CdcResult:
        """``entity`` objects updated after ``after``, by query (beyond CDC's 30 days; deletions
        are not seen), amounts as Decimal. See ``cdc.query_changes``."""
        return query_changes(self._call_raw, entity, after)

    def upload_attachment(
        self,
        entity: str,
        entity_id: str,
        filename: str,
        content_type: str,
        data: bytes,
        request_id: str,
    ) -> AttachmentResult:
        """Upload ``data`` as an Attachable linked to ``entity`` ``entity_id``."""
        _path(entity)
        return upload(self._call, entity, entity_id, filename, content_type, data, request_id)

    def download_attachment(self, attachable_id: str) -> bytes:
        """The bytes of an uploaded file (link from QuickBooks, then the file itself)."""
        return download(self._call_raw, self._fetch_link, attachable_id)

    def close(self) -> None:
        with self._sessions_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()

    # -- plumbing --------------------------------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        json_body: dict[str, Any] | None = None,
        request_id: str | None = None,
        batch: bool = False,
        files: Files | None = None,
    ) -> ApiResponse:
        response, token = self._exchange(method, path, params, json_body, request_id, batch, files)
        return interpret(response, token)

    def _call_raw(
        self, method: str, path: str, params: dict[str, str] | None = None
    ) -> requests.Response:
        """A call whose 2xx answer is read by the caller (CDC with Decimal amounts, a download
        link); error answers raise the typed error as usual."""
        response, token = self._exchange(method, path, params, None, None, False, None)
        if not 200 <= response.status_code < 300:
            interpret(response, token)  # raises the typed error
        return response

    def _exchange(
        self,
        method: str,
        path: str,
        params: dict[str, str] | None,
        json_body: dict[str, Any] | None,
        request_id: str | None,
        batch: bool,
        files: Files | None,
    ) -> tuple[requests.Response, str]:
        query_params = {"minorversion": MINOR_VERSION, **(params or {})}
        if request_id is not None:
            _check_request_id(request_id)
            query_params["requestid"] = request_id  # the same on every retry below
        url = f"{self._company_url}/{path}"
        token = self.tokens.access_token()
        # A 401 is answered with the next token at most twice: once it may be a token another
        # thread had already replaced (and that one can expire too), the second time a refresh
        # of our own; a third 401 is a real authentication failure.
        unauthorized_retries = 0
        throttled_attempts = 0
        while True:
            response = self._send(method, url, query_params, json_body, token, batch, files)
            if response.status_code == 401 and unauthorized_retries < MAX_UNAUTHORIZED_RETRIES:
                unauthorized_retries += 1
                new_token = self.tokens.after_unauthorized(token)
                if new_token != token:
                    token = new_token
                    continue
            if response.status_code == 429 and self._may_wait_for(throttled_attempts):
                retry_after = retry_after_seconds(response.headers.get("Retry-After"))
                self.limiter.pause(self.config.backoff.wait(throttled_attempts, retry_after))
                throttled_attempts += 1
                continue
            return response, token

    def _may_wait_for(self, throttled_attempts: int) -> bool:
        backoff = self.config.backoff
        if self.limiter.stats.throttled_seconds >= backoff.give_up_after:
            raise ThrottledError(
                f"QuickBooks kept throttling this company (HTTP 429, too many requests): "
                f"{self.limiter.stats.throttled_seconds:.0f} s waited in this run, the limit is "
                f"{backoff.give_up_after:.0f} s. Stopped; try again later (another program "
                "may be using the company's API quota).",
                http_status=429,
            )
        return throttled_attempts < backoff.max_retries

    def _send(
        self,
        method: str,
        url: str,
        params: dict[str, str],
        json_body: dict[str, Any] | None,
        token: str,
        batch: bool,
        files: Files | None = None,
    ) -> requests.Response:
        headers: dict[str, str | None] = {"Authorization": f"Bearer {token}"}
        if files is not None:
            headers["Content-Type"] = None  # requests writes multipart/form-data; boundary=...
        with self.limiter.slot(batch=batch):
            try:
                return self._session().request(
                    method,
                    url,
                    params=params,
                    json=json_body,
                    files=files,
                    headers=headers,
                    timeout=self.config.timeout,
                )
            except requests.RequestException as failure:
                raise network_error(failure) from None  # the cause's text may hold the URL only

    def _fetch_link(self, url: str) -> requests.Response:
        # A pre-signed link on Intuit's file store: no bearer token goes there, and it is not
        # an API call, so the company's rate limiter does not count it.
        try:
            return self._session().get(url, timeout=self.config.timeout)
        except requests.RequestException as failure:
            raise network_error(failure) from None

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers.update(
                {
                    "Accept": "application/json",
                    "Content-Type": "application/json",
                    "User-Agent": f"qbconnector/{__version__}",
                }
            )
            self._local.session = session
            with self._sessions_lock:
                self._sessions.append(session)
        return session


def _path(entity: str) -> str:
    if not _ENTITY_NAME.match(entity):
        raise ValueError(f"entity names are written like 'Invoice', not {entity!r}")
    return entity.lower()


def _check_request_id(request_id: str) -> None:
    if not 1 <= len(request_id) <= MAX_REQUEST_ID_LENGTH:
        raise ValueError(f"a requestid must be 1 to {MAX_REQUEST_ID_LENGTH} characters")
