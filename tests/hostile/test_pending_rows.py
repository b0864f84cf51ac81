"""A pending ledger row whose kept payload was damaged: the sync names it, nothing is sent."""

from __future__ import annotations

from pathlib import Path

import pytest

from qbconnector.core.documents import DocumentKind
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.ledger_schema import Attempt, Operation
from tests.hostile.sandbox_profile import connect
from tests.hostile.support import assert_clean_failure, assert_unchanged, run, snapshot, sql

PAYLOADS = {
    "not-json": "garbage {",
    "a-list": "[1, 2]",
    "a-string": '"Invoice"',
    "nested": "[" * 100_000 + "]" * 100_000,
    "cut": '{"DocNumber": "INV-1042", "Line": [',
}


@pytest.mark.parametrize("case", PAYLOADS)
def test_a_damaged_pending_payload_stops_the_sync(
    profile_dir: Path, sandbox: SandboxServer, case: str
) -> None:
    profile = Path(profile_dir)
    connect(profile, sandbox)
    with Ledger.open(profile / "ledger.sqlite3") as ledger:
        attempt = Attempt(DocumentKind.INVOICE, "INV-1042", Operation.CREATE,
                          '{"DocNumber": "INV-1042"}', "h", "req-1", "b1")  # fmt: skip
        ledger.begin_attempts([attempt])
    sql(profile / "ledger.sqlite3", "UPDATE documents SET payload = ?", PAYLOADS[case])
    before = snapshot(profile)
    created_before = len(sandbox.entities("Invoice"))
    result = run("--profile", str(profile), "sync", "--time-scale", "100")
    assert_clean_failure(result, 2, "ledger.sqlite3", "INV-1042")
    assert_unchanged(before, profile)
    assert len(sandbox.entities("Invoice")) == created_before  # nothing was sent
