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

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

#: what the child sends for a file it leaves to the parent
AGAIN = "again"

#: seconds the parent waits for the child's next file before reading the rest itself (a file is
#: read in well under a second; a child that sends nothing for this long is stopped or stuck)
PATIENCE = 10.0


def usable(paths: Sequence) -> bool:
    """Whether reading ahead may be used here: Linux (fork without the system frameworks that
    make it unsafe elsewhere), at least two files, and a parent with one thread."""
    import threading

    return (sys.platform.startswith("linux") and len(paths) >= 2 and threading.active_count() == 1
            and hasattr(os, "fork"))


class ReadAhead:
    """A forked child reading and finding ``paths`` in order with ``prepare(path)``.

    Args:
        paths: the files, in import order.
        prepare: ``prepare(path) -> (data, found, notes, plan)``; any exception means "the parent reads
            this one itself". It runs in the child only, on objects inherited by the fork.
    """

    def __init__(self, paths: Sequence, prepare: Callable[[Path], tuple]):
        mp = multiprocessing.get_context("fork")
        self._recv, send = mp.Pipe(duplex=False)
        self._proc = mp.Process(target=_child, args=(send, self._recv, list(paths), prepare), daemon=True,
                                name="recap-read-ahead")
        self._proc.start()
        send.close()
        self._next = 0
        self._broken = False

    def get(self, i: int) -> tuple | None:
        """The child's (data, found, notes, plan) of file ``i`` (asked in order), or None: read it in process.

        A child that sends nothing for :data:`PATIENCE` seconds (stopped, stuck) is stopped: the
        parent reads this file and the rest itself."""
        if self._broken or i < self._next:
            return None
        while True:
            try:
                if not self._recv.poll(PATIENCE):
                    self.stop()
                    return None
                j, ok, payload = self._recv.recv()
            except Exception:  # noqa: BLE001 - the child died (EOF) or sent what cannot be read
                self.stop()
                return None
            self._next = j + 1
            if j == i:
                return payload if ok else None
            if j > i:  # cannot happen (the child goes in order): be safe
                self.stop()
                return None

    def stop(self) -> None:
        """Stop the child (if still running) and read nothing more from it."""
        self._broken = True
        if self._proc.is_alive():
            self._proc.terminate()
            self._proc.join(1)
        if self._proc.is_alive():  # stopped (SIGSTOP) or deaf to SIGTERM: SIGKILL always ends it
            self._proc.kill()
        self._proc.join(5)
        self._recv.close()

    def close(self) -> None:
        """The end of the import: the child has sent everything, or is stopped."""
        self.stop()


def _child(send, recv, paths: list, prepare) -> None:
    """The child: every file prepared and sent in order; anything unusual sent as AGAIN. Ctrl+C
    is the parent's to handle (it stops the child); the child ignores it.

    Its copy of the pipe's reading end is closed first: the parent then holds the only one, so
    when the parent is gone (killed, ended) the child's next write fails at once and it leaves,
    instead of waiting on a full pipe for ever."""
    import signal

    recv.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for i, path in enumerate(paths):
        try:
            payload = prepare(Path(path))
            send.send((i, True, payload))
            continue
        except (BrokenPipeError, EOFError):
            return  # the parent is gone or stopped listening
        except Exception:  # noqa: BLE001 - a refusal or anything else: the parent reads it itself
            pass
        try:
            send.send((i, False, AGAIN))
        except (BrokenPipeError, EOFError, OSError):
            return
