"""HTTP side of OAuth: discovery document, authorize (a consent page), token, revoke, userinfo."""

from __future__ import annotations

from urllib.parse import parse_qsl

from qbconnector.sandbox import jsonio
from qbconnector.sandbox.api import Reply, Request, json_reply
from qbconnector.sandbox.consent import ConsentPage
from qbconnector.sandbox.oauth import OAuthService

DISCOVERY_PATHS = (
    "/.well-known/openid_configuration",
    "/.well-known/openid_configuration/",
    "/.well-known/openid_sandbox_configuration",
    "/.well-known/openid_sandbox_configuration/",
)
AUTHORIZE_PATH = "/connect/oauth2"
TOKEN_PATH = "/oauth2/v1/tokens/bearer"
REVOKE_PATH = "/v2/oauth2/tokens/revoke"
USERINFO_PATH = "/v1/openid_connect/userinfo"
JWKS_PATH = "/op/v1/jwks"
ISSUER_PATH = "/op/v1"
PATHS = frozenset({*DISCOVERY_PATHS, AUTHORIZE_PATH, TOKEN_PATH, REVOKE_PATH, USERINFO_PATH})


def discovery_document(base_url: str) -> dict[str, object]:
    """Intuit's discovery document, every endpoint on the sandbox itself; no id_token support."""
    return {
        "issuer": base_url + ISSUER_PATH,
        "authorization_endpoint": base_url + AUTHORIZE_PATH,
        "token_endpoint": base_url + TOKEN_PATH,
        "userinfo_endpoint": base_url + USERINFO_PATH,
        "revocation_endpoint": base_url + REVOKE_PATH,
        "jwks_uri": base_url + JWKS_PATH,
        "response_types_supported": ["code"],
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["RS256"],
        "scopes_supported": ["com.intuit.quickbooks.accounting", "com.intuit.quickbooks.payment"],
        "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
        "claims_supported": ["aud", "exp", "iat", "iss", "realmid", "sub"],
    }


class OAuthRoutes:
    """Routes OAuth requests to the token service."""

    def __init__(self, oauth: OAuthService, base_url: str, realm_id: str) -> None:
        self.oauth = oauth
        self.base_url = base_url
        self.realm_id = realm_id
        self.consent = ConsentPage(oauth, AUTHORIZE_PATH)

    def handle(self, request: Request) -> Reply:
        path = request.path
        if path in DISCOVERY_PATHS and request.method == "GET":
            return json_reply(200, discovery_document(self.base_url))
        if path == JWKS_PATH:
            return json_reply(200, {"keys": []})
        if path == AUTHORIZE_PATH and request.method == "GET":
            return self.consent.show(request.params)
        if path == AUTHORIZE_PATH and request.method == "POST":
            form = dict(parse_qsl(request.body.decode("utf-8", errors="replace")))
            return self.consent.decide(form)
        if path == TOKEN_PATH and request.method == "POST":
            return self._token(request)
        if path == REVOKE_PATH and request.method == "POST":
            return self._revoke(request)
        if path == USERINFO_PATH and request.method == "GET":
            header = request.headers.get("authorization", "")
            if self.oauth.check_access(header[7:].strip() or None) is not None:
                return json_reply(401, {"error": "invalid_token"})
            return json_reply(200, {"sub": "sandbox-user", "email": "sandbox@example.com"})
        return json_reply(405, {"error": "method_not_allowed"})

    def _token(self, request: Request) -> Reply:
        if not self.oauth.client_ok(request.headers.get("authorization")):
            return json_reply(401, {"error": "invalid_client"})
        form = dict(parse_qsl(request.body.decode("utf-8", errors="replace")))
        include_hard = request.headers.get("x-include-refresh-token-hard-expires-in", "").lower()
        answer = self.oauth.token(form, include_hard == "true")
        return json_reply(answer.status, answer.body)

    def _revoke(self, request: Request) -> Reply:
        if not self.oauth.client_ok(request.headers.get("authorization")):
            return json_reply(401, {"error": "invalid_client"})
        try:
            body = jsonio.loads(request.body or b"{}")
        except ValueError:
            return json_reply(400, {"error": "invalid_request"})
        token = body.get("token") if isinstance(body, dict) else None
        if not isinstance(token, str) or not token:
            return json_reply(400, {"error": "invalid_request"})
        self.oauth.revoke(token)
        return Reply(200, b"", "text/plain")
