"""GET /api/university/: the profile of the university whose host answers."""

from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context

from core.accounts.models import User
from i18n.countries import country_name
from tenants.models import University
from tenants.selectors import forget_university_hosts
from tenants.serializers import UniversityProfileOutput, university_profile
from tests.conftest import host_of, make_office_user
from tests.core.accounts.helpers import sign_in_with_password, token_for

URL = "/api/university/"


def update(university: University, **fields) -> None:
    University.objects.filter(pk=university.pk).update(**fields)
    forget_university_hosts(university)


def test_a_member_reads_the_profile_in_the_university_language(client_a, university_a, token_a):
    update(university_a, name_tr="Kastamonu Üniversitesi", name_en="Kastamonu University", name_ru="", name_ky="",
           short_name="KÜ", city="Kastamonu", erasmus_code="TR KASTAMO01", website="https://www.kastamonu.edu.tr")

    response = client_a.get(URL, HTTP_AUTHORIZATION=f"Token {token_a}")

    assert response.status_code == 200
    assert response.json() == {
        "name": "Kastamonu Üniversitesi",
        "names": {"tr": "Kastamonu Üniversitesi", "ky": None, "ru": None, "en": "Kastamonu University"},
        "short_name": "KÜ",
        "slug": "kastamonu",
        "country": {"code": "TR", "name": "Türkiye"},
        "city": "Kastamonu",
        "default_language": "tr",
        "languages": ["tr", "en"],
        "erasmus_code": "TR KASTAMO01",
        "website": "https://www.kastamonu.edu.tr",
    }


def test_the_plain_profile_is_the_serializers(university_a):
    university = University.objects.get(pk=university_a.pk)
    for language in ("tr", "ky", "ru", "en"):
        with translation.override(language):
            assert university_profile(university) == UniversityProfileOutput(university).data


def test_name_and_country_follow_the_reader_language(client_b, university_b):
    update(university_b, name_ky="Ош мамлекеттик университети", name_ru="Ошский государственный университет",
           name_en="Osh State University")
    reader = make_office_user(university_b, username="elena", role="officer", language="ru")
    sign_in_with_password(client_b, "elena")

    body = client_b.get(URL).json()

    assert body["name"] == "Ошский государственный университет"
    assert body["country"] == {"code": "KG", "name": "Киргизия"}
    with schema_context(university_b.schema_name):
        User.objects.filter(pk=reader.pk).update(language="ky")
    body = client_b.get(URL).json()
    assert body["name"] == "Ош мамлекеттик университети"
    assert body["country"] == {"code": "KG", "name": "Кыргызстан"}


def test_a_token_user_gets_their_own_language(client_b, university_b, admin_b):
    with schema_context(university_b.schema_name):
        User.objects.filter(pk=admin_b.pk).update(language="en")
    token = token_for(university_b, admin_b)

    response = Client(HTTP_HOST=host_of(university_b)).get(URL, HTTP_AUTHORIZATION=f"Token {token}")

    assert response.json()["country"] == {"code": "KG", "name": "Kyrgyzstan"}
    assert response["Content-Language"] == "en"


def test_country_names_cover_the_renamed_countries():
    # Kastamonu offers no Kyrgyz; Osh's readers see Türkiye in Kyrgyz all the same (e.g. in partner lists).
    assert country_name("TR", "ky") == "Түркия"
    assert country_name("TR", "ru") == "Турция"
    assert country_name("XX", "tr") == "XX"


def test_visitors_are_asked_to_sign_in(client_a, university_a):
    response = client_a.get(URL)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_the_profile_cannot_be_written_through_the_api(client_a, university_a, token_a):
    response = client_a.put(URL, {"name": "Başka Üniversite", "slug": "baska"}, content_type="application/json",
                            HTTP_AUTHORIZATION=f"Token {token_a}")

    assert response.status_code == 405
    assert response.json()["error"]["code"] == "method_not_allowed"
    university_a.refresh_from_db()
    assert (university_a.slug, university_a.name_tr) != ("baska", "Başka Üniversite")
    assert University.objects.filter(slug="baska").count() == 0
