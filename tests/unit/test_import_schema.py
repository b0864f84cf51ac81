"""resources/document.schema.json and the importer's parser describe the same format."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from qbconnector.flowfit import parse
from qbconnector.flowfit.importer import WRAPPER_FIELDS, parse_json
from qbconnector.flowfit.parse import ImportFileError
from tests.record_edits import edited

ROOT = Path(__file__).resolve().parents[2]
SCHEMA: dict[str, Any] = json.loads((ROOT / "resources" / "document.schema.json").read_text())
DEFS = SCHEMA["$defs"]
ANNOTATIONS = {"$schema", "title", "description"}


def _type_ok(instance: Any, expected: str) -> bool:
    if expected == "number":
        return isinstance(instance, int | float | Decimal) and not isinstance(instance, bool)
    kinds: dict[str, type] = {
        "object": dict,
        "array": list,
        "string": str,
        "null": type(None),
        "boolean": bool,
    }
    return isinstance(instance, kinds[expected])


def conforms(instance: Any, schema: dict[str, Any]) -> bool:
    """The part of JSON Schema 2020-12 this schema uses; an unknown keyword fails loudly."""
    for keyword, value in schema.items():
        if keyword in ANNOTATIONS or keyword in ("then", "$defs"):
            continue
        if keyword == "$ref":
            ok = conforms(instance, DEFS[value.removeprefix("#/$defs/")])
        elif keyword == "type":
            ok = _type_ok(instance, value)
        elif keyword == "enum":
            ok = instance in value
        elif keyword == "const":
            ok = instance == value
        elif keyword == "pattern":
            ok = not isinstance(instance, str) or re.search(value, instance) is not None
        elif keyword == "minItems":
            ok = not isinstance(instance, list) or len(instance) >= value
        elif keyword == "maxItems":
            ok = not isinstance(instance, list) or len(instance) <= value
        elif keyword == "minimum":
            ok = not _type_ok(instance, "number") or instance >= value
        elif keyword == "exclusiveMaximum":
            ok = not _type_ok(instance, "number") or instance < value
        elif keyword == "items":
            ok = not isinstance(instance, list) or all(conforms(item, value) for item in instance)
        elif keyword == "required":
            ok = not isinstance(instance, dict) or all(name in instance for name in value)
        elif keyword == "properties":
            ok = not isinstance(instance, dict) or all(
                conforms(instance[name], sub) for name, sub in value.items() if name in instance
            )
        elif keyword == "additionalProperties":
            assert value is False
            ok = not isinstance(instance, dict) or set(instance) <= set(schema["properties"])
        elif keyword == "anyOf":
            ok = any(conforms(instance, sub) for sub in value)
        elif keyword == "oneOf":
            ok = sum(conforms(instance, sub) for sub in value) == 1
        elif keyword == "allOf":
            ok = all(conforms(instance, sub) for sub in value)
        elif keyword == "if":
            ok = not conforms(instance, value) or conforms(instance, schema.get("then", {}))
        else:
            raise AssertionError(f"the test validator does not know {keyword!r}")
        if not ok:
            return False
    return True


def _listed(definition: dict[str, Any]) -> list[list[str]]:
    return [list(definition["properties"]), list(definition["required"])]


def test_schema_lists_the_parsers_fields() -> None:
    assert _listed(DEFS["document"]) == [list(parse.DOCUMENT_FIELDS), list(parse.DOCUMENT_REQUIRED)]
    assert _listed(DEFS["client"]) == [list(parse.CLIENT_FIELDS), list(parse.CLIENT_REQUIRED)]
    assert _listed(DEFS["project"]) == [list(parse.PROJECT_FIELDS), list(parse.PROJECT_REQUIRED)]
    assert _listed(DEFS["line"]) == [list(parse.LINE_FIELDS), list(parse.LINE_REQUIRED)]
    assert _listed(DEFS["tax"]) == [list(parse.TAX_FIELDS), list(parse.TAX_REQUIRED)]
    assert _listed(DEFS["taxComponent"]) == [
        list(parse.TAX_COMPONENT_FIELDS),
        list(parse.TAX_COMPONENT_REQUIRED),
    ]
    components = DEFS["tax"]["properties"]["components"]
    assert (components["minItems"], components["maxItems"]) == (1, parse.MAX_TAX_COMPONENTS)
    wrapper = SCHEMA["oneOf"][1]
    assert list(wrapper["properties"]) == list(WRAPPER_FIELDS)
    assert DEFS["document"]["properties"]["kind"]["enum"] == ["invoice", "quote"]
    assert DEFS["document"]["properties"]["status"]["enum"] == ["draft", "approved", "cancelled"]


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"), parse_float=Decimal)


def test_sample_file_conforms_to_the_schema_and_parses() -> None:
    sample = ROOT / "resources" / "samples" / "sample-documents.json"
    assert conforms(_load(sample), SCHEMA)
    assert len(parse_json(sample.read_text(encoding="utf-8"), sample.name)) == 12


BASE: dict[str, Any] = {
    "kind": "quote",
    "number": "Q-1",
    "status": "draft",
    "date": "2026-11-02",
    "valid_until": "2026-12-02",
    "currency": "USD",
    "client": {"code": "B", "name": "Buckeye", "email": None, "language": "en"},
    "project": {"number": "P-1", "source_language": "en", "target_languages": ["es", "pt-BR"]},
    "lines": [{"service": "S", "description": "D", "quantity": 2, "unit_price": "0.5"}],
    "updated_at": "2026-11-02T10:00:00Z",
}


def _part(name: str, rate: Any, amount: Any) -> dict[str, Any]:
    return {"name": name, "rate": rate, "amount": amount}


HST: dict[str, Any] = {"code": "HST-ON", "name": "HST", "components": [_part("HST", "13", "0.13")]}
GST_QST: dict[str, Any] = {
    "code": "TPS-TVQ",
    "name": "GST + QST",
    "components": [_part("GST", Decimal(5), "0.05"), _part("QST", Decimal("9.975"), "0.10")],
}


def _variant(change: dict[str, Any]) -> dict[str, Any]:
    return edited(BASE, change)


# Each variant is accepted by both or refused by both. Checks the schema cannot express (real
# calendar dates, due date after date, unique numbers) are listed in its description instead.
VARIANTS: list[tuple[dict[str, Any], bool]] = [
    ({}, True),
    ({"lines.0.quantity": Decimal("1.25"), "lines.0.unit": None, "valid_until": None}, True),
    ({"kind": "invoice", "valid_until": KeyError, "due_date": "2026-12-01"}, True),
    ({"kind": "invoice"}, False),
    ({"due_date": "2026-12-01"}, False),
    ({"updated_at": "2026-11-02T10:00:00.123456-05:00", "currency": " CAD "}, True),
    ({"client.email": "a@b.ca", "project.target_languages": None}, True),
    ({"kind": "Quote"}, False),
    ({"status": "paid"}, False),
    ({"number": " "}, False),
    ({"number": 42}, False),
    ({"currency": "Cad"}, False),
    ({"date": "2026-1-2"}, False),
    ({"updated_at": "2026-11-02 10:00:00Z"}, False),
    ({"updated_at": "2026-11-02T10:00:00"}, False),
    ({"client.email": "nobody"}, False),
    ({"client.language": "français"}, False),
    ({"client.code": KeyError}, False),
    ({"project.target_languages": "es"}, False),
    ({"project.extra": "x"}, False),
    ({"lines": []}, False),
    ({"lines.0.quantity": "1,5"}, False),
    ({"lines.0.quantity": True}, False),
    ({"lines.0.unit_price": "1e3"}, True),
    ({"lines.0.description": KeyError}, True),
    ({"lines.0.description": None}, True),
    ({"lines.0.description": ""}, False),
    ({"extra": 1}, False),
    # taxes (the subtotal of BASE is 1.00)
    ({"tax": HST}, True),
    ({"tax": HST, "total": "1.13"}, True),
    ({"tax": GST_QST, "total": Decimal("1.15")}, True),
    ({"tax": None, "total": None}, True),
    ({"tax": HST, "lines.0.taxable": True}, True),
    ({"tax": None, "lines.0.taxable": False}, True),
    ({"lines.0.taxable": "yes"}, False),
    ({"lines.0.taxable": 1}, False),
    ({"tax": {"code": "HST", "name": "HST"}}, False),
    ({"tax": {**HST, "components": []}}, False),
    ({"tax": {**GST_QST, "components": [*GST_QST["components"], _part("PST", "0", "0")]}}, False),
    ({"tax": {**HST, "code": " "}}, False),
    ({"tax": {**HST, "rate": "13"}}, False),
    ({"tax": {**HST, "components": [_part("HST", Decimal("13.0"), Decimal("0.13"))]}}, True),
    ({"tax": {**HST, "components": [_part("HST", "13", "0.130")]}}, True),
    ({"tax": {**HST, "components": [_part("HST", "100", "1.00")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", Decimal(100), "1.00")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", "-1", "0")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", Decimal(-1), "0")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", "0", "-0.01")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", "0", Decimal("-0.01"))]}}, False),
    ({"tax": {**HST, "components": [_part("HST", "13", "0.125")]}}, False),
    ({"tax": {**HST, "components": [_part("HST", "13", "0,13")]}}, False),
    ({"tax": {**HST, "components": [_part(" ", "13", "0.13")]}}, False),
    ({"tax": {**HST, "components": [{**_part("HST", "13", "0.13"), "base": "1"}]}}, False),
    ({"total": "1.00"}, True),
]


@pytest.mark.parametrize(("change", "valid"), VARIANTS)
def test_schema_and_parser_agree(change: dict[str, Any], valid: bool) -> None:
    record = _variant(change)
    assert conforms([record], SCHEMA) is valid
    try:
        parse_json(json.dumps([record], default=str), "x.json")
    except ImportFileError:
        parsed = False
    else:
        parsed = True
    assert parsed is valid


@pytest.mark.parametrize(
    ("document", "valid"),
    [
        ({"documents": [BASE]}, True),
        ({"$schema": "x", "documents": []}, True),
        ({"records": [BASE]}, False),
        ({}, False),
        ("text", False),
    ],
)
def test_schema_and_parser_agree_on_the_top_level(document: Any, valid: bool) -> None:
    assert conforms(document, SCHEMA) is valid
    try:
        parse_json(json.dumps(document), "x.json")
    except ImportFileError:
        parsed = False
    else:
        parsed = True
    assert parsed is valid
