"""Bundle imports that race other writers: planned and written under one write lock, in sequence order."""

from __future__ import annotations

import os
import shutil
import threading

import pytest

from recap_app.core import certificate
from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.domain import JUMLAH
from recap_app.core.store import Workspace


def change(ws: Workspace, kode: str, delta: int, actor: str = "tester") -> int:
    info = ws.latest_revision(kode)
    values = ws.revision_values(info.id)
    values[JUMLAH]["paslon_1"] += delta
    certificate.record_revision(ws, kode, list(info.columns), values, actor=actor, reason="perbaikan")
    return values[JUMLAH]["paslon_1"]


@pytest.fixture
def target(tmp_path):
    w = Workspace.create(tmp_path / "target.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(w, keys.load_identity().public_text, "33", "penerima")
    yield w
    w.close()


def test_a_correction_saved_while_the_import_waits_becomes_a_conflict(demo_ws, target, tmp_path):
    """The correction holds the write lock first; the import plans only after it committed, so it
    sees the correction: a conflict for that certificate, nothing silently superseded."""
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    importer.import_bundle(target, b1, "penerima")
    sent = change(demo_ws, "33.01", 3)
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    other = Workspace.open(target.path)  # the clerk's window: its own connection
    result: dict = {}
    with other.transaction():  # the correction is being written ...
        ours = change(other, "33.01", -4, "penerima")
        worker = threading.Thread(target=lambda: result.update(r=importer.import_bundle(
            Workspace.open(target.path), b2, "penerima")))
        worker.start()
        worker.join(0.5)
        assert worker.is_alive()  # ... and the import waits for the lock instead of planning on stale data
    worker.join(30)
    res = result["r"]
    assert [c.region_kode for c in res.conflicts] == ["33.01"]
    assert res.conflicts[0].fields[0]["ours"] == ours and res.conflicts[0].fields[0]["theirs"] == sent
    latest = target.revision_values(target.latest_revision("33.01").id)
    assert latest[JUMLAH]["paslon_1"] == ours  # the correction stands
    other.close()


def test_the_same_bundle_imported_twice_at_once_is_already_there(demo_ws, target, tmp_path):
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    results, errors = [], []

    def run():
        w = Workspace.open(target.path)
        try:
            results.append(importer.import_bundle(w, b1, "penerima").status)
        except Exception as exc:  # noqa: BLE001 - the test reports any failure
            errors.append(exc)
        finally:
            w.close()

    threads = [threading.Thread(target=run) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == [] and sorted(results) == ["already"] * 3 + ["imported"]
    assert target.conn.execute("SELECT COUNT(*) FROM bundle_imported").fetchone()[0] == 1


def test_two_bundles_of_one_sender_at_once_never_leave_the_older_on_top(demo_ws, target, tmp_path):
    b1 = export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path
    importer.import_bundle(target, b1, "penerima")
    change(demo_ws, "33.02", 1)
    b2 = export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path
    newest = change(demo_ws, "33.02", 1)
    b3 = export.export_bundle(demo_ws, tmp_path / "b3.zip", "tester", full=True).path
    outcome: dict = {}

    def run(path):
        w = Workspace.open(target.path)
        try:
            outcome[path.name] = importer.import_bundle(w, path, "penerima").status
        except BundleRefused as exc:
            outcome[path.name] = exc.code
        finally:
            w.close()

    threads = [threading.Thread(target=run, args=(p,)) for p in (b3, b2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert outcome["b3.zip"] == "imported" and outcome["b2.zip"] in ("imported", "older_sequence")
    latest = target.revision_values(target.latest_revision("33.02").id)
    assert latest[JUMLAH]["paslon_1"] == newest


def test_a_sender_that_restored_an_earlier_copy_is_caught_whatever_it_skips(demo_ws, target, tmp_path):
    """The regency sends bundles 1 and 2, then goes back to a copy made after bundle 1 (its history
    since is gone) and works on. Its next number 2 is refused as reused; its number 3, built on its
    own new 2, carries records whose ids were received before with other content: refused."""
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b1.zip", "tester").path, "penerima")
    demo_ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    earlier = tmp_path / "salinan.sqlite"
    shutil.copy(demo_ws.path, earlier)
    change(demo_ws, "33.05", 1)
    importer.import_bundle(target, export.export_bundle(demo_ws, tmp_path / "b2.zip", "tester").path, "penerima")
    restored = Workspace.open(earlier)
    change(restored, "33.06", 2)  # the same record ids now hold other records
    again = export.export_bundle(restored, tmp_path / "b2x.zip", "tester").path
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, again, "penerima")
    assert exc.value.code == "sequence_reused"
    change(restored, "33.07", 3)
    third = export.export_bundle(restored, tmp_path / "b3x.zip", "tester").path
    with pytest.raises(BundleRefused) as exc:
        importer.import_bundle(target, third, "penerima")
    assert exc.value.code == "bad_audit" and "tidak menyambung dengan catatan yang sudah diterima" in exc.value.message
    restored.close()


def test_an_adoption_carried_by_a_bundle_needs_the_role_and_clean_findings(demo_ws, tmp_path):
    """Mirror bundle: the sender adopted Cilacap and Kota Pekalongan (with the chair's override there).
    Here the importer is an operator: neither adoption is applied, both are listed."""
    from argon2 import PasswordHasher

    from recap_app.core import auth, reconcile

    reconcile.override(demo_ws, "F.501|33.75|JUMLAH|paslon_1", "Sesuai berita acara kota.", "ketua")
    certificate.adopt(demo_ws, "33.75", "ketua")
    certificate.adopt(demo_ws, "33.01", "ketua")
    bundle = export.export_bundle(demo_ws, tmp_path / "b.zip", "ketua").path
    target = Workspace.create(tmp_path / "t.sqlite", "pilpres-2019-jateng", actor="penerima")
    auth.HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    try:
        auth.add_user(target, "admin", "admin", "admin", "Gunung-merbabu-17-kabut")
        auth.add_user(target, "admin", "op", "operator", "Gunung-slamet-38-kabut")
        keys.trust(target, keys.load_identity().public_text, "33", "admin")
        res = importer.import_bundle(target, bundle, "op")
    finally:
        auth.HASHER = PasswordHasher()
    assert res.adopted == [] and set(res.adoption_skipped) == {"33.01", "33.75"}
    assert "tidak berhak menetapkan" in res.adoption_skipped["33.01"]
    assert target.adoption("33.01") is None
    target.close()


def test_races_of_a_correction_and_an_import_lose_nothing(demo_ws, tmp_path, capsys):
    """RECAP_RACES races (default 15; 100 for the report, about 2.5 min), each: the regency sends a change of 33.03 while a clerk here saves a correction of
    the same certificate (each race in a receiving workspace that holds the regency's previous
    bundle), both started together with a random offset. Whatever the order, the correction is
    never lost: it is the latest revision, or the import recorded a conflict that holds it."""
    import random
    import time

    rng = random.Random(2019)
    key = keys.load_identity().public_text
    orders = {"correction first": 0, "import first": 0}
    lost, conflicts = [], 0
    runs = int(os.environ.get("RECAP_RACES", "15"))
    for n in range(1, runs + 1):
        base = export.export_bundle(demo_ws, tmp_path / f"a{n}.zip", "tester", full=True).path
        sent = change(demo_ws, "33.03", 1)
        bundle = export.export_bundle(demo_ws, tmp_path / f"b{n}.zip", "tester").path
        w = Workspace.create(tmp_path / f"t{n}.sqlite", "pilpres-2019-jateng", actor="penerima")
        keys.trust(w, key, "33", "penerima")
        importer.import_bundle(w, base, "penerima")
        w.close()
        clerk, receiver = Workspace.open(tmp_path / f"t{n}.sqlite"), Workspace.open(tmp_path / f"t{n}.sqlite")
        out: dict = {}
        go = threading.Event()

        def correct(clerk=clerk, n=n, go=go, out=out):
            go.wait()
            time.sleep(rng.uniform(0, 0.003))
            out["ours"] = change(clerk, "33.03", -n, "penerima")
            out["t_ours"] = time.monotonic()

        def take(receiver=receiver, bundle=bundle, go=go, out=out):
            go.wait()
            time.sleep(rng.uniform(0, 0.003))
            out["res"] = importer.import_bundle(receiver, bundle, "penerima")
            out["t_res"] = time.monotonic()

        threads = [threading.Thread(target=correct), threading.Thread(target=take)]
        for t in threads:
            t.start()
        go.set()
        for t in threads:
            t.join(60)
        orders["correction first" if out["t_ours"] < out["t_res"] else "import first"] += 1
        latest = clerk.revision_values(clerk.latest_revision("33.03").id)[JUMLAH]["paslon_1"]
        held = {(f["ours"], f["theirs"]) for c in out["res"].conflicts for f in c.fields if f["field"] == "paslon_1"}
        conflicts += bool(held)
        if latest != out["ours"] or (held and held != {(out["ours"], sent)}):
            lost.append((n, latest, out["ours"], sent, held))
        clerk.close()
        receiver.close()
    with capsys.disabled():
        print(f"\nbundle races: {runs} runs {orders}, conflicts recorded: {conflicts}, corrections lost: {len(lost)}")
    assert lost == [] and sum(orders.values()) == runs
