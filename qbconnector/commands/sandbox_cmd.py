"""`qbconnector sandbox`: run the local QuickBooks Online sandbox until SIGINT/SIGTERM."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import FrameType

from qbconnector.core.errors import ExitCode
from qbconnector.sandbox.faults import FaultSettings, parse_fault_specs
from qbconnector.sandbox.server import (
    CompanySeed,
    SandboxConfig,
    SandboxServer,
    dump_connection_info,
    is_loopback,
)
from qbconnector.storage.profile import Profile

HELP = "run a local QuickBooks Online sandbox (prints one JSON line, serves until stopped)"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="loopback address (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--realm", default=None, help="realm (company) id")
    parser.add_argument("--state", metavar="FILE", help="JSON state file: loaded, saved on writes")
    parser.add_argument(
        "--save-interval", type=float, default=0.0, help="seconds between saves (0: every write)"
    )
    parser.add_argument(
        "--time-scale", type=float, default=1.0, help="simulated seconds per real second (limits)"
    )
    parser.add_argument("--no-limits", action="store_true", help="switch the rate limits off")
    parser.add_argument(
        "--fault",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="drop, reset, error500, error503, expire (rates 0..1), latency (ms), seed",
    )
    parser.add_argument("--seed", type=int, default=0, help="random seed of the faults")
    parser.add_argument("--access-token-lifetime", type=int, default=3600, help="seconds")
    parser.add_argument(
        "--refresh-grace", type=float, default=0.0, help="seconds a rotated refresh token lives on"
    )
    parser.add_argument("--company-name", default=CompanySeed.company_name)
    parser.add_argument(
        "--country", default=CompanySeed.country, help="CA or US (each seeds its tax codes)"
    )
    parser.add_argument(
        "--us-sales-tax-rate",
        type=_percent,
        default=None,
        metavar="PERCENT",
        help="US only: automated sales tax at this rate (TaxPrefs.PartnerTaxEnabled true)",
    )
    parser.add_argument("--currency", default=CompanySeed.home_currency, help="home currency")
    parser.add_argument("--multicurrency", action="store_true")
    parser.add_argument("--customers", nargs="*", default=[], help="customer names to seed")
    parser.add_argument(
        "--flowfit-documents",
        metavar="FILE",
        help="serve the FlowFit API stand-in at API_BASE_URL/flowfit from this JSON file",
    )
    parser.add_argument("--flowfit-sync-number", default="1001", metavar="NUMBER")


def _percent(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite() or not Decimal(0) <= value < 100:
        raise argparse.ArgumentTypeError(f"a percent from 0 to 100 is expected, not {text!r}")
    return value


def run(args: argparse.Namespace, profile: Profile) -> int:
    if not is_loopback(args.host):
        print(
            f"qbconnector sandbox: refusing to bind {args.host!r}: the sandbox has no real "
            "security and only listens on loopback (127.0.0.1, ::1 or localhost)",
            file=sys.stderr,
        )
        return int(ExitCode.BAD_INPUT)
    try:
        faults = FaultSettings(seed=args.seed).updated(parse_fault_specs(args.fault))
    except ValueError as error:
        print(f"qbconnector sandbox: {error}", file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    config = SandboxConfig(
        host=args.host,
        port=args.port,
        time_scale=args.time_scale,
        limits=not args.no_limits,
        faults=faults,
        state_file=Path(args.state) if args.state else None,
        seed=CompanySeed(
            company_name=args.company_name,
            country=args.country,
            home_currency=args.currency.upper(),
            multicurrency=args.multicurrency,
            us_sales_tax_rate=args.us_sales_tax_rate,
            customers=list(args.customers),
        ),
        save_interval=args.save_interval,
        access_token_lifetime=args.access_token_lifetime,
        refresh_grace=args.refresh_grace,
        flowfit_documents=args.flowfit_documents,
        flowfit_sync_number=args.flowfit_sync_number,
    )
    if args.realm:
        config.realm_id = args.realm
    try:
        server = SandboxServer(config)
    except (ValueError, OSError) as error:
        print(f"qbconnector sandbox: {error}", file=sys.stderr)
        return int(ExitCode.BAD_INPUT)
    return _serve(server)


def _serve(server: SandboxServer) -> int:
    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.start()
        print(dump_connection_info(server.connection_info()), flush=True)
        stop.wait()
    finally:
        server.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return int(ExitCode.OK)
