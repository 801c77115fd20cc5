#!/usr/bin/env bash
# Collects the editor's strings into resources/translations/*.ts (lupdate), fills in the Arabic
# ones from scripts/translations_ar.py, and compiles the .qm files the editor loads (lrelease).
# Both tools ship with PySide6.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/circular_editor_ar.ts
.venv/bin/pyside6-lupdate -no-obsolete circular_editor/ui/*.py -ts "$ts"
.venv/bin/python scripts/translations_ar.py "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm resources/translations/circular_editor_ar.qm
