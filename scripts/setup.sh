#!/usr/bin/env bash
# Creates .venv with everything the application, its tests and benchmarks need (and PostgreSQL for the tests).
# Idempotent: a second run only checks. System tools (poppler-utils for pdftotext/pdftoppm,
# the X/EGL libraries Qt loads, offscreen or in a real window) are installed with apt-get when we are root.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
ldconfig -p 2>/dev/null | grep -q libEGL.so.1 || need_apt+=(libegl1)
ldconfig -p 2>/dev/null | grep -q libxkbcommon.so.0 || need_apt+=(libxkbcommon0)
ldconfig -p 2>/dev/null | grep -q libfontconfig.so.1 || need_apt+=(libfontconfig1)
ldconfig -p 2>/dev/null | grep -q libGL.so.1 || need_apt+=(libgl1)
# What Qt's xcb platform plugin needs to open a real window on X11 (Qt 6.5+ wants xcb-cursor).
ldconfig -p 2>/dev/null | grep -q libxcb-cursor.so.0 || need_apt+=(libxcb-cursor0)
ldconfig -p 2>/dev/null | grep -q libxcb-icccm.so.4 || need_apt+=(libxcb-icccm4)
ldconfig -p 2>/dev/null | grep -q libxcb-keysyms.so.1 || need_apt+=(libxcb-keysyms1)
ldconfig -p 2>/dev/null | grep -q libxcb-image.so.0 || need_apt+=(libxcb-image0)
ldconfig -p 2>/dev/null | grep -q libxcb-render-util.so.0 || need_apt+=(libxcb-render-util0)
ldconfig -p 2>/dev/null | grep -q libxkbcommon-x11.so.0 || need_apt+=(libxkbcommon-x11-0)
# A real PostgreSQL server for the bureau-server tests (each test session starts its own in a temporary folder).
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || need_apt+=(postgresql)
# the PDF checkers the tests run on every circular (tests/conformance.py): qpdf, and PDFBox Preflight with
# the two Java libraries it needs beside it on Java 17
command -v qpdf >/dev/null 2>&1 || need_apt+=(qpdf)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
[ -e /usr/share/java/preflight.jar ] || need_apt+=(libpdfbox2-java)
[ -e /usr/share/java/javax.activation.jar ] || need_apt+=(libactivation-java)
[ -e /usr/share/java/jaxb-api.jar ] || need_apt+=(libjaxb-api-java)
if [ ${#need_apt[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup: installing ${need_apt[*]}"
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
    else
        echo "setup: please install ${need_apt[*]} with your package manager" >&2
    fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv
fi
stamp=.venv/.installed-$(sha1sum pyproject.toml | cut -c1-12)
if [ ! -f "$stamp" ]; then
    .venv/bin/python -m pip install -q --upgrade pip
    .venv/bin/python -m pip install -q -e '.[test,bench]'
    rm -f .venv/.installed-*
    touch "$stamp"
fi

# pdf.js for the extraction tests and bench/extraction.py (without node or the npm registry they leave pdf.js out)
if [ ! -d .tools/pdfjs/node_modules/pdfjs-dist ] && command -v npm >/dev/null 2>&1; then
    mkdir -p .tools/pdfjs
    (cd .tools/pdfjs && timeout 300 npm install --silent --no-audit --no-fund pdfjs-dist@4 >/dev/null 2>&1) \
        || echo "setup: pdf.js not installed (the extraction tests and bench leave it out)" >&2
fi
