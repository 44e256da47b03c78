"""Exports: xlsx in the official layout (numbers as numbers, SUM formulas with cached values) and long CSV."""

import csv

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from recap_app.core.demo import make_demo
from recap_app.core.documents import DocumentError
from recap_app.core.export import CSV_HEADER, export

NOW = "2019-05-04T10:00:00+00:00"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    w = make_demo(tmp_path_factory.mktemp("export") / "demo.sqlite", actor="tester")
    yield w
    w.close()


@pytest.fixture(scope="module")
def xlsx(demo, tmp_path_factory):
    out = tmp_path_factory.mktemp("x") / "rekap.xlsx"
    info = export(demo, "tester", out, "xlsx", now=NOW)
    return out, info


def _row_of(sheet, number, sex=None):
    """Spreadsheet row of a form row number ("IV.1"), optionally its LK/PR/JML sub-row."""
    for r in range(1, sheet.max_row + 1):
        if sheet.cell(r, 1).value == number:
            if sex is None:
                return r
            for k in range(3):
                if sheet.cell(r + k, 3).value == sex:
                    return r + k
    raise AssertionError(number)


def test_xlsx_layout_numbers_and_formulas(xlsx):
    out, info = xlsx
    wb = openpyxl.load_workbook(out)
    sh = wb["DC1"]
    assert sh["A1"].value == "MODEL DC1-PPWP"
    assert sh["D6"].value == "KAB. CILACAP" and sh["D5"].value == "33.01"
    assert sh["AM6"].value == "JUMLAH"
    r = _row_of(sh, "IV.1")
    assert sh.cell(r, 2).value == "JOKO WIDODO - MA'RUF AMIN"
    assert sh.cell(r, 4).value == 775304 and sh.cell(r, 4).data_type == "n"
    assert sh.cell(r, 39).value == f"=SUM(D{r}:AL{r})"
    blank = _row_of(sh, "V.B")
    assert sh.cell(blank, 4).value is None and sh.cell(blank, 39).value is None  # blank is not zero
    assert info.format == "xlsx" and len(info.sha256) == 64


def test_xlsx_formulas_have_their_values_for_readers_that_do_not_calculate(xlsx):
    out, _ = xlsx
    sh = openpyxl.load_workbook(out, data_only=True)["DC1"]
    assert sh.cell(_row_of(sh, "IV.1"), 39).value == 16825511
    assert sh.cell(_row_of(sh, "IV.2"), 39).value == 4944447
    assert sh.cell(_row_of(sh, "V.A"), 39).value == 21769958
    assert sh.cell(_row_of(sh, "I.A.1", "JML"), 39).value == 27896902
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("DC1").to_python()
    p1 = next(r for r in rows if r[0] == "IV.1")
    assert p1[-1] == 16825511
    info = {r[0]: r[1] for r in CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Info").to_python()}
    assert info["Sertifikat diterima"] == "35 dari 35"
    assert info["Status"] == "DRAF (belum semua ditetapkan)"


def test_xlsx_is_reproducible(demo, xlsx, tmp_path):
    out, info = xlsx
    again = export(demo, "tester", tmp_path / "again.xlsx", "xlsx", now=NOW)
    assert again.sha256 == info.sha256
    assert (tmp_path / "again.xlsx").read_bytes() == out.read_bytes()


def test_long_csv(demo, tmp_path):
    out = tmp_path / "rekap.csv"
    info = export(demo, "tester", out, "csv")
    with out.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == CSV_HEADER
    n_fields = len(demo.election.form.fields)
    n_columns = sum(len(demo.latest_revision(r.kode).columns) for r in demo.regencies())
    assert len(rows) - 1 == info.rows == n_columns * n_fields + n_fields
    assert ["33.75", "Kota Pekalongan", "JUMLAH", "JUMLAH", "IV.1", "paslon_1", "", "138319", "1"] in rows
    assert ["33", "JAWA TENGAH", "JUMLAH", "JUMLAH PROVINSI", "IV.1", "paslon_1", "", "16825511", ""] in rows
    assert ["33", "JAWA TENGAH", "JUMLAH", "JUMLAH PROVINSI", "I.A.1", "dpt_l", "L", "13901364", ""] in rows
    assert ["33", "JAWA TENGAH", "JUMLAH", "JUMLAH PROVINSI", "V.B", "suara_tidak_sah", "", "", ""] in rows
    cilacap = [r for r in rows if r[0] == "33.01" and r[2] == "33.01.02" and r[5] == "dpt_l"]
    assert cilacap == [["33.01", "Kabupaten Cilacap", "33.01.02", "KESUGIHAN", "I.A.1", "dpt_l", "L", "50261", "1"]]
    last = demo.conn.execute("SELECT action, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert last[0] == "document.export" and '"format": "csv"' in last[1]


def test_unknown_format_writes_nothing(demo, tmp_path):
    n = demo.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(DocumentError) as e:
        export(demo, "tester", tmp_path / "x.ods", "ods")
    assert e.value.message == "Format ekspor 'ods' tidak dikenal; pilih xlsx atau csv."
    assert not (tmp_path / "x.ods").exists()
    assert demo.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n
