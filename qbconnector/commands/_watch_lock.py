"""One `sync --watch` per profile: a second watcher is refused, naming the first one's process."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

from qbconnector.core.errors import BadInputError
from qbconnector.quickbooks.lockfile import InterProcessLock, LockTimeoutError
from qbconnector.storage.profile import Profile

LOCK_NAME = "watch.lock"
PID_NAME = "watch.pid"  # beside the lock: Windows forbids other handles to write a locked file


@contextlib.contextmanager
def single_watcher(profile: Profile) -> Iterator[None]:
    """Hold the profile's watcher lock while the block runs; the OS drops it if we die."""
    lock = InterProcessLock(profile.root / LOCK_NAME, timeout=0)
    pid_file = profile.root / PID_NAME
    try:
        lock.acquire()
    except LockTimeoutError:
        raise BadInputError(
            f"Another 'qbconnector sync --watch'{_holder(pid_file)} is already watching the "
            f"profile {profile.root}. Run one watcher per profile: stop the other one first "
            "(systemctl --user stop, or end its scheduled task), or give each company its own "
            "--profile."
        ) from None
    try:
        with contextlib.suppress(OSError):  # the process number is a courtesy, not a need
            pid_file.write_text(f"{os.getpid()}\n", encoding="ascii")
        yield
    finally:
        with contextlib.suppress(OSError):
            pid_file.unlink()
        lock.release()


def _holder(pid_file: Path) -> str:
    try:
        text = pid_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (process {text})" if text.isdigit() else ""
