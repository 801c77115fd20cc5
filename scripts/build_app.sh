#!/usr/bin/env bash
# Builds the desktop bundle, dist/circular-editor/ (one folder; start dist/circular-editor/circular-editor),
# from exactly what is committed (git archive of HEAD, so no stray file of the working tree gets in),
# then smoke-tests the frozen program (scripts/smoke_bundle.py) and prints its size and the build time.
#
#     bash scripts/build_app.sh              (the same command on Windows, from Git Bash)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bash scripts/setup.sh
.venv/bin/python -m pip install -q -e '.[build]'
# ICU's icupkg slims Qt's ICU data in the bundle (scripts/slim_icu.py; without it the bundle keeps all 31 MB)
if ! command -v icupkg >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq icu-devtools >/dev/null
fi

source=$(mktemp -d)
trap 'rm -rf "$source"' EXIT
git archive HEAD | tar -x -C "$source"
start=$(date +%s)
rm -rf dist/circular-editor  # (a failed build must not leave the previous bundle to be smoke-tested)
(cd "$source" && "$root/.venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
    --distpath "$root/dist" --workpath "$source/build" build.spec > "$source/pyinstaller.log" 2>&1) \
    || { cat "$source/pyinstaller.log"; echo "the build failed" >&2; exit 1; }
grep -v -e "WARNING: Library .* required via ctypes not found" -e "could not resolve 'lib\(gdk\|gtk\)-3" \
    "$source/pyinstaller.log" || true
seconds=$(( $(date +%s) - start ))
test -x dist/circular-editor/circular-editor -o -f dist/circular-editor/circular-editor.exe

echo "smoke test of the bundle:"
.venv/bin/python scripts/smoke_bundle.py
size=$(du -sh dist/circular-editor | cut -f1)
echo "bundle: dist/circular-editor, $size, built in ${seconds} s"
