"""Attachable: files uploaded (multipart) and linked to records; size and type rules; download."""

from __future__ import annotations

import base64
import binascii
import re
import secrets
from typing import Any

from qbconnector.sandbox import errors, jsonio
from qbconnector.sandbox.kinds import SERVER_FIELDS
from qbconnector.sandbox.rules import (
    WriteContext,
    check_length,
    check_string,
    drop_nones,
    reject_unknown,
)
from qbconnector.sandbox.state import CompanyState, Record

MAX_BYTES = 100 * 1024 * 1024  # Intuit: 100 MB per file (read as MiB: the larger reading)
# File types QuickBooks takes as attachments (extension -> content types accepted for it).
TYPES: dict[str, frozenset[str]] = {
    "pdf": frozenset({"application/pdf"}),
    "png": frozenset({"image/png"}),
    "jpg": frozenset({"image/jpeg", "image/jpg"}),
    "jpeg": frozenset({"image/jpeg", "image/jpg"}),
    "gif": frozenset({"image/gif"}),
    "tif": frozenset({"image/tiff"}),
    "tiff": frozenset({"image/tiff"}),
    "csv": frozenset({"text/csv"}),
    "txt": frozenset({"text/plain"}),
    "rtf": frozenset({"application/rtf", "text/rtf"}),
    "xml": frozenset({"text/xml", "application/xml"}),
    "doc": frozenset({"application/msword"}),
    "docx": frozenset({"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}),
    "xls": frozenset({"application/vnd.ms-excel"}),
    "xlsx": frozenset({"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}),
    "ods": frozenset({"application/vnd.oasis.opendocument.spreadsheet"}),
    "ai": frozenset({"application/postscript", "application/illustrator"}),
    "eps": frozenset({"application/postscript"}),
    "pages": frozenset({"application/vnd.apple.pages", "application/x-iwork-pages-sffpages"}),
}
LINKABLE = ("Invoice", "Estimate", "Payment", "Customer", "Vendor", "Employee", "Item")
FILE_FIELDS = ("FileName", "ContentType", "Size")
METADATA_FIELDS = frozenset({"AttachableRef", "FileName", "ContentType", "Note", "Category", "Tag"})
_PART = re.compile(r"^file_(metadata|content)_(\w+)$")
_NAME = re.compile(r'\bname="([^"]*)"')
_BOUNDARY = re.compile(r'boundary="?([^";]+)"?', re.IGNORECASE)


class AttachableKind:
    """A note or file linked to records; the file fields come from an upload, never from JSON."""

    name = "Attachable"
    deletable = True
    writable = frozenset({"AttachableRef", "Note", "Category", "Tag"})
    ignored = frozenset(
        {*FILE_FIELDS, "TempDownloadUri", "FileAccessUri", "ThumbnailTempDownloadUri"}
    )

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        record = drop_nones(body)
        record["AttachableRef"] = _refs(ctx.state, record.get("AttachableRef", []))
        if "Note" in record:
            check_length(check_string(record["Note"], "Note"), "Note", 2000)
        for name in FILE_FIELDS:
            if existing is not None and name in existing:
                record[name] = existing[name]  # an update never changes the file itself
        if "FileName" not in record and not record.get("Note"):
            raise errors.required("Note")
        return record


def _refs(state: CompanyState, raw: object) -> list[Record]:
    if not isinstance(raw, list):
        raise errors.invalid_property("AttachableRef", "a list is expected")
    refs: list[Record] = []
    for item in raw:
        entity_ref = item.get("EntityRef") if isinstance(item, dict) else None
        if not isinstance(entity_ref, dict):
            raise errors.required("AttachableRef.EntityRef")
        entity, value = str(entity_ref.get("type", "")), str(entity_ref.get("value", ""))
        if entity not in LINKABLE:
            raise errors.invalid_property("AttachableRef.EntityRef.type", repr(entity))
        if value not in state.table(entity):
            raise errors.not_found(entity, value)
        refs.append(
            {
                "EntityRef": {"type": entity, "value": value},
                "IncludeOnSend": bool(item.get("IncludeOnSend", False)),
            }
        )
    return refs


def parse_multipart(content_type: str, body: bytes) -> dict[str, tuple[dict[str, str], bytes]]:
    """Part name -> (lower-case headers, bytes); exact bytes (no newline rewriting)."""
    found = _BOUNDARY.search(content_type)
    if not content_type.lower().startswith("multipart/form-data") or found is None:
        raise errors.invalid_property("Content-Type", "an upload is multipart/form-data")
    delimiter = b"--" + found.group(1).strip().encode("latin-1")
    parts: dict[str, tuple[dict[str, str], bytes]] = {}
    for chunk in body.split(delimiter)[1:]:
        if chunk.startswith(b"--"):
            break
        head, separator, content = chunk.removeprefix(b"\r\n").partition(b"\r\n\r\n")
        if not separator:
            raise errors.invalid_property("body", "a multipart part without headers")
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", errors="replace").split("\r\n"):
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        named = _NAME.search(headers.get("content-disposition", ""))
        if named is None:
            raise errors.invalid_property("body", "a multipart part without a name")
        content = content.removesuffix(b"\r\n")
        if headers.get("content-transfer-encoding", "").lower() == "base64":
            try:
                content = base64.b64decode(b"".join(content.split()), validate=True)
            except (binascii.Error, ValueError):
                raise errors.invalid_property(named.group(1), "bad base64") from None
        parts[named.group(1)] = (headers, content)
    return parts


def upload(
    company: Any, ctx: WriteContext, content_type: str, body: bytes, max_bytes: int
) -> list[Record]:
    """The ``AttachableResponse`` list; refused files (size, type) fail the whole request."""
    pairs: dict[str, dict[str, Any]] = {}
    for name, part in parse_multipart(content_type, body).items():
        match = _PART.match(name)
        if match is None:
            raise errors.invalid_property(name, "parts are file_metadata_N and file_content_N")
        pairs.setdefault(match.group(2), {})[match.group(1)] = part
    if not pairs:
        raise errors.required("file_content_0")
    checked = [_check_pair(suffix, pair, max_bytes) for suffix, pair in sorted(pairs.items())]
    answers: list[Record] = []
    for metadata, file_fields, data in checked:
        try:
            record = company.create("Attachable", metadata, ctx, file_fields)
        except errors.FaultError as fault:
            answers.append({"Fault": fault.fault()})  # a bad EntityRef: a 200 with a Fault
            continue
        company.state.files[record["Id"]] = {
            "token": secrets.token_urlsafe(18),
            "data": base64.b64encode(data).decode("ascii"),
        }
        answers.append({"Attachable": company.present("Attachable", record)})
    return answers


def _check_pair(suffix: str, pair: dict[str, Any], max_bytes: int) -> tuple[Record, Record, bytes]:
    if "metadata" not in pair:
        raise errors.required(f"file_metadata_{suffix}")
    if "content" not in pair:
        raise errors.required(f"file_content_{suffix}")
    try:
        metadata = jsonio.loads(pair["metadata"][1] or b"null")
    except ValueError:
        raise errors.invalid_property(f"file_metadata_{suffix}", "not valid JSON") from None
    if not isinstance(metadata, dict):
        raise errors.invalid_property(f"file_metadata_{suffix}", "a JSON Attachable is expected")
    reject_unknown(metadata, METADATA_FIELDS | SERVER_FIELDS, "Attachable")
    data: bytes = pair["content"][1]
    file_name = check_string(metadata.get("FileName") or "", "FileName").strip()
    if not file_name:
        raise errors.required("FileName")
    check_length(file_name, "FileName", 1000)
    extension = file_name.rsplit(".", 1)[-1].lower() if "." in file_name else ""
    given_type = str(metadata.get("ContentType") or pair["content"][0].get("content-type", ""))
    kind = given_type.split(";")[0].strip().lower()
    if extension not in TYPES or kind not in TYPES[extension]:
        raise errors.validation(
            2010,
            errors.MSG_INVALID_PROPERTY,
            f"Unsupported file type: FileName {file_name!r} with ContentType {kind!r}. Allowed: "
            + ", ".join(sorted(TYPES)),
            "ContentType",
        )
    if not data:
        raise errors.invalid_property(f"file_content_{suffix}", "the file is empty")
    if len(data) > max_bytes:
        raise errors.validation(
            2010,
            errors.MSG_INVALID_PROPERTY,
            f"File too large: {file_name!r} is {len(data)} bytes; the limit is {max_bytes} bytes.",
            f"file_content_{suffix}",
        )
    fields = {key: metadata[key] for key in AttachableKind.writable if key in metadata}
    return fields, {"FileName": file_name, "ContentType": kind, "Size": len(data)}, data


def file_bytes(state: CompanyState, attachable_id: str, token: str | None = None) -> bytes | None:
    """The uploaded bytes; with ``token``, only when it is the download token."""
    stored = state.files.get(attachable_id)
    if stored is None or (token is not None and not secrets.compare_digest(token, stored["token"])):
        return None
    return base64.b64decode(stored["data"])


def download_url(base_url: str, state: CompanyState, attachable_id: str) -> str | None:
    stored = state.files.get(attachable_id)
    if stored is None:
        return None
    return f"{base_url}/_files/{attachable_id}/{stored['token']}"


ATTACHABLE = AttachableKind()
