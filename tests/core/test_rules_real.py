"""The rules on the real Pilpres 2019 Jawa Tengah figures, and on generated consistent data."""

import csv
import math
from collections import defaultdict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recap_app.core.demo import DEMO_DIR, real_certificates
from recap_app.core.domain import JUMLAH, PROVINSI
from recap_app.core.election import Region, load_election
from recap_app.core.reconcile import Reconciler, check_workspace
from recap_app.core.rules import check_certificate, check_province

E = load_election("pilpres-2019-jateng")


def reconciler():
    regencies = [r for r in E.regions if r.tingkat == "kabupaten_kota"]
    kec = defaultdict(list)
    for r in E.regions:
        if r.tingkat == "kecamatan":
            kec[r.kode_induk].append(r)
    return Reconciler(E, regencies, kec, "33")


def all_findings(source):
    rec = reconciler()
    certs = {k: (cols, vals, None) for k, (cols, vals) in real_certificates(source).items()}
    by_scope = rec.run(certs)
    return [f for fs in by_scope.values() for f in fs]


def test_official_recap_has_exactly_the_one_real_inconsistency(demo_ws):
    fs = check_workspace(demo_ws)
    not_blank = [f for f in fs if f.code != "W.602"]
    assert [(f.key, f.expected, f.actual) for f in not_blank] == [
        ("F.501|33.75|JUMLAH|paslon_1", 138320, 138319)]
    assert not_blank[0].message == ("Kota Pekalongan, kolom JUMLAH: IV.1 suara paslon 1 = 138.319, tetapi jumlah "
                                    "4 kolom kecamatan = 138.320 (selisih -1).")


def test_official_recap_blanks_are_reported_once_per_regency_and_field(demo_ws):
    fs = [f for f in check_workspace(demo_ws) if f.code == "W.602"]
    present = {"dpt_l", "dpt_p", "dpt", "paslon_1", "paslon_2", "suara_sah"}
    blank_fields = [k for k in E.form.field_keys if k not in present]
    assert len(blank_fields) == 33
    assert len(fs) == 35 * 33
    assert len({f.key for f in fs}) == len(fs)
    latest = demo_ws.latest_values()
    for f in fs:
        assert f.field in blank_fields and f.column == ""
        assert f.columns == latest[f.region][0].columns  # blank in every column, listed once
    cilacap = [f for f in fs if f.region == "33.01"]
    assert cilacap[0].message == ("Kabupaten Cilacap: I.A.2 DPTb LK kosong di semua 25 kolom; kosong bukan nol. "
                                  "Aturan yang tidak dapat diperiksa di kolom tersebut: F.101, F.102, F.401, F.501.")


def direct_situng_breaks():
    """Broken identities computed straight from the CSV: kecamatan rows, regency sums, province."""
    rows = list(csv.DictReader((DEMO_DIR / "pilpres2019_jateng_kecamatan.csv").open(encoding="utf-8")))
    keys = ("situng_paslon_1", "situng_paslon_2", "situng_suara_sah", "situng_suara_tidak_sah",
            "situng_jumlah_suara")
    f201, f202 = set(), set()
    sums = defaultdict(lambda: dict.fromkeys(keys, 0))
    for r in rows:
        v = {k: int(r[k]) for k in keys}
        for k in keys:
            sums[r["kode_kabupaten_kota"]][k] += v[k]
        for region, column, x in ((r["kode_kabupaten_kota"], r["kode_kecamatan"], v),):
            if x["situng_paslon_1"] + x["situng_paslon_2"] != x["situng_suara_sah"]:
                f201.add((region, column, x["situng_paslon_1"] + x["situng_paslon_2"], x["situng_suara_sah"]))
            if x["situng_suara_sah"] + x["situng_suara_tidak_sah"] != x["situng_jumlah_suara"]:
                f202.add((region, column, x["situng_suara_sah"] + x["situng_suara_tidak_sah"],
                          x["situng_jumlah_suara"]))
    prov = dict.fromkeys(keys, 0)
    for kode, x in sums.items():
        for k in keys:
            prov[k] += x[k]
        if x["situng_paslon_1"] + x["situng_paslon_2"] != x["situng_suara_sah"]:
            f201.add((kode, JUMLAH, x["situng_paslon_1"] + x["situng_paslon_2"], x["situng_suara_sah"]))
        if x["situng_suara_sah"] + x["situng_suara_tidak_sah"] != x["situng_jumlah_suara"]:
            f202.add((kode, JUMLAH, x["situng_suara_sah"] + x["situng_suara_tidak_sah"], x["situng_jumlah_suara"]))
    f201.add(("33", PROVINSI, prov["situng_paslon_1"] + prov["situng_paslon_2"], prov["situng_suara_sah"]))
    f202.add(("33", PROVINSI, prov["situng_suara_sah"] + prov["situng_suara_tidak_sah"],
              prov["situng_jumlah_suara"]))
    return f201, f202


def test_situng_every_broken_identity_is_reported():
    fs = all_findings("situng")
    f201, f202 = direct_situng_breaks()
    assert (len(f201), len(f202)) == (448 + 35 + 1, 512 + 35 + 1)
    got201 = {(f.region, f.column, f.expected, f.actual) for f in fs if f.code == "F.201"}
    got202 = {(f.region, f.column, f.expected, f.actual) for f in fs if f.code == "F.202"}
    assert got201 == f201
    assert got202 == f202
    # nothing else but the blanks of figures Situng does not carry
    assert {f.code for f in fs} == {"F.201", "F.202", "W.602"}


def test_reconciler_recomputes_only_the_changed_regency():
    rec = reconciler()
    certs = {k: (cols, vals, str(k)) for k, (cols, vals) in real_certificates("rekap").items()}
    rec.run(certs)
    assert len(rec.recomputed) == 35
    cols, vals, _ = certs["33.19"]
    vals = {c: dict(v) for c, v in vals.items()}
    vals["33.19.01"]["paslon_1"] += 100
    certs["33.19"] = (cols, vals, "changed")
    by_scope = rec.run(certs)
    assert rec.recomputed == ["33.19"]
    assert [(f.code, f.field, f.expected - f.actual) for f in by_scope["33.19"] if f.code != "W.602"] == [
        ("F.201", "suara_sah", 100), ("F.501", "paslon_1", 100)]


# --------------------------------------------------------------------- generated consistent data
@st.composite
def column(draw):
    """One kecamatan column keeping every rule (DPT ≥ 1000 so the reserve tolerance is ≥ 10)."""
    v = {}
    for s in ("_l", "_p"):
        v[f"dpt{s}"] = draw(st.integers(500, 40000))
    dpt = v["dpt_l"] + v["dpt_p"]
    for cat in ("dptb", "dpk"):
        for s in ("_l", "_p"):
            v[f"{cat}{s}"] = draw(st.integers(0, dpt // 1600))
    for cat in ("dpt", "dptb", "dpk"):
        for s in ("_l", "_p"):
            v[f"pengguna_{cat}{s}"] = draw(st.integers(0, v[f"{cat}{s}"]))
    for s in ("_l", "_p"):
        v[f"disabilitas{s}"] = draw(st.integers(0, 300))
        v[f"pengguna_disabilitas{s}"] = draw(st.integers(0, v[f"disabilitas{s}"]))
    for base in ("dpt", "dptb", "dpk", "pengguna_dpt", "pengguna_dptb", "pengguna_dpk", "disabilitas",
                 "pengguna_disabilitas"):
        v[base] = v[f"{base}_l"] + v[f"{base}_p"]
    for s in ("_l", "_p", ""):
        v[f"pemilih{s}"] = v[f"dpt{s}"] + v[f"dptb{s}"] + v[f"dpk{s}"]
        v[f"pengguna_hak_pilih{s}"] = v[f"pengguna_dpt{s}"] + v[f"pengguna_dptb{s}"] + v[f"pengguna_dpk{s}"]
    voted = v["pengguna_hak_pilih"]
    v["jumlah_suara"] = voted
    v["suara_tidak_sah"] = draw(st.integers(0, math.floor(voted * 0.1)))
    v["suara_sah"] = voted - v["suara_tidak_sah"]
    v["paslon_1"] = draw(st.integers(0, v["suara_sah"]))
    v["paslon_2"] = v["suara_sah"] - v["paslon_1"]
    expected = math.ceil(dpt * 102 / 100)
    received = expected + draw(st.integers(-(dpt // 200), dpt // 200))
    received = max(received, voted)
    v["surat_suara_diterima"] = received
    v["surat_suara_digunakan"] = voted
    v["surat_suara_dikembalikan"] = draw(st.integers(0, received - voted))
    v["surat_suara_tidak_digunakan"] = received - voted - v["surat_suara_dikembalikan"]
    return v


def certificate_of(kode, kec_columns):
    cols = [f"{kode}.{i + 1:02d}" for i in range(len(kec_columns))] + [JUMLAH]
    values = dict(zip(cols, kec_columns, strict=False))
    values[JUMLAH] = {k: sum(c[k] for c in kec_columns) for k in kec_columns[0]}
    return cols, values


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(column(), min_size=1, max_size=4), min_size=1, max_size=3))
def test_data_satisfying_every_rule_yields_no_finding(regencies_columns):
    regencies = []
    jumlah = {}
    found = []
    for i, kec_columns in enumerate(regencies_columns):
        kode = f"33.{i + 1:02d}"
        region = Region(kode, "33", "kabupaten_kota", f"Kabupaten {i + 1}")
        regencies.append(region)
        kec = [Region(f"{kode}.{j + 1:02d}", kode, "kecamatan", f"KEC {j + 1}") for j in range(len(kec_columns))]
        cols, values = certificate_of(kode, kec_columns)
        assert set(values[cols[0]]) == set(E.form.field_keys)
        found += check_certificate(E.form, region, kec, cols, values)
        jumlah[kode] = values[JUMLAH]
    found += check_province(E.form, "33", regencies, jumlah, found)
    assert found == []


def test_a_province_finding_names_its_regencies_in_official_order_whatever_order_they_come_in():
    """The province set's "Berasal dari kolom JUMLAH: ..." follows the region set's order, not the
    order the regencies' findings were read in (stored findings are compared word for word with the
    rules run again: an order of reading must not look like tampering)."""
    from recap_app.core.election import load_election
    from recap_app.core.rules import Finding, check_province

    e = load_election("pilpres-2019-jateng")
    regs = [r for r in e.regions if r.tingkat == "kabupaten_kota"][:3]
    cols = {r.kode: {k: 1 for k in e.form.field_keys} for r in regs}
    for c in cols.values():
        c["suara_sah"] = 5  # the parts add up to 2 in each: F.201 at every JUMLAH and at the province
    fs = [Finding("F.201", "error", r.kode, "JUMLAH", "suara_sah", 2, 5, "-") for r in regs]
    one = check_province(e.form, e.province_code, regs, cols, fs)
    other = check_province(e.form, e.province_code, regs, cols, list(reversed(fs)))
    assert [f.message for f in one] == [f.message for f in other]
    f201 = next(f for f in one if f.code == "F.201")
    assert f201.message.endswith("Berasal dari kolom JUMLAH: " + ", ".join(f"{r.nama} ({r.kode})" for r in regs) + ".")
