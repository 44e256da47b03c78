"""The certificate editor: typing, sums, paste, undo/redo, drafts and saving with a reason."""

import pytest
from helpers import type_into_dialog
from PySide6.QtCore import Qt

from recap_app.core import drafts
from recap_app.core.domain import JUMLAH
from recap_app.core.store import Workspace
from recap_app.ui.editor import CertificateModel, plan_changes

KESUGIHAN = "33.01.01"


def type_in_cell(qtbot, table, text):
    """Type like a clerk: the first key opens the cell editor, the rest go into it, then Enter."""
    from PySide6.QtWidgets import QLineEdit

    qtbot.keyClick(table, text[0])
    line = table.findChild(QLineEdit, "cellEditor")
    assert line is not None and line.text() == text[0]
    qtbot.keyClicks(line, text[1:])
    qtbot.keyClick(line, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)  # Qt commits queued


def test_model_passes_qt_model_tester(qtmodeltester, demo_ws):
    model = CertificateModel(demo_ws.election.form)
    info = demo_ws.latest_revision("33.01")
    model.load(list(info.columns), {}, demo_ws.revision_values(info.id))
    qtmodeltester.check(model)
    assert model.columnCount() == 25  # 24 kecamatan of Cilacap + JUMLAH
    assert model.rowCount() == 46  # 7 headings + 39 figures


def test_opens_latest_revision_laid_out_like_the_form(editor):
    m = editor.model
    assert editor.title.text() == "Sertifikat DB1-PPWP — 33.01 Kabupaten Cilacap"
    assert m.column_names[0] == "KESUGIHAN" and m.column_names[-1] == "JUMLAH"
    assert m.headerData(0, Qt.Orientation.Vertical) == "I  DATA PEMILIH DAN PENGGUNA HAK PILIH"
    assert m.headerData(2, Qt.Orientation.Vertical) == "I.A.1  Pemilih dalam Daftar Pemilih Tetap (DPT)  · LK"
    idx = m.index_of(m.columns[0], "dpt_l")
    assert idx.data() == "50.261"
    assert m.index_of(JUMLAH, "paslon_1").data() == "775.304"
    # blank is shown blank, not zero
    assert m.index_of(m.columns[0], "dptb_l").data() == ""
    # derived cells are shaded, typed cells are not
    assert m.index_of(m.columns[0], "dpt").data(Qt.ItemDataRole.BackgroundRole) is not None
    assert m.index_of(m.columns[0], "dpt_l").data(Qt.ItemDataRole.BackgroundRole) is None


def test_typing_enter_moves_down_updates_sums_and_keeps_a_draft(qtbot, editor):
    m = editor.model
    col = m.columns[0]
    editor.table.setCurrentIndex(m.index_of(col, "dpt_l"))
    editor.table.setFocus()
    type_in_cell(qtbot, editor.table, "50.300")
    assert m.values[col]["dpt_l"] == 50300
    assert m.values[col]["dpt"] == 50300 + 49441  # JML follows L + P
    assert m.values[JUMLAH]["dpt_l"] == 746142 + 39  # the JUMLAH column follows its kecamatan
    assert editor.table.currentIndex() == m.index_of(col, "dpt_p")  # Enter moved down
    d = drafts.load_draft(editor.ws, "33.01")
    assert d.values[col]["dpt_l"] == 50300 and d.saved_by == "tester"
    assert editor.save_btn.isEnabled()


def test_undo_and_redo(editor):
    m = editor.model
    col = m.columns[1]
    m.setData(m.index_of(col, "paslon_1"), "1.000")
    assert m.values[col]["paslon_1"] == 1000
    assert m.values[col]["suara_sah"] == 1000 + m.values[col]["paslon_2"]
    editor.undo_stack.undo()
    assert m.values[col]["paslon_1"] == 43395
    assert m.values[col]["suara_sah"] == 43395 + m.values[col]["paslon_2"]
    editor.undo_stack.redo()
    assert m.values[col]["paslon_1"] == 1000


def test_paste_a_block_with_dotted_numbers_and_dash(editor):
    m = editor.model
    col0, col1 = m.columns[0], m.columns[1]
    editor.table.setCurrentIndex(m.index_of(col0, "dptb_l"))
    assert editor.paste_text("12.345\t1.000\n5\t-\n")
    assert (m.values[col0]["dptb_l"], m.values[col1]["dptb_l"]) == (12345, 1000)
    assert (m.values[col0]["dptb_p"], m.values[col1]["dptb_p"]) == (5, 0)
    assert m.values[col0]["dptb"] == 12350  # JML filled from LK + PR
    editor.undo_stack.undo()  # one paste = one undo step
    assert m.values[col0]["dptb_l"] is None and m.values[col0]["dptb"] is None


def test_paste_refuses_a_non_number_and_changes_nothing(qtbot, editor):
    m = editor.model
    editor.table.setCurrentIndex(m.index_of(m.columns[0], "dptb_l"))
    with qtbot.waitSignal(editor.message) as sig:
        assert not editor.paste_text("12\t1,5\n")
    assert sig.args[0] == ("Tempel dibatalkan, tidak ada yang diubah: \u201c1,5\u201d bukan bilangan bulat "
                           "(contoh yang benar: 12.345 atau 12345).")
    assert m.values[m.columns[0]]["dptb_l"] is None
    assert drafts.load_draft(editor.ws, "33.01") is None


def test_delete_blanks_cells_not_zero(qtbot, editor):
    m = editor.model
    col = m.columns[2]
    sah = m.values[col]["suara_sah"]
    editor.table.setCurrentIndex(m.index_of(col, "paslon_2"))
    qtbot.keyClick(editor.table, Qt.Key.Key_Delete)
    assert m.values[col]["paslon_2"] is None
    assert m.index_of(col, "paslon_2").data() == ""
    assert m.values[col]["suara_sah"] == sah  # a sum is never blanked or recomputed from a blank part


def test_a_disagreeing_sum_is_left_as_typed():
    from recap_app.core.election import load_election

    e = load_election("pilpres-2019-jateng").form
    values = {"K": {"dpt_l": 10, "dpt_p": 5, "dpt": 99}, JUMLAH: {}}
    changes = plan_changes(values, {("K", "dpt_l"): 11}, e, ["K", JUMLAH])
    assert changes == {("K", "dpt_l"): 11, (JUMLAH, "dpt_l"): 11}


def test_draft_survives_closing_the_window(tmp_path, qtbot, editor):
    m = editor.model
    m.setData(m.index_of(m.columns[3], "suara_tidak_sah"), "777")
    path = editor.ws.path
    ws2 = Workspace.open(path)
    try:
        from recap_app.ui.editor import CertificateEditor

        ed2 = CertificateEditor(ws2, "tester")
        qtbot.addWidget(ed2)
        ed2.open_region("33.01")
        assert ed2.model.values[m.columns[3]]["suara_tidak_sah"] == 777
        assert ed2.info.text().startswith("Draf yang belum disimpan dipulihkan")
    finally:
        ws2.close()


def test_saving_a_received_certificate_asks_the_reason(monkeypatch, qtbot, window, editor):
    m = editor.model
    col = m.columns[0]
    m.setData(m.index_of(col, "suara_tidak_sah"), "1.234")
    type_into_dialog(qtbot, "salah ketik")  # the reason is one line: Enter saves
    assert editor.save()
    assert m.readonly  # nothing typed while the worker stores the figures
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=10000)
    revs = editor.ws.revisions("33.01")
    assert [r.number for r in revs] == [1, 2]
    assert revs[-1].reason == "salah ketik" and revs[-1].created_by == "tester"
    assert editor.ws.revision_values(revs[-1].id)[col]["suara_tidak_sah"] == 1234
    assert drafts.load_draft(editor.ws, "33.01") is None
    assert window.regency_model.index(0, 3).data() == "2"


def _typed_not_entered(qtbot, editor, col, field, text):
    """Type ``text`` in a cell like a clerk, without pressing Enter: the cell's editor stays open."""
    from PySide6.QtWidgets import QLineEdit

    m = editor.model
    editor.table.setCurrentIndex(m.index_of(col, field))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, text[0])
    line = editor.table.findChild(QLineEdit, "cellEditor")
    qtbot.keyClicks(line, text[1:])
    return line


def test_ctrl_s_with_a_refused_text_in_the_cell_saves_nothing_and_says_so(qtbot, window, editor):
    """A text that is not a figure, still in its cell (Enter refused it): Ctrl+S does not store the
    certificate without it, the cell keeps its text and its note, and the status bar says why."""
    m = editor.model
    col = m.columns[0]
    line = _typed_not_entered(qtbot, editor, col, "dpt_l", "41,000")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # refused: the cell keeps the cursor and the text
    said = []
    editor.message.connect(said.append)
    qtbot.keyClick(line, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert len(editor.ws.revisions("33.01")) == 1
    assert said and said[-1].startswith("Belum disimpan: sel yang sedang diisi berisi teks yang bukan angka.")
    assert editor.table.open_editor() is line and line.text() == "41,000" and editor.table.note.isVisible()
    assert m.values[col]["dpt_l"] == 50261
    qtbot.keyClick(line, Qt.Key.Key_Escape)  # the isian given up: the window closes without a question
    assert editor.table.open_editor() is None


def test_a_figure_typed_but_not_entered_is_saved_with_the_rest(qtbot, window, editor):
    m = editor.model
    col = m.columns[0]
    _typed_not_entered(qtbot, editor, col, "dpt_l", "50.300")
    type_into_dialog(qtbot, "salah ketik DPT")
    assert editor.save()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=10000)
    revs = editor.ws.revisions("33.01")
    assert [r.number for r in revs] == [1, 2]
    assert editor.ws.revision_values(revs[-1].id)[col]["dpt_l"] == 50300


def test_ctrl_q_keeps_a_figure_typed_but_not_entered_in_the_draft(qtbot, window, editor):
    m = editor.model
    col = m.columns[0]
    line = _typed_not_entered(qtbot, editor, col, "dpt_l", "50.300")
    qtbot.keyClick(line, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)  # Berkas › Keluar
    assert not window.isVisible()
    assert drafts.load_draft(editor.ws, "33.01").values[col]["dpt_l"] == 50300


def test_ctrl_q_with_a_refused_text_in_the_cell_asks_and_goes_back_to_it(qtbot, window, editor, monkeypatch):
    """A text that is not a figure still in its cell is never dropped unseen when the window closes:
    the clerk is asked, "Kembali ke sel" (the default) keeps the window and the text; leaving is a choice."""
    from recap_app.ui import widgets

    m = editor.model
    col = m.columns[0]
    line = _typed_not_entered(qtbot, editor, col, "dpt_l", "41,000")
    asked = []
    monkeypatch.setattr(widgets, "confirm", lambda parent, title, text, yes, no, default_yes=True: (
        asked.append((title, text, yes, no, default_yes)), False)[1])
    qtbot.keyClick(line, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("Keluar", 'Sel yang sedang diisi berisi "41,000", yang bukan angka; isian ini belum masuk draf '
                      "dan hilang bila program ditutup sekarang.", "Keluar tanpa isian ini", "Kembali ke sel", False)]
    assert window.isVisible() and editor.table.open_editor() is line and line.text() == "41,000"
    assert editor.table.note.isVisible()
    monkeypatch.setattr(widgets, "confirm", lambda *a, **k: True)
    qtbot.keyClick(line, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert m.values[col]["dpt_l"] == 50261 and drafts.load_draft(editor.ws, "33.01") is None


def test_saving_with_nothing_changed_stores_no_revision(qtbot, window, editor):
    m = editor.model
    col = m.columns[0]
    m.setData(m.index_of(col, "suara_tidak_sah"), "5")
    editor.undo_stack.undo()  # back to the stored figures: a draft is kept, nothing changed
    assert drafts.load_draft(editor.ws, "33.01") is not None
    said = []
    editor.message.connect(said.append)
    assert not editor.save()  # no reason asked, no revision, the draft gone
    assert said[-1] == "Tidak ada perubahan: angka sama dengan revisi 1; tidak ada revisi baru."
    assert len(editor.ws.revisions("33.01")) == 1 and drafts.load_draft(editor.ws, "33.01") is None


def test_a_draft_over_an_older_revision_asks_before_replacing_the_newer_one(qtbot, window, editor, monkeypatch):
    """Window B saved revision 2 while window A still held its typing over revision 1: A's save
    names revision 2 and asks; "Batal" stores nothing, "Simpan di atas revisi 2" stores revision 3."""
    from recap_app.core import certificate
    from recap_app.ui import editor as editor_module

    m = editor.model
    col = m.columns[0]
    m.setData(m.index_of(col, "suara_tidak_sah"), "777")  # A types: a draft over revision 1
    info = editor.ws.latest_revision("33.01")
    other = Workspace.open(editor.ws.path)  # B: another window, or an import, on the same file
    try:
        values = other.revision_values(info.id)
        values[col]["suara_tidak_sah"] = 999
        certificate.record_revision(other, "33.01", list(info.columns), values, actor="petugas_b",
                                    permission="import", reason="impor B")  # an import leaves A's draft alone
    finally:
        other.close()
    editor.open_region("33.01")  # A's draft comes back, based on revision 1
    assert m.values[col]["suara_tidak_sah"] == 777
    assert "sudah disimpan lagi (revisi 2 oleh petugas_b)" in editor.info.text()
    asked = []

    def answer(parent, title, text, yes, no, default_yes=True):
        asked.append((title, text, yes, default_yes))
        return len(asked) > 1

    monkeypatch.setattr(editor_module, "confirm", answer)
    assert not editor.save()
    assert asked[0][0] == "Sertifikat sudah berubah" and asked[0][2] == "Simpan di atas revisi 2" and not asked[0][3]
    assert asked[0][1].startswith("Sertifikat 33.01 sudah disimpan sebagai revisi 2 oleh petugas_b (")
    assert len(editor.ws.revisions("33.01")) == 2
    type_into_dialog(qtbot, "angka dari kertas A")
    assert editor.save()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=10000)
    revs = editor.ws.revisions("33.01")
    assert [r.number for r in revs] == [1, 2, 3]
    assert editor.ws.revision_values(revs[-1].id)[col]["suara_tidak_sah"] == 777


def test_cancelling_the_reason_saves_nothing(qtbot, editor):
    m = editor.model
    m.setData(m.index_of(m.columns[0], "suara_tidak_sah"), "5")
    type_into_dialog(qtbot, "batal saja", Qt.Key.Key_Escape)  # Esc cancels, whatever was typed
    assert not editor.save()
    assert len(editor.ws.revisions("33.01")) == 1
    assert drafts.load_draft(editor.ws, "33.01") is not None


def test_a_certificate_not_received_shows_no_blank_field_warnings(qtbot, tmp_path):
    """A regency whose certificate has not come yet opens empty: the live check says there are no
    figures yet instead of a warning for every blank field; the first figure typed is checked."""
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    make_app("id")
    ws = Workspace.create(tmp_path / "kosong.sqlite", "pilpres-2019-jateng", actor="tester")
    w = MainWindow(ws, "tester", auto_check=False)
    qtbot.addWidget(w)
    w.show()
    w.open_region("33.01")
    ed = w.editor
    assert ed.live.text() == "Pemeriksaan langsung: belum ada angka (semua isian kosong)"
    assert ed.model.marks == {}
    key = ed.model.form.field_keys[0]
    ed.model.setData(ed.model.index_of(ed.model.columns[0], key), "100", Qt.ItemDataRole.EditRole)
    ed.refresh_findings()
    assert ed.live.text().startswith("Pemeriksaan langsung: 0 kesalahan, ")
    assert ed.live.text() != "Pemeriksaan langsung: 0 kesalahan, 0 peringatan"  # the other fields are blank
    w.close()
    ws.close()


def test_enter_on_the_last_field_goes_to_the_top_of_the_next_column(qtbot, editor):
    """Enter after the last field (V.C) moves to the first field of the next kecamatan, so a next
    figure never types over the one just entered."""
    m = editor.model
    first, second = m.columns[0], m.columns[1]
    last = editor.ws.election.form.field_keys[-1]
    editor.table.setCurrentIndex(m.index_of(first, last))
    editor.table.setFocus()
    type_in_cell(qtbot, editor.table, "7")
    assert m.values[first][last] == 7
    assert editor.table.currentIndex() == m.index_of(second, "dpt_l")


@pytest.mark.parametrize("typed, figure", [("12.345", 12345), ("12345", 12345), ("999.999.999", 999_999_999),
                                           ("", None), ("-", 0), (" 1.234 ", 1234)])
def test_what_a_clerk_types_is_read_as_the_importer_reads_it(typed, figure):
    from recap_app.ui import fmt

    assert fmt.parse_cell(typed) == figure


@pytest.mark.parametrize("typed, said", [
    ("1.000.000.000", "\u201c1.000.000.000\u201d terlalu besar (paling besar 999.999.999)."),
    ("9999999999", "\u201c9999999999\u201d terlalu besar (paling besar 999.999.999)."),
    ("9" * 5000, f"\u201c{'9' * 40}\u2026\u201d terlalu besar (paling besar 999.999.999)."),  # int() refuses 4.300 digits
    ("\u0661\u0662\u0663", "\u201c\u0661\u0662\u0663\u201d bukan bilangan bulat (contoh yang benar: 12.345 atau 12345)."),
    ("41,000", "\u201c41,000\u201d bukan bilangan bulat (contoh yang benar: 12.345 atau 12345)."),
    ("-500", "\u201c-500\u201d negatif: angka sertifikat tidak boleh kurang dari nol (0 ditulis 0 atau -)."),
    ("\u22121.250", "\u201c\u22121.250\u201d negatif: angka sertifikat tidak boleh kurang dari nol (0 ditulis 0 atau -)."),
    ("-1,5", "\u201c-1,5\u201d bukan bilangan bulat (contoh yang benar: 12.345 atau 12345)."),
])
def test_a_figure_too_large_or_not_in_0_9_is_refused_in_the_cell(typed, said):
    from recap_app.ui.editor import refusal

    assert refusal(typed) == said


def test_ctrl_q_with_a_pasted_text_of_thousands_of_digits_asks_too(qtbot, window, editor, monkeypatch):
    from recap_app.ui import widgets

    line = _typed_not_entered(qtbot, editor, editor.model.columns[0], "dpt_l", "12")
    line.setText("9" * 5000)
    asked = []
    monkeypatch.setattr(widgets, "confirm", lambda *a, **k: (asked.append(a[2]), False)[1])
    qtbot.keyClick(line, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert asked == [f'Sel yang sedang diisi berisi "{"9" * 40}\u2026", yang bukan angka; isian ini belum masuk draf '
                     "dan hilang bila program ditutup sekarang."] and window.isVisible()
    qtbot.keyClick(line, Qt.Key.Key_Escape)
