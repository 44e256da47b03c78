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
``recap audit verify``: a chain rewritten after a backup no longer matches it.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import hashlib
import json
import os
import re
import secrets
import sqlite3
from dataclasses import dataclass
from glob import escape as glob_escape
from pathlib import Path

from .clock import now_iso
from .errors import RecapError, WorkspaceError
from .store import Workspace

DEFAULT_KEEP = 20
#: a temporary copy older than this (seconds) belongs to an interrupted backup and is removed
STALE_TEMP_SECONDS = 600
SUFFIX = ".sqlite"
_NAME_RE = re.compile(r"^(?P<stem>.+)-(?P<ts>\d{8}T\d{6}Z)(?:-(?P<n>\d+))?-(?P<reason>[a-z0-9_]+)\.sqlite$")


class BackupError(WorkspaceError):
    """A backup or restore could not be made; nothing was changed."""


@dataclass(frozen=True)
class BackupInfo:
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


@dataclass(frozen=True)
class StartupReport:
    """Result of :func:`startup_check`.

    Attributes:
        ok: the workspace opened and passed the integrity check.
        message: one plain Indonesian paragraph for the clerk.
        latest_good_backup: the newest backup that passes the integrity check (or None).
    """

    ok: bool
    message: str
    latest_good_backup: BackupInfo | None


# ----------------------------------------------------------------- checks
def check_file(path: str | Path) -> tuple[bool, str]:
    """Integrity check of a workspace file (read-only; never raises).

    Returns:
        (True, "ok") when ``PRAGMA integrity_check`` says ok and the file is a recap_app
        workspace; else (False, reason in Indonesian).
    """
    path = Path(path)
    if not path.is_file():
        return False, f"berkas {path} tidak ada"
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return False, f"tidak dapat dibuka ({exc})"
    try:
        rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        if rows != ["ok"]:
            return False, "pemeriksaan integritas gagal: " + "; ".join(str(r) for r in rows[:5])
        if conn.execute("SELECT value FROM meta WHERE key = 'election'").fetchone() is None:
            return False, "bukan ruang kerja recap_app (definisi pemilihan tidak ada)"
    except sqlite3.DatabaseError as exc:
        return False, f"rusak atau bukan ruang kerja ({exc})"
    finally:
        conn.close()
    return True, "ok"


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as fh:
        os.fsync(fh.fileno())
    with contextlib.suppress(OSError):  # the directory entry too (POSIX)
        fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_set(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.remove(str(path) + suffix)


def _head_of(path: Path) -> tuple[int, str]:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return 0, ""
    return (row[0], row[1]) if row else (0, "")


def _copy(src_path: Path, out: Path) -> None:
    """Online-backup ``src_path`` into ``out`` (temp file, integrity check, fsync, rename)."""
    tmp = out.with_name(out.name + f".sementara-{secrets.token_hex(4)}")
    try:
        src = sqlite3.connect(f"file:{src_path}?mode=ro", uri=True, timeout=30)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
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
        _fsync(tmp)
        os.replace(tmp, out)
    except sqlite3.Error as exc:
        _remove_set(tmp)
        text = str(exc).lower()
        if "full" in text:
            raise BackupError(f"Disk penuh: cadangan {out} tidak dapat dibuat; ruang kerja tidak berubah.",
                              "disk_full") from exc
        raise BackupError(f"Cadangan {out} tidak dapat dibuat: {exc}. Ruang kerja tidak berubah.") from exc
    except OSError as exc:
        _remove_set(tmp)
        if exc.errno == 28:
            raise BackupError(f"Disk penuh: cadangan {out} tidak dapat dibuat; ruang kerja tidak berubah.",
                              "disk_full") from exc
        raise BackupError(f"Cadangan {out} tidak dapat ditulis: {exc.strerror or exc}. Ruang kerja tidak berubah.",
                          "backup_write") from exc
    except BaseException:
        _remove_set(tmp)
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
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError(f"Folder cadangan {out.parent} tidak dapat dibuat: {exc.strerror or exc}.") from exc
    _copy(ws.path, out)
    last_id, last_hash = _head_of(out)
    info = BackupInfo(out, at, reason, out.stat().st_size, _sha256(out), last_id, last_hash)
    if not ws.readonly:
        try:
            with ws.transaction():
                ws.record(actor, "backup.create", "workspace", None,
                          {"file": str(out), "reason": reason, "sha256": info.sha256, "size": info.size,
                           "audit_last_id": last_id, "audit_last_hash": last_hash})
        except WorkspaceError:
            pass  # the copy is good; a full or locked workspace only loses this note
    return info


def _stamp(at: str | None = None) -> str:
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
        The new BackupInfo, or None when the backup could not be made (the reason is
        recorded in ``last_auto_backup_error``).
    """
    global last_auto_backup_error
    tag = re.sub(r"[^a-z0-9_]+", "_", reason.lower()).strip("_") or "otomatis"
    folder = backup_dir(ws)
    at = now_iso()  # one reading of the program clock names the file and dates the backup
    stamp = _stamp(at)
    taken = [int(m["n"] or 1) for b in list_backups(ws) if (m := _NAME_RE.match(b.path.name)) and m["ts"] == stamp]
    n = max(taken, default=0) + 1
    out = folder / (f"{ws.path.stem}-{stamp}-{tag}{SUFFIX}" if n == 1 else f"{ws.path.stem}-{stamp}-{n}-{tag}{SUFFIX}")
    while out.exists():
        n += 1
        out = folder / f"{ws.path.stem}-{stamp}-{n}-{tag}{SUFFIX}"
    try:
        info = make_backup(ws, out, actor=actor, reason=tag, check_permission=False, at=at)
    except RecapError as exc:
        last_auto_backup_error = exc.message
        return None
    last_auto_backup_error = None
    rotate(ws)
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
        if not m or m["stem"] != stem or not p.is_file():
            continue
        ts = _dt.datetime.strptime(m["ts"], "%Y%m%dT%H%M%SZ").replace(tzinfo=_dt.UTC).isoformat()
        out.append((m["ts"], int(m["n"] or 1), BackupInfo(p, ts, m["reason"], p.stat().st_size)))
    out.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [t[2] for t in out]


def rotate(ws: Workspace | str | Path, keep: int | None = None) -> list[Path]:
    """Delete automatic backups beyond the newest ``keep`` (office setting ``backup_keep``).

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
    for info in list_backups(ws)[keep:]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            gone.append(info.path)
    folder = backup_dir(ws)
    stem = (ws.path if isinstance(ws, Workspace) else Path(ws)).stem
    limit = _dt.datetime.now().timestamp() - STALE_TEMP_SECONDS
    if folder.is_dir():  # copies left by a backup that was interrupted (power cut, killed process)
        for p in folder.glob(f"{glob_escape(stem)}-*{SUFFIX}.sementara-*"):
            with contextlib.suppress(OSError):
                if p.stat().st_mtime < limit:
                    p.unlink()
                    gone.append(p)
    return gone


def latest_good_backup(ws: Workspace | str | Path) -> BackupInfo | None:
    """The newest automatic backup that passes the integrity check (or None)."""
    for info in list_backups(ws):
        if check_file(info.path)[0]:
            return info
    return None


def anchors(ws: Workspace) -> dict[int, str]:
    """{audit id: hash} from the heads of this workspace's backups, for audit.verify_chain.

    Only backups of the same workspace (meta workspace_id) made since its last restore are
    used (older ones may belong to an abandoned history), plus the backup restored from.
    """
    wid = ws.meta("workspace_id")
    restored_at = ws.meta("restored_at") or ""
    restored_from = ws.meta("restored_from_head")
    out: dict[int, str] = {}
    if restored_from:
        rid, rhash = json.loads(restored_from)
        if rid:
            out[int(rid)] = rhash
    for info in list_backups(ws):
        if info.created_at < restored_at:
            continue
        try:
            conn = sqlite3.connect(f"file:{info.path}?mode=ro", uri=True)
            try:
                row = conn.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
                head = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
            finally:
                conn.close()
        except sqlite3.Error:
            continue
        if row and row[0] == wid and head:
            out[head[0]] = head[1]
    return out


# ----------------------------------------------------------------- restore and start-up
def restore_losses(backup_file: str | Path, target: str | Path) -> list[str]:
    """What restoring ``backup_file`` over ``target`` would take out of the active workspace, as
    Indonesian sentences (empty when nothing): audit records after the backup's last one, and
    active accounts the backup does not have (a backup without accounts reopens the workspace to
    anyone). Read-only; unreadable files give no sentence (restore itself then decides)."""
    def facts(path: Path) -> tuple[int, set[str]] | None:
        try:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except sqlite3.Error:
            return None
        try:
            last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
            try:
                users = {r[0] for r in conn.execute("SELECT name FROM user_account WHERE active = 1")}
            except sqlite3.Error:
                users = set()
            return last, users
        except sqlite3.Error:
            return None
        finally:
            conn.close()

    target = Path(target)
    now = facts(target) if target.is_file() else None
    then = facts(Path(backup_file))
    if not now or not then:
        return []
    out = []
    if now[0] > then[0]:
        out.append(f"{now[0] - then[0]} catatan audit sesudah #{then[0]} keluar dari rantai aktif (tetap ada di "
                   "berkas lama yang disimpan di samping).")
    missing = sorted(now[1] - then[1])
    if missing:
        out.append(f"Akun yang tidak ada di cadangan akan hilang: {', '.join(missing)}.")
        if not then[1]:
            out.append("Cadangan tidak memiliki akun: ruang kerja kembali ke mode terbuka (siapa pun dapat "
                       "bertindak tanpa kata sandi).")
    return out


def restore(backup_file: str | Path, target: str | Path, user: str | None, password: str | None = None
            ) -> tuple[Path | None, BackupInfo]:
    """Put a backup in place of a workspace; the current file is kept aside, never deleted.

    Who may: an account with permission "restore" (admin) of the current workspace when it
    opens, else of the backup (a damaged workspace cannot say who its admin is). In open
    mode any named user.

    Args:
        backup_file: the backup to restore; target: the workspace path (may be missing or damaged).
        user, password: the acting user (password None: RECAP_PASSWORD or a prompt; see auth).
    Returns:
        (where the previous workspace was moved, or None when there was none; the backup's info).
    Raises:
        BackupError: the backup fails its integrity check, belongs to another election, or
            the files cannot be moved; NotAllowed: wrong user/password or no "restore" right.
            On any error the target is as before.
    """
    from . import auth

    backup_file, target = Path(backup_file), Path(target)
    ok, why = check_file(backup_file)
    if not ok:
        raise BackupError(f"Cadangan {backup_file} tidak dapat dipakai: {why}. Tidak ada yang diubah.", "bad_backup")
    bws = Workspace.open(backup_file, readonly=True)
    try:
        backup_election = bws.election.id
        authority: Workspace = bws
        current = None
        if target.exists() and check_file(target)[0]:
            with contextlib.suppress(RecapError):
                current = Workspace.open(target, readonly=True)
        if current is not None:
            authority = current
            if current.election.id != backup_election:
                current.close()
                raise BackupError(f"Cadangan {backup_file} untuk pemilihan {backup_election}, sedangkan ruang kerja "
                                  f"{target} untuk {current.election.id}; tidak dipulihkan.", "wrong_election")
        try:
            actor = auth.authenticate(authority, user, password)
            auth.require(authority, actor, "restore")
        finally:
            if current is not None:
                current.close()
    finally:
        bws.close()
    head = _head_of(backup_file)
    info = BackupInfo(backup_file, now_iso(), "restore", backup_file.stat().st_size, _sha256(backup_file), *head)
    aside = None
    tmp = target.with_name(target.name + f".pulih-{secrets.token_hex(4)}")
    try:
        _copy(backup_file, tmp)
        if target.exists():
            aside = target.with_name(f"{target.name}.sebelum-pulih-{_stamp()}")
            n = 1
            while aside.exists():  # never over an earlier set-aside copy (same second, fixed clock)
                n += 1
                aside = target.with_name(f"{target.name}.sebelum-pulih-{_stamp()}-{n}")
            for suffix in ("-wal", "-shm", ""):
                if os.path.exists(str(target) + suffix):
                    os.replace(str(target) + suffix, str(aside) + suffix)
        os.replace(tmp, target)
    except BackupError:
        _remove_set(tmp)
        raise
    except OSError as exc:
        _remove_set(tmp)
        if aside is not None and not target.exists():
            for suffix in ("", "-wal", "-shm"):
                with contextlib.suppress(OSError):
                    os.replace(str(aside) + suffix, str(target) + suffix)
        raise BackupError(f"Pemulihan ke {target} gagal: {exc.strerror or exc}. Ruang kerja tetap seperti "
                          "sebelumnya.") from exc
    ws = Workspace.open(target)
    try:
        with ws.transaction():
            ws.db["meta"].upsert({"key": "restored_at", "value": now_iso()}, pk="key")
            ws.db["meta"].upsert({"key": "restored_from_head", "value": json.dumps(list(head))}, pk="key")
            ws.record(actor, "workspace.restore", "workspace", None,
                      {"from": str(backup_file), "sha256": info.sha256, "audit_last_id": head[0],
                       "previous_kept_as": str(aside) if aside else None})
    finally:
        ws.close()
    return aside, info


def startup_check(path: str | Path) -> StartupReport:
    """The check the program runs when it opens a workspace (CLI and window).

    Returns a StartupReport: ok with a short message, or a plain explanation of the damage
    with the latest good backup and the command to restore it. Never raises.
    """
    path = Path(path)
    ok, why = check_file(path)
    if ok:
        return StartupReport(True, f"Ruang kerja {path} diperiksa: baik.", None)
    good = latest_good_backup(path)
    msg = f"Ruang kerja {path} rusak atau tidak dapat dibaca: {why}."
    if good:
        msg += (f" Cadangan baik terakhir: {good.path} (dibuat {good.created_at}, alasan: {good.reason}). "
                f"Pulihkan dengan: recap restore --db {path} --from {good.path}")
    else:
        msg += f" Tidak ada cadangan yang baik di {backup_dir(path)}; hubungi admin."
    return StartupReport(False, msg, good)


def _on_read_only_media(path: Path) -> bool:
    """True when the workspace's file or folder cannot be written (read-only mount or file)."""
    if not path.is_file():
        return False
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return True
    except (OSError, AttributeError):  # pragma: no cover - no statvfs (Windows)
        pass
    if not os.access(path, os.W_OK):
        return True
    # a folder that refuses new files (permissions, immutable flag): SQLite cannot make its -wal/-shm
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError:
        return True
    return False


def _open_read_only_media(path: Path) -> Workspace:
    """Open a workspace on read-only media: SQLite's immutable mode (no -wal/-shm needed)."""
    from urllib.parse import quote

    from .schema import register_functions

    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True,
                               isolation_level=None, check_same_thread=False)
        register_functions(conn)
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app atau rusak ({exc}).",
                             "not_a_workspace") from exc
    return Workspace.on_connection(path, conn, readonly=True)


def open_checked(path: str | Path, readonly: bool = False) -> Workspace:
    """Open a workspace after the start-up integrity check (what the CLI and window use).

    A workspace on read-only media (a write-protected stick, a read-only mount, a file without
    write permission) opens read-only, whatever ``readonly`` says: reading works and every
    write stops with WorkspaceError code "readonly" and nothing changed.

    Raises:
        WorkspaceError: missing file (as Workspace.open), or code "damaged" with the plain
            message of :func:`startup_check` naming the latest good backup and how to restore it.
    """
    path = Path(path)
    try:
        ws = _open_read_only_media(path) if _on_read_only_media(path) else Workspace.open(path, readonly=readonly)
    except WorkspaceError as exc:
        report = startup_check(path)
        if exc.code == "missing" or report.ok:
            raise
        raise WorkspaceError(report.message, "damaged") from exc
    try:
        rows = [r[0] for r in ws.conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        rows = [str(exc)]
    if rows != ["ok"]:
        ws.close()
        raise WorkspaceError(startup_check(path).message, "damaged")
    return ws
