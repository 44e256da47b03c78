"""Bundles under random damage (hypothesis): never a crash, never a write on refusal (issue 6 §6)."""

from __future__ import annotations

import itertools
import json
from types import SimpleNamespace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_bundle_helpers import db_hash, fix_hashes, repack

from recap_app.core import certificate
from recap_app.core.bundle import export, importer, keys
from recap_app.core.bundle.format import BundleRefused
from recap_app.core.demo import make_demo, real_certificates
from recap_app.core.store import Workspace
from recap_app.core.totals import province_totals

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """A real province bundle, a target that already holds it, and a target that does not."""
    d = tmp_path_factory.mktemp("fuzz")
    ident = keys.load_identity(d / "provinsi.pem")
    src = make_demo(d / "demo.sqlite", actor="tester")
    bundle = export.export_bundle(src, d / "b1.zip", "tester", identity=ident).path
    src.close()
    holder = Workspace.create(d / "holder.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(holder, ident.public_text, "33", "penerima")
    importer.import_bundle(holder, bundle, "penerima")
    # a small bundle (two city certificates) for the document fuzzing: same paths, 20x faster
    small_src = Workspace.create(d / "small.sqlite", "pilpres-2019-jateng", actor="tester")
    certs = real_certificates()
    for kode in ("33.71", "33.72"):
        certificate.record_revision(small_src, kode, *certs[kode], actor="tester")
    small = export.export_bundle(small_src, d / "small.zip", "tester", identity=ident).path
    small_src.close()
    fresh = Workspace.create(d / "fresh.sqlite", "pilpres-2019-jateng", actor="penerima")
    keys.trust(fresh, ident.public_text, "33", "penerima")
    w = SimpleNamespace(dir=d, ident=ident, bundle=bundle, blob=bundle.read_bytes(), holder=holder, fresh=fresh,
                        small=small, holder_hash=db_hash(holder), seq=itertools.count(1000))
    yield w
    holder.close()
    fresh.close()


def _mutate_bytes(data, blob: bytes) -> bytes:
    op = data.draw(st.sampled_from(["flip", "set", "truncate", "insert", "delete", "duplicate"]))
    pos = data.draw(st.integers(0, len(blob) - 1))
    if op == "flip":
        return blob[:pos] + bytes([blob[pos] ^ data.draw(st.integers(1, 255))]) + blob[pos + 1:]
    if op == "set":
        return blob[:pos] + data.draw(st.binary(min_size=1, max_size=8)) + blob[pos + 8:]
    if op == "truncate":
        return blob[:pos]
    if op == "insert":
        return blob[:pos] + data.draw(st.binary(min_size=1, max_size=16)) + blob[pos:]
    if op == "delete":
        return blob[:pos] + blob[pos + data.draw(st.integers(1, 64)):]
    end = min(len(blob), pos + data.draw(st.integers(1, 256)))
    return blob[:end] + blob[pos:end] + blob[end:]


@FUZZ
@given(data=st.data())
def test_damaged_bytes_are_refused_or_already_there(world, data):
    """Any byte damage: refused, or (damage in zip metadata nobody reads) the very bundle
    already held; either way the database is untouched."""
    mutated = _mutate_bytes(data, world.blob)
    path = world.dir / "m.zip"
    path.write_bytes(mutated)
    changes = world.holder.conn.total_changes
    try:
        res = importer.import_bundle(world.holder, path, "penerima")
    except BundleRefused as exc:
        assert exc.message.startswith("Bundel m.zip ditolak: ")
    else:
        assert res.status == "already"
    assert world.holder.conn.total_changes == changes and not world.holder.conn.in_transaction


def test_holder_database_is_unchanged_after_the_fuzzing(world):
    assert db_hash(world.holder) == world.holder_hash


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6)


def _mutate_json(data, doc):
    """Replace or delete one value somewhere in ``doc`` (in place)."""
    parent, key = None, None
    node = doc
    for _ in range(data.draw(st.integers(0, 6))):
        if isinstance(node, dict) and node:
            k = data.draw(st.sampled_from(sorted(node)))
        elif isinstance(node, list) and node:
            k = data.draw(st.integers(0, len(node) - 1))
        else:
            break
        parent, key, node = node, k, node[k]
    if parent is None:
        return
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[key]
    else:
        parent[key] = data.draw(JSON_VALUES)


@FUZZ
@given(data=st.data())
def test_validly_signed_garbage_never_crashes(world, data):
    """Documents damaged in any way, then correctly signed by the trusted key: the importer
    refuses them cleanly (database untouched) or takes in what is still valid."""
    target = data.draw(st.sampled_from(["manifest", "data"]))
    seq = next(world.seq)

    def manifest_fn(m):
        m["sequence"] = seq
        if target == "manifest":
            _mutate_json(data, m)

    def data_fn(d):
        if target == "data":
            _mutate_json(data, d)
            if data.draw(st.booleans()):
                fix_hashes(d)

    path = repack(world.small, world.dir / "j.zip", world.ident, manifest_fn=manifest_fn, data_fn=data_fn)
    ws = world.fresh
    changes = ws.conn.total_changes
    try:
        res = importer.import_bundle(ws, path, "penerima")
    except BundleRefused as exc:
        assert exc.message.startswith("Bundel j.zip ditolak: ")
        assert ws.conn.total_changes == changes
    else:
        assert res.status in ("imported", "already")
    assert not ws.conn.in_transaction
    json.dumps(province_totals(ws))  # still readable
