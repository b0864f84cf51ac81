"""An automatic-sync pass pulls back from QuickBooks after its pushes, through the same client."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.flowfit.store import DocumentStore
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import open_vault
from qbconnector.sync.auto import AutoSync
from qbconnector.sync.connection import Pace
from qbconnector.sync.engine import EngineConfig
from qbconnector.sync.results import Callbacks, Outcome
from qbconnector.sync.session import SessionConfig, SyncSession
from tests.gui.finance_support import approved_invoices, connect_profile, sandbox_settings
from tests.integration.sync_support import FAST_RETRY
from tests.sandbox_fixtures import SandboxFactory

FAST = SessionConfig(engine=EngineConfig(retry=FAST_RETRY), pace=Pace(time_scale=60))


def _profile(tmp_path: Path, server: SandboxServer, documents: list[Document]) -> SyncSession:
    profile = Profile(tmp_path / "profile", "--profile").ensure()
    settings = sandbox_settings(server).with_section("invoices", auto_sync=True)
    connect_profile(profile, server, settings)
    with DocumentStore.open(profile.store_file) as store:
        store.upsert_many(documents)
    return SyncSession(profile, settings, open_vault(profile).store, FAST)


def _invoices(count: int) -> list[Document]:
    due = dt.date.today() + dt.timedelta(days=365)
    return [dataclasses.replace(doc, due_date=due) for doc in approved_invoices(count)]


def test_an_automatic_pass_pulls_after_pushing(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=60)
    invoices = _invoices(2)
    session = _profile(tmp_path, server, invoices)
    try:
        first = session.auto_pass()
        assert first.report is not None
        assert {r.outcome for r in first.report.results} == {Outcome.CREATED}
        assert first.pull_error is None
        assert first.pulled is not None
        states = {row.number: row.qbo_state for row in first.pulled.rows}
        assert states == {doc.number: "unpaid" for doc in invoices}
        row = session.ledger.get(DocumentKind.INVOICE, invoices[0].number)
        assert row is not None
        server.record_payment(str(row.qbo_id), Decimal("50.00"))
        second = session.auto_pass()  # nothing new to push; the payment comes back
        assert second.pulled is not None
        assert second.pulled.changed == 1
        paid = session.ledger.get(DocumentKind.INVOICE, invoices[0].number)
        assert paid is not None
        assert paid.qbo_state == "partially-paid"
        assert Decimal(str(paid.qbo_balance)) == invoices[0].total - Decimal("50.00")
    finally:
        session.close()


def test_a_failed_pull_leaves_the_pushes_standing_and_says_why(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=60)
    invoices = _invoices(2)
    session = _profile(tmp_path, server, invoices)

    def progress(done: int, total: int) -> None:
        if done == total:  # every push answered: QuickBooks breaks before the pull
            server.set_faults(error500=1.0)

    runner = AutoSync(session.settings, session.source, session.engine, session.ledger,
                      client=session.client)  # fmt: skip
    try:
        report = runner.run_once(Callbacks(progress=progress))
        assert report is not None
        assert [r.outcome for r in report.results] == [Outcome.CREATED, Outcome.CREATED]
        assert runner.last_pull is None
        assert runner.pull_error is not None
        for doc in invoices:
            row = session.ledger.get(DocumentKind.INVOICE, doc.number)
            assert row is not None
            assert row.qbo_id is not None
            assert row.qbo_state is None  # nothing was read back
    finally:
        session.close()
