"""One pull for a profile: open the QuickBooks client as a sync does, pull, close (any thread)."""

from __future__ import annotations

from qbconnector.core.settings import Settings
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import REFRESH_TOKEN, SecretStore
from qbconnector.sync.connection import Pace, open_client
from qbconnector.sync.pull import PullResult, pull


def connected(settings: Settings, vault: SecretStore) -> bool:
    """Whether a pull can be tried at all: the connection is on, has a company and a grant."""
    server = settings.server
    return bool(server.enabled and server.realm_id and vault.get(REFRESH_TOKEN))


def pull_profile(
    profile: Profile, settings: Settings, vault: SecretStore, pace: Pace | None = None
) -> PullResult:
    """Read back from QuickBooks what became of every pushed document; blocks."""
    client = open_client(profile, settings, vault, pace)
    try:
        with Ledger.open(profile.ledger_file) as ledger:
            return pull(client, ledger)
    finally:
        client.close()


def pull_if_connected(
    profile: Profile, settings: Settings, vault: SecretStore, pace: Pace | None = None
) -> PullResult | None:
    """The pull the window makes when it opens: None, silently, when it is not connected."""
    if not connected(settings, vault):
        return None
    return pull_profile(profile, settings, vault, pace)
