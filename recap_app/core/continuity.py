"""The last head this PC's program wrote to each workspace, checked whenever the workspace opens.

A hash chain shows records changed or removed *inside* it; it cannot show records appended at its
end by someone who recomputes the hashes (the chain has no secret), nor a file swapped for an older
copy of itself, whose chain is whole too. What shows both is the head this PC's program itself last
committed, kept outside the file: a person who has only the file (a copy, a stick, a backup) cannot
change it.

One small JSON file per workspace path, ``<data dir>/jangkar/terakhir/<sha256 of the path>.json``:
``{"path", "genesis", "workspace_id", "state", "head": [id, hash], "from": [id, hash] | None,
"from_genesis", "at", "pid", "token"}`` (the writing process, and a run's own token), where
``state`` is

- ``"done"``: the program committed ``head`` and nothing after it;
- ``"pending"``: a commit from ``from`` to ``head`` was under way (a kill or a power cut can leave
  the file at either end); written and flushed to the disk before the commit;
- ``"batch"``: a run of commits (an import of many files) starting from ``from``; any continuation
  of that chain is the program's own until the run ends with ``"done"`` (also when it stored
  nothing). The run notes itself again before a commit when another process's commit replaced
  its note meanwhile.

A "pending" or "batch" note whose process is gone (killed) is settled at the file's head by the
next open (:func:`settle`). Records this PC's program wrote at another path (the file moved, or
reached by another path) are known from the head log and are not taken for an append.

:func:`check` compares a workspace's chain with it when the workspace opens (the command line and
the window, :func:`recap_app.core.startup.open_checked`): a file whose chain does not hold the
noted head is older than what this PC wrote (a copy put back, newer records or the -wal removed);
records after the noted head were not written by this program on this PC (appended outside the
program, or written on another PC). Both stop the program ("tampered"), naming what differs;
``recap audit verify`` reports the same, and ``recap audit accept`` (an admin, recorded in the
audit log: :func:`recap_app.core.integrity.accept_file`) takes the file as it is when it was
legitimately used on another PC.

Writing the note is best effort (a full disk never stops a commit); a note that cannot be written
before a commit is removed, and one that cannot be read is treated as absent: the check then starts
again from the file as it is. Several processes of this PC write under an exclusive lock on the
note's file (``fcntl.flock``), and a note only moves forward: "done" never replaces a newer head.
"This PC" is this computer account's data folder (docs/security.md §5 names what that leaves out).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from .clock import now_iso
from .files import fsync_folder, process_alive, resolved_name
from .paths import data_dir

DONE, PENDING, BATCH = "done", "pending", "batch"

Head = tuple[int, str]


def note_path(path: str | os.PathLike) -> Path:
    """The note of the workspace at ``path`` (its resolved path hashed: one file per workspace)."""
    return _note_path(str(path), str(data_dir()))


@functools.lru_cache(maxsize=64)
def _note_path(path: str, folder: str) -> Path:
    """:func:`note_path`, resolved once per path and data folder in a process (a run asks before
    each of its commits)."""
    digest = hashlib.sha256(resolved_name(path).encode("utf-8")).hexdigest()[:32]
    return Path(folder) / "jangkar" / "terakhir" / f"{digest}.json"


#: {note file: (inode, modification time)} of the batch notes this process wrote last: a run asks
#: before each commit whether its note is still its own, answered by one ``stat`` while it is
_own_batch: dict[Path, tuple[int, int]] = {}


def read(path: str | os.PathLike) -> dict | None:
    """The note of the workspace at ``path``, or None (none, or unreadable: treated as absent)."""
    try:
        raw = json.loads(note_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("path") != resolved_name(path) or raw.get("state") not in (DONE, PENDING, BATCH):
        return None
    try:
        raw["head"] = (int(raw["head"][0]), str(raw["head"][1]))
        raw["from"] = (int(raw["from"][0]), str(raw["from"][1])) if raw.get("from") else None
    except (KeyError, TypeError, ValueError, IndexError):
        return None
    return raw


@contextlib.contextmanager
def _locked(path: str | os.PathLike) -> Iterator[tuple[Path, dict | None]]:
    """The note's file locked for this process (read-modify-write), with the note as it is."""
    target = note_path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = os.open(target.with_suffix(".lock"), os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX)
        except ImportError:  # pragma: no cover - no flock (Windows): one writer at a time is the office's habit
            pass
        yield target, read(path)
    finally:
        os.close(lock)  # closing the descriptor releases the lock


def _write(target: Path, note: dict, durable: bool) -> None:
    tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, json.dumps(note, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        if durable:
            os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    if durable:
        fsync_folder(target.parent)


def _note(path, genesis: str, workspace_id: str | None, state: str, head: Head, start: Head | None = None,
          from_genesis: str | None = None, token: str | None = None) -> dict:
    return {"path": resolved_name(path), "genesis": genesis, "workspace_id": workspace_id, "state": state,
            "head": list(head), "from": list(start) if start else None, "from_genesis": from_genesis or genesis,
            "at": now_iso(), "pid": os.getpid(), "token": token}


def pending(path, genesis: str, workspace_id: str | None, start: Head, head: Head, *,
            from_genesis: str | None = None) -> bool:
    """Note, flushed to the disk, that a commit from ``start`` to ``head`` is under way (the caller
    holds the workspace's write lock, so ``start`` is its true head). A restore passes the head it
    abandons as ``start`` (``from_genesis``: that chain's, when another chain takes the path).
    Returns whether the note was written (never raises)."""
    try:
        with _locked(path) as (target, _old):
            _write(target, _note(path, genesis, workspace_id, PENDING, head, start, from_genesis), durable=True)
        return True
    except OSError:
        _forget(path)
        return False


def batch(path, genesis: str, workspace_id: str | None, start: Head, token: str, *, only_if_not: bool = False) -> bool:
    """Note, flushed to the disk, that a run of commits (``token``: this run's) continues the chain
    from ``start``. ``only_if_not``: leave the note alone while it is still this run's (a run calls
    this before each of its commits, holding the write lock: another process's commit meanwhile has
    replaced the note, and the run's next commits must be noted again). Never raises; returns
    whether the note is this run's."""
    try:
        if only_if_not:
            target = note_path(path)
            with contextlib.suppress(OSError):
                st = os.stat(target)
                if _own_batch.get(target) == (st.st_ino, st.st_mtime_ns):
                    return True  # the file this run wrote, untouched since
        with _locked(path) as (target, old):
            if only_if_not and old is not None and old["state"] == BATCH and old.get("token") == token:
                return True
            _write(target, _note(path, genesis, workspace_id, BATCH, start, start, token=token), durable=True)
            st = os.stat(target)
            _own_batch[target] = (st.st_ino, st.st_mtime_ns)
        return True
    except OSError:
        _forget(path)
        return False


def _forget(path) -> None:
    """No note rather than a stale one, when a note cannot be written before a commit (the data
    folder full or read-only): the commit goes ahead, and a stale note would call it an append
    outside the program. The next open notes the file as it is then (never raises)."""
    with contextlib.suppress(OSError):
        note_path(path).unlink()


def done(path, genesis: str, workspace_id: str | None, head: Head, *, force: bool = False) -> bool:
    """Note that ``head`` is committed and nothing after it (not flushed: a lost note leaves the
    pending one, which accepts this head). Only forward: an older head never replaces a newer one,
    nor a note of another chain at this path, unless ``force`` (a new workspace, an accepted file).
    Returns whether the note was written (never raises)."""
    try:
        with _locked(path) as (target, old):
            if not force and old is not None:
                if old["genesis"] != genesis:
                    return False
                if head[0] < old["head"][0] and not (old["state"] == PENDING and old["head"] == head):
                    return False
                if old["state"] == BATCH and old.get("pid") != os.getpid() and head[0] <= old["head"][0] \
                        and _alive(old.get("pid")):
                    return False  # another process's run noted itself from this head on: its note stays
            _write(target, _note(path, genesis, workspace_id, DONE, head), durable=force)
        return True
    except OSError:
        return False


def settle(path, seen: dict, genesis: str, workspace_id: str | None, head: Head) -> bool:
    """After an open that found the file as a "pending" or "batch" note allows: when the process
    that wrote the note is gone (killed, or it ended without settling it), the note becomes "done"
    at the file's ``head``, so the next records are compared with it (a run cut short no longer
    lets anything continue the chain). ``seen``: the note as checked; nothing happens if it changed
    meanwhile. Never raises; returns whether it was settled."""
    if seen.get("state") not in (PENDING, BATCH) or _alive(seen.get("pid")):
        return False
    try:
        with _locked(path) as (target, old):
            if old is None or old.get("at") != seen.get("at") or old.get("token") != seen.get("token"):
                return False
            _write(target, _note(path, genesis, workspace_id, DONE, head), durable=False)
        return True
    except OSError:
        return False


def _alive(pid) -> bool:
    """Whether process ``pid`` still runs (unknown counts as running; :func:`recap_app.core.files.process_alive`)."""
    return not isinstance(pid, int) or pid <= 0 or process_alive(pid)


def _written_here(genesis: str, last: Head) -> bool:
    """Whether this PC's head log names ``last`` as a head its program committed to this chain,
    at any path (the file moved, or reached by another path, and written there)."""
    from . import headlog

    logged, _bad = headlog.entries(genesis=genesis)
    return any(e.get("kind") == "head" and e.get("audit_id") == last[0] and e.get("audit_hash") == last[1]
               for e in logged)


class Finding(NamedTuple):
    """What :func:`check` found: ``kind`` "older" (the chain lacks the noted head), "appended"
    (records after it), or "other_chain" (another workspace's chain at this path); ``noted``: the
    note; ``last``: the file's last record (id, hash); ``what``: what differs, in Indonesian,
    naming both heads; ``advice``: how it is checked and settled."""

    kind: str
    noted: dict
    last: Head
    what: str
    advice: str

    @property
    def message(self) -> str:
        """The refusal as an open says it: what differs, that nothing was done, and the advice."""
        return f"{self.what} Tidak ada yang dilakukan. {self.advice}"


class _when:
    """The note's time as the office reads it, written only when a message needs it (``str()``):
    an open that finds nothing loads no time zone data."""

    def __init__(self, note: dict) -> None:
        self.at = note.get("at")

    def __str__(self) -> str:
        from .formatting import local_time

        return local_time(self.at)

    def __format__(self, spec: str) -> str:  # what an f-string calls
        return format(str(self), spec)


_READ = object()


def check(path, genesis: str, last: Head, hash_at, note=_READ) -> Finding | None:
    """Compare a workspace's chain with this PC's note of it.

    Args:
        path: the workspace file; genesis: its chain's first record hash; last: its last record
            (id, hash), (0, "") for none; hash_at: ``hash_at(id) -> str | None``, the stored hash of
            record ``id`` (read from the workspace); note: the note as :func:`read` gave it, when
            the caller has read it already (read here otherwise).
    Returns:
        None when the chain is what this PC last wrote (or there is no note), else a :class:`Finding`.
    """
    if note is _READ:
        note = read(path)
    if note is None:
        return None
    head, start = note["head"], note["from"]
    when = _when(note)
    if genesis not in (note["genesis"], note.get("from_genesis")):
        if _written_here(genesis, last):  # a workspace this program wrote, moved onto this path
            return None
        return Finding("other_chain", note, last, (
            f"Ruang kerja {path} bukan ruang kerja yang terakhir ditulis program ini di jalur itu ({when}): rantai "
            "auditnya lain, jadi berkas diganti seluruhnya di luar program."), (
            f"Periksa dengan 'recap audit verify --db {path}'; bila ruang kerja lain ini memang hendak dipakai di "
            f"jalur ini, admin menerimanya dengan {accept_command(path)}."))

    def holds(h: Head | None, chain_of: str | None) -> bool:
        return h is not None and genesis == chain_of and last[0] >= h[0] and (h[0] == 0 or hash_at(h[0]) == h[1])

    if note["state"] == PENDING:
        if (last == head and genesis == note["genesis"]) or (last == start and genesis == note.get("from_genesis")):
            return None
    elif note["state"] == BATCH:
        if holds(start, note["genesis"]):
            return None
    elif last == head and genesis == note["genesis"]:
        return None
    anchor = head if note["state"] != BATCH else start
    if holds(anchor, note["genesis"]) and last[0] > anchor[0]:
        if _written_here(genesis, last):  # this program wrote them here, at another path: the file moved
            return None
        n = last[0] - anchor[0]
        return Finding("appended", note, last, (
            f"Ruang kerja {path} memuat {n} catatan audit (#{anchor[0] + 1}–#{last[0]}) yang tidak ditulis program "
            f"ini di PC ini (di akun komputer ini): catatan terakhir yang ditulisnya di sini #{anchor[0]} ({when}). "
            "Catatan itu ditambahkan di luar program, atau ruang kerja ini dipakai di PC atau akun lain."), (
            f"Periksa dengan 'recap audit verify --db {path}'; {ACCEPT_ADVICE} {accept_command(path)}."))
    return Finding("older", note, last, (
        f"Ruang kerja {path} lebih lama dari yang terakhir ditulis program ini di PC ini (di akun komputer ini): "
        f"catatan audit terakhir yang ditulisnya #{head[0]} ({when}), tetapi berkas "
        + (f"berakhir di #{last[0]}" if last[0] < head[0] else f"memuat catatan #{head[0]} yang lain")
        + ". Berkas diganti dengan salinan lama, atau catatan terbarunya (juga berkas -wal) dihapus di luar program."), (
        f"Periksa dengan 'recap audit verify --db {path}'; cadangan dipakai lagi lewat 'recap restore', dan salinan "
        f"lama yang memang hendak dipakai diterima admin dengan {accept_command(path)}."))


#: how records written on another PC or account are taken (the appended finding's advice; verify's too)
ACCEPT_ADVICE = "bila ruang kerja ini memang dipakai di PC atau akun lain, admin menerimanya dengan"


def accept_command(path) -> str:
    return f"'recap audit accept --db {path} --reason \"...\"' (dicatat di log audit)"

def finding_of(ws, note=_READ) -> Finding | None:
    """:func:`check` of an open workspace (a :class:`recap_app.core.store.Workspace`): None, or what
    differs from the head this PC's program last wrote to it. Reads two rows; never writes.
    ``note``: as :func:`check` takes it."""
    import sqlite3

    try:
        genesis, _wsid = ws.chain_identity()
        last = ws.chain_head()
    except sqlite3.Error:
        return None  # a file that cannot be read is named by the checks that read it

    def hash_at(i: int) -> str | None:
        row = ws.conn.execute("SELECT hash FROM audit WHERE id = ?", (i,)).fetchone()
        return row[0] if row else None

    return check(ws.path, genesis, last, hash_at, note)

