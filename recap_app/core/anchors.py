"""Anchors: heads of a workspace's audit chain held where a person with the file cannot change them.

A chain alone proves nothing to someone who can rewrite all of it: drop the triggers, change a
figure and its record, recompute every hash and the seal. What reveals such a rewrite is a head
(a record id and its hash) known from before, held outside the file's reach:

- **signed heads**: the office key (core/office_key.py) signs {workspace, chain genesis, record
  id, hash}; a forger without the key's passphrase cannot sign a rewritten head. Signed heads are
  kept in the workspace (table ``anchor``), in the head log, in every bundle sent (its signed
  manifest carries the head) and so at the receiving office;
- **the head log** (core/headlog.py): every committed head, backup, restore and new workspace the
  program saw on this computer, outside the file;
- **backups**: each backup's own chain head (the default backup folder beside the workspace and
  every backup the head log names, wherever the setting ``backup_dir`` points now);
- **paper**: the head printed in every document's footer, typed back with
  ``recap audit verify --anchor ID:HASH``.

:func:`check` compares them with the chain and names each break: a record rewritten, a tail cut
off, another workspace identity or another chain at the same path, a signature that is not the
office's. A legitimate restore leaves its own entry, so heads of the history it abandoned are not
reported as breaks. :func:`check` also says which anchors it used, and plainly when it had none.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from . import auth, headlog, office_key
from .audit import Problem
from .clock import now_iso
from .errors import NotAllowed
from .office_key import OfficeIdentity, OfficeKeyError, PublicIdentity
from .store import GENESIS_HASH, Workspace

ANCHOR_FORMAT = "recap-jangkar-1"


class Head(NamedTuple):
    """A chain head: which chain (genesis = hash of record #1, workspace id) and where it stands."""

    workspace_id: str | None
    election_id: str
    genesis: str
    audit_id: int
    audit_hash: str

    def payload(self) -> dict:
        return {"workspace_id": self.workspace_id, "election_id": self.election_id, "genesis": self.genesis,
                "audit_id": self.audit_id, "audit_hash": self.audit_hash}


def current_head(ws: Workspace) -> Head:
    """The workspace's chain head now."""
    genesis, wsid = ws.chain_identity()
    last = ws.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    return Head(wsid, ws.election.id, genesis, last[0] if last else 0, last[1] if last else GENESIS_HASH)


def canonical(payload: dict) -> bytes:
    """The bytes a head's signature covers (sorted-key compact JSON)."""
    return json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def sign(ws: Workspace, actor: str, purpose: str, identity: OfficeIdentity | None = None,
         extra: dict | None = None) -> dict:
    """Sign the workspace's chain head with the office key and keep it (table ``anchor``, head log),
    with an audit record "anchor.sign" naming the key: key use is audited.

    Args:
        purpose: why ("manual", "bundle", "backup", "restore", "print").
        identity: the unlocked office key (default: loaded with RECAP_KEY_PASSPHRASE).
        extra: more signed fields (a restore names the history it abandons).
    Returns:
        {"payload": ..., "signature": base64, "key": fingerprint, "key_created", "key_protected",
        "key_notes": what the clerk is told about the key (office_key.key_notes)}.
    Raises:
        OfficeKeyError: no key, locked, wrong passphrase, or "key_unprotected": a workspace with
            accounts signs only with a passphrase-protected key. NotAllowed: no "anchor" permission.
    """
    auth.require(ws, actor, "anchor")
    identity = office_key.signing_identity(accounts=not auth.open_mode(ws), given=identity)
    head = current_head(ws)
    payload = {"format": ANCHOR_FORMAT, **head.payload(), "signed_at": now_iso(), "purpose": purpose,
               "key": identity.fingerprint, **(extra or {})}
    signature = base64.b64encode(identity.sign(canonical(payload))).decode("ascii")
    with ws.transaction():
        ws.insert_row("anchor", {"audit_id": head.audit_id, "audit_hash": head.audit_hash,
                                "payload": json.dumps(payload, ensure_ascii=False, sort_keys=True),
                                "signature": signature, "key_fingerprint": identity.fingerprint,
                                "signed_at": payload["signed_at"], "purpose": purpose})
        ws.record(actor, "anchor.sign", "workspace", None,
                  {"purpose": purpose, "audit_id": head.audit_id, "audit_hash": head.audit_hash,
                   "key": identity.fingerprint})
    headlog.append("anchor", ws.path, genesis=head.genesis, payload=payload, signature=signature)
    return {"payload": payload, "signature": signature, "key": identity.fingerprint,
            "key_created": identity.created, "key_protected": identity.protected,
            "key_notes": office_key.key_notes(identity)}


def try_sign(ws: Workspace, actor: str, purpose: str) -> dict | None:
    """Sign when the office key can be used without asking (RECAP_KEY_PASSPHRASE set, or an
    unprotected key in open mode); None otherwise. Never raises for the key."""
    try:
        ident = office_key.load_identity(create=False)
    except OfficeKeyError:
        return None
    try:
        return sign(ws, actor, purpose, ident)
    except (OfficeKeyError, NotAllowed):
        return None


def protect_key(ws: Workspace, actor: str, old: str | None, new: str, path: Path | None = None) -> OfficeIdentity:
    """Set or change the office key's passphrase (the key itself is kept; made now if there is none).

    The ketua or admin does it (permission "office_key"), recorded in this workspace's audit log
    ("office_key.passphrase", with the key's fingerprint), in the same transaction as the file is
    rewritten. The passphrase follows the password policy (:func:`recap_app.core.auth.check_password`).

    Args:
        old: the current passphrase (None/"" for a key without one); new: the new passphrase.
    Raises:
        NotAllowed; RecapError "weak_password"; OfficeKeyError ("bad_passphrase", "key_locked",
        "key_unwritable").
    """
    auth.require(ws, actor, "office_key")
    new = auth.check_password(new)
    key_path = Path(path) if path else office_key.default_key_path()
    with ws.transaction():
        ident = None
        if not key_path.exists():
            ident = office_key.load_identity(key_path, create=True, passphrase=new)
            if not ident.created:  # another process made the key meanwhile: protect that one
                ident = None
        if ident is None:
            ident = office_key.change_passphrase(key_path, old, new)
        ws.record(actor, "office_key.passphrase", "office_key", None,
                  {"key": ident.fingerprint, "protected": True, "file": key_path.name})
    return ident


# --------------------------------------------------------------------- collecting and checking
class Anchor(NamedTuple):
    """A head known from outside the chain, and where it was found."""

    source: str  # Indonesian: where it comes from
    audit_id: int
    audit_hash: str
    genesis: str | None = None
    workspace_id: str | None = None
    path: str | None = None
    at: str = ""
    signed: bool = False
    payload: dict | None = None
    signature: str | None = None


@dataclass
class AnchorReport:
    """What :func:`check` found: problems, the anchors it used by source, and notes for the clerk."""

    problems: list[Problem] = field(default_factory=list)
    used: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(self.used.values())


def _from_payload(source: str, payload: dict, signature: str | None, at: str = "") -> Anchor | None:
    try:
        return Anchor(source, int(payload["audit_id"]), str(payload["audit_hash"]), payload.get("genesis"),
                      payload.get("workspace_id"), None, at or payload.get("signed_at", ""), True, payload, signature)
    except (KeyError, TypeError, ValueError):
        return None


def _backup_heads(ws: Workspace, genesis: str, named: list[str]) -> list[Anchor]:
    """Heads (and signed heads) of the backups of this chain: the default folder beside the
    workspace, the configured one, and every backup the head log names."""
    from .backup import backup_dir

    files: set[Path] = set()
    for folder in {ws.path.with_name(ws.path.stem + "-cadangan"), backup_dir(ws)}:
        if folder.is_dir():
            files.update(p for p in folder.glob("*.sqlite") if p.is_file())
    files.update(Path(p) for p in named if Path(p).is_file())
    out: list[Anchor] = []
    for p in sorted(files):
        try:
            conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True)
            try:
                first = conn.execute("SELECT hash FROM audit WHERE id = 1").fetchone()
                if not first or first[0] != genesis:
                    continue
                last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
                wsid = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
                out.append(Anchor(f"cadangan {p.name}", last[0], last[1], genesis, wsid[0] if wsid else None, str(p)))
                try:
                    signed = conn.execute("SELECT payload, signature FROM anchor").fetchall()
                except sqlite3.Error:
                    signed = []
                for raw, sig in signed:
                    a = _from_payload(f"tanda tangan di cadangan {p.name}", json.loads(raw), sig)
                    if a:
                        out.append(a)
            finally:
                conn.close()
        except (sqlite3.Error, ValueError):
            continue
    return out


def collect(ws: Workspace, paper: list[tuple[int, str]] = ()) -> tuple[list[Anchor], list[dict], list[str]]:
    """Every anchor of this workspace: (anchors, restores that excuse an abandoned history, notes)."""
    genesis, _wsid = ws.chain_identity()
    anchors: list[Anchor] = []
    notes: list[str] = []
    restores: list[dict] = []
    try:
        for raw, sig in ws.conn.execute("SELECT payload, signature FROM anchor"):
            a = _from_payload("tanda tangan di ruang kerja", json.loads(raw), sig)
            if a:
                anchors.append(a)
    except (sqlite3.Error, ValueError):
        pass
    logged, bad = headlog.entries(genesis=genesis, path=ws.path)
    if bad:
        notes.append(f"{bad} baris log kepala rantai tidak dapat dibaca dan dilewati.")
    named_backups = []
    for e in logged:
        kind = e.get("kind")
        if kind == "head" or kind == "backup":
            with_backup = kind == "backup"
            if with_backup and e.get("file"):
                named_backups.append(e["file"])
            try:
                anchors.append(Anchor("log kepala rantai di luar berkas", int(e["audit_id"]), str(e["audit_hash"]),
                                      e.get("genesis"), e.get("workspace_id"), e.get("path"), e.get("at", "")))
            except (KeyError, TypeError, ValueError):
                continue
        elif kind == "anchor" and isinstance(e.get("payload"), dict):
            a = _from_payload("tanda tangan di log luar berkas", e["payload"], e.get("signature"), e.get("at", ""))
            if a:
                anchors.append(a)
        elif kind == "restore":
            restores.append(e)
        elif kind == "workspace":
            anchors.append(Anchor("log ruang kerja baru", 0, "", e.get("genesis"), e.get("workspace_id"),
                                  e.get("path"), e.get("at", "")))
    for a in anchors:
        if a.signed and (a.payload or {}).get("purpose") == "restore":
            restores.append({**a.payload, "at": a.at, "signed": True})
    anchors += _backup_heads(ws, genesis, named_backups)
    anchors += [Anchor("kepala rantai di kertas", int(i), h) for i, h in paper]
    return anchors, restores, notes


def _excused(a: Anchor, restores: list[dict]) -> bool:
    """True when the anchor belongs to a history a recorded restore abandoned."""
    for r in restores:
        try:
            start, end = int(r["restored_id"]), int(r["abandoned_id"])
        except (KeyError, TypeError, ValueError):
            continue
        if r.get("genesis") in (None, a.genesis) and start < a.audit_id <= end:
            return True
    return False


def _fork_words(a, current_path: str) -> str:
    """What to add when the contradicting head was noted for another copy of the same workspace
    (a copy at another path, used apart): the chains forked, which is not necessarily tampering."""
    if a.path and a.path != current_path:
        return (f" Kepala itu dicatat untuk salinan ruang kerja ini di {a.path}: bila dua salinan dipakai terpisah, "
                "rantainya bercabang (bukan tentu pemalsuan). Pakai satu salinan saja; salinan lain dibandingkan "
                "lewat bundel, bukan disalin kembali.")
    return ""


def check(ws: Workspace, chain: dict[int, str], paper: list[tuple[int, str]] = (),
          identity: PublicIdentity | None = None, prefix: bool = False) -> AnchorReport:
    """Compare every anchor with the chain ``{record id: hash}`` as stored now.

    ``prefix``: the chain is an earlier state of the history (a backup): heads after its end are
    not a truncation, and other chains once at the backup's path are not its concern.

    Args:
        chain: the stored records' hashes (audit.verify_chain computes them).
        paper: heads typed in from printed documents.
        identity: the office's public key (default: the key files of this computer).
    Returns:
        An :class:`AnchorReport`; its problems have kinds "anchor" (a head not in the chain:
        history rewritten or cut short), "identity" (another workspace id, or another chain at
        this path) and "signature" (a signed head that is not the office's).
    """
    rep = AnchorReport()
    identity = identity or office_key.public_identity()
    genesis, wsid = ws.chain_identity()
    last_id = max(chain) if chain else 0
    anchors, restores, rep.notes = collect(ws, paper)
    accepted = _accepted_keys(ws)
    current_path = str(Path(ws.path).resolve())
    recreated_at = {a.at for a in anchors if a.source == "log ruang kerja baru" and a.genesis == genesis
                    and a.path == current_path}
    seen: set[tuple] = set()
    rewritten: list[Anchor] = []
    cut: list[Anchor] = []
    for a in anchors:
        key = (a.source if a.signed else "", a.audit_id, a.audit_hash, a.genesis, a.workspace_id)
        if key in seen:
            continue
        seen.add(key)
        if a.source == "log ruang kerja baru":
            continue
        if a.genesis not in (None, genesis):
            if not prefix and a.path == current_path and not any(t >= a.at for t in recreated_at):
                rep.problems.append(Problem("identity", a.audit_id or None, (
                    f"Di jalur ini sebelumnya ada ruang kerja dengan rantai audit lain ({a.source}, {a.at}): berkas "
                    "sekarang bukan ruang kerja yang sama (diganti seluruhnya di luar program).")))
            continue
        kind = "cadangan" if a.source.startswith("cadangan") else a.source
        rep.used[kind] = rep.used.get(kind, 0) + 1
        if a.signed:
            if identity is None:
                pass  # noted once below
            elif a.payload is not None and a.payload.get("key") != identity.fingerprint \
                    and a.payload.get("key") in accepted:
                rep.notes.append(f"Kepala rantai #{a.audit_id} ditandatangani kunci kantor PC lain (sidik "
                                 f"{office_key.grouped(a.payload['key'])[:19]}…) yang diterima admin dengan recap audit "
                                 "accept; tanda tangannya tidak dapat diperiksa di sini.")
            elif a.payload is None or a.payload.get("key") != identity.fingerprint or not _valid(a, identity):
                rep.problems.append(Problem("signature", a.audit_id, (
                    f"Kepala rantai #{a.audit_id} ({a.source}) bertanda tangan yang bukan tanda tangan kunci kantor "
                    f"ini (sidik {office_key.grouped(identity.fingerprint)[:19]}…): dipalsukan atau dari kantor lain.")))
                continue
        if a.workspace_id is not None and wsid is not None and a.workspace_id != wsid:
            rep.problems.append(Problem("identity", a.audit_id, (
                f"Identitas ruang kerja berubah: {a.source} mencatat {a.workspace_id}, berkas sekarang {wsid} "
                "(diubah di luar program).")))
            continue
        if not a.audit_id or _excused(a, restores):
            continue
        if a.audit_id > last_id:
            if not prefix:
                cut.append(a)
        elif len(a.audit_hash) < 16 or not (chain.get(a.audit_id) or "").startswith(a.audit_hash):
            rewritten.append(a)  # a head from paper may give the first 16 characters only
    typed = [a for a in rewritten if a.source == "kepala rantai di kertas"]
    rewritten = [a for a in rewritten if a.source != "kepala rantai di kertas"]
    for a in typed:  # a head typed from paper: a typing slip is likelier than a forgery, say both
        rep.problems.append(Problem("anchor", a.audit_id, (
            f"Kepala rantai dari kertas #{a.audit_id}:{a.audit_hash[:16]} tidak cocok dengan catatan audit "
            f"#{a.audit_id} (kini {(chain.get(a.audit_id) or '-')[:16]}…). Periksa dulu kode yang diketik dari "
            "kaki dokumen; bila sama persis, riwayat ditulis ulang di luar program.")))
    if rewritten:
        a = min(rewritten, key=lambda x: x.audit_id)
        more = len({x.audit_id for x in rewritten}) - 1
        rep.problems.append(Problem("anchor", a.audit_id, (
            f"Riwayat ditulis ulang di luar program: catatan audit #{a.audit_id} berbeda dari yang tercatat di "
            f"{a.source} (hash {a.audit_hash[:16]}…, kini {(chain.get(a.audit_id) or '-')[:16]}…)"
            + (f"; {more} kepala rantai lain yang tercatat juga tidak cocok." if more else ".")
            + _fork_words(a, current_path))))
    if cut:
        a = max(cut, key=lambda x: x.audit_id)
        rep.problems.append(Problem("anchor", a.audit_id, (
            f"Rantai audit terpotong: {a.source} mencatat catatan #{a.audit_id}, tetapi rantai kini berakhir di "
            f"#{last_id} (catatan terakhir dihapus di luar program)." + _fork_words(a, current_path))))
    if identity is None and office_key.default_key_path().exists():
        rep.notes.append(f"Kunci kantor {office_key.default_key_path()} ada tetapi tidak dapat dibaca (kosong, rusak atau "
                         "terbuka untuk pengguna lain: recap keys show mengatakan sebabnya): tanda tangan kepala rantai "
                         "tidak dapat diperiksa.")
    elif identity is None:
        rep.notes.append("Kunci kantor tidak ada di komputer ini: tanda tangan kepala rantai tidak dapat diperiksa.")
    elif not identity.protected:
        rep.notes.append("Kunci kantor tidak dilindungi kata sandi kunci: siapa pun yang dapat membaca berkas kunci "
                         "dapat menandatangani, jadi jangkar bertanda tangan lebih lemah.")
    if not rep.count:
        rep.notes.append("Tidak ada jangkar di luar berkas (tanda tangan kunci kantor, log kepala rantai, cadangan, "
                         "kertas): rantai yang ditulis ulang seluruhnya secara rapi tidak dapat terlihat. Simpan "
                         "cadangan, kirim bundel, atau tandatangani kepala rantai (recap audit anchor).")
    return rep


def _accepted_keys(ws: Workspace) -> set[str]:
    """Fingerprints of other PCs' office keys an admin accepted with their records ("audit.accept",
    under the chain)."""
    out: set[str] = set()
    try:
        for (after,) in ws.conn.execute("SELECT after FROM audit WHERE action = 'audit.accept'"):
            with contextlib.suppress(ValueError, TypeError, AttributeError):
                out.update(k for k in json.loads(after).get("keys", []) if isinstance(k, str))
    except sqlite3.Error:
        pass
    return out


def _valid(a: Anchor, identity: PublicIdentity) -> bool:
    try:
        sig = base64.b64decode(a.signature or "", validate=True)
    except (binascii.Error, ValueError):
        return False
    return office_key.verify_signature(identity.public_key, sig, canonical(a.payload or {}))


def note_restore(ws_path: Path, genesis: str, restored_id: int, abandoned_id: int, abandoned_hash: str,
                 backup: str) -> None:
    """Note in the head log that a restore abandoned the history after ``restored_id``."""
    headlog.append("restore", ws_path, genesis=genesis, restored_id=restored_id, abandoned_id=abandoned_id,
                   abandoned_hash=abandoned_hash, file=backup)
