"""Spreadsheet exports of the province recap: xlsx in the official layout, long CSV for analysts.

xlsx (``export_xlsx``): sheet "DC1" has the form's rows (blocks I–V, LK/PR/JML sub-rows) and one
column per kabupaten/kota, numbers stored as numbers (format ``#,##0``; an Indonesian office
program shows 1.234.567) and blanks left empty (blank is not zero). The province JUMLAH column
holds a formula ``=SUM(...)`` over the regency columns **with its cached value**: openpyxl
writes formulas without a result, and files written that way read as empty in programs that do
not recalculate (python-calamine, pandas, openpyxl ``data_only=True``, previews). We compute
the sums ourselves (the same sums as :func:`recap_app.core.totals.province_totals`) and write them into the saved file as the
formulas' cached results. Where every regency value of a row is blank the JUMLAH cell stays
blank (no formula): a SUM would show 0. Sheet "Info" names the election, the print time, the
adoption state and the SHA-256 of the exported data.

CSV (``export_csv``): one row per region, column, field and value, with codes:
``kode_wilayah, nama_wilayah, kode_kolom, nama_kolom, baris, field, jenis_kelamin, nilai, revisi``.
Every column of every received regency certificate (its kecamatan and its JUMLAH), then the
province totals (``kode_wilayah`` = province code, ``kode_kolom`` = "JUMLAH"). UTF-8 without BOM,
comma-separated, ``nilai`` empty for a blank figure.
"""

from __future__ import annotations

import csv
import datetime as _dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from . import auth
from .clock import now_iso
from .documents.common import region_label
from .documents.page import fingerprint
from .documents.plenary import DocumentError
from .domain import JUMLAH
from .formatting import local_time
from .outputs import check_output_path, write_recorded
from .store import Workspace
from .totals import province_totals

FORMATS = ("xlsx", "csv")

CSV_HEADER = ["kode_wilayah", "nama_wilayah", "kode_kolom", "nama_kolom", "baris", "field", "jenis_kelamin",
              "nilai", "revisi"]

#: first spreadsheet row of the form's rows (rows above: title, identity, column headers)
FIRST_ROW = 7
FIRST_COL = 4  # D: the first regency column (A: number, B: label, C: LK/PR/JML)


@dataclass(frozen=True)
class ExportInfo:
    """What was exported: path, format, data SHA-256, row count (data rows / CSV lines)."""

    path: Path
    format: str
    sha256: str
    rows: int


def _payload(ws: Workspace) -> dict:
    totals = province_totals(ws)
    latest = ws.latest_values()
    return {"election": ws.election.id, "totals": totals["fields"],
            "certificates": {k: [info.number, info.content_sha256] for k, (info, _) in sorted(latest.items())}}


def _stamp(now: str | None) -> _dt.datetime:
    text = now or now_iso()
    try:
        return _dt.datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return _dt.datetime(2000, 1, 1)


def build_xlsx(ws: Workspace, now: str | None = None) -> tuple[bytes, dict[str, int], str]:
    """The workbook bytes, {cell ref: cached value} of the JUMLAH formulas, and the data SHA-256.

    A contest with several districts (DPR, DPRD Provinsi) has one sheet per dapil ("DC1 3301"),
    each with the dapil's regencies and its JUMLAH; the cached values are then keyed "sheet!ref".
    """
    e = ws.election
    totals = province_totals(ws)
    regencies = ws.regencies()
    sha = fingerprint({"document": "export", "data": _payload(ws)})
    wb = Workbook()
    if e.has_districts:
        sheets = []
        for d in totals["dapil"]:
            members = set(d["regencies"])
            sheets.append((f"DC1 {d['kode']}"[:31], e.form_for(d["kode"]), [r for r in regencies if r.kode in members],
                           d["fields"], f"DAERAH PEMILIHAN {d['kode']} {d['nama']} ({d['kursi']} KURSI)"))
    else:
        sheets = [("DC1", e.form, regencies, totals["fields"], None)]
    cached_by_member: dict[str, dict[str, int]] = {}
    cached: dict[str, int] = {}
    for i, (title, form, regs, fields, line) in enumerate(sheets):
        sh = wb.active if i == 0 else wb.create_sheet()
        sh.title = title
        got = _fill_sheet(sh, e, form, regs, totals["regencies"], fields, line)
        cached_by_member[f"xl/worksheets/sheet{i + 1}.xml"] = got
        cached.update(got if len(sheets) == 1 else {f"{title}!{k}": v for k, v in got.items()})
    info = wb.create_sheet("Info")
    adopted = sum(1 for r in regencies if ws.adoption(r.kode))
    for k, v in (("Pemilihan", e.name), ("Id pemilihan", e.id), ("Provinsi", e.province_name),
                 ("Dibuat", local_time(now or now_iso())),
                 ("Sertifikat diterima", f"{totals['received']} dari {totals['expected']}"),
                 ("Sertifikat ditetapkan", f"{adopted} dari {totals['expected']}"),
                 ("Status", "FINAL" if adopted == totals["expected"] else "DRAF (belum semua ditetapkan)"),
                 ("Sidik data SHA-256", sha),
                 ("Catatan", "Kolom JUMLAH berisi rumus SUM beserta nilainya; sel kosong berarti tidak diisi "
                             "(bukan nol).")):
        info.append([k, v])
    info.column_dimensions["A"].width = 24
    info.column_dimensions["B"].width = 80
    stamp = _stamp(now)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.properties.creator = "recap_app"
    buf = io.BytesIO()
    wb.save(buf)
    data = _with_cached_values(buf.getvalue(), cached_by_member, stamp.timetuple()[:6])
    return data, cached, sha


def _fill_sheet(sh, e, form, regencies, columns: dict, fields: dict, line: str | None) -> dict[str, int]:
    """One certificate sheet: titles, one column per regency, JUMLAH formulas; returns their cached values."""
    bold = Font(bold=True)
    thin = Side(style="thin", color="000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    grey = PatternFill("solid", fgColor="D9D9D9")
    sh["A1"] = f"MODEL {e.own_form}"
    sh["A2"] = (f"SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP {e.child_title} DI TINGKAT "
                f"{e.tier_title}")
    sh["A3"] = e.name.upper()
    sh["A4"] = e.office_title + (f" — {line}" if line else "")
    for ref in ("A1", "A2", "A3", "A4"):
        sh[ref].font = bold
    head = FIRST_ROW - 1
    last_col = FIRST_COL + len(regencies)
    sh.cell(head - 1, FIRST_COL, "KABUPATEN/KOTA").font = bold
    for c, text in ((1, "NO"), (2, "URAIAN"), (3, "")):
        cell = sh.cell(head, c, text)
        cell.font, cell.border, cell.fill = bold, box, grey
    for i, r in enumerate(regencies):
        code_cell = sh.cell(head - 1, FIRST_COL + i, r.kode)
        code_cell.alignment = Alignment(horizontal="center")
        cell = sh.cell(head, FIRST_COL + i, region_label(r))
        cell.font, cell.border, cell.fill = bold, box, grey
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        sh.column_dimensions[get_column_letter(FIRST_COL + i)].width = 14
    cell = sh.cell(head, last_col, "JUMLAH")
    cell.font, cell.border, cell.fill = bold, box, grey
    sh.column_dimensions[get_column_letter(last_col)].width = 16
    sh.column_dimensions["A"].width = 7
    sh.column_dimensions["B"].width = 58
    sh.column_dimensions["C"].width = 5
    sh.row_dimensions[head].height = 30
    cached: dict[str, int] = {}
    row = FIRST_ROW
    first_l, last_l = get_column_letter(FIRST_COL), get_column_letter(last_col - 1)
    sex_label = {"L": "LK", "P": "PR", "JML": "JML"}
    for form_row in form.rows:
        if not form_row.fields:
            for c in range(1, last_col + 1):
                sh.cell(row, c).fill = grey
                sh.cell(row, c).border = box
            sh.cell(row, 1, form_row.number).font = bold
            sh.cell(row, 2, form_row.label).font = bold
            row += 1
            continue
        for k, f in enumerate(form_row.fields):
            sh.cell(row, 1, form_row.number if k == 0 else None)
            sh.cell(row, 2, form_row.label if k == 0 else None).alignment = Alignment(wrap_text=True,
                                                                                      vertical="top")
            sh.cell(row, 3, sex_label.get(f.sex, ""))
            for i, r in enumerate(regencies):
                v = columns.get(r.kode, {}).get(f.key)
                cell = sh.cell(row, FIRST_COL + i, v)
                cell.number_format = "#,##0"
            total = fields.get(f.key)
            cell = sh.cell(row, last_col)
            if total is not None:
                cell.value = f"=SUM({first_l}{row}:{last_l}{row})"
                cached[cell.coordinate] = total
            cell.number_format = "#,##0"
            cell.font = bold
            for c in range(1, last_col + 1):
                sh.cell(row, c).border = box
            row += 1
    sh.freeze_panes = sh.cell(FIRST_ROW, FIRST_COL)
    sh.page_setup.orientation = "landscape"
    sh.print_title_cols = "A:C"
    return cached


_FORMULA_CELL = re.compile(r'<c r="([A-Z]+[0-9]+)"([^>]*)><f>([^<]*)</f><v\s*/>(?:</v>)?')


def _with_cached_values(data: bytes, members: dict[str, dict[str, int]], date_time: tuple) -> bytes:
    """Write each formula's result into the saved sheets (``<v>`` of the formula cells);
    ``members``: {sheet member ("xl/worksheets/sheet1.xml"): {cell ref: value}}.

    Every zip member gets ``date_time`` so that the same data and time give the same bytes.
    """
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = src.read(item.filename)
            cached = members.get(item.filename)
            if cached is not None:
                def fill(m: re.Match, cached: dict = cached) -> str:
                    ref = m.group(1)
                    if ref not in cached:
                        return m.group(0)
                    return f'<c r="{ref}"{m.group(2)}><f>{m.group(3)}</f><v>{cached[ref]}</v>'
                text, n = _FORMULA_CELL.subn(fill, content.decode("utf-8"))
                if n != len(cached):  # a programming error: openpyxl changed how it writes formulas
                    raise RuntimeError(f"expected {len(cached)} formula cells, found {n}")
                content = text.encode("utf-8")
            elif item.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the wall clock
                stamp = _dt.datetime(*date_time).strftime("%Y-%m-%dT%H:%M:%SZ")
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<2>", content)
            item.date_time = date_time if date_time[0] >= 1980 else (1980, 1, 1, 0, 0, 0)
            dst.writestr(item, content)
    return out.getvalue()


def csv_rows(ws: Workspace) -> list[list]:
    """The long table: [kode_wilayah, nama_wilayah, kode_kolom, nama_kolom, baris, field, jenis_kelamin,
    nilai, revisi] per value (see the module doc)."""
    e = ws.election
    names = {r.kode: r.nama for r in ws.regions()}
    latest = ws.latest_values()
    sex = {"L": "L", "P": "P", "JML": "JML"}
    rows: list[list] = []
    for r in ws.regencies():
        if r.kode not in latest:
            continue
        info, values = latest[r.kode]
        for col in info.columns:
            col_name = "JUMLAH" if col == JUMLAH else names.get(col, "")
            for f in e.form_of_region(r.kode).fields:
                v = values.get(col, {}).get(f.key)
                rows.append([r.kode, r.nama, col, col_name, f.row, f.key, sex.get(f.sex, ""),
                             "" if v is None else v, info.number])
    t = province_totals(ws)
    if e.has_districts:  # the office total of each dapil (kode_wilayah = the dapil's code)
        for d in t["dapil"]:
            for f in e.form_for(d["kode"]).fields:
                v = d["fields"].get(f.key)
                rows.append([d["kode"], d["nama"], JUMLAH, "JUMLAH DAPIL", f.row, f.key, sex.get(f.sex, ""),
                             "" if v is None else v, ""])
        return rows
    for f in e.form.fields:
        v = t["fields"].get(f.key)
        rows.append([e.province_code, e.province_name, JUMLAH, "JUMLAH PROVINSI", f.row, f.key, sex.get(f.sex, ""),
                     "" if v is None else v, ""])
    return rows


def export(ws: Workspace, actor: str, out: str | Path, fmt: str, now: str | None = None) -> ExportInfo:
    """Write the province recap as xlsx or long CSV (atomically) and record the export in the audit log.

    Raises:
        DocumentError: unknown format or the file cannot be written (nothing recorded then).
        NotAllowed: the actor lacks the "print" permission.
    """
    auth.require(ws, actor, "print")
    out = check_output_path(out, ws)
    if fmt == "xlsx":
        data, cached, sha = build_xlsx(ws, now)
        e = ws.election
        n = sum(len(e.form_for(d).fields) for d in e.districts)
    elif fmt == "csv":
        rows = csv_rows(ws)
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(rows)
        data = buf.getvalue().encode("utf-8")
        sha = fingerprint({"document": "export", "data": _payload(ws)})
        n = len(rows)
    else:
        raise DocumentError(f"Format ekspor {fmt!r} tidak dikenal; pilih xlsx atau csv.", "bad_format")
    write_recorded(ws, out, data, lambda: ws.record(actor, "document.export", "documents", None,
                                                    {"file": out.name, "format": fmt, "sha256": sha, "rows": n}))
    return ExportInfo(out, fmt, sha, n)
