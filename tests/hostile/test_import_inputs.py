"""Import files no export should hold: each refused with the file and the fault, store unchanged."""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from qbconnector.flowfit import limits
from tests.hostile.support import assert_clean_failure, assert_unchanged, nested, run, snapshot

SAMPLES = Path(__file__).resolve().parents[2] / "resources" / "samples"
GOOD = json.loads((SAMPLES / "sample-documents.json").read_text(encoding="utf-8"))["documents"][0]


def _doc(change: Callable[[dict[str, Any]], None]) -> str:
    document = copy.deepcopy(GOOD)
    document["number"] = "INV-9001"
    change(document)
    return json.dumps([document], ensure_ascii=True)


def _line(name: str, raw: str) -> str:
    """A document whose first line's ``name`` is the raw JSON text ``raw``."""
    marker = "__RAW__"
    text = _doc(lambda d: d["lines"][0].__setitem__(name, marker))
    return text.replace(f'"{marker}"', raw)


def _set(path: tuple[str | int, ...], value: object) -> str:
    def change(document: dict[str, Any]) -> None:
        target: Any = document
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return _doc(change)


JSON_FILES: dict[str, tuple[str, str]] = {
    # numbers beyond anything QuickBooks or Decimal arithmetic can take
    "quantity-1e400": (_line("quantity", "1e400"), "too large"),
    "quantity-minus-1e400": (_line("quantity", "-1e400"), "too large"),
    "price-1e999999999-text": (_line("unit_price", '"1e999999999"'), "too large"),
    "quantity-30-digits": (_line("quantity", "1" * 30), "too large"),
    "quantity-30-digits-text": (_line("quantity", '"' + "9" * 30 + '"'), "too large"),
    "price-tiny-exponent": (_line("unit_price", '"1e-999999999"'), "decimal places"),
    "price-60-decimals": (_line("unit_price", "0." + "1" * 60), "decimal places"),
    "quantity-nan-literal": (_line("quantity", "NaN"), "not a number JSON allows"),
    "quantity-infinity-literal": (_line("quantity", "Infinity"), "not a number JSON allows"),
    "quantity-nan-text": (_line("quantity", '"nan"'), "not a number"),
    "quantity-inf-text": (_line("quantity", '"inf"'), "not a number"),
    "quantity-5000-digit-int": (_line("quantity", "7" * 5000), "not valid JSON"),
    "quantity-a-list": (_line("quantity", "[1]"), "not a number"),
    "quantity-an-object": (_line("quantity", '{"v": 1}'), "not a number"),
    "quantity-true": (_line("quantity", "true"), "not a number"),
    # text that is not characters
    "surrogate-in-client-name": (_set(("client", "name"), "\ud800"), "lone surrogate"),
    "surrogate-in-number": (_set(("number",), "INV-\udfff"), "lone surrogate"),
    "surrogate-in-a-key": (_doc(lambda d: d.__setitem__("\ud83d", 1)), "lone surrogate"),
    "surrogate-in-target-list": (
        _set(("project", "target_languages"), ["fr", "\udc00"]),
        "lone surrogate",
    ),
    "surrogate-in-description": (_line("description", '"A\\ud800B"'), "lone surrogate"),
    # shapes
    "nested-100k-arrays": (nested(100_000), "nested too deeply"),
    "nested-100k-objects": ('{"documents": ' + '{"a": ' * 100_000 + "1" + "}" * 100_001, "nested"),
    "nested-in-a-field": (_line("description", nested(100_000)), "nested"),
    "empty": ("", "not valid JSON"),
    "whitespace": ("  \n", "not valid JSON"),
    "a-number": ("42", "expected an array"),
    "null": ("null", "expected an array"),
    "nul-escape-in-a-name": (_set(("client", "name"), "A\x00B"), "NUL"),
    "truncated": (_doc(lambda d: None)[:-40], "not valid JSON"),
    "records-not-objects": ("[1, 2]", "must be an object"),
    "duplicate-key": ('[{"number": "A", "number": "B"}]', "appears twice"),
    "unknown-top-level": ('{"documents": [], "extra": 1}', "unknown top-level field"),
    "lines-a-string": (_set(("lines",), "many"), "must be a list of lines"),
    "lines-empty": (_set(("lines",), []), "at least one line"),
    "date-garbage": (_set(("date",), "yesterday"), "not a date"),
    "date-a-number": (_set(("date",), 20261102), "not a date"),
    "kind-unknown": (_set(("kind",), "receipt"), "kind"),
    "client-a-list": (_set(("client",), []), "must be an object"),
}

CSV_HEADER = (
    "kind,number,status,date,due_date,valid_until,currency,updated_at,client_code,client_name,"
    "project_number,line_service,line_description,line_quantity,line_unit_price\n"
)
CSV_ROW = (
    "invoice,INV-7,approved,2026-11-02,2026-12-02,,CAD,2026-11-02T10:15:00-05:00,ACME,Acme,P-1,"
    "Translation,{d},{q},0.18\n"
)
CSV_FILES: dict[str, tuple[str, str]] = {
    "cell-over-csv-field-limit": (
        CSV_HEADER + CSV_ROW.format(d='"' + "x" * 200_000 + '"', q="1"),
        "field larger than field limit",
    ),
    "quantity-1e400": (CSV_HEADER + CSV_ROW.format(d="D", q="1e400"), "too large"),
    "quantity-30-digits": (CSV_HEADER + CSV_ROW.format(d="D", q="9" * 30), "too large"),
    "quantity-nan": (CSV_HEADER + CSV_ROW.format(d="D", q="nan"), "not a number"),
    "quantity-comma": (CSV_HEADER + CSV_ROW.format(d="D", q='"1,5"'), "use a dot"),
    "unclosed-quote": (CSV_HEADER + CSV_ROW.format(d='"open', q="1"), ""),
    "empty": ("", ""),
    "nul-bytes": (CSV_HEADER + CSV_ROW.format(d="A\x00B", q="1"), "NUL bytes"),
}


def _import(profile: Path, path: Path) -> None:
    before = snapshot(profile)
    result = run("--profile", str(profile), "import", str(path))
    assert_clean_failure(result, 2, path.name, "nothing was imported")
    assert_unchanged(before, profile)


@pytest.mark.parametrize("case", JSON_FILES)
def test_a_bad_json_file_is_refused(profile: Path, tmp_path: Path, case: str) -> None:
    text, needle = JSON_FILES[case]
    path = tmp_path / f"{case}.json"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    before = snapshot(profile)
    result = run("--profile", str(profile), "import", str(path))
    assert_clean_failure(result, 2, path.name, needle)
    assert_unchanged(before, profile)


@pytest.mark.parametrize("case", CSV_FILES)
def test_a_bad_csv_file_is_refused(profile: Path, tmp_path: Path, case: str) -> None:
    text, needle = CSV_FILES[case]
    path = tmp_path / f"{case}.csv"
    path.write_text(text, encoding="utf-8")
    before = snapshot(profile)
    result = run("--profile", str(profile), "import", str(path))
    assert_clean_failure(result, 2, path.name, needle)
    assert_unchanged(before, profile)


def _fifo(tmp: Path) -> Path:
    path = tmp / "pipe.json"
    os.mkfifo(path)
    return path


def _link_to(target: str) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / "link.json"
        path.symlink_to(target)
        return path

    return make


def _folder(tmp: Path) -> Path:
    path = tmp / "folder.json"
    path.mkdir()
    return path


def _bytes(name: str, content: bytes) -> Callable[[Path], Path]:
    def make(tmp: Path) -> Path:
        path = tmp / name
        path.write_bytes(content)
        return path

    return make


NOT_FILES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "fifo": (_fifo, "named pipe"),
    "link-to-dev-zero": (_link_to("/dev/zero"), "device"),
    "link-to-dev-urandom": (_link_to("/dev/urandom"), "device"),
    "link-to-dev-null": (_link_to("/dev/null"), "device"),
    "dangling-link": (_link_to("/nonexistent/file.json"), "cannot read"),
    "a-folder": (_folder, "folder"),
    "missing": (lambda tmp: tmp / "missing.json", "cannot read"),
    "utf-16": (_bytes("u16.json", "[]".encode("utf-16")), "not UTF-8"),
    "latin-1": (_bytes("l1.json", '[{"number": "caf\xe9"}]'.encode("latin-1")), "not UTF-8"),
    "binary": (_bytes("bin.json", bytes(range(256))), "not UTF-8"),
    "wrong-extension": (_bytes("data.xml", b"<documents/>"), "unknown file type"),
    "no-extension": (_bytes("data", b"[]"), "unknown file type"),
}


@pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev are POSIX")
@pytest.mark.parametrize("case", NOT_FILES)
def test_what_is_not_a_readable_file_is_refused_at_once(
    profile: Path, tmp_path: Path, case: str
) -> None:
    make, needle = NOT_FILES[case]
    path = make(tmp_path)
    before = snapshot(profile)
    result = run("--profile", str(profile), "import", str(path))
    assert_clean_failure(result, 2, path.name, needle)
    assert_unchanged(before, profile)


def test_a_file_over_the_size_cap_is_refused(
    profile: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "big.json"
    path.write_text(" " * 2000 + "[]")
    before = snapshot(profile)
    result = run("--profile", str(profile), "import", str(path))
    assert_clean_failure(result, 2, "big.json", "too large")
    assert_unchanged(before, profile)


def test_one_bad_file_does_not_stop_the_good_one(profile: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(JSON_FILES["quantity-1e400"][0])
    result = run(
        "--profile", str(profile), "import", str(bad), str(SAMPLES / "sample-documents.json")
    )
    assert result.code == 2
    assert "bad.json" in result.err
    assert "sample-documents.json: 12 imported" in result.out
