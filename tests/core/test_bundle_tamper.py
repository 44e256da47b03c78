"""Bundles: every tampered, malformed or hostile bundle is refused and nothing is written (issue 6 §4, §6)."""

from __future__ import annotations

import hashlib
import json
import zipfile

import pytest
from test_bundle_helpers import db_hash, fix_hashes, members, repack, write_zip

from recap_app.core import certificate
from recap_app.core.bundle import container, export, importer, keys, schema, verify
from recap_app.core.bundle.format import DATA, MANIFEST, SIGNATURE, BundleRefused, dumps
from recap_app.core.demo import make_demo
from recap_app.core.store import Workspace


@pytest.fixture(scope="module")
def origin(tmp_path_factory):
    """A province workspace (real figures), its key, and two successive full bundles."""
    d = tmp_path_factory.mktemp("origin")
    ident = keys.load_identity(d / "provinsi.pem")
    ws = make_demo(d / "demo.sqlite", actor="tester")
    b1 = export.export_bundle(ws, d / "b1.zip", "tester", identity=ident).path
    cols = list(ws.latest_revision("33.05").columns)
    vals = ws.revision_values(ws.latest_revision("33.05").id)
    vals["JUMLAH"]["suara_tidak_sah"] = 999
    certificate.record_revision(ws, "33.05", cols, vals, actor="tester", reason="ubah")
    b2 = export.export_bundle(ws, d / "b2.zip", "tester", identity=ident, full=True).path
    ws.close()
    return {"ident": ident, "b1": b1, "b2": b2, "dir": d}


@pytest.fixture
def target(tmp_path, origin):
    w = Workspace.create(tmp_path / "target.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(w, origin["ident"].public_text, "33", "penerima")
    yield w
    w.close()


def refused(ws, path, code, accept_key=False) -> str:
    """Import must raise BundleRefused(code) and leave the database exactly as it was."""
    before = db_hash(ws)
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(ws, path, "penerima", accept_key=accept_key)
    assert exc.value.code == code, exc.value.message
    assert db_hash(ws) == before
    return exc.value.message


def test_valid_bundle_is_taken_in(target, origin):
    assert importer.import_bundle(target, origin["b1"], "penerima").status == "imported"


def test_a_changed_byte_anywhere_is_refused_or_provably_harmless(origin):
    """Every 73rd byte flipped: refused, unless it sits in zip metadata nobody reads (then the
    signed manifest and data are byte-identical to the original's)."""
    blob = origin["b1"].read_bytes()
    good = verify.verify_bytes(blob)
    refused_n = harmless = 0
    for pos in range(0, len(blob), 73):
        bad = bytearray(blob)
        bad[pos] ^= 0x5A
        try:
            vb = verify.verify_bytes(bytes(bad))
        except BundleRefused:
            refused_n += 1
            continue
        assert vb.manifest_sha256 == good.manifest_sha256 and vb.data == good.data
        harmless += 1
    assert refused_n > 0.95 * (refused_n + harmless)


@pytest.mark.parametrize("where", ["manifest", "signature", "data"])
def test_changed_byte_inside_each_member_is_refused(target, origin, tmp_path, where):
    items = members(origin["b1"])
    name = {"manifest": MANIFEST, "signature": SIGNATURE, "data": DATA}[where]
    out = []
    for n, c in items:
        if n == name:
            c = bytearray(c)
            c[len(c) // 2] ^= 0x01
            c = bytes(c)
        out.append((n, c))
    path = write_zip(tmp_path / "x.zip", out)
    code = {"manifest": "bad_signature", "signature": "bad_signature", "data": "bad_hash"}[where]
    if where == "manifest":
        try:  # the flipped byte may break the JSON or the schema before the signature is checked
            if schema.schema_errors(json.loads(dict(out)[MANIFEST]), "manifest"):
                code = "bad_manifest"
        except ValueError:
            code = "bad_manifest"
    refused(target, path, code)


def test_swapped_data_member_is_refused(target, origin, tmp_path):
    one, two = dict(members(origin["b1"])), dict(members(origin["b2"]))
    path = write_zip(tmp_path / "swap.zip", [(MANIFEST, one[MANIFEST]), (SIGNATURE, one[SIGNATURE]), (DATA, two[DATA])])
    msg = refused(target, path, "bad_size")
    assert msg == f"Bundel swap.zip ditolak: anggota 'data.json' berukuran {len(two[DATA])} bita; manifest mencatat {len(one[DATA])}."


def test_swapped_manifest_is_refused(target, origin, tmp_path):
    one, two = dict(members(origin["b1"])), dict(members(origin["b2"]))
    path = write_zip(tmp_path / "swap.zip", [(MANIFEST, two[MANIFEST]), (SIGNATURE, two[SIGNATURE]), (DATA, one[DATA])])
    refused(target, path, "bad_size")


def _raise_paslon(data):
    data["certificates"][0]["revisions"][0]["values"]["JUMLAH"]["paslon_1"] += 1000


def test_resigned_with_a_foreign_key_is_refused(target, origin, tmp_path):
    foreign = keys.load_identity(tmp_path / "asing.pem")
    path = repack(origin["b1"], tmp_path / "f.zip", foreign, data_fn=_raise_paslon)
    # the content hash no longer matches the figures: refused even before the key question
    refused(target, path, "bad_hash")

    def consistent(data):
        _raise_paslon(data)
        fix_hashes(data)

    path = repack(origin["b1"], tmp_path / "g.zip", foreign, data_fn=consistent)
    msg = refused(target, path, "untrusted_key")
    assert f"sidik {keys.grouped(foreign.fingerprint)}) belum dipercaya" in msg


def test_foreign_signature_under_the_trusted_key_is_refused(target, origin, tmp_path):
    foreign = keys.load_identity(tmp_path / "asing.pem")
    path = repack(origin["b1"], tmp_path / "f.zip", foreign, set_key=False)
    msg = refused(target, path, "bad_signature")
    assert "manifest diubah atau ditandatangani kunci lain" in msg


def test_key_trusted_for_another_office_cannot_speak_for_the_province(target, origin, tmp_path):
    cilacap = keys.load_identity(tmp_path / "cilacap.pem")
    keys.trust(target, cilacap.public_text, "33.01", "penerima")
    path = repack(origin["b1"], tmp_path / "f.zip", cilacap)
    msg = refused(target, path, "key_office_mismatch")
    assert msg == ("Bundel f.zip ditolak: kunci ini dipercaya untuk kantor 33.01, tetapi bundel mengaku dari kantor 33.")


def test_unknown_key_is_refused_unless_accepted(tmp_path, origin):
    w = Workspace.create(tmp_path / "w.sqlite", "pilpres-2019-jateng", actor="penerima")
    refused(w, origin["b1"], "untrusted_key")
    res = importer.import_bundle(w, origin["b1"], "penerima", accept_key=True)
    assert res.key_accepted and keys.trusted_key(w, origin["ident"].fingerprint).office_code == "33"
    w.close()


def test_member_not_listed_is_refused(target, origin, tmp_path):
    path = repack(origin["b1"], tmp_path / "x.zip", origin["ident"], extra=[("catatan.txt", b"hai")],
                  list_extra=False)
    msg = refused(target, path, "unlisted_member")
    assert msg == "Bundel x.zip ditolak: anggota 'catatan.txt' ada di arsip tetapi tidak tercantum di manifest."
    path = repack(origin["b1"], tmp_path / "y.zip", origin["ident"], extra=[("catatan.txt", b"hai")])
    refused(target, path, "unlisted_member")


def test_missing_member_is_refused(target, origin, tmp_path):
    items = [(n, c) for n, c in members(origin["b1"]) if n != DATA]
    refused(target, write_zip(tmp_path / "x.zip", items), "missing_member")
    items = [(n, c) for n, c in members(origin["b1"]) if n != SIGNATURE]
    refused(target, write_zip(tmp_path / "y.zip", items), "missing_member")


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "sources/../../evil.txt", "a\\..\\evil.txt",
                                  "C:/evil.txt", "./data.json", "sources//x"])
def test_zip_slip_paths_are_refused(target, origin, tmp_path, name):
    path = repack(origin["b1"], tmp_path / "slip.zip", origin["ident"], extra=[(name, b"jahat")])
    msg = refused(target, path, "unsafe_path")
    assert msg.startswith(f"Bundel slip.zip ditolak: anggota {name!r} ")
    assert not (tmp_path / "evil.txt").exists() and not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_by_ratio_is_refused(target, origin, tmp_path):
    zeros = bytes(20 * 1024 * 1024)
    sha = hashlib.sha256(zeros).hexdigest()
    path = repack(origin["b1"], tmp_path / "bomb.zip", origin["ident"], extra=[(f"sources/{sha}", zeros)])
    msg = refused(target, path, "bomb")
    assert "(rasio di atas 200); diduga bom zip." in msg


def test_member_too_large_is_refused(target, origin, monkeypatch):
    monkeypatch.setattr(container, "MAX_MEMBER_BYTES", 10_000)
    msg = refused(target, origin["b1"], "bomb")
    assert msg.startswith("Bundel b1.zip ditolak: anggota 'data.json' berukuran ")
    assert msg.endswith("bita setelah dibuka; paling besar 10000 bita.")


def test_too_many_members_is_refused(target, origin, tmp_path):
    extra = [(f"x{i}", b"") for i in range(2001)]
    path = repack(origin["b1"], tmp_path / "many.zip", origin["ident"], extra=extra, list_extra=False)
    refused(target, path, "too_many_members")


def test_not_a_zip_empty_or_truncated_is_refused(target, origin, tmp_path):
    (tmp_path / "a.zip").write_bytes(b"bukan zip")
    assert refused(target, tmp_path / "a.zip", "not_zip").startswith(
        "Bundel a.zip ditolak: berkas ini bukan arsip zip yang utuh (")
    (tmp_path / "b.zip").write_bytes(b"")
    refused(target, tmp_path / "b.zip", "not_zip")
    blob = origin["b1"].read_bytes()
    (tmp_path / "c.zip").write_bytes(blob[: len(blob) // 2])
    refused(target, tmp_path / "c.zip", "not_zip")
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, tmp_path / "tidak-ada.zip", "penerima")
    assert exc.value.code == "missing" and "tidak-ada.zip tidak ada" in exc.value.message


def _set(path, value):
    def fn(doc):
        *head, last = path
        for k in head:
            doc = doc[k]
        if value is KeyError:
            del doc[last]
        else:
            doc[last] = value
    return fn


MALFORMED_MANIFESTS = {
    "not json": (lambda m: b"{\"format\": ", "bad_manifest"),
    "duplicate key": (lambda m: dumps(m)[:-2] + b',\n  "sequence": 9\n}', "bad_manifest"),
    "NaN": (lambda m: dumps(m).replace(b'"sequence": 1', b'"sequence": NaN'), "bad_manifest"),
    "not utf-8": (lambda m: b"\xff\xfe" + dumps(m), "bad_manifest"),
    "array": (lambda m: b"[]", "bad_manifest"),
    "missing sequence": (_set(["sequence"], KeyError), "bad_manifest"),
    "sequence as text": (_set(["sequence"], "1"), "bad_manifest"),
    "negative base": (_set(["base_sequence"], -1), "bad_manifest"),
    "unknown key": (_set(["komentar"], "x"), "bad_manifest"),
    "format version 2": (_set(["format_version"], 2), "bad_format_version"),
    "member size lies": (lambda m: m["members"][0].update(size=m["members"][0]["size"] + 1), "bad_size"),
    "member hash lies": (lambda m: m["members"][0].update(sha256="0" * 64), "bad_hash"),
    "member listed twice": (lambda m: m["members"].append(dict(m["members"][0])), "bad_manifest"),
    "fingerprint of another key": (_set(["sender", "fingerprint"], "a" * 64), "bad_manifest"),
    "public key malformed": (_set(["sender", "public_key"], "ed25519:xyz"), "bad_manifest"),
    "contents lie": (_set(["contents", "revisions"], 34), "bad_data"),
    "huge sequence": (_set(["sequence"], 10**30), "bad_manifest"),
}


@pytest.mark.parametrize("case", sorted(MALFORMED_MANIFESTS))
def test_malformed_manifest_is_refused(target, origin, tmp_path, case):
    fn, code = MALFORMED_MANIFESTS[case]
    path = repack(origin["b1"], tmp_path / "m.zip", origin["ident"], manifest_fn=fn)
    refused(target, path, code)


def _first_rev(d):
    return d["certificates"][0]["revisions"][0]


MALFORMED_DATA = {
    "negative figure": (lambda d: _first_rev(d)["values"]["JUMLAH"].update(paslon_1=-5), "bad_data"),
    "figure as text": (lambda d: _first_rev(d)["values"]["JUMLAH"].update(paslon_1="12.096"), "bad_data"),
    "fractional figure": (lambda d: _first_rev(d)["values"]["JUMLAH"].update(paslon_1=1.5), "bad_data"),
    "absurd figure": (lambda d: _first_rev(d)["values"]["JUMLAH"].update(paslon_1=10**12), "bad_data"),
    "figure changed, hash kept": (lambda d: _first_rev(d)["values"]["JUMLAH"].update(paslon_1=1), "bad_hash"),
    "missing column values": (lambda d: _first_rev(d)["values"].pop("JUMLAH"), "bad_data"),
    "duplicate certificate": (lambda d: d["certificates"].append(d["certificates"][0]), "bad_data"),
    "other election": (_set(["election_id"], "pilgub-jateng-2018"), "bad_data"),
    "other sender": (_set(["sender", "office_code"], "33.01"), "bad_data"),
    "audit record altered": (lambda d: d["audit"][3].update(actor="orang lain"), "bad_audit"),
    "audit record dropped": (lambda d: d["audit"].pop(3), "bad_audit"),
    "unknown key": (_set(["catatan"], 1), "bad_data"),
}


def _rehash(fn):
    """Apply fn, then make the revision hashes consistent again (so deeper checks are reached)."""
    def inner(d):
        fn(d)
        fix_hashes(d)
    return inner


@pytest.mark.parametrize("case", sorted(MALFORMED_DATA))
def test_malformed_data_is_refused(target, origin, tmp_path, case):
    fn, code = MALFORMED_DATA[case]
    if code != "bad_hash":
        fn = _rehash(fn)
    path = repack(origin["b1"], tmp_path / "d.zip", origin["ident"], data_fn=fn)
    refused(target, path, code)


def test_data_not_json_is_refused(target, origin, tmp_path):
    path = repack(origin["b1"], tmp_path / "d.zip", origin["ident"], raw_data=b"[1, 2,")
    assert "data.json bukan JSON yang sah" in refused(target, path, "bad_data")


def test_unknown_region_and_field_are_refused(target, origin, tmp_path):
    def region(d):
        d["certificates"][0]["region_kode"] = "33.99"
    path = repack(origin["b1"], tmp_path / "r.zip", origin["ident"], data_fn=region)
    assert refused(target, path, "unknown_region") == (
        "Bundel r.zip ditolak: sertifikat wilayah 33.99 tidak ada di daftar wilayah pemilihan ini.")

    def field(d):
        _first_rev(d)["values"]["JUMLAH"]["paslon_3"] = 7
    path = repack(origin["b1"], tmp_path / "f.zip", origin["ident"], data_fn=_rehash(field))
    assert refused(target, path, "bad_data") == (
        "Bundel f.zip ditolak: sertifikat 33.01 (Kabupaten Cilacap) revisi 1, kolom JUMLAH: isian 'paslon_3' tidak ada pada formulir "
        "pemilihan ini.")


def test_wrong_election_and_simulation_are_refused(target, origin, tmp_path):
    def other(m):
        m["election_id"] = "pilgub-jateng-2018"

    def other_data(d):
        d["election_id"] = "pilgub-jateng-2018"
    path = repack(origin["b1"], tmp_path / "e.zip", origin["ident"], manifest_fn=other, data_fn=other_data)
    assert refused(target, path, "wrong_election") == (
        "Bundel e.zip ditolak: bundel untuk pemilihan 'pilgub-jateng-2018', ruang kerja ini untuk "
        "'pilpres-2019-jateng'.")

    def sim(m):
        m["simulation"] = True
    path = repack(origin["b1"], tmp_path / "s.zip", origin["ident"], manifest_fn=sim)
    assert refused(target, path, "simulation_mismatch") == (
        "Bundel s.zip ditolak: bundel berisi data SIMULASI tetapi ini ruang kerja resmi; keduanya tidak boleh "
        "bercampur.")


def test_signature_of_wrong_length_is_refused(target, origin, tmp_path):
    items = [(n, c[:10] if n == SIGNATURE else c) for n, c in members(origin["b1"])]
    refused(target, write_zip(tmp_path / "s.zip", items), "bad_signature")


def test_encrypted_or_symlink_members_are_refused(target, origin, tmp_path):
    items = members(origin["b1"])
    path = tmp_path / "link.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for n, c in items:
            zf.writestr(n, c)
        info = zipfile.ZipInfo("sources/" + "0" * 64)
        info.external_attr = (0o120777 << 16)
        zf.writestr(info, "/etc/passwd")
    refused(target, path, "unsafe_path")


def test_history_that_does_not_end_in_the_carried_revisions_is_refused(target, origin, tmp_path):
    def fn(d):
        d["certificates"][0]["history"][-1] = "f" * 64
    path = repack(origin["b1"], tmp_path / "h.zip", origin["ident"], data_fn=fn)
    assert refused(target, path, "bad_data") == (
        "Bundel h.zip ditolak: sertifikat 33.01: riwayat revisi tidak cocok dengan revisi yang dibawa.")


def test_bundle_from_another_province_office_is_refused(target, origin, tmp_path):
    diy = keys.load_identity(tmp_path / "diy.pem")
    keys.trust(target, diy.public_text, "34", "penerima")

    def m(doc):
        doc["sender"]["office_code"] = "34"

    def d(doc):
        doc["sender"]["office_code"] = "34"
    path = repack(origin["b1"], tmp_path / "diy.zip", diy, manifest_fn=m, data_fn=d)
    assert refused(target, path, "wrong_tier") == (
        "Bundel diy.zip ditolak: bundel dari kantor setingkat lain (34); ruang kerja ini milik kantor 33.")


def test_deeply_nested_json_is_refused(target, origin, tmp_path):
    path = repack(origin["b1"], tmp_path / "deep.zip", origin["ident"], raw_data=b"[" * 20_000 + b"]" * 20_000)
    assert "data.json bukan JSON yang sah" in refused(target, path, "bad_data")


# ----------------------------------------------------------------- the sender's own file changed outside the program
@pytest.fixture
def sender(tmp_path):
    ident = keys.load_identity(tmp_path / "kantor.pem")
    ws = make_demo(tmp_path / "kirim.sqlite", actor="tester")
    yield ws, ident, tmp_path
    ws.close()


def _sql(ws, statement):
    import sqlite3

    raw = sqlite3.connect(ws.path)  # the sqlite3 CLI's view: no program, no triggers of its own
    raw.execute(statement)
    raw.commit()
    raw.close()


def _no_export(ws, ident, out, **kw):
    from recap_app.core.errors import WorkspaceError

    before = ws.conn.execute("SELECT COUNT(*) FROM bundle_export").fetchone()[0]
    with pytest.raises(WorkspaceError) as exc:
        export.export_bundle(ws, out, "tester", identity=ident, **kw)
    assert exc.value.code == "tampered"
    assert not out.exists()
    assert ws.conn.execute("SELECT COUNT(*) FROM bundle_export").fetchone()[0] == before
    return exc.value.message


@pytest.mark.parametrize("full", [True, False])
def test_a_figure_changed_with_sqlite_is_never_signed_into_a_bundle(sender, full):
    """The JUMLAH cell of 33.01 raised by 100.000 with plain SQL: the bundle (its revisions and the
    office's result) is refused, full or incremental, nothing recorded."""
    ws, ident, d = sender
    export.export_bundle(ws, d / "b1.zip", "tester", identity=ident)
    _sql(ws, "UPDATE cell SET value = value + 100000 WHERE revision_id = 1 AND kolom = 'JUMLAH' AND field = 'paslon_1'")
    msg = _no_export(ws, ident, d / "b2.zip", full=full)
    assert msg.startswith("Angka revisi 1 sertifikat 33.01 telah diubah di luar program")


def test_an_old_revision_changed_with_sqlite_is_refused_in_a_full_bundle(sender):
    ws, ident, d = sender
    cols = list(ws.latest_revision("33.02").columns)
    vals = ws.revision_values(ws.latest_revision("33.02").id)
    vals["JUMLAH"]["suara_tidak_sah"] = 999
    certificate.record_revision(ws, "33.02", cols, vals, actor="tester", reason="koreksi")
    old = ws.conn.execute("SELECT r.id FROM revision r JOIN certificate c ON c.id = r.certificate_id "
                          "WHERE c.region_kode = '33.02' AND r.number = 1").fetchone()[0]
    _sql(ws, f"UPDATE cell SET value = value + 1 WHERE revision_id = {old} AND kolom = 'JUMLAH' AND field = 'paslon_2'")
    assert _no_export(ws, ident, d / "b.zip", full=True).startswith("Angka revisi 1 sertifikat 33.02")


@pytest.mark.parametrize("where", ["scope = '33.01'", "code = 'W.602' AND scope = '33.05'"])
def test_findings_deleted_with_sqlite_are_never_signed_into_a_bundle(sender, where):
    ws, ident, d = sender
    _sql(ws, f"DELETE FROM finding WHERE {where}")
    assert "tidak cocok dengan sidik pemeriksaannya yang tercatat: temuan diubah di luar program" in _no_export(
        ws, ident, d / "b.zip", full=True)


def test_findings_checked_by_older_rules_are_checked_again_before_they_are_sent(sender, monkeypatch):
    """After an upgrade of the rules every stored check names the old version: the bundle carries
    the findings of the rules now, checked first (one "findings.refresh" record)."""
    from recap_app.core import reconcile, status

    ws, ident, d = sender
    monkeypatch.setattr(status, "RULES_VERSION", "baru")
    monkeypatch.setattr(reconcile, "RULES_VERSION", "baru")
    assert reconcile.stale_regions(ws)
    export.export_bundle(ws, d / "b.zip", "tester", identity=ident, full=True)
    assert not reconcile.stale_regions(ws)
    with zipfile.ZipFile(d / "b.zip") as z:
        data = json.loads(z.read(DATA))
    assert len(data["findings"]) == len(reconcile.findings(ws)) > 0
    assert "findings.refresh" in [a for (a,) in ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 5")]


def test_a_stored_check_deleted_with_sqlite_is_refused_by_the_chain(sender):
    ws, ident, d = sender
    _sql(ws, "DELETE FROM finding_check WHERE scope = '33.01'")
    assert "(finding_check) tidak sama dengan yang tercatat di log audit" in _no_export(ws, ident, d / "b.zip",
                                                                                        full=True)
