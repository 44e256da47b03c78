"""A batch of transactions flushed to the disk once at its end (Workspace.synced_at_end), as an
import of many files does: each file still commits whole, the WAL reaches the disk before the
batch ends, and the head log names only heads that are on the disk."""

import os

import pytest
from fixtures_import import db1_grid, regency_args, write_xlsx

from recap_app.core import headlog
from recap_app.core.demo import real_certificates
from recap_app.core.errors import WorkspaceError
from recap_app.core.importer import import_files
from recap_app.core.store import Workspace

FULL, NORMAL = 2, 1


def _sync(ws):
    return ws.conn.execute("PRAGMA synchronous").fetchone()[0]


def _heads(ws):
    return [e for e in headlog.entries(path=ws.path)[0] if e["kind"] == "head"]


def _write(ws, n):
    with ws.transaction():
        ws.record("tester", "test.write", f"nomor:{n}")


def _fsynced_paths(monkeypatch):
    """The files flushed from now on, but for this PC's note of the chain's head (core/continuity.py),
    flushed before a run of commits starts: not a commit's flush."""
    seen = []
    real = os.fsync

    def fsync(fd):
        path = os.readlink(f"/proc/self/fd/{fd}")
        if f"{os.sep}jangkar{os.sep}terakhir" not in path:
            seen.append(path)
        return real(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return seen


@pytest.fixture
def ws(tmp_path):
    with Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester") as w:
        yield w


def test_commits_inside_skip_the_flush_and_the_wal_is_flushed_once_at_the_end(ws, monkeypatch):
    before = _heads(ws)
    seen = _fsynced_paths(monkeypatch)
    assert _sync(ws) == FULL
    with ws.synced_at_end():
        assert _sync(ws) == NORMAL
        for n in range(3):
            _write(ws, n)
        assert _heads(ws) == before  # no head noted that a power cut could still take back
        assert seen == []
    assert _sync(ws) == FULL
    assert seen == [str((ws.path.parent / f"{ws.path.name}-wal").resolve())]
    heads = _heads(ws)
    assert len(heads) == len(before) + 1  # one note: the last head
    last = ws.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert (heads[-1]["audit_id"], heads[-1]["audit_hash"]) == tuple(last)
    assert ws.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'test.write'").fetchone()[0] == 3


def test_a_transaction_that_fails_inside_still_rolls_back_whole(ws):
    with ws.synced_at_end():
        _write(ws, 1)
        with pytest.raises(RuntimeError), ws.transaction():
            ws.record("tester", "test.write", "nomor:2")
            raise RuntimeError("berhenti")
    assert [r[0] for r in ws.conn.execute("SELECT entity FROM audit WHERE action = 'test.write'")] == ["nomor:1"]


def test_an_error_inside_is_raised_after_the_flush(ws, monkeypatch):
    seen = _fsynced_paths(monkeypatch)
    with pytest.raises(KeyboardInterrupt), ws.synced_at_end():
        _write(ws, 1)
        raise KeyboardInterrupt
    assert len(seen) == 1 and _sync(ws) == FULL
    assert _heads(ws)[-1]["audit_id"] == ws.conn.execute("SELECT MAX(id) FROM audit").fetchone()[0]


def test_a_flush_the_disk_refuses_is_an_error_and_no_head_is_noted(ws, monkeypatch):
    before = _heads(ws)

    def fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    with pytest.raises(WorkspaceError) as got, ws.synced_at_end():
        _write(ws, 1)
    assert got.value.code == "io_error" and "tidak dapat dipastikan tertulis ke disk" in got.value.message
    assert "recap audit verify" in got.value.message
    assert _heads(ws) == before and _sync(ws) == FULL
    # with another error on its way out, that error is raised and the flush's problem is a warning
    with pytest.raises(ValueError), ws.synced_at_end():
        _write(ws, 2)
        raise ValueError("lain")
    assert any("tidak dapat dipastikan tertulis ke disk" in w for w in ws.warnings)


def test_nested_or_in_a_transaction_or_outside_wal_nothing_changes(ws, tmp_path, monkeypatch):
    with ws.synced_at_end():
        with ws.synced_at_end():
            assert _sync(ws) == NORMAL
        assert _sync(ws) == NORMAL  # the inner one leaves the outer batch as it was
    with ws.transaction(), ws.synced_at_end():
        assert _sync(ws) == FULL
    ws.conn.execute("PRAGMA journal_mode=DELETE")
    seen = _fsynced_paths(monkeypatch)
    with ws.synced_at_end():
        assert _sync(ws) == FULL
        _write(ws, 1)
    assert all(not p.endswith("-wal") for p in seen)


def test_an_import_flushes_once_and_notes_one_head_for_all_its_files(tmp_path, monkeypatch):
    certs = real_certificates("rekap")
    out = tmp_path / "buku"
    out.mkdir()
    with Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        paths = []
        for kode in ("33.01", "33.02", "33.03"):
            title, columns, values = regency_args(ws, kode, certs)
            paths.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
        before = len(_heads(ws))
        seen = _fsynced_paths(monkeypatch)
        rep = import_files(ws, paths, "tester")
        assert [f.status for f in rep.files] == ["diterima"] * 3
        wal = [p for p in seen if p.endswith("w.sqlite-wal")]
        assert len(wal) == 2  # the three files' commits, once, at the end; again before the backup notes its head
        assert _sync(ws) == FULL
        # heads noted: the three files' (one note), then the backup's record
        assert len(_heads(ws)) == before + 2


def test_through_a_link_the_wal_sqlite_writes_is_the_one_flushed(tmp_path, monkeypatch):
    real = tmp_path / "asli"
    real.mkdir()
    (tmp_path / "tautan").mkdir()
    Workspace.create(real / "w.sqlite", "pilpres-2019-jateng", actor="tester").close()
    (tmp_path / "tautan" / "w.sqlite").symlink_to(real / "w.sqlite")
    with Workspace.open(tmp_path / "tautan" / "w.sqlite") as ws:
        seen = _fsynced_paths(monkeypatch)
        with ws.synced_at_end():
            _write(ws, 1)
        assert seen == [str((real / "w.sqlite-wal").resolve())]
        assert _heads(ws)[-1]["audit_id"] == ws.conn.execute("SELECT MAX(id) FROM audit").fetchone()[0]


def test_a_transaction_left_open_is_rolled_back_and_full_flushes_come_back(ws):
    with pytest.raises(RuntimeError), ws.synced_at_end():
        _write(ws, 1)
        ws.conn.execute("BEGIN")  # as if interrupted between BEGIN and the transaction's own handling
        ws.conn.execute("INSERT INTO meta (key, value) VALUES ('uji', '1')")
        raise RuntimeError("berhenti")
    assert not ws.conn.in_transaction and _sync(ws) == FULL
    assert ws.conn.execute("SELECT COUNT(*) FROM meta WHERE key = 'uji'").fetchone()[0] == 0


def test_an_import_whose_flush_the_disk_refuses_says_what_was_stored(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from recap_app.cli import main
    from recap_app.core import startup

    certs = real_certificates("rekap")
    out = tmp_path / "buku"
    out.mkdir()
    db = tmp_path / "w.sqlite"
    with Workspace.create(db, "pilpres-2019-jateng", actor="tester") as ws:
        paths = []
        for kode in ("33.01", "33.02"):
            title, columns, values = regency_args(ws, kode, certs)
            paths.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
    forgotten = []
    monkeypatch.setattr(startup, "forget_checked", lambda path: forgotten.append(str(path)))

    def fsync(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", fsync)
    r = CliRunner().invoke(main, ["import", "--db", str(db), *map(str, paths)])
    assert r.exit_code == 1
    assert "Ringkasan: 2 diterima, 0 sudah ada, 0 ditolak." in r.stdout  # which files were stored
    assert "tidak dapat dipastikan tertulis ke disk" in r.stderr and "recap audit verify" in r.stderr
    assert forgotten == [str(db)]
    monkeypatch.undo()
    with Workspace.open(db, readonly=True) as ws:
        assert ws.conn.execute("SELECT COUNT(*) FROM certificate").fetchone()[0] == 2
        assert ws.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'backup.create'").fetchone()[0] == 0


def test_a_backup_notes_its_head_only_once_the_workspace_has_it_on_the_disk(ws, monkeypatch):
    from recap_app.core import backup

    _write(ws, 1)

    def fsync(fd):
        if os.readlink(f"/proc/self/fd/{fd}").endswith("-wal"):
            raise OSError(5, "Input/output error")
        return real(fd)

    real = os.fsync
    monkeypatch.setattr(os, "fsync", fsync)
    info = backup.make_backup(ws, ws.path.parent / "salinan.sqlite", actor="tester", check_permission=False)
    assert info.path.exists()  # the copy itself is good
    assert not [e for e in headlog.entries(path=ws.path)[0] if e["kind"] == "backup"]
    monkeypatch.setattr(os, "fsync", real)
    backup.make_backup(ws, ws.path.parent / "salinan2.sqlite", actor="tester", check_permission=False)
    assert [e["audit_id"] for e in headlog.entries(path=ws.path)[0] if e["kind"] == "backup"]


def test_the_window_gets_the_report_and_the_disk_s_refusal_as_a_warning(tmp_path, monkeypatch):
    from recap_app.ui import operations

    certs = real_certificates("rekap")
    with Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        title, columns, values = regency_args(ws, "33.01", certs)
        path = write_xlsx(tmp_path / "33.01.xlsx", [db1_grid(ws.election, title, columns, values)])

        def fsync(fd):
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "fsync", fsync)
        rep = operations.import_files(ws, lambda *a: None, lambda: False, paths=[path], actor="tester")
        assert [f.status for f in rep.files] == ["diterima"]
        assert any("tidak dapat dipastikan tertulis ke disk" in w for w in ws.warnings)
