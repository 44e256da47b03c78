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
    findings are recomputed.
``finding_note``
    Explanations (any finding) and overrides (errors, by the chair), append-only: a newer note
    of the same kind supersedes an older one. A note applies to a finding while its key,
    expected, actual and columns are unchanged.
``double_entry_decision`` / ``double_entry_choice``
    A coordinator's decision on a second entry: ``selesai`` with the figure kept per differing
    field (``entri_1`` or ``entri_2``) and the resulting revision, or ``dikembalikan`` (sent back).
"""

from __future__ import annotations

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
