"""The public site: content, marks, links, determinism, incremental writes, the signed manifest,
verification, refusals that leave nothing half-written, the audit record, every form kind."""

from __future__ import annotations

import csv
import errno
import io
import json
import re
import shutil
import subprocess
from html.parser import HTMLParser

import jsonschema
import pytest
from click.testing import CliRunner
from publish_helpers import ROOT, change_one_figure, identity, tree

from recap_app.cli import main
from recap_app.core import audit, office_key, publish
from recap_app.core.demo import load_real_certificates, make_demo
from recap_app.core.election import list_elections
from recap_app.core.errors import NotAllowed
from recap_app.core.publish import common, site
from recap_app.core.publish.common import wib
from recap_app.core.store import Workspace

SCHEMA = json.loads((ROOT / "resources" / "publication.schema.json").read_text(encoding="utf-8"))


def schema(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}", "$defs": SCHEMA["$defs"]}


@pytest.fixture
def key(tmp_path):
    return identity(tmp_path)


@pytest.fixture
def published(demo_ws, key, tmp_path):
    """The 35 real certificates (CONTOH) published once to tmp_path/situs."""
    out = tmp_path / "situs"
    result = publish.publish(demo_ws, "tester", out, identity=key)
    return out, result


def regency_names(ws) -> list[str]:
    return [r.nama for r in ws.regencies()]


class Links(HTMLParser):
    """Every href/src of a page."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "srcset", "action", "poster", "data") and value is not None:
                self.links.append(value)


# ------------------------------------------------------------------------------------------ content
def test_home_page_holds_the_province_figures_and_every_regency(published, demo_ws):
    out, result = published
    html = (out / "index.html").read_text(encoding="utf-8")
    assert "16.825.511" in html and "4.944.447" in html
    assert "77,29%" in html and "22,71%" in html
    for name in regency_names(demo_ws):
        assert name in html, name
    assert "35 dari 35 kabupaten/kota diterima; 0 ditetapkan." in html
    assert "ada peringatan" in html and "ada kesalahan" in html  # Kota Pekalongan: F.501
    assert "<script" not in html.lower()  # the figures are in the HTML: JavaScript off works
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    # when published = the time of the data (newest data audit record), shown in WIB with the zone named
    head = result.chain_head
    assert f"Data per {wib(head['at'])} (WIB = UTC+7), catatan audit #{head['id']}." in html
    en = (out / "en" / "index.html").read_text(encoding="utf-8")
    assert "16,825,511" in en and "Regencies and cities" in en and 'lang="en"' in en
    assert '<a href="../index.html" hreflang="id" lang="id">Bahasa Indonesia</a>' in en
    assert '<a href="en/index.html" hreflang="en" lang="en">English</a>' in html


def test_regency_page_shows_kecamatan_history_and_adoption(published, demo_ws):
    out, _ = published
    page = (out / "wilayah" / "33.75.html").read_text(encoding="utf-8")
    assert "Kota Pekalongan" in page and "PEKALONGAN BARAT" in page
    assert "138.319" in page and "138.320" in page  # certified JUMLAH and the kecamatan sum (F.501)
    assert "Penjumlahan kolom kecamatan" in page
    assert "Belum ditetapkan." in page and "data contoh Pilpres 2019" in page
    assert (out / "en" / "wilayah" / "33.75.html").is_file()


def test_adoption_and_reopening_appear_in_the_history(demo_ws, key, tmp_path):
    from recap_app.core import certificate, reconcile

    for f in reconcile.findings(demo_ws, "33.01"):
        if f.severity == "warning" and not f.resolved:
            reconcile.explain(demo_ws, f.key, "kolom tidak ada di sumber data contoh", "verifikator")
    certificate.adopt(demo_ws, "33.01", "ketua")  # not the one who entered it (separation of duties)
    certificate.reopen(demo_ws, "33.01", "ketua", "saksi meminta pencocokan ulang")
    certificate.adopt(demo_ws, "33.01", "ketua")
    publish.publish(demo_ws, "tester", tmp_path / "s", identity=key)
    page = (tmp_path / "s" / "wilayah" / "33.01.html").read_text(encoding="utf-8")
    assert "Dibuka kembali" in page and "saksi meminta pencocokan ulang" in page
    assert "Ditetapkan pada" in page and "ditetapkan" in page
    data = json.loads(next((tmp_path / "s" / "data" / "wilayah").glob("33.01.*.json")).read_text(encoding="utf-8"))
    assert data["status"] == "ditetapkan" and data["adoption"]["revision"] == 1
    assert [e["action"] for e in data["events"]] == ["certificate.adopt", "certificate.reopen", "certificate.adopt"]
    index = (tmp_path / "s" / "index.html").read_text(encoding="utf-8")
    assert "1 ditetapkan" in index


def test_data_files_match_the_schema_and_the_figures(published):
    out, _ = published
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    jsonschema.validate(manifest, schema("manifest"))
    prov = json.loads((out / manifest["data"]["provinsi"]["json"]).read_text(encoding="utf-8"))
    jsonschema.validate(prov, schema("provinsi"))
    assert prov["fields"]["paslon_1"] == 16825511 and prov["fields"]["paslon_2"] == 4944447
    assert [c["persen"] for c in prov["contestants"]] == [77.29, 22.71]
    assert len(prov["kabupaten_kota"]) == 35
    for kode, entry in manifest["data"]["kabupaten_kota"].items():
        reg = json.loads((out / entry["json"]).read_text(encoding="utf-8"))
        jsonschema.validate(reg, schema("kabupaten_kota"))
        assert reg["wilayah"]["kode"] == kode and reg["columns"][-1]["kode"] == "JUMLAH"
        rows = list(csv.DictReader(io.StringIO((out / entry["csv"]).read_text(encoding="utf-8"))))
        assert rows[-1]["kode"] == "JUMLAH" and rows[-1]["paslon_1"] == str(reg["columns"][-1]["fields"]["paslon_1"])
    rows = list(csv.DictReader(io.StringIO((out / manifest["data"]["provinsi"]["csv"]).read_text(encoding="utf-8"))))
    assert rows[-1]["kode"] == "33" and rows[-1]["paslon_1"] == "16825511" and len(rows) == 36
    assert rows[0]["suara_tidak_sah"] == ""  # blank is not zero


def test_every_page_and_file_is_marked_contoh(published):
    out, _ = published
    files = tree(out)
    for path in files:
        p = out / path
        if path.endswith(".html"):
            html = p.read_text(encoding="utf-8")
            assert re.search(r'<p class="tanda tanda-contoh" role="note"><strong>CONTOH</strong>', html), path
            assert "<title>CONTOH · " in html, path
        elif path.endswith(".json"):
            assert json.loads(p.read_text(encoding="utf-8"))["marks"] == ["CONTOH"], path
        elif path.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(p.read_text(encoding="utf-8"))))
            assert rows[0][0] == "tanda" and all(r[0] == "CONTOH" for r in rows[1:]), path
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["marks"] == ["CONTOH"] and manifest["demo"] is True


def test_simulation_and_real_workspaces(tmp_path, key):
    sim = Workspace.create(tmp_path / "sim.sqlite", "pilpres-2019-jateng", actor="tester", simulation=True)
    load_real_certificates(sim, "tester")
    publish.publish(sim, "tester", tmp_path / "sim", identity=key)
    html = (tmp_path / "sim" / "wilayah" / "33.01.html").read_text(encoding="utf-8")
    assert '<p class="tanda tanda-simulasi" role="note"><strong>SIMULASI</strong>' in html
    real = Workspace.create(tmp_path / "real.sqlite", "pilpres-2019-jateng", actor="tester")
    load_real_certificates(real, "tester")
    publish.publish(real, "tester", tmp_path / "real", identity=key)
    html = (tmp_path / "real" / "index.html").read_text(encoding="utf-8")
    assert 'class="tanda' not in html and "16.825.511" in html
    manifest = json.loads((tmp_path / "real" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["marks"] == [] and manifest["simulation"] is False
    with pytest.raises(publish.PublishError) as ei:  # a training run never replaces the official site
        publish.publish(sim, "tester", tmp_path / "real", identity=key)
    assert ei.value.code == "marked_over_official" and "SIMULASI" in ei.value.message
    for w in (sim, real):
        w.close()


def test_links_are_relative_and_nothing_comes_from_outside(published):
    out, _ = published
    for path in tree(out):
        raw = (out / path).read_bytes()
        if path.endswith((".sig",)):
            continue
        text = raw.decode("utf-8")
        assert "http://" not in text and "https://" not in text, path
        assert "@import" not in text and "url(" not in text, path
        if not path.endswith(".html"):
            continue
        parser = Links()
        parser.feed(text)
        assert parser.links, path
        for link in parser.links:
            if link.startswith("#") or link == "data:,":
                continue
            assert not re.match(r"^[a-z][a-z0-9+.-]*:", link, re.I) and not link.startswith("/"), (path, link)
            target = (out / path).parent / link.split("#")[0]
            assert target.resolve().is_relative_to(out.resolve()) and target.is_file(), (path, link)


# ------------------------------------------------------------------------------------------ determinism
def test_publishing_twice_writes_identical_bytes(published, demo_ws, key, tmp_path):
    out, first = published
    before = tree(out)
    mtimes = {p: (out / p).stat().st_mtime_ns for p in before}
    again = publish.publish(demo_ws, "tester", out, identity=key)
    assert again.changed == [] and again.removed == [] and again.unchanged == first.files
    assert tree(out) == before
    assert {p: (out / p).stat().st_mtime_ns for p in before} == mtimes  # not even rewritten
    other = publish.publish(demo_ws, "tester", tmp_path / "kedua", identity=key)
    assert tree(tmp_path / "kedua") == before and other.manifest_sha256 == first.manifest_sha256


def test_same_data_in_another_workspace_gives_the_same_site(tmp_path, key, monkeypatch):
    monkeypatch.setenv("RECAP_FIXED_CLOCK", "2019-05-21T01:00:00+00:00")
    sites = []
    for name in ("a", "b"):
        ws = make_demo(tmp_path / f"{name}.sqlite", actor="tester")
        publish.publish(ws, "tester", tmp_path / f"situs-{name}", identity=key)
        ws.close()
        sites.append(tree(tmp_path / f"situs-{name}"))
    # two workspaces are two audit chains (each has its own identity in its first record): only the
    # files that show the chain head differ, every regency page and figure file is the same
    chain_files = {"SHA256SUMS", "manifest.json", "manifest.sig", "index.html", "en/index.html", "data.html",
                   "en/data.html"}
    same = {p for p in sites[0] if sites[1].get(p) == sites[0][p]}
    assert set(sites[0]) - same - chain_files == {p for p in sites[0] if p.startswith("data/provinsi.")
                                                  and p.endswith(".json")}
    assert all(p in same for p in sites[0] if p.startswith(("wilayah/", "en/wilayah/", "data/wilayah/")))
    heads = [re.search(r'#37 <span class="hash">([0-9a-f]{64})</span>',
                       (tmp_path / f"situs-{n}" / "index.html").read_text(encoding="utf-8"))[1] for n in "ab"]
    pages = [(tmp_path / f"situs-{n}" / "index.html").read_text(encoding="utf-8").replace(h, "") for n, h in
             zip("ab", heads, strict=True)]
    assert heads[0] != heads[1] and pages[0] == pages[1]
    html = (tmp_path / "situs-a" / "index.html").read_text(encoding="utf-8")
    assert "Data per 21 Mei 2019 pukul 08.00 WIB (WIB = UTC+7)" in html


def test_one_changed_certificate_changes_only_the_files_that_show_it(published, demo_ws, key):
    out, first = published
    before = tree(out)
    change_one_figure(demo_ws, "33.01")
    second = publish.publish(demo_ws, "tester", out, identity=key)
    after = tree(out)
    stable = {p for p in second.changed if not common.is_addressed(p)}
    assert stable == {"wilayah/33.01.html", "en/wilayah/33.01.html", "index.html", "en/index.html", "data.html",
                      "en/data.html", "SHA256SUMS", "manifest.json", "manifest.sig"}
    new_data = {p for p in second.changed if common.is_addressed(p)}
    assert {re.sub(r"\.[0-9a-f]{16}\.", ".*.", p) for p in new_data} == {
        "data/wilayah/33.01.*.json", "data/wilayah/33.01.*.csv", "data/provinsi.*.json", "data/provinsi.*.csv"}
    assert {re.sub(r"\.[0-9a-f]{16}\.", ".*.", p) for p in second.removed} == {
        "data/wilayah/33.01.*.json", "data/wilayah/33.01.*.csv", "data/provinsi.*.json", "data/provinsi.*.csv"}
    assert len(second.changed) == 13 and len(second.removed) == 4
    untouched = set(before) - set(second.changed) - set(second.removed)
    assert all(before[p] == after[p] for p in untouched)
    assert "wilayah/33.02.html" in untouched and "cara-memeriksa.html" in untouched
    assert "16.825.512" in (out / "index.html").read_text(encoding="utf-8")
    assert publish.verify_site(out).ok


def test_changed_list_and_cli_output(demo_ws, tmp_path):
    db = demo_ws.path
    demo_ws.close()
    out, listing = tmp_path / "situs", tmp_path / "berubah.txt"
    r = CliRunner().invoke(main, ["publish", "--db", str(db), "--out", str(out), "--changed-list", str(listing)])
    assert r.exit_code == 0, r.output
    assert "Situs diterbitkan ke" in r.output
    lines = listing.read_text(encoding="utf-8").splitlines()
    assert "index.html" in lines and "manifest.sig" in lines and len(lines) == len(tree(out))
    listed = [ln[4:] for ln in r.output.splitlines() if ln.startswith("  + ")]
    assert listed == lines[:20]  # the first twenty by name, the rest counted
    assert f"  ... dan {len(lines) - 20} berkas baru/berubah lainnya" in r.output
    r = CliRunner().invoke(main, ["publish", "--db", str(db), "--out", str(out), "--changed-list", str(listing),
                                  "--format", "json"])
    assert r.exit_code == 0, r.output
    got = json.loads(r.output)
    assert got["changed"] == [] and got["removed"] == [] and got["files"] == len(lines)
    assert listing.read_text(encoding="utf-8") == ""
    r = CliRunner().invoke(main, ["publish", "--db", str(db)])
    assert r.exit_code == 2 and "--out" in r.output


def test_certificates_published_with_open_errors_are_named(tmp_path):
    """The real Kota Pekalongan sample carries one error (F.501, a difference of 1): publishing is
    allowed, and the clerk is told which certificates went out with errors not yet resolved."""
    db, out = str(tmp_path / "w.sqlite"), tmp_path / "situs"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", db]).exit_code == 0
    samples = sorted(str(p) for p in (ROOT / "tests" / "data" / "samples").glob("*.xlsx"))
    assert runner.invoke(main, ["import", "--db", db, *samples]).exit_code == 0
    r = runner.invoke(main, ["publish", "--db", db, "--out", str(out), "--format", "json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["open_errors"] == [{"kode": "33.75", "nama": "Kota Pekalongan", "errors": 1}]
    shutil.rmtree(out)
    r = runner.invoke(main, ["publish", "--db", db, "--out", str(out)])
    assert ("Catatan: 1 sertifikat terbit dengan kesalahan yang belum diselesaikan: Kota Pekalongan (1 kesalahan). "
            "Angkanya terbit apa adanya, belum ditetapkan; selesaikan (recap check) lalu terbitkan lagi.") in r.stdout


# ------------------------------------------------------------------------------------------ verify
def test_verify_passes_and_says_what_the_site_holds(published):
    out, result = published
    r = CliRunner().invoke(main, ["publish", "verify", str(out)])
    assert r.exit_code == 0, r.output
    assert "SAH: tanda tangan manifest benar" in r.output
    assert "1 Joko Widodo - Ma'ruf Amin: 16.825.511 (77,29%)" in r.output
    assert "35 dari 35 kabupaten/kota diterima; 0 ditetapkan." in r.output
    assert f"kepala rantai audit #{result.chain_head['id']}" in r.output and "Tanda: CONTOH" in r.output


def test_verify_catches_one_changed_figure(published):
    out, _ = published
    page = out / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("16.825.511", "16.825.512"), encoding="utf-8")
    r = CliRunner().invoke(main, ["publish", "verify", str(out)])
    assert r.exit_code == 1
    assert "TIDAK SAH: 1 masalah" in r.output
    assert "index.html: isinya berbeda dari manifest" in r.output


def test_verify_names_missing_extra_and_changed_data(published):
    out, _ = published
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    data_file = manifest["data"]["kabupaten_kota"]["33.10"]["json"]
    (out / data_file).write_text((out / data_file).read_text(encoding="utf-8").replace("Klaten", "Klaten!"),
                                 encoding="utf-8")
    (out / "wilayah" / "33.02.html").unlink()
    (out / "tambahan.html").write_text("<p>bukan dari kantor</p>", encoding="utf-8")
    rep = publish.verify_site(out)
    assert not rep.ok
    assert {(p.kind, p.path) for p in rep.problems} == {
        ("differs", data_file), ("missing", "wilayah/33.02.html"), ("extra", "tambahan.html")}
    r = CliRunner().invoke(main, ["publish", "verify", str(out), "--format", "json"])
    assert r.exit_code == 1 and json.loads(r.output)["ok"] is False


def test_verify_catches_a_changed_manifest_and_another_key(published, tmp_path):
    from recap_app.core.bundle.keys import load_identity
    from recap_app.core.publish.data import dumps

    out, _ = published
    good = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    edited = dict(good, summary={**good["summary"], "suara_sah": 1})
    (out / "manifest.json").write_bytes(dumps(edited))
    rep = publish.verify_site(out)
    assert [p.kind for p in rep.problems] == ["signature"] and "TIDAK SAH" in rep.problems[0].message
    # a forger who re-signs with his own key passes a check against the key in the site itself,
    # but not against the office's announced fingerprint (--key)
    forger = load_identity(tmp_path / "lain.pem")
    from recap_app.core.bundle.keys import public_key_text

    forged = dict(edited, public_key=public_key_text(forger.public_key), key_fingerprint=forger.fingerprint)
    raw = dumps(forged)
    (out / "manifest.json").write_bytes(raw)
    (out / "manifest.sig").write_bytes(forger.sign(raw))
    assert publish.verify_site(out).ok
    rep = publish.verify_site(out, key=good["key_fingerprint"])
    assert [p.kind for p in rep.problems] == ["key"] and "bukan kunci yang diharapkan" in rep.problems[0].message
    r = CliRunner().invoke(main, ["publish", "verify", str(out), "--key", good["public_key"]])
    assert r.exit_code == 1


def test_verify_refuses_paths_outside_the_folder(published):
    from recap_app.core.publish.data import dumps

    out, _ = published
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    m["files"].append({"path": "../rahasia.txt", "size": 1, "sha256": "0" * 64, "cache": "short"})
    (out / "manifest.json").write_bytes(dumps(m))
    kinds = {p.kind for p in publish.verify_site(out).problems}
    assert kinds == {"signature", "path"}
    r = CliRunner().invoke(main, ["publish", "verify", str(out.parent / "tidak-ada")])
    assert r.exit_code == 1 and "tidak ada atau bukan folder" in r.output


def test_standard_tools_check_the_site(published):
    out, _ = published
    if shutil.which("openssl") is None or shutil.which("sha256sum") is None:
        pytest.skip("openssl or sha256sum is not installed")
    r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "kunci-publik.pem", "-rawin",
                        "-in", "manifest.json", "-sigfile", "manifest.sig"], cwd=out, capture_output=True, text=True)
    assert r.returncode == 0 and "Signature Verified Successfully" in r.stdout, r.stderr
    r = subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=out, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    der = subprocess.run(["openssl", "pkey", "-pubin", "-in", "kunci-publik.pem", "-outform", "DER"], cwd=out,
                         capture_output=True, check=True).stdout
    import hashlib

    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert hashlib.sha256(der[-32:]).hexdigest() == m["key_fingerprint"]
    assert m["key_fingerprint"] in (out / "cara-memeriksa.html").read_text(encoding="utf-8").replace(" ", "")


# ------------------------------------------------------------------------------------------ refusals
def test_refuses_a_folder_holding_other_files(demo_ws, key, tmp_path):
    out = tmp_path / "dokumen"
    out.mkdir()
    (out / "catatan.txt").write_text("milik orang lain", encoding="utf-8")
    n = audit.count(demo_ws)
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", out, identity=key)
    assert ei.value.code == "not_a_publication" and "catatan.txt" in ei.value.message
    assert tree(out) == {"catatan.txt": tree(out)["catatan.txt"]} and audit.count(demo_ws) == n
    publish.publish(demo_ws, "tester", tmp_path / "situs", identity=key)
    (tmp_path / "situs" / "pribadi.txt").write_text("x", encoding="utf-8")
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", tmp_path / "situs", identity=key)
    assert ei.value.code == "foreign_files" and "pribadi.txt" in ei.value.message


def test_refuses_a_file_a_missing_parent_and_another_election(demo_ws, key, tmp_path):
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", tmp_path / "berkas", identity=key)
    assert ei.value.code == "bad_output" and "bukan folder" in ei.value.message
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", tmp_path / "tidak" / "ada", identity=key)
    assert ei.value.code == "bad_output" and "tidak ada" in ei.value.message
    publish.publish(demo_ws, "tester", tmp_path / "situs", identity=key)
    other = Workspace.create(tmp_path / "pilgub.sqlite", "pilgub-jateng-2018", actor="tester")
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(other, "tester", tmp_path / "situs", identity=key)
    assert ei.value.code == "other_election" and "pilpres-2019-jateng" in ei.value.message
    other.close()
    r = CliRunner().invoke(main, ["publish", "--db", str(demo_ws.path), "--out", str(tmp_path / "berkas")])
    assert r.exit_code == 1 and r.output.startswith("Galat: Tujuan ")


@pytest.mark.parametrize("fresh", [True, False], ids=["new folder", "earlier publication"])
def test_a_full_disk_leaves_nothing_half_written(demo_ws, key, tmp_path, monkeypatch, fresh):
    out = tmp_path / "situs"
    if not fresh:
        publish.publish(demo_ws, "tester", out, identity=key)
        change_one_figure(demo_ws)
    before = tree(out) if out.exists() else None
    n = audit.count(demo_ws)
    calls = {"n": 0}
    real = site._write_file

    def fill_up(path, data):
        calls["n"] += 1
        if calls["n"] == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        real(path, data)

    monkeypatch.setattr(site, "_write_file", fill_up)
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", out, identity=key)
    assert ei.value.code == "disk_full" and "Disk penuh" in ei.value.message and str(out) in ei.value.message
    assert (tree(out) if out.exists() else None) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".situs.baru-")] == []
    assert audit.count(demo_ws) == n  # not recorded as published


def test_an_unwritable_folder_is_named(demo_ws, key, tmp_path, monkeypatch):
    def denied(*_a, **_k):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(site.tempfile, "mkdtemp", denied)
    with pytest.raises(publish.PublishError) as ei:
        publish.publish(demo_ws, "tester", tmp_path / "situs", identity=key)
    assert ei.value.code == "unwritable" and f"Folder {tmp_path} tidak dapat ditulis" in ei.value.message
    assert not (tmp_path / "situs").exists()


def test_leftovers_of_an_interrupted_publication_are_cleaned(demo_ws, key, tmp_path):
    left = tmp_path / ".situs.baru-abc123"
    (left / "data").mkdir(parents=True)
    (left / "data" / "x.json").write_text("{}", encoding="utf-8")
    publish.publish(demo_ws, "tester", tmp_path / "situs", identity=key)
    assert not left.exists() and publish.verify_site(tmp_path / "situs").ok


# ------------------------------------------------------------------------------------------ audit and rights
def test_every_publication_is_audited_and_does_not_move_the_chain_head(published, demo_ws, key):
    out, first = published
    rec = publish.last_publication(demo_ws)
    assert rec["manifest_sha256"] == first.manifest_sha256 and rec["files"] == first.files
    assert rec["out"] == str(out.absolute()) and rec["actor"] == "tester"
    assert audit.head(demo_ws.conn)[0] == rec["id"] > first.chain_head["id"]
    assert audit.verify_chain(demo_ws).ok
    again = publish.publish(demo_ws, "tester", out, identity=key)
    assert again.chain_head == first.chain_head and publish.last_publication(demo_ws)["id"] == rec["id"] + 1
    assert publish.changes_since(demo_ws, first.chain_head["id"]) == {"records": 0, "certificates": [], "actions": {}}
    change_one_figure(demo_ws, "33.05")
    since = publish.changes_since(demo_ws, first.chain_head["id"])
    assert since["certificates"] == ["33.05"] and since["records"] >= 1


def test_publishing_needs_the_publish_permission(tmp_path, key):
    from argon2 import PasswordHasher

    from recap_app.core import auth

    saved = auth.HASHER
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
    try:
        ws = Workspace.create(tmp_path / "ws.sqlite", "pilpres-2019-jateng", actor="pendiri")
        auth.add_user(ws, "pendiri", "admin1", "admin", "sandi-admin")
        auth.add_user(ws, "admin1", "op1", "operator", "sandi-operator")
        auth.add_user(ws, "admin1", "ketua1", "ketua", "sandi-ketua")
        with pytest.raises(NotAllowed) as ei:
            publish.publish(ws, "op1", tmp_path / "situs", identity=key)
        assert "izin 'publish'" in ei.value.message and not (tmp_path / "situs").exists()
        with pytest.raises(office_key.OfficeKeyError) as ei:  # accounts: only a key with a passphrase signs
            publish.publish(ws, "ketua1", tmp_path / "situs", identity=key)
        assert ei.value.code == "key_unprotected" and not (tmp_path / "situs").exists()
        locked = office_key.load_identity(tmp_path / "terkunci.pem", passphrase="kabut-pagi-di-dieng-2019")
        result = publish.publish(ws, "ketua1", tmp_path / "situs", identity=locked)
        assert (result.key_created, result.key_protected, result.key_notes) == (True, True, (
            f"Kunci kantor baru dibuat: {tmp_path / 'terkunci.pem'} (sidik {office_key.grouped(locked.fingerprint)}). "
            "Simpan salinannya di tempat aman; kantor penerima perlu sidik ini untuk mempercayai bundel dan situs "
            "Anda (recap keys show).",))
        ws.close()
    finally:
        auth.HASHER = saved


# ------------------------------------------------------------------------------------------ every contest
@pytest.mark.parametrize("election_id", [e.id for e in list_elections()])
def test_every_shipped_election_publishes_and_verifies(election_id, tmp_path, key):
    from recap_app.core.errors import ElectionError

    ws = Workspace.create(tmp_path / "ws.sqlite", election_id, actor="tester")
    if election_id == "dpd-2024-jateng":  # the DCT ballot numbers are not in the definition yet
        with pytest.raises(ElectionError) as ei:
            publish.publish(ws, "tester", tmp_path / "situs", identity=key)
        assert ei.value.code == "unnumbered" and not (tmp_path / "situs").exists()
        ws.close()
        return
    r = publish.publish(ws, "tester", tmp_path / "situs", identity=key)
    assert publish.verify_site(tmp_path / "situs").ok and r.files > 70
    if ws.election.has_districts:
        for d in ws.election.districts:
            name = common.safe_name(d.kode)
            assert (tmp_path / "situs" / "dapil" / f"{name}.html").is_file()
            assert (tmp_path / "situs" / "en" / "dapil" / f"{name}.html").is_file()
    ws.close()


def test_legislative_dapil_pages_use_each_district_form(tmp_path, key):
    import random

    from recap_app.core import certificate

    ws = Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester")
    e = ws.election
    rnd = random.Random(7)
    for kode in ("33.22", "33.24", "33.19"):
        form = e.form_of_region(kode)
        cols = [r.kode for r in ws.columns_of(kode)]
        vals = {c: {k: rnd.randint(0, 900) for k in form.vote_keys} for c in cols}
        for v in vals.values():
            v["suara_sah"] = sum(v[k] for k in form.vote_keys)
        vals["JUMLAH"] = {k: sum(vals[c][k] for c in cols) for k in [*form.vote_keys, "suara_sah"]}
        certificate.record_revision(ws, kode, cols + ["JUMLAH"], vals, actor="tester", permission="import")
    out = tmp_path / "situs"
    publish.publish(ws, "tester", out, identity=key)
    d1 = e.district_of("33.22")
    page = (out / "dapil" / f"{common.safe_name(d1.kode)}.html").read_text(encoding="utf-8")
    assert d1.nama in page and f"{d1.kursi} kursi" in page and "PARTAI KEBANGKITAN BANGSA" in page
    assert "Kabupaten Semarang" in page and "Kota Salatiga" in page
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    entry = manifest["data"]["dapil"][d1.kode]
    dj = json.loads((out / entry["json"]).read_text(encoding="utf-8"))
    jsonschema.validate(dj, schema("dapil"))
    keys = e.form_for(d1).vote_keys
    assert dj["fields"]["suara_sah"] == sum(dj["fields"][k] for k in keys)
    assert [r["kode"] for r in dj["kabupaten_kota"]] == list(d1.wilayah)
    reg = (out / "wilayah" / "33.22.html").read_text(encoding="utf-8")
    assert f'../dapil/{common.safe_name(d1.kode)}.html' in reg
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Daerah pemilihan (dapil)" in index and "3 dari 35 kabupaten/kota diterima" in index
    ws.close()


def test_times_are_shown_in_wib_with_the_zone_named():
    assert wib("2019-04-17T10:05:00+00:00") == "17 April 2019 pukul 17.05 WIB"
    assert wib("2019-04-17T20:05:00+00:00", "en") == "18 April 2019, 03:05 WIB"
    assert wib(None) == "–"
