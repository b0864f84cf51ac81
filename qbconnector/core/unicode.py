"""Checks of text read from files: whether it can ever be written back as UTF-8."""

from __future__ import annotations


def utf8_encodable(text: str) -> bool:
    """False for a lone surrogate (``"\\ud800"`` in JSON): it could never be saved again."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
