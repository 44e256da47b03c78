#!/usr/bin/env bash
# Prepare a fresh Debian/Ubuntu machine: system libraries Qt needs, .venv/ from the lock file.
# Idempotent and quiet when everything is already there. Used by `make run` and `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages: Qt's runtime libraries (EGL/GL, xkbcommon, fontconfig, xcb for a real screen),
# a font for headless text, poppler-utils for PDF previews and checks, python3-venv;
# for the public site (docs/publication.md): rclone to push it, and nginx, chromium and wrk,
# which its tests use to serve, render and load-test it on 127.0.0.1; cups-client (lp), through
# which the window sends documents to a printer queue as vector PDF.
PKGS="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core
      poppler-utils libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 libx11-xcb1
      rclone nginx chromium wrk cups-client"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
  done
  python3 -c "import ensurepip" 2>/dev/null || missing="$missing python3-venv"
fi
if [ -n "$missing" ]; then
  echo "Memasang paket sistem:$missing"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq >/dev/null || true
  # shellcheck disable=SC2086
  $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

PY=${PYTHON:-python3}
"$PY" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || {
  echo "Python 3.11 atau lebih baru diperlukan (ditemukan: $($PY --version 2>&1))." >&2; exit 1; }
[ -x .venv/bin/python ] || "$PY" -m venv .venv

want=$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -c1-64)
have=$(cat .venv/.installed 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "Memasang dependensi dari requirements.lock ..."
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e . 2>/dev/null \
    || .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" > .venv/.installed
fi
