"""Reading a file a clerk names for import: a regular file only, opened without blocking, read with a bound.

Shared by the certificate importer (core/importer) and the TPS import (core/tps_import.py), which
word their own refusals from the exceptions here, and by every other command that reads a file a
person names (bundles, comparison CSVs, a DCT, a vote CSV, a text): :func:`read_named`.
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import threading
import time
from pathlib import Path

from .errors import RecapError, os_text

#: what a path that is no regular file is, for the clerk
NOT_REGULAR = ((stat.S_ISDIR, "sebuah folder"), (stat.S_ISFIFO, "sebuah pipa (FIFO)"),
               (stat.S_ISCHR, "sebuah perangkat karakter"), (stat.S_ISBLK, "sebuah perangkat blok"),
               (stat.S_ISSOCK, "sebuah soket"))


#: the first bytes of every SQLite database file (a workspace, a backup)
SQLITE_MAGIC = b"SQLite format 3\x00"


def not_regular_word(mode: int) -> str:
    """What a file of ``mode`` (``st_mode``) that is no regular file is, for the clerk ("sebuah folder")."""
    return next((w for test, w in NOT_REGULAR if test(mode)), "bukan berkas biasa")


#: the database files this process holds open through SQLite: {(device, inode): connections}
_HELD: dict[tuple[int, int], int] = {}
_HELD_LOCK = threading.Lock()


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def hold(path: str | Path) -> tuple[int, int] | None:
    """Note that a connection of this process now has the database file ``path`` open; returns the
    key to give :func:`release` when it closes (None when the file cannot be looked at)."""
    key = _identity(path)
    if key is not None:
        with _HELD_LOCK:
            _HELD[key] = _HELD.get(key, 0) + 1
    return key


def release(key: tuple[int, int] | None) -> None:
    """The connection noted by :func:`hold` closed."""
    if key is None:
        return
    with _HELD_LOCK:
        left = _HELD.get(key, 0) - 1
        if left > 0:
            _HELD[key] = left
        else:
            _HELD.pop(key, None)


def held(path: str | Path) -> bool:
    """Whether a connection of this process has the database file ``path`` open.

    Such a file is never opened and closed again with ``open()`` by this process: closing any
    descriptor of a file drops every POSIX lock the process holds on it (POSIX fcntl; SQLite's
    "How To Corrupt An SQLite Database File", 2.2), and another process, no longer seeing this
    one's lock, would take the file as unused, checkpoint it and delete its -wal and -shm under
    the open connection, whose next writes would go to a deleted file."""
    key = _identity(path)
    with _HELD_LOCK:
        return key is not None and key in _HELD


def file_head(path: str | Path, size: int = len(SQLITE_MAGIC)) -> bytes:
    """The first ``size`` bytes of a regular file; b"" when it is missing, unreadable or no regular
    file (never blocks on a FIFO, never reads a device). A database file this process holds open
    (:func:`held`) is not opened again: it is an SQLite file, and its magic is returned."""
    if held(path):
        return SQLITE_MAGIC[:size]
    try:
        if not Path(path).is_file():
            return b""
        with open(path, "rb") as fh:
            return fh.read(size)
    except OSError:
        return b""


class NotRegular(Exception):
    """The path is no regular file; ``what`` says what it is ("sebuah folder")."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


class TooLarge(Exception):
    """The file holds more than the limit; ``size`` is its size as the file system reports it
    (at least the limit + 1: /dev/zero reports 0 and never ends)."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


def read_regular(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes.

    The file is opened without blocking (a FIFO would otherwise wait for a writer), checked with
    ``fstat`` on the open descriptor (``stat.S_ISREG``), then read in 1 MiB pieces up to ``limit + 1``.

    Raises:
        NotRegular, TooLarge; OSError: the file cannot be opened or read.
    """
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
    except OSError:
        os.close(fd)
        raise
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise NotRegular(not_regular_word(mode))
    with os.fdopen(fd, "rb", buffering=0) as fh:
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, left = [], limit + 1
        while left > 0:
            chunk = fh.read(min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        if left <= 0:  # more than the limit: the size as the file system reports it (the read was cut)
            raise TooLarge(max(os.fstat(fd).st_size, limit + 1))
        return b"".join(chunks)


class FileRefused(RecapError):
    """A named file that cannot be taken: not a regular file ("not_regular_file"), larger than
    allowed ("too_large"), missing ("missing") or unreadable ("unreadable"); the message names
    the file and what it is."""


def read_named(path: str | Path, limit: int, expected: str) -> bytes:
    """The bytes of a file a person named (a bundle, a CSV, a text), refused in Indonesian when it
    is not one: a folder, a FIFO or a device such as /dev/zero (never read without end), larger
    than ``limit`` bytes, missing or unreadable. ``expected`` says what was wanted ("berkas
    bundel .zip") for the message.

    Raises:
        FileRefused: with the codes above.
    """
    name = Path(path)
    try:
        return read_regular(path, limit)
    except NotRegular as exc:
        raise FileRefused(f"Berkas {name}: {exc.what}, bukan berkas biasa; diharapkan {expected}.",
                          "not_regular_file") from exc
    except TooLarge as exc:
        raise FileRefused(f"Berkas {name} terlalu besar ({exc.size} bita; paling besar {limit} bita); diharapkan "
                          f"{expected}.", "too_large") from exc
    except FileNotFoundError as exc:
        raise FileRefused(f"Berkas {name} tidak ada; diharapkan {expected}.", "missing") from exc
    except OSError as exc:
        raise FileRefused(f"Berkas {name} tidak dapat dibaca ({os_text(exc)}); diharapkan {expected}.",
                          "unreadable") from exc


# ----------------------------------------------------------------- temporary files of killed processes
#: seconds after which a temporary file without a process id in its name counts as left behind
STALE_TEMP_SECONDS = 600

#: "<name>.<tag>-<pid>-<8 hex>" (and its -wal/-shm/-journal): the temporary names of backups and restores
_TEMP_PID = re.compile(r"-(\d+)-[0-9a-f]{8}(?:-wal|-shm|-journal)?$")


def stamp(path: str | Path) -> list[int] | None:
    """[size, modification time in ns] of a database file and of its -wal (-1, -1 without one, or
    with an empty one: SQLite makes an empty -wal whenever it opens the file, and an empty -wal
    holds nothing): what changes when anyone writes it. None when the file cannot be looked at."""
    try:
        st = os.stat(path)
        try:
            w = os.stat(f"{path}-wal")
        except FileNotFoundError:
            w = None
    except OSError:
        return None
    if w is None or w.st_size == 0:
        return [st.st_size, st.st_mtime_ns, -1, -1]
    return [st.st_size, st.st_mtime_ns, w.st_size, w.st_mtime_ns]


def resolved_name(path: str | os.PathLike) -> str:
    """The path with links followed, as text (what names a workspace in the notes outside it);
    its absolute form when it cannot be resolved."""
    try:
        return str(Path(path).resolve())
    except OSError:
        return str(Path(path).absolute())


def temp_beside(target: Path, tag: str) -> Path:
    """A temporary name beside ``target`` that says which process made it:
    ``<name>.<tag>-<pid>-<8 hex>`` (:func:`clean_temps` removes those of dead processes)."""
    return target.with_name(f"{target.name}.{tag}-{os.getpid()}-{os.urandom(4).hex()}")


def clean_temps(folder: Path, pattern: str) -> list[Path]:
    """Remove temporary files matching ``pattern`` in ``folder`` (with their -wal/-shm) whose
    process is gone (a killed backup or restore), or that are older than STALE_TEMP_SECONDS
    (names without a process id). Returns what was removed; never raises."""
    gone: list[Path] = []
    limit = time.time() - STALE_TEMP_SECONDS
    for p in sorted(folder.glob(pattern)):
        m = _TEMP_PID.search(p.name)
        try:
            if m:
                pid = int(m.group(1))
                if pid == os.getpid() or process_alive(pid):
                    continue
            elif p.stat().st_mtime >= limit:
                continue
            p.unlink()
            gone.append(p)
        except OSError:
            continue
    return gone


def process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a process of another user counts as running; on Windows
    every process does, for there ``os.kill`` with signal 0 would end it instead of asking)."""
    if os.name == "nt":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (a file just made or renamed in it) to the disk where the system
    allows it (POSIX; elsewhere, or on a folder that cannot be opened, nothing happens); never raises."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
