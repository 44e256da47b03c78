"""The party form: block IV holds, per party, its party-only votes, its candidates and its total.

Model D.Hasil-DPR and -DPRD Provinsi 2024 (PKPU 25/2023): for each party of the electoral
district, in ballot order, the votes for the party alone (suara partai), one row per candidate
on its list by nomor urut, and "jumlah suara sah partai politik dan calon" = party-only + all
its candidates (rule F.204); V.A suara sah is the sum of the party totals (rule F.201). A
regency's certificate carries only its own district's lists.
"""

from __future__ import annotations

from functools import cached_property

from ..domain import Contestant, ContestantKind
from .base import Form, FormRow, Identity, _single


class PartyForm(Form):
    """Certificate of a contest between parties with candidate lists (DPR, DPRD Provinsi).

    Field keys of block IV (docs/schema.md): ``partai_<n>`` (party-only votes),
    ``partai_<n>_calon_<nomor urut>`` (a candidate), ``partai_<n>_jumlah`` (the party total,
    derived).
    """

    kind = "partai"
    title_iv = "PEROLEHAN SUARA PARTAI POLITIK DAN CALON"
    title_iv_en = "VOTES PER PARTY AND CANDIDATE"

    contestant_kind = ContestantKind.PARTAI

    @cached_property
    def candidates(self) -> dict[int, tuple[Contestant, ...]]:
        """{party number: its candidates on this district's list, by nomor urut}."""
        out: dict[int, list[Contestant]] = {p.nomor: [] for p in self.contestants}
        for c in self.all_contestants:
            if c.kind == ContestantKind.CALON and c.parent in out:
                out[c.parent].append(c)
        return {k: tuple(sorted(v, key=lambda c: c.nomor or 0)) for k, v in out.items()}

    @staticmethod
    def party_key(party: int) -> str:
        """``partai_<n>``: the party-only votes."""
        return f"partai_{party}"

    @staticmethod
    def candidate_key(party: int, nomor_urut: int) -> str:
        """``partai_<n>_calon_<nomor urut>``."""
        return f"partai_{party}_calon_{nomor_urut}"

    def total_key(self, c: Contestant) -> str:
        """``partai_<n>_jumlah``: the party total (party-only + candidates)."""
        return f"partai_{c.nomor}_jumlah"

    def _parts(self, p: Contestant) -> tuple[str, ...]:
        return (self.party_key(p.nomor),) + tuple(self.candidate_key(p.nomor, c.nomor)
                                                  for c in self.candidates[p.nomor])

    def vote_rows(self) -> list[FormRow]:
        """Per party: a heading, the party-only row, one row per candidate, the party total."""
        rows: list[FormRow] = []
        for p in self.contestants:
            n = p.nomor
            rows.append(FormRow(f"IV.{n}", f"{n}. {p.nama}", (), 1, f"{n}. {p.nama}", p))
            rows.append(_single(f"IV.{n}.0", self.party_key(n), "Suara partai politik", "Votes for the party only",
                                group=p))
            for c in self.candidates[n]:
                rows.append(_single(f"IV.{n}.{c.nomor}", self.candidate_key(n, c.nomor), c.nama, c.nama, group=p))
            rows.append(_single(f"IV.{n}.J", self.total_key(p), f"Jumlah suara sah {p.nama} dan calon",
                                f"Valid votes of {p.nama} and its candidates", self._parts(p), group=p))
        return rows

    def vote_identities(self) -> list[Identity]:
        """Per party: party-only + candidates = party total (F.204)."""
        return [Identity("F.204", self.total_key(p), self._parts(p)) for p in self.contestants]

    def vote_labels(self) -> dict[str, tuple[str, str]]:
        """"IV.3 suara partai PDI Perjuangan", "IV.3.1 suara calon PDI Perjuangan nomor 1", "IV.3 jumlah ..."."""
        out: dict[str, tuple[str, str]] = {}
        for p in self.contestants:
            n, s = p.nomor, p.short
            out[self.party_key(n)] = (f"IV.{n} suara partai {s}", f"IV.{n} party-only votes of {s}")
            for c in self.candidates[n]:
                out[self.candidate_key(n, c.nomor)] = (f"IV.{n}.{c.nomor} suara calon {s} nomor {c.nomor}",
                                                       f"IV.{n}.{c.nomor} votes of {s} candidate {c.nomor}")
            out[self.total_key(p)] = (f"IV.{n} jumlah suara {s}", f"IV.{n} total votes of {s}")
        return out

    def vote_synonyms(self) -> dict[str, str]:
        """The party's names (the party-only row) and the total's usual spellings."""
        out: dict[str, str] = {}
        for p in self.contestants:
            n = p.nomor
            for s in (p.nama, p.short, self.party_key(n), f"suara partai {p.nama}", f"suara partai {p.short}"):
                out[s] = f"IV.{n}.0"
            for s in (self.total_key(p), f"jumlah suara sah {p.nama} dan calon",
                      f"jumlah suara sah partai politik {p.nama} dan calon", f"jumlah suara {p.nama}"):
                out[s] = f"IV.{n}.J"
        return out
