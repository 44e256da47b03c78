"""Helpers for the side-by-side benchmarks: whole processes timed against a yardstick in the same run.

Only public tools: ``time.perf_counter`` and ``subprocess``. Runs are interleaved (yardstick,
program, yardstick, program, ...) so a machine that slows down in the middle slows both, and
the median of each is compared. Bytecode: the sandbox sets PYTHONDONTWRITEBYTECODE, which
would make every process compile the program's sources again; :func:`prepare_bytecode`
compiles them once into a private folder, as an installed program has them
(PYTHONPYCACHEPREFIX), and every timed process uses it.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def prepare_bytecode(folder: Path) -> dict[str, str]:
    """Compile the program into ``folder`` and return the environment every timed process uses."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    subprocess.run([PY, "-c", f"import compileall, sys; sys.exit(not compileall.compile_dir({str(ROOT / 'recap_app')!r}, "
                    "quiet=1))"], env=env, check=True)
    return env


def program_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of the timed ``recap`` processes: bytecode compiled into ``tmp``/pyc, a
    private data folder, an acting user without a password (the workspaces have no accounts)."""
    env = prepare_bytecode(tmp / "pyc")
    env.update(RECAP_HOME=str(tmp / "home"), RECAP_USER="bench", **extra)
    env.pop("RECAP_PASSWORD", None)
    return env


def timed(cmd: Sequence[str], env: dict[str, str], cwd: Path | None = None) -> float:
    """Seconds one process takes from start to exit (it must succeed)."""
    t = time.perf_counter()
    r = subprocess.run(list(cmd), env=env, cwd=cwd, capture_output=True)
    took = time.perf_counter() - t
    if r.returncode != 0:
        raise SystemExit(f"failed ({r.returncode}): {' '.join(map(str, cmd))}\n{r.stderr.decode()[-2000:]}")
    return took


def side_by_side(name: str, yardstick: Callable[[], float], program: Callable[[], float], runs: int,
                 target: float | None = None, yard_name: str = "yardstick") -> float:
    """Interleave ``runs`` runs of both, print medians and the ratio program / yardstick; return the ratio.

    Each runs once first, untimed: what a first run does once on a machine (Python compiling the
    libraries' bytecode into the private folder, LibreOffice making its profile, the program
    keeping its fonts' parsed tables) is not what is compared."""
    yardstick()
    program()
    ys, ps = [], []
    for _ in range(runs):
        ys.append(yardstick())
        ps.append(program())
    y, p = statistics.median(ys), statistics.median(ps)
    ratio = p / y
    verdict = "" if target is None else (f"; target <= {target}: " + ("OK" if ratio <= target else "MISSED"))
    print(f"{name}: program {p:.3f} s, {yard_name} {y:.3f} s (medians of {runs}), ratio {ratio:.2f}{verdict}")
    print(f"  program runs {[round(x, 3) for x in ps]}; {yard_name} runs {[round(x, 3) for x in ys]}")
    return ratio


def workbooks(out: Path) -> list[Path]:
    """The 35 real Pilpres 2019 regency certificates as DB1-layout workbooks (tests/core/fixtures_import.py)."""
    sys.path.insert(0, str(ROOT / "tests" / "core"))
    sys.path.insert(0, str(ROOT))
    from fixtures_import import db1_grid, regency_args, write_xlsx

    from recap_app.core.demo import real_certificates
    from recap_app.core.store import Workspace

    certs = real_certificates("rekap")
    paths = []
    with tempfile.TemporaryDirectory() as tmp, \
            Workspace.create(Path(tmp) / "build.sqlite", "pilpres-2019-jateng", actor="bench") as ws:
        for kode, (_cols, values) in certs.items():
            title, columns, _ = regency_args(ws, kode, certs)
            paths.append(write_xlsx(out / f"{kode}.xlsx", [db1_grid(ws.election, title, columns, values)]))
    return paths


def soffice() -> str | None:
    """LibreOffice's soffice, when installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def clean(path: Path) -> None:
    """Remove a workspace and its side files (and its backup folder)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(path.with_name(path.stem + "-cadangan"), ignore_errors=True)
