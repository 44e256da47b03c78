"""Election definitions (resources/elections/*.json): identity, contest, districts, regions.

A definition names the election, its voter categories, what stands on the ballot (pairs,
parties with candidates, individual candidates) and, for legislative contests, the
electoral districts with their seats (docs/elections.md, formats 1 and 2). The certificate
form of a district comes from the form layer (:mod:`recap_app.core.forms`) through
:meth:`Election.form_for`: the categories and the contestants belong to the election, not
to the code.
"""

from __future__ import annotations

import json
import sys
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .domain import TIERS, Contestant, ContestantKind, District, Region, VoterCategory, tier_word
from .errors import ElectionError

if TYPE_CHECKING:  # pragma: no cover
    from .forms import Form

if getattr(sys, "frozen", False):  # PyInstaller one-folder build: data files under _MEIPASS
    RESOURCES = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
else:
    RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"

#: definition formats this program reads (docs/elections.md)
FORMATS = (1, 2)


def _contestants(d: dict, contest: dict) -> tuple[Contestant, ...]:
    """Every contestant of a definition: pairs (format 1 ``paslon`` or ``contest.paslon``),
    parties and their candidates, or individual candidates, in ballot order."""
    pairs = contest.get("paslon", d.get("paslon", ()))
    out = [Contestant(ContestantKind.PASLON, int(p["nomor_urut"]), p["nama"], p.get("nama_singkat", p["nama"]))
           for p in pairs]
    out += [Contestant(ContestantKind.PARTAI, int(p["nomor"]), p["nama"], p.get("nama_singkat", p["nama"]))
            for p in contest.get("parties", ())]
    kind = ContestantKind.CALON if contest.get("form") == "partai" else ContestantKind.PERSEORANGAN
    for c in contest.get("candidates", ()):
        nomor = c.get("nomor_urut")
        out.append(Contestant(kind, None if nomor is None else int(nomor), c["nama"], c.get("nama_singkat", ""),
                              c.get("partai"), None if c.get("dapil") is None else str(c["dapil"]),
                              c.get("jenis_kelamin") or "", c.get("tempat_tinggal") or ""))
    return tuple(out)


def _districts(d: dict, contest: dict) -> tuple[District, ...]:
    """The contest's districts; one district covering every region when the definition has none."""
    ds = contest.get("districts")
    if not ds:
        return (District(d["province_code"], d["province_name"], None, ()),)
    return tuple(District(str(x["kode"]), x["nama"], x.get("kursi"), tuple(x.get("wilayah", ()))) for x in ds)


class Election:
    """An election definition: identity, form naming, categories, contest and region set.

    Build with :func:`load_election` or :meth:`from_dict` (formats 1 and 2, docs/elections.md).
    The certificate form of a district is :meth:`form_for`. Raises :class:`ElectionError` on
    malformed data.

    Attributes:
        form_kind: the kind of block IV ("paslon", "partai", "perseorangan"; forms.KINDS).
        body: the elected body for legislative contests ("DPR", "DPD", "DPRD_PROVINSI") or "".
        seats: the seat rule {method, threshold_percent, decided_by} or {}.
        contestants: every contestant (pairs; parties and candidates; individuals), ballot order.
        districts: the electoral districts (one covering everything for pair contests).
        national_votes: {party number: national valid votes} for a threshold, or {}.
        office: the region of the office this election is seen from (:meth:`at_office`: a
            kabupaten/kota office), or None for the office of the definition's own tier (the
            province); ``tier`` is then the office's tier.
    """

    #: the attributes, in the order :meth:`__init__` takes them
    FIELDS = ("id", "name", "name_en", "kind", "polling_day", "province_code", "province_name", "tier", "form_names",
              "voter_categories", "reserve_percent", "region_set", "form_kind", "body", "seats", "contestants",
              "districts", "national_votes", "raw", "office")

    def __init__(self, id: str, name: str, name_en: str, kind: str, polling_day: str, province_code: str,
                 province_name: str, tier: str, form_names: dict, voter_categories: list[VoterCategory],
                 reserve_percent: float, region_set: str, form_kind: str = "paslon", body: str = "",
                 seats: dict | None = None, contestants: tuple[Contestant, ...] = (),
                 districts: tuple[District, ...] = (), national_votes: dict[int, int] | None = None,
                 raw: dict | None = None, office: Region | None = None):
        # a plain class, not a dataclass: made at every start of every command, where a dataclass
        # costs a millisecond or two to make its methods (docs/performance.md)
        self.id, self.name, self.name_en, self.kind, self.polling_day = id, name, name_en, kind, polling_day
        self.province_code, self.province_name, self.tier = province_code, province_name, tier
        self.form_names, self.voter_categories, self.reserve_percent = form_names, voter_categories, reserve_percent
        self.region_set, self.form_kind, self.body = region_set, form_kind, body
        self.seats = {} if seats is None else seats
        self.contestants, self.districts = contestants, districts
        self.national_votes = {} if national_votes is None else national_votes
        self.raw = {} if raw is None else raw
        self.office = office

    def __repr__(self) -> str:
        return f"Election({self.id!r}, tier={self.tier!r})"

    def replace(self, **changes) -> Election:
        """A new Election with the same attributes but ``changes`` (nothing computed is carried over)."""
        return Election(**{**{k: getattr(self, k) for k in self.FIELDS}, **changes})

    @classmethod
    def from_dict(cls, d: dict) -> Election:
        """Build from the JSON document (format 1 or 2). Raises ElectionError when a key is missing."""
        try:
            if d.get("format") not in FORMATS:
                raise ElectionError(f"Format definisi pemilihan tidak dikenal: {d.get('format')!r} "
                                    f"(diharapkan {' atau '.join(map(str, FORMATS))}).", "bad_definition")
            if d["tier"] not in TIERS[:-1]:
                raise ElectionError(f"Tingkat kantor tidak dikenal: {d['tier']!r}.", "bad_definition")
            contest = d.get("contest") or {"form": "paslon"}
            national = (contest.get("national_votes") or {}).get("votes", {})
            return cls(
                id=d["id"],
                name=d["name"],
                name_en=d.get("name_en", d["name"]),
                kind=d["kind"],
                polling_day=d["polling_day"],
                province_code=d["province_code"],
                province_name=d["province_name"],
                tier=d["tier"],
                form_names=dict(d["form_names"]),
                voter_categories=[VoterCategory(**c) for c in d["voter_categories"]],
                reserve_percent=float(d["reserve_percent"]),
                region_set=d["region_set"],
                form_kind=contest.get("form", "paslon"),
                body=contest.get("body", ""),
                seats=dict(contest.get("seats") or {}),
                contestants=_contestants(d, contest),
                districts=_districts(d, contest),
                national_votes={int(k): int(v) for k, v in national.items()},
                raw=d,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ElectionError(f"Definisi pemilihan tidak lengkap atau tidak sah: {exc}.", "bad_definition") from exc

    # ----------------------------------------------------------------- the office and its tier
    def at_office(self, code: str | None) -> Election:
        """The same election seen from the office of region ``code`` (docs/tiers.md).

        The definition's own office (the province code, or None) returns ``self``. A kabupaten/kota
        code returns an election whose :attr:`tier` is "kabupaten_kota": its submitting regions are
        the regency's kecamatan, the columns of a received certificate (DA1 / D.Hasil Kecamatan) its
        desa/kelurahan (resources/regions/<region_set>-desa.csv), its single district the one the
        regency belongs to (a legislative contest: that dapil's form), and its own certificate the
        DB1 / D.Hasil Kabupaten/Kota. Forms, rules and documents follow from the tier.

        Raises:
            ElectionError: "unknown_office" for a code that names no kabupaten/kota of the region
            set (or a tier without a region set below it).
        """
        if code is None or code == self.office_code:
            return self
        if self.office is not None:
            return self.base.at_office(code)
        region = next((r for r in self.regions if r.kode == code), None)
        if region is None or region.tingkat != self.child_tier:
            known = ", ".join([r.kode for r in self.regions if r.tingkat == self.child_tier][:3])
            raise ElectionError(f"Kode kantor {code!r} bukan {tier_word(self.child_tier)} dalam daftar wilayah "
                                f"{self.region_set}; diharapkan {self.province_code} (provinsi) atau kode "
                                f"{tier_word(self.child_tier)}, misalnya {known}...", "unknown_office")
        if not self._desa_path.is_file():
            raise ElectionError(f"Daftar desa/kelurahan {self._desa_path.name} tidak ada untuk pemilihan {self.id}; "
                                "kantor kabupaten/kota tidak dapat dibuat.", "unknown_office")
        districts = self.districts
        if self.has_districts:
            own = self.district_of(code)
            if own is None:
                raise ElectionError(f"{region.nama} ({code}) tidak termasuk dapil mana pun dalam {self.name}.",
                                    "no_district")
            districts = (District(own.kode, own.nama, own.kursi, ()),)
        else:
            districts = (District(code, region.nama.upper(), None, ()),)
        return self.replace(tier=region.tingkat, office=region, districts=districts)

    @property
    def base(self) -> Election:
        """The election seen from the definition's own office (the province)."""
        if self.office is None:
            return self
        return Election.from_dict(self.raw)

    @property
    def office_code(self) -> str:
        """Region code of this office ("33" for the province, "33.73" for Kota Salatiga)."""
        return self.office.kode if self.office is not None else self.province_code

    @property
    def office_name(self) -> str:
        """Name of the office's region as the region set spells it ("JAWA TENGAH", "Kota Salatiga")."""
        return self.office.nama if self.office is not None else self.province_name

    @property
    def office_title(self) -> str:
        """The office's region in capitals as documents print it: "PROVINSI JAWA TENGAH", "KOTA SALATIGA",
        "KABUPATEN CILACAP" (the region set's kabupaten/kota names carry their kind)."""
        if self.office is None:
            return f"PROVINSI {self.province_name.upper()}"
        return self.office.nama.upper()

    @property
    def kpu_name(self) -> str:
        """Default office name: "KOMISI PEMILIHAN UMUM PROVINSI JAWA TENGAH", "KOMISI PEMILIHAN UMUM KOTA SALATIGA"."""
        return f"KOMISI PEMILIHAN UMUM {self.office_title}"

    @property
    def kpu_short(self) -> str:
        """Short office name: "KPU Provinsi Jawa Tengah", "KPU Kota Salatiga"."""
        return f"KPU {self.office_title.title()}"

    @property
    def tier_title(self) -> str:
        """The office's tier as titles print it ("PROVINSI", "KABUPATEN/KOTA": "... DI TINGKAT PROVINSI")."""
        return tier_word(self.tier).upper()

    @property
    def child_title(self) -> str:
        """The submitting tier in capitals ("KABUPATEN/KOTA", "KECAMATAN": "... DARI SETIAP KECAMATAN")."""
        return tier_word(self.child_tier).upper()

    @property
    def column_title(self) -> str:
        """The column tier in capitals ("KECAMATAN", "DESA/KELURAHAN")."""
        return tier_word(self.column_tier).upper()

    @property
    def received_form(self) -> str:
        """Official name of the certificate this office receives ("DB1-PPWP" at a province, "DA1-PPWP"
        at a kabupaten/kota office): ``form_names[<child tier>]``."""
        return self.form_name(self.child_tier)

    @property
    def own_form(self) -> str:
        """Official name of the certificate this office makes ("DC1-PPWP", "DB1-PPWP")."""
        return self.form_name(self.tier)

    # ----------------------------------------------------------------- tiers
    @property
    def child_tier(self) -> str:
        """Tier of the regions that send certificates to this office ("kabupaten_kota")."""
        return TIERS[TIERS.index(self.tier) + 1]

    @property
    def column_tier(self) -> str:
        """Tier of the columns inside a received certificate ("kecamatan")."""
        return TIERS[TIERS.index(self.tier) + 2]

    # ----------------------------------------------------------------- districts and forms
    @cached_property
    def district_by_code(self) -> dict[str, District]:
        """{district code: District}."""
        return {x.kode: x for x in self.districts}

    @cached_property
    def _district_of_region(self) -> dict[str, District]:
        return {kode: x for x in self.districts for kode in x.wilayah}

    @property
    def has_districts(self) -> bool:
        """True when the contest runs in more than one district (DPR, DPRD Provinsi)."""
        return len(self.districts) > 1

    def district_of(self, kode: str) -> District | None:
        """The district a submitting region belongs to (the single district of a whole-area contest)."""
        if len(self.districts) == 1 and self.districts[0].whole:
            return self.districts[0]
        return self._district_of_region.get(kode)

    def form_for(self, district: str | District | None = None) -> Form:
        """The certificate form of a district (cached; the same object for the same district).

        Args:
            district: a district or its code; None for a contest with one district.
        Raises:
            ElectionError: unknown district, or None for a contest with several districts.
        """
        if isinstance(district, District):
            district = district.kode
        if district is None:
            if len(self.districts) != 1:
                raise ElectionError(f"{self.name} berlangsung di {len(self.districts)} dapil; sebutkan dapilnya.",
                                    "district_required")
            district = self.districts[0].kode
        got = self._forms.get(district)
        if got is None:
            d = self.district_by_code.get(district)
            if d is None:
                raise ElectionError(f"Dapil {district!r} tidak ada dalam {self.name}.", "unknown_district")
            from .forms import build_form  # the form layer is loaded when a form is first asked for

            people = [c for c in self.contestants if c.dapil is None or c.dapil == d.kode]
            got = self._forms[district] = build_form(self.form_kind, self.voter_categories, self.reserve_percent,
                                                     people, d)
        return got

    @cached_property
    def _forms(self) -> dict[str, Form]:
        return {}

    @cached_property
    def ballot_contestants(self) -> tuple[Contestant, ...]:
        """Who stands on the ballot province-wide, in ballot order: the pairs, the parties (the same in
        every dapil), or the individual candidates; the witnesses of the plenary are theirs."""
        kind = {"partai": ContestantKind.PARTAI, "perseorangan": ContestantKind.PERSEORANGAN}.get(
            self.form_kind, ContestantKind.PASLON)
        return tuple(sorted((c for c in self.contestants if c.kind == kind), key=lambda c: c.nomor or 0))

    @property
    def form(self) -> Form:
        """The form of a contest with one district (pairs, DPD). Raises ElectionError otherwise."""
        return self.form_for(None)

    def form_of_region(self, kode: str) -> Form:
        """The form of the certificate a submitting region sends (its district's form).

        Raises:
            ElectionError: the region is in no district of this contest.
        """
        d = self.district_of(kode)
        if d is None:
            raise ElectionError(f"Wilayah {kode} tidak termasuk dapil mana pun dalam {self.name}.",
                                "no_district")
        return self.form_for(d.kode)

    @cached_property
    def all_field_keys(self) -> tuple[str, ...]:
        """Every field key of every district's form, in printed order (first form first)."""
        seen: dict[str, None] = {}
        for d in self.districts:
            seen.update(dict.fromkeys(self.form_for(d).field_keys))
        return tuple(seen)

    def form_at(self, code: str) -> Form:
        """The form a finding's region reads against: a district's code, a submitting region's
        code (its district), or the office's own code (the one form of a one-district contest).

        Raises:
            ElectionError: the code names nothing with one form (the office of a contest with
            several districts, or a region outside every district).
        """
        if code in self.district_by_code:
            return self.form_for(code)
        d = self.district_of(code)
        return self.form_for(d.kode if d else None)

    # ----------------------------------------------------------------- regions
    @cached_property
    def regions(self) -> tuple[Region, ...]:
        """The office's region set, top tiers first: at the province the election's region set
        (resources/regions/<region_set>.csv: kabupaten/kota and kecamatan); at a kabupaten/kota office
        its kecamatan, then their desa/kelurahan (resources/regions/<region_set>-desa.csv)."""
        own = _read_regions(RESOURCES / "regions" / f"{self.region_set}.csv", self.id)
        if self.office is None:
            return own
        kec = tuple(r for r in own if r.kode_induk == self.office.kode)
        codes = {r.kode for r in kec}
        desa = tuple(r for r in _read_regions(self._desa_path, self.id) if r.kode_induk in codes)
        return kec + desa

    @property
    def _desa_path(self) -> Path:
        return RESOURCES / "regions" / f"{self.region_set}-desa.csv"

    def form_name(self, which: str) -> str:
        """Official form name for a tier's certificate ("kecamatan", "kabupaten_kota", "provinsi") or
        this office's "berita_acara" and "kejadian_khusus" (``form_names["berita_acara.<tier>"]`` at an
        office below the definition's tier, docs/elections.md)."""
        if which in ("berita_acara", "kejadian_khusus") and self.office is not None:
            return self.form_names.get(f"{which}.{self.tier}", self.form_names.get(which, which))
        return self.form_names.get(which, which)


def _read_regions(path: Path, election_id: str) -> tuple[Region, ...]:
    """Regions of one region-set file (kode, kode_induk, tingkat, nama; codes as text)."""
    if not path.is_file():
        raise ElectionError(f"Berkas wilayah {path.name} tidak ditemukan untuk pemilihan {election_id}.")
    import csv  # a region set is read when a workspace is made, not when one is opened

    with path.open(encoding="utf-8", newline="") as fh:
        return tuple(Region(r["kode"], r["kode_induk"], r["tingkat"], r["nama"]) for r in csv.DictReader(fh))


def election_files() -> list[Path]:
    """The shipped definitions, sorted by id."""
    return sorted((RESOURCES / "elections").glob("*.json"))


def list_elections() -> list[Election]:
    """Every shipped election definition."""
    return [load_election(p.stem) for p in election_files()]


def load_election(election_id: str) -> Election:
    """Load a shipped definition by id. Raises ElectionError for an unknown id."""
    path = RESOURCES / "elections" / f"{election_id}.json"
    if not path.is_file():
        known = ", ".join(p.stem for p in election_files())
        raise ElectionError(f"Pemilihan {election_id!r} tidak dikenal. Yang tersedia: {known}.", "unknown_election")
    return Election.from_dict(json.loads(path.read_text(encoding="utf-8")))
