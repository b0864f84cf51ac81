"""`qbconnector sync` as a user runs it: JSON output, dry run, exit codes, --watch."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
from pathlib import Path

from qbconnector.core.documents import DocumentStatus
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from tests.integration.cli_sync_support import (
    cli_env,
    configure_profile,
    run_sync,
    store_documents,
    sync_command,
)
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import entity_of, in_home_currency, sample


def _profile(server: SandboxServer, tmp_path: Path, *extra: str) -> Path:
    profile = tmp_path / "profile"
    configure_profile(profile, server, *extra)
    return profile


def test_json_output_lists_synced_failed_and_blocked(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(seed=CompanySeed(vendors=["Taken Name"]))
    good, taken, draft = in_home_currency(sample(6))[:3]
    taken = dataclasses.replace(taken, client=dataclasses.replace(taken.client, code="TK",
                                                                  name="Taken Name"))  # fmt: skip
    draft = dataclasses.replace(draft, status=DocumentStatus.DRAFT)
    profile = _profile(server, tmp_path)
    store_documents(profile, [good, taken, draft])
    done = run_sync(profile, "--json", good.number, taken.number, draft.number)
    output = json.loads(done.stdout)
    assert done.returncode == 1
    qbo_id = server.entities(entity_of(good.kind))[0]["Id"]
    expected = {"kind": good.kind.value, "number": good.number, "action": "create"}
    assert output["synced"] == [{**expected, "qbo_id": qbo_id, "qbo_total": str(good.total)}]
    assert [entry["number"] for entry in output["failed"]] == [taken.number]
    assert output["blocked"][0]["number"] == draft.number
    assert "approved" in output["blocked"][0]["reasons"][0]


def test_second_run_is_unchanged_and_exits_zero(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile = _profile(server, tmp_path)
    store_documents(profile, in_home_currency(sample(20)))
    first, second = run_sync(profile), run_sync(profile, "--approved")
    assert (first.returncode, second.returncode) == (0, 0)
    assert second.stdout.strip().endswith("0 failed, 0 blocked.")
    assert " 0 created, 0 updated, " in second.stdout


def test_dry_run_prints_exact_payloads_and_sends_nothing(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile = _profile(server, tmp_path)
    doc = in_home_currency(sample(4))[0]
    store_documents(profile, [doc])
    done = run_sync(profile, "--dry-run", "--json")
    (entry,) = json.loads(done.stdout)["plan"]
    assert (done.returncode, entry["action"]) == (0, "create")
    assert entry["payload"]["DocNumber"] == doc.number
    assert entry["payload"]["CustomerRef"] == {"name": doc.client.name}
    assert server.entities("Invoice") + server.entities("Estimate") == []


def test_unknown_number_is_bad_input(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    profile = _profile(sandbox_factory(), tmp_path)
    done = run_sync(profile, "NO-SUCH-1")
    assert (done.returncode, "NO-SUCH-1" in done.stderr) == (2, True)


def test_refused_refresh_token_exits_3(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    server = sandbox_factory()
    profile = _profile(server, tmp_path)
    store_documents(profile, in_home_currency(sample(4))[:1])
    server.expire_access_token()
    server.revoke_token(json.loads((profile / "secrets.json").read_text())["refresh_token"])
    done = run_sync(profile, "--json")
    assert done.returncode == 3
    assert "reconnect" in json.loads(done.stdout)["stopped"].lower()


def test_unreachable_quickbooks_exits_4(sandbox_factory: SandboxFactory, tmp_path: Path) -> None:
    server = sandbox_factory()
    profile = _profile(server, tmp_path)
    store_documents(profile, in_home_currency(sample(4))[:1])
    server.stop()
    done = run_sync(profile, "--time-scale", "60")
    assert done.returncode == 4


def test_watch_pushes_documents_approved_later_until_stopped(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory()
    profile = _profile(server, tmp_path, "--auto-sync-invoices", "on")
    first, later = [doc for doc in in_home_currency(sample(30)) if doc.kind.value == "invoice"][:2]
    assert first.updated_at is not None
    later = dataclasses.replace(later, updated_at=first.updated_at + dt.timedelta(hours=1))
    store_documents(profile, [first])
    process = subprocess.Popen(sync_command(profile, "--watch", "--interval", "0.2"),
                               env=cli_env(), stdout=subprocess.PIPE, text=True)  # fmt: skip
    try:
        assert process.stdout is not None
        assert "1 created" in process.stdout.readline()
        store_documents(profile, [later])  # approved after the first pass
        assert "1 created" in process.stdout.readline()
    finally:
        process.terminate()
        code = process.wait(timeout=20)
        if process.stdout is not None:
            process.stdout.close()
    assert code == 0
    assert sorted(row["DocNumber"] for row in server.entities("Invoice")) == sorted(
        [first.number, later.number]
    )
