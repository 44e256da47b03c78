"""Indonesian number, date and percentage formats for documents and exports (Babel, locale "id").

Numbers use a dot as thousands separator ("1.234.567"), dates are written "8 Juli 2018",
percentages with a decimal comma and two decimals ("77,29%"), rounded half up as clerks
round by hand. A blank figure (None) is shown as an empty string: blank is not zero.
"""

from __future__ import annotations

import datetime as _dt
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

LOCALE = "id"


@lru_cache(maxsize=65536)
def _grouped(n: int) -> str:
    from babel.numbers import format_decimal  # Babel loads when a figure is first written

    return format_decimal(n, format="#,##0", locale=LOCALE)


def number(n: int | None, blank: str = "") -> str:
    """A whole number with dot thousands separators: 16825511 -> "16.825.511"; None -> ``blank``.

    The one number format of the program: documents, exports, messages, bundles and the window
    all print figures through it.
    """
    if n is None:
        return blank
    return _grouped(n)


def figure(n: int | None) -> str:
    """A figure in a message: "1.234.567", or "kosong" for a blank (blank is not zero)."""
    return number(n, "kosong")


def to_date(value: str | _dt.date | _dt.datetime) -> _dt.date:
    """A date from an ISO text ("2019-05-08" or "2019-05-08T10:00:00+00:00") or a date/datetime.

    Raises ValueError for a text that is not an ISO date.
    """
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    if "T" in text or " " in text:
        return _dt.datetime.fromisoformat(text).date()
    return _dt.date.fromisoformat(text)


def date_long(value: str | _dt.date | _dt.datetime) -> str:
    """Indonesian long date: "8 Juli 2018"."""
    from babel.dates import format_date

    return format_date(to_date(value), "d MMMM y", locale=LOCALE)


def weekday(value: str | _dt.date | _dt.datetime) -> str:
    """Indonesian day name: "Rabu"."""
    from babel.dates import format_date

    return format_date(to_date(value), "EEEE", locale=LOCALE)


def month_name(value: str | _dt.date | _dt.datetime) -> str:
    """Indonesian month name: "Mei"."""
    from babel.dates import format_date

    return format_date(to_date(value), "MMMM", locale=LOCALE)


def percent(part: int | None, whole: int | None, decimals: int = 2) -> str:
    """Share of ``part`` in ``whole`` as "77,29%" (half-up rounding); "" when either is blank or whole is 0."""
    if part is None or whole in (None, 0):
        return ""
    ratio = (Decimal(part) / Decimal(whole)).quantize(Decimal(1).scaleb(-(decimals + 2)), rounding=ROUND_HALF_UP)
    pattern = "#,##0." + "0" * decimals + "%" if decimals else "#,##0%"
    from babel.numbers import format_percent

    return format_percent(ratio, format=pattern, locale=LOCALE)
