"""State under the audit chain and signed chain heads (docs/security.md, "State" and "Anchors").

- ``audit.state``: the SHA-256 of every unit of protected state a write changed
  (:mod:`recap_app.core.state`), covered by the record's hash; NULL on older records.
- ``state_digest``: the last recorded digest per unit, a cache the program keeps in step (verify
  never trusts it: it reads the chain).
- ``draft``: the editor's drafts, moved out of ``meta`` (a draft is scratch, not state).
- ``anchor``: chain heads signed with the office key (each also kept outside the file).
- ``bundle_remote_audit.state``: the sender's state digests, carried with its audit records.
- an index on ``audit(entity)``: figures are checked against the SHA-256 in their audit record.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def integrity_001_state(db: sqlite_utils.Database) -> None:
    """audit.state, the digest cache, drafts out of meta, signed heads, the remote state column."""
    run_script(db,
        """
        ALTER TABLE audit ADD COLUMN state TEXT;
        ALTER TABLE bundle_remote_audit ADD COLUMN state TEXT;
        CREATE INDEX audit_entity ON audit(entity);
        CREATE TABLE state_digest (unit TEXT PRIMARY KEY, sha TEXT NOT NULL) STRICT;
        CREATE TABLE draft (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
        INSERT INTO draft (key, value)
            SELECT key, value FROM meta WHERE key LIKE 'draft.%' OR key LIKE 'draft2.%';
        DELETE FROM meta WHERE key LIKE 'draft.%' OR key LIKE 'draft2.%';
        CREATE TABLE anchor (
            id INTEGER PRIMARY KEY,
            audit_id INTEGER NOT NULL, audit_hash TEXT NOT NULL,
            payload TEXT NOT NULL, signature TEXT NOT NULL, key_fingerprint TEXT NOT NULL,
            signed_at TEXT NOT NULL, purpose TEXT NOT NULL) STRICT;
        """
    )
