"""Simulation mode (issue 8 §7): a training workspace is marked everywhere and never mixes with real data."""

import io
import json
import zipfile

import pytest
from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit, backup
from recap_app.core.demo import load_real_certificates
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals


def counts(ws):
    return tuple(ws.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("audit", "revision", "cell"))


@pytest.fixture
def sim(tmp_path):
    r = CliRunner().invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", str(tmp_path / "sim.sqlite"),
                                  "--simulation"])
    assert r.exit_code == 0, r.output
    w = Workspace.open(tmp_path / "sim.sqlite")
    load_real_certificates(w, "pelatih")
    yield w
    w.close()


@pytest.fixture
def real(tmp_path):
    w = Workspace.create(tmp_path / "resmi.sqlite", "pilpres-2019-jateng", actor="tester")
    load_real_certificates(w, "operator")
    yield w
    w.close()


def test_flag_is_stored_and_audited(sim, real):
    assert sim.simulation is True and real.simulation is False
    first = audit.query(sim, action="workspace.create")[0]
    assert first.after == {"election": "pilpres-2019-jateng", "simulation": True, "office": "33", "tingkat": "provinsi",
                           "workspace_id": sim.meta("workspace_id")}


def test_backup_and_restore_keep_the_mark(sim, tmp_path):
    info = backup.make_backup(sim, tmp_path / "sim-cadangan.sqlite", actor="pelatih")
    with Workspace.open(info.path, readonly=True) as copy:
        assert copy.simulation


def _export(ws, out):
    from recap_app.core.bundle import export

    return export.export_bundle(ws, out, "ketua", full=True)


def test_simulation_bundle_is_marked(sim, tmp_path):
    r = _export(sim, tmp_path / "sim.zip")
    with zipfile.ZipFile(io.BytesIO(r.path.read_bytes())) as zf:
        assert json.loads(zf.read("manifest.json"))["simulation"] is True


@pytest.mark.parametrize("direction", ["simulasi ke resmi", "resmi ke simulasi"])
def test_bundles_never_cross_modes(sim, real, tmp_path, direction):
    from recap_app.core.bundle import format as fmt
    from recap_app.core.bundle import importer

    src, dst = (sim, real) if direction == "simulasi ke resmi" else (real, sim)
    bundle = _export(src, tmp_path / "paket.zip").path
    before = counts(dst)
    with pytest.raises(fmt.BundleRefused) as ei:
        importer.import_bundle(dst, bundle, "operator", accept_key=True)
    assert ei.value.code == "simulation_mismatch"
    what, here = (("data SIMULASI", "ruang kerja resmi") if direction == "simulasi ke resmi"
                  else ("data resmi", "ruang kerja simulasi"))
    assert f"bundel berisi {what} tetapi ini {here}; keduanya tidak boleh bercampur." in ei.value.message
    assert counts(dst) == before


def test_same_mode_bundle_goes_through(sim, tmp_path):
    from recap_app.core.bundle import importer

    bundle = _export(sim, tmp_path / "latihan.zip").path
    other = Workspace.create(tmp_path / "sim2.sqlite", "pilpres-2019-jateng", actor="x", simulation=True)
    result = importer.import_bundle(other, bundle, "operator", accept_key=True)
    assert result.status == "imported"
    assert province_totals(other)["fields"]["paslon_1"] == 16825511
    other.close()


def test_documents_carry_simulasi_on_every_page(sim):
    import pypdf

    from recap_app.core import documents
    rendered = documents.render(sim, now="2019-05-21T10:00:00+00:00")
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    assert len(reader.pages) > 0
    assert all("SIMULASI" in page.extract_text() for page in reader.pages)


def test_real_documents_carry_no_simulasi(real):
    import pypdf

    from recap_app.core import documents
    rendered = documents.render(real, ["sertifikat"], now="2019-05-21T10:00:00+00:00")
    reader = pypdf.PdfReader(io.BytesIO(rendered.pdf))
    assert not any("SIMULASI" in page.extract_text() for page in reader.pages)
