"""Minutes (berita acara) of the province recap plenary, with the attendance."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from .. import formatting as fmt
from ..domain import tier_word
from ..terbilang import terbilang
from .common import Source, header_table, opening, signature_block
from .page import Cell, Part, p, styles
from .summary import words_table

NAME = "berita_acara"


def opening_sentence(src: Source) -> str:
    """ "Pada hari ini Sabtu tanggal Empat bulan Mei tahun Dua Ribu Sembilan Belas (4 Mei 2019), ..." """
    pl, e = src.plenary, src.election
    place = pl.place or src.office.city or "...................."
    if pl.date:
        d = fmt.to_date(pl.date)
        when = (f"Pada hari ini {fmt.weekday(d)} tanggal {terbilang(d.day).title()} bulan {fmt.month_name(d)} "
                f"tahun {terbilang(d.year).title()} ({fmt.date_long(d)})")
    else:
        when = "Pada hari ini ............ tanggal ............ bulan ............ tahun ............"
    t0, t1 = pl.time_start or "......", pl.time_end or "......"
    return (f"{when}, bertempat di {place}, {src.office.name} telah melaksanakan rapat pleno terbuka "
            f"rekapitulasi hasil penghitungan perolehan suara {e.name} di tingkat "
            f"{e.office_title.title()}, mulai pukul {t0} sampai dengan pukul {t1}.")


def attendance_table(src: Source, width: float) -> Table:
    """No, name, role, present/absent; blank rows to fill by hand when nothing is recorded."""
    st = styles()
    rows = [[Cell(h, st["cell_b"]) for h in ("NO", "NAMA", "JABATAN / UNSUR", "KEHADIRAN")]]
    people = src.plenary.attendance
    for i, a in enumerate(people, 1):
        rows.append([Cell(str(i), st["cell"]), Cell(a["name"], st["cell"]), Cell(a["role"], st["cell"]),
                     Cell("Hadir" if a["present"] else "Tidak hadir", st["cell"])])
    blank = 6  # rows to fill by hand when nothing is recorded (Pleno › Daftar hadir records them)
    if not people:
        rows += [[Cell(str(i), st["cell"]), "", "", ""] for i in range(1, blank + 1)]
    return header_table(rows, [10 * mm, width * 0.42, width - 10 * mm - width * 0.42 - 28 * mm, 28 * mm],
                        repeatRows=1, rowHeights=None if people else [None] + [6.5 * mm] * blank)


def _results(src: Source, width: float, st) -> list:
    """The words table of the office total, or one per dapil (heading, then its table)."""
    if src.form is not None:
        return [words_table(src, width)]
    out = []
    for d in src.districts():
        out += [p(f"Daerah pemilihan {d.district.kode} {d.district.nama} ({d.district.kursi} kursi; sertifikat "
                  f"{d.totals['received']} dari {d.totals['expected']} {tier_word(d.election.child_tier)})", st["body"]),
                Spacer(1, 1 * mm), words_table(d, width), Spacer(1, 2 * mm)]
    return out


def build(src: Source, paper: str) -> Part:
    """The minutes (portrait). DRAF unless every certificate is adopted."""
    width, st, form, story = opening(src, paper, False, "berita_acara", [
        "BERITA ACARA", f"REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DI TINGKAT {src.election.tier_title}"])
    e = src.election
    n_obj = len(src.plenary.objections)
    kk = e.form_name("kejadian_khusus")
    story += [
        p(opening_sentence(src), st["justify"]), Spacer(1, 2 * mm),
        p("Rapat pleno dihadiri oleh:", st["body"]), Spacer(1, 1 * mm), attendance_table(src, width),
        Spacer(1, 3 * mm),
        p(f"Rekapitulasi dilakukan atas sertifikat {src.totals['received']} dari {src.totals['expected']} "
          f"{tier_word(e.child_tier)}, dengan hasil sebagai berikut:", st["justify"]),
        Spacer(1, 1 * mm), *_results(src, width, st), Spacer(1, 3 * mm),
        p((f"Selama rapat pleno dicatat {n_obj} kejadian khusus dan/atau keberatan saksi, yang dituangkan dalam "
           f"formulir Model {kk}.") if n_obj else
          f"Selama rapat pleno tidak dicatat kejadian khusus maupun keberatan saksi (formulir Model {kk}).",
          st["justify"]),
        Spacer(1, 2 * mm),
        signature_block(src, width, before=[p(
            f"Rincian hasil rekapitulasi per {tier_word(e.child_tier)} tercantum dalam sertifikat Model "
            f"{e.own_form} yang merupakan bagian tidak terpisahkan dari berita acara ini. "
            "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.", st["justify"])]),
    ]
    payload = {"election": e.id, "fields": src.totals["fields"], "received": src.totals["received"],
               "office": src.office_payload(), "plenary": src.plenary_payload(), "adopted": src.all_adopted}
    if src.form is None:
        payload["dapil"] = {d["kode"]: d["fields"] for d in src.totals["dapil"]}
    return Part(NAME, f"{form} Berita acara rapat pleno rekapitulasi", False, story, payload,
                src.marks(not src.all_adopted))
