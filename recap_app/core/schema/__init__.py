"""The workspace schema: every migration, in the order it is applied (docs/schema.md).

Migrations are plain functions in the modules of this package, one module per group of
tables; :data:`MIGRATIONS` lists them in their fixed order and :data:`migrations` (a
``sqlite_utils`` migration set named "recap_app") applies the ones a workspace lacks when
it is opened. A migration's name is its function's name and is recorded in the workspace:
never rename, reorder or change a released one; add a new function at the end.

The store imports this package; nothing here imports the store.
"""

from __future__ import annotations

from sqlite_utils.migrations import Migrations

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
)

migrations = Migrations("recap_app")
for _fn in MIGRATIONS:
    migrations(name=_fn.__name__)(_fn)

__all__ = ["MIGRATIONS", "ROLES", "migrations", "register_functions"]
