"""Validation of parameters, with messages that say what is wrong and how to fix it."""

from __future__ import annotations

import dataclasses
import ipaddress
from dataclasses import dataclass
from urllib.parse import urlsplit

from qbconnector.core.documents import DocumentKind
from qbconnector.core.settings import Environment, Settings
from qbconnector.core.template import TemplateError, parse_template, validate_for_kind

MAX_AUTO_SYNC_MINUTES = 24 * 60
MAX_URL_LENGTH = 2000  # what browsers and proxies reliably carry
MAX_ID_LENGTH = 32  # QuickBooks Ids and realm IDs are far shorter


def ascii_digits(text: str) -> bool:
    """0-9 only: ``str.isdigit()`` also accepts Arabic-Indic, fullwidth and superscript digits."""
    return 0 < len(text) <= MAX_ID_LENGTH and text.isascii() and text.isdigit()


@dataclass(frozen=True)
class FieldError:
    """One problem with one field. ``template`` is English with {placeholders}; the window
    translates the template (context "Validation") before formatting it."""

    field: str  # e.g. "server.realm_id"
    template: str
    params: dict[str, str] = dataclasses.field(default_factory=dict)

    @property
    def message(self) -> str:
        return self.template.format(**self.params)

    def __str__(self) -> str:
        return f"{self.field}: {self.message}"


def clean_token(value: str) -> tuple[str, FieldError | None]:
    """Trim pasted whitespace around a token; whitespace inside it is an error."""
    trimmed = value.strip()
    if any(not character.isprintable() and not character.isspace() for character in trimmed):
        return trimmed, FieldError(
            "token",
            "The token contains control characters (a NUL byte?); copy it again from Intuit's "
            "developer page.",
        )
    if any(character.isspace() for character in trimmed):
        return trimmed, FieldError(
            "token",
            "The token contains spaces or line breaks; copy it again in one piece.",
        )
    return trimmed, None


def is_loopback_host(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_url(name: str, url: str, *, required: bool) -> FieldError | None:
    """https:// anywhere, http:// only for this computer (127.0.0.1, localhost, ::1)."""
    if not url:
        if required:
            return FieldError(name, "Enter an address such as https://example.com/api.")
        return None
    if len(url) > MAX_URL_LENGTH:
        return FieldError(
            name,
            "The address is {length} characters long; a web address has at most {max}.",
            {"length": str(len(url)), "max": str(MAX_URL_LENGTH)},
        )
    shown = url.encode("unicode_escape").decode("ascii")
    if any(character.isspace() or not character.isprintable() for character in url):
        return FieldError(
            name,
            "'{url}' contains a space, a line break or a control character; copy the address "
            "again.",
            {"url": shown},
        )
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return FieldError(
            name, "'{url}' is not a web address; it must start with https://.", {"url": url}
        )
    if parts.username is not None or parts.password is not None:
        return FieldError(
            name,
            "The address holds a user name or password (user:password@); remove them: "
            "qbconnector never keeps credentials in an address.",
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if port is not None and not 1 <= port <= 65535:
        return FieldError(
            name,
            "'{url}' has a port outside 1 to 65535; correct the number after ':'.",
            {"url": url},
        )
    if parts.scheme == "http" and not is_loopback_host(parts.hostname):
        return FieldError(
            name,
            "'{url}' is not encrypted; use https:// (http:// is allowed only for this computer).",
            {"url": url},
        )
    return None


def validate_settings(settings: Settings) -> list[FieldError]:
    """Every problem in ``settings``; empty when they can be saved."""
    errors: list[FieldError | None] = [
        *_server_errors(settings),
        check_url("flowfit.api_url", settings.flowfit.api_url, required=False),
        *_sync_errors(settings),
        *_service_errors(settings),
        *_tax_errors(settings),
    ]
    errors += _template_errors(settings)
    return [error for error in errors if error is not None]


def _server_errors(settings: Settings) -> list[FieldError | None]:
    server = settings.server
    errors: list[FieldError | None] = []
    if server.realm_id and not ascii_digits(server.realm_id):
        errors.append(
            FieldError(
                "server.realm_id",
                "The Realm ID has only digits (QuickBooks shows it as the Company ID under "
                "⚙ > Account and settings > Billing & subscription); '{value}' is not one.",
                {"value": server.realm_id},
            )
        )
    elif server.enabled and not server.realm_id:
        errors.append(FieldError("server.realm_id", "Enter the Realm ID to enable the connector."))
    if any(character.isspace() for character in server.client_id):
        errors.append(FieldError("server.client_id", "The client ID has no spaces; copy it again."))
    custom = server.environment is Environment.CUSTOM
    errors.append(check_url("server.api_base_url", server.api_base_url, required=custom))
    errors.append(check_url("server.discovery_url", server.discovery_url, required=custom))
    errors.append(check_url("server.redirect_uri", server.redirect_uri, required=False))
    return errors


def _sync_errors(settings: Settings) -> list[FieldError | None]:
    sync = settings.sync
    errors: list[FieldError | None] = []
    number = sync.customer_sync_number
    if number and not (ascii_digits(number) and int(number) > 0):
        errors.append(
            FieldError(
                "sync.customer_sync_number",
                "The Customer sync. number is a whole number above 0 (Consoltec gives it to "
                "you); '{value}' is not one.",
                {"value": number},
            )
        )
    elif settings.flowfit.api_url and not number:
        errors.append(
            FieldError(
                "sync.customer_sync_number",
                "Enter the Customer sync. number: the FlowFit/Quickbooks API needs it.",
            )
        )
    if not 1 <= sync.auto_sync_minutes <= MAX_AUTO_SYNC_MINUTES:
        errors.append(
            FieldError(
                "sync.auto_sync_minutes",
                "The automatic sync interval is between 1 and {max} minutes.",
                {"max": str(MAX_AUTO_SYNC_MINUTES)},
            )
        )
    return errors


def _service_errors(settings: Settings) -> list[FieldError | None]:
    services = settings.services
    errors: list[FieldError | None] = []
    if services.service_id and not ascii_digits(services.service_id):
        errors.append(
            FieldError(
                "services.service_id",
                "'{value}' is not a QuickBooks item Id; pick the service in the list.",
                {"value": services.service_id},
            )
        )
    for flowfit_service, item_id in services.mapping.items():
        if not ascii_digits(item_id):
            errors.append(
                FieldError(
                    "services.mapping",
                    "The FlowFit service '{service}' is mapped to '{value}', which is not a "
                    "QuickBooks item Id; pick the item again.",
                    {"service": flowfit_service, "value": item_id},
                )
            )
    return errors


def _tax_errors(settings: Settings) -> list[FieldError | None]:
    taxes = settings.taxes
    errors: list[FieldError | None] = []
    if taxes.untaxed_code and not ascii_digits(taxes.untaxed_code):
        errors.append(
            FieldError(
                "taxes.untaxed_code",
                "'{value}' is not a QuickBooks tax code Id; pick the code in the list.",
                {"value": taxes.untaxed_code},
            )
        )
    for flowfit_tax, code_id in taxes.mapping.items():
        if not flowfit_tax.strip():
            errors.append(
                FieldError("taxes.mapping", "A FlowFit tax code cannot be empty in the mapping.")
            )
        elif not ascii_digits(code_id):
            errors.append(
                FieldError(
                    "taxes.mapping",
                    "The FlowFit tax '{tax}' is mapped to '{value}', which is not a QuickBooks "
                    "tax code Id; pick the code again.",
                    {"tax": flowfit_tax, "value": code_id},
                )
            )
    return errors


def _template_errors(settings: Settings) -> list[FieldError | None]:
    errors: list[FieldError | None] = []
    for section, kind in (("invoices", DocumentKind.INVOICE), ("quotes", DocumentKind.QUOTE)):
        text = getattr(settings, section).description
        try:
            validate_for_kind(parse_template(text), kind)
        except TemplateError as error:
            errors.append(FieldError(f"{section}.description", "{reason}", {"reason": str(error)}))
    return errors
