"""Import from the window: a near kecamatan name is confirmed in a dialog, then remembered."""

from recap_app.core.importer import template


def test_near_name_is_confirmed_then_imported(qtbot, monkeypatch, tmp_path, ws):
    from openpyxl import load_workbook

    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow
    from recap_app.ui.pages import importing

    make_app("id")
    [path] = template.write_templates(ws, ["33.02"], tmp_path)
    wb = load_workbook(path)
    sh = wb.worksheets[0]
    for c in range(template.FIRST_DATA_COL, sh.max_column + 1):
        if sh.cell(template.HEADER_ROW + 1, c).value == "KARANG LEWAS":
            sh.cell(template.HEADER_ROW + 1, c).value = "KARANGLEWAS"  # spelled as another source does
        if sh.cell(template.HEADER_ROW, c).value not in (None, "JUMLAH"):
            sh.cell(template.HEADER_ROW, c).value = None  # no codes: matched by name
        sh.cell(template.FIRST_FORM_ROW + 2, c).value = 100  # I.A.1 DPT LK
    wb.save(path)
    w = MainWindow(ws, "operator")
    qtbot.addWidget(w)
    w.show()
    asked = []

    def answer(parent, title, text, yes, no, default_yes=True):
        asked.append((title, text))
        assert not default_yes  # Enter from a clerk typing elsewhere answers "Jangan impor"
        return True

    monkeypatch.setattr(importing, "confirm", answer)
    w.pages["import"].start_import([path])
    qtbot.waitUntil(lambda: not w.jobs.busy() and len(asked) == 1, timeout=60000)
    qtbot.waitUntil(lambda: not w.jobs.busy(), timeout=60000)
    title, text = asked[0]
    assert title == "Konfirmasi nama kecamatan" and "KARANGLEWAS" in text
    page = w.pages["import"]
    assert page.summary.text() == "Diterima 1 · sudah ada 0 · ditolak 0"
    assert ws.latest_revision("33.02").number == 1
    assert "karanglewas" in " ".join(ws.aliases()).lower().replace(" ", "")


def test_a_file_over_a_typed_revision_asks_a_reason_then_imports(qtbot, monkeypatch, tmp_path, ws):
    from openpyxl import load_workbook

    from recap_app.core import certificate
    from recap_app.core.importer import import_files
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow
    from recap_app.ui.pages import importing

    make_app("id")
    [path] = template.write_templates(ws, ["33.02"], tmp_path)
    wb = load_workbook(path)
    sh = wb.worksheets[0]
    for c in range(template.FIRST_DATA_COL, sh.max_column + 1):
        sh.cell(template.FIRST_FORM_ROW + 2, c).value = 100  # I.A.1 DPT LK
    wb.save(path)
    assert import_files(ws, [path], "operator").ok
    info, values = ws.latest_values()["33.02"]
    first = info.columns[0]
    values = {c: dict(v) for c, v in values.items()}
    values[first]["dpt_l"] = 101
    certificate.save(ws, "33.02", list(info.columns), values, "operator", reason="salah ketik di berkas")

    asked = []

    class Reason:
        def __init__(self, parent, title, prompt, ok_text=None, multiline=True, text=""):
            asked.append((title, prompt, multiline))

        def resize(self, w, h):
            assert (w, h) == (900, 600)  # the whole message is read, not a clipped line

        def exec(self):
            return len(asked) == 1  # the first time the clerk gives the reason

        def text(self):
            return "kabupaten mengirim berkas perbaikan"

    monkeypatch.setattr(importing, "TextDialog", Reason)
    w = MainWindow(ws, "operator")
    qtbot.addWidget(w)
    w.show()
    w.pages["import"].start_import([path])
    qtbot.waitUntil(lambda: not w.jobs.busy() and len(asked) == 1, timeout=60000)
    qtbot.waitUntil(lambda: not w.jobs.busy() and ws.latest_revision("33.02").number == 3, timeout=60000)
    title, prompt, multiline = asked[0]
    assert title == "Alasan mengganti revisi" and not multiline
    assert "revisi 2 diketik di aplikasi oleh operator" in prompt and 'alasan: "salah ketik di berkas"' in prompt
    assert "101 menjadi 100" in prompt
    assert f"{path.name}, lembar " in prompt and "--reason" not in prompt  # the window's words, not the CLI's
    latest = ws.latest_revision("33.02")
    assert latest.reason == "kabupaten mengirim berkas perbaikan" and latest.source_file_id is not None
    assert w.pages["import"].summary.text() == "Diterima 1 · sudah ada 0 · ditolak 0"
    shown = w.pages["import"].report.toPlainText()
    assert "Menggantikan revisi 2 (diketik di aplikasi oleh operator, " in shown  # the accepted file says so
    assert "alasan yang diberikan dicatat pada revisi baru" in shown
    assert "--reason" not in shown and "Alasan ditanyakan; tanpa alasan revisi yang ada tetap berlaku." in shown


def test_the_reason_dialog_and_the_report_speak_english_in_the_english_window(qtbot, monkeypatch, tmp_path, ws):
    from openpyxl import load_workbook

    from recap_app.core import certificate
    from recap_app.core.importer import import_files, replacement_text
    from recap_app.ui import fmt
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow
    from recap_app.ui.pages import importing

    [path] = template.write_templates(ws, ["33.02"], tmp_path)
    wb = load_workbook(path)
    sh = wb.worksheets[0]
    for c in range(template.FIRST_DATA_COL, sh.max_column + 1):
        sh.cell(template.FIRST_FORM_ROW + 2, c).value = 100
    wb.save(path)
    assert import_files(ws, [path], "operator").ok
    info, values = ws.latest_values()["33.02"]
    values = {c: dict(v) for c, v in values.items()}
    values[info.columns[0]]["dpt_l"] = 101
    certificate.save(ws, "33.02", list(info.columns), values, "operator", reason="typo")
    refused = import_files(ws, [path], "operator").files[0]
    assert refused.code == "reason_needed" and refused.replaces["revision"] == 2
    assert refused.replaces["made"] == "certificate.revision" and refused.replaces["by"] == "operator"
    text = replacement_text(ws, refused, "en")
    assert text.startswith("The certificate of Kabupaten Banyumas (33.02), revision 2, typed in the program by "
                           "operator on ")
    assert 'WIB, reason: "typo". The file would replace it and change 1 figure(s) (' in text
    assert "101 to 100" in text
    asked = []

    class Reason:
        def __init__(self, parent, title, prompt, ok_text=None, multiline=True, text=""):
            asked.append((title, prompt))

        def resize(self, w, h):
            pass

        def exec(self):
            return True

        def text(self):
            return "corrected file from the regency"

    monkeypatch.setattr(importing, "TextDialog", Reason)
    make_app("en")
    try:
        assert fmt.LANG == "en"
        w = MainWindow(ws, "operator")
        qtbot.addWidget(w)
        w.show()
        w.pages["import"].start_import([path])
        qtbot.waitUntil(lambda: not w.jobs.busy() and ws.latest_revision("33.02").number == 3, timeout=60000)
        title, prompt = asked[0]
        assert title == "Reason for replacing a revision"
        assert text in prompt and "sertifikat" not in prompt and "--reason" not in prompt
        shown = w.pages["import"].report.toPlainText()
        assert "Replaces revision 2 (typed in the program by operator, " in shown
    finally:
        make_app("id")
