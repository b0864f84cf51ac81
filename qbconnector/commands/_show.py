"""Human-readable views of the parameters, with every secret masked."""

from __future__ import annotations

from typing import Any

from qbconnector.core.redact import mask
from qbconnector.core.settings import PostingMode, Settings
from qbconnector.core.template import FieldLimit, TemplateError, parse_template
from qbconnector.storage import vault as vault_names
from qbconnector.storage.vault import OpenedVault

SECRET_LABELS = {
    vault_names.ACCESS_TOKEN: "Access token",
    vault_names.REFRESH_TOKEN: "Refresh token",
    vault_names.CLIENT_SECRET: "Client secret",
}


def settings_summary(settings: Settings, vault: OpenedVault) -> dict[str, Any]:
    """The parameters as nested dicts, secrets replaced by their masked form."""
    server = settings.server
    return {
        "Quickbooks server": {
            "Enabled": "yes" if server.enabled else "no",
            "Realm ID": server.realm_id or "(not set)",
            "Environment": server.environment.value,
            **(
                {"API base URL": server.api_base_url, "Discovery URL": server.discovery_url}
                if server.environment.value == "custom"
                else {}
            ),
            "Client ID": server.client_id or "(not set)",
            "Redirect URI": server.redirect_uri or "(not set: the OAuth Playground's)",
            **{label: mask(vault.store.get(name)) for name, label in SECRET_LABELS.items()},
            "Secrets stored in": vault.description,
        },
        "FlowFit/Quickbooks": {
            "API URL": settings.flowfit.api_url or "(not set: local document store)"
        },
        "Client invoices": {
            "Description": settings.invoices.description,
            "Longest possible description": _longest(settings, settings.invoices.description),
            "Automatic sync. approved invoice": "on" if settings.invoices.auto_sync else "off",
        },
        "Client quotes": {
            "Description": settings.quotes.description,
            "Longest possible description": _longest(settings, settings.quotes.description),
            "Automatic sync. approved quote": "on" if settings.quotes.auto_sync else "off",
        },
        "Synchronization": {
            "Customer sync. number": settings.sync.customer_sync_number or "(not set)",
            "Posting mode": settings.sync.posting_mode.value,
            "Automatic sync interval (minutes)": settings.sync.auto_sync_minutes,
        },
        "Quickbooks services": {
            "Service": _service_text(settings),
            "Service mapping": dict(settings.services.mapping) or "(none)",
        },
        "Taxes": _tax_block(settings),
    }


def _tax_block(settings: Settings) -> dict[str, Any]:
    taxes = settings.taxes

    def code(code_id: str) -> str:
        name = taxes.code_names.get(code_id)
        return f"#{code_id} {name}" if name else f"#{code_id}"

    return {
        "Tax mapping": {tax: code(code_id) for tax, code_id in sorted(taxes.mapping.items())}
        or "(none)",
        "Code for untaxed lines": code(taxes.untaxed_code) if taxes.untaxed_code else "(not set)",
        "Tax amounts": taxes.amounts.value,
    }


def _longest(settings: Settings, text: str) -> str:
    """The template's longest possible rendering against the field it fills."""
    try:
        longest = parse_template(text).longest_rendering()
    except TemplateError as error:
        return f"(the template does not parse: {error})"
    itemized = settings.sync.posting_mode is PostingMode.ITEMIZED
    limit = FieldLimit.CUSTOMER_MEMO if itemized else FieldLimit.LINE_DESCRIPTION
    field = "customer memo" if itemized else "line description"
    warning = " — may be cut: shorten the template" if longest > limit else ""
    return f"{longest} of {int(limit)} characters ({field}){warning}"


def _service_text(settings: Settings) -> str:
    services = settings.services
    if not services.service_id:
        return "(not selected)"
    name = f" {services.service_name}" if services.service_name else ""
    return f"#{services.service_id}{name}"


def format_blocks(blocks: dict[str, dict[str, Any]]) -> str:
    """Titled blocks of ``label: value`` lines (underscores in labels read as spaces)."""
    lines: list[str] = []
    for title, values in blocks.items():
        lines.append(title)
        lines += [f"  {label.replace('_', ' ')}: {value}" for label, value in values.items()]
    return "\n".join(lines)


def describe_settings(settings: Settings, vault: OpenedVault) -> str:
    """The parameters as indented text, one section per block."""
    return format_blocks(settings_summary(settings, vault))
