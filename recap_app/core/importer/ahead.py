"""Reading ahead: the next files of an import read and their certificates found in a second
process while the current file is stored (the machine's second core).

Storing a file (its transaction, findings, audit record and fsync) and reading the next one
(unzipping, the extent check, calamine, the layout search, and what the certificate's figures
give: the columns and fields to store, their hash and the rules' findings) do not depend on each
other, so a forked child reads the files in order and sends each back as (bytes, found
certificate, notes, plan); the parent stores them in order, exactly as it would have read them itself.

What keeps this exact and safe:

- The child never touches the workspace. It is forked before the first transaction, and uses
  only the election and the importer context (regions, accepted aliases) as they were then; it
  leaves with ``os._exit`` (multiprocessing's fork start), so nothing of the parent's SQLite
  connection is closed, flushed or locked by it.
- Anything unusual in the child (a refusal, an unreadable file, a result that cannot be sent)
  comes back as "read it yourself": the parent then reads that file in process, so every
  refusal and message is the in-process one. A child that dies or hangs up is noticed when its
  pipe ends; the parent reads the remaining files itself.
- When the context changes (aliases accepted by a file), the parent stops the child and reads
  the rest itself, so no file is ever found with an old context.
- Only where fork is safe and useful: Linux, two files or more, called by a process with one
  thread (the command line asks for it; the window, whose import runs on a worker thread of a
  Qt process, does not).

The child's results wait in the pipe: it blocks when the pipe is full, so at most a file or two
are held ahead.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

#: what the child sends for a file it leaves to the parent
AGAIN = "again"

#: seconds the parent waits for the child's next file before reading the rest itself (a file is
#: read in well under a second; a child that sends nothing for this long is stopped or stuck)
PATIENCE = 10.0

#: a message on the pipe: its length (8 bytes, big-endian), then the pickled (index, ok, payload)
_HEAD = struct.Struct(">Q")


def usable(paths: Sequence) -> bool:
    """Whether reading ahead may be used here: Linux (fork without the system frameworks that
    make it unsafe elsewhere), at least two files, and a parent with one thread."""
    import threading

    return (sys.platform.startswith("linux") and len(paths) >= 2 and threading.active_count() == 1
            and hasattr(os, "fork"))


class ReadAhead:
    """A forked child reading and finding ``paths`` in order with ``prepare(path)``.

    The child is a plain ``os.fork`` writing pickled messages to a pipe (what multiprocessing's
    fork start does, without the ~10 ms of loading multiprocessing in every import).

    Args:
        paths: the files, in import order.
        prepare: ``prepare(path) -> (data, found, notes, plan)``; any exception means "the parent
            reads this one itself". It runs in the child only, on objects inherited by the fork.
    Raises:
        OSError: no pipe or no process could be made (the caller reads in process).
    """

    def __init__(self, paths: Sequence, prepare: Callable[[Path], tuple]):
        read_end, write_end = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(read_end)
            os.close(write_end)
            raise
        if pid == 0:  # the child: never returns into the parent's code
            code = 0
            try:
                os.close(read_end)
                _child(write_end, list(paths), prepare)
            except BaseException:  # noqa: BLE001 - whatever happens, the child only leaves
                code = 1
            finally:
                os._exit(code)
        os.close(write_end)
        #: the child's process id
        self.pid = pid
        self._fd = read_end
        self._buf = bytearray()
        self._next = 0
        self._broken = False
        self._reaped = False

    def get(self, i: int) -> tuple | None:
        """The child's (data, found, notes, plan) of file ``i`` (asked in order), or None: read it in process.

        A child that sends nothing for :data:`PATIENCE` seconds (stopped, stuck) is stopped: the
        parent reads this file and the rest itself."""
        if self._broken or i < self._next:
            return None
        while True:
            try:
                message = self._message()
                if message is None:
                    self.stop()
                    return None
                j, ok, payload = pickle.loads(message)
            except Exception:  # noqa: BLE001 - the child died (EOF) or sent what cannot be read
                self.stop()
                return None
            self._next = j + 1
            if j == i:
                return payload if ok else None
            if j > i:  # cannot happen (the child goes in order): be safe
                self.stop()
                return None

    def _message(self) -> bytes | None:
        """The next whole message from the pipe, or None: the pipe ended, or nothing came for
        :data:`PATIENCE` seconds."""
        deadline = time.monotonic() + PATIENCE
        poller = select.poll()
        poller.register(self._fd, select.POLLIN)
        while True:
            if len(self._buf) >= _HEAD.size:
                (size,) = _HEAD.unpack_from(self._buf)
                if len(self._buf) >= _HEAD.size + size:
                    message = bytes(self._buf[_HEAD.size:_HEAD.size + size])
                    del self._buf[:_HEAD.size + size]
                    return message
            left = deadline - time.monotonic()
            if left <= 0 or not poller.poll(left * 1000):
                return None
            chunk = os.read(self._fd, 1 << 20)
            if not chunk:
                return None  # the child is gone and everything it wrote is read
            self._buf += chunk

    def alive(self) -> bool:
        """Whether the child still runs (reaps it once it has ended)."""
        if self._reaped:
            return False
        try:
            pid, _status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            pid = self.pid
        if pid == 0:
            return True
        self._reaped = True
        return False

    def stop(self) -> None:
        """Stop the child (if still running), reap it, and read nothing more from it."""
        self._broken = True
        if self.alive():
            with _suppress_gone():
                os.kill(self.pid, signal.SIGTERM)
            deadline = time.monotonic() + 1
            while self.alive() and time.monotonic() < deadline:
                time.sleep(0.005)
        if self.alive():  # stopped (SIGSTOP) or deaf to SIGTERM: SIGKILL always ends it
            with _suppress_gone():
                os.kill(self.pid, signal.SIGKILL)
            with _suppress_gone():
                os.waitpid(self.pid, 0)
            self._reaped = True
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def close(self) -> None:
        """The end of the import: the child has sent everything, or is stopped."""
        self.stop()


class _suppress_gone:
    """Ignore that the child is already gone (and reaped) when it is signalled or waited for."""

    def __enter__(self):
        return self

    def __exit__(self, kind, value, tb) -> bool:
        return kind is not None and issubclass(kind, (ProcessLookupError, ChildProcessError))


def _child(fd: int, paths: list, prepare) -> None:
    """The child: every file prepared and sent in order; anything unusual sent as AGAIN. Ctrl+C
    is the parent's to handle (it stops the child); the child ignores it.

    The parent holds the only copy of the pipe's reading end (the child closed its own before
    this), so when the parent is gone (killed, ended) the child's next write fails at once and it
    leaves, instead of waiting on a full pipe for ever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for i, path in enumerate(paths):
        try:
            payload = prepare(Path(path))
            message = pickle.dumps((i, True, payload), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - a refusal or anything else: the parent reads it itself
            message = pickle.dumps((i, False, AGAIN), protocol=pickle.HIGHEST_PROTOCOL)
        try:
            _send(fd, _HEAD.pack(len(message)) + message)
        except OSError:  # BrokenPipeError and the like: the parent is gone or stopped listening
            return


def _send(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
