"""Screenshots of the first-run welcome and of the server tab just after Connect to QuickBooks.

Used by scripts/screenshots.py; the consent page of the demo's sandbox is approved the way a
person would in the browser, and the redirect URL pasted back into the window.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from urllib.parse import urljoin

import requests
from PySide6.QtWidgets import QApplication
from shot_helpers import settle, wait_for

from qbconnector.app import build_window
from qbconnector.storage.profile import Profile

_INPUT = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
_ACTION = re.compile(r'<form method="post" action="([^"]+)">')


def approve(url: str) -> str:
    """The redirect URL after pressing Connect on the sandbox's consent page."""
    page = requests.get(url, timeout=10).text
    form = {**dict(_INPUT.findall(page)), "decision": "approve"}
    action = _ACTION.search(page)
    assert action is not None
    answer = requests.post(urljoin(url, action.group(1)), data=form, allow_redirects=False)
    return str(answer.headers["Location"])


def shoot_welcome(app: QApplication, language: str, folder: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="qbconnector-welcome-") as root:
        window = build_window(app, Profile(Path(root), "--profile"), language=language,
                              welcome=True)  # fmt: skip
        window.resize(1100, 720)
        window.show()
        settle(window)
        path = folder / f"welcome-{language}.png"
        window.grab().save(str(path))
        window.close()
        window.runner.shutdown()
    return path


def shoot_connected(app: QApplication, profile: Profile, language: str, folder: Path) -> Path:
    window = build_window(app, profile, language=language, demo=True)
    window.resize(1100, 900)
    window.show()
    flow = window.parameters.connect_flow
    opened: list[str] = []
    flow.open_url = lambda url: opened.append(url.toString()) or True  # type: ignore[assignment]
    window.parameters.tabs.setCurrentWidget(window.parameters.server)
    window.parameters.server.connect_panel.connect_button.click()
    wait_for(lambda: bool(opened))
    panel = window.parameters.server.connect_panel
    panel.paste.setText(approve(opened[0]))
    panel.use_button.click()
    wait_for(lambda: flow.attempt is None and not window.runner.is_busy())
    settle(window)
    path = folder / f"parameters-server-connected-{language}.png"
    window.grab().save(str(path))
    window.close()
    return path


__all__ = ["shoot_connected", "shoot_welcome"]
