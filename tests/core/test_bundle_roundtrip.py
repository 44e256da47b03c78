"""Bundles: export → verify → import round trip of the real Pilpres 2019 workspace (issue 6 §6)."""

from __future__ import annotations

import json
import os
import stat

import pytest
from click.testing import CliRunner
from test_bundle_helpers import db_hash, members

from recap_app.cli import main
from recap_app.core import certificate, reconcile
from recap_app.core.bundle import export, importer, keys, schema, verify
from recap_app.core.bundle.format import DATA, MANIFEST, SIGNATURE
from recap_app.core.demo import real_certificates
from recap_app.core.domain import JUMLAH
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals


@pytest.fixture
def sent(demo_ws, tmp_path):
    """The demo workspace exported in full (sequence 1)."""
    r = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester")
    return demo_ws, r


@pytest.fixture
def target(tmp_path):
    w = Workspace.create(tmp_path / "target.sqlite", "pilpres-2019-jateng", actor="penerima")
    yield w
    w.close()


def test_export_writes_a_signed_zip_with_listed_members(sent, tmp_path):
    ws, r = sent
    assert (r.sequence, r.base_sequence, r.certificates, r.revisions) == (1, 0, 35, 35)
    names = [n for n, _ in members(r.path)]
    assert names == [MANIFEST, SIGNATURE, DATA]
    manifest = json.loads(dict(members(r.path))[MANIFEST])
    assert manifest["sender"]["office_code"] == "33"
    assert manifest["sender"]["office_name"] == "KPU Provinsi Jawa Tengah"
    assert manifest["sender"]["tier"] == "provinsi"
    assert manifest["election_id"] == "pilpres-2019-jateng" and manifest["simulation"] is False
    assert manifest["sender"]["fingerprint"] == keys.load_identity().fingerprint
    assert [m["path"] for m in manifest["members"]] == [DATA]
    # the export itself is recorded, then its signed chain head kept here, then the automatic backup
    rec = ws.conn.execute("SELECT action, entity FROM audit ORDER BY id DESC LIMIT 3").fetchall()
    assert rec == [("backup.create", "workspace"), ("anchor.sign", "workspace"), ("bundle.export", "bundle:1")]
    last_carried = ws.conn.execute("SELECT id, hash FROM audit WHERE action = 'bundle.export'").fetchone()[0] - 1
    assert manifest["chain_head"] == {
        "genesis": ws.conn.execute("SELECT hash FROM audit WHERE id = 1").fetchone()[0], "audit_id": last_carried,
        "audit_hash": ws.conn.execute("SELECT hash FROM audit WHERE id = ?", (last_carried,)).fetchone()[0]}


def test_verify_reports_sender_and_content(sent):
    _, r = sent
    vb = verify.verify_bundle(r.path)
    lines = vb.describe()
    assert lines[0] == "Pengirim: KPU Provinsi Jawa Tengah (kode 33, tingkat provinsi)"
    assert lines[3] == "Nomor urut bundel: 1 (lengkap)"
    assert lines[5].startswith("Isi: 35 sertifikat, 35 revisi, ")
    assert vb.manifest_sha256 == r.manifest_sha256
    # the published schema (not only the fast path) accepts the data
    assert schema.schema_errors(vb.data, "data", fast=False) == []


def test_round_trip_gives_identical_totals_findings_and_audit(sent, target):
    ws, r = sent
    res = importer.import_bundle(target, r.path, "penerima", accept_key=True)
    assert res.status == "imported" and res.key_accepted and res.mode == "mirror"
    assert len(res.added) == 35 and res.conflicts == [] and res.gap is None
    assert province_totals(target) == province_totals(ws)
    assert province_totals(target)["fields"]["paslon_1"] == 16825511
    assert province_totals(target)["fields"]["paslon_2"] == 4944447
    assert reconcile.check_workspace(target) == reconcile.check_workspace(ws)
    assert [f.to_dict() for f in reconcile.findings(target)] == [f.to_dict() for f in reconcile.findings(ws)]
    for kode, (cols, values) in real_certificates().items():
        mine, theirs = target.latest_revision(kode), ws.latest_revision(kode)
        assert mine.content_sha256 == theirs.content_sha256
        assert target.revision_values(mine.id)[JUMLAH]["paslon_1"] == values[JUMLAH]["paslon_1"]
        assert list(mine.columns) == cols
    # the sender's audit log arrives whole, its hash chain intact
    sender_audit = ws.conn.execute(
        "SELECT id, at, actor, action, entity, before, after, prev_hash, hash FROM audit WHERE id < "
        "(SELECT MAX(id) FROM audit WHERE action = 'bundle.export') ORDER BY id").fetchall()
    remote = target.conn.execute(
        "SELECT id, at, actor, action, entity, before, after, prev_hash, hash FROM bundle_remote_audit "
        "ORDER BY id").fetchall()
    assert remote == sender_audit
    last = target.conn.execute("SELECT action, entity, actor FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("bundle.import", "bundle:33:1", "penerima")


def test_same_bundle_twice_changes_nothing(sent, target):
    _, r = sent
    importer.import_bundle(target, r.path, "penerima", accept_key=True)
    before = db_hash(target)
    again = importer.import_bundle(target, r.path, "penerima")
    assert again.status == "already"
    assert again.lines() == ["Bundel KPU Provinsi Jawa Tengah (33) nomor 1 sudah pernah diimpor; tidak ada yang diubah."]
    assert db_hash(target) == before


def test_explanations_travel_with_their_findings(demo_ws, target, tmp_path):
    key = "W.602|33.01||dptb_l"
    reconcile.explain(demo_ws, key, "DPTb tidak tersedia di sumber data contoh.", "verif")
    r = export.export_bundle(demo_ws, tmp_path / "b.zip", "tester")
    res = importer.import_bundle(target, r.path, "penerima", accept_key=True)
    assert res.explanations == 1
    got = {f.key: f for f in reconcile.findings(target)}[key]
    assert got.explanation["text"] == "DPTb tidak tersedia di sumber data contoh."
    assert got.explanation["by"] == "penerima"


def test_incremental_bundle_carries_only_what_changed(demo_ws, target, tmp_path):
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester")
    importer.import_bundle(target, b1.path, "penerima", accept_key=True)
    cols, values = real_certificates()["33.02"]
    values[JUMLAH]["suara_tidak_sah"] = 12345
    certificate.record_revision(demo_ws, "33.02", cols, values, actor="tester", reason="perbaikan")
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester")
    assert (b2.sequence, b2.base_sequence, b2.revisions) == (2, 1, 1)
    res = importer.import_bundle(target, b2.path, "penerima")
    assert res.added == {"33.02": 1} and res.conflicts == []
    assert province_totals(target) == province_totals(demo_ws)
    assert province_totals(target)["fields"]["suara_tidak_sah"] == 12345
    # a fresh --full export repeats everything; the target already has it all
    b3 = export.export_bundle(demo_ws, tmp_path / "b3.zip", "tester", full=True)
    assert (b3.sequence, b3.base_sequence, b3.revisions) == (3, 0, 36)
    res3 = importer.import_bundle(target, b3.path, "penerima")
    assert res3.added == {} and len(res3.unchanged) == 35


def test_since_unknown_sequence_is_refused(demo_ws, tmp_path):
    with pytest.raises(export.ExportError) as exc:
        export.export_bundle(demo_ws, tmp_path / "x.zip", "tester", since=7)
    assert exc.value.message == ("Bundel nomor 7 tidak pernah dibuat dari ruang kerja ini (nomor terakhir: 0); "
                                 "pakai --since dengan nomor yang ada atau --full.")
    assert not (tmp_path / "x.zip").exists()


def test_sources_travel_when_asked(ws, target, tmp_path):
    cols, values = real_certificates()["33.01"]
    with ws.transaction():
        sid = ws.store_source_file("DB1-Cilacap.xlsx", b"isi berkas asli", "tester")
        certificate.record_revision(ws, "33.01", cols, values, actor="tester", source_file_id=sid)
    r = export.export_bundle(ws, tmp_path / "s.zip", "tester", with_sources=True)
    assert r.sources == 1
    res = importer.import_bundle(target, r.path, "penerima", accept_key=True)
    assert res.sources == 1
    rev = target.latest_revision("33.01")
    name, content = target.conn.execute("SELECT name, content FROM source_file WHERE id = ?",
                                        (rev.source_file_id,)).fetchone()
    assert (name, content) == ("DB1-Cilacap.xlsx", b"isi berkas asli")


def test_key_file_is_private_and_stable(tmp_path):
    ident = keys.load_identity(tmp_path / "k" / "kunci.pem")
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "k" / "kunci.pem").stat().st_mode) == 0o600
    again = keys.load_identity(tmp_path / "k" / "kunci.pem")
    assert again.fingerprint == ident.fingerprint
    assert ident.public_text.startswith("ed25519:") and len(ident.fingerprint) == 64


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_key_file_readable_by_others_is_refused(tmp_path):
    path = tmp_path / "kunci.pem"
    keys.load_identity(path)
    path.chmod(0o644)
    with pytest.raises(keys.OfficeKeyError) as exc:
        keys.load_identity(path)
    assert exc.value.message == (f"Berkas kunci kantor {path} dapat dibaca pengguna lain (mode 644); diharapkan 600. "
                                 f"Jalankan: chmod 600 {path}")


def test_trust_text_twice_and_for_another_office(target, tmp_path):
    other = keys.load_identity(tmp_path / "cilacap.pem")
    tk = keys.trust(target, other.public_text, "33.01", "penerima", "KPU Kabupaten Cilacap")
    assert tk.fingerprint == other.fingerprint
    n = target.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'keys.trust'").fetchone()[0]
    keys.trust(target, other.public_text, "33.01", "penerima")
    assert target.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'keys.trust'").fetchone()[0] == n == 1
    with pytest.raises(keys.BundleRefused) as exc:
        keys.trust(target, other.public_text, "33.02", "penerima")
    assert exc.value.code == "key_office_mismatch"
    with pytest.raises(keys.OfficeKeyError) as exc:
        keys.trust(target, "ed25519:bukan-kunci", "33.02", "penerima")
    assert exc.value.code == "bad_key"


def test_cli_round_trip_and_exit_codes(demo_ws, tmp_path):
    runner = CliRunner()
    demo = str(demo_ws.path)
    demo_ws.close()
    out = tmp_path / "cli.zip"
    r = runner.invoke(main, ["bundle", "export", "--db", demo, "--out", str(out)])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0] == f"Bundel nomor 1 (lengkap) ditulis ke {out} ({out.stat().st_size:,} bita).".replace(",", ".")
    r = runner.invoke(main, ["bundle", "verify", str(out)])
    assert r.exit_code == 0 and r.output.splitlines()[0] == "Bundel SAH: tanda tangan, hash setiap anggota, dan skema cocok."
    tgt = str(tmp_path / "t.sqlite")
    assert runner.invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", tgt]).exit_code == 0
    r = runner.invoke(main, ["bundle", "import", "--db", tgt, str(out)])
    assert r.exit_code == 1 and "belum dipercaya" in r.output
    show = runner.invoke(main, ["keys", "show", "--format", "json"])
    pub = json.loads(show.output)["public_key"]
    r = runner.invoke(main, ["keys", "trust", pub, "--office", "33", "--db", tgt])
    assert r.exit_code == 0 and r.output.startswith("Kunci kantor 33 dipercaya: ")
    r = runner.invoke(main, ["bundle", "import", "--db", tgt, str(out)])
    assert r.exit_code == 0 and r.output.splitlines()[0] == "Bundel KPU Provinsi Jawa Tengah (33) nomor 1 diimpor."
    r = runner.invoke(main, ["bundle", "import", "--db", tgt, str(out)])
    assert r.exit_code == 0 and "sudah pernah diimpor" in r.output
    bad = tmp_path / "bad.zip"
    raw = bytearray(out.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    bad.write_bytes(bytes(raw))
    assert runner.invoke(main, ["bundle", "verify", str(bad)]).exit_code == 1
    assert runner.invoke(main, ["bundle", "import", "--db", tgt, str(bad)]).exit_code == 1
