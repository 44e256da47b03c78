"""Benchmark: export, verify and import of the whole province (docs/bundle-format.md; target < 1 s in all).

Builds the demonstration workspace (35 real Pilpres 2019 certificates, 573 kecamatan columns),
exports a full bundle, verifies it, and imports it into a fresh workspace; then an incremental
bundle carrying one changed certificate. Prints the figures (best of N runs, seconds).

    .venv/bin/python bench/bench_bundles.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from recap_app.core import certificate
from recap_app.core.bundle import export, importer, keys, verify  # noqa: E402
from recap_app.core.demo import make_demo  # noqa: E402
from recap_app.core.domain import JUMLAH  # noqa: E402
from recap_app.core.store import Workspace  # noqa: E402
from recap_app.core.totals import province_totals


def one_run(d: Path, i: int, ident) -> dict[str, float]:
    src = make_demo(d / f"src{i}.sqlite", actor="bench")
    dst = Workspace.create(d / f"dst{i}.sqlite", "pilpres-2019-jateng", actor="bench")
    keys.trust(dst, ident.public_text, "33", "bench")
    t0 = time.perf_counter()
    r = export.export_bundle(src, d / f"b{i}.zip", "bench", identity=ident)
    t1 = time.perf_counter()
    vb = verify.verify_bundle(r.path)
    t2 = time.perf_counter()
    res = importer.import_bundle(dst, r.path, "bench", verified=vb)
    t3 = time.perf_counter()
    assert res.status == "imported" and len(res.added) == 35 and province_totals(dst) == province_totals(src)
    # incremental: one corrected certificate
    info = src.latest_revision("33.01")
    values = src.revision_values(info.id)
    values[JUMLAH]["suara_tidak_sah"] = 1000
    certificate.record_revision(src, "33.01", list(info.columns), values, actor="bench", reason="bench")
    t4 = time.perf_counter()
    r2 = export.export_bundle(src, d / f"c{i}.zip", "bench", identity=ident)
    res2 = importer.import_bundle(dst, r2.path, "bench")
    t5 = time.perf_counter()
    assert res2.added == {"33.01": 1}
    t6 = time.perf_counter()
    again = importer.import_bundle(dst, r.path, "bench")
    t7 = time.perf_counter()
    assert again.status == "already"
    src.close()
    dst.close()
    return {"export": t1 - t0, "verify": t2 - t1, "import": t3 - t2, "total": t3 - t0,
            "incremental": t5 - t4, "already": t7 - t6, "size": r.size, "size2": r2.size}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp)
        os.environ["RECAP_HOME"] = str(d / "home")
        ident = keys.load_identity(d / "kunci.pem")
        runs = [one_run(d, i, ident) for i in range(args.runs)]
    best = {k: min(r[k] for r in runs) for k in runs[0]}
    worst = {k: max(r[k] for r in runs) for k in runs[0]}
    print(f"Bundel provinsi penuh (35 sertifikat, 573 kecamatan): {int(best['size']):,} bita zip")
    for k in ("export", "verify", "import", "total", "incremental", "already"):
        print(f"  {k:<12} terbaik {best[k] * 1000:7.1f} ms   terburuk {worst[k] * 1000:7.1f} ms")
    print(f"Bundel susulan (1 sertifikat berubah): {int(best['size2']):,} bita; export+import "
          f"{best['incremental'] * 1000:.1f} ms")
    print(f"Target < 1000 ms untuk export+verify+import: {'TERCAPAI' if best['total'] < 1.0 else 'TIDAK tercapai'} "
          f"({best['total'] * 1000:.0f} ms terbaik, {worst['total'] * 1000:.0f} ms terburuk, {args.runs} kali)")


if __name__ == "__main__":
    main()
