"""Error pages are the product's own: styled, in the reader's language, on every kind of host; the API keeps JSON."""

import os
import subprocess
import sys

from django.conf import settings
from django.test import Client, RequestFactory
from django.utils import translation

from kopru.api.errors import bad_request, server_error
from tests.conftest import ROOT_HOST, make_office_user
from tests.core.accounts.helpers import sign_in

STYLESHEET = "/static/css/kopru.css"


def assert_styled(response, status: int, *texts: str) -> str:
    html = response.content.decode()
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert STYLESHEET in html and 'name="viewport"' in html
    for text in texts:
        assert text in html
    return html


def test_a_missing_page_of_a_university_answers_in_its_language(client_a):
    response = client_a.get("/no/such/page/")

    html = assert_styled(response, 404, "Bu adreste hiçbir şey bulunamadı.")
    assert '<html lang="tr">' in html


def test_a_missing_record_answers_the_same_page(client_a, university_a, admin_a):
    sign_in(client_a, university_a, admin_a)

    response = client_a.get("/partners/999999/")

    assert_styled(response, 404, "Bu adreste hiçbir şey bulunamadı.")


def test_the_root_domain_and_an_unknown_host_answer_the_styled_page(root_client, db):
    assert_styled(root_client.get("/no/such/page/"), 404, "Nothing was found at this address.")
    assert_styled(Client(HTTP_HOST=f"nowhere.{ROOT_HOST}").get("/"), 404, "Nothing was found at this address.")


def test_a_page_the_person_may_not_see_answers_403_in_their_language(client_a, university_a):
    viewer = make_office_user(university_a, username="veli", role="viewer")
    sign_in(client_a, university_a, viewer)

    response = client_a.get("/office/users/")

    assert_styled(response, 403, "Bunu yapmaya yetkiniz yok.")


def test_a_failure_answers_a_page_that_needs_no_request_context():
    request = RequestFactory().get("/partners/")

    with translation.override("tr"):
        response = server_error(request)

    assert_styled(response, 500, "Bizim tarafımızda bir sorun oluştu. Hata kaydedildi.")


def test_a_request_django_refuses_answers_the_styled_400():
    with translation.override("tr"):
        response = bad_request(RequestFactory().get("/partners/"), ValueError("bad"))

    assert_styled(response, 400, "İstek anlaşılamadı.")


def test_the_api_keeps_answering_json(client_a):
    response = client_a.get("/api/no/such/thing/")

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


def test_the_demo_shows_the_error_pages_not_tracebacks():
    env = {name: value for name, value in os.environ.items() if name not in {"KOPRU_DEMO", "DJANGO_DEBUG"}}
    code = "import kopru.settings.dev as s; print(s.DEBUG)"

    def debug(**variables: str) -> str:
        result = subprocess.run([sys.executable, "-c", code], cwd=settings.BASE_DIR, env={**env, **variables},
                                capture_output=True, text=True, timeout=60, check=True)
        return result.stdout.strip()

    assert debug(KOPRU_DEMO="1") == "False"
    assert debug() == "True"
    assert debug(KOPRU_DEMO="1", DJANGO_DEBUG="1") == "True"
