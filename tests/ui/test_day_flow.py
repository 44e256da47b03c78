"""A clerk's day by keyboard and mouse: import (dropped files), check, fix, explain, adopt, print, export."""

# The 35 regency workbooks are dropped on the window; a flagged cell is fixed, a warning explained.

import pytest
from helpers import type_into_dialog
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QPushButton

from recap_app.core import reconcile
from recap_app.core.importer import template


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory):
    """The 35 real Pilpres 2019 certificates as filled province templates (xlsx)."""
    from recap_app.core.demo import real_certificates
    from recap_app.core.store import Workspace

    d = tmp_path_factory.mktemp("workbooks")
    ws = Workspace.create(d / "tmp.sqlite", "pilpres-2019-jateng", actor="builder")
    certs = real_certificates("rekap")
    paths = template.write_templates(ws, list(certs), d / "xlsx")
    for path, (_kode, (cols, values)) in zip(paths, certs.items(), strict=True):
        template.fill_template(path, cols, values, ws.election.form)
    ws.close()
    return paths


def answer_next_dialog(qtbot, text, button_text):
    """When the next modal dialog opens, type ``text`` into it and press ``button_text``."""

    def act():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, act)
            return
        qtbot.keyClicks(dlg.edit, text)
        btn = next(b for b in dlg.findChildren(QPushButton) if b.text() == button_text)
        qtbot.mouseClick(btn, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


def test_a_day_at_the_province(qtbot, monkeypatch, tmp_path, ws, workbooks):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("id")
    w = MainWindow(ws, "operator")
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    assert w.progress.received.format() == "Diterima: 0 / 35"

    # 1. the 35 workbooks are dropped on the window: imported on the worker, report shown
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in workbooks])
    drop = QDropEvent(QPoint(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    w.dropEvent(drop)
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=120000)
    imp = w.pages["import"]
    assert w.tabs.currentWidget() is imp
    assert imp.summary.text() == "Diterima 35 · sudah ada 0 · ditolak 0"
    assert "Ringkasan: 35 diterima, 0 sudah ada, 0 ditolak." in imp.report.toPlainText()
    assert w.progress.received.format() == "Diterima: 35 / 35"
    assert "16.825.511" in w.totals_bar.pairs[0].text()
    assert "4.944.447" in w.totals_bar.pairs[1].text()

    # 2. check everything on the worker; one error: Kota Pekalongan's JUMLAH for paslon 1
    page = w.pages["findings"]
    w.tabs.setCurrentWidget(page)
    qtbot.mouseClick(page.check_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    page.severity.setCurrentIndex(page.severity.findData("error"))
    assert page.proxy.rowCount() == 1
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)  # Enter opens the cell
    ed = w.editor
    assert ed.kode == "33.75" and w.tabs.currentWidget() is ed
    assert ed.model.cell(ed.table.currentIndex().row(), ed.table.currentIndex().column()) == ("JUMLAH", "paslon_1")

    # 3. fix the flagged cell by typing what the paper says, save with a reason (Ctrl+S)
    qtbot.keyClick(ed.table, "1")
    from PySide6.QtWidgets import QLineEdit

    line = ed.table.findChild(QLineEdit, "cellEditor")
    qtbot.keyClicks(line, "38.320")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ed.model.values["JUMLAH"]["paslon_1"] == 138320)
    assert ed.model.values["JUMLAH"]["suara_sah"] == 188104  # the sum followed
    answer_next_dialog(qtbot, "Dicocokkan dengan sertifikat DB1 asli", "Simpan perubahan")
    ed.save_btn.click()
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)  # the re-check runs on the worker
    revs = ws.revisions("33.75")
    assert [r.number for r in revs] == [1, 2]
    assert revs[-1].reason == "Dicocokkan dengan sertifikat DB1 asli"
    assert not [f for f in reconcile.findings(ws) if f.severity == "error"]
    assert "16.825.512" in w.totals_bar.pairs[0].text()

    # 4. a second clerk (separation of duties: not the one who entered it) explains a warning
    from recap_app.ui.settings import LoginDialog

    def login_as(name):
        def act():
            dlg = QApplication.activeModalWidget()
            if not isinstance(dlg, LoginDialog):
                QTimer.singleShot(20, act)
                return
            dlg.user.clear()
            qtbot.keyClicks(dlg.user, name)
            qtbot.keyClick(dlg.user, Qt.Key.Key_Return)
        QTimer.singleShot(0, act)
        w.act_user.trigger()

    login_as("verifikator")
    assert w.actor == "verifikator" and w.user_label.text() == "Pengguna: verifikator"
    w.tabs.setCurrentWidget(page)
    page.severity.setCurrentIndex(page.severity.findData("warning"))
    page.region.setCurrentIndex(page.region.findData("33.75"))
    page.view.setCurrentIndex(page.proxy.index(0, 0))
    key = page.selected().key
    # the explanation is a text area: typed, then Ctrl+Enter records it
    type_into_dialog(qtbot, "Sumber contoh tidak memuat isian ini.", Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.explain_btn, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)  # recorded on the worker
    assert {f.key: f for f in reconcile.findings(ws, region="33.75")}[key].explanation["by"] == "verifikator"

    # 5. adopt Kota Pekalongan: the group explained above was every blank field of 33.75, so nothing is
    # open and the question's default is Tetapkan: Enter adopts
    w.open_region("33.75")
    assert ed.adopt_btn.isEnabled(), ed.adopt_btn.toolTip()
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QDialog.exec(box))
    type_into_dialog(qtbot, "", Qt.Key.Key_Return, seen=seen)
    qtbot.mouseClick(ed.adopt_btn, Qt.MouseButton.LeftButton)  # adoption (with its backup) runs on the worker
    assert seen[0].defaultButton().text() == "&Tetapkan"
    assert "Tetapkan sertifikat Kota Pekalongan (33.75) revisi 2 (" in seen[0].text()  # the one on the screen
    assert " WIB oleh operator)? Sesudah ditetapkan" in seen[0].text()
    assert "belum dijelaskan" not in seen[0].text()
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert ws.adoption("33.75")["by"] == "verifikator"
    assert w.regency_model.index(w.regency_model.row_of("33.75"), 2).data() == "ditetapkan"
    assert w.progress.adopted.format() == "Ditetapkan: 1 / 35"
    assert ed.model.readonly

    # 6. print the province certificate to PDF
    docs = w.pages["documents"]
    docs.set_chosen(["sertifikat", "rekapitulasi"])
    pdf = tmp_path / "DC1-PPWP.pdf"
    docs.save_pdf(str(pdf))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert pdf.read_bytes().startswith(b"%PDF")

    # 7. export a signed bundle
    bundles = w.pages["bundles"]
    out = tmp_path / "jateng.zip"
    bundles.full.setChecked(True)
    bundles.export(str(out))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert out.is_file()
    assert bundles.result.toPlainText().startswith(f"Bundel diekspor: {out}")
    bundles.verify(str(out))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert bundles.result.toPlainText().startswith("SAH:")

    # the whole day is in the audit log
    actions = [r[0] for r in ws.conn.execute("SELECT action FROM audit ORDER BY id")]
    for a in ("finding.explain", "certificate.adopt", "document.print", "bundle.export"):
        assert any(x.startswith(a.split(".")[0]) for x in actions), a
