"""One pull for a profile: open the QuickBooks client as a sync does, pull, close (any thread)."""

from __future__ import annotations

import logging

from qbconnector.core.settings import Settings
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import REFRESH_TOKEN, SecretStore
from qbconnector.sync.connection import Pace, open_client
from qbconnector.sync.pull import PullResult, pull
from qbconnector.sync.sources import open_source

log = logging.getLogger(__name__)


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
            result = pull(client, ledger)
    finally:
        client.close()
    try:
        tell_flowfit(profile, settings, result)
    except Exception as error:  # noqa: BLE001 - the ledger holds the states; the next change is told
        log.warning("FlowFit was not told the pulled states: %s", type(error).__name__)
    return result


def tell_flowfit(profile: Profile, settings: Settings, result: PullResult) -> None:
    """The FlowFit API learns the new states (paid, accepted, ...); the local store keeps none."""
    if not settings.flowfit.api_url or not result.changed_keys:
        return
    source = open_source(profile, settings)
    try:
        source.report_pulled(result.changed_rows)
    finally:
        source.close()


def pull_if_connected(
    profile: Profile, settings: Settings, vault: SecretStore, pace: Pace | None = None
) -> PullResult | None:
    """The pull the window makes when it opens: None, silently, when it is not connected."""
    if not connected(settings, vault):
        return None
    return pull_profile(profile, settings, vault, pace)
