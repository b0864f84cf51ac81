"""One `sync --watch` per profile: a second watcher is refused with the first one's process."""

from __future__ import annotations

import subprocess
from pathlib import Path

from qbconnector.commands._watch_lock import single_watcher
from qbconnector.storage.profile import Profile
from tests.integration.cli_sync_support import (
    cli_env,
    configure_profile,
    run_sync,
    store_documents,
    sync_command,
)
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import in_home_currency, sample


def test_a_second_watcher_on_the_same_profile_is_refused(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile = tmp_path / "profile"
    configure_profile(profile, server, "--auto-sync-invoices", "on")
    store_documents(profile, [d for d in in_home_currency(sample(5)) if d.kind.value == "invoice"])
    first = subprocess.Popen(sync_command(profile, "--watch", "--interval", "0.2"),
                             env=cli_env(), stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert first.stdout is not None
        assert "created" in first.stdout.readline()  # the first pass ran: it holds the lock
        second = run_sync(profile, "--watch", "--interval", "0.2", timeout=30)
        assert second.returncode == 2
        assert f"(process {first.pid}) is already watching the profile" in second.stderr
        assert "one watcher per profile" in second.stderr
        assert "Traceback" not in second.stderr
    finally:
        first.terminate()
        assert first.wait(timeout=20) == 0
        if first.stdout is not None:
            first.stdout.close()
    assert not (profile / "watch.pid").exists()


def test_the_lock_is_free_again_after_the_watcher_ends(tmp_path: Path) -> None:
    profile = Profile(tmp_path, "--profile")
    with single_watcher(profile):
        assert (tmp_path / "watch.pid").read_text().strip().isdigit()
    with single_watcher(profile):  # not left held
        pass
