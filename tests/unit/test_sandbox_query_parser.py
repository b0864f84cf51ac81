"""The sandbox's query parser and fault settings, without a server."""

from __future__ import annotations

from decimal import Decimal

import pytest

from qbconnector.sandbox.errors import FaultError
from qbconnector.sandbox.faults import FaultSettings, parse_fault_specs
from qbconnector.sandbox.query_parser import Condition, parse


def test_full_statement() -> None:
    query = parse(
        "select * from Invoice where DocNumber = 'A\\'1' and TotalAmt >= 10.50 "
        "and Id in ('1', '2') and CustomerRef like '1%' order by TxnDate desc, Id "
        "startposition 3 maxresults 7"
    )

    assert query.entity == "Invoice"
    assert query.conditions == [
        Condition("DocNumber", "=", ("A'1",)),
        Condition("TotalAmt", ">=", (Decimal("10.50"),)),
        Condition("Id", "in", ("1", "2")),
        Condition("CustomerRef", "like", ("1%",)),
    ]
    assert query.order == [("TxnDate", True), ("Id", False)]
    assert (query.start_position, query.max_results) == (3, 7)


def test_count_and_columns() -> None:
    assert parse("SELECT COUNT(*) FROM Customer").count is True
    assert parse("SELECT Id, DisplayName FROM Customer").columns == ["Id", "DisplayName"]


@pytest.mark.parametrize(
    "text",
    [
        "",
        "select * from",
        "select * from Customer where Active",
        "select * from Customer maxresults -1",
        "select * from Customer where DisplayName = 'open",
        "select * from Customer extra",
    ],
)
def test_parse_errors_are_4000(text: str) -> None:
    with pytest.raises(FaultError) as raised:
        parse(text)

    assert raised.value.errors[0]["code"] == "4000"


def test_fault_specs() -> None:
    settings = FaultSettings().updated(parse_fault_specs(["drop=0.2", "500=0.1", "latency=50"]))

    assert (settings.drop, settings.error500, settings.latency) == (0.2, 0.1, 50.0)
    with pytest.raises(ValueError, match="between 0 and 1"):
        FaultSettings().updated({"reset": 1.5})
    with pytest.raises(ValueError, match="NAME=VALUE"):
        parse_fault_specs(["drop"])
