"""Builders of DPR RI 2024 regency certificates (D.HASIL KABKO-DPR) from the official dapil figures.

tests/data/legislative/dpr2024_jateng_caleg.csv holds, per dapil and party, the party-only votes,
every candidate's votes and the party total (official, KPU decision 360/2024). A regency
certificate needs figures per kecamatan, which the sources do not hold: :func:`certificates`
splits each dapil figure over the dapil's kecamatan in proportion to their 2024 TPS counts
(tests/data/legislative/kecamatan_tps_2024.csv), rounding down, with the remainder on the dapil's
first kecamatan, so the sum over the dapil stays the official figure. Party totals per kecamatan
are the sum of the split party-only and candidate figures (F.204 holds in every column), suara
sah the sum of the party totals; voter, ballot and invalid-vote rows stay blank (not held). Each
regency's JUMLAH column is the sum of its kecamatan.

:func:`dpr_grid` lays a certificate out as the shared samples do (tests/data/samples/
dhasil-kabko-dpr-2024_*_contoh.xlsx): title rows, "NAMA KECAMATAN" over a row of kecamatan names,
blocks I and II as headings without figure rows, block III with per party "<nomor> | <NAMA>"
(party-only votes), "<nomor urut> | <calon>" rows and "JUMLAH SUARA SAH <PARTAI> DAN CALON",
then IV (suara sah), V (tidak sah), VI (sah dan tidak sah), JUMLAH AKHIR last.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from fixtures_import import Grid, write_xlsx

from recap_app.core.domain import JUMLAH
from recap_app.core.election import Election

DATA = Path(__file__).resolve().parent.parent / "data" / "legislative"
CALEG = DATA / "dpr2024_jateng_caleg.csv"
TPS = DATA / "kecamatan_tps_2024.csv"

#: official DPR 2024 seats of Jawa Tengah per party (KPU decision 360/2024)
OFFICIAL_SEATS = {3: 23, 4: 12, 1: 10, 2: 10, 8: 7, 5: 7, 14: 5, 12: 3}


@dataclass
class Party:
    nomor: int
    nama: str
    suara_partai: int
    jumlah: int
    calon: dict[int, tuple[str, int, bool]] = field(default_factory=dict)  # nomor urut -> (nama, suara, terpilih)


@dataclass
class Dapil:
    kode: str
    nama: str
    kursi: int
    parties: dict[int, Party] = field(default_factory=dict)


@lru_cache(maxsize=1)
def official() -> dict[str, Dapil]:
    """The official figures of the 10 dapils: {dapil code: Dapil}."""
    out: dict[str, Dapil] = {}
    with CALEG.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            d = out.setdefault(r["kode_dapil"], Dapil(r["kode_dapil"], r["nama_dapil"], int(r["kursi_dapil"])))
            n = int(r["nomor_partai"])
            p = d.parties.setdefault(n, Party(n, r["nama_partai"], 0, 0))
            if r["jenis"] == "suara_partai":
                p.suara_partai = int(r["suara"])
            elif r["jenis"] == "jumlah":
                p.jumlah = int(r["suara"])
            else:
                p.calon[int(r["nomor_urut"])] = (r["nama"], int(r["suara"]), r["terpilih"] == "1")
    return out


def elected_names() -> dict[str, set[str]]:
    """{dapil: names of the elected candidates} as KPU set them (77 in all)."""
    return {k: {c[0] for p in d.parties.values() for c in p.calon.values() if c[2]} for k, d in official().items()}


@lru_cache(maxsize=1)
def tps_counts() -> dict[str, tuple[str, str, int]]:
    """{kecamatan code: (regency code, name, TPS 2024)} in region-set order."""
    with TPS.open(encoding="utf-8", newline="") as fh:
        return {r["kode"]: (r["kode_kabupaten_kota"], r["nama"], int(r["jumlah_tps_2024"]))
                for r in csv.DictReader(fh)}


def split(total: int, weights: list[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` (rounded down), the remainder on the first share."""
    s = sum(weights)
    shares = [total * w // s for w in weights]
    shares[0] += total - sum(shares)
    return shares


def certificates(e: Election, figures: dict[str, Dapil] | None = None) -> dict[str, tuple[list[str], dict]]:
    """{regency code: (columns, values)} for the 35 regencies, JUMLAH last in each column list."""
    figures = figures or official()
    kec = tps_counts()
    out: dict[str, tuple[list[str], dict]] = {}
    for d in e.districts:
        dp = figures[d.kode]
        form = e.form_for(d)
        members = [k for k, (reg, _, _) in kec.items() if reg in d.wilayah]
        members.sort(key=lambda k: (d.wilayah.index(kec[k][0]), k))
        weights = [kec[k][2] for k in members]
        cols: dict[str, dict] = {k: {} for k in members}
        for p in form.contestants:
            party = dp.parties[p.nomor]
            parts = [(form.party_key(p.nomor), party.suara_partai)]
            parts += [(form.candidate_key(p.nomor, c.nomor), party.calon[c.nomor][1]) for c in form.candidates[p.nomor]]
            for key, total in parts:
                for k, v in zip(members, split(total, weights), strict=True):
                    cols[k][key] = v
            for k in members:
                cols[k][form.total_key(p)] = sum(cols[k][key] for key, _ in parts)
        for k in members:
            cols[k]["suara_sah"] = sum(cols[k][key] for key in form.vote_keys)
        for reg in d.wilayah:
            own = [k for k in members if kec[k][0] == reg]
            values = {k: cols[k] for k in own}
            values[JUMLAH] = {key: sum(cols[k][key] for k in own) for key in cols[own[0]]}
            out[reg] = (own + [JUMLAH], values)
    return out


def regency_title(e: Election, kode: str) -> str:
    """ "KOTA SEMARANG", "SEMARANG" (a kabupaten without its prefix), as the samples write it."""
    name = next(r.nama for r in e.regions if r.kode == kode).upper()
    return name.replace("KABUPATEN ", "")


def dpr_grid(e: Election, kode: str, columns: list[str], values: dict, *, jumlah: bool = True,
             party_names: dict[int, str] | None = None, candidate_names: dict[tuple[int, int], str] | None = None,
             dapil_title: str | None = None, form_of=None) -> Grid:
    """The samples' layout for one regency certificate (see the module docstring).

    Args:
        columns: kecamatan codes (JUMLAH ignored here: ``jumlah`` decides the JUMLAH AKHIR column).
        values: {column: {field key: int or None}}.
        party_names, candidate_names: printed names to use instead of the definition's
            ({party: name}, {(party, nomor urut): name}) for variants.
        dapil_title: the "DAERAH PEMILIHAN" title (default: the regency's dapil).
        form_of: the form whose lists are printed (default: the regency's own).
    """
    form = form_of or e.form_of_region(kode)
    kec_names = {k: n for k, (_, n, _) in tps_counts().items()}
    kecs = [c for c in columns if c != JUMLAH]
    cols = kecs + ([JUMLAH] if jumlah else [])
    width = 2 + len(cols)
    title = ("SERTIFIKAT REKAPITULASI HASIL PENGHITUNGAN PEROLEHAN SUARA DARI SETIAP KECAMATAN DI TINGKAT "
             "KABUPATEN/KOTA PEMILIHAN UMUM ANGGOTA DEWAN PERWAKILAN RAKYAT TAHUN 2024")
    rows: list[list] = [[None] * (width - 1) + [f"MODEL {e.form_name('kabupaten_kota')}"], [title], [],
                        ["PROVINSI", f": {e.province_name}"], ["KABUPATEN/KOTA", f": {regency_title(e, kode)}"],
                        ["DAERAH PEMILIHAN", f": {dapil_title or e.district_of(kode).nama}"], []]
    rows.append(["NO", "URAIAN", "NAMA KECAMATAN"] + [None] * (len(kecs) - 1) + (["JUMLAH AKHIR"] if jumlah else []))
    rows.append([None, None] + [kec_names[k] for k in kecs] + ([None] if jumlah else []))
    merged = [(8, 3, 8, 2 + len(kecs))]

    def figures(key):
        return [values.get(c, {}).get(key) for c in cols]

    rows += [["I", "DATA PEMILIH DAN PENGGUNA HAK PILIH"], ["II", "DATA PENGGUNAAN SURAT SUARA"],
             ["III", "RINCIAN PEROLEHAN SUARA PARTAI POLITIK DAN CALON ANGGOTA DPR"]]
    for p in form.contestants:
        name = (party_names or {}).get(p.nomor, p.nama)
        rows.append([p.nomor, name] + figures(form.party_key(p.nomor)))
        for c in form.candidates[p.nomor]:
            cname = (candidate_names or {}).get((p.nomor, c.nomor), c.nama)
            rows.append([c.nomor, cname] + figures(form.candidate_key(p.nomor, c.nomor)))
        rows.append([None, f"JUMLAH SUARA SAH {name} DAN CALON"] + figures(form.total_key(p)))
    rows += [["IV", "JUMLAH SUARA SAH SELURUH PARTAI POLITIK DAN CALON"] + figures("suara_sah"),
             ["V", "JUMLAH SUARA TIDAK SAH"] + figures("suara_tidak_sah"),
             ["VI", "JUMLAH SUARA SAH DAN TIDAK SAH"] + figures("jumlah_suara")]
    return Grid(rows, merged, name=e.form_name("kabupaten_kota"))


def write_dpr_workbooks(e: Election, out: Path, certs: dict | None = None, *, jumlah: bool = True) -> list[Path]:
    """Write the 35 regency workbooks into ``out`` (created); returns the paths in region-set order."""
    out.mkdir(parents=True, exist_ok=True)
    certs = certs or certificates(e)
    paths = []
    for kode in sorted(certs):
        cols, values = certs[kode]
        paths.append(write_xlsx(out / f"dhasil-kabko-dpr-2024_{kode}.xlsx",
                                [dpr_grid(e, kode, cols, values, jumlah=jumlah)]))
    return paths


# ----------------------------------------------------------------- DPRD Provinsi: a synthetic DCT
def dprd_dct_rows(e: Election, per_party: int = 2) -> list[list]:
    """A synthetic DCT for DPRD Provinsi (the real list of 1,473 is not held): ``per_party``
    candidates per party and dapil, women on even numbers. Rows with a header row first."""
    rows = [["dapil", "partai", "nomor_urut", "nama", "jenis_kelamin", "tempat_tinggal"]]
    for d in e.districts:
        for p in (c for c in e.contestants if c.kind == "partai"):
            for k in range(1, per_party + 1):
                rows.append([d.kode, p.nomor, k, f"CALON {d.kode} {p.short.upper()} {k}", "P" if k % 2 == 0 else "L",
                             "SEMARANG"])
    return rows


def write_csv_rows(path: Path, rows: list[list]) -> Path:
    import io

    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    path.write_text(buf.getvalue(), encoding="utf-8")
    return path


def synthetic_certificate(form, kecamatan: list[str], seed: int = 1) -> tuple[list[str], dict]:
    """(columns, values) of a consistent legislative certificate: every block IV figure distinct,
    party totals and suara sah as their sums, JUMLAH the column sums; blocks I–III blank."""
    values: dict[str, dict] = {}
    for i, k in enumerate(kecamatan):
        v: dict = {}
        for p in form.contestants:
            v[form.party_key(p.nomor)] = 50 + 7 * p.nomor + 3 * i + seed
            for c in form.candidates[p.nomor]:
                v[form.candidate_key(p.nomor, c.nomor)] = 20 * p.nomor + 5 * c.nomor + i + seed
            v[form.total_key(p)] = v[form.party_key(p.nomor)] + sum(
                v[form.candidate_key(p.nomor, c.nomor)] for c in form.candidates[p.nomor])
        v["suara_sah"] = sum(v[key] for key in form.vote_keys)
        values[k] = v
    values[JUMLAH] = {key: sum(values[k][key] for k in kecamatan) for key in values[kecamatan[0]]}
    return kecamatan + [JUMLAH], values
