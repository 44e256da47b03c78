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
from html import escape as _html_escape
from typing import NamedTuple

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Paragraph, Table, TableStyle

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

    from .fontcache import ttfont

    for name, file in ((FONT, "DejaVuSansCondensed.ttf"), (FONT_BOLD, "DejaVuSansCondensed-Bold.ttf")):
        pdfmetrics.registerFont(ttfont(name, FONT_DIR / file))  # parsed once, kept between processes
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
_styles: dict[str, ParagraphStyle] = {}


def styles() -> dict[str, ParagraphStyle]:
    """Paragraph styles shared by the documents (sizes in points); made once per process (a new
    dict of the same styles at every call)."""
    if not _styles:
        register_fonts()
        _styles.update(_make_styles())
    return dict(_styles)


def _make_styles() -> dict[str, ParagraphStyle]:
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


def escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (Paragraph markup; quotes left as they are). The same as
    ``xml.sax.saxutils.escape``, without loading xml.sax (it pulls urllib and email)."""
    return _html_escape(text, quote=False)


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


class Cell(NamedTuple):
    """A table cell of plain text in a paragraph style, for :func:`text_table` (what ``p(text, style)``
    would be, without building the Paragraph)."""

    text: str
    style: ParagraphStyle


#: style attributes that a cell drawn as plain lines honours only at ParagraphStyle's defaults
_PLAIN_ATTRS = ("leftIndent", "rightIndent", "firstLineIndent", "spaceBefore", "spaceAfter", "backColor",
                "wordWrap", "shaping", "borderWidth", "borderColor", "textTransform", "endDots", "hyphenationLang",
                "embeddedHyphenation", "uriWasteReduce", "justifyLastLine")
#: characters a Paragraph treats specially: line break, no-break space, soft hyphen, zero-width space,
#: and the escaped markup characters (an entity makes a fragment of its own, laid out another way)
_SPECIAL = ("\n", "\xa0", "\xad", "\u200b", "&", "<", ">")
_ALIGN = {TA_LEFT: "LEFT", TA_CENTER: "CENTER", TA_RIGHT: "RIGHT", TA_JUSTIFY: "LEFT"}


def plain_lines(text: str, style: ParagraphStyle, width: float) -> list[str] | None:
    """The lines that ``p(text, style)`` breaks into at ``width`` points, when that Paragraph would
    draw them as plain lines (one font, whole words, no indent); None when it would not: no words,
    a word wider than ``width`` (a Paragraph cuts it), a line that fits only with its spaces shrunk
    (a Paragraph draws it with narrower spaces), a line break or another character a Paragraph
    treats specially, several lines of a justified style, a style with indents, spacing or borders.

    The rule is the Paragraph's own (reportlab ``Paragraph.breakLines``, one fragment): words are
    separated by whitespace, and a word goes on the current line while the line is no wider than
    ``width`` plus the space shrinkage the style allows (``spaceShrinkage`` of a space per space).
    """
    if any(ch in text for ch in _SPECIAL) or any(getattr(style, a) != ParagraphStyle.defaults[a]
                                                   for a in _PLAIN_ATTRS):
        return None
    words = text.split()
    if not words:
        return None
    font, size = style.fontName, style.fontSize
    space = pdfmetrics.stringWidth(" ", font, size)
    shrink = style.spaceShrinkage * space
    lines: list[str] = []
    line: list[str] = []
    current = -space
    for word in words:
        w = pdfmetrics.stringWidth(word, font, size)
        if w > width:
            return None
        new = current + space + w
        if new > width + shrink * len(line) and line:
            if current >= width + 1e-8:  # it fits only with its spaces shrunk: the Paragraph draws that
                return None
            lines.append(" ".join(line))
            line, current = [word], w
        else:
            line.append(word)
            current = new
    if current >= width + 1e-8 and len(line) > 1:
        return None
    lines.append(" ".join(line))
    if style.alignment == TA_JUSTIFY and len(lines) > 1:
        return None
    return lines


def text_table(rows: list[list], widths: list[float], style: TableStyle | list, **kwargs) -> Table:
    """A Table (fixed column ``widths``) whose :class:`Cell` cells are drawn as plain text lines.

    Each Cell becomes the lines its Paragraph would have (:func:`plain_lines`) with the style's
    font, size, leading, alignment and colour given as table commands, so the page looks the same
    without a Paragraph parsed, wrapped and drawn per cell; a Cell whose Paragraph would be more than
    plain lines stays a Paragraph. Other cells (strings, flowables) are kept as they are.

    Args:
        style: the table's commands (as for ``Table.setStyle``); the cell commands come after them.
            Left and right paddings, if set, must cover the whole table (the room of a cell is its
            column's width less both).
        kwargs: passed to Table (repeatRows, hAlign, rowHeights, ...).
    Raises:
        ValueError: a left or right padding set for part of the table only.
    """
    cmds = list(style.getCommands() if isinstance(style, TableStyle) else style)
    hpad = _side_padding(cmds)
    out: list[list] = []
    plain: list[list[tuple[int, tuple]]] = []  # per row: (column, look) of the cells drawn as lines
    for row in rows:
        cells, looks = [], []
        for c, v in enumerate(row):
            if isinstance(v, Cell):
                lines = plain_lines(v.text, v.style, widths[c] - hpad)
                if lines is None:
                    v = p(v.text, v.style)
                else:
                    st = v.style
                    looks.append((c, (st.fontName, st.fontSize, st.leading, _ALIGN[st.alignment], st.textColor)))
                    v = "\n".join(lines)
            cells.append(v)
        out.append(cells)
        plain.append(looks)
    t = Table(out, colWidths=widths, **kwargs)
    t.setStyle(TableStyle(cmds + _look_commands(plain)))
    return t


def _side_padding(cmds: list) -> float:
    """Left plus right padding of every cell under ``cmds`` (reportlab's default: 6 points each)."""
    pad = {"LEFTPADDING": 6.0, "RIGHTPADDING": 6.0}
    for cmd in cmds:
        if cmd[0] in pad:
            if tuple(cmd[1]) != (0, 0) or tuple(cmd[2]) != (-1, -1):
                raise ValueError(f"text_table: {cmd[0]} for part of the table only ({cmd[1]}–{cmd[2]})")
            pad[cmd[0]] = float(cmd[3])
    return pad["LEFTPADDING"] + pad["RIGHTPADDING"]


def _look_commands(plain: list[list[tuple[int, tuple]]]) -> list[tuple]:
    """FONT, ALIGN (and TEXTCOLOR) commands for the plain cells: one per rectangle of neighbouring
    cells of one look (runs of columns in a row, extended over the rows below that repeat them)."""
    rects: list[list] = []  # [c0, r0, c1, r1, look]
    open_: dict[tuple, list] = {}
    for r, looks in enumerate(plain):
        runs: list[list] = []
        for c, look in looks:
            if runs and runs[-1][1] == c - 1 and runs[-1][2] == look:
                runs[-1][1] = c
            else:
                runs.append([c, c, look])
        now: dict[tuple, list] = {}
        for c0, c1, look in runs:
            rect = open_.get((c0, c1, look))
            if rect is not None and rect[3] == r - 1:
                rect[3] = r
            else:
                rect = [c0, r, c1, r, look]
                rects.append(rect)
            now[(c0, c1, look)] = rect
        open_ = now
    cmds: list[tuple] = []
    for c0, r0, c1, r1, (font, size, leading, align, color) in rects:
        cmds += [("FONT", (c0, r0), (c1, r1), font, size, leading), ("ALIGN", (c0, r0), (c1, r1), align)]
        if color != colors.black:
            cmds.append(("TEXTCOLOR", (c0, r0), (c1, r1), color))
    return cmds


def grid_style(extra: list | None = None) -> TableStyle:
    """Thin-ruled table style with the shared font."""
    cmds = [
        ("FONT", (0, 0), (-1, -1), FONT, 7, 8.2),  # name, size and leading in one command
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
        fingerprint: filled in by ``documents.render``: the SHA-256 of the name, the payload and the
            stored election definition.
    """

    name: str
    title: str
    wide: bool
    story: list
    payload: dict
    marks: tuple[str, ...] = ()
    pages: int = 0
    fingerprint: str = field(default="")


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
