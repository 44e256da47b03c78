"""What every part of the publication shares: the error, the site's fixed names, the marks,
number, percentage and time formats in both languages of the site (Indonesian and English).

Times are stored in UTC (ISO 8601, :mod:`recap_app.core.clock`) and shown on the site in
Western Indonesian Time (WIB, UTC+7), with the zone named: "1 Desember 2026 pukul 14.26 WIB".
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import posixpath
from decimal import ROUND_HALF_UP, Decimal

from babel.dates import format_date
from babel.numbers import format_decimal

from .. import formatting
from ..errors import RecapError

#: the publication formats written here (docs/publication-schema.md)
SITE_FORMAT = "recap-publication"
DATA_FORMAT = "recap-publication-data"
FORMAT_VERSION = 1

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig"
SUMS = "SHA256SUMS"
PUBLIC_KEY_FILE = "kunci-publik.pem"

#: WIB, the zone of Jawa Tengah
WIB = _dt.timezone(_dt.timedelta(hours=7), "WIB")

#: the languages of the site: Indonesian at the root, English under en/
LANGS = ("id", "en")

#: how long a cache may keep a file: content-addressed files for ever, the rest briefly
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_SHORT = "public, max-age=60, must-revalidate"

#: the text of each workspace mark, as every page, data file and the manifest carry it
MARK_TEXT = {
    "CONTOH": ("CONTOH — data contoh, bukan hasil resmi", "CONTOH (EXAMPLE) — demonstration data, not an official result"),
    "SIMULASI": ("SIMULASI — data latihan, bukan hasil resmi", "SIMULASI (SIMULATION) — training data, not an official result"),
}


class PublishError(RecapError):
    """A publication that cannot be made, verified or pushed; the message names the file or
    folder, what was found and what was expected. Nothing was changed where it says so."""


def marks_of(ws) -> tuple[str, ...]:
    """("CONTOH",) for the demonstration workspace, ("SIMULASI",) for a training one, both, or ()."""
    marks = []
    if ws.meta("demo") == "1":
        marks.append("CONTOH")
    if ws.simulation:
        marks.append("SIMULASI")
    return tuple(marks)


def mark_text(marks, lang: str = "id") -> str:
    """The marks as one sentence ("" for an unmarked workspace)."""
    return " · ".join(MARK_TEXT[m][1 if lang == "en" else 0] for m in marks)


def sha256(data: bytes) -> str:
    """SHA-256 of bytes, 64 hex digits."""
    return hashlib.sha256(data).hexdigest()


def addressed(stem: str, ext: str, data: bytes) -> str:
    """A content-addressed file name: ``<stem>.<first 16 hex digits of SHA-256>.<ext>``.

    The name changes exactly when the bytes change, so a cache may keep the file for ever.
    """
    return f"{stem}.{sha256(data)[:16]}.{ext}"


def is_addressed(path: str) -> bool:
    """True for a content-addressed name (``x.<16 hex>.ext``), cached for ever."""
    parts = posixpath.basename(path).split(".")
    return len(parts) >= 3 and len(parts[-2]) == 16 and all(ch in "0123456789abcdef" for ch in parts[-2])


def cache_class(path: str) -> str:
    """"immutable" for content-addressed files, "short" for pages, manifest and the rest."""
    return "immutable" if is_addressed(path) else "short"


def safe_name(code: str) -> str:
    """A region or district code as a file name: letters, digits, dot, dash, underscore."""
    return "".join(ch if ch.isalnum() or ch in ".-_" else "_" for ch in code)


def rel(from_page: str, target: str) -> str:
    """The relative link from one site file to another (both site paths, "/"-separated).

    rel("wilayah/33.01.html", "index.html") == "../index.html"; never an absolute URL, so the
    site works from file:// and under any folder of any host.
    """
    base = posixpath.dirname(from_page) or "."
    return posixpath.relpath(target, base)


def counterpart(path: str, lang: str) -> str:
    """The same page in the other language: "wilayah/x.html" <-> "en/wilayah/x.html"."""
    if lang == "en":
        return path[3:] if path.startswith("en/") else path
    return path if path.startswith("en/") else f"en/{path}"


def in_lang(path: str, lang: str) -> str:
    """A page path of the Indonesian site placed in ``lang`` (English under en/)."""
    return f"en/{path}" if lang == "en" else path


def number(n: int | None, lang: str = "id", blank: str = "–") -> str:
    """A whole number: "16.825.511" (id) or "16,825,511" (en); ``blank`` for a blank figure."""
    if n is None:
        return blank
    if lang == "en":
        return format_decimal(n, format="#,##0", locale="en")
    return formatting.number(n)


def share(part: int | None, whole: int | None) -> Decimal | None:
    """part / whole as a percentage with two decimals, rounded half up; None when not defined."""
    if part is None or not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def percent(part: int | None, whole: int | None, lang: str = "id") -> str:
    """"77,29%" (id) or "77.29%" (en); "" when not defined (blank, or a whole of 0)."""
    s = share(part, whole)
    if s is None:
        return ""
    text = f"{s:.2f}%"
    return text if lang == "en" else text.replace(".", ",")


def parse_time(iso: str) -> _dt.datetime:
    """A stored time (ISO 8601, UTC when no zone is given) as an aware datetime.

    Raises ValueError for text that is not ISO 8601.
    """
    t = _dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=_dt.UTC)


def wib(iso: str | None, lang: str = "id") -> str:
    """A stored UTC time shown in WIB: "1 Desember 2026 pukul 14.26 WIB" / "1 December 2026, 14:26 WIB".

    "–" for None; the text itself when it is not an ISO time.
    """
    if not iso:
        return "–"
    try:
        t = parse_time(iso).astimezone(WIB)
    except ValueError:
        return iso
    if lang == "en":
        return f"{format_date(t.date(), 'd MMMM y', locale='en')}, {t:%H:%M} WIB"
    return f"{format_date(t.date(), 'd MMMM y', locale='id')} pukul {t:%H.%M} WIB"


def wib_iso(iso: str | None) -> str | None:
    """A stored UTC time as ISO 8601 in WIB ("2026-12-01T14:26:53+07:00"), None for None."""
    if not iso:
        return None
    try:
        return parse_time(iso).astimezone(WIB).isoformat()
    except ValueError:
        return iso


def grouped(hexdigits: str) -> str:
    """Hex digits in groups of four, for reading aloud ("b8ab 6d04 7be5 ...")."""
    return " ".join(hexdigits[i:i + 4] for i in range(0, len(hexdigits), 4))
