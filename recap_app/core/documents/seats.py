"""The seat decision (penetapan perolehan kursi dan calon terpilih): per dapil the quotient table,
the order of the seats, the seats per party and the elected candidates, the ties and how the
plenary decided them, the replacements; then the seats per party over the province.

For the DPRD Provinsi it is the office's decision (KPU Provinsi, PKPU 6/2024): DRAF until the
chair adopts it (`recap seats adopt`) with the figures it was adopted on. For the DPR (KPU RI
decides) and the DPD it prints as a calculation, marked PERHITUNGAN.
"""

from __future__ import annotations

from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Spacer
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from .. import formatting as fmt
from .common import Source, header_table, opening, signature_block
from .page import Cell, Part, p
from .plenary import DocumentError

NAME = "penetapan_kursi"


def allocates_seats(election) -> bool:
    """True for a contest whose definition allocates seats (DPR, DPD, DPRD Provinsi: Sainte-Laguë or
    most votes); False for a contest of candidate pairs (Pilpres, Pilkada)."""
    return election.form_kind != "paslon" and (election.seats or {}).get("method") in ("sainte_lague", "suara_terbanyak")


def available(src: Source) -> bool:
    """True for a contest that allocates seats (DPR, DPD, DPRD Provinsi)."""
    return allocates_seats(src.election)


def _quotients(d: dict, width: float, st) -> list:
    parties = [x for x in d["partai"] if x["ikut"] and x["hasil_bagi"]]
    if not parties:
        return []
    depth = max(len(x["hasil_bagi"]) for x in parties)
    won = ParagraphStyle("cell_won", parent=st["cell_b"], alignment=TA_RIGHT)
    head = [Cell(h, st["cell_b"]) for h in ["NO", "PARTAI POLITIK", "SUARA SAH"]
            + [f"SUARA : {2 * i + 1}" for i in range(depth)] + ["KURSI"]]
    rows = [head]
    for x in parties:
        cells = [Cell(str(x["nomor"]), st["cell"]), Cell(x["nama_singkat"] or x["nama"], st["cell"]),
                 Cell(fmt.number(x["suara"]), st["cell_r"])]
        for i in range(depth):
            q = x["hasil_bagi"][i] if i < len(x["hasil_bagi"]) else None
            text = "" if q is None else q["hasil_bagi_tampil"] + (f" [{q['kursi']}]" if q["kursi"] else "")
            cells.append(Cell(text, won if q is not None and q["kursi"] else st["cell_r"]))
        cells.append(Cell(str(x["kursi"]), st["cell_r"]))
        rows.append(cells)
    w_no, w_party, w_votes, w_seats = 8 * mm, 34 * mm, 22 * mm, 12 * mm
    rest = (width - w_no - w_party - w_votes - w_seats) / depth
    return [header_table(rows, [w_no, w_party, w_votes] + [rest] * depth + [w_seats], repeatRows=1),
            p("Hasil bagi tepat (pecahan), ditampilkan dibulatkan empat angka di belakang koma bila tidak bulat "
              "(≈); [n]: kursi ke-n. UU 7/2017 pasal 415 ayat (2) dan 420.", st["small"])]


def _elected(d: dict, width: float, st) -> list:
    rows = [[Cell(h, st["cell_b"]) for h in ("PARTAI POLITIK", "KURSI", "NO. URUT", "NAMA CALON TERPILIH", "L/P",
                                          "SUARA SAH", "DASAR")]]
    for x in d["partai"]:
        if not x["kursi"]:
            continue
        basis = {r["nomor_urut"]: r for r in x["peringkat"]}
        chosen = x["terpilih"] or [None]
        for i, c in enumerate(chosen):
            label = (x["nama_singkat"] or x["nama"]) if i == 0 else ""
            seats = str(x["kursi"]) if i == 0 else ""
            if c is None:
                rows.append([Cell(label, st["cell"]), Cell(seats, st["cell_r"]), "", Cell("(belum ditetapkan)", st["cell"]),
                             "", "", ""])
                continue
            why = basis.get(c["nomor_urut"], {}).get("catatan", "")
            rows.append([Cell(label, st["cell"]), Cell(seats, st["cell_r"]), Cell(str(c["nomor_urut"]), st["cell_r"]),
                         Cell(c["nama"], st["cell"]), Cell(c["jenis_kelamin"] or "", st["cell"]),
                         Cell(fmt.number(c["suara"]), st["cell_r"]), Cell(why, st["small"])])
    w = [32 * mm, 12 * mm, 14 * mm, 62 * mm, 9 * mm, 22 * mm]
    return [header_table(rows, w + [width - sum(w)], repeatRows=1)]


def _notes(d: dict, st) -> list:
    from .. import allocation  # loaded with the one document that needs it

    out = []
    for t in d["seri"]:
        out.append(p(f"BELUM DIPUTUSKAN: {t['pesan']}", st["body"]))
    for x in d["keputusan"]:
        what = (f"kursi ke-{', '.join(map(str, x['pertanyaan'].get('kursi', [])))}" if x["jenis"] == "kursi"
                else f"kursi partai nomor {x['partai']}")
        out.append(p(f"Keputusan rapat pleno atas hasil yang sama ({what}; yang berimbang: "
                     f"{', '.join(map(str, x['pertanyaan'].get('partai') or x['pertanyaan'].get('calon') or []))}): "
                     f"diberikan kepada {', '.join(map(str, x['pemenang']))}; cara: {x['cara']}; oleh {x['oleh']}; "
                     f"waktu {x['waktu']}.", st["body"]))
    for x in d["keputusan_tidak_berlaku"]:
        out.append(p(f"Keputusan rapat pleno #{x['id']} ({x['cara']}, {x['waktu']}) tidak lagi menjawab angka "
                     "sekarang dan tidak diterapkan.", st["small"]))
    for party in d["partai"]:
        for r in party["diganti"]:
            inn = r["pengganti"]
            out.append(p(f"{party['nama_singkat'] or party['nama']}: {r['calon']['nama']} (nomor urut "
                         f"{r['calon']['nomor_urut']}) diganti oleh "
                         + (f"{inn['nama']} (nomor urut {inn['nomor_urut']})" if inn else "(belum ada calon)")
                         + ".", st["body"]))
    for x in d["penggantian"]:
        out.append(p(f"Penggantian #{x['id']}: calon nomor urut {x['nomor_urut']}"
                     + (f" partai nomor {x['partai']}" if x["partai"] else "")
                     + f", {allocation.CAUSES.get(x['sebab'], x['sebab'])}; {x['alasan']} (dicatat {x['dicatat_oleh']}, "
                     f"{x['dicatat_pada'][:10]}).", st["small"]))
    for m in d["masalah"]:
        out.append(p(f"BELUM DAPAT DIHITUNG: {m}", st["body"]))
    return out


def build(src: Source, paper: str) -> Part:
    """The seat decision (portrait): one section per dapil, the province summary, the office's signatures.

    Raises DocumentError("no_seats") for a contest without seats.
    """
    if not available(src):
        raise DocumentError(f"{src.election.name} tidak membagi kursi; dokumen {NAME} hanya untuk pemilu DPR, DPD "
                            "dan DPRD.", "no_seats")
    from .. import allocation  # loaded with the one document that needs it (it pulls core.seats)

    res = allocation.compute(src.ws)
    data = res.to_dict()
    decision = res.decision
    lines = (["KEPUTUSAN PENETAPAN PEROLEHAN KURSI PARTAI POLITIK DAN PENETAPAN CALON TERPILIH"] if decision else
             ["PERHITUNGAN PEROLEHAN KURSI DAN CALON TERPILIH", f"(BUKAN PENETAPAN: DITETAPKAN OLEH {res.decided_by})"])
    width, st, form, story = opening(src, paper, False, "penetapan_kursi" if decision else "provinsi", lines)
    th = data["ambang_batas"]
    if th["partai"] is not None:
        story.append(p(f"Partai politik yang memenuhi ambang batas {th['persen']}% suara sah nasional (UU 7/2017 pasal "
                       f"414 ayat (1)): nomor {', '.join(map(str, th['partai']))}.", st["body"]))
    for i, d in enumerate(data["dapil"]):
        if i:
            story.append(PageBreakIfNotEmpty())
        story.append(p(f"DAERAH PEMILIHAN {d['kode']} {d['nama']} — {d['kursi']} KURSI", st["h2"]))
        if d["diharapkan"]:
            story.append(p(f"Sertifikat: {d['masuk']} dari {d['diharapkan']} kabupaten/kota.", st["small"]))
        story += _quotients(d, width, st)
        if d["urutan"]:
            names = {x["nomor"]: x["nama_singkat"] or x["nama"] for x in d["partai"]}
            story.append(p("Urutan pemberian kursi: " + "; ".join(
                f"{s['kursi']}. {names.get(s['partai'], s['partai'])} ({s['hasil_bagi_tampil']})"
                + (" — keputusan rapat pleno" if s["keputusan"] else "") for s in d["urutan"]) + ".", st["small"]))
        story.append(Spacer(1, 2 * mm))
        story.append(KeepTogether(_elected(d, width, st)))
        story += _notes(d, st)
    story.append(PageBreakIfNotEmpty())
    story.append(p("PEROLEHAN KURSI SELURUH DAERAH PEMILIHAN", st["h2"]))
    rows = [[Cell(h, st["cell_b"]) for h in ("NO", "PARTAI POLITIK", "KURSI")]]
    for x in data["kursi_partai"]:
        rows.append([Cell(str(x["nomor"]), st["cell"]), Cell(x["nama"], st["cell"]),
                     Cell(str(x["kursi"]), st["cell_r"])])
    rows.append([Cell("", st["cell"]), Cell("JUMLAH", st["cell_b"]),
                 Cell(str(sum(x["kursi"] for x in data["kursi_partai"])), st["cell_r"])])
    story.append(header_table(rows, [10 * mm, width - 40 * mm, 30 * mm]))
    adopted = data["penetapan"]
    current = adopted is not None and adopted["sha256"] == res.sha256
    if adopted is not None:
        story.append(p(f"Ditetapkan {fmt.date_long(adopted['at'])} oleh {adopted['by']} (sidik hasil SHA-256 "
                       f"{adopted['sha256'][:16]})" + ("." if current else "; PERHATIAN: angka sekarang memberi hasil "
                                                      "lain daripada yang ditetapkan."), st["body"]))
    story.append(signature_block(src, width, witnesses=False))
    payload = {"election": src.election.id, "result": {k: v for k, v in data.items() if k != "penetapan"},
               "sha256": res.sha256, "adopted": adopted, "office": src.office_payload()}
    marks = src.marks(not current) if decision else ("PERHITUNGAN",) + src.base_marks
    title = (f"{form} Penetapan perolehan kursi dan calon terpilih" if decision
             else f"{form} Perhitungan perolehan kursi (bukan penetapan)")
    return Part(NAME, title, False, story, payload, marks)
