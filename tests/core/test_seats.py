"""Seat allocation (core/seats.py): real 2024 Jawa Tengah results, narrated hand cases, ties, fuzzed invariants, vote CSV."""

from __future__ import annotations

import csv
import functools
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from recap_app.core.seats import (
    Basis,
    CandidateVotes,
    SeatAward,
    SeatError,
    Standing,
    elect_candidates,
    format_quotient,
    read_votes_csv,
    sainte_lague,
    threshold_parties,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "legislative"
DPR_CALEG = DATA / "dpr2024_jateng_caleg.csv"
DPR_NASIONAL = DATA / "dpr2024_nasional_partai.csv"
DPRD_DAPIL10 = DATA / "dprd_jateng_2024_dapil10_resmi.csv"

PKB, GERINDRA, PDIP, GOLKAR, NASDEM, PKS, PAN, DEMOKRAT, PPP = 1, 2, 3, 4, 5, 8, 12, 14, 17


# --------------------------------------------------------------------------------------------
# real results: DPR RI 2024 Jawa Tengah, DPRD Provinsi Jawa Tengah 2024 dapil 10


@functools.cache
def dpr_jateng() -> dict[str, dict]:
    """{kode_dapil: {"seats", "party_only", "total", "candidates": {party: [row]}}} from the per-candidate file."""
    dapils: dict[str, dict] = {}
    with DPR_CALEG.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            d = dapils.setdefault(r["kode_dapil"], {"seats": int(r["kursi_dapil"]), "party_only": {}, "total": {},
                                                    "candidates": defaultdict(list)})
            assert d["seats"] == int(r["kursi_dapil"])
            party = int(r["nomor_partai"])
            if r["jenis"] == "suara_partai":
                d["party_only"][party] = int(r["suara"])
            elif r["jenis"] == "jumlah":
                d["total"][party] = int(r["suara"])
            else:
                assert r["jenis"] == "calon"
                d["candidates"][party].append(r)
    return dapils


def test_real_dpr_file_is_consistent():
    """The figures the seat tests stand on: 10 dapils, 77 seats, 180 party blocks that add up."""
    dapils = dpr_jateng()
    assert sorted(dapils) == [str(k) for k in range(3301, 3311)]
    assert sum(d["seats"] for d in dapils.values()) == 77
    blocks = 0
    for d in dapils.values():
        for party, total in d["total"].items():
            assert d["party_only"][party] + sum(int(r["suara"]) for r in d["candidates"][party]) == total
            blocks += 1
    assert blocks == 180


def test_threshold_2024_gives_the_eight_dpr_parties():
    national = read_votes_csv(DPR_NASIONAL)  # nomor_partai,nama_partai,suara_sah_nasional
    assert len(national) == 18 and sum(national.values()) == 151_796_539
    assert threshold_parties(national, 4) == [PKB, GERINDRA, PDIP, GOLKAR, NASDEM, PKS, PAN, DEMOKRAT]
    assert threshold_parties(national) == threshold_parties(national, 4)  # the DPR's 4 % is the default
    # PPP (5,878,777 = 3.8728...%) is the largest party left out; exact fractions decide at the boundary
    assert PPP not in threshold_parties(national, Fraction(388, 100))
    assert PPP in threshold_parties(national, Fraction(387, 100))


def test_threshold_is_exact_at_the_boundary():
    assert threshold_parties({1: 4, 2: 96}, 4) == [1, 2]  # exactly 4 % passes
    assert threshold_parties({1: 3_999_999, 2: 96_000_001}, 4) == [2]  # 3.999999 % does not
    assert threshold_parties({1: 1, 2: 2}, Fraction(100, 3)) == [1, 2]  # 1/3 of the votes = 33 1/3 %
    assert threshold_parties({1: 1, 2: 2}, 0) == [1, 2]
    assert threshold_parties({1: 0, 2: 2}, 100) == [2]
    for bad in (4.0, -1, 101, True, "4"):
        with pytest.raises(SeatError) as e:
            threshold_parties({1: 1}, bad)
        assert e.value.code == "bad_percent"
    with pytest.raises(SeatError) as e:
        threshold_parties({1: 0, 2: 0}, 4)
    assert e.value.code == "no_votes"


def test_dpr_2024_jateng_seats_per_dapil_and_in_all():
    """Exact Sainte-Laguë over the 8 parties past the threshold reproduces the KPU seat decision."""
    passing = set(threshold_parties(read_votes_csv(DPR_NASIONAL), 4))
    totals: Counter[int] = Counter()
    for code, d in dpr_jateng().items():
        a = sainte_lague({p: v for p, v in d["total"].items() if p in passing}, d["seats"])
        assert a.complete and a.tie is None, code
        assert sum(a.won.values()) == d["seats"] == len(a.order)
        official = {p: sum(r["terpilih"] == "1" for r in rows) for p, rows in d["candidates"].items() if p in passing}
        assert a.won == official, code
        assert not any(r["terpilih"] == "1" for p, rows in d["candidates"].items() if p not in passing for r in rows)
        # every award beats every party's first losing quotient
        last = min(award.quotient for award in a.order)
        assert all(q[-1] < last for q in a.quotients.values()), code
        totals.update(a.won)
    assert dict(totals) == {PDIP: 23, GOLKAR: 12, PKB: 10, GERINDRA: 10, PKS: 7, NASDEM: 7, DEMOKRAT: 5, PAN: 3}
    assert sum(totals.values()) == 77


def test_dpr_2024_jateng_elected_candidates_are_the_77_of_the_file():
    passing = set(threshold_parties(read_votes_csv(DPR_NASIONAL), 4))
    elected, official = set(), set()
    for code, d in dpr_jateng().items():
        a = sainte_lague({p: v for p, v in d["total"].items() if p in passing}, d["seats"])
        for party, seats in a.won.items():
            rows = d["candidates"][party]
            cands = [CandidateVotes(int(r["nomor_urut"]), r["nama"], int(r["suara"]), jenis_kelamin=r["jenis_kelamin"])
                     for r in rows]
            e = elect_candidates(cands, seats)
            assert e.complete and e.tie is None and e.replaced == () and len(e.elected) == seats, (code, party)
            assert all(r.basis in (Basis.SUARA, Basis.SETARA) for r in e.ranking)
            assert [r.standing for r in e.ranking[:seats]] == [Standing.TERPILIH] * seats
            elected |= {(code, party, c.nama) for c in e.elected}
            official |= {(code, party, r["nama"]) for r in rows if r["terpilih"] == "1"}
    assert len(official) == 77
    assert elected == official


def test_dprd_jateng_2024_dapil_10_eleven_seats():
    """DPRD Provinsi: every party takes part. Seat by seat (quotient = votes / divisor):

    1 PDIP 366.185/1, 2 PKB 269.516/1, 3 Gerindra 208.509/1, 4 PKS 181.158/1, 5 Golkar 177.133/1,
    6 NasDem 152.683/1, 7 PDIP 366.185/3 = 122.061,67 (just ahead of Demokrat), 8 Demokrat 121.784/1,
    9 PAN 92.386/1, 10 PKB 269.516/3 = 89.838,67, 11 PPP 75.118/1. First loser: PDIP 366.185/5 = 73.237,
    then Gerindra 208.509/3 = 69.503.
    """
    votes = read_votes_csv(DPRD_DAPIL10)  # kode_dapil,nomor_partai,nama_partai,suara_sah,kursi
    with DPRD_DAPIL10.open(encoding="utf-8", newline="") as fh:
        official = {int(r["nomor_partai"]): int(r["kursi"]) for r in csv.DictReader(fh)}
    a = sainte_lague(votes, 11)
    assert a.complete and a.won == official
    assert a.won == {PKB: 2, GERINDRA: 1, PDIP: 2, GOLKAR: 1, NASDEM: 1, PKS: 1, PAN: 1, DEMOKRAT: 1, PPP: 1}
    assert [(s.party, s.divisor) for s in a.order] == [
        (PDIP, 1), (PKB, 1), (GERINDRA, 1), (PKS, 1), (GOLKAR, 1), (NASDEM, 1), (PDIP, 3), (DEMOKRAT, 1), (PAN, 1),
        (PKB, 3), (PPP, 1)]
    assert a.order[6].quotient == Fraction(366_185, 3) > a.order[7].quotient == 121_784
    assert max(q[-1] for q in a.quotients.values()) == a.quotients[PDIP][2] == 73_237 < a.order[-1].quotient
    assert a.quotients[GERINDRA] == (208_509, 69_503)


# --------------------------------------------------------------------------------------------
# hand examples: the computation narrated, ties, decisions


def test_narrated_seven_seats():
    """Four parties, 7 seats; votes 1: 12.000, 2: 9.000, 3: 5.000, 4: 1.500.

    Quotients (votes / 1, 3, 5, 7):
        party 1: 12.000   4.000   2.400   1.714,29
        party 2:  9.000   3.000   1.800   1.285,71
        party 3:  5.000   1.666,67
        party 4:  1.500
    Seat 1: party 1 with 12.000/1 = 12.000      Seat 5: party 2 with 9.000/3 = 3.000
    Seat 2: party 2 with  9.000/1 =  9.000      Seat 6: party 1 with 12.000/5 = 2.400
    Seat 3: party 3 with  5.000/1 =  5.000      Seat 7: party 2 with 9.000/5 = 1.800
    Seat 4: party 1 with 12.000/3 =  4.000
    Result: party 1: 3, party 2: 3, party 3: 1, party 4: 0. The first quotients that win nothing:
    party 1 12.000/7 = 1.714,29 (it would take an 8th seat), party 3 5.000/3 = 1.666,67, party 4
    1.500, party 2 9.000/7 = 1.285,71. Party 2 ties party 1 on seats with 3.000 fewer votes: the
    odd divisors favour neither large nor small parties, they round to the nearest seat.
    """
    a = sainte_lague({4: 1500, 2: 9000, 1: 12000, 3: 5000}, 7)
    assert a.complete and a.tie is None and a.open_seats == ()
    assert a.order == (
        SeatAward(1, 1, 1, Fraction(12000)), SeatAward(2, 2, 1, Fraction(9000)), SeatAward(3, 3, 1, Fraction(5000)),
        SeatAward(4, 1, 3, Fraction(4000)), SeatAward(5, 2, 3, Fraction(3000)), SeatAward(6, 1, 5, Fraction(2400)),
        SeatAward(7, 2, 5, Fraction(1800)))
    assert a.won == {1: 3, 2: 3, 3: 1, 4: 0}
    assert a.quotients == {1: (12000, 4000, 2400, Fraction(12000, 7)), 2: (9000, 3000, 1800, Fraction(9000, 7)),
                           3: (5000, Fraction(5000, 3)), 4: (1500,)}
    assert list(a.votes) == [1, 2, 3, 4] and list(a.won) == [1, 2, 3, 4]  # ballot order, whatever the input order
    assert format_quotient(a.quotients[1][-1]) == "\u22481.714,2857"
    assert format_quotient(a.order[0].quotient) == "12.000"
    assert sainte_lague(a.votes, 8).order[-1] == SeatAward(8, 1, 7, Fraction(12000, 7))


TIE_VOTES = {1: 3000, 2: 1000, 3: 900}


def test_tie_for_the_last_seat_is_reported_then_decided():
    """Votes 1: 3.000, 2: 1.000, 3: 900; 2 seats.

    Seat 1: party 1 with 3.000/1. Seat 2: party 1's 3.000/3 = 1.000 and party 2's 1.000/1 = 1.000
    are equal and only one seat is left: the program stops, seat 2 open, party 1 holding 1 seat.
    The plenary draws lots; party 2 wins; the allocation re-run with that decision gives 1 + 1.
    """
    first = sainte_lague(TIE_VOTES, 2)
    assert not first.complete and first.open_seats == (2,)
    assert first.won == {1: 1, 2: 0, 3: 0} and sum(first.won.values()) == 1
    assert first.order == (SeatAward(1, 1, 1, Fraction(3000)),)
    t = first.tie
    assert (t.seats, t.parties, t.quotient, t.divisors, t.decided, t.decision) == ((2,), (1, 2), 1000, (3, 1), False, ())
    assert first.quotients == {1: (3000, 1000), 2: (1000,), 3: (900,)}  # the tied quotients are the first losers
    assert "Kursi ke-2" in t.message and "partai nomor 1 (3.000 : 3) dan partai nomor 2 (1.000 : 1)" in t.message
    assert "undian" in t.message

    decided = sainte_lague(TIE_VOTES, 2, decisions=[2])
    assert decided.complete and decided.open_seats == ()
    assert decided.won == {1: 1, 2: 1, 3: 0}
    assert decided.order[-1] == SeatAward(2, 2, 1, Fraction(1000), by_decision=True)
    assert decided.tie.decided and decided.tie.decision == (2,) and decided.tie.matches(first.tie)
    assert "ditetapkan menurut keputusan rapat pleno (kursi ke-2: partai nomor 2)" in decided.tie.message
    assert decided.quotients == {1: (3000, 1000), 2: (1000, Fraction(1000, 3)), 3: (900,)}

    other = sainte_lague(TIE_VOTES, 2, decisions=(1,))
    assert other.won == {1: 2, 2: 0, 3: 0} and other.order[-1] == SeatAward(2, 1, 3, Fraction(1000), True)


def test_one_more_vote_resolves_the_tie_and_voids_the_old_decision():
    a = sainte_lague({**TIE_VOTES, 2: 1001}, 2)
    assert a.complete and a.tie is None and a.won == {1: 1, 2: 1, 3: 0}
    b = sainte_lague({**TIE_VOTES, 1: 3001}, 2)
    assert b.complete and b.tie is None and b.won == {1: 2, 2: 0, 3: 0}
    assert b.order[-1].quotient == Fraction(3001, 3)
    with pytest.raises(SeatError) as e:
        sainte_lague({**TIE_VOTES, 2: 1001}, 2, decisions=[2])
    assert e.value.code == "no_tie" and "partai nomor 2" in e.value.message


def test_equal_quotients_that_all_fit_are_no_tie():
    """Same votes, 3 seats: seats 2 and 3 both go at 1.000 (party 1's 3.000/3, party 2's 1.000/1).

    Both win, so nothing is to decide; their seat numbers follow the party numbers.
    """
    a = sainte_lague(TIE_VOTES, 3)
    assert a.complete and a.tie is None
    assert a.won == {1: 2, 2: 1, 3: 0}
    assert a.order[1:] == (SeatAward(2, 1, 3, Fraction(1000)), SeatAward(3, 2, 1, Fraction(1000)))
    with pytest.raises(SeatError) as e:
        sainte_lague(TIE_VOTES, 3, decisions=[1])
    assert e.value.code == "no_tie"


def test_three_equal_parties_for_two_seats():
    first = sainte_lague({1: 500, 2: 500, 3: 500}, 2)
    assert first.tie.seats == (1, 2) and first.tie.parties == (1, 2, 3) and first.order == ()
    assert first.won == {1: 0, 2: 0, 3: 0} and "Kursi ke-1 sampai ke-2" in first.tie.message
    decided = sainte_lague({1: 500, 2: 500, 3: 500}, 2, decisions=[3, 1])
    assert [(s.seat, s.party, s.by_decision) for s in decided.order] == [(1, 3, True), (2, 1, True)]
    assert decided.won == {1: 1, 2: 0, 3: 1}
    # equal quotients of 3 parties for 3 seats: no tie, one each
    assert sainte_lague({1: 500, 2: 500, 3: 500}, 3).won == {1: 1, 2: 1, 3: 1}


@pytest.mark.parametrize(("votes", "seats", "decision", "said"), [
    (TIE_VOTES, 2, [3], "partai nomor 3, yang tidak termasuk yang berimbang; diharapkan partai nomor 1 dan 2"),
    (TIE_VOTES, 2, [1, 2], "menyebut 2 pemenang (1 dan 2); diharapkan tepat 1"),
    ({1: 500, 2: 500, 3: 500}, 2, [1], "menyebut 1 pemenang (1); diharapkan tepat 2"),
    ({1: 500, 2: 500, 3: 500}, 2, [2, 2], "menyebut partai nomor 2 dua kali"),
    ({1: 500, 2: 500, 3: 500}, 2, ["1", 2], "berisi '1'"),
])
def test_a_decision_that_does_not_fit_the_tie_is_refused(votes, seats, decision, said):
    with pytest.raises(SeatError) as e:
        sainte_lague(votes, seats, decisions=decision)
    assert e.value.code == "tie_decision_mismatch"
    assert said in e.value.message and "Keputusan rapat pleno untuk kursi ke-" in e.value.message


@pytest.mark.parametrize(("votes", "seats", "code"), [
    ({1: 10}, -1, "bad_seats"), ({1: 10}, 2.0, "bad_seats"), ({1: 10}, True, "bad_seats"),
    ({0: 10}, 1, "bad_votes"), ({1: -1}, 1, "bad_votes"), ({1: 1.5}, 1, "bad_votes"), ({1: True}, 1, "bad_votes"),
    ({"1": 10}, 1, "bad_votes"), ({1: 0, 2: 0}, 1, "no_votes"), ({}, 1, "no_votes"),
])
def test_malformed_input_is_refused(votes, seats, code):
    with pytest.raises(SeatError) as e:
        sainte_lague(votes, seats)
    assert e.value.code == code


def test_no_seats_and_zero_vote_parties():
    a = sainte_lague({1: 0, 2: 0}, 0)
    assert a.complete and a.order == () and a.won == {1: 0, 2: 0} and a.quotients == {1: (0,), 2: (0,)}
    b = sainte_lague({1: 0, 2: 7}, 3)
    assert b.won == {1: 0, 2: 3} and b.quotients[1] == (0,) and b.quotients[2] == (7, Fraction(7, 3), Fraction(7, 5),
                                                                                   1)


# --------------------------------------------------------------------------------------------
# fuzzed invariants against a slow reference

FUZZ = settings(max_examples=150, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])

# small vote counts on purpose, and figures that are odd multiples of each other (3 = 3 x 1,
# 15 = 5 x 3 ...): equal quotients, and ties for the last seat, come up often (about 1 in 6)
TIE_PRONE = st.sampled_from([0, 1, 2, 3, 5, 6, 9, 10, 15, 30, 45])
tie_votes_st = st.dictionaries(st.integers(1, 24), TIE_PRONE, min_size=2, max_size=6)
votes_st = st.one_of(st.dictionaries(st.integers(1, 24), st.integers(0, 40), min_size=1, max_size=6), tie_votes_st)
seats_st = st.integers(0, 12)


def reference(votes: dict[int, int], seats: int) -> tuple[dict[int, int], tuple | None]:
    """Sainte-Laguë the slow way: write out every quotient, sort once, cut at the last seat.

    Returns the certain seats per party and, when the quotients at the cut are more than the
    seats left for them, (seats left, tied parties, their quotient).
    """
    won = dict.fromkeys(votes, 0)
    if seats == 0:
        return won, None
    table = sorted(((Fraction(v, d), p) for p, v in votes.items() if v for d in range(1, 2 * seats, 2)), reverse=True)
    cut = table[seats - 1][0]
    for q, p in table:
        if q > cut:
            won[p] += 1
    at_cut = sorted(p for q, p in table if q == cut)
    left = seats - sum(won.values())
    if len(at_cut) == left:
        for p in at_cut:
            won[p] += 1
        return won, None
    return won, (left, tuple(at_cut), cut)


def _usable(votes, seats):
    return seats == 0 or any(votes.values())


@FUZZ
@given(votes_st, seats_st)
def test_fuzz_equals_the_reference_and_seats_add_up(votes, seats):
    assume(_usable(votes, seats))
    a = sainte_lague(votes, seats)
    won, tie = reference(votes, seats)
    event("tie" if tie else "no tie")
    assert a.won == won
    if tie is None:
        assert a.complete and a.tie is None and sum(a.won.values()) == seats == len(a.order)
    else:
        left, parties, q = tie
        assert not a.complete and (len(a.tie.seats), a.tie.parties, a.tie.quotient) == (left, parties, q)
        assert a.tie.seats == tuple(range(seats - left + 1, seats + 1)) and len(parties) > left
        assert sum(a.won.values()) + len(a.tie.seats) == seats == len(a.order) + len(a.open_seats)
    # the order is non-increasing and every party's last listed quotient won nothing
    assert all(x.quotient >= y.quotient for x, y in zip(a.order, a.order[1:], strict=False))
    assert all(len(a.quotients[p]) == a.won[p] + 1 for p in votes)
    for p, v in votes.items():
        assert a.quotients[p] == tuple(Fraction(v, d) for d in range(1, 2 * a.won[p] + 2, 2))


@FUZZ
@given(tie_votes_st, st.data())
def test_fuzz_any_fitting_decision_completes_the_allocation(votes, data):
    assume(any(votes.values()))
    tied_at = [s for s in range(1, 13) if sainte_lague(votes, s).tie is not None]
    assume(tied_at)
    seats = data.draw(st.sampled_from(tied_at))
    first = sainte_lague(votes, seats)
    decision = data.draw(st.permutations(first.tie.parties))[: len(first.tie.seats)]
    done = sainte_lague(votes, seats, decisions=decision)
    assert done.complete and sum(done.won.values()) == seats
    assert done.won == {p: first.won[p] + (p in decision) for p in votes}
    assert done.tie.matches(first.tie) and done.tie.decision == tuple(decision)
    assert [s.party for s in done.order if s.by_decision] == list(decision)
    assert done.order[: len(first.order)] == first.order


@FUZZ
@given(votes_st, seats_st, st.randoms(use_true_random=False))
def test_fuzz_reordering_the_input_changes_nothing(votes, seats, rnd):
    assume(_usable(votes, seats))
    items = list(votes.items())
    rnd.shuffle(items)
    assert sainte_lague(dict(items), seats) == sainte_lague(votes, seats)


@FUZZ
@given(votes_st, seats_st, st.data())
def test_fuzz_more_votes_never_cost_a_seat(votes, seats, data):
    """Monotonicity: more votes for one party, the others unchanged, never lose it a seat.

    Even with ties: a party that could win a tied seat before holds it for certain after.
    """
    assume(_usable(votes, seats))
    party = data.draw(st.sampled_from(sorted(votes)))
    extra = data.draw(st.integers(1, 30))
    before = sainte_lague(votes, seats)
    after = sainte_lague({**votes, party: votes[party] + extra}, seats)
    best_before = before.won[party] + (before.tie is not None and party in before.tie.parties)
    assert after.won[party] >= best_before


@FUZZ
@given(votes_st, seats_st)
def test_fuzz_one_more_seat_never_costs_a_seat(votes, seats):
    assume(any(votes.values()))
    before, after = sainte_lague(votes, seats), sainte_lague(votes, seats + 1)
    assert all(after.won[p] >= before.won[p] for p in votes)


@FUZZ
@given(votes_st, seats_st, st.integers(2, 1000))
def test_fuzz_zero_votes_zero_seats_and_scaling_changes_nothing(votes, seats, k):
    assume(_usable(votes, seats))
    a = sainte_lague(votes, seats)
    for p, v in votes.items():
        if v == 0:
            assert a.won[p] == 0 and (a.tie is None or p not in a.tie.parties)
    scaled = sainte_lague({p: v * k for p, v in votes.items()}, seats)
    assert scaled.won == a.won and (scaled.tie is None) == (a.tie is None)


# --------------------------------------------------------------------------------------------
# elected candidates (PKPU 6/2024)


def C(no: int, suara: int, spread: tuple[int, ...] = (), sex: str | None = None) -> CandidateVotes:  # noqa: N802
    return CandidateVotes(no, f"Calon {no}", suara, spread, sex)


def numbers(cands) -> list[int]:
    return [c.nomor_urut for c in cands]


def test_candidates_by_their_own_votes():
    e = elect_candidates([C(1, 100), C(2, 300), C(3, 200), C(4, 50)], 2)
    assert e.complete and e.tie is None and e.replaced == () and e.vacant == 0
    assert numbers(e.elected) == [2, 3]
    assert [(r.rank, r.candidate.nomor_urut, r.standing, r.basis) for r in e.ranking] == [
        (1, 2, Standing.TERPILIH, Basis.SUARA), (2, 3, Standing.TERPILIH, Basis.SUARA),
        (3, 1, Standing.TIDAK_TERPILIH, Basis.SUARA), (4, 4, Standing.TIDAK_TERPILIH, Basis.SUARA)]
    assert e.ranking[0].note == "suara sendiri 300"
    assert elect_candidates([C(1, 100)], 0).elected == ()


def test_no_candidate_with_a_vote_goes_by_nomor_urut():
    e = elect_candidates([C(4, 0), C(2, 0), C(3, 0), C(1, 0)], 2)
    assert e.complete and numbers(e.elected) == [1, 2]
    assert all(r.basis is Basis.NOMOR_URUT for r in e.ranking) and numbers(r.candidate for r in e.ranking) == [1, 2, 3, 4]
    # the list's first candidate excluded: the next by nomor urut
    e = elect_candidates([C(4, 0), C(2, 0), C(3, 0), C(1, 0)], 2, excluded={1})
    assert numbers(e.elected) == [2, 3] and [(o.nomor_urut, i.nomor_urut) for o, i in e.replaced] == [(1, 3)]


def test_equal_votes_the_wider_spread_wins_level_by_level():
    """Nomor urut 1 and 2 both have 100 votes, one seat. Level 1 (kecamatan): 4 against 3, so
    nomor urut 2 wins although nomor urut 1 has votes in more desa (level 2)."""
    e = elect_candidates([C(1, 100, (3, 10)), C(2, 100, (4, 2)), C(3, 50, (9, 30))], 1)
    assert e.complete and numbers(e.elected) == [2]
    assert [r.basis for r in e.ranking] == [Basis.SEBARAN, Basis.SEBARAN, Basis.SUARA]
    assert "sebaran suara (4, 2) menentukan" in e.ranking[0].note
    # same number of kecamatan: the desa decide
    e = elect_candidates([C(1, 100, (3, 10)), C(2, 100, (3, 12))], 1)
    assert numbers(e.elected) == [2] and e.tie is None


def test_equal_votes_and_spread_is_a_tie_for_the_plenary():
    cands = [C(1, 100, (3, 10)), C(2, 100, (3, 10)), C(3, 300, (5, 20))]
    e = elect_candidates(cands, 2)
    assert not e.complete and numbers(e.elected) == [3]
    t = e.tie
    assert (t.places, t.candidates, t.suara, t.spread, t.decided) == ((2,), (1, 2), 100, (3, 10), False)
    assert [(r.candidate.nomor_urut, r.standing, r.basis) for r in e.ranking] == [
        (3, Standing.TERPILIH, Basis.SUARA), (1, Standing.BERIMBANG, Basis.BERIMBANG),
        (2, Standing.BERIMBANG, Basis.BERIMBANG)]
    assert "Kursi ke-2 partai ini diperebutkan oleh calon nomor urut 1 dan 2" in t.message

    d = elect_candidates(cands, 2, decisions=[2])
    assert d.complete and numbers(d.elected) == [3, 2] and d.tie.decided and d.tie.matches(t)
    assert [(r.candidate.nomor_urut, r.standing, r.basis) for r in d.ranking] == [
        (3, Standing.TERPILIH, Basis.SUARA), (2, Standing.TERPILIH, Basis.KEPUTUSAN),
        (1, Standing.TIDAK_TERPILIH, Basis.KEPUTUSAN)]
    # one more vote decides it without the plenary, and the old decision no longer fits
    assert numbers(elect_candidates([C(1, 101, (3, 10)), *cands[1:]], 2).elected) == [3, 1]
    for bad, code in (([3], "tie_decision_mismatch"), ([1, 2], "tie_decision_mismatch"), ([7], "tie_decision_mismatch")):
        with pytest.raises(SeatError) as err:
            elect_candidates(cands, 2, decisions=bad)
        assert err.value.code == code and "calon nomor urut" in err.value.message
    with pytest.raises(SeatError) as err:
        elect_candidates(cands, 3, decisions=[1])
    assert err.value.code == "no_tie"


def test_equal_candidates_that_all_fit_or_all_miss_are_no_tie():
    cands = [C(1, 100), C(2, 100), C(3, 300)]
    both = elect_candidates(cands, 3)
    assert both.complete and both.tie is None and numbers(both.elected) == [3, 1, 2]
    assert [r.basis for r in both.ranking] == [Basis.SUARA, Basis.SETARA, Basis.SETARA]
    neither = elect_candidates(cands, 1)
    assert neither.complete and numbers(neither.elected) == [3]
    assert [r.standing for r in neither.ranking[1:]] == [Standing.TIDAK_TERPILIH] * 2


def test_equal_votes_and_spread_a_woman_before_a_man():
    """PKPU 6/2024 art. 29(2), applied only when the sex of every tied candidate is given."""
    e = elect_candidates([C(1, 100, (3,), "L"), C(2, 100, (3,), "P"), C(3, 100, (3,), "L")], 2)
    assert e.tie is not None and numbers(e.elected) == [2] and e.tie.candidates == (1, 3)
    assert e.ranking[0].basis is Basis.JENIS_KELAMIN and "perempuan didahulukan" in e.ranking[0].note
    assert numbers(elect_candidates([C(1, 100, (3,), "L"), C(2, 100, (3,), "P")], 1).elected) == [2]
    unknown = elect_candidates([C(1, 100, (3,), "L"), C(2, 100, (3,), None)], 1)
    assert unknown.tie is not None and unknown.elected == ()


def test_an_excluded_candidate_is_replaced_by_the_next():
    cands = [C(1, 300), C(2, 200), C(3, 100), C(4, 50)]
    e = elect_candidates(cands, 2, excluded={1})
    assert e.complete and numbers(e.elected) == [2, 3]
    assert [(o.nomor_urut, i.nomor_urut) for o, i in e.replaced] == [(1, 3)]
    assert e.ranking[0].standing is Standing.DIKECUALIKAN and e.ranking[0].rank == 1
    assert "kursinya beralih ke calon nomor urut 3" in e.ranking[0].note
    assert "menggantikan calon nomor urut 1" in e.ranking[2].note
    # two excluded, one of them below the elected: only the one who would have sat is replaced
    e = elect_candidates(cands, 2, excluded=[2, 4])
    assert numbers(e.elected) == [1, 3] and [(o.nomor_urut, i.nomor_urut) for o, i in e.replaced] == [(2, 3)]
    # not enough candidates left: a vacant seat, nobody replaces
    e = elect_candidates([C(1, 300), C(2, 200)], 2, excluded={1})
    assert not e.complete and e.vacant == 1 and numbers(e.elected) == [2]
    assert "tidak ada lagi calon yang dapat mengisi kursinya" in e.ranking[0].note
    assert [(o.nomor_urut, i) for o, i in e.replaced] == [(1, None)]


def test_an_excluded_candidate_takes_no_part_in_a_tie():
    """Three equal candidates, one seat, nomor urut 1 deceased: a tie between 2 and 3. Nobody
    replaces 1: he was one of three equal candidates, not certain of the seat."""
    cands = [C(1, 100, (2, 5)), C(2, 100, (2, 5)), C(3, 100, (2, 5))]
    e = elect_candidates(cands, 1, excluded={1})
    assert e.tie.candidates == (2, 3) and e.replaced == () and e.ranking[0].standing is Standing.DIKECUALIKAN
    d = elect_candidates(cands, 1, excluded={1}, decisions=[3])
    assert numbers(d.elected) == [3] and d.replaced == () and d.complete
    # excluded out of the tie leaves two for two seats: no tie
    assert elect_candidates(cands, 2, excluded={1}).tie is None


def test_a_certain_seat_passes_on_even_when_the_next_are_equal():
    """1 (300 votes) would have sat for certain; 2 and 3 (100 each) tie for the second seat.
    With 1 deceased both sit; the pairing with 1 follows nomor urut."""
    cands = [C(1, 300), C(2, 100), C(3, 100)]
    e = elect_candidates(cands, 2, excluded={1})
    assert e.complete and numbers(e.elected) == [2, 3]
    assert [(o.nomor_urut, i.nomor_urut) for o, i in e.replaced] == [(1, 2)]
    # one seat: 1's seat is open until the plenary decides between 2 and 3
    e = elect_candidates(cands, 1, excluded={1})
    assert [(o.nomor_urut, i) for o, i in e.replaced] == [(1, None)] and e.tie.candidates == (2, 3)
    assert "kursinya menunggu keputusan rapat pleno" in e.ranking[0].note
    d = elect_candidates(cands, 1, excluded={1}, decisions=[3])
    assert [(o.nomor_urut, i.nomor_urut) for o, i in d.replaced] == [(1, 3)]


def test_zero_vote_candidates_beside_voted_ones_are_equal_not_by_nomor_urut():
    """The nomor urut rule is for a list where nobody has a vote; otherwise 0 = 0 is a tie."""
    e = elect_candidates([C(1, 0), C(2, 40), C(3, 0)], 2)
    assert numbers(e.elected) == [2] and e.tie.candidates == (1, 3) and e.tie.suara == 0


@pytest.mark.parametrize(("cands", "excluded", "code", "said"), [
    ([C(1, 5), C(1, 6)], (), "bad_candidates", "Nomor urut 1 muncul dua kali"),
    ([C(1, -5)], (), "bad_candidates", "Suara calon nomor urut 1"),
    ([C(0, 5)], (), "bad_candidates", "Nomor urut calon"),
    ([C(1, 5, (1, 2)), C(2, 5, (1,))], (), "bad_candidates", "tidak sama panjang"),
    ([C(1, 5, (1, -2))], (), "bad_candidates", "Sebaran suara calon nomor urut 1"),
    ([C(1, 5, (), "W")], (), "bad_candidates", "Jenis kelamin calon nomor urut 1"),
    ([C(1, 5)], (9,), "unknown_candidate", "nomor urut 9"),
])
def test_a_malformed_candidate_list_is_refused(cands, excluded, code, said):
    with pytest.raises(SeatError) as e:
        elect_candidates(cands, 1, excluded=excluded)
    assert e.value.code == code and said in e.value.message


candidates_st = st.lists(
    st.builds(lambda no, v, s: C(no, v, (s,)), st.integers(1, 12), st.integers(0, 6), st.integers(0, 2)),
    min_size=1, max_size=8, unique_by=lambda c: c.nomor_urut)


@FUZZ
@given(candidates_st, st.integers(0, 6), st.data())
def test_fuzz_candidates_order_free_and_seat_count_kept(cands, seats, data):
    excluded = set(data.draw(st.lists(st.sampled_from(numbers(cands)), max_size=2)))
    e = elect_candidates(cands, seats, excluded=excluded)
    shuffled = elect_candidates(data.draw(st.permutations(cands)), seats, excluded=excluded)
    assert shuffled == e
    assert not excluded & set(numbers(e.elected))
    eligible = [c for c in cands if c.nomor_urut not in excluded]
    open_places = len(e.tie.places) if e.tie is not None else 0
    assert len(e.elected) + open_places + e.vacant == seats and e.vacant == max(0, seats - len(eligible))
    # nobody elected has fewer votes than somebody eligible and not elected
    if e.elected:
        lowest = min(c.suara for c in e.elected)
        assert all(c.suara <= lowest for c in eligible if c not in e.elected)
    assert len(e.ranking) == len(cands) and [r.rank for r in e.ranking] == list(range(1, len(cands) + 1))
    for out, by in e.replaced:
        assert out.nomor_urut in excluded and (by is None or by in e.elected)
    if e.tie is not None:
        done = elect_candidates(cands, seats, excluded=excluded,
                                decisions=data.draw(st.permutations(e.tie.candidates))[: len(e.tie.places)])
        assert done.tie.decided and len(done.elected) + done.vacant == seats


# --------------------------------------------------------------------------------------------
# vote CSV for the simulation calculator


def write(tmp_path, text: str | bytes, name: str = "suara.csv", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes(text if isinstance(text, bytes) else text.encode(encoding))
    return p


def test_csv_nomor_suara(tmp_path):
    assert read_votes_csv(write(tmp_path, "nomor,suara\n1,120\n3,0\n24,7\n")) == {1: 120, 3: 0, 24: 7}


def test_csv_nomor_partai_suara_sah_with_other_columns(tmp_path):
    text = "kode_dapil,nomor_partai,nama_partai,suara_sah,kursi\n33-10,3,\"PDI, PERJUANGAN\",366185,2\n33-10,1,PKB,269516,2\n"
    assert read_votes_csv(write(tmp_path, text)) == {3: 366_185, 1: 269_516}
    assert list(read_votes_csv(DPRD_DAPIL10)) == [PDIP, PKB, GERINDRA, PKS, GOLKAR, NASDEM, DEMOKRAT, PAN, PPP]


def test_csv_bom_semicolon_crlf_case_dots_and_blank_lines(tmp_path):
    text = "\ufeffNomor Partai;Nama;SUARA_SAH\r\n1;PKB;1.234.567\r\n\r\n2;Gerindra;89\r\n;;\r\n"
    assert read_votes_csv(write(tmp_path, text)) == {1: 1_234_567, 2: 89}
    assert read_votes_csv(write(tmp_path, "suara;nomor\n5;2\n", "b.csv", "utf-8-sig")) == {2: 5}


def refused(tmp_path, text, name="suara.csv") -> SeatError:
    with pytest.raises(SeatError) as e:
        read_votes_csv(write(tmp_path, text, name))
    assert e.value.code == "bad_csv" and e.value.message.startswith(name)
    return e.value


def test_csv_unknown_header_is_refused(tmp_path):
    e = refused(tmp_path, "partai,jumlah\n1,5\n")
    assert e.line == 1 and "baris 1: kepala kolom \"partai\", \"jumlah\" tidak dikenali" in e.message
    assert "diharapkan kolom nomor partai (\"nomor\" atau \"nomor_partai\") dan kolom suara" in e.message
    e = refused(tmp_path, "nomor,jumlah\n1,5\n")
    assert "diharapkan kolom suara (\"suara\"" in e.message and "kolom nomor partai" not in e.message
    e = refused(tmp_path, "nomor,suara,suara_sah\n1,5,5\n")
    assert "ada 2 kolom suara: kolom ke-2 (\"suara\") dan kolom ke-3 (\"suara_sah\"); diharapkan satu" in e.message
    e = refused(tmp_path, "\n1,5\n")
    assert e.line == 1 and "kosong" in e.message


@pytest.mark.parametrize(("row", "col", "found"), [
    ("1;12,5", 2, "ditemukan \"12,5\" (bukan bilangan bulat); diharapkan jumlah suara berupa bilangan bulat tidak negatif"),
    ("1;12.5", 2, "ditemukan \"12.5\" (bukan bilangan bulat)"),
    ("1;0.451", 2, "ditemukan \"0.451\" (bukan bilangan bulat)"),
    ("1;banyak", 2, "ditemukan teks \"banyak\""),
    ("1;-5", 2, "ditemukan bilangan negatif \"-5\""),
    ("1;", 2, "ditemukan sel kosong"),
    ("1", 2, "tidak ada isian (baris ini hanya 1 kolom)"),
    ("x;5", 1, "ditemukan teks \"x\"; diharapkan nomor partai berupa bilangan bulat mulai 1"),
    ("1.000;5", 1, "ditemukan \"1.000\" (bukan bilangan bulat)"),
    ("0;5", 1, "nomor partai 0; diharapkan bilangan bulat mulai 1"),
    ("1;1000000000", 2, "1.000.000.000 suara terlalu besar"),
    ("1;\uff11\uff12", 2, "ditemukan teks"),
])
def test_csv_bad_figure_names_line_column_found_and_expected(tmp_path, row, col, found):
    e = refused(tmp_path, f"nomor;suara\n2;10\n{row}\n")
    header = ("nomor", "suara")[col - 1]
    assert (e.line, e.column) == (3, col)
    assert f"suara.csv, baris 3, kolom ke-{col} (\"{header}\"): " in e.message and found in e.message


def test_csv_duplicate_party_is_refused(tmp_path):
    e = refused(tmp_path, "nomor,suara\n1,10\n2,20\n\n1,30\n")
    assert (e.line, e.column) == (5, 1)
    assert "baris 5, kolom ke-1 (\"nomor\"): partai nomor 1 sudah ada di baris 2; diharapkan satu baris per partai" in e.message


def test_csv_encoding_and_structure_refusals(tmp_path):
    e = refused(tmp_path, "nomor,suara\n1,10\n2,Caf\xe9\n".encode("latin-1"))
    assert e.line == 3 and "bita 0xE9 bukan teks UTF-8" in e.message
    e = refused(tmp_path, "nomor,suara\n1,10\n".encode("utf-16"))
    assert "UTF-16" in e.message and "CSV UTF-8" in e.message
    e = refused(tmp_path, "nomor,suara\n1,\"10\n")
    assert "susunan CSV rusak" in e.message
    e = refused(tmp_path, "nomor,suara\n\n")
    assert "tidak ada baris data" in e.message
    e = refused(tmp_path, b"nomor,suara\n1,1\x002\n")
    assert e.line == 2 and "NUL" in e.message


def test_csv_unreadable(tmp_path):
    for path in (tmp_path / "tidak-ada.csv", tmp_path):
        with pytest.raises(SeatError) as e:
            read_votes_csv(path)
        assert e.value.code == "unreadable" and e.value.message.startswith(path.name)
    big = write(tmp_path, "nomor,suara\n" + "1,1\n" * 300_000, "besar.csv")
    with pytest.raises(SeatError) as e:
        read_votes_csv(big)
    assert e.value.code == "unreadable" and "besar.csv berukuran 1.200.012 bita" in e.value.message
