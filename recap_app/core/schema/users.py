"""Schema migrations for users and the audit seal (docs/security.md).

Tables:
    user_account: one row per local account (name, role, argon2id hash, active flag).
    audit_seal: one row holding the count, last id and last hash of the audit log. It is kept
        by a trigger on every audit insert, so a record removed from the end of the log (which
        the hash chain alone cannot reveal) shows as a seal that no longer matches.

The seal triggers call ``recap_audit_seal()``, an SQL function registered only on the
program's own connections (:func:`register_functions`, called by ``Workspace._connect``): a
record inserted into the audit log or a seal changed by any other tool is refused unless the
triggers are dropped first, and then the seal no longer matches (``recap audit verify``).
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils

#: the roles, in the order the authorisation matrix lists them
ROLES = ("operator", "verifikator", "ketua", "admin")


def register_functions(conn: sqlite3.Connection) -> None:
    """Register the SQL functions the audit seal triggers need on a program connection."""
    conn.create_function("recap_audit_seal", 0, lambda: 1, deterministic=True)


def m_users_001_accounts(db: sqlite_utils.Database) -> None:
    """Local accounts with roles, and the audit seal with its triggers."""
    roles = ", ".join(f"'{r}'" for r in ROLES)
    run_script(db,
        f"""
        CREATE TABLE user_account (
            name TEXT PRIMARY KEY,
            role TEXT NOT NULL CHECK (role IN ({roles})),
            password_hash TEXT NOT NULL,
            active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
            created_at TEXT NOT NULL, created_by TEXT NOT NULL,
            changed_at TEXT) STRICT;
        CREATE TABLE audit_seal (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            n INTEGER NOT NULL, last_id INTEGER NOT NULL, last_hash TEXT NOT NULL) STRICT;
        INSERT INTO audit_seal (id, n, last_id, last_hash)
            SELECT 1, COUNT(*), COALESCE(MAX(id), 0),
                   COALESCE((SELECT hash FROM audit ORDER BY id DESC LIMIT 1), '{"0" * 64}') FROM audit;
        CREATE TRIGGER audit_seal_on_insert AFTER INSERT ON audit
            BEGIN
                SELECT recap_audit_seal();
                UPDATE audit_seal SET n = n + 1, last_id = NEW.id, last_hash = NEW.hash WHERE id = 1;
            END;
        CREATE TRIGGER audit_seal_guard BEFORE UPDATE ON audit_seal
            BEGIN SELECT recap_audit_seal(); END;
        CREATE TRIGGER audit_seal_no_delete BEFORE DELETE ON audit_seal
            BEGIN SELECT RAISE(ABORT, 'audit seal cannot be removed'); END;
        CREATE TRIGGER audit_seal_no_insert BEFORE INSERT ON audit_seal
            WHEN (SELECT COUNT(*) FROM audit_seal) > 0
            BEGIN SELECT RAISE(ABORT, 'audit seal exists'); END;
        """
    )
