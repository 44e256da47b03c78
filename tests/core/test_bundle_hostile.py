"""Bundles: the hostile tester's findings (missing JUMLAH, English schema texts, control
characters, malformed findings, the figure bound, output paths, verify's exit status)."""

from __future__ import annotations

import json
import os

import pytest
from test_bundle_helpers import db_hash, fix_hashes, members, repack

from recap_app.core.bundle import export, importer, keys, schema
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.demo import make_demo
from recap_app.core.domain import JUMLAH
from recap_app.core.importer import numbers
from recap_app.core.outputs import OutputError
from recap_app.core.store import Workspace


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


# ------------------------------------------------------------------ 2. Indonesian messages
def test_schema_violations_are_named_in_indonesian_with_member_path_and_expectation(target, origin, tmp_path):
    def short_date(d):
        _cert(d, "33.01")["revisions"][0]["created_at"] = "kemarin"
    path = repack(origin["b1"], tmp_path / "a.zip", origin["ident"], data_fn=short_date)
    assert refused(target, path, "bad_data") == (
        "Bundel a.zip ditolak: data.json tidak sesuai skema: di $.certificates[0].revisions[0].created_at: teks "
        '"kemarin" terlalu pendek (7 karakter); diharapkan paling sedikit 10 karakter.')

    def negative(m):
        m["sequence"] = -1
    path = repack(origin["b1"], tmp_path / "b.zip", origin["ident"], manifest_fn=negative)
    assert refused(target, path, "bad_manifest") == (
        "Bundel b.zip ditolak: manifest.json tidak sesuai skema: di $.sequence: nilai -1 terlalu kecil; "
        "diharapkan paling kecil 1.")

    def no_version(m):
        del m["format_version"]
    path = repack(origin["b1"], tmp_path / "c.zip", origin["ident"], manifest_fn=no_version)
    assert refused(target, path, "bad_manifest") == (
        "Bundel c.zip ditolak: manifest.json tidak sesuai skema: di $: kunci wajib 'format_version' tidak ada.")

    path = repack(origin["b1"], tmp_path / "d.zip", origin["ident"], raw_data=b"[1, 2, 3]")
    assert refused(target, path, "bad_data") == (
        "Bundel d.zip ditolak: data.json tidak sesuai skema: di $: ditemukan daftar (array) [1, 2, 3]; "
        "diharapkan objek.")

    def extra_and_enum(m):
        m["sender"]["tier"] = "desa"
        m["warna"] = "merah"
    path = repack(origin["b1"], tmp_path / "e.zip", origin["ident"], manifest_fn=extra_and_enum)
    msg = refused(target, path, "bad_manifest")
    assert "di $: kunci tak dikenal 'warna'; kunci yang diperbolehkan: base_sequence, chain_head, contents" in msg
    assert ('di $.sender.tier: nilai "desa" tidak dikenal; diharapkan salah satu dari "nasional", "provinsi", '
            '"kabupaten_kota", "kecamatan"') in msg

    def bad_figure(d):
        _cert(d, "33.01")["revisions"][0]["values"]["33.01.01"]["paslon_1"] = -5
    path = repack(origin["b1"], tmp_path / "f.zip", origin["ident"], data_fn=bad_figure)
    assert refused(target, path, "bad_data") == (
        "Bundel f.zip ditolak: data.json tidak sesuai skema: di "
        '$.certificates[0].revisions[0].values["33.01.01"].paslon_1: ditemukan -5; diharapkan bilangan bulat 0 '
        "sampai 999.999.999 atau null (kosong).")
    for p in tmp_path.glob("*.zip"):
        assert "is not" not in (m := _message(target, p)) and "required property" not in m and "less than" not in m


def _message(ws, path) -> str:
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(ws, path, "penerima")
    return exc.value.message


def test_duplicate_key_and_count_mismatch_are_said_in_words(target, origin, tmp_path):
    path = repack(origin["b1"], tmp_path / "dup.zip", origin["ident"],
                  raw_data=b'{"audit": [], "audit": []}')
    assert refused(target, path, "bad_data") == (
        "Bundel dup.zip ditolak: data.json bukan JSON yang sah: kunci 'audit' muncul dua kali dalam satu objek; "
        "setiap kunci hanya boleh muncul sekali.")
    path = repack(origin["b1"], tmp_path / "broken.zip", origin["ident"], raw_data=b'{"audit": [}')
    assert refused(target, path, "bad_data") == (
        "Bundel broken.zip ditolak: data.json bukan JSON yang sah: rusak di baris 1 kolom 12.")

    def miscount(m):
        m["contents"]["certificates"] = 34
        m["contents"]["result"] = False
    path = repack(origin["b1"], tmp_path / "n.zip", origin["ident"], manifest_fn=miscount)
    assert refused(target, path, "bad_data") == (
        "Bundel n.zip ditolak: ringkasan isi di manifest tidak cocok dengan data.json (jumlah sertifikat: manifest "
        "mencatat 34, data.json memuat 35; hasil rekap kantor: manifest mencatat tidak ada, data.json ada).")


# ------------------------------------------------------------------ 3. control characters
def test_control_characters_in_text_are_refused(target, origin, tmp_path):
    def esc_author(d):
        _cert(d, "33.01")["revisions"][0]["created_by"] = "petugas\x1b[2J"
    path = repack(origin["b1"], tmp_path / "esc.zip", origin["ident"], data_fn=esc_author)
    assert refused(target, path, "bad_data") == (
        "Bundel esc.zip ditolak: data.json tidak sesuai skema: di $.certificates[0].revisions[0].created_by: teks "
        "memuat karakter kendali U+001B; diharapkan teks biasa tanpa karakter kendali.")

    def nul_office(m):
        m["sender"]["office_name"] = "KPU\x00Jateng"
    path = repack(origin["b1"], tmp_path / "nul.zip", origin["ident"], manifest_fn=nul_office)
    assert refused(target, path, "bad_manifest") == (
        "Bundel nul.zip ditolak: manifest.json tidak sesuai skema: di $.sender.office_name: teks memuat karakter "
        "kendali U+0000; diharapkan teks biasa tanpa karakter kendali.")

    def nul_in_reason(d):
        _cert(d, "33.01")["revisions"][0]["reason"] = "salah ketik\x00"
    path = repack(origin["b1"], tmp_path / "r.zip", origin["ident"], data_fn=nul_in_reason)
    assert refused(target, path, "bad_data") == (
        "Bundel r.zip ditolak: data.json tidak sesuai skema: di $.certificates[0].revisions[0].reason: teks memuat "
        "karakter kendali U+0000; diharapkan teks biasa tanpa karakter kendali (di teks bebas hanya baris baru dan "
        "tab yang boleh).")


def test_newline_and_tab_are_allowed_in_a_reason_only(target, origin, tmp_path):
    def multiline(d):
        _cert(d, "33.01")["revisions"][0]["reason"] = "baris satu\n\tbaris dua"
    path = repack(origin["b1"], tmp_path / "ok.zip", origin["ident"], data_fn=multiline)
    assert importer.import_bundle(target, path, "penerima").status == "imported"
    assert target.revisions("33.01")[0].reason == "baris satu\n\tbaris dua"

    def newline_author(d):
        _cert(d, "33.01")["revisions"][0]["created_by"] = "petugas\nlain"
    path = repack(origin["b1"], tmp_path / "nl.zip", origin["ident"], data_fn=newline_author)
    assert "created_by: teks memuat karakter kendali U+000A" in _message(target, path)


# ------------------------------------------------------------------ 4. findings have a shape
def test_a_finding_without_its_documented_keys_is_refused(target, origin, tmp_path):
    def junk(d):
        d["findings"] = [{"x": 1}]
    path = repack(origin["b1"], tmp_path / "x.zip", origin["ident"], data_fn=junk)
    assert refused(target, path, "bad_data") == (
        "Bundel x.zip ditolak: data.json tidak sesuai skema: di $.findings[0]: kunci wajib 'key', 'code', "
        "'severity', 'region', 'column', 'columns', 'field', 'expected', 'actual', 'message', 'explanation', "
        "'override' tidak ada.")


def test_a_finding_with_a_wrong_type_or_key_is_refused(target, origin, tmp_path):
    good = {"key": "F.201|33.01|JUMLAH|suara_sah", "code": "F.201", "severity": "error", "region": "33.01",
            "column": "JUMLAH", "columns": [], "field": "suara_sah", "expected": 10, "actual": 11,
            "message": "selisih", "explanation": None, "override": None}

    def bad_severity(d):
        d["findings"] = [{**good, "severity": "parah", "explanation": {"text": "x"}}]
    path = repack(origin["b1"], tmp_path / "s.zip", origin["ident"], data_fn=bad_severity)
    assert refused(target, path, "bad_data") == (
        "Bundel s.zip ditolak: data.json tidak sesuai skema: di $.findings[0].severity: nilai \"parah\" tidak "
        "dikenal; diharapkan salah satu dari \"error\", \"warning\"; di $.findings[0].explanation: nilai "
        "{\"text\": \"x\"} tidak sesuai bentuk yang diharapkan skema (aturan oneOf).")

    def other_key(d):
        d["findings"] = [{**good, "key": "F.201|33.02|JUMLAH|suara_sah"}]
    path = repack(origin["b1"], tmp_path / "k.zip", origin["ident"], data_fn=other_key)
    assert refused(target, path, "bad_data") == (
        "Bundel k.zip ditolak: data.json tidak sesuai skema: di $.findings[0].key: kunci temuan "
        "\"F.201|33.02|JUMLAH|suara_sah\"; diharapkan \"F.201|33.01|JUMLAH|suara_sah\" (kode|wilayah|kolom|isian).")


# ------------------------------------------------------------------ 5. the figure bound
def test_figure_bound_is_the_spreadsheet_importers():
    from recap_app.core import domain, tps_import
    from recap_app.ui import fmt

    assert domain.MAX_FIGURE == schema.MAX_FIGURE == numbers.MAX_FIGURE == tps_import.MAX_FIGURE == fmt.MAX_FIGURE \
        == 999_999_999
    assert schema.load_schema()["$defs"]["figure"]["maximum"] == 999_999_999


@pytest.mark.parametrize("fast", [True, False])
def test_a_billion_is_refused_and_the_bound_itself_accepted(origin, fast):
    data = json.loads(dict(members(origin["b1"]))["data.json"])
    rev = _cert(data, "33.01")["revisions"][0]
    rev["values"][JUMLAH]["dpt"] = 999_999_999
    assert schema.schema_errors(data, "data", fast=fast) == []
    rev["values"][JUMLAH]["dpt"] = 1_000_000_000
    errors = schema.schema_errors(data, "data", fast=fast)
    assert errors == [
        "di $.certificates[0].revisions[0].values.JUMLAH.dpt: ditemukan 1000000000; diharapkan bilangan bulat 0 "
        "sampai 999.999.999 atau null (kosong)" if fast else
        "di $.certificates[0].revisions[0].values.JUMLAH.dpt: nilai 1000000000 terlalu besar; diharapkan paling "
        "besar 999999999"]


def test_a_billion_in_a_signed_bundle_is_refused(target, origin, tmp_path):
    def billion(d):
        _cert(d, "33.05")["revisions"][0]["values"][JUMLAH]["dpt"] = 1_000_000_000
        fix_hashes(d)
    path = repack(origin["b1"], tmp_path / "g.zip", origin["ident"], data_fn=billion)
    assert refused(target, path, "bad_data") == (
        "Bundel g.zip ditolak: data.json tidak sesuai skema: di $.certificates[4].revisions[0].values.JUMLAH.dpt: "
        "ditemukan 1000000000; diharapkan bilangan bulat 0 sampai 999.999.999 atau null (kosong).")


# ------------------------------------------------------------------ 6. output paths
def _export_refused(ws, out, ident) -> str:
    before = db_hash(ws)
    with pytest.raises(OutputError) as exc:
        export.export_bundle(ws, out, "penerima", identity=ident)
    assert exc.value.code == "bad_output"
    assert db_hash(ws) == before
    return exc.value.message


def test_export_never_replaces_the_workspace_a_device_or_a_database(target, origin, tmp_path):
    ident = origin["ident"]
    ws_bytes = target.path.read_bytes()
    assert _export_refused(target, target.path, ident) == (
        f"Berkas keluaran {target.path} adalah ruang kerja itu sendiri; pilih nama berkas lain. Tidak ada yang ditulis.")
    assert target.path.read_bytes() == ws_bytes
    wal = target.path.with_name(target.path.name + "-wal")
    assert "adalah ruang kerja itu sendiri" in _export_refused(target, wal, ident)
    link = tmp_path / "tautan.zip"
    link.symlink_to(target.path)
    assert "adalah ruang kerja itu sendiri" in _export_refused(target, link, ident)
    assert target.path.read_bytes() == ws_bytes and link.is_symlink()

    assert _export_refused(target, "/dev/null", ident) == (
        "Berkas keluaran /dev/null adalah bukan berkas biasa (perangkat atau pipa); diharapkan nama berkas baru "
        "atau berkas biasa. Tidak ada yang ditulis.")
    fifo = tmp_path / "pipa.zip"
    os.mkfifo(fifo)
    assert "bukan berkas biasa" in _export_refused(target, fifo, ident)
    assert "adalah folder" in _export_refused(target, tmp_path, ident)

    other = tmp_path / "lain.sqlite"
    Workspace.create(other, "pilpres-2019-jateng", actor="x").close()
    other_bytes = other.read_bytes()
    assert _export_refused(target, other, ident) == (
        f"Berkas keluaran {other} adalah basis data SQLite (ruang kerja atau cadangan); berkas itu tidak ditimpa. "
        "Pilih nama berkas lain.")
    assert other.read_bytes() == other_bytes

    ordinary = tmp_path / "lama.zip"
    ordinary.write_bytes(b"bundel lama")
    assert export.export_bundle(target, ordinary, "penerima", identity=ident).path == ordinary
    assert ordinary.read_bytes()[:2] == b"PK"


def test_cli_export_to_the_workspace_exits_1(target, origin, tmp_path, monkeypatch):
    from click.testing import CliRunner

    from recap_app.cli import main

    monkeypatch.setenv("RECAP_USER", "penerima")
    key = tmp_path / "k.pem"
    keys.load_identity(key)
    path = target.path
    target.close()
    before = path.read_bytes()
    r = CliRunner().invoke(main, ["bundle", "export", "--db", str(path), "--out", str(path), "--key", str(key)])
    assert (r.exit_code, r.output) == (
        1, f"Galat: Berkas keluaran {path} adalah ruang kerja itu sendiri; pilih nama berkas lain. "
           "Tidak ada yang ditulis.\n")
    assert path.read_bytes() == before


GOOD_FINDING = {"key": "F.201|33.01|JUMLAH|suara_sah", "code": "F.201", "severity": "warning", "region": "33.01",
                "column": "JUMLAH", "columns": ["33.01.01"], "field": "suara_sah", "expected": 10, "actual": None,
                "message": "selisih", "difference": None, "resolved": True,
                "explanation": {"text": "baris\nbaru", "by": "ketua", "at": "2019-05-20T10:00:00"}, "override": None}


@pytest.mark.parametrize("change", [
    {}, {"severity": "fatal"}, {"code": "F201"}, {"region": "3301"}, {"columns": [1]}, {"expected": True},
    {"expected": 1.5}, {"explanation": {"text": "x", "by": "k"}}, {"override": {"text": "x", "by": "k", "at": "x" * 10}},
    {"message": "m" * 5001}, {"key": ""}, {"field": None}])
def test_quick_finding_check_is_never_looser_than_the_schema(change):
    f = {**GOOD_FINDING, **change}
    schema_ok = not list(schema.validator("finding").iter_errors(f))
    assert schema._finding_ok(f) <= schema_ok
    assert schema._finding_ok(f) == (change == {})
