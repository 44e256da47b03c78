"""Refused imports (issue 3 §3): exact Indonesian messages, exit status 1, database byte-for-byte as before."""

import copy
import hashlib
import json

import pytest
from click.testing import CliRunner
from fixtures_import import db1_grid, full_values, write_csv, write_xlsx

from recap_app.cli import main
from recap_app.core.importer import import_files
from recap_app.core.importer import reader as reader_mod
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals

T = "KOTA PEKALONGAN"


@pytest.fixture
def db(tmp_path):
    """A closed, empty Pilpres 2019 workspace file."""
    path = tmp_path / "w.sqlite"
    Workspace.create(path, "pilpres-2019-jateng", actor="tester").close()
    return path


@pytest.fixture
def pekalongan(db):
    with Workspace.open(db) as ws:
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.75")]
        return ws.election, cols, full_values(ws.election, [k for k, _ in cols])


def snapshot(db):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(db.parent.glob(db.name + "*"))}


def refused(db, path, *extra):
    """Import through the CLI; assert refusal with nothing written; return the file's JSON report."""
    before = snapshot(db)
    r = CliRunner().invoke(main, ["import", "--db", str(db), "--format", "json", *extra, str(path)])
    assert r.exit_code == 1, r.output
    assert snapshot(db) == before
    rep = json.loads(r.output)["files"][0]
    assert rep["status"] == "ditolak"
    return rep


def grid_file(tmp_path, name, e, cols, values, **kw):
    return write_xlsx(tmp_path / name, [db1_grid(e, T, cols, values, **kw)])


def test_another_province(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    rep = refused(db, grid_file(tmp_path, "prov.xlsx", e, cols, v, province="JAWA TIMUR"))
    assert rep["code"] == "wrong_province"
    assert rep["message"] == ('Berkas prov.xlsx, lembar DB1-PPWP, sel A4: ditemukan "PROVINSI : JAWA TIMUR", '
                              "diharapkan provinsi JAWA TENGAH; berkas ini untuk provinsi lain.")


@pytest.mark.parametrize("kode, title", [("33.74", "SEMARANG"), ("33.22", "SEMARANG"), ("33.71", "MAGELANG"),
                                         ("33.08", "MAGELANG"), ("33.75", "PEKALONGAN"), ("33.26", "PEKALONGAN"),
                                         ("33.76", "TEGAL"), ("33.28", "TEGAL"), ("33.74", "SEMARANG PEMILU 2019")])
def test_a_bare_name_a_kabupaten_and_a_kota_share_is_decided_by_the_kecamatan(db, tmp_path, kode, title):
    """"KABUPATEN/KOTA : SEMARANG" over the kecamatan of Kota Semarang is Kota Semarang, over those of
    Kabupaten Semarang the kabupaten (Jawa Tengah has four such pairs): the title does not refuse a
    city whose clerk wrote its bare name."""
    with Workspace.open(db) as ws:
        cols = [(r.kode, r.nama) for r in ws.columns_of(kode)]
        e, v = ws.election, full_values(ws.election, [k for k, _ in cols])
    path = write_xlsx(tmp_path / "k.xlsx", [db1_grid(e, title, cols, v)])
    r = CliRunner().invoke(main, ["import", "--db", str(db), "--format", "json", str(path)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["files"][0]["kode"] == kode


def test_a_bare_shared_name_over_a_third_regency_is_refused_quoting_the_title(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    rep = refused(db, write_xlsx(tmp_path / "s.xlsx", [db1_grid(e, "SEMARANG", cols, v)]))
    assert (rep["code"], rep["message"]) == ("wrong_regency", (
        'Berkas s.xlsx, lembar DB1-PPWP: judul "KABUPATEN/KOTA : SEMARANG" menyebut Kabupaten Semarang (33.22) atau '
        "Kota Semarang (33.74), tetapi kecamatan di tabel milik Kota Pekalongan (33.75); diharapkan satu "
        "kabupaten/kota yang sama."))
    # a name written in full is not ambiguous: "KABUPATEN/KOTA : KABUPATEN SEMARANG" over Kota Semarang is refused
    with Workspace.open(db) as ws:
        kota = [(r.kode, r.nama) for r in ws.columns_of("33.74")]
    rep = refused(db, write_xlsx(tmp_path / "k.xlsx", [db1_grid(e, "KABUPATEN SEMARANG", kota,
                                                                  full_values(e, [k for k, _ in kota]))]))
    assert rep["message"].startswith("Berkas k.xlsx, lembar DB1-PPWP: judul menyebut Kabupaten Semarang (33.22), "
                                     "tetapi kecamatan di tabel milik Kota Semarang (33.74)")


def test_another_province_by_code(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    cols2 = [("35.75.01", "PEKALONGAN BARAT")] + cols[1:]
    v2 = dict(v, **{"35.75.01": v["33.75.01"]})
    rep = refused(db, grid_file(tmp_path, "p.xlsx", e, cols2, v2, header="code"))
    assert rep["message"] == ("Berkas p.xlsx, lembar DB1-PPWP: kode kecamatan 35.75.01 bukan wilayah provinsi "
                              "JAWA TENGAH (kode 33); berkas ini untuk provinsi lain.")


def test_another_regency_title_against_kecamatan(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    path = write_xlsx(tmp_path / "r.xlsx", [db1_grid(e, "KUDUS", cols, v)])
    rep = refused(db, path)
    assert rep["code"] == "wrong_regency"
    assert rep["message"] == ("Berkas r.xlsx, lembar DB1-PPWP: judul menyebut Kabupaten Kudus (33.19), tetapi "
                              "kecamatan di tabel milik Kota Pekalongan (33.75); diharapkan satu kabupaten/kota "
                              "yang sama.")


def test_another_regency_than_expected(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    rep = refused(db, grid_file(tmp_path, "x.xlsx", e, cols, v), "--region", "33.19")
    assert rep["message"] == ("Berkas x.xlsx: sertifikat Kota Pekalongan (33.75), diharapkan Kabupaten Kudus "
                              "(33.19); berkas ini untuk kabupaten/kota lain.")


@pytest.mark.parametrize("title, message", [
    ("SERTIFIKAT REKAPITULASI DALAM PEMILIHAN UMUM PRESIDEN DAN WAKIL PRESIDEN TAHUN 2024",
     "Berkas e.xlsx, lembar DB1-PPWP, sel A2: judul menyebut tahun 2024, diharapkan Pemilihan Umum Presiden dan "
     "Wakil Presiden Tahun 2019 (tahun 2019)."),
    ("SERTIFIKAT REKAPITULASI DALAM PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR JAWA TENGAH TAHUN 2019",
     'Berkas e.xlsx, lembar DB1-PPWP, sel A2: judul "SERTIFIKAT REKAPITULASI DALAM PEMILIHAN GUBERNUR DAN WAKIL '
     'GUBERNUR JAWA TENGAH TAHUN 2019" menyebut pemilihan lain; diharapkan Pemilihan Umum Presiden dan Wakil '
     "Presiden Tahun 2019."),
])
def test_another_election(db, pekalongan, tmp_path, title, message):
    e, cols, v = pekalongan
    rep = refused(db, grid_file(tmp_path, "e.xlsx", e, cols, v, title=title))
    assert (rep["code"], rep["message"]) == ("wrong_election", message)


def test_unknown_kecamatan(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    cols2 = [cols[0], ("x", "PEKALONGAN TENGAH")] + cols[2:]
    rep = refused(db, grid_file(tmp_path, "u.xlsx", e, cols2, dict(v, x=v["33.75.02"])))
    assert rep["code"] == "unknown_kecamatan"
    assert rep["message"] == (
        'Berkas u.xlsx, lembar DB1-PPWP, sel E8: kecamatan "PEKALONGAN TENGAH" tidak dikenal di Kota Pekalongan; '
        "yang terdekat: PEKALONGAN UTARA (33.75.03), PEKALONGAN SELATAN (33.75.04), PEKALONGAN BARAT (33.75.01); "
        "diharapkan nama atau kode kecamatan Kota Pekalongan menurut daftar wilayah jateng-2019.")


def test_duplicated_kecamatan(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    cols2 = [cols[0], ("x", "PEKALONGAN BARAT")] + cols[2:]
    rep = refused(db, grid_file(tmp_path, "d.xlsx", e, cols2, dict(v, x=v["33.75.02"])))
    assert (rep["code"], rep["message"]) == ("duplicate_kecamatan", (
        "Berkas d.xlsx, lembar DB1-PPWP, sel E8: kecamatan PEKALONGAN BARAT (33.75.01) muncul dua kali (juga di D8); "
        "diharapkan satu kolom per kecamatan."))


def test_bad_numbers_named_cell_by_cell(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    v = copy.deepcopy(v)
    v["33.75.01"]["paslon_1"] = "1,234"
    v["33.75.02"]["paslon_2"] = -5
    v["33.75.03"]["dpt_l"] = 12.5
    v["33.75.04"]["dpt_p"] = "dua"
    rep = refused(db, grid_file(tmp_path, "n.xlsx", e, cols, v))
    assert rep["code"] == "bad_number"
    assert rep["message"] == (
        "Berkas n.xlsx, lembar DB1-PPWP: sel D49 (IV.1 JOKO WIDODO - MA'RUF AMIN, PEKALONGAN BARAT): ditemukan "
        '"1,234" (koma bisa berarti pemisah ribuan atau desimal; ambigu); diharapkan bilangan tanpa pemisah atau '
        'dengan titik sebagai pemisah ribuan, misalnya "1.234"; sel E50 (IV.2 PRABOWO SUBIANTO - SANDIAGA UNO, '
        "PEKALONGAN TIMUR): ditemukan bilangan negatif -5; diharapkan bilangan bulat tidak negatif; sel F11 (I.A.1 "
        "Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK), PEKALONGAN UTARA): ditemukan bilangan pecahan 12.5; "
        "diharapkan bilangan bulat tidak negatif; sel G12 (I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) "
        '(PR), PEKALONGAN SELATAN): ditemukan teks "dua"; diharapkan bilangan bulat tidak negatif.')


def test_ambiguous_comma_in_semicolon_csv(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    v = copy.deepcopy(v)
    v["JUMLAH"]["paslon_2"] = "49,784"
    rep = refused(db, write_csv(tmp_path / "c.csv", db1_grid(e, T, cols, v)))
    assert rep["message"] == (
        'Berkas c.csv, lembar CSV: sel H50 (IV.2 PRABOWO SUBIANTO - SANDIAGA UNO, JUMLAH AKHIR): ditemukan "49,784" '
        "(koma bisa berarti pemisah ribuan atau desimal; ambigu); diharapkan bilangan tanpa pemisah atau dengan "
        'titik sebagai pemisah ribuan, misalnya "1.234".')


def test_not_a_spreadsheet(db, tmp_path):
    p = tmp_path / "surat.xlsx"
    p.write_bytes(b"Yth. KPU Provinsi, terlampir sertifikat.")
    assert refused(db, p)["message"] == ("Berkas surat.xlsx: bukan lembar kerja yang dikenal; diharapkan xlsx, xls, "
                                         "ods atau csv. Tidak ada yang disimpan.")
    z = tmp_path / "foto.xlsx"
    import zipfile
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("foto.jpg", b"\xff\xd8")
    assert refused(db, z)["message"] == ("Berkas foto.xlsx: arsip zip ini bukan lembar kerja (bukan xlsx atau ods). "
                                         "Tidak ada yang disimpan.")


def test_encrypted(db, tmp_path):
    p = tmp_path / "rahasia.xlsx"  # what Excel writes for a password-protected workbook: an OLE container
    p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500) + "EncryptionInfo".encode("utf-16-le") + bytes(500))
    rep = refused(db, p)
    assert (rep["code"], rep["message"]) == ("encrypted", "Berkas rahasia.xlsx: berkas terenkripsi (dilindungi kata "
                                                          "sandi); simpan ulang tanpa kata sandi. Tidak ada yang disimpan.")


def test_damaged(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    good = grid_file(tmp_path, "g.xlsx", e, cols, v).read_bytes()
    p = tmp_path / "rusak.xlsx"
    p.write_bytes(good[: len(good) // 2])
    rep = refused(db, p)
    assert (rep["code"], rep["message"]) == ("damaged", "Berkas rusak.xlsx: arsip rusak atau terpotong (File is not a "
                                                        "zip file); diharapkan berkas xlsx/ods utuh. Tidak ada yang disimpan.")
    x = tmp_path / "rusak.xls"
    x.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(700))
    rep = refused(db, x)
    assert rep["code"] == "damaged" and rep["message"].startswith("Berkas rusak.xls: berkas xls rusak atau tidak dapat")


def test_too_large_and_empty(db, pekalongan, tmp_path, monkeypatch):
    e, cols, v = pekalongan
    p = grid_file(tmp_path, "besar.xlsx", e, cols, v)
    monkeypatch.setattr(reader_mod, "MAX_FILE_BYTES", 1000)
    rep = refused(db, p)
    assert rep["code"] == "too_large"
    assert rep["message"] == (f"Berkas besar.xlsx: ukuran {p.stat().st_size:,} bita melebihi batas 1.000 bita untuk "
                              "satu sertifikat; berkas ini tidak mungkin satu sertifikat DB1. Tidak ada yang "
                              "disimpan.").replace(",", ".")
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    assert refused(db, empty)["code"] == "empty"


def test_no_certificate_and_empty_certificate(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    p = write_csv(tmp_path / "daftar.csv", db1_grid(e, T, [], {}, title_rows=False))
    p.write_text("nama;alamat\nBudi;Semarang\n", encoding="utf-8")
    rep = refused(db, p)
    assert rep["code"] == "no_certificate"
    blank = {k: {} for k, _ in cols}
    rep = refused(db, grid_file(tmp_path, "kosong.xlsx", e, cols, blank))
    assert rep["message"] == ("Berkas kosong.xlsx, lembar DB1-PPWP: semua sel angka kosong; diharapkan sertifikat "
                              "yang sudah diisi.")


def test_near_name_stops_then_accept_names_remembers(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    cols2 = [cols[0], ("33.75.02x", "PEKALONGAN TIMUUR")] + cols[2:]
    v2 = dict(v, **{"33.75.02x": v["33.75.02"]})
    path = grid_file(tmp_path, "near.xlsx", e, cols2, v2)
    rep = refused(db, path)
    assert (rep["code"], rep["message"]) == ("near_names", (
        'Berkas near.xlsx, lembar DB1-PPWP: nama kecamatan tidak persis sama dengan daftar wilayah: '
        '"PEKALONGAN TIMUUR" (sel E8) mungkin PEKALONGAN TIMUR (33.75.02). Periksa, lalu impor lagi dengan '
        "--accept-names untuk menerima ejaan ini (akan diingat untuk wilayah itu)."))
    r = CliRunner().invoke(main, ["import", "--db", str(db), "--accept-names", "--format", "json", str(path)])
    assert r.exit_code == 0
    out = json.loads(r.output)["files"][0]
    assert out["names"] == [{"header": "PEKALONGAN TIMUUR", "kode": "33.75.02", "nama": "PEKALONGAN TIMUR",
                             "match": "near"}]
    with Workspace.open(db) as ws:
        assert ws.aliases() == {"PEKALONGAN TIMUUR": "33.75.02"}
        assert ws.latest_values()["33.75"][1]["33.75.02"] == {k: v["33.75.02"][k] for k in e.form.field_keys}
        v3 = copy.deepcopy(v2)
        v3["33.75.01"]["paslon_1"] += 1
        again = import_files(ws, [grid_file(tmp_path, "again.xlsx", e, cols2, v3)], "tester").files[0]
        assert again.status == "diterima"  # the accepted spelling is remembered: no flag needed
        assert again.names[0]["match"] == "alias"


def test_template_of_another_election_refused(tmp_path):
    from recap_app.core.importer.template import write_templates

    with Workspace.create(tmp_path / "gub.sqlite", "pilgub-jateng-2018", actor="t") as gub:
        [tpl] = write_templates(gub, ["33.75"], tmp_path / "tpl")
    db = tmp_path / "w.sqlite"
    Workspace.create(db, "pilpres-2019-jateng", actor="t").close()
    rep = refused(db, tpl)
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        f"Berkas {tpl.name}: templat untuk pemilihan 'pilgub-jateng-2018', diharapkan pilpres-2019-jateng (Pemilihan "
        "Umum Presiden dan Wakil Presiden Tahun 2019); berkas ini untuk pemilihan lain."))


def test_mixed_batch_exit_status_and_per_file_transactions(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    good = grid_file(tmp_path, "baik.xlsx", e, cols, v)
    bad = tmp_path / "buruk.csv"
    bad.write_text("x;y\n1;2\n", encoding="utf-8")
    r = CliRunner().invoke(main, ["import", "--db", str(db), str(good), str(bad)])
    assert r.exit_code == 1
    assert r.output.splitlines()[-1] == "Ringkasan: 1 diterima, 0 sudah ada, 1 ditolak."
    with Workspace.open(db) as ws:
        assert ws.latest_revision("33.75").number == 1


def test_a_third_candidate_pair_means_another_election(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    g = db1_grid(e, T, cols, v)
    i = next(i for i, r in enumerate(g.rows) if len(r) > 1 and r[1] == "PRABOWO SUBIANTO - SANDIAGA UNO")
    g.rows.insert(i + 1, ["3", "CALON LAIN", None, 1, 2, 3, 4, 10])
    rep = refused(db, write_xlsx(tmp_path / "p3.xlsx", [g]))
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        'Berkas p3.xlsx, lembar DB1-PPWP, sel A51: baris perolehan suara pasangan calon nomor 3 ("CALON LAIN"), '
        "padahal Pemilihan Umum Presiden dan Wakil Presiden Tahun 2019 hanya punya 2 pasangan calon; berkas ini "
        "untuk pemilihan lain."))


def test_pilpres_sample_into_a_pilgub_workspace(tmp_path):
    db = tmp_path / "g.sqlite"
    Workspace.create(db, "pilgub-jateng-2018", actor="t").close()
    from pathlib import Path

    sample = Path(__file__).resolve().parent.parent / "data" / "samples" / "db1-ppwp-2019_33.75_kota-pekalongan.xlsx"
    rep = refused(db, sample)
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        'Berkas db1-ppwp-2019_33.75_kota-pekalongan.xlsx, lembar DB1-PPWP, sel H1: formulir "MODEL DB1-PPWP" bukan '
        "DB1-KWK; berkas ini untuk pemilihan lain (diharapkan Pemilihan Gubernur dan Wakil Gubernur Jawa Tengah "
        "Tahun 2018)."))


def test_changed_figures_for_an_adopted_certificate_are_refused(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    with Workspace.open(db) as ws:
        assert import_files(ws, [grid_file(tmp_path, "a.xlsx", e, cols, v)], "tester").ok
        with ws.transaction():
            ws.conn.execute("UPDATE certificate SET adopted_revision_id = (SELECT MAX(id) FROM revision), "
                            "adopted_at = 'x', adopted_by = 'ketua' WHERE region_kode = '33.75'")
    v2 = copy.deepcopy(v)
    v2["33.75.01"]["paslon_1"] += 1
    rep = refused(db, grid_file(tmp_path, "b.xlsx", e, cols, v2))
    assert (rep["code"], rep["message"]) == ("adopted", "Berkas b.xlsx: Sertifikat 33.75 sudah ditetapkan; buka "
                                                        "kembali dulu (ketua) sebelum mengubah. Tidak ada yang disimpan.")


def test_template_without_its_hidden_sheet_still_names_its_election(db, tmp_path):
    from recap_app.core.importer.template import build_template

    with Workspace.create(tmp_path / "p24.sqlite", "pilpres-2024-jateng", actor="t") as other:
        wb = build_template(other, "33.75")
    del wb["_recap"]
    sh = wb.worksheets[0]
    for c in range(4, 8):
        sh.cell(11, c, 1000)
    wb.save(tmp_path / "t.xlsx")
    rep = refused(db, tmp_path / "t.xlsx")
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        "Berkas t.xlsx, lembar D.HASIL KABUPATEN-KOTA-PPWP, sel A2: judul menyebut tahun 2024, diharapkan Pemilihan "
        "Umum Presiden dan Wakil Presiden Tahun 2019 (tahun 2019)."))
    sh.cell(2, 1, "SERTIFIKAT")  # without the title's year, the visible election id still tells
    wb.save(tmp_path / "t.xlsx")
    rep = refused(db, tmp_path / "t.xlsx")
    assert (rep["code"], rep["message"]) == ("wrong_election", (
        'Berkas t.xlsx, lembar D.HASIL KABUPATEN-KOTA-PPWP, sel A5: id pemilihan "pilpres-2024-jateng", diharapkan '
        "pilpres-2019-jateng (Pemilihan Umum Presiden dan Wakil Presiden Tahun 2019); berkas ini untuk pemilihan "
        "lain."))


def test_2024_spellings_need_confirmation_then_are_remembered(db, tmp_path):
    """The Banyumas sample with its kecamatan spelt as in the 2024 list (DOMAIN.md §4)."""
    from pathlib import Path

    from openpyxl import load_workbook

    sample = Path(__file__).resolve().parent.parent / "data" / "samples" / "db1-ppwp-2019_33.02_banyumas_angka-teks.xlsx"
    wb = load_workbook(sample)
    sh = wb.active
    spelt = {"KARANG LEWAS": "KARANGLEWAS", "BATURADEN": "BATURRADEN", "KEDUNG BANTENG": "KEDUNGBANTENG"}
    for c in range(4, sh.max_column):
        sh.cell(8, c).value = spelt.get(sh.cell(8, c).value, sh.cell(8, c).value)
    path = tmp_path / "banyumas-2024.xlsx"
    wb.save(path)
    rep = refused(db, path)
    assert (rep["code"], rep["message"]) == ("near_names", (
        "Berkas banyumas-2024.xlsx, lembar DB1-PPWP: nama kecamatan tidak persis sama dengan daftar wilayah: "
        '"KARANGLEWAS" (sel U8) mungkin KARANG LEWAS (33.02.18); "BATURRADEN" (sel Y8) mungkin BATURADEN '
        '(33.02.22); "KEDUNGBANTENG" (sel Z8) mungkin KEDUNG BANTENG (33.02.23). Periksa, lalu impor lagi dengan '
        "--accept-names untuk menerima ejaan ini (akan diingat untuk wilayah itu)."))
    r = CliRunner().invoke(main, ["import", "--db", str(db), "--accept-names", str(path)])
    assert r.exit_code == 0, r.output
    assert '  Nama "KARANGLEWAS" diterima sebagai KARANG LEWAS (33.02.18) [near].' in r.output.splitlines()
    with Workspace.open(db) as ws:
        assert ws.aliases() == {"KARANGLEWAS": "33.02.18", "BATURRADEN": "33.02.22", "KEDUNGBANTENG": "33.02.23"}
        assert province_totals(ws)["fields"]["paslon_1"] == 792150


@pytest.mark.parametrize("parent, spelt, meant", [("33.04", "PURWANEGARA", "PURWONEGORO (33.04.04)"),
                                                   ("33.19", "KOTA KUDUS", "KUDUS (33.19.02)"),
                                                   ("33.09", "GLADAGSARI", None)])
def test_other_known_spelling_differences_are_near(parent, spelt, meant):
    from recap_app.core.election import load_election
    from recap_app.core.importer.names import Matcher

    regions = [r for r in load_election("pilpres-2019-jateng").regions if r.kode_induk == parent]
    m = Matcher(regions).match(spelt)
    if meant is None:  # a kecamatan created after 2019: unknown, never near
        assert m.kind == "none"
    else:
        assert (m.kind, f"{m.region.nama} ({m.region.kode})") == ("near", meant)


def test_code_and_name_of_different_kecamatan_refused(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    g = db1_grid(e, T, cols, v, header="both")
    g.rows[7][3], g.rows[7][4] = g.rows[7][4], g.rows[7][3]  # codes row (8) swapped against the names row (9)
    rep = refused(db, write_xlsx(tmp_path / "k.xlsx", [g]))
    assert (rep["code"], rep["message"]) == ("unknown_kecamatan", (
        'Berkas k.xlsx, lembar DB1-PPWP, sel D9: kode 33.75.02 dan nama "PEKALONGAN BARAT" tidak cocok: 33.75.02 '
        "adalah PEKALONGAN TIMUR, sedangkan PEKALONGAN BARAT berkode 33.75.01; diharapkan kode dan nama kecamatan "
        "yang sama."))


def test_a_name_that_only_resembles_a_kecamatan_already_there_is_unknown(tmp_path):
    """"KEC. SAYUNG BARU" beside SAYUNG in a Demak sheet: unknown and only nearly matching, not "twice"."""
    path = tmp_path / "w.sqlite"
    with Workspace.create(path, "pilpres-2019-jateng", actor="tester") as ws:
        e = ws.election
        cols = [(r.kode, r.nama) for r in ws.columns_of("33.21")]
    sayung = next(k for k, n in cols if n == "SAYUNG")
    values = full_values(e, [k for k, _ in cols])
    for headers in ([*cols, ("x", "KEC. SAYUNG BARU")], [("x", "KEC. SAYUNG BARU"), *cols]):
        rep = refused(path, write_xlsx(tmp_path / "demak.xlsx", [db1_grid(e, "KABUPATEN DEMAK", headers,
                                                                          dict(values, x=values[sayung]))]))
        assert rep["code"] == "unknown_kecamatan"
        assert 'kecamatan "KEC. SAYUNG BARU" tidak dikenal di Kabupaten Demak; namanya hanya mirip SAYUNG ' \
               f"({sayung}), yang sudah ada di sel" in rep["message"]
        assert "muncul dua kali" not in rep["message"]


def test_an_unknown_heading_over_an_empty_column_is_reported(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    path = grid_file(tmp_path, "k.xlsx", e, [*cols, ("x", "KEC. SUKAMAJU")], dict(v, x={}))
    with Workspace.open(db) as ws:
        rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima"
    assert any('berjudul "KEC. SUKAMAJU" tanpa angka tidak dipakai: nama itu tidak ada di daftar wilayah'
               in n for n in rep.notes), rep.notes


def test_the_report_names_fields_by_the_form(db, pekalongan, tmp_path):
    e, cols, v = pekalongan
    for k in v:
        v[k]["dptb_l"] = None
    with Workspace.open(db) as ws:
        report = import_files(ws, [grid_file(tmp_path, "b.xlsx", e, cols, v)], "tester")
        text = report.to_text(ws.election)
    assert "dptb_l" not in text and "I.A.2 DPTb LK" in text


def test_sure_names_only_what_match_names_for_certain():
    """Matcher.sure (the quick test below a table, for a second header row) agrees with match on every
    kind that is certain, and says nothing for a near spelling, a foreign code or a plain word."""
    from recap_app.core.election import load_election
    from recap_app.core.importer.names import Matcher

    regions = [r for r in load_election("pilpres-2019-jateng").regions if r.kode_induk == "33.02"]
    m = Matcher(regions, {"KARANG LWS": "33.02.18"})
    texts = ["KARANG LEWAS", "Kec. Karang-Lewas", "33.02.18", "330218", "KARANG LWS", "KARANGLEWAS",
             "BATURRADEN", "33.04.04", "Ketua KPU", "", "JUMLAH AKHIR", "LUMBIR", "33.02.01 LUMBIR"]
    for t in texts:
        full = m.match(t)
        sure = m.sure(t)
        if full.kind in ("code", "exact", "alias"):
            assert sure is full.region, t
        else:
            assert sure is None, t
    assert [m.sure(t).nama if m.sure(t) else None for t in texts[:6]] == [
        "KARANG LEWAS", "KARANG LEWAS", "KARANG LEWAS", "KARANG LEWAS", "KARANG LEWAS", None]
