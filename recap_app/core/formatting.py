"""Indonesian number, date, time and percentage formats (CLDR locale "id", as Babel writes them).

Numbers use a dot as thousands separator ("1.234.567"), dates are written "8 Juli 2018",
percentages with a decimal comma and two decimals ("77,29%"), rounded half up as clerks
round by hand. A blank figure (None) is shown as an empty string: blank is not zero.

Times are stored in UTC (:func:`recap_app.core.clock.now_iso`) and shown and printed in the
office's zone, with the zone named: :func:`local_time` gives "8 Mei 2019 17.30 WIB". The zone
is :data:`OFFICE_ZONE` (Asia/Jakarta, WIB) — the one place that names it.
"""

from __future__ import annotations

import datetime as _dt
from functools import lru_cache

LOCALE = "id"

#: the office's time zone (IANA name) and the abbreviation printed after a time
OFFICE_ZONE = "Asia/Jakarta"
ZONE_NAMES = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
_OFFSETS = {"WIB": 7, "WITA": 8, "WIT": 9}


@lru_cache(maxsize=4)
def office_zone(name: str = OFFICE_ZONE) -> _dt.tzinfo:
    """The office's zone as a tzinfo: zoneinfo (system data or the tzdata package), else the fixed
    offset of its abbreviation (Indonesia keeps no daylight saving time, so the offset is exact)."""
    try:
        from zoneinfo import ZoneInfo

        return ZoneInfo(name)
    except Exception:  # noqa: BLE001 - no zone data on the machine: the fixed offset is the same
        abbr = ZONE_NAMES.get(name, "WIB")
        return _dt.timezone(_dt.timedelta(hours=_OFFSETS[abbr]), abbr)


def to_local(value: str | _dt.datetime) -> _dt.datetime:
    """A stored time (ISO 8601 text or datetime; naive means UTC) in the office's zone.

    Raises ValueError for a text that is not an ISO time.
    """
    t = value if isinstance(value, _dt.datetime) else _dt.datetime.fromisoformat(str(value).strip())
    if t.tzinfo is None:
        t = t.replace(tzinfo=_dt.UTC)
    return t.astimezone(office_zone())


def local_time(value: str | _dt.datetime | None, locale: str = LOCALE, seconds: bool = False) -> str:
    """A stored time as the office reads it, with the zone named: "8 Mei 2019 17.30 WIB".

    Args:
        value: ISO 8601 text (UTC as stored, or any offset) or a datetime; None or "" gives "".
        locale: "id" (default) or "en" ("8 May 2019 17.30 WIB").
        seconds: add the seconds ("17.30.05").
    Returns:
        The text; a value that is not a time is returned unchanged (never raises).
    """
    if value is None or value == "":
        return ""
    try:
        t = to_local(value)
    except (ValueError, TypeError):
        return str(value)
    zone = ZONE_NAMES.get(OFFICE_ZONE, "WIB")
    clock = f"{t:%H.%M.%S}" if seconds else f"{t:%H.%M}"
    if locale in MONTHS:
        return f"{_day_month_year(t, locale)} {clock} {zone}"
    from babel.dates import format_datetime

    pattern = "d MMMM y HH.mm.ss" if seconds else "d MMMM y HH.mm"
    return f"{format_datetime(t, pattern, locale=locale)} {zone}"


#: month names (CLDR "MMMM", format context) of the interface's two languages, January first:
#: Babel's ``format_date(day, "MMMM", locale=...)``. Dates and times in these languages are written
#: with them without loading Babel and its locale data (~20 ms of the first date a command prints);
#: tests/core/test_formatting.py checks every month, weekday and many times against Babel's.
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
#: weekday names (CLDR "EEEE"), Monday first (Python's ``date.weekday()``)
WEEKDAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
#: the decimal separator of CLDR "id" (Babel's ``get_decimal_symbol("id")``)
DECIMAL_SYMBOL = ","


def _day_month_year(d: _dt.date, locale: str) -> str:
    """CLDR's "d MMMM y" in one of :data:`MONTHS`' languages: "8 Juli 2018"."""
    return f"{d.day} {MONTHS[locale][d.month - 1]} {d.year}"


#: the thousands separator of CLDR locale "id" (Babel's ``get_group_symbol("id")``), and its
#: grouping of the whole-number pattern "#,##0": groups of three. A figure is written with them
#: without loading Babel (about 25 ms: its modules and its locale data), which every command that
#: prints a figure would pay; tests/core/test_formatting.py checks the result against Babel's
#: ``format_decimal(n, format="#,##0", locale="id")`` at every group boundary, for every number
#: below 1000 and for random figures up to 10**15, negative ones too.
GROUP_SYMBOL = "."


def number(n: int | None, blank: str = "") -> str:
    """A whole number with dot thousands separators: 16825511 -> "16.825.511"; None -> ``blank``.

    The one number format of the program: documents, exports, messages, bundles and the window
    all print figures through it. Babel's "#,##0" for locale "id" (see :data:`GROUP_SYMBOL`).
    """
    if n is None:
        return blank
    if not isinstance(n, int):
        n = round(n)  # a float or Decimal as Babel's "#,##0" writes it: to the nearest whole, half to even ("0", not "-0")
    if -1000 < n < 1000:
        return str(n)  # no group to separate
    return f"{n:,}".replace(",", GROUP_SYMBOL)


def decimal(x: float, places: int = 1) -> str:
    """A measured quantity with a decimal comma and dot thousands separators: 0.6 -> "0,6",
    1234.56 -> "1.234,6" (``places`` decimals, half up). Not for figures of the recap (whole numbers)."""
    from babel.numbers import format_decimal

    return format_decimal(x, format="#,##0." + "0" * places if places else "#,##0", locale=LOCALE)


def figure(n: int | None) -> str:
    """A figure in a message: "1.234.567", or "kosong" for a blank (blank is not zero)."""
    return number(n, "kosong")


def to_date(value: str | _dt.date | _dt.datetime) -> _dt.date:
    """A date from an ISO text ("2019-05-08" or "2019-05-08T10:00:00+00:00") or a date/datetime.

    A time with a zone (as the store keeps them, in UTC) gives its date in the office's zone:
    "2019-05-08T18:00:00+00:00" is 9 May 2019 in Semarang. A naive time or a plain date is taken
    as written. Raises ValueError for a text that is not an ISO date.
    """
    if isinstance(value, _dt.datetime):
        return (value.astimezone(office_zone()) if value.tzinfo else value).date()
    if isinstance(value, _dt.date):
        return value
    text = str(value).strip()
    if "T" in text or " " in text:
        return to_date(_dt.datetime.fromisoformat(text))
    return _dt.date.fromisoformat(text)


def date_long(value: str | _dt.date | _dt.datetime, locale: str = LOCALE) -> str:
    """Indonesian long date: "8 Juli 2018" (``locale`` "en": "8 July 2018"; another locale through Babel)."""
    if locale in MONTHS:
        return _day_month_year(to_date(value), locale)
    from babel.dates import format_date

    return format_date(to_date(value), "d MMMM y", locale=locale)


def weekday(value: str | _dt.date | _dt.datetime) -> str:
    """Indonesian day name: "Rabu" (:data:`WEEKDAYS`)."""
    return WEEKDAYS[LOCALE][to_date(value).weekday()]


def month_name(value: str | _dt.date | _dt.datetime) -> str:
    """Indonesian month name: "Mei" (:data:`MONTHS`)."""
    return MONTHS[LOCALE][to_date(value).month - 1]


def percent(part: int | None, whole: int | None, decimals: int = 2) -> str:
    """Share of ``part`` in ``whole`` as "77,29%" (half-up rounding); "" when either is blank or whole is 0.

    Babel's ``format_percent`` of the share rounded half up, with the pattern "#,##0.00%" (as many
    zeros as ``decimals``) for locale "id", written without loading Babel: dot thousands
    separators, :data:`DECIMAL_SYMBOL`, no space before the sign (tests compare it with Babel's)."""
    if part is None or whole in (None, 0):
        return ""
    from decimal import ROUND_HALF_UP, Decimal  # loaded with the first percentage

    ratio = (Decimal(part) / Decimal(whole)).quantize(Decimal(1).scaleb(-(decimals + 2)), rounding=ROUND_HALF_UP)
    hundredths = int(ratio.scaleb(decimals + 2))  # exact: the share in units of the last decimal shown
    sign = "-" if hundredths < 0 else ""
    whole_part, fraction = divmod(abs(hundredths), 10 ** decimals)
    text = number(whole_part)
    if decimals:
        text += DECIMAL_SYMBOL + str(fraction).rjust(decimals, "0")
    return f"{sign}{text}%"
