"""Pictures of every screen for docs/screenshots/ (``python -m recap_app.ui.screenshots DIR``).

The window is drawn at 1366 × 768, the smallest screen of the office PCs, so the pictures show
what a clerk sees there.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

#: the screen the pictures are taken at
SIZE = (1366, 768)


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


def _record_plenary(ws) -> None:
    """The office and the plenary as the CONTOH pictures show them."""
    from ..core.documents import plenary as pl

    pl.set_office(ws, "operator", city="Semarang", chair="Yulianto Sudrajat",
                  members=["Diana Ariyanti", "Muslim Aisha", "Putnawati", "Akmaliyah", "Paulus Widiyantoro",
                           "Basmar Perianto Amron"])
    pl.set_plenary(ws, "operator", place="Hotel Patra Semarang", date="2019-05-04", time_start="09.00",
                   time_end="17.30")
    for name in ("Yulianto Sudrajat", "Diana Ariyanti", "Muslim Aisha"):
        pl.add_attendance(ws, "operator", name, "KPU Provinsi Jawa Tengah")
    pl.add_attendance(ws, "operator", "Fajar Subhi", "Bawaslu Provinsi Jawa Tengah")
    pl.set_witness(ws, "operator", 1, "Sumanto", "present")
    pl.set_witness(ws, "operator", 2, "Abdul Kholiq", "refused")
    pl.add_objection(ws, "operator", "keberatan", "Saksi pasangan calon nomor urut 02 menyatakan keberatan atas "
                     "selisih rekapitulasi di Kabupaten Boyolali dan meminta pencocokan dengan formulir DA1.",
                     nomor_urut=2, region="33.09")


def make_all(out_dir: str | os.PathLike, lang: str = "id") -> list[Path]:
    """Render every screen of the program to PNG files in ``out_dir``; returns the files written.

    Builds a fresh CONTOH workspace in a temporary folder with a fixed clock, opens each page and
    saves ui-<page>.png at 1366 × 768. Runs offscreen.
    """
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("RECAP_FIXED_CLOCK", "2019-05-04T10:00:00+00:00")
    from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QLineEdit

    from ..core import reconcile
    from ..core.demo import make_demo
    from .app import create_window, make_app, save_screenshot

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    make_app(lang)
    suffix = "" if lang == "id" else f"-{lang}"
    written: list[Path] = []

    def save(widget, name):
        path = out / f"ui-{name}{suffix}.png"
        save_screenshot(widget, path)
        written.append(path)

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RECAP_HOME"] = tmp
        ws = make_demo(Path(tmp) / "contoh.sqlite", actor="operator")
        _record_plenary(ws)
        window = create_window(ws, "operator", auto_check=False)
        window.resize(*SIZE)
        window.show()

        def shot(name, widget=None):
            save(widget or window, name)

        window.open_region("33.75")
        reconcile.refresh_findings(ws, "operator")
        window.refresh()
        window.editor.refresh_findings()
        QApplication.processEvents()
        window.editor.focus_cell("JUMLAH", "paslon_1")
        QApplication.processEvents()
        shot("editor")
        # a refused value: the cell keeps the cursor and the text, the note says why
        table = window.editor.table
        table.setCurrentIndex(window.editor.model.index_of(window.editor.model.columns[1], "paslon_1"))
        table.edit(table.currentIndex())
        QApplication.processEvents()
        line = next(e for e in table.findChildren(QLineEdit, "cellEditor") if e.isVisible())
        line.setText("1,5")
        table.commitData(line)
        QApplication.processEvents()
        shot("editor-refused")
        table.closeEditor(line, QAbstractItemDelegate.EndEditHint.RevertModelCache)
        window.statusBar().clearMessage()
        for key in ("findings", "province", "plenary", "compare", "documents", "bundles", "audit"):
            page = window.pages.get(key)
            if page is None:
                continue
            window.tabs.setCurrentWidget(page)
            if key == "findings" and hasattr(page, "view"):
                page.view.setCurrentIndex(page.proxy.index(1, 0))
                page.view.expand(page.proxy.index(1, 0))
            if key == "compare":
                from ..core import export

                csv_path = Path(tmp) / "situng-contoh.csv"
                export.export(ws, "operator", csv_path, "csv")
                lines = csv_path.read_text(encoding="utf-8").splitlines()
                for i, ln in enumerate(lines):  # a second source with two typing faults
                    if ln.startswith("33.10,") and ",paslon_1," in ln and ",JUMLAH," not in ln:
                        parts = ln.split(",")
                        parts[7] = parts[7][:-2] + parts[7][-1] + parts[7][-2]
                        lines[i] = ",".join(parts)
                        break
                csv_path.write_text("\n".join(lines) + "\n", encoding="utf-8")
                page.compare(str(csv_path))
                _wait_jobs(window)
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
                page.set_chosen(["berita_acara"])
                page.preview()
                _wait_jobs(window)
            shot({"plenary": "plenary-page"}.get(key, key))
        # find (Ctrl+F) in the findings
        window.tabs.setCurrentWidget(window.pages["findings"])
        window.pages["findings"].view.setFocus()
        window.open_find()
        window.find_bar.edit.setText("138.320")
        window.find_bar._run(0)
        QApplication.processEvents()
        shot("find")
        window.find_bar.close_bar()
        from .plenary import PlenaryWindow

        plen = PlenaryWindow(ws, window)
        plen.resize(*SIZE)
        plen.show()
        plen.pos = [r.kode for r in plen.regencies].index("33.75")
        plen.show_position()
        shot("plenary", plen)
        plen.close()
        from .dialogs import dialog_factories

        cases = {c.name: c for c in dialog_factories(window)}
        for name, case_name, prepare in (
                ("settings", "office settings", None), ("new-workspace", "new workspace", None),
                ("reason", "reason", lambda d: d.edit.setText("Dicocokkan dengan sertifikat DB1 asli")),
                ("print", "print", None), ("users", "users and roles", None),
                ("adopt", "adoption with open warnings", None), ("double-entry", "double entry", None)):
            dlg = cases[case_name].build()
            if prepare:
                prepare(dlg)
            path = out / f"ui-{name}{suffix}.png"
            _dialog_shot(dlg, path)
            written.append(path)
        window.tabs.setCurrentIndex(0)
        window.open_region("33.01", focus=True)
        QApplication.processEvents()
        shot("main")
        window.close()
        ws.close()
        # the import page while 4 regency workbooks land on an empty workspace
        from ..core.store import Workspace

        ws2 = Workspace.create(Path(tmp) / "kosong.sqlite", "pilpres-2019-jateng", actor="operator")
        files = _filled_templates(ws2, Path(tmp) / "xlsx", ["33.02", "33.19", "33.74", "33.75"])
        w2 = create_window(ws2, "operator", auto_check=False)
        w2.resize(*SIZE)
        w2.show()
        w2.pages["import"].start_import(files)
        _wait_jobs(w2)
        w2.tabs.setCurrentWidget(w2.pages["import"])
        save(w2, "import")
        w2.close()
        ws2.close()
    return written


if __name__ == "__main__":  # pragma: no cover
    target = sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"
    for p in make_all(target, sys.argv[2] if len(sys.argv) > 2 else "id"):
        print(p)
