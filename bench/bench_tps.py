"""The polling-station source at province and national scale, beside a bare read of the same file (docs/tps-data.md).

1. Province: ``recap tps import`` of the real file (tests/data/tps: the 115.401 TPS of Jawa Tengah,
   Pilpres 2019) into the demonstration workspace (the 35 real regency certificates, made before
   the clock starts), then ``recap tps check --format json``: two whole processes, timed together.
   The check's JSON must say ``tps_rusak`` 3.471. Target: within 5 s on this machine.
2. National: the same two commands on the synthetic national set of bench/tps_national.py
   (820.161 TPS, the real file copied under other province codes). Target: within 60 s, and the
   peak resident memory of each process within 1 GB.

Yardstick, measured in the same run and interleaved with the program: a fresh interpreter that
only reads the same file with gzip and csv (every field of every row, nothing kept). The ratio
program / yardstick says how much the import and the check cost beyond reading the file; the
targets are absolute (seconds and bytes).

Each process is timed with time.perf_counter around subprocess, and its peak RSS is its own
rusage (``os.wait4`` on its pid: the child's ``ru_maxrss``, as resource.getrusage reports it).

Run: .venv/bin/python bench/bench_tps.py [--runs 3] [--national-runs 1] [--skip-national]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sidebyside import PY, ROOT, clean, program_env  # noqa: E402
from tps_national import REAL, build  # noqa: E402

READ = ("import csv, gzip, sys\nn = 0\nwith gzip.open(sys.argv[1], 'rt', encoding='utf-8', newline='') as f:\n"
        "    for row in csv.reader(f):\n        n += len(row)\nprint(n)\n")
PROVINCE_SECONDS, NATIONAL_SECONDS, NATIONAL_BYTES = 5.0, 60.0, 1024 ** 3


def run(cmd: list[str], env: dict[str, str], out: Path | None = None) -> tuple[float, int]:
    """(seconds, peak RSS in bytes) of one process, which must exit 0; stdout to ``out``."""
    with open(out or os.devnull, "wb") as sink:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, stdout=sink, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _pid, status, usage = os.wait4(p.pid, 0)
        took = time.perf_counter() - t
        p.returncode = os.waitstatus_to_exitcode(status)
        p.stderr.close()
    if p.returncode != 0:
        raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}\n{err.decode()[-2000:]}")
    return took, usage.ru_maxrss * 1024  # Linux: kilobytes


def scale(name: str, data: Path, runs: int, env: dict[str, str], tmp: Path, seconds: float,
          max_bytes: int | None, expect_rusak: int | None) -> bool:
    recap = [PY, "-m", "recap_app"]
    db = tmp / f"{name}.sqlite"
    ys, ps, imp, chk, rss = [], [], [], [], []
    report: dict = {}
    for _ in range(runs):
        ys.append(run([PY, "-c", READ, str(data)], env)[0])
        clean(db)
        run([*recap, "demo", "--db", str(db)], env)  # the 35 certificates: made before the clock starts
        ti, ri = run([*recap, "tps", "import", "--db", str(db), str(data)], env)
        tc, rc = run([*recap, "tps", "check", "--db", str(db), "--format", "json"], env, tmp / "check.json")
        imp.append(ti)
        chk.append(tc)
        ps.append(ti + tc)
        rss.append(max(ri, rc))
        report = json.loads((tmp / "check.json").read_text(encoding="utf-8"))
    y, p = statistics.median(ys), statistics.median(ps)
    peak = max(rss)
    ok = p <= seconds and (max_bytes is None or peak <= max_bytes)
    ok_rusak = expect_rusak is None or report["tps_rusak"] == expect_rusak
    print(f"{name}: {report['tps']:,} TPS; import {statistics.median(imp):.2f} s + check {statistics.median(chk):.2f} s "
          f"= {p:.2f} s (medians of {runs}); bare gzip+csv read {y:.2f} s; ratio {p / y:.1f}")
    print(f"  target <= {seconds:.0f} s" + ("" if max_bytes is None else f" and <= {max_bytes / 1024 ** 2:.0f} MiB")
          + f": {'OK' if ok else 'MISSED'}; peak RSS {peak / 1024 ** 2:.0f} MiB (import {ri / 1024 ** 2:.0f}, "
          f"check {rc / 1024 ** 2:.0f} MiB in the last run)")
    print(f"  program runs {[round(x, 2) for x in ps]}; read runs {[round(x, 2) for x in ys]}")
    print(f"  tps_rusak {report['tps_rusak']:,}" + ("" if expect_rusak is None else
                                                   f" (expected {expect_rusak:,}: {'OK' if ok_rusak else 'WRONG'})")
          + f", lebih_dpt {report['lebih_dpt']:,}, kecamatan_berbeda {report['kecamatan_berbeda']}, "
          f"kecamatan_tak_dikenal {len(report['kecamatan_tak_dikenal']):,}")
    return ok and ok_rusak


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--national-runs", type=int, default=1)
    ap.add_argument("--skip-national", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = program_env(tmp, PYTHONPATH=str(ROOT))
        ok = scale("province", REAL, args.runs, env, tmp, PROVINCE_SECONDS, None, 3471)
        if not args.skip_national:
            national = tmp / "national.csv.gz"
            t = time.perf_counter()
            n = build(national)
            print(f"synthetic national set: {n:,} TPS, {national.stat().st_size / 1024 ** 2:.1f} MiB gzip "
                  f"(built in {time.perf_counter() - t:.1f} s, not timed)")
            ok = scale("national", national, args.national_runs, env, tmp, NATIONAL_SECONDS, NATIONAL_BYTES,
                       None) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
