"""Findings report: every finding of the checks, with its explanation or override.

An internal working document, not an official form: it carries no "MODEL ..." form name (its box
reads "DOKUMEN INTERNAL — BUKAN FORMULIR RESMI") and its footer says so.

Reads ``recap_app.core.reconcile.findings(ws)`` after checking them against the rules run again
(stored findings with code, severity, region,
column, field, expected, actual, message, explanation {text, by, at} | None, override
{reason, by, at} | None). When that module is not available the report says so instead
of pretending there is nothing to report.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Spacer, Table

from .. import formatting as fmt
from .. import reconcile
from .common import Source, opening, region_label, signature_block
from .page import FONT, FONT_BOLD, Part, flow, grid_style, p
from .tables import wrap

NAME = "temuan"

CHUNK = 25

#: explanation texts longer than this (characters) are printed below the table, so that no row
#: can be taller than a page
LONG_TEXT = 1200

SEVERITY = {"error": "KESALAHAN", "warning": "PERINGATAN"}


def load_findings(ws, latest=None) -> list:
    """The current findings with their explanations and overrides (reconcile.findings), once
    they are shown to be what the rules give on the checked figures (``latest``: those figures,
    when already read).

    Raises:
        WorkspaceError: "tampered": a stored finding was removed, added or softened outside the
            program (:func:`recap_app.core.reconcile.verify_stored`); a report printed from it
            would be a false one.
    """
    reconcile.verify_stored(ws, latest=latest)
    return list(reconcile.findings(ws))


def _where(src: Source, f) -> str:
    region = src.ws.region(f.region) if f.region else None
    parts = [f"{region_label(region)} ({f.region})" if region else (f"{src.election.office_title} ({f.region})" if f.region else "")]
    col = getattr(f, "column", "") or ""
    if col and col not in ("JUMLAH", "PROVINSI"):
        c = src.ws.region(col)
        parts.append(f"kolom {region_label(c) if c else col} ({col})")
    elif col:
        parts.append(f"kolom {col}")
    if f.field:
        parts.append(src.election.form_at(f.region).field_label(f.field))
    return "; ".join(x for x in parts if x)


def _resolution(f) -> str:
    ov, ex = getattr(f, "override", None), getattr(f, "explanation", None)
    out = []
    if ov:
        out.append(f"DIKESAMPINGKAN oleh {ov.get('by', '')} ({_date(ov.get('at'))}): {ov.get('reason', '')}")
    if ex:
        out.append(f"Penjelasan oleh {ex.get('by', '')} ({_date(ex.get('at'))}): {ex.get('text', '')}")
    return "\n".join(out) or "BELUM DIJELASKAN"


def _date(at) -> str:
    try:
        return fmt.date_long(at) if at else ""
    except ValueError:
        return str(at)


def _payload(f) -> dict:
    keys = ("code", "severity", "region", "column", "field", "expected", "actual", "message", "explanation",
            "override")
    return {k: getattr(f, k, None) for k in keys}


def build(src: Source, paper: str) -> Part:
    """The findings report (landscape), errors first, then warnings, in region order."""
    width, st, _form, story = opening(src, paper, True, None,
                                      ["LAPORAN TEMUAN PEMERIKSAAN KONSISTENSI DATA REKAPITULASI"], dalam=False)
    e = src.election
    found = load_findings(src.ws, src.latest)
    order = {r.kode: i for i, r in enumerate(src.regencies)}
    found.sort(key=lambda f: (f.severity != "error", order.get(f.region, -1), f.column or "", f.field or "",
                              f.code))
    found_payload = [_payload(f) for f in found]
    n_err = sum(1 for f in found if f.severity == "error")
    open_err = sum(1 for f in found if f.severity == "error" and not getattr(f, "override", None))
    open_warn = sum(1 for f in found if f.severity != "error" and not getattr(f, "explanation", None)
                    and not getattr(f, "override", None))
    story.append(p(f"Jumlah temuan: {len(found)} ({n_err} kesalahan, {len(found) - n_err} peringatan); "
                   f"kesalahan yang belum dikesampingkan: {open_err}; peringatan yang belum dijelaskan: "
                   f"{open_warn}.", st["body"]))
    story.append(Spacer(1, 2 * mm))
    if not found:
        story.append(p("Tidak ada temuan.", st["body"]))
    else:
        # many small tables: reportlab re-wraps a split table's remaining rows at every page,
        # so one table of a thousand rows costs seconds; chunks of CHUNK rows cost milliseconds
        groups = group(found)
        for start in range(0, len(groups), CHUNK):
            story.append(_table(src, groups[start:start + CHUNK], width, start))
        story += long_notes(groups, st)
    story.append(signature_block(src, width))
    payload = {"election": e.id, "findings": found_payload, "office": src.office_payload()}
    return Part(NAME, "Laporan temuan pemeriksaan (dokumen internal)", True, story, payload,
                src.marks(not src.all_adopted))


def group(found: list) -> list[list]:
    """Consecutive findings of one rule at one place that differ only by field, with the same figures and
    the same explanation/override, become one printed row listing the fields (1.155 blank-field findings of
    the demonstration data print as 35 rows instead of 75 pages). Every finding stays listed."""
    groups: list[list] = []
    last = None
    for f in found:
        key = (f.severity, f.code, f.region, f.column, f.expected, f.actual, _resolution(f))
        if groups and key == last and f.field:
            groups[-1].append(f)
        else:
            groups.append([f])
        last = key if f.field else None
    return groups


def compact_fields(src: Source, keys: list[str], region: str) -> str:
    """Field keys as form rows in printed order with their sub-rows: "I.A.2 (LK, PR, JML); IV.1"."""
    form = src.election.form_at(region)
    order = {k: i for i, k in enumerate(form.field_keys)}
    rows: dict[str, list[str]] = {}
    for k in sorted(keys, key=lambda k: order.get(k, len(order))):
        f = form.field_by_key.get(k)
        if f is None:
            rows.setdefault(k, [])
            continue
        rows.setdefault(f.row, [])
        if f.sex:
            rows[f.row].append({"L": "LK", "P": "PR"}.get(f.sex, f.sex))
    return "; ".join(f"{r} ({', '.join(s)})" if s else r for r, s in rows.items())


def _row(src: Source, i: int, g: list, widths: list[float]) -> list:
    f = g[0]
    if len(g) == 1:
        where, message = _where(src, f), f.message
    else:
        where = _where(src, type("F", (), {"region": f.region, "column": f.column, "field": ""})())
        labels = compact_fields(src, [x.field for x in g], f.region)
        message = (f"{len(g)} temuan {f.code} yang sama, pada isian: {labels}. Contoh uraian: {f.message}")
    resolution = _resolution(f)
    if len(resolution) > LONG_TEXT or len(message) > 3 * LONG_TEXT:
        resolution = f"Teks panjang: lihat catatan nomor {i} di bawah tabel."
        message = message[:LONG_TEXT] + " …"
    return [str(i), f.code, SEVERITY.get(f.severity, f.severity), wrap(where, FONT, 7, widths[3]),
            fmt.number(f.expected), fmt.number(f.actual), wrap(message, FONT, 7, widths[6]),
            wrap(resolution, FONT, 7, widths[7])]


def long_notes(groups: list[list], st) -> list:
    """Explanations too long for a table cell, printed in full below the tables (they flow over pages)."""
    out = []
    for i, g in enumerate(groups, 1):
        resolution, message = _resolution(g[0]), g[0].message
        if len(resolution) > LONG_TEXT or len(message) > 3 * LONG_TEXT:
            out.append(p(f"Catatan nomor {i} ({g[0].code}):", st["h2"]))
            out += flow(message + "\n" + resolution, st["justify"])
    return out


def _table(src: Source, groups: list[list], width: float, start: int = 0) -> Table:
    """Findings as a table of plain pre-wrapped cells (much cheaper to lay out than Paragraphs)."""
    fixed = [9 * mm, 14 * mm, 19 * mm, 0, 19 * mm, 19 * mm, 0, 0]
    rest = width - sum(fixed)
    widths = fixed[:3] + [rest * 0.2] + fixed[4:6] + [rest * 0.48, rest * 0.32]
    head = ["NO", "KODE", "JENIS", "LETAK", "SEHARUSNYA", "TERCATAT", "URAIAN", "PENJELASAN / PENGESAMPINGAN"]
    rows = [head] + [_row(src, i, g, widths) for i, g in enumerate(groups, start + 1)]
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(grid_style([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6e6e6")),
                           ("FONTNAME", (0, 0), (-1, 0), FONT_BOLD), ("FONTNAME", (2, 1), (2, -1), FONT_BOLD),
                           ("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (4, 1), (5, -1), "RIGHT")]))
    return t
