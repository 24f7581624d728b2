import factory

from core.partners.models import Partner, PartnerUnit
from tests.factories.translated import TranslatedFactory, in_four_languages


class PartnerFactory(TranslatedFactory):
    _translated = {"names": "name", "cities": "city"}

    class Meta:
        model = Partner

    names = factory.Sequence(lambda number: in_four_languages(
        f"Ortak Üniversite {number}", f"Өнөктөш университет {number}", f"Университет-партнёр {number}",
        f"Partner University {number}"))
    cities = factory.LazyFunction(dict)
    country = "DE"


class PartnerUnitFactory(TranslatedFactory):
    _translated = {"names": "name"}

    class Meta:
        model = PartnerUnit

    partner = factory.SubFactory(PartnerFactory)
    names = factory.Sequence(lambda number: in_four_languages(
        f"Fakülte {number}", f"Факультет {number}", f"Факультет {number}", f"School {number}"))
