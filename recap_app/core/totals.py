"""Province totals: the sum of what each kabupaten/kota certified (its JUMLAH column).

Source: DOMAIN.md §3 rule 9 — the province adds up each regency's JUMLAH column as adopted
in its plenary; a difference with the sum of its kecamatan columns is a finding, never a
silent correction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace

JUMLAH = "JUMLAH"


def sum_or_none(values) -> int | None:
    """Sum of the non-blank values; None when every value is blank (blank is not zero)."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def province_totals(ws: Workspace) -> dict:
    """Province sums over the latest official revision of every certificate.

    Returns:
        {"fields": {key: int|None}, "regencies": {kode: {key: int|None}},
         "blank": {key: [kode, ...]}, "received": int, "expected": int}
        where "regencies" holds each JUMLAH column as submitted and "blank" lists, per field,
        the received regencies whose JUMLAH is blank for it.
    """
    keys = ws.election.field_keys
    latest = ws.latest_values()
    expected = [r.kode for r in ws.regencies()]
    regencies = {}
    for kode in expected:
        if kode in latest:
            _, values = latest[kode]
            col = values.get(JUMLAH, {})
            regencies[kode] = {k: col.get(k) for k in keys}
    fields = {k: sum_or_none(r[k] for r in regencies.values()) for k in keys}
    blank = {k: [kode for kode, r in regencies.items() if r[k] is None] for k in keys}
    return {"fields": fields, "regencies": regencies, "blank": {k: v for k, v in blank.items() if v},
            "received": len(regencies), "expected": len(expected)}
