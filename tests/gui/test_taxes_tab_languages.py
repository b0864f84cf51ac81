"""The Taxes tab in French, during a language change, and for US companies (real sandbox)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.ui.i18n import install_translator
from tests.gui.taxes_support import EXPECTED, WindowFactory, open_taxes, prepare
from tests.sandbox_fixtures import SandboxFactory


@pytest.fixture
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield None
    install_translator(qapp, "en")


@pytest.mark.parametrize(
    ("rate", "expected"),
    [
        (None, "US company: lines are TAX or NON."),
        (
            Decimal("8.875"),
            "US company with automated sales tax: QuickBooks computes the tax from addresses; "
            "with 'FlowFit's amounts' the tax FlowFit billed is sent as the total tax.",
        ),
    ],
)
def test_the_regime_of_a_us_company_is_said(
    window_factory: WindowFactory,
    profile: Profile,
    qtbot: QtBot,
    sandbox_factory: SandboxFactory,
    rate: Decimal | None,
    expected: str,
) -> None:
    sandbox = sandbox_factory(seed=CompanySeed.united_states(us_sales_tax_rate=rate))
    prepare(profile, sandbox)
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert tab.regime.text() == expected
    assert "New York City" in tab.codes.names()


def test_french_labels(
    window_factory: WindowFactory,
    profile: Profile,
    qtbot: QtBot,
    sandbox: SandboxServer,
    back_to_english: object,
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    window.parameters.tabs.setCurrentWidget(window.parameters.taxes_tab)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=10_000)
    window.language.setCurrentIndex(window.language.findData("fr"))
    window.language.activated.emit(window.language.currentIndex())
    tab = open_taxes(window, qtbot)  # the rebuilt page loads again
    page = window.parameters
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Taxes"
    assert window.breadcrumb.text() == "⚙ > Connecteurs > Quickbooks > Taxes"
    assert tab.regime.text() == (
        "Entreprise canadienne (pays CA) : chaque ligne porte un code de taxe."
    )
    assert tab.mapping.horizontalHeaderItem(0).text() == "Code de taxe FlowFit"
    assert tab.mapping.horizontalHeaderItem(3).text() == "Code de taxe QuickBooks"
    assert tab.mapping.item(sorted(EXPECTED).index("TPS-TVQ"), 2).text() == "GST 5 % + QST 9,975 %"
    assert tab.mapping.combo("TPS-TVQ").currentText() == "GST/QST QC - 9.975 (5 % + 9,975 %)"
    assert tab.mapping.state_text("TPS-TVQ").startswith("Suggéré")
    assert tab.amounts_flowfit.text().startswith("Montants de FlowFit")
    assert tab.show_inactive.text() == "Afficher les codes &inactifs"
    assert tab.untaxed_state.text().startswith("Suggéré")


def test_switching_language_while_the_codes_load_is_safe(
    window_factory: WindowFactory,
    profile: Profile,
    qtbot: QtBot,
    sandbox: SandboxServer,
    back_to_english: object,
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    # Let the start-up connection check end first: only the Taxes tab's late answers are
    # this test's subject.
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=10_000)
    sandbox.set_faults(latency=600)
    window.parameters.tabs.setCurrentWidget(window.parameters.taxes_tab)
    assert window.runner.is_busy()
    window.language.setCurrentIndex(window.language.findData("fr"))
    window.language.activated.emit(window.language.currentIndex())  # the old tab goes away
    tab = window.parameters.taxes_tab
    qtbot.waitUntil(lambda: tab.codes.rowCount() > 0, timeout=20_000)
    qtbot.waitUntil(lambda: not window.runner.is_busy(), timeout=20_000)
    assert tab.status.text() == "10 codes de taxe actifs"
