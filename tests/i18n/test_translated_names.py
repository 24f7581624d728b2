"""Names kept in one language show through in the others (MODELTRANSLATION_FALLBACK_LANGUAGES)."""

import pytest
from django.utils import translation
from django_tenants.utils import schema_context

from core.office.models import AcademicUnit
from tenants.models import University

MANAS_KY = "Кыргыз-Түрк «Манас» университети"


@pytest.mark.parametrize("language", ["ru", "en", "tr", "ky"])
def test_a_university_named_only_in_kyrgyz_shows_that_name_in_every_language(db, language):
    University.objects.create(schema_name="manas", slug="manas", name_ky=MANAS_KY, country="KG",
                              default_language="ky", languages=["ky", "ru"])

    university = University.objects.get(slug="manas")
    with translation.override(language):
        assert university.name == MANAS_KY
        assert str(university) == MANAS_KY


def test_a_name_in_the_readers_language_wins_over_the_fallback(db):
    University.objects.create(schema_name="manas", slug="manas", name_ky=MANAS_KY, country="KG",
                              name_ru="Кыргызско-Турецкий университет «Манас»",
                              default_language="ky", languages=["ky", "ru"])

    university = University.objects.get(slug="manas")
    with translation.override("ru"):
        assert university.name == "Кыргызско-Турецкий университет «Манас»"
    with translation.override("ky"):
        assert university.name == MANAS_KY


def test_an_academic_unit_named_only_in_kyrgyz_shows_that_name_in_russian_and_english(university_b):
    with schema_context(university_b.schema_name):
        AcademicUnit.objects.create(name_ky="Эл аралык байланыштар бөлүмү")
        unit = AcademicUnit.objects.get()

    for language in ("ru", "en"):
        with translation.override(language):
            assert unit.name == "Эл аралык байланыштар бөлүмү"
