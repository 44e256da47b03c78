"""A workspace open in this process keeps its POSIX locks: the process never opens and closes its
database file with open() again (closing any descriptor of a file drops every lock the process
holds on it), so another process writing and closing never takes the file for unused and never
deletes the -wal and -shm under the open connection."""

import os
import subprocess
import sys

from recap_app.core import files
from recap_app.core.store import Workspace


def test_another_process_never_deletes_the_wal_under_an_open_window(tmp_path, demo_ws):
    path = demo_ws.path
    window = demo_ws
    job = Workspace.open(path)  # as the window's jobs do, in the same process
    job.close()
    assert files.file_head(path) == files.SQLITE_MAGIC and files.held(path)
    env = dict(os.environ, RECAP_HOME=str(tmp_path / "home"), RECAP_NEW_PASSWORD="Rahasia-panjang-sekali-1")
    r = subprocess.run([sys.executable, "-m", "recap_app", "users", "add", "--role", "admin", "uadmin", "--db",
                        str(path)], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 0, r.stdout + r.stderr
    assert os.path.exists(f"{path}-wal") and os.path.exists(f"{path}-shm")  # the window's files stay
    with window.transaction():
        window.record("tester", "uji.tulis", "uji", None, {"sesudah": "proses lain"})
    head = window.chain_head()
    window.close()
    assert not files.held(path)
    with Workspace.open(path) as again:  # what the window wrote after the other process is in the file
        assert again.chain_head() == head
        assert again.conn.execute("SELECT COUNT(*) FROM user_account").fetchone()[0] == 1


def test_held_counts_every_connection_of_the_process(tmp_path, demo_ws):
    other = Workspace.open(demo_ws.path)
    assert files.held(demo_ws.path)
    other.close()
    assert files.held(demo_ws.path)  # the first one is still open
    assert not files.held(tmp_path / "tidak-ada.sqlite")
