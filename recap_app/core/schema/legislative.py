"""Schema migrations for this capability, listed in recap_app/core/schema/__init__.py.

Legislative contests (docs/seats.md, docs/import.md): the candidate spellings a clerk confirmed
on import (``--accept-names``), the plenary's decisions on equal quotients or equal candidates,
the replacement of deceased or withdrawn elected candidates, and the adoption of the seat
decision (DPRD Provinsi). Decisions and replacements are inputs: the seats are recomputed from
the figures every time and a stored decision is applied only while it answers the same
question. The candidate lists themselves live in the stored definition (meta key ``election``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .script import run_script

if TYPE_CHECKING:  # pragma: no cover - annotations only: sqlite-utils loads when a migration runs
    import sqlite_utils



def legislative_001_tables(db: sqlite_utils.Database) -> None:
    """Candidate aliases, seat and candidate tie decisions, replacements, seat adoptions."""
    run_script(db,
        """
        CREATE TABLE candidate_alias (
            dapil TEXT NOT NULL, partai INTEGER NOT NULL, nomor_urut INTEGER NOT NULL,
            alias TEXT NOT NULL, alias_norm TEXT NOT NULL,
            accepted_by TEXT NOT NULL, accepted_at TEXT NOT NULL,
            PRIMARY KEY (dapil, partai, nomor_urut, alias_norm)) STRICT;
        CREATE TABLE seat_decision (
            id INTEGER PRIMARY KEY, dapil TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('kursi', 'calon')), partai INTEGER NOT NULL,
            question TEXT NOT NULL, winners TEXT NOT NULL, how TEXT NOT NULL,
            decided_by TEXT NOT NULL, decided_at TEXT NOT NULL,
            recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
            withdrawn_at TEXT, withdrawn_by TEXT, withdraw_reason TEXT) STRICT;
        CREATE TABLE seat_replacement (
            id INTEGER PRIMARY KEY, dapil TEXT NOT NULL, partai INTEGER NOT NULL, nomor_urut INTEGER NOT NULL,
            cause TEXT NOT NULL, reason TEXT NOT NULL,
            recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL,
            withdrawn_at TEXT, withdrawn_by TEXT, withdraw_reason TEXT) STRICT;
        CREATE TABLE seat_adoption (
            id INTEGER PRIMARY KEY, adopted_at TEXT NOT NULL, adopted_by TEXT NOT NULL,
            result_sha256 TEXT NOT NULL, result TEXT NOT NULL,
            reopened_at TEXT, reopened_by TEXT, reopen_reason TEXT) STRICT;
        """
    )
