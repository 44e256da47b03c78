"""Bundles: the hostile tester's findings (missing JUMLAH, English schema texts, control
characters, malformed findings, the figure bound, output paths, verify's exit status)."""

from __future__ import annotations

import pytest
from test_bundle_helpers import db_hash, fix_hashes, repack

from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.demo import make_demo
from recap_app.core.store import JUMLAH, Workspace


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A province workspace with real figures, its key and one full bundle."""
    d = tmp_path_factory.mktemp("hostile")
    ident = keys.load_identity(d / "provinsi.pem")
    ws = make_demo(d / "demo.sqlite", actor="tester")
    b1 = export.export_bundle(ws, d / "b1.zip", "tester", identity=ident).path
    ws.close()
    return {"ident": ident, "b1": b1, "dir": d}


@pytest.fixture
def target(tmp_path, origin):
    w = Workspace.create(tmp_path / "target.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(w, origin["ident"].public_text, "33", "penerima")
    yield w
    w.close()


def refused(ws, path, code) -> str:
    """Import must raise BundleRefused(code) and leave the database exactly as it was."""
    before = db_hash(ws)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(ws, path, "penerima")
    assert exc.value.code == code, exc.value.message
    assert db_hash(ws) == before
    return exc.value.message


def _cert(data, kode):
    return next(c for c in data["certificates"] if c["region_kode"] == kode)


# ------------------------------------------------------------------ 1. JUMLAH column required
def test_signed_revision_without_jumlah_is_refused_naming_the_region(target, origin, tmp_path):
    def drop_jumlah(data):
        rev = _cert(data, "33.05")["revisions"][0]
        rev["columns"].remove(JUMLAH)
        del rev["values"][JUMLAH]
        fix_hashes(data)

    path = repack(origin["b1"], tmp_path / "j.zip", origin["ident"], data_fn=drop_jumlah)
    assert refused(target, path, "missing_jumlah") == (
        "Bundel j.zip ditolak: sertifikat 33.05 (Kabupaten Kebumen) revisi 1 tidak memuat kolom JUMLAH; setiap "
        "sertifikat yang diterima harus membawa kolom JUMLAH yang diserahkan wilayah itu. Minta kantor pengirim "
        "membuat ulang bundelnya.")
    assert target.revisions("33.05") == []
