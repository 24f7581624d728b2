"""Country names in the four languages, from pycountry's ISO 3166 catalogues.

django-countries has no Kyrgyz names; pycountry's catalogues have ky, tr and ru.
"""

import gettext
from functools import lru_cache

import pycountry

from i18n.text import sort_by_language

# ISO 3166 names pycountry's Kyrgyz catalogue lacks since these countries were renamed.
KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY = {"TR": "Түркия", "MK": "Түндүк Македония", "SZ": "Эсватини"}


@lru_cache(maxsize=8)
def _iso3166_catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str, language: str) -> str:
    """The country's ISO 3166 name in a language; the code itself if it is no country."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language == "ky" and code in KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY:
        return KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY[code]
    return _iso3166_catalogue(language).gettext(country.name)


@lru_cache(maxsize=8)
def country_choices(language: str) -> tuple[tuple[str, str], ...]:
    """(code, name) for every country, sorted as the language sorts its names."""
    named = [(country.alpha_2, country_name(country.alpha_2, language)) for country in pycountry.countries]
    return tuple(sort_by_language(named, key=lambda choice: choice[1], language=language))
