"""Loading libraries without compiling, at import, patterns this program never or rarely uses.

reportlab's ``platypus.paragraph`` compiles at import a case-insensitive URI pattern whose
character classes span ``\\xa1-\\uffff`` (``uri_pat``, used only to hyphenate URIs, which no
document here asks for); sqlite-utils' ``db`` one for ``CREATE VIRTUAL TABLE`` names spanning
``\\u0080-\\uffff`` (``_virtual_table_using_re``, for full-text tables, which no workspace has).
Python's ``re`` folds the case of every one of those ~65,000 characters when compiling such a
pattern: about 50 ms of every process that prints, a sixth of ``recap print``, and 15 ms of
``recap init``. Under :func:`deferred_wide_patterns` such a pattern is compiled on its first use
instead; every other pattern is compiled at once, as before, and the result of a match is the same
(tests/core/test_documents_loading.py).

reportlab also imports Pillow's ``PIL.Image`` at import (``reportlab.lib.utils``) for bitmaps, which
no document here holds (10-20 ms), and sqlite-utils imports ``dateutil.parser`` (``recipes``, for
its date-parsing conversions, which the program never asks for; ~9 ms of ``recap init``):
:func:`lazy_module` loads such a module the first time anything of it is used (Python's own
``importlib.util.LazyLoader``), so a caller that does use it still gets it whole.
"""

from __future__ import annotations

import contextlib
import importlib.util
import re
import sys
from collections.abc import Iterator

#: the ends of a character range that make a case-insensitive pattern slow to compile: a range up
#: to the last character of the Basic Multilingual Plane, written as the character itself
#: (reportlab: "\xa1-\uffff") or as the escape ``re`` reads (sqlite-utils: r"\u0080-\uffff")
WIDE = ("-\uffff", r"-\uffff")


class DeferredPattern:
    """A compiled pattern made on first use: any attribute (``match``, ``search``, ``pattern``)
    compiles it (``re.compile(pattern, flags)``) and is then the compiled pattern's."""

    __slots__ = ("_source", "_flags", "_compiled")

    def __init__(self, source: str, flags: int) -> None:
        self._source, self._flags, self._compiled = source, flags, None

    def compiled(self) -> re.Pattern:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = _REAL_COMPILE(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str):
        return getattr(self.compiled(), name)


_REAL_COMPILE = re.compile


@contextlib.contextmanager
def deferred_wide_patterns() -> Iterator[None]:
    """Inside: ``re.compile`` of a case-insensitive text pattern holding one of :data:`WIDE` returns a
    :class:`DeferredPattern`; anything else is compiled as usual. ``re.compile`` is itself again
    on leaving, whatever happened inside."""

    def compile_(pattern, flags=0):
        if isinstance(pattern, str) and flags & re.IGNORECASE and any(w in pattern for w in WIDE):
            return DeferredPattern(pattern, flags)
        return _REAL_COMPILE(pattern, flags)

    re.compile = compile_
    try:
        yield
    finally:
        re.compile = _REAL_COMPILE


def lazy_module(name: str) -> None:
    """Make ``import name`` give a module that loads on first attribute use (Python's
    ``importlib.util.LazyLoader``). Nothing happens when it is loaded already or cannot be found
    (the import then fails or succeeds where it is made, as before)."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return
    if spec is None or spec.loader is None:
        return
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:
        setattr(sys.modules[parent], child, module)


def import_sqlite_utils():
    """The ``sqlite_utils`` package, imported (the first time) with its wide pattern deferred
    (:func:`deferred_wide_patterns`) and ``dateutil.parser`` loaded on first use (:func:`lazy_module`).
    The store and the schema's migrations import it through this."""
    if "sqlite_utils" not in sys.modules:
        lazy_module("dateutil.parser")
        with deferred_wide_patterns():
            import sqlite_utils  # noqa: F401
            import sqlite_utils.migrations  # noqa: F401
    return sys.modules["sqlite_utils"]
