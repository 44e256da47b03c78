"""Long work off the UI thread: the job runner (one worker at a time) and its jobs."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core import certificate
from ..core.errors import Cancelled, RecapError
from ..core.totals import province_totals
from . import fmt

log = logging.getLogger(__name__)


class JobSignals(QObject):
    """Signals of a job (delivered on the UI thread)."""

    started = Signal()  # the worker took the job up (queued jobs wait for the one before)
    progress = Signal(int, int, str)  # done, total, text
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()
    warned = Signal(list)  # the core's warnings for the person acting (ws.warnings), before the outcome


class Job(QRunnable):
    """A function run on the worker thread with its own Workspace connection.

    Args:
        ws_path: the workspace file.
        fn: fn(ws, progress, is_cancelled) -> result; progress(done, total, text);
            raise recap_app.core.errors.Cancelled to stop.
    """

    def __init__(self, ws_path, fn: Callable, snapshot: bool = False):
        super().__init__()
        self.setAutoDelete(False)
        self.ws_path = ws_path
        self.fn = fn
        self.want_snapshot = snapshot
        self.snapshot: dict | None = None
        self.signals = JobSignals()
        self._cancel = threading.Event()
        self.result = None
        self.error: str | None = None

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        from ..core.store import Workspace

        ws = None
        self.signals.started.emit()
        try:
            ws = Workspace.open(self.ws_path)  # the worker's own connection: never the window's
            try:
                self.result = self.fn(ws, lambda d, t, s="": self.signals.progress.emit(d, t, s), self.is_cancelled)
            finally:
                if ws.warnings:
                    self.signals.warned.emit(list(ws.warnings))
            if self.want_snapshot:
                self.snapshot = take_snapshot(ws)
            self.signals.succeeded.emit(self.result)
        except Cancelled:
            self.signals.cancelled.emit()
        except RecapError as exc:
            self.error = fmt.refusal(exc)
            self.signals.failed.emit(self.error)
        except Exception as exc:  # reported to the clerk, with the trace in the log
            log.error("job failed: %s", traceback.format_exc())
            self.error = f"{type(exc).__name__}: {exc}"
            self.signals.failed.emit(self.error)
        finally:
            if ws is not None:
                ws.close()
            self.signals.finished.emit()


def take_snapshot(ws) -> dict:
    """What the window shows after a write, read on the worker's connection so the UI thread
    only paints: {status, drafts, totals, findings (None when they could not be read)}."""
    from ..core import drafts, reconcile

    snap = {"status": certificate.statuses(ws), "drafts": drafts.draft_regions(ws), "totals": province_totals(ws),
            "findings": None}
    try:
        snap["findings"] = reconcile.findings(ws)
    except Exception:  # the window reads them itself and reports the failure
        log.error("findings for the snapshot failed: %s", traceback.format_exc())
    return snap


class JobRunner(QObject):
    """Starts jobs one at a time and shows their progress in the window, with a Batal button.

    Jobs run on a thread pool limited to one thread, so the jobs' writes are serialised; each job
    opens its own connection to the workspace file (the window's connection stays on the UI
    thread, and a job is refused a Workspace among its arguments) and SQLite's busy timeout
    orders the two writers. A job reports progress and checks for cancellation between its steps
    (one file, one document); the step in progress finishes as one transaction, so a cancelled
    job leaves whole steps only. Progress shows in :attr:`status` (a widgets.JobStatus in the
    window's status bar): nothing is modal, the window stays usable. The window's jobs are the
    operations in operations.py. :attr:`warned` passes on every job's core warnings (ws.warnings).
    """

    warned = Signal(list)

    def __init__(self, parent=None, status=None):
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.jobs: list[Job] = []
        self.status = status  # widgets.JobStatus, set by the window
        self.running: Job | None = None

    def start(self, ws_path, fn: Callable, title: str, parent_widget=None, on_done=None, on_failed=None,
              show_progress: bool = True, refresh=None, on_progress=None) -> Job:
        """Queue a job; on_done(result) / on_failed(message) / on_progress(done, total, text) run on the
        UI thread.

        ``refresh``: a callable taking a snapshot (MainWindow.refresh) for jobs that write; the
        snapshot is read on the worker after the job and handed over before on_done.
        ``show_progress``: show it in the status bar (background checks pass False).
        Raises TypeError when ``fn`` carries a Workspace: a connection never crosses threads.
        """
        _refuse_shared_connection(fn)
        job = Job(ws_path, fn, snapshot=refresh is not None)
        job.title = title
        if refresh is not None:
            job.signals.succeeded.connect(lambda _r: refresh(job.snapshot))
            job.signals.cancelled.connect(lambda: refresh(None))
        self.jobs.append(job)
        job.signals.started.connect(lambda: self._started(job, show_progress))
        job.signals.progress.connect(lambda d, t, text: self._step(job, d, t, text))
        if on_progress:
            job.signals.progress.connect(on_progress)
        if on_done:
            job.signals.succeeded.connect(on_done)
        if parent_widget is not None:  # its own failure's banner goes once it succeeds (widgets.tell)
            job.signals.succeeded.connect(lambda _r: _clear_failure_of(parent_widget))
        if on_failed:
            job.signals.failed.connect(on_failed)
        job.signals.warned.connect(self.warned.emit)
        job.signals.finished.connect(lambda: self._finished(job))
        self.pool.start(job)
        return job

    def _started(self, job: Job, show: bool) -> None:
        self.running = job
        if self.status is None or not show:
            return

        def cancel():
            job.cancel()
            self.status.cancelling()

        self.status.begin(job.title, cancel, self._waiting())
        job.shown = True

    def _step(self, job: Job, done: int, total: int, text: str) -> None:
        if self.status is not None and self.running is job and getattr(job, "shown", False):
            self.status.step(done, total, text, self._waiting())

    def _waiting(self) -> int:
        return max(0, len(self.jobs) - 1)

    def _finished(self, job: Job) -> None:
        if job in self.jobs:
            self.jobs.remove(job)
        if self.running is job:
            self.running = None
            if self.status is not None:
                self.status.end()

    def busy(self) -> bool:
        return bool(self.jobs)

    def cancel_all(self) -> None:
        """Cancel the running job (after its step) and every queued one."""
        for job in list(self.jobs):
            job.cancel()

    def shutdown(self) -> None:
        """Cancel what is queued and wait for the running step to finish (on close, before a restore)."""
        self.cancel_all()
        self.pool.waitForDone()


def _refuse_shared_connection(fn) -> None:
    """A job gets its own connection on the worker; one handed a Workspace would share the window's
    connection across threads (the cause of "file is not a database" after a file is replaced)."""
    from functools import partial

    from ..core.store import Workspace

    args = list(fn.args) + list(fn.keywords.values()) if isinstance(fn, partial) else []
    if any(isinstance(a, Workspace) for a in args):
        raise TypeError("a job must not carry a Workspace: it opens its own connection on the worker")


def _clear_failure_of(widget) -> None:
    """A job of ``widget`` succeeded: its window's banner of that widget's failure goes
    (MainWindow.clear_failure_of; nothing for a widget outside the main window, or gone)."""
    try:
        clear = getattr(widget.window(), "clear_failure_of", None)
    except RuntimeError:  # the widget is gone
        return
    if clear is not None:
        clear(widget)
