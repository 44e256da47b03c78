"""The individual form: block IV holds one row per individual candidate (calon perseorangan, DPD).

Model D.Hasil-DPD 2024 (PKPU 25/2023): "PEROLEHAN SUARA CALON ANGGOTA DPD", one figure per
candidate by nomor urut; V.A suara sah is their sum (rule F.201). Every regency of the province
prints the same list.
"""

from __future__ import annotations

from ..domain import Contestant, ContestantKind
from ..errors import ElectionError
from .base import Form, FormRow


class IndividualForm(Form):
    """Certificate of a contest between individual candidates (DPD).

    Field keys of block IV: ``perseorangan_<nomor urut>`` (docs/schema.md). Every candidate
    needs a ballot number: a definition whose list has none yet cannot give a form.
    """

    kind = "perseorangan"
    title_iv = "PEROLEHAN SUARA CALON ANGGOTA DPD"
    title_iv_en = "VOTES PER DPD CANDIDATE"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        unnumbered = [c.nama for c in self.all_contestants if c.kind == ContestantKind.PERSEORANGAN and c.nomor is None]
        if unnumbered:
            raise ElectionError(f"Nomor urut {len(unnumbered)} calon perseorangan belum ditetapkan (misalnya "
                                f"{unnumbered[0]}); tetapkan nomor urutnya dulu: recap dct number.", "unnumbered")

    contestant_kind = ContestantKind.PERSEORANGAN

    def total_key(self, c: Contestant) -> str:
        """``perseorangan_<nomor urut>``."""
        return f"perseorangan_{c.nomor}"

    def vote_rows(self) -> list[FormRow]:
        """One row per candidate, the name in capitals."""
        return self.contestant_rows(lambda c: c.nama.upper())

    def vote_labels(self) -> dict[str, tuple[str, str]]:
        """"IV.2 suara calon nomor 2"."""
        return {self.total_key(c): (f"IV.{c.nomor} suara calon nomor {c.nomor}",
                                    f"IV.{c.nomor} votes of candidate {c.nomor}") for c in self.contestants}

    def vote_synonyms(self) -> dict[str, str]:
        """A candidate's name and the ways spreadsheets number it."""
        out: dict[str, str] = {}
        for c in self.contestants:
            n = c.nomor
            for s in (c.nama, self.total_key(c), f"calon {n}", f"calon nomor urut {n}", f"nomor urut {n}",
                      f"no urut {n}"):
                out[s] = f"IV.{n}"
        return out
