"""Pictures of every screen for docs/screenshots/ (``python -m recap_app.ui.screenshots DIR``).

Builds a fresh CONTOH workspace in a temporary folder with a fixed clock, opens each page and
saves ui-<page>.png. Runs offscreen.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _wait_jobs(window) -> None:
    from PySide6.QtWidgets import QApplication

    window.jobs.pool.waitForDone()
    for _ in range(10):
        QApplication.processEvents()


def make_all(out_dir: str | os.PathLike, lang: str = "id") -> list[Path]:
    """Render every screen of the program to PNG files in ``out_dir``; returns the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("RECAP_FIXED_CLOCK", "2019-05-04T10:00:00+00:00")
    from ..core.demo import make_demo
    from .app import create_window, make_app, save_screenshot

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    make_app(lang)
    suffix = "" if lang == "id" else f"-{lang}"
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RECAP_HOME"] = tmp
        ws = make_demo(Path(tmp) / "contoh.sqlite", actor="operator")
        window = create_window(ws, "operator", auto_check=False)
        window.resize(1440, 900)
        window.show()

        def shot(name, widget=None):
            path = out / f"ui-{name}{suffix}.png"
            save_screenshot(widget or window, path)
            written.append(path)

        window.open_region("33.75")
        try:
            from ..core import reconcile

            reconcile.refresh_findings(ws, "operator")
            window.refresh()
            window.editor.refresh_findings()
        except ImportError:
            pass
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        window.editor.focus_cell("JUMLAH", "paslon_1")
        QApplication.processEvents()
        shot("editor")
        for key in ("import", "findings", "province", "documents", "bundles", "audit"):
            page = window.pages.get(key)
            if page is None:
                continue
            window.tabs.setCurrentWidget(page)
            if key == "findings" and hasattr(page, "view"):
                page.view.selectRow(0)
            if key == "documents" and getattr(page, "documents", None) is not None:
                page.preview()
                _wait_jobs(window)
            shot(key)
        from .plenary import PlenaryWindow

        plen = PlenaryWindow(ws, window)
        plen.resize(1440, 900)
        plen.show()
        for _ in range(4):
            plen.step(1)
        shot("plenary", plen)
        plen.close()
        window.tabs.setCurrentIndex(0)
        window.open_region("33.01")
        shot("main")
        window.close()
        ws.close()
    return written


if __name__ == "__main__":  # pragma: no cover
    target = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"
    for p in make_all(target, sys.argv[2] if len(sys.argv) > 2 else "id"):
        print(p)
