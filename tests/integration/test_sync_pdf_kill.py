"""A sync process SIGKILLed while its PDF upload is in flight, then run again: one Attachable."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import time
from pathlib import Path

from qbconnector.core.documents import DocumentKind
from qbconnector.storage.attachments import Attachments
from qbconnector.storage.ledger import Ledger, RowState
from tests.integration.cli_sync_support import (
    cli_env,
    configure_profile,
    run_sync,
    store_documents,
    sync_command,
)
from tests.integration.conftest import SandboxFactory
from tests.integration.pdf_support import attachables_of, qbo_id, sha256, with_pdf, write_pdf
from tests.integration.sync_support import in_home_currency, sample


def _pending_upload(ledger_file: Path) -> bool:
    if not ledger_file.exists():
        return False
    try:
        with sqlite3.connect(f"file:{ledger_file}?mode=ro", uri=True, timeout=1) as db:
            found = db.execute("SELECT count(*) FROM attachments WHERE state = 'pending'")
            return int(found.fetchone()[0]) > 0
    except sqlite3.OperationalError:  # not migrated yet: no attachments table
        return False


def test_kill_between_the_ledger_row_and_the_answer_leaves_one_attachable(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    # Latency keeps the upload in flight long enough for the kill to land before its answer.
    server = sandbox_factory(time_scale=60, faults={"latency": 400})
    profile = tmp_path / "profile"
    configure_profile(profile, server)
    invoice = next(d for d in in_home_currency(sample(6)) if d.kind is DocumentKind.INVOICE)
    doc = with_pdf(invoice, write_pdf(tmp_path / "invoice.pdf"))
    store_documents(profile, [doc])
    ledger_file = profile / "ledger.sqlite3"
    process = subprocess.Popen(sync_command(profile, "--json"), env=cli_env(),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while not _pending_upload(ledger_file) and time.monotonic() < deadline:
            assert process.poll() is None, "the sync ended before its upload was written"
            time.sleep(0.01)
        assert _pending_upload(ledger_file)
    finally:
        process.kill()
        process.wait()
    with Ledger.open(ledger_file) as ledger:
        (row,) = Attachments(ledger).unfinished()
        assert row.state is RowState.PENDING
    server.set_faults(latency=0)

    final = run_sync(profile, "--json")

    assert final.returncode == 0, final.stdout[-2000:] + final.stderr[-2000:]
    (entry,) = json.loads(final.stdout)["synced"]
    assert entry["pdf"] == "attached"  # settled at the start of the run, reported here
    with Ledger.open(ledger_file) as ledger:
        (record,) = attachables_of(server, "Invoice", qbo_id(ledger, doc))
        (row,) = Attachments(ledger).of_document(doc.kind, doc.number)
        assert (row.state, row.attachable_id) == (RowState.SYNCED, record["Id"])
    data = server.attachment_bytes(str(record["Id"]))
    assert data is not None
    assert doc.pdf is not None
    assert sha256(data) == doc.pdf.sha256
