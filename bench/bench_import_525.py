"""The national scale: 525 regency workbooks (the 35 real Pilpres 2019 Jawa Tengah certificates
copied fifteen times into fifteen workspaces), docs/performance.md.

1. Fifteen ``recap import`` processes, one per workspace, each importing the 35 workbooks (every
   file its own transaction, findings refreshed, the automatic backup): the time per file of
   each workspace is printed, with the ratio of the last five workspaces to the first five
   (flat: about 1.0; target <= 1.25) and the total against fifteen times the first.
2. Within one batch: the time of each of the 35 files of one ``import_files`` call (in process,
   from its progress calls), the mean of the last ten files against the first ten (a batch
   whose cost grew with the certificates already stored would show > 1; target <= 1.5).

Run: .venv/bin/python bench/bench_import_525.py
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sidebyside import PY, program_env, timed, workbooks  # noqa: E402

WORKSPACES = 15


def in_batch(files: list[str], tmp: Path) -> list[float]:
    """Seconds per file of one import_files call of the 35 (from the progress calls)."""
    from recap_app.core.importer import import_files
    from recap_app.core.store import Workspace

    marks: list[float] = []
    with Workspace.create(tmp / "batch.sqlite", "pilpres-2019-jateng", actor="bench") as ws:
        report = import_files(ws, files, "bench", progress=lambda done, total, name: marks.append(time.perf_counter()))
        assert report.ok
    return [b - a for a, b in zip(marks, marks[1:], strict=False)]


def main() -> int:
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        env = program_env(tmp)
        books = tmp / "buku"
        books.mkdir()
        files = [str(p) for p in workbooks(books)]
        recap = [PY, "-m", "recap_app"]
        per_file = []
        for i in range(WORKSPACES):
            db = tmp / f"ws{i:02d}.sqlite"
            timed([*recap, "init", "--election", "pilpres-2019-jateng", "--db", str(db)], env)
            per_file.append(timed([*recap, "import", "--db", str(db), *files], env) / len(files))
        print(f"525 workbooks in {WORKSPACES} workspaces: ms per file per workspace "
              f"{[round(x * 1000, 1) for x in per_file]}")
        growth = statistics.mean(per_file[-5:]) / statistics.mean(per_file[:5])
        total = sum(per_file) * len(files)
        print(f"  total {total:.2f} s for {WORKSPACES * len(files)} files ({total / (WORKSPACES * per_file[0] * len(files)):.2f}"
              f" x fifteen times the first workspace); last five / first five {growth:.2f}; target <= 1.25: "
              + ("OK" if growth <= 1.25 else "MISSED"))
        os.environ["RECAP_HOME"] = str(tmp / "home")
        steps = in_batch(files, tmp)
        inner = statistics.mean(steps[-10:]) / statistics.mean(steps[:10])
        print(f"one batch of 35: ms per file {[round(x * 1000, 1) for x in steps]}")
        print(f"  last ten / first ten {inner:.2f}; target <= 1.5: " + ("OK" if inner <= 1.5 else "MISSED"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
