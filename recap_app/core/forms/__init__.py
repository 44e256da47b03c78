"""The form layer: what a certificate holds, per form kind (docs/architecture.md, "a form kind").

:class:`Form` is the interface every part of the program reads a certificate through: rows
and fields, derived cells, identities and bounds for the rules, labels (Indonesian and
English), the spellings the importer accepts, and the contestants. One module per form kind:

- :mod:`.pair` — candidate pairs (PPWP, Pilkada);
- :mod:`.party` — parties with their candidate lists (DPR, DPRD Provinsi);
- :mod:`.individual` — individual candidates (DPD).

:func:`build_form` picks the kind named by an election definition (``contest.form``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..domain import Contestant, District, VoterCategory
from ..errors import ElectionError
from .base import Bound, Form, FormField, FormRow, Identity
from .individual import IndividualForm
from .pair import PairForm
from .party import PartyForm

#: form kind (``contest.form`` of a definition) -> its class
KINDS: dict[str, type[Form]] = {PairForm.kind: PairForm, PartyForm.kind: PartyForm,
                                IndividualForm.kind: IndividualForm}

__all__ = ["KINDS", "Bound", "Form", "FormField", "FormRow", "Identity", "IndividualForm", "PairForm", "PartyForm",
           "build_form"]


def build_form(kind: str, voter_categories: Sequence[VoterCategory], reserve_percent: float,
               contestants: Iterable[Contestant], district: District | None = None) -> Form:
    """The form of one contest (and district) of the given kind.

    Raises:
        ElectionError: unknown form kind (code "unknown_form").
    """
    cls = KINDS.get(kind)
    if cls is None:
        raise ElectionError(f"Jenis formulir {kind!r} tidak dikenal; yang dikenal: {', '.join(KINDS)}.",
                            "unknown_form")
    return cls(voter_categories, reserve_percent, contestants, district)
