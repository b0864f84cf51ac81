"""Synchronization tab: Customer sync. number, posting mode, automatic sync interval."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QVBoxLayout, QWidget

from qbconnector.core.settings import PostingMode, Settings
from qbconnector.core.validation import MAX_AUTO_SYNC_MINUTES
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.form import FieldBox, add_row


class SyncTab(ParametersTab):
    """Signals: changed() (inherited), postingModeChanged(bool itemized)."""

    postingModeChanged = Signal(bool)
    prefixes = ("sync.",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout()
        self.customer_sync_number = QLineEdit()
        self.customer_sync_number.setObjectName("syncCustomerNumber")
        self.customer_sync_number.textEdited.connect(self._emit_changed)
        self.boxes["sync.customer_sync_number"] = FieldBox(
            self.customer_sync_number,
            self.tr(
                "Your account number with Consoltec: it identifies your FlowFit to the "
                "FlowFit/Quickbooks API. Consoltec gives it to you."
            ),
        )
        add_row(form, self.tr("C&ustomer sync. number"), self.boxes["sync.customer_sync_number"])
        self.posting_mode = QComboBox()
        self.posting_mode.setObjectName("syncPostingMode")
        self.posting_mode.addItem(self.tr("Summary: one line with the subtotal"), "summary")
        self.posting_mode.addItem(self.tr("Itemized: one line per FlowFit line"), "itemized")
        self.posting_mode.currentIndexChanged.connect(self._mode_changed)
        self.boxes["sync.posting_mode"] = FieldBox(
            self.posting_mode,
            self.tr(
                "Summary posts the description on a single line with the selected service. "
                "Itemized posts each FlowFit line to its mapped QuickBooks item and puts the "
                "description in the customer memo."
            ),
        )
        add_row(form, self.tr("&Posting mode"), self.boxes["sync.posting_mode"])
        self.interval = QSpinBox()
        self.interval.setObjectName("syncAutoInterval")
        self.interval.setRange(1, MAX_AUTO_SYNC_MINUTES)
        self.interval.setSuffix(self.tr(" min"))
        self.interval.valueChanged.connect(self._emit_changed)
        self.boxes["sync.auto_sync_minutes"] = FieldBox(
            self.interval,
            self.tr("How often approved documents are looked for when automatic sync is on."),
        )
        add_row(form, self.tr("Automatic sync &interval"), self.boxes["sync.auto_sync_minutes"])
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addStretch(1)

    def title(self) -> str:
        return self.tr("Synchronization")

    def is_itemized(self) -> bool:
        return bool(self.posting_mode.currentData() == PostingMode.ITEMIZED.value)

    def _mode_changed(self) -> None:
        self.postingModeChanged.emit(self.is_itemized())
        self._emit_changed()

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        sync = settings.sync
        self.customer_sync_number.setText(sync.customer_sync_number)
        self.posting_mode.setCurrentIndex(self.posting_mode.findData(sync.posting_mode.value))
        self.interval.setValue(sync.auto_sync_minutes)
        self.postingModeChanged.emit(self.is_itemized())

    def apply(self, settings: Settings) -> Settings:
        return settings.with_section(
            "sync",
            customer_sync_number=self.customer_sync_number.text().strip(),
            posting_mode=PostingMode(self.posting_mode.currentData()),
            auto_sync_minutes=self.interval.value(),
        )
