"""Every rule of the catalogue: a case that breaks it and one that keeps it (rules.py)."""

import pytest

from recap_app.core.election import Region, load_election
from recap_app.core.rules import (
    JUMLAH,
    PROVINSI,
    RULES,
    RULES_BY_CODE,
    Finding,
    check_certificate,
    check_column,
    check_province,
)

E = load_election("pilpres-2019-jateng").form
REGENCY = Region("33.99", "33", "kabupaten_kota", "Kabupaten Uji")
KEC = [Region("33.99.01", "33.99", "kecamatan", "SATU"), Region("33.99.02", "33.99", "kecamatan", "DUA")]


def good() -> dict:
    """One column that keeps every rule (DPT 210, reserve ⌈210 × 1,02⌉ = 215)."""
    return dict(
        dpt_l=100, dpt_p=110, dpt=210, dptb_l=3, dptb_p=2, dptb=5, dpk_l=1, dpk_p=1, dpk=2,
        pemilih_l=104, pemilih_p=113, pemilih=217,
        pengguna_dpt_l=80, pengguna_dpt_p=90, pengguna_dpt=170, pengguna_dptb_l=3, pengguna_dptb_p=2,
        pengguna_dptb=5, pengguna_dpk_l=1, pengguna_dpk_p=1, pengguna_dpk=2,
        pengguna_hak_pilih_l=84, pengguna_hak_pilih_p=93, pengguna_hak_pilih=177,
        surat_suara_diterima=215, surat_suara_dikembalikan=2, surat_suara_tidak_digunakan=36,
        surat_suara_digunakan=177,
        disabilitas_l=2, disabilitas_p=1, disabilitas=3, pengguna_disabilitas_l=1, pengguna_disabilitas_p=1,
        pengguna_disabilitas=2,
        paslon_1=120, paslon_2=50, suara_sah=170, suara_tidak_sah=7, jumlah_suara=177)


def run(**changes) -> list[Finding]:
    v = good()
    v.update(changes)
    return check_column(E, "33.99", "Kabupaten Uji, kolom JUMLAH", JUMLAH, v)


def brief(fs):
    return [(f.code, f.field, f.expected, f.actual) for f in fs]


def test_the_good_column_keeps_every_rule():
    assert run() == []


def test_catalogue_codes_are_unique_and_complete():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes))
    assert codes == ["F.101", "F.102", "F.103", "F.201", "F.202", "F.203", "F.204", "F.301", "F.302", "F.401",
                     "F.402", "F.501", "F.601", "F.602", "F.603", "W.101", "W.102", "W.103", "W.104", "W.105",
                     "W.601", "W.602"]
    for r in RULES:
        assert r.severity == ("error" if r.code.startswith("F") else "warning")
        assert r.text_id and r.text_en and r.source
    assert RULES_BY_CODE["W.102"].threshold.startswith("V.B > 10%")


# --------------------------------------------------------------------- F.101 L + P = JML
def test_f101_breaks_when_l_plus_p_differs_from_jumlah():
    fs = run(disabilitas=4)
    assert brief(fs) == [("F.101", "disabilitas", 3, 4)]
    assert fs[0].severity == "error"
    assert fs[0].key == "F.101|33.99|JUMLAH|disabilitas"
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: III.1 pemilih disabilitas LK + III.1 pemilih disabilitas PR"
                             " = 3, tetapi III.1 pemilih disabilitas JML = 4 (selisih 1).")


def test_f101_keeps_when_both_sexes_move_together():
    assert run(disabilitas_l=1, disabilitas_p=2) == []


# --------------------------------------------------------------------- F.102 / F.103 category sums
def test_f102_breaks_when_a4_is_not_the_sum_of_categories():
    assert brief(run(pemilih_l=105, pemilih_p=112)) == [("F.102", "pemilih_l", 104, 105),
                                                        ("F.102", "pemilih_p", 113, 112)]


def test_f102_keeps_when_a_category_and_a4_move_together():
    assert run(dptb_l=4, dptb=6, pemilih_l=105, pemilih=218) == []


def test_f103_breaks_when_b4_is_not_the_sum_of_categories():
    assert brief(run(pengguna_hak_pilih_l=85, pengguna_hak_pilih_p=92)) == [
        ("F.103", "pengguna_hak_pilih_l", 84, 85), ("F.103", "pengguna_hak_pilih_p", 93, 92)]


def test_f103_keeps_when_categories_shift_between_sexes_consistently():
    assert run(pengguna_dpt_l=81, pengguna_dpt_p=89, pengguna_hak_pilih_l=85, pengguna_hak_pilih_p=92) == []


# --------------------------------------------------------------------- F.201 / F.202 / F.203
def test_f201_breaks_when_paslon_sum_differs_from_suara_sah():
    fs = run(paslon_1=121)
    assert brief(fs) == [("F.201", "suara_sah", 171, 170)]
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: IV.1 suara paslon 1 + IV.2 suara paslon 2 = 171, "
                             "tetapi V.A suara sah = 170 (selisih -1).")


def test_f201_keeps_when_votes_move_between_pairs():
    assert run(paslon_1=121, paslon_2=49) == []


DPR = load_election("dpr-2024-jateng").form_for("3301")


def _party_column(**changes):
    """A consistent JAWA TENGAH I column: every party 10 party-only votes and 1 vote per candidate."""
    v = {}
    for p in DPR.contestants:
        v[DPR.party_key(p.nomor)] = 10
        for c in DPR.candidates[p.nomor]:
            v[DPR.candidate_key(p.nomor, c.nomor)] = 1
        v[DPR.total_key(p)] = 10 + len(DPR.candidates[p.nomor])
    v["suara_sah"] = sum(v[DPR.total_key(p)] for p in DPR.contestants)
    v.update(changes)
    return v


def test_f204_breaks_when_party_only_plus_candidates_differs_from_the_party_total():
    fs = check_column(DPR, "33.74", "Kota Semarang, kolom JUMLAH", JUMLAH, _party_column(partai_3_calon_2=2))
    assert brief(fs) == [("F.204", "partai_3_jumlah", 19, 18)]
    assert fs[0].message.startswith("Kota Semarang, kolom JUMLAH: IV.3 suara partai PDI Perjuangan + IV.3.1 suara "
                                    "calon PDI Perjuangan nomor 1 + ")
    assert fs[0].message.endswith("tetapi IV.3 jumlah suara PDI Perjuangan = 18 (selisih -1).")


def test_f204_keeps_when_votes_move_between_a_party_and_its_candidates():
    assert check_column(DPR, "33.74", "Uji", JUMLAH, _party_column(partai_3=9, partai_3_calon_1=2)) == []


def test_f201_on_a_party_form_sums_the_party_totals():
    fs = check_column(DPR, "33.74", "Uji", JUMLAH, _party_column(partai_5_jumlah=1, partai_5=-7))
    assert [f.code for f in fs] == ["F.201"]


def _dpr_certificate(**changes):
    """A JAWA TENGAH I certificate of two kecamatan and JUMLAH, every list entry present."""
    a, b = _party_column(**changes), _party_column()
    total = {k: a[k] + b[k] for k in a}
    return ["33.99.01", "33.99.02", JUMLAH], {"33.99.01": a, "33.99.02": b, JUMLAH: total}


def test_f603_breaks_when_a_candidate_of_the_list_is_not_on_the_certificate():
    cols, vals = _dpr_certificate()
    for c in cols:
        vals[c]["partai_15_calon_3"] = None  # PSI's candidate 3: no row on the sheet
    fs = [f for f in check_certificate(DPR, REGENCY, KEC, cols, vals) if f.code == "F.603"]
    assert [(f.field, f.severity, f.column) for f in fs] == [("partai_15_calon_3", "error", "")]
    name = DPR.candidates[15][2].nama
    assert fs[0].message == (f"Kabupaten Uji: IV.15.3 {name} tidak ada di sertifikat (kosong di semua 3 kolom); "
                             "diharapkan setiap partai dan calon daftar dapil JAWA TENGAH I.")


def test_f603_keeps_when_the_entry_is_blank_in_one_column_only():
    cols, vals = _dpr_certificate()
    vals["33.99.01"]["partai_15_calon_3"] = None
    assert [f.code for f in check_certificate(DPR, REGENCY, KEC, cols, vals) if f.code == "F.603"] == []
    assert [f.code for f in check_certificate(E, REGENCY, KEC, *cert())] == []  # never on a pair form


def test_w104_breaks_when_legislative_voters_exceed_the_dpt():
    v = dict(good(), pengguna_dptb=60, pengguna_dptb_l=30, pengguna_dptb_p=30, pengguna_hak_pilih=232,
             pengguna_hak_pilih_l=114, pengguna_hak_pilih_p=118)
    v.pop("paslon_1"), v.pop("paslon_2")
    fs = [f for f in check_column(DPR, "33.74", "Uji", JUMLAH, v) if f.code == "W.104"]
    assert brief(fs) == [("W.104", "pengguna_hak_pilih", 210, 232)]
    assert fs[0].message == ("Uji: I.B.4 jumlah pengguna hak pilih JML = 232 melebihi I.A.1 DPT JML = 210 (lebih 22); "
                             "pemilih DPTb dan DPK ada di luar DPT. Perlu penjelasan.")
    assert [f for f in check_column(E, "33.74", "Uji", JUMLAH, dict(good(), pengguna_hak_pilih=232))
            if f.code == "W.104"] == []  # the pair forms keep their rules unchanged


def test_w104_keeps_at_the_dpt():
    assert [f for f in check_column(DPR, "33.74", "Uji", JUMLAH, dict(good(), pengguna_hak_pilih=210))
            if f.code == "W.104"] == []


def test_w105_breaks_when_a_linked_contest_differs():
    from recap_app.core.rules import check_linked, shared_keys

    keys = shared_keys(DPR, E)
    assert keys[:3] == ["dpt_l", "dpt_p", "dpt"] and "surat_suara_diterima" in keys and "suara_sah" not in keys
    mine = {"33.99.01": good(), JUMLAH: good()}
    theirs = {"33.99.01": dict(good(), dpt_l=101), JUMLAH: dict(good(), dpt_l=101), "33.99.02": good()}
    fs = check_linked(DPR, REGENCY, {"33.99.01": "SATU"}, mine, theirs, keys, "Pilpres 2024 (pilpres.sqlite)")
    assert [(f.code, f.field, f.expected, f.actual, f.columns) for f in fs] == [
        ("W.105", "dpt_l", 101, 100, (JUMLAH, "33.99.01"))]
    assert fs[0].message.startswith("Kabupaten Uji: I.A.1 DPT LK berbeda dengan Pilpres 2024 (pilpres.sqlite) (kolom "
                                    "JUMLAH: 100 di sini, 101 di sana; SATU: 100 di sini, 101 di sana)")


def test_w105_keeps_when_equal_or_blank_on_one_side():
    from recap_app.core.rules import check_linked, shared_keys

    keys = shared_keys(DPR, E)
    theirs = {JUMLAH: dict(good(), dpt_l=None)}
    assert check_linked(DPR, REGENCY, {}, {JUMLAH: good()}, theirs, keys, "x") == []


def test_f202_breaks_when_valid_plus_invalid_differs_from_total():
    assert brief(run(suara_tidak_sah=8)) == [("F.202", "jumlah_suara", 178, 177)]


def test_f202_keeps_when_valid_and_invalid_trade_places():
    assert run(paslon_1=119, suara_sah=169, suara_tidak_sah=8) == []


def test_f203_breaks_when_total_votes_differ_from_voters():
    assert brief(run(suara_tidak_sah=8, jumlah_suara=178)) == [("F.203", "jumlah_suara", 177, 178)]


def test_f203_keeps_with_equal_totals():
    assert [f for f in run() if f.code == "F.203"] == []


# --------------------------------------------------------------------- F.301 / F.302 ballots
def test_f301_breaks_when_ballots_used_differ_from_voters():
    assert brief(run(surat_suara_digunakan=178, surat_suara_tidak_digunakan=35)) == [
        ("F.301", "surat_suara_digunakan", 177, 178)]


def test_f301_keeps_when_ballots_used_equal_voters():
    assert [f for f in run(surat_suara_dikembalikan=3, surat_suara_tidak_digunakan=35) if f.code == "F.301"] == []


def test_f302_breaks_when_received_differs_from_returned_unused_used():
    assert brief(run(surat_suara_dikembalikan=3)) == [("F.302", "surat_suara_diterima", 216, 215)]


def test_f302_keeps_when_returned_and_unused_trade():
    assert run(surat_suara_dikembalikan=3, surat_suara_tidak_digunakan=35) == []


# --------------------------------------------------------------------- F.401 / F.402 bounds
def test_f401_breaks_when_more_voted_than_registered_in_a_category():
    fs = run(pengguna_dpk_l=2, pengguna_dpk_p=0, pengguna_dpt_l=79, pengguna_dpt_p=91)
    assert brief(fs) == [("F.401", "pengguna_dpk_l", 1, 2)]
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: I.B.3 pengguna hak pilih DPK LK = 2 melebihi "
                             "I.A.3 DPK LK = 1 (lebih 1).")


def test_f401_keeps_when_everyone_registered_voted():
    assert [f for f in run(pengguna_dpk_l=1) if f.code == "F.401"] == []


def test_f402_breaks_when_more_disabled_voted_than_registered():
    assert brief(run(pengguna_disabilitas_l=0, pengguna_disabilitas_p=2)) == [
        ("F.402", "pengguna_disabilitas_p", 1, 2)]


def test_f402_keeps_at_equality():
    assert run(pengguna_disabilitas_l=2, pengguna_disabilitas_p=1, pengguna_disabilitas=3) == []


# --------------------------------------------------------------------- warnings
def test_w101_turnout_over_100_percent():
    fs = check_column(E, "33.99", "Uji", JUMLAH, {"pemilih": 1000, "pengguna_hak_pilih": 1001})
    assert brief(fs) == [("W.101", "pengguna_hak_pilih", 1000, 1001)]
    assert fs[0].severity == "warning"
    assert fs[0].message == ("Uji: partisipasi 100,1% — I.B.4 jumlah pengguna hak pilih JML = 1.001 melebihi "
                             "I.A.4 jumlah pemilih JML = 1.000. Perlu penjelasan.")


def test_w101_keeps_at_exactly_100_percent():
    assert check_column(E, "33.99", "Uji", JUMLAH, {"pemilih": 1000, "pengguna_hak_pilih": 1000}) == []


def test_w102_high_share_of_invalid_votes():
    fs = run(paslon_1=109, suara_sah=159, suara_tidak_sah=18)
    assert brief(fs) == [("W.102", "suara_tidak_sah", 17, 18)]
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: V.B suara tidak sah = 18 adalah 10,2% dari V.C jumlah "
                             "suara sah dan tidak sah = 177 (batas kewajaran 10%). Perlu penjelasan.")


def test_w102_keeps_just_under_the_threshold():
    assert run(paslon_1=110, suara_sah=160, suara_tidak_sah=17) == []


def test_w103_received_far_from_dpt_plus_reserve():
    fs = run(surat_suara_diterima=218, surat_suara_tidak_digunakan=39)
    assert brief(fs) == [("W.103", "surat_suara_diterima", 215, 218)]
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: II.1 surat suara diterima = 218, lebih 3 dari DPT + "
                             "cadangan 2% = 215 (batas kewajaran 1% DPT = 2). Perlu penjelasan.")
    short = run(surat_suara_diterima=210, surat_suara_tidak_digunakan=31)
    assert brief(short) == [("W.103", "surat_suara_diterima", 215, 210)]


def test_w103_keeps_within_tolerance():
    assert run(surat_suara_diterima=217, surat_suara_tidak_digunakan=38) == []
    assert run(surat_suara_diterima=213, surat_suara_tidak_digunakan=34) == []


def test_w103_uses_the_elections_reserve_percent():
    fs = check_column(E, "33", "Uji", JUMLAH, {"dpt": 1000, "surat_suara_diterima": 1031}, reserve_percent=2.5)
    assert fs == []
    fs = check_column(E, "33", "Uji", JUMLAH, {"dpt": 1000, "surat_suara_diterima": 1031})
    assert brief(fs) == [("W.103", "surat_suara_diterima", 1020, 1031)]


def test_a_blank_input_skips_the_rule_instead_of_breaking_it():
    assert run(paslon_2=None) == []
    assert run(suara_sah=None, jumlah_suara=None) == []
    assert run(pengguna_hak_pilih=None) == []


# --------------------------------------------------------------------- certificate: hierarchy, completeness
def cert(**jumlah_changes):
    a, b = good(), good()
    b.update(paslon_1=100, paslon_2=70)
    j = {k: a[k] + b[k] for k in a}
    j.update(jumlah_changes)
    return ["33.99.01", "33.99.02", JUMLAH], {"33.99.01": a, "33.99.02": b, JUMLAH: j}


def check(columns, values):
    return check_certificate(E, REGENCY, KEC, columns, values)


def test_a_consistent_certificate_has_no_finding():
    assert check(*cert()) == []


def test_f501_breaks_when_jumlah_differs_from_the_kecamatan_sum():
    # the Kota Pekalongan pattern: JUMLAH paslon_1 one above the kecamatan sum, suara_sah = its pairs
    cols, vals = cert(paslon_1=221, suara_sah=341)
    for c in cols:
        vals[c].update(suara_tidak_sah=None, jumlah_suara=None)
    fs = [f for f in check(cols, vals) if f.code != "W.602"]
    # suara_sah's difference is exactly paslon_1's: reported once, on paslon_1
    assert brief(fs) == [("F.501", "paslon_1", 220, 221)]
    assert fs[0].message == ("Kabupaten Uji, kolom JUMLAH: IV.1 suara paslon 1 = 221, tetapi jumlah 2 kolom "
                             "kecamatan = 220 (selisih 1).")


def test_f501_reports_a_derived_field_that_differs_on_its_own():
    cols, vals = cert(suara_sah=341)
    # JUMLAH suara_sah breaks its own identity (F.201) and the hierarchy, both reported
    assert brief(check(cols, vals)) == [("F.201", "suara_sah", 340, 341), ("F.202", "jumlah_suara", 355, 354),
                                        ("F.501", "suara_sah", 340, 341)]


def test_f501_keeps_and_is_skipped_when_a_kecamatan_figure_is_blank():
    cols, vals = cert(paslon_1=999)
    vals["33.99.01"]["paslon_1"] = None
    fs = check(cols, vals)
    assert [f.code for f in fs] == ["W.602", "F.201"]
    assert fs[0].field == "paslon_1" and fs[0].columns == ("33.99.01",)
    assert fs[0].message == ("Kabupaten Uji: IV.1 suara paslon 1 kosong di 1 dari 3 kolom (SATU); kosong bukan nol. "
                             "Aturan yang tidak dapat diperiksa di kolom tersebut: F.201, F.501.")


def test_f601_missing_kecamatan_column_once_and_no_hierarchy_cascade():
    cols, vals = cert(paslon_1=1)
    cols.remove("33.99.02")
    del vals["33.99.02"]
    fs = check(cols, vals)
    assert brief(fs) == [("F.601", "", None, None), ("F.201", "suara_sah", 1 + 50 + 70, 340)]
    assert fs[0].column == "33.99.02"
    assert fs[0].message == "Kabupaten Uji: kolom kecamatan DUA (33.99.02) tidak ada di sertifikat; seluruh isiannya belum tercatat."


def test_f601_missing_jumlah_column():
    cols, vals = cert()
    cols.remove(JUMLAH)
    del vals[JUMLAH]
    assert [(f.code, f.column) for f in check(cols, vals)] == [("F.601", JUMLAH)]


def test_f602_unknown_column():
    cols, vals = cert()
    cols.insert(2, "33.98.01")
    vals["33.98.01"] = good()
    fs = check(cols, vals)
    # the stray column is named once; the hierarchy then counts it, so JUMLAH differs by its figures
    assert [(f.code, f.column) for f in fs][0] == ("F.602", "33.98.01")
    assert fs[0].message == ("Kabupaten Uji: kolom 33.98.01 bukan kecamatan Kabupaten Uji menurut himpunan wilayah "
                             "pemilihan ini; angkanya tidak dihitung dalam pemeriksaan jenjang.")


def test_w602_blank_everywhere_is_one_finding_per_field():
    cols, vals = cert()
    for c in cols:
        vals[c]["suara_tidak_sah"] = None
    fs = check(cols, vals)
    assert brief(fs) == [("W.602", "suara_tidak_sah", None, None)]
    assert fs[0].columns == ("33.99.01", "33.99.02", JUMLAH)
    assert fs[0].key == "W.602|33.99||suara_tidak_sah"
    assert fs[0].message == ("Kabupaten Uji: V.B suara tidak sah kosong di semua 3 kolom; kosong bukan nol. "
                             "Aturan yang tidak dapat diperiksa di kolom tersebut: F.202, F.501, W.102.")


def test_w602_keeps_when_zero_is_written():
    cols, vals = cert()
    for c in cols:
        vals[c]["pengguna_disabilitas_l"] = 0
        vals[c]["pengguna_disabilitas_p"] = 1 if c != JUMLAH else 2
        vals[c]["pengguna_disabilitas"] = vals[c]["pengguna_disabilitas_p"]
    assert check(cols, vals) == []


# --------------------------------------------------------------------- province
def test_w601_missing_regency_and_province_rules():
    regs = [REGENCY, Region("33.98", "33", "kabupaten_kota", "Kota Uji")]
    col = good()
    fs = check_province(E, "33", regs, {"33.99": col})
    assert [(f.code, f.region, f.column) for f in fs] == [("W.601", "33.98", "")]
    assert fs[0].message == "Kota Uji: sertifikat belum masuk; total provinsi belum memuat wilayah ini."
    bad = dict(col, paslon_1=121)
    fs = check_province(E, "33", regs, {"33.99": col, "33.98": bad},
                        [Finding("F.201", "error", "33.98", JUMLAH, "suara_sah", 171, 170, "")])
    assert brief(fs) == [("F.201", "suara_sah", 341, 340)]
    assert fs[0].region == "33" and fs[0].column == PROVINSI
    assert fs[0].message.endswith("Berasal dari kolom JUMLAH: Kota Uji (33.98).")


def test_province_field_blank_when_any_regency_lacks_it():
    regs = [REGENCY, Region("33.98", "33", "kabupaten_kota", "Kota Uji")]
    a = dict(good(), paslon_1=121)
    b = dict(good(), suara_sah=None)
    assert check_province(E, "33", regs, {"33.99": a, "33.98": b}) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_every_rule_has_a_test_in_this_file(rule):
    src = open(__file__, encoding="utf-8").read()
    assert f"def test_{rule.code.lower().replace('.', '')}_" in src
