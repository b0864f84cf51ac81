"""Screenshots of every Parameters tab, in English and French, on the demo profile.

Run under Xvfb for real window decorations (`xvfb-run -a env QT_QPA_PLATFORM=xcb ...`) or
offscreen; PNGs go to docs/screenshots/ (or the folder given as the first argument).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_connect import shoot_connected, shoot_welcome
from shot_helpers import settle, wait_for

from qbconnector.app import build_window, create_application
from qbconnector.demo import prepare_demo
from qbconnector.storage.profile import Profile

TAB_NAMES = ("server", "flowfit", "invoices", "quotes", "synchronization", "services", "taxes")


def shoot(app: QApplication, profile: Profile, language: str, folder: Path) -> list[Path]:
    window = build_window(app, profile, language=language, demo=True)
    window.resize(1100, 720)
    window.show()
    window.parameters.server.test_button.click()
    wait_for(lambda: not window.runner.is_busy())
    window.parameters.load_service_items()
    wait_for(lambda: not window.runner.is_busy())
    saved = []
    for index, name in enumerate(TAB_NAMES):
        window.parameters.tabs.setCurrentIndex(index)
        wait_for(lambda: not window.runner.is_busy())  # Taxes loads its codes on a first visit
        settle(window)
        path = folder / f"parameters-{name}-{language}.png"
        window.grab().save(str(path))
        saved.append(path)
    window.parameters.server.realm_id.setText("12ab")
    window.parameters.server.realm_id.textEdited.emit("12ab")
    window.parameters.tabs.setCurrentIndex(0)
    window.parameters.save()
    settle(window)
    path = folder / f"parameters-errors-{language}.png"
    window.grab().save(str(path))
    saved.append(path)
    window.parameters.revert()
    window.close()
    return saved


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory(prefix="qbconnector-shots-") as root:
        demo = prepare_demo(Profile(Path(root), "--profile"))
        try:
            for language in ("en", "fr"):
                for path in shoot(app, demo.profile, language, folder):
                    print(path)
                print(shoot_welcome(app, language, folder))
                print(shoot_connected(app, demo.profile, language, folder))
        finally:
            demo.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
