"""FlowFit clients as QuickBooks Customers: name rules, create payloads, conflict messages."""

from __future__ import annotations

from typing import Any

from qbconnector.core.documents import Client
from qbconnector.core.texts import Text, text

MAX_DISPLAY_NAME = 500
MAX_COMPANY_NAME = 100
MAX_EMAIL = 100
# QuickBooks refuses these in DisplayName (and the other name fields).
FORBIDDEN_NAME_CHARACTERS = (":", "\t", "\n", "\r")


def display_name(client: Client) -> str:
    """The DisplayName a FlowFit client gets in QuickBooks (surrounding blanks trimmed)."""
    return client.name.strip()


def display_name_problem(client: Client) -> Text | None:
    """Why QuickBooks would refuse this client's name as a DisplayName, or None."""
    name = display_name(client)
    if not name:
        return text("FlowFit client {code} has no name; give it one in FlowFit.", code=client.code)
    if ":" in name:
        return text(
            "The client name '{name}' contains a colon, which QuickBooks does not allow in "
            "customer names. Rename client {code} in FlowFit.",
            name=name,
            code=client.code,
        )
    if any(character in name for character in FORBIDDEN_NAME_CHARACTERS):
        return text(
            "The client name of {code} contains a tab or a line break, which QuickBooks does not "
            "allow in customer names. Rename it in FlowFit.",
            code=client.code,
        )
    if len(name) > MAX_DISPLAY_NAME:
        return text(
            "The client name of {code} is {length} characters long; QuickBooks accepts at most "
            "{limit}. Shorten it in FlowFit.",
            code=client.code,
            length=len(name),
            limit=MAX_DISPLAY_NAME,
        )
    return None


def customer_payload(client: Client, currency: str | None) -> dict[str, Any]:
    """The body that creates the customer; ``currency`` only when the company is multicurrency
    (CurrencyRef is write-once, so it must be right the first time)."""
    name = display_name(client)
    payload: dict[str, Any] = {"DisplayName": name}
    if len(name) <= MAX_COMPANY_NAME:
        payload["CompanyName"] = name
    email = (client.email or "").strip()
    if email and "@" in email and "." in email and len(email) <= MAX_EMAIL:
        payload["PrimaryEmailAddr"] = {"Address": email}
    if currency:
        payload["CurrencyRef"] = {"value": currency.upper()}
    payload["Notes"] = f"FlowFit client {client.code}"
    return payload


def name_taken_message(name: str) -> Text:
    """The 6240 conflict when no active customer has the name: a vendor, an employee (or an
    inactive customer, which name look-ups do not return) does."""
    return text(
        "QuickBooks already uses the name '{name}' for a vendor or an employee (or an inactive "
        "customer), and they all share one list of names. In QuickBooks, rename that vendor or "
        "employee or make the customer active again, or rename the client in FlowFit; then "
        "synchronize again.",
        name=name,
    )


def currency_mismatch_message(name: str, customer_currency: str, document_currency: str) -> Text:
    """The customer exists in another currency; QuickBooks cannot change a customer's currency."""
    return text(
        "The QuickBooks customer '{name}' works in {customer_currency}, but this document is in "
        "{document_currency}. QuickBooks cannot change a customer's currency: create a separate "
        "FlowFit client for that currency, or issue the document in {customer_currency}.",
        name=name,
        customer_currency=customer_currency,
        document_currency=document_currency,
    )
