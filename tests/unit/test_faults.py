"""Error bodies of every shape QuickBooks is known to send, and garbage, become typed errors."""

from __future__ import annotations

import pytest

from qbconnector.quickbooks import errors
from qbconnector.quickbooks.faults import error_from_fault, error_from_response, parse_fault

DUPLICATE_NAME = (
    b'{"Fault":{"Error":[{"Message":"Duplicate Name Exists Error","Detail":"The name supplied '
    b"already exists. : Another customer, vendor or employee is already using this name. Please "
    b'use a different name.","code":"6240","element":""}],"type":"ValidationFault"},'
    b'"time":"2019-08-02T04:48:37.097-07:00"}'
)
STALE = (
    b'{"Fault":{"Error":[{"Message":"Stale Object Error","Detail":"Stale Object Error : You and '
    b"Jane were working on this at the same time. Jane finished before you did, so your work was "
    b'not saved.","code":"5010","element":""}],"type":"ValidationFault"},"time":"2019-08-02"}'
)
DUPLICATE_DOC_6140 = (
    b'{"Fault":{"Error":[{"Message":"Duplicate Document Number Error","Detail":"Duplicate '
    b"Document Number Error : You must specify a different number. This number has already been "
    b'used. DocNumber=1001 is assigned to TxnType=Invoice with TxnId=130","code":"6140",'
    b'"element":""}],"type":"ValidationFault"},"time":"2019-08-02"}'
)
DUPLICATE_DOC_6240 = DUPLICATE_DOC_6140.replace(b'"code":"6140"', b'"code":"6240"')
AMOUNT = (
    b'{"Fault":{"Error":[{"Message":"Amount calculation incorrect in the request.","Detail":'
    b'"Amount calculation incorrect in the request.","code":"6070","element":"Line.Amount"}],'
    b'"type":"ValidationFault"},"time":"2019-08-02"}'
)
GATEWAY_401 = (
    b'{"warnings":null,"intuitObject":null,"fault":{"error":[{"message":"message='
    b'AuthenticationFailed; errorCode=003200; statusCode=401","detail":"Malformed bearer token: '
    b'too short or too long","code":"3200","element":null}],"type":"AUTHENTICATION"},"report":'
    b'null,"queryResponse":null,"batchItemResponse":[],"attachableResponse":[],'
    b'"syncErrorResponse":null,"requestId":null,"time":1633520295688,"status":null,'
    b'"cdcresponse":[]}'
)
GATEWAY_401_NO_DETAIL = GATEWAY_401.replace(
    b'"Malformed bearer token: too short or too long"', b"null"
)
GATEWAY_403 = (
    b'{"warnings":null,"intuitObject":null,"fault":{"error":[{"message":"message='
    b'AuthorizationFailed; errorCode=003100; statusCode=403","detail":null,"code":"3100",'
    b'"element":null}],"type":"SERVICE"},"report":null,"queryResponse":null,'
    b'"batchItemResponse":[],"attachableResponse":[],"syncErrorResponse":null,"requestId":null,'
    b'"time":1633520295688,"status":null,"cdcresponse":[]}'
)
XML_401 = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<IntuitResponse '
    b'xmlns="http://schema.intuit.com/finance/v3" time="2021-05-04T07:53:34.612-07:00">'
    b'<Fault type="AuthenticationFault"><Error code="100"><Message>General Authentication Error'
    b"</Message><Detail>AuthenticationErrorGeneral: SRV-110-Authentication Failure , statusCode: "
    b"401</Detail></Error></Fault></IntuitResponse>"
)
XML_429 = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><IntuitResponse '
    b'xmlns="http://schema.intuit.com/finance/v3" time="2016-08-09T10:00:00.000-07:00">'
    b'<Fault type="SERVICE"><Error code="3001"><Message>message=ThrottleExceeded; '
    b"errorCode=003001; statusCode=429</Message><Detail>The request limit was reached.  Try "
    b"again later</Detail></Error></Fault></IntuitResponse>"
)
HTML_503 = (
    b"<!DOCTYPE html><html><head><title>503 Service Temporarily Unavailable</title></head>"
    b"<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>"
)
SYSTEM_FAULT = (
    b'{"Fault":{"Error":[{"Message":"An application error has occurred while processing your '
    b'request","Detail":"System Failure Error: null","code":"10000","element":""}],'
    b'"type":"SystemFault"},"time":"2019-08-02"}'
)
INVALID_GRANT = (
    b'{"error":"invalid_grant","error_description":"Incorrect or invalid refresh token"}'
)


@pytest.mark.parametrize(
    ("status", "body", "expected_class", "code", "message"),
    [
        (400, DUPLICATE_NAME, errors.DuplicateNameError, "6240", "Duplicate Name Exists Error"),
        (400, STALE, errors.StaleObjectError, "5010", "Stale Object Error"),
        (400, DUPLICATE_DOC_6140, errors.DuplicateDocNumberError, "6140", None),
        (400, DUPLICATE_DOC_6240, errors.DuplicateDocNumberError, "6240", None),
        (400, AMOUNT, errors.ValidationError, "6070", None),
        (401, GATEWAY_401, errors.AuthenticationError, "3200", "AuthenticationFailed"),
        (401, GATEWAY_401_NO_DETAIL, errors.AuthenticationError, "3200", "AuthenticationFailed"),
        (401, XML_401, errors.AuthenticationError, "100", "General Authentication Error"),
        (403, GATEWAY_403, errors.AuthorizationError, "3100", "AuthorizationFailed"),
        (429, XML_429, errors.ThrottledError, "3001", "ThrottleExceeded"),
        (500, SYSTEM_FAULT, errors.ServerError, "10000", None),
        (503, HTML_503, errors.ServerError, None, "HTML page: 503 Service Temporarily Unavailable"),
    ],
)
def test_reference_bodies_become_typed_errors(
    status: int,
    body: bytes,
    expected_class: type[errors.QuickBooksError],
    code: str | None,
    message: str | None,
) -> None:
    error = error_from_response(status, body, intuit_tid="tid-1")
    assert type(error) is expected_class
    assert error.code == code
    assert error.http_status == status
    assert error.intuit_tid == "tid-1"
    if message is not None:
        assert error.message == message


def test_fields_of_a_validation_fault_are_kept() -> None:
    error = error_from_response(400, AMOUNT)
    assert error.element == "Line.Amount"
    assert error.detail == "Amount calculation incorrect in the request."
    assert error.fault_type == "ValidationFault"
    assert not error.outcome_uncertain


def test_gateway_detail_and_xml_detail_are_read() -> None:
    assert error_from_response(401, GATEWAY_401).detail == (
        "Malformed bearer token: too short or too long"
    )
    assert error_from_response(401, XML_401).detail == (
        "AuthenticationErrorGeneral: SRV-110-Authentication Failure , statusCode: 401"
    )
    assert error_from_response(429, XML_429).detail == (
        "The request limit was reached. Try again later"
    )


def test_throttle_body_under_an_old_403_status_is_still_throttling() -> None:
    old_body = XML_429.replace(b"statusCode=429", b"statusCode=403")
    assert isinstance(error_from_response(403, old_body), errors.ThrottledError)


def test_retry_after_is_carried_by_throttled_errors() -> None:
    error = error_from_response(429, XML_429, retry_after=7.0)
    assert isinstance(error, errors.ThrottledError)
    assert error.retry_after == 7.0


def test_server_errors_leave_the_outcome_uncertain_and_validation_errors_do_not() -> None:
    assert error_from_response(503, HTML_503).outcome_uncertain
    assert not error_from_response(400, STALE).outcome_uncertain


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n",
        DUPLICATE_NAME[:90],
        GATEWAY_401[:150],
        XML_401[:200],
        XML_429[:60],
        HTML_503[:40],
        b"\x00\xff\xfe garbage \x80",
        b"{",
        b"[1, 2, 3]",
        b'{"Fault": "not an object"}',
        b'{"Fault": {"Error": "x", "type": 5}}',
        b'{"Fault": {"Error": [1, null, {"code": 6240}]}}',
        b'{"fault": {"error": [{"message": null}]}}',
        b"null",
        b'"just a string"',
        b"<",
        b"<Fault",
        b"<html>" + b"x" * 300_000,
        b"\xef\xbb\xbf{}",
        '<Error code="1"><Message>caf\u00e9 &amp; &#x27;</Message>'.encode(),
    ],
)
@pytest.mark.parametrize("status", [200, 400, 401, 403, 404, 429, 500, 502, 503])
def test_damaged_or_foreign_bodies_never_crash(body: bytes, status: int) -> None:
    error = error_from_response(status, body, content_type="application/json")
    assert isinstance(error, errors.QuickBooksError)
    assert error.message
    assert len(str(error)) < 2000


def test_truncated_json_still_yields_the_first_error() -> None:
    cut = DUPLICATE_NAME[: DUPLICATE_NAME.index(b'"element"')]
    error = error_from_response(400, cut)
    assert isinstance(error, errors.DuplicateNameError)
    assert error.message == "Duplicate Name Exists Error"


def test_truncated_xml_still_yields_code_and_message() -> None:
    error = error_from_response(401, XML_401[: XML_401.index(b"<Detail>") + 20])
    assert isinstance(error, errors.AuthenticationError)
    assert (error.code, error.message) == ("100", "General Authentication Error")


def test_empty_body_says_so_with_the_status() -> None:
    error = error_from_response(502, b"")
    assert isinstance(error, errors.ServerError)
    assert str(error) == "QuickBooks answered HTTP 502 with an empty response body"


def test_an_unreadable_success_is_an_uncertain_server_error() -> None:
    error = error_from_response(200, b"<truncated")
    assert isinstance(error, errors.ServerError)
    assert error.outcome_uncertain


def test_other_statuses_are_unexpected_responses() -> None:
    assert isinstance(error_from_response(404, SYSTEM_FAULT), errors.UnexpectedResponseError)


def test_several_errors_are_all_parsed_and_the_first_names_the_class() -> None:
    body = (
        b'{"Fault":{"Error":[{"Message":"Stale Object Error","code":"5010"},'
        b'{"Message":"other","code":"2010"}],"type":"ValidationFault"}}'
    )
    fault = parse_fault(body)
    assert [entry.code for entry in fault.errors] == ["5010", "2010"]
    assert isinstance(error_from_fault(fault, 400), errors.StaleObjectError)


def test_batch_item_faults_are_classed_by_fault_type() -> None:
    auth = parse_fault(XML_401)
    assert isinstance(error_from_fault(auth, None), errors.AuthenticationError)
    assert isinstance(error_from_fault(parse_fault(SYSTEM_FAULT), None), errors.ServerError)
    assert isinstance(error_from_fault(parse_fault(STALE), None), errors.StaleObjectError)


def test_oauth_error_shape_is_read() -> None:
    first = parse_fault(INVALID_GRANT).first
    assert (first.code, first.detail) == ("invalid_grant", "Incorrect or invalid refresh token")


def test_long_texts_are_clipped() -> None:
    body = b'{"Fault":{"Error":[{"Message":"' + b"m" * 5000 + b'","code":"1"}]}}'
    assert len(error_from_response(400, body).message) <= 500
