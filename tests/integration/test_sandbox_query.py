"""The query language subset: syntax, escaping, filters, ordering, paging, error shapes."""

from __future__ import annotations

from typing import Any

import pytest
import requests

from qbconnector.sandbox.seed import CompanySeed
from qbconnector.sandbox.server import SandboxServer
from tests.integration.conftest import QboSession, SandboxFactory

NAMES = ["O'Brien Trucking", "Acme", "acme west", "Zed & Co", "Back\\slash"]


@pytest.fixture
def seeded(sandbox_factory: SandboxFactory, qbo_for: Any) -> QboSession:
    server = sandbox_factory(seed=CompanySeed(customers=list(NAMES), inactive_services=["Old"]))
    return qbo_for(server)  # type: ignore[no-any-return]


def rows(response: requests.Response, entity: str = "Customer") -> list[dict[str, Any]]:
    assert response.status_code == 200, response.text
    return response.json()["QueryResponse"].get(entity, [])  # type: ignore[no-any-return]


def names(response: requests.Response) -> list[str]:
    return [row["DisplayName"] for row in rows(response)]


def test_backslash_escaped_quote(seeded: QboSession) -> None:
    found = names(seeded.query("SELECT * FROM Customer WHERE DisplayName = 'O\\'Brien Trucking'"))

    assert found == ["O'Brien Trucking"]


def test_escaped_backslash_and_unterminated_string(seeded: QboSession) -> None:
    found = names(seeded.query("select * from Customer where DisplayName = 'Back\\\\slash'"))
    broken = seeded.query("select * from Customer where DisplayName = 'Back\\'")

    assert found == ["Back\\slash"]
    assert broken.status_code == 400
    assert broken.json()["Fault"]["Error"][0]["code"] == "4000"


def test_typographic_quote_is_a_parse_error(seeded: QboSession) -> None:
    response = seeded.query("select * from Customer where DisplayName = 'O\u2019Brien'")

    error = response.json()["Fault"]["Error"][0]
    assert response.status_code == 400
    assert error["code"] == "4000"
    assert error["Message"] == "Error parsing query"


def test_keywords_case_insensitive_like_in_and_order(seeded: QboSession) -> None:
    like = names(
        seeded.query(
            "sElEcT * FrOm customer WhErE DisplayName LIKE 'acme%' OrderBy DisplayName DESC"
        )
    )
    in_list = names(
        seeded.query(
            "SELECT * FROM Customer WHERE DisplayName IN ('Acme', 'Zed & Co') ORDER BY DisplayName"
        )
    )

    assert like == ["acme west", "Acme"]
    assert in_list == ["Acme", "Zed & Co"]


def test_and_filters_booleans_and_type(seeded: QboSession) -> None:
    active = seeded.query("SELECT * FROM Item WHERE Type = 'Service' AND Active = true")
    inactive = seeded.query("SELECT * FROM Item WHERE Active = false")

    assert [row["Name"] for row in rows(active, "Item")] == [
        "Translation",
        "Revision",
        "Interpreting",
    ]
    assert [row["Name"] for row in rows(inactive, "Item")] == ["Old"]


def test_nested_metadata_and_docnumber(seeded: QboSession) -> None:
    gst = rows(seeded.query("SELECT * FROM TaxCode WHERE Name = 'GST'"), "TaxCode")[0]
    line = {
        "DetailType": "SalesItemLineDetail",
        "Amount": 1,
        "SalesItemLineDetail": {"ItemRef": {"value": "1"}, "TaxCodeRef": {"value": gst["Id"]}},
    }
    created = seeded.post(
        "invoice", {"CustomerRef": {"value": "2"}, "Line": [line], "DocNumber": "Q-7"}
    )
    stamp = created.json()["Invoice"]["MetaData"]["LastUpdatedTime"]

    since = seeded.query(f"SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime >= '{stamp}'")
    later = seeded.query(
        "SELECT * FROM Invoice WHERE MetaData.LastUpdatedTime > '2999-01-01T00:00:00-08:00'"
    )
    by_number = seeded.query("SELECT * FROM Invoice WHERE DocNumber = 'Q-7'")
    by_customer = seeded.query("SELECT * FROM Invoice WHERE CustomerRef = '2'")

    assert len(rows(since, "Invoice")) == 1
    assert later.json()["QueryResponse"] == {}
    assert rows(by_number, "Invoice")[0]["DocNumber"] == "Q-7"
    assert len(rows(by_customer, "Invoice")) == 1


def test_empty_result_and_count(seeded: QboSession) -> None:
    empty = seeded.query("SELECT * FROM Customer WHERE DisplayName = 'Nobody'")
    count = seeded.query("SELECT count(*) FROM Customer")

    assert empty.json()["QueryResponse"] == {}
    assert count.json()["QueryResponse"] == {"totalCount": len(NAMES)}


def test_post_query_as_application_text(seeded: QboSession) -> None:
    response = seeded.http.post(
        f"{seeded.base}/query",
        data=b"select * from Customer where DisplayName = 'Acme'",
        headers={"Content-Type": "application/text"},
        params={"minorversion": "75"},
    )

    assert names(response) == ["Acme"]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("SELEKT * FROM Customer", "4000"),
        ("SELECT * FROM Customer WHERE", "4000"),
        ("SELECT * FROM Nothing", "4000"),
        ("SELECT * FROM Customer WHERE Notes = 'x'", "4001"),
    ],
)
def test_query_errors(seeded: QboSession, text: str, code: str) -> None:
    response = seeded.query(text)

    assert response.status_code == 400
    assert response.json()["Fault"]["Error"][0]["code"] == code


def test_paging_past_1000(sandbox_factory: SandboxFactory, qbo_for: Any) -> None:
    server: SandboxServer = sandbox_factory(
        seed=CompanySeed(customers=[f"Customer {number:04d}" for number in range(2500)])
    )
    qbo = qbo_for(server)

    default = qbo.query("SELECT * FROM Customer")
    pages = [
        qbo.query(f"SELECT * FROM Customer ORDERBY Id STARTPOSITION {start} MAXRESULTS 1000")
        for start in (1, 1001, 2001)
    ]
    capped = qbo.query("SELECT * FROM Customer MAXRESULTS 5000")
    past_end = qbo.query("SELECT * FROM Customer STARTPOSITION 2501")

    assert len(rows(default)) == 100
    assert default.json()["QueryResponse"]["maxResults"] == 100
    assert [len(rows(page)) for page in pages] == [1000, 1000, 500]
    assert pages[1].json()["QueryResponse"]["startPosition"] == 1001
    ids = [row["Id"] for page in pages for row in rows(page)]
    assert ids == [str(number) for number in range(1, 2501)]
    assert len(rows(capped)) == 1000
    assert past_end.json()["QueryResponse"] == {}
