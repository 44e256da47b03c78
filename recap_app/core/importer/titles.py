"""The title rows above the table: province, regency, election and form named there."""

from __future__ import annotations

import re

from ..domain import Region
from ..errors import ImportRefused
from .context import Context
from .grid import Grid, cell_ref
from .names import normalize, regency_key
from .numbers import short

_TITLE_REGENCY = re.compile(r"^(?:KABUPATEN\s*/\s*KOTA|KAB\s*/\s*KOTA|KABUPATEN|KOTA|KAB)\s*\.?\s*:\s*(.+)$", re.I)
_TITLE_PROVINCE = re.compile(r"^PROVINSI\s*:\s*(.+)$", re.I)


def check_titles(titles, grid: Grid, ctx: Context, where: str) -> Region | None:
    """Check the province, election and regency named in the title rows; return the regency named.

    ``titles``: (original row, original column of its first text, the row's texts joined).
    Raises ImportRefused (wrong_province, wrong_regency, wrong_election).
    """
    e = ctx.election
    regency = None
    year = e.polling_day[:4]
    kinds = {"pilpres": ("PRESIDEN",), "pilgub": ("GUBERNUR",)}
    foreign = {"PRESIDEN": "pilpres", "GUBERNUR": "pilgub", "BUPATI": "pilbup", "WALIKOTA": "pilwalkot",
               "WALI KOTA": "pilwalkot"}
    for r, c, text in titles:
        t = " ".join(text.split())
        m = _TITLE_PROVINCE.match(t)
        if m and normalize(m.group(1)) and normalize(m.group(1)) != normalize(e.province_name):
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: ditemukan \"{short(t, 120)}\", diharapkan provinsi "
                                f"{e.province_name}; berkas ini untuk provinsi lain.", "wrong_province")
        m = _TITLE_REGENCY.match(t)
        if m:
            key = regency_key(m.group(1))
            if t.upper().startswith("KOTA") and not key.startswith("KOTA"):
                key = "KOTA " + key
            code = re.search(r"\b(\d{2})\.(\d{2})\b", m.group(1))
            named = (ctx.regency_by_code.get(f"{code.group(1)}.{code.group(2)}") if code else None) \
                or ctx.regency_names.get(key) \
                or next((g for k, g in ctx.regency_names.items() if key.startswith(k + " ")), None)
            regency = named or regency
            if key and named is None:
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: kabupaten/kota \"{short(m.group(1))}\" tidak ada "
                                    f"di provinsi {e.province_name}; diharapkan salah satu dari 35 kabupaten/kota "
                                    "daftar wilayah.", "wrong_regency")
        n = normalize(t)
        idm = re.match(r"^ID PEMILIHAN\s*:\s*(\S+)", t, re.I)
        if idm and idm.group(1) != e.id:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: id pemilihan \"{short(idm.group(1))}\", diharapkan {e.id} "
                                f"({e.name}); berkas ini untuk pemilihan lain.", "wrong_election")
        if idm:
            continue
        if "PEMILIHAN" in n or "PEMILU" in n:
            for word, kind in foreign.items():
                if f" {word}" in f" {n}" and word not in kinds.get(e.kind, ()) and kind != e.kind:
                    if "PRESIDEN" in n and e.kind == "pilpres":
                        continue
                    raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul \"{short(t, 120)}\" menyebut pemilihan lain; "
                                        f"diharapkan {e.name}.", "wrong_election")
            years = re.findall(r"\b(?:19|20)\d{2}\b", n)
            if years and year not in years:
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul menyebut tahun {years[0]}, diharapkan "
                                    f"{e.name} (tahun {year}).", "wrong_election")
        form = e.form_name("kabupaten_kota")
        fm = re.search(r"\b(DB1|D HASIL KABUPATEN KOTA|DC1|DA1)\s+(KWK|PPWP|DPR|DPD|DPRD[A-Z ]*)\b", n)
        if fm and normalize(form).split()[-1] != fm.group(2).split()[0]:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: formulir \"{short(t, 80)}\" bukan {form}; berkas ini untuk "
                                f"pemilihan lain (diharapkan {e.name}).", "wrong_election")
    return regency
