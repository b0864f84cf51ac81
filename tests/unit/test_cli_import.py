"""`qbconnector import` and `qbconnector documents`, run as a user runs them (a subprocess)."""

from __future__ import annotations

import json
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

from qbconnector.flowfit.importer import read_documents
from tests.cli_helpers import run_cli
from tests.unit.test_import_taxes import HEADER, ONTARIO_ROW, QUEBEC_ROWS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "resources" / "samples"


def qbconnector(profile: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run_cli(profile, *args, cwd=cwd)


def _copy_samples(folder: Path) -> None:
    for name in ("sample-documents.json", "sample-documents.csv"):
        shutil.copy(SAMPLES / name, folder / name)


def test_import_json_then_list(tmp_path: Path) -> None:
    _copy_samples(tmp_path)
    profile = tmp_path / "profile"
    result = qbconnector(profile, "import", "sample-documents.json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "sample-documents.json: 12 imported (12 new, 0 updated)\n"
    assert (profile / "documents.sqlite3").is_file()

    table = qbconnector(
        profile, "documents", "--kind", "quote", "--status", "approved", cwd=tmp_path
    )
    assert table.returncode == 0
    rows = table.stdout.splitlines()
    assert rows[0].split() == [
        "Kind",
        "Number",
        "Status",
        "Date",
        "Client",
        "Project",
        "Subtotal",
        "Cur.",
    ]
    assert [row.split()[1] for row in rows[1:-1]] == ["Q-2031", "Q-2033", "Q-2035"]
    assert "1,250.00  CAD" in rows[1]
    assert rows[-1] == "3 documents"


def test_import_csv_stores_the_same_documents_as_json(tmp_path: Path) -> None:
    _copy_samples(tmp_path)
    profile = tmp_path / "profile"
    result = qbconnector(profile, "import", "sample-documents.csv", cwd=tmp_path)
    assert result.stdout == "sample-documents.csv: 12 imported (12 new, 0 updated)\n"
    exported = qbconnector(profile, "documents", "--json", cwd=tmp_path)
    (tmp_path / "exported.json").write_text(exported.stdout, encoding="utf-8")
    assert read_documents(tmp_path / "exported.json") == read_documents(
        SAMPLES / "sample-documents.json"
    )


def test_reimport_updates_changed_documents(tmp_path: Path) -> None:
    _copy_samples(tmp_path)
    profile = tmp_path / "profile"
    qbconnector(profile, "import", "sample-documents.json", cwd=tmp_path)
    text = (tmp_path / "sample-documents.json").read_text(encoding="utf-8")
    # Decimal, then str: 18.50 stays "18.50" (a float would make it 18.5, a changed text).
    data = json.loads(text, parse_float=Decimal)
    data["documents"][2]["status"] = "approved"
    data["documents"].append(dict(data["documents"][0], number="INV-2000"))
    (tmp_path / "changed.json").write_text(json.dumps(data, default=str), encoding="utf-8")
    result = qbconnector(profile, "import", "changed.json", cwd=tmp_path)
    assert result.stdout == "changed.json: 13 imported (1 new, 1 updated, 11 unchanged)\n"
    drafts = qbconnector(
        profile, "documents", "--status", "draft", "--kind", "invoice", cwd=tmp_path
    )
    assert [row.split()[1] for row in drafts.stdout.splitlines()[1:-1]] == ["INV-1048"]


def test_a_bad_file_is_rejected_whole_and_the_others_imported(tmp_path: Path) -> None:
    _copy_samples(tmp_path)
    profile = tmp_path / "profile"
    records = json.loads((SAMPLES / "sample-documents.json").read_text(encoding="utf-8"))
    bad = records["documents"][:4]
    bad[2]["lines"][0]["unit_price"] = "abc"
    (tmp_path / "invoices.json").write_text(json.dumps(bad), encoding="utf-8")
    result = qbconnector(profile, "import", "invoices.json", "sample-documents.csv", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'invoices.json: record 3 (INV-1044), field lines[0].unit_price: "abc" is not a number',
        "1 file was rejected: nothing was imported from them.",
    ]
    assert result.stdout == "sample-documents.csv: 12 imported (12 new, 0 updated)\n"

    alone = qbconnector(tmp_path / "other", "import", "invoices.json", cwd=tmp_path)
    assert alone.returncode == 2
    listed = qbconnector(tmp_path / "other", "documents", "--json", cwd=tmp_path)
    assert json.loads(listed.stdout) == []


def test_documents_json_round_trips_through_import(tmp_path: Path) -> None:
    _copy_samples(tmp_path)
    first, second = tmp_path / "first", tmp_path / "second"
    qbconnector(first, "import", "sample-documents.json", cwd=tmp_path)
    exported = qbconnector(first, "documents", "--json", cwd=tmp_path).stdout
    (tmp_path / "exported.json").write_text(exported, encoding="utf-8")
    result = qbconnector(second, "import", "exported.json", cwd=tmp_path)
    assert result.stdout == "exported.json: 12 imported (12 new, 0 updated)\n"
    assert qbconnector(second, "documents", "--json", cwd=tmp_path).stdout == exported
    again = qbconnector(first, "import", "exported.json", cwd=tmp_path)
    assert again.stdout == "exported.json: 12 imported (0 new, 0 updated, 12 unchanged)\n"


def test_taxed_documents_import_and_export_with_their_tax(tmp_path: Path) -> None:
    (tmp_path / "taxes.csv").write_text(
        "\n".join([HEADER, *QUEBEC_ROWS, ONTARIO_ROW]) + "\n", encoding="utf-8"
    )
    profile = tmp_path / "profile"
    result = qbconnector(profile, "import", "taxes.csv", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, "taxes.csv: 2 imported (2 new, 0 updated)\n")
    exported = qbconnector(profile, "documents", "--json", cwd=tmp_path).stdout
    invoice = next(record for record in json.loads(exported) if record["number"] == "INV-2001")
    assert invoice["tax"] == {
        "code": "TPS-TVQ",
        "name": "GST + QST",
        "components": [
            {"name": "GST", "rate": "5", "amount": "12.50"},
            {"name": "QST", "rate": "9.975", "amount": "24.94"},
        ],
    }
    assert invoice["total"] == "327.44"
    assert [line.get("taxable") for line in invoice["lines"]] == [None, False]
    (tmp_path / "exported.json").write_text(exported, encoding="utf-8")
    again = qbconnector(profile, "import", "exported.json", cwd=tmp_path)
    assert again.stdout == "exported.json: 2 imported (0 new, 0 updated, 2 unchanged)\n"
