"""FlowFit clients as QuickBooks Customers: name rules, create payloads, conflict messages."""

from __future__ import annotations

from typing import Any

from qbconnector.core.documents import Client

MAX_DISPLAY_NAME = 500
MAX_COMPANY_NAME = 100
MAX_EMAIL = 100
# QuickBooks refuses these in DisplayName (and the other name fields).
FORBIDDEN_NAME_CHARACTERS = {
    ":": "a colon",
    "\t": "a tab",
    "\n": "a line break",
    "\r": "a line break",
}


def display_name(client: Client) -> str:
    """The DisplayName a FlowFit client gets in QuickBooks (surrounding blanks trimmed)."""
    return client.name.strip()


def display_name_problem(client: Client) -> str | None:
    """Why QuickBooks would refuse this client's name as a DisplayName, or None."""
    name = display_name(client)
    if not name:
        return f"FlowFit client {client.code} has no name; give it one in FlowFit."
    for character, words in FORBIDDEN_NAME_CHARACTERS.items():
        if character in name:
            return (
                f"The client name {name!r} contains {words}, which QuickBooks does not allow in "
                f"customer names. Rename client {client.code} in FlowFit."
            )
    if len(name) > MAX_DISPLAY_NAME:
        return (
            f"The client name of {client.code} is {len(name)} characters long; QuickBooks "
            f"accepts at most {MAX_DISPLAY_NAME}. Shorten it in FlowFit."
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


def name_taken_message(name: str) -> str:
    """The 6240 conflict when no active customer has the name: a vendor, an employee (or an
    inactive customer, which name look-ups do not return) does."""
    return (
        f"QuickBooks already uses the name {name!r} for a vendor or an employee (or an inactive "
        "customer), and they all share one list of names. In QuickBooks, rename that vendor or "
        "employee or make the customer active again, or rename the client in FlowFit; then "
        "synchronize again."
    )


def currency_mismatch_message(name: str, customer_currency: str, document_currency: str) -> str:
    """The customer exists in another currency; QuickBooks cannot change a customer's currency."""
    return (
        f"The QuickBooks customer {name!r} works in {customer_currency}, but this document is in "
        f"{document_currency}. QuickBooks cannot change a customer's currency: create a separate "
        "FlowFit client for that currency, or issue the document in "
        f"{customer_currency}."
    )
