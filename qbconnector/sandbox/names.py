"""Name-list entities: Customer, Vendor, Employee (one shared name space) and Item."""

from __future__ import annotations

from decimal import Decimal

from qbconnector.sandbox import errors
from qbconnector.sandbox.rules import (
    WriteContext,
    as_bool,
    check_currency,
    check_length,
    check_name_chars,
    check_string,
    currency_ref,
    drop_nones,
    duplicate_name,
    name_owner,
    to_decimal,
)
from qbconnector.sandbox.state import Record, name_key

NAME_PARTS = ("Title", "GivenName", "MiddleName", "FamilyName", "Suffix")
NAME_CHAR_FIELDS = ("DisplayName", *NAME_PARTS, "PrintOnCheckName")
PARTY_LIMITS = {
    "DisplayName": 500,
    "Title": 16,
    "GivenName": 100,
    "MiddleName": 100,
    "FamilyName": 100,
    "Suffix": 16,
    "CompanyName": 100,
    "PrintOnCheckName": 110,
    "Notes": 2000,
    "ResaleNum": 16,
}
PARTY_FIELDS = frozenset(
    {
        *PARTY_LIMITS,
        "Active",
        "PrimaryEmailAddr",
        "PrimaryPhone",
        "Mobile",
        "Fax",
        "AlternatePhone",
        "WebAddr",
        "BillAddr",
        "ShipAddr",
        "OtherAddr",
        "CurrencyRef",
        "SalesTermRef",
        "TermRef",
    }
)
CUSTOMER_FIELDS = PARTY_FIELDS | {
    "Taxable",
    "PreferredDeliveryMethod",
    "ParentRef",
    "Job",
    "BillWithParent",
    "PaymentMethodRef",
    "DefaultTaxCodeRef",
    "TaxExemptionReasonId",
    "PrimaryTaxIdentifier",
    "SecondaryTaxIdentifier",
    "BusinessNumber",
    "GSTIN",
    "GSTRegistrationType",
    "ARAccountRef",
    "OpenBalanceDate",
    "Balance",
    "CustomerTypeRef",
}


class PartyKind:
    """Customer, Vendor or Employee: DisplayName unique across all three (6240)."""

    deletable = False

    def __init__(self, name: str, writable: frozenset[str]) -> None:
        self.name = name
        self.writable = writable
        self.ignored = frozenset(
            {"FullyQualifiedName", "BalanceWithJobs", "Level", "V4IDPseudonym"}
        )

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        record = drop_nones(body)
        for field_name, limit in PARTY_LIMITS.items():
            if field_name in record:
                check_length(check_string(record[field_name], field_name), field_name, limit)
        for field_name in NAME_CHAR_FIELDS:
            check_name_chars(record.get(field_name), field_name)
        display_name = self._display_name(record)
        exclude = (self.name, str(existing["Id"])) if existing else ("", "")
        if name_owner(ctx.state, display_name, exclude):
            raise duplicate_name()
        self._check_email(record)
        record["DisplayName"] = display_name
        record["Active"] = as_bool(record.get("Active", True), "Active")
        record.setdefault("PrintOnCheckName", display_name)
        record["CurrencyRef"] = self._currency(ctx, record, existing)
        if self.name == "Customer":
            self._customer_defaults(record, existing)
        return record

    def _display_name(self, record: Record) -> str:
        given = record.get("DisplayName")
        if isinstance(given, str) and given.strip():
            return given
        parts = [str(record[part]) for part in NAME_PARTS if record.get(part)]
        if not parts:
            raise errors.required("DisplayName")
        return " ".join(parts)

    def _check_email(self, record: Record) -> None:
        email = record.get("PrimaryEmailAddr")
        if email is None:
            return
        address = email.get("Address") if isinstance(email, dict) else None
        if not isinstance(address, str) or "@" not in address or "." not in address:
            raise errors.invalid_property("PrimaryEmailAddr.Address", "not an e-mail address")
        check_length(address, "PrimaryEmailAddr.Address", 100)

    def _currency(self, ctx: WriteContext, record: Record, existing: Record | None) -> object:
        if existing is not None:
            current = existing["CurrencyRef"]
            given = record.get("CurrencyRef")
            if given is not None and check_currency(ctx.state, given) != current["value"]:
                raise errors.business("CurrencyRef cannot be changed once set.", "CurrencyRef")
            return current
        if "CurrencyRef" in record:
            return currency_ref(check_currency(ctx.state, record["CurrencyRef"]))
        return currency_ref(ctx.state.home_currency)

    def _customer_defaults(self, record: Record, existing: Record | None) -> None:
        record["FullyQualifiedName"] = record["DisplayName"]
        balance = existing["Balance"] if existing else record.get("Balance", Decimal(0))
        record["Balance"] = to_decimal(balance, "Balance")
        record["BalanceWithJobs"] = record["Balance"]
        for flag, default in (("Job", False), ("BillWithParent", False), ("Taxable", True)):
            record[flag] = as_bool(record.get(flag, default), flag)
        record.setdefault("PreferredDeliveryMethod", "Print")


ITEM_TYPES = frozenset({"Service", "NonInventory"})
ITEM_FIELDS = frozenset(
    {
        "Name",
        "Description",
        "Active",
        "Type",
        "IncomeAccountRef",
        "ExpenseAccountRef",
        "UnitPrice",
        "Taxable",
        "SalesTaxIncluded",
        "SalesTaxCodeRef",
        "Sku",
        "PurchaseDesc",
        "PurchaseCost",
        "ParentRef",
        "SubItem",
        "TrackQtyOnHand",
    }
)


class ItemKind:
    """Products and services: Name unique among items, Service/NonInventory only."""

    name = "Item"
    writable = ITEM_FIELDS
    ignored = frozenset({"FullyQualifiedName", "Level", "QtyOnHand"})
    deletable = False

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        record = drop_nones(body)
        name = record.get("Name")
        if not isinstance(name, str) or not name.strip():
            raise errors.required("Name")
        check_length(name, "Name", 100)
        for field_name in ("Description", "PurchaseDesc"):
            if field_name in record:
                check_length(check_string(record[field_name], field_name), field_name, 4000)
        exclude = ("Item", str(existing["Id"])) if existing else ("", "")
        if ctx.state.owners("item", name_key(name)) - {exclude}:
            raise duplicate_name(" (another product or service uses it)")
        item_type = record.get("Type", "Service")
        if item_type not in ITEM_TYPES:
            raise errors.invalid_property("Type", f"{item_type!r} items are not supported here")
        if "IncomeAccountRef" not in record:
            raise errors.required("IncomeAccountRef")
        if "UnitPrice" in record:
            record["UnitPrice"] = to_decimal(record["UnitPrice"], "UnitPrice")
        record["Type"] = item_type
        record["Active"] = as_bool(record.get("Active", True), "Active")
        record["Taxable"] = as_bool(record.get("Taxable", False), "Taxable")
        record["FullyQualifiedName"] = name
        return record


CUSTOMER = PartyKind("Customer", CUSTOMER_FIELDS)
VENDOR = PartyKind("Vendor", PARTY_FIELDS | {"AcctNum", "Vendor1099"})
EMPLOYEE = PartyKind("Employee", PARTY_FIELDS | {"EmployeeNumber", "HiredDate", "SSN"})
ITEM = ItemKind()
