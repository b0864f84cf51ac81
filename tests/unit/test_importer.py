"""Import of FlowFit JSON and CSV exports: exact values, precise rejections, all or nothing."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qbconnector.core.documents import DocumentKind
from qbconnector.flowfit.csv_form import documents_to_csv, parse_csv
from qbconnector.flowfit.importer import (
    documents_to_json,
    import_files,
    parse_json,
    read_documents,
)
from qbconnector.flowfit.parse import ImportFileError
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore, UpsertCounts
from tests.record_edits import edited

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

RECORD: dict[str, Any] = {
    "kind": "invoice",
    "number": "INV-1",
    "status": "approved",
    "date": "2026-11-02",
    "due_date": "2026-12-02",
    "currency": "CAD",
    "client": {"code": "ACME", "name": "Acme Traductions inc."},
    "project": {"number": "P-1", "target_languages": ["fr-CA"]},
    "lines": [
        {"service": "Translation", "description": "EN>FR", "quantity": "10", "unit_price": "0.18"}
    ],
}
HEADER = (
    "kind,number,status,date,currency,client_code,client_name,project_number,"
    "line_service,line_description,line_quantity,line_unit_price"
)


def _json_error(records: Any) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_json(json.dumps(records), "invoices.json")
    return str(caught.value)


def _csv_error(text: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        parse_csv(text, "invoices.csv")
    return str(caught.value)


def test_sample_files_hold_the_same_documents() -> None:
    from_json = read_documents(SAMPLES / "sample-documents.json")
    from_csv = read_documents(SAMPLES / "sample-documents.csv")
    assert from_json == from_csv
    assert len(from_json) == 12
    assert {d.kind for d in from_json} == set(DocumentKind)
    assert {d.currency for d in from_json} == {"CAD", "USD"}
    assert any("'" in d.client.name for d in from_json)


def test_json_numbers_are_read_exactly_never_as_floats() -> None:
    record = copy.deepcopy(RECORD)
    record["lines"][0] = {"service": "S", "description": "D", "quantity": 3, "unit_price": 0.1}
    text = json.dumps([record]).replace("0.1", "0.10000000000000000001")
    line = parse_json(text, "x.json")[0].lines[0]
    assert line.unit_price == Decimal("0.10000000000000000001")
    assert line.quantity == Decimal(3)


def test_wrapper_object_is_accepted() -> None:
    documents = parse_json(json.dumps({"$schema": "s.json", "documents": [RECORD]}), "x.json")
    assert [document.number for document in documents] == ["INV-1"]


def _with(path: str, value: Any) -> dict[str, Any]:
    return edited(RECORD, {path: value})


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("lines.0.unit_price", "abc", 'field lines[0].unit_price: "abc" is not a number'),
        ("lines.0.quantity", "1,5", 'lines[0].quantity: "1,5" is not a number (use a dot: 1.5)'),
        ("lines.0.quantity", True, "field lines[0].quantity: true is not a number"),
        ("status", "paid", 'field status: "paid" is not one of draft, approved, cancelled'),
        ("kind", "credit", 'field kind: "credit" is not one of invoice, quote'),
        ("currency", "cad", 'field currency: "cad" is not a currency (expected a 3-letter'),
        ("date", "2026-02-30", 'field date: "2026-02-30" is not a date (expected YYYY-MM-DD)'),
        ("date", "02/11/2026", 'field date: "02/11/2026" is not a date'),
        ("due_date", "2026-10-01", "field due_date: 2026-10-01 is before the document date"),
        ("valid_until", "2026-12-01", "valid_until: an invoice has no valid_until (use due_date)"),
        ("number", "  ", "field number: must not be empty"),
        ("number", KeyError, "field number: is required"),
        ("client.name", KeyError, "field client.name: is required"),
        ("client.email", "acme", 'field client.email: "acme" is not an email address'),
        ("client.vat", "123", "client.vat: unknown field (allowed: code, name, email, language)"),
        ("project.target_languages", "fr", 'field project.target_languages: must be a list'),
        ("project.target_languages", ["fr", "French"], 'target_languages[1]: "French" is not a'),
        ("lines", [], "field lines: must hold at least one line"),
        ("lines.0.colour", "red", "field lines[0].colour: unknown field (allowed: service, descr"),
        ("updated_at", "2026-11-02T10:00", 'updated_at: "2026-11-02T10:00" is not a date and time'),
        ("colour", "red", "field colour: unknown field (allowed: kind, number, status, date,"),
    ],
)  # fmt: skip
def test_a_bad_field_is_named_with_its_record(path: str, value: Any, message: str) -> None:
    records = [_with("number", "INV-0"), _with(path, value)]
    error = _json_error(records)
    label = "" if path == "number" else " (INV-1)"
    assert error.startswith(f"invoices.json: record 2{label}, ")
    assert message in error


def test_the_reference_message_of_the_import_format() -> None:
    records = [_with("number", f"INV-104{index}") for index in (2, 3, 4)]
    records[2]["lines"][0]["unit_price"] = "abc"
    assert _json_error(records) == (
        'invoices.json: record 3 (INV-1044), field lines[0].unit_price: "abc" is not a number'
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[1, 2", "invoices.json: not valid JSON: Expecting"),
        ('{"kind": "invoice", "kind": "quote"}', 'the field "kind" appears twice'),
        ("[NaN]", "NaN is not a number JSON allows"),
        ('{"docs": []}', 'unknown top-level field "docs" (allowed: $schema, documents)'),
        ('"hello"', "expected an array of documents"),
        ("[42]", "invoices.json: record 1: must be an object, not 42"),
    ],
)  # fmt: skip
def test_malformed_json_files_are_explained(text: str, message: str) -> None:
    with pytest.raises(ImportFileError) as caught:
        parse_json(text, "invoices.json")
    assert message in str(caught.value)


def test_a_key_twice_in_one_json_file_is_refused() -> None:
    error = _json_error([RECORD, _with("number", "INV-2"), RECORD])
    assert (
        error
        == 'invoices.json: record 3 (INV-1), field number: "INV-1" is already record 1 of this file'
    )


def test_csv_rows_of_a_document_are_grouped_in_order() -> None:
    text = (
        "\ufeff" + HEADER + ",target_languages,line_unit\r\n"
        'invoice,INV-1,approved,2026-11-02,CAD,ACME,"Acme, inc.",P-1,'
        'Translation,"EN>FR\nwall texts",10,0.18,fr|es,word\r\n'
        "quote,Q-1,draft,2026-11-02,USD,B,Buckeye,P-2,Revision,R,2,1.5,,\r\n"
        'invoice,INV-1,approved,2026-11-02,CAD,ACME,"Acme, inc.",P-1,Revision,R,10,0.07,fr|es,\r\n'
        ",,,,,,,,,,,,,\r\n"
    )  # fmt: skip
    invoice, quote = parse_csv(text, "x.csv")
    assert invoice.client.name == "Acme, inc."
    assert [line.service for line in invoice.lines] == ["Translation", "Revision"]
    assert invoice.lines[0].description == "EN>FR\nwall texts"
    assert (invoice.lines[0].unit, invoice.lines[1].unit) == ("word", None)
    assert invoice.project.target_languages == ("fr", "es")
    assert quote.lines[0].unit_price == Decimal("1.5")


def test_csv_with_semicolons_as_saved_by_a_french_spreadsheet() -> None:
    row = "invoice;INV-1;approved;2026-11-02;CAD;ACME;Acme;P-1;Translation;EN>FR, 10 words;10;0.18"
    (document,) = parse_csv(HEADER.replace(",", ";") + "\n" + row + "\n", "x.csv")
    assert document.lines[0].description == "EN>FR, 10 words"


def test_csv_errors_name_the_line_and_column() -> None:
    good = "invoice,INV-1,approved,2026-11-02,CAD,ACME,Acme,P-1,Translation,T,10,0.18"
    multi_line = (
        'invoice,INV-2,approved,2026-11-02,CAD,ACME,Acme,P-2,Translation,"two\nlines",10,0.18'
    )
    bad_price = "invoice,INV-2,approved,2026-11-02,CAD,ACME,Acme,P-2,Revision,R,10,abc"
    text = "\n".join([HEADER, good, multi_line, bad_price]) + "\n"
    assert _csv_error(text) == (
        'invoices.csv: record 2 (INV-2), line 5, field line_unit_price: "abc" is not a number'
    )
    other_name = good.replace(",Acme,", ",Acme inc.,")
    assert _csv_error("\n".join([HEADER, good, other_name])) == (
        'invoices.csv: record 1 (INV-1), line 3, field client_name: "Acme inc." differs from'
        ' "Acme" on line 2 (document fields must be the same on every row of a document)'
    )
    no_client = good.replace(",ACME,", ",,")
    assert _csv_error("\n".join([HEADER, no_client])) == (
        "invoices.csv: record 1 (INV-1), line 2, field client_code: is required"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "invoices.csv: the file is empty (expected a header row: kind, number,"),
        (HEADER + ",colour\n", 'invoices.csv: line 1: unknown column "colour" (allowed: kind,'),
        (HEADER + ",kind\n", 'invoices.csv: line 1: column "kind" appears twice'),
        (HEADER.replace(",currency", ""), "invoices.csv: line 1: missing column(s) currency"),
        (HEADER + "\ninvoice,INV-1", "invoices.csv: line 2: 2 cells, but the header has 12"),
    ],
)  # fmt: skip
def test_malformed_csv_files_are_explained(text: str, message: str) -> None:
    assert _csv_error(text).startswith(message)


def test_generated_documents_round_trip_through_both_forms() -> None:
    documents = generate_documents(300, seed=5)
    assert parse_json(documents_to_json(documents), "x.json") == documents
    assert parse_csv(documents_to_csv(documents), "x.csv") == documents


def test_import_files_is_all_or_nothing_per_file(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps([RECORD]), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([_with("number", "INV-7"), _with("lines.0.quantity", "x")]))
    latin1 = tmp_path / "excel.csv"
    latin1.write_bytes(
        (HEADER + "\ninvoice,INV-8,approved,2026-11-02,CAD,M,Musée").encode("cp1252")
    )
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        reports = import_files(store, [bad, good, latin1, tmp_path / "missing.csv", good])
        assert [report.counts for report in reports] == [
            None,
            UpsertCounts(new=1),
            None,
            None,
            UpsertCounts(unchanged=1),
        ]
        assert reports[0].error == (
            f'{bad}: record 2 (INV-1), field lines[0].quantity: "x" is not a number'
        )
        assert "not UTF-8 text" in str(reports[2].error)
        assert (
            reports[3].error
            == f"{tmp_path / 'missing.csv'}: cannot read the file: No such file or directory"
        )
        assert store.keys() == [(DocumentKind.INVOICE, "INV-1")]  # nothing of bad.json
