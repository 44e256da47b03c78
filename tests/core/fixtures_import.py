"""Builders of regency certificate workbooks for the import tests and the benchmark.

A certificate is described by (election, regency name, columns [(kode, nama)], values
{kode or "JUMLAH": {field: value}}) and laid out as a grid (list of rows) in the DB1 layout
(form rows down, kecamatan across) or transposed; writers turn a grid into xlsx, xls, ods or csv.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from recap_app.core.election import Election
from recap_app.core.importer.template import fill_template  # noqa: F401 (re-exported for tests and bench)

SEX_MARK = {"L": "LK", "P": "PR", "JML": "JML"}


@dataclass
class Grid:
    """A laid-out sheet: rows of values, merged ranges (1-based r0, c0, r1, c1), hidden rows/cols (1-based)."""

    rows: list[list]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: list[int] = field(default_factory=list)
    hidden_cols: list[int] = field(default_factory=list)
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # 1-based (row, col) -> "=..."
    name: str = "DB1-PPWP"


def fmt_value(v, numbers: str):
    """A figure as the regency typed it: int, text with dot thousands ("12.096"), or float."""
    if v is None:
        return None
    if numbers == "text":
        return f"{v:,}".replace(",", ".")
    if numbers == "float":
        return float(v)
    return v


def db1_grid(e: Election, regency: str, columns: list[tuple[str, str]], values: dict, *,
             header: str = "name", numbers: str = "int", marker: str = "column", jumlah: bool = True,
             province: str = "JAWA TENGAH", title: str | None = None, title_rows: bool = True,
             extra_cols: list[tuple[str, dict]] = ()) -> Grid:
    """The DB1 layout: title rows, NO/URAIAN/L/P columns, one column per kecamatan, JUMLAH AKHIR.

    header: "name", "code" (codes only) or "both" (code row above name row).
    marker: "column" (LK/PR/JML in its own column) or "label" ("... (LK)" at the end of the label).
    extra_cols: additional (header, {field: value}) columns after the kecamatan (e.g. duplicates).
    """
    rows: list[list] = []
    merged = []
    if title_rows:
        rows.append([None] * 3 + ["MODEL " + e.form_name("kabupaten_kota")])
        rows.append([title or ("SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP KECAMATAN "
                               f"DI TINGKAT KABUPATEN/KOTA DALAM {e.name.upper()}")])
        rows.append([])
        rows.append(["PROVINSI", f": {province}"])
        rows.append(["KABUPATEN/KOTA", f": {regency}"])
        rows.append([])
    heads = [(n if header == "name" else k if header == "code" else k) for k, n in columns]
    ncol = 3 if marker == "column" else 2
    top = ["NO", "URAIAN"] + (["L/P"] if marker == "column" else [])
    hdr_row = len(rows) + 1
    rows.append(top + ["NAMA KECAMATAN"] + [None] * (len(columns) - 1) + (["JUMLAH AKHIR"] if jumlah else [])
                + [h for h, _ in extra_cols])
    rows.append([None] * ncol + heads + ([None] if jumlah else []))
    if header == "both":
        rows.append([None] * ncol + [n for _, n in columns])
    merged.append((hdr_row, ncol + 1, hdr_row, ncol + len(columns)))
    if jumlah:
        merged.append((hdr_row, ncol + len(columns) + 1, hdr_row + 1, ncol + len(columns) + 1))
    col_keys = [k for k, _ in columns] + (["JUMLAH"] if jumlah else [])
    for fr in e.form.rows:
        num = fr.number.split(".")[-1]
        if not fr.fields:
            rows.append([num, fr.label])
            continue
        for j, f in enumerate(fr.fields):
            lab = fr.label if (j == 0 or marker == "label") else None
            if marker == "label" and f.sex:
                lab = f"{fr.label} ({SEX_MARK[f.sex]})"
            head = [num if j == 0 else None, lab] + ([SEX_MARK[f.sex] if f.sex else None] if marker == "column" else [])
            data = [fmt_value(values.get(c, {}).get(f.key), numbers) for c in col_keys]
            data += [fmt_value(v.get(f.key), numbers) for _, v in extra_cols]
            rows.append(head + data)
    rows.append([])
    rows.append([None, f"KPU {regency}"])
    rows.append([None, "1. KETUA", None, "(tanda tangan)"])
    rows.append([None, "2. ANGGOTA", None, "(tanda tangan)"])
    return Grid(rows, merged)


def transposed_grid(e: Election, regency: str, columns: list[tuple[str, str]], values: dict, *,
                    numbers: str = "int", jumlah: bool = True, with_codes: bool = True) -> Grid:
    """Kecamatan in rows: title rows, two header rows (form row label merged over L/P/JML), one row
    per kecamatan (code, name), then the JUMLAH row."""
    rows: list[list] = [[f"REKAPITULASI {e.name.upper()}"], [f"PROVINSI : {e.province_name}"],
                        [f"KABUPATEN/KOTA : {regency}"], []]
    lead = ["KODE", "KECAMATAN"] if with_codes else ["KECAMATAN"]
    h1, h2 = list(lead), [None] * len(lead)
    merged = []
    keys = []
    for fr in e.form.rows:
        if not fr.fields:
            continue
        start = len(h1) + 1
        for j, f in enumerate(fr.fields):
            h1.append(f"{fr.number} {fr.label}" if j == 0 else None)
            h2.append(SEX_MARK[f.sex] if f.sex else None)
            keys.append(f.key)
        if len(fr.fields) > 1:
            merged.append((5, start, 5, start + len(fr.fields) - 1))
    rows += [h1, h2]
    for k, n in columns:
        rows.append(([k, n] if with_codes else [n]) + [fmt_value(values.get(k, {}).get(f), numbers) for f in keys])
    if jumlah:
        rows.append(([None, "JUMLAH"] if with_codes else ["JUMLAH"])
                    + [fmt_value(values.get("JUMLAH", {}).get(f), numbers) for f in keys])
    return Grid(rows, merged, name="Rekap")


def flat_csv_grid(e: Election, columns: list[tuple[str, str]], values: dict, *, jumlah: bool = True) -> Grid:
    """The machine layout: one header row of field keys, one row per kecamatan, JUMLAH last."""
    keys = list(e.form.field_keys)
    rows = [["kode_kecamatan", "nama_kecamatan"] + keys]
    for k, n in columns:
        rows.append([k, n] + [values.get(k, {}).get(f) for f in keys])
    if jumlah:
        rows.append(["", "JUMLAH"] + [values.get("JUMLAH", {}).get(f) for f in keys])
    return Grid(rows, name="CSV")


# ----------------------------------------------------------------- writers
def write_xlsx(path: Path, grids: list[Grid], hidden_sheets: tuple[str, ...] = ()) -> Path:
    """Write grids as sheets of one xlsx (formulas without cached values, as libraries write them)."""
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    for g in grids:
        sh = wb.create_sheet(g.name)
        for row in g.rows:
            sh.append(list(row))
        for (r, c), f in g.formulas.items():
            sh.cell(r, c, f)
        for r0, c0, r1, c1 in g.merged:
            sh.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
        for r in g.hidden_rows:
            sh.row_dimensions[r].hidden = True
        for c in g.hidden_cols:
            sh.column_dimensions[get_column_letter(c)].hidden = True
        if g.name in hidden_sheets:
            sh.sheet_state = "hidden"
    wb.save(path)
    return path


def write_xls(path: Path, grid: Grid) -> Path:
    """Write one grid as an old-style .xls (xlwt); formulas are written without a saved result."""
    import xlwt

    if grid.formulas:
        rows = [list(r) for r in grid.rows]
        for (r, c), f in grid.formulas.items():
            rows[r - 1] += [None] * (c - len(rows[r - 1]))
            rows[r - 1][c - 1] = xlwt.Formula(f.lstrip("="))
        grid = Grid(rows, grid.merged, grid.hidden_rows, grid.hidden_cols, {}, grid.name)

    wb = xlwt.Workbook()
    sh = wb.add_sheet(grid.name)
    merged_tops = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in grid.merged}
    covered = {(r, c) for r0, c0, r1, c1 in grid.merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
    for i, row in enumerate(grid.rows, 1):
        for j, v in enumerate(row, 1):
            if (i, j) in merged_tops:
                r1, c1 = merged_tops[(i, j)]
                sh.write_merge(i - 1, r1 - 1, j - 1, c1 - 1, v)
            elif (i, j) in covered or v is None:
                continue
            else:
                sh.write(i - 1, j - 1, v)
    for c in grid.hidden_cols:
        sh.col(c - 1).hidden = True
    wb.save(str(path))
    return path


def write_ods(path: Path, grid: Grid) -> Path:
    """Write one grid as .ods (odfpy); numbers as float cells, text as string cells."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableCell, TableRow
    from odf.text import P

    doc = OpenDocumentSpreadsheet()
    table = Table(name=grid.name)
    for i, row in enumerate(grid.rows, 1):
        tr = TableRow()
        row = list(row) + [None] * max(0, max((c for (r, c) in grid.formulas if r == i), default=0) - len(row))
        for j, v in enumerate(row, 1):
            if (i, j) in grid.formulas:  # a formula with no saved result, as libraries write them
                tr.addElement(TableCell(formula="of:" + grid.formulas[(i, j)]))
            elif v is None:
                tr.addElement(TableCell())
            elif isinstance(v, (int, float)):
                cell = TableCell(valuetype="float", value=v)
                cell.addElement(P(text=str(v)))
                tr.addElement(cell)
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=str(v)))
                tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))
    return path


def write_csv(path: Path, grid: Grid, *, delimiter: str = ";", bom: bool = True) -> Path:
    """Write one grid as CSV (UTF-8, with BOM by default, semicolon by default)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, lineterminator="\r\n")
    for row in grid.rows:
        w.writerow(["" if v is None else v for v in row])
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + buf.getvalue().encode("utf-8"))
    return path


# ----------------------------------------------------------------- real data helpers
def regency_args(ws, kode: str, certs: dict) -> tuple[str, list[tuple[str, str]], dict]:
    """(title name, [(kode, nama)], values) of one real certificate for the builders."""
    cols, values = certs[kode]
    names = {r.kode: r.nama for r in ws.columns_of(kode)}
    title = ws.region(kode).nama.upper().replace("KABUPATEN ", "")
    return title, [(k, names[k]) for k in cols if k != "JUMLAH"], values


def full_values(e: Election, codes: list[str], seed: int = 7) -> dict:
    """Every field of every column filled with distinct figures (derived fields as the form sums them),
    JUMLAH = column sums: a complete certificate to check that each row lands on its own field."""
    values: dict = {}
    for i, kode in enumerate(codes):
        v: dict = {}
        for j, f in enumerate(e.form.fields):
            if not f.parts:
                v[f.key] = 1000 * (i + 1) + 37 * j + seed
        for f in e.form.fields:  # derived in printed order; each field's parts are set before it
            if f.parts:
                v[f.key] = sum(v[p] for p in f.parts)
        values[kode] = v
    values["JUMLAH"] = {f.key: sum(values[k][f.key] for k in codes) for f in e.form.fields}
    return values
