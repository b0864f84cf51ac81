"""The table mapping each FlowFit tax to a QuickBooks tax code, with suggestions and warnings."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from qbconnector.core.documents import DocumentTax
from qbconnector.quickbooks.taxcodes import TaxCodeInfo, same_rates, suggest_code
from qbconnector.ui.parameters import tax_texts

STATE_COLUMN = 4
CODE_COLUMN = 3


def code_choices(
    combo: QComboBox,
    codes: dict[str, TaxCodeInfo] | None,
    show_inactive: bool,
    value: str,
    names: dict[str, str],
) -> None:
    """Fill ``combo`` with the codes to choose from and select ``value`` (kept even when it is
    inactive, unknown to the company or known only by its saved name)."""
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("TaxMappingTable", "— not mapped —"), "")
    for code in (codes or {}).values():
        if code.active or show_inactive:
            combo.addItem(tax_texts.code_label(code), code.id)
    if value and combo.findData(value) < 0:
        if codes is not None and value in codes:
            combo.addItem(tax_texts.code_label(codes[value]), value)
        elif value in names:
            combo.addItem(names[value], value)
        else:
            combo.addItem(
                QCoreApplication.translate("TaxMappingTable", "Tax code #%1").replace("%1", value),
                value,
            )
    combo.setCurrentIndex(max(combo.findData(value), 0))
    combo.blockSignals(False)


class TaxMappingTable(QTableWidget):
    """FlowFit tax code, name, components, QuickBooks tax code (a combo), state.

    Signals: edited() when the user picks a code or accepts suggestions.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 5, parent)
        self.setObjectName("taxesMapping")
        self.setAccessibleName(self.tr("FlowFit taxes and their QuickBooks tax codes"))
        self.setHorizontalHeaderLabels(
            [
                self.tr("FlowFit tax code"),
                self.tr("Name"),
                self.tr("Components"),
                self.tr("QuickBooks tax code"),
                self.tr("State"),
            ]
        )
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
        self.setMaximumHeight(12 * (self.fontMetrics().height() + 10))
        self._taxes: dict[str, DocumentTax] = {}
        self._saved: dict[str, str] = {}
        self._mapping: dict[str, str] = {}  # the draft; "" is an explicit "not mapped"
        self._suggested: dict[str, str] = {}
        self._codes: dict[str, TaxCodeInfo] | None = None  # None: not loaded
        self._names: dict[str, str] = {}
        self._show_inactive = False
        self._rows: list[str] = []

    # -- inputs --------------------------------------------------------------------------------

    def load(self, mapping: dict[str, str], names: dict[str, str]) -> None:
        """The saved mapping (and saved code names, to show codes offline)."""
        self._saved = dict(mapping)
        self._mapping = dict(mapping)
        self._names = dict(names)
        self._rebuild()

    def set_saved(self, mapping: dict[str, str]) -> None:
        """What is saved, when the draft shown differs from it (after a language change)."""
        self._saved = dict(mapping)
        self._rebuild()

    def set_taxes(self, taxes: list[DocumentTax]) -> None:
        self._taxes = {tax.code: tax for tax in taxes}
        self._rebuild()

    def set_codes(self, codes: dict[str, TaxCodeInfo] | None) -> None:
        self._codes = codes
        self._rebuild()

    def set_show_inactive(self, shown: bool) -> None:
        self._show_inactive = shown
        self._rebuild()

    # -- outputs -------------------------------------------------------------------------------

    def mapping(self) -> dict[str, str]:
        return {tax: code for tax, code in self._mapping.items() if code}

    def pending_suggestions(self) -> dict[str, str]:
        """Suggestions the user has not accepted (or replaced) yet."""
        return {tax: code for tax, code in self._suggested.items() if tax not in self._mapping}

    def accept_suggestions(self) -> None:
        self._mapping.update(self.pending_suggestions())
        self._rebuild()
        self.edited.emit()

    def state_text(self, tax_code: str) -> str:
        return self._state_label(self._rows.index(tax_code)).text()

    def combo(self, tax_code: str) -> QComboBox:
        widget = self.cellWidget(self._rows.index(tax_code), CODE_COLUMN)
        assert isinstance(widget, QComboBox)
        return widget

    # -- rows ----------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        codes = list((self._codes or {}).values())
        self._suggested = {}
        for seen_code, seen in self._taxes.items():
            found = suggest_code(seen, codes) if codes else None
            if found is not None:
                self._suggested[seen_code] = found.id
        self._rows = sorted(set(self._taxes) | set(self._saved) | set(self.mapping()))
        self.setRowCount(len(self._rows))
        for row, tax_code in enumerate(self._rows):
            tax = self._taxes.get(tax_code)
            self.setItem(row, 0, QTableWidgetItem(tax_code))
            self.setItem(row, 1, QTableWidgetItem(tax.name if tax else ""))
            parts = tax_texts.components(tax) if tax else self.tr("no longer seen in the documents")
            self.setItem(row, 2, QTableWidgetItem(parts))
            combo = QComboBox()
            combo.setObjectName(f"taxesMap_{tax_code}")
            combo.setAccessibleName(self.tr("QuickBooks tax code for %1").replace("%1", tax_code))
            combo.activated.connect(lambda _i, t=tax_code, c=combo: self._picked(t, c))
            self.setCellWidget(row, CODE_COLUMN, combo)
            label = QLabel()
            label.setWordWrap(True)
            self.setCellWidget(row, STATE_COLUMN, label)
            self._refresh_row(row)
        self.resizeRowsToContents()

    def _shown_value(self, tax_code: str) -> str:
        if tax_code in self._mapping:
            return self._mapping[tax_code]
        return self._suggested.get(tax_code, "")

    def _picked(self, tax_code: str, combo: QComboBox) -> None:
        self._mapping[tax_code] = str(combo.currentData() or "")
        self._refresh_row(self._rows.index(tax_code))
        self.edited.emit()

    def _state_label(self, row: int) -> QLabel:
        widget = self.cellWidget(row, STATE_COLUMN)
        assert isinstance(widget, QLabel)
        return widget

    def _refresh_row(self, row: int) -> None:
        tax_code = self._rows[row]
        value = self._shown_value(tax_code)
        combo = self.cellWidget(row, CODE_COLUMN)
        assert isinstance(combo, QComboBox)
        code_choices(combo, self._codes, self._show_inactive, value, self._names)
        state, suggested = self._state(tax_code, value)
        warnings = self._warnings(tax_code, value)
        font = combo.font()
        font.setItalic(suggested)
        combo.setFont(font)
        combo.setProperty("suggested", suggested)
        label = self._state_label(row)
        label.setText("\n".join([state, *warnings]))
        label.setProperty("role", "warning" if warnings else ("suggested" if suggested else ""))
        label.style().unpolish(label)
        label.style().polish(label)

    def _state(self, tax_code: str, value: str) -> tuple[str, bool]:
        """The row's state in words, and whether its code is a suggestion not saved yet."""
        saved = self._saved.get(tax_code, "")
        suggestion = self._suggested.get(tax_code, "")
        if tax_code not in self._mapping:
            if suggestion:
                return self.tr("Suggested (same rates) — accept it, then save"), True
            if self._codes is not None and tax_code in self._taxes:
                return self.tr("Not mapped: no active code has these rates"), False
            return self.tr("Not mapped"), False
        if value == saved:
            return (self.tr("Saved") if value else self.tr("Not mapped")), False
        if value and value == suggestion:
            return self.tr("Suggested, accepted — not saved yet"), True
        return self.tr("Changed — not saved yet"), False

    def _warnings(self, tax_code: str, value: str) -> list[str]:
        if not value or self._codes is None:
            return []
        code = self._codes.get(value)
        if code is None:
            return [self.tr("⚠ This code is not among the company's tax codes.")]
        warnings = []
        if not code.active:
            warnings.append(self.tr("⚠ This code is inactive in QuickBooks."))
        tax = self._taxes.get(tax_code)
        if tax is not None and not same_rates(code.rate_values, tax.rates):
            warnings.append(
                self.tr("⚠ Rates differ: QuickBooks %1, FlowFit %2.")
                .replace("%1", tax_texts.rates(code.rate_values))
                .replace("%2", tax_texts.rates(tax.rates))
            )
        return warnings
