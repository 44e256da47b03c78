"""reportlab loaded with its wide URI pattern compiled on first use (core/loading.py)."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from recap_app.core import loading

URIS = ["https://example.com/a/b", "http://192.168.0.1:8080/x?y=1", "ftp://user:pw@host.id/berkas",
        "HTTPS://KPU.GO.ID/", "https://bücher.de/ü", "mailto:x@y", "not a uri", "https://-bad-.com/",
        "https://[::1]/a", "localhost:80/x", ""]


def test_reportlab_gets_a_deferred_pattern_that_matches_as_the_compiled_one():
    import recap_app.core.documents  # noqa: F401 (loads reportlab through the shim)

    paragraph = sys.modules["reportlab.platypus.paragraph"]

    assert re.compile is loading._REAL_COMPILE  # restored after the import
    pat = paragraph.uri_pat
    real = re.compile(pat.pattern, pat.flags)
    for uri in URIS:
        got, want = pat.match(uri), real.match(uri)
        assert (got and got.groups()) == (want and want.groups()), uri
    assert paragraph._uri_split_pairs("https://example.com/a/b") == [
        ("https://example.com/a/", "b"), ("https://example.com/", "a/b"), ("https://", "example.com/a/b")]


def test_only_wide_case_insensitive_text_patterns_are_deferred():
    with loading.deferred_wide_patterns():
        wide = re.compile("[a-z\xa1-\uffff]+", re.I)
        narrow = re.compile("[a-z]+", re.I)
        sensitive = re.compile("[a-z\xa1-\uffff]+")
        raw = re.compile(b"[a-z]+", re.I)
    assert isinstance(wide, loading.DeferredPattern)
    assert isinstance(narrow, re.Pattern) and isinstance(sensitive, re.Pattern) and isinstance(raw, re.Pattern)
    assert wide.fullmatch("ÄbcÉ") is not None and wide.fullmatch("ab c") is None
    assert isinstance(wide.compiled(), re.Pattern) and wide.compiled() is wide.compiled()


def test_re_compile_is_restored_when_the_import_fails():
    try:
        with loading.deferred_wide_patterns():
            raise ImportError("no reportlab")
    except ImportError:
        pass
    assert re.compile is loading._REAL_COMPILE


def test_a_fresh_process_does_not_compile_the_wide_pattern_at_import():
    code = ("import re, recap_app.core.documents\n"
            "from reportlab.platypus import paragraph\n"
            "print(type(paragraph.uri_pat).__name__, re.compile is recap_app.core.loading._REAL_COMPILE)")
    out = _words_printed_by(code)
    assert out == ["DeferredPattern", "True"]


def _render_in_fresh_process(db, cache) -> bytes:
    code = ("import sys\nfrom pathlib import Path\nfrom recap_app.core.documents import fontcache, render\n"
            f"fontcache.CACHE_DIR = Path({str(cache)!r})\n"
            "from recap_app.core.store import Workspace\n"
            f"ws = Workspace.open({str(db)!r}, readonly=True)\n"
            "sys.stdout.buffer.write(render(ws, ['sertifikat', 'rekapitulasi'], now='2019-05-21T10:00:00+07:00').pdf)")
    return subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=120).stdout


def test_the_cache_lives_beside_the_shipped_fonts_not_in_the_data_folder():
    from recap_app.core.documents import fontcache, page

    assert fontcache.CACHE_DIR == page.FONT_DIR / "cache"


def test_the_font_cache_gives_the_same_pdf_and_a_bad_cache_is_ignored(demo_ws, tmp_path):
    demo_ws.close()
    cache = tmp_path / "cache"
    parsed = _render_in_fresh_process(demo_ws.path, cache)  # no cache yet: parsed, then kept
    cached = sorted(cache.glob("DejaVuSansCondensed*.marshal"))
    assert len(cached) == 2 and all(p.stat().st_size > 100_000 for p in cached)
    assert _render_in_fresh_process(demo_ws.path, cache) == parsed  # made from the cache
    for p in cached:
        p.write_bytes(b"\x00not a marshal stream")
    assert _render_in_fresh_process(demo_ws.path, cache) == parsed  # a damaged cache: parsed again
    import marshal

    for p in cached:  # of the right kind but without what a parsed face holds
        p.write_bytes(marshal.dumps({"unitsPerEm": 2048}))
    assert _render_in_fresh_process(demo_ws.path, cache) == parsed
    for p in cached:  # a FIFO where a cache file was: never waited on
        p.unlink()
        os.mkfifo(p)
    assert _render_in_fresh_process(demo_ws.path, cache) == parsed
    assert parsed.startswith(b"%PDF-")


def test_a_cached_face_equals_the_parsed_one(tmp_path, monkeypatch):
    from reportlab.pdfbase import ttfonts

    from recap_app.core.documents import fontcache, page

    monkeypatch.setattr(fontcache, "CACHE_DIR", tmp_path / "cache")
    path = page.FONT_DIR / "DejaVuSansCondensed-Bold.ttf"
    parsed = ttfonts.TTFont("A", str(path))
    fontcache.ttfont("B", path)  # writes the cache
    again = fontcache.ttfont("C", path)
    assert fontcache._same(again.face, parsed.face) and again.face is not parsed.face
    assert again.fontName == "C" and type(again.face.name) is ttfonts.TTFNameBytes
    assert again.stringWidth("Rekapitulasi 16.825.511", 9) == parsed.stringWidth("Rekapitulasi 16.825.511", 9)
    assert ttfonts.TTFontFace.__name__ == "TTFontFace"  # reportlab's own class is back


def test_no_cache_where_the_program_s_folder_cannot_be_written(tmp_path, monkeypatch):
    from recap_app.core.documents import fontcache, page

    blocked = tmp_path / "berkas"
    blocked.write_text("a file where the folder would be")
    monkeypatch.setattr(fontcache, "CACHE_DIR", blocked / "cache")
    font = fontcache.ttfont("D", page.FONT_DIR / "DejaVuSansCondensed.ttf")  # parsed, nothing kept, no error
    assert font.face.numGlyphs > 5000 and blocked.read_text().startswith("a file")


def test_pillow_loads_only_when_reportlab_uses_it():
    code = ("import sys, recap_app.core.documents\n"
            "m = sys.modules['PIL.Image']\n"
            "print(type(m).__name__)\n"
            "from reportlab.lib.utils import _isPILImage\n"
            "print(_isPILImage(object()), type(sys.modules['PIL.Image']).__name__)\n"
            "from PIL import Image\n"
            "print(_isPILImage(Image.new('RGB', (2, 2))))\n")
    out = _words_printed_by(code)
    assert out == ["_LazyModule", "False", "module", "True"]


def test_lazy_module_leaves_loaded_and_unknown_modules_alone():
    before = sys.modules["re"]
    loading.lazy_module("re")
    assert sys.modules["re"] is before
    loading.lazy_module("no_such_module_here")
    assert "no_such_module_here" not in sys.modules


def test_sqlite_utils_gets_its_wide_pattern_deferred_and_it_still_reads_a_virtual_table():
    lines = ["import re", "from recap_app.core import loading", "su = loading.import_sqlite_utils()",
             "pat = su.db._virtual_table_using_re", "db = su.Database(memory=True)",
             "db.execute('CREATE VIRTUAL TABLE \"tëks\" USING fts4(x)')",
             "using = db['tëks'].virtual_table_using",
             "print(type(pat).__name__, re.compile is loading._REAL_COMPILE, using, using == 'FTS4')"]
    assert _words_printed_by("\n".join(lines)) == ["DeferredPattern", "True", "FTS4", "True"]


def test_an_escaped_wide_range_is_deferred_and_matches_as_compiled():
    source = r"[A-Za-z_\u0080-\uffff][A-Za-z_\u0080-\uffff0-9\$]*"
    with loading.deferred_wide_patterns():
        deferred = re.compile(source, re.I)
    assert isinstance(deferred, loading.DeferredPattern)
    real = re.compile(source, re.I)
    for text in ["tabel", "Tëks_2", "ÅNGSTRÖM$", "2x", "ǅ", "", "a b"]:
        assert (deferred.fullmatch(text) is None) == (real.fullmatch(text) is None), text


def _words_printed_by(code: str) -> list[str]:
    """What a fresh interpreter running ``code`` prints, split into words."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()


def test_sqlite_utils_loads_dateutil_s_parser_only_when_it_is_used():
    code = ("import sys\nfrom recap_app.core import loading\nsu = loading.import_sqlite_utils()\n"
            "print(type(sys.modules['dateutil.parser']).__name__)\n"
            "from sqlite_utils import recipes\n"
            "print(recipes.parsedate('2019-04-17'), type(sys.modules['dateutil.parser']).__name__)\n")
    assert _words_printed_by(code) == ["_LazyModule", "2019-04-17", "module"]
