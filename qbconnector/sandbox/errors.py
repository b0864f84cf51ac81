"""QuickBooks Online error bodies: Fault JSON, gateway JSON, throttle XML, load-balancer HTML."""

from __future__ import annotations

import time
from typing import Any

from qbconnector.sandbox.clock import response_time

# Message texts as QuickBooks sends them (reference §4, §5).
MSG_NOT_FOUND = "Object Not Found"
MSG_REQUIRED = "Required param missing, need to supply the required value for the API"
MSG_INVALID_PROPERTY = "Request has invalid or unsupported property"
MSG_STRING_LENGTH = "String length is either shorter or longer than supported by specification"
MSG_INVALID_REF = "Invalid Reference Id"
MSG_PARSE_QUERY = "Error parsing query"
MSG_INVALID_QUERY = "Invalid query"
MSG_STALE = "Stale Object Error"
MSG_BUSINESS = "A business validation error has occurred while processing your request"
MSG_AMOUNT = "Amount calculation incorrect in the request."
MSG_DUP_DOC = "Duplicate Document Number Error"
MSG_DUP_NAME = "Duplicate Name Exists Error"
MSG_SYSTEM = "An application error has occurred while processing your request"


class FaultError(Exception):
    """A QuickBooks application fault: HTTP status, ``Fault.type`` and its errors."""

    def __init__(self, status: int, fault_type: str, errors: list[dict[str, str]]) -> None:
        super().__init__(errors[0]["Message"] if errors else fault_type)
        self.status = status
        self.fault_type = fault_type
        self.errors = errors

    def fault(self) -> dict[str, Any]:
        """The ``Fault`` object, as in a single response or a batch item."""
        return {"Error": self.errors, "type": self.fault_type}

    def body(self) -> dict[str, Any]:
        return {"Fault": self.fault(), "time": response_time()}


def validation(code: int, message: str, detail: str, element: str = "") -> FaultError:
    """A 400 ``ValidationFault`` with one error (``code`` is sent as a string, like QBO)."""
    error = {"Message": message, "Detail": detail, "code": str(code), "element": element}
    return FaultError(400, "ValidationFault", [error])


def not_found(entity: str, entity_id: str) -> FaultError:
    return validation(
        610,
        MSG_NOT_FOUND,
        f"Object Not Found : Something you're trying to use has been made inactive. "
        f"Check the fields with accounts, customers, items, vendors or employees. "
        f"({entity} Id={entity_id})",
    )


def required(field: str) -> FaultError:
    return validation(2020, MSG_REQUIRED, f"Required parameter {field} is missing in the request")


def invalid_property(field: str, why: str = "") -> FaultError:
    suffix = f" ({why})" if why else ""
    return validation(
        2010,
        MSG_INVALID_PROPERTY,
        f"Property Name:{field} specified is unsupported or invalid{suffix}",
        field,
    )


def too_long(field: str, limit: int, length: int) -> FaultError:
    return validation(
        2050,
        MSG_STRING_LENGTH,
        f"String length specified does not match the supported length. "
        f"Min:0 Max:{limit} supplied length:{length}",
        field,
    )


def invalid_reference(field: str, value: str) -> FaultError:
    return validation(
        2500,
        MSG_INVALID_REF,
        f"Invalid Reference Id : Something you're trying to use has been made inactive. "
        f"Check the fields with accounts, customers, items, vendors or employees. "
        f"({field}={value})",
        field,
    )


def business(detail: str, element: str = "") -> FaultError:
    return validation(6000, MSG_BUSINESS, f"Business Validation Error: {detail}", element)


def system_fault(detail: str = "Internal Server Error") -> FaultError:
    error = {"Message": MSG_SYSTEM, "Detail": detail, "code": "10000", "element": ""}
    return FaultError(500, "SystemFault", [error])


def gateway_body(status: int, detail: str | None) -> dict[str, Any]:
    """The lower-case gateway JSON QuickBooks answers on 401/403 (reference §2)."""
    if status == 401:
        message = "message=AuthenticationFailed; errorCode=003200; statusCode=401"
        code, fault_type = "3200", "AUTHENTICATION"
    else:
        message = "message=AuthorizationFailed; errorCode=003100; statusCode=403"
        code, fault_type = "3100", "SERVICE"
    error = {"message": message, "detail": detail, "code": code, "element": None}
    return {
        "warnings": None,
        "intuitObject": None,
        "fault": {"error": [error], "type": fault_type},
        "report": None,
        "queryResponse": None,
        "batchItemResponse": [],
        "attachableResponse": [],
        "syncErrorResponse": None,
        "requestId": None,
        "time": int(time.time() * 1000),
        "status": None,
        "cdcresponse": [],
    }


def throttle_xml() -> bytes:
    """The 429 body: XML even when JSON was asked for (reference §5)."""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<IntuitResponse xmlns="http://schema.intuit.com/finance/v3" '
        f'time="{response_time()}"><Fault type="SERVICE"><Error code="3001">'
        "<Message>message=ThrottleExceeded; errorCode=003001; statusCode=429</Message>"
        "<Detail>The request limit was reached.  Try again later</Detail>"
        "</Error></Fault></IntuitResponse>"
    ).encode()


SERVICE_UNAVAILABLE_HTML = (
    b"<html><head><title>503 Service Temporarily Unavailable</title></head>"
    b"<body><center><h1>503 Service Temporarily Unavailable</h1></center></body></html>"
)
