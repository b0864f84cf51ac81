"""Translated words the Finance page shows for kinds, statuses and QuickBooks states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qbconnector.core.documents import DocumentKind, DocumentStatus
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
