"""Benchmark of the desktop program (offscreen): prints its figures.

1. start to usable window: a fresh process imports the program, opens the CONTOH workspace
   (already made), builds the main window, shows it and paints it (target < 1.5 s). Measured
   inside the process from interpreter start, and from outside (whole process, to exit).
2. regency to editor shown: choosing each of the 35 kabupaten/kota and painting its
   certificate (target < 100 ms): median and worst; and one typed figure (sums, draft, paint).
3. responsiveness during a background import of 35 workbooks: the longest gap between two
   ticks of a 10 ms UI timer (target < 100 ms).

Run: .venv/bin/python bench/bench_gui.py
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import time, os, sys
t0 = time.perf_counter()
from recap_app.ui.app import make_app, create_window
from recap_app.core.store import Workspace
app = make_app("id")
ws = Workspace.open(sys.argv[1])
w = create_window(ws, "bench", auto_check=False)
w.resize(1440, 900)
w.show()
app.processEvents()
w.repaint()
t1 = time.perf_counter()
print(f"{t1 - t0:.3f}")
"""


def start_to_window(db: Path, runs: int = 5, bytecode: Path | None = None) -> tuple[list[float], list[float]]:
    """Times of ``runs`` fresh processes. With ``bytecode`` (a folder), compiled modules are kept
    there as on an installed machine (one warm-up run first); without, every run compiles the
    sources (PYTHONDONTWRITEBYTECODE, as this sandbox sets)."""
    inside, outside = [], []
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if bytecode is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(bytecode)
        subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True, env=env, cwd=ROOT, check=True)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    for _ in range(runs):
        t = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD, str(db)], capture_output=True, text=True, env=env,
                             cwd=ROOT, check=True).stdout.strip().splitlines()[-1]
        outside.append(time.perf_counter() - t)
        inside.append(float(out))
    return inside, outside


def regency_to_editor(window, ws) -> list[float]:
    from PySide6.QtWidgets import QApplication

    times = []
    for r in ws.regencies():
        t = time.perf_counter()
        window.open_region(r.kode)
        window.editor.table.viewport().repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - t)
    return times


def typing(window) -> list[float]:
    """Times of 50 typed figures in Kabupaten Cilacap's certificate."""
    from PySide6.QtWidgets import QApplication

    window.open_region("33.01")
    m = window.editor.model
    times = []
    for i in range(50):
        col = m.columns[i % (len(m.columns) - 1)]
        t = time.perf_counter()
        m.setData(m.index_of(col, "suara_tidak_sah"), str(1000 + i))
        window.editor.table.viewport().repaint()
        QApplication.processEvents()
        times.append(time.perf_counter() - t)
    window.editor.discard(ask=False)
    return times


def import_gaps(tmp: Path) -> tuple[float, float, int]:
    """(longest UI gap in s, import wall time in s, files accepted) for 35 workbooks."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from recap_app.core.demo import real_certificates
    from recap_app.core.importer import template
    from recap_app.core.store import Workspace
    from recap_app.ui.app import create_window

    ws = Workspace.create(tmp / "import.sqlite", "pilpres-2019-jateng", actor="bench")
    certs = real_certificates("rekap")
    paths = template.write_templates(ws, list(certs), tmp / "xlsx")
    for path, (_k, (cols, values)) in zip(paths, certs.items(), strict=True):
        template.fill_template(path, cols, values, ws.election.form)
    w = create_window(ws, "bench", auto_check=False)
    w.show()
    gaps = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    t = time.perf_counter()
    job = w.pages["import"].start_import(paths)
    while w.jobs.busy():
        QApplication.processEvents()
        time.sleep(0.002)
    wall = time.perf_counter() - t
    timer.stop()
    accepted = sum(1 for f in job.result.files if f.status == "diterima") if job.result else 0
    w.close()
    ws.close()
    return max(gaps) / 1000 if gaps else 0.0, wall, accepted


def main() -> None:
    from recap_app.core.demo import make_demo
    from recap_app.ui.app import create_window, make_app

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        os.environ["RECAP_HOME"] = str(tmp / "home")
        db = tmp / "contoh.sqlite"
        make_demo(db, actor="bench").close()
        for label, bytecode in (("compiled modules cached, as installed", tmp / "pycache"),
                                ("no bytecode cache, every module compiled", None)):
            inside, outside = start_to_window(db, bytecode=bytecode)
            print(f"start to usable window [{label}]: median {statistics.median(inside):.3f} s, worst "
                  f"{max(inside):.3f} s over {len(inside)} runs (target < 1.5 s); whole process to exit: median "
                  f"{statistics.median(outside):.3f} s")
        make_app("id")
        from recap_app.core.store import Workspace

        ws = Workspace.open(db)
        w = create_window(ws, "bench", auto_check=False)
        w.resize(1440, 900)
        w.show()
        regency_to_editor(w, ws)  # warm up
        times = regency_to_editor(w, ws)
        print(f"regency to editor shown: median {statistics.median(times) * 1000:.1f} ms, worst "
              f"{max(times) * 1000:.1f} ms over {len(times)} kabupaten/kota (target < 100 ms)")
        edits = typing(w)
        print(f"one typed figure (sums updated, draft stored in the workspace, cell repainted): median "
              f"{statistics.median(edits) * 1000:.1f} ms, worst {max(edits) * 1000:.1f} ms over {len(edits)} edits")
        w.close()
        ws.close()
        try:
            gap, wall, accepted = import_gaps(tmp)
            print(f"import of 35 workbooks on the worker: {wall:.2f} s, {accepted} accepted; longest UI gap "
                  f"{gap * 1000:.0f} ms (target < 100 ms)")
        except ImportError as exc:
            print(f"import benchmark skipped: {exc}")


if __name__ == "__main__":
    main()
