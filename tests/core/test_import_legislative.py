"""Import of legislative regency certificates (D.HASIL KABKO-DPR): the samples' layout, the variants
regencies make, and the refusals (another dapil's lists, a candidate not on the list, near names)."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
from fixtures_import import write_xlsx
from fixtures_legislative import certificates, dpr_grid, official, write_dpr_workbooks

from recap_app.core import reconcile
from recap_app.core.domain import JUMLAH
from recap_app.core.importer import import_files
from recap_app.core.importer.template import build_template, fill_template, template_filename
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals

DATA = Path(__file__).resolve().parent.parent / "data" / "legislative"
SEMARANG = DATA / "dhasil-kabko-dpr-2024_33.74_contoh.xlsx"
KAB_SEMARANG = DATA / "dhasil-kabko-dpr-2024_33.22_contoh.xlsx"


@pytest.fixture
def dpr(tmp_path):
    w = Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester")
    yield w
    w.close()


@pytest.fixture(scope="module")
def certs():
    from recap_app.core.election import load_election

    return certificates(load_election("dpr-2024-jateng"))


def imp(ws, *paths, **kw):
    return import_files(ws, list(paths), "tester", **kw)


def revisions(ws) -> int:
    return ws.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0]


def write(tmp_path, ws, kode, cols, values, name="x.xlsx", **kw):
    return write_xlsx(tmp_path / name, [dpr_grid(ws.election, kode, cols, values, **kw)])


# ----------------------------------------------------------------- the samples
def test_the_two_samples_import_with_their_figures(dpr):
    rep = imp(dpr, SEMARANG, KAB_SEMARANG)
    assert rep.ok and [f.status for f in rep.files] == ["diterima", "diterima"]
    assert [(f.kode, len(f.kecamatan)) for f in rep.files] == [("33.74", 16), ("33.22", 19)]
    latest = dpr.latest_values()
    kota = latest["33.74"][1]
    assert kota[JUMLAH]["partai_1"] == 22007  # PKB party-only, JUMLAH AKHIR of Kota Semarang
    assert kota[JUMLAH]["partai_1_calon_1"] == 32918  # ALAMUDIN DIMYATI ROIS
    assert kota[JUMLAH]["partai_1_jumlah"] == 78557
    assert kota[JUMLAH]["partai_3_jumlah"] == 247276  # PDI Perjuangan
    assert kota[JUMLAH]["suara_sah"] == 872468
    assert kota["33.74.01"]["partai_1"] == 843  # Semarang Tengah
    assert kota[JUMLAH]["suara_tidak_sah"] is None  # the V row is there, blank (not held)
    assert latest["33.22"][1][JUMLAH]["suara_sah"] == 629283
    # the samples' figures keep F.204 and F.201 in every column
    codes = {f.code for f in reconcile.check_workspace(dpr) if f.region in ("33.74", "33.22")}
    assert not codes & {"F.204", "F.201", "F.501"}


def test_the_samples_titled_with_the_bare_name_semarang_go_to_their_own_regencies(dpr, tmp_path):
    """"KABUPATEN/KOTA : SEMARANG" on both samples (a city's clerk writing its bare name): the
    kecamatan decide between Kabupaten and Kota Semarang, as for a single-district contest."""
    import openpyxl

    paths = []
    for src in (SEMARANG, KAB_SEMARANG):
        wb = openpyxl.load_workbook(src)
        assert wb.worksheets[0]["A5"].value == "KABUPATEN/KOTA"
        wb.worksheets[0]["B5"] = ": SEMARANG"
        paths.append(tmp_path / src.name)
        wb.save(paths[-1])
    rep = imp(dpr, *paths)
    assert rep.ok and [f.kode for f in rep.files] == ["33.74", "33.22"]
    assert dpr.latest_values()["33.74"][1][JUMLAH]["suara_sah"] == 872468


def test_all_35_regencies_give_the_official_180_party_totals(dpr, tmp_path):
    paths = write_dpr_workbooks(dpr.election, tmp_path / "wb")
    rep = imp(dpr, *paths)
    assert rep.ok and len(rep.files) == 35
    t = province_totals(dpr)
    off = official()
    checked = 0
    for d in t["dapil"]:
        form = dpr.election.form_for(d["kode"])
        assert d["received"] == d["expected"]
        for p in form.contestants:
            party = off[d["kode"]].parties[p.nomor]
            assert d["fields"][form.total_key(p)] == party.jumlah
            assert d["fields"][form.party_key(p.nomor)] == party.suara_partai
            for c in form.candidates[p.nomor]:
                assert d["fields"][form.candidate_key(p.nomor, c.nomor)] == party.calon[c.nomor][1]
            checked += 1
    assert checked == 180
    d1 = next(d for d in t["dapil"] if d["kode"] == "3301")
    assert d1["fields"]["partai_3_jumlah"] == 646141  # PDI Perjuangan, JAWA TENGAH I


def test_findings_stored_by_an_import_read_ahead_are_the_evaluation_of_the_figures(tmp_path, certs):
    """The importer's plan evaluates each certificate's rules (in the read-ahead child here): what
    it stores is what the pure evaluation of the stored figures gives, dapil by dapil."""
    with Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester") as ws:
        e = ws.election
        wrong = {k: (cols, copy.deepcopy(vals)) for k, (cols, vals) in certs.items()}
        cols, vals = wrong["33.74"]
        vals[cols[0]]["partai_1"] += 7  # a party total that no longer adds up (F.204) in one kecamatan
        paths = write_dpr_workbooks(e, tmp_path / "wb", wrong)
        rep = import_files(ws, paths, "tester", read_ahead=True)
        assert rep.ok and len(rep.files) == 35
        key = lambda f: (f.code, f.region, f.column, f.field, f.expected, f.actual, f.message)  # noqa: E731
        stored = sorted(map(key, reconcile.findings(ws)))
        assert stored == sorted(map(key, reconcile.check_workspace(ws)))
        assert ("F.204", "33.74", cols[0]) in {k[:3] for k in stored}
        assert not reconcile.stale_regions(ws)


def test_without_a_jumlah_column_the_total_is_computed(dpr, tmp_path, certs):
    cols, values = certs["33.73"]
    f = imp(dpr, write(tmp_path, dpr, "33.73", cols, values, jumlah=False)).files[0]
    assert f.ok and f.jumlah_computed
    assert dpr.latest_values()["33.73"][1][JUMLAH]["partai_3_jumlah"] == values[JUMLAH]["partai_3_jumlah"]


# ----------------------------------------------------------------- variants
def test_names_in_other_case_titles_and_punctuation_are_the_same_candidates(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    form = dpr.election.form_of_region("33.74")
    names = {(p.nomor, c.nomor): c.nama.lower() for p in form.contestants for c in form.candidates[p.nomor]}
    names[(1, 4)] = "ACHMAD MAULANI"  # "Dr. H. ACHMAD MAULANI" without his titles
    names[(1, 3)] = "Sri Nur Ainingsih, S.Sy., M.E."
    parties = {1: "PKB", 2: "Partai Gerakan Indonesia Raya (GERINDRA)", 3: "pdi perjuangan"}
    f = imp(dpr, write(tmp_path, dpr, "33.74", cols, values, party_names=parties, candidate_names=names)).files[0]
    assert f.ok, f.message
    assert f.calon == []  # every one an exact match once case, titles and punctuation are set aside
    assert dpr.latest_values()["33.74"][1][JUMLAH] == {k: values[JUMLAH].get(k) for k in form.field_keys}


def test_a_party_heading_without_figures_then_a_party_only_row(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    grid = dpr_grid(dpr.election, "33.74", cols, values)
    rows = []
    for row in grid.rows:
        if len(row) > 1 and row[0] == 5 and row[1] == "PARTAI NASDEM":  # "5 | PARTAI NASDEM | figures"
            rows.append(["5.", "Partai NasDem"])
            rows.append([None, "Suara Partai Politik"] + row[2:])
        elif len(row) > 1 and row[1] == "JUMLAH SUARA SAH PARTAI NASDEM DAN CALON":
            rows.append([None, "Jumlah"] + row[2:])
        else:
            rows.append(row)
    grid.rows = rows
    f = imp(dpr, write_xlsx(tmp_path / "v.xlsx", [grid])).files[0]
    assert f.ok, f.message
    got = dpr.latest_values()["33.74"][1][JUMLAH]
    assert (got["partai_5"], got["partai_5_jumlah"]) == (values[JUMLAH]["partai_5"], values[JUMLAH]["partai_5_jumlah"])


def test_the_provinces_own_template_round_trips(dpr, tmp_path, certs):
    cols, values = certs["33.22"]
    path = fill_template(tmp_path / template_filename(dpr, "33.22"), cols, values,
                         dpr.election.form_of_region("33.22"), wb=build_template(dpr, "33.22"))
    f = imp(dpr, path).files[0]
    assert f.ok, f.message
    keys = dpr.election.form_of_region("33.22").field_keys
    got = dpr.latest_values()["33.22"][1]
    assert got == {c: {k: values[c].get(k) for k in keys} for c in cols}


# ----------------------------------------------------------------- near names
def test_a_near_candidate_name_asks_then_is_remembered(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    path = write(tmp_path, dpr, "33.74", cols, values, candidate_names={(1, 1): "ALAMUDIN DIMYATI ROYS"})
    f = imp(dpr, path).files[0]
    assert f.code == "near_names" and revisions(dpr) == 0
    assert "\"ALAMUDIN DIMYATI ROYS\" (sel B14) mungkin ALAMUDIN DIMYATI ROIS (nomor urut 1, partai nomor 1)" in f.message
    assert "--accept-names" in f.message
    f = imp(dpr, path, accept_names=True).files[0]
    assert f.ok and f.calon[0]["nama"] == "ALAMUDIN DIMYATI ROIS" and f.calon[0]["cell"] == "B14"
    assert dpr.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'candidate.alias_accept'").fetchone()[0] == 1
    # the spelling is remembered: the next file with it goes through without asking
    values2 = {c: dict(v) for c, v in values.items()}
    values2["33.74.01"]["partai_1"] += 1
    values2["33.74.01"]["partai_1_jumlah"] += 1
    values2["33.74.01"]["suara_sah"] += 1
    for k in ("partai_1", "partai_1_jumlah", "suara_sah"):
        values2[JUMLAH][k] += 1
    f = imp(dpr, write(tmp_path, dpr, "33.74", cols, values2, name="y.xlsx",
                       candidate_names={(1, 1): "ALAMUDIN DIMYATI ROYS"})).files[0]
    assert f.ok and f.revision == 2 and f.calon == []


# ----------------------------------------------------------------- refusals
def test_a_candidate_not_on_the_list_is_refused_and_nothing_written(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    path = write(tmp_path, dpr, "33.74", cols, values, candidate_names={(4, 2): "BUDI SANTOSO"})
    f = imp(dpr, path).files[0]
    assert f.code == "unknown_candidate" and revisions(dpr) == 0
    assert f.message == (
        "Berkas x.xlsx, lembar D.HASIL KABKO-DPR, sel B45: calon Golkar nomor urut 2 \"BUDI SANTOSO\" tidak ada "
        "dalam daftar calon dapil JAWA TENGAH I; diharapkan nomor urut 2 adalah Dr. M. IQBAL WIBISONO S.H. M.Hum..")


def test_a_ninth_candidate_in_an_eight_seat_dapil_is_refused(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    grid = dpr_grid(dpr.election, "33.74", cols, values)
    at = next(i for i, r in enumerate(grid.rows) if len(r) > 1 and r[1] == "JUMLAH SUARA SAH PARTAI KEBANGKITAN BANGSA DAN CALON")
    grid.rows.insert(at, [9, "CALON TAMBAHAN"] + [0] * (len(cols)))
    f = imp(dpr, write_xlsx(tmp_path / "z.xlsx", [grid])).files[0]
    assert f.code == "unknown_candidate" and revisions(dpr) == 0
    assert "calon PKB nomor urut 9 \"CALON TAMBAHAN\" tidak ada dalam daftar calon dapil JAWA TENGAH I; diharapkan " \
           "salah satu dari 8 calon PKB dapil JAWA TENGAH I (nomor urut 1–8)" in f.message


def test_a_sheet_with_another_dapils_lists_is_refused_naming_it(dpr, tmp_path, certs):
    cols, values = certs["33.74"]  # Kota Semarang, JAWA TENGAH I ...
    other = dpr.election.form_for("3302")  # ... printed with the lists of JAWA TENGAH II
    f = imp(dpr, write(tmp_path, dpr, "33.74", cols, values, form_of=other, dapil_title="JAWA TENGAH I")).files[0]
    assert f.code == "wrong_district" and revisions(dpr) == 0
    assert "daftar calon di lembar ini adalah daftar dapil 3302 JAWA TENGAH II" in f.message
    assert "padahal Kota Semarang (33.74) termasuk dapil 3301 JAWA TENGAH I" in f.message


def test_a_title_naming_another_dapil_is_refused(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    f = imp(dpr, write(tmp_path, dpr, "33.74", cols, values, dapil_title="JAWA TENGAH II")).files[0]
    assert f.code == "wrong_district" and revisions(dpr) == 0
    assert f.message == ("Berkas x.xlsx, lembar D.HASIL KABKO-DPR, sel A6: judul menyebut dapil 3302 JAWA TENGAH II, "
                         "padahal Kota Semarang (33.74) termasuk dapil 3301 JAWA TENGAH I; diharapkan sertifikat dapil "
                         "JAWA TENGAH I.")


def test_an_unknown_party_is_refused(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    f = imp(dpr, write(tmp_path, dpr, "33.74", cols, values, party_names={24: "PARTAI ACEH"})).files[0]
    assert f.code == "unknown_party" and revisions(dpr) == 0
    assert "partai \"PARTAI ACEH\" nomor 24 tidak ada dalam Pemilihan Umum Anggota Dewan Perwakilan Rakyat" in f.message


def test_a_dpr_sheet_is_refused_by_a_dprd_workspace(tmp_path, certs):
    with Workspace.create(tmp_path / "dprd.sqlite", "dprd-provinsi-2024-jateng", actor="tester") as dprd:
        from recap_app.core.election import load_election

        cols, values = certs["33.74"]
        grid = dpr_grid(load_election("dpr-2024-jateng"), "33.74", cols, values)
        grid.rows[5] = ["DAERAH PEMILIHAN", ": JAWA TENGAH 1"]
        f = imp(dprd, write_xlsx(tmp_path / "dpr.xlsx", [grid])).files[0]
        assert f.code == "wrong_election" and revisions(dprd) == 0
        assert "formulir \"MODEL D.HASIL KABKO-DPR\" bukan D.HASIL KABKO-DPRD PROV" in f.message
        grid.rows[0] = [None, "MODEL D.HASIL KABKO-DPRD PROV"]  # the form renamed, the title still the DPR's
        f = imp(dprd, write_xlsx(tmp_path / "dpr2.xlsx", [grid])).files[0]
        assert f.code == "wrong_election" and revisions(dprd) == 0
        assert "menyebut pemilihan lain; diharapkan Pemilihan Umum Anggota Dewan Perwakilan Rakyat Daerah" in f.message


def test_a_dprd_sheet_before_the_dct_is_loaded_says_so(tmp_path, certs):
    with Workspace.create(tmp_path / "dprd.sqlite", "dprd-provinsi-2024-jateng", actor="tester") as dprd:
        from recap_app.core.election import load_election

        cols, values = certs["33.74"]
        grid = dpr_grid(load_election("dpr-2024-jateng"), "33.74", cols, values)
        grid.rows[0] = [None, "MODEL D.HASIL KABKO-DPRD PROV"]
        grid.rows[1] = ["SERTIFIKAT REKAPITULASI ... PEMILIHAN UMUM ANGGOTA DPRD PROVINSI TAHUN 2024"]
        grid.rows[5] = ["DAERAH PEMILIHAN", ": JAWA TENGAH 1"]
        f = imp(dprd, write_xlsx(tmp_path / "d.xlsx", [grid])).files[0]
        assert f.code == "unknown_candidate"
        assert "daftar calon PKB dapil JAWA TENGAH 1 belum dimuat (muat DCT dengan: recap dct import)" in f.message


# ----------------------------------------------------------------- faults the checks find
def test_a_party_total_that_does_not_add_up_is_found_in_its_kecamatan_column(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    bad = {c: dict(v) for c, v in values.items()}
    bad["33.74.05"]["partai_8_jumlah"] += 10  # PKS total in Genuk, 10 more than its parts
    bad[JUMLAH]["partai_8_jumlah"] += 10
    bad["33.74.05"]["suara_sah"] += 10
    bad[JUMLAH]["suara_sah"] += 10
    assert imp(dpr, write(tmp_path, dpr, "33.74", cols, bad)).ok
    fs = [f for f in reconcile.check_workspace(dpr) if f.code == "F.204"]
    assert [(f.region, f.column, f.field, f.difference) for f in fs] == [
        ("33.74", "33.74.05", "partai_8_jumlah", 10), ("33.74", JUMLAH, "partai_8_jumlah", 10),
        ("3301", "PROVINSI", "partai_8_jumlah", 10)]
    assert fs[0].message.startswith("Kota Semarang, kecamatan GENUK (33.74.05): IV.8 suara partai PKS + ")


def test_nothing_is_written_when_a_later_file_is_refused(dpr, tmp_path, certs):
    cols, values = certs["33.74"]
    good = write(tmp_path, dpr, "33.74", cols, values, name="good.xlsx")
    bad = write(tmp_path, dpr, "33.74", cols, values, name="bad.xlsx", dapil_title="JAWA TENGAH II")
    rep = imp(dpr, bad, good)
    assert [f.status for f in rep.files] == ["ditolak", "diterima"]
    con = sqlite3.connect(dpr.path)
    assert con.execute("SELECT COUNT(*) FROM source_file").fetchone()[0] == 1
    con.close()


# ----------------------------------------------------------------- DPD: individual candidates
def _dpd(tmp_path):
    from test_dct import DPD_NUMBERS

    from recap_app.core import dct

    ws = Workspace.create(tmp_path / "dpd.sqlite", "dpd-2024-jateng", actor="tester")
    dct.number_candidates(ws, dct.parse_numbers(DPD_NUMBERS), "tester")
    return ws


def _dpd_grid(ws, kode, drop=None, rename=None):
    from fixtures_import import Grid

    form = ws.election.form
    kec = [r for r in ws.columns_of(kode)]
    rows = [[None, "MODEL D.HASIL KABKO-DPD"],
            ["SERTIFIKAT REKAPITULASI ... PEMILIHAN UMUM ANGGOTA DEWAN PERWAKILAN DAERAH TAHUN 2024"], [],
            ["PROVINSI", ": JAWA TENGAH"], ["KABUPATEN/KOTA", ": KUDUS"], [],
            ["NO", "URAIAN"] + [r.nama for r in kec] + ["JUMLAH AKHIR"],
            ["I", "DATA PEMILIH DAN PENGGUNA HAK PILIH"],
            ["III", "RINCIAN PEROLEHAN SUARA CALON ANGGOTA DPD"]]
    total = [0] * (len(kec) + 1)
    for c in form.contestants:
        if c.nomor == drop:
            continue
        figs = [100 * c.nomor + i for i in range(len(kec))]
        figs.append(sum(figs))
        total = [a + b for a, b in zip(total, figs, strict=True)]
        rows.append([c.nomor, (rename or {}).get(c.nomor, c.nama.upper())] + figs)
    rows.append(["IV", "JUMLAH SUARA SAH SELURUH CALON ANGGOTA DPD"] + total)
    rows.append(["V", "JUMLAH SUARA TIDAK SAH"])
    return Grid(rows, name="DPD")


def test_a_dpd_sheet_reads_its_candidates_by_number_and_name(tmp_path):
    with _dpd(tmp_path) as ws:
        f = imp(ws, write_xlsx(tmp_path / "dpd.xlsx", [_dpd_grid(ws, "33.19")])).files[0]
        assert f.ok, f.message
        got = ws.latest_values()["33.19"][1][JUMLAH]
        assert got["perseorangan_11"] == 1100 * 9 + 36  # Taj Yasin, 9 kecamatan of Kudus
        assert got["suara_sah"] == sum(got[f"perseorangan_{n}"] for n in range(1, 12))
        assert not [x for x in reconcile.check_workspace(ws) if x.code in ("F.201", "F.603")]


def test_a_dpd_sheet_missing_a_candidate_breaks_f603_and_a_stranger_is_refused(tmp_path):
    with _dpd(tmp_path) as ws:
        assert imp(ws, write_xlsx(tmp_path / "a.xlsx", [_dpd_grid(ws, "33.19", drop=4)])).ok
        fs = [x for x in reconcile.check_workspace(ws) if x.code == "F.603"]
        assert [(x.region, x.field) for x in fs] == [("33.19", "perseorangan_4")]
        f = imp(ws, write_xlsx(tmp_path / "b.xlsx", [_dpd_grid(ws, "33.19", rename={4: "SUPARNO"})])).files[0]
        assert f.code == "unknown_candidate" and "nomor urut 4 adalah Bambang Sutrisno" in f.message


def test_a_dpr_sheet_is_refused_by_a_pair_workspace_as_another_election(tmp_path, certs):
    """Before its rows are read: a DPR form's rows would otherwise be refused as a pair form's
    doubled fields, which names the wrong fault."""
    from recap_app.core.election import load_election

    with Workspace.create(tmp_path / "p.sqlite", "pilpres-2019-jateng", actor="tester") as pil:
        cols, values = certs["33.74"]
        grid = dpr_grid(load_election("dpr-2024-jateng"), "33.74", cols, values)
        f = imp(pil, write_xlsx(tmp_path / "dpr.xlsx", [grid])).files[0]
        assert f.code == "wrong_election" and revisions(pil) == 0
        assert "formulir \"MODEL D.HASIL KABKO-DPR\" bukan DB1-PPWP; berkas ini untuk pemilihan lain" in f.message
        from click.testing import CliRunner

        from recap_app.cli import main

        r = CliRunner().invoke(main, ["import", "--db", str(pil.path), str(tmp_path / "dpr.xlsx")])
        assert r.exit_code == 1 and r.stdout.endswith(
            "Ringkasan: 0 diterima, 0 sudah ada, 1 ditolak.\nSertifikat pemilihan lain diimpor ke ruang kerja "
            "pemilihan itu: buat dengan recap init --election ID --db BERKAS (daftar ID: recap elections).\n")
