"""The /_admin/ endpoints tests and demos use: state, faults, limits, tokens, entity lists."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from qbconnector.sandbox import errors, jsonio
from qbconnector.sandbox.api import DataApi, Reply, Request, fault_reply, json_reply
from qbconnector.sandbox.company import KINDS
from qbconnector.sandbox.faults import FaultInjector
from qbconnector.sandbox.limits import RateLimiter
from qbconnector.sandbox.qbo_user import QuickBooksUser
from qbconnector.sandbox.rules import CURRENCY_NAMES
from qbconnector.sandbox.taxes import code_id_by_name, set_code_active, tax_prefs

PREFIX = "/_admin"


class AdminRoutes:
    """Loopback-only controls; no authentication (the server never binds a public address)."""

    def __init__(self, api: DataApi, faults: FaultInjector, limiter: RateLimiter) -> None:
        self.api = api
        self.faults = faults
        self.limiter = limiter
        self.user = QuickBooksUser(api.company)

    def handle(self, request: Request) -> Reply:
        route = request.path[len(PREFIX) :].strip("/").split("/")
        try:
            body = jsonio.loads(request.body) if request.body else {}
        except ValueError:
            return json_reply(400, {"error": "the body is not valid JSON"})
        if not isinstance(body, dict):
            return json_reply(400, {"error": "the body must be a JSON object"})
        try:
            if request.method == "POST" and len(route) == 1 and route[0] in self._user_routes():
                return json_reply(200, self._user_routes()[route[0]](body))
            return self._dispatch(request.method, route, body)
        except errors.FaultError as fault:  # the change broke a QuickBooks rule
            return fault_reply(fault)
        except (ValueError, TypeError, KeyError) as error:
            return json_reply(400, {"error": str(error)})

    def _user_routes(self) -> dict[str, Any]:
        """POST /_admin/<name>: changes made "in QuickBooks" by a person (see qbo_user)."""
        user = self.user
        return {
            "edit": lambda b: user.edit(
                b["entity"], b["id"], b.get("changes"), b.get("line_amounts")
            ),
            "payment": lambda b: user.record_payment(
                b["invoice_id"], b["amount"], b.get("total_amount"), b.get("payment_ref_num")
            ),
            "estimate-status": lambda b: user.set_estimate_status(
                b["estimate_id"], b["status"], b.get("accepted_by")
            ),
            "delete": lambda b: user.delete(b["entity"], b["id"]),
            "void": lambda b: user.void(b["invoice_id"]),
            "clock": lambda b: self.advance_clock(b["advance_seconds"]),
        }

    def advance_clock(self, seconds: object) -> dict[str, Any]:
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float, Decimal)):
            raise TypeError("advance_seconds must be a number")
        clock = self.api.company.clock
        clock.advance(float(seconds))
        return {"now": clock.response_time(), "offset_seconds": clock.offset.total_seconds()}

    def _dispatch(self, method: str, route: list[str], body: dict[str, Any]) -> Reply:
        if method == "GET" and route == ["state"]:
            return json_reply(200, self.summary())
        if method == "GET" and len(route) == 2 and route[0] == "entities":
            if route[1] not in KINDS:
                return json_reply(404, {"error": f"unknown entity {route[1]}"})
            return json_reply(200, {route[1]: self.entities(route[1])})
        if method == "POST" and route == ["faults"]:
            self.faults.configure(self.faults.settings.updated(body))
            return json_reply(200, self.faults.settings.to_json())
        if method == "POST" and route == ["limits"]:
            return json_reply(200, self._set_limits(body))
        if method == "POST" and route == ["company"]:
            return json_reply(200, self._set_company(body))
        if method == "GET" and route == ["company"]:
            return json_reply(200, self.summary()["company"])
        if method == "POST" and route == ["taxcode"]:
            return json_reply(200, self.set_tax_code(body))
        if method == "POST" and route == ["tokens", "issue"]:
            return json_reply(200, self.api.oauth.issue_new_grant())
        if method == "POST" and route == ["tokens", "expire"]:
            token = body.get("access_token")
            return json_reply(200, {"expired": self.api.oauth.expire_access(token)})
        if method == "POST" and route == ["tokens", "revoke"]:
            self.api.oauth.revoke(str(body.get("token", "")))
            return json_reply(200, {"revoked": True})
        return json_reply(404, {"error": f"no admin route {method} /{'/'.join(route)}"})

    def entities(self, entity: str) -> list[dict[str, Any]]:
        company = self.api.company
        with company.lock:
            records = sorted(company.state.table(entity).values(), key=lambda r: int(r["Id"]))
            return jsonio.copy(records)  # type: ignore[no-any-return]

    def summary(self) -> dict[str, Any]:
        company = self.api.company
        with company.lock:
            state = company.state
            counts = {name: len(state.table(name)) for name in KINDS}
            requestids = len(state.replies)
        return {
            "realm_id": state.realm_id,
            "company": {
                "company_name": state.company_name,
                "country": state.country,
                "home_currency": state.home_currency,
                "multicurrency": state.multicurrency,
                "us_sales_tax_rate": state.us_sales_tax_rate,
                "partner_tax_enabled": tax_prefs(state)["PartnerTaxEnabled"],
            },
            "counts": counts,
            "faults": self.faults.settings.to_json(),
            "fault_counts": dict(self.faults.counts),
            "limits": {**vars(self.limiter.settings), **self.limiter.stats()},
            "requestids": requestids,
            "replays": self.api.replays,
            "replay_mismatches": self.api.replay_mismatches,
        }

    def set_tax_code(self, body: dict[str, Any]) -> dict[str, Any]:
        """``{"name_or_id": "HST ON", "active": false}``: the changed TaxCode record."""
        key = str(body.get("name_or_id", ""))
        if not isinstance(body.get("active"), bool):
            raise ValueError('"active" must be true or false')
        company = self.api.company
        with company.lock:
            state = company.state
            code_id = key if key in state.table("TaxCode") else code_id_by_name(state, key)
            record = set_code_active(state, code_id, body["active"])
            company.committed()
            return jsonio.copy(record)  # type: ignore[no-any-return]

    def _set_limits(self, body: dict[str, Any]) -> dict[str, Any]:
        settings = self.limiter.settings
        for name, value in body.items():
            if name not in vars(settings):
                raise ValueError(f"unknown limit setting {name!r}")
            current = getattr(settings, name)
            new_value = bool(value) if isinstance(current, bool) else type(current)(value)
            if not isinstance(new_value, bool) and new_value <= 0:
                raise ValueError(f"{name} must be positive")
            setattr(settings, name, new_value)
        return dict(vars(settings))

    def _set_company(self, body: dict[str, Any]) -> dict[str, Any]:
        company = self.api.company
        with company.lock:
            state = company.state
            if "home_currency" in body:
                code = str(body["home_currency"]).upper()
                if code not in CURRENCY_NAMES:
                    raise ValueError(f"unknown currency {code}")
                state.home_currency = code
            if "multicurrency" in body:
                state.multicurrency = bool(body["multicurrency"])
            if "company_name" in body:
                state.company_name = str(body["company_name"])
            company.committed()
        return self.summary()["company"]  # type: ignore[no-any-return]
