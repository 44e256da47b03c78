"""The window side by side with a bare PySide6 window (docs/performance.md).

Program: ``recap gui --db DEMO --screenshot FILE`` — start, open the CONTOH workspace (made
before the clock starts), build and paint the main window, save it as PNG, exit.
Yardstick: a bare PySide6 main window holding a 100 x 40 QTableWidget, shown, painted, grabbed
to PNG, exit — the least any Qt window of this kind costs. Target ratio <= 2.

Both run offscreen (QT_QPA_PLATFORM=offscreen) with the program's bytecode compiled once.

Run: .venv/bin/python bench/bench_window.py [--runs 7]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sidebyside import PY, program_env, side_by_side, timed  # noqa: E402

BARE = r"""
import os
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem


def main():
    app = QApplication(sys.argv)
    w = QMainWindow()
    t = QTableWidget(100, 40)
    for r in range(100):
        for c in range(40):
            t.setItem(r, c, QTableWidgetItem(str(r * c)))
    w.setCentralWidget(t)
    w.resize(1366, 768)
    w.show()
    app.processEvents()
    return 0 if w.grab().save(sys.argv[1]) else 1


# PySide6 6.12 with this Python can abort while collecting a plain QTableWidget at exit
# ("none_dealloc"): the yardstick leaves without tearing down, which only makes it faster
os._exit(main())
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = program_env(tmp, QT_QPA_PLATFORM="offscreen")
        db = tmp / "contoh.sqlite"
        timed([PY, "-m", "recap_app", "demo", "--db", str(db)], env)
        timed([PY, "-c", BARE, str(tmp / "polos.png")], env)  # warm the caches both use (fonts, Qt plugins)
        ratio = side_by_side("window to PNG", lambda: timed([PY, "-c", BARE, str(tmp / "polos.png")], env),
                             lambda: timed([PY, "-m", "recap_app", "gui", "--db", str(db), "--screenshot",
                                            str(tmp / "recap.png")], env), args.runs, 2, "bare PySide6 window")
        print(f"ratio {ratio:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
