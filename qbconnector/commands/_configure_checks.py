"""`configure`'s look-ups, done before anything is written so that a failure changes nothing."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from qbconnector.connection_checks import ServiceItem, list_service_items
from qbconnector.core.errors import BadInputError, ExitCode, QbConnectorError
from qbconnector.core.settings import Settings
from qbconnector.storage import vault as vault_names
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import SecretStore


class PendingSecrets:
    """The vault as it will be once the new secrets are saved, without saving them yet.

    A token QuickBooks rotates during a look-up is written through at once: the old refresh
    token may no longer work, so losing the new one would break the connection.
    """

    def __init__(self, vault: SecretStore, pending: dict[str, str]) -> None:
        self._vault = vault
        self._pending = dict(pending)

    def get(self, name: str) -> str | None:
        return self._pending[name] if name in self._pending else self._vault.get(name)

    def set(self, name: str, value: str) -> None:
        self._vault.set(name, value)
        self._pending.pop(name, None)

    def delete(self, name: str) -> None:
        self._vault.delete(name)
        self._pending.pop(name, None)

    def __repr__(self) -> str:
        return f"PendingSecrets(names={sorted(self._pending)})"


def can_ask(settings: Settings, store: SecretStore) -> bool:
    """Whether the parameters are complete enough to ask QuickBooks at all."""
    server = settings.server
    return bool(
        server.realm_id
        and server.client_id
        and store.get(vault_names.CLIENT_SECRET)
        and store.get(vault_names.REFRESH_TOKEN)
    )


def resolve_service(
    profile: Profile, settings: Settings, store: SecretStore, name: str
) -> ServiceItem:
    """The active service called ``name`` (any case); BadInputError listing them otherwise."""
    items = list_service_items(profile, settings, store)
    active = [item for item in items if item.active]
    for item in active:
        if item.name.casefold() == name.casefold():
            return item
    raise BadInputError(
        f"--service '{name}': QuickBooks has no active service with that name. "
        f"Its services are: {_known(active)}."
    )


def check_item_ids(
    profile: Profile, settings: Settings, store: SecretStore, given: Iterable[tuple[str, str]]
) -> None:
    """Refuse item Ids QuickBooks does not have, or has made inactive.

    ``given`` pairs the option (``--service``, ``--map-service DTP=``) with the Id. When
    QuickBooks cannot be asked, the Ids are saved with a note: they are checked at sync.
    """
    wanted = [(option, item_id) for option, item_id in given if item_id]
    if not wanted:
        return
    if not can_ask(settings, store):
        return
    try:
        items = {item.id: item for item in list_service_items(profile, settings, store)}
    except QbConnectorError as error:
        if error.exit_code is not ExitCode.UNREACHABLE:
            raise  # QuickBooks answered, and refused: the parameters are wrong
        print(
            f"qbconnector: note: the item Ids were not checked with QuickBooks ({error}); "
            "they are checked when documents are synchronized.",
            file=sys.stderr,
        )
        return
    active = [item for item in items.values() if item.active]
    for option, item_id in wanted:
        item = items.get(item_id)
        if item is None:
            raise BadInputError(
                f"{option}{item_id}: QuickBooks has no service with the Id {item_id}. "
                f"Its services are: {_known(active)}."
            )
        if not item.active:
            raise BadInputError(
                f"{option}{item_id}: the QuickBooks service {item.name} (#{item_id}) is "
                "inactive; make it active in QuickBooks or choose another."
            )


def _known(active: list[ServiceItem]) -> str:
    return ", ".join(f"{item.name} (#{item.id})" for item in active) or "none"
