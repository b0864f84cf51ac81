"""`qbconnector documents`: list the documents of the local store, as a table or as JSON."""

from __future__ import annotations

import argparse
import sys

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.flowfit.importer import documents_to_json
from qbconnector.flowfit.store import DocumentFilter, DocumentStore, DocumentSummary
from qbconnector.storage.profile import Profile

HELP = "list the FlowFit documents in the local store"

_COLUMNS = ("Kind", "Number", "Status", "Date", "Client", "Project", "Subtotal", "Cur.")
_WIDEST_CLIENT = 32


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kind", choices=[kind.value for kind in DocumentKind])
    parser.add_argument("--status", choices=[status.value for status in DocumentStatus])
    parser.add_argument("--search", metavar="TEXT", help="words found in number, client, project")
    parser.add_argument(
        "--json", action="store_true", help="print a JSON array in the import format"
    )


def _filter(args: argparse.Namespace) -> DocumentFilter:
    return DocumentFilter(
        kind=DocumentKind(args.kind) if args.kind else None,
        status=DocumentStatus(args.status) if args.status else None,
        text=args.search,
    )


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _cells(summary: DocumentSummary) -> tuple[str, ...]:
    return (
        summary.kind.value,
        summary.number,
        summary.status.value,
        summary.date.isoformat(),
        _cut(summary.client_name, _WIDEST_CLIENT),
        summary.project_number,
        f"{summary.subtotal:,.2f}",
        summary.currency,
    )


def format_table(summaries: list[DocumentSummary]) -> str:
    """A plain-text table, one document a row, amounts right-aligned."""
    rows = [_COLUMNS, *(_cells(summary) for summary in summaries)]
    widths = [max(len(row[index]) for row in rows) for index in range(len(_COLUMNS))]
    right_aligned = _COLUMNS.index("Subtotal")
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if index == right_aligned else cell.ljust(width)
            for index, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def run(args: argparse.Namespace, profile: Profile) -> int:
    profile.ensure()
    with DocumentStore.open(profile.store_file) as store:
        if args.json:
            sys.stdout.write(documents_to_json(store.iter_documents(_filter(args))))
            return 0
        summaries = store.summaries(_filter(args))
    if not summaries:
        print("No documents. Import FlowFit exports with: qbconnector import FILE...")
        return 0
    print(format_table(summaries))
    print(f"{len(summaries)} document{'s' if len(summaries) != 1 else ''}")
    return 0
