"""Validation of one FlowFit import record (the JSON form, as Python values) into a Document."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import pathlib
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from qbconnector.core.documents import (
    Client,
    Document,
    DocumentKind,
    DocumentStatus,
    DocumentTax,
    Line,
    Project,
    TaxComponent,
    to_cents,
)
from qbconnector.core.errors import BadInputError
from qbconnector.core.pdf_file import PdfError, PdfFile, inspect_pdf
from qbconnector.flowfit.limits import number_problem

# The import format's fields; resources/document.schema.json must list the same (a test checks).
DOCUMENT_FIELDS = (
    "kind", "number", "status", "date", "due_date", "valid_until", "currency",
    "client", "project", "lines", "updated_at", "tax", "total", "pdf",
)  # fmt: skip
DOCUMENT_REQUIRED = ("kind", "number", "status", "date", "currency", "client", "project", "lines")
CLIENT_FIELDS = ("code", "name", "email", "language")
CLIENT_REQUIRED = ("code", "name")
PROJECT_FIELDS = (
    "number", "name", "client_po", "manager", "source_language", "target_languages",
)  # fmt: skip
PROJECT_REQUIRED = ("number",)
LINE_FIELDS = ("service", "description", "quantity", "unit", "unit_price", "taxable")
LINE_REQUIRED = ("service", "quantity", "unit_price")
TAX_FIELDS = ("code", "name", "components")
TAX_REQUIRED = TAX_FIELDS
TAX_COMPONENT_FIELDS = ("name", "rate", "amount")
TAX_COMPONENT_REQUIRED = TAX_COMPONENT_FIELDS
MAX_TAX_COMPONENTS = 2  # FlowFit's Tax 1 and Tax 2
# FlowFit may round the tax of each line: the total moves by at most half a cent per line.
HALF_CENT = Decimal("0.005")

Path = tuple[str | int, ...]
T = TypeVar("T")

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
_TIMESTAMP = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})", re.ASCII
)
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)
_COMMA_NUMBER = re.compile(r"[+-]?\d+,\d+", re.ASCII)
_CURRENCY = re.compile(r"[A-Z]{3}", re.ASCII)
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", re.ASCII)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+", re.ASCII)


class FieldError(Exception):
    """One field of a record is wrong; ``path`` locates it (e.g. ("lines", 0, "unit_price"))."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"field {field_name(path)}: {reason}")
        self.path = path
        self.reason = reason


class ImportFileError(BadInputError):
    """A file cannot be imported; the message says where (file, record, line, field) and why."""

    def __init__(
        self,
        source: str,
        reason: str,
        *,
        record: int | None = None,
        number: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        where = []
        if record is not None:
            where.append(f"record {record}" + (f" ({number})" if number else ""))
        if line is not None:
            where.append(f"line {line}")
        if field is not None:
            where.append(f"field {field}")
        location = ", ".join(where)
        super().__init__(f"{source}: {location}: {reason}" if location else f"{source}: {reason}")
        self.source, self.reason, self.record = source, reason, record
        self.number, self.line, self.field = number, line, field


def field_name(path: Path) -> str:
    """("lines", 0, "unit_price") -> "lines[0].unit_price"."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def shown(value: object) -> str:
    """A value as the user wrote it, quoted like JSON and cut short."""
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."


def _object(value: object, path: Path, allowed: tuple[str, ...], required: tuple[str, ...]) -> Any:
    if not isinstance(value, Mapping):
        raise FieldError(path, f"must be an object, not {shown(value)}")
    for key in value:
        if key not in allowed:
            raise FieldError((*path, key), f"unknown field (allowed: {', '.join(allowed)})")
    for key in required:
        if value.get(key) is None:
            raise FieldError((*path, key), "is required")
    return value


def _optional(value: object, path: Path, parse: Callable[[object, Path], T]) -> T | None:
    return None if value is None else parse(value, path)


def _text(value: object, path: Path) -> str:
    if not isinstance(value, str):
        raise FieldError(path, f"must be text, not {shown(value)}")
    text = value.strip()
    if not text:
        raise FieldError(path, "must not be empty")
    return text


def _matching(pattern: re.Pattern[str], hint: str) -> Callable[[object, Path], str]:
    def parse(value: object, path: Path) -> str:
        text = _text(value, path)
        if not pattern.fullmatch(text):
            raise FieldError(path, f"{shown(value)} {hint}")
        return text

    return parse


_currency = _matching(
    _CURRENCY, "is not a currency (expected a 3-letter ISO code in capitals, e.g. CAD)"
)
_language = _matching(_LANGUAGE, "is not a language code (e.g. fr, en-CA, pt-BR)")
_email = _matching(_EMAIL, "is not an email address")


def _choice(value: object, path: Path, choices: type[DocumentKind] | type[DocumentStatus]) -> Any:
    allowed = [choice.value for choice in choices]
    if value not in allowed:
        raise FieldError(path, f"{shown(value)} is not one of {', '.join(allowed)}")
    return choices(value)


def _date(value: object, path: Path) -> dt.date:
    try:
        if isinstance(value, str) and _DATE.fullmatch(value.strip()):
            return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    raise FieldError(path, f"{shown(value)} is not a date (expected YYYY-MM-DD)")


def _timestamp(value: object, path: Path) -> dt.datetime:
    if isinstance(value, str) and _TIMESTAMP.fullmatch(value.strip()):
        try:
            return dt.datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    reason = "is not a date and time with a UTC offset (e.g. 2026-11-02T14:30:00-05:00 or ...Z)"
    raise FieldError(path, f"{shown(value)} {reason}")


def parse_decimal(value: object, path: Path) -> Decimal:
    """A number given as a JSON number or as text, never a float, within QuickBooks' limits."""
    number = _parse_decimal(value, path)
    problem = number_problem(number)
    if problem is not None:
        raise FieldError(path, f"{shown(value)} {problem}")
    return number


def _parse_decimal(value: object, path: Path) -> Decimal:
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, Decimal) and value.is_finite():
        return value
    if isinstance(value, str) and _NUMBER.fullmatch(value.strip()):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            pass
    if isinstance(value, str) and _COMMA_NUMBER.fullmatch(value.strip()):
        dotted = value.strip().replace(",", ".")
        raise FieldError(path, f"{shown(value)} is not a number (use a dot: {dotted})")
    raise FieldError(path, f"{shown(value)} is not a number")


def _languages(value: object, path: Path) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise FieldError(path, f"must be a list of language codes, not {shown(value)}")
    return tuple(_language(item, (*path, index)) for index, item in enumerate(value))


def _client(value: object, path: Path) -> Client:
    fields = _object(value, path, CLIENT_FIELDS, CLIENT_REQUIRED)
    return Client(
        code=_text(fields["code"], (*path, "code")),
        name=_text(fields["name"], (*path, "name")),
        email=_optional(fields.get("email"), (*path, "email"), _email),
        language=_optional(fields.get("language"), (*path, "language"), _language),
    )


def _project(value: object, path: Path) -> Project:
    fields = _object(value, path, PROJECT_FIELDS, PROJECT_REQUIRED)

    def optional(name: str) -> str | None:
        return _optional(fields.get(name), (*path, name), _text)

    source = _optional(fields.get("source_language"), (*path, "source_language"), _language)
    targets = _optional(fields.get("target_languages"), (*path, "target_languages"), _languages)
    return Project(
        number=_text(fields["number"], (*path, "number")),
        name=optional("name"),
        client_po=optional("client_po"),
        manager=optional("manager"),
        source_language=source,
        target_languages=targets or (),
    )


def _boolean(value: object, path: Path) -> bool:
    if not isinstance(value, bool):
        raise FieldError(path, f"must be true or false, not {shown(value)}")
    return value


def _line(value: object, path: Path) -> Line:
    fields = _object(value, path, LINE_FIELDS, LINE_REQUIRED)
    service = _text(fields["service"], (*path, "service"))
    description = _optional(fields.get("description"), (*path, "description"), _text)
    return Line(
        service=service,
        description=description if description is not None else service,
        quantity=parse_decimal(fields["quantity"], (*path, "quantity")),
        unit_price=parse_decimal(fields["unit_price"], (*path, "unit_price")),
        unit=_optional(fields.get("unit"), (*path, "unit"), _text),
        taxable=_optional(fields.get("taxable"), (*path, "taxable"), _boolean) is not False,
    )


def _lines(value: object) -> tuple[Line, ...]:
    if not isinstance(value, list):
        raise FieldError(("lines",), f"must be a list of lines, not {shown(value)}")
    if not value:
        raise FieldError(("lines",), "must hold at least one line")
    return tuple(_line(item, ("lines", index)) for index, item in enumerate(value))


def _rate(value: object, path: Path) -> Decimal:
    rate = parse_decimal(value, path)
    if not Decimal(0) <= rate < Decimal(100):
        raise FieldError(
            path,
            f"{rate} is not a tax rate: give a percentage from 0 up to (not including) 100,"
            " e.g. 9.975 for 9.975 %",
        )
    return rate


def _tax_amount(value: object, path: Path) -> Decimal:
    amount = parse_decimal(value, path)
    if amount < 0:
        raise FieldError(path, f"{amount} is negative: a tax amount is 0 or more")
    exponent = amount.normalize().as_tuple().exponent  # 12.500 -> 12.5: trailing zeros are fine
    if isinstance(exponent, int) and exponent < -2:
        reason = f"{amount} has more than 2 decimals: give the tax billed, in cents (e.g. 12.50)"
        raise FieldError(path, reason)
    return amount


def _component(value: object, path: Path) -> TaxComponent:
    fields = _object(value, path, TAX_COMPONENT_FIELDS, TAX_COMPONENT_REQUIRED)
    return TaxComponent(
        name=_text(fields["name"], (*path, "name")),
        rate=_rate(fields["rate"], (*path, "rate")),
        amount=_tax_amount(fields["amount"], (*path, "amount")),
    )


def _tax(value: object, path: Path) -> DocumentTax:
    fields = _object(value, path, TAX_FIELDS, TAX_REQUIRED)
    code = _text(fields["code"], (*path, "code"))
    name = _text(fields["name"], (*path, "name"))
    parts_path = (*path, "components")
    parts = fields["components"]
    one_or_two = "a tax has one or two components (Tax 1 and Tax 2)"
    if not isinstance(parts, list):
        raise FieldError(
            parts_path, f"must be a list of components ({one_or_two}), not {shown(parts)}"
        )
    if not parts:
        raise FieldError(parts_path, f"must not be empty: {one_or_two}")
    if len(parts) > MAX_TAX_COMPONENTS:
        reason = f"{one_or_two}; this one is component {len(parts)}: remove it"
        raise FieldError((*parts_path, MAX_TAX_COMPONENTS), reason)
    components = tuple(_component(part, (*parts_path, index)) for index, part in enumerate(parts))
    for index, component in enumerate(components[1:], start=1):
        if component.name.casefold() == components[0].name.casefold():
            reason = (
                f"{shown(component.name)} is also the name of components[0]: the components"
                " of a tax have distinct names (e.g. GST and QST)"
            )
            raise FieldError((*parts_path, index, "name"), reason)
    return DocumentTax(code=code, name=name, components=components)


def _check_tax_amounts(tax: DocumentTax, lines: tuple[Line, ...]) -> None:
    """Each component's amount is its rate of the taxable subtotal, give or take FlowFit's
    rounding: half a cent per taxable line, plus half a cent for the total."""
    taxable = [line for line in lines if line.taxable]
    base = sum((line.amount for line in taxable), Decimal("0.00"))
    tolerance = HALF_CENT * (len(taxable) + 1)
    for index, component in enumerate(tax.components):
        expected = component.rate * base / 100
        if abs(component.amount - expected) > tolerance:
            reason = (
                f"{component.name} is {component.amount}, but {component.rate} % of the taxable"
                f" subtotal {base} is {to_cents(expected)}: wrong rate, or wrong amount"
                f" (FlowFit's rounding explains at most {tolerance.normalize():f} of difference"
                " here; a rate is a percentage: 9.975 means 9.975 %)"
            )
            raise FieldError(("tax", "components", index, "amount"), reason)


def _check_total(value: object, document: Document) -> None:
    total = parse_decimal(value, ("total",))
    subtotal, tax_amount, expected = document.subtotal, document.tax_amount, document.total
    if total == expected:
        return
    difference = total - expected
    if document.tax is None:
        reason = (
            f"{total} is not the subtotal {subtotal} (difference {difference:+}): a document"
            " without tax totals its subtotal; add its tax, or fix the total"
        )
    else:
        reason = (
            f"{total} is not the subtotal {subtotal} plus the tax {tax_amount} = {expected}"
            f" (difference {difference:+}): fix the total, the lines or the tax amounts"
        )
    raise FieldError(("total",), reason)


def _check_dates(kind: DocumentKind, fields: Mapping[str, Any]) -> None:
    own, other = ("due_date", "valid_until")
    if kind is DocumentKind.QUOTE:
        own, other = other, own
    if fields.get(other) is not None:
        article = "an" if kind is DocumentKind.INVOICE else "a"
        raise FieldError((other,), f"{article} {kind.value} has no {other} (use {own})")


def _pdf(value: object, base: pathlib.Path | None) -> PdfFile:
    """The file ``pdf`` names (relative to the import file's folder), checked and hashed."""
    if base is None:
        raise FieldError(("pdf",), "a PDF path is only read from an import file")
    given = pathlib.Path(_text(value, ("pdf",)))
    try:
        return inspect_pdf(given if given.is_absolute() else base / given)
    except PdfError as error:
        raise FieldError(("pdf",), str(error)) from None


def parse_record(
    record: object, *, strict_total: bool = True, pdf_base: pathlib.Path | None = None
) -> Document:
    """The Document a record of the import format describes; FieldError names the first fault.

    ``strict_total`` False keeps a total that does not add up as ``stated_total`` instead of
    refusing the record (the planner then blocks that one document, naming the difference).
    ``pdf_base`` is the folder a relative ``pdf`` path is read from (the import file's).
    """
    fields = _object(record, (), DOCUMENT_FIELDS, DOCUMENT_REQUIRED)
    kind: DocumentKind = _choice(fields["kind"], ("kind",), DocumentKind)
    date = _date(fields["date"], ("date",))
    _check_dates(kind, fields)
    due_date = _optional(fields.get("due_date"), ("due_date",), _date)
    valid_until = _optional(fields.get("valid_until"), ("valid_until",), _date)
    for name, later in (("due_date", due_date), ("valid_until", valid_until)):
        if later is not None and later < date:
            raise FieldError((name,), f"{later} is before the document date {date}")
    document = Document(
        kind=kind,
        number=_text(fields["number"], ("number",)),
        status=_choice(fields["status"], ("status",), DocumentStatus),
        date=date,
        currency=_currency(fields["currency"], ("currency",)),
        client=_client(fields["client"], ("client",)),
        project=_project(fields["project"], ("project",)),
        lines=_lines(fields["lines"]),
        due_date=due_date,
        valid_until=valid_until,
        updated_at=_optional(fields.get("updated_at"), ("updated_at",), _timestamp),
        tax=_optional(fields.get("tax"), ("tax",), _tax),
    )
    if fields.get("pdf") is not None:  # last: the other fields are checked before any file
        document = dataclasses.replace(document, pdf=_pdf(fields["pdf"], pdf_base))
    if document.tax is not None:
        _check_tax_amounts(document.tax, document.lines)
    if fields.get("total") is not None:
        if strict_total:
            _check_total(fields["total"], document)
        else:
            stated = parse_decimal(fields["total"], ("total",))
            if stated != document.total:
                document = dataclasses.replace(document, stated_total=stated)
    return document
