"""The few cases a real process must show: no hang on pipes and devices, no traceback on exit."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.cli_helpers import run_cli

pytestmark = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.json"
    os.mkfifo(path)
    return path


def _link(target: str) -> object:
    def make(tmp: Path) -> Path:
        path = tmp / "device.json"
        path.symlink_to(target)
        return path

    return make


@pytest.mark.parametrize(
    ("make", "needle"),
    [(_fifo, "named pipe"), (_link("/dev/zero"), "device"), (_link("/dev/urandom"), "device")],
    ids=["fifo", "dev-zero", "dev-urandom"],
)
def test_import_of_a_pipe_or_device_returns_at_once(
    tmp_path: Path, make: object, needle: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    result = run_cli(tmp_path / "profile", "import", str(path), timeout=30)
    assert result.returncode == 2, result.stderr
    assert needle in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("interval", ["0", "nan", "1e-9", "inf"])
def test_watch_with_an_unusable_interval_returns_at_once(tmp_path: Path, interval: str) -> None:
    result = run_cli(tmp_path / "profile", "sync", "--watch", "--interval", interval, timeout=30)
    assert result.returncode == 2, result.stderr
    assert "--interval" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr


def test_a_profile_below_a_file_in_a_real_process(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = run_cli(tmp_path / "file" / "profile", "status", timeout=30)
    assert result.returncode == 2
    assert "which is a file" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
