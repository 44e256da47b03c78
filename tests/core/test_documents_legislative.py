"""Printed documents of legislative contests: the province certificate per dapil (party blocks with
candidates, party totals in words, a witness per party), the minutes, the DPD certificate, and the
seat decision (DPRD Provinsi: adopted; DPR: a calculation)."""

from __future__ import annotations

import io
import shutil

import pytest
from fixtures_legislative import dprd_dct_rows, synthetic_certificate, write_csv_rows, write_dpr_workbooks
from pypdf import PdfReader

from recap_app.core import allocation, certificate, dct
from recap_app.core.documents import print_documents, render
from recap_app.core.documents.plenary import DocumentError, set_witness
from recap_app.core.importer import import_files
from recap_app.core.store import Workspace

NOW = "2024-03-05T10:00:00+00:00"


def texts(pdf: bytes) -> list[str]:
    return [" ".join((pg.extract_text() or "").split()) for pg in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(scope="module")
def dpr_file(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("dprdoc")
    path = tmp / "dpr.sqlite"
    with Workspace.create(path, "dpr-2024-jateng", actor="tester") as ws:
        assert import_files(ws, write_dpr_workbooks(ws.election, tmp / "wb"), "tester").ok
    return path


@pytest.fixture
def dpr(dpr_file, tmp_path):
    shutil.copy(dpr_file, tmp_path / "dpr.sqlite")
    with Workspace.open(tmp_path / "dpr.sqlite") as ws:
        yield ws


def test_the_dpr_certificate_is_printed_per_dapil(dpr):
    set_witness(dpr, "tester", 3, "Bambang Wuryanto", "refused")
    r = render(dpr, ["sertifikat"], now=NOW)
    assert [x.title for x in r.parts][:2] == [
        "D.HASIL PROV-DPR Sertifikat rekapitulasi tingkat provinsi dapil 3301 JAWA TENGAH I",
        "D.HASIL PROV-DPR Sertifikat rekapitulasi tingkat provinsi dapil 3302 JAWA TENGAH II"]
    assert len(r.parts) == 10 and all("DRAF" in x.marks for x in r.parts)
    pages = texts(r.pdf)
    first = r.parts[0].pages
    dapil1 = " ".join(pages[:first])
    assert "DAERAH PEMILIHAN JAWA TENGAH I" in dapil1 and "33.74 KOTA SEMARANG" in dapil1 and "JUMLAH DAPIL" in dapil1
    assert "ALAMUDIN DIMYATI ROIS" in dapil1 and "86.016" in dapil1  # PKB's candidate 1, the dapil total
    assert "646.141 ENAM RATUS EMPAT PULUH ENAM RIBU SERATUS EMPAT PULUH SATU" in dapil1  # PDIP's total in words
    assert "SAKSI PARTAI POLITIK" in dapil1 and "Partai nomor 24: Ummat" in dapil1
    assert "Bambang Wuryanto HADIR, MENOLAK MENANDATANGANI" in dapil1
    assert "JAWA TENGAH II" not in dapil1.replace("JAWA TENGAH III", "")


def test_one_dapil_and_an_unknown_dapil(dpr, tmp_path):
    r = print_documents(dpr, "tester", tmp_path / "d.pdf", ["sertifikat", "rekapitulasi"], now=NOW, dapil="3310")
    assert [x.title.rsplit(" ", 1)[-1] for x in r.parts] == ["X", "3310"]
    row = dpr.conn.execute("SELECT after FROM audit WHERE action = 'document.print'").fetchone()[0]
    assert '"dapil": "3310"' in row
    with pytest.raises(DocumentError) as exc:
        render(dpr, ["sertifikat"], dapil="3399")
    assert exc.value.code == "unknown_district"


def test_the_minutes_hold_every_dapil(dpr):
    pages = texts(render(dpr, ["berita_acara"], now=NOW).pdf)
    text = " ".join(pages)
    assert "Daerah pemilihan 3301 JAWA TENGAH I (8 kursi; sertifikat 4 dari 4 kabupaten/kota)" in text
    assert "Daerah pemilihan 3310 JAWA TENGAH X (7 kursi" in text


def test_the_dpr_seat_calculation_is_marked_as_one(dpr):
    r = render(dpr, ["penetapan_kursi"], now=NOW)
    part = r.parts[0]
    assert part.marks == ("PERHITUNGAN",) and "bukan penetapan" in part.title
    text = " ".join(texts(r.pdf))
    assert "PERHITUNGAN PEROLEHAN KURSI DAN CALON TERPILIH" in text and "DITETAPKAN OLEH KPU RI" in text
    assert "646.141 [1]" in text and "≈215.380,3333 [4]" in text  # PDIP's quotients in JAWA TENGAH I
    assert "PDI PERJUANGAN 23" in text.upper() or "PARTAI DEMOKRASI INDONESIA PERJUANGAN 23" in text


def test_a_pair_contest_has_no_seat_document(demo_ws):
    with pytest.raises(DocumentError) as exc:
        render(demo_ws, ["penetapan_kursi"])
    assert exc.value.code == "no_seats"
    assert "penetapan_kursi" not in [x.name for x in render(demo_ws, now=NOW).parts]


# ----------------------------------------------------------------- DPRD Provinsi: the office decides
@pytest.fixture(scope="module")
def dprd_file(tmp_path_factory):
    """A DPRD Provinsi workspace: a synthetic DCT, the 35 certificates stored and adopted."""
    tmp = tmp_path_factory.mktemp("dprd")
    path = tmp / "dprd.sqlite"
    with Workspace.create(path, "dprd-provinsi-2024-jateng", actor="tester") as ws:
        dct.import_dct(ws, write_csv_rows(tmp / "dct.csv", dprd_dct_rows(ws.election)), "tester")
        for i, r in enumerate(ws.regencies()):
            cols, values = synthetic_certificate(ws.election.form_of_region(r.kode),
                                                 [k.kode for k in ws.columns_of(r.kode)], seed=i)
            certificate.record_revision(ws, r.kode, cols, values, actor="operator")
            certificate.adopt(ws, r.kode, "ketua")
    return path


@pytest.fixture
def dprd(dprd_file, tmp_path):
    shutil.copy(dprd_file, tmp_path / "dprd.sqlite")
    with Workspace.open(tmp_path / "dprd.sqlite") as ws:
        yield ws


def test_dprd_seats_are_adopted_locked_and_printed(dprd):
    res = allocation.compute(dprd)
    assert res.decision and res.complete and sum(res.seats_by_party().values()) == 120
    assert allocation.can_adopt(dprd, "ketua").allowed
    a = allocation.adopt(dprd, "ketua")
    assert a["sha256"] == res.sha256 and allocation.adoption(dprd)["by"] == "ketua"
    with pytest.raises(Exception) as exc:
        allocation.replace(dprd, "33-10", 3, 1, "meninggal_dunia", "surat", "ketua")
    assert getattr(exc.value, "code", "") == "seats_adopted"
    r = render(dprd, ["penetapan_kursi"], now=NOW)
    part = r.parts[0]
    assert "DRAF" not in part.marks and part.title.startswith("KEPUTUSAN KPU PROVINSI TENTANG PENETAPAN")
    text = " ".join(texts(r.pdf))
    assert "KEPUTUSAN PENETAPAN PEROLEHAN KURSI PARTAI POLITIK DAN PENETAPAN CALON TERPILIH" in text
    assert "DAERAH PEMILIHAN 33-10 JAWA TENGAH 10 — 11 KURSI" in text
    allocation.reopen(dprd, "ketua", "koreksi sertifikat Kebumen")
    assert allocation.adoption(dprd) is None
    assert "DRAF" in render(dprd, ["penetapan_kursi"], now=NOW).parts[0].marks
    actions = [a for (a,) in dprd.conn.execute("SELECT action FROM audit WHERE action LIKE 'seats.%' ORDER BY id")]
    assert actions == ["seats.adopt", "seats.reopen"]


def test_dprd_adoption_waits_for_every_certificate(dprd):
    certificate.reopen(dprd, "33.01", "ketua", "periksa ulang")
    ans = allocation.can_adopt(dprd, "ketua")
    assert not ans.allowed and ans.code == "not_all_adopted"
    assert "1 sertifikat kabupaten/kota belum ditetapkan (misalnya 33.01)" in ans.reason


def test_the_dpd_certificate(tmp_path):
    from test_dct import DPD_NUMBERS

    with Workspace.create(tmp_path / "dpd.sqlite", "dpd-2024-jateng", actor="tester") as dpd:
        dct.number_candidates(dpd, dct.parse_numbers(DPD_NUMBERS), "tester")
        form = dpd.election.form
        for i, r in enumerate(dpd.regencies()[:2]):
            kec = [k.kode for k in dpd.columns_of(r.kode)]
            values = {k: {form.total_key(c): 100 * c.nomor + i for c in form.contestants} for k in kec}
            for v in values.values():
                v["suara_sah"] = sum(v[form.total_key(c)] for c in form.contestants)
            values["JUMLAH"] = {key: sum(values[k][key] for k in kec) for key in values[kec[0]]}
            certificate.record_revision(dpd, r.kode, kec + ["JUMLAH"], values, actor="tester")
        r = render(dpd, ["sertifikat", "penetapan_kursi"], now=NOW)
        text = " ".join(texts(r.pdf))
        assert "Calon nomor urut 11: Taj Yasin" in text and "SAKSI CALON PERSEORANGAN" in text
        assert r.parts[1].marks == ("PERHITUNGAN",)
        res = allocation.compute(dpd)
        elected = [c.nama for c in res.districts[0].parties[0].elected.elected]
        assert elected == ["Taj Yasin", "Muhdi", "Lamaatus Shobah Dimyati Rois", "Kodirin"]
