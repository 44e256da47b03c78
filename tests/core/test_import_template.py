"""The province template (round trip), the 35 real certificates through several layouts, re-imports, totals."""

import json

import pytest
from click.testing import CliRunner
from fixtures_import import (
    db1_grid,
    fill_template,
    full_values,
    regency_args,
    transposed_grid,
    write_csv,
    write_xls,
)
from openpyxl import load_workbook

from recap_app.cli import main
from recap_app.core.demo import real_certificates
from recap_app.core.importer import import_files
from recap_app.core.importer.template import build_template, template_filename, write_templates
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals

PASLON_1, PASLON_2 = 16825511, 4944447


def test_template_layout_protection_and_identity(ws, tmp_path):
    [path] = write_templates(ws, ["33.19"], tmp_path)
    assert path.name == "templat_DB1-PPWP_33.19_kabupaten-kudus.xlsx"
    wb = load_workbook(path)
    sh, meta = wb["DB1-PPWP"], wb["_recap"]
    assert meta.sheet_state == "hidden"
    assert {r[0]: r[1] for r in meta.iter_rows(values_only=True)} == {
        "format": "1", "election_id": "pilpres-2019-jateng", "region_kode": "33.19", "province_code": "33",
        "form": "DB1-PPWP"}
    assert [sh.cell(r, 2).value for r in (3, 4, 5)] == [": JAWA TENGAH", ": KABUPATEN KUDUS (33.19)",
                                                         ": pilpres-2019-jateng"]
    assert [sh.cell(7, c).value for c in range(4, 14)] == [f"33.19.0{i}" for i in range(1, 10)] + ["JUMLAH"]
    assert sh.cell(8, 4).value == "KALIWUNGU" and sh.cell(8, 12).value == "DAWE"
    assert (sh.cell(11, 1).value, sh.cell(11, 2).value, sh.cell(11, 3).value) == (
        "I.A.1", "Jumlah pemilih dalam Daftar Pemilih Tetap (DPT)", "LK")
    assert sh.protection.sheet is True
    assert sh.cell(11, 2).protection.locked is True and sh.cell(11, 4).protection.locked is False
    assert sh.cell(11, 13).protection.locked is False  # JUMLAH is typed as the regency certified it


def test_template_round_trip_gives_back_what_was_typed(ws, tmp_path):
    [path] = write_templates(ws, ["33.19"], tmp_path)
    codes = [r.kode for r in ws.columns_of("33.19")]
    values = full_values(ws.election, codes)
    values["JUMLAH"]["paslon_1"] -= 1  # the regency's certified JUMLAH differs: kept as typed
    values["33.19.05"]["suara_tidak_sah"] = 0
    values["33.19.06"]["suara_tidak_sah"] = None
    fill_template(path, codes + ["JUMLAH"], values, ws.election.form)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima" and rep.recomputed == [] and not rep.jumlah_computed
    assert rep.notes == ["templat program (pemilihan pilpres-2019-jateng, wilayah 33.19)"]
    info, got = ws.latest_values()["33.19"]
    assert list(info.columns) == codes + ["JUMLAH"]
    assert got == {c: {k: values[c].get(k) for k in ws.election.form.field_keys} for c in info.columns}


def test_template_with_empty_jumlah_is_computed_and_reported(ws, tmp_path):
    [path] = write_templates(ws, ["33.75"], tmp_path)
    codes = [r.kode for r in ws.columns_of("33.75")]
    values = full_values(ws.election, codes)
    fill_template(path, codes, values, ws.election.form)
    rep = import_files(ws, [path], "tester").files[0]
    assert rep.status == "diterima" and rep.jumlah_computed
    assert ws.latest_values()["33.75"][1]["JUMLAH"] == values["JUMLAH"]


def test_template_unknown_region(ws, tmp_path):
    from recap_app.core.errors import RecapError

    with pytest.raises(RecapError) as exc:
        write_templates(ws, ["33.99"], tmp_path)
    assert exc.value.message == ("Wilayah '33.99' bukan kabupaten/kota dalam Pemilihan Umum Presiden dan Wakil "
                                 "Presiden Tahun 2019; diharapkan kode seperti 33.01, 33.02, 33.03.")


def province(ws):
    t = province_totals(ws)
    return t["received"], t["fields"]["paslon_1"], t["fields"]["paslon_2"]


def test_35_real_certificates_through_the_template(ws, tmp_path):
    certs = real_certificates("rekap")
    paths = []
    for kode, (cols, values) in certs.items():  # the regency types its figures into our template
        path = tmp_path / template_filename(ws, kode)
        paths.append(fill_template(path, cols, values, ws.election.form, wb=build_template(ws, kode)))
    report = import_files(ws, paths, "tester")
    assert report.ok and {f.status for f in report.files} == {"diterima"}
    assert province(ws) == (35, PASLON_1, PASLON_2)
    assert ws.latest_values()["33.75"][1]["JUMLAH"]["paslon_1"] == 138319


@pytest.mark.parametrize("kind", ["csv_transposed", "xls_db1_text_numbers"])
def test_35_real_certificates_through_other_layouts(ws, tmp_path, kind):
    certs = real_certificates("rekap")
    paths = []
    for kode in certs:
        title, cols, values = regency_args(ws, kode, certs)
        if kind == "csv_transposed":
            paths.append(write_csv(tmp_path / f"{kode}.csv", transposed_grid(ws.election, title, cols, values)))
        else:
            paths.append(write_xls(tmp_path / f"{kode}.xls", db1_grid(ws.election, title, cols, values,
                                                                      numbers="text")))
    report = import_files(ws, paths, "tester")
    assert [f.message for f in report.files if not f.ok] == []
    assert province(ws) == (35, PASLON_1, PASLON_2)


def test_same_content_again_changes_nothing_and_changed_content_makes_a_revision(ws, tmp_path):
    certs = real_certificates("rekap")
    title, cols, values = regency_args(ws, "33.75", certs)
    first = write_csv(tmp_path / "a.csv", db1_grid(ws.election, title, cols, values))
    assert import_files(ws, [first], "tester").files[0].revision == 1
    audit = ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    # the same file, and the same figures in another layout: unchanged
    other = write_csv(tmp_path / "b.csv", transposed_grid(ws.election, title, cols, values))
    for path in (first, other):
        rep = import_files(ws, [path], "tester").files[0]
        assert (rep.status, rep.revision) == ("sudah ada", 1)
        assert rep.to_text().splitlines()[1] == "  Isi sama dengan revisi 1; tidak ada yang diubah."
    assert ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audit
    values["33.75.01"]["paslon_1"] = 43414
    values["JUMLAH"]["paslon_1"] = 138320
    changed = write_csv(tmp_path / "c.csv", db1_grid(ws.election, title, cols, values))
    rep = import_files(ws, [changed], "tester", reason="salah ketik di pleno, dikoreksi").files[0]
    assert (rep.status, rep.revision) == ("diterima", 2)
    assert rep.differences == [{"kolom": "33.75.01", "field": "paslon_1", "before": 43413, "after": 43414},
                               {"kolom": "JUMLAH", "field": "paslon_1", "before": 138319, "after": 138320}]
    revs = ws.revisions("33.75")
    assert [r.number for r in revs] == [1, 2] and revs[1].reason == "salah ketik di pleno, dikoreksi"
    src = ws.conn.execute("SELECT name, sha256, content FROM source_file WHERE id = ?",
                          (revs[1].source_file_id,)).fetchone()
    assert src[0] == "c.csv" and src[2] == changed.read_bytes()
    assert src[1] == rep.sha256
    last = ws.conn.execute("SELECT action, entity FROM audit WHERE action != 'backup.create' "
                           "ORDER BY id DESC LIMIT 1").fetchone()
    assert last == ("certificate.import", "certificate:33.75")
    assert ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 1").fetchone() == ("backup.create",)


def test_cli_import_and_totals_json(tmp_path):
    from pathlib import Path

    samples = sorted((Path(__file__).resolve().parent.parent / "data" / "samples").glob("*.xlsx"))
    db = tmp_path / "w.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", str(db)]).exit_code == 0
    r = runner.invoke(main, ["import", "--db", str(db), "--accept-names", *map(str, samples)])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[-1] == "Ringkasan: 4 diterima, 0 sudah ada, 0 ditolak."
    r = runner.invoke(main, ["import", "--db", str(db), "--format", "json", str(samples[0])])
    assert r.exit_code == 0 and json.loads(r.output)["files"][0]["status"] == "sudah ada"
    r = runner.invoke(main, ["totals", "--db", str(db), "--format", "json"])
    t = json.loads(r.output)
    assert (t["election"], t["received"], t["expected"]) == ("pilpres-2019-jateng", 4, 35)
    assert t["fields"]["paslon_2"] == 668983 and t["fields"]["suara_tidak_sah"] is None
    assert list(t["fields"]) == list(Workspace.open(db).election.form.field_keys)
    assert t["regencies"]["33.75"]["nama"] == "Kota Pekalongan"
    assert t["regencies"]["33.75"]["jumlah"]["paslon_1"] == 138319
    assert '"paslon_2": 668983' in r.output
    r = runner.invoke(main, ["totals", "--db", str(db)])
    assert "IV.2 PRABOWO SUBIANTO - SANDIAGA UNO" in r.output and "668.983" in r.output
    assert r.output.splitlines()[-1] == "  33.75  Kota Pekalongan                   138.319       49.784      188.103       kosong"
    r = runner.invoke(main, ["template", "--db", str(db), "--region", "33.75", "--out", str(tmp_path / "tpl")])
    assert r.exit_code == 0 and r.output.splitlines() == [
        str(tmp_path / "tpl" / "templat_DB1-PPWP_33.75_kota-pekalongan.xlsx"), f"1 templat ditulis ke {tmp_path / 'tpl'}."]
    r = runner.invoke(main, ["template", "--db", str(db), "--out", str(tmp_path / "tpl")])
    assert r.exit_code == 1 and r.output == "Galat: Pilih salah satu: --region KODE atau --all.\n"


def test_round_trip_for_a_2024_election_form_name_with_slash(tmp_path):
    with Workspace.create(tmp_path / "p24.sqlite", "pilpres-2024-jateng", actor="t") as ws:
        [path] = write_templates(ws, ["33.19"], tmp_path)
        assert path.name == "templat_D.HASIL-KABUPATEN-KOTA-PPWP_33.19_kabupaten-kudus.xlsx"
        codes = [r.kode for r in ws.columns_of("33.19")]
        values = full_values(ws.election, codes)
        fill_template(path, codes + ["JUMLAH"], values, ws.election.form)
        rep = import_files(ws, [path], "tester").files[0]
        assert rep.status == "diterima", rep.message
        assert rep.sheet == "D.HASIL KABUPATEN-KOTA-PPWP"
        info, got = ws.latest_values()["33.19"]
        assert got == {c: {k: values[c].get(k) for k in ws.election.form.field_keys} for c in info.columns}
