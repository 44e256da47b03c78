"""What every document draws from the workspace, and the blocks they share (title, signatures)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

from .. import formatting as fmt
from ..clock import now_iso
from ..domain import ContestantKind, District, Region, tier_word
from ..election import Election
from ..forms import Form
from ..store import Workspace
from ..totals import province_totals
from .page import FONT, FONT_BOLD, Cell, escape, frame_size, grid_style, p, styles, text_table
from .plenary import WITNESS_STATUS, Office, Plenary, office, plenary


@dataclass
class Source:
    """The workspace state a set of documents is made from (read once per print).

    Attributes:
        election, office, plenary: see their classes; form: the certificate form printed (None
            at the office of a contest with several districts: see :meth:`for_district`).
        regencies: the submitting regions, in official order (of the district, for a district's source).
        totals: :func:`recap_app.core.totals.province_totals` (fields, JUMLAH columns, received,
            expected; those of the district for a district's source).
        district: the electoral district a source is narrowed to (:meth:`for_district`), or None.
        adopted: {regency code: True when its certificate is adopted}.
        base_marks: ("SIMULASI",) and/or ("CONTOH",) for the workspace.
        now: ISO time printed on the documents (explicit for reproducible output).
        latest: ``ws.latest_values()`` as read for the totals (every revision checked against its
            SHA-256 and audit record), for what else needs the figures (the findings report).
    """

    ws: Workspace
    election: Election
    form: Form
    office: Office
    plenary: Plenary
    regencies: list[Region]
    totals: dict
    adopted: dict[str, bool]
    base_marks: tuple[str, ...]
    now: str
    district: District | None = None
    #: SHA-256 of the election definition as stored (contestant names and numbers included)
    definition_sha256: str = ""
    #: (record id, hash) of the audit chain head the documents are printed from
    chain_head: tuple[int, str] = (0, "")
    latest: dict | None = None

    @classmethod
    def load(cls, ws: Workspace, now: str | None = None) -> Source:
        """Read everything the documents need. ``now`` defaults to store.now_iso() (RECAP_FIXED_CLOCK).

        Raises:
            ElectionError: the contest's form cannot be built yet (DPD ballot numbers not set).
            WorkspaceError: "tampered": anything a document prints (plenary, witnesses,
                objections, seats, names) was changed outside the program (:meth:`Workspace.guard`).
        """
        ws.guard()
        marks = []
        if ws.simulation:
            marks.append("SIMULASI")
        if ws.meta("demo") == "1":
            marks.append("CONTOH")
        adopted = {kode: rev is not None for kode, rev in ws.conn.execute(
            "SELECT region_kode, adopted_revision_id FROM certificate")}
        e = ws.election
        definition = hashlib.sha256(json.dumps(e.raw, ensure_ascii=False, sort_keys=True,
                                               separators=(",", ":")).encode("utf-8")).hexdigest()
        head = ws.conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone() or (0, "")
        latest = ws.latest_values()
        return cls(ws, e, None if e.has_districts else e.form, office(ws), plenary(ws), ws.regencies(),
                   province_totals(ws, latest), adopted, tuple(marks), now or now_iso(), None, definition, tuple(head),
                   latest)

    def for_district(self, d: District) -> Source:
        """The same source narrowed to one electoral district: its form, regencies and totals."""
        t = self.totals
        dt = next(x for x in t["dapil"] if x["kode"] == d.kode)
        members = set(dt["regencies"])
        totals = {"fields": dt["fields"], "blank": dt["blank"], "received": dt["received"],
                  "expected": dt["expected"], "dapil": [dt],
                  "regencies": {k: v for k, v in t["regencies"].items() if k in members}}
        return replace(self, form=self.election.form_for(d), regencies=[r for r in self.regencies if r.kode in members],
                       totals=totals, district=d)

    def districts(self, only: str | None = None) -> list[Source]:
        """One source per district to print (itself for a contest with one form); ``only``: one district code.

        Raises:
            DocumentError: ``only`` is not a district of the contest ("unknown_district").
        """
        if only is not None and only not in self.election.district_by_code:
            from .plenary import DocumentError

            raise DocumentError(f"Dapil {only!r} tidak ada dalam {self.election.name}; diharapkan salah satu dari: "
                                f"{', '.join(self.election.district_by_code)}.", "unknown_district")
        if self.form is not None and self.district is None and not self.election.has_districts:
            return [self]
        return [self.for_district(d) for d in self.election.districts if only is None or d.kode == only]

    @property
    def contestants(self):
        """Who has a witness at the plenary: the pairs, the parties or the individual candidates."""
        return self.form.contestants if self.form is not None else self.election.ballot_contestants

    @property
    def contestant_word(self) -> str:
        """ "pasangan calon", "partai politik", "calon perseorangan" (as the witness table names them)."""
        kind = self.contestants[0].kind if self.contestants else ContestantKind.PASLON
        return {ContestantKind.PARTAI: "partai politik",
                ContestantKind.PERSEORANGAN: "calon perseorangan"}.get(kind, "pasangan calon")

    def entry(self, c) -> str:
        """How a contestant is named in a table: "Nomor urut 1: Jokowi–Ma'ruf", "Partai nomor 3: PDI Perjuangan"."""
        if c.kind == ContestantKind.PARTAI:
            return f"Partai nomor {c.nomor}: {c.short}"
        return f"Nomor urut {c.nomor}: {c.short}"

    @property
    def all_adopted(self) -> bool:
        """True when every expected certificate is received and adopted (the province figures are final)."""
        return all(self.adopted.get(r.kode) for r in self.regencies)

    @property
    def receipt_line(self) -> str:
        """ "35 dari 35 kabupaten/kota diterima; 0 ditetapkan" for the identity block."""
        n_adopted = sum(1 for r in self.regencies if self.adopted.get(r.kode))
        return (f"{self.totals['received']} dari {self.totals['expected']} {tier_word(self.election.child_tier)} diterima; "
                f"{n_adopted} ditetapkan")

    def marks(self, draft: bool) -> tuple[str, ...]:
        """The marks of a document: "DRAF" when ``draft``, then the workspace's SIMULASI/CONTOH."""
        return (("DRAF",) if draft else ()) + self.base_marks

    @property
    def printed(self) -> str:
        """Print time as shown in footers, in the office's zone: "8 Mei 2019 17.30 WIB"
        (:func:`recap_app.core.formatting.local_time`); a date alone prints as a date."""
        if len(self.now) < 16:
            try:
                return fmt.date_long(self.now)
            except ValueError:
                return self.now
        return fmt.local_time(self.now)

    def office_payload(self) -> dict:
        """The office settings as fingerprinted data."""
        return {"name": self.office.name, "city": self.office.city, "chair": self.office.chair,
                "members": list(self.office.members)}

    def plenary_payload(self) -> dict:
        """The plenary record as fingerprinted data (without recording times, which are not printed)."""
        pl = self.plenary
        return {"place": pl.place, "date": pl.date, "time_start": pl.time_start, "time_end": pl.time_end,
                "attendance": [dict(a) for a in pl.attendance],
                "witnesses": {str(k): v for k, v in pl.witnesses.items()},
                "objections": [{k: v for k, v in o.items() if k != "recorded_at"} for o in pl.objections]}


def region_label(r: Region) -> str:
    """Printed name of a region: "KAB. CILACAP", "KOTA SEMARANG", "KEC. KEDUNGREJA"."""
    name = r.nama.upper()
    for long, short in (("KABUPATEN ", "KAB. "), ("KECAMATAN ", "KEC. ")):
        if name.startswith(long):
            return short + name[len(long):]
    return name


def plenary_place_date(src: Source) -> tuple[str, str]:
    """Where and when the documents are signed: the office's city ("Semarang, 4 Mei 2019", as the
    forms are dated), else the plenary's place; dotted blanks where not recorded."""
    place = src.office.city or src.plenary.place or "...................."
    date = fmt.date_long(src.plenary.date) if src.plenary.date else "...................."
    return place, date


#: members of a KPU Provinsi including the chair (UU 7/2017 art. 10: seven in Jawa Tengah); the
#: signature block prints this many rows when the office has not named its members yet
DEFAULT_MEMBERS = 7

#: the box of a document that is no official form (the findings report)
INTERNAL = "DOKUMEN INTERNAL — BUKAN FORMULIR RESMI"


def title_block(src: Source, form: str | None, lines: list[str], width: float,
                ident: list[tuple[str, str]] | None = None) -> list:
    """Form name at the right ("MODEL DC1-PPWP"; for ``form`` None the internal mark), centred
    capital title lines, then the identity table.

    ``ident`` replaces the default identity rows (province, election, plenary place and date).
    """
    st = styles()
    text, limit = (f"MODEL {form}" if form else INTERNAL), width * 0.6
    if stringWidth(text, FONT_BOLD, 9) + 10 > limit:  # a long form name wraps inside its box
        box = Table([["\n".join(simpleSplit(text, FONT_BOLD, 9, limit - 11))]], colWidths=[limit], hAlign="RIGHT")
    else:
        box = Table([[text]], hAlign="RIGHT")
    box.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT_BOLD), ("FONTSIZE", (0, 0), (-1, -1), 9),
                  ("BOX", (0, 0), (-1, -1), 0.8, colors.black), ("LEFTPADDING", (0, 0), (-1, -1), 5),
                  ("RIGHTPADDING", (0, 0), (-1, -1), 5)])
    out: list = [box, Spacer(1, 2 * mm)]
    out += [p(line, st["title"]) for line in lines]
    out.append(Spacer(1, 3 * mm))
    place, date = plenary_place_date(src)
    ident = ident or [
        ("PROVINSI", src.election.province_name.upper()),
        *([(src.election.tier_title, f"{src.election.office_name.upper()} ({src.election.office_code})")]
          if src.election.office is not None else []),
        ("PEMILIHAN", src.election.name.upper()),
        *([("DAERAH PEMILIHAN", f"{src.district.kode} {src.district.nama} ({src.district.kursi} kursi)")]
          if src.district is not None and src.election.has_districts else []),
        ("TEMPAT RAPAT PLENO", place),
        ("TANGGAL RAPAT PLENO", date),
        ("SERTIFIKAT", src.receipt_line),
    ]
    small = st["small"]
    t = text_table([[Cell(k, small), Cell(":", small), Cell(v, small)] for k, v in ident],
                   [38 * mm, 4 * mm, width - 42 * mm],
                   [("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5), ("LEFTPADDING", (0, 0), (-1, -1), 0)],
                   hAlign="LEFT")
    out += [t, Spacer(1, 3 * mm)]
    return out


def opening(src: Source, paper: str, wide: bool, form_key: str | None, lines: list[str],
            ident: list[tuple[str, str]] | None = None, dalam: bool = True) -> tuple[float, dict, str, list]:
    """The start every document shares: frame width (points), the styles, the form name printed
    (``election.form_name(form_key)``; None for an internal document: "" and the internal mark)
    and the story so far: the title block with ``lines`` and the election below them, as the
    official titles run on: "... DI TINGKAT PROVINSI" / "DALAM PEMILIHAN UMUM ..." (``dalam``)."""
    width, _ = frame_size(paper, wide)
    form = src.election.form_name(form_key) if form_key else ""
    election = src.election.name.upper()
    election = f"DALAM {election}" if dalam and not election.startswith("DALAM ") else election
    return width, styles(), form, title_block(src, form or None, [*lines, election], width, ident)


def header_table(rows: list, widths: list[float], extra: list | None = None, **kwargs) -> Table:
    """A ruled table whose first row is a grey header (the look of every table in the documents);
    :class:`Cell` cells are drawn as plain lines (:func:`text_table`)."""
    return text_table(rows, widths, grid_style([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6"))]
                                               + (extra or [])), **kwargs)


def signature_block(src: Source, width: float, before: list | None = None, *,
                    witnesses: bool = True) -> KeepTogether:
    """Signatures: chair and members of the office beside one witness per pair, party or individual
    candidate (present/absent/refused; ``witnesses`` False: the office only, as on a decision).

    The office table lists the chair and the members as set, or :data:`DEFAULT_MEMBERS` rows to
    sign by hand. The two tables stand side by side, so the block stays short enough to share the
    last page with the text before it; ``before`` (the closing paragraph) is kept on the same page,
    so the block never stands alone on a page. A witness recorded absent or refusing shows that
    wording in place of a signature; the result stays valid (docs/domain.md §2).
    """
    st = styles()
    place, date = plenary_place_date(src)
    gap = 4 * mm
    half = (width - gap) / 2 if witnesses else width
    cell, bold = st["cell"], st["cell_b"]
    rows = [[Cell("No", bold), Cell("Nama", bold), Cell("Jabatan", bold), Cell("Tanda tangan", bold)]]
    kpu = [(src.office.chair, "Ketua")] + [(m, "Anggota") for m in src.office.members]
    if not src.office.members:
        kpu += [("", "Anggota")] * (DEFAULT_MEMBERS - 1)
    for i, (name, role) in enumerate(kpu, 1):
        rows.append([Cell(str(i), cell), Cell(name or "..............................", cell),
                     Cell(role, cell), Cell(f"{i}. ....................", cell)])
    w_no, w_role, w_sign = 7 * mm, 16 * mm, 28 * mm
    pad = [("TOPPADDING", (0, 1), (-1, -1), 3.5), ("BOTTOMPADDING", (0, 1), (-1, -1), 3.5)]
    kpu_table = header_table(rows, [w_no, half - w_no - w_role - w_sign, w_role, w_sign], pad, repeatRows=1,
                             hAlign="LEFT")
    head = p(f"{place}, {date}", st["body"])
    office = [Paragraph(f"<font name='{FONT_BOLD}'>{escape(src.office.name)}</font>", st["small"]), Spacer(1, 1.5 * mm),
              kpu_table]
    if not witnesses:
        return KeepTogether(list(before or []) + [Spacer(1, 3 * mm), head, Spacer(1, 2 * mm)] + office)
    wrows = [[Cell("No", bold), Cell(f"Saksi {src.contestant_word}", bold), Cell("Nama saksi", bold),
              Cell("Tanda tangan / keterangan", bold)]]
    for i, ps in enumerate(src.contestants, 1):
        w = src.plenary.witnesses.get(ps.nomor)
        if w is None:
            name, sign = "..............................", f"{i}. ...................."
        elif w["status"] == "present":
            name, sign = w["name"], f"{i}. ...................."
        else:
            name, sign = w["name"], WITNESS_STATUS[w["status"]]
        wrows.append([Cell(str(i), cell), Cell(src.entry(ps), cell),
                      Cell(name, cell), Cell(sign, bold if w and w["status"] != "present" else cell)])
    w_pair = (half - w_no - w_sign) * 0.5
    wit_table = header_table(wrows, [w_no, w_pair, half - w_no - w_sign - w_pair, w_sign], pad, repeatRows=1,
                             hAlign="LEFT")
    both = Table([[
        office,
        [Paragraph(f"<font name='{FONT_BOLD}'>SAKSI {escape(src.contestant_word.upper())}</font>", st["small"]),
         Spacer(1, 1.5 * mm), wit_table]]], colWidths=[half + gap, half], hAlign="LEFT")
    both.setStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                   ("LEFTPADDING", (0, 0), (-1, -1), 0),
                   ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 0),
                   ("BOTTOMPADDING", (0, 0), (-1, -1), 0)])
    return KeepTogether(list(before or []) + [Spacer(1, 3 * mm), head, Spacer(1, 2 * mm), both])


def district_part(src: Source, name: str, title: str, wide: bool, story: list, payload: dict, *,
                  long_name: bool = True):
    """The Part of a document printed for a source: a district's code added to the payload and its
    name (``long_name``) or code to the title when the contest has several districts."""
    from .page import Part

    if src.district is not None and src.election.has_districts:
        payload["dapil"] = src.district.kode
        title += f" dapil {src.district.kode}" + (f" {src.district.nama}" if long_name else "")
    return Part(name, title, wide, story, payload, src.marks(not src.all_adopted))

