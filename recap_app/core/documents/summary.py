"""Province totals page: every vote figure in digits and in words (terbilang), with each pair's share."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from .. import formatting as fmt
from ..domain import ContestantKind
from ..terbilang import terbilang
from .common import Source, district_part, header_table, opening, signature_block
from .page import Cell, Part, grid_style, p, styles, text_table

NAME = "rekapitulasi"


def words(n: int | None) -> str:
    """Terbilang of a figure, or a blank line when the figure is blank (blank is not zero)."""
    return terbilang(n) if n is not None else "(kosong)"


def words_table(src: Source, width: float, *, with_percent: bool = True) -> Table:
    """Table of the province figures of blocks IV and V: digits, words and (per pair) percentage.

    Percentages are of V.A suara sah (half up, two decimals).
    """
    st = styles()
    f = src.totals["fields"]
    sah = f.get("suara_sah")
    head = ["NO", "URAIAN", "ANGKA", "DITULIS DENGAN HURUF"] + (["%"] if with_percent else [])
    rows = [[Cell(h, st["cell_b"]) for h in head]]
    form = src.form
    items = [(f"IV.{ps.nomor}", _entry_label(ps), form.total_key(ps), True) for ps in form.contestants]
    items += [("V.A", "Jumlah seluruh suara sah", "suara_sah", False),
              ("V.B", "Jumlah suara tidak sah", "suara_tidak_sah", False),
              ("V.C", "Jumlah seluruh suara sah dan tidak sah", "jumlah_suara", False)]
    for number, label, key, pair in items:
        v = f.get(key)
        row = [Cell(number, st["cell"]), Cell(label, st["cell"]), Cell(fmt.number(v), st["cell_r"]),
               Cell(words(v), st["words"])]
        if with_percent:
            row.append(Cell(fmt.percent(v, sah) if pair else ("100,00%" if key == "suara_sah" and sah else ""),
                            st["cell_r"]))
        rows.append(row)
    w_no, w_num, w_pct = 10 * mm, 24 * mm, (16 * mm if with_percent else 0)
    rest = width - w_no - w_num - w_pct
    widths = [w_no, rest * 0.38, w_num, rest * 0.62] + ([w_pct] if with_percent else [])
    return text_table(rows, widths, grid_style([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                                                ("TOPPADDING", (0, 1), (-1, -1), 3),
                                                ("BOTTOMPADDING", (0, 1), (-1, -1), 3)]), repeatRows=1)


def _entry_label(c) -> str:
    """How a contestant's total is named in the words table."""
    if c.kind == ContestantKind.PARTAI:
        return f"Jumlah suara sah partai nomor {c.nomor}: {c.nama} dan calon"
    if c.kind == ContestantKind.PERSEORANGAN:
        return f"Calon nomor urut {c.nomor}: {c.nama}"
    return f"Pasangan calon nomor urut {c.nomor}: {c.nama}"


def voters_table(src: Source, width: float) -> Table:
    """DPT, voters who voted and turnout (province totals)."""
    st = styles()
    f = src.totals["fields"]
    rows = [[Cell(h, st["cell_b"]) for h in ("URAIAN", "LK", "PR", "JUMLAH")]]
    for label, base in (("Pemilih terdaftar dalam DPT", "dpt"), ("Jumlah seluruh pemilih", "pemilih"),
                        ("Jumlah seluruh pengguna hak pilih", "pengguna_hak_pilih")):
        rows.append([Cell(label, st["cell"])] + [Cell(fmt.number(f.get(k)), st["cell_r"])
                                                 for k in (f"{base}_l", f"{base}_p", base)])
    rows.append([Cell("Partisipasi (pengguna hak pilih / seluruh pemilih)", st["cell"]), "", "",
                 Cell(fmt.percent(f.get("pengguna_hak_pilih"), f.get("pemilih")), st["cell_r"])])
    w = 26 * mm
    return header_table(rows, [width - 3 * w, w, w, w])


def build(src: Source, paper: str, dapil: str | None = None) -> Part | list[Part]:
    """The totals page (portrait); one per dapil for a contest with several districts."""
    if src.form is None or dapil is not None:
        return [_one(s, paper) for s in src.districts(dapil)]
    return _one(src, paper)


def _one(src: Source, paper: str) -> Part:
    width, st, _form, story = opening(src, paper, False, src.election.tier, [
        f"REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA TINGKAT {src.election.tier_title}"]
        + ([f"DAERAH PEMILIHAN {src.district.nama}"] if src.district is not None and src.election.has_districts
           else []))
    e = src.election
    story += [p("A. DATA PEMILIH DAN PENGGUNA HAK PILIH", st["h2"]), voters_table(src, width),
              p("B. PEROLEHAN SUARA DAN DATA SUARA SAH DAN TIDAK SAH", st["h2"]), words_table(src, width),
              Spacer(1, 2 * mm),
              p(f"Persentase perolehan suara {src.contestant_word} dihitung terhadap jumlah seluruh suara sah (V.A), "
                "dibulatkan dua angka di belakang koma.", st["small"]),
              signature_block(src, width)]
    payload = {"election": e.id, "fields": src.totals["fields"], "received": src.totals["received"],
               "office": src.office_payload(), "plenary": src.plenary_payload(),
               "adopted": src.all_adopted}
    return district_part(src, NAME, f"{e.own_form} Rekapitulasi jumlah {e.tier_title.lower()}", False, story, payload,
                         long_name=False)
