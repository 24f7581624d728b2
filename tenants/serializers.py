"""How a university is described to API clients: its own host's profile and the platform's view."""

from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from i18n.countries import country_name
from kopru.translated import translations


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


class UniversityProfileOutput(serializers.Serializer):
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
    website = serializers.CharField(help_text="An http(s) address, or empty when none is known.")

    @extend_schema_field(NamesOutput)
    def get_names(self, university) -> dict:
        return _names(university)

    @extend_schema_field(CountryOutput)
    def get_country(self, university) -> dict:
        return _country(university)


def _names(university) -> dict:
    return {code: name or None for code, name in translations(university, "name").items()}


def _country(university) -> dict:
    return {"code": university.country, "name": country_name(university.country, translation.get_language())}


def university_profile(university) -> dict:
    """UniversityProfileOutput's answer as a plain dict, for GET /api/university/: the lightest and most asked
    endpoint, where setting up a serializer (DRF copies its fields each time) cost more than the answer."""
    return {
        "name": university.name, "names": _names(university), "short_name": university.short_name,
        "slug": university.slug, "country": _country(university), "city": university.city,
        "default_language": university.default_language, "languages": list(university.languages),
        "erasmus_code": university.erasmus_code, "website": university.website,
    }
