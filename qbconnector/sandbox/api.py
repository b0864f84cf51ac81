"""The data API under /v3/company/{realm}/: auth, throttling, faults, requestid replay, routing."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote

from qbconnector.sandbox import attachments, cdc, errors, jsonio
from qbconnector.sandbox.batch import run_batch
from qbconnector.sandbox.company import URL_NAMES, Company
from qbconnector.sandbox.faults import FaultInjector
from qbconnector.sandbox.limits import RateLimiter
from qbconnector.sandbox.oauth import OAuthService
from qbconnector.sandbox.rules import WriteContext
from qbconnector.sandbox.state import StoredReply

JSON_TYPE = "application/json;charset=UTF-8"
MAX_REQUESTID = 50
MAX_BATCH_REQUESTID = 36


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]  # lower-case names
    body: bytes


@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = JSON_TYPE
    action: str = "send"  # send | drop (close after the work, no answer) | reset (RST)
    headers: dict[str, str] = field(default_factory=dict)


def json_reply(status: int, payload: object) -> Reply:
    return Reply(status, jsonio.dump_bytes(payload))


def fault_reply(fault: errors.FaultError) -> Reply:
    return json_reply(fault.status, fault.body())


def _content(request: Request, is_batch: bool) -> bytes:
    """What a write says; an upload by its parts, since each retry draws a new boundary."""
    if is_batch or not request.path.rstrip("/").endswith("/upload"):
        return request.body
    try:
        parts = attachments.parse_multipart(request.headers.get("content-type", ""), request.body)
    except errors.FaultError:
        return request.body
    digest = hashlib.sha256()
    for name, (_headers, content) in sorted(parts.items()):
        digest.update(name.encode() + b"\0" + hashlib.sha256(content).digest())
    return digest.digest()


class DataApi:
    """One realm's QuickBooks Online data API."""

    def __init__(
        self,
        company: Company,
        oauth: OAuthService,
        limiter: RateLimiter,
        faults: FaultInjector,
        replay_errors: bool = True,
        attachment_max_bytes: int = attachments.MAX_BYTES,
    ) -> None:
        self.company = company
        self.attachment_max_bytes = attachment_max_bytes
        self.oauth = oauth
        self.limiter = limiter
        self.faults = faults
        self.replay_errors = replay_errors
        self.replays = 0
        self.replay_mismatches = 0
        # Tokens that answered once: an early expiry hits a token in use, never a fresh one (a
        # token refreshed a moment ago does not die on its first request).
        self._used_tokens: set[str] = set()

    def handle(self, request: Request, realm: str, route: list[str]) -> Reply:
        if self.faults.fires("error503"):
            return Reply(503, errors.SERVICE_UNAVAILABLE_HTML, "text/html")
        if self.faults.fires("reset"):
            return Reply(0, b"", action="reset")
        denied = self._authorize(request, realm)
        if denied is not None:
            return denied
        is_batch = route == ["batch"]
        if not self.limiter.admit(realm, is_batch):
            return Reply(429, errors.throttle_xml(), "application/xml")
        try:
            delay = self.faults.latency_seconds + self._item_delay(request, is_batch)
            if delay > 0:
                time.sleep(delay)  # server time: the request is in flight
            if self.faults.fires("error500"):
                return fault_reply(errors.system_fault())
            reply = self._route(request, route)
        finally:
            self.limiter.release(realm)
        if self.faults.fires("drop"):
            reply.action = "drop"
        return reply

    def _item_delay(self, request: Request, is_batch: bool) -> float:
        per_item = self.faults.settings.item_latency / 1000.0
        if not is_batch or per_item <= 0:
            return 0.0
        return per_item * request.body.count(b'"bId"')  # counted, not parsed: a cheap estimate

    def _authorize(self, request: Request, realm: str) -> Reply | None:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else None
        in_use = token is not None and token in self._used_tokens
        if in_use and self.faults.fires("expire") and self.oauth.check_access(token) is None:
            self.oauth.expire_access(token)
        detail = self.oauth.check_access(token)
        if detail is None and token:
            self._used_tokens.add(token)
        if detail is not None:
            return json_reply(401, errors.gateway_body(401, detail))
        if realm != self.company.state.realm_id:
            return json_reply(403, errors.gateway_body(403, f"Not authorized for realm {realm}"))
        return None

    def _route(self, request: Request, route: list[str]) -> Reply:
        try:
            if route and route[0] == "query":
                return self._query(request)
            if request.method == "GET" and route == ["cdc"]:
                return self._cdc(request)
            if request.method == "GET" and len(route) == 2 and route[0] == "download":
                return self._download(unquote(route[1]))
            writes = (["batch"], ["upload"], *([[name] for name in URL_NAMES]))
            if request.method == "POST" and route in writes:
                return self._write(request, route[0])
            if request.method == "GET" and len(route) == 2 and route[0] in URL_NAMES:
                entity = URL_NAMES[route[0]]
                return self._ok({entity: self.company.read(entity, unquote(route[1]))})
            if request.method == "GET" and route[:1] in (["companyinfo"], ["preferences"]):
                entity = "CompanyInfo" if route[0] == "companyinfo" else "Preferences"
                return self._ok({entity: self.company.read(entity, "1")})
        except errors.FaultError as fault:
            return fault_reply(fault)
        return fault_reply(
            errors.FaultError(
                400,
                "SystemFault",
                [
                    {
                        "Message": errors.MSG_SYSTEM,
                        "Detail": f"Unsupported operation requested: {request.method} "
                        f"{'/'.join(route)}",
                        "code": "10000",
                        "element": "",
                    }
                ],
            )
        )

    def _ok(self, payload: dict[str, Any]) -> Reply:
        return json_reply(200, {**payload, "time": self.company.clock.response_time()})

    def _cdc(self, request: Request) -> Reply:
        company = self.company
        with company.lock:
            entities, since = cdc.parse_params(request.params, company.clock.now())
            groups = []
            for entity in entities:
                group = cdc.changes(
                    entity,
                    list(company.state.table(entity).values()),
                    list(company.state.tombstones.get(entity, {}).values()),
                    since,
                )
                if group:  # copies, made under the lock: records change in place
                    group[entity] = [company.present(entity, r) for r in group[entity]]
                groups.append(group)
        return self._ok({"CDCResponse": [{"QueryResponse": groups}]})

    def _download(self, attachable_id: str) -> Reply:
        """The file's temporary URL, as text (the bytes themselves are at that URL)."""
        with self.company.lock:
            state = self.company.state
            url = attachments.download_url(self.company.base_url, state, attachable_id)
        if url is None:
            raise errors.not_found("Attachable", attachable_id)
        return Reply(200, url.encode("utf-8"), "text/plain;charset=UTF-8")

    def _query(self, request: Request) -> Reply:
        if request.method == "GET":
            text = request.params.get("query", "")
        else:
            text = request.body.decode("utf-8", errors="replace")
        if not text.strip():
            raise errors.validation(
                4000, errors.MSG_PARSE_QUERY, "QueryParserError: Encountered <EOF>"
            )
        with self.company.lock:
            return self._ok({"QueryResponse": self.company.query(text)})

    def _write(self, request: Request, route_name: str) -> Reply:
        requestid = request.params.get("requestid")
        is_batch = route_name == "batch"
        limit = MAX_BATCH_REQUESTID if is_batch else MAX_REQUESTID
        if requestid is not None and len(requestid) > limit:
            raise errors.invalid_property("requestid", f"longer than {limit} characters")
        fingerprint = hashlib.sha256(
            request.method.encode() + request.path.encode() + b"\0" + _content(request, is_batch)
        ).hexdigest()
        with self.company.lock:
            if requestid:
                stored = self.company.state.replies.get(requestid)
                if stored is not None:
                    self.replays += 1
                    if stored.fingerprint != fingerprint:
                        self.replay_mismatches += 1
                    return Reply(stored.status, stored.body.encode("utf-8"))
            reply = self._do_write(request, route_name, requestid is not None)
            if requestid and (reply.status == 200 or self.replay_errors):
                self.company.state.replies[requestid] = StoredReply(
                    reply.status, reply.body.decode("utf-8"), fingerprint
                )
            if reply.status == 200 or requestid:
                self.company.committed()
            return reply

    def _do_write(self, request: Request, route_name: str, has_requestid: bool) -> Reply:
        if route_name == "upload":
            try:
                answers = attachments.upload(
                    self.company,
                    WriteContext(self.company.state),
                    request.headers.get("content-type", ""),
                    request.body,
                    self.attachment_max_bytes,
                )
            except errors.FaultError as fault:
                return fault_reply(fault)
            return self._ok({"AttachableResponse": answers})
        includes = {part.strip().lower() for part in request.params.get("include", "").split(",")}
        allow_dup = "allowduplicatedocnum" in includes
        try:
            body = jsonio.loads(request.body or b"null")
        except ValueError:
            return fault_reply(errors.invalid_property("body", "the body is not valid JSON"))
        try:
            if route_name == "batch":
                answers = run_batch(self.company, body, allow_dup, has_requestid)
                return self._ok({"BatchItemResponse": answers})
            entity = URL_NAMES[route_name]
            ctx = WriteContext(self.company.state, allow_duplicate_docnum=allow_dup)
            operation = request.params.get("operation", "")
            if operation == "delete":
                record = self.company.delete(entity, body)
            elif operation == "void":
                record = self.company.void(entity, body)
            elif operation == "update" or (isinstance(body, dict) and "Id" in body):
                record = self.company.update(entity, body, ctx)
            elif operation in ("", "create"):
                record = self.company.create(entity, body, ctx)
            else:
                raise errors.invalid_property("operation", f"{operation!r} is not supported")
            return self._ok({entity: record})
        except errors.FaultError as fault:
            return fault_reply(fault)
