"""Reading a file a clerk names for import: a regular file only, opened without blocking, read with a bound.

Shared by the certificate importer (core/importer) and the TPS import (core/tps_import.py); each
words its own refusal from the exceptions here.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

#: what a path that is no regular file is, for the clerk
NOT_REGULAR = ((stat.S_ISDIR, "sebuah folder"), (stat.S_ISFIFO, "sebuah pipa (FIFO)"),
               (stat.S_ISCHR, "sebuah perangkat karakter"), (stat.S_ISBLK, "sebuah perangkat blok"),
               (stat.S_ISSOCK, "sebuah soket"))


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
        raise NotRegular(next((w for test, w in NOT_REGULAR if test(mode)), "bukan berkas biasa"))
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
