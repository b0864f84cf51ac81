"""The Finance list without QuickBooks: model contract, selection, search, filters, sorting."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleData, QModelRoleDataSpan, QPoint, Qt
from PySide6.QtTest import QAbstractItemModelTester
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.flowfit.samples import generate_documents
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.sync.listing import ListedDocument, QbState
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.ui.finance.model import (
    PULLED_ROLE,
    STATE_ROLE,
    Column,
    FinanceTableModel,
    RowFilter,
)
from qbconnector.ui.finance.ordering import SORT_KEYS, SORT_RUN, sorted_indices
from qbconnector.ui.finance.proxy import FinanceProxy
from qbconnector.ui.main_window import MainWindow
from tests.gui.finance_support import store_documents, wait_loaded

WindowFactory = Callable[[], MainWindow]
DOCUMENTS = generate_documents(120, seed=9)
INVOICES = sorted(doc.number for doc in DOCUMENTS if doc.kind is DocumentKind.INVOICE)


@pytest.fixture
def finance(profile: Profile, window_factory: WindowFactory, qtbot: QtBot) -> MainWindow:
    store_documents(profile, DOCUMENTS)
    with Ledger.open(profile.ledger_file) as ledger:  # one invoice already synced, one failed
        ledger.mark_synced(DocumentKind.INVOICE, INVOICES[0], qbo_id="77", sync_token="0")
        ledger.mark_failed(DocumentKind.INVOICE, INVOICES[1], "Refused: line 1\nsecond line")
    window = window_factory()
    window.show_page("finance")
    wait_loaded(qtbot, window.finance)
    return window


def numbers_shown(window: MainWindow) -> list[str]:
    proxy = window.finance.proxy
    return [proxy.index(row, Column.NUMBER).data() for row in range(proxy.rowCount())]


def test_model_and_proxy_keep_the_item_model_contract(qtbot: QtBot) -> None:

    model = FinanceTableModel(DocumentKind.INVOICE)
    proxy = FinanceProxy()
    proxy.setSourceModel(model)
    mode = QAbstractItemModelTester.FailureReportingMode.Warning  # warnings fail the test
    testers = [QAbstractItemModelTester(model, mode), QAbstractItemModelTester(proxy, mode)]
    rows = [
        ListedDocument(doc.kind, doc.number, doc.date, doc.client.name, doc.project.number,
                       doc.tax_amount, doc.total, doc.currency, doc.status, doc.updated_at,
                       QbState.NOT_SYNCED, None, "", None, "")
        for doc in DOCUMENTS if doc.kind is DocumentKind.INVOICE
    ]  # fmt: skip
    model.set_documents(rows)
    proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    proxy.set_row_filter(RowFilter(text=rows[0].client.split()[0]))
    model.set_all_checked(True)
    model.mark_syncing([rows[0].number, rows[1].number])
    model.apply_results([DocumentResult(DocumentKind.INVOICE, rows[0].number, Outcome.CREATED,
                                        "5")])  # fmt: skip
    model.end_syncing()
    proxy.set_row_filter(RowFilter())
    model.set_documents(rows[:10])
    assert (proxy.rowCount(), model.checked_count(), len(testers)) == (10, 10, 2)
    synced = model.document(rows[0].number)
    assert synced is not None
    assert synced.qb_state is QbState.SYNCED


def test_rows_show_ledger_state_money_and_error_line(finance: MainWindow) -> None:
    page = finance.finance
    model = page.models[DocumentKind.INVOICE]
    assert model.total_count() == len(INVOICES)
    first = model.view_row_of(INVOICES[0])
    second = model.view_row_of(INVOICES[1])
    assert model.index(first, Column.QB_STATE).data() == "synced"
    assert model.index(first, Column.QB_NUMBER).data() == INVOICES[0]
    error = model.index(second, Column.ERROR)
    assert (error.data(), error.data(Qt.ItemDataRole.ToolTipRole)) == (
        "Refused: line 1",
        "Refused: line 1\nsecond line",
    )
    total = model.index(first, Column.TOTAL)
    listed = model.document(INVOICES[0])
    assert listed is not None
    assert Decimal(total.data().replace(",", "")) == listed.total
    assert total.data(Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight


def test_the_proxy_answers_all_roles_of_a_cell_as_its_model_does(finance: MainWindow) -> None:
    # multiData answers a delegate's roles in one call; it must say what data() says, role by
    # role, in the span form a delegate uses and the single form.
    page = finance.finance
    model = page.models[DocumentKind.INVOICE]
    roles = [*Qt.ItemDataRole, STATE_ROLE, PULLED_ROLE]
    answered = 0
    for row in (model.view_row_of(INVOICES[0]), model.view_row_of(INVOICES[1])):
        for column in Column:
            index = page.proxy.index(row, column)
            for role in roles:
                single = QModelRoleData(int(role))
                page.proxy.multiData(index, single)
                spanned = QModelRoleData(int(role))
                page.proxy.multiData(index, QModelRoleDataSpan(spanned))
                expected = model.index(row, column).data(int(role))
                assert single.data() == expected, (column, role)
                assert spanned.data() == expected, (column, role)
                answered += expected is not None
    assert answered > 4 * len(Column)  # texts, alignment, states and checks, not only Nones


def test_check_boxes_select_all_none_visible_and_the_count(
    finance: MainWindow, qtbot: QtBot
) -> None:
    page = finance.finance
    toolbar = page.toolbar
    proxy = page.proxy
    assert proxy.setData(proxy.index(0, Column.CHECK), Qt.CheckState.Checked.value,
                         Qt.ItemDataRole.CheckStateRole)  # fmt: skip
    assert toolbar.count_label.text().startswith("1 selected")
    assert page.model().checked_numbers() == [numbers_shown(finance)[0]]
    toolbar.select_all_button.click()
    assert page.model().checked_count() == len(INVOICES)
    toolbar.select_none_button.click()
    assert toolbar.count_label.text().startswith("0 selected")
    toolbar.search.setText(INVOICES[3])
    toolbar.apply_filter_now()
    toolbar.select_visible_button.click()
    assert page.model().checked_numbers() == [INVOICES[3]]
    toolbar.search.clear()
    toolbar.apply_filter_now()
    assert page.model().checked_numbers() == [INVOICES[3]]  # hidden rows keep their mark
    assert toolbar.count_label.text() == f"1 selected · {len(INVOICES)} of {len(INVOICES)} shown"


def test_synchronize_needs_a_selection_and_an_enabled_connector(finance: MainWindow) -> None:
    page, button = finance.finance, finance.finance.toolbar.sync_button
    assert not button.isEnabled()
    assert "disabled" in button.toolTip()
    page.apply_settings(page.settings.with_section("server", enabled=True))
    assert not button.isEnabled()
    assert "Check the documents" in button.toolTip()
    page.toolbar.select_all_button.click()
    assert button.isEnabled()


def test_search_status_and_state_filters(finance: MainWindow, qtbot: QtBot) -> None:
    page, toolbar = finance.finance, finance.finance.toolbar
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is toolbar.search
    client = next(doc.client for doc in DOCUMENTS if doc.number == INVOICES[5])
    toolbar.search.setText(client.name.split()[0].lower())  # filtered after a typing pause
    qtbot.waitUntil(lambda: page.proxy.rowCount() < len(INVOICES), timeout=2000)
    wanted = {d.number for d in DOCUMENTS if d.kind is DocumentKind.INVOICE
              and client.name.split()[0].lower() in d.client.name.lower()}  # fmt: skip
    assert set(numbers_shown(finance)) == wanted
    toolbar.search.clear()
    toolbar.status_filter.setCurrentIndex(toolbar.status_filter.findData(DocumentStatus.DRAFT))
    drafts = {d.number for d in DOCUMENTS
              if d.kind is DocumentKind.INVOICE and d.status is DocumentStatus.DRAFT}  # fmt: skip
    qtbot.waitUntil(lambda: set(numbers_shown(finance)) == drafts, timeout=2000)
    toolbar.status_filter.setCurrentIndex(0)
    toolbar.state_filter.setCurrentIndex(toolbar.state_filter.findData(QbState.FAILED))
    assert numbers_shown(finance) == [INVOICES[1]]


def test_sorting_by_total_and_by_state(finance: MainWindow, qtbot: QtBot) -> None:
    page = finance.finance
    header = page.table.horizontalHeader()
    middle = header.sectionViewportPosition(Column.TOTAL) + header.sectionSize(Column.TOTAL) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(middle, header.height() // 2))  # fmt: skip
    totals = [page.document_at(page.proxy.index(r, 0)).total for r in range(page.proxy.rowCount())]
    assert totals in (sorted(totals), sorted(totals, reverse=True))
    assert totals[0] != totals[-1]
    page.proxy.sort(Column.TOTAL, Qt.SortOrder.DescendingOrder)
    totals = [page.document_at(page.proxy.index(r, 0)).total for r in range(page.proxy.rowCount())]
    assert totals == sorted(totals, reverse=True)
    page.proxy.sort(Column.QB_STATE, Qt.SortOrder.AscendingOrder)
    assert numbers_shown(finance)[0] == INVOICES[1]
    assert page.model().document_at(0).qb_state is QbState.FAILED
    assert page.model().document_at(page.proxy.rowCount() - 1).qb_state is QbState.SYNCED


def test_quotes_switch_and_breadcrumb(finance: MainWindow) -> None:
    page = finance.finance
    assert finance.breadcrumb.text() == "Finance > Invoices"
    page.toolbar.quotes_button.click()
    quotes = sorted(doc.number for doc in DOCUMENTS if doc.kind is DocumentKind.QUOTE)
    assert sorted(numbers_shown(finance)) == quotes
    assert finance.breadcrumb.text() == "Finance > Quotes"
    menu = page.context_menu(page.proxy.index(0, Column.NUMBER))
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["Show details…"]
    menu.deleteLater()
    assert page.context_menu(QModelIndex()) is None


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize("column", [Column.CLIENT, Column.TOTAL, Column.DATE])
def test_sorting_in_runs_gives_the_order_of_one_stable_sort(
    column: Column, order: Qt.SortOrder
) -> None:
    # More rows than one run, many ties (few clients): the merge must keep ties in list order.
    documents = generate_documents(9000, seed=2)
    rows = [ListedDocument(doc.kind, doc.number, doc.date, doc.client.name, doc.project.number,
                           doc.tax_amount, doc.total, doc.currency, doc.status, doc.updated_at,
                           QbState.NOT_SYNCED, None, "", None, "")
            for doc in documents]  # fmt: skip
    assert len(rows) > SORT_RUN
    key = SORT_KEYS[column]
    descending = order is Qt.SortOrder.DescendingOrder
    expected = sorted(range(len(rows)), key=lambda i: key(rows[i]), reverse=descending)
    assert sorted_indices(rows, (column, order)) == expected
