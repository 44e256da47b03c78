"""scripts/run.sh (what `make run` starts): where no window can be seen it saves the picture of
the window instead of waiting for ever on a window nobody sees."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "recap").exists(), reason="needs the program installed in .venv")
@pytest.mark.parametrize("screen", [{"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":99"}, {"DISPLAY": ""}])
def test_without_a_visible_screen_the_window_is_pictured_and_the_script_ends(tmp_path, screen):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(screen, RECAP_HOME=str(tmp_path / "home"))
    db = tmp_path / "w.sqlite"
    subprocess.run([sys.executable, "-m", "recap_app", "init", "--election", "pilpres-2019-jateng", "--db", str(db)],
                   env=env, check=True, capture_output=True)
    picture = ROOT / "out" / "jendela-utama.png"
    before = picture.stat().st_mtime_ns if picture.exists() else None
    r = subprocess.run(["bash", str(ROOT / "scripts" / "run.sh"), "--db", str(db)], env=env, capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "out/jendela-utama.png" in r.stdout
    assert picture.exists() and picture.stat().st_mtime_ns != before
    assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
