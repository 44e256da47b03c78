"""Running a migration's SQL script inside its transaction."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import sqlite_utils


def run_script(db: sqlite_utils.Database, sql: str) -> None:
    """Execute the statements of ``sql`` one after another inside the migration's transaction.

    What sqlite-utils' ``Database.executescript`` does inside a transaction (Python's
    ``executescript`` would commit first), with the same statements: a statement ends at the
    first semicolon after which ``sqlite3.complete_statement`` says it is complete. sqlite-utils
    tests that after every character, joining the text so far each time (about 20 ms for the whole
    schema); only a semicolon can end a statement, so it is tested there alone. The schema made is
    the same, SQL text included (tests/core/test_store.py)."""
    start = pos = 0
    while (end := sql.find(";", pos)) >= 0:
        pos = end + 1
        statement = sql[start:pos].strip()
        if statement and sqlite3.complete_statement(statement):
            db.execute(statement)
            start = pos
    rest = sql[start:].strip()
    if rest:
        db.execute(rest)
