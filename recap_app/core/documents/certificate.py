"""The province certificate (DC1 / D.Hasil Provinsi): one column per kabupaten/kota plus JUMLAH."""

from __future__ import annotations

from reportlab.platypus import Spacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from .common import Source, opening, region_label, signature_block
from .page import Part, p
from .summary import words_table
from .tables import wide_table

NAME = "sertifikat"


def build(src: Source, paper: str) -> Part:
    """Blocks I–V for the 35 regencies and the province JUMLAH (landscape), the pair votes in words
    and the signatures. DRAF unless every certificate is adopted."""
    width, st, form, story = opening(src, paper, True, "provinsi", [
        "SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP KABUPATEN/KOTA "
        "DI TINGKAT PROVINSI"])
    e = src.election
    columns = [(r.kode, f"{r.kode} {region_label(r)}") for r in src.regencies] + [("JUMLAH", "JUMLAH PROVINSI")]
    values = dict(src.totals["regencies"])
    values["JUMLAH"] = src.totals["fields"]
    story += wide_table(src.form, columns, values, width)
    story.append(p("Kolom kabupaten/kota berisi kolom JUMLAH sertifikat yang diterima dari kabupaten/kota itu "
                   "(revisi terakhir); sel kosong berarti tidak diisi (bukan nol).", st["small"]))
    story += [PageBreakIfNotEmpty(),
              p("PEROLEHAN SUARA DAN DATA SUARA SAH DAN TIDAK SAH TINGKAT PROVINSI, DITULIS DENGAN HURUF",
                st["h2"]),
              words_table(src, width), Spacer(1, 2), signature_block(src, width)]
    payload = {"election": e.id, "columns": [c for c, _ in columns],
               "values": {c: values.get(c) for c, _ in columns}, "office": src.office_payload(),
               "plenary": src.plenary_payload(), "adopted": src.adopted}
    return Part(NAME, f"{form} Sertifikat rekapitulasi tingkat provinsi", True, story, payload,
                src.marks(not src.all_adopted))
