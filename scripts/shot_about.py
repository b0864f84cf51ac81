"""Screenshots of the About dialog in English and French (docs/screenshots/about-*.png).

Run under Xvfb (`xvfb-run -a env QT_QPA_PLATFORM=xcb ...`) or offscreen; the folders shown are
the per-user profile's, as a user without --profile sees them.
"""

from __future__ import annotations

import sys
from pathlib import Path

from shot_helpers import settle

from qbconnector.app import create_application
from qbconnector.core.licences import bundled_libraries, licence_texts_dir
from qbconnector.storage.profile import resolve_profile
from qbconnector.ui.about import AboutDialog
from qbconnector.ui.i18n import install_translator


def main() -> int:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("docs/screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    app = create_application()
    profile = resolve_profile(None)
    for language in ("en", "fr"):
        install_translator(app, language)
        dialog = AboutDialog(
            profile.root, profile.log_dir, bundled_libraries(), licence_texts_dir()
        )
        dialog.resize(680, 640)
        dialog.show()
        settle(dialog, 200)
        path = folder / f"about-{language}.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
