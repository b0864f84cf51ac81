"""Screenshots of the Finance page during and after a Synchronize run, in English and French.

Uses the demo profile (loopback sandbox and sample documents). Run offscreen or under Xvfb
(`xvfb-run -a env QT_QPA_PLATFORM=xcb ...`); PNGs go to docs/screenshots/ (or the folder given
as the first argument): finance-during-run-LANG.png and finance-after-run-LANG.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shot_helpers import settle, wait_for, wait_signal

from qbconnector.app import build_window, create_application
from qbconnector.core.documents import DocumentKind, DocumentStatus
from qbconnector.demo import DemoEnvironment, prepare_demo
from qbconnector.storage.profile import Profile
from qbconnector.sync.engine import EngineConfig
from qbconnector.sync.session import SessionConfig
from qbconnector.ui.finance.page import FinancePage

CHECKED = 60  # invoices ticked for the run, drafts among them (blocked at pre-flight)


def choose_documents(page: FinancePage) -> list[str]:
    """Sixty invoices, most approved, a few drafts, none synced yet."""
    model = page.models[DocumentKind.INVOICE]
    rows = [model.document_at(row) for row in range(model.rowCount())]
    drafts = [row.number for row in rows if row.status is DocumentStatus.DRAFT][:2]
    approved = [row.number for row in rows if row.status is DocumentStatus.APPROVED]
    return drafts + approved[: CHECKED - len(drafts)]


def shoot(app: QApplication, demo: DemoEnvironment, language: str, folder: Path) -> list[Path]:
    window = build_window(app, demo.profile, language=language, demo=True)
    window.resize(1280, 760)
    window.show()
    window.show_page("finance")
    page = window.finance
    engine = EngineConfig(batch_size=6, in_flight=1)
    page.session_config = SessionConfig(engine=engine)
    # Loaded, and the pull made as the page opens is back (Synchronize waits for it).
    wait_for(lambda: all(m.loaded for m in page.models.values()) and not page.is_loading()
             and not page.pull.running)  # fmt: skip
    page.model().set_checked_numbers(choose_documents(page))
    demo.server.set_faults(latency=250)  # slow enough to catch the run in the middle
    page.toolbar.sync_button.click()
    wait_signal(page.sync.preflightReady)
    settle(window)
    saved = [folder / f"finance-preflight-{language}.png"]
    window.grab().save(str(saved[-1]))
    page.preflight.proceed_button.click()
    wait_for(lambda: page.toolbar.progress.value() >= 18)
    settle(window)
    saved.append(folder / f"finance-during-run-{language}.png")
    window.grab().save(str(saved[-1]))
    demo.server.set_faults(latency=0)
    wait_for(lambda: not page.sync.is_busy())
    settle(window)
    saved.append(folder / f"finance-after-run-{language}.png")
    window.grab().save(str(saved[-1]))
    window.close()
    return saved


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = create_application(sys.argv[:1])
    for language in ("en", "fr"):
        # A fresh demo per language: the second run would otherwise find everything synced.
        with tempfile.TemporaryDirectory(prefix="qbconnector-shots-") as root:
            demo = prepare_demo(Profile(Path(root), "--profile"))
            try:
                for path in shoot(app, demo, language, folder):
                    print(path)
            finally:
                demo.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
