"""Tests for the foundation commands of the `recap` CLI."""

import hashlib
import json

from click.testing import CliRunner

from recap_app import __version__
from recap_app.cli import main


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.output


def test_elections_json():
    r = run("elections", "--format", "json")
    ids = [e["id"] for e in json.loads(r.output)]
    assert ids == ["dpd-2024-jateng", "dpr-2024-jateng", "dprd-provinsi-2024-jateng", "pilgub-jateng-2018",
                   "pilgub-jateng-2024", "pilpres-2019-jateng", "pilpres-2024-jateng"]


def test_init_status_and_refusal(tmp_path):
    db = tmp_path / "x.sqlite"
    assert run("init", "--election", "pilpres-2019-jateng", "--db", db).exit_code == 0
    r = run("status", "--db", db, "--format", "json")
    rows = json.loads(r.output)
    codes = [x["kode"] for x in rows]
    assert codes == [f"33.{i:02d}" for i in range(1, 30)] + [f"33.{i}" for i in range(71, 77)]
    assert all(x["status"] == "belum masuk" and x["nama"] for x in rows)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    r = run("init", "--election", "pilpres-2019-jateng", "--db", db)
    assert r.exit_code == 1
    assert "sudah ada" in r.output
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_init_2024_holds_576(tmp_path):
    from recap_app.core.store import Workspace

    db = tmp_path / "y.sqlite"
    assert run("init", "--election", "pilpres-2024-jateng", "--db", db).exit_code == 0
    with Workspace.open(db) as ws:
        assert len(ws.regions("kecamatan")) == 576


def test_unknown_election_message(tmp_path):
    r = run("init", "--election", "nope", "--db", tmp_path / "z.sqlite")
    assert r.exit_code == 1 and "tidak dikenal" in r.output
    assert not (tmp_path / "z.sqlite").exists()


def test_check_region_lists_that_region_s_findings_of_the_full_check(demo_ws):
    demo_ws.close()
    every = json.loads(run("check", "--db", demo_ws.path, "--format", "json").output)
    one = json.loads(run("check", "--db", demo_ws.path, "--format", "json", "--region", "33.01").output)
    assert one and one == [f for f in every if f["region"] == "33.01"]
    assert {f["region"] for f in every} > {"33.01"}


def test_a_command_without_db_says_which_workspace_it_uses(tmp_path, monkeypatch):
    """Without --db (and RECAP_DB) a command works on the last workspace used: it says which, on
    stderr, so that a clerk who meant another file sees it; with --db it says nothing of it."""
    from click.testing import CliRunner

    from recap_app.cli import main

    db = tmp_path / "kerja.sqlite"
    runner = CliRunner()
    assert runner.invoke(main, ["init", "--election", "pilpres-2019-jateng", "--db", str(db)]).exit_code == 0
    r = runner.invoke(main, ["status", "--db", str(db)])
    assert r.exit_code == 0 and "Ruang kerja:" not in r.stderr
    r = runner.invoke(main, ["status"])
    assert r.exit_code == 0, r.output
    assert r.stderr == f"Ruang kerja: {db} (yang terakhir dipakai; pilih yang lain dengan --db).\n"
    monkeypatch.setenv("RECAP_DB", str(db))
    assert "Ruang kerja:" not in runner.invoke(main, ["status"]).stderr
