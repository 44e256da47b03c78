"""The wide certificate table (blocks I–V by rows, one column per region plus JUMLAH).

Used by the province certificate (columns = 35 kabupaten/kota) and by a regency
certificate as received (columns = its kecamatan). The columns are cut into page-wide
chunks of equal size; each chunk is one table that repeats the row numbers, labels and
LK/PR/JML sub-rows, and its column header when it runs onto a further page. Column widths
are measured from the widest figure and the longest word of every header with the font
itself, so nothing is clipped on A4 or F4.
"""

from __future__ import annotations

import math

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Table
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from .. import formatting as fmt
from ..domain import JUMLAH
from ..forms import Form
from .page import FONT, FONT_BOLD, grid_style, styles

NUM_SIZE = 7.0
HEAD_SIZE = 6.0
PAD = 2.5

SEX_LABEL = {"L": "LK", "P": "PR", "JML": "JML"}

#: a blank figure's cell: no flowables, so nothing is drawn (an empty string would still cost a
#: text object per cell, and most cells of a certificate can be blank); the row keeps its height
#: from its labels
BLANK = ()


def column_width(headers: list[str], values: list[int | None]) -> float:
    """Width (points) that holds every figure and every header word at the table's font sizes."""
    widest_num = max((stringWidth(fmt.number(v), FONT_BOLD, NUM_SIZE) for v in values if v is not None), default=0)
    widest_word = max((stringWidth(w, FONT_BOLD, HEAD_SIZE) for h in headers for w in h.split()), default=0)
    return max(widest_num, widest_word, 28) + 2 * PAD + 1


def wide_table(form: Form, columns: list[tuple[str, str]], values: dict[str, dict[str, int | None]],
               width: float, *, label_width: float = 52 * mm) -> list:
    """Flowables for the certificate table, cut into page-wide chunks.

    Args:
        form: the certificate's form (its rows and field keys).
        columns: [(column code, printed header)] in order, JUMLAH last.
        values: {column code: {field key: int or None}}; a blank prints as an empty cell.
        width: frame width in points.
    """
    st = styles()
    all_values = [values.get(c, {}).get(f.key) for c, _ in columns for f in form.fields]
    colw = column_width([h for _, h in columns], all_values)
    w_no, w_sex = 11 * mm, 7 * mm
    fixed = w_no + label_width + w_sex
    per_page = max(1, int((width - fixed) // colw))
    n_chunks = math.ceil(len(columns) / per_page)
    size = math.ceil(len(columns) / n_chunks)
    colw = max(colw, min((width - fixed) / size, colw * 1.6))  # use the spare width of balanced chunks
    out: list = []
    for ci in range(n_chunks):
        chunk = columns[ci * size:(ci + 1) * size]
        out.append(_chunk_table(form, chunk, values, colw, w_no, label_width, w_sex, st,
                                f"Bagian {ci + 1} dari {n_chunks}: kolom {ci * size + 1}–{ci * size + len(chunk)} "
                                f"dari {len(columns)}"))
        if ci < n_chunks - 1:
            out.append(PageBreakIfNotEmpty())  # each chunk starts on its own page
    return out


def wrap(text: str, font: str, size: float, width: float) -> str:
    """Text broken into lines that fit ``width`` points (a plain table cell: cheaper than a Paragraph)."""
    return "\n".join(simpleSplit(text, font, size, width - 2 * PAD - 0.5))


def _chunk_table(form: Form, chunk, values, colw, w_no, w_label, w_sex, st, caption) -> Table:
    head = ["NO", wrap(f"URAIAN  ({caption})", FONT_BOLD, HEAD_SIZE, w_label), ""]
    head += [wrap(h, FONT_BOLD, HEAD_SIZE, colw) for _, h in chunk]
    rows = [head]
    cmds = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
        ("FONT", (0, 0), (-1, 0), FONT_BOLD, HEAD_SIZE, HEAD_SIZE + 1),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ("FONTSIZE", (3, 1), (-1, -1), NUM_SIZE),
        ("ALIGN", (2, 1), (2, -1), "CENTER"),
    ]
    jumlah_idx = [i for i, (code, _) in enumerate(chunk) if code == JUMLAH]
    for i in jumlah_idx:
        cmds += [("BACKGROUND", (3 + i, 1), (3 + i, -1), colors.HexColor("#f2f2f2")),
                 ("FONTNAME", (3 + i, 1), (3 + i, -1), FONT_BOLD)]
    groups: dict[int, list[int]] = {}  # a party's rows (heading to total) kept on one page where they fit
    for row in form.rows:
        r = len(rows)
        if row.group is not None and row.group.kind == "partai":
            span = groups.setdefault(row.group.nomor, [r, r])
            span[1] = r + max(len(row.fields), 1) - 1
        if not row.fields:
            rows.append([row.number.split(".")[-1], wrap(row.label, FONT_BOLD, NUM_SIZE, w_label * 3), ""]
                        + [""] * len(chunk))
            cmds += [("SPAN", (1, r), (-1, r)), ("FONTNAME", (0, r), (-1, r), FONT_BOLD),
                     ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#d9d9d9" if row.level == 0 else "#f0f0f0"))]
            continue
        number = row.number.split(".", 1)[1] if "." in row.number else row.number
        label = wrap(row.label, FONT, NUM_SIZE, w_label)
        for k, f in enumerate(row.fields):
            cells = [number if k == 0 else "", label if k == 0 else "", SEX_LABEL.get(f.sex, "")]
            cells += [fmt.number(values.get(code, {}).get(f.key)) or BLANK for code, _ in chunk]
            rows.append(cells)
        if len(row.fields) > 1:
            last = r + len(row.fields) - 1
            cmds += [("SPAN", (0, r), (0, last)), ("SPAN", (1, r), (1, last)), ("VALIGN", (0, r), (1, last), "TOP")]
        if row.fields[-1].key in ("suara_sah", "jumlah_suara") or row.number.startswith("IV"):
            cmds.append(("FONTNAME", (3, r), (-1, r + len(row.fields) - 1), FONT_BOLD))
    cmds += [("NOSPLIT", (0, r0), (-1, r1)) for r0, r1 in groups.values()]
    table = Table(rows, colWidths=[w_no, w_label, w_sex] + [colw] * len(chunk), repeatRows=1, hAlign="LEFT")
    table.setStyle(grid_style(cmds))
    return table
