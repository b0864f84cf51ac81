"""Reading what a person or a broken tool may have damaged: a clear error, never a hang."""

from __future__ import annotations

import decimal
import errno
import functools
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from qbconnector.core.errors import BadInputError

P = ParamSpec("P")
R = TypeVar("R")

# What decoding a column can raise: bad JSON or ISO text, a number "abc", an unknown enum
# value, a missing key in a line, a column of the wrong type, deep nesting.
_DECODING_ERRORS = (
    ValueError,
    TypeError,
    KeyError,
    IndexError,
    AttributeError,
    decimal.InvalidOperation,
    RecursionError,
)


class DamagedRowError(BadInputError):
    """A row of a profile database holds a value qbconnector never writes."""


def _row_label(args: tuple[Any, ...]) -> str:
    for arg in args:
        kind, number = getattr(arg, "kind", None), getattr(arg, "number", None)
        if kind is not None and isinstance(number, str):
            return f" (the row of {getattr(kind, 'value', kind)} {number[:40]!r})"
    row = next((arg for arg in args if isinstance(arg, tuple)), None)
    if row is not None and len(row) >= 2 and all(isinstance(v, str) for v in row[:2]):
        return f" (the row of {str(row[0])[:20]} {str(row[1])[:40]!r})"
    return ""


def damaged_rows(file_name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Decorate a row decoder: a bad column becomes a DamagedRowError naming ``file_name``."""

    def decorate(decode: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(decode)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                return decode(*args, **kwargs)
            except _DECODING_ERRORS as error:
                raise DamagedRowError(
                    f"{file_name} in the profile folder holds a damaged row{_row_label(args)}: "
                    f"{type(error).__name__}. Nothing was changed. Restore the file from a "
                    "backup, or move it aside (qbconnector starts a new one; for the ledger "
                    "this forgets what was pushed)."
                ) from None

        return guarded

    return decorate


def json_object(text: str) -> dict[str, Any]:
    """A stored JSON object; anything else is a ValueError (a damaged row)."""
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("not a JSON object")
    return value


SMALL_FILE_LIMIT = 4 * 1024 * 1024  # settings, secrets, token times: a few kB in real life


class NotARegularFileError(OSError):
    """A FIFO, a device or a socket where a profile file should be: never read (it may block)."""


def read_small_file(path: Path, limit: int = SMALL_FILE_LIMIT) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, opened so that it cannot block.

    FileNotFoundError and other OSErrors as usual; NotARegularFileError for a pipe or device,
    and for a file over the limit (a profile file that large is not ours).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotARegularFileError(errno.EINVAL, "not a regular file", str(path))
        if info.st_size > limit:
            raise NotARegularFileError(errno.EFBIG, "far too large for a profile file", str(path))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
        if len(data) > limit:
            raise NotARegularFileError(errno.EFBIG, "far too large for a profile file", str(path))
        return data
    finally:
        os.close(fd)
