"""Bundles over time: replay, older sequences, gaps, concurrent edits and conflicts, tiers (issue 6 §4, §5)."""

from __future__ import annotations

import json
import shutil

import pytest
from test_bundle_helpers import db_hash, repack

from recap_app.core import certificate
from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.certificate import statuses
from recap_app.core.demo import real_certificates
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import NotAllowed
from recap_app.core.formatting import number
from recap_app.core.store import Workspace, values_sha256
from recap_app.core.totals import province_totals


def change(ws: Workspace, kode: str, field: str, delta: int, actor: str = "tester") -> int:
    """A new revision of ``kode`` with JUMLAH ``field`` moved by ``delta``; returns the new value."""
    info = ws.latest_revision(kode)
    values = ws.revision_values(info.id)
    values[JUMLAH][field] = (values[JUMLAH][field] or 0) + delta
    certificate.record_revision(ws, kode, list(info.columns), values, actor=actor, reason="perbaikan")
    return values[JUMLAH][field]


@pytest.fixture
def target(tmp_path):
    w = Workspace.create(tmp_path / "target.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(w, keys.load_identity().public_text, "33", "penerima")
    yield w
    w.close()


@pytest.fixture
def three(demo_ws, tmp_path):
    """Bundles 1 (full), 2 (33.02 changed) and 3 (33.02 and 33.03 changed) from the demo workspace."""
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    change(demo_ws, "33.02", "paslon_1", 10)
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    change(demo_ws, "33.02", "paslon_1", 5)
    change(demo_ws, "33.03", "paslon_2", 7)
    b3 = export.export_bundle(demo_ws, tmp_path / "b3.zip", "tester").path
    return demo_ws, b1, b2, b3


def test_replayed_bundle_is_already_there(three, target):
    ws, b1, b2, b3 = three
    for b in (b1, b2, b3):
        assert importer.import_bundle(target, b, "penerima").status == "imported"
    assert province_totals(target) == province_totals(ws)
    before = db_hash(target)
    assert importer.import_bundle(target, b1, "penerima").status == "already"
    assert importer.import_bundle(target, b2, "penerima").status == "already"
    assert db_hash(target) == before


def test_older_sequence_never_imported_is_refused(three, target, tmp_path):
    ws, b1, b2, b3 = three
    importer.import_bundle(target, b1, "penerima")
    full = export.export_bundle(ws, tmp_path / "b4.zip", "tester", full=True).path  # number 4, base 0
    importer.import_bundle(target, full, "penerima")
    before = db_hash(target)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, b2, "penerima")
    assert exc.value.code == "older_sequence"
    assert exc.value.message == ("Bundel b2.zip ditolak: nomor urut 2 lebih lama dari bundel nomor 4 yang sudah "
                                 "diimpor dari KPU Provinsi Jawa Tengah; bundel lama tidak diputar ulang.")
    assert db_hash(target) == before


def test_bundles_are_taken_in_sequence_order_only(three, target):
    """Bundle 3 is built on bundle 2: without 2 the sender's audit records in it would be missing,
    so a break in the sender's chain could pass unseen. Refused; after 2 it goes in."""
    ws, b1, b2, b3 = three
    importer.import_bundle(target, b1, "penerima")
    before = db_hash(target)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, b3, "penerima")
    assert exc.value.code == "sequence_gap"
    assert exc.value.message == ("Bundel b3.zip ditolak: bundel nomor 3 dibuat di atas bundel nomor 2 dari KPU "
                                 "Provinsi Jawa Tengah yang belum pernah diimpor di sini; bundel diterima berurutan. "
                                 "Impor bundel yang hilang dulu, atau minta bundel lengkap (recap bundle export "
                                 "--full).")
    assert db_hash(target) == before
    importer.import_bundle(target, b2, "penerima")
    res = importer.import_bundle(target, b3, "penerima")
    assert res.added == {"33.02": 1, "33.03": 1} and res.conflicts == []
    assert province_totals(target) == province_totals(ws)


def test_same_sequence_with_other_content_is_refused(demo_ws, target, tmp_path):
    copy = tmp_path / "salinan.sqlite"
    demo_ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(demo_ws.path, copy)
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    importer.import_bundle(target, b1, "penerima")
    other = Workspace.open(copy)
    change(other, "33.10", "paslon_1", 1)
    b1x = export.export_bundle(other, tmp_path / "b1x.zip", "tester").path
    other.close()
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, b1x, "penerima")
    assert exc.value.code == "sequence_reused"


def test_concurrent_edits_are_listed_field_by_field_and_not_written(demo_ws, target, tmp_path):
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    importer.import_bundle(target, b1, "penerima")
    base = real_certificates()["33.01"][1][JUMLAH]["paslon_1"]
    theirs = change(demo_ws, "33.01", "paslon_1", 10)          # at the sender
    change(demo_ws, "33.04", "paslon_2", 3)                    # only at the sender
    ours = change(target, "33.01", "paslon_1", 5, "penerima")  # here, meanwhile
    ours_sha = target.latest_revision("33.01").content_sha256
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    res = importer.import_bundle(target, b2, "penerima")
    assert res.status == "imported" and res.added == {"33.04": 1}
    assert len(res.conflicts) == 1
    c = res.conflicts[0]
    assert (c.region_kode, c.reason) == ("33.01", "berubah di kedua sisi")
    assert c.fields == [{"kolom": JUMLAH, "field": "paslon_1", "base": base, "ours": ours, "theirs": theirs}]
    assert c.base_sha256 == target.revisions("33.01")[0].content_sha256
    assert target.latest_revision("33.01").content_sha256 == ours_sha  # nothing written for it
    assert res.lines()[-2:] == [
        "KONFLIK 33.01 (berubah di kedua sisi); belum ada yang ditulis untuknya. "
        "Pilih: recap bundle resolve 33.01 --keep theirs|ours",
        f"  JUMLAH paslon_1: dasar {number(base)}, di sini {number(ours)}, kiriman {number(theirs)}"]
    pending = importer.open_conflicts(target)
    assert [(p["region_kode"], p["sender"], p["sequence"]) for p in pending] == [("33.01", "33", 2)]
    # a person chooses the sender's version
    msg = importer.resolve_conflict(target, "33.01", "theirs", "penerima")
    assert msg == "Sertifikat 33.01: versi kiriman disimpan sebagai revisi baru."
    assert target.latest_revision("33.01").content_sha256 == demo_ws.latest_revision("33.01").content_sha256
    assert province_totals(target) == province_totals(demo_ws)
    assert importer.open_conflicts(target) == []
    with pytest.raises(importer.ConflictError) as exc:
        importer.resolve_conflict(target, "33.01", "ours", "penerima")
    assert exc.value.message == "Tidak ada konflik bundel terbuka untuk sertifikat 33.01."
    # the next bundle finds the two sides agreeing
    b3 = export.export_bundle(demo_ws, tmp_path / "b3.zip", "tester").path
    res3 = importer.import_bundle(target, b3, "penerima")
    assert res3.conflicts == [] and res3.added == {}


def test_keeping_ours_writes_no_revision(demo_ws, target, tmp_path):
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    change(demo_ws, "33.01", "paslon_1", 10)
    change(target, "33.01", "paslon_1", 5, "penerima")
    ours = target.latest_revision("33.01")
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path, "penerima")
    assert importer.resolve_conflict(target, "33.01", "ours", "penerima") == (
        "Sertifikat 33.01: versi di sini dipertahankan; versi kiriman tidak dipakai.")
    assert target.latest_revision("33.01") == ours
    rec = target.conn.execute("SELECT action, entity, after FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    assert rec[:2] == ("bundle.conflict_resolve", "certificate:33.01") and json.loads(rec[2])["keep"] == "ours"


def test_stale_conflict_cannot_be_resolved(demo_ws, target, tmp_path):
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    change(demo_ws, "33.01", "paslon_1", 10)
    change(target, "33.01", "paslon_1", 5, "penerima")
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path, "penerima")
    change(target, "33.01", "paslon_1", 1, "penerima")
    with pytest.raises(importer.ConflictError) as exc:
        importer.resolve_conflict(target, "33.01", "theirs", "penerima")
    assert exc.value.code == "stale_conflict"


def test_adopted_certificate_here_becomes_a_conflict(demo_ws, target, tmp_path):
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    rid = target.latest_revision("33.01").id
    with target.transaction():
        target.conn.execute("UPDATE certificate SET adopted_revision_id = ?, adopted_at = 'x', adopted_by = 'ketua' "
                            "WHERE region_kode = '33.01'", (rid,))
    theirs = change(demo_ws, "33.01", "paslon_1", 10)
    res = importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path, "penerima")
    assert [(c.region_kode, c.reason) for c in res.conflicts] == [("33.01", "sudah ditetapkan di sini")]
    assert res.conflicts[0].fields[0]["theirs"] == theirs
    assert target.latest_revision("33.01").id == rid
    with pytest.raises(NotAllowed):
        importer.resolve_conflict(target, "33.01", "theirs", "penerima")
    assert importer.open_conflicts(target)[0]["region_kode"] == "33.01"


def test_adoption_travels_with_the_revision(demo_ws, target, tmp_path):
    rid = demo_ws.latest_revision("33.07").id
    with demo_ws.transaction():
        demo_ws.conn.execute("UPDATE certificate SET adopted_revision_id = ?, adopted_at = '2019-05-04T10:00:00+07:00',"
                             " adopted_by = 'ketua' WHERE region_kode = '33.07'", (rid,))
    res = importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    assert res.adopted == ["33.07"]
    got = target.adoption("33.07")
    assert (got["revision_id"], got["at"], got["by"]) == (target.latest_revision("33.07").id,
                                                          "2019-05-04T10:00:00+07:00", "ketua")
    assert [r["status"] for r in statuses(target) if r["kode"] == "33.07"] == ["ditetapkan"]


# --------------------------------------------------------------------- tiers
def regency_office(tmp_path, kode: str = "33.01") -> Workspace:
    """A kabupaten/kota office's workspace for the same election: the tier is configuration."""
    path = tmp_path / f"kab-{kode}.sqlite"
    ws = Workspace.create(path, "pilpres-2019-jateng", actor="kab")
    raw = dict(ws.election.raw, tier="kabupaten_kota")
    with ws.transaction():
        ws.db["meta"].upsert({"key": "election", "value": json.dumps(raw)}, pk="key")
        ws.record("kab", "test.configure", "workspace", None, {"tier": "kabupaten_kota"})
    ws.close()
    ws = Workspace.open(path)  # the tier read again: the office code is checked against it
    ws.set_setting("office_code", kode, "kab")
    ws.set_setting("office_name", "KPU Kabupaten Cilacap", "kab")
    ws.close()
    ws = Workspace.open(path)
    # each kecamatan (PPK) certificate, reduced to its JUMLAH column
    cols, values = real_certificates()[kode]
    with ws.transaction():
        for kec in cols[:-1]:
            certificate.record_revision(ws, kec, [JUMLAH], {JUMLAH: values[kec]}, actor="kab")
    return ws


def test_regency_bundle_becomes_the_regency_certificate_at_the_province(tmp_path, target):
    kab_key = keys.load_identity(tmp_path / "cilacap.pem")
    kab = regency_office(tmp_path)
    assert kab.election.tier == "kabupaten_kota" and len(kab.regencies()) == 573
    r = export.export_bundle(kab, tmp_path / "cilacap.zip", "kab", identity=kab_key)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, r.path, "penerima")
    assert exc.value.code == "untrusted_key"
    keys.trust(target, kab_key.public_text, "33.01", "penerima", "KPU Kabupaten Cilacap")
    res = importer.import_bundle(target, r.path, "penerima")
    assert res.mode == "upstream" and res.added == {"33.01": 1}
    cols, values = real_certificates()["33.01"]
    info = target.latest_revision("33.01")
    assert list(info.columns) == cols
    got = target.revision_values(info.id)
    for kec in cols[:-1]:
        assert got[kec]["paslon_1"] == values[kec]["paslon_1"] and got[kec]["dpt_l"] == values[kec]["dpt_l"]
    assert got[JUMLAH]["paslon_1"] == sum(values[k]["paslon_1"] for k in cols[:-1]) == 775304
    assert got[JUMLAH]["suara_tidak_sah"] is None  # blank stays blank
    # a corrected PPK certificate at the regency arrives as the next revision here
    kec = cols[0]
    v = dict(values[kec], paslon_2=values[kec]["paslon_2"] + 4)
    certificate.record_revision(kab, kec, [JUMLAH], {JUMLAH: v}, actor="kab", reason="perbaikan PPK")
    r2 = export.export_bundle(kab, tmp_path / "cilacap2.zip", "kab", identity=kab_key)
    res2 = importer.import_bundle(target, r2.path, "penerima")
    assert res2.added == {"33.01": 1} and res2.conflicts == []
    assert target.revision_values(target.latest_revision("33.01").id)[kec]["paslon_2"] == values[kec]["paslon_2"] + 4
    kab.close()


def test_regency_bundle_against_a_paper_entry_here(tmp_path, target):
    kab_key = keys.load_identity(tmp_path / "cilacap.pem")
    keys.trust(target, kab_key.public_text, "33.01", "penerima")
    cols, values = real_certificates()["33.01"]
    kab = regency_office(tmp_path)
    bundle = export.export_bundle(kab, tmp_path / "c.zip", "kab", identity=kab_key).path
    kab.close()
    # the same figures typed from the paper DB1: the same content, nothing to do
    certificate.record_revision(target, "33.01", cols, values, actor="penerima", reason="diketik dari DB1 kertas")
    other = Workspace.create(tmp_path / "t2.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(other, kab_key.public_text, "33.01", "penerima")
    res = importer.import_bundle(target, bundle, "penerima")
    assert res.unchanged == ["33.01"] and res.conflicts == [] and res.added == {}
    # a typing slip in the paper entry: a conflict without a common base, field by field
    typo = {c: dict(v) for c, v in values.items()}
    typo[cols[2]]["paslon_1"] += 100
    certificate.record_revision(other, "33.01", cols, typo, actor="penerima", reason="diketik dari DB1 kertas")
    res = importer.import_bundle(other, bundle, "penerima")
    assert len(res.conflicts) == 1 and res.conflicts[0].base_sha256 is None
    assert res.conflicts[0].fields == [{"kolom": cols[2], "field": "paslon_1", "base": None,
                                        "ours": values[cols[2]]["paslon_1"] + 100,
                                        "theirs": values[cols[2]]["paslon_1"]}]
    other.close()


def test_bundle_from_an_unrelated_tier_is_refused(tmp_path, target):
    kab_key = keys.load_identity(tmp_path / "ri.pem")
    path = tmp_path / "kec.sqlite"
    ws = Workspace.create(path, "pilpres-2019-jateng", actor="kec")
    raw = dict(ws.election.raw, tier="nasional")
    with ws.transaction():
        ws.db["meta"].upsert({"key": "election", "value": json.dumps(raw)}, pk="key")
        ws.record("kec", "test.configure", "workspace", None, {"tier": "nasional"})
    ws.close()
    ws = Workspace.open(path)
    r = export.export_bundle(ws, tmp_path / "kec.zip", "kec", identity=kab_key)
    ws.close()
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, r.path, "penerima", accept_key=True)
    assert exc.value.code == "wrong_tier"
    assert exc.value.message == ("Bundel kec.zip ditolak: pengirim bertingkat nasional, ruang kerja ini bertingkat "
                                 "provinsi; yang diterima hanya bundel dari tingkat provinsi atau kabupaten_kota.")


def test_a_new_workspace_at_the_sender_starts_its_own_sequence(demo_ws, target, tmp_path):
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path, "penerima")
    # the office reinstalls and types the certificates again in a new workspace (same key)
    from recap_app.core.demo import make_demo

    fresh = make_demo(tmp_path / "baru.sqlite", actor="tester")
    change(fresh, "33.20", "paslon_1", 3)
    res = importer.import_bundle(target, export.export_bundle(fresh, tmp_path / "n1.zip", "tester").path, "penerima")
    assert (res.status, res.sequence, res.added, res.gap) == ("imported", 1, {"33.20": 1}, None)
    # every record before the export itself (the export, its signed head and the automatic backup come after)
    assert res.audit_records == fresh.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] - 3
    fresh.close()


def national_office(tmp_path) -> Workspace:
    """A KPU RI workspace for the same election (tier nasional), its region set holding province 33."""
    path = tmp_path / "ri.sqlite"
    ws = Workspace.create(path, "pilpres-2019-jateng", actor="ri")
    raw = dict(ws.election.raw, tier="nasional")
    with ws.transaction():
        ws.db["meta"].upsert({"key": "election", "value": json.dumps(raw)}, pk="key")
        ws.db["region"].insert({"kode": "33", "kode_induk": "00", "tingkat": "provinsi", "nama": "JAWA TENGAH",
                                "urutan": -1})
        ws.record("ri", "test.configure", "workspace", None, {"tier": "nasional"})
    ws.close()
    return Workspace.open(path)


def test_province_bundle_becomes_the_province_certificate_at_kpu_ri(demo_ws, tmp_path):
    ri = national_office(tmp_path)
    assert [r.kode for r in ri.regencies()] == ["33"]
    r = export.export_bundle(demo_ws, tmp_path / "prov.zip", "tester")
    res = importer.import_bundle(ri, r.path, "ri", accept_key=True)
    assert res.mode == "upstream" and res.added == {"33": 1}
    info = ri.latest_revision("33")
    assert list(info.columns) == [reg.kode for reg in demo_ws.regencies()] + [JUMLAH]
    got = ri.revision_values(info.id)
    province = province_totals(demo_ws)
    assert {k: got[JUMLAH][k] for k in ("paslon_1", "paslon_2", "dpt")} == {
        "paslon_1": 16825511, "paslon_2": 4944447, "dpt": province["fields"]["dpt"]}
    assert got["33.74"] == province["regencies"]["33.74"]
    assert province_totals(ri)["fields"] == province["fields"]
    ri.close()


@pytest.mark.parametrize("local, carried, history, expected", [
    ([], ["A"], ["A"], ("add", 0, None)),                                  # nothing here yet
    (["A"], ["A"], ["A"], ("same", 0, None)),
    (["A"], [], ["A"], ("none", 0, None)),
    (["A"], ["B", "C"], ["A", "B", "C"], ("add", 0, "A")),                 # fast-forward
    (["A", "B"], ["B", "C"], ["A", "B", "C"], ("add", 1, "B")),            # overlap: only C is new
    (["A"], ["C"], ["A", "B", "C"], ("add", 0, "A")),                      # a gap: B never arrived
    (["A", "B"], ["A"], ["A", "B", "A"], ("add", 0, "B")),                 # the sender reverted to A
    (["A", "B", "A"], ["B"], ["A", "B"], ("ours_newer", 0, None)),         # we reverted to A
    (["A", "B", "C"], ["B"], ["A", "B"], ("ours_newer", 0, None)),
    (["A", "X"], ["B"], ["A", "B"], ("conflict", 0, "A")),                 # both changed since A
    (["P"], ["B"], ["B"], ("conflict", 0, None)),                          # typed here from paper
    (["P", "B"], ["C"], ["B", "C"], ("add", 0, "B")),                      # after choosing theirs
])
def test_lineage_decisions(local, carried, history, expected):
    assert importer._lineage(local, [{"content_sha256": s} for s in carried], history) == expected


def test_regency_result_without_jumlah_is_refused(tmp_path, target):
    kab_key = keys.load_identity(tmp_path / "cilacap.pem")
    keys.trust(target, kab_key.public_text, "33.01", "penerima")
    kab = regency_office(tmp_path)
    good = export.export_bundle(kab, tmp_path / "cilacap.zip", "kab", identity=kab_key).path
    kab.close()

    def drop_jumlah(d):
        res = d["result"]
        res["columns"].remove(JUMLAH)
        del res["values"][JUMLAH]
        res["content_sha256"] = values_sha256(res["columns"], res["values"])
        res["history"][-1] = res["content_sha256"]
    path = repack(good, tmp_path / "tanpa.zip", kab_key, data_fn=drop_jumlah)
    before = db_hash(target)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, path, "penerima")
    assert (exc.value.code, exc.value.message) == ("missing_jumlah", (
        "Bundel tanpa.zip ditolak: hasil kantor 33.01 (Kabupaten Cilacap) tidak memuat kolom JUMLAH; setiap "
        "sertifikat yang diterima harus membawa kolom JUMLAH yang diserahkan wilayah itu. Minta kantor pengirim "
        "membuat ulang bundelnya."))
    assert db_hash(target) == before
