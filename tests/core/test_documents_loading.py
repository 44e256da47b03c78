"""reportlab loaded with its wide URI pattern compiled on first use (core/documents/loading.py)."""

from __future__ import annotations

import re
import subprocess
import sys

from recap_app.core.documents import loading

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
            "print(type(paragraph.uri_pat).__name__, re.compile is recap_app.core.documents.loading._REAL_COMPILE)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["DeferredPattern", "True"]
