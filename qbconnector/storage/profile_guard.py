"""Checks that a profile folder can be used at all, before any command touches it."""

from __future__ import annotations

import os
from pathlib import Path

from qbconnector.core.errors import BadInputError

# POSIX's PATH_MAX and NAME_MAX where the system does not say (Windows: MAX_PATH is lower,
# but long paths are allowed there, and the operating system's own error is then reported).
_PATH_MAX = 4096
_NAME_MAX = 255


def _limits(root: Path) -> tuple[int, int]:
    probe = next((p for p in (root, *root.parents) if p.is_dir()), Path("/"))
    try:
        return os.pathconf(probe, "PC_PATH_MAX"), os.pathconf(probe, "PC_NAME_MAX")
    except (AttributeError, OSError, ValueError):
        return _PATH_MAX, _NAME_MAX


def check_profile_value(value: str | None, option: str) -> None:
    """An empty --profile is a mistake (a script's unset variable), never the default folder."""
    if value is not None and not value.strip():
        raise BadInputError(
            f"{option} is empty: give a folder, or leave {option} out to use the default profile"
        )


def check_profile_root(root: Path, chosen_by: str) -> None:
    """Refuse a root that is a file, lies below a file, or is longer than the system allows."""
    path_max, name_max = _limits(root)
    long_name = next((part for part in root.parts if len(os.fsencode(part)) > name_max), None)
    if len(os.fsencode(str(root))) >= path_max or long_name is not None:
        raise BadInputError(
            f"the profile folder ({chosen_by}) is too long for this system "
            f"({len(str(root))} characters; the limit is {path_max - 1}, and {name_max} for one "
            "name): choose a shorter folder"
        )
    try:
        if root.exists() and not root.is_dir():
            raise BadInputError(
                f"the profile folder {root} ({chosen_by}) is a file, not a folder: give a "
                "folder, or move that file away"
            )
        for parent in root.parents:
            if parent.exists() and not parent.is_dir():
                raise BadInputError(
                    f"the profile folder {root} ({chosen_by}) is below {parent}, which is a "
                    "file, not a folder: choose another folder"
                )
            if parent.exists():
                break
    except OSError as error:
        raise BadInputError(
            f"the profile folder {root} ({chosen_by}) cannot be checked "
            f"({error.strerror or type(error).__name__}): choose another folder"
        ) from None
