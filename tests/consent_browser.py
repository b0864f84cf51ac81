"""Plays the browser on the sandbox's consent page: approve or deny, then follow the redirect."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin

import requests

_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
_ACTION = re.compile(r'<form method="post" action="([^"]+)">')


def consent(url: str, decision: str = "approve", realm: str | None = None) -> str:
    """The redirect URL (Location) the sandbox answers after the consent form is sent."""
    page = requests.get(url, timeout=5)
    assert page.status_code == 200, page.text
    form = {name: unescape(value) for name, value in _INPUT.findall(page.text)}
    form["decision"] = decision
    if realm is not None:
        form["realmId"] = realm
    action = _ACTION.search(page.text)
    assert action is not None
    answer = requests.post(
        urljoin(url, action.group(1)), data=form, allow_redirects=False, timeout=5
    )
    assert answer.status_code == 302, answer.text
    return str(answer.headers["Location"])


def follow(location: str) -> requests.Response:
    """GET the redirect, as the browser does (on a loopback redirect: to the listener)."""
    return requests.get(location, timeout=5)
