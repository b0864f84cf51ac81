"""Helpers for PDF tests: PDF files, documents carrying them, and the sandbox's attachables."""

from __future__ import annotations

import dataclasses
import hashlib
import random
from pathlib import Path
from typing import Any

from qbconnector.core.documents import Document
from qbconnector.core.pdf_file import inspect_pdf
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger


def write_pdf(path: Path, seed: int = 1, size: int = 3000) -> Path:
    """A small file that is a PDF by its first bytes, different for each seed."""
    body = random.Random(seed).randbytes(size)
    path.write_bytes(b"%PDF-1.4\n" + body + b"\n%%EOF\n")
    return path


def with_pdf(document: Document, path: Path) -> Document:
    return dataclasses.replace(document, pdf=inspect_pdf(path))


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def attachables_of(server: SandboxServer, entity: str, entity_id: str) -> list[dict[str, Any]]:
    """The sandbox's Attachables linked to one transaction."""
    return [
        record
        for record in server.entities("Attachable")
        if {"type": entity, "value": entity_id}
        in [ref["EntityRef"] for ref in record.get("AttachableRef", [])]
    ]


def qbo_id(ledger: Ledger, document: Document) -> str:
    row = ledger.get(document.kind, document.number)
    assert row is not None
    assert row.qbo_id is not None
    return row.qbo_id
