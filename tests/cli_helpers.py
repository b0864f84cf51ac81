"""Runs the real `qbconnector` entry point in a subprocess, as a user or a scheduled task would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def run_cli(
    profile: Path,
    *args: str,
    stdin: str | None = None,
    timeout: float = 60,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python -m qbconnector --profile PROFILE ARGS...`` with the keyring switched off."""
    env = {
        **os.environ,
        "PYTHONPATH": str(REPO),
        # The subprocess has no in-memory keyring: keyring's null backend makes it use the file.
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "PYTHONIOENCODING": "utf-8",
    }
    env.pop("QBCONNECTOR_PROFILE", None)
    return subprocess.run(
        [sys.executable, "-m", "qbconnector", "--profile", str(profile), *args],
        input=stdin,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=timeout,
        check=False,
    )
