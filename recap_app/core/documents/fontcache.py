"""The shipped fonts' parsed tables, kept between processes.

reportlab reads a TrueType font's tables (character map, widths, glyph positions) in Python
whenever a process registers it: about 15 ms for each DejaVu face, a tenth of ``recap print``'s
work. :func:`ttfont` keeps what the parser made in a cache file beside the fonts themselves, in
the program's own resources (:data:`CACHE_DIR`, one file per font, reportlab version and font
content), and gives reportlab a face made from it; the font file's own bytes are read every time
(they are what a PDF embeds).

The cache decides which glyph prints for each character, so it lives where the program's code
lives, never in the user's data folder: whoever can change it can change the program. Where the
program's folder cannot be written (an installed, read-only program) there is no cache and the
fonts are parsed as before. A cache file is written only after a round trip through it gave back
exactly what reportlab's parser made, value and type of every attribute (:func:`_same`); one
that is missing, not a regular file, larger than :data:`MAX_BYTES`, unreadable, from another
reportlab or font, or not of the expected shape is ignored and the font parsed as before. The same
PDF comes out with it or without it (tests/core/test_documents_loading.py).
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import threading
from pathlib import Path

from ..election import RESOURCES

#: the cache file format; a new one is a new file name
FORMAT = 1

#: reportlab's class for a font's name strings (bytes that remember their text): kept as its bytes
_NAME_BYTES = "TTFNameBytes"

#: where the cache files are kept: beside the shipped fonts (resources/fonts/cache)
CACHE_DIR = RESOURCES / "fonts" / "cache"

#: the largest cache file read (a DejaVu face's is ~340 KB)
MAX_BYTES = 8 * 1024 * 1024

#: attributes a face made by reportlab's parser always has, with their types (a cache without
#: them, or with other types, is not used)
_REQUIRED = {"name": bytes, "charToGlyph": dict, "glyphToChar": dict, "charWidths": dict, "hmetrics": list,
             "glyphPos": list, "unitsPerEm": int, "ascent": (int, float), "descent": (int, float),
             "table": dict, "numGlyphs": int}

_lock = threading.Lock()


def ttfont(name: str, path: Path):
    """``reportlab.pdfbase.ttfonts.TTFont(name, path)``, its face made from the cache when it holds one.

    Raises what TTFont raises for a font it cannot read (the shipped fonts are always readable)."""
    from reportlab.pdfbase import ttfonts

    data = path.read_bytes()
    cache = _cache_file(path, data)
    face = _load(cache, data, path) if cache is not None else None
    if face is None:
        font = ttfonts.TTFont(name, str(path))
        if cache is not None:
            with contextlib.suppress(Exception):
                _store(cache, font.face, data, path)
        return font
    with _lock:  # reportlab's own TTFont.__init__, given this face instead of parsing the file again
        real = ttfonts.TTFontFace
        ttfonts.TTFontFace = lambda *_a, **_k: face
        try:
            return ttfonts.TTFont(name, str(path))
        finally:
            ttfonts.TTFontFace = real


def _cache_file(path: Path, data: bytes) -> Path | None:
    try:
        import reportlab

        digest = hashlib.sha256(data).hexdigest()[:24]
        return CACHE_DIR / f"{path.stem}-{digest}-rl{reportlab.Version}-{FORMAT}.marshal"
    except Exception:  # noqa: BLE001 - no cache
        return None


def _plain(face) -> dict:
    """The parsed attributes as plain values (marshal's types); the file bytes and the scale
    function are left out (made again on loading)."""
    out = {}
    for key, value in face.__dict__.items():
        if key in ("_ttf_data", "_pdfScale"):
            continue
        if type(value).__name__ == _NAME_BYTES:
            value = (_NAME_BYTES, bytes(value))
        out[key] = value
    return out


def _face(plain: dict, data: bytes, path: Path):
    """A TTFontFace from :func:`_plain`'s dict, the font's bytes and its path."""
    from reportlab.pdfbase import ttfonts

    attrs = {}
    for key, value in plain.items():
        name = _name_bytes(value)
        attrs[key] = value if name is None else ttfonts.TTFNameBytes(name)
    face = ttfonts.TTFontFace.__new__(ttfonts.TTFontFace)
    face.__dict__.update(attrs)
    face._ttf_data = data
    face.filename = str(path)
    per_em = attrs["unitsPerEm"]
    if per_em == 1000:  # the scale reportlab's parser sets (TTFontFile.extractInfo)
        face._pdfScale = lambda x: x
    else:
        mult = 1000 / per_em
        face._pdfScale = lambda x: x * mult
    return face


def _same(a, b) -> bool:
    """Every attribute of two faces equal in value and type (the scale function on sample values).

    Inside an attribute, equal values are also of equal types: marshal writes only values of
    exactly its own types (it refuses an int subclass, an enum), so what comes back is what went in."""
    if set(a.__dict__) != set(b.__dict__):
        return False
    for key, x in a.__dict__.items():
        y = b.__dict__[key]
        if key == "_pdfScale":
            if any(x(v) != y(v) for v in (0, 1, 7, 1000, 2048, 12345)):
                return False
        elif type(x) is not type(y) or x != y:
            return False
    return True


def _load(cache: Path, data: bytes, path: Path):
    from ..files import read_regular

    try:
        plain = marshal.loads(read_regular(cache, MAX_BYTES))  # never a FIFO, a device or a huge file
        if not isinstance(plain, dict) or any(
                not isinstance(_decoded(plain.get(key)), kind) for key, kind in _REQUIRED.items()):
            return None
        return _face(plain, data, path)
    except Exception:  # noqa: BLE001 - no cache, or not one of ours: the font is parsed
        return None


def _name_bytes(value) -> bytes | None:
    """The bytes of a name string as :func:`_plain` keeps it, or None for any other value."""
    if type(value) is tuple and len(value) == 2 and value[0] == _NAME_BYTES and type(value[1]) is bytes:
        return value[1]
    return None


def _decoded(value):
    name = _name_bytes(value)
    return value if name is None else name


def _store(cache: Path, parsed, data: bytes, path: Path) -> None:
    blob = marshal.dumps(_plain(parsed))
    if not _same(_face(marshal.loads(blob), data, path), parsed):
        return  # this reportlab's face does not survive the trip: no cache for it
    cache.parent.mkdir(parents=True, exist_ok=True)
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}")
    try:
        tmp.write_bytes(blob)
        os.replace(tmp, cache)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
