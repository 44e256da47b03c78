"""Storage faults named as what they are: a full disk is not damage, a read-only stick is not damage.

SQLite reports a failing disk in many ways: ``SQLITE_FULL`` while writing, but ``SQLITE_IOERR``
(disk I/O error) when the ``-wal`` or ``-shm`` file cannot grow, ``SQLITE_CANTOPEN`` when the
folder refuses a new file, ``SQLITE_READONLY`` on a write-protected medium, ``SQLITE_BUSY`` when
another program holds the lock. Only ``SQLITE_CORRUPT`` and ``SQLITE_NOTADB`` mean the file
itself is damaged. :func:`classify` maps an exception to one kind, looking at the free space of
the folder too (an I/O error with almost no space left is a full disk), and :func:`fault_error`
gives the clerk's message for it — never advising a restore that would drop newer data unless
the file really is damaged.

Kinds (the WorkspaceError codes): disk_full, io_error, readonly, locked, cantopen, damaged,
storage (anything else).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path

from .errors import WorkspaceError, os_text

#: below this many free bytes a workspace is opened without shared memory (no SIGBUS when the
#: -shm file cannot grow) and an I/O error is taken for a full disk
LOW_SPACE = 2 * 1024 * 1024


def free_bytes(folder: str | os.PathLike) -> int | None:
    """Free bytes for this user in ``folder`` (None when it cannot be told)."""
    try:
        if hasattr(os, "statvfs"):  # what shutil.disk_usage reads on POSIX, without loading shutil at each start
            st = os.statvfs(folder)
            return st.f_bavail * st.f_frsize
        import shutil  # pragma: no cover - Windows

        return shutil.disk_usage(folder).free  # pragma: no cover
    except OSError:
        return None


def low_space(folder: str | os.PathLike) -> bool:
    """True when ``folder`` has less than :data:`LOW_SPACE` free."""
    free = free_bytes(folder)
    return free is not None and free < LOW_SPACE


def classify(exc: BaseException, path: str | os.PathLike | None = None) -> str:
    """The kind of a storage fault: "disk_full", "io_error", "readonly", "locked", "cantopen",
    "damaged" or "storage". ``path``: the workspace (its folder's free space is consulted)."""
    folder = Path(path).parent if path is not None else None
    if isinstance(exc, OSError) and not isinstance(exc, sqlite3.Error):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            return "disk_full"
        if exc.errno == errno.EROFS:
            return "readonly"
        if exc.errno in (errno.EACCES, errno.EPERM):
            return "cantopen"
        return "io_error"
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc).lower()
    if name == "SQLITE_FULL" or "database or disk is full" in text:
        return "disk_full"
    if name.startswith("SQLITE_READONLY") or "readonly" in text or "read-only" in text:
        return "readonly"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text:
        return "locked"
    if (name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text or "not a database" in text
            or "could not decode to utf-8" in text):  # bytes no program of ours writes: the file is damaged
        return "damaged"
    if name.startswith(("SQLITE_IOERR", "SQLITE_CANTOPEN")) or "disk i/o error" in text or "unable to open" in text:
        if folder is not None and low_space(folder):
            return "disk_full"
        return "cantopen" if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text else "io_error"
    return "storage"


def fault_error(path: str | os.PathLike, exc: BaseException, kind: str | None = None) -> WorkspaceError:
    """The clerk's WorkspaceError (code = kind) for a storage fault on workspace ``path``."""
    path = Path(path)
    kind = kind or classify(exc, path)
    if kind == "disk_full":
        free = free_bytes(path.parent)
        from .formatting import number  # loaded when a fault is named

        left = f" (sisa {number(free)} bita)" if free is not None and free < LOW_SPACE else ""
        return WorkspaceError(
            f"Disk penuh di {path.parent}{left}: {path} tidak rusak, tetapi perubahan tidak dapat disimpan; data tetap "
            "seperti sebelumnya. Kosongkan ruang disk lalu ulangi. Jangan memulihkan cadangan: cadangan tidak "
            "memuat perubahan terbaru.", "disk_full")
    if kind == "readonly":
        return WorkspaceError(f"Ruang kerja {path} tidak dapat ditulis (media atau berkas hanya-baca); tidak ada yang "
                              "diubah.", "readonly")
    if kind == "locked":
        return WorkspaceError(f"Ruang kerja {path} sedang dipakai proses lain; coba lagi sebentar.", "locked")
    if kind == "cantopen":
        return WorkspaceError(f"Ruang kerja {path} tidak dapat dibuka: folder {path.parent} menolak berkas baru (izin "
                              f"atau media). Berkas itu tidak diubah. ({exc})", "cantopen")
    if kind == "io_error":
        return WorkspaceError(f"Kesalahan baca/tulis disk pada {path} ({exc}): periksa disk atau flashdisk (tercabut?). "
                              "Ini bukan kerusakan berkas; tidak ada yang diubah.", "io_error")
    if kind == "damaged":
        return WorkspaceError(f"Berkas {path} rusak ({exc}).", "damaged")
    return WorkspaceError(f"Kesalahan penyimpanan pada {path}: {exc}. Tidak ada yang diubah.", "storage")


def os_reason(exc: OSError) -> str:
    """Why a file could not be written, in Indonesian: "disk penuh", "media hanya-baca", ..."""
    kind = classify(exc)
    return {"disk_full": "disk penuh", "readonly": "media hanya-baca", "cantopen": "tidak diizinkan"}.get(
        kind, f"kesalahan disk: {os_text(exc)}")
