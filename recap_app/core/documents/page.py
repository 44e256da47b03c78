"""Common page template of every printed document (reportlab).

Every page carries: a header line (office, election), the marks (DRAF diagonal watermark
when the data are not adopted; SIMULASI / CONTOH bands for rehearsal and demonstration
workspaces), and a footer with the document name, "Halaman x dari y" (numbered per
document, even when several are printed in one PDF), the print date and the shortened
data fingerprint (first 16 hex digits of the SHA-256 of the figures and of the stored election
definition, contestant names included; the full value is in the PDF metadata) and the audit
chain head it was printed from ("Rantai audit #ID:HASH16", an anchor for ``recap audit verify``). Fonts: DejaVu Sans Condensed (regular, bold) from resources/fonts/, embedded as subsets.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, TableStyle

from ..election import RESOURCES

#: paper sizes (portrait, points): A4 and F4 (215 x 330 mm, the folio used in Indonesian offices)
PAPERS = {"A4": A4, "F4": (215 * mm, 330 * mm)}

FONT = "RecapSans"
FONT_BOLD = "RecapSans-Bold"
FONT_DIR = RESOURCES / "fonts"

MARGIN = 12 * mm
HEADER_H = 9 * mm
FOOTER_H = 17 * mm  # the paraf row of a continuation page, the rule, two lines of footer

_fonts_ready = False


def register_fonts() -> None:
    """Register the shipped DejaVu Sans Condensed family once per process."""
    global _fonts_ready
    if _fonts_ready:
        return
    from reportlab.lib.fonts import addMapping

    for name, file in ((FONT, "DejaVuSansCondensed.ttf"), (FONT_BOLD, "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / file)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)  # no italic shipped: <i> prints upright
    addMapping(FONT, 1, 1, FONT_BOLD)
    _fonts_ready = True


def fingerprint(payload) -> str:
    """SHA-256 (hex) of the canonical JSON of the data a document is made from (same data, same value)."""
    canon = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(canon.encode("utf-8")).hexdigest()


def page_size(paper: str, wide: bool) -> tuple[float, float]:
    """Page size in points for "A4"/"F4", landscape when ``wide``."""
    size = PAPERS[paper]
    return landscape(size) if wide else portrait(size)


def frame_size(paper: str, wide: bool) -> tuple[float, float]:
    """Usable width and height (points) inside margins, header and footer."""
    w, h = page_size(paper, wide)
    return w - 2 * MARGIN, h - 2 * MARGIN - HEADER_H - FOOTER_H


# ---------------------------------------------------------------- styles
def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles shared by the documents (sizes in points)."""
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5, alignment=TA_LEFT)
    return {
        "body": base,
        "justify": ParagraphStyle("justify", parent=base, alignment=4),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9),
        "cell": ParagraphStyle("cell", parent=base, fontSize=7, leading=8.2),
        "cell_b": ParagraphStyle("cell_b", parent=base, fontName=FONT_BOLD, fontSize=7, leading=8.2),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontName=FONT_BOLD, fontSize=6, leading=7,
                                 alignment=TA_CENTER),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=7, leading=8.2, alignment=TA_RIGHT),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=11.5, leading=14,
                                alignment=TA_CENTER, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12,
                                   alignment=TA_CENTER),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=9.5, leading=12, spaceBefore=6,
                             spaceAfter=3),
        "form": ParagraphStyle("form", parent=base, fontName=FONT_BOLD, fontSize=9, alignment=TA_RIGHT),
        "words": ParagraphStyle("words", parent=base, fontName=FONT_BOLD, fontSize=8, leading=10),
    }


def p(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of plain text (escaped: user text never breaks the markup)."""
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def flow(text: str, style: ParagraphStyle, max_chars: int = 1200) -> list[Paragraph]:
    """Paragraphs for a long user text that must flow over pages.

    Lines of the text become paragraphs; a paragraph longer than ``max_chars`` is cut after a
    sentence (or, failing that, a word) into consecutive pieces: reportlab re-wraps the rest of a
    paragraph at every page it splits, so one paragraph of many pages costs seconds.
    """
    out: list[Paragraph] = []
    for line in text.split("\n"):
        line = line.strip()
        while len(line) > max_chars:
            cut = line.rfind(". ", 0, max_chars)
            if cut < max_chars // 3:
                cut = line.rfind(" ", 0, max_chars)
            if cut <= 0:
                cut = max_chars - 1
            out.append(p(line[:cut + 1].strip(), style))
            line = line[cut + 1:].strip()
        if line:
            out.append(p(line, style))
    return out


def grid_style(extra: list | None = None) -> TableStyle:
    """Thin-ruled table style with the shared font."""
    cmds = [
        ("FONTNAME", (0, 0), (-1, -1), FONT),
        ("FONTSIZE", (0, 0), (-1, -1), 7),
        ("LEADING", (0, 0), (-1, -1), 8.2),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    return TableStyle(cmds + (extra or []))


# ---------------------------------------------------------------- the document parts
@dataclass
class Part:
    """One document inside a printed PDF.

    Attributes:
        name: stable id ("sertifikat").
        title: the document name printed in every footer ("DC1-PPWP Sertifikat ...").
        wide: landscape pages.
        story: reportlab flowables.
        payload: the data the document is made from (its fingerprint is the SHA-256 of it).
        marks: "DRAF", "SIMULASI", "CONTOH", "PERHITUNGAN" (a seat calculation the office does not
            decide) as they apply.
        pages: filled in after rendering.
    """

    name: str
    title: str
    wide: bool
    story: list
    payload: dict
    marks: tuple[str, ...] = ()
    pages: int = 0
    fingerprint: str = field(default="")

    def __post_init__(self):
        if not self.fingerprint:
            self.fingerprint = fingerprint({"document": self.name, "data": self.payload})


MARK_TEXT = {
    "DRAF": "DRAF — data belum ditetapkan",
    "SIMULASI": "SIMULASI — bukan dokumen resmi",
    "CONTOH": "CONTOH — data contoh, bukan dokumen resmi",
    "PERHITUNGAN": "PERHITUNGAN — bukan penetapan",
}


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text`` shortened with an ellipsis so that it fits in ``room`` points."""
    if pdfmetrics.stringWidth(text, font, size) <= room:
        return text
    while len(text) > 4 and pdfmetrics.stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


def make_canvas_class(parts: list[Part], header_left: str, header_right: str, printed: str,
                      chain_head: tuple[int, str] | None = None, paraf: tuple[int, int] | None = None):
    """A canvas class that numbers pages per document and draws header, marks and footer at save.

    ``chain_head``: (record id, hash) of the audit chain the document was printed from; its first
    16 hex digits are printed in every footer, so the paper is an anchor a later
    ``recap audit verify --anchor ID:HASH`` checks the chain against.
    ``paraf`` (office members with the chair, witnesses): every page of a document but its last (the
    one with the signatures) carries a row of initial boxes, as continuation pages of the forms do.
    """

    class NumberedCanvas(rl_canvas.Canvas):
        """Keeps every page until save() so that "Halaman x dari y" can name y."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._states: list[dict] = []
            self.recap_part = 0

        def showPage(self):  # noqa: N802 - reportlab API
            """Remember the page; it is drawn at save()."""
            self._states.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            """Decorate and emit every remembered page, then write the file."""
            counts: dict[int, int] = {}
            for st in self._states:
                counts[st["recap_part"]] = counts.get(st["recap_part"], 0) + 1
            seen: dict[int, int] = {}
            for st in self._states:
                self.__dict__.update(st)
                idx = st["recap_part"]
                seen[idx] = seen.get(idx, 0) + 1
                self._decorate(parts[idx], seen[idx], counts[idx])
                super().showPage()
            for idx, n in counts.items():
                parts[idx].pages = n
            super().save()

        def _decorate(self, part: Part, page: int, total: int) -> None:
            w, h = self._pagesize
            self.saveState()
            # header: office left, election right (shortened if both do not fit), marks below the rule
            self.setFont(FONT, 7)
            self.setFillColor(colors.black)
            y = h - MARGIN - 3 * mm
            left = _fit(header_left, FONT, 7, (w - 2 * MARGIN) * 0.55)
            room = w - 2 * MARGIN - 8 * mm - pdfmetrics.stringWidth(left, FONT, 7)
            self.drawString(MARGIN, y, left)
            self.drawRightString(w - MARGIN, y, _fit(header_right, FONT, 7, room))
            self.setLineWidth(0.4)
            self.line(MARGIN, y - 1.8 * mm, w - MARGIN, y - 1.8 * mm)
            bands = [MARK_TEXT[m] for m in part.marks if m != "DRAF"]
            if bands:
                self.setFont(FONT_BOLD, 7.5)
                self.setFillColor(colors.HexColor("#b00020"))
                self.drawCentredString(w / 2, y - 5.2 * mm, "   ·   ".join(bands))
            # footer
            fy = MARGIN
            self.setFillColor(colors.black)
            self.line(MARGIN, fy + 7 * mm, w - MARGIN, fy + 7 * mm)
            if paraf and page < total:
                self._paraf(w, fy + 8.5 * mm, *paraf)
            self.setFont(FONT, 7)
            title = _fit(part.title, FONT, 7, w / 2 - MARGIN - 20 * mm)
            self.drawString(MARGIN, fy + 3.5 * mm, title)
            self.drawString(MARGIN, fy, f"Dicetak {printed}")
            if chain_head and chain_head[0]:
                self.drawCentredString(w / 2, fy, f"Rantai audit #{chain_head[0]}:{chain_head[1][:16]}")
            self.setFont(FONT_BOLD, 8)
            self.drawCentredString(w / 2, fy + 3.5 * mm, f"Halaman {page} dari {total}")
            self.setFont(FONT, 7)
            self.drawRightString(w - MARGIN, fy + 3.5 * mm, f"Sidik data SHA-256: {part.fingerprint[:16]}")
            if "DRAF" in part.marks:
                self.drawRightString(w - MARGIN, fy, MARK_TEXT["DRAF"])
            # DRAF watermark, diagonal, translucent, above the content so it cannot be hidden
            if "DRAF" in part.marks:
                self.setFillColor(colors.HexColor("#c00000"))
                self.setFillAlpha(0.13)
                self.setFont(FONT_BOLD, min(w, h) * 0.32)
                self.translate(w / 2, h / 2)
                self.rotate(30 if w > h else 52)
                self.drawCentredString(0, -min(w, h) * 0.1, "DRAF")
            self.restoreState()

        def _paraf(self, w: float, y: float, members: int, witnesses: int) -> None:
            """Initial boxes: "Paraf: Ketua [ ] Anggota [ ]... Saksi [ ]..." at the right of the page."""
            box, gap = 5 * mm, 1.2 * mm
            groups = [("Ketua", 1), ("Anggota", max(0, members - 1))]
            groups.append(("Saksi", witnesses) if witnesses <= 10 else ("Saksi (semua yang hadir)", 1))
            self.setFont(FONT, 6.5)
            x = w - MARGIN
            for label, n in reversed(groups):
                for _ in range(n):
                    x -= box
                    self.rect(x, y, box, box * 0.85, stroke=1, fill=0)
                    x -= gap
                x -= pdfmetrics.stringWidth(label, FONT, 6.5) + 1 * mm
                self.drawString(x, y + 1.2 * mm, label)
                x -= 3 * mm
            self.setFont(FONT_BOLD, 6.5)
            self.drawRightString(x, y + 1.2 * mm, "Paraf:")

    return NumberedCanvas
