"""Schema migrations for this capability, listed in recap_app/core/schema/__init__.py.

Documents capability (docs/documents.md): the recap plenary (place, date, times), its attendance,
the witness of each candidate pair with present/absent/refused to sign, and the special
events and objections recorded for form DC2 (kejadian khusus dan/atau keberatan). The
office's chair, members and city are office settings (``ws.setting("office.chair")`` ...).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def documents_001_plenary(db: sqlite_utils.Database) -> None:
    """Plenary (one row), attendance, witnesses per pair, special events and objections."""
    run_script(db,
        """
        CREATE TABLE plenary (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            place TEXT, date TEXT, time_start TEXT, time_end TEXT,
            updated_at TEXT NOT NULL, updated_by TEXT NOT NULL) STRICT;
        CREATE TABLE plenary_attendance (
            id INTEGER PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL,
            present INTEGER NOT NULL CHECK (present IN (0, 1)),
            recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL) STRICT;
        CREATE TABLE witness (
            nomor_urut INTEGER PRIMARY KEY, name TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('present', 'absent', 'refused')),
            recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL) STRICT;
        CREATE TABLE objection (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('kejadian_khusus', 'keberatan')),
            region_kode TEXT, nomor_urut INTEGER, text TEXT NOT NULL,
            recorded_at TEXT NOT NULL, recorded_by TEXT NOT NULL) STRICT;
        """
    )
