"""Bad input at scale (issue 8 §6): hypothesis-generated and mutated real files for the
spreadsheet, CSV and bundle readers. Every input must end in an acceptance or a clear refusal
(a RecapError subclass, an Indonesian message naming the file), never a crash or a hang, and
a refusal writes nothing (every row of every table unchanged).

Run with ``-s`` to see how many inputs each test tried. RECAP_FUZZ_EXAMPLES raises the count
(e.g. 2000 for a long night run).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import signal
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from recap_app.core import importer
from recap_app.core.demo import real_certificates
from recap_app.core.domain import JUMLAH
from recap_app.core.errors import RecapError
from recap_app.core.store import Workspace

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "tests" / "data" / "samples").glob("*.xlsx"))
N = int(os.environ.get("RECAP_FUZZ_EXAMPLES", "40"))
FUZZ = settings(max_examples=N, deadline=None, database=None, derandomize=True,
                phases=[Phase.explicit, Phase.reuse, Phase.generate],  # no shrinking: slow on files
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                       HealthCheck.data_too_large])
#: bundles are slower to check (a whole province each): fewer by default
FUZZ_BUNDLE = settings(FUZZ, max_examples=max(1, N // 4))
TRIED: dict[str, dict[str, int]] = {}
#: refusals the importer produced from an unforeseen exception (its catch-all): reported, see the last test
UNEXPECTED: list[str] = []


def db_hash(ws: Workspace) -> str:
    """SHA-256 over every row of every table: the witness that nothing was written."""
    h = hashlib.sha256()
    for (name,) in ws.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
        h.update(name.encode())
        if name == "cell":  # large: cells only come with a revision (hashed in full); aggregate them
            sql = "SELECT COUNT(*), TOTAL(value), TOTAL(length(kolom) + length(field)), MAX(revision_id) FROM cell"
        elif name == "source_file":  # blobs: their SHA-256 stands for them
            sql = "SELECT id, name, size, sha256, imported_at, imported_by FROM source_file ORDER BY 1"
        else:
            sql = f'SELECT * FROM "{name}" ORDER BY 1'
        for row in ws.conn.execute(sql):
            h.update(repr(row).encode())
    return h.hexdigest()


@contextlib.contextmanager
def no_hang(seconds: int = 20):
    """Fail (instead of waiting forever) when one input takes longer than ``seconds``."""
    def boom(*_):
        raise TimeoutError(f"input took longer than {seconds} s")

    old = signal.signal(signal.SIGALRM, boom)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def tally(test: str, outcome: str) -> None:
    t = TRIED.setdefault(test, {})
    t[outcome] = t.get(outcome, 0) + 1


def report(test: str, capsys) -> None:
    with capsys.disabled():
        t = TRIED.get(test, {})
        print(f"\nfuzz {test}: {sum(t.values())} inputs tried: {json.dumps(t, ensure_ascii=False)}")


@pytest.fixture(scope="module")
def fuzz_ws(tmp_path_factory):
    w = Workspace.create(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite", "pilpres-2019-jateng", actor="tester")
    yield w
    w.close()


def import_one(ws: Workspace, test: str, name: str, data: bytes) -> None:
    """Import one input and check the contract; count the outcome."""
    before = db_hash(ws)
    with no_hang():
        try:
            rep = importer.import_bytes(ws, name, data, "tester", accept_names=False)
        except RecapError as exc:  # a clear refusal raised instead of reported: fine
            assert exc.message and db_hash(ws) == before
            tally(test, "refused (raised)")
            return
    if rep.status == "ditolak":
        if rep.code == "unexpected":  # the importer caught an exception of its own: no write, but no clear message
            UNEXPECTED.append(rep.message)
        assert rep.code != "unexpected", f"crash disguised as a refusal: {rep.message}"
        assert rep.message and name in rep.message, rep.message
        assert db_hash(ws) == before, f"refused but written: {rep.message}"
        tally(test, f"refused:{rep.code}")
    else:
        tally(test, f"accepted:{rep.status}")


# ----------------------------------------------------------------- CSV
KUDUS = "33.19"


def flat_rows(ws: Workspace, kode: str) -> list[list]:
    cols, values = real_certificates()[kode]
    names = {r.kode: r.nama for r in ws.columns_of(kode)}
    keys = list(ws.election.form.field_keys)
    rows = [["kode_kecamatan", "nama_kecamatan"] + keys]
    for c in cols:
        label = ["", "JUMLAH"] if c == JUMLAH else [c, names[c]]
        rows.append(label + ["" if values[c].get(k) is None else values[c].get(k) for k in keys])
    return rows


def to_csv(rows: list[list], delimiter: str, bom: bool, encoding: str) -> bytes:
    text = "\r\n".join(delimiter.join(str(v) for v in r) for r in rows) + "\r\n"
    return (b"\xef\xbb\xbf" if bom else b"") + text.encode(encoding, errors="replace")


NASTY = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-10**12, max_value=10**15).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(["-", "", " ", "1.234", "1,234", "12.096.454", "1.2.3", "=A1+B2", "#REF!", "0x1F", "١٢٣",
                     "NaN", "1e9", "  7 ", "07", "3301", "33.01", "JUMLAH", "LK", "PR", "\x00", "💥", "'12"]),
)


@FUZZ
@given(data=st.data())
def test_fuzz_csv(fuzz_ws, data):
    rows = [list(r) for r in flat_rows(fuzz_ws, KUDUS)]
    for _ in range(data.draw(st.integers(0, 6), label="edits")):
        kind = data.draw(st.sampled_from(["cell", "cell", "drop_row", "drop_col", "dup_row", "swap"]))
        r = data.draw(st.integers(0, len(rows) - 1))
        if kind == "cell" and rows[r]:
            rows[r][data.draw(st.integers(0, len(rows[r]) - 1))] = data.draw(NASTY)
        elif kind == "drop_row" and len(rows) > 1:
            rows.pop(r)
        elif kind == "drop_col":
            c = data.draw(st.integers(0, 40))
            rows = [row[:c] + row[c + 1:] for row in rows]
        elif kind == "dup_row":
            rows.insert(r, list(rows[r]))
        elif kind == "swap" and len(rows) > 2:
            s = data.draw(st.integers(0, len(rows) - 1))
            rows[r], rows[s] = rows[s], rows[r]
    blob = to_csv(rows, data.draw(st.sampled_from([";", ",", "\t", "|"])), data.draw(st.booleans()),
                  data.draw(st.sampled_from(["utf-8", "latin-1", "utf-16"])))
    if data.draw(st.booleans()):
        cut = data.draw(st.integers(0, len(blob)))
        blob = blob[:cut]
    import_one(fuzz_ws, "csv", "kudus.csv", blob)


def test_fuzz_csv_report(capsys):
    report("csv", capsys)


# ----------------------------------------------------------------- spreadsheets (mutated real files)
def _sample(i: int) -> tuple[str, bytes]:
    p = SAMPLES[i % len(SAMPLES)]
    return p.name, p.read_bytes()


@pytest.mark.skipif(not SAMPLES, reason="sample workbooks not available")
@FUZZ
@given(i=st.integers(0, 3), flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8),
       cut=st.one_of(st.none(), st.integers(0, 10**7)), ext=st.sampled_from([".xlsx", ".xls", ".ods", ".csv"]))
def test_fuzz_xlsx_bytes(fuzz_ws, i, flips, cut, ext):
    """Byte-level damage of the real regency workbooks, under every spreadsheet extension."""
    name, raw = _sample(i)
    blob = bytearray(raw)
    for pos, val in flips:
        blob[pos % len(blob)] = val
    if cut is not None:
        blob = blob[:cut % (len(blob) + 1)]
    import_one(fuzz_ws, "xlsx-bytes", name.rsplit(".", 1)[0] + ext, bytes(blob))


def _mutate_sheet_xml(xml: str, rng: random.Random, values: list[str]) -> str:
    """Replace some cell values (<v>…</v>, inline strings) with nasty ones; keep the XML well formed."""
    parts = xml.split("<v>")
    for k in range(1, len(parts)):
        if rng.random() < 0.05:
            end = parts[k].find("</v>")
            new = rng.choice(values).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            parts[k] = new + parts[k][end:]
    return "<v>".join(parts)


@pytest.mark.skipif(not SAMPLES, reason="sample workbooks not available")
@FUZZ
@given(i=st.integers(0, 3), seed=st.integers(0, 2**32 - 1),
       values=st.lists(NASTY.filter(lambda s: "\x00" not in s and all(ord(ch) >= 32 for ch in s)),
                       min_size=1, max_size=6))
def test_fuzz_xlsx_cells(fuzz_ws, i, seed, values):
    """Well-formed workbooks whose cell values were replaced: reaches the layout and number parsing."""
    name, blob = mutated_workbook(i, seed, values)
    import_one(fuzz_ws, "xlsx-cells", name, blob)


def mutated_workbook(i: int, seed: int, values: list[str]) -> tuple[str, bytes]:
    """Sample workbook ``i`` with some cell values replaced by ``values`` (chosen by ``seed``)."""
    name, raw = _sample(i)
    rng = random.Random(seed)
    src = zipfile.ZipFile(io.BytesIO(raw))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename.startswith("xl/worksheets/") or info.filename == "xl/sharedStrings.xml":
                text = content.decode("utf-8")
                text = _mutate_sheet_xml(text, rng, values) if "worksheets" in info.filename else text.replace(
                    "<t>", "<t>" + (rng.choice(values) if rng.random() < 0.1 else "").replace("&", "&amp;")
                    .replace("<", "&lt;").replace(">", "&gt;"), 1)
                content = text.encode("utf-8")
            dst.writestr(info, content)
    return name, out.getvalue()


@pytest.fixture(scope="module")
def old_formats(fuzz_ws, tmp_path_factory):
    """The real Kudus certificate written as .xls (xlwt) and .ods (odfpy) by the import test builders."""
    import fixtures_import as fx
    title, cols, values = fx.regency_args(fuzz_ws, KUDUS, real_certificates())
    grid = fx.db1_grid(fuzz_ws.election, title, cols, values)
    d = tmp_path_factory.mktemp("lama")
    return {".xls": fx.write_xls(d / "kudus.xls", grid).read_bytes(),
            ".ods": fx.write_ods(d / "kudus.ods", grid).read_bytes()}


@FUZZ
@given(ext=st.sampled_from([".xls", ".ods"]),
       flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), max_size=8),
       cut=st.one_of(st.none(), st.integers(0, 10**7)))
def test_fuzz_xls_ods_bytes(fuzz_ws, old_formats, ext, flips, cut):
    """Byte-level damage of a real certificate saved as .xls and .ods (the calamine readers)."""
    blob = bytearray(old_formats[ext])
    for pos, val in flips:
        blob[pos % len(blob)] = val
    if cut is not None:
        blob = blob[:cut % (len(blob) + 1)]
    import_one(fuzz_ws, "xls-ods-bytes", "kudus" + ext, bytes(blob))


def test_calamine_panic_is_a_clear_refusal(fuzz_ws, old_formats):
    """The input the fuzzer found: a truncated .xls makes python-calamine panic (a BaseException)."""
    before = db_hash(fuzz_ws)
    rep = importer.import_bytes(fuzz_ws, "kudus.xls", old_formats[".xls"][:8272], "tester")
    assert db_hash(fuzz_ws) == before
    assert (rep.status, rep.code) == ("ditolak", "damaged")
    assert rep.message.startswith("Berkas kudus.xls: berkas xls rusak atau tidak dapat dibaca (PanicException: ")


def test_fuzz_xlsx_report(capsys):
    report("xlsx-bytes", capsys)
    report("xlsx-cells", capsys)
    report("xls-ods-bytes", capsys)
    with capsys.disabled():
        kinds = sorted({m.split("kesalahan tak terduga (")[-1].split(":")[0] for m in UNEXPECTED})
        print(f"importer catch-all refusals (no write, unclear message): {len(UNEXPECTED)} {kinds}")


def test_huge_figure_gets_a_clear_refusal(fuzz_ws):
    """The input hypothesis found (importer fixed in ce8ca68): 9.223371865056084e+18 in the Kudus
    workbook overflowed SQLite and ended in the importer's catch-all refusal."""
    name, blob = mutated_workbook(1, 1, ["9.223371865056084e+18"])
    before = db_hash(fuzz_ws)
    rep = importer.import_bytes(fuzz_ws, name, blob, "tester")
    assert db_hash(fuzz_ws) == before
    assert rep.status == "ditolak" and rep.code == "bad_number"
    assert ("sel D49 (IV.1 JOKO WIDODO - MA'RUF AMIN, KALIWUNGU): ditemukan bilangan 9.223.371.865.056.083.968 "
            "(terlalu besar); diharapkan bilangan bulat tidak negatif sampai 999.999.999") in rep.message


# ----------------------------------------------------------------- bundles
@pytest.fixture(scope="module")
def bundle_setup(tmp_path_factory):
    """A real bundle (the 35 certificates) from a sending office, and a receiving workspace."""
    from recap_app.core.bundle import export

    home = tmp_path_factory.mktemp("home")
    old = os.environ.get("RECAP_HOME")
    os.environ["RECAP_HOME"] = str(home)
    from recap_app.core.bundle.keys import load_identity
    from recap_app.core.demo import make_demo

    base = tmp_path_factory.mktemp("bundel")
    sender = make_demo(base / "pengirim.sqlite", actor="pengirim")
    bundle = export.export_bundle(sender, base / "asli.zip", "pengirim").path
    sender.close()
    target = Workspace.create(base / "penerima.sqlite", "pilpres-2019-jateng", actor="penerima")
    yield bundle, target, load_identity(), base
    target.close()
    if old is None:
        os.environ.pop("RECAP_HOME", None)
    else:
        os.environ["RECAP_HOME"] = old


def bundle_one(target: Workspace, test: str, path: Path) -> None:
    from recap_app.core.bundle.importer import import_bundle

    before = db_hash(target)
    with no_hang():
        try:
            res = import_bundle(target, path, "penerima", accept_key=True)
        except RecapError as exc:
            assert exc.message, "empty message"
            assert db_hash(target) == before, f"refused but written: {exc.message}"
            tally(test, f"refused:{exc.code}")
            return
    tally(test, f"accepted:{res.status}")


@FUZZ_BUNDLE
@given(flips=st.lists(st.tuples(st.integers(0, 10**7), st.integers(0, 255)), min_size=1, max_size=6),
       cut=st.one_of(st.none(), st.integers(0, 10**7)))
def test_fuzz_bundle_bytes(bundle_setup, flips, cut):
    bundle, target, _, base = bundle_setup
    blob = bytearray(bundle.read_bytes())
    for pos, val in flips:
        blob[pos % len(blob)] = val
    if cut is not None:
        blob = blob[:cut % (len(blob) + 1)]
    p = base / "rusak.zip"
    p.write_bytes(bytes(blob))
    bundle_one(target, "bundle-bytes", p)


JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-2**63, 2**63), st.floats(allow_nan=False), st.text(max_size=8)),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)),
    max_leaves=6)


def _paths(doc, prefix=()):
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield prefix + (k,)
            yield from _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc[:3]):
            yield prefix + (i,)
            yield from _paths(v, prefix + (i,))


@FUZZ_BUNDLE
@given(data=st.data())
def test_fuzz_bundle_content(bundle_setup, data):
    """Re-signed bundles with changed data/manifest values: reaches schema, data and import checks."""
    import test_bundle_helpers as helpers

    bundle, target, identity, base = bundle_setup
    members = dict(helpers.members(bundle))
    data_doc = json.loads(members["data.json"])
    manifest_doc = json.loads(members["manifest.json"])
    which = data.draw(st.sampled_from(["data", "data", "manifest"]))
    doc = data_doc if which == "data" else manifest_doc
    paths = list(_paths(doc))
    edits = data.draw(st.lists(st.tuples(st.integers(0, len(paths) - 1), JSON_VALUES), min_size=1, max_size=3))

    def apply(d):
        for idx, value in edits:
            node = d
            path = paths[idx]
            try:
                for key in path[:-1]:
                    node = node[key]
                node[path[-1]] = value
            except (KeyError, IndexError, TypeError):
                pass
        if which == "data" and data.draw(st.booleans(), label="fix hashes"):
            helpers.fix_hashes(d)

    p = base / "diubah.zip"
    if which == "data":
        helpers.repack(bundle, p, identity, data_fn=apply)
    else:
        helpers.repack(bundle, p, identity, manifest_fn=apply)
    bundle_one(target, "bundle-content", p)


def test_fuzz_bundle_report(capsys):
    report("bundle-bytes", capsys)
    report("bundle-content", capsys)
