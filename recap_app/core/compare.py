"""Comparison of two sources of the same figures, with typing-fault classification (docs/rules.md).

Sources: two revisions of a certificate (:func:`compare_revisions`), a certificate against its
second entry (:mod:`recap_app.core.double_entry`), or the workspace against another source read
from a CSV keyed by region code (:func:`read_external_csv`, :func:`compare_external`), e.g. the
Situng real-count figures.

Each :class:`Difference` names region, column, field, both values and the difference, and a
*fault* where it looks like a typing fault (docs/domain.md §4, seen in Situng 2019):

- ``digit_extra`` / ``digit_missing``: one digit too many or too few (72 vs 172);
- ``digits_swapped``: two digits exchanged (1.234 vs 1.324);
- ``digit_wrong``: one digit different, in the hundreds or higher (7.830.084 vs 7.870.084);
- ``wrong_row``: the value of another row of the same column (the valid total typed into
  candidate 1's row); ``fault_detail`` names that row's field key.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .domain import JUMLAH, PROVINSI, tier_word
from .election import Election
from .errors import RecapError, os_text
from .formatting import figure as fmt
from .forms import Form
from .store import Values, Workspace
from .totals import province_totals

#: External files larger than this are refused (a kecamatan CSV of a province is < 1 MB).
MAX_CSV_BYTES = 50 * 1024 * 1024
#: digit_wrong is only claimed when the differing digit is at least the hundreds (3rd from the
#: right): a last-digit difference is as likely a recount as a typing fault.
DIGIT_WRONG_MIN_PLACE = 3
#: wrong_row is only claimed for values at least this large (small figures coincide too often).
WRONG_ROW_MIN = 10

FAULT_TEXT = {
    "digit_extra": "kelebihan satu angka",
    "digit_missing": "kekurangan satu angka",
    "digits_swapped": "dua angka tertukar",
    "digit_wrong": "satu angka berbeda",
    "wrong_row": "nilai baris lain",
}

KEY_COLUMNS = ("kode", "kode_wilayah", "kode_kecamatan", "kode_kabupaten_kota")
#: the long CSV the program exports itself (core.export.CSV_HEADER): one row per region, column, field
LONG_COLUMNS = ("kode_wilayah", "kode_kolom", "field", "nilai")


class CompareError(RecapError):
    """An external source cannot be read; the message names file, row and column."""


@dataclass(frozen=True)
class Difference:
    """One figure that differs between source A and source B.

    Attributes:
        region: regency code (the province code for the province total).
        column: kecamatan code, "JUMLAH" or "PROVINSI".
        field: field key.
        value_a, value_b: the two figures (None = blank).
        fault: typing-fault class ("" when none fits; see module doc).
        fault_detail: for wrong_row the field whose value B holds, else "".
        message: Indonesian sentence for the clerk.
    """

    region: str
    column: str
    field: str
    value_a: int | None
    value_b: int | None
    fault: str = ""
    fault_detail: str = ""
    message: str = ""

    @property
    def difference(self) -> int | None:
        """value_b − value_a when both are present."""
        if self.value_a is None or self.value_b is None:
            return None
        return self.value_b - self.value_a

    def to_dict(self) -> dict:
        """JSON-ready form."""
        return {"region": self.region, "column": self.column, "field": self.field, "value_a": self.value_a,
                "value_b": self.value_b, "difference": self.difference, "fault": self.fault,
                "fault_detail": self.fault_detail, "message": self.message}


@dataclass
class CompareReport:
    """Result of a comparison.

    Attributes:
        source_a, source_b: what was compared (for the clerk).
        compared: number of figures present in both sources and compared.
        differences: every difference, in region/column/field order.
        unknown_codes: codes in the external source that are no region of this election.
        not_received: regions in the external source whose certificate is not in the workspace.
        notes: remarks on how the other source was read (sheets used, names only nearly matched).
    """

    source_a: str
    source_b: str
    compared: int = 0
    differences: list[Difference] = field(default_factory=list)
    unknown_codes: list[str] = field(default_factory=list)
    not_received: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        """JSON-ready form (`recap compare --format json`)."""
        return {"source_a": self.source_a, "source_b": self.source_b, "compared": self.compared,
                "differences": [d.to_dict() for d in self.differences],
                "unknown_codes": self.unknown_codes, "not_received": self.not_received, "notes": self.notes}


# --------------------------------------------------------------------------- classification
def digit_fault(a: int, b: int) -> str:
    """Typing-fault class of b against a from their digits alone ("" when none fits).

    >>> digit_fault(72, 172), digit_fault(1234, 1324), digit_fault(7830084, 7870084)
    ('digit_extra', 'digits_swapped', 'digit_wrong')
    """
    sa, sb = str(a), str(b)
    if a < 0 or b < 0 or sa == sb:
        return ""
    if len(sb) == len(sa) + 1 and any(sb[:i] + sb[i + 1:] == sa for i in range(len(sb))):
        return "digit_extra"
    if len(sa) == len(sb) + 1 and any(sa[:i] + sa[i + 1:] == sb for i in range(len(sa))):
        return "digit_missing"
    if len(sa) == len(sb):
        diff = [i for i in range(len(sa)) if sa[i] != sb[i]]
        if len(diff) == 2 and sa[diff[0]] == sb[diff[1]] and sa[diff[1]] == sb[diff[0]]:
            return "digits_swapped"
        if len(diff) == 1 and len(sa) - diff[0] >= DIGIT_WRONG_MIN_PLACE:
            return "digit_wrong"
    return ""


def classify(key: str, a: int | None, b: int | None, col_a: Mapping[str, int | None],
             col_b: Mapping[str, int | None]) -> tuple[str, str]:
    """Typing-fault class of B's figure for ``key`` against A's, with its detail.

    A value in the wrong row is recognised when B's figure equals another row's figure of the
    same column in A (or, where A has that row blank, in B), e.g. suara_sah typed into paslon_1. Otherwise the
    digit classes of :func:`digit_fault` apply.

    Returns:
        (fault, detail): ("wrong_row", other field key), (digit class, ""), or ("", "").
    """
    if a is None or b is None or a == b:
        return "", ""
    if b >= WRONG_ROW_MIN:
        for other, v in col_a.items():
            if other != key and v == b:
                return "wrong_row", other
        for other, v in col_b.items():
            if other != key and v == b and col_a.get(other) is None:
                return "wrong_row", other
    return digit_fault(a, b), ""


def _message(form: Form, where: str, d: Difference, names: tuple[str, str]) -> str:
    label = form.label(d.field)
    txt = (f"{where}: {label} — {names[0]} {fmt(d.value_a)}, {names[1]} {fmt(d.value_b)}")
    if d.difference is not None:
        txt += f" (selisih {fmt(d.difference)})"
    if d.fault == "wrong_row":
        txt += f"; mirip salah ketik: {FAULT_TEXT['wrong_row']} ({form.label(d.fault_detail)})"
    elif d.fault:
        txt += f"; mirip salah ketik: {FAULT_TEXT[d.fault]}"
    return txt + "."


def compare_columns(form: Form, region: str, where: Mapping[str, str], a: Values, b: Values, *,
                    columns: Iterable[str] | None = None, names: tuple[str, str] = ("A", "B"),
                    skip_blank_b: bool = False) -> tuple[int, list[Difference]]:
    """Compare figures column by column, field by field.

    Args:
        form: the certificate's form (its fields in printed order, and labels).
        region: regency code stored in each difference.
        where: {column: place as the clerk reads it}.
        a, b: {column: {field: int or None}}.
        columns: the columns to compare (default: A's, then B's others).
        names: how the two sources are called in messages.
        skip_blank_b: when True, a figure blank or absent in B is not compared (an external
            source that lacks it); otherwise blank against a value is a difference.
    Returns:
        (number of figures compared, differences).
    """
    if columns is None:
        columns = list(a) + [c for c in b if c not in a]
    n = 0
    out: list[Difference] = []
    for c in columns:
        ca, cb = a.get(c, {}), b.get(c, {})
        for k in form.field_keys:
            va, vb = ca.get(k), cb.get(k)
            if skip_blank_b and vb is None:
                continue
            n += 1
            if va == vb:
                continue
            fault, detail = classify(k, va, vb, ca, cb)
            d = Difference(region, c, k, va, vb, fault, detail)
            out.append(Difference(region, c, k, va, vb, fault, detail,
                                  _message(form, where.get(c, c), d, names)))
    return n, out


def _places(ws: Workspace, kode: str) -> dict[str, str]:
    region = ws.region(kode)
    rname = region.nama if region else kode
    word = tier_word(ws.election.column_tier)
    places = {r.kode: f"{rname}, {word} {r.nama} ({r.kode})" for r in ws.columns_of(kode)}
    places[JUMLAH] = f"{rname}, kolom JUMLAH"
    return places


def compare_revisions(ws: Workspace, revision_a: int, revision_b: int) -> CompareReport:
    """Differences between two stored revisions (any kind) of the same certificate.

    Raises:
        CompareError: the revisions belong to different regions.
        WorkspaceError: unknown revision id.
    """
    ia, ib = ws.revision_info(revision_a), ws.revision_info(revision_b)
    if ia.region_kode != ib.region_kode:
        raise CompareError(f"Revisi {revision_a} ({ia.region_kode}) dan {revision_b} ({ib.region_kode}) bukan "
                           "sertifikat wilayah yang sama.", "different_region")
    names = (_rev_name(ia), _rev_name(ib))
    report = CompareReport(names[0], names[1])
    report.compared, report.differences = compare_columns(
        ws.election.form_of_region(ia.region_kode), ia.region_kode, _places(ws, ia.region_kode),
        ws.revision_values(revision_a),
        ws.revision_values(revision_b), names=names)
    return report


def _rev_name(info) -> str:
    kind = "entri kedua" if info.kind == "entri_kedua" else "revisi"
    return f"{kind} {info.number}"


# --------------------------------------------------------------------------- external sources
_DOTTED = re.compile(r"^\d{1,3}(\.\d{3})+$")


def _parse_int(raw: str, where: str) -> int | None:
    s = raw.strip()
    if s == "":
        return None
    if s == "-":
        return 0
    if s.isdigit():
        return int(s)
    if _DOTTED.match(s):
        return int(s.replace(".", ""))
    raise CompareError(f"{where}: nilai {raw!r} bukan bilangan bulat tidak negatif (contoh yang diterima: 12345, "
                       "12.345, atau - untuk nol; kosong dibiarkan kosong).", "bad_value")


def read_external_csv(path: str | Path, election: Election, prefix: str = "") -> dict[str, dict[str, int | None]]:
    """Read another source's figures from a CSV keyed by region code.

    Two shapes are read. The program's own long export (``recap export --format csv``: columns
    ``kode_wilayah, ..., kode_kolom, ..., field, ..., nilai``, one row per value) is recognised by
    those columns. Otherwise one row per region: the key column is the first of ``kode``,
    ``kode_wilayah``, ``kode_kecamatan``, ``kode_kabupaten_kota`` in the header; value columns are
    named by field key, optionally after ``prefix`` (``--prefix situng_`` reads
    ``situng_paslon_1``). UTF-8 with or without BOM, comma or semicolon separated. Numbers:
    12345, 12.345, "-" for zero; blank stays blank.

    Returns:
        {region code: {field key: int or None}}.
    Raises:
        CompareError: missing or unreadable file, too large, no key or value column, a bad
            value (named by row and column), a code twice.
    """
    from . import files

    path = Path(path)
    try:
        text = files.read_named(path, MAX_CSV_BYTES, "berkas CSV").decode("utf-8-sig")
    except files.FileRefused as exc:
        raise CompareError(exc.message, exc.code) from exc
    except UnicodeDecodeError as exc:
        raise CompareError(f"Berkas {path.name} bukan teks UTF-8 (bita ke-{exc.start + 1}); simpan sebagai CSV UTF-8.",
                           "encoding") from exc
    except OSError as exc:
        raise CompareError(f"Berkas {path} tidak dapat dibaca: {os_text(exc)}.", "unreadable") from exc
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise CompareError(f"Berkas {path.name} bukan CSV yang dapat dibaca: {exc}.", "not_csv") from exc
    if not rows:
        raise CompareError(f"Berkas {path.name} kosong.", "empty")
    header = [h.strip() for h in rows[0]]
    if all(c in header for c in LONG_COLUMNS):
        return _read_long(path.name, header, rows[1:], election)
    key_col = next((header.index(k) for k in KEY_COLUMNS if k in header), None)
    if key_col is None:
        raise CompareError(f"Berkas {path.name}: baris 1 tidak memuat kolom kode wilayah (diharapkan salah satu dari "
                           f"{', '.join(KEY_COLUMNS)}); ditemukan: {', '.join(header[:8])}.", "no_key_column")
    fields = {}
    for i, h in enumerate(header):
        if h.startswith(prefix) and h[len(prefix):] in election.all_field_keys:
            fields[i] = h[len(prefix):]
    if not fields:
        raise CompareError(f"Berkas {path.name}: tidak ada kolom angka yang dikenal"
                           f"{f' dengan awalan {prefix!r}' if prefix else ''} (contoh: {prefix}paslon_1, "
                           f"{prefix}suara_sah).", "no_value_column")
    out: dict[str, dict[str, int | None]] = {}
    for n, row in enumerate(rows[1:], start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        code = row[key_col].strip()
        if not code:
            raise CompareError(f"Berkas {path.name}, baris {n}: kolom {header[key_col]} kosong (diharapkan kode "
                               "wilayah seperti 33.01.02).", "no_code")
        if code in out:
            raise CompareError(f"Berkas {path.name}, baris {n}: kode {code} muncul dua kali.", "duplicate")
        out[code] = {f: _parse_int(row[i], f"Berkas {path.name}, baris {n}, kolom {header[i]}")
                     for i, f in fields.items()}
    return out


def _read_long(name: str, header: list[str], rows: list[list[str]], election: Election) -> dict[str, dict]:
    """The long CSV (``recap export --format csv``): kode_wilayah, kode_kolom, field, nilai per row.

    A kecamatan column's figures are keyed by the kecamatan code, a JUMLAH column's by its region
    code (the regency, or the province for the province totals), as :func:`compare_external` expects.
    """
    at = {c: header.index(c) for c in LONG_COLUMNS}
    known = set(election.all_field_keys)
    out: dict[str, dict[str, int | None]] = {}
    for n, row in enumerate(rows, start=2):
        if not any(c.strip() for c in row):
            continue
        if len(row) < len(header):
            row = row + [""] * (len(header) - len(row))
        region, column, key = (row[at[c]].strip() for c in ("kode_wilayah", "kode_kolom", "field"))
        if not region or not column:
            raise CompareError(f"Berkas {name}, baris {n}: kolom kode_wilayah atau kode_kolom kosong (diharapkan "
                               "kode wilayah seperti 33.01 dan kode kolom seperti 33.01.01 atau JUMLAH).", "no_code")
        if key not in known:
            raise CompareError(f"Berkas {name}, baris {n}, kolom field: isian {key!r} tidak dikenal dalam pemilihan "
                               f"{election.name} (contoh yang dikenal: paslon_1, suara_sah).", "no_value_column")
        code = region if column == JUMLAH else column
        if key in out.get(code, {}):
            raise CompareError(f"Berkas {name}, baris {n}: isian {key} untuk kode {code} muncul dua kali.",
                               "duplicate")
        out.setdefault(code, {})[key] = _parse_int(row[at["nilai"]], f"Berkas {name}, baris {n}, kolom nilai")
    if not out:
        raise CompareError(f"Berkas {name}: tidak ada baris angka di bawah judul kolom.", "empty")
    return out


def compare_external(ws: Workspace, figures: Mapping[str, Mapping[str, int | None]],
                     source_name: str = "sumber lain") -> CompareReport:
    """Compare the workspace (A: latest official revisions) with another source (B).

    A kecamatan code is compared with that column of its regency's certificate, a regency code
    with its JUMLAH column, the province code with the province total (sum of the JUMLAH
    columns). Only figures present in B are compared.

    Returns:
        A :class:`CompareReport`; codes of no region go to ``unknown_codes``, regions without a
        received certificate to ``not_received``.
    """
    report = CompareReport("ruang kerja", source_name)
    latest = ws.latest_values()
    regions = {r.kode: r for r in ws.regions()}
    regency_tier, column_tier = ws.election.child_tier, ws.election.column_tier
    per_regency: dict[str, dict[str, dict]] = {}
    province_rows: dict[str, dict] = {}
    for code, vals in figures.items():
        r = regions.get(code)
        if code == ws.election.office_code:
            province_rows[code] = dict(vals)
        elif r is None:
            report.unknown_codes.append(code)
        elif r.tingkat == column_tier:
            per_regency.setdefault(r.kode_induk, {})[code] = dict(vals)
        elif r.tingkat == regency_tier:
            per_regency.setdefault(code, {})[JUMLAH] = dict(vals)
        else:
            province_rows[code] = dict(vals)
    names = ("ruang kerja", source_name)
    for r in ws.regencies():
        b = per_regency.get(r.kode)
        if b is None:
            continue
        if r.kode not in latest:
            report.not_received.extend(sorted(b))
            continue
        info, a = latest[r.kode]
        cols = [c for c in info.columns if c in b]
        report.not_received.extend(c for c in b if c not in info.columns)
        n, diffs = compare_columns(ws.election.form_of_region(r.kode), r.kode, _places(ws, r.kode), a, b,
                                   columns=cols, names=names, skip_blank_b=True)
        report.compared += n
        report.differences.extend(diffs)
    if province_rows:
        totals = province_totals(ws)["fields"]
        for code, vals in province_rows.items():
            n, diffs = compare_columns(ws.election.form_at(code), code, {PROVINSI: "Total provinsi"}, {PROVINSI: totals},
                                       {PROVINSI: vals}, columns=[PROVINSI], names=names, skip_blank_b=True)
            report.compared += n
            report.differences.extend(diffs)
    return report
