"""Stored findings, explanations, overrides, adoption, reopening, status and `recap check`."""

import json

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import certificate, reconcile
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import NotAllowed, NotNow, TextError
from recap_app.core.reconcile import ReconcileError

PEKALONGAN = "F.501|33.75|JUMLAH|paslon_1"


def audit_count(ws):
    return ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def statuses(ws):
    return {r["kode"]: r["status"] for r in certificate.statuses(ws)}


def consistent_values(ws, kode):
    cols = [r.kode for r in ws.columns_of(kode)] + [JUMLAH]
    vals = {c: {k: 0 for k in ws.election.form.field_keys} for c in cols}
    for c in cols[:-1]:
        vals[c].update(paslon_1=10, paslon_2=5, suara_sah=15)
    n = len(cols) - 1
    vals[JUMLAH].update(paslon_1=10 * n, paslon_2=5 * n, suara_sah=15 * n)
    for c in cols:  # jumlah_suara = B.4 = ballots used: keep them consistent with 15 valid votes
        v = vals[c]
        m = 1 if c != JUMLAH else n
        v.update(jumlah_suara=15 * m, pengguna_hak_pilih=15 * m, pengguna_hak_pilih_l=15 * m, pengguna_dpt=15 * m,
                 pengguna_dpt_l=15 * m, dpt=1000 * m, dpt_l=1000 * m, pemilih=1000 * m, pemilih_l=1000 * m,
                 surat_suara_diterima=1020 * m, surat_suara_digunakan=15 * m, surat_suara_tidak_digunakan=1005 * m)
    return cols, vals


def test_empty_workspace_status_and_missing_regencies(ws):
    assert set(statuses(ws).values()) == {"belum masuk"}
    fs = reconcile.refresh_findings(ws, "tester")
    assert len(fs) == 35 and {f.code for f in fs} == {"W.601"}
    assert fs[0].key == "W.601|33.01||" and fs[0].revision_id is None


def test_refresh_stores_per_revision_and_status_follows(demo_ws):
    # make_demo stored 35 revisions; each stored its findings in the same transaction
    assert reconcile.stale_regions(demo_ws) == []
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM finding_check").fetchone()[0] == 36
    before = audit_count(demo_ws)
    fs = reconcile.refresh_findings(demo_ws, "tester")
    assert audit_count(demo_ws) == before  # nothing stale: no write, no audit record
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM finding").fetchone()[0] == 1156
    assert sum(f.severity == "warning" for f in fs) == 1155
    assert [f.key for f in fs if f.severity == "error"] == [PEKALONGAN]
    assert fs[[f.key for f in fs].index(PEKALONGAN)].revision_id == demo_ws.latest_revision("33.75").id
    st = statuses(demo_ws)
    assert st["33.75"] == "ada kesalahan" and st["33.01"] == "ada peringatan"


def test_a_new_revision_is_rechecked_and_findings_are_live_meanwhile(demo_ws):
    cols, vals = consistent_values(demo_ws, "33.75")
    certificate.record_revision(demo_ws, "33.75", cols, vals, actor="tester", reason="koreksi")
    assert reconcile.stale_regions(demo_ws) == []
    assert [f for f in reconcile.findings(demo_ws, "33.75")] == []
    reconcile.refresh_findings(demo_ws, "tester")
    assert statuses(demo_ws)["33.75"] == "sesuai"
    # the findings of revision 1 are kept with it
    rev1 = demo_ws.revisions("33.75")[0].id
    assert demo_ws.conn.execute("SELECT key FROM finding WHERE revision_id = ? AND severity = 'error'",
                                (rev1,)).fetchall() == [(PEKALONGAN,)]


def test_explanation_resolves_a_warning_until_the_figures_change(demo_ws):
    reconcile.refresh_findings(demo_ws, "tester")
    keys = [f.key for f in reconcile.findings(demo_ws, "33.01")]
    assert reconcile.explain(demo_ws, keys, "Sumber KawalPemilu tidak memuat angka ini.", "petugas") == 33
    fs = reconcile.findings(demo_ws, "33.01")
    assert all(f.resolved for f in fs)
    assert fs[0].explanation["text"] == "Sumber KawalPemilu tidak memuat angka ini."
    assert fs[0].explanation["by"] == "petugas"
    assert statuses(demo_ws)["33.01"] == "sesuai"
    # a new revision where dptb_l is still blank but now only in JUMLAH: the old explanation no longer applies
    info, vals = demo_ws.latest_values()["33.01"]
    for c in info.columns[:-1]:
        vals[c]["dptb_l"] = 0
    certificate.record_revision(demo_ws, "33.01", list(info.columns), vals, actor="tester", reason="isi DPTb")
    f = next(f for f in reconcile.findings(demo_ws, "33.01") if f.field == "dptb_l")
    assert f.columns == (JUMLAH,) and f.explanation is None
    g = next(f for f in reconcile.findings(demo_ws, "33.01") if f.field == "dpk_l")
    assert g.explanation is not None  # unchanged finding keeps its explanation


def test_explain_refuses_empty_text_and_unknown_keys_without_writing(demo_ws):
    n = audit_count(demo_ws)
    with pytest.raises(TextError) as e:
        reconcile.explain(demo_ws, PEKALONGAN, "   ", "petugas")
    assert e.value.message == "Penjelasan tidak boleh kosong: tuliskan alasannya dengan kalimat."
    with pytest.raises(ReconcileError) as e:
        reconcile.explain(demo_ws, "F.201|33.01|JUMLAH|suara_sah", "x", "petugas")
    assert e.value.message == ("Temuan F.201|33.01|JUMLAH|suara_sah tidak ada pada data terakhir. Lihat daftar "
                               "temuan dengan: recap check.")
    assert audit_count(demo_ws) == n
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM finding_note").fetchone()[0] == 0


def test_error_blocks_adoption_until_the_chair_overrides(demo_ws):
    with pytest.raises(NotAllowed) as e:
        certificate.adopt(demo_ws, "33.75", "ketua")
    assert e.value.message == ("Kota Pekalongan (33.75) tidak dapat ditetapkan: 1 kesalahan belum diselesaikan "
                               "(F.501 JUMLAH paslon_1). Perbaiki angkanya atau minta ketua mengesampingkan dengan "
                               "alasan.")
    assert demo_ws.adoption("33.75") is None
    reconcile.explain(demo_ws, PEKALONGAN, "Selisih satu suara tercatat di berita acara.", "petugas")
    with pytest.raises(NotAllowed):  # an explanation does not resolve an error
        certificate.adopt(demo_ws, "33.75", "ketua")
    with pytest.raises(ReconcileError) as e:
        reconcile.override(demo_ws, "W.602|33.75||dptb", "x", "ketua")
    assert e.value.message == ("Temuan W.602|33.75||dptb adalah peringatan; peringatan dijelaskan (recap explain), "
                               "bukan dikesampingkan.")
    reconcile.override(demo_ws, PEKALONGAN, "Ditetapkan pleno KPU Kota Pekalongan; selisih dicatat.", "ketua")
    f = next(f for f in reconcile.findings(demo_ws, "33.75") if f.key == PEKALONGAN)
    assert f.override["reason"] == "Ditetapkan pleno KPU Kota Pekalongan; selisih dicatat." and f.resolved
    rid = certificate.adopt(demo_ws, "33.75", "ketua")
    assert rid == demo_ws.latest_revision("33.75").id
    backups = list(demo_ws.path.with_name("demo-cadangan").glob("*-adopt.sqlite"))
    assert len(backups) == 1  # automatic backup after the adoption
    assert demo_ws.adoption("33.75")["by"] == "ketua"
    assert statuses(demo_ws)["33.75"] == "ditetapkan"
    with pytest.raises(NotAllowed):  # store refuses changes to an adopted certificate
        certificate.record_revision(demo_ws, "33.75", *consistent_values(demo_ws, "33.75"), actor="tester")
    with pytest.raises(NotNow) as e:
        certificate.adopt(demo_ws, "33.75", "ketua")
    assert e.value.message == "Kota Pekalongan (33.75) sudah ditetapkan."
    actions = [r[0] for r in demo_ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 4")]
    assert actions[:2] == ["backup.create", "certificate.adopt"] and "finding.override" in actions


def test_reopen_needs_a_reason_and_an_adopted_certificate(demo_ws):
    with pytest.raises(NotNow) as e:
        certificate.reopen(demo_ws, "33.01", "ketua", "koreksi")
    assert e.value.message == "Kabupaten Cilacap (33.01) belum ditetapkan; tidak ada yang dibuka kembali."
    certificate.adopt(demo_ws, "33.01", "ketua")
    with pytest.raises(TextError):
        certificate.reopen(demo_ws, "33.01", "ketua", "")
    assert demo_ws.adoption("33.01") is not None
    certificate.reopen(demo_ws, "33.01", "ketua", "Salah ketik DPT di kecamatan Kesugihan.")
    assert demo_ws.adoption("33.01") is None
    row = demo_ws.conn.execute("SELECT action, before, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert row[0] == "certificate.reopen"
    assert json.loads(row[2]) == {"reason": "Salah ketik DPT di kecamatan Kesugihan."}
    assert statuses(demo_ws)["33.01"] == "ada peringatan"


def test_adopt_refuses_unknown_and_missing_certificates(ws):
    with pytest.raises(NotNow) as e:
        certificate.adopt(ws, "33.01", "ketua")
    assert e.value.message == "Kabupaten Cilacap (33.01): sertifikat belum masuk; tidak ada yang dapat ditetapkan."
    with pytest.raises(NotNow) as e:
        certificate.adopt(ws, "33.01.02", "ketua")
    assert e.value.message == "Kode '33.01.02' bukan kabupaten/kota pengirim sertifikat dalam pemilihan ini."


# --------------------------------------------------------------------- recap check
def test_recap_check_json_and_exit_status(demo_ws):
    path = str(demo_ws.path)
    demo_ws.close()
    runner = CliRunner()
    res = runner.invoke(main, ["check", "--db", path, "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert len(data) == 1156
    err = [d for d in data if d["severity"] == "error"]
    assert len(err) == 1
    assert {k: err[0][k] for k in ("code", "severity", "region", "column", "field", "expected", "actual")} == {
        "code": "F.501", "severity": "error", "region": "33.75", "column": "JUMLAH", "field": "paslon_1",
        "expected": 138320, "actual": 138319}
    assert err[0]["message"].startswith("Kota Pekalongan, kolom JUMLAH:")
    assert runner.invoke(main, ["check", "--db", path, "--strict"]).exit_code == 1
    res = runner.invoke(main, ["override", "--db", path, "--user", "ketua", PEKALONGAN, "Berita acara pleno."])
    assert res.exit_code == 0, res.output
    res = runner.invoke(main, ["check", "--db", path, "--strict"])
    assert res.exit_code == 0
    assert res.output.splitlines()[0] == ("Pemeriksaan: 35 dari 35 sertifikat masuk; 1 kesalahan (0 belum "
                                          "diselesaikan), 1.155 peringatan (1.155 belum dijelaskan).")
    assert "33.75 Kota Pekalongan — ada peringatan" in res.output


def test_recap_explain_adopt_reopen_cli(demo_ws):
    path = str(demo_ws.path)
    demo_ws.close()
    runner = CliRunner()
    res = runner.invoke(main, ["explain", "--db", path, "--user", "petugas", "--code", "W.602", "--region", "33.01",
                               "Angka ini tidak ada di sumber."])
    assert (res.exit_code, res.output) == (0, "33 temuan dijelaskan.\n")
    res = runner.invoke(main, ["adopt", "--db", path, "--user", "ketua", "33.75"])
    assert res.exit_code == 1
    assert res.output.startswith("Galat: Kota Pekalongan (33.75) tidak dapat ditetapkan")
    res = runner.invoke(main, ["adopt", "--db", path, "--user", "ketua", "33.01"])
    assert (res.exit_code, res.output) == (0, "Sertifikat 33.01 revisi 1 ditetapkan.\n")
    res = runner.invoke(main, ["status", "--db", path])
    assert "33.01  Kabupaten Cilacap            ditetapkan" in res.output
    res = runner.invoke(main, ["reopen", "--db", path, "--user", "ketua", "33.01", "--reason", "koreksi DPT"])
    assert (res.exit_code, res.output) == (0, "Sertifikat 33.01 dibuka kembali.\n")
    res = runner.invoke(main, ["status", "--db", path, "--format", "json"])
    assert json.loads(res.output)[0]["status"] == "sesuai"
