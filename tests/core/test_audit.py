"""The audit hash chain: every kind of tampering outside the program is found, and where."""

import json
import sqlite3

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit, backup, headlog, integrity
from recap_app.core.store import GENESIS_HASH, Workspace, audit_hash

GUARDS = {
    "audit_no_update": "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
                       "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "audit_no_delete": "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
                       "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "audit_seal_on_insert": "CREATE TRIGGER audit_seal_on_insert AFTER INSERT ON audit BEGIN "
                            "SELECT recap_audit_seal(); UPDATE audit_seal SET n = n + 1, last_id = NEW.id, "
                            "last_hash = NEW.hash WHERE id = 1; END",
    "audit_seal_guard": "CREATE TRIGGER audit_seal_guard BEFORE UPDATE ON audit_seal "
                        "BEGIN SELECT recap_audit_seal(); END",
}


def tamper(path, *statements, restore_triggers=True):
    """What someone with the file and the sqlite3 tool can do: drop the guards, edit, put them back."""
    raw = sqlite3.connect(path, isolation_level=None)
    kept = dict(raw.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall())
    for name in GUARDS:
        raw.execute(f"DROP TRIGGER IF EXISTS {name}")
    for st in statements:
        if isinstance(st, tuple):
            raw.execute(*st)
        else:
            raw.execute(st)
    if restore_triggers:  # word for word, as a careful forger would (the schema is under the chain)
        for name, sql in GUARDS.items():
            raw.execute(kept.get(name, sql))
    raw.close()


def verify(path, anchors=None):
    with Workspace.open(path, readonly=True) as w:
        return audit.verify_chain(w, anchors)


def problems(rep):
    return [(p.kind, p.record_id) for p in rep.problems]


@pytest.fixture
def demo(demo_ws):
    """The demo workspace (37 audit records) closed, as a path to tamper with."""
    path = demo_ws.path
    demo_ws.close()
    return path


def test_intact_chain_holds(demo):
    rep = verify(demo)
    assert rep.ok and rep.records == 37 and rep.last_id == 37
    assert rep.summary() == f"Rantai audit utuh: 37 catatan, terakhir #37, hash {rep.last_hash}."


def test_changed_record_found_by_id(demo):
    tamper(demo, "UPDATE audit SET actor = 'penyusup' WHERE id = 5")
    rep = verify(demo)
    assert problems(rep) == [("changed", 5)]
    assert rep.problems[0].message.startswith("Catatan audit #5 (certificate.demo oleh penyusup, ")
    assert rep.problems[0].message.endswith("telah diubah di luar program: isinya tidak cocok lagi dengan hash-nya.")
    assert rep.summary() == "Rantai audit RUSAK: 1 masalah ditemukan pada 37 catatan."


def test_changed_figure_in_a_record(demo):
    with sqlite3.connect(demo) as raw:
        after = json.loads(raw.execute("SELECT after FROM audit WHERE id = 20").fetchone()[0])
    after["sha256"] = "0" * 64
    tamper(demo, ("UPDATE audit SET after = ? WHERE id = 20", (json.dumps(after, sort_keys=True),)))
    assert problems(verify(demo)) == [("changed", 20)]


def test_record_removed_from_the_middle(demo):
    tamper(demo, "DELETE FROM audit WHERE id = 10")
    rep = verify(demo)
    assert problems(rep) == [("missing", 11), ("link", 11), ("seal", 37)]
    assert rep.problems[0].message == ("Catatan audit #10 hilang (dihapus di luar program): setelah #9 langsung #11.")


def test_several_records_removed(demo):
    tamper(demo, "DELETE FROM audit WHERE id BETWEEN 3 AND 6")
    rep = verify(demo)
    assert problems(rep)[:2] == [("missing", 7), ("link", 7)]
    assert rep.problems[0].message == "Catatan audit #3 sampai #6 hilang (dihapus di luar program): setelah #2 langsung #7."


def test_first_record_removed(demo):
    tamper(demo, "DELETE FROM audit WHERE id = 1")
    assert problems(verify(demo)) == [("missing", 2), ("link", 2), ("seal", 37)]


def test_last_record_removed_shows_on_the_seal(demo):
    tamper(demo, "DELETE FROM audit WHERE id = 37")
    rep = verify(demo)
    assert problems(rep) == [("seal", 36)]
    assert rep.problems[0].message.startswith("Segel audit mencatat 37 catatan sampai #37 (hash ")
    assert rep.problems[0].message.endswith("ditemukan 36 catatan sampai #36 (hash "
                                            f"{rep.last_hash[:16]}...): 1 catatan hilang (dihapus di luar program).")


def _forged(path, rid, prev_hash, actor="penyusup"):
    row = {"id": rid, "at": "2019-05-21T00:00:00+00:00", "actor": actor, "action": "certificate.demo",
           "entity": "certificate:33.01", "before": None, "after": '{"revision": 9}'}
    return ("INSERT INTO audit (id, at, actor, action, entity, before, after, prev_hash, hash) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rid, row["at"], row["actor"], row["action"], row["entity"], row["before"], row["after"], prev_hash,
             audit_hash(prev_hash, row)))


def test_record_appended_with_a_correct_hash_shows_on_the_seal(demo):
    with sqlite3.connect(demo) as raw:
        last_hash = raw.execute("SELECT hash FROM audit WHERE id = 37").fetchone()[0]
    tamper(demo, _forged(demo, 38, last_hash))
    rep = verify(demo)
    assert problems(rep) == [("seal", 38)]
    assert rep.problems[0].message.endswith("1 catatan ditambahkan di luar program.")


def test_record_replaced_in_the_middle(demo):
    with sqlite3.connect(demo) as raw:
        prev = raw.execute("SELECT hash FROM audit WHERE id = 14").fetchone()[0]
    tamper(demo, "DELETE FROM audit WHERE id = 15", _forged(demo, 15, prev))
    assert problems(verify(demo)) == [("link", 16)]


def test_record_inserted_with_a_fresh_id_in_a_gap(demo):
    # ids are contiguous; an inserted record needs a renumbering, which breaks the chain
    tamper(demo, "DELETE FROM audit WHERE id = 37", "UPDATE audit SET id = -id WHERE id >= 30",
           "UPDATE audit SET id = 1 - id WHERE id < 0",
           _forged(demo, 30, "f" * 64))
    rep = verify(demo)
    found = problems(rep)
    assert found[:3] == [("link", 30), ("link", 31), ("changed", 31)]
    assert found[-1] == ("seal", 37) and [k for k, _ in found].count("changed") == 7  # 31..37 renumbered


def test_whole_chain_rewritten_is_caught_by_the_backup_anchor(tmp_path, demo):
    ws = Workspace.open(demo)
    info = backup.auto_backup(ws, "import")
    assert info is not None and info.audit_last_id == 37
    ws.close()
    # rewrite record 3 and recompute every hash after it, the seal included: a perfect forgery
    raw = sqlite3.connect(demo, isolation_level=None)
    raw.create_function("recap_audit_seal", 0, lambda: 1)
    original = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'").fetchone()[0]
    for name in ("audit_no_update",):
        raw.execute(f"DROP TRIGGER {name}")
    rows = raw.execute("SELECT id, at, actor, action, entity, before, after, state FROM audit ORDER BY id").fetchall()
    prev = GENESIS_HASH
    for r in rows:
        row = dict(zip(("id", "at", "actor", "action", "entity", "before", "after", "state"), r, strict=True))
        if row["id"] == 3:
            row["actor"] = "penyusup"
        h = audit_hash(prev, row)
        raw.execute("UPDATE audit SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?", (row["actor"], prev, h, row["id"]))
        prev = h
    raw.execute("UPDATE audit_seal SET last_hash = ?", (prev,))
    raw.execute(original)  # the trigger put back word for word (the schema is under the chain too)
    raw.close()
    assert verify(demo).ok  # the chain alone cannot see it ...
    with Workspace.open(demo, readonly=True) as ws:
        rep = integrity.verify(ws)
    # ... the head log outside the file remembers #37 and #38 (the backup's record): the earliest is named
    assert problems(rep) == [("anchor", 37)]
    assert rep.problems[0].message.startswith("Riwayat ditulis ulang di luar program: catatan audit #37 berbeda dari "
                                              "yang tercatat di log kepala rantai di luar berkas (hash ")
    assert rep.problems[0].message.endswith("; 1 kepala rantai lain yang tercatat juga tidak cocok.")
    # on another computer (no head log), the backup's own head (#37, copied before its record) still can
    headlog.log_path().unlink()
    with Workspace.open(demo, readonly=True) as ws:
        rep = integrity.verify(ws)
    assert problems(rep) == [("anchor", 37)] and rep.anchor_sources == {"cadangan": 1}
    assert "tercatat di cadangan demo-" in rep.problems[0].message


def test_dropped_trigger_and_seal_are_reported(demo):
    tamper(demo, restore_triggers=False)
    rep = verify(demo)
    assert problems(rep) == [("trigger", None)] * 4
    assert rep.problems[1].message == ("Pemicu pelindung audit 'audit_no_delete' telah dihapus di luar program: log "
                                       "audit dapat diubah tanpa terlihat.")
    raw = sqlite3.connect(demo)
    raw.execute("DROP TRIGGER audit_seal_no_delete")
    raw.execute("DELETE FROM audit_seal")
    raw.commit()
    raw.close()
    assert ("seal", None) in problems(verify(demo))


def test_cli_audit_verify_exit_codes(demo):
    r = CliRunner().invoke(main, ["audit", "verify", "--db", str(demo)])
    assert r.exit_code == 0 and r.output.startswith("Rantai audit utuh: 37 catatan, terakhir #37, hash ")
    tamper(demo, "UPDATE audit SET entity = 'certificate:33.02' WHERE id = 7")
    r = CliRunner().invoke(main, ["audit", "verify", "--db", str(demo)])
    assert r.exit_code == 1
    lines = r.output.splitlines()
    assert lines[0] == "Rantai audit RUSAK: 3 masalah ditemukan pada 37 catatan."
    assert lines[1].startswith("- Catatan audit #7 (certificate.demo oleh ")
    # the record of 33.05's revision now names 33.02: one revision looks unaudited, the other mismatched
    assert lines[2:4] == ["- Revisi 1 sertifikat 33.02: SHA-256 tersimpan berbeda dari yang tercatat di log audit "
                          "(diubah di luar program).",
                          "- Revisi 1 sertifikat 33.05 tidak tercatat di log audit (disisipkan di luar program)."]
    # the anchors it used are named: the head log outside the file (no office key on this computer)
    assert lines[4] == "Jangkar yang diperiksa: 2 log kepala rantai di luar berkas."
    r = CliRunner().invoke(main, ["audit", "verify", "--db", str(demo), "--format", "json"])
    data = json.loads(r.output)
    assert r.exit_code == 1 and data["ok"] is False and data["problems"][0]["record_id"] == 7


# ----------------------------------------------------------------- the figures themselves
def content(path):
    with Workspace.open(path, readonly=True) as w:
        return [(p.kind, p.message) for p in audit.verify_content(w)]


def test_intact_figures_hold(demo):
    assert content(demo) == []


def test_figure_changed_in_the_database(demo):
    raw = sqlite3.connect(demo)
    rid = raw.execute("SELECT r.id FROM revision r JOIN certificate c ON c.id = r.certificate_id "
                      "WHERE c.region_kode = '33.75'").fetchone()[0]
    raw.execute("UPDATE cell SET value = 138320 WHERE revision_id = ? AND kolom = 'JUMLAH' AND field = 'paslon_1'",
                (rid,))
    raw.commit()
    raw.close()
    assert content(demo) == [("content", "Revisi 1 sertifikat 33.75: angkanya telah diubah di luar program (isinya "
                                         "tidak cocok lagi dengan SHA-256 yang tercatat).")]
    assert verify(demo).ok  # the chain itself is untouched: only the content check sees it


def test_figure_and_its_hash_changed(demo):
    from recap_app.core.store import values_sha256

    with Workspace.open(demo) as w:
        info = w.latest_revision("33.01")
        values = w.revision_values(info.id)
    values["JUMLAH"]["paslon_2"] += 1000
    raw = sqlite3.connect(demo)
    raw.execute("UPDATE cell SET value = ? WHERE revision_id = ? AND kolom = 'JUMLAH' AND field = 'paslon_2'",
                (values["JUMLAH"]["paslon_2"], info.id))
    raw.execute("UPDATE revision SET content_sha256 = ? WHERE id = ?", (values_sha256(list(info.columns), values), info.id))
    raw.commit()
    raw.close()
    assert content(demo) == [("unaudited", "Revisi 1 sertifikat 33.01: SHA-256 tersimpan berbeda dari yang tercatat "
                                           "di log audit (diubah di luar program).")]


def test_revision_inserted_without_the_program(demo):
    raw = sqlite3.connect(demo)
    cert, cols, sha = raw.execute("SELECT certificate_id, columns, content_sha256 FROM revision WHERE id = 1").fetchone()
    raw.execute("INSERT INTO revision (certificate_id, kind, number, columns, created_at, created_by, content_sha256) "
                "VALUES (?, 'resmi', 2, ?, '2019-05-21T00:00:00+00:00', 'penyusup', ?)", (cert, cols, sha))
    new = raw.execute("SELECT MAX(id) FROM revision").fetchone()[0]
    raw.execute("INSERT INTO cell SELECT ?, kolom, field, value FROM cell WHERE revision_id = 1", (new,))
    kode = raw.execute("SELECT region_kode FROM certificate WHERE id = ?", (cert,)).fetchone()[0]
    raw.commit()
    raw.close()
    assert content(demo) == [("unaudited", f"Revisi 2 sertifikat {kode} tidak tercatat di log audit (disisipkan di "
                                           "luar program).")]
    r = CliRunner().invoke(main, ["audit", "verify", "--db", str(demo)])
    lines = r.output.splitlines()
    assert r.exit_code == 1 and lines[0] == "Rantai audit RUSAK: 2 masalah ditemukan pada 37 catatan."
    # the list of revisions is protected state too: its digest differs from the one record #37 left
    assert lines[2] == ("- Daftar revisi sertifikat (revision) berbeda dari yang tercatat di log audit #37 (diubah di "
                        "luar program).")


# ----------------------------------------------------------------- viewer queries
def test_queries(demo_ws):
    assert audit.count(demo_ws) == 37
    assert audit.actions(demo_ws) == ["certificate.demo", "workspace.create", "workspace.demo"]
    assert audit.actors(demo_ws) == ["tester"]
    recs = audit.query(demo_ws, action="certificate.", limit=3)
    assert [r.id for r in recs] == [37, 36, 35]
    assert recs[0].after["reason"] == "data contoh Pilpres 2019"
    assert [r.id for r in audit.query(demo_ws, entity="certificate:", newest_first=False, limit=2)] == [3, 4]
    hist = audit.history(demo_ws, "certificate:33.75")
    assert len(hist) == 1 and hist[0].after["revision"] == 1
    assert audit.query(demo_ws, actor="TESTER", action="workspace.create")[0].id == 1
    assert audit.query(demo_ws, text="data contoh", limit=1000)[-1].id == 3
    assert audit.query(demo_ws, actor="orang-lain") == []


def test_the_head_log_is_written_again_after_its_folder_was_removed(demo_ws):
    """The head log's folder is made once per process; a folder removed meanwhile (a clean-up of
    the data folder) is made again at the next commit, the head still noted."""
    import shutil

    folder = headlog.log_path().parent
    demo_ws.set_setting("office.chair", "Ketua Satu", actor="tester")
    assert headlog.log_path().is_file()
    shutil.rmtree(folder)
    demo_ws.set_setting("office.chair", "Ketua Dua", actor="tester")
    entries, bad = headlog.entries(path=demo_ws.path)
    last = demo_ws.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert bad == 0 and [(e["audit_id"], e["audit_hash"]) for e in entries] == [tuple(last)]


def test_every_kind_of_problem_has_its_english_meaning():
    """The English window says what a problem means before its Indonesian message: every kind the
    checks give (scanned from the sources, one line or two) has a meaning in audit.PROBLEM_EN."""
    import re
    from pathlib import Path

    from recap_app.core.audit import PROBLEM_EN, Problem, problem_english

    core = Path(__file__).resolve().parents[2] / "recap_app" / "core"
    kinds = set()
    for f in core.rglob("*.py"):
        kinds |= set(re.findall(r"Problem\(\s*\"([a-z_]+)\"", f.read_text(encoding="utf-8")))
    assert {"changed", "link", "seal", "state", "signature", "extra"} <= kinds
    assert kinds <= set(PROBLEM_EN), kinds - set(PROBLEM_EN)
    assert problem_english(Problem("link", 41, "Catatan #41 tidak menyambung.")) == (
        "An audit record does not follow the one before it: the chain is broken (record #41) [link]. "
        "In Indonesian, as recorded: Catatan #41 tidak menyambung.")
    assert problem_english(Problem("extra", "index.html", "x")).startswith(
        "A file is in the folder that the signed manifest does not list (index.html) [extra].")
