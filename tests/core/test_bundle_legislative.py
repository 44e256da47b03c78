"""Bundles of legislative workspaces: export → verify → import round-trips the DPR certificates (each
read through its dapil's form) and the DPRD Provinsi certificates of a loaded DCT."""

from __future__ import annotations

import pytest
from fixtures_legislative import dprd_dct_rows, synthetic_certificate, write_csv_rows, write_dpr_workbooks

from recap_app.core import allocation, certificate, dct
from recap_app.core.bundle import export, importer, verify
from recap_app.core.domain import JUMLAH
from recap_app.core.importer import import_files
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals


@pytest.fixture
def dpr(tmp_path):
    with Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester") as ws:
        paths = write_dpr_workbooks(ws.election, tmp_path / "wb")
        assert import_files(ws, paths[:6], "tester").ok  # Cilacap ... Purbalingga ... (three dapils)
        yield ws


def test_a_dpr_bundle_round_trips(dpr, tmp_path):
    r = export.export_bundle(dpr, tmp_path / "dpr.zip", "tester")
    assert (r.certificates, r.revisions) == (6, 6)
    vb = verify.verify_bundle(r.path)
    assert vb.manifest["election_id"] == "dpr-2024-jateng"
    with Workspace.create(tmp_path / "copy.sqlite", "dpr-2024-jateng", actor="penerima") as target:
        res = importer.import_bundle(target, r.path, "penerima", accept_key=True)
        assert res.status == "imported" and len(res.added) == 6 and res.conflicts == []
        assert province_totals(target) == province_totals(dpr)
        mine, theirs = target.latest_values(), dpr.latest_values()
        assert {k: v[0].content_sha256 for k, v in mine.items()} == {k: v[0].content_sha256 for k, v in theirs.items()}
        cilacap = mine["33.01"][1][JUMLAH]  # JAWA TENGAH VIII: its own parties' candidate keys
        assert "partai_3_calon_8" in cilacap and cilacap["partai_3_jumlah"] == theirs["33.01"][1][JUMLAH]["partai_3_jumlah"]
        assert allocation.compute(target).to_dict()["dapil"] == allocation.compute(dpr).to_dict()["dapil"]


def test_a_dprd_bundle_needs_the_same_candidate_list(tmp_path):
    rows = dprd_dct_rows(Workspace.create(tmp_path / "x.sqlite", "dprd-provinsi-2024-jateng", actor="t").election)
    path = write_csv_rows(tmp_path / "dct.csv", rows)
    with Workspace.create(tmp_path / "dprd.sqlite", "dprd-provinsi-2024-jateng", actor="tester") as ws:
        dct.import_dct(ws, path, "tester")
        cols, values = synthetic_certificate(ws.election.form_of_region("33.03"), [k.kode for k in ws.columns_of("33.03")])
        certificate.record_revision(ws, "33.03", cols, values, actor="tester")
        r = export.export_bundle(ws, tmp_path / "dprd.zip", "tester")
        with Workspace.create(tmp_path / "n.sqlite", "dprd-provinsi-2024-jateng", actor="penerima") as bare:
            with pytest.raises(Exception) as exc:  # no DCT here: the candidates' figures have no field
                importer.import_bundle(bare, r.path, "penerima", accept_key=True)
            assert getattr(exc.value, "code", "") == "bad_data" and "_calon_1' tidak ada pada formulir" in str(exc.value)
            assert bare.conn.execute("SELECT COUNT(*) FROM revision").fetchone()[0] == 0
        with Workspace.create(tmp_path / "t.sqlite", "dprd-provinsi-2024-jateng", actor="penerima") as target:
            dct.import_dct(target, path, "penerima")
            res = importer.import_bundle(target, r.path, "penerima", accept_key=True)
            assert res.status == "imported" and len(res.added) == 1
            got = target.latest_values()["33.03"][1][JUMLAH]
            assert got["partai_3_calon_2"] == values[JUMLAH]["partai_3_calon_2"]
