"""Backups: checked copies, automatic backups with rotation, restore, the start-up check."""

import datetime
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit, auth, backup, certificate, integrity, restore, startup
from recap_app.core.demo import real_certificates
from recap_app.core.errors import NotAllowed, WorkspaceError
from recap_app.core.formatting import local_time, number
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals

P1, P2 = 16825511, 4944447  # province totals of the 35 real certificates


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env or {}, catch_exceptions=False)


def totals(path):
    with Workspace.open(path, readonly=True) as w:
        t = province_totals(w)["fields"]
        return t["paslon_1"], t["paslon_2"], w.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0]


def damage(path, offset=0, data=b"X" * 100):
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(data)


def test_backup_is_a_checked_full_copy(demo_ws, tmp_path):
    out = tmp_path / "salinan" / "cadangan.sqlite"
    info = backup.make_backup(demo_ws, out, actor="tester")
    assert info.path == out and info.size == out.stat().st_size
    assert info.sha256 == hashlib.sha256(out.read_bytes()).hexdigest()
    assert backup.check_file(out) == (True, "ok")
    assert totals(out) == (P1, P2, 35)
    assert (info.audit_last_id, info.audit_last_hash) == audit.head(sqlite3.connect(out))
    assert not os.path.exists(str(out) + "-wal")  # a single self-contained file
    rec = audit.query(demo_ws, action="backup.create")[0]
    assert rec.actor == "tester" and rec.after["sha256"] == info.sha256 and rec.after["audit_last_id"] == 37
    assert audit.verify_chain(demo_ws).ok


def test_backup_never_overwrites(demo_ws, tmp_path):
    out = tmp_path / "ada.sqlite"
    out.write_bytes(b"milik orang lain")
    n = audit.count(demo_ws)
    with pytest.raises(backup.BackupError) as ei:
        backup.make_backup(demo_ws, out, actor="tester")
    assert ei.value.message == f"Berkas {out} sudah ada; cadangan tidak menimpa berkas. Pilih nama lain."
    assert out.read_bytes() == b"milik orang lain" and audit.count(demo_ws) == n


def test_backup_holds_committed_data_only(ws, tmp_path):
    cols, values = real_certificates()["33.01"]
    other = Workspace.open(ws.path)  # e.g. an import running in the background
    reader = Workspace.open(ws.path, readonly=True)  # a read-only workspace can be backed up too
    with other.transaction():
        certificate.record_revision(other, "33.01", cols, values, actor="tester")
        info = backup.make_backup(reader, tmp_path / "tengah.sqlite", actor="tester")
    other.close()
    reader.close()
    assert totals(info.path)[2] == 0
    assert totals(ws.path)[2] == 1


def test_auto_backup_names_and_rotation(demo_ws):
    demo_ws.set_setting("backup_keep", 3, actor="tester")
    made = [backup.auto_backup(demo_ws, r) for r in ("import", "adopt", "bundle export", "import", "Adopt!")]
    assert all(made) and backup.last_auto_backup_error is None
    folder = demo_ws.path.with_name("demo-cadangan")
    assert made[0].path.parent == folder
    assert made[2].path.name.endswith("-bundle_export.sqlite") and made[4].path.name.endswith("-adopt.sqlite")
    listed = backup.list_backups(demo_ws)
    assert [b.path for b in listed] == [m.path for m in made[::-1][:3]]
    assert sorted(p.name for p in folder.iterdir()) == sorted(m.path.name for m in made[2:])
    assert all(backup.check_file(b.path)[0] for b in listed)


def test_a_backup_name_with_no_such_time_is_not_a_backup(demo_ws):
    folder = demo_ws.path.with_name("demo-cadangan")
    folder.mkdir()
    odd = folder / "demo-20191399T256199Z-import.sqlite"  # shaped like one of ours, month 13
    odd.write_bytes(b"bukan cadangan")
    info = backup.auto_backup(demo_ws, "import")  # once crashed the command after its commit
    assert info is not None and backup.last_auto_backup_error is None
    listed = backup.list_backups(demo_ws)
    assert [b.path for b in listed] == [info.path]
    stamp = info.path.name.split("-")[1]  # the time as strptime reads it from the name
    want = datetime.datetime.strptime(stamp, "%Y%m%dT%H%M%SZ").replace(tzinfo=datetime.UTC).isoformat()
    assert listed[0].created_at == want
    assert odd.exists()  # not ours: never rotated away


def test_interrupted_backup_leftovers_are_removed(demo_ws):
    folder = demo_ws.path.with_name("demo-cadangan")
    folder.mkdir()
    stale = folder / "demo-20190417T010203Z-import.sqlite.sementara-0a1b2c3d"
    fresh = folder / "demo-20190417T010204Z-import.sqlite.sementara-4e5f6a7b"
    for p in (stale, fresh):
        p.write_bytes(b"setengah")
    os.utime(stale, (1, 1))
    info = backup.auto_backup(demo_ws, "import")
    assert sorted(p.name for p in folder.iterdir()) == sorted([info.path.name, fresh.name])


def test_auto_backup_failure_never_raises(demo_ws, monkeypatch):
    demo_ws.set_setting("backup_dir", "/proc/tidak-bisa/ditulis", actor="tester")
    assert backup.auto_backup(demo_ws, "import") is None
    assert backup.last_auto_backup_error.startswith("Folder cadangan /proc/tidak-bisa/ditulis tidak dapat dibuat")


def test_startup_check_and_restore_of_a_damaged_workspace(demo_ws, tmp_path):
    good = backup.auto_backup(demo_ws, "import")
    path = demo_ws.path
    demo_ws.close()
    assert backup.startup_check(path).ok
    damage(path)  # the header: no longer a database
    rep = backup.startup_check(path)
    assert not rep.ok and rep.latest_good_backup.path == good.path
    assert rep.message == (
        f"Ruang kerja {path} rusak atau tidak dapat dibaca: berkas ini bukan basis data SQLite (diawali "
        f"\"XXXXXXXX\", byte 58 58 58 58 58 58 58 58): bukan ruang kerja recap_app, atau ruang kerja yang rusak. "
        f"Cadangan baik terakhir: {good.path} (dibuat {local_time(good.created_at)}, alasan: import). "
        f"Pulihkan dengan: recap restore --db {path} --from {good.path}")
    r = run("status", "--db", path)
    assert r.exit_code == 1 and r.output == f"Galat: {rep.message}\n"
    aside, info = restore.restore(good.path, path, "pemulih")
    assert aside.name.startswith("demo.sqlite.sebelum-pulih-") and aside.read_bytes()[:100] == b"X" * 100
    assert totals(path) == (P1, P2, 35)
    with Workspace.open(path) as w:
        rec = audit.query(w, action="workspace.restore")[0]
        assert rec.actor == "pemulih" and rec.after["sha256"] == info.sha256
        assert integrity.verify(w).ok


def test_damage_inside_the_file_is_found(demo_ws):
    path = demo_ws.path
    demo_ws.close()
    size = path.stat().st_size
    damage(path, size // 2, os.urandom(8192))
    ok, why = backup.check_file(path)
    assert not ok and why
    assert not backup.startup_check(path).ok


def test_no_backup_to_offer(tmp_path):
    """A workspace this PC knew (its continuity note), clobbered, without a backup: damaged."""
    path = tmp_path / "rusak.sqlite"
    Workspace.create(path, "pilpres-2019-jateng", actor="tester").close()
    path.write_bytes(b"bukan basis data" * 100)
    rep = backup.startup_check(path)
    assert rep.latest_good_backup is None and rep.kind == "damaged"
    assert rep.message.endswith(f"Tidak ada cadangan yang baik di {tmp_path / 'rusak-cadangan'}; hubungi admin.")


@pytest.mark.parametrize("content, what", [
    (b"hello this is a letter\n", 'bukan basis data SQLite (diawali "hello th", byte 68 65 6c 6c 6f 20 74 68)'),
    (b"", "kosong (0 bita)"),
])
def test_another_file_never_known_here_is_no_workspace_not_a_damaged_one(tmp_path, content, what):
    from recap_app.core.errors import WorkspaceError
    from recap_app.core.startup import open_checked

    path = tmp_path / "surat.sqlite"
    path.write_bytes(content)
    rep = backup.startup_check(path)
    assert not rep.ok and rep.kind == "not_a_workspace"
    assert rep.message == (
        f"Berkas {path} bukan ruang kerja recap_app: {what}, dan komputer ini tidak mengenal ruang kerja maupun "
        "cadangannya di jalur itu. Berkas itu tidak diubah. Pilih berkas ruang kerja (.sqlite) yang dibuat "
        "program ini; bila berkas ini memang ruang kerja, berkasnya rusak: hubungi admin.")
    with pytest.raises(WorkspaceError) as ei:
        open_checked(path)
    assert ei.value.code == "not_a_workspace" and path.read_bytes() == content


def test_restore_refusals_change_nothing(demo_ws, tmp_path, monkeypatch):
    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"junk" * 1000)
    with pytest.raises(backup.BackupError) as ei:
        restore.restore(junk, demo_ws.path, "x")
    assert ei.value.message.startswith(f"Cadangan {junk} tidak dapat dipakai: rusak atau bukan ruang kerja")
    other = Workspace.create(tmp_path / "lain.sqlite", "pilgub-jateng-2018", actor="x")
    other_copy = backup.make_backup(other, tmp_path / "lain-cadangan.sqlite", actor="x").path
    other.close()
    with pytest.raises(backup.BackupError, match="untuk pemilihan pilgub-jateng-2018, sedangkan ruang kerja"):
        restore.restore(other_copy, demo_ws.path, "x")
    auth.add_user(demo_ws, "x", "kepala", "admin", "Gunung-telomoyo-87-kabut")
    auth.add_user(demo_ws, "kepala", "ani", "operator", "Gunung-dieng-66-kabut")
    good = backup.make_backup(demo_ws, tmp_path / "baik.sqlite", actor="kepala").path
    before = demo_ws.path.read_bytes()
    with pytest.raises(NotAllowed, match="tidak berhak memulihkan dari cadangan"):
        restore.restore(good, demo_ws.path, "ani", "Gunung-dieng-66-kabut")
    assert demo_ws.path.read_bytes() == before
    restore.restore(good, demo_ws.path, "kepala", "Gunung-telomoyo-87-kabut")


def test_cli_backup_and_backups(demo_ws, tmp_path):
    path = demo_ws.path
    demo_ws.close()
    out = tmp_path / "manual.sqlite"
    r = run("backup", "--db", path, "--out", out)
    assert r.exit_code == 0
    sha = hashlib.sha256(out.read_bytes()).hexdigest()
    assert r.output.splitlines()[0] == (f"Cadangan dibuat dan diperiksa: {out} ({number(out.stat().st_size)} bita, "
                                        f"SHA-256 {sha}).")
    assert run("backup", "--db", path, "--out", out).exit_code == 1
    r = run("backup", "--db", path)
    assert r.exit_code == 0
    r = run("backups", "--db", path)
    assert r.exit_code == 0
    assert r.output.splitlines()[:2] == [f"Berkas ruang kerja {path} diperiksa: utuh (tidak rusak).",
                                         f"1 cadangan di {tmp_path / 'demo-cadangan'}:"]
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    r = run("restore", "--db", path, "--from", out)  # later records would leave the active chain: asks first
    assert r.exit_code == 1
    assert "Perhatian: 2 catatan audit sesudah #37 keluar dari rantai aktif" in r.output
    assert "Pemulihan dibatalkan; tidak ada yang diubah" in r.output
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    r = run("restore", "--db", path, "--from", out, "--yes")
    assert r.exit_code == 0 and r.output.startswith(f"Dipulihkan dari {out} (rantai audit sampai #37).")


def test_restore_losses_name_accounts_and_audit_records(demo_ws, tmp_path):
    from recap_app.core import auth
    from recap_app.core.backup import make_backup
    from recap_app.core.restore import restore_losses

    out = tmp_path / "before-accounts.sqlite"
    make_backup(demo_ws, out, actor="tester")
    auth.add_user(demo_ws, "tester", "admin1", "admin", "Gunung-menoreh-108-kabut")
    auth.add_user(demo_ws, "admin1", "ketua1", "ketua", "Gunung-gajah-115-kabut")
    losses = restore_losses(out, demo_ws.path)
    assert any(line.startswith("Akun yang tidak ada di cadangan akan hilang: admin1, ketua1.") for line in losses)
    assert "Cadangan tidak memiliki akun: ruang kerja kembali ke mode terbuka" in losses[-1]
    assert "catatan audit sesudah" in losses[0]
    assert restore_losses(out, tmp_path / "missing.sqlite") == []


def test_automatic_backup_after_an_import_and_a_bundle_export(ws, tmp_path):
    from pathlib import Path

    from recap_app.core.backup import list_backups
    from recap_app.core.bundle.export import export_bundle
    from recap_app.core.importer import import_files

    sample = Path(__file__).resolve().parent.parent / "data" / "samples" / "db1-ppwp-2019_33.75_kota-pekalongan.xlsx"
    assert import_files(ws, [sample], "tester").ok
    assert [b.path.name.endswith("-import.sqlite") for b in list_backups(ws)] == [True]
    assert import_files(ws, [sample], "tester").ok  # unchanged: no new backup
    assert len(list_backups(ws)) == 1
    export_bundle(ws, tmp_path / "b.zip", "tester")
    assert sorted(b.path.name.rsplit("-", 1)[-1] for b in list_backups(ws)) == ["bundle_export.sqlite",
                                                                                "import.sqlite"]


def test_workspace_in_a_folder_that_refuses_new_files_opens_read_only(tmp_path):
    import shutil
    import subprocess

    from recap_app.core.demo import make_demo
    from recap_app.core.startup import open_checked

    folder = tmp_path / "ro"
    folder.mkdir()
    make_demo(folder / "w.sqlite", actor="tester").close()
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(folder)]).returncode != 0:
        pytest.skip("chattr +i is not available on this file system")
    try:
        ws = open_checked(folder / "w.sqlite")
        assert ws.readonly and province_totals(ws)["fields"]["paslon_2"] == 4944447
        with pytest.raises(WorkspaceError, match="dibuka hanya-baca"):
            ws.set_setting("office.name", "x", "tester")
        ws.close()
    finally:
        subprocess.run(["chattr", "-i", str(folder)])


def test_backup_name_and_time_come_from_one_reading_of_the_program_clock(demo_ws, monkeypatch):
    """The file name and created_at are the same instant of the program clock (the fixed test clock
    too), so a listing sorted by name is sorted by time and two backups in one second stay apart."""
    monkeypatch.setenv("RECAP_FIXED_CLOCK", "2019-05-08T10:30:00+00:00")
    first = backup.auto_backup(demo_ws, "manual", "tester")
    second = backup.auto_backup(demo_ws, "manual", "tester")
    assert first.created_at == second.created_at == "2019-05-08T10:30:00+00:00"
    assert first.path.name == "demo-20190508T103000Z-manual.sqlite"
    assert second.path.name == "demo-20190508T103000Z-2-manual.sqlite"
    listed = backup.list_backups(demo_ws)
    assert [b.created_at for b in listed[:2]] == ["2019-05-08T10:30:00+00:00"] * 2
    assert [b.path.name for b in listed[:2]] == [second.path.name, first.path.name]


def test_a_folder_is_probed_for_new_files_without_leaving_any(tmp_path, monkeypatch):
    """The read-only-media probe makes a nameless file (Linux O_TMPFILE) or, on a file system without
    it, a tempfile removed at once: either way the folder is left as it was."""
    import errno
    import os

    assert startup._takes_new_files(tmp_path) is True
    assert list(tmp_path.iterdir()) == []
    real_open = os.open

    def no_tmpfile(path, flags, *args):
        if flags & getattr(os, "O_TMPFILE", 0) == getattr(os, "O_TMPFILE", -1):
            raise OSError(errno.EOPNOTSUPP, "not supported")
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", no_tmpfile)
    assert startup._takes_new_files(tmp_path) is True  # tempfile's way
    assert list(tmp_path.iterdir()) == []
    assert startup._takes_new_files(tmp_path / "not-there") is False


def test_free_space_is_what_shutil_reports(tmp_path):
    import shutil

    from recap_app.core import faults

    free = faults.free_bytes(tmp_path)
    assert free is not None and abs(free - shutil.disk_usage(tmp_path).free) < 64 * 1024 * 1024
    assert faults.free_bytes(tmp_path / "not-there") is None


def test_read_only_media_with_changes_still_in_the_wal_is_refused_not_shown_old(tmp_path, monkeypatch):
    """Immutable mode reads the main file only: with changes still in the -wal it would show older
    figures, so the workspace is not opened and the clerk is told what to copy."""
    from recap_app.core.demo import make_demo

    path = tmp_path / "w.sqlite"
    make_demo(path, actor="tester").close()
    ws = Workspace.open(path)  # kept open: its change stays in the -wal
    ws.set_setting("office.name", "KPU Provinsi Jawa Tengah (uji)", "tester")
    assert Path(f"{path}-wal").stat().st_size > 0
    monkeypatch.setattr(startup, "_on_read_only_media", lambda p: True)
    with pytest.raises(WorkspaceError) as ei:
        startup.open_checked(path)
    assert ei.value.code == "readonly" and "w.sqlite-wal" in ei.value.message and "Salin" in ei.value.message
    ws.close()  # checkpointed: the -wal is empty, the main file holds everything and opens read-only
    opened = startup.open_checked(path)
    assert opened.readonly and opened.setting("office.name") == "KPU Provinsi Jawa Tengah (uji)"
    opened.close()


def _whole_checks(monkeypatch):
    """Count the start-up check's whole-file checks (``PRAGMA integrity_check`` on the workspace)."""
    seen = []
    real = startup.Workspace.open

    def opened(*a, **kw):
        ws = real(*a, **kw)
        conn = ws.conn

        class Spy:
            def __getattr__(self, name):
                return getattr(conn, name)

            def execute(self, sql, *args):
                if sql.startswith("PRAGMA integrity_check"):
                    seen.append(sql)
                return conn.execute(sql, *args)

        ws.conn = Spy()
        return ws

    monkeypatch.setattr(startup.Workspace, "open", staticmethod(opened))
    return seen


def test_a_file_written_by_the_program_alone_stays_checked_and_anyone_else_s_write_is_checked_again(
        demo_ws, monkeypatch):
    path = demo_ws.path
    demo_ws.close()
    seen = _whole_checks(monkeypatch)
    ws = startup.open_checked(path)
    assert len(seen) == 1  # new to the check
    ws.set_setting("office.name", "KPU Provinsi Jawa Tengah (uji)", "tester")
    ws.close()  # written by this program alone since its check: noted as checked as it is now
    ws = startup.open_checked(path)
    assert len(seen) == 1 and ws.setting("office.name") == "KPU Provinsi Jawa Tengah (uji)"
    ws.set_setting("office.name", "KPU Provinsi Jawa Tengah", "tester")
    other = sqlite3.connect(path)  # someone else writes between our last commit and our close
    other.execute("PRAGMA user_version = 5")  # a write that no digest covers: only the check sees it
    other.commit()
    other.close()
    ws.close()
    startup.open_checked(path).close()
    assert len(seen) == 2  # checked whole again
    ws = startup.open_checked(path)  # that check passed and nothing changed since
    assert len(seen) == 2
    ws.set_setting("office.name", "x", "tester")
    ws.conn.close()  # a process that ends without closing the workspace (killed): no note
    startup.open_checked(path).close()
    assert len(seen) == 3


def test_damage_met_in_the_middle_of_a_command_is_named_not_a_traceback(demo_ws, tmp_path):
    """A damaged page of a file the start-up check had passed (its times put back): the command
    that reads it says the file is damaged, in Indonesian, and the next start checks it whole."""
    path = demo_ws.path
    demo_ws.close()
    assert run("status", "--db", path).exit_code == 0  # checked whole and noted
    with sqlite3.connect(path) as c:
        pages = [p for (p,) in c.execute("SELECT pageno FROM dbstat WHERE name = 'cell' AND pagetype = 'leaf'")]
        size = c.execute("PRAGMA page_size").fetchone()[0]
    c.close()
    st = os.stat(path)
    with open(path, "r+b") as fh:
        for p in pages[::3]:
            fh.seek((p - 1) * size)
            fh.write(os.urandom(64))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the times as they were: the stamp still matches
    r = run("totals", "--db", path)
    assert r.exit_code == 1 and r.output.startswith(f"Galat: Ruang kerja {path} rusak")
    assert "Traceback" not in r.output and "malformed" not in r.output.split("(")[0]
    assert str(path.resolve()) not in startup._checked_stamps()  # the next start checks it whole
    r = run("status", "--db", path)
    assert r.exit_code == 1 and r.output.startswith(f"Galat: Ruang kerja {path} rusak") and r.output.count("\n") == 1


def test_rotation_ranks_by_the_audit_log_not_by_the_names_and_leaves_lookalikes_alone(demo_ws, monkeypatch):
    """Backups made while the clock ran a year ahead must not outrank every later backup (they
    did: each new one was deleted as soon as it was made), and files that only look like backups
    are neither counted nor deleted (hostile trial)."""
    folder = demo_ws.path.with_name("demo-cadangan")
    folder.mkdir()
    junk = [folder / f"demo-2099010{i}T000000Z-import.sqlite" for i in range(1, 6)]
    for p in junk:
        p.write_bytes(b"sampah")
    demo_ws.set_setting("backup_keep", 2, actor="tester")
    ahead = []
    for day in ("01", "02", "03"):
        monkeypatch.setenv("RECAP_FIXED_CLOCK", f"2027-06-{day}T08:00:00+00:00")
        ahead.append(backup.auto_backup(demo_ws, "import").path)
    monkeypatch.delenv("RECAP_FIXED_CLOCK")
    now = backup.auto_backup(demo_ws, "import")
    assert now is not None and now.path.exists()  # the backup just made, dated today, is kept
    left = {p for p in folder.iterdir()}
    assert set(junk) <= left  # not ours: left alone, and not counted against the two kept
    assert [p for p in ahead if p in left] == [ahead[2]]  # the latest made before it is the other one kept
    later = backup.auto_backup(demo_ws, "adopt")
    assert {p for p in folder.iterdir()} == set(junk) | {now.path, later.path}


def test_a_link_in_the_backup_folder_is_no_backup(demo_ws, tmp_path):
    folder = demo_ws.path.with_name("demo-cadangan")
    folder.mkdir()
    link = folder / "demo-20990101T000000Z-import.sqlite"
    link.symlink_to(demo_ws.path)  # the live workspace itself, under a backup's name
    info = backup.auto_backup(demo_ws, "import")
    assert [b.path for b in backup.list_backups(demo_ws)] == [info.path]
    assert link.is_symlink()


def test_restore_from_a_fifo_is_refused_at_once(demo_ws, tmp_path):
    fifo = tmp_path / "demo-20190101T000000Z-import.sqlite"
    os.mkfifo(fifo)
    path = demo_ws.path
    demo_ws.close()
    r = CliRunner().invoke(main, ["restore", "--db", str(path), "--from", str(fifo), "--yes"])
    assert r.exit_code == 1 and "pipa (FIFO), bukan berkas cadangan" in r.output, r.output


def test_restoring_a_backup_of_a_branch_left_counts_every_record_that_leaves(tmp_path, demo_ws):
    """A backup of a history a restore left shares only the records before the fork: every record
    of the active chain after the fork leaves it, not only those numbered after the backup's end."""
    from recap_app.core.restore import restore, restore_losses

    first = backup.make_backup(demo_ws, tmp_path / "b1.sqlite", actor="tester")
    fork = first.audit_last_id
    for n in range(3):
        with demo_ws.transaction():
            demo_ws.record("tester", "note.test", "workspace", None, {"n": n})
    branch = backup.make_backup(demo_ws, tmp_path / "b2.sqlite", actor="tester")
    path = demo_ws.path
    demo_ws.close()
    restore(first.path, path, user="tester")
    with Workspace.open(path) as ws:
        for n in range(4):
            with ws.transaction():
                ws.record("tester", "note.test", "workspace", None, {"m": n})
        now = ws.chain_head()[0]
    assert branch.audit_last_id < now
    losses = restore_losses(branch.path, path)
    assert losses[0] == (f"{now - fork} catatan audit sesudah #{fork} keluar dari rantai aktif (#{fork + 1}–#{now}; "
                         "tetap ada di berkas lama yang disimpan di samping).")
