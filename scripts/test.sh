#!/usr/bin/env bash
# The test command of the README: sets up what is missing, then runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/ruff check --quiet .  # lint first ([tool.ruff] in pyproject.toml): a finding fails the run
.venv/bin/mypy  # types ([tool.mypy]: strict on typeset/, store/, model.py, signing/)
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest "$@"
