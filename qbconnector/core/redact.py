"""Keeps secrets out of logs: every secret the vault sees is masked in log records."""

from __future__ import annotations

import logging
import threading

MASK = "••••"
_MIN_SECRET_LENGTH = 6  # shorter values would mask ordinary words

_lock = threading.Lock()
_secrets: set[str] = set()


def register_secret(value: str) -> None:
    """Remember ``value`` so that it is masked wherever it would be logged."""
    if len(value) >= _MIN_SECRET_LENGTH:
        with _lock:
            _secrets.add(value)


def redact(text: str) -> str:
    """``text`` with every registered secret replaced by a mask."""
    with _lock:
        secrets = sorted(_secrets, key=len, reverse=True)
    for secret in secrets:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def mask(value: str | None) -> str:
    """How a secret is shown to a person: its presence and length class, never its text."""
    if not value:
        return "(not set)"
    return f"{MASK} (set, {len(value)} characters)"


class RedactingFilter(logging.Filter):
    """A logging filter that formats each record and masks registered secrets in it."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if record.exc_info:
            formatted = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(formatted)
        if cleaned != message or record.args:
            record.msg = cleaned
            record.args = None
        return True
