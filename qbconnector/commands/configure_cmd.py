"""`qbconnector configure`: set any parameter non-interactively, validated like the window."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from qbconnector.commands import _tax_options
from qbconnector.commands._configure_checks import PendingSecrets, check_item_ids, resolve_service
from qbconnector.commands._context import open_context
from qbconnector.commands._show import describe_settings
from qbconnector.core.errors import BadInputError, QbConnectorError
from qbconnector.core.settings import Environment, PostingMode, Settings
from qbconnector.core.validation import clean_token, validate_settings
from qbconnector.storage import vault as vault_names
from qbconnector.storage.profile import Profile
from qbconnector.storage.save_all import save_all
from qbconnector.storage.settings_file import SettingsInvalidError

HELP = "set parameters (same validation as the window); secrets go to the vault"

# option dest -> (section, field)
PLAIN_OPTIONS: dict[str, tuple[str, str]] = {
    "realm_id": ("server", "realm_id"),
    "client_id": ("server", "client_id"),
    "api_base_url": ("server", "api_base_url"),
    "discovery_url": ("server", "discovery_url"),
    "redirect_uri": ("server", "redirect_uri"),
    "flowfit_api_url": ("flowfit", "api_url"),
    "customer_sync_number": ("sync", "customer_sync_number"),
    "invoice_description": ("invoices", "description"),
    "quote_description": ("quotes", "description"),
    "auto_sync_minutes": ("sync", "auto_sync_minutes"),
}
SECRET_OPTIONS: dict[str, str] = {
    "access_token": vault_names.ACCESS_TOKEN,
    "refresh_token": vault_names.REFRESH_TOKEN,
    "client_secret": vault_names.CLIENT_SECRET,
}
SWITCHES = {"on": True, "off": False}


def register(parser: argparse.ArgumentParser) -> None:
    server = parser.add_argument_group("Quickbooks server")
    enabled = server.add_mutually_exclusive_group()
    enabled.add_argument("--enabled", dest="enabled", action="store_const", const=True)
    enabled.add_argument("--disabled", dest="enabled", action="store_const", const=False)
    server.add_argument("--realm-id", metavar="DIGITS")
    secret_help = "the value, or - to read it from standard input (keeps it out of `ps`)"
    server.add_argument("--access-token", metavar="TOKEN", help=secret_help)
    server.add_argument("--refresh-token", metavar="TOKEN", help=secret_help)
    server.add_argument("--client-id", metavar="ID")
    server.add_argument("--client-secret", metavar="SECRET", help=secret_help)
    server.add_argument("--environment", choices=[e.value for e in Environment])
    server.add_argument("--api-base-url", metavar="URL", help="custom environment only")
    server.add_argument("--discovery-url", metavar="URL", help="custom environment only")
    server.add_argument(
        "--redirect-uri",
        metavar="URI",
        help="the app's redirect URI for connect (registered at Intuit)",
    )
    parser.add_argument("--flowfit-api-url", metavar="URL", help="empty: local document store")
    parser.add_argument("--customer-sync-number", metavar="NUMBER")
    parser.add_argument("--invoice-description", metavar="TEMPLATE")
    parser.add_argument("--quote-description", metavar="TEMPLATE")
    parser.add_argument("--auto-sync-invoices", choices=list(SWITCHES))
    parser.add_argument("--auto-sync-quotes", choices=list(SWITCHES))
    parser.add_argument("--auto-sync-minutes", type=_whole_number, metavar="MINUTES")
    parser.add_argument("--posting-mode", choices=[m.value for m in PostingMode])
    parser.add_argument("--service", metavar="ID_OR_NAME", help="QuickBooks service item")
    parser.add_argument(
        "--map-service",
        action="append",
        default=[],
        metavar="FLOWFIT=ITEM_ID",
        help="itemized mode: post a FlowFit service to a QuickBooks item (repeatable)",
    )
    _tax_options.register(parser)


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None


def run(args: argparse.Namespace, profile: Profile) -> int:
    """All or nothing: every option and look-up is checked first, then everything is written."""
    context = open_context(profile, tell_vault=True)
    secrets = _read_secrets(args)
    context.vault.store.get(vault_names.REFRESH_TOKEN)  # a damaged vault stops us here
    settings = apply_options(context.settings, args)
    errors = validate_settings(settings)
    if errors:
        raise SettingsInvalidError(errors)
    try:
        pending = PendingSecrets(context.vault.store, secrets)
        settings = _look_up(args, profile, settings, pending)
        # Tax codes are looked up like services: with the parameters as they will be saved.
        settings = _tax_options.apply_tax_options(settings, args, profile, pending)
    except QbConnectorError as error:
        print(f"qbconnector: {error}\nqbconnector: nothing was saved.", file=sys.stderr)
        return int(error.exit_code)
    save_all(context.settings_file, context.vault.store, settings, secrets)
    print(describe_settings(settings, context.vault))
    return 0


def _look_up(
    args: argparse.Namespace, profile: Profile, settings: Settings, store: PendingSecrets
) -> Settings:
    """The settings with a service given by name resolved; given item Ids checked."""
    service = args.service.strip() if args.service is not None else ""
    if service and not service.isdigit():
        # A name is looked up in QuickBooks with the parameters as they will be saved.
        item = resolve_service(profile, settings, store, service)
        return settings.with_section("services", service_id=item.id, service_name=item.name)
    check_item_ids(profile, settings, store, _given_ids(args, service))
    return settings


def _given_ids(args: argparse.Namespace, service: str) -> list[tuple[str, str]]:
    given = [("--service ", service)] if service else []
    for pair in args.map_service:
        flowfit_service, _, item_id = pair.partition("=")
        given.append((f"--map-service {flowfit_service.strip()}=", item_id.strip()))
    return given


def apply_options(settings: Settings, args: argparse.Namespace) -> Settings:
    """The settings with every given option applied (not yet validated)."""
    if args.enabled is not None:
        settings = settings.with_section("server", enabled=args.enabled)
    if args.environment:
        settings = settings.with_section("server", environment=Environment(args.environment))
    for dest, (section, name) in PLAIN_OPTIONS.items():
        value: Any = getattr(args, dest)
        if value is not None:
            settings = settings.with_section(section, **{name: _strip(value)})
    if args.auto_sync_invoices:
        settings = settings.with_section("invoices", auto_sync=SWITCHES[args.auto_sync_invoices])
    if args.auto_sync_quotes:
        settings = settings.with_section("quotes", auto_sync=SWITCHES[args.auto_sync_quotes])
    if args.posting_mode:
        settings = settings.with_section("sync", posting_mode=PostingMode(args.posting_mode))
    if args.service is not None:
        settings = _apply_service(settings, args.service.strip())
    if args.map_service:
        settings = _apply_mapping(settings, args.map_service)
    return settings


def _strip(value: Any) -> Any:
    return value.strip() if isinstance(value, str) else value


def _apply_service(settings: Settings, value: str) -> Settings:
    if not value:
        return settings.with_section("services", service_id="", service_name="")
    if value.isdigit():
        return settings.with_section("services", service_id=value, service_name="")
    return settings  # a name: looked up in QuickBooks once the connection is saved


def _apply_mapping(settings: Settings, pairs: list[str]) -> Settings:
    mapping = dict(settings.services.mapping)
    for pair in pairs:
        flowfit_service, separator, item_id = pair.partition("=")
        if not separator or not flowfit_service.strip():
            raise BadInputError(
                f"--map-service '{pair}': write it as FLOWFIT_SERVICE=ITEM_ID, "
                "e.g. --map-service Translation=7"
            )
        if item_id.strip():
            mapping[flowfit_service.strip()] = item_id.strip()
        else:
            mapping.pop(flowfit_service.strip(), None)  # FLOWFIT= removes a mapping
    return settings.with_section("services", mapping=mapping)


def _read_secrets(args: argparse.Namespace) -> dict[str, str]:
    secrets: dict[str, str] = {}
    for dest, name in SECRET_OPTIONS.items():
        raw = getattr(args, dest)
        if raw is None:
            continue
        if raw == "-":
            raw = _read_stdin("--" + dest.replace("_", "-"))
        value, error = clean_token(raw)
        if error is not None:
            option = "--" + dest.replace("_", "-")
            raise BadInputError(f"{option}: {error.message}")
        if not value:
            raise BadInputError(f"--{dest.replace('_', '-')} is empty; paste the whole value")
        secrets[name] = value
    return secrets


def _read_stdin(option: str) -> str:
    if sys.stdin is None:  # started with standard input closed (`<&-`, a service)
        raise BadInputError(f"{option} -: there is no standard input to read the value from")
    try:
        return sys.stdin.readline()
    except (UnicodeDecodeError, OSError, ValueError) as error:
        raise BadInputError(
            f"{option} -: standard input could not be read as text ({type(error).__name__}); "
            "give the value as UTF-8 text on one line"
        ) from None
