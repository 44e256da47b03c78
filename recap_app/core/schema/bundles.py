"""Schema migrations for sync bundles (docs/bundle-format.md), listed in recap_app/core/schema/__init__.py.

Tables (all STRICT):

- ``bundle_trusted_key``: public keys of other offices this workspace accepts bundles from.
- ``bundle_export``: this workspace's own export counter: one row per bundle made, with the
  highest revision and audit ids it covered (so ``--since SEQ`` knows where to start).
- ``bundle_imported``: every bundle taken in, with the sender's key and workspace, sequence, base
  sequence and the SHA-256 of its signed manifest (the identity used for "already imported").
  Sequences are counted per sending workspace (a sender that starts a new workspace starts at 1).
- ``bundle_remote_audit``: the sender's audit records carried by imported bundles (their hash
  chain is checked on import).
- ``bundle_conflict``: certificates changed on both sides since the common base, waiting for a
  person to choose (``recap bundle resolve``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def bundles_001_tables(db: sqlite_utils.Database) -> None:
    """Trusted keys, export counter, imported bundles, remote audit, pending conflicts."""
    run_script(db,
        """
        CREATE TABLE bundle_trusted_key (
            fingerprint TEXT PRIMARY KEY, public_key TEXT NOT NULL, office_code TEXT NOT NULL,
            office_name TEXT, added_at TEXT NOT NULL, added_by TEXT NOT NULL) STRICT;
        CREATE TABLE bundle_export (
            sequence INTEGER PRIMARY KEY, base_sequence INTEGER NOT NULL,
            created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            max_revision_id INTEGER NOT NULL, max_audit_id INTEGER NOT NULL,
            manifest_sha256 TEXT NOT NULL, file_name TEXT NOT NULL, result_sha256 TEXT) STRICT;
        CREATE TABLE bundle_imported (
            id INTEGER PRIMARY KEY, manifest_sha256 TEXT NOT NULL UNIQUE,
            sender_fingerprint TEXT NOT NULL, sender_workspace TEXT NOT NULL, sender_office TEXT NOT NULL,
            sequence INTEGER NOT NULL, base_sequence INTEGER NOT NULL,
            created_at TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL,
            summary TEXT NOT NULL,
            UNIQUE (sender_fingerprint, sender_workspace, sequence)) STRICT;
        CREATE TABLE bundle_remote_audit (
            sender_fingerprint TEXT NOT NULL, sender_workspace TEXT NOT NULL, id INTEGER NOT NULL,
            at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, entity TEXT NOT NULL,
            before TEXT, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, bundle_id INTEGER NOT NULL,
            PRIMARY KEY (sender_fingerprint, sender_workspace, id)) STRICT;
        CREATE TABLE bundle_conflict (
            id INTEGER PRIMARY KEY, bundle_id INTEGER NOT NULL REFERENCES bundle_imported(id),
            region_kode TEXT NOT NULL, base_sha256 TEXT, ours_sha256 TEXT NOT NULL,
            theirs_sha256 TEXT NOT NULL, theirs TEXT NOT NULL, fields TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'terbuka'
                CHECK (status IN ('terbuka', 'ours', 'theirs', 'diganti')),
            resolved_by TEXT, resolved_at TEXT) STRICT;
        CREATE INDEX bundle_conflict_region ON bundle_conflict(region_kode, status);
        """
    )
