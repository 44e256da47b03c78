"""Indonesian formats: numbers, dates, percentages."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recap_app.core import formatting as fmt


@pytest.mark.parametrize("n, text", [(0, "0"), (7, "7"), (999, "999"), (1000, "1.000"), (1234567, "1.234.567"),
                                     (16825511, "16.825.511"), (4944447, "4.944.447"), (None, "")])
def test_number(n, text):
    assert fmt.number(n) == text


@pytest.mark.parametrize("value, text", [
    ("2018-07-08", "8 Juli 2018"),
    ("2018-06-27", "27 Juni 2018"),
    (dt.date(2019, 5, 8), "8 Mei 2019"),
    ("2019-04-17T10:30:00+00:00", "17 April 2019"),
    (dt.datetime(2024, 2, 14, 8, 0), "14 Februari 2024"),
    ("2024-12-01", "1 Desember 2024"),
])
def test_date_long(value, text):
    assert fmt.date_long(value) == text


def test_weekday_and_month():
    assert fmt.weekday("2019-05-08") == "Rabu"
    assert fmt.weekday("2018-07-08") == "Minggu"
    assert fmt.month_name("2019-08-17") == "Agustus"


def test_bad_date_raises_value_error():
    with pytest.raises(ValueError):
        fmt.to_date("8 Juli 2018")


@pytest.mark.parametrize("part, whole, text", [
    (16825511, 16825511 + 4944447, "77,29%"),
    (4944447, 16825511 + 4944447, "22,71%"),
    (1, 3, "33,33%"),
    (2, 3, "66,67%"),
    (1, 8, "12,50%"),
    (1, 20000, "0,01%"),     # 0,005% rounds half up
    (3, 20000, "0,02%"),     # 0,015% -> 0,02 (half up, not half even)
    (5, 5, "100,00%"),
    (0, 5, "0,00%"),
    (None, 5, ""),
    (5, None, ""),
    (5, 0, ""),
])
def test_percent(part, whole, text):
    assert fmt.percent(part, whole) == text


def test_percent_big_numbers_keep_separator():
    assert fmt.percent(123456, 1000) == "12.345,60%"


@pytest.mark.parametrize("value, text", [
    ("2019-05-08T10:30:00+00:00", "8 Mei 2019 17.30 WIB"),
    ("2019-05-08T18:05:00+00:00", "9 Mei 2019 01.05 WIB"),  # after 17.00 UTC it is the next day in Semarang
    ("2019-05-08T17:30:00+07:00", "8 Mei 2019 17.30 WIB"),
    (dt.datetime(2019, 5, 8, 10, 30), "8 Mei 2019 17.30 WIB"),  # naive: UTC as stored
    ("", ""),
    (None, ""),
    ("bukan waktu", "bukan waktu"),
])
def test_local_time_is_the_office_zone_named(value, text):
    assert fmt.local_time(value) == text


def test_local_time_in_english_and_with_seconds():
    assert fmt.local_time("2019-05-08T10:30:05+00:00", "en", seconds=True) == "8 May 2019 17.30.05 WIB"


def test_a_stored_time_gives_the_office_date():
    assert fmt.date_long("2019-04-17T18:00:00+00:00") == "18 April 2019"
    assert fmt.date_long("2019-04-17") == "17 April 2019"


def test_figures_dates_and_shares_are_babel_s_cldr_id():
    """Figures, percentages, dates and times are Babel's (CLDR "id"): group boundaries, half-up
    shares, every month and weekday."""
    import datetime as dt

    from babel.dates import format_date, format_datetime
    from babel.numbers import format_decimal, format_percent

    from recap_app.core import formatting as f

    for n in [0, 7, 999, 1000, 99_999, 100_000, 999_999, 1_000_000, 16_825_511, 10**12 + 1, -1, -1000, -1_234_567]:
        assert f.number(n) == format_decimal(n, format="#,##0", locale="id")
    assert f.number(16825511) == "16.825.511"
    from decimal import ROUND_HALF_UP, Decimal

    for part, whole, d in [(1, 8, 2), (1, 3, 0), (2, 3, 0), (5, 1000, 2), (12345, 1, 2), (1, 200, 0), (1, 400, 1),
                           (2119923, 2788906, 2), (0, 5, 2), (7, 7, 3)]:
        ratio = (Decimal(part) / Decimal(whole)).quantize(Decimal(1).scaleb(-(d + 2)), rounding=ROUND_HALF_UP)
        want = format_percent(ratio, format="#,##0." + "0" * d + "%" if d else "#,##0%", locale="id")
        assert f.percent(part, whole, d) == want
    assert f.percent(2119923, 2788906) == "76,01%"
    for month in range(1, 13):
        day = dt.date(2019, month, 8)
        assert f.date_long(day) == format_date(day, "d MMMM y", locale="id")
        assert f.month_name(day) == format_date(day, "MMMM", locale="id")
    for offset in range(7):
        day = dt.date(2019, 4, 15) + dt.timedelta(days=offset)
        assert f.weekday(day) == format_date(day, "EEEE", locale="id")
    t = "2019-05-08T10:30:05+00:00"
    local = f.to_local(t)
    assert f.local_time(t) == format_datetime(local, "d MMMM y HH.mm", locale="id") + " WIB" == "8 Mei 2019 17.30 WIB"
    assert f.local_time(t, seconds=True) == format_datetime(local, "d MMMM y HH.mm.ss", locale="id") + " WIB"


def test_a_measured_quantity_has_a_decimal_comma():
    from recap_app.core.formatting import decimal

    assert decimal(0.6) == "0,6"
    assert decimal(1234.56) == "1.234,6"
    assert decimal(2.25, 2) == "2,25"
    assert decimal(7.0, 0) == "7"


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=-10**15, max_value=10**15))
def test_every_whole_number_is_what_babel_s_format_decimal_writes(n):
    from babel.numbers import format_decimal

    assert fmt.number(n) == format_decimal(n, format="#,##0", locale="id")


def test_every_group_boundary_is_babel_s():
    from babel.numbers import format_decimal, get_group_symbol

    assert fmt.GROUP_SYMBOL == get_group_symbol("id")
    for k in range(1, 19):
        for n in (10**k - 1, 10**k, 10**k + 1, 2 * 10**k - 1):
            for m in (n, -n):
                assert fmt.number(m) == format_decimal(m, format="#,##0", locale="id")


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.floats(min_value=-1e12, max_value=1e12), st.decimals(min_value=-10**12, max_value=10**12, places=2)))
def test_a_float_or_decimal_is_written_as_babel_writes_it(x):
    """To the nearest whole, half to even; a negative fraction that rounds to zero is "0" (Babel: "-0")."""
    from babel.numbers import format_decimal

    babel = format_decimal(x, format="#,##0", locale="id")
    assert fmt.number(x) == ("0" if babel == "-0" else babel)


def test_numbers_without_a_group_are_babel_s_without_loading_it():
    from babel.numbers import format_decimal

    assert all(fmt.number(n) == format_decimal(n, format="#,##0", locale="id") == str(n) for n in range(-999, 1000))


@settings(max_examples=400, deadline=None)
@given(st.integers(min_value=-10**12, max_value=10**12), st.integers(min_value=1, max_value=10**12),
       st.integers(min_value=0, max_value=4))
def test_every_share_is_what_babel_s_format_percent_writes(part, whole, decimals):
    """The share as Babel writes the half-up rounded ratio with "#,##0.00%" for "id" (without loading it)."""
    from decimal import ROUND_HALF_UP, Decimal

    from babel.numbers import format_percent

    ratio = (Decimal(part) / Decimal(whole)).quantize(Decimal(1).scaleb(-(decimals + 2)), rounding=ROUND_HALF_UP)
    want = format_percent(ratio, format="#,##0." + "0" * decimals + "%" if decimals else "#,##0%", locale="id")
    got = fmt.percent(part, whole, decimals)
    assert got == (want[1:] if want.startswith("-") and not ratio else want)  # Babel's "-0,00%": a zero share is 0


def test_the_symbols_are_babel_s():
    from babel.numbers import get_decimal_symbol

    assert fmt.DECIMAL_SYMBOL == get_decimal_symbol("id")


@pytest.mark.parametrize("locale", ["id", "en"])
def test_every_month_and_weekday_is_babel_s(locale):
    from babel.dates import format_date

    for month in range(1, 13):
        for day in (1, 9, 28):
            d = dt.date(2024, month, day)
            assert fmt.date_long(d, locale) == format_date(d, "d MMMM y", locale=locale)
            assert fmt.MONTHS[locale][month - 1] == format_date(d, "MMMM", locale=locale)
    for offset in range(7):
        d = dt.date(2019, 4, 15) + dt.timedelta(days=offset)
        assert fmt.WEEKDAYS[locale][d.weekday()] == format_date(d, "EEEE", locale=locale)
    assert fmt.weekday(dt.date(2019, 4, 17)) == "Rabu" and fmt.month_name(dt.date(2019, 4, 17)) == "April"


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=dt.datetime(1000, 1, 2), max_value=dt.datetime(9998, 12, 30)),
       st.sampled_from(["id", "en"]), st.booleans())
def test_every_time_is_what_babel_s_format_datetime_writes(t, locale, seconds):
    from babel.dates import format_datetime

    local = fmt.to_local(t)
    pattern = "d MMMM y HH.mm.ss" if seconds else "d MMMM y HH.mm"
    assert fmt.local_time(t, locale, seconds) == f"{format_datetime(local, pattern, locale=locale)} WIB"
    assert fmt.date_long(t, locale) == format_date_babel(fmt.to_date(t), locale)


def format_date_babel(d, locale):
    from babel.dates import format_date

    return format_date(d, "d MMMM y", locale=locale)


def test_another_locale_still_goes_through_babel():
    assert fmt.date_long("2019-05-08", "de") == "8 Mai 2019"
    assert fmt.local_time("2019-05-08T10:30:00+00:00", "de") == "8 Mai 2019 17.30 WIB"


def test_dates_times_and_shares_do_not_load_babel():
    import subprocess
    import sys

    code = ("import sys\nfrom recap_app.core import formatting as f\n"
            "print(f.percent(1, 3), f.local_time('2019-05-08T10:30:00+00:00'), f.date_long('2019-05-08'),"
            " f.weekday('2019-05-08'), f.month_name('2019-05-08'), f.local_time('2019-05-08T10:30:00Z', 'en'))\n"
            "print(sorted(m for m in sys.modules if m.startswith('babel')))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.splitlines()
    assert out == ["33,33% 8 Mei 2019 17.30 WIB 8 Mei 2019 Rabu Mei 8 May 2019 17.30 WIB", "[]"]
