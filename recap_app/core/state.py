"""State under the audit chain: a digest of every table that decides figures or authority.

A person with the database file and the ``sqlite3`` tool can change a table without touching the
audit log: raise a role in ``user_account``, add a trusted key, forge a chair's override in
``finding_note``, un-adopt a certificate, swap candidate names in the stored definition. So
every write transaction of the program records, in the ``state`` field of its audit record (which
the hash chain covers), the SHA-256 of each *unit* of protected state it changed: a table, or
one key of ``meta``. ``recap audit verify`` computes the units again and names every one whose
content is not the one last recorded (:func:`compare`).

Protected: every table except those whose integrity is kept another way (:data:`EXCLUDED`): the
audit log itself and its seal (the hash chain), certificate cells (each revision's content
SHA-256, also in its audit record), findings (derived: computed again from the figures, and each
scope's content hash kept in ``finding_check``, which is protected here), drafts
(a clerk's scratch copy, no legal weight), the digest cache, and the polling-station rows ``tps``
(100,000 and more rows per source: hashing them as JSON on every write that touches them would cost
seconds; like cells, they are kept by a content SHA-256 stored with their import in ``tps_import``,
which is protected here, and carried by the import's audit record, checked whenever they are read
and by verify: core/tps.py). A table added by a later
migration is protected without a change here. Binary columns (the original files' bytes) are
left out of the digests: their SHA-256 column is in, and verify checks the bytes against it.

This module reads only; the store decides when to record (docs/security.md, "State").
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3

#: tables whose integrity is kept another way (see the module docstring)
EXCLUDED = frozenset({"audit", "audit_seal", "cell", "finding", "draft", "state_digest",
                      "tps", "_sqlite_migrations"})

#: tables that came under the chain with a later version of the program: {table: the migration
#: whose upgrade records them}. Until that migration has run (a workspace opened read-only by the
#: newer program, or checked just before its upgrade) the chain cannot have recorded them, and
#: that is not tampering
PROTECTED_FROM = {"finding_check": "findings_003_check_seal"}


def not_yet_protected(conn: sqlite3.Connection) -> set[str]:
    """The tables of :data:`PROTECTED_FROM` whose migration this workspace has not run yet."""
    try:
        done = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")}
    except sqlite3.OperationalError:
        done = set()
    return {t for t, migration in PROTECTED_FROM.items() if migration not in done}


#: the tables that decide authority and what figures mean, named for callers that guard a read
#: (auth, tps); a write transaction guards every protected table (store.Workspace.guard)
GUARDED = ("user_account", "bundle_trusted_key", "finding_note", "certificate", "meta", "anchor", "contestant",
           "region", "region_alias", "revision", "plenary", "plenary_attendance", "witness", "objection",
           "seat_adoption", "seat_decision", "seat_replacement")

#: the target table of a statement that writes
WRITE = re.compile(r"^\s*(?:INSERT|REPLACE|UPDATE|DELETE)\b(?:\s+OR\s+\w+)?\s+(?:INTO\s+|FROM\s+)?"
                   r"[\[\"`]?(\w+)", re.IGNORECASE)

#: what each unit is, for the clerk (Indonesian); meta keys are named one by one
UNIT_WORDS = {
    "user_account": "akun pengguna dan perannya",
    "bundle_trusted_key": "kunci kantor lain yang dipercaya",
    "finding_note": "penjelasan dan pengesampingan temuan",
    "finding_check": "pemeriksaan temuan tersimpan (sidik isi temuan tiap sertifikat)",
    "certificate": "penetapan sertifikat",
    "revision": "daftar revisi sertifikat",
    "source_file": "berkas asal yang diimpor",
    "region": "himpunan wilayah",
    "region_alias": "ejaan nama wilayah yang diterima",
    "contestant": "daftar pasangan calon",
    "double_entry_decision": "keputusan entri ganda",
    "double_entry_choice": "pilihan angka entri ganda",
    "plenary": "data rapat pleno",
    "plenary_attendance": "daftar hadir rapat pleno",
    "witness": "saksi",
    "objection": "kejadian khusus dan keberatan",
    "bundle_export": "bundel yang dikirim",
    "bundle_imported": "bundel yang diterima",
    "bundle_remote_audit": "catatan audit kantor pengirim",
    "bundle_conflict": "konflik bundel",
    "anchor": "kepala rantai yang ditandatangani",
    "tps_import": "riwayat impor data TPS",
    "schema": "struktur ruang kerja (tabel dan pemicu pelindung)",
    "meta/election": "definisi pemilihan yang tersimpan (nama calon, dapil, formulir)",
    "meta/workspace_id": "identitas ruang kerja",
    "meta/office": "kantor ruang kerja ini (kode wilayah dan tingkat)",
    "meta/simulation": "tanda simulasi",
    "meta/demo": "tanda contoh",
}


def written_table(sql: str) -> str | None:
    """The table a statement writes to ("INSERT INTO [cell] ..." -> "cell"), or None."""
    m = WRITE.match(sql)
    return m.group(1) if m else None


#: the tables SQLite makes itself (AUTOINCREMENT's counters, ANALYZE's statistics): in no unit
SQLITE_TABLES = ("sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4")


def protected_tables(conn: sqlite3.Connection) -> list[str]:
    """Every table of the workspace under the chain (all but :data:`EXCLUDED` and SQLite's own), sorted."""
    names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if n not in EXCLUDED and n not in SQLITE_TABLES]


def _sha(rows) -> str:
    """SHA-256 of rows as Python writes them. Frozen: workspaces keep digests made this way
    (tests/core/test_integrity.py pins it); a new way would need a new unit name.

    Rows as Python writes them (``repr`` of each tuple: ints, floats, text and None are
    written exactly and deterministically), a thousand rows at a time."""
    h = hashlib.sha256()
    while True:
        chunk = rows.fetchmany(1000)
        if not chunk:
            return h.hexdigest()
        h.update(repr(chunk).encode("utf-8", "surrogatepass"))


def units_of(conn: sqlite3.Connection, table: str, info: list[tuple] | None = None) -> dict[str, str]:
    """{unit: SHA-256} of one table: one unit per ``meta`` key ("meta/election"), else the table.

    Binary columns (declared BLOB: the original files' bytes) are left out; their SHA-256 column is in.
    ``info``: the table's (cid, name, type) rows as ``PRAGMA table_info`` gives them, when already read."""
    if table == "meta":
        return {f"meta/{key}": _sha_rows([(key, value)])
                for key, value in conn.execute("SELECT key, value FROM meta ORDER BY key")}
    if info is None:
        info = conn.execute(f"PRAGMA table_info({quoted(table)})").fetchall()
    cols = [quoted(r[1]) for r in info if (r[2] or "").upper() != "BLOB"]
    order = ", ".join(quoted(r[1]) for r in info) or "rowid"
    return {table: _sha(conn.execute(f'SELECT {", ".join(cols) or "NULL"} FROM {quoted(table)} ORDER BY {order}'))}


def _sha_rows(rows: list[tuple]) -> str:
    return hashlib.sha256(repr(rows).encode("utf-8", "surrogatepass")).hexdigest()


#: the unit of the schema itself: every table, index and trigger as SQLite keeps its SQL, so a
#: trigger dropped or replaced by one that does nothing, or a table dropped or added, is a change
SCHEMA = "schema"


#: SQLite's own objects, left out of the schema unit: its tables (:data:`SQLITE_TABLES`) and the
#: indexes of UNIQUE and PRIMARY KEY constraints (no SQL of their own). Named exactly: any other
#: object whose name merely begins like them (a trigger "sqliteXhide", a view "SQLite1", or one
#: slipped in with writable_schema) is part of the schema.
_SQLITE_OWN = (f"(type = 'table' AND name IN ({', '.join(repr(t) for t in SQLITE_TABLES)})) OR (type = 'index' "
               "AND sql IS NULL AND name LIKE 'sqlite\\_autoindex\\_%' ESCAPE '\\')")


def schema_unit(conn: sqlite3.Connection) -> dict[str, str]:
    """{"schema": SHA-256 of (type, name, table, SQL) of every object of the workspace's schema but
    SQLite's own (:data:`_SQLITE_OWN`: the same objects a workspace made by the program has always
    left out, so its recorded digest stands)."""
    return {SCHEMA: _sha_rows(conn.execute(
        f"SELECT type, name, tbl_name, sql FROM sqlite_master WHERE NOT ({_SQLITE_OWN}) "
        "ORDER BY type, name").fetchall())}


def quoted(name: str) -> str:
    """An SQL identifier for ``name`` whatever it holds ("ev""il": quotes doubled inside quotes)."""
    return '"' + name.replace('"', '""') + '"'


def table_columns(conn: sqlite3.Connection, tables: list[str] | None = None) -> dict[str, list[tuple]]:
    """{table: [(cid, name, type), ...]} of ``tables`` (default: every table), in one statement
    instead of one PRAGMA each."""
    columns: dict[str, list[tuple]] = {}
    if tables is not None and not tables:
        return columns
    among = "" if tables is None else f" AND m.name IN ({', '.join('?' * len(tables))})"
    for table, cid, name, kind in conn.execute(
            "SELECT m.name, p.cid, p.name, p.type FROM sqlite_master AS m, pragma_table_info(m.name) AS p "
            f"WHERE m.type = 'table'{among} ORDER BY m.name, p.cid", () if tables is None else list(tables)):
        columns.setdefault(table, []).append((cid, name, kind))
    return columns


def current_units(conn: sqlite3.Connection, tables=None,
                  schema: tuple[list[str], dict[str, list[tuple]]] | None = None) -> dict[str, str]:
    """{unit: SHA-256} of every protected table and of the schema (or of ``tables`` among them;
    :data:`SCHEMA` names the schema).

    ``schema``: (:func:`protected_tables`, :func:`table_columns` of them) as read by the caller at
    this schema version (the store keeps them while the schema does not change); read here
    otherwise. The schema unit itself is always read afresh."""
    if schema is None:
        wanted = protected_tables(conn)
        if tables is not None:
            wanted = [t for t in wanted if t in set(tables)]
        columns = table_columns(conn, wanted if tables is not None else None)
    else:
        wanted = schema[0] if tables is None else [t for t in schema[0] if t in set(tables)]
        columns = schema[1]
    out: dict[str, str] = {}
    for t in wanted:
        out.update(units_of(conn, t, columns.get(t, [])))
    if tables is None or SCHEMA in set(tables):
        out.update(schema_unit(conn))
    return out


def recorded_units(conn: sqlite3.Connection) -> dict[str, tuple[str | None, int]]:
    """{unit: (SHA-256 or None when recorded as removed, audit id)} as the chain last recorded them."""
    out: dict[str, tuple[str | None, int]] = {}
    for rid, raw in conn.execute("SELECT id, state FROM audit WHERE state IS NOT NULL ORDER BY id"):
        try:
            units = json.loads(raw)
        except ValueError:
            continue
        if isinstance(units, dict):
            for unit, sha in units.items():
                out[unit] = (sha, rid)
    return out


def unit_word(unit: str) -> str:
    """How the clerk calls a unit: "akun pengguna dan perannya", "pengaturan kantor office.chair"."""
    if unit in UNIT_WORDS:
        return UNIT_WORDS[unit]
    if unit.startswith("meta/setting."):
        return f"pengaturan {unit[len('meta/setting.'):]}"
    if unit.startswith("meta/"):
        return f"data ruang kerja '{unit[5:]}'"
    return f"tabel {unit}"


def compare(conn: sqlite3.Connection, then: dict[str, tuple[str | None, int]] | None = None
            ) -> list[tuple[str, str, int | None]]:
    """Units whose content is not what the chain last recorded: [(unit, Indonesian sentence, audit id)].

    A unit changed outside the program, removed (a table dropped, a meta key deleted) or added
    (a table or meta key the program never wrote) is named; empty when everything holds.
    ``then``: :func:`recorded_units` already read by the caller.
    """
    now = current_units(conn)
    then = recorded_units(conn) if then is None else then
    if SCHEMA not in then:  # a workspace from before the schema was a unit: recorded at its next write
        now.pop(SCHEMA, None)
    for table in not_yet_protected(conn):  # recorded by its upgrade, not before
        if table not in then:
            now.pop(table, None)
    out = []
    for unit in sorted(set(now) | set(then)):
        sha, rid = then.get(unit, (None, None))
        cur = now.get(unit)
        if cur == sha:
            continue
        what = unit_word(unit)
        if sha is None and rid is None:
            why = "ada, tetapi tidak pernah dicatat program di log audit (ditambahkan di luar program)"
        elif cur is None:
            why = f"tidak ada lagi, padahal tercatat di log audit #{rid} (dihapus di luar program)"
        elif sha is None:
            why = f"tercatat dihapus di log audit #{rid}, tetapi ada lagi (ditambahkan di luar program)"
        else:
            why = f"berbeda dari yang tercatat di log audit #{rid} (diubah di luar program)"
        out.append((unit, f"{what[:1].upper()}{what[1:]} ({unit}) {why}.", rid))
    return out
