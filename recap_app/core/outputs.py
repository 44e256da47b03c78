"""Writing output files (PDF, xlsx, CSV, bundles) safely: atomically, and never over the
workspace, another workspace, or something that is not a regular file."""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING

from . import faults
from .errors import RecapError, os_text
from .files import SQLITE_MAGIC, file_head

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace


class OutputError(RecapError):
    """An output file cannot or must not be written; nothing was written."""


#: bytes the longest temporary name adds to a target's name (".<name>.<8 hex>.sementara")
TEMP_EXTRA = 19


def check_name_length(out: str | os.PathLike, extra: int = TEMP_EXTRA) -> None:
    """Refuse a file name that, with the temporary name written first, is longer than the file
    system allows (usually 255 bytes).

    Raises:
        OutputError: code "bad_output", with both lengths.
    """
    out = Path(out)
    folder = out.parent if str(out.parent) else Path(".")
    try:
        limit = os.pathconf(folder, "PC_NAME_MAX") if folder.is_dir() else 255
    except (OSError, ValueError, AttributeError):  # pragma: no cover - no pathconf (Windows)
        limit = 255
    size = len(os.fsencode(out.name))
    if size + extra > limit:
        raise OutputError(f"Nama berkas keluaran terlalu panjang: {size} bita, sedangkan folder ini hanya menerima "
                          f"{limit} bita termasuk {extra} bita nama sementaranya (paling panjang {limit - extra} "
                          "bita). Pilih nama yang lebih pendek. Tidak ada yang ditulis.", "bad_output")


def check_output_path(out: str | os.PathLike, ws: "Workspace | None" = None) -> Path:
    """Refuse a target that must not be replaced; return it as a Path.

    Refused (OutputError, code ``bad_output``): the workspace file itself or its -wal/-shm
    files, an existing target that is not a regular file (a folder, a device such as
    /dev/full, a FIFO), an existing SQLite database (any workspace or backup), an existing key
    file (the office key, a public key), and a missing parent folder.
    """
    out = Path(out)
    check_name_length(out)
    target = out.resolve() if out.exists() or out.is_symlink() else out.parent.resolve() / out.name
    if ws is not None:
        own = Path(ws.path).resolve()
        if target in {own, Path(str(own) + "-wal"), Path(str(own) + "-shm"), Path(str(own) + "-journal")}:
            raise OutputError(f"Berkas keluaran {out} adalah ruang kerja itu sendiri; pilih nama berkas lain. "
                              "Tidak ada yang ditulis.", "bad_output")
    if not target.parent.is_dir():
        raise OutputError(f"Folder {out.parent} tidak ada; buat dulu atau pilih folder lain. Tidak ada yang ditulis.",
                          "bad_output")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return out
    except OSError as exc:
        raise OutputError(f"Berkas keluaran {out} tidak dapat diperiksa: {os_text(exc)}.", "bad_output") from exc
    if not stat.S_ISREG(st.st_mode):
        kind = "folder" if stat.S_ISDIR(st.st_mode) else "bukan berkas biasa (perangkat atau pipa)"
        raise OutputError(f"Berkas keluaran {out} adalah {kind}; diharapkan nama berkas baru atau berkas biasa. "
                          "Tidak ada yang ditulis.", "bad_output")
    head = file_head(target, 64)
    if head.startswith(SQLITE_MAGIC):
        raise OutputError(f"Berkas keluaran {out} adalah basis data SQLite (ruang kerja atau cadangan); berkas itu "
                          "tidak ditimpa. Pilih nama berkas lain.", "bad_output")
    if is_key_text(head):
        raise OutputError(f"Berkas keluaran {out} adalah berkas kunci (kunci kantor atau kunci publiknya); berkas itu "
                          "tidak ditimpa. Pilih nama berkas lain. Tidak ada yang ditulis.", "bad_output")
    return out


def is_key_text(head: bytes) -> bool:
    """True when a file's first bytes are a key: a PEM private or public key, or the
    ``ed25519:`` text of a public key (core.office_key)."""
    first = head.lstrip()[:64]
    return first.startswith(b"ed25519:") or (first.startswith(b"-----BEGIN") and b"KEY" in first)


def write_atomic(out: str | os.PathLike, data: bytes, ws: "Workspace | None" = None) -> Path:
    """Write ``data`` to ``out`` through a temporary file and a rename (all or nothing).

    Raises OutputError for a refused target (see :func:`check_output_path`) or a write failure
    (disk full, permission); the target is then as before.
    """
    out = check_output_path(out, ws)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.sementara")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"Berkas {out} tidak dapat ditulis ({faults.os_reason(exc)}). Tidak ada yang berubah.",
                          "disk_full" if faults.classify(exc) == "disk_full" else "write_failed") from exc
    return out


def write_recorded(ws: "Workspace", out: str | os.PathLike, data: bytes, record) -> Path:
    """Write an output only once the workspace has said yes, and record it in the same step.

    The write transaction is opened first (a read-only, locked or full workspace refuses before
    any byte is written), ``record()`` adds the audit record, the file is written atomically, then
    the transaction commits; if the commit fails the file is removed again. So an output exists
    exactly when its audit record does.

    Raises:
        OutputError: refused target or write failure; WorkspaceError: the workspace refused.
    """
    written: Path | None = None
    try:
        with ws.transaction():
            record()
            written = write_atomic(out, data, ws)
    except BaseException:
        if written is not None:
            with contextlib.suppress(OSError):
                written.unlink()
        raise
    return written
