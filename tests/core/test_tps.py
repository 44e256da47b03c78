"""The polling-station source on the real file: the 115.401 TPS of Jawa Tengah, Pilpres 2019 (Situng),
against the form's identities and the 35 demonstration certificates (docs/tps-data.md)."""

import csv
import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit_text, integrity, tps, tps_check
from recap_app.core.demo import DEMO_DIR, make_demo
from recap_app.core.errors import WorkspaceError
from recap_app.core.store import Workspace
from recap_app.core.tps_import import import_tps

REAL = Path(__file__).resolve().parent.parent / "data" / "tps" / "pilpres2019_jateng_tps_situng.csv.gz"
KECAMATAN = {r["kode_kecamatan"]: r for r in csv.DictReader(
    (DEMO_DIR / "pilpres2019_jateng_kecamatan.csv").open(encoding="utf-8"))}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """The demonstration workspace (35 real certificates) with the real TPS file imported, closed."""
    d = tmp_path_factory.mktemp("tps")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("RECAP_HOME", str(d / "home"))
        ws = make_demo(d / "demo.sqlite", actor="tester")
        first_after = ws.conn.execute("SELECT MAX(id) FROM audit").fetchone()[0] + 1
        report = import_tps(ws, REAL, "tester")
        ws.close()
    return d / "demo.sqlite", report, first_after


@pytest.fixture
def db(loaded, tmp_path):
    path = tmp_path / "demo.sqlite"
    shutil.copy(loaded[0], path)
    return path


@pytest.fixture(scope="module")
def checked(loaded):
    with Workspace.open(loaded[0], readonly=True) as ws:
        return tps_check.check(ws)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


# ----------------------------------------------------------------- the import
def test_the_real_file_is_imported_whole(loaded):
    path, rep, first = loaded
    assert (rep.status, rep.sumber, rep.format, rep.impor, rep.jumlah_tps) == ("diterima", "situng", "csv", 1, 115401)
    assert rep.isian == ["dpt_l", "dpt_p", "paslon_1", "paslon_2", "suara_sah", "suara_tidak_sah", "jumlah_suara"]
    # ten TPS of Surakarta and Semarang have DPT "-1" in the extract: blank, not a figure
    assert (rep.angka_kosong, rep.minus_satu, rep.kecamatan_tak_dikenal) == ({"dpt_l": 10, "dpt_p": 10}, 20, [])
    assert rep.berkas_sha256 == hashlib.sha256(REAL.read_bytes()).hexdigest()
    with Workspace.open(path, readonly=True) as ws:
        records = ws.conn.execute("SELECT action, entity, after FROM audit WHERE id >= ? ORDER BY id",
                                  (first,)).fetchall()
        row = ws.conn.execute("SELECT content_sha256, berkas, berkas_size, jumlah_tps FROM tps_import").fetchall()
        n = ws.conn.execute("SELECT COUNT(*) FROM tps").fetchone()[0]
    # one transaction, one audit record; then the automatic backup's own record
    assert [(a, e) for a, e, _ in records] == [("tps.import", "tps:situng"), ("backup.create", "workspace")]
    after = json.loads(records[0][2])
    assert (after["berkas"], after["berkas_sha256"], after["jumlah_tps"], after["sha256"]) == (
        REAL.name, rep.berkas_sha256, 115401, rep.sha256)
    assert row == [(rep.sha256, REAL.name, REAL.stat().st_size, 115401)] and n == 115401
    # the audit page reads it in words
    assert audit_text.action_text("tps.import") == "Data TPS diimpor (bahan pembanding, bukan hasil resmi)"
    assert audit_text.entity_text("tps:situng", "en") == "TPS data of source situng"


def test_sums_per_kecamatan_equal_the_kecamatan_file(loaded):
    """Each of the 573 kecamatan: TPS count, DPT and the five Situng figures as the kecamatan file has them."""
    with Workspace.open(loaded[0], readonly=True) as ws:
        data = tps.load(ws).data
        areas = tps_check.region_sums(data, {r.kode: r for r in ws.regions()})
    kec = {k: a for k, a in areas.items() if a.tingkat == "kecamatan"}
    assert sorted(kec) == sorted(KECAMATAN)
    for kode, r in KECAMATAN.items():
        a = kec[kode]
        assert len(a.members) == int(r["jumlah_tps"]), kode
        for f in ("dpt_l", "dpt_p"):
            assert a.sums[f] == int(r[f]), (kode, f)
        for f in ("paslon_1", "paslon_2", "suara_sah", "suara_tidak_sah", "jumlah_suara"):
            assert a.sums[f] == int(r[f"situng_{f}"]), (kode, f)
    assert areas["33"].sums["paslon_1"] == sum(int(r["situng_paslon_1"]) for r in KECAMATAN.values()) == 16784716
    assert areas["33.01"].tingkat == "kabupaten_kota" and len(areas["33.01"].members) == 5869
    # per desa: SIDAYU (Binangun, Cilacap), 10 TPS (TPS 3, which typed 10 for paslon 2, among them)
    sidayu = areas["33.01.04.2016"]
    assert (sidayu.tingkat, sidayu.nama, len(sidayu.members)) == ("desa", "SIDAYU", 10)
    desa = [a for a in areas.values() if a.tingkat == "desa"]
    assert sum(len(a.members) for a in desa) == 115401 - 1076  # 1.076 TPS have no desa code
    assert sum(a.sums["paslon_1"] for a in desa) + sum(
        data.angka["paslon_1"][i] or 0 for i in range(len(data)) if data.kode_desa[i] is None) == 16784716


# ----------------------------------------------------------------- the check, through the CLI
def test_check_json_on_the_real_file(db):
    r = run("tps", "check", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.output
    out = json.loads(r.output)
    assert (out["tps"], out["tps_rusak"], out["tps_rusak_per_aturan"]) == (115401, 3471, {"F.201": 1242, "F.202": 2787})
    assert [a["code"] for a in out["aturan_diperiksa"]] == ["F.201", "F.202"]
    assert "F.101" in out["aturan_tidak_diperiksa"]  # dpt itself is not in the file, only dpt_l and dpt_p
    # 646 TPS show more votes than DPT in the raw file: 636 against a DPT, and 10 whose DPT is "-1"
    assert (out["lebih_dpt"], out["dpt_kosong"]) == (636, 10)
    assert out["temuan_tps_jumlah"] == 4029 + 636 and len(out["temuan_tps"]) == 4665
    assert out["sertifikat"] == 35 and out["kecamatan_tak_dikenal"] == []
    # the certificates hold the official recap; the differences are recap − Situng, kecamatan by kecamatan
    expected = {}
    for kode, k in KECAMATAN.items():
        p1, p2 = int(k["rekap_paslon_1"]), int(k["rekap_paslon_2"])
        for f, cert, situng in (("paslon_1", p1, k["situng_paslon_1"]), ("paslon_2", p2, k["situng_paslon_2"]),
                                ("suara_sah", p1 + p2, k["situng_suara_sah"])):
            if cert != int(situng):
                expected[(kode, f)] = (cert, int(situng))
    got = {(d["kode"], d["field"]): (d["sertifikat"], d["tps"]) for d in out["selisih"]["kecamatan"]}
    assert got == expected
    assert out["kecamatan_berbeda"] == len({k for k, _ in expected}) == 497
    assert out["perbandingan"]["kecamatan"] == {"dibandingkan": 573, "berbeda": 497, "isian_berbeda": len(expected)}
    assert out["perbandingan"]["kabupaten_kota"]["dibandingkan"] == 35
    # per kabupaten/kota: each certificate's JUMLAH against its TPS, the kecamatan file summed per regency
    per_regency: dict = {}
    for kode, k in KECAMATAN.items():
        p1, p2 = int(k["rekap_paslon_1"]), int(k["rekap_paslon_2"])
        for f, cert, situng in (("paslon_1", p1, k["situng_paslon_1"]), ("paslon_2", p2, k["situng_paslon_2"]),
                                ("suara_sah", p1 + p2, k["situng_suara_sah"])):
            c, t = per_regency.get((kode[:5], f), (0, 0))
            per_regency[(kode[:5], f)] = (c + cert, t + int(situng))
    # Kota Pekalongan's certificate holds a JUMLAH paslon 1 one below its kecamatan columns (its F.501)
    for f in ("paslon_1", "suara_sah"):
        c, t = per_regency[("33.75", f)]
        per_regency[("33.75", f)] = (c - 1, t)
    got = {(d["kode"], d["field"]): (d["sertifikat"], d["tps"]) for d in out["selisih"]["kabupaten_kota"]}
    assert got == {key: v for key, v in per_regency.items() if v[0] != v[1]}
    assert got[("33.01", "paslon_1")] == (775304, 774077)  # Kabupaten Cilacap, 5.869 TPS
    assert out["perbandingan"]["kabupaten_kota"] == {"dibandingkan": 35, "berbeda": 35, "isian_berbeda": 105}
    # the certificates have kecamatan columns: no desa column to compare (a regency office's would)
    assert out["selisih"]["desa"] == [] and "desa" not in out["perbandingan"]
    assert out["selisih_jumlah"] == 1152 + 105 + 3
    assert out["petunjuk_jumlah"] == {"angka_tertukar": 12, "kekurangan_satu_angka": 40, "kelebihan_satu_angka": 20,
                                      "satu_angka_berbeda": 28, "selisih_pangkat_sepuluh": 73, "tps_rusak": 190}
    prov = {d["field"]: (d["sertifikat"], d["tps"], d["selisih"]) for d in out["selisih"]["provinsi"]}
    assert prov["paslon_1"] == (16825511, 16784716, 40795)
    assert all(d["field"] not in ("dpt_l", "dpt_p") for d in out["selisih"]["kecamatan"])


def hints_of(report, kode, field):
    d = next(d for d in report.differences["kecamatan"] if d.kode == kode and d.field == field)
    return d, [h.to_dict() for h in d.petunjuk]


def test_typing_fault_hints_on_real_differences(checked):
    # WEDI (Klaten): the certificate's V.A 32.429 against the TPS sum 32.249, two digits swapped
    d, hints = hints_of(checked, "33.10.03", "suara_sah")
    assert (d.sertifikat, d.tps, d.selisih) == (32429, 32249, 180)
    assert hints[0] == {"jenis": "angka_tertukar", "di": "sertifikat", "tps": [],
                        "teks": "angka sertifikat 32.429 mirip jumlah TPS 32.249 dengan dua angka tertukar"}
    # BINANGUN (Cilacap), paslon 2: 10 more on the certificate; TPS 3 of SIDAYU typed 10 where 20
    # makes its own F.201 hold
    d, hints = hints_of(checked, "33.01.04", "paslon_2")
    assert (d.sertifikat, d.tps) == (8425, 8415)
    assert [h["jenis"] for h in hints] == ["selisih_pangkat_sepuluh", "tps_rusak"]
    assert hints[1]["tps"] == [{"baris": 821, "kode_desa": "33.01.04.2016", "desa": "SIDAYU", "no_tps": 3,
                                "field": "paslon_2", "angka": 10, "bila": 20}]
    # KROYA (Cilacap), paslon 2: TPS 12 of BAJING KULON typed 63 for 36
    d, hints = hints_of(checked, "33.01.06", "paslon_2")
    assert d.selisih == -27
    assert hints[0]["jenis"] == "angka_tertukar" and hints[0]["di"] == "tps"
    assert hints[0]["teks"].startswith("TPS 12 desa BAJING KULON (baris 3243): IV.2 suara paslon 2 tercatat 63; bila 36")


def test_text_output_is_a_summary(db):
    out = run("tps", "check", "--db", db).output
    lines = out.splitlines()
    assert "TPS rusak (melanggar identitas formulir): 3.471 dari 115.401 TPS (F.201: 1.242, F.202: 2.787)." in lines
    assert ("Pelanggaran identitas di 3.471 TPS rusak, 20 pertama dari 4.029 (--limit N atau --all untuk lebih):"
            in lines)
    assert len(lines) < 150
    full = run("tps", "check", "--db", db, "--all").output.splitlines()
    assert len(full) > 4029 + 636 + 1000
    assert len(run("tps", "check", "--db", db, "--limit", "3").output.splitlines()) < len(lines)


def test_show_one_kecamatan(db):
    out = json.loads(run("tps", "show", "--db", db, "--kecamatan", "33.01.04", "--format", "json").output)
    assert (out["nama"], out["jumlah_tps"], len(out["desa"]), out["revisi"]) == ("BINANGUN", 198, 17, 1)
    assert out["jumlah"]["paslon_2"] == 8415 and out["sertifikat"]["paslon_2"] == 8425
    assert out["selisih"] == {"dpt_l": 0, "dpt_p": 0, "paslon_1": 0, "paslon_2": 10, "suara_sah": -102,
                              "suara_tidak_sah": None, "jumlah_suara": None}
    assert sum(len(d["tps"]) for d in out["desa"]) == 198
    text = run("tps", "show", "--db", db, "--kecamatan", "33.01.04").output
    assert text.startswith("Kecamatan BINANGUN (33.01.04), Kabupaten Cilacap: 198 TPS di 17 desa")


# ----------------------------------------------------------------- integrity
def raw(db) -> sqlite3.Connection:
    return sqlite3.connect(db, isolation_level=None)


def test_a_figure_changed_with_sqlite3_is_refused_and_found(db):
    with raw(db) as c:
        c.execute("UPDATE tps SET angka = '[140,144,147,59,206,4,211]' WHERE import_id = 1 AND baris = 2")
    r = run("tps", "check", "--db", db)
    assert r.exit_code == 1
    assert r.output.startswith("Galat: Data TPS sumber situng (impor #1, berkas pilpres2019_jateng_tps_situng.csv.gz) "
                               "telah diubah di luar program (SHA-256 baris TPS tidak cocok dengan yang tercatat).")
    v = run("audit", "verify", "--db", db)
    assert v.exit_code == 1
    assert ("- Data TPS sumber situng (impor #1, berkas pilpres2019_jateng_tps_situng.csv.gz): baris TPS-nya telah "
            "diubah di luar program (isinya tidak cocok lagi dengan SHA-256 yang tercatat).") in v.output.splitlines()


def test_rows_and_their_hash_rewritten_together_are_still_found(db):
    with Workspace.open(db, readonly=True) as ws:
        stored = tps.load(ws)
    stored.data.angka["paslon_1"][0] += 1
    sha = tps.content_sha256(stored.data)
    with raw(db) as c:
        c.execute("UPDATE tps SET angka = '[140,144,148,59,206,4,210]' WHERE import_id = 1 AND baris = 2")
        c.execute("UPDATE tps_import SET content_sha256 = ?", (sha,))
    with Workspace.open(db, readonly=True) as ws:
        with pytest.raises(WorkspaceError) as ei:
            tps.load(ws)
        assert ei.value.code == "tampered"
        assert "riwayat impor data TPS (tps_import)" in ei.value.message  # the import history is under the chain
        problems = [p.message for p in integrity.verify(ws).problems]
    assert any(m.startswith("Riwayat impor data TPS (tps_import) berbeda dari yang tercatat") for m in problems)
    assert any("berbeda SHA-256-nya dari catatan auditnya" in m for m in problems)


def test_deleted_rows_and_rows_of_no_import(db):
    with raw(db) as c:
        c.execute("DELETE FROM tps WHERE import_id = 1 AND baris = 3")
        c.execute("INSERT INTO tps_import (id, sumber, format, berkas, berkas_size, berkas_sha256, isian, jumlah_tps,"
                  " content_sha256, imported_at, imported_by) VALUES (7, 'x', 'csv', 'x', 0, '', '[]', 0, '', '', '')")
        c.execute("PRAGMA foreign_keys=OFF")
        c.execute("INSERT INTO tps VALUES (9, 1, '33.01.02', NULL, 'X', 1, '[1]')")
    with Workspace.open(db, readonly=True) as ws:
        problems = [p.message for p in tps.verify(ws)]
    assert problems[0] == ("Ada 1 baris TPS untuk impor #9 yang tidak ada dalam riwayat impor TPS (ditambahkan di "
                           "luar program).")
    assert any(m.startswith("Data TPS sumber situng (impor #1, berkas pilpres2019_jateng_tps_situng.csv.gz): baris")
               for m in problems)
    assert any(m.startswith("Data TPS sumber x (impor #7, berkas x) tidak mempunyai catatan audit") for m in problems)


def test_verify_is_clean_after_import_and_replacement(db, tmp_path):
    small = tmp_path / "ganti.csv"
    small.write_text("kode_kecamatan,kode_desa,desa_kelurahan,no_tps,situng_paslon_1\n33.01.02,,A,1,5\n",
                     encoding="utf-8")
    assert json.loads(run("tps", "import", "--db", db, "--format", "json", small).output)["mengganti"] == 1
    v = run("audit", "verify", "--db", db)
    assert v.exit_code == 0, v.output
    with Workspace.open(db, readonly=True) as ws:
        assert ws.conn.execute("SELECT COUNT(*) FROM tps").fetchone()[0] == 1
