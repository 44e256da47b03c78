"""Special events and witness objections (kejadian khusus dan/atau keberatan saksi, DC2): recorded and empty."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from .common import Source, opening, signature_block
from .page import FONT, Part, flow, p
from .plenary import OBJECTION_KINDS

NAME = "kejadian_khusus"
NAME_EMPTY = "kejadian_khusus_kosong"

TITLE = ("CATATAN KEJADIAN KHUSUS DAN/ATAU KEBERATAN SAKSI DALAM PROSES REKAPITULASI HASIL PENGHITUNGAN "
         "PEROLEHAN SUARA DI TINGKAT {tier}")


def _subject(src: Source, o: dict) -> str:
    parts = [OBJECTION_KINDS[o["kind"]]]
    if o["nomor_urut"] is not None:
        ps = next((x for x in src.contestants if x.nomor == o["nomor_urut"]), None)
        parts.append(f"saksi {src.contestant_word} nomor {'urut ' if src.contestant_word != 'partai politik' else ''}"
                     f"{o['nomor_urut']}" + (f" ({ps.short})" if ps else ""))
    if o["region"]:
        r = src.ws.region(o["region"])
        parts.append(f"{r.nama if r else o['region']} ({o['region']})")
    return " — ".join(parts)


def build(src: Source, paper: str) -> Part:
    """Every recorded event/objection in full; long texts flow onto further pages."""
    width, st, form, story = opening(src, paper, False, "kejadian_khusus", [TITLE.format(tier=src.election.tier_title)])
    e = src.election
    objections = src.plenary.objections
    if not objections:
        story.append(p("Tidak ada kejadian khusus dan/atau keberatan saksi yang dicatat.", st["body"]))
    for i, o in enumerate(objections, 1):
        story.append(p(f"{i}. {_subject(src, o)}", st["h2"]))
        story += flow(o["text"], st["justify"])
        story.append(Spacer(1, 1.5 * mm))
        story.append(p(f"Dicatat oleh {o['recorded_by']}.", st["small"]))
    story.append(signature_block(src, width))
    payload = {"election": e.id, "objections": src.plenary_payload()["objections"],
               "office": src.office_payload(), "witnesses": src.plenary_payload()["witnesses"]}
    return Part(NAME, f"{form} Kejadian khusus dan/atau keberatan saksi", False, story, payload,
                src.marks(not src.all_adopted))


def _lines(width: float, n: int) -> Table:
    t = Table([[""] for _ in range(n)], colWidths=[width], rowHeights=[7.5 * mm] * n)
    t.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey)])
    return t


def build_empty(src: Source, paper: str) -> Part:
    """The same form, empty, with ruled lines to fill in by hand during the plenary."""
    width, st, form, story = opening(src, paper, False, "kejadian_khusus", [TITLE.format(tier=src.election.tier_title)])
    e = src.election
    story += [p("A. KEJADIAN KHUSUS", st["h2"]), _lines(width, 9), Spacer(1, 3 * mm),
              p("B. KEBERATAN SAKSI (sebutkan nomor urut pasangan calon dan kabupaten/kota yang dimaksud)", st["h2"]),
              _lines(width, 9), signature_block(src, width)]
    payload = {"election": e.id, "office": src.office_payload(), "empty": True}
    return Part(NAME_EMPTY, f"{form} Kejadian khusus dan/atau keberatan saksi (formulir kosong)", False, story,
                payload, src.marks(False))
