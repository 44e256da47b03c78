"""Tests for core/store.py and core/election.py: workspaces, schema, revisions, audit chain."""

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core import certificate
from recap_app.core.domain import JUMLAH
from recap_app.core.election import list_elections, load_election
from recap_app.core.errors import ElectionError, WorkspaceError
from recap_app.core.store import GENESIS_HASH, Workspace, audit_hash
from recap_app.core.totals import province_totals


def test_shipped_elections():
    ids = {e.id: e for e in list_elections()}
    assert set(ids) == {"pilpres-2019-jateng", "pilgub-jateng-2018", "pilpres-2024-jateng", "pilgub-jateng-2024",
                        "dpr-2024-jateng", "dpd-2024-jateng", "dprd-provinsi-2024-jateng"}
    assert [p.nama_singkat for p in ids["pilgub-jateng-2018"].form.contestants] == [
        "Ganjar Pranowo - Taj Yasin Maimoen", "Sudirman Said - Ida Fauziyah"]
    assert len(ids["pilpres-2024-jateng"].form.contestants) == 3
    assert ids["pilgub-jateng-2024"].form.contestants[1].nama_singkat == "Ahmad Luthfi - Taj Yasin Maimoen"
    for e, n in (("pilpres-2019-jateng", 573), ("pilgub-jateng-2018", 573), ("pilpres-2024-jateng", 576),
                 ("pilgub-jateng-2024", 576)):
        regions = ids[e].regions
        assert sum(r.tingkat == "kecamatan" for r in regions) == n
        assert sum(r.tingkat == "kabupaten_kota" for r in regions) == 35
    assert ids["pilgub-jateng-2018"].reserve_percent == 2.5
    assert [c.key for c in ids["pilgub-jateng-2018"].voter_categories] == ["dpt", "dpph", "dptb"]


def test_unknown_election():
    with pytest.raises(ElectionError, match="tidak dikenal"):
        load_election("pilkada-mars-2099")


def test_form_fields_pilpres_2019():
    e = load_election("pilpres-2019-jateng")
    keys = e.form.field_keys
    for k in ("dpt_l", "dpt_p", "dpt", "dptb", "dpk", "pemilih", "pengguna_dpt_l", "pengguna_hak_pilih",
              "surat_suara_diterima", "surat_suara_digunakan", "disabilitas", "pengguna_disabilitas",
              "paslon_1", "paslon_2", "suara_sah", "suara_tidak_sah", "jumlah_suara"):
        assert k in keys
    assert len(keys) == len(set(keys)) == 3 * 8 + 4 + 3 * 2 + 2 + 3
    assert e.form.field_by_key["dpt"].parts == ("dpt_l", "dpt_p")
    assert e.form.field_by_key["pemilih_l"].parts == ("dpt_l", "dptb_l", "dpk_l")
    assert e.form.field_by_key["suara_sah"].parts == ("paslon_1", "paslon_2")
    assert e.form.field_by_key["jumlah_suara"].parts == ("suara_sah", "suara_tidak_sah")
    assert e.form.field_label("dpt_l") == "I.A.1 Jumlah pemilih dalam Daftar Pemilih Tetap (DPT) (LK)"


def test_create_holds_regions_and_refuses_overwrite(tmp_path):
    path = tmp_path / "w.sqlite"
    ws = Workspace.create(path, "pilpres-2024-jateng", actor="a")
    assert len(ws.regencies()) == 35
    assert len(ws.regions("kecamatan")) == 576
    assert [r.kode for r in ws.columns_of("33.75")] == ["33.75.01", "33.75.02", "33.75.03", "33.75.04"]
    ws.close()
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(WorkspaceError, match="sudah ada"):
        Workspace.create(path, "pilpres-2019-jateng")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_pragmas_and_strict(ws):
    assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert ws.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    sql = ws.conn.execute("SELECT sql FROM sqlite_master WHERE name = 'cell'").fetchone()[0]
    assert "STRICT" in sql
    with pytest.raises(sqlite3.IntegrityError):
        with ws.transaction():
            ws.conn.execute("INSERT INTO cell VALUES (1, 'x', 'dpt', 'abc')")


def test_revision_roundtrip_blank_is_not_zero(ws):
    cols = ["33.75.01", JUMLAH]
    rid = certificate.record_revision(ws, "33.75", cols, {"33.75.01": {"paslon_1": 5, "paslon_2": 0}, JUMLAH: {"paslon_1": 5}},
                          actor="tester")
    values = ws.revision_values(rid)
    assert values["33.75.01"]["paslon_1"] == 5
    assert values["33.75.01"]["paslon_2"] == 0
    assert values["33.75.01"]["suara_sah"] is None
    assert values[JUMLAH]["paslon_2"] is None
    rid2 = certificate.record_revision(ws, "33.75", cols, {"33.75.01": {"paslon_1": 6}}, actor="tester", reason="koreksi")
    assert [r.number for r in ws.revisions("33.75")] == [1, 2]
    assert ws.latest_revision("33.75").id == rid2
    assert ws.latest_values()["33.75"][1]["33.75.01"]["paslon_1"] == 6


def test_audit_append_only_and_chained(ws):
    certificate.record_revision(ws, "33.01", [JUMLAH], {JUMLAH: {"paslon_1": 1}}, actor="tester")
    rows = list(ws.db.query("SELECT * FROM audit ORDER BY id"))
    assert [r["action"] for r in rows] == ["workspace.create", "certificate.revision"]
    prev = GENESIS_HASH
    for r in rows:
        assert r["prev_hash"] == prev
        assert r["hash"] == audit_hash(prev, r)
        prev = r["hash"]
    assert json.loads(rows[1]["after"])["revision"] == 1
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with ws.transaction():
            ws.conn.execute("UPDATE audit SET actor = 'x'")
    with pytest.raises(sqlite3.IntegrityError, match="append-only"):
        with ws.transaction():
            ws.conn.execute("DELETE FROM audit")


def test_failed_transaction_writes_nothing(ws):
    n = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    with pytest.raises(RuntimeError):
        with ws.transaction():
            certificate.record_revision(ws, "33.01", [JUMLAH], {JUMLAH: {"paslon_1": 1}}, actor="tester")
            raise RuntimeError("boom")
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == n
    assert ws.latest_revision("33.01") is None


def test_open_missing_and_garbage(tmp_path):
    with pytest.raises(WorkspaceError, match="tidak ditemukan"):
        Workspace.open(tmp_path / "nope.sqlite")
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(WorkspaceError, match="bukan ruang kerja"):
        Workspace.open(bad)


def test_demo_totals(demo_ws):
    t = province_totals(demo_ws)
    assert t["received"] == t["expected"] == 35
    assert t["fields"]["paslon_1"] == 16825511
    assert t["fields"]["paslon_2"] == 4944447
    assert t["fields"]["suara_tidak_sah"] is None


def test_figures_changed_outside_the_program_are_refused(demo_ws):
    rid = demo_ws.latest_revision("33.02").id
    demo_ws.conn.execute("UPDATE cell SET value = value + 1000 WHERE revision_id = ? AND kolom = ? "
                         "AND field = 'paslon_2'", (rid, JUMLAH))
    with pytest.raises(WorkspaceError, match="sertifikat 33.02 telah diubah di luar program"):
        province_totals(demo_ws)
    with pytest.raises(WorkspaceError, match="diubah di luar program"):
        demo_ws.revision_values(rid)


def test_open_never_changes_a_file_that_is_not_a_workspace(tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    for path, expected in ((empty, "bukan basis data SQLite"), (other, "basis data SQLite lain")):
        before = path.read_bytes()
        for readonly in (False, True):
            with pytest.raises(WorkspaceError, match=expected):
                Workspace.open(path, readonly=readonly)
        assert path.read_bytes() == before
        assert not Path(str(path) + "-wal").exists()


def test_cells_read_by_column_equal_cell_by_cell(demo_ws):
    """The cells of every revision read a column at a time (SQLite's json_group_object) equal the
    cell-by-cell read, field order included, and so does the read without SQLite's JSON functions."""
    from recap_app.core import store

    class NoJson:  # an SQLite built without its JSON functions
        def __init__(self, conn):
            self.conn = conn

        def execute(self, sql, args=()):
            if "json_group_object" in sql:
                raise sqlite3.OperationalError("no such function: json_group_object")
            return self.conn.execute(sql, args)

    direct: dict = {}
    for rid, kolom, fld, value in demo_ws.conn.execute("SELECT revision_id, kolom, field, value FROM cell"):
        direct.setdefault((rid, kolom), {})[fld] = value
    for conn in (demo_ws.conn, NoJson(demo_ws.conn)):
        got = {(rid, kolom): col for rid, kolom, col in store.cells_by_column(conn, "1 = 1", ())}
        assert got == direct and all(list(got[k]) == list(direct[k]) for k in direct)
    assert len(direct) == 35 + sum(len(demo_ws.columns_of(r.kode)) for r in demo_ws.regencies())  # 573 kecamatan + JUMLAH
    info, values = demo_ws.latest_values()["33.19"]
    assert values == demo_ws.revision_values(info.id) and values["JUMLAH"]["suara_sah"] == 531_798  # Kabupaten Kudus, Pilpres 2019


def test_cells_are_written_in_one_statement_exactly_as_given(tmp_path):
    """The cells of a revision go to SQLite as one JSON document (json_each): the same rows,
    integers and NULLs, as binding them one by one (the way an SQLite without JSON gets them)."""
    import sqlite3

    from recap_app.core.store import _insert_cells

    values = {"33.01.01": {"a": 0, "b": None, "c": 999_999_999}, "JUMLAH": {"a": 7, "b": None, "c": 1}}
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE cell (revision_id INTEGER NOT NULL, kolom TEXT NOT NULL, field TEXT NOT NULL, "
                 "value INTEGER, PRIMARY KEY (revision_id, kolom, field)) STRICT, WITHOUT ROWID")
    _insert_cells(conn, 5, ["33.01.01", "JUMLAH"], values)

    class NoJson:  # an SQLite without its JSON functions
        def execute(self, sql, args=()):
            if "json_each" in sql:
                raise sqlite3.OperationalError("no such table: json_each")
            return conn.execute(sql, args)

        def executemany(self, sql, rows):
            return conn.executemany(sql, rows)

    _insert_cells(NoJson(), 6, ["33.01.01", "JUMLAH"], values)
    rows = conn.execute("SELECT revision_id, kolom, field, value, typeof(value) FROM cell ORDER BY 1, 2, 3").fetchall()
    assert rows[:6] == [(5, "33.01.01", "a", 0, "integer"), (5, "33.01.01", "b", None, "null"),
                        (5, "33.01.01", "c", 999_999_999, "integer"), (5, "JUMLAH", "a", 7, "integer"),
                        (5, "JUMLAH", "b", None, "null"), (5, "JUMLAH", "c", 1, "integer")]
    assert [r[1:] for r in rows[6:]] == [r[1:] for r in rows[:6]]
    with pytest.raises(ValueError, match="duplicate"):
        _insert_cells(conn, 7, ["JUMLAH", "JUMLAH"], values)


def test_a_revision_stored_from_the_plan_s_texts_is_the_one_stored_without_them(tmp_path):
    """insert_revision given the content hash and the cells' document made beforehand (the
    importer's plan, in the read-ahead child) stores exactly what it stores making them itself; given
    figures it must complete first, it makes both again (what was given is not for these)."""
    from recap_app.core.store import cells_json, values_sha256

    ws = Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester")
    keys = ws.election.form_of_region("33.01").field_keys
    columns = [r.kode for r in ws.columns_of("33.01")][:3] + [JUMLAH]
    values = {c: {k: i * 7 + j for j, k in enumerate(keys)} for i, c in enumerate(columns)}

    def stored(rid):
        return ws.conn.execute("SELECT kolom, field, value FROM cell WHERE revision_id = ? ORDER BY 1, 2",
                               (rid,)).fetchall()

    plain = ws.insert_revision("33.01", columns, values, actor="tester")
    given = ws.insert_revision("33.01", columns, values, actor="tester", content_sha256=values_sha256(columns, values),
                               cells_json=cells_json(columns, values))
    assert stored(plain) == stored(given) and len(stored(given)) == len(columns) * len(keys)
    assert ws.revision_info(plain).content_sha256 == ws.revision_info(given).content_sha256
    short = {c: dict(list(v.items())[:-1]) for c, v in values.items()}  # the last field missing: stored blank
    forged = cells_json(columns, {c: dict.fromkeys(keys, 1) for c in columns})
    rid = ws.insert_revision("33.01", columns, short, actor="tester", content_sha256="0" * 64, cells_json=forged)
    assert ws.revision_values(rid) == {c: {**short[c], keys[-1]: None} for c in columns}
    ws.close()


def test_the_migrations_make_the_schema_sqlite_utils_executescript_makes(tmp_path, monkeypatch):
    """schema/script.run_script splits a migration's SQL only at semicolons; the schema (every
    object's SQL text as SQLite keeps it) equals the one made by sqlite-utils' executescript."""
    import sqlite_utils

    from recap_app.core import schema
    from recap_app.core.schema import script

    def made(path):
        conn = sqlite3.connect(path, isolation_level=None)
        schema.register_functions(conn)
        for fn in schema.MIGRATIONS:
            db = sqlite_utils.Database(conn)
            with db.atomic():
                fn(db)
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
        conn.close()
        return rows

    ours = made(tmp_path / "ours.sqlite")
    modules = [m for m in vars(schema).values()
               if getattr(m, "run_script", None) is script.run_script and m is not script]
    for module in modules:
        monkeypatch.setattr(module, "run_script", lambda db, sql: db.executescript(sql))
    theirs = made(tmp_path / "theirs.sqlite")
    assert len(modules) == 8 and len(ours) > 50
    assert ours == theirs
    assert list(script_statements("CREATE TABLE a (x TEXT DEFAULT ';'); -- one; two\nCREATE TABLE b (y);")) == [
        "CREATE TABLE a (x TEXT DEFAULT ';');", "-- one; two\nCREATE TABLE b (y);"]


def script_statements(sql):
    from recap_app.core.schema.script import run_script

    class Db:
        seen: list = []

        def execute(self, statement):
            self.seen.append(statement)

    db = Db()
    db.seen = []
    run_script(db, sql)
    return db.seen


def test_complete_values_are_stored_as_given_and_others_are_filled_in_in_the_form_s_order(tmp_path):
    from recap_app.core.store import complete, values_sha256

    with Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        keys = ws.election.form.field_keys
        cols = [r.kode for r in ws.columns_of("33.71")] + ["JUMLAH"]
        full = {c: {k: (7 if k == "paslon_1" else None) for k in keys} for c in cols}
        assert complete(full, cols, keys)
        shuffled = {c: dict(reversed(list(v.items()))) for c, v in full.items()}
        assert not complete(shuffled, cols, keys) and not complete({c: {} for c in cols}, cols, keys)
        a = ws.insert_revision("33.71", cols, full, actor="tester", content_sha256=values_sha256(cols, full))
        b = ws.insert_revision("33.71", cols, shuffled, actor="tester",
                               content_sha256="0" * 64)  # not of the stored shape: the hash is made here
        sha = values_sha256(cols, full)
        assert ws.revision_info(a).content_sha256 == ws.revision_info(b).content_sha256 == sha
        assert ws.revision_values(b) == full  # read back and checked against that hash


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True),
                       st.one_of(st.none(), st.integers(0, 10**15)), min_size=1, max_size=12),
       st.integers(1, 5))
def test_the_content_hash_from_sqlite_s_json_is_values_sha256(fields, ncols):
    """The hash put together from SQLite's JSON of each column equals values_sha256 of the parsed figures."""
    from recap_app.core.store import _content_sha256, cells_by_column, values_sha256

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE cell (revision_id INTEGER NOT NULL, kolom TEXT NOT NULL, field TEXT NOT NULL, "
                 "value INTEGER, PRIMARY KEY (revision_id, kolom, field)) STRICT, WITHOUT ROWID")
    columns = [f"33.01.{i:02d}" for i in range(1, ncols)] + ["JUMLAH"]
    values = {c: dict(fields) for c in columns}
    conn.executemany("INSERT INTO cell VALUES (1, ?, ?, ?)", [(c, k, v) for c in columns for k, v in fields.items()])
    texts, got = {}, {}
    for _rid, kolom, col in cells_by_column(conn, "revision_id = ?", (1,), texts):
        got[kolom] = col
    assert got == values
    assert _content_sha256(1, columns, texts) == values_sha256(columns, values)
    assert _content_sha256(1, columns + columns[:1], texts) is None  # repeated columns: not put together


def test_a_workspace_whose_making_is_interrupted_leaves_no_half_made_file(tmp_path, monkeypatch):
    """Ctrl+C (or any failure) while a workspace is being made: no "<name>.baru-*" file is left."""
    from recap_app.core import schema

    def interrupted(*a, **k):
        raise KeyboardInterrupt

    monkeypatch.setattr(schema, "migration_set", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="tester")
    assert sorted(p.name for p in tmp_path.iterdir()) == []
