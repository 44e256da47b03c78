"""What the layout finder needs and what it finds: the workspace context, columns, the result."""

from __future__ import annotations

import copy
import difflib
from dataclasses import dataclass, field

from ..domain import Region
from ..election import Election
from ..forms import Form
from .names import Matcher, normalize, regency_key


@dataclass
class Column:
    """A data column of the certificate: a kecamatan (kode) or the JUMLAH column."""

    index: int
    kode: str
    header: str
    match: str  # "code", "exact", "alias", "near", "jumlah"
    suggestions: tuple[Region, ...] = ()
    ref: str = ""  # the header cell, e.g. "E8"


@dataclass
class NearCandidate:
    """A candidate row whose name only nearly matches the list (confirmed with --accept-names).

    Attributes:
        ref: the label cell ("B14"); header: the name as written on the sheet.
        key: the field key the row is read into; nama: the name on the list.
        dapil, partai, nomor_urut: which list entry (partai None for an individual candidate).
    """

    ref: str
    header: str
    key: str
    nama: str
    dapil: str
    partai: int | None
    nomor_urut: int


@dataclass
class Found:
    """What was found on one sheet (before storing).

    Attributes:
        regency: the kabupaten/kota the certificate belongs to.
        columns: kecamatan columns in sheet order, then the JUMLAH column when present.
        values: {column code: {field key: int or None}} for every field found.
        field_rows: {field key: grid row index}.
        dashes, recomputed: cell references (original sheet coordinates) with field and column.
        near: columns whose header only nearly matches a kecamatan name.
        notes: other remarks for the report.
    """

    sheet: str
    transposed: bool
    regency: Region
    columns: list[Column]
    values: dict[str, dict[str, int | None]]
    field_rows: dict[str, int]
    dashes: list[dict] = field(default_factory=list)
    recomputed: list[dict] = field(default_factory=list)
    near: list[Column] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    near_candidates: list[NearCandidate] = field(default_factory=list)
    form: Form | None = None  # the form the sheet was read against (its district's)

    @property
    def score(self) -> int:
        return len(self.field_rows) * max(1, len(self.columns))


class NotACertificate(Exception):
    """The sheet holds no recognisable certificate table (skipped, reported)."""


class Context:
    """What the layout finder needs from the workspace: election, form, regions, aliases.

    Args:
        election: the workspace's election.
        regencies: the kabupaten/kota of the region set.
        kecamatan: {regency code: [kecamatan regions]}.
        aliases: accepted spellings {normalised alias: region code}.
        form: the certificate form the sheet is read against (default: the election's one form).
    """

    def __init__(self, election: Election, regencies: list[Region], kecamatan: dict[str, list[Region]],
                 aliases: dict[str, str], form: Form | None = None, candidate_aliases: dict | None = None):
        self.election = election
        self.regencies = regencies
        self.regency_by_code = {r.kode: r for r in regencies}
        self.kecamatan = kecamatan
        self.aliases = aliases
        #: accepted candidate spellings {(dapil, party or None, nomor urut): {normalised spelling}}
        self.candidate_aliases = candidate_aliases or {}
        self.all_kecamatan = [k for ks in kecamatan.values() for k in ks]
        self.province = Matcher(self.all_kecamatan, aliases)
        self.regency_names: dict[str, Region] = {}
        for r in regencies:
            self.regency_names.setdefault(regency_key(r.nama), r)
        self._matchers: dict[str, Matcher] = {}
        self._by_form: dict[str, Context] = {}
        #: True when the form depends on the regency (a contest with several districts): the
        #: regency is found first and the rows are read with :meth:`for_region`
        self.multi = form is None and election.has_districts
        self._set_form(None if self.multi else (form or election.form))

    def _set_form(self, form: Form | None) -> None:
        self.form = form
        self._label_cache: dict[tuple[str, str | None], tuple[str | None, float]] = {}
        self._own_cache: dict[tuple[str, str], float] = {}
        if form is None:
            self._synonyms, self.figure_rows, self.heading_rows = {}, {}, {}
            return
        self._synonyms = self._build_synonyms()
        self.figure_rows = self.form.figure_rows
        self.heading_rows = {normalize(label): number for label, number in self.form.headings.items()}

    def for_region(self, kode: str) -> Context:
        """The context that reads a certificate of region ``kode`` against its district's form
        (itself for a contest with one form; one cached context per district otherwise).

        Raises:
            ElectionError: the region is in no district ("no_district").
        """
        if not self.multi:
            return self
        form = self.election.form_of_region(kode)
        key = form.district.kode if form.district else ""
        got = self._by_form.get(key)
        if got is None:
            got = copy.copy(self)
            got.multi = False
            got._set_form(form)
            self._by_form[key] = got
        return got

    def matcher(self, kode: str) -> Matcher:
        """Matcher over the kecamatan of one kabupaten/kota (cached)."""
        if kode not in self._matchers:
            self._matchers[kode] = Matcher(self.kecamatan.get(kode, []), self.aliases)
        return self._matchers[kode]

    def _build_synonyms(self) -> dict[str, str]:
        """{normalised label or synonym: form row number} (the form's accepted spellings)."""
        return {normalize(text): number for text, number in self.form.synonyms.items()}

    def synonym(self, label: str) -> str | None:
        """The form row a normalised label or synonym names exactly, or None."""
        return self._synonyms.get(label)

    def heading_prefix(self, label: str) -> str | None:
        """The block heading a label abbreviates ("PEROLEHAN SUARA" -> "IV"), or None."""
        if len(label.split()) < 2:
            return None
        hits = [num for text, num in self.heading_rows.items() if text == label or text.startswith(label + " ")]
        return hits[0] if len(hits) == 1 else None

    def own_score(self, label: str, number: str) -> float:
        """How much a label looks like form row ``number`` (best ratio against its label and synonyms)."""
        if self._synonyms.get(label) == number:
            return 1.0
        key = (label, number)
        if key not in self._own_cache:
            self._own_cache[key] = max(difflib.SequenceMatcher(None, label, s).ratio()
                                       for s, n in self._synonyms.items() if n == number)
        return self._own_cache[key]

    def label_row(self, label: str, block: str | None) -> tuple[str | None, float]:
        """Best form row for a label (exact synonym, else closest label in the block)."""
        if not label:
            return None, 0.0
        if label in self._synonyms:
            return self._synonyms[label], 1.0
        key = (label, block)
        if key not in self._label_cache:
            self._label_cache[key] = self._label_row(label, block)
        return self._label_cache[key]

    def _label_row(self, label: str, block: str | None) -> tuple[str | None, float]:
        best, score = None, 0.0
        for s, num in self._synonyms.items():
            if block and num.split(".")[0] != block:
                continue
            ratio = difflib.SequenceMatcher(None, label, s).ratio()
            if ratio > score:
                best, score = num, ratio
        return best, score
