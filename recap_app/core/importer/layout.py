"""Finding the certificate in a grid: the form's rows by label and numbering, the kecamatan
columns by code or name, the JUMLAH column, the regency, and every figure.

Layouts read (see docs/import.md): form rows down and kecamatan across (the DB1 layout), or
kecamatan down and form rows across (transposed; tried automatically); numbering in its own
column(s) ("I", "A", "1") or combined ("I.A.1") or leading the label ("1. Jumlah ..."); the
LK/PR/JML marker in its own column or at the end of the label ("... (LK)"); merged label and
header cells; title rows above the table; signature rows below it.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from ..domain import JUMLAH, Region
from ..election import Election
from ..errors import ImportRefused
from ..forms import Form, FormRow
from .names import CODE_RE, Match, Matcher, find_code, normalize, regency_key
from .numbers import MAX_FIGURE, NumberProblem, parse_figure, short
from .reader import Sheet

ROMANS = ("I", "II", "III", "IV", "V")
MARKERS = {"L": "L", "LK": "L", "LAKI LAKI": "L", "LAKI": "L", "P": "P", "PR": "P", "PEREMPUAN": "P",
           "JML": "JML", "JUMLAH": "JML", "L P": "JML", "TOTAL": "JML", "LK PR": "JML"}
_SUFFIX_MARKER = re.compile(r"^(.*\S)\s+(LK|L|PR|P|JML|LAKI LAKI|PEREMPUAN|L P)$")
JUMLAH_HEADERS = {"JUMLAH", "JUMLAH AKHIR", "TOTAL", "JML", "JUMLAH TOTAL", "JUMLAH KABUPATEN", "JUMLAH KOTA",
                  "JUMLAH KABUPATEN KOTA", "JUMLAH KAB KOTA", "JUMLAH AKHIR KABUPATEN KOTA", "TOTAL KABUPATEN",
                  "JUMLAH SELURUH", "JUMLAH SELURUHNYA", "JUMLAH KECAMATAN"}
IGNORED_HEADERS = {"KETERANGAN", "KET", "CATATAN", "NO", "NOMOR", "URAIAN", "L P", "LK PR"}
_LEADING_NUMBER = re.compile(r"^\s*(IV|V|I{1,3}|[A-C]|\d{1,2})\s*[.)]\s*")
_COMBINED = re.compile(r"^(IV|V|I{1,3})(?:\s*[.]?\s*([A-C]))?(?:\s*[.]?\s*(\d{1,2}))?\s*\.?$")
_NUMBER_PREFIX = re.compile(r"^((?:IV|V|I{1,3})(?:\s*\.\s*[A-C])?(?:\s*\.\s*\d{1,2})?|[A-C]\s*\.\s*\d{1,2})\.?\s+(?=\S)")
_LETTER_NUMBER = re.compile(r"^([A-C])\s*[.]?\s*(\d{1,2})\s*\.?$")
#: a candidate pair named by its number ("paslon_3", "PASLON NO 3", "Pasangan Calon Nomor Urut 3"), normalised
_PAIR_LABEL = re.compile(r"^(?:(?:SUARA |PEROLEHAN SUARA )?(?:PASLON|PASANGAN CALON|CALON)(?: NO| NOMOR)?(?: URUT)?"
                         r"|(?:NO|NOMOR) URUT) 0*(\d{1,2})$")
_TITLE_REGENCY = re.compile(r"^(?:KABUPATEN\s*/\s*KOTA|KAB\s*/\s*KOTA|KABUPATEN|KOTA|KAB)\s*\.?\s*:\s*(.+)$", re.I)
_TITLE_PROVINCE = re.compile(r"^PROVINSI\s*:\s*(.+)$", re.I)


def cell_ref(r: int, c: int) -> str:
    """A1-style reference of a 0-based (row, column)."""
    return f"{get_column_letter(c + 1)}{r + 1}"


@dataclass
class Column:
    """A data column of the certificate: a kecamatan (kode) or the JUMLAH column."""

    index: int
    kode: str
    header: str
    match: str  # "code", "exact", "alias", "near", "jumlah"
    suggestions: tuple[Region, ...] = ()
    ref: str = ""  # the header cell, e.g. "E8"


@dataclass
class Found:
    """What was found on one sheet (before storing).

    Attributes:
        regency: the kabupaten/kota the certificate belongs to.
        columns: kecamatan columns in sheet order, then the JUMLAH column when present.
        values: {column code: {field key: int or None}} for every field found.
        field_rows: {field key: grid row index}.
        dashes, recomputed: cell references (original sheet coordinates) with field and column.
        near: columns whose header only nearly matches a kecamatan name.
        notes: other remarks for the report.
    """

    sheet: str
    transposed: bool
    regency: Region
    columns: list[Column]
    values: dict[str, dict[str, int | None]]
    field_rows: dict[str, int]
    dashes: list[dict] = field(default_factory=list)
    recomputed: list[dict] = field(default_factory=list)
    near: list[Column] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def score(self) -> int:
        return len(self.field_rows) * max(1, len(self.columns))


class NotACertificate(Exception):
    """The sheet holds no recognisable certificate table (skipped, reported)."""


class Context:
    """What the layout finder needs from the workspace: election, form, regions, aliases.

    Args:
        election: the workspace's election.
        regencies: the kabupaten/kota of the region set.
        kecamatan: {regency code: [kecamatan regions]}.
        aliases: accepted spellings {normalised alias: region code}.
        form: the certificate form the sheet is read against (default: the election's one form).
    """

    def __init__(self, election: Election, regencies: list[Region], kecamatan: dict[str, list[Region]],
                 aliases: dict[str, str], form: Form | None = None):
        self.election = election
        self.form = form or election.form
        self.regencies = regencies
        self.regency_by_code = {r.kode: r for r in regencies}
        self.kecamatan = kecamatan
        self.aliases = aliases
        self.all_kecamatan = [k for ks in kecamatan.values() for k in ks]
        self.province = Matcher(self.all_kecamatan, aliases)
        self.regency_names: dict[str, Region] = {}
        for r in regencies:
            self.regency_names.setdefault(regency_key(r.nama), r)
        self._synonyms = self._build_synonyms()
        self.figure_rows = self.form.figure_rows
        self.heading_rows = {normalize(label): number for label, number in self.form.headings.items()}
        self._label_cache: dict[tuple[str, str | None], tuple[str | None, float]] = {}
        self._own_cache: dict[tuple[str, str], float] = {}
        self._matchers: dict[str, Matcher] = {}

    def matcher(self, kode: str) -> Matcher:
        """Matcher over the kecamatan of one kabupaten/kota (cached)."""
        if kode not in self._matchers:
            self._matchers[kode] = Matcher(self.kecamatan.get(kode, []), self.aliases)
        return self._matchers[kode]

    def _build_synonyms(self) -> dict[str, str]:
        """{normalised label or synonym: form row number} (the form's accepted spellings)."""
        return {normalize(text): number for text, number in self.form.synonyms.items()}

    def synonym(self, label: str) -> str | None:
        """The form row a normalised label or synonym names exactly, or None."""
        return self._synonyms.get(label)

    def heading_prefix(self, label: str) -> str | None:
        """The block heading a label abbreviates ("PEROLEHAN SUARA" -> "IV"), or None."""
        if len(label.split()) < 2:
            return None
        hits = [num for text, num in self.heading_rows.items() if text == label or text.startswith(label + " ")]
        return hits[0] if len(hits) == 1 else None

    def own_score(self, label: str, number: str) -> float:
        """How much a label looks like form row ``number`` (best ratio against its label and synonyms)."""
        if self._synonyms.get(label) == number:
            return 1.0
        key = (label, number)
        if key not in self._own_cache:
            self._own_cache[key] = max(difflib.SequenceMatcher(None, label, s).ratio()
                                       for s, n in self._synonyms.items() if n == number)
        return self._own_cache[key]

    def label_row(self, label: str, block: str | None) -> tuple[str | None, float]:
        """Best form row for a label (exact synonym, else closest label in the block)."""
        if not label:
            return None, 0.0
        if label in self._synonyms:
            return self._synonyms[label], 1.0
        key = (label, block)
        if key not in self._label_cache:
            self._label_cache[key] = self._label_row(label, block)
        return self._label_cache[key]

    def _label_row(self, label: str, block: str | None) -> tuple[str | None, float]:
        best, score = None, 0.0
        for s, num in self._synonyms.items():
            if block and num.split(".")[0] != block:
                continue
            ratio = difflib.SequenceMatcher(None, label, s).ratio()
            if ratio > score:
                best, score = num, ratio
        return best, score


def _text(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


class Grid:
    """A sheet seen in one orientation, with merged header/label cells filled from their first cell."""

    def __init__(self, sheet: Sheet, transposed: bool):
        self.sheet = sheet
        self.transposed = transposed
        rows = sheet.rows
        if transposed:
            width = sheet.width
            rows = [[r[c] if c < len(r) else None for r in sheet.rows] for c in range(width)]
        self.rows = rows
        self.hidden_lines = sheet.hidden_cols if transposed else sheet.hidden_rows
        self.hidden_cols = sheet.hidden_rows if transposed else sheet.hidden_cols
        self.height = len(rows)
        self.width = max((len(r) for r in rows), default=0)
        self.fill: dict[tuple[int, int], Any] = {}
        for r0, c0, r1, c1 in sheet.merged:
            if transposed:
                r0, c0, r1, c1 = c0, r0, c1, r1
            v = self.raw(r0, c0)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.fill[(r, c)] = v

    def raw(self, r: int, c: int) -> Any:
        row = self.rows[r] if r < self.height else ()
        return row[c] if c < len(row) else None

    def view(self, r: int, c: int) -> Any:
        """The value shown for a header/label cell (merged cells repeat their first cell)."""
        v = self.raw(r, c)
        return self.fill.get((r, c)) if v is None else v

    def orig(self, r: int, c: int) -> tuple[int, int]:
        return (c, r) if self.transposed else (r, c)

    def ref(self, r: int, c: int) -> str:
        return cell_ref(*self.orig(r, c))


def header_score(grid: Grid, ctx: Context) -> tuple[int, int]:
    """(best count of kecamatan matches in one row, that row index)."""
    best, best_row = 0, -1
    quick = ctx.province.quick
    for r, row in enumerate(grid.rows):
        n = sum(1 for v in row if isinstance(v, str) and quick(v))
        n += sum(1 for (fr, _), v in grid.fill.items() if fr == r and isinstance(v, str) and quick(v)) if grid.fill else 0
        if n > best:
            best, best_row = n, r
    return best, best_row


def _looks_like_data(grid: Grid, hr: int, c: int) -> bool:
    """At least 3 figures below the header, one of them 50 or more (a numbering column holds 1-4)."""
    nums = []
    for r in range(hr + 1, grid.height):
        v = grid.raw(r, c)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            nums.append(v)
        elif isinstance(v, str) and re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+", v.strip()):
            nums.append(int(v.strip().replace(".", "")))
    return len(nums) >= 3 and max(nums) >= 50


def _is_jumlah(text: str) -> bool:
    return normalize(text) in JUMLAH_HEADERS


def find_certificate(sheet: Sheet, ctx: Context, file_name: str) -> Found:
    """Find the certificate on a sheet, trying both orientations.

    Raises:
        NotACertificate: no kecamatan header and form rows on this sheet.
        ImportRefused: the sheet is a certificate but something in it is refused (message names
            file, sheet, cell, what was found and what was expected).
    """
    normal, transposed = Grid(sheet, False), Grid(sheet, True)
    sn, rn = header_score(normal, ctx)
    st, rt = header_score(transposed, ctx)
    grid, hr = (transposed, rt) if st > sn else (normal, rn)
    if max(sn, st) == 0:
        raise NotACertificate(f"lembar {sheet.name}: tidak ada nama atau kode kecamatan")
    return _parse(grid, hr, ctx, file_name)


def _where(file_name: str, grid: Grid) -> str:
    return f"Berkas {file_name}, lembar {grid.sheet.name}"


@dataclass
class _Line:
    """The numbering, marker and label read from the label cells of one grid row."""

    roman: str | None = None
    letter: str | None = None
    number: str | None = None
    marker: str | None = None
    label: str = ""


def _read_line(cells: list[str]) -> _Line:
    """Split a row's label cells into numbering ("I", "A", "1", "I.A.1", "1." leading the label),
    the LK/PR/JML marker (own cell or end of the label) and the normalised label text."""
    ln = _Line()
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


def _data_start(grid: Grid, hr: int, ctx: Context) -> int:
    """First data column: the first kecamatan/JUMLAH header of the header row, moved left over headers
    that hold a code or figures (an unknown or misspelt first kecamatan must be refused or confirmed,
    never read as a label)."""
    first = min(c for c in range(grid.width) if isinstance(grid.view(hr, c), str)
                and (ctx.province.quick(grid.view(hr, c)) or _is_jumlah(grid.view(hr, c))))
    while first > 0:
        h = grid.view(hr, first - 1)
        if not isinstance(h, str) or not h.strip() or normalize(h) in IGNORED_HEADERS or normalize(h) in MARKERS:
            break
        if not (find_code(h) or _looks_like_data(grid, hr, first - 1)):
            break
        first -= 1
    return first


def _form_rows(grid: Grid, hr: int, first: int, ctx: Context, where: str, notes: list[str]) -> dict[str, int]:
    """{field key: grid row} for every form field found below the header row.

    Keeps the block (I-V) and sub-block (I.A/I.B) as it reads down; a row is a form row by its
    numbering within the block, else by its label; a marker-only row continues the row above.
    """
    e = ctx.election
    form = ctx.form
    n_pairs = len(form.contestants)
    field_rows: dict[str, int] = {}
    block: str | None = None
    sub: str | None = None
    last_row: FormRow | None = None
    for r in range(hr + 1, grid.height):
        cells = [_text(grid.view(r, c)) for c in range(first)]
        ln = _read_line(cells)
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
        has_data = any(grid.raw(r, c) is not None for c in range(first, grid.width))
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
                notes.append(f"baris tersembunyi {grid.ref(r, 0)} mengulang isian {fld.key}; tidak dipakai")
                continue
            if before not in grid.hidden_lines:
                raise ImportRefused(
                    f"{where}, sel {grid.ref(r, 0)}: isian {form.field_label(fld.key)} muncul dua kali (juga di "
                    f"{grid.ref(before, 0)}); diharapkan satu baris per isian.", "duplicate_field")
            notes.append(f"baris tersembunyi {grid.ref(before, 0)} mengulang isian {fld.key}; tidak dipakai")
        field_rows[fld.key] = r
    return field_rows


def _parse(grid: Grid, hr: int, ctx: Context, file_name: str) -> Found:
    e = ctx.election
    where = _where(file_name, grid)
    first = _data_start(grid, hr, ctx)
    notes: list[str] = []
    field_rows = _form_rows(grid, hr, first, ctx, where, notes)
    if not field_rows:
        raise NotACertificate(f"lembar {grid.sheet.name}: tidak ada baris formulir yang dikenali")
    first_field_row = min(field_rows.values())

    # --- title rows: province, regency, election
    titles = []
    srows = grid.sheet.rows
    for r in range(0, first if grid.transposed else hr):
        texts = [(c, _text(v)) for c, v in enumerate(srows[r]) if isinstance(v, str) and v.strip()]
        if texts:
            titles.append((r, texts[0][0], " ".join(t for _, t in texts)))
    title_regency = _title_checks(titles, grid, ctx, where)

    name_rows: dict[int, int] = {}
    cols_raw = _header_columns(grid, hr, first, first_field_row, field_rows, ctx, where, notes, name_rows)
    # --- which regency
    codes = {code for _, _, code, _ in cols_raw if code}
    for code in sorted(codes):
        if not code.startswith(e.province_code + "."):
            raise ImportRefused(f"{where}: kode kecamatan {code} bukan wilayah provinsi {e.province_name} "
                                f"(kode {e.province_code}); berkas ini untuk provinsi lain.", "wrong_province")
    votes: dict[str, int] = {}
    for _c, name, code, is_j in cols_raw:
        if code:
            parent = code.rsplit(".", 1)[0]
            votes[parent] = votes.get(parent, 0) + 1
        elif not is_j:
            k = ctx.province.quick(name)
            if k:
                votes[k.kode_induk] = votes.get(k.kode_induk, 0) + 1
    by_kec = max(votes, key=lambda k: votes[k]) if votes else None
    if title_regency and by_kec and title_regency.kode != by_kec and votes.get(title_regency.kode, 0) < votes[by_kec]:
        other = ctx.regency_by_code.get(by_kec)
        raise ImportRefused(
            f"{where}: judul menyebut {title_regency.nama} ({title_regency.kode}), tetapi kecamatan di tabel milik "
            f"{other.nama if other else by_kec} ({by_kec}); diharapkan satu kabupaten/kota yang sama.",
            "wrong_regency")
    regency = title_regency or ctx.regency_by_code.get(by_kec or "")
    if regency is None:
        raise ImportRefused(f"{where}: kabupaten/kota tidak dapat ditentukan (tidak ada judul \"KABUPATEN/KOTA : ...\" "
                            "dan kecamatannya tidak dikenal).", "unknown_regency")

    # --- match columns within the regency
    matcher = ctx.matcher(regency.kode)
    columns: list[Column] = []
    near: list[Column] = []
    seen: dict[str, int] = {}
    jumlah_col = None
    for c, name, code, is_j in cols_raw:
        if is_j:
            if jumlah_col is not None:
                raise ImportRefused(f"{where}, sel {grid.ref(hr, c)}: kolom JUMLAH kedua (yang pertama di "
                                    f"{grid.ref(hr, jumlah_col.index)}); diharapkan satu kolom JUMLAH.",
                                    "duplicate_kecamatan")
            jumlah_col = Column(c, JUMLAH, name or JUMLAH, "jumlah")
            continue
        m: Match = matcher.match(code or name)
        shown = code or name
        hidden = c in grid.hidden_cols
        if hidden and (m.kind in ("none", "near") or m.region.kode in seen):
            notes.append(f"kolom tersembunyi {grid.ref(hr, c)} (\"{short(shown)}\") tidak dipakai")
            continue
        if m.kind == "none":
            hint = ""
            if code and code in ctx.province.by_code:
                hint = f" ({ctx.province.by_code[code].nama} milik kabupaten/kota lain)"
            elif m.suggestions:
                hint = "; yang terdekat: " + ", ".join(f"{s.nama} ({s.kode})" for s in m.suggestions)
            raise ImportRefused(f"{where}, sel {grid.ref(name_rows.get(c, hr), c)}: kecamatan \"{short(shown)}\" "
                                f"tidak dikenal di "
                                f"{regency.nama}{hint}; diharapkan nama atau kode kecamatan {regency.nama} "
                                f"menurut daftar wilayah {e.region_set}.", "unknown_kecamatan")
        col = Column(c, m.region.kode, name or m.region.nama, m.kind, m.suggestions, grid.ref(name_rows.get(c, hr), c))
        if col.kode in seen and seen[col.kode] in grid.hidden_cols:
            notes.append(f"kolom tersembunyi {grid.ref(hr, seen[col.kode])} (\"{short(shown)}\") tidak dipakai")
            columns = [x for x in columns if x.kode != col.kode]
            near = [x for x in near if x.kode != col.kode]
        elif col.kode in seen:
            raise ImportRefused(f"{where}, sel {grid.ref(hr, c)}: kecamatan {m.region.nama} ({m.region.kode}) "
                                f"muncul dua kali (juga di {grid.ref(hr, seen[col.kode])}); diharapkan satu kolom "
                                "per kecamatan.", "duplicate_kecamatan")
        seen[col.kode] = c
        columns.append(col)
        if m.kind == "near":
            near.append(col)
    if not columns:
        raise NotACertificate(f"lembar {grid.sheet.name}: tidak ada kolom kecamatan")
    if jumlah_col is not None:
        columns.append(jumlah_col)

    found = Found(grid.sheet.name, grid.transposed, regency, columns, {}, field_rows, near=near, notes=notes)
    hidden_read = [f"kolom {grid.ref(hr, c.index)}" for c in columns if c.index in grid.hidden_cols] + [
        f"baris {grid.ref(r, 0)}" for r in sorted(field_rows.values()) if r in grid.hidden_lines]
    if hidden_read:
        found.notes.append("baris/kolom tersembunyi ikut dibaca (sel pertama): " + ", ".join(hidden_read))
    _read_values(grid, found, ctx, where)
    return found


def _header_columns(grid: Grid, hr: int, first: int, first_field_row: int, field_rows: dict[str, int],
                    ctx: Context, where: str, notes: list[str],
                    name_rows: dict[int, int] | None = None) -> list[tuple[int, str, str | None, bool]]:
    """The data columns with their header: [(column, header text, code or None, is the JUMLAH column)].

    ``name_rows``, when given, is filled with {column: grid row of the header text} for messages.

    A column's header is read from the header row and up to 3 rows above it (merged cells count);
    columns without header and without figures are skipped, a column with figures but no header is
    refused, a hidden column that is no kecamatan is skipped and reported.
    """
    zone = range(max(0, hr - 3), min(first_field_row, hr + 3))
    out: list[tuple[int, str, str | None, bool]] = []
    for c in range(first, grid.width):
        at = [(r, _text(grid.view(r, c))) for r in zone]
        at = [(r, t) for r, t in at if t]
        texts = [t for _, t in at]
        code = next((find_code(t) for t in texts if find_code(t)), None)
        name = _text(grid.view(hr, c))
        is_j = any(_is_jumlah(t) for t in texts) and not (code or ctx.province.quick(name))
        if is_j and not name:
            name = next(t for t in texts if _is_jumlah(t))
        has_data = any(grid.raw(r, c) is not None or grid.orig(r, c) in grid.sheet.missing
                       for r in field_rows.values())
        if not (name or code or is_j):
            others = [t for t in texts if normalize(t) not in IGNORED_HEADERS]
            name = others[-1] if others else ""  # the header text nearest the header row
            if name and name_rows is not None:
                name_rows[c] = max(r for r, t in at if t == name)
        if c in grid.hidden_cols and not (code or is_j or ctx.province.quick(name)):
            if has_data:
                notes.append(f"kolom tersembunyi {grid.ref(hr, c)} (\"{short(name)}\") tidak dipakai")
            continue
        if not (code or is_j) and (not name or normalize(name) in IGNORED_HEADERS):
            if has_data and not name:
                raise ImportRefused(
                    f"{where}, sel {grid.ref(hr, c)}: kolom berisi angka tetapi tanpa judul; diharapkan nama atau "
                    "kode kecamatan, atau JUMLAH.", "unknown_kecamatan")
            continue
        if not has_data and not code and not is_j and not ctx.province.quick(name):
            continue  # unrelated text beside the table
        if not has_data and grid.raw(hr, c) is None and (hr, c) in grid.fill:
            continue  # a wide merged header over an empty column
        if code:  # a name written beside the code (same cell or another header cell) must name the same kecamatan
            for tr, t in at:
                if find_code(t):
                    t = " ".join(CODE_RE.sub(" ", t).split()).strip(" -:.")  # "33.75.01 PEKALONGAN SELATAN"
                if not t or _is_jumlah(t) or find_code(t):
                    continue
                m = ctx.matcher(code.rsplit(".", 1)[0]).match(t)
                if m.kind in ("exact", "alias") and m.region.kode != code:
                    own = ctx.province.by_code.get(code)
                    raise ImportRefused(
                        f"{where}, sel {grid.ref(tr, c)}: kode {code} dan nama \"{short(t)}\" tidak cocok: {code} adalah "
                        f"{own.nama if own else 'kecamatan lain'}, sedangkan {m.region.nama} berkode {m.region.kode}; "
                        "diharapkan kode dan nama kecamatan yang sama.", "unknown_kecamatan")
        out.append((c, name, code, is_j))
    return out


def _title_checks(titles, grid: Grid, ctx: Context, where: str) -> Region | None:
    """Check the province, election and regency named in the title rows; return the regency named.

    ``titles``: (original row, original column of its first text, the row's texts joined).
    Raises ImportRefused (wrong_province, wrong_regency, wrong_election).
    """
    e = ctx.election
    regency = None
    year = e.polling_day[:4]
    kinds = {"pilpres": ("PRESIDEN",), "pilgub": ("GUBERNUR",)}
    foreign = {"PRESIDEN": "pilpres", "GUBERNUR": "pilgub", "BUPATI": "pilbup", "WALIKOTA": "pilwalkot",
               "WALI KOTA": "pilwalkot"}
    for r, c, text in titles:
        t = " ".join(text.split())
        m = _TITLE_PROVINCE.match(t)
        if m and normalize(m.group(1)) and normalize(m.group(1)) != normalize(e.province_name):
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: ditemukan \"{short(t, 120)}\", diharapkan provinsi "
                                f"{e.province_name}; berkas ini untuk provinsi lain.", "wrong_province")
        m = _TITLE_REGENCY.match(t)
        if m:
            key = regency_key(m.group(1))
            if t.upper().startswith("KOTA") and not key.startswith("KOTA"):
                key = "KOTA " + key
            code = re.search(r"\b(\d{2})\.(\d{2})\b", m.group(1))
            named = (ctx.regency_by_code.get(f"{code.group(1)}.{code.group(2)}") if code else None) \
                or ctx.regency_names.get(key) \
                or next((g for k, g in ctx.regency_names.items() if key.startswith(k + " ")), None)
            regency = named or regency
            if key and named is None:
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: kabupaten/kota \"{short(m.group(1))}\" tidak ada "
                                    f"di provinsi {e.province_name}; diharapkan salah satu dari 35 kabupaten/kota "
                                    "daftar wilayah.", "wrong_regency")
        n = normalize(t)
        idm = re.match(r"^ID PEMILIHAN\s*:\s*(\S+)", t, re.I)
        if idm and idm.group(1) != e.id:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: id pemilihan \"{short(idm.group(1))}\", diharapkan {e.id} "
                                f"({e.name}); berkas ini untuk pemilihan lain.", "wrong_election")
        if idm:
            continue
        if "PEMILIHAN" in n or "PEMILU" in n:
            for word, kind in foreign.items():
                if f" {word}" in f" {n}" and word not in kinds.get(e.kind, ()) and kind != e.kind:
                    if "PRESIDEN" in n and e.kind == "pilpres":
                        continue
                    raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul \"{short(t, 120)}\" menyebut pemilihan lain; "
                                        f"diharapkan {e.name}.", "wrong_election")
            years = re.findall(r"\b(?:19|20)\d{2}\b", n)
            if years and year not in years:
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul menyebut tahun {years[0]}, diharapkan "
                                    f"{e.name} (tahun {year}).", "wrong_election")
        form = e.form_name("kabupaten_kota")
        fm = re.search(r"\b(DB1|D HASIL KABUPATEN KOTA|DC1|DA1)\s+(KWK|PPWP|DPR|DPD|DPRD[A-Z ]*)\b", n)
        if fm and normalize(form).split()[-1] != fm.group(2).split()[0]:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: formulir \"{short(t, 80)}\" bukan {form}; berkas ini untuk "
                                f"pemilihan lain (diharapkan {e.name}).", "wrong_election")
    return regency


def _read_values(grid: Grid, found: Found, ctx: Context, where: str) -> None:
    form = ctx.form
    problems = []
    missing_formula: dict[tuple[str, str], str] = {}
    missing = grid.sheet.missing
    for col in found.columns:
        vals = found.values.setdefault(col.kode, {})
        for key, r in found.field_rows.items():
            raw = grid.raw(r, col.index)
            if raw is None or isinstance(raw, int) and not isinstance(raw, bool) and 0 <= raw <= MAX_FIGURE:
                if not missing or grid.orig(r, col.index) not in missing:
                    vals[key] = raw  # the common cases, without the parser
                    continue
            orig = grid.orig(r, col.index)
            if orig in missing:
                missing_formula[(col.kode, key)] = cell_ref(*orig)
                vals[key] = None
                continue
            try:
                p = parse_figure(raw)
            except NumberProblem as exc:
                if exc.error is not None:
                    made = f" (hasil rumus \"{short(exc.error.formula)}\")" if exc.error.formula else ""
                    problems.append(f"sel {cell_ref(*orig)} ({form.field_label(key)}, {short(col.header)}) berisi galat "
                                    f"{exc.error}{made}; diharapkan {exc.expected}")
                else:
                    problems.append(f"sel {cell_ref(*orig)} ({form.field_label(key)}, {short(col.header)}): ditemukan "
                                    f"{exc.found}; diharapkan {exc.expected}")
                continue
            vals[key] = p.value
            if p.dash:
                found.dashes.append({"cell": cell_ref(*orig), "field": key, "kolom": col.kode})
    if problems:
        more = f" (dan {len(problems) - 8} sel lain)" if len(problems) > 8 else ""
        raise ImportRefused(f"{where}: " + "; ".join(problems[:8]) + more + ".", "bad_number")
    # formulas without a saved result: recompute derived cells from the form's definition
    kec = [c.kode for c in found.columns if c.kode != JUMLAH]
    pending = dict(missing_formula)
    changed = True
    while changed:
        changed = False
        for (kolom, key), ref in list(pending.items()):
            if kolom == JUMLAH:
                parts_pending = any((k, key) in pending for k in kec)
                if parts_pending:
                    continue
                vals = [found.values[k].get(key) for k in kec]
                how = "jumlah kolom kecamatan"
            else:
                fld = form.field_by_key[key]
                if not fld.parts:
                    continue
                if any((kolom, p) in pending for p in fld.parts):
                    continue
                vals = [found.values[kolom].get(p) for p in fld.parts]
                how = " + ".join(fld.parts)
            present = [v for v in vals if v is not None]
            found.values[kolom][key] = sum(present) if present else None
            found.recomputed.append({"cell": ref, "field": key, "kolom": kolom, "value": found.values[kolom][key],
                                     "rumus": grid.sheet.missing.get(_unref(ref), ""), "dihitung": how})
            del pending[(kolom, key)]
            changed = True
    if pending:
        headers = {c.kode: c.header for c in found.columns}
        items = "; ".join(f"sel {ref} ({form.field_label(key)}, {short(headers[kolom])}) berisi rumus "
                          f"\"{short(grid.sheet.missing.get(_unref(ref), ''))}\""
                          for (kolom, key), ref in list(pending.items())[:8])
        raise ImportRefused(f"{where}: {items} tanpa hasil tersimpan, dan isian ini bukan jumlah yang dapat "
                            "dihitung ulang; diharapkan angka. Buka berkas di program lembar kerja, simpan, lalu "
                            "impor lagi.", "formula_without_value")


def _unref(ref: str) -> tuple[int, int]:
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    col, row = coordinate_from_string(ref)
    return row - 1, column_index_from_string(col) - 1
