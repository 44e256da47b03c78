"""The workspace schema: every migration, in the order it is applied (docs/schema.md).

Migrations are plain functions in the modules of this package, one module per group of
tables; :data:`MIGRATIONS` lists them in their fixed order and :data:`migrations` (a
``sqlite_utils`` migration set named "recap_app", :func:`migration_set`) applies the ones a workspace lacks when
it is opened. A migration's name is its function's name and is recorded in the workspace:
never rename, reorder or change a released one; add a new function at the end.

The store imports this package; nothing here imports the store.
"""

from __future__ import annotations

import functools
import sqlite3

from . import bundles, core, findings, integrity, legislative, plenary, tps, users
from .users import ROLES, register_functions

#: every migration, in application order
MIGRATIONS = (
    core.m001_initial,
    findings.rules_001_findings,
    findings.rules_002_double_entry,
    plenary.documents_001_plenary,
    bundles.bundles_001_tables,
    users.m_users_001_accounts,
    integrity.integrity_001_state,
    legislative.legislative_001_tables,
    tps.tps_001_tables,
    findings.findings_003_check_seal,
)

#: the name of the set in SQLite's ``_sqlite_migrations`` table (sqlite-utils' record of applied migrations)
SET_NAME = "recap_app"


@functools.cache
def migration_set():
    """The ``sqlite_utils`` migration set (imported when a workspace is created or upgraded only)."""
    from ..loading import import_sqlite_utils

    found = import_sqlite_utils().migrations.Migrations(SET_NAME)
    for fn in MIGRATIONS:
        found(name=fn.__name__)(fn)
    return found


def pending_names(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations a workspace lacks, read with one query (no sqlite-utils needed)."""
    try:
        done = {r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                                           (SET_NAME,))}
    except sqlite3.OperationalError:
        done = set()
    return [fn.__name__ for fn in MIGRATIONS if fn.__name__ not in done]


def __getattr__(name: str):
    if name == "migrations":
        return migration_set()
    raise AttributeError(name)


__all__ = ["MIGRATIONS", "ROLES", "migration_set", "pending_names", "register_functions"]
