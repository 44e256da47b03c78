"""Linked workspaces (recap_app.core.linked, `recap link`): the contests of one polling day compared
read-only on blocks I–III (rule W.105)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from fixtures_legislative import synthetic_certificate

from recap_app.cli import main
from recap_app.core import certificate, linked, reconcile
from recap_app.core.domain import JUMLAH
from recap_app.core.linked import LinkError
from recap_app.core.store import Workspace

VOTERS = {"dpt_l": 400, "dpt_p": 420, "dpt": 820, "pengguna_hak_pilih_l": 300, "pengguna_hak_pilih_p": 330,
          "pengguna_hak_pilih": 630, "surat_suara_diterima": 837}


def _store(ws, kode, change=None):
    kec = [r.kode for r in ws.columns_of(kode)]
    form = ws.election.form_of_region(kode)
    if form.kind == "paslon":
        values = {k: {"paslon_1": 300, "paslon_2": 320, "suara_sah": 620} for k in kec}
    else:
        _, values = synthetic_certificate(form, kec)
    for k in kec:
        values[k].update(VOTERS)
    values[JUMLAH] = {key: sum(values[k][key] for k in kec) for key in values[kec[0]]}
    if change:
        change(values)
    certificate.record_revision(ws, kode, kec + [JUMLAH], values, actor="tester")


@pytest.fixture
def pair(tmp_path):
    dpr = Workspace.create(tmp_path / "dpr.sqlite", "dpr-2024-jateng", actor="tester")
    ppwp = Workspace.create(tmp_path / "ppwp.sqlite", "pilpres-2024-jateng", actor="tester")
    yield dpr, ppwp
    dpr.close()
    ppwp.close()


def test_a_linked_contest_with_other_voter_figures_gives_w105(pair):
    dpr, ppwp = pair
    _store(dpr, "33.73")
    _store(ppwp, "33.73", lambda v: (v["33.73.01"].update(dpt_l=401), v[JUMLAH].update(dpt_l=v[JUMLAH]["dpt_l"] + 1)))
    got = linked.link(dpr, ppwp.path, "tester")
    assert got["election_id"] == "pilpres-2024-jateng"
    assert dpr.conn.execute("SELECT COUNT(*) FROM audit WHERE action = 'setting.change' AND entity = 'setting:linked'"
                            ).fetchone()[0] == 1
    fs = [f for f in reconcile.findings(dpr) if f.code == "W.105"]
    assert [(f.region, f.field, f.expected, f.actual, f.columns) for f in fs] == [
        ("33.73", "dpt_l", 1601, 1600, (JUMLAH, "33.73.01"))]
    assert "berbeda dengan Pemilihan Umum Presiden dan Wakil Presiden Tahun 2024 (ppwp.sqlite)" in fs[0].message
    # explained by someone other than the person who entered it (separation of duties)
    reconcile.explain(dpr, fs[0].key, "pemilih pindahan di Argomulyo hanya berhak surat suara PPWP", "verifikator")
    again = next(f for f in reconcile.findings(dpr) if f.code == "W.105")
    assert again.resolved and again.explanation["by"] == "verifikator"
    # the other workspace is read only: nothing written there
    assert ppwp.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == 2


def test_equal_figures_give_nothing_and_a_missing_file_a_note(pair, tmp_path):
    dpr, ppwp = pair
    _store(dpr, "33.73")
    _store(ppwp, "33.73")
    linked.link(dpr, ppwp.path, "tester")
    assert [f for f in reconcile.findings(dpr) if f.code == "W.105"] == []
    ppwp.close()
    ppwp.path.rename(tmp_path / "elsewhere.sqlite")
    notes = []
    assert linked.linked_findings(dpr, notes) == []
    assert notes and notes[0].startswith("Ruang kerja tertaut Pemilihan Umum Presiden")
    assert linked.describe(dpr)[0]["ok"] is False


def test_refusals(pair, tmp_path):
    dpr, ppwp = pair
    with pytest.raises(LinkError) as exc:
        linked.link(dpr, dpr.path, "tester")
    assert exc.value.code == "link_self"
    with Workspace.create(tmp_path / "pilgub.sqlite", "pilgub-jateng-2024", actor="tester") as other:
        with pytest.raises(LinkError) as exc:
            linked.link(dpr, other.path, "tester")
    assert exc.value.code == "link_other_day" and "dipungut 2024-11-27" in exc.value.message
    linked.link(dpr, ppwp.path, "tester")
    with pytest.raises(LinkError) as exc:
        linked.link(dpr, ppwp.path, "tester")
    assert exc.value.code == "link_exists"
    linked.unlink(dpr, "pilpres-2024-jateng", "tester")
    assert linked.links(dpr) == []


def test_the_cli(pair):
    dpr, ppwp = pair
    runner = CliRunner()
    out = runner.invoke(main, ["link", "--db", str(dpr.path), "--with", str(ppwp.path)])
    assert out.exit_code == 0, out.output
    assert "Ditautkan: Pemilihan Umum Presiden dan Wakil Presiden Tahun 2024" in out.output
    out = runner.invoke(main, ["link", "--db", str(dpr.path), "--format", "json"])
    assert json.loads(out.output)[0]["ok"] is True
