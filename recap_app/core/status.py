"""Certificate status per submitting region, from the stored findings (issue 4 §6).

- belum masuk: no official revision received;
- draf: received, but the rules have not been run on its latest revision (``recap check`` or
  :func:`recap_app.core.reconcile.refresh_findings` records them);
- ada kesalahan: an error finding that is neither fixed nor overridden by the chair;
- ada peringatan: no open error, but a warning without an explanation;
- sesuai: every finding resolved (or none);
- ditetapkan: adopted in the plenary (wins over the others; the certificate is locked).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

STATUSES = ("belum masuk", "draf", "ada kesalahan", "ada peringatan", "sesuai", "ditetapkan")


def status_of(received: bool, adopted: bool, checked: bool, findings) -> str:
    """The status word for one region.

    Args:
        received: an official revision exists.
        adopted: the certificate is adopted (ditetapkan).
        checked: stored findings match its latest revision.
        findings: its current findings (objects with ``severity`` and ``resolved``).
    """
    if not received:
        return "belum masuk"
    if adopted:
        return "ditetapkan"
    if not checked:
        return "draf"
    open_ = [f for f in findings if not f.resolved]
    if any(f.severity == "error" for f in open_):
        return "ada kesalahan"
    if open_:
        return "ada peringatan"
    return "sesuai"


def regency_status(ws: Workspace) -> list[dict]:
    """[{kode, nama, status, revision, errors, warnings}] for every submitting region, in
    official order; ``errors``/``warnings`` count the open (unresolved) findings, None while
    the region is not received or not checked. Reads only."""
    from .reconcile import stored_by_region

    stored = stored_by_region(ws)
    out = []
    for region in ws.regencies():
        info = ws.latest_revision(region.kode)
        fs = stored.get(region.kode)
        status = status_of(info is not None, ws.adoption(region.kode) is not None, fs is not None, fs or [])
        open_ = [f for f in fs if not f.resolved] if fs is not None else None
        out.append({"kode": region.kode, "nama": region.nama, "status": status,
                    "revision": info.number if info else None,
                    "errors": None if open_ is None else sum(f.severity == "error" for f in open_),
                    "warnings": None if open_ is None else sum(f.severity == "warning" for f in open_)})
    return out
