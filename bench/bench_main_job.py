"""The main job side by side with LibreOffice, the import beside a bare calamine read, and a
read-only command beside a bare interpreter (docs/performance.md).

1. Main job: the five commands the command line runs on the 35 real certificates — ``init``,
   ``import`` (35 workbooks), ``check``, ``print`` (every province document), ``bundle export
   --full`` — as whole processes, against LibreOffice merely converting the same 35 workbooks
   to PDF (``soffice --headless --convert-to pdf``, one process, a warmed profile). Target
   ratio <= 0.4 (aim 0.25). Skipped, and said so, where soffice is not installed.
2. Import: ``recap import`` of the 35 workbooks (into a workspace made before the clock starts)
   against a fresh interpreter reading the same files with python-calamine. Target <= 4.
3. Start-up: ``recap status`` (read-only) against ``python -c pass``. Target <= 3.

Run: .venv/bin/python bench/bench_main_job.py [--runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sidebyside import PY, clean, program_env, side_by_side, soffice, timed, workbooks  # noqa: E402

CALAMINE = ("import sys\nfrom python_calamine import CalamineWorkbook\n"
            "for p in sys.argv[1:]:\n    wb = CalamineWorkbook.from_path(p)\n"
            "    [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]\n")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = program_env(tmp)
        books = tmp / "buku"
        books.mkdir()
        files = [str(p) for p in workbooks(books)]
        db = tmp / "w.sqlite"
        recap = [PY, "-m", "recap_app"]
        figures: dict[str, float] = {}

        def job() -> float:
            clean(db)
            total = timed([*recap, "init", "--election", "pilpres-2019-jateng", "--db", str(db)], env)
            total += timed([*recap, "import", "--db", str(db), *files], env)
            total += _ok([*recap, "check", "--db", str(db)])
            total += timed([*recap, "print", "--db", str(db), "--out", str(tmp / "semua.pdf")], env)
            (tmp / "b.zip").unlink(missing_ok=True)
            total += timed([*recap, "bundle", "export", "--full", "--db", str(db), "--out", str(tmp / "b.zip")], env)
            return total

        def _ok(cmd) -> float:  # `check` exits 1 when findings are open (the real data has some): still timed
            import subprocess
            import time

            t = time.perf_counter()
            r = subprocess.run(cmd, env=env, capture_output=True)
            if r.returncode not in (0, 1):
                raise SystemExit(r.stderr.decode()[-2000:])
            return time.perf_counter() - t

        lo = soffice()
        if lo:
            profile = (tmp / "lo-profil").as_uri()
            convert = [lo, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir",
                       str(tmp / "lo-pdf"), *files]
            timed(convert, env)  # the first start makes the profile: not part of the yardstick
            figures["main_job_vs_libreoffice"] = side_by_side(
                "main job (init, import 35, check, print, bundle export)", lambda: timed(convert, env), job,
                args.runs, 0.4, "LibreOffice --convert-to pdf of the 35")
        else:
            print("main job: LibreOffice (soffice) is not installed here; the main job alone:")
            figures["main_job_s"] = job()
            print(f"  {figures['main_job_s']:.3f} s")

        clean(db)
        timed([*recap, "init", "--election", "pilpres-2019-jateng", "--db", str(db)], env)

        def one_import() -> float:
            clean(db)
            timed([*recap, "init", "--election", "pilpres-2019-jateng", "--db", str(db)], env)
            return timed([*recap, "import", "--db", str(db), *files], env)

        figures["import_vs_calamine"] = side_by_side(
            "recap import of 35 workbooks", lambda: timed([PY, "-c", CALAMINE, *files], env), one_import,
            args.runs, 4, "bare calamine read")
        figures["status_vs_interpreter"] = side_by_side(
            "recap status (read-only)", lambda: timed([PY, "-c", "pass"], env),
            lambda: timed([*recap, "status", "--db", str(db)], env), max(args.runs, 7), 3, "python -c pass")
        print(json.dumps({k: round(v, 3) for k, v in figures.items()}))
    return 0


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    raise SystemExit(main())
