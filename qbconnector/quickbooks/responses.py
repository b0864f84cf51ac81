"""Reading a QuickBooks answer: the JSON envelope, faults inside a 2xx, scrubbed errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import requests

from qbconnector.quickbooks.errors import QuickBooksError, ServerError
from qbconnector.quickbooks.faults import error_from_fault, error_from_response, fault_from_json
from qbconnector.quickbooks.network import retry_after_seconds


@dataclass(frozen=True)
class ApiResponse:
    body: dict[str, Any]
    intuit_tid: str | None


def entity_in(response: ApiResponse, entity: str) -> dict[str, Any]:
    found = response.body.get(entity)
    if not isinstance(found, dict):
        raise ServerError(f"answer without {entity}", intuit_tid=response.intuit_tid)
    return found


def interpret(response: requests.Response, token: str) -> ApiResponse:
    intuit_tid = response.headers.get("intuit_tid")
    content_type = response.headers.get("Content-Type")
    if not 200 <= response.status_code < 300:
        error = error_from_response(
            response.status_code,
            response.content,
            content_type=content_type,
            intuit_tid=intuit_tid,
            retry_after=retry_after_seconds(response.headers.get("Retry-After")),
        )
        raise scrubbed(error, token)
    try:
        body = response.json()
    except (ValueError, RecursionError):  # RecursionError: JSON nested beyond reason
        body = None
    if not isinstance(body, dict):
        raise scrubbed(
            error_from_response(response.status_code, response.content, intuit_tid=intuit_tid),
            token,
        )
    fault = fault_from_json(body)
    if fault is not None and "Fault" in body:  # a fault inside a 2xx: treat it like its type
        error = error_from_fault(fault, None, intuit_tid)
        error.http_status = response.status_code
        raise scrubbed(error, token)
    return ApiResponse(body, intuit_tid)


def scrubbed(error: QuickBooksError, token: str) -> QuickBooksError:
    # Nothing QuickBooks echoes back should carry the token, but exception text is logged.
    for name in ("message", "detail", "element"):
        value = getattr(error, name)
        if isinstance(value, str) and token and token in value:
            setattr(error, name, value.replace(token, "[token]"))
    return error
