"""The FlowFit API's pdf_url: fetched with the API's session, checked, attached in QuickBooks."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.flowfit.api import FlowFitApiClient, FlowFitApiError
from qbconnector.sandbox.server import SandboxServer
from tests.integration.cli_sync_support import configure_profile, run_sync
from tests.integration.conftest import SandboxFactory
from tests.integration.pdf_support import attachables_of, sha256, write_pdf
from tests.integration.sync_support import in_home_currency, sample, write_documents_file

SYNC_NUMBER = "1001"


@pytest.fixture
def documents_file(tmp_path: Path) -> Path:
    docs = [doc for doc in in_home_currency(sample(10, seed=5)) if doc.kind is DocumentKind.INVOICE]
    return write_documents_file(tmp_path / "flowfit-documents.json", docs[:2])


@pytest.fixture
def server(sandbox_factory: SandboxFactory, documents_file: Path) -> SandboxServer:
    return sandbox_factory(flowfit_documents=documents_file, flowfit_sync_number=SYNC_NUMBER)


def _with_pdf_urls(documents_file: Path, server: SandboxServer, **urls: str) -> list[Any]:
    """Give each record a pdf_url (relative, or as given in ``urls`` by number)."""
    assert server.flowfit is not None
    server.flowfit.pdf_folder.mkdir(exist_ok=True)
    records = json.loads(documents_file.read_text(encoding="utf-8"))
    for index, record in enumerate(records):
        write_pdf(server.flowfit.pdf_folder / f"{record['number']}.pdf", seed=index)
        record["pdf_url"] = urls.get(record["number"], f"pdfs/{record['number']}.pdf")
    documents_file.write_text(json.dumps(records), encoding="utf-8")
    return list(records)


def _list(server: SandboxServer, folder: Path) -> list[Any]:
    client = FlowFitApiClient(server.flowfit_url, SYNC_NUMBER, pdf_folder=folder)
    try:
        return client.documents(DocumentKind.INVOICE, status=DocumentStatus.APPROVED)
    finally:
        client.close()


def test_pdf_url_is_downloaded_and_kept_by_its_hash(
    server: SandboxServer, documents_file: Path, tmp_path: Path
) -> None:
    records = _with_pdf_urls(documents_file, server)
    assert server.flowfit is not None

    documents = _list(server, tmp_path / "pdfs")

    for record, document in zip(records, documents, strict=True):
        served = (server.flowfit.pdf_folder / f"{record['number']}.pdf").read_bytes()
        assert document.pdf is not None
        assert document.pdf.sha256 == sha256(served)
        assert Path(document.pdf.path) == tmp_path / "pdfs" / f"{sha256(served)}.pdf"
        assert Path(document.pdf.path).read_bytes() == served
    assert sorted(p.suffix for p in (tmp_path / "pdfs").iterdir()) == [".pdf", ".pdf"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://192.0.2.1/INV.pdf", "is not on the FlowFit API's server"),
        ("pdfs/nothing-here.pdf", "its pdf_url answered HTTP 404"),
        ("pdfs/not-a-pdf", "is not a PDF"),
    ],
)
def test_an_unusable_pdf_url_names_the_document(
    server: SandboxServer, documents_file: Path, tmp_path: Path, url: str, expected: str
) -> None:
    number = json.loads(documents_file.read_text(encoding="utf-8"))[0]["number"]
    _with_pdf_urls(documents_file, server, **{number: url})
    assert server.flowfit is not None
    (server.flowfit.pdf_folder / "not-a-pdf").write_text("<html>login</html>", encoding="utf-8")

    with pytest.raises(FlowFitApiError, match=expected) as caught:
        _list(server, tmp_path / "pdfs")

    assert f"invoice {number}" in str(caught.value)
    assert not any(p.suffix == ".part" for p in (tmp_path / "pdfs").glob("*"))


def test_sync_from_the_api_attaches_each_pdf(
    server: SandboxServer, documents_file: Path, tmp_path: Path
) -> None:
    records = _with_pdf_urls(documents_file, server)
    profile = tmp_path / "profile"
    configure_profile(profile, server, "--flowfit-api-url", server.flowfit_url,
                      "--customer-sync-number", SYNC_NUMBER)  # fmt: skip

    done = run_sync(profile, "--json")

    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    synced = json.loads(done.stdout)["synced"]
    assert [(entry["number"], entry["pdf"]) for entry in synced] == [
        (record["number"], "attached") for record in records
    ]
    assert server.flowfit is not None
    for entry in synced:
        (attachable,) = attachables_of(server, "Invoice", entry["qbo_id"])
        stored = server.attachment_bytes(str(attachable["Id"]))
        served = (server.flowfit.pdf_folder / f"{entry['number']}.pdf").read_bytes()
        assert stored == served
    reported = {(r["number"], r.get("pdf")) for r in server.flowfit.results}
    assert reported == {(record["number"], "attached") for record in records}
    again = json.loads(run_sync(profile, "--json").stdout)["synced"]
    assert {entry["pdf"] for entry in again} == {"unchanged"}
