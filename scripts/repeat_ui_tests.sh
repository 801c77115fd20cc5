#!/usr/bin/env bash
# Runs the editor's tests (tests/ui, offscreen) N times in a row, each in a new process, and says how
# many runs crashed (a signal such as SIGSEGV/SIGABRT, exit >= 128 or 134/139) or failed. Issue 23's check
# that signing from the window no longer crashes the process at random.
#   bash scripts/repeat_ui_tests.sh [N=20] [pytest args...]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
export QT_QPA_PLATFORM=offscreen
crashed=0 failed=0
for i in $(seq 1 "$runs"); do
    log=$(mktemp)
    .venv/bin/python -m pytest -q -p no:cacheprovider tests/ui "$@" >"$log" 2>&1
    rc=$?
    if [ $rc -ge 128 ] || [ $rc = 134 ] || [ $rc = 139 ] || grep -q "Fatal Python error" "$log"; then
        crashed=$((crashed + 1)); mkdir -p crash-logs; cp "$log" "crash-logs/run-$i.log"
        echo "run $i: CRASH (exit $rc), log in crash-logs/run-$i.log"
    elif [ $rc != 0 ]; then
        failed=$((failed + 1)); echo "run $i: failed (exit $rc)"; tail -15 "$log"
    else
        echo "run $i: $(tail -1 "$log")"
    fi
    rm -f "$log"
done
echo "$runs runs: $crashed crashed, $failed failed"
[ $crashed = 0 ] && [ $failed = 0 ]
