"""The CSV form of the import format: one row per line, document fields repeated on each row."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from qbconnector.core.documents import Document, document_to_dict
from qbconnector.flowfit.parse import (
    CLIENT_REQUIRED,
    DOCUMENT_REQUIRED,
    LINE_FIELDS,
    LINE_REQUIRED,
    PROJECT_REQUIRED,
    FieldError,
    ImportFileError,
    Path,
    parse_record,
)

# column -> where its value goes in the JSON form of the document
DOCUMENT_COLUMNS: dict[str, tuple[str, ...]] = {
    "kind": ("kind",),
    "number": ("number",),
    "status": ("status",),
    "date": ("date",),
    "due_date": ("due_date",),
    "valid_until": ("valid_until",),
    "currency": ("currency",),
    "updated_at": ("updated_at",),
    "client_code": ("client", "code"),
    "client_name": ("client", "name"),
    "client_email": ("client", "email"),
    "client_language": ("client", "language"),
    "project_number": ("project", "number"),
    "project_name": ("project", "name"),
    "client_po": ("project", "client_po"),
    "project_manager": ("project", "manager"),
    "source_language": ("project", "source_language"),
    "target_languages": ("project", "target_languages"),
}
LINE_COLUMNS: dict[str, str] = {f"line_{name}": name for name in LINE_FIELDS}
CSV_COLUMNS = (*DOCUMENT_COLUMNS, *LINE_COLUMNS)
REQUIRED_COLUMNS = tuple(
    [column for column in DOCUMENT_COLUMNS if column in DOCUMENT_REQUIRED]
    + [f"client_{name}" for name in CLIENT_REQUIRED]
    + [f"project_{name}" for name in PROJECT_REQUIRED]
    + [f"line_{name}" for name in LINE_REQUIRED]
)
LANGUAGE_SEPARATOR = "|"  # not ";", the cell separator of CSV files saved by a French Excel
_COLUMN_BY_PATH = {path: column for column, path in DOCUMENT_COLUMNS.items()}


@dataclass
class _Group:
    """The rows of one document: where it starts, its document cells, its lines' cells."""

    record: int
    first_line: int
    cells: dict[str, str]
    lines: list[tuple[int, dict[str, str]]] = field(default_factory=list)


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    return ";" if ";" in header and "," not in header else ","


def _check_header(columns: list[str], source: str) -> None:
    allowed = ", ".join(CSV_COLUMNS)
    for index, column in enumerate(columns):
        if column not in CSV_COLUMNS:
            reason = f'unknown column "{column}" (allowed: {allowed})'
            raise ImportFileError(source, reason, line=1)
        if column in columns[:index]:
            raise ImportFileError(source, f'column "{column}" appears twice', line=1)
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        reason = f"missing column(s) {', '.join(missing)} (required: {', '.join(REQUIRED_COLUMNS)})"
        raise ImportFileError(source, reason, line=1)


def _group_rows(reader: Any, columns: list[str], source: str) -> list[_Group]:
    groups: dict[tuple[str, str], _Group] = {}
    document_columns = [column for column in columns if column in DOCUMENT_COLUMNS]
    end_of_previous = reader.line_num
    for cells in reader:
        line, end_of_previous = end_of_previous + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets often leave empty rows at the end
        if len(cells) != len(columns):
            reason = f"{len(cells)} cells, but the header has {len(columns)} columns"
            raise ImportFileError(source, reason, line=line)
        row = dict(zip(columns, (cell.strip() for cell in cells), strict=True))
        key = (row["kind"], row["number"])
        group = groups.get(key)
        if group is None:
            cells_of_document = {column: row[column] for column in document_columns}
            group = groups[key] = _Group(len(groups) + 1, line, cells_of_document)
        else:
            _check_same(group, row, line, source)
        group.lines.append(
            (line, {column: row[column] for column in columns if column in LINE_COLUMNS})
        )
    return list(groups.values())


def _check_same(group: _Group, row: dict[str, str], line: int, source: str) -> None:
    for column, first in group.cells.items():
        if row[column] != first:
            reason = (
                f'"{row[column]}" differs from "{first}" on line {group.first_line}'
                " (document fields must be the same on every row of a document)"
            )
            number = group.cells["number"]
            raise ImportFileError(
                source, reason, record=group.record, number=number, line=line, field=column
            )


def _record(group: _Group) -> dict[str, Any]:
    record: dict[str, Any] = {"client": {}, "project": {}}
    for column, value in group.cells.items():
        if not value:
            continue
        path = DOCUMENT_COLUMNS[column]
        parts = value.split(LANGUAGE_SEPARATOR) if column == "target_languages" else None
        target = record if len(path) == 1 else record[path[0]]
        target[path[-1]] = [part.strip() for part in parts] if parts is not None else value
    record["lines"] = [
        {LINE_COLUMNS[column]: value for column, value in cells.items() if value}
        for _, cells in group.lines
    ]
    return record


def _rejection(error: FieldError, group: _Group, source: str) -> ImportFileError:
    path, line = error.path, group.first_line
    if path[0] == "lines" and len(path) > 2:
        line = group.lines[int(path[1])][0]
        column = f"line_{path[2]}"
    else:
        names = tuple(str(part) for part in path)
        column = _COLUMN_BY_PATH.get(names[:2]) or _COLUMN_BY_PATH.get(names[:1], "lines")
    number = group.cells["number"] or None
    return ImportFileError(
        source, error.reason, record=group.record, number=number, line=line, field=column
    )


def parse_csv(text: str, source: str) -> list[Document]:
    """Every document of a CSV file, or ImportFileError naming the first fault."""
    text = text.removeprefix("\ufeff")  # the byte-order mark spreadsheets write
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header = next(reader, None)
    if header is None:
        raise ImportFileError(
            source, f"the file is empty (expected a header row: {', '.join(CSV_COLUMNS)})"
        )
    columns = [column.strip() for column in header]
    _check_header(columns, source)
    documents = []
    for group in _group_rows(reader, columns, source):
        try:
            documents.append(parse_record(_record(group)))
        except FieldError as error:
            raise _rejection(error, group, source) from None
    return documents


def _cell(mapping: dict[str, Any], path: Path) -> str:
    value: Any = mapping
    for part in path:
        value = value.get(str(part)) if isinstance(value, dict) else None
    if isinstance(value, list):
        return LANGUAGE_SEPARATOR.join(value)
    return "" if value is None else str(value)


def documents_to_csv(documents: Iterable[Document]) -> str:
    """The CSV form of ``documents``: a header, then one row per line."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for document in documents:
        encoded = document_to_dict(document)
        shared = [_cell(encoded, path) for path in DOCUMENT_COLUMNS.values()]
        for line in encoded["lines"]:
            writer.writerow(shared + [_cell(line, (name,)) for name in LINE_COLUMNS.values()])
    return out.getvalue()
