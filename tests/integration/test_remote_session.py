"""The window's sync served from a child process: same answers as a SyncSession, over a pipe."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import multiprocessing
import os
import signal
import sys
import threading
from pathlib import Path

import pytest

from qbconnector.core.documents import Document, DocumentKind
from qbconnector.core.errors import BadInputError
from qbconnector.core.redact import register_secret
from qbconnector.core.settings import Settings
from qbconnector.sandbox.server import SandboxServer
from qbconnector.storage.ledger import Ledger
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import (
    ACCESS_TOKEN,
    CLIENT_SECRET,
    REFRESH_TOKEN,
    FileVault,
    KeyringVault,
    open_vault,
)
from qbconnector.sync.child import Channel, ForwardLogs
from qbconnector.sync.connection import Pace
from qbconnector.sync.engine import EngineConfig
from qbconnector.sync.remote import RemoteSession, SyncProcessError, can_run_apart
from qbconnector.sync.results import Callbacks, DocumentResult, Outcome
from qbconnector.sync.session import SessionConfig
from tests.gui.finance_support import (
    approved_invoices,
    blocked,
    connect_profile,
    sandbox_settings,
    store_documents,
)
from tests.integration.sync_support import FAST_RETRY, assert_exactly_once
from tests.sandbox_fixtures import SandboxFactory

FAST = SessionConfig(engine=EngineConfig(batch_size=5, retry=FAST_RETRY), pace=Pace(time_scale=60))


def _connected(tmp_path: Path, server: SandboxServer) -> tuple[Profile, Settings]:
    """A profile whose secrets are in its file, which the child opens as the window would
    (the tests' in-memory keyring lives only in this process)."""
    profile = Profile(tmp_path / "profile", "--profile").ensure()
    settings = sandbox_settings(server)
    connect_profile(profile, server, settings)
    keyring_store, file_store = open_vault(profile).store, FileVault(profile.vault_file)
    for name in (CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN):
        file_store.set(name, keyring_store.get(name) or "")
    return profile, settings


def _open(profile: Profile, settings: Settings, config: SessionConfig = FAST) -> RemoteSession:
    return RemoteSession(profile, settings, FileVault(profile.vault_file), config)


def _holding(
    sandbox_factory: SandboxFactory, tmp_path: Path, invoices: list[Document]
) -> tuple[SandboxServer, Profile, Settings]:
    """A sandbox and a connected profile whose store holds ``invoices``."""
    server = sandbox_factory(time_scale=60)
    profile, settings = _connected(tmp_path, server)
    store_documents(profile, invoices)
    return server, profile, settings


def test_a_run_in_the_child_sends_records_and_reports_like_a_session(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=60)
    profile, settings = _connected(tmp_path, server)
    invoices = approved_invoices(12)
    draft = blocked(invoices[-1])
    store_documents(profile, [*invoices[:-1], draft])
    numbers = [doc.number for doc in invoices]
    progress: list[tuple[int, int]] = []
    results: list[DocumentResult] = []
    session = _open(profile, settings)
    try:
        preflight = session.preflight(DocumentKind.INVOICE, numbers)
        assert [r.number for r in preflight.blocked] == [draft.number]
        assert preflight.sendable == tuple(doc.number for doc in invoices[:-1])
        callbacks = Callbacks(progress=lambda d, t: progress.append((d, t)), result=results.append)
        report = session.send_prepared(callbacks)
        views = session.views([(DocumentKind.INVOICE, n) for n in numbers])
    finally:
        session.close()
    assert {r.outcome for r in report.results} == {Outcome.CREATED}
    assert sorted(r.number for r in results) == sorted(r.number for r in report.results)
    assert progress[-1] == (11, 11)
    assert_exactly_once(server, invoices[:-1])
    assert views[(DocumentKind.INVOICE, draft.number)] is None
    assert all(views[(DocumentKind.INVOICE, doc.number)] is not None for doc in invoices[:-1])
    with Ledger.open(profile.ledger_file) as ledger:  # the child's rows are in the profile
        assert ledger.get(DocumentKind.INVOICE, invoices[0].number) is not None


def test_opening_refusals_come_back_as_the_same_error(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    server = sandbox_factory(time_scale=60)
    profile, settings = _connected(tmp_path, server)
    off = settings.with_section("server", enabled=False)
    with pytest.raises(BadInputError, match="connection is disabled"):
        _open(profile, off)


def test_a_cancel_stops_the_child_between_batches(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    invoices = approved_invoices(40)
    _server, profile, settings = _holding(sandbox_factory, tmp_path, invoices)
    cancel = threading.Event()

    def result(document_result: DocumentResult) -> None:
        cancel.set()  # cancel as soon as the first result is back

    config = dataclasses.replace(FAST, engine=dataclasses.replace(FAST.engine, in_flight=1))
    session = _open(profile, settings, config)
    try:
        report = session.run(invoices, Callbacks(result=result), cancel)
        again = session.preflight(DocumentKind.INVOICE, [invoices[0].number])  # still answers
    finally:
        session.close()
    assert report.cancelled
    created = [r for r in report.results if r.outcome is Outcome.CREATED]
    assert 0 < len(created) < len(invoices)
    assert again.kind is DocumentKind.INVOICE


def test_a_killed_child_is_reported_and_what_it_sent_stays_recorded(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    invoices = approved_invoices(30)
    server, profile, settings = _holding(sandbox_factory, tmp_path, invoices)
    session = _open(profile, settings)

    def kill_on_first_result(document_result: DocumentResult) -> None:
        os.kill(session.pid, signal.SIGKILL)

    with pytest.raises(SyncProcessError, match="stopped unexpectedly") as raised:
        session.run(invoices, Callbacks(result=kill_on_first_result))
    session.close()
    assert "press Synchronize again" in str(raised.value)
    retry = _open(profile, settings)  # the next run finishes without sending anything twice
    try:
        retry.run(invoices)
    finally:
        retry.close()
    assert_exactly_once(server, invoices)


def test_child_log_lines_reach_the_window(
    sandbox_factory: SandboxFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    server = sandbox_factory(time_scale=60)
    profile, settings = _connected(tmp_path, server)
    caplog.set_level(logging.INFO)
    session = _open(profile, settings)
    try:
        with pytest.raises(AttributeError):  # the same type as in this process
            session.preflight("not a kind", ["F-1"])  # type: ignore[arg-type]
    finally:
        session.close()
    relayed = [r for r in caplog.records if r.processName == "qbconnector-sync"]
    assert [r.getMessage().split(":")[0] for r in relayed] == ["preflight failed"]


def test_forwarded_log_lines_are_masked_before_they_leave_the_child() -> None:
    secret = "child-only-refresh-token-0123456789"
    register_secret(secret)  # as the child's vault does when it reads a token
    parent, child = multiprocessing.Pipe()
    handler = ForwardLogs(Channel(child))
    try:
        raise RuntimeError(f"refused {secret}")
    except RuntimeError:
        record = logging.LogRecord("qbconnector.x", logging.ERROR, __file__, 1,
                                   "token %s", (secret,), sys.exc_info())  # fmt: skip
    handler.emit(record)
    kind, fields = parent.recv()
    assert kind == "log"
    assert secret not in fields["msg"]
    assert secret not in fields["exc_text"]
    assert fields["msg"].startswith("token ")
    assert "RuntimeError" in fields["exc_text"]


def test_only_vaults_another_process_can_open_run_apart(tmp_path: Path) -> None:
    assert can_run_apart(FileVault(tmp_path / "secrets.json"))
    assert not can_run_apart(_MemoryVault())
    assert not can_run_apart(KeyringVault("key", "conftest MemoryKeyring"))  # set in code


class _MemoryVault:
    def get(self, name: str) -> str | None:
        return None

    def set(self, name: str, value: str) -> None:
        pass

    def delete(self, name: str) -> None:
        pass


def test_an_automatic_pass_in_the_child_pushes_and_pulls(
    sandbox_factory: SandboxFactory, tmp_path: Path
) -> None:
    invoices = _due_next_year(approved_invoices(4))
    server, profile, settings = _holding(sandbox_factory, tmp_path, invoices)
    auto = settings.with_section("invoices", auto_sync=True)
    session = _open(profile, auto)
    try:
        done = session.auto_pass()
    finally:
        session.close()
    assert done.report is not None
    assert {r.outcome for r in done.report.results} == {Outcome.CREATED}
    assert done.pulled is not None
    assert {row.number for row in done.pulled.rows} == {doc.number for doc in invoices}
    assert all(view is not None for view in done.views.values())
    assert_exactly_once(server, invoices)


def _due_next_year(documents: list[Document]) -> list[Document]:
    due = dt.date.today() + dt.timedelta(days=365)
    return [dataclasses.replace(doc, due_date=due) for doc in documents]
