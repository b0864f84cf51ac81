#!/usr/bin/env bash
# Refreshes resources/translations/*.ts from the tr() strings in qbconnector/ui (keeping the
# translations already written), then compiles them to the .qm files the app loads.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV_BIN:-.venv/bin}"
[ -x "$BIN/pyside6-lupdate" ] || BIN="$(dirname "$(command -v pyside6-lupdate)")"
LANGUAGES=(fr)

"$BIN/python" scripts/collect_core_texts.py  # the core's sentences, for lupdate to find
"$BIN/ruff" format -q qbconnector/ui/core_texts.py 2>/dev/null || true

mapfile -t SOURCES < <(find qbconnector/ui qbconnector/app.py -name '*.py' 2>/dev/null | sort)
for language in "${LANGUAGES[@]}"; do
  ts="resources/translations/qbconnector_${language}.ts"
  "$BIN/pyside6-lupdate" -locations none -no-obsolete -target-language "$language" \
    "${SOURCES[@]}" -ts "$ts"
  "$BIN/pyside6-lrelease" "$ts" -qm "resources/translations/qbconnector_${language}.qm"
done
