"""Benchmark of the Finance list with 100,000 documents: load, sort, filter, select all.

Prints the time of each step and how late a 5 ms event-loop heartbeat ran meanwhile (p99,
max). Loading runs on a worker thread, as in the window; the rest runs on the GUI thread.
Run: QT_QPA_PLATFORM=offscreen python bench/bench_finance.py [--documents N]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from bench_gui import Heartbeat, settle, wait
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTableView

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.core.settings import Settings
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore
from qbconnector.storage.profile import Profile
from qbconnector.sync.listing import ListedDocument, list_documents
from qbconnector.ui.finance.delegate import StateBadgeDelegate
from qbconnector.ui.finance.model import Column, FinanceTableModel, RowFilter
from qbconnector.ui.finance.proxy import FinanceProxy
from qbconnector.ui.workers import TaskRunner


def step(beat: Heartbeat, label: str, action: Callable[[], object]) -> None:
    """Time ``action`` on the GUI thread with the heartbeat running around it."""
    beat.start()
    settle(0.05)  # the heartbeat's steady state
    start = time.perf_counter()
    action()
    took = time.perf_counter() - start
    settle(0.05)  # let the view repaint
    longest, p99, _ticks = beat.stop()
    print(f"{label:<34} {took * 1000:8.0f} ms   heartbeat late p99 {p99:4.0f} ms  "
          f"max {longest:4.0f} ms")  # fmt: skip


def build_store(profile: Profile, count: int) -> None:
    if profile.store_file.exists():
        return
    start = time.perf_counter()
    documents = [doc for doc in generate_documents(count * 2, seed=1)
                 if doc.kind is DocumentKind.INVOICE][:count]  # fmt: skip
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(documents)
    print(f"(store of {count:,} invoices built in {time.perf_counter() - start:.1f} s)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--profile", type=Path, help="reuse this folder's store between runs")
    args = parser.parse_args()
    folder = args.profile or Path(tempfile.mkdtemp(prefix="bench-finance-"))
    profile = Profile(folder, "--profile").ensure()
    build_store(profile, args.documents)
    _app = QApplication([])  # kept alive for the whole run
    model = FinanceTableModel(DocumentKind.INVOICE)
    proxy = FinanceProxy()
    proxy.setSourceModel(model)
    view = QTableView()
    view.setModel(proxy)
    view.setItemDelegateForColumn(Column.QB_STATE, StateBadgeDelegate(view))
    view.resize(1200, 800)
    view.show()
    runner, beat = TaskRunner(), Heartbeat()
    loaded: list[list[ListedDocument]] = []
    beat.start()
    start = time.perf_counter()
    runner.submit(lambda: list_documents(profile, Settings(), DocumentKind.INVOICE), loaded.append)
    wait(lambda: bool(loaded))
    longest, p99, _ticks = beat.stop()
    print(f"{'list documents (worker thread)':<34} {(time.perf_counter() - start) * 1000:8.0f} ms"
          f"   heartbeat late p99 {p99:4.0f} ms  max {longest:4.0f} ms")  # fmt: skip
    rows = loaded[0]
    print(f"{len(rows):,} rows")
    step(beat, "show them (model reset)", lambda: model.set_documents(rows))
    step(beat, "sort by client", lambda: proxy.sort(Column.CLIENT))
    step(beat, "sort by total, descending",
         lambda: proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder))  # fmt: skip
    step(beat, "search 'acme'", lambda: proxy.set_row_filter(RowFilter("acme")))
    step(beat, "status approved + search 'acme'",
         lambda: proxy.set_row_filter(RowFilter("acme", DocumentStatus.APPROVED)))  # fmt: skip
    step(beat, "select all visible", model.check_visible)
    step(beat, "clear the filter", lambda: proxy.set_row_filter(RowFilter()))
    step(beat, "select all", lambda: model.set_all_checked(True))
    step(beat, "checked numbers (start of a run)", model.checked_numbers)
    numbers = [row.number for row in rows[:3000]]
    step(beat, "mark 3,000 rows syncing", lambda: model.mark_syncing(numbers))
    step(beat, "scroll to the bottom", view.scrollToBottom)
    runner.shutdown()


if __name__ == "__main__":
    main()
