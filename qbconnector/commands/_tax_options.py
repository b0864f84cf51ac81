"""`configure`'s tax options: FlowFit tax -> QuickBooks tax code, untaxed code, tax amounts."""

from __future__ import annotations

import argparse
from dataclasses import replace

from qbconnector.connection_checks import list_tax_codes
from qbconnector.core.errors import BadInputError
from qbconnector.core.settings import Settings, TaxAmounts
from qbconnector.quickbooks.company_taxes import CompanyTaxes
from qbconnector.quickbooks.errors import QuickBooksError
from qbconnector.quickbooks.taxcodes import TaxCodeInfo, find_code
from qbconnector.storage.profile import Profile
from qbconnector.storage.vault import SecretStore


def register(parser: argparse.ArgumentParser) -> None:
    taxes = parser.add_argument_group("Taxes")
    taxes.add_argument(
        "--map-tax",
        action="append",
        default=[],
        metavar="FLOWFIT_TAX_CODE=QBO_TAX_CODE_ID_OR_NAME",
        help="send a FlowFit tax as a QuickBooks tax code (repeatable; CODE= removes it)",
    )
    taxes.add_argument(
        "--untaxed-tax-code",
        metavar="ID_OR_NAME",
        help="QuickBooks tax code for lines without tax (e.g. Exempt); empty clears it",
    )
    taxes.add_argument(
        "--tax-amounts",
        choices=[choice.value for choice in TaxAmounts],
        help="flowfit: QuickBooks keeps FlowFit's tax amounts; quickbooks: it computes them",
    )


def wants_lookup(args: argparse.Namespace) -> bool:
    return bool(args.map_tax) or bool(args.untaxed_tax_code)


def apply_tax_options(
    settings: Settings, args: argparse.Namespace, profile: Profile, vault: SecretStore
) -> Settings:
    """The settings with the tax options applied; codes are checked against the company."""
    taxes = settings.taxes
    if args.tax_amounts:
        taxes = replace(taxes, amounts=TaxAmounts(args.tax_amounts))
    company = _company(profile, settings, vault) if wants_lookup(args) else None
    names = dict(taxes.code_names)
    mapping = dict(taxes.mapping)
    for pair in args.map_tax:
        flowfit_code, separator, wanted = pair.partition("=")
        if not separator or not flowfit_code.strip():
            raise BadInputError(
                f"--map-tax '{pair}': write it as FLOWFIT_TAX_CODE=QBO_TAX_CODE, "
                "e.g. --map-tax TPS-TVQ='GST/QST QC - 9.975'"
            )
        if not wanted.strip():
            mapping.pop(flowfit_code.strip(), None)
            continue
        code = _resolve(company, wanted.strip(), f"--map-tax {flowfit_code.strip()}")
        mapping[flowfit_code.strip()] = code.id
        names[code.id] = code.name
    untaxed = taxes.untaxed_code
    if args.untaxed_tax_code is not None:
        untaxed = ""
        if args.untaxed_tax_code.strip():
            code = _resolve(company, args.untaxed_tax_code.strip(), "--untaxed-tax-code")
            untaxed, names[code.id] = code.id, code.name
    used = {untaxed, *mapping.values()}
    names = {code_id: name for code_id, name in names.items() if code_id in used}
    taxes = replace(taxes, mapping=mapping, untaxed_code=untaxed, code_names=names)
    return replace(settings, taxes=taxes)


def _company(profile: Profile, settings: Settings, vault: SecretStore) -> CompanyTaxes:
    try:
        return list_tax_codes(profile, settings, vault)
    except QuickBooksError as error:
        raise BadInputError(
            f"the tax codes could not be read from QuickBooks ({error}); connect first "
            "(qbconnector status says what is missing), then map the taxes"
        ) from error


def _resolve(company: CompanyTaxes | None, wanted: str, option: str) -> TaxCodeInfo:
    assert company is not None
    matches = find_code(company.codes, wanted)
    active = [code for code in matches if code.active]
    if len(active) == 1:
        return active[0]
    listed = ", ".join(f"{code.label()} (#{code.id})" for code in company.codes if code.active)
    if len(active) > 1:
        raise BadInputError(
            f"{option}: several QuickBooks tax codes are named '{wanted}'; give the Id instead. "
            f"Active codes: {listed}"
        )
    state = "inactive" if matches else "not a tax code of this company"
    raise BadInputError(f"{option}: '{wanted}' is {state}. Active codes: {listed or 'none'}")
