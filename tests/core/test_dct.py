"""The candidate list of a workspace (recap_app.core.dct, `recap dct`): loading the DPRD Provinsi DCT,
the DPD ballot numbers, and every refusal (file, line, column; nothing written)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures_import import Grid, write_xlsx
from fixtures_legislative import dprd_dct_rows, synthetic_certificate, write_csv_rows

from recap_app.cli import main
from recap_app.core import auth, certificate, dct
from recap_app.core.dct import DctError
from recap_app.core.errors import NotAllowed
from recap_app.core.store import Workspace


@pytest.fixture
def dprd(tmp_path):
    with Workspace.create(tmp_path / "dprd.sqlite", "dprd-provinsi-2024-jateng", actor="tester") as ws:
        yield ws


@pytest.fixture
def dpd(tmp_path):
    with Workspace.create(tmp_path / "dpd.sqlite", "dpd-2024-jateng", actor="tester") as ws:
        yield ws


def state(ws):
    return (ws.meta("election"), ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def test_loading_the_dprd_dct_changes_the_stored_definition(dprd, tmp_path):
    path = write_csv_rows(tmp_path / "dct.csv", dprd_dct_rows(dprd.election))
    got = dct.import_dct(dprd, path, "tester")
    assert got["calon"] == 13 * 18 * 2 and got["dapil"]["33-10"] == 36
    form = dprd.election.form_for("33-10")
    assert [c.nama for c in form.candidates[3]] == ["CALON 33-10 PDI PERJUANGAN 1", "CALON 33-10 PDI PERJUANGAN 2"]
    assert "partai_3_calon_2" in form.field_keys
    path_db = dprd.path
    dprd.close()
    with Workspace.open(path_db) as again:  # the workspace's own definition now holds the list
        assert len([c for c in again.election.contestants if c.kind == "calon"]) == 468
        assert again.election.form_for("33-01").candidates[1][1].jenis_kelamin == "P"
        row = again.conn.execute("SELECT actor, after FROM audit WHERE action = 'dct.import'").fetchone()
        assert row[0] == "tester" and json.loads(row[1])["calon"] == 468
        assert again.conn.execute("SELECT name FROM source_file").fetchone()[0] == "dct.csv"


def test_an_xlsx_dct_with_names_for_dapil_and_party(dprd, tmp_path):
    rows = [["DAPIL", "NAMA PARTAI", "NO URUT", "NAMA CALON", "L/P", "DOMISILI"],
            ["JAWA TENGAH 10", "PDI Perjuangan", 1, "Hj. SITI ROHMAH", "Perempuan", "KEBUMEN"],
            ["10", "PKB", 1, "AHMAD", "L", None]]
    got = dct.import_dct(dprd, write_xlsx(tmp_path / "dct.xlsx", [Grid(rows, name="DCT")]), "tester")
    assert got["dapil"] == {"33-10": 2}
    c = dprd.election.form_for("33-10").candidates[3][0]
    assert (c.nama, c.jenis_kelamin, c.tempat_tinggal) == ("Hj. SITI ROHMAH", "P", "KEBUMEN")


@pytest.mark.parametrize("row, message", [
    (["33-99", 3, 1, "A", "L"], "Berkas dct.csv, baris 3, kolom 1 (dapil): \"33-99\" bukan dapil"),
    (["33-01", 30, 1, "A", "L"], "Berkas dct.csv, baris 3, kolom 2 (partai): \"30\" bukan partai peserta; diharapkan "
                                 "nomor partai (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 24) atau "
                                 "namanya."),
    (["33-01", 3, 1, "B", "L"], "Berkas dct.csv, baris 3, kolom 3 (nomor_urut): nomor urut 1 partai PDI Perjuangan "
                                "dapil JAWA TENGAH 1 sudah ada di baris 2; diharapkan satu calon per nomor urut."),
    (["33-01", 3, "satu", "B", "L"], "Berkas dct.csv, baris 3, kolom 3 (nomor_urut): \"satu\"; diharapkan nomor urut"),
    (["33-01", 3, 2, "", "L"], "Berkas dct.csv, baris 3, kolom 4 (nama): kosong; diharapkan nama calon."),
    (["33-01", 3, 2, "B", "X"], "Berkas dct.csv, baris 3, kolom 5 (jenis_kelamin): \"X\"; diharapkan L atau P."),
])
def test_refusals_name_file_line_column_and_write_nothing(dprd, tmp_path, row, message):
    rows = [["dapil", "partai", "nomor_urut", "nama", "jenis_kelamin"], ["33-01", 3, 1, "A", "L"], row]
    before = state(dprd)
    with pytest.raises(DctError) as exc:
        dct.import_dct(dprd, write_csv_rows(tmp_path / "dct.csv", rows), "tester")
    assert exc.value.code == "bad_dct" and exc.value.message.startswith(message)
    assert state(dprd) == before and dprd.election.form_for("33-01").candidates[3] == ()


def test_more_candidates_than_seats_is_refused(dprd, tmp_path):
    rows = [["dapil", "partai", "nomor_urut", "nama", "jenis_kelamin"]]
    rows += [["33-01", 3, k, f"C{k}", "L"] for k in range(1, 8)]  # dapil 1 has 6 seats
    with pytest.raises(DctError) as exc:
        dct.import_dct(dprd, write_csv_rows(tmp_path / "dct.csv", rows), "tester")
    assert exc.value.message == ("Berkas dct.csv, baris 8: partai PDI Perjuangan mencalonkan 7 orang di dapil 33-01 "
                                 "JAWA TENGAH 1, padahal dapil itu hanya 6 kursi; diharapkan paling banyak 6 calon "
                                 "(UU 7/2017 pasal 244).")


def test_a_definition_with_a_list_and_a_workspace_with_certificates_refuse(dprd, tmp_path):
    path = write_csv_rows(tmp_path / "dct.csv", dprd_dct_rows(dprd.election))
    with Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester") as dpr:
        with pytest.raises(DctError) as exc:
            dct.import_dct(dpr, path, "tester")
        assert exc.value.code == "dct_exists" and "1.311 calon" in exc.value.message
    form = dprd.election.form_for("33-01")
    kec = [r.kode for r in dprd.columns_of("33.74")]
    cols, values = synthetic_certificate(form, kec)
    certificate.record_revision(dprd, "33.74", cols, values, actor="tester")
    before = state(dprd)
    with pytest.raises(DctError) as exc:
        dct.import_dct(dprd, path, "tester")
    assert exc.value.code == "certificates_stored"
    assert "sudah menyimpan 1 revisi sertifikat (yang pertama 33.74)" in exc.value.message
    assert state(dprd) == before


def test_loading_needs_the_settings_permission(dprd, tmp_path):
    auth.add_user(dprd, "tester", "admin", "admin", "Gunung-lawu-31-kabut")
    auth.add_user(dprd, "admin", "ani", "operator", "Gunung-ungaran-47-kabut")
    with pytest.raises(NotAllowed):
        dct.import_dct(dprd, write_csv_rows(tmp_path / "dct.csv", dprd_dct_rows(dprd.election)), "ani")


DPD_NUMBERS = ["Abdul Kholik=1", "Agus Mujayanto=2", "Ahmad Baligh Mu'aidi=3", "Bambang Sutrisno=4",
               "Casytha A. Kathmandu=5", "Denty Eka Widi Pratiwi=6", "Joko Dalmadyo=7", "Kodirin=8",
               "Lamaatus Shobah Dimyati Rois=9", "Muhdi=10", "Taj Yasin=11"]


def test_dpd_numbers_are_set_then_the_form_exists(dpd):
    from recap_app.core.errors import ElectionError

    with pytest.raises(ElectionError) as exc:
        dpd.election.form_for(None)
    assert exc.value.code == "unnumbered"
    got = dct.number_candidates(dpd, dct.parse_numbers(DPD_NUMBERS[:5]), "tester")
    assert len(got["belum"]) == 6
    got = dct.number_candidates(dpd, dct.parse_numbers(DPD_NUMBERS[5:]), "tester")
    assert got["belum"] == [] and got["nomor"]["Taj Yasin"] == 11
    assert [c.nama for c in dpd.election.form.contestants][:2] == ["Abdul Kholik", "Agus Mujayanto"]
    assert dpd.election.form.field_keys.count("perseorangan_11") == 1
    assert dpd.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'dct.number'").fetchone()[0] == 2


def test_dpd_number_refusals(dpd):
    with pytest.raises(DctError) as exc:
        dct.number_candidates(dpd, {"Budi": 1}, "tester")
    assert exc.value.code == "unknown_candidate" and exc.value.message.startswith("Calon \"Budi\" tidak ada")
    with pytest.raises(DctError) as exc:
        dct.number_candidates(dpd, {"Muhdi": 1, "Kodirin": 1}, "tester")
    assert exc.value.message == "Nomor urut 1 diberikan kepada Kodirin dan Muhdi; diharapkan satu calon per nomor urut."
    with pytest.raises(DctError) as exc:
        dct.parse_numbers(["Muhdi=nol"])
    assert exc.value.message == ("perintah, isian ke-1: nomor urut \"nol\" untuk Muhdi; diharapkan bilangan bulat "
                                 "mulai 1.")
    dct.number_candidates(dpd, dct.parse_numbers(DPD_NUMBERS), "tester")
    kec = [r.kode for r in dpd.columns_of("33.19")]
    form = dpd.election.form
    values = {k: {form.total_key(c): 10 for c in form.contestants} for k in kec}
    certificate.record_revision(dpd, "33.19", kec, values, actor="tester")
    with pytest.raises(DctError) as exc:
        dct.number_candidates(dpd, {"Muhdi": 12}, "tester")
    assert exc.value.code == "certificates_stored"


def test_the_cli(tmp_path):
    runner = CliRunner()
    db = str(tmp_path / "dpd.sqlite")
    assert runner.invoke(main, ["init", "--election", "dpd-2024-jateng", "--db", db]).exit_code == 0
    numbers = tmp_path / "nomor.csv"
    numbers.write_text("nama,nomor_urut\n" + "\n".join(x.replace("=", ",").replace("Mu'aidi", "Mu'aidi")
                                                     for x in DPD_NUMBERS) + "\n", encoding="utf-8")
    out = runner.invoke(main, ["dct", "number", "--db", db, "--file", str(numbers)])
    assert out.exit_code == 0, out.output
    assert "Semua calon bernomor urut." in out.output
    out = runner.invoke(main, ["dct", "show", "--db", db, "--format", "json"])
    assert [c["nomor_urut"] for c in json.loads(out.output)][:3] == [1, 2, 3]
    out = runner.invoke(main, ["dct", "number", "--db", db, "Budi=3"])
    assert out.exit_code == 1 and "Galat: Calon \"Budi\" tidak ada" in out.output
