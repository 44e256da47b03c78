"""Background jobs: one worker, progress, cancel, clean failure messages."""

import threading

import pytest

from recap_app.core.errors import Cancelled, ImportRefused
from recap_app.ui.jobs import JobRunner


@pytest.fixture
def runner(qtbot):
    r = JobRunner()
    yield r
    r.shutdown()


def wait(qtbot, runner):
    qtbot.waitUntil(lambda: not runner.busy(), timeout=20000)


def test_progress_and_result(qtbot, runner, ws):
    seen = []

    def work(w, progress, cancelled):
        for i in range(3):
            progress(i, 3, f"langkah {i + 1}")
        return len(w.regencies())

    job = runner.start(ws.path, work, "uji")
    job.signals.progress.connect(lambda d, t, s: seen.append((d, t, s)))
    wait(qtbot, runner)
    assert job.result == 35 and job.error is None


def test_cancel_between_steps(qtbot, runner, ws):
    gate = threading.Event()
    blocker = runner.start(ws.path, lambda w, p, c: gate.wait(10), "tunggu")
    steps = []

    def work(w, progress, cancelled):
        for i in range(100):
            if cancelled():
                raise Cancelled()
            steps.append(i)
        return "selesai"

    job = runner.start(ws.path, work, "batal")
    got = []
    job.signals.cancelled.connect(lambda: got.append("batal"))
    job.cancel()
    gate.set()
    wait(qtbot, runner)
    assert blocker.result is True
    assert job.result is None and steps == [] and got == ["batal"]


def test_failures_reach_the_clerk_as_sentences(qtbot, runner, ws):
    msgs = []

    def refused(w, p, c):
        raise ImportRefused("Berkas x.xlsx: bukan lembar kerja. Tidak ada yang disimpan.", "not_a_spreadsheet")

    def bug(w, p, c):
        raise ValueError("angka aneh")

    runner.start(ws.path, refused, "a", on_failed=msgs.append)
    runner.start(ws.path, bug, "b", on_failed=msgs.append)
    wait(qtbot, runner)
    assert msgs == ["Berkas x.xlsx: bukan lembar kerja. Tidak ada yang disimpan.", "ValueError: angka aneh"]


def test_cancelled_import_writes_nothing(qtbot, tmp_path, window):
    gate = threading.Event()
    window.jobs.start(window.ws.path, lambda w, p, c: gate.wait(10), "tunggu")
    files = []
    for i in range(3):
        f = tmp_path / f"berkas{i}.csv"
        f.write_text("bukan;sertifikat\n1;2\n", encoding="utf-8")
        files.append(f)
    before = window.ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    page = window.pages["import"]
    job = page.start_import(files)
    job.cancel()
    gate.set()
    qtbot.waitUntil(lambda: not window.jobs.busy(), timeout=20000)
    assert [f.code for f in job.result.files] == ["cancelled"] * 3
    assert page.summary.text() == "Diterima 0 · sudah ada 0 · ditolak 3"
    after = window.ws.conn.execute("SELECT COUNT(*) FROM audit WHERE action LIKE 'certificate.%'").fetchone()[0]
    assert after == window.ws.conn.execute(
        "SELECT COUNT(*) FROM audit WHERE action LIKE 'certificate.%' AND id <= ?", (before,)).fetchone()[0]
