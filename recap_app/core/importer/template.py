"""The office's own certificate template (xlsx) for a submitting region to fill (a kabupaten/kota at
the province, a kecamatan at a kabupaten/kota office: docs/tiers.md).

Layout (read back by the importer like any regency layout, plus its identity):
- title rows: form name, certificate title, "PROVINSI : ...", "KABUPATEN/KOTA : <nama> (<kode>)"
  (at a kabupaten/kota office, the office's own row and then "KECAMATAN : <nama> (<kode>)"),
  "ID PEMILIHAN : <election id>" (visible);
- header rows 7-8: NO, URAIAN, L/P, one column per kecamatan (code in row 7, name in row 8), JUMLAH;
- the form's rows I-V with their numbers ("I.A.1"), labels and LK/PR/JML sub-rows;
- every label cell locked (sheet protected without a password), every figure cell unlocked and empty;
- a hidden sheet ``_recap`` holding format, election_id, region_kode, province_code (machine-readable).
Nothing is pre-computed: the regency types what its certificate says, JUMLAH included; a JUMLAH
left entirely empty is computed on import and reported.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..domain import tier_word
from ..errors import RecapError, os_text
from ..store import Workspace

META_SHEET = "_recap"
HEADER_ROW = 7
FIRST_FORM_ROW = 9
FIRST_DATA_COL = 4  # column D


def template_filename(ws: Workspace, kode: str) -> str:
    """File name of a region's template: "templat_DB1-PPWP_33.19_kabupaten-kudus.xlsx"
    ("templat_D.HASIL-KABUPATEN-KOTA-PPWP_..." for 2024 forms)."""
    region = ws.region(kode)
    slug = re.sub(r"[^a-z0-9]+", "-", (region.nama if region else kode).lower()).strip("-")
    form = re.sub(r"[^A-Za-z0-9.-]+", "-", ws.election.received_form)
    return f"templat_{form}_{kode}_{slug}.xlsx"


def build_template(ws: Workspace, kode: str):
    """The template workbook (openpyxl Workbook) for one kabupaten/kota.

    Raises:
        RecapError: unknown region code, or not a region that sends certificates here.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
    from openpyxl.utils import get_column_letter

    e = ws.election
    region = ws.region(kode)
    if region is None or region.tingkat != e.child_tier:
        known = ", ".join(r.kode for r in ws.regencies()[:3])
        raise RecapError(f"Wilayah {kode!r} bukan {tier_word(e.child_tier)} dalam {e.name}; diharapkan kode seperti "
                         f"{known}.", "unknown_region")
    kecamatan = ws.columns_of(kode)
    form = e.received_form
    wb = Workbook()
    sh = wb.active
    sh.title = re.sub(r"[\[\]:*?/\\]", "-", form)[:31]  # characters a sheet name may not hold
    bold = Font(bold=True)
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="DDDDDD")
    last_col = FIRST_DATA_COL + len(kecamatan)
    sh.cell(1, last_col, f"MODEL {form}").font = bold
    sh.cell(2, 1, f"SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP {e.column_title} DI "
                  f"TINGKAT {e.child_title} DALAM {e.name.upper()}").font = bold
    ident = [("PROVINSI", e.province_name)]
    if e.office is not None:  # a kabupaten/kota office: itself, then the kecamatan
        ident.append((e.tier_title, f"{e.office_name.upper()} ({e.office_code})"))
    ident += [(e.child_title, f"{region.nama.upper()} ({kode})"), ("ID PEMILIHAN", e.id)]
    for i, (label, text) in enumerate(ident, 3):
        sh.cell(i, 1, label)
        sh.cell(i, 2, f": {text}")
    for c, text in ((1, "NO"), (2, "URAIAN"), (3, "L/P")):
        sh.cell(HEADER_ROW, c, text)
        sh.merge_cells(start_row=HEADER_ROW, start_column=c, end_row=HEADER_ROW + 1, end_column=c)
    for i, k in enumerate(kecamatan):
        sh.cell(HEADER_ROW, FIRST_DATA_COL + i, k.kode)
        sh.cell(HEADER_ROW + 1, FIRST_DATA_COL + i, k.nama)
        sh.column_dimensions[get_column_letter(FIRST_DATA_COL + i)].width = 14
    sh.cell(HEADER_ROW, last_col, "JUMLAH")
    sh.merge_cells(start_row=HEADER_ROW, start_column=last_col, end_row=HEADER_ROW + 1, end_column=last_col)
    sh.column_dimensions[get_column_letter(last_col)].width = 16
    sh.column_dimensions["A"].width = 8
    sh.column_dimensions["B"].width = 60
    sh.column_dimensions["C"].width = 6
    for r in (HEADER_ROW, HEADER_ROW + 1):
        for c in range(1, last_col + 1):
            cell = sh.cell(r, c)
            cell.font, cell.fill, cell.border = bold, grey, box
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    row = FIRST_FORM_ROW
    unlocked = Protection(locked=False)
    for fr in e.form_of_region(kode).rows:
        if not fr.fields:
            sh.cell(row, 1, fr.number)
            sh.cell(row, 2, fr.label).font = bold
            for c in range(1, last_col + 1):
                sh.cell(row, c).fill = grey
                sh.cell(row, c).border = box
            row += 1
            continue
        for j, f in enumerate(fr.fields):
            if j == 0:
                sh.cell(row, 1, fr.number)
                sh.cell(row, 2, fr.label).alignment = Alignment(wrap_text=True)
            if f.sex:
                sh.cell(row, 3, {"L": "LK", "P": "PR", "JML": "JML"}[f.sex])
            for c in range(1, last_col + 1):
                cell = sh.cell(row, c)
                cell.border = box
                if c >= FIRST_DATA_COL:
                    cell.protection = unlocked
                    cell.number_format = "#,##0"
            row += 1
    row += 1
    sh.cell(row, 2, f"PPK {region.nama.upper()}" if e.child_tier == "kecamatan" else f"KPU {region.nama.upper()}")
    sh.cell(row + 1, 2, "Ketua dan anggota: (tanda tangan pada sertifikat cetak)")
    sh.freeze_panes = sh.cell(FIRST_FORM_ROW, FIRST_DATA_COL)
    sh.protection.sheet = True
    sh.protection.formatColumns = False
    meta = wb.create_sheet(META_SHEET)
    for item in (("format", "1"), ("election_id", e.id), ("region_kode", kode),
                 ("province_code", e.province_code), ("form", form)):
        meta.append(item)
    meta.sheet_state = "hidden"
    meta.protection.sheet = True
    return wb


def write_templates(ws: Workspace, codes: list[str], out_dir: str | Path) -> list[Path]:
    """Write the template of each region code into ``out_dir`` (created if needed).

    Returns the written paths. Raises RecapError for an unknown code or an unwritable folder.
    """
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise RecapError(f"Folder {out} tidak dapat dibuat: {os_text(exc)}.", "unwritable") from exc
    books = [(kode, build_template(ws, kode)) for kode in codes]  # refuse unknown codes before writing
    paths = []
    for kode, wb in books:
        path = out / template_filename(ws, kode)
        try:
            wb.save(path)
        except OSError as exc:
            raise RecapError(f"Templat {path} tidak dapat ditulis: {os_text(exc)}.", "unwritable") from exc
        paths.append(path)
    return paths


def fill_template(path, columns: list[str], values: dict, form, wb=None):
    """Type figures into a province template (as a regency clerk would) and save it to ``path``.

    Args:
        path: the template file (written by :func:`write_templates`), saved in place.
        columns: the column codes to fill (kecamatan codes, and "JUMLAH" to type the total).
        values: {column: {field key: int or None}}; None leaves the cell blank.
        form: the certificate's Form (``election.form_of_region(kode)``: its rows give the row order).
        wb: the template workbook already in memory (from build_template); else ``path`` is loaded.
    Returns:
        ``path``. Used by the tests, the benchmarks and the screenshot maker.
    """
    from openpyxl import load_workbook

    wb = wb or load_workbook(path)
    sh = wb.worksheets[0]
    header = {sh.cell(HEADER_ROW, c).value: c for c in range(FIRST_DATA_COL, sh.max_column + 1)}
    row = FIRST_FORM_ROW
    for fr in form.rows:
        if not fr.fields:
            row += 1
            continue
        for f in fr.fields:
            for kode in columns:
                v = values.get(kode, {}).get(f.key)
                if v is not None:
                    sh.cell(row, header[kode], v)
            row += 1
    wb.save(path)
    return path
