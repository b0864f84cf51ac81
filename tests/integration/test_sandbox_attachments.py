"""Attachments in the sandbox over HTTP: multipart upload, replay, refusals, download, query."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import requests

from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory
from tests.integration.pullback_support import new_customer, new_txn

PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\r\n--not-a-boundary\r\n%%EOF\n"


def upload(
    qbo: QboSession,
    invoice_id: str,
    data: bytes = PDF,
    file_name: str = "INV-1001.pdf",
    content_type: str = "application/pdf",
    **params: str,
) -> requests.Response:
    metadata = {
        "AttachableRef": [{"EntityRef": {"type": "Invoice", "value": invoice_id}}],
        "FileName": file_name,
        "ContentType": content_type,
    }
    return qbo.http.post(
        f"{qbo.base}/upload",
        params={"minorversion": "75", **params},
        files={
            "file_metadata_01": ("attachment.json", json.dumps(metadata), "application/json"),
            "file_content_01": (file_name, data, content_type),
        },
    )


def attachable(response: requests.Response) -> dict[str, Any]:
    assert response.status_code == 200, response.text
    entry = response.json()["AttachableResponse"][0]
    assert "Fault" not in entry, entry
    return dict(entry["Attachable"])


def test_upload_links_the_file_and_download_gives_the_same_bytes(qbo: QboSession) -> None:
    invoice = new_txn(qbo, "invoice", new_customer(qbo))

    record = attachable(upload(qbo, invoice["Id"]))

    assert record["FileName"] == "INV-1001.pdf"
    assert record["ContentType"] == "application/pdf"
    assert record["Size"] == len(PDF)
    assert record["AttachableRef"][0]["EntityRef"] == {"type": "Invoice", "value": invoice["Id"]}
    link = qbo.get(f"download/{record['Id']}")
    assert link.status_code == 200
    assert link.headers["Content-Type"].startswith("text/plain")
    assert link.text == record["TempDownloadUri"]
    fetched = requests.get(link.text)  # a pre-signed link: no bearer token
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert hashlib.sha256(fetched.content).hexdigest() == hashlib.sha256(PDF).hexdigest()
    query = f"SELECT * FROM Attachable WHERE AttachableRef.EntityRef.Value = '{invoice['Id']}'"
    rows = qbo.query(query).json()["QueryResponse"]["Attachable"]
    assert [row["Id"] for row in rows] == [record["Id"]]
    assert rows[0]["TempDownloadUri"] == record["TempDownloadUri"]
    assert qbo.get(f"attachable/{record['Id']}").json()["Attachable"]["Size"] == len(PDF)


def test_a_repeated_requestid_replays_without_a_second_attachable(
    qbo: QboSession, sandbox: SandboxServer
) -> None:
    invoice = new_txn(qbo, "invoice", new_customer(qbo))

    first = upload(qbo, invoice["Id"], requestid="att-1")
    again = upload(qbo, invoice["Id"], requestid="att-1")

    assert attachable(first) == attachable(again)
    assert len(sandbox.entities("Attachable")) == 1
    assert sandbox.summary()["replay_mismatches"] == 0  # a new boundary is the same upload
    assert (
        attachable(upload(qbo, invoice["Id"], requestid="att-2"))["Id"] != attachable(first)["Id"]
    )


def test_too_large_and_wrong_types_are_refused_with_a_400(
    qbo_for: Any, sandbox_factory: SandboxFactory
) -> None:
    server = sandbox_factory(attachment_max_bytes=1024)
    qbo = qbo_for(server)
    invoice = new_txn(qbo, "invoice", new_customer(qbo))

    big = upload(qbo, invoice["Id"], data=b"x" * 1025)
    assert big.status_code == 400
    assert "File too large" in big.json()["Fault"]["Error"][0]["Detail"]
    exe = upload(qbo, invoice["Id"], b"MZ", "setup.exe", "application/x-msdownload")
    assert exe.status_code == 400
    assert "Unsupported file type" in exe.json()["Fault"]["Error"][0]["Detail"]
    lying = upload(qbo, invoice["Id"], b"abc", "notes.pdf", "text/plain")
    assert lying.status_code == 400
    empty = upload(qbo, invoice["Id"], b"")
    assert empty.status_code == 400
    assert attachable(upload(qbo, invoice["Id"], data=b"x" * 1024))["Size"] == 1024
    assert len(server.entities("Attachable")) == 1


def test_an_unknown_invoice_is_a_fault_inside_a_200(qbo: QboSession) -> None:
    response = upload(qbo, "999")

    assert response.status_code == 200
    fault = response.json()["AttachableResponse"][0]["Fault"]
    assert fault["Error"][0]["code"] == "610"


def test_base64_parts_as_python_quickbooks_sends_them(qbo: QboSession) -> None:
    invoice = new_txn(qbo, "invoice", new_customer(qbo))
    metadata = json.dumps(
        {
            "AttachableRef": [{"EntityRef": {"type": "Invoice", "value": invoice["Id"]}}],
            "FileName": "scan.png",
            "ContentType": "image/png",
        }
    )
    body = (
        '--b0undary\r\nContent-Disposition: form-data; name="file_metadata_01"\r\n'
        f"Content-Type: application/json\r\n\r\n{metadata}\r\n"
        '--b0undary\r\nContent-Disposition: form-data; name="file_content_01"\r\n'
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        f"{base64.b64encode(PDF).decode()}\r\n--b0undary--\r\n"
    )
    response = qbo.http.post(
        f"{qbo.base}/upload",
        data=body.encode(),
        headers={"Content-Type": "multipart/form-data; boundary=b0undary"},
    )

    record = attachable(response)
    assert record["Size"] == len(PDF)
    assert qbo.server.attachment_bytes(record["Id"]) == PDF


def test_bad_requests_and_wrong_links(qbo: QboSession) -> None:
    not_multipart = qbo.post("upload", {"FileName": "a.pdf"})
    assert not_multipart.status_code == 400
    assert qbo.get("download/77").json()["Fault"]["Error"][0]["code"] == "610"
    invoice = new_txn(qbo, "invoice", new_customer(qbo))
    record = attachable(upload(qbo, invoice["Id"]))
    forged = record["TempDownloadUri"].rsplit("/", 1)[0] + "/guess"
    assert requests.get(forged).status_code == 404
    deleted = qbo.post(
        "attachable", {"Id": record["Id"], "SyncToken": record["SyncToken"]}, operation="delete"
    )
    assert deleted.json()["Attachable"]["status"] == "Deleted"
    assert requests.get(record["TempDownloadUri"]).status_code == 404


def test_files_and_tombstones_survive_a_restart(
    sandbox_factory: SandboxFactory, qbo_for: Any, tmp_path: Any
) -> None:
    state = tmp_path / "company.json"
    server = sandbox_factory(state_file=state)
    qbo = qbo_for(server)
    invoice = new_txn(qbo, "invoice", new_customer(qbo))
    gone = new_txn(qbo, "invoice", invoice["CustomerRef"]["value"])
    record = attachable(upload(qbo, invoice["Id"]))
    qbo.post("invoice", {"Id": gone["Id"], "SyncToken": "0"}, operation="delete")
    server.stop()

    again = sandbox_factory(state_file=state)

    assert again.attachment_bytes(record["Id"]) == PDF
    assert gone["Id"] in again.company.state.tombstones["Invoice"]
