"""Legislative seats: the 4 % threshold, Sainte-Laguë seats per dapil, elected candidates, vote CSV.

Pure functions over plain numbers (no Qt, no database, no workspace); every result is a frozen
dataclass that a screen or a document can show as it is.

Sources of the rules:
- UU 7/2017 art. 414(1) and 415(1): for the DPR only parties with at least 4 % of the national
  valid DPR votes take part in the seat allocation; for the DPRD every party takes part.
- UU 7/2017 art. 415(2) and 420: per dapil each party's valid votes are divided by 1, 3, 5, 7,
  ...; the quotients are ranked from the largest and the seats are filled in that order
  (Sainte-Laguë). Computed with :class:`fractions.Fraction`, never with floats.
- No source gives a rule for two equal quotients competing for the last seat(s). The program
  never chooses: it returns the tie with the preliminary standings; the plenary's decision
  (e.g. a drawing of lots) comes back as input and the allocation is re-run from scratch.
- PKPU 6/2024 (penetapan calon terpilih): within a party, by the candidates' own votes in the
  dapil, highest first, up to the party's seats; if none of the party's candidates has a valid
  vote, by nomor urut on the DCT; equal votes go to the candidate whose votes are spread wider,
  level by level (art. 29(1)); still equal, a woman before a man (art. 29(2)); still equal, the
  plenary decides (passed in as input, as for the seats). A deceased or withdrawn candidate is
  skipped and the seat passes to the next in line.

Refusals raise :class:`SeatError`; its ``code`` is one of:

========================  ==================================================================
``bad_votes``             a party number is not a whole number >= 1, or a vote figure is not
                          a whole number >= 0
``bad_seats``             the number of seats is not a whole number >= 0
``bad_percent``           the threshold is not an int or Fraction between 0 and 100
``no_votes``              seats to fill but no party has a vote (or no national vote at all)
``bad_candidates``        a candidate list that cannot be ranked (duplicate nomor urut,
                          negative votes, spreads of different lengths, unknown sex)
``unknown_candidate``     an excluded nomor urut that is not on the list
``tie_decision_mismatch`` a decision that does not fit the tie (wrong count, a party or
                          candidate not in the tie, the same one twice)
``no_tie``                a decision given where the figures produce no tie
``unreadable``            the CSV file cannot be read (missing, a folder, too large)
``bad_csv``               the CSV file's content is refused (the message names line and column)
========================  ==================================================================
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from pathlib import Path

from .errors import RecapError, os_text
from .formatting import number

#: UU 7/2017 art. 414(1): the DPR parliamentary threshold, in percent of the national valid votes
DPR_THRESHOLD_PERCENT = 4

#: largest vote figure accepted from a CSV (the same bound as the spreadsheet importer)
MAX_VOTES = 999_999_999

#: largest CSV file read (a party list is a few hundred bytes; this refuses a wrong file quickly)
MAX_CSV_BYTES = 1_000_000


class SeatError(RecapError):
    """A seat or candidate computation, a tie decision or a vote file was refused.

    Args:
        message: the Indonesian sentence for the clerk.
        code: one of the stable codes listed in the module docstring.
        line: for ``bad_csv``, the 1-based line of the file (None when it is about the file).
        column: for ``bad_csv``, the 1-based column (None when it is about the whole line).
    """

    def __init__(self, message: str, code: str = "error", *, line: int | None = None, column: int | None = None):
        super().__init__(message, code)
        self.line = line
        self.column = column


# --------------------------------------------------------------------------------------------
# formatting for messages


#: a whole number with Indonesian thousands dots: 1234567 -> "1.234.567"
_dots = number


def format_quotient(q: Fraction) -> str:
    """A quotient as the clerk reads it: "1.000" when whole, else rounded to 4 decimals with "≈".

    Args:
        q: a non-negative Fraction (votes / divisor).
    Returns:
        e.g. ``Fraction(3000, 3)`` -> "1.000", ``Fraction(366185, 3)`` -> "≈122.061,6667".
        Only for display: comparisons always use the exact Fraction.
    """
    if q.denominator == 1:
        return _dots(q.numerator)
    scaled = (q * 10_000 + Fraction(1, 2)).__floor__()  # round half up to 4 decimals
    whole, frac = divmod(scaled, 10_000)
    return f"\u2248{_dots(whole)},{frac:04d}"


def _list(items: Sequence[str]) -> str:
    """Indonesian enumeration: "a", "a dan b", "a, b dan c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def _seat_span(seats: Sequence[int], noun: str = "kursi") -> str:
    """ "kursi ke-11" or "kursi ke-10 sampai ke-11" (seat numbers are consecutive)."""
    if len(seats) == 1:
        return f"{noun} ke-{seats[0]}"
    return f"{noun} ke-{seats[0]} sampai ke-{seats[-1]}"


def _is_int(x: object) -> bool:
    return isinstance(x, int) and not isinstance(x, bool)


# --------------------------------------------------------------------------------------------
# decisions on ties (shared by seats and candidates)


def _check_decision(decisions: Sequence[int], contenders: Sequence[int], places: Sequence[int], *,
                    noun: str, span: str) -> tuple[int, ...]:
    """Validate a plenary decision for a tie and return it as a tuple.

    Args:
        decisions: the winners named by the plenary, in the order of ``places``.
        contenders: who competes in the tie (party numbers or nomor urut).
        places: the open seat numbers (one winner each).
        noun: "partai nomor" or "calon nomor urut", for the message.
        span: the open seats in words ("kursi ke-11"), for the message.
    Raises:
        SeatError("tie_decision_mismatch"): wrong count, a winner not in the tie, one named twice.
    """
    decision = tuple(decisions)
    names = _list([str(c) for c in contenders])
    for d in decision:
        if not _is_int(d):
            raise SeatError(f"Keputusan rapat pleno untuk {span} berisi {d!r}; diharapkan {noun} "
                            f"(bilangan bulat) dari {names}.", "tie_decision_mismatch")
    if len(decision) != len(places):
        raise SeatError(
            f"Keputusan rapat pleno untuk {span} menyebut {len(decision)} pemenang "
            f"({_list([str(d) for d in decision]) or 'tidak ada'}); diharapkan tepat {len(places)}, "
            f"satu untuk setiap kursi secara berurutan, dari {noun} {names}.", "tie_decision_mismatch")
    for d in decision:
        if d not in contenders:
            raise SeatError(
                f"Keputusan rapat pleno untuk {span} menyebut {noun} {d}, yang tidak termasuk yang "
                f"berimbang; diharapkan {noun} {names}.", "tie_decision_mismatch")
    seen: set[int] = set()
    for d in decision:
        if d in seen:
            raise SeatError(
                f"Keputusan rapat pleno untuk {span} menyebut {noun} {d} dua kali; yang berimbang "
                f"masing-masing hanya dapat memenangkan satu kursi.", "tie_decision_mismatch")
        seen.add(d)
    return decision


def _unused_decision(decisions: Sequence[int], noun: str) -> SeatError:
    return SeatError(
        f"Keputusan rapat pleno atas hasil yang sama diberikan ({noun} "
        f"{_list([str(d) for d in decisions])}), tetapi angka ini tidak menghasilkan hasil yang sama "
        f"untuk kursi terakhir; keputusan itu tidak berlaku untuk angka ini. Periksa angka yang dipakai "
        f"atau hapus keputusan itu.", "no_tie")


# --------------------------------------------------------------------------------------------
# threshold


def threshold_parties(national_votes: Mapping[int, int], percent: int | Fraction = DPR_THRESHOLD_PERCENT) -> list[int]:
    """The parties at or above the parliamentary threshold (UU 7/2017 art. 414(1), 415(1)).

    Args:
        national_votes: {party number: valid DPR votes over all dapils of the country}; every
            party of the election, so that the total is the national valid vote.
        percent: the threshold in percent (int or Fraction, 0..100); 4 for the DPR.
    Returns:
        The party numbers with ``votes * 100 >= percent * total``, compared exactly, ascending.
    Raises:
        SeatError("bad_votes"): a party number or vote figure is not a whole number (>= 1, >= 0).
        SeatError("bad_percent"): ``percent`` is a float, negative or above 100.
        SeatError("no_votes"): the national total is 0.
    """
    if isinstance(percent, bool) or not isinstance(percent, int | Fraction) or not 0 <= percent <= 100:
        raise SeatError(f"Ambang batas {percent!r} tidak dapat dipakai; diharapkan persen berupa bilangan bulat "
                        f"atau pecahan tepat dari 0 sampai 100.", "bad_percent")
    votes = _check_votes(national_votes)
    total = sum(votes.values())
    if total == 0:
        raise SeatError("Jumlah suara sah nasional 0; ambang batas tidak dapat dihitung.", "no_votes")
    return sorted(p for p, v in votes.items() if v * 100 >= percent * total)


def _check_votes(votes: Mapping[int, int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for party, v in votes.items():
        if not _is_int(party) or party < 1:
            raise SeatError(f"Nomor partai {party!r} tidak sah; diharapkan bilangan bulat mulai 1.", "bad_votes")
        if not _is_int(v) or v < 0:
            raise SeatError(f"Suara partai nomor {party} {v!r} tidak sah; diharapkan bilangan bulat tidak negatif.",
                            "bad_votes")
        out[party] = v
    return out


# --------------------------------------------------------------------------------------------
# Sainte-Laguë


@dataclass(frozen=True)
class SeatAward:
    """One seat of a dapil and why it went where it went.

    Attributes:
        seat: the seat number in the dapil, 1-based, in the order the seats are filled.
        party: the party number that wins it.
        divisor: the odd divisor of this quotient (1 for the party's first seat, 3, 5, ...).
        quotient: votes / divisor, exact.
        by_decision: True when the seat was one of a tie and the plenary's decision gave it.
    """

    seat: int
    party: int
    divisor: int
    quotient: Fraction
    by_decision: bool = False


@dataclass(frozen=True)
class Tie:
    """Equal quotients competing for more seats than remain: the plenary must decide.

    Attributes:
        seats: the open seat numbers (consecutive, ending at the dapil's last seat).
        parties: the competing party numbers, ascending (more than ``len(seats)``).
        quotient: their common quotient, exact.
        divisors: the divisor behind each party's quotient, in the order of ``parties``.
        decided: True when a decision was passed in and applied.
        decision: the winners in seat order (empty while undecided).
    """

    seats: tuple[int, ...]
    parties: tuple[int, ...]
    quotient: Fraction
    divisors: tuple[int, ...]
    decided: bool = False
    decision: tuple[int, ...] = ()

    def matches(self, other: Tie) -> bool:
        """True when ``other`` is the same question (seats, parties, quotient): a stored decision
        for ``other`` may be applied to this tie. Use it to check a stored decision after figures
        changed: a tie between the same parties at a different quotient is a new question."""
        return (self.seats, self.parties, self.quotient) == (other.seats, other.parties, other.quotient)

    @property
    def message(self) -> str:
        """The tie in one Indonesian sentence, for the screen and the minutes."""
        who = _list([f"partai nomor {p} ({_dots(int(self.quotient * d))} : {d})"
                     for p, d in zip(self.parties, self.divisors, strict=True)])
        head = (f"{_seat_span(self.seats).capitalize()} diperebutkan dengan hasil bagi yang sama "
                f"{format_quotient(self.quotient)} oleh {who}")
        if self.decided:
            won = _list([f"kursi ke-{s}: partai nomor {p}" for s, p in zip(self.seats, self.decision, strict=True)])
            return f"{head}; ditetapkan menurut keputusan rapat pleno ({won})."
        return (f"{head}; perolehan kursi belum dapat ditetapkan sampai rapat pleno memutuskan "
                f"(misalnya dengan undian) partai mana yang memperoleh {_seat_span(self.seats)}.")


@dataclass(frozen=True)
class Allocation:
    """The seats of one dapil (UU 7/2017 art. 415(2), 420).

    Attributes:
        seats: the dapil's number of seats.
        votes: {party number: valid votes} as given (the participating parties).
        won: {party number: seats won}, every party of ``votes`` (0 included). While a tie is
            undecided these are the seats already certain (the preliminary standings).
        order: the awarded seats, seat 1 first.
        quotients: {party number: (votes/1, votes/3, ...)}: each party's quotients down to the
            first one that won no seat, so the table shows every award and the first loser.
        tie: the tie for the last seat(s), decided or not; None when there was none.
    """

    seats: int
    votes: dict[int, int]
    won: dict[int, int]
    order: tuple[SeatAward, ...]
    quotients: dict[int, tuple[Fraction, ...]]
    tie: Tie | None = None

    @property
    def complete(self) -> bool:
        """True when every seat is awarded (no tie, or the tie was decided)."""
        return self.tie is None or self.tie.decided

    @property
    def open_seats(self) -> tuple[int, ...]:
        """The seat numbers still waiting for the plenary's decision (empty when complete)."""
        return () if self.complete else self.tie.seats  # type: ignore[union-attr]


def sainte_lague(votes: Mapping[int, int], seats: int, *, decisions: Sequence[int] = ()) -> Allocation:
    """Allocate a dapil's seats by Sainte-Laguë (UU 7/2017 art. 415(2), 420).

    Each party's votes are divided by 1, 3, 5, 7, ...; the seats go to the largest quotients,
    seat by seat. Quotients are exact Fractions. Several equal quotients that all fit in the
    remaining seats all win (their seat numbers follow the party numbers: a numbering, not a
    choice). Equal quotients that compete for more seats than remain are a :class:`Tie`: without
    ``decisions`` the allocation stops there (``complete`` is False, ``won`` holds the certain
    seats); with ``decisions`` the named parties get the open seats in that order.

    Args:
        votes: {party number (>= 1): valid votes in the dapil (>= 0)} of the participating
            parties only (for the DPR: filter with :func:`threshold_parties` first). A party
            with 0 votes takes part but never wins a seat.
        seats: the dapil's seats (>= 0).
        decisions: the plenary's decision on the tie: the winning party numbers, one per open
            seat, in seat order. Pass it only after a run returned that tie (check with
            :meth:`Tie.matches` when it was stored earlier).
    Returns:
        An :class:`Allocation`.
    Raises:
        SeatError("bad_votes" | "bad_seats"): malformed input.
        SeatError("no_votes"): ``seats`` > 0 but no party has a vote.
        SeatError("tie_decision_mismatch"): ``decisions`` do not fit the tie.
        SeatError("no_tie"): ``decisions`` given but the figures produce no tie.
    """
    if not _is_int(seats) or seats < 0:
        raise SeatError(f"Jumlah kursi {seats!r} tidak sah; diharapkan bilangan bulat tidak negatif.", "bad_seats")
    given = _check_votes(votes)
    decisions = tuple(decisions)
    positive = sorted(p for p, v in given.items() if v > 0)
    if seats and not positive:
        raise SeatError(f"Tidak ada partai yang memperoleh suara; {seats} kursi tidak dapat dibagi.", "no_votes")

    won = dict.fromkeys(sorted(given), 0)
    order: list[SeatAward] = []
    tie: Tie | None = None
    while len(order) < seats:
        best = max(Fraction(given[p], 2 * won[p] + 1) for p in positive)
        group = [p for p in positive if Fraction(given[p], 2 * won[p] + 1) == best]
        remaining = seats - len(order)
        if len(group) <= remaining:
            for p in group:
                order.append(SeatAward(len(order) + 1, p, 2 * won[p] + 1, best))
                won[p] += 1
            continue
        open_seats = tuple(range(len(order) + 1, seats + 1))
        divisors = tuple(2 * won[p] + 1 for p in group)
        tie = Tie(open_seats, tuple(group), best, divisors)
        if decisions:
            decision = _check_decision(decisions, group, open_seats, noun="partai nomor", span=_seat_span(open_seats))
            for p in decision:
                order.append(SeatAward(len(order) + 1, p, 2 * won[p] + 1, best, by_decision=True))
                won[p] += 1
            tie = Tie(open_seats, tuple(group), best, divisors, decided=True, decision=decision)
        break
    if decisions and tie is None:
        raise _unused_decision(decisions, "partai nomor")
    quotients = {p: tuple(Fraction(v, d) for d in range(1, 2 * won[p] + 2, 2)) for p, v in sorted(given.items())}
    return Allocation(seats, dict(sorted(given.items())), won, tuple(order), quotients, tie)


# --------------------------------------------------------------------------------------------
# elected candidates


@dataclass(frozen=True)
class CandidateVotes:
    """One candidate of a party's list in a dapil.

    Attributes:
        nomor_urut: ballot number on the DCT (>= 1, unique in the list).
        nama: name as printed (only shown, never compared).
        suara: the candidate's own valid votes in the dapil (>= 0; party-only votes excluded).
        spread: how wide the votes are spread, level by level from the highest: the number of
            regions at each level where the candidate has votes, e.g. (kecamatan, desa) in a
            DPRD Provinsi dapil, or (kabupaten/kota, kecamatan, desa, TPS). Compared
            lexicographically, larger wins; every candidate of one list must have the same
            number of levels (or all none).
        jenis_kelamin: "P" (perempuan) or "L" (laki-laki), or None when not given; used only
            after equal votes and spread (PKPU 6/2024 art. 29(2)), and only when every
            candidate with those same votes and spread has it (an excluded one too): otherwise
            the candidates stay equal and a tie is reported.
    """

    nomor_urut: int
    nama: str
    suara: int
    spread: tuple[int, ...] = ()
    jenis_kelamin: str | None = None


class Standing(StrEnum):
    """Where a candidate ends up."""

    TERPILIH = "terpilih"                #: elected
    BERIMBANG = "berimbang"              #: in a tie the plenary has not decided yet
    TIDAK_TERPILIH = "tidak_terpilih"    #: not elected
    DIKECUALIKAN = "dikecualikan"        #: deceased or withdrawn: skipped


class Basis(StrEnum):
    """The rule that puts a candidate at its place in the ranking (PKPU 6/2024)."""

    SUARA = "suara"                  #: own votes, no one else with the same number
    SEBARAN = "sebaran"              #: equal votes, separated by the spread
    JENIS_KELAMIN = "jenis_kelamin"  #: equal votes and spread, a woman before a man
    NOMOR_URUT = "nomor_urut"        #: no candidate of the party has a vote
    KEPUTUSAN = "keputusan"          #: equal in every respect, placed by the plenary's decision
    BERIMBANG = "berimbang"          #: equal in every respect, waiting for the plenary's decision
    SETARA = "setara"                #: equal in every respect where it decides nothing


@dataclass(frozen=True)
class RankedCandidate:
    """A candidate's place in the party's ranking.

    Attributes:
        rank: 1-based place in the order of the rules (excluded candidates keep theirs).
        candidate: the candidate as given.
        standing: elected, tied, not elected or excluded.
        basis: the rule that gives this place.
        note: the same in one Indonesian sentence.
    """

    rank: int
    candidate: CandidateVotes
    standing: Standing
    basis: Basis
    note: str


@dataclass(frozen=True)
class CandidateTie:
    """Candidates equal in votes, spread (and sex) competing for more of the party's seats than remain.

    Attributes:
        places: the open places among the party's seats (1-based, consecutive, ending at the
            party's last seat).
        candidates: the competing nomor urut, ascending (more than ``len(places)``).
        suara: their common number of votes.
        spread: their common spread.
        decided: True when a decision was passed in and applied.
        decision: the winning nomor urut in the order of ``places`` (empty while undecided).
    """

    places: tuple[int, ...]
    candidates: tuple[int, ...]
    suara: int
    spread: tuple[int, ...]
    decided: bool = False
    decision: tuple[int, ...] = ()

    def matches(self, other: CandidateTie) -> bool:
        """True when ``other`` is the same question (places, candidates, votes, spread)."""
        return ((self.places, self.candidates, self.suara, self.spread)
                == (other.places, other.candidates, other.suara, other.spread))

    @property
    def message(self) -> str:
        """The tie in one Indonesian sentence."""
        spread = f", sebaran {self.spread}" if self.spread else ""
        head = (f"{_seat_span(self.places).capitalize()} partai ini diperebutkan oleh calon nomor urut "
                f"{_list([str(c) for c in self.candidates])} dengan suara sama ({_dots(self.suara)}{spread})")
        if self.decided:
            won = _list([f"kursi ke-{s}: calon nomor urut {c}" for s, c in zip(self.places, self.decision, strict=True)])
            return f"{head}; ditetapkan menurut keputusan rapat pleno ({won})."
        return f"{head}; calon terpilih belum dapat ditetapkan sampai rapat pleno memutuskan."


@dataclass(frozen=True)
class Elected:
    """The elected candidates of one party in one dapil (PKPU 6/2024).

    Attributes:
        seats: the party's seats in the dapil.
        elected: the elected candidates, in the order of the ranking (the tie's winners in the
            decision's order).
        ranking: every candidate, in the order of the rules, with standing and reason.
        replaced: (excluded candidate who would have been elected for certain, the one who
            takes the seat instead or None while that seat is open or vacant), in ranking order.
            An excluded candidate who was only one of a tie replaced nobody: no one can say
            whether the tie would have gone his way.
        tie: the tie for the party's last seat(s), decided or not; None when there was none.
        vacant: seats no candidate is left to fill (the list is too short after exclusions).
    """

    seats: int
    elected: tuple[CandidateVotes, ...]
    ranking: tuple[RankedCandidate, ...]
    replaced: tuple[tuple[CandidateVotes, CandidateVotes | None], ...]
    tie: CandidateTie | None = None
    vacant: int = 0

    @property
    def complete(self) -> bool:
        """True when every seat has its candidate (no open tie, nothing vacant)."""
        return (self.tie is None or self.tie.decided) and self.vacant == 0


def _check_candidates(candidates: Sequence[CandidateVotes]) -> None:
    seen: set[int] = set()
    levels: set[int] = set()
    for c in candidates:
        if not isinstance(c, CandidateVotes):
            raise SeatError(f"Calon {c!r} tidak sah; diharapkan CandidateVotes.", "bad_candidates")
        if not _is_int(c.nomor_urut) or c.nomor_urut < 1:
            raise SeatError(f"Nomor urut calon {c.nama!r} ({c.nomor_urut!r}) tidak sah; diharapkan bilangan bulat "
                            f"mulai 1.", "bad_candidates")
        if c.nomor_urut in seen:
            raise SeatError(f"Nomor urut {c.nomor_urut} muncul dua kali dalam daftar calon; diharapkan satu calon "
                            f"per nomor urut.", "bad_candidates")
        seen.add(c.nomor_urut)
        if not _is_int(c.suara) or c.suara < 0:
            raise SeatError(f"Suara calon nomor urut {c.nomor_urut} ({c.suara!r}) tidak sah; diharapkan bilangan "
                            f"bulat tidak negatif.", "bad_candidates")
        if not isinstance(c.spread, tuple) or not all(_is_int(s) and s >= 0 for s in c.spread):
            raise SeatError(f"Sebaran suara calon nomor urut {c.nomor_urut} ({c.spread!r}) tidak sah; diharapkan "
                            f"jumlah wilayah per tingkat (bilangan bulat tidak negatif).", "bad_candidates")
        levels.add(len(c.spread))
        if c.jenis_kelamin not in (None, "L", "P"):
            raise SeatError(f"Jenis kelamin calon nomor urut {c.nomor_urut} ({c.jenis_kelamin!r}) tidak dikenal; "
                            f"diharapkan \"L\", \"P\" atau kosong.", "bad_candidates")
    if len(levels) > 1:
        raise SeatError(f"Sebaran suara calon tidak sama panjang ({_list(sorted(str(n) for n in levels))} tingkat); "
                        f"diharapkan jumlah tingkat yang sama untuk setiap calon.", "bad_candidates")


def _groups(candidates: Sequence[CandidateVotes]) -> list[tuple[Basis, list[CandidateVotes]]]:
    """The list in the order of the rules, as groups of candidates no rule separates.

    Each group carries the rule that separates it from its neighbours. Within a group the
    candidates are in nomor urut order (a display order only).
    """
    by_number = sorted(candidates, key=lambda c: c.nomor_urut)
    if not any(c.suara for c in by_number):  # PKPU 6/2024: no candidate has a vote -> nomor urut
        return [(Basis.NOMOR_URUT, [c]) for c in by_number]
    by_votes: dict[int, list[CandidateVotes]] = {}
    for c in by_number:
        by_votes.setdefault(c.suara, []).append(c)
    out: list[tuple[Basis, list[CandidateVotes]]] = []
    for suara in sorted(by_votes, reverse=True):
        same_votes = by_votes[suara]
        if len(same_votes) == 1:
            out.append((Basis.SUARA, same_votes))
            continue
        by_spread: dict[tuple[int, ...], list[CandidateVotes]] = {}
        for c in same_votes:
            by_spread.setdefault(c.spread, []).append(c)
        spreads = sorted(by_spread, reverse=True)
        for spread in spreads:
            same = by_spread[spread]
            basis = Basis.SEBARAN if len(spreads) > 1 else Basis.SETARA
            sexes = {c.jenis_kelamin for c in same}
            if len(same) > 1 and None not in sexes and len(sexes) == 2:  # art. 29(2): a woman first
                for sex in ("P", "L"):
                    part = [c for c in same if c.jenis_kelamin == sex]
                    out.append((Basis.JENIS_KELAMIN if len(part) == 1 else Basis.SETARA, part))
            elif len(same) > 1:
                out.append((Basis.SETARA, same))
            else:
                out.append((basis, same))
    return out


def _note(basis: Basis, c: CandidateVotes, group: list[CandidateVotes]) -> str:
    others = _list([str(o.nomor_urut) for o in group if o is not c])
    if basis is Basis.SUARA:
        return f"suara sendiri {_dots(c.suara)}"
    if basis is Basis.SEBARAN:
        return f"suara sama ({_dots(c.suara)}) dengan calon lain; sebaran suara {c.spread} menentukan urutan"
    if basis is Basis.JENIS_KELAMIN:
        sex = "perempuan" if c.jenis_kelamin == "P" else "laki-laki"
        return f"suara ({_dots(c.suara)}) dan sebaran sama dengan calon lain; calon {sex}, perempuan didahulukan"
    if basis is Basis.NOMOR_URUT:
        return "tidak ada calon partai ini yang memperoleh suara: menurut nomor urut"
    if basis is Basis.KEPUTUSAN:
        return f"suara dan sebaran sama dengan calon nomor urut {others}; urutan menurut keputusan rapat pleno"
    if basis is Basis.BERIMBANG:
        return f"suara dan sebaran sama dengan calon nomor urut {others}; menunggu keputusan rapat pleno"
    return f"suara dan sebaran sama dengan calon nomor urut {others}; tidak menentukan siapa yang terpilih"


def elect_candidates(candidates: Sequence[CandidateVotes], seats: int, *, excluded: Collection[int] = (),
                     decisions: Sequence[int] = ()) -> Elected:
    """Rank a party's candidates in a dapil and name the elected ones (PKPU 6/2024).

    Order of the rules: the candidate's own votes, highest first; if no candidate of the list
    has a vote, nomor urut ascending; equal votes: the wider spread, level by level (art.
    29(1)); equal spread: a woman before a man when every candidate concerned has
    ``jenis_kelamin`` (art. 29(2)); still equal where it decides a seat: a
    :class:`CandidateTie`, decided only by ``decisions``. Excluded candidates (deceased,
    withdrawn) keep their place in the ranking but are skipped: the seat passes to the next in
    line, and ``replaced`` says who took whose seat. Zero-vote candidates of a list where
    someone has votes are equal at 0 votes like any others (the nomor urut rule is for a list
    without any vote).

    Args:
        candidates: the party's list in the dapil (any order).
        seats: the party's seats in the dapil (>= 0), e.g. ``Allocation.won[party]``.
        excluded: nomor urut of deceased or withdrawn candidates.
        decisions: the plenary's decision on the tie: the winning nomor urut, one per open
            place, in order. Pass it only after a run returned that tie.
    Returns:
        An :class:`Elected`.
    Raises:
        SeatError("bad_seats" | "bad_candidates" | "unknown_candidate"): malformed input.
        SeatError("tie_decision_mismatch"): ``decisions`` do not fit the tie.
        SeatError("no_tie"): ``decisions`` given but there is no tie.
    """
    if not _is_int(seats) or seats < 0:
        raise SeatError(f"Jumlah kursi {seats!r} tidak sah; diharapkan bilangan bulat tidak negatif.", "bad_seats")
    _check_candidates(candidates)
    numbers = {c.nomor_urut for c in candidates}
    out_set = set(excluded)
    for n in sorted(out_set, key=repr):
        if n not in numbers:
            raise SeatError(f"Calon nomor urut {n!r} yang dikecualikan tidak ada dalam daftar calon partai ini.",
                            "unknown_candidate")
    decisions = tuple(decisions)

    # 1. standing and basis of every candidate, group by group in the order of the rules
    placed: list[tuple[CandidateVotes, Standing, Basis, list[CandidateVotes]]] = []
    elected: list[CandidateVotes] = []
    tie: CandidateTie | None = None
    groups = _groups(candidates)
    for basis, group in groups:
        eligible = [c for c in group if c.nomor_urut not in out_set]
        remaining = seats - len(elected) if tie is None else 0
        if 0 < remaining < len(eligible):  # equal candidates straddle the party's last seat
            places = tuple(range(len(elected) + 1, seats + 1))
            contenders = tuple(c.nomor_urut for c in eligible)
            tie = CandidateTie(places, contenders, eligible[0].suara, eligible[0].spread)
            winners: list[CandidateVotes] = []
            if decisions:
                decision = _check_decision(decisions, contenders, places, noun="calon nomor urut",
                                           span=_seat_span(places))
                by_no = {c.nomor_urut: c for c in eligible}
                winners = [by_no[n] for n in decision]
                tie = CandidateTie(places, contenders, tie.suara, tie.spread, decided=True, decision=decision)
                elected.extend(winners)
            for c in winners + [c for c in group if c not in winners]:
                if c.nomor_urut in out_set:
                    placed.append((c, Standing.DIKECUALIKAN, Basis.SETARA, group))
                elif not decisions:
                    placed.append((c, Standing.BERIMBANG, Basis.BERIMBANG, group))
                else:
                    placed.append((c, Standing.TERPILIH if c in winners else Standing.TIDAK_TERPILIH,
                                   Basis.KEPUTUSAN, group))
            continue
        for c in group:
            if c.nomor_urut in out_set:
                standing = Standing.DIKECUALIKAN
            elif remaining > 0:
                standing, remaining = Standing.TERPILIH, remaining - 1
                elected.append(c)
            else:
                standing = Standing.TIDAK_TERPILIH
            placed.append((c, standing, basis, group))
    if decisions and tie is None:
        raise _unused_decision(decisions, "calon nomor urut")

    open_places = len(tie.places) if tie is not None and not tie.decided else 0
    vacant = seats - len(elected) - open_places

    # 2. who replaced whom: an excluded candidate who, without any exclusion, would have been
    # elected for certain (the whole group within the party's seats: not one of a tie), paired
    # in order with the elected who would not have been (None for a seat still open or vacant).
    # Within a group of equal candidates who are all elected the pairing follows nomor urut:
    # a reading aid only, every one of them sits.
    certain: set[int] = set()
    for _, group in groups:
        if len(certain) + len(group) > seats:
            break
        certain |= {c.nomor_urut for c in group}
    outs = [c for c, standing, _, _ in placed if standing is Standing.DIKECUALIKAN and c.nomor_urut in certain]
    ins: list[CandidateVotes | None] = [c for c in elected if c.nomor_urut not in certain]
    ins += [None] * (len(outs) - len(ins))
    replaced = tuple(zip(outs, ins[: len(outs)], strict=True))

    # 3. the ranking with its notes
    replaces = {i.nomor_urut: o for o, i in replaced if i is not None}
    replaced_by = {o.nomor_urut: i for o, i in replaced}
    ranking: list[RankedCandidate] = []
    for c, standing, basis, group in placed:
        note = _note(basis, c, group)
        if standing is Standing.DIKECUALIKAN:
            note += "; dikecualikan (meninggal dunia atau mengundurkan diri), dilewati"
            if c.nomor_urut in replaced_by:
                by = replaced_by[c.nomor_urut]
                if by is not None:
                    note += f"; kursinya beralih ke calon nomor urut {by.nomor_urut}"
                elif open_places:
                    note += "; kursinya menunggu keputusan rapat pleno atas calon yang berimbang"
                else:
                    note += "; tidak ada lagi calon yang dapat mengisi kursinya"
        elif c.nomor_urut in replaces:
            note += f"; menggantikan calon nomor urut {replaces[c.nomor_urut].nomor_urut}"
        ranking.append(RankedCandidate(len(ranking) + 1, c, standing, basis, note))
    return Elected(seats, tuple(elected), tuple(ranking), replaced, tie, vacant)


# --------------------------------------------------------------------------------------------
# vote CSV for the simulation calculator

#: accepted header names (lower case, spaces and hyphens read as "_")
NUMBER_HEADERS = ("nomor", "nomor_partai")
VOTE_HEADERS = ("suara", "suara_sah", "suara_sah_nasional")

_DIGITS = re.compile(r"^\d+$", re.ASCII)
_DOTTED = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$", re.ASCII)


def _norm(header: str) -> str:
    return re.sub(r"[\s\-]+", "_", header.strip().lower())


def _whole(raw: str, *, dotted: bool) -> int:
    """Parse a whole number, or raise ValueError with the Indonesian description of what was found."""
    t = raw.strip()
    if not t:
        raise ValueError("sel kosong")
    if _DIGITS.match(t):
        return int(t)
    if dotted and _DOTTED.match(t):
        return int(t.replace(".", ""))
    if re.match(r"^[-\u2212]\s*\d[\d.,]*$", t, re.ASCII):
        raise ValueError(f"bilangan negatif \"{t}\"")
    if re.match(r"^\d[\d.,]*$", t, re.ASCII):
        raise ValueError(f"\"{t}\" (bukan bilangan bulat)")
    shown = t if len(t) <= 40 else t[:40] + "\u2026"
    raise ValueError(f"teks \"{shown}\"")


def read_votes_csv(path: str | os.PathLike[str]) -> dict[int, int]:
    """Read party votes for the seat simulation from a CSV file.

    The header row decides which columns are read: the party number from ``nomor`` or
    ``nomor_partai``, the votes from ``suara``, ``suara_sah`` or ``suara_sah_nasional`` (any
    order, any case; other columns are ignored). UTF-8 with or without BOM; comma or semicolon
    separated (chosen from the header row). Blank lines are skipped. Votes may be written
    with thousands dots ("12.345").

    Args:
        path: the CSV file.
    Returns:
        {party number: votes}, in the order of the file.
    Raises:
        SeatError("unreadable"): the file is missing, not a regular file, or above MAX_CSV_BYTES.
        SeatError("bad_csv"): not UTF-8 text, no usable header, or a row with a missing,
            non-integer, negative or too large figure, a party number below 1, or a party that
            appears twice; the message names the file, line and column, what was found and
            what was expected (``line`` and ``column`` are set on the error).
    """
    p = Path(path)
    name = p.name
    try:
        st = p.stat()
        if not stat.S_ISREG(st.st_mode):
            raise SeatError(f"{name} bukan berkas biasa (folder atau perangkat); diharapkan berkas CSV.", "unreadable")
        if st.st_size > MAX_CSV_BYTES:
            raise SeatError(f"{name} berukuran {_dots(st.st_size)} bita; berkas suara partai diharapkan paling "
                            f"besar {_dots(MAX_CSV_BYTES)} bita.", "unreadable")
        with p.open("rb") as fh:
            data = fh.read(MAX_CSV_BYTES + 1)
    except OSError as e:
        raise SeatError(f"{name} tidak dapat dibaca ({os_text(e)}).", "unreadable") from e
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SeatError(f"{name} disimpan sebagai teks UTF-16/UTF-32; simpan ulang sebagai \"CSV UTF-8\".", "bad_csv",
                        line=1)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data.count(b"\n", 0, e.start) + 1
        raise SeatError(f"{name}, baris {line}: bita 0x{data[e.start]:02X} bukan teks UTF-8; diharapkan berkas "
                        f"CSV UTF-8.", "bad_csv", line=line) from e
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise SeatError(f"{name}, baris {line}: berisi karakter NUL (berkas biner?); diharapkan teks CSV.", "bad_csv",
                        line=line)
    first_line = text.split("\n", 1)[0].rstrip("\r")
    if not first_line.strip():
        raise SeatError(f"{name}, baris 1: kosong; diharapkan kepala kolom, misalnya \"nomor,suara\".", "bad_csv",
                        line=1)

    delimiter, number_col, votes_col, header = _header(name, first_line)
    out: dict[int, int] = {}
    first_seen: dict[int, int] = {}
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        next(reader)
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            party = _cell(name, line, row, number_col, header, dotted=False,
                          expected="nomor partai berupa bilangan bulat mulai 1")
            if party < 1:
                raise SeatError(_where(name, line, number_col, header) + f": nomor partai {party}; diharapkan "
                                f"bilangan bulat mulai 1.", "bad_csv", line=line, column=number_col + 1)
            votes = _cell(name, line, row, votes_col, header, dotted=True,
                          expected="jumlah suara berupa bilangan bulat tidak negatif")
            if votes > MAX_VOTES:
                raise SeatError(_where(name, line, votes_col, header) + f": {_dots(votes)} suara terlalu besar; "
                                f"diharapkan paling banyak {_dots(MAX_VOTES)}.", "bad_csv", line=line,
                                column=votes_col + 1)
            if party in out:
                raise SeatError(_where(name, line, number_col, header) + f": partai nomor {party} sudah ada di baris "
                                f"{first_seen[party]}; diharapkan satu baris per partai.", "bad_csv", line=line,
                                column=number_col + 1)
            out[party] = votes
            first_seen[party] = line
    except csv.Error as e:
        raise SeatError(f"{name}, baris {reader.line_num}: susunan CSV rusak ({e}); diharapkan satu baris per partai.",
                        "bad_csv", line=reader.line_num) from e
    if not out:
        raise SeatError(f"{name}: tidak ada baris data di bawah kepala kolom; diharapkan satu baris per partai.",
                        "bad_csv")
    return out


def _where(name: str, line: int, col: int, header: list[str]) -> str:
    return f"{name}, baris {line}, kolom ke-{col + 1} (\"{header[col]}\")"


def _cell(name: str, line: int, row: list[str], col: int, header: list[str], *, dotted: bool, expected: str) -> int:
    if col >= len(row):
        raise SeatError(_where(name, line, col, header) + f": tidak ada isian (baris ini hanya {len(row)} kolom); "
                        f"diharapkan {expected}.", "bad_csv", line=line, column=col + 1)
    try:
        return _whole(row[col], dotted=dotted)
    except ValueError as e:
        raise SeatError(_where(name, line, col, header) + f": ditemukan {e}; diharapkan {expected}.", "bad_csv",
                        line=line, column=col + 1) from None


def _header(name: str, first_line: str) -> tuple[str, int, int, list[str]]:
    """Choose the delimiter and find the party-number and vote columns of the header row."""
    candidates = sorted((";", ","), key=lambda d: -first_line.count(d))
    best: tuple[list[str], list[int], list[int]] | None = None
    for d in candidates:
        header = next(csv.reader([first_line], delimiter=d))
        keys = [_norm(h) for h in header]
        numbers = [i for i, k in enumerate(keys) if k in NUMBER_HEADERS]
        votes = [i for i, k in enumerate(keys) if k in VOTE_HEADERS]
        if numbers and votes:
            for kind, cols in (("nomor partai", numbers), ("suara", votes)):
                if len(cols) > 1:
                    both = _list([f"kolom ke-{i + 1} (\"{header[i]}\")" for i in cols])
                    raise SeatError(f"{name}, baris 1: ada {len(cols)} kolom {kind}: {both}; diharapkan satu.",
                                    "bad_csv", line=1, column=cols[1] + 1)
            return d, numbers[0], votes[0], [h.strip() for h in header]
        if best is None:
            best = (header, numbers, votes)
    header, numbers, votes = best  # type: ignore[misc]
    missing = []
    if not numbers:
        missing.append("kolom nomor partai (" + " atau ".join(f"\"{h}\"" for h in NUMBER_HEADERS) + ")")
    if not votes:
        missing.append("kolom suara (" + " atau ".join(f"\"{h}\"" for h in VOTE_HEADERS) + ")")
    shown = ", ".join(f"\"{h.strip()}\"" for h in header)
    raise SeatError(f"{name}, baris 1: kepala kolom {shown} tidak dikenali; diharapkan {' dan '.join(missing)}, "
                    f"dipisah koma atau titik koma.", "bad_csv", line=1)
