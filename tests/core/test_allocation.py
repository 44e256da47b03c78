"""Seats of a workspace (recap_app.core.allocation, `recap seats`): the official DPR 2024 result from
the 35 regency workbooks, ties never decided silently, the plenary's decision, one more vote,
replacements, the DPRD adoption and the calculator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures_import import write_xlsx
from fixtures_legislative import OFFICIAL_SEATS, certificates, dpr_grid, elected_names, write_dpr_workbooks

from recap_app.cli import main
from recap_app.core import allocation, auth
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import NotAllowed, NotNow
from recap_app.core.importer import import_files
from recap_app.core.seats import SeatError
from recap_app.core.store import Workspace

DATA = Path(__file__).resolve().parent.parent / "data" / "legislative"


@pytest.fixture(scope="module")
def dpr_file(tmp_path_factory):
    """A DPR workspace holding the 35 regency certificates built from the official figures."""
    tmp = tmp_path_factory.mktemp("dpr")
    path = tmp / "dpr.sqlite"
    with Workspace.create(path, "dpr-2024-jateng", actor="tester") as ws:
        report = import_files(ws, write_dpr_workbooks(ws.election, tmp / "wb"), "tester")
        assert report.ok
    return path


@pytest.fixture
def dpr(dpr_file, tmp_path):
    path = tmp_path / "dpr.sqlite"
    shutil.copy(dpr_file, path)
    with Workspace.open(path) as ws:
        yield ws


def reimport(ws, tmp_path, kode, change, name="fix.xlsx"):
    """Import a corrected sheet of ``kode``: ``change(values)`` edits a copy of its figures."""
    cols, values = certificates(ws.election)[kode]
    values = {c: dict(v) for c, v in values.items()}
    change(values)
    report = import_files(ws, [write_xlsx(tmp_path / name, [dpr_grid(ws.election, kode, cols, values)])], "tester",
                          reason="koreksi")
    assert report.ok, report.files[0].message
    return values


def add(values, kec, party_key, total_key, n):
    """``n`` more votes for a party field in one kecamatan, totals and suara sah following."""
    for col in (kec, JUMLAH):
        values[col][party_key] += n
        if total_key != party_key:
            values[col][total_key] += n
        values[col]["suara_sah"] += n


# ----------------------------------------------------------------- the official result
def test_the_35_workbooks_give_the_official_dpr_seats_and_the_77_elected(dpr):
    res = allocation.compute(dpr)
    assert res.complete and not res.open_ties
    assert {k: v for k, v in res.seats_by_party().items() if v} == OFFICIAL_SEATS  # PDIP 23, Golkar 12, ...
    assert sum(OFFICIAL_SEATS.values()) == 77
    elected = elected_names()
    for d in res.districts:
        assert {c.nama for p in d.parties if p.elected for c in p.elected.elected} == elected[d.district.kode]
    assert res.threshold["partai"] == [1, 2, 3, 4, 5, 8, 12, 14]
    assert not res.decision and res.decided_by == "KPU RI"


def test_seats_json_keeps_the_contract(dpr_file):
    out = CliRunner().invoke(main, ["seats", "--db", str(dpr_file), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    assert data["sifat"] == "perhitungan" and data["ditetapkan_oleh"] == "KPU RI"
    d1 = data["dapil"][0]
    assert (d1["kode"], d1["nama"], d1["kursi"], d1["seri"]) == ("3301", "JAWA TENGAH I", 8, [])
    pdip = next(p for p in d1["partai"] if p["nomor"] == 3)
    assert (pdip["suara"], pdip["kursi"]) == (646141, 2)
    assert [(c["nomor_urut"], c["nama"], c["suara"]) for c in pdip["terpilih"]] == [
        (1, "MOCHAMAD HERVIANO WIDYATAMA S.Sos. M.M.", 230113), (2, "SAMUEL JD WATTIMENA", 67812)]
    assert [q["hasil_bagi"] for q in pdip["hasil_bagi"]] == ["646141", "646141/3", "646141/5"]
    assert [q["kursi"] for q in pdip["hasil_bagi"]] == [1, 4, None]
    assert [(s["kursi"], s["partai"], s["pembagi"]) for s in d1["urutan"]] == [
        (1, 3, 1), (2, 4, 1), (3, 8, 1), (4, 3, 3), (5, 1, 1), (6, 2, 1), (7, 14, 1), (8, 5, 1)]
    ppp = next(p for p in d1["partai"] if p["nomor"] == 17)
    assert (ppp["ikut"], ppp["kursi"]) == (False, 0)  # 3,87 % nationally: below the 4 % threshold
    assert {p["nama_singkat"]: p["kursi"] for p in data["kursi_partai"]}["PDI Perjuangan"] == 23


# ----------------------------------------------------------------- ties
def test_equal_quotients_for_the_last_seat_are_never_decided_by_the_program(dpr, tmp_path):
    # JAWA TENGAH I: the 8th seat went to NasDem (129.797); PAN had 126.422. A corrected sheet
    # of Kota Semarang gives PAN 3.375 more party-only votes: exactly NasDem's quotient.
    reimport(dpr, tmp_path, "33.74", lambda v: add(v, "33.74.01", "partai_12", "partai_12_jumlah", 3375))
    res = allocation.compute(dpr)
    d1 = res.districts[0]
    assert [(t[0], t[1].seats, t[1].parties, t[1].quotient) for t in d1.ties] == [("kursi", (8,), (5, 12), 129797)]
    assert not d1.complete
    assert {p.party.nomor: p.kursi for p in d1.parties if p.kursi} == {3: 2, 4: 1, 8: 1, 1: 1, 2: 1, 14: 1}
    out = CliRunner().invoke(main, ["seats", "--db", str(dpr.path), "--format", "json"])
    assert out.exit_code == 1
    seri = json.loads(out.output)["dapil"][0]["seri"]
    assert [(s["jenis"], s["kursi"], s["partai"], s["hasil_bagi"]) for s in seri] == [
        ("kursi", [8], [5, 12], "129797")]
    assert "Kursi ke-8 diperebutkan dengan hasil bagi yang sama 129.797 oleh partai nomor 5" in seri[0]["pesan"]


def test_one_more_vote_decides_the_tie(dpr, tmp_path):
    reimport(dpr, tmp_path, "33.74", lambda v: add(v, "33.74.01", "partai_12", "partai_12_jumlah", 3376))
    d1 = allocation.compute(dpr).districts[0]
    assert d1.ties == () and d1.complete
    won = {p.party.nomor: p.kursi for p in d1.parties}
    assert (won[12], won[5]) == (1, 0)  # PAN 129.798 takes the 8th seat from NasDem 129.797
    assert d1.allocation.order[-1].party == 12


def test_the_plenarys_decision_is_recorded_applied_and_reported_when_it_no_longer_fits(dpr, tmp_path):
    reimport(dpr, tmp_path, "33.74", lambda v: add(v, "33.74.01", "partai_12", "partai_12_jumlah", 3375))
    with pytest.raises(SeatError) as exc:
        allocation.decide(dpr, "3301", [3], "undian", "ketua")
    assert exc.value.code == "tie_decision_mismatch"
    got = allocation.decide(dpr, "3301", [5], "pengundian dalam rapat pleno terbuka", "ketua",
                            decided_by="Rapat pleno KPU Provinsi Jawa Tengah", decided_at="2024-03-05T10:00")
    assert got["pertanyaan"] == {"kursi": [8], "partai": [5, 12], "hasil_bagi": "129797", "pembagi": [1, 1]}
    d1 = allocation.compute(dpr).districts[0]
    assert d1.complete and d1.decisions[0]["id"] == got["id"]
    assert d1.allocation.order[-1].party == 5 and d1.allocation.order[-1].by_decision
    audit = dpr.conn.execute("SELECT actor, entity, after FROM audit WHERE action = 'seats.decide'").fetchall()
    assert audit[0][:2] == ("ketua", "dapil:3301") and json.loads(audit[0][2])["cara"].startswith("pengundian")
    with pytest.raises(SeatError) as exc:  # nothing left to decide
        allocation.decide(dpr, "3301", [12], "undian", "ketua")
    assert exc.value.code == "no_tie"
    # figures change: the stored decision no longer answers the question; reported, not applied
    reimport(dpr, tmp_path, "33.74", lambda v: add(v, "33.74.01", "partai_12", "partai_12_jumlah", 3376), "f2.xlsx")
    d1 = allocation.compute(dpr).districts[0]
    assert d1.decisions == () and [x["id"] for x in d1.stale] == [got["id"]]
    assert {p.party.nomor: p.kursi for p in d1.parties}[12] == 1


def test_equal_candidates_are_separated_by_the_spread_else_asked(dpr, tmp_path):
    # PKB has one seat in JAWA TENGAH I: ALAMUDIN DIMYATI ROIS (86.016) before FAUQI HAPIDEKSO.
    form = dpr.election.form_for("3301")
    base = certificates(dpr.election)
    first = sum(base[k][1][JUMLAH]["partai_1_calon_1"] for k in ("33.22", "33.24", "33.73", "33.74"))
    second = sum(base[k][1][JUMLAH]["partai_1_calon_2"] for k in ("33.22", "33.24", "33.73", "33.74"))
    assert (first, form.candidates[1][0].nama) == (86016, "ALAMUDIN DIMYATI ROIS")
    reimport(dpr, tmp_path, "33.74", lambda v: add(v, "33.74.02", "partai_1_calon_2", "partai_1_jumlah",
                                                   first - second))
    d1 = allocation.compute(dpr).districts[0]
    pkb = next(p for p in d1.parties if p.party.nomor == 1)
    assert [t[:2] for t in d1.ties] == [("calon", 1)]  # equal votes, equal spread, both men: the plenary decides
    tie = d1.ties[0][2]
    assert (tie.candidates, tie.suara, tie.spread) == ((1, 2), 86016, (4, 59))  # 4 regencies, 59 kecamatan
    assert pkb.elected.elected == ()
    got = allocation.decide(dpr, "3301", [2], "undian", "ketua", party=1)
    assert got["jenis"] == "calon"
    pkb = next(p for p in allocation.compute(dpr).districts[0].parties if p.party.nomor == 1)
    assert [c.nama for c in pkb.elected.elected] == ["FAUQI HAPIDEKSO"]

    # ALAMUDIN's votes of one kecamatan moved to another: his spread is narrower, FAUQI is elected
    def narrower(v):
        add(v, "33.74.02", "partai_1_calon_2", "partai_1_jumlah", first - second)
        moved = v["33.74.03"]["partai_1_calon_1"]
        v["33.74.03"]["partai_1_calon_1"] = 0
        v["33.74.04"]["partai_1_calon_1"] += moved
        for kec, n in (("33.74.03", -moved), ("33.74.04", moved)):
            v[kec]["partai_1_jumlah"] += n
            v[kec]["suara_sah"] += n
    reimport(dpr, tmp_path, "33.74", narrower, "f3.xlsx")
    d1 = allocation.compute(dpr).districts[0]
    pkb = next(p for p in d1.parties if p.party.nomor == 1)
    assert d1.ties == () and [c.nama for c in pkb.elected.elected] == ["FAUQI HAPIDEKSO"]
    assert pkb.elected.ranking[0].basis == "sebaran"


def test_a_replaced_candidate_passes_the_seat_to_the_next_in_line(dpr):
    got = allocation.replace(dpr, "3301", 3, 2, "meninggal_dunia", "surat DPP nomor 12/2024", "ketua")
    assert got["nama"] == "SAMUEL JD WATTIMENA"
    pdip = next(p for p in allocation.compute(dpr).districts[0].parties if p.party.nomor == 3)
    assert [c.nama for c in pdip.elected.elected] == ["MOCHAMAD HERVIANO WIDYATAMA S.Sos. M.M.", "TUTI N. ROOSDIONO"]
    assert pdip.elected.replaced[0][0].nomor_urut == 2 and pdip.elected.replaced[0][1].nomor_urut == 6
    with pytest.raises(SeatError) as exc:
        allocation.replace(dpr, "3301", 3, 8, "mengundurkan_diri", "surat", "ketua")
    assert exc.value.code == "not_elected"
    assert dpr.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'seats.replace'").fetchone()[0] == 1


def test_dpr_seats_are_a_calculation_and_cannot_be_adopted(dpr):
    with pytest.raises(NotNow) as exc:
        allocation.adopt(dpr, "ketua")
    assert exc.value.code == "not_decided_here"
    assert "ditetapkan oleh KPU RI" in exc.value.message


def test_deciding_needs_the_chair(dpr, tmp_path):
    auth.add_user(dpr, "tester", "admin", "admin", "Gunung-lawu-31-kabut")
    auth.add_user(dpr, "admin", "ani", "operator", "Gunung-ungaran-47-kabut")
    with pytest.raises(NotAllowed):
        allocation.replace(dpr, "3301", 3, 2, "meninggal_dunia", "x", "ani")
    assert dpr.conn.execute("SELECT COUNT(*) FROM seat_replacement").fetchone()[0] == 0


# ----------------------------------------------------------------- the calculator
def test_calculator_on_the_dprd_dapil_10_figures():
    out = CliRunner().invoke(main, ["seats", "calc", "--kursi", "11", "--format", "json",
                                    str(DATA / "dprd_jateng_2024_dapil10_resmi.csv")])
    assert out.exit_code == 0, out.output
    d = json.loads(out.output)
    assert {p["nomor"]: p["kursi"] for p in d["partai"]} == {3: 2, 1: 2, 2: 1, 8: 1, 4: 1, 5: 1, 14: 1, 12: 1, 17: 1}
    assert d["urutan"][6] == {"kursi": 7, "partai": 3, "pembagi": 3, "hasil_bagi": "366185/3",
                              "hasil_bagi_tampil": "≈122.061,6667", "keputusan": False}
    assert (d["urutan"][-1]["partai"], d["urutan"][-1]["hasil_bagi"]) == (17, "75118")
    pdip = next(p for p in d["partai"] if p["nomor"] == 3)
    assert [(q["hasil_bagi"], q["kursi"]) for q in pdip["hasil_bagi"]] == [("366185", 1), ("366185/3", 7),
                                                                            ("73237", None)]
    assert pdip["nama"] == "PARTAI DEMOKRASI INDONESIA PERJUANGAN"


def test_calculator_tie_exits_1_and_a_winner_simulates_the_decision(tmp_path):
    csv = tmp_path / "v.csv"
    csv.write_text("nomor,suara\n1,300\n2,300\n3,100\n", encoding="utf-8")
    out = CliRunner().invoke(main, ["seats", "calc", "--kursi", "1", "--format", "json", str(csv)])
    assert out.exit_code == 1
    assert json.loads(out.output)["seri"][0]["partai"] == [1, 2]
    out = CliRunner().invoke(main, ["seats", "calc", "--kursi", "1", "--winner", "2", str(csv)])
    assert out.exit_code == 0 and "[keputusan pleno]" in out.output


def test_totals_json_per_dapil_per_party_and_candidate(dpr_file):
    out = CliRunner().invoke(main, ["totals", "--db", str(dpr_file), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.output)
    d1 = data["dapil"][0]
    assert (d1["kode"], d1["received"], d1["expected"]) == ("3301", 4, 4)
    assert set(d1) >= {"kode", "nama", "kursi", "fields", "blank", "regencies", "received", "expected", "partai"}
    pdip = next(p for p in d1["partai"] if p["nomor"] == 3)
    assert (pdip["suara_partai"], pdip["jumlah"]) == (165581, 646141)
    assert pdip["calon"][0] == {"nomor_urut": 1, "nama": "MOCHAMAD HERVIANO WIDYATAMA S.Sos. M.M.", "jenis_kelamin": "L",
                                "suara": 230113}
    assert pdip["suara_partai"] + sum(c["suara"] for c in pdip["calon"]) == pdip["jumlah"]
    assert sum(len(d["partai"]) for d in data["dapil"]) == 180
    province = {p["nomor"]: p for p in data["partai"]}
    assert province[3]["jumlah"] == 5846493  # PDI Perjuangan over the 10 dapils
    assert data["fields"]["suara_sah"] == sum(d["fields"]["suara_sah"] for d in data["dapil"])
