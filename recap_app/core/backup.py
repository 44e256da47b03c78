"""Backups, restore and the start-up integrity check (docs/security.md).

A backup is a complete copy of the workspace made with SQLite's online backup API from a
separate read connection (so it holds exactly the committed state, even while another
connection writes), written to a temporary file, checked with ``PRAGMA integrity_check``,
flushed to disk, and only then renamed to its final name. A copy that fails the check is
deleted and reported; an existing file is never overwritten.

Automatic backups (:func:`auto_backup`, called after each adoption, import and bundle export)
go to the workspace's backup folder, by default ``<folder of the workspace>/<name>-cadangan/``
(office setting ``backup_dir`` overrides), named ``<name>-<UTC time>-<reason>.sqlite``; the
newest ``backup_keep`` (office setting, default 20) are kept and older ones deleted.

Each backup's audit head (last record id and hash) serves as an anchor for
``recap audit verify``: a chain rewritten after a backup no longer matches it. The head log
(core/headlog.py) notes every backup made, so it is found wherever ``backup_dir`` points later.
Restore lives in core/restore.py (it verifies the backup first).
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import sqlite3
import stat
from glob import escape as glob_escape
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from . import faults, files, headlog
from .clock import now_iso
from .errors import RecapError, WorkspaceError, os_text
from .files import clean_temps, fsync_folder, resolved_name, temp_beside
from .store import Workspace

DEFAULT_KEEP = 20
#: a temporary copy older than this (seconds) belongs to an interrupted backup and is removed
SUFFIX = ".sqlite"
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9_]+)\.sqlite$")


class BackupError(WorkspaceError):
    """A backup or restore could not be made; nothing was changed."""


class BackupInfo(NamedTuple):
    """One backup file.

    Attributes:
        path: the file; created_at: ISO 8601 UTC (from the name, else the file time);
        reason: why it was made ("import", "adopt", "bundle_export", "manual", ...);
        size: bytes; sha256: hex digest of the file (empty when not computed);
        audit_last_id, audit_last_hash: the head of its audit chain (0/"" when not read).
    """

    path: Path
    created_at: str
    reason: str
    size: int
    sha256: str = ""
    audit_last_id: int = 0
    audit_last_hash: str = ""


class StartupReport(NamedTuple):
    """Result of :func:`startup_check`.

    Attributes:
        ok: the workspace opened and passed the integrity check.
        message: one plain Indonesian paragraph for the clerk.
        latest_good_backup: the newest backup that passes the integrity check (or None).
        kind: "ok", "missing", "damaged" or a storage fault (core/faults.py).
    """

    ok: bool
    message: str
    latest_good_backup: BackupInfo | None
    kind: str = "ok"


# ----------------------------------------------------------------- checks
def check_file(path: str | Path) -> tuple[bool, str]:
    """Integrity check of a workspace file (read-only; never raises).

    Returns:
        (True, "ok") when ``PRAGMA integrity_check`` says ok and the file is a recap_app
        workspace; else (False, reason in Indonesian). See :func:`check_fault` for the kind.
    """
    ok, why, _kind = check_fault(path)
    return ok, why


def check_fault(path: str | Path) -> tuple[bool, str, str]:
    """:func:`check_file` with the kind of failure: "ok", "missing", "damaged" (the file itself),
    or a storage fault of core/faults.py ("disk_full", "io_error", "cantopen", "locked",
    "readonly") that says nothing about the file's content."""
    path = Path(path)
    if not path.is_file():
        return False, f"berkas {path} tidak ada", "missing"
    try:
        wal = Path(f"{path}-wal")
        still = faults.low_space(path.parent) and (not wal.exists() or wal.stat().st_size == 0)
        # on a full disk with nothing in the WAL the file is read as it is: no -shm to make or grow
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro{'&immutable=1' if still else ''}", uri=True)
        conn.execute("PRAGMA mmap_size=0")
    except (sqlite3.Error, OSError) as exc:
        return False, f"tidak dapat dibuka ({exc})", faults.classify(exc, path)
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            from .formatting import number  # loaded when the message is written

            lines = [x.strip() for r in rows for x in str(r).splitlines() if x.strip() and not x.startswith("***")]
            more = f" (dan {number(len(lines) - 3)} masalah lain)" if len(lines) > 3 else ""
            return False, "pemeriksaan integritas SQLite gagal: " + "; ".join(lines[:3]) + more, "damaged"
        if conn.execute("SELECT value FROM meta WHERE key = 'election'").fetchone() is None:
            return False, "bukan ruang kerja recap_app (definisi pemilihan tidak ada)", "damaged"
    except sqlite3.DatabaseError as exc:
        kind = faults.classify(exc, path)
        if kind in ("damaged", "storage"):
            return False, f"rusak atau bukan ruang kerja ({exc})", "damaged"
        return False, f"tidak dapat dibaca ({exc})", kind
    finally:
        conn.close()
    return True, "ok", "ok"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def fsync_file(path: Path) -> None:
    """Flush a file's bytes to the disk, and its folder's entry for it (POSIX). Raises OSError."""
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    fsync_folder(path.parent)


def remove_with_sidecars(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def _first_row(path: Path, sql: str) -> tuple | None:
    """The first row ``sql`` gives on the file read-only, or None for anything that is no regular
    file, no SQLite database, or lacks what ``sql`` reads (never raises, never blocks on a FIFO)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
    except (sqlite3.Error, OSError):
        return None
    try:
        return conn.execute(sql).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def _head_of(path: Path) -> tuple[int, str]:
    row = _first_row(path, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1")
    return (row[0], row[1]) if row else (0, "")


def copy_checked(src_path: Path, out: Path) -> None:
    """Online-backup ``src_path`` into ``out`` (temp file, integrity check, fsync, rename).

    The copy is written without SQLite's own flushes (``synchronous=OFF`` on the temporary file,
    5 ms of a 2 MB copy here): nothing reads it before its check, and it is flushed to the disk
    whole (:func:`fsync_file`) before it takes its name, and its folder after, so a power cut
    leaves either no backup of that name or the checked one."""
    tmp = temp_beside(out, "sementara")
    try:
        src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                dst.execute("PRAGMA synchronous=OFF")
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
            finally:
                dst.close()
        finally:
            src.close()
        ok, why = check_file(tmp)
        if not ok:
            raise BackupError(f"Salinan cadangan {out} gagal diperiksa ({why}); salinan dibuang, tidak ada yang "
                              "berubah.", "backup_check")
        fsync_file(tmp)
        os.replace(tmp, out)
        fsync_folder(out.parent)
    except sqlite3.Error as exc:
        remove_with_sidecars(tmp)
        text = str(exc).lower()
        if "full" in text:
            raise BackupError(f"Disk penuh: cadangan {out} tidak dapat dibuat; ruang kerja tidak berubah.",
                              "disk_full") from exc
        raise BackupError(f"Cadangan {out} tidak dapat dibuat: {exc}. Ruang kerja tidak berubah.") from exc
    except OSError as exc:
        remove_with_sidecars(tmp)
        if exc.errno == 28:
            raise BackupError(f"Disk penuh: cadangan {out} tidak dapat dibuat; ruang kerja tidak berubah.",
                              "disk_full") from exc
        raise BackupError(f"Cadangan {out} tidak dapat ditulis: {os_text(exc)}. Ruang kerja tidak berubah.",
                          "backup_write") from exc
    except BaseException:
        remove_with_sidecars(tmp)
        raise


# ----------------------------------------------------------------- making backups
def backup_dir(ws: Workspace | str | Path) -> Path:
    """The folder of automatic backups: office setting ``backup_dir``, else ``<name>-cadangan`` beside it."""
    if isinstance(ws, Workspace):
        with contextlib.suppress(Exception):
            custom = ws.setting("backup_dir")
            if custom:
                return Path(custom)
        path = ws.path
    else:
        path = Path(ws)
    return path.with_name(path.stem + "-cadangan")


def make_backup(ws: Workspace, out: str | Path, *, actor: str, reason: str = "manual",
                check_permission: bool = True, at: str | None = None) -> BackupInfo:
    """Copy the workspace's committed state to ``out`` and check the copy.

    Args:
        out: the backup file to create (never overwritten; its folder is created).
        actor: who asks (permission "backup" unless check_permission is False, as for
            automatic backups); reason: recorded in the audit log.
        at: the backup's time (ISO 8601 UTC) when the caller already took it from the program
            clock (an automatic backup names its file with it); default: the clock, read before the copy.
    Returns:
        The BackupInfo of the new file (with sha256 and audit head).
    Raises:
        BackupError: the file exists, the disk is full, the copy fails its integrity check;
            NotAllowed: the actor lacks "backup". The workspace is never changed by a failure.
    """
    from . import auth

    at = at or now_iso()
    out = Path(out)
    if check_permission:
        auth.require(ws, actor, "backup")
    if out.exists():
        raise BackupError(f"Berkas {out} sudah ada; cadangan tidak menimpa berkas. Pilih nama lain.", "exists")
    for folder in {out.parent if out.parent.exists() else out.parent.parent, ws.path.parent}:
        if faults.low_space(folder):  # a copy cannot fit, and must not wait on the lock a full disk holds
            free = faults.free_bytes(folder)
            from .formatting import number  # loaded when the message is written

            raise BackupError(f"Disk penuh di {folder} (sisa {number(free or 0)} bita): cadangan {out.name} "
                              "tidak dapat dibuat. Ruang kerja tidak berubah; kosongkan ruang disk lalu buat "
                              "cadangan lagi.", "disk_full")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {out.parent} tidak dapat dibuat: {os_text(exc)}.") from exc
    copy_checked(ws.path, out)
    last_id, last_hash = _head_of(out)
    info = BackupInfo(out, at, reason, out.stat().st_size, file_sha256(out), last_id, last_hash)
    try:  # what the copy holds may be commits not yet flushed (an import's batch flushes at its end)
        ws.flush_wal()
        flushed = True
    except (OSError, sqlite3.Error):
        flushed = False  # the copy is good; a head not surely on the workspace's disk is not noted
    if flushed:
        with contextlib.suppress(RecapError, sqlite3.Error):
            genesis, wsid = ws.chain_identity()
            headlog.append("backup", ws.path, file=str(out.resolve()), genesis=genesis, workspace_id=wsid,
                           audit_id=last_id, audit_hash=last_hash, sha256=info.sha256)
    if not ws.readonly:
        try:
            with ws.transaction():
                ws.record(actor, "backup.create", "workspace", None,
                          {"file": str(out), "reason": reason, "sha256": info.sha256, "size": info.size,
                           "audit_last_id": last_id, "audit_last_hash": last_hash})
        except WorkspaceError:
            pass  # the copy is good; a full or locked workspace only loses this note
    return info


def file_stamp(at: str | None = None) -> str:
    """A file-name time "20190508T103000Z" from the program clock (RECAP_FIXED_CLOCK honoured)."""
    t = _dt.datetime.fromisoformat(at or now_iso())
    if t.tzinfo is not None:
        t = t.astimezone(_dt.UTC)
    return t.strftime("%Y%m%dT%H%M%SZ")


def auto_backup(ws: Workspace, reason: str, actor: str = "sistem") -> BackupInfo | None:
    """Automatic backup after an adoption, an import or a bundle export, with rotation.

    Call it after the operation's transaction has committed (a backup holds committed data
    only). Never raises for storage problems: the operation before it already succeeded.

    Args:
        reason: short word for the file name ("import", "adopt", "bundle_export").
        actor: recorded in the audit log.
    Returns:
        The new BackupInfo, or None when the backup could not be made. A failure is never
        silent: its Indonesian message is added to ``ws.warnings`` (the CLI prints it, the window
        shows it), kept in ``last_auto_backup_error``, and recorded ("backup.failed") when the
        workspace can still be written.
    """
    global last_auto_backup_error
    tag = re.sub(r"[^a-z0-9_]+", "_", reason.lower()).strip("_") or "otomatis"
    folder = backup_dir(ws)
    at = now_iso()  # one reading of the program clock names the file and dates the backup
    stamp = file_stamp(at)
    taken = [int(m["n"] or 1) for b in list_backups(ws) if (m := _NAME_RE.match(b.path.name)) and m["ts"] == stamp]
    n = max(taken, default=0) + 1
    out = folder / (f"{ws.path.stem}-{stamp}-{tag}{SUFFIX}" if n == 1 else f"{ws.path.stem}-{stamp}-{n}-{tag}{SUFFIX}")
    while out.exists():
        n += 1
        out = folder / f"{ws.path.stem}-{stamp}-{n}-{tag}{SUFFIX}"
    try:
        info = make_backup(ws, out, actor=actor, reason=tag, check_permission=False, at=at)
    except (RecapError, OSError) as exc:
        message = exc.message if isinstance(exc, RecapError) else os_text(exc)
        last_auto_backup_error = message
        if reason != "manual":  # a manual backup reports its own failure
            ws.warnings.append(f"Cadangan otomatis ({tag}) GAGAL dibuat di {folder}: {message} Data sudah tersimpan di "
                               "ruang kerja, tetapi belum ada cadangannya; periksa folder cadangan (recap backups).")
        with contextlib.suppress(RecapError, sqlite3.Error):
            if not ws.readonly:
                with ws.transaction():
                    ws.record(actor, "backup.failed", "workspace", None,
                              {"reason": tag, "folder": str(folder), "message": message})
        return None
    last_auto_backup_error = None
    rotate(ws, made=info.path)
    return info


#: message of the last failed automatic backup (None after a success)
last_auto_backup_error: str | None = None


def list_backups(ws: Workspace | str | Path) -> list[BackupInfo]:
    """Automatic backups of a workspace (its backup folder), newest first (no file opened)."""
    folder = backup_dir(ws)
    stem = (ws.path if isinstance(ws, Workspace) else Path(ws)).stem
    out = []
    if not folder.is_dir():
        return out
    for p in folder.iterdir():
        m = _NAME_RE.match(p.name)
        if not m or m["stem"] != stem or p.is_symlink() or not p.is_file():
            continue  # a link (to the workspace itself, say) is no copy; a folder or a FIFO no file
        t = m["ts"]  # 20190508T103000Z, read without strptime (its first use loads ~3 ms of locale code)
        try:
            ts = _dt.datetime(int(t[:4]), int(t[4:6]), int(t[6:8]), int(t[9:11]), int(t[11:13]), int(t[13:15]),
                              tzinfo=_dt.UTC).isoformat()
        except ValueError:  # a name shaped like a backup's with no such time (month 13): not one of ours
            continue
        out.append((m["ts"], int(m["n"] or 1), BackupInfo(p, ts, m["reason"], p.stat().st_size)))
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [t[2] for t in out]


def rotate(ws: Workspace | str | Path, keep: int | None = None, made: Path | None = None) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep`` (office setting ``backup_keep``).

    Which are the newest is not taken from the times in the names (a workstation whose clock ran
    ahead would make them outrank every later backup): the backups the workspace's own audit log
    records (``backup.create``) rank by that record, the latest first; ``made``, the backup just
    made, is always kept. A file that only looks like a backup (its name) is counted and deleted
    only when it opens as a copy of this workspace (its workspace id); anything else is left alone.
    Also removes temporary copies of interrupted backups older than STALE_TEMP_SECONDS.
    Returns the deleted files. ``keep`` is at least 1.
    """
    if keep is None:
        keep = DEFAULT_KEEP
        if isinstance(ws, Workspace):
            with contextlib.suppress(Exception):
                keep = int(ws.setting("backup_keep", DEFAULT_KEEP))
    keep = max(1, keep)
    gone = []
    for info in _rotation_order(ws, list_backups(ws), made)[keep:]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            gone.append(info.path)
    folder = backup_dir(ws)
    stem = (ws.path if isinstance(ws, Workspace) else Path(ws)).stem
    if folder.is_dir():  # copies left by a backup that was interrupted (power cut, killed process)
        gone += clean_temps(folder, f"{glob_escape(stem)}-*{SUFFIX}.sementara-*")
    return gone


def _rotation_order(ws: Workspace | str | Path, listed: list[BackupInfo], made: Path | None) -> list[BackupInfo]:
    """The backups :func:`rotate` may delete, the one to keep longest first (see there)."""
    if not isinstance(ws, Workspace):
        return listed  # a path alone (no audit log read): by the names' times, as listed
    recorded: dict[str, int] = {}
    with contextlib.suppress(sqlite3.Error, ValueError, TypeError):
        for rid, after in ws.conn.execute("SELECT id, after FROM audit WHERE action = 'backup.create' ORDER BY id"):
            file = json.loads(after or "{}").get("file")
            if isinstance(file, str):
                recorded[resolved_name(Path(file))] = rid
    wsid = ws.meta("workspace_id")
    ranked = []
    for info in listed:
        key = resolved_name(info.path)
        if made is not None and key == resolved_name(made):
            ranked.append((2, 0, info))  # the one just made: always kept
        elif key in recorded:
            ranked.append((1, recorded[key], info))
        elif wsid and _workspace_id_of(info.path) == wsid:
            ranked.append((0, 0, info))  # a copy of this workspace the log does not name: by its name's time
    ranked.sort(key=lambda t: (t[0], t[1]), reverse=True)  # stable: equal ranks keep the listing's order
    return [info for _, _, info in ranked]


def _workspace_id_of(path: Path) -> str | None:
    """The workspace id stored in a file, or None for anything that is not a workspace (never raises)."""
    row = _first_row(path, "SELECT value FROM meta WHERE key = 'workspace_id'")
    return row[0] if row else None


def latest_good_backup(ws: Workspace | str | Path) -> BackupInfo | None:
    """The newest automatic backup that passes the integrity check (or None)."""
    for info in list_backups(ws):
        if check_file(info.path)[0]:
            return info
    return None


# ----------------------------------------------------------------- start-up
def _printable(head: bytes) -> str:
    """The first bytes of a file as a message quotes them: printable ASCII as is, the rest "·"."""
    return "".join(ch if ch.isprintable() and ord(ch) < 127 else "·" for ch in head.decode("latin-1"))


def startup_check(path: str | Path) -> StartupReport:
    """The check the program runs when it opens a workspace (CLI and window).

    Returns a StartupReport: ok with a short message; or, when the file itself is damaged, a
    plain explanation with the latest good backup and the command to restore it; or, for a
    storage fault (full disk, I/O error, locked), the fault named — with no restore advised,
    since the file is not damaged and a backup lacks the newest changes; or, for a file that is
    no SQLite database (or empty) where this PC knows no workspace (no continuity note) and no
    backup, kind "not_a_workspace": another file chosen, not a damaged one. Never raises.
    """
    path = Path(path)
    ok, why, kind = check_fault(path)
    if ok:
        return StartupReport(True, f"Berkas ruang kerja {path} diperiksa: utuh (tidak rusak).", None)
    if kind not in ("damaged", "missing"):
        return StartupReport(False, faults.fault_error(path, RuntimeError(why), kind).message, None, kind)
    head = files.file_head(path)
    foreign = bool(head) and head != files.SQLITE_MAGIC  # another kind of file (a PDF), or a clobbered one
    empty = not head and path.is_file() and path.stat().st_size == 0
    if (empty or foreign) and not list_backups(path):
        from . import continuity

        if continuity.read(path) is None:  # never a workspace here that this PC knows, nor any backup
            what = "kosong (0 bita)" if empty else (
                "bukan basis data SQLite (diawali \"" + _printable(head[:8]) + f"\", byte {head[:8].hex(' ')})")
            return StartupReport(False, (
                f"Berkas {path} bukan ruang kerja recap_app: {what}, dan komputer ini tidak mengenal ruang kerja "
                f"maupun cadangannya di jalur itu. Berkas itu tidak diubah. Pilih berkas ruang kerja (.sqlite) yang "
                f"dibuat program ini; bila berkas ini memang ruang kerja, berkasnya rusak: hubungi admin."),
                None, "not_a_workspace")
    if foreign:
        why = (f"berkas ini bukan basis data SQLite (diawali \"{_printable(head[:8])}\", byte {head[:8].hex(' ')}): "
               "bukan ruang kerja recap_app, atau ruang kerja yang rusak")
    good = latest_good_backup(path)
    msg = f"Ruang kerja {path} rusak atau tidak dapat dibaca: {why}."
    if good:
        from .formatting import local_time  # loaded when the message is written

        msg += (f" Cadangan baik terakhir: {good.path} (dibuat {local_time(good.created_at)}, alasan: {good.reason}). "
                f"Pulihkan dengan: recap restore --db {path} --from {good.path}")
    else:
        msg += f" Tidak ada cadangan yang baik di {backup_dir(path)}; hubungi admin."
    return StartupReport(False, msg, good, kind)
