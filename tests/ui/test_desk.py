"""The clerk's desk by keyboard: typing that is refused where it is, Excel's Tab…Enter, live checks,
grouped findings explained at once, find, printing to a queue, the plenary, comparison, the window
inside a small screen and remembered, one connection per thread."""

import json
import os
import stat
import threading

import pytest
from helpers import type_into_dialog, when_dialog_opens
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox

from recap_app.core import reconcile
from recap_app.core.documents import plenary as pl


def wait_jobs(qtbot, window):
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=60000)


def cell_editor(table):
    """The open cell editor (a closed one may linger until Qt deletes it)."""
    return next((e for e in table.findChildren(QLineEdit, "cellEditor") if e.isVisible()), None)


def type_cell(qtbot, table, text, key=Qt.Key.Key_Return):
    qtbot.keyClick(table, text[0])
    qtbot.keyClicks(cell_editor(table), text[1:])
    qtbot.keyClick(cell_editor(table), key)


# ---------------------------------------------------------------------- the editor
def test_f6_moves_the_keyboard_between_the_list_and_the_page(qtbot, window, editor):
    window.regency_view.setFocus()
    window.act_pane.trigger()
    assert window.focusWidget() is editor.table
    window.act_pane.trigger()
    assert window.focusWidget() is window.regency_view
    assert window.act_pane.shortcuts()[0].toString() == "F6"
    window.show_tab(4)  # Alt+5: Pleno, the keyboard in its first field
    assert window.tabs.currentWidget() is window.pages["plenary"]
    assert window.pages["plenary"].isAncestorOf(window.focusWidget())
    keys = {a.text(): a.shortcut().toString() for a in window.findChildren(QAction) if a.text() in (
        window.tabs.tabText(0), window.tabs.tabText(8), window.tabs.tabText(9))}
    assert keys == {"Sertifikat": "Alt+1", "Publikasi": "Alt+9", "Log audit": "Alt+0"}  # every page its key


def test_opening_a_regency_from_the_list_puts_the_keyboard_in_its_first_cell(qtbot, window):
    window.regency_view.setFocus()
    window.regency_view.setCurrentIndex(window.regency_model.index(1, 0))
    qtbot.keyClick(window.regency_view, Qt.Key.Key_Return)
    ed = window.editor
    assert ed.kode == "33.02" and window.focusWidget() is ed.table
    assert ed.model.cell(ed.table.currentIndex().row(), ed.table.currentIndex().column()) == (
        ed.model.columns[0], ed.model.form.field_keys[0])


@pytest.mark.parametrize("bad", ["x", "1,5", "1.2345"])
def test_a_refused_value_keeps_the_cursor_and_the_text_and_says_why(qtbot, editor, bad):
    table, m = editor.table, editor.model
    col = m.columns[0]
    start = m.index_of(col, "dpt_l")
    table.setCurrentIndex(start)
    table.setFocus()
    before = m.values[col]["dpt_l"]
    with qtbot.waitSignal(editor.message) as said:
        type_cell(qtbot, table, bad)
    qtbot.wait(50)
    assert table.currentIndex() == start  # Enter did not move on
    assert cell_editor(table).isVisible() and cell_editor(table).text() == bad
    note = table.findChild(QLabel, "cellRefusal")
    assert note.isVisible() and "bukan bilangan bulat" in note.text() and bad in note.text()
    assert "bukan bilangan bulat" in said.args[0]
    assert m.values[col]["dpt_l"] == before
    for key in (Qt.Key.Key_Tab, Qt.Key.Key_Down):  # neither Tab nor an arrow moves on either
        qtbot.keyClick(cell_editor(table), key)
        qtbot.wait(30)
        assert table.currentIndex() == start and cell_editor(table).text() == bad
    # corrected in place: stored, the note goes, Enter moves down
    ed_line = cell_editor(table)
    ed_line.selectAll()
    qtbot.keyClicks(ed_line, "50.300")
    qtbot.keyClick(ed_line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: m.values[col]["dpt_l"] == 50300)
    assert not note.isVisible()
    assert table.currentIndex() == m.index_of(col, "dpt_p")


def test_esc_reverts_a_refused_text(qtbot, editor):
    table, m = editor.table, editor.model
    start = m.index_of(m.columns[0], "dpt_l")
    table.setCurrentIndex(start)
    table.setFocus()
    type_cell(qtbot, table, "1,5")
    qtbot.wait(30)
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
    assert not table.findChild(QLabel, "cellRefusal").isVisible()


def test_tab_then_enter_returns_to_the_first_column_of_the_next_row(qtbot, editor):
    table, m = editor.table, editor.model
    c0, c1, c2 = m.columns[:3]
    table.setCurrentIndex(m.index_of(c0, "dptb_l"))
    table.setFocus()
    type_cell(qtbot, table, "11", Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: m.values[c0]["dptb_l"] == 11)
    qtbot.keyClicks(cell_editor(table), "12")  # Tab opened the next cell for typing
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: m.values[c1]["dptb_l"] == 12)
    qtbot.keyClicks(cell_editor(table), "13")
    qtbot.keyClick(cell_editor(table), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: m.values[c2]["dptb_l"] == 13)
    qtbot.waitUntil(lambda: table.currentIndex() == m.index_of(c0, "dptb_p"))


def test_cells_are_checked_as_they_are_typed(qtbot, editor):
    table, m = editor.table, editor.model
    col = m.columns[0]
    idx = m.index_of(col, "dpt")  # JML = LK + PR
    table.setCurrentIndex(idx)
    table.setFocus()
    type_cell(qtbot, table, "1")
    qtbot.waitUntil(lambda: m.values[col]["dpt"] == 1)
    assert not idx.data(Qt.ItemDataRole.DecorationRole).isNull()  # marked at once, nothing saved
    assert "F.101" in idx.data(Qt.ItemDataRole.ToolTipRole)
    assert editor.ws.latest_revision("33.01").number == 1
    assert "1 kesalahan" in editor.live.text() or "2 kesalahan" in editor.live.text()
    editor.undo_stack.undo()
    assert m.index_of(col, "dpt").data(Qt.ItemDataRole.DecorationRole) is None  # corrected: normal again


def test_ctrl_y_redoes_and_zoom_changes_the_figures_size(qtbot, window, editor):
    m = editor.model
    col = m.columns[1]
    m.setData(m.index_of(col, "paslon_1"), "1.000")
    qtbot.keyClick(editor.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert m.values[col]["paslon_1"] == 43395
    assert window.act_redo.shortcuts()[0].toString() == "Ctrl+Y"
    window.act_redo.trigger()
    assert m.values[col]["paslon_1"] == 1000
    size = editor.table.font().pointSizeF()
    window.act_zoom_in.trigger()
    window.act_zoom_in.trigger()
    assert editor.table.font().pointSizeF() > size
    window.act_zoom_reset.trigger()
    assert editor.table.font().pointSizeF() == size


def test_the_label_column_is_resized_by_dragging_its_edge(qtbot, editor):
    from PySide6.QtCore import QPoint

    labels = editor.table.verticalHeader()
    before = labels.width()
    edge = labels.width() - 2
    qtbot.mousePress(labels.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge, 40))
    qtbot.mouseMove(labels.viewport(), QPoint(edge + 120, 40))
    qtbot.mouseRelease(labels.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(edge + 120, 40))
    assert labels.width() > before
    assert editor.label_width() == labels.width()


def test_adoption_asks_and_lists_what_is_still_open(qtbot, monkeypatch, window):
    reconcile.refresh_findings(window.ws, "tester")
    window.set_actor("ketua")
    window.refresh()
    window.open_region("33.01")
    seen = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QDialog.exec(box))
    type_into_dialog(qtbot, "", Qt.Key.Key_Return, seen=seen)  # Enter: the default, Batal, with warnings open
    assert not window.editor.adopt()
    box = seen[0]
    assert "33 peringatan belum dijelaskan" in box.text() and "W.602 × 33" in box.text()
    assert box.defaultButton().text() == "&Batal"
    assert window.ws.adoption("33.01") is None



def test_open_errors_are_said_before_the_adoption_question_and_both_speak_english(qtbot, monkeypatch, window):
    """With an error still open the clerk is told at once (no question first, then a refusal); the
    question, the refusal and the reason asked before a change are in English in the English window."""
    import recap_app.ui.editor as editor_mod
    from recap_app.ui.app import make_app
    from recap_app.ui.editor import adopt_box, reason_dialog

    reconcile.refresh_findings(window.ws, "tester")
    window.set_actor("ketua")
    window.refresh()
    window.open_region("33.75")  # Kota Pekalongan: its JUMLAH column is 1 short of its kecamatan
    told, asked = [], []
    monkeypatch.setattr(editor_mod, "inform", lambda parent, title, text, error=False: told.append((title, text)))
    monkeypatch.setattr(editor_mod, "adopt_box", lambda *a: asked.append(a))
    make_app("en")
    try:
        assert not window.editor.adopt()
        monkeypatch.undo()
        box, yes = adopt_box(window.editor, "33.01")
        reason = reason_dialog(window)
        qtbot.addWidget(reason)
        assert box.windowTitle() == "Adopt certificate" and yes.text() == "&Adopt"
        assert box.text().startswith("Adopt the certificate of Kabupaten Cilacap (33.01) revision 1 (")
        assert "Still open: 33 warnings not explained" in box.text()
        assert reason.windowTitle() == "Reason for the change"
    finally:
        make_app("id")
    assert asked == [] and len(told) == 1 and told[0][0] == "Cannot be adopted"
    assert told[0][1].startswith("Kota Pekalongan (33.75) cannot be adopted: 1 error findings unresolved (")
    assert "[unresolved_errors]\n\nIn Indonesian, as recorded: Kota Pekalongan (33.75) tidak dapat ditetapkan: 1 " \
           "kesalahan belum diselesaikan" in told[0][1]
    assert window.ws.adoption("33.75") is None


def test_a_refused_save_s_banner_goes_when_the_same_page_saves_and_another_page_s_stays(qtbot, window):
    page = window.pages["plenary"]
    window.tabs.setCurrentWidget(page)
    page.place.setText("Semarang")
    page.time_start.setText("25.99")  # no time of day
    page.save_plenary()
    wait_jobs(qtbot, window)
    assert window._alert_kind == "job" and "Rapat pleno: " in window.alert.text()
    page.time_start.setText("09.00")
    page.save_plenary()
    wait_jobs(qtbot, window)
    assert window._alert_kind == "" and window.alert.isHidden()
    page.time_start.setText("9 pagi")
    page.save_plenary()
    wait_jobs(qtbot, window)
    assert window._alert_kind == "job"
    window.pages["bundles"]  # another page's job succeeding leaves the plenary's refusal said
    from recap_app.ui.jobs import _clear_failure_of

    _clear_failure_of(window.pages["bundles"])
    assert window._alert_kind == "job" and window.alert.isVisible()


def test_typing_into_an_adopted_certificate_is_said_not_ignored(qtbot, window):
    from recap_app.core import certificate

    reconcile.refresh_findings(window.ws, "tester")
    certificate.adopt(window.ws, "33.01", "ketua")
    window.refresh()
    window.open_region("33.01")
    table, before = window.editor.table, window.editor.model.values["33.01.01"]["dpt_l"]
    table.setFocus()
    table.setCurrentIndex(window.editor.model.index(2, 0))
    with qtbot.waitSignal(table.refused, timeout=2000) as said:
        qtbot.keyClick(table, Qt.Key.Key_5)
    assert said.args == ["Sertifikat ini sudah ditetapkan: hanya dapat dibaca. Ketua dapat membukanya kembali "
                         "(Buka kembali) bila angkanya harus diubah."]
    assert window.editor.model.values["33.01.01"]["dpt_l"] == before and not window.editor.has_draft()
    window.open_region("33.02")  # not adopted: typing opens the cell as before
    assert window.editor.model.readonly_reason == ""

# ---------------------------------------------------------------------- findings
def test_findings_are_grouped_explained_at_once_and_found(qtbot, window):
    reconcile.refresh_findings(window.ws, "tester")
    window.set_actor("pemeriksa")
    window.refresh()
    page = window.pages["findings"]
    window.tabs.setCurrentWidget(page)
    total = len(reconcile.findings(window.ws))
    assert total > 1000 and page.proxy.rowCount() == 36  # one error and 35 groups of blank fields
    # select three groups with the keyboard (Shift+Down) and explain them all in one go (Ctrl+Enter)
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(1, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(page.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    chosen = page.selected_findings()
    assert len(chosen) == 3 * 33
    type_into_dialog(qtbot, "Sumber contoh tidak memuat DPTb/DPK.", Qt.Key.Key_Return,
                     Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.explain_btn, Qt.MouseButton.LeftButton)
    wait_jobs(qtbot, window)
    stored = {f.key: f for f in reconcile.findings(window.ws)}
    assert all(stored[f.key].explanation["text"] == "Sumber contoh tidak memuat DPTb/DPK." for f in chosen)
    explains = window.ws.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'finding.explain'").fetchone()[0]
    assert explains == 1  # one record for the whole selection
    # Ctrl+F in the findings: only what holds the text, Enter steps through it (once the reason
    # dialog has really gone and the list has the keyboard back: on a loaded machine that takes a moment)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    page.view.setFocus()
    assert window.act_find.shortcut().toString() == "Ctrl+F"
    window.act_find.trigger()  # what Ctrl+F does (pressing it needs an active window, late on a loaded machine)
    bar = window.find_bar
    qtbot.waitUntil(bar.isVisible)
    assert bar.scope == "findings"
    qtbot.keyClicks(bar.edit, "138.320")
    assert bar.count.text() == "1 dari 1"
    assert page.selected().code == "F.501"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_find_a_regency_and_a_kecamatan(qtbot, window, editor):
    window.regency_view.setFocus()
    window.act_find.trigger()
    bar = window.find_bar
    assert bar.scope == "regencies"
    qtbot.keyClicks(bar.edit, "kudus")
    assert window.current_region() == "33.19"
    qtbot.keyClick(bar.edit, Qt.Key.Key_Escape)
    assert window.focusWidget() is window.regency_view
    window.open_region("33.01", focus=True)
    window.act_find.trigger()
    assert bar.scope == "editor"
    bar.edit.clear()
    qtbot.keyClicks(bar.edit, "ADIPALA")
    cur = editor.table.currentIndex()
    assert editor.model.column_names[cur.column()] == "ADIPALA"


# ---------------------------------------------------------------------- long work
def test_an_import_shows_in_the_status_bar_and_the_list_follows_each_file(qtbot, tmp_path, ws):
    from recap_app.core.demo import real_certificates
    from recap_app.core.importer import template
    from recap_app.ui.main_window import MainWindow

    certs = real_certificates("rekap")
    codes = ["33.01", "33.02", "33.03"]
    paths = template.write_templates(ws, codes, tmp_path / "x")
    for p, k in zip(paths, codes, strict=True):
        template.fill_template(p, *certs[k], ws.election.form)
    w = MainWindow(ws, "operator")
    qtbot.addWidget(w)
    w.show()
    seen_status, landed = [], []
    page = w.pages["import"]
    original = w.refresh_regencies

    def spy(snapshot=None):
        landed.append(sum(1 for r in range(w.regency_model.rowCount())
                          if w.regency_model.row_data(r)["status"] != "belum masuk"))
        original(snapshot)

    w.refresh_regencies = spy
    job = page.start_import(paths)
    job.signals.progress.connect(lambda *_: seen_status.append((w.job_status.isVisible(), w.job_status.bar.maximum())))
    assert QApplication.activeModalWidget() is None  # nothing modal: the window stays usable
    wait_jobs(qtbot, w)
    assert (True, 3) in seen_status and not w.job_status.isVisible()
    assert len(landed) >= 3  # the list was reloaded as the files landed, not only at the end
    assert w.progress.received.format() == "Diterima: 3 / 35"


def test_batal_in_the_status_bar_stops_after_the_running_step(qtbot, window):
    gate = threading.Event()

    def work(ws, progress, cancelled):
        for i in range(50):
            progress(i, 50, f"langkah {i}")
            gate.wait(5)
            if cancelled():
                from recap_app.core.errors import Cancelled

                raise Cancelled()
        return "selesai"

    got = []
    job = window.jobs.start(window.ws.path, work, "Uji", window)
    job.signals.cancelled.connect(lambda: got.append("batal"))
    qtbot.waitUntil(lambda: window.job_status.isVisible())
    qtbot.mouseClick(window.job_status.cancel_btn, Qt.MouseButton.LeftButton)
    gate.set()
    wait_jobs(qtbot, window)
    assert got == ["batal"] and not window.job_status.isVisible()


# ---------------------------------------------------------------------- printing
@pytest.fixture
def cups(tmp_path, monkeypatch):
    """A CUPS client that records what it is given: lpstat lists PDF (the default) and Kantor; lp keeps
    the file and its arguments."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    sent = tmp_path / "sent"
    sent.mkdir()
    (bin_dir / "lpstat").write_text("#!/bin/sh\ncase \"$1\" in -e) printf 'Kantor\\nPDF\\n';; "
                                    "-d) echo 'system default destination: PDF';; esac\n")
    (bin_dir / "lp").write_text(f"#!/bin/sh\nprintf '%s\\n' \"$@\" > {sent}/args\nfor a; do f=$a; done\n"
                                f"cp \"$f\" {sent}/job.pdf\necho 'request id is PDF-7 (1 file(s))'\n")
    for f in bin_dir.iterdir():
        f.chmod(f.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return sent


def test_printing_sends_the_vector_pdf_at_the_documents_paper_and_records_it(qtbot, window, cups):
    from pypdf import PdfReader

    window.ws.set_setting("office.paper", "F4", "tester")
    page = window.pages["documents"]
    window.tabs.setCurrentWidget(page)
    page.refresh()
    page.set_chosen(["sertifikat", "berita_acara"])
    seen = []

    def answer(dlg):
        seen.append(dlg)
        assert dlg.printer.currentText() == "PDF"  # the default queue first
        dlg.copies.setFocus()
        dlg.copies.selectAll()
        qtbot.keyClicks(dlg.copies, "2")
        qtbot.keyClick(dlg.copies, Qt.Key.Key_Return)  # Enter: Cetak

    when_dialog_opens(qtbot, answer)
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)  # Berkas › Cetak (Ctrl+P)
    wait_jobs(qtbot, window)
    assert seen and "Indonesia" not in seen[0].windowTitle()
    args = (cups / "args").read_text().split("\n")
    assert args[:4] == ["-d", "PDF", "-n", "2"] and "media=Custom.215x330mm" in args
    reader = PdfReader(str(cups / "job.pdf"))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(935, 609), (609, 935)}  # F4, the certificate landscape and the minutes portrait
    assert "/Font" in reader.pages[0]["/Resources"] and "/XObject" not in reader.pages[0]["/Resources"]
    assert (cups / "job.pdf").stat().st_size < 400_000  # vector pages, not page images
    actor, after = window.ws.conn.execute(
        "SELECT actor, after FROM audit WHERE action = 'document.printer'").fetchone()
    after = json.loads(after)
    assert actor == "tester" and (after["printer"], after["copies"], after["paper"]) == ("PDF", 2, "F4")
    assert [d["document"] for d in after["documents"]] == ["sertifikat", "berita_acara"]
    assert "PDF-7" in page.info.text()


def test_paper_of_the_settings_is_the_documents_pages_default(window):
    page = window.pages["documents"]
    assert page.paper.currentData() == "A4"
    window.ws.set_setting("office.paper", "F4", "tester")
    window.refresh()
    page.refresh()
    assert page.paper.currentData() == "F4"
    assert all("--region" not in page.list.item(i).text() for i in range(page.list.count()))


def test_a_contest_of_candidate_pairs_is_offered_no_seat_document(window):
    page = window.pages["documents"]
    window.tabs.setCurrentWidget(page)
    names = [page.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.list.count())]
    assert names == ["sertifikat", "rekapitulasi", "berita_acara", "kejadian_khusus", "kejadian_khusus_kosong",
                     "temuan", "sertifikat_kabupaten"]


# ---------------------------------------------------------------------- the plenary
def test_the_plenary_is_recorded_in_the_window_and_printed(qtbot, window):
    from PySide6.QtCore import QDate

    from recap_app.core.documents import render

    window.ws.set_setting("office.chair", "Yulianto Sudrajat", "tester")
    window.ws.set_setting("office.members", ["Diana Ariyanti", "Muslim Aisha"], "tester")
    page = window.pages["plenary"]
    window.tabs.setCurrentWidget(page)
    page.date.setDate(QDate(2019, 5, 4))
    for edit, text in ((page.time_start, "09.00"), (page.time_end, "17.30"), (page.place, "Hotel Patra Semarang")):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
    qtbot.keyClick(page.save_btn, Qt.Key.Key_Space)
    wait_jobs(qtbot, window)
    page.office_btn.click()
    wait_jobs(qtbot, window)
    page.person.setFocus()
    qtbot.keyClicks(page.person, "Fajar Subhi")
    page.person_role.setCurrentText("Bawaslu Provinsi")
    qtbot.keyClick(page.person, Qt.Key.Key_Return)  # Enter adds
    wait_jobs(qtbot, window)
    page.pair.setCurrentIndex(page.pair.findData(2))
    page.text.setFocus()
    qtbot.keyClicks(page.text, "Saksi paslon 02 keberatan atas selisih di Boyolali.")
    qtbot.keyClick(page.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_jobs(qtbot, window)
    rec = pl.plenary(window.ws)
    assert (rec.date, rec.time_start, rec.time_end, rec.place) == ("2019-05-04", "09.00", "17.30",
                                                                   "Hotel Patra Semarang")
    assert [a["name"] for a in rec.attendance] == ["Yulianto Sudrajat", "Diana Ariyanti", "Muslim Aisha",
                                                   "Fajar Subhi"]
    assert rec.objections[0]["nomor_urut"] == 2 and page.objections.rowCount() == 1
    import io

    from pypdf import PdfReader

    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(
        render(window.ws, ["berita_acara"]).pdf)).pages)
    text = " ".join(text.split())
    assert "Pada hari ini Sabtu tanggal Empat bulan Mei" in text and "Fajar Subhi" in text
    assert "dicatat 1 kejadian khusus dan/atau keberatan saksi" in text
    # a mistaken attendee is taken off again
    page.attendance.selectRow(3)
    page.remove_btn.click()
    wait_jobs(qtbot, window)
    assert [a["name"] for a in pl.plenary(window.ws).attendance][-1] == "Muslim Aisha"


def test_plenary_view_marks_status_and_reads_well(qtbot, demo_ws):
    from recap_app.core import certificate
    from recap_app.ui.plenary import BACKGROUND, PLENARY_COLOURS, STATUS_BADGE, PlenaryWindow, contrast

    assert all(contrast(c, BACKGROUND) >= 4.5 for c in PLENARY_COLOURS + tuple(STATUS_BADGE.values()))
    reconcile.refresh_findings(demo_ws, "tester")
    certificate.adopt(demo_ws, "33.01", "ketua")
    p = PlenaryWindow(demo_ws)
    qtbot.addWidget(p)
    assert p.badge.text().startswith("✔ DITETAPKAN")
    p.pos = [r.kode for r in p.regencies].index("33.74")
    qtbot.keyClick(p, Qt.Key.Key_Right)  # Kota Pekalongan: the open F.501
    assert p.badge.text().startswith("✖ ADA KESALAHAN TERBUKA (1)")


# ---------------------------------------------------------------------- comparison, users
def test_compare_with_the_programs_own_export_from_the_window(qtbot, tmp_path, window):
    from recap_app.core import export

    out = tmp_path / "rekap.csv"
    export.export(window.ws, "tester", out, "csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    row = next(i for i, ln in enumerate(lines) if ln.startswith("33.02,") and ",paslon_2," in ln)
    parts = lines[row].split(",")
    parts[7] = parts[7][:-2] + parts[7][-1] + parts[7][-2]  # two digits exchanged
    lines[row] = ",".join(parts)
    other = tmp_path / "lain.csv"
    other.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page = window.pages["compare"]
    window.tabs.setCurrentWidget(page)
    type_into_dialog(qtbot, str(other))  # the file dialog: the name typed, Enter
    page.choose_btn.click()
    wait_jobs(qtbot, window)
    assert page.table.rowCount() == 1 and page.table.item(0, 5).text() == "dua angka tertukar"
    assert "1 berbeda" in page.summary.text()
    page.table.setFocus()
    page.table.selectRow(0)
    page.open_cell()
    assert window.editor.kode == "33.02"


def test_users_and_roles_from_the_window(qtbot, window):
    from recap_app.core import auth
    from recap_app.ui.users import UsersDialog

    dlg = UsersDialog(window.ws, "tester", window)
    qtbot.addWidget(dlg)
    assert "mode terbuka" in dlg.note.text()
    assert dlg.add("admin1", "admin", "rahasia-panjang-1")
    assert not auth.open_mode(window.ws) and dlg.table.item(0, 1).text() == "admin"
    dlg.actor = "admin1"
    assert dlg.add("operator1", "operator", "rahasia-panjang-2")
    dlg.table.selectRow(1)
    dlg.role.setCurrentIndex(dlg.role.findData("verifikator"))
    assert dlg.change_role()
    assert auth.get_account(window.ws, "operator1").role == "verifikator"
    shown = []
    import recap_app.ui.users as users_mod

    users_mod.inform, old = (lambda parent, title, text, error=False: shown.append(text)), users_mod.inform
    try:
        dlg.actor = "operator1"  # not an admin: the core refuses, the dialog says so
        assert not dlg.toggle_active()
    finally:
        users_mod.inform = old
    assert shown == ["Pengguna 'operator1' (peran verifikator) tidak berhak mengelola akun pengguna (izin 'users'; "
                     "dimiliki peran: admin)."]
    assert auth.get_account(window.ws, "operator1").active


def test_the_office_key_passphrase_is_set_from_the_users_dialog(qtbot, window):
    """A workspace with accounts signs only with a protected key: the ketua or admin makes it (or
    protects the one there) in Pengguna dan peran; an operator is refused by the core."""
    import recap_app.ui.users as users_mod
    from recap_app.core import auth, office_key
    from recap_app.ui.users import KeyPassphraseDialog, UsersDialog

    auth.add_user(window.ws, "tester", "admin1", "admin", "rahasia-panjang-1")
    auth.add_user(window.ws, "admin1", "operator1", "operator", "rahasia-panjang-2")
    dlg = UsersDialog(window.ws, "operator1", window)
    qtbot.addWidget(dlg)
    assert dlg.key_note.text().startswith("Kunci kantor: belum ada di komputer ini.")
    shown = []
    users_mod.inform, old = (lambda parent, title, text, error=False: shown.append((text, error))), users_mod.inform
    try:
        assert not dlg.protect_key(None, "kabut-pagi-di-dieng-2019")
        assert "izin 'office_key'" in shown[-1][0] and shown[-1][1] and not office_key.default_key_path().exists()
        dlg.actor = "admin1"
        assert not dlg.protect_key(None, "pendek")
        assert shown[-1] == ("Kata sandi terlalu pendek: 6 karakter; minimal 10.", True)
        assert dlg.protect_key(None, "kabut-pagi-di-dieng-2019")
    finally:
        users_mod.inform = old
    ident = office_key.load_identity(create=False, passphrase="kabut-pagi-di-dieng-2019")
    assert ident.protected and shown[-1] == (
        f"Kunci kantor {ident.path} kini dilindungi kata sandi (sidik {office_key.grouped(ident.fingerprint)}). "
        "Kata sandi itu diminta setiap kali bundel atau situs ditandatangani; simpan di tempat aman.", False)
    assert dlg.key_note.text() == f"Kunci kantor: dilindungi kata sandi (sidik {office_key.grouped(ident.fingerprint)[:19]})."
    ask = KeyPassphraseDialog(dlg, exists=True, protected=True)  # changing it asks for the current one
    qtbot.addWidget(ask)
    assert ask.old is not None and ask.old.echoMode() == ask.old.EchoMode.Password
    shown.clear()
    users_mod.inform, old = (lambda parent, title, text, error=False: shown.append((text, error))), users_mod.inform
    try:
        for new, again in (("satu-kata-sandi-baru", "dua-kata-sandi-baru"), ("pendek", "pendek")):
            ask.new.setText(new)
            ask.again.setText(again)
            ask.accept()  # two different, or one the policy refuses: said, the dialog stays, both cleared
            assert ask.result() == 0 and ask.new.text() == ask.again.text() == ""
        dlg.actor = "operator1"  # who may not is told before the dialog opens
        assert not dlg.protect_key()
    finally:
        users_mod.inform = old
    assert shown[:2] == [("Kedua kata sandi baru tidak sama; tulis ulang.", True),
                         ("Kata sandi terlalu pendek: 6 karakter; minimal 10.", True)]
    assert len(shown) == 3 and "izin 'office_key'" in shown[2][0] and shown[2][1]


def test_in_english_the_cores_refusals_lead_with_their_english(qtbot, window):
    """The English window says what a refusal of the core means in English first (the refusal's own
    sentence, or its code's meaning), then the Indonesian message the audit log and the CLI keep."""
    import recap_app.ui.users as users_mod
    from recap_app.core import auth, office_key
    from recap_app.core.errors import RecapError
    from recap_app.ui import fmt
    from recap_app.ui.app import make_app
    from recap_app.ui.users import UsersDialog

    auth.add_user(window.ws, "tester", "admin1", "admin", "rahasia-panjang-1")
    auth.add_user(window.ws, "admin1", "operator1", "operator", "rahasia-panjang-2")
    make_app("en")
    shown = []
    users_mod.inform, old = (lambda parent, title, text, error=False: shown.append((text, error))), users_mod.inform
    try:
        dlg = UsersDialog(window.ws, "operator1", window)
        qtbot.addWidget(dlg)
        assert not dlg.protect_key(None, "kabut-pagi-di-dieng-2019")
        dlg.actor = "admin1"
        assert not dlg.protect_key(None, "pendek")
        other = fmt.refusal(RecapError("Berkas x.pdf sudah ada; tidak ditimpa.", "exists"))
    finally:
        users_mod.inform = old
        make_app("id")
    assert shown[0] == (
        "User 'operator1' (role operator) may not set the office key's passphrase (permission 'office_key'; "
        "held by the roles: ketua, admin). [forbidden]\n\nIn Indonesian, as recorded: Pengguna 'operator1' "
        "(peran operator) tidak berhak menetapkan kata sandi kunci kantor (izin 'office_key'; dimiliki peran: "
        "ketua, admin).", True)
    assert shown[1] == ("The password is too short: 6 characters; at least 10. [weak_password]\n\n"
                        "In Indonesian, as recorded: Kata sandi terlalu pendek: 6 karakter; minimal 10.", True)
    assert other == ("The target file exists; never overwritten. [exists]\n\n"
                     "In Indonesian, as recorded: Berkas x.pdf sudah ada; tidak ditimpa.")
    assert not office_key.default_key_path().exists()
    assert fmt.refusal(RecapError("Berkas x.pdf sudah ada; tidak ditimpa.", "exists")) == (
        "Berkas x.pdf sudah ada; tidak ditimpa.")  # the Indonesian window: the message alone


# ---------------------------------------------------------------------- the window itself
def test_the_window_fits_a_1366_by_768_screen_and_remembers_where_it_was(qtbot, demo_ws):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("id")
    w = MainWindow(demo_ws, "tester")
    qtbot.addWidget(w)
    w.show()
    hint = w.minimumSizeHint()
    assert hint.width() <= 1366 and hint.height() <= 768 - 40, hint
    w.restore_state()
    screen = w.screen().availableGeometry()
    assert w.width() <= screen.width() and w.height() <= screen.height()
    w.resize(770, 600)
    w.open_region("33.19")
    w.show_page("findings")
    w.close()
    w2 = MainWindow(demo_ws, "tester")
    qtbot.addWidget(w2)
    w2.show()
    w2.restore_state()
    assert (w2.width(), w2.height()) == (770, 600)
    assert w2.editor.kode == "33.19" and w2.tabs.currentWidget() is w2.pages["findings"]


def test_the_windows_connection_never_leaves_the_ui_thread(qtbot, window, tmp_path):
    """Every statement on the window's connection runs on the UI thread; each job has its own."""
    main = threading.get_ident()
    threads = set()
    window.ws.conn.set_trace_callback(lambda _sql: threads.add(threading.get_ident()))
    window.open_region("33.01")
    window.editor.model.setData(window.editor.model.index_of(window.editor.model.columns[0], "dptb_l"), "5")
    type_into_dialog(qtbot, "uji")
    window.editor.save()
    wait_jobs(qtbot, window)
    window.pages["findings"].recheck()
    wait_jobs(qtbot, window)
    window.pages["documents"].save_pdf(str(tmp_path / "a.pdf"))
    wait_jobs(qtbot, window)
    window.ws.conn.set_trace_callback(None)
    assert threads == {main}
    with pytest.raises(TypeError, match="must not carry a Workspace"):
        from functools import partial

        window.jobs.start(window.ws.path, partial(lambda ws, p, c, other: None, other=window.ws), "x")


def test_a_restore_closes_the_windows_connection_first_and_reopens(qtbot, monkeypatch, tmp_path, window):
    from recap_app.core import backup
    from recap_app.core import restore as restoring

    info = backup.make_backup(window.ws, tmp_path / "cadangan.sqlite", actor="tester")
    closed = []
    real_restore = restoring.restore

    def restore(source, path, user, password=None, **kw):
        closed.append(_is_closed(window.ws.conn))
        return real_restore(source, path, user, password, **kw)

    monkeypatch.setattr(restoring, "restore", restore)
    monkeypatch.setattr(QMessageBox, "exec", lambda box: QDialog.exec(box))
    asked = []
    window.workspace_requested.connect(asked.append)
    answers = [str(info.path), "Pulihkan", "Tutup"]  # the file dialog, the question, the result

    def act(dlg):
        step = answers.pop(0)
        if isinstance(dlg, QMessageBox):
            next(b for b in dlg.buttons() if b.text() == step).click()
        else:
            qtbot.keyClicks(dlg.focusWidget() or dlg, step)
            qtbot.keyClick(dlg.focusWidget() or dlg, Qt.Key.Key_Return)
        if answers:
            when_dialog_opens(qtbot, act)

    when_dialog_opens(qtbot, act)
    window.restore_backup()
    assert answers == []
    assert closed == [True]  # the file was replaced only after the window let go of it
    assert asked == [str(window.ws.path)]


def _is_closed(conn) -> bool:
    import sqlite3

    try:
        conn.execute("SELECT 1")
    except sqlite3.ProgrammingError:
        return True
    return False


def test_a_file_replaced_under_the_window_is_noticed(qtbot, monkeypatch, tmp_path, window):
    import shutil

    shown, asked = [], []
    import recap_app.ui.main_window as mw

    monkeypatch.setattr(mw, "inform", lambda parent, title, text, error=False: shown.append(text))
    window.workspace_requested.connect(asked.append)
    copy = tmp_path / "salinan.sqlite"
    shutil.copyfile(window.ws.path, copy)
    os.replace(copy, window.ws.path)  # e.g. recap restore from another terminal
    window.refresh()
    assert asked == [str(window.ws.path)] and "diganti di luar jendela" in shown[0]
    assert _is_closed(window.ws.conn)


def test_help_and_the_newest_election(qtbot, window):
    from recap_app.ui.help import GuideDialog
    from recap_app.ui.settings import NewWorkspaceDialog

    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    assert "Panduan petugas" in guide.view.toPlainText()
    assert window.act_guide.shortcuts()[0].toString() == "F1"
    assert window.act_print.shortcuts()[0].toString() == "Ctrl+P"
    dlg = NewWorkspaceDialog("tester", window)
    qtbot.addWidget(dlg)
    assert dlg.election.currentData() == "pilgub-jateng-2024"  # the newest polling day first


def test_english_mode_translates_finding_texts_and_dates(qtbot, demo_ws):
    from recap_app.ui import fmt
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("en")
    try:
        reconcile.refresh_findings(demo_ws, "tester")
        w = MainWindow(demo_ws, "tester")
        qtbot.addWidget(w)
        page = w.pages["findings"]
        w.tabs.setCurrentWidget(page)
        page.reload_page()
        error = page.proxy.index(0, 4).data()
        assert error.startswith("A regency's JUMLAH column = the sum of its kecamatan columns")
        assert "expected 138.320, recorded 138.319" in error
        assert fmt.when("2019-05-08T10:30:00+00:00") == "8 May 2019 17.30 WIB"
    finally:
        make_app("id")


def test_a_window_left_larger_than_this_screen_fills_it_and_a_picture_leaves_the_size_alone(qtbot, demo_ws):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow, window_settings

    make_app("id")
    s = window_settings()
    s.setValue("window/rect", [300, 200, 4000, 3000])  # closed on a much bigger screen
    s.sync()
    w = MainWindow(demo_ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    w.show()
    w.restore_state()
    screen = w.screen().availableGeometry()
    assert (w.width(), w.height()) == (screen.width(), screen.height())
    assert w.x() == screen.x() and w.y() == screen.y()
    w.close()
    pic = MainWindow(demo_ws, "tester", auto_check=False)
    qtbot.addWidget(pic)
    pic.picture_only = True
    pic.resize(1440, 900)
    pic.show()
    pic.close()
    assert [int(v) for v in window_settings().value("window/rect")][2:] == [screen.width(), screen.height()]


def test_the_pdf_is_offered_with_a_dated_name_in_the_folder_chosen_last_time(qtbot, window, tmp_path, monkeypatch):
    """Simpan PDF… offers "<document>-<election>-<date in WIB>.pdf" in the documents folder, and the
    next time in the folder the clerk chose then (kept per user, with the window's settings)."""
    from PySide6.QtWidgets import QFileDialog

    from recap_app.ui.pages import documents as documents_page

    monkeypatch.setenv("RECAP_FIXED_CLOCK", "2019-05-20T17:30:00Z")  # 21 May 00.30 WIB: the office's date
    docs = tmp_path / "Dokumen"
    docs.mkdir()
    monkeypatch.setattr(documents_page, "documents_folder", lambda: docs)
    page = window.pages["documents"]
    window.tabs.setCurrentWidget(page)
    page.set_chosen(["berita_acara"])
    chosen = tmp_path / "usb"
    chosen.mkdir()
    offered = []

    def answer(dlg):
        offered.append((dlg.directory().absolutePath(), dlg.findChild(QLineEdit).text()))
        name = dlg.findChild(QLineEdit)
        name.setText(str(chosen / "pleno.pdf"))  # the clerk types another folder and name
        qtbot.keyClick(name, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, answer, QFileDialog)
    page.save_pdf()
    wait_jobs(qtbot, window)
    assert offered == [(str(docs), "berita_acara-pilpres-2019-jateng-2019-05-21.pdf")]
    assert (chosen / "pleno.pdf").read_bytes().startswith(b"%PDF")
    page.set_chosen(["sertifikat", "berita_acara"])
    when_dialog_opens(qtbot, lambda dlg: (offered.append((dlg.directory().absolutePath(),
                                                          dlg.findChild(QLineEdit).text())), dlg.reject()), QFileDialog)
    page.save_pdf()
    assert offered[1] == (str(chosen), "dokumen-pilpres-2019-jateng-2019-05-21.pdf")


def test_a_window_too_big_for_the_screen_opens_maximised(qtbot, demo_ws):
    """The preferred size (or a size left on a bigger screen) larger than this screen: maximised,
    so that the window manager's frame and title bar fit too; a size that fits is kept as it is."""
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import PREFERRED_SIZE, MainWindow, window_settings

    make_app("id")
    w = MainWindow(demo_ws, "tester")
    qtbot.addWidget(w)
    screen = w.screen().availableGeometry()
    assert PREFERRED_SIZE[0] > screen.width() or PREFERRED_SIZE[1] > screen.height()  # the test screen is small
    w.restore_state()
    assert w.isMaximized()
    w.close()
    s = window_settings()
    s.setValue("window/rect", [0, 0, screen.width() - 20, screen.height() - 20])
    s.setValue("window/maximized", False)
    s.sync()
    w2 = MainWindow(demo_ws, "tester")
    qtbot.addWidget(w2)
    w2.restore_state()
    assert not w2.isMaximized()
    assert (w2.width(), w2.height()) == (max(w2.minimumWidth(), screen.width() - 20),
                                         max(w2.minimumHeight(), screen.height() - 20))


def test_the_roles_are_described_in_the_window_s_language(qtbot):
    from PySide6.QtWidgets import QComboBox

    from recap_app.core import auth
    from recap_app.ui.app import make_app
    from recap_app.ui.users import role_items

    try:
        for lang, words in (("en", auth.ROLE_TEXT_EN), ("id", auth.ROLE_TEXT)):
            make_app(lang)
            combo = QComboBox()
            role_items(combo, "ketua")
            assert [combo.itemText(i) for i in range(combo.count())] == [f"{r} — {words[r]}" for r in auth.MATRIX]
            assert combo.currentData() == "ketua"
    finally:
        make_app("id")
    assert set(auth.ROLE_TEXT_EN) == set(auth.ROLE_TEXT) == set(auth.MATRIX)
