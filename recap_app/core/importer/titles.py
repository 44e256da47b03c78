"""The title rows above the table: province, regency, election and form named there."""

from __future__ import annotations

import re

from ..domain import Region, tier_word
from ..errors import ImportRefused
from .context import Context
from .grid import Grid, cell_ref
from .names import normalize, regency_key
from .numbers import short

_TITLE_REGENCY = re.compile(r"^(?:KABUPATEN\s*/\s*KOTA|KAB\s*/\s*KOTA|KABUPATEN|KOTA|KAB)\s*\.?\s*:\s*(.+)$", re.I)
_TITLE_PROVINCE = re.compile(r"^PROVINSI\s*:\s*(.+)$", re.I)
_TITLE_DISTRICT = re.compile(r"^(?:DAERAH\s+PEMILIHAN|DAPIL)\s*:\s*(.+)$", re.I)
_TITLE_KECAMATAN = re.compile(r"^(?:KECAMATAN|KEC)\s*\.?\s*:\s*(.+)$", re.I)

#: the title row naming a region of each tier, and how its code is written there (docs/tiers.md):
#: at a province the submitting region is named "KABUPATEN/KOTA : ..."; at a kabupaten/kota office
#: that row names the office itself and "KECAMATAN : ..." names the submitting region
_TITLE_OF = {"kabupaten_kota": (_TITLE_REGENCY, re.compile(r"\b(\d{2}\.\d{2})\b")),
             "kecamatan": (_TITLE_KECAMATAN, re.compile(r"\b(\d{2}\.\d{2}\.\d{2})\b"))}


def _title_key(tier: str, text: str, title: str) -> str:
    """Key of a region named in a title row: a kabupaten/kota as :func:`regency_key` ("KOTA SEMARANG"
    when the row starts with "KOTA"), a kecamatan without its "KECAMATAN" prefix."""
    key = regency_key(text)
    if tier == "kabupaten_kota" and title.upper().startswith("KOTA") and not key.startswith("KOTA"):
        key = "KOTA " + key
    return key


def _either_label(title: str, name: str) -> bool:
    """Whether a title row says only "KABUPATEN/KOTA" (or "KAB/KOTA") before a name that is itself
    neither "KABUPATEN ..." nor "KOTA ..." ("KABUPATEN/KOTA : SEMARANG")."""
    return bool(re.match(r"^(?:KABUPATEN|KAB)\s*\.?\s*/\s*KOTA\b", title, re.I)) and not re.match(
        r"^(?:KABUPATEN|KAB|KOTA)\b", normalize(name))


#: the bodies a legislative title names, longest first, and the election kind of each
_BODY_KINDS = {"DEWAN PERWAKILAN RAKYAT DAERAH PROVINSI": "dprd_provinsi", "DPRD PROVINSI": "dprd_provinsi",
               "DPRD PROV": "dprd_provinsi", "DEWAN PERWAKILAN DAERAH": "dpd", "DEWAN PERWAKILAN RAKYAT": "dpr"}


def _body_named(n: str) -> str | None:
    """The legislative body a normalised title names ("DEWAN PERWAKILAN RAKYAT"), or None."""
    for body in _BODY_KINDS:
        if f" {body} " in f" {n} ":
            if body == "DEWAN PERWAKILAN RAKYAT" and f" {body} DAERAH" in f" {n} ":
                continue
            return body
    if re.search(r"\bANGGOTA DPD\b", n):
        return "DEWAN PERWAKILAN DAERAH"
    if re.search(r"\bANGGOTA DPR\b(?! ?D)", n):
        return "DEWAN PERWAKILAN RAKYAT"
    return None


def check_titles(titles, grid: Grid, ctx: Context, where: str, either: list | None = None) -> Region | None:
    """Check the province, election and regency named in the title rows; return the regency named.

    ``titles``: (original row, original column of its first text, the row's texts joined).
    ``either``: when given, filled with the two regions a title names ambiguously and the title row's
    text, and None is returned for it: "KABUPATEN/KOTA : SEMARANG" may be Kabupaten Semarang or Kota Semarang (so
    for Magelang, Pekalongan and Tegal); the kecamatan of the table decide.
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
        own = _TITLE_OF.get(e.tier)
        m = own[0].match(t) if own else None
        if m:  # the office's own region (a kabupaten/kota office): must be this office
            key = _title_key(e.tier, m.group(1), t)
            code = own[1].search(m.group(1))
            mine = _title_key(e.tier, e.office_name, e.office_name)
            if (code and code.group(1) != e.office_code) or (key and not code and key != mine
                                                            and not key.startswith(mine + " ")):
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: ditemukan \"{short(t, 120)}\", diharapkan "
                                    f"{e.office_name} ({e.office_code}); berkas ini untuk {tier_word(e.tier)} lain.",
                                    "wrong_regency")
            continue
        sub = _TITLE_OF.get(e.child_tier)
        m = sub[0].match(t) if sub else None
        if m:
            key = _title_key(e.child_tier, m.group(1), t)
            code = sub[1].search(m.group(1))
            named = (ctx.regency_by_code.get(code.group(1)) if code else None) \
                or ctx.regency_names.get(key) \
                or next((g for k, g in ctx.regency_names.items() if key.startswith(k + " ")), None)
            kota = next((g for k, g in ctx.regency_names.items() if k.startswith("KOTA ")
                         and (k == f"KOTA {key}" or f"KOTA {key}".startswith(k + " "))), None)
            if either is not None and named is not None and kota is not None and kota is not named \
                    and not code and _either_label(t, m.group(1)):
                either[:] = [named, kota, t]  # the bare name of a kabupaten and of a kota: the kecamatan decide
            elif key and named is None:
                word = tier_word(e.child_tier)
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: {word} \"{short(m.group(1))}\" tidak ada "
                                    f"di {tier_word(e.tier)} {e.office_name}; diharapkan salah satu dari "
                                    f"{len(ctx.regencies)} {word} daftar wilayah.", "wrong_regency")
            else:
                regency = named or regency
        n = normalize(t)
        idm = re.match(r"^ID PEMILIHAN\s*:\s*(\S+)", t, re.I)
        if idm and idm.group(1) != e.id:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: id pemilihan \"{short(idm.group(1))}\", diharapkan {e.id} "
                                f"({e.name}); berkas ini untuk pemilihan lain.", "wrong_election")
        if idm:
            continue
        if "PEMILIHAN" in n or "PEMILU" in n:
            body = _body_named(n)
            if body and e.kind in _BODY_KINDS.values() and _BODY_KINDS[body] != e.kind:
                raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul \"{short(t, 120)}\" menyebut pemilihan lain; "
                                    f"diharapkan {e.name}.", "wrong_election")
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
        form = e.received_form
        fm = re.search(r"\b(DB1|D HASIL KABUPATEN KOTA|D HASIL KABKO|D HASIL KECAMATAN|DC1|DA1)\s+(KWK|PPWP|DPR|DPD|DPRD[A-Z ]*)\b", n)
        own = re.search(r"\b(DB1|D HASIL KABUPATEN KOTA|D HASIL KABKO|D HASIL KECAMATAN|DC1|DA1)\s+(KWK|PPWP|DPR|DPD|DPRD[A-Z ]*)\b",
                        normalize(form))
        suffix = own.group(2).split()[0] if own else normalize(form).split()[-1]
        if fm and suffix != fm.group(2).split()[0]:
            raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: formulir \"{short(t, 80)}\" bukan {form}; berkas ini untuk "
                                f"pemilihan lain (diharapkan {e.name}).", "wrong_election")
    return regency


def check_district_title(titles, ctx: Context, regency: Region, where: str) -> None:
    """A "DAERAH PEMILIHAN : ..." title must name the regency's own district (by name or code).

    Raises ImportRefused("wrong_district") when it names another district or none of the contest's.
    """
    e = ctx.election
    own = e.district_of(regency.kode)
    if own is None:
        return
    for r, c, text in titles:
        m = _TITLE_DISTRICT.match(" ".join(text.split()))
        if not m:
            continue
        said = normalize(m.group(1))
        digits = re.sub(r"\D", "", m.group(1))
        named = next((d for d in e.districts if said == normalize(d.nama) or (digits and digits == re.sub(
            r"\D", "", d.kode)) or said == normalize(f"{d.kode} {d.nama}")), None)
        if named is not None and named.kode == own.kode:
            continue
        what = f"dapil {named.kode} {named.nama}" if named else f"\"{short(m.group(1))}\", yang bukan dapil {e.name}"
        raise ImportRefused(f"{where}, sel {cell_ref(r, c)}: judul menyebut {what}, padahal {regency.nama} "
                            f"({regency.kode}) termasuk dapil {own.kode} {own.nama}; diharapkan sertifikat dapil "
                            f"{own.nama}.", "wrong_district")
