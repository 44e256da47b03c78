"""The open certificate never shown stale: a revision stored by an import, a bundle or another window
reloads it (a draft kept, and said), and an adoption adopts only the revision the chair had open."""

import pytest
from openpyxl import load_workbook

from recap_app.core import certificate
from recap_app.core.errors import NotNow
from recap_app.core.importer import template
from recap_app.core.store import Workspace


def store_elsewhere(path, kode, field, figure, actor="petugas_b"):
    """Another window (or an import) on the same file stores a new revision of ``kode``; returns
    (the kecamatan column changed, the revision's number)."""
    other = Workspace.open(path)
    try:
        info = other.latest_revision(kode)
        values = other.revision_values(info.id)
        col = info.columns[0]
        values[col][field] = figure
        rid = certificate.record_revision(other, kode, list(info.columns), values, actor=actor,
                                          permission="import", reason="impor B")
        return col, other.revision_info(rid).number
    finally:
        other.close()


def wait_jobs(qtbot, window):
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=60000)


def test_a_revision_stored_elsewhere_reloads_the_open_certificate_where_the_cursor_was(qtbot, window, editor):
    m = editor.model
    editor.table.setCurrentIndex(m.index(5, 2))
    col, number = store_elsewhere(editor.ws.path, "33.01", "suara_tidak_sah", 4321)
    assert number == 2 and m.values[col]["suara_tidak_sah"] != 4321
    window.refresh()  # as after any job of the window (an import, a bundle, a restore)
    assert m.values[col]["suara_tidak_sah"] == 4321
    assert editor.info.text().startswith("Revisi 2, ") and "oleh petugas_b" in editor.info.text()
    assert editor.shown[0] == editor.ws.latest_revision("33.01").id
    assert (editor.table.currentIndex().row(), editor.table.currentIndex().column()) == (5, 2)
    assert "33.01 berubah di ruang kerja dan dimuat ulang (revisi 2 oleh petugas_b)" in \
        window.statusBar().currentMessage()
    window.refresh()  # nothing changed since: not loaded again
    assert "Revisi 2" in editor.info.text()


def test_a_draft_is_kept_when_a_newer_revision_arrives_and_the_note_says_so(qtbot, window, editor):
    m = editor.model
    col = m.columns[0]
    m.setData(m.index_of(col, "suara_tidak_sah"), "777")  # typing: a draft over revision 1
    store_elsewhere(editor.ws.path, "33.01", "suara_tidak_sah", 999)
    window.refresh()
    assert m.values[col]["suara_tidak_sah"] == 777  # nothing typed is thrown away
    assert editor.info.text().count("sudah disimpan lagi (revisi 2 oleh petugas_b)") == 1
    window.refresh()
    assert editor.info.text().count("sudah disimpan lagi (revisi 2 oleh petugas_b)") == 1  # said once
    assert editor.base_revision_id == editor.ws.revisions("33.01")[0].id  # a save is checked against rev 1


def test_an_import_from_the_window_reloads_the_open_certificate(qtbot, monkeypatch, tmp_path, window):
    window.open_region("33.02")
    [path] = template.write_templates(window.ws, ["33.02"], tmp_path)
    wb = load_workbook(path)
    sh = wb.worksheets[0]
    for c in range(template.FIRST_DATA_COL, sh.max_column + 1):
        sh.cell(template.FIRST_FORM_ROW + 2, c).value = 100  # I.A.1 DPT LK everywhere
    wb.save(path)
    monkeypatch.setattr("recap_app.ui.pages.importing.TextDialog.exec", lambda dlg: True)
    monkeypatch.setattr("recap_app.ui.pages.importing.TextDialog.text", lambda dlg: "berkas dari kabupaten")
    window.pages["import"].start_import([path])
    qtbot.waitUntil(lambda: window.ws.latest_revision("33.02").number == 2, timeout=60000)
    wait_jobs(qtbot, window)
    qtbot.waitUntil(lambda: editor_shows(window.editor, 100), timeout=10000)
    assert window.editor.info.text().startswith("Revisi 2, ")


def editor_shows(editor, figure):
    m = editor.model
    return m.values[m.columns[0]].get(m.form.field_keys[0]) == figure


def test_adopting_is_refused_when_another_revision_was_stored_since_it_was_shown(qtbot, window):
    window.set_actor("ketua")
    window.open_region("33.01")
    ed = window.editor
    seen = ed.shown[0]
    store_elsewhere(ed.ws.path, "33.01", "suara_tidak_sah", 4321)  # no refresh: the screen shows revision 1
    told = []
    ed.jobs = None  # the write here, its refusal caught
    import recap_app.ui.editor as editor_mod

    orig = editor_mod.tell
    editor_mod.tell = lambda parent, title, text, error=False: told.append((title, text))
    try:
        assert not ed.adopt(ask=False)
    finally:
        editor_mod.tell = orig
    assert window.ws.adoption("33.01") is None
    assert told[0][0] == "Tidak dapat ditetapkan"
    assert "sudah disimpan sebagai revisi 2 oleh petugas_b" in told[0][1] and "sesudah revisi 1 yang diperiksa" \
        in told[0][1]
    assert ed.shown[0] != seen  # the refusal showed revision 2 at once
    assert ed.adopt(ask=False)  # now seen: adopted
    assert window.ws.adoption("33.01")["revision_id"] == ed.ws.latest_revision("33.01").id


def test_the_adoption_question_names_the_revision_on_the_screen(qtbot, window):
    from recap_app.ui.editor import adopt_box

    window.set_actor("ketua")
    window.open_region("33.01")
    store_elsewhere(window.ws.path, "33.01", "suara_tidak_sah", 4321, actor="operator_c")
    box, _yes = adopt_box(window.editor, "33.01")
    assert "Kabupaten Cilacap (33.01) revisi 1 (" in box.text()  # the one shown, not the newer one
    window.refresh()
    box, _yes = adopt_box(window.editor, "33.01")
    assert "Kabupaten Cilacap (33.01) revisi 2 (" in box.text() and "oleh operator_c)?" in box.text()
    box, _yes = adopt_box(window.editor, "33.03")  # another regency: its own latest
    assert "(33.03) revisi 1 (" in box.text()


def test_a_user_switch_reloads_the_certificate_and_clears_the_refusal_said_to_the_one_before(qtbot, window, editor):
    window.show_message("Ditolak: " + "alasan panjang " * 40)  # a refusal too long for the bar: the banner
    assert window._alert_kind == "message" and window.alert.isVisible()
    col, _ = store_elsewhere(editor.ws.path, "33.01", "suara_tidak_sah", 55)
    window.set_actor("ketua")
    assert window.alert.isHidden() and window._alert_kind == ""
    assert editor.model.values[col]["suara_tidak_sah"] == 55


def test_the_core_refuses_an_adoption_of_a_revision_not_seen(demo_ws):
    first = demo_ws.latest_revision("33.01").id
    store_elsewhere(demo_ws.path, "33.01", "suara_tidak_sah", 4321)
    with pytest.raises(NotNow) as e:
        certificate.adopt(demo_ws, "33.01", "ketua", seen=first)
    assert e.value.code == "changed_meanwhile" and demo_ws.adoption("33.01") is None
    assert str(e.value).startswith("Kabupaten Cilacap (33.01) sudah disimpan sebagai revisi 2 oleh petugas_b (")
    assert "WIB" in str(e.value)
    rid = certificate.adopt(demo_ws, "33.01", "ketua", seen=demo_ws.latest_revision("33.01").id)
    assert demo_ws.adoption("33.01")["revision_id"] == rid
    assert certificate.revision_id_of(demo_ws, "33.01", 2) == rid


def test_recap_adopt_revision_adopts_only_the_revision_named(demo_ws):
    from click.testing import CliRunner

    from recap_app.cli import main

    path = demo_ws.path
    demo_ws.close()
    store_elsewhere(path, "33.01", "suara_tidak_sah", 4321)
    run = CliRunner().invoke
    r = run(main, ["adopt", "33.01", "--revision", "1", "--db", str(path), "--user", "ketua"])
    assert r.exit_code == 1 and "sudah disimpan sebagai revisi 2 oleh petugas_b" in r.output
    r = run(main, ["adopt", "33.01", "--revision", "7", "--db", str(path), "--user", "ketua"])
    assert r.exit_code == 1 and "Sertifikat 33.01 tidak mempunyai revisi 7 (ada: 1, 2)." in r.output
    with Workspace.open(path) as ws:
        assert ws.adoption("33.01") is None
    r = run(main, ["adopt", "33.01", "--revision", "2", "--db", str(path), "--user", "ketua"])
    assert r.exit_code == 0 and "Sertifikat 33.01 revisi 2 ditetapkan." in r.output


def test_the_editor_s_own_save_is_not_said_as_a_change_from_elsewhere(qtbot, window, editor):
    from helpers import type_into_dialog

    m = editor.model
    col = m.columns[0]
    m.setData(m.index_of(col, "suara_tidak_sah"), "778")
    said = []
    window.statusBar().messageChanged.connect(said.append)
    type_into_dialog(qtbot, "salah ketik")
    assert editor.save()
    wait_jobs(qtbot, window)
    assert editor.ws.latest_revision("33.01").number == 2 and m.values[col]["suara_tidak_sah"] == 778
    assert not [t for t in said if "dimuat ulang" in t] and editor.own_write is None
    assert "Sertifikat 33.01 disimpan sebagai revisi baru." in said


def test_a_write_by_another_process_is_shown_without_any_action_of_the_window(qtbot, window, editor):
    """`recap import` beside the window, or a second clerk's window on the same file: the window
    looks every few seconds (and when activated) and shows the workspace as it is."""
    col, number = store_elsewhere(editor.ws.path, "33.01", "suara_tidak_sah", 777)
    assert editor.model.values[col]["suara_tidak_sah"] != 777
    assert window._outside.interval() == 3000 and window._outside.isActive()
    assert window.check_outside_changes()
    assert editor.model.values[col]["suara_tidak_sah"] == 777 and editor.info.text().startswith(f"Revisi {number}, ")
    assert not window.check_outside_changes()  # nothing new since
    store_elsewhere(editor.ws.path, "33.01", "suara_tidak_sah", 778)
    qtbot.waitUntil(lambda: editor.model.values[col]["suara_tidak_sah"] == 778, timeout=8000)  # by the timer


def test_the_window_s_own_jobs_are_not_taken_for_outside_writes(qtbot, window, editor):
    m = editor.model
    m.setData(m.index_of(m.columns[0], "suara_tidak_sah"), "779")
    from helpers import type_into_dialog

    type_into_dialog(qtbot, "salah ketik")
    assert editor.save()
    wait_jobs(qtbot, window)
    assert not window.check_outside_changes()  # the job's refresh showed it already


def test_an_adoption_naming_another_certificate_s_revision_or_no_regency_is_refused_as_such(demo_ws):
    other = demo_ws.latest_revision("33.75").id
    with pytest.raises(NotNow) as e:
        certificate.adopt(demo_ws, "33.01", "ketua", seen=other)
    assert e.value.code == "no_revision" and "bukan revisi sertifikat 33.01" in str(e.value)
    with pytest.raises(NotNow) as e:
        certificate.revision_id_of(demo_ws, "99.99", 1)
    assert e.value.code == "unknown_region"
    assert demo_ws.adoption("33.01") is None


def test_a_connection_that_lost_its_file_is_reopened_not_a_crash(qtbot, window, monkeypatch):
    """The file's -wal/-shm removed by another program while the window is open: SQLite answers
    "malformed" to the window's connection; the window says so and opens the workspace again."""
    import sqlite3

    from recap_app.ui import app as app_mod
    from recap_app.ui import main_window

    told, asked = [], []
    monkeypatch.setattr(main_window, "inform", lambda parent, title, text, error=False: told.append(text))
    window.workspace_requested.connect(asked.append)
    assert app_mod._reconnect(sqlite3.DatabaseError("database disk image is malformed"))
    assert asked == [str(window.ws.path)]
    assert told[0].startswith("Jendela tidak lagi dapat membaca berkas ruang kerja seperti yang ditulis SQLite "
                              "(database disk image is malformed)")
    assert not window.connection_lost(sqlite3.DatabaseError("lagi"))  # once


def test_accounts_made_outside_the_window_ask_whoever_acts_to_log_in(qtbot, window, monkeypatch):
    from recap_app.core import auth
    from recap_app.ui import main_window

    other = Workspace.open(window.ws.path)
    try:
        auth.add_user(other, "tester", "uadmin", "admin", "rahasia-panjang-1")
    finally:
        other.close()
    told, logins = [], []
    monkeypatch.setattr(main_window, "inform", lambda parent, title, text, error=False: told.append(text))
    monkeypatch.setattr(window, "switch_user", lambda: logins.append(True))
    assert window.check_outside_changes()
    assert told == ["Ruang kerja kini memakai akun: masuk dengan akun Anda."] and logins == [True]
    assert not window.pages["import"].choose_btn.isEnabled()  # 'tester' has no account: nothing is offered
