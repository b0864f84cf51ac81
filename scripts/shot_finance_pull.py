"""Screenshots of the Finance page after Refresh from QuickBooks, in English and French.

Pushes a few demo invoices to the demo's loopback sandbox, then pays, partly pays and edits
some of them there as a QuickBooks user would, and refreshes. Run under Xvfb
(`xvfb-run -a env QT_QPA_PLATFORM=xcb ...`); PNGs go to docs/screenshots/ (or the folder
given as the first argument): finance-pulled-LANG.png.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from shot_helpers import settle, wait_for

from qbconnector.app import build_window, create_application
from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.demo import DemoEnvironment, prepare_demo
from qbconnector.flowfit.store import DocumentFilter, DocumentStore
from qbconnector.storage.profile import Profile
from qbconnector.ui.finance.model import Column
from qbconnector.ui.finance.page import FinancePage

PUSHED = 9
HOME_CURRENCY = "CAD"  # the demo company's


def open_invoices(profile: Profile) -> list[str]:
    """Nine approved invoices in dollars, due in a month (unpaid ones are not yet overdue)."""
    due = dt.date.today() + dt.timedelta(days=30)
    wanted = DocumentFilter(DocumentKind.INVOICE, DocumentStatus.APPROVED)
    with DocumentStore.open(profile.store_file) as store:
        # In the company's home currency: the sandbox's payments are received in it.
        home = [doc for doc in store.documents(wanted) if doc.currency == HOME_CURRENCY]
        chosen = [dataclasses.replace(doc, due_date=due) for doc in home[:PUSHED]]
        store.upsert_many(chosen)
    return [doc.number for doc in chosen]


def loaded(page: FinancePage) -> bool:
    models = page.models.values()
    return all(m.loaded for m in models) and not page.is_loading() and not page.pull.running


def happen_in_quickbooks(demo: DemoEnvironment, page: FinancePage, numbers: list[str]) -> None:
    """Paid, partly paid twice, edited; the others stay unpaid."""
    model = page.models[DocumentKind.INVOICE]
    rows = {number: model.document(number) for number in numbers}
    ids = {number: str(row.qbo_id) for number, row in rows.items() if row is not None}
    # What QuickBooks holds (its own tax arithmetic), not FlowFit's total.
    totals = {number: row.qbo_total or row.total for number, row in rows.items() if row}
    part = Decimal("0.40")
    demo.server.record_payment(ids[numbers[0]], totals[numbers[0]], payment_ref_num="CHK-1041")
    demo.server.record_payment(ids[numbers[1]], (totals[numbers[1]] * part).quantize(part),
                               payment_ref_num="CHK-1042")  # fmt: skip
    demo.server.record_payment(ids[numbers[2]], (totals[numbers[2]] / 4).quantize(part),
                               payment_ref_num="EFT-77")  # fmt: skip
    demo.server.edit_in_quickbooks("Invoice", ids[numbers[3]], {"PrivateNote": "Client asked"})
    demo.server.record_payment(ids[numbers[4]], totals[numbers[4]], payment_ref_num="EFT-78")


def shoot(app: QApplication, demo: DemoEnvironment, language: str, folder: Path) -> Path:
    numbers = open_invoices(demo.profile)
    window = build_window(app, demo.profile, language=language, demo=True)
    window.resize(1440, 760)
    window.show()
    window.show_page("finance")
    page = window.finance
    wait_for(lambda: loaded(page))
    page.model().set_checked_numbers(numbers)
    page.toolbar.sync_button.click()
    wait_for(lambda: page.sync.is_busy())
    wait_for(lambda: not page.sync.is_busy() and loaded(page))
    happen_in_quickbooks(demo, page, numbers)
    page.toolbar.refresh_button.click()
    wait_for(lambda: page.pull.running)
    wait_for(lambda: loaded(page))
    page.model().set_all_checked(False)
    page.table.sortByColumn(Column.PULLED, Qt.SortOrder.AscendingOrder)
    settle(window, 300)
    saved = folder / f"finance-pulled-{language}.png"
    window.grab().save(str(saved))
    window.close()
    return saved


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    for language in ("en", "fr"):
        with tempfile.TemporaryDirectory(prefix="qbconnector-shots-") as root:
            demo = prepare_demo(Profile(Path(root), "--profile"))
            try:
                print(shoot(app, demo, language, folder))
            finally:
                demo.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
