"""Certificate status per submitting region (issue 4 §6).

belum masuk (nothing received), draf (received, not yet checked), ada kesalahan (an
unresolved error), ada peringatan (an unexplained warning), sesuai (no open finding),
ditetapkan (adopted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

STATUSES = ("belum masuk", "draf", "ada kesalahan", "ada peringatan", "sesuai", "ditetapkan")


def regency_status(ws: Workspace) -> list[dict]:
    """[{kode, nama, status, revision}] for every submitting region, in official order."""
    out = []
    for region in ws.regencies():
        info = ws.latest_revision(region.kode)
        if info is None:
            status = "belum masuk"
        elif ws.adoption(region.kode):
            status = "ditetapkan"
        else:
            status = "draf"
        out.append({"kode": region.kode, "nama": region.nama, "status": status,
                    "revision": info.number if info else None})
    return out
