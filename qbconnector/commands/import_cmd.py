"""`qbconnector import FILE...`: import FlowFit exports (JSON or CSV) into the local store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from qbconnector.core.errors import ExitCode
from qbconnector.flowfit.importer import FileReport, import_files
from qbconnector.flowfit.store import DocumentStore, UpsertCounts
from qbconnector.storage.profile import Profile

HELP = "import FlowFit invoices and quotes from JSON or CSV files into the local store"


def register(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Import FlowFit exports. Each file is imported whole or not at all; a document already"
        " in the store (same kind and number) is updated. See docs/import-format.md."
    )
    parser.add_argument("files", nargs="+", metavar="FILE", type=Path, help=".json or .csv file")


def describe(counts: UpsertCounts) -> str:
    """'12 imported (3 new, 9 updated)', with the unchanged ones when there are any."""
    text = f"{counts.total} imported ({counts.new} new, {counts.updated} updated"
    return text + (f", {counts.unchanged} unchanged)" if counts.unchanged else ")")


def _print(report: FileReport) -> None:
    if report.counts is not None:
        print(f"{report.path}: {describe(report.counts)}")
    else:
        print(report.error, file=sys.stderr)  # it starts with the file name


def run(args: argparse.Namespace, profile: Profile) -> int:
    profile.ensure()
    with DocumentStore.open(profile.store_file) as store:
        reports = import_files(store, args.files)
    for report in reports:
        _print(report)
    rejected = sum(not report.ok for report in reports)
    if rejected:
        files = "file was" if rejected == 1 else "files were"
        print(f"{rejected} {files} rejected: nothing was imported from them.", file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    return int(ExitCode.OK)
