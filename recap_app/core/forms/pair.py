"""The pair form: block IV holds one row per candidate pair (pasangan calon, paslon).

Model DB1/DC1-PPWP 2019, DB1/DC1-KWK 2018 and D.Hasil-PPWP/-KWK 2020+: "PEROLEHAN SUARA
PASANGAN CALON", one figure per pair by nomor urut; V.A suara sah is their sum (rule F.201).
"""

from __future__ import annotations

from ..domain import Contestant, ContestantKind
from .base import Form, FormRow


class PairForm(Form):
    """Certificate of a contest between candidate pairs (president, governor, regent, mayor).

    Field keys of block IV: ``paslon_<nomor urut>`` (docs/schema.md).
    """

    kind = "paslon"
    title_iv = "PEROLEHAN SUARA PASANGAN CALON"
    title_iv_en = "VOTES PER CANDIDATE PAIR"

    contestant_kind = ContestantKind.PASLON

    def total_key(self, c: Contestant) -> str:
        """``paslon_<nomor urut>``."""
        return f"paslon_{c.nomor}"

    def vote_rows(self) -> list[FormRow]:
        """One row per pair, labelled with its short name in capitals."""
        return self.contestant_rows(lambda c: c.short.upper())

    def vote_labels(self) -> dict[str, tuple[str, str]]:
        """"IV.1 suara paslon 1"."""
        return {self.total_key(c): (f"IV.{c.nomor} suara paslon {c.nomor}", f"IV.{c.nomor} votes of pair {c.nomor}")
                for c in self.contestants}

    def vote_synonyms(self) -> dict[str, str]:
        """A pair's names and the ways spreadsheets number it ("paslon 1", "nomor urut 1", "paslon 01")."""
        out: dict[str, str] = {}
        for c in self.contestants:
            n = c.nomor
            for s in (c.nama, c.short, self.total_key(c), f"paslon {n}", f"paslon no {n}", f"paslon nomor urut {n}",
                      f"pasangan calon {n}", f"pasangan calon nomor urut {n}", f"nomor urut {n}", f"no urut {n}",
                      f"calon {n}", f"paslon 0{n}"):
                out[s] = f"IV.{n}"
        return out
