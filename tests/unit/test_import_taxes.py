"""Taxes in the import format (JSON and CSV), the document store and its migration."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qbconnector.core.documents import Document, DocumentTax, TaxComponent, document_to_dict
from qbconnector.flowfit.csv_form import CSV_COLUMNS, documents_to_csv, parse_csv
from qbconnector.flowfit.importer import documents_to_json, import_files, parse_json, read_documents
from qbconnector.flowfit.parse import ImportFileError
from qbconnector.flowfit.samples import generate_documents
from qbconnector.flowfit.store import DocumentStore, UpsertCounts
from qbconnector.flowfit.store_rows import ROW_COLUMNS, SCHEMA_V1, document_row
from tests.record_edits import REMOVE, edited

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"

# A Québec invoice: 250.00 taxable (GST 5 % + QST 9.975 %) and a 40.00 line no tax applies to.
QUEBEC: dict[str, Any] = {
    "kind": "invoice",
    "number": "INV-2001",
    "status": "approved",
    "date": "2026-11-02",
    "due_date": "2026-12-02",
    "currency": "CAD",
    "client": {"code": "MUSEE", "name": "Musée de la Ville"},
    "project": {"number": "P-3001"},
    "tax": {
        "code": "TPS-TVQ",
        "name": "GST + QST",
        "components": [
            {"name": "GST", "rate": "5", "amount": "12.50"},
            {"name": "QST", "rate": "9.975", "amount": "24.94"},
        ],
    },
    "total": "327.44",
    "updated_at": "2026-11-02T10:15:00-05:00",
    "lines": [
        {"service": "Translation", "description": "EN>FR 1,000 words", "quantity": "1000",
         "unit": "word", "unit_price": "0.25"},
        {"service": "Certified copy", "quantity": "2", "unit_price": "20", "taxable": False},
    ],
}  # fmt: skip
# An Ontario quote: HST 13 % on 1,000.00.
ONTARIO: dict[str, Any] = {
    "kind": "quote",
    "number": "Q-3001",
    "status": "draft",
    "date": "2026-11-03",
    "currency": "CAD",
    "client": {"code": "TOR", "name": "Toronto Books"},
    "project": {"number": "P-3002"},
    "updated_at": "2026-11-03T09:00:00Z",
    "tax": {"code": "HST-ON", "name": "HST", "components": [{"name": "HST", "rate": 13,
                                                             "amount": "130.00"}]},
    "lines": [{"service": "Editing", "description": "Book", "quantity": "40", "unit": "hour",
               "unit_price": "25"}],
}  # fmt: skip
UNTAXED: dict[str, Any] = edited(
    QUEBEC, {"number": "INV-2002", "tax": REMOVE, "total": REMOVE, "lines.0.taxable": False}
)

HEADER = (
    "kind,number,status,date,due_date,currency,client_code,client_name,project_number,"
    "tax_code,tax_name,tax1_name,tax1_rate,tax1_amount,tax2_name,tax2_rate,tax2_amount,total,"
    "line_service,line_description,line_quantity,line_unit,line_unit_price,line_taxable"
)
QUEBEC_ROWS = [
    "invoice,INV-2001,approved,2026-11-02,2026-12-02,CAD,MUSEE,Musée de la Ville,P-3001,"
    'TPS-TVQ,GST + QST,GST,5,12.50,QST,9.975,24.94,327.44,Translation,"EN>FR 1,000 words",1000,'
    "word,0.25,",
    "invoice,INV-2001,approved,2026-11-02,2026-12-02,CAD,MUSEE,Musée de la Ville,P-3001,"
    "TPS-TVQ,GST + QST,GST,5,12.50,QST,9.975,24.94,327.44,Certified copy,,2,,20,No",
]
ONTARIO_ROW = (
    "quote,Q-3001,draft,2026-11-03,,CAD,TOR,Toronto Books,P-3002,HST-ON,HST,HST,13,130.00,,,,,"
    "Editing,Book,40,hour,25,TRUE"
)


def _json(*records: dict[str, Any]) -> list[Document]:
    return parse_json(json.dumps(list(records)), "taxes.json")


def _json_error(record: dict[str, Any]) -> str:
    with pytest.raises(ImportFileError) as caught:
        _json(record)
    return str(caught.value)


def _csv(*rows: str, header: str = HEADER) -> list[Document]:
    return parse_csv("\r\n".join([header, *rows]) + "\r\n", "taxes.csv")


def _csv_error(*rows: str) -> str:
    with pytest.raises(ImportFileError) as caught:
        _csv(*rows)
    return str(caught.value)


# -- reading ---------------------------------------------------------------------------------


def test_a_compound_tax_with_a_line_it_does_not_apply_to() -> None:
    (invoice,) = _json(QUEBEC)
    assert invoice.tax == DocumentTax(
        "TPS-TVQ",
        "GST + QST",
        (
            TaxComponent("GST", Decimal("5"), Decimal("12.50")),
            TaxComponent("QST", Decimal("9.975"), Decimal("24.94")),
        ),
    )
    assert [line.taxable for line in invoice.lines] == [True, False]
    assert invoice.lines[1].description == "Certified copy"  # no description: the service
    assert (invoice.subtotal, invoice.taxable_subtotal, invoice.untaxed_subtotal) == (
        Decimal("290.00"),
        Decimal("250.00"),
        Decimal("40.00"),
    )
    assert (invoice.tax_amount, invoice.total) == (Decimal("37.44"), Decimal("327.44"))


def test_a_simple_tax_given_as_json_numbers_is_read_exactly() -> None:
    record = edited(ONTARIO, {"tax.components.0.rate": 13})
    text = json.dumps([record]).replace('"130.00"', "130.000")
    (quote,) = parse_json(text, "taxes.json")
    assert quote.tax is not None
    (hst,) = quote.tax.components
    assert (hst.rate, hst.amount) == (Decimal(13), Decimal("130.000"))
    assert str(hst.amount) == "130.000"  # as given, never through a float
    assert quote.total == Decimal("1130.00")
    nine = parse_json(json.dumps([QUEBEC]).replace('"9.975"', "9.975"), "taxes.json")[0]
    assert nine.tax is not None
    assert str(nine.tax.rates[1]) == "9.975"


def test_an_untaxed_document_and_non_taxable_lines_without_tax() -> None:
    (document,) = _json(UNTAXED)
    assert document.tax is None
    assert [line.taxable for line in document.lines] == [False, False]
    assert (document.tax_amount, document.total) == (Decimal("0.00"), document.subtotal)
    assert _json(edited(UNTAXED, {"total": "290.00"})) == [document]
    assert _json(edited(UNTAXED, {"tax": None, "total": None})) == [document]


def test_a_component_may_be_off_by_half_a_cent_per_taxable_line() -> None:
    # three taxable lines of 0.10: 5 % is 0.015, so FlowFit's per-line rounding may bill 0.00
    # to 0.03; the tolerance is 0.005 x (3 + 1) = 0.02 around 0.015.
    lines = [{"service": "S", "quantity": "1", "unit_price": "0.10"} for _ in range(3)]
    gst = {"code": "GST", "name": "GST", "components": [{"name": "GST", "rate": "5"}]}
    for amount, accepted in (("0.00", True), ("0.03", True), ("0.04", False)):
        record = edited(QUEBEC, {"lines": lines, "tax": gst, "total": REMOVE})
        record["tax"]["components"][0]["amount"] = amount
        if accepted:
            assert _json(record)[0].tax_amount == Decimal(amount)
        else:
            assert "wrong rate" in _json_error(record)


def test_csv_rows_carry_the_tax_on_every_row_of_a_document() -> None:
    invoice, quote = _csv(QUEBEC_ROWS[0], ONTARIO_ROW, QUEBEC_ROWS[1])
    unstamped = [edited(record, {"updated_at": REMOVE}) for record in (QUEBEC, ONTARIO)]
    assert [invoice, quote] == _json(*unstamped)
    assert [line.taxable for line in invoice.lines] == [True, False]


@pytest.mark.parametrize(
    ("cell", "taxable"),
    [("", True), ("true", True), ("Yes", True), ("1", True), ("FALSE", False), ("no", False),
     ("0", False), (" No ", False)],
)  # fmt: skip
def test_csv_line_taxable_cells(cell: str, taxable: bool) -> None:
    row = ONTARIO_ROW.removesuffix("TRUE") + cell
    if not taxable:  # the HST then applies to nothing
        row = row.replace(",130.00,", ",0.00,")
    (quote,) = _csv(row)
    assert quote.lines[0].taxable is taxable


def test_csv_without_tax_columns_imports_as_before() -> None:
    header = "kind,number,status,date,currency,client_code,client_name,project_number,line_service"
    header += ",line_quantity,line_unit_price"
    (document,) = _csv(
        "invoice,INV-1,approved,2026-11-02,CAD,A,Acme,P-1,Translation,10,0.18", header=header
    )
    assert document.tax is None
    assert document.lines[0].description == "Translation"


def test_taxed_documents_round_trip_through_both_forms() -> None:
    documents = _json(QUEBEC, ONTARIO, UNTAXED)
    assert parse_json(documents_to_json(documents), "x.json") == documents
    assert parse_csv(documents_to_csv(documents), "x.csv") == documents
    exported = documents_to_csv(documents).splitlines()
    assert exported[0] == ",".join(CSV_COLUMNS)
    assert "TPS-TVQ,GST + QST,GST,5,12.50,QST,9.975,24.94,327.44" in exported[2]
    assert exported[2].endswith(",false")
    assert [document_to_dict(d) for d in parse_json(documents_to_json(documents), "x")] == [
        document_to_dict(d) for d in documents
    ]


# -- refusals --------------------------------------------------------------------------------

_PST = {"name": "PST", "rate": "7", "amount": "17.50"}


JSON_REFUSALS: list[tuple[dict[str, Any], str]] = [
    ({"tax.components": [*QUEBEC["tax"]["components"], _PST]},
     "field tax.components[2]: a tax has one or two components (Tax 1 and Tax 2)"),
    ({"tax.components": []}, "field tax.components: must not be empty: a tax has one or two"),
    ({"tax.components": "GST"}, "field tax.components: must be a list of components"),
    ({"tax.components.0.rate": "-5"},
     "field tax.components[0].rate: -5 is not a tax rate: give a percentage from 0 up to"),
    ({"tax.components.1.rate": "100"}, "field tax.components[1].rate: 100 is not a tax rate"),
    ({"tax.components.1.rate": "9,975"},
     'field tax.components[1].rate: "9,975" is not a number (use a dot: 9.975)'),
    ({"tax.components.0.amount": "12.499"},
     "field tax.components[0].amount: 12.499 has more than 2 decimals: give the tax billed,"
     " in cents (e.g. 12.50)"),
    ({"tax.components.0.amount": "-12.50"},
     "field tax.components[0].amount: -12.50 is negative: a tax amount is 0 or more"),
    ({"tax.components.1.rate": "0.09975"},
     "field tax.components[1].amount: QST is 24.94, but 0.09975 % of the taxable subtotal"
     " 250.00 is 0.25: wrong rate, or wrong amount (FlowFit's rounding explains at most"
     " 0.01 of difference here; a rate is a percentage: 9.975 means 9.975 %)"),
    ({"lines.1.taxable": True},  # then 290.00 is taxable: GST 14.50, not 12.50
     "field tax.components[0].amount: GST is 12.50, but 5 % of the taxable subtotal 290.00"
     " is 14.50: wrong rate"),
    ({"total": "327.45"},
     "field total: 327.45 is not the subtotal 290.00 plus the tax 37.44 = 327.44"
     " (difference +0.01)"),
    ({"total": "290.00"}, "(difference -37.44)"),
    ({"tax": REMOVE},
     "field total: 327.44 is not the subtotal 290.00 (difference +37.44): a document"
     " without tax totals its subtotal"),
    ({"tax.components.1.name": "gst"},
     'field tax.components[1].name: "gst" is also the name of components[0]: the components'
     " of a tax have distinct names"),
    ({"tax.code": " "}, "field tax.code: must not be empty"),
    ({"tax.name": REMOVE}, "field tax.name: is required"),
    ({"tax.components.0.name": REMOVE}, "field tax.components[0].name: is required"),
    ({"tax.components.0.base": "250"},
     "field tax.components[0].base: unknown field (allowed: name, rate, amount)"),
    ({"tax": "TPS-TVQ"}, 'field tax: must be an object, not "TPS-TVQ"'),
    ({"lines.1.taxable": "no"}, 'field lines[1].taxable: must be true or false, not "no"'),
    ({"lines.1.description": ""}, "field lines[1].description: must not be empty"),
]  # fmt: skip


@pytest.mark.parametrize(("change", "message"), JSON_REFUSALS)
def test_json_refusals_say_what_is_wrong(change: dict[str, Any], message: str) -> None:
    error = _json_error(edited(QUEBEC, change))
    assert error.startswith("taxes.json: record 1 (INV-2001), ")
    assert message in error


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([QUEBEC_ROWS[0], QUEBEC_ROWS[1].replace(",No", ",maybe")],
         'line 3, field line_taxable: "maybe" is not true or false (write true, false, yes, no,'
         " 1 or 0; empty is true)"),
        ([QUEBEC_ROWS[0].replace(",24.94,", ",2.49,"), QUEBEC_ROWS[1].replace(",24.94,", ",2.49,")],
         "line 2, field tax2_amount: QST is 2.49, but 9.975 % of the taxable subtotal 250.00 is"
         " 24.94: wrong rate"),
        ([QUEBEC_ROWS[0], QUEBEC_ROWS[1].replace(",5,", ",5.0,")],
         'line 3, field tax1_rate: "5.0" differs from "5" on line 2 (document fields must be'),
        ([QUEBEC_ROWS[0].replace(",327.44,", ",327,"), QUEBEC_ROWS[1].replace(",327.44,", ",327,")],
         "line 2, field total: 327 is not the subtotal 290.00 plus the tax 37.44 = 327.44"
         " (difference -0.44)"),
        ([ONTARIO_ROW.replace(",HST,13,130.00,,,,", ",,,,QST,9.975,99.75,")],
         "line 2, field tax1_name: is required"),
        ([ONTARIO_ROW.replace("HST-ON,HST,", ",HST,")], "line 2, field tax_code: is required"),
        ([ONTARIO_ROW.replace(",13,", ",1e2,")], "line 2, field tax1_rate: 1E+2 is not a tax rate"),
        ([ONTARIO_ROW.replace(",130.00,", ",130.001,")], "line 2, field tax1_amount: 130.001 has"),
    ],
)  # fmt: skip
def test_csv_refusals_name_the_line_and_column(rows: list[str], message: str) -> None:
    error = _csv_error(*rows)
    assert error.startswith("taxes.csv: record 1 (")
    assert message in error


# -- backwards compatibility -----------------------------------------------------------------

# The content hashes of the sample files and of 200 generated documents, computed by
# qbconnector before taxes existed (commit 3c64330): untaxed documents must keep them, or every
# stored and synced document would look changed.
HASH_OF_INV_1042 = "72badda1f46cf160049063d7baffa7d0f0344bdfcce2da5d8ab89d623bc21590"
HASH_OF_ALL = "36741f37a35137e4e214668d822c59aa23137e9b08d97a626613182858cb9926"


def untaxed(documents: list[Document]) -> list[Document]:
    """The documents without their tax: the sample files before their taxes were added."""
    return [dataclasses.replace(document, tax=None) for document in documents]


def test_untaxed_documents_keep_their_content_hash() -> None:
    documents = (
        untaxed(read_documents(SAMPLES / "sample-documents.json"))
        + untaxed(read_documents(SAMPLES / "sample-documents.csv"))
        + generate_documents(200, seed=9, taxes=False)
    )
    assert all(document.tax is None for document in documents)
    assert documents[0].content_hash() == HASH_OF_INV_1042
    joined = "".join(document.content_hash() for document in documents)
    assert hashlib.sha256(joined.encode()).hexdigest() == HASH_OF_ALL
    assert "tax" not in document_to_dict(documents[0])
    assert "total" not in document_to_dict(documents[0])


def test_the_tax_and_taxable_change_the_content_hash() -> None:
    (invoice,) = _json(QUEBEC)
    (untaxed,) = _json(edited(QUEBEC, {"tax": REMOVE, "total": REMOVE}))
    assert invoice.content_hash() != untaxed.content_hash()
    all_taxable = dataclasses.replace(
        untaxed, lines=tuple(dataclasses.replace(line, taxable=True) for line in untaxed.lines)
    )
    assert all_taxable.content_hash() != untaxed.content_hash()


# -- the store -------------------------------------------------------------------------------


def test_taxes_round_trip_through_the_store(tmp_path: Path) -> None:
    documents = _json(QUEBEC, ONTARIO, UNTAXED)
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        assert store.upsert_many(documents) == UpsertCounts(new=3)
        for document in documents:
            stored = store.get(*document.key)
            assert stored == document
            assert stored is not None
            assert document_to_dict(stored) == document_to_dict(document)
            assert stored.content_hash() == document.content_hash()
        assert store.upsert_many(documents) == UpsertCounts(unchanged=3)
        summaries = {summary.number: summary for summary in store.summaries()}
    quebec, ontario, untaxed = (summaries[d.number] for d in documents)
    assert (quebec.tax_code, quebec.tax_name, quebec.tax_amount, quebec.total) == (
        "TPS-TVQ",
        "GST + QST",
        Decimal("37.44"),
        Decimal("327.44"),
    )
    assert (ontario.tax_code, ontario.tax_amount, ontario.total) == (
        "HST-ON",
        Decimal("130.00"),
        Decimal("1130.00"),
    )
    assert (untaxed.tax_code, untaxed.tax_name, untaxed.tax_amount, untaxed.total) == (
        None,
        None,
        Decimal("0.00"),
        Decimal("290.00"),
    )
    assert all(isinstance(s.total, Decimal) and isinstance(s.tax_amount, Decimal) for s in
               summaries.values())  # fmt: skip


def test_summaries_read_the_tax_from_columns_not_from_the_lines(tmp_path: Path) -> None:
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        store.upsert_many(_json(QUEBEC))
        store.database.execute("UPDATE documents SET lines = 'not json', tax = 'not json'")
        (summary,) = store.summaries()
    assert (summary.tax_amount, summary.total, summary.subtotal) == (
        Decimal("37.44"),
        Decimal("327.44"),
        Decimal("290.00"),
    )


def test_the_lines_column_stays_last(tmp_path: Path) -> None:
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        columns = [row[1] for row in store.database.query("PRAGMA table_info(documents)")]
    assert columns[-1] == "lines"
    assert columns[1:] == [name.strip() for name in ROW_COLUMNS.split(",")]


_NEW_COLUMNS = ("tax_code", "tax_name", "tax_amount", "total", "tax", "pdf")


def _write_schema_1_store(path: Path, documents: list[Document]) -> None:
    """A store file as qbconnector wrote it before taxes: schema 1, its rows and hashes."""
    names = [name.strip() for name in ROW_COLUMNS.split(",")]
    with sqlite3.connect(path) as old:
        old.executescript(SCHEMA_V1)
        for document in documents:
            assert document.tax is None
            assert all(line.taxable for line in document.lines)
            assert document.updated_at is not None
            values = document_row(document, document.content_hash(), document.updated_at)
            row = dict(zip(names, values, strict=True))
            kept = [name for name in names if name not in _NEW_COLUMNS]
            marks = ", ".join("?" for _ in kept)
            old.execute(
                f"INSERT INTO documents ({', '.join(kept)}) VALUES ({marks})",
                [row[name] for name in kept],
            )
        old.execute("PRAGMA user_version = 1")
    old.close()


def test_a_schema_1_store_is_migrated_without_losing_documents(tmp_path: Path) -> None:
    path = tmp_path / "documents.sqlite3"
    samples = untaxed(read_documents(SAMPLES / "sample-documents.json"))
    _write_schema_1_store(path, samples)
    with DocumentStore.open(path) as store:
        assert store.database.user_version == 3
        assert store.documents() == sorted(samples, key=lambda document: document.key)
        for summary in store.summaries():
            assert (summary.tax_code, summary.tax_amount) == (None, Decimal("0.00"))
            assert summary.total == summary.subtotal
        # the hashes written before taxes still match: re-importing changes nothing
        assert store.upsert_many(samples) == UpsertCounts(unchanged=len(samples))
        store.upsert_many(_json(QUEBEC))
        assert store.get(*_json(QUEBEC)[0].key) == _json(QUEBEC)[0]
        indexes = {row[1] for row in store.database.query("PRAGMA index_list(documents)")}
        assert {"documents_by_updated", "documents_by_status"} <= indexes


def test_a_refused_file_leaves_the_store_as_it_was(tmp_path: Path) -> None:
    with DocumentStore.open(tmp_path / "documents.sqlite3") as store:
        store.upsert_many(_json(QUEBEC, UNTAXED))
        before = store.documents()
        bad = tmp_path / "bad.json"
        changed = edited(QUEBEC, {"status": "cancelled"})
        wrong_rate = edited(ONTARIO, {"tax.components.0.rate": "1.3"})
        bad.write_text(json.dumps([changed, wrong_rate]), encoding="utf-8")
        bad_csv = tmp_path / "bad.csv"
        bad_csv.write_text(
            "\n".join([HEADER, ONTARIO_ROW, QUEBEC_ROWS[0], QUEBEC_ROWS[1] + "pe"]),
            encoding="utf-8",
        )
        (report, csv_report) = import_files(store, [bad, bad_csv])
        assert "record 2 (Q-3001), field tax.components[0].amount" in str(report.error)
        assert 'field line_taxable: "Nope"' in str(csv_report.error)
        assert store.documents() == before


def test_the_examples_of_the_import_format_page_are_what_the_tests_import() -> None:
    page = (SAMPLES.parents[1] / "docs" / "import-format.md").read_text(encoding="utf-8")
    taxes = page.split("### Taxes", 1)[1]
    json_example = taxes.split("```json", 1)[1].split("```", 1)[0]
    csv_blocks = [block.split("```", 1)[0] for block in taxes.split("```csv")[1:]]
    (csv_example,) = [block.strip() for block in csv_blocks if "TPS-TVQ" in block]
    (invoice,) = parse_json(f"[{json_example}]", "page.json")
    unstamped = [edited(record, {"updated_at": REMOVE}) for record in (QUEBEC, ONTARIO)]
    assert [invoice] == _json(unstamped[0])
    assert parse_csv(csv_example, "page.csv") == _json(*unstamped)
    shown = [
        line for line in page.splitlines() if line.startswith("invoices.json: record 2 (INV-2")
    ]
    refusals = [_json_error(edited(QUEBEC, change)) for change, _ in JSON_REFUSALS]
    reasons = {refusal.split(", ", 1)[1] for refusal in refusals}
    assert len(shown) == 5
    assert {line.split(", ", 1)[1] for line in shown} <= reasons
