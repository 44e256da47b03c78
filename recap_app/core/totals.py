"""Office totals: the sum of what each submitting region certified (its JUMLAH column).

The province adds up each regency's JUMLAH column as adopted in its plenary; a difference
with the sum of its kecamatan columns is a finding (rule F.501), never a silent correction
(docs/domain.md, "Hierarchy"). A contest with several districts is summed per district too.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from .domain import JUMLAH, ContestantKind

if TYPE_CHECKING:  # pragma: no cover
    from .store import Workspace


def sum_or_none(values) -> int | None:
    """Sum of the non-blank values; None when every value is blank (blank is not zero)."""
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def _sums(keys: Iterable[str], columns: dict[str, dict]) -> tuple[dict, dict]:
    keys = list(keys)
    fields = {k: sum_or_none(col.get(k) for col in columns.values()) for k in keys}
    blank = {k: [kode for kode, col in columns.items() if col.get(k) is None] for k in keys}
    return fields, {k: v for k, v in blank.items() if v}


def province_totals(ws: Workspace, latest: Mapping[str, tuple] | None = None) -> dict:
    """Office sums over the latest official revision of every certificate.

    ``latest``: ``ws.latest_values()`` when the caller has read it already (checked figures).

    Returns:
        {"fields": {key: int|None}, "regencies": {kode: {key: int|None}},
         "blank": {key: [kode, ...]}, "received": int, "expected": int, "dapil": [...]}
        where "regencies" holds each JUMLAH column as submitted (the keys of its own form),
        "blank" lists, per field, the received regencies whose JUMLAH is blank for it, and
        "fields" sums the keys every district's form has. "dapil" has one entry per district
        {"kode", "nama", "kursi", "fields", "blank", "regencies": [kode], "received",
        "expected"}; a contest with one district has one entry equal to the whole.
    """
    e = ws.election
    latest = ws.latest_values() if latest is None else latest
    expected = [r.kode for r in ws.regencies()]
    regencies: dict[str, dict] = {}
    for kode in expected:
        if kode in latest:
            _, values = latest[kode]
            col = values.get(JUMLAH, {})
            regencies[kode] = {k: col.get(k) for k in e.form_of_region(kode).field_keys}
    forms = [e.form_for(d) for d in e.districts]
    common = [k for k in forms[0].field_keys if all(k in f.field_by_key for f in forms[1:])]
    fields, blank = _sums(common, regencies)
    dapil = []
    for d, form in zip(e.districts, forms, strict=True):
        members = expected if d.whole else [k for k in expected if k in set(d.wilayah)]
        cols = {k: regencies[k] for k in members if k in regencies}
        d_fields, d_blank = _sums(form.field_keys, cols)
        dapil.append({"kode": d.kode, "nama": d.nama, "kursi": d.kursi, "fields": d_fields, "blank": d_blank,
                      "regencies": members, "received": len(cols), "expected": len(members)})
    return {"fields": fields, "regencies": regencies, "blank": blank, "received": len(regencies),
            "expected": len(expected), "dapil": dapil}


def list_figures(form, fields: dict) -> list[dict]:
    """Block IV of a legislative form as a list, from a column of figures (a district total).

    Args:
        form: a party form (DPR, DPRD Provinsi) or an individual form (DPD).
        fields: {field key: int or None}.
    Returns:
        Party form: [{"nomor", "nama", "nama_singkat", "suara_partai" (party-only votes),
        "calon": [{"nomor_urut", "nama", "jenis_kelamin", "suara"}], "jumlah" (party total)}]
        in ballot order. Individual form: [{"nomor_urut", "nama", "jenis_kelamin", "suara"}].
        A blank figure is None (blank is not zero). [] for a pair form.
    """
    if form.contestant_kind == ContestantKind.PERSEORANGAN:
        return [{"nomor_urut": c.nomor, "nama": c.nama, "jenis_kelamin": c.jenis_kelamin,
                 "suara": fields.get(form.total_key(c))} for c in form.contestants]
    if form.contestant_kind != ContestantKind.PARTAI:
        return []
    return [{"nomor": p.nomor, "nama": p.nama, "nama_singkat": p.short, "suara_partai": fields.get(form.party_key(p.nomor)),
             "calon": [{"nomor_urut": c.nomor, "nama": c.nama, "jenis_kelamin": c.jenis_kelamin,
                        "suara": fields.get(form.candidate_key(p.nomor, c.nomor))}
                       for c in form.candidates[p.nomor]],
             "jumlah": fields.get(form.total_key(p))} for p in form.contestants]
