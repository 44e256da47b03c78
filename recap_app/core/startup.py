"""Opening a workspace for the command line and the window: the start-up check.

:func:`open_checked` opens a workspace after cleaning what a killed restore left beside it,
reading it read-only where it cannot be written (a write-protected stick, a read-only mount, a
full folder), and checking it whole (``PRAGMA integrity_check``) when it changed since it last
passed; a damaged one is refused with the latest good backup named (:mod:`.backup` is loaded
for that only). Apart from the backups so that a read-only command loads only this.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
from glob import escape as glob_escape
from pathlib import Path

from . import faults, files
from .errors import WorkspaceError
from .files import clean_temps
from .store import Workspace


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
    return not _takes_new_files(path.parent)


def _takes_new_files(folder: Path) -> bool:
    """Whether a new file can be made in ``folder``: a nameless one (Linux O_TMPFILE, nothing left
    behind even if the process is killed), else tempfile's, removed at once."""
    tmpfile = getattr(os, "O_TMPFILE", None)
    if tmpfile is not None:
        try:
            os.close(os.open(folder, tmpfile | os.O_WRONLY, 0o600))
            return True
        except OSError as exc:
            if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):  # not a file system without it
                return False
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError:
        return False
    return True


def _open_read_only_media(path: Path) -> Workspace:
    """Open a workspace on read-only media: SQLite's immutable mode (no -wal/-shm needed).

    Raises:
        WorkspaceError: code "readonly" when its -wal still holds changes: immutable mode reads the
            main file only, so it would show figures older than the workspace's own (the -wal of a
            copy made after a crash, a folder made read-only or full while the program ran).
    """
    from urllib.parse import quote

    from .schema import register_functions

    wal = Path(f"{path}-wal")
    try:
        pending = wal.is_file() and wal.stat().st_size > 0
    except OSError:
        pending = True
    if pending:
        raise WorkspaceError(
            f"Ruang kerja {path} ada di tempat yang tidak dapat ditulis (hanya-baca, penuh, atau tanpa izin tulis), "
            f"dan perubahan terakhirnya masih di berkas {wal.name} yang belum digabungkan: dibuka di sini, yang "
            f"terlihat adalah angka yang lebih lama. Tidak ada yang dibuka. Salin {path.name} bersama {wal.name} "
            f"(dan {path.name}-shm bila ada) ke folder yang dapat ditulis lalu buka salinannya, atau kosongkan "
            "ruang disk.", "readonly")
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro&immutable=1", uri=True,
                               isolation_level=None, check_same_thread=False)
        register_functions(conn)
    except sqlite3.DatabaseError as exc:
        raise WorkspaceError(f"Berkas {path} bukan ruang kerja recap_app atau rusak ({exc}).",
                             "not_a_workspace") from exc
    return Workspace.on_connection(path, conn, readonly=True)


def open_checked(path: str | Path, readonly: bool = False, continuity: bool = True) -> Workspace:
    """Open a workspace after the start-up integrity check (what the CLI and window use).

    The whole check (``PRAGMA integrity_check``) runs whenever the file changed since it last
    passed it (its size and modification time and those of its -wal, noted in
    ``<data dir>/periksa.json``); damage inside an unchanged file is still reported by SQLite
    when a damaged page is read, as "damaged".

    A workspace on read-only media (a write-protected stick, a read-only mount, a file without
    write permission) opens read-only, whatever ``readonly`` says: reading works and every
    write stops with WorkspaceError code "readonly" and nothing changed.

    ``continuity``: also compare its audit chain with the head this PC's program last wrote to it
    (:mod:`recap_app.core.continuity`): a file older than that, or holding records after it that
    this program did not write here, is refused ("tampered"). Off only for what reports or settles
    exactly that (``recap audit verify``, ``recap audit accept``).

    Raises:
        WorkspaceError: missing file (as Workspace.open); "tampered" for the continuity check; a storage fault named as what it is
            ("disk_full", "io_error", "locked", "cantopen": the file is fine, no restore is
            advised); "not_a_workspace" for another kind of file this PC never knew as a
            workspace (:func:`recap_app.core.backup.startup_check`); or code "damaged" with the
            plain message of :func:`startup_check` naming the latest good backup and how to
            restore it.
    """
    path = Path(path)
    if path.parent.is_dir():  # what a killed restore left beside the workspace
        clean_temps(path.parent, f"{glob_escape(path.name)}.pulih-*")
    try:
        ws = _open_read_only_media(path) if _on_read_only_media(path) else Workspace.open(path, readonly=readonly)
    except WorkspaceError as exc:
        if exc.code in ("missing", "tampered") + FAULTS:
            raise
        from .backup import startup_check  # a failed open: the backups are looked at

        report = startup_check(path)
        if report.ok:
            raise
        if report.kind in FAULTS + ("not_a_workspace",):
            raise WorkspaceError(report.message, report.kind) from exc
        raise WorkspaceError(report.message, "damaged") from exc
    if continuity:
        check_continuity(ws)
    else:  # what differs is the caller's to report; a note left by a killed writer is settled all the same
        settle_continuity(ws)
    stamp = files.stamp(path)
    if stamp is not None and _checked_stamps().get(str(path.resolve())) == stamp:
        _keep_checked(ws, path)
        return ws  # checked whole since the file last changed (size and times of the file and its WAL)
    try:
        rows = [r[0] for r in ws.conn.execute("PRAGMA integrity_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        kind = faults.classify(exc, path)
        if kind not in ("damaged", "storage"):
            ws.close()
            raise faults.fault_error(path, exc, kind) from exc
        rows = [str(exc)]
    if rows != ["ok"]:
        ws.close()
        from .backup import startup_check

        raise WorkspaceError(startup_check(path).message, "damaged")
    if stamp is not None:
        _note_checked(path, stamp)
        _keep_checked(ws, path)
    return ws


def check_continuity(ws: Workspace) -> None:
    """Refuse (and close) a workspace whose chain is not the one this PC's program last wrote to it
    (older, or with records appended); start the note for one this PC has not written yet.

    Raises:
        WorkspaceError: "tampered", with :class:`recap_app.core.continuity.Finding`'s message.
    """
    from . import continuity as notes

    seen = notes.read(ws.path)
    found = notes.finding_of(ws, seen)
    if found is not None:
        ws.close()
        raise WorkspaceError(found.message, "tampered")
    _settle(ws, seen)


def settle_continuity(ws: Workspace) -> None:
    """:func:`check_continuity` without the refusal: when the chain is what this PC's note allows,
    the note is settled or started as there; when it is not, nothing is changed (verify says why)."""
    from . import continuity as notes

    seen = notes.read(ws.path)
    if notes.finding_of(ws, seen) is None:
        _settle(ws, seen)


def _settle(ws: Workspace, seen: dict | None) -> None:
    """The note after an open that found the chain as it allows: started when there was none,
    settled when its writer is gone, moved on to a file this program wrote at another path."""
    from . import continuity as notes

    with contextlib.suppress(sqlite3.Error):
        genesis, wsid = ws.chain_identity()
        head = ws.chain_head()
        if seen is None:  # first seen on this PC (or before this note existed): from now on
            if head[0]:
                notes.done(ws.path, genesis, wsid, head)
        elif seen["state"] != notes.DONE or seen["head"] != head:
            # a run or a commit whose process is gone (killed): settled at the file as it is now; a
            # file moved here from where this program wrote it (head log): noted at its head
            if not notes.settle(ws.path, seen, genesis, wsid, head) and seen["state"] == notes.DONE:
                if seen["genesis"] != genesis:  # another workspace this PC wrote, moved onto this path
                    from . import headlog

                    headlog.append("workspace", ws.path, genesis=genesis, workspace_id=wsid, reason="moved")
                notes.done(ws.path, genesis, wsid, head, force=True)


def _keep_checked(ws: Workspace, path: Path) -> None:
    """A file that passed the whole check and is then written by this program alone stays checked:
    when the workspace closes and nobody else wrote the file since its last commit, the file as it
    is then is noted as checked, so the next start does not check again what SQLite itself wrote
    (the automatic backup after an import, an adoption or a bundle export checks a copy of every
    page). A file written by anyone else meanwhile, or a process that ends without closing (a
    crash, a kill), is checked whole at the next start."""
    if ws.readonly:
        return
    ws.note_stamp()

    def closed(ours: bool) -> None:
        if ours and (now := files.stamp(path)) is not None:
            _note_checked(path, now)

    ws.close_hooks.append(closed)


def _stamps_file() -> Path:
    from .paths import data_dir

    return data_dir() / "periksa.json"


def _checked_stamps() -> dict:
    try:
        found = json.loads(_stamps_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def forget_checked(path: str | Path) -> None:
    """Check the file whole at its next start (damage was met while it was read). Never raises."""
    stamps = _checked_stamps()
    if stamps.pop(str(Path(path).resolve()), None) is not None:
        _write_stamps(stamps)


def _note_checked(path: Path, stamp: list[int]) -> None:
    """Remember that the file passed the whole check as it is now (best effort, never raises)."""
    stamps = _checked_stamps()
    stamps[str(path.resolve())] = stamp
    if len(stamps) > 200:  # a few workspaces in use: keep the file small
        stamps = dict(list(stamps.items())[-100:])
    _write_stamps(stamps)


def _write_stamps(stamps: dict) -> None:
    """Replace the noted stamps (a temporary file renamed over the old one; never raises)."""
    target = _stamps_file()
    tmp = target.with_name(f"{target.name}.{os.getpid()}")
    with contextlib.suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(json.dumps(stamps), encoding="utf-8")
        os.replace(tmp, target)


#: storage faults that say nothing about a file's content (core/faults.py)
FAULTS = ("disk_full", "io_error", "readonly", "locked", "cantopen")
