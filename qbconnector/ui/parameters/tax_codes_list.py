"""The company's QuickBooks tax codes with their rates, as a compact read-only table."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qbconnector.quickbooks.taxcodes import TaxCodeInfo
from qbconnector.ui.parameters import tax_texts


class TaxCodesList(QTableWidget):
    """Tax code, rates, description; inactive codes only when asked for. Signals: none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("taxesCodes")
        self.setAccessibleName(self.tr("The company's tax codes"))
        self.setHorizontalHeaderLabels(
            [self.tr("Tax code"), self.tr("Rates"), self.tr("Description")]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

    def show_codes(self, codes: Iterable[TaxCodeInfo], show_inactive: bool) -> None:
        shown = [code for code in codes if code.active or show_inactive]
        self.setRowCount(len(shown))
        for row, code in enumerate(shown):
            name = code.name if code.active else tax_texts.code_label(code)
            cells = (name, tax_texts.rates(code.rate_values), code.description)
            for column, text in enumerate(cells):
                self.setItem(row, column, QTableWidgetItem(text))

    def names(self) -> list[str]:
        """The code names shown, top to bottom."""
        items = (self.item(row, 0) for row in range(self.rowCount()))
        return [item.text() for item in items if item is not None]
