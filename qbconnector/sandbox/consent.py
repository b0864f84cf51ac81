"""The sandbox's consent page: approve or deny, and pick the company (realm) to connect."""

from __future__ import annotations

import html
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from qbconnector.sandbox.api import Reply
from qbconnector.sandbox.oauth import OAuthService

# A second company the consent page offers, as Intuit does for a user with several: the data
# API does not serve it (403), which is enough to test a change of company.
OTHER_REALM = "9341453172207001"
OTHER_COMPANY = "Other Sandbox Company"
FORWARDED = ("client_id", "redirect_uri", "response_type", "scope", "state")


def _page(status: int, body: str) -> Reply:
    document = f"<!doctype html><html><body>{body}</body></html>"
    return Reply(status, document.encode("utf-8"), "text/html; charset=utf-8")


class ConsentPage:
    """GET shows the form; POST (the form's buttons) redirects with a code or an error."""

    def __init__(self, oauth: OAuthService, action: str) -> None:
        self.oauth = oauth
        self.action = action

    def realms(self) -> dict[str, str]:
        state = self.oauth.company.state
        return {state.realm_id: state.company_name, OTHER_REALM: OTHER_COMPANY}

    def _refusal(self, params: dict[str, str]) -> Reply | None:
        if params.get("client_id") != self.oauth.company.state.client_id:
            return _page(400, "Invalid client_id or redirect_uri")
        if not params.get("redirect_uri"):
            return _page(400, "Invalid client_id or redirect_uri")
        if params.get("response_type") != "code":
            return _page(400, "response_type must be code")
        return None

    def show(self, params: dict[str, str]) -> Reply:
        refusal = self._refusal(params)
        if refusal is not None:
            return refusal
        hidden = "".join(
            f'<input type="hidden" name="{name}" value="{html.escape(params[name])}">'
            for name in FORWARDED
            if name in params
        )
        options = "".join(
            f'<option value="{realm}">{html.escape(name)} ({realm})</option>'
            for realm, name in self.realms().items()
        )
        return _page(
            200,
            f'<h1>Connect to the sandbox</h1><form method="post" action="{self.action}">'
            f'{hidden}<label>Company <select name="realmId">{options}</select></label>'
            '<button name="decision" value="approve">Connect</button>'
            '<button name="decision" value="deny">Cancel</button></form>',
        )

    def decide(self, form: dict[str, str]) -> Reply:
        refusal = self._refusal(form)
        if refusal is not None:
            return refusal
        answer: dict[str, str] = {}
        if form.get("decision") == "approve":
            realm = form.get("realmId") or self.oauth.company.state.realm_id
            if realm not in self.realms():
                return _page(400, "Unknown company")
            answer = {"code": self.oauth.new_code(form["redirect_uri"]), "realmId": realm}
        else:
            answer = {"error": "access_denied"}
        if "state" in form:
            answer["state"] = form["state"]
        return redirect_to(form["redirect_uri"], answer)


def redirect_to(redirect_uri: str, answer: dict[str, str]) -> Reply:
    parts = urlsplit(redirect_uri)
    query = urlencode([*parse_qsl(parts.query), *answer.items()])
    location = urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))
    return Reply(302, b"", "text/plain", headers={"Location": location})
