"""Translated words the Finance page shows for kinds, statuses and QuickBooks states."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.sync.listing import QbState

_CONTEXT = "FinanceTexts"


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def state_label(state: QbState) -> str:
    labels = {
        QbState.NOT_SYNCED: _tr("not synced"),
        QbState.SYNCED: _tr("synced"),
        QbState.CHANGED: _tr("changed since sync"),
        QbState.FAILED: _tr("failed"),
        QbState.UNCERTAIN: _tr("uncertain"),
        QbState.SYNCING: _tr("syncing"),
    }
    return labels[state]


def status_label(status: DocumentStatus) -> str:
    labels = {
        DocumentStatus.DRAFT: _tr("draft"),
        DocumentStatus.APPROVED: _tr("approved"),
        DocumentStatus.CANCELLED: _tr("cancelled"),
    }
    return labels[status]


def kind_plural(kind: DocumentKind) -> str:
    return _tr("Invoices") if kind is DocumentKind.INVOICE else _tr("Quotes")


def kind_singular(kind: DocumentKind) -> str:
    return _tr("invoice") if kind is DocumentKind.INVOICE else _tr("quote")
