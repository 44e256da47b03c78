"""English translation (Indonesian is the source language): complete and loaded on request."""

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt

from recap_app.ui.app import I18N, make_app


def test_english_ts_is_complete_and_compiled():
    root = ET.parse(I18N / "recap_app_en.ts").getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 200
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert (I18N / "recap_app_en.qm").stat().st_size > 5000


def test_every_text_of_the_window_is_in_the_english_ts(tmp_path):
    """The translation file holds every text the window's sources give to tr(): lupdate run again
    over the sources finds nothing new to translate (a text added without its English fails here)."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed beside this interpreter")
    root = Path(__file__).resolve().parents[2]
    ts = tmp_path / "recap_app_en.ts"
    shutil.copy(I18N / "recap_app_en.ts", ts)
    sources = sorted(str(p) for p in [*(root / "recap_app" / "ui").glob("*.py"), *(root / "recap_app" / "ui" / "pages").glob("*.py")])
    subprocess.run([str(lupdate), *sources, "-ts", str(ts), "-no-obsolete"], check=True, capture_output=True)
    messages = list(ET.parse(ts).getroot().iter("message"))
    missing = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert missing == []


def test_window_in_english(qtbot, demo_ws):
    from recap_app.ui.main_window import MainWindow

    app = make_app("en")
    try:
        w = MainWindow(demo_ws, "tester")
        qtbot.addWidget(w)
        w.show()
        assert [w.tabs.tabText(i) for i in range(w.tabs.count())] == [
            "Certificate", "Import", "Findings", "Province", "Plenary", "Compare", "Documents", "Bundles", "Publication", "Audit log"]
        assert w.banner.text().startswith("CONTOH (EXAMPLE) —")
        assert w.regency_model.headerData(1, Qt.Orientation.Horizontal) == "Regency/city"
        assert w.progress.received.format() == "Received: 35 / 35"
        assert w.totals_bar.progress.text() == "Received 35 of 35 · Adopted 0 of 35"
        assert w.editor.undo_btn.text() == "Undo" and w.editor.save_btn.text() == "Save certificate"
        status = w.regency_model.index(0, 2).data()
        assert status in ("draft", "has warnings", "has errors", "consistent")
        w.open_region("33.01")  # the form's rows in English, the printed label in the tooltip
        m = w.editor.model
        heads = [str(m.headerData(r, Qt.Orientation.Vertical)) for r in range(m.rowCount())]
        assert heads[:3] == ["I  VOTERS AND TURNOUT", "I.A  REGISTERED VOTERS",
                             "I.A.1  Voters in the final voter register (DPT)  · M"]
        assert heads[3:5] == ["I.A.1  Voters in the final voter register (DPT)  · F",
                              "I.A.1  Voters in the final voter register (DPT)  · Total"]  # as the report says it
        assert not any("Jumlah pemilih" in h for h in heads)
        assert not any(h.endswith((" LK", " PR", " JML")) for h in heads)
        form = demo_ws.election.form
        assert form.label("dpt", "en") == "I.A.1 DPT total" and form.label("dpt_l", "en") == "I.A.1 DPT M"
        assert form.field_label("dpt_p", "en").endswith("(F)") and form.field_label("dpt_p").endswith("(PR)")
        tip = m.headerData(2, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
        assert "DPT" in tip and "\n(" in tip
    finally:
        make_app("id")
    assert app.translate("MainWindow", "Temuan") == "Temuan"


def test_qt_own_buttons_and_file_dialog_speak_indonesian(qtbot):
    from PySide6.QtWidgets import QApplication

    make_app("id")
    t = QApplication.translate
    assert t("QPlatformTheme", "Cancel") == "Batal"
    assert t("QPlatformTheme", "&Yes") == "&Ya"
    assert t("QFileDialog", "File &name:") == "&Nama berkas:"
    assert t("QLineEdit", "&Paste") == "&Tempel"
    root = ET.parse(I18N / "qtbase_id.ts").getroot()
    assert all(m.find("translation").text for m in root.iter("message"))


def test_every_context_of_the_english_ts_is_one_the_window_looks_up():
    """tr() called on another object (``parent.tr(...)``, ``editor.tr(...)``) files the text under
    the variable's name in the .ts while Qt looks it up under the object's class: never found, the
    English window showed those texts in Indonesian. Every context is a class of the window or one
    of the fixed contexts given to QCoreApplication.translate."""
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "recap_app" / "ui"
    sources = "\n".join(p.read_text(encoding="utf-8") for p in ui.rglob("*.py"))
    classes = set(re.findall(r"^\s*class (\w+)", sources, re.M))
    fixed = set(re.findall(r"QCoreApplication\.translate\(\s*\"(\w+)\"", sources))
    contexts = {c.find("name").text for c in ET.parse(I18N / "recap_app_en.ts").getroot().iter("context")}
    assert contexts - classes - fixed == set()
    assert not re.search(r"(?<!self)(?<!QCoreApplication)\b(?!self\b)\w+\.tr\(", sources)
