"""The TPS behind a kecamatan figure, opened from a certificate cell and from a finding, on the real data:
the CONTOH workspace (35 real certificates) with the 115.401 TPS of Jawa Tengah (Situng) imported."""

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

REAL = Path(__file__).resolve().parent.parent / "data" / "tps" / "pilpres2019_jateng_tps_situng.csv.gz"


@pytest.fixture(scope="module")
def _tps_master(tmp_path_factory):
    """The CONTOH workspace with the real TPS file imported, made once for the module."""
    from recap_app.core.demo import make_demo
    from recap_app.core.tps_import import import_tps

    d = tmp_path_factory.mktemp("tpsui")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RECAP_HOME", str(d / "home"))
        ws = make_demo(d / "master.sqlite", actor="tester")
        assert import_tps(ws, REAL, "tester").jumlah_tps == 115401
        ws.close()
    return d / "master.sqlite"


@pytest.fixture
def tps_window(qtbot, tmp_path, _tps_master):
    from recap_app.core.store import Workspace
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    path = tmp_path / "demo.sqlite"
    shutil.copy(_tps_master, path)
    ws = Workspace.open(path)
    make_app("id")
    w = MainWindow(ws, "tester")
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.jobs.shutdown()
    ws.close()


def opened(qtbot, window):
    qtbot.waitUntil(lambda: getattr(window, "tps_dialog", None) is not None and window.tps_dialog.isVisible(),
                    timeout=20000)
    return window.tps_dialog


def test_from_a_kecamatan_cell_of_the_certificate(qtbot, tps_window, tmp_path):
    """BINANGUN (Cilacap), IV.2 paslon 2: the certificate says 8.425, its 198 TPS add up to 8.415;
    TPS 3 of SIDAYU (line 821 of the file) typed 10 where 20 makes its own F.201 hold."""
    w = tps_window
    w.open_region("33.01", "33.01.04", "paslon_2")
    qtbot.keyClick(w.editor.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dlg = opened(qtbot, w)
    assert dlg.windowTitle() == "Data TPS di balik angka kecamatan BINANGUN"
    assert dlg.heading.text() == "Kecamatan BINANGUN (33.01.04), Kabupaten Cilacap: 198 TPS di 17 desa/kelurahan"
    assert "bahan pembanding, bukan hasil resmi" in dlg.note.text()
    assert dlg.current_field() == "paslon_2"
    assert dlg.table.rowCount() == 198
    assert sum(dlg.figures_shown()) == 8415
    assert dlg.summary.text() == ("Jumlah 198 TPS: <b>8.415</b> · Sertifikat Kabupaten Cilacap, revisi 1: <b>8.425</b>"
                                  " · Selisih (sertifikat − jumlah TPS): <b style='color:#b71c1c'>10</b>")
    row = next(r for r in range(198) if dlg.table.item(r, 2).text() == "821")
    assert [dlg.table.item(row, c).text() for c in range(5)] == ["SIDAYU (33.01.04.2016)", "3", "821", "10", "F.201"]
    assert dlg.table.item(row, 0).font().bold()  # the TPS the hint names
    assert dlg.hints.text().startswith("Petunjuk salah ketik: selisih 10 adalah satu angka (1) pada tempat puluhan")
    assert "TPS 3 desa SIDAYU (baris 821): IV.2 suara paslon 2 tercatat 10; bila 20" in dlg.hints.text()
    # another field: V.A suara sah, 102 fewer on the certificate, no hint
    dlg.field.setCurrentIndex(dlg.field.findData("suara_sah"))
    assert dlg.table.horizontalHeaderItem(3).text() == "V.A suara sah"
    assert sum(x for x in dlg.figures_shown() if x is not None) == 37932
    assert dlg.summary.text().endswith("<b>37.830</b> · Selisih (sertifikat − jumlah TPS): "
                                       "<b style='color:#b71c1c'>-102</b>")
    assert not dlg.hints.isVisible()
    dlg.field.setCurrentIndex(dlg.field.findData("paslon_2"))
    dlg.grab().save(str(tmp_path / "tps.png"))
    # nothing written: the TPS are a source to compare with
    before = w.ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert not dlg.isVisible()
    assert w.ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before


def test_from_a_finding_on_a_kecamatan_cell(qtbot, tps_window):
    """A clerk types BINANGUN's paslon 2 as 8.451 (digits swapped): F.201 on its V.A suara sah
    (29.405 + 8.451 ≠ 37.830); the finding opens the TPS behind V.A (37.932), and IV.2 beside it
    shows the 8.415 of the TPS against the 8.451 typed."""
    from recap_app.core import certificate, reconcile

    ws = tps_window.ws
    info = ws.latest_revision("33.01")
    values = ws.revision_values(info.id)
    values["33.01.04"]["paslon_2"] = 8451
    certificate.save(ws, "33.01", list(info.columns), values, "tester", "salah ketik dari kertas")
    reconcile.refresh_findings(ws, "tester")
    tps_window.refresh()
    tps_window.show_page("findings")
    page = tps_window.pages["findings"]
    page.reload_page()
    page.view.expandAll()
    leaves = page._visible_leaves()
    target = next(ix for ix in leaves if (f := page.model.finding(page.keys_of(ix)[0])) is not None
                  and f.column == "33.01.04" and f.code == "F.201")
    page.view.setCurrentIndex(target)
    f = page.selected()
    assert (f.code, f.region, f.column, f.field) == ("F.201", "33.01", "33.01.04", "suara_sah")
    qtbot.mouseClick(page.tps_btn, Qt.MouseButton.LeftButton)
    dlg = opened(qtbot, tps_window)
    assert dlg.current_field() == "suara_sah" and sum(x for x in dlg.figures_shown() if x is not None) == 37932
    assert dlg.summary.text().endswith("revisi 2: <b>37.830</b> · Selisih (sertifikat − jumlah TPS): "
                                       "<b style='color:#b71c1c'>-102</b>")
    dlg.field.setCurrentIndex(dlg.field.findData("paslon_2"))
    assert sum(dlg.figures_shown()) == 8415
    assert dlg.summary.text().endswith("revisi 2: <b>8.451</b> · Selisih (sertifikat − jumlah TPS): "
                                       "<b style='color:#b71c1c'>36</b>")
    assert dlg.hints.text().startswith("Petunjuk salah ketik: angka sertifikat 8.451 mirip jumlah TPS 8.415")


def test_a_column_that_is_no_kecamatan_and_a_workspace_without_tps(qtbot, window):
    window.open_region("33.01", "JUMLAH", "paslon_2")
    assert window.show_tps() is None
    assert window.statusBar().currentMessage().startswith("Pilih sel di kolom kecamatan")
    window.show_tps("33.01.04", "paslon_2")
    dlg = opened(qtbot, window)
    assert dlg.view is None and dlg.heading.text() == "Data TPS tidak dapat ditampilkan"
    assert dlg.note.text().startswith("Belum ada data TPS yang diimpor di ruang kerja")
