"""`qbconnector disconnect`: revoke the grant at Intuit and remove the tokens from the vault."""

from __future__ import annotations

import argparse
import sys

from qbconnector.commands._context import open_context
from qbconnector.connect_service import ConnectService
from qbconnector.storage.profile import Profile

HELP = "revoke the QuickBooks refresh token and remove the tokens from the vault"


def register(parser: argparse.ArgumentParser) -> None:
    del parser  # no options


def run(args: argparse.Namespace, profile: Profile) -> int:
    context = open_context(profile)
    outcome = ConnectService(profile, context.settings_file, context.vault.store).disconnect()
    if not outcome.had_tokens:
        print("No QuickBooks tokens were saved; nothing to disconnect.")
    elif outcome.revoked:
        print("Disconnected: QuickBooks revoked the refresh token and the tokens were removed.")
    else:
        print("Disconnected: the tokens were removed from this computer.")
        print(
            "qbconnector: warning: the revoke could not be sent to QuickBooks (offline or "
            "refused); the app stays authorized in QuickBooks until you disconnect it there "
            "(Settings > Apps) or the token expires.",
            file=sys.stderr,
        )
    return 0
