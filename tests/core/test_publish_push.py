"""Pushing the site with a real rclone: to a local path and to a WebDAV server (`rclone serve
webdav` on 127.0.0.1, started and stopped here); only changed files go, errors in Indonesian."""

from __future__ import annotations

import shutil
import socket
import subprocess
import time

import pytest
from click.testing import CliRunner
from publish_helpers import change_one_figure, identity, tree

from recap_app.cli import main
from recap_app.core import publish
from recap_app.core.publish import remote

pytestmark = pytest.mark.skipif(shutil.which("rclone") is None,
                                reason="rclone is not installed (scripts/bootstrap.sh installs Debian's rclone)")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def site(demo_ws, tmp_path):
    key = identity(tmp_path)
    out = tmp_path / "situs"
    publish.publish(demo_ws, "tester", out, identity=key)
    return demo_ws, key, out


@pytest.fixture
def webdav(tmp_path, monkeypatch):
    """`rclone serve webdav` of tmp_path/dav on a free port of 127.0.0.1, as remote "kpu:"."""
    folder = tmp_path / "dav"
    folder.mkdir()
    port = free_port()
    proc = subprocess.Popen(["rclone", "serve", "webdav", str(folder), "--addr", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            break
        except OSError:
            time.sleep(0.1)
    else:  # pragma: no cover - the server did not start
        proc.kill()
        pytest.fail(f"rclone serve webdav did not start: {proc.stderr.read()!r}")
    monkeypatch.setenv("RCLONE_CONFIG_KPU_TYPE", "webdav")
    monkeypatch.setenv("RCLONE_CONFIG_KPU_URL", f"http://127.0.0.1:{port}/")
    monkeypatch.setenv("RCLONE_CONFIG_KPU_VENDOR", "other")
    yield folder, port
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        proc.kill()


def test_push_to_a_local_path_sends_only_what_changed(site, tmp_path):
    ws, key, out = site
    dest = tmp_path / "server" / "hasil"
    first = remote.push(out, str(dest))
    assert first.fresh and len(first.uploaded) == len(tree(out)) and tree(dest) == tree(out)
    assert publish.verify_site(dest).ok
    assert remote.push(out, str(dest)).uploaded == []  # nothing changed: nothing sent
    change_one_figure(ws, "33.01")
    r = publish.publish(ws, "tester", out, identity=key)
    second = remote.push(out, str(dest))
    assert sorted(second.uploaded) == sorted(r.changed) and sorted(second.deleted) == sorted(r.removed)
    assert second.uploaded[-2:] == ["manifest.json", "manifest.sig"]  # the manifest goes last
    assert tree(dest) == tree(out) and publish.verify_site(dest).ok


def test_push_to_webdav_and_the_cli_records_it(site, webdav, tmp_path):
    ws, key, out = site
    folder, _port = webdav
    db = ws.path
    ws.close()
    env = {"RECAP_KEY_FILE": str(key.path)}
    r = CliRunner().invoke(main, ["publish", "--db", str(db), "--out", str(out), "--to", "kpu:"], env=env)
    assert r.exit_code == 0, r.output
    assert "Dikirim ke kpu:" in r.output and "(tujuan baru: seluruh situs)" in r.output
    assert tree(folder) == tree(out) and publish.verify_site(folder).ok
    r = CliRunner().invoke(main, ["publish", "--db", str(db), "--out", str(out), "--to", "kpu:"], env=env)
    assert r.exit_code == 0 and "sudah sama dengan folder situs" in r.output
    from recap_app.core.store import Workspace

    with Workspace.open(db) as w:
        pushes = w.conn.execute("SELECT after FROM audit WHERE action = 'publication.push'").fetchall()
        assert len(pushes) == 2 and '"remote": "kpu:"' in pushes[0][0]


def test_rclone_errors_are_clear_indonesian(site, monkeypatch):
    _ws, _key, out = site
    port = free_port()
    monkeypatch.setenv("RCLONE_CONFIG_MATI_TYPE", "webdav")
    monkeypatch.setenv("RCLONE_CONFIG_MATI_URL", f"http://127.0.0.1:{port}/")
    with pytest.raises(publish.PublishError) as ei:
        remote.push(out, "mati:")
    assert "menolak sambungan" in ei.value.message and "mati:" in ei.value.message
    with pytest.raises(publish.PublishError) as ei:
        remote.push(out, "tidakdikenal:hasil")
    assert "Tujuan rclone 'tidakdikenal' tidak dikenal" in ei.value.message
    (out / "index.html").write_text("diubah", encoding="utf-8")
    with pytest.raises(publish.PublishError) as ei:
        remote.push(out, str(out.parent / "tujuan"))
    assert ei.value.code == "not_verified" and "index.html" in ei.value.message
    assert not (out.parent / "tujuan").exists()


def test_missing_rclone_is_named(site, monkeypatch, tmp_path):
    _ws, _key, out = site
    monkeypatch.setenv("RECAP_RCLONE", "rclone-yang-tidak-ada")
    with pytest.raises(publish.PublishError) as ei:
        remote.push(out, str(tmp_path / "x"))
    assert ei.value.code == "no_rclone" and "apt-get install rclone" in ei.value.message


def test_explain_covers_the_usual_failures():
    cases = {
        "Failed: 403 Forbidden": "menolak menulis",
        "AccessDenied: Access Denied": "menolak menulis",
        "401 Unauthorized": "menolak masuk",
        "dial tcp: lookup s3.contoh: no such host": "tidak ditemukan (DNS)",
        "NoSuchBucket: The specified bucket does not exist": "Bucket di",
        "write: no space left on device": "penuh",
        "dial tcp 10.0.0.1:443: i/o timeout": "batas waktu",
        "something odd": "kode keluar 7",
    }
    for stderr, words in cases.items():
        assert words in remote.explain("s3kpu:bucket", stderr, 7), stderr


def test_a_failed_push_keeps_the_written_site_and_says_so(demo_ws, tmp_path, monkeypatch):
    port = free_port()
    monkeypatch.setenv("RCLONE_CONFIG_MATI_TYPE", "webdav")
    monkeypatch.setenv("RCLONE_CONFIG_MATI_URL", f"http://127.0.0.1:{port}/")
    db = demo_ws.path
    demo_ws.close()
    out = tmp_path / "situs"
    r = CliRunner().invoke(main, ["publish", "--db", str(db), "--out", str(out), "--to", "mati:"])
    assert r.exit_code == 1
    assert "Situs diterbitkan ke" in r.output
    assert "Galat: pengiriman ke mati: gagal (situs di" in r.output and "menolak sambungan" in r.output
    assert publish.verify_site(out).ok
    from recap_app.core.store import Workspace

    with Workspace.open(db) as w:
        actions = [a for (a,) in w.conn.execute("SELECT action FROM audit WHERE action LIKE 'publication.%'")]
    assert actions == ["publication.publish"]
