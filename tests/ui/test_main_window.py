"""Main window: title and marks, the 35 kabupaten/kota with status, progress, totals; start-up."""

from pathlib import Path

import pytest
from helpers import type_into_dialog
from PySide6.QtCore import Qt

from recap_app.core.certificate import statuses
from recap_app.core.totals import province_totals
from recap_app.ui.models import AuditModel, FindingsTree, ProvinceModel, RegencyModel


def test_title_marks_status_progress_and_totals(window):
    assert window.windowTitle() == ("[CONTOH] KPU Provinsi Jawa Tengah — Pemilihan Umum Presiden dan Wakil "
                                    "Presiden Tahun 2019 — recap_app")
    assert window.banner.text().startswith("CONTOH —")
    m = window.regency_model
    assert m.rowCount() == 35
    assert m.index(0, 0).data() == "33.01" and m.index(0, 1).data() == "Kab. Cilacap"
    assert m.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Kabupaten Cilacap"
    assert m.index(34, 0).data() == "33.76" and m.index(34, 1).data() == "Kota Tegal"
    status = m.index(0, 2)
    assert status.data() in ("draf", "ada peringatan", "ada kesalahan", "sesuai")  # text ...
    assert not status.data(Qt.ItemDataRole.DecorationRole).isNull()  # ... and an icon
    assert window.progress.received.format() == "Diterima: 35 / 35"
    assert window.progress.adopted.format() == "Ditetapkan: 0 / 35"
    bar = window.totals_bar
    assert "16.825.511" in bar.pairs[0].text() and "(77,29%)" in bar.pairs[0].text()
    assert "4.944.447" in bar.pairs[1].text() and "(22,71%)" in bar.pairs[1].text()
    assert "21.769.958" in bar.valid.text()
    assert bar.progress.text() == "Diterima 35 dari 35 · Ditetapkan 0 dari 35"


def test_regency_to_editor_by_keyboard(qtbot, window):
    window.regency_view.setFocus()
    window.regency_view.setCurrentIndex(window.regency_model.index(18, 0))
    qtbot.keyClick(window.regency_view, Qt.Key.Key_Return)
    assert window.editor.kode == "33.19"
    assert window.tabs.currentWidget() is window.editor
    assert window.editor.title.text().endswith("33.19 Kabupaten Kudus")


def test_models_pass_the_model_tester(qtmodeltester, demo_ws):
    rm = RegencyModel()
    rm.set_rows(statuses(demo_ws), {"33.01"})
    qtmodeltester.check(rm)
    assert rm.index(0, 2).data().endswith(" · draf")
    assert rm.index(0, 2).data(Qt.ItemDataRole.ToolTipRole).endswith("(ada draf)")
    pm = ProvinceModel()
    pm.set_data(demo_ws.election.form.fields, demo_ws.regencies(), province_totals(demo_ws))
    qtmodeltester.check(pm)
    assert pm.columnCount() == 36
    row = demo_ws.election.form.field_keys.index("paslon_1")
    assert pm.index(row, 35).data() == "16.825.511"
    assert pm.index(row, 0).data() == "775.304"
    am = AuditModel()
    am.set_rows(demo_ws.conn.execute("SELECT id, at, actor, action, entity, after FROM audit").fetchall())
    qtmodeltester.check(am)
    fm = FindingsTree()
    from recap_app.core import reconcile

    reconcile.refresh_findings(demo_ws, "tester")
    fm.set_findings(reconcile.findings(demo_ws), {r.kode: r.nama for r in demo_ws.regions()},
                    lambda f: demo_ws.election.form.field_label(f.field))
    qtmodeltester.check(fm)
    assert fm.rowCount() < len(reconcile.findings(demo_ws))


def test_screenshot_on_a_fresh_machine_lands_on_the_demo(tmp_path):
    from recap_app.core.paths import demo_workspace_path
    from recap_app.ui.app import run

    out = tmp_path / "main.png"
    assert not demo_workspace_path().exists()
    assert run(screenshot=out) == 0
    assert demo_workspace_path().is_file()
    assert out.stat().st_size > 50_000
    from PySide6.QtGui import QImage

    img = QImage(str(out))
    assert (img.width(), img.height()) == (1366, 768)  # the screen of most office laptops


def test_missing_db_is_refused_with_a_message(tmp_path, capsys):
    from recap_app.ui.app import run

    assert run(db=tmp_path / "tidak-ada.sqlite", screenshot=tmp_path / "x.png") == 1
    err = capsys.readouterr().err
    assert "tidak ditemukan" in err
    assert not Path(tmp_path / "x.png").exists()


def test_plenary_steps_and_keeps_a_running_total(qtbot, demo_ws):
    from recap_app.ui.plenary import PlenaryWindow

    p = PlenaryWindow(demo_ws)
    qtbot.addWidget(p)
    assert p.title.text() == "33.01  KABUPATEN CILACAP"
    assert p.cells["paslon_1"][0].text() == "775.304"
    qtbot.keyClick(p, Qt.Key.Key_Right)
    assert p.title.text() == "33.02  KABUPATEN BANYUMAS"
    assert p.cells["paslon_1"][1].text() == "1.567.454"  # 775.304 + 792.150
    qtbot.keyClick(p, Qt.Key.Key_End)
    assert p.cells["paslon_1"][1].text() == "16.825.511"
    assert p.counter.text() == "35 dari 35 dibacakan"


def test_a_bug_is_reported_to_a_file_and_a_dialog(monkeypatch, qtbot):
    import sys

    from recap_app.core.paths import data_dir
    from recap_app.ui import app, widgets

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    shown = []
    monkeypatch.setattr(widgets, "inform", lambda parent, title, text, error=False: shown.append((title, text)))
    app.make_app("id")
    app.install_crash_handler()
    try:
        raise ValueError("angka aneh")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    [report] = (data_dir() / "laporan-galat").glob("galat-*.txt")
    assert "ValueError: angka aneh" in report.read_text(encoding="utf-8")
    assert shown[0][0] == "Kesalahan program" and str(report) in shown[0][1]


def test_open_workspace_action_opens_it_in_a_new_window(qtbot, monkeypatch, tmp_path, demo_ws):
    """The window asks for a workspace (workspace_requested); the program switches to it."""
    from PySide6.QtWidgets import QApplication

    from recap_app.core.store import Workspace
    from recap_app.ui.app import create_window, make_app

    make_app("id")
    other = tmp_path / "lain.sqlite"
    Workspace.create(other, "pilpres-2019-jateng", actor="operator").close()
    w = create_window(demo_ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    w.show()
    asked = []
    w.workspace_requested.connect(asked.append)
    type_into_dialog(qtbot, str(other))  # the file dialog: the name typed, Enter opens
    w.act_open.trigger()
    assert asked == [str(other)]
    [new] = [t for t in QApplication.topLevelWidgets() if t.objectName() == "mainWindow" and t.isVisible()]
    qtbot.addWidget(new)
    assert new is not w and new.ws.path == other and new.actor == "tester" and not w.isVisible()
    qtbot.waitUntil(lambda: not new.jobs.busy(), timeout=20000)
    new.close()
    new.ws.close()


def _tampered(tmp_path, _demo_master, sql):
    """A copy of the CONTOH workspace changed with the sqlite3 module, as a person with the file would."""
    import shutil
    import sqlite3

    from recap_app.core.store import Workspace

    path = tmp_path / "tampered.sqlite"
    shutil.copy(_demo_master, path)
    con = sqlite3.connect(path)
    with con:
        con.execute(sql)
    con.close()
    return Workspace.open(path)


def test_figures_changed_outside_the_program_open_a_red_banner_not_a_crash(qtbot, tmp_path, _demo_master):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    ws = _tampered(tmp_path, _demo_master, "UPDATE cell SET value = value + 100 WHERE revision_id = 1 "
                                           "AND field = 'paslon_1' AND kolom = '33.01.01'")
    make_app("id")
    w = MainWindow(ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    w.show()
    assert w.alert.isVisible()
    assert w._alert_kind == "integrity"
    text = w.alert.text()
    assert "Ruang kerja tidak utuh" in text and "sertifikat 33.01 telah diubah di luar program" in text
    assert "Pulihkan dari cadangan" in text
    w.open_region("33.01")  # the tampered revision is refused where it is read, with the same banner
    assert w.editor.kode != "33.01" or w._alert_kind == "integrity"
    w.close()
    ws.close()


def test_a_forged_adoption_is_never_shown_as_adopted(qtbot, tmp_path, _demo_master):
    from recap_app.core import certificate
    from recap_app.core.errors import WorkspaceError
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    ws = _tampered(tmp_path, _demo_master, "UPDATE certificate SET adopted_revision_id = (SELECT max(id) FROM "
                                           "revision WHERE region_kode = '33.02') WHERE region_kode = '33.02'")
    with pytest.raises(WorkspaceError) as err:
        certificate.statuses(ws)
    assert err.value.code == "tampered" and "penetapan sertifikat" in err.value.message
    make_app("id")
    w = MainWindow(ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    w.show()
    assert w._alert_kind == "integrity" and "penetapan sertifikat (certificate)" in w.alert.text()
    assert all(w.regency_model.index(r, 2).data() != "ditetapkan" for r in range(w.regency_model.rowCount()))
    w.close()
    ws.close()


def test_a_job_s_warning_shows_in_the_amber_banner(window, qtbot):
    window.jobs.warned.emit(["Cadangan otomatis (impor) GAGAL dibuat di /media/usb: disk penuh."])
    assert window.alert.isVisible() and window._alert_kind == "warning"
    assert "GAGAL" in window.alert.text()
    window.ws.warnings.append("Cadangan otomatis (edit) GAGAL dibuat.")
    window.refresh()
    assert "Cadangan otomatis (edit) GAGAL" in window.alert.text()
    assert window.ws.warnings == []  # shown once, then forgotten


def test_the_command_line_saves_the_picture_and_leaves_at_once(tmp_path, demo_ws):
    """`recap gui --screenshot` (a process): the picture saved, its line printed, exit 0; the
    workspace untouched and closed (it leaves without tearing down Qt, nothing is left to write)."""
    import os
    import subprocess
    import sys

    out = tmp_path / "jendela.png"
    before = demo_ws.conn.execute("SELECT COUNT(*), MAX(id) FROM audit").fetchone()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    r = subprocess.run([sys.executable, "-m", "recap_app", "gui", "--db", str(demo_ws.path), "--screenshot", str(out)],
                       capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
    assert f"Gambar jendela disimpan: {out}" in r.stdout
    assert out.stat().st_size > 50_000
    assert demo_ws.conn.execute("SELECT COUNT(*), MAX(id) FROM audit").fetchone() == before
    assert demo_ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    r = subprocess.run([sys.executable, "-m", "recap_app", "gui", "--db", str(tmp_path / "tidak.sqlite"),
                        "--screenshot", str(out.with_name("x.png"))], capture_output=True, text=True, env=env,
                       timeout=120)
    assert r.returncode == 1 and "tidak ditemukan" in r.stderr


def test_without_a_screen_the_window_says_so_instead_of_aborting(tmp_path, demo_ws):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    r = subprocess.run([sys.executable, "-m", "recap_app", "gui", "--db", str(demo_ws.path)], capture_output=True,
                       text=True, env=env, timeout=120)
    assert r.returncode == 1
    assert "tidak ada layar" in r.stderr and "--screenshot" in r.stderr


def test_a_job_s_outcome_is_told_without_a_box_that_would_take_the_clerk_s_keys(qtbot, window, tmp_path, monkeypatch):
    """A job that ends while the clerk types (here: templates written) says so in the status bar; no
    message box comes up over the editor to swallow the figures being typed (the autouse fixture
    fails on any box run). A failure is said in the amber banner until a job succeeds, and never
    over the red integrity banner."""
    from recap_app.ui import widgets
    from recap_app.ui.pages import importing

    window.open_region("33.01")
    page = window.pages.build("import")
    monkeypatch.setattr(importing, "choose_folder", lambda *a, **k: str(tmp_path / "templat"))
    window.editor.table.setFocus()
    page.write_templates()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=20000)
    assert window.statusBar().currentMessage().startswith("Templat: Templat dibuat di ")
    assert sorted(p.suffix for p in (tmp_path / "templat").iterdir())[:1] == [".xlsx"]
    widgets.tell(window.editor, "Impor gagal", "disk penuh", error=True)
    assert window.alert.isVisible() and window.alert.text() == "Impor gagal: disk penuh"
    widgets.tell(window.editor, "Templat", "selesai")
    assert not window.alert.isVisible()
    window.show_integrity_problem("sel diubah")
    widgets.tell(window.editor, "Impor gagal", "disk penuh", error=True)
    assert window.alert.text().startswith("Ruang kerja tidak utuh: sel diubah")


def test_a_message_longer_than_the_status_bar_is_shown_whole_above_the_pages(window):
    long = ("Pengguna 'operator1' (peran operator) tidak berhak menerbitkan hasil ke situs publik (izin 'publish'; "
            "dimiliki peran: ketua, admin). ") * 3
    window.show_message(long)
    assert window.alert.isVisible() and window.alert.text() == long
    assert window.statusBar().currentMessage() == long.strip()
    window.show_message("Sertifikat 33.01 disimpan sebagai revisi baru.")
    assert not window.alert.isVisible()
    assert window.statusBar().currentMessage() == "Sertifikat 33.01 disimpan sebagai revisi baru."
    window.show_alert("Ruang kerja diubah di luar program.", "integrity")
    window.show_message(long)
    assert window.alert.text() == "Ruang kerja diubah di luar program."  # never covered
