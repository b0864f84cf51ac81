"""Translated words the Finance page shows for kinds, statuses and QuickBooks states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.storage.ledger_schema import PulledState
from qbconnector.sync.listing import QbState


def state_label(state: QbState) -> str:
    labels = {
        QbState.NOT_SYNCED: QCoreApplication.translate("FinanceTexts", "not synced"),
        QbState.SYNCED: QCoreApplication.translate("FinanceTexts", "synced"),
        QbState.CHANGED: QCoreApplication.translate("FinanceTexts", "changed since sync"),
        QbState.FAILED: QCoreApplication.translate("FinanceTexts", "failed"),
        QbState.UNCERTAIN: QCoreApplication.translate("FinanceTexts", "uncertain"),
        QbState.SYNCING: QCoreApplication.translate("FinanceTexts", "syncing"),
        QbState.TOTALS_DIFFER: QCoreApplication.translate("FinanceTexts", "totals differ"),
    }
    return labels[state]


def pulled_label(state: PulledState) -> str:
    """What became of a pushed document in QuickBooks, as the last pull read it."""
    labels = {
        PulledState.PAID: QCoreApplication.translate("FinanceTexts", "paid"),
        PulledState.PARTIALLY_PAID: QCoreApplication.translate("FinanceTexts", "partially paid"),
        PulledState.OVERDUE: QCoreApplication.translate("FinanceTexts", "overdue"),
        PulledState.UNPAID: QCoreApplication.translate("FinanceTexts", "unpaid"),
        PulledState.ACCEPTED: QCoreApplication.translate("FinanceTexts", "accepted"),
        PulledState.CLOSED: QCoreApplication.translate("FinanceTexts", "closed"),
        PulledState.REJECTED: QCoreApplication.translate("FinanceTexts", "rejected"),
        PulledState.CONVERTED: QCoreApplication.translate("FinanceTexts", "converted to invoice"),
        PulledState.PENDING: QCoreApplication.translate("FinanceTexts", "pending"),
        PulledState.EDITED: QCoreApplication.translate("FinanceTexts", "edited in QuickBooks"),
        PulledState.DELETED: QCoreApplication.translate("FinanceTexts", "deleted in QuickBooks"),
    }
    return labels[state]


def status_label(status: DocumentStatus) -> str:
    labels = {
        DocumentStatus.DRAFT: QCoreApplication.translate("FinanceTexts", "draft"),
        DocumentStatus.APPROVED: QCoreApplication.translate("FinanceTexts", "approved"),
        DocumentStatus.CANCELLED: QCoreApplication.translate("FinanceTexts", "cancelled"),
    }
    return labels[status]


def kind_plural(kind: DocumentKind) -> str:
    if kind is DocumentKind.INVOICE:
        return QCoreApplication.translate("FinanceTexts", "Invoices")
    return QCoreApplication.translate("FinanceTexts", "Quotes")


def kind_singular(kind: DocumentKind) -> str:
    if kind is DocumentKind.INVOICE:
        return QCoreApplication.translate("FinanceTexts", "invoice")
    return QCoreApplication.translate("FinanceTexts", "quote")
