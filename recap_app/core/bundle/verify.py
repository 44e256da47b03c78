"""Read and check a bundle without writing anything (docs/bundle-format.md).

:func:`verify_bundle` checks the container (size, member count, paths, compression ratios),
the manifest (JSON, schema, key fingerprint, Ed25519 signature), every member (listed, size,
SHA-256) and data.json (JSON, schema, consistency with the manifest, revision hashes).
:func:`check_against` then checks the bundle against a workspace: trusted key, election,
simulation flag, tier and region codes, field keys. Both raise :class:`BundleRefused` with
a stable code and an Indonesian sentence naming what was found and what was expected.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from ..formatting import local_time, number
from ..store import values_sha256
from . import keys
from .container import check_member_name, parse_json, read_zip, refuse
from .format import (
    DATA,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MAX_BUNDLE_BYTES,
    MAX_MANIFEST_BYTES,
    SIGNATURE,
    SIGNATURE_BYTES,
    SOURCES_DIR,
    BundleRefused,
)
from .schema import control_errors, schema_errors


@dataclass
class VerifiedBundle:
    """A bundle whose signature, members and schema were all checked.

    Attributes:
        path: the file read (None when checked from bytes).
        file_sha256: SHA-256 of the whole file.
        manifest: the parsed manifest; manifest_sha256: SHA-256 of its signed bytes (the
            bundle's identity for "already imported").
        data: the parsed data.json; sources: {sha256: bytes} of carried source files.
        public_key: the sender's key (its fingerprint matches the manifest).
    """

    path: Path | None
    file_sha256: str
    manifest: dict
    manifest_sha256: str
    data: dict
    public_key: Ed25519PublicKey
    sources: dict[str, bytes] = field(default_factory=dict)

    @property
    def sender(self) -> dict:
        return self.manifest["sender"]

    @property
    def fingerprint(self) -> str:
        return self.manifest["sender"]["fingerprint"]

    @property
    def sequence(self) -> int:
        return self.manifest["sequence"]

    @property
    def base_sequence(self) -> int:
        return self.manifest["base_sequence"]

    def describe(self) -> list[str]:
        """Indonesian lines: who sent it and what it holds (for `recap bundle verify`)."""
        m, s, c = self.manifest, self.manifest["sender"], self.manifest["contents"]
        findings = self.data["findings"]
        lines = [
            f"Pengirim: {s['office_name']} (kode {s['office_code']}, tingkat {s['tier']})",
            f"Sidik kunci: {keys.grouped(s['fingerprint'])}",
            f"Pemilihan: {m['election_name']} ({m['election_id']})" + (" — SIMULASI" if m["simulation"] else ""),
            f"Nomor urut bundel: {m['sequence']} ("
            + ("lengkap)" if m["base_sequence"] == 0 else f"perubahan sejak bundel nomor {m['base_sequence']})"),
            f"Dibuat: {local_time(m['created_at'])} dengan recap_app {m['program_version']}",
            f"Isi: {c['certificates']} sertifikat, {c['revisions']} revisi, {c['audit']} catatan audit, "
            f"{c['sources']} berkas sumber" + (", hasil rekap kantor pengirim" if c["result"] else ""),
            "Temuan: " + ("tidak disertakan" if findings is None else number(len(findings))),
            f"SHA-256 manifest: {self.manifest_sha256}",
        ]
        return lines


def verify_bytes(blob: bytes, name: str = "(bundel)", path: Path | None = None) -> VerifiedBundle:
    """Check a bundle given as bytes. See :func:`verify_bundle`."""
    if len(blob) > MAX_BUNDLE_BYTES:
        raise refuse(name, f"berkas berukuran {len(blob)} bita; paling besar {MAX_BUNDLE_BYTES} bita.", "too_large")
    members = read_zip(blob, name)
    for required in (MANIFEST, SIGNATURE):
        if required not in members:
            raise refuse(name, f"anggota {required} tidak ada; setiap bundel harus memuatnya.", "missing_member")
    manifest_bytes = members[MANIFEST]
    if len(manifest_bytes) > MAX_MANIFEST_BYTES:
        raise refuse(name, f"{MANIFEST} berukuran {len(manifest_bytes)} bita; paling besar {MAX_MANIFEST_BYTES}.",
                      "bad_manifest")
    manifest = parse_json(manifest_bytes, MANIFEST, name)
    if isinstance(manifest, dict) and manifest.get("format") == FORMAT_NAME and \
            "format_version" in manifest and manifest["format_version"] != FORMAT_VERSION:
        raise refuse(name, f"versi format {manifest.get('format_version')!r} tidak dikenal; program ini membaca "
                      f"versi {FORMAT_VERSION}. Perbarui recap_app.", "bad_format_version")
    errors = schema_errors(manifest, "manifest") or control_errors(manifest)
    if errors:
        raise refuse(name, f"{MANIFEST} tidak sesuai skema: " + "; ".join(errors) + ".", "bad_manifest")
    sender = manifest["sender"]
    raw_key = base64.b64decode(sender["public_key"][len(keys.KEY_PREFIX):])
    public_key = keys.parse_public_key(sender["public_key"])
    if hashlib.sha256(raw_key).hexdigest() != sender["fingerprint"]:
        raise refuse(name, "sidik kunci di manifest tidak cocok dengan kunci publiknya.", "bad_manifest")
    signature = members[SIGNATURE]
    if len(signature) != SIGNATURE_BYTES or not keys.verify_signature(public_key, signature, manifest_bytes):
        raise refuse(name, f"tanda tangan {SIGNATURE} tidak sah untuk kunci {keys.grouped(sender['fingerprint'])[:19]}… "
                      f"({sender['office_name']}); manifest diubah atau ditandatangani kunci lain.", "bad_signature")
    listed: dict[str, dict] = {}
    for m in manifest["members"]:
        check_member_name(m["path"], name)
        if m["path"] in listed or m["path"] in (MANIFEST, SIGNATURE):
            raise refuse(name, f"manifest mencantumkan {m['path']!r} lebih dari sekali.", "bad_manifest")
        listed[m["path"]] = m
    present = set(members) - {MANIFEST, SIGNATURE}
    for extra in sorted(present - set(listed)):
        raise refuse(name, f"anggota {extra!r} ada di arsip tetapi tidak tercantum di manifest.", "unlisted_member")
    for missing in sorted(set(listed) - present):
        raise refuse(name, f"anggota {missing!r} tercantum di manifest tetapi tidak ada di arsip.", "missing_member")
    for member, m in listed.items():
        content = members[member]
        if len(content) != m["size"]:
            raise refuse(name, f"anggota {member!r} berukuran {len(content)} bita; manifest mencatat {m['size']}.",
                          "bad_size")
        digest = hashlib.sha256(content).hexdigest()
        if digest != m["sha256"]:
            raise refuse(name, f"SHA-256 anggota {member!r} adalah {digest[:16]}…, manifest mencatat "
                          f"{m['sha256'][:16]}…; isinya diubah.", "bad_hash")
    if DATA not in listed:
        raise refuse(name, f"anggota {DATA} tidak ada.", "missing_member")
    data = parse_json(members[DATA], DATA, name)
    errors = schema_errors(data, "data") or control_errors(data)
    if errors:
        raise refuse(name, f"{DATA} tidak sesuai skema: " + "; ".join(errors) + ".", "bad_data")
    _check_data(manifest, data, listed, name)
    sources = {s["sha256"]: members[s["path"]] for s in data["sources"]}
    return VerifiedBundle(path, hashlib.sha256(blob).hexdigest(), manifest,
                          hashlib.sha256(manifest_bytes).hexdigest(), data, public_key, sources)


#: manifest "contents" keys in words
_CONTENT_LABELS = {"certificates": "jumlah sertifikat", "revisions": "jumlah revisi", "audit": "jumlah catatan audit",
                   "sources": "jumlah berkas sumber", "result": "hasil rekap kantor"}


def _check_data(manifest: dict, data: dict, listed: dict[str, dict], name: str) -> None:
    if data["election_id"] != manifest["election_id"]:
        raise refuse(name, f"{DATA} untuk pemilihan {data['election_id']!r}, manifest untuk "
                      f"{manifest['election_id']!r}.", "bad_data")
    if data["sender"] != {"office_code": manifest["sender"]["office_code"], "tier": manifest["sender"]["tier"]}:
        raise refuse(name, f"pengirim di {DATA} berbeda dengan pengirim di manifest.", "bad_data")
    source_paths = {s["path"] for s in data["sources"]}
    for s in data["sources"]:
        if s["path"] != SOURCES_DIR + s["sha256"] or s["path"] not in listed or listed[s["path"]]["sha256"] != s["sha256"]:
            raise refuse(name, f"berkas sumber {s['name']!r} tidak cocok dengan anggota {s['path']!r}.", "bad_data")
    for path in listed:
        if path != DATA and path not in source_paths:
            raise refuse(name, f"anggota {path!r} tidak dikenal (bukan {DATA} dan bukan berkas sumber yang tercatat).",
                          "unlisted_member")
    contents = manifest["contents"]
    counted = {"certificates": len(data["certificates"]),
               "revisions": sum(len(c["revisions"]) for c in data["certificates"]),
               "audit": len(data["audit"]), "sources": len(data["sources"]), "result": data["result"] is not None}
    if counted != contents:
        diffs = []
        for key, label in _CONTENT_LABELS.items():
            if counted[key] != contents[key]:
                if key == "result":
                    said = "ada" if contents[key] else "tidak ada"
                    found = "ada" if counted[key] else "tidak ada"
                    diffs.append(f"{label}: manifest mencatat {said}, {DATA} {found}")
                else:
                    diffs.append(f"{label}: manifest mencatat {contents[key]}, {DATA} memuat {counted[key]}")
        raise refuse(name, f"ringkasan isi di manifest tidak cocok dengan {DATA} ({'; '.join(diffs)}).", "bad_data")
    seen = set()
    for cert in data["certificates"]:
        kode = cert["region_kode"]
        if kode in seen:
            raise refuse(name, f"sertifikat {kode} muncul dua kali.", "bad_data")
        seen.add(kode)
        for rev in cert["revisions"]:
            _check_values(rev, f"sertifikat {kode} revisi {rev['number']}", name)
        _check_history(cert["history"], cert["revisions"], f"sertifikat {kode}", name)
    if data["result"] is not None:
        _check_values(data["result"], f"hasil kantor {data['result']['region_kode']}", name)
        _check_history(data["result"]["history"], [data["result"]], f"hasil kantor {data['result']['region_kode']}",
                       name)


def _check_history(history: list[str], revisions: list[dict], what: str, name: str) -> None:
    """The carried revisions are the newest entries of the sender's history, in order."""
    shas = [r["content_sha256"] for r in revisions]
    if shas and (len(shas) > len(history) or history[-len(shas):] != shas):
        raise refuse(name, f"{what}: riwayat revisi tidak cocok dengan revisi yang dibawa.", "bad_data")


def _check_values(rev: dict, what: str, name: str) -> None:
    cols = rev["columns"]
    if set(rev["values"]) != set(cols):
        raise refuse(name, f"{what}: kolom nilai tidak sama dengan daftar kolom.", "bad_data")
    if values_sha256(cols, rev["values"]) != rev["content_sha256"]:
        raise refuse(name, f"{what}: SHA-256 isi tidak cocok dengan angka-angkanya.", "bad_hash")


def verify_bundle(path: str | Path) -> VerifiedBundle:
    """Read and check a bundle file; nothing is written anywhere.

    Returns:
        :class:`VerifiedBundle`.
    Raises:
        BundleRefused: with codes not_zip, too_large, too_many_members, unsafe_path, bomb,
            duplicate_member, missing_member, unlisted_member, bad_manifest, bad_format_version,
            bad_signature, bad_size, bad_hash, bad_data.
    """
    from .. import files

    path = Path(path)
    try:
        blob = files.read_named(path, MAX_BUNDLE_BYTES, "berkas bundel recap_app (.zip)")
    except files.FileRefused as exc:
        raise BundleRefused(exc.message, exc.code) from exc
    return verify_bytes(blob, path.name, path)
