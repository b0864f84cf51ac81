"""Sales tax: the seeded TaxAgency/TaxRate/TaxCode lists, line tax codes, and TxnTaxDetail.

Non-US companies (Canada) put a ``TaxCode`` on every sales line and QuickBooks computes one
``TaxLine`` per rate on the total of the lines using it; ``TxnTaxDetail.TaxLine`` amounts sent
by the client override the computed ones. US companies mark lines ``TAX``/``NON`` and take the
rate from ``TxnTaxDetail.TxnTaxCodeRef``, or from automated sales tax (AST), where
``TxnTaxDetail.TotalTax`` is the override. Reference §12.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qbconnector.sandbox import errors
from qbconnector.sandbox.clock import meta_time
from qbconnector.sandbox.rules import WriteContext, active_reference, ref_value, to_decimal
from qbconnector.sandbox.state import CompanyState, Record

CENT = Decimal("0.01")
TAX_ENTITIES = ("TaxAgency", "TaxRate", "TaxCode")
US_LINE_CODES = ("TAX", "NON")
LINE_CODE_FIELD = "Line.SalesItemLineDetail.TaxCodeRef"
MISSING_CODE = "Make sure all your transactions have a GST/HST rate before you save."
SEEDED_COUNTRIES = ("CA", "US")

# (name, agency, rate in percent); agencies by their DisplayName.
_CA_AGENCIES = (
    "Canada Revenue Agency",
    "Revenu Québec",
    "Ministry of Finance (BC)",
    "Manitoba Finance",
    "Saskatchewan Finance",
)
_CA_RATES = (
    ("GST", "Canada Revenue Agency", "5"),
    ("QST", "Revenu Québec", "9.975"),
    ("HST ON", "Canada Revenue Agency", "13"),
    ("HST", "Canada Revenue Agency", "15"),
    ("PST BC", "Ministry of Finance (BC)", "7"),
    ("PST MB", "Manitoba Finance", "7"),
    ("PST SK", "Saskatchewan Finance", "6"),
    ("Exempt", "Canada Revenue Agency", "0"),
    ("Zero-rated", "Canada Revenue Agency", "0"),
    ("Out of Scope", "Canada Revenue Agency", "0"),
)
# (name, rate names, taxable, active)
_CA_CODES = (
    ("GST", ("GST",), True, True),
    ("GST/QST QC - 9.975", ("GST", "QST"), True, True),
    ("HST ON", ("HST ON",), True, True),
    ("HST NB/NL/PE", ("HST",), True, True),
    ("GST/PST BC - 7", ("GST", "PST BC"), True, True),
    ("GST/PST MB - 7", ("GST", "PST MB"), True, True),
    ("GST/PST SK - 6", ("GST", "PST SK"), True, True),
    ("Exempt", ("Exempt",), False, True),
    ("Zero-rated", ("Zero-rated",), True, True),
    ("Out of Scope", ("Out of Scope",), False, True),
    ("HST ON 2010", ("HST ON",), True, False),
)
_US_AGENCIES = (
    "California Department of Tax and Fee Administration",
    "New York State Department of Taxation and Finance",
)
_US_RATES = (
    ("California", "California Department of Tax and Fee Administration", "7.25"),
    ("NY State", "New York State Department of Taxation and Finance", "4"),
    ("NYC", "New York State Department of Taxation and Finance", "4.5"),
)
_US_CODES = (
    ("California", ("California",), True, True),
    ("New York City", ("NY State", "NYC"), True, True),
    ("Old County", ("California",), True, False),
)


def seed_taxes(state: CompanyState) -> None:
    """Create the country's agencies, rates and codes (Ids allocated like any entity)."""
    if state.country not in SEEDED_COUNTRIES:
        raise ValueError(
            f"the sandbox seeds sales tax for {' and '.join(SEEDED_COUNTRIES)} only, "
            f"not {state.country!r}"
        )
    us = state.country == "US"
    agencies: dict[str, str] = {}
    for name in _US_AGENCIES if us else _CA_AGENCIES:
        record = {"DisplayName": name, "TaxTrackedOnSales": True, "TaxTrackedOnPurchases": not us}
        agencies[name] = _put(state, "TaxAgency", {**record, "Active": True})
    rates: dict[str, str] = {}
    for name, agency, value in _US_RATES if us else _CA_RATES:
        rate = {
            "Name": name,
            "Description": name,
            "Active": True,
            "RateValue": Decimal(value),
            "AgencyRef": {"value": agencies[agency]},
            "SpecialTaxType": "NONE",
            "DisplayType": "ReadOnly",
        }
        rates[name] = _put(state, "TaxRate", rate)
    for name, rate_names, taxable, active in _US_CODES if us else _CA_CODES:
        details = [
            {
                "TaxRateRef": {"value": rates[rate_name], "name": rate_name},
                "TaxTypeApplicable": "TaxOnAmount",
                "TaxOrder": 0,
            }
            for rate_name in rate_names
        ]
        code = {
            "Name": name,
            "Description": name,
            "Active": active,
            "Hidden": False,
            "Taxable": taxable,
            "TaxGroup": len(rate_names) > 1,
            "SalesTaxRateList": {"TaxRateDetail": details},
            "PurchaseTaxRateList": {"TaxRateDetail": []},
        }
        _put(state, "TaxCode", code)


def _put(state: CompanyState, entity: str, fields: Record) -> str:
    record_id = state.allocate_id(entity)
    now = meta_time()
    record = {
        "Id": record_id,
        **fields,
        "domain": "QBO",
        "sparse": False,
        "SyncToken": "0",
        "MetaData": {"CreateTime": now, "LastUpdatedTime": now},
    }
    state.put(entity, record)
    return record_id


def read_only(entity: str, operation: str) -> errors.FaultError:
    """Tax entities are created by QuickBooks (``taxservice/taxcode``), not the entity API."""
    return errors.validation(
        500,
        "Unsupported Operation",
        f"Operation {operation} is not supported for {entity}: tax codes, rates and agencies "
        f"are read-only here (QuickBooks creates them through taxservice/taxcode).",
        entity,
    )


def set_code_active(state: CompanyState, code_id: str, active: bool) -> Record:
    """Make a tax code active or inactive (admin endpoint); returns the stored record."""
    code = state.table("TaxCode").get(code_id)
    if code is None:
        raise ValueError(f"no TaxCode with Id {code_id!r}")
    code["Active"] = active
    code["SyncToken"] = str(int(code["SyncToken"]) + 1)
    code["MetaData"]["LastUpdatedTime"] = meta_time()
    return code


def code_id_by_name(state: CompanyState, name: str) -> str:
    for record in state.table("TaxCode").values():
        if record["Name"] == name:
            return str(record["Id"])
    raise ValueError(f"no TaxCode named {name!r}")


def line_tax_code(ctx: WriteContext, ref: object) -> dict[str, str]:
    """A sales line's ``TaxCodeRef``: TAX/NON (default NON) in the US, else an active TaxCode."""
    if ctx.state.country == "US":
        if ref is None:
            return {"value": "NON"}
        value = ref_value(ref, LINE_CODE_FIELD)
        if value not in US_LINE_CODES:
            raise errors.invalid_reference(LINE_CODE_FIELD, value)
        return {"value": value}
    if ref is None:
        raise errors.business(MISSING_CODE)
    code = active_reference(ctx, "TaxCode", ref, LINE_CODE_FIELD)
    return {"value": str(code["Id"])}


@dataclass
class TaxResult:
    detail: Record  # the TxnTaxDetail to store
    total: Decimal


def compute(ctx: WriteContext, record: Record, lines: list[Record]) -> TaxResult:
    """``TxnTaxDetail`` for a transaction whose ``lines`` passed :func:`line_tax_code`."""
    sent = record.get("TxnTaxDetail")
    if sent is None:
        sent = {}
    if not isinstance(sent, dict):
        raise errors.invalid_property("TxnTaxDetail", "an object is expected")
    sales = [line for line in lines if line.get("DetailType") == "SalesItemLineDetail"]
    if ctx.state.country == "US":
        return _us(ctx, sent, sales)
    calculation = record.get("GlobalTaxCalculation", "TaxExcluded")
    if calculation == "TaxInclusive":
        raise errors.business(
            "GlobalTaxCalculation TaxInclusive is not modelled by the qbconnector sandbox; "
            "send amounts before tax (TaxExcluded).",
            "GlobalTaxCalculation",
        )
    if calculation == "NotApplicable":
        raise errors.business(
            "GlobalTaxCalculation NotApplicable cannot be used by a company that charges "
            "sales tax; use TaxExcluded.",
            "GlobalTaxCalculation",
        )
    codes = ctx.state.table("TaxCode")
    nets: dict[str, Decimal] = {}
    for line in sales:
        code = codes[line["SalesItemLineDetail"]["TaxCodeRef"]["value"]]
        for detail in code["SalesTaxRateList"]["TaxRateDetail"]:
            rate_id = str(detail["TaxRateRef"]["value"])
            nets[rate_id] = nets.get(rate_id, Decimal(0)) + Decimal(line["Amount"])
    overrides = _tax_line_overrides(ctx.state, sent, nets)
    rates = ctx.state.table("TaxRate")
    tax_lines: list[Record] = []
    for rate_id in sorted(nets, key=_id_order):
        percent = Decimal(rates[rate_id]["RateValue"])
        net = nets[rate_id]
        amount = overrides.get(rate_id, _cents(net * percent / 100))
        tax_lines.append(_tax_line(amount, percent, net, rate_id))
    total = sum((Decimal(line["Amount"]) for line in tax_lines), Decimal(0))
    return TaxResult({"TotalTax": total, "TaxLine": tax_lines}, total)


def _us(ctx: WriteContext, sent: Record, sales: list[Record]) -> TaxResult:
    taxable = sum(
        (
            Decimal(line["Amount"])
            for line in sales
            if line["SalesItemLineDetail"]["TaxCodeRef"]["value"] == "TAX"
        ),
        Decimal(0),
    )
    ast_rate = ctx.state.us_sales_tax_rate
    if ast_rate is not None:
        # Automated sales tax: the code sent is ignored; TotalTax sent is the override.
        if sent.get("TotalTax") is not None:
            total = to_decimal(sent["TotalTax"], "TxnTaxDetail.TotalTax")
        else:
            total = _cents(taxable * ast_rate / 100)
        if taxable == 0 and total == 0:
            return TaxResult({"TotalTax": total, "TaxLine": []}, total)
        return TaxResult(
            {"TotalTax": total, "TaxLine": [_tax_line(total, ast_rate, taxable, None)]}, total
        )
    if sent.get("TxnTaxCodeRef") is None:
        return TaxResult({"TotalTax": Decimal(0), "TaxLine": []}, Decimal(0))
    field_name = "TxnTaxDetail.TxnTaxCodeRef"
    code = active_reference(ctx, "TaxCode", sent["TxnTaxCodeRef"], field_name)
    rates = ctx.state.table("TaxRate")
    tax_lines = []
    for detail in code["SalesTaxRateList"]["TaxRateDetail"]:
        rate_id = str(detail["TaxRateRef"]["value"])
        percent = Decimal(rates[rate_id]["RateValue"])
        tax_lines.append(_tax_line(_cents(taxable * percent / 100), percent, taxable, rate_id))
    total = sum((Decimal(line["Amount"]) for line in tax_lines), Decimal(0))
    detail = {
        "TxnTaxCodeRef": {"value": str(code["Id"]), "name": code["Name"]},
        "TotalTax": total,
        "TaxLine": tax_lines,
    }
    return TaxResult(detail, total)


def _tax_line_overrides(
    state: CompanyState, sent: Record, used: dict[str, Decimal]
) -> dict[str, Decimal]:
    """Rate Id -> Amount from the request's ``TxnTaxDetail.TaxLine`` (TotalTax is ignored)."""
    raw = sent.get("TaxLine")
    if raw is None:
        return {}
    if not isinstance(raw, list):
        raise errors.invalid_property("TxnTaxDetail.TaxLine", "a list is expected")
    overrides: dict[str, Decimal] = {}
    for entry in raw:
        if not isinstance(entry, dict):
            raise errors.invalid_property("TxnTaxDetail.TaxLine", "each entry is an object")
        detail = entry.get("TaxLineDetail")
        if not isinstance(detail, dict):
            raise errors.required("TxnTaxDetail.TaxLine.TaxLineDetail")
        field_name = "TxnTaxDetail.TaxLine.TaxLineDetail.TaxRateRef"
        rate_id = ref_value(detail.get("TaxRateRef"), field_name)
        if entry.get("Amount") is None:
            raise errors.required("TxnTaxDetail.TaxLine.Amount")
        amount = to_decimal(entry["Amount"], "TxnTaxDetail.TaxLine.Amount")
        if rate_id not in used:
            rate = state.table("TaxRate").get(rate_id)
            label = f"TaxRate {rate_id}" + (f" ({rate['Name']})" if rate else "")
            raise errors.business(
                f"TxnTaxDetail.TaxLine names {label}, which no line's tax code uses.",
                "TxnTaxDetail.TaxLine",
            )
        if rate_id in overrides:
            raise errors.business(
                f"TxnTaxDetail.TaxLine names TaxRate {rate_id} twice.", "TxnTaxDetail.TaxLine"
            )
        overrides[rate_id] = amount
    return overrides


def _tax_line(amount: Decimal, percent: Decimal, net: Decimal, rate_id: str | None) -> Record:
    detail: dict[str, Any] = {}
    if rate_id is not None:
        detail["TaxRateRef"] = {"value": rate_id}
    detail.update({"PercentBased": True, "TaxPercent": percent, "NetAmountTaxable": net})
    return {"Amount": amount, "DetailType": "TaxLineDetail", "TaxLineDetail": detail}


def tax_prefs(state: CompanyState) -> Record:
    """``Preferences.TaxPrefs``: AST (PartnerTaxEnabled) only for a US company with a rate."""
    partner = state.country == "US" and state.us_sales_tax_rate is not None
    return {"UsingSalesTax": True, "PartnerTaxEnabled": partner}


def _id_order(record_id: str) -> tuple[int, str]:
    return (int(record_id), "") if record_id.isdigit() else (1 << 62, record_id)


def _cents(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


class TaxEntityKind:
    """TaxAgency, TaxRate or TaxCode: readable and queryable, never written via the entity API."""

    writable: frozenset[str] = frozenset()
    ignored: frozenset[str] = frozenset()
    deletable = False

    def __init__(self, name: str) -> None:
        self.name = name

    def build(self, ctx: WriteContext, body: Record, existing: Record | None) -> Record:
        raise read_only(self.name, "Update" if existing else "Create")


TAX_AGENCY = TaxEntityKind("TaxAgency")
TAX_RATE = TaxEntityKind("TaxRate")
TAX_CODE = TaxEntityKind("TaxCode")
