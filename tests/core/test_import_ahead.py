"""Reading ahead (core/importer/ahead.py): the next files read in a forked child while each file
is stored give the same reports and the same stored rows as reading every file in process; a
refused file, a child that dies and accepted aliases all fall back to the in-process read."""

import os
import signal

import pytest
from fixtures_import import db1_grid, regency_args, write_xlsx

from recap_app.core.demo import real_certificates
from recap_app.core.importer import ahead, import_files
from recap_app.core.store import Workspace

pytestmark = pytest.mark.skipif(not ahead.usable([1, 2]), reason="reading ahead needs Linux, fork, one thread")

KODES = ("33.01", "33.02", "33.19", "33.72", "33.74")


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """Five real regency workbooks, a damaged file and a file of another election in between."""
    out = tmp_path_factory.mktemp("buku")
    certs = real_certificates("rekap")
    paths = []
    with Workspace.create(out / "build.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        for kode in KODES:
            title, columns, values = regency_args(ws, kode, certs)
            paths.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
    (out / "rusak.xlsx").write_bytes(b"PK\x03\x04 not a zip at all")
    (out / "kosong.csv").write_text("", encoding="utf-8")
    return paths[:2] + [out / "rusak.xlsx"] + paths[2:4] + [out / "kosong.csv"] + paths[4:]


def stored(ws):
    """What an import leaves, comparable across workspaces (no ids, no times)."""
    cells = ws.conn.execute(
        """SELECT c.region_kode, r.number, x.kolom, x.field, x.value FROM cell x JOIN revision r ON r.id = x.revision_id
           JOIN certificate c ON c.id = r.certificate_id ORDER BY 1, 2, 3, 4""").fetchall()
    revisions = ws.conn.execute(
        """SELECT c.region_kode, r.number, r.columns, r.content_sha256, s.name, s.sha256 FROM revision r
           JOIN certificate c ON c.id = r.certificate_id LEFT JOIN source_file s ON s.id = r.source_file_id
           ORDER BY 1, 2""").fetchall()
    findings = ws.conn.execute(
        "SELECT scope, key, code, severity, expected, actual, message FROM finding ORDER BY 1, 2, 3").fetchall()
    actions = [r[0] for r in ws.conn.execute("SELECT action FROM audit ORDER BY id")]
    return cells, revisions, findings, actions


def children(monkeypatch, then=None) -> list:
    """Every ReadAhead made from now on, in a list (``then(child)`` run on each as it is made)."""
    made = []
    real = ahead.ReadAhead.__init__

    def spy(self, paths, prepare):
        real(self, paths, prepare)
        if then is not None:
            then(self)
        made.append(self)

    monkeypatch.setattr(ahead.ReadAhead, "__init__", spy)
    return made


def reports(rep):
    return rep.to_dict()["files"]


def imported(tmp_path, name, paths, **kw):
    ws = Workspace.create(tmp_path / f"{name}.sqlite", "pilpres-2019-jateng", actor="tester")
    rep = import_files(ws, paths, "tester", **kw)
    return ws, rep


def test_reading_ahead_stores_and_reports_exactly_what_reading_in_process_does(tmp_path, books):
    here, rep_here = imported(tmp_path, "here", books)
    there, rep_there = imported(tmp_path, "there", books, read_ahead=True)
    assert reports(rep_there) == reports(rep_here)
    assert [f.status for f in rep_there.files] == ["diterima"] * 2 + ["ditolak"] + ["diterima"] * 2 + ["ditolak",
                                                                                                         "diterima"]
    assert stored(there) == stored(here)
    assert len(stored(there)[1]) == 5


def test_a_child_that_dies_leaves_the_rest_to_the_parent(tmp_path, books, monkeypatch):
    """The child killed after its first file: every later file is read in process, nothing lost."""
    made = children(monkeypatch)
    real_get = ahead.ReadAhead.get

    def get(self, i):
        if i == 1:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)  # what it sent before it died is still read, then the pipe ends
            self._reaped = True
        return real_get(self, i)

    monkeypatch.setattr(ahead.ReadAhead, "get", get)
    ws, rep = imported(tmp_path, "killed", books, read_ahead=True)
    here, rep_here = imported(tmp_path, "here", books)
    assert made and made[0]._broken
    assert reports(rep) == reports(rep_here)
    assert stored(ws) == stored(here)


def test_no_child_where_other_threads_run_or_for_one_file(tmp_path, books):
    import threading

    assert ahead.usable(books) and not ahead.usable(books[:1])
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not ahead.usable(books)  # the window's import runs on a worker thread: never forked there
    finally:
        stop.set()
        t.join()


def test_the_child_never_writes_and_leaves_no_process(tmp_path, books, monkeypatch):
    made = children(monkeypatch)
    ws, rep = imported(tmp_path, "w", books, read_ahead=True)
    assert rep.files[-1].status == "diterima"
    assert made and not made[0].alive() and _state(made[0].pid) == ""  # ended and reaped: not even a zombie
    assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_aliases_accepted_by_one_file_are_used_for_the_next_as_in_process(tmp_path):
    """A near spelling accepted (--accept-names) in the first file becomes an alias: the same
    spelling in a later file is then an alias, not a near match, with or without reading ahead."""
    import copy

    certs = real_certificates("rekap")
    paths = []
    with Workspace.create(tmp_path / "build.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        title, columns, values = regency_args(ws, "33.01", certs)
        kode, nama = columns[0]
        near = [(kode, nama[:-1] + nama[-1].upper() + "H")] + columns[1:]  # "Dayeuhluh" style typo
        paths.append(write_xlsx(tmp_path / "a.xlsx", [db1_grid(ws.election, title, near, values)]))
        t2, c2, v2 = regency_args(ws, "33.02", certs)
        paths.append(write_xlsx(tmp_path / "b.xlsx", [db1_grid(ws.election, t2, c2, v2)]))
        changed = copy.deepcopy(values)
        changed[kode]["paslon_1"] += 10
        paths.append(write_xlsx(tmp_path / "c.xlsx", [db1_grid(ws.election, title, near, changed)]))
    here, rep_here = imported(tmp_path, "here", paths, accept_names=True)
    there, rep_there = imported(tmp_path, "there", paths, accept_names=True, read_ahead=True)
    assert [n["match"] for n in rep_here.files[0].names] == ["near"]
    assert [n["match"] for n in rep_here.files[2].names] == ["alias"]
    assert reports(rep_there) == reports(rep_here)
    assert stored(there) == stored(here)


def _state(pid):
    """The process's state letter from /proc ("Z" for a zombie), or "" when it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


def test_a_child_whose_parent_dies_leaves_at_once(tmp_path, books):
    """The parent killed while the child waits on a full pipe: the child's write fails and it
    leaves (it holds no copy of the pipe's reading end), instead of waiting for ever."""
    import subprocess
    import sys
    import time

    code = f"""
import os, sys
from pathlib import Path
from recap_app.core.importer import ahead
paths = [Path({str(books[0])!r})] * 200
r = ahead.ReadAhead(paths, lambda p: (p.read_bytes() * 40, None, []))
print(r.pid, flush=True)
import time; time.sleep(1)  # the pipe fills; nobody reads
os._exit(0)
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    pid = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 10
    while _state(pid) not in ("", "Z", "X") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _state(pid) in ("", "Z", "X")


def test_a_stopped_child_is_given_up_after_a_while(tmp_path, books, monkeypatch):
    """A child that sends nothing (SIGSTOP) is stopped after PATIENCE seconds and the parent
    reads the rest itself: the same reports and rows as reading in process."""
    monkeypatch.setattr(ahead, "PATIENCE", 0.5)
    made = children(monkeypatch, then=lambda child: os.kill(child.pid, signal.SIGSTOP))
    ws, rep = imported(tmp_path, "stopped", books, read_ahead=True)
    here, rep_here = imported(tmp_path, "here", books)
    assert made and made[0]._broken and not made[0].alive() and _state(made[0].pid) == ""
    assert reports(rep) == reports(rep_here)
    assert stored(ws) == stored(here)


def test_the_child_writes_figures_without_loading_babel(tmp_path, books, monkeypatch):
    """Neither process of an import loads Babel to write the figures in the rules' messages
    (core/formatting.py writes whole numbers with CLDR's group symbol itself)."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", (
        "import sys\nfrom recap_app.core import formatting\n"
        "print(formatting.number(16825511), formatting.figure(-1234), 'babel' in sys.modules)")],
        capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["16.825.511", "-1.234", "False"]
    said = tmp_path / "anak.txt"
    real = ahead._child

    def child(fd, paths, prepare):  # in the child: after each file, before sending it, what it has loaded
        def prepared(path):
            out = prepare(path)
            said.write_text(str(sorted(m for m in sys.modules if m.startswith("babel"))))
            return out

        return real(fd, paths, prepared)

    monkeypatch.setattr(ahead, "_child", child)
    monkeypatch.delitem(sys.modules, "babel.numbers", raising=False)
    ws, rep = imported(tmp_path, "babel", books, read_ahead=True)
    with ws:
        assert [f.status for f in rep.files].count("diterima") == 5
    assert "babel.numbers" not in said.read_text()


def _cli_workspace(tmp_path):
    from click.testing import CliRunner

    from recap_app.cli import main

    tmp_path.mkdir(parents=True, exist_ok=True)
    db = tmp_path / "ctrlc.sqlite"
    r = CliRunner().invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", str(db)])
    assert r.exit_code == 0, r.output
    return db


def test_ctrl_c_during_an_import_finishes_the_file_being_stored_and_reports_the_rest(tmp_path, books, monkeypatch):
    """The first Ctrl+C: the file being stored is finished, the later ones are reported as not
    imported (nothing of them stored), the report and the backup still come; exit 1."""
    from click.testing import CliRunner

    import recap_app.core.importer as importer
    from recap_app.cli import main

    db = _cli_workspace(tmp_path)
    before = signal.getsignal(signal.SIGINT)  # another test (or pytest) may have set its own
    real = importer.import_bytes
    seen = []

    def interrupted_after_the_second(ws, name, data, actor, **kw):
        rep = real(ws, name, data, actor, **kw)
        seen.append(name)
        if len(seen) == 2:
            os.kill(os.getpid(), signal.SIGINT)  # as a clerk's Ctrl+C, while the second file is stored
        return rep

    monkeypatch.setattr(importer, "import_bytes", interrupted_after_the_second)
    good = [p for p in books if p.suffix == ".xlsx" and p.name != "rusak.xlsx"]
    r = CliRunner().invoke(main, ["import", "--db", str(db), "--format", "json", *map(str, good)])
    assert r.exit_code == 1
    assert seen == [good[0].name, good[1].name]
    assert "Dibatalkan: berkas yang sedang disimpan diselesaikan" in r.stderr
    import json

    files = json.loads(r.stdout)["files"]
    assert [f["status"] for f in files] == ["diterima", "diterima", "ditolak", "ditolak", "ditolak"]
    assert {f["code"] for f in files[2:]} == {"cancelled"}
    seen.clear()
    r = CliRunner().invoke(main, ["import", "--db", str(db), *map(str, good)])  # the text report, again
    assert r.exit_code == 1
    assert ("DIBATALKAN  3 berkas tidak diimpor (impor dibatalkan sebelum berkas-berkas ini; tidak ada yang disimpan "
            f"dari berkas-berkas ini):\n  {good[2].name}, {good[3].name}, {good[4].name}") in r.stdout
    assert "Ringkasan: 0 diterima, 2 sudah ada, 0 ditolak, 3 tidak diimpor karena dibatalkan." in r.stdout
    with Workspace.open(db, readonly=True) as ws:
        assert [r[0] for r in ws.conn.execute("SELECT region_kode FROM certificate ORDER BY 1")] == ["33.01", "33.02"]
        assert ws.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'backup.create'").fetchone()[0] == 1
    assert signal.getsignal(signal.SIGINT) is before  # Ctrl+C is itself again


def test_a_ctrl_c_after_the_last_file_says_that_nothing_was_cancelled(tmp_path, books, monkeypatch):
    """Ctrl+C while the last file is stored (or the backup made): every file was imported, and the
    command says so instead of leaving "berkas yang belum dimulai tidak diimpor" unanswered."""
    from click.testing import CliRunner

    import recap_app.core.importer as importer
    from recap_app.cli import main

    db = _cli_workspace(tmp_path)
    real = importer.import_bytes
    good = [p for p in books if p.suffix == ".xlsx" and p.name != "rusak.xlsx"]

    def interrupted_at_the_last(ws, name, data, actor, **kw):
        rep = real(ws, name, data, actor, **kw)
        if name == good[-1].name:
            os.kill(os.getpid(), signal.SIGINT)
        return rep

    monkeypatch.setattr(importer, "import_bytes", interrupted_at_the_last)
    r = CliRunner().invoke(main, ["import", "--db", str(db), *map(str, good)])
    assert r.exit_code == 0, r.output
    assert "Ringkasan: 5 diterima, 0 sudah ada, 0 ditolak." in r.stdout
    assert ("Ctrl+C datang sesudah berkas terakhir mulai disimpan: semua berkas sudah diproses, tidak ada yang "
            "dibatalkan (lihat laporan).") in r.stderr


def test_a_second_ctrl_c_stops_at_once_and_keeps_nothing_of_that_file(tmp_path, books, monkeypatch):
    from click.testing import CliRunner

    from recap_app.cli import main
    from recap_app.core import certificate

    db = _cli_workspace(tmp_path)
    before = signal.getsignal(signal.SIGINT)
    real = certificate.record_revision
    calls = []

    def twice(ws, kode, *a, **kw):
        calls.append(kode)
        if len(calls) == 2:  # inside the second file's transaction: two Ctrl+C
            os.kill(os.getpid(), signal.SIGINT)
            os.kill(os.getpid(), signal.SIGINT)
        return real(ws, kode, *a, **kw)

    monkeypatch.setattr(certificate, "record_revision", twice)
    good = [p for p in books if p.suffix == ".xlsx" and p.name != "rusak.xlsx"]
    r = CliRunner().invoke(main, ["import", "--db", str(db), *map(str, good)])
    assert r.exit_code == 1 and r.stdout == ""
    assert ("Dibatalkan seketika: berkas yang sedang disimpan tidak disimpan; 1 berkas yang sudah diterima "
            f"sebelumnya tetap tersimpan: 33.01.xlsx. Periksa dengan: recap status --db {db}") in r.stderr
    with Workspace.open(db, readonly=True) as ws:
        assert [r[0] for r in ws.conn.execute("SELECT region_kode FROM certificate ORDER BY 1")] == ["33.01"]
        assert ws.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0] == 1
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_to_a_real_import_leaves_whole_files_only(tmp_path, books):
    """A real process and a real SIGINT at some moment of the import: whatever moment, each file is
    stored whole or not at all, the report names what happened and the chain verifies."""
    import subprocess
    import sys
    import time

    from recap_app.core import audit

    good = [str(p) for p in books if p.suffix == ".xlsx" and p.name != "rusak.xlsx"]
    for wait in (0.3, 0.5, 0.8):  # before, during and near the end of the import, on most machines
        db = _cli_workspace(tmp_path / str(wait))
        proc = subprocess.Popen([sys.executable, "-m", "recap_app", "import", "--db", str(db), *good],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(wait)
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
        # a report, or "Dibatalkan." before the import started (then Python may also end by the signal itself)
        assert proc.returncode in (0, 1, -signal.SIGINT), (wait, err)
        assert "Traceback" not in err, err
        with Workspace.open(db, readonly=True) as ws:
            revisions = ws.conn.execute("SELECT id FROM revision").fetchall()
            if "DITERIMA" in out or "ditolak" in out.lower():
                assert len(revisions) == out.count("DITERIMA"), (wait, out)
            for (rid,) in revisions:
                ws.revision_values(rid)  # every stored file whole: its cells match its SHA-256
            assert audit.verify_chain(ws).ok and not audit.verify_content(ws)


def test_a_workspace_changed_outside_the_program_is_refused_the_same_with_reading_ahead(tmp_path, books):
    """The read-ahead checks the protected state while the child reads the first file; a change
    made outside the program is still met by the first file's transaction, as without it."""
    import sqlite3

    results = []
    for name, kw in (("here", {}), ("there", {"read_ahead": True})):
        ws = Workspace.create(tmp_path / f"{name}.sqlite", "pilpres-2019-jateng", actor="tester")
        ws.close()
        with sqlite3.connect(tmp_path / f"{name}.sqlite") as raw:
            raw.execute("UPDATE region SET nama = 'DIUBAH' WHERE kode = '33.01.01'")
        ws = Workspace.open(tmp_path / f"{name}.sqlite")
        with ws:
            try:
                rep = import_files(ws, books, "tester", **kw)
            except Exception as exc:  # noqa: BLE001 - what each way gives is compared
                results.append((type(exc).__name__, getattr(exc, "code", None)))
            else:
                results.append([(f.status, f.code) for f in rep.files])
            assert ws.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0] == 0
    assert results[0] == results[1]
    assert "tampered" in str(results[0])
