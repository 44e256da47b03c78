"""Election definitions (resources/elections/*.json) and the certificate form they imply.

The form (blocks I–V of DB1/DC1, D.Hasil) is derived from the election: the voter
categories and the candidate pairs belong to the election, not to the code. Every figure
on the form has a stable *field key* (``dpt_l``, ``paslon_1``, ``suara_sah``, ...), used by
storage, rules, import, documents, bundles and the JSON outputs alike.
"""

from __future__ import annotations

import csv
import json
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .errors import ElectionError

if getattr(sys, "frozen", False):  # PyInstaller one-folder build: data files under _MEIPASS
    RESOURCES = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
else:
    RESOURCES = Path(__file__).resolve().parent.parent.parent / "resources"

#: Tier names, top down. An office at tier T receives certificates from regions of the next
#: tier down, each certificate holding one column per region of the tier below that.
TIERS = ("nasional", "provinsi", "kabupaten_kota", "kecamatan", "desa")

SEXES = ("l", "p", "")  # field key suffixes: _l, _p and the Jumlah (no suffix)


@dataclass(frozen=True)
class Region:
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


@dataclass(frozen=True)
class FormField:
    """One figure on the certificate.

    Attributes:
        key: stable key (``dpt_l``); never renamed once released.
        row: the form row number ("I.A.1", "IV.2", "V.A").
        label: Indonesian row label as on the form.
        sex: "L", "P", "JML" for split rows, "" otherwise.
        parts: keys whose sum this field must equal on the form (derived cells), or ().
    """

    key: str
    row: str
    label: str
    sex: str = ""
    parts: tuple[str, ...] = ()

    @property
    def derived(self) -> bool:
        """True when the form defines this cell as a sum of other cells."""
        return bool(self.parts)


@dataclass(frozen=True)
class FormRow:
    """A printed row of the form: a heading (no fields) or a figure row (1 or 3 fields)."""

    number: str
    label: str
    fields: tuple[FormField, ...] = ()
    level: int = 0  # 0 = block heading (I, II...), 1 = sub-heading (A, B), 2 = figure row


@dataclass(frozen=True)
class VoterCategory:
    key: str
    abbr: str
    label: str
    label_en: str = ""


@dataclass(frozen=True)
class Paslon:
    nomor_urut: int
    nama: str
    nama_singkat: str

    @property
    def key(self) -> str:
        return f"paslon_{self.nomor_urut}"


@dataclass
class Election:
    """An election definition: identity, form naming, categories, pairs and region set.

    Build with :func:`load_election` or :meth:`from_dict`. Raises :class:`ElectionError` on
    malformed data.
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
    paslon: list[Paslon]
    region_set: str
    raw: dict = field(repr=False, default_factory=dict)

    @classmethod
    def from_dict(cls, d: dict) -> Election:
        """Build from the JSON document (format 1). Raises ElectionError when a key is missing."""
        try:
            if d.get("format") != 1:
                raise ElectionError(f"Format definisi pemilihan tidak dikenal: {d.get('format')!r} (diharapkan 1).")
            if d["tier"] not in TIERS[:-1]:
                raise ElectionError(f"Tingkat kantor tidak dikenal: {d['tier']!r}.")
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
                paslon=[Paslon(p["nomor_urut"], p["nama"], p.get("nama_singkat", p["nama"])) for p in d["paslon"]],
                region_set=d["region_set"],
                raw=d,
            )
        except (KeyError, TypeError) as exc:
            raise ElectionError(f"Definisi pemilihan tidak lengkap: kunci {exc} tidak ada.") from exc

    # ----------------------------------------------------------------- tiers
    @property
    def child_tier(self) -> str:
        """Tier of the regions that send certificates to this office ("kabupaten_kota")."""
        return TIERS[TIERS.index(self.tier) + 1]

    @property
    def column_tier(self) -> str:
        """Tier of the columns inside a received certificate ("kecamatan")."""
        return TIERS[TIERS.index(self.tier) + 2]

    # ----------------------------------------------------------------- form
    @cached_property
    def form_rows(self) -> tuple[FormRow, ...]:
        """The rows of the certificate, blocks I–V, in printed order.

        Source: Model DB1/DC1-PPWP 2019 and D.Hasil 2024 (PKPU 3/2019, PKPU 25/2023 annexes).
        """
        rows: list[FormRow] = []

        def split(number, label, base, parts_of=None):
            fs = []
            for sex, suffix in (("L", "_l"), ("P", "_p"), ("JML", "")):
                parts = tuple(f"{p}{suffix}" for p in parts_of) if parts_of else ()
                if sex == "JML":
                    parts = (f"{base}_l", f"{base}_p")
                fs.append(FormField(f"{base}{suffix}", number, label, sex, parts))
            return FormRow(number, label, tuple(fs), 2)

        cats = self.voter_categories
        rows.append(FormRow("I", "DATA PEMILIH DAN PENGGUNA HAK PILIH", (), 0))
        rows.append(FormRow("I.A", "DATA PEMILIH", (), 1))
        for i, c in enumerate(cats, 1):
            rows.append(split(f"I.A.{i}", f"Jumlah pemilih dalam {c.label}", c.key))
        n = len(cats) + 1
        plus = "+".join(str(i) for i in range(1, n))
        rows.append(split(f"I.A.{n}", f"Jumlah pemilih ({plus})", "pemilih", [c.key for c in cats]))
        rows.append(FormRow("I.B", "PENGGUNA HAK PILIH", (), 1))
        for i, c in enumerate(cats, 1):
            rows.append(split(f"I.B.{i}", f"Jumlah pengguna hak pilih dalam {c.abbr}", f"pengguna_{c.key}"))
        rows.append(split(f"I.B.{n}", f"Jumlah seluruh pengguna hak pilih ({plus})", "pengguna_hak_pilih",
                          [f"pengguna_{c.key}" for c in cats]))
        rows.append(FormRow("II", "DATA PENGGUNAAN SURAT SUARA", (), 0))
        for i, (key, label) in enumerate([
            ("surat_suara_diterima", "Jumlah surat suara yang diterima, termasuk surat suara cadangan"),
            ("surat_suara_dikembalikan", "Jumlah surat suara yang dikembalikan oleh pemilih karena rusak atau keliru coblos"),
            ("surat_suara_tidak_digunakan", "Jumlah surat suara yang tidak digunakan/tidak terpakai, termasuk sisa surat suara cadangan"),
            ("surat_suara_digunakan", "Jumlah surat suara yang digunakan"),
        ], 1):
            rows.append(FormRow(f"II.{i}", label, (FormField(key, f"II.{i}", label),), 2))
        rows.append(FormRow("III", "DATA PEMILIH DISABILITAS", (), 0))
        rows.append(split("III.1", "Jumlah seluruh pemilih disabilitas", "disabilitas"))
        rows.append(split("III.2", "Jumlah pemilih disabilitas yang menggunakan hak pilih", "pengguna_disabilitas"))
        rows.append(FormRow("IV", "PEROLEHAN SUARA PASANGAN CALON", (), 0))
        for p in self.paslon:
            rows.append(FormRow(f"IV.{p.nomor_urut}", p.nama_singkat.upper(),
                                (FormField(p.key, f"IV.{p.nomor_urut}", p.nama_singkat.upper()),), 2))
        rows.append(FormRow("V", "DATA SUARA SAH DAN TIDAK SAH", (), 0))
        rows.append(FormRow("V.A", "Jumlah seluruh suara sah", (FormField(
            "suara_sah", "V.A", "Jumlah seluruh suara sah", "", tuple(p.key for p in self.paslon)),), 2))
        rows.append(FormRow("V.B", "Jumlah suara tidak sah", (FormField(
            "suara_tidak_sah", "V.B", "Jumlah suara tidak sah"),), 2))
        rows.append(FormRow("V.C", "Jumlah seluruh suara sah dan tidak sah", (FormField(
            "jumlah_suara", "V.C", "Jumlah seluruh suara sah dan tidak sah", "", ("suara_sah", "suara_tidak_sah")),), 2))
        return tuple(rows)

    @cached_property
    def fields(self) -> tuple[FormField, ...]:
        """Every figure of the form, in printed order."""
        return tuple(f for r in self.form_rows for f in r.fields)

    @cached_property
    def field_keys(self) -> tuple[str, ...]:
        return tuple(f.key for f in self.fields)

    @cached_property
    def field_by_key(self) -> dict[str, FormField]:
        return {f.key: f for f in self.fields}

    def field_label(self, key: str) -> str:
        """Human label of a field: "I.A.1 Jumlah pemilih dalam DPT (LK)"."""
        f = self.field_by_key.get(key)
        if f is None:
            return key
        sex = {"L": " (LK)", "P": " (PR)", "JML": " (JML)"}.get(f.sex, "")
        return f"{f.row} {f.label}{sex}"

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
