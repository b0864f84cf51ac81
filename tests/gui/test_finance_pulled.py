"""The Finance list's pulled columns and filter: balance, "In QuickBooks" state, its filter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.storage.ledger import Ledger, Pulled, PulledState
from qbconnector.storage.profile import Profile
from qbconnector.sync.listing import ListedDocument, QbState, ledger_views
from qbconnector.ui.finance.delegate import BADGE_COLOURS, PULLED_COLOURS
from qbconnector.ui.finance.model import PULLED_ROLE, Column, FinanceTableModel, RowFilter
from qbconnector.ui.finance.texts import pulled_label
from qbconnector.ui.finance.toolbar import FinanceToolbar

STATES = {
    "INV-1": (PulledState.PAID, Decimal("0"), False),
    "INV-2": (PulledState.PARTIALLY_PAID, Decimal("40.50"), False),
    "INV-3": (PulledState.OVERDUE, Decimal("100.00"), False),
    "INV-4": (PulledState.UNPAID, Decimal("100.00"), False),
    "INV-5": (PulledState.EDITED, Decimal("100.00"), True),
    "INV-6": (PulledState.DELETED, None, True),  # deleted after an edit: still "edited"
    "INV-7": (None, None, False),  # pushed before the first pull
}


def _row(number: str) -> ListedDocument:
    state, balance, edited = STATES[number]
    return ListedDocument(DocumentKind.INVOICE, number, dt.date(2026, 5, 1), "Client", "P-1",
                          Decimal("13"), Decimal("113.00"), "CAD", DocumentStatus.APPROVED,
                          None, QbState.SYNCED, "9", number, None, "", Decimal("113.00"),
                          state, balance, edited)  # fmt: skip


def _model() -> FinanceTableModel:
    model = FinanceTableModel(DocumentKind.INVOICE)
    model.set_documents([_row(number) for number in STATES])
    return model


def _shown(model: FinanceTableModel) -> list[str]:
    return [model.index(row, Column.NUMBER).data() for row in range(model.rowCount())]


def test_balance_and_pulled_state_are_shown_apart_from_the_sync_state(qtbot: QtBot) -> None:
    model = _model()
    cell = {number: row for row, number in enumerate(_shown(model))}
    partly = cell["INV-2"]
    assert model.index(partly, Column.PULLED).data() == "partially paid"
    assert model.index(partly, Column.PULLED).data(PULLED_ROLE) == PulledState.PARTIALLY_PAID
    assert model.index(partly, Column.BALANCE).data() in ("40.50", "40,50")
    assert model.index(partly, Column.QB_STATE).data() == "synced"
    assert model.index(cell["INV-5"], Column.PULLED).data() == "edited in QuickBooks"
    assert model.index(cell["INV-7"], Column.PULLED).data() == ""
    assert model.index(cell["INV-7"], Column.BALANCE).data() == ""
    titles = {model.headerData(column, Qt.Orientation.Horizontal) for column in Column}
    assert {"Sync", "In QuickBooks", "Balance"} <= titles


def test_sorting_by_the_pulled_state_puts_trouble_first_and_unpulled_last(qtbot: QtBot) -> None:
    model = _model()
    model.sort_rows(Column.PULLED, Qt.SortOrder.AscendingOrder)
    assert _shown(model) == ["INV-6", "INV-5", "INV-3", "INV-2", "INV-4", "INV-1", "INV-7"]
    model.sort_rows(Column.BALANCE, Qt.SortOrder.DescendingOrder)
    shown = _shown(model)  # owed first; no balance (deleted, never pulled) last
    assert sorted(shown[:3]) == ["INV-3", "INV-4", "INV-5"]
    assert shown[3:5] == ["INV-2", "INV-1"]
    assert sorted(shown[5:]) == ["INV-6", "INV-7"]


def test_unpaid_takes_partly_paid_and_overdue_and_edited_takes_every_edit(qtbot: QtBot) -> None:
    model = _model()
    wanted = {
        PulledState.UNPAID: ["INV-2", "INV-3", "INV-4"],
        PulledState.PAID: ["INV-1"],
        PulledState.PARTIALLY_PAID: ["INV-2"],
        PulledState.OVERDUE: ["INV-3"],
        PulledState.EDITED: ["INV-5", "INV-6"],
        PulledState.DELETED: ["INV-6"],
        PulledState.ACCEPTED: [],
    }
    for state, numbers in wanted.items():
        model.apply_filter(RowFilter(pulled=state))
        assert sorted(_shown(model)) == numbers, state
    model.apply_filter(RowFilter(text="INV-3", pulled=PulledState.UNPAID))
    assert _shown(model) == ["INV-3"]
    model.apply_filter(RowFilter())
    assert len(_shown(model)) == len(STATES)


def test_the_toolbar_filter_hands_the_pulled_state_on(qtbot: QtBot) -> None:
    toolbar = FinanceToolbar()
    qtbot.addWidget(toolbar)
    with qtbot.waitSignal(toolbar.filterChanged) as emitted:
        toolbar.pulled_filter.setCurrentIndex(toolbar.pulled_filter.findData(PulledState.UNPAID))
    assert emitted.args[0].pulled is PulledState.UNPAID
    assert "partially paid" in toolbar.pulled_filter.toolTip()
    toolbar.pulled_filter.setCurrentIndex(0)
    assert toolbar.row_filter().pulled is None


def test_the_listing_reads_what_the_pull_stored(profile: Profile) -> None:
    with Ledger.open(profile.ledger_file) as ledger:
        ledger.mark_synced(DocumentKind.INVOICE, "INV-9", qbo_id="31", sync_token="0")
        ledger.store_pulled([Pulled(DocumentKind.INVOICE, "INV-9", PulledState.PARTIALLY_PAID,
                                    Decimal("12.34"), "2026-05-02T10:00:00Z", False, None,
                                    None, None)])  # fmt: skip
        view = ledger_views(ledger, DocumentKind.INVOICE)["INV-9"]
    assert (view.qbo_state, view.qbo_balance, view.qbo_edited) == (
        PulledState.PARTIALLY_PAID, Decimal("12.34"), False)  # fmt: skip
    listed = _row("INV-7").with_ledger(view)
    assert (listed.qbo_state, listed.qbo_balance) == (PulledState.PARTIALLY_PAID, Decimal("12.34"))
    assert listed.with_ledger(None).qbo_state is None


def test_every_pulled_state_has_a_label_and_a_badge_colour_of_its_meaning() -> None:
    assert set(PULLED_COLOURS) == set(PulledState)
    assert len({pulled_label(state) for state in PulledState}) == len(PulledState)
    assert PULLED_COLOURS[PulledState.PAID] == BADGE_COLOURS[QbState.SYNCED]  # green
    assert PULLED_COLOURS[PulledState.OVERDUE] == BADGE_COLOURS[QbState.FAILED]  # red
    warning = PULLED_COLOURS[PulledState.EDITED]
    assert warning == PULLED_COLOURS[PulledState.DELETED]
    assert warning not in (PULLED_COLOURS[PulledState.PAID], PULLED_COLOURS[PulledState.UNPAID])
