"""Point a profile at a running sandbox: the parameters and secrets `qbconnector sandbox` prints."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from qbconnector.core.documents import DocumentTax
from qbconnector.core.settings import Environment, Settings, TaxSettings
from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.ratelimit import Backoff, RateLimiter, RateLimits
from qbconnector.quickbooks.taxcodes import (
    parse_tax_codes,
    parse_tax_rates,
    suggest_code,
    suggest_untaxed_code,
)
from qbconnector.quickbooks.tokens import TokenManager
from qbconnector.storage.vault import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    MemoryVault,
    SecretStore,
)

if TYPE_CHECKING:  # the server module imports this one
    from qbconnector.sandbox.server import SandboxServer


def settings_for_sandbox(info: Mapping[str, Any], base: Settings | None = None) -> Settings:
    """``base`` (or defaults) with the Quickbooks server section aimed at the sandbox."""
    settings = base or Settings()
    return settings.with_section(
        "server",
        enabled=True,
        realm_id=str(info["realm_id"]),
        environment=Environment.CUSTOM,
        api_base_url=str(info["api_base_url"]),
        discovery_url=str(info["discovery_url"]),
        client_id=str(info["client_id"]),
    )


def store_sandbox_secrets(info: Mapping[str, Any], vault: SecretStore) -> None:
    """Put the sandbox's client secret and token pair in ``vault``."""
    vault.set(CLIENT_SECRET, str(info["client_secret"]))
    vault.set(REFRESH_TOKEN, str(info["refresh_token"]))
    vault.set(ACCESS_TOKEN, str(info["access_token"]))


def suggested_tax_settings(
    server_entities: Callable[[str], list[dict[str, Any]]],
    taxes: Iterable[DocumentTax],
    base: TaxSettings | None = None,
) -> TaxSettings:
    """Each FlowFit tax mapped to the sandbox company's code with the same rates, and the
    suggested code for untaxed lines: what accepting every suggestion of the Taxes tab saves."""
    rates = parse_tax_rates(server_entities("TaxRate"))
    codes = list(parse_tax_codes(server_entities("TaxCode"), rates).values())
    settings = base or TaxSettings()
    mapping = dict(settings.mapping)
    names = dict(settings.code_names)
    for tax in taxes:
        code = suggest_code(tax, codes)
        if code is not None:
            mapping[tax.code] = code.id
            names[code.id] = code.name
    untaxed = suggest_untaxed_code(codes)
    untaxed_id = untaxed.id if untaxed is not None else settings.untaxed_code
    if untaxed is not None:
        names[untaxed.id] = untaxed.name
    return replace(settings, mapping=mapping, untaxed_code=untaxed_id, code_names=names)


def client_for(server: SandboxServer, time_scale: float = 1.0) -> QuickBooksClient:
    """A real QuickBooks client on ``server`` with a fresh grant in memory (benchmarks, tools)."""
    vault = MemoryVault()
    grant = server.issue_tokens()
    vault.set(REFRESH_TOKEN, grant["refresh_token"])
    vault.set(ACCESS_TOKEN, grant["access_token"])
    oauth = OAuthSettings(server.client_id, server.client_secret, server.discovery_url)
    tokens = TokenManager(vault, oauth, lock_file=None, state_file=None)
    config = ClientConfig(server.realm_id, "custom", server.api_base_url,
                          backoff=Backoff().time_scaled(time_scale))  # fmt: skip
    return QuickBooksClient(config, tokens, RateLimiter(RateLimits().time_scaled(time_scale)))
