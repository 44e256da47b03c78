"""The form's rows on a sheet: numbering, LK/PR/JML markers and labels, read down the label cells."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..errors import ImportRefused
from ..forms import FormRow
from .context import Context
from .grid import Grid, cell_text
from .names import normalize
from .numbers import CellError, short

ROMANS = ("I", "II", "III", "IV", "V")
MARKERS = {"L": "L", "LK": "L", "LAKI LAKI": "L", "LAKI": "L", "P": "P", "PR": "P", "PEREMPUAN": "P",
           "JML": "JML", "JUMLAH": "JML", "L P": "JML", "TOTAL": "JML", "LK PR": "JML"}
_SUFFIX_MARKER = re.compile(r"^(.*\S)\s+(LK|L|PR|P|JML|LAKI LAKI|PEREMPUAN|L P)$")
_LEADING_NUMBER = re.compile(r"^\s*(IV|V|I{1,3}|[A-C]|\d{1,2})\s*[.)]\s*")
_COMBINED = re.compile(r"^(IV|V|I{1,3})(?:\s*[.]?\s*([A-C]))?(?:\s*[.]?\s*(\d{1,2}))?\s*\.?$")
_NUMBER_PREFIX = re.compile(r"^((?:IV|V|I{1,3})(?:\s*\.\s*[A-C])?(?:\s*\.\s*\d{1,2})?|[A-C]\s*\.\s*\d{1,2})\.?\s+(?=\S)")
_LETTER_NUMBER = re.compile(r"^([A-C])\s*[.]?\s*(\d{1,2})\s*\.?$")
#: a candidate pair named by its number ("paslon_3", "PASLON NO 3", "Pasangan Calon Nomor Urut 3"), normalised
_PAIR_LABEL = re.compile(r"^(?:(?:SUARA |PEROLEHAN SUARA )?(?:PASLON|PASANGAN CALON|CALON)(?: NO| NOMOR)?(?: URUT)?"
                         r"|(?:NO|NOMOR) URUT) 0*(\d{1,2})$")


@dataclass
class Line:
    """The numbering, marker and label read from the label cells of one grid row."""

    roman: str | None = None
    letter: str | None = None
    number: str | None = None
    marker: str | None = None
    label: str = ""


def read_line(cells: list[str]) -> Line:
    """Split a row's label cells into numbering ("I", "A", "1", "I.A.1", "1." leading the label),
    the LK/PR/JML marker (own cell or end of the label) and the normalised label text.

    The answer depends on the texts alone, and the same label cells come back in every workbook
    of a form: it is worked out once per distinct row of texts. The Line returned is shared:
    callers read it, never change it."""
    return _read_line(tuple(cells))


@lru_cache(maxsize=16384)
def _read_line(cells: tuple[str, ...]) -> Line:
    ln = Line()
    parts = []
    for t in cells:
        if not t:
            continue
        n = normalize(t)
        m = _COMBINED.match(t.replace(" ", "")) if re.match(r"^[IVX]", t) else None
        if m and (m.group(2) or m.group(3) or n in ROMANS):
            ln.roman, ln.letter, ln.number = m.group(1), m.group(2) or ln.letter, m.group(3) or ln.number
            continue
        m = _LETTER_NUMBER.match(t)
        if m:
            ln.letter, ln.number = m.group(1), m.group(2)
            continue
        if re.fullmatch(r"[A-C]\.?", t):
            ln.letter = t[0]
            continue
        if re.fullmatch(r"\(?\d{1,2}[.)]?", t):
            ln.number = t.strip("().")
            continue
        if n in MARKERS and len(n) <= 9:
            ln.marker = MARKERS[n]
            continue
        m = _NUMBER_PREFIX.match(t)  # "I.A.1 Jumlah ..."
        if m and ("." in m.group(1) or m.group(1) in ROMANS):
            tok = m.group(1).replace(" ", "")
            cm = _COMBINED.match(tok) or _LETTER_NUMBER.match(tok)
            if cm and cm.re is _COMBINED:
                ln.roman, ln.letter, ln.number = cm.group(1), cm.group(2) or ln.letter, cm.group(3) or ln.number
            elif cm:
                ln.letter, ln.number = cm.group(1), cm.group(2)
            t = t[m.end():]
        while m := _LEADING_NUMBER.match(t):  # "1. Jumlah ...", "A. DATA PEMILIH", "IV. PEROLEHAN"
            tok = m.group(1)
            if tok in ROMANS:
                ln.roman = tok
            elif tok.isdigit():
                ln.number = tok
            else:
                ln.letter = tok
            t = t[m.end():]
        n = normalize(t)
        sm = _SUFFIX_MARKER.match(n)
        if sm and ln.marker is None:
            n, ln.marker = sm.group(1), MARKERS[sm.group(2)]
        if n:
            parts.append(n)
    ln.label = " ".join(parts)
    if ln.number:
        ln.number = str(int(ln.number))  # "01" -> "1"
    return ln


def refuse_error_label(grid: Grid, r: int, first: int, where: str) -> None:
    """Refuse a row that holds figures under a label cell holding a spreadsheet error ("#REF!",
    a broken formula): which form row its figures are cannot be told, and leaving them out would
    drop a whole row of the certificate (a pair's votes, say) with only a note.

    Args:
        grid: the sheet; r: the row (0-based); first: the first data column (labels are left of it);
        where: "Berkas X, lembar Y" for the message.
    Raises:
        ImportRefused: "bad_label", naming the cell, the error and its formula.
    """
    for c in range(first):
        v = grid.view(r, c)
        if isinstance(v, CellError):
            made = f" (hasil rumus \"{short(v.formula)}\")" if v.formula else ""
            raise ImportRefused(
                f"{where}, sel {grid.ref(r, c)}: label baris berisi galat {v}{made}, padahal baris itu berisi angka; "
                "diharapkan label isian formulir. Perbaiki label itu di program lembar kerja, simpan, lalu impor "
                "lagi.", "bad_label")


def refuse_pair_mismatch(grid: Grid, r: int, where: str, ctx: Context, by_number: FormRow, by_name: FormRow,
                         cells: list[str]) -> None:
    """Refuse a row of a pair's votes whose number names one pair and whose label another
    ("1 | PRABOWO SUBIANTO - SANDIAGA UNO" where pair 1 is JOKO WIDODO - MA'RUF AMIN): the
    certificate contradicts itself, and taking either reading could put one pair's votes on the
    other silently (form block IV, the pairs in ballot order).

    Raises:
        ImportRefused: "paslon_mismatch", naming the cell, the number and the name as read.
    """
    form = ctx.form
    shown = next((t for t in cells if t and ctx.label_row(normalize(t), "IV")[0] == by_name.number), "")
    col = next((c for c, t in enumerate(cells) if t == shown), 0) if shown else 0
    number = by_number.number.split(".")[-1]
    raise ImportRefused(
        f"{where}, sel {grid.ref(r, col)}: baris bernomor {number} ({form.field_label(by_number.fields[0].key)}) "
        f"tetapi berlabel \"{short(shown or '')}\", nama pasangan calon nomor urut {by_name.number.split('.')[-1]}; "
        "diharapkan nomor urut dan nama pasangan calon yang sama, karena tidak dapat diketahui suara pasangan mana "
        "yang dimaksud. Perbaiki nomor atau nama di program lembar kerja, simpan, lalu impor lagi.", "paslon_mismatch")


def find_form_rows(grid: Grid, hr: int, first: int, ctx: Context, where: str, notes: list[str],
                   lines: range | None = None) -> dict[str, int]:
    """{field key: grid row} for every form field found below the header row.

    Keeps the block (I-V) and sub-block (I.A/I.B) as it reads down; a row is a form row by its
    numbering within the block, else by its label; a marker-only row continues the row above.
    ``lines``: the grid rows to read (default every row below the header row); the list finder
    of legislative forms (:mod:`.lists`) reads blocks I–III this way.
    """
    e = ctx.election
    form = ctx.form
    n_pairs = len(form.contestants)
    field_rows: dict[str, int] = {}
    block: str | None = None
    sub: str | None = None
    last_row: FormRow | None = None
    for r in lines if lines is not None else range(hr + 1, grid.height):
        cells = [cell_text(grid.view(r, c)) for c in range(first)]
        ln = read_line(cells)
        label, number, letter, marker = ln.label, ln.number, ln.letter, ln.marker
        pair = _PAIR_LABEL.match(label) if label else None
        if pair and int(pair.group(1)) > n_pairs:  # "paslon_3" in a two-pair election
            shown = next((t for t in cells if _PAIR_LABEL.match(normalize(t))), label)
            raise ImportRefused(
                f"{where}, sel {grid.ref(r, next((c for c, t in enumerate(cells) if t == shown), 0))}: isian "
                f"perolehan suara pasangan calon nomor {int(pair.group(1))} (\"{short(shown)}\"), padahal {e.name} "
                f"hanya punya {n_pairs} pasangan calon; berkas ini untuk pemilihan lain.", "wrong_election")
        if ln.roman and ln.roman != block:
            block, sub = ln.roman, None
        has_data = any(v is not None for v in grid.rows[r][first:])  # a figure (or text) right of the labels
        heading = None if has_data or marker else ctx.heading_rows.get(label)
        if heading and last_row is not None and ctx.synonym(label) == last_row.number:
            heading = None  # "pengguna_hak_pilih" after "pengguna_hak_pilih_p": the JML of that row
        if heading:
            block, _, rest = heading.partition(".")
            sub = rest or None
            last_row = None
            continue
        if has_data and (number or letter) and label and ctx.synonym(label) is None:
            lead = ctx.heading_prefix(label)  # transposed: "PEROLEHAN SUARA" merged over 01, 02
            if lead:
                block, _, rest = lead.partition(".")
                sub = rest or sub
                label = ""
        if letter and block == "I":
            sub = letter
            if number is None and not has_data:
                last_row = None
                continue
        if not (label or number or letter or marker):
            continue
        row: FormRow | None = None
        if number or (letter and block == "V"):
            if block == "I" and sub:
                num = f"I.{sub}.{number}"
            elif block == "V":
                num = f"V.{letter}" if letter else None
            else:
                num = f"{block}.{number}" if block else None
            row = ctx.figure_rows.get(num) if num else None
            if row is not None and label:
                own = ctx.own_score(label, row.number)
                best, score = (row.number, own) if own == 1.0 else ctx.label_row(label, block)
                if own < 0.4 and (best is None or score < 0.6):
                    row = None  # e.g. "1. KETUA" under the table: a signature line, not a figure
                elif best != row.number and score >= 0.8 and own < 0.6:
                    if block == "IV" and has_data:  # "1 | <the name of pair 2>": which pair's votes is unknowable
                        refuse_pair_mismatch(grid, r, where, ctx, row, ctx.figure_rows[best], cells)
                    row = ctx.figure_rows[best]
        elif label:
            best, score = ctx.label_row(label, block)
            if best and score >= (0.5 if block == "IV" else 0.75):  # block IV holds only the pairs' names
                row = ctx.figure_rows[best]
        elif marker and last_row is not None:
            row = last_row
        if row is None:
            if "jumlah_suara" in field_rows:
                break  # below block V: signatures and notes
            if block == "IV" and number and has_data and int(number) > n_pairs:
                raise ImportRefused(
                    f"{where}, sel {grid.ref(r, 0)}: baris perolehan suara pasangan calon nomor {int(number)} "
                    f"(\"{short(label)}\"), padahal {e.name} hanya punya {n_pairs} pasangan calon; berkas ini untuk "
                    "pemilihan lain.", "wrong_election")
            if has_data and block is not None and r not in grid.hidden_lines:
                refuse_error_label(grid, r, first, where)
                notes.append(f"baris {grid.ref(r, 0)} (\"{short(label or number or '')}\") berisi angka tetapi bukan isian "
                             "formulir; tidak dipakai")
            continue
        block = row.number.split(".")[0]
        if block == "I":
            sub = row.number.split(".")[1]
        last_row = row
        if len(row.fields) == 3 and marker is None and not has_data:
            continue  # the label line of a split row whose L/P/JML lines follow
        if len(row.fields) == 3:
            fld = {"L": row.fields[0], "P": row.fields[1]}.get(marker or "JML", row.fields[2])
        else:
            fld = row.fields[0]
        if fld.key in field_rows:
            before = field_rows[fld.key]
            if r in grid.hidden_lines:
                notes.append(f"baris tersembunyi {grid.ref(r, 0)} mengulang isian {form.field_label(fld.key)}; tidak dipakai")
                continue
            if before not in grid.hidden_lines:
                raise ImportRefused(
                    f"{where}, sel {grid.ref(r, 0)}: isian {form.field_label(fld.key)} muncul dua kali (juga di "
                    f"{grid.ref(before, 0)}); diharapkan satu baris per isian.", "duplicate_field")
            notes.append(f"baris tersembunyi {grid.ref(before, 0)} mengulang isian {form.field_label(fld.key)}; "
                         "tidak dipakai")
        field_rows[fld.key] = r
    return field_rows
