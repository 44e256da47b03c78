"""Region name matching: codes first, names by exact spelling, near spellings only when confirmed.

docs/domain.md §4: region names are spelled differently between sources ("KARANG LEWAS" and
"KARANGLEWAS"); match by code, and by name only with a clerk's confirmation. A name equal to
the region set's spelling after ignoring case, punctuation and repeated spaces (or to an alias a
clerk accepted before) is exact; a spelling without spaces, with o for a ("PURWONEGORO" and
"PURWANEGARA"), one name inside the other ("KOTA KUDUS" and "KUDUS"), or anything within
:data:`NEAR_RATIO` is a *near* match that stops the import unless the clerk accepts it.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import NamedTuple

from ..election import Region

#: similarity (difflib ratio on normalised names) from which a spelling is offered as a suggestion
NEAR_RATIO = 0.8

_PREFIX = re.compile(r"^(?:\d{1,3}\s+)?(?:KECAMATAN|KEC)?\s*")
_REGENCY_PREFIX = re.compile(r"^(?:KABUPATEN|KAB)\s+")
CODE_RE = re.compile(r"(?<![\d.])(\d{2})[.\s]?(\d{2})(?:[.\s]?(\d{2})(?:\.(\d{4}))?)?(?![\d.])")


def normalize(text: object) -> str:
    """Upper case, punctuation to spaces, spaces collapsed ("Kec. Karang-Lewas" -> "KEC KARANG LEWAS")."""
    return _normalize(str(text or ""))


@lru_cache(maxsize=65536)
def _normalize(text: str) -> str:
    s = text.upper().replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^0-9A-Z]+", " ", s)
    return " ".join(s.split())


def name_key(text: object) -> str:
    """The key a kecamatan name is compared by: normalised, "KECAMATAN"/"KEC." prefix removed."""
    return _PREFIX.sub("", normalize(text))


def compact(text: object) -> str:
    """Name key without any spaces ("KARANG LEWAS" -> "KARANGLEWAS"), used to find near matches."""
    return name_key(text).replace(" ", "")


def regency_key(text: object) -> str:
    """Key of a kabupaten/kota name: "Kabupaten Banyumas", "KAB. BANYUMAS", "BANYUMAS" -> "BANYUMAS";
    "Kota Semarang" -> "KOTA SEMARANG"."""
    return _REGENCY_PREFIX.sub("", normalize(text))


def find_code(text: object, province_code: str | None = None) -> str | None:
    """A kecamatan code written in a cell ("33.02.01", "330201", "33.02.01 LUMBIR"), or a desa/kelurahan
    code ("33.73.01.1001", the columns at a kabupaten/kota office: docs/tiers.md), dotted, or None."""
    s = str(text or "").strip()
    m = CODE_RE.search(s)
    if not m or m.group(3) is None:
        return None
    return f"{m.group(1)}.{m.group(2)}.{m.group(3)}" + (f".{m.group(4)}" if m.group(4) else "")


def _likeness(a: str, b: str) -> float:
    """Similarity of two compact names, 0..1: 1 for the same letters, for Javanese o/a spellings
    ("PURWONEGORO"/"PURWANEGARA") and for one name inside the other ("KOTA KUDUS"/"KUDUS");
    else difflib's ratio."""
    if a == b or a.replace("O", "A") == b.replace("O", "A"):
        return 1.0
    if min(len(a), len(b)) >= 4 and (a in b or b in a):
        return 0.95
    return difflib.SequenceMatcher(None, a, b).ratio()


class Match(NamedTuple):
    """The outcome of matching one header text.

    kind: "code", "exact", "alias", "near" (needs confirmation) or "none";
    region: the matched region (best suggestion for "near"); suggestions: other near regions.
    """

    kind: str
    region: Region | None = None
    suggestions: tuple[Region, ...] = ()


class Matcher:
    """Matches header texts against one set of regions plus accepted aliases.

    Args:
        regions: candidate regions (the kecamatan of one kabupaten/kota, or of the province).
        aliases: {normalised alias: region code} accepted before (Workspace.aliases()).
    """

    def __init__(self, regions: list[Region], aliases: dict[str, str] | None = None):
        self.regions = list(regions)
        self.by_code = {r.kode: r for r in self.regions}
        self.by_key: dict[str, list[Region]] = {}
        for r in self.regions:
            self.by_key.setdefault(name_key(r.nama), []).append(r)
        self.aliases = {a: self.by_code[k] for a, k in (aliases or {}).items() if k in self.by_code}
        self._quick: dict[str, Region | None] = {}
        self.by_compact: dict[str, list[Region]] = {}
        for r in self.regions:
            self.by_compact.setdefault(compact(r.nama), []).append(r)

    def quick(self, text: object) -> Region | None:
        """Cheap test used to locate header rows: a code, an exact name, an alias or a spacing variant."""
        if isinstance(text, str):
            if text not in self._quick:
                self._quick[text] = self._quick_uncached(text)
            return self._quick[text]
        return self._quick_uncached(text)

    def _quick_uncached(self, text: object) -> Region | None:
        code = find_code(text)
        if code and code in self.by_code:
            return self.by_code[code]
        key = name_key(text)
        if not key:
            return None
        hit = self.by_key.get(key) or ([self.aliases[key]] if key in self.aliases else None)
        hit = hit or self.by_compact.get(key.replace(" ", ""))
        return hit[0] if hit else None

    def sure(self, text: object) -> Region | None:
        """The region a text names for certain (a code, the exact name, an accepted alias: the kinds
        "code", "exact" and "alias" of :meth:`match`), or None; near spellings are not looked for."""
        code = find_code(text)
        if code:
            return self.by_code.get(code)
        key = name_key(text)
        if not key:
            return None
        hit = self.by_key.get(key)
        return hit[0] if hit else self.aliases.get(key)

    def match(self, text: object) -> Match:
        """Match a header text: by code, then exact name, then accepted alias, then near spelling."""
        code = find_code(text)
        if code:
            r = self.by_code.get(code)
            return Match("code", r) if r else Match("none")
        key = name_key(text)
        if not key:
            return Match("none")
        if key in self.by_key:
            return Match("exact", self.by_key[key][0])
        if key in self.aliases:
            return Match("alias", self.aliases[key])
        scored = sorted(((_likeness(compact(text), compact(r.nama)), i, r)
                         for i, r in enumerate(self.regions)), key=lambda t: (-t[0], t[1]))
        near = [r for score, _, r in scored if score >= NEAR_RATIO]
        if near:
            return Match("near", near[0], tuple(near[1:3]))
        return Match("none", None, tuple(r for _, _, r in scored[:3]))
