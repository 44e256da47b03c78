"""Double entry: second entry by another person, differences, coordinator decisions."""

import json

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import certificate, double_entry, reconcile
from recap_app.core.double_entry import DoubleEntryError
from recap_app.core.errors import NotAllowed

KODE = "33.75"  # Kota Pekalongan: 4 kecamatan + JUMLAH


def entry_from(ws, **changes):
    """Entry 1's figures with changes {(column, field): value}."""
    info, vals = ws.latest_values()[KODE]
    for (c, f), v in changes.items():
        vals[c][f] = v
    return list(info.columns), vals


def audit_actions(ws, n):
    return [r[0] for r in ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT ?", (n,))]


def test_second_entry_must_be_typed_by_someone_else(demo_ws):
    cols, vals = entry_from(demo_ws)
    with pytest.raises(NotAllowed) as e:
        double_entry.submit_second_entry(demo_ws, KODE, cols, vals, "tester")
    assert e.value.message == ("Pemisahan tugas: 'tester' memasukkan sertifikat 33.75 (revisi 1), jadi tidak boleh "
                               "melakukan entri kedua atau memverifikasinya (menjelaskan, mengesampingkan, "
                               "menetapkan). Minta pengguna lain, atau bertindak dengan namanya (--user).")
    assert double_entry.state(demo_ws, KODE)["status"] == "tidak ada"


def test_identical_entries_have_no_difference_and_keep_entry_1(demo_ws):
    cols, vals = entry_from(demo_ws)
    double_entry.submit_second_entry(demo_ws, KODE, cols, vals, "operator2")
    assert double_entry.state(demo_ws, KODE)["status"] == "menunggu"
    assert double_entry.differences(demo_ws, KODE).differences == []
    assert double_entry.resolve(demo_ws, KODE, {}, "koordinator") is None
    st = double_entry.state(demo_ws, KODE)
    assert st["status"] == "selesai" and st["decision"]["by"] == "koordinator"
    assert len(demo_ws.revisions(KODE)) == 1


def test_differences_are_resolved_field_by_field_into_a_new_revision(demo_ws):
    info, vals = demo_ws.latest_values()[KODE]
    k1, k2 = info.columns[0], info.columns[1]
    p2 = vals[k1]["paslon_2"]
    cols, vals2 = entry_from(demo_ws)
    vals2[k1]["paslon_2"] = p2 * 10 + 2          # one extra digit in entry 2
    vals2["JUMLAH"]["paslon_1"] = 138320         # entry 2 typed the kecamatan sum
    double_entry.submit_second_entry(demo_ws, KODE, cols, vals2, "operator2")
    report = double_entry.differences(demo_ws, KODE)
    assert [(d.column, d.field, d.value_a, d.value_b, d.fault) for d in report.differences] == [
        (k1, "paslon_2", p2, p2 * 10 + 2, "digit_extra"), ("JUMLAH", "paslon_1", 138319, 138320, "")]
    # adoption waits for the coordinator
    with pytest.raises(NotAllowed) as e:
        certificate.adopt(demo_ws, KODE, "ketua")
    assert e.value.code == "double_entry_pending"
    # every difference needs a choice; nothing written otherwise
    n_audit = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(DoubleEntryError) as e:
        double_entry.resolve(demo_ws, KODE, {(k1, "paslon_2"): "entri_1"}, "koordinator")
    assert e.value.message == "Kota Pekalongan (33.75): 1 perbedaan belum dipilih (entri_1 atau entri_2): JUMLAH paslon_1."
    with pytest.raises(DoubleEntryError) as e:
        double_entry.resolve(demo_ws, KODE, {(k2, "paslon_1"): "entri_2"}, "koordinator")
    assert e.value.code == "not_a_difference"
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n_audit
    rid = double_entry.resolve(demo_ws, KODE, {(k1, "paslon_2"): "entri_1", ("JUMLAH", "paslon_1"): "entri_2"},
                               "koordinator", "JUMLAH diketik ulang dari berita acara")
    new = demo_ws.revision_values(rid)
    assert new[k1]["paslon_2"] == p2 and new["JUMLAH"]["paslon_1"] == 138320
    assert demo_ws.revision_info(rid).number == 2
    choices = demo_ws.conn.execute("SELECT kolom, field, entry1, entry2, keep FROM double_entry_choice "
                                   "ORDER BY kolom").fetchall()
    assert choices == [(k1, "paslon_2", p2, p2 * 10 + 2, "entri_1"), ("JUMLAH", "paslon_1", 138319, 138320, "entri_2")]
    assert audit_actions(demo_ws, 2) == ["double_entry.resolve", "certificate.double_entry_result"]
    assert double_entry.state(demo_ws, KODE)["status"] == "selesai"
    # JUMLAH paslon_1 now matches its kecamatan, but JUMLAH suara_sah still does not, and no longer
    # equals the pairs' sum: the rules say both
    assert [f.key for f in reconcile.findings(demo_ws, KODE) if f.severity == "error"] == [
        "F.201|33.75|JUMLAH|suara_sah", "F.501|33.75|JUMLAH|suara_sah"]


def test_send_back(demo_ws):
    cols, vals = entry_from(demo_ws)
    with pytest.raises(DoubleEntryError) as e:
        double_entry.send_back(demo_ws, KODE, "koordinator", "ketik ulang")
    assert e.value.message == "Kota Pekalongan (33.75): tidak ada entri kedua yang menunggu keputusan."
    double_entry.submit_second_entry(demo_ws, KODE, cols, vals, "operator2")
    with pytest.raises(DoubleEntryError):
        double_entry.send_back(demo_ws, KODE, "koordinator", " ")
    double_entry.send_back(demo_ws, KODE, "koordinator", "Lembar C1 kecamatan 1 tidak terbaca; ketik ulang.")
    st = double_entry.state(demo_ws, KODE)
    assert st["status"] == "dikembalikan" and st["decision"]["reason"].startswith("Lembar C1")
    assert audit_actions(demo_ws, 1) == ["double_entry.send_back"]
    assert double_entry.pending_second_entry(demo_ws, KODE) is None


def test_entry2_cli(demo_ws, tmp_path):
    info, vals = demo_ws.latest_values()[KODE]
    k1 = info.columns[0]
    vals[k1]["paslon_1"] += 90
    path = str(demo_ws.path)
    demo_ws.close()
    f = tmp_path / "entri2.json"
    f.write_text(json.dumps(vals), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(main, ["entry2", "enter", "--db", path, "--user", "operator2", "--region", KODE, str(f)])
    assert res.exit_code == 0, res.output
    assert res.output.splitlines()[0] == "Entri kedua 33.75 disimpan; 1 perbedaan dengan entri pertama."
    res = runner.invoke(main, ["entry2", "diff", "--db", path, "--region", KODE, "--format", "json"])
    d = json.loads(res.output)["differences"]
    assert [(x["column"], x["field"], x["difference"]) for x in d] == [(k1, "paslon_1", 90)]
    res = runner.invoke(main, ["entry2", "resolve", "--db", path, "--user", "koordinator", "--region", KODE,
                               "--keep", f"{k1}:paslon_1=3"])
    assert (res.exit_code, res.output) == (1, f"Galat: --keep '{k1}:paslon_1=3': pilihan harus 1 atau 2.\n")
    res = runner.invoke(main, ["entry2", "resolve", "--db", path, "--user", "koordinator", "--region", KODE,
                               "--all", "1"])
    assert (res.exit_code, res.output) == (0, "Entri ganda 33.75 diputuskan; entri 1 tetap berlaku.\n")
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({k1: {"paslon_1": -1}}), encoding="utf-8")
    res = runner.invoke(main, ["entry2", "enter", "--db", path, "--user", "operator2", "--region", KODE, str(bad)])
    assert res.exit_code == 1
    assert res.output == f"Galat: Berkas bad.json, kolom {k1}, isian paslon_1: -1 bukan bilangan bulat tidak negatif.\n"
