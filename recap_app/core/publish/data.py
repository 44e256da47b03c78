"""The site's data files: JSON and CSV per region, for journalists, watchdogs and scripts.

One pair per kabupaten/kota (every kecamatan column and the certified JUMLAH column, revisions,
adoption, open findings), one per dapil in legislative contests (its regencies and sums over
its own form) and one for the province (every regency's JUMLAH column and the province sums).
Every file carries the workspace marks (JSON ``marks``; CSV column ``tanda`` on every row).
The layout is docs/publication-schema.md; resources/publication.schema.json checks it.
File names are content-addressed (:func:`common.addressed`): a cache may keep them for ever.
"""

from __future__ import annotations

import csv
import io
import json

from ..domain import JUMLAH
from .common import DATA_FORMAT, FORMAT_VERSION, mark_text, safe_name, share
from .snapshot import DistrictView, RegencyView, Snapshot
from .texts import status_word


def dumps(obj) -> bytes:
    """Canonical JSON bytes: UTF-8, keys sorted, one space indent, a final newline (same data, same bytes)."""
    return (json.dumps(obj, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _head(s: Snapshot, kind: str) -> dict:
    e = s.election
    return {"format": DATA_FORMAT, "format_version": FORMAT_VERSION, "kind": kind, "marks": list(s.marks),
            "mark_text": mark_text(s.marks), "election": {"id": e.id, "name": e.name, "name_en": e.name_en,
                                                            "polling_day": e.polling_day, "form": e.form_kind}}


def _persen(part, whole) -> float | None:
    p = share(part, whole)
    return None if p is None else float(p)


def contestants(form, fields: dict) -> list[dict]:
    """[{kind, nomor, nama, nama_singkat, key, suara, persen}] of a form's contestants, ballot order.

    ``suara`` is the contestant's total (None when blank); ``persen`` its share of suara_sah in
    percent with two decimals (None when either is blank or suara_sah is 0).
    """
    whole = fields.get("suara_sah")
    out = []
    for c in form.contestants:
        key = form.total_key(c)
        out.append({"kind": str(c.kind), "nomor": c.nomor, "nama": c.nama, "nama_singkat": c.short, "key": key,
                    "suara": fields.get(key), "persen": _persen(fields.get(key), whole)})
    return out


def labels(form, keys) -> dict:
    """{field key: {"id": long label, "en": long label}} for the keys given."""
    return {k: {"id": form.field_label(k, "id"), "en": form.field_label(k, "en")} for k in keys}


def paths_of(kind: str, code: str) -> tuple[str, str]:
    """The site paths of a region's page and the stem of its data files ("wilayah/33.01.html", "data/wilayah/33.01")."""
    folder = {"kabupaten_kota": "wilayah", "dapil": "dapil"}[kind]
    return f"{folder}/{safe_name(code)}.html", f"data/{folder}/{safe_name(code)}"


def regency_json(s: Snapshot, r: RegencyView) -> dict:
    """The data of one kabupaten/kota (see docs/publication-schema.md, "kabupaten_kota")."""
    d = s.election.district_by_code.get(r.district) if r.district else None
    keys = r.form.field_keys
    out = _head(s, "kabupaten_kota")
    out.update({
        "wilayah": {"kode": r.kode, "nama": r.nama, "tingkat": s.election.child_tier, "kode_induk": s.office_code},
        "dapil": {"kode": d.kode, "nama": d.nama, "kursi": d.kursi} if d else None,
        "page": paths_of("kabupaten_kota", r.kode)[0],
        "status": r.status, "status_en": status_word(r.status, "en"),
        "open_errors": r.errors, "open_warnings": r.warnings,
        "revision": r.revision, "adoption": r.adopted,
        "contestants": contestants(r.form, r.total) if r.received else [],
        "columns": [{"kode": c.kode, "nama": c.nama, "tingkat": c.tingkat,
                     "fields": {k: r.values.get(c.kode, {}).get(k) for k in keys}} for c in r.columns],
        "field_keys": list(keys),
        "field_labels": labels(r.form, keys),
        "revisions": r.revisions,
        "events": [{k: v for k, v in ev.items() if k != "id"} for ev in r.events],
        "findings": r.findings,
    })
    return out


def district_json(s: Snapshot, d: DistrictView, files: dict) -> dict:
    """The data of one dapil: its regencies' JUMLAH columns and the dapil sums over its form."""
    keys = d.form.field_keys
    out = _head(s, "dapil")
    out.update({
        "dapil": {"kode": d.kode, "nama": d.nama, "kursi": d.kursi},
        "page": paths_of("dapil", d.kode)[0],
        "received": d.received, "expected": d.expected,
        "contestants": contestants(d.form, d.fields),
        "fields": {k: d.fields.get(k) for k in keys},
        "field_keys": list(keys),
        "field_labels": labels(d.form, keys),
        "kabupaten_kota": [_regency_row(s, s.regency(k), files, keys) for k in d.regencies],
    })
    return out


def _regency_row(s: Snapshot, r: RegencyView, files: dict, keys) -> dict:
    f = files.get(("kabupaten_kota", r.kode), {})
    return {"kode": r.kode, "nama": r.nama, "status": r.status, "status_en": status_word(r.status, "en"),
            "revision": r.revision, "adopted": r.adopted is not None, "open_errors": r.errors,
            "open_warnings": r.warnings, "dapil": r.district,
            "fields": {k: r.total.get(k) for k in keys} if r.received else None,
            "page": paths_of("kabupaten_kota", r.kode)[0], "json": f.get("json"), "csv": f.get("csv")}


def province_json(s: Snapshot, files: dict) -> dict:
    """The province data: every regency's JUMLAH column, the province sums, the dapil when any.

    Args:
        files: {(kind, code): {"json": path, "csv": path}} of the regency and dapil files.
    """
    keys = [k for k in s.form.field_keys if k in s.fields]
    out = _head(s, "provinsi")
    out.update({
        "wilayah": {"kode": s.office_code, "nama": s.province_name, "tingkat": s.election.tier},
        "office": {"kode": s.office_code, "nama": s.office_name},
        "data_time": s.head["at"], "chain_head": {"id": s.head["id"], "hash": s.head["hash"]},
        "data_fingerprint": s.data_fingerprint,
        "received": s.received, "expected": s.expected, "adopted": s.adopted,
        "contestants": [c for c in contestants(s.form, s.fields) if c["key"] in s.fields],
        "fields": {k: s.fields.get(k) for k in keys},
        "field_keys": keys,
        "field_labels": labels(s.form, keys),
        "kabupaten_kota": [_regency_row(s, r, files, r.form.field_keys) for r in s.regencies],
        "dapil": [{"kode": d.kode, "nama": d.nama, "kursi": d.kursi, "kabupaten_kota": d.regencies,
                   "received": d.received, "expected": d.expected, "page": paths_of("dapil", d.kode)[0],
                   "json": files.get(("dapil", d.kode), {}).get("json"),
                   "csv": files.get(("dapil", d.kode), {}).get("csv")}
                  for d in s.districts] if s.election.has_districts else [],
    })
    return out


# ------------------------------------------------------------------------------------------ CSV
CSV_HEAD = ["tanda", "kode", "nama", "tingkat", "status", "revisi", "ditetapkan"]


def _csv(rows: list[list], keys) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEAD + list(keys))
    w.writerows(["" if v is None else v for v in row] for row in rows)
    return buf.getvalue().encode("utf-8")


def _mark(s: Snapshot) -> str:
    return "+".join(s.marks)


def regency_csv(s: Snapshot, r: RegencyView) -> bytes:
    """One row per column of the latest revision (kecamatan, then JUMLAH), one column per field."""
    keys = r.form.field_keys
    rows = []
    for c in r.columns:
        st = r.status if c.kode == JUMLAH else ""
        rev = r.revision if c.kode == JUMLAH else None
        adopted = ("ya" if r.adopted else "tidak") if c.kode == JUMLAH else ""
        rows.append([_mark(s), c.kode, c.nama, c.tingkat, st, rev, adopted]
                    + [r.values.get(c.kode, {}).get(k) for k in keys])
    if not r.columns:
        rows.append([_mark(s), r.kode, r.nama, "kabupaten_kota", r.status, None, "tidak"] + [None] * len(keys))
    return _csv(rows, keys)


def _regency_csv_row(s: Snapshot, r: RegencyView, keys) -> list:
    return ([_mark(s), r.kode, r.nama, "kabupaten_kota", r.status, r.revision, "ya" if r.adopted else "tidak"]
            + [r.total.get(k) if r.received else None for k in keys])


def district_csv(s: Snapshot, d: DistrictView) -> bytes:
    """One row per kabupaten/kota of the dapil (its JUMLAH column), then the dapil sum."""
    keys = d.form.field_keys
    rows = [_regency_csv_row(s, s.regency(k), keys) for k in d.regencies]
    rows.append([_mark(s), d.kode, d.nama, "dapil", "", None, ""] + [d.fields.get(k) for k in keys])
    return _csv(rows, keys)


def province_csv(s: Snapshot) -> bytes:
    """One row per kabupaten/kota (its JUMLAH column), then the province sum."""
    keys = [k for k in s.form.field_keys if k in s.fields]
    rows = [_regency_csv_row(s, r, keys) for r in s.regencies]
    rows.append([_mark(s), s.office_code, s.province_name, "provinsi", "", None,
                 "ya" if s.final else "tidak"] + [s.fields.get(k) for k in keys])
    return _csv(rows, keys)
