"""Tests for recap_app/core/importer: the real samples, every layout read, and the stored result."""

import copy
from pathlib import Path

import pytest
from fixtures_import import (
    Grid,
    db1_grid,
    flat_csv_grid,
    full_values,
    transposed_grid,
    write_csv,
    write_ods,
    write_xls,
    write_xlsx,
)

from recap_app.core.demo import real_certificates
from recap_app.core.formatting import figure
from recap_app.core.importer import import_files
from recap_app.core.totals import province_totals

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.xlsx"))


def imp(ws, path, **kw):
    report = import_files(ws, [path], "tester", **kw)
    return report.files[0]


def stored(ws, kode):
    info, values = ws.latest_values()[kode]
    return list(info.columns), values


def expected(ws, cols, values):
    keys = ws.election.form.field_keys
    return {c: {k: values.get(c, {}).get(k) for k in keys} for c in cols}


@pytest.fixture
def kudus(ws):
    """Kabupaten Kudus: 9 kecamatan, every field filled with distinct figures."""
    cols = [(r.kode, r.nama) for r in ws.columns_of("33.19")]
    return "KUDUS", cols, full_values(ws.election, [k for k, _ in cols])


# ----------------------------------------------------------------- the four real samples
def test_four_samples_equal_source_data(ws):
    report = import_files(ws, SAMPLE_FILES, "tester")
    assert [f.status for f in report.files] == ["diterima"] * 4 and report.ok
    real = real_certificates("rekap")
    for kode in ("33.02", "33.19", "33.74", "33.75"):
        cols, values = stored(ws, kode)
        assert cols == real[kode][0]
        assert values == expected(ws, cols, real[kode][1])
    t = province_totals(ws)["fields"]
    assert (t["paslon_1"], t["paslon_2"], t["suara_sah"]) == (2119923, 668983, 2788906)
    assert (t["dpt_l"], t["dpt_p"], t["dpt"]) == (1668625, 1714907, 3383532)
    assert t["suara_tidak_sah"] is None  # blank on every sample: blank is not zero


def test_pekalongan_jumlah_kept_as_submitted(ws):
    rep = imp(ws, SAMPLES / "db1-ppwp-2019_33.75_kota-pekalongan.xlsx")
    _, values = stored(ws, "33.75")
    assert values["JUMLAH"]["paslon_1"] == 138319
    assert sum(values[k]["paslon_1"] for k in values if k != "JUMLAH") == 138320
    assert rep.recomputed == [] and not rep.jumlah_computed


def test_kudus_formulas_recomputed_from_form_not_from_sheet(ws):
    rep = imp(ws, SAMPLES / "db1-ppwp-2019_33.19_kudus_rumus.xlsx")
    assert rep.status == "diterima"
    # 9 kecamatan x (dpt JML, suara sah) + JUMLAH AKHIR of dpt_l, dpt_p, dpt, paslon 1, paslon 2, suara sah
    assert len(rep.recomputed) == 9 * 2 + 6
    d52 = next(r for r in rep.recomputed if r["cell"] == "D52")
    assert d52 == {"cell": "D52", "field": "suara_sah", "kolom": "33.19.01", "value": 63422, "rumus": "=D50+D51",
                   "dihitung": "paslon_1 + paslon_2", "di_lembar_kerja": 14300}
    m49 = next(r for r in rep.recomputed if r["cell"] == "M49")
    assert (m49["kolom"], m49["value"], m49["dihitung"], m49["di_lembar_kerja"]) == (
        "JUMLAH", 407983, "jumlah kolom kecamatan", 407983)
    m52 = next(r for r in rep.recomputed if r["cell"] == "M52")  # =SUM(D52:L52) over the sheet's own (wrong) sums
    assert (m52["value"], m52["di_lembar_kerja"]) == (531798, 123815)
    _, values = stored(ws, "33.19")
    assert values["33.19.01"]["suara_sah"] == 49122 + 14300
    # the sheet's wrong reference is said, once for the field, with what the printout shows
    said = [n for n in rep.notes if "tidak menjumlahkan yang ditentukan formulir" in n]
    assert said == [
        "V.A Jumlah seluruh suara sah: rumus tanpa hasil tersimpan di sel D52 (=D50+D51 tampil 14.300, disimpan 63.422), E52 "
        "(=E50+E51 tampil 16.418, disimpan 58.950), F52 (=F50+F51 tampil 18.035, disimpan 69.446), G52 (=G50+G51 "
        "tampil 8.603, disimpan 47.748) dan 6 sel lain tidak menjumlahkan yang ditentukan formulir; disimpan angka "
        "menurut formulir, sedangkan lembar kerja dan cetakannya menampilkan angka rumus. Periksa pada sertifikat "
        "yang ditandatangani angka mana yang benar."]
    assert all(r["di_lembar_kerja"] == r["value"] for r in rep.recomputed if r["field"] != "suara_sah")
    # the recomputed line of such a cell says what the sheet shows and points to the note; the others do not
    lines = {ln.split(" (")[0].split()[-1]: ln for ln in rep.to_text().splitlines() if "Dihitung ulang" in ln}
    assert lines["D52"].endswith("(rumus tanpa hasil tersimpan: =D50+D51; di lembar kerja rumus itu tampil 14.300, "
                                 "lihat catatan di bawah)")
    assert lines["M49"].endswith("(rumus tanpa hasil tersimpan: =SUM(D49:L49))")


def test_banyumas_text_numbers_with_dots(ws):
    rep = imp(ws, SAMPLES / "db1-ppwp-2019_33.02_banyumas_angka-teks.xlsx")
    assert rep.status == "diterima" and len(rep.kecamatan) == 27
    _, values = stored(ws, "33.02")
    assert values["33.02.01"]["dpt_l"] == 20526
    assert values["JUMLAH"]["dpt"] == 1350981
    assert rep.blanks["suara_tidak_sah"][-1] == "JUMLAH" and len(rep.blanks["suara_tidak_sah"]) == 28


# ----------------------------------------------------------------- every layout, exact figures
LAYOUTS = {
    "xlsx_db1": lambda e, t, c, v, d: write_xlsx(d / "a.xlsx", [db1_grid(e, t, c, v)]),
    "xlsx_marker_in_label_code_and_name": lambda e, t, c, v, d: write_xlsx(
        d / "a.xlsx", [db1_grid(e, t, c, v, marker="label", header="both")]),
    "xlsx_codes_only_text_numbers": lambda e, t, c, v, d: write_xlsx(
        d / "a.xlsx", [db1_grid(e, t, c, v, header="code", numbers="text")]),
    "xlsx_transposed": lambda e, t, c, v, d: write_xlsx(d / "a.xlsx", [transposed_grid(e, t, c, v)]),
    "xlsx_transposed_names_only": lambda e, t, c, v, d: write_xlsx(
        d / "a.xlsx", [transposed_grid(e, t, c, v, with_codes=False, numbers="text")]),
    "xls": lambda e, t, c, v, d: write_xls(d / "a.xls", db1_grid(e, t, c, v, numbers="float")),
    "ods": lambda e, t, c, v, d: write_ods(d / "a.ods", db1_grid(e, t, c, v)),
    "csv_bom_semicolon_transposed": lambda e, t, c, v, d: write_csv(d / "a.csv", transposed_grid(e, t, c, v)),
    "csv_comma_no_bom_field_keys": lambda e, t, c, v, d: write_csv(
        d / "a.csv", flat_csv_grid(e, c, v), delimiter=",", bom=False),
    "csv_semicolon_db1_text_numbers": lambda e, t, c, v, d: write_csv(
        d / "a.csv", db1_grid(e, t, c, v, numbers="text")),
}


@pytest.mark.parametrize("layout", sorted(LAYOUTS))
def test_layout_reads_every_field_exactly(ws, kudus, tmp_path, layout):
    title, cols, values = kudus
    path = LAYOUTS[layout](ws.election, title, cols, values, tmp_path)
    rep = imp(ws, path)
    assert rep.status == "diterima", rep.message
    assert rep.fields_read == 39 and rep.fields_absent == [] and len(rep.kecamatan) == 9
    assert rep.transposed == ("transposed" in layout or "field_keys" in layout)
    got_cols, got = stored(ws, "33.19")
    assert got_cols == [k for k, _ in cols] + ["JUMLAH"]
    assert got == expected(ws, got_cols, values)


def test_merged_title_extra_sheets_hidden_rows_and_columns(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.merged.append((2, 1, 2, 14))            # title merged across the table
    g.hidden_rows = [3, 14, 15, 16]           # an empty title row, and the DPTb rows
    g.hidden_cols = [5]                       # the second kecamatan
    notes = Grid([["Catatan pleno"], ["Tidak ada keberatan saksi."]], name="Catatan")
    path = write_xlsx(tmp_path / "a.xlsx", [notes, g])
    rep = imp(ws, path)
    assert rep.status == "diterima" and rep.sheet == "DB1-PPWP"
    cols_got, got = stored(ws, "33.19")
    assert got == expected(ws, cols_got, values)
    assert rep.notes == ["lembar Catatan: tidak ada nama atau kode kecamatan (dilewati)",
                         "baris/kolom tersembunyi ikut dibaca (sel pertama): kolom E8, baris A14, baris A15, baris A16"]


def test_hidden_helper_column_and_hidden_old_row_are_not_used(ws, kudus, tmp_path):
    title, cols, values = kudus
    old = copy.deepcopy(values)
    old["33.19.01"]["paslon_1"] = 5
    g = db1_grid(ws.election, title, cols, values, extra_cols=[("CEK SELISIH", {"paslon_1": 777, "dpt": 12345})])
    g.hidden_cols = [14]  # N: the helper column after JUMLAH AKHIR (M)
    paslon_row = next(i for i, r in enumerate(g.rows) if len(r) > 1 and r[1] == "JOKO WIDODO - MA'RUF AMIN")
    g.rows.insert(paslon_row + 1, list(g.rows[paslon_row][:3]) + [5] + g.rows[paslon_row][4:])  # old figure kept
    g.hidden_rows = [paslon_row + 2]
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "diterima", rep.message
    assert rep.notes == ["baris tersembunyi A50 mengulang isian IV.1 JOKO WIDODO - MA'RUF AMIN; tidak dipakai",
                         'kolom tersembunyi N8 ("CEK SELISIH") tidak dipakai']
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


@pytest.mark.parametrize("merged", [False, True])
@pytest.mark.parametrize("remarks", [{"dpt": "cek ulang C1", "paslon_1": "sesuai pleno"}, {"dpt": 5, "paslon_2": 1234}])
def test_a_remarks_column_headed_above_the_names_row_is_not_read_and_is_said(ws, kudus, tmp_path, merged, remarks):
    """KETERANGAN after JUMLAH AKHIR, its heading on the top header row (merged down or not), holding
    remarks or stray figures: the certificate is read as without it, and the clerk is told."""
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values, extra_cols=[("KETERANGAN", remarks)])
    top = next(i for i, r in enumerate(g.rows) if r and r[0] == "NO") + 1  # 1-based row of "NO ... KETERANGAN"
    if merged:
        g.merged.append((top, 14, top + 1, 14))  # N: after JUMLAH AKHIR (M)
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "diterima", rep.message
    assert rep.notes == [f'kolom N{top} ("KETERANGAN") berisi keterangan, bukan angka kecamatan; tidak dipakai']
    got_cols, got = stored(ws, "33.19")
    assert got_cols == [k for k, _ in cols] + ["JUMLAH"]
    assert got == expected(ws, got_cols, values)


def test_an_empty_remarks_column_is_passed_over_without_a_word(ws, kudus, tmp_path):
    title, cols, values = kudus
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values,
                                                            extra_cols=[("KET", {})])]))
    assert rep.status == "diterima" and rep.notes == []


def test_figures_under_no_heading_beside_a_remarks_heading_elsewhere_are_still_refused(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values, extra_cols=[("KETERANGAN", {"dpt": "x"}), (None, {"dpt": 777})])
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "ditolak" and rep.code == "unknown_kecamatan"
    assert "sel O8: kolom berisi angka tetapi tanpa judul" in rep.message
    assert ws.latest_values() == {}


def _label_cell(path, startswith):
    from openpyxl import load_workbook

    wb = load_workbook(path)
    row = next(r for r in wb.active.iter_rows() if r[1].value and str(r[1].value).startswith(startswith))
    return wb, row[1]


def test_a_row_of_figures_under_an_error_label_is_refused_not_dropped(ws, kudus, tmp_path):
    """#REF! where a pair's name should be: the row's figures cannot be placed, and leaving the row
    out would lose that pair's votes with only a note. Refused, naming the cell; nothing stored."""
    title, cols, values = kudus
    path = write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values)])
    wb, cell = _label_cell(path, "JOKO WIDODO")
    cell.value = "#REF!"
    ref = cell.coordinate
    wb.save(path)
    rep = imp(ws, path)
    assert (rep.status, rep.code) == ("ditolak", "bad_label")
    assert rep.message == (f"Berkas a.xlsx, lembar DB1-PPWP, sel {ref}: label baris berisi galat #REF!, padahal baris "
                           "itu berisi angka; diharapkan label isian formulir. Perbaiki label itu di program lembar "
                           "kerja, simpan, lalu impor lagi.")
    assert ws.latest_values() == {}


def test_a_pair_s_row_whose_number_and_name_differ_is_refused(ws, kudus, tmp_path):
    """"1 | PRABOWO SUBIANTO - SANDIAGA UNO" (pair 1 is JOKO WIDODO - MA'RUF AMIN): which pair's votes
    the row holds cannot be told; refused naming the cell, nothing stored. The pairs' rows in another
    order, each with its own number and name, are read by pair."""
    from openpyxl import load_workbook

    title, cols, values = kudus
    path = write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values)])
    wb, first = _label_cell(path, "JOKO WIDODO")
    _, second = _label_cell(path, "PRABOWO")
    first_name, second_name = first.value, second.value
    ws_ = wb.active
    ws_[first.coordinate], ws_[second.coordinate] = second_name, first_name
    wb.save(path)
    rep = imp(ws, path)
    assert (rep.status, rep.code) == ("ditolak", "paslon_mismatch")
    assert rep.message == (
        f"Berkas a.xlsx, lembar DB1-PPWP, sel {first.coordinate}: baris bernomor 1 (IV.1 JOKO WIDODO - MA'RUF AMIN) "
        f"tetapi berlabel \"{second_name}\", nama pasangan calon nomor urut 2; diharapkan nomor urut dan nama "
        "pasangan calon yang sama, karena tidak dapat diketahui suara pasangan mana yang dimaksud. Perbaiki nomor atau "
        "nama di program lembar kerja, simpan, lalu impor lagi.")
    assert ws.latest_values() == {}
    path = write_xlsx(tmp_path / "b.xlsx", [db1_grid(ws.election, title, cols, values)])
    wb = load_workbook(path)  # the two rows swapped whole (number, name and figures): the same certificate
    sheet = wb.active
    a, b = first.row, second.row
    for c in range(1, sheet.max_column + 1):
        sheet.cell(a, c).value, sheet.cell(b, c).value = sheet.cell(b, c).value, sheet.cell(a, c).value
    wb.save(path)
    rep = imp(ws, path)
    assert rep.status == "diterima", rep.message
    [(_info, stored)] = ws.latest_values().values()
    assert {c: (v["paslon_1"], v["paslon_2"]) for c, v in stored.items()} == {
        c: (v["paslon_1"], v["paslon_2"]) for c, v in values.items() if c in stored}


def test_an_error_label_on_a_row_without_figures_is_no_matter(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.rows.insert(next(i for i, r in enumerate(g.rows) if r and r[0] == "NO") + 2, [None, "#N/A"])
    path = write_xlsx(tmp_path / "a.xlsx", [g])
    rep = imp(ws, path)
    assert rep.status == "diterima", rep.message
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


def test_hidden_sheet_with_old_draft_is_not_used(ws, kudus, tmp_path):
    title, cols, values = kudus
    old = copy.deepcopy(values)
    old["33.19.01"]["paslon_1"] = 1
    draft = db1_grid(ws.election, title, cols, old)
    draft.name = "draf"
    path = write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values), draft], hidden_sheets=("draf",))
    rep = imp(ws, path)
    assert rep.status == "diterima"
    assert stored(ws, "33.19")[1]["33.19.01"]["paslon_1"] == values["33.19.01"]["paslon_1"]
    assert rep.notes == ["lembar tersembunyi draf tidak dipakai"]


def test_two_visible_certificates_that_differ_are_refused(ws, kudus, tmp_path):
    title, cols, values = kudus
    other = copy.deepcopy(values)
    other["33.19.01"]["paslon_1"] = 1
    second = db1_grid(ws.election, title, cols, other)
    second.name = "revisi"
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values), second]))
    assert rep.status == "ditolak" and rep.code == "several_certificates"
    assert rep.message == ("Berkas a.xlsx: lembar DB1-PPWP dan revisi sama-sama berisi sertifikat (Kabupaten Kudus / "
                           "Kabupaten Kudus) dengan isi berbeda; diharapkan satu sertifikat per berkas.")
    assert ws.latest_revision("33.19") is None


def test_dash_is_zero_and_blank_is_not(ws, kudus, tmp_path):
    title, cols, values = kudus
    values = copy.deepcopy(values)
    values["33.19.01"]["suara_tidak_sah"] = "-"
    values["33.19.02"]["suara_tidak_sah"] = None
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values)]))
    assert rep.status == "diterima"
    assert rep.dashes == [{"cell": "D53", "field": "suara_tidak_sah", "kolom": "33.19.01"}]
    assert rep.blanks == {"suara_tidak_sah": ["33.19.02"]}
    text = rep.to_text().splitlines()
    assert "  Kosong (bukan nol): suara_tidak_sah di 33.19.02" in text
    assert '  "-" dibaca sebagai 0: D53' in text
    got = stored(ws, "33.19")[1]
    assert got["33.19.01"]["suara_tidak_sah"] == 0
    assert got["33.19.02"]["suara_tidak_sah"] is None


def test_missing_kecamatan_and_missing_jumlah_column(ws, kudus, tmp_path):
    title, cols, values = kudus
    path = write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols[:-1], values, jumlah=False)])
    rep = imp(ws, path)
    assert rep.status == "diterima" and rep.jumlah_computed
    assert rep.kecamatan_missing == [{"kode": "33.19.09", "nama": "DAWE"}]
    got_cols, got = stored(ws, "33.19")
    assert got_cols == [k for k, _ in cols[:-1]] + ["JUMLAH"]
    assert got["JUMLAH"]["paslon_1"] == sum(values[k]["paslon_1"] for k, _ in cols[:-1])


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_formula_without_value_in_derived_cell_and_jumlah_recomputed(ws, kudus, tmp_path, kind):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.formulas[(13, 4)] = "=D11+D12"        # dpt JML of the first kecamatan
    g.formulas[(49, 13)] = "=SUM(D49:L49)"  # JUMLAH of paslon 1
    writer = {"xlsx": lambda p: write_xlsx(p, [g]), "xls": lambda p: write_xls(p, g), "ods": lambda p: write_ods(p, g)}
    rep = imp(ws, writer[kind](tmp_path / f"a.{kind}"))
    assert rep.status == "diterima", rep.message
    assert [(r["cell"], r["field"], r["kolom"], r["value"]) for r in rep.recomputed] == [
        ("D13", "dpt", "33.19.01", values["33.19.01"]["dpt"]),
        ("M49", "paslon_1", "JUMLAH", values["JUMLAH"]["paslon_1"])]
    assert stored(ws, "33.19")[1] == expected(ws, stored(ws, "33.19")[0], values)


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_a_formula_without_value_adding_other_cells_is_said_with_what_the_printout_shows(ws, kudus, tmp_path, kind):
    """The form's sum is stored; where the sheet's own formula adds other cells (a JUMLAH range one
    kecamatan short), the report says what the spreadsheet program, and so the signed printout,
    shows (the .xls formula read from its BIFF tokens, as calamine reads only values)."""
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.formulas[(49, 13)] = "=SUM(D49:K49)"  # JUMLAH of paslon 1 without the last kecamatan (column L)
    writer = {"xlsx": lambda p: write_xlsx(p, [g]), "xls": lambda p: write_xls(p, g), "ods": lambda p: write_ods(p, g)}
    rep = imp(ws, writer[kind](tmp_path / f"a.{kind}"))
    assert rep.status == "diterima", rep.message
    (m49,) = rep.recomputed
    full = values["JUMLAH"]["paslon_1"]
    assert (m49["cell"], m49["value"]) == ("M49", full)
    assert stored(ws, "33.19")[1]["JUMLAH"]["paslon_1"] == full
    said = [n for n in rep.notes if "tidak menjumlahkan" in n]
    shown = full - values["33.19.09"]["paslon_1"]
    assert m49["di_lembar_kerja"] == shown
    assert said == [f"{ws.election.form.field_label('paslon_1')}: rumus tanpa hasil tersimpan "
                    f"di sel M49 ({'of:' if kind == 'ods' else ''}=SUM(D49:K49) tampil {figure(shown)}, disimpan "
                    f"{figure(full)}) tidak menjumlahkan yang ditentukan formulir; disimpan angka menurut formulir, "
                    "sedangkan lembar kerja dan cetakannya menampilkan angka rumus. Periksa pada sertifikat yang "
                    "ditandatangani angka mana yang benar."]
    assert "  Catatan: " + said[0] in rep.to_text().splitlines()


def test_a_formula_over_blank_parts_is_not_said_to_add_other_cells(ws, kudus, tmp_path):
    """=D14+D15 over blank DPTb LK and PR: the spreadsheet program shows 0, the form's sum is blank;
    the formula adds the very cells the form names, so no note says otherwise (the blank is reported
    as every blank is)."""
    title, cols, values = kudus
    for k in values:
        values[k].update(dptb_l=None, dptb_p=None, dptb=None)
    g = db1_grid(ws.election, title, cols, values)
    g.formulas[(16, 4)] = "=D14+D15"
    g.formulas[(16, 13)] = "=SUM(D16:L16)"
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "diterima", rep.message
    assert [(r["cell"], r["value"], r["di_lembar_kerja"]) for r in rep.recomputed] == [("D16", None, 0), ("M16", None, 0)]
    assert not [n for n in rep.notes if "tidak menjumlahkan" in n]


@pytest.mark.parametrize("kind", ["xlsx", "ods"])
def test_a_formula_whose_saved_result_is_empty_text_reads_blank(ws, kudus, tmp_path, kind):
    """=IF(Input!D14="","",Input!D14) saved by a spreadsheet program: the result saved is an empty
    text and the clerk sees a blank cell, which is what is stored (the form's blank), not a refusal
    for a formula without a result; a formula never calculated in the same cell is refused as before."""
    import re
    import zipfile

    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.formulas[(15, 4)] = '=IF(1,"","")'  # I.A.2 DPTb PR of the first kecamatan (a plain count)
    path = {"xlsx": lambda p: write_xlsx(p, [g]), "ods": lambda p: write_ods(p, g)}[kind](tmp_path / f"a.{kind}")
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}

    def saved(text: bytes) -> bytes:  # the formula cell as a spreadsheet program saves an empty text result
        if kind == "xlsx":
            return re.sub(rb'<c r="D15"([^>]*)><f>([^<]*)</f><v\s*/></c>', rb'<c r="D15" t="str"><f>\2</f><v></v></c>',
                          text)
        return re.sub(rb"(<table:table-cell table:formula='of:=IF\(1,\"\",\"\"\)')\s*/>",
                      rb"\1><text:p/></table:table-cell>", text)

    part = "xl/worksheets/sheet1.xml" if kind == "xlsx" else "content.xml"
    assert saved(members[part]) != members[part]
    refused_first = imp(ws, path)
    assert (refused_first.status, refused_first.code) == ("ditolak", "formula_without_value")
    with zipfile.ZipFile(path, "w") as zf:
        for n, b in members.items():
            zf.writestr(n, saved(b) if n == part else b)
    rep = imp(ws, path)
    assert rep.status == "diterima", rep.message
    _, got = stored(ws, "33.19")
    assert got["33.19.01"]["dptb_p"] is None and got["33.19.02"]["dptb_p"] == values["33.19.02"]["dptb_p"]
    assert rep.blanks["dptb_p"] == ["33.19.01"]


def test_formula_without_value_in_a_plain_figure_is_refused(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.formulas[(49, 4)] = "=Sheet2!B7"
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.code == "formula_without_value"
    assert rep.message == (
        "Berkas a.xlsx, lembar DB1-PPWP: sel D49 (IV.1 JOKO WIDODO - MA'RUF AMIN, KALIWUNGU) berisi rumus "
        "\"=Sheet2!B7\" tanpa hasil tersimpan, dan isian ini bukan jumlah yang dapat dihitung ulang; diharapkan "
        "angka. Buka berkas di program lembar kerja, simpan, lalu impor lagi.")
    assert ws.latest_revision("33.19") is None


def test_codes_stay_text_and_identify_regency_without_title(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values, header="code", title_rows=False)
    rep = imp(ws, write_csv(tmp_path / "a.csv", g))
    assert rep.status == "diterima" and rep.kode == "33.19"
    assert [k["kode"] for k in rep.kecamatan] == [k for k, _ in cols]
    assert {k["match"] for k in rep.kecamatan} == {"code"}


def test_extra_figure_row_outside_the_form_is_reported_not_stored(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    i = next(i for i, r in enumerate(g.rows) if len(r) > 1 and r[1] == "DATA PEMILIH")
    g.rows.insert(i + 1, [None, "Jumlah TPS", None] + [100] * 10)
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "diterima"
    assert rep.notes == ['baris A11 ("JUMLAH TPS") berisi angka tetapi bukan isian formulir; tidak dipakai']
    assert stored(ws, "33.19")[1]["33.19.01"]["dpt_l"] == values["33.19.01"]["dpt_l"]


def test_sex_lines_written_out_under_the_label_without_marker_column(ws, kudus, tmp_path):
    """ "1. Jumlah pemilih dalam DPT" then lines "Laki-laki", "Perempuan", "Jumlah" in the URAIAN column."""
    title, cols, values = kudus
    keys = [k for k, _ in cols] + ["JUMLAH"]
    rows = [["PROVINSI : JAWA TENGAH"], [f"KABUPATEN/KOTA : {title}"], [],
            ["NO", "URAIAN"] + [n for _, n in cols] + ["JUMLAH"]]
    for fr in ws.election.form.rows:
        n = fr.number.split(".")[-1] + "."
        if len(fr.fields) == 3:
            rows.append([n, fr.label])
            for f, lab in zip(fr.fields, ["Laki-laki", "Perempuan", "Jumlah"], strict=True):
                rows.append([None, lab] + [values[k][f.key] for k in keys])
        else:
            rows.append([n, fr.label] + [values[k][fr.fields[0].key] for k in keys if fr.fields])
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [Grid(rows)]))
    assert rep.status == "diterima" and rep.fields_read == 39
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


def test_transposed_with_short_headers(ws, kudus, tmp_path):
    """Kecamatan in rows; "DPT" over L / P / L+P, "PEROLEHAN SUARA" over 01 / 02, short V headers."""
    title, cols, values = kudus
    h1 = ["NO", "KECAMATAN", "DPT", None, None, "PEROLEHAN SUARA", None, "SUARA SAH", "SUARA TIDAK SAH",
          "JUMLAH SUARA SAH DAN TIDAK SAH"]
    h2 = [None, None, "L", "P", "L+P", "01", "02", None, None, None]
    keys = ["dpt_l", "dpt_p", "dpt", "paslon_1", "paslon_2", "suara_sah", "suara_tidak_sah", "jumlah_suara"]
    rows = [["REKAPITULASI PILPRES 2019"], [f"KABUPATEN/KOTA : {title}"], [], h1, h2]
    rows += [[i, n] + [values[k][f] for f in keys] for i, (k, n) in enumerate(cols, 1)]
    rows.append([None, "JUMLAH"] + [values["JUMLAH"][f] for f in keys])
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [Grid(rows, [(4, 3, 4, 5), (4, 6, 4, 7)])]))
    assert rep.status == "diterima" and rep.transposed and rep.fields_read == 8
    got = stored(ws, "33.19")[1]
    assert {(c, f): got[c][f] for c in got for f in keys} == {(c, f): values[c][f] for c in got for f in keys}
    assert got["33.19.01"]["dptb_l"] is None


def test_pairs_named_in_full_without_numbering(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    full = {"JOKO WIDODO - MA'RUF AMIN": "Ir. H. Joko Widodo dan Prof. Dr. KH. Ma'ruf Amin",
            "PRABOWO SUBIANTO - SANDIAGA UNO": "H. Prabowo Subianto dan H. Sandiaga Salahuddin Uno"}
    for row in g.rows:
        if len(row) > 1 and row[1] in full:
            row[0], row[1] = None, full[row[1]]
    rep = imp(ws, write_xlsx(tmp_path / "a.xlsx", [g]))
    assert rep.status == "diterima" and rep.fields_read == 39
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


def test_comma_csv_with_a_semicolon_in_its_title(ws, kudus, tmp_path):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values,
                 title="SERTIFIKAT; PEMILIHAN UMUM PRESIDEN DAN WAKIL PRESIDEN TAHUN 2019")
    rep = imp(ws, write_csv(tmp_path / "a.csv", g, delimiter=",", bom=False))
    assert rep.status == "diterima" and rep.notes == ["pemisah kolom koma"]
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


@pytest.mark.parametrize("written, delimiter", [
    (lambda v: f"{v}.0", ","),  # pandas' float export
    (lambda v: f"{v:,}.00", ";"),  # an English locale: 20,975.00
    (lambda v: f"{v:,}".replace(",", ".") + ",00", ";"),  # an Indonesian locale: 20.975,00
])
def test_a_csv_of_whole_figures_with_zero_decimals_reads_the_figures(ws, kudus, tmp_path, written, delimiter):
    title, cols, values = kudus
    g = db1_grid(ws.election, title, cols, values)
    g.rows = [[written(v) if type(v) is int and v >= 1000 else v for v in row] for row in g.rows]
    assert any(isinstance(v, str) and v.endswith((".0", ".00", ",00")) for row in g.rows for v in row)
    rep = imp(ws, write_csv(tmp_path / "a.csv", g, delimiter=delimiter, bom=False))
    assert rep.status == "diterima", rep.message
    got_cols, got = stored(ws, "33.19")
    assert got == expected(ws, got_cols, values)


def test_a_batch_reports_progress_stops_when_cancelled_and_backs_up_once(ws, tmp_path):
    from recap_app.core import backup

    files = SAMPLE_FILES[:3]
    seen, stop = [], []

    def progress(done, total, text):
        seen.append((done, total, text))
        if done == 1:  # Batal pressed while the second file is read: it is stored whole, the third is not
            stop.append(True)

    report = import_files(ws, files, "tester", progress=progress, cancelled=lambda: bool(stop))
    assert [f.status for f in report.files[:2]] == ["diterima", "diterima"]
    assert report.files[2].code == "cancelled" and "dibatalkan sebelum berkas ini" in report.files[2].message
    assert seen[0] == (0, 3, f"{files[0].name} (1/3)") and seen[-1] == (3, 3, "")
    assert len(backup.list_backups(ws.path)) == 1  # one automatic backup for the batch, not one per file


def test_files_not_imported_after_a_cancel_are_one_block_of_the_text_report():
    from recap_app.core.importer.report import CANCELLED, FileReport, ImportReport

    rep = ImportReport([FileReport("a.xlsx", code="damaged", message="Berkas a.xlsx rusak.")]
                       + [FileReport(f"b{i:02d}.xlsx", code=CANCELLED, message="-") for i in range(12)]
                       + [FileReport("c.xlsx", code=CANCELLED, message="Berkas c.xlsx: impor dibatalkan.")])
    text = rep.to_text()
    assert text.splitlines() == [
        "DITOLAK  a.xlsx", "  Berkas a.xlsx rusak.",
        "DIBATALKAN  13 berkas tidak diimpor (impor dibatalkan sebelum berkas-berkas ini; tidak ada yang disimpan "
        "dari berkas-berkas ini):",
        "  b00.xlsx, b01.xlsx, b02.xlsx, b03.xlsx, b04.xlsx, b05.xlsx, b06.xlsx, b07.xlsx, b08.xlsx, b09.xlsx dan "
        "3 lainnya",
        "Ringkasan: 0 diterima, 0 sudah ada, 1 ditolak, 13 tidak diimpor karena dibatalkan."]
    assert [f["code"] for f in rep.to_dict()["files"]].count(CANCELLED) == 13  # JSON keeps every file


def test_the_report_names_the_same_blank_fields_once_for_a_batch(ws):
    """The four samples leave the same 33 fields blank in every column: listed with the first file,
    then named as the same (a clerk importing 35 files reads the list once)."""
    report = import_files(ws, SAMPLE_FILES, "tester")
    text = report.to_text(ws.election)
    listed = [ln for ln in text.splitlines() if ln.startswith("  Kosong di semua kolom")]
    assert len(listed) == 4
    assert listed[0].startswith("  Kosong di semua kolom (disimpan kosong, bukan nol): 33 isian: I.A.2 DPTb LK, ")
    assert listed[1:] == ["  Kosong di semua kolom (disimpan kosong, bukan nol): 33 isian, sama dengan berkas "
                          "sebelumnya."] * 3


def test_a_csv_with_lines_ended_by_cr_alone_reads_as_the_same_csv(ws, kudus, tmp_path):
    """Excel's "CSV (Macintosh)" ends lines with CR alone: read as the same certificate."""
    title, cols, values = kudus
    path = write_csv(tmp_path / "a.csv", db1_grid(ws.election, title, cols, values))
    plain = imp(ws, path)
    assert plain.status == "diterima", plain.message
    cr = tmp_path / "mac.csv"
    cr.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    assert b"\n" not in cr.read_bytes()
    rep = imp(ws, cr)
    assert (rep.status, rep.revision) == ("sudah ada", 1), rep.message


def test_an_unreadable_csv_is_refused_in_indonesian_naming_the_line(ws, tmp_path, monkeypatch):
    import csv as csv_module


    class Broken:
        line_num = 7

        def __init__(self, *_a, **_k):
            pass

        def __iter__(self):
            raise csv_module.Error("new-line character seen in unquoted field")

    monkeypatch.setattr(csv_module, "reader", Broken)  # the reader imports csv when it reads one
    path = tmp_path / "rusak.csv"
    path.write_text("a;b\n1;2\n", encoding="utf-8")
    rep = imp(ws, path)
    assert (rep.status, rep.code) == ("ditolak", "damaged")
    assert rep.message.startswith("Berkas rusak.csv: CSV tidak dapat dibaca di baris 7: ada tanda kutip yang tidak "
                                  "ditutup")
    assert "new-line" not in rep.message


def test_a_table_printed_in_two_stacked_blocks_is_refused_not_half_stored(ws, kudus, tmp_path):
    """A wide regency printed on two pages: kecamatan 1-5 in one block, the rest in a second block
    below on the same sheet. Reading the first block alone would store half the certificate and a
    JUMLAH of that half; refused, naming the second header and its kecamatan."""
    title, cols, values = kudus
    top = db1_grid(ws.election, title, cols[:5], values, jumlah=False)
    below = db1_grid(ws.election, title, cols[5:], values)
    top.rows += [[], []] + [list(r) for r in below.rows]
    rep = imp(ws, write_xlsx(tmp_path / "dua-blok.xlsx", [top]))
    assert (rep.status, rep.code) == ("ditolak", "split_table"), rep.message
    names = ", ".join(n for _, n in cols[5:])
    assert "di bawah tabel ada tabel kedua dengan kecamatan Kabupaten Kudus lain (" in rep.message
    assert rep.message.endswith("diharapkan satu tabel dengan semua kecamatan berdampingan. Gabungkan kedua bagian "
                                "menjadi satu tabel, simpan, lalu impor lagi.")
    assert names.split(", ")[0] in rep.message
    assert ws.latest_values() == {}


def _ods_edited(ws, kudus, out, edit):
    """The Kudus certificate as .ods (odfpy) with its content.xml rewritten by ``edit(text) -> text``."""
    import zipfile

    title, cols, values = kudus
    src = write_ods(out.with_name("asal.ods"), db1_grid(ws.election, title, cols, values))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            zout.writestr(info, edit(data.decode()).encode() if info.filename == "content.xml" else data)
    return out


def _float_cell(v) -> str:
    return f'<table:table-cell office:value-type="float" office:value="{v}"><text:p>{v}</text:p></table:table-cell>'


TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"


@pytest.mark.parametrize("case, said", [
    # the cell's prefix rebound: LibreOffice skips the cell (its neighbours move left), calamine reads it
    ("rebound", 'deklarasi namespace xmlns:table="urn:lain" di dalam tabel'),
    # a cell in another namespace before it: LibreOffice skips it, calamine counts it
    ("foreign_cell", 'deklarasi namespace xmlns:x="urn:lain" di dalam tabel'),
    # the table namespace under another prefix: LibreOffice reads the cell, calamine does not
    ("other_prefix", f'deklarasi namespace xmlns:tt="{TABLE_NS}" di dalam tabel'),
    # the same declared on the root
    ("other_prefix_on_root", f"awalan namespace tt untuk {TABLE_NS}"),
    # a wrapper around cells
    ("wrapper", "table:table-cell di dalam {urn:lain}w"),
])
def test_an_ods_cell_read_by_another_namespace_is_refused(ws, kudus, tmp_path, case, said):
    """calamine reads an .ods by its prefixes letter for letter ("table:table-cell"), LibreOffice by
    namespace: every way of making the two differ is refused before calamine reads (checked against
    LibreOffice: D12 shows 43605, 23531 or 99999 where calamine reads otherwise)."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = _float_cell(first)
    new = {
        "rebound": cell.replace("<table:table-cell ", '<table:table-cell xmlns:table="urn:lain" '),
        "foreign_cell": '<x:table-cell xmlns:x="urn:lain" office:value-type="float" office:value="9"/>' + cell,
        "other_prefix": f'<tt:table-cell xmlns:tt="{TABLE_NS}" office:value-type="float" office:value="9"/>',
        "other_prefix_on_root": '<tt:table-cell office:value-type="float" office:value="9"/>',
        "wrapper": f'<w:w xmlns:w="urn:lain">{cell}</w:w>',
    }[case]

    def edit(text):
        assert cell in text
        out = text.replace(cell, new, 1)
        if case == "other_prefix_on_root":
            out = out.replace("<office:document-content ", f'<office:document-content xmlns:tt="{TABLE_NS}" ', 1)
        if case == "wrapper":  # the wrapper's namespace declared on the root: no declaration inside the table
            out = out.replace(' xmlns:w="urn:lain"', "").replace("<office:document-content ",
                                                                  '<office:document-content xmlns:w="urn:lain" ', 1)
        return out

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / f"{case}.ods", edit))
    assert (rep.status, rep.code) == ("ditolak", "foreign_markup"), rep.message
    assert said in rep.message and ws.latest_revision("33.19") is None


@pytest.mark.parametrize("inner, said", [
    ("<text:p>{a}<text:ruby><text:ruby-base>1</text:ruby-base><text:ruby-text>9</text:ruby-text></text:ruby></text:p>",
     "text:ruby di dalam sel D11"),  # LibreOffice shows the base, calamine both
    ("<text:h>99999</text:h>", "text:h di dalam sel D11"),  # LibreOffice shows nothing
    ("<text:list><text:list-item><text:p>99999</text:p></text:list-item></text:list>", "text:list di dalam sel D11"),
    ('<table:table table:name="x"><table:table-row><table:table-cell office:value-type="float" office:value="99999">'
     "<text:p>99999</text:p></table:table-cell></table:table-row></table:table>", "table:table di dalam sel D11"),
])
def test_an_ods_cell_whose_text_is_shown_otherwise_than_read_is_refused(ws, kudus, tmp_path, inner, said):
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = _float_cell(first)
    text_cell = '<table:table-cell office:value-type="string">' + inner.format(a=first) + "</table:table-cell>"
    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "teks.ods", lambda t: t.replace(cell, text_cell, 1)))
    assert (rep.status, rep.code) == ("ditolak", "foreign_markup"), rep.message
    assert said in rep.message and "isi sel ods hanya paragraf teks" in rep.message


@pytest.mark.parametrize("inner", ["<text:p>{a}</text:p>", "<text:p><text:span>{a}</text:span></text:p>",
                                   "<office:annotation><text:p>dicek</text:p></office:annotation><text:p>{a}</text:p>"])
def test_an_ods_text_cell_as_libreoffice_writes_it_reads(ws, kudus, tmp_path, inner):
    first = kudus[2]["33.19.01"]["dpt_l"]
    text_cell = '<table:table-cell office:value-type="string">' + inner.format(a=first) + "</table:table-cell>"
    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "teks.ods", lambda t: t.replace(_float_cell(first), text_cell, 1)))
    assert rep.status == "diterima", rep.message
    assert stored(ws, "33.19")[1]["33.19.01"]["dpt_l"] == first


SVG_NS = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"


@pytest.mark.parametrize("inner, said", [
    ("<text:p>2</text:p><draw:g>9999</draw:g>", 'teks "9999" di sel D11 di luar paragrafnya'),
    ("<text:p>2</text:p><draw:rect><svg:desc>9999</svg:desc></draw:rect>", 'teks "9999" di sel D11'),
    ("<text:p>2</text:p><office:annotation><office:annotation/></office:annotation>9999",
     "office:annotation di dalam catatan"),
    ("<text:p>2</text:p><office:annotation-end>9999</office:annotation-end>", 'teks "9999" di sel D11'),
    ("9999<text:p>2</text:p>", 'teks "9999" di sel D11'),  # text directly in the cell
])
def test_ods_text_a_spreadsheet_program_does_not_show_is_refused(ws, kudus, tmp_path, inner, said):
    """calamine joins every text of a cell (but a comment's, up to its first end tag) to the cell's
    paragraphs; LibreOffice shows the paragraphs only: 2 on the screen, 29999 read."""
    first = kudus[2]["33.19.01"]["dpt_l"]

    def edit(text):
        text = text.replace(_float_cell(first), '<table:table-cell office:value-type="string">' + inner
                            + "</table:table-cell>", 1)
        for prefix, uri in (("svg", SVG_NS), ("draw", DRAW_NS)):
            if f"xmlns:{prefix}=" not in text:
                text = text.replace("<office:document-content ", f'<office:document-content xmlns:{prefix}="{uri}" ', 1)
        return text

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "teks.ods", edit))
    assert (rep.status, rep.code) == ("ditolak", "foreign_markup"), rep.message
    assert said in rep.message


def test_an_ods_number_cell_carrying_another_value_attribute_first_is_refused(ws, kudus, tmp_path):
    """office:string-value before office:value: LibreOffice shows the number, calamine the text."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    crafted = _float_cell(first).replace('office:value-type="float" ', 'office:value-type="float" '
                                                                      'office:string-value="99999" ')
    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "dua.ods", lambda t: t.replace(_float_cell(first), crafted, 1)))
    assert (rep.status, rep.code) == ("ditolak", "damaged"), rep.message
    assert 'bertipe float tetapi membawa juga office:string-value="99999"' in rep.message


def test_an_ods_error_cell_carrying_a_hidden_figure_is_an_error(ws, kudus, tmp_path):
    """LibreOffice shows "#DIV/0!"; calamine read the hidden office:value 0, stored silently before."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    crafted = ('<table:table-cell office:value-type="float" office:value="0" calcext:value-type="error">'
               "<text:p>#DIV/0!</text:p></table:table-cell>")

    def edit(text):
        text = text.replace(_float_cell(first), crafted, 1)
        if "xmlns:calcext" not in text:
            text = text.replace("<office:document-content ", '<office:document-content xmlns:calcext="urn:org:'
                                'documentfoundation:names:experimental:calc:xmlns:calcext:1.0" ', 1)
        return text

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "galat.ods", edit))
    assert (rep.status, rep.code) == ("ditolak", "bad_number"), rep.message
    assert "berisi galat #DIV/0!" in rep.message


def test_an_ods_as_odfpy_and_libreoffice_write_it_still_reads(ws, kudus, tmp_path):
    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "asli.ods", lambda t: t))
    assert rep.status == "diterima", rep.message


def test_an_ods_figure_under_a_merged_cell_is_refused(ws, kudus, tmp_path):
    """OpenDocument's merge (``table:number-columns-spanned`` on the first cell, the rest
    ``covered-table-cell``) keeps the covered cell's value unseen: refused as in xlsx."""
    values = kudus[2]
    a, b = _float_cell(values["33.19.01"]["dpt_l"]), _float_cell(second := values["33.19.02"]["dpt_l"])

    def merge(text):
        assert a + b in text
        return text.replace(a + b, a.replace("<table:table-cell ", '<table:table-cell table:number-columns-spanned="2" ')
                            + b.replace("table-cell", "covered-table-cell"), 1)

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "gabung.ods", merge))
    assert rep.status == "ditolak" and rep.code == "covered_cell"
    assert "sel E11 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK), " in rep.message
    assert f"menyimpan {second:,}".replace(",", ".") + ", tetapi tertutup sel gabungan D11:E11" in rep.message


def test_an_ods_text_cell_carrying_a_hidden_number_is_refused(ws, kudus, tmp_path):
    """A string cell showing 50261 with office:value="99999": LibreOffice shows the text, calamine
    read the number; no program writes both."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = f'<table:table-cell office:value-type="float" office:value="{first}">'

    def retype(text):
        assert cell in text
        return text.replace(cell, '<table:table-cell office:value-type="string" office:value="99999">', 1)

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "teks.ods", retype))
    assert rep.status == "ditolak" and rep.code == "damaged"
    assert rep.message.startswith("Berkas teks.ods: sel D11 di lembar ")
    assert f'bertipe teks (menampilkan "{first}") tetapi membawa nilai angka tersembunyi 99999' in rep.message


@pytest.mark.parametrize("tag, problem", [
    ('<table:table-cell office:value-type="float" office:value="5e">', 'bertanda angka, tetapi nilainya "5e" bukan angka'),
    ('<table:table-cell office:value-type="percentage" office:value="x">', 'bertanda angka, tetapi nilainya "x" bukan angka'),
    ('<table:table-cell office:value-type="float" office:value="１２">', 'bertanda angka, tetapi nilainya "１２" bukan angka'),
    ('<table:table-cell office:value-type="float" office:value=" {first}">',
     'bertanda angka, tetapi nilainya "{first}" ditulis dengan spasi di sekelilingnya'),
    ('<table:table-cell office:value-type="float">',
     'bertanda angka tanpa nilai angka (office:value), menampilkan "{first}"'),
    ('<table:table-cell office:value-type="zz" office:value="5">', 'bertanda jenis nilai "zz", yang bukan jenis nilai lembar kerja'),
    ('<table:table-cell>', 'menampilkan "{first}" tanpa jenis nilai (office:value-type)'),
    ('<table:table-cell office:value-type="date" office:value="99999">',
     'bertipe date tetapi membawa nilai angka tersembunyi 99999 (menampilkan "{first}")'),
    ('<table:table-cell office:value-type="boolean" office:value="99999">',
     'bertipe boolean tetapi membawa nilai angka tersembunyi 99999 (menampilkan "{first}")'),
])
def test_an_ods_cell_read_otherwise_than_shown_is_refused_by_its_cell(ws, kudus, tmp_path, tag, problem):
    """calamine stopped on these with its own English ("Cannot detect file format"), or read a figure
    shown by LibreOffice as blank (no value type) or as another figure (an unknown type)."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = f'<table:table-cell office:value-type="float" office:value="{first}">'

    def retype(text):
        assert cell in text
        return text.replace(cell, tag.format(first=first), 1)

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "sel.ods", retype))
    assert (rep.status, rep.code) == ("ditolak", "damaged")
    assert rep.message == (f"Berkas sel.ods: sel D11 di lembar DB1-PPWP {problem.format(first=first)}; program lembar "
                           "kerja tidak menulis sel seperti itu, dan sel itu bisa terbaca berbeda dari yang tampil. Buka "
                           "berkas di program lembar kerja, periksa sel itu, simpan ulang, lalu impor lagi. Tidak ada "
                           "yang disimpan.")
    assert ws.latest_revision("33.19") is None


def test_an_ods_note_without_a_value_type_is_no_figure(ws, kudus, tmp_path):
    """odfpy writes a text cell without a value type: words (a note) are no figure and pass."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = f'<table:table-cell office:value-type="float" office:value="{first}">'
    note = '<table:table-cell><text:p>dicek ulang di pleno</text:p></table:table-cell>'

    def after_row(text):
        row_end = text.index("</table:table-row>", text.index(cell))
        return text[:row_end] + note + text[row_end:]

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "catatan2.ods", after_row))
    assert rep.status == "diterima", rep.message


def test_an_ods_comment_in_an_empty_cell_is_no_figure(ws, kudus, tmp_path):
    """A cell holding only a comment (office:annotation) has no value type and shows nothing."""
    first = kudus[2]["33.19.01"]["dpt_l"]
    cell = f'<table:table-cell office:value-type="float" office:value="{first}">'
    note = ('<table:table-cell><office:annotation><text:p>dicek ulang</text:p></office:annotation></table:table-cell>')

    def before_it(text):
        row_end = text.index("</table:table-row>", text.index(cell))
        return text[:row_end] + note + text[row_end:]

    rep = imp(ws, _ods_edited(ws, kudus, tmp_path / "catatan.ods", before_it))
    assert rep.status == "diterima", rep.message
    assert stored(ws, "33.19")[1]["33.19.01"]["dpt_l"] == first


# ----------------------------------------------------------------- a file over a typed correction
def test_a_file_does_not_undo_a_typed_correction_without_a_reason(ws, kudus, tmp_path):
    from recap_app.core import certificate

    title, cols, values = kudus
    path = write_xlsx(tmp_path / "kudus.xlsx", [db1_grid(ws.election, title, cols, values)])
    assert imp(ws, path).revision == 1
    typed_cols, typed = stored(ws, "33.19")
    typed = copy.deepcopy(typed)
    typed["33.19.01"]["paslon_1"] += 10
    typed["33.19.01"]["suara_sah"] += 10
    typed["33.19.01"]["jumlah_suara"] += 10
    certificate.save(ws, "33.19", typed_cols, typed, "tester", reason="dicocokkan dengan DA1 asli")
    audit_before = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]

    rep = imp(ws, path)  # the earlier file again: it would put the old figures back
    assert (rep.status, rep.code) == ("ditolak", "reason_needed")
    assert "revisi 2 diketik di aplikasi oleh tester" in rep.message
    assert 'alasan: "dicocokkan dengan DA1 asli"' in rep.message and "WIB" in rep.message
    assert "mengubah 3 isian" in rep.message and "--reason" in rep.message
    assert f"KALIWUNGU (33.19.01) {ws.election.form.field_label('paslon_1')}: " in rep.message
    assert len(rep.differences) == 3
    assert ws.latest_revision("33.19").number == 2 and stored(ws, "33.19")[1] == typed
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit_before

    assert imp(ws, path, reason="   ").code == "reason_needed"  # blanks are no reason
    rep = imp(ws, path, reason="kabupaten mengirim ulang berkas yang berlaku")
    assert (rep.status, rep.revision) == ("diterima", 3)
    assert ws.latest_revision("33.19").reason == "kabupaten mengirim ulang berkas yang berlaku"
    assert stored(ws, "33.19")[1]["33.19.01"]["paslon_1"] == values["33.19.01"]["paslon_1"]
    assert rep.replaces["revision"] == 2 and rep.replaces["made"] == "certificate.revision"
    assert rep.replaces["reason"] == "dicocokkan dengan DA1 asli"
    lines = rep.to_text().splitlines()
    assert lines[1:3] == ["  Disimpan sebagai revisi 3.", "  Menggantikan revisi 2 (diketik di aplikasi oleh tester, "
                          + lines[2].split("tester, ")[1]]
    assert lines[2].endswith("WIB); alasan yang diberikan dicatat pada revisi baru.")


def test_a_replacement_that_changes_no_figure_says_what_it_changes(ws, kudus, tmp_path):
    """A file whose figures equal a typed revision but whose columns differ (a blank kecamatan more or
    in another order) changes no figure: the refusal says that instead of "0 isian"."""
    from recap_app.core.importer import FileReport, replacement_text

    rev = ws.latest_revision("33.19")
    assert rev is None
    title, cols, values = kudus
    assert imp(ws, write_xlsx(tmp_path / "k.xlsx", [db1_grid(ws.election, title, cols, values)])).revision == 1
    rev = ws.latest_revision("33.19")
    rep = FileReport("k.xlsx", kode="33.19", differences=[],
                     replaces={"revision": 2, "made": "bundle.revision", "by": "kpu-kudus", "at": rev.created_at,
                               "reason": None})
    text = replacement_text(ws, rep)
    assert text.startswith("sertifikat Kabupaten Kudus (33.19) revisi 2 diterima dari bundel kantor lain oleh kpu-kudus")
    assert text.endswith("WIB. Angka berkas ini sama, kolomnya (kecamatan) berbeda; berkas ini akan menggantinya.")
    assert "0 isian" not in text
    en = replacement_text(ws, rep, "en")
    assert "received in another office's bundle by kpu-kudus" in en and en.endswith("it would replace it.")
    assert replacement_text(ws, FileReport("x.xlsx", kode="33.19")) == ""


def test_a_file_over_an_adopted_typed_revision_is_refused_as_adopted_not_asked_a_reason(ws, kudus, tmp_path,
                                                                                        monkeypatch):
    from recap_app.core import certificate

    title, cols, values = kudus
    path = write_xlsx(tmp_path / "kudus.xlsx", [db1_grid(ws.election, title, cols, values)])
    assert imp(ws, path).revision == 1
    typed_cols, typed = stored(ws, "33.19")
    typed = copy.deepcopy(typed)
    typed["33.19.01"]["suara_tidak_sah"] += 1
    typed["33.19.01"]["jumlah_suara"] += 1
    certificate.save(ws, "33.19", typed_cols, typed, "tester", reason="dicocokkan")
    monkeypatch.setattr(ws, "adoption", lambda kode: {"revision_id": 2, "at": "", "by": "ketua"})  # as adopted
    rep = imp(ws, path)
    assert (rep.status, rep.code) == ("ditolak", "adopted")  # no reason can help: reopen first
    assert "sudah ditetapkan; buka kembali dulu" in rep.message
    assert imp(ws, path, reason="berkas perbaikan").code == "adopted"


def test_a_file_over_a_file_needs_no_reason(ws, kudus, tmp_path):
    title, cols, values = kudus
    assert imp(ws, write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, cols, values)])).revision == 1
    changed = copy.deepcopy(values)
    changed["33.19.02"]["suara_tidak_sah"] += 1
    changed["33.19.02"]["jumlah_suara"] += 1
    rep = imp(ws, write_xlsx(tmp_path / "b.xlsx", [db1_grid(ws.election, title, cols, changed)]))
    assert (rep.status, rep.revision) == ("diterima", 2)  # a regency's resent workbook is the usual case
    assert len(rep.differences) == 2


def test_the_report_in_english_for_the_english_window(ws, kudus, tmp_path):
    """The window's English translation: the program's own words in English, the form's English
    labels, a refusal's meaning from its code and then its Indonesian message as recorded."""
    title, cols, values = kudus
    values = copy.deepcopy(values)
    values["33.19.02"]["suara_tidak_sah"] = None
    good = write_xlsx(tmp_path / "kudus.xlsx", [db1_grid(ws.election, title, cols, values)])
    bad = tmp_path / "kosong.csv"
    bad.write_text("", encoding="utf-8")
    report = import_files(ws, [good, bad, good], "tester")
    text = report.to_text(ws.election, lang="en").splitlines()
    label = ws.election.form.label("suara_tidak_sah", "en")
    assert text[0] == "ACCEPTED kudus.xlsx: Kabupaten Kudus (33.19), sheet DB1-PPWP"
    assert text[1:3] == ["  Stored as revision 1.", "  9 kecamatan, 39 fields read."]
    assert f"  Blank (not zero): {label} in 33.19.02" in text
    refused = text.index("REFUSED  kosong.csv")
    assert text[refused + 1].startswith("  ") and "[empty]; nothing is stored." in text[refused + 1]
    assert text[refused + 2].startswith("  In Indonesian, as recorded: Berkas kosong.csv")
    assert "ALREADY THERE kudus.xlsx: Kabupaten Kudus (33.19), sheet DB1-PPWP" in text
    assert "  Same figures as revision 1; nothing changed." in text
    assert text[-1] == "Summary: 1 accepted, 1 already there, 1 refused."
    indonesian = report.to_text(ws.election).splitlines()
    assert indonesian[0] == "DITERIMA kudus.xlsx: Kabupaten Kudus (33.19), lembar DB1-PPWP"
    assert indonesian[-1] == "Ringkasan: 1 diterima, 1 sudah ada, 1 ditolak."
