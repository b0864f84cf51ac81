"""The import format's pdf field: resolved against the import file, checked, kept with its hash."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from qbconnector.core.pdf_file import PdfProblem, inspect_pdf, read_pdf
from qbconnector.flowfit.csv_form import documents_to_csv
from qbconnector.flowfit.importer import import_file, import_files, read_documents
from qbconnector.flowfit.parse import ImportFileError
from qbconnector.flowfit.store import DocumentStore, UpsertCounts
from tests.integration.pdf_support import sha256, write_pdf
from tests.unit.test_importer import RECORD


def _record(pdf: str | None, number: str = "INV-1") -> dict[str, Any]:
    record = copy.deepcopy(RECORD)
    record["number"] = number
    if pdf is not None:
        record["pdf"] = pdf
    return record


def _write(path: Path, *records: dict[str, Any]) -> Path:
    path.write_text(json.dumps(list(records)), encoding="utf-8")
    return path


def test_relative_pdf_is_read_next_to_the_import_file_and_kept_with_its_hash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    (folder / "pdfs").mkdir(parents=True)
    pdf = write_pdf(folder / "pdfs" / "INV-1.pdf")
    monkeypatch.chdir(tmp_path)  # not the import file's folder
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        import_file(store, _write(folder / "export.json", _record("pdfs/INV-1.pdf")))
        (document,) = store.documents()
    assert document.pdf is not None
    assert document.pdf.path == str(pdf.absolute())
    assert (document.pdf.sha256, document.pdf.size) == (
        sha256(pdf.read_bytes()),
        pdf.stat().st_size,
    )
    assert read_pdf(document.pdf) == pdf.read_bytes()


def test_a_new_version_of_the_pdf_counts_as_an_updated_document(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "INV-1.pdf", seed=1)
    source = _write(tmp_path / "export.json", _record(str(pdf)))
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        assert import_file(store, source) == UpsertCounts(new=1)
        assert import_file(store, source) == UpsertCounts(unchanged=1)
        write_pdf(pdf, seed=2)
        assert import_file(store, source) == UpsertCounts(updated=1)
        (document,) = store.documents()
    assert document.pdf is not None
    assert document.pdf.sha256 == sha256(pdf.read_bytes())


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: folder / "missing.pdf", "does not exist"),
        (lambda folder: folder, "is not a file"),
        (lambda folder: _text_file(folder / "renamed.pdf"), "is not a PDF"),
        (lambda folder: _text_file(folder / "empty.pdf", b""), "is empty"),
    ],
)
def test_an_unusable_pdf_refuses_the_file_and_keeps_what_was_stored(
    tmp_path: Path, make: Any, expected: str
) -> None:
    good = write_pdf(tmp_path / "good.pdf")
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        import_file(store, _write(tmp_path / "first.json", _record(str(good))))
        bad = str(make(tmp_path))
        source = _write(tmp_path / "second.json", _record(None, "INV-2"), _record(bad, "INV-3"))
        (report,) = import_files(store, [source])
        kept = store.documents()
    assert report.error is not None
    assert "record 2 (INV-3), field pdf" in report.error
    assert expected in report.error
    assert [doc.number for doc in kept] == ["INV-1"]  # all or nothing: INV-2 not stored either
    assert kept[0].pdf is not None
    assert kept[0].pdf.path == str(good)


def _text_file(path: Path, data: bytes = b"Invoice INV-3, not a PDF\n") -> Path:
    path.write_bytes(data)
    return path


def test_csv_form_takes_a_pdf_column_and_writes_it_back(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "INV-1.pdf")
    json_file = _write(tmp_path / "export.json", _record("INV-1.pdf"))
    (document,) = read_documents(json_file)
    csv_file = tmp_path / "export.csv"
    csv_file.write_text(documents_to_csv([document]), encoding="utf-8")

    (again,) = read_documents(csv_file)

    assert "pdf" in csv_file.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert again.pdf == document.pdf == inspect_pdf(pdf)


def test_too_big_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.pdf"
    with big.open("wb") as out:  # sparse: nothing written but the magic
        out.write(b"%PDF-1.4\n")
        out.truncate(100 * 1024 * 1024 + 1)
    with pytest.raises(ImportFileError, match=r"field pdf: .* is 100\.0 MB; QuickBooks takes"):
        read_documents(_write(tmp_path / "export.json", _record(str(big))))
    with pytest.raises(ValueError, match=r"100\.0 MB") as caught:
        inspect_pdf(big)
    assert getattr(caught.value, "problem", None) is PdfProblem.TOO_BIG
