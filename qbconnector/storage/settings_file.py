"""settings.json in the profile: validated before writing, written atomically, never lost."""

from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Settings
from qbconnector.core.settings_codec import (
    SettingsVersionError,
    settings_from_dict,
    settings_to_dict,
)
from qbconnector.core.validation import FieldError, validate_settings
from qbconnector.storage.atomic import atomic_write_bytes, atomic_write_text, sweep_temp_files
from qbconnector.storage.readsafe import read_small_file


class SettingsTooNewError(SettingsVersionError, BadInputError):
    """settings.json was written by a newer qbconnector: left as it is, the command stops."""


class SettingsInvalidError(BadInputError):
    """Settings that fail validation; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("the parameters were not saved:\n" + "\n".join(f"  {e}" for e in errors))


@dataclass
class LoadedSettings:
    """Settings as loaded, with what the user must be told about the file."""

    settings: Settings
    warnings: list[str] = field(default_factory=list)
    moved_aside: Path | None = None


class SettingsFile:
    """Reads and writes one profile's settings.json."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> LoadedSettings:
        """The saved settings; a corrupt file is moved aside (kept) and defaults are used."""
        sweep_temp_files(self.path)
        try:
            raw = read_small_file(self.path)
            # -sig: a file saved again by Notepad starts with a BOM; it is still our file.
            text = raw.decode("utf-8-sig")
        except FileNotFoundError:
            if self.path.is_symlink():
                return self._set_aside("it is a link to a file that does not exist")
            return LoadedSettings(Settings())
        except (OSError, UnicodeDecodeError) as error:
            return self._set_aside(f"it could not be read ({_reason(error)})")
        try:
            data = json.loads(text)
            if not isinstance(data, dict):
                raise ValueError("the file does not hold a JSON object")
            settings, warnings = settings_from_dict(data)
            settings = _invalid_fields_to_defaults(settings, warnings)
        except SettingsVersionError as error:
            raise SettingsTooNewError(
                f"{self.path}: {error}. The file was left as it is; "
                "or choose another profile with --profile."
            ) from None
        except RecursionError:
            return self._set_aside("it is damaged (nested too deeply to be parameters)")
        except ValueError as error:
            return self._set_aside(f"it is damaged ({_short(error)})")
        if warnings:
            backup = self._copy_aside(raw)
            warnings.append(f"the file as it was is kept in {backup}")
        return LoadedSettings(settings, warnings)

    def save(self, settings: Settings) -> None:
        """Validate, then write atomically; raises SettingsInvalidError and writes nothing."""
        errors = validate_settings(settings)
        if errors:
            raise SettingsInvalidError(errors)
        text = json.dumps(settings_to_dict(settings), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(self.path, text, mode=0o600)

    def _set_aside(self, why: str) -> LoadedSettings:
        target = self._aside_path()
        try:
            os.replace(self.path, target)
        except OSError as error:
            # Loading defaults over a file that stays in place would overwrite it at next save.
            raise BadInputError(
                f"The settings file {self.path} could not be used because {why}, and it could "
                f"not be set aside ({_reason(error)}): move it away or fix its permissions."
            ) from None
        message = (
            f"The settings file {self.path} could not be used because {why}. "
            f"It was kept as {target} and the default parameters were loaded; "
            "enter your parameters again or restore that file."
        )
        return LoadedSettings(Settings(), [message], moved_aside=target)

    def _copy_aside(self, raw: bytes) -> Path:
        """A byte-for-byte copy; each command reads the file, so one copy per distinct content."""
        for earlier in sorted(self.path.parent.glob(f"{self.path.name}.broken-*")):
            with contextlib.suppress(OSError):
                if earlier.is_file() and earlier.read_bytes() == raw:
                    return earlier
        target = self._aside_path()
        atomic_write_bytes(target, raw, mode=0o600)
        return target

    def _aside_path(self) -> Path:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        candidate = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        counter = 1
        while candidate.exists():
            counter += 1
            candidate = self.path.with_name(f"{self.path.name}.broken-{stamp}-{counter}")
        return candidate


def _invalid_fields_to_defaults(settings: Settings, warnings: list[str]) -> Settings:
    """A hand-edited value the window would refuse (a realm ID 'abc', 10**30 minutes) falls
    back to its default alone, so that it cannot block every later save or the sync loop."""
    defaults = Settings()
    for error in validate_settings(settings):
        section, _, name = error.field.partition(".")
        current = getattr(getattr(settings, section, None), name, None)
        default = getattr(getattr(defaults, section, None), name, None)
        if current is None or current == default:
            continue  # a rule between fields (e.g. enabled without a realm ID): told at save
        settings = settings.with_section(section, **{name: default})
        warnings.append(f"{error}; the default {default!r} was loaded")
    return settings


def _short(error: BaseException, limit: int = 200) -> str:
    text = str(error)
    return text if len(text) <= limit else text[:limit] + "…"


def _reason(error: BaseException) -> str:
    return getattr(error, "strerror", None) or type(error).__name__
