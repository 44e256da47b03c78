"""Findings refreshed across an import batch (core/reconcile.py ``batch``) equal a full recompute.

The 35 real Pilpres 2019 Jawa Tengah certificates imported in one ``import_files`` call (the
batch: the province set's inputs of the regencies checked before are read once) must leave
exactly the finding rows that importing them one file at a time without the batch leaves, and
the pure evaluation over the whole workspace (:func:`check_workspace`) must agree with both;
the same after a second batch that changes three regencies (incremental: only those recomputed).
"""

import copy

import pytest
from fixtures_import import db1_grid, regency_args, write_xlsx

from recap_app.core import reconcile
from recap_app.core.demo import real_certificates
from recap_app.core.domain import JUMLAH
from recap_app.core.importer import import_bytes, import_files
from recap_app.core.store import Workspace

CHANGED = ("33.02", "33.19", "33.74")  # Banyumas, Kudus, Kota Salatiga


@pytest.fixture(scope="module")
def books(tmp_path_factory):
    """(the 35 real workbooks, the same with three regencies' figures changed)."""
    out = tmp_path_factory.mktemp("buku")
    certs = real_certificates("rekap")
    first, second = [], []
    with Workspace.create(out / "build.sqlite", "pilpres-2019-jateng", actor="tester") as ws:
        for kode in certs:
            title, columns, values = regency_args(ws, kode, certs)
            first.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
            if kode in CHANGED:  # a typing fault in the first kecamatan: paslon_1 off by 1.000, JUMLAH as before
                values = copy.deepcopy(values)
                values[columns[0][0]]["paslon_1"] += 1000
                second.append(write_xlsx(out / f"{kode}-b.xlsx", [db1_grid(ws.election, title, columns, values)]))
    return first, second


def rows(ws):
    """Every stored finding as comparable values (the revision by region and number, not by id)."""
    return sorted(ws.conn.execute(
        """SELECT f.scope, c.region_kode, r.number, f.key, f.code, f.severity, f.region, f.kolom, f.field,
                  f.expected, f.actual, f.message, f.columns, f.rules_version
           FROM finding f LEFT JOIN revision r ON r.id = f.revision_id
           LEFT JOIN certificate c ON c.id = r.certificate_id"""), key=repr)


def evaluated(ws):
    return sorted((f.code, f.region, f.column, f.field, f.expected, f.actual, f.message)
                  for f in reconcile.check_workspace(ws))


def stored_findings(ws):
    return sorted((f.code, f.region, f.column, f.field, f.expected, f.actual, f.message)
                  for f in reconcile.findings(ws))


def test_batch_equals_file_by_file_and_full_recompute(tmp_path, books):
    first, second = books
    batched = Workspace.create(tmp_path / "a.sqlite", "pilpres-2019-jateng", actor="tester")
    single = Workspace.create(tmp_path / "b.sqlite", "pilpres-2019-jateng", actor="tester")
    try:
        for files in (first, second + [first[0], first[4]]):  # the second batch: three changed, two unchanged
            report = import_files(batched, files, "tester")
            for path in files:  # the same files without the batch, each with a fresh context
                rep = import_bytes(single, path.name, path.read_bytes(), "tester")
                assert rep.status in ("diterima", "sudah ada"), rep.message
            assert [f.status for f in report.files].count("diterima") == (35 if files is first else 3)
            assert rows(batched) == rows(single)
            assert stored_findings(batched) == evaluated(batched)
            assert reconcile.stale_regions(batched) == []
        # the changed regencies carry the typing fault: the pairs no longer sum to suara_sah in the
        # first kecamatan (F.201), and JUMLAH no longer sums the kecamatan (F.501; Kota Semarang's is real)
        found = reconcile.findings(batched)
        assert {(f.region, f.column) for f in found if f.code == "F.201"} == {(k, f"{k}.01") for k in CHANGED}
        assert {f.region for f in found if f.code == "F.501" and f.column == JUMLAH} == {*CHANGED, "33.74", "33.75"}
    finally:
        batched.close()
        single.close()
