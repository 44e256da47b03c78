"""Take a bundle in: verify everything, plan, then write in one transaction (docs/bundle-format.md).

Outcomes: :class:`ImportResult` with status "imported" or "already" (the same signed manifest
was taken in before: nothing changes). Refusals raise :class:`BundleRefused` and write nothing.

Lineage (docs/bundle-format.md §Conflicts): every certificate carries the content SHA-256 of
each revision the sender holds (its history). The local official revisions are walked through
that history in order: all matched → fast-forward (the newer carried revisions are added) or
nothing new; our latest unknown to the sender but nothing newer there → ours is newer, nothing
written; otherwise both sides changed since the common base → a conflict, listed field by
field and stored in ``bundle_conflict``; nothing is written for that certificate until a
person chooses with :func:`resolve_conflict`.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .. import auth, certificate, reconcile
from ..clock import now_iso
from ..errors import RecapError
from ..formatting import figure
from ..store import GENESIS_HASH, Workspace, audit_hash
from . import keys
from .against import Plan, check_against
from .format import BundleRefused
from .upstream import SenderCheck, check_sender
from .verify import VerifiedBundle, verify_bundle

AUDIT_KEYS = ("id", "at", "actor", "action", "entity", "before", "after", "prev_hash", "hash", "state")


@dataclass
class Conflict:
    """A certificate changed on both sides since the common base (or adopted here).

    Attributes:
        region_kode: the certificate's region.
        reason: "berubah di kedua sisi" or "sudah ditetapkan di sini".
        base_sha256 / ours_sha256 / theirs_sha256: content hashes (base None when unknown).
        fields: [{kolom, field, base, ours, theirs}] for every differing figure.
    """

    region_kode: str
    reason: str
    base_sha256: str | None
    ours_sha256: str
    theirs_sha256: str
    fields: list[dict]


@dataclass
class ImportResult:
    """What an import did (or found already done)."""

    status: str  # "imported" | "already"
    sender_office: str
    sender_name: str
    fingerprint: str
    sequence: int
    base_sequence: int
    mode: str = ""
    key_accepted: bool = False
    added: dict[str, int] = field(default_factory=dict)
    unchanged: list[str] = field(default_factory=list)
    ours_newer: list[str] = field(default_factory=list)
    adopted: list[str] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    gap: str | None = None
    adoption_skipped: dict[str, str] = field(default_factory=dict)
    audit_records: int = 0
    sources: int = 0
    explanations: int = 0
    #: an upstream bundle: the sender's adoption and findings as checked here (bundle/upstream.py)
    sender_check: SenderCheck | None = None

    def lines(self) -> list[str]:
        """The Indonesian summary printed by `recap bundle import`."""
        who = f"{self.sender_name} ({self.sender_office}) nomor {self.sequence}"
        if self.status == "already":
            return [f"Bundel {who} sudah pernah diimpor; tidak ada yang diubah."]
        out = [f"Bundel {who} diimpor."]
        if self.key_accepted:
            out.append(f"Kunci pengirim kini dipercaya (sidik {keys.grouped(self.fingerprint)}).")
        if self.gap:
            out.append(self.gap)
        if self.added:
            out.append(f"Revisi baru: {sum(self.added.values())} pada {len(self.added)} sertifikat "
                       f"({', '.join(sorted(self.added))}).")
        else:
            out.append("Tidak ada revisi baru.")
        if self.ours_newer:
            out.append(f"Di sini sudah lebih baru: {', '.join(self.ours_newer)}.")
        if self.adopted:
            out.append(f"Penetapan ikut dicatat: {', '.join(self.adopted)}.")
        for kode, why in self.adoption_skipped.items():
            out.append(f"Penetapan {kode} oleh pengirim tidak diterapkan di sini: {why}")
        out.append(f"Catatan audit pengirim: {self.audit_records}; berkas sumber: {self.sources}; "
                   f"penjelasan temuan diambil: {self.explanations}.")
        if self.sender_check is not None:
            out += self.sender_check.lines(self.sender_name)
        for c in self.conflicts:
            out.append(f"KONFLIK {c.region_kode} ({c.reason}); belum ada yang ditulis untuknya. "
                       f"Pilih: recap bundle resolve {c.region_kode} --keep theirs|ours")
            for f in c.fields[:20]:
                out.append(f"  {f['kolom']} {f['field']}: dasar {_fmt(f['base'])}, di sini {_fmt(f['ours'])}, "
                           f"kiriman {_fmt(f['theirs'])}")
            if len(c.fields) > 20:
                out.append(f"  … dan {len(c.fields) - 20} isian lain")
        return out

    def to_dict(self) -> dict:
        d = asdict(self)
        d["sender_check"] = self.sender_check.to_dict() if self.sender_check is not None else None
        return d


_fmt = figure


def _refuse(vb: VerifiedBundle, message: str, code: str) -> BundleRefused:
    name = vb.path.name if vb.path else "(bundel)"
    return BundleRefused(f"Bundel {name} ditolak: {message}", code)


def _lineage(local: list[str], incoming: list[dict], history: list[str]) -> tuple[str, int, str | None]:
    """(decision, first incoming index to add, common base) for one certificate.

    Args:
        local: content hashes of the local official revisions, oldest first.
        incoming: the carried revisions (the newest part of ``history``).
        history: content hashes of all the sender's revisions of this certificate.
    decision: "none" | "same" | "ours_newer" | "add" | "conflict".
    """
    if not incoming:
        return "none", 0, None
    if not local:
        return "add", 0, None
    # Walk our revisions through the sender's history in order. A revision of ours that the
    # sender never held (typed here, or a choice made in an earlier conflict) is passed over
    # while later ones match; j is how far into the history we have matched.
    j, latest_matched = -1, False
    for sha in local:
        try:
            j = history.index(sha, j + 1)
            latest_matched = True
        except ValueError:
            latest_matched = False
    if latest_matched:
        if j == len(history) - 1:
            return "same", 0, None
        first = len(history) - len(incoming)  # the carried revisions are the newest part of the history
        return "add", max(j + 1 - first, 0), history[j]
    if j == len(history) - 1:
        return "ours_newer", 0, None
    return "conflict", 0, (history[j] if j >= 0 else None)


def _diff(ws: Workspace, kode: str, base: dict | None, ours: dict, ours_cols: list[str], theirs: dict,
          theirs_cols: list[str]) -> list[dict]:
    out = []
    cols = list(theirs_cols) + [c for c in ours_cols if c not in theirs_cols]
    for col in cols:
        if (col in ours) != (col in theirs):
            out.append({"kolom": col, "field": "(kolom)", "base": None,
                        "ours": "ada" if col in ours else "tidak ada",
                        "theirs": "ada" if col in theirs else "tidak ada"})
            continue
        for k in ws.election.form_of_region(kode).field_keys:
            o, t = ours[col].get(k), theirs[col].get(k)
            if o != t:
                b = (base or {}).get(col, {}).get(k) if base else None
                out.append({"kolom": col, "field": k, "base": b, "ours": o, "theirs": t})
    return out


def _incoming(vb: VerifiedBundle, mode: str, check: SenderCheck | None = None
              ) -> list[tuple[str, list[dict], dict | None, list[str]]]:
    """[(region code, incoming revisions, adoption, sender history)] in bundle order (an upstream
    bundle: its result as one revision, the sender's own adoption named in its reason)."""
    if mode == "mirror":
        return [(c["region_kode"], c["revisions"], c["adoption"], c["history"]) for c in vb.data["certificates"]]
    result = vb.data["result"]
    if result is None:
        return []
    s = vb.sender
    rev = {"number": vb.sequence, "columns": result["columns"], "values": result["values"],
           "created_at": vb.manifest["created_at"], "created_by": s["office_name"],
           "reason": f"hasil {s['office_name']} dari bundel nomor {vb.sequence}" + (
               f"; ditetapkan di sana {check.adopted_at} oleh {check.adopted_by}" if check and check.adopted else ""),
           "content_sha256": result["content_sha256"], "parent_sha256": result["parent_sha256"],
           "source_sha256": None}
    return [(result["region_kode"], [rev], None, result["history"])]


def _check_remote_audit(ws: Workspace, vb: VerifiedBundle) -> list[dict]:
    """The sender's audit records not yet stored here, after checking their hash chain.

    The carried records must continue the chain received before: overlapping records must be
    the same (a rewritten history differs), and the first new one must follow the last one
    received (records missing in between would leave a break unseen)."""
    stored = dict(ws.conn.execute("SELECT id, hash FROM bundle_remote_audit WHERE sender_fingerprint = ? "
                                  "AND sender_workspace = ?", (vb.fingerprint, vb.sender["workspace_id"])))
    carried = vb.data["audit"]
    if stored and carried and carried[0]["id"] > max(stored) + 1:
        raise _refuse(vb, f"catatan audit pengirim #{max(stored) + 1} sampai #{carried[0]['id'] - 1} belum pernah "
                      "diterima di sini; rantai pengirim tidak dapat diperiksa sambungannya. Minta bundel lengkap "
                      "(recap bundle export --full).", "bad_audit")
    prev = None
    new = []
    for r in carried:
        where = f"catatan audit pengirim nomor {r['id']}"
        if prev is not None and (r["id"] != prev["id"] + 1 or r["prev_hash"] != prev["hash"]):
            raise _refuse(vb, f"{where} tidak menyambung dengan catatan sebelumnya (rantai hash putus).", "bad_audit")
        if prev is None:
            if r["id"] == 1 and r["prev_hash"] != GENESIS_HASH:
                raise _refuse(vb, f"{where} seharusnya catatan pertama (hash awal nol).", "bad_audit")
            before = stored.get(r["id"] - 1)
            if before is not None and before != r["prev_hash"]:
                raise _refuse(vb, f"{where} tidak menyambung dengan catatan yang sudah diterima sebelumnya.",
                              "bad_audit")
        if audit_hash(r["prev_hash"], r) != r["hash"]:
            raise _refuse(vb, f"{where}: hash tidak cocok dengan isinya (catatan diubah).", "bad_audit")
        if r["id"] in stored:
            if stored[r["id"]] != r["hash"]:
                raise _refuse(vb, f"{where} berbeda dengan yang sudah diterima sebelumnya (riwayat ditulis ulang).",
                              "bad_audit")
        else:
            new.append(r)
        prev = r
    _check_head(vb, stored, carried)
    return new


def _check_head(vb: VerifiedBundle, stored: dict[int, str], carried: list[dict]) -> None:
    """The signed chain head of the manifest must be the chain the bundle carries: its last record
    (or, when it carries none, the one received before) and, where record #1 is known, its genesis."""
    head = vb.manifest.get("chain_head")
    if head is None:  # bundles of 0.1.0 carry none; their signed manifest still covers the audit member
        return
    at = {r["id"]: r["hash"] for r in carried}
    known = at.get(head["audit_id"], stored.get(head["audit_id"]))
    if carried and carried[-1]["id"] != head["audit_id"] or known is not None and known != head["audit_hash"]:
        raise _refuse(vb, f"kepala rantai bertanda tangan (#{head['audit_id']}) tidak sama dengan catatan audit yang "
                      "dibawa bundel: bundel dirakit dari riwayat lain.", "bad_audit")
    first = at.get(1, stored.get(1))
    if first is not None and first != head["genesis"]:
        raise _refuse(vb, "rantai audit pengirim berawal dari catatan pertama yang lain daripada yang diterima "
                      "sebelumnya: ruang kerja pengirim diganti dengan riwayat lain.", "bad_audit")


def _take_explanations(ws: Workspace, vb: VerifiedBundle, actor: str) -> int:
    """Record the sender's explanations for findings that are the same here and not yet
    explained (same key, expected and actual). Overrides are carried but never applied: an
    override is the chair's act at this office. Returns the number of findings explained."""
    incoming = [f for f in vb.data["findings"] or []
                if isinstance(f.get("explanation"), dict) and isinstance(f.get("key"), str)]
    if not incoming:
        return 0
    current = {f.key: f for f in reconcile.findings(ws)}
    by_text: dict[str, list[str]] = {}
    for f in incoming:
        cur = current.get(f["key"])
        text = f["explanation"].get("text")
        if cur is None or cur.explanation is not None or not isinstance(text, str) or not text.strip():
            continue
        if (cur.expected, cur.actual) != (f.get("expected"), f.get("actual")):
            continue
        by_text.setdefault(text, []).append(f["key"])
    n = 0
    for text, keys_ in by_text.items():
        try:
            n += reconcile.explain(ws, keys_, text, actor)
        except RecapError:  # e.g. the importer may not explain: the findings stay open here
            continue
    return n


def import_bundle(ws: Workspace, path: str | Path, actor: str, *, accept_key: bool = False,
                  verified: VerifiedBundle | None = None) -> ImportResult:
    """Verify a bundle completely, then take it in: planned and written in ONE write transaction.

    The bundle is verified without writing (:func:`verify_bundle`); then, holding the
    workspace's write lock, it is checked against the workspace, planned certificate by
    certificate and written, so a correction saved meanwhile is seen by the plan (it becomes a
    conflict, never silently superseded) and two imports of one sender cannot interleave.
    A sender's bundles are taken in sequence order only: one built on a bundle not received
    here is refused (the audit records of the missing one would leave the sender's chain
    unchecked); a full bundle (base 0) is always in order. An adoption carried by the bundle is
    applied only where the importer may adopt and the local findings allow it
    (:func:`recap_app.core.certificate.can_adopt`); otherwise it is listed, not applied.

    Args:
        path: the bundle file. verified: an already verified bundle (skips re-reading ``path``).
        accept_key: trust the sender's key now if it is unknown (recorded as "keys.trust").
    Returns:
        :class:`ImportResult` ("imported", or "already" when the same signed manifest was
        imported before, also by an import running at the same time; then nothing is written).
    Raises:
        BundleRefused: every check of :func:`verify_bundle` and :func:`check_against`, plus
            older_sequence, sequence_reused, sequence_gap, bad_audit, bad_data (content hash
            differs after storing: the election definitions disagree). The database is unchanged.
        NotAllowed: no "bundle_import" permission.
    """
    auth.require(ws, actor, "bundle_import")
    vb = verified or verify_bundle(path)
    s = vb.sender
    try:
        with ws.transaction():
            return _take_in(ws, vb, actor, accept_key)
    except sqlite3.IntegrityError as exc:  # the same bundle committed by another import a moment ago
        if "manifest_sha256" not in str(exc):
            raise
        return ImportResult("already", s["office_code"], s["office_name"], vb.fingerprint, vb.sequence,
                            vb.base_sequence)


def _take_in(ws: Workspace, vb: VerifiedBundle, actor: str, accept_key: bool) -> ImportResult:
    """Check, plan and write one verified bundle inside the caller's write transaction."""
    plan: Plan = check_against(ws, vb, accept_key)
    if not plan.trusted:
        auth.require(ws, actor, "keys_trust")  # --accept-key trusts the key: the same right as `keys trust`
    s = vb.sender
    result = ImportResult("imported", s["office_code"], s["office_name"], vb.fingerprint, vb.sequence,
                          vb.base_sequence, plan.mode)
    check = check_sender(ws.election, vb.data, vb.path.name if vb.path else "(bundel)") if plan.mode == "upstream" \
        else None
    result.sender_check = check
    if ws.conn.execute("SELECT 1 FROM bundle_imported WHERE manifest_sha256 = ?", (vb.manifest_sha256,)).fetchone():
        result.status = "already"
        return result
    fp, wsid = vb.fingerprint, s["workspace_id"]
    if ws.conn.execute("SELECT 1 FROM bundle_imported WHERE sender_fingerprint = ? AND sender_workspace = ? "
                       "AND sequence = ?", (fp, wsid, vb.sequence)).fetchone():
        raise _refuse(vb, f"nomor urut {vb.sequence} dari {s['office_name']} sudah pernah diimpor dengan isi lain.",
                      "sequence_reused")
    last = ws.conn.execute("SELECT COALESCE(MAX(sequence), 0) FROM bundle_imported WHERE sender_fingerprint = ? "
                           "AND sender_workspace = ?", (fp, wsid)).fetchone()[0]
    if vb.sequence < last:
        raise _refuse(vb, f"nomor urut {vb.sequence} lebih lama dari bundel nomor {last} yang sudah diimpor dari "
                      f"{s['office_name']}; bundel lama tidak diputar ulang.", "older_sequence")
    if vb.base_sequence > last:
        first = last + 1
        span = f"{first}" if first == vb.base_sequence else f"{first}–{vb.base_sequence}"
        raise _refuse(vb, f"bundel nomor {vb.sequence} dibuat di atas bundel nomor {span} dari {s['office_name']} "
                      "yang belum pernah diimpor di sini; bundel diterima berurutan. Impor bundel yang hilang dulu, "
                      "atau minta bundel lengkap (recap bundle export --full).", "sequence_gap")
    new_audit = _check_remote_audit(ws, vb)

    # ---- plan every certificate (under the write lock: what is planned is what is written)
    adds: list[tuple[str, list[dict]]] = []
    adoptions: list[tuple[str, dict]] = []
    for kode, incoming, adoption, history in _incoming(vb, plan.mode, check):
        local = ws.revisions(kode)
        local_shas = [r.content_sha256 for r in local]
        decision, start, base = _lineage(local_shas, incoming, history)
        final_sha = local_shas[-1] if local_shas else None
        if decision in ("same", "none"):
            if decision == "same":
                result.unchanged.append(kode)
        elif decision == "ours_newer":
            result.ours_newer.append(kode)
        elif decision == "add" and not ws.adoption(kode):
            adds.append((kode, incoming[start:]))
            final_sha = incoming[-1]["content_sha256"]
        else:
            theirs = incoming[-1]
            ours_vals = ws.revision_values(local[-1].id)
            base_vals = None
            if base is not None and base in local_shas:
                base_vals = ws.revision_values(local[local_shas.index(base)].id)
            reason = "berubah di kedua sisi" if decision == "conflict" else "sudah ditetapkan di sini"
            result.conflicts.append(Conflict(
                kode, reason, base, local_shas[-1], theirs["content_sha256"],
                _diff(ws, kode, base_vals, ours_vals, list(local[-1].columns), theirs["values"], theirs["columns"])))
            continue
        if adoption and adoption["content_sha256"] == final_sha and not ws.adoption(kode):
            adoptions.append((kode, adoption))

    # ---- write
    if not plan.trusted:
        keys.trust(ws, s["public_key"], s["office_code"], actor, s["office_name"])
        result.key_accepted = True
    bundle_id = ws.db["bundle_imported"].insert({
        "manifest_sha256": vb.manifest_sha256, "sender_fingerprint": fp, "sender_workspace": wsid,
        "sender_office": s["office_code"],
        "sequence": vb.sequence, "base_sequence": vb.base_sequence, "created_at": vb.manifest["created_at"],
        "imported_at": now_iso(), "imported_by": actor, "summary": "{}"}).last_pk
    stored_sources: dict[str, int] = {}
    for kode, revs in adds:
        for rev in revs:
            sid = None
            sha = rev["source_sha256"]
            if sha and sha in vb.sources:
                sid = ws.find_source_file(sha)
                if sid is None:
                    name = next(x["name"] for x in vb.data["sources"] if x["sha256"] == sha)
                    sid = ws.store_source_file(name, vb.sources[sha], actor)
                    stored_sources[sha] = sid
            rid = certificate.record_revision(ws, kode, rev["columns"], rev["values"], actor=actor,
                                              permission="bundle_import", source_file_id=sid,
                                              reason=rev["reason"], action="bundle.revision")
            # The figures were entered by the sender's person, not by whoever carried the
            # bundle in (the audit record above names the importer): separation of duties
            # (auth.check_separation) then lets the importer verify them.
            ws.conn.execute("UPDATE revision SET created_by = ? WHERE id = ?", (rev["created_by"], rid))
            got = ws.revision_info(rid).content_sha256
            if got != rev["content_sha256"]:
                raise _refuse(vb, f"sertifikat {kode} revisi {rev['number']}: isi yang tersimpan berbeda dari "
                              "kiriman (definisi formulir kedua kantor tidak sama).", "bad_data")
        result.added[kode] = len(revs)
    for kode, adoption in adoptions:
        allowed = certificate.can_adopt(ws, kode, actor)
        if not allowed:  # the sender adopted; here the role or the findings say not yet
            result.adoption_skipped[kode] = allowed.reason
            continue
        rid = ws.latest_revision(kode).id
        ws.conn.execute("UPDATE certificate SET adopted_revision_id = ?, adopted_at = ?, adopted_by = ? "
                        "WHERE region_kode = ?", (rid, adoption["at"], adoption["by"], kode))
        ws.record(actor, "bundle.adoption", f"certificate:{kode}", None,
                  {"revision_id": rid, "at": adoption["at"], "by": adoption["by"], "bundle": vb.sequence,
                   "sender": s["office_code"]})
        result.adopted.append(kode)
    for c in result.conflicts:
        ws.conn.execute("UPDATE bundle_conflict SET status = 'diganti', resolved_at = ?, resolved_by = ? "
                        "WHERE region_kode = ? AND status = 'terbuka'", (now_iso(), actor, c.region_kode))
        theirs = next(inc for k, inc, _, _ in _incoming(vb, plan.mode) if k == c.region_kode)[-1]
        ws.db["bundle_conflict"].insert({
            "bundle_id": bundle_id, "region_kode": c.region_kode, "base_sha256": c.base_sha256,
            "ours_sha256": c.ours_sha256, "theirs_sha256": c.theirs_sha256,
            "theirs": json.dumps({k: theirs[k] for k in ("columns", "values", "reason", "created_at",
                                                          "created_by", "content_sha256")}),
            "fields": json.dumps(c.fields, ensure_ascii=False), "status": "terbuka"})
    if plan.mode == "mirror":
        result.explanations = _take_explanations(ws, vb, actor)
    if new_audit:
        ws.conn.executemany(
            "INSERT INTO bundle_remote_audit (sender_fingerprint, sender_workspace, id, at, actor, action, entity, "
            "before, after, prev_hash, hash, state, bundle_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(fp, wsid, *(r.get(k) for k in AUDIT_KEYS), bundle_id) for r in new_audit])
    result.audit_records = len(new_audit)
    result.sources = len(stored_sources)
    summary = {"sender": s["office_code"], "sequence": vb.sequence, "base_sequence": vb.base_sequence,
               "manifest_sha256": vb.manifest_sha256, "mode": plan.mode, "added": result.added,
               "adopted": result.adopted, "adoption_skipped": result.adoption_skipped,
               "conflicts": [c.region_kode for c in result.conflicts], "ours_newer": result.ours_newer,
               "audit_records": result.audit_records, "explanations": result.explanations,
               "chain_head": vb.manifest.get("chain_head"),
               **({"sender_check": check.to_dict()} if check is not None else {})}
    ws.conn.execute("UPDATE bundle_imported SET summary = ? WHERE id = ?",
                    (json.dumps(summary, ensure_ascii=False), bundle_id))
    ws.record(actor, "bundle.import", f"bundle:{s['office_code']}:{vb.sequence}", None, summary)
    return result


# --------------------------------------------------------------------- conflicts
def open_conflicts(ws: Workspace) -> list[dict]:
    """Conflicts waiting for a choice: [{id, region_kode, sender, sequence, fields: [...]}]."""
    rows = ws.conn.execute(
        """SELECT c.id, c.region_kode, b.sender_office, b.sequence, c.fields
           FROM bundle_conflict c JOIN bundle_imported b ON b.id = c.bundle_id
           WHERE c.status = 'terbuka' ORDER BY c.region_kode""").fetchall()
    return [{"id": r[0], "region_kode": r[1], "sender": r[2], "sequence": r[3], "fields": json.loads(r[4])}
            for r in rows]


class ConflictError(RecapError):
    """No open conflict for that certificate, or it changed since the conflict was recorded."""


def resolve_conflict(ws: Workspace, kode: str, keep: str, actor: str) -> str:
    """A person's choice for an open conflict (one transaction, audit "bundle.conflict_resolve").

    Args:
        keep: "theirs" (store the incoming version as a new revision) or "ours" (keep ours).
    Returns:
        An Indonesian sentence saying what was done.
    Raises:
        ConflictError: no open conflict for ``kode``, unknown choice, or the certificate
            changed here since the conflict was recorded. NotAllowed: permission or the
            certificate is adopted (reopen it first).
    """
    auth.require(ws, actor, "bundle_import")
    if keep not in ("theirs", "ours"):
        raise ConflictError(f"Pilihan {keep!r} tidak dikenal; diharapkan 'theirs' (kiriman) atau 'ours' (di sini).",
                            "bad_choice")
    row = ws.conn.execute("SELECT id, ours_sha256, theirs FROM bundle_conflict WHERE region_kode = ? "
                          "AND status = 'terbuka'", (kode,)).fetchone()
    if row is None:
        raise ConflictError(f"Tidak ada konflik bundel terbuka untuk sertifikat {kode}.", "no_conflict")
    cid, ours_sha, theirs_raw = row
    latest = ws.latest_revision(kode)
    if latest is None or latest.content_sha256 != ours_sha:
        raise ConflictError(f"Sertifikat {kode} sudah berubah di sini sejak konflik dicatat; impor ulang bundel "
                            "terbaru untuk melihat perbedaan yang sekarang.", "stale_conflict")
    theirs = json.loads(theirs_raw)
    with ws.transaction():
        if keep == "theirs":
            reason = (f"konflik bundel diselesaikan: versi kiriman dipilih ({theirs['created_by']}, "
                      f"{theirs['created_at']})")
            certificate.record_revision(ws, kode, theirs["columns"], theirs["values"], actor=actor,
                                        permission="bundle_import", reason=reason, action="bundle.revision")
            message = f"Sertifikat {kode}: versi kiriman disimpan sebagai revisi baru."
        else:
            message = f"Sertifikat {kode}: versi di sini dipertahankan; versi kiriman tidak dipakai."
        ws.conn.execute("UPDATE bundle_conflict SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?",
                        (keep, actor, now_iso(), cid))
        ws.record(actor, "bundle.conflict_resolve", f"certificate:{kode}", {"conflict": cid},
                  {"keep": keep, "theirs_sha256": theirs["content_sha256"]})
    return message
