#!/usr/bin/env bash
# The start command of the README: sets up what is missing, then starts the application.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/circular-editor "$@"
