"""Reading QuickBooks error bodies (JSON, gateway JSON, XML, HTML, empty, cut) into typed errors."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from typing import Any

from qbconnector.quickbooks import errors

# Error bodies are small; anything longer is an HTML page or garbage and only its head matters.
_MAX_PARSED_BYTES = 256 * 1024
_MAX_TEXT = 500

_GATEWAY_MESSAGE = re.compile(r"message=([^;]*);\s*errorCode=0*(\d+)")
_XML_FAULT_TYPE = re.compile(r"<(?:\w+:)?Fault\b[^>]*\btype=\"([^\"]*)\"", re.IGNORECASE)
_XML_ERROR = re.compile(
    r"<(?:\w+:)?Error\b([^>]*)>(.*?)(?:</(?:\w+:)?Error>|\Z)", re.IGNORECASE | re.DOTALL
)
_XML_CODE = re.compile(r"\bcode=\"([^\"]*)\"")
_XML_ELEMENT = re.compile(r"\belement=\"([^\"]*)\"")
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)(?:</title>|\Z)", re.IGNORECASE | re.DOTALL)
_JSON_FIELD = r"\"{name}\"\s*:\s*\"((?:[^\"\\]|\\.)*)"
_TAGS = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FaultError:
    """One entry of a fault's Error list."""

    message: str
    code: str | None = None
    detail: str | None = None
    element: str | None = None


@dataclass(frozen=True)
class Fault:
    """What an error body said, whatever its shape; ``errors`` is never empty."""

    fault_type: str | None
    errors: tuple[FaultError, ...]

    @property
    def first(self) -> FaultError:
        return self.errors[0]


def parse_fault(body: bytes, content_type: str | None = None) -> Fault:
    """Read any error body; never raises, whatever the bytes."""
    text = body[:_MAX_PARSED_BYTES].decode("utf-8", errors="replace").strip()
    if not text:
        return Fault(None, (FaultError("empty response body"),))
    head = text[:200].lower()
    if text[0] in "{[":
        return _parse_json_text(text)
    if "<html" in head or "<!doctype html" in head or "text/html" in (content_type or ""):
        return _parse_html(text)
    if text[0] == "<":
        return _parse_xml(text)
    return Fault(None, (FaultError("unreadable response body"),))


def fault_from_json(document: object) -> Fault | None:
    """The fault inside a decoded JSON body (``Fault``, gateway ``fault`` or OAuth ``error``)."""
    if not isinstance(document, dict):
        return None
    fault = document.get("Fault")
    if isinstance(fault, dict):
        return _fault_entries(fault, "Error", "Message", "Detail")
    fault = document.get("fault")
    if isinstance(fault, dict):
        return _fault_entries(fault, "error", "message", "detail")
    if isinstance(document.get("error"), str):  # the OAuth token endpoint's shape
        description = document.get("error_description")
        return Fault(
            "OAuth",
            (
                FaultError(
                    _clip(str(document["error"])),
                    code=_clip(str(document["error"])),
                    detail=_clip(description) if isinstance(description, str) else None,
                ),
            ),
        )
    return None


def _fault_entries(
    fault: dict[str, Any], list_key: str, message_key: str, detail_key: str
) -> Fault:
    raw_entries = fault.get(list_key)
    entries: list[FaultError] = []
    if isinstance(raw_entries, dict):
        raw_entries = [raw_entries]
    for entry in raw_entries if isinstance(raw_entries, list) else []:
        if isinstance(entry, dict):
            entries.append(
                _entry(
                    entry.get(message_key, entry.get("message", entry.get("Message"))),
                    entry.get("code"),
                    entry.get(detail_key, entry.get("detail", entry.get("Detail"))),
                    entry.get("element"),
                )
            )
    if not entries:
        entries.append(FaultError("fault without details"))
    fault_type = fault.get("type")
    return Fault(fault_type if isinstance(fault_type, str) else None, tuple(entries))


def _entry(message: object, code: object, detail: object, element: object) -> FaultError:
    message_text = _clip(message) if isinstance(message, str) and message else "unnamed error"
    code_text = _clip(str(code)) if isinstance(code, str | int) and str(code) else None
    gateway = _GATEWAY_MESSAGE.search(message_text)
    if gateway:  # "message=AuthenticationFailed; errorCode=003200; statusCode=401"
        message_text = gateway.group(1).strip() or message_text
        code_text = code_text or gateway.group(2)
    return FaultError(
        message_text,
        code=code_text,
        detail=_clip(detail) if isinstance(detail, str) and detail else None,
        element=_clip(element) if isinstance(element, str) and element else None,
    )


def _parse_json_text(text: str) -> Fault:
    try:
        document = json.loads(text)
    except RecursionError:
        return Fault(None, (FaultError("JSON body nested too deeply"),))
    except ValueError:
        return _parse_cut_json(text)
    fault = fault_from_json(document)
    return fault or Fault(None, (FaultError("JSON body without a fault"),))


def _parse_cut_json(text: str) -> Fault:
    # A truncated body still usually carries its first error's fields.
    def field(name: str) -> str | None:
        for spelling in (name, name.lower()):
            found = re.search(_JSON_FIELD.format(name=spelling), text)
            if found:
                return _clip(_json_unescape(found.group(1)))
        return None

    message = field("Message")
    entry = _entry(message or "truncated JSON body", field("code"), field("Detail"), None)
    return Fault(field("type"), (entry,))


def _json_unescape(fragment: str) -> str:
    try:
        decoded = json.loads(f'"{fragment}"')
    except ValueError:
        return fragment
    return decoded if isinstance(decoded, str) else fragment


def _parse_xml(text: str) -> Fault:
    # Regular expressions rather than an XML parser: bodies may be cut, and no entity is expanded.
    fault_type = _XML_FAULT_TYPE.search(text)
    entries: list[FaultError] = []
    for attributes, inner in _XML_ERROR.findall(text):
        code = _XML_CODE.search(attributes)
        element = _XML_ELEMENT.search(attributes)
        entries.append(
            _entry(
                _xml_child(inner, "Message"),
                code.group(1) if code else None,
                _xml_child(inner, "Detail"),
                html.unescape(element.group(1)) if element else None,
            )
        )
    if not entries:
        entries.append(FaultError("XML body without a fault"))
    return Fault(fault_type.group(1) if fault_type else None, tuple(entries))


def _xml_child(inner: str, tag: str) -> str | None:
    found = re.search(
        rf"<(?:\w+:)?{tag}\b[^>]*>(.*?)(?:</(?:\w+:)?{tag}>|\Z)", inner, re.IGNORECASE | re.DOTALL
    )
    if not found:
        return None
    return _plain(found.group(1)) or None


def _plain(markup: str) -> str:
    return _SPACES.sub(" ", html.unescape(_TAGS.sub("", markup))).strip()


def _parse_html(text: str) -> Fault:
    title = _HTML_TITLE.search(text)
    title_text = _plain(title.group(1)) if title else ""
    message = f"HTML page: {_clip(title_text)}" if title_text else "HTML page without a title"
    return Fault("HTML", (FaultError(message),))


def _clip(value: object) -> str:
    text = str(value)
    return text if len(text) <= _MAX_TEXT else text[: _MAX_TEXT - 1] + "…"


def error_from_fault(
    fault: Fault, http_status: int | None, intuit_tid: str | None = None
) -> errors.QuickBooksError:
    """The typed error for a fault; ``http_status`` is None for a batch item's fault."""
    first = fault.first
    error_class = _error_class(fault, http_status)
    error = error_class(
        first.message,
        code=first.code,
        detail=first.detail,
        element=first.element,
        fault_type=fault.fault_type,
        intuit_tid=intuit_tid,
        http_status=http_status,
    )
    return error


def error_from_response(
    http_status: int,
    body: bytes,
    *,
    content_type: str | None = None,
    intuit_tid: str | None = None,
    retry_after: float | None = None,
) -> errors.QuickBooksError:
    """The typed error for a failed (or unreadable) HTTP response."""
    error = error_from_fault(parse_fault(body, content_type), http_status, intuit_tid)
    if isinstance(error, errors.ThrottledError):
        error.retry_after = retry_after
    if error.message in {"empty response body", "unreadable response body"}:
        error.message = f"QuickBooks answered HTTP {http_status} with an {error.message}"
    return error


def _error_class(fault: Fault, http_status: int | None) -> type[errors.QuickBooksError]:
    first = fault.first
    throttled = first.code == "3001" or "throttle" in first.message.lower()
    if http_status == 429 or throttled:
        return errors.ThrottledError
    if http_status is None:
        return _class_for_fault_type(fault)
    if http_status == 400:
        return _validation_class(first)
    if http_status == 401:
        return errors.AuthenticationError
    if http_status == 403:
        return errors.AuthorizationError
    if http_status >= 500 or 200 <= http_status < 300:
        return errors.ServerError
    return errors.UnexpectedResponseError


def _class_for_fault_type(fault: Fault) -> type[errors.QuickBooksError]:
    fault_type = (fault.fault_type or "").lower()
    if fault_type.startswith("authentication"):
        return errors.AuthenticationError
    if fault_type.startswith("authorization"):
        return errors.AuthorizationError
    if fault_type.startswith("system") or fault_type == "service":
        return errors.ServerError
    return _validation_class(fault.first)


def _validation_class(first: FaultError) -> type[errors.ValidationError]:
    # The DocNumber duplicate is matched on its text first: its code is reported as 6140 or 6240.
    if "duplicate document number" in first.message.lower() or first.code == "6140":
        return errors.DuplicateDocNumberError
    return {
        "5010": errors.StaleObjectError,
        "6240": errors.DuplicateNameError,
        "610": errors.ObjectNotFoundError,
    }.get(first.code or "", errors.ValidationError)
