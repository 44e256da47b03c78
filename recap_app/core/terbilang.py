"""Numbers written in Indonesian words, in capitals, as on the certificates ("ditulis dengan huruf").

Source of the rules: Indonesian numerals as used on KPU forms (docs/domain.md §2, e.g.
10.362.694 = SEPULUH JUTA TIGA RATUS ENAM PULUH DUA RIBU ENAM RATUS SEMBILAN PULUH EMPAT):
SEPULUH (10), SEBELAS (11), DUA BELAS..SEMBILAN BELAS, SERATUS (100), SERIBU (1.000, only
when the whole thousands group is one: 101.000 = SERATUS SATU RIBU), SATU JUTA, SATU MILIAR,
SATU TRILIUN, NOL for 0. Written by hand on purpose: num2words' Indonesian output has a known
fault with "seribu" inside larger numbers.
"""

from __future__ import annotations

_ONES = ("", "SATU", "DUA", "TIGA", "EMPAT", "LIMA", "ENAM", "TUJUH", "DELAPAN", "SEMBILAN")

#: scale words for groups of three digits, lowest first (after the units group)
_SCALES = ("", "RIBU", "JUTA", "MILIAR", "TRILIUN")

#: largest number that can be written (999 triliun ...)
MAX_TERBILANG = 10 ** (3 * len(_SCALES)) - 1


def _below_thousand(n: int) -> list[str]:
    """Words for 1..999 (empty list for 0)."""
    words: list[str] = []
    hundreds, rest = divmod(n, 100)
    if hundreds == 1:
        words.append("SERATUS")
    elif hundreds > 1:
        words += [_ONES[hundreds], "RATUS"]
    if rest == 0:
        return words
    if rest < 10:
        words.append(_ONES[rest])
    elif rest == 10:
        words.append("SEPULUH")
    elif rest == 11:
        words.append("SEBELAS")
    elif rest < 20:
        words += [_ONES[rest - 10], "BELAS"]
    else:
        tens, ones = divmod(rest, 10)
        words += [_ONES[tens], "PULUH"]
        if ones:
            words.append(_ONES[ones])
    return words


def terbilang(n: int) -> str:
    """Write a whole number in Indonesian words, in capitals.

    Args:
        n: a whole number from 0 to MAX_TERBILANG (999.999.999.999.999); vote counts and
            voter numbers are never negative.
    Returns:
        The words separated by single spaces, e.g. ``terbilang(1_001_000)`` ->
        "SATU JUTA SERIBU", ``terbilang(0)`` -> "NOL".
    Raises:
        TypeError: ``n`` is not an int (bool is refused too).
        ValueError: ``n`` is negative or larger than MAX_TERBILANG.
    """
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"terbilang needs an int, got {type(n).__name__}")
    if n < 0 or n > MAX_TERBILANG:
        raise ValueError(f"terbilang covers 0..{MAX_TERBILANG}, got {n}")
    if n == 0:
        return "NOL"
    groups: list[int] = []
    while n:
        n, g = divmod(n, 1000)
        groups.append(g)
    words: list[str] = []
    for scale in range(len(groups) - 1, -1, -1):
        g = groups[scale]
        if g == 0:
            continue
        if scale == 1 and g == 1:
            words.append("SERIBU")
            continue
        words += _below_thousand(g)
        if scale:
            words.append(_SCALES[scale])
    return " ".join(words)
