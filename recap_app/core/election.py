"""Election definitions (resources/elections/*.json): identity, contest, districts, regions.

A definition names the election, its voter categories, what stands on the ballot (pairs,
parties with candidates, individual candidates) and, for legislative contests, the
electoral districts with their seats (docs/elections.md, formats 1 and 2). The certificate
form of a district comes from the form layer (:mod:`recap_app.core.forms`) through
:meth:`Election.form_for`: the categories and the contestants belong to the election, not
to the code.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .domain import TIERS, Contestant, ContestantKind, District, Region, VoterCategory
from .errors import ElectionError
from .forms import Form, build_form

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


@dataclass
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
    """

    id: str
    name: str
    name_en: str
    kind: str
    polling_day: str
    province_code: str
    province_name: str
    tier: str
    form_names: dict
    voter_categories: list[VoterCategory]
    reserve_percent: float
    region_set: str
    form_kind: str = "paslon"
    body: str = ""
    seats: dict = field(default_factory=dict)
    contestants: tuple[Contestant, ...] = ()
    districts: tuple[District, ...] = ()
    national_votes: dict[int, int] = field(default_factory=dict)
    raw: dict = field(repr=False, default_factory=dict)

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
        """The election's region set (resources/regions/<region_set>.csv), top tiers first."""
        path = RESOURCES / "regions" / f"{self.region_set}.csv"
        if not path.is_file():
            raise ElectionError(f"Berkas wilayah {path.name} tidak ditemukan untuk pemilihan {self.id}.")
        with path.open(encoding="utf-8", newline="") as fh:
            return tuple(Region(r["kode"], r["kode_induk"], r["tingkat"], r["nama"]) for r in csv.DictReader(fh))

    def form_name(self, which: str) -> str:
        """Official form name for "kabupaten_kota", "provinsi", "berita_acara", "kejadian_khusus"."""
        return self.form_names.get(which, which)


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
