"""Pushing a published folder to real hosting with rclone (an S3 bucket, WebDAV, SFTP, a path).

:func:`push` compares the folder's manifest with the one already on the remote
(``rclone cat REMOTE/manifest.json``) and hands rclone only the files whose SHA-256 differs,
in an order that never shows a reader a broken site: content-addressed data and the
stylesheet first (Cache-Control: immutable), then the pages, then the home pages, the sums and
the key, then manifest.json and manifest.sig (short cache), and last it deletes the files the
new manifest no longer lists. A push interrupted half-way is finished by the next one, since
the remote's manifest stays the old one until the end. rclone's errors become Indonesian
messages naming the remote and what was expected (:func:`explain`).

The remote is anything rclone accepts: "name:path" of a remote in rclone's configuration
(``rclone config``, or RCLONE_CONFIG_<NAME>_* environment variables), or a local path.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    CACHE_IMMUTABLE,
    CACHE_SHORT,
    MANIFEST,
    PUBLIC_KEY_FILE,
    SIGNATURE,
    SUMS,
    PublishError,
    is_addressed,
)
from .manifest import read_manifest, verify_site

#: options every rclone call gets: fail fast on a dead network, keep going on a slow one
RCLONE_FLAGS = ("--contimeout", "15s", "--timeout", "60s", "--retries", "2", "--low-level-retries", "3",
                "--stats", "0")


@dataclass
class PushResult:
    """What a push did: the remote, the files uploaded and deleted there, and whether the
    remote had a publication before (``fresh`` when it had none)."""

    remote: str
    uploaded: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    fresh: bool = False

    def lines(self) -> list[str]:
        """The result in Indonesian."""
        if not self.uploaded and not self.deleted:
            return [f"Tujuan {self.remote} sudah sama dengan folder situs; tidak ada yang dikirim."]
        return [f"Dikirim ke {self.remote}: {len(self.uploaded)} berkas diunggah, {len(self.deleted)} dihapus"
                + (" (tujuan baru: seluruh situs)." if self.fresh else " (hanya yang berubah).")]

    def to_dict(self) -> dict:
        """JSON-ready form (``recap publish --format json``)."""
        return {"remote": self.remote, "uploaded": self.uploaded, "deleted": self.deleted, "fresh": self.fresh}


def rclone_path() -> str | None:
    """The rclone program, or None when it is not installed."""
    return shutil.which(os.environ.get("RECAP_RCLONE", "rclone"))


def join(remote: str, path: str) -> str:
    """A file under a remote: "situs:" + "a" -> "situs:a", "bucket:x" -> "bucket:x/a", "/srv" -> "/srv/a"."""
    if remote.endswith((":", "/")):
        return remote + path
    return f"{remote}/{path}"


def explain(remote: str, stderr: str, code: int) -> str:
    """An rclone failure as an Indonesian sentence naming the remote, what happened and what to do.

    Args:
        remote: the remote as the clerk gave it; stderr: rclone's error output; code: its exit status.
    """
    text = stderr.lower()
    last = next((ln.strip() for ln in reversed(stderr.strip().splitlines()) if ln.strip()), "")
    name = remote.split(":", 1)[0] if ":" in remote and not remote.startswith((":", "/")) else remote
    if "didn't find section in config file" in text or "not found in config file" in text:
        return (f"Tujuan rclone '{name}' tidak dikenal: tidak ada di konfigurasi rclone. Tambahkan dulu dengan "
                f"'rclone config' (atau variabel RCLONE_CONFIG_{name.upper()}_TYPE dan kawannya), atau tulis jalur "
                "folder biasa.")
    if "connection refused" in text:
        return (f"Server tujuan {remote} menolak sambungan: server tidak berjalan, atau alamat/port-nya salah. "
                "Periksa alamat di konfigurasi rclone.")
    if "no such host" in text or "server misbehaving" in text:
        return f"Nama server tujuan {remote} tidak ditemukan (DNS). Periksa alamatnya, atau jaringan sedang putus."
    if "i/o timeout" in text or "deadline exceeded" in text or "timeout" in text:
        return f"Server tujuan {remote} tidak menjawab dalam batas waktu. Periksa jaringan lalu kirim lagi."
    if "network is unreachable" in text or "no route to host" in text:
        return f"Jaringan ke {remote} tidak tersedia (tidak ada rute). Sambungkan jaringan lalu kirim lagi."
    if any(k in text for k in ("401", "unauthorized", "invalidaccesskeyid", "signaturedoesnotmatch",
                               "authentication failed", "auth failed")):
        return f"Tujuan {remote} menolak masuk: nama pengguna, kata sandi atau kunci akses di konfigurasi rclone salah."
    if any(k in text for k in ("403", "forbidden", "accessdenied", "access denied", "permission denied")):
        return f"Tujuan {remote} menolak menulis (izin tidak cukup). Minta hak tulis untuk folder/bucket itu."
    if "nosuchbucket" in text or "bucket does not exist" in text:
        return f"Bucket di {remote} tidak ada. Buat dulu bucket-nya (atau periksa namanya)."
    if any(k in text for k in ("no space left", "insufficient storage", "507", "quota")):
        return f"Tujuan {remote} penuh (ruang atau kuota habis). Kosongkan ruang lalu kirim lagi."
    if "read-only file system" in text:
        return f"Tujuan {remote} hanya-baca; tidak ada yang dapat ditulis di sana."
    return f"rclone gagal mengirim ke {remote} (kode keluar {code}): {last or 'tanpa keterangan'}."


def _run(args: list[str], remote: str, timeout: float) -> subprocess.CompletedProcess:
    exe = rclone_path()
    if exe is None:
        raise PublishError("Program rclone tidak terpasang; pasang dengan 'apt-get install rclone' (scripts/bootstrap.sh "
                           "memasangnya) lalu kirim lagi. Folder situs tidak berubah.", "no_rclone")
    try:
        return subprocess.run([exe, *args, *RCLONE_FLAGS], capture_output=True, text=True, timeout=timeout,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise PublishError(f"Pengiriman ke {remote} tidak selesai dalam {int(timeout)} detik dan dihentikan; tujuan "
                           "mungkin berisi sebagian berkas baru. Kirim lagi untuk menyelesaikannya.", "push_timeout") from exc


def remote_manifest(remote: str, timeout: float = 120) -> dict | None:
    """The manifest already on the remote, or None when it has none (a new or empty remote).

    Raises:
        PublishError: the remote cannot be reached or read (see :func:`explain`).
    """
    r = _run(["cat", join(remote, MANIFEST)], remote, timeout)
    if r.returncode in (3, 4):  # rclone: directory not found, file not found
        return None
    if r.returncode != 0:
        raise PublishError(explain(remote, r.stderr, r.returncode), "remote_failed")
    try:
        m = json.loads(r.stdout)
    except ValueError:
        return None
    return m if isinstance(m, dict) and isinstance(m.get("files"), list) else None


def _phase(path: str) -> int:
    if is_addressed(path):
        return 0
    if path in (MANIFEST, SIGNATURE):
        return 3
    if path in ("index.html", "en/index.html", SUMS, PUBLIC_KEY_FILE):
        return 2
    return 1


def push(folder: str | os.PathLike, remote: str, *, full: bool = False, timeout: float = 1800,
         progress=None) -> PushResult:
    """Copy a published folder to an rclone remote: only what differs from the remote's manifest.

    Args:
        folder: a published folder (checked first: it must verify, or nothing is sent).
        remote: an rclone remote ("situs:", "s3kpu:bucket/hasil") or a local path.
        full: send every file whatever the remote holds.
        timeout: seconds allowed for each rclone call.
        progress: progress(done, total, text) between the steps.
    Returns:
        A PushResult.
    Raises:
        PublishError: the folder does not verify, rclone is missing, the remote refuses or fails
        (the message says which, in Indonesian).
    """
    step = progress or (lambda *_a: None)
    folder = Path(folder)
    remote = str(remote).strip()
    if not remote:
        raise PublishError("Tujuan pengiriman kosong; tulis nama remote rclone (misalnya situs:hasil) atau jalur folder.",
                           "no_remote")
    rep = verify_site(folder)
    if not rep.ok:
        raise PublishError(f"Folder {folder} tidak lolos verifikasi, jadi tidak dikirim: "
                           + "; ".join(p.message for p in rep.problems[:5]), "not_verified")
    local, _raw, _problem = read_manifest(folder)
    step(0, 5, f"Membaca manifest di {remote}…")
    theirs = None if full else remote_manifest(remote, timeout)
    have = {f.get("path"): f.get("sha256") for f in (theirs or {}).get("files", []) if isinstance(f, dict)}
    mine = {f["path"]: f["sha256"] for f in local["files"]}
    changed = sorted(p for p in mine if have.get(p) != mine[p])
    stale = sorted(p for p in have if p not in mine and isinstance(p, str))
    result = PushResult(remote, fresh=theirs is None)
    if not changed and not stale and theirs == local:
        return result
    phases: dict[int, list[str]] = {0: [], 1: [], 2: [], 3: [MANIFEST, SIGNATURE]}
    for p in changed:
        phases[_phase(p)].append(p)
    with tempfile.TemporaryDirectory(prefix="recap-kirim-") as tmp:
        for n, (ph, paths) in enumerate(sorted(phases.items()), 1):
            if not paths:
                continue
            step(n, 5, f"Mengirim {len(paths)} berkas…")
            listing = Path(tmp) / f"fase{ph}.txt"
            listing.write_text("".join(f"{p}\n" for p in paths), encoding="utf-8")
            cache = CACHE_IMMUTABLE if ph == 0 else CACHE_SHORT
            r = _run(["copy", str(folder), remote, "--files-from-raw", str(listing), "--no-traverse", "--ignore-times",
                      "--header-upload", f"Cache-Control: {cache}"], remote, timeout)
            if r.returncode != 0:
                raise PublishError(explain(remote, r.stderr, r.returncode)
                                   + f" Sebagian berkas mungkin sudah terkirim; {MANIFEST} di tujuan belum diganti, jadi "
                                   "situs di sana tetap utuh. Kirim lagi untuk menyelesaikannya.", "remote_failed")
            result.uploaded.extend(paths)
        if stale:
            step(4, 5, f"Menghapus {len(stale)} berkas lama di tujuan…")
            listing = Path(tmp) / "hapus.txt"
            listing.write_text("".join(f"{p}\n" for p in stale), encoding="utf-8")
            r = _run(["delete", remote, "--files-from-raw", str(listing)], remote, timeout)
            if r.returncode != 0:
                raise PublishError(explain(remote, r.stderr, r.returncode) + " Situs baru sudah terkirim; hanya berkas "
                                   "lama yang belum terhapus.", "remote_failed")
            result.deleted = stale
    step(5, 5, "")
    return result


def push_and_record(ws, actor: str, folder: str | os.PathLike, remote: str, *, full: bool = False,
                    progress=None) -> PushResult:
    """:func:`push` a published folder, then record it in the audit log ("publication.push").

    Args:
        ws: the open Workspace; actor: acting user (permission "publish").
        folder, remote, full, progress: as for :func:`push`.
    Returns:
        The PushResult (the record holds the remote, counts and the manifest's SHA-256).
    Raises:
        NotAllowed: no permission "publish"; PublishError as :func:`push` (nothing recorded then).
    """
    from .. import auth
    from .common import sha256

    auth.require(ws, actor, "publish")
    result = push(folder, remote, full=full, progress=progress)
    manifest = sha256((Path(folder) / MANIFEST).read_bytes())
    with ws.transaction():
        ws.record(actor, "publication.push", f"publication:{remote}", None,
                  {"remote": remote, "uploaded": len(result.uploaded), "deleted": len(result.deleted),
                   "manifest_sha256": manifest, "out": str(Path(folder).absolute())})
    return result
