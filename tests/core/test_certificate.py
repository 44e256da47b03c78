"""The certificate lifecycle (core/certificate.py): one transaction per save, the questions the faces
ask before offering an action, and one refusal type for "not now"."""

import pytest

from recap_app.core import certificate, drafts, reconcile
from recap_app.core.errors import NotAllowed, NotNow, TextError


def _figures(ws, kode, delta=0):
    info = ws.latest_revision(kode)
    values = ws.revision_values(info.id)
    values["JUMLAH"]["suara_tidak_sah"] = (values["JUMLAH"].get("suara_tidak_sah") or 0) + delta
    return list(info.columns), values


def test_save_stores_the_revision_its_findings_and_removes_the_draft_together(demo_ws):
    cols, values = _figures(demo_ws, "33.01", 5)
    drafts.save_draft(demo_ws, "33.01", cols, values, "petugas")
    rid = certificate.save(demo_ws, "33.01", cols, values, "petugas", "salah ketik")
    assert demo_ws.latest_revision("33.01").id == rid
    assert drafts.load_draft(demo_ws, "33.01") is None
    basis = demo_ws.conn.execute("SELECT basis FROM finding_check WHERE scope = '33.01'").fetchone()[0]
    assert basis.startswith(f"{rid}|")  # the findings follow the new figures at once
    actions = [r[0] for r in demo_ws.conn.execute("SELECT action FROM audit ORDER BY id DESC LIMIT 2")]
    assert actions == ["draft.discard", "certificate.revision"]


def test_a_failure_while_checking_leaves_no_revision_and_keeps_the_draft(demo_ws, monkeypatch):
    cols, values = _figures(demo_ws, "33.01", 5)
    drafts.save_draft(demo_ws, "33.01", cols, values, "petugas")
    before = len(demo_ws.revisions("33.01"))
    audits = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]

    def boom(*_a, **_k):
        raise RuntimeError("pemeriksaan gagal")

    monkeypatch.setattr(reconcile, "refresh_region", boom)
    with pytest.raises(RuntimeError):
        certificate.save(demo_ws, "33.01", cols, values, "petugas", "salah ketik")
    assert len(demo_ws.revisions("33.01")) == before
    assert drafts.load_draft(demo_ws, "33.01") is not None
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audits


def test_a_change_after_receipt_needs_a_reason(demo_ws):
    cols, values = _figures(demo_ws, "33.01", 1)
    with pytest.raises(TextError) as e:
        certificate.save(demo_ws, "33.01", cols, values, "petugas", "  ")
    assert e.value.code == "empty_text"


def test_status_is_an_enumeration_of_the_clerks_words(demo_ws):
    rows = {r["kode"]: r["status"] for r in certificate.statuses(demo_ws)}
    assert rows["33.75"] is certificate.Status.ADA_KESALAHAN and rows["33.75"] == "ada kesalahan"
    assert certificate.status(demo_ws, "33.01") == certificate.Status.ADA_PERINGATAN
    assert [s.value for s in certificate.Status] == ["belum masuk", "draf", "ada kesalahan", "ada peringatan",
                                                     "sesuai", "ditetapkan"]


def test_the_questions_answer_with_the_reason_and_the_acts_refuse_with_it(demo_ws):
    a = certificate.can_adopt(demo_ws, "33.75", "ketua")
    assert not a and a.code == "unresolved_errors" and "1 kesalahan belum diselesaikan" in a.reason
    with pytest.raises(NotNow) as e:
        certificate.adopt(demo_ws, "33.75", "ketua")
    assert e.value.message == a.reason
    assert certificate.can_adopt(demo_ws, "33.01", "ketua")
    assert not certificate.can_reopen(demo_ws, "33.01", "ketua")
    certificate.adopt(demo_ws, "33.01", "ketua")
    edit = certificate.can_edit(demo_ws, "33.01", "petugas")
    assert (edit.allowed, edit.code) == (False, "adopted")
    with pytest.raises(NotNow) as e:
        certificate.save(demo_ws, "33.01", *_figures(demo_ws, "33.01", 1), "petugas", "koreksi")
    assert (e.value.code, e.value.message) == ("adopted", edit.reason)
    assert certificate.can_reopen(demo_ws, "33.01", "ketua")
    certificate.reopen(demo_ws, "33.01", "ketua", "Koreksi DPT kecamatan Kesugihan.")
    assert certificate.can_edit(demo_ws, "33.01", "petugas")


def test_a_role_refusal_is_not_allowed_not_not_now(demo_ws, monkeypatch):
    from argon2 import PasswordHasher

    from recap_app.core import auth

    monkeypatch.setattr(auth, "HASHER", PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    auth.add_user(demo_ws, "admin", "admin", "admin", "Gunung-lawu-45-kabut")
    auth.add_user(demo_ws, "admin", "op", "operator", "Gunung-muria-52-kabut")
    answer = certificate.can_adopt(demo_ws, "33.01", "op")
    assert (answer.allowed, answer.code) == (False, "forbidden")
    with pytest.raises(NotAllowed) as e:
        certificate.adopt(demo_ws, "33.01", "op")
    assert not isinstance(e.value, NotNow)


def test_control_characters_are_refused_where_text_enters(demo_ws):
    """One ESC in an objection made every receiver refuse the bundle: now it never enters."""
    from recap_app.core import reconcile
    from recap_app.core.documents import plenary

    with pytest.raises(TextError) as e:
        plenary.add_objection(demo_ws, "tester", "keberatan", "Saksi\x1b[31m menolak")
    assert e.value.code == "control_character" and "U+001B" in e.value.message
    key = next(f.key for f in reconcile.findings(demo_ws, "33.01") if f.severity == "warning")
    with pytest.raises(TextError):
        reconcile.explain(demo_ws, key, "sudah dicek\u202egnp.exe", "verif")  # a direction override
    with pytest.raises(TextError):
        certificate.save(demo_ws, "33.01", *_figures(demo_ws, "33.01", 1), "petugas", "salah\x00ketik")
    plenary.add_objection(demo_ws, "tester", "keberatan", "Baris satu\nbaris dua\tdengan tab")  # free text
    assert plenary.plenary(demo_ws).objections[-1]["text"] == "Baris satu\nbaris dua\tdengan tab"


def test_status_counts_in_sql_equal_the_findings_counted_one_by_one(demo_ws):
    """reconcile.open_counts (one query) counts what stored_by_region's findings say, with notes."""
    from recap_app.core import reconcile

    fs = reconcile.findings(demo_ws, "33.01")
    warn = next(f for f in fs if f.severity == "warning")
    reconcile.explain(demo_ws, warn.key, "dijelaskan di rapat pleno", "verifikator")
    err = next(f for f in reconcile.findings(demo_ws, "33.75") if f.severity == "error")
    reconcile.override(demo_ws, err.key, "dikesampingkan ketua dengan alasan", "ketua")
    by_hand = {k: {"error": sum(1 for f in v if not f.resolved and f.severity == "error"),
                   "warning": sum(1 for f in v if not f.resolved and f.severity == "warning")}
               for k, v in reconcile.stored_by_region(demo_ws).items()}
    assert reconcile.open_counts(demo_ws) == by_hand
    assert by_hand["33.75"]["error"] == 0 and len(by_hand) == 35


def test_figures_typed_over_an_older_revision_never_replace_a_newer_one_unseen(demo_ws):
    """Two windows (or a clerk and an import): B saves revision 2 while A still types over
    revision 1. A's save names revision 2 and stores nothing; over revision 2, asked for, it stores."""
    first = demo_ws.latest_revision("33.01")
    cols, b_values = _figures(demo_ws, "33.01", 5)
    second = certificate.save(demo_ws, "33.01", cols, b_values, "petugas_b", "koreksi B", based_on=first.id)
    _, a_values = _figures(demo_ws, "33.01", 7)
    with pytest.raises(NotNow) as e:
        certificate.save(demo_ws, "33.01", cols, a_values, "petugas", "koreksi A", based_on=first.id)
    assert e.value.code == "changed_meanwhile"
    assert e.value.message.startswith("Kabupaten Cilacap (33.01) sudah disimpan sebagai revisi 2 oleh petugas_b (")
    assert "WIB) sejak isian ini dimulai dari revisi 1; angka yang diketik tidak disimpan di atasnya" in e.value.message
    assert demo_ws.latest_revision("33.01").id == second
    third = certificate.save(demo_ws, "33.01", cols, a_values, "petugas", "koreksi A", based_on=second)
    assert demo_ws.latest_revision("33.01").id == third and demo_ws.latest_revision("33.01").number == 3


def test_saving_the_figures_of_the_latest_revision_stores_no_revision(demo_ws):
    info = demo_ws.latest_revision("33.01")
    cols, values = list(info.columns), demo_ws.revision_values(info.id)
    audits = demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0]
    assert certificate.same_as_latest(demo_ws, "33.01", cols, values)
    with pytest.raises(NotNow) as e:
        certificate.save(demo_ws, "33.01", cols, values, "petugas", "tidak ada")
    assert e.value.code == "no_change"
    assert e.value.message == ("Tidak ada perubahan: angka yang diketik sama dengan revisi 1; tidak ada revisi baru "
                               "yang disimpan.")
    assert len(demo_ws.revisions("33.01")) == 1
    assert demo_ws.conn.execute("SELECT COUNT(*) FROM audit").fetchone()[0] == audits
    assert values["JUMLAH"]["dptb_l"] is None
    del values["JUMLAH"]["dptb_l"]  # a field left out is blank, as stored
    assert certificate.same_as_latest(demo_ws, "33.01", cols, values)
    values["JUMLAH"]["dptb_l"] = 0  # zero is not blank
    assert not certificate.same_as_latest(demo_ws, "33.01", cols, values)


def test_a_role_that_may_not_edit_is_refused_before_anything_about_the_figures(demo_ws):
    from recap_app.core import auth

    auth.add_user(demo_ws, "tester", "admin", "admin", "Gunung-lawu-31-kabut")
    auth.add_user(demo_ws, "admin", "lihat", "verifikator", "Gunung-slamet-52-kabut")
    info = demo_ws.latest_revision("33.01")
    with pytest.raises(NotAllowed) as e:
        certificate.save(demo_ws, "33.01", list(info.columns), demo_ws.revision_values(info.id), "lihat", "x")
    assert e.value.code not in ("no_change", "changed_meanwhile")
