"""The company's data: entities by type and Id, counters, the requestid log, tokens; load/save."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from qbconnector.sandbox import jsonio
from qbconnector.storage.atomic import atomic_write_text, sweep_temp_files

STATE_VERSION = 1
Record = dict[str, Any]


@dataclass
class StoredReply:
    """A write's original answer, replayed byte for byte for a repeated requestid."""

    status: int
    body: str
    fingerprint: str  # method + path + body digest, to count (not refuse) mismatched reuse

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "body": self.body, "fingerprint": self.fingerprint}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoredReply:
        return cls(int(data["status"]), str(data["body"]), str(data["fingerprint"]))


def index_keys(entity: str, record: Record) -> list[tuple[str, str]]:
    """The unique-ish keys a record occupies: shared display names, item names, DocNumbers."""
    if entity in ("Customer", "Vendor", "Employee"):
        return [("party", name_key(str(record.get("DisplayName", ""))))]
    if entity == "Item":
        return [("item", name_key(str(record.get("Name", ""))))]
    if record.get("DocNumber") is not None:
        return [(f"doc:{entity}", str(record["DocNumber"]))]
    return []


def name_key(name: str) -> str:
    # QuickBooks treats names differing only in letter case or outer spaces as the same.
    return name.strip().casefold()


@dataclass
class CompanyState:
    """Everything a sandbox process must keep across a restart."""

    realm_id: str
    company_name: str = "qbconnector Sandbox Company"
    country: str = "CA"
    home_currency: str = "CAD"
    multicurrency: bool = False
    us_sales_tax_rate: Decimal | None = None  # US only: automated sales tax at this percent
    client_id: str = ""
    client_secret: str = ""
    entities: dict[str, dict[str, Record]] = field(default_factory=dict)
    next_ids: dict[str, int] = field(default_factory=dict)
    next_doc_numbers: dict[str, int] = field(default_factory=dict)
    replies: dict[str, StoredReply] = field(default_factory=dict)
    oauth: dict[str, Any] = field(default_factory=dict)
    # Deleted records as CDC reports them ({"Id", "status": "Deleted", ...}), by entity and Id.
    tombstones: dict[str, dict[str, Record]] = field(default_factory=dict)
    # Uploaded attachment bytes, base64, by Attachable Id (with the download token).
    files: dict[str, dict[str, str]] = field(default_factory=dict)
    # Not saved: rebuilt from the entities, so uniqueness checks stay O(1) at 10,000s of rows.
    index: dict[tuple[str, str], set[tuple[str, str]]] = field(default_factory=dict, repr=False)

    def owners(self, space: str, key: str) -> set[tuple[str, str]]:
        """(entity, Id) pairs holding ``key`` in ``space`` (party, item, doc:Invoice...)."""
        return self.index.get((space, key), set())

    def put(self, entity: str, record: Record) -> None:
        """Store ``record`` (replacing the one with its Id) and keep the index in step."""
        record_id = str(record["Id"])
        self.remove(entity, record_id)
        self.table(entity)[record_id] = record
        for key in index_keys(entity, record):
            self.index.setdefault(key, set()).add((entity, record_id))

    def remove(self, entity: str, record_id: str) -> None:
        old = self.table(entity).pop(record_id, None)
        if old is None:
            return
        for key in index_keys(entity, old):
            holders = self.index.get(key)
            if holders is not None:
                holders.discard((entity, record_id))
                if not holders:
                    del self.index[key]

    def reindex(self) -> None:
        self.index.clear()
        for entity, table in self.entities.items():
            for record in list(table.values()):
                self.put(entity, record)

    def bury(self, entity: str, record_id: str, when: str) -> None:
        """Remove a record and remember its deletion for CDC."""
        self.remove(entity, record_id)
        self.tombstones.setdefault(entity, {})[record_id] = {
            "Id": record_id,
            "status": "Deleted",
            "domain": "QBO",
            "MetaData": {"LastUpdatedTime": when},
        }

    def table(self, entity: str) -> dict[str, Record]:
        return self.entities.setdefault(entity, {})

    def allocate_id(self, entity: str) -> str:
        next_id = self.next_ids.get(entity, 1)
        self.next_ids[entity] = next_id + 1
        return str(next_id)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": STATE_VERSION,
            "realm_id": self.realm_id,
            "company_name": self.company_name,
            "country": self.country,
            "home_currency": self.home_currency,
            "multicurrency": self.multicurrency,
            "us_sales_tax_rate": self.us_sales_tax_rate,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "entities": self.entities,
            "next_ids": self.next_ids,
            "next_doc_numbers": self.next_doc_numbers,
            "replies": {key: reply.to_json() for key, reply in self.replies.items()},
            "oauth": self.oauth,
            "tombstones": self.tombstones,
            "files": self.files,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CompanyState:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"unsupported sandbox state version {data.get('version')!r}")
        state = cls(
            realm_id=str(data["realm_id"]),
            company_name=str(data["company_name"]),
            country=str(data["country"]),
            home_currency=str(data["home_currency"]),
            multicurrency=bool(data["multicurrency"]),
            us_sales_tax_rate=_optional_decimal(data.get("us_sales_tax_rate")),
            client_id=str(data["client_id"]),
            client_secret=str(data["client_secret"]),
            entities=data["entities"],
            next_ids={key: int(value) for key, value in data["next_ids"].items()},
            next_doc_numbers={key: int(value) for key, value in data["next_doc_numbers"].items()},
            replies={key: StoredReply.from_json(v) for key, v in data["replies"].items()},
            oauth=data["oauth"],
            tombstones=data.get("tombstones", {}),  # absent in files from before CDC
            files=data.get("files", {}),
        )
        state.reindex()
        return state


def _optional_decimal(value: object) -> Decimal | None:
    return None if value is None else Decimal(str(value))


class StateFile:
    """Saves the state atomically (never a torn file), now or at most every ``interval`` s."""

    def __init__(self, path: Path, interval: float) -> None:
        self.path = path
        self.interval = interval
        self._dirty = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._snapshot: Any = None
        self._lock = threading.Lock()

    def load(self) -> CompanyState | None:
        sweep_temp_files(self.path)
        if not self.path.exists():
            return None
        return CompanyState.from_json(jsonio.loads(self.path.read_text(encoding="utf-8")))

    def changed(self, state: CompanyState) -> None:
        """Called under the company lock after every committed write."""
        if self.interval <= 0:
            self._write(jsonio.dumps(state.to_json()))
            return
        with self._lock:
            self._snapshot = jsonio.dumps(state.to_json())
        self._dirty.set()

    def start(self) -> None:
        if self.interval > 0 and self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="sandbox-state", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._dirty.set()
        if self._thread is not None:
            self._thread.join()
            self._thread = None
        self._flush()

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._dirty.wait()
            self._flush()
            self._stop.wait(self.interval)

    def _flush(self) -> None:
        with self._lock:
            text, self._snapshot = self._snapshot, None
            self._dirty.clear()
        if text is not None:
            self._write(text)

    def _write(self, text: str) -> None:
        atomic_write_text(self.path, text)
