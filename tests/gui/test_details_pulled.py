"""The details dialog's QuickBooks side: state, balance, payments and fields edited there."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from qbconnector.app import create_application
from qbconnector.core.documents import DocumentKind
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import (
    AppliedPayment,
    Attempt,
    FieldDifference,
    Ledger,
    Operation,
    Pulled,
    PulledState,
)
from qbconnector.sync.connection import open_client
from qbconnector.sync.details import DocumentDetails
from qbconnector.sync.pull import pull
from qbconnector.ui.finance.details import DetailsDialog
from qbconnector.ui.finance.model import display_locale, money_text
from qbconnector.ui.finance.page import FinancePage
from qbconnector.ui.i18n import install_translator
from tests.gui.finance_support import approved_invoices
from tests.gui.test_finance_sync import open_finance, server, synchronize, vault_kind

INVOICE = DocumentKind.INVOICE
__all__ = [
    "open_finance",
    "server",
    "vault_kind",
]  # fixtures shared with the Finance page's sync tests


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(tmp_path / "ledger.sqlite3", who="alice") as opened:
        opened.begin_attempts([Attempt(INVOICE, "F1", Operation.CREATE, "{}", "h", "r1", "b1")])
        opened.mark_synced(INVOICE, "F1", qbo_id="55", sync_token="0")
        yield opened


def _details(ledger: Ledger, state: PulledState, edits: tuple[FieldDifference, ...] = ()) -> (
        DocumentDetails):  # fmt: skip
    ledger.store_pulled([Pulled(INVOICE, "F1", state, Decimal("1234.50"), "t", bool(edits),
                                None, "f", "1", edits)])  # fmt: skip
    ledger.replace_payment("90", [AppliedPayment("90", INVOICE, "F1", "2026-03-04",
                                                 Decimal("100.00"), "CHQ 12")])  # fmt: skip
    return DocumentDetails(INVOICE, "F1", None, ledger.get(INVOICE, "F1"), (), None, False,
                           None, tuple(ledger.payments(INVOICE, "F1")))  # fmt: skip


def _cells(table: QTableWidget) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]  # fmt: skip


def _label(dialog: DetailsDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None, name
    return label.text()


def test_partially_paid_invoice_shows_state_balance_and_payments(
    qtbot: QtBot, ledger: Ledger
) -> None:
    dialog = DetailsDialog(_details(ledger, PulledState.PARTIALLY_PAID), None, "")
    qtbot.addWidget(dialog)
    locale = display_locale()
    assert _label(dialog, "detailsPulledState") == "partially paid"
    assert _label(dialog, "detailsBalance") == money_text(Decimal("1234.50"), locale)
    assert _cells(dialog.payments_table) == [
        ["2026-03-04", money_text(Decimal(100), locale), "CHQ 12"]]  # fmt: skip
    assert dialog.edits_table.rowCount() == 0


def test_fields_edited_in_quickbooks_are_listed_with_what_we_sent(
    qtbot: QtBot, ledger: Ledger
) -> None:
    edits = (FieldDifference("DueDate", "2026-12-31", "2027-01-15"),
             FieldDifference("Line[1].Amount", "100.00", "90.00"))  # fmt: skip
    dialog = DetailsDialog(_details(ledger, PulledState.EDITED, edits), None, "")
    qtbot.addWidget(dialog)
    assert _label(dialog, "detailsPulledState") == "edited in QuickBooks"
    assert _cells(dialog.edits_table) == [["due date", "2026-12-31", "2027-01-15"],
                                          ["line 1 amount", "100.00", "90.00"]]  # fmt: skip


def test_in_french_states_and_field_names_are_translated(qtbot: QtBot, ledger: Ledger) -> None:
    edits = (FieldDifference("Line[2].Qty", "2", "3"),)
    install_translator(create_application(), "fr")
    try:
        dialog = DetailsDialog(_details(ledger, PulledState.EDITED, edits), None, "")
        qtbot.addWidget(dialog)
        assert _label(dialog, "detailsPulledState") == "modifié dans QuickBooks"
        assert _cells(dialog.edits_table) == [["quantité de la ligne 2", "2", "3"]]
        assert dialog.edits_table.horizontalHeaderItem(1).text() == "Ce que nous avons envoyé"
    finally:
        install_translator(create_application(), "en")


def test_after_a_pull_the_page_opens_details_with_the_payment_received(
    open_finance: Callable[..., FinancePage], qtbot: QtBot, server: SandboxServer
) -> None:
    docs = approved_invoices(2)
    page = open_finance(docs)
    synchronize(qtbot, page, [docs[0].number])
    qbo_id = str(server.entities("Invoice")[0]["Id"])
    server.record_payment(qbo_id, Decimal("10.00"), payment_ref_num="WIRE 5")
    services = page.services  # the pull runs here, as the Refresh button's worker would
    client = open_client(services.profile, page.settings, services.vault.store)
    try:
        with Ledger.open(services.profile.ledger_file) as ledger:
            pull(client, ledger)
    finally:
        client.close()
    page.show_details(docs[0].number)
    qtbot.waitUntil(lambda: page.details_dialog is not None, timeout=5000)
    dialog = page.details_dialog
    assert dialog is not None
    locale = display_locale()
    assert _cells(dialog.payments_table)[0][1:] == [money_text(Decimal(10), locale), "WIRE 5"]
    late = docs[0].due_date is not None and docs[0].due_date < dt.date.today()
    assert _label(dialog, "detailsPulledState") == ("overdue" if late else "partially paid")
    assert _label(dialog, "detailsBalance") == money_text(docs[0].total - 10, locale)
