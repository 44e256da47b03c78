"""The signed manifest of a publication and the check of a published folder.

``manifest.json`` lists every other file of the site with its size, SHA-256 and cache class
and says what the site holds (election, office, marks, data time, audit chain head, data
fingerprint of the paper certificate, the office key, the province totals); ``manifest.sig``
is the Ed25519 signature (64 raw bytes) of the exact bytes of manifest.json, made with the
office key (:mod:`recap_app.core.bundle.keys`). ``SHA256SUMS`` repeats the hashes in the form
``sha256sum -c`` reads, ``kunci-publik.pem`` is the public key for ``openssl pkeyutl -verify``.

:func:`verify_site` checks a folder: the signature, then every listed file (missing or
different), then every file not listed (extra). Layout: docs/publication-schema.md.
"""

from __future__ import annotations

import json
import os
import posixpath
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import os_text
from .common import (
    FORMAT_VERSION,
    MANIFEST,
    PUBLIC_KEY_FILE,
    SIGNATURE,
    SITE_FORMAT,
    SUMS,
    cache_class,
    grouped,
    mark_text,
    number,
    percent,
    sha256,
    share,
    wib,
    wib_iso,
)
from .data import dumps
from .snapshot import Snapshot

#: the files a manifest never lists (itself and its signature)
UNLISTED = (MANIFEST, SIGNATURE)


def sums_file(files: dict[str, bytes]) -> bytes:
    """SHA256SUMS: "<sha256>  <path>" per file, sorted by path (what ``sha256sum -c`` reads)."""
    return "".join(f"{sha256(files[p])}  {p}\n" for p in sorted(files)).encode("utf-8")


def make_manifest(s: Snapshot, files: dict[str, bytes], data_index: dict) -> dict:
    """The manifest of a site (a dict; :func:`data.dumps` gives its bytes).

    Args:
        s: the snapshot the site was made from.
        files: {site path: bytes} of every file except manifest.json and manifest.sig.
        data_index: {"provinsi": {json, csv}, "kabupaten_kota": {kode: {json, csv, page}}, "dapil": {...}}.
    """
    e = s.election
    whole = s.fields.get("suara_sah")
    return {
        "format": SITE_FORMAT, "format_version": FORMAT_VERSION,
        "election_id": e.id, "election_name": e.name, "election_name_en": e.name_en, "form": e.form_kind,
        "office": {"kode": s.office_code, "nama": s.office_name},
        "marks": list(s.marks), "mark_text": mark_text(s.marks), "demo": "CONTOH" in s.marks,
        "simulation": "SIMULASI" in s.marks,
        "data_time": s.head["at"], "data_time_wib": wib_iso(s.head["at"]),
        "chain_head": dict(s.head),
        "data_fingerprint": ({"document": "sertifikat", "form": e.form_name("provinsi"), "sha256": s.data_fingerprint}
                             if s.data_fingerprint else None),
        "public_key": s.public_key, "key_fingerprint": s.key_fingerprint,
        "program_version": s.program_version,
        "summary": {"received": s.received, "expected": s.expected, "adopted": s.adopted, "final": s.final,
                    "suara_sah": whole,
                    "contestants": [{"nomor": c.nomor, "nama_singkat": c.short, "key": k, "suara": s.fields.get(k),
                                     "persen": _persen(s.fields.get(k), whole)}
                                    for c, k in s.contestants]},
        "data": data_index,
        "files": [{"path": p, "size": len(files[p]), "sha256": sha256(files[p]), "cache": cache_class(p)}
                  for p in sorted(files)],
    }


def _persen(part, whole) -> float | None:
    p = share(part, whole)
    return None if p is None else float(p)


def manifest_bytes(manifest: dict) -> bytes:
    """The exact bytes of manifest.json (canonical JSON)."""
    return dumps(manifest)


# ------------------------------------------------------------------------------------------ verify
@dataclass(frozen=True)
class Problem:
    """One thing that does not hold in a published folder.

    Attributes:
        kind: "manifest" (missing, unreadable, not ours), "signature", "key", "differs",
            "missing", "extra" or "path" (a listed path that would leave the folder).
        path: the file concerned (site path), or "" for the folder.
        message: the Indonesian sentence (names the file, what was found, what was expected).
    """

    kind: str
    path: str
    message: str


@dataclass
class VerifyReport:
    """Result of :func:`verify_site`; ``ok`` only when the signature and every file hold.

    Attributes:
        folder: the folder checked; manifest: the parsed manifest (None when unreadable);
        files: number of files the manifest lists; checked: files found and compared;
        problems: everything that does not hold.
    """

    folder: Path
    manifest: dict | None = None
    files: int = 0
    checked: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True only when no problem was found."""
        return not self.problems

    def describe(self) -> list[str]:
        """What the site holds, in Indonesian lines (from the manifest; empty when unreadable)."""
        m = self.manifest
        if not m:
            return []
        lines = [f"Publikasi: {m.get('election_name')} ({m.get('election_id')}), {m.get('office', {}).get('nama')}."]
        if m.get("marks"):
            lines.append(f"Tanda: {m.get('mark_text')}.")
        head = m.get("chain_head") or {}
        lines.append(f"Data per {wib(m.get('data_time'))}; kepala rantai audit #{head.get('id')} "
                     f"hash {head.get('hash')}.")
        fp = m.get("data_fingerprint")
        if fp:
            lines.append(f"Sidik data {fp.get('form')} (sertifikat provinsi): {fp.get('sha256')} "
                         f"(kertas mencetak {str(fp.get('sha256'))[:16]}).")
        sm = m.get("summary") or {}
        lines.append(f"{sm.get('received')} dari {sm.get('expected')} kabupaten/kota diterima; "
                     f"{sm.get('adopted')} ditetapkan.")
        whole = sm.get("suara_sah")
        for c in sm.get("contestants") or []:
            pct = percent(c.get("suara"), whole)
            lines.append(f"  {c.get('nomor') or '-'} {c.get('nama_singkat')}: {number(c.get('suara'))}"
                         + (f" ({pct})" if pct else ""))
        lines.append(f"Suara sah: {number(whole)}.")
        lines.append(f"{self.files} berkas tercantum (tanpa manifest dan tanda tangannya sendiri); kunci kantor {grouped(str(m.get('key_fingerprint')))}.")
        return lines

    def to_dict(self) -> dict:
        """JSON-ready report (``recap publish verify --format json``)."""
        return {"ok": self.ok, "folder": str(self.folder), "files": self.files, "checked": self.checked,
                "problems": [{"kind": p.kind, "path": p.path, "message": p.message} for p in self.problems],
                "manifest": None if self.manifest is None else {k: v for k, v in self.manifest.items()
                                                                if k not in ("files", "data")}}


def expected_fingerprint(key: str) -> str:
    """A fingerprint from what a reader was told: 64 hex digits (spaces allowed), ``ed25519:...``
    text, or a PEM file. Raises PublishError when it is none of these."""
    from ..office_key import OfficeKeyError, fingerprint, parse_public_key
    from .common import PublishError

    text = key.strip()
    compact = text.replace(" ", "").lower()
    if len(compact) == 64 and all(ch in "0123456789abcdef" for ch in compact):
        return compact
    if not text.startswith(("ed25519:", "-----BEGIN")) and Path(text).is_file():
        try:
            text = Path(text).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PublishError(f"Berkas kunci {key} tidak dapat dibaca: {exc}.", "bad_key") from exc
    try:
        return fingerprint(parse_public_key(text))
    except OfficeKeyError as exc:
        raise PublishError(f"Kunci yang diharapkan tidak dapat dibaca: {exc.message} Boleh juga 64 angka heksadesimal "
                           "sidik kunci.", "bad_key") from exc


def _walk(folder: Path) -> set[str]:
    out = set()
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for n in names:
            out.add(Path(root, n).relative_to(folder).as_posix())
    return out


def _safe(path: str) -> bool:
    if not isinstance(path, str) or not path or "\\" in path or "\x00" in path or path.startswith("/"):
        return False
    norm = posixpath.normpath(path)
    return norm == path and not norm.startswith("..") and path not in UNLISTED


def read_manifest(folder: Path) -> tuple[dict | None, bytes | None, Problem | None]:
    """(manifest, its bytes, None) or (None, bytes or None, the problem) for a folder."""
    p = Path(folder) / MANIFEST
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        return None, None, Problem("manifest", MANIFEST, f"Berkas {MANIFEST} tidak ada di {folder}; diharapkan manifest "
                                   "publikasi recap_app.")
    except OSError as exc:
        return None, None, Problem("manifest", MANIFEST, f"Berkas {p} tidak dapat dibaca: {os_text(exc)}.")
    try:
        m = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        return None, raw, Problem("manifest", MANIFEST, f"{MANIFEST} di {folder} bukan JSON UTF-8 yang sah ({exc}).")
    if not isinstance(m, dict) or m.get("format") != SITE_FORMAT:
        found = m.get("format") if isinstance(m, dict) else type(m).__name__
        return None, raw, Problem("manifest", MANIFEST, f"{MANIFEST} di {folder} bukan manifest publikasi recap_app "
                                  f"(format {found!r}, diharapkan {SITE_FORMAT!r}).")
    if m.get("format_version") != FORMAT_VERSION or not isinstance(m.get("files"), list):
        return None, raw, Problem("manifest", MANIFEST, f"{MANIFEST} di {folder}: versi format "
                                  f"{m.get('format_version')!r} tidak dikenal atau daftar berkas tidak ada "
                                  f"(diharapkan versi {FORMAT_VERSION}).")
    return m, raw, None


def verify_site(folder: str | os.PathLike, key: str | None = None) -> VerifyReport:
    """Check a published folder: signature, every listed file, no file unlisted.

    Args:
        folder: the site folder (as written by :func:`recap_app.core.publish.publish` or downloaded).
        key: the office key a reader expects (fingerprint, ``ed25519:...`` or a PEM file); without
            it the key in the manifest is used and its fingerprint is reported for comparison.
    Returns:
        A VerifyReport (never raises for a damaged site: each fault is a Problem).
    Raises:
        PublishError: ``key`` cannot be read; the folder does not exist or is not a folder.
    """
    from ..office_key import OfficeKeyError, fingerprint, parse_public_key, verify_signature
    from .common import PublishError

    folder = Path(folder)
    if not folder.is_dir():
        raise PublishError(f"Folder {folder} tidak ada atau bukan folder; diharapkan folder situs publikasi.",
                           "no_folder")
    want = expected_fingerprint(key) if key else None
    rep = VerifyReport(folder)
    manifest, raw, problem = read_manifest(folder)
    if problem:
        rep.problems.append(problem)
        return rep
    rep.manifest = manifest
    try:
        sig = (folder / SIGNATURE).read_bytes()
    except OSError:
        sig = None
        rep.problems.append(Problem("signature", SIGNATURE, f"{SIGNATURE} tidak ada di {folder}: manifest tidak "
                                    "bertanda tangan, isinya tidak dapat dipastikan."))
    try:
        pub = parse_public_key(str(manifest.get("public_key", "")))
        fp = fingerprint(pub)
    except OfficeKeyError:
        pub, fp = None, ""
        rep.problems.append(Problem("key", MANIFEST, f"Kunci publik di {MANIFEST} tidak dapat dibaca "
                                    f"({str(manifest.get('public_key'))[:40]!r}); diharapkan 'ed25519:...'."))
    if pub is not None:
        if fp != manifest.get("key_fingerprint"):
            rep.problems.append(Problem("key", MANIFEST, f"Sidik kunci di {MANIFEST} ({manifest.get('key_fingerprint')}) "
                                        f"bukan sidik kunci publiknya ({fp})."))
        if want and fp != want:
            rep.problems.append(Problem("key", MANIFEST, f"Situs ditandatangani kunci {grouped(fp)}, bukan kunci yang "
                                        f"diharapkan {grouped(want)}."))
        if sig is not None and not (len(sig) == 64 and verify_signature(pub, sig, raw)):
            rep.problems.append(Problem("signature", SIGNATURE, f"Tanda tangan {SIGNATURE} TIDAK SAH untuk {MANIFEST} "
                                        f"dengan kunci {grouped(fp)[:39]}…: manifest diubah setelah ditandatangani, "
                                        "atau ditandatangani kunci lain."))
    listed: dict[str, dict] = {}
    for entry in manifest["files"]:
        path = entry.get("path") if isinstance(entry, dict) else None
        if not _safe(path) or not isinstance(entry.get("sha256"), str):
            rep.problems.append(Problem("path", str(path), f"{MANIFEST} mencantumkan jalur {path!r} yang tidak sah "
                                        "(harus jalur relatif di dalam folder situs)."))
            continue
        listed[path] = entry
    rep.files = len(listed)
    present = _walk(folder)
    for path in sorted(listed):
        entry = listed[path]
        if path not in present:
            rep.problems.append(Problem("missing", path, f"{path}: tercantum di manifest tetapi tidak ada di folder."))
            continue
        try:
            data = (folder / path).read_bytes()
        except OSError as exc:
            rep.problems.append(Problem("missing", path, f"{path}: tidak dapat dibaca ({os_text(exc)})."))
            continue
        rep.checked += 1
        got = sha256(data)
        if got != entry["sha256"] or len(data) != entry.get("size"):
            rep.problems.append(Problem("differs", path, f"{path}: isinya berbeda dari manifest (SHA-256 {got[:16]}…, "
                                        f"diharapkan {entry['sha256'][:16]}…; {len(data)} bita, diharapkan "
                                        f"{entry.get('size')})."))
    for path in sorted(present - set(listed) - set(UNLISTED)):
        rep.problems.append(Problem("extra", path, f"{path}: ada di folder tetapi tidak tercantum di manifest "
                                    "(berkas tambahan)."))
    return rep


__all__ = ["PUBLIC_KEY_FILE", "SUMS", "Problem", "VerifyReport", "make_manifest", "manifest_bytes", "read_manifest",
           "sums_file", "verify_site"]
