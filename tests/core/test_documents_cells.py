"""Plain-text table cells (documents/page.py: Cell, plain_lines, text_table) print as their Paragraphs
would: the same lines, at the same places; what a Paragraph would do otherwise stays a Paragraph."""

import io
import random
import subprocess
import sys
from xml.sax.saxutils import escape as sax_escape

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, Table

from recap_app.core.documents.page import Cell, escape, grid_style, p, plain_lines, styles, text_table

WORDS = ["1", "No", "Ketua", "Anggota", "..............................", "1. ....................", "Nomor",
         "urut", "2:", "Prabowo", "Subianto", "-", "Sandiaga", "Uno", "16.825.511", "77,29%", "ENAM", "BELAS",
         "JUTA", "DELAPAN", "RATUS", "Ma'ruf", "Kab.", "Banjarnegara", "(33.04)", "—", "Jawa",
         "Tengah", "KOMISI", "PEMILIHAN", "UMUM", "PROVINSI", "Wakil", "iii", "WWW"]


def _texts(seed: int, n: int) -> list[str]:
    rnd = random.Random(seed)
    return [" ".join(rnd.choice(WORDS) for _ in range(rnd.randint(1, 14))) for _ in range(n)]


def _paragraph_lines(text: str, style, width: float) -> tuple[list[str], bool]:
    """The lines of the Paragraph, and whether it draws them plainly (no line with its spaces shrunk)."""
    para = p(text, style)
    para.wrap(width, 10_000)
    lines = para.blPara.lines
    return [" ".join(words) for _, words in lines], all(extra > -1e-8 or len(words) < 2 for extra, words in lines)


@pytest.mark.parametrize("name", ["cell", "cell_b", "cell_r", "small", "words", "body"])
def test_plain_lines_break_as_the_paragraph_does(name):
    style = styles()[name]
    plain = shrunk = 0
    for text in _texts(sum(map(ord, name)), 250):
        for width in (12, 25, 40, 61.3, 90, 150, 400):
            lines = plain_lines(text, style, width)
            para_lines, drawn_plainly = _paragraph_lines(text, style, width)
            if lines is None:  # a word the Paragraph would cut, or spaces it would shrink: a Paragraph
                long_word = any(stringWidth(w, style.fontName, style.fontSize) > width for w in text.split())
                assert long_word or not drawn_plainly, (text, width)
                shrunk += not long_word
                continue
            plain += 1
            assert drawn_plainly and lines == para_lines, (text, width)
    assert plain > 500 and shrunk


def test_what_a_paragraph_treats_specially_stays_a_paragraph():
    st = styles()
    for text in ["", "   ", "a\nb", "no\xa0break", "soft\xadhyphen", "zero\u200bwidth", "A & B", "<b>"]:
        assert plain_lines(text, st["cell"], 100) is None
    assert plain_lines("a b", st["h2"], 100) is None  # space before and after
    assert plain_lines(" ".join(["kata"] * 40), st["justify"], 100) is None  # justified lines
    assert plain_lines("satu", st["justify"], 100) == ["satu"]  # one line: not justified
    assert plain_lines("  spasi   ganda  ", st["cell"], 100) == ["spasi ganda"]  # as a Paragraph folds them


def test_a_text_table_becomes_strings_and_keeps_paragraphs_where_needed():
    st = styles()
    t = text_table([[Cell("No", st["cell_b"]), Cell("Nama", st["cell_b"]), "x"],
                    [Cell("1", st["cell_r"]), Cell("a\nb", st["cell"]), Cell("Supercalifragilistic", st["cell"])]],
                   [20, 60, 20], grid_style())
    values = t._cellvalues
    assert values[0][:2] == ["No", "Nama"] and values[0][2] == "x" and values[1][0] == "1"
    assert isinstance(values[1][1], Paragraph) and isinstance(values[1][2], Paragraph)


def test_a_text_table_reads_the_room_of_its_cells_from_the_paddings():
    st = styles()
    text = "Nomor urut 2: Prabowo Subianto - Sandiaga Uno"
    for pads, room in [([], 100 - 12), ([("LEFTPADDING", (0, 0), (-1, -1), 0)], 100 - 6), (grid_style(), 100 - 5)]:
        t = text_table([[Cell(text, st["cell"])]], [100], pads)
        assert t._cellvalues[0][0] == "\n".join(plain_lines(text, st["cell"], room))
    with pytest.raises(ValueError):
        text_table([[Cell(text, st["cell"])]], [100], [("LEFTPADDING", (0, 1), (-1, -1), 0)])


def _positions(table) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text line drawn by the table on a page, in points (rounded to 0.01)."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=(600, 800))
    w, h = table.wrap(500, 700)
    table.drawOn(c, 40, 760 - h)
    c.save()
    out = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            out.append((round(cm[4] + tm[4], 2), round(cm[5] + tm[5], 2), text.strip()))

    PdfReader(io.BytesIO(buf.getvalue())).pages[0].extract_text(visitor_text=visit)
    return sorted(out)


@pytest.mark.parametrize("valign", ["TOP", "MIDDLE", "BOTTOM"])
def test_a_text_table_draws_every_line_where_the_paragraph_table_does(valign):
    st = styles()
    looks = [st["cell_b"], st["cell"], st["cell_r"], st["words"], st["small"]]
    texts = _texts(7, 40)
    widths = [14 * mm, 40 * mm, 22 * mm, 55 * mm]
    rows = [[(texts[(r * 4 + c) % len(texts)], looks[(r + c) % len(looks)]) for c in range(4)] for r in range(10)]
    rows[0] = [(h, st["cell_b"]) for h in ("NO", "URAIAN PANJANG SEKALI", "ANGKA", "DITULIS DENGAN HURUF")]
    extra = [("VALIGN", (0, 0), (-1, -1), valign), ("TOPPADDING", (0, 1), (-1, -1), 3)]
    with_paragraphs = Table([[p(t, s) for t, s in row] for row in rows], colWidths=widths)
    with_paragraphs.setStyle(grid_style(extra))
    plain = text_table([[Cell(t, s) for t, s in row] for row in rows], widths, grid_style(extra))
    assert sum(isinstance(v, str) for row in plain._cellvalues for v in row) >= 20
    assert plain.wrap(500, 700) == with_paragraphs.wrap(500, 700)
    assert plain._rowHeights == with_paragraphs._rowHeights
    assert _positions(plain) == _positions(with_paragraphs)


def test_escape_is_the_sax_escape():
    for text in ["a & b", "<b>x</b>", "\"quoted\" 'single'", "&amp;", "plain"]:
        assert escape(text) == sax_escape(text)


def test_styles_are_made_once():
    a, b = styles(), styles()
    assert a is not b and a == b and all(a[k] is b[k] for k in a)


def test_the_documents_load_the_seat_allocation_only_for_the_seat_document():
    code = ("import sys\nimport recap_app.core.documents\n"
            "print('LOADED', [m for m in ('recap_app.core.allocation', 'recap_app.core.seats', 'xml.sax')"
            " if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert "LOADED []" in out, out[-500:]


def _forms():
    from recap_app.core.election import list_elections

    out = []
    for e in list_elections():
        if e.id.startswith("dpd"):  # its form needs the ballot numbers set (tests/core/test_tiers.py)
            continue
        out += [(e.id, e.form)] if not e.has_districts else [(f"{e.id} {d.kode}", e.form_for(d)) for d in e.districts[:2]]
    return out


@pytest.mark.parametrize("label,form", _forms(), ids=[x[0] for x in _forms()])
def test_blank_figures_draw_nothing_and_keep_the_row_heights(label, form):
    """A blank figure is an empty cell (nothing drawn), and the rows are as high as with a figure in
    every cell: the labels give each row its height."""
    from recap_app.core.documents.page import frame_size
    from recap_app.core.documents.tables import BLANK, wide_table

    width, _ = frame_size("A4", True)
    columns = [(f"33.{i:02d}", f"33.{i:02d} KAB. CONTOH {i}") for i in range(1, 12)] + [("JUMLAH", "JUMLAH")]
    blank = wide_table(form, columns, {}, width)
    full = wide_table(form, columns, {c: {f.key: 0 for f in form.fields} for c, _ in columns}, width)
    tables = [(a, b) for a, b in zip(blank, full, strict=True) if isinstance(a, Table)]
    assert tables
    for a, b in tables:
        assert any(v is BLANK for row in a._cellvalues for v in row)
        assert a.wrap(width, 100_000) == b.wrap(width, 100_000) and a._rowHeights == b._rowHeights
