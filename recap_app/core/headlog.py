"""The head log: every audit chain head this office's program saw, kept outside the workspace file.

Each time a write of the program commits, the new head of that workspace's audit chain (last
record id and hash, with the chain's first record hash — its *genesis* — and the file's path) is
appended as one JSON line to ``<data dir>/jangkar/kepala.jsonl``. Backups, restores, new
workspaces and signed heads are noted there too. A person who has only the workspace file (a copy
of it, a backup) cannot touch this log, so a history rewritten or cut short inside the file no
longer contains the heads the log remembers (:mod:`recap_app.core.anchors` checks them).

The log is append-only by convention (the program never rewrites it); a line that does not parse
is skipped and counted. Writing is best effort: a failure never stops the write it follows.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from .clock import now_iso
from .files import resolved_name
from .paths import data_dir


def log_path() -> Path:
    """``<data dir>/jangkar/kepala.jsonl`` (RECAP_HOME moves the data dir, for tests and portable installs)."""
    return data_dir() / "jangkar" / "kepala.jsonl"


#: the head log's folder once made by this process (not asked of the file system at every commit)
_made: set[Path] = set()


def append(kind: str, path: str | os.PathLike, **fields) -> bool:
    """Append one entry {"kind", "path", "at", **fields}; True when written. Never raises."""
    entry = {"kind": kind, "path": resolved_name(path), "at": now_iso(), **fields}
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    target = log_path()
    try:
        if target.parent not in _made:
            target.parent.mkdir(parents=True, exist_ok=True)
            _made.add(target.parent)
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        except FileNotFoundError:  # the folder was removed meanwhile: made again
            target.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line.encode("utf-8"))
        finally:
            os.close(fd)
    except OSError:
        return False
    return True


def head(path: str | os.PathLike, genesis: str, workspace_id: str | None, audit_id: int, audit_hash: str) -> bool:
    """Note a committed head of a workspace's chain."""
    return append("head", path, genesis=genesis, workspace_id=workspace_id, audit_id=audit_id, audit_hash=audit_hash)


def entries(genesis: str | None = None, path: str | os.PathLike | None = None) -> tuple[list[dict], int]:
    """(entries for a chain ``genesis`` or a workspace ``path``, number of lines that did not parse)."""
    wanted = resolved_name(path) if path is not None else None
    out, bad = [], 0
    with contextlib.suppress(OSError), open(log_path(), encoding="utf-8") as fh:
        for line in fh:
            try:
                e = json.loads(line)
            except ValueError:
                bad += 1
                continue
            if not isinstance(e, dict):
                bad += 1
                continue
            if (genesis is not None and e.get("genesis") == genesis) or (wanted is not None and e.get("path") == wanted):
                out.append(e)
    return out, bad
