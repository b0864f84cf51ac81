"""The profile folder: the one place where all of a user's state lives."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

PROFILE_ENV = "QBCONNECTOR_PROFILE"
APP_NAME = "qbconnector"
APP_AUTHOR = "Consoltec"


@dataclass(frozen=True)
class Profile:
    """Paths of every file qbconnector keeps, all under one folder."""

    root: Path
    source: str  # "--profile", "QBCONNECTOR_PROFILE" or "default": told to the user by `status`

    @property
    def settings_file(self) -> Path:
        return self.root / "settings.json"

    @property
    def vault_file(self) -> Path:
        return self.root / "secrets.json"

    @property
    def ledger_file(self) -> Path:
        return self.root / "ledger.sqlite3"

    @property
    def store_file(self) -> Path:
        return self.root / "documents.sqlite3"

    @property
    def token_state_file(self) -> Path:
        """Token lifetimes (never the tokens themselves)."""
        return self.root / "token-state.json"

    @property
    def token_lock_file(self) -> Path:
        return self.root / "token-refresh.lock"

    @property
    def log_dir(self) -> Path:
        return self.root / "logs"

    @property
    def ui_state_file(self) -> Path:
        return self.root / "window.ini"

    def ensure(self) -> Profile:
        """Create the folder (private to the user) and return self."""
        self.root.mkdir(parents=True, exist_ok=True)
        # The logs are a help, not a need: a `logs` that is a file is reported by try_logging.
        with contextlib.suppress(OSError):
            self.log_dir.mkdir(exist_ok=True)
        return self


def resolve_profile(cli_value: str | os.PathLike[str] | None = None) -> Profile:
    """--profile wins, then QBCONNECTOR_PROFILE, then platformdirs' per-user data folder."""
    if cli_value:
        return Profile(Path(cli_value).expanduser().absolute(), "--profile")
    env_value = os.environ.get(PROFILE_ENV)
    if env_value:
        return Profile(Path(env_value).expanduser().absolute(), PROFILE_ENV)
    dirs = PlatformDirs(APP_NAME, APP_AUTHOR)
    return Profile(Path(dirs.user_data_dir), "default")
