"""Integrity against a person with the file (docs/security.md): every piece of state that decides
figures or authority is under the audit chain, and anchors outside the file reveal a chain that
was rewritten, cut short or swapped. Each attack is made the way such a person would make it:
the sqlite3 library on the closed file, guards dropped where needed, hashes recomputed."""

from __future__ import annotations

import json
import sqlite3

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import anchors, auth, backup, certificate, headlog, integrity, office_key, reconcile, restore
from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.documents import render
from recap_app.core.errors import NotAllowed, WorkspaceError
from recap_app.core.store import GENESIS_HASH, Workspace, audit_hash
from recap_app.core.totals import province_totals

PASS = {"admin": "Gunung-merbabu-17-kabut", "ani": "Gunung-slamet-38-kabut", "ketua": "Gunung-sumbing-31-kabut"}


@pytest.fixture(autouse=True)
def _fast_hashes(monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))


@pytest.fixture
def staffed(demo_ws):
    """The demo workspace with an admin, an operator and a chair, closed (a path to attack)."""
    auth.add_user(demo_ws, "admin", "admin", "admin", PASS["admin"])
    auth.add_user(demo_ws, "admin", "ani", "operator", PASS["ani"])
    auth.add_user(demo_ws, "admin", "ketua", "ketua", PASS["ketua"])
    path = demo_ws.path
    demo_ws.close()
    return path


def sql(path, *statements):
    """What someone with the file and the sqlite3 tool does (the audit triggers are not in the way)."""
    raw = sqlite3.connect(path, isolation_level=None)
    for st in statements:
        raw.execute(*st) if isinstance(st, tuple) else raw.execute(st)
    raw.close()


def verify(path, paper=()):
    with Workspace.open(path, readonly=True) as w:
        return integrity.verify(w, list(paper))


def kinds(rep):
    return [(p.kind, p.message) for p in rep.problems]


def state_problem(rep, unit):
    return [m for k, m in kinds(rep) if k == "state" and f"({unit})" in m]


def cli(*args, password=None):
    env = {"RECAP_PASSWORD": password} if password else {}
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


# ----------------------------------------------------------------- state outside the chain, now under it
def test_an_untouched_workspace_verifies(staffed):
    rep = verify(staffed)
    assert rep.ok, kinds(rep)
    assert rep.anchor_sources == {"log kepala rantai di luar berkas": 5}  # one head per committed write


@pytest.mark.parametrize("attack, unit, words", [
    ("UPDATE user_account SET role = 'admin' WHERE name = 'ani'", "user_account", "Akun pengguna dan perannya"),
    ("INSERT INTO user_account (name, role, password_hash, active, created_at, created_by) "
     "SELECT 'penyusup', 'admin', password_hash, 1, created_at, 'admin' FROM user_account WHERE name = 'ani'",
     "user_account", "Akun pengguna dan perannya"),
    ("UPDATE certificate SET adopted_revision_id = NULL, adopted_at = NULL, adopted_by = NULL",
     "certificate", "Penetapan sertifikat"),
    ("INSERT INTO bundle_trusted_key VALUES ('" + "ab" * 32 + "', 'ed25519:AAAA', '33.01', 'palsu', "
     "'2019-05-01T00:00:00+00:00', 'admin')", "bundle_trusted_key", "Kunci kantor lain yang dipercaya"),
    ("INSERT INTO meta VALUES ('setting.backup_dir', '\"/tmp/tempat-lain\"')", "meta/setting.backup_dir",
     "Pengaturan backup_dir"),
    ("UPDATE meta SET value = 'ruang-kerja-lain' WHERE key = 'workspace_id'", "meta/workspace_id",
     "Identitas ruang kerja"),
])
def test_state_edited_with_sqlite3_is_named_by_verify_and_refused_by_the_program(staffed, attack, unit, words):
    with Workspace.open(staffed) as w:  # an adoption first, so there is one to take away
        certificate.adopt(w, "33.01", "ketua")
    sql(staffed, attack)
    rep = verify(staffed)
    assert not rep.ok
    found = state_problem(rep, unit)
    assert found and found[0].startswith(f"{words} ({unit}) ") and "di luar program" in found[0], kinds(rep)
    r = cli("audit", "verify", "--db", staffed)
    assert r.exit_code == 1 and f"({unit})" in r.output
    # the program will not act on it: no command builds on state the chain does not vouch for
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            w.set_setting("office.name", "KPU Provinsi Jawa Tengah", "admin")
        assert ei.value.code == "tampered" and f"({unit})" in ei.value.message


def test_a_raised_role_cannot_be_used_nor_laundered_by_a_later_write(staffed):
    sql(staffed, "UPDATE user_account SET role = 'admin' WHERE name = 'ani'")
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            auth.authenticate(w, "ani", PASS["ani"])
        assert ei.value.code == "tampered"
        # a real admin adding a user afterwards would record the forged table as the program's: refused
        with pytest.raises(WorkspaceError):
            auth.add_user(w, "admin", "budi", "operator", "Gunung-ungaran-47-kabut")
    assert state_problem(verify(staffed), "user_account")


def test_deleting_every_account_does_not_open_the_workspace(staffed):
    sql(staffed, "DELETE FROM user_account")
    r = cli("office", "set", "--name", "KPU X", "--db", staffed, "--user", "siapa-saja")
    assert r.exit_code == 1 and "diubah di luar program" in r.output and "user_account" in r.output
    assert state_problem(verify(staffed), "user_account")


def test_a_forged_override_does_not_let_an_error_be_adopted(staffed):
    with Workspace.open(staffed, readonly=True) as w:
        err = next(f for f in reconcile.findings(w, "33.75") if f.severity == "error")
        rid = w.latest_revision("33.75").id
    sql(staffed, ("INSERT INTO finding_note (key, kind, text, by, at, region, revision_id, expected, actual, columns) "
                  "VALUES (?, 'override', 'disetujui ketua', 'ketua', '2019-05-21T00:00:00+00:00', '33.75', ?, ?, ?, "
                  "'[]')", (err.key, rid, err.expected, err.actual)))
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            certificate.adopt(w, "33.75", "ketua")
        assert ei.value.code == "tampered" and "finding_note" in ei.value.message
        assert w.adoption("33.75") is None
    assert state_problem(verify(staffed), "finding_note")[0].startswith(
        "Penjelasan dan pengesampingan temuan (finding_note) ")


def test_candidate_names_swapped_in_the_stored_definition(staffed):
    with Workspace.open(staffed, readonly=True) as w:
        before = render(w, ["sertifikat"]).parts[0].fingerprint
        raw = json.loads(w.meta("election"))
    raw["paslon"][0]["nama"], raw["paslon"][1]["nama"] = raw["paslon"][1]["nama"], raw["paslon"][0]["nama"]
    sql(staffed, ("UPDATE meta SET value = ? WHERE key = 'election'", (json.dumps(raw, ensure_ascii=False),)))
    assert state_problem(verify(staffed), "meta/election")[0].startswith(
        "Definisi pemilihan yang tersimpan (nama calon, dapil, formulir) (meta/election) ")
    with Workspace.open(staffed, readonly=True) as w:
        with pytest.raises(WorkspaceError) as ei:  # totals, documents and exports read through the guard
            province_totals(w)
        assert ei.value.code == "tampered"
    r = cli("print", "--out", staffed.with_name("x.pdf"), "--db", staffed, "--user", "ani", password=PASS["ani"])
    assert r.exit_code == 1 and not staffed.with_name("x.pdf").exists()
    # and were it printed anyway, the fingerprint covers the definition: not the same data any more
    with Workspace.open(staffed, readonly=True) as w:
        w.guard = lambda *a, **k: None
        after = render(w, ["sertifikat"]).parts[0].fingerprint
    assert after != before


def test_a_revision_rewritten_with_its_own_hash_is_refused_when_read(staffed):
    """Cells and the revision's SHA-256 changed together: the audit record still has the old hash."""
    from recap_app.core.store import values_sha256

    with Workspace.open(staffed, readonly=True) as w:
        info = w.latest_revision("33.01")
        values = w.revision_values(info.id)
    values["JUMLAH"]["paslon_1"] += 1000
    sql(staffed, ("UPDATE cell SET value = ? WHERE revision_id = ? AND kolom = 'JUMLAH' AND field = 'paslon_1'",
                  (values["JUMLAH"]["paslon_1"], info.id)),
        ("UPDATE revision SET content_sha256 = ? WHERE id = ?", (values_sha256(list(info.columns), values), info.id)))
    with Workspace.open(staffed, readonly=True) as w:
        with pytest.raises(WorkspaceError) as ei:
            province_totals(w)
    # the revision table (under the state digests) is named first; the cells' own check stands behind it
    assert ei.value.code == "tampered" and "daftar revisi sertifikat (revision)" in ei.value.message
    r = cli("totals", "--db", staffed)
    assert r.exit_code == 1 and "(revision)" in r.output


# ----------------------------------------------------------------- anchors the file cannot switch off
def _rewrite_chain(path, change, keep_upto=None):
    """A perfect forgery of the chain: guards dropped, records after ``keep_upto`` deleted, a record
    changed, every hash and the seal recomputed, guards put back."""
    raw = sqlite3.connect(path, isolation_level=None)
    guards = raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN "
                         "('audit', 'audit_seal')").fetchall()
    for name, _ in guards:
        raw.execute(f"DROP TRIGGER {name}")
    if keep_upto is not None:
        raw.execute("DELETE FROM audit WHERE id > ?", (keep_upto,))
    cols = ("id", "at", "actor", "action", "entity", "before", "after", "state")
    prev = GENESIS_HASH
    for r in raw.execute(f"SELECT {', '.join(cols)} FROM audit ORDER BY id").fetchall():
        row = change(dict(zip(cols, r, strict=True)))
        h = audit_hash(prev, row)
        raw.execute("UPDATE audit SET actor = ?, after = ?, prev_hash = ?, hash = ? WHERE id = ?",
                    (row["actor"], row["after"], prev, h, row["id"]))
        prev = h
    last = raw.execute("SELECT MAX(id), COUNT(*) FROM audit").fetchone()
    raw.execute("UPDATE audit_seal SET last_id = ?, last_hash = ?, n = ?", (last[0], prev, last[1]))
    for _, create in guards:
        raw.execute(create)
    raw.close()


def test_a_cut_tail_is_found_by_the_head_log(staffed):
    with Workspace.open(staffed) as w:
        for _ in range(3):
            with pytest.raises(NotAllowed):
                auth.authenticate(w, "ani", "salah-sandi-sekali")
        last = w.conn.execute("SELECT MAX(id) FROM audit").fetchone()[0]
    # delete the three failed logins and fix the seal: the chain alone still holds
    _rewrite_chain(staffed, lambda row: row, keep_upto=last - 3)
    rep = verify(staffed)
    assert [k for k, _ in kinds(rep)] == ["anchor"]
    assert kinds(rep)[0][1] == (f"Rantai audit terpotong: log kepala rantai di luar berkas mencatat catatan #{last}, "
                                f"tetapi rantai kini berakhir di #{last - 3} (catatan terakhir dihapus di luar program).")


def test_a_rewritten_history_is_found_by_a_signed_head_even_without_the_head_log(staffed, monkeypatch, tmp_path):
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", "kabut-pagi-di-dieng-2019")
    with Workspace.open(staffed) as w:
        anchors.protect_key(w, "ketua", None, "kabut-pagi-di-dieng-2019")
        signed = anchors.sign(w, "ketua", "manual")
    assert signed["payload"]["audit_id"] > 0
    headlog.log_path().unlink()  # another computer, or the log wiped: only the signed head in the file
    _rewrite_chain(staffed, lambda row: {**row, "actor": "penyusup"} if row["id"] == 5 else row)
    rep = verify(staffed)
    assert [k for k, _ in kinds(rep)] == ["anchor"]
    assert "tanda tangan di ruang kerja" in kinds(rep)[0][1]
    assert rep.anchor_sources == {"tanda tangan di ruang kerja": 1}
    # the forger re-signs with a key of their own: the signature is not the office's
    fake = office_key.load_identity(tmp_path / "palsu.pem", passphrase="kunci-palsu-penyusup-99")
    with Workspace.open(staffed, readonly=True) as w:
        head = anchors.current_head(w)
    payload = {**signed["payload"], **head.payload(), "key": fake.fingerprint}
    import base64

    sql(staffed, "DELETE FROM anchor", ("INSERT INTO anchor (audit_id, audit_hash, payload, signature, key_fingerprint, "
                                        "signed_at, purpose) VALUES (?, ?, ?, ?, ?, ?, 'manual')",
                                        (head.audit_id, head.audit_hash, json.dumps(payload),
                                         base64.b64encode(fake.sign(anchors.canonical(payload))).decode(),
                                         fake.fingerprint, payload["signed_at"])))
    rep = verify(staffed)
    assert "signature" in [p.kind for p in rep.problems]


def test_a_head_from_paper(staffed):
    with Workspace.open(staffed, readonly=True) as w:
        rid, h = w.conn.execute("SELECT id, hash FROM audit WHERE id = 4").fetchone()
    headlog.log_path().unlink()
    assert verify(staffed, [(rid, h[:16])]).ok
    assert verify(staffed, [(rid, h[:16])]).anchor_sources == {"kepala rantai di kertas": 1}
    _rewrite_chain(staffed, lambda row: {**row, "actor": "penyusup"} if row["id"] == 2 else row)
    rep = verify(staffed, [(rid, h[:16])])
    assert [k for k, _ in kinds(rep)] == ["anchor"]
    assert kinds(rep)[0][1].startswith(f"Kepala rantai dari kertas #{rid}:{h[:16]} tidak cocok")
    assert "Periksa dulu kode yang diketik" in kinds(rep)[0][1]
    r = cli("audit", "verify", "--db", staffed, "--anchor", f"{rid}:{h[:16]}")
    assert r.exit_code == 1 and "Jangkar yang diperiksa: 1 kepala rantai di kertas." in r.output
    r = cli("audit", "verify", "--db", staffed, "--anchor", "x:12")
    assert r.exit_code == 1 and "diharapkan NOMOR:HASH" in r.output


def test_no_anchor_is_said_plainly(staffed):
    headlog.log_path().unlink()
    rep = verify(staffed)
    assert rep.ok and rep.anchors_checked == 0
    assert any(n.startswith("Tidak ada jangkar di luar berkas") for n in rep.notes)


def test_another_workspace_at_the_same_path(staffed, tmp_path):
    other = Workspace.create(tmp_path / "lain.sqlite", "pilpres-2019-jateng", actor="x")
    other.close()
    import shutil

    shutil.copy(tmp_path / "lain.sqlite", staffed)
    rep = verify(staffed)
    assert "identity" in [k for k, _ in kinds(rep)]


# ----------------------------------------------------------------- restore: authorised, verified, all or nothing
def test_restore_refuses_a_backup_edited_outside_the_program(staffed, tmp_path):
    with Workspace.open(staffed) as w:
        good = backup.make_backup(w, tmp_path / "cadangan.sqlite", actor="admin").path
    sql(good, "UPDATE user_account SET role = 'admin' WHERE name = 'ani'")
    before = staffed.read_bytes()
    with pytest.raises(backup.BackupError) as ei:
        restore.restore(good, staffed, "admin", PASS["admin"])
    assert ei.value.code == "bad_backup" and "user_account" in ei.value.message
    assert staffed.read_bytes() == before


def test_restore_of_another_workspace_needs_to_be_said_and_is_recorded(staffed, tmp_path):
    other = Workspace.create(tmp_path / "lain.sqlite", "pilpres-2019-jateng", actor="x")
    lain = backup.make_backup(other, tmp_path / "lain-cadangan.sqlite", actor="x").path
    other.close()
    with pytest.raises(backup.BackupError) as ei:
        restore.restore(lain, staffed, "admin", PASS["admin"])
    assert ei.value.code == "other_workspace"
    with pytest.raises(NotAllowed):
        restore.restore(lain, staffed, "ani", PASS["ani"], other_workspace=True)
    restore.restore(lain, staffed, "admin", PASS["admin"], other_workspace=True)
    with Workspace.open(staffed, readonly=True) as w:
        rec = w.conn.execute("SELECT actor, after FROM audit WHERE action = 'workspace.restore'").fetchone()
    assert rec[0] == "admin" and json.loads(rec[1])["other_workspace"] is True


def test_restore_of_a_damaged_workspace_needs_the_office_key_passphrase(staffed, tmp_path, monkeypatch):
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", "kabut-pagi-di-dieng-2019")
    with Workspace.open(staffed) as w:
        anchors.protect_key(w, "admin", None, "kabut-pagi-di-dieng-2019")
        good = backup.auto_backup(w, "manual", "admin").path
    staffed.write_bytes(b"X" * 4096)
    monkeypatch.delenv("RECAP_KEY_PASSPHRASE")
    with pytest.raises(office_key.OfficeKeyError) as ei:
        restore.restore(good, staffed, "admin", PASS["admin"])
    assert ei.value.code == "key_locked"
    with pytest.raises(office_key.OfficeKeyError) as ei:
        restore.restore(good, staffed, "admin", PASS["admin"], passphrase="bukan-itu-sandinya-77")
    assert ei.value.code == "bad_passphrase"
    assert staffed.read_bytes() == b"X" * 4096
    restore.restore(good, staffed, "admin", passphrase="kabut-pagi-di-dieng-2019")
    rep = verify(staffed)
    assert rep.ok, kinds(rep)  # the restore left its excuse for the history it abandoned: no false alarm


def test_restore_without_the_right_role(staffed, tmp_path):
    with Workspace.open(staffed) as w:
        good = backup.make_backup(w, tmp_path / "c.sqlite", actor="admin").path
    for who in ("ani", "ketua"):
        with pytest.raises(NotAllowed):
            restore.restore(good, staffed, who, PASS[who])
    r = cli("restore", "--db", staffed, "--from", good, "--yes", "--user", "ani", password=PASS["ani"])
    assert r.exit_code == 1 and "memulihkan dari cadangan" in r.output


# ----------------------------------------------------------------- the office key
def test_key_passphrase_is_set_by_the_chair_or_admin_and_audited(staffed, monkeypatch):
    with Workspace.open(staffed) as w:
        with pytest.raises(NotAllowed):
            anchors.protect_key(w, "ani", None, "kabut-pagi-di-dieng-2019")
        with pytest.raises(Exception) as ei:
            anchors.protect_key(w, "ketua", None, "12345678")
        assert getattr(ei.value, "code", "") == "weak_password"
        ident = anchors.protect_key(w, "ketua", None, "kabut-pagi-di-dieng-2019")
        rec = w.conn.execute("SELECT actor, after FROM audit WHERE action = 'office_key.passphrase'").fetchone()
    assert ident.protected and office_key.is_protected()
    assert rec[0] == "ketua" and json.loads(rec[1])["key"] == ident.fingerprint
    with pytest.raises(office_key.OfficeKeyError) as ei:
        office_key.load_identity(create=False)
    assert ei.value.code == "key_locked"
    monkeypatch.setenv("RECAP_NEW_KEY_PASSPHRASE", "kabut-sore-di-dieng-2024")
    monkeypatch.setenv("RECAP_KEY_PASSPHRASE", "kabut-pagi-di-dieng-2019")
    r = cli("keys", "passphrase", "--db", staffed, "--user", "admin", password=PASS["admin"])
    assert r.exit_code == 0, r.output
    assert office_key.load_identity(create=False, passphrase="kabut-sore-di-dieng-2024").fingerprint == \
        ident.fingerprint


def test_signing_needs_a_protected_key_where_accounts_exist(staffed):
    office_key.load_identity()  # made without a passphrase
    with Workspace.open(staffed) as w:
        with pytest.raises(office_key.OfficeKeyError) as ei:
            anchors.sign(w, "ani", "manual")
        assert ei.value.code == "key_unprotected"
        with pytest.raises(office_key.OfficeKeyError) as ei:
            export.export_bundle(w, staffed.with_name("b.zip"), "ketua")
        assert ei.value.code == "key_unprotected" and not staffed.with_name("b.zip").exists()


def test_open_mode_keeps_working_with_a_plain_key_and_says_anchors_are_weaker(demo_ws):
    signed = anchors.sign(demo_ws, "tester", "manual")
    assert signed["payload"]["audit_id"] > 0
    rep = integrity.verify(demo_ws)
    assert rep.ok and any("lebih lemah" in n for n in rep.notes)


# ----------------------------------------------------------------- bundles carry the signed head
def test_a_bundle_whose_signed_head_is_not_its_audit_is_refused(demo_ws, ws, tmp_path):
    import zipfile

    from recap_app.core.bundle.format import DATA, MANIFEST, SIGNATURE, dumps

    b = export.export_bundle(demo_ws, tmp_path / "b.zip", "tester", full=True).path
    with zipfile.ZipFile(b) as z:
        manifest = json.loads(z.read(MANIFEST))
        data = z.read(DATA)
    assert manifest["chain_head"]["genesis"] == demo_ws.conn.execute(
        "SELECT hash FROM audit WHERE id = 1").fetchone()[0]
    # the sender's own key signs a manifest whose head is not the chain it carries
    manifest["chain_head"]["audit_hash"] = "0" * 64
    ident = keys.load_identity()
    raw = dumps(manifest)
    forged = tmp_path / "f.zip"
    with zipfile.ZipFile(forged, "w") as z:
        z.writestr(MANIFEST, raw)
        z.writestr(SIGNATURE, ident.sign(raw))
        z.writestr(DATA, data)
    keys.trust(ws, ident.public_text, "33", "tester")
    with pytest.raises(BundleRefused) as ei:
        importer.import_bundle(ws, forged, "tester")
    assert ei.value.code == "bad_audit" and "kepala rantai bertanda tangan" in ei.value.message


# ----------------------------------------------------------------- failed automatic backups are not silent
def test_a_failed_automatic_backup_warns_and_is_recorded(demo_ws, tmp_path):
    blocker = tmp_path / "bukan-folder"
    blocker.write_text("x")
    demo_ws.set_setting("backup_dir", str(blocker / "cadangan"), "tester")
    assert backup.auto_backup(demo_ws, "import", "tester") is None
    assert len(demo_ws.warnings) == 1 and demo_ws.warnings[0].startswith("Cadangan otomatis (import) GAGAL dibuat di ")
    rec = demo_ws.conn.execute("SELECT after FROM audit WHERE action = 'backup.failed'").fetchone()
    assert json.loads(rec[0])["reason"] == "import"
    path = demo_ws.path
    demo_ws.close()
    r = CliRunner().invoke(main, ["adopt", "33.01", "--db", str(path), "--user", "ketua"])
    assert r.exit_code == 0 and "Peringatan: Cadangan otomatis (adopt) GAGAL" in r.output


def test_the_state_digest_is_frozen(tmp_path):
    """Digests recorded in workspaces must be computed the same way forever (like migrations):
    this pins the algorithm of core/state.py on a small table."""
    from recap_app.core import state

    c = sqlite3.connect(tmp_path / "x.sqlite")
    c.execute("CREATE TABLE t (a INTEGER, b TEXT, c BLOB, d REAL)")
    c.executemany("INSERT INTO t VALUES (?, ?, ?, ?)", [(1, "Kota Semarang", b"\x00", 0.5), (2, None, None, None)])
    c.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    c.execute("INSERT INTO meta VALUES ('election', '{\"id\": \"x\"}')")
    # SHA-256 of repr() of the rows (the BLOB column left out), as written independently here
    import hashlib

    rows = [(1, "Kota Semarang", 0.5), (2, None, None)]
    assert state.units_of(c, "t") == {"t": hashlib.sha256(repr(rows).encode()).hexdigest()}
    assert state.units_of(c, "t") == {"t": "6140ce3e69cf495d055a5366b26fcb3d260263edd96db68552aaa69974d0f4be"}
    assert state.units_of(c, "meta") == {
        "meta/election": "90764009ee7f331a185633805599c9125f9ad192bcd29c26419bb65d4fa68ae4"}


# ----------------------------------------------------------------- the hostile trial's attacks
def test_dropping_the_digest_cache_does_not_switch_the_checks_off(staffed):
    sql(staffed, "UPDATE user_account SET role = 'admin' WHERE name = 'ani'", "DROP TABLE state_digest")
    rep = verify(staffed)
    assert not rep.ok
    assert state_problem(rep, "user_account")
    assert state_problem(rep, "state_digest") or any("state_digest" in m for _k, m in kinds(rep))
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            auth.set_role(w, "ani", "admin", "operator")  # the forged admin acting
        assert ei.value.code == "tampered" and "state_digest" in ei.value.message
    r = cli("users", "role", "ani", "operator", "--db", staffed, "--user", "ani", password=PASS["ani"])
    assert r.exit_code == 1 and "diubah di luar program" in r.output


def test_dropping_only_the_cache_is_named_too(staffed):
    sql(staffed, "DROP TABLE state_digest")
    rep = verify(staffed)
    assert [m for _k, m in kinds(rep) if "state_digest" in m and "dihapus di luar program" in m], kinds(rep)


def test_who_entered_a_revision_is_under_the_chain(staffed):
    """Separation of duties reads revision.created_by: rewriting it must not let the clerk who
    typed a certificate verify it, nor be laundered by the next ordinary write."""
    with Workspace.open(staffed) as w:
        info = w.latest_revision("33.02")
        values = w.revision_values(info.id)
        values["JUMLAH"]["paslon_1"] += 1
        certificate.record_revision(w, "33.02", list(info.columns), values, actor="ani", reason="salah ketik")
        rid = w.latest_revision("33.02").id
    sql(staffed, f"UPDATE revision SET created_by = 'orang-lain' WHERE id = {rid}")
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            auth.check_separation(w, "ani", "33.02")
        assert ei.value.code == "tampered" and "(revision)" in ei.value.message
        with pytest.raises(WorkspaceError):  # nor laundered by the next write of anybody
            w.set_setting("office.name", "KPU Provinsi Jawa Tengah", "admin")
    assert state_problem(verify(staffed), "revision")


def test_a_trigger_replaced_by_one_that_does_nothing_is_found(staffed):
    sql(staffed, "DROP TRIGGER audit_no_update",
        "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit WHEN 0 BEGIN SELECT 1; END")
    rep = verify(staffed)
    assert state_problem(rep, "schema"), kinds(rep)
    with Workspace.open(staffed) as w, pytest.raises(WorkspaceError) as ei:
        w.set_setting("office.name", "KPU Provinsi Jawa Tengah", "admin")
    assert ei.value.code == "tampered" and "(schema)" in ei.value.message


def test_a_migration_is_not_taken_for_tampering(staffed):
    """The schema changes with a migration: recorded as the program's own, verify stays clean."""
    sql(staffed, "DELETE FROM _sqlite_migrations WHERE name = 'tps_001_tables'", "DROP TABLE tps", "DROP TABLE tps_import")
    # the chain now disagrees (two tables and the schema gone): a person did this, not a migration
    with pytest.raises(WorkspaceError) as ei:
        Workspace.open(staffed)
    assert ei.value.code == "tampered"


def test_forged_plenary_records_are_not_printed(staffed):
    from recap_app.core.documents import plenary

    with Workspace.open(staffed) as w:
        plenary.set_plenary(w, "ani", place="Hotel Patra Semarang")
    sql(staffed, "UPDATE plenary SET place = 'Kantor Gubernur'")
    with Workspace.open(staffed) as w, pytest.raises(WorkspaceError) as ei:
        render(w, ["berita_acara"])
    assert ei.value.code == "tampered" and "(plenary)" in ei.value.message


def test_figures_changed_outside_the_program_are_not_adopted_nor_checked(staffed):
    with Workspace.open(staffed) as w:
        reconcile.refresh_findings(w, "admin")
    sql(staffed, "UPDATE cell SET value = value + 1000 WHERE revision_id = (SELECT MAX(r.id) FROM revision r "
                 "JOIN certificate c ON c.id = r.certificate_id WHERE c.region_kode = '33.01') "
                 "AND field = 'paslon_1' AND kolom = 'JUMLAH'")
    with Workspace.open(staffed) as w:
        with pytest.raises(WorkspaceError) as ei:
            certificate.adopt(w, "33.01", "ketua")
        assert ei.value.code == "tampered" and "33.01" in ei.value.message
        assert w.adoption("33.01") is None
    r = cli("check", "--db", staffed)
    assert r.exit_code == 1 and "diubah di luar program" in r.output


def test_a_device_or_a_fifo_named_as_a_bundle_is_refused_for_what_it_is(tmp_path, demo_ws):
    import os

    from recap_app.core.bundle.verify import verify_bundle

    fifo = tmp_path / "pipa.zip"
    os.mkfifo(fifo)
    for path, what in (("/dev/zero", "perangkat karakter"), (fifo, "pipa (FIFO)"), (tmp_path, "folder")):
        with pytest.raises(BundleRefused) as ei:
            verify_bundle(path)
        assert ei.value.code == "not_regular_file" and what in ei.value.message
    before = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(BundleRefused):
        importer.import_bundle(demo_ws, "/dev/zero", "tester")
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before
    r = cli("objection", "add", "--file", "/dev/zero", "--db", demo_ws.path)
    assert r.exit_code != 0 and "Traceback" not in r.output


def test_two_copies_used_apart_are_said_to_be_copies(staffed, tmp_path):
    import shutil

    copy = tmp_path / "salinan.sqlite"
    shutil.copy(staffed, copy)
    with Workspace.open(copy) as w:
        w.set_setting("office.city", "Semarang", "admin")
    with Workspace.open(staffed) as w:
        w.set_setting("office.city", "Surakarta", "admin")
    rep = verify(staffed)
    assert not rep.ok
    msgs = [m for k, m in kinds(rep) if k == "anchor"]
    assert msgs and "salinan ruang kerja ini di" in msgs[0] and str(copy.resolve()) in msgs[0]


def test_a_rolled_back_transaction_never_leaves_a_false_alarm(demo_ws):
    """Records read inside a transaction that is then rolled back are gone (their ids are used
    again): the guard must not keep their digests (found by the kill loop: a refused adoption)."""
    def bump(kode, delta):
        info = demo_ws.latest_revision(kode)
        values = demo_ws.revision_values(info.id)
        values["JUMLAH"]["paslon_1"] += delta
        certificate.record_revision(demo_ws, kode, list(info.columns), values, actor="tester", reason="x")

    with pytest.raises(RuntimeError), demo_ws.transaction():
        bump("33.01", 1)
        bump("33.03", 2)
        raise RuntimeError("batal")
    with demo_ws.transaction():
        bump("33.02", 5)
        demo_ws.guard()  # inside the transaction, after a write: a full check
    assert integrity.verify(demo_ws).ok


@pytest.mark.parametrize("statement", [
    "CREATE TRIGGER sqliteXhide AFTER INSERT ON finding BEGIN DELETE FROM finding WHERE id = NEW.id; END",
    "CREATE VIEW SQLite1view AS SELECT 1",
    "CREATE INDEX sqlite9idx ON finding(code)",
])
def test_an_object_named_almost_like_sqlites_own_is_part_of_the_schema(staffed, statement):
    """Only SQLite's own objects are left out of the schema unit, by their exact names: a trigger
    "sqliteXhide" (LIKE 'sqlite_%' took the "_" for any character) is found and refused."""
    sql(staffed, statement)
    assert state_problem(verify(staffed), "schema")
    r = cli("status", "--db", staffed)
    assert r.exit_code == 1 and "telah diubah di luar program" in r.output and "(schema)" in r.output


@pytest.mark.parametrize("statements", [
    ['CREATE TABLE "ev""il" (x)', 'INSERT INTO "ev""il" VALUES (1)'],
    ['CREATE TABLE t2 ("x"" FROM revision --" INT)', "INSERT INTO t2 VALUES (1)"],
])
def test_a_quote_in_a_table_or_column_name_is_refused_as_tampering_not_a_crash(staffed, statements):
    sql(staffed, *statements)
    for command in ("status", "totals", "check"):
        r = cli(command, "--db", staffed)
        assert r.exit_code == 1, r.output
        assert "telah diubah di luar program" in r.output, (command, r.output)
        assert r.exception is None or isinstance(r.exception, SystemExit), (command, r.exception)


def test_error_findings_deleted_outside_the_program_stop_check_and_adoption(demo_ws, tmp_path):
    """Findings are derived and outside the digests: deleting an error finding (its check mark kept)
    must not make a certificate adoptable or a strict check pass (hostile trial)."""
    path = demo_ws.path
    assert any(f.severity == "error" for f in reconcile.findings(demo_ws, "33.75"))  # F.501 of Kota Pekalongan
    demo_ws.close()
    with sqlite3.connect(path) as c:
        c.execute("DELETE FROM finding WHERE severity = 'error'")
    c.close()
    r = CliRunner().invoke(main, ["check", "--db", str(path), "--strict"])
    assert r.exit_code == 1 and "temuan diubah di luar program" in r.output and "33.75" in r.output
    with Workspace.open(path) as ws:
        with pytest.raises(WorkspaceError) as ei:
            certificate.adopt(ws, "33.75", "ketua")
        assert ei.value.code == "tampered" and "33.75" in ei.value.message
        assert ws.adoption("33.75") is None


def test_findings_softened_outside_the_program_are_neither_printed_nor_published(demo_ws, tmp_path):
    """The findings report and the published site show stored findings: one changed by hand (an
    error made a warning) must not be printed or published as the program's (hostile trial)."""
    path = demo_ws.path
    demo_ws.close()
    with sqlite3.connect(path) as c:
        assert c.execute("UPDATE finding SET severity = 'warning' WHERE severity = 'error'").rowcount > 0
    c.close()
    r = CliRunner().invoke(main, ["print", "--db", str(path), "--out", str(tmp_path / "semua.pdf")])
    assert r.exit_code == 1 and "temuan diubah di luar program" in r.output and "33.75" in r.output, r.output
    assert not (tmp_path / "semua.pdf").exists()
    r = CliRunner().invoke(main, ["print", "--db", str(path), "--document", "temuan", "--out", str(tmp_path / "t.pdf")])
    assert r.exit_code == 1 and "temuan diubah di luar program" in r.output and not (tmp_path / "t.pdf").exists()
    # the figures themselves are intact: the certificate alone still prints
    r = CliRunner().invoke(main, ["print", "--db", str(path), "--document", "sertifikat",
                                  "--out", str(tmp_path / "s.pdf")])
    assert r.exit_code == 0 and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF"), r.output
    r = CliRunner().invoke(main, ["publish", "--db", str(path), "--out", str(tmp_path / "situs")])
    assert r.exit_code == 1 and "temuan diubah di luar program" in r.output, r.output
    assert not (tmp_path / "situs" / "index.html").exists()


@pytest.mark.parametrize("statement", [
    "UPDATE finding SET message = 'Tidak ada masalah' WHERE severity = 'error'",
    "UPDATE finding SET columns = '[]' WHERE code = 'W.602' AND scope = '33.75'",
    "INSERT INTO finding (scope, revision_id, key, code, severity, region, kolom, field, expected, actual, message, "
    "columns, computed_at, rules_version) SELECT scope, revision_id, key, code, severity, region, kolom, field, "
    "expected, actual, message, columns, computed_at, rules_version FROM finding WHERE severity = 'error'",
])
def test_a_finding_s_words_or_a_second_copy_made_outside_the_program_are_refused(demo_ws, tmp_path, statement):
    """What a finding says (its message, the columns it names) and how often it is stored count as
    much as its figures: a message softened by hand, or a forged copy, is not printed, published or
    reported (hostile trial)."""
    path = demo_ws.path
    demo_ws.close()
    with sqlite3.connect(path) as c:
        assert c.execute(statement).rowcount > 0
    c.close()
    for args in (["check"], ["print", "--document", "temuan", "--out", str(tmp_path / "t.pdf")],
                 ["publish", "--out", str(tmp_path / "situs")]):
        r = CliRunner().invoke(main, [args[0], "--db", str(path), *args[1:]])
        assert r.exit_code == 1 and "temuan diubah di luar program" in r.output and "33.75" in r.output, (args, r.output)
    with Workspace.open(path) as ws:
        with pytest.raises(WorkspaceError) as ei:
            certificate.adopt(ws, "33.75", "ketua")
        assert ei.value.code == "tampered"
    r = CliRunner().invoke(main, ["audit", "verify", "--db", str(path)])
    assert r.exit_code == 1, r.output


def test_a_cell_added_outside_the_revision_s_columns_is_refused(demo_ws):
    rid = demo_ws.latest_revision("33.01").id
    path = demo_ws.path
    demo_ws.close()
    with sqlite3.connect(path) as c:
        c.execute("INSERT INTO cell VALUES (?, '33.01.99', 'paslon_1', 9000000)", (rid,))
    c.close()
    with Workspace.open(path) as ws:
        with pytest.raises(WorkspaceError) as ei:
            ws.latest_values()
        assert ei.value.code == "tampered" and "33.01" in ei.value.message
        with pytest.raises(WorkspaceError):
            ws.revision_values(rid)


def test_print_checks_findings_left_by_an_older_version_of_the_rules_first(demo_ws, tmp_path, monkeypatch):
    """After an upgrade of the rules the stored checks name the old version: the findings report is
    not printed from them; they are checked again first (one "findings.refresh" record)."""
    from recap_app.core import reconcile, status

    path = demo_ws.path
    demo_ws.close()
    monkeypatch.setattr(status, "RULES_VERSION", "baru")  # the stored checks name the version before
    monkeypatch.setattr(reconcile, "RULES_VERSION", "baru")
    r = CliRunner().invoke(main, ["print", "--db", str(path), "--document", "temuan", "--out", str(tmp_path / "t.pdf")])
    assert r.exit_code == 0, r.output
    from recap_app.core.reconcile import stale_regions

    with Workspace.open(path, readonly=True) as ws:
        assert stale_regions(ws) == []
        actions = [a for (a,) in ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 2")]
        assert actions == ["document.print", "findings.refresh"]
    monkeypatch.setattr(status, "RULES_VERSION", "lebih baru")  # the same for the published site
    monkeypatch.setattr(reconcile, "RULES_VERSION", "lebih baru")
    r = CliRunner().invoke(main, ["publish", "--db", str(path), "--out", str(tmp_path / "situs")])
    assert r.exit_code == 0, r.output
    with Workspace.open(path, readonly=True) as ws:
        assert stale_regions(ws) == []
        actions = [a for (a,) in ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 2")]
        assert actions == ["publication.publish", "findings.refresh"]
