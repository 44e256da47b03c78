"""Benchmark (docs/rules.md): every rule over the whole province (35 certificates, 573 kecamatan).

The certificates are the real Pilpres 2019 Jawa Tengah figures (DPT, votes per pair) with every
other field of the form filled consistently, so that every rule is evaluated in every column
(the demo data leaves most fields blank, which would skip rules and flatter the figures).

Measured (median of several runs):
- from scratch, pure: a new Reconciler over the 35 certificates already in memory;
- from scratch, workspace: check_workspace(ws) (reads every cell, then every rule);
- from scratch, stored: refresh_findings on a never-checked workspace (rules + storing);
- one changed cell, pure: Reconciler.run after one cell of one regency changed (that regency and
  the province are recomputed, the other 34 come from the cache);
- one changed cell, stored: refresh_findings after a new revision of one regency;
- the demo workspace (most fields blank: 1.156 findings, each with its message).
Targets on the 2-core reference machine: from scratch < 500 ms, one changed cell < 50 ms.

Run: .venv/bin/python bench/bench_rules.py [--runs N]
"""

from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from recap_app.core import (
    certificate,
    reconcile,  # noqa: E402
)
from recap_app.core.demo import make_demo, real_certificates  # noqa: E402
from recap_app.core.domain import JUMLAH  # noqa: E402
from recap_app.core.reconcile import Reconciler, check_workspace  # noqa: E402
from recap_app.core.store import Workspace  # noqa: E402


def full_column(v: dict) -> dict:
    """Every field of the form, consistent with the real DPT L/P and votes per pair."""
    dpt_l, dpt_p, p1, p2 = v["dpt_l"], v["dpt_p"], v["paslon_1"], v["paslon_2"]
    dpt = dpt_l + dpt_p
    out = {"dpt_l": dpt_l, "dpt_p": dpt_p, "dpt": dpt, "paslon_1": p1, "paslon_2": p2, "suara_sah": p1 + p2}
    out["suara_tidak_sah"] = round((p1 + p2) * 0.024)
    voted = out["suara_sah"] + out["suara_tidak_sah"]
    out["jumlah_suara"] = voted
    for cat, div in (("dptb", 400), ("dpk", 900)):
        out[f"{cat}_l"], out[f"{cat}_p"] = dpt_l // div, dpt_p // div
        out[f"pengguna_{cat}_l"], out[f"pengguna_{cat}_p"] = out[f"{cat}_l"], out[f"{cat}_p"]
    rest = voted - sum(out[f"pengguna_{c}_{s}"] for c in ("dptb", "dpk") for s in "lp")
    out["pengguna_dpt_l"] = rest * dpt_l // dpt
    out["pengguna_dpt_p"] = rest - out["pengguna_dpt_l"]
    out["disabilitas_l"], out["disabilitas_p"] = dpt_l // 500, dpt_p // 500
    out["pengguna_disabilitas_l"] = out["disabilitas_l"] * 7 // 10
    out["pengguna_disabilitas_p"] = out["disabilitas_p"] * 7 // 10
    for base in ("dptb", "dpk", "pengguna_dpt", "pengguna_dptb", "pengguna_dpk", "disabilitas",
                 "pengguna_disabilitas"):
        out[base] = out[f"{base}_l"] + out[f"{base}_p"]
    for s in ("_l", "_p", ""):
        out[f"pemilih{s}"] = out[f"dpt{s}"] + out[f"dptb{s}"] + out[f"dpk{s}"]
        out[f"pengguna_hak_pilih{s}"] = out[f"pengguna_dpt{s}"] + out[f"pengguna_dptb{s}"] + out[f"pengguna_dpk{s}"]
    received = math.ceil(dpt * 1.02)
    out["surat_suara_diterima"] = received
    out["surat_suara_digunakan"] = voted
    out["surat_suara_dikembalikan"] = voted // 500
    out["surat_suara_tidak_digunakan"] = received - voted - out["surat_suara_dikembalikan"]
    return out


def full_certificates() -> dict:
    certs = {}
    for kode, (cols, vals) in real_certificates("rekap").items():
        kec = cols[:-1]
        values = {c: full_column(vals[c]) for c in kec}
        values[JUMLAH] = {k: sum(values[c][k] for c in kec) for k in values[kec[0]]}
        certs[kode] = (cols, values)
    return certs


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    runs = ap.parse_args().runs
    certs = full_certificates()
    n_cols = sum(len(c) for c, _ in certs.values())
    with tempfile.TemporaryDirectory() as tmp:
        ws = Workspace.create(Path(tmp) / "bench.sqlite", "pilpres-2019-jateng", actor="bench")
        with ws.transaction():
            for kode, (cols, vals) in certs.items():
                certificate.record_revision(ws, kode, cols, vals, actor="bench", reason="bench")
        rec0 = Reconciler.for_workspace(ws)
        mem = {k: (cols, vals, None) for k, (cols, vals) in certs.items()}

        def pure_scratch():
            rec = Reconciler(rec0.election, rec0.regencies, rec0.kecamatan, rec0.province)
            return rec.run(mem)

        found = [f for fs in pure_scratch().values() for f in fs]
        print(f"35 sertifikat, {n_cols} kolom, {n_cols * len(ws.election.form.field_keys)} angka; "
              f"temuan: {len(found)}")
        scratch_pure = median_ms(pure_scratch, runs)
        scratch_ws = median_ms(lambda: check_workspace(ws), runs)

        t = time.perf_counter()
        reconcile.refresh_findings(ws, "bench")
        scratch_stored = (time.perf_counter() - t) * 1000

        # one changed cell, pure (cached Reconciler)
        rec = Reconciler(rec0.election, rec0.regencies, rec0.kecamatan, rec0.province)
        keyed = {k: (cols, vals, f"v0-{k}") for k, (cols, vals) in certs.items()}
        rec.run(keyed)
        cols, vals = certs["33.19"]
        changed = {c: dict(v) for c, v in vals.items()}
        counter = [0]

        def one_cell():
            counter[0] += 1
            changed[cols[0]]["paslon_1"] = vals[cols[0]]["paslon_1"] + counter[0]
            keyed["33.19"] = (cols, changed, f"v{counter[0]}")
            return rec.run(keyed)

        one_pure = median_ms(one_cell, runs)
        assert rec.recomputed == ["33.19"]

        # one changed cell, stored: a new revision, then refresh (timed)
        stored_times = []
        for i in range(runs):
            v = {c: dict(x) for c, x in vals.items()}
            v[cols[0]]["paslon_1"] += i + 1
            certificate.record_revision(ws, "33.19", cols, v, actor="bench", reason="bench")
            t = time.perf_counter()
            reconcile.refresh_findings(ws, "bench")
            stored_times.append((time.perf_counter() - t) * 1000)
        one_stored = statistics.median(stored_times)
        ws.close()
        demo = make_demo(Path(tmp) / "demo.sqlite", actor="bench")
        n_demo = len(check_workspace(demo))
        demo_ms = median_ms(lambda: check_workspace(demo), runs)
        demo.close()

    print(f"dari awal, murni (35 sertifikat di memori) : {scratch_pure:7.1f} ms  (target < 500 ms)")
    print(f"dari awal, check_workspace (baca + aturan) : {scratch_ws:7.1f} ms  (target < 500 ms)")
    print(f"dari awal, refresh_findings (+ simpan)     : {scratch_stored:7.1f} ms")
    print(f"satu sel berubah, murni (1 kab + provinsi) : {one_pure:7.1f} ms  (target < 50 ms)")
    print(f"satu sel berubah, refresh_findings (simpan): {one_stored:7.1f} ms")
    print(f"data contoh (banyak kosong), check_workspace: {demo_ms:6.1f} ms  ({n_demo} temuan dengan pesan)")


if __name__ == "__main__":
    main()
