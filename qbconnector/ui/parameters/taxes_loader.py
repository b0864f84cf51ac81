"""Fills the Taxes tab off the GUI thread: the company's tax codes and the FlowFit taxes seen."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from shiboken6 import isValid

from qbconnector.core.documents import DocumentTax
from qbconnector.services import CompanyTaxes, ConnectorServices
from qbconnector.ui.messages import describe_error
from qbconnector.ui.parameters.taxes_tab import TaxesTab
from qbconnector.ui.workers import TaskRunner


class TaxesLoader:
    """Calls ``list_tax_codes`` and ``flowfit_taxes`` through the runner and hands the results
    to the tab (first visit, Refresh, Retry). Signals: none; it listens to the tab's
    refreshRequested. A plain object, not a QObject: its callbacks must still run (and drop
    the answer) after the page that owned it was deleted."""

    def __init__(
        self,
        services: ConnectorServices,
        runner: TaskRunner,
        tab: TaxesTab,
        saved_for_lookup: Callable[[], bool],
    ) -> None:
        self.services = services
        self.runner = runner
        self.tab = tab
        self._saved_for_lookup = saved_for_lookup
        self._codes_requested = False
        self._taxes_requested = False
        tab.refreshRequested.connect(self.refresh)

    def first_visit(self, connected: bool) -> None:
        """The first visit fills the tab, saving nothing; codes only once a company is set."""
        if not self._taxes_requested:
            self._taxes_requested = True
            self.runner.submit(self.services.flowfit_taxes, self._taxes_loaded)
        if connected and not self._codes_requested:
            self._load_codes()

    def refresh(self) -> None:
        """Refresh and Retry: pending edits are saved first, like Test connection."""
        if not self._saved_for_lookup():
            self.tab.set_load_error(
                QCoreApplication.translate(
                    "TaxesLoader", "Correct the fields marked in red, then refresh again."
                )
            )
            return
        self._load_codes()

    def _load_codes(self) -> None:
        self._codes_requested = True
        self.tab.set_loading()
        self.runner.submit(self.services.list_tax_codes, self._codes_loaded, self._codes_failed)

    def _live_tab(self) -> TaxesTab | None:
        """The tab, unless it went away while the job ran (the page is rebuilt on a language
        change); a late answer is then dropped."""
        return self.tab if isValid(self.tab) else None

    def _codes_loaded(self, company: Any) -> None:
        tab = self._live_tab()
        if tab is not None and isinstance(company, CompanyTaxes):
            tab.set_company(company)

    def _codes_failed(self, error: Any) -> None:
        tab = self._live_tab()
        if tab is not None:
            tab.set_load_error(describe_error(error))

    def _taxes_loaded(self, taxes: Any) -> None:
        tab = self._live_tab()
        if tab is not None:
            tab.set_flowfit_taxes([tax for tax in taxes if isinstance(tax, DocumentTax)])
