"""`recap tps check`: the polling-station source against the form and against the certificates (docs/tps-data.md).

Two questions, both read-only:

1. **Is each TPS entry consistent?** Every identity and bound of the workspace election's form
   (recap_app/core/forms, rules F.1xx–F.4xx) whose fields the TPS set carries all is checked on
   every TPS; a blank figure skips the rule there (blank is not zero). A TPS that breaks one is
   *rusak* (``tps_rusak``). Plausibility: V.C jumlah suara above the DPT (``dpt``, or
   ``dpt_l + dpt_p``) is a warning (``lebih_dpt``): DPTb and DPK voters vote outside the DPT, so it
   can be right, but it needs a look.
2. **Where do the TPS sums and the certificates disagree?** The TPS figures are added up per desa,
   kecamatan, kabupaten/kota and province, and compared with the latest official revision of every
   stored certificate: each column with the sum of the region it names (a kecamatan column with
   its kecamatan's TPS, a desa column with its desa's), the ``JUMLAH`` column with the sum of the
   certificate's region, the office total with the sum of the regions received. Every difference
   is ``sertifikat − jumlah TPS`` and carries typing-fault hints (*petunjuk*, :class:`Hint`).

The hints (docs/domain.md §4; compare.py for the digit classes) say what a difference looks like,
never what is true:

- on the certificate: ``angka_tertukar`` (two digits swapped), ``kelebihan_satu_angka``,
  ``kekurangan_satu_angka``, ``satu_angka_berbeda`` (the certificate figure is the TPS sum typed
  with that fault), ``isian_tetangga`` (it equals the TPS sum of another field, e.g. paslon 2's),
  ``selisih_pangkat_sepuluh`` (the difference is one digit at the tens or higher, e.g. exactly 100);
- at one TPS of the area: the same digit classes (that TPS's figure, corrected that way, makes the
  sum equal the certificate), ``tps_rusak`` (the same TPS breaks an identity by exactly the
  difference), ``isian_tetangga`` (that TPS's figure and its neighbour's, swapped, make both sums
  equal the certificate).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from . import compare, tps
from .domain import JUMLAH, PROVINSI, Region, tier_word
from .errors import ElectionError
from .formatting import figure as fmt
from .formatting import local_time
from .forms import Bound, Form, Identity
from .store import Workspace
from .text import shown

#: compare.py's digit classes, named in Indonesian (docs/tps-data.md)
FAULT_KIND = {"digits_swapped": "angka_tertukar", "digit_extra": "kelebihan_satu_angka",
              "digit_missing": "kekurangan_satu_angka", "digit_wrong": "satu_angka_berbeda",
              "wrong_row": "isian_tetangga"}
#: every hint kind, with what it says (docs/tps-data.md)
HINT_TEXT = {
    "angka_tertukar": "dua angka tertukar",
    "kelebihan_satu_angka": "kelebihan satu angka",
    "kekurangan_satu_angka": "kekurangan satu angka",
    "satu_angka_berbeda": "satu angka berbeda",
    "isian_tetangga": "angka isian lain (isian tetangga) diketik di isian ini",
    "selisih_pangkat_sepuluh": "selisih satu angka pada tempat puluhan atau lebih",
    "tps_rusak": "TPS yang melanggar identitas formulir dengan selisih yang sama",
}
#: at most this many TPS are named for one difference (those whose own identity the correction
#: also satisfies; a digit fault alone is named only when a single TPS of the area fits it)
MAX_CANDIDATES = 3
PLACE_WORDS = {1: "puluhan", 2: "ratusan", 3: "ribuan", 4: "puluhan ribu", 5: "ratusan ribu", 6: "jutaan"}
#: the levels compared, bottom up, as named in the JSON
LEVELS = ("desa", "kecamatan", "kabupaten_kota", "provinsi")


@dataclass(frozen=True)
class TpsFinding:
    """One TPS that breaks a rule of the form, or exceeds its DPT.

    Attributes:
        index: the TPS's position in the set; code: the form rule ("F.201") or "lebih_dpt";
        severity: "error" (an identity or bound of the form) or "warning" (plausibility);
        field: the field the rule judges (the identity's target, the bound's small side, V.C);
        expected, actual: what the rule expects and what the TPS holds; message: Indonesian.
    """

    index: int
    code: str
    severity: str
    field: str
    expected: int | None
    actual: int | None
    message: str

    def to_dict(self, data: tps.TpsData) -> dict:
        i = self.index
        return {"baris": data.baris[i], "kode_kecamatan": data.kode_kecamatan[i], "kode_desa": data.kode_desa[i],
                "desa": data.desa[i], "no_tps": data.no_tps[i], "code": self.code, "severity": self.severity,
                "field": self.field, "expected": self.expected, "actual": self.actual,
                "difference": None if self.expected is None or self.actual is None else self.actual - self.expected,
                "message": self.message}


@dataclass(frozen=True)
class Hint:
    """A typing-fault hint on a difference.

    Attributes:
        jenis: the hint kind (:data:`HINT_TEXT`); di: "sertifikat" or "tps" (where the fault would be);
        teks: the Indonesian sentence; tps: the TPS it names [{"baris", "desa", "no_tps", "angka", "bila"}].
    """

    jenis: str
    di: str
    teks: str
    tps: tuple[dict, ...] = ()

    def to_dict(self) -> dict:
        return {"jenis": self.jenis, "di": self.di, "teks": self.teks, "tps": list(self.tps)}


@dataclass(frozen=True)
class Difference:
    """A certificate figure that differs from the sum of the TPS behind it.

    Attributes:
        tingkat: the level ("desa", "kecamatan", "kabupaten_kota", "provinsi"); kode, nama: the region;
        sertifikat_wilayah, kolom: the certificate (its region code) and column ("33.01.02", "JUMLAH",
            "PROVINSI"); field: the field key;
        sertifikat, tps: the certificate's figure and the TPS sum; jumlah_tps, tps_kosong: TPS in the
            region and those blank for the field (then the sum is incomplete);
        petunjuk: the hints; message: the Indonesian sentence.
    """

    tingkat: str
    kode: str
    nama: str
    sertifikat_wilayah: str
    kolom: str
    field: str
    sertifikat: int
    tps: int
    jumlah_tps: int
    tps_kosong: int
    petunjuk: tuple[Hint, ...]
    message: str

    @property
    def selisih(self) -> int:
        """sertifikat − jumlah TPS."""
        return self.sertifikat - self.tps

    def to_dict(self) -> dict:
        return {"tingkat": self.tingkat, "kode": self.kode, "nama": self.nama,
                "sertifikat_wilayah": self.sertifikat_wilayah, "kolom": self.kolom, "field": self.field,
                "sertifikat": self.sertifikat, "tps": self.tps, "selisih": self.selisih, "jumlah_tps": self.jumlah_tps,
                "tps_kosong": self.tps_kosong, "petunjuk": [h.to_dict() for h in self.petunjuk],
                "message": self.message}


@dataclass
class Area:
    """The TPS of one region added up: their indices, and per field the sum and the blanks."""

    kode: str
    tingkat: str
    nama: str
    members: list[int] = field(default_factory=list)
    sums: dict[str, int] = field(default_factory=dict)
    blanks: dict[str, int] = field(default_factory=dict)


@dataclass
class TpsReport:
    """The result of :func:`check` (``recap tps check``); JSON keys in :meth:`to_dict`."""

    info: tps.TpsImport
    data: tps.TpsData
    checked: list[tuple[str, str]] = field(default_factory=list)
    unchecked: list[str] = field(default_factory=list)
    findings: list[TpsFinding] = field(default_factory=list)
    dpt_blank: int = 0
    unknown: list[dict] = field(default_factory=list)
    certificates: int = 0
    compared: dict[str, dict[str, int]] = field(default_factory=dict)
    differences: dict[str, list[Difference]] = field(default_factory=dict)
    columns_without_tps: list[dict] = field(default_factory=list)
    kecamatan_without_certificate: list[dict] = field(default_factory=list)

    @property
    def errors(self) -> list[TpsFinding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[TpsFinding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def tps_rusak(self) -> int:
        """Number of TPS that break at least one identity or bound of the form."""
        return len({f.index for f in self.errors})

    def per_rule(self) -> dict[str, int]:
        """{rule code: TPS breaking it}, catalogue order."""
        out: dict[str, set[int]] = {}
        for f in self.errors:
            out.setdefault(f.code, set()).add(f.index)
        return {code: len(out[code]) for code in sorted(out)}

    def to_dict(self, limit: int | None = None) -> dict:
        """JSON-ready form (`recap tps check --format json`); ``limit`` cuts each list (None: all).

        Keys: sumber, impor, tps (TPS count), isian, aturan_diperiksa [{code, rumus}],
        aturan_tidak_diperiksa [code], tps_rusak, tps_rusak_per_aturan {code: n}, lebih_dpt,
        dpt_kosong, angka_kosong {field: n}, kecamatan_tak_dikenal [{kode, tps}], temuan_tps
        [TPS finding], temuan_tps_jumlah, sertifikat (certificates compared), perbandingan
        {level: {dibandingkan, berbeda, isian_berbeda}}, kecamatan_berbeda, selisih {level:
        [difference]}, selisih_jumlah, petunjuk_jumlah {kind: n}, kolom_tanpa_tps
        [{sertifikat, kolom}], kecamatan_tanpa_sertifikat [{kode, tps}], dipotong.
        """
        cut = (lambda xs: xs) if limit is None else (lambda xs: xs[:limit])
        diffs = [d for level in LEVELS for d in self.differences.get(level, [])]
        hints: dict[str, int] = {}
        for d in diffs:
            for h in d.petunjuk:
                hints[h.jenis] = hints.get(h.jenis, 0) + 1
        return {
            "sumber": self.info.sumber, "impor": self.info.to_dict(), "tps": len(self.data),
            "isian": list(self.data.isian),
            "aturan_diperiksa": [{"code": c, "rumus": r} for c, r in self.checked],
            "aturan_tidak_diperiksa": self.unchecked,
            "tps_rusak": self.tps_rusak, "tps_rusak_per_aturan": self.per_rule(),
            "lebih_dpt": len(self.warnings), "dpt_kosong": self.dpt_blank,
            "angka_kosong": {k: n for k in self.data.isian if (n := self.data.angka[k].count(None))},
            "kecamatan_tak_dikenal": self.unknown,
            "temuan_tps": [f.to_dict(self.data) for f in cut(self.findings)], "temuan_tps_jumlah": len(self.findings),
            "sertifikat": self.certificates, "perbandingan": self.compared,
            "kecamatan_berbeda": self.compared.get("kecamatan", {}).get("berbeda", 0),
            "selisih": {level: [d.to_dict() for d in cut(self.differences.get(level, []))] for level in LEVELS},
            "selisih_jumlah": len(diffs), "petunjuk_jumlah": dict(sorted(hints.items())),
            "kolom_tanpa_tps": self.columns_without_tps,
            "kecamatan_tanpa_sertifikat": self.kecamatan_without_certificate,
            "dipotong": limit is not None and (len(self.findings) > limit
                                               or any(len(v) > limit for v in self.differences.values())),
        }

    def to_text(self, limit: int | None = 20) -> str:
        """The report as the CLI prints it (Indonesian), each list cut at ``limit`` (None: all)."""
        info, n = self.info, len(self.data)
        out = [f"Data TPS sumber {info.sumber}, impor #{info.id} (berkas {info.berkas}, {fmt(n)} TPS, diimpor "
               f"{local_time(info.imported_at)} oleh {shown(info.imported_by)}). Bahan pembanding, bukan hasil resmi."]
        rules = "; ".join(f"{c} ({r})" for c, r in self.checked) or "tidak ada"
        out.append(f"Aturan formulir yang diperiksa per TPS: {rules}.")
        if self.unchecked:
            out.append(f"Tidak dapat diperiksa (isiannya tidak ada di data TPS): {', '.join(self.unchecked)}.")
        per = ", ".join(f"{c}: {fmt(k)}" for c, k in self.per_rule().items())
        out.append(f"TPS rusak (melanggar identitas formulir): {fmt(self.tps_rusak)} dari {fmt(n)} TPS"
                   + (f" ({per})." if per else "."))
        out.append(f"Suara (V.C) melebihi DPT: {fmt(len(self.warnings))} TPS (peringatan: pemilih DPTb dan DPK ada di "
                   f"luar DPT); DPT kosong: {fmt(self.dpt_blank)} TPS.")
        blank = {k: c for k in self.data.isian if (c := self.data.angka[k].count(None))}
        if blank:
            out.append("Angka kosong (kosong bukan nol): " + ", ".join(f"{k} {fmt(c)} TPS" for k, c in blank.items()) + ".")
        if self.unknown:
            first = ", ".join(f"{u['kode']} ({fmt(u['tps'])} TPS)" for u in self.unknown[:10])
            more = f" dan {fmt(len(self.unknown) - 10)} lainnya" if len(self.unknown) > 10 else ""
            out.append(f"Kecamatan tidak dikenal dalam himpunan wilayah pemilihan ini: {fmt(len(self.unknown))} "
                       f"({first}{more}); TPS-nya diperiksa, tetapi tidak dibandingkan dengan sertifikat.")
        for title, items in ((f"Pelanggaran identitas di {fmt(self.tps_rusak)} TPS rusak", self.errors),
                             ("TPS dengan suara melebihi DPT", self.warnings)):
            if items:
                out.append(_heading(title, len(items), limit))
                out += [f"  baris {self.data.baris[f.index]}: {f.message}" for f in _cut(items, limit)]
        out.append("")
        if not self.certificates:
            out.append("Belum ada sertifikat tersimpan: tidak ada yang dibandingkan dengan data TPS.")
            return "\n".join(out)
        parts = [f"{tier_word(level)}: {fmt(c['dibandingkan'])} dibandingkan, {fmt(c['berbeda'])} berbeda "
                 f"({fmt(c['isian_berbeda'])} isian)" for level, c in self.compared.items()]
        out.append(f"Perbandingan dengan {fmt(self.certificates)} sertifikat (revisi resmi terakhir; selisih = "
                   f"sertifikat − jumlah TPS): " + "; ".join(parts) + ".")
        diffs = [d for level in LEVELS for d in self.differences.get(level, [])]
        hinted = [d for d in diffs if d.petunjuk]
        if hinted:
            out.append(_heading("Selisih dengan petunjuk salah ketik", len(hinted), limit))
            out += [f"  {d.message}" for d in _cut(hinted, limit)]
        if diffs:
            biggest = sorted(diffs, key=lambda d: (-abs(d.selisih), LEVELS.index(d.tingkat)))
            out.append(_heading("Selisih terbesar", len(diffs), limit))
            out += [f"  {d.message}" for d in _cut(biggest, limit)]
        if self.columns_without_tps:
            cols = ", ".join(f"{c['kolom']} ({c['sertifikat']})" for c in self.columns_without_tps[:10])
            out.append(f"Kolom sertifikat tanpa TPS di data ini: {fmt(len(self.columns_without_tps))} ({cols}"
                       + (", ..." if len(self.columns_without_tps) > 10 else "") + ").")
        if self.kecamatan_without_certificate:
            out.append(f"Kecamatan dengan TPS tetapi tanpa sertifikat tersimpan: "
                       f"{fmt(len(self.kecamatan_without_certificate))}.")
        return "\n".join(out)


def _cut(items: list, limit: int | None) -> list:
    return items if limit is None else items[:limit]


def _heading(title: str, n: int, limit: int | None) -> str:
    if limit is None or n <= limit:
        return f"{title} ({fmt(n)}):"
    return f"{title}, {fmt(limit)} pertama dari {fmt(n)} (--limit N atau --all untuk lebih):"


# --------------------------------------------------------------------------- the form's rules per TPS
def rules_for(form: Form, isian: Iterable[str]) -> tuple[list[Identity], list[Bound], list[str]]:
    """The form's identities and bounds a TPS set can be checked on: those whose fields it carries all.

    Returns:
        (identities, bounds, the codes of the other rules, sorted): source: the form's blocks
        I–V (:attr:`Form.identities`, :attr:`Form.bounds`; docs/rules.md).
    """
    have = set(isian)
    ids = [i for i in form.identities if i.target in have and have.issuperset(i.parts) and i.parts]
    bounds = [b for b in form.bounds if b.small in have and b.big in have]
    used = {i.code for i in ids} | {b.code for b in bounds}
    rest = sorted({i.code for i in form.identities} | {b.code for b in form.bounds} - used)
    return ids, bounds, rest


def _check_tps(form: Form, data: tps.TpsData, indices: list[int] | None, ids: list[Identity],
               bounds: list[Bound]) -> list[TpsFinding]:
    """The identities and bounds on the TPS at ``indices`` (None: all). A blank skips the rule there."""
    lab, a = form.labels, data.angka
    out: list[TpsFinding] = []
    rows = range(len(data)) if indices is None else indices
    for ident in ids:
        target, parts = a[ident.target], [a[p] for p in ident.parts]
        words = " + ".join(lab[p] for p in ident.parts)
        for i in rows:
            t = target[i]
            if t is None:
                continue
            total = 0
            for col in parts:
                x = col[i]
                if x is None:
                    break
                total += x
            else:
                if total != t:
                    out.append(TpsFinding(i, ident.code, "error", ident.target, total, t,
                                          f"{data.place(i)}: {words} = {fmt(total)}, tetapi {lab[ident.target]} = "
                                          f"{fmt(t)} (selisih {fmt(t - total)})."))
    for b in bounds:
        small, big = a[b.small], a[b.big]
        for i in rows:
            s, g = small[i], big[i]
            if s is not None and g is not None and s > g:
                out.append(TpsFinding(i, b.code, "error", b.small, g, s,
                                      f"{data.place(i)}: {lab[b.small]} = {fmt(s)} melebihi {lab[b.big]} = {fmt(g)} "
                                      f"(lebih {fmt(s - g)})."))
    return out


def _dpt_check(form: Form, data: tps.TpsData, indices: list[int] | None) -> tuple[list[TpsFinding], int]:
    """V.C jumlah suara above the DPT (a warning), and how many TPS have no DPT (``dpt``, or both
    ``dpt_l`` and ``dpt_p``). Source: form blocks I.A.1 and V.C; DPTb and DPK voters are outside
    the DPT (docs/domain.md §2), so it is not an error."""
    a = data.angka
    votes = a.get("jumlah_suara")
    if "dpt" in a:
        dpt = a["dpt"]
    elif "dpt_l" in a and "dpt_p" in a:
        dpt = [None if x is None or y is None else x + y for x, y in zip(a["dpt_l"], a["dpt_p"], strict=True)]
    else:
        return [], 0
    rows = range(len(data)) if indices is None else indices
    blank = sum(1 for i in rows if dpt[i] is None)
    if votes is None:
        return [], blank
    lab = form.labels
    out = [TpsFinding(i, "lebih_dpt", "warning", "jumlah_suara", dpt[i], votes[i],
                      f"{data.place(i)}: {lab['jumlah_suara']} = {fmt(votes[i])} melebihi DPT = {fmt(dpt[i])} (lebih "
                      f"{fmt(votes[i] - dpt[i])}); pemilih DPTb dan DPK ada di luar DPT. Perlu penjelasan.")
           for i in rows if votes[i] is not None and dpt[i] is not None and votes[i] > dpt[i]]
    return out, blank


# --------------------------------------------------------------------------- sums per region
def region_sums(data: tps.TpsData, regions: dict[str, Region]) -> dict[str, Area]:
    """{region code: Area} for every desa (with a code), kecamatan, kabupaten/kota and province of the set:
    per field the sum of the TPS figures present and the number of TPS blank for it.

    A kecamatan's kabupaten/kota is its parent in the region set, else the first five characters
    of its code ("33.01"); the province the first two. Desa without a code are summed only in
    their kecamatan.
    """
    fields = data.isian

    def area(kode: str, tingkat: str, nama: str | None = None) -> Area:
        got = areas.get(kode)
        if got is None:
            r = regions.get(kode)
            got = areas[kode] = Area(kode, tingkat, r.nama if r else (nama or kode))
        return got

    areas: dict[str, Area] = {}
    kec_slot: dict[str, int] = {}
    desa_slot: dict[str, int] = {}
    kecs: list[Area] = []
    desas: list[Area] = []
    ks: list[int] = []
    ds: list[int] = []
    for i, (kec, desa) in enumerate(zip(data.kode_kecamatan, data.kode_desa, strict=True)):
        n = kec_slot.get(kec)
        if n is None:
            n = kec_slot[kec] = len(kecs)
            kecs.append(area(kec, "kecamatan"))
        kecs[n].members.append(i)
        ks.append(n)
        if desa is None:
            ds.append(-1)  # the spare last slot: summed nowhere
            continue
        n = desa_slot.get(desa)
        if n is None:
            n = desa_slot[desa] = len(desas)
            desas.append(area(desa, "desa", data.desa[i]))
        desas[n].members.append(i)
        ds.append(n)
    for groups, slots in ((kecs, ks), (desas, ds)):
        for f in fields:
            sums, blanks = [0] * (len(groups) + 1), [0] * (len(groups) + 1)
            for n, v in zip(slots, data.angka[f], strict=True):
                if v is None:
                    blanks[n] += 1
                else:
                    sums[n] += v
            for g, total, b in zip(groups, sums, blanks, strict=False):  # the spare slot left out
                g.sums[f], g.blanks[f] = total, b
    for k in kecs:
        kec = k.kode
        r = regions.get(kec)
        parent = r.kode_induk if r is not None and r.kode_induk else kec[:5]
        for kode, tingkat in ((parent, "kabupaten_kota"), (kec[:2], "provinsi")):
            up = area(kode, tingkat)
            up.members.extend(k.members)
            for f in fields:
                up.sums[f] = up.sums.get(f, 0) + k.sums[f]
                up.blanks[f] = up.blanks.get(f, 0) + k.blanks[f]
    return areas


# --------------------------------------------------------------------------- hints
def _single_digit(n: int) -> tuple[int, int] | None:
    """(digit, power) when ``n`` is one digit followed by zeros (300 -> (3, 2)), else None."""
    n = abs(n)
    power = 0
    while n and n % 10 == 0:
        n //= 10
        power += 1
    return (n, power) if 0 < n < 10 else None


def _tps_ref(data: tps.TpsData, i: int, f: str, v: int, w: int) -> dict:
    return {"baris": data.baris[i], "kode_desa": data.kode_desa[i], "desa": data.desa[i], "no_tps": data.no_tps[i],
            "field": f, "angka": v, "bila": w}


def _tps_words(data: tps.TpsData, i: int) -> str:
    return f"TPS {data.no_tps[i]} desa {shown(data.desa[i] or data.kode_desa[i] or '?')} (baris {data.baris[i]})"


def area_hints(form: Form, f: str, cert: int, total: int, cert_col: dict[str, int | None],
               tps_sums: dict[str, int]) -> list[Hint]:
    """Hints that the certificate figure itself was mistyped (the TPS sum being right).

    Args:
        f: the field; cert, total: the certificate's figure and the TPS sum; cert_col, tps_sums:
            the other compared fields of the same column (for ``isian_tetangga``).
    """
    lab = form.label
    out: list[Hint] = []
    fault, other = compare.classify(f, total, cert, tps_sums, cert_col)
    if fault == "wrong_row":
        out.append(Hint("isian_tetangga", "sertifikat",
                        f"angka sertifikat {fmt(cert)} sama dengan jumlah TPS {lab(other)} ({fmt(tps_sums[other])}): "
                        "mungkin angka isian itu diketik di isian ini"))
    elif fault:
        kind = FAULT_KIND[fault]
        out.append(Hint(kind, "sertifikat", f"angka sertifikat {fmt(cert)} mirip jumlah TPS {fmt(total)} dengan "
                                            f"{HINT_TEXT[kind]}"))
    one = _single_digit(cert - total)
    if one and one[1] >= 1 and fault != "digit_wrong":
        digit, power = one
        out.append(Hint("selisih_pangkat_sepuluh", "sertifikat",
                        f"selisih {fmt(cert - total)} adalah satu angka ({digit}) pada tempat "
                        f"{PLACE_WORDS.get(power, f'10^{power}')}: satu angka salah ketik, di sertifikat atau di satu TPS"))
    return out


def tps_hints(form: Form, data: tps.TpsData, members: list[int], f: str, diff: int, diffs: dict[str, int],
              broken: dict[int, list[TpsFinding]]) -> list[Hint]:
    """Hints that one TPS of the area was mistyped (the certificate being right).

    Args:
        members: the TPS of the area; f: the field; diff: sertifikat − jumlah TPS for ``f``;
        diffs: the same for the other fields of the area (for a swap with the neighbouring field);
        broken: {TPS index: its error findings} (for ``tps_rusak``).
    """
    lab = form.label
    col = data.angka[f]
    digits_may = diff % 9 == 0 or (_single_digit(diff) or (0, 0))[1] >= compare.DIGIT_WRONG_MIN_PLACE - 1
    strong: list[Hint] = []
    weak: list[tuple[int, str, int, int]] = []
    for i in members:
        v = col[i]
        if v is None or v + diff < 0:
            continue
        w = v + diff
        fault = compare.digit_fault(w, v) if digits_may or len(str(w)) != len(str(v)) else ""
        fixes = [g.code for g in broken.get(i, ()) if _fixes(g, f, w, diff, form)]
        if fixes:
            kind = FAULT_KIND[fault] if fault else "tps_rusak"
            how = f" ({HINT_TEXT[kind]})" if fault else ""
            strong.append(Hint(kind, "tps", f"{_tps_words(data, i)}: {lab(f)} tercatat {fmt(v)}; bila {fmt(w)}{how}, "
                                            f"{', '.join(fixes)} TPS itu terpenuhi dan jumlah TPS sama dengan sertifikat",
                               (_tps_ref(data, i, f, v, w),)))
        elif fault:
            weak.append((i, fault, v, w))
    out = strong[:MAX_CANDIDATES]
    if len(weak) == 1:  # a digit fault alone is named only where one TPS fits it
        for i, fault, v, w in weak:
            kind = FAULT_KIND[fault]
            out.append(Hint(kind, "tps", f"{_tps_words(data, i)}: {lab(f)} tercatat {fmt(v)}; bila {fmt(w)} "
                                         f"({HINT_TEXT[kind]}), jumlah TPS sama dengan sertifikat",
                            (_tps_ref(data, i, f, v, w),)))
    for g in _neighbours(form, data.isian, f):
        if diffs.get(g) != -diff:
            continue
        other = data.angka[g]
        swaps = [i for i in members if col[i] is not None and other[i] is not None and other[i] - col[i] == diff]
        if 0 < len(swaps) <= MAX_CANDIDATES:
            for i in swaps:
                out.append(Hint("isian_tetangga", "tps",
                                f"{_tps_words(data, i)}: {lab(f)} {fmt(col[i])} dan {lab(g)} {fmt(other[i])}; bila "
                                "keduanya ditukar, jumlah TPS kedua isian sama dengan sertifikat",
                                (_tps_ref(data, i, f, col[i], other[i]), _tps_ref(data, i, g, other[i], col[i]))))
    return out


def _fixes(finding: TpsFinding, f: str, w: int, diff: int, form: Form) -> bool:
    """True when field ``f`` of the finding's TPS, set to ``w`` (``diff`` more), satisfies the finding's rule."""
    if finding.severity != "error" or finding.expected is None or finding.actual is None:
        return False
    if finding.field == f:  # the identity's target, or the bound's small side
        bound = any(b.code == finding.code and b.small == f for b in form.bounds)
        return w <= finding.expected if bound else w == finding.expected
    ident = next((i for i in form.identities if i.code == finding.code and i.target == finding.field), None)
    return ident is not None and f in ident.parts and finding.actual - finding.expected == diff


def _neighbours(form: Form, isian: tuple[str, ...], f: str) -> list[str]:
    """The fields printed next to ``f`` on the form among those the set carries (paslon_1 -> paslon_2)."""
    keys = [k for k in form.field_keys if k in set(isian)]
    if f not in keys:
        return []
    j = keys.index(f)
    return [keys[n] for n in (j - 1, j + 1) if 0 <= n < len(keys)]


# --------------------------------------------------------------------------- the check
def _forms_by_tps(ws: Workspace, data: tps.TpsData, regions: dict[str, Region]) -> dict[int, tuple[Form, list[int]]]:
    """{id(form): (form, TPS indices)}: each TPS with the form of its regency's district (one form
    for a contest with one district); TPS whose regency is in no district are left out."""
    e = ws.election
    if len(e.districts) == 1:
        return {id(e.form): (e.form, list(range(len(data))))}
    by_kec: dict[str, Form | None] = {}
    out: dict[int, tuple[Form, list[int]]] = {}
    for i, kec in enumerate(data.kode_kecamatan):
        if kec not in by_kec:
            r = regions.get(kec)
            try:
                by_kec[kec] = e.form_of_region(r.kode_induk if r is not None else kec[:5])
            except ElectionError:
                by_kec[kec] = None
        form = by_kec[kec]
        if form is not None:
            out.setdefault(id(form), (form, []))[1].append(i)
    return out


def check(ws: Workspace, sumber: str | None = None) -> TpsReport:
    """Check the current TPS set of ``sumber`` (None: the source imported last) and compare it with
    the certificates (see the module docstring).

    Returns:
        A :class:`TpsReport` (about 1 s for 115.401 TPS and 35 certificates).
    Raises:
        TpsError: "no_tps"; WorkspaceError: "tampered" (TPS rows or certificate figures changed
            outside the program).
    """
    stored = tps.load(ws, sumber)
    data = stored.data
    regions = {r.kode: r for r in ws.regions()}
    rep = TpsReport(stored.info, data)
    seen_rules: dict[str, str] = {}
    unchecked: set[str] = set()
    forms = _forms_by_tps(ws, data, regions)
    whole = len(forms) == 1 and len(next(iter(forms.values()))[1]) == len(data)
    for form, indices in forms.values():
        ids, bounds, rest = rules_for(form, data.isian)
        for i in ids:
            seen_rules.setdefault(i.code, f"{i.target} = {' + '.join(i.parts)}")
        for b in bounds:
            seen_rules.setdefault(b.code, f"{b.small} ≤ {b.big}")
        unchecked.update(rest)
        rep.findings += _check_tps(form, data, None if whole else indices, ids, bounds)
        warnings, blank = _dpt_check(form, data, None if whole else indices)
        rep.findings += warnings
        rep.dpt_blank += blank
    rep.findings.sort(key=lambda f: (f.index, f.severity != "error", f.code))
    rep.checked = sorted(seen_rules.items())
    rep.unchecked = sorted(unchecked - set(seen_rules))
    known_kec = {k for k, r in regions.items() if r.tingkat == "kecamatan"}
    counts: dict[str, int] = {}
    for k in data.kode_kecamatan:
        if k not in known_kec:
            counts[k] = counts.get(k, 0) + 1
    rep.unknown = [{"kode": k, "tps": n} for k, n in sorted(counts.items())]
    _compare(ws, rep, regions)
    return rep


def _compare(ws: Workspace, rep: TpsReport, regions: dict[str, Region]) -> None:
    """Fill the comparison with the certificates (latest official revisions, checked when read)."""
    latest = ws.latest_values()
    rep.certificates = len(latest)
    if not latest:
        return
    data = rep.data
    areas = region_sums(data, regions)
    broken: dict[int, list[TpsFinding]] = {}
    for f in rep.findings:
        broken.setdefault(f.index, []).append(f)
    e = ws.election
    order = {k: n for n, k in enumerate(regions)}
    covered: set[str] = set()
    office: dict[str, list[int | None]] = {}  # the office total: the JUMLAH columns of the received regions
    office_form: Form | None = None
    for kode in sorted(latest, key=lambda k: order.get(k, len(order))):
        info, values = latest[kode]
        try:
            form = e.form_of_region(kode)
        except ElectionError:
            continue
        fields = [k for k in data.isian if k in form.field_by_key]
        for col in info.columns:
            target = kode if col == JUMLAH else col
            a = areas.get(target)
            if a is None:
                rep.columns_without_tps.append({"sertifikat": kode, "kolom": col})
                continue
            covered.add(target)
            _compare_column(rep, form, a, kode, col, fields, values.get(col, {}), broken)
        jum = values.get(JUMLAH)
        if jum is not None and kode in areas and len(e.districts) == 1:
            office_form = form
            for k in fields:
                office.setdefault(k, []).append(jum.get(k))
    if office_form is not None:
        prov = e.province_code
        a = Area(prov, "provinsi", f"Total {tier_word(e.tier)}")
        received = [kode for kode in latest if kode in areas]
        for kode in received:
            a.members.extend(areas[kode].members)
        col = {k: sum(xs) for k, xs in office.items() if all(x is not None for x in xs)}
        for k in col:
            a.sums[k] = sum(areas[kode].sums[k] for kode in received)
            a.blanks[k] = sum(areas[kode].blanks[k] for kode in received)
        _compare_column(rep, office_form, a, prov, PROVINSI, list(col), col, broken)
    rep.kecamatan_without_certificate = [
        {"kode": a.kode, "tps": len(a.members)} for a in areas.values()
        if a.tingkat == "kecamatan" and a.kode not in covered and a.kode in regions]


def _compare_column(rep: TpsReport, form: Form, a: Area, cert_region: str, col: str, fields: list[str],
                    cert_col: dict[str, int | None], broken: dict[int, list[TpsFinding]]) -> None:
    """One certificate column against the TPS sums of its area: counts and differences with hints."""
    level = a.tingkat if a.tingkat in LEVELS else "kecamatan"
    stats = rep.compared.setdefault(level, {"dibandingkan": 0, "berbeda": 0, "isian_berbeda": 0})
    stats["dibandingkan"] += 1
    present = [k for k in fields if cert_col.get(k) is not None and k in a.sums]
    diffs = {k: cert_col[k] - a.sums[k] for k in present}
    differing = [k for k in present if diffs[k]]
    if not differing:
        return
    stats["berbeda"] += 1
    stats["isian_berbeda"] += len(differing)
    cert_vals = {k: cert_col[k] for k in present}
    tps_vals = {k: a.sums[k] for k in present}
    where = _place(a, col)
    for k in differing:
        hints = area_hints(form, k, cert_col[k], a.sums[k], cert_vals, tps_vals)
        if level in ("desa", "kecamatan"):
            hints += tps_hints(form, rep.data, a.members, k, diffs[k], diffs, broken)
        blank = a.blanks.get(k, 0)
        incomplete = f"; {fmt(blank)} TPS kosong, jumlahnya belum lengkap" if blank else ""
        msg = (f"{where}: {form.label(k)} — sertifikat {fmt(cert_col[k])}, jumlah {fmt(len(a.members))} TPS "
               f"{fmt(a.sums[k])} (selisih {fmt(diffs[k])}{incomplete}).")
        if hints:
            msg += " Petunjuk: " + "; ".join(h.teks for h in hints) + "."
        rep.differences.setdefault(level, []).append(Difference(
            level, a.kode, a.nama, cert_region, col, k, cert_col[k], a.sums[k], len(a.members), blank,
            tuple(hints), msg))


def _place(a: Area, col: str) -> str:
    if col == PROVINSI:
        return a.nama
    if col == JUMLAH:
        return f"{a.nama} ({a.kode}), kolom JUMLAH"
    return f"{tier_word(a.tingkat)} {shown(a.nama)} ({a.kode})"


# --------------------------------------------------------------------------- one kecamatan, TPS by TPS
@dataclass
class KecamatanView:
    """The TPS behind one kecamatan figure (``recap tps show``, the window's TPS dialog).

    Attributes:
        info: the import read; kode, nama: the kecamatan; regency, regency_name: its kabupaten/kota.
        isian: the field keys; labels: {field: the form's short label}.
        desa: [{"kode", "nama", "tps": [{"baris", "no_tps", "angka": {field: int|None}, "temuan": [code]}],
            "jumlah": {field: int}, "kosong": {field: n}}] in source order.
        jumlah, kosong: the kecamatan's TPS sums and blanks per field.
        sertifikat: the certificate column {field: int|None} (None when no certificate holds the
            kecamatan); revisi: that certificate revision's number; differences: per field, with hints.
        findings: the TPS findings of the kecamatan.
    """

    info: tps.TpsImport
    kode: str
    nama: str
    regency: str
    regency_name: str
    isian: tuple[str, ...]
    labels: dict[str, str]
    desa: list[dict]
    jumlah: dict[str, int]
    kosong: dict[str, int]
    sertifikat: dict[str, int | None] | None
    revisi: int | None
    differences: list[Difference]
    findings: list[dict]

    @property
    def jumlah_tps(self) -> int:
        return sum(len(d["tps"]) for d in self.desa)

    def selisih(self) -> dict[str, int | None]:
        """{field: sertifikat − jumlah TPS} (None where the certificate is blank or absent)."""
        cert = self.sertifikat or {}
        return {k: None if cert.get(k) is None else cert[k] - self.jumlah[k] for k in self.isian}

    def to_dict(self) -> dict:
        """JSON-ready form (`recap tps show --format json`)."""
        return {"kode": self.kode, "nama": self.nama, "kabupaten_kota": self.regency,
                "nama_kabupaten_kota": self.regency_name, "sumber": self.info.sumber, "impor": self.info.id,
                "isian": list(self.isian), "jumlah_tps": self.jumlah_tps, "desa": self.desa, "jumlah": self.jumlah,
                "kosong": self.kosong, "sertifikat": self.sertifikat, "revisi": self.revisi,
                "selisih": self.selisih(), "perbedaan": [d.to_dict() for d in self.differences],
                "temuan_tps": self.findings}

    def to_text(self) -> str:
        """The view as the CLI prints it: one line per TPS, the desa and kecamatan sums, the certificate."""
        head = ["TPS"] + list(self.isian)
        width = [max(8, len(h)) for h in head]

        def line(cells) -> str:
            return "  " + " ".join(str(c).rjust(w) for c, w in zip(cells, width, strict=True)).rstrip()

        out = [f"Kecamatan {self.nama} ({self.kode}), {self.regency_name}: {fmt(self.jumlah_tps)} TPS di "
               f"{fmt(len(self.desa))} desa — data TPS sumber {self.info.sumber}, impor #{self.info.id} "
               "(bahan pembanding, bukan hasil resmi).", line(head)]
        for d in self.desa:
            code = f" ({d['kode']})" if d["kode"] else ""
            out.append(f"Desa {shown(d['nama'] or '(tanpa nama)')}{code}, {fmt(len(d['tps']))} TPS:")
            for t in d["tps"]:
                mark = f"  [{', '.join(t['temuan'])}]" if t["temuan"] else ""
                out.append(line([t["no_tps"]] + [fmt(t["angka"][k]) if t["angka"][k] is not None else "-"
                                                 for k in self.isian]) + mark)
            out.append(line(["jumlah"] + [fmt(d["jumlah"][k]) for k in self.isian]))
        out.append(line(["TPS"] + [fmt(self.jumlah[k]) for k in self.isian]) + "  jumlah kecamatan")
        if self.sertifikat is None:
            out.append("Belum ada sertifikat yang memuat kecamatan ini.")
        else:
            out.append(line(["sert."] + [fmt(self.sertifikat.get(k)) for k in self.isian])
                       + f"  sertifikat {self.regency_name}, revisi {self.revisi}")
            out.append(line(["selisih"] + ["" if v is None else fmt(v) for v in self.selisih().values()]))
        out += [f"- {d.message}" for d in self.differences]
        return "\n".join(out)


def behind(ws: Workspace, kode: str, sumber: str | None = None) -> KecamatanView:
    """The TPS behind a kecamatan's figure: its desa and TPS with their figures and findings, the
    sums, and the certificate column that holds the kecamatan, with the differences and hints.

    Raises:
        TpsError: "no_tps" (nothing imported), "unknown_region" (a code neither in the region set
            nor in the TPS set); WorkspaceError: "tampered".
    """
    stored = tps.load(ws, sumber)
    data = stored.data
    regions = {r.kode: r for r in ws.regions()}
    members = [i for i, k in enumerate(data.kode_kecamatan) if k == kode]
    r = regions.get(kode)
    if r is None and not members:
        raise tps.TpsError(f"Kecamatan {kode} tidak ada dalam himpunan wilayah pemilihan ini dan tidak ada di data TPS "
                           f"sumber {stored.info.sumber}.", "unknown_region")
    regency = r.kode_induk if r is not None else kode[:5]
    reg = regions.get(regency)
    e = ws.election
    try:
        form = e.form_of_region(regency)
    except ElectionError:
        form = e.form_for(e.districts[0])
    ids, bounds, _rest = rules_for(form, data.isian)
    findings = _check_tps(form, data, members, ids, bounds) + _dpt_check(form, data, members)[0]
    by_tps: dict[int, list[TpsFinding]] = {}
    for f in findings:
        by_tps.setdefault(f.index, []).append(f)
    a = Area(kode, "kecamatan", r.nama if r else kode, members)
    desa: dict[str, dict] = {}
    for i in members:
        key = data.kode_desa[i] or "nama:" + data.desa[i].upper()
        d = desa.setdefault(key, {"kode": data.kode_desa[i], "nama": data.desa[i], "tps": [],
                                  "jumlah": dict.fromkeys(data.isian, 0), "kosong": dict.fromkeys(data.isian, 0)})
        figures = {k: data.angka[k][i] for k in data.isian}
        d["tps"].append({"baris": data.baris[i], "no_tps": data.no_tps[i], "angka": figures,
                         "temuan": [f.code for f in by_tps.get(i, ())]})
        for k, v in figures.items():
            if v is None:
                d["kosong"][k] += 1
            else:
                d["jumlah"][k] += v
    for k in data.isian:
        a.sums[k] = sum(d["jumlah"][k] for d in desa.values())
        a.blanks[k] = sum(d["kosong"][k] for d in desa.values())
    cert, revisi = None, None
    latest = ws.latest_values()
    scratch = TpsReport(stored.info, data)
    if regency in latest and kode in latest[regency][0].columns:
        info, values = latest[regency]
        cert, revisi = dict(values.get(kode, {})), info.number
        fields = [k for k in data.isian if k in form.field_by_key]
        _compare_column(scratch, form, a, regency, kode, fields, cert, by_tps)
    return KecamatanView(stored.info, kode, a.nama, regency, reg.nama if reg else regency, data.isian,
                         {k: form.label(k) for k in data.isian}, list(desa.values()), a.sums, a.blanks,
                         None if cert is None else {k: cert.get(k) for k in data.isian}, revisi,
                         scratch.differences.get("kecamatan", []), [f.to_dict(data) for f in findings])
