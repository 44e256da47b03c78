"""`recap audit verify`: everything that decides figures or authority, checked in one pass.

1. the audit chain: each record's hash, the links, the seal, the guard triggers (core/audit.py);
2. the figures: every revision's cells against its SHA-256 and against the SHA-256 its audit
   record carries (core/audit.py ``verify_content``), every stored original file against its
   SHA-256, and the polling-station rows of every TPS import against the content SHA-256 of the
   import and of its audit record (core/tps.py ``verify``);
3. the state: accounts and roles, trusted keys, explanations and overrides, adoptions, plenary
   records, the stored election definition, settings, bundles — each unit against the digest the
   chain last recorded for it (core/state.py);
4. the findings: the stored findings against the rules run again on the figures (derived state:
   a finding deleted outside the program cannot make a certificate look clean);
5. the anchors: signed heads, the head log, backups and heads from paper (core/anchors.py), so a
   chain rewritten completely, cut short, or swapped for another workspace is found; the report
   says which anchors were used and says plainly when there were none.

Every problem names what differs, in Indonesian, with the record id where it shows.
"""

from __future__ import annotations

import hashlib
import sqlite3

from . import anchors, audit, continuity, reconcile, state, tps
from .audit import ChainReport, Problem
from .errors import WorkspaceError
from .store import Workspace


def verify(ws: Workspace, paper: list[tuple[int, str]] = (), prefix: bool = False) -> ChainReport:
    """Check the whole workspace; ``ok`` only when every part holds.

    Args:
        paper: heads (record id, hash) typed in from printed documents, checked as anchors.
        prefix: ``ws`` is a backup, an earlier state of the history: heads after its end are
            no truncation (see :func:`recap_app.core.anchors.check`).
    Returns:
        A :class:`recap_app.core.audit.ChainReport` with every problem, the anchors used per
        source (``anchor_sources``, ``anchors_checked``) and plain notes (``notes``).
    """
    with ws.snapshot():  # one moment of the file, though another process may be writing
        return _verify(ws, paper, prefix)


def _verify(ws: Workspace, paper, prefix: bool) -> ChainReport:
    rep = audit.verify_chain(ws)
    rep.problems += audit.verify_content(ws)
    rep.problems += verify_sources(ws)
    rep.problems += tps.verify(ws)
    rep.problems += [Problem("state", rid, message) for _unit, message, rid in _state(ws)]
    rep.problems += verify_findings(ws)
    found = anchors.check(ws, rep.hashes, list(paper), prefix=prefix)
    rep.problems += found.problems
    if not prefix:  # records after the head this PC's program last wrote here (an older file: the anchors say it)
        after = continuity.finding_of(ws)
        if after is not None and after.kind == "appended":  # what differs, and how it is settled: not "run verify"
            rep.problems.append(Problem("continuity", after.last[0], (
                f"{after.what} {continuity.ACCEPT_ADVICE[0].upper()}{continuity.ACCEPT_ADVICE[1:]} "
                f"{continuity.accept_command(ws.path)}.")))
    rep.anchor_sources = found.used
    rep.anchors_checked = found.count
    rep.notes += found.notes
    return rep


def _state(ws: Workspace) -> list[tuple[str, str, int | None]]:
    try:
        then = state.recorded_units(ws.conn)  # the chain's state column, parsed once
        found = state.compare(ws.conn, then)
        if ws.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'state_digest'").fetchone() is None:
            if then:
                found.append(("state_digest", "Tabel sidik keadaan (state_digest) tidak ada lagi, padahal log audit "
                                              "mencatat sidik keadaan (dihapus di luar program).", None))
            return found
        cache = dict(ws.conn.execute("SELECT unit, sha FROM state_digest"))
        recorded = {u: sha for u, (sha, _rid) in then.items() if sha is not None}
        if recorded and cache != recorded:
            odd = sorted(set(cache.items()) ^ set(recorded.items()))[:3]
            found.append(("state_digest", "Tabel sidik keadaan (state_digest) tidak sama dengan yang dicatat log audit "
                                          f"({', '.join(u for u, _s in odd)}): diubah di luar program.", None))
        return found
    except sqlite3.DatabaseError as exc:
        return [("*", f"Keadaan ruang kerja tidak dapat dibaca: {exc}.", None)]


def verify_sources(ws: Workspace) -> list[Problem]:
    """Every stored original file against its recorded SHA-256 (kind "content")."""
    out = []
    try:
        rows = ws.conn.execute("SELECT id, name, sha256, content FROM source_file ORDER BY id").fetchall()
    except sqlite3.DatabaseError as exc:
        return [Problem("unreadable", None, f"Berkas asal tidak dapat dibaca: {exc}.")]
    for fid, name, sha, content in rows:
        if hashlib.sha256(content or b"").hexdigest() != sha:
            out.append(Problem("content", None, f"Berkas asal {name} (nomor {fid}) telah diubah di luar program: "
                                                "isinya tidak cocok lagi dengan SHA-256 yang tercatat."))
    return out


def verify_findings(ws: Workspace) -> list[Problem]:
    """Stored findings of every checked certificate, and the province set, against the rules run
    again (kind "findings"; :func:`recap_app.core.reconcile.stored_differences`)."""
    try:
        differ = reconcile.stored_differences(ws)
        province = reconcile._province_code(ws)
    except WorkspaceError as exc:
        if exc.code == "tampered":
            return []  # the figures themselves are reported by verify_content
        return [Problem("findings", None, f"Temuan tidak dapat diperiksa ulang: {exc.message}")]
    except Exception as exc:  # noqa: BLE001 - a damaged workspace is reported, never a crash
        return [Problem("findings", None, f"Temuan tidak dapat diperiksa ulang: {exc}.")]
    out = []
    for scope, (missing, extra) in differ.items():
        detail = "; ".join(x for x in (f"tidak ada: {', '.join(missing[:3])}" if missing else "",
                                       f"berlebih: {', '.join(extra[:3])}" if extra else "") if x)
        what = "himpunan provinsi" if scope == province else f"sertifikat {scope}"
        out.append(Problem("findings", None, f"Temuan tersimpan {what} berbeda dari hasil pemeriksaan "
                                             f"ulang ({detail}): temuan diubah di luar program."))
    return out


def accept_file(ws: Workspace, actor: str, reason: str) -> int | None:
    """Take a workspace as it is although its chain is not what this PC's program last wrote to it
    (used on another PC, or an older copy meant to be used again): recorded in the audit log
    ("audit.accept": the head noted here, the file's head, what differed, why, and the fingerprints
    of the office keys that signed heads after the noted one: another PC's own key, which
    ``recap audit verify`` then names instead of calling its heads forged), after which this
    PC's note is the file's new head. An older copy's abandoned records are noted in the head log
    as a restore's are, so ``recap audit verify`` does not report them as cut off.

    Args:
        ws: the workspace, opened without the continuity check; actor: needs permission "restore"
            (admin: who may also restore a backup); reason: why (required, plain text).
    Returns:
        The audit record's id, or None when there was nothing to accept (nothing is written).
    Raises:
        NotAllowed: no "restore" permission. TextError: an empty or unprintable reason.
        WorkspaceError: as any write (read-only, tampered state under the chain, disk full).
    """
    from . import auth
    from .text import clean_text

    auth.require(ws, actor, "restore")
    reason = clean_text(reason, "Alasan")
    found = continuity.finding_of(ws)
    if found is None:
        return None
    noted = found.noted
    genesis, _wsid = ws.chain_identity()
    if found.kind == "older" and noted["genesis"] == genesis:
        anchors.note_restore(ws.path, genesis, found.last[0], noted["head"][0], noted["head"][1],
                             "recap audit accept")
    from . import office_key

    own = office_key.public_identity()
    # heads signed on the other PC with its own office key: named, so verify does not call them forged
    keys = sorted({k for (k,) in ws.conn.execute("SELECT key_fingerprint FROM anchor WHERE audit_id >= ?",
                                                 (noted["head"][0],)) if k and (own is None or k != own.fingerprint)})
    with ws.transaction():
        rid = ws.record(actor, "audit.accept", "workspace",
                        {"noted_head": list(noted["head"]), "noted_state": noted["state"], "noted_at": noted.get("at")},
                        {"file_head": list(found.last), "kind": found.kind, "reason": reason, "keys": keys})
    return rid
