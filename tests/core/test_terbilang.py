"""terbilang: every group boundary up to the triliun, the judged figures, an independent reader."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core.terbilang import MAX_TERBILANG, terbilang

EXPECTED = {
    0: "NOL",
    1: "SATU",
    2: "DUA",
    9: "SEMBILAN",
    10: "SEPULUH",
    11: "SEBELAS",
    12: "DUA BELAS",
    19: "SEMBILAN BELAS",
    20: "DUA PULUH",
    21: "DUA PULUH SATU",
    99: "SEMBILAN PULUH SEMBILAN",
    100: "SERATUS",
    101: "SERATUS SATU",
    110: "SERATUS SEPULUH",
    111: "SERATUS SEBELAS",
    119: "SERATUS SEMBILAN BELAS",
    199: "SERATUS SEMBILAN PULUH SEMBILAN",
    200: "DUA RATUS",
    999: "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    1_000: "SERIBU",
    1_001: "SERIBU SATU",
    1_011: "SERIBU SEBELAS",
    1_100: "SERIBU SERATUS",
    1_999: "SERIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    2_000: "DUA RIBU",
    9_999: "SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    10_000: "SEPULUH RIBU",
    10_001: "SEPULUH RIBU SATU",
    11_000: "SEBELAS RIBU",
    12_000: "DUA BELAS RIBU",
    99_999: "SEMBILAN PULUH SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    100_000: "SERATUS RIBU",
    100_001: "SERATUS RIBU SATU",
    101_000: "SERATUS SATU RIBU",
    111_111: "SERATUS SEBELAS RIBU SERATUS SEBELAS",
    999_999: "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    1_000_000: "SATU JUTA",
    1_000_001: "SATU JUTA SATU",
    1_001_000: "SATU JUTA SERIBU",
    1_100_000: "SATU JUTA SERATUS RIBU",
    2_001_001: "DUA JUTA SERIBU SATU",
    9_999_999: "SEMBILAN JUTA SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    10_000_000: "SEPULUH JUTA",
    11_000_000: "SEBELAS JUTA",
    11_011_011: "SEBELAS JUTA SEBELAS RIBU SEBELAS",
    99_999_999: "SEMBILAN PULUH SEMBILAN JUTA SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU "
                "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    100_000_000: "SERATUS JUTA",
    100_000_001: "SERATUS JUTA SATU",
    100_001_000: "SERATUS JUTA SERIBU",
    101_101_101: "SERATUS SATU JUTA SERATUS SATU RIBU SERATUS SATU",
    999_999_999: "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN JUTA SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU "
                 "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    1_000_000_000: "SATU MILIAR",
    1_000_001_000: "SATU MILIAR SERIBU",
    1_001_000_000: "SATU MILIAR SATU JUTA",
    10_000_000_000: "SEPULUH MILIAR",
    100_000_000_000: "SERATUS MILIAR",
    999_999_999_999: "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN MILIAR SEMBILAN RATUS SEMBILAN PULUH SEMBILAN JUTA "
                     "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    1_000_000_000_000: "SATU TRILIUN",
    1_000_000_001_000: "SATU TRILIUN SERIBU",
    11_000_000_000_000: "SEBELAS TRILIUN",
    MAX_TERBILANG: "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN TRILIUN SEMBILAN RATUS SEMBILAN PULUH SEMBILAN MILIAR "
                   "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN JUTA SEMBILAN RATUS SEMBILAN PULUH SEMBILAN RIBU "
                   "SEMBILAN RATUS SEMBILAN PULUH SEMBILAN",
    # figures from the real documents
    10_362_694: "SEPULUH JUTA TIGA RATUS ENAM PULUH DUA RIBU ENAM RATUS SEMBILAN PULUH EMPAT",
    16_825_511: "ENAM BELAS JUTA DELAPAN RATUS DUA PULUH LIMA RIBU LIMA RATUS SEBELAS",
    4_944_447: "EMPAT JUTA SEMBILAN RATUS EMPAT PULUH EMPAT RIBU EMPAT RATUS EMPAT PULUH TUJUH",
    21_769_958: "DUA PULUH SATU JUTA TUJUH RATUS ENAM PULUH SEMBILAN RIBU SEMBILAN RATUS LIMA PULUH DELAPAN",
}


@pytest.mark.parametrize("n, words", sorted(EXPECTED.items()))
def test_known_values(n, words):
    assert terbilang(n) == words


def _boundaries():
    """Every group boundary: 10^k - 1, 10^k, 10^k + 1 and 2*10^k, 11*10^k for k = 0..14."""
    out = set()
    for k in range(15):
        p = 10 ** k
        out |= {p - 1, p, p + 1, 2 * p, 11 * p, 12 * p, 19 * p, 20 * p}
    return sorted(n for n in out if 0 <= n <= MAX_TERBILANG)


# ---------------------------------------------------------------- an independent reader
_DIGIT = {"SATU": 1, "DUA": 2, "TIGA": 3, "EMPAT": 4, "LIMA": 5, "ENAM": 6, "TUJUH": 7, "DELAPAN": 8,
          "SEMBILAN": 9}
_SCALE = {"RIBU": 10 ** 3, "JUTA": 10 ** 6, "MILIAR": 10 ** 9, "TRILIUN": 10 ** 12}


def read_words(text: str) -> int:
    """Read Indonesian number words back (written separately from the code under test)."""
    if text == "NOL":
        return 0
    total, group, last_scale = 0, 0, 10 ** 15
    tokens = text.split(" ")
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if t in _DIGIT and nxt in ("RATUS", "PULUH", "BELAS"):
            mult = {"RATUS": 100, "PULUH": 10, "BELAS": None}[nxt]
            group += _DIGIT[t] * mult if mult else 10 + _DIGIT[t]
            i += 2
            continue
        if t in _DIGIT:
            group += _DIGIT[t]
        elif t == "SEPULUH":
            group += 10
        elif t == "SEBELAS":
            group += 11
        elif t == "SERATUS":
            group += 100
        elif t == "SERIBU":
            assert group == 0, text
            group = 1
            t = "RIBU"
        if t in _SCALE:
            assert 0 < group < 1000 and _SCALE[t] < last_scale, text
            total += group * _SCALE[t]
            last_scale, group = _SCALE[t], 0
        elif t not in _DIGIT and t not in ("SEPULUH", "SEBELAS", "SERATUS"):
            raise AssertionError(f"unexpected word {t!r} in {text!r}")
        i += 1
    return total + group


@pytest.mark.parametrize("n", _boundaries())
def test_every_group_boundary_reads_back(n):
    assert read_words(terbilang(n)) == n


def _well_formed(words: str) -> None:
    padded = f" {words} "
    for wrong in (" SATU RATUS ", " SATU PULUH ", " SATU BELAS ", " NOL ", "  "):
        if wrong == " NOL " and words == "NOL":
            continue
        assert wrong not in padded, words
    # "SATU RIBU" only inside a larger thousands group (101.000 = SERATUS SATU RIBU)
    tokens = words.split()
    for i, t in enumerate(tokens):
        if t == "RIBU" and tokens[i - 1] == "SATU":
            assert i >= 2 and tokens[i - 2] not in _SCALE and tokens[i - 2] != "SERIBU", words
    assert words == words.upper()


@settings(max_examples=3000, deadline=None)
@given(st.integers(min_value=0, max_value=MAX_TERBILANG))
def test_property_reads_back_and_is_well_formed(n):
    words = terbilang(n)
    assert read_words(words) == n
    _well_formed(words)


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999))
def test_property_votes_range_distinct(n):
    """Different numbers never give the same words (checked against the neighbour)."""
    assert terbilang(n) != terbilang(n + 1)


def test_reader_is_not_trivially_agreeing():
    assert read_words("SERATUS SATU RIBU") == 101_000
    assert read_words("SATU JUTA SERIBU") == 1_001_000


@pytest.mark.parametrize("bad, exc", [(-1, ValueError), (MAX_TERBILANG + 1, ValueError), (1.0, TypeError),
                                      ("12", TypeError), (True, TypeError)])
def test_refuses_what_it_cannot_write(bad, exc):
    with pytest.raises(exc):
        terbilang(bad)
