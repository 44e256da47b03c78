"""Schema migration for the polling-station source (docs/tps-data.md), listed in recap_app/core/schema/__init__.py.

The TPS figures (C1 / C.Hasil as typed into Situng or Sirekap) are a source to compare the
certificates with, never a certificate: they live in their own two tables and nothing that sums,
prints or sends the legal result reads them.

- ``tps_import``: every import of a TPS source (one row each, kept when a later import of the same
  source replaces its rows): the source name, the file (name, size, SHA-256), the fields carried,
  the number of TPS and the SHA-256 of the stored rows (``content_sha256``, also in the import's
  audit record). ``replaced_by`` names the import that replaced it. Protected state (core/state.py).
- ``tps``: the rows of the current import of each source, one per TPS, in source order:
  ``baris`` is the line of the CSV file (the header is line 1) or the position in the JSON list
  ``tps`` (from 1); ``angka`` the figures as a JSON array in the order of ``tps_import.isian``
  (``null`` = blank, never zero). Not under the state digests (too large to hash on every
  write): its rows are checked against ``content_sha256`` whenever they are read and by
  ``recap audit verify`` (core/tps.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:
    import sqlite_utils


def tps_001_tables(db: sqlite_utils.Database) -> None:
    """The TPS import history and the TPS rows of the current import of each source."""
    run_script(db,
        """
        CREATE TABLE tps_import (
            id INTEGER PRIMARY KEY, sumber TEXT NOT NULL, format TEXT NOT NULL CHECK (format IN ('csv', 'json')),
            berkas TEXT NOT NULL, berkas_size INTEGER NOT NULL, berkas_sha256 TEXT NOT NULL,
            isian TEXT NOT NULL, jumlah_tps INTEGER NOT NULL, content_sha256 TEXT NOT NULL,
            imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
            replaced_by INTEGER REFERENCES tps_import(id), replaced_at TEXT) STRICT;
        CREATE TABLE tps (
            import_id INTEGER NOT NULL REFERENCES tps_import(id), baris INTEGER NOT NULL,
            kode_kecamatan TEXT NOT NULL, kode_desa TEXT, desa TEXT NOT NULL, no_tps INTEGER NOT NULL,
            angka TEXT NOT NULL,
            PRIMARY KEY (import_id, baris)) STRICT, WITHOUT ROWID;
        """
    )
