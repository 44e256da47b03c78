"""The form interface: rows, fields, derived cells, identities, bounds, labels, import spellings.

A :class:`Form` is the certificate of one contest (and, for legislative contests, one
electoral district): blocks I–V of Model DB1/DC1 and D.Hasil (PKPU 3/2019, PKPU 25/2023
annexes). Blocks I–III (voters, ballots, disability) and V (valid and invalid votes) are the
same for every contest and are built here; block IV (the votes) belongs to the form kind —
candidate pairs, parties with their candidates, individual candidates — and is built by the
subclass (:mod:`.pair`, :mod:`.party`, :mod:`.individual`).

Every figure has a stable *field key* (``dpt_l``, ``paslon_1``, ``suara_sah``) used by
storage, rules, import, documents, bundles and the JSON outputs alike (docs/schema.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import NamedTuple

from ..domain import Contestant, ContestantKind, District, VoterCategory

SEX_LABEL = {"L": " (LK)", "P": " (PR)", "JML": " (JML)"}
#: the same in English (the window's translation, the English report): male, female, total
SEX_LABEL_EN = {"L": " (M)", "P": " (F)", "JML": " (total)"}
_SHORT_SEX = {"_l": " LK", "_p": " PR", "": " JML"}


class FormField(NamedTuple):
    """One figure on the certificate.

    Attributes:
        key: stable key (``dpt_l``); never renamed once released.
        row: the form row number ("I.A.1", "IV.2", "V.A").
        label, label_en: row label as on the form (Indonesian) and in English.
        sex: "L", "P", "JML" for split rows, "" otherwise.
        parts: keys whose sum this field must equal on the form (derived cells), or ().
    """

    key: str
    row: str
    label: str
    sex: str = ""
    parts: tuple[str, ...] = ()
    label_en: str = ""

    @property
    def derived(self) -> bool:
        """True when the form defines this cell as a sum of other cells."""
        return bool(self.parts)


class FormRow(NamedTuple):
    """A printed row of the form: a heading (no fields) or a figure row (1 or 3 fields).

    Attributes:
        number: "I", "I.A", "I.A.1", "IV.3", "IV.3.2".
        label, label_en: the row text.
        fields: the figures of the row (L, P, JML for a split row).
        level: 0 block heading (I, II...), 1 sub-heading (I.A, a party), 2 figure row.
        group: the contestant this row belongs to in block IV (a party's rows), else None.
    """

    number: str
    label: str
    fields: tuple[FormField, ...] = ()
    level: int = 0
    label_en: str = ""
    group: Contestant | None = None


class Identity(NamedTuple):
    """target = sum(parts), checked by rule ``code`` (the finding's field is the target)."""

    code: str
    target: str
    parts: tuple[str, ...]


class Bound(NamedTuple):
    """small ≤ big, checked by rule ``code`` (the finding's field is the small one)."""

    code: str
    small: str
    big: str


def _split(number: str, label: str, label_en: str, base: str, parts_of: Sequence[str] | None = None) -> FormRow:
    """A row split by sex: fields base_l, base_p and base (= base_l + base_p)."""
    fs = []
    for sex, suffix in (("L", "_l"), ("P", "_p"), ("JML", "")):
        parts = tuple(f"{p}{suffix}" for p in parts_of) if parts_of else ()
        if sex == "JML":
            parts = (f"{base}_l", f"{base}_p")
        fs.append(FormField(f"{base}{suffix}", number, label, sex, parts, label_en))
    return FormRow(number, label, tuple(fs), 2, label_en)


def _single(number: str, key: str, label: str, label_en: str, parts: tuple[str, ...] = (),
            group: Contestant | None = None) -> FormRow:
    return FormRow(number, label, (FormField(key, number, label, "", parts, label_en),), 2, label_en, group)


BALLOT_ROWS = (
    ("surat_suara_diterima", "Jumlah surat suara yang diterima, termasuk surat suara cadangan",
     "Ballot papers received, reserve included"),
    ("surat_suara_dikembalikan", "Jumlah surat suara yang dikembalikan oleh pemilih karena rusak atau keliru coblos",
     "Ballot papers returned by voters as damaged or wrongly marked"),
    ("surat_suara_tidak_digunakan", "Jumlah surat suara yang tidak digunakan/tidak terpakai, termasuk sisa surat "
     "suara cadangan", "Ballot papers not used, unused reserve included"),
    ("surat_suara_digunakan", "Jumlah surat suara yang digunakan", "Ballot papers used"),
)

#: short names of block I–III and V figures for messages ("I.A.1 DPT LK")
_BALLOT_SHORT = {"surat_suara_diterima": ("II.1 surat suara diterima", "II.1 ballots received"),
                 "surat_suara_dikembalikan": ("II.2 surat suara dikembalikan", "II.2 ballots returned"),
                 "surat_suara_tidak_digunakan": ("II.3 surat suara tidak digunakan", "II.3 ballots unused"),
                 "surat_suara_digunakan": ("II.4 surat suara digunakan", "II.4 ballots used"),
                 "suara_sah": ("V.A suara sah", "V.A valid votes"),
                 "suara_tidak_sah": ("V.B suara tidak sah", "V.B invalid votes"),
                 "jumlah_suara": ("V.C jumlah suara sah dan tidak sah", "V.C valid and invalid votes")}


class Form:
    """The certificate form of one contest (and one district where the contest has them).

    Subclasses give the form kind (:attr:`kind`) and block IV: :meth:`vote_rows` (the printed
    rows with their fields), :meth:`vote_identities` (the sums block IV must satisfy besides
    V.A = sum of the contestants' totals), :meth:`vote_labels` and :meth:`vote_synonyms`.

    Args:
        voter_categories: the registers of block I, in form order.
        reserve_percent: reserve ballots in % of DPT (rule W.103).
        contestants: every contestant on this form (pairs; parties and their candidates;
            individuals), in ballot order.
        district: the electoral district of this form, or None.
        title_iv: heading of block IV as printed.
    """

    kind: str = ""

    def __init__(self, voter_categories: Sequence[VoterCategory], reserve_percent: float,
                 contestants: Iterable[Contestant], district: District | None = None):
        self.voter_categories = tuple(voter_categories)
        self.reserve_percent = float(reserve_percent)
        self.all_contestants = tuple(contestants)
        self.district = district

    # ------------------------------------------------------------ what a subclass gives
    title_iv: str = "PEROLEHAN SUARA"
    title_iv_en: str = "VOTES"

    #: the kind of the contestants whose totals add up to V.A
    contestant_kind: ContestantKind = ContestantKind.PASLON

    @cached_property
    def contestants(self) -> tuple[Contestant, ...]:
        """The contestants whose totals add up to V.A (pairs, parties, individuals), by ballot number."""
        return tuple(sorted((c for c in self.all_contestants if c.kind == self.contestant_kind),
                            key=lambda c: c.nomor or 0))

    @property
    def legislative(self) -> bool:
        """True for a form whose block IV is a list (parties with candidates, individual candidates):
        the list checks (rule F.603, W.104) apply."""
        return self.contestant_kind in (ContestantKind.PARTAI, ContestantKind.PERSEORANGAN)

    def contestant_rows(self, label) -> list[FormRow]:
        """One figure row per contestant, "IV.<nomor>", labelled ``label(contestant)``."""
        return [_single(f"IV.{c.nomor}", self.total_key(c), label(c), label(c), group=c) for c in self.contestants]

    def total_key(self, c: Contestant) -> str:
        """Field key of a contestant's total votes (``paslon_1``, ``partai_3_jumlah``)."""
        raise NotImplementedError

    def vote_rows(self) -> list[FormRow]:
        """Block IV rows after its heading, in printed order."""
        raise NotImplementedError

    def vote_identities(self) -> list[Identity]:
        """Sums inside block IV (besides V.A = sum of totals); none for a pair form."""
        return []

    def vote_labels(self) -> dict[str, tuple[str, str]]:
        """{block IV key: (short Indonesian label, short English label)} for messages."""
        raise NotImplementedError

    def vote_synonyms(self) -> dict[str, str]:
        """{label or spelling seen in regency spreadsheets: block IV row number}."""
        return {}

    # ------------------------------------------------------------ the rows
    @cached_property
    def rows(self) -> tuple[FormRow, ...]:
        """Every row of the certificate, blocks I–V, in printed order."""
        cats = self.voter_categories
        rows: list[FormRow] = [FormRow("I", "DATA PEMILIH DAN PENGGUNA HAK PILIH", (), 0, "VOTERS AND TURNOUT"),
                               FormRow("I.A", "DATA PEMILIH", (), 1, "REGISTERED VOTERS")]
        for i, c in enumerate(cats, 1):
            rows.append(_split(f"I.A.{i}", f"Jumlah pemilih dalam {c.label}",
                               f"Voters in the {c.label_en or c.abbr}", c.key))
        n = len(cats) + 1
        plus = "+".join(str(i) for i in range(1, n))
        rows.append(_split(f"I.A.{n}", f"Jumlah pemilih ({plus})", f"Registered voters ({plus})", "pemilih",
                           [c.key for c in cats]))
        rows.append(FormRow("I.B", "PENGGUNA HAK PILIH", (), 1, "VOTERS WHO VOTED"))
        for i, c in enumerate(cats, 1):
            rows.append(_split(f"I.B.{i}", f"Jumlah pengguna hak pilih dalam {c.abbr}",
                               f"Voters who voted, {c.abbr}", f"pengguna_{c.key}"))
        rows.append(_split(f"I.B.{n}", f"Jumlah seluruh pengguna hak pilih ({plus})",
                           f"All voters who voted ({plus})", "pengguna_hak_pilih",
                           [f"pengguna_{c.key}" for c in cats]))
        rows.append(FormRow("II", "DATA PENGGUNAAN SURAT SUARA", (), 0, "BALLOT PAPERS"))
        for i, (key, label, label_en) in enumerate(BALLOT_ROWS, 1):
            rows.append(_single(f"II.{i}", key, label, label_en))
        rows.append(FormRow("III", "DATA PEMILIH DISABILITAS", (), 0, "VOTERS WITH DISABILITIES"))
        rows.append(_split("III.1", "Jumlah seluruh pemilih disabilitas", "Voters with disabilities",
                           "disabilitas"))
        rows.append(_split("III.2", "Jumlah pemilih disabilitas yang menggunakan hak pilih",
                           "Voters with disabilities who voted", "pengguna_disabilitas"))
        rows.append(FormRow("IV", self.title_iv, (), 0, self.title_iv_en))
        rows.extend(self.vote_rows())
        rows.append(FormRow("V", "DATA SUARA SAH DAN TIDAK SAH", (), 0, "VALID AND INVALID VOTES"))
        rows.append(_single("V.A", "suara_sah", "Jumlah seluruh suara sah", "All valid votes", self.vote_keys))
        rows.append(_single("V.B", "suara_tidak_sah", "Jumlah suara tidak sah", "Invalid votes"))
        rows.append(_single("V.C", "jumlah_suara", "Jumlah seluruh suara sah dan tidak sah",
                            "All valid and invalid votes", ("suara_sah", "suara_tidak_sah")))
        return tuple(rows)

    @cached_property
    def vote_keys(self) -> tuple[str, ...]:
        """The contestants' total keys, in ballot order: their sum is V.A suara sah."""
        return tuple(self.total_key(c) for c in self.contestants)

    @cached_property
    def fields(self) -> tuple[FormField, ...]:
        """Every figure of the form, in printed order."""
        return tuple(f for r in self.rows for f in r.fields)

    @cached_property
    def field_keys(self) -> tuple[str, ...]:
        """Every field key, in printed order."""
        return tuple(f.key for f in self.fields)

    @cached_property
    def field_by_key(self) -> dict[str, FormField]:
        """{field key: FormField}."""
        return {f.key: f for f in self.fields}

    @cached_property
    def figure_rows(self) -> dict[str, FormRow]:
        """{row number: row} of the rows that hold figures."""
        return {r.number: r for r in self.rows if r.fields}

    @cached_property
    def derived(self) -> dict[str, tuple[str, ...]]:
        """{key of a derived cell: the keys it is the sum of} (L+P, A.4, B.4, V.A, V.C, ...)."""
        return {f.key: f.parts for f in self.fields if f.parts}

    @cached_property
    def block_iv_keys(self) -> tuple[str, ...]:
        """Every key of block IV (the votes), in printed order."""
        return tuple(f.key for f in self.fields if f.row.startswith("IV"))

    # ------------------------------------------------------------ the arithmetic
    @cached_property
    def split_bases(self) -> tuple[str, ...]:
        """Stems of the rows split by sex (blocks I and III)."""
        cats = [c.key for c in self.voter_categories]
        return tuple(cats + ["pemilih"] + [f"pengguna_{c}" for c in cats]
                     + ["pengguna_hak_pilih", "disabilitas", "pengguna_disabilitas"])

    @cached_property
    def identities(self) -> tuple[Identity, ...]:
        """The sums the form defines, with the rule that checks each (docs/rules.md)."""
        cats = [c.key for c in self.voter_categories]
        ids = [Identity("F.101", base, (f"{base}_l", f"{base}_p")) for base in self.split_bases]
        ids += [Identity("F.102", f"pemilih{s}", tuple(f"{c}{s}" for c in cats)) for s in ("_l", "_p", "")]
        ids += [Identity("F.103", f"pengguna_hak_pilih{s}", tuple(f"pengguna_{c}{s}" for c in cats))
                for s in ("_l", "_p", "")]
        ids += self.vote_identities()
        ids.append(Identity("F.201", "suara_sah", self.vote_keys))
        ids.append(Identity("F.202", "jumlah_suara", ("suara_sah", "suara_tidak_sah")))
        ids.append(Identity("F.203", "jumlah_suara", ("pengguna_hak_pilih",)))
        ids.append(Identity("F.301", "surat_suara_digunakan", ("pengguna_hak_pilih",)))
        ids.append(Identity("F.302", "surat_suara_diterima",
                            ("surat_suara_dikembalikan", "surat_suara_tidak_digunakan", "surat_suara_digunakan")))
        return tuple(ids)

    @cached_property
    def bounds(self) -> tuple[Bound, ...]:
        """The upper bounds the form implies (voters who voted ≤ registered)."""
        out = [Bound("F.401", f"pengguna_{c.key}{s}", f"{c.key}{s}")
               for c in self.voter_categories for s in ("_l", "_p", "")]
        out += [Bound("F.402", f"pengguna_disabilitas{s}", f"disabilitas{s}") for s in ("_l", "_p", "")]
        return tuple(out)

    @cached_property
    def rules_using(self) -> dict[str, tuple[str, ...]]:
        """{field key: codes of the rules that read it} (for blank-field messages, W.602)."""
        using: dict[str, set[str]] = {}
        for i in self.identities:
            for k in (i.target, *i.parts):
                using.setdefault(k, set()).add(i.code)
        for b in self.bounds:
            for k in (b.small, b.big):
                using.setdefault(k, set()).add(b.code)
        for codes, keys in (("W.101", ("pemilih", "pengguna_hak_pilih")), ("W.102", ("suara_tidak_sah", "jumlah_suara")),
                            ("W.103", ("surat_suara_diterima", "dpt"))):
            for k in keys:
                using.setdefault(k, set()).add(codes)
        for k in self.field_keys:
            using.setdefault(k, set()).add("F.501")
        return {k: tuple(sorted(v)) for k, v in using.items()}

    # ------------------------------------------------------------ labels
    @cached_property
    def _labels(self) -> dict[str, tuple[str, str]]:
        cats = self.voter_categories
        names = {c.key: (c.abbr, c.abbr) for c in cats}
        names["pemilih"] = ("jumlah pemilih", "registered voters")
        names.update({f"pengguna_{c.key}": (f"pengguna hak pilih {c.abbr}", f"voted {c.abbr}") for c in cats})
        names["pengguna_hak_pilih"] = ("jumlah pengguna hak pilih", "voters who voted")
        names["disabilitas"] = ("pemilih disabilitas", "voters with disabilities")
        names["pengguna_disabilitas"] = ("pemilih disabilitas yang memilih", "voters with disabilities who voted")
        out: dict[str, tuple[str, str]] = {}
        for f in self.fields:
            if f.sex:
                base = f.key[:-2] if f.key.endswith(("_l", "_p")) else f.key
                suffix = _SHORT_SEX[f.key[len(base):]]
                nid, nen = names.get(base, (base, base))
                english = {" LK": " M", " PR": " F", " JML": " total"}[suffix]
                out[f.key] = (f"{f.row} {nid}{suffix}", f"{f.row} {nen}{english}")
        out.update(_BALLOT_SHORT)
        out.update(self.vote_labels())
        return out

    def label(self, key: str, lang: str = "id") -> str:
        """Short label of a field for messages: "I.A.1 DPT LK", "IV.1 suara paslon 1"; the key when unknown."""
        got = self._labels.get(key)
        if got is None:
            return key
        return got[1] if lang == "en" else got[0]

    @cached_property
    def labels(self) -> dict[str, str]:
        """{field key: short Indonesian label} (see :meth:`label`)."""
        return {k: v[0] for k, v in self._labels.items()}

    def field_label(self, key: str, lang: str = "id") -> str:
        """Long label of a field as the form prints it: "I.A.1 Jumlah pemilih dalam DPT (LK)"."""
        f = self.field_by_key.get(key)
        if f is None:
            return key
        text = f.label_en if lang == "en" and f.label_en else f.label
        return f"{f.row} {text}{(SEX_LABEL_EN if lang == 'en' else SEX_LABEL).get(f.sex, '')}"

    # ------------------------------------------------------------ import spellings
    @cached_property
    def synonyms(self) -> dict[str, str]:
        """{label or spelling seen in regency spreadsheets: form row number} (not yet normalised).

        The importer normalises both sides (case, punctuation, spaces) before matching.
        """
        syn: dict[str, str] = {}
        cats = self.voter_categories
        n = len(cats) + 1
        for r in self.rows:
            if r.fields:
                syn[r.label] = r.number
                syn[r.fields[-1].key] = r.number
        for i, c in enumerate(cats, 1):
            for s in (c.abbr, c.key, c.label, f"pemilih {c.abbr}", f"jumlah pemilih {c.abbr}"):
                syn[s] = f"I.A.{i}"
            for s in (f"pengguna {c.abbr}", f"pengguna hak pilih {c.abbr}", f"pengguna hak pilih dalam {c.abbr}",
                      f"pengguna {c.key}"):
                syn[s] = f"I.B.{i}"
        for s in ("jumlah pemilih", "total pemilih", "pemilih"):
            syn[s] = f"I.A.{n}"
        for s in ("pengguna hak pilih", "jumlah pengguna hak pilih", "total pengguna hak pilih"):
            syn[s] = f"I.B.{n}"
        for s, num in (("surat suara diterima", "II.1"), ("surat suara dikembalikan", "II.2"),
                       ("surat suara rusak", "II.2"), ("surat suara tidak digunakan", "II.3"),
                       ("sisa surat suara", "II.3"), ("surat suara digunakan", "II.4"),
                       ("pemilih disabilitas", "III.1"), ("disabilitas", "III.1"),
                       ("pengguna disabilitas", "III.2"), ("pemilih disabilitas yang memilih", "III.2"),
                       ("suara sah", "V.A"), ("jumlah suara sah", "V.A"), ("suara tidak sah", "V.B"),
                       ("jumlah suara tidak sah", "V.B"), ("jumlah suara", "V.C"),
                       ("jumlah suara sah dan tidak sah", "V.C"), ("total suara", "V.C")):
            syn[s] = num
        syn.update(self.vote_synonyms())
        return syn

    @cached_property
    def headings(self) -> dict[str, str]:
        """{heading text: row number} of the rows without figures (blocks and sub-blocks)."""
        return {r.label: r.number for r in self.rows if not r.fields}

    # ------------------------------------------------------------ identity
    @cached_property
    def signature(self) -> str:
        """Text that identifies the form's layout (kind, district, keys): equal forms, equal text."""
        return "|".join((self.kind, self.district.kode if self.district else "", f"{self.reserve_percent:g}",
                         ",".join(self.field_keys)))
