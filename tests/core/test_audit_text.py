"""The audit log in words: every action id has a phrase; details are text, not JSON; CLI and times in WIB."""

import re
from pathlib import Path

from click.testing import CliRunner

from recap_app.cli import main
from recap_app.core import audit, audit_text, certificate
from recap_app.core.domain import JUMLAH

PKG = Path(__file__).resolve().parents[2] / "recap_app"


def action_ids_in_the_code() -> set[str]:
    """Every literal action id the program records (ws.record(actor, "x.y", ...), action="x.y")."""
    ids = set()
    for path in PKG.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        ids.update(re.findall(r'\.record\([^,()]+(?:\([^)]*\))?, "([a-z_]+\.[a-z_]+)"', text))
        ids.update(re.findall(r'action="([a-z_]+\.[a-z_]+)"', text))
        ids.update(re.findall(r'"(user\.(?:activate|deactivate))"', text))
    return ids


def test_every_action_id_has_an_indonesian_and_an_english_phrase():
    ids = action_ids_in_the_code()
    assert {"certificate.adopt", "document.print", "finding.explain", "plenary.set"} <= ids
    missing = sorted(ids - set(audit_text.ACTIONS))
    assert missing == []
    for action, (idn, en) in audit_text.ACTIONS.items():
        assert idn and en and idn != action and "." not in idn.split()[0]


def test_details_are_readable_text(demo_ws):
    info = demo_ws.latest_revision("33.01")
    values = demo_ws.revision_values(info.id)
    values[JUMLAH]["paslon_1"] += 1
    certificate.record_revision(demo_ws, "33.01", list(info.columns), values, actor="tester", reason="salah ketik")
    demo_ws.set_setting("office.city", "Semarang", "tester")
    demo_ws.set_setting("office.city", "Kota Semarang", "tester")
    for r in audit.query(demo_ws, limit=1000):
        text = audit_text.details(r.action, r.before, r.after)
        assert "{" not in text and '"' not in text, (r.action, text)
        assert audit_text.action_text(r.action) != r.action
    [change] = [r for r in audit.query(demo_ws, action="setting.change", limit=10) if r.before == "Semarang"]
    assert audit_text.details(change.action, change.before, change.after) == "Semarang → Kota Semarang"
    rev = audit.query(demo_ws, action="certificate.revision", limit=1)[0]
    assert audit_text.details(rev.action, rev.before, rev.after).startswith("jenis: resmi; alasan: salah ketik; revisi: 2")
    assert audit_text.entity_text(rev.entity) == "sertifikat 33.01"
    assert audit_text.action_text("certificate.adopt", "en") == "Certificate adopted"
    assert audit_text.action_text("future.action") == "future.action"


def test_cli_audit_log_speaks_indonesian_with_office_times(monkeypatch, demo_ws):
    monkeypatch.setenv("RECAP_FIXED_CLOCK", "2019-05-08T10:30:00+00:00")
    demo_ws.set_setting("office.city", "Semarang", "tester")
    path = demo_ws.path
    demo_ws.close()
    out = CliRunner().invoke(main, ["audit", "log", "--db", str(path), "--limit", "3"], catch_exceptions=False).output
    first = out.splitlines()[0]
    assert "8 Mei 2019 17.30 WIB" in first and "Pengaturan diubah" in first and "pengaturan office.city" in first
    assert "setting.change" not in out and "certificate.demo" not in out
    assert "Sertifikat contoh dimuat" in out and "alasan: data contoh Pilpres 2019" in out
    assert "{" not in out
