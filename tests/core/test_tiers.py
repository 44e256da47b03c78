"""An office at any tier from the same definitions (docs/tiers.md): Kota Salatiga's regency office
made from held-back kecamatan certificates summed from the real Pilpres 2019 TPS data
(tests/core/fixtures_tiers.py), its DB1, and its bundle taken in at the province."""

import json
import subprocess

import pytest

from recap_app.core import certificate, reconcile, state
from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.bundle.upstream import bundle_figures, check_sender
from recap_app.core.compare import compare_external
from recap_app.core.documents import render
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import ElectionError
from recap_app.core.importer import import_files, template
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals
from tests.core.fixtures_tiers import certificate_values, desa_sums, write_salatiga

#: the TPS file summed over Kota Salatiga's 617 TPS: DPT L, DPT P, paslon 1, paslon 2, sah, tidak sah, jumlah
SALATIGA = {"dpt_l": 65482, "dpt_p": 69667, "paslon_1": 94215, "paslon_2": 26523, "suara_sah": 120742,
            "suara_tidak_sah": 2664, "jumlah_suara": 124014}

#: the broken identities in the desa/kelurahan columns (the TPS entries' typing faults, summed per desa):
#: (rule, kecamatan, desa, field, expected, actual)
DESA_ERRORS = {
    ("F.202", "33.73.01", "33.73.01.1001", "jumlah_suara", 8242, 8236),    # BLOTONGAN
    ("F.202", "33.73.01", "33.73.01.1002", "jumlah_suara", 9215, 9221),    # SIDOREJO LOR
    ("F.202", "33.73.01", "33.73.01.1003", "jumlah_suara", 9476, 9510),    # SALATIGA
    ("F.202", "33.73.02", "33.73.02.1001", "jumlah_suara", 4928, 5391),    # KUTOWINANGUN KIDUL
    ("F.201", "33.73.02", "33.73.02.1005", "suara_sah", 2888, 2948),       # TINGKIR LOR
    ("F.201", "33.73.02", "33.73.02.1007", "suara_sah", 8319, 8219),       # KUTOWINANGUN LOR
    ("F.202", "33.73.02", "33.73.02.1007", "jumlah_suara", 8405, 8519),
    ("F.201", "33.73.03", "33.73.03.1003", "suara_sah", 7008, 7012),       # TEGALREJO
    ("F.201", "33.73.04", "33.73.04.1003", "suara_sah", 11052, 11092),     # MANGUNSARI
    ("F.202", "33.73.04", "33.73.04.1003", "jumlah_suara", 11322, 11320),
    ("F.202", "33.73.04", "33.73.04.1004", "jumlah_suara", 4089, 4088),    # KALICACING
}


@pytest.fixture
def salatiga(tmp_path):
    """Kota Salatiga's office with its 4 kecamatan certificates imported."""
    w = Workspace.create(tmp_path / "salatiga.sqlite", "pilpres-2019-jateng", actor="tester", office="33.73")
    paths = write_salatiga(w, tmp_path / "da1")
    report = import_files(w, list(paths.values()), "tester")
    assert report.ok, [f.message for f in report.files]
    yield w
    w.close()


def test_an_office_at_each_tier_from_the_same_definition(tmp_path):
    prov = Workspace.create(tmp_path / "p.sqlite", "pilpres-2019-jateng", actor="tester")
    assert (prov.election.tier, prov.office_code, len(prov.regencies())) == ("provinsi", "33", 35)
    assert prov.election.column_tier == "kecamatan" and prov.election.own_form == "DC1-PPWP"
    kab = Workspace.create(tmp_path / "k.sqlite", "pilpres-2019-jateng", actor="tester", office="33.73")
    e = kab.election
    assert (e.tier, e.child_tier, e.column_tier) == ("kabupaten_kota", "kecamatan", "desa")
    assert (e.received_form, e.own_form, e.form_name("berita_acara"), e.form_name("kejadian_khusus")) == (
        "DA1-PPWP", "DB1-PPWP", "DB-PPWP", "DB2-PPWP")
    assert [r.nama for r in kab.regencies()] == ["SIDOREJO", "TINGKIR", "ARGOMULYO", "SIDOMUKTI"]
    desa = kab.regions("desa")
    assert len(desa) == 23 and [len(kab.columns_of(r.kode)) for r in kab.regencies()] == [6, 7, 6, 4]
    assert kab.columns_of("33.73.03")[3] .kode == "33.73.03.1004"  # codes kept as text
    assert kab.columns_of("33.73.03")[3].nama == "KUMPUL REJO"  # the 2019 spelling of the TPS data
    assert kab.region("33.01") is None  # nothing of the rest of the province
    # the office is in the meta under the state digests, and survives reopening
    assert json.loads(kab.meta("office")) == {"kode": "33.73", "tingkat": "kabupaten_kota", "nama": "Kota Salatiga"}
    assert "meta/office" in state.current_units(kab.conn)
    kab.close()
    again = Workspace.open(tmp_path / "k.sqlite", readonly=True)
    assert again.election.tier == "kabupaten_kota" and again.office_code == "33.73"
    again.close()
    # 2024: the desa/kelurahan of the wilayah data
    k24 = Workspace.create(tmp_path / "k24.sqlite", "pilpres-2024-jateng", actor="tester", office="33.73")
    assert len(k24.regions("desa")) == 23 and k24.election.received_form == "D.HASIL KECAMATAN-PPWP"
    with pytest.raises(ElectionError) as exc:
        Workspace.create(tmp_path / "x.sqlite", "pilpres-2019-jateng", actor="tester", office="33.99")
    assert exc.value.code == "unknown_office" and not (tmp_path / "x.sqlite").exists()


def test_the_office_is_under_the_chain(tmp_path):
    kab = Workspace.create(tmp_path / "k.sqlite", "pilpres-2019-jateng", actor="tester", office="33.73")
    kab.conn.execute("UPDATE meta SET value = ? WHERE key = 'office'",
                     (json.dumps({"kode": "33.74", "tingkat": "kabupaten_kota", "nama": "Kota Semarang"}),))
    assert [u for u, _, _ in state.compare(kab.conn)] == ["meta/office"]
    kab.close()


def test_kecamatan_certificates_with_desa_columns(salatiga):
    t = province_totals(salatiga)
    assert (t["received"], t["expected"]) == (4, 4)
    assert {k: t["fields"][k] for k in SALATIGA} == SALATIGA
    assert t["fields"]["dpt"] == 135149
    info = salatiga.latest_revision("33.73.02")
    assert list(info.columns) == [f"33.73.02.100{i}" for i in range(1, 8)] + [JUMLAH]
    found = {(f.code, f.region, f.column, f.field, f.expected, f.actual) for f in reconcile.findings(salatiga)
             if f.severity == "error" and f.column.startswith("33.73.")}
    assert found == DESA_ERRORS
    msg = next(f.message for f in reconcile.findings(salatiga) if f.column == "33.73.02.1001")
    assert "desa/kelurahan KUTOWINANGUN KIDUL (33.73.02.1001)" in msg and "selisih 463" in msg


def test_desa_names_match_with_confirmation(tmp_path):
    w = Workspace.create(tmp_path / "k.sqlite", "pilpres-2019-jateng", actor="tester", office="33.73")
    path = tmp_path / "argomulyo.xlsx"
    wb = template.build_template(w, "33.73.03")
    sh = wb.worksheets[0]
    for c in range(template.FIRST_DATA_COL, sh.max_column + 1):  # names only, one spelt as 2024 spells it
        sh.cell(template.HEADER_ROW, c).value = None
        if sh.cell(template.HEADER_ROW + 1, c).value == "KUMPUL REJO":
            sh.cell(template.HEADER_ROW + 1, c).value = "KUMPULREJO"
    sh.cell(template.HEADER_ROW, sh.max_column).value = "JUMLAH"
    values = certificate_values(desa_sums()["33.73.03"])
    wb.save(path)
    header = {sh.cell(template.HEADER_ROW + 1, c).value: c for c in range(template.FIRST_DATA_COL, sh.max_column)}
    by_name = {r.nama: r.kode for r in w.columns_of("33.73.03")}
    by_name["KUMPULREJO"] = by_name["KUMPUL REJO"]
    row = template.FIRST_FORM_ROW
    for fr in w.election.form_of_region("33.73.03").rows:
        if not fr.fields:
            row += 1
            continue
        for f in fr.fields:
            for name, c in header.items():
                v = values[by_name[name]].get(f.key) if name else None
                if v is not None:
                    sh.cell(row, c, v)
            if values[JUMLAH].get(f.key) is not None:
                sh.cell(row, sh.max_column, values[JUMLAH][f.key])
            row += 1
    wb.save(path)
    first = import_files(w, [path], "tester")
    assert not first.ok and first.files[0].code == "near_names"
    assert "KUMPULREJO" in first.files[0].message and "KUMPUL REJO" in first.files[0].message
    assert w.latest_revision("33.73.03") is None  # nothing written
    second = import_files(w, [path], "tester", accept_names=True)
    assert second.ok
    got = w.revision_values(w.latest_revision("33.73.03").id)
    assert got["33.73.03.1004"]["paslon_1"] == 4441 and got[JUMLAH]["paslon_1"] == 23844
    assert w.aliases() == {"KUMPULREJO": "33.73.03.1004"}
    w.close()


def test_the_db1_is_printed_with_one_column_per_kecamatan(salatiga, tmp_path):
    rendered = render(salatiga, ["sertifikat", "berita_acara"], paper="A4")
    parts = {p.name: p for p in rendered.parts}
    cert = parts["sertifikat"]
    assert cert.title == "DB1-PPWP Sertifikat rekapitulasi tingkat kabupaten/kota"
    assert cert.payload["columns"] == ["33.73.01", "33.73.02", "33.73.03", "33.73.04", JUMLAH]
    assert cert.payload["values"][JUMLAH]["paslon_1"] == 94215
    assert cert.payload["office"]["name"] == "KOMISI PEMILIHAN UMUM KOTA SALATIGA"
    assert parts["berita_acara"].title.startswith("DB-PPWP ")
    pdf = tmp_path / "db1.pdf"
    pdf.write_bytes(rendered.pdf)
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "MODEL DB1-PPWP" in text
    assert "DARI SETIAP KECAMATAN DI TINGKAT KABUPATEN/KOTA" in text
    assert "JUMLAH KABUPATEN/KOTA" in text and "33.73.04 SIDOMUKTI" in text and "94.215" in text


def _adopt_all(w):
    """The regency's plenary: the chair overrides each desa error with a reason, then adopts."""
    for f in reconcile.findings(w):
        if f.severity == "error" and not f.resolved:
            reconcile.override(w, f.key, "Data Situng parsial; diperiksa dengan C1 di pleno", "ketua")
    for r in w.regencies():
        certificate.adopt(w, r.kode, "ketua")


def test_the_regency_bundle_is_the_regency_certificate_at_the_province(salatiga, tmp_path):
    _adopt_all(salatiga)
    kab_key = keys.load_identity(tmp_path / "salatiga.pem")
    bundle = export.export_bundle(salatiga, tmp_path / "salatiga.zip", "tester", identity=kab_key).path
    prov = Workspace.create(tmp_path / "prov.sqlite", "pilpres-2019-jateng", actor="tester")
    # a key trusted for another regency is refused, nothing written
    keys.trust(prov, kab_key.public_text, "33.74", "tester", "KPU Kota Semarang")
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(prov, bundle, "tester")
    assert exc.value.code == "key_office_mismatch" and prov.latest_revision("33.73") is None
    other = Workspace.create(tmp_path / "prov2.sqlite", "pilpres-2019-jateng", actor="tester")
    keys.trust(other, kab_key.public_text, "33.73", "tester", "KPU Kota Salatiga")
    res = importer.import_bundle(other, bundle, "tester")
    assert res.mode == "upstream" and res.added == {"33.73": 1}
    info = other.latest_revision("33.73")
    assert list(info.columns) == ["33.73.01", "33.73.02", "33.73.03", "33.73.04", JUMLAH]
    got = other.revision_values(info.id)
    sums = desa_sums()
    for kec, desa in sums.items():  # each kecamatan column = that kecamatan's desa sums
        assert {k: got[kec][k] for k in SALATIGA} == {k: sum(d[k] for d in desa.values()) for k in SALATIGA}
    assert {k: got[JUMLAH][k] for k in SALATIGA} == SALATIGA
    assert got["33.73.02"]["paslon_1"] == 22271
    # the regency's adoption and findings, checked here
    c = res.sender_check
    assert c.adopted and c.adopted_by == "ketua" and c.not_adopted == []
    assert c.errors_recomputed == 17 and c.unlisted == [] and c.explained == c.errors_listed
    assert "ditetapkan di sana" in info.reason
    assert other.adoption("33.73") is None  # the province's own plenary adopts
    lines = "\n".join(res.lines())
    assert "Hasil KPU Kota Salatiga ditetapkan di sana" in lines
    # the regency's chain travelled and is stored
    carried = other.conn.execute("SELECT id, hash FROM bundle_remote_audit ORDER BY id").fetchall()
    assert len(carried) == res.audit_records > 30
    assert carried == salatiga.conn.execute("SELECT id, hash FROM audit WHERE id <= ? ORDER BY id",
                                            (res.audit_records,)).fetchall()
    other.close()
    prov.close()


def test_the_sender_is_not_taken_at_its_word(salatiga, tmp_path):
    kab_key = keys.load_identity(tmp_path / "salatiga.pem")
    bundle = export.export_bundle(salatiga, tmp_path / "salatiga.zip", "tester", identity=kab_key).path
    from recap_app.core.bundle.verify import verify_bundle

    data = verify_bundle(bundle).data
    prov = Workspace.create(tmp_path / "prov.sqlite", "pilpres-2019-jateng", actor="tester")
    c = check_sender(prov.election, data, "salatiga.zip")
    assert not c.adopted and c.not_adopted == ["33.73.01", "33.73.02", "33.73.03", "33.73.04"]
    hidden = dict(data, findings=[f for f in data["findings"] if f["column"] != "33.73.02.1001"])
    assert check_sender(prov.election, hidden, "x.zip").unlisted == ["F.202|33.73.02|33.73.02.1001|jumlah_suara"]
    forged = json.loads(json.dumps(data))
    forged["result"]["values"]["33.73.02"]["paslon_1"] += 1000
    with pytest.raises(BundleRefused) as exc:
        check_sender(prov.election, forged, "x.zip")
    assert exc.value.code == "result_mismatch" and "33.73.02 isian paslon_1 = 23271" in str(exc.value)
    prov.close()


def test_a_spreadsheet_and_a_bundle_of_the_same_regency_compared(salatiga, tmp_path):
    kab_key = keys.load_identity(tmp_path / "salatiga.pem")
    bundle = export.export_bundle(salatiga, tmp_path / "salatiga.zip", "tester", identity=kab_key).path
    prov = Workspace.create(tmp_path / "prov.sqlite", "pilpres-2019-jateng", actor="tester")
    # the DB1 the regency also e-mailed, in the province's template, with one figure mistyped
    sums = desa_sums()
    values = {kec: {k: sum(d.get(k, 0) for d in desa.values()) for k in ("dpt_l", "dpt_p", "dpt", *SALATIGA)}
              for kec, desa in sums.items()}
    values = certificate_values(values)
    values["33.73.04"]["paslon_1"] = 12644  # 21644: two digits swapped
    path = tmp_path / template.template_filename(prov, "33.73")
    wb = template.build_template(prov, "33.73")
    wb.save(path)
    template.fill_template(path, list(values), values, prov.election.form_of_region("33.73"), wb=wb)
    assert import_files(prov, [path], "tester", accept_names=True).ok
    figures, notes, name = bundle_figures(prov, bundle)
    assert name == "bundel KPU Kota Salatiga nomor 1" and "BELUM dipercaya" in notes[0]
    report = compare_external(prov, figures, name)
    assert report.compared == 40
    assert [(d.column, d.field, d.value_a, d.value_b, d.fault) for d in report.differences] == [
        ("33.73.04", "paslon_1", 12644, 21644, "digits_swapped")]
    prov.close()
