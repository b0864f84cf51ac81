"""The Taxes tab against the loopback QuickBooks sandbox and a store of FlowFit documents."""

from __future__ import annotations

from dataclasses import replace

from pytestqt.qtbot import QtBot

from qbconnector.core.settings import TaxAmounts, TaxSettings
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from tests.gui.taxes_support import EXPECTED, WindowFactory, code_id, open_taxes, prepare


def test_codes_load_in_a_worker_and_inactive_ones_are_hidden(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    page = window.parameters
    tab = page.taxes_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.status.text() == "Loading…"
    assert not tab.refresh_button.isEnabled()
    assert window.breadcrumb.text() == "⚙ > Connectors > Quickbooks > Taxes"
    qtbot.waitUntil(lambda: tab.codes.rowCount() > 0, timeout=10_000)
    active = [str(c["Name"]) for c in sandbox.entities("TaxCode") if c["Active"]]
    assert sorted(tab.codes.names()) == sorted(active)
    assert "HST ON 2010" not in tab.codes.names()
    assert tab.regime.text() == "Canadian company (country CA): every line carries a tax code."
    assert tab.status.text() == f"{len(active)} active tax codes"
    row = tab.codes.names().index("GST/QST QC - 9.975")
    assert tab.codes.item(row, 1).text() == "5 % + 9.975 %"
    tab.show_inactive.setChecked(True)
    assert "HST ON 2010 (13 %) (inactive)" in tab.codes.names()
    assert not page.is_dirty()  # looking saves nothing


def test_suggestions_are_shown_marked_and_not_saved(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert [tab.mapping.item(row, 0).text() for row in range(3)] == sorted(EXPECTED)
    row = sorted(EXPECTED).index("TPS-TVQ")
    assert tab.mapping.item(row, 1).text() == "GST + QST"
    assert tab.mapping.item(row, 2).text() == "GST 5 % + QST 9.975 %"
    for tax, code in EXPECTED.items():
        combo = tab.mapping.combo(tax)
        assert combo.currentText().startswith(f"{code} (")
        assert combo.currentData() == code_id(sandbox, code)
        assert combo.font().italic()
        assert tab.mapping.state_text(tax).startswith("Suggested")
    assert tab.mapping.combo("TPS-TVQ").currentText() == "GST/QST QC - 9.975 (5 % + 9.975 %)"
    assert tab.untaxed.currentText() == "Exempt (0 %)"
    assert tab.untaxed_state.text().startswith("Suggested")
    assert tab.accept_button.isEnabled()
    assert not window.parameters.is_dirty()
    assert window.services.load_settings().settings.taxes == TaxSettings()


def test_accepting_suggestions_and_saving_writes_the_mapping(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    page = window.parameters
    tab = open_taxes(window, qtbot)
    tab.accept_button.click()
    assert page.is_dirty()
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "● Taxes"
    assert tab.mapping.state_text("TVH-ON") == "Suggested, accepted — not saved yet"
    assert tab.mapping.combo("TVH-ON").font().italic()  # still a suggestion until saved
    assert not tab.accept_button.isEnabled()
    assert page.save()
    taxes = window.services.load_settings().settings.taxes
    assert taxes.mapping == {tax: code_id(sandbox, code) for tax, code in EXPECTED.items()}
    assert taxes.untaxed_code == code_id(sandbox, "Exempt")
    assert taxes.amounts is TaxAmounts.FLOWFIT
    assert taxes.code_names == {
        code_id(sandbox, name): name for name in [*EXPECTED.values(), "Exempt"]
    }
    assert not page.is_dirty()
    assert tab.mapping.state_text("TVH-ON") == "Saved"
    assert not tab.mapping.combo("TVH-ON").font().italic()
    assert tab.untaxed_state.text() == "Saved"


def test_picking_a_code_makes_the_tab_dirty_and_revert_undoes_it(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    page = window.parameters
    tab = open_taxes(window, qtbot)
    combo = tab.mapping.combo("TPS-TVQ")
    combo.activated.emit(combo.currentIndex())  # the user picks the suggested code
    assert page.is_dirty()
    assert tab.mapping.state_text("TPS-TVQ") == "Suggested, accepted — not saved yet"
    combo.setCurrentIndex(combo.findData(code_id(sandbox, "HST ON")))
    combo.activated.emit(combo.currentIndex())
    assert tab.mapping.state_text("TPS-TVQ").startswith("Changed — not saved yet")
    assert "⚠ Rates differ" in tab.mapping.state_text("TPS-TVQ")
    tab.amounts_quickbooks.setChecked(True)
    page.revert()
    assert not page.is_dirty()
    assert tab.amounts_flowfit.isChecked()
    assert tab.mapping.state_text("TPS-TVQ").startswith("Suggested")
    assert tab.mapping.combo("TPS-TVQ").currentData() == code_id(sandbox, EXPECTED["TPS-TVQ"])


def test_tax_amounts_choice_saves(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert tab.amounts_flowfit.isChecked()  # the default
    tab.amounts_quickbooks.setChecked(True)
    assert window.parameters.save()
    assert window.services.load_settings().settings.taxes.amounts is TaxAmounts.QUICKBOOKS


def test_a_mapping_to_an_inactive_or_unknown_code_is_warned(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    inactive = code_id(sandbox, "HST ON 2010")
    mapping = {"TVH-ON": inactive, "TPS-TVQ": "9999"}
    prepare(profile, sandbox, TaxSettings(mapping=mapping, untaxed_code=inactive))
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert tab.mapping.combo("TVH-ON").currentText() == "HST ON 2010 (13 %) (inactive)"
    assert tab.mapping.state_text("TVH-ON") == "Saved\n⚠ This code is inactive in QuickBooks."
    assert tab.mapping.combo("TPS-TVQ").currentText() == "Tax code #9999"
    assert "⚠ This code is not among the company's tax codes." in tab.mapping.state_text("TPS-TVQ")
    assert tab.mapping.cellWidget(sorted(EXPECTED).index("TVH-ON"), 4).property("role") == "warning"
    assert tab.untaxed_state.text() == "Saved\n⚠ This code is inactive in QuickBooks."
    assert tab.untaxed_state.property("role") == "warning"
    assert not window.parameters.is_dirty()


def test_a_code_whose_rates_differ_is_warned(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox, TaxSettings(mapping={"TPS-TVQ": code_id(sandbox, "GST")}))
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert tab.mapping.state_text("TPS-TVQ") == (
        "Saved\n⚠ Rates differ: QuickBooks 5 %, FlowFit 5 % + 9.975 %."
    )
    assert "⚠" not in tab.mapping.state_text("TVH-ON")


def test_a_saved_mapping_whose_tax_is_no_longer_seen_keeps_its_row(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox, TaxSettings(mapping={"OLD-GST": code_id(sandbox, "GST")}))
    window = window_factory()
    page = window.parameters
    tab = page.taxes_tab
    page.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.mapping.rowCount() == len(EXPECTED) + 1, timeout=10_000)
    qtbot.waitUntil(lambda: tab.codes.rowCount() > 0, timeout=10_000)
    row = [tab.mapping.item(r, 0).text() for r in range(4)].index("OLD-GST")
    assert tab.mapping.item(row, 2).text() == "no longer seen in the documents"
    assert tab.mapping.state_text("OLD-GST") == "Saved"


def test_refresh_reloads_the_codes(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    window = window_factory()
    tab = open_taxes(window, qtbot)
    assert "GST/PST MB - 7" in tab.codes.names()
    sandbox.set_tax_code_active("GST/PST MB - 7", False)
    with qtbot.waitSignal(
        window.runner.busyChanged, timeout=10_000, check_params_cb=lambda b: not b
    ):
        tab.refresh_button.click()
        assert tab.status.text() == "Loading…"
    assert "GST/PST MB - 7" not in tab.codes.names()
    assert tab.refresh_button.isEnabled()


def test_a_load_failure_is_said_in_words_and_retry_loads(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    prepare(profile, sandbox)
    sandbox.set_faults(error500=1.0)
    window = window_factory()
    tab = open_taxes(window, qtbot, loaded=False)
    qtbot.waitUntil(tab.retry_button.isVisible, timeout=30_000)
    assert tab.status.property("role") == "error"
    assert "QuickBooks had a problem on its side" in tab.status.text()
    assert "Traceback" not in tab.status.text()
    sandbox.set_faults(error500=0.0)
    tab.retry_button.click()
    qtbot.waitUntil(lambda: tab.codes.rowCount() > 0, timeout=10_000)
    assert tab.retry_button.isHidden()
    assert tab.status.property("role") == ""


def test_offline_the_saved_mapping_shows_with_the_saved_names(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    taxes = TaxSettings(
        mapping={"TPS-TVQ": "42"},
        untaxed_code="7",
        code_names={"42": "GST/QST QC - 9.975", "7": "Exempt"},
    )
    prepare(profile, None, taxes)  # no company: no codes are loaded
    window = window_factory()
    tab = open_taxes(window, qtbot, loaded=False)
    assert tab.codes.rowCount() == 0
    assert tab.mapping.combo("TPS-TVQ").currentText() == "GST/QST QC - 9.975"
    assert tab.mapping.state_text("TPS-TVQ") == "Saved"
    assert tab.mapping.state_text("TVH-ON") == "Not mapped"
    assert tab.untaxed.currentText() == "Exempt"
    assert tab.regime.text() == "The company's tax regime shows once its tax codes are loaded."
    assert not window.parameters.is_dirty()


def test_invalid_codes_are_shown_under_their_fields_and_not_saved(
    window_factory: WindowFactory, profile: Profile, qtbot: QtBot
) -> None:
    prepare(profile, None)
    window = window_factory()
    page = window.parameters
    bad = TaxSettings(mapping={"TPS-TVQ": "abc"}, untaxed_code="x")
    page.show_draft(replace(page.settings, taxes=bad), {})
    assert not page.save()
    tab = page.taxes_tab
    assert page.tabs.currentWidget() is tab
    assert "'abc', which is not a QuickBooks tax code Id" in tab.boxes["taxes.mapping"].error.text()
    assert "'x' is not a QuickBooks tax code Id" in tab.boxes["taxes.untaxed_code"].error.text()
    assert page.save_button.text() == "&Save (2 fields need attention)"
    assert window.services.load_settings().settings.taxes == TaxSettings()
