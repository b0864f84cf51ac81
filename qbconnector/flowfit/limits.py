"""Limits on what an import file may hold: numbers QuickBooks can take, files we can read."""

from __future__ import annotations

import os
import stat
from decimal import Decimal
from pathlib import Path

from qbconnector.core.unicode import utf8_encodable

# QuickBooks amounts stay below 10^13 (a 15-digit decimal column); beyond that is a typo, an
# export bug or an attack (1e999999999). Decimals are kept exactly (a payload rounds them), up
# to Decimal's 28-digit precision, so 1e-999999999 cannot make arithmetic crawl.
MAX_INTEGER_DIGITS = 12
MAX_DECIMAL_PLACES = 28
MAX_FILE_BYTES = 256 * 1024 * 1024  # ~250,000 documents: far above any FlowFit export


def number_problem(number: Decimal) -> str | None:
    """Why QuickBooks could not take ``number`` (too large, too many decimals), or None."""
    _sign, digits, exponent = number.as_tuple()
    if not isinstance(exponent, int):  # NaN or infinity
        return "is not a number"
    significant = len("".join(map(str, digits)).rstrip("0"))
    if significant == 0:
        return None  # zero, however it is written
    trailing_zeros = len(digits) - significant
    places = -(exponent + trailing_zeros)  # decimals once trailing zeros are dropped
    if significant + exponent + trailing_zeros > MAX_INTEGER_DIGITS:
        return f"is too large: at most {MAX_INTEGER_DIGITS} digits before the decimal point"
    if places > MAX_DECIMAL_PLACES:
        return f"has more than {MAX_DECIMAL_PLACES} decimal places"
    return None


def read_regular_file(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_FILE_BYTES; OSError or ValueError otherwise.

    A FIFO, a device (/dev/zero, /dev/urandom) or a folder is refused before reading, so a
    mistaken path can never hang the import or fill the memory.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise ValueError(
                f"not a regular file ({_kind(info.st_mode)}): give a .json or .csv file"
            )
        if info.st_size > MAX_FILE_BYTES:
            raise ValueError(_too_big(info.st_size))
        chunks = []
        total = 0
        while chunk := os.read(fd, 1 << 20):
            total += len(chunk)
            if total > MAX_FILE_BYTES:  # the file grew while we read it
                raise ValueError(_too_big(total))
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _too_big(size: int) -> str:
    return (
        f"the file is too large ({size // (1024 * 1024)} MB; the limit is "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB): split the export into several files"
    )


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def check_characters(key: str, value: object) -> None:
    """ValueError for a lone surrogate (``"\\ud800"``): JSON accepts it, nothing can store it."""
    for text in (key, value, *(value if isinstance(value, list) else ())):
        if isinstance(text, str) and "\x00" in text:
            raise ValueError(f'the field "{_safe(key)}" holds a NUL character (\\u0000): remove it')
        if isinstance(text, str) and not utf8_encodable(text):
            raise ValueError(
                f'the field "{_safe(key)}" holds a lone surrogate escape (\\ud800-\\udfff), '
                "which is not a character: export the file again"
            )


def _safe(text: str) -> str:
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
