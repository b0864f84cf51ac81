"""Edits of an import record by dotted path, shared by the importer and schema tests."""

from __future__ import annotations

import copy
from typing import Any

REMOVE = KeyError  # as a value: delete that field instead of setting it


def edited(record: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of ``record`` with each ``"a.0.b": value`` change applied."""
    result = copy.deepcopy(record)
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        target: Any = result
        for part in parents:
            target = target[int(part)] if part.isdigit() else target[part]
        if value is REMOVE:
            del target[last]
        else:
            target[last] = value
    return result
