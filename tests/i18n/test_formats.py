"""Dates, times, numbers and file sizes as each language writes them; language names, never bare codes."""

from datetime import date, datetime

import pytest
from django.template import Context, Template
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.formats import date_format, number_format

from i18n.templatetags.languages import language_name

MARCH_12 = date(2026, 3, 12)
AT_10_21 = datetime(2026, 3, 12, 10, 21)


@pytest.mark.parametrize(("language", "short_date", "short_datetime"), [
    ("en", "12 Mar 2026", "12 Mar 2026, 10:21"),
    ("tr", "12.03.2026", "12.03.2026 10:21"),
    ("ky", "12.03.2026", "12.03.2026 10:21"),
    ("ru", "12.03.2026", "12.03.2026 10:21"),
])
def test_dates_are_day_first_with_a_24_hour_clock(language, short_date, short_datetime):
    with translation.override(language):
        assert date_format(MARCH_12, "SHORT_DATE_FORMAT") == short_date
        assert date_format(AT_10_21, "SHORT_DATETIME_FORMAT") == short_datetime
        assert date_format(AT_10_21, "TIME_FORMAT") == "10:21"


def test_english_names_the_month_and_shows_no_am_or_pm():
    with translation.override("en"):
        page = Template("{{ when }} · {{ day }}").render(Context({"when": AT_10_21, "day": MARCH_12}))

    assert page == "12 March 2026, 10:21 · 12 March 2026"


@pytest.mark.parametrize(("language", "decimal"), [("en", "13.3"), ("tr", "13,3"), ("ky", "13,3"), ("ru", "13,3")])
def test_numbers_and_file_sizes_take_the_languages_decimal_separator(language, decimal):
    with translation.override(language):
        assert number_format(13.3, 1) == decimal
        assert filesizeformat(13619).startswith(f"{decimal}\xa0")


def test_a_language_is_named_in_the_readers_language():
    with translation.override("en"):
        assert (language_name("tr"), language_name("ky"), language_name("de")) == ("Turkish", "Kyrgyz", "German")
        assert language_name("xx") == "xx"  # a code Django does not know stays as it is
