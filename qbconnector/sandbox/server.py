"""SandboxServer: a loopback QuickBooks Online (data API + OAuth) in a background thread."""

from __future__ import annotations

import dataclasses
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from qbconnector.core.validation import is_loopback_host as is_loopback
from qbconnector.sandbox import attachments, jsonio
from qbconnector.sandbox.admin import PREFIX as ADMIN_PREFIX
from qbconnector.sandbox.admin import AdminRoutes
from qbconnector.sandbox.api import DataApi, Reply, Request, json_reply
from qbconnector.sandbox.company import Company
from qbconnector.sandbox.faults import FaultInjector, FaultSettings
from qbconnector.sandbox.flowfit_api import PREFIX as FLOWFIT_PREFIX
from qbconnector.sandbox.flowfit_api import FlowFitStandIn
from qbconnector.sandbox.httpserver import DATA_PATH, MAX_BODY, SandboxHTTPServer
from qbconnector.sandbox.limits import LimitSettings, RateLimiter
from qbconnector.sandbox.oauth import OAuthService, TokenSettings
from qbconnector.sandbox.oauth_routes import DISCOVERY_PATHS, PATHS, OAuthRoutes
from qbconnector.sandbox.qbo_user import QuickBooksUser
from qbconnector.sandbox.seed import CompanySeed, apply_seed
from qbconnector.sandbox.state import CompanyState, StateFile
from qbconnector.sandbox.taxes import code_id_by_name, seed_taxes

__all__ = ["CompanySeed", "FaultSettings", "SandboxConfig", "SandboxServer", "is_loopback"]
DEFAULT_REALM = "9130355377388086"
FILES_PREFIX = "/_files/"


@dataclass
class SandboxConfig:
    """How to run a sandbox. ``seed`` is the company's starting data; an int there is taken as
    the random seed of the faults (shorthand). Times are real seconds unless noted."""

    host: str = "127.0.0.1"
    port: int = 0
    realm_id: str = DEFAULT_REALM
    time_scale: float = 1.0  # simulated seconds per real second, for the rate limits only
    limits: bool = True
    faults: FaultSettings | dict[str, Any] | None = None
    state_file: Path | str | None = None
    seed: CompanySeed | int | None = None
    save_interval: float = 0.0  # 0: save before answering each write; >0: at most this often
    access_token_lifetime: int = 3600
    refresh_grace: float = 0.0  # a rotated-out refresh token keeps working this long
    replay_errors: bool = True  # a requestid also replays its original 400 answer
    client_id: str | None = None
    client_secret: str | None = None
    limit_settings: LimitSettings = field(default_factory=LimitSettings)
    flowfit_documents: Path | str | None = None  # serve the FlowFit API stand-in from this file
    flowfit_sync_number: str = "1001"
    attachment_max_bytes: int = attachments.MAX_BYTES  # tests lower it to try the refusal


class SandboxServer:
    """Serves until :meth:`stop`; also a context manager."""

    def __init__(self, config: SandboxConfig | None = None) -> None:
        self.config = config or SandboxConfig()
        if not is_loopback(self.config.host):
            raise ValueError(f"the sandbox only binds to loopback, not {self.config.host!r}")
        self._state_file = (
            StateFile(Path(self.config.state_file), self.config.save_interval)
            if self.config.state_file is not None
            else None
        )
        state = self._load_or_create_state()
        self.company = Company(state, self._state_changed)
        self.oauth = OAuthService(
            self.company,
            TokenSettings(self.config.access_token_lifetime, self.config.refresh_grace),
        )
        if self.config.time_scale <= 0:
            raise ValueError("time_scale must be positive")
        self.limiter = RateLimiter(
            dataclasses.replace(
                self.config.limit_settings,
                enabled=self.config.limits,
                time_scale=self.config.time_scale,
            )
        )
        self.faults = FaultInjector(self._fault_settings())
        self.api = DataApi(
            self.company,
            self.oauth,
            self.limiter,
            self.faults,
            self.config.replay_errors,
            self.config.attachment_max_bytes,
        )
        self.admin = AdminRoutes(self.api, self.faults, self.limiter)
        max_body = max(MAX_BODY, self.config.attachment_max_bytes + 1024 * 1024)
        self._httpd = SandboxHTTPServer((self.config.host, self.config.port), self._route, max_body)
        host, port = self._httpd.socket.getsockname()[:2]
        self._base_url = f"http://{host}:{port}"
        self.company.base_url = self._base_url
        self.oauth_routes = OAuthRoutes(self.oauth, self._base_url, state.realm_id)
        self._thread: threading.Thread | None = None
        self.flowfit = (
            FlowFitStandIn(Path(self.config.flowfit_documents), self.config.flowfit_sync_number)
            if self.config.flowfit_documents is not None
            else None
        )
        self.company.committed()

    # -- life cycle -------------------------------------------------------------------------

    def start(self) -> SandboxServer:
        if self._thread is None:
            if self._state_file is not None:
                self._state_file.start()
            self._thread = threading.Thread(
                target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="sandbox"
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join()
            self._thread = None
        self._httpd.close_connections()
        self._httpd.server_close()
        if self._state_file is not None:
            self._state_file.stop()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    # -- what clients and tests need --------------------------------------------------------

    @property
    def api_base_url(self) -> str:
        return self._base_url

    @property
    def flowfit_url(self) -> str:
        """The FlowFit API stand-in's base URL (served when ``flowfit_documents`` is set)."""
        return f"{self._base_url}/flowfit"

    @property
    def discovery_url(self) -> str:
        return self._base_url + DISCOVERY_PATHS[0]

    @property
    def admin_url(self) -> str:
        return self._base_url + ADMIN_PREFIX

    @property
    def realm_id(self) -> str:
        return self.company.state.realm_id

    @property
    def client_id(self) -> str:
        return self.company.state.client_id

    @property
    def client_secret(self) -> str:
        return self.company.state.client_secret

    def issue_tokens(self, include_hard_expiry: bool = False) -> dict[str, Any]:
        """A new grant, as after the consent screen: access_token, refresh_token, expires_in..."""
        return self.oauth.issue_new_grant(include_hard_expiry)

    def set_faults(self, settings: FaultSettings | None = None, **changes: float) -> FaultSettings:
        """Replace the fault settings, or change some: ``set_faults(drop=0.2, seed=7)``."""
        base = settings or self.faults.settings
        updated = base.updated(changes)
        self.faults.configure(updated)
        return updated

    def expire_access_token(self, access_token: str | None = None) -> int:
        """Expire one access token now (all of them when None)."""
        return self.oauth.expire_access(access_token)

    def revoke_token(self, token: str) -> None:
        self.oauth.revoke(token)

    def entities(self, name: str) -> list[dict[str, Any]]:
        """Every stored record of entity ``name`` (e.g. "Invoice"), by Id, money as Decimal."""
        return self.admin.entities(name)

    def summary(self) -> dict[str, Any]:
        return self.admin.summary()

    @property
    def country(self) -> str:
        return self.company.state.country

    def tax_code_id(self, name: str) -> str:
        """The Id of the tax code named ``name`` (e.g. "GST/QST QC - 9.975"); ValueError if none."""
        with self.company.lock:
            return code_id_by_name(self.company.state, name)

    def set_tax_code_active(self, name_or_id: str, active: bool) -> dict[str, Any]:
        """Make a tax code (by Name or Id) active or inactive, as a company admin would."""
        return self.admin.set_tax_code({"name_or_id": name_or_id, "active": active})

    # -- "in QuickBooks": what a person does in the web app (also POST /_admin/...) -----------

    @property
    def qbo_user(self) -> QuickBooksUser:
        return self.admin.user

    def edit_in_quickbooks(
        self,
        entity: str,
        entity_id: str,
        changes: dict[str, Any] | None = None,
        line_amounts: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Sparse-edit a record as a QuickBooks user would (SyncToken and time move on)."""
        return self.admin.user.edit(entity, entity_id, changes, line_amounts)

    def record_payment(
        self,
        invoice_id: str,
        amount: object,
        total_amount: object | None = None,
        payment_ref_num: str | None = None,
    ) -> dict[str, Any]:
        """Receive a payment on one invoice (amount as Decimal, int or str; never float)."""
        return self.admin.user.record_payment(invoice_id, amount, total_amount, payment_ref_num)

    def set_estimate_status(
        self, estimate_id: str, status: str, accepted_by: str | None = None
    ) -> dict[str, Any]:
        return self.admin.user.set_estimate_status(estimate_id, status, accepted_by)

    def delete_in_quickbooks(self, entity: str, entity_id: str) -> dict[str, Any]:
        return self.admin.user.delete(entity, entity_id)

    def void_in_quickbooks(self, invoice_id: str) -> dict[str, Any]:
        return self.admin.user.void(invoice_id)

    def advance_clock(self, seconds: float) -> None:
        """Move the company's clock forward: MetaData times, CDC's 30 days, ``time``."""
        self.company.clock.advance(seconds)

    def attachment_bytes(self, attachable_id: str) -> bytes | None:
        with self.company.lock:
            return attachments.file_bytes(self.company.state, attachable_id)

    def connection_info(self, tokens: dict[str, Any] | None = None) -> dict[str, Any]:
        """What the CLI prints: URLs, realm, client credentials and a fresh token pair."""
        grant = tokens if tokens is not None else self.issue_tokens()
        return {
            "api_base_url": self.api_base_url,
            "discovery_url": self.discovery_url,
            "admin_url": self.admin_url,
            "realm_id": self.realm_id,
            "client_id": self.client_id,
            "client_secret": self.client_secret,
            "access_token": grant["access_token"],
            "refresh_token": grant["refresh_token"],
        }

    # -- internals --------------------------------------------------------------------------

    def _route(self, request: Request) -> Reply:
        match = DATA_PATH.match(request.path)
        if match:
            route = [part for part in match.group(2).lower().split("/") if part]
            return self.api.handle(request, match.group(1), route)
        if request.path in PATHS or request.path.startswith("/op/v1"):
            return self.oauth_routes.handle(request)
        if request.path.startswith(ADMIN_PREFIX):
            return self.admin.handle(request)
        if request.path.startswith(FILES_PREFIX) and request.method == "GET":
            return self._serve_file(request.path[len(FILES_PREFIX) :])
        if self.flowfit is not None and request.path.startswith(FLOWFIT_PREFIX):
            return self.flowfit.handle(request)
        return json_reply(404, {"error": f"no such path {request.path}"})

    def _serve_file(self, rest: str) -> Reply:
        """A TempDownloadUri: no bearer token (like Intuit's pre-signed links), only its own."""
        attachable_id, _, token = rest.partition("/")
        with self.company.lock:
            data = attachments.file_bytes(self.company.state, attachable_id, token)
            record = self.company.state.table("Attachable").get(attachable_id, {})
        if data is None:
            return json_reply(404, {"error": "no such file"})
        if self.faults.fires("corrupt_download"):  # the middle byte flipped on the way
            middle = len(data) // 2
            data = data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :]
        return Reply(200, data, str(record.get("ContentType", "application/octet-stream")))

    def _load_or_create_state(self) -> CompanyState:
        if self._state_file is not None:
            loaded = self._state_file.load()
            if loaded is not None:
                if not loaded.table("TaxCode"):
                    seed_taxes(loaded)  # a state file from before the sandbox had taxes
                return loaded
        config = self.config
        state = CompanyState(
            realm_id=config.realm_id,
            client_id=config.client_id or "ABsandbox" + secrets.token_hex(12),
            client_secret=config.client_secret or secrets.token_urlsafe(30),
        )
        seed = config.seed if isinstance(config.seed, CompanySeed) else CompanySeed()
        apply_seed(Company(state, lambda _state: None), seed)
        return state

    def _fault_settings(self) -> FaultSettings:
        faults = self.config.faults
        settings = faults if isinstance(faults, FaultSettings) else FaultSettings()
        if isinstance(faults, dict):
            settings = settings.updated(faults)
        if isinstance(self.config.seed, int):
            settings = settings.updated({"seed": self.config.seed})
        return settings

    def _state_changed(self, state: CompanyState) -> None:
        if self._state_file is not None:
            self._state_file.changed(state)

    def __repr__(self) -> str:
        return f"SandboxServer({self._base_url}, realm={self.realm_id})"


def dump_connection_info(info: dict[str, Any]) -> str:
    return jsonio.dumps(info)
