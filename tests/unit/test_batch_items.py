"""Batch validation (sizes, bIds, requestid) and correlation of answers by bId."""

from __future__ import annotations

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.batch import (
    BatchItem,
    batch_body,
    parse_batch_response,
    validate_batch,
)


def _create(bid: str) -> BatchItem:
    return BatchItem(bid, "Customer", "create", {"DisplayName": bid})


def test_a_full_valid_batch_passes() -> None:
    validate_batch([_create(f"b{n}") for n in range(30)], "r" * 36)


@pytest.mark.parametrize(
    ("items", "request_id", "match"),
    [
        ([], "r", "1 to 30 items"),
        ([_create(f"b{n}") for n in range(31)], "r", "1 to 30 items"),
        ([_create("b1")], "r" * 37, "requestid"),
        ([_create("b1")], "", "requestid"),
        ([_create("b" * 11)], "r", "bId"),
        ([_create("")], "r", "bId"),
        ([_create("b1"), _create("b1")], "r", "twice"),
        ([BatchItem("b1", "Customer", "upsert", {})], "r", "operation"),  # type: ignore[arg-type]
        ([BatchItem("b1", None, "create", {})], "r", "entity"),
        ([BatchItem("b1", "Customer", "create", None)], "r", "entity"),
        ([BatchItem("b1", "Customer", "create", {}, query="select")], "r", "query item"),
    ],
)
def test_invalid_batches_raise_value_error(
    items: list[BatchItem], request_id: str, match: str
) -> None:
    with pytest.raises(ValueError, match=match):
        validate_batch(items, request_id)


def test_body_shapes() -> None:
    items = [
        _create("c1"),
        BatchItem("u1", "Invoice", "update", {"Id": "1", "SyncToken": "0", "sparse": True}),
        BatchItem("v1", "Invoice", "update", {"Id": "2", "SyncToken": "3"}, options_data="void"),
        BatchItem("q1", query="select * from Item"),
    ]
    assert batch_body(items)["BatchItemRequest"] == [
        {"bId": "c1", "operation": "create", "Customer": {"DisplayName": "c1"}},
        {
            "bId": "u1",
            "operation": "update",
            "Invoice": {"Id": "1", "SyncToken": "0", "sparse": True},
        },
        {
            "bId": "v1",
            "operation": "update",
            "Invoice": {"Id": "2", "SyncToken": "3"},
            "optionsData": "void",
        },
        {"bId": "q1", "Query": "select * from Item"},
    ]


def test_answers_are_matched_by_bid_not_position() -> None:
    items = [_create("a"), _create("b"), BatchItem("q", query="select * from Item"), _create("m")]
    answer = {
        "BatchItemResponse": [
            {"bId": "q", "QueryResponse": {"Item": [{"Id": "1"}], "startPosition": 1}},
            {
                "bId": "b",
                "Fault": {
                    "type": "ValidationFault",
                    "Error": [{"Message": "Duplicate Name Exists Error", "code": "6240"}],
                },
            },
            {"bId": "a", "Customer": {"Id": "7", "DisplayName": "a"}},
            {"bId": "zz", "Customer": {"Id": "8"}},
            "garbage",
        ],
        "time": "2016-04-15T09:01:18.141-07:00",
    }
    result = parse_batch_response(answer, items, "tid", "req")
    assert result.items["a"].entity == {"Id": "7", "DisplayName": "a"}
    assert result.items["a"].entity_name == "Customer"
    assert isinstance(result.items["b"].error, errors.DuplicateNameError)
    assert not result.items["b"].ok
    assert result.items["q"].query_response == {"Item": [{"Id": "1"}], "startPosition": 1}
    assert result.missing == ("m",)
    assert result.extra == ("zz",)
    assert (result.intuit_tid, result.request_id) == ("tid", "req")


def test_an_answer_without_items_leaves_every_bid_missing() -> None:
    items = [_create("a"), _create("b")]
    assert parse_batch_response({"weird": 1}, items, None, "r").missing == ("a", "b")
