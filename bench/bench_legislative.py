"""Benchmark (docs/import.md, docs/seats.md): the 35 DPR RI 2024 regency workbooks and `recap seats`.

Builds the 35 D.HASIL KABKO-DPR workbooks from the official dapil figures
(tests/data/legislative/dpr2024_jateng_caleg.csv, split over the kecamatan by TPS count as
tests/core/fixtures_legislative.py does), then measures, best of --repeat runs:

- import: ``import_files`` of all 35 into a fresh DPR workspace, storage and findings included;
  yardstick: a bare python-calamine read of the same 35 files into Python lists (no checks);
- seats: ``allocation.compute`` on the imported workspace (every figure read through the
  store's content check, as `recap seats` does) and its quick form (JUMLAH cells only);
  yardstick: a bare read of every stored cell (one SELECT);
- the `recap seats` command end to end (subprocess, interpreter start included); yardstick:
  ``python -c "import recap_app.cli"`` (the same start without the work).

Targets on the 2-core reference machine: import under 2 s, seats under 0.2 s. Ratios are against
the yardsticks of the same run, so a loaded machine shows in both.

Run: .venv/bin/python bench/bench_legislative.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "core"))

from fixtures_legislative import OFFICIAL_SEATS, write_dpr_workbooks  # noqa: E402
from python_calamine import CalamineWorkbook  # noqa: E402

from recap_app.core import allocation  # noqa: E402
from recap_app.core.importer import import_files  # noqa: E402
from recap_app.core.store import Workspace  # noqa: E402


def best(fn, repeat: int) -> tuple[float, object]:
    out, t = None, None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        dt = time.perf_counter() - t0
        t = dt if t is None else min(t, dt)
    return t, out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        with Workspace.create(tmp / "build.sqlite", "dpr-2024-jateng", actor="bench") as ws:
            paths = write_dpr_workbooks(ws.election, tmp / "wb")
        size = sum(p.stat().st_size for p in paths)

        def bare_read():
            n = 0
            for p in paths:
                wb = CalamineWorkbook.from_path(str(p))
                n += len(wb.get_sheet_by_name(wb.sheet_names[0]).to_python())
            return n

        t_yard, _ = best(bare_read, args.repeat)
        runs = []
        for i in range(args.repeat):
            with Workspace.create(tmp / f"w{i}.sqlite", "dpr-2024-jateng", actor="bench") as ws:
                t0 = time.perf_counter()
                report = import_files(ws, paths, "bench")
                runs.append(time.perf_counter() - t0)
                assert report.ok, [f.message for f in report.files if not f.ok]
        t_imp = min(runs)
        print(f"import: {len(paths)} workbooks ({size / 1024:.0f} KiB) imported and stored in {t_imp:.3f} s "
              f"({t_imp / len(paths) * 1000:.1f} ms per workbook); bare calamine read {t_yard:.3f} s; "
              f"ratio {t_imp / t_yard:.1f}x; target < 2 s: {'OK' if t_imp < 2 else 'MISSED'}")

        db = tmp / "w0.sqlite"
        with Workspace.open(db) as ws:
            t_seats, res = best(lambda: allocation.compute(ws), args.repeat)
            t_quick, _ = best(lambda: allocation.compute(ws, verify=False), args.repeat)
            t_cells, n = best(lambda: len(ws.conn.execute("SELECT * FROM cell").fetchall()), args.repeat)
        got = {k: v for k, v in res.seats_by_party().items() if v}
        assert got == OFFICIAL_SEATS, got
        print(f"seats: computed in {t_seats:.3f} s (quick form {t_quick:.3f} s); bare read of the {n} stored cells "
              f"{t_cells:.3f} s; ratio {t_seats / t_cells:.1f}x; target < 0.2 s: "
              f"{'OK' if t_seats < 0.2 else 'MISSED'}; seats {sum(got.values())}: "
              + ", ".join(f"{k}:{v}" for k, v in sorted(got.items(), key=lambda t: -t[1])))

        recap = [sys.executable, "-m", "recap_app.cli"]
        t_cli, out = best(lambda: subprocess.run(recap + ["seats", "--db", str(db), "--format", "json"],
                                                 capture_output=True, cwd=ROOT), args.repeat)
        assert out.returncode == 0, out.stderr
        t_start, _ = best(lambda: subprocess.run([sys.executable, "-c", "import recap_app.cli"], cwd=ROOT,
                                                 capture_output=True), args.repeat)
        print(f"recap seats --format json: {t_cli:.3f} s end to end; interpreter and program start alone "
              f"{t_start:.3f} s; the command's own work {t_cli - t_start:.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
