"""The typed, versioned parameters of the six sections of FlowFit's QuickBooks page."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field, replace
from typing import Any

SCHEMA_VERSION = 2
DEFAULT_INVOICE_TEMPLATE = "Invoice #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE%"
DEFAULT_QUOTE_TEMPLATE = "Quote #%DOCUMENT_NUMBER% - %PROJECT_NUMBER% - %CLIENT_CODE%"
DEFAULT_AUTO_SYNC_MINUTES = 15


class Environment(enum.StrEnum):
    """Which QuickBooks Online the connector talks to."""

    SANDBOX = "sandbox"
    PRODUCTION = "production"
    CUSTOM = "custom"


class PostingMode(enum.StrEnum):
    """Summary: one line with the subtotal. Itemized: one line per FlowFit line."""

    SUMMARY = "summary"
    ITEMIZED = "itemized"


@dataclass(frozen=True)
class ServerSettings:
    """Quickbooks server section; the tokens and client secret live in the vault."""

    enabled: bool = False
    realm_id: str = ""
    environment: Environment = Environment.SANDBOX
    api_base_url: str = ""  # custom environment only
    discovery_url: str = ""  # custom environment only
    client_id: str = ""
    redirect_uri: str = ""  # empty: the OAuth Playground's, which Intuit registers for every app


@dataclass(frozen=True)
class FlowFitSettings:
    """FlowFit/Quickbooks section: empty API URL means the local document store."""

    api_url: str = ""


@dataclass(frozen=True)
class DocumentSettings:
    """Client invoices or Client quotes section."""

    description: str = DEFAULT_INVOICE_TEMPLATE
    auto_sync: bool = False


@dataclass(frozen=True)
class SyncSettings:
    """Synchronization section."""

    customer_sync_number: str = ""
    posting_mode: PostingMode = PostingMode.SUMMARY
    auto_sync_minutes: int = DEFAULT_AUTO_SYNC_MINUTES


@dataclass(frozen=True)
class ServiceSettings:
    """Quickbooks services section: the selected Item and the itemized-mode mapping."""

    service_id: str = ""
    service_name: str = ""
    # FlowFit service name -> QuickBooks Item Id (itemized mode; unmapped lines use service_id)
    mapping: dict[str, str] = field(default_factory=dict)


class TaxAmounts(enum.StrEnum):
    """Whose tax amounts QuickBooks keeps: FlowFit's (sent as an override) or its own."""

    FLOWFIT = "flowfit"
    QUICKBOOKS = "quickbooks"


@dataclass(frozen=True)
class TaxSettings:
    """Taxes tab: FlowFit tax code -> QuickBooks TaxCode Id, the code for untaxed lines."""

    mapping: dict[str, str] = field(default_factory=dict)
    untaxed_code: str = ""  # QuickBooks TaxCode Id put on lines no tax applies to
    amounts: TaxAmounts = TaxAmounts.FLOWFIT
    # QuickBooks TaxCode Id -> its name when saved, so status and the tab can say it offline
    code_names: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Settings:
    """All parameters, as saved in settings.json (never any secret)."""

    server: ServerSettings = field(default_factory=ServerSettings)
    flowfit: FlowFitSettings = field(default_factory=FlowFitSettings)
    invoices: DocumentSettings = field(default_factory=DocumentSettings)
    quotes: DocumentSettings = field(
        default_factory=lambda: DocumentSettings(description=DEFAULT_QUOTE_TEMPLATE)
    )
    sync: SyncSettings = field(default_factory=SyncSettings)
    services: ServiceSettings = field(default_factory=ServiceSettings)
    taxes: TaxSettings = field(default_factory=TaxSettings)

    def with_section(self, name: str, **changes: Any) -> Settings:
        """A copy with some fields of one section changed."""
        return replace(self, **{name: replace(getattr(self, name), **changes)})


SECTIONS: dict[str, type[Any]] = {
    "server": ServerSettings,
    "flowfit": FlowFitSettings,
    "invoices": DocumentSettings,
    "quotes": DocumentSettings,
    "sync": SyncSettings,
    "services": ServiceSettings,
    "taxes": TaxSettings,
}
