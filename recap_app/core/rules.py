"""The rule catalogue (stable codes, never reused) and the evaluation of one certificate.

Every rule has a code (``F.xxx`` for errors: an arithmetic identity or a completeness
requirement of the form is broken; ``W.xxx`` for warnings: implausible or incomplete, needs an
explanation), a one-line text in Indonesian and English, and the form block or regulation it
comes from (docs/domain.md §3). ``docs/rules.md`` is generated from :data:`RULES` by
``tools/gen_rules_doc.py``; a test fails when the two differ.

Evaluation is pure: :func:`check_certificate` judges one regency certificate (every kecamatan
column and its JUMLAH column), :func:`check_province` judges the province total (the sum of the
regencies' JUMLAH columns). Blank (None) is not zero: a rule whose input is blank is skipped, and
the blank is reported once per regency and field by W.602.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from .domain import JUMLAH, PROVINSI, RULES_VERSION, Region, tier_word  # noqa: F401 (RULES_VERSION: the rules' own)
from .formatting import figure as fmt

if TYPE_CHECKING:  # pragma: no cover
    from .forms import Form



#: W.102: invalid votes above this share of V.C are implausible. Pilpres 2019 nationally:
#: 3.754.905 tidak sah of 158.012.506 (2,38 %, KPU's national result).
INVALID_SHARE_LIMIT = 0.10
#: W.103: allowed distance between II.1 and ⌈DPT × (1 + cadangan)⌉, as a share of DPT. The
#: reserve is rounded up per TPS (less than one ballot per TPS, about 0,5 % of DPT at 200 voters
#: per TPS), so 1 % of DPT covers rounding and flags anything larger.
RESERVE_TOLERANCE = 0.01
#: W.101: turnout (B.4 / A.4) above this is implausible.
TURNOUT_LIMIT = 1.0


class Rule(NamedTuple):
    """One entry of the catalogue.

    Attributes:
        code: stable code ("F.201"); never reused for another meaning.
        severity: "error" (blocks adoption until fixed or overridden by the chair) or
            "warning" (needs a recorded explanation).
        text_id, text_en: one-line statement of the rule (Indonesian, English).
        source: the form block or regulation the rule comes from.
        threshold: the documented threshold of a plausibility rule, or "".
    """

    code: str
    severity: str
    text_id: str
    text_en: str
    source: str
    threshold: str = ""


_FORM = "Model DB1/DC1-PPWP (PKPU 3/2019), D.Hasil (PKPU 25/2023)"

RULES: tuple[Rule, ...] = (
    Rule("F.101", "error", "L + P = Jumlah pada setiap baris yang dirinci menurut jenis kelamin",
         "M + F = Total on every row split by sex", f"{_FORM}, blok I dan III, kolom L/P/Jumlah; docs/domain.md §3"),
    Rule("F.102", "error", "A.4 = A.1 + A.2 + A.3 (jumlah pemilih = jumlah kategori), untuk L, P dan Jumlah",
         "A.4 = A.1 + A.2 + A.3 (registered voters = sum of categories), for M, F and Total",
         f"{_FORM}, blok I.A; docs/domain.md §3"),
    Rule("F.103", "error", "B.4 = B.1 + B.2 + B.3 (pengguna hak pilih = jumlah kategori), untuk L, P dan Jumlah",
         "B.4 = B.1 + B.2 + B.3 (voters who voted = sum of categories), for M, F and Total",
         f"{_FORM}, blok I.B; docs/domain.md §3"),
    Rule("F.201", "error", "Jumlah suara semua peserta (IV: paslon, jumlah suara partai, atau calon perseorangan) "
         "= V.A jumlah suara sah",
         "Sum of the contestants' votes (IV: pairs, party totals or individual candidates) = V.A valid votes",
         f"{_FORM}, blok IV dan V.A; docs/domain.md §3"),
    Rule("F.202", "error", "V.A suara sah + V.B suara tidak sah = V.C jumlah suara",
         "V.A valid + V.B invalid = V.C total votes", f"{_FORM}, blok V; docs/domain.md §3"),
    Rule("F.203", "error", "V.C jumlah suara sah dan tidak sah = B.4 jumlah pengguna hak pilih",
         "V.C total votes = B.4 voters who voted", f"{_FORM}, blok I.B dan V; docs/domain.md §3"),
    Rule("F.204", "error", "Suara partai politik + suara semua calonnya = jumlah suara sah partai politik dan calon",
         "Party-only votes + the votes of all its candidates = the party's total",
         "D.Hasil-DPR dan -DPRD Provinsi (PKPU 25/2023), blok perolehan suara partai politik dan calon; docs/domain.md §5"),
    Rule("F.301", "error", "II.4 surat suara digunakan = B.4 jumlah pengguna hak pilih",
         "II.4 ballots used = B.4 voters who voted", f"{_FORM}, blok I.B dan II; docs/domain.md §3"),
    Rule("F.302", "error", "II.1 surat suara diterima = II.2 dikembalikan + II.3 tidak digunakan + II.4 digunakan",
         "II.1 ballots received = II.2 returned + II.3 unused + II.4 used", f"{_FORM}, blok II; docs/domain.md §3"),
    Rule("F.401", "error", "Pengguna hak pilih tiap kategori tidak melebihi pemilih kategori itu (B.n ≤ A.n), "
         "untuk L, P dan Jumlah",
         "Voters who voted in each category do not exceed those registered in it (B.n ≤ A.n), for M, F and Total",
         f"{_FORM}, blok I; docs/domain.md §3"),
    Rule("F.402", "error", "Pemilih disabilitas yang memilih tidak melebihi pemilih disabilitas (III.2 ≤ III.1)",
         "Disabled voters who voted do not exceed disabled voters registered (III.2 ≤ III.1)",
         f"{_FORM}, blok III; docs/domain.md §3"),
    Rule("F.501", "error", "Kolom JUMLAH kabupaten/kota = jumlah kolom kecamatannya, untuk setiap isian",
         "A regency's JUMLAH column = the sum of its kecamatan columns, for every field",
         "Rekapitulasi berjenjang (rapat pleno tiap tingkat); docs/domain.md §1"),
    Rule("F.601", "error", "Setiap kecamatan wilayah itu dan kolom JUMLAH ada di sertifikat",
         "Every kecamatan of the regency and the JUMLAH column are on the certificate",
         "Himpunan wilayah pemilihan (resources/regions); docs/domain.md §3"),
    Rule("F.602", "error", "Sertifikat tidak memuat kolom yang bukan kecamatan wilayah itu",
         "The certificate holds no column that is not a kecamatan of the regency",
         "Himpunan wilayah pemilihan (resources/regions); docs/domain.md §3"),
    Rule("F.603", "error", "Pemilu legislatif: setiap partai, calon dan calon perseorangan dalam daftar dapil ada di "
         "sertifikat (isian blok IV tidak kosong di semua kolom)",
         "Legislative contests: every party, candidate and individual candidate of the district's list is on the "
         "certificate (no block IV field blank in every column)",
         "D.Hasil-DPR, -DPD, -DPRD Provinsi (PKPU 25/2023), blok IV; daftar calon tetap (DCT); docs/domain.md §3, §5"),
    Rule("W.101", "warning", "Partisipasi (B.4 / A.4) lebih dari 100%",
         "Turnout (B.4 / A.4) above 100%", f"{_FORM}, blok I; docs/domain.md §3 (kewajaran)",
         "B.4 > A.4 × 100%"),
    Rule("W.102", "warning", "Bagian suara tidak sah (V.B / V.C) tinggi",
         "High share of invalid votes (V.B / V.C)", f"{_FORM}, blok V; docs/domain.md §3 (kewajaran)",
         "V.B > 10% × V.C (Pilpres 2019 nasional: 2,38%)"),
    Rule("W.103", "warning", "Surat suara diterima (II.1) jauh dari DPT + cadangan",
         "Ballots received (II.1) far from DPT + reserve",
         "Cadangan 2% DPT per TPS (Pemilu) / 2,5% (Pilkada), dibulatkan ke atas; persentase dari definisi "
         "pemilihan (reserve_percent); docs/domain.md §2",
         "selisih II.1 dengan ⌈DPT × (1 + cadangan)⌉ > 1% × DPT"),
    Rule("W.104", "warning", "Pemilu legislatif: pengguna hak pilih (B.4) lebih banyak dari pemilih DPT (A.1); pemilih "
         "DPTb dan DPK ada di luar DPT, jadi bukan kesalahan, tetapi dilaporkan",
         "Legislative contests: voters who voted (B.4) above the DPT (A.1); DPTb and DPK voters are outside the DPT, "
         "so not an error, but reported",
         "D.Hasil-DPR, -DPD, -DPRD Provinsi (PKPU 25/2023), blok I; docs/domain.md §5", "B.4 > A.1 (JML)"),
    Rule("W.105", "warning", "Angka pemilih, pengguna hak pilih, surat suara atau disabilitas wilayah yang sama berbeda "
         "dengan pemilihan lain pada hari pemungutan yang sama (ruang kerja yang ditautkan: recap link)",
         "Voter, turnout, ballot or disability figures of the same region differ from another contest of the same "
         "polling day (a linked workspace: recap link)",
         "Satu pemilih menerima surat suara setiap pemilihan pada hari yang sama (Pemilu 2024: PPWP, DPR, DPD, "
         "DPRD); docs/domain.md §3 dan §5", "satu angka pun berbeda, blok I–III"),
    Rule("W.601", "warning", "Sertifikat kabupaten/kota belum masuk",
         "The regency's certificate has not been received", "Rekapitulasi berjenjang; docs/domain.md §3"),
    Rule("W.602", "warning", "Isian kosong (kosong bukan nol); aturan yang memakainya tidak dapat diperiksa",
         "Blank field (blank is not zero); the rules that use it cannot be evaluated",
         f"{_FORM}, semua blok; docs/domain.md §3"),
)

RULES_BY_CODE: dict[str, Rule] = {r.code: r for r in RULES}

#: Codes withdrawn from the catalogue; never to be given a new meaning.
RETIRED_CODES: tuple[str, ...] = ()

#: Rules named in docs/domain.md §3 that have no input in this program yet (documented, not evaluated).
NOT_EVALUATED = (
    ("docs/domain.md §3", "Angka yang ditulis dengan huruf sama dengan angkanya",
     "Ruang kerja hanya menyimpan angka; sertifikat tidak menyimpan tulisan huruf (terbilang), "
     "jadi aturan ini belum mempunyai masukan."),
)


@dataclass(frozen=True)
class Finding:
    """One result of a rule at one place.

    Attributes:
        code: rule code (see :data:`RULES`).
        severity: "error" or "warning" (the rule's).
        region: the regency code ("33.75"); the province code ("33") for province findings.
        column: kecamatan code, "JUMLAH", "PROVINSI" for the province total, or "" when the
            finding concerns the whole certificate or several columns (W.601, W.602).
        field: field key ("paslon_1") or "".
        expected: the figure the rule expects (sum of the parts, upper bound, ...) or None.
        actual: the figure on the certificate, or None.
        message: the Indonesian sentence the clerk reads.
        columns: for W.602 the columns where the field is blank, in certificate order.
    """

    code: str
    severity: str
    region: str
    column: str
    field: str
    expected: int | None
    actual: int | None
    message: str
    columns: tuple[str, ...] = field(default=())

    @property
    def key(self) -> str:
        """Stable identity across recomputations: "code|region|column|field"."""
        return f"{self.code}|{self.region}|{self.column}|{self.field}"

    @property
    def difference(self) -> int | None:
        """actual − expected, when both are known."""
        if self.expected is None or self.actual is None:
            return None
        return self.actual - self.expected

    def to_dict(self) -> dict:
        """JSON-ready form (the shape of `recap check --format json`)."""
        return {"key": self.key, "code": self.code, "severity": self.severity, "region": self.region,
                "column": self.column, "field": self.field, "expected": self.expected,
                "actual": self.actual, "difference": self.difference, "message": self.message,
                "columns": list(self.columns)}


# --------------------------------------------------------------------------- evaluation
def _column_label(column: str, names: Mapping[str, str], word: str = "kecamatan", office: str = "provinsi") -> str:
    if column == JUMLAH:
        return "kolom JUMLAH"
    if column == PROVINSI:
        return f"total {office}"
    return f"{word} {names.get(column, column)} ({column})"


def check_column(form: Form, region: str, where: str, column: str, v: Mapping[str, int | None],
                 *, reserve_percent: float | None = None) -> list[Finding]:
    """Rules F.101–F.402 and W.101–W.103 on one column of figures.

    Args:
        form: the certificate's form (it gives the identities, bounds and labels).
        region: regency code ("33.75"), or the province code for the province total.
        where: the place as the clerk reads it ("Kota Pekalongan, kolom JUMLAH").
        column: the column code stored in the finding.
        v: {field key: int or None}; a missing key is blank.
        reserve_percent: reserve ballots in % of DPT (default: the form's).
    Returns:
        Findings in catalogue order; a rule with a blank input is skipped (W.602 reports it).
    """
    out: list[Finding] = []
    lab = form.labels
    for ident in form.identities:
        t = v.get(ident.target)
        if t is None:
            continue
        total = 0
        for part in ident.parts:
            x = v.get(part)
            if x is None:
                break
            total += x
        else:
            if total != t:
                parts = " + ".join(lab[q] for q in ident.parts)
                msg = (f"{where}: {parts} = {fmt(total)}, tetapi {lab[ident.target]} = {fmt(t)} "
                       f"(selisih {fmt(t - total)}).")
                out.append(Finding(ident.code, "error", region, column, ident.target, total, t, msg))
    for b in form.bounds:
        s, g = v.get(b.small), v.get(b.big)
        if s is not None and g is not None and s > g:
            msg = (f"{where}: {lab[b.small]} = {fmt(s)} melebihi {lab[b.big]} = {fmt(g)} "
                   f"(lebih {fmt(s - g)}).")
            out.append(Finding(b.code, "error", region, column, b.small, g, s, msg))
    voted, registered = v.get("pengguna_hak_pilih"), v.get("pemilih")
    if voted is not None and registered is not None and voted > registered * TURNOUT_LIMIT:
        share = f"{voted / registered * 100:.1f}".replace(".", ",") if registered else "tak hingga"
        msg = (f"{where}: partisipasi {share}% — {lab['pengguna_hak_pilih']} = {fmt(voted)} melebihi "
               f"{lab['pemilih']} = {fmt(registered)}. Perlu penjelasan.")
        out.append(Finding("W.101", "warning", region, column, "pengguna_hak_pilih", registered, voted, msg))
    dpt_key = form.voter_categories[0].key if form.voter_categories else None
    dpt = v.get(dpt_key) if dpt_key else None
    if form.legislative and voted is not None and dpt is not None and voted > dpt:
        msg = (f"{where}: {lab['pengguna_hak_pilih']} = {fmt(voted)} melebihi {lab[dpt_key]} = {fmt(dpt)} "
               f"(lebih {fmt(voted - dpt)}); pemilih DPTb dan DPK ada di luar DPT. Perlu penjelasan.")
        out.append(Finding("W.104", "warning", region, column, "pengguna_hak_pilih", dpt, voted, msg))
    invalid, total_votes = v.get("suara_tidak_sah"), v.get("jumlah_suara")
    if invalid is not None and total_votes and invalid > total_votes * INVALID_SHARE_LIMIT:
        limit = math.floor(total_votes * INVALID_SHARE_LIMIT)
        share = f"{invalid / total_votes * 100:.1f}".replace(".", ",")
        msg = (f"{where}: {lab['suara_tidak_sah']} = {fmt(invalid)} adalah {share}% dari "
               f"{lab['jumlah_suara']} = {fmt(total_votes)} (batas kewajaran 10%). Perlu penjelasan.")
        out.append(Finding("W.102", "warning", region, column, "suara_tidak_sah", limit, invalid, msg))
    received, dpt = v.get("surat_suara_diterima"), v.get("dpt")
    if received is not None and dpt is not None:
        pct = form.reserve_percent if reserve_percent is None else reserve_percent
        expected = math.ceil(dpt * (100 + pct) / 100 - 1e-9)
        if abs(received - expected) > dpt * RESERVE_TOLERANCE:
            side = "lebih" if received > expected else "kurang"
            pct_txt = f"{pct:g}".replace(".", ",")
            msg = (f"{where}: {lab['surat_suara_diterima']} = {fmt(received)}, {side} {fmt(abs(received - expected))} "
                   f"dari DPT + cadangan {pct_txt}% = {fmt(expected)} (batas kewajaran 1% DPT = "
                   f"{fmt(math.floor(dpt * RESERVE_TOLERANCE))}). Perlu penjelasan.")
            out.append(Finding("W.103", "warning", region, column, "surat_suara_diterima", expected, received, msg))
    return out


def check_certificate(form: Form, regency: Region, kecamatan: Iterable[Region],
                      columns: Iterable[str], values: Mapping[str, Mapping[str, int | None]], *,
                      column_tier: str = "kecamatan", office_tier: str = "provinsi") -> list[Finding]:
    """Every rule on one regency certificate: each kecamatan column, the JUMLAH column, the
    hierarchy (F.501) and completeness (F.601, F.602, W.602).

    Args:
        form: the certificate's form (the regency's district).
        regency: the submitting region.
        kecamatan: the regency's kecamatan in the election's region set (official order).
        columns: the certificate's columns in order (kecamatan codes, then "JUMLAH").
        values: {column: {field: int or None}}.
        column_tier, office_tier: tier names of the columns and of the office (for messages).
    Returns:
        Findings: completeness first, then per column (certificate order), then hierarchy.
        Hierarchy is skipped for a field with a blank input and when a kecamatan column is
        missing; a derived field (L+P, A.4, B.4, V.A, V.C) whose JUMLAH difference is exactly the
        sum of its parts' differences is not repeated (the part's finding names the fault).
    """
    kode = regency.kode
    word = tier_word(column_tier)
    names = {r.kode: r.nama for r in kecamatan}
    expected_cols = list(names)
    columns = list(columns)
    present = set(columns)
    out: list[Finding] = []
    missing = [c for c in expected_cols + [JUMLAH] if c not in present]
    for c in missing:
        what = "kolom JUMLAH" if c == JUMLAH else f"kolom {word} {names[c]} ({c})"
        out.append(Finding("F.601", "error", kode, c, "", None, None,
                           f"{regency.nama}: {what} tidak ada di sertifikat; seluruh isiannya belum tercatat."))
    for c in columns:
        if c != JUMLAH and c not in names:
            out.append(Finding("F.602", "error", kode, c, "", None, None,
                               f"{regency.nama}: kolom {c} bukan {word} {regency.nama} menurut himpunan wilayah "
                               f"pemilihan ini; angkanya tidak dihitung dalam pemeriksaan jenjang."))
    # F.603 — a list entry (party, candidate, individual) blank in every column is not on the certificate
    if form.legislative and columns:
        where_list = f"daftar dapil {form.district.nama}" if form.district is not None else "daftar calon"
        for k in form.block_iv_keys:
            if all(values.get(c, {}).get(k) is None for c in columns):
                out.append(Finding("F.603", "error", kode, "", k, None, None,
                                   f"{regency.nama}: {form.field_label(k)} tidak ada di sertifikat (kosong di semua "
                                   f"{len(columns)} kolom); diharapkan setiap partai dan calon {where_list}."))
    # W.602 — one finding per field, listing the columns where it is blank
    blanks: dict[str, list[str]] = {k: [] for k in form.field_keys}
    for c in columns:  # each column read once, field by field (certificate order kept per field)
        get = values.get(c, {}).get
        for k, where_blank in blanks.items():
            if get(k) is None:
                where_blank.append(c)
    for k in form.field_keys:
        blank = tuple(blanks[k])
        if not blank:
            continue
        if len(blank) == len(columns):
            where_txt = f"di semua {len(columns)} kolom"
        elif blank == (JUMLAH,):
            where_txt = "di kolom JUMLAH"
        else:
            shown = ", ".join(names.get(c, c) for c in blank[:6]) + (", ..." if len(blank) > 6 else "")
            where_txt = f"di {len(blank)} dari {len(columns)} kolom ({shown})"
        rules_txt = ", ".join(form.rules_using.get(k, ()))
        msg = (f"{regency.nama}: {form.label(k)} kosong {where_txt}; kosong bukan nol. "
               f"Aturan yang tidak dapat diperiksa di kolom tersebut: {rules_txt}.")
        out.append(Finding("W.602", "warning", kode, "", k, None, None, msg, blank))
    for c in columns:
        where = f"{regency.nama}, {_column_label(c, names, word, tier_word(office_tier))}"
        out.extend(check_column(form, kode, where, c, values.get(c, {})))
    # F.501 — hierarchy, per field
    kec_cols = [c for c in columns if c != JUMLAH]
    if JUMLAH in present and not any(c != JUMLAH for c in missing) and kec_cols:
        jum = values.get(JUMLAH, {})
        sums: dict[str, int] = {}
        for k in form.field_keys:
            j = jum.get(k)
            if j is None:
                continue
            total = 0
            for c in kec_cols:
                x = values.get(c, {}).get(k)
                if x is None:
                    break
                total += x
            else:
                sums[k] = total
        for k, total in sums.items():
            j = jum[k]
            if total == j or _explained_by_parts(form, k, kec_cols, values):
                continue
            msg = (f"{regency.nama}, kolom JUMLAH: {form.label(k)} = {fmt(j)}, tetapi jumlah "
                   f"{len(kec_cols)} kolom {word} = {fmt(total)} (selisih {fmt(j - total)}).")
            out.append(Finding("F.501", "error", kode, JUMLAH, k, total, j, msg))
    return out


def _explained_by_parts(form: Form, key: str, kec_cols: list[str], values) -> bool:
    """True when ``key`` is derived and equals the sum of its parts in every kecamatan column
    and in JUMLAH, so its hierarchy difference is exactly the sum of its parts' differences."""
    parts = form.derived.get(key)
    if not parts:
        return False
    for c in (*kec_cols, JUMLAH):
        col = values.get(c, {})
        t = col.get(key)
        xs = [col.get(q) for q in parts]
        if t is None or any(x is None for x in xs) or sum(xs) != t:
            return False
    return True


def check_province(form: Form, province: str, regencies: Iterable[Region],
                   jumlah: Mapping[str, Mapping[str, int | None] | None],
                   regency_findings: Iterable[Finding] = (), *, office_tier: str = "provinsi",
                   scope_name: str | None = None) -> list[Finding]:
    """Rules on the office's total (of one district) and its completeness.

    Args:
        form: the form of the district whose total is checked.
        province: the code stored as the region of these findings: the province code ("33"),
            or the district code for a contest with several districts.
        regencies: every submitting region of the district, official order.
        jumlah: {regency code: its JUMLAH column, or None when the certificate has no JUMLAH
            column}; a regency absent from the mapping has not been received (W.601).
        regency_findings: the regencies' findings; a province finding names the regencies whose
            JUMLAH column breaks the same rule for the same field.
        office_tier: the office's tier (for messages); scope_name: how the total is called
            ("Total provinsi", "Total dapil JAWA TENGAH I"), default "Total <office tier>".
    Returns:
        W.601 per missing regency, then the rules of :func:`check_column` on the province total
        (column "PROVINSI"). A province field is blank (rules using it skipped) when any received
        regency lacks it; the blank itself is reported per regency by W.602.
    """
    regencies = list(regencies)
    office = tier_word(office_tier)
    out = [Finding("W.601", "warning", r.kode, "", "", None, None,
                   f"{r.nama}: sertifikat belum masuk; total {office} belum memuat wilayah ini.")
           for r in regencies if r.kode not in jumlah]
    received = [r.kode for r in regencies if r.kode in jumlah]
    if not received:
        return out
    totals: dict[str, int | None] = {}
    for k in form.field_keys:
        total = 0
        for kode in received:
            col = jumlah[kode]
            x = None if col is None else col.get(k)
            if x is None:
                total = None
                break
            total += x
        totals[k] = total
    names = {r.kode: r.nama for r in regencies}
    order = {r.kode: i for i, r in enumerate(regencies)}
    sources: dict[tuple[str, str], list[str]] = {}
    for f in regency_findings:
        if f.column == JUMLAH:
            sources.setdefault((f.code, f.field), []).append(f.region)
    for key, src in sources.items():  # named in official order, whatever order the findings came in
        sources[key] = sorted(dict.fromkeys(src), key=lambda k: (order.get(k, len(order)), k))
    for f in check_column(form, province, scope_name or f"Total {office}", PROVINSI, totals):
        src = sources.get((f.code, f.field))
        if src:
            names_txt = ", ".join(f"{names.get(k, k)} ({k})" for k in src[:5])
            if len(src) > 5:
                names_txt += f" dan {len(src) - 5} kabupaten/kota lainnya"
            f = Finding(f.code, f.severity, f.region, f.column, f.field, f.expected, f.actual,
                        f"{f.message} Berasal dari kolom JUMLAH: {names_txt}.")
        out.append(f)
    return out


#: the blocks whose figures are the same for every contest of one polling day (W.105)
SHARED_BLOCKS = ("I", "II", "III")


def shared_keys(form: Form, other: Form) -> list[str]:
    """Field keys of blocks I–III both forms hold (voters, ballots, disability), in printed order."""
    theirs = set(other.field_keys)
    return [f.key for f in form.fields if f.row.split(".")[0] in SHARED_BLOCKS and f.key in theirs]


def check_linked(form: Form, regency: Region, kecamatan: Mapping[str, str], mine: Mapping[str, Mapping],
                 theirs: Mapping[str, Mapping], keys: Iterable[str], other_name: str) -> list[Finding]:
    """W.105: the figures of blocks I–III of one regency compared with another contest of the
    same polling day (a linked workspace), column by column.

    Args:
        form: this certificate's form (labels); regency: the submitting region;
        kecamatan: {kecamatan code: name} for messages.
        mine, theirs: {column: {field: int or None}} of this workspace and the other one.
        keys: the fields to compare (:func:`shared_keys`); other_name: the other contest as named.
    Returns:
        One warning per field that differs in any column both hold with both figures present;
        ``columns`` lists those columns, ``actual`` / ``expected`` are this and the other
        contest's figure in the first of them (JUMLAH first when it differs).
    """
    out: list[Finding] = []
    cols = [c for c in mine if c in theirs]
    cols.sort(key=lambda c: (c != JUMLAH, c))
    for k in keys:
        diff = [c for c in cols if mine[c].get(k) is not None and theirs[c].get(k) is not None
                and mine[c][k] != theirs[c][k]]
        if not diff:
            continue
        first = diff[0]
        shown = "; ".join(f"{'kolom JUMLAH' if c == JUMLAH else kecamatan.get(c, c)}: {fmt(mine[c][k])} di sini, "
                          f"{fmt(theirs[c][k])} di sana" for c in diff[:4])
        more = f" dan {len(diff) - 4} kolom lain" if len(diff) > 4 else ""
        msg = (f"{regency.nama}: {form.label(k)} berbeda dengan {other_name} ({shown}{more}); pemilih yang sama "
               f"menerima surat suara setiap pemilihan pada hari itu. Perlu penjelasan (misalnya pemilih DPTb yang "
               f"hanya berhak atas sebagian surat suara).")
        out.append(Finding("W.105", "warning", regency.kode, "", k, theirs[first][k], mine[first][k], msg,
                           tuple(diff)))
    return out
