"""Unsaved certificate edits (drafts) kept inside the workspace, so nothing typed is lost.

A draft is the whole certificate as the clerk is typing it (columns and values), stored in the
table ``draft`` under the key ``draft.<region code>`` as JSON (a scratch copy: not under the
audit chain's state digests, docs/security.md). It is written on every edit, in its own short
transaction, and survives a crash or a closed window; it becomes official only through
:meth:`recap_app.core.store.Workspace.add_revision` (the editor then discards the draft).

Audit: starting a draft (``draft.start``) and discarding it (``draft.discard``) are recorded.
Later updates of a draft already started are not recorded one by one: a draft is a scratch
copy with no legal weight, and a record per keystroke would bury the log; the revision that
finally stores the figures is recorded as usual.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, NamedTuple

from . import auth
from .clock import now_iso
from .errors import WorkspaceError

if TYPE_CHECKING:  # pragma: no cover
    from .store import Values, Workspace

PREFIX = "draft."
#: drafts of a second entry (double entry) are kept apart from the first entry's
PREFIX_SECOND = "draft2."


def _key(kode: str, kind: str) -> str:
    if kind not in ("resmi", "entri_kedua"):
        raise ValueError(f"unknown draft kind {kind!r}")
    return (PREFIX if kind == "resmi" else PREFIX_SECOND) + kode


class Draft(NamedTuple):
    """One stored draft.

    Attributes:
        kode: the certificate's region code ("33.01").
        columns: column codes in order (kecamatan codes, then "JUMLAH").
        values: {column: {field key: int or None}} (blank is None, not zero).
        base_revision_id: the revision the draft started from, or None for a new certificate.
        saved_at: ISO time of the last save; saved_by: who typed it.
    """

    kode: str
    columns: tuple[str, ...]
    values: dict
    base_revision_id: int | None
    saved_at: str
    saved_by: str


def save_draft(ws: Workspace, kode: str, columns: list[str], values: Values, actor: str,
               base_revision_id: int | None = None, kind: str = "resmi") -> None:
    """Store (or replace) the draft of a certificate, in one transaction.

    ``kind`` is "resmi" (the official entry) or "entri_kedua" (a second entry, kept apart).

    Raises:
        WorkspaceError: unknown region, read-only or unwritable workspace (nothing written).
        NotAllowed: the actor may not edit certificates.
    """
    auth.require(ws, actor, "edit" if kind == "resmi" else "second_entry")
    key = _key(kode, kind)
    if ws.region(kode) is None:
        raise WorkspaceError(f"Draf tidak dapat disimpan: wilayah {kode} tidak ada di ruang kerja ini.",
                             "unknown_region")
    doc = {"columns": list(columns),
           "values": {c: {k: v for k, v in values.get(c, {}).items()} for c in columns},
           "base_revision_id": base_revision_id, "saved_at": now_iso(), "saved_by": actor}
    with ws.transaction():
        existed = _raw(ws, key) is not None
        ws.conn.execute("INSERT INTO draft (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET "
                        "value = excluded.value", (key, json.dumps(doc, ensure_ascii=False)))
        if not existed:
            ws.record(actor, "draft.start", f"certificate:{kode}", None,
                      {"base_revision_id": base_revision_id, "kind": kind})


def load_draft(ws: Workspace, kode: str, kind: str = "resmi") -> Draft | None:
    """The stored draft of a certificate (of the given kind), or None when there is none."""
    raw = _raw(ws, _key(kode, kind))
    if raw is None:
        return None
    doc = json.loads(raw)
    return Draft(kode, tuple(doc["columns"]), doc["values"], doc.get("base_revision_id"),
                 doc.get("saved_at", ""), doc.get("saved_by", ""))


def discard_draft(ws: Workspace, kode: str, actor: str, kind: str = "resmi") -> bool:
    """Remove a certificate's draft (after saving it, or when the clerk throws it away).

    Returns True when a draft existed. Raises WorkspaceError when the workspace cannot be written.
    """
    key = _key(kode, kind)
    if _raw(ws, key) is None:
        return False
    with ws.transaction():
        ws.conn.execute("DELETE FROM draft WHERE key = ?", (key,))
        ws.record(actor, "draft.discard", f"certificate:{kode}", None, {"kind": kind})
    return True


def draft_regions(ws: Workspace) -> list[str]:
    """Region codes that have a draft of the official entry, sorted."""
    return sorted(k[len(PREFIX):] for (k,) in ws.conn.execute(
        "SELECT key FROM draft WHERE key LIKE 'draft.%'"))


def _raw(ws: Workspace, key: str) -> str | None:
    row = ws.conn.execute("SELECT value FROM draft WHERE key = ?", (key,)).fetchone()
    return row[0] if row else None
