"""Attachments: upload a file linked to a record (multipart), download it back by Attachable Id."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import requests

from qbconnector.quickbooks.errors import ServerError
from qbconnector.quickbooks.faults import error_from_fault, fault_from_json
from qbconnector.quickbooks.responses import ApiResponse

MAX_BYTES = 100 * 1024 * 1024  # Intuit's per-file limit; refused here before anything is sent


class UploadCall(Protocol):
    def __call__(
        self,
        method: str,
        path: str,
        *,
        files: dict[str, tuple[str, bytes, str]] | None = None,
        request_id: str | None = None,
    ) -> ApiResponse: ...


RawCall = Callable[[str, str, dict[str, str]], requests.Response]
Fetch = Callable[[str], requests.Response]


@dataclass(frozen=True)
class AttachmentResult:
    attachable: dict[str, Any]
    intuit_tid: str | None

    @property
    def attachable_id(self) -> str:
        return str(self.attachable["Id"])

    @property
    def size(self) -> int | None:
        size = self.attachable.get("Size")
        return int(size) if isinstance(size, (int, float)) else None


def upload(
    call: UploadCall,
    entity: str,
    entity_id: str,
    filename: str,
    content_type: str,
    data: bytes,
    request_id: str,
) -> AttachmentResult:
    """One file, linked to ``entity`` ``entity_id``; a refused link raises its typed error."""
    if not data:
        raise ValueError("an attachment cannot be empty")
    if len(data) > MAX_BYTES:
        raise ValueError(f"an attachment is at most {MAX_BYTES} bytes; this one is {len(data)}")
    if not filename.strip() or any(c in filename for c in '\r\n"'):
        raise ValueError(f"unusable attachment file name {filename!r}")
    metadata = {
        "AttachableRef": [{"EntityRef": {"type": entity, "value": entity_id}}],
        "FileName": filename,
        "ContentType": content_type,
    }
    # Part names as in Intuit's sample and the SDKs: the suffix pairs metadata with content.
    files = {
        "file_metadata_01": ("attachment.json", json.dumps(metadata).encode(), "application/json"),
        "file_content_01": (filename, data, content_type),
    }
    response = call("POST", "upload", files=files, request_id=request_id)
    entries = response.body.get("AttachableResponse")
    if not isinstance(entries, list) or not entries or not isinstance(entries[0], dict):
        raise ServerError(
            "upload answer without AttachableResponse", intuit_tid=response.intuit_tid
        )
    fault = fault_from_json(entries[0])
    if fault is not None:  # QuickBooks reports a bad link inside a 200
        raise error_from_fault(fault, None, response.intuit_tid)
    attachable = entries[0].get("Attachable")
    if not isinstance(attachable, dict) or "Id" not in attachable:
        raise ServerError("upload answer without Attachable", intuit_tid=response.intuit_tid)
    return AttachmentResult(attachable, response.intuit_tid)


def download(call: RawCall, fetch: Fetch, attachable_id: str) -> bytes:
    """Ask QuickBooks for the file's temporary link, then fetch the bytes from that link."""
    if not attachable_id or not attachable_id.isalnum():
        raise ValueError(f"not an Attachable Id: {attachable_id!r}")
    answer = call("GET", f"download/{attachable_id}", {})
    tid = answer.headers.get("intuit_tid")
    url = answer.content.decode("utf-8", errors="replace").strip()
    if not url.startswith(("https://", "http://")):
        raise ServerError("download answer is not a link", intuit_tid=tid)
    response = fetch(url)
    if response.status_code != 200:
        raise ServerError(
            f"the attachment link answered HTTP {response.status_code}",
            intuit_tid=tid,
            http_status=response.status_code,
        )
    return response.content
