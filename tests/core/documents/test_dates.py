"""Dates in words, as each country's official documents write them under an approval."""

from datetime import date

import pytest

from core.documents.context import format_date, format_date_in_words


@pytest.mark.parametrize(("language", "day", "expected"), [
    ("ky", date(2026, 3, 2), "2026-жылдын 2-марты"),
    ("ky", date(2026, 6, 30), "2026-жылдын 30-июну"),
    ("ru", date(2026, 3, 2), "2 марта 2026 г."),
    ("tr", date(2026, 8, 15), "15 Ağustos 2026"),
    ("en", date(2026, 12, 1), "1 December 2026"),
])
def test_a_date_in_words(language, day, expected):
    assert format_date_in_words(day, language) == expected


def test_no_date_is_no_words_and_tables_keep_digits():
    assert format_date_in_words(None, "ky") == ""
    assert format_date(date(2026, 11, 23)) == "23.11.2026"
