#!/usr/bin/env bash
# Start the desktop program. Without a screen (no DISPLAY/WAYLAND_DISPLAY) it says so and saves a
# picture of the window instead, so a headless machine still shows what it would display.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${QT_QPA_PLATFORM:-}" = "offscreen" ]; then
  # a window drawn off the screen can never be seen nor closed: the picture instead
  mkdir -p out
  echo "QT_QPA_PLATFORM=offscreen: jendela tidak tampil di layar. Jendela digambar ke out/jendela-utama.png sebagai gantinya."
  exec .venv/bin/recap gui --screenshot out/jendela-utama.png "$@"
fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  mkdir -p out
  echo "Tidak ada layar (DISPLAY kosong). Jendela digambar ke out/jendela-utama.png sebagai gantinya."
  QT_QPA_PLATFORM=offscreen exec .venv/bin/recap gui --screenshot out/jendela-utama.png "$@"
fi
exec .venv/bin/recap gui "$@"
