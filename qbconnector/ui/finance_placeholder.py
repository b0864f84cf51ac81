"""The Finance page's place in the window until the quotes and invoices list arrives."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class FinancePlaceholder(QWidget):
    """Says where documents are pushed from today (the command line). No signals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("financePage")
        self.message = QLabel()
        self.message.setObjectName("financeMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        self.retranslate()

    def retranslate(self) -> None:
        self.message.setText(
            self.tr(
                "The Finance list of quotes and invoices is not in this version yet. "
                "Push documents with the command line: qbconnector sync --approved"
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
