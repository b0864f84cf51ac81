#!/usr/bin/env bash
# Runs the built package as a user would, on a throw-away profile: --version, --self-test
# (offscreen), import of the sample documents, status. Exits non-zero naming the check that failed.
set -uo pipefail
cd "$(dirname "$0")/.."
FOLDER="${1:-dist/qbconnector}"
APP="$FOLDER/qbconnector"
[ -x "$APP" ] || APP="$FOLDER/qbconnector-cli.exe"
if [ ! -x "$APP" ]; then
  echo "package check FAILED: no program in $FOLDER (build it with scripts/build_package.sh)" >&2
  exit 1
fi
export QT_QPA_PLATFORM=offscreen LANG="${LANG:-C.UTF-8}"
export PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring  # a CI box has no keyring: file vault
profile="$(mktemp -d "${TMPDIR:-/tmp}/qbconnector-package-check.XXXXXX")"
trap 'rm -rf "$profile"' EXIT
log="$profile/output.txt"

check() {  # check NAME EXPECTED-TEXT COMMAND...
  local name="$1" expected="$2"
  shift 2
  local begin=$SECONDS
  local code=0
  "$@" >"$log" 2>&1 || code=$?
  if [ "$code" -ne 0 ]; then
    cat "$log" >&2
    echo "package check FAILED: $name (exit code $code): $*" >&2
    exit 1
  fi
  if ! grep -q -- "$expected" "$log"; then
    cat "$log" >&2
    echo "package check FAILED: $name: the output does not say '$expected'" >&2
    exit 1
  fi
  echo "package check ok: $name ($((SECONDS - begin)) s)"
}

version=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' qbconnector/__init__.py)
check "--version" "qbconnector $version" "$APP" --version
check "--self-test" "self-test: passed" "$APP" --self-test
cat "$log"
samples="$FOLDER/_internal/resources/samples/sample-documents.json"
[ -f "$samples" ] || samples="resources/samples/sample-documents.json"
check "import of the samples" "imported (12 new" "$APP" --profile "$profile/p" import "$samples"
check "status" "Profile folder: $profile/p" "$APP" --profile "$profile/p" status
echo "package check: all passed"
