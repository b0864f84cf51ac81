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
