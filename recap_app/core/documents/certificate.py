"""The province certificate (DC1 / D.Hasil Provinsi): one column per kabupaten/kota plus JUMLAH."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ..domain import tier_word
from .common import Source, district_part, opening, region_label, signature_block
from .page import Part, p
from .summary import words_table
from .tables import wide_table

NAME = "sertifikat"


def build(src: Source, paper: str, dapil: str | None = None) -> Part | list[Part]:
    """Blocks I–V for the 35 regencies and the province JUMLAH (landscape), the votes in words and
    the signatures. DRAF unless every certificate is adopted. A contest with several districts
    (DPR, DPRD Provinsi) prints one certificate per dapil (only ``dapil`` when given): one column
    per regency of the dapil plus JUMLAH, each party's block (party-only, candidates, total) kept
    on one page where it fits, the party totals in words, a witness per party."""
    if src.form is None or dapil is not None:
        return [_one(s, paper) for s in src.districts(dapil)]
    return _one(src, paper)


def _one(src: Source, paper: str) -> Part:
    e = src.election
    width, st, form, story = opening(src, paper, True, e.tier, [
        f"SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP {e.child_title} "
        f"DI TINGKAT {e.tier_title}"] + ([f"DAERAH PEMILIHAN {src.district.nama}"]
                                  if src.district is not None and src.election.has_districts else []))
    total = "JUMLAH DAPIL" if src.district is not None and e.has_districts else f"JUMLAH {e.tier_title}"
    columns = [(r.kode, f"{r.kode} {region_label(r)}") for r in src.regencies] + [("JUMLAH", total)]
    values = dict(src.totals["regencies"])
    values["JUMLAH"] = src.totals["fields"]
    few = len(columns) <= 8  # a dapil's few regencies: room for long candidate names
    story += wide_table(src.form, columns, values, width, **({"label_width": 90 * mm} if few else {}))
    word = tier_word(e.child_tier)
    story.append(p(f"Kolom {word} berisi kolom JUMLAH sertifikat yang diterima dari {word} itu "
                   "(revisi terakhir); sel kosong berarti tidak diisi (bukan nol).", st["small"]))
    story += [PageBreakIfNotEmpty(),
              p(f"PEROLEHAN SUARA DAN DATA SUARA SAH DAN TIDAK SAH TINGKAT {e.tier_title}"
                + (f", DAERAH PEMILIHAN {src.district.nama}" if src.district is not None and e.has_districts else "")
                + ", DITULIS DENGAN HURUF", st["h2"]),
              words_table(src, width), Spacer(1, 2), signature_block(src, width)]
    payload = {"election": e.id, "columns": [c for c, _ in columns],
               "values": {c: values.get(c) for c, _ in columns}, "office": src.office_payload(),
               "plenary": src.plenary_payload(), "adopted": src.adopted}
    return district_part(src, NAME, f"{form} Sertifikat rekapitulasi tingkat {tier_word(e.tier)}", True, story, payload)
