"""Every figure of the certificate read from its cells, and formulas without a saved result recomputed."""

from __future__ import annotations

from ..domain import JUMLAH
from ..errors import ImportRefused
from ..formatting import figure
from .context import Context, Found
from .formulas import Evaluator
from .grid import Grid, cell_ref, unref
from .numbers import MAX_FIGURE, NumberProblem, parse_figure, short
from .report import differs


def read_values(grid: Grid, found: Found, ctx: Context, where: str) -> None:
    form = ctx.form
    problems = []
    missing_formula: dict[tuple[str, str], str] = {}
    missing = grid.sheet.missing
    lines = [(key, r, grid.rows[r] if r < grid.height else ()) for key, r in found.field_rows.items()]
    for col in found.columns:
        vals = found.values.setdefault(col.kode, {})
        ci = col.index
        for key, r, line in lines:
            raw = line[ci] if ci < len(line) else None  # grid.raw(r, ci), without the call
            kind = type(raw)
            if raw is None or kind is int and 0 <= raw <= MAX_FIGURE or (
                    kind is float and 0 <= raw <= MAX_FIGURE and raw.is_integer()):
                if not missing or grid.orig(r, col.index) not in missing:
                    vals[key] = raw if kind is not float else int(raw)  # the common cases, as the parser reads them
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
    _refuse(where, problems, "bad_number", ".")
    if grid.sheet.merged:
        _refuse_covered_figures(grid, found, ctx, where, lines)
    if grid.sheet.formulas:
        _check_saved_results(grid, found, ctx, where, lines)
    kec = [c.kode for c in found.columns if c.kode != JUMLAH]
    pending = dict(missing_formula)
    # formulas without a saved result: recompute derived cells from the form's definition
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
                                     "rumus": grid.sheet.missing.get(unref(ref), ""), "dihitung": how})
            del pending[(kolom, key)]
            changed = True
    differ: dict[str, list[dict]] = {}
    sheet_formulas = Evaluator(grid.sheet.rows, missing)
    for rc in found.recomputed:  # what the spreadsheet program shows for the formula, where it is a simple sum
        rc["di_lembar_kerja"] = sheet_formulas.evaluate(rc["rumus"])
        if differs(rc):
            differ.setdefault(rc["field"], []).append(rc)
    for key, cells in differ.items():
        shown = ", ".join(f"{rc['cell']} ({short(rc['rumus'])} tampil {figure(rc['di_lembar_kerja'])}, disimpan "
                          f"{figure(rc['value'])})" for rc in cells[:4]) + (
            f" dan {len(cells) - 4} sel lain" if len(cells) > 4 else "")
        found.notes.append(f"{form.field_label(key)}: rumus tanpa hasil tersimpan di sel {shown} tidak menjumlahkan "
                           "yang ditentukan formulir; disimpan angka menurut formulir, sedangkan lembar kerja dan "
                           "cetakannya menampilkan angka rumus. Periksa pada sertifikat yang ditandatangani angka mana yang benar.")
    if pending:
        headers = {c.kode: c.header for c in found.columns}
        items = "; ".join(f"sel {ref} ({form.field_label(key)}, {short(headers[kolom])}) berisi rumus "
                          f"\"{short(grid.sheet.missing.get(unref(ref), ''))}\""
                          for (kolom, key), ref in list(pending.items())[:8])
        raise ImportRefused(f"{where}: {items} tanpa hasil tersimpan, dan isian ini bukan jumlah yang dapat "
                            "dihitung ulang; diharapkan angka. Buka berkas di program lembar kerja, simpan, lalu "
                            "impor lagi.", "formula_without_value")


def _check_saved_results(grid: Grid, found: Found, ctx: Context, where: str, lines) -> None:
    """Refuse ("stale_formula") a certificate figure whose formula, one the importer works out
    (a simple sum, :mod:`.formulas`), gives another figure than the result saved with it: a
    spreadsheet program that recalculates on opening (``fullCalcOnLoad``, a changed input) shows
    and prints the formula's figure, a reader of saved results the other, and which one the
    regency signed cannot be known here. Formulas it cannot work out are left as saved."""
    formulas = grid.sheet.formulas
    sheet_formulas = Evaluator(grid.sheet.rows, grid.sheet.missing)
    problems = []
    for col in found.columns:
        vals = found.values.get(col.kode, {})
        for key, r, _line in lines:
            orig = grid.orig(r, col.index)
            text = formulas.get(orig)
            if text is None or vals.get(key) is None:
                continue
            worked = sheet_formulas.evaluate(text)
            if worked is not None and worked != vals[key]:
                problems.append(f"sel {cell_ref(*orig)} ({ctx.form.field_label(key)}, {short(col.header)}) menyimpan "
                                f"hasil {figure(vals[key])}, padahal rumusnya \"{short(text)}\" menghasilkan "
                                f"{figure(worked)}")
    _refuse(where, problems, "stale_formula", ": hasil rumus yang tersimpan tidak cocok dengan rumusnya, sehingga "
            "program lembar kerja yang menghitung ulang menampilkan angka lain. Buka berkas di program lembar kerja, "
            "hitung ulang (F9), periksa dengan sertifikat yang ditandatangani, simpan, lalu impor lagi.")


def _refuse_covered_figures(grid: Grid, found: Found, ctx: Context, where: str, lines) -> None:
    """Refuse ("covered_cell") a figure in a cell that a merged range covers (not its first cell):
    the spreadsheet program and its printout show the range's first cell across it, so the figure
    stored would be one nobody sees on the certificate the regency signed."""
    figures = {grid.orig(r, col.index): (col, key) for col in found.columns for key, r, _line in lines
               if found.values.get(col.kode, {}).get(key) is not None}
    problems = []
    for r0, c0, r1, c1 in grid.sheet.merged[:10_000]:
        if (r1 - r0 + 1) * (c1 - c0 + 1) <= len(figures):
            inside = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) in figures]
        else:
            inside = [at for at in figures if r0 <= at[0] <= r1 and c0 <= at[1] <= c1]
        for at in sorted(inside):
            if at == (r0, c0):
                continue
            col, key = figures[at]
            problems.append(f"sel {cell_ref(*at)} ({ctx.form.field_label(key)}, {short(col.header)}) menyimpan "
                            f"{figure(found.values[col.kode][key])}, tetapi tertutup sel gabungan "
                            f"{cell_ref(r0, c0)}:{cell_ref(r1, c1)} yang hanya menampilkan {cell_ref(r0, c0)}")
    _refuse(where, problems, "covered_cell", ": angka itu tidak tampil di lembar kerja maupun cetakannya. Pisahkan "
            "sel gabungan itu (Unmerge) dan periksa angkanya dengan sertifikat yang ditandatangani, simpan, lalu "
            "impor lagi.")


def _refuse(where: str, problems: list[str], code: str, tail: str) -> None:
    """Raise ImportRefused(code) naming the first 8 ``problems`` (and how many more), then ``tail``;
    nothing when there are none."""
    if problems:
        more = f" (dan {len(problems) - 8} sel lain)" if len(problems) > 8 else ""
        raise ImportRefused(f"{where}: " + "; ".join(problems[:8]) + more + tail, code)
