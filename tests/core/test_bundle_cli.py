"""Bundles: the `recap keys` and `recap bundle` commands, permissions, objections (issue 6 §2, §3)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from test_bundle_helpers import db_hash

from recap_app.cli import main
from recap_app.core import auth, certificate
from recap_app.core.bundle import export, importer, keys, verify
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import NotAllowed
from recap_app.core.formatting import number
from recap_app.core.store import Workspace


def _hash_of(path):
    with Workspace.open(path, readonly=True) as ws:
        return db_hash(ws)


def _change(ws, kode, field, delta, actor):
    info = ws.latest_revision(kode)
    values = ws.revision_values(info.id)
    values[JUMLAH][field] += delta
    certificate.record_revision(ws, kode, list(info.columns), values, actor=actor, reason="perbaikan")
    return values[JUMLAH][field]


def test_conflict_listed_and_resolved_from_the_command_line(demo_ws, tmp_path):
    runner = CliRunner()
    tgt = tmp_path / "t.sqlite"
    target = Workspace.create(tgt, "pilpres-2019-jateng", actor="penerima")
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima",
                           accept_key=True)
    base = target.revision_values(target.latest_revision("33.01").id)[JUMLAH]["paslon_2"]
    theirs = _change(demo_ws, "33.01", "paslon_2", 2, "tester")
    ours = _change(target, "33.01", "paslon_2", -2, "penerima")
    target.close()
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    r = runner.invoke(main, ["bundle", "import", "--db", str(tgt), str(b2)])
    assert r.exit_code == 0, r.output
    assert f"  JUMLAH paslon_2: dasar {number(base)}, di sini {number(ours)}, kiriman {number(theirs)}" \
        in r.output.splitlines()
    r = runner.invoke(main, ["bundle", "conflicts", "--db", str(tgt)])
    assert r.output.splitlines() == ["33.01: dari 33 nomor 2, 1 isian berbeda",
                                     f"  JUMLAH paslon_2: dasar {base}, di sini {ours}, kiriman {theirs}"]
    r = runner.invoke(main, ["bundle", "conflicts", "--db", str(tgt), "--format", "json"])
    assert json.loads(r.output)[0]["fields"] == [{"kolom": JUMLAH, "field": "paslon_2", "base": base, "ours": ours,
                                                  "theirs": theirs}]
    r = runner.invoke(main, ["bundle", "resolve", "--db", str(tgt), "33.01", "--keep", "theirs"])
    assert (r.exit_code, r.output) == (0, "Sertifikat 33.01: versi kiriman disimpan sebagai revisi baru.\n")
    r = runner.invoke(main, ["bundle", "resolve", "--db", str(tgt), "33.01", "--keep", "ours"])
    assert (r.exit_code, r.output) == (1, "Galat: Tidak ada konflik bundel terbuka untuk sertifikat 33.01.\n")
    assert runner.invoke(main, ["bundle", "conflicts", "--db", str(tgt)]).output == \
        "Tidak ada konflik bundel yang terbuka.\n"


def test_verify_against_a_workspace_and_json(demo_ws, tmp_path):
    runner = CliRunner()
    out = export.export_bundle(demo_ws, tmp_path / "b.zip", "tester").path
    tgt = tmp_path / "t.sqlite"
    Workspace.create(tgt, "pilpres-2019-jateng", actor="penerima").close()
    r = runner.invoke(main, ["bundle", "verify", str(out), "--db", str(tgt)])
    assert r.exit_code == 1  # with --db, an untrusted key is not "everything valid"
    ident = keys.load_identity()
    assert r.stdout.splitlines()[-1] == "Cocok dengan ruang kerja: kunci pengirim BELUM dipercaya (recap keys trust ...)."
    assert r.stderr == (f"Galat: Bundel b.zip ditolak: kunci pengirim KPU Provinsi Jawa Tengah (kode 33, sidik "
                        f"{keys.grouped(ident.fingerprint)}) belum dipercaya. Cocokkan sidiknya dengan kantor pengirim "
                        f"lalu jalankan: recap keys trust {ident.public_text} --office 33 (atau impor dengan "
                        "--accept-key).\n")
    r = runner.invoke(main, ["bundle", "verify", str(out), "--db", str(tgt), "--format", "json"])
    assert r.exit_code == 1 and json.loads(r.stdout)["valid"] is False
    assert json.loads(r.stdout)["workspace"] == {"mode": "mirror", "key_trusted": False}
    with Workspace.open(tgt) as w:
        keys.trust(w, ident.public_text, "33", "penerima")
    r = runner.invoke(main, ["bundle", "verify", str(out), "--db", str(tgt)])
    assert r.exit_code == 0
    assert r.output.splitlines()[-1] == "Cocok dengan ruang kerja: kunci pengirim sudah dipercaya."
    r = runner.invoke(main, ["bundle", "verify", str(out), "--format", "json"])
    doc = json.loads(r.output)
    assert doc["valid"] is True and doc["manifest"]["sequence"] == 1 and doc["manifest"]["contents"]["revisions"] == 35
    other = tmp_path / "sim.sqlite"
    Workspace.create(other, "pilpres-2019-jateng", actor="penerima", simulation=True).close()
    r = runner.invoke(main, ["bundle", "verify", str(out), "--db", str(other)])
    assert r.exit_code == 1 and "SIMULASI" not in r.output and "ruang kerja simulasi" in r.output


def test_keys_trust_from_a_file_and_list(tmp_path):
    runner = CliRunner()
    tgt = tmp_path / "t.sqlite"
    Workspace.create(tgt, "pilpres-2019-jateng", actor="penerima").close()
    other = keys.load_identity(tmp_path / "cilacap.pem")
    keyfile = tmp_path / "kunci-cilacap.txt"
    keyfile.write_text(other.public_text + "\n", encoding="utf-8")
    r = runner.invoke(main, ["keys", "trust", str(keyfile), "--office", "33.01", "--name", "KPU Kabupaten Cilacap",
                             "--db", str(tgt)])
    assert (r.exit_code, r.output) == (0, f"Kunci kantor 33.01 dipercaya: {keys.grouped(other.fingerprint)}\n")
    r = runner.invoke(main, ["keys", "list", "--db", str(tgt)])
    assert r.output == f"33.01    {keys.grouped(other.fingerprint)}  KPU Kabupaten Cilacap\n"
    r = runner.invoke(main, ["keys", "trust", "ed25519:AAAA", "--office", "33.02", "--db", str(tgt)])
    assert r.exit_code == 1 and r.output.startswith("Galat: Kunci publik tidak dapat dibaca: panjang 3 bita")
    r = runner.invoke(main, ["keys", "show", "--key", str(tmp_path / "cilacap.pem")])
    assert r.output.splitlines()[:2] == [f"Kunci publik: {other.public_text}",
                                         f"Sidik kunci:  {keys.grouped(other.fingerprint)}"]


def test_permissions_are_checked(demo_ws, tmp_path, monkeypatch):
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", "kabut-pagi-di-dieng-2019")  # an office with accounts: protected key
    auth.add_user(demo_ws, "admin", "admin", "admin", "Gunung-merbabu-17-kabut")
    auth.add_user(demo_ws, "admin", "operator1", "operator", "Gunung-slamet-38-kabut")
    with pytest.raises(NotAllowed) as exc:
        export.export_bundle(demo_ws, tmp_path / "x.zip", "operator1")
    assert exc.value.code == "forbidden" and not (tmp_path / "x.zip").exists()
    auth.add_user(demo_ws, "admin", "ketua", "ketua", "Gunung-sumbing-31-kabut")
    from recap_app.core import anchors
    from recap_app.core.office_key import OfficeKeyError

    with pytest.raises(OfficeKeyError) as exc:  # the ketua may export, but makes the key first
        export.export_bundle(demo_ws, tmp_path / "b.zip", "ketua")
    assert exc.value.code == "no_key" and not (tmp_path / "b.zip").exists()
    with pytest.raises(NotAllowed):
        anchors.protect_key(demo_ws, "operator1", None, "kabut-pagi-di-dieng-2019")
    anchors.protect_key(demo_ws, "ketua", None, "kabut-pagi-di-dieng-2019")
    b = export.export_bundle(demo_ws, tmp_path / "b.zip", "ketua").path
    assert keys.load_identity().protected
    target = Workspace.create(tmp_path / "t.sqlite", "pilpres-2019-jateng", actor="penerima")
    auth.add_user(target, "admin", "admin", "admin", "Gunung-merbabu-17-kabut")
    auth.add_user(target, "admin", "operator1", "operator", "Gunung-slamet-38-kabut")
    before = db_hash(target)
    with pytest.raises(NotAllowed) as exc:  # an operator may import, but not trust a new key
        importer.import_bundle(target, b, "operator1", accept_key=True)
    assert "izin 'keys_trust'" in exc.value.message
    assert db_hash(target) == before
    keys.trust(target, keys.load_identity().public_text, "33", "admin")
    assert importer.import_bundle(target, b, "operator1").status == "imported"
    target.close()


def test_objections_travel_in_the_data(demo_ws, tmp_path):
    with demo_ws.transaction():
        demo_ws.db["objection"].insert({"kind": "keberatan", "region_kode": "33.01", "nomor_urut": 2,
                                        "text": "Saksi paslon 2 berkeberatan atas rekap Kecamatan Dayeuhluhur.",
                                        "recorded_at": "2019-05-04T10:00:00+07:00", "recorded_by": "tester"})
        demo_ws.record("tester", "test.objection", "objection", None, None)
    vb = verify.verify_bundle(export.export_bundle(demo_ws, tmp_path / "b.zip", "tester").path)
    assert [(o["kind"], o["region_kode"], o["text"]) for o in vb.data["objections"]] == [
        ("keberatan", "33.01", "Saksi paslon 2 berkeberatan atas rekap Kecamatan Dayeuhluhur.")]


def test_the_first_export_says_the_office_key_was_made_and_the_next_does_not(demo_ws, tmp_path):
    from recap_app.core.office_key import default_key_path

    demo_ws.close()
    assert not default_key_path().exists()
    r = CliRunner().invoke(main, ["bundle", "export", "--db", str(demo_ws.path), "--full", "--out",
                                  str(tmp_path / "b1.zip")])
    assert r.exit_code == 0, r.output
    fp = keys.grouped(keys.load_identity(create=False).fingerprint)
    assert r.stdout.splitlines()[-1] == (
        f"Kunci kantor baru dibuat: {default_key_path()} (sidik {fp}). Simpan salinannya di tempat aman; kantor "
        "penerima perlu sidik ini untuk mempercayai bundel dan situs Anda (recap keys show).")
    unprotected = (f"Peringatan: kunci kantor {default_key_path()} tidak dilindungi kata sandi (ruang kerja tanpa "
                   "akun): siapa pun yang dapat membaca berkas itu dapat menandatangani atas nama kantor. Lindungi "
                   "dengan: recap keys passphrase")
    assert r.stderr.splitlines()[-1] == unprotected  # said at every export while the key has no passphrase
    r = CliRunner().invoke(main, ["bundle", "export", "--db", str(demo_ws.path), "--full", "--out",
                                  str(tmp_path / "b2.zip"), "--format", "json"])
    assert r.exit_code == 0 and "Kunci kantor baru" not in r.output
    said = json.loads(r.stdout)
    assert (said["key_created"], said["key_protected"], said["key_notes"]) == (False, False, [unprotected])


def test_an_office_with_accounts_never_gets_a_key_from_a_signature(demo_ws, tmp_path, monkeypatch):
    """No key file, accounts: the export is refused before anything is made, with a passphrase or
    without (no unprotected key, no key made outside the audit log); the ketua makes the key with
    `recap keys passphrase` (audited), and the export then signs with it."""
    from recap_app.core import office_key
    from recap_app.core.office_key import default_key_path

    auth.add_user(demo_ws, "admin", "admin", "admin", "kabut-pagi-di-dieng-2019")
    auth.add_user(demo_ws, "admin", "ketua", "ketua", "kabut-pagi-di-dieng-2019")
    db = demo_ws.path
    demo_ws.close()
    monkeypatch.setenv("RECAP_PASSWORD", "kabut-pagi-di-dieng-2019")
    args = ["bundle", "export", "--db", str(db), "--user", "ketua", "--full", "--out"]
    refusal = (f"Galat: Belum ada kunci kantor ({default_key_path()}). Ruang kerja yang memakai akun menandatangani "
               "hanya dengan kunci berkata sandi, yang dibuat ketua atau admin (tercatat di log audit) dengan: recap "
               "keys passphrase (di jendela: Berkas › Pengguna dan peran, Kata sandi kunci kantor)")
    for passphrase in (None, "kabut-sore-di-dieng-2024"):
        if passphrase:
            monkeypatch.setenv("RECAP_KEY_PASSPHRASE", passphrase)
        before = _hash_of(db)
        r = CliRunner().invoke(main, [*args, str(tmp_path / "b1.zip")])
        assert (r.exit_code, r.stderr.strip()) == (1, refusal)
        assert not default_key_path().exists() and not (tmp_path / "b1.zip").exists()
        assert _hash_of(db) == before
    monkeypatch.setenv("RECAP_NEW_KEY_PASSPHRASE", "a")  # the ketua's passphrase follows the password policy
    r = CliRunner().invoke(main, ["keys", "passphrase", "--db", str(db), "--user", "ketua"])
    assert (r.exit_code, r.stderr.strip()) == (1, "Galat: Kata sandi terlalu pendek: 1 karakter; minimal 10.")
    assert not default_key_path().exists()
    monkeypatch.setenv("RECAP_NEW_KEY_PASSPHRASE", "kabut-sore-di-dieng-2024")
    r = CliRunner().invoke(main, ["keys", "passphrase", "--db", str(db), "--user", "ketua"])
    assert r.exit_code == 0, r.output
    fp = office_key.load_identity(create=False).fingerprint
    with Workspace.open(db, readonly=True) as ws:
        (row,) = ws.conn.execute("SELECT actor, after FROM audit WHERE action = 'office_key.passphrase'").fetchall()
    assert row[0] == "ketua" and json.loads(row[1])["key"] == fp
    r = CliRunner().invoke(main, [*args, str(tmp_path / "b2.zip"), "--format", "json"])
    assert r.exit_code == 0, r.output
    said = json.loads(r.stdout)
    assert (said["key_created"], said["key_protected"], said["key_notes"]) == (False, True, [])
    assert verify.verify_bundle(tmp_path / "b2.zip").manifest["sender"]["fingerprint"] == fp


@pytest.mark.parametrize(("passphrase", "why"), [
    ("a", "Kata sandi terlalu pendek: 1 karakter; minimal 10."),
    ("kabut " * 60, "Kata sandi terlalu panjang: 360 karakter; maksimal 255."),
    ("1234567890", "Kata sandi terlalu mudah ditebak"),
])
def test_a_key_made_with_a_passphrase_follows_the_password_policy(demo_ws, tmp_path, monkeypatch, passphrase, why):
    """Open mode, RECAP_KEY_PASSPHRASE set, no key yet: the key it makes follows the same policy
    as `recap keys passphrase`; a refused one leaves no key and no bundle."""
    from recap_app.core.office_key import default_key_path

    demo_ws.close()
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", passphrase)
    r = CliRunner().invoke(main, ["bundle", "export", "--db", str(demo_ws.path), "--out", str(tmp_path / "b.zip")])
    assert r.exit_code == 1
    assert r.stderr.startswith(f"Galat: Kunci kantor {default_key_path()} tidak dibuat: RECAP_KEY_PASSPHRASE "
                               f"ditolak. {why}")
    assert not default_key_path().exists() and not (tmp_path / "b.zip").exists()


def test_accept_key_never_adds_a_second_key_for_an_office_that_has_one(demo_ws, tmp_path):
    """--accept-key trusts the key of an office met for the first time; a bundle signed by another
    key claiming an office already trusted (anyone carrying a bundle can make a key) is refused
    "another_key" with nothing written. A deliberate `recap keys trust` still changes an office's key."""
    tgt = tmp_path / "t.sqlite"
    target = Workspace.create(tgt, "pilpres-2019-jateng", actor="penerima")
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima",
                           accept_key=True)  # the first key of office 33: trusted at first sight
    own = keys.load_identity()
    forged = export.export_bundle(demo_ws, tmp_path / "palsu.zip", "tester", full=True,
                                  key_path=tmp_path / "lain.pem").path
    other = keys.load_identity(tmp_path / "lain.pem", create=False)
    target.close()
    before = _hash_of(tgt)
    r = CliRunner().invoke(main, ["bundle", "import", "--db", str(tgt), str(forged), "--accept-key"])
    assert r.exit_code == 1 and _hash_of(tgt) == before
    with Workspace.open(tgt) as w:
        k = keys.trusted_keys(w)
        assert [x.fingerprint for x in k] == [own.fingerprint]
        assert r.stderr == (
            f"Galat: Bundel palsu.zip ditolak: kantor 33 sudah memiliki kunci dipercaya (sidik "
            f"{keys.grouped(own.fingerprint)}, sejak {k[0].added_at[:10]} oleh penerima), tetapi bundel ini "
            f"ditandatangani kunci lain (sidik {keys.grouped(other.fingerprint)}). --accept-key hanya menerima kunci "
            "pertama sebuah kantor; siapa pun yang membawa bundel dapat membuat kunci baru. Bila kantor itu memang "
            "berganti kunci, cocokkan sidik baru dengan kantor pengirim lewat jalur lain, lalu admin menjalankan: "
            f"recap keys trust {other.public_text} --office 33.\n")
        keys.trust(w, other.public_text, "33", "penerima")  # the office's new key, checked another way
    r = CliRunner().invoke(main, ["bundle", "import", "--db", str(tgt), str(forged)])
    assert r.exit_code == 0, r.output
