"""Outputs (PDF, xlsx, CSV, bundles) exist exactly when the workspace recorded them, and their names fit."""

import pytest

from recap_app.core import documents, export
from recap_app.core.errors import WorkspaceError
from recap_app.core.outputs import OutputError, check_output_path
from recap_app.core.store import Workspace


def test_nothing_is_written_when_the_workspace_is_read_only(demo_ws, tmp_path):
    path = demo_ws.path
    demo_ws.close()
    ro = Workspace.open(path, readonly=True)
    try:
        for write in (lambda out: documents.print_documents(ro, "tester", out, ["rekapitulasi"]),
                      lambda out: export.export(ro, "tester", out, "csv")):
            out = tmp_path / "keluar.bin"
            with pytest.raises(WorkspaceError) as e:
                write(out)
            assert e.value.code == "readonly"
            assert not out.exists() and list(tmp_path.glob(".keluar*")) == []
    finally:
        ro.close()


def test_a_name_too_long_with_its_temporary_name_is_refused_before_anything(tmp_path):
    name = "a" * 244 + ".pdf"  # 248 bytes: valid, but its temporary name would not be
    with pytest.raises(OutputError) as e:
        check_output_path(tmp_path / name)
    assert e.value.code == "bad_output" and "248 bita" in e.value.message
    check_output_path(tmp_path / ("a" * 230 + ".pdf"))


def test_a_failed_commit_removes_the_file_again(demo_ws, tmp_path, monkeypatch):
    import contextlib

    out = tmp_path / "rekap.csv"
    real = demo_ws.transaction
    seen = []

    @contextlib.contextmanager
    def commit_fails():
        with contextlib.suppress(RuntimeError), real():
            yield demo_ws
            seen.append(out.exists())  # the file is in place when the commit comes
            raise RuntimeError("rollback")
        raise WorkspaceError("Disk penuh (uji).", "disk_full")

    monkeypatch.setattr(demo_ws, "transaction", commit_fails)
    with pytest.raises(WorkspaceError):
        export.export(demo_ws, "tester", out, "csv")
    assert seen == [True] and not out.exists()
