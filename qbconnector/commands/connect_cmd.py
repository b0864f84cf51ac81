"""`qbconnector connect`: the OAuth authorization-code flow, in the browser or by pasting."""

from __future__ import annotations

import argparse
import sys
import webbrowser

from qbconnector.commands._context import open_context
from qbconnector.connect_service import ConnectService
from qbconnector.core.errors import BadInputError
from qbconnector.quickbooks.connect import DEFAULT_TIMEOUT
from qbconnector.quickbooks.connect_errors import missing_code
from qbconnector.storage.profile import Profile

HELP = "connect to a QuickBooks company (OAuth in the browser); saves the tokens and realm ID"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--redirect-uri",
        metavar="URI",
        help="the app's redirect URI for this run (default: the saved one, see configure)",
    )
    parser.add_argument(
        "--no-browser",
        action="store_true",
        help="print the authorization URL alone on one line of standard output; open nothing",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"loopback redirect: how long to wait for the browser (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--switch-company",
        action="store_true",
        help="accept a consent for another company than the saved realm ID",
    )


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number of seconds") from None
    if seconds <= 0:
        raise argparse.ArgumentTypeError("the timeout is a number of seconds above 0")
    return seconds


def run(args: argparse.Namespace, profile: Profile) -> int:
    context = open_context(profile, tell_vault=True)
    service = ConnectService(profile, context.settings_file, context.vault.store)
    attempt = service.begin(args.redirect_uri)
    try:
        if args.no_browser:
            print(attempt.url, flush=True)  # alone on its line: scripts read it from here
        else:
            _open_browser(attempt.url)
        if attempt.loopback:
            if not args.no_browser:
                print(
                    f"qbconnector: waiting up to {args.timeout:g} s for the browser...",
                    file=sys.stderr,
                )
            url = attempt.wait_for_redirect(args.timeout)
        else:
            if not args.no_browser:
                print(
                    "qbconnector: approve the connection, then paste here the whole address the "
                    "browser shows:",
                    file=sys.stderr,
                    flush=True,
                )
            url = sys.stdin.readline().strip()
            if not url:
                raise missing_code()
        redirect = attempt.parse(url)
    except BaseException:
        attempt.close()
        raise
    outcome = service.complete(attempt, redirect, allow_switch=args.switch_company)
    name = outcome.company_name or "(name not read)"
    print(f"Connected to {name}, realm ID {outcome.realm_id} ({outcome.environment.value}).")
    if outcome.switched:
        print("qbconnector: note: this profile now follows another company.", file=sys.stderr)
    return 0


def _open_browser(url: str) -> None:
    if not webbrowser.open(url):
        raise BadInputError(
            "No browser could be opened here; run qbconnector connect --no-browser and open "
            "the address it prints on any computer."
        )
