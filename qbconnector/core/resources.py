"""Where the shipped resources (translations, style sheets, icons) live, installed or not."""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # the qbconnector package


def resources_dir() -> Path:
    """The ``resources`` folder: inside the package when installed or frozen, else the checkout."""
    candidates = [_PACKAGE / "resources", _PACKAGE.parent / "resources"]
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        candidates.insert(0, Path(frozen_root) / "resources")
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def resource_path(*parts: str) -> Path:
    """A file under ``resources``, e.g. ``resource_path("style", "chips.qss")``."""
    return resources_dir().joinpath(*parts)
