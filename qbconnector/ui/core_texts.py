"""Core texts that reach the window: listed here so the translation tools can find them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

# The validation messages of qbconnector.core.validation (tests keep this list complete).
VALIDATION_TEXTS = (
    QT_TRANSLATE_NOOP("Validation", "'{url}' is not a web address; it must start with https://."),
    QT_TRANSLATE_NOOP(
        "Validation",
        "'{url}' is not encrypted; use https:// (http:// is allowed only for this computer).",
    ),
    QT_TRANSLATE_NOOP(
        "Validation", "'{value}' is not a QuickBooks item Id; pick the service in the list."
    ),
    QT_TRANSLATE_NOOP("Validation", "Enter an address such as https://example.com/api."),
    QT_TRANSLATE_NOOP(
        "Validation", "Enter the Customer sync. number: the FlowFit/Quickbooks API needs it."
    ),
    QT_TRANSLATE_NOOP("Validation", "Enter the Realm ID to enable the connector."),
    QT_TRANSLATE_NOOP(
        "Validation",
        "The Customer sync. number is a whole number above 0 (Consoltec gives it to you); '{value}' is not one.",
    ),
    QT_TRANSLATE_NOOP(
        "Validation",
        "The FlowFit service '{service}' is mapped to '{value}', which is not a QuickBooks item Id; pick the item again.",
    ),
    QT_TRANSLATE_NOOP(
        "Validation",
        "The Realm ID has only digits (QuickBooks shows it as the Company ID under ⚙ > Account and settings > Billing & subscription); '{value}' is not one.",
    ),
    QT_TRANSLATE_NOOP("Validation", "The automatic sync interval is between 1 and {max} minutes."),
    QT_TRANSLATE_NOOP("Validation", "The client ID has no spaces; copy it again."),
    QT_TRANSLATE_NOOP(
        "Validation", "The token contains spaces or line breaks; copy it again in one piece."
    ),
)
