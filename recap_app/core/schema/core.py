"""The core tables: meta, regions, contestants, source files, certificates, revisions, cells, audit.

``audit`` is append-only (triggers refuse UPDATE and DELETE) and hash-chained
(docs/schema.md, "Audit chain").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def m001_initial(db: sqlite_utils.Database) -> None:
    """Regions, contestants, certificates with revisions, source files, audit log."""
    run_script(db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        CREATE TABLE region (
            kode TEXT PRIMARY KEY, kode_induk TEXT, tingkat TEXT NOT NULL,
            nama TEXT NOT NULL, urutan INTEGER NOT NULL) STRICT;
        CREATE INDEX region_induk ON region(kode_induk);
        CREATE TABLE region_alias (
            kode TEXT NOT NULL REFERENCES region(kode), alias TEXT NOT NULL,
            alias_norm TEXT NOT NULL, accepted_by TEXT NOT NULL, accepted_at TEXT NOT NULL,
            PRIMARY KEY (kode, alias_norm)) STRICT;
        CREATE TABLE contestant (
            nomor_urut INTEGER PRIMARY KEY, nama TEXT NOT NULL, nama_singkat TEXT NOT NULL) STRICT;
        CREATE TABLE source_file (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, size INTEGER NOT NULL,
            sha256 TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
            content BLOB NOT NULL) STRICT;
        CREATE INDEX source_file_sha ON source_file(sha256);
        CREATE TABLE certificate (
            id INTEGER PRIMARY KEY,
            region_kode TEXT NOT NULL UNIQUE REFERENCES region(kode),
            adopted_revision_id INTEGER REFERENCES revision(id),
            adopted_at TEXT, adopted_by TEXT) STRICT;
        CREATE TABLE revision (
            id INTEGER PRIMARY KEY,
            certificate_id INTEGER NOT NULL REFERENCES certificate(id),
            kind TEXT NOT NULL DEFAULT 'resmi' CHECK (kind IN ('resmi', 'entri_kedua')),
            number INTEGER NOT NULL,
            columns TEXT NOT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            source_file_id INTEGER REFERENCES source_file(id),
            reason TEXT,
            content_sha256 TEXT NOT NULL,
            UNIQUE (certificate_id, kind, number)) STRICT;
        CREATE TABLE cell (
            revision_id INTEGER NOT NULL REFERENCES revision(id),
            kolom TEXT NOT NULL, field TEXT NOT NULL, value INTEGER,
            PRIMARY KEY (revision_id, kolom, field)) STRICT, WITHOUT ROWID;
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL,
            action TEXT NOT NULL, entity TEXT NOT NULL, before TEXT, after TEXT,
            prev_hash TEXT NOT NULL, hash TEXT NOT NULL) STRICT;
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
        """
    )


