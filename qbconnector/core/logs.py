"""Logging to a file in the profile, with secrets masked in every record."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from qbconnector.core.redact import RedactingFilter

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def configure_logging(log_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send qbconnector's log records to log_dir/qbconnector.log (rotated) and return its path."""
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "qbconnector.log"
    root = logging.getLogger("qbconnector")
    for handler in list(root.handlers):
        if getattr(handler, "qbconnector_file", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
    )
    handler.qbconnector_file = True  # type: ignore[attr-defined]
    handler.addFilter(RedactingFilter())
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def try_logging(log_dir: Path) -> str | None:
    """Start logging to ``log_dir``; when it cannot be written, say why and run without a log."""
    try:
        configure_logging(log_dir)
    except OSError as error:
        where = error.filename or log_dir
        return (
            f"the log file cannot be written ({where}: {error.strerror or type(error).__name__});"
            f" nothing is logged this time. Make {log_dir} a folder you may write to."
        )
    return None
