"""Query literals, WHERE conditions and paging clauses."""

from __future__ import annotations

import pytest

from qbconnector.quickbooks.query import (
    UnsearchableValueError,
    has_paging_clause,
    page_statement,
    quote_literal,
    where_equals,
)


@pytest.mark.parametrize(
    ("value", "literal"),
    [
        ("Acme", "'Acme'"),
        ("O'Brien", "'O\\'Brien'"),
        ("a\\b", "'a\\\\b'"),
        ("it's a\\'mix", "'it\\'s a\\\\\\'mix'"),
        ("", "''"),
        ("Café Ünïcode", "'Café Ünïcode'"),
    ],
)
def test_quote_literal_escapes_backslash_then_quote(value: str, literal: str) -> None:
    assert quote_literal(value) == literal


@pytest.mark.parametrize("value", ["Acme\\", "O\u2019Brien"])
def test_values_the_parser_rejects_cannot_be_quoted(value: str) -> None:
    with pytest.raises(UnsearchableValueError):
        quote_literal(value)


def test_where_equals_is_exact_for_ordinary_values() -> None:
    condition = where_equals("DisplayName", "O'Brien Trucking")
    assert condition.text == "DisplayName = 'O\\'Brien Trucking'"
    assert condition.exact


def test_typographic_apostrophe_falls_back_to_like_and_filters_rows() -> None:
    condition = where_equals("DisplayName", "O\u2019Brien")
    assert condition.text == "DisplayName LIKE 'O%Brien'"
    assert not condition.exact
    assert condition.keeps({"DisplayName": "O\u2019Brien"})
    assert not condition.keeps({"DisplayName": "O-Brien"})


def test_trailing_backslash_falls_back_to_a_prefix_like() -> None:
    condition = where_equals("DisplayName", "Acme\\")
    assert condition.text == "DisplayName LIKE 'Acme%'"
    assert condition.keeps({"DisplayName": "Acme\\"})
    assert not condition.keeps({"DisplayName": "Acme Ltd"})


def test_nested_fields_are_followed_by_keeps() -> None:
    condition = where_equals("MetaData.Name", "x")
    assert condition.keeps({"MetaData": {"Name": "x"}})
    assert not condition.keeps({"MetaData": None})


@pytest.mark.parametrize("field", ["", "Display Name", "x'; --", "1abc"])
def test_field_names_are_checked(field: str) -> None:
    with pytest.raises(ValueError, match="field name"):
        where_equals(field, "v")


def test_paging_clause_detection_ignores_literals() -> None:
    assert has_paging_clause("SELECT * FROM Customer STARTPOSITION 1")
    assert has_paging_clause("select * from Customer maxresults 5")
    assert not has_paging_clause("SELECT * FROM Customer WHERE DisplayName = 'MAXRESULTS \\' x'")


def test_page_statement_appends_the_window() -> None:
    assert page_statement("SELECT * FROM Item;", 1001, 1000) == (
        "SELECT * FROM Item STARTPOSITION 1001 MAXRESULTS 1000"
    )
    with pytest.raises(ValueError, match="page size"):
        page_statement("SELECT * FROM Item", 1, 1001)
