"""The CSV form of the import format: one row per line, document fields repeated on each row."""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path as FilePath
from typing import Any

from qbconnector.core.documents import Document, document_to_dict
from qbconnector.flowfit.parse import (
    CLIENT_REQUIRED,
    DOCUMENT_REQUIRED,
    LINE_FIELDS,
    LINE_REQUIRED,
    MAX_TAX_COMPONENTS,
    PROJECT_REQUIRED,
    TAX_COMPONENT_FIELDS,
    FieldError,
    ImportFileError,
    Path,
    parse_record,
)

# column -> where its value goes in the JSON form of the document
DOCUMENT_COLUMNS: dict[str, Path] = {
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
    "tax_code": ("tax", "code"),
    "tax_name": ("tax", "name"),
    **{
        f"tax{index + 1}_{name}": ("tax", "components", index, name)
        for index in range(MAX_TAX_COMPONENTS)
        for name in TAX_COMPONENT_FIELDS
    },
    "total": ("total",),
    "pdf": ("pdf",),
}
LINE_COLUMNS: dict[str, str] = {f"line_{name}": name for name in LINE_FIELDS}
CSV_COLUMNS = (*DOCUMENT_COLUMNS, *LINE_COLUMNS)
# line_taxable: what a spreadsheet may hold (any case); an empty cell means taxable
BOOLEAN_CELLS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}
REQUIRED_COLUMNS = tuple(
    [column for column in DOCUMENT_COLUMNS if column in DOCUMENT_REQUIRED]
    + [f"client_{name}" for name in CLIENT_REQUIRED]
    + [f"project_{name}" for name in PROJECT_REQUIRED]
    + [f"line_{name}" for name in LINE_REQUIRED]
)
LANGUAGE_SEPARATOR = "|"  # not ";", the cell separator of CSV files saved by a French Excel
_COLUMN_BY_PATH: dict[Path, str] = {path: column for column, path in DOCUMENT_COLUMNS.items()}
# faults of a whole object or list: the column to point at
_COLUMN_BY_PATH.update({("tax",): "tax_code", ("tax", "components"): "tax1_name"})


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


def _put(record: dict[str, Any], path: Path, value: Any) -> None:
    """Set ``value`` at ``path`` in ``record``, creating the objects and lists on the way."""
    target: Any = record
    for part, after in itertools.pairwise(path):
        empty: Any = [] if isinstance(after, int) else {}
        if isinstance(part, int):
            while len(target) <= part:
                target.append({})
            target = target[part]
        else:
            target = target.setdefault(part, empty)
    target[path[-1]] = value


def _taxable(value: str, path: Path) -> bool:
    taxable = BOOLEAN_CELLS.get(value.casefold())
    if taxable is None:
        reason = (
            f'"{value}" is not true or false (write true, false, yes, no, 1 or 0; empty is true)'
        )
        raise FieldError(path, reason)
    return taxable


def _record(group: _Group) -> dict[str, Any]:
    record: dict[str, Any] = {"client": {}, "project": {}}
    for column, value in group.cells.items():
        if not value:
            continue
        cell: Any = value
        if column == "target_languages":
            cell = [part.strip() for part in value.split(LANGUAGE_SEPARATOR)]
        _put(record, DOCUMENT_COLUMNS[column], cell)
    record["lines"] = []
    for index, (_, cells) in enumerate(group.lines):
        line: dict[str, Any] = {}
        for column, value in cells.items():
            name = LINE_COLUMNS[column]
            if value:
                line[name] = _taxable(value, ("lines", index, name)) if name == "taxable" else value
        record["lines"].append(line)
    return record


def _rejection(error: FieldError, group: _Group, source: str) -> ImportFileError:
    path, line = error.path, group.first_line
    if path[0] == "lines" and len(path) > 2:
        line = group.lines[int(path[1])][0]
        column = f"line_{path[2]}"
    else:
        prefixes = (path[:length] for length in range(len(path), 0, -1))
        column = next((_COLUMN_BY_PATH[p] for p in prefixes if p in _COLUMN_BY_PATH), "lines")
    number = group.cells["number"] or None
    return ImportFileError(
        source, error.reason, record=group.record, number=number, line=line, field=column
    )


def parse_csv(text: str, source: str, pdf_base: FilePath | None = None) -> list[Document]:
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
            documents.append(parse_record(_record(group), pdf_base=pdf_base))
        except FieldError as error:
            raise _rejection(error, group, source) from None
    return documents


def _cell(mapping: dict[str, Any], path: Path) -> str:
    value: Any = mapping
    for part in path:
        if isinstance(part, int):
            value = value[part] if isinstance(value, list) and part < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        return LANGUAGE_SEPARATOR.join(value)
    if isinstance(value, bool):
        return "true" if value else "false"
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
