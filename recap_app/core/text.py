"""Text typed by people, checked where it enters: reasons, explanations, names, objections.

One rule for every text the program stores, so that what a clerk may type is exactly what a
receiving office accepts in a bundle (docs/bundle-format.md, "Limits"): no control characters
(in free text only a line break and a tab), no invisible direction or joining marks that could
make a listing read differently from what is stored, and Unicode in its composed form (NFC), so
that the same words typed on two keyboards are the same text. Listings print stored text through
:func:`shown`, which makes any remaining control character visible instead of acting on it.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import RecapError, TextError

#: control characters refused in one-line text (C0, DEL, C1)
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: control characters refused in free text (a line break and a tab are allowed)
CONTROL_FREE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: invisible format characters that change how text reads: zero-width, direction marks,
#: embeddings, overrides and isolates (Unicode category Cf, the dangerous ones)
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
#: the same for words a person writes (reasons, explanations): the zero-width non-joiner and joiner
#: (U+200C, U+200D) are part of Persian, Malayalam, Devanagari and emoji spelling and stay allowed
#: there; names (accounts, codes) keep the strict :data:`INVISIBLE`
INVISIBLE_WORDS = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


#: characters that are letters or symbols to Unicode but show nothing (Hangul fillers, the Braille
#: blank, the soft hyphen, joiners and selectors): a text made only of them says nothing
BLANK_LOOKING = frozenset("\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u2800\u3164\uffa0\U0001d159"
                          + "".join(map(chr, range(0xFE00, 0xFE10))))


def _says_something(text: str) -> bool:
    """Whether ``text`` holds a character one sees: a letter, digit, punctuation or symbol that is
    not one of :data:`BLANK_LOOKING` (combining marks and format characters alone show nothing)."""
    return any(ch not in BLANK_LOOKING and unicodedata.category(ch)[0] in "LNPS" for ch in text)


def _check(text: str, what: str, pattern: re.Pattern) -> None:
    m = pattern.search(text) or INVISIBLE_WORDS.search(text)
    if m:
        raise TextError(f"{what} memuat karakter kendali atau tak terlihat U+{ord(m.group()):04X} (posisi "
                        f"{m.start() + 1}); diharapkan teks biasa. Hapus karakter itu lalu simpan lagi.",
                        "control_character")


def clean_text(text: str | None, what: str, *, multiline: bool = True, limit: int = 100_000) -> str:
    """A required text, checked and normalised: NFC, spaces stripped at the ends.

    Args:
        text: what was typed (None counts as empty); what: how the form calls it ("Penjelasan").
        multiline: line breaks and tabs allowed (free text); False for one-line text.
        limit: the most characters accepted.
    Raises:
        TextError: "empty_text" when nothing but spaces (or characters that show nothing, such as
            the Hangul filler U+3164 or the Braille blank U+2800) was given; "control_character" for a
            control or invisible character; "too_long" beyond ``limit``.
    """
    text = unicodedata.normalize("NFC", text or "").strip()
    if not text:
        raise TextError(f"{what} tidak boleh kosong: tuliskan alasannya dengan kalimat.", "empty_text")
    _check(text, what, CONTROL_FREE if multiline else CONTROL)
    if not _says_something(text):  # only fillers that show nothing (U+3164, U+2800...): as good as empty
        raise TextError(f"{what} tidak boleh kosong: yang diketik hanya karakter yang tidak tampak (U+"
                        f"{ord(text[0]):04X}); tuliskan alasannya dengan kalimat.", "empty_text")
    if len(text) > limit:
        raise TextError(f"{what} terlalu panjang: {len(text)} karakter; paling banyak {limit}.", "too_long")
    return text


def plain(text: str, what: str, *, multiline: bool = False) -> str:
    """A text that may be empty, normalised (NFC, stripped) and checked for control characters.

    Raises:
        TextError: "control_character".
    """
    text = unicodedata.normalize("NFC", text or "").strip()
    _check(text, what, CONTROL_FREE if multiline else CONTROL)
    return text


def optional_text(text: str | None, what: str, *, multiline: bool = False, limit: int = 1000) -> str | None:
    """Like :func:`clean_text` for a text that may be left empty: None (or only spaces) gives None."""
    if text is None or not text.strip():
        return None
    return clean_text(text, what, multiline=multiline, limit=limit)


def shown(text: object) -> str:
    """Stored text as a listing may print it: a control character becomes a visible escape
    (``\\n``, ``\\x1b``), so a name holding a line break cannot forge a line of the listing."""
    s = str(text)
    if not CONTROL.search(s) and not INVISIBLE.search(s):
        return s
    out = []
    for ch in s:
        if ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif CONTROL.match(ch) or INVISIBLE.match(ch):
            out.append(f"\\u{ord(ch):04x}" if ord(ch) > 0xff else f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def secret_text(text: str, what: str = "Kata sandi") -> str:
    """A password or passphrase as NFC text, refused when it is not text: an environment variable
    holding bytes of another encoding reaches Python as lone surrogates, which no hash or key
    library takes.

    Raises:
        RecapError: code "bad_secret_text", naming ``what`` (never the secret itself).
    """
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise RecapError(f"{what} memuat bita yang bukan teks UTF-8 (misalnya variabel lingkungan yang ditulis dengan "
                         "penyandian lain); tulis ulang dengan huruf, angka dan tanda biasa.", "bad_secret_text") from None
    return unicodedata.normalize("NFC", text)
