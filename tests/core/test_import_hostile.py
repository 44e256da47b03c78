"""Hostile inputs to `recap import` (tester's report): each refused with an exact Indonesian message,
exit status 1 and the database byte-for-byte as before; the other files of a run still imported."""

import hashlib
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core.store import Workspace

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
SEMARANG = SAMPLES / "db1-ppwp-2019_33.74_kota-semarang.xlsx"
PEKALONGAN = SAMPLES / "db1-ppwp-2019_33.75_kota-pekalongan.xlsx"


@pytest.fixture
def db(tmp_path):
    """A closed, empty Pilpres 2019 workspace file."""
    path = tmp_path / "w.sqlite"
    Workspace.create(path, "pilpres-2019-jateng", actor="tester").close()
    return path


def snapshot(db):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(db.parent.glob(db.name + "*"))}


def run_import(db, *args):
    return CliRunner().invoke(main, ["import", "--db", str(db), "--format", "json", *map(str, args)])


def refused(db, *args):
    """Import through the CLI; assert exit 1 with nothing written; return the JSON file reports."""
    before = snapshot(db)
    r = run_import(db, *args)
    assert r.exit_code == 1, r.output
    assert snapshot(db) == before
    files = json.loads(r.output)["files"]
    assert all(f["status"] == "ditolak" for f in files)
    return files


def patched_xlsx(src: Path, dest: Path, edit) -> Path:
    """A copy of an xlsx whose first worksheet's XML is rewritten by ``edit(text) -> text``."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = edit(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    return dest


# ----------------------------------------------------------------- 1. a cell far away
FAR_CELL = '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'
FORMATTED_FAR = ('<row r="3000"><c r="Z3000" s="1"/><c r="AA3000" s="1"></c></row>'
                 '<row r="1048576" s="1" customFormat="1"><c r="XFD1048576" s="1" t="s"/></row></sheetData>')


def test_formatted_empty_cells_far_below_the_table_do_not_make_it_too_large(db, tmp_path):
    """A clerk who formats a block far below the table writes empty cells there (``<c .. s="1"/>``):
    they hold nothing, calamine leaves them out of its grid, and the certificate imports as it is."""
    plain = run_import(db, SEMARANG)
    assert plain.exit_code == 0, plain.output
    with Workspace.open(db) as ws:
        want = ws.latest_values()["33.74"][1]
    other = tmp_path / "lain.sqlite"
    Workspace.create(other, "pilpres-2019-jateng", actor="tester").close()
    styled = patched_xlsx(SEMARANG, tmp_path / "berformat.xlsx", lambda x: x.replace("</sheetData>", FORMATTED_FAR))
    r = run_import(other, styled)
    assert r.exit_code == 0, r.output
    [rep] = json.loads(r.output)["files"]
    assert rep["status"] == "diterima" and rep["kode"] == "33.74"
    with Workspace.open(other) as ws:
        assert ws.latest_values()["33.74"][1] == want
    filled = patched_xlsx(SEMARANG, tmp_path / "terisi.xlsx",
                          lambda x: x.replace("</sheetData>", FORMATTED_FAR.replace('t="s"/>', '><v>0</v></c>')))
    [rep] = refused(other, filled)  # the same far cell holding a value is refused as before
    assert rep["code"] == "too_large" and "XFD1048576" in rep["message"]


def test_one_far_cell_is_refused_before_calamine_allocates(db, tmp_path):
    bomb = patched_xlsx(SEMARANG, tmp_path / "jauh.xlsx", lambda x: x.replace("</sheetData>", FAR_CELL))
    [rep] = refused(db, bomb)
    assert rep["code"] == "too_large"
    assert rep["message"] == (
        "Berkas jauh.xlsx: lembar DB1-PPWP memakai sel sampai XFD1048576 (1.048.576 baris x 16.384 kolom = "
        "17.179.869.184 sel), melebihi batas 2.000.000 sel; sertifikat DB1 hanya sekitar 60 x 40 sel. Hapus isi "
        "di luar tabel, simpan, lalu impor lagi. Tidak ada yang disimpan.")


def test_far_cell_without_reference_and_exaggerated_dimension(db, tmp_path):
    # a row numbered far down whose cells carry no r attribute: the cells follow the row's number
    far = '<row r="1048576">' + "<c><v>1</v></c>" * 3 + "</row></sheetData>"
    bomb = patched_xlsx(SEMARANG, tmp_path / "tanpa-r.xlsx", lambda x: x.replace("</sheetData>", far)
                        .replace("<c r=\"T1\"", "<c r=\"XFA1\""))
    [rep] = refused(db, bomb)
    assert rep["message"].startswith("Berkas tanpa-r.xlsx: lembar DB1-PPWP memakai sel sampai XFA1048576 ")
    # a dimension alone does not make calamine allocate: the file is read
    dim = patched_xlsx(SEMARANG, tmp_path / "dimensi.xlsx",
                       lambda x: x.replace('<dimension ref="A1:T62" />', '<dimension ref="A1:XFD1048576" />'))
    r = run_import(db, dim)
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["files"][0]["kode"] == "33.74"


def test_ods_with_a_far_repeated_cell_is_refused(db, tmp_path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name="DB1")
    table.addElement(TableRow(numberrowsrepeated=1048575))
    row = TableRow()
    row.addElement(TableCell(numbercolumnsrepeated=1023))
    cell = TableCell(valuetype="float", value=1)
    cell.addElement(P(text="1"))
    row.addElement(cell)
    table.addElement(row)
    doc.spreadsheet.addElement(table)
    path = tmp_path / "jauh.ods"
    doc.save(str(path))
    [rep] = refused(db, path)
    assert rep["message"] == (
        "Berkas jauh.ods: lembar DB1 memakai sel sampai AMJ1048576 (1.048.576 baris x 1.024 kolom = "
        "1.073.741.824 sel), melebihi batas 2.000.000 sel; sertifikat DB1 hanya sekitar 60 x 40 sel. Hapus isi "
        "di luar tabel, simpan, lalu impor lagi. Tidak ada yang disimpan.")


def test_one_refused_file_never_stops_the_others(db, tmp_path):
    bomb = patched_xlsx(SEMARANG, tmp_path / "jauh.xlsx", lambda x: x.replace("</sheetData>", FAR_CELL))
    r = run_import(db, bomb, tmp_path / "tidak-ada.xlsx", PEKALONGAN)
    assert r.exit_code == 1, r.output
    files = json.loads(r.output)["files"]
    assert [(f["file"], f["status"], f["code"]) for f in files] == [
        ("jauh.xlsx", "ditolak", "too_large"), ("tidak-ada.xlsx", "ditolak", "unreadable"),
        (PEKALONGAN.name, "diterima", None)]
    with Workspace.open(db) as ws:
        assert ws.latest_revision("33.75").number == 1
        assert ws.latest_revision("33.74") is None


# ----------------------------------------------------------------- 2. error values
D11 = '<c r="D11" t="n"><v>20975</v></c>'
DPT_L = "I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK)"


@pytest.mark.parametrize("cell, shown", [
    ('<c r="D11" t="e"><v>#REF!</v></c>', "#REF!"),
    ('<c r="D11" t="e"><v>#N/A</v></c>', "#N/A"),
    ('<c r="D11" s="0" t="e"><v>#VALUE!</v></c>', "#VALUE!"),
    ('<c r="D11" t="e"><f>1/0</f><v>#DIV/0!</v></c>', '#DIV/0! (hasil rumus "=1/0")'),
    ('<c r="D11" t="e"><f>D12&lt;0</f><v>#NAME?</v></c>', '#NAME? (hasil rumus "=D12<0")'),
])
def test_error_cell_never_erases_a_stored_figure(db, tmp_path, cell, shown):
    assert run_import(db, SEMARANG).exit_code == 0
    bad = patched_xlsx(SEMARANG, tmp_path / "galat.xlsx", lambda x: x.replace(D11, cell))
    [rep] = refused(db, bad)
    assert rep["code"] == "bad_number"
    assert rep["message"] == (f"Berkas galat.xlsx, lembar DB1-PPWP: sel D11 ({DPT_L}, SEMARANG TENGAH) berisi galat "
                              f"{shown}; diharapkan bilangan bulat tidak negatif.")
    with Workspace.open(db) as ws:
        assert ws.latest_values()["33.74"][1]["33.74.01"]["dpt_l"] == 20975
        assert ws.latest_revision("33.74").number == 1


def test_error_values_in_ods_xls_and_csv(db, tmp_path):
    from fixtures_import import db1_grid, full_values, write_csv, write_ods, write_xls

    with Workspace.open(db) as ws:
        e = ws.election
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.75")]
    v = full_values(e, [k for k, _ in cols])
    v["33.75.01"]["dpt_l"] = "#N/A"  # text in a CSV: the error value as the spreadsheet showed it
    [rep] = refused(db, write_csv(tmp_path / "g.csv", db1_grid(e, "KOTA PEKALONGAN", cols, v)))
    assert rep["message"] == (f"Berkas g.csv, lembar CSV: sel D11 ({DPT_L}, PEKALONGAN BARAT) berisi galat #N/A; "
                              "diharapkan bilangan bulat tidak negatif.")

    # ods as LibreOffice writes an error: a formula, calcext:value-type="error", the error as text
    v["33.75.01"]["dpt_l"] = 1
    ods = write_ods(tmp_path / "g.ods", db1_grid(e, "KOTA PEKALONGAN", cols, v))
    with zipfile.ZipFile(ods) as z:
        parts = {i.filename: z.read(i.filename) for i in z.infolist()}
    content = parts["content.xml"].decode()
    one = '<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>'
    assert content.count(one) == 1
    parts["content.xml"] = content.replace(one, (
        '<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" '
        'calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>')).replace(
        "<office:document-content ", '<office:document-content xmlns:calcext="urn:org:documentfoundation:names:'
        'experimental:calc:xmlns:calcext:1.0" ', 1).encode()
    with zipfile.ZipFile(ods, "w") as z:
        for n, data in parts.items():
            z.writestr(n, data)
    [rep] = refused(db, ods)
    assert rep["message"] == (f'Berkas g.ods, lembar DB1-PPWP: sel D11 ({DPT_L}, PEKALONGAN BARAT) berisi galat '
                              '#DIV/0! (hasil rumus "=1/0"); diharapkan bilangan bulat tidak negatif.')

    # xls: a BOOLERR record holding #REF! (written as a boolean, then its error flag set)
    v["33.75.01"]["dpt_l"] = True
    xls = write_xls(tmp_path / "g.xls", db1_grid(e, "KOTA PEKALONGAN", cols, v))
    raw = bytearray(xls.read_bytes())
    rec = b"\x05\x02\x08\x00" + (10).to_bytes(2, "little") + (3).to_bytes(2, "little")
    at = raw.index(rec)
    raw[at + 10:at + 12] = b"\x17\x01"  # error code #REF!, fError
    xls.write_bytes(bytes(raw))
    [rep] = refused(db, xls)
    assert rep["message"] == (f"Berkas g.xls, lembar DB1-PPWP: sel D11 ({DPT_L}, PEKALONGAN BARAT) berisi galat "
                              "#REF!; diharapkan bilangan bulat tidak negatif.")


def test_an_xls_cell_given_twice_is_refused(db, tmp_path):
    """Two BIFF records giving D11 a value: calamine and LibreOffice keep the last one silently, so
    the figure a clerk saw may not be the one read; refused as the xlsx case is, naming the cell."""
    import struct

    from fixtures_import import db1_grid, full_values, write_xls

    with Workspace.open(db) as ws:
        e = ws.election
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.75")]
    xls = write_xls(tmp_path / "dua.xls", db1_grid(e, "KOTA PEKALONGAN", cols, full_values(e, [k for k, _ in cols])))
    raw = bytearray(xls.read_bytes())
    runs = [m.start() for m in __import__("re").finditer(rb"\xbd\x00\x24\x00", bytes(raw))]  # MULRK: a row's figures
    rows = {struct.unpack_from("<HH", raw, at + 4): at for at in runs}
    assert (10, 3) in rows and (11, 3) in rows
    struct.pack_into("<H", raw, rows[(11, 3)] + 4, 10)  # row 12's figures now given to row 11 again
    xls.write_bytes(bytes(raw))
    [rep] = refused(db, xls)
    assert rep["code"] == "damaged"
    assert rep["message"].startswith("Berkas dua.xls: sel D11 ada dua kali di lembar DB1-PPWP, mungkin dengan angka "
                                     "berbeda;")


# ----------------------------------------------------------------- 3. two imports at the same time
def test_two_imports_at_the_same_time_store_one_revision(db):
    """Import A holds the write transaction when import B starts: B waits for it, then finds A's
    revision and reports "sudah ada" (before the fix both stored a revision with the same content)."""
    import threading

    from recap_app.core.importer import import_bytes

    data = SEMARANG.read_bytes()
    ws_a, ws_b = Workspace.open(db), Workspace.open(db)
    reports = {}

    def import_b():
        reports["b"] = import_bytes(ws_b, SEMARANG.name, data, "tester")

    b = threading.Thread(target=import_b)
    real = ws_a.latest_revision

    def latest_then_let_b_run(kode, *args):
        got = real(kode, *args)
        if not b.is_alive() and "b" not in reports:
            b.start()
            b.join(0.5)  # B blocks on BEGIN IMMEDIATE while A holds the lock
            assert b.is_alive() and "b" not in reports
        return got

    ws_a.latest_revision = latest_then_let_b_run
    try:
        reports["a"] = import_bytes(ws_a, SEMARANG.name, data, "tester")
        b.join(30)
    finally:
        ws_a.close()
        ws_b.close()
    assert (reports["a"].status, reports["a"].revision) == ("diterima", 1)
    assert (reports["b"].status, reports["b"].revision) == ("sudah ada", 1)
    with Workspace.open(db) as ws:
        assert [r.number for r in ws.revisions("33.74")] == [1]


def test_two_processes_at_the_same_time_store_one_revision(db):
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "recap_app.cli", "import", "--db", str(db), "--format", "json", str(SEMARANG)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    outs = [json.loads(p.communicate(timeout=60)[0])["files"][0] for p in procs]
    assert sorted(o["status"] for o in outs) == ["diterima", "sudah ada"]
    with Workspace.open(db) as ws:
        assert [r.number for r in ws.revisions("33.74")] == [1]


# ----------------------------------------------------------------- 4. special files
NOT_REGULAR = ", bukan berkas biasa; diharapkan berkas lembar kerja xlsx, xls, ods atau csv. Tidak ada yang disimpan."


def test_special_files_are_refused_without_reading_them(db, tmp_path):
    import os

    fifo = tmp_path / "pipa.csv"
    os.mkfifo(fifo)  # no writer: opening it for a blocking read would hang
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    files = refused(db, "/dev/zero", fifo, folder, "/dev/null")
    assert [(f["file"], f["code"], f["message"]) for f in files] == [
        ("zero", "not_regular_file", "Berkas zero: sebuah perangkat karakter" + NOT_REGULAR),
        ("pipa.csv", "not_regular_file", "Berkas pipa.csv: sebuah pipa (FIFO)" + NOT_REGULAR),
        ("folder.xlsx", "not_regular_file", "Berkas folder.xlsx: sebuah folder" + NOT_REGULAR),
        ("null", "not_regular_file", "Berkas null: sebuah perangkat karakter" + NOT_REGULAR)]


def test_a_large_file_is_read_only_up_to_the_limit(db, tmp_path, monkeypatch):
    from recap_app.core.importer import read_file, reader

    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    big = tmp_path / "besar.csv"
    big.write_bytes(b"x;y\n" * 5000)
    [rep] = refused(db, big)
    assert rep["message"] == ("Berkas besar.csv: ukuran 20.000 bita melebihi batas 1.000 bita untuk satu sertifikat; "
                              "berkas ini tidak mungkin satu sertifikat DB1. Tidak ada yang disimpan.")
    small = tmp_path / "kecil.csv"
    small.write_bytes(b"x" * 1000)
    assert read_file(small) == b"x" * 1000


# ----------------------------------------------------------------- 5, 6. digits and dots
def pekalongan_csv(db, tmp_path, name, **cells):
    """A complete Kota Pekalongan certificate as CSV, with some cells of PEKALONGAN BARAT replaced."""
    from fixtures_import import db1_grid, full_values, write_csv

    with Workspace.open(db) as ws:
        e = ws.election
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.75")]
    v = full_values(e, [k for k, _ in cols])
    v["33.75.01"].update(cells)
    return write_csv(tmp_path / name, db1_grid(e, "KOTA PEKALONGAN", cols, v))


def test_digits_other_than_ascii_are_refused(db, tmp_path):
    path = pekalongan_csv(db, tmp_path, "angka.csv", dpt_l="١٢٣", dpt_p="१२३", dpt="１２３")
    [rep] = refused(db, path)
    assert rep["code"] == "bad_number"
    found = ' (memakai angka selain 0-9); diharapkan bilangan bulat dengan angka 0-9'
    assert rep["message"] == (
        f'Berkas angka.csv, lembar CSV: sel D11 ({DPT_L}, PEKALONGAN BARAT): ditemukan "١٢٣"{found}; '
        'sel D12 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (PR), PEKALONGAN BARAT): ditemukan '
        f'"१२३"{found}; sel D13 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (JML), PEKALONGAN BARAT): '
        f'ditemukan "１２３"{found}.')


def test_a_leading_zero_group_is_not_thousands_grouping(db, tmp_path):
    path = pekalongan_csv(db, tmp_path, "nol.csv", dpt_l="0.451", dpt_p="000.451")
    [rep] = refused(db, path)
    expected = ('(diawali nol sebelum titik: tampak seperti pecahan, bukan pemisah ribuan; ambigu); diharapkan '
                'bilangan bulat tanpa nol di depan, misalnya "451" atau "1.451"')
    assert rep["message"] == (
        f'Berkas nol.csv, lembar CSV: sel D11 ({DPT_L}, PEKALONGAN BARAT): ditemukan "0.451" {expected}; '
        'sel D12 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (PR), PEKALONGAN BARAT): ditemukan '
        f'"000.451" {expected}.')


@pytest.mark.parametrize("text, value", [("1.451", 1451), ("12.096.454", 12096454), ("0", 0), ("451", 451)])
def test_dotted_and_plain_figures_still_read(text, value):
    from recap_app.core.importer.numbers import parse_figure

    assert parse_figure(text).value == value


# ----------------------------------------------------------------- 7. messages
def flat_pekalongan(db):
    from fixtures_import import flat_csv_grid, full_values

    with Workspace.open(db) as ws:
        e = ws.election
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.75")]
    return e, cols, flat_csv_grid(e, cols, full_values(e, [k for k, _ in cols]))


def test_code_and_name_disagreeing_in_one_header_cell(db, tmp_path):
    from fixtures_import import db1_grid, full_values, write_csv, write_xlsx

    e, cols, g = flat_pekalongan(db)
    g.rows[1][1] = "33.75.01 PEKALONGAN SELATAN"
    [rep] = refused(db, write_csv(tmp_path / "kode.csv", g))
    assert (rep["code"], rep["message"]) == ("unknown_kecamatan", (
        'Berkas kode.csv, lembar CSV, sel B2: kode 33.75.01 dan nama "PEKALONGAN SELATAN" tidak cocok: 33.75.01 '
        "adalah PEKALONGAN BARAT, sedangkan PEKALONGAN SELATAN berkode 33.75.04; diharapkan kode dan nama "
        "kecamatan yang sama."))
    g = db1_grid(e, "KOTA PEKALONGAN", cols, full_values(e, [k for k, _ in cols]))
    header = next(r for r in g.rows if "PEKALONGAN BARAT" in r)
    header[header.index("PEKALONGAN BARAT")] = "33.75.01 PEKALONGAN SELATAN"
    [rep] = refused(db, write_xlsx(tmp_path / "kode.xlsx", [g]))
    assert rep["message"] == (
        'Berkas kode.xlsx, lembar DB1-PPWP, sel D8: kode 33.75.01 dan nama "PEKALONGAN SELATAN" tidak cocok: '
        "33.75.01 adalah PEKALONGAN BARAT, sedangkan PEKALONGAN SELATAN berkode 33.75.04; diharapkan kode dan nama "
        "kecamatan yang sama.")


PILPRES = "Pemilihan Umum Presiden dan Wakil Presiden Tahun 2019"


def test_a_third_pair_column_in_a_flat_csv_means_another_election(db, tmp_path):
    from fixtures_import import write_csv

    _, _, g = flat_pekalongan(db)
    i = g.rows[0].index("paslon_2") + 1
    for n, row in enumerate(g.rows):
        row.insert(i, "paslon_3" if n == 0 else 5)
    [rep] = refused(db, write_csv(tmp_path / "p3.csv", g))
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        f'Berkas p3.csv, lembar CSV, sel AM1: isian perolehan suara pasangan calon nomor 3 ("paslon_3"), padahal '
        f"{PILPRES} hanya punya 2 pasangan calon; berkas ini untuk pemilihan lain."))


@pytest.mark.parametrize("region", ["99.99", "33.75.01"])
def test_region_that_is_no_regency_of_this_election(db, region):
    [rep] = refused(db, "--region", region, PEKALONGAN)
    assert (rep["code"], rep["message"]) == ("unknown_region", (
        f"Berkas {PEKALONGAN.name}: kode wilayah {region} yang diminta (--region) bukan kabupaten/kota dalam "
        f"{PILPRES}; diharapkan kode salah satu dari 35 kabupaten/kota daftar wilayah jateng-2019, misalnya 33.01 "
        "(Kabupaten Cilacap). Tidak ada yang disimpan."))


@pytest.mark.parametrize("encoding, shown", [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-32", "UTF-32")])
def test_utf16_csv_asks_for_utf8(db, tmp_path, encoding, shown):
    from fixtures_import import write_csv

    _, _, g = flat_pekalongan(db)
    path = write_csv(tmp_path / "unicode.csv", g, bom=False)
    path.write_bytes(path.read_text(encoding="utf-8").encode(encoding))
    [rep] = refused(db, path)
    assert (rep["code"], rep["message"]) == ("encoding", (
        f"Berkas unicode.csv: CSV tersimpan dalam pengodean {shown}; simpan ulang sebagai CSV UTF-8 (di Excel: "
        'Simpan Sebagai, jenis "CSV UTF-8 (Comma delimited)"), lalu impor lagi. Tidak ada yang disimpan.'))


def test_long_cell_text_is_shortened_in_messages(db, tmp_path):
    from fixtures_import import write_csv

    long = "ABCDEFGHIJ" * 50
    _, _, g = flat_pekalongan(db)
    g.rows[1][5] = long
    [rep] = refused(db, write_csv(tmp_path / "panjang.csv", g))
    assert rep["message"] == (
        "Berkas panjang.csv, lembar CSV: sel F2 (I.A.2 Jumlah pemilih dalam Daftar Pemilih Tambahan (DPTb) (LK), "
        f'33.75.01): ditemukan teks "{long[:60]}…"; diharapkan bilangan bulat tidak negatif.')
    _, _, g = flat_pekalongan(db)
    g.rows[2][1] = "KECAMATAN " + long
    g.rows[2][0] = None
    [rep] = refused(db, write_csv(tmp_path / "nama.csv", g))
    assert rep["message"].startswith(
        f'Berkas nama.csv, lembar CSV, sel B3: kecamatan "KECAMATAN {long[:50]}…" tidak dikenal di Kota Pekalongan')
    assert len(rep["message"]) < 400


def test_xls_with_a_far_cell_is_refused_before_calamine_reads_it(db, tmp_path):
    import xlwt

    wb = xlwt.Workbook()
    sh = wb.add_sheet("DB1")
    sh.write(0, 0, "MODEL DB1-PPWP")
    sh.write(65535, 255, 1)
    path = tmp_path / "jauh.xls"
    wb.save(str(path))
    [rep] = refused(db, path)
    assert rep["message"] == (
        "Berkas jauh.xls: lembar DB1 memakai sel sampai IV65536 (65.536 baris x 256 kolom = 16.777.216 sel), "
        "melebihi batas 2.000.000 sel; sertifikat DB1 hanya sekitar 60 x 40 sel. Hapus isi di luar tabel, simpan, "
        "lalu impor lagi. Tidak ada yang disimpan.")


def test_damaged_compressed_member_is_a_damaged_refusal(ws):
    """Bytes flipped inside a compressed sheet: zlib's error is a 'damaged' refusal, not a crash."""
    from pathlib import Path as _P

    from recap_app.core.importer import import_bytes

    sample = _P(__file__).resolve().parent.parent / "data" / "samples" / "db1-ppwp-2019_33.74_kota-semarang.xlsx"
    data = bytearray(sample.read_bytes())
    refused = 0
    for pos in range(600, len(data) - 600, 997):
        blob = bytearray(data)
        blob[pos] ^= 0xFF
        rep = import_bytes(ws, "rusak.xlsx", bytes(blob), "tester")
        assert rep.code != "unexpected", rep.message
        refused += not rep.ok
    assert refused > 0


# ----------------------------------------------------------------- a cell given twice, two values in one cell
def _d11(x: str) -> str:
    import re

    return re.search(r'<c r="D11"[^>]*><v>\d+</v></c>', x).group(0)


@pytest.mark.parametrize("how", ["cell twice", "cell twice in a second row", "two values", "two values, full scan",
                                 "prefixed", "cell twice, full scan"])
def test_a_cell_given_twice_or_with_two_values_is_refused(db, tmp_path, how):
    """calamine keeps the last of two copies of a cell (or of two values in one) silently: a figure
    nobody saw in a spreadsheet program would be stored. No spreadsheet program writes that."""
    error_cell = '<c r="AZ1" t="e"><v>#REF!</v></c>'  # an error cell: the sheet is read by the full scan

    def edit(x: str) -> str:
        d11 = _d11(x)
        forged = d11.replace(d11[d11.index("<v>") + 3:d11.index("</v>")], "999999")
        if how.startswith("cell twice in a second row"):
            return x.replace("</sheetData>", f'<row r="11">{forged}</row></sheetData>')
        if how.startswith("cell twice"):
            x = x.replace(d11, d11 + forged)
        elif how.startswith("two values"):
            x = x.replace(d11, d11.replace("</v></c>", "</v> <v>999999</v></c>"))
        else:  # prefixed: the same, every tag with a namespace prefix
            x = x.replace(d11, d11 + forged).replace("<c ", "<x:c ").replace("</c>", "</x:c>").replace(
                "<v>", "<x:v>").replace("</v>", "</x:v>").replace("<worksheet ", '<worksheet xmlns:x="'
                "http://schemas.openxmlformats.org/spreadsheetml/2006/main\" ")
        if how.endswith("full scan"):
            x = x.replace("</row>", error_cell + "</row>", 1)
        return x

    bad = patched_xlsx(SEMARANG, tmp_path / "ganda.xlsx", edit)
    [rep] = refused(db, bad)
    assert rep["code"] == "damaged"
    if how.startswith("two values"):
        assert rep["message"] == (
            "Berkas ganda.xlsx: sel D11 di lembar DB1-PPWP berisi dua nilai sekaligus; berkas spreadsheet yang utuh "
            "menyimpan satu nilai per sel, dan tidak jelas angka mana yang dimaksud. Buka berkas di program lembar "
            "kerja, simpan ulang, lalu impor lagi. Tidak ada yang disimpan.")
    else:
        assert rep["message"] == (
            "Berkas ganda.xlsx: sel D11 ada dua kali di lembar DB1-PPWP, mungkin dengan angka berbeda; berkas "
            "spreadsheet yang utuh menyimpan tiap sel sekali, dan tidak jelas angka mana yang dimaksud. Buka berkas "
            "di program lembar kerja, simpan ulang, lalu impor lagi. Tidak ada yang disimpan.")


def test_one_value_per_cell_in_a_part_of_several_mebibytes(db, tmp_path):
    """A worksheet part of several mebibytes is read whole and checked as a small one (it was
    streamed in 1 MiB chunks, and a tag longer than 64 KiB across a chunk's end was lost): an
    ordinary one is read as before, a cell with two values is refused naming it."""
    filler = "<!-- " + "x" * (1 << 21) + " -->"  # 2 MiB of comment between the rows

    def big(x: str) -> str:
        return x.replace("</sheetData>", filler + "</sheetData>")

    good = patched_xlsx(SEMARANG, tmp_path / "besar.xlsx", big)
    r = run_import(db, good)
    assert r.exit_code == 0, r.output
    bad = patched_xlsx(SEMARANG, tmp_path / "ganda.xlsx", lambda x: big(x.replace(_d11(x), _d11(x).replace(
        "</v></c>", "</v>" + " " * 300 + "<v>999999</v></c>"))))
    [rep] = refused(db, bad)
    assert rep["code"] == "damaged" and "sel D11 di lembar DB1-PPWP berisi dua nilai sekaligus" in rep["message"]


@pytest.mark.parametrize("value, full_scan", [
    ("2<!-- -->0975", False), ("2<?x y?>0975", False), ("2<![CDATA[0975]]>", False), ("<![CDATA[99999]]>", True),
    ("9&#57;999", False), ("&#x39;9999", True), ("1&#48;0", False)])
def test_a_figure_written_with_markup_or_a_character_reference_is_refused(db, tmp_path, value, full_scan):
    """calamine reads only the first piece of such a value (2 for "2<!-- -->0975", LibreOffice 20975):
    refused naming the cell, by the quick path and by the cell-by-cell scan alike."""
    error_cell = '<c r="AZ1" t="e"><v>#REF!</v></c>'

    def edit(x: str) -> str:
        d11 = _d11(x)
        x = x.replace(d11, d11[:d11.index("<v>") + 3] + value + "</v></c>")
        return x.replace("</row>", error_cell + "</row>", 1) if full_scan else x

    [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "markah.xlsx", edit))
    assert rep["code"] == "damaged" and rep["message"].startswith("Berkas markah.xlsx: sel D11 di lembar DB1-PPWP berisi nilai")
    assert ("markah di dalamnya" in rep["message"]) == ("<" in value)
    assert ("kode karakter" in rep["message"]) == ("<" not in value)


def test_a_text_cell_may_write_a_character_reference():
    """A text value (``t="str"``, a formula's text result) may hold "&amp;": only figures may not."""
    from recap_app.core.importer import reader

    xml = (b'<worksheet><sheetData><row r="1"><c r="A1" t="str"><f>"A"&amp;"B"</f><v>A&amp;B</v></c>'
           b'<c r="B1"><v>5</v></c></row></sheetData></worksheet>')
    assert reader._quick_extent(xml) is None  # a reference inside a value: cell by cell
    assert reader._scan_cells("uji.xlsx", "S", xml) == (1, 2, {})


@pytest.mark.parametrize("second", ["d11", "D011", "d011"])
def test_a_cell_given_twice_under_another_spelling_is_refused(db, tmp_path, second):
    def edit(x: str) -> str:
        d11 = _d11(x)
        return x.replace(d11, d11 + d11.replace('r="D11"', f'r="{second}"').replace(
            d11[d11.index("<v>") + 3:d11.index("</v>")], "99999"))

    [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "ejaan.xlsx", edit))
    assert rep["code"] == "damaged" and "sel D11 ada dua kali di lembar DB1-PPWP" in rep["message"]


def test_tags_never_closed_are_scanned_in_linear_time(db, tmp_path):
    """Twenty thousand "<c " without a ">" after them (a crafted tail) once took 46 s, each tag
    scanned to the end of the part; now each stops at the next one. The file is read as a sheet
    (the tail is no cell), or refused; never a hang."""
    bad = patched_xlsx(SEMARANG, tmp_path / "terbuka.xlsx", lambda x: x + "<c " * 20_000 + "<row " * 20_000)
    r = run_import(db, bad)
    assert r.exit_code in (0, 1)
    assert json.loads(r.output)["files"][0]["status"] in ("diterima", "ditolak")


def test_a_long_tag_anywhere_in_a_large_part_is_seen(db, tmp_path):
    """A cell tag of 140 KB (one attribute padded) given twice, placed where a 1 MiB chunk once
    ended, is refused like any cell given twice."""
    def edit(x: str) -> str:
        d11 = _d11(x)
        long = d11.replace('t="n"', 't="n" foo="' + "A" * 140_000 + '"').replace(
            d11[d11.index("<v>") + 3:d11.index("</v>")], "99999")
        head, tail = x.split(d11, 1)
        return head + d11 + "<!--" + " " * ((1 << 20) - 70_000 - len(head)) + "-->" + long + tail

    [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "panjang.xlsx", edit))
    assert rep["code"] == "damaged" and "sel D11 ada dua kali di lembar DB1-PPWP" in rep["message"]


@pytest.mark.parametrize("value", [" 20975 ", "20975\n", "\t20975"])
def test_a_figure_with_blanks_around_it_is_refused_naming_the_cell(db, tmp_path, value):
    """calamine refuses "<v> 20975 </v>" with its own English words; LibreOffice reads 20975: the
    clerk is told which cell it is."""
    def edit(x: str) -> str:
        d11 = _d11(x)
        return x.replace(d11, d11[:d11.index("<v>") + 3] + value + "</v></c>")

    [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "spasi.xlsx", edit))
    assert rep["code"] == "damaged"
    assert rep["message"].startswith("Berkas spasi.xlsx: sel D11 di lembar DB1-PPWP berisi angka dengan spasi atau "
                                     "baris baru di sekelilingnya")


@pytest.mark.parametrize("value, shown", [("99999", "99999"), ("", "kosong"), ("#N&#47;A", "#N/A")])
def test_an_error_cell_holding_no_error_value_is_refused_naming_the_cell(db, tmp_path, value, shown):
    def edit(x: str) -> str:
        d11 = _d11(x)
        return x.replace(d11, f'<c r="D11" t="e"><v>{value}</v></c>')

    if shown == "#N/A":  # written with a character reference: refused as that, naming the cell
        [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "galat.xlsx", edit))
        assert "sel D11 di lembar DB1-PPWP" in rep["message"]
        return
    [rep] = refused(db, patched_xlsx(SEMARANG, tmp_path / "galat.xlsx", edit))
    assert rep["code"] == "damaged"
    assert rep["message"] == (f"Berkas galat.xlsx: sel D11 di lembar DB1-PPWP bertanda galat, tetapi nilainya \"{shown}\" "
                              "bukan galat lembar kerja (seperti #REF! atau #N/A). Buka berkas di program lembar kerja, "
                              "simpan ulang, lalu impor lagi. Tidak ada yang disimpan.")


# ----------------------------------------------------------------- a formula's saved result not its own
STALE = "sel {cell} ({label}, SEMARANG TENGAH) menyimpan hasil {saved}, padahal rumusnya \"{formula}\" menghasilkan {worked}"


@pytest.mark.parametrize("cell, formula, saved, label, worked", [
    ("D11", "20975+1000", "19975", "I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK)", "21.975"),
    ("D11", "E11-20003", "20975", "I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK)", "20.975"),  # holds
    ("D11", "SUM(E11:F11)", "20975", "I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK)", "67.359"),
])
def test_a_saved_result_that_is_not_what_its_formula_gives_is_refused(db, tmp_path, cell, formula, saved, label,
                                                                       worked):
    """Excel recalculating on opening (fullCalcOnLoad, or any input changed) shows and prints the
    formula's figure, a reader of saved results the other: 1.000 votes could move between pairs
    unseen. A formula the importer works out must give the figure saved with it."""
    bad = patched_xlsx(SEMARANG, tmp_path / "basi.xlsx", lambda x: x.replace(
        f'<c r="{cell}" t="n"><v>20975</v></c>', f'<c r="{cell}"><f>{formula}</f><v>{saved}</v></c>'))
    if worked == "20.975":  # =E11-20003 is 40978-20003: the saved result is its own, the file imports
        r = run_import(db, bad)
        assert r.exit_code == 0, r.output
        with Workspace.open(db) as ws:
            assert ws.latest_values()["33.74"][1]["33.74.01"]["dpt_l"] == 20975
        return
    files = refused(db, bad)
    assert files[0]["code"] == "stale_formula"
    assert STALE.format(cell=cell, label=label, saved=f"{int(saved):,}".replace(",", "."), formula="=" + formula,
                        worked=worked) in files[0]["message"]
    assert files[0]["message"].endswith("hitung ulang (F9), periksa dengan sertifikat yang ditandatangani, simpan, "
                                        "lalu impor lagi.")


def test_a_header_whose_formula_text_is_not_its_saved_text_is_refused(db, tmp_path):
    """Kecamatan headers written as formulas, ="SEMARANG UTARA" saved as SEMARANG TENGAH and the
    reverse: matched by the saved texts, each column's figures would be stored under the other's name."""
    def swap(x):
        x = x.replace('<c r="D8" t="inlineStr"><is><t>SEMARANG TENGAH</t></is></c>',
                      '<c r="D8" t="str"><f>"SEMARANG UTARA"</f><v>SEMARANG TENGAH</v></c>')
        return x.replace('<c r="E8" t="inlineStr"><is><t>SEMARANG UTARA</t></is></c>',
                         '<c r="E8" t="str"><f>"SEMARANG TENGAH"</f><v>SEMARANG UTARA</v></c>')
    files = refused(db, patched_xlsx(SEMARANG, tmp_path / "judul.xlsx", swap))
    assert files[0]["code"] == "stale_formula"
    assert files[0]["message"].startswith(
        'Berkas judul.xlsx: sel D8 di lembar DB1-PPWP berisi rumus ="SEMARANG UTARA" yang menghasilkan "SEMARANG '
        'UTARA", tetapi hasil yang tersimpan bersamanya "SEMARANG TENGAH": ')
    same = patched_xlsx(SEMARANG, tmp_path / "judul-sama.xlsx", lambda x: x.replace(
        '<c r="D8" t="inlineStr"><is><t>SEMARANG TENGAH</t></is></c>',
        '<c r="D8" t="str"><f>"SEMARANG TENGAH"</f><v>SEMARANG TENGAH</v></c>'))
    assert run_import(db, same).exit_code == 0  # a text formula whose result is its own: read as it is


def test_a_figure_under_a_merged_cell_is_refused_and_a_merge_over_blanks_or_headers_is_read(db, tmp_path):
    """A merged range D11:E11 shows D11 across both columns: E11's figure, still in the file, is on no
    screen and no printout, and would be stored as the second kecamatan's DPT."""
    merged = patched_xlsx(SEMARANG, tmp_path / "gabung.xlsx", lambda x: x.replace(
        '<mergeCells count="3">', '<mergeCells count="4"><mergeCell ref="D11:E11" />'))
    files = refused(db, merged)
    assert files[0]["code"] == "covered_cell"
    assert files[0]["message"] == (
        "Berkas gabung.xlsx, lembar DB1-PPWP: sel E11 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK), "
        "SEMARANG UTARA) menyimpan 40.978, tetapi tertutup sel gabungan D11:E11 yang hanya menampilkan D11: angka "
        "itu tidak tampil di lembar kerja maupun cetakannya. Pisahkan sel gabungan itu (Unmerge) dan periksa "
        "angkanya dengan sertifikat yang ditandatangani, simpan, lalu impor lagi.")
    assert run_import(db, SEMARANG).exit_code == 0  # its own merged headers (D7:S7, T7:T8) are read as before


@pytest.mark.parametrize("error", ["#SPILL!", "#CALC!"])
def test_an_excel_365_error_value_is_named_by_its_cell_not_called_damage(db, tmp_path, error):
    """calamine refuses error values it does not know ("Unsupported cell error value"): the clerk is
    told which cell holds which error, as for #DIV/0!, not that the file is damaged."""
    bad = patched_xlsx(SEMARANG, tmp_path / "galat.xlsx", lambda x: x.replace(
        '<c r="D11" t="n"><v>20975</v></c>', f'<c r="D11" t="e"><v>{error}</v></c>'))
    files = refused(db, bad)
    assert files[0]["code"] == "bad_number"
    assert files[0]["message"] == (
        f"Berkas galat.xlsx: sel D11 di lembar DB1-PPWP berisi galat {error}, nilai galat Excel 365 yang tidak "
        "dapat dibaca; diharapkan angka. Perbaiki rumus atau isi sel itu di program lembar kerja, simpan, lalu "
        "impor lagi. Tidak ada yang disimpan.")


def test_a_cell_with_two_inline_texts_is_refused_as_two_values_are(db, tmp_path):
    """``<is>`` twice in one cell: calamine keeps the last text, a spreadsheet program the first."""
    bad = patched_xlsx(SEMARANG, tmp_path / "dua.xlsx", lambda x: x.replace(
        '<c r="D11" t="n"><v>20975</v></c>', '<c r="D11" t="inlineStr"><is><t>20975</t></is><is><t>1</t></is></c>'))
    files = refused(db, bad)
    assert files[0]["code"] == "damaged"
    assert files[0]["message"].startswith("Berkas dua.xlsx: sel D11 di lembar DB1-PPWP berisi dua nilai sekaligus; ")


@pytest.mark.parametrize("cell, problem", [
    ('<c r="D11" t="n"><v>abc</v></c>', 'bertanda angka, tetapi isinya "abc" bukan angka'),
    ('<c r="D11"><v>0x10</v></c>', None),  # no type: calamine reads the text, the figure check names it
    ('<c r="D11" t="n"><v>0x10</v></c>', 'bertanda angka, tetapi isinya "0x10" bukan angka'),
    ('<c r="D11" t="b"><v>7</v></c>', 'bertanda nilai logika (benar/salah), tetapi isinya "7" bukan 0 atau 1'),
    ('<c r="D11" t="s"><v>99999</v></c>',
     'menunjuk teks nomor "99999" dari daftar teks buku kerja, padahal daftar itu tidak ada atau kosong'),
    ('<c r="D11" t="zz"><v>5</v></c>', 'bertanda jenis "zz", yang bukan jenis sel lembar kerja'),
    # the attributes in another order, single quotes, full-width digits: still named
    ('<c t="n" s="0" r="D11"><v>abc</v></c>', 'bertanda angka, tetapi isinya "abc" bukan angka'),
    ("<c r='D11' t='n'><v>abc</v></c>", 'bertanda angka, tetapi isinya "abc" bukan angka'),
    ('<c r="D11" t="n"><v>２０９７５</v></c>', 'bertanda angka, tetapi isinya "２０９７５" bukan angka'),
])
def test_a_cell_calamine_cannot_read_is_named_not_quoted_in_english(db, tmp_path, cell, problem):
    """A value its cell type does not allow stops calamine with its own English ("Parse float
    error"): the clerk is told which cell of which sheet, in Indonesian."""
    bad = patched_xlsx(SEMARANG, tmp_path / "sel.xlsx", lambda x: x.replace('<c r="D11" t="n"><v>20975</v></c>', cell))
    [f] = refused(db, bad)
    if problem is None:
        assert f["code"] == "bad_number" and 'sel D11 (' in f["message"] and 'ditemukan teks "0x10"' in f["message"]
        return
    assert f["code"] == "damaged"
    assert f["message"] == (
        f"Berkas sel.xlsx: sel D11 di lembar DB1-PPWP {problem}; program lembar kerja tidak menulis sel seperti itu, "
        "jadi berkas rusak atau dibuat-buat. Buka berkas di program lembar kerja, periksa sel itu, simpan ulang, lalu "
        "impor lagi. Tidak ada yang disimpan.")
    assert "Calamine" not in f["message"] and "float" not in f["message"]


def test_a_cell_calamine_cannot_read_without_its_reference_is_named_by_its_place(db, tmp_path):
    bad = patched_xlsx(SEMARANG, tmp_path / "sel.xlsx", lambda x: x.replace('<c r="D11" t="n"><v>20975</v></c>',
                                                                            '<c t="n"><v>abc</v></c>'))
    [f] = refused(db, bad)
    assert f["code"] == "damaged" and "Calamine" not in f["message"]
    assert " (tanpa alamat) di lembar DB1-PPWP bertanda angka, tetapi isinya \"abc\" bukan angka" in f["message"]
    assert f["message"].startswith("Berkas sel.xlsx: sel ke-")


@pytest.mark.parametrize("cell", ['<c r="D11" t="n"><v>2.0975E4</v></c>', '<c r="D11"><v>20975.0</v></c>',
                                  '<c r="D11" t="n"><v>+20975</v></c>'])
def test_figures_written_as_the_format_allows_still_read(db, tmp_path, cell):
    ok = patched_xlsx(SEMARANG, tmp_path / "ok.xlsx", lambda x: x.replace('<c r="D11" t="n"><v>20975</v></c>', cell))
    assert run_import(db, ok).exit_code == 0
    with Workspace.open(db) as ws:
        assert ws.latest_values()["33.74"][1]["33.74.01"]["dpt_l"] == 20975


def test_a_bad_cell_in_a_worksheet_kept_at_another_path_is_named_too(db, tmp_path):
    """The workbook's relationships may point a sheet anywhere in the archive (calamine follows
    them): its unreadable cell is named as in xl/worksheets/."""
    import zipfile

    src = patched_xlsx(SEMARANG, tmp_path / "asal.xlsx", lambda x: x.replace('<c r="D11" t="n"><v>20975</v></c>',
                                                                             '<c r="D11" t="n"><v>abc</v></c>'))
    dest = tmp_path / "lain.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename).replace(b"worksheets/sheet1.xml", b"data/lembar.xml")
            zout.writestr(item.filename.replace("worksheets/sheet1.xml", "data/lembar.xml"), data)
    [f] = refused(db, dest)
    assert f["code"] == "damaged" and "Calamine" not in f["message"]
    assert f["message"].startswith('Berkas lain.xlsx: sel D11 di lembar DB1-PPWP bertanda angka, tetapi isinya "abc"')
