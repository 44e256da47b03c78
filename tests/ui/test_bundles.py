"""Bundles from the window: export, verify, import, and a conflict decided by a person."""

from recap_app.core import certificate
from recap_app.core.bundle import export
from recap_app.core.domain import JUMLAH
from recap_app.core.store import Workspace


def _change(ws, kode, field, delta, actor):
    info = ws.latest_revision(kode)
    values = ws.revision_values(info.id)
    values[JUMLAH][field] += delta
    certificate.record_revision(ws, kode, list(info.columns), values, actor=actor, reason="perbaikan")
    return values[JUMLAH][field]


def test_import_with_a_conflict_then_keep_theirs(qtbot, tmp_path, demo_ws):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("id")
    target = Workspace.create(tmp_path / "t.sqlite", "pilpres-2019-jateng", actor="penerima")
    w = MainWindow(target, "penerima")
    qtbot.addWidget(w)
    w.show()
    page = w.pages["bundles"]
    w.tabs.setCurrentWidget(page)
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    page.accept_key.setChecked(True)
    page.import_(str(b1))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert w.progress.received.format() == "Diterima: 35 / 35"
    assert "16.825.511" in w.totals_bar.pairs[0].text()
    theirs = _change(demo_ws, "33.01", "paslon_2", 2, "tester")
    _change(target, "33.01", "paslon_2", -2, "penerima")
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    page.accept_key.setChecked(False)
    page.import_(str(b2))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert page.conflicts.count() == 1
    assert page.conflicts.item(0).text() == "33.01 Kabupaten Cilacap — dari 33 nomor 2, 1 isian berbeda"
    page.conflicts.setCurrentRow(0)
    assert page.resolve("theirs")
    assert page.result.toPlainText() == "Sertifikat 33.01: versi kiriman disimpan sebagai revisi baru."
    assert page.conflicts.count() == 0
    latest = target.latest_revision("33.01")
    assert target.revision_values(latest.id)[JUMLAH]["paslon_2"] == theirs
    page.verify(str(b2))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert page.result.toPlainText().splitlines()[:2] == [
        "SAH: tanda tangan, sidik jari isi dan bentuk data benar.",
        "Pengirim: KPU Provinsi Jawa Tengah (33), tingkat provinsi"]
