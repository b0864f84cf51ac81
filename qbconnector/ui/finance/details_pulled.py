"""The details dialog's QuickBooks side: state and balance pulled, payments, fields edited there."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from qbconnector.storage.ledger import AppliedPayment, FieldDifference, LedgerRow, PulledState
from qbconnector.sync.differences import field_label
from qbconnector.ui.finance.model import display_locale, money_text
from qbconnector.ui.messages import translate_text

__all__ = ["balance_text", "edits_table", "payments_table", "pulled_label"]


def pulled_label(state: str | None) -> str:
    """A pulled QuickBooks state in the window's language; a dash before the first pull."""
    labels = {
        PulledState.PAID: QCoreApplication.translate("DetailsPulled", "paid"),
        PulledState.PARTIALLY_PAID: QCoreApplication.translate("DetailsPulled", "partially paid"),
        PulledState.OVERDUE: QCoreApplication.translate("DetailsPulled", "overdue"),
        PulledState.UNPAID: QCoreApplication.translate("DetailsPulled", "unpaid"),
        PulledState.ACCEPTED: QCoreApplication.translate("DetailsPulled", "accepted"),
        PulledState.CLOSED: QCoreApplication.translate("DetailsPulled", "closed"),
        PulledState.REJECTED: QCoreApplication.translate("DetailsPulled", "rejected"),
        PulledState.CONVERTED: QCoreApplication.translate("DetailsPulled", "converted to invoice"),
        PulledState.PENDING: QCoreApplication.translate("DetailsPulled", "pending"),
        PulledState.EDITED: QCoreApplication.translate("DetailsPulled", "edited in QuickBooks"),
        PulledState.DELETED: QCoreApplication.translate(
            "DetailsPulled", "deleted or voided in QuickBooks"
        ),
    }
    try:
        return labels[PulledState(state)] if state else "—"
    except ValueError:
        return state or "—"  # written by a newer version: its own word


def balance_text(row: LedgerRow | None) -> str:
    if row is None or row.qbo_balance is None:
        return "—"
    return money_text(Decimal(row.qbo_balance), display_locale())


def payments_table(payments: tuple[AppliedPayment, ...]) -> QTableWidget:
    locale = display_locale()
    rows = [(p.date or "", money_text(p.amount, locale), p.reference or "") for p in payments]
    table = _table(
        "detailsPayments",
        [
            QCoreApplication.translate("DetailsPulled", "Date"),
            QCoreApplication.translate("DetailsPulled", "Amount"),
            QCoreApplication.translate("DetailsPulled", "Reference"),
        ],
        rows,
    )
    return table


def edits_table(edits: list[FieldDifference]) -> QTableWidget:
    rows = [(translate_text(field_label(e.field)), e.sent or "—", e.now or "—") for e in edits]
    headers = [
        QCoreApplication.translate("DetailsPulled", "Field"),
        QCoreApplication.translate("DetailsPulled", "What we sent"),
        QCoreApplication.translate("DetailsPulled", "What QuickBooks has"),
    ]
    return _table("detailsEdits", headers, rows)


def _table(name: str, headers: list[str], rows: list[tuple[str, str, str]]) -> QTableWidget:
    table = QTableWidget(len(rows), len(headers))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(headers)
    for row, values in enumerate(rows):
        for column, value in enumerate(values):
            table.setItem(row, column, QTableWidgetItem(value))
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().hide()
    table.resizeColumnsToContents()
    return table
