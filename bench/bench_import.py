"""Benchmark (docs/import.md): import 35 full regency workbooks built from the real Pilpres 2019 figures.

Builds one DB1-layout xlsx per kabupaten/kota (every form row, one column per kecamatan, JUMLAH
AKHIR) from resources/demo (the copy of shared/data/hasil/pilpres2019_jateng_kecamatan.csv), then
times ``import_files`` on all 35 into a fresh workspace, storage included, and a re-import of the
same files (all unchanged). Target on the 2-core reference machine: all 35 in under 1 s.

Prints wall-clock and CPU time: on a shared, loaded machine the wall clock also counts other
processes; the CPU time is this import's own work (the fsync of each file's commit is neither).

Run: .venv/bin/python bench/bench_import.py [--layout db1|template|csv]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "core"))

from fixtures_import import db1_grid, fill_template, regency_args, transposed_grid, write_csv, write_xlsx  # noqa: E402

from recap_app.core.demo import real_certificates  # noqa: E402
from recap_app.core.importer import import_files  # noqa: E402
from recap_app.core.importer.template import build_template, template_filename  # noqa: E402
from recap_app.core.store import Workspace  # noqa: E402
from recap_app.core.totals import province_totals


def build(ws: Workspace, out: Path, layout: str) -> list[Path]:
    certs = real_certificates("rekap")
    paths = []
    for kode, (cols, values) in certs.items():
        title, columns, _ = regency_args(ws, kode, certs)
        if layout == "template":
            paths.append(fill_template(out / template_filename(ws, kode), cols, values, ws.election.form,
                                       wb=build_template(ws, kode)))
        elif layout == "csv":
            paths.append(write_csv(out / f"{kode}.csv", transposed_grid(ws.election, title, columns, values)))
        else:
            paths.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
    return paths


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--layout", choices=["db1", "template", "csv"], default="db1")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Workspace.create(tmp / "build.sqlite", "pilpres-2019-jateng", actor="bench") as ws:
            paths = build(ws, tmp, args.layout)
        size = sum(p.stat().st_size for p in paths)
        best = None
        for i in range(args.repeat):
            with Workspace.create(tmp / f"w{i}.sqlite", "pilpres-2019-jateng", actor="bench") as ws:
                t0, c0 = time.perf_counter(), time.process_time()
                report = import_files(ws, paths, "bench")
                elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
                assert report.ok, [f.message for f in report.files if not f.ok]
                t1 = time.perf_counter()
                again = import_files(ws, paths, "bench")
                unchanged = time.perf_counter() - t1
                assert {f.status for f in again.files} == {"sudah ada"}
                fields = province_totals(ws)["fields"]
            best = elapsed if best is None else min(best, elapsed)
            print(f"run {i + 1}: 35 workbooks imported and stored in {elapsed:.3f} s (CPU {cpu:.3f} s); "
                  f"re-import (unchanged) {unchanged:.3f} s")
        print(f"layout {args.layout}: {len(paths)} files, {size / 1024:.0f} KiB; best {best:.3f} s "
              f"({best / len(paths) * 1000:.1f} ms per workbook); target < 1 s: {'OK' if best < 1 else 'MISSED'}")
        print(f"province totals: paslon_1 {fields['paslon_1']}, paslon_2 {fields['paslon_2']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
