"""Make a bundle: the workspace's certificates, result, findings and audit, signed (docs/bundle-format.md).

Each export takes the next number of this workspace's own sequence (table ``bundle_export``)
and builds on a base sequence: 0 for a full bundle, otherwise an earlier export, in which case
only revisions and audit records made since that export are carried (certificates' adoption
state is always carried). Format: docs/bundle-format.md.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import io
import json
import os
import secrets
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ... import __version__
from .. import auth, faults, reconcile
from ..clock import now_iso
from ..domain import JUMLAH
from ..errors import RecapError
from ..files import fsync_folder
from ..office_key import OfficeIdentity, key_exists, key_notes, signing_identity
from ..outputs import check_output_path
from ..status import latest_revisions, refuse_changed_findings
from ..store import RevisionInfo, Workspace, cells_by_column, values_sha256
from ..totals import sum_or_none
from .format import DATA, FORMAT_NAME, FORMAT_VERSION, MANIFEST, SIGNATURE, SOURCES_DIR, dumps

#: attributes of a reconcile finding carried in data.json (see recap_app.core.reconcile)
FINDING_ATTRS = ("key", "code", "severity", "region", "column", "field", "expected", "actual", "message",
                 "columns", "explanation", "override")
#: tables written by the plenary/objection capability, carried as "objections" when present
OBJECTION_TABLES = ("objection", "keberatan", "plenary_objection")

_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


class ExportError(RecapError):
    """A bundle cannot be made (bad --since, unknown office code, unwritable output)."""


def office_code(ws: Workspace) -> str:
    """Region code of this office: the workspace's office (meta ``office``, set by ``recap init
    --office``: docs/tiers.md) when the definition's tier is not the office's; else setting
    ``office_code``, else the province code at a province.

    Raises:
        ExportError: an office below the province without an office code.
    """
    if ws.election.office is not None:
        return ws.election.office_code
    code = ws.setting("office_code")
    if code:
        return str(code)
    if ws.election.tier == "provinsi":
        return ws.election.province_code
    if ws.election.tier == "nasional":
        return "00"
    raise ExportError(f"Kode kantor belum diatur untuk kantor tingkat {ws.election.tier}; "
                      "atur dulu pengaturan office_code (misalnya 33.01).", "no_office_code")


def office_name(ws: Workspace) -> str:
    """Name of this office: setting ``office.name`` (shared with the documents), else a default."""
    name = ws.setting("office.name")
    if name:
        return str(name)
    if ws.election.office is not None or ws.election.tier == "provinsi":
        return ws.election.kpu_short
    if ws.election.tier == "nasional":
        return "KPU Republik Indonesia"
    region = ws.region(office_code(ws))
    return f"KPU {region.nama}" if region else f"KPU {office_code(ws)}"


@dataclass(frozen=True)
class ExportResult:
    """What an export made: sequence numbers, file, signed-manifest hash and counts."""

    path: Path
    sequence: int
    base_sequence: int
    manifest_sha256: str
    certificates: int
    revisions: int
    audit: int
    sources: int
    size: int
    #: the office key that signed it: whether this export made it, whether it has a passphrase, and
    #: what the clerk is told about it (:func:`recap_app.core.office_key.key_notes`)
    key_created: bool = False
    key_protected: bool = True
    key_notes: tuple[str, ...] = ()


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return str(value)


def collect_findings(ws: Workspace) -> list[dict]:
    """Stored findings with explanations/overrides, as the bundle carries them ($defs/finding)."""
    out = []
    for f in reconcile.findings(ws):
        if hasattr(f, "to_dict"):
            d = f.to_dict()  # plain JSON types already (tuples become lists when written)
        else:
            d = _plain({a: getattr(f, a, None) for a in FINDING_ATTRS})
        d["key"] = getattr(f, "key", None)
        d.pop("revision_id", None)  # the sender's internal id means nothing elsewhere
        out.append(d)
    return out


def collect_objections(ws: Workspace) -> list[dict] | None:
    """Rows of the objection table (kejadian khusus / keberatan), or None when there is none."""
    tables = {r[0] for r in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for name in OBJECTION_TABLES:
        if name in tables:
            cur = ws.conn.execute(f'SELECT * FROM "{name}"')  # as sqlite-utils' Table.rows reads them
            cols = [d[0] for d in cur.description]
            return [{k: v for k, v in zip(cols, row, strict=True) if not isinstance(v, bytes)} for row in cur]
    return None


def office_result(ws: Workspace, parent_sha256: str | None = None,
                  latest: dict | None = None) -> dict | None:
    """This office's own certificate for the tier above (docs/bundle-format.md).

    One column per region that reports to this office (the 35 kabupaten/kota at a province)
    holding that region's submitted JUMLAH column (latest revision), then JUMLAH = their sums
    (blank when every part is blank). None when no certificate has been received yet.
    ``history`` lists the hashes of the results of earlier exports, then this one.

    The figures are those of ``latest`` (``ws.latest_values()``, read here when not given): each
    revision checked against its SHA-256 and its audit record, so a cell changed outside the
    program is refused ("tampered"), never summed and signed upward.
    """
    code = office_code(ws)
    children = ws.regions(ws.election.child_tier, parent=code)
    latest = ws.latest_values() if latest is None else latest
    if not any(r.kode in latest for r in children):
        return None
    keys = ws.election.all_field_keys
    values: dict[str, dict[str, int | None]] = {}
    for r in children:
        col = latest[r.kode][1].get(JUMLAH, {}) if r.kode in latest else {}
        values[r.kode] = {k: col.get(k) for k in keys}
    values[JUMLAH] = {k: sum_or_none(values[r.kode][k] for r in children) for k in keys}
    columns = [r.kode for r in children] + [JUMLAH]
    sha = values_sha256(columns, values)
    history: list[str] = []
    for (earlier,) in ws.conn.execute("SELECT result_sha256 FROM bundle_export WHERE result_sha256 IS NOT NULL "
                                      "ORDER BY sequence"):
        if not history or history[-1] != earlier:
            history.append(earlier)
    if not history or history[-1] != sha:
        history.append(sha)
    return {"region_kode": code, "columns": columns, "values": values,
            "content_sha256": sha, "parent_sha256": parent_sha256, "history": history}


def _base(ws: Workspace, since: int | None, full: bool) -> tuple[int, int, int, str | None]:
    """(base sequence, highest revision id, highest audit id, result hash) the bundle builds on."""
    last = ws.conn.execute("SELECT MAX(sequence) FROM bundle_export").fetchone()[0] or 0
    if full:
        return 0, 0, 0, None
    if since is None:
        since = last
    if since == 0:
        return 0, 0, 0, None
    row = ws.conn.execute("SELECT max_revision_id, max_audit_id, result_sha256 FROM bundle_export "
                          "WHERE sequence = ?", (since,)).fetchone()
    if row is None or since < 0:
        raise ExportError(f"Bundel nomor {since} tidak pernah dibuat dari ruang kerja ini "
                          f"(nomor terakhir: {last}); pakai --since dengan nomor yang ada atau --full.",
                          "bad_since")
    return since, row[0], row[1], row[2]


def build_data(ws: Workspace, base_revision: int, base_audit: int, with_sources: bool,
               base_result: str | None = None) -> tuple[dict, dict[str, bytes]]:
    """The data.json document and the source files to carry ({sha256: bytes}).

    Revisions (official kind only) with id > base_revision, audit records with id > base_audit;
    ``base_result`` is the office result's hash in the base export (the result's parent).
    """
    cert_rows = ws.conn.execute(
        """SELECT c.id, c.region_kode, r.content_sha256, c.adopted_at, c.adopted_by
           FROM certificate c LEFT JOIN revision r ON r.id = c.adopted_revision_id
           ORDER BY c.region_kode""").fetchall()
    shas = {(cid, n): sha for cid, n, sha in ws.conn.execute(
        "SELECT certificate_id, number, content_sha256 FROM revision WHERE kind = 'resmi'")}
    revs = ws.conn.execute(
        """SELECT r.id, r.certificate_id, r.number, r.columns, r.created_at, r.created_by, r.reason,
                  r.content_sha256, s.sha256, c.region_kode, r.source_file_id
           FROM revision r JOIN certificate c ON c.id = r.certificate_id
           LEFT JOIN source_file s ON s.id = r.source_file_id
           WHERE r.kind = 'resmi' AND r.id > ? ORDER BY r.certificate_id, r.number""",
        (base_revision,)).fetchall()
    cells: dict[int, dict[str, dict[str, int | None]]] = {r[0]: {c: {} for c in json.loads(r[3])} for r in revs}
    texts: dict[tuple[int, str], str] = {}
    for rid, kolom, col in cells_by_column(  # a column's cells as one JSON object from SQLite
            ws.conn, "revision_id IN (SELECT id FROM revision WHERE kind = 'resmi' AND id > ?)", (base_revision,),
            texts):
        cells.setdefault(rid, {})[kolom] = col
    # every carried revision is the program's own (its SHA-256 and its audit record), as every read of
    # figures checks: a bundle never signs figures changed outside the program
    carried = {rid: (RevisionInfo(rid, kode, "resmi", number, tuple(json.loads(columns)), created_at, created_by,
                                  source_id, reason, sha), cells[rid])
               for (rid, _cid, number, columns, created_at, created_by, reason, sha, _src, kode, source_id) in revs}
    ws.check_revisions(list(carried.values()), texts)
    latest = _latest(ws, carried)  # the result's figures, checked the same way
    # the findings carried are the ones their stored checks sealed (under the chain): a finding deleted,
    # added or softened, or an error changed, outside the program is refused; the receiver runs the rules
    # on the carried certificates again itself (upstream.check_sender)
    refuse_changed_findings(ws, dict(ws.conn.execute("SELECT scope, revision_id FROM finding_check")))
    by_cert: dict[int, list[dict]] = {}
    for rid, cid, number, columns, created_at, created_by, reason, sha, source_sha, _kode, _src in revs:
        cols = json.loads(columns)
        by_cert.setdefault(cid, []).append({
            "number": number, "columns": cols,
            "values": {c: dict(sorted(cells[rid].get(c, {}).items())) for c in cols},
            "created_at": created_at, "created_by": created_by, "reason": reason, "content_sha256": sha,
            "parent_sha256": shas.get((cid, number - 1)), "source_sha256": source_sha if with_sources else None})
    certificates = []
    for cid, kode, adopted_sha, adopted_at, adopted_by in cert_rows:
        adoption = ({"content_sha256": adopted_sha, "at": adopted_at, "by": adopted_by}
                    if adopted_sha else None)
        history = [sha for (c, _n), sha in sorted(shas.items()) if c == cid]
        certificates.append({"region_kode": kode, "adoption": adoption, "history": history,
                             "revisions": by_cert.get(cid, [])})
    keys_ = ("id", "at", "actor", "action", "entity", "before", "after", "prev_hash", "hash", "state")
    audit = [{k: v for k, v in zip(keys_, r, strict=True) if k != "state" or v is not None}
             for r in ws.conn.execute(f"SELECT {', '.join(keys_)} FROM audit WHERE id > ? ORDER BY id", (base_audit,))]
    sources: dict[str, bytes] = {}
    source_list = []
    if with_sources:
        wanted = sorted({r[8] for r in revs if r[8]})
        for sha in wanted:
            name, content = ws.conn.execute(
                "SELECT name, content FROM source_file WHERE sha256 = ? ORDER BY id LIMIT 1", (sha,)).fetchone()
            sources[sha] = bytes(content)
            source_list.append({"sha256": sha, "name": name, "size": len(content), "path": SOURCES_DIR + sha})
    data = {
        "format_version": FORMAT_VERSION,
        "election_id": ws.election.id,
        "sender": {"office_code": office_code(ws), "tier": ws.election.tier},
        "certificates": certificates,
        "result": office_result(ws, base_result, latest),
        "findings": collect_findings(ws),
        "objections": collect_objections(ws),
        "audit": audit,
        "sources": source_list,
    }
    return data, sources


def _latest(ws: Workspace, carried: dict) -> dict:
    """``ws.latest_values()``, from the revisions this bundle carries ({revision id: (info, values)},
    already checked) when they hold every certificate's latest one (a full bundle): its cells are
    not read and checked twice."""
    latest_ids = latest_revisions(ws)
    if not latest_ids or not all(rid in carried for rid in latest_ids.values()):
        return ws.latest_values()
    return {kode: carried[rid] for kode, rid in latest_ids.items()}


def _member(path: str, content: bytes) -> dict:
    return {"path": path, "size": len(content), "sha256": hashlib.sha256(content).hexdigest()}


def _zip_bytes(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as zf:
        for name, content in members:
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, content)
    return buf.getvalue()


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def export_bundle(ws: Workspace, out: str | Path, actor: str, *, since: int | None = None, full: bool = False,
                  with_sources: bool = False, identity: OfficeIdentity | None = None,
                  key_path: str | Path | None = None) -> ExportResult:
    """Write a signed bundle to ``out`` and record it (one transaction, audit "bundle.export").

    Args:
        out: the bundle file to write (replaced atomically; its folder must exist).
        since: build on this earlier export's sequence (only what changed since); default: the
            last export (everything when there was none).
        full: carry everything (base sequence 0); overrides ``since``.
        with_sources: also carry the original source files of the carried revisions.
        identity: the office key, unlocked (default: :func:`recap_app.core.office_key.signing_identity`:
            made on first use, never without a passphrase where the workspace has accounts), loaded
            only once ``out`` and the permission are checked (a refused export makes no key).
        key_path: the key file when ``identity`` is not given (default: RECAP_KEY_FILE or the
            user's data folder).
    Returns:
        :class:`ExportResult`.
    Raises:
        ExportError: unknown --since sequence, office code not set, file not writable.
        OutputError: ``out`` is the workspace itself or its -wal/-shm file, an existing file that
            is not a regular file (a folder, a device such as /dev/full), an existing SQLite
            database, or in a missing folder (recap_app.core.outputs.check_output_path).
        OfficeKeyError: the key file cannot be used; "no_key" / "key_unprotected": the workspace
            has accounts and there is no passphrase-protected key. NotAllowed: no "bundle_export"
            permission.
    """
    auth.require(ws, actor, "bundle_export")
    out = check_output_path(out, ws)  # never the workspace, its -wal/-shm, a device or another database
    accounts = not auth.open_mode(ws)
    if identity is not None or accounts or key_exists(key_path):  # a key that is there (or refused) is read now
        identity = signing_identity(key_path, accounts=accounts, given=identity)
    reconcile.refresh_stale(ws, actor)  # findings never checked, or by older rules: checked first, as print does
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    written = False
    try:
        with ws.transaction():
            base_seq, base_rev, base_audit, base_result = _base(ws, since, full)
            try:  # the folder takes the file: known before a first key is made
                tmp.touch(exist_ok=False)
            except OSError as exc:
                raise ExportError(f"Berkas bundel {out} tidak dapat ditulis ({faults.os_reason(exc)}). "
                                  "Tidak ada yang dicatat.", "unwritable") from exc
            if identity is None:  # open mode, first signature: the key is made now
                identity = signing_identity(key_path, accounts=False)
            sequence = (ws.conn.execute("SELECT MAX(sequence) FROM bundle_export").fetchone()[0] or 0) + 1
            max_rev = ws.conn.execute("SELECT COALESCE(MAX(id), 0) FROM revision").fetchone()[0]
            max_audit = ws.conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
            genesis, _wsid = ws.chain_identity()
            head_hash = ws.conn.execute("SELECT hash FROM audit WHERE id = ?", (max_audit,)).fetchone()
            data, sources = build_data(ws, base_rev, base_audit, with_sources, base_result)
            data_bytes = dumps(data, compact=True)
            payload = [(DATA, data_bytes)] + [(SOURCES_DIR + sha, content) for sha, content in sources.items()]
            manifest = {
                "format": FORMAT_NAME,
                "format_version": FORMAT_VERSION,
                "election_id": ws.election.id,
                "election_name": ws.election.name,
                "simulation": ws.simulation,
                "sender": {"office_code": data["sender"]["office_code"], "office_name": office_name(ws),
                           "tier": ws.election.tier, "public_key": identity.public_text,
                           "fingerprint": identity.fingerprint,
                           "workspace_id": ws.meta("workspace_id") or "0"},
                "sequence": sequence,
                "base_sequence": base_seq,
                "created_at": now_iso(),
                "program_version": __version__,
                "chain_head": {"genesis": genesis, "audit_id": max_audit, "audit_hash": head_hash[0]},
                "members": [_member(name, content) for name, content in payload],
                "contents": {"certificates": len(data["certificates"]),
                             "revisions": sum(len(c["revisions"]) for c in data["certificates"]),
                             "audit": len(data["audit"]), "sources": len(sources),
                             "result": data["result"] is not None},
            }
            manifest_bytes = dumps(manifest)
            manifest_sha = hashlib.sha256(manifest_bytes).hexdigest()
            blob = _zip_bytes([(MANIFEST, manifest_bytes), (SIGNATURE, identity.sign(manifest_bytes))] + payload)
            ws.insert_row("bundle_export", {
                "sequence": sequence, "base_sequence": base_seq, "created_at": manifest["created_at"],
                "created_by": actor, "max_revision_id": max_rev, "max_audit_id": max_audit,
                "manifest_sha256": manifest_sha, "file_name": out.name,
                "result_sha256": data["result"]["content_sha256"] if data["result"] else None})
            ws.record(actor, "bundle.export", f"bundle:{sequence}", None,
                      {"sequence": sequence, "base_sequence": base_seq, "manifest_sha256": manifest_sha,
                       "file": out.name, "key": identity.fingerprint, "chain_head": manifest["chain_head"],
                       **manifest["contents"]})
            try:  # the whole file, on the disk, under a temporary name before the record commits
                _write_synced(tmp, blob)
            except OSError as exc:
                raise ExportError(f"Berkas bundel {out} tidak dapat ditulis ({faults.os_reason(exc)}). "
                                  "Tidak ada yang dicatat.", "unwritable") from exc
        # committed: only now does the bundle take its name, so that no signed bundle is ever without its
        # record (a kill between the two leaves the record and a hidden temporary file, never the reverse)
        try:
            os.replace(tmp, out)
            written = True
            fsync_folder(out.parent)
        except OSError as exc:
            raise ExportError(f"Bundel nomor {sequence} tercatat tetapi berkas {out} tidak dapat diberi nama "
                              f"({faults.os_reason(exc)}); buat bundel lagi (nomor berikutnya).", "unwritable") from exc
    finally:
        if not written and tmp.exists():
            tmp.unlink()
    from .. import anchors, backup

    with contextlib.suppress(RecapError):  # the bundle is made; its signed head is kept here too
        anchors.sign(ws, actor, "bundle", identity, {"bundle_sequence": sequence})
    backup.auto_backup(ws, "bundle_export", actor)  # after the commit; never raises (docs/security.md)
    c = manifest["contents"]
    return ExportResult(out, sequence, base_seq, manifest_sha, c["certificates"], c["revisions"], c["audit"],
                        c["sources"], len(blob), identity.created, identity.protected, tuple(key_notes(identity)))
