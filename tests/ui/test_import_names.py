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
