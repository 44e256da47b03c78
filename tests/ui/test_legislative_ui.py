"""The window over a legislative workspace: regencies per dapil, the party index of the editor, the
party total computed while typing, the province page per dapil, the Kursi page, plenary mode."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "core"))

from fixtures_legislative import write_dpr_workbooks  # noqa: E402

from recap_app.core.domain import JUMLAH  # noqa: E402
from recap_app.core.importer import import_files  # noqa: E402
from recap_app.core.store import Workspace  # noqa: E402


@pytest.fixture(scope="module")
def _dpr_master(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dprui")
    path = tmp / "dpr.sqlite"
    with Workspace.create(path, "dpr-2024-jateng", actor="tester") as ws:
        assert import_files(ws, write_dpr_workbooks(ws.election, tmp / "wb"), "tester").ok
    return path


@pytest.fixture
def dpr_window(qtbot, tmp_path, _dpr_master):
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    shutil.copy(_dpr_master, tmp_path / "dpr.sqlite")
    ws = Workspace.open(tmp_path / "dpr.sqlite")
    make_app("id")
    w = MainWindow(ws, "tester")
    qtbot.addWidget(w)
    w.resize(1440, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    ws.close()


def test_regencies_are_grouped_and_filtered_per_dapil(dpr_window):
    w = dpr_window
    m = w.regency_model
    assert [m.row_data(i)["kode"] for i in range(4)] == ["33.22", "33.24", "33.73", "33.74"]  # JAWA TENGAH I first
    assert m.rowCount() == 35
    w.dapil_box.choose("3302")
    assert [m.row_data(i)["kode"] for i in range(m.rowCount())] == ["33.19", "33.20", "33.21"]
    labels = [lab.text() for lab in w.totals_bar.pairs]
    assert len(labels) == 6 and any("PDI Perjuangan" in t and "5.846.493" in t for t in labels)


def test_the_editor_has_a_party_index_and_computes_the_party_total(dpr_window):
    w = dpr_window
    w.open_region("33.74")
    ed = w.editor
    assert ed.party_index.isVisible() and ed.party_index.count() == 19  # the index entry + 18 parties
    assert ed.jump_to_party(8)
    kolom, key = ed.model.cell(ed.table.currentIndex().row(), ed.table.currentIndex().column())
    assert key == "partai_8"  # PKS party-only votes
    before = ed.model.values["33.74.01"]["partai_8_jumlah"]
    assert ed.model.request({("33.74.01", "partai_8"): ed.model.values["33.74.01"]["partai_8"] + 5}, "uji")
    assert ed.model.values["33.74.01"]["partai_8_jumlah"] == before + 5  # the party total follows
    assert ed.model.values[JUMLAH]["partai_8_jumlah"] > before


def test_the_province_page_shows_one_dapil(dpr_window):
    w = dpr_window
    w.show_page("province")
    page = w.pages["province"]
    page.dapil.choose("3302")
    m = page.model
    assert m.columnCount() == 4  # Kudus, Jepara, Demak + JUMLAH
    heads = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    row = next(i for i, h in enumerate(heads) if h.startswith("IV.3.J "))
    assert m.data(m.index(row, 3)) == "321.034"  # PDI Perjuangan, JAWA TENGAH II, the dapil total


def test_the_kursi_page_shows_the_quotients_and_the_elected(dpr_window):
    w = dpr_window
    w.show_page("seats")
    page = w.pages["seats"]
    page.dapil.choose("3301")
    q, el = page.quotients, page.elected
    rows = {q.item(r, 1).text(): r for r in range(q.rowCount())}
    pdip = rows["PDI Perjuangan"]
    assert q.item(pdip, 2).text() == "646.141" and q.item(pdip, 3).text() == "646.141  [1]"
    assert q.item(pdip, 4).text() == "≈215.380,3333  [4]" and q.item(pdip, q.columnCount() - 1).text() == "2"
    names = [el.item(r, 2).text() for r in range(el.rowCount())]
    assert len(names) == 8 and "ALAMUDIN DIMYATI ROIS" in names and "SAMUEL JD WATTIMENA" in names
    assert page.ties.text() == ""


def test_plenary_mode_reads_one_dapil(dpr_window):
    w = dpr_window
    w.dapil_box.choose("3310")
    w.open_plenary()
    p = w.plenary
    assert [r.kode for r in p.regencies] == ["33.25", "33.26", "33.27", "33.75"]
    assert "dapil 3310" in p.header.text()
    assert len(p.series) == 18
    p.close()


def test_the_documents_page_offers_the_seat_document_of_a_legislative_contest(dpr_window):
    page = dpr_window.pages["documents"]
    dpr_window.tabs.setCurrentWidget(page)
    names = [page.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(page.list.count())]
    assert names[-1] == "penetapan_kursi" and len(names) == 8


def test_the_regency_list_tells_the_dapil_groups_apart_and_fits_its_names(dpr_window):
    """Every other dapil shaded, the dapil named in the tooltip, "Kab." in the narrow list (the full
    name in the tooltip); the editor's row of buttons keeps to the window (the double-entry decision
    shows only while a second entry waits)."""
    m = dpr_window.regency_model
    rows = [m.row_data(i) for i in range(m.rowCount())]
    first = [i for i, r in enumerate(rows) if r["dapil"] == "JAWA TENGAH I"]
    second = [i for i, r in enumerate(rows) if r["dapil"] == "JAWA TENGAH II"]
    assert first == [0, 1, 2, 3] and second == [4, 5, 6]
    assert m.index(0, 1).data() == "Kab. Semarang"
    assert m.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == "Kabupaten Semarang — dapil JAWA TENGAH I"
    assert m.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert m.index(4, 0).data(Qt.ItemDataRole.BackgroundRole) is not None  # JAWA TENGAH II shaded
    ed = dpr_window.editor
    dpr_window.open_region("33.01")
    assert not ed.decide_btn.isVisible()
    bar = ed.reopen_btn
    assert bar.mapTo(dpr_window, bar.rect().topRight()).x() <= dpr_window.width()
    assert all(b.width() >= b.sizeHint().width() for b in (ed.entry2_btn, ed.save_btn, ed.adopt_btn, ed.reopen_btn))


def test_a_window_that_remembers_nothing_starts_on_the_first_received_certificate_of_its_list(
        qtbot, tmp_path, _dpr_master, monkeypatch):
    """Two regencies received, neither the first of the dapil-ordered list nor 33.01: the
    picture opens the first received one in the list's order, and a clerk's window selects it
    (the list at its top) instead of an empty form scrolled out of sight."""
    import subprocess

    from recap_app.core.importer import import_files as imp
    from recap_app.ui.app import make_app
    from recap_app.ui.main_window import MainWindow

    db = tmp_path / "dua.sqlite"
    with Workspace.create(db, "dpr-2024-jateng", actor="tester") as ws:
        books = write_dpr_workbooks(ws.election, tmp_path / "wb")
        assert imp(ws, [p for p in books if p.stem.endswith(("33.19", "33.74"))], "tester").ok
    ws = Workspace.open(db)
    make_app("id")
    w = MainWindow(ws, "tester")
    qtbot.addWidget(w)
    assert w.first_region() == "33.74"  # JAWA TENGAH I (33.22, 33.24, 33.73, 33.74) comes before II (33.19)
    m = w.regency_model  # the list names each row's dapil, so that its order reads as groups
    assert m.headerData(4, Qt.Orientation.Horizontal) == "Dapil"
    assert [(m.index(i, 0).data(), m.index(i, 4).data()) for i in range(6)] == [
        ("33.22", "I"), ("33.24", "I"), ("33.73", "I"), ("33.74", "I"), ("33.19", "II"), ("33.20", "II")]
    assert m.index(4, 4).data(Qt.ItemDataRole.ToolTipRole) == "Kabupaten Kudus — dapil JAWA TENGAH II"
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.current_region() == "33.74")
    assert w.regency_view.verticalScrollBar().value() == 0
    ws.close()
    out = subprocess.run([sys.executable, "-m", "recap_app", "gui", "--db", str(db), "--screenshot",
                          str(tmp_path / "jendela.png")], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "RECAP_USER": "tester"})
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "jendela.png").stat().st_size > 10_000
