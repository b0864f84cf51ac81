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
# PyInstaller bundles Python's shared library; Debian's own python3.X ships it in libpython3.X.
version=$("$PYTHON" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')
libdir=$("$PYTHON" -c 'import sysconfig; print(sysconfig.get_config_var("LIBDIR") or "")')
if [ "$(uname -s)" = Linux ] && [ ! -e "$libdir/libpython$version.so.1.0" ] \
    && ! ldconfig -p 2>/dev/null | grep -q "libpython$version.so.1.0"; then
  if command -v apt-get >/dev/null; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "libpython$version"
  else
    echo "package: PyInstaller needs libpython$version.so.1.0 (a Python built with --enable-shared)" >&2
    exit 2
  fi
fi
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
