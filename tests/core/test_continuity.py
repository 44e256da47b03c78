"""The last head this PC's program wrote to a workspace (core/continuity.py): a file put back from an
older copy, records appended outside the program with their hashes recomputed, another workspace at
the path — refused at open by every command, reported by `recap audit verify`, settled by
`recap audit accept` — and never a false alarm after a kill or a restore."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import backup, continuity, integrity, state
from recap_app.core.audit import audit_hash
from recap_app.core.demo import make_demo
from recap_app.core.errors import WorkspaceError
from recap_app.core.startup import open_checked
from recap_app.core.store import Workspace, values_sha256


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def demo(tmp_path):
    path = tmp_path / "ws.sqlite"
    make_demo(path, actor="tester").close()
    return path


def head_of(path) -> tuple[int, str]:
    with sqlite3.connect(path) as raw:
        return tuple(raw.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone())


def forge_record(path, sql: str = "", entity: str = "workspace", after=None, actor: str = "penyusup",
                 action: str = "state.digest") -> int:
    """What a person with the file and the program's source does: run ``sql``, then append one audit
    record with the right hash, the state digests of every unit changed and the seal (its SQL
    function registered by hand). Returns the forged record's id."""
    raw = sqlite3.connect(path, isolation_level=None)
    raw.create_function("recap_audit_seal", 0, lambda: 1, deterministic=True)
    raw.execute("BEGIN IMMEDIATE")
    before = {u: sha for u, (sha, _rid) in state.recorded_units(raw).items()}
    for q in filter(str.strip, sql.split(";")):
        raw.execute(q)
    now = state.current_units(raw)
    changes = {u: s for u, s in now.items() if before.get(u) != s}
    last = raw.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    row = {"id": last[0] + 1, "at": dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00"), "actor": actor,
           "action": action, "entity": entity, "before": None,
           "after": None if after is None else json.dumps(after, ensure_ascii=False, sort_keys=True),
           "state": json.dumps(changes, sort_keys=True, separators=(",", ":")) if changes else None}
    row["prev_hash"], row["hash"] = last[1], audit_hash(last[1], row)
    raw.execute("INSERT INTO audit (id, at, actor, action, entity, before, after, prev_hash, hash, state) "
                "VALUES (:id, :at, :actor, :action, :entity, :before, :after, :prev_hash, :hash, :state)", row)
    for u, s in changes.items():
        raw.execute("INSERT INTO state_digest (unit, sha) VALUES (?, ?) ON CONFLICT(unit) DO UPDATE SET sha = "
                    "excluded.sha", (u, s))
    raw.execute("COMMIT")
    raw.close()
    return row["id"]


def forge_revision(path, region: str = "33.01", moved: int = 5000) -> int:
    """A new revision of ``region``: its latest one with ``moved`` votes taken from paslon 2 and given
    to paslon 1 in JUMLAH, its content hash right, laundered as a clerk's correction."""
    with sqlite3.connect(path) as raw:
        rid, num, cols = raw.execute(
            "SELECT r.id, r.number, r.columns FROM revision r JOIN certificate c ON c.id = r.certificate_id "
            "WHERE c.region_kode = ? ORDER BY r.number DESC LIMIT 1", (region,)).fetchone()
        new = raw.execute("SELECT MAX(id) + 1 FROM revision").fetchone()[0]
        values = {c: {} for c in json.loads(cols)}
        for kolom, field, value in raw.execute("SELECT kolom, field, value FROM cell WHERE revision_id = ?", (rid,)):
            values[kolom][field] = value
    values["JUMLAH"]["paslon_1"] += moved
    values["JUMLAH"]["paslon_2"] -= moved
    sha = values_sha256(json.loads(cols), values)
    cells = ";".join(f"INSERT INTO cell VALUES ({new}, '{k}', '{f}', {'NULL' if v is None else v})"
                     for k, col in values.items() for f, v in col.items())
    return forge_record(path, f"INSERT INTO revision (id, certificate_id, kind, number, columns, created_at, created_by, "
                        f"source_file_id, reason, content_sha256) SELECT {new}, certificate_id, kind, {num + 1}, "
                        f"columns, created_at, 'andi', NULL, 'koreksi salah ketik', '{sha}' FROM revision WHERE "
                        f"id = {rid};{cells}", f"certificate:{region}",
                        {"kind": "resmi", "reason": "koreksi salah ketik", "revision": num + 1, "sha256": sha,
                         "source_file_id": None}, "andi", "certificate.revision")


# ----------------------------------------------------------------- records appended outside the program
def test_a_forged_revision_appended_with_its_hashes_stops_every_command(demo):
    """The perfect append: a revision with its content hash, its audit record chained and its state
    digests and the seal right. The chain alone cannot tell; this PC's note can."""
    assert run("status", "--db", demo).exit_code == 0  # the program has written and opened it here
    forged = forge_revision(demo)
    for args in (["totals"], ["status"], ["check"], ["bundle", "export", "--out", demo.with_name("b.zip")]):
        r = run(*args, "--db", demo)
        assert r.exit_code == 1, args
        assert (f"Ruang kerja {demo} memuat 1 catatan audit (#{forged}–#{forged}) yang tidak ditulis program ini di "
                "PC ini (di akun komputer ini): catatan terakhir yang ditulisnya di sini") in r.output
    assert not demo.with_name("b.zip").exists()
    r = run("audit", "verify", "--db", demo)
    assert r.exit_code == 1 and "yang tidak ditulis program ini di PC ini" in r.output
    with Workspace.open(demo, readonly=True) as ws:
        rep = integrity.verify(ws)
        assert [(p.kind, p.record_id) for p in rep.problems] == [("continuity", forged)]
        assert ws.latest_values()["33.01"][1]["JUMLAH"]["paslon_1"] == 775_304 + 5000  # what would have been summed


def test_an_accepted_file_is_used_again_and_the_acceptance_is_recorded(demo):
    run("status", "--db", demo)
    forged = forge_record(demo)
    r = run("audit", "accept", "--db", demo, "--reason", "dipakai di laptop kedua saat listrik padam")
    assert r.exit_code == 0, r.output
    assert f"catatan audit #{forged + 1}" in r.output
    assert run("totals", "--db", demo).exit_code == 0
    with Workspace.open(demo, readonly=True) as ws:
        after = json.loads(ws.conn.execute("SELECT after FROM audit WHERE action = 'audit.accept'").fetchone()[0])
        assert after["kind"] == "appended" and after["file_head"][0] == forged
        assert after["reason"] == "dipakai di laptop kedua saat listrik padam"
        assert integrity.verify(ws).ok
    r = run("audit", "accept", "--db", demo, "--reason", "lagi")
    assert r.exit_code == 0 and "tidak ada yang perlu diterima" in r.output


def test_only_an_admin_accepts_and_a_reason_is_required(demo, monkeypatch):
    from recap_app.core import auth

    with Workspace.open(demo) as ws:
        auth.add_user(ws, "tester", "admin1", "admin", "Kuda-Lumping-Sore-88")
        auth.add_user(ws, "admin1", "andi", "operator", "Kuda-Lumping-Sore-89")
    run_env = {"RECAP_PASSWORD": "Kuda-Lumping-Sore-89"}
    monkeypatch.setenv("RECAP_PASSWORD", run_env["RECAP_PASSWORD"])
    run("status", "--db", demo)
    forge_record(demo)
    r = run("audit", "accept", "--db", demo, "--user", "andi", "--reason", "x")
    assert r.exit_code == 1 and "memulihkan dari cadangan" in r.output
    monkeypatch.setenv("RECAP_PASSWORD", "Kuda-Lumping-Sore-88")
    assert run("audit", "accept", "--db", demo, "--user", "admin1", "--reason", "  ").exit_code != 0
    assert run("totals", "--db", demo).exit_code == 1
    assert run("audit", "accept", "--db", demo, "--user", "admin1", "--reason", "PC kedua").exit_code == 0
    assert run("totals", "--db", demo).exit_code == 0


# ----------------------------------------------------------------- an older file
def test_an_older_copy_put_back_is_refused_and_an_accepted_one_is_not_reported_as_cut(demo):
    old = demo.with_name("curian.sqlite")
    shutil.copy(demo, old)
    r = run("audit", "anchor", "--db", demo)  # one more record written by the program here
    assert r.exit_code == 0
    newest = head_of(demo)
    shutil.copy(old, demo)
    r = run("status", "--db", demo)
    assert r.exit_code == 1
    assert (f"Ruang kerja {demo} lebih lama dari yang terakhir ditulis program ini di PC ini (di akun komputer ini): "
            f"catatan audit terakhir yang ditulisnya #{newest[0]}") in r.output
    assert f"berkas berakhir di #{newest[0] - 1}" in r.output
    r = run("audit", "verify", "--db", demo)
    assert r.exit_code == 1 and "Rantai audit terpotong" in r.output
    assert run("audit", "accept", "--db", demo, "--reason", "berkas baru rusak; salinan ini dipakai").exit_code == 0
    assert run("status", "--db", demo).exit_code == 0
    r = run("audit", "verify", "--db", demo)
    assert r.exit_code == 0, r.output


@pytest.mark.parametrize("how", ["wal deleted", "records cut"])
def test_commits_taken_away_are_an_older_file(demo, how):
    run("status", "--db", demo)
    with Workspace.open(demo) as ws:  # a commit that stays in the WAL (this connection keeps it open)
        with ws.transaction():
            ws.record("tester", "note.test", "workspace", None, {"n": 1})
        if how == "wal deleted":
            wal = demo.with_name(demo.name + "-wal")
            copy = demo.with_name("tanpa-wal.sqlite")
            shutil.copy(demo, copy)  # the main file without the WAL's commits
    if how == "wal deleted":
        shutil.copy(copy, demo)
        wal.unlink(missing_ok=True)
    else:
        raw = sqlite3.connect(demo, isolation_level=None)
        raw.create_function("recap_audit_seal", 0, lambda: 1)
        raw.execute("DROP TRIGGER audit_no_delete")
        raw.execute("DELETE FROM audit WHERE id = (SELECT MAX(id) FROM audit)")
        raw.close()
    with pytest.raises(WorkspaceError) as exc:
        open_checked(demo)
    assert exc.value.code == "tampered" and "lebih lama dari yang terakhir ditulis program ini" in exc.value.message


def test_another_workspace_put_at_the_path_is_refused(tmp_path, demo, monkeypatch):
    other = tmp_path / "lain.sqlite"
    with monkeypatch.context() as m:  # made elsewhere: not by this PC's program
        m.setenv("RECAP_HOME", str(tmp_path / "di-luar"))
        make_demo(other, actor="tester").close()
    run("status", "--db", demo)
    shutil.copy(other, demo)
    r = run("status", "--db", demo)
    assert r.exit_code == 1 and "rantai auditnya lain, jadi berkas diganti seluruhnya di luar program" in r.output


# ----------------------------------------------------------------- never a false alarm
def test_a_kill_on_either_side_of_a_commit_is_the_program_s_own(demo):
    """The note is on the disk before the commit: a kill just before it leaves the file at the start,
    just after it at the new head; both open."""
    start = head_of(demo)
    with Workspace.open(demo) as ws:
        genesis, wsid = ws.chain_identity()
    continuity.pending(demo, genesis, wsid, start, (start[0] + 1, "0" * 64))  # killed before the commit
    open_checked(demo).close()
    with Workspace.open(demo) as ws:
        with ws.transaction():
            ws.record("tester", "note.test", "workspace", None, None)
        now = ws.chain_head()
    continuity.pending(demo, genesis, wsid, start, now)  # killed after the commit, before "done"
    open_checked(demo).close()
    assert continuity.read(demo)["state"] == "pending"
    with Workspace.open(demo) as ws, ws.transaction():
        ws.record("tester", "note.test", "workspace", None, None)
    assert continuity.read(demo)["state"] == "done" and continuity.read(demo)["head"] == head_of(demo)


def test_an_import_killed_midway_is_the_program_s_own(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from fixtures_import import db1_grid, regency_args, write_xlsx

    from recap_app.core.demo import real_certificates
    from recap_app.core.importer import import_files

    path = tmp_path / "w.sqlite"
    certs = real_certificates("rekap")
    with Workspace.create(path, "pilpres-2019-jateng", actor="tester") as ws:
        books = []
        for k in ("33.01", "33.02"):
            title, cols, values = regency_args(ws, k, certs)
            books.append(write_xlsx(tmp_path / f"{k}.xlsx", [db1_grid(ws.election, title, cols, values)]))
        start = ws.chain_head()
        seen = []
        import_files(ws, books, "tester", progress=lambda i, n, name: seen.append(continuity.read(path)["state"]))
    assert seen[:2] == ["batch", "batch"]  # the run's note, flushed before its first commit
    genesis = Workspace.open(path, readonly=True)
    g, w = genesis.chain_identity()
    genesis.close()
    continuity.batch(path, g, w, start, "run-1")  # as a kill after the files' commits leaves it
    note = continuity.read(path)
    note["pid"] = 2 ** 22 + 12345  # the run's process is gone
    continuity.note_path(path).write_text(json.dumps(note))
    open_checked(path).close()  # the program's own; and the note settled at the file's head
    assert continuity.read(path)["state"] == "done" and continuity.read(path)["head"] == head_of(path)


def test_a_workspace_new_to_this_pc_opens_and_is_noted(tmp_path, demo, monkeypatch):
    monkeypatch.setenv("RECAP_HOME", str(tmp_path / "pc-lain"))
    assert continuity.read(demo) is None
    open_checked(demo, readonly=True).close()
    assert continuity.read(demo)["head"] == head_of(demo)


def test_a_restored_backup_opens_without_an_alarm(demo):
    with Workspace.open(demo) as ws:
        info = backup.make_backup(ws, demo.with_name("cadangan.sqlite"), actor="tester")
        with ws.transaction():
            ws.record("tester", "note.test", "workspace", None, None)
    from recap_app.core.restore import restore

    restore(info.path, demo, user="tester")
    open_checked(demo).close()
    with Workspace.open(demo, readonly=True) as ws:
        assert integrity.verify(ws).ok


def test_a_note_only_moves_forward(demo):
    with Workspace.open(demo) as ws:
        genesis, wsid = ws.chain_identity()
    newest = head_of(demo)
    assert continuity.done(demo, genesis, wsid, newest)
    assert not continuity.done(demo, genesis, wsid, (newest[0] - 1, "x" * 64))  # a slower process's older head
    assert not continuity.done(demo, "g" * 64, wsid, (99, "x" * 64))  # another chain never replaces it
    assert continuity.read(demo)["head"] == newest
    assert continuity.done(demo, "g" * 64, wsid, (1, "x" * 64), force=True)
    assert continuity.read(demo)["genesis"] == "g" * 64


@pytest.mark.parametrize("state_, start, head, last, verdict", [
    ("done", None, (5, "e"), (5, "e"), None),
    ("done", None, (5, "e"), (6, "f"), "appended"),
    ("done", None, (5, "e"), (4, "d"), "older"),
    ("done", None, (5, "e"), (5, "X"), "older"),
    ("pending", (5, "e"), (6, "f"), (5, "e"), None),
    ("pending", (5, "e"), (6, "f"), (6, "f"), None),
    ("pending", (5, "e"), (6, "f"), (7, "g"), "appended"),
    ("pending", (5, "e"), (6, "f"), (4, "d"), "older"),
    ("batch", (5, "e"), (5, "e"), (40, "z"), None),
    ("batch", (5, "e"), (5, "e"), (4, "d"), "older"),
])
def test_what_each_note_accepts(tmp_path, state_, start, head, last, verdict):
    chain = {1: "a", 2: "b", 3: "c", 4: "d", 5: "e", 6: "f", 7: "g"}
    if last == (5, "X"):
        chain[5] = "X"
    path = tmp_path / "w.sqlite"
    target = continuity.note_path(path)
    target.parent.mkdir(parents=True)
    target.write_text(json.dumps({"path": str(path.resolve()), "genesis": "a", "workspace_id": "w", "state": state_,
                                  "head": list(head), "from": list(start) if start else None, "from_genesis": "a",
                                  "at": "2024-02-14T08:00:00+00:00"}))
    found = continuity.check(path, "a", last, chain.get)
    assert (found.kind if found else None) == verdict
    assert continuity.check(path, "other", last, chain.get).kind == "other_chain"


# ----------------------------------------------------------------- the findings' seals (finding_check under the chain)
@pytest.mark.parametrize("change", [
    "DELETE FROM finding WHERE id = (SELECT MIN(id) FROM finding WHERE severity = 'warning' AND revision_id IS NOT NULL)",
    "UPDATE finding SET severity = 'warning' WHERE severity = 'error' AND revision_id IS NOT NULL",
    "UPDATE finding SET actual = actual + 1 WHERE severity = 'error' AND revision_id IS NOT NULL",
    "DELETE FROM finding WHERE severity = 'error' AND revision_id IS NOT NULL",
    "INSERT INTO finding (scope, revision_id, key, code, severity, region, kolom, field, message, columns, computed_at, "
    "rules_version) SELECT scope, revision_id, key || 'x', code, severity, region, kolom, field, message, columns, "
    "computed_at, rules_version FROM finding WHERE revision_id IS NOT NULL LIMIT 1",
])
def test_findings_changed_with_sqlite_are_never_shown_as_a_status(demo, change):
    """The status list (CLI and window) reads stored findings without running the rules: each
    scope's findings must still be what its stored check sealed (how many errors and warnings, each
    error as stored). The demonstration's one error is a regency's F.501."""
    from recap_app.core import status

    with sqlite3.connect(demo) as raw:
        assert raw.execute("SELECT COUNT(*) FROM finding WHERE severity = 'error' AND revision_id IS NOT NULL"
                           ).fetchone()[0] >= 1
        assert raw.execute(change).rowcount >= 1
    r = run("status", "--db", demo)
    assert r.exit_code == 1
    assert "tidak cocok dengan sidik pemeriksaannya yang tercatat: temuan diubah di luar program" in r.output
    with Workspace.open(demo, readonly=True) as ws:
        with pytest.raises(WorkspaceError) as exc:
            status.statuses(ws)
        assert exc.value.code == "tampered"


def test_a_seal_changed_to_match_is_refused_by_the_chain(demo):
    from recap_app.core.schema.findings import scope_seal

    with sqlite3.connect(demo) as raw:
        raw.execute("DELETE FROM finding WHERE scope = '33.01'")
        rid = raw.execute("SELECT revision_id FROM finding_check WHERE scope = '33.01'").fetchone()[0]
        raw.execute("UPDATE finding_check SET findings_seal = ? WHERE scope = '33.01'",
                    (scope_seal(raw, "33.01", rid),))
    r = run("status", "--db", demo)
    assert r.exit_code == 1 and "(finding_check) tidak sama dengan yang tercatat di log audit" in r.output


def test_storing_a_revision_seals_its_findings_under_its_own_audit_record(demo):
    """The findings and their check are written before the revision's audit record: one record per
    revision, as before, and its state digests cover the check."""
    from recap_app.core import certificate
    from recap_app.core.status import changed_findings

    with Workspace.open(demo) as ws:
        before = ws.conn.execute("SELECT MAX(id) FROM audit").fetchone()[0]
        info = ws.latest_revision("33.05")
        vals = ws.revision_values(info.id)
        vals["JUMLAH"]["suara_tidak_sah"] = 999
        rid = certificate.record_revision(ws, "33.05", list(info.columns), vals, actor="tester", reason="koreksi")
        rows = ws.conn.execute("SELECT action, state FROM audit WHERE id > ?", (before,)).fetchall()
        assert [a for a, _ in rows] == ["certificate.revision"]
        assert "finding_check" in json.loads(rows[0][1])
        assert changed_findings(ws, {"33.05": rid, "33": None}) == []
        assert integrity.verify(ws).ok


OLD = Path(__file__).resolve().parent.parent / "data" / "workspaces" / "pilpres-0.1-sebelum-segel-temuan.sqlite"


def test_a_workspace_made_before_the_seals_opens_read_only_and_is_sealed_by_its_upgrade(tmp_path):
    """A workspace made by the previous version (commit 73d0c86: `recap init`, then `recap import` of
    the four samples): no seal column, its chain never recorded finding_check. Read-only it opens
    and verifies as before; its first write upgrades it and seals every check."""
    from recap_app.core import status

    path = tmp_path / "lama.sqlite"
    shutil.copy(OLD, path)
    with Workspace.open(path, readonly=True) as ws:
        assert [r["status"] for r in status.statuses(ws) if r["revision"]] == ["ada peringatan"] * 3 + ["ada kesalahan"]
        assert integrity.verify(ws).ok
    assert run("status", "--db", path).exit_code == 0
    with Workspace.open(path) as ws:  # the upgrade: the column, every seal, a baseline record
        assert ws.conn.execute("SELECT COUNT(*), COUNT(findings_seal) FROM finding_check").fetchone() == (5, 5)
        assert ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 1").fetchone()[0] == "schema.migrate"
        assert integrity.verify(ws).ok
        assert status.changed_findings(ws, dict(ws.conn.execute("SELECT scope, revision_id FROM finding_check"))) == []
    with sqlite3.connect(path) as raw:  # and from now on a deleted finding shows
        raw.execute("DELETE FROM finding WHERE id = (SELECT MIN(id) FROM finding WHERE revision_id IS NOT NULL)")
    assert run("status", "--db", path).exit_code == 1


def test_a_note_that_cannot_be_written_is_dropped_not_left_stale(demo, monkeypatch):
    """A data folder that refuses the note before a commit (full, read-only): the commit goes ahead
    and the old note goes, so the next open is no false alarm; it notes the file afresh."""
    open_checked(demo).close()
    assert continuity.read(demo) is not None
    real = continuity._write

    def full(target, note, durable):
        if note["state"] == "pending":
            raise OSError(28, "No space left on device")
        return real(target, note, durable)

    monkeypatch.setattr(continuity, "_write", full)
    with Workspace.open(demo) as ws, ws.transaction():
        ws.record("tester", "note.test", "workspace", None, None)
    monkeypatch.setattr(continuity, "_write", real)
    assert continuity.read(demo)["head"] == head_of(demo)  # "done" after the commit wrote it again
    continuity.note_path(demo).unlink()
    monkeypatch.setattr(continuity, "_write", full)
    with Workspace.open(demo) as ws, ws.transaction():
        ws.record("tester", "note.test", "workspace", None, None)
    assert continuity.read(demo)["head"] == head_of(demo)
    open_checked(demo).close()


def test_a_record_rolled_back_with_its_savepoint_is_not_the_noted_head(demo):
    start = head_of(demo)
    with Workspace.open(demo) as ws:
        with ws.transaction():
            ws.record("tester", "note.test", "workspace", None, {"n": 1})
            with pytest.raises(RuntimeError), ws.transaction():
                ws.record("tester", "note.test", "workspace", None, {"n": 2})
                raise RuntimeError("batal")
        assert ws.chain_head()[0] == start[0] + 1
    assert continuity.read(demo)["head"] == head_of(demo)
    open_checked(demo).close()



def _import_env(tmp_path, n=3):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from fixtures_import import db1_grid, regency_args, write_xlsx

    from recap_app.core.demo import real_certificates

    path = tmp_path / "w.sqlite"
    certs = real_certificates("rekap")
    books = []
    with Workspace.create(path, "pilpres-2019-jateng", actor="tester") as ws:
        for k in list(certs)[:n]:
            title, cols, values = regency_args(ws, k, certs)
            books.append(write_xlsx(tmp_path / f"{k}.xlsx", [db1_grid(ws.election, title, cols, values)]))
    return path, books


def test_a_run_that_stores_nothing_leaves_no_open_note(tmp_path):
    """A refused or already-there import ends its run's note: records appended afterwards are caught."""
    from recap_app.core.importer import import_files

    path, books = _import_env(tmp_path, 1)
    bad = tmp_path / "rusak.csv"
    bad.write_text("bukan sertifikat\n")
    with Workspace.open(path) as ws:
        import_files(ws, books, "tester")
        assert import_files(ws, [bad], "tester").files[0].status == "ditolak"
        assert import_files(ws, books, "tester").files[0].status == "sudah ada"
    assert continuity.read(path)["state"] == "done" and continuity.read(path)["head"] == head_of(path)
    forge_record(path)
    with pytest.raises(WorkspaceError) as exc:
        open_checked(path)
    assert "yang tidak ditulis program ini di PC ini" in exc.value.message


def test_another_process_writing_during_a_run_is_noted_again_by_the_run(tmp_path):
    """A commit of another process in the middle of an import replaces the run's note; the run notes
    itself again before its next commit, so a kill after that is still the program's own."""
    from recap_app.core.importer import import_files

    path, books = _import_env(tmp_path, 3)
    other = Workspace.open(path)
    states = []

    def progress(i, n, name):
        if i == 1:  # between the first and the second file: the other process commits
            with other.transaction():
                other.record("tester", "note.test", "workspace", None, None)
        states.append(continuity.read(path)["state"])

    with Workspace.open(path) as ws:
        with ws.synced_at_end():
            import_files(ws, books, "tester", progress=progress)
            note = continuity.read(path)
            assert note["state"] == "batch"  # noted again by the run before its next commit
    other.close()
    assert continuity.read(path)["head"] == head_of(path)
    open_checked(path).close()


def test_a_file_moved_and_written_elsewhere_on_this_pc_is_the_program_s_own(tmp_path, demo):
    open_checked(demo).close()
    moved = tmp_path / "arsip" / demo.name
    moved.parent.mkdir()
    shutil.move(demo, moved)
    r = run("audit", "anchor", "--db", moved)
    assert r.exit_code == 0, r.output
    shutil.move(moved, demo)
    open_checked(demo).close()
    assert continuity.read(demo)["head"] == head_of(demo)
    forge_record(demo)  # and what nobody wrote here is still caught
    with pytest.raises(WorkspaceError):
        open_checked(demo)


def test_restoring_a_backup_over_an_older_copy_abandons_all_this_pc_wrote(demo):
    """The guide's other way out: an older copy put back, then a backup restored. The restore
    abandons the history this PC wrote past the copy too, so verify does not call it cut off."""
    old = demo.with_name("lama.sqlite")
    with Workspace.open(demo) as ws:
        info = backup.make_backup(ws, demo.with_name("cadangan.sqlite"), actor="tester")
    shutil.copy(demo, old)
    assert run("audit", "anchor", "--db", demo).exit_code == 0
    assert run("audit", "anchor", "--db", demo).exit_code == 0
    shutil.copy(old, demo)
    assert run("status", "--db", demo).exit_code == 1
    from recap_app.core.restore import restore

    restore(info.path, demo, user="tester")
    assert run("status", "--db", demo).exit_code == 0
    r = run("audit", "verify", "--db", demo)
    assert r.exit_code == 0, r.output


def test_heads_signed_on_the_other_pc_are_named_once_its_records_are_accepted(tmp_path, demo, monkeypatch):
    here = tmp_path / "home"
    assert run("audit", "anchor", "--db", demo).exit_code == 0  # this PC's office key, made on first use
    monkeypatch.setenv("RECAP_HOME", str(tmp_path / "pc-kedua"))  # the second PC: its own office key
    assert run("audit", "anchor", "--db", demo).exit_code == 0
    monkeypatch.setenv("RECAP_HOME", str(here))
    r = run("status", "--db", demo)
    assert r.exit_code == 1 and f"recap audit accept --db {demo} --reason" in r.output
    assert run("audit", "accept", "--db", demo, "--reason", "dipakai di laptop kedua").exit_code == 0
    r = run("audit", "verify", "--db", demo)
    assert r.exit_code == 0, r.output
    assert "ditandatangani kunci kantor PC lain" in r.output and "yang diterima admin" in r.output


def test_warnings_made_to_look_explained_are_never_shown_resolved(demo):
    """An explanation of 33.02's W.602: 33.01's warnings rewritten to match it (region, columns) stay
    open; 33.01's warnings all made copies of one explained there are refused (the seal counts
    distinct findings)."""
    from recap_app.core import status

    r = run("explain", "--db", demo, "--user", "budi", "--code", "W.602", "--region", "33.02", "kabupaten tidak mengisi")
    assert r.exit_code == 0, r.output
    with sqlite3.connect(demo) as raw:
        raw.execute("UPDATE finding SET region = '33.02' WHERE scope = '33.01' AND severity = 'warning'")
        raw.execute("UPDATE finding SET columns = (SELECT f2.columns FROM finding f2 WHERE f2.scope = '33.02' AND "
                    "f2.field = finding.field) WHERE scope = '33.01' AND severity = 'warning'")
    with Workspace.open(demo, readonly=True) as ws:
        row = next(r for r in status.statuses(ws) if r["kode"] == "33.01")
        assert row["status"] == "ada peringatan" and row["warnings"] > 0
    copy = demo.with_name("salin.sqlite")
    make_demo(copy, actor="tester").close()
    with Workspace.open(copy) as ws:
        from recap_app.core import reconcile

        target = next(f for f in reconcile.findings(ws) if f.region == "33.01" and f.severity == "warning")
        reconcile.explain(ws, target.key, "dijelaskan", "budi")
    with sqlite3.connect(copy) as raw:
        raw.execute("UPDATE finding SET key = ?, field = ?, columns = (SELECT columns FROM finding WHERE key = ?) "
                    "WHERE scope = '33.01' AND severity = 'warning'", (target.key, target.field, target.key))
    r = run("status", "--db", copy)
    assert r.exit_code == 1 and "temuan diubah di luar program" in r.output


def test_verify_as_the_first_open_after_a_killed_run_settles_its_note(tmp_path):
    path, _books = _import_env(tmp_path, 1)
    with Workspace.open(path) as ws:
        g, w = ws.chain_identity()
        start = ws.chain_head()
    continuity.batch(path, g, w, start, "run-x")
    note = continuity.read(path)
    note["pid"] = 2 ** 22 + 4321
    continuity.note_path(path).write_text(json.dumps(note))
    assert run("audit", "verify", "--db", path).exit_code == 0
    assert continuity.read(path)["state"] == "done"


def test_a_workspace_written_here_moved_onto_the_path_of_another_one_is_the_program_s_own(tmp_path):
    a = tmp_path / "sub" / "f.sqlite"
    a.parent.mkdir()
    make_demo(a, actor="tester").close()
    open_checked(a).close()
    a.unlink()
    b = tmp_path / "lain.sqlite"
    make_demo(b, actor="tester").close()
    assert run("audit", "anchor", "--db", b).exit_code == 0
    shutil.move(b, a)
    open_checked(a).close()
    assert run("audit", "verify", "--db", a).exit_code == 0


def test_a_slower_writer_s_done_leaves_a_live_run_s_note(demo):
    with Workspace.open(demo) as ws:
        g, w = ws.chain_identity()
        head = ws.chain_head()
    continuity.batch(demo, g, w, head, "run-y")
    note = continuity.read(demo)
    note["pid"] = 1  # a live process that is not this one
    continuity.note_path(demo).write_text(json.dumps(note))
    assert not continuity.done(demo, g, w, head)
    assert continuity.read(demo)["state"] == "batch"


def test_a_seal_of_another_form_is_not_compared(demo):
    """A seal written by a build before this form (no "s1:") proves nothing either way: it is not
    compared (and, under the chain, cannot be forged); seals of this form are."""
    from recap_app.core import status

    with Workspace.open(demo, readonly=True) as ws:
        seal = ws.conn.execute("SELECT findings_seal FROM finding_check WHERE scope = '33.01'").fetchone()[0]
        assert seal.startswith("s1:") and seal.count("|") == 3
        scopes = dict(ws.conn.execute("SELECT scope, revision_id FROM finding_check"))
    with sqlite3.connect(demo) as raw:  # a build's own seal, as the program would have written it
        raw.execute("UPDATE finding_check SET findings_seal = substr(findings_seal, 4)")
        raw.execute("DELETE FROM finding WHERE scope = '33.01' AND severity = 'warning'")
    with Workspace.open(demo, readonly=True) as ws:
        assert status.changed_findings(ws, scopes) == []
