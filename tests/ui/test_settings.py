"""Office settings and a new workspace from the window."""

from recap_app.ui.settings import NewWorkspaceDialog, SettingsDialog


def test_office_settings_are_kept_in_the_workspace(qtbot, window):
    dlg = SettingsDialog(window.ws, "tester", window)
    qtbot.addWidget(dlg)
    dlg.name.setText("KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH")
    dlg.city.setText("Semarang")
    dlg.chair.setText("Yulianto Sudrajat")
    dlg.members.setPlainText("Anggota Satu\nAnggota Dua\n")
    dlg.witnesses[1].setText("Saksi Satu")
    dlg.witnesses[2].setText("Saksi Dua")
    dlg.witness_status[2].setCurrentIndex(dlg.witness_status[2].findData("refused"))
    dlg.paper.setCurrentIndex(dlg.paper.findData("F4"))
    dlg.accept()
    ws = window.ws
    assert ws.setting("office.chair") == "Yulianto Sudrajat"
    assert ws.setting("office.members") == ["Anggota Satu", "Anggota Dua"]
    assert ws.setting("office.city") == "Semarang"
    assert ws.setting("office.paper") == "F4"
    assert ws.setting("office_code") == "33"
    from recap_app.core.documents import plenary

    w = plenary.plenary(ws).witnesses
    assert (w[1]["name"], w[1]["status"]) == ("Saksi Satu", "present")
    assert (w[2]["name"], w[2]["status"]) == ("Saksi Dua", "refused")
    window.update_title()
    assert window.windowTitle().startswith("[CONTOH] KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH — ")


def test_new_simulation_workspace(qtbot, tmp_path):
    from recap_app.core.store import Workspace
    from recap_app.ui.app import make_app

    make_app("id")
    dlg = NewWorkspaceDialog("tester")
    qtbot.addWidget(dlg)
    dlg.election.setCurrentIndex(dlg.election.findData("pilgub-jateng-2024"))
    assert dlg.file.text().endswith("pilgub-jateng-2024.sqlite")
    dlg.file.setText(str(tmp_path / "latihan.sqlite"))
    dlg.simulation.setChecked(True)
    dlg.accept()
    assert dlg.path == tmp_path / "latihan.sqlite"
    with Workspace.open(dlg.path) as ws:
        assert ws.simulation and ws.election.id == "pilgub-jateng-2024"
        assert len(ws.regencies()) == 35


def test_login_checks_the_password_when_accounts_exist(qtbot, monkeypatch, ws):
    from recap_app.core import auth
    from recap_app.ui import settings
    from recap_app.ui.app import make_app
    from recap_app.ui.settings import LoginDialog

    make_app("id")
    auth.add_user(ws, "tester", "ketua", "admin", "Gunung-lawu-45-kabut")
    shown = []
    monkeypatch.setattr(settings, "inform", lambda parent, title, text, error=False: shown.append(text))
    dlg = LoginDialog(ws, "ketua")
    qtbot.addWidget(dlg)
    assert not dlg.open_mode
    dlg.password.setText("salah")
    dlg.accept()
    assert dlg.actor is None and shown == ["Nama pengguna atau kata sandi salah untuk 'ketua'."]
    dlg.password.setText("Gunung-lawu-45-kabut")
    dlg.accept()
    assert dlg.actor == "ketua"


def test_an_office_code_that_is_no_region_of_the_workspace_is_refused_and_nothing_is_saved(qtbot, window,
                                                                                          monkeypatch):
    import recap_app.ui.settings as settings_mod
    from recap_app.core.errors import ElectionError

    said = []
    monkeypatch.setattr(settings_mod, "inform", lambda parent, title, text, error=False: said.append(text))
    ws = window.ws
    before = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    dlg = SettingsDialog(ws, "tester", window)
    qtbot.addWidget(dlg)
    dlg.city.setText("Semarang")
    dlg.code.setText("abc")
    dlg.accept()
    assert dlg.result() == 0 and said == [
        "Kode kantor 'abc' bukan kode provinsi dalam daftar wilayah ruang kerja ini; diharapkan 33. "
        "Pengaturan tidak diubah."]
    assert ws.setting("office.city") is None and ws.setting("office_code") is None  # all or nothing
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    for wrong in ("33.01", "34", "", None, 33):  # a kabupaten/kota at a province office, another province
        try:
            ws.set_setting("office_code", wrong, "tester")
        except ElectionError as exc:
            assert exc.code == "unknown_office"
        else:
            raise AssertionError(f"{wrong!r} was taken")
    ws.set_setting("office_code", "33", "tester")
    assert ws.setting("office_code") == "33"
