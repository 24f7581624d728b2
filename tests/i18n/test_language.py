"""Which language a page speaks, and the language switcher."""

import re

from django.conf import settings
from django.test import Client
from django.utils import translation
from django_tenants.utils import schema_context

from core.accounts.models import User
from core.audit.models import AuditEntry
from tests.conftest import ROOT_HOST, host_of, make_office_user
from tests.core.accounts.helpers import sign_in_with_password

COOKIE = settings.LANGUAGE_COOKIE_NAME


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def offered_options(response) -> list[str]:
    select = re.search(r'<select id="language-select".*?</select>', response.content.decode(), re.S).group(0)
    return re.findall(r'<option value="([^"]+)"', select)


def stored_language(university, username: str) -> str:
    with schema_context(university.schema_name):
        return User.objects.get(username=username).language


# --- which language applies --------------------------------------------------


def test_a_visitor_sees_the_university_default_language(client_a, client_b):
    response_a = client_a.get("/accounts/login/")
    response_b = client_b.get("/accounts/login/")

    assert response_a["Content-Language"] == "tr"
    assert response_a.wsgi_request.LANGUAGE_CODE == "tr"
    assert html_lang(response_a) == "tr"
    assert response_b["Content-Language"] == "ky"
    assert html_lang(response_b) == "ky"


def test_on_a_university_host_its_default_beats_the_browser(client_b):
    response = client_b.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.8")

    assert response["Content-Language"] == "ky"


def test_on_the_root_domain_the_browser_language_applies(root_client):
    assert root_client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="ru,en;q=0.8")["Content-Language"] == "ru"
    assert root_client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="tr-TR,tr;q=0.9")["Content-Language"] == "tr"
    # a language Köprü does not speak falls back to the site default
    assert root_client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="de")["Content-Language"] == "en"


def test_responses_vary_on_what_chooses_the_language(client_a):
    response = client_a.get("/accounts/login/")

    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_a_signed_in_users_own_choice_beats_the_university_default(client_b, university_b):
    make_office_user(university_b, username="nurlan", language="ru")
    assert sign_in_with_password(client_b, "nurlan").status_code == 302

    response = client_b.get("/")

    assert response.status_code == 200
    assert response["Content-Language"] == "ru"
    assert html_lang(response) == "ru"


def test_a_signed_in_users_choice_beats_the_cookie(client_b, university_b):
    make_office_user(university_b, username="nurlan", language="en")
    client_b.cookies[COOKIE] = "ru"
    assert sign_in_with_password(client_b, "nurlan").status_code == 302

    assert client_b.get("/")["Content-Language"] == "en"


def test_a_users_choice_the_university_does_not_offer_gives_way_to_the_default(client_a, university_a):
    make_office_user(university_a, username="aibek_guest", language="ky")  # Kastamonu offers tr and en
    assert sign_in_with_password(client_a, "aibek_guest").status_code == 302

    assert client_a.get("/")["Content-Language"] == "tr"


def test_a_cookie_for_a_language_not_offered_is_ignored(client_a):
    client_a.cookies[COOKIE] = "ru"

    assert client_a.get("/accounts/login/")["Content-Language"] == "tr"


# --- the switcher -------------------------------------------------------------


def test_every_page_carries_the_switcher_with_the_universitys_languages(client_a, client_b, root_client, admin_b):
    assert offered_options(client_a.get("/accounts/login/")) == ["tr", "en"]
    assert offered_options(client_b.get("/accounts/login/")) == ["ky", "ru", "en"]
    assert offered_options(root_client.get("/accounts/login/")) == ["tr", "ky", "ru", "en"]
    assert sign_in_with_password(client_b, "aibek").status_code == 302
    assert offered_options(client_b.get("/")) == ["ky", "ru", "en"]


def test_a_visitors_choice_is_kept_in_a_cookie_for_this_host_only(client_b):
    response = client_b.post("/i18n/language/", {"language": "ru", "next": "/accounts/login/?next=/"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/"
    assert response.cookies[COOKIE].value == "ru"
    assert response.cookies[COOKIE]["domain"] == ""  # never shared with another university's host
    assert client_b.get("/accounts/login/")["Content-Language"] == "ru"


def test_a_signed_in_users_choice_is_stored_on_the_user_and_audited(client_b, university_b, admin_b):
    assert sign_in_with_password(client_b, "aibek").status_code == 302

    response = client_b.post("/i18n/language/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert response.cookies[COOKIE].value == "en"
    assert stored_language(university_b, "aibek") == "en"
    with schema_context(university_b.schema_name):
        assert AuditEntry.objects.filter(action="user.language_changed", actor=admin_b).count() == 1
    # a new session (another browser, no cookie) still gets the user's language
    other_browser = Client(HTTP_HOST=host_of(university_b))
    assert sign_in_with_password(other_browser, "aibek").status_code == 302
    assert other_browser.get("/")["Content-Language"] == "en"


def test_a_language_the_university_does_not_offer_is_refused(client_b, university_b, admin_b):
    assert sign_in_with_password(client_b, "aibek").status_code == 302

    response = client_b.post("/i18n/language/", {"language": "tr", "next": "/"})

    assert response.status_code == 400
    with translation.override("ky"):
        assert response.content.decode() == translation.gettext("This language is not offered here.")
    assert response["Content-Language"] == "ky"
    assert COOKIE not in response.cookies
    assert stored_language(university_b, "aibek") == ""


def test_an_unknown_or_missing_language_is_refused(client_a):
    assert client_a.post("/i18n/language/", {"language": "xx"}).status_code == 400
    assert client_a.post("/i18n/language/", {}).status_code == 400


def test_the_switcher_only_accepts_post(client_a):
    assert client_a.get("/i18n/language/", {"language": "en"}).status_code == 405


def test_an_off_site_next_goes_to_the_home_page(client_a, university_b):
    for target in ("https://evil.example/", "//evil.example/x", f"http://{host_of(university_b)}/", "javascript:x"):
        response = client_a.post("/i18n/language/", {"language": "en", "next": target})

        assert response.status_code == 302
        assert response["Location"] == "/", target


def test_a_secure_page_does_not_send_the_user_back_over_plain_http(client_a, university_a):
    target = f"http://{host_of(university_a)}/"

    response = client_a.post("/i18n/language/", {"language": "en", "next": target}, secure=True)

    assert response["Location"] == "/"
    assert response.cookies[COOKIE]["secure"]


def test_a_session_from_another_university_changes_no_user(client_a, university_a, university_b, admin_a):
    assert sign_in_with_password(client_a, "ayse").status_code == 302

    # the same cookie jar, presented to Osh's host: a visitor there, no user of Kastamonu touched
    response = client_a.post("/i18n/language/", {"language": "ru", "next": "/"}, HTTP_HOST=host_of(university_b))

    assert response.status_code == 302
    assert stored_language(university_a, "ayse") == ""
    with schema_context(university_b.schema_name):
        assert not AuditEntry.objects.filter(action="user.language_changed").exists()


def test_the_root_domain_switcher_offers_every_language(root_client):
    response = root_client.post("/i18n/language/", {"language": "ky", "next": "/accounts/login/"},
                                HTTP_HOST=ROOT_HOST)

    assert response.status_code == 302
    assert root_client.get("/accounts/login/")["Content-Language"] == "ky"
