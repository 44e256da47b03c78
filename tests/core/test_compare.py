"""Comparing two sources of the same figures, and the typing-fault classes (compare.py)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from recap_app.cli import main
from recap_app.core import certificate, compare
from recap_app.core.compare import CompareError, classify, compare_columns, digit_fault, read_external_csv
from recap_app.core.demo import DEMO_DIR
from recap_app.core.election import load_election

E = load_election("pilpres-2019-jateng")
KEC_CSV = DEMO_DIR / "pilpres2019_jateng_kecamatan.csv"


def test_extra_and_missing_digit_72_vs_172():
    # a TPS tally of 72 typed as 172 (Situng 2019), and the other way round
    official = {"paslon_1": 72, "paslon_2": 131, "suara_sah": 203}
    typed = {"paslon_1": 172, "paslon_2": 131, "suara_sah": 203}
    n, diffs = compare_columns(E.form, "33.01", {"33.01.02": "TPS 004 Kesugihan"}, {"33.01.02": official},
                               {"33.01.02": typed}, names=("C1", "Situng"), skip_blank_b=True)
    assert n == 3
    assert [d.to_dict() for d in diffs] == [{
        "region": "33.01", "column": "33.01.02", "field": "paslon_1", "value_a": 72, "value_b": 172,
        "difference": 100, "fault": "digit_extra", "fault_detail": "",
        "message": "TPS 004 Kesugihan: IV.1 suara paslon 1 — C1 72, Situng 172 (selisih 100); "
                   "mirip salah ketik: kelebihan satu angka."}]
    assert digit_fault(172, 72) == "digit_missing"
    assert digit_fault(1578, 158) == "digit_missing"


def test_swapped_digits_on_the_real_situng_figures(demo_ws):
    figures = read_external_csv(KEC_CSV, E, "situng_")
    report = compare.compare_external(demo_ws, figures, "Situng")
    wedi = [d for d in report.differences if d.column == "33.10.03" and d.field == "suara_sah"]
    assert [(d.value_a, d.value_b, d.difference, d.fault) for d in wedi] == [(32429, 32249, -180, "digits_swapped")]
    assert wedi[0].message == ("Kabupaten Klaten, kecamatan WEDI (33.10.03): V.A suara sah — ruang kerja 32.429, "
                               "Situng 32.249 (selisih -180); mirip salah ketik: dua angka tertukar.")
    assert digit_fault(1234, 1324) == "digits_swapped"
    assert digit_fault(1234, 4231) == "digits_swapped"


def test_valid_total_typed_into_candidate_rows():
    # Kesugihan (33.01.02) official recap, and an entry with suara sah typed into paslon 1's row and
    # suara tidak sah into paslon 2's, as seen in Situng 2019
    official = {"paslon_1": 59153, "paslon_2": 15922, "suara_sah": 75075}
    typed = {"paslon_1": 75075, "paslon_2": 1578, "suara_sah": 75075, "suara_tidak_sah": 1578}
    n, diffs = compare_columns(E.form, "33.01", {}, {"33.01.02": official}, {"33.01.02": typed}, skip_blank_b=True)
    assert [(d.field, d.fault, d.fault_detail) for d in diffs] == [
        ("paslon_1", "wrong_row", "suara_sah"), ("paslon_2", "wrong_row", "suara_tidak_sah"),
        ("suara_tidak_sah", "", "")]
    assert diffs[0].message == ("33.01.02: IV.1 suara paslon 1 — A 59.153, B 75.075 (selisih 15.922); mirip salah "
                                "ketik: nilai baris lain (V.A suara sah).")


def test_no_class_when_nothing_fits():
    assert digit_fault(7830084, 7870084) == "digit_wrong"  # the Pilgub Jateng 2024 misprint (DOMAIN §4)
    assert digit_fault(7830084, 7780084) == ""
    assert digit_fault(59153, 59158) == ""  # a last-digit difference is a count, not a typing fault
    assert classify("paslon_1", 5, 5, {}, {}) == ("", "")
    assert classify("paslon_1", None, 5, {}, {}) == ("", "")
    assert classify("paslon_1", 4, 7, {"paslon_2": 7}, {}) == ("", "")  # too small to claim a wrong row


def test_real_situng_against_the_official_recap(demo_ws):
    report = compare.compare_external(demo_ws, read_external_csv(KEC_CSV, E, "situng_"), "Situng")
    assert (report.compared, len(report.differences)) == (2865, 2298)
    faults = {}
    for d in report.differences:
        faults[d.fault] = faults.get(d.fault, 0) + 1
    assert faults == {"": 2277, "digit_wrong": 19, "digits_swapped": 2}
    assert report.unknown_codes == [] and report.not_received == []
    # the official recap per kecamatan is what the workspace holds: no difference at all
    same = compare.compare_external(demo_ws, read_external_csv(KEC_CSV, E, "rekap_"), "rekap")
    assert (same.compared, same.differences) == (1146, [])


def test_regency_and_province_rows(demo_ws, tmp_path):
    f = tmp_path / "lain.csv"
    f.write_bytes("\ufeffkode;paslon_1;paslon_2\n33.75;138.320;49.784\n33;16.825.511;-\n99.99;1;1\n".encode())
    report = compare.compare_external(demo_ws, read_external_csv(f, E), "sumber lain")
    assert [(d.region, d.column, d.field, d.value_a, d.value_b) for d in report.differences] == [
        ("33.75", "JUMLAH", "paslon_1", 138319, 138320), ("33", "PROVINSI", "paslon_2", 4944447, 0)]
    assert report.unknown_codes == ["99.99"]


@pytest.mark.parametrize("content, message", [
    ("nama,paslon_1\nX,1\n", "Berkas x.csv: baris 1 tidak memuat kolom kode wilayah (diharapkan salah satu dari "
                             "kode, kode_wilayah, kode_kecamatan, kode_kabupaten_kota); ditemukan: nama, paslon_1."),
    ("kode,nama\n33.01,X\n", "Berkas x.csv: tidak ada kolom angka yang dikenal (contoh: paslon_1, suara_sah)."),
    ("kode,paslon_1\n33.01,1,234\n", None),
    ("kode,paslon_1\n33.01,\"1,234\"\n", "Berkas x.csv, baris 2, kolom paslon_1: nilai '1,234' bukan bilangan bulat "
                                         "tidak negatif (contoh yang diterima: 12345, 12.345, atau - untuk nol; "
                                         "kosong dibiarkan kosong)."),
    ("kode,paslon_1\n33.01,-5\n", "Berkas x.csv, baris 2, kolom paslon_1: nilai '-5' bukan bilangan bulat tidak "
                                  "negatif (contoh yang diterima: 12345, 12.345, atau - untuk nol; kosong dibiarkan "
                                  "kosong)."),
    ("kode,paslon_1\n33.01,1\n33.01,2\n", "Berkas x.csv, baris 3: kode 33.01 muncul dua kali."),
    ("", "Berkas x.csv kosong."),
])
def test_bad_external_files_are_refused_with_a_clear_message(tmp_path, content, message):
    f = tmp_path / "x.csv"
    f.write_text(content, encoding="utf-8")
    if message is None:  # an extra cell beyond the header is ignored
        assert read_external_csv(f, E) == {"33.01": {"paslon_1": 1}}
        return
    with pytest.raises(CompareError) as e:
        read_external_csv(f, E)
    assert e.value.message == message


def test_not_utf8_and_missing_file(tmp_path):
    f = tmp_path / "x.csv"
    f.write_bytes(b"kode,paslon_1\n33.01,\xff\n")
    with pytest.raises(CompareError) as e:
        read_external_csv(f, E)
    assert e.value.message == "Berkas x.csv bukan teks UTF-8 (bita ke-21); simpan sebagai CSV UTF-8."
    with pytest.raises(CompareError):
        read_external_csv(tmp_path / "tidak-ada.csv", E)


def test_compare_revisions_and_cli(demo_ws):
    info, vals = demo_ws.latest_values()["33.75"]
    vals[info.columns[0]]["paslon_2"] = vals[info.columns[0]]["paslon_2"] * 10 + 7
    certificate.record_revision(demo_ws, "33.75", list(info.columns), vals, actor="tester", reason="uji")
    path = str(demo_ws.path)
    demo_ws.close()
    runner = CliRunner()
    res = runner.invoke(main, ["compare", "--db", path, "--region", "33.75", "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert (data["source_a"], data["source_b"], data["compared"]) == ("revisi 1", "revisi 2", 5 * 39)
    assert [(d["column"], d["field"], d["fault"]) for d in data["differences"]] == [
        (info.columns[0], "paslon_2", "digit_extra")]
    res = runner.invoke(main, ["compare", "--db", path, str(KEC_CSV), "--prefix", "situng_", "--name", "Situng"])
    assert res.exit_code == 0
    assert res.output.splitlines()[0] == ("ruang kerja dibandingkan dengan Situng: 2.865 angka dibandingkan, 2.298 "
                                          "berbeda (21 mirip salah ketik).")
    res = runner.invoke(main, ["compare", "--db", path])
    assert res.exit_code == 1
    assert res.output == "Galat: Pilih salah satu: berkas CSV, atau --region KODE untuk membandingkan revisi.\n"


# --------------------------------------------------------------------- properties of the digit classes
@given(st.integers(0, 10**8), st.data())
def test_one_inserted_digit_is_always_an_extra_digit(a, data):
    s = str(a)
    i = data.draw(st.integers(0, len(s)))
    d = data.draw(st.sampled_from("0123456789"))
    b = int(s[:i] + d + s[i:])
    if str(b) == s[:i] + d + s[i:]:  # no leading zero swallowed
        assert digit_fault(a, b) == "digit_extra"
        assert digit_fault(b, a) == "digit_missing"


@given(st.integers(10, 10**8), st.data())
def test_two_exchanged_digits_are_always_swapped(a, data):
    s = list(str(a))
    i, j = sorted(data.draw(st.lists(st.integers(0, len(s) - 1), min_size=2, max_size=2, unique=True)))
    if s[i] != s[j] and not (i == 0 and s[j] == "0"):
        s[i], s[j] = s[j], s[i]
        assert digit_fault(a, int("".join(s))) == "digits_swapped"


def test_the_programs_own_csv_export_is_read_and_compared(demo_ws, tmp_path):
    """recap compare takes the long CSV of recap export --format csv (kode_wilayah, ..., field, nilai)."""
    from recap_app.core import export

    out = tmp_path / "rekap.csv"
    export.export(demo_ws, "tester", out, "csv")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("kode_wilayah,nama_wilayah,kode_kolom")
    # the other source differs in one figure: the first kecamatan's paslon 1 typed with one digit more
    changed = list(lines)
    row = next(i for i, ln in enumerate(lines) if ln.startswith("33.01,") and ",paslon_1," in ln)
    parts = changed[row].split(",")
    parts[7] += "7"
    changed[row] = ",".join(parts)
    other = tmp_path / "lain.csv"
    other.write_text("\n".join(changed) + "\n", encoding="utf-8")
    figures = read_external_csv(other, E)
    report = compare.compare_external(demo_ws, figures, "lain.csv")
    assert report.compared > 3000 and not report.unknown_codes and not report.not_received
    [d] = report.differences
    assert d.field == "paslon_1" and d.region == "33.01" and d.fault == "digit_extra"
    same = compare.compare_external(demo_ws, read_external_csv(out, E), "rekap.csv")
    assert same.differences == [] and same.compared == report.compared
    # the command line takes it too
    path = demo_ws.path
    demo_ws.close()
    res = CliRunner().invoke(main, ["compare", "--db", str(path), str(other)], catch_exceptions=False)
    assert res.exit_code == 0 and "1 berbeda" in res.output and "kelebihan satu angka" in res.output


def test_a_bad_row_of_the_long_csv_is_named(tmp_path):
    bad = tmp_path / "rusak.csv"
    bad.write_text("kode_wilayah,kode_kolom,field,nilai\n33.01,33.01.02,paslon_1,1.2345\n", encoding="utf-8")
    with pytest.raises(CompareError) as exc:
        read_external_csv(bad, E)
    assert exc.value.message.startswith("Berkas rusak.csv, baris 2, kolom nilai: nilai '1.2345' bukan bilangan bulat")
    unknown = tmp_path / "isian.csv"
    unknown.write_text("kode_wilayah,kode_kolom,field,nilai\n33.01,JUMLAH,paslon_9,5\n", encoding="utf-8")
    with pytest.raises(CompareError, match="baris 2, kolom field: isian 'paslon_9' tidak dikenal"):
        read_external_csv(unknown, E)


def test_a_spreadsheet_of_certificates_is_a_second_source(demo_ws):
    """Any workbook the importer reads (a regency's DB1 here) can be compared without storing it."""
    from recap_app.core.importer import read_for_comparison

    sample = Path(__file__).resolve().parents[1] / "data" / "samples" / "db1-ppwp-2019_33.74_kota-semarang.xlsx"
    before = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    figures, notes = read_for_comparison(demo_ws, sample)
    assert "33.74" in figures and any(c.startswith("33.74.") for c in figures)
    assert notes and "Kota Semarang (33.74)" in notes[0]
    report = compare.compare_external(demo_ws, figures, sample.name)
    assert report.compared > 50
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == before  # nothing written
