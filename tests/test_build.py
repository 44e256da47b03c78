"""The frozen one-folder build from build.spec answers --version (slow: about a minute)."""

import subprocess
import sys
from pathlib import Path

import pytest

from recap_app import __version__

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_pyinstaller_build_runs_version(tmp_path):
    pyinstaller = Path(sys.executable).parent / "pyinstaller"
    if not pyinstaller.exists():
        pytest.skip("PyInstaller is not installed in this environment")
    subprocess.run([str(pyinstaller), "--noconfirm", "--log-level", "WARN", "--distpath", str(tmp_path / "dist"),
                    "--workpath", str(tmp_path / "build"), str(ROOT / "build.spec")],
                   check=True, cwd=ROOT, timeout=900)
    exe = tmp_path / "dist" / "recap" / "recap"
    out = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert __version__ in out.stdout
    out = subprocess.run([str(exe), "elections"], capture_output=True, text=True, timeout=120)
    assert "pilpres-2019-jateng" in out.stdout
