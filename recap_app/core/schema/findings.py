"""Schema migrations for reconciliation (docs/rules.md).

Tables (all STRICT):

``finding``
    Findings stored per certificate revision. ``scope`` is the regency code for a regency's
    findings (``revision_id`` = the revision they were computed on) or the province code for
    the province set (W.601 and the province total; ``revision_id`` NULL). ``key`` is
    ``code|region|column|field``; ``columns`` a JSON list (W.602).
``finding_check``
    Per scope, the basis of the stored findings (``<revision id>|<rules version>`` for a
    regency, a hash of every latest revision id for the province): when the basis differs the
    findings are recomputed. ``findings_seal`` (:func:`findings_seal`) seals the scope's findings
    as stored with that check (how many errors, warnings and distinct findings, and each error);
    the table is under the audit chain's state digests (core/state.py), so findings deleted,
    added, softened or copied, or an error changed, outside the program no longer match it.
``finding_note``
    Explanations (any finding) and overrides (errors, by the chair), append-only: a newer note
    of the same kind supersedes an older one. A note applies to a finding while its key,
    expected, actual and columns are unchanged.
``double_entry_decision`` / ``double_entry_choice``
    A coordinator's decision on a second entry: ``selesai`` with the figure kept per differing
    field (``entri_1`` or ``entri_2``) and the resulting revision, or ``dikembalikan`` (sent back).
"""

from __future__ import annotations

import hashlib
import sqlite3
from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def rules_001_findings(db: sqlite_utils.Database) -> None:
    """Findings per revision, check bases, explanations and overrides."""
    run_script(db,
        """
        CREATE TABLE finding (
            id INTEGER PRIMARY KEY,
            scope TEXT NOT NULL,
            revision_id INTEGER REFERENCES revision(id),
            key TEXT NOT NULL,
            code TEXT NOT NULL,
            severity TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
            region TEXT NOT NULL, kolom TEXT NOT NULL, field TEXT NOT NULL,
            expected INTEGER, actual INTEGER,
            message TEXT NOT NULL, columns TEXT NOT NULL DEFAULT '[]',
            computed_at TEXT NOT NULL, rules_version TEXT NOT NULL) STRICT;
        CREATE INDEX finding_scope ON finding(scope, revision_id);
        CREATE INDEX finding_key ON finding(key);
        CREATE TABLE finding_check (
            scope TEXT PRIMARY KEY,
            revision_id INTEGER REFERENCES revision(id),
            basis TEXT NOT NULL, checked_at TEXT NOT NULL, checked_by TEXT NOT NULL) STRICT;
        CREATE TABLE finding_note (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('explanation', 'override')),
            text TEXT NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,
            region TEXT NOT NULL, revision_id INTEGER REFERENCES revision(id),
            expected INTEGER, actual INTEGER, columns TEXT NOT NULL DEFAULT '[]') STRICT;
        CREATE INDEX finding_note_key ON finding_note(key);
        CREATE TRIGGER finding_note_no_update BEFORE UPDATE ON finding_note
            BEGIN SELECT RAISE(ABORT, 'finding notes are append-only'); END;
        CREATE TRIGGER finding_note_no_delete BEFORE DELETE ON finding_note
            BEGIN SELECT RAISE(ABORT, 'finding notes are append-only'); END;
        """
    )


def rules_002_double_entry(db: sqlite_utils.Database) -> None:
    """Coordinator decisions on second entries (double entry)."""
    run_script(db,
        """
        CREATE TABLE double_entry_decision (
            id INTEGER PRIMARY KEY,
            region TEXT NOT NULL,
            entry1_revision_id INTEGER NOT NULL REFERENCES revision(id),
            entry2_revision_id INTEGER NOT NULL REFERENCES revision(id),
            outcome TEXT NOT NULL CHECK (outcome IN ('selesai', 'dikembalikan')),
            result_revision_id INTEGER REFERENCES revision(id),
            reason TEXT, by TEXT NOT NULL, at TEXT NOT NULL) STRICT;
        CREATE INDEX double_entry_decision_region ON double_entry_decision(region);
        CREATE TABLE double_entry_choice (
            decision_id INTEGER NOT NULL REFERENCES double_entry_decision(id),
            kolom TEXT NOT NULL, field TEXT NOT NULL,
            entry1 INTEGER, entry2 INTEGER,
            keep TEXT NOT NULL CHECK (keep IN ('entri_1', 'entri_2')),
            PRIMARY KEY (decision_id, kolom, field)) STRICT;
        """
    )



#: the columns of a stored error its scope's seal covers, in this order
SEALED_COLUMNS = ("key", "code", "severity", "region", "kolom", "field", "expected", "actual", "message", "columns")


def findings_seal(errors: int, warnings: int, keys: int, error_rows) -> str:
    """The seal of one scope's stored findings: "s1:<errors>|<warnings>|<distinct keys>|<SHA-256 of the
    error rows>" (:data:`SEALED_COLUMNS` as SQLite returns them, sorted, as Python writes them).
    What a status rests on — how many errors and warnings there are, that none was made a copy of
    another (one an explanation resolves), and each error as stored — in a form the status list
    checks in two light queries; a warning's wording and figures are checked by running the rules
    again (`recap check`, the documents). Frozen: stored checks keep seals made this way."""
    digest = hashlib.sha256(repr(sorted(error_rows, key=repr)).encode("utf-8", "surrogatepass")).hexdigest()
    return f"{SEAL_FORMAT}{errors}|{warnings}|{keys}|{digest}"


#: what every seal made by :func:`findings_seal` begins with: a seal of another form (a build before
#: this one) is not compared (it is under the chain like any other, so it cannot be forged either)
SEAL_FORMAT = "s1:"


def scope_seal(conn: sqlite3.Connection, scope: str, revision_id: int | None) -> str:
    """:func:`findings_seal` of one scope's stored findings (a regency's on its checked revision,
    the province set's with no revision)."""
    return seals_of(conn, {scope: revision_id})[scope]


def seals_of(conn: sqlite3.Connection, scopes) -> dict[str, str]:
    """{scope: :func:`findings_seal` of its stored findings} for ``scopes`` ({scope: the revision id
    its check names, None for the province set}), in two queries for all of them."""
    counts: dict[str, tuple[int, int, int]] = {s: (0, 0, 0) for s in scopes}
    errors: dict[str, list[tuple]] = {s: [] for s in scopes}
    wanted = list(scopes)
    for i in range(0, len(wanted), 500):
        chunk = wanted[i:i + 500]
        marks = ",".join("?" * len(chunk))
        for scope, revision_id, n_error, n_warning, n_keys in conn.execute(
                "SELECT scope, revision_id, COUNT(CASE severity WHEN 'error' THEN 1 END), "
                "COUNT(CASE severity WHEN 'warning' THEN 1 END), COUNT(DISTINCT key) FROM finding "
                f"WHERE scope IN ({marks}) GROUP BY scope, revision_id", chunk):
            if revision_id == scopes[scope]:
                counts[scope] = (n_error, n_warning, n_keys)
        for scope, revision_id, *row in conn.execute(
                f"SELECT scope, revision_id, {', '.join(SEALED_COLUMNS)} FROM finding "
                f"WHERE scope IN ({marks}) AND severity = 'error'", chunk):
            if revision_id == scopes[scope]:
                errors[scope].append(tuple(row))
    return {s: findings_seal(*counts[s], errors[s]) for s in wanted}


def findings_003_check_seal(db: sqlite_utils.Database) -> None:
    """Each stored check gets the seal of its scope's findings (:func:`findings_seal`), computed here
    for the findings stored until now (the program vouches for them as it upgrades, as it does for
    the rest of the state the upgrade records)."""
    db.execute("ALTER TABLE finding_check ADD COLUMN findings_seal TEXT")
    conn = db.conn
    for scope, revision_id in conn.execute("SELECT scope, revision_id FROM finding_check").fetchall():
        conn.execute("UPDATE finding_check SET findings_seal = ? WHERE scope = ?",
                     (scope_seal(conn, scope, revision_id), scope))
