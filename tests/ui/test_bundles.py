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


def test_export_with_a_protected_key_asks_its_passphrase_once_and_again_after_a_wrong_one(qtbot, tmp_path, demo_ws,
                                                                                           monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from recap_app.core import office_key
    from recap_app.core.bundle.verify import verify_bundle
    from recap_app.ui import users
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    office_key.load_identity(create=True)
    office_key.change_passphrase(None, None, "kunci-kantor-panjang")
    typed = iter(["salah-sekali", "kunci-kantor-panjang"])
    asked, told = [], []

    def answer(dlg):
        asked.append(dlg.windowTitle())
        dlg.edit.setText(next(typed))
        return 1

    monkeypatch.setattr(users.PassphraseDialog, "exec", answer)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    make_app("id")
    w = MainWindow(demo_ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    page = w.pages["bundles"]
    page.export(str(tmp_path / "kirim.zip"))
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    assert asked == ["Kata sandi kunci kantor"] * 2
    assert told and "salah" in told[0]
    assert page.result.toPlainText().startswith("Bundel diekspor: ")
    signed = verify_bundle(tmp_path / "kirim.zip")  # raises unless signature and content hold
    assert office_key.fingerprint(signed.public_key) == office_key.public_identity().fingerprint


def test_export_cancelled_at_the_passphrase_writes_nothing(qtbot, tmp_path, demo_ws, monkeypatch):
    from recap_app.core import office_key
    from recap_app.ui import users
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    office_key.load_identity(create=True)
    office_key.change_passphrase(None, None, "kunci-kantor-panjang")
    monkeypatch.setattr(users.PassphraseDialog, "exec", lambda dlg: 0)
    make_app("id")
    w = MainWindow(demo_ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    before = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    assert w.pages["bundles"].export(str(tmp_path / "kirim.zip")) is None
    assert not (tmp_path / "kirim.zip").exists()
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before


def test_who_may_not_export_or_publish_is_told_before_any_passphrase(qtbot, tmp_path, demo_ws, monkeypatch):
    """An admin (no "bundle_export") or an operator (no "publish"): refused at once, never asked
    for the key's passphrase (which would let them try passphrases one after another)."""
    from recap_app.core import auth, office_key
    from recap_app.ui import users
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    office_key.load_identity(create=True)
    office_key.change_passphrase(None, None, "kunci-kantor-panjang")
    auth.add_user(demo_ws, "tester", "admin1", "admin", "rahasia-panjang-1")
    auth.add_user(demo_ws, "admin1", "operator1", "operator", "rahasia-panjang-2")
    asked = []
    monkeypatch.setattr(users.PassphraseDialog, "exec", lambda dlg: asked.append(dlg) or 0)
    make_app("id")
    w = MainWindow(demo_ws, "admin1", auto_check=False)
    qtbot.addWidget(w)
    assert w.pages["bundles"].export(str(tmp_path / "kirim.zip")) is None
    assert w.pages["bundles"].result.toPlainText().startswith(
        "GAGAL: Pengguna 'admin1' (peran admin) tidak berhak")
    w.set_actor("operator1")  # what the page said to admin1 is not left for the next user
    assert w.pages["bundles"].result.toPlainText() == ""
    said = []
    monkeypatch.setattr(w, "show_message", lambda text, *a, **k: said.append(text))
    page = w.pages["publication"]
    assert page.publish(str(tmp_path / "situs")) is None
    assert said and "tidak berhak" in said[0] and "'publish'" in said[0]
    assert asked == [] and not (tmp_path / "kirim.zip").exists() and not (tmp_path / "situs").exists()
