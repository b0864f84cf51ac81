"""The PDF goes along: attached once per version, verified by its SHA-256, blocked when unusable."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import ExitCode
from qbconnector.quickbooks.client import QuickBooksClient
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.attachments import Attachments
from qbconnector.storage.ledger import Ledger, RowState
from qbconnector.sync.attach import Attacher, PdfStatus
from qbconnector.sync.engine import SyncEngine
from qbconnector.sync.plan import Action, Blocker
from qbconnector.sync.results import Outcome, SyncReport
from tests.integration.conftest import SandboxFactory
from tests.integration.pdf_support import attachables_of, qbo_id, sha256, with_pdf, write_pdf
from tests.integration.sync_support import (
    FAST_RETRY,
    admin_state,
    entity_of,
    in_home_currency,
    make_engine,
    sample,
    settings_for,
)


@pytest.fixture
def server(sandbox_factory: SandboxFactory) -> SandboxServer:
    return sandbox_factory(time_scale=60)


@pytest.fixture
def engine(client: QuickBooksClient, ledger: Ledger, server: SandboxServer) -> SyncEngine:
    return make_engine(client, ledger, settings_for(server))


def _documents(tmp_path: Path, count: int = 2) -> list[Document]:
    docs = in_home_currency(sample(8))
    invoice = next(doc for doc in docs if doc.kind is DocumentKind.INVOICE)
    quote = next(doc for doc in docs if doc.kind is DocumentKind.QUOTE)
    chosen = [invoice, quote][:count]
    return [with_pdf(doc, write_pdf(tmp_path / f"{doc.number}.pdf", seed=i))
            for i, doc in enumerate(chosen)]  # fmt: skip


def _pdf_states(report: SyncReport) -> list[str | None]:
    return [result.pdf for result in report.results]


def _attached(server: SandboxServer, ledger: Ledger, doc: Document) -> list[bytes]:
    """The bytes of every file attached to the document's QuickBooks transaction."""
    records = attachables_of(server, entity_of(doc.kind), qbo_id(ledger, doc))
    found = [server.attachment_bytes(str(record["Id"])) for record in records]
    assert all(data is not None for data in found)
    return [data for data in found if data is not None]


def test_pdf_attached_once_and_verified_then_unchanged(
    engine: SyncEngine, server: SandboxServer, ledger: Ledger, tmp_path: Path
) -> None:
    docs = _documents(tmp_path)

    report = engine.run(docs)

    assert [r.outcome for r in report.results] == [Outcome.CREATED, Outcome.CREATED]
    assert _pdf_states(report) == ["attached", "attached"]
    assert report.as_json()["synced"][0]["pdf"] == "attached"
    for doc in docs:
        assert doc.pdf is not None
        assert [sha256(data) for data in _attached(server, ledger, doc)] == [doc.pdf.sha256]
        record = attachables_of(server, entity_of(doc.kind), qbo_id(ledger, doc))[0]
        assert (record["FileName"], record["ContentType"]) == (f"{doc.number}.pdf",
                                                               "application/pdf")  # fmt: skip
        (row,) = Attachments(ledger).of_document(doc.kind, doc.number)
        assert (row.state, row.attachable_id, row.sha256) == (RowState.SYNCED, record["Id"],
                                                              doc.pdf.sha256)  # fmt: skip
        assert row.verified_at is not None
        actions = [entry.action for entry in ledger.history(doc.kind, doc.number)]
        assert "pdf-attached" in actions
    again = engine.run(docs)
    assert _pdf_states(again) == ["unchanged", "unchanged"]
    assert len(server.entities("Attachable")) == 2


def test_update_with_the_same_pdf_uploads_nothing_and_a_new_pdf_is_a_new_attachable(
    engine: SyncEngine, server: SandboxServer, ledger: Ledger, tmp_path: Path
) -> None:
    (doc,) = _documents(tmp_path, 1)
    engine.run([doc])
    assert doc.due_date is not None
    edited = dataclasses.replace(doc, due_date=doc.due_date + dt.timedelta(days=1))

    updated = engine.run([edited])

    assert [(r.outcome, r.pdf) for r in updated.results] == [(Outcome.UPDATED, "unchanged")]
    assert len(_attached(server, ledger, doc)) == 1
    (tmp_path / "new").mkdir()
    new_version = with_pdf(edited, write_pdf(tmp_path / "new" / f"{doc.number}.pdf", seed=99))
    changed = engine.run([new_version])
    assert [(r.outcome, r.pdf) for r in changed.results] == [(Outcome.UNCHANGED, "attached")]
    hashes = sorted(sha256(data) for data in _attached(server, ledger, doc))
    assert new_version.pdf is not None
    assert doc.pdf is not None
    assert hashes == sorted([doc.pdf.sha256, new_version.pdf.sha256])  # the old one stays


def test_dropped_upload_answers_are_replayed_and_leave_one_attachable(
    engine: SyncEngine, server: SandboxServer, ledger: Ledger, tmp_path: Path
) -> None:
    docs = _documents(tmp_path)
    pushed = engine.run([dataclasses.replace(doc, pdf=None) for doc in docs])
    assert pushed.counts()[Outcome.CREATED] == 2
    replays = admin_state(server)["replays"]
    # QuickBooks commits each upload, then the answer is lost, again and again: the first
    # replay that gets through answers with the Attachable already made.
    server.set_faults(drop=0.5, seed=3)

    report = engine.run(docs)

    server.set_faults(drop=0.0)
    state = admin_state(server)
    assert state["fault_counts"]["drop"] > 0
    assert state["replays"] > replays
    assert _pdf_states(report) == ["attached", "attached"]
    for doc in docs:
        assert len(_attached(server, ledger, doc)) == 1


def test_an_upload_left_unconfirmed_is_settled_first_next_run_without_a_second_one(
    engine: SyncEngine, client: QuickBooksClient, server: SandboxServer, ledger: Ledger,
    tmp_path: Path,
) -> None:  # fmt: skip
    (doc,) = _documents(tmp_path, 1)
    engine.run([dataclasses.replace(doc, pdf=None)])
    attacher = Attacher(client, ledger, engine.requestids, FAST_RETRY)
    server.set_faults(drop=1.0)  # committed, never answered, every retry included
    outcome = attacher.attach(doc, qbo_id(ledger, doc))
    server.set_faults(drop=0.0)
    assert outcome is not None
    assert outcome.status is PdfStatus.FAILED
    (row,) = Attachments(ledger).unfinished()
    assert row.attachable_id is None

    report = engine.run([doc])

    assert _pdf_states(report) == ["attached"]
    assert len(_attached(server, ledger, doc)) == 1
    assert Attachments(ledger).unfinished() == []


def test_corrupt_download_marks_the_pdf_failed_then_the_next_run_attaches_it(
    engine: SyncEngine, server: SandboxServer, ledger: Ledger, tmp_path: Path
) -> None:
    (doc,) = _documents(tmp_path, 1)
    server.set_faults(corrupt_download=1.0)

    report = engine.run([doc])

    server.set_faults(corrupt_download=0.0)
    (result,) = report.results
    assert (result.outcome, result.pdf) == (Outcome.CREATED, "failed")
    assert "arrived corrupt" in str(result.pdf_note)
    assert report.as_json()["synced"][0]["pdf_error"] == str(result.pdf_note)
    assert report.final_exit_code() is ExitCode.SOME_FAILED
    (row,) = Attachments(ledger).of_document(doc.kind, doc.number)
    assert row.state is RowState.FAILED
    assert row.attachable_id is not None
    again = engine.run([doc])
    assert _pdf_states(again) == ["attached"]
    assert again.final_exit_code() is ExitCode.OK
    assert doc.pdf is not None
    assert doc.pdf.sha256 in [sha256(data) for data in _attached(server, ledger, doc)]


def _blocked(engine: SyncEngine, doc: Document) -> tuple[Blocker, str]:
    (item,) = engine.plan([doc]).items
    assert item.action is Action.BLOCKED
    (reason,) = item.reasons
    return reason.blocker, reason.message


def test_pdf_too_big_missing_or_not_a_pdf_blocks_before_anything_is_sent(
    engine: SyncEngine, server: SandboxServer, tmp_path: Path
) -> None:
    (doc,) = _documents(tmp_path, 1)
    assert doc.pdf is not None
    path = Path(doc.pdf.path)
    before = admin_state(server)["limits"]["admitted"]
    with path.open("r+b") as grown:  # sparse: 100 MB and one byte, written as a hole
        grown.truncate(100 * 1024 * 1024 + 1)
    blocker, message = _blocked(engine, doc)
    assert blocker is Blocker.PDF_TOO_BIG
    assert "100.0 MB" in message
    assert str(path) in message
    path.write_bytes(b"PK\x03\x04 a zip renamed .pdf")
    assert _blocked(engine, doc)[0] is Blocker.PDF_NOT_PDF
    path.write_bytes(b"%PDF-1.7 another file of another size")
    blocker, message = _blocked(engine, doc)
    assert blocker is Blocker.PDF_CHANGED
    assert "import the document again" in message
    os.remove(path)
    blocker, message = _blocked(engine, doc)
    assert blocker is Blocker.PDF_UNREADABLE
    assert "does not exist" in message

    report = engine.run([doc])

    assert [r.outcome for r in report.results] == [Outcome.BLOCKED]
    assert server.entities(entity_of(doc.kind)) == []
    assert server.entities("Attachable") == []
    assert admin_state(server)["limits"]["admitted"] - before <= 2  # the read-ahead only
