"""The audit log: hash-chain verification and queries for the audit viewer (docs/security.md).

Each audit record carries the SHA-256 of the one before (store.audit_hash). :func:`verify_chain`
recomputes the whole chain and reports, by record id, every record changed, removed or
inserted outside the program:

- a changed record no longer matches its own hash;
- a removed record leaves a gap in the ids and a broken ``prev_hash`` link after it;
- a record inserted or renumbered breaks the link or its own hash;
- a record removed from (or forged onto) the end, which a chain alone cannot show, no longer
  matches the audit seal (schema/users.py: count, last id and last hash kept by a trigger that
  only the program's connections can run);
- a whole chain recomputed by someone who knows the algorithm no longer matches the anchors
  (``{id: hash}`` taken at each backup, see backup.py) held outside the workspace;
- a protecting trigger that was dropped is reported too (the log is then editable).

:func:`verify_content` (``recap audit verify`` runs both) checks the figures themselves: every
revision's cells must still match the SHA-256 stored with the revision and the SHA-256 its
audit record carries, so a vote count edited in the database outside the program is found.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .store import GENESIS_HASH, audit_hash, values_sha256

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

#: triggers that protect the audit log and its seal (store.py, schema/users.py)
GUARD_TRIGGERS = ("audit_no_update", "audit_no_delete", "audit_seal_on_insert", "audit_seal_guard",
                  "audit_seal_no_delete")


class Problem(NamedTuple):
    """One break in the audit chain.

    Attributes:
        kind: "changed", "missing", "link", "seal", "anchor", "trigger" or "unreadable".
        record_id: the audit record where it shows (None for the seal or a trigger).
        message: the Indonesian sentence for the clerk.
    """

    kind: str
    record_id: int | None
    message: str


#: what each kind of :class:`Problem` means, in English (the window's English translation says it
#: before the Indonesian message, which stays the record)
PROBLEM_EN = {
    "changed": "an audit record was changed after it was written",
    "missing": "something listed is missing (an audit record, or a file the manifest lists)",
    "link": "an audit record does not follow the one before it: the chain is broken",
    "seal": "the chain's seal does not match its last record (records removed from the end)",
    "trigger": "a protective trigger of the workspace is missing or changed",
    "unreadable": "something could not be read to be checked",
    "anchor": "the chain differs from a head signed or noted earlier",
    "identity": "the chain is not the one an anchor was signed for",
    "content": "stored figures or files no longer match their recorded SHA-256",
    "unaudited": "data changed or inserted without an audit record",
    "state": "protected state (accounts, keys, adoptions, settings) changed outside the program",
    "findings": "the stored findings differ from their recorded check",
    "continuity": "the workspace is older than this PC last saw it (a copy put back)",
    "manifest": "the site's manifest is missing or cannot be read",
    "signature": "the manifest's signature is missing or not valid",
    "key": "the site is signed with another key than the one expected",
    "path": "the manifest lists a path outside the site folder",
    "differs": "a file differs from the signed manifest",
    "extra": "a file is in the folder that the signed manifest does not list",
}


def problem_english(p: Problem) -> str:
    """One problem in English for the English window: its kind's meaning (:data:`PROBLEM_EN`),
    where it shows, then "in Indonesian, as recorded:" and its message. Never raises."""
    meaning = PROBLEM_EN.get(p.kind, "a problem was found")
    where = f" (record #{p.record_id})" if isinstance(p.record_id, int) else (
        f" ({p.record_id})" if p.record_id else "")
    return f"{meaning[0].upper()}{meaning[1:]}{where} [{p.kind}]. In Indonesian, as recorded: {p.message}"


@dataclass
class ChainReport:
    """Result of :func:`verify_chain`: ``ok`` only when the whole chain holds.

    Attributes:
        records: number of audit records read; last_id, last_hash: the head of the chain
            (write these down or compare with a backup); problems: every break found.
    """

    records: int = 0
    last_id: int = 0
    last_hash: str = GENESIS_HASH
    problems: list[Problem] = field(default_factory=list)
    anchors_checked: int = 0
    #: {where the anchors came from: how many were compared}; notes: plain remarks (weak anchors)
    anchor_sources: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: {record id: hash} of the chain as stored (for the anchor check)
    hashes: dict[int, str] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """True only when no problem was found."""
        return not self.problems

    def summary(self) -> str:
        """One Indonesian line: holds, or how many breaks."""
        if self.ok:
            return (f"Rantai audit utuh: {self.records} catatan, terakhir #{self.last_id}, "
                    f"hash {self.last_hash}.")
        return f"Rantai audit RUSAK: {len(self.problems)} masalah ditemukan pada {self.records} catatan."

    def to_dict(self) -> dict:
        """The report as JSON-ready data (``recap audit verify --format json``)."""
        return {"ok": self.ok, "records": self.records, "last_id": self.last_id, "last_hash": self.last_hash,
                "anchors_checked": self.anchors_checked, "anchor_sources": self.anchor_sources, "notes": self.notes,
                "problems": [{"kind": p.kind, "record_id": p.record_id, "message": p.message}
                             for p in self.problems]}


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    """(last id, last hash) of the audit log as stored (0 and GENESIS_HASH when empty)."""
    row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def verify_chain(ws: Workspace | sqlite3.Connection, anchors: Mapping[int, str] | None = None) -> ChainReport:
    """Recompute the audit chain and report every break, by record id.

    Args:
        ws: an open workspace (or a raw connection to one).
        anchors: optional {record id: hash} known from outside the workspace (backups, bundles,
            printed documents); each must still be in the chain.
    Returns:
        A ChainReport; ``ok`` only when every record, link, the seal, the anchors and the
        guard triggers hold. Never raises for a damaged log (an unreadable one is a problem).
    """
    conn = ws if isinstance(ws, sqlite3.Connection) else ws.conn
    rep = ChainReport()
    try:
        cols = {r[1] for r in conn.execute("PRAGMA table_info(audit)")}
        state_col = "state" if "state" in cols else "NULL"
        rows = conn.execute(f"SELECT id, at, actor, action, entity, before, after, prev_hash, hash, {state_col} "
                            "FROM audit ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        rep.problems.append(Problem("unreadable", None, f"Log audit tidak dapat dibaca: {exc}."))
        return rep
    expected_id = 1
    prev_id, prev_hash = 0, GENESIS_HASH
    stored: dict[int, str] = {}
    for r in rows:
        rid = r[0]
        row = {"id": rid, "at": r[1], "actor": r[2], "action": r[3], "entity": r[4], "before": r[5], "after": r[6],
               "state": r[9]}
        if rid != expected_id:
            what = f"#{expected_id}" if rid == expected_id + 1 else f"#{expected_id} sampai #{rid - 1}"
            rep.problems.append(Problem("missing", rid, f"Catatan audit {what} hilang (dihapus di luar program): "
                                        f"setelah #{prev_id} langsung #{rid}."))
        if r[7] != prev_hash:
            rep.problems.append(Problem(
                "link", rid, f"Catatan audit #{rid} tidak tersambung ke catatan sebelumnya (#{prev_id}): "
                f"hash sebelumnya tercatat {r[7][:16]}..., seharusnya {prev_hash[:16]}...; ada catatan yang "
                f"dihapus, disisipkan atau diubah sebelum #{rid}."))
        try:
            computed = audit_hash(r[7], row)
        except (TypeError, ValueError):
            computed = ""
        if computed != r[8]:
            rep.problems.append(Problem(
                "changed", rid, f"Catatan audit #{rid} ({r[3]} oleh {r[2]}, {r[1]}) telah diubah di luar program: "
                f"isinya tidak cocok lagi dengan hash-nya."))
        stored[rid] = r[8]
        prev_id, prev_hash = rid, r[8]
        expected_id = rid + 1
    rep.records = len(rows)
    rep.last_id, rep.last_hash = prev_id, prev_hash
    rep.hashes = stored
    _check_seal(conn, rep)
    for aid, ahash in sorted((anchors or {}).items()):
        rep.anchors_checked += 1
        if aid not in stored:
            rep.problems.append(Problem("anchor", aid, f"Catatan audit #{aid} yang tercatat di cadangan/jangkar "
                                        "tidak ada lagi di ruang kerja."))
        elif stored[aid] != ahash:
            rep.problems.append(Problem("anchor", aid, f"Catatan audit #{aid} berbeda dari yang tercatat di "
                                        f"cadangan/jangkar (hash {ahash[:16]}..., kini {stored[aid][:16]}...): "
                                        "riwayat ditulis ulang di luar program."))
    try:
        present = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    except sqlite3.DatabaseError:  # pragma: no cover - unreadable schema already reported above
        present = set(GUARD_TRIGGERS)
    for t in GUARD_TRIGGERS:
        if t not in present:
            rep.problems.append(Problem("trigger", None, f"Pemicu pelindung audit '{t}' telah dihapus di luar "
                                        "program: log audit dapat diubah tanpa terlihat."))
    return rep


def _check_seal(conn: sqlite3.Connection, rep: ChainReport) -> None:
    try:
        seal = conn.execute("SELECT n, last_id, last_hash FROM audit_seal WHERE id = 1").fetchone()
    except sqlite3.DatabaseError:
        seal = None
    if seal is None:
        rep.problems.append(Problem("seal", None, "Segel audit tidak ada (dihapus di luar program); catatan di "
                                    "akhir log tidak dapat dipastikan lengkap."))
        return
    n, last_id, last_hash = seal
    if (n, last_id, last_hash) != (rep.records, rep.last_id, rep.last_hash):
        if rep.records < n:
            why = f"{n - rep.records} catatan hilang (dihapus di luar program)"
        elif rep.records > n:
            why = f"{rep.records - n} catatan ditambahkan di luar program"
        else:
            why = "catatan terakhir diganti di luar program"
        rep.problems.append(Problem(
            "seal", rep.last_id or None,
            f"Segel audit mencatat {n} catatan sampai #{last_id} (hash {last_hash[:16]}...), ditemukan "
            f"{rep.records} catatan sampai #{rep.last_id} (hash {rep.last_hash[:16]}...): {why}."))


def verify_content(ws: Workspace | sqlite3.Connection) -> list[Problem]:
    """Check every stored certificate revision against its SHA-256 and its audit record.

    Each revision's cells are hashed again (store.values_sha256) and compared with
    ``revision.content_sha256``; that hash must also be the one in the revision's audit record
    (``after.sha256`` of the record store.add_revision wrote, which the chain protects).

    Returns:
        Problems of kind "content" (figures changed outside the program) or "unaudited" (a
        revision without its audit record, or a record whose hash differs); empty when all hold.
    """
    conn = ws if isinstance(ws, sqlite3.Connection) else ws.conn
    problems: list[Problem] = []
    try:
        revs = conn.execute(
            "SELECT r.id, c.region_kode, r.kind, r.number, r.columns, r.content_sha256 FROM revision r "
            "JOIN certificate c ON c.id = r.certificate_id ORDER BY r.id").fetchall()
        cells: dict[int, dict[str, dict]] = {}
        for rid, kolom, fld, value in conn.execute("SELECT revision_id, kolom, field, value FROM cell"):
            cells.setdefault(rid, {}).setdefault(kolom, {})[fld] = value
        audited: dict[tuple, str] = {}
        for entity, after in conn.execute(
                "SELECT entity, after FROM audit WHERE entity LIKE 'certificate:%' AND after LIKE '%\"sha256\"%'"):
            try:
                a = json.loads(after)
            except ValueError:
                continue
            if isinstance(a, dict) and "revision" in a and "sha256" in a:
                audited[(entity.split(":", 1)[1], a.get("kind", "resmi"), a["revision"])] = a["sha256"]
    except sqlite3.DatabaseError as exc:
        return [Problem("unreadable", None, f"Data sertifikat tidak dapat dibaca: {exc}.")]
    for rid, kode, kind, number, columns, sha in revs:
        what = f"Revisi {number} sertifikat {kode}" + ("" if kind == "resmi" else f" ({kind})")
        try:
            cols = json.loads(columns)
            computed = values_sha256(cols, {c: cells.get(rid, {}).get(c, {}) for c in cols})
        except (ValueError, TypeError):
            computed = ""
        if computed != sha:
            problems.append(Problem("content", None, f"{what}: angkanya telah diubah di luar program (isinya tidak "
                                    "cocok lagi dengan SHA-256 yang tercatat)."))
        logged = audited.get((kode, kind, number))
        if logged is None:
            problems.append(Problem("unaudited", None, f"{what} tidak tercatat di log audit (disisipkan di luar "
                                    "program)."))
        elif logged != sha:
            problems.append(Problem("unaudited", None, f"{what}: SHA-256 tersimpan berbeda dari yang tercatat di log "
                                    "audit (diubah di luar program)."))
    return problems


# ----------------------------------------------------------------- queries for the audit viewer
@dataclass(frozen=True)
class AuditRecord:
    """One audit record as the viewer shows it (before/after decoded from JSON)."""

    id: int
    at: str
    actor: str
    action: str
    entity: str
    before: object
    after: object
    hash: str


def _decode(raw: str | None) -> object:
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def query(ws: Workspace, *, actor: str | None = None, action: str | None = None, entity: str | None = None,
          since: str | None = None, until: str | None = None, text: str | None = None,
          limit: int = 200, offset: int = 0, newest_first: bool = True) -> list[AuditRecord]:
    """Audit records matching every given filter.

    Args:
        actor: exact user name (case-insensitive); action: exact event id or a prefix ending
            with "." ("certificate."); entity: exact or prefix ending with ":" ("certificate:");
        since, until: ISO 8601 bounds on ``at`` (inclusive); text: substring of before/after;
        limit, offset: paging; newest_first: order by id descending (default) or ascending.
    """
    sql = "SELECT id, at, actor, action, entity, before, after, hash FROM audit WHERE 1=1"
    args: list = []
    if actor:
        sql += " AND actor = ? COLLATE NOCASE"
        args.append(actor)
    for col, val, sep in (("action", action, "."), ("entity", entity, ":")):
        if val:
            if val.endswith(sep):
                sql += f" AND substr({col}, 1, ?) = ?"
                args += [len(val), val]
            else:
                sql += f" AND {col} = ?"
                args.append(val)
    if since:
        sql += " AND at >= ?"
        args.append(since)
    if until:
        sql += " AND at <= ?"
        args.append(until)
    if text:
        sql += " AND (instr(COALESCE(before, ''), ?) > 0 OR instr(COALESCE(after, ''), ?) > 0)"
        args += [text, text]
    sql += f" ORDER BY id {'DESC' if newest_first else 'ASC'} LIMIT ? OFFSET ?"
    args += [int(limit), int(offset)]
    return [AuditRecord(r[0], r[1], r[2], r[3], r[4], _decode(r[5]), _decode(r[6]), r[7])
            for r in ws.conn.execute(sql, args)]


def count(ws: Workspace) -> int:
    """Number of audit records."""
    return ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]


def actors(ws: Workspace) -> list[str]:
    """Every user name that appears in the log, sorted."""
    return [r[0] for r in ws.conn.execute("SELECT DISTINCT actor FROM audit ORDER BY actor COLLATE NOCASE")]


def actions(ws: Workspace) -> list[str]:
    """Every event id that appears in the log, sorted."""
    return [r[0] for r in ws.conn.execute("SELECT DISTINCT action FROM audit ORDER BY action")]


def history(ws: Workspace, entity: str) -> list[AuditRecord]:
    """Everything that happened to one entity ("certificate:33.01"), oldest first."""
    return query(ws, entity=entity, limit=100000, newest_first=False)
