"""Pictures of every screen for docs/screenshots/ (``python -m recap_app.ui.screenshots DIR``)."""

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


def _filled_templates(ws, folder: Path, codes: list[str]) -> list[Path]:
    """Province templates for ``codes`` typed with the real 2019 figures (as a regency would)."""

    from ..core.demo import real_certificates
    from ..core.importer import template

    certs = real_certificates("rekap")
    paths = template.write_templates(ws, codes, folder)
    for path, kode in zip(paths, codes, strict=True):
        cols, values = certs[kode]
        template.fill_template(path, cols, values, ws.election.form)
    return paths


def _dialog_shot(dialog, path: Path) -> None:
    from .app import save_screenshot

    dialog.show()
    save_screenshot(dialog, path)
    dialog.close()


def make_all(out_dir: str | os.PathLike, lang: str = "id") -> list[Path]:
    """Render every screen of the program to PNG files in ``out_dir``; returns the files written.

    Builds a fresh CONTOH workspace in a temporary folder with a fixed clock, opens each page and
    saves ui-<page>.png. Runs offscreen.
    """
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
        from ..core import reconcile

        reconcile.refresh_findings(ws, "operator")
        window.refresh()
        window.editor.refresh_findings()
        from PySide6.QtWidgets import QApplication

        QApplication.processEvents()
        window.editor.focus_cell("JUMLAH", "paslon_1")
        QApplication.processEvents()
        shot("editor")
        for key in ("findings", "province", "documents", "bundles", "audit"):
            page = window.pages.get(key)
            if page is None:
                continue
            window.tabs.setCurrentWidget(page)
            if key == "findings" and hasattr(page, "view"):
                page.severity.setCurrentIndex(page.severity.findData("error"))
                page.view.selectRow(0)
            if key == "bundles" and hasattr(page, "export"):
                page.full.setChecked(True)
                page.export(str(Path(tmp) / "jateng-33.zip"))
                _wait_jobs(window)
                page.verify(str(Path(tmp) / "jateng-33.zip"))
                _wait_jobs(window)
                verified = page.result.toPlainText()
                page.export(str(Path(tmp) / "jateng-33-2.zip"))
                _wait_jobs(window)
                page.result.setPlainText(page.result.toPlainText() + "\n\n" + verified)
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
        from .settings import NewWorkspaceDialog, SettingsDialog
        from .widgets import TextDialog

        for name, dlg in (("settings", SettingsDialog(ws, "operator", window)),
                          ("new-workspace", NewWorkspaceDialog("operator", window))):
            path = out / f"ui-{name}{suffix}.png"
            _dialog_shot(dlg, path)
            written.append(path)
        reason = TextDialog(window, window.editor.tr("Alasan perubahan"),
                            window.editor.tr("Sertifikat ini sudah diterima. Tuliskan alasan perubahan "
                                             "(misalnya: salah ketik, dicocokkan dengan sertifikat asli):"),
                            window.editor.tr("Simpan perubahan"))
        reason.edit.setPlainText("Dicocokkan dengan sertifikat DB1 asli")
        _dialog_shot(reason, out / f"ui-reason{suffix}.png")
        written.append(out / f"ui-reason{suffix}.png")
        # a second entry waiting for the coordinator (Kota Magelang, one digit too many)
        from ..core import double_entry
        from .double_entry import DoubleEntryDialog

        info = ws.latest_revision("33.71")
        values = ws.revision_values(info.id)
        first = info.columns[0]
        values[first]["paslon_2"] = int("1" + str(values[first]["paslon_2"]))
        double_entry.submit_second_entry(ws, "33.71", list(info.columns), values, "operator2")
        path = out / f"ui-double-entry{suffix}.png"
        _dialog_shot(DoubleEntryDialog(ws, "33.71", "koordinator", window), path)
        written.append(path)
        window.tabs.setCurrentIndex(0)
        window.open_region("33.01")
        shot("main")
        window.close()
        ws.close()
        # the import page after 4 regency workbooks were dropped on an empty workspace
        from ..core.store import Workspace

        ws2 = Workspace.create(Path(tmp) / "kosong.sqlite", "pilpres-2019-jateng", actor="operator")
        files = _filled_templates(ws2, Path(tmp) / "xlsx", ["33.02", "33.19", "33.74", "33.75"])
        w2 = create_window(ws2, "operator", auto_check=False)
        w2.resize(1440, 900)
        w2.show()
        w2.pages["import"].start_import(files)
        _wait_jobs(w2)
        w2.tabs.setCurrentWidget(w2.pages["import"])
        path = out / f"ui-import{suffix}.png"
        save_screenshot(w2, path)
        written.append(path)
        w2.close()
        ws2.close()
    return written


if __name__ == "__main__":  # pragma: no cover
    target = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"
    for p in make_all(target, sys.argv[2] if len(sys.argv) > 2 else "id"):
        print(p)
