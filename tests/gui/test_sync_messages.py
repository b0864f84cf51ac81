"""Sentences the sync engine writes reach the window in its language."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from qbconnector.core.documents import DocumentKind
from qbconnector.core.texts import text
from qbconnector.sync.results import DocumentResult, Outcome
from qbconnector.ui.i18n import install_translator
from qbconnector.ui.messages import error_text, result_message


def test_blocked_reasons_and_failures_are_translated(qtbot: QtBot, qapp: object) -> None:
    blocked = DocumentResult(
        DocumentKind.INVOICE,
        "INV-7",
        Outcome.BLOCKED,
        reasons=(
            text(
                "The invoice is {status}, not approved; only approved documents are pushed.",
                status="draft",
            ),
        ),
    )
    refused = DocumentResult(
        DocumentKind.QUOTE,
        "Q-1",
        Outcome.FAILED,
        message="QuickBooks refused it: Invalid Reference Id (code 2500)",
        note=text("QuickBooks refused it: {error}", error="Invalid Reference Id (code 2500)"),
    )
    try:
        install_translator(qapp, "fr")  # type: ignore[arg-type]
        assert result_message(blocked) == (
            "La facture est à l'état brouillon, pas approuvée; seuls les documents approuvés "
            "sont envoyés."
        )
        assert result_message(refused) == "QuickBooks l'a refusé : Invalid Reference Id (code 2500)"
        # An earlier run's error, as the ledger keeps it, reads in French too.
        assert refused.note is not None
        assert error_text(refused.note) == result_message(refused)
        assert error_text("words QuickBooks wrote") == "words QuickBooks wrote"
    finally:
        install_translator(qapp, "en")  # type: ignore[arg-type]
    assert result_message(blocked).startswith("The invoice is draft, not approved")
    assert result_message(refused) == refused.message
