"""Settings to and from their JSON form, with schema migration and per-field recovery."""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Callable
from typing import Any

from qbconnector.core.settings import SCHEMA_VERSION, SECTIONS, Settings
from qbconnector.core.unicode import utf8_encodable

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _from_v0(data: dict[str, Any]) -> dict[str, Any]:
    # Version 0 is a file without a "version" key: same layout, written before versioning.
    return {**data, "version": 1}


def _from_v1(data: dict[str, Any]) -> dict[str, Any]:
    # Version 2 adds the taxes section; its defaults (nothing mapped) are what v1 meant.
    return {**data, "version": 2}


# MIGRATIONS[n] turns a version-n document into version n+1.
MIGRATIONS: dict[int, Migration] = {0: _from_v0, 1: _from_v1}


class SettingsVersionError(ValueError):
    """The settings file was written by a newer qbconnector."""


def settings_to_dict(settings: Settings) -> dict[str, Any]:
    """The JSON-ready form, with the schema version first."""
    body = dataclasses.asdict(settings)
    return {"version": SCHEMA_VERSION, **_plain(body)}


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older settings document up to SCHEMA_VERSION, one step at a time."""
    version = data.get("version", 0)
    if not isinstance(version, int) or version < 0:
        raise ValueError(f"the settings version {version!r} is not a whole number")
    if version > SCHEMA_VERSION:
        raise SettingsVersionError(
            f"the settings were saved by a newer qbconnector (schema {version}, "
            f"this one reads up to {SCHEMA_VERSION}); update qbconnector"
        )
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version = data["version"]
    return data


def settings_from_dict(data: dict[str, Any]) -> tuple[Settings, list[str]]:
    """Settings from JSON; a field of the wrong type falls back to its default with a warning."""
    data = migrate(data)
    warnings: list[str] = [
        f"'{key}' is not a parameter qbconnector knows; it is dropped at the next save"
        for key in data
        if key != "version" and key not in SECTIONS
    ]
    sections: dict[str, Any] = {}
    for name, section_type in SECTIONS.items():
        raw = data.get(name, {})
        if not isinstance(raw, dict):
            warnings.append(f"section '{name}' was not an object; its defaults were loaded")
            raw = {}
        defaults = getattr(Settings(), name)
        sections[name] = _section_from_dict(name, section_type, defaults, raw, warnings)
    return Settings(**sections), warnings


def _section_from_dict(
    name: str, section_type: type[Any], defaults: Any, raw: dict[str, Any], warnings: list[str]
) -> Any:
    values: dict[str, Any] = {}
    known = {spec.name for spec in dataclasses.fields(section_type)}
    warnings += [
        f"'{name}.{key}' is not a parameter qbconnector knows; it is dropped at the next save"
        for key in raw
        if key not in known
    ]
    for spec in dataclasses.fields(section_type):
        if spec.name not in raw:
            continue
        default = getattr(defaults, spec.name)
        coerced = _coerce(raw[spec.name], default)
        if coerced is None:
            warnings.append(
                f"{name}.{spec.name} had an unusable value {_shown(raw[spec.name])}; "
                f"the default {_plain(default)!r} was loaded"
            )
            continue
        values[spec.name] = coerced
    return dataclasses.replace(defaults, **values)


def _coerce(value: Any, default: Any) -> Any:
    """The value in the default's type, or None when it cannot be."""
    if isinstance(default, enum.Enum):
        try:
            return type(default)(value)
        except ValueError:
            return None
    if isinstance(default, bool):
        return value if isinstance(value, bool) else None
    if isinstance(default, int):
        return value if isinstance(value, int) and not isinstance(value, bool) else None
    if isinstance(default, str):
        return value if isinstance(value, str) and utf8_encodable(value) else None
    if isinstance(default, dict):
        if isinstance(value, dict) and all(
            isinstance(k, str) and isinstance(v, str) and utf8_encodable(k + v)
            for k, v in value.items()
        ):
            return dict(value)
        return None
    return None


def _shown(value: Any, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"
