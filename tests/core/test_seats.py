"""Seat allocation (core/seats.py): real 2024 Jawa Tengah results, narrated hand cases, ties, fuzzed invariants, vote CSV."""

from __future__ import annotations

import csv
import functools
from collections import Counter, defaultdict
from fractions import Fraction
from pathlib import Path

import pytest

from recap_app.core.seats import (
    Basis,
    CandidateVotes,
    SeatError,
    Standing,
    elect_candidates,
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
