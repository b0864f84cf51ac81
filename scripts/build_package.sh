#!/usr/bin/env bash
# Builds the PyInstaller app (one folder) into dist/qbconnector from a build venv that holds only
# the runtime dependencies and the pinned PyInstaller (packaging/build-requirements.txt).
#   BUILD_VENV  the build venv (default build/venv; created when missing; git ignores build/)
#   PYTHON      the Python 3.11+ that creates it (default python3)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_VENV="${BUILD_VENV:-build/venv}"
PYTHON="${PYTHON:-python3}"

started=$(date +%s)
if [ ! -x "$BUILD_VENV/bin/python" ]; then
  "$PYTHON" -m venv "$BUILD_VENV"
  "$BUILD_VENV/bin/python" -m pip install -q --upgrade pip
fi
# The project non-editable: the build venv sees the app as a user's install would.
"$BUILD_VENV/bin/python" -m pip install -q . -r packaging/build-requirements.txt
installed=$(date +%s)
rm -rf dist/qbconnector
"$BUILD_VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller qbconnector.spec
done_at=$(date +%s)
echo "package: build venv ready in $((installed - started)) s, PyInstaller took $((done_at - installed)) s"
"$BUILD_VENV/bin/python" scripts/package_report.py dist/qbconnector
