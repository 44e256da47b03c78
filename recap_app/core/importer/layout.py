"""Finding the certificate in a grid: the form's rows by label and numbering, the kecamatan
columns by code or name, the JUMLAH column, the regency, and every figure.

Layouts read (see docs/import.md): form rows down and kecamatan across (the DB1 layout), or
kecamatan down and form rows across (transposed; tried automatically); numbering in its own
column(s) ("I", "A", "1") or combined ("I.A.1") or leading the label ("1. Jumlah ..."); the
LK/PR/JML marker in its own column or at the end of the label ("... (LK)"); merged label and
header cells; title rows above the table; signature rows below it.
"""

from __future__ import annotations

from ..domain import JUMLAH
from ..errors import ImportRefused
from .columns import data_start, header_columns, header_scores
from .context import Column, Context, Found, NotACertificate
from .grid import Grid, cell_text
from .lists import find_list_rows, is_list_form
from .names import Match, find_code
from .numbers import short
from .reader import Sheet
from .rows import find_form_rows
from .titles import check_district_title, check_titles
from .values import read_values

__all__ = ["Column", "Context", "Found", "NotACertificate", "find_certificate"]


def find_certificate(sheet: Sheet, ctx: Context, file_name: str) -> Found:
    """Find the certificate on a sheet, trying both orientations.

    Raises:
        NotACertificate: no kecamatan header and form rows on this sheet.
        ImportRefused: the sheet is a certificate but something in it is refused (message names
            file, sheet, cell, what was found and what was expected).
    """
    normal = Grid(sheet, False)
    (sn, rn), (st, rt) = header_scores(normal, ctx)  # both orientations from one reading of the cells
    if max(sn, st) == 0:
        raise NotACertificate(f"lembar {sheet.name}: tidak ada nama atau kode kecamatan")
    grid, hr = (Grid(sheet, True), rt) if st > sn else (normal, rn)
    return _parse(grid, hr, ctx, file_name)


def _where(file_name: str, grid: Grid) -> str:
    return f"Berkas {file_name}, lembar {grid.sheet.name}"


def _title_rows(grid: Grid, hr: int, first: int) -> list[tuple[int, int, str]]:
    """The title rows above the table: (original row, column of its first text, its texts joined)."""
    titles = []
    srows = grid.sheet.rows
    for r in range(0, first if grid.transposed else hr):
        texts = [(c, cell_text(v)) for c, v in enumerate(srows[r]) if isinstance(v, str) and v.strip()]
        if texts:
            titles.append((r, texts[0][0], " ".join(t for _, t in texts)))
    return titles


def _regency_first(grid: Grid, hr: int, first: int, titles, ctx: Context, where: str):
    """The kabupaten/kota of a sheet before its rows are read (a contest with several districts:
    the rows are read against the regency's district form): the kecamatan named or coded in the
    header rows, else the title. Raises ImportRefused (unknown_regency, the title checks)."""
    either: list = []
    title_regency = check_titles(titles, grid, ctx, where, either)
    votes: dict[str, int] = {}
    for c in range(first, grid.width):
        texts = [cell_text(grid.view(r, c)) for r in range(max(0, hr - 3), min(grid.height, hr + 3))]
        code = next((find_code(t) for t in texts if find_code(t)), None)
        if code:
            parent = code.rsplit(".", 1)[0]
        else:
            k = ctx.province.quick(cell_text(grid.view(hr, c)))
            parent = k.kode_induk if k else None
        if parent:
            votes[parent] = votes.get(parent, 0) + 1
    by_kec = max(votes, key=lambda k: votes[k]) if votes else None
    if either and title_regency is None:
        title_regency = _either_of(either, by_kec, ctx, where)
    regency = ctx.regency_by_code.get(by_kec or "") or title_regency
    if regency is None:
        raise ImportRefused(f"{where}: kabupaten/kota tidak dapat ditentukan (tidak ada judul \"KABUPATEN/KOTA : ...\" "
                            "dan kecamatannya tidak dikenal).", "unknown_regency")
    return regency


def _either_of(either: list, by_kec: str | None, ctx: Context, where: str):
    """Which of the two regions a title names ambiguously ("KABUPATEN/KOTA : SEMARANG") the sheet
    is (``either``: the two regions and the title's text, :func:`.titles.check_titles`): the one its
    kecamatan belong to. Raises ImportRefused: the kecamatan belong to neither
    ("wrong_regency"), or are not known ("unknown_regency"), quoting the title as written."""
    said = either[2]
    both = f"{either[0].nama} ({either[0].kode}) atau {either[1].nama} ({either[1].kode})"
    if by_kec in (either[0].kode, either[1].kode):
        return either[0] if by_kec == either[0].kode else either[1]
    if by_kec is None:
        raise ImportRefused(f"{where}: judul \"{short(' '.join(said.split()), 80)}\" dapat berarti {both}, dan "
                            "kecamatan di tabel tidak dikenal; diharapkan judul dengan nama lengkap (\"KABUPATEN "
                            "...\" atau \"KOTA ...\") atau kecamatan yang dikenal.", "unknown_regency")
    other = ctx.regency_by_code.get(by_kec)
    raise ImportRefused(f"{where}: judul \"{short(' '.join(said.split()), 80)}\" menyebut {both}, tetapi kecamatan "
                        f"di tabel milik {other.nama if other else by_kec} ({by_kec}); diharapkan satu "
                        "kabupaten/kota yang sama.", "wrong_regency")


def _parse(grid: Grid, hr: int, ctx: Context, file_name: str) -> Found:
    e = ctx.election
    where = _where(file_name, grid)
    first = data_start(grid, hr, ctx)
    notes: list[str] = []
    titles = _title_rows(grid, hr, first)
    hint = None
    title_regency = None
    either: list = []  # "KABUPATEN/KOTA : SEMARANG": Kabupaten or Kota Semarang, the kecamatan decide
    if ctx.multi:  # several district forms: the regency first, then its district's rows
        hint = _regency_first(grid, hr, first, titles, ctx, where)
        ctx = ctx.for_region(hint.kode)
        check_district_title(titles, ctx, hint, where)
    else:  # the titles before the rows: a sheet of another election is refused as that, not by its rows
        title_regency = check_titles(titles, grid, ctx, where, either)
    near_candidates: list = []
    if is_list_form(ctx):
        field_rows = find_list_rows(grid, hr, first, ctx, where, notes, near_candidates, hint)
    else:
        field_rows = find_form_rows(grid, hr, first, ctx, where, notes)
    if not field_rows:
        raise NotACertificate(f"lembar {grid.sheet.name}: tidak ada baris formulir yang dikenali")
    first_field_row = min(field_rows.values())

    # --- title rows: province, regency, election
    if ctx.multi:
        title_regency = check_titles(titles, grid, ctx, where, either)

    name_rows: dict[int, int] = {}
    cols_raw = header_columns(grid, hr, first, first_field_row, field_rows, ctx, where, notes, name_rows)
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
    if either and title_regency is None:
        title_regency = _either_of(either, by_kec, ctx, where)
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
            earlier = next(x for x in columns if x.kode == col.kode)
            if m.kind == "near" or earlier.match == "near":  # a name that only resembles one already there
                odd, other = (col, earlier) if m.kind == "near" else (earlier, col)
                raise ImportRefused(
                    f"{where}, sel {odd.ref or grid.ref(hr, odd.index)}: kecamatan \"{short(odd.header)}\" tidak "
                    f"dikenal di {regency.nama}; namanya hanya mirip {m.region.nama} ({m.region.kode}), yang sudah "
                    f"ada di sel {other.ref or grid.ref(hr, other.index)}. Diharapkan nama atau kode kecamatan "
                    f"{regency.nama} menurut daftar wilayah {e.region_set}.", "unknown_kecamatan")
            raise ImportRefused(f"{where}, sel {grid.ref(hr, c)}: kecamatan {m.region.nama} ({m.region.kode}) "
                                f"muncul dua kali (juga di {grid.ref(hr, seen[col.kode])}); diharapkan satu kolom "
                                "per kecamatan.", "duplicate_kecamatan")
        seen[col.kode] = c
        columns.append(col)
        if m.kind == "near":
            near.append(col)
    if not columns:
        raise NotACertificate(f"lembar {grid.sheet.name}: tidak ada kolom kecamatan")
    _refuse_second_block(grid, max(field_rows.values()), matcher, {c.kode for c in columns}, regency, where)
    if jumlah_col is not None:
        columns.append(jumlah_col)

    if hint is not None and regency.kode != hint.kode:
        raise ImportRefused(f"{where}: kabupaten/kota lembar ini tidak dapat ditentukan dengan pasti ({hint.nama} "
                            f"menurut kepala kolom, {regency.nama} menurut isinya); diharapkan satu kabupaten/kota.",
                            "wrong_regency")
    found = Found(grid.sheet.name, grid.transposed, regency, columns, {}, field_rows, near=near, notes=notes,
                  near_candidates=near_candidates, form=ctx.form)
    hidden_read = [f"kolom {grid.ref(hr, c.index)}" for c in columns if c.index in grid.hidden_cols] + [
        f"baris {grid.ref(r, 0)}" for r in sorted(field_rows.values()) if r in grid.hidden_lines]
    if hidden_read:
        found.notes.append("baris/kolom tersembunyi ikut dibaca (sel pertama): " + ", ".join(hidden_read))
    read_values(grid, found, ctx, where)
    return found


def _refuse_second_block(grid: Grid, last_row: int, matcher, taken: set[str], regency, where: str) -> None:
    """Refuse a sheet that holds, below the table's last form row, a second header row naming two or
    more kecamatan of the regency that the table's columns do not hold: the table printed in two
    blocks, one under the other (a wide regency on two pages). Reading the first block alone would
    store part of the certificate and a JUMLAH of that part.

    Raises:
        ImportRefused: "split_table", naming the second header's first cell and its kecamatan.
    """
    for r in range(last_row + 1, grid.height):
        others: dict[str, tuple[int, str]] = {}
        for c, v in enumerate(grid.rows[r]):
            if isinstance(v, str) and v.strip():
                region = matcher.sure(v)
                if region is not None and region.kode not in taken:
                    others.setdefault(region.kode, (c, region.nama))
        if len(others) >= 2:
            first = min(c for c, _ in others.values())
            names = ", ".join(n for _, n in sorted(others.values()))
            raise ImportRefused(
                f"{where}, sel {grid.ref(r, first)}: di bawah tabel ada tabel kedua dengan kecamatan {regency.nama} "
                f"lain ({short(names)}); diharapkan satu tabel dengan semua kecamatan berdampingan. Gabungkan kedua "
                "bagian menjadi satu tabel, simpan, lalu impor lagi.", "split_table")
