"""The data columns on a sheet: the header row, kecamatan by code or name, the JUMLAH column."""

from __future__ import annotations

import re

from ..errors import ImportRefused
from .context import Context
from .grid import Grid, cell_text
from .names import CODE_RE, find_code, normalize
from .numbers import short
from .rows import MARKERS

JUMLAH_HEADERS = {"JUMLAH", "JUMLAH AKHIR", "TOTAL", "JML", "JUMLAH TOTAL", "JUMLAH KABUPATEN", "JUMLAH KOTA",
                  "JUMLAH KABUPATEN KOTA", "JUMLAH KAB KOTA", "JUMLAH AKHIR KABUPATEN KOTA", "TOTAL KABUPATEN",
                  "JUMLAH SELURUH", "JUMLAH SELURUHNYA", "JUMLAH KECAMATAN"}
IGNORED_HEADERS = {"KETERANGAN", "KET", "CATATAN", "NO", "NOMOR", "URAIAN", "L P", "LK PR"}
#: headings of a remarks column (DB1 forms end with one): its cells are never figures of the certificate
REMARK_HEADERS = {"KETERANGAN", "KET", "CATATAN"}


def header_score(grid: Grid, ctx: Context) -> tuple[int, int]:
    """(best count of kecamatan matches in one row, that row index): the header row's candidate.
    A cell counts when it holds a text naming or coding a kecamatan of the province, a merged
    cell as its first cell; the first row of the best count wins; (0, -1) when none."""
    return header_scores(grid, ctx)[0]


def header_scores(grid: Grid, ctx: Context) -> tuple[tuple[int, int], tuple[int, int]]:
    """:func:`header_score` of ``grid`` and of the same sheet turned (rows as columns), from one
    reading of its cells: ((count, row), (count, column)), exactly what ``header_score`` gives on
    ``grid`` and on ``Grid(sheet, not grid.transposed)``, without building the turned grid."""
    quick = ctx.province.quick
    rows = [0] * grid.height
    cols = [0] * grid.width
    for r, row in enumerate(grid.rows):
        n = 0
        for c, v in enumerate(row):
            if isinstance(v, str) and quick(v):
                n += 1
                cols[c] += 1
        rows[r] = n
    for (r, c), v in grid.fill.items():  # merged cells: each as its first cell (turned: the same cells)
        if isinstance(v, str) and (r < len(rows) or c < len(cols)) and quick(v):
            if r < len(rows):
                rows[r] += 1
            if c < len(cols):
                cols[c] += 1

    def best(counts: list[int]) -> tuple[int, int]:
        top = max(counts, default=0)
        return (top, counts.index(top)) if top > 0 else (0, -1)

    return best(rows), best(cols)


def looks_like_data(grid: Grid, hr: int, c: int) -> bool:
    """At least 3 figures below the header, one of them 50 or more (a numbering column holds 1-4)."""
    nums = []
    for r in range(hr + 1, grid.height):
        v = grid.raw(r, c)
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            nums.append(v)
        elif isinstance(v, str) and re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+|[0-9]+", v.strip()):
            nums.append(int(v.strip().replace(".", "")))
    return len(nums) >= 3 and max(nums) >= 50


def is_jumlah(text: str) -> bool:
    return normalize(text) in JUMLAH_HEADERS


def data_start(grid: Grid, hr: int, ctx: Context) -> int:
    """First data column: the first kecamatan/JUMLAH header of the header row, moved left over headers
    that hold a code or figures (an unknown or misspelt first kecamatan must be refused or confirmed,
    never read as a label)."""
    first = min(c for c in range(grid.width) if isinstance(grid.view(hr, c), str)
                and (ctx.province.quick(grid.view(hr, c)) or is_jumlah(grid.view(hr, c))))
    while first > 0:
        h = grid.view(hr, first - 1)
        if not isinstance(h, str) or not h.strip() or normalize(h) in IGNORED_HEADERS or normalize(h) in MARKERS:
            break
        if not (find_code(h) or looks_like_data(grid, hr, first - 1)):
            break
        first -= 1
    return first


def header_columns(grid: Grid, hr: int, first: int, first_field_row: int, field_rows: dict[str, int],
                    ctx: Context, where: str, notes: list[str],
                    name_rows: dict[int, int] | None = None) -> list[tuple[int, str, str | None, bool]]:
    """The data columns with their header: [(column, header text, code or None, is the JUMLAH column)].

    ``name_rows``, when given, is filled with {column: grid row of the header text} for messages.

    A column's header is read from the header row and up to 3 rows above it (merged cells count);
    columns without header and without figures are skipped, a column with figures but no header is
    refused, a hidden column that is no kecamatan is skipped and reported, and so is a remarks
    column (:data:`REMARK_HEADERS` on the header row or above it) that holds anything.
    """
    zone = range(max(0, hr - 3), min(first_field_row, hr + 3))
    out: list[tuple[int, str, str | None, bool]] = []
    for c in range(first, grid.width):
        at = [(r, cell_text(grid.view(r, c))) for r in zone]
        at = [(r, t) for r, t in at if t]
        texts = [t for _, t in at]
        code = next((find_code(t) for t in texts if find_code(t)), None)
        name = cell_text(grid.view(hr, c))
        is_j = any(is_jumlah(t) for t in texts) and not (code or ctx.province.quick(name))
        if is_j and not name:
            name = next(t for t in texts if is_jumlah(t))
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
            remark = next((t for t in reversed(texts) if normalize(t) in REMARK_HEADERS), None)
            if remark is not None and (not name or normalize(name) in REMARK_HEADERS):
                # a remarks column, headed on the header row or above it (merged or not): not figures
                if has_data:
                    row = next(r for r, t in at if t == remark)  # where it was typed (a merge's first cell)
                    notes.append(f"kolom {grid.ref(row, c)} (\"{short(remark)}\") berisi keterangan, bukan angka "
                                 "kecamatan; tidak dipakai")
                continue
            if has_data and not name:
                raise ImportRefused(
                    f"{where}, sel {grid.ref(hr, c)}: kolom berisi angka tetapi tanpa judul; diharapkan nama atau "
                    "kode kecamatan, atau JUMLAH.", "unknown_kecamatan")
            continue
        if not has_data and not code and not is_j and not ctx.province.quick(name):
            if name and name == cell_text(grid.view(hr, c)) and normalize(name) not in MARKERS:
                # a heading on the header row over an empty column: said, never dropped without a word
                notes.append(f"kolom {grid.ref(hr, c)} berjudul \"{short(name)}\" tanpa angka tidak dipakai: nama itu "
                             "tidak ada di daftar wilayah")
            continue  # unrelated text beside the table
        if not has_data and grid.raw(hr, c) is None and (hr, c) in grid.fill:
            continue  # a wide merged header over an empty column
        if code:  # a name written beside the code (same cell or another header cell) must name the same kecamatan
            for tr, t in at:
                if find_code(t):
                    t = " ".join(CODE_RE.sub(" ", t).split()).strip(" -:.")  # "33.75.01 PEKALONGAN SELATAN"
                if not t or is_jumlah(t) or find_code(t):
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
