"""`qbconnector status`: which profile is used and the state of the connector."""

from __future__ import annotations

import argparse
import json
from typing import Any

from qbconnector import __version__
from qbconnector.commands._context import open_context
from qbconnector.commands._show import settings_summary
from qbconnector.storage.profile import Profile

HELP = "show the profile folder, the parameters (secrets masked) and the connector's state"


def register(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print one JSON object")


def collect_status(profile: Profile) -> dict[str, Any]:
    """Everything `status` reports, as plain data."""
    context = open_context(profile, quiet=True)
    return {
        "version": __version__,
        "profile": {"folder": str(profile.root), "chosen_by": profile.source},
        "vault": {
            "stored_in": context.vault.description,
            "encrypted": context.vault.encrypted,
            "warning": context.vault.warning,
        },
        "parameters": settings_summary(context.settings, context.vault),
    }


def run(args: argparse.Namespace, profile: Profile) -> int:
    status = collect_status(profile)
    if args.json:
        print(json.dumps(status, indent=2, ensure_ascii=False))
        return 0
    print(f"qbconnector {status['version']}")
    folder = status["profile"]
    print(f"Profile folder: {folder['folder']} (chosen by {folder['chosen_by']})")
    vault = status["vault"]
    print(f"Secrets stored in: {vault['stored_in']}")
    if vault["warning"]:
        print(f"  note: {vault['warning']}")
    for section, values in status["parameters"].items():
        print(section)
        for label, value in values.items():
            print(f"  {label}: {value}")
    return 0
