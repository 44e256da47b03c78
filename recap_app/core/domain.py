"""The election's vocabulary: tiers, regions, voter categories, contestants, districts, JUMLAH.

Plain frozen data, read from an election definition (:mod:`recap_app.core.election`) and used
by every other module; nothing here reads a file or a database. The terms are the official
ones of the recap forms (docs/domain.md): *kabupaten_kota*, *kecamatan*, *paslon*, *partai*,
*calon*, *dapil*, *kursi*.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

#: Tier names, top down. An office at tier T receives certificates from regions of the next
#: tier down, each certificate holding one column per region of the tier below that.
TIERS = ("nasional", "provinsi", "kabupaten_kota", "kecamatan", "desa")

#: How the clerk names a tier in messages.
TIER_WORDS = {"nasional": "nasional", "provinsi": "provinsi", "kabupaten_kota": "kabupaten/kota",
              "kecamatan": "kecamatan", "desa": "desa/kelurahan"}

#: Column code of a certificate's total column (the JUMLAH column the sending office certified).
JUMLAH = "JUMLAH"

#: The largest figure a certificate field may hold (Indonesia's whole register is about 205 million
#: voters): the importer, the editor, bundles and TPS files refuse anything larger, which also keeps
#: every sum within SQLite's 64-bit integers. Also in resources/bundle.schema.json ($defs/figure).
MAX_FIGURE = 999_999_999

#: Column code of findings on the office's own total (the sum of the received JUMLAH columns).
PROVINSI = "PROVINSI"

#: The version of the reconciliation rules (core/rules.py): bumped when the evaluation changes, so
#: stored findings of an older version are recomputed. Here, with the plain data, so that reading
#: a status (core/status.py) compares stored checks without loading the rules. "3": a province
#: finding names the regencies it comes from in official order (it followed the order of reading).
RULES_VERSION = "3"


def tier_word(tier: str) -> str:
    """"kecamatan", "kabupaten/kota", ... for a tier name of :data:`TIERS`."""
    return TIER_WORDS.get(tier, tier)


def child_tier(tier: str) -> str:
    """The tier below ``tier`` ("provinsi" -> "kabupaten_kota"). Raises ValueError at the bottom."""
    i = TIERS.index(tier)
    if i + 1 >= len(TIERS):
        raise ValueError(f"no tier below {tier!r}")
    return TIERS[i + 1]


class Region(NamedTuple):
    """A region of the election's region set.

    Attributes:
        kode: Kemendagri code with dots, kept as text ("33.01", "33.01.02").
        kode_induk: the parent's code ("33" for a kabupaten/kota).
        tingkat: the tier name ("kabupaten_kota", "kecamatan").
        nama: the name as spelled in this election's region set.
    """

    kode: str
    kode_induk: str
    tingkat: str
    nama: str


class VoterCategory(NamedTuple):
    """A voter register of block I (DPT, DPTb, DPK; Pilkada names differ), from the definition.

    Attributes:
        key: field key stem ("dpt"); abbr: as printed ("DPTb"); label, label_en: row text.
    """

    key: str
    abbr: str
    label: str
    label_en: str = ""


class ContestantKind(StrEnum):
    """What stands on the ballot (block IV of the form)."""

    PASLON = "paslon"  # a candidate pair (president and vice-president, governor and deputy)
    PARTAI = "partai"  # a political party (legislative contests)
    CALON = "calon"  # a candidate on a party's list in one dapil (parent: the party)
    PERSEORANGAN = "perseorangan"  # an individual candidate (DPD)


class Contestant(NamedTuple):
    """One entry on the ballot.

    Attributes:
        kind: :class:`ContestantKind`.
        nomor: ballot number (nomor urut): of the pair, the party, or the candidate within its
            party's list; None while an office has not confirmed it (DPD lists).
        nama: full name as on the ballot; nama_singkat: short form for tables and charts.
        parent: the party's number for a ``calon``, else None.
        dapil: the district code of a ``calon`` or ``perseorangan``, else None.
        jenis_kelamin: "L" / "P" / "" when not held; tempat_tinggal: residence or "".
    """

    kind: ContestantKind
    nomor: int | None
    nama: str
    nama_singkat: str = ""
    parent: int | None = None
    dapil: str | None = None
    jenis_kelamin: str = ""
    tempat_tinggal: str = ""

    @property
    def short(self) -> str:
        """The short name, or the full name when no short one is set."""
        return self.nama_singkat or self.nama


class District(NamedTuple):
    """An electoral district (daerah pemilihan, dapil): a set of regions with a number of seats.

    Attributes:
        kode: district code as the definition gives it ("3301", "33-10"; the province code for a
            contest with one district).
        nama: "JAWA TENGAH I".
        kursi: seats to fill, or None for a contest without seats (president, governor).
        wilayah: codes of the submitting regions in it, in region-set order; empty for the one
            district of a contest that covers the whole office area.
    """

    kode: str
    nama: str
    kursi: int | None = None
    wilayah: tuple[str, ...] = ()

    @property
    def whole(self) -> bool:
        """True for the single district covering every region (pair contests, DPD)."""
        return not self.wilayah
