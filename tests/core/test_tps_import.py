"""`recap tps import` on small files (docs/tps-data.md): the CSV and JSON shapes, refusals with their exact
Indonesian sentence and the database byte-for-byte unchanged, unknown kecamatan reported, the source
named, replaced and kept in the history, the permission."""

import gzip
import hashlib
import json

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import auth, tps, tps_check
from recap_app.core.errors import NotAllowed
from recap_app.core.formatting import local_time
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals
from recap_app.core.tps_import import import_tps

HEADER = ("kode_kecamatan,kode_desa,desa_kelurahan,no_tps,dpt_l,dpt_p,situng_paslon_1,situng_paslon_2,"
          "situng_suara_sah,situng_suara_tidak_sah,situng_jumlah_suara")
#: the first four TPS of MENGANTI (Kesugihan, Cilacap) as the real file holds them, then a TPS that
#: breaks F.201 and one above its DPT
ROWS = ["33.01.02,33.01.02.2001,MENGANTI,1,140,144,147,59,206,4,210",
        "33.01.02,33.01.02.2001,MENGANTI,2,136,152,134,90,224,1,225",
        "33.01.02,33.01.02.2001,MENGANTI,3,141,148,143,66,209,3,212",
        "33.01.02,33.01.02.2001,MENGANTI,4,147,147,157,63,220,5,225",
        "33.01.02,,PESANGGRAHAN,3,150,150,200,3,3,0,3",
        "33.01.03,33.01.03.2001,WELAHAN WETAN,1,100,100,150,60,210,2,212"]


def csv_text(rows=ROWS, header=HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


@pytest.fixture
def db(tmp_path):
    """A closed, empty Pilpres 2019 workspace file."""
    path = tmp_path / "w.sqlite"
    Workspace.create(path, "pilpres-2019-jateng", actor="tester").close()
    return path


def snapshot(db):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(db.parent.glob(db.name + "*"))}


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def imported(db, path, *extra):
    r = run("tps", "import", "--db", db, "--format", "json", *extra, path)
    assert r.exit_code == 0, r.output
    return json.loads(r.output)


def refused(db, tmp_path, name, content, *extra) -> dict:
    """Import through the CLI; assert the refusal left the database byte for byte as it was."""
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = snapshot(db)
    r = run("tps", "import", "--db", db, "--format", "json", *extra, path)
    assert r.exit_code == 1, r.output
    assert snapshot(db) == before
    rep = json.loads(r.output)
    assert rep["status"] == "ditolak" and rep["ok"] is False
    return rep


# ----------------------------------------------------------------- accepted shapes
def test_csv_gz_and_plain_csv_hold_the_same_content(db, tmp_path):
    plain = tmp_path / "tps.csv"
    plain.write_text(csv_text(), encoding="utf-8")
    packed = tmp_path / "tps.csv.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    first = imported(db, packed)
    assert (first["status"], first["sumber"], first["format"], first["impor"], first["jumlah_tps"]) == (
        "diterima", "situng", "csv", 1, 6)
    assert first["isian"] == ["dpt_l", "dpt_p", "paslon_1", "paslon_2", "suara_sah", "suara_tidak_sah",
                              "jumlah_suara"]
    assert first["berkas_sha256"] == hashlib.sha256(packed.read_bytes()).hexdigest()
    before = snapshot(db)
    again = imported(db, plain)
    assert (again["status"], again["impor"], again["sha256"]) == ("sama", 1, first["sha256"])
    assert snapshot(db) == before  # the same content: nothing written
    with Workspace.open(db) as ws:
        stored = tps.load(ws)
        assert stored.data.angka["paslon_1"] == [147, 134, 143, 157, 200, 150]
        assert stored.data.kode_desa[4] is None and stored.data.desa[4] == "PESANGGRAHAN"
        assert stored.data.baris == [2, 3, 4, 5, 6, 7]


def test_semicolons_bom_blank_and_minus_one(db, tmp_path):
    rows = [r.replace(",", ";") for r in ROWS]
    rows[0] = "33.01.02;33.01.02.2001;MENGANTI;1;-1;-1;147;59;206;;210"
    path = tmp_path / "titik-koma.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csv_text(rows, HEADER.replace(",", ";")).encode())
    rep = imported(db, path)
    assert (rep["angka_kosong"], rep["minus_satu"]) == ({"dpt_l": 1, "dpt_p": 1, "suara_tidak_sah": 1}, 2)
    with Workspace.open(db, readonly=True) as ws:
        data = tps.load(ws).data
        assert (data.angka["dpt_l"][0], data.angka["suara_tidak_sah"][0]) == (None, None)  # blank, never zero
        report = tps_check.check(ws)
    assert report.dpt_blank == 1
    assert [(f.code, f.index, f.expected, f.actual) for f in report.errors] == [("F.201", 4, 203, 3)]
    assert [(f.code, f.index, f.expected, f.actual) for f in report.warnings] == [("lebih_dpt", 5, 200, 212)]


def test_unprefixed_columns_take_the_source_from_the_option(db, tmp_path):
    path = tmp_path / "c1.csv"
    path.write_text(csv_text(header=HEADER.replace("situng_", "")), encoding="utf-8")
    assert imported(db, path, "--source", "sirekap")["sumber"] == "sirekap"
    path2 = tmp_path / "c1b.csv"
    path2.write_text(csv_text(ROWS[:2], header=HEADER.replace("situng_", "")), encoding="utf-8")
    assert imported(db, path2)["sumber"] == "tps"  # neither the file nor --source names one
    with Workspace.open(db) as ws:
        assert sorted(i.sumber for i in tps.imports(ws)) == ["sirekap", "tps"]
        assert tps.load(ws, "sirekap").info.jumlah_tps == 6


def sirekap_doc(items, **extra):
    return {"format": "recap_app.tps", "format_version": 1, "sumber": "sirekap", **extra, "tps": items}


SIREKAP = [
    {"kode_kecamatan": "33.01.02", "kode_desa": "33.01.02.2001", "desa_kelurahan": "MENGANTI", "no_tps": 1,
     "c_hasil": {"dpt_l": 140, "dpt_p": 144, "dpt": 284, "pengguna_hak_pilih": 210, "paslon_1": 147, "paslon_2": 59,
                 "suara_sah": 206, "suara_tidak_sah": 4, "jumlah_suara": 210}},
    {"kode_kecamatan": "33.01.02", "kode_desa": "33.01.02.2001", "desa_kelurahan": "MENGANTI", "no_tps": 2,
     "c_hasil": {"dpt_l": 136, "dpt_p": 152, "dpt": 290, "pengguna_hak_pilih": 224, "paslon_1": 134, "paslon_2": 90,
                 "suara_sah": 224, "suara_tidak_sah": 1, "jumlah_suara": 225}},
    {"kode_kecamatan": "35.07.01", "kode_desa": None, "desa_kelurahan": "SUMBERPUCUNG", "no_tps": 1,
     "c_hasil": {"paslon_1": 10, "paslon_2": 5, "suara_sah": 15, "suara_tidak_sah": None, "jumlah_suara": 15}},
]


def test_sirekap_json_with_more_fields_checks_more_identities(db, tmp_path):
    path = tmp_path / "sirekap.json.gz"
    path.write_bytes(gzip.compress(json.dumps(sirekap_doc(SIREKAP, pemilihan="pilpres-2019-jateng")).encode()))
    rep = imported(db, path)
    assert (rep["format"], rep["sumber"], rep["jumlah_tps"]) == ("json", "sirekap", 3)
    assert rep["isian"] == ["dpt_l", "dpt_p", "dpt", "pengguna_hak_pilih", "paslon_1", "paslon_2", "suara_sah",
                            "suara_tidak_sah", "jumlah_suara"]
    # a kecamatan of Jawa Timur: kept and reported, not dropped
    assert rep["kecamatan_tak_dikenal"] == [{"kode": "35.07.01", "tps": 1}]
    r = run("tps", "check", "--db", db, "--format", "json")
    out = json.loads(r.output)
    assert [a["code"] for a in out["aturan_diperiksa"]] == ["F.101", "F.201", "F.202", "F.203"]
    assert out["tps"] == 3 and out["kecamatan_tak_dikenal"] == [{"kode": "35.07.01", "tps": 1}]
    # TPS 2: dpt_l + dpt_p = 288, not 290 (F.101); pengguna 224 but V.C 225 (F.203)
    assert [(f["no_tps"], f["code"], f["expected"], f["actual"]) for f in out["temuan_tps"]] == [
        (2, "F.101", 288, 290), (2, "F.203", 224, 225)]
    assert out["tps_rusak"] == 1 and out["angka_kosong"] == {
        "dpt_l": 1, "dpt_p": 1, "dpt": 1, "pengguna_hak_pilih": 1, "suara_tidak_sah": 1}


def test_a_new_import_of_the_same_source_replaces_the_previous_set(db, tmp_path):
    one = tmp_path / "satu.csv"
    one.write_text(csv_text(), encoding="utf-8")
    two = tmp_path / "dua.csv"
    two.write_text(csv_text(ROWS[:3]), encoding="utf-8")
    imported(db, one)
    rep = imported(db, two)
    assert (rep["status"], rep["impor"], rep["mengganti"], rep["jumlah_tps"]) == ("diterima", 2, 1, 3)
    with Workspace.open(db) as ws:
        assert dict(ws.conn.execute("SELECT import_id, COUNT(*) FROM tps GROUP BY import_id").fetchall()) == {2: 3}
        h = tps.imports(ws)
        assert [(i.id, i.replaced_by, i.jumlah_tps, i.berkas) for i in h] == [(2, None, 3, "dua.csv"),
                                                                              (1, 2, 6, "satu.csv")]
        last = ws.conn.execute("SELECT action, entity, before, after FROM audit WHERE action = 'tps.import' "
                               "ORDER BY id DESC LIMIT 1").fetchone()
        assert last[:2] == ("tps.import", "tps:situng")
        assert json.loads(last[2]) == {"impor": 1, "sha256": h[1].content_sha256, "jumlah_tps": 6}
        after = json.loads(last[3])
        assert (after["impor"], after["mengganti"], after["sha256"], after["berkas"], after["jumlah_tps"]) == (
            2, 1, h[0].content_sha256, "dua.csv", 3)
        assert after["berkas_sha256"] == hashlib.sha256(two.read_bytes()).hexdigest()
        assert tps.verify(ws) == []
    r = run("tps", "history", "--db", db)
    assert r.output.splitlines()[1].startswith("#1 situng: satu.csv (6 TPS, csv), diimpor ")
    assert r.output.splitlines()[1].endswith("; diganti impor #2 pada " + local_time(h[1].replaced_at) + ".")


def test_the_tps_set_never_enters_the_totals(demo_ws, tmp_path):
    before = province_totals(demo_ws)
    path = tmp_path / "tps.csv"
    path.write_text(csv_text(), encoding="utf-8")
    assert import_tps(demo_ws, path, "tester").ok
    assert province_totals(demo_ws) == before
    assert (before["fields"]["paslon_1"], before["fields"]["paslon_2"]) == (16825511, 4944447)


def test_permission_import_is_needed(ws, tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    auth.add_user(ws, "pendiri", "kepala", "admin", "Gunung-ungaran-59-kabut")
    auth.add_user(ws, "kepala", "budi", "verifikator", "Gunung-prau-73-kabut")
    path = tmp_path / "tps.csv"
    path.write_text(csv_text(), encoding="utf-8")
    n = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(NotAllowed) as ei:
        import_tps(ws, path, "budi")
    assert ei.value.code == "forbidden"
    assert ei.value.message.startswith("Pengguna 'budi' (peran verifikator) tidak berhak mengimpor berkas sertifikat")
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n and tps.imports(ws) == []


# ----------------------------------------------------------------- refusals: nothing written
def test_a_figure_that_is_no_number(db, tmp_path):
    rows = ROWS[:2] + ["33.01.02,33.01.02.2001,MENGANTI,3,141,148,14a,66,209,3,212"]
    rep = refused(db, tmp_path, "huruf.csv", csv_text(rows))
    assert (rep["code"], rep["message"]) == ("bad_value", (
        'Berkas huruf.csv, baris 4, kolom situng_paslon_1: ditemukan "14a"; diharapkan bilangan bulat 0 sampai '
        "999.999.999 (angka saja, tanpa titik), kosong, atau -1 untuk angka yang tidak ada. Tidak ada yang disimpan."))


def test_a_negative_figure_other_than_minus_one(db, tmp_path):
    rep = refused(db, tmp_path, "minus.csv", csv_text(ROWS[:1] + ["33.01.02,33.01.02.2001,MENGANTI,2,136,-5,134,"
                                                                  "90,224,1,225"]))
    assert rep["message"].startswith('Berkas minus.csv, baris 3, kolom dpt_p: ditemukan "-5"; diharapkan bilangan')


def test_a_row_with_too_few_cells(db, tmp_path):
    rep = refused(db, tmp_path, "pendek.csv", csv_text(ROWS[:3] + ["33.01.02,33.01.02.2001,MENGANTI,4,147,147"]))
    assert (rep["code"], rep["message"]) == ("bad_row", "Berkas pendek.csv, baris 5: 6 kolom; diharapkan 11 kolom "
                                                        "seperti baris judul. Tidak ada yang disimpan.")


def test_an_unknown_column(db, tmp_path):
    rep = refused(db, tmp_path, "kolom.csv", csv_text(header=HEADER.replace("situng_paslon_2", "situng_paslon2")))
    assert rep["code"] == "bad_header"
    assert rep["message"].startswith('Berkas kolom.csv, baris 1, kolom 8 ("situng_paslon2"): kolom tidak dikenal; '
                                     "diharapkan kode_kecamatan, kode_desa, desa_kelurahan, no_tps dan isian formulir")


def test_a_third_pair_the_form_does_not_have(db, tmp_path):
    rep = refused(db, tmp_path, "tiga.csv", csv_text([r + ",5" for r in ROWS], HEADER + ",situng_paslon_3"))
    assert rep["code"] == "bad_header" and 'kolom 12 ("situng_paslon_3"): kolom tidak dikenal' in rep["message"]


def test_a_missing_kecamatan_column(db, tmp_path):
    rep = refused(db, tmp_path, "tanpa.csv", csv_text([r.split(",", 1)[1] for r in ROWS],
                                                      HEADER.split(",", 1)[1]))
    assert rep["message"] == ("Berkas tanpa.csv, baris 1: kolom kode_kecamatan tidak ada; diharapkan baris judul "
                              "dengan kode_kecamatan, kode_desa, desa_kelurahan, no_tps dan kolom angka. Tidak ada "
                              "yang disimpan.")


def test_a_bad_kecamatan_code_and_a_desa_of_another_kecamatan(db, tmp_path):
    rep = refused(db, tmp_path, "kode.csv", csv_text(ROWS[:1] + ["3301.02,33.01.02.2001,MENGANTI,2,1,1,1,1,2,0,2"]))
    assert (rep["code"], rep["message"]) == ("bad_code", (
        'Berkas kode.csv, baris 3, kolom kode_kecamatan: ditemukan "3301.02"; diharapkan kode kecamatan seperti '
        "33.01.02. Tidak ada yang disimpan."))
    rep = refused(db, tmp_path, "desa.csv", csv_text(ROWS[:1] + ["33.01.03,33.01.02.2001,MENGANTI,2,1,1,1,1,2,0,2"]))
    assert rep["message"] == ("Berkas desa.csv, baris 3, kolom kode_desa: kode desa 33.01.02.2001 bukan desa "
                              "kecamatan 33.01.03; diharapkan kode yang diawali 33.01.03. Tidak ada yang disimpan.")


def test_the_same_tps_twice(db, tmp_path):
    rep = refused(db, tmp_path, "ganda.csv", csv_text(ROWS + [ROWS[1]]))
    assert (rep["code"], rep["message"]) == ("duplicate_tps", (
        "Berkas ganda.csv, baris 8, kolom no_tps: TPS 2 desa MENGANTI kecamatan 33.01.02 sudah ada sebelumnya "
        "(baris 3); diharapkan setiap TPS sekali. Tidak ada yang disimpan."))


def test_empty_header_only_not_utf8_and_a_broken_gzip(db, tmp_path):
    assert refused(db, tmp_path, "kosong.csv", "")["code"] == "empty"
    assert refused(db, tmp_path, "judul.csv", HEADER + "\n")["message"] == (
        "Berkas judul.csv: hanya baris judul, tidak ada TPS; diharapkan satu baris per TPS. Tidak ada yang disimpan.")
    latin = csv_text().replace("MENGANTI,3", "MENGANTÍ,3").encode("latin-1")
    rep = refused(db, tmp_path, "latin.csv", latin)
    at = latin.index(bytes([0xCD])) + 1
    assert (rep["code"], rep["message"]) == ("encoding", (
        f"Berkas latin.csv, baris 4: bita ke-{at} (0xcd) bukan teks UTF-8; diharapkan UTF-8 "
        "(simpan sebagai CSV UTF-8). Tidak ada yang disimpan."))
    rep = refused(db, tmp_path, "putus.csv.gz", gzip.compress(csv_text().encode())[:-30])
    assert rep["code"] == "unreadable" and rep["message"].startswith("Berkas putus.csv.gz: arsip gzip rusak")


def test_a_folder_is_no_file(db, tmp_path):
    (tmp_path / "folder.csv").mkdir()
    before = snapshot(db)
    r = run("tps", "import", "--db", db, "--format", "json", tmp_path / "folder.csv")
    assert r.exit_code == 1 and json.loads(r.output)["code"] == "not_regular_file" and snapshot(db) == before


def test_json_syntax_error_names_line_and_column(db, tmp_path):
    text = json.dumps(sirekap_doc(SIREKAP[:2]), indent=1).replace('"no_tps": 2', '"no_tps": 2,,')
    rep = refused(db, tmp_path, "rusak.json", text)
    line, col = next((n, s.index(",,") + 2) for n, s in enumerate(text.splitlines(), 1) if ",," in s)
    assert rep["code"] == "not_json"
    assert rep["message"].startswith(f'Berkas rusak.json, baris {line}, kolom {col}: JSON tidak dapat dibaca: '
                                     'ditemukan ",,\\n')


def test_json_against_its_schema(db, tmp_path):
    bad = json.loads(json.dumps(SIREKAP))
    bad[1]["c_hasil"]["paslon_2"] = "90"
    rep = refused(db, tmp_path, "teks.json", json.dumps(sirekap_doc(bad)))
    assert (rep["code"], rep["message"]) == ("bad_tps_json", (
        "Berkas teks.json tidak sesuai skema resources/tps.schema.json — di $.tps[1].c_hasil.paslon_2: ditemukan teks "
        '"90"; diharapkan bilangan bulat atau null. Tidak ada yang disimpan.'))
    rep = refused(db, tmp_path, "format.json", json.dumps({**sirekap_doc(SIREKAP), "format_version": 2}))
    assert "di $.format_version: nilai 2; diharapkan tepat 1" in rep["message"]
    rep = refused(db, tmp_path, "nol.json", json.dumps(sirekap_doc([{**SIREKAP[0], "no_tps": 0}])))
    assert "di $.tps[0].no_tps: nilai 0 terlalu kecil; diharapkan paling kecil 1" in rep["message"]


def test_json_field_or_election_of_another_contest(db, tmp_path):
    bad = json.loads(json.dumps(SIREKAP))
    bad[0]["c_hasil"]["paslon_3"] = 1
    rep = refused(db, tmp_path, "tiga.json", json.dumps(sirekap_doc(bad)))
    assert (rep["code"], rep["message"]) == ("unknown_field", (
        "Berkas tiga.json: di $.tps[0].c_hasil.paslon_3: isian 'paslon_3' tidak ada dalam formulir Pemilihan Umum "
        "Presiden dan Wakil Presiden Tahun 2019; diharapkan kunci isian formulir (mis. dpt_l, paslon_1, suara_sah). "
        "Tidak ada yang disimpan."))
    rep = refused(db, tmp_path, "lain.json", json.dumps(sirekap_doc(SIREKAP, pemilihan="pilgub-jateng-2018")))
    assert rep["code"] == "wrong_election"
    rep = refused(db, tmp_path, "sumber.json", json.dumps(sirekap_doc(SIREKAP)), "--source", "situng")
    assert rep["code"] == "usage" and rep["message"].startswith("Berkas sumber.json menyebut sumber sirekap")


def test_check_before_any_import_says_so(db):
    r = run("tps", "check", "--db", db)
    assert r.exit_code == 1
    assert r.output.startswith(f"Galat: Belum ada data TPS yang diimpor di ruang kerja {db}. Impor dulu dengan: recap "
                               f"tps import --db {db} BERKAS")
