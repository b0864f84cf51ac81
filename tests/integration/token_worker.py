"""A separate process sharing one profile's vault and token lock (driven by test_tokens_processes).

Prints "ready" once its tokens are loaded, waits for a line on stdin, then either makes one API
call with an access token the test has expired (mode "401") or refreshes ``rounds`` times (mode
"force"), and prints a JSON report. The client secret comes in QB_CLIENT_SECRET, not argv.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from qbconnector.quickbooks.client import ClientConfig, QuickBooksClient
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.quickbooks.oauth import OAuthSettings
from qbconnector.quickbooks.tokens import TokenManager
from tests.integration.client_helpers import FileVault


def main() -> int:
    parser = argparse.ArgumentParser()
    for name in ("profile", "client-id", "discovery", "api", "realm", "mode"):
        parser.add_argument(f"--{name}", required=True)
    parser.add_argument("--rounds", type=int, default=1)
    args = parser.parse_args()
    profile = Path(args.profile)
    settings = OAuthSettings(args.client_id, os.environ["QB_CLIENT_SECRET"], args.discovery)
    manager = TokenManager(
        FileVault(profile / "vault.json"),
        settings,
        lock_file=profile / "token-refresh.lock",
        state_file=profile / "token-state.json",
    )
    client = QuickBooksClient(
        ClientConfig(args.realm, environment="custom", base_url=args.api), manager
    )
    manager.access_token()
    print("ready", flush=True)
    sys.stdin.readline()
    try:
        if args.mode == "401":
            client.company_info()
        else:
            for _ in range(args.rounds):
                manager.refresh_now()
    except QuickBooksError as failure:
        print(json.dumps({"error": type(failure).__name__, "message": str(failure)}))
        return 1
    finally:
        client.close()
    print(json.dumps({"refreshes": manager.refresh_count}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
