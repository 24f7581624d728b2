"""GET /api/university/: the public profile of the university whose host this is.

It reads the tenant the middleware resolved (request.tenant), never the public
schema's tables, so the answer costs no query beyond authentication.
"""

import gettext
from functools import lru_cache

import pycountry
from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

# ISO 3166 names pycountry's Kyrgyz catalogue lacks since these countries were renamed.
KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY = {"TR": "Түркия", "MK": "Түндүк Македония", "SZ": "Эсватини"}


@lru_cache(maxsize=8)
def _iso3166_catalogue(language: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True)


def country_name(code: str, language: str) -> str:
    """The country's ISO 3166 name in a language, from pycountry's catalogues; the code if unknown."""
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return code
    if language == "ky" and code in KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY:
        return KYRGYZ_NAMES_MISSING_FROM_PYCOUNTRY[code]
    return _iso3166_catalogue(language).gettext(country.name)


class CountryOutput(serializers.Serializer):
    class Meta:
        ref_name = "Country"

    code = serializers.CharField(help_text="ISO 3166-1 alpha-2")
    name = serializers.CharField(help_text="In the language of the response.")


class NamesOutput(serializers.Serializer):
    """The name in each language; null where none is recorded."""

    class Meta:
        ref_name = "UniversityNames"

    tr = serializers.CharField(allow_null=True)
    ky = serializers.CharField(allow_null=True)
    ru = serializers.CharField(allow_null=True)
    en = serializers.CharField(allow_null=True)


class UniversityProfileApi(APIView):
    """The current university's profile; any signed-in member may read it."""

    class OutputSerializer(serializers.Serializer):
        class Meta:
            ref_name = "UniversityProfile"

        name = serializers.CharField(help_text="In the language of the response.")
        names = serializers.SerializerMethodField()
        short_name = serializers.CharField()
        slug = serializers.SlugField()
        country = serializers.SerializerMethodField()
        city = serializers.CharField()
        default_language = serializers.CharField()
        languages = serializers.ListField(child=serializers.CharField())
        erasmus_code = serializers.CharField()
        website = serializers.URLField()

        @extend_schema_field(NamesOutput)
        def get_names(self, university) -> dict:
            return {code: getattr(university, f"name_{code}") or None for code in settings.LANGUAGE_CODES}

        @extend_schema_field(CountryOutput)
        def get_country(self, university) -> dict:
            return {"code": university.country, "name": country_name(university.country, translation.get_language())}

    @extend_schema(responses=OutputSerializer)
    def get(self, request):
        return Response(self.OutputSerializer(request.tenant).data)
