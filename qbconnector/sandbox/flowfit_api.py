"""A stand-in of the FlowFit connector API (docs/flowfit-api.md), served from a documents file."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from qbconnector.sandbox.api import Reply, Request, json_reply

PREFIX = "/flowfit/"
MAX_PAGE_SIZE = 500
DEFAULT_PAGE_SIZE = 100


def _error(status: int, code: str, message: str) -> Reply:
    return json_reply(status, {"error": {"code": code, "message": message}})


def _timestamp(text: object) -> dt.datetime | None:
    if not isinstance(text, str):
        return None
    try:
        stamp = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return stamp if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)


class FlowFitStandIn:
    """Serves one account's documents from a JSON file (a list of import-format records, read
    again on each request so tests can change it) and keeps the results reported back."""

    def __init__(self, documents_file: Path, sync_number: str) -> None:
        self.documents_file = Path(documents_file)
        self.sync_number = sync_number
        self.results: list[dict[str, Any]] = []
        self.requests = 0
        self._lock = threading.Lock()

    def handle(self, request: Request) -> Reply:
        parts = [unquote(part) for part in request.path[len(PREFIX) :].split("/") if part]
        with self._lock:
            self.requests += 1
        if len(parts) == 5 and parts[:2] == ["v1", "accounts"] and parts[3] == "pdfs":
            return self._pdf(parts[2], parts[4])
        if len(parts) != 4 or parts[:2] != ["v1", "accounts"]:
            return _error(404, "not-found", f"no such path {request.path}")
        if parts[2] != self.sync_number:
            return _error(404, "unknown-account", "no FlowFit account has this sync number")
        if parts[3] == "documents" and request.method == "GET":
            return self._documents(request.params)
        if parts[3] == "sync-results" and request.method == "POST":
            return self._sync_results(request.body)
        return _error(405, "method-not-allowed", f"{request.method} {parts[3]} is not served")

    @property
    def pdf_folder(self) -> Path:
        """Files served as ``.../pdfs/{name}`` (a document's ``pdf_url``): next to the file."""
        return self.documents_file.parent / "flowfit-pdfs"

    def _pdf(self, sync_number: str, name: str) -> Reply:
        if sync_number != self.sync_number:
            return _error(404, "unknown-account", "no FlowFit account has this sync number")
        path = self.pdf_folder / name
        if "/" in name or "\\" in name or name.startswith(".") or not path.is_file():
            return _error(404, "not-found", f"no PDF named {name}")
        return Reply(200, path.read_bytes(), "application/pdf")

    def _records(self) -> list[dict[str, Any]]:
        data = json.loads(self.documents_file.read_text(encoding="utf-8"))
        records = data.get("documents", []) if isinstance(data, dict) else data
        return [record for record in records if isinstance(record, dict)]

    def _documents(self, params: dict[str, str]) -> Reply:
        try:
            page = int(params.get("page", "1"))
            size = min(int(params.get("page_size", str(DEFAULT_PAGE_SIZE))), MAX_PAGE_SIZE)
        except ValueError:
            return _error(400, "bad-request", "page and page_size are whole numbers")
        since = _timestamp(params.get("updated_since"))
        if params.get("updated_since") and since is None:
            return _error(400, "bad-request", "updated_since is not an ISO 8601 timestamp")
        numbers = {n for n in params.get("number", "").split(",") if n}
        matches = [
            record
            for record in self._records()
            if _keeps(record, params.get("kind"), params.get("status"), since, numbers)
        ]
        start = (max(page, 1) - 1) * max(size, 1)
        chosen = matches[start : start + max(size, 1)]
        next_page = page + 1 if start + len(chosen) < len(matches) else None
        return json_reply(
            200,
            {"documents": chosen, "page": page, "page_size": size, "total": len(matches),
             "next_page": next_page},
        )  # fmt: skip

    def _sync_results(self, body: bytes) -> Reply:
        try:
            results = json.loads(body.decode("utf-8")).get("results")
        except (ValueError, AttributeError):
            return _error(400, "bad-request", 'the body must be {"results": [...]}')
        if not isinstance(results, list):
            return _error(400, "bad-request", "results must be a list")
        problem = next((found for result in results if (found := _result_problem(result))), None)
        if problem:
            return _error(400, "bad-request", problem)
        with self._lock:
            self.results.extend(result for result in results if isinstance(result, dict))
        return json_reply(200, {"accepted": len(results)})


RESULT_STATES = frozenset({"synced", "failed", "blocked", "held", "pulled"})
PULLED_STATES = frozenset({"paid", "partially-paid", "overdue", "unpaid", "accepted", "closed",
                           "rejected", "converted", "pending", "edited-in-quickbooks",
                           "deleted-in-quickbooks"})  # fmt: skip


def _result_problem(result: object) -> str | None:
    """What the contract's sync-results entry gets wrong (None: nothing)."""
    if not isinstance(result, dict):
        return "each result must be an object"
    state = result.get("state")
    if state not in RESULT_STATES:
        return f"unknown state {state!r}; one of {', '.join(sorted(RESULT_STATES))}"
    if state == "pulled" and result.get("qbo_state") not in PULLED_STATES:
        return f"a pulled result needs qbo_state, one of {', '.join(sorted(PULLED_STATES))}"
    return None


def _keeps(
    record: dict[str, Any],
    kind: str | None,
    status: str | None,
    since: dt.datetime | None,
    numbers: set[str],
) -> bool:
    if kind and record.get("kind") != kind:
        return False
    if status and record.get("status") != status:
        return False
    if numbers and record.get("number") not in numbers:
        return False
    if since is not None:
        updated = _timestamp(record.get("updated_at"))
        return updated is not None and updated >= since
    return True
