"""A sync process SIGKILLed at random points, then restarted, still syncs each document once."""

from __future__ import annotations

import dataclasses
import random
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

from qbconnector.core.documents import Document, Line
from qbconnector.flowfit.samples import billed_tax
from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger, RowState
from tests.integration.cli_sync_support import (
    cli_env,
    configure_profile,
    run_sync,
    store_documents,
    sync_command,
)
from tests.integration.conftest import SandboxFactory
from tests.integration.sync_support import assert_exactly_once, entity_of, sample

KILLS = 20
SYNC_ARGS = ("--json", "--time-scale", "60", "--batch-size", "4", "--in-flight", "2")


def _edited(document: Document, round_number: int) -> Document:
    line = Line("Translation", f"Edited in round {round_number}", Decimal(100 + round_number),
                Decimal("0.25"))  # fmt: skip
    # FlowFit bills the tax again on the new lines, as it would.
    tax = billed_tax(document.tax.code, (line,)) if document.tax is not None else None
    return dataclasses.replace(document, lines=(line,), tax=tax)


def _unfinished(profile: Path) -> int:
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        counts = ledger.counts()
    return counts[RowState.PENDING] + counts[RowState.UNCERTAIN]


def _admitted(server: SandboxServer) -> int:
    return int(server.summary()["limits"]["admitted"])


def _wait_for_first_request(
    server: SandboxServer, process: subprocess.Popen[bytes], before: int
) -> None:
    """Return once the process has made its first QuickBooks request (or has ended)."""
    while _admitted(server) == before:
        try:
            process.wait(timeout=0.005)
            return
        except subprocess.TimeoutExpired:
            continue


@pytest.mark.slow
def test_sync_killed_at_random_points_ends_with_each_document_once(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    # Latency keeps batches in flight long enough for kills to land mid-request; a refresh
    # grace like Intuit's keeps a kill during a token refresh from ending the connection.
    server = sandbox_factory(time_scale=60, seed=CompanySeed(multicurrency=True),
                             faults={"latency": 20}, refresh_grace=3600)  # fmt: skip
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    rng = random.Random(4)
    pool = sample(2400, seed=8)
    latest: dict[tuple[object, str], Document] = {}
    kills = interrupted = rounds = 0
    while kills < KILLS and rounds < 3 * KILLS:
        rounds += 1
        # Each round brings new documents and edits some already pushed (updates under kill).
        fresh, pool = pool[:40], pool[40:]
        edits = [
            _edited(doc, rounds) for doc in rng.sample(list(latest.values()), min(4, len(latest)))
        ]
        for doc in fresh + edits:
            latest[doc.key] = doc
        store_documents(profile, fresh + edits)
        admitted = _admitted(server)
        process = subprocess.Popen(
            sync_command(profile, *SYNC_ARGS),
            env=cli_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            _wait_for_first_request(server, process, admitted)
            process.wait(timeout=rng.uniform(0.0, 0.6))  # a random point of the sync itself
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            kills += 1
            interrupted += _unfinished(profile) > 0
    final = run_sync(profile, *SYNC_ARGS)
    assert kills == KILLS
    assert interrupted >= KILLS // 4  # enough kills landed with writes in flight
    assert final.returncode == 0, final.stdout[-2000:] + final.stderr[-2000:]
    assert _unfinished(profile) == 0
    assert_exactly_once(server, latest.values())
    for doc in latest.values():  # QuickBooks holds the latest FlowFit version
        stored = next(
            r for r in server.entities(entity_of(doc.kind)) if r["DocNumber"] == doc.number
        )
        assert stored["TotalAmt"] == doc.total, doc.number
