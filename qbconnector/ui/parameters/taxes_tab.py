"""Taxes tab: the company's tax codes, FlowFit tax -> QuickBooks code, untaxed lines, amounts."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from qbconnector.core.documents import DocumentTax
from qbconnector.core.settings import Settings, TaxAmounts, TaxSettings
from qbconnector.quickbooks.taxcodes import TaxCodeInfo, suggest_untaxed_code
from qbconnector.services import CompanyTaxes
from qbconnector.ui.parameters import tax_texts
from qbconnector.ui.parameters.base import ParametersTab
from qbconnector.ui.parameters.form import FieldBox, add_row
from qbconnector.ui.parameters.tax_codes_list import TaxCodesList
from qbconnector.ui.parameters.tax_mapping import TaxMappingTable, code_choices


class TaxesTab(ParametersTab):
    """Signals: changed() (inherited), refreshRequested() to load the company's tax codes."""

    refreshRequested = Signal()
    prefixes = ("taxes.",)
    own_page = True  # FlowFit shows Taxes beside Parameters: ⚙ > Connectors > Quickbooks > Taxes

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = TaxSettings()
        self._company: CompanyTaxes | None = None
        self._untaxed: str | None = None  # None: the user has not chosen (a suggestion shows)
        self._accepted_untaxed = ""
        self.regime = QLabel(tax_texts.regime_text(None))
        self.regime.setObjectName("taxesRegime")
        self.regime.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.regime)
        layout.addLayout(self._toolbar())
        layout.addWidget(self._codes_group(), 1)
        layout.addWidget(self._mapping_group())  # as tall as its rows (up to about ten)
        layout.addLayout(self._form())

    # -- construction --------------------------------------------------------------------------

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refresh_button = QPushButton(self.tr("&Refresh from QuickBooks"))
        self.refresh_button.setObjectName("taxesRefresh")
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.show_inactive = QCheckBox(self.tr("Show &inactive codes"))
        self.show_inactive.setObjectName("taxesShowInactive")
        self.show_inactive.toggled.connect(self._show_inactive_toggled)
        self.status = QLabel()
        self.status.setObjectName("taxesStatus")
        self.status.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Re&try"))
        self.retry_button.setObjectName("taxesRetry")
        self.retry_button.clicked.connect(self.refreshRequested)
        self.retry_button.hide()
        row.addWidget(self.refresh_button)
        row.addWidget(self.show_inactive)
        row.addWidget(self.status, 1)
        row.addWidget(self.retry_button)
        return row

    def _codes_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("The company's tax codes"))
        self.codes = TaxCodesList()
        QVBoxLayout(group).addWidget(self.codes)
        return group

    def _mapping_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("FlowFit tax → QuickBooks tax code"))
        column = QVBoxLayout(group)
        row = QHBoxLayout()
        note = QLabel(
            self.tr(
                "Suggested codes (in italics) have the FlowFit rates; none is saved until you "
                "accept it and save."
            )
        )
        note.setProperty("role", "help")
        note.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("&Accept suggestions"))
        self.accept_button.setObjectName("taxesAcceptSuggestions")
        self.accept_button.clicked.connect(self.accept_suggestions)
        row.addWidget(note, 1)
        row.addWidget(self.accept_button)
        column.addLayout(row)
        self.mapping = TaxMappingTable()
        self.mapping.edited.connect(self._edited)
        self.boxes["taxes.mapping"] = FieldBox(self.mapping)
        column.addWidget(self.boxes["taxes.mapping"])
        return group

    def _form(self) -> QFormLayout:
        form = QFormLayout()
        self.untaxed = QComboBox()
        self.untaxed.setObjectName("taxesUntaxed")
        self.untaxed.activated.connect(self._untaxed_picked)
        self.boxes["taxes.untaxed_code"] = FieldBox(
            self.untaxed,
            self.tr(
                "Put on non-taxable lines and on documents without tax "
                "(e.g. a client outside Canada)."
            ),
        )
        self.untaxed_state = QLabel()
        self.untaxed_state.setObjectName("taxesUntaxedState")
        box_layout = self.boxes["taxes.untaxed_code"].layout()
        assert isinstance(box_layout, QVBoxLayout)
        box_layout.insertWidget(1, self.untaxed_state)  # between the combo and its help line
        add_row(form, self.tr("Code for lines &without tax"), self.boxes["taxes.untaxed_code"])
        self.amounts_flowfit = QRadioButton(
            self.tr("FlowFit's amounts (QuickBooks keeps the tax FlowFit billed, to the cent)")
        )
        self.amounts_flowfit.setObjectName("taxesAmountsFlowFit")
        self.amounts_quickbooks = QRadioButton(self.tr("QuickBooks computes the tax"))
        self.amounts_quickbooks.setObjectName("taxesAmountsQuickBooks")
        self.amounts_group = QButtonGroup(self)
        amounts = QWidget()
        amounts.setObjectName("taxesAmounts")
        amounts_column = QVBoxLayout(amounts)
        amounts_column.setContentsMargins(0, 0, 0, 0)
        for button in (self.amounts_flowfit, self.amounts_quickbooks):
            self.amounts_group.addButton(button)
            amounts_column.addWidget(button)
            button.toggled.connect(self._emit_changed)
        self.boxes["taxes.amounts"] = FieldBox(amounts)
        add_row(form, self.tr("Tax amounts"), self.boxes["taxes.amounts"])
        self.amounts_flowfit.setAccessibleName(self.amounts_flowfit.text())
        return form

    def title(self) -> str:
        return self.tr("Taxes")

    # -- loading -------------------------------------------------------------------------------

    def set_loading(self) -> None:
        self.refresh_button.setEnabled(False)
        self.retry_button.hide()
        self._set_status(self.tr("Loading…"), "")

    def set_load_error(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.retry_button.show()
        self._set_status(message, "error")

    def set_company(self, company: CompanyTaxes) -> None:
        """Show the company's regime and codes; suggestions follow."""
        self._company = company
        self.refresh_button.setEnabled(True)
        self.retry_button.hide()
        active = sum(1 for code in company.codes if code.active)
        text = self.tr("%1 active tax codes").replace("%1", str(active))
        self._set_status(self.tr("1 active tax code") if active == 1 else text, "")
        self.regime.setText(tax_texts.regime_text(company))
        self.mapping.set_codes({code.id: code for code in company.codes})
        self._fill_codes()
        self._refresh_untaxed()

    def set_flowfit_taxes(self, taxes: list[DocumentTax]) -> None:
        self.mapping.set_taxes(taxes)
        self._update_accept()

    def _set_status(self, text: str, role: str) -> None:
        self.status.setText(text)
        self.status.setProperty("role", role)
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def _fill_codes(self) -> None:
        codes = self._company.codes if self._company else ()
        self.codes.show_codes(codes, self.show_inactive.isChecked())

    def _show_inactive_toggled(self, shown: bool) -> None:
        self._fill_codes()
        self.mapping.set_show_inactive(shown)
        self._refresh_untaxed()

    # -- suggestions ---------------------------------------------------------------------------

    def _untaxed_suggestion(self) -> str:
        if self._company is None or self._untaxed is not None:
            return ""
        found = suggest_untaxed_code(self._company.codes)
        return found.id if found else ""

    def _untaxed_value(self) -> str:
        return self._untaxed if self._untaxed is not None else self._saved.untaxed_code

    def _refresh_untaxed(self) -> None:
        suggestion = self._untaxed_suggestion()
        value = self._untaxed_value() or suggestion
        codes = None
        if self._company is not None:
            zero_first = sorted(self._company.codes, key=lambda code: code.total_rate != 0)
            codes = {code.id: code for code in zero_first}
        names = self._saved.code_names
        code_choices(self.untaxed, codes, self.show_inactive.isChecked(), value, names)
        self.untaxed.setItemText(0, self.tr("— none —"))
        changed = self._untaxed is not None and self._untaxed != self._saved.untaxed_code
        if suggestion:
            state, suggested = self.tr("Suggested — accept it, then save"), True
        elif changed and self._untaxed == self._accepted_untaxed:
            state, suggested = self.tr("Suggested, accepted — not saved yet"), True
        elif changed:
            state, suggested = self.tr("Changed — not saved yet"), False
        else:
            state, suggested = (self.tr("Saved") if value else ""), False
        font = self.untaxed.font()
        font.setItalic(suggested)
        self.untaxed.setFont(font)
        self.untaxed.setProperty("suggested", suggested)
        warning = self._untaxed_warning(value, codes)
        self.untaxed_state.setText("\n".join(text for text in (state, warning) if text))
        self.untaxed_state.setProperty("role", "warning" if warning else "help")
        self.untaxed_state.style().unpolish(self.untaxed_state)
        self.untaxed_state.style().polish(self.untaxed_state)
        self._update_accept()

    def _untaxed_warning(self, value: str, codes: dict[str, TaxCodeInfo] | None) -> str:
        if not value or codes is None:
            return ""
        if value not in codes:
            return self.tr("⚠ This code is not among the company's tax codes.")
        return "" if codes[value].active else self.tr("⚠ This code is inactive in QuickBooks.")

    def _update_accept(self) -> None:
        pending = bool(self.mapping.pending_suggestions() or self._untaxed_suggestion())
        self.accept_button.setEnabled(pending)

    def accept_suggestions(self) -> None:
        suggestion = self._untaxed_suggestion()
        if suggestion:
            self._untaxed = self._accepted_untaxed = suggestion
        self.mapping.accept_suggestions()  # emits edited
        self._refresh_untaxed()

    def _untaxed_picked(self) -> None:
        self._untaxed = str(self.untaxed.currentData() or "")
        self._refresh_untaxed()
        self._emit_changed()

    def _edited(self) -> None:
        self._update_accept()
        self._emit_changed()

    # -- settings ------------------------------------------------------------------------------

    def _load(self, settings: Settings, stored_secrets: set[str]) -> None:
        self._saved = settings.taxes
        self._untaxed = settings.taxes.untaxed_code or None
        self._accepted_untaxed = ""
        self.mapping.load(settings.taxes.mapping, settings.taxes.code_names)
        flowfit = settings.taxes.amounts is TaxAmounts.FLOWFIT
        (self.amounts_flowfit if flowfit else self.amounts_quickbooks).setChecked(True)
        self._refresh_untaxed()

    def set_saved(self, saved: TaxSettings) -> None:
        """Mark what is saved while a draft is shown (the page rebuilt after a language change)."""
        self._saved = saved
        self.mapping.set_saved(saved.mapping)
        self._refresh_untaxed()

    def apply(self, settings: Settings) -> Settings:
        mapping = self.mapping.mapping()
        untaxed = self._untaxed_value()
        saved = self._saved
        if mapping == saved.mapping and untaxed == saved.untaxed_code:
            names = dict(saved.code_names)  # names refresh only when the choice changes
        else:
            known = {code.id: code.name for code in (self._company.codes if self._company else ())}
            used = set(mapping.values()) | ({untaxed} if untaxed else set())
            names = {
                code: saved.code_names.get(code) or known.get(code, "") for code in sorted(used)
            }
        amounts = TaxAmounts.FLOWFIT if self.amounts_flowfit.isChecked() else TaxAmounts.QUICKBOOKS
        return settings.with_section(
            "taxes",
            mapping=mapping,
            untaxed_code=untaxed,
            amounts=amounts,
            code_names={code: name for code, name in names.items() if name},
        )
