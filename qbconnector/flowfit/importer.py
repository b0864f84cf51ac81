"""Import of FlowFit exports (JSON or CSV) into the local store: all or nothing per file."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbconnector.core.documents import Document, DocumentKind, document_to_dict
from qbconnector.core.errors import QbConnectorError
from qbconnector.flowfit.csv_form import parse_csv
from qbconnector.flowfit.limits import check_characters, read_regular_file
from qbconnector.flowfit.parse import FieldError, ImportFileError, field_name, parse_record, shown
from qbconnector.flowfit.store import DocumentStore, UpsertCounts

WRAPPER_FIELDS = ("$schema", "documents")


@dataclass(frozen=True)
class FileReport:
    """What importing one file did: counts when it was imported, the error when it was not."""

    path: Path
    counts: UpsertCounts | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    mapping: dict[str, Any] = {}
    for key, value in pairs:
        if key in mapping:
            raise ValueError(f'the field "{key}" appears twice in one object')
        check_characters(key, value)
        mapping[key] = value
    return mapping


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _records(text: str, source: str) -> list[Any]:
    try:
        # Decimal for every JSON number: 0.18 stays exactly 0.18, never a float.
        data = json.loads(
            text.removeprefix("\ufeff"),
            parse_float=Decimal,
            parse_constant=_no_constant,
            object_pairs_hook=_no_duplicate_keys,
        )
    except ValueError as error:  # JSONDecodeError included
        raise ImportFileError(source, f"not valid JSON: {error}") from None
    if isinstance(data, dict):
        unknown = [key for key in data if key not in WRAPPER_FIELDS]
        if unknown:
            allowed = ", ".join(WRAPPER_FIELDS)
            reason = f'unknown top-level field "{unknown[0]}" (allowed: {allowed})'
            raise ImportFileError(source, reason)
        data = data.get("documents")
    if not isinstance(data, list):
        reason = 'expected an array of documents, or an object {"documents": [...]}'
        raise ImportFileError(source, reason)
    return data


def parse_json(text: str, source: str, pdf_base: Path | None = None) -> list[Document]:
    """Every document of a JSON file, or ImportFileError naming the first fault; a relative
    ``pdf`` path is read from ``pdf_base`` (the file's folder)."""
    documents: list[Document] = []
    seen: dict[tuple[DocumentKind, str], int] = {}
    for index, record in enumerate(_records(text, source), start=1):
        number = record.get("number") if isinstance(record, dict) else None
        label = (number.strip() or None) if isinstance(number, str) else None
        try:
            document = parse_record(record, pdf_base=pdf_base)
        except FieldError as error:
            raise ImportFileError(
                source,
                error.reason,
                record=index,
                number=label,
                field=field_name(error.path) or None,
            ) from None
        if document.key in seen:
            reason = f"{shown(document.number)} is already record {seen[document.key]} of this file"
            raise ImportFileError(source, reason, record=index, number=label, field="number")
        seen[document.key] = index
        documents.append(document)
    return documents


def read_documents(path: Path, source: str | None = None) -> list[Document]:
    """The documents of a .json or .csv file; ``source`` names the file in messages."""
    source = source or str(path)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".csv"):
        raise ImportFileError(source, "unknown file type: give a .json or a .csv file")
    try:
        # -sig: Excel starts its UTF-8 with a BOM
        text = read_regular_file(path).decode("utf-8-sig")
    except UnicodeDecodeError as error:
        reason = f"not UTF-8 text ({error.reason} at byte {error.start}); save it as UTF-8"
        raise ImportFileError(source, reason) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise ImportFileError(source, f"cannot read the file: {reason}") from None
    except ValueError as error:
        raise ImportFileError(source, str(error)) from None
    if "\x00" in text:  # never in an export; QuickBooks refuses it and SQLite text cuts at it
        raise ImportFileError(source, "holds NUL bytes: not a text export (UTF-16? binary?)")
    try:
        base = path.absolute().parent  # a relative pdf path is the import file's neighbour
        if suffix == ".json":
            return parse_json(text, source, base)
        return parse_csv(text, source, base)
    except RecursionError:
        raise ImportFileError(source, "nested too deeply to be FlowFit documents") from None
    except csv.Error as error:
        raise ImportFileError(source, f"not a readable CSV file ({error})") from None


def import_file(store: DocumentStore, path: Path, source: str | None = None) -> UpsertCounts:
    """Read the whole file, then store all of its documents in one transaction."""
    return store.upsert_many(read_documents(path, source))


def import_files(store: DocumentStore, paths: Sequence[Path]) -> list[FileReport]:
    """Import each file on its own: a rejected file changes nothing and does not stop the rest."""
    reports = []
    for path in paths:
        try:
            reports.append(FileReport(path, counts=import_file(store, path)))
        except QbConnectorError as error:  # ImportFileError, or DatabaseError (disk full...)
            reports.append(FileReport(path, error=str(error)))
    return reports


def documents_to_json(documents: Iterable[Document]) -> str:
    """The JSON form of ``documents`` (an array), as ``parse_json`` reads it back."""
    encoded = [document_to_dict(document) for document in documents]
    return json.dumps(encoded, ensure_ascii=False, indent=2) + "\n"
