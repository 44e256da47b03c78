"""Restore: a backup put in place of a workspace, all or nothing, by someone allowed to.

Who may restore (docs/security.md):

- when the current workspace opens: an account of *that* workspace with permission "restore";
- when nothing opens (damaged, missing): whoever holds the office key's passphrase
  (RECAP_KEY_PASSPHRASE); an office without a protected key falls back to an account with
  "restore" in the backup itself — which is first verified in full (chain, figures, state and
  every anchor held outside the file), so a backup edited to add an account is refused.

A backup is always verified before it is used: a backup changed outside the program is refused
whoever asks. A backup of another workspace (another audit chain) is refused unless an admin
says so explicitly (``other_workspace``), and that choice is recorded in the restore's audit
record.

The new file is prepared completely beside the target — copied, checked, its restore audit record
written into it — and only then swapped in with one rename. A killed restore leaves the workspace
as it was; its temporary copy is removed by the next restore or backup (docs/security.md).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
from glob import escape as glob_escape
from pathlib import Path

from . import anchors, auth, continuity, integrity, office_key
from .backup import (
    BackupError,
    BackupInfo,
    check_file,
    copy_checked,
    file_sha256,
    file_stamp,
    fsync_file,
    remove_with_sidecars,
)
from .clock import now_iso
from .errors import RecapError, WorkspaceError, os_text
from .files import clean_temps, temp_beside
from .store import Workspace


def restore_losses(backup_file: str | Path, target: str | Path) -> list[str]:
    """What restoring ``backup_file`` over ``target`` would take out of the active workspace, as
    Indonesian sentences (empty when nothing): audit records after the backup's last one, and
    active accounts the backup does not have (a backup without accounts reopens the workspace to
    anyone). Read-only; unreadable files give no sentence (restore itself then decides)."""
    def facts(path: Path) -> tuple[int, set[str], dict[int, str]] | None:
        import os
        import stat

        try:
            if not stat.S_ISREG(os.stat(path).st_mode):
                return None  # a FIFO or a device is never opened (it could block for ever): restore refuses it
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        except (sqlite3.Error, OSError):
            return None
        try:
            hashes = dict(conn.execute("SELECT id, hash FROM audit"))
            last = max(hashes, default=0)
            try:
                users = {r[0] for r in conn.execute("SELECT name FROM user_account WHERE active = 1")}
            except sqlite3.Error:
                users = set()
            return last, users, hashes
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
    # where the two chains part: the first record they do not share (a backup of a branch that was
    # left, say, shares only the records before the fork)
    shared = 0
    while shared < min(now[0], then[0]) and now[2].get(shared + 1) == then[2].get(shared + 1):
        shared += 1
    if now[0] > shared:
        out.append(f"{now[0] - shared} catatan audit sesudah #{shared} keluar dari rantai aktif (#{shared + 1}–"
                   f"#{now[0]}; tetap ada di berkas lama yang disimpan di samping).")
    missing = sorted(now[1] - then[1])
    if missing:
        out.append(f"Akun yang tidak ada di cadangan akan hilang: {', '.join(missing)}.")
        if not then[1]:
            out.append("Cadangan tidak memiliki akun: ruang kerja kembali ke mode terbuka (siapa pun dapat "
                       "bertindak tanpa kata sandi).")
    return out


def _chain_of(path: Path) -> tuple[str | None, int, str]:
    """(genesis: hash of record #1, last id, last hash) of a workspace file, read-only; (None, 0, "") if unreadable."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            first = conn.execute("SELECT hash FROM audit WHERE id = 1").fetchone()
            last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None, 0, ""
    return (first[0] if first else None), (last[0] if last else 0), (last[1] if last else "")


def _clean_stale(target: Path) -> None:
    """Remove temporary copies a killed restore left beside the workspace (their process is gone)."""
    clean_temps(target.parent, f"{glob_escape(target.name)}.pulih-*")


def _refuse_not_regular(path: Path) -> None:
    """A backup named that exists but is no regular file (a device, a FIFO, a folder) is refused
    for what it is (never read, never reported as missing)."""
    import os
    import stat

    from .files import not_regular_word

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing or unreadable: check_file says so
    if not stat.S_ISREG(mode):
        raise BackupError(f"Cadangan {path}: {not_regular_word(mode)}, bukan berkas cadangan; diharapkan berkas .sqlite. Tidak ada yang "
                          "diubah.", "bad_backup")


def restore(backup_file: str | Path, target: str | Path, user: str | None, password: str | None = None, *,
            other_workspace: bool = False, passphrase: str | None = None) -> tuple[Path | None, BackupInfo]:
    """Put a backup in place of a workspace, all or nothing; the current file is kept aside.

    Who may: an account with permission "restore" of the current workspace when it opens; when
    nothing opens (damaged or missing), whoever holds the office key's passphrase
    (RECAP_KEY_PASSPHRASE or ``passphrase``), or — only where this computer has no protected
    office key — an account with "restore" in the backup itself (open mode: anyone). The backup
    is verified in full first (:func:`recap_app.core.integrity.verify` against every anchor held
    outside it); a backup changed outside the program is refused whoever asks. A backup of
    another workspace (another audit chain) is refused unless ``other_workspace`` is given; that
    choice is recorded in the restore's audit record.

    The new file is prepared completely beside the target — the copy checked, its restore audit
    record written into it — and only then swapped in with one rename; a killed restore leaves the
    workspace as it was (and its temporary copy is cleared on the next restore). The head log
    notes the restore first, so the heads of the history it abandons are not later reported as
    a rewrite.

    Args:
        backup_file: the backup to restore; target: the workspace path (may be missing or damaged).
        user, password: the acting user (password None: RECAP_PASSWORD or a prompt; see auth).
        other_workspace: allow a backup of another audit chain (recorded).
        passphrase: the office key's passphrase (None: RECAP_KEY_PASSPHRASE).
    Returns:
        (where the previous workspace was kept, or None when there was none; the backup's info).
    Raises:
        BackupError: codes "bad_backup" (unreadable, or changed outside the program: the first
            difference is named), "wrong_election", "other_workspace", "disk_full"; NotAllowed /
            OfficeKeyError: no right to restore. On any error the target is as before.
    """
    backup_file, target = Path(backup_file), Path(target)
    _clean_stale(target)
    _refuse_not_regular(backup_file)
    ok, why = check_file(backup_file)
    if not ok:
        raise BackupError(f"Cadangan {backup_file} tidak dapat dipakai: {why}. Tidak ada yang diubah.", "bad_backup")
    b_genesis, b_last, b_hash = _chain_of(backup_file)
    try:
        bws = Workspace.open(backup_file, readonly=True)
    except RecapError as exc:
        raise BackupError(f"Cadangan {backup_file} tidak dapat dibuka: {exc.message} Tidak ada yang diubah.",
                          "bad_backup") from exc
    try:
        _verified(bws, backup_file)
        backup_election = bws.election.id
        current = None
        if target.exists() and check_file(target)[0]:
            with contextlib.suppress(RecapError):
                current = Workspace.open(target, readonly=True)
        logged = anchors.headlog.entries(path=target)[0]
        # the heads this PC's program noted for this path in the backup's chain
        logged_heads = [(int(e["audit_id"]), str(e.get("audit_hash", ""))) for e in logged
                        if e.get("kind") in ("head", "backup") and e.get("genesis") == b_genesis
                        and str(e.get("audit_id", "")).isdigit()]
        abandoned = (0, "")
        if current is not None:
            try:
                if current.election.id != backup_election:
                    raise BackupError(f"Cadangan {backup_file} untuk pemilihan {backup_election}, sedangkan ruang "
                                      f"kerja {target} untuk {current.election.id}; tidak dipulihkan.",
                                      "wrong_election")
                try:
                    actor = auth.authenticate(current, user, password)
                    auth.require(current, actor, "restore")
                except WorkspaceError as exc:
                    if exc.code != "tampered":
                        raise
                    # its accounts were changed outside the program: they cannot say who may restore
                    actor = _authorised_without_workspace(bws, user, password, passphrase)
                genesis, _wsid = current.chain_identity()
                abandoned = current.chain_head()
            finally:
                current.close()
            seen = {genesis}
        else:
            actor = _authorised_without_workspace(bws, user, password, passphrase)
            seen = {e.get("genesis") for e in logged} - {None}
        file_head = abandoned  # where the file itself is now ((0, "") when it does not open)
        # the history this PC's program wrote may reach further than the file (which may not open,
        # or be an older copy put back over it): the restore abandons all of it, so verify does not
        # call it cut off
        noted = continuity.read(target)
        further = logged_heads + ([tuple(noted["head"])] if noted is not None and noted["genesis"] == b_genesis else [])
        abandoned = max([abandoned, *further])
    finally:
        bws.close()
    if b_genesis not in seen and seen and not other_workspace:
        raise BackupError(f"Cadangan {backup_file} berasal dari ruang kerja lain (rantai audit lain), bukan dari "
                          f"{target}; tidak dipulihkan. Admin yang memang menghendakinya mengulang dengan "
                          "--other-workspace (dicatat di log audit).", "other_workspace")
    info = BackupInfo(backup_file, now_iso(), "restore", backup_file.stat().st_size, file_sha256(backup_file), b_last,
                      b_hash)
    tmp = temp_beside(target, "pulih")
    aside = None
    try:
        copy_checked(backup_file, tmp)
        ws = Workspace.open(tmp)
        ws.log_heads = False
        try:
            with ws.transaction():
                ws.db["meta"].upsert({"key": "restored_at", "value": now_iso()}, pk="key")
                ws.db["meta"].upsert({"key": "restored_from_head", "value": json.dumps([b_last, b_hash])}, pk="key")
                ws.record(actor, "workspace.restore", "workspace", None,
                          {"from": str(backup_file), "sha256": info.sha256, "audit_last_id": b_last,
                           "abandoned_id": abandoned[0], "abandoned_hash": abandoned[1],
                           "other_workspace": bool(other_workspace and b_genesis not in seen)})
            restored_head = ws.chain_head()
            restored_wsid = ws.meta("workspace_id")
            ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            ws.conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file to swap in
        finally:
            ws.close()
        fsync_file(tmp)
        if b_genesis not in seen:  # another chain takes this path, as said: like a new workspace here
            anchors.headlog.append("workspace", target, genesis=b_genesis, workspace_id=_workspace_id(tmp),
                                   reason="restore")
        if abandoned[0]:  # noted before the swap: a kill after it still leaves the excuse in place
            anchors.note_restore(target, b_genesis or "", b_last, abandoned[0], abandoned[1], str(backup_file))
        if target.exists():
            aside = target.with_name(f"{target.name}.sebelum-pulih-{file_stamp()}")
            n = 1
            while aside.exists():  # never over an earlier set-aside copy (same second, fixed clock)
                n += 1
                aside = target.with_name(f"{target.name}.sebelum-pulih-{file_stamp()}-{n}")
            _checkpoint(target)
            try:
                os.link(target, aside)  # the old content survives under the aside name
            except OSError:
                shutil.copy2(target, aside)
            for suffix in ("-wal", "-shm"):
                if os.path.exists(str(target) + suffix):
                    os.replace(str(target) + suffix, str(aside) + suffix)
        old_genesis = next(iter(seen), None) if len(seen) == 1 else None
        # this PC's note, on the disk before the swap: the file is the one abandoned or the restored one
        continuity.pending(target, b_genesis or "", restored_wsid, file_head if file_head[0] else restored_head,
                           restored_head, from_genesis=old_genesis if file_head[0] else None)
        os.replace(tmp, target)  # the one step that changes the workspace
    except BackupError:
        remove_with_sidecars(tmp)
        raise
    except OSError as exc:
        remove_with_sidecars(tmp)
        if exc.errno == 28:
            raise BackupError(f"Disk penuh: {target} tidak dipulihkan; ruang kerja tetap seperti sebelumnya.",
                              "disk_full") from exc
        raise BackupError(f"Pemulihan ke {target} gagal: {os_text(exc)}. Ruang kerja tetap seperti "
                          "sebelumnya.") from exc
    except BaseException:
        remove_with_sidecars(tmp)
        raise
    restored = Workspace.open(target)
    try:
        restored._log_head()
        anchors.try_sign(restored, actor, "restore")
    finally:
        restored.close()
    return aside, info


def _workspace_id(path: Path) -> str | None:
    with contextlib.suppress(sqlite3.Error), contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as c:
        row = c.execute("SELECT value FROM meta WHERE key = 'workspace_id'").fetchone()
        return row[0] if row else None
    return None


def _verified(bws: Workspace, backup_file: Path) -> None:
    """Refuse a backup whose chain, figures, state or anchors do not hold (code "bad_backup")."""
    rep = integrity.verify(bws, prefix=True)
    if not rep.ok:
        raise BackupError(f"Cadangan {backup_file} telah diubah di luar program dan tidak dipulihkan: "
                          f"{rep.problems[0].message} ({len(rep.problems)} masalah; periksa dengan: recap audit verify "
                          f"--db {backup_file}). Tidak ada yang diubah.", "bad_backup")


def _authorised_without_workspace(bws: Workspace, user: str | None, password: str | None,
                                  passphrase: str | None) -> str:
    """Who restores when the current workspace does not open: the office key's passphrase where the
    key is protected; otherwise an account with "restore" in the (verified) backup, or anyone in
    open mode. Returns the actor's name for the audit record."""
    if office_key.is_protected():
        office_key.load_identity(create=False, passphrase=passphrase)  # OfficeKeyError: locked / wrong passphrase
        return (user or "").strip() or "pemegang kunci kantor"
    if auth.open_mode(bws):
        return (user or "").strip() or "admin"
    actor = auth.authenticate(bws, user, password)
    auth.require(bws, actor, "restore")
    return actor


def _checkpoint(path: Path) -> None:
    """Fold a workspace's WAL into the main file (best effort) before its file is set aside."""
    with contextlib.suppress(sqlite3.Error):
        conn = sqlite3.connect(str(path), timeout=30)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
