"""The company's entity store: create, read, update (full/sparse), delete, void, query."""

from __future__ import annotations

import threading
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from qbconnector.sandbox import errors, jsonio, links, query_parser
from qbconnector.sandbox.attachments import ATTACHABLE, download_url
from qbconnector.sandbox.clock import Clock
from qbconnector.sandbox.kinds import SERVER_FIELDS, EntityKind
from qbconnector.sandbox.names import CUSTOMER, EMPLOYEE, ITEM, VENDOR
from qbconnector.sandbox.payments import PAYMENT
from qbconnector.sandbox.query import entity_name, run
from qbconnector.sandbox.rules import WriteContext, reject_unknown
from qbconnector.sandbox.state import CompanyState, Record
from qbconnector.sandbox.taxes import (
    TAX_AGENCY,
    TAX_CODE,
    TAX_ENTITIES,
    TAX_RATE,
    read_only,
    tax_prefs,
)
from qbconnector.sandbox.transactions import ESTIMATE, INVOICE

KINDS: dict[str, EntityKind] = {
    kind.name: kind
    for kind in (
        CUSTOMER,
        VENDOR,
        EMPLOYEE,
        ITEM,
        INVOICE,
        ESTIMATE,
        PAYMENT,
        ATTACHABLE,
        TAX_AGENCY,
        TAX_RATE,
        TAX_CODE,
    )
}
URL_NAMES = {name.lower(): name for name in KINDS}


class Company:
    """One realm's data behind one lock; ``on_change`` runs (locked) after each commit."""

    def __init__(self, state: CompanyState, on_change: Callable[[CompanyState], None]) -> None:
        self.state = state
        self.lock = threading.RLock()
        self._on_change = on_change
        self.clock = Clock()
        self.base_url = ""  # set by the server once bound: download links point at it

    def committed(self) -> None:
        with self.lock:
            self._on_change(self.state)

    def create(
        self, entity: str, body: object, ctx: WriteContext, server_fields: Record | None = None
    ) -> Record:
        """``server_fields`` are set by the server itself (an upload's FileName, Size...)."""
        if entity in TAX_ENTITIES:
            raise read_only(entity, "Create")
        kind = KINDS[entity]
        fields = {**self._writable_fields(kind, body), **(server_fields or {})}
        record = kind.build(ctx, fields, None)
        self._before_store(entity, record, None)
        record_id = self.state.allocate_id(entity)
        now = self.clock.stamp()
        record.update(
            {
                "Id": record_id,
                "SyncToken": "0",
                "domain": "QBO",
                "sparse": False,
                "MetaData": {"CreateTime": now, "LastUpdatedTime": now},
            }
        )
        self.state.put(entity, record)
        self._after_store(entity, None, record)
        return self.present(entity, record)

    def update(self, entity: str, body: object, ctx: WriteContext) -> Record:
        if entity in TAX_ENTITIES:
            raise read_only(entity, "Update")
        kind = KINDS[entity]
        existing = self._current(entity, body)
        fields = self._writable_fields(kind, body)
        assert isinstance(body, dict)
        if body.get("sparse") is True:
            merged = {key: value for key, value in existing.items() if key in kind.writable}
            if "Line" in fields and "TxnTaxDetail" not in fields and "TxnTaxDetail" in merged:
                # New lines: the stored tax amounts (maybe an override) must not survive;
                # only the US transaction tax code is kept. Tax is recomputed.
                stored = merged["TxnTaxDetail"]
                merged["TxnTaxDetail"] = {
                    key: value for key, value in stored.items() if key == "TxnTaxCodeRef"
                }
            merged.update(fields)
        else:
            merged = fields  # a full update nulls every writable field it omits
        record = kind.build(ctx, merged, existing)
        self._before_store(entity, record, existing)
        record.update(
            {
                "Id": existing["Id"],
                "SyncToken": str(int(existing["SyncToken"]) + 1),
                "domain": "QBO",
                "sparse": False,
                "MetaData": {
                    "CreateTime": existing["MetaData"]["CreateTime"],
                    "LastUpdatedTime": self.clock.stamp(),
                },
            }
        )
        self.state.put(entity, record)
        self._after_store(entity, existing, record)
        return self.present(entity, record)

    def delete(self, entity: str, body: object) -> Record:
        if entity in TAX_ENTITIES:
            raise read_only(entity, "Delete")
        if not KINDS[entity].deletable:
            raise errors.business(
                f"A {entity} cannot be deleted; make it inactive (Active=false) instead."
            )
        existing = self._current(entity, body)
        if entity == "Invoice":
            links.refuse_if_paid(existing, "delete")
        if entity == "Estimate":
            links.refuse_if_converted(existing)
        self.state.bury(entity, str(existing["Id"]), self.clock.stamp())
        self._after_store(entity, existing, None)
        return {"Id": existing["Id"], "status": "Deleted", "domain": "QBO"}

    def void(self, entity: str, body: object) -> Record:
        if entity != "Invoice":
            raise errors.business(f"A {entity} cannot be voided.")
        existing = self._current(entity, body)
        links.refuse_if_paid(existing, "void")
        record = jsonio.copy(existing)
        for line in record["Line"]:
            line["Amount"] = Decimal(0)
        record.update({"TotalAmt": Decimal(0), "Balance": Decimal(0), "PrivateNote": "Voided"})
        record["TxnTaxDetail"] = {"TotalTax": Decimal(0), "TaxLine": []}
        record["SyncToken"] = str(int(existing["SyncToken"]) + 1)
        record["MetaData"]["LastUpdatedTime"] = self.clock.stamp()
        self.state.put(entity, record)
        return self.present(entity, record)

    def read(self, entity: str, record_id: str) -> Record:
        if entity in ("CompanyInfo", "Preferences"):
            return self.virtual(entity)[0]
        record = self.state.table(entity).get(record_id)
        if record is None:
            raise errors.not_found(entity, record_id)
        return self.present(entity, record)

    def query(self, text: str) -> dict[str, Any]:
        parsed = query_parser.parse(text)
        parsed.entity = entity_name(parsed.entity)
        if parsed.entity in ("CompanyInfo", "Preferences"):
            records = self.virtual(parsed.entity)
        else:
            records = list(self.state.table(parsed.entity).values())
        answer: dict[str, Any] = jsonio.copy(run(parsed, records))
        for record in answer.get("Attachable", []):
            self._add_download_link(record)
        return answer

    def present(self, entity: str, record: Record) -> Record:
        """A copy of a stored record as the API shows it (an attachable's download link)."""
        shown: Record = jsonio.copy(record)
        if entity == "Attachable":
            self._add_download_link(shown)
        return shown

    def _add_download_link(self, record: Record) -> None:
        url = download_url(self.base_url, self.state, str(record.get("Id")))
        if url is not None:
            record["TempDownloadUri"] = url

    def _before_store(self, entity: str, record: Record, existing: Record | None) -> None:
        if entity == "Invoice":
            links.prepare_invoice(self.state, record, existing)
        elif entity == "Estimate":
            links.keep_estimate_links(record, existing)

    def _after_store(self, entity: str, old: Record | None, new: Record | None) -> None:
        """Side effects on other records, as QuickBooks makes them (balances, estimates)."""
        if entity == "Invoice":
            links.after_invoice(self.state, self.clock, old, new)
        elif entity == "Payment":
            links.after_payment(self.state, self.clock, old, new)
        elif entity == "Attachable" and new is None and old is not None:
            self.state.files.pop(str(old["Id"]), None)

    def virtual(self, entity: str) -> list[Record]:
        """CompanyInfo and Preferences, built from the company settings."""
        meta = {"CreateTime": "2024-01-01T00:00:00-08:00", "LastUpdatedTime": self.clock.stamp()}
        state = self.state
        if entity == "CompanyInfo":
            address = {"Id": "1", "Country": state.country}
            record: Record = {
                "Id": "1",
                "SyncToken": "0",
                "CompanyName": state.company_name,
                "LegalName": state.company_name,
                "Country": state.country,
                "CompanyAddr": address,
                "LegalAddr": address,
                "SupportedLanguages": "en",
                "NameValue": [{"Name": "HomeCurrency", "Value": state.home_currency}],
            }
        else:
            record = {
                "Id": "1",
                "SyncToken": "0",
                "CurrencyPrefs": {
                    "MultiCurrencyEnabled": state.multicurrency,
                    "HomeCurrency": {"value": state.home_currency},
                },
                "SalesFormsPrefs": {"CustomTxnNumbers": True, "AllowDuplicateDocNum": False},
                "TaxPrefs": tax_prefs(state),
            }
        record.update({"domain": "QBO", "sparse": False, "MetaData": meta})
        return [record]

    def _writable_fields(self, kind: EntityKind, body: object) -> Record:
        if not isinstance(body, dict):
            raise errors.invalid_property(kind.name, "the request body must be a JSON object")
        reject_unknown(body, kind.writable | kind.ignored | SERVER_FIELDS, kind.name)
        return {key: value for key, value in body.items() if key in kind.writable}

    def _current(self, entity: str, body: object) -> Record:
        """The stored record named by body's Id, after the SyncToken check (5010)."""
        if not isinstance(body, dict):
            raise errors.invalid_property(entity, "the request body must be a JSON object")
        if body.get("Id") in (None, ""):
            raise errors.required("Id")
        if body.get("SyncToken") in (None, ""):
            raise errors.required("SyncToken")
        record_id = str(body["Id"])
        existing = self.state.table(entity).get(record_id)
        if existing is None:
            raise errors.not_found(entity, record_id)
        if str(body["SyncToken"]) != existing["SyncToken"]:
            raise errors.validation(
                5010,
                errors.MSG_STALE,
                "Stale Object Error : You and qbconnector sandbox were working on this at the "
                "same time. qbconnector sandbox finished before you did, so your work was not "
                "saved.",
            )
        return existing
