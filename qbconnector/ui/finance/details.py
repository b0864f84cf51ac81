"""A document's details: what was sent, what QuickBooks has now, history, Open in QuickBooks."""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.documents import DocumentKind
from qbconnector.sync.details import DocumentDetails
from qbconnector.sync.listing import ListedDocument
from qbconnector.ui.finance.details_pulled import (
    balance_text,
    edits_table,
    payments_table,
    pulled_label,
)
from qbconnector.ui.finance.texts import kind_singular, state_label

UrlOpener = Callable[[QUrl], bool]
HISTORY_COLUMNS = 6


class DetailsDialog(QDialog):
    """Non-modal, so the list stays usable. ``open_url`` is replaceable (tests record the
    address instead of starting a browser). No signals."""

    def __init__(
        self,
        details: DocumentDetails,
        listed: ListedDocument | None,
        error: str,
        parent: QWidget | None = None,
        open_url: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentDetails")
        self.details = details
        self.open_url = open_url
        noun = kind_singular(details.kind)
        self.setWindowTitle(self.tr("%1 %2").replace("%1", noun.capitalize())
                            .replace("%2", details.number))  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addLayout(self._facts(listed, error))
        self.sent_title = QLabel(self._payload_title())
        layout.addWidget(self.sent_title)
        self.payload = QPlainTextEdit()
        self.payload.setObjectName("sentPayload")
        self.payload.setReadOnly(True)
        self.payload.setPlainText(
            json.dumps(details.payload, indent=2, ensure_ascii=False) if details.payload else ""
        )
        layout.addWidget(self.payload, 1)
        self._pulled_sections(layout)
        layout.addWidget(QLabel(self.tr("History")))
        self.history = self._history_table()
        layout.addWidget(self.history, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = QPushButton(self.tr("Open in QuickBooks"))
        self.open_button.setObjectName("openInQuickBooks")
        self.open_button.setEnabled(details.web_address is not None)
        if details.web_address is None:
            self.open_button.setToolTip(self.tr(
                "Available once the document is in QuickBooks, for the sandbox and production "
                "companies."
            ))  # fmt: skip
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.clicked.connect(self.open_in_quickbooks)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 620)

    def _facts(self, listed: ListedDocument | None, error: str) -> QFormLayout:
        form = QFormLayout()
        row = self.details.row
        state = state_label(listed.qb_state) if listed is not None else ""
        form.addRow(self.tr("QuickBooks state:"), self._value("detailsState", state))
        pulled = pulled_label(row.qbo_state if row else None)
        form.addRow(self.tr("In QuickBooks now:"), self._value("detailsPulledState", pulled))
        if self.details.kind is DocumentKind.INVOICE:
            form.addRow(self.tr("Balance:"), self._value("detailsBalance", balance_text(row)))
        form.addRow(
            self.tr("QuickBooks Id:"),
            self._value("detailsQboId", row.qbo_id if row and row.qbo_id else "—"),
        )
        number = row.doc_number if row and row.qbo_id else "—"
        form.addRow(self.tr("QuickBooks number:"), self._value("detailsQbNumber", number))
        totals = row.totals if row else None
        if totals is not None:
            form.addRow(
                self.tr("FlowFit total (tax):"),
                self._value(
                    "detailsFlowFitTotal", f"{totals.flowfit_total} ({totals.flowfit_tax})"
                ),
            )
            form.addRow(
                self.tr("QuickBooks total (tax):"),
                self._value("detailsQboTotal", f"{totals.qbo_total} ({totals.qbo_tax})"),
            )
            difference = self.tr("none") if not totals.differ else str(totals.difference)
            form.addRow(self.tr("Difference:"), self._value("detailsDifference", difference))
        attempts = str(row.attempts) if row else "0"
        form.addRow(self.tr("Attempts:"), self._value("detailsAttempts", attempts))
        error_label = self._value("detailsError", error or "—")
        error_label.setWordWrap(True)
        form.addRow(self.tr("Error:"), error_label)
        return form  # fmt: skip

    def _pulled_sections(self, layout: QVBoxLayout) -> None:
        """Payments applied in QuickBooks and the fields edited there (after a pull)."""
        self.payments_table = payments_table(self.details.payments)
        self.edits_table = edits_table(self.details.row.edited_fields if self.details.row else [])
        if self.details.kind is DocumentKind.INVOICE:
            layout.addWidget(QLabel(self.tr("Payments in QuickBooks")))
            if not self.details.payments:
                layout.addWidget(QLabel(self.tr("No payment received (as of the last pull).")))
            layout.addWidget(self.payments_table)
        if self.edits_table.rowCount():
            layout.addWidget(QLabel(self.tr("Edited in QuickBooks since our push")))
            layout.addWidget(self.edits_table)

    def _value(self, name: str, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def _payload_title(self) -> str:
        if self.details.payload is None:
            return self.tr(
                "Nothing was sent: the document is not in the list of FlowFit documents."
            )
        if self.details.payload_sent:
            return self.tr("What was sent to QuickBooks:")
        return self.tr("What would be sent now (not yet in QuickBooks as shown):")

    def _history_table(self) -> QTableWidget:
        entries = self.details.history
        table = QTableWidget(len(entries), HISTORY_COLUMNS)
        table.setObjectName("detailsHistory")
        table.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Action"), self.tr("Result"), self.tr("QuickBooks Id"),
            "intuit_tid", self.tr("Message"),
        ])  # fmt: skip
        for row, entry in enumerate(entries):
            values = (entry.at, entry.action, entry.result, entry.qbo_id or "",
                      entry.intuit_tid or "", entry.message or "")  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                table.setItem(row, column, item)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().hide()
        table.resizeColumnsToContents()
        return table

    def open_in_quickbooks(self) -> None:
        if self.details.web_address:
            self.open_url(QUrl(self.details.web_address))
