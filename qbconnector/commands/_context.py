"""What most commands need: the profile's settings and vault, opened once."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from qbconnector.core.logs import try_logging
from qbconnector.core.settings import Settings
from qbconnector.storage.profile import Profile
from qbconnector.storage.settings_file import SettingsFile
from qbconnector.storage.vault import OpenedVault, open_vault


@dataclass
class CommandContext:
    """The opened pieces of one profile, for one command."""

    profile: Profile
    settings_file: SettingsFile
    settings: Settings
    vault: OpenedVault


def open_context(
    profile: Profile, *, quiet: bool = False, tell_vault: bool = False
) -> CommandContext:
    """Open settings and vault; tell the user (on stderr) anything they must know.

    Where the secrets are kept is said by the commands that write them (``tell_vault``) and by
    `status`, not on every scheduled sync.
    """
    profile.ensure()
    log_warning = try_logging(profile.log_dir)
    settings_file = SettingsFile(profile.settings_file)
    loaded = settings_file.load()
    vault = open_vault(profile)
    if log_warning:
        print(f"qbconnector: warning: {log_warning}", file=sys.stderr)
    # A damaged settings file is told even to --json readers (on stderr, so the JSON stays clean).
    for warning in loaded.warnings:
        print(f"qbconnector: warning: {warning}", file=sys.stderr)
    if not quiet and vault.warning and tell_vault:
        print(f"qbconnector: note: {vault.warning}", file=sys.stderr)
    return CommandContext(profile, settings_file, loaded.settings, vault)
