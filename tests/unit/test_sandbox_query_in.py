"""IN (...) over names: the set comparison answers exactly as comparing each pair would."""

from __future__ import annotations

from typing import Any

import pytest

from qbconnector.sandbox.query import _matches, run
from qbconnector.sandbox.query_parser import parse

RECORDS: list[dict[str, Any]] = [
    {"Id": "1", "DisplayName": "Acme"},
    {"Id": "2", "DisplayName": "ACME WEST"},
    {"Id": "3", "DisplayName": "Translations Inc."},
    {"Id": "4", "DisplayName": "2026-11-02T10:00:00"},
    {"Id": "5"},
]


def pairwise(statement: str) -> list[str]:
    query = parse(statement)
    condition = query.conditions[0]
    field = condition.field
    return [r["Id"] for r in RECORDS if _matches(r.get(field), condition)]


def found(statement: str) -> list[str]:
    return [row["Id"] for row in run(parse(statement), RECORDS).get("Customer", [])]


@pytest.mark.parametrize(
    "names",
    [
        "'acme', 'acme west'",
        "'TRANSLATIONS INC.', 'nobody'",
        "'2026-11-02T10:00:00'",  # a date-time literal: compared as a moment, not as text
        "'2026-11-02T06:00:00-04:00'",
    ],
)
def test_in_names_matches_pairwise_comparison(names: str) -> None:
    statement = f"SELECT * FROM Customer WHERE DisplayName IN ({names})"

    assert found(statement) == pairwise(statement)


def test_in_is_case_insensitive_and_skips_missing_fields() -> None:
    assert found("SELECT * FROM Customer WHERE DisplayName IN ('ACME', 'acme west')") == ["1", "2"]


def test_in_over_ids_still_compares_each() -> None:
    assert found("SELECT * FROM Customer WHERE Id IN ('2', '5')") == ["2", "5"]
